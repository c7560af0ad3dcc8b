"""Configuration: discovery upward, precedence, every key checked, errors that name file and key."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from ci_support import install_stub, run_cli, write_corpus
from claimcheck.config import ConfigError, find_config, load_config

CASES = tomllib.loads((Path(__file__).parent / "fixtures" / "config" / "errors.toml").read_text(encoding="utf-8"))["case"]
CONFLICT = {"a.txt": "2024年,呼和浩特市拥有国家高新技术企业601家。\n", "b.txt": "2024年,呼和浩特市国家高新技术企业达到609家。\n"}


@pytest.mark.parametrize("case", CASES, ids=[c["body"].splitlines()[0][:30] for c in CASES])
def test_bad_config_is_a_clear_error(tmp_path, case):
    path = tmp_path / "claimcheck.toml"
    path.write_text(case["body"] + "\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path)
    message = str(err.value)
    assert str(path) in message
    for words in case["expect"]:
        assert words in message


def test_bad_config_exits_2_naming_file_and_key(tmp_path):
    write_corpus(tmp_path / "arts", {"a.txt": "正文。\n"})
    (tmp_path / "pyproject.toml").write_text('[tool.claimcheck]\nselect = ["CC101"]\nfail_onn = "x"\n', encoding="utf-8")
    code, out, err = run_cli(["arts"], tmp_path)
    assert code == 2 and "pyproject.toml" in err and "tool.claimcheck.fail_onn" in err and out == ""
    assert run_cli(["arts", "--exit-zero"], tmp_path)[0] == 2


def test_found_upward_and_claimcheck_toml_wins(tmp_path):
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep) is None or not str(find_config(deep)).startswith(str(tmp_path))
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")  # no table: passed over
    (tmp_path / "a" / "pyproject.toml").write_text("[tool.claimcheck]\nworkers = 1\n", encoding="utf-8")
    assert find_config(deep) == (tmp_path / "a" / "pyproject.toml").resolve()
    (tmp_path / "a" / "claimcheck.toml").write_text("workers = 2\n", encoding="utf-8")
    assert find_config(deep) == (tmp_path / "a" / "claimcheck.toml").resolve()
    (deep / "claimcheck.toml").write_text("workers = 3\n", encoding="utf-8")
    assert load_config(find_config(deep)).options.workers == 3


def test_every_key_reaches_the_options(tmp_path):
    path = tmp_path / "claimcheck.toml"
    path.write_text("""
select = ["value-conflict", "CC201"]
ignore = ["CC201"]
include = ["news/*"]
exclude = ["news/draft-*"]
min_dup_length = 80
dup-similarity = 0.9
boilerplate-docs = 7
workers = 2
fail-on = "warning"
baseline = "ci/baseline.json"
[tolerances]
"技术合同成交额" = 0.005
[[suppress]]
fingerprint = "0123456789abcdef0123"
reason = "plain-text article; figure confirmed by the bureau"
rule = "value-conflict"
""", encoding="utf-8")
    cfg = load_config(path)
    o = cfg.options
    assert (o.select, o.ignore, o.include, o.exclude) == (("value-conflict", "CC201"), ("CC201",), ("news/*",),
                                                          ("news/draft-*",))
    assert (o.min_dup_length, o.dup_similarity, o.boilerplate_docs, o.workers) == (80, 0.9, 7, 2)
    assert o.tolerances == {"技术合同成交额": 0.005}
    assert cfg.fail_on == "warning" and cfg.baseline == tmp_path / "ci" / "baseline.json"
    assert cfg.suppressions[0].rule == "CC101" and cfg.suppressions[0].reason.startswith("plain-text")


def test_config_command_prints_the_effective_settings(tmp_path):
    (tmp_path / "claimcheck.toml").write_text('ignore = ["CC202"]\n[tolerances]\n\"高企\" = 0.01\n', encoding="utf-8")
    code, out, _ = run_cli(["config"], tmp_path)
    assert code == 0
    assert "claimcheck.toml" in out.splitlines()[0]
    printed = tomllib.loads(out)  # the output is itself a valid config
    assert printed["ignore"] == ["CC202"] and printed["min-dup-length"] == 50 and printed["tolerances"] == {"高企": 0.01}
    code, out, _ = run_cli(["config", "--no-config"], tmp_path)
    assert code == 0 and "none (defaults)" in out and tomllib.loads(out)["ignore"] == []
    assert run_cli(["config", "--config", "missing.toml"], tmp_path)[0] == 2


def test_config_applies_and_command_line_wins(tmp_path, monkeypatch):
    install_stub(monkeypatch)
    write_corpus(tmp_path / "arts", CONFLICT)
    (tmp_path / "claimcheck.toml").write_text('ignore = ["CC101"]\n', encoding="utf-8")
    assert run_cli(["arts"], tmp_path)[0] == 0  # ignored by the config
    assert run_cli(["arts", "--no-config"], tmp_path)[0] == 1
    assert run_cli(["arts", "--ignore", "CC202"], tmp_path)[0] == 1  # --ignore replaces the config's list
    (tmp_path / "other.toml").write_text('fail-on = "error"\nexclude = ["b.txt"]\n', encoding="utf-8")
    assert run_cli(["arts", "--config", "other.toml"], tmp_path)[0] == 0  # b.txt excluded: no conflict
    assert run_cli(["arts", "--config", "other.toml", "--no-config"], tmp_path)[0] == 2


def test_readme_config_example_is_valid(tmp_path):
    """The [tool.claimcheck] example of the README's "Use in CI" section loads without error."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Use in CI"):]
    block = section[section.index("```toml\n") + 8:]
    block = block[:block.index("```")]
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    cfg = load_config(tmp_path / "pyproject.toml")
    assert cfg.options.ignore == ("boilerplate-passage",) and cfg.suppressions[0].reason
