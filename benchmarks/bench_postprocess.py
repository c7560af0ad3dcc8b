"""Benchmark of the CI layer: post-processing (suppressions, baseline, ordering) and SARIF/baseline rendering.

    python benchmarks/bench_postprocess.py -n 20000 --repeat 5

A synthetic run: ``n`` conflict findings of three claims each over ``n // 10`` Markdown articles
that carry suppression comments, half of the findings in a baseline and a tenth of the baseline
stale. Prints the median wall time of each step.
"""

from __future__ import annotations

import argparse
import statistics
import time
from decimal import Decimal

from claimcheck.baseline import Baseline, entry_for, render_baseline
from claimcheck.engine import Run
from claimcheck.model import Claim, Document, Finding, Period, Quantity, Span
from claimcheck.postprocess import postprocess
from claimcheck.report.sarif import render_sarif


def synthetic(n: int) -> tuple[Run, Baseline]:
    n_docs = max(2, n // 10)
    line = "呼和浩特市国家高新技术企业达到601家。\n"
    docs = [Document(f"d{i:06d}.md", f"arts/d{i:06d}.md",
                     "<!-- claimcheck-disable-next-line CC201 -- ok -->\n" + line * 40, "utf-8",
                     date=f"20{10 + i % 15}-01-01") for i in range(n_docs)]
    claims, findings = [], []
    for k in range(n):
        group = []
        for j in range(3):
            doc = docs[(k + j * 7) % n_docs]
            at = (k % 40) * len(line) + 52
            q = Quantity("601家", at, at + 4, Decimal(601), Decimal(601), Decimal(601), unit="家")
            c = Claim(f"c{k}-{j}", Span(doc.id, at, at + 4), line.strip(), q, f"指标{k}", "指标", "呼和浩特",
                      Period("unknown"), "level")
            claims.append(c)
            group.append(c)
        findings.append(Finding("CC101", "error", f"conflict {k}", tuple(c.span for c in group),
                                tuple(c.id for c in group), {}, f"{k:020x}"))
    run = Run(docs, [], {}, claims, [], findings)
    entries = {f.fingerprint: entry_for(f, run) for f in findings[::2]}
    for k in range(n, n + n // 20):  # stale entries
        entries[f"{k:020x}"] = _stale(findings[k - n], run, k)
    return run, Baseline(entries)


def _stale(f: Finding, run: Run, k: int):
    from dataclasses import replace

    return replace(entry_for(f, run), fingerprint=f"{k:020x}")


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=20000, help="number of findings")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    run, baseline = synthetic(args.n)
    done, outcome = postprocess(run, baseline=baseline)
    print(f"{args.n} findings, {len(run.documents)} articles, {len(baseline.entries)} baseline entries, "
          f"{len(outcome.stale)} stale")
    print(f"postprocess       median {_median(lambda: postprocess(run, baseline=baseline), args.repeat):.3f} s")
    print(f"render_sarif      median {_median(lambda: render_sarif(done), args.repeat):.3f} s")
    print(f"baseline entries  median {_median(lambda: render_baseline([entry_for(f, done) for f in done.findings]), args.repeat):.3f} s")


if __name__ == "__main__":
    main()
