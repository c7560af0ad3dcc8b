"""Derive 1-based line and column (in code points) from an offset, at report time only."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Document, Span

__all__ = ["LineIndex", "Places"]


class LineIndex:
    """Line starts of one text, for turning offsets into ``(line, column)``."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """``(line, column)``, both 1-based, of code-point ``offset``."""
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


class Places:
    """``path:line:col`` of spans, with one ``LineIndex`` per document, built on first use."""

    def __init__(self, docs: Mapping[str, Document]) -> None:
        self._docs = docs
        self._lines: dict[str, LineIndex] = {}

    def __call__(self, span: Span) -> str:
        doc = self._docs.get(span.doc)
        if doc is None:  # a file that could not be read: its id is all there is
            return span.doc
        index = self._lines.get(doc.id) or self._lines.setdefault(doc.id, LineIndex(doc.text))
        line, col = index.position(span.start)
        return f"{doc.path}:{line}:{col}"
