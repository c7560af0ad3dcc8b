"""Plain number phrases in a hurry: Arabic digits, maybe 万/亿, a plain unit, a qualifier after.

"388家", "30.32%", "27.41亿元", "10.1万P", "30名以上", "108位" and bare numbers ("2024", "12")
make up most quantities in news text. ``plain_hit`` reads them with one small regex and a few
lines, without trying the whole grammar; ``fast`` does the same for a grammar match. Anything with
a range, a label unit of its own rules, a phone number or a date goes to the general path
(``quantity_number``), which gives the same answer more slowly.
"""

from __future__ import annotations

import re
from decimal import Decimal

from .numerals import place_of
from .quantity_build import ONLY_BARE, QUAL_LAST, apply_shape, before, below_zero, clean, direction, integral
from .quantity_grammar import BETWEEN
from .quantity_tables import tables, trie_regex, unit_guards

__all__ = ["plain_search", "plain_hit", "clear_plain_cache", "fast", "QUAL_LAST", "SIGN_LAST", "RANK_CONTEXT",
           "QUOTES_OPEN", "QUOTES_CLOSE"]

_T = tables()
_UNITS = _T.units
_SHAPES = _T.shapes
_BEFORE = _T.before
_AFTER = _T.after
_NEXT_PLACE = _T.shapes["next_place"]  # 余/多/来 after a number: (600, 700) for 600余
_ONE = Decimal(1)
SIGN_LAST = frozenset(w[-1] for w in _T.directions) | {"了", "负", "負", "-"}
# A rank written without 第: "全国综合排名升至108位". Example window: "排名升至".
RANK_CONTEXT = re.compile(r"(?:排名|位列|排在|名列|位居|排行|排位|居全国|居全区|居全省)[^，。；,;、]{0,6}$")
_RANK_UNITS = frozenset(("位", "名"))


def _fast_units() -> dict[str, tuple]:
    """Units a plain number can take without any special rule (no factor, rank, label or 成)."""
    return {text: (u.unit, u.dim, u.kind) for text, u in _UNITS.items()
            if u.factor == _ONE and u.claimable and u.kind != "label" and not u.approx and not u.half
            and u.unit not in _RANK_UNITS and text != "成"}


def _plain_units() -> dict[str, tuple]:
    """The units plain_hit reads: those of fast(), 位/名 (a rank after 排名, checked there) and
    labels (强, 版本, 周年; 号, which makes a number of five digits or more a code)."""
    labels = {text: (u.unit, u.dim, u.kind) for text, u in _UNITS.items()
              if u.kind == "label" and not u.claimable and u.factor == _ONE and not u.approx and not u.half}
    ranks = {text: (u.unit, u.dim, u.kind) for text, u in _UNITS.items()
             if u.unit in _RANK_UNITS and u.claimable and u.factor == _ONE and not u.approx and not u.half}
    return {**_FAST_UNITS, **labels, **ranks}


_FAST_UNITS = _fast_units()
_PLAIN_UNITS = _plain_units()
_MAG_EXP = {"万": 4, "萬": 4, "亿": 8, "億": 8, "万亿": 12, "萬億": 12}
_INTEGRAL_HALF = {k: Decimal(5).scaleb(k - 1).quantize(_ONE) for k in range(1, 20)}


