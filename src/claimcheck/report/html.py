"""The HTML consistency report: one self-contained page built from the ``claimcheck/1`` JSON and the texts.

The page shows exactly what the JSON says (it is even embedded, for download); the document texts
only supply snippets and passages. Templates live in ``report/templates`` and are rendered with
autoescaping on: every piece of article text reaches the page escaped.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from ..codes import WORST_FIRST, rules
from .jsonout import quantity_to_dict, run_to_dict
from .lines import LineIndex
from .numberline import AXIS_HEIGHT, number_line
from .snippets import diff_segments, fmt, reading, short_path, snippet

if TYPE_CHECKING:
    from ..baseline import Entry
    from ..engine import Run

__all__ = ["render_html", "page_context"]

_VERDICT_RANK = {"conflict": 0, "timeline": 1, "consistent": 2, "single": 3}
_OPEN_ITEMS = 40  # items shown unfolded on load; the rest open on demand (keeps long reports short)
_CONTEXT = 24  # characters of context shown around a duplicated passage
# Groups that no finding shows (timelines, consistent groups) beyond this many stay in the JSON only:
# a page of thousands of them is slow to open and nobody reads it.
MAX_GROUP_ITEMS = 1000
_MAX_PAIRS = 4  # places of a boilerplate passage shown side by side with the first; the rest are listed


@cache
def _env() -> Environment:
    return Environment(loader=PackageLoader("claimcheck.report", "templates"), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def _asset(name: str) -> str:
    """A stylesheet or script from the templates folder, verbatim (not a template)."""
    env = _env()
    return env.loader.get_source(env, name)[0]  # type: ignore[union-attr]


def _claim_view(c: dict[str, Any], texts: dict[str, str], hot: frozenset[str]) -> dict[str, Any]:
    text = texts.get(c["path"], "")
    return {
        **c,
        "short": short_path(c["path"]),
        "snippet": snippet(text, c["start"], c["end"], c.get("indicator_text") or "") if text else
        [(c.get("quote") or c["text"], "")],
        "reading": reading(c["low"], c["high"], c["low_inclusive"], c["high_inclusive"], c["value"]),
        "hot": c["id"] in hot,
        "label": f"{c['text']} · {short_path(c['path'], 20)}",
        "title": f"{c['text']} → {reading(c['low'], c['high'], c['low_inclusive'], c['high_inclusive'], c['value'])}"
                 f" ({c['path']}:{c['line']}:{c['column']})",
    }


def _group_view(group: dict[str, Any], claims: list[dict[str, Any]], texts: dict[str, str],
                hot: frozenset[str]) -> dict[str, Any]:
    views = [_claim_view(c, texts, hot) for c in claims]
    return {"group": group, "claims": views, "line": number_line(views, hot), "axis_height": AXIS_HEIGHT}


def _passage(loc: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """One place of a repeated passage, with a little context that stays inside its paragraph."""
    text = texts.get(loc["path"], "")
    start, end = loc["start"], loc["end"]
    before = text[max(0, start - _CONTEXT):start]
    after = text[end:end + _CONTEXT]
    return {**loc, "short": short_path(loc["path"]), "body": text[start:end],
            "before": before[before.rfind("\n") + 1:], "after": after.split("\n", 1)[0]}


def _passages_view(finding: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """Every location of a repeated passage, each diffed against the first one."""
    first, *others = [_passage(loc, texts) for loc in finding["locations"]]
    pairs = []
    for other in (others or [first])[:_MAX_PAIRS]:
        left, right = diff_segments(first["body"], other["body"])
        same = all(cls == "" for _, cls in left + right)
        pairs.append({"a": first, "b": other, "left": left, "right": right, "identical": same})
    evidence = {"length": len(first["body"]), **(finding.get("evidence") or {})}
    facts = [(k.replace("_", " "), fmt(v) if isinstance(v, (int, float)) else v)
             for k, v in sorted(evidence.items()) if isinstance(v, (str, int, float)) and not isinstance(v, bool)]
    return {"pairs": pairs, "facts": facts, "more": others[_MAX_PAIRS:]}


def _finding_item(f: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    """A finding: its whole group when it is about claims, its passages when it has several places."""
    claim_ids = f["claims"]
    group = ctx.group_of(claim_ids)
    body: dict[str, Any]
    if group is not None:
        members = [ctx.claims[i] for i in group["claims"] if i in ctx.claims]
        body = {"kind": "group", **_group_view(group, members, ctx.texts, frozenset(claim_ids))}
        ctx.shown_groups.add(group["id"])
    elif claim_ids:
        members = [ctx.claims[i] for i in claim_ids if i in ctx.claims]
        body = {"kind": "group", **_group_view({}, members, ctx.texts, frozenset(claim_ids))}
    elif len(f["locations"]) >= 2:
        body = {"kind": "passages", **_passages_view(f, ctx.texts)}
    else:
        body = {"kind": "plain", "locations": f["locations"]}
    first = ctx.claims.get(claim_ids[0]) if claim_ids else None
    rule = rules().get(f["rule"])
    return {
        "anchor": f"f-{f['fingerprint']}", "kind": "finding", "finding": f, "body": body,
        "severity": f["severity"], "rule": f["rule"], "rule_name": rule.name if rule else "",
        "indicator": (group or {}).get("indicator") or (first or {}).get("indicator") or "",
        "entity": (group or {}).get("entity") or (first or {}).get("entity") or "",
        "docs": sorted({loc["path"] for loc in f["locations"]}), "status": f["status"],
        "category": f["status"], "message": f["message"],
    }


def _group_item(group: dict[str, Any], ctx: _Context) -> dict[str, Any]:
    """A group that no finding shows: a timeline, a consistent group, a conflict whose rule is off."""
    members = [ctx.claims[i] for i in group["claims"] if i in ctx.claims]
    return {
        "anchor": f"g-{group['id']}", "kind": "group", "finding": None,
        "body": {"kind": "group", **_group_view(group, members, ctx.texts, frozenset())},
        "severity": "", "rule": "", "rule_name": "", "indicator": group["indicator"],
        "entity": group["entity"], "docs": sorted({c["path"] for c in members}), "status": "",
        "category": group["verdict"], "message": _group_message(group, members),
    }


def _group_message(group: dict[str, Any], members: list[dict[str, Any]]) -> str:
    values = "、".join(c["text"] for c in members)
    return f"{group['verdict']}: {values}"


class _Context:
    """Lookups shared while building the items: claims by id, groups by claim, texts by path."""

    def __init__(self, data: dict[str, Any], texts: dict[str, str]) -> None:
        self.texts = texts
        self.claims = {c["id"]: c for c in data["claims"]}
        self.groups = data["groups"]
        self._group_by_claim = {cid: g for g in data["groups"] for cid in g["claims"]}
        self._position = {g["id"]: i for i, g in enumerate(data["groups"])}
        self.shown_groups: set[str] = set()

    def group_of(self, claim_ids: list[str]) -> dict[str, Any] | None:
        """The group that holds most of ``claim_ids`` (first such group in JSON order)."""
        votes = Counter(self._group_by_claim[c]["id"] for c in claim_ids if c in self._group_by_claim)
        if not votes:
            return None
        best = min(votes, key=lambda gid: (-votes[gid], self._position[gid]))
        return self.groups[self._position[best]]


def _group_rank(group: dict[str, Any], ctx: _Context) -> tuple:
    """Most telling first: conflicts, timelines, then consistent groups; more articles first."""
    docs = {ctx.claims[c]["path"] for c in group["claims"] if c in ctx.claims}
    return _VERDICT_RANK.get(group["verdict"], 9), -len(docs), -len(group["claims"]), group["id"]


def _items(data: dict[str, Any], texts: dict[str, str]) -> tuple[list[dict[str, Any]], int]:
    """The list's items (findings, then groups no finding shows) and how many groups were left out."""
    ctx = _Context(data, texts)
    items = [_finding_item(f, ctx) for f in data["findings"]]
    rest = [g for g in data["groups"] if g["id"] not in ctx.shown_groups and len(g["claims"]) >= 2]
    rest.sort(key=lambda g: _group_rank(g, ctx))
    items += [_group_item(g, ctx) for g in rest[:MAX_GROUP_ITEMS]]
    for i, it in enumerate(items):
        it["order"] = i
        it["open"] = i < _OPEN_ITEMS
        it["severity_rank"] = WORST_FIRST.index(it["severity"]) if it["severity"] in WORST_FIRST else 3
        it["doc_key"] = it["docs"][0] if it["docs"] else ""
    return items, max(0, len(rest) - MAX_GROUP_ITEMS)


