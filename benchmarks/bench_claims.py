"""Claims, groups and conflicts: the seeds run, and characters per second on a news-like corpus.

Four figures, each the median of several runs (process CPU time):

- the seeds (``engine.run`` with the claim rules CC101/CC102 only, after one warm-up run, so
  start-up and imports are not counted);
- claim extraction on the news-like corpus of ``news_corpus.py`` cut into documents of about
  12,000 characters (quantities included, since ``extract_document`` calls the parser);
- claim extraction on distinct articles only (the seeds and the articles under
  ``tests/fixtures/eval`` and ``tests/fixtures/corpora``), every cache of the extract room cleared
  before each run: the news-like corpus repeats the seeds' sentences with other digits, so the
  phrases the parser and the lexicons remember always hit there, and this figure says what
  text never seen before costs;
- grouping and the conflict check over all the claims of that corpus.

Nothing here is a test: it prints figures, it does not assert.

Usage: python benchmarks/bench_claims.py [--chars 1000000] [--repeats 5]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_corpus import build_corpus, split_documents  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _median(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.process_time()
        result = fn()
        times.append(time.process_time() - start)
    return statistics.median(times), result


def _clear_extract_caches() -> None:
    """Empty every memo of the extract room (the parser's and the ``lru_cache`` functions), not the
    loaded lexicons."""
    from claimcheck.extract.quantity import clear_caches

    clear_caches()
    for name, module in list(sys.modules.items()):
        if name.startswith("claimcheck.extract."):
            for value in vars(module).values():
                if callable(getattr(value, "cache_clear", None)) and getattr(value, "cache_parameters", None) \
                        and value.cache_parameters()["maxsize"] is not None:  # lru_cache; @cache loads data
                    value.cache_clear()


def _distinct_articles() -> list:
    from claimcheck.ingest import read_documents

    folders = [ROOT / "seeds", *sorted(p for sub in ("eval", "corpora") for p in (ROOT / "tests" / "fixtures" / sub).iterdir()
                                       if p.is_dir())]
    return [d for folder in folders for d in read_documents([str(folder)])[0]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    from claimcheck.checks.conflict import check
    from claimcheck.engine import run
    from claimcheck.extract.claims import extract_document
    from claimcheck.group import build_groups
    from claimcheck.model import Corpus, Document
    from claimcheck.options import Options

    claim_rules = Options(select=("CC101", "CC102"), workers=1)
    run([str(ROOT / "seeds")], claim_rules)  # warm-up: imports, lexicons, regular expressions
    seconds, result = _median(lambda: run([str(ROOT / "seeds")], claim_rules), args.repeats)
    print(f"seeds: {seconds * 1000:7.1f} ms  ({len(result.claims)} claims, {len(result.groups)} groups, "
          f"{len(result.findings)} findings)")

    texts = split_documents(build_corpus(args.chars))
    docs = [Document(id=f"doc{i:05d}.txt", path=f"doc{i:05d}.txt", text=t, encoding="utf-8")
            for i, t in enumerate(texts)]
    chars = sum(len(t) for t in texts)
    seconds, extractions = _median(lambda: [extract_document(d) for d in docs], args.repeats)
    claims = [c for e in extractions for c in e.claims]
    print(f"extract: {chars / seconds / 1e6:5.2f} M chars/s ({seconds * 1000:8.1f} ms for {chars} chars, "
          f"{len(docs)} documents, {len(claims)} claims)")

    distinct = _distinct_articles()
    chars = sum(len(d.text) for d in distinct)

    def cold() -> list:
        _clear_extract_caches()
        return [extract_document(d) for d in distinct]

    seconds, cold_runs = _median(cold, args.repeats)
    print(f"extract, distinct articles, caches cleared: {chars / seconds / 1e6:5.2f} M chars/s ({seconds * 1000:7.1f} ms "
          f"for {chars} chars, {len(distinct)} documents, {sum(len(e.claims) for e in cold_runs)} claims)")

    options = Options()

    def group_and_check() -> tuple[int, int]:
        groups = build_groups(claims, options)
        found = check(Corpus(tuple(e.document for e in extractions), tuple(claims), tuple(groups)), options)
        return len(groups), len(found)

    seconds, (n_groups, n_found) = _median(group_and_check, args.repeats)
    print(f"group + conflict: {seconds * 1000:8.1f} ms ({n_groups} groups, {n_found} results)")


if __name__ == "__main__":
    main()
