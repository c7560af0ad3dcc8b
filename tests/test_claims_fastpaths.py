"""The claim room's fast paths agree with the plain forms they replace (same answers, not just fast)."""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from pathlib import Path

import pytest

from claimcheck.extract import entities, periods
from claimcheck.extract.claims import _masked
from claimcheck.extract.context import _CLAUSE_END, _SENTENCE_END, Layout, _segments
from claimcheck.extract.indicators import attribute_prefix, lexicon
from claimcheck.normalize import fold

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"


def _texts() -> list[str]:
    paths = sorted((ROOT / "seeds").glob("*.txt")) + sorted(FIXTURES.glob("*/*/*.txt")) + sorted(FIXTURES.glob("*/*/*.md"))
    return [fold(p.read_text("utf-8")) for p in paths]


TEXTS = _texts()
# Every period form next to traps: a year in a figure, digits before a dash, quotes without 十四五.
PERIOD_PHRASES = (
    "从2022年到2024年", "2021—2025年", "“十四五”时期", "十四五期间", "\"十三五\"以来", "2024年上半年",
    "2023年第三季度", "2025年1—5月", "2024年3月份", "2023年底", "2023年度", "自2019年实施以来", "2019年以来",
    "今年1-4月", "去年下半年", "今年一季度", "前三季度", "年初以来", "今年以来", "上一年", "过去一年", "明年",
    "截至目前", "截止目前", "当前", "如今", "现阶段", "近年来", "多年来", "近几年", "近些年", "第4季度",
    "“双一流”", "1,234家", "3—5个", "2025-01-17", "12.5%", "上年同期", "前年", "一季度末", "十一五末",
)


def _period_texts() -> list[str]:
    rng = random.Random(5)
    mixed = ["，".join(rng.sample(PERIOD_PHRASES, 6)) for _ in range(200)]
    return [*TEXTS, *PERIOD_PHRASES, *mixed]


@pytest.mark.parametrize("text", _period_texts())
def test_period_dispatch_agrees_with_one_regex(text: str) -> None:
    fast = [(m.span(), m.lastgroup) for m in periods._period_matches(text)]
    assert fast == [(m.span(), m.lastgroup) for m in periods._ANY.finditer(text)]


def test_period_cues_find_every_period() -> None:
    # A pattern edited to start with new words must be given a cue and its first character, or the
    # fast scan skips it: every match of every kind, at every position, is found by both tables.
    for kind, pattern in periods._PATTERNS:
        for text in _period_texts():
            for start in range(len(text)):
                m = pattern.match(text, start)
                if m is not None:
                    assert text[start] in periods._FIRST[kind], (kind, m.group(0))
                    assert periods._START.match(text, start), (kind, m.group(0))


# The clause and sentence boundaries in their first, plain form (classes and lookbehinds first).
_PLAIN_SENTENCE_END = re.compile(r"[。！？!?；;\n]|……")
_GLOSS = r"(?:[A-Za-z&]{3}|不含农户|PM2\.5|PM10)[)）]"  # "(GDP)", "（不含农户）", "(PM2.5)": part of the noun
_PLAIN_CLAUSE_END = re.compile(r"(?<![0-9]),|,(?![0-9])|(?<![0-9%])、|、(?![0-9])|[，：:【】]|——"
                               rf"|[（(](?!{_GLOSS})|(?<![(（][A-Za-z&]{{3}})(?<![(（]不含农户)(?<![(（]PM2\.5)"
                               r"(?<![(（]PM10)[）)]")
_TRAPS = "1,234家、5%、6、b、,7,——（一）……。；\n\n##  标题\n  正文，2,3、4%、x（GDP）1(R&D)（不含农户)(ab)（AB)C）(PM2.5)(PM10）(PM1)"


@pytest.mark.parametrize("text", [*TEXTS, _TRAPS])
def test_layout_segments_as_per_line_and_per_sentence_scans(text: str) -> None:
    layout = Layout(text)
    sentences = [seg for s, e in layout.lines if e > s for seg in _segments(text, s, e, _PLAIN_SENTENCE_END)]
    assert layout.sentences == sentences
    clauses = [seg for s, e in sentences for seg in _segments(text, s, e, _PLAIN_CLAUSE_END)]
    assert layout.clauses == clauses
    for fast, plain in ((_SENTENCE_END, _PLAIN_SENTENCE_END), (_CLAUSE_END, _PLAIN_CLAUSE_END)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # Clauses cut on demand, per sentence, answer as the list of every clause did.
    lazy = Layout(text)
    starts = [c[0] for c in clauses]
    for pos in range(0, len(text) + 1, 3):
        i = bisect_right(starts, pos) - 1
        assert lazy.clause_at(pos) == (clauses[i] if i >= 0 else (pos, pos))
    for s, e in [*sentences[::5], (0, len(text)), (3, 40)]:
        assert Layout(text).clauses_in(s, e) == [c for c in clauses if s <= c[0] < e]


@pytest.mark.parametrize("text", [*TEXTS[:8], _TRAPS])
def test_headings_above_every_offset(text: str) -> None:
    layout = Layout(text)
    for pos in range(0, len(text) + 1, 7):
        expected = [h for h in reversed(layout.headings) if h.start <= pos and h.end <= pos]
        assert list(layout.headings_before(pos)) == expected
        assert layout.headings_above(pos) == len(expected)


def test_masked_with_overlapping_spans() -> None:
    rng = random.Random(3)
    text = TEXTS[0][:400]
    for _ in range(300):
        spans = [(s, s + rng.randrange(0, 12)) for s in (rng.randrange(len(text)) for _ in range(rng.randrange(8)))]
        chars = list(text)
        for s, e in spans:
            chars[s:e] = "\x00" * (e - s)
        assert _masked(text, spans) == "".join(chars)


def test_attribute_prefix_is_the_longest_word_that_starts_the_noun() -> None:
    lex = lexicon()
    nouns = [*lex.prefixes, *(a + b for a in lex.prefixes for b in ("企业", "", "国家级企业")), "高新技术企业", ""]
    for noun in nouns:
        assert attribute_prefix(noun) == next((p for p in lex.prefixes if noun.startswith(p)), None)
        assert attribute_prefix(noun, shorter=True) == next(
            (p for p in lex.prefixes if noun.startswith(p) and len(noun) > len(p)), None)


def test_organisation_stop_words_are_two_characters() -> None:
    # _org_start looks each step back up as the two characters before it.
    assert {len(w) for w in entities._STOP_WORDS} == {2}


@pytest.mark.parametrize("path", [*sorted((ROOT / "seeds").glob("*.txt")), *sorted(FIXTURES.glob("*/*/*.md")),
                                  *sorted(FIXTURES.glob("*/*/*.txt"))],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_heading_answers_remembered_in_any_order(path: Path) -> None:
    from claimcheck.extract.claims import _Doc
    from claimcheck.extract.entities import heading_entity
    from claimcheck.extract.quantity import find_quantities
    from claimcheck.model import Document

    raw = path.read_text("utf-8")
    text = fold(raw)
    doc = _Doc(Document(id=path.name, path=path.name, text=raw, encoding="utf-8"), text, find_quantities(raw))
    positions = list(range(0, len(text) + 1, 5))
    random.Random(len(text)).shuffle(positions)  # the memo must not depend on the order of questions
    for pos in positions:
        assert doc.heading_entity(pos) == heading_entity(doc.layout.headings_before(pos))
        assert doc._heading_period(pos) == doc._find_heading_period(doc.layout.headings_above(pos))
