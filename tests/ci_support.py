"""Helpers for the CI-workflow tests: corpora on disk, in-process CLI runs, and a stand-in pipeline.

The stand-in (``install_stub``) replaces only the claim extractor and the conflict check with tiny
versions that read ``高新技术企业 ... N家`` and report differing values, with a fingerprint identity
built the way the real conflict check builds it (entity, indicator, measure, period, intervals, doc
ids, normalised quotes; never positions). It lets the baseline, suppression and report layers be
tested through the real engine before the claim extractor lands; ``real_pipeline_ready`` says
when the real one can be used instead.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import sys
from decimal import Decimal
from pathlib import Path

from claimcheck import engine
from claimcheck.baseline import quote_digest
from claimcheck.checks import CHECKS
from claimcheck.extract.claims import Extraction
from claimcheck.model import CheckResult, Claim, Corpus, Document, Period, Quantity, Span
from claimcheck.options import Options

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SARIF_SCHEMA = Path(__file__).resolve().parent / "data" / "sarif-schema-2.1.0.json"

# 高新技术企业达到601家 / 高新技术企业600余家 / 高新技术企业609家(占全区30%)
_COUNT = re.compile(r"高新技术企业[^0-9。\n]{0,6}?(\d+)(余)?家")
_SENTENCE_END = "。！？!?\n"


def write_corpus(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Create ``folder`` with the given files (name -> text or bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, body in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(body, bytes):
            path.write_bytes(body)
        else:
            path.write_text(body, encoding="utf-8")
    return folder


def copy_seeds(dest: Path) -> Path:
    """A private copy of the seed articles."""
    shutil.copytree(SEEDS, dest)
    return dest


def _quote(text: str, start: int, end: int) -> str:
    left = max((text.rfind(ch, 0, start) for ch in _SENTENCE_END), default=-1) + 1
    rights = [i for ch in _SENTENCE_END if (i := text.find(ch, end)) != -1]
    return text[left:min(rights) + 1 if rights else len(text)].strip()


def stub_extract(doc: Document) -> Extraction:
    """Claims for every ``高新技术企业 ... N家`` in ``doc``: entity 呼和浩特, period unknown."""
    claims = []
    for m in _COUNT.finditer(doc.text):
        n = Decimal(m.group(1))
        about = m.group(2) is not None
        low, high = (n, n * 2 if n < 10 else n + 10 ** (len(m.group(1)) - 1)) if about else (n, n)
        q = Quantity(text=m.group(0)[m.start(1) - m.start():], start=m.start(1), end=m.end(), value=n, low=low,
                     high=high, unit="家", qualifier="余" if about else None, low_inclusive=not about,
                     high_inclusive=not about)
        claims.append(Claim(id=f"{doc.id}:{m.start(1)}", span=Span(doc.id, m.start(1), m.end()),
                            quote=_quote(doc.text, m.start(), m.end()), quantity=q, indicator="高新技术企业",
                            indicator_text="高新技术企业", entity="呼和浩特", period=Period("unknown"),
                            measure="level"))
    return Extraction(doc, [c.quantity for c in claims], claims)


def _disjoint(a: Claim, b: Claim) -> bool:
    qa, qb = a.quantity, b.quantity
    below = qa.high < qb.low or (qa.high == qb.low and not (qa.high_inclusive and qb.low_inclusive))
    above = qb.high < qa.low or (qb.high == qa.low and not (qb.high_inclusive and qa.low_inclusive))
    return below or above


def stub_conflict(corpus: Corpus, options: Options) -> list[CheckResult]:
    """One conflict per (entity, indicator) whose claims contain two incompatible values."""
    groups: dict[tuple[str, str], list[Claim]] = {}
    for c in sorted(corpus.claims, key=lambda c: c.span):
        groups.setdefault((c.entity, c.indicator), []).append(c)
    out = []
    for (entity, indicator), claims in sorted(groups.items()):
        if not any(_disjoint(a, b) for a in claims for b in claims):
            continue
        intervals = sorted({f"{c.quantity.low}..{c.quantity.high}" for c in claims})
        identity = (entity, indicator, "level", "unknown", "|".join(intervals),
                    "|".join(sorted({c.span.doc for c in claims})), "|".join(sorted({quote_digest(c.quote) for c in claims})))
        values = " / ".join(c.quantity.text for c in claims)
        out.append(CheckResult(kind="conflict", message=f"{entity} {indicator}: {values}",
                               spans=tuple(c.span for c in claims), claims=tuple(c.id for c in claims),
                               evidence={"entity": entity, "indicator": indicator}, identity=identity))
    return out


def _no_duplicates(corpus: Corpus, options: Options) -> list[CheckResult]:
    return []


def install_stub(patch=None) -> None:
    """Swap in the stand-in extractor and conflict check (through ``patch`` = a pytest monkeypatch, if given)."""
    setattr_ = patch.setattr if patch else setattr
    setitem = patch.setitem if patch else dict.__setitem__
    setattr_(engine, "extract_document", stub_extract)
    setitem(CHECKS, "conflict", stub_conflict)
    setitem(CHECKS, "duplicates", _no_duplicates)


def real_pipeline_ready() -> bool:
    """True once the real pipeline reports the conflict of the CC101 documentation example."""
    import tempfile

    from claimcheck.codes import rules

    with tempfile.TemporaryDirectory() as tmp:
        write_corpus(Path(tmp), rules()["CC101"].example("bad"))
        try:
            result = engine.run([tmp], Options(select=("CC101",), workers=1))
        except Exception:
            return False
    return any(f.rule == "CC101" for f in result.findings)


def run_cli(args: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    """Run ``claimcheck ARGS`` in this process; return (exit status, stdout, stderr)."""
    from claimcheck.cli import main

    out, err = io.StringIO(), io.StringIO()
    old = Path.cwd()
    try:
        if cwd:
            import os
            os.chdir(cwd)
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                main(list(args))
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    finally:
        import os
        os.chdir(old)
    return code, out.getvalue(), err.getvalue()


def subprocess_cli(args: list[str], cwd: Path, *, stub: bool, env: dict[str, str] | None = None):
    """Run the CLI in a fresh interpreter (own hash seed), with the stand-in pipeline when ``stub``."""
    import os
    import subprocess

    code = ("import sys; sys.path.insert(0, %r); import ci_support; ci_support.install_stub(); " % str(Path(__file__).parent)
            if stub else "") + "from claimcheck.cli import main; main(sys.argv[1:])"
    if not stub:
        code = "import sys; " + code
    return subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)
