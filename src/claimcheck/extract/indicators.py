"""What a number measures: the indicator noun, its attributes, and the measure (level, change, rank, share).

The indicator is read from the syntax around the number: the noun before the verb
(``专利授权量7831件``, ``拥有国家级高新技术企业达到601家``) or, after a verb of having or making,
the noun after the number (``建有4家国家级创新平台``). A change (``同比增长81.89%``), a share
(``占全区30%``) or a bare attribute (``其中国家级3个``) takes the indicator of the claim before it in
the sentence. The noun is then folded through the alias lexicon ``rules/indicators.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..resources import load_rules_toml

__all__ = ["Lexicon", "lexicon", "canonical", "attribute_prefix", "strip_attributes", "Reading", "read_indicator", "is_generic",
           "subject_noun", "title_rank", "frame_rank", "split_pair"]

# A noun: Chinese characters and Latin words, a Latin word with its figure ("PM2.5平均浓度", "PM10").
# (One class run first, as fast as the run alone when no figure follows a Latin letter.)
_CJK = re.compile(r"[\u4e00-\u9fffA-Za-z&]+(?:(?<=[A-Za-z])[0-9]+(?:\.[0-9]+)?[\u4e00-\u9fffA-Za-z&]*)*")


@dataclass(frozen=True)
class Lexicon:
    """Indicator aliases and attribute words from ``rules/indicators.toml``."""

    alias: dict[str, str]
    prefixes: tuple[str, ...]  # attribute words, longest first
    distinguishing: tuple[str, ...]  # in key order
    same: dict[str, str]
    implied: dict[str, frozenset[str]]
    cumulative: frozenset[str]
    generic: frozenset[str]
    # The attribute words as one alternation, longest first: one match instead of a startswith per word.
    prefix_re: re.Pattern[str] = re.compile(r"(?!)")
    distinguishing_set: frozenset[str] = frozenset()


def is_generic(indicator: str) -> bool:
    """True for nouns too vague to compare on their own (居民, 企业, 项目): they form no group."""
    return indicator in lexicon().generic


@cache
def lexicon() -> Lexicon:
    """The indicator lexicon, loaded once."""
    data = load_rules_toml("indicators.toml")
    attrs = data.get("attributes", {})
    alias: dict[str, str] = {}
    implied: dict[str, frozenset[str]] = {}
    cumulative = set()
    for entry in data.get("indicator", []):
        for name in [entry["key"], *entry.get("aliases", [])]:
            alias.setdefault(name, entry["key"])
        implied[entry["key"]] = frozenset(entry.get("implied", []))
        if entry.get("cumulative"):
            cumulative.add(entry["key"])
    words = sorted({*attrs.get("neutral", []), *attrs.get("distinguishing", [])}, key=lambda s: (-len(s), s))
    return Lexicon(alias, tuple(words),
                   tuple(attrs.get("distinguishing", [])), dict(attrs.get("same", {})), implied,
                   frozenset(cumulative), frozenset(data.get("generic", {}).get("nouns", [])),
                   re.compile("|".join(map(re.escape, words)) or r"(?!)"), frozenset(attrs.get("distinguishing", [])))


def attribute_prefix(rest: str, shorter: bool = False) -> str | None:
    """The longest attribute word ``rest`` starts with (``shorter``: only one that leaves something
    after it, as in ``国家级企业`` but not ``国家级`` alone); None if it starts with none."""
    # An alternation tries its words in order, longest first, so it finds the longest; an end
    # one character early keeps the word strictly shorter than ``rest``.
    m = lexicon().prefix_re.match(rest, 0, len(rest) - 1 if shorter else len(rest))
    return m.group(0) if m else None


# Words that add nothing at the end: "高新技术企业数量", "老旧小区改造工程".
_TRAILING_NOISE = re.compile(r"(?:的)?(?:数量|总数|数目|个数)$|(?<=改造|建设|提升)(?:工程|项目|任务)$")


def strip_attributes(noun: str) -> tuple[list[str], str]:
    """The attribute words ``noun`` opens with, peeled until a known alias or a bare word is left,
    and that rest: ``全市国家级高新技术企业`` → (["全市", "国家级"], "高新技术企业")."""
    alias, words, rest = lexicon().alias, [], noun
    while rest not in alias:
        word = attribute_prefix(rest, shorter=True)
        if word is None:
            break
        words.append(word)
        rest = rest[len(word):]
    return words, rest


# Remembered per noun phrase: news names the same indicators in article after article, and the
# fold (attribute words, aliases, implied attributes, key order) is the costliest step of a claim.
@lru_cache(maxsize=8192)
def canonical(noun: str, extra: tuple[str, ...] = ()) -> tuple[str, tuple[str, ...]]:
    """``(indicator key, attributes)`` of a noun phrase: ``国家级高新技术企业`` → ``高新技术企业``.

    Distinguishing attributes (新增, 国家级 ...) stay in the key as a prefix in a fixed order
    (``新增国家级创新平台``) unless the indicator implies them; neutral ones (全市, 各类) are dropped.
    """
    lex = lexicon()
    words, rest = strip_attributes(noun)
    attrs = [*extra, *words]
    if rest not in lex.alias:
        trimmed = _TRAILING_NOISE.sub("", rest)
        rest = trimmed if len(trimmed) >= 2 else rest
    key = lex.alias.get(rest, rest)
    implied = lex.implied.get(key, frozenset())
    kept = {lex.same.get(a, a) for a in attrs} & lex.distinguishing_set
    kept -= {lex.same.get(a, a) for a in implied} | implied
    # A stock is cumulative already (累计培育高新技术企业601家 is the stock), but 累计新增 since a year
    # is a sum of flows, not the year's 新增.
    if key in lex.cumulative and not kept & {"新增", "净增", "新注册", "新引进", "新认定", "新培育"}:
        kept.discard("累计")
    ordered = [a for a in lex.distinguishing if a in kept]
    return "".join(ordered) + key, tuple(dict.fromkeys(attrs))


@dataclass(frozen=True, slots=True)
class Reading:
    """What the syntax around one number says; ``noun == ''`` means: take the previous claim's."""

    measure: str  # level | change | rank | share
    noun: str
    attributes: tuple[str, ...] = ()
    base: str | None = None
    respectively: bool = False  # 分别增长79%和446%: the values map onto earlier claims in order
    part: bool = False  # 其中国家级3个
    total: bool = False  # 总量达到41.3万户: the whole stock, when the noun is left to the claim before
    cumulative: bool = False  # 技术合同成交额累计突破110亿元: a running total, not the year's figure


