"""``claimcheck parse TEXT``: show the quantities the parser reads in a text."""

from __future__ import annotations

import io
import json
import sys

import typer

__all__ = ["register"]

_HELP = """Print the number phrases found in TEXT, with the interval each one admits.

[b]Examples[/b]

  claimcheck parse "培育高新技术企业600余家,占全区30%"

  claimcheck parse --json "算力总规模突破10万P"

  printf '600余家\\n下降8.35%%\\n' | claimcheck parse --jsonl

With no TEXT, the text is read from standard input. Intervals print as [low, high) with ∞ for an unbounded side; --json and --jsonl print null there.
"""


def _fail(message: str) -> None:
    typer.echo(f"claimcheck parse: {message}", err=True)
    raise typer.Exit(2)


def _dicts(text: str, claimable_only: bool) -> list[dict]:
    from ..extract.quantity import find_quantities
    from ..report.jsonout import quantity_to_dict

    return [quantity_to_dict(q) for q in find_quantities(text) if q.claimable or not claimable_only]


def _interval(d: dict) -> str:
    low = "-∞" if d["low"] is None else str(d["low"])
    high = "∞" if d["high"] is None else str(d["high"])
    return ("[" if d["low_inclusive"] else "(") + f"{low}, {high}" + ("]" if d["high_inclusive"] else ")")


def _table(text: str, rows: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rows)} quantities", title_justify="left")
    for col in ("text", "value", "interval", "unit", "kind", "words", "claim"):
        table.add_column(col, no_wrap=col not in ("words", "interval"), min_width=6 if col == "words" else None)
    for d in rows:
        words = " ".join(w for w in (d["direction"], d["qualifier"]) if w)
        table.add_row(d["text"], "" if d["value"] is None else str(d["value"]),
                      "" if d["low"] is None and d["high"] is None else _interval(d), d["unit"] or "",
                      d["kind"], words, "yes" if d["claimable"] else "no")
    Console().print(table)


def _stdin_lines() -> io.TextIOBase:
    """Standard input as UTF-8 text whatever the locale (undecodable bytes become U+FFFD)."""
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is None:
        return sys.stdin
    return io.TextIOWrapper(buffer, encoding="utf-8", errors="replace", newline="\n")


def _write(text: str) -> None:
    """Write UTF-8 whatever the locale."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
    else:
        sys.stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def _jsonl(claimable_only: bool) -> None:
    seen = False
    out: list[str] = []
    for line in _stdin_lines():
        seen = True
        text = line.rstrip("\r\n")
        out.append(json.dumps({"quantities": _dicts(text, claimable_only)}, ensure_ascii=False) + "\n")
        if len(out) >= 256:
            _write("".join(out))
            out.clear()
    if not seen:
        _fail("no input: --jsonl reads one text per line on standard input")
    _write("".join(out))


def parse(
    text: str = typer.Argument(None, help="The text to read; read from standard input when omitted.",
                               show_default=False),
    as_json: bool = typer.Option(False, "--json", help="Print {\"quantities\": [...]} as JSON."),
    jsonl: bool = typer.Option(False, "--jsonl",
                               help="Read one text per line on standard input; print one JSON object per line."),
    claimable_only: bool = typer.Option(False, "--claimable-only/--all",
                                        help="Show only quantities that can be claims (not years, dates, codes, labels)."),
) -> None:
    if jsonl:
        if text is not None:
            _fail("--jsonl reads standard input; do not give TEXT as well")
        _jsonl(claimable_only)
        return
    if text is None:
        text = "" if sys.stdin is None or sys.stdin.isatty() else _stdin_lines().read()
    if not text.strip():
        _fail("no input: give TEXT, or pipe text on standard input")
    rows = _dicts(text, claimable_only)
    if as_json:
        _write(json.dumps({"quantities": rows}, ensure_ascii=False, indent=2) + "\n")
    else:
        _table(text, rows)


parse.__doc__ = _HELP


def register(app: typer.Typer) -> None:
    """Add the sub-command to ``app``."""
    app.command("parse", help=_HELP)(parse)
