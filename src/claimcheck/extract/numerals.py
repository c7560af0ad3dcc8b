"""Read Chinese, Arabic and mixed numerals (``三百六十三点九万``, ``10.1万``, ``5億1萬4千6百``) as Decimals.

A reading keeps what the writing states besides the value:

- ``half``: half the width of the rounding interval a stated decimal admits (``10.1万`` → 500, so
  the number stands for [100500, 101500)); zero for integers, which are exact.
- ``place_of(value)``: the place value of the last non-zero digit (``600`` → 100, ``1.3万`` → 1000, ``百`` → 100),
  on which 余/多 act: ``600余`` is (600, 700).

Magnitudes: 十 百 千 (places) multiply the digit before them; 万 and 亿 (sections) multiply the whole
section before them, and a bigger section multiplies everything read so far (``1.5万亿`` = 1.5 × 10^12,
``5億1萬`` = 500010000). A trailing digit after a place of 100 or more names the next lower place
(``一万二`` = 12000, ``三千五`` = 3500) unless a 零 came between (``一百零五`` = 105).
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Reading", "read_numeral", "read_any", "place_of", "split_adjacent_range", "DIGITS", "PLACES",
           "SECTIONS"]

DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9, "倆": 2, "壹": 1, "贰": 2, "貳": 2, "叁": 3, "參": 3, "肆": 4, "伍": 5,
    "陆": 6, "陸": 6, "柒": 7, "捌": 8, "玖": 9, "幺": 1,
}
PLACES: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
SECTIONS: dict[str, int] = {"万": 10**4, "萬": 10**4, "亿": 10**8, "億": 10**8, "兆": 10**12}
_TENS = {"廿": 20, "卅": 30}
_DIGIT_CHARS = "".join(DIGITS)

# One token: an Arabic number ("1,234.5"), a Chinese digit, place, section, or the decimal 点.
_TOKEN = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?|点[零〇○一二两三四五六七八九]+|.")
_ONE = Decimal(1)
_ZERO = Decimal(0)
_HALF = Decimal("0.5")


class Reading(NamedTuple):
    """A numeral's value and the half-width of its rounding interval (0 when exact)."""

    value: Decimal
    half: Decimal


