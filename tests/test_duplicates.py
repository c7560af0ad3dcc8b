"""Duplicate-passage check on fixture folders (tests/fixtures/duplicates/<case>/expected.json) and the seeds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.checks.duplicates import DuplicateParams, find_duplicates
from claimcheck.ingest import read_documents
from claimcheck.model import CheckResult, Document, Span

FIXTURES = Path(__file__).parent / "fixtures" / "duplicates"
SEEDS = Path(__file__).parent.parent / "seeds"
CASES = sorted(p.name for p in FIXTURES.iterdir() if (p / "expected.json").exists())


def _docs(folder: Path) -> dict[str, Document]:
    docs, problems = read_documents([str(folder)])
    assert not problems
    return {d.id: d for d in docs}


def _locate(doc: Document, text: str, occurrence: int = 0) -> Span:
    """The ``occurrence``-th place of ``text`` in ``doc`` (0-based), as a span."""
    at = -1
    for _ in range(occurrence + 1):
        at = doc.text.find(text, at + 1)
        assert at >= 0, f"{text[:20]}... occurs fewer than {occurrence + 1} times in {doc.id}"
    return Span(doc.id, at, at + len(text))


def _iou(a: Span, b: Span) -> float:
    if a.doc != b.doc:
        return 0.0
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / (max(a.end, b.end) - min(a.start, b.start))


def _matches(result: CheckResult, want: dict, docs: dict[str, Document]) -> bool:
    if result.kind != want["kind"] or len(result.spans) != len(want["spans"]):
        return False
    spans = [_locate(docs[s["doc"]], s["text"], s.get("occurrence", 0)) for s in want["spans"]]
    if want["kind"] == "boilerplate":
        spans.sort()
    exact = want.get("exact", False)
    return all((got == expected) if exact else _iou(got, expected) >= 0.9
               for got, expected in zip(result.spans, spans))


@pytest.mark.parametrize("case", CASES)
def test_fixture(case: str) -> None:
    expected = json.loads((FIXTURES / case / "expected.json").read_text(encoding="utf-8"))
    docs = _docs(FIXTURES / case)
    results = find_duplicates(list(docs.values()), DuplicateParams(**expected.get("params", {})))
    assert len(results) == len(expected["findings"]), [r.message for r in results]
    for want in expected["findings"]:
        hits = [r for r in results if _matches(r, want, docs)]
        assert hits, f"{case}: no finding like {want['kind']} {[s['text'][:15] for s in want['spans']]}"
        r = hits[0]
        assert r.evidence["length"] >= 50 and 0.85 <= r.evidence["similarity"] <= 1.0
        assert r.evidence["exact"] == want.get("exact", r.evidence["exact"])
        if want["kind"] == "boilerplate":
            assert r.evidence["documents"] == want["documents"]


def test_seeds_report_only_the_paragraphs_printed_twice_in_004() -> None:
    docs = _docs(SEEDS)
    results = find_duplicates(list(docs.values()))
    assert len(results) == 1
    (r,) = results
    assert r.kind == "duplicate" and r.evidence["exact"]
    doc = docs[r.spans[0].doc]
    assert doc.id.startswith("004_") and r.spans[1].doc == doc.id
    first, second = (doc.text[s.start:s.end] for s in r.spans)
    assert first == second
    assert first.startswith("前,乳铁蛋白一旦政策破冰") and first.endswith("为前沿探索和源头创新奠定坚实基础")
    assert "区域创新格局持续优化" in first  # both paragraphs, as one maximal passage
    assert r.spans[0].end <= r.spans[1].start


def test_identity_ignores_offsets_and_message_reads_well() -> None:
    docs = _docs(FIXTURES / "edited_across")
    before = find_duplicates(list(docs.values()))
    a = docs["a.txt"]
    moved = Document(a.id, a.path, "# 新增标题\n\n一段新插入的文字。\n\n" + a.text, a.encoding)
    after = find_duplicates([moved, docs["b.txt"]])
    assert [r.identity for r in before] == [r.identity for r in after]
    assert before[0].spans[0].start + len("# 新增标题\n\n一段新插入的文字。\n\n") == after[0].spans[0].start
    assert before[0].message.startswith(f"passage of {before[0].evidence['length']} characters from ")


def test_min_length_and_similarity_are_parameters() -> None:
    docs = list(_docs(FIXTURES / "short_repeat").values())
    assert len(find_duplicates(docs, DuplicateParams(min_length=30))) == 1
    edited = list(_docs(FIXTURES / "edited_across").values())
    assert find_duplicates(edited, DuplicateParams(min_similarity=0.99)) == []


def test_boilerplate_threshold_turns_a_footer_into_pairs_below_it() -> None:
    docs = list(_docs(FIXTURES / "boilerplate_footer").values())
    results = find_duplicates(docs, DuplicateParams(boilerplate_docs=8))
    assert {r.kind for r in results} == {"duplicate"}
    assert len(results) == len(docs) - 1  # every later copy against the first, never all pairs


def test_nothing_repeated_and_empty_inputs_give_no_findings() -> None:
    assert find_duplicates([]) == []
    assert find_duplicates([Document("a.txt", "a.txt", "", "utf-8")]) == []
    one = Document("a.txt", "a.txt", "呼和浩特市坚持把科技创新作为引领发展的第一动力。", "utf-8")
    other = Document("b.txt", "b.txt", "会议强调,要抓好各项工作落实,确保年度目标任务全面完成。", "utf-8")
    assert find_duplicates([one, other]) == []


@pytest.mark.parametrize(("size", "found"), [(49, False), (50, True)])
def test_minimum_length_counts_matching_characters(size: int, found: bool) -> None:
    """The minimum counts letters and digits: punctuation inside the passage does not count."""
    alphabet = [chr(0x4E00 + (i * 7919) % 20000) for i in range(400)]
    passage = "".join(alphabet[:size])
    passage = passage[:20] + "，" + passage[20:]  # a comma inside: still ``size`` matching characters
    a = Document("a.txt", "a.txt", "".join(alphabet[100:160]) + "。" + passage + "。" + "".join(alphabet[200:260]), "utf-8")
    b = Document("b.txt", "b.txt", "".join(alphabet[300:340]) + passage + "！" + "".join(alphabet[340:390]), "utf-8")
    results = find_duplicates([a, b])
    assert bool(results) == found
    if found:
        (r,) = results
        assert r.evidence["length"] == size and r.evidence["exact"]
        assert a.text[r.spans[0].start:r.spans[0].end] == passage
        assert b.text[r.spans[1].start:r.spans[1].end] == passage
