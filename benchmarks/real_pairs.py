"""Alignment on real pairs of treaties, against gold read clause by clause.

    /work/venv/bin/python benchmarks/real_pairs.py [--show 40] [--threshold T] [PAIR ...]

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
equal).

The texts are read from $TREATYDIFF_CORPUS_SCALE, else ``../shared/corpus-scale/
laws-markdown-all`` beside the checkout: benchmark data, not test data.
"""

from __future__ import annotations

import argparse
import os
import sys
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pairs", nargs="*", help="gold file stems (default: all)")
    parser.add_argument("--threshold", type=float, default=None, help="engine threshold")
    parser.add_argument("--show", type=int, default=40, help="problems to show per pair")
    args = parser.parse_args()
    root = Path(
        os.environ.get("TREATYDIFF_CORPUS_SCALE")
        or PROJECT.parent / "shared" / "corpus-scale" / "laws-markdown-all"
    )
    paths = sorted(GOLD.glob("*.tsv"))
    if args.pairs:
        paths = [p for p in paths if p.stem in args.pairs]
    cases = [read_gold(path, root) for path in paths]
    report: Report = run(cases, lambda a, b: compare(a, b, threshold=args.threshold))
    print(report.table(lambda r: r.case))
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
