"""Terminal drawing of duplicate-passage and boilerplate findings: both places, and what differs.

For a 100-column terminal::

    ▲ CC201 warning  passage of 96 characters from a.txt repeated in b.txt (95% similar)
      A  news/a.txt:5:1
      B  news/b.txt:9:1
      96 characters · 95% similar · 4 characters differ
      A │ 呼和浩特市坚持把科技创新作为引领发展的⟦第一⟧动力,持续完善创新生态,推动…‹52›…质量实现双提升
      B │ 呼和浩特市坚持把科技创新作为引领发展的⟦首要⟧动力,持续完善创新生态,推动…‹52›…质量实现双提升

Characters only in A are shown red and struck through, characters only in B green, both also
between ⟦ ⟧ so that they show without colour; long stretches that agree are cut in the middle
(‹52› = 52 characters left out). Line breaks inside a passage
show as ⏎. Boilerplate findings list their first places and the passage once.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..model import Document, Finding, Span
from .lines import LineIndex
from .snippets import diff_segments

__all__ = ["render_duplicate"]

_MARK = {"error": "✖", "warning": "▲", "info": "●"}
_SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
_CONTEXT = 24  # characters kept on each side of a difference, and at each end of a passage
_SHOWN_PLACES = 6  # boilerplate places listed before "… and N more"
_STYLE = {"del": "bold red strike", "ins": "bold green", "gap": "dim", "": ""}


def _where(span: Span, docs: Mapping[str, Document]) -> str:
    doc = docs.get(span.doc)
    if doc is None:
        return f"{span.doc}@{span.start}"
    line, col = LineIndex(doc.text).position(span.start)
    return f"{doc.path}:{line}:{col}"


def _text(span: Span, docs: Mapping[str, Document]) -> str:
    doc = docs.get(span.doc)
    return doc.text[span.start:span.end] if doc is not None else ""


def _flat(text: str) -> str:
    """One line: a line break becomes ⏎ (blank lines and indentation collapse with it)."""
    if "\n" not in text:
        return text
    return "⏎".join(part.strip() for part in text.split("\n") if part.strip())


def _shorten(segments: list[tuple[str, str]], context: int = _CONTEXT) -> list[tuple[str, str]]:
    """Cut the middle of long agreeing stretches, keeping ``context`` characters around changes."""
    out: list[tuple[str, str]] = []
    last = len(segments) - 1
    for i, (text, cls) in enumerate(segments):
        keep_left = context if i > 0 else 2 * context  # the start of the passage gets more
        keep_right = context if i < last else 2 * context
        if cls or len(text) <= keep_left + keep_right + 8:
            out.append((text, cls))
            continue
        cut = len(text) - keep_left - keep_right
        out += [(text[:keep_left], ""), (f"…‹{cut}›…", "gap"), (text[len(text) - keep_right:], "")]
    return out


def _passages(rows: list[tuple[str, list[tuple[str, str]]]]) -> Table:
    """Labelled passages; each wraps inside its own column (Chinese text has no spaces to break at)."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for label, segments in rows:
        text = Text()
        for chunk, cls in segments:
            if cls in ("del", "ins"):  # brackets too, so differences show without colour
                text.append("⟦", style="dim")
                text.append(chunk, style=_STYLE[cls])
                text.append("⟧", style="dim")
            else:
                text.append(chunk, style=_STYLE.get(cls, ""))
        grid.add_row(f"  {label} │", text)
    return grid


def _title(f: Finding) -> Text:
    t = Text()
    t.append(f"{_MARK.get(f.severity, '●')} {f.rule} {f.severity}", style=_SEVERITY_STYLE.get(f.severity, "bold"))
    t.append(f"  {f.message}")
    return t


def _how(f: Finding, a: str, b: str) -> str:
    ev = f.evidence
    parts = [f"{ev.get('length', len(a))} characters"]
    if ev.get("exact"):
        parts.append("identical" if a == b else "identical after folding width, spaces and punctuation")
    else:
        parts.append(f"{int(float(ev.get('similarity', 0)) * 100)}% similar")
    return " · ".join(parts)


def _pair(f: Finding, docs: Mapping[str, Document]) -> RenderableType:
    sa, sb = f.spans[0], f.spans[1]
    a, b = _flat(_text(sa, docs)), _flat(_text(sb, docs))
    left, right = diff_segments(a, b)
    edits = sum(len(t) for t, c in right if c) + sum(len(t) for t, c in left if c)
    place_a = Text("  A  ", style="dim").append(_where(sa, docs), style="cyan")
    place_b = Text("  B  ", style="dim").append(_where(sb, docs), style="cyan")
    how = Text(f"  {_how(f, a, b)}" + (f" · {edits} characters differ" if edits else ""), style="magenta")
    if left == right:  # nothing differs: show the passage once
        return Group(_title(f), place_a, place_b, how, _passages([("A=B", _shorten([(a, "")]))]))
    return Group(_title(f), place_a, place_b, how, _passages([("A", _shorten(left)), ("B", _shorten(right))]))


def _boilerplate(f: Finding, docs: Mapping[str, Document]) -> RenderableType:
    lines: list[RenderableType] = [_title(f)]
    for span in f.spans[:_SHOWN_PLACES]:
        lines.append(Text("  ").append(_where(span, docs), style="cyan"))
    if len(f.spans) > _SHOWN_PLACES:
        more = len(f.spans) - _SHOWN_PLACES
        lines.append(Text(f"  … and {more} more place{'s' if more > 1 else ''}", style="dim"))
    text = _flat(_text(f.spans[0], docs))
    lines.append(_passages([("  ", _shorten([(text, "")]))]))
    return Group(*lines)


def render_duplicate(finding: Finding, docs: Mapping[str, Document]) -> RenderableType:
    """Both passages of a duplicate finding (or the places of a boilerplate one), ready to print."""
    if finding.evidence.get("documents") is not None or len(finding.spans) != 2:
        return _boilerplate(finding, docs)
    return _pair(finding, docs)
