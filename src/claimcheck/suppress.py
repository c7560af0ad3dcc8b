"""Inline suppression comments in Markdown and HTML articles.

``<!-- claimcheck-disable CC101 -- reason -->`` silences the named rules (codes, old codes or
names; none = every rule) from the comment to ``<!-- claimcheck-enable -->`` (or
``<!-- claimcheck-enable CC101 -->`` for one rule) or the end of the article.
``<!-- claimcheck-disable-next-line CC101 -- reason -->`` silences the next line that has text
(in Markdown a comment usually stands on its own line above a paragraph).
A finding spanning several articles is silenced when any of its locations is in a region: the
editor of that article has looked at it. Plain-text articles cannot carry comments: silence their
findings by fingerprint in the config.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .codes import resolve
from .model import Document, Span

__all__ = ["MARKUP_SUFFIXES", "Region", "SuppressionMap", "parse_comments"]

MARKUP_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".xhtml")

# <!-- claimcheck-disable CC101, value-conflict -- figure revised by the bureau -->
#      ^ directive         ^ codes (space/comma)   ^ reason after the first "--"
_COMMENT = re.compile(r"<!--\s*claimcheck-(disable-next-line|disable|enable)(?![\w-])(.*?)-->", re.S)


@dataclass(frozen=True, slots=True)
class Region:
    """Offsets ``[start, end)`` of one article where ``codes`` (None = all rules) are silenced."""

    start: int
    end: int
    codes: frozenset[str] | None
    reason: str
    line: int  # 1-based line of the comment, for reports

    def covers(self, span: Span, code: str) -> bool:
        return (self.codes is None or code in self.codes) and self.start <= span.start < self.end


class SuppressionMap:
    """Every inline suppression region of a corpus, by document id, and the comments not understood."""

    def __init__(self, regions: dict[str, list[Region]], warnings: list[str]) -> None:
        self.regions = regions
        self.warnings = warnings

    @classmethod
    def build(cls, documents: list[Document]) -> SuppressionMap:
        regions: dict[str, list[Region]] = {}
        warnings: list[str] = []
        for doc in documents:
            if doc.id.lower().endswith(MARKUP_SUFFIXES) and "claimcheck-" in doc.text:
                found, problems = parse_comments(doc.text)
                if found:
                    regions[doc.id] = found
                warnings += [f"{doc.path}:{p}" for p in problems]
        return cls(regions, warnings)

    def find(self, span: Span, code: str) -> Region | None:
        """The region that silences rule ``code`` at ``span``, if any."""
        return next((r for r in self.regions.get(span.doc, ()) if r.covers(span, code)), None)


def _codes(text: str) -> tuple[frozenset[str] | None, list[str]]:
    words = [w for w in re.split(r"[\s,]+", text.strip()) if w]
    if not words:
        return None, []
    codes = {w: resolve(w) for w in words}
    return frozenset(c for c in codes.values() if c), [w for w, c in codes.items() if c is None]


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _next_text_line(text: str, offset: int) -> tuple[int, int]:
    """``[start, end)`` of the first line after the one holding ``offset`` that is not blank."""
    pos = text.find("\n", offset)
    while pos != -1:
        start = pos + 1
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        if text[start:end].strip():
            return start, end
        pos = end if end < len(text) else -1
    return len(text), len(text)


def parse_comments(text: str) -> tuple[list[Region], list[str]]:
    """The suppression regions of one article and messages about comments naming unknown rules."""
    regions: list[Region] = []
    problems: list[str] = []
    open_: dict[str | None, tuple[int, str, int]] = {}  # code (None = all) -> (start, reason, line)
    for m in _COMMENT.finditer(text):
        directive, body = m.group(1), m.group(2)
        names, _, reason = body.partition("--")
        codes, unknown = _codes(names)
        line = _line_of(text, m.start())
        problems += [f"{line}: claimcheck-{directive} names unknown rule {u!r}" for u in unknown]
        if unknown and not codes:
            continue  # only unknown names: silence nothing rather than everything
        if directive == "disable-next-line":
            start, end = _next_text_line(text, m.end())
            regions.append(Region(start, end, codes, reason.strip(), line))
        elif directive == "disable":
            for code in (codes or (None,)):
                open_.setdefault(code, (m.end(), reason.strip(), line))
        else:
            for code in list(open_) if codes is None else [c for c in codes if c in open_]:
                start, why, at = open_.pop(code)
                regions.append(Region(start, m.start(), None if code is None else frozenset({code}), why, at))
    for code, (start, why, at) in open_.items():
        regions.append(Region(start, len(text), None if code is None else frozenset({code}), why, at))
    regions.sort(key=lambda r: (r.start, r.end, sorted(r.codes or ()), r.line))
    return regions, problems
