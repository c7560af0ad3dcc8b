"""Turn one grammar match into the fields of a Quantity: value, interval, unit, kind, qualifier.

Each ``build_*`` function takes the match, the normalized text and the end of the previous
quantity (the left context may not reach into it) and returns a ``Hit`` or None when the match
is not a number phrase after all (a lone 百 in 百姓, 一 as an article in 一个).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from .numerals import Reading, read_any, read_numeral, split_adjacent_range
from .quantity_tables import Shape, Unit, tables

__all__ = ["Hit", "BUILDERS", "clean"]

_ZERO = Decimal(0)
_ONE = Decimal(1)
_TWO = Decimal(2)
_CN_DIGITS = frozenset("零〇○一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖")
_MAGNITUDES = frozenset("十拾百佰千仟万萬亿億")
_SECTIONS = "万萬亿億"
_PROVINCES = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台")
_QUOTES_OPEN = frozenset("“\"「『‘《")
_QUOTES_CLOSE = frozenset("”\"」』’》")
_ONLY_BARE = frozenset("上数几好几过")  # qualifiers that only go with a bare magnitude: 上百, 数十
# A rank written without 第: "全国综合排名升至108位". Example window: "排名升至".
_RANK_CONTEXT = re.compile(r"(?:排名|位列|排在|名列|位居|排行|排位|居全国|居全区|居全省)[^，。；,;、]{0,6}$")


class Hit(NamedTuple):
    """Fields of a Quantity in normalized coordinates (the scanner maps them back)."""

    start: int
    end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str | None = None
    dimension: str | None = None
    qualifier: str | None = None
    kind: str = "number"
    claimable: bool = True
    low_inclusive: bool = True
    high_inclusive: bool = True
    direction: str | None = None
    unit_text: str | None = None


def clean(d: Decimal | None) -> Decimal | None:
    """``101000.0`` → ``101000``; ``8.350`` → ``8.35``; None stays None."""
    if d is None or not d.is_finite():
        return d
    if d == d.to_integral_value():
        return d.quantize(_ONE)
    return d.normalize()


def _label(start: int, end: int, kind: str, dim: str | None = None) -> Hit:
    return Hit(start, end, None, None, None, dimension=dim, kind=kind, claimable=False)


def _point(start: int, end: int, value: Decimal, kind: str, unit: str | None = None,
           dim: str | None = None, claimable: bool = False) -> Hit:
    return Hit(start, end, value, value, value, unit, dim, kind=kind, claimable=claimable)


def _apply(shape: Shape, v: Decimal, place: Decimal) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """The interval a qualifier shape admits around the stated value ``v``."""
    if shape.plus_place:
        return v, v + place, shape.low_inclusive, shape.high_inclusive
    low = None if shape.low is None else v * shape.low
    high = None if shape.high is None else v * shape.high
    return low, high, shape.low_inclusive, shape.high_inclusive


def _rounding(r: Reading) -> tuple[Decimal, Decimal, bool, bool]:
    """A stated decimal admits its rounding interval [v - h, v + h); an integer is exact."""
    if r.half:
        return r.value - r.half, r.value + r.half, True, False
    return r.value, r.value, True, True


def _before(t: str, start: int, floor: int) -> tuple[str | None, int]:
    """The qualifier word written just before ``start`` (longest first), and where it starts."""
    before = tables().before
    for k in (3, 2, 1):
        s = start - k
        if s >= floor and t[s:start] in before:
            return t[s:start], s
    return None, start


def _direction(t: str, start: int, floor: int) -> tuple[str | None, int]:
    """The sign word before ``start`` (下降, 增长, 负增长), allowing one 了 between."""
    directions = tables().directions
    end = start - 1 if start - 1 >= floor and t[start - 1:start] == "了" else start
    for k in (3, 2, 1):
        s = end - k
        if s >= floor and t[s:end] in directions:
            return t[s:end], directions[t[s:end]]
    return None, 1


def _is_bare_magnitude(n: str) -> bool:
    """百, 千万, 亿: magnitude characters with no digit."""
    return all(c in _MAGNITUDES for c in n)


def _mag(m: str | None) -> Decimal:
    if not m:
        return _ONE
    r = read_numeral(m)
    return r.value if r else _ONE


def _negate(h: Hit) -> Hit:
    neg = (lambda d: None if d is None else -d)
    return h._replace(value=neg(h.value), low=neg(h.high), high=neg(h.low),
                      low_inclusive=h.high_inclusive, high_inclusive=h.low_inclusive)


def _signed(h: Hit, t: str, floor: int) -> Hit:
    """Read a sign from the left: 负 or ASCII '-' joins the span; 下降/增长 is kept in ``direction``."""
    s = h.start
    if s - 1 >= floor and t[s - 1] == "负":
        return _negate(h._replace(start=s - 1))
    if s - 1 >= floor and t[s - 1] == "-" and not (s >= 2 and t[s - 2].isalnum() and t[s - 2].isascii()):
        return _negate(h._replace(start=s - 1))
    word, sign = _direction(t, s, floor)
    if word is None:
        return h
    h = h._replace(direction=word)
    return _negate(h) if sign < 0 else h


def _shared_tail(n1: str, n2: str) -> str:
    """The magnitude two range ends share: 1至2万 → 万; 三至五百 → 百; 400至500 → ''."""
    if any(c in _MAGNITUDES for c in n1):
        return ""
    i = len(n2)
    while i > 0 and n2[i - 1] in _SECTIONS:
        i -= 1
    if i < len(n2):
        return n2[i:]
    if len(n1) == 1 and n1 in _CN_DIGITS and len(n2) >= 2 and n2[0] in _CN_DIGITS:
        return n2[1:]
    return ""


def _read_range(n1: str, n2: str) -> tuple[Reading, Reading] | None:
    tail = _shared_tail(n1, n2)
    r2 = read_any(n2)
    r1 = read_any(n1 + tail) if tail else read_any(n1)
    if tail and r1 and r2 and r1.value > r2.value:
        r1 = read_any(n1)
    if r1 is None or r2 is None:
        return None
    return r1, r2


def _unit_of(g: re.Match[str]) -> tuple[Unit | None, str | None]:
    units = tables().units
    text = g["unit"]
    if text:
        return units[text], text
    pct = g["p2"] or g["p1"]
    if pct:
        return units[pct], pct
    return None, None


def _alone_on_line(t: str, start: int, end: int) -> bool:
    """Only spaces between the number and the line's ends: a heading number such as "01"."""
    line_start = t.rfind("\n", 0, start) + 1
    line_end = t.find("\n", end)
    return not t[line_start:start].strip() and not t[end:None if line_end < 0 else line_end].strip()


