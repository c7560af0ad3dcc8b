"""Plain number phrases in a hurry: Arabic digits, maybe 万/亿, a plain unit, nothing else.

"388家", "30.32%", "27.41亿元" and "10.1万P" make up most quantities in news text. ``plain_hit``
reads them with one small regex and a few lines, without trying the whole grammar; ``fast`` does
the same for a grammar match. Anything with a qualifier, a range, a label unit or a year goes
to the general path (``quantity_number``), which gives the same answer more slowly.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numerals import place_of
from .quantity_build import apply_shape, before, clean, direction, integral
from .quantity_tables import tables, trie_regex

__all__ = ["plain_search", "plain_hit", "clear_plain_cache", "fast", "QUAL_LAST", "SIGN_LAST"]

_T = tables()
_UNITS = _T.units
_SHAPES = _T.shapes
_BEFORE = _T.before
_NEXT_PLACE = _T.shapes["next_place"]  # 余/多/来 after a number: (600, 700) for 600余
_ONLY_BARE = frozenset(("上", "数", "几", "好几", "过"))  # as in quantity_number: bare magnitudes only
_ONE = Decimal(1)
QUAL_LAST = frozenset(w[-1] for w in _T.before) | {"币"}  # 约合人民币5亿元
SIGN_LAST = frozenset(w[-1] for w in _T.directions) | {"了", "负", "負", "-"}
_QUAL_LAST = QUAL_LAST
_SIGN_LAST = SIGN_LAST


def _fast_units() -> dict[str, tuple]:
    """Units a plain number can take without any special rule (no factor, rank, label or 成)."""
    return {text: (u.unit, u.dim, u.kind) for text, u in _UNITS.items()
            if u.factor == _ONE and u.claimable and u.kind != "label" and not u.approx and not u.half
            and u.unit not in ("位", "名") and text != "成"}


_FAST_UNITS = _fast_units()
_MAG_EXP = {"万": 4, "萬": 4, "亿": 8, "億": 8, "万亿": 12, "萬億": 12}
_INTEGRAL_HALF = {k: Decimal(5).scaleb(k - 1).quantize(_ONE) for k in range(1, 20)}


def _plain_tail() -> str:
    """Digits, maybe 万/亿, a plain unit, and nothing after that could extend the phrase.

    Example: "388家", "30.32%", "27.41亿元", "10.1万P", "6年". Not "90年代", "200个以上" or
    "3%-5%" (a decade; a qualifier or range follows). Years and phone numbers (2025年,
    13800138000家) match here but plain_hit sends them to the grammar, which reads them first.
    """
    units = {}
    for text, guard in _unit_guards().items():
        if text in _FAST_UNITS and text not in ("%", "‰"):
            # 个 must not be the start of a longer unit the grammar knows (个亿, 个多月)
            longer = {u[len(text)] for u in _UNITS if len(u) > len(text) and u.startswith(text)}
            units[text] = guard + ("(?![" + re.escape("".join(sorted(longer))) + "])" if longer else "")
    units["%"] = units["‰"] = ""
    units["年"] += "(?!代)"  # 90年代 is a decade; a year (2025年) is sent on by plain_hit
    # After the first digit (the scanner's search consumed it). Possessive digits: no unit starts
    # with a digit or ".", so giving digits back never helps.
    # 余/多/来 between the number and the unit (600余家, 40多种), not before a magnitude (30多万人).
    return (r"([0-9]*+(?:\.[0-9]++)?+)(万亿|萬億|万|萬|亿|億)?([余多来](?![万萬亿億千百十仟佰拾]))?("
            + trie_regex(units) + ")"
            r"(?![余多来几至到~\-—–%‰0-9A-Za-z以左上前之有内及或+/])")


def _unit_guards() -> dict[str, str]:
    guards = {}
    for text, unit in _UNITS.items():
        end = "(?![" + re.escape(unit.not_before) + "])" if unit.not_before else ""
        if text.isascii() and text[-1].isalpha():
            end += "(?![A-Za-z])"
        guards[text] = end
    return guards


# What the grammar reads before a number phrase: a mobile or 400 number, a year before 年.
# Example: "13800138000", "4008208820", "2025".
_PHONE = re.compile(r"(?:1[3-9][0-9]{9}|400[0-9]{7})(?![0-9])")
_YEAR = re.compile(r"1[5-9][0-9]{2}|20[0-9]{2}")
# A plain phrase preceded by one of these may be something else: a label
# (B2), a decimal or code (1.5, 2-3), an ordinal (第), a rate base (每) or a quote: the grammar
# decides. Qualifiers (超过) are checked word by word in plain_hit.
_TAIL = _plain_tail()
_PLAIN_BLOCK = frozenset("0123456789.-—–~/:+×负負第每“\"「『‘《氏币度") | frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def plain_search(start_class: str) -> re.Pattern[str]:
    """The scanner's search: the next character that can start a number phrase (``start_class``),
    and, when it is a digit that starts a plain phrase, the rest of that phrase (groups: the
    digits after the first, the magnitude, the unit).

    One search per candidate reads "388家" whole; the class comes first, so the regex engine
    skips to the next candidate in a tight loop. A digit after a character of _PLAIN_BLOCK is
    left to the grammar (B2, 1.5, 2-3, 第3, 每10, “1571”): 388 inside 1388家 never starts one.
    Example: in "共有388家", the search from 0 returns "388家" with groups ("88", None, "家").
    """
    block = "".join(sorted(_PLAIN_BLOCK))
    return re.compile(start_class + "(?:(?<=[0-9])(?<![" + re.escape(block) + "][0-9])" + _TAIL + ")?")


def plain_hit(m: re.Match[str], t: str, floor: int) -> tuple | None:
    """The hit for a plain phrase found by ``plain_search``, without trying the whole grammar.

    A qualifier word just before (超过388家, 突破50亿元) shapes the interval and joins the span,
    as the general path does; None sends the rare remaining cases there (每 or a minus sign
    before the qualifier, a year or a phone number).
    """
    p = m.start()
    rest, mag, approx, written = m.groups()
    head = t[p:p + 1 + len(rest)]
    if p > floor + 1 and t[p - 1] == " " and (t[p - 2] in _QUAL_LAST or t[p - 2] in _SIGN_LAST or t[p - 2] in "氏币度"):
        return None  # 超过 600家, 增长 5%: the general path reads the word across the space
    if written == "年" and not mag and not approx and _YEAR.fullmatch(head):
        return _year(p, m.end(), head, t)
    if len(head) >= 10 and _PHONE.match(head):
        return None  # the grammar reads phone numbers before number phrases
    unit, dim, kind = _FAST_UNITS[written]
    qual = None
    start = p
    if p > floor and t[p - 1] in _QUAL_LAST:
        qual, qs = before(t, p, floor)
        if qual in _ONLY_BARE or (qual == "近" and dim == "duration"):
            qual = None  # 上/数/过 only qualify a bare magnitude; 近3年 is "the last three years"
        elif qual is not None:
            if (qs > floor and t[qs - 1] in "每负- ") or _BEFORE[qual] == "several" or approx:
                return None  # (超过600余家: the general path narrows one interval by the other)
            start = qs
    key = (head, mag, approx, qual, written)
    reading = _READINGS.get(key)
    if reading is None:
        if len(_READINGS) >= 50_000:
            _READINGS.clear()
        reading = _READINGS[key] = _reading(head, mag, approx, qual, written)
    value, low, high, li, hi, qual, written = reading
    word = None
    if start > floor and t[start - 1] in _SIGN_LAST:
        word, sign = direction(t, start, floor)
        if sign < 0:
            value, low, high, li, hi = _neg(value), _neg(high), _neg(low), hi, li
    return (start, m.end(), value, low, high, unit, dim, qual, kind, True, li, hi, word, written)


_READINGS: dict[tuple, tuple] = {}  # what the words of a plain phrase say, by its parts


def clear_plain_cache() -> None:
    """Forget the cached plain readings."""
    _READINGS.clear()


def _stated(value: Decimal, dec: int, k: int) -> tuple[Decimal, Decimal, bool, bool]:
    """The interval a plain number admits: exact when it has no decimals, else its rounding
    interval on the last stated place (``10.1万``: dec 1, k 4 → [100500, 101500))."""
    if not dec:
        return value, value, True, True
    half = _INTEGRAL_HALF[k - dec] if k > dec else Decimal(5).scaleb(k - dec - 1)
    return value - half, value + half, True, False


def _reading(head: str, mag: str | None, approx: str | None, qual: str | None, written: str) -> tuple:
    """Value, interval, qualifier and unit as written of a plain phrase, before any sign word."""
    dec = len(head) - head.index(".") - 1 if "." in head else 0
    value = Decimal(head)
    if mag:
        k = _MAG_EXP[mag]
        value = value.scaleb(k)
        value = integral(value) if dec <= k else value.normalize()
        written = mag + written
    else:
        k = 0
    if qual is not None or approx:
        shape = _SHAPES[_BEFORE[qual]] if qual is not None else _NEXT_PLACE
        low, high, li, hi = apply_shape(shape, value, place_of(value))
        value, low, high = clean(value), clean(low), clean(high)
        qual = qual or approx
    else:
        low, high, li, hi = _stated(value, dec, k)
    return value, low, high, li, hi, qual, written


def _year(p: int, end: int, head: str, t: str) -> tuple | None:
    """2025年, 2023年度: a year, as the grammar's year alternative reads it (build_year).

    None when a month may follow (2025年1月, 2025年 十月): the grammar reads a date there.
    """
    if t[end:end + 1] == "度":
        end += 1
    c = t[end:end + 1]
    if c == " ":
        c = t[end + 1:end + 2]
    if c and c in _MONTH_FIRST:
        return None
    value = Decimal(head)
    return (p, end, value, value, value, "年", "time", None, "year", False, True, True, None, None)


_MONTH_FIRST = frozenset("0123456789十一二三四五六七八九")


def _neg(d: Decimal | None) -> Decimal | None:
    return None if d is None else -d


def fast(g: re.Match[str], t: str, start: int, floor: int) -> tuple | None:
    """The common phrase in a hurry: Arabic digits, maybe 万/亿, a plain unit, nothing else.

    Example: "388家", "30.32%", "27.41亿元". Returns None when the phrase needs the general path.
    Reads three groups, not twelve: the match is exactly n1 + unit when its length says so.
    """
    n1, unit_text, p1 = g.group("n1", "unit", "p1")
    written = unit_text or p1
    end = g.end()
    if written is None or (unit_text and p1) or end - start != len(n1) + len(written):
        return None
    fast = _FAST_UNITS.get(written)
    if fast is None:
        return None
    head = n1.rstrip("万亿萬億")
    if head.isdigit():
        dec = 0
    elif head.replace(".", "", 1).isdigit():
        dec = len(head) - head.index(".") - 1
    else:
        return None  # 1,234 and mixed magnitudes: the general path
    k = 0
    if len(head) < len(n1):
        k = _MAG_EXP.get(n1[len(head):], -1)
        if k < 0:
            return None
        written = n1[len(head):] + written
    value = Decimal(head)
    if k:
        value = value.scaleb(k)
        value = integral(value) if dec <= k else value.normalize()
    low, high, li, hi = _stated(value, dec, k)
    unit, dim, kind = fast
    word = None
    if start > floor and t[start - 1] in _SIGN_LAST:
        c = t[start - 1]
        negative = False
        if c in "负負" or (c == "-" and not (start >= 2 and t[start - 2].isascii() and t[start - 2].isalnum())):
            start, negative = start - 1, True
        else:
            word, sign = direction(t, start, floor)
            negative = sign < 0
        if negative:
            value, low, high, li, hi = -value, -high, -low, hi, li
    return (start, end, value, low, high, unit, dim, None, kind, True, li, hi, word, written)
