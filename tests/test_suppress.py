"""Inline suppression comments (Markdown/HTML) and fingerprint suppressions from the config."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from ci_support import install_stub, run_cli, write_corpus
from claimcheck.model import Span
from claimcheck.suppress import parse_comments

CASES = tomllib.loads((Path(__file__).parent / "fixtures" / "suppress" / "cases.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_comment_regions(case):
    from claimcheck.suppress import Region

    text = case["text"]
    regions, warnings = parse_comments(text)
    for marker, expected in case["silenced"].items():
        at = text.index(marker)
        span = Span("a.md", at, at + len(marker))
        hit = any(isinstance(r, Region) and r.covers(span, "CC101") for r in regions)
        assert hit == expected, marker
    for word in case.get("warnings", []):
        assert any(word in w for w in warnings)


@pytest.fixture
def stub(monkeypatch):
    install_stub(monkeypatch)


B = "2024年,呼和浩特市国家高新技术企业达到609家。\n"


def _json(tmp_path: Path, *extra: str) -> tuple[int, dict, str]:
    code, out, err = run_cli(["arts", "--no-config", "-f", "json", *extra], tmp_path)
    return code, json.loads(out), err


def test_a_comment_in_a_markdown_article_silences_the_conflict(tmp_path, stub):
    write_corpus(tmp_path / "arts", {"a.md": "# 标题\n\n<!-- claimcheck-disable-next-line CC101 -- 统计口径不同 -->\n"
                                            "2024年,呼和浩特市拥有国家高新技术企业601家。\n", "b.txt": B})
    code, report, _ = _json(tmp_path)
    assert code == 0
    (f,) = report["findings"]
    assert f["status"] == "suppressed"
    assert f["evidence"]["suppression"] == {"kind": "inline", "reason": "统计口径不同", "where": "arts/a.md:3"}
    assert report["summary"]["suppressed"] == 1 and report["summary"]["findings"] == 0


def test_comments_in_plain_text_are_ignored(tmp_path, stub):
    write_corpus(tmp_path / "arts", {"a.txt": "<!-- claimcheck-disable -->\n2024年,呼和浩特市拥有国家高新技术企业601家。\n",
                                     "b.txt": B})
    assert _json(tmp_path)[0] == 1


def test_unknown_code_in_a_comment_is_a_warning(tmp_path, stub):
    write_corpus(tmp_path / "arts", {"a.md": "<!-- claimcheck-disable CC123 -->\n2024年,呼和浩特市拥有国家高新技术企业601家。\n",
                                     "b.txt": B})
    code, _, err = _json(tmp_path)
    assert code == 1 and "arts/a.md:1" in err and "CC123" in err


def test_fingerprint_suppression_from_the_config(tmp_path, stub):
    write_corpus(tmp_path / "arts", {"a.txt": "2024年,呼和浩特市拥有国家高新技术企业601家。\n", "b.txt": B})
    code, report, _ = _json(tmp_path)
    fp = report["findings"][0]["fingerprint"]
    (tmp_path / "claimcheck.toml").write_text(
        f'[[suppress]]\nfingerprint = "{fp}"\nreason = "两篇口径不同,已核实"\n', encoding="utf-8")
    code, out, _ = run_cli(["arts", "-f", "json"], tmp_path)
    (f,) = json.loads(out)["findings"]
    assert code == 0 and f["status"] == "suppressed" and f["evidence"]["suppression"]["kind"] == "config"
    (tmp_path / "claimcheck.toml").write_text(
        f'[[suppress]]\nfingerprint = "{fp}"\nreason = "x"\nrule = "CC201"\n', encoding="utf-8")
    assert run_cli(["arts"], tmp_path)[0] == 1  # the rule named does not match: not suppressed