def place_of(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 600 → 100, 101000 → 1000, 10.5 → 0.1."""
    if not value:
        return _ONE
    return _ONE.scaleb(value.normalize().as_tuple().exponent)


def _arabic(tok: str) -> tuple[Decimal, int]:
    """An Arabic token as (value, number of decimals)."""
    tok = tok.replace(",", "")
    dot = tok.find(".")
    return Decimal(tok), (0 if dot < 0 else len(tok) - dot - 1)


def _digit_by_digit(s: str) -> Decimal | None:
    """``二〇二五`` → 2025: three or more digits (or any with 〇/零) and no place characters."""
    if len(s) < 2 or s.strip(_DIGIT_CHARS):
        return None
    if len(s) == 2 and not any(c in "〇○零" for c in s):
        return None
    return Decimal("".join(str(DIGITS[c]) for c in s))


@lru_cache(maxsize=8192)
def read_numeral(s: str) -> Reading | None:
    """Read one numeral (no range, no unit); None when ``s`` is not a well-formed numeral."""
    if not s:
        return None
    if s.isdigit() and s.isascii():
        return Reading(Decimal(s), _ZERO)
    if s[0].isdigit() and s.replace(",", "").replace(".", "", 1).isdigit():
        value, decimals = _arabic(s)
        return Reading(value, _HALF.scaleb(-decimals) if decimals else _ZERO)
    whole = _digit_by_digit(s)
    if whole is not None:
        return Reading(whole, _ZERO)
    return _read_compound(s)


def _read_compound(s: str) -> Reading | None:
    """Read a numeral with places and sections (``一千二百三十四``, ``12百万``, ``1.5万亿``)."""
    total = Decimal(0)
    section = Decimal(0)
    number: Decimal | None = None
    top = 0  # the biggest section multiplier seen so far
    last_mult = 0  # multiplier of the last place/section character
    zero = False
    half = Decimal(0)
    half_live = False  # the decimal just read is still being multiplied
    place = 10**4  # the last place read in this section: places go down (一百二百 is no numeral)
    for tok in _TOKEN.findall(s):
        c = tok[0]
        if c == "点":
            return None  # a Chinese decimal part is read by read_cn_decimal
        if c.isdigit():
            if number is not None:
                return None  # two numbers side by side: not a numeral
            value, decimals = _arabic(tok)
            number, half_live = value, bool(decimals)
            half = _HALF.scaleb(-decimals) if decimals else half
        elif c in DIGITS:
            if number is not None:
                return None
            if c in "零〇○":
                zero = True  # 一百零五: the next digit is units, not the next lower place
            else:
                number, half_live = Decimal(DIGITS[c]), False
        elif c in _TENS:
            if place <= 10:
                return None
            section += _TENS[c]
            number, last_mult, place = None, 10, 10
        elif c in PLACES:
            mult = PLACES[c]
            if mult >= place:
                return None
            place = mult
            section += (_ONE if number is None else number) * mult
            half = half * mult if half_live else half
            number, last_mult, zero = None, mult, False
        elif c in SECTIONS:
            mult = SECTIONS[c]
            if number is None and not section and total and last_mult >= 10**4 and mult <= top:
                # 万万 = 亿 (四万万 = 4 × 10^8): a section right after a section multiplies it
                total *= mult
                top = last_mult = top * mult
                half = half * mult if half_live else half
                continue
            if mult == last_mult and number is not None:
                return None  # 3万5万: two numbers, not one
            part = section + (number or 0)
            if number is None and not section and not top:
                part = _ONE  # 万 alone, 亿 alone (not 亿 after "0万": 0万亿 is 0)
            if mult > top:
                total = (total + part) * mult
                top = mult
            else:
                total += part * mult
            half = half * mult if half_live else half
            section, number, last_mult, zero, place = Decimal(0), None, mult, False, 10**4
        else:
            return None
    if number is not None:
        if last_mult >= 100 and not zero and number < 10 and number == number.to_integral_value():
            number *= last_mult // 10  # 一万二 → 12000, 三千五 → 3500
        section += number
    return Reading(total + section, half)


_DECIMAL_CN = re.compile(f"^(?P<int>.*?)点(?P<frac>[{_DIGIT_CHARS}]+)(?P<mag>[万萬亿億兆]*)$")  # 五十六点叁叁


@lru_cache(maxsize=4096)
def read_cn_decimal(s: str) -> Reading | None:
    """``三百六十三点九万`` → 3639000 with half 500: a Chinese numeral with a 点 decimal part."""
    m = _DECIMAL_CN.match(s)
    if m is None:
        return None
    head = read_numeral(m["int"]) if m["int"] else Reading(_ZERO, _ZERO)
    if head is None:
        return None
    frac = m["frac"]
    fraction = Decimal("0." + "".join(str(DIGITS[c]) for c in frac))
    value = head.value + fraction
    half = _HALF.scaleb(-len(frac))
    for c in m["mag"]:
        value *= SECTIONS[c]
        half *= SECTIONS[c]
    return Reading(value, half)


_CONSECUTIVE = {("一", "二"), ("二", "三"), ("三", "四"), ("四", "五"), ("五", "六"), ("六", "七"),
                ("七", "八"), ("八", "九"), ("一", "两"), ("两", "三"), ("三", "五"), ("三", "两")}


@lru_cache(maxsize=4096)
def split_adjacent_range(s: str) -> tuple[str, str] | None:
    """``五六百`` → (``五百``, ``六百``); ``三四十`` → (``三十``, ``四十``); ``十五六`` → (``十五``, ``十六``).

    The pair must stand alone between places: in ``十点二三三`` or ``一七二零点一三四`` the digits are
    read one by one, not as a range.
    """
    if "点" in s:
        return None
    for i in range(len(s) - 1):
        if (s[i], s[i + 1]) in _CONSECUTIVE:
            if (i and s[i - 1] in DIGITS) or s[i + 2:i + 3] in DIGITS:
                return None
            low, high = s[:i + 1] + s[i + 2:], s[:i] + s[i + 1:]
            return (high, low) if s[i] == "三" and s[i + 1] == "两" else (low, high)  # 三两天: two or three
    return None


def read_any(s: str) -> Reading | None:
    """Read a numeral that may carry a Chinese 点 (traditional 點) decimal part."""
    if "點" in s:
        s = s.replace("點", "点")
    if "点" in s:
        return read_cn_decimal(s)
    return read_numeral(s)
