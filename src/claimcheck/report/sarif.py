"""SARIF 2.1.0 output: one run, the rule table as ``tool.driver.rules``, semantic fingerprints.

Locations are repo-relative URIs under ``%SRCROOT%`` (the working directory), columns count
Unicode code points (``columnKind``), and regions carry both line/column and char offset/length.
The first location of a result is the claim in the new or newest article; the other claims are
``relatedLocations``. Baselined and suppressed findings are left out unless ``include_all``.
"""

from __future__ import annotations

import json
import os
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .. import __version__
from ..codes import Rule, rules
from ..model import Finding, Span
from .lines import LineIndex

if TYPE_CHECKING:
    from ..engine import Run

__all__ = ["SARIF_SCHEMA", "FINGERPRINT_KEY", "run_to_sarif", "render_sarif", "repo_uri"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "claimcheck/v1"
_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def repo_uri(path: str, root: Path | None = None) -> str:
    """``path`` relative to ``root`` (default: the working directory) as a percent-encoded URI reference."""
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to((root or Path.cwd()).resolve())
        except ValueError:
            return p.resolve().as_uri()
    posix = PurePosixPath(p.as_posix().replace(os.sep, "/"))
    parts = [part for part in posix.parts if part not in (".", "")]
    return quote("/".join(parts), safe="/")


def _rule_to_sarif(rule: Rule) -> dict[str, Any]:
    from ..cli.rules import rule_markdown, rule_text

    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": rule.what or rule.summary},
        "help": {"text": rule_text(rule), "markdown": rule_markdown(rule)},
        "defaultConfiguration": {"level": _LEVEL[rule.severity]},
        "properties": {"tags": [rule.check]},
    }


class _Places:
    """Spans to SARIF physical locations, with line indexes built once per document."""

    def __init__(self, run: Run, root: Path | None) -> None:
        self._run, self._root = run, root
        self._lines: dict[str, LineIndex] = {}
        self._uris: dict[str, str] = {}

    def location(self, span: Span, message: str | None = None) -> dict[str, Any]:
        doc = self._run.document(span.doc)
        path = doc.path if doc else span.doc
        uri = self._uris.get(path) or self._uris.setdefault(path, repo_uri(path, self._root))
        # a uriBaseId may only qualify a relative reference; a file outside the root stays a file: URI
        artifact = {"uri": uri} if uri.startswith("file:") else {"uri": uri, "uriBaseId": "%SRCROOT%"}
        physical: dict[str, Any] = {"artifactLocation": artifact}
        if doc is not None:
            index = self._lines.get(doc.id) or self._lines.setdefault(doc.id, LineIndex(doc.text))
            line, col = index.position(span.start)
            end_line, end_col = index.position(span.end)
            physical["region"] = {"startLine": line, "startColumn": col, "endLine": end_line,
                                  "endColumn": end_col, "charOffset": span.start,
                                  "charLength": span.end - span.start}
        out: dict[str, Any] = {"physicalLocation": physical}
        if message:
            out["message"] = {"text": message}
        return out


def _claim_labels(run: Run) -> dict[str, str]:
    return {c.id: f"{c.quantity.text} ({c.period.label})" for c in run.claims}


def _result(f: Finding, index: dict[str, int], places: _Places, labels: dict[str, str],
            with_state: bool) -> dict[str, Any]:
    claim_ids = list(f.claims) if len(f.claims) == len(f.spans) else [None] * len(f.spans)
    locs = [places.location(s, labels.get(c) if c else None) for s, c in zip(f.spans, claim_ids)]
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": f.message},
        "locations": locs[:1],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint},
    }
    if len(locs) > 1:
        out["relatedLocations"] = [dict(loc, id=i) for i, loc in enumerate(locs[1:], start=1)]
    if with_state:
        out["baselineState"] = "unchanged" if f.status == "baselined" else "new"
    info = f.evidence.get("suppression") if f.status == "suppressed" else None
    if info:
        out["suppressions"] = [{"kind": "inSource" if info.get("kind") == "inline" else "external",
                                "justification": info.get("reason") or "no reason given"}]
    return out


def _information_uri() -> str | None:
    """The project's home page from the installed metadata, if it declares one (never invented)."""
    try:
        meta = metadata("claimcheck")
    except PackageNotFoundError:
        return None
    urls = [u.split(",", 1)[1].strip() for u in meta.get_all("Project-URL") or [] if "," in u]
    return meta.get("Home-page") or (urls[0] if urls else None)


def _driver(table: list[Rule]) -> dict[str, Any]:
    driver: dict[str, Any] = {"name": "claimcheck", "version": __version__, "semanticVersion": __version__}
    if uri := _information_uri():
        driver["informationUri"] = uri
    driver["rules"] = [_rule_to_sarif(r) for r in table]
    return driver


def run_to_sarif(run: Run, *, include_all: bool = False, baseline_used: bool = False,
                 root: Path | None = None) -> dict[str, Any]:
    """The SARIF log as a dict."""
    table = list(rules().values())
    index = {r.code: i for i, r in enumerate(table)}
    places = _Places(run, root)
    labels = _claim_labels(run)
    shown = [f for f in run.findings if include_all or f.status == "new"]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": _driver(table)},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index, places, labels, baseline_used) for f in shown],
        }],
    }


def render_sarif(run: Run, *, include_all: bool = False, baseline_used: bool = False) -> str:
    """The SARIF log as text: indented outline, one compact line per result (fast to write, easy to diff)."""
    log = run_to_sarif(run, include_all=include_all, baseline_used=baseline_used)
    results = log["runs"][0].pop("results")
    log["runs"][0]["results"] = "\x00RESULTS\x00"
    outline = json.dumps(log, ensure_ascii=False, indent=2)
    # json.dumps without indent uses the C encoder: ten times faster on large logs
    lines = ",\n".join("        " + json.dumps(r, ensure_ascii=False, separators=(", ", ": ")) for r in results)
    body = f"[\n{lines}\n      ]" if results else "[]"
    return outline.replace('"\\u0000RESULTS\\u0000"', body, 1) + "\n"
