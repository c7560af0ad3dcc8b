"""The general number phrase (600余家, 10.1万P, 1至2万人, 约30%, 超百名, 五六百家) → a Hit.

Split in two for speed: ``_core`` reads everything the matched words say by themselves (value,
interval, unit, qualifier) and is cached by the match's groups and the qualifier before it;
``build_number`` adds what depends on the surrounding text (the sign word, a rank context, the
bare-number rules) with a handful of lookups.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import NamedTuple

from .numerals import DIGITS, Reading, place_of, read_any, read_numeral, split_adjacent_range
from .quantity_build import (LETTER_FACTORS, ONLY_BARE, Hit, apply_shape, before, clean, direction,
                             is_bare_magnitude, label, point, rounding, signed)
from .quantity_grammar import BETWEEN, number_regex
from .quantity_plain import QUAL_LAST, QUOTES_CLOSE, QUOTES_OPEN, RANK_CONTEXT, fast
from .quantity_tables import Unit, tables

__all__ = ["build_number", "clear_number_cache"]

_T = tables()
_UNITS = _T.units
_ONE = Decimal(1)
_TWO = Decimal(2)
_TEN = Decimal(10)
_BELOW_TEN = Decimal("9.99")
_GROUPS = ("n1", "a1", "m1", "a2", "p1", "sep", "n2", "m2", "a3", "p2", "unit", "post")
_JI_PLACES = {"十": Decimal(10), "百": Decimal(100), "千": Decimal(1000)}  # 几 with a place: 一千几百
_PLACE_VALUE = {"十": Decimal(10), "拾": Decimal(10), "百": Decimal(100), "佰": Decimal(100), "千": Decimal(1000),
                "仟": Decimal(1000), "万": Decimal(10**4), "萬": Decimal(10**4), "亿": Decimal(10**8), "億": Decimal(10**8)}
_CN_DIGITS = frozenset("零〇○一二两兩三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖")
_CN_DIGIT_CHARS = "".join(_CN_DIGITS)
_AS_STATED = replace(_UNITS["折"], factor=_ONE)  # 75折: two digits are the percentage itself
_SECTIONS = "万萬亿億兆"
_MAGNITUDE_CHARS = "十拾百佰千仟万萬亿億兆"
_PLAIN_CN = "零〇○一二两三四五六七八九十百千"  # not financial, not a section: 十二 alone is a word
_COUNT_BEFORE = frozenset("共有仅只达剩")  # 共有一家企业: 一 is a count here
_ASCII_DIGITS = frozenset("0123456789")
_ENUM_AFTER = frozenset("、)）")  # 一、 / (二) / 3) at the start of a line: list labels
_ENUM_BEFORE = frozenset(("", "\n", " ", "(", "（", "\t"))
_BARE = "bare"
_MISSING = object()
_CACHE: dict[tuple, object] = {}
_CACHE_MAX = 50_000


class _Core(NamedTuple):
    """What the matched words say by themselves."""

    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    li: bool
    hi: bool
    unit: str | None
    dim: str | None
    qualifier: str | None
    kind: str
    claimable: bool
    unit_text: str | None
    trim: int  # characters to give back at the end (多 in 3个多元化 is not a qualifier)
    uses_qual: bool  # the qualifier before the number is part of the phrase
    article: bool  # 一个 / 一批: a count only if a sign word comes before
    rank_candidate: bool  # 108位 after 排名 is a rank


def _shared_tail(n1: str, n2: str) -> str:
    """The magnitude two range ends share: 1至2万 → 万; 十八至三十万 → 万; 三至五百 → 百; 400至500 → ''.

    A section (万, 亿) on the second end is shared unless the first end has one of its own; a
    place (百, 千) only by a lone digit (两~3百); 一至二十五 shares nothing.
    """
    if any(c in _SECTIONS for c in n1):
        return ""
    if (len(n1) == 1 and (n1 in _CN_DIGITS or n1.isdigit()) and len(n2) >= 2
            and (n2[0] in _CN_DIGITS or n2[0].isdigit()) and not n2[1:].strip(_MAGNITUDE_CHARS)):
        return n2[1:]  # 3到5千万 → 千万
    i = len(n2)
    while i > 0 and n2[i - 1] in _SECTIONS:
        i -= 1
    return n2[i:] if 0 < i < len(n2) else ""


def _read_range(n1: str, n2: str) -> tuple[Reading, Reading] | None:
    tail = _shared_tail(n1, n2)
    r2 = read_any(n2)
    r1 = read_any(n1 + tail) if tail else read_any(n1)
    if tail and r1 and r2 and r1.value > r2.value:
        r1 = read_any(n1)
    if r1 is None or r2 is None:
        return None
    return r1, r2


_BOUNDS = frozenset(("more_than", "at_least", "less_than", "at_most"))


def _intersect(a: tuple, b: tuple) -> tuple:
    """The intersection of two intervals (low, high, low_inclusive, high_inclusive); None = unbounded."""
    (lo1, hi1, li1, hi1_inc), (lo2, hi2, li2, hi2_inc) = a, b
    if lo1 is None or (lo2 is not None and (lo2 > lo1 or (lo2 == lo1 and not li2))):
        lo1, li1 = lo2, li2
    if hi1 is None or (hi2 is not None and (hi2 < hi1 or (hi2 == hi1 and not hi2_inc))):
        hi1, hi1_inc = hi2, hi2_inc
    return lo1, hi1, li1, hi1_inc


def _shape(value: Decimal, r1: Reading, approx: str | None, post: str | None,
           qual: str | None) -> tuple[Decimal, tuple, str | None]:
    """Value, interval and qualifier text of a single number with its qualifiers.

    A qualifier after the number (余, 左右, 以上) shapes the interval; a bound before it (超过,
    不到) narrows that interval further (超过600余家 → (600, 700)); an approximation before it
    (约, 近) only matters when nothing follows the number.
    """
    interval = rounding(r1)
    name = qualifier = None
    if approx:
        name, qualifier = "next_place", approx
    if post:
        name, qualifier = _T.after[post], post
    if name:
        interval = apply_shape(_T.shapes[name], value, place_of(value))
    if qual:
        qshape = _T.before[qual]
        if name is None:
            interval = apply_shape(_T.shapes[qshape], value, place_of(value))
            name = qshape
        elif qshape in _BOUNDS:
            narrowed = _intersect(interval, apply_shape(_T.shapes[qshape], value, place_of(value)))
            lo, hi, li, hi_inc = narrowed
            if lo is None or hi is None or lo < hi or (lo == hi and li and hi_inc):
                interval = narrowed  # else the words contradict each other: keep the reading after
        qualifier = qual if qualifier is None else f"{qual}…{qualifier}"
    if name == "several":
        value = (interval[0] + interval[1]) / _TWO
    return value, interval, qualifier


def _tenths(n1: str, n2: str | None, unit_text: str, unit: Unit) -> tuple[Unit | None, str]:
    """成 and 折 count tenths: 3成, 9.5成, 三至四成, 八折 (80 %), 8.5折; 75折 and 七五折 are 75 %.

    Returns the unit to apply (None: not a ratio, as in 20成) and the numeral to read.
    """
    if unit_text == "折" and not n2:
        if len(n1) == 2 and n1[0] in _CN_DIGITS and n1[1] in _CN_DIGITS and n1[0] not in "零〇○":
            return _AS_STATED, str(DIGITS[n1[0]] * 10 + DIGITS[n1[1]])  # 七五折
        if n1.isdigit() and len(n1) == 2 and n1[0] != "0":
            return _AS_STATED, n1  # 75折
    top = _TEN if unit_text == "成" else _BELOW_TEN  # 十成 is all of it; 十折 is no discount, not a figure
    for n in (n1, n2):
        r = read_any(n) if n else None
        if n and (r is None or r.value > top):
            return None, n1
    return unit, n1


def _core(key: tuple, qual: str | None) -> object:
    """Read the match's groups; None = not a number phrase, _BARE = decide from the context."""
    n1, a1, m1, a2, p1, sep, n2, m2, a3, p2, unit_text, post = key
    if n2 and m2 in LETTER_FACTORS:
        if m1 and m1 != m2:
            return None  # 10k-1M: two scales
        m1 = m2  # 10-15k, 10k-15k: the letter counts for both ends
    trim = 0
    if p1 and not n2 and unit_text in ("%", "‰") and post is None:
        trim, unit_text = len(unit_text), p1  # 5% %: one sign is the number's, the other stray
    if not unit_text and (p1 or p2):
        unit_text = p2 or p1
    unit = _UNITS[unit_text] if unit_text else None
    if post in ("多", "内", "之内") and (unit is None or unit.dim not in ("duration", "multiplier")):
        trim, post = len(post), None
    if post == "+" and unit_text and unit_text not in ("%", "‰"):
        trim, post = trim + 1, None  # + says "or more" right after a number (10万+), not after a unit
    sign = p2 if n2 else p1
    if sign and unit_text != sign and post is None:
        # 同比-12%大幅下滑: a percentage ends at its sign; 大 starts the next word, it is no unit
        trim, unit_text = trim + len(unit_text), sign
        unit = _UNITS[sign]
    if unit_text in ("成", "折"):
        unit, n1 = _tenths(n1, n2, unit_text, unit)
        if unit is None:
            return None
    approx = a1 or a2 or ("多" if unit is not None and unit.approx else None)
    # 二十几: 几 is a digit on the place after 十/百/千; 一百零几 (101-109): on the units place
    zero_ji = approx in ("几", "幾") and len(n1) > 1 and n1[-1] in "零〇" and n1[-2] in "十百千拾佰仟万萬亿億"
    ji_place = _JI_PLACES.get(approx[1:]) if approx and len(approx) == 2 else None
    if ji_place is not None and n1[-1] not in "零〇" and _PLACE_VALUE.get(n1[-1], 0) <= ji_place:
        return None  # 二十几十: 几 must stand on a lower place than the one before it
    if approx in ("几", "幾") and n1[-1] not in "十百千拾佰仟" and not zero_ji:
        return None
    pair = None
    if n2:
        pair = _read_range(n1, n2)
    elif len(n1) >= 2 and not n1[0].isdigit():
        split = split_adjacent_range(n1)
        pair = _read_range(*split) if split else None
    r1 = pair[0] if pair else read_any(n1)
    if r1 is None:
        return None
    bare_mag = is_bare_magnitude(n1)
    if (qual in ONLY_BARE and not bare_mag) or (qual == "近" and unit is not None and unit.dim == "duration"):
        qual = None  # 近3年 is "in the last three years", not "nearly three"
    if not (unit or approx or post or qual or pair or m1):
        return _BARE
    plain = not (approx or post or qual or pair)
    if bare_mag and len(n1) == 1 and n1 != "十" and plain:
        return None  # 万人发明专利, 百年: a magnitude word, not a count
    article = plain and n1 in ("一", "壹") and unit is not None and unit.dim == "count"
    if pair:
        r2 = pair[1]
        if r2.value < r1.value:
            return _Core(None, None, None, True, True, None, None, None, "label", False, None, trim,
                         False, False, False)  # 1-0, 10-5: a score or a code, not a range
        value = (r1.value + r2.value) / _TWO
        low, _, li, _ = rounding(r1)
        _, high, _, hi = rounding(r2)
        if a3:
            high, hi = r2.value + place_of(r2.value), False
        qualifier = sep or "~"
    else:
        value, (low, high, li, hi), qualifier = _shape(r1.value, r1, approx, post, qual)
        if ji_place is not None:  # 一千几百 → [1100, 2000), 两百几十 → [210, 300), 一千零几十 → [1010, 1100)
            low, high, li, hi = value + ji_place, value + 10 * ji_place, True, False
            value = (low + high) / _TWO  # an approximation before or after (约) adds nothing to a span
        elif zero_ji and post is None and qual is None:
            high = value + _TEN  # 一百零几 → (100, 110)
    factor = _ONE
    if m1:
        mag = LETTER_FACTORS.get(m1) or read_numeral(m1.lstrip("个"))
        if mag is None:
            return None  # 3多百千: no magnitude
        factor = mag if isinstance(mag, Decimal) else mag.value
    if unit is not None and unit.factor != _ONE:
        factor *= unit.factor
    if factor != _ONE:
        value, low, high = (None if x is None else x * factor for x in (value, low, high))
    if unit is not None and unit.half:
        extra = unit.factor / _TWO  # 两年半 → 2.5 年
        value, low, high = (None if x is None else x + extra for x in (value, low, high))
    if unit is None:
        kind, dim, claimable, canon = "number", None, True, None
    else:
        kind, dim, claimable, canon = unit.kind, unit.dim, unit.claimable, unit.unit
    if kind == "label":
        if canon == "号" and sum(c.isdigit() for c in n1) >= 5:
            kind = "code"  # 沪公网安备31010602000299号
        value = low = high = None
        li = hi = True
    if unit_text and m1:
        unit_text = m1 + unit_text
    elif unit_text and bare_mag and any(c in _SECTIONS for c in n1):
        unit_text = n1 + unit_text  # 百万人: the magnitude as written
    elif unit_text and n1[-1] in _SECTIONS and not n2:
        unit_text = n1[len(n1.rstrip(_SECTIONS)):] + unit_text
    return _Core(clean(value), clean(low), clean(high), li, hi, canon, dim, qualifier, kind, claimable,
                 unit_text, trim, qual is not None, article, canon in ("位", "名"))