# Verbs and words that end the pre-number text before the noun, stripped repeatedly from the end.
# "呼和浩特市拥有国家级高新技术企业达到" → "呼和浩特市拥有国家级高新技术企业".
_VERB_TAIL = re.compile(
    r"(?:已经|已|首次|再次|(?<!平)均|分别|总计|共计|合计|累计|共|总|全年|一举)?"
    r"(?:达到了|达到|达|为|是|增至|增加到|增长到|提高到|提高至|提升至|提升到|上升至|上升到|升至|攀升至|跃升至|"
    r"跃居|突破|超过|超|逾|近|约|将近|接近|保持在|保持|稳定在|位列|排名|排在|排|名列|居|位居|位于|列|至|到|"
    r"有|在|共有|累计有|完成|实现|录得|控制在|"
    r"降至|降到|下降到|下降至|降低到|降低至|回落到|回落至|减少到|减少至|减至|缩小到|缩小至|扩大到|扩大至|"
    r"下滑到|下滑至|回升到|回升至|增长至)(?:了)?$|(?:首次|再次|已经|已|(?<!平)均|一举|累计|共|总计|合计|分别|同比|环比)$")
# The yardstick of a rank at the end: "上升至全国" → "上升至", "攀升至全国地级城市" → "攀升至".
_SCOPE_TAIL = re.compile(r"(?:全国|全区|全市|全省|全盟|全球|世界|国内|区内|西部地区|西部|中西部|北方)"
                         r"(?:地级及以上城市|地级以上城市|地级城市|省会城市|城市|同类城市)?(?:的)?$")
