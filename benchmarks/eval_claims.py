"""Score claims, groups and conflicts against editor labels on the evaluation corpus.

Each folder under ``tests/fixtures/eval/`` holds articles and a ``labels.json`` written by hand,
before the tool was run: the groups an editor expects (``conflict: true`` for a contradiction), the
pairs that must never share a group (``apart``: targets, parts, another city, per-capita ...) and
the pairs that may share a group but never a conflict (``no_conflict``: another period).

A claim is named ``file:anchor|text``: the first ``text`` after ``anchor`` in ``file`` (its stem);
a tool claim answers to it when their spans overlap. Figures per folder:

- conflicts: precision (CC101 findings that pair two claims of one expected conflict group) and
  recall (expected conflict groups that some finding pairs);
- groups: expected groups reproduced exactly / joined in one tool group (maybe with extras);
- false groupings: tool groups holding an ``apart`` pair or claims of two expected groups.

Usage: python benchmarks/eval_claims.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field
from pathlib import Path

from claimcheck.codes import rules
from claimcheck.engine import Run, run
from claimcheck.options import Options

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "fixtures" / "eval"
CLAIM_RULES = Options(select=tuple(code for code in rules() if code.startswith("CC1")))


@dataclass
class Score:
    """What one folder scored; the lists name what went wrong, for the verbose listing."""

    folder: str
    findings: int = 0
    true_findings: int = 0
    expected_conflicts: int = 0
    found_conflicts: int = 0
    expected_groups: int = 0
    exact_groups: int = 0
    joined_groups: int = 0
    tool_groups: int = 0
    false_groupings: int = 0
    unlabelled_groups: int = 0
    problems: list[str] = field(default_factory=list)


def _locate(folder: Path, ref: str) -> tuple[str, int, int]:
    """``(file stem, start, end)`` of a reference ``file:anchor|text``."""
    stem, _, rest = ref.partition(":")
    anchor, _, text = rest.rpartition("|")
    path = next(p for p in sorted(folder.iterdir()) if p.stem == stem)
    body = path.read_text("utf-8")
    at = body.find(anchor) + len(anchor) if anchor else 0
    if anchor and at < len(anchor):
        raise ValueError(f"{folder.name}: anchor not found in {ref}")
    start = body.find(text, at)
    if start < 0:
        raise ValueError(f"{folder.name}: text not found in {ref}")
    return stem, start, start + len(text)


def _claim_of(run_: Run, where: tuple[str, int, int]) -> str | None:
    stem, start, end = where
    for c in run_.claims:
        if Path(c.span.doc).stem == stem and c.span.start < end and start < c.span.end:
            return c.id
    return None


def score_folder(folder: Path) -> Score:
    """Run the claim rules over ``folder`` and compare with its ``labels.json``."""
    labels = json.loads((folder / "labels.json").read_text("utf-8"))
    run_ = run([str(folder)], CLAIM_RULES)
    s = Score(folder.name)

    def ids(refs: list[str]) -> list[str | None]:
        return [_claim_of(run_, _locate(folder, r)) for r in refs]

    expected = [(g["name"], set(ids(g["claims"])), bool(g.get("conflict"))) for g in labels["groups"]]
    member_of = {cid: name for name, members, _ in expected for cid in members if cid}
    apart = [tuple(ids(pair)) for pair in labels.get("apart", [])]
    no_conflict = [tuple(ids(pair)) for pair in labels.get("no_conflict", [])]
    doc_of = {c.id: c.span.doc for c in run_.claims}
    tool_groups = [set(g.claims) for g in run_.groups]
    s.tool_groups = len(tool_groups)
    s.expected_groups = len(expected)
    for name, members, _ in expected:
        if None in members:
            s.problems.append(f"no claim for a member of {name}")
        if any(members == g for g in tool_groups):
            s.exact_groups += 1
        elif any(members - {None} and members <= g for g in tool_groups):
            s.joined_groups += 1
            s.problems.append(f"joined with extras: {name}")
        else:
            s.problems.append(f"not grouped: {name}")
    s.joined_groups += s.exact_groups
    labelled = set(member_of) | {c for pair in apart + no_conflict for c in pair if c}
    for g, tg in zip(run_.groups, tool_groups):
        names = {member_of[c] for c in tg if c in member_of}
        bad = [p for p in apart if p[0] in tg and p[1] in tg]
        if len(names) > 1 or bad:
            s.false_groupings += 1
            s.problems.append(f"false grouping {g.entity}/{g.indicator}/{g.measure}: {sorted(names)} {bad}")
        if not tg & labelled:
            s.unlabelled_groups += 1
            s.problems.append(f"unlabelled group {g.entity}/{g.indicator}/{g.measure}: {sorted(tg)}")
    conflicts = [members for _, members, conflict in expected if conflict]
    s.expected_conflicts = len(conflicts)
    hit = set()
    for f in run_.findings:
        if f.rule != "CC101":
            continue
        s.findings += 1
        claims = set(f.claims)
        match = [i for i, members in enumerate(conflicts)
                 if len({doc_of[c] for c in claims & members}) >= 2]
        if match:
            s.true_findings += 1
            hit.update(match)
        else:
            s.problems.append(f"false alarm: {f.message}")
    s.found_conflicts = len(hit)
    for i, members in enumerate(conflicts):
        if i not in hit:
            s.problems.append(f"missed conflict: {sorted(c or '?' for c in members)}")
    return s


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b}" if b else "-"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    scores = [score_folder(p) for p in sorted(EVAL.iterdir()) if (p / "labels.json").is_file()]
    head = f"{'folder':22} {'conflict P':>10} {'conflict R':>10} {'groups exact':>12} {'joined':>7} " \
           f"{'false grp':>9} {'unlabelled':>10}"
    print(head)
    total = Score("total")
    for s in scores:
        print(f"{s.folder:22} {_ratio(s.true_findings, s.findings):>10} "
              f"{_ratio(s.found_conflicts, s.expected_conflicts):>10} "
              f"{_ratio(s.exact_groups, s.expected_groups):>12} {_ratio(s.joined_groups, s.expected_groups):>7} "
              f"{s.false_groupings:>9} {s.unlabelled_groups:>10}")
        for name in ("findings", "true_findings", "expected_conflicts", "found_conflicts", "expected_groups",
                     "exact_groups", "joined_groups", "false_groupings", "unlabelled_groups"):
            setattr(total, name, getattr(total, name) + getattr(s, name))
    print(f"{'total':22} {_ratio(total.true_findings, total.findings):>10} "
          f"{_ratio(total.found_conflicts, total.expected_conflicts):>10} "
          f"{_ratio(total.exact_groups, total.expected_groups):>12} "
          f"{_ratio(total.joined_groups, total.expected_groups):>7} {total.false_groupings:>9} "
          f"{total.unlabelled_groups:>10}")
    if args.verbose:
        for s in scores:
            for p in s.problems:
                print(f"  {s.folder}: {p}")


if __name__ == "__main__":
    main()
