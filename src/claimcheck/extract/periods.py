"""When a claim speaks about: the document's date and the period expressions around a number.

The document date comes from front matter (``date: 2025-01-17``), else a dateline near the top
(``2025-01-17 12:04``, ``作者: 2024/01/25 10:20``, ``2025年1月17日 09:30``), else a date in the file
name (``20230113``, ``2023-01-13``). Periods are closed ISO date intervals; an "as of" reading
(``截至目前``, or no period word in a dated article) is the single day of the document date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from ..model import Period

__all__ = ["document_date", "PeriodMention", "find_periods", "as_of", "UNKNOWN", "comparable"]

UNKNOWN = Period("unknown")

# "---\ntitle: …\ndate: 2025-01-17\n---\n" at the very top of a Markdown article.
_FRONT_MATTER = re.compile(r"\A\ufeff?---\s*\n(.*?)\n---\s*\n", re.S)
_FM_DATE = re.compile(r"^(?:date|published|pubdate|发布日期|日期)\s*[:：]\s*[\"']?(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})",
                      re.M | re.I)
# "2025-01-17 12:04", "2024/01/25 10:20", "2025.01.17": numeric datelines near the top.
_NUMERIC_DATE = re.compile(r"(?<![0-9])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?![0-9])")
# "2025年1月17日 09:30" or "发布时间:2025年1月17日": a Chinese date that is a dateline, not body text.
_CN_DATELINE = re.compile(r"(?:(?:发布|时间|日期|来源)[^\n]{0,6}?)?((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日"
                          r"(\s*\d{1,2}:\d{2})?")
# "news_20230113.txt", "2023-01-13-report.md": a whole date bounded by non-digits.
_FILE_DATE = re.compile(r"(?<![0-9])((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?![0-9])")
_TOP = 600


def _iso(y: str | int, m: str | int, d: str | int) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def document_date(text: str, doc_id: str) -> tuple[str | None, str | None]:
    """``(ISO date, source)`` of a document, source one of front-matter, dateline, filename."""
    fm = _FRONT_MATTER.match(text)
    if fm and (m := _FM_DATE.search(fm.group(1))) and (iso := _iso(*m.groups())):
        return iso, "front-matter"
    top = text[:_TOP]
    if (m := _NUMERIC_DATE.search(top)) and (iso := _iso(*m.groups())):
        return iso, "dateline"
    for m in _CN_DATELINE.finditer(top):
        line_start = top.rfind("\n", 0, m.start()) + 1
        line_end = top.find("\n", m.end())
        line = top[line_start:line_end if line_end != -1 else len(top)].strip()
        if (m.group(4) or len(line) <= 30 or m.group(0)[:2] in ("发布", "时间", "日期", "来源")) \
                and (iso := _iso(m.group(1), m.group(2), m.group(3))):
            return iso, "dateline"
    name = doc_id.rsplit("/", 1)[-1]
    if (m := _FILE_DATE.search(name)) and (iso := _iso(*m.groups())):
        return iso, "filename"
    return None, None


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A period expression found in the text; ``base`` marks a comparison base (较2021年)."""

    start: int
    end: int
    period: Period
    base: bool = False


_PLANS = {"十一五": 2006, "十二五": 2011, "十三五": 2016, "十四五": 2021, "十五五": 2026}
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}

# Each pattern with an example. Order matters: longer forms first.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "从2022年到2024年", "2021—2025年"
    ("range", re.compile(r"((?:19|20)\d{2})年?\s*(?:[—–~-]{1,2}|至|到)\s*((?:19|20)\d{2})年")),
    # "“十四五”时期", "十四五期间", "“十四五”以来"
    ("plan", re.compile(r"[“\"]?(十[一二三四五]五)[”\"]?(时期|期间|以来|末|初)?")),
    # "2024年上半年", "2023年第三季度", "2025年1—5月", "2024年3月", "2023年底", "2023年度"
    ("half", re.compile(r"((?:19|20)\d{2})年(上|下)半年")),
    ("quarter", re.compile(r"((?:19|20)\d{2})年(?:第)?([一二三四1-4])季度")),
    ("months", re.compile(r"((?:19|20)\d{2})年(1[0-2]|[1-9])\s*[—–~-]{1,2}\s*(1[0-2]|[1-9])月")),
    ("month", re.compile(r"((?:19|20)\d{2})年(1[0-2]|[1-9])月(?:份)?(?:底|末)?")),
    # "2019年以来", "自2019年实施以来" (from then until the document date)
    ("since", re.compile(r"(?:(?:自|从)((?:19|20)\d{2})年[^,，。;；\n]{0,12}?以来|((?:19|20)\d{2})年(?:以来|来))")),
    ("yearend", re.compile(r"((?:19|20)\d{2})年(?:底|末)")),
    ("year", re.compile(r"((?:19|20)\d{2})\s*年(?:度)?")),
    # "今年上半年", "今年1—5月", "去年", "上半年"
    ("rel_months", re.compile(r"(今年|去年|上年|前年)?(1[0-2]|[1-9])\s*[—–~-]{1,2}\s*(1[0-2]|[1-9])月")),
    ("rel_half", re.compile(r"(今年|去年|上年)?(上|下)半年")),
    # "今年一季度", "一季度", "前三季度" (January to the end of the third quarter)
    ("rel_quarter", re.compile(r"(今年|去年|上年)?(前)?(?:第)?([一二三四1-4])季度")),
    # "今年以来", "年初以来": from January 1 to the document date
    ("rel_since", re.compile(r"(?:今年|年初)以来")),
    ("rel_year", re.compile(r"今年|去年|上一年|上年|前年|明年|过去一年")),
    # "截至目前", "目前", "当前", "现在", "如今"
    ("now", re.compile(r"截至目前|截止目前|目前|当前|如今|现阶段")),
    ("vague", re.compile(r"近年来|近年|多年来|近几年|近些年")),
]
# A year after these is a comparison base, not the claim's period: "较2021年增长", "比上年".
_BASE_BEFORE = re.compile(r"(?:较|比|相比|同比|与|相较)$")
_REL_OFFSET = {"今年": 0, "去年": -1, "上年": -1, "上一年": -1, "过去一年": -1, "前年": -2, "明年": 1, None: 0}


