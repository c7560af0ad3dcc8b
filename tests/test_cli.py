"""The check command's outputs: several per run, atomic and careful writes, Markdown and GitHub formats."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

from ci_support import install_stub, run_cli, write_corpus
from claimcheck.cli.check import parse_outputs
from claimcheck.fsutil import OverwriteRefused, is_claimcheck_output, write_atomic
from claimcheck.report.github import escape_data, escape_property
from claimcheck.report.markdown import MARKER, cell

A = "2024年,呼和浩特市拥有国家高新技术企业601家。\n"
B = "2024年,呼和浩特市国家高新技术企业达到609家。\n"


@pytest.fixture
def arts(tmp_path, monkeypatch):
    install_stub(monkeypatch)
    write_corpus(tmp_path / "arts", {"a.txt": A, "b.txt": B})
    return tmp_path


@pytest.mark.parametrize("formats, outputs, expected", [
    ([], [], [("text", None)]),
    (["json"], [], [("json", None)]),
    (["text", "sarif:out.sarif"], [], [("text", None), ("sarif", "out.sarif")]),
    (["json", "markdown"], ["a.json"], [("json", "a.json"), ("markdown", None)]),
    ([], ["r.sarif", "r.md", "r.json", "r.html", "r.log"],
     [("sarif", "r.sarif"), ("markdown", "r.md"), ("json", "r.json"), ("html", "r.html"), ("text", "r.log")]),
    (["SARIF:c:/tmp/x.sarif"], [], [("sarif", "c:/tmp/x.sarif")]),
    (["json,sarif"], ["a.json", "b.sarif"], [("json", "a.json"), ("sarif", "b.sarif")]),
    (["sarif:a,b.sarif"], [], [("sarif", "a,b.sarif")]),
])
def test_output_specs(formats, outputs, expected):
    got = parse_outputs(formats, [Path(o) for o in outputs])
    assert [(f, str(p) if p else None) for f, p in got] == expected


@pytest.mark.parametrize("formats, outputs, problem", [
    (["xml"], [], "unknown format"),
    (["json", "sarif"], [], "only one output"),
    (["json:"], [], "no file name"),
    (["json"], ["a", "b"], "no --format left"),
    (["json:a.json", "sarif:a.json"], [], "same file"),
])
def test_bad_output_specs(formats, outputs, problem):
    with pytest.raises(ValueError, match=problem):
        parse_outputs(formats, [Path(o) for o in outputs])


def test_several_outputs_in_one_run(arts):
    code, out, err = run_cli(["arts", "--no-config", "-f", "text", "-f", "sarif:r/out.sarif", "-f", "json:r/out.json",
                              "-f", "markdown:r/pr.md", "-f", "github:r/gh.txt"], arts)
    assert code == 1, err
    assert "CC101" in out
    assert json.loads((arts / "r/out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert json.loads((arts / "r/out.json").read_text(encoding="utf-8"))["schema"] == "claimcheck/1"
    assert (arts / "r/pr.md").read_text(encoding="utf-8").startswith(MARKER)
    assert (arts / "r/gh.txt").read_text(encoding="utf-8").startswith("::error file=arts/")
    assert sorted(p.name for p in (arts / "r").iterdir()) == ["gh.txt", "out.json", "out.sarif", "pr.md"]
    # a rerun replaces its own outputs without --force, the terminal report written to a file included
    assert run_cli(["arts", "--no-config", "-f", "sarif:r/out.sarif", "-f", "markdown:r/pr.md"], arts)[0] == 1
    for _ in range(2):
        code, _, err = run_cli(["arts", "--no-config", "-f", "json", "-f", "text:r/report.txt"], arts)
        assert code == 1, err


def test_check_is_the_default_command(arts):
    assert run_cli(["arts", "--no-config", "-f", "json"], arts)[1] == run_cli(["check", "arts", "--no-config", "-f", "json"], arts)[1]


def test_refuses_to_overwrite_foreign_files(arts):
    (arts / "notes.md").write_text("my notes\n", encoding="utf-8")
    code, _, err = run_cli(["arts", "--no-config", "-f", "markdown:notes.md"], arts)
    assert code == 2 and "--force" in err
    assert (arts / "notes.md").read_text(encoding="utf-8") == "my notes\n"
    assert run_cli(["arts", "--no-config", "-f", "markdown:notes.md", "--force"], arts)[0] == 1
    assert (arts / "notes.md").read_text(encoding="utf-8").startswith(MARKER)
    code, _, err = run_cli(["arts", "--no-config", "-o", "arts/a.txt", "--force"], arts)
    assert code == 2 and "articles being checked" in err
    assert (arts / "arts/a.txt").read_text(encoding="utf-8") == A


def test_html_hook(arts, monkeypatch):
    fake = types.ModuleType("claimcheck.report.html")
    fake.render_html = lambda run, *stale: f'<html><meta name="generator" content="claimcheck">{len(run.findings)}</html>'
    monkeypatch.setitem(sys.modules, "claimcheck.report.html", fake)
    assert run_cli(["arts", "--no-config", "--html", "report.html", "-f", "json:r.json"], arts)[0] == 1
    assert (arts / "report.html").read_text(encoding="utf-8").endswith(">1</html>")
    assert run_cli(["arts", "--no-config", "-f", "html"], arts)[1].startswith("<html>")


def test_write_atomic(tmp_path):
    target = tmp_path / "sub" / "out.json"
    write_atomic(target, '{"schema": "claimcheck/1"}\n')
    assert is_claimcheck_output(target)
    target.chmod(0o640)
    write_atomic(target, '{"schema": "claimcheck/1", "x": 1}\n')
    assert (target.stat().st_mode & 0o777) == 0o640 and "x" in target.read_text(encoding="utf-8")
    other = tmp_path / "article.txt"
    other.write_text("呼和浩特", encoding="utf-8")
    with pytest.raises(OverwriteRefused):
        write_atomic(other, "report")
    write_atomic(other, "report", overwrite=True)
    assert other.read_text(encoding="utf-8") == "report"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["article.txt", "out.json", "sub"]


def test_markdown_summary_is_safe_for_a_comment(arts, monkeypatch):
    write_corpus(arts / "arts", {"c.txt": "2024年,<script>|x|</script>高新技术企业达到615家。\n"})
    code, out, _ = run_cli(["arts", "--no-config", "-f", "markdown"], arts)
    assert code == 1
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "| 🔴 | `CC101` |" in out and "<details>" in out and "1 new finding" in out
    assert cell("a|b\nc") == "a\\|b c"


def test_github_annotations_escape(arts):
    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"
    out = run_cli(["arts", "--no-config", "-f", "github"], arts)[1]
    (line,) = out.splitlines()
    assert line.startswith("::error file=arts/") and ",line=1,col=" in line and ",title=CC101::" in line


def test_help_documents_the_outputs():
    out = run_cli(["check", "--help"])[1]
    for word in ("FMT:FILE", "--baseline", "--strict-baseline", "--config", "--no-config", "--exit-zero", "--force"):
        assert word in out


def test_integration_files_are_well_formed():
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).resolve().parents[1]
    (hook,) = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "claimcheck" and hook["pass_filenames"] is False and hook["entry"].startswith("claimcheck")
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Use in CI"):]
    workflow = yaml.safe_load(section[section.index("```yaml\n") + 8:].split("```")[0])
    steps = workflow["jobs"]["claimcheck"]["steps"]
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)
    assert workflow["permissions"]["security-events"] == "write"


def test_a_folder_without_articles_warns_and_passes(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.docx").write_bytes(b"PK\x03\x04")
    code, out, err = run_cli(["empty", "--no-config"], tmp_path)
    assert code == 0
    assert "warning: no .txt or .md files found under empty" in err
    assert out.rstrip().splitlines()[-1].startswith("0 documents, ")
