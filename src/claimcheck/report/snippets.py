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


# A line that starts an item of its own, not the rest of a sentence: a Markdown heading, quote,
# list item or table row ("# 标题", "> 引文", "- 条目", "| 表 |"), a bullet ("• 最新资讯", "●本报记者"),
# a numbered item ("1、", "2.加强", "（三）", "二、"), but not a number ("2.5%").
_ITEM_START = re.compile(r"[#>|]|[-*+][ \t]|[•·●○□■◆◇▪►▶★☆※]|\d{1,2}(?:[、)）]|\.(?!\d))"
                         r"|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、")
# A line this short that does not end a sentence is a heading, a label or a page widget ("收藏",
# "+1", "三、主要任务"), not a wrapped line of prose: the line break after it ends the context.
_SHORT_LINE = 8
_TEXT = re.compile(r"\S")


def _soft_break(text: str, i: int) -> bool:
    """True when the line break ``text[i]`` wraps a sentence: the line before it is prose (not short,
    not an item's heading), and the next line has text and does not start an item of its own."""
    before = i - 1
    while before >= 0 and text[before] in _BLANK:
        before -= 1
    after = i + 1
    while after < len(text) and text[after] in _BLANK:
        after += 1
    if before < 0 or after >= len(text) or text[before] == "\n" or text[after] == "\n":
        return False  # a blank line (or the text's edge): a paragraph break
    line = text.rfind("\n", 0, before) + 1
    while text[line] in _BLANK:
        line += 1
    prose = before + 1 - line >= _SHORT_LINE and not _ITEM_START.match(text, line)
    return prose and not _ITEM_START.match(text, after)


def _stop(text: str, i: int) -> bool:
    """True when the snippet must not take ``text[i]``: a full stop, or a line break that is not a wrap."""
    ch = text[i]
    return ch in _STOPS or (ch == "\n" and not _soft_break(text, i))


def _space(ch: str) -> bool:
    return ch in _BLANK or ch == "\n"


def _bounds(text: str, start: int, end: int, radius: int) -> tuple[int, int, bool, bool]:
    """The sentence around ``[start, end)``, across wrapped lines, cut to ``radius`` characters a side;
    and whether it was cut short on the left and on the right (an ellipsis belongs there)."""
    left = start
    while left > 0 and start - left < radius and not _stop(text, left - 1):
        left -= 1
    right = end
    while right < len(text) and right - end < radius and not _stop(text, right):
        right += 1
    if right < len(text) and text[right] in _STOPS:
        right += 1  # keep the full stop: the sentence reads finished
    while left < start and _space(text[left]):
        left += 1  # a snippet never starts or ends on a line break or indentation
    while right > end and _space(text[right - 1]):
        right -= 1
    before = left - 1
    while before >= 0 and _space(text[before]) and not _stop(text, before):
        before -= 1
    cut_left = before >= 0 and not _stop(text, before)
    # unfinished on the right ("连续3" + blank line + "年入围") unless a full stop, the text's end or
    # the next item closes it
    rest = _TEXT.search(text, right)
    next_item = rest is not None and "\n" in text[right:rest.start()] and _ITEM_START.match(text, rest.start())
    cut_right = text[right - 1] not in _STOPS and rest is not None and not next_item
    return left, right, cut_left, cut_right


def _show_breaks(segments: list[Segment]) -> list[Segment]:
    """Each line break (with the indentation around it) as BREAK, inside its own segment's class."""
    return [(_LINE_BREAK.sub(BREAK, t), c) if "\n" in t else (t, c) for t, c in segments]


def snippet(text: str, start: int, end: int, indicator: str = "", radius: int = 60) -> list[Segment]:
    """The sentence around a number as segments, the number marked ``num`` and its indicator ``ind``.

    Line breaks inside the sentence are shown as BREAK (``⏎``), within the segment they fall in, so a
    number written across a line (``300⏎亿元``) stays one marked segment.
    """
    left, right, cut_left, cut_right = _bounds(text, start, end, radius)
    before, number, after = text[left:start], text[start:end], text[end:right]
    out: list[Segment] = [("…", "gap")] if cut_left else []
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
    if cut_right:
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
