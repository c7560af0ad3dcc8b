"""Who a claim is about: gazetteer places, organisations and zones by their form, and scoping rules.

Scoping order for a number: the nearest entity before it in its clause (an organisation counts
here: ``首府科技城位列第38位`` is about the 科技城, not the city), else the first place earlier in
its sentence, else the nearest heading that names a place, else the document's main entity.
Yardstick mentions are skipped: ``全国第30位``, ``占全区30%``, ``在全国城市创新能力排名中``,
``北京等116家`` (an example member of the counted set), ``和北京海淀区`` (a partner).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import NamedTuple

from ..resources import load_rules_toml
from .context import Heading
from .quantity_tables import trie_regex

__all__ = ["Mention", "Gazetteer", "gazetteer", "find_mentions", "main_entity", "heading_entity", "heading_is_silent",
           "clause_entity", "sentence_place", "sentence_org", "short_form", "org_key"]


class Mention(NamedTuple):
    """A named entity in the text: ``kind`` is place, weak (全国/全区), self (全市/我市) or org.

    A named tuple, not a frozen dataclass: an article makes thousands, and this builds in a third of
    the time."""

    start: int
    end: int
    key: str
    kind: str
    text: str


@dataclass(frozen=True)
class Gazetteer:
    """The place names, their canonical keys, and the organisation suffixes, compiled once."""

    names: dict[str, tuple[str, bool]]  # alias -> (key, weak); self names (全市) are in ``kinds`` only
    place_re: re.Pattern[str]
    zone_suffixes: tuple[str, ...]
    suffix_re: re.Pattern[str]
    anaphora: tuple[str, ...]
    short_forms: tuple[tuple[str, str], ...] = ()  # long zone suffix -> short one, longest first
    subject_suffixes: tuple[str, ...] = ()  # institutions that stay the subject of later clauses
    kinds: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (key, kind) of its mention


@cache
def gazetteer() -> Gazetteer:
    """The gazetteer of ``rules/entities.toml``."""
    data = load_rules_toml("entities.toml")
    names: dict[str, tuple[str, bool]] = {}
    for entry in data.get("entity", []):
        weak = bool(entry.get("weak", False))
        names_of = entry.get("aliases", []) if entry.get("name_only") else [entry["key"], *entry.get("aliases", [])]
        for alias in names_of:
            names.setdefault(alias, (entry["key"], weak))
    self_names = frozenset(data.get("self", {}).get("aliases", []))
    every = sorted([*names, *self_names], key=lambda s: (-len(s), s))
    org = data.get("org", {})
    zones = tuple(org.get("zone_suffixes", []))
    suffixes = sorted({*zones, *org.get("institution_suffixes", [])}, key=lambda s: (-len(s), s))
    short = tuple(sorted(org.get("short_forms", {}).items(), key=lambda kv: -len(kv[0])))
    # Tries: at each position the longest name, as the alternation sorted longest first had it, but
    # the engine follows one branch per character instead of trying every name (twice as fast).
    kinds = {name: (key, "weak" if weak else "place") for name, (key, weak) in names.items()}
    kinds.update((name, ("", "self")) for name in self_names)  # a self name (全市, 我市) wins
    return Gazetteer(names, re.compile(trie_regex(dict.fromkeys(every, ""))), zones,
                     re.compile(trie_regex(dict.fromkeys(suffixes, ""))), tuple(org.get("anaphora", [])), short,
                     tuple(org.get("subject_suffixes", [])), kinds)


# Characters and words that end a name when scanning backwards from an organisation suffix:
# "伊利集团牵头建设的国家乳业技术创新中心" → "国家乳业技术创新中心".
_STOP_CHARS = frozenset("的在是和与及对从向将把被让使于为由等了着过这此其有到至以并而但也都已又均个项所座条内"
                        "名位件目前年月日")
_STOP_WORDS = ("打造", "建设", "推动", "引进", "依托", "获批", "成立", "设立", "建成", "入选", "加快", "实施",
               "推进", "培育", "拥有", "围绕", "全力", "支撑", "创建", "带动", "促进", "成为", "聚焦",
               "构建", "发挥", "提升", "强化", "深化", "链接", "汇聚", "集聚", "搭建", "落地", "运营", "打开",
               "直接", "进入", "走进", "来到", "参观", "凭借", "通过", "依靠", "借助", "作为", "其中", "包括", "以及")
_STOP_WORDS_SET = frozenset(_STOP_WORDS)  # all of two characters (tested): one look-up per step back
_MAX_ORG = 22
_MEASURE_CHARS = frozenset("家个所座批类")
_ORG_PREFIXES = ("国家", "自治区", "中国", "内蒙古", "京津冀", "中关村", "全国")


def _place_mentions(text: str, gz: Gazetteer) -> list[Mention]:
    out = []
    kinds = gz.kinds
    for m in gz.place_re.finditer(text):
        name = m.group(0)
        key, kind = kinds[name]
        if kind == "weak" and text.startswith("级", m.end()):  # 自治区级: an attribute, not a place
            continue
        out.append(Mention(m.start(), m.end(), key, kind, name))
    return out


def _org_start(text: str, end: int, places: dict[int, Mention]) -> int:
    """Scan back from ``end`` (the start of an organisation suffix) to where the name begins."""
    pos = end
    while pos > 0 and end - pos < _MAX_ORG:
        if pos in places:  # a place name is atomic: 呼和浩特 keeps its 和
            pos = places[pos].start
            continue
        ch = text[pos - 1]
        if not ("\u4e00" <= ch <= "\u9fff" or ch.isalpha()) or ch in _STOP_CHARS:
            break
        if pos >= 2 and text[pos - 2:pos] in _STOP_WORDS_SET:  # …打造|
            break
        pos -= 1
    return pos


def _is_name(name: str, suffix: str, bare: bool, anaphoric: bool, gz: Gazetteer) -> bool:
    """A zone may be named by its form alone (科技城); an institution needs a place or national prefix."""
    if bare or anaphoric:
        return anaphoric or suffix in ("科技城", "科学城", "高新区", "开发区")
    head = gz.place_re.match(name)
    prefix = head.group(0) if head else next((p for p in _ORG_PREFIXES if name.startswith(p)), "")
    if prefix and name[len(prefix):].startswith("级"):  # 自治区级企业技术研发中心: a class, not a name
        return False
    return bool(prefix) or suffix in gz.zone_suffixes


# Districts, counties and banners not in the gazetteer, by their form: "包头市昆都仑区", ",托克托县".
# The name runs from the end of a place (or a boundary) to the suffix, two to four characters.
_DIVISION = re.compile(r"[区县旗](?![域级委长城内外际间划位])")
# Common nouns ending like a division: 全区, 园区, 社区, 示范区, 红旗, 旗县区 ...
_NOT_DIVISION = re.compile(
    r"(?:全|园|城|社|景|片|辖|市|地|山|牧|农|矿|范|聚|能|发|新|税|验|行|贸|心|我|本|该|各|校|厂|港|湾|库|展|街|"
    r"专|小|营|灾|禁|误|盲|分|战|防|护|游|活|宅|住|务|点|载|领|板|导|作|济|红|国|彩|锦|举|队|边|郊|旗县|管)[区县旗]$")
_DIVISION_BAD_START = tuple("全各我本该其每两多这那此个等和与及或在对从向为")
_DIVISION_STOP = _STOP_CHARS - {"都"}  # 昆都仑区


def _occupied(size: int, spans: list[Mention]) -> bytearray:
    """A flag per character: 1 inside one of ``spans``."""
    flags = bytearray(size)
    for m in spans:
        flags[m.start:m.end] = b"\x01" * (m.end - m.start)
    return flags


def _division_mentions(text: str, places: list[Mention]) -> list[Mention]:
    ends = {p.end for p in places}
    taken = _occupied(len(text), places)
    out = []
    for m in _DIVISION.finditer(text):
        end = m.end()
        if taken[m.start()]:
            continue
        start = m.start()
        while start > 0 and m.start() - start < 4 and start not in ends and "\u4e00" <= text[start - 1] <= "\u9fff" \
                and text[start - 1] not in _DIVISION_STOP:
            start -= 1
        after_part = text.startswith("其中", start - 1)  # 其中昆都仑区10.3万户
        if after_part:
            start += 1
        name = text[start:end]
        bounded = after_part or start in ends or start == 0 or not ("\u4e00" <= text[start - 1] <= "\u9fff") \
            or text[start - 1] in _DIVISION_STOP
        after_place = start in ends and len(name) == 3  # 包头市青山区: right after a city, 山区 is a name
        if bounded and 3 <= len(name) <= 5 and (after_place or not _NOT_DIVISION.search(name)) \
                and not name.startswith(_DIVISION_BAD_START):
            out.append(Mention(start, end, name, "place", name))
    return out


def find_mentions(text: str) -> list[Mention]:
    """Every place and organisation named in ``text``; places inside an organisation's name are dropped."""
    gz = gazetteer()
    places = _place_mentions(text, gz)
    places = sorted([*places, *_division_mentions(text, places)], key=lambda x: (x.start, x.end))
    by_end = {p.end: p for p in places if p.kind != "self"}
    place_starts = [p.start for p in places]
    orgs: list[Mention] = []
    for m in gz.suffix_re.finditer(text):
        start = _org_start(text, m.start(), by_end)
        if start < m.start() and start > 0 and text[start - 1].isdigit() and text[start] in _MEASURE_CHARS:
            start += 1  # "169家国家级高新区": the measure word counts the zones, it is not their name
        name = text[start:m.end()]
        if orgs and orgs[-1].end == start:  # 国家乳业技术创新中心乳品工艺…研究中心: one name
            prev = orgs.pop()
            start, name = prev.start, text[prev.start:m.end()]
        elif orgs and start <= orgs[-1].start:  # 内蒙古医科大学附属医院 holds 内蒙古医科大学: the longer name
            orgs.pop()
        anaphoric = name.startswith(gz.anaphora) or text.endswith(gz.anaphora, 0, start)
        if not _is_name(name, m.group(0), start == m.start(), anaphoric, gz):
            # "一等奖花落呼和浩特吉迈科技有限公司": the name starts at the place it holds.
            between = places[bisect_right(place_starts, start):bisect_left(place_starts, m.start())]
            inner = [p for p in between if p.end <= m.start() and p.kind == "place"]
            if not inner:
                continue
            start, name = inner[-1].start, text[inner[-1].start:m.end()]
        if start == m.start() and text.endswith(gz.anaphora, 0, start):
            start = next(start - len(a) for a in gz.anaphora if text.endswith(a, 0, start))
            name = text[start:m.end()]
        orgs.append(Mention(start, m.end(), "", "org", name))
    in_org = _occupied(len(text), orgs)
    kept = [p for p in places if not (in_org[p.start] and in_org[p.end - 1])]
    return sorted([*kept, *orgs], key=lambda x: (x.start, x.end))


