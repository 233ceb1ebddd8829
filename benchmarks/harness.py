"""The big synthetic suite: N cases per perturbation kind and instrument, scored.

    /work/venv/bin/python benchmarks/harness.py [--per-kind 20] [--seed 0] [--threshold T]

Prints the metrics per kind and per instrument (pair precision and recall, status
accuracy, move detection, flag recall, coverage errors), the cases with problems, and the
re-typeset texts the un-text importer could not import back (an importer finding, not an
engine score). The corpus is $TREATYDIFF_CORPUS or ../shared/corpus beside the checkout.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT / "tests"))

from support.evaluate import Case, Report, run  # noqa: E402
from support.perturb import KINDS, ReimportError, generate  # noqa: E402
from synthetic_samples import HARNESS_FILES, corpus_instrument  # noqa: E402

from treatydiff import compare  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=20, help="cases per kind and instrument")
    parser.add_argument("--seed", type=int, default=0, help="first seed")
    parser.add_argument("--threshold", type=float, default=None, help="engine threshold")
    parser.add_argument("--kinds", nargs="*", default=list(KINDS), choices=KINDS)
    parser.add_argument("--show", type=int, default=20, help="cases with problems to show")
    args = parser.parse_args()

    root = Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")
    instruments = [corpus_instrument(root, name) for name in HARNESS_FILES]
    cases: list[Case] = []
    import_failures: list[str] = []
    started = time.perf_counter()
    for instrument in instruments:
        donors = [d for d in instruments if d is not instrument]
        for kind in args.kinds:
            for seed in range(args.seed, args.seed + args.per_kind):
                try:
                    cases.append(generate(instrument, kind, seed, donors=donors))
                except ReimportError as exc:
                    import_failures.append(str(exc))
    generated = time.perf_counter()
    report: Report = run(cases, lambda a, b: compare(a, b, threshold=args.threshold))
    scored = time.perf_counter()

    print(
        f"{len(cases)} cases ({args.per_kind} per kind and instrument, seeds from {args.seed}); "
        f"generated in {generated - started:.1f} s, compared and scored in "
        f"{scored - generated:.1f} s\n"
    )
    print(report.table())
    print()
    print(report.table(lambda r: r.instrument))
    t = report.total
    print(
        f"\ncounts: {t.pairs_expected} expected pairs ({t.pairs_predicted} found), "
        f"{t.leaves} leaf statuses, {t.moves_expected} expected moved pairs, "
        f"{t.flags_expected} expected tags"
    )
    failures = report.failures()
    print(f"\n{len(failures)} cases with problems")
    for result in failures[: args.show]:
        print(f"  {result.case}")
        for problem in result.problems[:6]:
            print(f"      {problem}")
    attempted = len(import_failures) + sum(1 for c in cases if c.kind == "retypeset")
    print(
        f"\nre-typeset texts the un-text importer did not import back: "
        f"{len(import_failures)} of {attempted}"
    )
    for message in import_failures[: args.show]:
        print(f"  {message[:240]}")


if __name__ == "__main__":
    main()
