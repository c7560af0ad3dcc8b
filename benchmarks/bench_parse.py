"""Characters per second of whole-text quantity extraction, against chinese2digits and cn2an.

All three read the same news-like text (benchmarks/news_corpus.py: 1,000,000 characters, about
2.7 MB of UTF-8) in the same run, twice: cut into documents of about 12,000 characters (the size of
a seed article; what ``claimcheck check`` does), and as one string (chinese2digits slows down
more than linearly on long strings, so this mode flatters claimcheck more):

- claimcheck: ``find_quantities(text)`` (normalize + scan + intervals, every quantity object built);
- chinese2digits: ``takeNumberFromString(text)`` (needs the ``bench`` extra);
- cn2an: ``transform(text, "cn2an")`` (rewrites Chinese numerals in the text as digits).

Each is timed several times (process CPU time, so that other processes on a shared machine
disturb the figures less); the median is printed in characters per second, with the ratio of
claimcheck to each other library. Per document the runs are interleaved in rounds (claimcheck
``--repeats`` times, then each other library once, ``--others-repeats`` rounds), so that a change
of load on a shared machine falls on both sides of a ratio; the ratio of each round is printed
too. Nothing here is a test: it prints figures, it does not assert.

Usage: python benchmarks/bench_parse.py [--chars 1000000] [--repeats 3] [--others-repeats 3]
       [--whole-repeats 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import build_corpus, split_documents  # noqa: E402


def _timed(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    """Median CPU seconds of ``repeats`` calls, and the last result (caches cleared before each)."""
    from claimcheck.extract.quantity import clear_caches

    times = []
    result = None
    for _ in range(repeats):
        clear_caches()  # no run profits from phrases memoized by the one before
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def _rate(chars: int, seconds: float) -> str:
    return f"{chars / seconds / 1e6:6.2f} M chars/s ({seconds * 1000:8.1f} ms)"


def _interleaved(n: int, ours: Callable[[], object], others: dict[str, Callable[[], object]],
                 repeats: int, rounds: int) -> object:
    """Rounds of ``repeats`` timed runs of ours then one of each other; print medians and ratios.

    Returns the last result of ours.
    """
    mine: list[float] = []
    theirs: dict[str, list[float]] = {name: [] for name in others}
    ratios: dict[str, list[float]] = {name: [] for name in others}
    result = None
    for _ in range(rounds):
        seconds, result = _timed(ours, repeats)
        mine.append(seconds)
        for name, fn in others.items():
            other, _ = _timed(fn, 1)
            theirs[name].append(other)
            ratios[name].append(other / seconds)
    ours_median = statistics.median(mine)
    print(f"  claimcheck find_quantities          {_rate(n, ours_median)}")
    for name, times in theirs.items():
        seconds = statistics.median(times)
        per_round = " ".join(f"{r:.1f}" for r in ratios[name])
        print(f"  {name:35s} {_rate(n, seconds)}  claimcheck is {seconds / ours_median:5.1f}x as fast"
              f" (rounds: {per_round})")
    return result


def _compare(label: str, n: int, ours: float, others: dict[str, Callable[[], object]],
             repeats: int) -> None:
    print(f"  claimcheck find_quantities          {_rate(n, ours)}")
    for name, fn in others.items():
        seconds, _ = _timed(fn, repeats)
        print(f"  {name:35s} {_rate(n, seconds)}  claimcheck is {seconds / ours:5.1f}x as fast")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=3,
                        help="timed runs of claimcheck per round (7 on the whole text)")
    parser.add_argument("--others-repeats", type=int, default=3,
                        help="rounds per document (one timed run of each other library a round)")
    parser.add_argument("--whole-repeats", type=int, default=1,
                        help="timed runs of the others on the whole text (chinese2digits takes ~20 s)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # cn2an warns about every numeral word it cannot convert

    import cn2an
    from claimcheck.extract.quantity import find_quantities

    try:
        from chinese2digits import takeNumberFromString
    except ImportError:
        takeNumberFromString = None  # noqa: N806 - the library's name
        print("chinese2digits not installed (pip install -e '.[bench]'): skipped")

    text = build_corpus(args.chars)
    docs = split_documents(text)
    n = len(text)
    print(f"corpus: {n:,} characters ({len(text.encode('utf-8')):,} bytes UTF-8) in {len(docs)} "
          f"documents, python {sys.version.split()[0]}; medians of CPU time")
    find_quantities(text[:20000])  # load the tables and compile the grammar outside the timing

    found = [find_quantities(d) for d in docs]
    quantities = sum(len(f) for f in found)
    claimable = sum(q.claimable for f in found for q in f)
    print(f"per document ({len(docs)} calls; {quantities:,} quantities, {claimable:,} claimable):")
    others = {"cn2an transform(cn2an)": lambda: [cn2an.transform(d, "cn2an") for d in docs]}
    if takeNumberFromString:
        others["chinese2digits takeNumberFromString"] = lambda: [takeNumberFromString(d) for d in docs]
    _interleaved(n, lambda: [find_quantities(d) for d in docs], others, args.repeats, args.others_repeats)

    ours_whole, _ = _timed(lambda: find_quantities(text), max(args.repeats, 7))
    print("whole corpus in one call:")
    others = {"cn2an transform(cn2an)": lambda: cn2an.transform(text, "cn2an")}
    if takeNumberFromString:
        others["chinese2digits takeNumberFromString"] = lambda: takeNumberFromString(text)
    _compare("whole", n, ours_whole, others, args.whole_repeats)


if __name__ == "__main__":
    main()
