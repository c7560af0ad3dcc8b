"""Turn one grammar match into the fields of a Quantity: value, interval, unit, kind, qualifier.

Each ``build_*`` function takes the match, the normalized text and the end of the previous
quantity (the left context may not reach into it) and returns a ``Hit`` or None when the match
is not a number phrase after all (a lone 百 in 百姓, 一 as an article in 一个).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal, getcontext
from typing import NamedTuple

from .numerals import DIGITS, Reading, read_any, read_numeral
from .quantity_tables import Shape, tables

__all__ = ["Hit", "BUILDERS", "QUAL_LAST", "LETTER_FACTORS", "clean", "integral", "signed", "below_zero", "before", "direction", "label", "point", "rounding",
           "apply_shape", "is_bare_magnitude", "ONLY_BARE"]

_ONE = Decimal(1)
_TWO = Decimal(2)
_FIFTY = Decimal(50)  # 半数, 半百, 打对折
# Magnitude letters after digits (quantity_grammar._LETTER_MAG): 40k, 3w, 2.5M.
LETTER_FACTORS = {"k": Decimal(1000), "K": Decimal(1000), "w": Decimal(10000), "M": Decimal(10**6)}
_MAGNITUDE_CHARS = "十拾百佰千仟万萬亿億"
QUAL_LAST = frozenset(w[-1] for w in tables().before) | {"币"}  # 约合人民币5亿元
_DIR_LAST = frozenset(w[-1] for w in tables().directions)
_PROVINCES = frozenset("京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳台")
_DASHES = frozenset("-—–~")
_CLOSE_PARENS = frozenset(")）")  # 1万(含)-5万元: the dash after a note is no minus sign
_BEFORE_LENGTHS = tuple(range(max(map(len, tables().before)), 0, -1))  # 大于或等于 … 约
ONLY_BARE = frozenset(("上", "数", "几", "好几", "过"))  # qualifiers that only go with a bare magnitude: 上百, 数十


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
    if d.as_tuple().exponent == 0:
        return d
    if d == d.to_integral_value():
        return integral(d)
    return d.normalize()


def integral(d: Decimal) -> Decimal:
    """An integral Decimal with exponent 0 (``5E+9`` → ``5000000000``); a number too long for the
    context's precision (万亿亿亿, 30 digits and 万亿) is left as it is instead of raising."""
    return d.quantize(_ONE) if d.adjusted() < getcontext().prec else d


def label(start: int, end: int, kind: str, dim: str | None = None) -> Hit:
    return Hit(start, end, None, None, None, dimension=dim, kind=kind, claimable=False)


def point(start: int, end: int, value: Decimal, kind: str, unit: str | None = None,
           dim: str | None = None, claimable: bool = False) -> Hit:
    return Hit(start, end, value, value, value, unit, dim, kind=kind, claimable=claimable)


def apply_shape(shape: Shape, v: Decimal, place: Decimal) -> tuple[Decimal | None, Decimal | None, bool, bool]:
    """The interval a qualifier shape admits around the stated value ``v``."""
    if shape.plus_place:
        return v, v + place, shape.low_inclusive, shape.high_inclusive
    low = None if shape.low is None else v * shape.low
    high = None if shape.high is None else v * shape.high
    return low, high, shape.low_inclusive, shape.high_inclusive


def rounding(r: Reading) -> tuple[Decimal, Decimal, bool, bool]:
    """A stated decimal admits its rounding interval [v - h, v + h); an integer is exact."""
    if r.half:
        return r.value - r.half, r.value + r.half, True, False
    return r.value, r.value, True, True


def before(t: str, start: int, floor: int) -> tuple[str | None, int]:
    """The qualifier word written just before ``start`` (longest first), and where it starts."""
    if start > floor + 1 and t[start - 1] == " " and t[start - 2] in QUAL_LAST:
        word, s = before(t, start - 1, floor)  # 超过 600 家: a space on each side of the digits
        return (word, s) if word else (None, start)
    if start <= floor or t[start - 1] not in QUAL_LAST:
        return None, start  # the common case, decided by one set lookup
    if t[start - 3:start] == "人民币" and start - 3 > floor:
        word, s = before(t, start - 3, floor)  # 约合人民币5亿元
        return (word, s) if word else (None, start)
    words = tables().before
    for k in _BEFORE_LENGTHS:
        s = start - k
        if s >= floor and t[s:start] in words:
            return t[s:start], s
    return None, start


