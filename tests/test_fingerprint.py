"""Fingerprints come from meaning: stable under inserted text, file order and hash seed; new values are new."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ci_support import install_stub, real_pipeline_ready, run_cli, subprocess_cli, write_corpus

A = "标题\n\n2024年,呼和浩特市拥有国家高新技术企业601家,科技型中小企业852家。\n\n其他工作稳步推进。\n"
B = "2024年,呼和浩特市国家高新技术企业达到609家(占全区30%)。\n"


@pytest.fixture(params=["stub", "real"])
def pipeline(request, monkeypatch):
    """Each test runs on the stand-in pipeline, and on the real one once the claim extractor lands."""
    if request.param == "real":
        if not real_pipeline_ready():
            pytest.xfail("the claim extractor (issue 3) does not produce claims yet")
    else:
        install_stub(monkeypatch)
    return request.param


def _fingerprints(folder: Path) -> dict[str, list[str]]:
    code, out, err = run_cli([str(folder), "--no-config", "--select", "CC101", "-f", "json"])
    assert code in (0, 1), err
    found = json.loads(out)["findings"]
    return {f["fingerprint"]: sorted(loc["path"] for loc in f["locations"]) for f in found}


def test_inserted_paragraph_keeps_the_fingerprint(tmp_path, pipeline):
    before = _fingerprints(write_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B}))
    assert before, "the corpus must produce a conflict"
    (tmp_path / "c" / "a.txt").write_text("新增的一段导语,介绍背景情况。\n\n另一段文字。\n\n" + A, encoding="utf-8")
    assert set(_fingerprints(tmp_path / "c")) == set(before)


def test_edited_unrelated_paragraph_changes_nothing(tmp_path, pipeline):
    before = _fingerprints(write_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B}))
    (tmp_path / "c" / "a.txt").write_text(A.replace("其他工作稳步推进", "其余各项工作有序开展并取得实效"), encoding="utf-8")
    assert set(_fingerprints(tmp_path / "c")) == set(before)


def test_new_conflicting_value_makes_a_new_finding(tmp_path, pipeline):
    before = _fingerprints(write_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B}))
    write_corpus(tmp_path / "c", {"c.txt": "2024年,呼和浩特市国家高新技术企业共有615家。\n"})
    after = _fingerprints(tmp_path / "c")
    assert set(after) - set(before), "a third value must change the conflict's identity"


def test_same_bytes_whatever_the_hash_seed_and_file_order(tmp_path):
    """Subprocesses with different PYTHONHASHSEED, and the files created in a different order."""
    files = {"a.txt": A, "b.txt": B, "sub/c.md": "2024年,呼和浩特市国家高新技术企业共有615家。\n", "x.txt": b"\x00\x01"}
    write_corpus(tmp_path / "one" / "corpus", files)
    write_corpus(tmp_path / "two" / "corpus", dict(reversed(list(files.items()))))
    outputs = []
    for where, seed in (("one", "0"), ("two", "1"), ("one", "12345")):
        for fmt in ("json", "sarif", "markdown", "github"):
            proc = subprocess_cli(["corpus", "--no-config", "-f", fmt], tmp_path / where, stub=True,
                                  env={"PYTHONHASHSEED": seed})
            assert proc.returncode == 2, proc.stderr  # x.txt is unreadable: an input error
            outputs.append((fmt, proc.stdout))
    by_format: dict[str, set[str]] = {}
    for fmt, text in outputs:
        by_format.setdefault(fmt, set()).add(text)
    assert all(len(texts) == 1 for texts in by_format.values()), {k: len(v) for k, v in by_format.items()}
    assert "CC101" in by_format["sarif"].pop()


@pytest.mark.skipif(not real_pipeline_ready(), reason="needs the claim extractor and conflict check (issue 3)")
def test_seeds_give_the_same_bytes_whatever_the_hash_seed_or_workers(tmp_path):
    """The real pipeline on the seeds: SARIF and baseline bytes depend on neither hash seed nor worker count."""
    from ci_support import copy_seeds

    copy_seeds(tmp_path / "seeds")
    seen: dict[str, set[str]] = {"sarif": set(), "baseline": set()}
    for seed, workers in (("0", "1"), ("1", "2"), ("4242", "1")):
        proc = subprocess_cli(["seeds", "--no-config", "-f", "sarif", "--workers", workers], tmp_path, stub=False,
                              env={"PYTHONHASHSEED": seed})
        assert proc.returncode in (0, 1), proc.stderr
        seen["sarif"].add(proc.stdout)
        proc = subprocess_cli(["baseline", "write", "seeds", "--no-config", "-b", f"b{seed}.json"], tmp_path,
                              stub=False, env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        seen["baseline"].add((tmp_path / f"b{seed}.json").read_text(encoding="utf-8"))
    assert len(seen["sarif"]) == 1 and len(seen["baseline"]) == 1


def test_order_of_the_paths_given_changes_nothing(tmp_path, pipeline):
    write_corpus(tmp_path, {"a.txt": A, "b.txt": B, "c.txt": "2024年,呼和浩特市国家高新技术企业共有615家。\n"})
    outs = []
    for order in (["a.txt", "b.txt", "c.txt"], ["c.txt", "a.txt", "b.txt"]):
        code, out, err = run_cli([*order, "--no-config", "--select", "CC101", "-f", "sarif"], tmp_path)
        assert code == 1, err
        outs.append(out)
    assert outs[0] == outs[1]