def _bare(g: re.Match[str], t: str, r: Reading, start: int, end: int) -> Hit | None:
    """A number with no unit, qualifier or range: a count, a year, a code or a label."""
    n1 = g["n1"]
    if n1[0] not in "0123456789":
        if len(n1) == 1 or _is_bare_magnitude(n1):
            return None  # 百姓, 三清零, 千园之城: not a number phrase
        if all(c in _CN_DIGITS for c in n1) and len(n1) == 4 and 1500 <= r.value <= 2099:
            return _point(start, end, r.value, "year", "年", "time")
        if start > 0 and t[start - 1] == "月" and r.value <= 31:
            return _label(start, end, "date", "time")  # 正月十五
        low, high, li, hi = _rounding(r)
        return Hit(start, end, r.value, low, high, low_inclusive=li, high_inclusive=hi)
    digits = n1.replace(",", "")
    prev, nxt = t[start - 1:start], t[end:end + 1]
    if prev in _QUOTES_OPEN and nxt in _QUOTES_CLOSE:
        return _label(start, end, "label")  # "1571"工作部署
    if digits.isdigit():
        if len(digits) > 1 and digits[0] == "0":
            return _label(start, end, "label")  # 01 section numbers
        if digits in tables().hotlines:
            return _label(start, end, "phone", "hotline")
        if len(digits) >= 9 and "," not in n1:
            return _label(start, end, "code")
        if len(digits) == 4 and 1900 <= int(digits) <= 2099 and "," not in n1:
            return _point(start, end, r.value, "year", None, "time")
        if len(digits) <= 3 and _alone_on_line(t, start, end):
            return _label(start, end, "label")  # a section number alone on its line
    low, high, li, hi = _rounding(r)
    return Hit(start, end, r.value, low, high, low_inclusive=li, high_inclusive=hi)