def short_form(name: str) -> str:
    """A zone's name with its short suffix: "金山高新技术产业开发区" → "金山高新区"."""
    for long, short in gazetteer().short_forms:
        if name.endswith(long):
            return name[:-len(long)] + short
    return name


def org_key(org: Mention, scope_city: str | None, previous: list[Mention]) -> str:
    """Canonical key of an organisation: its leading place folded (首府科技城 → 呼和浩特科技城).

    A zone named without a place is the scope city's (科技城 in a 呼和浩特 article); ``该中心``
    refers back to the last organisation with the same suffix.
    """
    gz = gazetteer()
    name = short_form(org.text)
    for a in gz.anaphora:
        if name.startswith(a):
            rest = name[len(a):]
            for p in reversed(previous):
                if p.kind == "org" and p.text.endswith(rest) and not p.text.startswith(a):
                    return org_key(p, scope_city, [])
            return name
    m = gz.place_re.match(name)
    if m and m.group(0) in gz.names and not gz.names[m.group(0)][1]:
        key = gz.names[m.group(0)][0]
        # 首府科技城 → 呼和浩特科技城, 呼和浩特市…区 → 呼和浩特…区; but 和林格尔新区 stays itself.
        return name if key.startswith(m.group(0)) and key != m.group(0) else key + name[m.end():]
    if scope_city and name.endswith(gz.zone_suffixes) and not name.startswith(_ORG_PREFIXES):
        return scope_city + name
    return name