# A smaller unit after a Chinese amount: 三元五角, 十块三毛, 一百三十五块六角七分钱 (money); a lone
# digit after 块 or 米 is its tenths: 两块五 = 2.5 元, 一米八 = 1.8 米.
_TAIL_UNITS = frozenset(("元", "块", "米", "美元", "欧元", "英镑"))
_CN_ONE = "一二两三四五六七八九"
_TAIL_DIGIT = _CN_ONE + "123456789"
# 5元3角, 三元五角六分, 十块三毛钱; not 5元3分钟 or 三元五分之一 (a duration, a fraction).
_MONEY_TAIL = re.compile(f"([{_TAIL_DIGIT}])[角毛](?:([{_TAIL_DIGIT}])分(?![钟之]))?钱?|([{_TAIL_DIGIT}])分(?![钟之])钱?")
# 两美元又三美分, 5欧元20欧分, 3英镑50便士: cents of a foreign currency (up to 99).
_CENTS = {"美元": "美分", "欧元": "欧分", "英镑": "便士"}
_CENT_TAIL = re.compile(f"又?([{_CN_ONE}十]{{1,3}}|[0-9]{{1,2}})(美分|欧分|便士)")
# 两块五一斤: a 一 after the tenths digit starts a price's "per one" (一斤, 一个), no third digit.
_DIGIT_TAIL = re.compile(f"[{_CN_ONE}](?![零〇○{_CN_ONE}十百千万亿0-9.%分角毛](?<!一)|一[零〇○{_CN_ONE}十百千万亿0-9.%分角毛点])")
_TWO_DIGIT_TAIL = re.compile(f"[{_CN_ONE}][{_CN_ONE}](?![零〇○{_CN_ONE}十百千万亿0-9.%分角毛])")  # 一米七五
_TENTH = Decimal("0.1")
_D = {**DIGITS, **{str(i): i for i in range(10)}}
_CENT = Decimal("0.01")