def _year(y: int, label: str, source: str = "explicit") -> Period:
    return Period(label, f"{y:04d}-01-01", f"{y:04d}-12-31", source)


def _months(y: int, m1: int, m2: int, label: str, source: str = "explicit") -> Period:
    last = calendar.monthrange(y, m2)[1]
    return Period(label, f"{y:04d}-{m1:02d}-01", f"{y:04d}-{m2:02d}-{last:02d}", source)


def as_of(doc_date: str | None, label: str | None = None, source: str = "document-date") -> Period:
    """The single day of the document date; unknown (keeping ``label``) when there is none."""
    if doc_date is None:
        return Period(label or "unknown", None, None, "unknown")
    return Period(label or f"截至{doc_date}", doc_date, doc_date, source)


def _relative_year(word: str | None, doc_date: str | None) -> int | None:
    if doc_date is None:
        return None
    return int(doc_date[:4]) + _REL_OFFSET.get(word, 0)


def _read(kind: str, m: re.Match[str], doc_date: str | None) -> Period:
    label = m.group(0)
    g = m.groups()
    if kind == "range":
        return Period(label, f"{g[0]}-01-01", f"{g[1]}-12-31", "explicit")
    if kind == "plan":
        first = _PLANS[g[0]]
        if g[1] == "以来":
            return Period(label, f"{first}-01-01", doc_date, "relative" if doc_date else "unknown")
        return Period(label, f"{first}-01-01", f"{first + 4}-12-31", "explicit")
    if kind == "half":
        return _months(int(g[0]), 1 if g[1] == "上" else 7, 6 if g[1] == "上" else 12, label)
    if kind == "quarter":
        q = _CN_DIGIT[g[1]]
        return _months(int(g[0]), 3 * q - 2, 3 * q, label)
    if kind == "months":
        return _months(int(g[0]), int(g[1]), int(g[2]), label)
    if kind == "month":
        return _months(int(g[0]), int(g[1]), int(g[1]), label)
    if kind == "since":
        year = g[0] or g[1]
        return Period(label, f"{year}-01-01", doc_date, "relative" if doc_date else "unknown")
    if kind == "yearend":
        return Period(label, f"{g[0]}-12-31", f"{g[0]}-12-31", "explicit")
    if kind == "year":
        return _year(int(g[0]), label)
    if kind in ("rel_months", "rel_half"):
        y = _relative_year(g[0], doc_date)
        if y is None:
            return Period(label, None, None, "unknown")
        if kind == "rel_half":
            return _months(y, 1 if g[1] == "上" else 7, 6 if g[1] == "上" else 12, label, "relative")
        return _months(y, int(g[1]), int(g[2]), label, "relative")
    if kind == "rel_since":
        if doc_date is None:
            return Period(label, None, None, "unknown")
        return Period(label, f"{doc_date[:4]}-01-01", doc_date, "relative")
    if kind == "rel_quarter":
        y = _relative_year(g[0], doc_date)
        q = _CN_DIGIT[g[2]]
        if y is None:
            return Period(label, None, None, "unknown")
        return _months(y, 1 if g[1] else 3 * q - 2, 3 * q, label, "relative")
    if kind == "rel_year":
        y = _relative_year(label, doc_date)
        return _year(y, label, "relative") if y is not None else Period(label, None, None, "unknown")
    if kind == "now":
        return as_of(doc_date, label, "relative")
    return Period(label, None, None, "unknown")  # vague: 近年来