# A yardstick mention: preceded by 占/居/在/至/列 ..., or followed by 第/首位/前列/排名.
_YARDSTICK_BEFORE = frozenset("占居在至列于比较超领位为")
_YARDSTICK_AFTER = re.compile(r"^(?:的)?(?:第|首|前|排名|平均|同类|唯一|之首|范围|各|一半)")
_PARTNER_BEFORE = frozenset("与和同跟")
_MEMBER_AFTER = re.compile(r"^(?:等地|等)")


def _is_subject(text: str, m: Mention) -> bool:
    before = text[m.start - 1:m.start] if m.start else ""
    after = text[m.end:m.end + 4]
    if _MEMBER_AFTER.match(after) or before in _PARTNER_BEFORE:
        return False
    if m.kind == "weak" and (before in _YARDSTICK_BEFORE or _YARDSTICK_AFTER.match(after)):
        return False
    return not (m.kind == "place" and _YARDSTICK_AFTER.match(after) and before in _YARDSTICK_BEFORE)


def clause_entity(text: str, mentions: list[Mention], start: int, pos: int) -> Mention | None:
    """The nearest subject mention in ``text[start:pos]`` (the clause before the number)."""
    nearest_weak = None
    for m in reversed(mentions):  # from the number back: the first strong subject is the answer
        if m.start >= start and m.end <= pos and _is_subject(text, m):
            if m.kind != "weak":
                return m
            if nearest_weak is None:
                nearest_weak = m
    return nearest_weak


