"""Score duplicate findings against the generator's ground truth (IoU >= 0.8 on both spans).

A reported ``duplicate`` pair matches a planted pair when each of its two spans overlaps the
corresponding planted span (in either order) with intersection-over-union of at least 0.8.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

__all__ = ["Score", "iou", "score"]

_IOU = 0.8


@dataclass(frozen=True)
class Score:
    planted: int
    reported: int
    matched_planted: int
    matched_reported: int

    @property
    def recall(self) -> float:
        return self.matched_planted / self.planted if self.planted else 1.0

    @property
    def precision(self) -> float:
        return self.matched_reported / self.reported if self.reported else 1.0


def iou(a: tuple[str, int, int], b: tuple[str, int, int]) -> float:
    """Intersection over union of two (doc, start, end) spans; 0 for different documents."""
    if a[0] != b[0]:
        return 0.0
    inter = min(a[2], b[2]) - max(a[1], b[1])
    if inter <= 0:
        return 0.0
    return inter / (max(a[2], b[2]) - min(a[1], b[1]))


def _match(rep: tuple, planted: dict[str, Any]) -> bool:
    pa, pb = tuple(planted["a"]), tuple(planted["b"])
    ra, rb = rep
    return (iou(ra, pa) >= _IOU and iou(rb, pb) >= _IOU) or (iou(ra, pb) >= _IOU and iou(rb, pa) >= _IOU)


def score(reported: list[tuple[tuple[str, int, int], tuple[str, int, int]]], truth: dict[str, Any]) -> tuple[Score, list, list]:
    """Score reported pairs; also returns the missed planted pairs and the unmatched reports."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(truth["pairs"]):
        by_doc[p["a"][0]].append(i)
        by_doc[p["b"][0]].append(i)
    hit_planted: set[int] = set()
    unmatched = []
    for rep in reported:
        cands = set(by_doc.get(rep[0][0], ())) | set(by_doc.get(rep[1][0], ()))
        hits = [i for i in sorted(cands) if _match(rep, truth["pairs"][i])]
        hit_planted.update(hits)
        if not hits:
            unmatched.append(rep)
    missed = [p for i, p in enumerate(truth["pairs"]) if i not in hit_planted]
    s = Score(len(truth["pairs"]), len(reported), len(hit_planted), len(reported) - len(unmatched))
    return s, missed, unmatched
