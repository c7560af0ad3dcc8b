"""The quantity parser's tables, read once from ``rules/units.toml`` and ``rules/numeral_words.toml``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from ..resources import load_rules_toml

__all__ = ["Unit", "Shape", "Tables", "tables", "trie_regex", "unit_guard", "unit_guards"]

INF = Decimal("Infinity")


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit as written: its canonical unit, dimension, factor and what it makes of a number."""

    text: str
    unit: str
    dim: str
    factor: Decimal
    kind: str
    claimable: bool
    approx: bool  # 个多月: the unit itself carries 多
    not_before: str  # characters that may not follow (成 in 成为, 集 in 集团)
    half: bool = False  # 年半, 个半小时: the unit adds half of itself (两年半 → 2.5 年)
    not_after: tuple[str, ...] = ()  # whole numbers it is no unit after (1080P is a resolution)


@dataclass(frozen=True, slots=True)
class Shape:
    """An interval shape: bounds as factors of the stated value ("inf" = unbounded)."""

    name: str
    low: Decimal | None  # None = unbounded
    high: Decimal | None
    low_inclusive: bool
    high_inclusive: bool
    plus_place: bool  # high = v + place (余/多)


@dataclass(frozen=True, slots=True)
class Tables:
    """Everything the grammar and the reader look up."""

    units: dict[str, Unit]
    shapes: dict[str, Shape]
    before: dict[str, str]  # qualifier word before a number → shape name
    after: dict[str, str]  # qualifier word after a number → shape name
    directions: dict[str, int]  # sign word → +1 / -1
    rank_units: frozenset[str]
    edition_units: frozenset[str]
    period_units: frozenset[str]
    hotlines: frozenset[str]
    skip_index: dict[str, tuple[tuple[int, str], ...]]  # bigram → ((offset of numeral, word), ...)
    unit_pattern: str  # regex alternation of unit texts, longest first, with their guards


def _shape(name: str, row: dict) -> Shape:
    plus = row["high"] == "+place"
    high = None if row["high"] in ("inf", "+place") else Decimal(row["high"])
    low = None if row["low"] == "inf" else Decimal(row["low"])
    return Shape(name, low, high, row["low_inclusive"], row["high_inclusive"], plus)


def _unit(text: str, row: dict) -> Unit:
    dim = row["dim"]
    kind = row.get("kind", "money" if dim == "money" else "number")
    return Unit(text, row["unit"], dim, Decimal(row.get("factor", "1")), kind,
                row.get("claimable", True), row.get("approx", False), row.get("not_before", ""),
                row.get("half", False), tuple(row.get("not_after", ())))


def _unit_pattern(units: dict[str, Unit]) -> str:
    """The unit texts as a trie-shaped regex: ``个(?:百分点|月|(?!...))|人(?:次|(?![才民]))|...``.

    A flat alternation of 160 words costs a comparison per word at every number; grouped by
    first character, a failing unit costs one comparison per distinct first character. Longer
    units come first inside a group, so 人次 wins over 人; a unit's guard (``not_before``: 集 is
    no unit in 集团) sits on its leaf.
    """
    return trie_regex(unit_guards(units))


def unit_guards(units: dict[str, Unit]) -> dict[str, str]:
    """Each unit's text and its guard (``unit_guard``)."""
    return {text: unit_guard(text, unit) for text, unit in units.items()}


def unit_guard(text: str, unit: Unit) -> str:
    """The regex put after a unit's text wherever the grammar reads it: the characters that may
    not follow it (``not_before``), no Latin letter after a Latin unit (P, km: not the start of a
    longer word), and no whole number it is no unit after (``not_after``: 1080P, 720P are video
    resolutions, not computing power; 21080P still is).
    Example: for P, "(?![A-Za-z])(?<!(?<![0-9.])1080P)…".
    """
    end = ""
    if unit.not_before:
        end += "(?![" + re.escape(unit.not_before) + "])"
    if text.isascii() and text[-1].isalpha():
        end += "(?![A-Za-z])"
    for number in unit.not_after:
        end += "(?<!(?<![0-9.])" + re.escape(number + text) + ")"
    return end


def trie_regex(words: dict[str, str]) -> str:
    """An alternation of ``words`` shaped as a trie; each word's value is a regex put after it."""
    trie: dict = {}
    for word, guard in words.items():
        node = trie
        for c in word:
            node = node.setdefault(c, {})
        node[""] = guard
    return _trie(trie)


def _trie(node: dict) -> str:
    alts = [re.escape(c) + _trie(node[c]) for c in sorted(k for k in node if k)]
    if "" in node:
        alts.append(node[""])
    if len(alts) == 1:
        return alts[0]
    return "(?:" + "|".join(alts) + ")"


_NUMERAL_CHARS = frozenset("零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟萬億廿卅第")


def _skip_index(words: list[str]) -> dict[str, tuple[tuple[int, str], ...]]:
    """Index numeral-bearing words by the bigram at the start of each of their numeral runs.

    A run at offset i of the word is found in the text by the bigram (char before, first numeral)
    when i > 0, else (first numeral, char after): ``统一`` is filed under "统一" with offset 1.
    """
    index: dict[str, list[tuple[int, str]]] = {}
    for word in words:
        for i, c in enumerate(word):
            if c not in _NUMERAL_CHARS or (i > 0 and word[i - 1] in _NUMERAL_CHARS):
                continue
            key = word[i - 1:i + 1] if i > 0 else word[:2]
            index.setdefault(key, []).append((i, word))
    return {k: tuple(sorted(set(v), key=lambda e: (-len(e[1]), e))) for k, v in index.items()}


@cache
def tables() -> Tables:
    """Load and index the tables (once per process)."""
    data = load_rules_toml("units.toml")
    words = load_rules_toml("numeral_words.toml")["words"]
    units = {text: _unit(text, row) for text, row in data["units"].items()}
    ordinal = data["ordinal"]
    return Tables(
        units=units,
        shapes={name: _shape(name, row) for name, row in data["shapes"].items()},
        before=dict(data["qualifiers"]["before"]),
        after=dict(data["qualifiers"]["after"]),
        directions={k: int(v) for k, v in data["directions"].items()},
        rank_units=frozenset(ordinal["rank_units"]),
        edition_units=frozenset(ordinal["edition_units"]),
        period_units=frozenset(ordinal["period_units"]),
        hotlines=frozenset(data["codes"]["hotlines"]),
        skip_index=_skip_index(words),
        unit_pattern=_unit_pattern(units),
    )