def _unplaced(run: Run) -> list[dict[str, Any]]:
    """Claimable numbers that no claim took up: read, but not checked against anything."""
    taken = {(c.span.doc, c.span.start, c.span.end) for c in run.claims}
    out = []
    for doc in run.documents:
        index = LineIndex(doc.text)
        for q in run.quantities.get(doc.id, []):
            if not q.claimable or (doc.id, q.start, q.end) in taken:
                continue
            qd = quantity_to_dict(q)
            line, column = index.position(q.start)
            out.append({**qd, "path": doc.path, "short": short_path(doc.path), "line": line,
                        "column": column, "snippet": snippet(doc.text, q.start, q.end, radius=30),
                        "reading": reading(qd["low"], qd["high"], qd["low_inclusive"],
                                           qd["high_inclusive"], qd["value"])})
    return out


def _cards(data: dict[str, Any], items: list[dict[str, Any]], unplaced: int) -> list[dict[str, Any]]:
    """The summary figures at the top of the page, each linking to what it counts."""
    s = data["summary"]
    checks = {code: r.check for code, r in rules().items()}
    new = [f for f in data["findings"] if f["status"] == "new"]
    conflicts = sum(1 for f in new if checks.get(f["rule"]) == "conflict")
    dups = sum(1 for f in new if checks.get(f["rule"]) == "duplicates")
    multi = sum(1 for g in data["groups"] if len(g["claims"]) >= 2)
    verdicts = ", ".join(f"{n} {v}" for v, n in s["verdicts"].items()) or "none"
    cards = [
        ("Documents", s["documents"], f"{s['characters']} characters", "#documents", "", ""),
        ("Numbers seen", s["quantities"], f"{s['claimable_quantities']} could be claims", "#unplaced", "", ""),
        ("Claims", s["claims"], "numbers placed in context", "#findings", "", ""),
        ("Groups", multi, f"of {s['groups']}: {verdicts}", "#findings", "", ""),
        ("Conflicts", conflicts, "new contradicting figures", "#findings", "conflict", "bad" if conflicts else ""),
        ("Duplicated passages", dups, "new repeated passages", "#findings", "duplicates", "warn" if dups else ""),
        ("Not understood", unplaced, "numbers not checked", "#unplaced", "", "warn" if unplaced else ""),
    ]
    if s["unreadable"]:
        cards.append(("Unreadable files", s["unreadable"], "not checked at all", "#documents", "", "bad"))
    return [dict(zip(("label", "value", "note", "href", "check", "tone"), c)) for c in cards]