def sentence_place(text: str, mentions: list[Mention], start: int, pos: int) -> Mention | None:
    """The first place (not an organisation, not a yardstick) in ``text[start:pos]``."""
    for m in mentions:
        if m.start >= pos:
            break
        if m.start >= start and m.kind in ("place", "self") and _is_subject(text, m):
            return m
    return None


def sentence_org(text: str, mentions: list[Mention], start: int, pos: int) -> Mention | None:
    """The institution that opens the sentence ``text[start:pos]`` as its subject, if the first
    mention of the sentence is one: "内蒙古医科大学附属医院全年门诊量…,开放床位3260张"."""
    first = next((m for m in mentions if start <= m.start < pos and m.kind != "weak"), None)
    if first is None or first.kind != "org" or not _is_subject(text, first):
        return None
    if not first.text.endswith(gazetteer().subject_suffixes):  # a zone or a 中心 often sets the scene:
        return None  # "和林格尔新区数据中心绿电使用率超86%,算力总规模突破10万P" is the city's
    return first if text[first.end:first.end + 1] not in "(（" else None


@lru_cache(maxsize=4096)
def _heading_mentions(text: str) -> tuple[Mention, ...]:
    return tuple(m for m in find_mentions(text) if m.kind != "weak")


def heading_is_silent(heading: Heading) -> bool:
    """True for a plain heading that names no place or self name: ``heading_entity`` reads past it
    as if it were not there, so the answer for the headings above it holds below it too."""
    return heading.level == 9 and all(m.kind == "org" for m in _heading_mentions(heading.text))


def heading_entity(headings: Iterable[Heading]) -> str | None:
    """The entity named by the nearest heading above, respecting markdown levels; '' = the document's.

    A heading that names a zone or institution (``### 稀土高新区``) scopes to it, prefixed with the
    place of the heading above it when it names none itself.
    """
    ceiling = 10
    org: Mention | None = None
    for h in headings:
        if h.level > ceiling or (h.level == 9 and ceiling < 9):
            continue
        mentions = _heading_mentions(h.text)
        if h.level == 9:  # a short plain line may be a list item: only a place makes it a scope
            mentions = tuple(m for m in mentions if m.kind != "org")
        first = mentions[0] if mentions else None
        if first is not None and first.kind == "self":
            return org_key(org, None, []) if org else ""
        if first is not None and first.kind == "place":
            return org_key(org, first.key, []) if org else first.key
        if first is not None and first.kind == "org" and org is None and h.level < 9:  # markdown only
            org = first
            if first.text.startswith(tuple(gazetteer().names)):
                return org_key(org, None, [])
        if h.level < 9:
            ceiling = min(ceiling, h.level - 1)
    return org_key(org, None, []) if org else None


def main_entity(text: str, mentions: list[Mention]) -> str | None:
    """The document's main place: most mentioned strong place, title and top counting triple (at least 3)."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for m in mentions:
        if m.kind != "place" or not _is_subject(text, m):
            continue
        counts[m.key] += 3 if m.start < 300 else 1
        first.setdefault(m.key, m.start)
    if not counts:
        return None
    best = min(counts, key=lambda k: (-counts[k], first[k]))
    # One passing mention deep in the text does not make an article about a place.
    return best if counts[best] >= 3 else None
