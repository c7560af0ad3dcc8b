"""Property tests of the quantity parser: numerals round-trip, spans are honest, intervals hold."""

from __future__ import annotations

from decimal import Decimal

import cn2an
from hypothesis import example, given, strategies as st

from claimcheck.extract.numerals import read_any
from claimcheck.extract.quantity import find_quantities

# Text made of what news is made of: digits (half and full width), numerals, units, qualifiers,
# punctuation, zero-width and odd spaces, Latin letters, plus arbitrary characters.
_PIECES = list("0123456789０１２３４５６７８９一二两三四五六七八九十百千万亿零〇点第余多近约超%％.,，、"
               "-—~至到年月日号家个元人次位名倍成半翻番分之以上下内左右 \u3000\u200b\n\"“”ASGP")
_PIECES += ["万元", "亿元", "个百分点", "百分之", "千分之", "不低于", "不超过", "突破", "下降", "增长",
            "负", "十四五", "一体化", "统一", "2025年", "3月3日", "9:30", "021-962866", "PM2.5", "5G"]
news_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.characters()), max_size=60).map("".join)


@given(st.integers(min_value=0, max_value=10**16 - 1))
def test_every_integer_written_by_cn2an_reads_back(n: int) -> None:
    written = cn2an.an2cn(n)
    reading = read_any(written)
    assert reading is not None and reading.value == n, written


@given(st.integers(min_value=1, max_value=10**12))
def test_a_chinese_count_with_a_unit_parses_back(n: int) -> None:
    text = f"全市共有{cn2an.an2cn(n)}家企业"
    qs = find_quantities(text)
    assert len(qs) == 1 and qs[0].value == n and qs[0].unit == "家", (text, qs)


@given(st.integers(min_value=0, max_value=10**9), st.integers(min_value=0, max_value=99))
def test_an_arabic_decimal_admits_its_rounding_interval(whole: int, frac: int) -> None:
    text = f"成交额{whole}.{frac:02d}亿元"
    (q,) = find_quantities(text)
    v = Decimal(f"{whole}.{frac:02d}") * 10**8
    assert q.value == v
    assert (q.low, q.high) == (v - Decimal("0.005") * 10**8, v + Decimal("0.005") * 10**8)
    assert q.low_inclusive and not q.high_inclusive


@example("万亿亿亿")
@example("共123456789012345678901234567890万亿元")
@example("“12345678901234567890123.5万亿元”")
@given(news_text)
def test_arbitrary_text_never_raises_and_spans_are_honest(text: str) -> None:
    qs = find_quantities(text)
    last_end = 0
    for q in qs:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.start >= last_end, "sorted and non-overlapping"
        last_end = q.end
        if q.value is not None:
            if q.low is not None:
                assert q.low <= q.value
            if q.high is not None:
                assert q.value <= q.high
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


@given(news_text)
def test_parsing_is_deterministic(text: str) -> None:
    assert find_quantities(text) == find_quantities(text)


def test_fast_paths_agree_with_the_general_grammar(monkeypatch) -> None:  # noqa: ANN001
    """Plain phrases skip the grammar and recurring words are answered from a memo, for speed; on
    the seed articles (digits varied, as in the benchmark) the answers must be exactly those of
    the general path."""
    import sys
    from pathlib import Path

    from claimcheck.extract import quantity, quantity_number

    sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
    from news_corpus import build_corpus, split_documents

    docs = split_documents(build_corpus(120_000, seed=3))
    docs += ["热线13800138000家", "拨打4008208820元", "13800138000.5元", "400820882家", "2025年,1999年度",
             "20世纪90年代", "连续6年", "2025.5年", "近3年", "“6年”", "提前3年前", "10万年", "2025万年",
             "第3年", "每3年", "5年度计划", "3年半", "1年级",
             "产值突破50亿元", "约合人民币5亿元", "每超过3家", "负超过3%", "-超过5%", "下降超过3.5%",
             "增长了约30.50%", "近30%", "超过1.5万人", "不足10%", "最多300万元", "过30家", "数10家",
             "上5家", "逾1,000家", "将近2.5万亿元", "减少了近3成", "超3年", "近3年来", "约10个",
             "下降\u3000突破5%", "增长 超过 3%", "每 超过3家",
             "2025年1月", "2025年 3月", "2025年十月", "2025年度1月", "2025年度盛典", "超过2025年的", "2099年底"]
    docs += _PLAIN_TRAPS
    assert _general_answers(docs, monkeypatch) == [find_quantities(d) for d in docs]


