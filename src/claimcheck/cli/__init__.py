"""The ``claimcheck`` command line: one Typer app, one module per sub-command.

``claimcheck PATH...`` is the same as ``claimcheck check PATH...``: when the first word is not a
sub-command name or a top-level option, ``check`` is put in front of the arguments.
"""

from __future__ import annotations

import sys

import typer

from .. import __version__
from . import parse as _parse
from . import check as _check
from . import baseline as _baseline
from . import config as _config
from . import rules as _rules

__all__ = ["app", "main"]

app = typer.Typer(
    name="claimcheck",
    help="Check numeric claims in a folder of Chinese articles for contradictions and duplicated passages.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Check numeric claims in a folder of Chinese articles for contradictions and duplicated passages.

    [b]claimcheck seeds/[/b] is the same as [b]claimcheck check seeds/[/b].
    """


for _module in (_check, _parse, _baseline, _rules, _config):
    _module.register(app)

_TOP_LEVEL = {"-h", "--help", "-V", "--version"}


def _commands() -> set[str]:
    return {c.name or c.callback.__name__ for c in app.registered_commands} | {
        g.name for g in app.registered_groups if g.name}


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] not in _TOP_LEVEL and args[0] not in _commands():
        args.insert(0, "check")
    try:
        app(args=args, prog_name="claimcheck")
    except (KeyboardInterrupt, BrokenPipeError):
        sys.exit(130)
    except Exception as exc:  # an internal error must never look like success (exit 0) or findings (1)
        import traceback

        traceback.print_exc()
        sys.stderr.write(f"claimcheck: internal error: {exc!r}\n")
        sys.exit(2)
