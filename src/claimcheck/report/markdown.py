"""A Markdown summary fit for a pull-request comment: counts, a table of new findings, details folded."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from ..baseline import Entry
from ..codes import WORST_FIRST
from ..model import Finding
from .jsonout import summary
from .lines import Places

if TYPE_CHECKING:
    from ..engine import Run

__all__ = ["MARKER", "render_markdown", "cell"]

MARKER = "<!-- claimcheck report -->"  # lets a bot find and update its own comment
_ICON = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_MAX_ROWS = 50  # a PR comment has a size limit; the rest is counted, not listed


def cell(text: str) -> str:
    """Text safe inside a table cell: no HTML, no pipes, no line breaks."""
    return html.escape(text, quote=False).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _headline(counts: dict, stale: int) -> str:
    n = counts["findings"]
    if n == 0:
        head = "✅ **claimcheck**: no new findings"
    else:
        sev = counts["by_severity"]
        parts = [f"{sev[s]} {s}{'s' if sev[s] != 1 else ''}" for s in WORST_FIRST if sev[s]]
        head = f"❌ **claimcheck**: {n} new finding{'s' if n != 1 else ''} ({', '.join(parts)})"
    extra = [f"{counts[k]} {k}" for k in ("baselined", "suppressed") if counts[k]]
    if stale:
        extra.append(f"{stale} stale baseline entr{'ies' if stale != 1 else 'y'}")
    return head + (f"; {', '.join(extra)}" if extra else "")


def _details(f: Finding, run: Run, where: Places) -> list[str]:
    claims = {c.id: c for c in run.claims}
    out = [f"<details><summary>{_ICON[f.severity]} {f.rule} {html.escape(f.message[:80])}</summary>", ""]
    refs = list(zip(f.spans, f.claims)) if len(f.claims) == len(f.spans) else [(s, None) for s in f.spans]
    for span, cid in refs:
        claim = claims.get(cid) if cid else None
        text = f" `{claim.quantity.text}` {cell(claim.quote)}" if claim else ""
        out.append(f"- `{cell(where(span))}`{text}")
    out += ["", f"Fingerprint `{f.fingerprint}`", "", "</details>", ""]
    return out


def render_markdown(run: Run, *, stale: list[Entry] | None = None, include_all: bool = False,
                    successors: dict[str, str] | None = None) -> str:
    """The summary as Markdown text."""
    counts = summary(run)
    where = Places({d.id: d for d in run.documents})
    shown = [f for f in run.findings if include_all or f.status == "new"]
    out = [MARKER, _headline(counts, len(stale or [])), "",
           f"{counts['documents']} articles, {counts['claims']} claims in {counts['groups']} groups"
           + (f", {counts['unreadable']} unreadable files" if counts["unreadable"] else "") + ".", ""]
    if shown:
        out += ["| | Rule | Where | Finding |", "|---|---|---|---|"]
        for f in shown[:_MAX_ROWS]:
            state = "" if f.status == "new" else f" ({f.status})"
            out.append(f"| {_ICON[f.severity]} | `{f.rule}`{state} | `{cell(where(f.spans[0]))}` | {cell(f.message)} |")
        if len(shown) > _MAX_ROWS:
            out.append(f"\n…and {len(shown) - _MAX_ROWS} more (see the SARIF or JSON report).")
        out.append("")
        for f in shown[:_MAX_ROWS]:
            out += _details(f, run, where)
        if counts["findings"]:
            out += ["Fix the articles, or accept these findings with `claimcheck baseline update PATH --add-new` "
                    "(or a `<!-- claimcheck-disable-next-line CODE -- reason -->` comment in Markdown).", ""]
    if stale:
        out += ["<details><summary>Stale baseline entries (fixed or changed)</summary>", ""]
        now = successors or {}
        out += [f"- `{e.rule}` {cell(e.message)} ({cell(', '.join(e.files))})"
                + (f"; changed, now `{now[e.fingerprint]}`" if e.fingerprint in now else "") for e in stale]
        out += ["", "Remove them with `claimcheck baseline prune`.", "", "</details>", ""]
    return "\n".join(out).rstrip("\n") + "\n"