def _with_tail(core: _Core, t: str, end: int, arabic: bool) -> tuple[_Core, int]:
    """The core and end extended by a money or tenths tail after the unit, if one follows."""
    if core.unit_text in _CENTS:
        m = _CENT_TAIL.match(t, end)
        cents = read_any(m.group(1)) if m is not None and m.group(2) == _CENTS[core.unit_text] else None
        if cents is None or cents.value >= 100:
            return core, end
        value, low, high = (None if x is None else clean(x + cents.value * _CENT) for x in (core.value, core.low, core.high))
        return core._replace(value=value, low=low, high=high, article=False,
                             unit_text=core.unit_text + m.group()), m.end()
    money = core.unit_text != "米"
    m = _MONEY_TAIL.match(t, end) if money else None
    if m is not None:
        jiao, fen, fen_only = m.groups()
        extra = _D[jiao] * _TENTH + (_D[fen] * _CENT if fen else 0) if jiao else _D[fen_only] * _CENT
    elif (core.unit_text == "米" and not arabic and (m := _TWO_DIGIT_TAIL.match(t, end)) is not None
          and split_adjacent_range(m.group()) is None):  # 一米五六 is "1.5 or 1.6 m": no reading
        extra = DIGITS[m.group()[0]] * _TENTH + DIGITS[m.group()[1]] * _CENT  # 一米七五 → 1.75 米
    elif core.unit_text != "元" and not arabic and (m := _DIGIT_TAIL.match(t, end)) is not None:
        extra = DIGITS[m.group()] * _TENTH
    elif core.unit == "块" and not _cjk(t[end:end + 1]):
        # 一天能挣两三百块。: 块 closing the phrase is money; 三块屏幕 counts pieces
        return core._replace(unit="元", dim="money", kind="money"), end
    else:
        return core, end
    value, low, high = (None if x is None else clean(x + extra) for x in (core.value, core.low, core.high))
    if money:
        core = core._replace(unit="元", dim="money", kind="money", unit_text=core.unit_text + m.group())
    else:
        core = core._replace(unit_text=core.unit_text + m.group())
    return core._replace(value=value, low=low, high=high, article=False), m.end()


