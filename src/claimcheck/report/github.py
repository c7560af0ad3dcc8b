"""GitHub Actions workflow-command annotations: ``::error file=...,line=...,col=...,title=CC101::message``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Finding
from .lines import LineIndex

if TYPE_CHECKING:
    from ..engine import Run

__all__ = ["render_github", "escape_data", "escape_property"]

_COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a message: ``%``, CR and LF would end or corrupt the command."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: also ``:`` and ``,``, which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(f: Finding, run: Run, lines: dict[str, LineIndex]) -> str:
    span = f.spans[0] if f.spans else None
    doc = run.document(span.doc) if span else None
    props = {"file": doc.path if doc else (span.doc if span else "")}
    if doc is not None and span is not None:
        index = lines.get(doc.id) or lines.setdefault(doc.id, LineIndex(doc.text))
        (line, col), (end_line, end_col) = index.position(span.start), index.position(span.end)
        props |= {"line": str(line), "col": str(col), "endLine": str(end_line), "endColumn": str(end_col)}
    props["title"] = f"{f.rule}"
    head = ",".join(f"{k}={escape_property(v)}" for k, v in props.items())
    return f"::{_COMMAND[f.severity]} {head}::{escape_data(f.message)}"


def render_github(run: Run, *, include_all: bool = False) -> str:
    """One annotation per new finding (all findings when ``include_all``), at its first location."""
    lines: dict[str, LineIndex] = {}
    shown = [f for f in run.findings if include_all or f.status == "new"]
    return "".join(_annotation(f, run, lines) + "\n" for f in shown)
