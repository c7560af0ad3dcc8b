"""Split an article into lines, sentences, clauses and headings, all as offsets into its text.

Chinese articles mix full-width and ASCII punctuation (seed 001 writes ``,`` and ``;``), so both are
boundaries. A comma between two digits (``1,234``) is a thousands separator, not a boundary.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Heading", "Layout", "layout"]

# Sentence ends: 。！？ and their ASCII forms, the semicolons that separate list items, and newlines.
# Every alternative here and below starts with its own character (no class, no lookbehind first):
# the engine then skips to the next possible boundary in its fast loop (about twice as fast as
# "[。！？!?；;\n]|……" and lookbehinds first).
_SENTENCE_END = re.compile(r"。|！|？|!|\?|；|;|\n|……")
# Clause boundaries inside a sentence: commas, enumeration commas, colons, brackets, dashes.
# Example: "培育高新技术企业600余家,占全区30%" → "培育高新技术企业600余家" | "占全区30%".
# A comma between two digits is a thousands separator (1,234), and an enumeration comma between two
# figures does not end a clause: "分别增长6.3%、5.8%和5.9%".
# A gloss in brackets is part of its noun, not a boundary: "地区生产总值（GDP）12673.8亿元",
# "研究与试验发展(R&D)经费投入强度", "固定资产投资（不含农户）增长3%".
# Each gloss has a fixed width, as a lookbehind needs.
_GLOSSES = ("[A-Za-z&]{3}", "不含农户", r"PM2\.5", "PM10")
_OPEN_GLOSS = "(?!(?:" + "|".join(_GLOSSES) + ")[)）])"  # "（" not opening a gloss
_CLOSE_GLOSS = "".join(f"(?<![(（]{g}.)" for g in _GLOSSES)  # "）" not closing one
_CLAUSE_END = re.compile(r"，|：|:|（" + _OPEN_GLOSS + "|）" + _CLOSE_GLOSS + r"|\(" + _OPEN_GLOSS + r"|\)" + _CLOSE_GLOSS
                         + r"|【|】|——|,(?<![0-9],)|,(?![0-9])|、(?<![0-9%]、)|、(?![0-9])")
# A markdown heading: "## 创新主体“量质齐升”".
_MD_HEADING = re.compile(r"^\s*(#{1,6})\s*(\S.*)$")
_TERMINAL = "。，,；;：:！!？?、…—”\"）)"
# The only digits a plain heading may hold: a year ("二、2024年主要预期目标", "包头市2024年…统计公报");
# a dateline ("2025年3月28日") or a figure makes the line body text.
# A heading may end with a parenthesis it opened: "2024年山西省政府工作报告（摘要）".
_CLOSED_PAREN = re.compile(r"[(（][^()（）]{1,8}[)）]$")
_HEADING_YEAR = re.compile(r"(?:19|20)\d{2}(?:年度|年)(?![0-9])")
_PLAIN_LEVEL = 9


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line: markdown ``#`` (level 1-6) or a short stand-alone line (level 9)."""

    start: int
    end: int
    level: int
    text: str


