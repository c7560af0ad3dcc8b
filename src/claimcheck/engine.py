"""Run the pipeline: ingest → extract (per document, in parallel when large) → group → checks → findings."""

from __future__ import annotations

import hashlib
import os
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

from .checks import CHECKS, run_checks
from .codes import Rule, enabled_rules, rule_for
from .extract.claims import Extraction, extract_document
from .group import build_groups
from .ingest import read_documents
from .model import CheckResult, Claim, Corpus, Document, Finding, Group, InputProblem, Quantity, Span
from .options import Options
from .postprocess import sort_findings

__all__ = ["Run", "run", "fingerprint"]

# Below this many documents a process pool costs more than it saves.
_PARALLEL_MIN_DOCS = 64


@dataclass
class Run:
    """Everything one run found, in deterministic order; reporters read only this."""

    documents: list[Document]
    problems: list[InputProblem]
    quantities: dict[str, list[Quantity]]
    claims: list[Claim]
    groups: list[Group]
    findings: list[Finding]
    options: Options = field(default_factory=Options)
    elapsed: float = 0.0  # seconds spent in run(), for the summary line

    def document(self, doc_id: str) -> Document | None:
        """The document with id ``doc_id``, if it was read."""
        return self._by_id.get(doc_id)

    def __post_init__(self) -> None:
        self._by_id = {d.id: d for d in self.documents}


def fingerprint(key: str, identity: tuple[str, ...]) -> str:
    """A stable digest of a finding's meaning: the rule's permanent key plus the check's identity parts.

    The key (``Rule.key``), not the current code, so that a rule moved to a new code keeps the
    fingerprints its baselines and suppressions recorded. Keys are first codes, so the digests
    are the ones earlier versions made from the code.
    """
    material = "\x1f".join((key, *identity)).encode("utf-8")
    return hashlib.blake2b(material, digest_size=10).hexdigest()


def _included(doc_id: str, options: Options) -> bool:
    if options.include and not any(fnmatchcase(doc_id, p) for p in options.include):
        return False
    return not any(fnmatchcase(doc_id, p) for p in options.exclude)


def _workers(options: Options, n_docs: int) -> int:
    if options.workers:
        return options.workers
    if n_docs < _PARALLEL_MIN_DOCS:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


def _extract_all(docs: list[Document], options: Options) -> list[Extraction]:
    workers = _workers(options, len(docs))
    if workers == 1 or len(docs) < 2:
        return [extract_document(d) for d in docs]
    chunk = max(1, len(docs) // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(extract_document, docs, chunksize=chunk))


def _stamp(kind: str, result: CheckResult, enabled: dict[str, Rule]) -> Finding | None:
    rule = rule_for(kind, result.kind)
    if rule.code not in enabled:
        return None
    return Finding(rule=rule.code, severity=rule.severity, message=result.message, spans=result.spans,
                   claims=result.claims, evidence=result.evidence,
                   fingerprint=fingerprint(rule.key, result.identity))


def _problem_findings(problems: list[InputProblem], enabled: dict[str, Rule]) -> list[Finding]:
    rule = rule_for("input", "unreadable")
    if rule.code not in enabled:
        return []
    return [Finding(rule=rule.code, severity=rule.severity, message=f"{p.path} {p.message}",
                    spans=(Span(p.path, 0, 0),), claims=(), evidence={"path": p.path},
                    fingerprint=fingerprint(rule.key, (p.key,))) for p in problems]


def run(paths: list[str], options: Options | None = None) -> Run:
    """Check the articles under ``paths`` and return everything found."""
    options = options or Options()
    started = time.perf_counter()
    docs, problems = read_documents(paths)
    docs = [d for d in docs if _included(d.id, options)]
    extractions = _extract_all(docs, options)
    docs = [e.document for e in extractions]
    claims = [c for e in extractions for c in e.claims]
    groups = build_groups(claims, options)
    corpus = Corpus(tuple(docs), tuple(claims), tuple(groups))
    enabled = enabled_rules(options)
    kinds = [k for k in CHECKS if any(r.check == k for r in enabled.values())]
    findings = [f for kind, res in run_checks(corpus, options, kinds) if (f := _stamp(kind, res, enabled))]
    findings += _problem_findings(problems, enabled)
    findings = sort_findings(findings)
    return Run(documents=docs, problems=problems, quantities={e.document.id: e.quantities for e in extractions},
               claims=claims, groups=groups, findings=findings, options=options,
               elapsed=time.perf_counter() - started)
