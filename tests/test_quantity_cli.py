"""``claimcheck parse``: the table, --json, --jsonl and the empty-input error."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest


def _run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "claimcheck", "parse", *args], input=stdin,
                          capture_output=True, timeout=60)


def test_json_prints_the_quantities_with_intervals() -> None:
    done = _run("--json", "培育高新技术企业600余家,占全区30%")
    assert done.returncode == 0
    quantities = json.loads(done.stdout)["quantities"]
    assert [(q["text"], q["value"], q["low"], q["high"], q["low_inclusive"], q["unit"], q["kind"])
            for q in quantities] == [("600余家", 600, 600, 700, False, "家", "number"),
                                     ("30%", 30, 30, 30, True, "%", "percent")]


def test_json_prints_null_for_an_unbounded_side_and_offsets_into_the_original() -> None:
    done = _run("--json", "\u200b算力突破１０万P")
    (q,) = json.loads(done.stdout)["quantities"]
    assert (q["text"], q["start"], q["end"], q["low"], q["high"]) == ("突破１０万P", 3, 9, 100000, None)


def test_jsonl_writes_one_object_per_input_line() -> None:
    done = _run("--jsonl", stdin="600余家\r\n\n下降8.35%\n一体化\n".encode())
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 0 and len(lines) == 4
    objects = [json.loads(line) for line in lines]
    assert [len(o["quantities"]) for o in objects] == [1, 0, 1, 0]
    assert objects[2]["quantities"][0]["value"] == -8.35
    assert objects[2]["quantities"][0]["direction"] == "下降"


def test_claimable_only_drops_years_and_labels() -> None:
    done = _run("--json", "--claimable-only", "2025年,S43机场高速完成投资3亿元")
    assert [q["text"] for q in json.loads(done.stdout)["quantities"]] == ["3亿元"]


def test_table_lists_the_quantities() -> None:
    done = _run("2024年技术合同成交额27.41亿元")
    out = done.stdout.decode()
    assert done.returncode == 0 and "27.41亿元" in out and "2741000000" in out and "year" in out


@pytest.mark.parametrize("args", [("",), ("  ",), ("--jsonl",), ()])
def test_empty_input_is_a_clear_error(args: tuple[str, ...]) -> None:
    done = _run(*args)
    assert done.returncode == 2
    assert b"no input" in done.stderr


def test_help_shows_examples() -> None:
    done = subprocess.run([sys.executable, "-m", "claimcheck", "parse", "--help"], capture_output=True,
                          timeout=60, env={"COLUMNS": "120", "PATH": ""})
    assert done.returncode == 0 and b"--jsonl" in done.stdout and "600余家".encode() in done.stdout