# A change verb right before the number: "同比增长", "分别增长", "增速达", "下降".
_CHANGE_TAIL = re.compile(
    r"(?:同比|环比|年均)?(?:分别)?(?:新增长|增长|增加|下降|减少|提高|提升|上升|降低|下滑|激增|增幅|增速|增长率|降幅|"
    r"上涨|下跌|涨幅|跌幅|"  # prices: "居民消费价格比上年上涨0.5%", "CPI涨幅为0.2%"
    r"回落|扩大|缩小|翻番|前进|后退|进步|跃升|攀升|跌落)(?:了)?(?:达到|达|为|约|近|超过|超)?$")
# A change named after its figure: "实现4.1%的增长", "保持6%以上的增速".
_CHANGE_AFTER = re.compile(r"\s*(?:以上|左右)?的?(?:增长|增速|增幅|涨幅|降幅|下降|上涨)")
# A share: "占全区" (of = 全区), "占比达", "占全市的比重为".
_SHARE_TAIL = re.compile(r"占(?:比)?(?P<of>[\u4e00-\u9fff]{0,8}?)(?:的)?(?:比重|比例|份额)?"
                         r"(?:为|达到|达|超过|超|约|近)?$")
# The base of a change: "同比", "较上年同期", "较2021年", "与2020年相比".
_BASE = re.compile(r"年均|同比|环比|较年初|比年初|较上一?年(?:同期)?|比上一?年(?:同期)?|较去年(?:同期)?|比去年(?:同期)?|"
                   r"较((?:19|20)\d{2})年(?:度)?|比((?:19|20)\d{2})年(?:度)?|与((?:19|20)\d{2})年相比|"
                   r"相比((?:19|20)\d{2})年")
# A gap to a yardstick: "高于全区平均水平", "快于全国".
_ABOVE_TAIL = re.compile(r"(?:高于|低于|高出|低出|超出|快于|慢于)[\u4e00-\u9fff\x00]{0,10}?(?:平均水平|平均|水平)?$")
# In a ranking: "在国家创新型城市中排名" → the list is 国家创新型城市.
_FRAME = re.compile(r"在(?P<list>[\u4e00-\u9fff“”\"]{2,24}?)(?:中|里|内|上)$")
# Verbs after which the counted thing follows the number: "建有4家国家级创新平台".
_OBJECT_VERBS = re.compile(
    r"(?:建有|拥有|培育|引进|建成|吸纳|汇聚|集聚|实施|取得|完成|解决|签约|开展|设立|打造|落地|推动|带动|促进|获得|"
    r"获批|获|有|新建|挂牌|帮扶|接入|建设|布局|链接|攻克|组织|吸引|举办|出台|形成|覆盖|服务|推出|认定|培养|"
    r"开通|开工|投入|投放|争取|达成|签订|入围|跻身|聚集|招引|孵化|助力|支持|资助|奖励|发放|新增|实现|"
    r"改造|维护提升|累计|促成|储备|转化|吸收转化|入驻|进驻|新开工|承担|创建)$")
# Verbs that separate a subject from the noun inside the pre-number text: keep what follows.
_INNER_VERBS = ("力争", "计划", "预计", "确保", "争取到", "争取", "力求", "拥有", "培育", "引进", "建成", "建有", "实施", "取得", "完成", "汇聚", "集聚", "吸纳", "实现",
                "推动", "带动", "促进", "获得", "开展", "设立", "签约", "推进", "解决", "改扩建", "新建", "加装",
                "挂牌", "帮扶", "接入", "链接", "发运", "布局", "打造", "建设", "攻克", "获", "有", "入驻", "进驻",
                "招收", "录取", "招生")
_INNER_BY_FIRST = {c: tuple(v for v in _INNER_VERBS if v[0] == c) for c in sorted({v[0] for v in _INNER_VERBS})}
_INNER_FIRSTS = frozenset(_INNER_BY_FIRST)
_POST_STOPS = ("进驻", "实现", "汇聚", "入驻", "投用", "落地", "建立", "获", "是", "为", "在", "已", "和", "与",
               "及", "等", "的", "同比", "较", "比", "占", "达", "成为", "入选", "完成", "参与", "开展", "覆盖",
               "提供", "带动", "增加", "增长", "下降", "提升", "超", "共", "累计", "签约", "通过", "位居",
               "全部", "每", "被", "让", "正在", "将", "从", "向", "对", "能", "都", "也", "还", "又",
               "并", "且", "于", "由", "至", "到", "以", "跻身", "见证", "分别", "相继", "纳入", "启动",
               "来", "进", "赴", "获批", "列入", "承担", "开工", "运营", "运行", "转化", "左右")
