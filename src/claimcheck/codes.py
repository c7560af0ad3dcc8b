"""The rule table: codes, names, severities and docs, loaded from ``rules/rules.toml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .resources import load_rules_toml

__all__ = ["Rule", "rules", "rule_for", "resolve", "SEVERITIES"]

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule instance: a check kind's outcome with a stable code, a severity and docs."""

    code: str
    name: str
    check: str
    outcome: str
    severity: str
    summary: str
    docs: dict[str, str]


@cache
def rules() -> dict[str, Rule]:
    """Every rule by code, in code order."""
    table = load_rules_toml("rules.toml")
    out: dict[str, Rule] = {}
    for entry in table.get("rule", []):
        fixed = {k: entry[k] for k in ("code", "name", "check", "outcome", "severity", "summary")}
        docs = {k: v for k, v in entry.items() if k not in fixed}
        out[fixed["code"]] = Rule(**fixed, docs=docs)
    return dict(sorted(out.items()))


@cache
def _by_outcome() -> dict[tuple[str, str], Rule]:
    return {(r.check, r.outcome): r for r in rules().values()}


def rule_for(check: str, outcome: str) -> Rule:
    """The rule that reports ``outcome`` of check kind ``check``."""
    return _by_outcome()[(check, outcome)]


def resolve(code_or_name: str) -> str | None:
    """The current code for a code, a redirected old code, or a rule name; None if unknown."""
    redirects = load_rules_toml("rules.toml").get("redirects", {})
    key = redirects.get(code_or_name.upper(), code_or_name)
    if key.upper() in rules():
        return key.upper()
    for rule in rules().values():
        if rule.name == key.lower():
            return rule.code
    return None