# 1万元至5万元, 10元-20元: a range with the unit written on both ends.
_SEP_FIRST = frozenset("至到~-—–")
# After 5元 a digit may start a money tail (5元3角), after 2美元 又 the cents (2美元又50美分).
_TAIL_FIRST = frozenset("123456789又")
_NOT_FAST_AFTER = _SEP_FIRST | _TAIL_FIRST | {"/", "和", "与"}  # 5吨/公顷: a rate; 18岁和60岁之间
_RANGE_SEP = re.compile(f"——|--|[至到~-]|—|–|{BETWEEN}")


def _second_end(core: _Core, key: tuple, t: str, end: int) -> tuple[_Core, int]:
    """The core and end extended over a second range end with the same unit, if one follows."""
    sep = _RANGE_SEP.match(t, end)
    if sep is None:
        return core, end  # 50人和: no 之间 after it
    m = number_regex().match(t, sep.end())
    # The second end is short: the scanner's memo assumes an answer reads little past the match.
    if m is None or m.end() - end > 10:
        return core, end
    k2 = m.group(*_GROUPS)
    if k2[10] != key[10] or k2[5] or k2[11] or k2[0][0].isdigit() != key[0][0].isdigit():
        return core, end
    c2 = _core(k2, None)
    if not isinstance(c2, _Core) or c2.value is None or c2.value <= core.value or core.qualifier:
        return core, end
    value = clean((core.value + c2.value) / _TWO)
    return core._replace(value=value, high=c2.high, hi=c2.hi, qualifier=sep.group(), article=False), m.end()