def direction(t: str, start: int, floor: int) -> tuple[str | None, int]:
    """The sign word before ``start`` (下降, 增长, 负增长), allowing one 了 or space between."""
    end = start - 1 if start - 1 >= floor and t[start - 1] in "了 " else start
    if end <= floor or t[end - 1] not in _DIR_LAST:
        return None, 1
    directions = tables().directions
    for k in (3, 2, 1):
        s = end - k
        if s >= floor and t[s:end] in directions:
            return t[s:end], directions[t[s:end]]
    return None, 1


def is_bare_magnitude(n: str) -> bool:
    """百, 千万, 亿: magnitude characters with no digit."""
    return not n.strip(_MAGNITUDE_CHARS)




def below_zero(t: str, start: int, unit: str | None, dim: str | None) -> tuple[int, str | None, str | None]:
    """Start, unit and dimension of a number after 零下: 零下 is its sign, as 负 is, so it joins
    the span (零下5摄氏度, 零下 12℃; not across 了), and 度 after it is a temperature (℃)."""
    if t[start - 2:start] == "零下":
        start -= 2
    elif t[start - 3:start] == "零下 ":
        start -= 3
    return (start, "℃", "temperature") if unit == "度" else (start, unit, dim)


def _negate(h: Hit) -> Hit:
    neg = (lambda d: None if d is None else -d)
    return h._replace(value=neg(h.value), low=neg(h.high), high=neg(h.low),
                      low_inclusive=h.high_inclusive, high_inclusive=h.low_inclusive)


def signed(h: Hit, t: str, floor: int) -> Hit:
    """Read a sign from the left: 负 or ASCII '-' joins the span; 下降/增长 is kept in ``direction``."""
    s = h.start
    if s - 1 >= floor and t[s - 1] in "负負":
        return _negate(h._replace(start=s - 1))
    if (s - 1 >= floor and t[s - 1] == "-" and not (s >= 2 and t[s - 2].isalnum() and t[s - 2].isascii())
            and not (s - 1 == floor > 0 or t[s - 2:s - 1] in _DASHES or t[s - 2:s - 1] in _CLOSE_PARENS)):
        return _negate(h._replace(start=s - 1))  # not 1万元-5万元 or 1--5: a range, not a sign
    word, sign = direction(t, s, floor)
    if word is None:
        return h
    h = h._replace(direction=word)
    if word == "零下":
        start, unit, dim = below_zero(t, s, h.unit, h.dimension)
        h = h._replace(start=start, unit=unit, dimension=dim)
    return _negate(h) if sign < 0 else h


def _qualified(value: Decimal, t: str, start: int, floor: int, post: str | None,
               allow: frozenset[str] = frozenset()) -> tuple[int, tuple, str | None]:
    """Start, interval and qualifier of a ratio word with a qualifier before or after it."""
    T = tables()
    word, qs = before(t, start, floor)
    if word in ONLY_BARE and word not in allow:
        word = None
    shape = T.after[post] if post else (T.before[word] if word else None)
    if shape is None:
        return start, (value, value, True, True), None
    qualifier = "…".join(w for w in (word, post) if w)
    low, high, li, hi = apply_shape(T.shapes[shape], value, _ONE)
    return (qs if word else start), (clean(low), clean(high), li, hi), qualifier


