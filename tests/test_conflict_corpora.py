"""Fixture corpora: small folders of articles, each with the groups and findings it must produce.

Every folder under ``tests/fixtures/corpora/`` is one behaviour (traps included); ``expected.json``
lists every group of two or more claims (entity, indicator, measure, verdict and the quantity texts
as ``file:text``) and every CC1xx finding (claims in report order: the first is the one the finding
points at). Regenerate with ``CLAIMCHECK_UPDATE_FIXTURES=1 pytest tests/test_conflict_corpora.py``
and review the diff before committing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from claimcheck.codes import rules
from claimcheck.engine import Run, run
from claimcheck.options import Options

CORPORA = Path(__file__).parent / "fixtures" / "corpora"
CASES = sorted(p for p in CORPORA.iterdir() if p.is_dir())
# Only the claim rules: the corpora pin down claims, groups and conflicts, not duplicate passages.
CLAIM_RULES = Options(select=tuple(code for code in rules() if code.startswith("CC1")))


def _name(run_: Run, claim_id: str) -> str:
    claim = next(c for c in run_.claims if c.id == claim_id)
    return f"{claim.span.doc.rsplit('/', 1)[-1]}:{claim.quantity.text}"


def summarize(run_: Run) -> dict[str, Any]:
    """The parts of a run that a fixture pins down, independent of offsets and hash ids."""
    groups = [{"entity": g.entity, "indicator": g.indicator, "measure": g.measure, "verdict": g.verdict,
               "claims": sorted(_name(run_, i) for i in g.claims)} for g in run_.groups]
    groups.sort(key=lambda g: (g["entity"], g["indicator"], g["measure"], g["claims"]))
    findings = [{"rule": f.rule, "claims": [_name(run_, i) for i in f.claims]}
                for f in run_.findings if f.rule.startswith("CC1")]
    findings.sort(key=lambda f: (f["rule"], f["claims"]))
    return {"groups": groups, "findings": findings}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_corpus(case: Path) -> None:
    got = summarize(run([str(case)], CLAIM_RULES))
    expected_file = case / "expected.json"
    if os.environ.get("CLAIMCHECK_UPDATE_FIXTURES") == "1":
        expected_file.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", "utf-8")
    expected = json.loads(expected_file.read_text("utf-8"))
    assert got == expected


def test_every_case_has_expectations() -> None:
    assert len(CASES) >= 10
    assert all((c / "expected.json").is_file() for c in CASES)