# A rate: a unit per another unit. Example: "5吨/公顷", "500公斤/亩", "2毫克/升", "3000元/月".
_UNIT_AT = re.compile(_T.unit_pattern)
_NOT_PER = frozenset(("percent", "permille", "percentage_point", "label", "multiplier"))
# Denominators that are no unit of their own: 3000元/月, 1.95港元/股, 500元/晚, 1.2万元/平.
_PER_WORDS = {"月": "月", "日": "天", "股": "股", "晚": "晚", "平": "平方米"}


def _per_unit(core: _Core, t: str, end: int) -> tuple[_Core, int]:
    """The core and end extended over ``/unit`` after the unit, if a unit follows the slash."""
    if core.kind in _NOT_PER or "/" in core.unit:
        return core, end
    m = _UNIT_AT.match(t, end + 1)
    per = _UNITS.get(m.group()) if m is not None else None
    after = t[m.end():m.end() + 1] if m is not None else ""
    if (per is not None and per.kind not in _NOT_PER and "/" not in m.group()
            and not (after.isascii() and after.isalnum())):  # not 5吨/h2
        # The denominator as its canonical unit when that is the same amount (公斤 → 千克), else as written.
        written, stop = m.group(), m.end()
        denominator = per.unit if per.factor == _ONE and not per.half else written
    elif t[end + 1:end + 2] in _PER_WORDS:
        written, stop = t[end + 1], end + 2
        denominator = _PER_WORDS[written]
    else:
        return core, end
    return core._replace(unit=f"{core.unit}/{denominator}", dim="price" if core.dim == "money" else "rate",
                         kind="number", unit_text=f"{core.unit_text}/{written}", article=False), stop