# Shapes the plain path reads since it took bare numbers, 位/名, labels and qualifiers after a
# number, and their near misses that must still go to the grammar.
_PLAIN_TRAPS = [
    # bare numbers: counts, years, list labels, headings, hotlines, codes, quoted labels
    "共2024,", "(2024)遵循", "1、加强", "(3)", "（3）", "(3.5)", "3、", "共3、4家", "1、2号线", "12\n\n", "01\n", "  12\n",
    "\n12", "12", "2024", "收藏 12\n", "12315,", "12345,", "123456789,", "13800138000,", "4008208820,",
    "“1571”工作部署", "“2024”", "“3.5”", "“3.5万”", "“12”家", "“1+4+N”", "“5G”",
    "3.5万;", "999.9万;", "0.5万)", "共5万,", "1.5万亿,", "5万千", "5万3千", "5亿万",
    # a qualifier or sign word before a bare number
    "超过5,", "约3.5万,", "近3,", "过30,", "数10,", "上5,", "增长5,", "下降3.5,", "负5,", "-5,", "每5,",
    "约合人民币5,", "超过 5,", "增长 5,", "不足2024,", "近2024年", "超过05,",
    # what may follow a bare number and make it something else
    "5\u2028-6", "2024\u2028-2025年", "5 万", "5\n万", "5\n\n万", "300\n亿元", "5 \n亿", "5\n-6", "5,000", "5,0",
    "5,x", "5和6号", "5及以上", "5以来", "5G", "5e3", "5×10^3", "5^2", "3/4", "1又1/2", "3:30", "3·15",
    "5@x.com", "5_a@b.com", "5+N", "5分之", "5.5.5", "5.", "5.x", "12日", "12月", "12号", "5点", "5时",
    "5年代", "5x", "5\u3000", "5\x85", "5\x1c",
    # units with 位/名 (a rank after 排名), labels, qualifiers after the number
    "30名以上", "30个以上", "50%左右", "100家上下", "100家上下游", "5年以上", "2025年以上", "5年以内", "5年内",
    "3个多元化", "5万元以下", "5之多", "10年有余", "600余家以上", "超过600家以上", "约50%左右", "30名", "108名",
    "排名第3", "排名升至108位", "位列全国108位", "排名99余位", "99余位院士", "排名超过5位", "名列前茅的30名",
    "每10名", "3强", "4.0版本", "70周年", "12收藏", "5万强", "超过5强", "5号", "12345号", "5期", "5级",
    "5路", "5路线", "5代表", "1000以上", "1000左右,", "超过1000以上", "5位于", "5名单", "3年级",
    "“99项任务”", "“999万元”", "“99分钟”", "港币约500元", "华氏约98度", "新台币超过177亿元", "港币 约500元",
    # after a plus sign, a heading number before an indented line, long digit runs
    "+9\n\n", "• +12\n【城事】", "1+4+N", "+1", "a+1", "A+B+1", "1+1>2", "×3", "12\n    收藏", "12\n 万", "12\n\u3000万",
    "13800138000,", "1380013800,", "4008208820,", "400820882,", "01380013800,", "123456789,", "1234567890123,",
    # Latin letters: the search tries the first letter of a word only (and h, w: URLs)
    "awww.x.com", "xhttp://a.b", "ABC123", "abc@d.com", "xabc@d.com", "HK$20", "aHK$20", "PM2.5", "GDP增长5%",
    "BDO产业", "5G网络", "aB2-2017116", "USD100", "xUSD100", "沪B2-2017116",
    # a longer unit the grammar knows, or none (个小时, 个小区); a digit after a Chinese unit
    "解决300个小区", "用了5个小时", "5个百分点", "5个亿", "3个多月", "3年12个月", "7351年12个", "5%3", "10万Pa",
    "10万P2", "5km2", "5kmx", "5年半", "5年半岛", "5平方公里", "5平方米", "5千瓦时", "5千瓦", "5G网络",
    "第58位", "第 58位", "第58", "第1至3名", "十5", "一9",
    # after a colon or a slash; 号 (a code from five digits)
    "许可证:123456789", "时间:12", "12:30:45", "99:99", "2024/01/25", "1/3", "/3/4", "a/5家", ":5家", "/5,", "3:5家",
    "12号", "1.5号", "12345号", "1234.5号", "沪公网安备31010602000299号", "3月5号", "5号线", "5号楼", "超过12号",
    # forms of the grammar that start like a plain phrase: money tails, "or more", rates,
    # magnitude letters, spaces inside a number
    "5元3角", "5元3角钱", "共5元3", "10万+", "10万人+", "共300+", "2100元/月", "7.5吨/公顷", "40k", "15K", "3w",
    "-2.5 M", "4K", "24K金", "100M宽带", "3M公司", "65W", "3兆元", "新台币3兆元", "1 000 000", "7 万5 千4 百",
    "100 200 300", "2020 2021", "1 3/5", "1.2×10^5吨", "1 至 2 万人", "3年12个月", "共3年12",
    "5美元又3美分", "5欧元又20欧分", "上升0块以上1", "5元以上3角", "5元以上/月", "5块以上", "5块以上1", "5块以上又",
    "30%以上1", "5块,", "5块1", "5块钱", "1000以上/月", "1000以上5",
]


