"""Write output files atomically, and never clobber a file that claimcheck did not write."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

__all__ = ["OverwriteRefused", "write_atomic", "is_claimcheck_output", "OUTPUT_MARKERS"]

# Text that every machine-readable report claimcheck writes carries near its top; a file holding
# one of them is a previous run's output and may be replaced without --force.
OUTPUT_MARKERS = (
    '"schema": "claimcheck/',  # JSON report
    '"schema": "claimcheck-baseline/',  # baseline file
    '"name": "claimcheck"',  # SARIF tool.driver
    "<!-- claimcheck report -->",  # Markdown summary
    'name="generator" content="claimcheck',  # HTML report
    "title=CC",  # GitHub workflow-command annotations: ::error file=...,title=CC101::...
)

# The terminal report written to a file ends with its summary line: "5 documents, 192 claims, ..."
_TEXT_SUMMARY = re.compile(r"(?m)^\d+ documents?, \d+ claims?\b")

_SNIFF_CHARS = 8192


class OverwriteRefused(Exception):
    """The target exists and is not a claimcheck output; the user must ask (--force)."""


def is_claimcheck_output(path: Path) -> bool:
    """True when ``path`` is empty, starts like a report or baseline claimcheck wrote, or ends like its text report."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(_SNIFF_CHARS).decode("utf-8", errors="replace")
            fh.seek(max(0, fh.seek(0, os.SEEK_END) - 1024))
            tail = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return False
    return not head.strip() or any(marker in head for marker in OUTPUT_MARKERS) or bool(_TEXT_SUMMARY.search(tail))


def write_atomic(path: str | os.PathLike[str], text: str, *, overwrite: bool = False) -> Path:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder and ``os.replace``.

    A reader never sees a half-written file. An existing file is replaced only when ``overwrite``
    is true or it is a previous claimcheck output (``is_claimcheck_output``); otherwise
    ``OverwriteRefused`` is raised and nothing is written.
    """
    target = Path(path)
    if target.is_dir():
        raise OverwriteRefused(f"{target} is a directory")
    if target.exists() and not overwrite and not is_claimcheck_output(target):
        raise OverwriteRefused(f"{target} exists and was not written by claimcheck; "
                               "pass --force to replace it")
    folder = target.parent if str(target.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        mode = target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask()
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
