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
Small inputs run in-process (no pool start-up); the output is the same whatever the worker count.
"""

from __future__ import annotations

import hashlib
import logging
import mmap
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..model import CheckResult, Document, Span
from .dup_text import K, W, fingerprints, match_codes, match_texts
from .dup_verify import Passage, align_edges, grow_across_edits, verify_pair

__all__ = ["DuplicateParams", "find_duplicates"]

_GAP = 48  # seeds on one diagonal further apart than this start a new run
_MIN_SEEDS = 2  # seeds two documents must share before their runs are verified
_CHUNK_CHARS = 120_000  # characters per hashing batch: small enough for the arrays to stay in cache
_FOLD_DOCS = 96  # documents folded together when verifying
_PARALLEL_CHARS = 3_000_000  # below this many characters, one process is faster than a pool
_TEXTS: list[str] = []  # the documents' texts, inherited by forked workers
_OUT: tuple[Any, ...] = ()  # fingerprint arrays the workers write into (shared memory when forked)
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


def _digest(text: str) -> str:
    """A stable digest of a normalised passage (never ``hash()``, which is salted per process)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def _hash_chunk(task: tuple[int, int, int]) -> int:
    """Fingerprint documents ``lo:hi`` into the shared output arrays at ``at``; returns how many."""
    lo, hi, at = task
    h, d, p = fingerprints(*match_codes(_TEXTS[lo:hi]))
    n = len(h)
    out_h, out_d, out_p = _OUT
    out_h[at:at + n], out_d[at:at + n], out_p[at:at + n] = h, d + lo, p
    return n


def _verify_chunk(task: tuple[Any, ...]) -> list[tuple]:
    """Verify the runs of a chunk of document pairs; returns passages in original offsets."""
    import numpy as np

    da, db, a0, a1, b0, min_length, min_similarity = task
    local = _folded(_TEXTS, np.unique(np.concatenate([da, db])).tolist())
    out: list[tuple] = []
    starts = np.flatnonzero(np.concatenate(([True], (da[1:] != da[:-1]) | (db[1:] != db[:-1]))))
    ends = np.append(starts[1:], len(da))
    for s, e in zip(starts.tolist(), ends.tolist()):
        x, y = int(da[s]), int(db[s])
        (sa, oa), (sb, ob) = local[x], local[y]
        runs = [(p, q, r, r + q - p) for p, q, r in zip(a0[s:e].tolist(), a1[s:e].tolist(), b0[s:e].tolist())]
        for ps in verify_pair(x, y, sa, sb, runs, min_length, min_similarity):
            out.append(_to_original(ps, sa, oa, sb, ob))
    return out


def _folded(texts: Sequence[str], ids: list[int]) -> dict[int, tuple[str, Any]]:
    """Matching text and original offsets of the documents ``ids``, folded in cache-sized batches."""
    out: dict[int, tuple[str, Any]] = {}
    for lo in range(0, len(ids), _FOLD_DOCS):
        batch = ids[lo:lo + _FOLD_DOCS]
        mt = match_texts([texts[i] for i in batch])
        out.update((d, mt.doc(j)) for j, d in enumerate(batch))
    return out


def _to_original(p: Passage, sa: str, oa: Any, sb: str, ob: Any) -> tuple:
    ta, tb = sa[p.a0:p.a1], sb[p.b0:p.b1]
    return (p.da, int(oa[p.a0]), int(oa[p.a1 - 1]) + 1, p.db, int(ob[p.b0]), int(ob[p.b1 - 1]) + 1,
            len(ta), len(tb), p.similarity, p.exact, _digest(ta), _digest(tb))


def _workers(requested: int, total_chars: int) -> int:
    if requested > 0:
        return requested
    if total_chars < _PARALLEL_CHARS:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def _output(size: int, shared: bool) -> tuple[Any, Any, Any]:
    """Room for ``size`` fingerprints (hash, doc, pos); in anonymous shared memory for workers.

    Workers write their fingerprints straight into it: sending 27 M fingerprints back through
    pipes cost more than computing them. Untouched pages are never materialised.
    """
    import numpy as np

    size = max(1, size)
    if not shared:
        return np.empty(size, np.uint64), np.empty(size, np.int32), np.empty(size, np.int32)
    buf = mmap.mmap(-1, size * 16)
    return (np.frombuffer(buf, np.uint64, size, 0), np.frombuffer(buf, np.int32, size, size * 8),
            np.frombuffer(buf, np.int32, size, size * 12))


