"""The rule table: codes, names, severities and docs, loaded from ``rules/rules.toml`` (the one source)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from .options import Options
from .resources import load_rules_toml

__all__ = ["Rule", "rules", "rule_for", "redirects", "resolve", "enabled_rules", "SEVERITIES", "WORST_FIRST", "severity_rank"]

SEVERITIES = ("info", "warning", "error")  # mildest first: the index is the rank
WORST_FIRST = tuple(reversed(SEVERITIES))


def severity_rank(severity: str) -> int:
    """0 for info, 1 for warning, 2 for error: higher is worse."""
    return SEVERITIES.index(severity)


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule instance: a check kind's outcome with a stable code, a severity and docs."""

    code: str
    key: str  # permanent: the code the rule was first published under; seeds its fingerprints
    name: str
    check: str
    outcome: str
    severity: str
    summary: str
    docs: dict[str, Any]  # what, why, example = {bad = {file = text}, good = {...}}, ...

    @property
    def what(self) -> str:
        """What the rule reports (one paragraph)."""
        return str(self.docs.get("what", "")).strip()

    @property
    def why(self) -> str:
        """Why it matters to a reader or an editor."""
        return str(self.docs.get("why", "")).strip()

    def example(self, kind: str) -> dict[str, str]:
        """The ``bad`` (triggers the rule) or ``good`` (does not) example: a tiny corpus, file name -> text."""
        return dict(sorted(self.docs.get("example", {}).get(kind, {}).items()))


@cache
def rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    table = load_rules_toml("rules.toml")
    out: dict[str, Rule] = {}
    for entry in table.get("rule", []):
        fixed = {k: entry[k] for k in ("code", "key", "name", "check", "outcome", "severity", "summary")}
        docs = {k: v for k, v in entry.items() if k not in fixed}
        out[fixed["code"]] = Rule(**fixed, docs=docs)
    return dict(sorted(out.items()))


@cache
def _by_outcome() -> dict[tuple[str, str], Rule]:
    return {(r.check, r.outcome): r for r in rules().values()}


def rule_for(check: str, outcome: str) -> Rule:
    """The rule that reports ``outcome`` of check kind ``check``."""
    return _by_outcome()[(check, outcome)]


def redirects() -> dict[str, str]:
    """Old code or old name -> current code (``[redirects]`` of the rule table)."""
    return dict(load_rules_toml("rules.toml").get("redirects", {}))


def resolve(code_or_name: str) -> str | None:
    """The current code for a code, a redirected old code or old name, or a rule name; None if unknown."""
    table = redirects()
    target = table.get(code_or_name.upper(), table.get(code_or_name.lower(), code_or_name))
    if target.upper() in rules():
        return target.upper()
    for rule in rules().values():
        if rule.name == target.lower():
            return rule.code
    return None


def enabled_rules(options: Options) -> dict[str, Rule]:
    """The rules left after ``select`` and ``ignore`` (codes, old codes or names)."""
    chosen = {resolve(s) for s in options.select} - {None} if options.select else set(rules())
    chosen -= {resolve(s) for s in options.ignore}
    return {code: rule for code, rule in rules().items() if code in chosen}
