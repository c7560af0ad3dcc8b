"""Post-processing: a chain of small pure filters from the checks' findings to the reported ones.

select/ignore → inline suppressions → fingerprint suppressions (config) → baseline marking →
location order (the new or newest article first) → sorting. Checks never filter; reporters never
decide a status. Findings are frozen: each step returns new ones with ``dataclasses.replace``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .baseline import Baseline, Entry, quote_digest, topic_of
from .codes import WORST_FIRST, enabled_rules, resolve
from .config import Suppression
from .model import Document, Finding
from .options import Options
from .suppress import SuppressionMap

if TYPE_CHECKING:
    from .engine import Run

__all__ = ["Outcome", "postprocess", "enabled_codes", "select_ignore", "suppress_inline", "suppress_by_fingerprint",
           "mark_baselined", "stale_entries", "order_locations", "successors", "sort_findings"]


@dataclass
class Outcome:
    """What post-processing learned besides the findings: stale baseline entries, comment problems."""

    stale: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    successors: dict[str, str] = field(default_factory=dict)  # stale fingerprint -> the new finding it became


def enabled_codes(options: Options) -> frozenset[str]:
    """Rule codes left after ``select`` and ``ignore`` (the engine's rule, so both agree)."""
    return frozenset(enabled_rules(options))


def select_ignore(findings: list[Finding], options: Options) -> list[Finding]:
    """Only findings of enabled rules."""
    keep = enabled_codes(options)
    return [f for f in findings if f.rule in keep]


def _silenced(f: Finding, kind: str, reason: str, where: str | None = None) -> Finding:
    info = {"kind": kind, "reason": reason} | ({"where": where} if where else {})
    return replace(f, status="suppressed", evidence={**f.evidence, "suppression": info})


def suppress_inline(findings: list[Finding], smap: SuppressionMap, docs: dict[str, Document]) -> list[Finding]:
    """Findings with any location inside a ``claimcheck-disable`` region for their rule are suppressed."""
    out = []
    for f in findings:
        hit = next(((s, r) for s in f.spans if (r := smap.find(s, f.rule))), None) if f.status == "new" else None
        if hit:
            span, region = hit
            path = docs[span.doc].path if span.doc in docs else span.doc
            f = _silenced(f, "inline", region.reason, f"{path}:{region.line}")
        out.append(f)
    return out


def suppress_by_fingerprint(findings: list[Finding], suppressions: tuple[Suppression, ...]) -> list[Finding]:
    """Findings whose fingerprint (and rule, when given) the config accepts are suppressed."""
    table = {s.fingerprint: s for s in suppressions}
    out = []
    for f in findings:
        s = table.get(f.fingerprint)
        if f.status == "new" and s and (s.rule is None or s.rule == f.rule):
            f = _silenced(f, "config", s.reason)
        out.append(f)
    return out


def mark_baselined(findings: list[Finding], baseline: Baseline | None) -> list[Finding]:
    """New findings whose fingerprint is in the baseline become ``baselined``."""
    if baseline is None:
        return findings
    out = []
    for f in findings:
        entry = baseline.get(f.fingerprint)
        if f.status == "new" and entry is not None:
            extra = {"baseline_reason": entry.reason} if entry.reason else {}
            f = replace(f, status="baselined", evidence={**f.evidence, **extra})
        out.append(f)
    return out


def stale_entries(findings: list[Finding], baseline: Baseline | None, enabled: frozenset[str]) -> list[Entry]:
    """Baseline entries of enabled rules that no finding of this run matches (fixed, or changed)."""
    if baseline is None:
        return []
    seen = {f.fingerprint for f in findings}
    live = [e for e in baseline.entries.values() if e.fingerprint not in seen and resolve(e.rule) in enabled]
    return sorted(live, key=Entry.sort_key)


def _permute(f: Finding, order: list[int]) -> Finding:
    if order == list(range(len(f.spans))):
        return f
    spans = tuple(f.spans[i] for i in order)
    claims = tuple(f.claims[i] for i in order) if len(f.claims) == len(f.spans) else f.claims
    return replace(f, spans=spans, claims=claims)


def order_locations(findings: list[Finding], run: Run, stale: list[Entry]) -> list[Finding]:
    """Put first the location a reader must look at: a claim the baseline has not seen, else the newest article.

    A new finding that shares rule, entity and indicator with a stale entry is that accepted finding
    changed (a new article joined the conflict): its claims absent from the old entry come first.
    """
    by_topic: dict[tuple, set[tuple[str, str]]] = {}
    for e in stale:
        by_topic.setdefault(e.topic, set()).update((c.doc, c.quote) for c in e.claims)
    claims = {c.id: c for c in run.claims} if by_topic else {}
    age = _age(run.documents)
    out = []
    for f in findings:
        known = by_topic.get(topic_of(f, run)) if by_topic and f.status == "new" else None
        if known is None and len({age.get(s.doc, len(age)) for s in f.spans}) < 2:
            out.append(f)  # nothing to reorder by: keep the check's order
            continue

        def rank(i: int, f: Finding = f, known: set | None = known) -> tuple:
            claim = claims.get(f.claims[i]) if known is not None and len(f.claims) == len(f.spans) else None
            seen = claim is not None and (claim.span.doc, quote_digest(claim.quote)) in known
            return (seen, age.get(f.spans[i].doc, len(age)), i)

        out.append(_permute(f, sorted(range(len(f.spans)), key=rank)))
    return out


def _age(documents: list[Document]) -> dict[str, int]:
    """Document id -> 0 for the newest date, 1 for the next, ...; undated documents are left out (last)."""
    dates = sorted({d.date for d in documents if d.date}, reverse=True)
    rank = {date: i for i, date in enumerate(dates)}
    return {d.id: rank[d.date] for d in documents if d.date}


def successors(findings: list[Finding], run: Run, stale: list[Entry]) -> dict[str, str]:
    """For each stale entry, the new finding on the same rule, entity and indicator (the conflict, changed)."""
    if not stale:
        return {}
    topics: dict[tuple, str] = {}
    for f in findings:
        if f.status == "new":
            topics.setdefault(topic_of(f, run), f.fingerprint)
    return {e.fingerprint: topics[e.topic] for e in stale if e.topic in topics and e.indicator is not None}


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Severity (errors first), rule, first location, fingerprint: the same order for the same input."""
    return sorted(findings, key=lambda f: (WORST_FIRST.index(f.severity), f.rule, f.spans, f.fingerprint))


def postprocess(run: Run, *, options: Options | None = None, suppressions: tuple[Suppression, ...] = (),
                baseline: Baseline | None = None) -> tuple[Run, Outcome]:
    """Run the chain over ``run.findings``; return the run with its findings replaced, and the outcome."""
    options = options or run.options
    enabled = enabled_codes(options)
    smap = SuppressionMap.build(run.documents)
    docs = {d.id: d for d in run.documents}
    findings = select_ignore(list(run.findings), options)
    findings = suppress_inline(findings, smap, docs)
    findings = suppress_by_fingerprint(findings, suppressions)
    findings = mark_baselined(findings, baseline)
    stale = stale_entries(findings, baseline, enabled)
    findings = sort_findings(order_locations(findings, run, stale))
    outcome = Outcome(stale=stale, warnings=smap.warnings, successors=successors(findings, run, stale))
    return replace(run, findings=findings), outcome
