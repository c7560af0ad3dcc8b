"""The global fingerprint index of the duplicate check: shared fingerprints become seed pairs.

Fingerprints of all documents are sorted once by hash (a packed ``hash | row`` key, so the sort
is a plain integer sort and ties keep (document, offset) order). A hash seen in at least
``boilerplate_docs`` documents is boilerplate: its occurrences go to the boilerplate grouping and
never make pairs. Other repeated hashes pair all their occurrences when there are at most
``_ALL_PAIRS`` of them (a copy is then paired with the one copy that shares its full extent even
when a partial copy sits in between), else each occurrence with the previous one in (document,
offset) order: a chain rather than all pairs, so the number of pairs stays linear. Hashes repeated more than ``cap``
times in fewer documents (periodic text such as a long run of one character) are dropped.
Seed pairs on the same diagonal of the same two documents are then chained into runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

__all__ = ["Seeds", "Runs", "index_fingerprints", "chain_runs"]

_ALL_PAIRS = 4  # a hash seen at most this many times pairs all its occurrences (at most 6 pairs)


@dataclass(frozen=True, slots=True)
class Seeds:
    """Seed pairs (``da``, ``pa``) < (``db``, ``pb``) and boilerplate occurrences (``bh``, ``bd``, ``bp``)."""

    da: "np.ndarray"
    pa: "np.ndarray"
    db: "np.ndarray"
    pb: "np.ndarray"
    bh: "np.ndarray"  # hash key (int64) of each boilerplate occurrence
    bd: "np.ndarray"
    bp: "np.ndarray"


@dataclass(frozen=True, slots=True)
class Runs:
    """Seed pairs chained along one diagonal: ``[a0, a1)`` in ``da`` against ``[b0, b1)`` in ``db``."""

    da: "np.ndarray"
    db: "np.ndarray"
    a0: "np.ndarray"
    a1: "np.ndarray"
    b0: "np.ndarray"
    seeds: "np.ndarray"


def _group_starts(values: "np.ndarray") -> "np.ndarray":
    """Indices where a new value begins in a sorted array (0 first, unless the array is empty)."""
    import numpy as np

    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    return np.flatnonzero(np.concatenate(([True], values[1:] != values[:-1])))


def index_fingerprints(h: "np.ndarray", doc: "np.ndarray", pos: "np.ndarray",
                       boilerplate_docs: int, cap: int) -> Seeds:
    """Sort fingerprints by hash and turn repeated hashes into seed pairs or boilerplate occurrences.

    ``h`` is overwritten (it becomes the sort key), to keep one array of this size in memory.
    """
    import numpy as np

    n = len(h)
    bits = max(1, int(n).bit_length())
    shift = np.uint64(bits)
    key = h  # reused in place: the caller's hashes are consumed
    key >>= shift
    key <<= shift
    key |= np.arange(n, dtype=np.uint64)
    key.sort()
    eq = key[1:] ^ key[:-1]
    eq >>= shift
    same = eq == 0
    del eq
    multi = np.zeros(n, dtype=bool)
    multi[1:] |= same
    multi[:-1] |= same
    del same
    key = key[multi]
    del multi
    hk = key >> shift
    row = (key & np.uint64((1 << bits) - 1)).astype(np.int64)
    d, p = doc[row], pos[row]
    starts = _group_starts(hk)
    sizes = np.diff(np.append(starts, len(hk)))
    new_doc = np.ones(len(hk), dtype=np.int64)
    new_doc[1:] = d[1:] != d[:-1]
    new_doc[starts] = 1
    distinct = np.add.reduceat(new_doc, starts) if len(starts) else new_doc[:0]
    kind = np.where(distinct >= boilerplate_docs, 2, np.where(sizes <= cap, 1, 0))
    row_kind = np.repeat(kind, sizes)
    first = np.repeat(starts, sizes)
    rows = np.arange(len(hk))
    paired = row_kind == 1
    small = np.repeat(sizes <= _ALL_PAIRS, sizes)
    pairs = []
    for back in range(1, _ALL_PAIRS):
        # every occurrence with the previous one; in small groups with every earlier one too
        later = rows[paired & (rows - back >= first) & (small if back > 1 else True)]
        pairs.append((later - back, later))
    f = np.concatenate([x for x, _ in pairs])
    later = np.concatenate([y for _, y in pairs])
    boiler = row_kind == 2
    return Seeds(d[f], p[f], d[later], p[later], hk[boiler].astype(np.int64), d[boiler], p[boiler])


def chain_runs(seeds: Seeds, k: int, gap: int, min_seeds: int = 1) -> Runs:
    """Chain seed pairs of the same two documents on the same diagonal, ``gap`` apart at most."""
    import numpy as np

    da, pa, db, pb = seeds.da, seeds.pa.astype(np.int64), seeds.db, seeds.pb.astype(np.int64)
    if len(da) == 0:
        return Runs(da, db, pa, pa, pb, pa)
    diag = pb - pa
    order = np.lexsort((pa, diag, db, da))
    da, db, pa, diag = da[order], db[order], pa[order], diag[order]
    brk = np.ones(len(da), dtype=bool)
    brk[1:] = (da[1:] != da[:-1]) | (db[1:] != db[:-1]) | (diag[1:] != diag[:-1]) | (pa[1:] - pa[:-1] > gap)
    starts = np.flatnonzero(brk)
    ends = np.append(starts[1:], len(da)) - 1
    a0 = pa[starts]
    runs = Runs(da[starts], db[starts], a0, pa[ends] + k, a0 + diag[starts], ends - starts + 1)
    return _drop_lone_seeds(runs, min_seeds)


def _drop_lone_seeds(runs: Runs, min_seeds: int) -> Runs:
    """Drop document pairs sharing fewer than ``min_seeds`` seeds: one shared k-gram is chance.

    A repeat of 50 characters shares about five winnowed k-grams when exact and usually two or
    more when edited; Chinese text shares single 8-grams by chance often enough that verifying
    each of them would dominate the run time on large corpora.
    """
    import numpy as np

    if min_seeds <= 1 or len(runs.da) == 0:
        return runs
    new_pair = np.concatenate(([True], (runs.da[1:] != runs.da[:-1]) | (runs.db[1:] != runs.db[:-1])))
    starts = np.flatnonzero(new_pair)
    total = np.add.reduceat(runs.seeds, starts)
    keep = np.repeat(total >= min_seeds, np.diff(np.append(starts, len(runs.da))))
    return Runs(*(getattr(runs, f)[keep] for f in ("da", "db", "a0", "a1", "b0", "seeds")))