def _general_answers(docs: list[str], monkeypatch) -> list:  # noqa: ANN001
    """What the general grammar alone (plain path, ``fast()`` and memo off) finds in ``docs``."""
    from claimcheck.extract import quantity, quantity_number

    with monkeypatch.context() as m:
        m.setattr(quantity, "_PLAIN_ON", False)
        m.setattr(quantity_number, "fast", lambda *args: None)
        m.setattr(quantity, "_MEMO_ON", False)
        quantity.clear_caches()
        general = [find_quantities(d) for d in docs]
    quantity.clear_caches()
    return general


def _following_characters() -> list[str]:
    """Every character of the seeds and of the tables, ASCII, and the odd spaces."""
    from pathlib import Path

    from claimcheck.extract.quantity_tables import tables

    t = tables()
    seeds = "".join(p.read_text(encoding="utf-8") for p in (Path(__file__).parents[1] / "seeds").glob("*.txt"))
    words = "".join([*t.units, *t.before, *t.after, *t.directions])
    return sorted(set(seeds + words + "".join(map(chr, range(32, 127))) + "\n\x1c\x85\u2028\u3000"))


def test_plain_path_agrees_whatever_follows(monkeypatch) -> None:  # noqa: ANN001
    """The plain path decides from the character after a number whether the grammar could read
    further (a unit, a date, a label...): every character, after every shape it reads, gives
    the general grammar's answer."""
    shapes = ["共12", "共2024", "共3.5万", "(12", "“12", "\n12", "共30家", "排名升至108位", "共30名以上", "约12",
              "共3年", "共5%", "共10万P", "共300个", "共5个小", "共2平方", "共12号", ":12"]
    chars = _following_characters()
    docs = [s + c + e for s in shapes for c in chars for e in ("后", "5")]
    assert _general_answers(docs, monkeypatch) == [find_quantities(d) for d in docs]


_RECURRING = ["十四五", "第一", "统一", "一体化", "百余名", "超百亿元", "约三成", "下降", "超过", "人民币", "排名",
              "位列", "每", "第三名", "三个", "一个", "负", "了", "\n", "、", "(", "“", "”"]
recurring_text = st.lists(st.sampled_from(_PIECES + _RECURRING), max_size=40).map("".join)


@given(st.lists(recurring_text, min_size=2, max_size=4))
def test_memoized_answers_are_the_general_answers(texts: list[str]) -> None:
    """Recurring words are answered from a memo keyed by their surroundings; whatever was seen
    before, the answers are those of the scan without the memo."""
    from claimcheck.extract import quantity

    memo = [find_quantities(t) for t in texts]
    quantity._MEMO_ON = False
    try:
        general = [find_quantities(t) for t in texts]
    finally:
        quantity._MEMO_ON = True
    assert memo == general


def test_quantities_are_plain_frozen_quantities() -> None:
    """Quantities are built without the dataclass constructor (for speed); they must be the same
    objects: the exact type, equal and hashed like constructed ones, still frozen."""
    import dataclasses

    import pytest

    from claimcheck.model import Quantity

    for q in find_quantities("全市共有600余家企业，同比下降8.35%，位列第3位，“十四五”时期"):
        assert type(q) is Quantity
        twin = Quantity(*(getattr(q, f.name) for f in dataclasses.fields(Quantity)))
        assert q == twin and hash(q) == hash(twin) and repr(q) == repr(twin)
        assert dataclasses.replace(q, unit="x").unit == "x"
        with pytest.raises(dataclasses.FrozenInstanceError):
            q.value = None  # type: ignore[misc]


def test_memo_at_every_end_of_text() -> None:
    """A text may end anywhere inside a memo window: every prefix of a paragraph, read after the
    whole paragraph was memoized, gives the general answer (and the scan ends)."""
    from claimcheck.extract import quantity

    text = ("为统领,出台“科技强市26条”“人才强市25条”等37项政策,构建创新支撑体系。\n\n呼和浩特市融入"
            "国家创新体系,和北京海淀区打造“两小时创新圈”,依托京津冀国家技术创新中心,超百亿元,"
            "第一,十四五,三个一体化,约三成五,翻两番,半数以上,百余名专家,统一大市场")
    quantity.clear_caches()
    find_quantities(text)
    memo = [find_quantities(text[:cut]) for cut in range(len(text) + 1)]
    quantity._MEMO_ON = False
    try:
        general = [find_quantities(text[:cut]) for cut in range(len(text) + 1)]
    finally:
        quantity._MEMO_ON = True
    assert memo == general


