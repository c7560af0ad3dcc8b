"""Generate a deterministic synthetic Chinese news-like corpus with planted duplicate passages.

Text is built from "words" cut out of the seed articles (CJK runs chopped into pieces of 1-4
characters, sampled by frequency) with punctuation and figures sprinkled in, so it reads like
the seeds' vocabulary without reproducing their sentences: two independent 50-character windows
practically never coincide, and every long repeat in the output is one we planted.

Planted pairs (each article takes part in at most one): whole paragraphs and runs of 50-300
characters inside a paragraph; exact copies and copies with about 5% of the characters edited
(mostly substitutions, some one-character insertions and deletions; never the first or last
character, which would make the copy's extent ambiguous); inside one article (half of them
right after the original) and across articles. From 200 articles on, outlet footers are added to
about 5% of the articles to exercise boilerplate detection. Ground truth: ``{"pairs": [...], "boilerplate": [...]}``.

Usage: python benchmarks/gen_dup_corpus.py -n 2000 --out /tmp/corpus   (writes *.txt + truth.json)
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")  # e.g. "呼和浩特市推动创新链" in "呼和浩特市推动创新链、产业链"
FOOTERS = (
    "（本文来源：北方新闻网综合报道，转载请注明出处，如有疑问请联系本报编辑部或拨打读者服务热线。编辑：张晓明 审核：李建国 责任编辑：王芳芳 值班主任：赵立新）",
    "欢迎关注本报微信公众号，获取更多权威资讯。本报新闻热线：0471-6965000，投稿邮箱请见报社官方网站首页说明。",
    "声明：本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网版权所有，未经协议授权禁止下载使用或建立镜像，违者本网将依法追究其法律责任。",
)


@dataclass
class Corpus:
    """Generated articles (id, text) and the ground truth of planted duplicates."""

    texts: list[tuple[str, str]]
    truth: dict


def _vocabulary(rng: np.random.Generator) -> tuple[list[str], np.ndarray]:
    """Words cut from the seeds' CJK runs, with sampling probabilities proportional to counts."""
    counts: Counter[str] = Counter()
    for path in sorted(SEEDS.glob("*.txt")):
        for run in _CJK_RUN.findall(path.read_text(encoding="utf-8")):
            i = 0
            while i < len(run):
                n = int(rng.integers(1, 5))
                counts[run[i:i + n]] += 1
                i += n
    words = sorted(counts)
    p = np.array([counts[w] for w in words], dtype=np.float64)
    return words, p / p.sum()


