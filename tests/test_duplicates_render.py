"""Terminal drawing of duplicate findings: places as path:line:col, passages, differences, 100 columns."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from claimcheck.checks.duplicates import find_duplicates
from claimcheck.ingest import read_documents
from claimcheck.model import Finding
from claimcheck.report.text_duplicates import render_duplicate

ROOT = Path(__file__).parent.parent


def _render(folder: Path) -> tuple[list[str], dict]:
    docs, _ = read_documents([str(folder)])
    by_id = {d.id: d for d in docs}
    outputs = []
    for r in find_duplicates(docs):
        f = Finding("CC201" if r.kind == "duplicate" else "CC202", "warning", r.message, r.spans, (), r.evidence, "f")
        console = Console(width=100, record=True, color_system=None)
        console.print(render_duplicate(f, by_id))
        outputs.append(console.export_text())
    return outputs, by_id


def test_exact_repeat_in_seed_004_shows_both_places_and_is_shortened() -> None:
    (out,), docs = _render(ROOT / "seeds")
    path = next(d.path for d in docs.values() if d.id.startswith("004_"))
    assert f"A  {path}:19:1" in out and f"B  {path}:29:1" in out
    assert "330 characters · identical" in out
    assert "A=B │ 前,乳铁蛋白一旦政策破冰" in out and "›…" in out  # the middle is left out
    assert all(len(line.rstrip()) <= 100 for line in out.splitlines())


def test_edited_copy_shows_both_passages_and_counts_differences() -> None:
    (out,), _ = _render(ROOT / "tests" / "fixtures" / "duplicates" / "edited_across")
    assert "a.txt:5:1" in out and "b.txt:5:1" in out
    assert "95% similar" in out and "characters differ" in out
    assert "  A │ " in out and "  B │ " in out
    assert out.count("⟦") == out.count("⟧") >= 2  # differences are marked even without colour


def test_boilerplate_lists_places_once() -> None:
    (out,), _ = _render(ROOT / "tests" / "fixtures" / "duplicates" / "boilerplate_footer")
    assert "found in 7 documents" in out and "… and 1 more place\n" in out
    assert out.count("欢迎关注本报官方微信公众号") == 1
