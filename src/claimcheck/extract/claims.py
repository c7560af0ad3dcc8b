"""Turn a document's claimable quantities into claims: indicator, entity, period and measure.

Pure and picklable (the engine may call it in worker processes). Rules of thumb, in order:
the indicator comes from the clause (see ``indicators``), the entity from the clause, sentence,
heading or document (see ``entities``), the period from the clause, the sentence, the first words of
the paragraph, else "as of" the document date, else unknown (see ``periods``). A sentence with a
plan word (力争, 计划, 预计, 将 ...) before the number makes the claim a ``target``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from ..model import Claim, Document, Period, Quantity, Span
from ..normalize import fold
from .context import Heading, Layout
from .entities import (Mention, clause_entity, find_mentions, gazetteer, heading_entity, heading_is_silent, main_entity,
                       org_key, sentence_org, sentence_place, short_form)
from .indicators import (Reading, attribute_prefix, canonical, frame_rank, is_generic, read_indicator, split_pair,
                         strip_attributes, subject_noun, title_rank)
from .periods import as_of, document_date, find_periods

__all__ = ["Extraction", "extract_document"]


class Extraction(NamedTuple):
    """What extraction learned about one document."""

    document: Document  # with its date filled in when one was found
    quantities: list[Quantity]
    claims: list[Claim]


# Plan words before the number in its sentence: "力争2025年达到700家", "预计实现营业收入92亿元".
# Plan verbs that both mark a target and lead a list of targets (计划 only before what is planned).
_PLAN_VERBS = r"力争|确保|争取(?!到)|计划(?=[0-9到在于将实现新建完成达今明])"
_TARGET = re.compile(_PLAN_VERBS + r"|预计|拟|预期|有望|力求|将(?!近)|要在|"
                     r"目标(?=[是为:：])")
_RATIO_AFTER = re.compile(r"\s*:\s*[0-9]")
_RATIO_BEFORE = re.compile(r"[0-9]\s*:\s*$")
# Numbers that name things rather than measure them: 六大产业集群, 3大行动.
_LABEL_UNITS = frozenset({"大"})
_MASK = "\x00"
# A number coordinated with the one before it in the clause: "79%和446%".
_COORDINATED = re.compile(r"\x00+(?:和|、|与|及|以及|或)$")
# A title in book marks: "《国土空间总体规划(2021—2035年)》" (its years are not periods).
_TITLE = re.compile(r"《[^》\n]{0,60}》")
_QUOTE_MAX = 160
# A year that belongs to the figure right after it: "比2020年的2787.4亿元", "2020年末的270.9万人".
_OWN_YEAR = re.compile(r"((?:19|20)\d{2}年(?:底|末)?)的$")
# A report named by the year it is delivered in, which reviews the year before: "2025年政府工作报告".
_DELIVERY_YEAR = re.compile(r"工作报告|报告会|述职")
# A period within this many characters of its sentence's start opens the sentence: "2024年,全市…".
_TOPIC_REACH = 6
# Headings of plan sections, and of reviews that mention plans: "主要预期目标" vs "目标任务完成情况".
_PLAN_HEADING = re.compile(r"目标|预期|计划|打算|展望|工作安排|重点任务|工作思路")
_REVIEW_HEADING = re.compile(r"完成|回顾|成就|成效|进展|情况")
_NOT_SPACE = re.compile(r"\S")


class _Doc:
    """Per-document lookups shared by every claim of the document."""

    def __init__(self, doc: Document, text: str, quantities: list[Quantity]) -> None:
        self.doc = doc
        self.text = text
        self.layout = Layout(text)
        self.mentions = find_mentions(text)
        self.main = main_entity(text, self.mentions)
        # A district's own article says 全区 for the district: "全区规模以上工业企业58家" in a 赛罕区 article.
        self.district_self = bool(self.main) and self.main.endswith(("区", "县", "旗"))
        self.zones = _zone_names(self.mentions, self.main)
        self._heading_entities: dict[int, str | None] = {}  # by the number of headings above
        self._heading_periods: dict[int, Period | None] = {}
        self._mention_starts = [m.start for m in self.mentions]
        self._full_stops = [m.start() for m in _FULL_STOP.finditer(text)]
        self.as_of = as_of(doc.date)  # one Period (immutable) for every claim that falls back to it
        self.main_org = self._title_org()
        self.title_period: Period | None = None
        in_title = bytearray(len(text) + 1)
        for m in _TITLE.finditer(text):
            in_title[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        every = find_periods(text, doc.date)
        self.periods = [p for p in every if not p.base and not in_title[p.start]]
        self._period_starts = [p.start for p in self.periods]
        title = self.layout.headings[0] if self.layout.headings else None
        if title is not None and not text[:title.start].strip() and not _DELIVERY_YEAR.search(title.text):
            i = bisect_left(self._period_starts, title.start)
            if i < len(self.periods) and self.periods[i].start < title.end and self.periods[i].period.known:
                self.title_period = replace(self.periods[i].period, source="heading")
        numbers_and_times = [(p.start, p.end) for p in every] + [(q.start, q.end) for q in quantities if q.claimable]
        # After the number an organisation's name may be the counted thing: "全国348个科技城".
        self.masked_after = _masked(text, numbers_and_times + [(m.start, m.end) for m in self.mentions
                                                               if m.kind in ("place", "self")])
        # Before it every strong mention is masked: the same text with the organisations masked too.
        self.masked = _masked(self.masked_after, [(m.start, m.end) for m in self.mentions if m.kind == "org"])

    def mentions_between(self, lo: int, hi: int) -> list:
        """Mentions that start in ``[lo, hi)``."""
        return self.mentions[bisect_left(self._mention_starts, lo):bisect_left(self._mention_starts, hi)]

    def _by_headings(self, pos: int, memo: dict, silent: Callable[[Heading], bool],
                     answer: Callable[[int], object]) -> object:
        """``answer(k)`` for the ``k`` headings above ``pos``, worked out once per ``k``; a silent
        heading (one the answer reads past) hands on the answer of the headings above it. A long
        article's claims would otherwise walk back to its top through every heading, claim by claim."""
        k = self.layout.headings_above(pos)
        passed = []
        while k not in memo and k > 0 and silent(self.layout.headings[k - 1]):
            passed.append(k)
            k -= 1
        if k not in memo:
            memo[k] = answer(k)
        for j in passed:
            memo[j] = memo[k]
        return memo[k]

    def heading_entity(self, pos: int) -> str | None:
        """``heading_entity`` of the headings above ``pos``."""
        return self._by_headings(pos, self._heading_entities, heading_is_silent,
                                 lambda k: heading_entity(self.layout.nearest_headings(k)))

    def scope_city(self, pos: int) -> str | None:
        heading = self.heading_entity(pos)
        return heading or self.main

    def _org(self, m: Mention, pos: int) -> str:
        """Key of an organisation mention; a zone named without its city takes the full name the
        article gives it elsewhere ("金山高新区" = "呼和浩特金山高新技术产业开发区")."""
        previous = [x for x in self.mentions_between(0, m.start) if x.end <= m.start]
        key = org_key(m, self.scope_city(pos), previous)
        return self.zones.get(short_form(m.text), key)

    def _title_org(self) -> str | None:
        """The organisation an article's title names first (a hospital's, a university's, a park's
        article): claims that name no subject are about it ("医院现有开放床位3260张")."""
        first = next((ln for ln in self.layout.lines if self.text[ln[0]:ln[1]].strip()), None)
        if first is None or first[1] - first[0] > 40:
            return None
        named = [m for m in self.mentions_between(first[0], first[1]) if m.kind != "weak"]
        if not named or named[0].kind != "org":
            return None
        key = self._org(named[0], named[0].end)
        # The body must name it again: "某大学专家解读…" in a title does not make the city's figures its own.
        again = any(m.kind == "org" and self._org(m, m.end) == key for m in self.mentions_between(first[1], len(self.text)))
        return key if again else None

    def entity(self, q: Quantity, clause: tuple[int, int], sentence: tuple[int, int]) -> tuple[str, str]:
        """``(entity key, source)`` for the number ``q``."""
        m = clause_entity(self.text, self.mentions_between(clause[0], q.start), clause[0], q.start)
        if m is not None and m.kind == "weak" and self.district_self and m.text in ("全区", "我区"):
            m = Mention(m.start, m.end, "", "self", m.text)
        if m is not None and m.kind == "org":
            return self._org(m, q.start), "clause"
        if m is not None and m.kind != "self":
            return m.key, "clause"
        if m is None and clause[0] > 0 and self.text[clause[0] - 1] in "(（":
            # A parenthesis speaks about what it follows: "高于包头市(420家)".
            inside = [x for x in self.mentions_between(sentence[0], clause[0]) if x.kind == "place"]
            if inside and clause[0] - inside[-1].end <= 2:
                return inside[-1].key, "clause"
        if m is None:
            earlier = self.mentions_between(sentence[0], clause[0])
            s = sentence_place(self.text, earlier, sentence[0], clause[0])
            if s is not None and s.kind == "place":
                return s.key, "sentence"
            o = sentence_org(self.text, earlier, sentence[0], clause[0])
            key = self._org(o, q.start) if o is not None else ""
            if key and not key.startswith(gazetteer().anaphora):  # 附属医院全年门诊量…,开放床位3260张
                return key, "sentence"
        line = self.layout.line_at(q.start)
        if self.text.startswith(_BULLETS, self.opening(line), line[1]):
            return "unknown", "document"  # a bullet (a related-news link) names its own subject or none
        heading = self.heading_entity(q.start)
        if heading:
            return heading, "heading"
        if self.main_org and (m is None or m.kind != "self"):
            return self.main_org, "document"
        return (self.main or "unknown"), "document"

    def period(self, q: Quantity, clause: tuple[int, int], sentence: tuple[int, int],
               listed: tuple[int, int] | None = None) -> Period:
        """The period of the number ``q``: clause, sentence, paragraph opening, document date.

        ``listed`` = (index, count) of a number in "2023年、2024年分别为450家和601家": the periods
        listed just before map onto the numbers in order.
        """
        lo, hi = bisect_left(self._period_starts, sentence[0]), bisect_left(self._period_starts, q.start)
        before = [p for p in self.periods[lo:hi] if p.end <= q.start]
        if listed and len(before) >= listed[1]:
            run = before[-listed[1]:]
            if all(b.start - a.end <= 1 for a, b in zip(run, run[1:])):
                return run[listed[0]].period
        own = _OWN_YEAR.search(self.text, max(sentence[0], q.start - 12), q.start)
        if own is not None:  # 比2020年的2787.4亿元: the base's own year (a base for the change after it)
            return find_periods(own.group(1), self.doc.date)[0].period
        if before:
            return before[-1].period
        first = self.layout.sentence_at(self.opening(self.layout.line_at(q.start)))
        for p in self.periods[bisect_left(self._period_starts, first[0]):]:  # "2023年,乌海市推深做实改革创新"
            if p.start >= first[1] or p.start >= q.start:
                break
            if p.start >= first[0] and not self.text.startswith("的", p.end):  # 2019年的185家: that figure's
                return p.period
        topic = self._topic_period(first[1], sentence[0])
        if topic is not None:
            return topic
        heading = self._heading_period(q.start)
        return heading if heading is not None else self.as_of

    def _topic_period(self, lo: int, hi: int) -> Period | None:
        """The period that opens a later sentence of the paragraph ("上半年,全省…。规上工业…"), the
        nearest one before ``hi``: it carries to the sentences after it."""
        i = bisect_left(self._period_starts, hi) - 1
        while i >= 0 and self.periods[i].start >= lo:
            p = self.periods[i]
            opening = self.layout.sentence_at(p.start)[0]
            if p.period.known and p.start - opening <= _TOPIC_REACH and not self.text.startswith("的", p.end) \
                    and not self.text[opening:p.start].strip("，,、 ").endswith(("较", "比", "与")):
                return p.period
            i -= 1
        return None

    def _heading_period(self, pos: int) -> Period | None:
        """The period named by the nearest heading above that names one (``## 2023年``, a
        communiqué's title ``包头市2024年国民经济和社会发展统计公报``), respecting markdown levels."""
        return self._by_headings(pos, self._heading_periods,
                                 lambda h: h.level == 9 and self._own_period(h) is None, self._find_heading_period)

    def _own_period(self, h: Heading) -> Period | None:
        """The known period a heading names, unless it is a report's delivery year."""
        i = bisect_left(self._period_starts, h.start)
        if i < len(self.periods) and self.periods[i].start < h.end and self.periods[i].period.known \
                and not _DELIVERY_YEAR.search(h.text):
            return replace(self.periods[i].period, source="heading")
        return None

    def _find_heading_period(self, count: int) -> Period | None:
        ceiling = 10
        for h in self.layout.nearest_headings(count):
            if h.level > ceiling or (h.level == 9 and ceiling < 9):
                continue
            own = self._own_period(h)
            if own is not None:
                return own
            if h.level < 9:
                ceiling = min(ceiling, h.level - 1)
        return self.title_period  # "蒙西三市2024年经济运行观察" above "## 包头"

    def in_plan_section(self, pos: int) -> bool:
        """True under a heading that announces plans: "二、2024年主要预期目标", "## 下一步工作计划"."""
        above = self.layout.headings_above(pos)
        if above == 0:
            return False
        nearest = self.layout.headings[above - 1]
        return bool(_PLAN_HEADING.search(nearest.text)) and not _REVIEW_HEADING.search(nearest.text)

    def in_plan_list(self, pos: int) -> bool:
        """True when a plan leader opens the full sentence (up to 。, across ；) before ``pos``."""
        # The last full stop by bisection in the document's list (scanning the paragraph from its
        # start cost a scan per claim).
        i = bisect_left(self._full_stops, pos) - 1
        line_start = self.layout.line_at(pos)[0]
        start = max(line_start, self._full_stops[i] + 1) if i >= 0 else line_start
        return bool(_PLAN_LEADER.search(self.text, start, pos))

    def opening(self, line: tuple[int, int]) -> int:
        """Offset of the first character of ``line`` that is not white space (its end if none)."""
        # A search instead of ``lstrip``: a paragraph is one line, copied twice per claim otherwise.
        m = _NOT_SPACE.search(self.text, line[0], line[1])
        return m.start() if m else line[1]