_POST_STOP_RE = re.compile("|".join(sorted(map(re.escape, _POST_STOPS), key=lambda w: (-len(w), w)))
                           + "|居(?!民|住)"  # 数量居全区首位, but not 居民
                           + "|(?<!人)均|可(?!支配)")  # 均为, 可达, but not 人均可支配收入
_FLOW_SUFFIXES = ("新增", "净增", "新注册")
_EXAMPLE_HEAD = re.compile(r"^(?:等地|等)")
# A bare number that restates the whole, not a part of it: "新增市场主体5.2万户,总量达到41.3万户".
_TOTALS = ("总量", "总数", "总规模", "总计")
_TOTAL_WORDS = re.compile(r"达到|增至|增加到|总计|共计|合计|总量|总数")
_ANAPHORIC = ("数量", "总量", "规模", "总数", "总规模", "总计", "数")
# A rate that names no indicator: "增速高于全省1.2个百分点" is about the figure before it.
_RATES = ("增速", "增幅", "涨幅", "降幅", "增长率", "增长速度")
_CONJUNCTIONS = ("及", "和", "与", "以及", "或")
_PART = re.compile(r"^(?:其中|包括|含)")


# Masked spans (\x00: a period, a place or another number) and what hangs on them:
# "中欧班列发运量从2021年的" → "中欧班列发运量"; "连续三年保持" → "保持".
_MASK_TAIL = re.compile(r"(?:从|自|由|连续|比|较|相比|与)?\x00+(?:的|来|以来|相比)?$")
_MASK_INNER = re.compile(r"连续\x00+")


def _strip_tail(pre: str) -> str:
    if "连续" in pre:
        pre = _MASK_INNER.sub("", pre)
    while True:
        new = _VERB_TAIL.sub("", _SCOPE_TAIL.sub("", pre))
        if "\x00" in new[-4:]:  # the tail needs a mask at the end, before at most 以来 and a newline ($)
            new = _MASK_TAIL.sub("", new)
        if new == pre:
            return pre
        pre = new


def _cut_inner(noun: str) -> str:
    """Keep what follows the last verb inside ``noun``, when at least two characters remain; a
    measure that needs its owner keeps it ("第一产业实现增加值" → "第一产业增加值")."""
    best, verb = 0, 0
    # Only the verbs that start with a character of the noun can be in it: a few look-ups instead
    # of a search for each of the fifty verbs.
    for first in _INNER_FIRSTS.intersection(noun):
        for v in _INNER_BY_FIRST[first]:
            i = noun.rfind(v)
            while i >= 0 and noun.startswith(_NOT_VERBS, i):  # 拥有有效发明专利: 有效 is no verb
                i = noun.rfind(v, 0, i)
            # Two verbs ending together (拥有, 有): the longer one, whatever order the set gives.
            if i >= 0 and len(noun) - (i + len(v)) >= 2 and (i + len(v), len(v)) > (best, verb):
                best, verb = i + len(v), len(v)
    if noun[best:] in _OWNED and best > verb:
        owner = noun[:best - verb]
        owner = owner[max((owner.rfind(v) + len(v) for v in _INNER_VERBS if v in owner), default=0):]
        return owner + noun[best:]  # "预计实现营业收入": 预计 is no owner
    return noun[best:]


# Measures that say nothing without their owner: 增加值 of which industry, 营业收入 of whom.
_OWNED = frozenset(("增加值", "营业收入", "营收", "利润", "利润总额", "产值", "总产值", "收入", "销售收入"))


# Words that open with an inner verb but are none: "有效发明专利", "有限公司".
_NOT_VERBS = ("有效", "有限", "有关", "有机")


