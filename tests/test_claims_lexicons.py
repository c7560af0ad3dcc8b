"""The lexicons in rules/ are consistent: one meaning per name, no name that is also a stop word."""

from __future__ import annotations

from collections import Counter

from claimcheck.extract.indicators import lexicon
from claimcheck.resources import load_rules_toml


def test_every_indicator_name_has_one_meaning() -> None:
    entries = load_rules_toml("indicators.toml")["indicator"]
    names = Counter(n for e in entries for n in {e["key"], *e.get("aliases", [])})
    assert [n for n, k in names.items() if k > 1] == []
    keys = [e["key"] for e in entries]
    assert len(keys) == len(set(keys))


def test_attribute_words_and_generic_nouns_are_not_indicators() -> None:
    lex = lexicon()
    assert not set(lex.prefixes) & set(lex.alias)
    assert not lex.generic & set(lex.alias)
    assert set(lex.same) <= set(lex.distinguishing) and set(lex.same.values()) <= set(lex.distinguishing)
    assert lex.cumulative <= set(lex.alias.values())


def test_every_place_name_has_one_meaning() -> None:
    data = load_rules_toml("entities.toml")
    seen: dict[str, str] = {}
    for entry in data["entity"]:
        names = entry.get("aliases", []) if entry.get("name_only") else [entry["key"], *entry.get("aliases", [])]
        for name in names:
            assert seen.setdefault(name, entry["key"]) == entry["key"], name
    assert not set(data["self"]["aliases"]) & set(seen)
