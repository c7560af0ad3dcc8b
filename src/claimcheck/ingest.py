"""Discover article files and decode their bytes: the one place that turns bytes into text.

Decoding priority, first that succeeds wins and is recorded as the document's encoding:
1. a byte-order mark (UTF-8-SIG, UTF-16 LE/BE, UTF-32 LE/BE);
2. strict UTF-8;
3. UTF-16 without BOM, when every other byte of an ASCII-heavy file is NUL;
4. strict GB18030 (a superset of GBK and GB2312), accepted only when the result looks like text;
5. strict Big5, under the same test.
A file with NUL bytes (other than UTF-16) or that no step decodes is an ``InputProblem``: it is
reported and the run goes on.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from .model import Document, InputProblem

__all__ = ["SUFFIXES", "discover", "decode", "read_documents"]

SUFFIXES = (".txt", ".md", ".markdown")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """Bytes that are not text in any encoding of the priority chain."""


def _looks_like_text(text: str) -> bool:
    """Reject decodings full of control characters or private-use code points."""
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\n\r\t\f\v") or 0xE000 <= ord(ch) <= 0xF8FF)
    return bad <= len(text) // 100


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data`` following the module's priority chain."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError as exc:
                raise DecodeError(f"starts with a {name} byte-order mark but is not valid {name}: {exc.reason} "
                                  f"at byte {exc.start}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    else:
        if "\x00" in text:
            raise DecodeError("contains NUL bytes: a binary file, not an article")
        return text, "utf-8"
    if len(data) >= 4 and len(data) % 2 == 0:
        for name, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
            if zeros.count(0) > len(zeros) * 0.3:
                try:
                    text = data.decode(name)
                except UnicodeDecodeError:
                    continue
                if _looks_like_text(text):
                    return text, name
    if b"\x00" in data:
        raise DecodeError("contains NUL bytes: a binary file, not an article")
    for name in ("gb18030", "big5"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text, name
    raise DecodeError(f"is not UTF-8 ({utf8_error.reason} at byte {utf8_error.start}) "
                      "and not GB18030 or Big5 either")


def discover(paths: Iterable[str], suffixes: tuple[str, ...] = SUFFIXES) -> Iterator[tuple[str, str] | InputProblem]:
    """Yield ``(display_path, doc_id)`` for every article under ``paths``, sorted, each file once.

    A folder is walked recursively (hidden entries skipped) and only files with ``suffixes`` are
    taken; a file named directly is taken whatever its suffix. ``doc_id`` is the POSIX path
    relative to the folder given (the file name for a file given directly).
    """
    seen: set[str] = set()
    for given in paths:
        root = Path(given)
        if root.is_dir():
            found = []
            for dirpath, dirnames, filenames in os.walk(root):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in filenames:
                    if name.startswith(".") or not name.lower().endswith(suffixes):
                        continue
                    found.append(Path(dirpath, name))
            for file in sorted(found, key=lambda p: p.relative_to(root).as_posix()):
                rel = PurePosixPath(file.relative_to(root).as_posix())
                display = _display(given, rel)
                if display not in seen:
                    seen.add(display)
                    yield display, rel.as_posix()
        elif root.is_file():
            display = Path(given).as_posix()
            if display not in seen:
                seen.add(display)
                yield display, root.name
        else:
            yield InputProblem(given, "no such file or directory")


def _display(given: str, rel: PurePosixPath) -> str:
    base = given.replace(os.sep, "/").rstrip("/")
    return f"{base}/{rel.as_posix()}" if base else rel.as_posix()


def read_documents(paths: Iterable[str]) -> tuple[list[Document], list[InputProblem]]:
    """Read and decode every article under ``paths``; bad files become problems, never exceptions."""
    docs: list[Document] = []
    problems: list[InputProblem] = []
    ids: set[str] = set()
    for item in discover(paths):
        if isinstance(item, InputProblem):
            problems.append(item)
            continue
        display, doc_id = item
        if doc_id in ids:  # the same relative name under two roots: fall back to the display path
            doc_id = display
        ids.add(doc_id)
        try:
            data = Path(display).read_bytes()
        except OSError as exc:
            problems.append(InputProblem(display, f"cannot be read: {exc.strerror or exc}", doc_id))
            continue
        try:
            text, encoding = decode(data)
        except DecodeError as exc:
            problems.append(InputProblem(display, str(exc), doc_id))
            continue
        docs.append(Document(id=doc_id, path=display, text=text, encoding=encoding))
    return docs, problems