def _phrases() -> st.SearchStrategy[str]:
    """Number phrases as the plain path sees them: a word before, digits, 余/多/万, a unit, a word
    after; every qualifier, sign word and unit of the tables."""
    from claimcheck.extract.quantity_tables import tables

    t = tables()
    before = sorted(t.before) + sorted(t.directions) + ["人民币", "了", "每", "负", "-", "“", "第", " ", ""]
    numbers = st.one_of(st.integers(0, 10**12).map(str), st.sampled_from(
        ["2025", "1999", "13800138000", "4008208820", "0.05", "30.50", "1,000", "5.3", "01"]))
    middle = st.sampled_from(["", "", "余", "多", "来", "万", "亿", "万亿", "多万", " "])
    after = st.sampled_from(["", "，", "的", "以上", "左右", "大幅", "1月", "十月", "度", "代", "”", "\n", "以内",
                             "上下游", "、", ")", "\n\n", "之多", "有余", "及以上", "多元", "内"])
    phrase = st.tuples(st.sampled_from(before), numbers, middle, st.sampled_from(sorted(t.units) + ["%", "‰", "", ""]),
                       after).map("".join)
    return st.lists(st.one_of(phrase, st.sampled_from(_PIECES)), min_size=1, max_size=6).map("".join)


@example("<0万亿%")
@given(_phrases())
def test_fast_paths_agree_on_generated_phrases(text: str) -> None:
    """The plain path, ``fast()`` and the memo give the general grammar's answers on phrases built
    from every qualifier, sign word and unit of the tables."""
    from claimcheck.extract import quantity, quantity_number

    fast_answer = find_quantities(text)
    fast = quantity_number.fast
    quantity._PLAIN_ON = quantity._MEMO_ON = False
    quantity_number.fast = lambda *args: None
    try:
        general = find_quantities(text)
    finally:
        quantity._PLAIN_ON = quantity._MEMO_ON = True
        quantity_number.fast = fast
    assert fast_answer == general


def test_lone_numerals_skipped_by_the_search_are_no_quantities(monkeypatch) -> None:  # noqa: ANN001
    """The search skips a Chinese numeral alone inside a word (进一步, “三北”) without asking the
    grammar: with every character before and after it, the answers are the grammar's."""
    chars = _following_characters()
    numerals = "一两十百万"
    around = [c for c in chars if "\u4e00" <= c <= "\u9fff"]
    # one text per numeral and ending, the cases apart after "。"
    docs = ["。".join(f"了进{n}{a}{e}" for a in around) for n in numerals for e in ("后", "度之")]
    docs += ["。".join(f"{b}{n}步" for b in chars) for n in numerals]
    docs += ["进一又二分之一", "进一季度", "进一半", "进一成五", "进一倍", "翻一番", "进一点五", "进一分之", "进一月", "进一日",
             "进一号", "进一时", "进十至二十", "进一到", "进一年", "进一余", "进一多", "进一来", "进一几", "进十几", "进一千",
             "进一两", "进两个", "进三北", "“三北”", "约一步", "负一步", "统一步", "一步", "进一"]
    assert _general_answers(docs, monkeypatch) == [find_quantities(d) for d in docs]


def test_numeral_words_skipped_by_the_search_are_skipped_by_the_scan(monkeypatch) -> None:  # noqa: ANN001
    """The search also skips numeral words that start with their only numeral (百强, 一刻钟)
    where the scan would skip them: every word of the lexicon, after every character that
    forms a word with its numeral and before every longer unit (一度电), numeral or word
    character, gives the grammar's answers."""
    from claimcheck.extract.quantity_tables import tables

    t = tables()
    words = sorted({w for entries in t.skip_index.values() for _, w in entries})
    runs = "零〇一二两三四五六七八九十百千万亿点"
    docs = []
    for w in words:
        befores = {k[0] for k in t.skip_index if k[1:] == w[0]} | {"进", " "}
        longer = {u[len(w) - 1:] for u in t.units if u.startswith(w[1:]) and len(u) > len(w) - 1}
        afters = {a + g for a in longer for g in ("", "后", *t.units[w[1:] + a].not_before[:3])} | set(runs)
        docs.append("。".join(f"{b}{w}{a}后" for b in sorted(befores) for a in sorted(afters | {"", "5", "家"})))
    assert _general_answers(docs, monkeypatch) == [find_quantities(d) for d in docs]
