"""Verification of the duplicate check: runs of seeds become maximal, similarity-checked passages.

For one pair of documents, each run of seeds is extended to the longest exact match around it
and then across single-character edits (a substitution, an insertion or a deletion) when at
least ``_RESUME`` exact characters follow. Runs on nearby diagonals whose gap also looks alike
are merged into one passage (an edited copy), which must then reach ``min_length`` and
``min_similarity`` (rapidfuzz Indel ratio). A passage never overlaps its own copy: inside one
document an overlapping self-match is periodic text, cut at the copy's start or dropped.
All positions here are in matching coordinates.
"""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Indel, Levenshtein

__all__ = ["Passage", "align_edges", "grow_across_edits", "verify_pair"]

_RESUME = 4  # exact characters needed after an edit to keep extending across it
_GAP = 48  # largest gap (matching characters) bridged between two runs of one edited copy
_DRIFT = 8  # largest diagonal shift (net insertions minus deletions) inside one edited copy
_GAP_SIMILARITY = 0.5  # a gap longer than _SMALL_GAP must look at least this alike to be bridged
_SMALL_GAP = 12  # a few clustered edits; the whole passage's similarity is checked afterwards
_EDGE = 32  # window (matching characters) aligned beyond each end of a chain
_EDIT_COST = 2  # an edited character costs two matching ones when deciding how far an edge reaches
_MIN_GAIN = 1  # an edge moves when the alignment beyond it gains anything at all


@dataclass(frozen=True, slots=True)
class Passage:
    """A verified repeat: ``[a0, a1)`` of document ``da`` against ``[b0, b1)`` of ``db``."""

    da: int
    a0: int
    a1: int
    db: int
    b0: int
    b1: int
    similarity: float
    exact: bool


def _exact(sa: str, sb: str, a0: int, a1: int, b0: int, b1: int) -> tuple[int, int, int, int]:
    """Grow ``[a0, a1)`` / ``[b0, b1)`` while the characters on both sides agree.

    Compares 16 characters at a time (string slices compare in C), then one at a time.
    """
    step = 16
    while a0 >= step and b0 >= step and sa[a0 - step:a0] == sb[b0 - step:b0]:
        a0 -= step
        b0 -= step
    while a0 > 0 and b0 > 0 and sa[a0 - 1] == sb[b0 - 1]:
        a0 -= 1
        b0 -= 1
    na, nb = len(sa), len(sb)
    while a1 + step <= na and b1 + step <= nb and sa[a1:a1 + step] == sb[b1:b1 + step]:
        a1 += step
        b1 += step
    while a1 < na and b1 < nb and sa[a1] == sb[b1]:
        a1 += 1
        b1 += 1
    return a0, a1, b0, b1


def grow_across_edits(sa: str, sb: str, a0: int, a1: int, b0: int, b1: int) -> tuple[int, int, int, int]:
    """Extend an exact match across isolated one-character edits on both ends."""
    a0, a1, b0, b1 = _exact(sa, sb, a0, a1, b0, b1)
    while True:  # right end: skip (1, 1) substitution, (1, 0) or (0, 1) insertion/deletion
        for sx, sy in ((1, 1), (1, 0), (0, 1)):
            x, y = a1 + sx, b1 + sy
            probe = sa[x:x + _RESUME]
            if len(probe) == _RESUME and probe == sb[y:y + _RESUME]:
                _, a1, _, b1 = _exact(sa, sb, x, x, y, y)
                break
        else:
            break
    while True:  # left end, mirrored
        for sx, sy in ((1, 1), (1, 0), (0, 1)):
            x, y = a0 - sx, b0 - sy
            if x >= _RESUME and y >= _RESUME and sa[x - _RESUME:x] == sb[y - _RESUME:y]:
                a0, _, b0, _ = _exact(sa, sb, x, x, y, y)
                break
        else:
            break
    return a0, a1, b0, b1


def _reach(x: str, y: str) -> tuple[int, int]:
    """How far an edited copy goes on into ``x``/``y`` (both start right after the known match).

    Walks the Levenshtein alignment and stops after the equal block where matches minus
    ``_EDIT_COST`` per edited character peaks (if that peak reaches ``_MIN_GAIN``):
    ``("abXdefg", "abYdefg")`` reaches ``(7, 7)``, ``("Xa", "a")`` stays at ``(0, 0)``.
    """
    score = 0
    best = _MIN_GAIN - 1
    reach = (0, 0)
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(x, y):
        if tag == "equal":
            score += i2 - i1
            if score > best:
                best, reach = score, (i2, j2)
        else:
            score -= _EDIT_COST * max(i2 - i1, j2 - j1)
    return reach


def align_edges(sa: str, sb: str, a0: int, a1: int, b0: int, b1: int) -> tuple[int, int, int, int]:
    """Extend a chain's ends across clustered edits, as far as the alignment keeps paying."""
    while True:
        ra, rb = _reach(sa[a1:a1 + _EDGE], sb[b1:b1 + _EDGE])
        a1, b1 = a1 + ra, b1 + rb
        if ra < _EDGE // 2 and rb < _EDGE // 2:
            break
    while True:
        la, lb = _reach(sa[max(0, a0 - _EDGE):a0][::-1], sb[max(0, b0 - _EDGE):b0][::-1])
        a0, b0 = a0 - la, b0 - lb
        if la < _EDGE // 2 and lb < _EDGE // 2:
            break
    return a0, a1, b0, b1


