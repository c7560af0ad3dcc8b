"""``claimcheck rules`` lists every rule; ``claimcheck rule CODE`` prints its documentation."""

from __future__ import annotations

import typer

from ..codes import Rule, resolve, rules
from ..config import suggest_rule

__all__ = ["register", "rule_text", "rule_markdown", "rules_table"]


def _example_lines(rule: Rule, kind: str, indent: str = "    ") -> list[str]:
    lines = []
    for name, text in rule.example(kind).items():
        shown = text.strip("\n").replace("\x00", "\\0")
        lines.append(f"{indent}{name}:")
        lines += [f"{indent}  {line}" for line in shown.splitlines()]
    return lines


def rule_text(rule: Rule) -> str:
    """The rule's documentation as plain text (terminal, SARIF help.text)."""
    out = [f"{rule.code} {rule.name} ({rule.severity})", "", rule.summary, ""]
    if rule.what:
        out += ["What it does", *[f"  {line}" for line in rule.what.splitlines()], ""]
    if rule.why:
        out += ["Why it matters", *[f"  {line}" for line in rule.why.splitlines()], ""]
    for kind, title in (("bad", "Example (reported)"), ("good", "Example (not reported)")):
        if rule.example(kind):
            out += [title, *_example_lines(rule, kind, "  "), ""]
    out.append(f"Silence it: --ignore {rule.code}, or <!-- claimcheck-disable {rule.code} -- reason --> "
               "in a Markdown/HTML article, or a baseline.")
    return "\n".join(out) + "\n"


def rule_markdown(rule: Rule) -> str:
    """The rule's documentation as Markdown (SARIF help.markdown)."""
    out = [f"## {rule.code} `{rule.name}`", "", rule.summary, ""]
    for title, body in (("What it does", rule.what), ("Why it matters", rule.why)):
        if body:
            out += [f"### {title}", "", body, ""]
    for kind, title in (("bad", "Reported"), ("good", "Not reported")):
        for name, text in rule.example(kind).items():
            out += [f"**{title}** (`{name}`):", "", "```text", text.strip("\n").replace("\x00", "\\0"), "```", ""]
    return "\n".join(out)


def rules_table() -> str:
    """One line per rule: code, severity, name, summary."""
    width = max(len(r.name) for r in rules().values())
    return "".join(f"{r.code}  {r.severity:<7}  {r.name:<{width}}  {r.summary}\n" for r in rules().values())


def list_rules() -> None:
    """List every rule: code, default severity, name and summary."""
    typer.echo(rules_table(), nl=False)


def show_rule(code: str = typer.Argument(..., help="A rule code (CC101), an old code or a rule name.")) -> None:
    """Print what a rule reports, why it matters, and an example."""
    found = resolve(code)
    if found is None:
        typer.echo(f"claimcheck: unknown rule {code!r}{suggest_rule(code)}; `claimcheck rules` lists them", err=True)
        raise typer.Exit(2)
    typer.echo(rule_text(rules()[found]), nl=False)


def register(app: typer.Typer) -> None:
    """Add the sub-commands to ``app``."""
    app.command("rules")(list_rules)
    app.command("rule")(show_rule)