def _tail_noun(pre: str) -> str:
    m = None
    for m in _CJK.finditer(pre):
        pass
    if m is None or m.end() != len(pre):
        return ""
    noun = _cut_inner(m.group(0)).lstrip("的在对")
    head = noun.rsplit("的", 1)[-1]  # 社区卫生服务中心的药品种类 → 药品种类
    noun = head if len(head) >= 2 else noun
    noun = _EXAMPLE_HEAD.sub("", noun)  # "北京等地116家医疗机构": 等地 is no noun
    for flow in _FLOW_SUFFIXES:  # 高新技术企业净增110家 → 净增高新技术企业
        if noun.endswith(flow) and len(noun) > len(flow) + 1:
            noun = flow + noun[:-len(flow)]
            break
    return noun if len(noun) >= 2 else ""


def _post_noun(post: str) -> str:
    post = post.lstrip()
    if post.startswith("的"):
        post = post[1:]
    m = _CJK.match(post)
    if not m:
        return ""
    word = m.group(0)
    stop = _POST_STOP_RE.search(word)
    if stop is not None and stop.start() == 0:
        return ""
    if stop is not None:
        word = word[:stop.start()]
    return word[:16] if len(word) >= 2 else ""  # 16: "全年城镇居民人均可支配收入" whole


def _base(pre: str) -> str | None:
    found = None
    for found in _BASE.finditer(pre):
        pass
    if found is None:
        return None
    year = next((g for g in found.groups() if g), None)
    if year:
        return f"较{year}年"
    if found.group(0) in ("较年初", "比年初"):  # 存款余额比年初增加: since 1 January, not a year's change
        return "较年初"
    if found.group(0) in ("环比", "年均"):  # 年均增长6.2%: an average over years, not one year's change
        return found.group(0)
    return "同比"


def _rank_noun(pre: str) -> str:
    stripped = _strip_tail(pre)
    frame = _FRAME.search(stripped)
    if frame:
        noun = frame.group("list").strip("“”\"")
    else:
        noun = _tail_noun(stripped)
    for scope in ("全国", "全区", "全市", "全省", "全球", "中国"):
        if noun.startswith(scope) and len(noun) > len(scope) + 1:
            noun = noun[len(scope):]
    if not noun or noun in _ANAPHORIC:
        return noun if noun in _ANAPHORIC else "排名"
    if noun.endswith(("排名", "排行", "位次", "名次", "排行榜")):
        return noun
    return noun + "排名"


# A ranking named by its title: "《国家创新型城市创新能力评价报告2024》" → "国家创新型城市创新能力".
_TITLE_NOISE = re.compile(r"[0-9()()年\s]+|(?:评价报告|报告|评价|榜单|排行榜|名单|研究)$")


def title_rank(title: str) -> str:
    """The ranking a title names, as an indicator: "科技城百强榜(2024)" → "科技城百强榜排名"."""
    name = _TITLE_NOISE.sub("", title.strip("《》"))
    name = _TITLE_NOISE.sub("", name)
    return canonical(name + "排名")[0] if len(name) >= 2 else ""


# A ranking named in an earlier clause: "在全国城市综合经济竞争力排名中,呼和浩特居第87位".
_FRAME_BEFORE = re.compile(r"在([^,，。;；:：\n]{2,30}?)(?:中|里)[,，]?[^在]*$")


def frame_rank(before: str) -> str:
    """The ranking a sentence names before the number's clause, as an indicator key; '' if none."""
    m = _FRAME_BEFORE.search(before)
    if not m:
        return ""
    noun = _rank_noun("在" + m.group(1) + "中")
    return canonical(noun)[0] if noun not in ("排名", *_ANAPHORIC) else ""


def subject_noun(clause: str) -> str:
    """The noun a clause opens with, after its (masked) place: "呼和浩特市高新技术企业数量居全区首位"
    → "高新技术企业数量"; for a number whose own clause names nothing ("…,达到601家")."""
    return _post_noun(clause.lstrip("\x00 "))


def read_indicator(pre: str, post: str, kind: str, is_rank: bool, raw_pre: str | None = None) -> Reading:
    """Read measure and noun from the clause text before (``pre``) and after (``post``) a number.

    ``pre`` and ``post`` have periods, places and other numbers masked with ``\\x00``; ``raw_pre``
    is the unmasked text before the number, where a comparison base (较2021年) is read.
    """
    base = None if is_rank else _base(raw_pre if raw_pre is not None else _PART.sub("", pre))
    if "(" in pre or "（" in pre:
        pre = _GLOSS.sub("", pre)
    return _read_masked(pre, post, kind, is_rank, base)


