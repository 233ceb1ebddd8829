"""Alignment on real pairs of treaties, against gold read clause by clause.

    /work/venv/bin/python benchmarks/real_pairs.py [--show 40] [--threshold T] [--semantic]
        [PAIR ...]

The gold files in ``benchmarks/gold/*.tsv`` name, for a revision or a sibling treaty of
the Dutch Treaty Series (``laws-markdown-all``), which body clause corresponds to which:
written by reading the two texts, not by a similarity measure (each file says its
judgements). Each line is one alignment, ``left eIds<TAB>right eIds<TAB>status<TAB>moved
<TAB>note``: eIds separated by spaces (several on one side: a split or merge), status
``same`` (identical or formatting) or ``modified``, moved ``yes`` or empty. A body clause
in no line is expected removed (left) or added (right).

Prints, per pair and in total, pair precision and recall, status accuracy, move detection
and coverage errors (``tests/support/evaluate.py``), then the misses and wrong pairs with
the clauses' first words, and flags any gold line whose status disagrees with the texts
(a ``same`` pair whose comparison keys differ, or a ``modified`` one whose keys are
equal). With ``--semantic`` it prints the table without and with the meaning pass
(``compare(..., semantic=True)``, the semantic extra), the seconds each run took, the
pairs the pass made with their gold verdict, then the problems of the run with it.

The texts are read from $TREATYDIFF_CORPUS_SCALE, else ``../shared/corpus-scale/
laws-markdown-all`` beside the checkout: benchmark data, not test data.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from itertools import product
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from support.evaluate import Case, Expected, Report, body_leaves, run  # noqa: E402

import treatydiff  # noqa: E402
from treatydiff import compare  # noqa: E402
from treatydiff.engine.comparison import Status  # noqa: E402
from treatydiff.model import Instrument  # noqa: E402
from treatydiff.normalize import comparison_key_of  # noqa: E402

GOLD = PROJECT / "benchmarks" / "gold"

STATUSES: dict[str, tuple[Status, ...]] = {
    "same": ("identical", "formatting"),
    "modified": ("modified",),
}


def read_gold(path: Path, root: Path) -> Case:
    """The case a gold file describes: both instruments, loaded from ``root``, and every
    body clause in one expected alignment (unlisted clauses added or removed)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = {
        key: value.split()[0]
        for line in lines
        if line.startswith("# left:") or line.startswith("# right:")
        for key, value in [line[2:].split(":", 1)]
    }
    left = treatydiff.load(root / f"{header['left']}.md")
    right = treatydiff.load(root / f"{header['right']}.md")
    expected: list[Expected] = []
    rows = [line for line in lines if line and not line.startswith("#")]
    for row in rows[1:]:  # the first row names the columns
        left_ids, right_ids, status, moved, _note = row.split("\t")
        expected.append(
            Expected(
                tuple(left_ids.split()),
                tuple(right_ids.split()),
                STATUSES[status],
                moved=moved == "yes",
            )
        )
    for side, instrument in (("left", left), ("right", right)):
        listed = {eid for e in expected for eid in getattr(e, side)}
        for leaf in body_leaves(instrument):
            if leaf.clause.eid not in listed:
                ids = (leaf.clause.eid,)
                if side == "left":
                    expected.append(Expected(ids, (), ("removed",)))
                else:
                    expected.append(Expected((), ids, ("added",)))
    return Case(path.stem, "real", left, right, tuple(expected))


def status_doubts(case: Case) -> list[str]:
    """Gold lines whose status disagrees with the equality of the comparison keys."""
    out: list[str] = []
    for e in case.expected:
        if not (e.left and e.right):
            continue
        keys = tuple(
            comparison_key_of([instrument.by_eid[eid].clause.text for eid in ids])
            for instrument, ids in ((case.left, e.left), (case.right, e.right))
        )
        equal = keys[0] == keys[1]
        if equal != ("identical" in e.statuses):
            out.append(f"  gold status of {e.left} -> {e.right}: keys equal is {equal}")
    return out


def _first_words(instrument: Instrument, eid: str, count: int = 8) -> str:
    return " ".join(instrument.by_eid[eid].clause.text.split()[:count])


def _scored(cases: list[Case], threshold: float | None, *, semantic: bool) -> Report:
    """Every case compared and scored; prints the table and the seconds it took."""
    started = time.perf_counter()
    report: Report = run(cases, lambda a, b: compare(a, b, threshold=threshold, semantic=semantic))
    print(report.table(lambda r: r.case))
    print(f"({time.perf_counter() - started:.2f} s to compare and score)")
    return report


def _meaning_pairs(cases: list[Case], threshold: float | None) -> None:
    """The pairs the meaning pass made, each marked GOLD when the gold holds all its
    clause pairs, else "not in gold"."""
    for case in cases:
        gold = {pair for e in case.expected for pair in e.pairs}
        comparison = compare(case.left, case.right, threshold=threshold, semantic=True)
        for a in comparison.alignments:
            if a.paired_by != "meaning":
                continue
            verdict = "GOLD" if all(p in gold for p in product(a.left, a.right)) else "not in gold"
            left = " ".join(a.left)
            right = " ".join(a.right)
            print(f"  {case.name}: {left} -> {right} ({verdict})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", nargs="*", help="gold file stems (default: all)")
    parser.add_argument("--threshold", type=float, default=None, help="engine threshold")
    parser.add_argument("--show", type=int, default=40, help="problems to show per pair")
    parser.add_argument(
        "--semantic", action="store_true", help="also score the meaning pass (semantic extra)"
    )
    args = parser.parse_args()
    root = Path(
        os.environ.get("TREATYDIFF_CORPUS_SCALE")
        or PROJECT.parent / "shared" / "corpus-scale" / "laws-markdown-all"
    )
    paths = sorted(GOLD.glob("*.tsv"))
    if args.pairs:
        paths = [p for p in paths if p.stem in args.pairs]
    cases = [read_gold(path, root) for path in paths]
    if args.semantic:
        print("without the meaning pass:")
    report = _scored(cases, args.threshold, semantic=False)
    if args.semantic:
        print("\nwith the meaning pass (compare(..., semantic=True)):")
        report = _scored(cases, args.threshold, semantic=True)
        print("\npairs the meaning pass made:")
        _meaning_pairs(cases, args.threshold)
    for case, result in zip(cases, report.results, strict=True):
        doubts = status_doubts(case)
        if not (result.problems or doubts):
            continue
        print(f"\n{case.name}:")
        print("\n".join(doubts))
        for problem in result.problems[: args.show]:
            words = problem.split()
            detail = ""
            if words[0] in ("missed", "wrong") and words[1] == "pair":
                detail = (
                    f"   [{_first_words(case.left, words[2])} | "
                    f"{_first_words(case.right, words[4])}]"
                )
            print(f"  {problem}{detail}")


if __name__ == "__main__":
    main()