@contextmanager
def _mapper(texts: list[str], out: tuple[Any, Any, Any], n: int) -> Iterator[Any]:
    """An ordered ``map`` over worker processes (forked, sharing ``texts`` and ``out``), or the builtin one."""
    global _TEXTS, _OUT
    _TEXTS, _OUT = texts, out
    try:
        if n <= 1:
            yield map
            return
        with multiprocessing.get_context("fork").Pool(n) as pool:
            yield lambda f, tasks: pool.imap(f, tasks, chunksize=max(1, len(tasks) // (8 * n)))
    finally:
        _TEXTS, _OUT = [], ()


def _hash_tasks(texts: list[str], size: int) -> list[tuple[int, int, int]]:
    """Batches ``(lo, hi, at)`` of about ``size`` characters; ``at`` = characters before the batch.

    A batch has at most as many fingerprints as characters, so ``at`` is a safe place to write.
    """
    tasks, lo, acc, at = [], 0, 0, 0
    for i, t in enumerate(texts):
        acc += len(t)
        if acc >= size:
            tasks.append((lo, i + 1, at))
            lo, at, acc = i + 1, at + acc, 0
    if lo < len(texts):
        tasks.append((lo, len(texts), at))
    return tasks


def _compact(out: tuple[Any, Any, Any], tasks: list[tuple[int, int, int]], counts: list[int]) -> tuple[Any, Any, Any]:
    """Move each batch's fingerprints to follow the previous batch's, in place."""
    h, d, p = out
    n = 0
    for (_, _, at), count in zip(tasks, counts):
        if at != n:
            for a in (h, d, p):
                a[n:n + count] = a[at:at + count].copy()
        n += count
    return h[:n], d[:n], p[:n]


def _verify_tasks(runs: Any, n_tasks: int, params: DuplicateParams) -> list[tuple[Any, ...]]:
    """Split runs (sorted by document pair) into about ``n_tasks`` slices on document-pair borders."""
    import numpy as np

    n = len(runs.da)
    cuts = [0]
    for i in range(1, n_tasks):
        c = n * i // n_tasks
        while 0 < c < n and runs.da[c] == runs.da[c - 1] and runs.db[c] == runs.db[c - 1]:
            c += 1
        if c > cuts[-1] and c < n:
            cuts.append(c)
    cuts.append(n)
    return [(runs.da[s:e], runs.db[s:e], runs.a0[s:e], runs.a1[s:e], runs.b0[s:e],
             params.min_length, params.min_similarity) for s, e in zip(cuts, cuts[1:]) if e > s]


def find_duplicates(docs: Sequence[Document], params: DuplicateParams = DuplicateParams()) -> list[CheckResult]:
    """Every passage of at least ``min_length`` matching characters repeated within or across documents."""
    from .dup_index import chain_runs, index_fingerprints

    docs = sorted(docs, key=lambda d: d.id)
    texts = [d.text for d in docs]
    total = sum(map(len, texts))
    n = _workers(params.workers, total)
    if "fork" not in multiprocessing.get_all_start_methods() or multiprocessing.current_process().daemon:
        n = 1  # workers share the texts and the output by forking; a daemon may not have children
    clock = _Clock(n)
    out = _output(total, shared=n > 1)
    tasks = _hash_tasks(texts, _CHUNK_CHARS)
    with _mapper(texts, out, n) as pmap:
        h, d, p = _compact(out, tasks, list(pmap(_hash_chunk, tasks)))
        del out
        clock.lap("hash", len(h))
        cap = max(64, 8 * params.boilerplate_docs)
        seeds = index_fingerprints(h, d, p, params.boilerplate_docs, cap)
        del h, d, p
        clock.lap("index", len(seeds.da))
        runs = chain_runs(seeds, K, _GAP, _MIN_SEEDS)
        clock.lap("chain", len(runs.da))
        found = [x for chunk in pmap(_verify_chunk, _verify_tasks(runs, 4 * n, params)) for x in chunk]
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
        identity=("boilerplate", _digest(text)),
    )


def _boilerplate(docs: list[Document], seeds: Any, params: DuplicateParams) -> list[CheckResult]:
    """One result per boilerplate passage, with every place it occurs."""
    from .dup_boiler import boilerplate_groups

    groups = boilerplate_groups(seeds.bh, seeds.bd, seeds.bp, K, W, params.min_length)
    if not groups:
        return []
    local = _folded([d.text for d in docs], sorted({occ[0] for g in groups for occ in g}))
    out = []
    for group in groups:
        result = _boilerplate_result(docs, group, local, params)
        if result is not None:
            out.append(result)
    return sorted(out, key=lambda r: r.spans)
