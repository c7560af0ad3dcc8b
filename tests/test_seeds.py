"""The seeds: the high-tech enterprise conflict, the innovation-rank group and its traps, stable fingerprints."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from claimcheck.codes import rules
from claimcheck.engine import Run, run
from claimcheck.model import Claim, Group
from claimcheck.options import Options

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
CLAIM_RULES = Options(select=tuple(code for code in rules() if code.startswith("CC1")))


@pytest.fixture(scope="module")
def seeds_run() -> Run:
    return run([str(SEEDS)], CLAIM_RULES)


def _claims(r: Run, g: Group) -> list[Claim]:
    by_id = {c.id: c for c in r.claims}
    return [by_id[i] for i in g.claims]


def _group_with(r: Run, text: str, doc_prefix: str) -> Group:
    found = [g for g in r.groups if any(c.quantity.text == text and c.span.doc.startswith(doc_prefix)
                                        for c in _claims(r, g))]
    assert len(found) == 1, f"{text} ({doc_prefix}) is in {len(found)} groups"
    return found[0]


def test_high_tech_enterprises_are_one_conflict(seeds_run: Run) -> None:
    g = _group_with(seeds_run, "609家", "004")
    texts = {(c.span.doc[:3], c.quantity.text) for c in _claims(seeds_run, g)}
    assert texts == {("001", "601家"), ("001", "600余家"), ("004", "609家")}
    assert (g.entity, g.indicator, g.measure, g.verdict) == ("呼和浩特", "高新技术企业", "level", "conflict")
    [finding] = [f for f in seeds_run.findings if f.rule == "CC101" and f.evidence["group"] == g.id]
    involved = {seeds_run_claim.quantity.text for seeds_run_claim in seeds_run.claims if seeds_run_claim.id in finding.claims}
    assert involved == {"601家", "609家"}  # 600余家 agrees with both
    assert "600余家 agrees with both" in finding.message
    assert finding.severity == "error"


def test_innovation_ranks_are_one_group_without_traps(seeds_run: Run) -> None:
    g = _group_with(seeds_run, "第58位", "001")
    texts = {(c.span.doc[:3], c.quantity.text) for c in _claims(seeds_run, g)}
    assert texts == {("003", "第30位"), ("001", "第58位"), ("004", "第66位")}
    assert (g.entity, g.indicator, g.measure) == ("呼和浩特", "城市创新能力排名", "rank")
    traps = [c for c in seeds_run.claims if c.quantity.text in ("第38位", "108位", "第37位")]
    assert len(traps) >= 3
    assert not any(c.id in g.claims for c in traps)
    assert {c.entity for c in traps if c.quantity.text == "108位"} == {"呼和浩特金山高新区"}
    assert {c.entity for c in traps if c.quantity.text == "第38位"} == {"呼和浩特科技城"}
    assert {c.entity for c in traps if c.quantity.text == "第37位"} == {"鄂尔多斯"}


def test_conflicts_on_the_seeds_are_the_reviewed_ones(seeds_run: Run) -> None:
    # Each was read by hand: the same figure of 呼和浩特 stated differently in two articles whose
    # periods cannot be told apart (001 is undated).
    got = sorted((f.evidence["indicator"], f.evidence["entity"]) for f in seeds_run.findings if f.rule == "CC101")
    assert got == [("专家团队", "呼和浩特"), ("城市创新能力排名", "呼和浩特"), ("科技型中小企业", "呼和浩特"),
                   ("高新技术企业", "呼和浩特")]


def test_document_dates(seeds_run: Run) -> None:
    dates = {d.id[:3]: (d.date, d.date_source) for d in seeds_run.documents}
    assert dates["000"] == ("2025-01-17", "dateline")
    assert dates["003"] == ("2024-01-25", "dateline")
    assert dates["001"] == (None, None)


def _fingerprints(r: Run) -> dict[str, str]:
    return {f.fingerprint: f.spans[0].doc for f in r.findings if f.rule == "CC101"}


def test_fingerprints_survive_an_inserted_paragraph(tmp_path: Path, seeds_run: Run) -> None:
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    target = copy / "001_b0bbc6f41759bae2.txt"
    target.chmod(0o644)
    text = target.read_text("utf-8")
    at = text.index("目前,呼和浩特市拥有")
    target.write_text(text[:at] + "这是新插入的一段文字,介绍2019年引进人才35名的情况。\n\n" + text[at:], "utf-8")
    assert set(_fingerprints(run([str(copy)], CLAIM_RULES))) == set(_fingerprints(seeds_run))


@pytest.mark.parametrize("name, text", [
    ("005_new.txt", "呼和浩特科技新闻\n\n目前,呼和浩特市高新技术企业达到620家。\n"),  # a third count, undated
    ("new.txt", "呼和浩特科技新闻\n2025-03-01 10:00\n\n目前,呼和浩特市高新技术企业达到650家。\n"),  # dated
])
def test_a_new_article_makes_one_new_finding_pointed_at_it(tmp_path: Path, seeds_run: Run, name: str,
                                                            text: str) -> None:
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    (copy / name).write_text(text, "utf-8")
    before = _fingerprints(seeds_run)
    after = _fingerprints(run([str(copy)], CLAIM_RULES))
    assert [doc for fp, doc in after.items() if fp not in before] == [name]
