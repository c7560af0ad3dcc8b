"""Fingerprints come from meaning: stable under inserted text, file order, hash seed and a rule's new code; new values are new."""

from __future__ import annotations

import contextlib
import copy
import json
from pathlib import Path

import pytest

from ci_support import install_stub, real_pipeline_ready, run_cli, subprocess_cli, write_corpus
from claimcheck.resources import load_rules_toml

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


def test_edits_inside_the_conflicting_sentence_keep_the_fingerprint(tmp_path):
    """A typo fixed, or another figure changed, in the sentence that holds a conflicting figure
    (the real conflict check: the identity holds the figures as written, not their sentences)."""
    before = _fingerprints(write_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B}))
    edited = A.replace("拥有国家", "共拥有国家").replace("852家", "860家")
    (tmp_path / "c" / "a.txt").write_text(edited, encoding="utf-8")
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
        proc = subprocess_cli(["baseline", "write", "corpus", "--no-config", "-b", f"b{seed}.json"], tmp_path / where,
                              stub=True, env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.append(("baseline", (tmp_path / where / f"b{seed}.json").read_text(encoding="utf-8")))
    by_format: dict[str, set[str]] = {}
    for fmt, text in outputs:
        by_format.setdefault(fmt, set()).add(text)
    assert all(len(texts) == 1 for texts in by_format.values()), {k: len(v) for k, v in by_format.items()}
    assert "CC101" in by_format["sarif"].pop()
    found = {f["fingerprint"] for f in json.loads(by_format["json"].pop())["findings"]}
    accepted = {e["fingerprint"] for e in json.loads(by_format["baseline"].pop())["entries"]}
    assert len(found) == 2 and accepted == found  # the conflict and the unreadable file


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


# --- a rule moved to a new code keeps its fingerprints --------------------------------------------

def test_the_digest_is_pinned():
    """Fingerprints are the rule's key plus identity, hashed with blake2b-80: these bytes never change.

    Keys are first codes, so a fingerprint is the one earlier versions wrote into baselines.
    """
    from claimcheck.codes import rules
    from claimcheck.engine import fingerprint

    assert fingerprint("CC101", ("呼和浩特", "高新技术企业", "601", "609")) == "77c473bfbc1bc566753f"
    assert {code: r.key for code, r in rules().items()} == {c: c for c in ("CC101", "CC102", "CC201", "CC202", "CC901")}


@contextlib.contextmanager
def rule_table(edit):
    """Run with the rule table as ``edit(table)`` leaves it (a deep copy of rules.toml), then restore it."""
    from claimcheck import codes

    table = copy.deepcopy(load_rules_toml("rules.toml"))
    edit(table)
    original = codes.load_rules_toml
    codes.load_rules_toml = lambda name: table if name == "rules.toml" else original(name)
    codes.rules.cache_clear()
    codes._by_outcome.cache_clear()
    try:
        yield
    finally:
        codes.load_rules_toml = original
        codes.rules.cache_clear()
        codes._by_outcome.cache_clear()


def _move(old: str, new: str, *, keep_key: bool = True):
    """An edit of the table: rule ``old`` becomes ``new``, ``old`` redirects to it (the documented way)."""
    def edit(table: dict) -> None:
        rule = next(r for r in table["rule"] if r["code"] == old)
        rule["code"] = new
        if not keep_key:
            rule["key"] = new  # what the key exists to prevent: the fingerprint follows the code
        table.setdefault("redirects", {})[old] = new
    return edit


def _report(folder: Path, *extra: str) -> tuple[int, dict]:
    code, out, err = run_cli([str(folder), "--no-config", "-f", "json", *extra])
    assert code in (0, 1), err
    return code, json.loads(out)


def test_renamed_rule_keeps_fingerprints_baseline_and_suppressions(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B})
    baseline = tmp_path / "baseline.json"
    assert run_cli(["baseline", "write", str(corpus), "--no-config", "-b", str(baseline)])[0] == 0
    data = json.loads(baseline.read_text(encoding="utf-8"))
    (entry,) = data["entries"]
    assert entry["rule"] == "CC101"
    entry["reason"] = "口径不同,已核实"
    baseline.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    _, before = _report(corpus, "--select", "CC101")
    with rule_table(_move("CC101", "CC111")):
        code, after = _report(corpus, "--select", "CC101", "-b", str(baseline))  # the old code still selects it
        assert code == 0
        (finding,) = after["findings"]
        assert (finding["rule"], finding["status"]) == ("CC111", "baselined")
        assert finding["fingerprint"] == before["findings"][0]["fingerprint"] == entry["fingerprint"]
        assert finding["evidence"]["baseline_reason"] == "口径不同,已核实"
        assert after["summary"]["stale"] == 0
        # a rewrite records the new code and keeps the reason
        assert run_cli(["baseline", "write", str(corpus), "--no-config", "-b", str(baseline)])[0] == 0
        (rewritten,) = json.loads(baseline.read_text(encoding="utf-8"))["entries"]
        assert (rewritten["rule"], rewritten["fingerprint"]) == ("CC111", entry["fingerprint"])
        assert rewritten["reason"] == "口径不同,已核实"
        # a config suppression naming the old code
        config = tmp_path / "claimcheck.toml"
        config.write_text(f'[[suppress]]\nfingerprint = "{entry["fingerprint"]}"\nrule = "CC101"\n'
                          'reason = "已核实"\n', encoding="utf-8")
        code, out, err = run_cli([str(corpus), "--config", str(config), "-f", "json"])
        assert code == 0, err
        assert [f["status"] for f in json.loads(out)["findings"]] == ["suppressed"]


def test_inline_comment_naming_an_old_code_still_silences(tmp_path, pipeline):
    corpus = write_corpus(tmp_path / "c", {"a.md": "<!-- claimcheck-disable-next-line CC101 -- 已核实 -->\n" + A.split("\n\n")[1],
                                           "b.txt": B})
    with rule_table(_move("CC101", "CC111")):
        _, report = _report(corpus)
    assert [(f["rule"], f["status"]) for f in report["findings"]] == [("CC111", "suppressed")]


def test_without_the_key_a_new_code_would_be_a_new_fingerprint(tmp_path, pipeline):
    """The control: the key, not luck, keeps the fingerprint (a table that moves the key loses it)."""
    corpus = write_corpus(tmp_path / "c", {"a.txt": A, "b.txt": B})
    _, before = _report(corpus, "--select", "CC101")
    with rule_table(_move("CC101", "CC111", keep_key=False)):
        _, after = _report(corpus, "--select", "CC101")
    assert before["findings"] and after["findings"]
    assert after["findings"][0]["fingerprint"] != before["findings"][0]["fingerprint"]