def _bridgeable(sa: str, sb: str, cur: list[int], nxt: tuple[int, int, int, int]) -> bool:
    """Whether run ``nxt`` continues the chain ``cur`` (same copy, a few edits in between)."""
    a0, a1, b0, b1 = nxt
    if a0 < cur[0] or b0 < cur[2]:
        return False
    if a1 <= cur[1] and b1 <= cur[3]:  # inside the chain already (a shorter run on its diagonal)
        return True
    ga, gb = a0 - cur[1], b0 - cur[3]
    if ga > _GAP or gb > _GAP or abs((b0 - a0) - cur[4]) > _DRIFT:
        return False
    if max(ga, gb) <= _SMALL_GAP:
        return True
    return Indel.normalized_similarity(sa[cur[1]:max(a0, cur[1])], sb[cur[3]:max(b0, cur[3])]) >= _GAP_SIMILARITY


def _chains(sa: str, sb: str, runs: list[tuple[int, int, int, int]]) -> list[list[tuple[int, int, int, int]]]:
    """Group extended runs (sorted) into chains of runs of one edited copy."""
    chains: list[list[tuple[int, int, int, int]]] = []
    cur: list[int] = []
    for run in runs:
        if cur and _bridgeable(sa, sb, cur, run):
            chains[-1].append(run)
            cur = [cur[0], max(cur[1], run[1]), cur[2], max(cur[3], run[3]), run[3] - run[1]]
        else:
            chains.append([run])
            cur = [run[0], run[1], run[2], run[3], run[3] - run[1]]
    return chains


def _unoverlap(a0: int, a1: int, b0: int, b1: int, same: bool, min_length: int) -> list[tuple[int, int, int, int]]:
    """Inside one document, a self-match that overlaps its copy is a passage printed several times.

    With period ``d = b0 - a0`` the region ``[a0, b1)`` holds copies ``a0 + i * d``; each later copy
    is paired with the first: ``[0, 90)`` against ``[30, 120)`` (period 30) gives ``[0, 30)`` against
    ``[30, 60)``, ``[60, 90)`` and ``[90, 120)``. Periods shorter than ``min_length`` give nothing.
    """
    if not same or a1 <= b0:
        return [(a0, a1, b0, b1)]
    d = b0 - a0
    if d < min_length:
        return []
    return [(a0, b0, start, min(b1, start + d)) for start in range(b0, b1, d)]


def _judge(sa: str, sb: str, span: tuple[int, int, int, int], same: bool, min_length: int,
           min_similarity: float) -> list[tuple[int, int, int, int, float, bool]]:
    """The qualifying passages of a candidate span, with similarity and exactness."""
    out = []
    for a0, a1, b0, b1 in _unoverlap(*span, same, min_length):
        if max(a1 - a0, b1 - b0) < min_length:
            continue
        ta, tb = sa[a0:a1], sb[b0:b1]
        if ta == tb:
            out.append((a0, a1, b0, b1, 1.0, True))
        elif (sim := Indel.normalized_similarity(ta, tb)) >= min_similarity:
            out.append((a0, a1, b0, b1, sim, False))
    return out


def _contained(p: tuple, q: tuple) -> bool:
    return q[0] <= p[0] and p[1] <= q[1] and q[2] <= p[2] and p[3] <= q[3]


def verify_pair(da: int, db: int, sa: str, sb: str, runs: list[tuple[int, int, int, int]],
                min_length: int, min_similarity: float) -> list[Passage]:
    """Verified maximal passages between documents ``da`` and ``db`` from their seed runs."""
    same = da == db
    grown = sorted({grow_across_edits(sa, sb, *r) for r in runs})
    found: list[tuple[int, int, int, int, float, bool]] = []
    for chain in _chains(sa, sb, grown):
        span = (chain[0][0], max(r[1] for r in chain), chain[0][2], max(r[3] for r in chain))
        if len(chain) > 1 or span[1] - span[0] < 4 * min_length:  # long exact runs need no alignment
            span = align_edges(sa, sb, *span)
        got = _judge(sa, sb, span, same, min_length, min_similarity)
        if not got and len(chain) > 1:  # a bad bridge: fall back to the runs on their own
            got = [x for r in chain for x in _judge(sa, sb, r, same, min_length, min_similarity)]
        found.extend(got)
    found.sort(key=lambda p: (p[0] - p[1], p[2] - p[3], p))  # longest first, so containers come first
    kept: list[tuple[int, int, int, int, float, bool]] = []
    for p in found:
        if not any(_contained(p, q) for q in kept):
            kept.append(p)
    return [Passage(da, p[0], p[1], db, p[2], p[3], p[4], p[5]) for p in sorted(kept)]
