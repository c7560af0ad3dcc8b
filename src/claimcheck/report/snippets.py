"""Text pieces for the HTML report: snippets with the number marked, readings, character diffs.

Everything here returns plain strings or ``(text, css_class)`` segments. The template escapes every
segment on its own (Jinja2 autoescape), so article text can never become markup.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

__all__ = ["Segment", "BREAK", "fmt", "reading", "snippet", "diff_segments", "short_path"]

Segment = tuple[str, str]  # (text, css class: "" plain, "num", "ind", "del", "ins", "gap")

# A snippet stops at the end of a sentence or clause list, or at a paragraph break (a blank line).
# A single line break inside a sentence (hard-wrapped text, a figure that starts its line) is
# crossed and shown as BREAK, so the figure keeps its context.
_STOPS = frozenset("。！？；!?;")
_BLANK = frozenset(" \t\r\u3000\xa0")  # white space that can stand around a line break
BREAK = "⏎"
# "达到\r\n  601家" -> "达到⏎601家": a line break and the indentation around it become one BREAK
_LINE_BREAK = re.compile(r"[ \t\r\u3000\xa0]*\n[ \t\r\u3000\xa0]*")


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


# A Markdown line that starts a block of its own: "# 标题", "> 引文", "- 条目", "| 表格 |"
_BLOCK_START = re.compile(r"#|>|\||[-*+][ \t]")


def _soft_break(text: str, i: int) -> bool:
    """True when the line break ``text[i]`` is inside a paragraph: both its lines have text, and
    neither is a Markdown heading nor the next one a list item, quote or table row."""
    before = i - 1
    while before >= 0 and text[before] in _BLANK:
        before -= 1
    after = i + 1
    while after < len(text) and text[after] in _BLANK:
        after += 1
    if before < 0 or after >= len(text) or text[before] == "\n" or text[after] == "\n":
        return False
    line = text.rfind("\n", 0, before) + 1
    while text[line] in _BLANK:
        line += 1
    return text[line] != "#" and not _BLOCK_START.match(text, after)


def _stop(text: str, i: int) -> bool:
    """True when the snippet must not take ``text[i]``: a full stop or a paragraph break."""
    ch = text[i]
    return ch in _STOPS or (ch == "\n" and not _soft_break(text, i))


def _bounds(text: str, start: int, end: int, radius: int) -> tuple[int, int]:
    """The sentence around ``[start, end)``, across single line breaks, cut to ``radius`` characters a side."""
    left = start
    while left > 0 and start - left < radius and not _stop(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and right - end < radius and not _stop(text, right):
        right += 1
    if right < len(text) and text[right] in _STOPS:
        right += 1  # keep the full stop: the sentence reads finished
    while left < start and (text[left] in _BLANK or text[left] == "\n"):
        left += 1  # a cut never starts or ends on a line break or indentation
    while right > end and (text[right - 1] in _BLANK or text[right - 1] == "\n"):
        right -= 1
    return left, right


def _natural_left(text: str, left: int) -> bool:
    """True when the snippet starts where the text or the sentence does (no ellipsis needed)."""
    i = left - 1
    while i >= 0 and (text[i] in _BLANK or text[i] == "\n") and (text[i] != "\n" or _soft_break(text, i)):
        i -= 1
    return i < 0 or _stop(text, i)


def _natural_right(text: str, right: int) -> bool:
    """True when the snippet ends where the text, the sentence or the paragraph does."""
    if right >= len(text) or text[right - 1] in _STOPS:
        return True
    i = right
    while i < len(text) and (text[i] in _BLANK or text[i] == "\n") and (text[i] != "\n" or _soft_break(text, i)):
        i += 1
    return i >= len(text) or _stop(text, i)


def _show_breaks(segments: list[Segment]) -> list[Segment]:
    """Each line break (with the indentation around it) as BREAK, inside its own segment's class."""
    return [(_LINE_BREAK.sub(BREAK, t), c) if "\n" in t else (t, c) for t, c in segments]


def snippet(text: str, start: int, end: int, indicator: str = "", radius: int = 60) -> list[Segment]:
    """The sentence around a number as segments, the number marked ``num`` and its indicator ``ind``.

    Line breaks inside the sentence are shown as BREAK (``⏎``), within the segment they fall in, so a
    number written across a line (``300⏎亿元``) stays one marked segment.
    """
    left, right = _bounds(text, start, end, radius)
    before, number, after = text[left:start], text[start:end], text[end:right]
    out: list[Segment] = [] if _natural_left(text, left) else [("…", "gap")]
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
    if not _natural_right(text, right):
        out.append(("…", "gap"))
    return _show_breaks([s for s in out if s[0]])


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
