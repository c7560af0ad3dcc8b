"""Build a deterministic news-like Chinese corpus from the seed articles, with the digits varied.

The seeds are concatenated and repeated until the corpus reaches the requested size; in every
repetition after the first, each Arabic digit is replaced, with probability one half, by a digit
drawn from a seeded generator, so numbers differ between copies (a parser cannot get away with
caching whole phrases) while the phrasing stays real news phrasing.

Usage: python benchmarks/news_corpus.py --chars 1000000 > /tmp/news.txt
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_DIGIT = re.compile(r"[0-9]")

__all__ = ["build_corpus", "split_documents"]


def _seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt")))


def build_corpus(chars: int = 1_000_000, seed: int = 20250117) -> str:
    """About ``chars`` characters of news text (cut at a line end), the same for the same arguments."""
    base = _seed_text()
    rng = random.Random(seed)
    parts = [base]
    size = len(base)
    while size < chars:
        copy = _DIGIT.sub(lambda m: str(rng.randrange(10)) if rng.random() < 0.5 else m.group(), base)
        parts.append(copy)
        size += len(copy)
    text = "\n".join(parts)
    cut = text.find("\n", chars)
    return text if cut < 0 else text[:cut]


def split_documents(text: str, size: int = 12_000) -> list[str]:
    """The corpus cut at line ends into documents of about ``size`` characters (a seed article's size)."""
    docs, start = [], 0
    while start < len(text):
        cut = text.find("\n", start + size)
        end = len(text) if cut < 0 else cut + 1
        docs.append(text[start:end])
        start = end
    return docs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chars", type=int, default=1_000_000, help="size in characters")
    parser.add_argument("--seed", type=int, default=20250117)
    args = parser.parse_args()
    sys.stdout.write(build_corpus(args.chars, args.seed))


if __name__ == "__main__":
    main()
