"""Numbers written with spaces inside: ``7 万5 千4 百``, ``二十 億``, ``百分之五 十``, ``1 000 000``.

Web pages, OCR and converted documents put spaces between the parts of one number. A space is
closed up only where the two sides can only be one compound (``join_at``): a lower place or a
magnitude after a digit (``五 十``, ``1000  万``), a digit after a Chinese place (``一百 五``),
点/分之/余/成/折/个百分点 inside or after a number, digit groups of three with a zero-led group
(``1 000 000``). Two numbers side by side stay two (``2020 2021``, ``1 2 3``, ``共3 4个``).

The closed-up phrase is read by the ordinary grammar on a copy of the text, and the reading is
kept only when it runs across a closed space and ends where a written token ends; otherwise the
phrase is read as if no space had been closed.
"""

from __future__ import annotations

import re

from .quantity_build import BUILDERS, Hit
from .quantity_grammar import SPACED_RUN, grammars_by_first_char
from .numerals import PLACES, SECTIONS
from .quantity_number import build_number

__all__ = ["build_spaced", "join_at"]

_CN_DIGITS = "零〇○一二两兩倆三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖"
_PLACES = "".join(PLACES) + "廿卅"
_SECTIONS = "".join(SECTIONS)
_ASCII = "0123456789"
_DIGITS = frozenset(_CN_DIGITS + _ASCII)
_NUMBER = frozenset(_CN_DIGITS + _ASCII + _PLACES + _SECTIONS)
_CN_NUMBER = frozenset(_PLACES + _SECTIONS)
# What a spaced run is made of: the characters of the grammar's lookahead.
_RUN = re.compile(f"[{SPACED_RUN}]+(?: {{1,4}}[{SPACED_RUN}]+)*")
# Words that may be split by spaces or follow a number across one: 一 百 五 十 个 百 分 点,
# 一百五十    个基点.
_WORDS = ("个百分点", "個百分點", "百分点", "百分點", "个基点", "分之")
_OPENERS = ("百分之", "千分之", "分之")
# A three-digit group led by a zero says "thousands separator": 1 000 000, 2 050 000 (a list
# of numbers, 100 200 300, has none and stays a list).
_SI = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")
# A fraction after 又. Example: "又 三 分之 一".
_FRACTION_AHEAD = re.compile(f"又[{''.join(sorted(_NUMBER))} ]+分 *之")
# Digits and the magnitude after them. Example: "5千 4百" (group 1: 千).
_LOWER = re.compile(f"[0-9]+(?:\\.[0-9]+)? ?([{_PLACES}{_SECTIONS}])")
_MAGNITUDE = {**PLACES, **SECTIONS, "廿": 10, "卅": 10}


def join_at(before: str, rest: str) -> bool:
    """Close the space between ``before`` (the phrase so far, spaces removed) and ``rest``.

    Examples: ("七", "万5") yes; ("一百", "五十二") yes; ("四百点", "五") yes; ("百分之五", "十")
    yes; ("一百五十", "个百分点") yes; ("九", "九折") yes; ("2020", "2021") no; ("3万", "5") no.
    ("一百", "二百") yes, but 一百二百 is no numeral, so build_spaced falls back to 一百 alone.
    """
    left, right = before[-1], rest[0]
    if right == "又":  # 三 百 五 又 三 分之 一: a whole number and a fraction
        return left in _NUMBER and _FRACTION_AHEAD.match(rest) is not None
    if left == "又" or (right in "负負" and before.endswith("分之")):
        return True
    if right in "至到~":  # 1 至 2 万人: a range written with spaces
        return left in _NUMBER and rest.lstrip("至到~ ")[:1] in _NUMBER
    if left in "至到~":
        return right in _NUMBER
    for w in _WORDS:  # inside a split word, or the word right after a number
        for k in range(len(w)):
            if before.endswith(w[:k]) and rest.startswith(w[k:]) and (k or left in _NUMBER):
                return True
    if right in _PLACES:
        return left in _DIGITS
    if right in _SECTIONS:
        return left in _NUMBER or left in "余多"
    if right in "余多几幾":
        return left in _NUMBER
    if right in "点點":
        return left in _NUMBER and rest[1:2] in _DIGITS
    if right in "成折":
        return left in _DIGITS or left in _PLACES
    if right in _DIGITS:
        if before.endswith(_OPENERS) or left in "点點":
            return True
        if left in _CN_NUMBER:
            # 一百 五, 三千 九百; 7万 5千 4百 (a lower place follows the digits), not 3万 2024年
            if right in _CN_DIGITS:
                return True
            lower = _LOWER.match(rest)
            return lower is not None and _MAGNITUDE[lower.group(1)] < _MAGNITUDE[left]
        if left in _DIGITS:
            return len(rest) > 1 and rest[1] in "成折"  # 九 九 折, 7 2 折
        if left == "成" and len(before) > 1 and before[-2] in _CN_DIGITS:
            return right in _CN_DIGITS and rest[1:2] not in _NUMBER  # 七成 六 → 76 %
    return False


def _closed(t: str, p: int) -> tuple[str, list[int], int, int] | None:
    """The run at ``p`` with its closable spaces removed: (compact, offsets in ``t`` of each
    compact character, end of the run in ``t``, compact offset of the first closed space)."""
    run = _RUN.match(t, p)
    if run is None:
        return None
    text = run.group()
    after = t[run.end():run.end() + 4]  # 一百五十    个基点: the word may run past the run
    si = {m.start() + i for m in _SI.finditer(text) if " 0" in m.group()
          for i, c in enumerate(m.group()) if c == " "}
    parts = text.split(" ")
    compact, offsets, first = "", [], -1
    pos = p
    for i, part in enumerate(parts):
        if not part:
            pos += 1
            continue
        if compact:
            gap = pos - p - 1
            if not (gap in si or join_at(compact, "".join(parts[i:]) + after)):
                break
            if first < 0:
                first = len(compact)
        compact += part
        offsets.extend(range(pos, pos + len(part)))
        pos += len(part) + 1
    if first < 0:
        return None
    return compact, offsets, offsets[-1] + 1, first


def build_spaced(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """The phrase at ``g.start()`` read with the spaces inside it closed, if that is one number."""
    p = g.start()
    closed = _closed(t, p)
    if closed is not None:
        compact, offsets, run_end, first = closed
        hit = _read(t[:p] + compact + t[run_end:], p, floor)
        if hit is not None and hit.start <= p:
            n = len(compact)
            e = hit.end - p
            # The reading must cross a closed space and end where a written part ends.
            if first < e and (e >= n or offsets[e] > offsets[e - 1] + 1):
                end = offsets[e - 1] + 1 if e <= n else hit.end + run_end - p - n
                return hit._replace(end=end)
    return _read(t, p, floor)


def _read(t: str, p: int, floor: int) -> Hit | None:
    """The phrase at ``p`` read by the grammar without its spaced alternative."""
    m = _UNSPACED[t[p]](t, p)
    hit = _BUILD[m.lastgroup](m, t, floor) if m is not None else None
    return hit if hit is None or isinstance(hit, Hit) else Hit._make(hit)  # the plain reader's tuple


_UNSPACED = grammars_by_first_char(spaced=False)
_BUILD = {**BUILDERS, "num": build_number}
