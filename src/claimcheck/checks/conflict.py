"""Check kind ``conflict``: one result per group whose claims cannot all be true (outcome ``conflict``),
and one per cumulative indicator that shrinks over a timeline (outcome ``shrink``).

Granularity is the group, so a baseline entry stays stable while the same disagreement stays, and a
NEW value (a third article with another count) changes the group's identity: one new finding.
The first span is the claim of the newest dated document, then the one most at odds with the
others, then the last document id, so the finding points at the newcomer. The identity holds
meaning only: the group key, the distinct intervals, the documents and the figures as written of
the claims in conflict; never offsets, line numbers or claim ids.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..extract.indicators import lexicon
from ..extract.periods import comparable
from ..group import Bound, compared_interval, conflicting_pairs, group_key, interval, meets, tolerance_for
from ..model import CheckResult, Claim, Corpus, Document, Group
from ..options import Options
from ..report.jsonout import number

__all__ = ["check"]


# Evidence lists at most this many conflicting pairs (a large group can have thousands).
_MAX_PAIRS = 50
# The message names at most this many values; the evidence has them all.
_MAX_SHOWN = 6


def _order(claims: list[Claim], against: Counter[str], docs: dict[str, Document]) -> list[Claim]:
    """Newest dated document first (undated after), then most disagreements, then document id
    descending (a new file usually sorts after the old ones), then position."""
    out = sorted(claims, key=lambda c: c.span.start)
    out.sort(key=lambda c: c.span.doc, reverse=True)
    out.sort(key=lambda c: -against[c.id])
    out.sort(key=lambda c: docs[c.span.doc].date or "" if c.span.doc in docs else "", reverse=True)
    return out


def _interval_text(c: Claim) -> str:
    (lo, lo_in), (hi, hi_in) = interval(c)
    low = "-inf" if lo is None else format(lo.normalize(), "f")
    high = "inf" if hi is None else format(hi.normalize(), "f")
    return f"{'[' if lo_in and lo is not None else '('}{low},{high}{']' if hi_in and hi is not None else ')'}"


def _where(c: Claim, docs: dict[str, Document]) -> str:
    doc = docs.get(c.span.doc)
    name = (doc.path if doc else c.span.doc).replace("\\", "/").rsplit("/", 1)[-1]
    return f"{name}, {c.period.label}" if c.period.source in ("explicit", "relative", "heading") else name


def _value(c: Claim, docs: dict[str, Document], agreeing: bool = False) -> dict[str, Any]:
    q = c.quantity
    doc = docs.get(c.span.doc)
    return {"claim": c.id, "doc": c.span.doc, "path": doc.path if doc else c.span.doc, "text": q.text,
            "value": number(q.value), "low": number(q.low), "high": number(q.high),
            "low_inclusive": q.low_inclusive, "high_inclusive": q.high_inclusive,
            "period": c.period.label, "period_start": c.period.start, "period_end": c.period.end,
            "quote": c.quote, "agrees_with_all": agreeing}


def _message(g: Group, involved: list[Claim], others: list[Claim], base: str, docs: dict[str, Document]) -> str:
    what = g.indicator if g.measure in ("level", "rank") else f"{g.indicator} ({g.measure}{' ' + base if base else ''})"
    seen: dict[tuple[str, str], None] = {}
    for c in involved:
        seen.setdefault((c.quantity.text, _where(c, docs)), None)
    shown = list(seen)[:_MAX_SHOWN]
    parts = " vs ".join(f"{text} ({where})" for text, where in shown)
    if len(seen) > len(shown):
        parts += f" and {len(seen) - len(shown)} more"
    msg = f"{what} of {g.entity} disagree: {parts}"
    if others:
        agreeing = list(dict.fromkeys(c.quantity.text for c in others))
        texts = ", ".join(agreeing[:_MAX_SHOWN]) + (f" and {len(agreeing) - _MAX_SHOWN} more"
                                                     if len(agreeing) > _MAX_SHOWN else "")
        msg += f"; {texts} {'agrees' if len(others) == 1 else 'agree'} with {'both' if len(seen) == 2 else 'all'}"
    return msg


def _quote_key(c: Claim) -> str:
    """The figure as written, without spaces: not the sentence around it, so an editor's fix
    elsewhere in the sentence (a typo, another figure) does not turn the finding into a new one."""
    return "".join(c.quantity.text.split())


def _result(g: Group, members: list[Claim], options: Options, docs: dict[str, Document]) -> CheckResult | None:
    tol = tolerance_for(g.indicator, options)
    pairs = conflicting_pairs(members, tol)
    if not pairs:
        return None
    against: Counter[str] = Counter()
    for a, b in pairs:
        against[a.id] += 1
        against[b.id] += 1
    involved = _order([c for c in members if against[c.id]], against, docs)
    rest = [c for c in members if not against[c.id]]
    bounds = {c.id: compared_interval(c, tol) for c in members}  # each claim converted once
    # Agreeing: same time as every claim in conflict and compatible with each; the rest are other periods.
    others = [c for c in rest
              if all(comparable(c.period, x.period) and meets(bounds[c.id], bounds[x.id]) for x in involved)]
    later = [c for c in rest if c not in others]
    base = group_key(members[0])[4]
    identity = ("conflict", g.entity, g.indicator, g.measure, g.unit, base,
                "|".join(sorted({_interval_text(c) for c in involved})),
                "|".join(sorted({c.span.doc for c in involved})),
                "|".join(sorted({_quote_key(c) for c in involved})))
    evidence = {"group": g.id, "entity": g.entity, "indicator": g.indicator, "measure": g.measure,
                "unit": g.unit, "base": base or None,
                "periods": sorted({c.period.label for c in involved}),
                "values": [_value(c, docs) for c in involved] + [_value(c, docs, True) for c in others]
                + [_value(c, docs) for c in later],
                "pairs": [[a.id, b.id] for a, b in pairs[:_MAX_PAIRS]], "pair_count": len(pairs)}
    return CheckResult(kind="conflict", message=_message(g, involved, others, base, docs),
                       spans=tuple(c.span for c in involved), claims=tuple(c.id for c in involved),
                       evidence=evidence, identity=identity)


def _below(later: Claim, earlier: Claim, tolerance: float) -> bool:
    """True when every value ``later`` admits is smaller than every value ``earlier`` admits (both in
    the base unit: 1.2万吨 after 2500万斤 is a shrink)."""
    return _bounds_below(compared_interval(later, tolerance), compared_interval(earlier, tolerance))


def _bounds_below(later: tuple[Bound, Bound], earlier: tuple[Bound, Bound]) -> bool:
    """``_below`` on intervals already from ``compared_interval`` (the pair search converts each claim once)."""
    _, (hi, hi_in) = later
    (lo, lo_in), _ = earlier
    return hi is not None and lo is not None and (hi < lo or (hi == lo and not (hi_in and lo_in)))


def _shrink(g: Group, members: list[Claim], options: Options, docs: dict[str, Document]) -> CheckResult | None:
    """A cumulative stock reported smaller for a later period than for an earlier one."""
    if g.measure != "level" or g.indicator not in lexicon().cumulative:
        return None
    tol = tolerance_for(g.indicator, options)
    # Only periods the text states: a figure read "as of" its article's date may be older than that.
    dated = sorted((c for c in members if c.period.known and c.period.source in ("explicit", "relative", "heading")),
                   key=lambda c: (c.period.end, c.span.doc, c.span.start))
    bounds = [compared_interval(c, tol) for c in dated]  # once per claim, not once per pair
    pairs = [(a, dated[j]) for i, a in enumerate(dated) for j in range(i + 1, len(dated))
             if a.period.end < dated[j].period.end and _bounds_below(bounds[j], bounds[i])]
    if not pairs:
        return None
    later, earlier = pairs[-1][1], pairs[-1][0]
    message = (f"{g.indicator} of {g.entity} shrinks: {earlier.quantity.text} ({_where(earlier, docs)}) "
               f"then {later.quantity.text} ({_where(later, docs)})")
    identity = ("shrink", g.entity, g.indicator, g.measure, g.unit,
                "|".join(sorted({f"{c.period.end}:{_interval_text(c)}" for c in (earlier, later)})),
                "|".join(sorted({c.span.doc for c in (earlier, later)})),
                "|".join(sorted({_quote_key(c) for c in (earlier, later)})))
    evidence = {"group": g.id, "entity": g.entity, "indicator": g.indicator, "measure": g.measure,
                "unit": g.unit, "base": None, "periods": [earlier.period.label, later.period.label],
                "values": [_value(later, docs), _value(earlier, docs)], "pairs": [[later.id, earlier.id]]}
    return CheckResult(kind="shrink", message=message, spans=(later.span, earlier.span),
                       claims=(later.id, earlier.id), evidence=evidence, identity=identity)


def check(corpus: Corpus, options: Options) -> list[CheckResult]:
    """One result per group whose verdict is ``conflict``, and per cumulative group that shrinks."""
    by_id = {c.id: c for c in corpus.claims}
    docs = {d.id: d for d in corpus.documents}
    out = []
    for g in corpus.groups:
        members = [by_id[i] for i in g.claims]
        if g.verdict == "conflict":
            result = _result(g, members, options, docs)
            if result is not None:
                out.append(result)
        if g.verdict in ("timeline", "conflict"):
            shrink = _shrink(g, members, options, docs)
            if shrink is not None:
                out.append(shrink)
    return out
