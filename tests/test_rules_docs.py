"""The rule table is honest, its docs are complete, and every documented example runs as a test."""

from __future__ import annotations

import importlib.util
import re

import pytest

from ci_support import real_pipeline_ready, run_cli, write_corpus
from claimcheck.codes import SEVERITIES, resolve, rules
from claimcheck.engine import run
from claimcheck.options import Options
from claimcheck.resources import load_rules_toml

RULES = list(rules().values())


def _duplicates_ready() -> bool:
    try:
        return importlib.util.find_spec("claimcheck.checks.duplicates") is not None
    except ImportError:
        return False


# What each check kind needs before its examples can run for real.
READY = {
    "conflict": (real_pipeline_ready, "needs the claim extractor and conflict check (issue 3), not landed yet"),
    "duplicates": (_duplicates_ready, "needs the duplicates check (issue 4), not landed yet"),
}


def test_table_is_honest():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"CC\d{3}", c) for c in codes)
    names = [r.name for r in RULES]
    assert len(names) == len(set(names)) and all(re.fullmatch(r"[a-z]+(-[a-z]+)*", n) for n in names)
    assert len({(r.check, r.outcome) for r in RULES}) == len(RULES)
    assert all(r.severity in SEVERITIES for r in RULES)
    redirects = load_rules_toml("rules.toml").get("redirects", {})
    for old, new in redirects.items():
        assert old not in rules() and new in rules(), (old, new)
        assert resolve(old) == new


def test_rule_keys_are_permanent_first_codes():
    """A key seeds fingerprints: unique, and either the rule's code or an old code redirecting to it.

    When a rule moves to a new code, its key stays the old code and [redirects] sends that code to
    the new one; a key never names another rule's current code (that would be a reused code).
    """
    keys = [r.key for r in RULES]
    assert len(keys) == len(set(keys)), keys
    redirects = load_rules_toml("rules.toml").get("redirects", {})
    for rule in RULES:
        assert re.fullmatch(r"CC\d{3}", rule.key), rule.key
        assert rule.key == rule.code or redirects.get(rule.key) == rule.code, (rule.code, rule.key)
        assert rule.key not in rules() or rule.key == rule.code, (rule.code, rule.key)


def test_old_names_resolve_through_redirects(monkeypatch):
    from claimcheck import codes

    monkeypatch.setattr(codes, "redirects", lambda: {"CC100": "CC101", "number-conflict": "CC101"})
    assert [resolve(x) for x in ("cc100", "CC100", "number-conflict", "Number-Conflict", "nope")] == \
        ["CC101", "CC101", "CC101", "CC101", None]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_is_documented(rule):
    assert rule.summary and len(rule.what) > 40 and len(rule.why) > 40, f"{rule.code}: add what/why to rules.toml"
    assert rule.example("bad") and rule.example("good"), f"{rule.code}: add [rule.example.bad] and [rule.example.good]"


@pytest.mark.parametrize("kind", ["bad", "good"])
@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_examples_run(tmp_path, rule, kind):
    ready, why = READY.get(rule.check, (lambda: True, ""))
    if not ready():
        pytest.xfail(why)
    write_corpus(tmp_path / "example", {name: text.encode("utf-8") for name, text in rule.example(kind).items()})
    result = run([str(tmp_path / "example")], Options(select=(rule.code,), workers=1))
    fired = [f for f in result.findings if f.rule == rule.code]
    if kind == "bad":
        assert fired, f"{rule.code}: its bad example does not trigger it"
    else:
        assert not fired, f"{rule.code}: its good example triggers it: {[f.message for f in fired]}"


def test_rule_command_prints_the_docs():
    code, out, _ = run_cli(["rule", "value-conflict"])
    assert code == 0
    rule = rules()["CC101"]
    for text in ("CC101 value-conflict (error)", "What it does", "Why it matters", "Example (reported)",
                 "Example (not reported)", rule.example("bad")["a.txt"].strip()):
        assert text in out
    assert run_cli(["rule", "cc101"])[1] == out
    assert run_cli(["rule", "CC000"])[0] == 2


def test_rules_command_lists_every_rule():
    code, out, _ = run_cli(["rules"])
    assert code == 0
    assert [line.split()[0] for line in out.splitlines()] == [r.code for r in RULES]