def _zone_names(mentions: list[Mention], city: str | None) -> dict[str, str]:
    """Short name of each zone the article names with its city → the full key: "金山高新区" →
    "呼和浩特金山高新区" when the article also writes "呼和浩特金山高新技术产业开发区"."""
    out: dict[str, str] = {}
    for m in mentions:
        if m.kind != "org":
            continue
        name = short_form(m.text)
        place = gazetteer().place_re.match(name)
        if place and len(name) - place.end() >= 3 and name.endswith(gazetteer().zone_suffixes):
            out.setdefault(name[place.end():], org_key(m, city, []))
    return out


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the given spans (which may overlap) blanked out, so that nouns stop at them."""
    # Pieces joined in order: a list of every character of the text cost ten times more.
    out, pos = [], 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e > s:
            out += (text[pos:s], _MASK * (e - s))
            pos = e
    out.append(text[pos:])
    return "".join(out)


def _attribute_words(noun: str) -> tuple[str, ...]:
    out = []
    rest = noun
    while rest:
        word = attribute_prefix(rest)
        if word is None:
            break
        out.append(word)
        rest = rest[len(word):]
    return tuple(out)


def _only_attributes(noun: str) -> bool:
    return "".join(_attribute_words(noun)) == noun


def _share_base(base: str | None) -> str | None:
    if not base or not base.startswith("占") or len(base) == 1:
        return base
    names = gazetteer().names
    of = base[1:]
    return "占" + names[of][0] if of in names else base


class _Builder:
    """Accumulates the claims of one document, remembering the claims of the current sentence."""

    def __init__(self, d: _Doc) -> None:
        self.d = d
        self.claims: list[Claim] = []
        self.sentence: tuple[int, int] = (-1, -1)
        self.clause: tuple[int, int] = (-1, -1)
        self.in_sentence: list[Claim] = []
        self.last_reading: dict[int, Reading] = {}  # by clause start
        self.last_source: Claim | None = None  # the claim the last inherited indicator came from

    def _inherit(self, reading: Reading, index: int,
                 count: int) -> tuple[str, str, tuple[str, ...], str] | None:
        """Indicator of an earlier claim of the sentence for a share, change or bare attribute."""
        earlier = [c for c in self.in_sentence if c.measure in ("level", "target", "rank")]
        if not earlier and (reading.measure == "change"  # 增长9.1%,高于全区平均水平2.1个百分点
                            or reading.total):  # GDP增长5.7%,总量达到20011.65亿元: the stock of that change
            earlier = list(self.in_sentence)
        if not earlier:
            return None
        if reading.respectively and count > 1 and len(earlier) >= count:
            src = earlier[len(earlier) - count + index]
        else:
            src = earlier[-1]
        self.last_source = src
        return src.indicator, src.indicator_text, tuple(a for a in src.attributes if a != "part"), src.entity

    def _reading(self, q: Quantity, clause: tuple[int, int]) -> Reading:
        """The syntax around ``q``; a number coordinated with the one before shares its reading."""
        d = self.d
        pre, post = d.masked[clause[0]:q.start], d.masked_after[q.end:clause[1]]
        reading = read_indicator(pre, post, q.kind, q.kind == "ordinal" or q.unit == "rank",
                                 d.text[clause[0]:q.start])
        previous = self.last_reading.get(clause[0])
        if previous is not None and _COORDINATED.search(pre):  # 分别增长79%和446%: same reading as 79%
            reading = previous
        self.last_reading[clause[0]] = reading
        return reading

    def _base(self, reading: Reading, indicator: str, period: Period) -> str | None:
        """Base of a change or share; a change without one keeps the base of the change before it
        on the same indicator ("比上年增加50家,增长9.1%"), and a change over a stated calendar period
        of one year or less is year on year, as statistics report it ("2024年GDP增长6.5%")."""
        if reading.measure not in ("share", "change"):
            return None
        if reading.base is None and reading.measure == "change" and self.in_sentence:
            last = self.in_sentence[-1]
            if last.measure == "change" and last.indicator == indicator:
                return last.base
        if reading.base is None and reading.measure == "change" and period.source in ("explicit", "relative", "heading") \
                and period.known and period.start[:4] == period.end[:4] and period.start != period.end:
            return "同比"
        return _share_base(reading.base)

    def _sentence_subject(self, reading: Reading) -> str | None:
        """The noun the sentence opened with, for a bare "达到601家" after "…数量居全区首位"."""
        if reading.measure != "level" or reading.noun:
            return None
        d = self.d
        first = d.layout.clauses_in(self.sentence[0], self.sentence[1])
        if not first:
            return None
        topic = _TOPIC_FRAME.fullmatch(d.text[first[0][0]:first[0][1]].strip())
        if topic is not None:  # 从地区生产总值看,鄂尔多斯市完成2905.6亿元
            return topic.group(1)
        noun = subject_noun(d.masked[first[0][0]:first[0][1]])
        return noun if len(noun) >= 2 and not is_generic(canonical(noun)[0]) else None

    def _listed_before(self) -> list[str]:
        """Short items listed before the clause with 、 ("城镇、农村居民人均可支配收入": ["城镇"])."""
        d, out, start = self.d, [], self.clause[0]
        while start > self.sentence[0] and d.text[start - 1] == "、":
            prev = d.layout.clause_at(start - 2)
            item = d.text[prev[0]:prev[1]].strip()
            if not _SHORT_ITEM.fullmatch(item) or gazetteer().place_re.fullmatch(item):  # places are entities
                break
            out.insert(0, item)
            start = prev[0]
        return out

    def _indicator(self, reading: Reading, index: int, count: int) -> _Indicator | None:
        """The claim's indicator: its own noun, or the one of the claim it leans on."""
        if reading.measure == "rank" and reading.noun == "排名":  # 在《…评价报告2024》中,…排名第58位
            line = self.d.layout.line_at(self.sentence[0])  # the title may open the paragraph
            titles = list(_TITLE.finditer(self.d.text, line[0], self.sentence[1]))
            key = title_rank(titles[-1].group(0)) if titles else ""
            if key:
                return _Indicator(key, titles[-1].group(0), (), 0.9, None)
            key = frame_rank(self.d.text[self.sentence[0]:self.clause[0]])  # 在…排名中,呼和浩特居第87位
            if key:
                return _Indicator(key, key, (), 0.9, None)
        if reading.noun and not _only_attributes(reading.noun):
            noun = reading.noun
            items = _LIST_SEPARATOR.split(noun)
            if reading.respectively and count > 1 and len(items) == 1:  # 城乡居民收入分别增长…
                items = split_pair(noun, count)
            if reading.respectively and count > 1 and len(items) < count:  # 城镇、农村居民收入分别增长…
                items = _shared_head(self._listed_before() + items)
            if reading.respectively and count > 1 and len(items) == count:  # A和B分别达到420家和900家
                noun = items[index]
            key, attributes = canonical(noun, ("累计",) if reading.cumulative else ())
            return _Indicator(key, noun, attributes, 1.0, None)
        inherited = self._inherit(reading, index, count)
        if inherited is None:
            subject = self._sentence_subject(reading)
            if subject is None:
                return None
            key, attributes = canonical(subject)
            return _Indicator(key, subject, attributes, 0.7, None)
        key, text_form, attrs, source_entity = inherited
        extra = _attribute_words(reading.noun) if reading.noun else ()
        if extra:  # 其中国家级3个: the whole's indicator, with the part's attribute
            kept = tuple(a for a in attrs if a not in _LEVELS)
            key, attrs = canonical(strip_attributes(text_form)[1], kept + extra)
        elif reading.measure == "level" and reading.total:  # 新增…5.2万户,总量达到41.3万户: the stock
            key, attrs = canonical(strip_attributes(text_form)[1])
        elif reading.measure == "level":  # "104所,87所已投用": a bare number after its whole is a part
            attrs = attrs + ("part",)
        return _Indicator(key, text_form, attrs, 0.8, source_entity)

    def add(self, q: Quantity, siblings: list[Quantity], clause: tuple[int, int]) -> None:
        """Read the claim of ``q`` (one of the claimable ``siblings`` of its ``clause``), if it makes one."""
        d = self.d
        sentence = d.layout.sentence_at(q.start)
        self.clause = clause
        if sentence != self.sentence:
            self.sentence, self.in_sentence = sentence, []
        reading = self._reading(q, clause)
        found = self._indicator(reading, siblings.index(q), len(siblings))
        if found is None:
            return
        attributes, confidence = found.attributes, found.confidence
        entity, source = d.entity(q, clause, sentence)
        if found.source_entity and source != "clause":  # 比2023年度上升6位: about what its rank is about
            entity, source = found.source_entity, "clause"
        if reading.respectively and len(siblings) > 1:  # 包头市、鄂尔多斯市…分别达到420家和330家
            places = [m for m in d.mentions_between(sentence[0], siblings[0].start) if m.kind == "place"]
            listed = places[-len(siblings):]
            if len(listed) == len(siblings) and all(b.start - a.end <= 1 for a, b in zip(listed, listed[1:])):
                entity, source = listed[siblings.index(q)].key, "clause"
        listed = (siblings.index(q), len(siblings)) if reading.respectively and len(siblings) > 1 else None
        period = d.period(q, clause, sentence, listed)
        if "part" in attributes and found.source_entity and (
                entity != found.source_entity  # 高于包头市(420家): another's whole
                or (period.source == "explicit" and period != self.last_source.period)):  # 2023年为450家
            attributes = tuple(a for a in attributes if a != "part")
        if is_generic(found.key) or entity == "unknown":  # too vague to compare with other articles
            confidence = min(confidence, 0.4)
        claim = Claim(
            id=f"{d.doc.id}#{len(self.claims) + 1}", span=Span(d.doc.id, q.start, q.end),
            quote=_quote(d.doc.text, sentence, q), quantity=q, indicator=found.key,
            indicator_text=found.text, entity=entity, period=period,
            measure="target" if _is_plan(d.text, sentence[0], q.start) or d.in_plan_section(q.start)
            or d.in_plan_list(q.start) else reading.measure,
            confidence=confidence if source != "document" else confidence * 0.9,
            attributes=attributes + (("其中",) if reading.part else ()),
            base=self._base(reading, found.key, period),
            entity_source=source,
        )
        self.claims.append(claim)
        self.in_sentence.append(claim)


