"""The indicator lexicon on the figures Chinese statistics and news repeat: names that must fold
together, names that must stay apart, and sentences read as data (tests/fixtures/indicators/)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from claimcheck.extract.claims import extract_document
from claimcheck.extract.indicators import canonical
from claimcheck.model import Document

DATA = Path(__file__).parent / "fixtures" / "indicators"
NAMES: dict[str, Any] = tomllib.loads((DATA / "names.toml").read_text("utf-8"))
SENTENCES: list[dict[str, Any]] = tomllib.loads((DATA / "sentences.toml").read_text("utf-8"))["case"]


@pytest.mark.parametrize("names", NAMES["same"], ids=[n[0] for n in NAMES["same"]])
def test_names_fold_to_one_key(names: list[str]) -> None:
    assert {name: canonical(name)[0] for name in names} == {name: names[0] for name in names}


@pytest.mark.parametrize("pair", NAMES["apart"], ids=["/".join(p) for p in NAMES["apart"]])
def test_near_names_stay_apart(pair: list[str]) -> None:
    assert canonical(pair[0])[0] != canonical(pair[1])[0]


@pytest.mark.parametrize("case", SENTENCES, ids=[f"{i}:{c['number']}" for i, c in enumerate(SENTENCES)])
def test_sentence(case: dict[str, Any]) -> None:
    doc = Document(id=case.get("doc", "a.txt"), path=case.get("doc", "a.txt"), text=case["text"], encoding="utf-8")
    found = [c for c in extract_document(doc).claims if c.quantity.text == case["number"]]
    assert found, f"no claim for {case['number']}"
    fields = [k for k in ("indicator", "measure", "base") if k in case]
    assert {k: getattr(found[0], k) or "" for k in fields} == {k: case[k] for k in fields}