# A scale or currency named before the amount: 华氏98.6度 (℉), 摄氏35度 (℃), 港币两千元 (港元).
# The last characters of these words (氏, 币, 度) send a digit phrase after them to the general path.
_PREFIXES = {"度": (("华氏温度", "℉"), ("华氏", "℉"), ("摄氏温度", "℃"), ("摄氏", "℃")),
             "元": (("港币", "港元"), ("新台币", "新台币"), ("台币", "新台币"), ("澳门币", "澳门元"))}
_PREFIXED = frozenset(_PREFIXES)
_PREFIX_LAST = frozenset(w[-1] for ws in _PREFIXES.values() for w, _ in ws)


def _prefixed(unit: str, dim: str, t: str, start: int, floor: int) -> tuple[str, str]:
    """The unit and dimension a prefix word names (华氏 before 度, 新台币 177.1 亿元), else those given."""
    if t[start - 1] == " ":
        start -= 1
    for word, named in _PREFIXES[unit]:
        if start - len(word) >= floor and t.startswith(word, start - len(word)):
            return named, "temperature" if unit == "度" else dim
    return unit, dim


# A magnitude word alone is no number even between punctuation: "万", "万万" (adverb), "亿".
_LONE_MAGNITUDES = frozenset(("万", "萬", "亿", "億", "万万", "萬萬", "百", "佰", "千", "仟"))


def _starts_line(t: str, start: int) -> bool:
    """Only spaces between the line's start and ``start``."""
    return not t[t.rfind("\n", 0, start) + 1:start].strip()


def _alone_on_line(t: str, start: int, end: int) -> bool:
    """Only spaces between the number and the line's ends: a heading number such as "01"."""
    line_start = t.rfind("\n", 0, start) + 1
    line_end = t.find("\n", end)
    return not t[line_start:start].strip() and not t[end:None if line_end < 0 else line_end].strip()


def _bare(n1: str, t: str, start: int, end: int) -> Hit | None:
    """A number with no unit, qualifier or range: a count, a year, a code or a label."""
    r = read_any(n1)
    if t[end:end + 1] in _ENUM_AFTER and t[start - 1:start] in _ENUM_BEFORE and r is not None and r.value < 100:
        return label(start, end, "label", "enumeration")  # "一、加强组织领导", "(2)"
    if n1[0] not in "0123456789":
        isolated = not _cjk(t[start - 1:start]) and not _cjk(t[end:end + 1])
        if len(n1) == 1 and start > 0 and t[start - 1] in "负負" and n1 in _CN_DIGITS:
            return Hit(start, end, r.value, r.value, r.value)  # 负五
        short = len(n1) == 1 or (len(n1) == 2 and not n1.strip(_PLAIN_CN) and not is_bare_magnitude(n1))
        if short and not isolated or n1 in _LONE_MAGNITUDES:
            return None  # 百姓, 三清零, 十二辐射: a word, not a number phrase (贰拾, 十万 are numbers)
        if len(n1) == 4 and not n1.strip(_CN_DIGIT_CHARS) and 1500 <= r.value <= 2099:
            return point(start, end, r.value, "year", "年", "time")
        if start > 0 and t[start - 1] == "月" and r.value <= 31:
            return label(start, end, "date", "time")  # 正月十五
    else:
        digits = n1.replace(",", "")
        if t[start - 1:start] in QUOTES_OPEN and t[end:end + 1] in QUOTES_CLOSE:
            return label(start, end, "label")  # "1571"工作部署
        if digits.isdigit():
            if len(digits) > 1 and digits[0] == "0":
                return label(start, end, "label")  # 01 section numbers
            if digits in _T.hotlines:
                return label(start, end, "phone", "hotline")
            if len(digits) >= 9 and "," not in n1:
                return label(start, end, "code")
            if len(digits) == 4 and 1900 <= int(digits) <= 2099 and "," not in n1:
                return point(start, end, r.value, "year", None, "time")
            if len(digits) <= 3 and _alone_on_line(t, start, end):
                return label(start, end, "label")  # a section number alone on its line
    low, high, li, hi = rounding(r)
    return Hit(start, end, clean(r.value), clean(low), clean(high), low_inclusive=li, high_inclusive=hi)