class _Indicator(NamedTuple):
    key: str
    text: str
    attributes: tuple[str, ...]
    confidence: float
    source_entity: str | None  # the entity of the claim it leans on, when inherited


_LIST_SEPARATOR = re.compile(r"和|、|及|与")
_BULLETS = ("•", "·", "●", "▪", "◆", "■", "- ", "* ")
_LEVELS = ("国家级", "自治区级", "省级", "市级", "区级", "县级")


# A topic frame that names the indicator of the clauses after it: "从地区生产总值看", "就社零总额而言".
_TOPIC_FRAME = re.compile(r"(?:从|就)([\u4e00-\u9fff]{2,14}?)(?:来看|看|而言|来说)")
_SHORT_ITEM = re.compile(r"[\u4e00-\u9fff]{1,14}")  # 14: "城镇居民人均可支配收入、农村居民…分别增长…"


def _shared_head(items: list[str]) -> list[str]:
    """Items of a list whose last item carries the shared noun: ["城镇", "农村居民人均可支配收入"] →
    ["城镇居民人均可支配收入", "农村居民人均可支配收入"]; other lists unchanged."""
    if len(items) < 2:
        return items
    width = len(items[0])
    last = items[-1]
    if any(len(i) != width for i in items[:-1]) or len(last) < width + 2:
        return items
    shared = last[width:]
    return [i + shared for i in items[:-1]] + [last]


