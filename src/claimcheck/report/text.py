"""Terminal report (rich): conflicts first, each claim with its place, quote, reading and period.

Layout, for a 100-column terminal::

    ✖ CC101 error  高新技术企业 · 呼和浩特
      高新技术企业 of 呼和浩特 disagree: 609家 (004_….txt, 2025年) vs 601家 (001_….txt)
      seeds/004_5abd1957de2ae845.txt:3:67  609家  x = 609  2025年
        …培育国家高新技术企业609家(占全区30%),…

Colour only on a terminal and never with ``NO_COLOR`` (rich honours both). ``-v`` adds the
consistent groups and timelines. Duplicate findings are drawn by ``report.text_duplicates``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..codes import rules
from ..model import Claim, Document, Finding, Group
from .jsonout import number, summary
from .lines import Places
from .snippets import reading, snippet
from .text_duplicates import render_duplicate

if TYPE_CHECKING:
    from ..engine import Run

__all__ = ["render_text"]

_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_MARK = {"error": "✖", "warning": "▲", "info": "●"}
_MAX_CLAIMS = 12  # claims shown per finding; a large group is summarised
_VERDICT_STYLE = {"consistent": "green", "timeline": "cyan", "conflict": "red"}


def _reading(c: Claim) -> str:
    q = c.quantity
    return reading(number(q.low), number(q.high), q.low_inclusive, q.high_inclusive, number(q.value))


def _quote(c: Claim, doc: Document | None, width: int) -> Text:
    """One line: the clause around the number, cut to fit (Chinese characters take two columns)."""
    out = Text("    ", no_wrap=True, overflow="ellipsis")
    if doc is None:
        return out.append(c.quote)
    radius = max(8, (width - 6 - 2 * len(c.quantity.text)) // 4)
    for text, cls in snippet(doc.text, c.span.start, c.span.end, c.indicator_text, radius=radius):
        style = {"num": "bold reverse", "ind": "underline", "gap": "dim"}.get(cls, "")
        out.append(text, style=style)
    return out


def _claim_lines(c: Claim, places: Places, docs: dict[str, Document], width: int, note: str = "") -> list[Text]:
    head = Text("  ")
    head.append(places(c.span), style="cyan")
    head.append("  ")
    head.append(c.quantity.text, style="bold")
    head.append(f"  {_reading(c)}", style="magenta")
    head.append(f"  {c.period.label}", style="dim")
    if note:
        head.append(f"  {note}", style="green")
    return [head, _quote(c, docs.get(c.span.doc), width)]


def _indented(console: Console, message: str) -> None:
    """``message`` wrapped to the console, every line indented by two columns, no trailing padding."""
    for line in Text(message).wrap(console, max(20, console.width - 2)):
        line.rstrip()
        console.print(Text("  ") + line, highlight=False)


def _title(f: Finding) -> Text:
    t = Text()
    t.append(f"{_MARK.get(f.severity, '●')} {f.rule} {f.severity}", style=_SEVERITY_STYLE.get(f.severity, "bold"))
    ev = f.evidence
    if ev.get("indicator"):
        t.append(f"  {ev['indicator']} · {ev.get('entity', '')}", style="bold")
        if ev.get("measure") not in (None, "level"):
            t.append(f" · {ev['measure']}{' ' + ev['base'] if ev.get('base') else ''}")
    return t


def _conflict(console: Console, f: Finding, claims: dict[str, Claim], places: Places,
              docs: dict[str, Document]) -> None:
    console.print(_title(f))
    _indented(console, f.message)
    listed = [(cid, "") for cid in f.claims if cid in claims]
    listed += [(v["claim"], "agrees") for v in f.evidence.get("values", [])
               if v.get("agrees_with_all") and v.get("claim") in claims]
    for cid, note in listed[:_MAX_CLAIMS]:
        for line in _claim_lines(claims[cid], places, docs, console.width, note):
            console.print(line, highlight=False)
    if len(listed) > _MAX_CLAIMS:
        console.print(Text(f"  … {len(listed) - _MAX_CLAIMS} more claims (--format json lists them all)",
                           style="dim"), highlight=False)
    console.print()


def _kind(f: Finding) -> tuple[str, str]:
    """The check kind and outcome behind a finding's rule (never the code itself: codes are data)."""
    rule = rules()[f.rule]
    return rule.check, rule.outcome