def _embedded_json(data: dict[str, Any]) -> Markup:
    """The JSON for a ``<script type="application/json">``: ``<``, ``>``, ``&`` escaped, so no
    ``</script>`` or ``<!--`` in article text can end the element."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)  # safe: JSON with every markup-significant character escaped above


def _csp_hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def _rule_options(present: list[str]) -> list[dict[str, str]]:
    """The rule filter's choices: each check kind present (the summary cards pick these), then its rules."""
    table = rules()
    by_check: dict[str, list[str]] = {}
    for code in present:
        by_check.setdefault(table[code].check if code in table else code, []).append(code)
    out = []
    for check, codes in sorted(by_check.items()):
        out.append({"value": f"check:{check}", "label": f"all {check}"})
        out += [{"value": f"rule:{c}", "label": f"{c} {table[c].name if c in table else ''}".strip()}
                for c in codes]
    return out


def page_context(run: Run, stale: Sequence[Entry] = (), successors: Mapping[str, str] | None = None
                 ) -> dict[str, Any]:
    """Everything the template needs, as plain data (tests inspect it); ``stale``: for the embedded JSON."""
    data = run_to_dict(run, stale, successors)
    texts = {d.path: d.text for d in run.documents}
    items, left_out = _items(data, texts)
    unplaced = _unplaced(run)
    claims_per_doc = Counter(c["path"] for c in data["claims"])
    categories = sorted({it["category"] for it in items},
                        key=lambda c: (["new", "baselined", "suppressed", "conflict", "timeline",
                                        "consistent", "single"] + [c]).index(c))
    present = sorted({it["rule"] for it in items if it["rule"]})
    return {
        "data": data, "items": items, "left_out": left_out, "unplaced": unplaced, "cards": _cards(data, items, len(unplaced)),
        "claims_per_doc": claims_per_doc, "categories": categories,
        "rule_options": _rule_options(present),
        "checks": {code: r.check for code, r in rules().items()},
        "rule_summaries": {code: r.summary for code, r in rules().items()},
    }


def render_html(run: Run, stale: Sequence[Entry] = (), successors: Mapping[str, str] | None = None) -> str:
    """The whole report as one HTML document (deterministic: same run, same bytes)."""
    env = _env()
    ctx = page_context(run, stale, successors)
    # Our own stylesheet and script, rendered once and inlined; their hashes go into the page's
    # Content-Security-Policy, so no other inline script (say, one smuggled in an article) can run.
    css = _asset("report.css")
    js = _asset("report.js")
    return env.get_template("report.html.j2").render(
        **ctx, css=Markup(css), js=Markup(js), script_hash=_csp_hash(js), style_hash=_csp_hash(css),
        json_text=_embedded_json(ctx["data"]))
