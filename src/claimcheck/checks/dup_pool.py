"""Worker processes of the duplicate check: forked workers share the texts and write into shared memory.

Hashing runs in batches of about ``CHUNK_CHARS`` characters; each batch writes its fingerprints
straight into arrays in anonymous shared memory (sending 27 M fingerprints back through pipes cost
more than computing them), at an offset no other batch uses. Verification runs in slices of
document pairs and returns small tuples. Small inputs use the same functions in-process.
"""

from __future__ import annotations

import hashlib
import mmap
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from .dup_text import fingerprints, match_codes, match_texts
from .dup_verify import Passage, verify_pair

__all__ = ["CHUNK_CHARS", "compact", "digest", "folded", "hash_chunk", "hash_tasks", "mapper", "output",
           "verify_chunk", "verify_tasks", "workers"]

CHUNK_CHARS = 120_000  # characters per hashing batch: small enough for the arrays to stay in cache
_FOLD_DOCS = 96  # documents folded together when verifying
_PARALLEL_CHARS = 3_000_000  # below this many characters, one process is faster than a pool
_TEXTS: Sequence[str] = ()  # the documents' texts, inherited by forked workers
_OUT: tuple[Any, ...] = ()  # fingerprint arrays the workers write into (shared memory when forked)


def digest(text: str) -> str:
    """A stable digest of a normalised passage (never ``hash()``, which is salted per process)."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def hash_chunk(task: tuple[int, int, int]) -> int:
    """Fingerprint documents ``lo:hi`` into the shared output arrays at ``at``; returns how many."""
    lo, hi, at = task
    h, d, p = fingerprints(*match_codes(_TEXTS[lo:hi]))
    n = len(h)
    out_h, out_d, out_p = _OUT
    out_h[at:at + n], out_d[at:at + n], out_p[at:at + n] = h, d + lo, p
    return n


def verify_chunk(task: tuple[Any, ...]) -> list[tuple]:
    """Verify the runs of a chunk of document pairs; returns passages in original offsets."""
    import numpy as np

    da, db, a0, a1, b0, min_length, min_similarity = task
    local = folded(_TEXTS, np.unique(np.concatenate([da, db])).tolist())
    out: list[tuple] = []
    starts = np.flatnonzero(np.concatenate(([True], (da[1:] != da[:-1]) | (db[1:] != db[:-1]))))
    ends = np.append(starts[1:], len(da))
    for s, e in zip(starts.tolist(), ends.tolist()):
        x, y = int(da[s]), int(db[s])
        (sa, oa), (sb, ob) = local[x], local[y]
        runs = [(p, q, r, r + q - p) for p, q, r in zip(a0[s:e].tolist(), a1[s:e].tolist(), b0[s:e].tolist())]
        for ps in verify_pair(x, y, sa, sb, runs, min_length, min_similarity):
            out.append(to_original(ps, sa, oa, sb, ob))
    return out


def folded(texts: Sequence[str], ids: list[int]) -> dict[int, tuple[str, Any]]:
    """Matching text and original offsets of the documents ``ids``, folded in cache-sized batches."""
    out: dict[int, tuple[str, Any]] = {}
    for lo in range(0, len(ids), _FOLD_DOCS):
        batch = ids[lo:lo + _FOLD_DOCS]
        mt = match_texts([texts[i] for i in batch])
        out.update((d, mt.doc(j)) for j, d in enumerate(batch))
    return out


def to_original(p: Passage, sa: str, oa: Any, sb: str, ob: Any) -> tuple:
    ta, tb = sa[p.a0:p.a1], sb[p.b0:p.b1]
    return (p.da, int(oa[p.a0]), int(oa[p.a1 - 1]) + 1, p.db, int(ob[p.b0]), int(ob[p.b1 - 1]) + 1,
            len(ta), len(tb), p.similarity, p.exact, digest(ta), digest(tb))


def workers(requested: int, total_chars: int) -> int:
    if requested > 0:
        return requested
    if total_chars < _PARALLEL_CHARS:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def output(size: int, shared: bool) -> tuple[Any, Any, Any]:
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
def mapper(texts: Sequence[str], out: tuple[Any, Any, Any], n: int) -> Iterator[Any]:
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
        _TEXTS, _OUT = (), ()


def hash_tasks(texts: list[str], size: int) -> list[tuple[int, int, int]]:
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


def compact(out: tuple[Any, Any, Any], tasks: list[tuple[int, int, int]], counts: list[int]) -> tuple[Any, Any, Any]:
    """Move each batch's fingerprints to follow the previous batch's, in place."""
    h, d, p = out
    n = 0
    for (_, _, at), count in zip(tasks, counts):
        if at != n:
            for a in (h, d, p):
                a[n:n + count] = a[at:at + count].copy()
        n += count
    return h[:n], d[:n], p[:n]


def verify_tasks(runs: Any, n_tasks: int, min_length: int, min_similarity: float) -> list[tuple[Any, ...]]:
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
             min_length, min_similarity) for s, e in zip(cuts, cuts[1:]) if e > s]