# A gloss inside or after the noun says nothing about what is counted: "地区生产总值(GDP)",
# "研究与试验发展(R&D)经费投入强度", "固定资产投资(不含农户)" read as the noun without it.
_GLOSS = re.compile(r"[(（](?:[A-Za-z&]{2,6}|不含农户|含农户|PM2\.5|PM10)[)）]")


# Remembered per masked context: places, periods and figures are masked, so the clauses of a
# statistics template ("\x00规模以上工业增加值同比增长") read the same in every release of it, and
# archives repeat such templates. Only the base (较2021年) needs the unmasked text: read outside.
@lru_cache(maxsize=16384)
def _read_masked(pre: str, post: str, kind: str, is_rank: bool, base: str | None) -> Reading:
    part = bool(_PART.match(pre))
    if part:
        pre = _PART.sub("", pre)
    if is_rank:
        return Reading("rank", _rank_noun(pre), part=part)
    share = _SHARE_TAIL.search(pre) if kind in ("percent", "permille") else None
    if share:
        of = share.group("of")
        noun = _tail_noun(_strip_tail(pre[:share.start()]))
        return Reading("share", noun if noun not in _ANAPHORIC else "", base=f"占{of}" if of else "占", part=part)
    above = _ABOVE_TAIL.search(pre)
    if above:  # 高于全区平均水平2.1个百分点: a gap to a yardstick, a change of its own kind
        noun = _tail_noun(_strip_tail(pre[:above.start()]))
        return Reading("change", "" if noun in _ANAPHORIC or noun in _RATES else noun, base=above.group(0),
                       part=part)
    if kind == "percent" and _CHANGE_AFTER.match(post):  # GDP实现4.1%的增长: a change named after it
        return Reading("change", _tail_noun(_strip_tail(_BASE.sub("", pre))), base=base, part=part)
    change = _CHANGE_TAIL.search(pre)
    if change:
        noun = _tail_noun(_strip_tail(_BASE.sub("", pre[:change.start()])))
        noun = "" if noun in _ANAPHORIC or noun in _RATES else noun
        return Reading("change", noun, base=base, respectively="分别" in change.group(0) or "分别" in pre,
                       part=part)
    stripped = _strip_tail(pre)
    after = _post_noun(post)
    before = _tail_noun(stripped)
    if before.endswith(_INNER_VERBS):  # 全力推进272个老旧小区改造工程: a verb, not a noun
        before = ""
    if after and (post.lstrip().startswith("的") or not before or _OBJECT_VERBS.search(stripped)
                  or _OBJECT_VERBS.search(pre) or before.endswith(_CONJUNCTIONS)):
        return Reading("level", after, part=part)
    total = before in _TOTALS or (not before or before in _ANAPHORIC) and bool(_TOTAL_WORDS.search(pre))
    if before in _ANAPHORIC:
        before = ""
    return Reading("level", before, part=part, total=total, respectively="分别" in pre, cumulative="累计" in pre)


# A word that names several things at once, in the order a list after it follows:
# "城乡居民人均可支配收入分别增长4.5%和6.6%" is 城镇… 4.5% and 农村… 6.6%;
# "三次产业增加值分别为399.2亿元、4634.2亿元和7640.4亿元" is 第一, 第二, 第三产业增加值.
_PAIRS = {"城乡": ("城镇", "农村"), "三次产业": ("第一产业", "第二产业", "第三产业")}


def split_pair(noun: str, count: int) -> list[str]:
    """The ``count`` nouns a grouping word stands for (``城乡居民人均可支配收入`` → 城镇…, 农村…), else [noun]."""
    head = 0
    while (word := attribute_prefix(noun[head:], shorter=True)) is not None:  # 全年三次产业…
        head += len(word)
    rest = noun[head:]
    for word, parts in _PAIRS.items():
        if rest.startswith(word) and len(parts) == count and len(rest) > len(word) + 1:
            return [noun[:head] + p + rest[len(word):] for p in parts]
    return [noun]