def build_number(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """The general number phrase: 600余家, 10.1万P, 1至2万人, 约30%, 超百名, 五六百家."""
    T = tables()
    start, end = g.start(), g.end()
    n1, n2 = g["n1"], g["n2"]
    unit, unit_text = _unit_of(g)
    post = g["post"]
    if post in ("多", "内", "之内") and (unit is None or unit.dim != "duration"):
        end -= len(post)
        post = None
    if unit_text == "成" and (n1[0].isdigit() or n2):
        return None
    approx = g["a1"] or g["a2"] or ("多" if unit is not None and unit.approx else None)
    if approx == "几" and n1[-1] not in "十百千":
        return None
    pair = None
    if n2:
        pair = _read_range(n1, n2)
    elif n1[0] in _CN_DIGITS and len(n1) >= 2:
        split = split_adjacent_range(n1)
        pair = _read_range(*split) if split else None
    r1 = pair[0] if pair else read_any(n1)
    if r1 is None:
        return None
    mag = _mag(g["m1"])
    qual_word, qual_start = _before(t, start, floor)
    if qual_word is not None and qual_word in _ONLY_BARE and not _is_bare_magnitude(n1):
        qual_word, qual_start = None, start
    if qual_word == "近" and unit is not None and unit.dim == "duration":
        qual_word, qual_start = None, start  # 近3年: "in the last three years", not "nearly"
    if not (unit or approx or post or qual_word or pair or g["m1"]):
        return _bare(g, t, r1, start, end)
    if _is_bare_magnitude(n1) and n1 != "十" and not (approx or post or qual_word or pair):
        return None  # 万人发明专利, 百年: a magnitude word, not a count
    if n1 in ("一", "壹") and unit is not None and unit.dim == "count" and not (
            approx or post or qual_word or pair):
        if _direction(t, start, floor)[0] is None:
            return None  # 一个, 一批, 一项: an article, not a count
    factor = mag * (unit.factor if unit else _ONE)
    if pair:
        r2 = pair[1]
        low1, _, li, _ = _rounding(r1)
        _, high2, _, hi = _rounding(r2)
        value = (r1.value + r2.value) / _TWO
        low, high = low1, high2
        if g["a3"]:
            high, hi = r2.value + r2.place, False
        qualifier = g["sep"] or "~"
    else:
        value = r1.value
        low, high, li, hi = _rounding(r1)
        qualifier = None
        shape_name = None
        if approx:
            shape_name, qualifier = "next_place", approx
        if post:
            shape_name, qualifier = T.after[post], post
        if qual_word:
            qshape = T.before[qual_word]
            if shape_name is None or qshape not in ("around", "near_below", "next_place"):
                shape_name = qshape
            qualifier = qual_word if qualifier is None else f"{qual_word}…{qualifier}"
        if shape_name:
            low, high, li, hi = _apply(T.shapes[shape_name], value, r1.place)
            if shape_name == "several":
                value = (low + high) / _TWO
    start = qual_start
    value, low, high = (None if x is None else x * factor for x in (value, low, high))
    kind, dim, claimable = "number", None, True
    canon = None
    if unit is not None:
        kind, dim, claimable, canon = unit.kind, unit.dim, unit.claimable, unit.unit
        if canon in ("位", "名") and _RANK_CONTEXT.search(t, max(floor, start - 10), start):
            kind, dim, canon = "ordinal", "rank", "rank"
    if kind == "label":
        if canon == "号" and sum(c.isdigit() for c in n1) >= 5:
            kind = "code"  # 沪公网安备31010602000299号
        return Hit(start, end, None, None, None, canon, dim, qualifier, kind, False, unit_text=unit_text)
    if unit_text and g["m1"]:
        unit_text = g["m1"] + unit_text
    elif unit_text and n1[-1] in _SECTIONS and not n2:
        unit_text = n1[len(n1.rstrip(_SECTIONS)):] + unit_text
    hit = Hit(start, end, value, low, high, canon, dim, qualifier, kind, claimable, li, hi,
              unit_text=unit_text)
    return _signed(hit, t, floor) if claimable else hit


def build_fraction(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """百分之三十 → 30 %, 千分之五 → 5 ‰, 三分之一 → 1/3."""
    den, num = read_any(g["fden"]), read_any(g["fnum"])
    if den is None or num is None or not den.value:
        return None
    start, end = g.start(), g.end()
    hi_num = read_any(g["fnum2"]) if g["fnum2"] else None
    if den.value == 100:
        kind, unit, value, scale = "percent", "%", num.value, _ONE
    elif den.value == 1000:
        kind, unit, value, scale = "permille", "‰", num.value, _ONE
    else:
        kind, unit, value, scale = "fraction", None, num.value / den.value, _ONE / den.value
    low = high = value
    qualifier = None
    if hi_num is not None:
        high = hi_num.value * scale
        value = (low + high) / _TWO
        qualifier = "~"
    word, qs = _before(t, start, floor)
    if word and word not in _ONLY_BARE:
        shape = tables().shapes[tables().before[word]]
        low, high, li, hi = _apply(shape, value, _ONE)
        hit = Hit(qs, end, value, low, high, unit, "ratio", word, kind, True, li, hi, unit_text=unit)
    else:
        hit = Hit(start, end, value, low, high, unit, "ratio", qualifier, kind, unit_text=unit)
    return _signed(hit, t, floor)


def build_ordinal(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """第58位 / 第三名 / 居全国第一 → a rank; 第十四届 / 第二次 / 第一动力 → an ordinal, not a claim."""
    T = tables()
    r = read_any(g["on"])
    if r is None:
        return None
    start, end, word = g.start(), g.end(), g["ou"]
    if word in T.rank_units or (word is None and not _cjk(t[end:end + 1])):
        return Hit(start, end, r.value, r.value, r.value, "rank", "rank", None, "ordinal", True,
                   unit_text=word)
    if word in T.period_units:
        return Hit(start, end, r.value, r.value, r.value, word, "time", None, "period_name", False,
                   unit_text=word)
    return Hit(start, end, r.value, r.value, r.value, word, "edition", None, "ordinal", False,
               unit_text=word)


def _cjk(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff" and c != "的"


def build_fan(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """翻一番 → ×2, 翻两番 → ×4, 翻番 → ×2."""
    n = read_any(g["fann"]) if g["fann"] else None
    times = _TWO ** int(n.value) if n is not None else _TWO
    return Hit(g.start(), g.end(), times, times, times, "倍", "multiplier", None, "multiplier",
               unit_text="番")


def build_half(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """半数 / 一半 → 50 %; 过半 → (50, ∞) %."""
    start, end = g.start(), g.end()
    fifty = Decimal(50)
    if start > floor and t[start - 1] == "过":
        return Hit(start - 1, end, fifty, fifty, None, "%", "ratio", "过", "percent", True,
                   False, False)
    return Hit(start, end, fifty, fifty, fifty, "%", "ratio", None, "percent")


def build_year(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """2025年 / 二〇二五年 / 2023年度 → a year; 2025年1月 → a date."""
    start, end = g.start(), g.end()
    if g["ymd2"]:
        return _label(start, end, "date", "time")
    digits = t[start:start + 4]
    value = Decimal(digits) if digits.isdigit() else read_numeral(digits).value
    return _point(start, end, value, "year", "年", "time")


def build_yrange(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """2021—2035年 → the years 2021 to 2035."""
    years = re.findall(r"[0-9]{4}", g.group())
    return Hit(g.start(), g.end(), None, Decimal(years[0]), Decimal(years[1]), "年", "time",
               kind="year", claimable=False)


def build_alnum(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """S43, PM2.5, 沪B2-2017116: a label, or a code when it is long or hyphenated."""
    start, end = g.start(), g.end()
    s = g.group()
    if start - 1 >= floor and t[start - 1] in _PROVINCES:
        start -= 1
    digits = sum(c.isdigit() for c in s)
    return _label(start, end, "code" if "-" in s or digits >= 5 else "label")


def _fixed(kind: str, dim: str | None = None):  # noqa: ANN202 - a tiny builder factory
    def build(g: re.Match[str], t: str, floor: int) -> Hit:
        return _label(g.start(), g.end(), kind, dim)
    return build


BUILDERS = {
    "num": build_number,
    "frac": build_fraction,
    "ord": build_ordinal,
    "fan": build_fan,
    "half": build_half,
    "year": build_year,
    "yrange": build_yrange,
    "alnum": build_alnum,
    "alnum2": _fixed("label"),
    "ymd": _fixed("date", "time"),
    "md": _fixed("date", "time"),
    "day": _fixed("date", "time"),
    "time": _fixed("time", "time"),
    "decade": _fixed("period_name", "time"),
    "period": _fixed("period_name", "time"),
    "phone": _fixed("phone"),
    "email": _fixed("email"),
    "url": _fixed("url"),
    "formula": _fixed("label"),
    "numlab": _fixed("label"),
}