class _Writer:
    """Draws paragraphs from the vocabulary (plus punctuation and figures), in bulk for speed."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        words, p = _vocabulary(rng)
        self.chars = sorted({c for w in words for c in w})
        figures = [f"{int(v)}{u}" for v, u in zip(rng.integers(2, 9999, 2000), rng.choice(list("亿元万人家项个"), 2000))]
        self.words = words + ["，", "。"] + figures
        self.p = np.concatenate([p * 0.915, [0.06, 0.015], np.full(len(figures), 0.01 / len(figures))])
        self.mean = float(np.dot([len(x) for x in self.words], self.p))
        self._buf: list[int] = []
        self._at = 0

    def paragraph(self, target: int) -> str:
        """A paragraph of about ``target`` characters ending with a full stop."""
        m = max(2, round(target / self.mean))
        if self._at + m > len(self._buf):
            self._buf = self.rng.choice(len(self.words), size=1 << 18, p=self.p).tolist()
            self._at = 0
        words = self.words
        text = "".join([words[i] for i in self._buf[self._at:self._at + m]])
        self._at += m
        return (text.strip("，。") or "空") + "。"

    def char_other_than(self, c: str) -> str:
        while True:
            d = self.chars[int(self.rng.integers(len(self.chars)))]
            if d != c:
                return d


def _edit(w: _Writer, text: str, rate: float = 0.05) -> str:
    """About ``rate`` of the characters edited; never the first or last character."""
    out = list(text)
    n_edits = max(1, round(len(text) * rate))
    positions = sorted(w.rng.choice(np.arange(1, len(text) - 1), size=n_edits, replace=False), reverse=True)
    for pos in positions:
        op = w.rng.random()
        if op < 0.8:
            out[pos] = w.char_other_than(out[pos])
        elif op < 0.9:
            out.insert(pos, w.char_other_than(out[pos]))
        else:
            del out[pos]
    return "".join(out)


def _article(w: _Writer, rng: np.random.Generator) -> list[str]:
    """Paragraphs of one article of roughly 2-5 KB in UTF-8 (about 700-1700 characters)."""
    total = int(rng.integers(650, 1600))
    paras = ["# " + w.paragraph(int(rng.integers(10, 24)))[:-1]]
    size = 0
    while size < total:
        p = w.paragraph(int(rng.integers(60, 320)))
        paras.append(p)
        size += len(p)
    return paras


def _matching(text: str) -> int:
    """Characters that count for the duplicate check (letters and digits, not punctuation)."""
    return sum(ch.isalnum() for ch in text)


def _pick_run(w: _Writer, para: str) -> tuple[int, int] | None:
    """A run of 50-300 matching characters inside ``para`` that starts and ends on a CJK character."""
    if len(para) < 70:
        return None
    length = int(w.rng.integers(50, min(300, len(para) - 10) + 1))
    start = int(w.rng.integers(0, len(para) - length + 1))
    end = start + length
    while start < end and not _CJK_RUN.match(para[start]):
        start += 1
    while end > start and not _CJK_RUN.match(para[end - 1]):
        end -= 1
    return (start, end) if _matching(para[start:end]) >= 50 else None


def generate(n: int, seed: int = 1, plant_rate: float = 0.25, footer_rate: float = 0.05) -> Corpus:
    """``n`` articles with about ``plant_rate * n`` planted pairs; deterministic for a given seed."""
    rng = np.random.default_rng(seed)
    w = _Writer(rng)
    articles = [_article(w, rng) for _ in range(n)]
    order = rng.permutation(n)
    n_pairs = int(n * plant_rate)
    free = list(order)
    plans: dict[int, list] = {}  # doc -> list of (kind, payload) to apply
    pairs = []
    while len(pairs) < n_pairs and len(free) >= 2:
        src = int(free.pop())
        across = bool(rng.random() < 0.5)
        dst = int(free.pop()) if across else src
        paras = articles[src]
        pi = int(rng.integers(1, len(paras)))
        whole = bool(rng.random() < 0.4)
        span = (0, len(paras[pi])) if whole else _pick_run(w, paras[pi])
        if span is None or _matching(paras[pi][span[0]:span[1]]) < 50:
            continue
        original = paras[pi][span[0]:span[1]]
        exact = bool(rng.random() < 0.5)
        copy = original if exact else _edit(w, original)
        after = (not across) and bool(rng.random() < 0.5)
        pairs.append({"src": src, "dst": dst, "para": pi, "span": span, "copy": copy, "exact": exact,
                      "whole": whole, "across": across, "right_after": after})
    # Apply: one plan per article, so offsets are computed in a single pass per article.
    texts: list[str] = []
    truth_pairs = []
    by_doc = {}
    for k, pr in enumerate(pairs):
        by_doc.setdefault(pr["src"], []).append(k)
        if pr["across"]:
            by_doc.setdefault(pr["dst"], []).append(k)
    spans: dict[tuple[int, str], tuple[int, int]] = {}
    for d in range(n):
        paras = list(articles[d])
        marks: dict[str, tuple[int, int, int]] = {}  # role -> (para index, start, end)
        for k in by_doc.get(d, ()):
            pr = pairs[k]
            pi, (s, e) = pr["para"], pr["span"]
            if d == pr["src"]:
                marks[f"{k}a"] = (pi, s, e)
            if d == pr["dst"]:
                if pr["right_after"] and pr["whole"]:
                    paras.insert(pi + 1, pr["copy"])
                    marks[f"{k}b"] = (pi + 1, 0, len(pr["copy"]))
                elif pr["right_after"]:
                    paras[pi] = paras[pi][:e] + pr["copy"] + paras[pi][e:]
                    marks[f"{k}b"] = (pi, e, e + len(pr["copy"]))
                else:
                    lo = pi + 1 if not pr["across"] else 1
                    at = int(rng.integers(lo, len(paras) + 1))
                    if pr["whole"]:
                        paras.insert(at, pr["copy"])
                        marks[f"{k}b"] = (at, 0, len(pr["copy"]))
                    else:
                        host = w.paragraph(int(rng.integers(40, 120)))
                        cut = host.find("，") + 1 or len(host) - 1
                        paras.insert(at, host[:cut] + pr["copy"] + host[cut:])
                        marks[f"{k}b"] = (at, cut, cut + len(pr["copy"]))
        if n >= 200 and rng.random() < footer_rate:  # in a tiny corpus a footer would be a plain pair
            paras.append(FOOTERS[int(rng.integers(len(FOOTERS)))])
        starts = np.cumsum([0] + [len(p) + 2 for p in paras])
        for role, (pi, s, e) in marks.items():
            spans[(int(role[:-1]), role[-1])] = (int(starts[pi] + s), int(starts[pi] + e))
        texts.append("\n\n".join(paras) + "\n")
    ids = [f"{d:06d}.txt" for d in range(n)]
    for k, pr in enumerate(pairs):
        a, b = spans[(k, "a")], spans[(k, "b")]
        truth_pairs.append({"a": [ids[pr["src"]], *a], "b": [ids[pr["dst"]], *b], "exact": pr["exact"],
                            "whole_paragraph": pr["whole"], "across": pr["across"],
                            "right_after": pr["right_after"]})
    footers = [{"text": f, "documents": sum(t.endswith(f + "\n") for t in texts)} for f in FOOTERS]
    return Corpus(list(zip(ids, texts)), {"pairs": truth_pairs, "boilerplate": footers})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, required=True, help="folder for the articles and truth.json")
    args = ap.parse_args(argv)
    corpus = generate(args.n, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for doc_id, text in corpus.texts:
        (args.out / doc_id).write_text(text, encoding="utf-8")
    (args.out / "truth.json").write_text(json.dumps(corpus.truth, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(corpus.texts)} articles, {len(corpus.truth['pairs'])} planted pairs -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
