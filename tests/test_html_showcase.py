"""The committed showcase ``reports/seeds.html`` is what the README's command writes today, byte for byte."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
SHOWCASE = ROOT / "reports" / "seeds.html"
COMMAND = "claimcheck seeds/ --html reports/seeds.html"


def _render(target: Path) -> bytes:
    """Run the README's command with the report going to ``target`` instead."""
    args = COMMAND.split()[1:]
    args[args.index("reports/seeds.html")] = str(target)
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, 1), f"`{COMMAND}` failed with exit status {exc.code}"
    return target.read_bytes()


def test_readme_gives_the_command_that_regenerates_the_showcase() -> None:
    assert COMMAND in (ROOT / "README.md").read_text("utf-8")


def test_committed_showcase_is_up_to_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert SHOWCASE.exists(), f"reports/seeds.html is missing: run `{COMMAND}`"
    fresh = _render(tmp_path / "seeds.html")
    assert fresh == SHOWCASE.read_bytes(), f"reports/seeds.html is stale: run `{COMMAND}` and commit it"


def test_report_bytes_do_not_depend_on_the_hash_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    here = _render(tmp_path / "here.html")
    there = tmp_path / "there.html"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    code = "import sys; from claimcheck.cli import main; main(sys.argv[1:])"
    proc = subprocess.run([sys.executable, "-c", code, "seeds/", "--html", str(there)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode in (0, 1), proc.stderr
    assert there.read_bytes() == here