def clear_number_cache() -> None:
    """Forget the cached phrase cores."""
    _CACHE.clear()


def _cjk(c: str) -> bool:
    """A Chinese character (the numeral then sits inside a word: 三北, 一是)."""
    return bool(c) and "\u3400" <= c <= "\u9fff"


def build_number(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """The general number phrase, with its qualifier, sign word and unit."""
    start = g.start()
    qual, qual_start = None, start
    if start > floor and (t[start - 1] in QUAL_LAST or t[start - 1] == " "):
        qual, qual_start = before(t, start, floor)
    if qual is None and (t[start] in _ASCII_DIGITS and t[start - 1:start] not in ("每", "-", "氏", "币", "度", " ", ".")
          and t[g.end():g.end() + 1] not in _NOT_FAST_AFTER):
        hit = fast(g, t, start, floor)
        if hit is not None:
            return hit
    key = g.group(*_GROUPS)
    if (t[start - 1:start] == "." and start > floor and key[0].isdigit()
            and not (start >= 2 and ((t[start - 2].isascii() and t[start - 2].isalnum()) or t[start - 2] == "."))):
        key = ("0." + key[0], *key[1:])  # .5 → 0.5, -.34% → -0.34 %
        start = qual_start = start - 1
    ck = (key, qual)
    core = _CACHE.get(ck, _MISSING)
    if core is _MISSING:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        core = _CACHE[ck] = _core(key, qual)
    if core is None:
        return None
    end = g.end()
    if "\n" in t[start:end] and _starts_line(t, start):
        core, end = _BARE, start + len(key[0])  # 01\n个人...: a heading number, not 1 个
    if core is _BARE:
        hit = _bare(key[0], t, start, end)
        return signed(hit, t, floor) if hit is not None and hit.claimable else hit
    if ((core.unit_text in _TAIL_UNITS or core.unit == "块") and core.value is not None and not key[6]
            and (t[end:end + 1] in _TAIL_FIRST or not key[0][0].isdigit())):
        core, end = _with_tail(core, t, end, key[0][0].isdigit())
    if (key[10] and not key[6] and (t[end:end + 1] in _SEP_FIRST or t[end:end + 1] in "和与")
            and core.value is not None and core.kind != "label"):
        core, end = _second_end(core, key, t, end)
    if t[end:end + 1] == "/" and core.unit is not None and core.value is not None:
        core, end = _per_unit(core, t, end)
    elif t[end:end + 1] == "一" and core.kind == "money" and core.value is not None and not key[0][0].isdigit():
        # 两块五一斤, 三元一公斤: a price per one unit (not 一千元一次性: a word goes on after it)
        per, per_end = _per_unit(core, t, end)
        if per_end > end and not _cjk(t[per_end:per_end + 1].replace("的", "")):
            core, end = per, per_end
    if core.article and t[start - 1:start] not in _COUNT_BEFORE and direction(t, start, floor)[0] is None:
        return None  # 一个, 一批, 一项: an article, not a count (but 共有一家, 新增一个 are counts)
    if core.uses_qual:
        start = qual_start
    if core.trim:
        end -= core.trim
        while t[end - 1] in " \n":
            end -= 1  # 5% 对: the space before a unit given back is no part of the phrase
    kind, dim, unit = core.kind, core.dim, core.unit
    if unit in _PREFIXED and start > floor and (t[start - 1] in _PREFIX_LAST or t[start - 1] == " "):
        unit, dim = _prefixed(unit, dim, t, start, floor)
    if core.rank_candidate and RANK_CONTEXT.search(t, max(floor, start - 10), start):
        kind, dim, unit = "ordinal", "rank", "rank"  # 全国综合排名升至108位: a rank written without 第
    if start > floor and t[start - 1] == "每":
        # 每10万人口中, 每万人: the base of a rate, not a figure of its own
        return Hit(start, end, core.value, core.low, core.high, unit, dim, core.qualifier, kind, False,
                   core.li, core.hi, None, core.unit_text)
    hit = Hit(start, end, core.value, core.low, core.high, unit, dim, core.qualifier, kind, core.claimable,
              core.li, core.hi, None, core.unit_text)
    return signed(hit, t, floor) if core.claimable else hit
