"""The project as a new user meets it: Quick start, CI script, version and help."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import claimcheck

ROOT = Path(__file__).resolve().parents[1]


def _quick_start() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```\w*\n(.*?)```", text, re.S)
    assert block, "README has no Quick start code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_quick_start_is_two_commands_install_and_run():
    commands = _quick_start()
    assert len(commands) == 2
    assert "pip install" in commands[0] and "claimcheck seeds/" in commands[0]
    assert "pip install" in commands[1] and "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "sed -n 2p" in script and "README.md" in script


def test_seeds_are_the_five_sample_articles():
    names = sorted(p.name for p in (ROOT / "seeds").iterdir())
    assert len(names) == 5 and all(n.endswith(".txt") for n in names)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=ROOT)


def test_version_and_help():
    out = _cli("--version")
    assert out.returncode == 0 and out.stdout.strip() == f"claimcheck {claimcheck.__version__}"
    helped = _cli("--help")
    assert helped.returncode == 0 and "check" in helped.stdout and "parse" in helped.stdout


def test_unknown_option_is_a_usage_error():
    out = _cli("seeds/", "--no-such-option")
    assert out.returncode == 2


def test_readme_rule_table_lists_every_rule_with_its_severity():
    from claimcheck.codes import rules

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in rules().values():
        assert f"| {rule.code} | {rule.name} | {rule.severity} |" in text, rule.code
