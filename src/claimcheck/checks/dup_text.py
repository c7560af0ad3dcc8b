"""Matching text for the duplicate check: folded code points, k-gram hashes and winnowed fingerprints.

The matching text of a document keeps only letters and digits (CJK ideographs included) after
``normalize``'s folds, lower-cased: ``"６０１家，\u3000共 A"`` matches as ``"601家共a"``. Every kept
code point remembers its offset in the original text, so a passage found in matching
coordinates maps back exactly. Hashes are a polynomial over code points in wrapping uint64
arithmetic (numpy, vectorised), so they are the same in every process, run and hash seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..normalize import normalize

if TYPE_CHECKING:
    import numpy as np

__all__ = ["MatchText", "fold_table", "match_codes", "match_texts", "fingerprints", "K", "W"]

K = 8  # k-gram length in matching characters: long enough that Chinese 8-grams are mostly specific
W = 8  # winnowing window: any common run of K + W - 1 = 15 matching characters shares a fingerprint
_BASE = 0x100000001B3  # odd multiplier of the rolling polynomial (FNV prime; any odd 64-bit works)
_MIX = 0x9E3779B97F4A7C15  # odd constant for the final mix, so minima are not biased to low code points


@lru_cache(maxsize=1)
def fold_table() -> "np.ndarray":
    """Matching code point of every BMP code point (0 = not matched), derived from ``normalize``."""
    import numpy as np

    cps = np.array([c for c in range(0x10000) if not 0xD800 <= c < 0xE000], dtype=np.uint32)
    norm = normalize(cps.tobytes().decode("utf-32-le"))
    where = cps if norm.to_original is None else cps[np.asarray(norm.to_original[:-1])]
    lowered = [c if (low := c.lower()) == c or len(low) != 1 else low for c in norm.text]
    codes = np.frombuffer("".join(lowered).encode("utf-32-le"), dtype=np.uint32)
    alnum = np.array([c.isalnum() for c in norm.text], dtype=bool)
    table = np.zeros(0x10000, dtype=np.uint32)
    table[where[alnum]] = codes[alnum]
    return table


@dataclass(frozen=True, slots=True)
class MatchText:
    """Matching code points of a batch of documents, with their original offsets.

    ``codes[bounds[d]:bounds[d + 1]]`` is document ``d``'s matching text and ``orig`` the offset of
    each of those code points in that document's original text.
    """

    codes: "np.ndarray"  # uint32
    orig: "np.ndarray"  # int32, offset in the document's original text
    bounds: "np.ndarray"  # int64, len(docs) + 1

    def doc(self, d: int) -> tuple[str, "np.ndarray"]:
        """Matching text of document ``d`` as a str, and its original offsets."""
        lo, hi = int(self.bounds[d]), int(self.bounds[d + 1])
        return self.codes[lo:hi].tobytes().decode("utf-32-le"), self.orig[lo:hi]


def _fold_astral(cp: int) -> int:
    """Matching code point of a code point outside the BMP: letters and digits only (𠮷 yes, 😀 no)."""
    ch = chr(cp)
    if not ch.isalnum():
        return 0
    low = ch.lower()
    return ord(low) if len(low) == 1 else cp


def _fold(texts: list[str]) -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
    """Matching code points of the joined texts, the original index of each, and text starts."""
    import numpy as np

    cp = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folded = fold_table()[cp & 0xFFFF]
    astral = np.flatnonzero(cp > 0xFFFF)
    if len(astral):  # outside the BMP (CJK extensions, emoji): rare, so judged one by one
        folded[astral] = [_fold_astral(c) for c in cp[astral].tolist()]
    keep = np.flatnonzero(folded)
    starts = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum([len(t) for t in texts], out=starts[1:])
    return folded[keep], keep, starts


def match_codes(texts: list[str]) -> tuple["np.ndarray", "np.ndarray"]:
    """Matching code points of a batch of texts and the bounds of each text among them."""
    import numpy as np

    codes, keep, starts = _fold(texts)
    return codes, np.searchsorted(keep, starts)


def match_texts(texts: list[str]) -> MatchText:
    """Fold a batch of texts at once (one encode and a few array operations, not a loop per text)."""
    import numpy as np

    codes, keep, starts = _fold(texts)
    bounds = np.searchsorted(keep, starts)
    doc_of = np.repeat(np.arange(len(texts), dtype=np.int64), np.diff(bounds))
    orig = (keep - starts[doc_of]).astype(np.int32)
    return MatchText(codes, orig, bounds)


def _kgram_hashes(codes: "np.ndarray", k: int) -> "np.ndarray":
    """Hash of the k-gram starting at every position (the last k - 1 hashes are partial).

    The polynomial is built by doubling (2-grams, 4-grams, 8-grams), so ``k`` is a power of two:
    three multiply-adds over the array instead of eight.
    """
    import numpy as np

    if k & (k - 1):
        raise ValueError("k must be a power of two")
    n = len(codes)
    h = codes.astype(np.uint64)
    tmp = np.empty(n, dtype=np.uint64)
    span, mult = 1, _BASE
    while span < k:
        np.multiply(h[: n - span], np.uint64(mult), out=tmp[: n - span])
        np.add(tmp[: n - span], h[span:], out=h[: n - span])
        span, mult = 2 * span, mult * mult % (1 << 64)
    np.right_shift(h, np.uint64(29), out=tmp)
    h ^= tmp
    h *= np.uint64(_MIX)
    np.right_shift(h, np.uint64(32), out=tmp)
    h ^= tmp
    return h


def _sliding(a: "np.ndarray", w: int, op: "np.ufunc") -> "np.ndarray":
    """``op`` over every window of ``w`` items starting at each index, by doubling (log2(w) passes).

    The result has the length of ``a``; windows that run past the end see only what exists.
    """
    out, tmp = a.copy(), a.copy()
    span = 1
    while span < w:
        step = min(span, w - span)
        op(out[:-step], out[step:], out=tmp[:-step])
        out, tmp = tmp, out
        out[-step:] = tmp[-step:]
        span += step
    return out


def fingerprints(codes: "np.ndarray", bounds: "np.ndarray", k: int = K, w: int = W
                 ) -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
    """Winnowed fingerprints ``(hash, doc, pos)`` in (doc, pos) order; pos in matching coordinates.

    A k-gram is kept when it is the minimum of some window of ``w`` k-grams lying inside one
    document (ties keep every minimum), so a document's fingerprints depend on its own text alone.
    """
    import numpy as np

    n = len(codes)
    if n < k + w - 1:
        return np.empty(0, np.uint64), np.empty(0, np.int32), np.empty(0, np.int32)
    h = _kgram_hashes(codes, k)
    key = (h >> np.uint64(32)).astype(np.uint32)  # winnow on 32 bits: half the memory traffic
    key |= np.uint32(1)  # 0 is reserved for "no window"
    window_min = np.zeros(n + w - 1, dtype=np.uint32)  # w - 1 leading zeros: see below
    window_min[w - 1:] = _sliding(key, w, np.minimum)
    # a window needs w + k - 1 characters of its own document: mark the starts that lack them
    ends = bounds[1:][np.diff(bounds) > 0]
    short = (ends[:, None] - np.arange(1, w + k - 1)[None, :]).ravel()
    window_min[w - 1 + short[short >= 0]] = 0
    # best[i]: the largest minimum among the windows containing i (starts i - w + 1 .. i)
    best = _sliding(window_min, w, np.maximum)[:n]
    pick = np.flatnonzero(best == key)
    doc_of = np.searchsorted(bounds, pick, side="right") - 1
    return h[pick], doc_of.astype(np.int32), (pick - bounds[doc_of]).astype(np.int32)