# All patterns in one pass: at each position the first kind that matches wins (the order above).
_ANY = re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _PATTERNS))
_BY_KIND = dict(_PATTERNS)
# Trying ``_ANY`` at every position costs about 1 s per million characters (sixteen branches with
# their groups at each character). Instead a cue finds where a period may start, and there only the
# kinds that can start with its character are tried, in the order above (so the same kind wins).
# ``test_period_cues_find_every_period`` holds both tables to the patterns.
# The characters each kind's pattern can start with:
_FIRST = {"range": "12", "plan": "“\"十", "half": "12", "quarter": "12", "months": "12", "month": "12",
          "since": "自从12", "yearend": "12", "year": "12", "rel_months": "今去上前123456789",
          "rel_half": "今去上下", "rel_quarter": "今去上前第一二三四1234", "rel_since": "今年",
          "rel_year": "今去上前明过", "now": "截目当如现", "vague": "近多"}
_BY_FIRST = {c: re.compile("|".join(f"(?P<{kind}>{pattern.pattern})" for kind, pattern in _PATTERNS
                                    if c in _FIRST[kind]))
             for c in sorted(set("".join(_FIRST.values())))}
# What must follow each first character for some pattern to match there: a year 19xx/20xx, a month
# range "3—5月", a quarter "3季度", “十四五”, 自2019年, 今年, 上半年, 前三季度, 年初以来, 截至目前 ...
# Most digits, quotes and 上/一/多 in news are none of these: the cues leave one candidate in
# twenty (every alternative starts with its character, so the engine skips to them in its fast loop).
_DASH = r"\s*[—–~-]"
_CUES = (rf"1(?=9\d\d|[0-2]?{_DASH}|季度)", rf"2(?=0\d\d|{_DASH}|季度)", rf"3(?={_DASH}|季度)", rf"4(?={_DASH}|季度)",
         *(rf"{d}(?={_DASH})" for d in "56789"), "“(?=十)", '"(?=十)', "十(?=[一二三四五]五)",
         r"自(?=(?:19|20)\d\d)", r"从(?=(?:19|20)\d\d)", "今(?=年)", "去(?=年)", "上(?=年|半年|一年)",
         "前(?=年|第?[一二三四1-4]季度)", "下(?=半年)", "第(?=[一二三四1-4]季度)", *(f"{c}(?=季度)" for c in "一二三四"),
         "年(?=初以来)", "明(?=年)", "过(?=去一年)", "截(?=至目前|止目前)", "目(?=前)", "当(?=前)", "如(?=今)",
         "现(?=阶段)", "近(?=年|几年|些年)", "多(?=年来)")
_START = re.compile("|".join(_CUES))


def _period_matches(text: str) -> list[re.Match[str]]:
    """What ``_ANY.finditer(text)`` yields: non-overlapping matches, leftmost first."""
    out = []
    pos, search, by_first = 0, _START.search, _BY_FIRST
    while (c := search(text, pos)) is not None:
        at = c.start()
        m = by_first[text[at]].match(text, at)
        if m is None:
            pos = at + 1
        else:
            out.append(m)
            pos = m.end()
    return out


def find_periods(text: str, doc_date: str | None) -> list[PeriodMention]:
    """Every period expression in ``text`` (folded), non-overlapping, in order."""
    out: list[PeriodMention] = []
    for m in _period_matches(text):
        kind = m.lastgroup or ""
        own = _BY_KIND[kind].match(text, m.start())  # the kind's own groups
        if own is None:
            continue
        base = bool(_BASE_BEFORE.search(text, max(0, m.start() - 2), m.start())) \
            or (text.endswith("是", 0, m.start()) and text.startswith("的", own.end()))  # 是2020年的3.2倍
        out.append(PeriodMention(own.start(), own.end(), _read(kind, own, doc_date), base))
    return out


def comparable(a: Period, b: Period) -> bool:
    """True when two periods cannot be told apart: either is unknown, or both end on the same day.

    A stock reported "as of" two different days, or a flow of two different years, is a timeline;
    ``2025年`` and ``“十四五”时期`` (2021-2025) end together and are the same reading of a stock.
    """
    if not (a.known and b.known):
        # "2021年以来" in an undated article: open at the end, but its start still tells it apart
        # from a period that starts elsewhere ("2025年").
        if a.start and b.start and (a.end is None or b.end is None):
            return a.start == b.start
        # A figure with no period word is a year's or a current one; a quarter, a half year or
        # "1—4月" is always stated as such, so it is another period than the unknown one.
        return not (_part_of_year(a) or _part_of_year(b))
    return a.end == b.end


def _part_of_year(p: Period) -> bool:
    """True for a known period longer than a day and shorter than a calendar year (上半年, 1—4月)."""
    if not p.known or p.start == p.end:
        return False
    start, end = date.fromisoformat(p.start), date.fromisoformat(p.end)
    return (end - start).days < 360
