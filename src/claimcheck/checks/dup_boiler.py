"""Boilerplate grouping of the duplicate check: a passage found in many documents, reported once.

The index hands over every occurrence of a fingerprint seen in at least ``boilerplate_docs``
documents. Occurrences close together in one document form a run; runs too short to reach the
minimum length are dropped; runs that share a fingerprint are one passage (connected components,
found by propagating the smallest run label through shared hashes until nothing changes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["boilerplate_groups"]

_GAP = 48  # fingerprints further apart than this (matching characters) start a new run


def _runs(bh: "np.ndarray", bd: "np.ndarray", bp: "np.ndarray", k: int, w: int, min_length: int
          ) -> tuple["np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray", "np.ndarray"]:
    """Runs of fingerprints per document: (run, hash, pos of each kept occurrence; doc, lo, hi of runs)."""
    import numpy as np

    order = np.lexsort((bp, bd))
    bh, bd, bp = bh[order], bd[order], bp[order].astype(np.int64)
    brk = np.ones(len(bd), dtype=bool)
    brk[1:] = (bd[1:] != bd[:-1]) | (bp[1:] - bp[:-1] > _GAP)
    run = np.cumsum(brk) - 1
    starts = np.flatnonzero(brk)
    lo = bp[starts]
    hi = np.maximum.reduceat(bp, starts) + k if len(starts) else lo
    # winnowing leaves at most w - 1 unseen characters at each end of a common passage
    long_enough = (hi - lo) + 2 * (w - 1) >= min_length
    keep = long_enough[run]
    return run[keep], bh[keep], bp[keep], bd[starts], lo, hi


def _components(run: "np.ndarray", h: "np.ndarray") -> "np.ndarray":
    """Smallest run label of the connected component of every run (runs linked by shared hashes)."""
    import numpy as np

    n_runs = int(run.max()) + 1
    label = np.arange(n_runs, dtype=np.int64)
    by_hash = np.lexsort((run, h))
    hs, rs = h[by_hash], run[by_hash]
    starts = np.flatnonzero(np.concatenate(([True], hs[1:] != hs[:-1])))
    sizes = np.diff(np.append(starts, len(hs)))
    while True:
        hash_min = np.minimum.reduceat(label[rs], starts)
        new = label.copy()
        np.minimum.at(new, rs, np.repeat(hash_min, sizes))
        new = new[new]  # pointer jumping: follow labels to their own labels
        if np.array_equal(new, label):
            return label
        label = new


def boilerplate_groups(bh: "np.ndarray", bd: "np.ndarray", bp: "np.ndarray", k: int, w: int,
                       min_length: int) -> list[list[tuple[int, int, int, int]]]:
    """Groups of occurrences ``(doc, lo, hi, anchor)`` of one boilerplate passage each.

    ``lo``/``hi`` bound the run's fingerprints in matching coordinates; ``anchor`` is the position
    in that document of the group's most widespread hash, which aligns the occurrences; runs
    without that hash are left out.
    """
    import numpy as np

    if len(bh) == 0:
        return []
    run, h, pos, docs, lo, hi = _runs(bh, bd, bp, k, w, min_length)
    if len(run) == 0:
        return []
    label = _components(run, h)
    comp = label[run]
    # the anchor: the component's most widespread hash (smallest on ties), found in each run
    order = np.lexsort((h, comp))
    cs, hs = comp[order], h[order]
    starts = np.flatnonzero(np.concatenate(([True], (cs[1:] != cs[:-1]) | (hs[1:] != hs[:-1]))))
    counts = np.diff(np.append(starts, len(cs)))
    best = np.lexsort((hs[starts], -counts, cs[starts]))  # per component: most runs first
    lead = best[np.concatenate(([True], cs[starts][best][1:] != cs[starts][best][:-1]))]
    anchor_hash = np.zeros(len(label), dtype=h.dtype)
    anchor_hash[cs[starts][lead]] = hs[starts][lead]
    at = np.flatnonzero(h == anchor_hash[comp])
    anchors: dict[int, int] = {}
    for r, p in zip(run[at].tolist(), pos[at].tolist()):
        anchors.setdefault(r, p)
    groups: dict[int, list[tuple[int, int, int, int]]] = {}
    for r, p in sorted(anchors.items()):
        groups.setdefault(int(label[r]), []).append((int(docs[r]), int(lo[r]), int(hi[r]), p))
    return [sorted(g) for _, g in sorted(groups.items())]
