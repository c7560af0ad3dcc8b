"""Ingest: discovery order and ids, the decoding priority chain, bad files reported not fatal."""

from __future__ import annotations

import codecs

import pytest

from claimcheck.ingest import decode, discover, read_documents
from claimcheck.model import InputProblem

TEXT = "呼和浩特市拥有国家级高新技术企业达到601家。\n"

# (name, bytes, expected encoding or None when the file must be reported as a problem)
DECODING_CASES = [
    ("utf8", TEXT.encode("utf-8"), "utf-8"),
    ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
    ("utf16-le-bom", codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16"),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
    ("utf32-le-bom", codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32"),
    ("utf16-le-nobom", "ASCII heavy text 601 家\n".encode("utf-16-le"), "utf-16-le"),
    ("gb18030", TEXT.encode("gb18030"), "gb18030"),
    ("gbk", "培育高新技术企业600余家，占全区30％。".encode("gbk"), "gb18030"),
    ("empty", b"", "utf-8"),
    ("binary-nul", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), None),
    ("bad-bom", codecs.BOM_UTF8 + b"\xff\xfe\xfd abc", None),
]


@pytest.mark.parametrize(("name", "data", "encoding"), DECODING_CASES, ids=[c[0] for c in DECODING_CASES])
def test_decoding_chain(tmp_path, name, data, encoding):
    (tmp_path / f"{name}.txt").write_bytes(data)
    docs, problems = read_documents([str(tmp_path)])
    if encoding is None:
        assert docs == []
        assert [p.path for p in problems] == [f"{tmp_path.as_posix()}/{name}.txt"]
        assert problems[0].message
    else:
        assert problems == []
        assert [d.encoding for d in docs] == [encoding]
        assert docs[0].text.lstrip("\ufeff") == data.decode(encoding).lstrip("\ufeff")


def test_gb18030_text_is_recovered_exactly():
    text, encoding = decode(TEXT.encode("gb18030"))
    assert (text, encoding) == (TEXT, "gb18030")


def test_bad_file_does_not_stop_the_run(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "c.md").write_text("# 标题\n" + TEXT, encoding="utf-8")
    docs, problems = read_documents([str(tmp_path)])
    assert [d.id for d in docs] == ["a.txt", "c.md"]
    assert [p.path.rsplit("/", 1)[1] for p in problems] == ["b.txt"]
    assert "NUL" in problems[0].message


def test_discovery_is_sorted_recursive_and_skips_hidden_and_other_suffixes(tmp_path):
    for rel in ["z.txt", "a/b.md", "a/a.txt", ".hidden/x.txt", "a/.y.txt", "img.png", "B.TXT"]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    ids = [item[1] for item in discover([str(tmp_path)])]
    assert ids == ["B.TXT", "a/a.txt", "a/b.md", "z.txt"]


def test_display_path_joins_the_given_path(tmp_path, monkeypatch):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert list(discover(["seeds/"])) == [("seeds/a.txt", "a.txt")]
    assert list(discover(["seeds/a.txt"])) == [("seeds/a.txt", "a.txt")]


def test_missing_path_is_a_problem(tmp_path):
    items = list(discover([str(tmp_path / "nope")]))
    assert items == [InputProblem(str(tmp_path / "nope"), "no such file or directory")]


def test_same_relative_name_under_two_roots_gets_distinct_ids(tmp_path):
    for root in ("one", "two"):
        (tmp_path / root).mkdir()
        (tmp_path / root / "a.txt").write_text(TEXT, encoding="utf-8")
    docs, _ = read_documents([str(tmp_path / "one"), str(tmp_path / "two")])
    assert len({d.id for d in docs}) == 2
    assert docs[0].id == "a.txt"


def test_unreadable_file_fingerprint_does_not_depend_on_how_the_folder_was_named(tmp_path, monkeypatch):
    from claimcheck.engine import run

    (tmp_path / "arts").mkdir()
    (tmp_path / "arts" / "bad.txt").write_bytes(b"\x00\x01binary")
    monkeypatch.chdir(tmp_path)
    prints = {run([given]).findings[0].fingerprint for given in ("arts", "arts/", "./arts", str(tmp_path / "arts"))}
    assert len(prints) == 1