def _plain_tail() -> str:
    """Digits, maybe 万/亿, maybe a plain unit, maybe a qualifier after, and nothing after that
    could extend the phrase.

    Example: "388家", "30.32%", "27.41亿元", "10.1万P", "6年", "30名以上", "2024,", "12\\n\\n".
    Not "90年代", "200个多月" or "3%-5%" (a decade; a longer unit; a range), not "12日", "3:30",
    "5G" or "1、2号线" (a date, a time, labels). Years and phone numbers (2025年, 13800138000家)
    match here but plain_hit sends them to the grammar, which reads them first.
    """
    guards = unit_guards(_UNITS)
    units = {}
    for text, guard in guards.items():
        if text in _PLAIN_UNITS and text not in ("%", "‰"):
            # 个 is no unit where a longer unit the grammar knows matches (个亿, 个小时; not 个小区)
            longer = [u for u in _UNITS if len(u) > len(text) and u.startswith(text)]
            rests = "|".join(re.escape(u[len(text):]) + guards[u] + _ASCII_END for u in longer)
            units[text] = guard + (f"(?!{rests})" if longer else "")
    units["%"] = units["‰"] = ""
    units["年"] += "(?!代)"  # 90年代 is a decade; a year (2025年) is sent on by plain_hit
    # After the first digit (the scanner's search consumed it). Possessive digits: no unit starts
    # with a digit or ".", so giving digits back never helps.
    # 余/多/来 between the number and the unit (600余家, 40多种), not before a magnitude (30多万人).
    # Then a qualifier after the number that the plain path reads (group 5), or none the grammar
    # reads and: after a unit (group 4), no range, 余, %, digit, "+" (10万人+ is "or more"), "/"
    # (元/月 is a rate), 又 (5美元又3美分) or 和/与 before 之间 (a range), and the grammar's end; after no unit, no character of
    # _bare_block. After the qualifier too, no digit, 又 or "/": the general path reads a money
    # tail or a rate after the whole phrase (5块以上1: 块 is money before a digit). After a line break a space may follow (a heading
    # "12\n    收藏"): the break is the gap, or the one white space a date allows.
    bare = re.escape("".join(sorted(_bare_block())))
    wrapped = re.escape("".join(sorted(_bare_block() - {" "})))
    after_unit = r"(?![余多来几至到~\-—–%‰0-9A-Za-z+/又]|" + BETWEEN + ")" + _ASCII_END
    after_none = "(?![" + bare + r"])(?![,、和及][0-9]|" + BETWEEN + r")(?!\n[" + wrapped + "])"
    return (r"([0-9]*+(?:\.[0-9]++)?+)(万亿|萬億|万|萬|亿|億)?(?:([余多来](?![万萬亿億千百十仟佰拾]))?("
            + _by_first_char(units) + "))?"
            "(?:(" + _post(_PLAIN_POST) + r")(?![0-9又/])|(?!" + _post(_T.after) + ")"
            "(?(4)" + after_unit + "|" + after_none + "))")


# After a digit or Latin letter, no further one nor ".5" (the grammar's end: 5G is a label, 10万Pa
# no P).
_ASCII_END = r"(?:(?<![0-9A-Za-z])|(?![0-9A-Za-z]|\.[0-9]))"


def _by_first_char(words: dict[str, str]) -> str:
    """``trie_regex(words)`` for the regex engine in a hurry: a class of the first characters
    first (a bare number fails in one test instead of one per unit), then the units that news
    writes most, since the engine tries the alternatives one by one.

    Example: {"年": "", "家": "", "平方公里": ""} → "(?=[家平年])(?:年|家|平方公里)" (first
    characters differ between alternatives, so their order changes no match).
    """
    firsts = sorted({w[0] for w in words}, key=lambda c: (c not in _COMMON_FIRST, _COMMON_FIRST.find(c), c))
    groups = [trie_regex({w: g for w, g in words.items() if w[0] == c}) for c in firsts]
    return "(?=[" + re.escape("".join(sorted(firsts))) + "])(?:" + "|".join(groups) + ")"


# The first characters of the units news writes most, most frequent first (a search order only).
_COMMON_FIRST = "年%个家元项位名人件条种次所倍户平亿万天台座部套"


# Qualifiers after a number that shape its interval and nothing else (多, 内 and 之内 may be given
# back: 3个多元化; 余/来/几 only go before a unit). Example: "30名以上", "50%左右".
_PLAIN_POST = frozenset(("以上", "以下", "以内", "左右", "上下", "前后", "及以上", "或以上", "及以下", "或以下",
                         "之多", "有余"))


def _post(words: object) -> str:
    """The qualifier words after a number as the grammar reads them (上下游 is no 上下)."""
    return trie_regex({w: "(?![游级班午文车楼])" if w == "上下" else ""
                       for w in words if w not in ("余", "来", "几")})


