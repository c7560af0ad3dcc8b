"""Duplicate-passage check: passages repeated within or across documents, exact or edited.

Pipeline (positions in matching coordinates until the very end, see ``dup_text``):
1. per chunk of documents, in worker processes for large inputs: fold the text, hash every
   k-gram, winnow (``dup_text``);
2. one global sort of the fingerprints: repeated hashes become seed pairs, hashes found in many
   documents become boilerplate occurrences, over-repeated hashes are dropped (``dup_index``);
3. seed pairs chain along diagonals into runs (``dup_index``);
4. per pair of documents, in workers: runs grow into maximal exact matches, merge across edits
   and pass a similarity check (``dup_verify``); boilerplate groups likewise (``dup_boiler``);
5. back to original offsets, sorted results.
Workers and their shared memory live in ``dup_pool``. Small inputs run in-process (no pool
start-up); the output is the same whatever the worker count.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..model import CheckResult, Document, Span
from .dup_pool import CHUNK_CHARS, compact, digest, folded, hash_chunk, hash_tasks, mapper, output, verify_chunk
from .dup_pool import verify_tasks, workers
from .dup_text import K, W
from .dup_verify import align_edges, grow_across_edits

__all__ = ["DuplicateParams", "find_duplicates"]

_GAP = 48  # seeds on one diagonal further apart than this start a new run
_MIN_SEEDS = 2  # seeds two documents must share before their runs are verified
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DuplicateParams:
    """Parameters of the duplicate check.

    ``min_length`` counts matching characters (letters and digits after folding); exact repeats
    of 15 or more always share a fingerprint, so values below that miss some repeats.
    ``min_similarity``: Indel ratio (0..1) an edited copy must reach. ``boilerplate_docs``: a
    passage found in at least this many documents is boilerplate, reported once with its count.
    ``workers``: processes to use, 0 = as many as there are cores (and one for small inputs).
    """

    min_length: int = 50
    min_similarity: float = 0.85
    boilerplate_docs: int = 5
    workers: int = 0


def find_duplicates(docs: Sequence[Document], params: DuplicateParams = DuplicateParams()) -> list[CheckResult]:
    """Every passage of at least ``min_length`` matching characters repeated within or across documents."""
    from .dup_index import chain_runs, index_fingerprints

    docs = sorted(docs, key=lambda d: d.id)
    texts = [d.text for d in docs]
    total = sum(map(len, texts))
    n = workers(params.workers, total)
    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        n = 1  # workers share the texts and the output by forking; a daemon may not have children
    clock = _Clock(n)
    out = output(total, shared=n > 1)
    tasks = hash_tasks(texts, CHUNK_CHARS)
    with mapper(texts, out, n) as pmap:
        h, d, p = compact(out, tasks, list(pmap(hash_chunk, tasks)))
        del out
        clock.lap("hash", len(h))
        cap = max(64, 8 * params.boilerplate_docs)
        seeds = index_fingerprints(h, d, p, params.boilerplate_docs, cap)
        del h, d, p
        clock.lap("index", len(seeds.da))
        runs = chain_runs(seeds, K, _GAP, _MIN_SEEDS)
        clock.lap("chain", len(runs.da))
        slices = verify_tasks(runs, 4 * n, params.min_length, params.min_similarity)
        found = [x for chunk in pmap(verify_chunk, slices) for x in chunk]
        clock.lap("verify", len(found))
    boiler = _boilerplate(docs, seeds, params)
    clock.lap("boilerplate", len(boiler))
    pairs = [_pair_result(docs, f) for f in _one_per_copy(found)]
    return _outside_boilerplate(pairs, boiler) + boiler


def _one_per_copy(found: list[tuple]) -> list[tuple]:
    """Keep one pair per later copy: the longest, most similar, earliest (P1-P2, P1-P3, not P2-P3 too)."""
    best: dict[tuple, tuple] = {}
    for f in sorted(found, key=lambda f: (-max(f[6], f[7]), -f[8], f)):
        best.setdefault((f[3], f[4], f[5]), f)
    return sorted(best.values())


class _Clock:
    """Phase timings, logged at debug level (``benchmarks/bench_duplicates.py -v`` shows them)."""

    def __init__(self, workers: int) -> None:
        self.t = time.perf_counter()
        _log.debug("duplicates: %d worker(s)", workers)

    def lap(self, phase: str, count: int) -> None:
        now = time.perf_counter()
        _log.debug("duplicates: %-11s %6.2f s  (%d)", phase, now - self.t, count)
        self.t = now


def _outside_boilerplate(pairs: list[CheckResult], boiler: list[CheckResult]) -> list[CheckResult]:
    """Drop pairs that are mostly boilerplate on both sides (the edges of a footer, say)."""
    covered: dict[str, list[Span]] = {}
    for b in boiler:
        for s in b.spans:
            covered.setdefault(s.doc, []).append(s)

    def share(span: Span) -> float:
        inside = sum(max(0, min(span.end, c.end) - max(span.start, c.start)) for c in covered.get(span.doc, ()))
        return inside / max(1, span.end - span.start)

    return [p for p in pairs if not all(share(s) >= 0.5 for s in p.spans)]


def _pair_result(docs: list[Document], f: tuple) -> CheckResult:
    da, sa, ea, db, sb, eb, la, lb, sim, exact, ha, hb = f
    a, b = docs[da], docs[db]
    how = "identical" if exact else f"{int(sim * 100)}% similar"
    where = f"repeated in {b.path}" if da == db else f"from {a.path} repeated in {b.path}"
    return CheckResult(
        kind="duplicate",
        message=f"passage of {la} characters {where} ({how})",
        spans=(Span(a.id, sa, ea), Span(b.id, sb, eb)),
        evidence={"length": la, "other_length": lb, "similarity": round(sim, 4), "exact": exact},
        identity=("duplicate", ha, hb, a.id, b.id),
    )


def _boilerplate_result(docs: list[Document], group: list[tuple[int, int, int, int]], local: dict[int, Any],
                        params: DuplicateParams) -> CheckResult | None:
    """One boilerplate passage: each occurrence aligned with the first one on the shared anchor k-gram."""
    from rapidfuzz.distance import Indel

    rd, _, _, ranchor = group[0]
    sr, orr = local[rd]
    anchor_text = sr[ranchor:ranchor + K]
    spans, sims, rep_spans = [], [], Counter()
    for d, _, _, anchor in group[1:]:
        sx, ox = local[d]
        if sx[anchor:anchor + K] != anchor_text:  # a hash collision, not the same passage
            continue
        a0, a1, b0, b1 = align_edges(sx, sr, *grow_across_edits(sx, sr, anchor, anchor + K, ranchor, ranchor + K))
        if a1 - a0 < params.min_length:
            continue
        sim = Indel.normalized_similarity(sx[a0:a1], sr[b0:b1])
        if sim < params.min_similarity:
            continue
        spans.append(Span(docs[d].id, int(ox[a0]), int(ox[a1 - 1]) + 1))
        sims.append(sim)
        rep_spans[(b0, b1)] += 1
    if not spans:
        return None
    (b0, b1), _ = max(rep_spans.items(), key=lambda kv: (kv[1], kv[0][1] - kv[0][0], kv[0]))
    spans.append(Span(docs[rd].id, int(orr[b0]), int(orr[b1 - 1]) + 1))
    n_docs = len({s.doc for s in spans})
    if n_docs < params.boilerplate_docs:
        return None
    text = sr[b0:b1]
    return CheckResult(
        kind="boilerplate",
        message=f"boilerplate passage of {len(text)} characters found in {n_docs} documents",
        spans=tuple(sorted(spans)),
        evidence={"length": len(text), "documents": n_docs, "occurrences": len(spans),
                  "similarity": round(min(sims), 4), "exact": min(sims) == 1.0},
        identity=("boilerplate", digest(text)),
    )


def _boilerplate(docs: list[Document], seeds: Any, params: DuplicateParams) -> list[CheckResult]:
    """One result per boilerplate passage, with every place it occurs."""
    from .dup_boiler import boilerplate_groups

    groups = boilerplate_groups(seeds.bh, seeds.bd, seeds.bp, K, W, params.min_length)
    if not groups:
        return []
    local = folded([d.text for d in docs], sorted({occ[0] for g in groups for occ in g}))
    out = []
    for group in groups:
        result = _boilerplate_result(docs, group, local, params)
        if result is not None:
            out.append(result)
    return sorted(out, key=lambda r: r.spans)