def _segments(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = start
    for m in pattern.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if end > pos:
        out.append((pos, end))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """Every line, empty ones included (a blank line before a short line makes it a heading)."""
    out = []
    pos = 0
    for part in text.split("\n"):
        out.append((pos, pos + len(part)))
        pos += len(part) + 1
    return out


def _headings(text: str, lines: list[tuple[int, int]]) -> list[Heading]:
    out: list[Heading] = []
    prev_blank = True
    for s, e in lines:
        line = text[s:e].strip()
        if not line:
            prev_blank = True
            continue
        md = _MD_HEADING.match(text[s:e]) if line[0] == "#" else None  # the regex only on candidates
        if md:
            out.append(Heading(s, e, len(md.group(1)), md.group(2).strip()))
        elif prev_blank and len(line) <= 24 and (line[-1] not in _TERMINAL or _CLOSED_PAREN.search(line)) \
                and not line.startswith("•") \
                and not any(ch.isdigit() for ch in _HEADING_YEAR.sub("", line)):
            out.append(Heading(s, e, _PLAIN_LEVEL, line))
        prev_blank = False
    return out


class Layout:
    """Lines, sentences, clauses and headings of one text, with lookups by offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _lines(text)
        # A newline ends a sentence, so the sentences of the whole text are those of its lines.
        self.sentences = _segments(text, 0, len(text), _SENTENCE_END)
        self.headings = _headings(text, self.lines)
        self._line_starts = [s for s, _ in self.lines]
        self._sentence_starts = [s for s, _ in self.sentences]
        self._heading_starts = [h.start for h in self.headings]
        # Clauses are cut per sentence when first asked for: claims sit in about one sentence in
        # five, and cutting every sentence was a tenth of the extraction time.
        self._clauses: dict[int, tuple[list[tuple[int, int]], list[int]]] = {}  # by sentence index

    def _clauses_of(self, i: int) -> tuple[list[tuple[int, int]], list[int]]:
        """The clauses of sentence ``i`` and their starts."""
        if i not in self._clauses:
            s, e = self.sentences[i]
            clauses = _segments(self.text, s, e, _CLAUSE_END)
            self._clauses[i] = (clauses, [c[0] for c in clauses])
        return self._clauses[i]

    @property
    def clauses(self) -> list[tuple[int, int]]:
        """Every clause of the text, in order."""
        return [c for i in range(len(self.sentences)) for c in self._clauses_of(i)[0]]

    @staticmethod
    def _find(starts: list[int], segs: list[tuple[int, int]], pos: int) -> tuple[int, int]:
        i = bisect_right(starts, pos) - 1
        if i < 0:
            return (pos, pos)
        return segs[i]

    def line_at(self, pos: int) -> tuple[int, int]:
        """The line (without its newline) holding offset ``pos``."""
        return self._find(self._line_starts, self.lines, pos)

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding offset ``pos``."""
        return self._find(self._sentence_starts, self.sentences, pos)

    def clause_at(self, pos: int) -> tuple[int, int]:
        """The clause holding offset ``pos`` (the last one starting at or before it)."""
        i = bisect_right(self._sentence_starts, pos) - 1
        while i >= 0:  # a sentence may hold no clause at or before pos ("（一）…" at its "（")
            clauses, starts = self._clauses_of(i)
            j = bisect_right(starts, pos) - 1
            if j >= 0:
                return clauses[j]
            i -= 1
        return (pos, pos)

    def clauses_in(self, start: int, end: int) -> list[tuple[int, int]]:
        """The clauses that start inside ``[start, end)``, in order."""
        out = []
        for i in range(max(0, bisect_right(self._sentence_starts, start) - 1), len(self.sentences)):
            if self.sentences[i][0] >= end:
                break
            out += [c for c in self._clauses_of(i)[0] if start <= c[0] < end]
        return out

    def headings_above(self, pos: int) -> int:
        """How many headings end before ``pos``: always the first ones, since headings are whole
        lines (only the last heading starting before ``pos`` may still hold it). Two offsets with
        the same count have the same headings above them, so callers can remember answers by it."""
        i = bisect_right(self._heading_starts, pos)
        return i if i == 0 or self.headings[i - 1].end <= pos else i - 1

    def headings_before(self, pos: int) -> Iterator[Heading]:
        """Headings that end before ``pos``, nearest first (lazily: callers stop at the first match)."""
        return self.nearest_headings(self.headings_above(pos))

    def nearest_headings(self, count: int) -> Iterator[Heading]:
        """The first ``count`` headings, nearest (last) first."""
        headings = self.headings
        return (headings[j] for j in range(count - 1, -1, -1))


def layout(text: str) -> Layout:
    """The layout of ``text`` (already folded with ``fold``)."""
    return Layout(text)