def build_fraction(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """百分之三十 → 30 %, 千分之五 → 5 ‰, 三分之一 → 1/3, 三分之二以上 → [2/3, ∞); 百分之负五 → -5 %."""
    hit = _fraction(g, t, floor)
    return _negate(hit) if hit is not None and g["fneg"] else hit


def _fraction(g: re.Match[str], t: str, floor: int) -> Hit | None:
    den, num = read_any(g["fden"]), read_any(g["fnum"])
    if den is None or num is None or not den.value:
        return None
    if g["fu"]:
        return _measured_fraction(g, t, floor, den, num)
    if g["fk"]:  # 百分之15K: a magnitude letter on the numerator
        num = num._replace(value=num.value * LETTER_FACTORS[g["fk"]], half=num.half * LETTER_FACTORS[g["fk"]])
    hi_num = read_any(g["fnum2"]) if g["fnum2"] else None
    if hi_num is not None and hi_num.value < num.value:
        return None  # 百分之6~1: no range
    if den.value == 100:
        kind, unit, den_value = "percent", "%", _ONE
    elif den.value == 1000:
        kind, unit, den_value = "permille", "‰", _ONE
    else:
        kind, unit, den_value = "fraction", None, den.value
    value = clean(num.value / den_value)
    if g["fwhole"]:  # 一又二分之一 → 1.5
        whole = read_any(g["fwhole"])
        if whole is None or hi_num is not None:
            return None
        value = clean(whole.value + num.value / den.value)  # 3又一千分之23 → 3.023
        return signed(Hit(g.start(), g.end(), value, value, value, None, None, None, "number"), t, floor)
    if hi_num is None and num.half and not g["fpost"] and before(t, g.start(), floor)[0] is None:
        half = num.half / den_value  # 百分之零点五 is 0.5 % as written: [0.45, 0.55)
        hit = Hit(g.start(), g.end(), value, clean(value - half), clean(value + half), unit, "ratio", None,
                  kind, True, True, False, unit_text=unit)
        return signed(hit, t, floor)
    if hi_num is not None:
        low, high = value, clean(hi_num.value / den_value)
        hit = Hit(g.start(), g.end(), low + (high - low) / _TWO, low, high, unit, "ratio", "~", kind,
                  unit_text=unit)
    else:
        start, (low, high, li, hi), qualifier = _qualified(value, t, g.start(), floor, g["fpost"])
        hit = Hit(start, g.end(), value, low, high, unit, "ratio", qualifier, kind, True, li, hi,
                  unit_text=unit)
    return signed(hit, t, floor)


def _measured_fraction(g: re.Match[str], t: str, floor: int, den: Reading, num: Reading) -> Hit | None:
    """A fraction of a unit of measure: 三又三分之一平方公里 → 10/3 km², 四分之三英里, 一又二分之一小时.

    Not a count (三分之一人口: a third of the people) nor a ratio unit (百分之五十%): there the
    fraction ends before the word, as it did without it.
    """
    unit = tables().units[g["fu"]]
    if (den.value in (100, 1000) or g["fnum2"] or g["fk"] or unit.kind not in ("number", "money")
            or unit.dim in ("count", "ratio", "label") or unit.half or "/" in unit.unit):
        end = g.start("fu")
        return _fraction(_Cut(g, end), t, floor) if end > g.start() else None
    whole = read_any(g["fwhole"]) if g["fwhole"] else Reading(Decimal(0), Decimal(0))
    if whole is None:
        return None
    value = clean((whole.value + num.value / den.value) * unit.factor)
    start, (low, high, li, hi), qualifier = _qualified(value, t, g.start(), floor, g["fpost"])
    hit = Hit(start, g.end(), value, low, high, unit.unit, unit.dim, qualifier, unit.kind, unit.claimable, li, hi,
              unit_text=g["fu"])
    return signed(hit, t, floor)


class _Cut:
    """A fraction match seen without its unit and what came after it (三分之一人口 → 三分之一)."""

    def __init__(self, g: re.Match[str], end: int) -> None:
        self._g, self._end = g, end

    def __getitem__(self, name: str) -> str | None:
        return None if name in ("fu", "fpost") else self._g[name]

    def start(self, name: int | str = 0) -> int:
        return self._g.start(name)

    def end(self) -> int:
        return self._end


def build_slash(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """1/3 → one third; 3/5 → 0.6; 近1/3 → [0.3, 1/3); 1 3/5 → 1.6."""
    den = Decimal(g["sd"])
    if not den:
        return None
    value = clean(Decimal(g["sn"]) / den)
    if g["sw"]:  # 1 3/5 → 1.6
        value = clean(Decimal(g["sw"]) + value)
        return signed(Hit(g.start(), g.end(), value, value, value), t, floor)
    start, (low, high, li, hi), qualifier = _qualified(value, t, g.start(), floor, None)
    return signed(Hit(start, g.end(), value, low, high, None, "ratio", qualifier, "fraction", True, li, hi),
                  t, floor)


def build_sci(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """1.2e5 → 120000; -3e-2 → -0.03; 1.2×10^5 → 120000; 2^10 → 1024; 1.2×10^5吨 → 120000 吨."""
    text = g["scin"]
    if "^" in text:
        head, exp = text.split("^")
        power = int(exp)
        if head[-3:-2] in "×xX*" and head.endswith("10") and len(head) > 3:
            value = Decimal(head[:-3]).scaleb(power)
        else:
            try:
                value = Decimal(head) ** power
            except (ArithmeticError, ValueError):
                return None  # 0^0: no value
        if not value.is_finite():
            return None  # 0^-1
        value = clean(value)
    else:
        value = clean(Decimal(text))
    written = g["sciu"]
    unit = tables().units[written] if written else None
    if unit is not None and unit.kind == "label":
        return label(g.start(), g.end(), "label")
    if unit is not None:
        value = clean(value * unit.factor)
    start, (low, high, li, hi), qualifier = _qualified(value, t, g.start(), floor, None)  # 约2.5×10^8元
    if unit is None:
        return signed(Hit(start, g.end(), value, low, high, None, None, qualifier, "number", True, li, hi), t, floor)
    hit = Hit(start, g.end(), value, low, high, unit.unit, unit.dim, qualifier, unit.kind, unit.claimable,
              li, hi, unit_text=written)
    return signed(hit, t, floor) if unit.claimable else hit


def build_ordinal(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """第58位 / 第三名 / 居全国第一 → a rank; 第十四届 / 第二次 / 第一动力 → an ordinal, not a claim."""
    T = tables()
    r = read_any(g["on"])
    if r is None:
        return None
    low = high = value = r.value
    sep = g["osep"]
    if sep:  # 第1至3名 → ranks 1 to 3
        r2 = read_any(g["on2"])
        if r2 is None or r2.value <= r.value:
            return None
        high, value = r2.value, clean((r.value + r2.value) / _TWO)
    start, end, word = g.start(), g.end(), g["ou"]
    if word in T.rank_units or (word is None and not _cjk(t[end:end + 1])):
        if start - 2 >= floor and t[start - 2:start] == "倒数":  # 倒数第三: third from the bottom
            return Hit(start - 2, end, value, low, high, "rank_from_last", "rank", "倒数", "ordinal", False,
                       unit_text=word)
        return Hit(start, end, value, low, high, "rank", "rank", sep, "ordinal", True, unit_text=word)
    if word in T.period_units:
        return Hit(start, end, value, low, high, word, "time", sep, "period_name", False, unit_text=word)
    return Hit(start, end, value, low, high, word, "edition", sep, "ordinal", False, unit_text=word)


def _cjk(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff" and c != "的"


def build_fan(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """翻一番 → ×2, 翻两番 → ×4, 翻番 → ×2."""
    n = read_any(g["fann"]) if g["fann"] else None
    times = _TWO ** int(n.value) if n is not None else _TWO
    return Hit(g.start(), g.end(), times, times, times, "倍", "multiplier", None, "multiplier",
               unit_text="番")


def build_cheng(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """九成五 → 95 %; 约三成五 → [31.5, 38.5] %."""
    value = Decimal(DIGITS[g["cx"]] * 10 + (5 if g["cy"] == "半" else DIGITS[g["cy"]]))
    start, (low, high, li, hi), qualifier = _qualified(value, t, g.start(), floor, None)
    return signed(Hit(start, g.end(), value, low, high, "%", "ratio", qualifier, "percent", True, li, hi,
                      unit_text="成"), t, floor)


def build_half(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """半数 / 一半 → 50 %; 过半 / 超过半数 → (50, ∞) %; 一半以上 → [50, ∞) %."""
    start, (low, high, li, hi), qualifier = _qualified(_FIFTY, t, g.start(), floor, g["hpost"],
                                                        frozenset(("过",)))
    return Hit(start, g.end(), _FIFTY, low, high, "%", "ratio", qualifier, "percent", True, li, hi)


def build_half_unit(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """半小时 → 0.5 小时; 半年 → 0.5 年; 半个月 → 0.5 月; 半成 → 5 %; 半折 → 50 % (half price)."""
    unit = tables().units[g["hu"]]
    half = _FIFTY if g["hu"] == "折" else clean(Decimal("0.5") * unit.factor)  # 半成 → 5 %
    if unit.kind == "percent":  # 不足半成 → [0, 5) %; 近半年 stays "the last half year"
        start, (low, high, li, hi), qualifier = _qualified(half, t, g.start(), floor, None)
        return Hit(start, g.end(), half, low, high, unit.unit, unit.dim, qualifier, unit.kind, True, li, hi,
                   unit_text=g["hu"])
    return Hit(g.start(), g.end(), half, half, half, unit.unit, unit.dim, None, unit.kind, unit.claimable,
               unit_text=g["hu"])


def build_banbai(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """半百 → 50; 年过半百 → (50, ∞)."""
    start, (low, high, li, hi), qualifier = _qualified(_FIFTY, t, g.start(), floor, None, frozenset(("过",)))
    return Hit(start, g.end(), _FIFTY, low, high, None, None, qualifier, "number", True, li, hi)


# Words before 万三 that make it a rate in ten-thousandths (佣金, 费率, 手续费, 利率, 税率).
_FEE_WORDS = re.compile("佣金|费率|手续费|利率|税率|息")


def build_wanfen(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """佣金万三 → 3/10000, as 万分之三; 万2.5 → 2.5/10000. Only after a fee or rate word within
    the clause (8 characters back): elsewhere 万三 is no number (沈万三)."""
    start = g.start()
    window = t[max(floor, start - 8):start]
    fee = _FEE_WORDS.search(window)
    if fee is None or any(c in "，。；,;\n" for c in window[fee.end():]):
        return None
    num = read_any(g["wfn"])
    value = clean(num.value / 10000)
    return Hit(start, g.end(), value, value, value, None, "ratio", None, "fraction", unit_text="万")


def build_duizhe(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """打对折 → 50 % (half price)."""
    return Hit(g.start(), g.end(), _FIFTY, _FIFTY, _FIFTY, "%", "ratio", None, "percent", True,
               unit_text=g.group()[1:])


def build_year(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """2025年 / 二〇二五年 / 2023年度 → a year; 2025年1月 → a date."""
    start, end = g.start(), g.end()
    if g["ymd2"]:
        return label(start, end, "date", "time")
    digits = t[start:start + 4]
    value = Decimal(digits) if digits.isdigit() else read_numeral(digits).value
    return point(start, end, value, "year", "年", "time")


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
    return label(start, end, "code" if "-" in s or digits >= 5 else "label")


_CURRENCY_UNITS = {"¥": "元", "￥": "元", "$": "美元", "€": "欧元", "£": "英镑", "US$": "美元", "HK$": "港元",
                   "NT$": "新台币", "RMB": "元", "CNY": "元", "USD": "美元", "EUR": "欧元", "GBP": "英镑",
                   "JPY": "日元", "HKD": "港元"}


def build_currency(g: re.Match[str], t: str, floor: int) -> Hit | None:
    """¥1,234.56 → 1234.56 元; $100 → 100 美元; ￥5亿 → 500000000 元."""
    r = read_any(g["camt"])
    if r is None:
        return None
    low, high, li, hi = rounding(r)
    unit = _CURRENCY_UNITS[g["csym"]]
    hit = Hit(g.start(), g.end(), clean(r.value), clean(low), clean(high), unit, "money", None, "money",
              True, li, hi, unit_text=g["csym"])
    return signed(hit, t, floor)


def _fixed(kind: str, dim: str | None = None) -> Callable[[re.Match[str], str, int], Hit]:
    """A builder for shapes that are never claims: the span and its kind, no value."""
    def build(g: re.Match[str], t: str, floor: int) -> Hit:
        return label(g.start(), g.end(), kind, dim)
    return build


BUILDERS = {
    "frac": build_fraction,
    "sfrac": build_slash,
    "sci": build_sci,
    "ord": build_ordinal,
    "fan": build_fan,
    "half": build_half,
    "year": build_year,
    "yrange": build_yrange,
    "alnum": build_alnum,
    "cur": build_currency,
    "cheng": build_cheng,
    "halfu": build_half_unit,
    "banbai": build_banbai,
    "duizhe": build_duizhe,
    "wanfen": build_wanfen,
    "alnum2": _fixed("label"),
    "dotted": _fixed("label"),
    "ymd": _fixed("date", "time"),
    "md": _fixed("date", "time"),
    "day": _fixed("date", "time"),
    "time": _fixed("time", "time"),
    "ctime": _fixed("time", "time"),
    "mdot": _fixed("date", "time"),
    "ratio": _fixed("ratio", "ratio"),
    "quarter": _fixed("period_name", "time"),
    "decade": _fixed("period_name", "time"),
    "period": _fixed("period_name", "time"),
    "phone": _fixed("phone"),
    "email": _fixed("email"),
    "url": _fixed("url"),
    "formula": _fixed("label"),
    "numlab": _fixed("label"),
}