# A list of targets led by a plan phrase, its items separated by ；: "主要预期目标是：地区生产总值增长6.5%左右；
# 一般公共预算收入增长5%；城镇新增就业2.5万人". The leader reaches every item up to the full stop.
_PLAN_LEADER = re.compile(r"目标(?:是|为)?[:：]|预期目标|" + _PLAN_VERBS)
_FULL_STOP = re.compile(r"[。！？!?]")


def _is_plan(text: str, start: int, pos: int) -> bool:
    """A plan word between ``start`` and the number at ``pos`` (one character more: 将近 is no plan)."""
    first = _TARGET.search(text, start, pos + 1)  # matches come in order: only the first can start before pos
    return first is not None and first.start() < pos


def _quote(text: str, sentence: tuple[int, int], q: Quantity) -> str:
    """The sentence around the number, trimmed to a window around it when long."""
    s, e = sentence
    if e - s > _QUOTE_MAX:
        s = max(s, q.start - _QUOTE_MAX // 2)
        e = min(e, s + _QUOTE_MAX)
    return " ".join(text[s:e].split())


def _in_ratio(text: str, q: Quantity) -> bool:
    """A term of a ratio such as 3.1:50.6:46.3 (a structure, not a quantity of its own)."""
    return bool(_RATIO_AFTER.match(text, q.end) or _RATIO_BEFORE.search(text, max(0, q.start - 4), q.start))


def _find_quantities(text: str) -> list[Quantity]:
    from .quantity import find_quantities  # the parser (issue 2); imported late to keep start-up light

    return find_quantities(text)


def extract_document(doc: Document) -> Extraction:
    """Quantities and claims of one document; pure, so it can run in a worker process."""
    text = fold(doc.text)
    if doc.date is None:
        date, source = document_date(text, doc.id)
        if date:
            doc = replace(doc, date=date, date_source=source)
    quantities = _find_quantities(doc.text)
    claimable = [q for q in quantities if q.claimable and q.value is not None and q.unit_text not in _LABEL_UNITS
                 and q.unit not in _LABEL_UNITS and q.dimension != "duration" and not _in_ratio(text, q)]
    if not claimable:
        return Extraction(doc, quantities, [])
    d = _Doc(doc, text, quantities)
    builder = _Builder(d)
    clauses = _clauses(d, claimable)
    by_clause: dict[tuple[int, int], list[Quantity]] = {}
    for q in claimable:
        by_clause.setdefault(clauses[q.start], []).append(q)
    for q in claimable:
        builder.add(q, by_clause[clauses[q.start]], clauses[q.start])
    return Extraction(doc, quantities, builder.claims)


# Only a coordinator between two figures: "6236.4亿元、4405.7亿元和4000.1亿元".
_COORDINATOR = re.compile(r"\s*(?:、|和|与|及|以及|或)\s*")


def _clauses(d: _Doc, claimable: list[Quantity]) -> dict[int, tuple[int, int]]:
    """The clause of each figure; figures joined only by 、/和/及 share the first one's clause (its
    noun and its 分别), though 、 after a unit ends a clause elsewhere."""
    out: dict[int, tuple[int, int]] = {}
    previous: Quantity | None = None
    run: list[int] = []  # starts of the figures that share the current clause
    for q in claimable:
        clause = d.layout.clause_at(q.start)
        if previous is not None and clause != out[previous.start] \
                and _COORDINATOR.fullmatch(d.text, previous.end, q.start):
            clause = (out[previous.start][0], max(clause[1], out[previous.start][1]))
            for k in run:
                out[k] = clause
        elif previous is None or clause != out[previous.start]:
            run = []
        run.append(q.start)
        out[q.start] = clause
        previous = q
    return out

