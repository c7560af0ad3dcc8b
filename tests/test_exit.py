"""Exit statuses: 0 nothing new at or above --fail-on, 1 new findings, 2 usage, config, input or internal errors."""

from __future__ import annotations

import pytest

from ci_support import install_stub, run_cli, write_corpus
from claimcheck import engine
from claimcheck.checks import CHECKS
from claimcheck.model import CheckResult, Span

CONFLICT = {"a.txt": "2024年,呼和浩特市拥有国家高新技术企业601家。\n", "b.txt": "2024年,呼和浩特市国家高新技术企业达到609家。\n"}
CLEAN = {"a.txt": "2024年,呼和浩特市拥有国家高新技术企业601家。\n"}


def _warning_check(corpus, options):
    doc = corpus.documents[0]
    return [CheckResult(kind="duplicate", message="copied passage", spans=(Span(doc.id, 0, 4), Span(doc.id, 5, 9)),
                        identity=("dup", doc.id))]


@pytest.fixture
def stub(monkeypatch):
    install_stub(monkeypatch)
    return monkeypatch


# (corpus, extra arguments, expected status)
CASES = [
    ("clean", [], 0),
    ("conflict", [], 1),
    ("conflict", ["--exit-zero"], 0),
    ("conflict", ["--ignore", "CC101"], 0),
    ("conflict", ["--select", "duplicate-passage"], 0),
    ("conflict", ["--select", "CC999"], 2),
    ("conflict", ["--exit-zero", "--select", "CC999"], 2),
    ("conflict", ["--fail-on", "bogus"], 2),
    ("conflict", ["-f", "yaml"], 2),
    ("conflict", ["--config", "nowhere.toml"], 2),
    ("missing", [], 2),
    ("missing", ["--exit-zero"], 2),
    ("binary", [], 2),
    ("binary", ["--ignore", "CC901"], 2),  # an unread file is still an input error
]


@pytest.mark.parametrize("corpus, extra, expected", CASES, ids=[f"{c}{' '.join(e)}" for c, e, _ in CASES])
def test_exit_status(tmp_path, stub, corpus, extra, expected):
    files = {"clean": CLEAN, "conflict": CONFLICT, "binary": {**CLEAN, "x.txt": b"\x00\x01\x02"}}.get(corpus)
    if files:
        write_corpus(tmp_path / "arts", files)
    code, _, err = run_cli(["arts", "--no-config", *extra], tmp_path)
    assert code == expected, err


@pytest.mark.parametrize("fail_on, expected", [("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on_threshold(tmp_path, stub, fail_on, expected):
    stub.setitem(CHECKS, "duplicates", _warning_check)
    write_corpus(tmp_path / "arts", CLEAN)
    assert run_cli(["arts", "--no-config", "--fail-on", fail_on], tmp_path)[0] == expected


def test_fail_on_from_config(tmp_path, stub):
    stub.setitem(CHECKS, "duplicates", _warning_check)
    write_corpus(tmp_path / "arts", CLEAN)
    (tmp_path / "claimcheck.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    assert run_cli(["arts"], tmp_path)[0] == 1
    assert run_cli(["arts", "--fail-on", "error"], tmp_path)[0] == 0


def test_an_accepted_unreadable_file_is_not_an_error(tmp_path, stub):
    write_corpus(tmp_path / "arts", {**CLEAN, "x.txt": b"\x00\x01\x02"})
    assert run_cli(["baseline", "write", "arts", "--no-config"], tmp_path)[0] == 0
    assert run_cli(["arts", "--no-config", "-b", "claimcheck-baseline.json"], tmp_path)[0] == 0


def test_internal_error_is_never_success(tmp_path, stub):
    def boom(*args, **kwargs):
        raise RuntimeError("bug")

    stub.setattr(engine, "extract_document", boom)
    write_corpus(tmp_path / "arts", CLEAN)
    code, _, err = run_cli(["arts", "--no-config", "--exit-zero"], tmp_path)
    assert code == 2 and "internal error" in err
