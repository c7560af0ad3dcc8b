"""Read and write the table-driven quantity cases in ``tests/data/quantities/*.txt``.

Format (one case = a ``>`` line with the input text, then one line per expected quantity, in order)::

    # a comment
    > 培育高新技术企业600余家,占全区30%
    600余家 | 600 | (600, 700) | 家 | number
    30% | 30 | [30, 30] | % | percent

    > 一体化发展
    (none)

Columns: the quantity's text | value | interval | unit | kind, then optional ``key=value`` fields:
``claim=no`` (the quantity is not claimable; the default is yes), ``dir=下降`` (direction word;
none when absent), ``q=余`` (qualifier; none when absent). ``-`` means None. An interval is written with its inclusivity:
``[100500, 101500)``, ``(100000, ∞)``; ``-`` when both bounds are None. A value may be a
fraction ``1/3``. Every quantity the parser returns must be listed: the case compares the whole list.

``python tests/quantity_cases.py FILE`` prints FILE with the parser's current answers filled in for
the cases that have no expected lines yet (review them before committing!).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

CASES_DIR = Path(__file__).parent / "data" / "quantities"


@dataclass(frozen=True)
class Expected:
    text: str
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    low_inclusive: bool | None
    high_inclusive: bool | None
    unit: str | None
    kind: str
    claimable: bool
    direction: str | None
    qualifier: str | None


@dataclass(frozen=True)
class Case:
    file: str
    line: int
    text: str
    expected: tuple[Expected, ...]

    @property
    def id(self) -> str:
        short = self.text if len(self.text) <= 24 else self.text[:23] + "…"
        return f"{self.file}:{self.line}:{short}"


def _num(s: str) -> Decimal | None:
    s = s.strip()
    if s in ("-", "∞", "-∞"):
        return None
    if "/" in s:
        a, b = s.split("/")
        return Decimal(a) / Decimal(b)
    return Decimal(s)


def _interval(s: str) -> tuple[Decimal | None, Decimal | None, bool | None, bool | None]:
    s = s.strip()
    if s == "-":
        return None, None, None, None
    low, high = s[1:-1].split(",")
    return _num(low), _num(high), s[0] == "[", s[-1] == "]"


def parse_expected(line: str) -> Expected:
    cols = [c.strip() for c in line.split(" | ")]
    text, value, interval, unit, kind, *extra = cols
    fields = dict(e.split("=", 1) for e in extra)
    low, high, li, hi = _interval(interval)
    return Expected(text, _num(value), low, high, li, hi, None if unit == "-" else unit, kind,
                    fields.get("claim", "yes") == "yes", fields.get("dir"), fields.get("q"))


def load(path: Path) -> list[Case]:
    cases: list[Case] = []
    text, start, lines = None, 0, []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines() + [""], 1):
        line = raw.rstrip()
        if line.startswith(">") or not line.strip():
            if text is not None:
                if not lines:
                    raise ValueError(f"{path.name}:{start}: a case needs expected lines or (none)")
                cases.append(Case(path.name, start, text, tuple(parse_expected(x) for x in lines if x != "(none)")))
                text, lines = None, []
            if line.startswith(">"):
                text, start = line[1:].lstrip(" "), n
        elif not line.lstrip().startswith("#") and text is not None:
            lines.append(line.strip())
    return cases


def all_cases() -> list[Case]:
    return [c for p in sorted(CASES_DIR.glob("*.txt")) for c in load(p)]


def _fmt_num(d: Decimal | None) -> str:
    return "-" if d is None else str(d)


def format_quantity(q) -> str:  # noqa: ANN001 - a claimcheck.model.Quantity
    if q.low is None and q.high is None:
        interval = "-"
    else:
        interval = (("[" if q.low_inclusive else "(") + ("-∞" if q.low is None else str(q.low)) + ", "
                    + ("∞" if q.high is None else str(q.high)) + ("]" if q.high_inclusive else ")"))
    out = f"{q.text} | {_fmt_num(q.value)} | {interval} | {q.unit or '-'} | {q.kind}"
    if not q.claimable:
        out += " | claim=no"
    if q.direction:
        out += f" | dir={q.direction}"
    if q.qualifier:
        out += f" | q={q.qualifier}"
    return out


def _fill(path: Path) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "src"))
    from claimcheck.extract.quantity import find_quantities

    out: list[str] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        out.append(line)
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if line.startswith(">") and (not nxt or nxt.startswith(">")):
            qs = find_quantities(line[1:].lstrip(" "))
            out.extend(format_quantity(q) for q in qs) if qs else out.append("(none)")
    print("\n".join(out))


if __name__ == "__main__":
    _fill(Path(sys.argv[1]))
