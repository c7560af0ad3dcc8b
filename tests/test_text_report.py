"""The terminal report on the seeds: conflicts first, places, readings, no colour off a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from claimcheck.codes import rules
from claimcheck.engine import Run, run
from claimcheck.options import Options
from claimcheck.report.text import render_text

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seeds_run() -> Run:
    return run([str(SEEDS)], Options(select=tuple(c for c in rules() if c.startswith("CC1"))))


def _render(r: Run, verbose: bool = False) -> str:
    buffer = io.StringIO()
    render_text(r, Console(file=buffer, width=100, color_system=None, highlight=False), verbose=verbose)
    return buffer.getvalue()


def test_conflict_shows_places_readings_and_periods(seeds_run: Run) -> None:
    out = _render(seeds_run)
    assert out.startswith("✖ CC101 error")
    assert "seeds/001_b0bbc6f41759bae2.txt:17:" in out.replace("\\", "/")
    assert "600 < x < 700" in out and "x = 609" in out and "2025年" in out
    assert "\x1b[" not in out  # no colour codes off a terminal
    assert out.rstrip().splitlines()[-1].startswith(
        "5 documents, 192 claims, 10 groups, 4 conflicts, 0 duplicated passages, ")


def test_lines_fit_in_100_columns(seeds_run: Run) -> None:
    from rich.cells import cell_len

    assert all(cell_len(line.rstrip()) <= 100 for line in _render(seeds_run, verbose=True).splitlines())


def test_verbose_adds_agreeing_groups(seeds_run: Run) -> None:
    plain, verbose = _render(seeds_run), _render(seeds_run, verbose=True)
    assert "consistent" not in plain
    assert "consistent" in verbose and "算力总规模" in verbose and "timeline" in verbose


def _render_tty(r: Run) -> str:
    buffer = io.StringIO()
    render_text(r, Console(file=buffer, width=100, force_terminal=True, color_system="standard"))
    return buffer.getvalue()


def test_colour_on_a_terminal_and_none_with_no_color(seeds_run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert "\x1b[" in _render_tty(seeds_run)
    monkeypatch.setenv("NO_COLOR", "1")
    coloured = _render_tty(seeds_run)
    assert "\x1b[3" not in coloured and "\x1b[9" not in coloured  # no foreground colours
