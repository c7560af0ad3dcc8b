"""The evaluation corpus (``tests/fixtures/eval/``, editor labels in ``labels.json``) keeps its scores.

``benchmarks/eval_claims.py`` prints the table; this test holds the floor: no false alarm, no false
grouping, and at least the groups and conflicts found when the figures in docs/claims.md were taken.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from eval_claims import EVAL, score_folder  # noqa: E402

# folder -> (conflicts found, groups reproduced exactly), as measured; raise them when you do better.
FLOORS = {
    "baotou_2024": (1, 9),
    "chifeng_ordos": (1, 11),
    "henan_2023": (1, 8),
    "hohhot_districts": (1, 7),
    "hospital_university": (1, 6),
    "press_releases": (1, 5),
    "shanxi_2023": (1, 12),
}
FOLDERS = sorted(p.name for p in EVAL.iterdir() if (p / "labels.json").is_file())


def test_every_folder_has_a_floor() -> None:
    assert FOLDERS == sorted(FLOORS)


@pytest.mark.parametrize("folder", FOLDERS)
def test_scores_hold(folder: str) -> None:
    s = score_folder(EVAL / folder)
    assert s.true_findings == s.findings, [p for p in s.problems if p.startswith("false alarm")]
    assert s.false_groupings == 0, [p for p in s.problems if p.startswith("false grouping")]
    conflicts, groups = FLOORS[folder]
    assert s.found_conflicts >= conflicts, s.problems
    assert s.exact_groups >= groups, s.problems