_CONFLICT = ("conflict", "conflict")


def _other(console: Console, f: Finding, docs: dict[str, Document]) -> None:
    if _kind(f)[0] == "duplicates":
        rendered: Any = render_duplicate(f, docs)
        if rendered is not None:
            console.print(rendered)
            console.print()
            return
    console.print(_title(f))
    _indented(console, f.message)
    console.print()


def _group(console: Console, g: Group, claims: dict[str, Claim], places: Places) -> None:
    head = Text("  ")
    head.append(f"{g.verdict:<10}", style=_VERDICT_STYLE.get(g.verdict, ""))
    head.append(f" {g.indicator} · {g.entity}", style="bold")
    if g.measure != "level":
        head.append(f" · {g.measure}")
    console.print(head, highlight=False)
    for cid in g.claims[:_MAX_CLAIMS]:
        c = claims.get(cid)
        if c is None:
            continue
        line = Text("      ")
        line.append(_pad(c.quantity.text, 12), style="bold")
        line.append(_pad(c.period.label, 16), style="dim")
        line.append(places(c.span), style="cyan")
        console.print(line, highlight=False)
    if len(g.claims) > _MAX_CLAIMS:
        console.print(Text(f"      … {len(g.claims) - _MAX_CLAIMS} more", style="dim"), highlight=False)


def _pad(text: str, cells: int) -> str:
    """``text`` padded to ``cells`` terminal columns (a Chinese character takes two)."""
    return text + " " * max(1, cells - cell_len(text))


def _count(n: int, noun: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _summary(run: Run) -> Text:
    s = summary(run)
    conflicts = sum(1 for f in run.findings if f.status == "new" and _kind(f) == _CONFLICT)
    duplicates = sum(1 for f in run.findings if f.status == "new" and _kind(f)[0] == "duplicates")
    parts = [_count(s["documents"], "document"), _count(s["claims"], "claim"),
             _count(s["groups"], "group"), _count(conflicts, "conflict"),
             _count(duplicates, "duplicated passage")]
    if s["baselined"] or s["suppressed"]:
        parts.append(f"{s['baselined']} baselined, {s['suppressed']} suppressed")
    if run.elapsed:
        parts.append(f"{run.elapsed:.2f} s")
    errors = s["by_severity"]["error"]
    return Text(", ".join(parts), style="bold red" if errors else "bold green")


def render_text(run: Run, console: Console, verbose: bool = False) -> None:
    """Print the findings (conflicts first), optionally the other groups, and a summary line."""
    docs = {d.id: d for d in run.documents}
    claims = {c.id: c for c in run.claims}
    places = Places(docs)
    new = [f for f in run.findings if f.status == "new"]
    for f in (f for f in new if _kind(f) == _CONFLICT):
        _conflict(console, f, claims, places, docs)
    for f in (f for f in new if _kind(f) != _CONFLICT):
        if f.claims and f.evidence.get("values"):
            _conflict(console, f, claims, places, docs)
        else:
            _other(console, f, docs)
    if verbose:
        shown = [g for g in run.groups if g.verdict in ("consistent", "timeline")]
        if shown:
            console.print(Text(f"Groups that agree or only differ in time ({len(shown)})", style="bold"))
            for g in sorted(shown, key=lambda g: (g.verdict, g.entity, g.indicator, g.id)):
                _group(console, g, claims, places)
            console.print()
    console.print(_summary(run), highlight=False)
