"""SARIF 2.1.0 output, validated against the official schema (tests/data/sarif-schema-2.1.0.json)."""

from __future__ import annotations

import json
from functools import cache

import jsonschema
import pytest

from ci_support import SARIF_SCHEMA, install_stub, run_cli, write_corpus
from claimcheck.codes import rules
from claimcheck.report.sarif import FINGERPRINT_KEY, repo_uri

A = "标题\n\n第二段:2024年,呼和浩特市拥有国家高新技术企业601家。\n"
B = "2024年,呼和浩特市国家高新技术企业达到609家。\n"


@cache
def _validator() -> jsonschema.Draft4Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft4Validator.check_schema(schema)
    return jsonschema.Draft4Validator(schema)


@pytest.fixture
def corpus(tmp_path, monkeypatch):
    install_stub(monkeypatch)
    write_corpus(tmp_path / "新闻", {"a.md": A, "b.txt": B, "bad.txt": b"\x00\x00"})
    return tmp_path


def _sarif(cwd, *extra: str) -> dict:
    code, out, err = run_cli(["新闻", "--no-config", "-f", "sarif", *extra], cwd)
    assert code in (1, 2), err
    log = json.loads(out)
    _validator().validate(log)
    return log


def test_driver_lists_every_rule_with_help(corpus):
    run = _sarif(corpus)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"]
    assert [r["id"] for r in driver["rules"]] == list(rules())
    for r in driver["rules"]:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"]
        assert r["help"]["text"].startswith(r["id"]) and r["help"]["markdown"].startswith(f"## {r['id']}")
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert run["columnKind"] == "unicodeCodePoints"


def test_result_locations_fingerprints_and_regions(corpus):
    run = _sarif(corpus)["runs"][0]
    conflict = next(r for r in run["results"] if r["ruleId"] == "CC101")
    assert run["tool"]["driver"]["rules"][conflict["ruleIndex"]]["id"] == "CC101"
    assert conflict["level"] == "error" and len(conflict["partialFingerprints"][FINGERPRINT_KEY]) == 20
    first = conflict["locations"][0]["physicalLocation"]
    (related,) = conflict["relatedLocations"]
    uris = {first["artifactLocation"]["uri"], related["physicalLocation"]["artifactLocation"]["uri"]}
    assert uris == {"%E6%96%B0%E9%97%BB/a.md", "%E6%96%B0%E9%97%BB/b.txt"}
    assert first["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
    loc_a = first if first["artifactLocation"]["uri"].endswith("a.md") else related["physicalLocation"]
    region = loc_a["region"]
    # 601家 on line 3, after "第二段:2024年,呼和浩特市拥有国家高新技术企业" (25 code points)
    assert (region["startLine"], region["startColumn"], region["endLine"], region["endColumn"]) == (3, 26, 3, 30)
    assert (region["charOffset"], region["charLength"]) == (A.index("601家"), 4)
    unreadable = next(r for r in run["results"] if r["ruleId"] == "CC901")
    assert "region" not in unreadable["locations"][0]["physicalLocation"]


def test_baselined_and_suppressed_are_left_out_unless_asked(corpus):
    assert run_cli(["baseline", "write", "新闻", "--no-config"], corpus)[0] == 0
    (corpus / "新闻" / "c.txt").write_text("呼和浩特市国家高新技术企业共615家。\n", encoding="utf-8")
    (corpus / "新闻" / "a.md").write_text("<!-- claimcheck-disable CC901 -->\n" + A, encoding="utf-8")
    log = _sarif(corpus, "-b", "claimcheck-baseline.json")
    results = log["runs"][0]["results"]
    assert [(r["ruleId"], r["baselineState"]) for r in results] == [("CC101", "new")]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("c.txt")
    every = _sarif(corpus, "-b", "claimcheck-baseline.json", "--all-findings")["runs"][0]["results"]
    assert sorted(r.get("baselineState") for r in every) == ["new", "unchanged"]


def test_suppressed_findings_carry_their_justification(corpus):
    (corpus / "新闻" / "a.md").write_text("<!-- claimcheck-disable CC101 -- 口径不同 -->\n" + A, encoding="utf-8")
    results = _sarif(corpus, "--all-findings")["runs"][0]["results"]
    conflict = next(r for r in results if r["ruleId"] == "CC101")
    assert conflict["suppressions"] == [{"kind": "inSource", "justification": "口径不同"}]
    assert "CC101" not in {r["ruleId"] for r in _sarif(corpus)["runs"][0]["results"]}


@pytest.mark.parametrize("path, uri", [("seeds/a b.txt", "seeds/a%20b.txt"), ("./x/y.md", "x/y.md"),
                                       ("新闻/稿.txt", "%E6%96%B0%E9%97%BB/%E7%A8%BF.txt")])
def test_repo_relative_uris(path, uri):
    assert repo_uri(path) == uri


def test_a_file_outside_the_working_directory_is_an_absolute_uri_without_base(tmp_path, monkeypatch):
    install_stub(monkeypatch)
    write_corpus(tmp_path / "far", {"a.txt": A, "b.txt": B})
    here = tmp_path / "here"
    here.mkdir()
    code, out, _ = run_cli([str(tmp_path / "far"), "--no-config", "-f", "sarif"], here)
    log = json.loads(out)
    _validator().validate(log)
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact["uri"].startswith("file:///") and "uriBaseId" not in artifact
