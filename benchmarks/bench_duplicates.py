"""Benchmark of the duplicate check: wall time, peak memory, recall and precision on a synthetic corpus.

    python benchmarks/bench_duplicates.py -n 20000 --repeat 3
    python benchmarks/bench_duplicates.py -n 100000 --repeat 1

The corpus comes from ``gen_dup_corpus.generate`` (cached under ``--cache`` as a pickle, since
generating 100,000 articles takes longer than checking them). Timed: ``find_duplicates`` only.
Peak memory: ``ru_maxrss`` of this process and of its worker processes (the generator is run in
a child process when the cache is cold, so its memory does not count).
"""

from __future__ import annotations

import argparse
import logging
import os
import pickle
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from score_duplicates import score  # noqa: E402


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _corpus(n: int, seed: int, cache: Path):
    path = cache / f"dupcorpus-{n}-{seed}.pkl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        code = (f"import pickle,sys; sys.path.insert(0, {str(HERE)!r}); from gen_dup_corpus import generate; "
                f"pickle.dump(generate({n}, {seed}), open({str(path)!r}, 'wb'))")
        subprocess.run([sys.executable, "-c", code], check=True)
    with path.open("rb") as f:
        return pickle.load(f)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20000, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/claimcheck-bench"))
    ap.add_argument("--show", type=int, default=0, help="print this many misses and false reports")
    ap.add_argument("-v", "--verbose", action="store_true", help="log the time of each phase")
    args = ap.parse_args(argv)
    if args.verbose:
        logging.basicConfig(level=logging.DEBUG, format="  %(message)s")

    corpus = _corpus(args.n, args.seed, args.cache)
    from claimcheck.checks.duplicates import DuplicateParams, find_duplicates
    from claimcheck.model import Document

    docs = [Document(id=i, path=i, text=t, encoding="utf-8") for i, t in corpus.texts]
    chars = sum(len(t) for _, t in corpus.texts)
    size = sum(len(t.encode()) for _, t in corpus.texts)
    load = os.getloadavg()
    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    params = DuplicateParams(workers=args.workers)
    times, cpu, results = [], [], []
    for _ in range(args.repeat):
        c0 = _cpu()
        t0 = time.perf_counter()
        results = find_duplicates(docs, params)
        times.append(time.perf_counter() - t0)
        cpu.append(_cpu() - c0)
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    pairs = [((r.spans[0].doc, r.spans[0].start, r.spans[0].end), (r.spans[1].doc, r.spans[1].start, r.spans[1].end))
             for r in results if r.kind == "duplicate"]
    s, missed, unmatched = score(pairs, corpus.truth)
    boiler = [r for r in results if r.kind == "boilerplate"]
    print(f"articles {args.n}  chars {chars / 1e6:.1f} M  UTF-8 {size / 1e6:.0f} MB  workers {args.workers or 'auto'}")
    print(f"find_duplicates median {statistics.median(times):.3f} s over {len(times)} "
          f"(min {min(times):.3f}, max {max(times):.3f})")
    print(f"CPU time (this process + workers) median {statistics.median(cpu):.2f} s; "
          f"load average before the last run {load[0]:.2f}")
    print(f"peak RSS: main {rss_self:.0f} MB (before the check {base_rss / 1024:.0f} MB), "
          f"largest child {rss_children:.0f} MB")
    print(f"pairs planted {s.planted}  reported {s.reported}  recall {s.recall:.4f}  precision {s.precision:.4f}")
    print("boilerplate: " + ", ".join(f"{r.evidence['documents']} docs / {r.evidence['length']} chars" for r in boiler)
          + f"  (planted: {', '.join(str(b['documents']) for b in corpus.truth['boilerplate'])} docs)")
    texts = dict(corpus.texts)
    for p in missed[: args.show]:
        print("MISSED", p, repr(texts[p["a"][0]][p["a"][1]:p["a"][2]][:80]))
        near = [r for r in pairs if p["a"][0] in (r[0][0], r[1][0])]
        print("   near reports:", near)
    for r in unmatched[: args.show]:
        print("FALSE", r, repr(texts[r[0][0]][r[0][1]:r[0][2]][:80]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
