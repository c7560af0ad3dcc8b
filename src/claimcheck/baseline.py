"""The baseline file: accepted findings by semantic fingerprint, with context a reviewer can read.

``{"schema": "claimcheck-baseline/1", "entries": [...]}``: one entry per accepted finding, sorted by
rule, indicator, entity, files and fingerprint so that a re-write of an unchanged corpus gives the
same bytes and a diff shows only what changed. Each entry keeps per-claim references (document id,
value as written, digest of the normalised quote) so that a later conflict on the same indicator can
say which of its claims are new.

Fingerprints are made from the rule's permanent key, not its code (``engine.fingerprint``): a rule
given a new code keeps matching its entries, and an entry naming the old code reads as the new one.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .codes import resolve
from .model import Claim, Finding

if TYPE_CHECKING:
    from .engine import Run

__all__ = ["SCHEMA", "BaselineError", "ClaimRef", "Entry", "Baseline", "quote_digest", "entry_for", "topic_of",
           "load_baseline", "render_baseline"]

SCHEMA = "claimcheck-baseline/1"


class BaselineError(Exception):
    """A baseline file that cannot be read or is not a claimcheck baseline."""


@dataclass(frozen=True, slots=True, order=True)
class ClaimRef:
    """One claim of an accepted finding, identified by meaning, not position."""

    doc: str
    text: str  # the number as written: 601家
    quote: str  # digest of the normalised quote


@dataclass(frozen=True, slots=True)
class Entry:
    """One accepted finding."""

    fingerprint: str
    rule: str
    message: str = ""
    indicator: str | None = None
    entity: str | None = None
    values: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    claims: tuple[ClaimRef, ...] = ()
    reason: str | None = None

    @property
    def topic(self) -> tuple[str, str | None, str | None]:
        """What a later finding must share with this entry to be "the same conflict, changed"."""
        return self.rule, self.entity, self.indicator

    def sort_key(self) -> tuple:
        return (self.rule, self.indicator or "", self.entity or "", self.files, self.fingerprint)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"fingerprint": self.fingerprint, "rule": self.rule}
        if self.indicator is not None:
            out["indicator"] = self.indicator
        if self.entity is not None:
            out["entity"] = self.entity
        if self.values:
            out["values"] = list(self.values)
        out["files"] = list(self.files)
        out["message"] = self.message
        if self.claims:
            out["claims"] = [{"doc": c.doc, "text": c.text, "quote": c.quote} for c in self.claims]
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass
class Baseline:
    """Entries by fingerprint, and where they were read from."""

    entries: dict[str, Entry] = field(default_factory=dict)
    path: Path | None = None

    def get(self, fingerprint: str) -> Entry | None:
        return self.entries.get(fingerprint)


def quote_digest(quote: str) -> str:
    """A short digest of a quote with width, case and white space folded (so re-wrapping keeps it)."""
    folded = "".join(unicodedata.normalize("NFKC", quote).casefold().split())
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=6).hexdigest()


def _claim_ref(claim: Claim) -> ClaimRef:
    return ClaimRef(claim.span.doc, claim.quantity.text, quote_digest(claim.quote))


def _one(values: set[str]) -> str | None:
    return next(iter(values)) if len(values) == 1 else (" / ".join(sorted(values)) if values else None)


_last_index: tuple[list[Claim], dict[str, Claim]] | None = None


def _claims_by_id(run: Run) -> dict[str, Claim]:
    """The run's claims by id, built once per claim list (entry_for is called once per finding)."""
    global _last_index
    if _last_index is None or _last_index[0] is not run.claims:
        _last_index = (run.claims, {c.id: c for c in run.claims})
    return _last_index[1]


def _about(finding: Finding, claims: list[Claim]) -> tuple[str | None, str | None]:
    """``(indicator, entity)`` of a finding, from its claims, else from its evidence."""
    ev = finding.evidence or {}
    indicator = _one({c.indicator for c in claims}) if claims else ev.get("indicator")
    entity = _one({c.entity for c in claims}) if claims else ev.get("entity")
    return (indicator if isinstance(indicator, str) else None), (entity if isinstance(entity, str) else None)


def topic_of(finding: Finding, run: Run) -> tuple[str, str | None, str | None]:
    """``Entry.topic`` of the entry ``entry_for`` would make, without building it."""
    by_id = _claims_by_id(run)
    indicator, entity = _about(finding, [by_id[c] for c in finding.claims if c in by_id])
    return finding.rule, entity, indicator


def entry_for(finding: Finding, run: Run, reason: str | None = None) -> Entry:
    """The baseline entry that accepts ``finding`` (context taken from its claims and evidence)."""
    by_id = _claims_by_id(run)
    claims = [by_id[c] for c in finding.claims if c in by_id]
    indicator, entity = _about(finding, claims)
    files = sorted({s.doc for s in finding.spans} | {c.span.doc for c in claims})
    return Entry(fingerprint=finding.fingerprint, rule=finding.rule, message=finding.message,
                 indicator=indicator, entity=entity,
                 values=tuple(c.quantity.text for c in claims), files=tuple(files),
                 claims=tuple(sorted({_claim_ref(c) for c in claims})), reason=reason)


def _entry_from_dict(raw: Any, where: str) -> Entry:
    if not isinstance(raw, dict) or not isinstance(raw.get("fingerprint"), str) \
            or not isinstance(raw.get("rule"), str):
        raise BaselineError(f"{where}: every entry needs a 'fingerprint' and a 'rule'")
    claims = tuple(ClaimRef(str(c.get("doc", "")), str(c.get("text", "")), str(c.get("quote", "")))
                   for c in raw.get("claims", []) if isinstance(c, dict))
    reason = raw.get("reason")
    # An old code (a rule moved to a new code since the file was written) reads as the current one:
    # the fingerprint still matches (it is made from the rule's permanent key) and topics compare equal.
    rule = resolve(raw["rule"]) or raw["rule"]
    return Entry(fingerprint=raw["fingerprint"], rule=rule, message=str(raw.get("message", "")),
                 indicator=raw.get("indicator"), entity=raw.get("entity"),
                 values=tuple(map(str, raw.get("values", []))), files=tuple(map(str, raw.get("files", []))),
                 claims=claims, reason=reason if isinstance(reason, str) and reason else None)


def load_baseline(path: Path) -> Baseline:
    """Read a baseline file; a missing, malformed or foreign file is a ``BaselineError``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"{path}: no such baseline file (create it with `claimcheck baseline write`)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a readable JSON baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA or not isinstance(data.get("entries"), list):
        found = data.get("schema") if isinstance(data, dict) else type(data).__name__
        raise BaselineError(f"{path}: not a claimcheck baseline (expected schema {SCHEMA!r}, found {found!r})")
    entries = [_entry_from_dict(raw, f"{path}: entry {i + 1}") for i, raw in enumerate(data["entries"])]
    return Baseline({e.fingerprint: e for e in entries}, Path(path))


def render_baseline(entries: list[Entry] | dict[str, Entry]) -> str:
    """The baseline file's text: stable order, readable Chinese, trailing newline."""
    items = entries.values() if isinstance(entries, dict) else entries
    unique = {e.fingerprint: e for e in items}
    body = [e.to_dict() for e in sorted(unique.values(), key=Entry.sort_key)]
    return json.dumps({"schema": SCHEMA, "entries": body}, ensure_ascii=False, indent=2) + "\n"