def _bare_block() -> set[str]:
    """Characters after a bare number (no unit) that may continue it in some grammar alternative:
    a unit, magnitude or qualifier after it (12家, 3万, 5余, 30以上), %, a range or date separator
    (3-5, 2024-01, 3月, 9:30, 3·15), a decimal, a label or formula (5G, 1+N, 1、2号线), a fraction
    or power (3/4, 1又1/2, 1e5), a space or a letter. The comma (1,234) and 、和及 (1、2号线) only
    before a digit, a line break before any of these: both checked beside the class."""
    chars = {u[0] for u in _UNITS} | {w[0] for w in _T.after}
    chars |= set("十拾百佰千仟廿卅万萬亿億余多来几幾%‰-—–~至到/.:∶·•年月日号点时@+×*^_又分 ")
    chars |= set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    chars |= set("\x1c\x1d\x1e\x1f\x85\u2028\u2029")  # what \\s reads besides the space (dates: 2024\u2028-2025)
    return chars


# What the grammar reads before a number phrase: a mobile or 400 number, a year before 年.
# Example: "13800138000", "4008208820", "2025".
_PHONE = re.compile(r"(?:1[3-9][0-9]{9}|400[0-9]{7})(?![0-9])")
_YEAR = re.compile(r"1[5-9][0-9]{2}|20[0-9]{2}")
# A plain phrase preceded by one of these may be something else: a label (B2), a decimal or
# code (1.5, 2-3), an ordinal (第), a rate base (每), a scale or currency (华氏, 港币): the
# grammar decides. Qualifiers (超过) are checked word by word in plain_hit.
_TAIL = _plain_tail()
_PLAIN_BLOCK = frozenset("0123456789.-—–~×负負第每氏币度") | frozenset(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def plain_search(start_class: str, skip: str = "") -> re.Pattern[str]:
    """The scanner's search: the next character that can start a number phrase (``start_class``)
    where ``skip`` (a lookahead tried after it) does not say it starts none, and, when it is a
    digit that starts a plain phrase, the rest of that phrase (groups: the digits after the
    first, the magnitude, the qualifier 余/多/来, the unit, the qualifier after).

    One search per candidate reads "388家" whole; the class comes first, so the regex engine
    skips to the next candidate in a tight loop. A digit after a character of _PLAIN_BLOCK is
    left to the grammar (B2, 1.5, 2-3, 第3, 每10): 388 inside 1388家 never starts one.
    Example: in "共有388家", the search from 0 returns "388家" with groups ("88", None, None, "家", None).
    """
    block = "".join(sorted(_PLAIN_BLOCK))
    return re.compile(start_class + skip + "(?:(?<=[0-9])(?<![" + re.escape(block) + "][0-9])" + _TAIL + ")?")


def plain_hit(m: re.Match[str], t: str, floor: int) -> tuple | None:
    """The hit for a plain phrase found by ``plain_search``, without trying the whole grammar.

    The common case (nothing but the phrase and maybe a sign word: "388家", "增长30.32%",
    "2024,") is read here in a few lines; a qualifier or space before it goes to ``_worded_hit``.
    None sends the rare remaining cases to the grammar (a phone number before a unit).
    """
    p = m.start()
    if p > floor and t[p - 1] in _WORD_LAST:
        return _worded_hit(m, t, floor)
    rest, mag, approx, written, post = m.groups()
    head = t[p:p + 1 + len(rest)]
    if written == "年" and not mag and not approx and len(head) == 4 and head.isdigit() and "1500" <= head <= "2099":
        return _year(p, p + 5, head, t)  # _YEAR: 2025年
    if len(head) >= 10 and written and _PHONE.match(head):
        return None  # the grammar reads phone numbers before number phrases
    end = m.end()
    if written is None:
        unit = dim = None
        kind = "number"
        if not post:
            label = _bare_label(head, mag, t, p, end)
            if label is not None:
                return label
    else:
        unit, dim, kind = _PLAIN_UNITS[written]
        if kind == "label":
            return None if mag or approx or post else _label(p, end, head, unit, dim, written)
    qual = None
    if mag or approx or post:
        value, low, high, li, hi, qual, written = _cached_reading(head, mag, approx, None, written, post)
    else:  # cheaper than a cache lookup: the digits differ from one phrase to the next
        value = low = high = Decimal(head)
        li = hi = True
        if "." in head:
            low, high, li, hi = _stated(value, len(head) - head.index(".") - 1, 0)
    if unit in _RANK_UNITS or (p > floor and t[p - 1] in SIGN_LAST):  # 108位, 增长30%
        return _finish(t, p, end, floor, value, low, high, li, hi, unit, dim, qual, kind, written)
    return (p, end, value, low, high, unit, dim, qual, kind, True, li, hi, None, written)


def _finish(t: str, start: int, end: int, floor: int, value: Decimal, low: Decimal | None,
            high: Decimal | None, li: bool, hi: bool, unit: str | None, dim: str | None,
            qual: str | None, kind: str, written: str | None) -> tuple:
    """The hit, after what the words before it say: a rank context (排名升至108位 is a rank) and
    a sign word (下降8.35% is -8.35 %; 零下5度 joins the span)."""
    if unit in _RANK_UNITS and RANK_CONTEXT.search(t, max(floor, start - 10), start):
        unit, dim, kind = "rank", "rank", "ordinal"
    word = None
    if start > floor and t[start - 1] in SIGN_LAST:
        word, sign = direction(t, start, floor)
        if sign < 0:
            value, low, high, li, hi = _neg(value), _neg(high), _neg(low), hi, li
            if word == "零下":
                start, unit, dim = below_zero(t, start, unit, dim)
    return (start, end, value, low, high, unit, dim, qual, kind, True, li, hi, word, written)


def _cached_reading(*key: str | None) -> tuple:
    """``_reading`` of a phrase's parts (head, magnitude, 余/多, qualifier, unit, after-word), cached."""
    reading = _READINGS.get(key)
    if reading is None:
        if len(_READINGS) >= 50_000:
            _READINGS.clear()
        reading = _READINGS[key] = _reading(*key)
    return reading


# A qualifier word ends with one of these, or a space separates a word from the number.
_WORD_LAST = QUAL_LAST | {" "}


def _worded_hit(m: re.Match[str], t: str, floor: int) -> tuple | None:
    """plain_hit when a qualifier word (and a sign word before it) or a space may come before
    the phrase.

    A qualifier word just before (超过388家, 突破50亿元) shapes the interval and joins the span,
    as the general path does; None sends the rare remaining cases there (每 or a minus sign
    before the qualifier, a qualifier on both sides, a word across a space).
    """
    p = m.start()
    rest, mag, approx, written, post = m.groups()
    head = t[p:p + 1 + len(rest)]
    if p > floor + 1 and t[p - 1] == " " and (t[p - 2] in QUAL_LAST or t[p - 2] in SIGN_LAST or t[p - 2] in "氏币度"):
        return None  # 超过 600家, 增长 5%: the general path reads the word across the space
    if written == "年" and not mag and not approx and _YEAR.fullmatch(head):
        return _year(p, p + len(head) + 1, head, t)
    if len(head) >= 10 and written and _PHONE.match(head):
        return None  # the grammar reads phone numbers before number phrases
    if written is None:
        unit = dim = None
        kind = "number"
    else:
        unit, dim, kind = _PLAIN_UNITS[written]
    end = m.end()
    qual = None
    start = p
    if p > floor and t[p - 1] in QUAL_LAST:
        qual, qs = before(t, p, floor)
        if qual in ONLY_BARE or (qual == "近" and dim == "duration"):
            qual = None  # 上/数/过 only qualify a bare magnitude; 近3年 is "the last three years"
        elif qual is not None:
            if (qs > floor and t[qs - 1] in "每负- 氏币度") or _BEFORE[qual] == "several" or approx or post:
                return None  # (超过600余家: the general path narrows one interval by the other)
            start = qs
    if kind == "label":
        return None if mag or approx or post or qual else _label(p, end, head, unit, dim, written)
    if written is None and qual is None and not post:
        label = _bare_label(head, mag, t, p, end)
        if label is not None:
            return label
    value, low, high, li, hi, qual, written = _cached_reading(head, mag, approx, qual, written, post)
    return _finish(t, start, end, floor, value, low, high, li, hi, unit, dim, qual, kind, written)


def _label(p: int, end: int, head: str, unit: str, dim: str, written: str) -> tuple:
    """A number with a label unit (5强, 4.0版本, 12号; 31010602000299号 is a code)."""
    kind = "code" if unit == "号" and len(head) - head.count(".") >= 5 else "label"
    return (p, end, None, None, None, unit, dim, None, kind, False, True, True, None, written)


def _bare_label(head: str, mag: str | None, t: str, p: int, end: int) -> tuple | None:
    """What a number without unit or qualifier is when it is no count (as quantity_number's
    ``_bare`` decides): a list label ("(2)", "3、"), a section number alone on its line ("01"),
    a hotline, a phone number or a code (9 digits or more), a year ("2024,"); None when it is a
    plain number."""
    after = t[end:end + 1]
    if after in _ENUM_AFTER and t[p - 1:p] in _ENUM_BEFORE and _value(head, mag) < 100:
        return (p, end, None, None, None, None, "enumeration", None, "label", False, True, True, None, None)
    if after in QUOTES_CLOSE and t[p - 1:p] in QUOTES_OPEN:  # “1571”工作部署
        return (p, end, None, None, None, None, None, None, "label", False, True, True, None, None)
    if mag or "." in head:
        return None
    if len(head) > 1 and head[0] == "0":
        return (p, end, None, None, None, None, None, None, "label", False, True, True, None, None)
    if head in _HOTLINES:
        return (p, end, None, None, None, None, "hotline", None, "phone", False, True, True, None, None)
    if len(head) >= 9:
        kind = "phone" if _PHONE.match(head) else "code"  # the grammar's phone alternative comes first
        return (p, end, None, None, None, None, None, None, kind, False, True, True, None, None)
    if len(head) == 4 and "1900" <= head <= "2099":
        value = Decimal(head)
        return (p, end, value, value, value, None, "time", None, "year", False, True, True, None, None)
    if len(head) <= 3 and (not after or after.isspace()) and _alone_on_line(t, p, end):
        return (p, end, None, None, None, None, None, None, "label", False, True, True, None, None)
    return None


def _alone_on_line(t: str, start: int, end: int) -> bool:
    """Only spaces between the number and the line's ends: a heading number such as "01"."""
    line_end = t.find("\n", end)
    return not t[t.rfind("\n", 0, start) + 1:start].strip() and not t[end:None if line_end < 0 else line_end].strip()


QUOTES_OPEN = frozenset("“\"「『‘《")
QUOTES_CLOSE = frozenset("”\"」』’》")
_ENUM_AFTER = frozenset("、)）")  # 一、 / (二) / 3) at the start of a line: list labels
_ENUM_BEFORE = frozenset(("", "\n", " ", "(", "（", "\t"))
_HOTLINES = _T.hotlines


def _value(head: str, mag: str | None) -> Decimal:
    return Decimal(head).scaleb(_MAG_EXP[mag]) if mag else Decimal(head)


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


def _reading(head: str, mag: str | None, approx: str | None, qual: str | None, written: str | None,
             post: str | None) -> tuple:
    """Value, interval, qualifier and unit as written of a plain phrase, before any sign word."""
    dec = len(head) - head.index(".") - 1 if "." in head else 0
    value = Decimal(head)
    if mag:
        k = _MAG_EXP[mag]
        value = value.scaleb(k)
        value = integral(value) if dec <= k else value.normalize()
        written = mag + written if written else None
    else:
        k = 0
    if qual is not None or approx or post:
        shape = _SHAPES[_AFTER[post]] if post else _SHAPES[_BEFORE[qual]] if qual is not None else _NEXT_PLACE
        low, high, li, hi = apply_shape(shape, value, place_of(value))
        value, low, high = clean(value), clean(low), clean(high)
        qual = post or qual or approx
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
    if start > floor and t[start - 1] in SIGN_LAST:
        c = t[start - 1]
        negative = False
        if c in "负負" or (c == "-" and not (start >= 2 and t[start - 2].isascii() and t[start - 2].isalnum())):
            start, negative = start - 1, True
        else:
            word, sign = direction(t, start, floor)
            negative = sign < 0
            if word == "零下":
                start, unit, dim = below_zero(t, start, unit, dim)
        if negative:
            value, low, high, li, hi = -value, -high, -low, hi, li
    return (start, end, value, low, high, unit, dim, None, kind, True, li, hi, word, written)
