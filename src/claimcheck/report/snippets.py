"""Text pieces for the HTML report: snippets with the number marked, readings, character diffs.

Everything here returns plain strings or ``(text, css_class)`` segments. The template escapes every
segment on its own (Jinja2 autoescape), so article text can never become markup.
"""

from __future__ import annotations

from decimal import Decimal

from rapidfuzz.distance import Levenshtein

__all__ = ["Segment", "fmt", "reading", "snippet", "diff_segments", "short_path"]

Segment = tuple[str, str]  # (text, css class: "" plain, "num", "ind", "del", "ins", "gap")

# A snippet stops at the end of a sentence or clause list, or at a line break.
_STOPS = frozenset("。！？；!?;\n")


def fmt(x: int | float | None) -> str:
    """A JSON number written without exponent or float noise: 100500, 38.97, 0.005."""
    if x is None:
        return "∞"
    if isinstance(x, int):
        return str(x)
    text = format(Decimal(repr(x)), "f")  # repr is the shortest round-trip form of the float
    return text.rstrip("0").rstrip(".") if "." in text else text


def reading(low: int | float | None, high: int | float | None, low_inclusive: bool = True,
            high_inclusive: bool = True, value: int | float | None = None) -> str:
    """The interval a claim admits, spelled out: ``600 < x < 700``, ``x > 100000``, ``x = 601``."""
    lo_op = "≤" if low_inclusive else "<"
    hi_op = "≤" if high_inclusive else "<"
    if low is not None and high is not None:
        if low == high and low_inclusive and high_inclusive:
            return f"x = {fmt(low)}"
        return f"{fmt(low)} {lo_op} x {hi_op} {fmt(high)}"
    if low is not None:
        return f"x {'≥' if low_inclusive else '>'} {fmt(low)}"
    if high is not None:
        return f"x {hi_op} {fmt(high)}"
    return f"x = {fmt(value)}" if value is not None else "no interval read"


def _bounds(text: str, start: int, end: int, radius: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, cut to ``radius`` characters on each side."""
    left = start
    while left > 0 and start - left < radius and text[left - 1] not in _STOPS:
        left -= 1
    right = end
    while right < len(text) and right - end < radius and text[right] not in _STOPS:
        right += 1
    if right < len(text) and text[right] in _STOPS and text[right] != "\n":
        right += 1  # keep the full stop: the sentence reads finished
    return left, right


def snippet(text: str, start: int, end: int, indicator: str = "", radius: int = 60) -> list[Segment]:
    """The clause around a number as segments, the number marked ``num`` and its indicator ``ind``."""
    left, right = _bounds(text, start, end, radius)
    before, number, after = text[left:start], text[start:end], text[end:right]
    out: list[Segment] = [("…", "gap")] if left > 0 and text[left - 1] not in _STOPS else []
    cut = before.rfind(indicator) if indicator else -1
    if cut >= 0:
        out += [(before[:cut], ""), (indicator, "ind"), (before[cut + len(indicator):], "")]
    else:
        out.append((before, ""))
    out.append((number, "num"))
    cut = after.find(indicator) if indicator and cut < 0 else -1
    if cut >= 0:
        out += [(after[:cut], ""), (indicator, "ind"), (after[cut + len(indicator):], "")]
    else:
        out.append((after, ""))
    if right < len(text) and text[right - 1] not in _STOPS:
        out.append(("…", "gap"))
    return [s for s in out if s[0]]


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for text, cls in segments:
        if not text:
            continue
        if out and out[-1][1] == cls:
            out[-1] = (out[-1][0] + text, cls)
        else:
            out.append((text, cls))
    return out


def diff_segments(a: str, b: str) -> tuple[list[Segment], list[Segment]]:
    """Both passages as segments, characters only in ``a`` marked ``del``, only in ``b`` marked ``ins``."""
    left: list[Segment] = []
    right: list[Segment] = []
    for op in Levenshtein.opcodes(a, b):
        changed = op.tag != "equal"
        left.append((a[op.src_start:op.src_end], "del" if changed else ""))
        right.append((b[op.dest_start:op.dest_end], "ins" if changed else ""))
    return _merge(left), _merge(right)


def short_path(path: str, limit: int = 28) -> str:
    """The file name of ``path``, shortened in the middle past ``limit`` characters."""
    name = path.rsplit("/", 1)[-1]
    if len(name) <= limit:
        return name
    keep = (limit - 1) // 2
    return f"{name[:keep]}…{name[-keep:]}"
