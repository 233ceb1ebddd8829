"""The evaluation harness: the metrics on hand-made answers, then the engine on the
synthetic suite against the issue's bars.

Bars (issue 3): pair precision and recall at least 0.98 and status accuracy at least 0.95
on the synthetic suite; no change reported on a re-typeset text. The harness adds its
own: move detection and flag recall at least 0.95, and no coverage error (every leaf in
exactly one alignment). The suite here is small (2 cases per kind and instrument, a few
seconds); benchmarks/harness.py runs the big one and prints the table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support.evaluate import Case, Expected, Report, Tally, run, score
from support.perturb import KINDS, generate, retypeset, suite
from synthetic_samples import HARNESS_FILES, LIGHTHOUSES, ORCHARDS, corpus_instrument

from treatydiff import compare
from treatydiff.engine.comparison import Alignment, Comparison
from treatydiff.model import Clause, Instrument

# --- the metrics, on answers written out by hand ----------------------------------------


def _instrument(name: str, *eids: str) -> Instrument:
    return Instrument(name, name, body=tuple(Clause(e, "paragraph", text=e) for e in eids))


LEFT = _instrument("left", "a", "b", "c", "d")
RIGHT = _instrument("right", "A", "B", "C1", "C2", "E")
TRUTH = Case(
    "hand/0",
    "hand",
    LEFT,
    RIGHT,
    (
        Expected(("a",), ("A",), ("identical",)),
        Expected(("b",), ("B",), ("modified",), moved=True, flags=("modal",)),
        Expected(("c",), ("C1", "C2"), ("formatting",)),
        Expected(("d",), (), ("removed",)),
        Expected((), ("E",), ("added",)),
    ),
)


def _answer(*alignments: Alignment) -> Comparison:
    return Comparison(LEFT, RIGHT, alignments)


def test_a_perfect_answer_scores_one_everywhere() -> None:
    answer = _answer(
        Alignment(("a",), ("A",), "identical"),
        Alignment(("b",), ("B",), "modified", moved=True, tags=("wording", "modal")),
        Alignment(("c",), ("C1", "C2"), "formatting"),
        Alignment(("d",), (), "removed"),
        Alignment((), ("E",), "added"),
    )
    result = score(TRUTH, answer)
    assert result.problems == ()
    t = result.tally
    assert (t.pairs_expected, t.pairs_predicted, t.pairs_correct) == (4, 4, 4)
    assert (t.leaves, t.statuses_correct) == (9, 9)
    assert (t.moves_expected, t.moves_correct, t.flags_found, t.coverage_errors) == (1, 1, 1, 0)
    assert t.pair_precision == t.pair_recall == t.status_accuracy == 1.0


def test_errors_are_counted_and_named() -> None:
    answer = _answer(
        Alignment(("a",), ("A",), "identical", moved=True),  # a false move
        Alignment(("b",), ("B",), "formatting"),  # wrong status, move and flag missed
        Alignment(("c",), ("C1",), "modified"),  # half the split, wrong status
        Alignment(("d",), ("C2",), "modified"),  # a wrong pair instead of removed
        Alignment((), ("E",), "added"),
        Alignment((), ("E",), "added"),  # E twice
    )
    result = score(TRUTH, answer)
    t = result.tally
    assert (t.pairs_expected, t.pairs_predicted, t.pairs_correct) == (4, 4, 3)
    assert t.pair_precision == t.pair_recall == 0.75
    # Right: a, A, E. Wrong: b, B (formatting), c, C1 (modified), C2 and d (modified).
    assert (t.leaves, t.statuses_correct) == (9, 3)
    assert (t.moves_expected, t.moves_predicted, t.moves_correct) == (1, 1, 0)
    assert t.move_precision == t.move_recall == 0.0
    assert (t.flags_expected, t.flags_found, t.coverage_errors) == (1, 0, 1)
    assert set(result.problems) >= {
        "missed pair c -> C2",
        "wrong pair d -> C2",
        "left b: status formatting, expected modified",
        "missed move b -> B",
        "wrong move a -> A",
        "left b: tag modal missing",
        "right E: in more than one alignment",
    }


def test_leaves_left_out_or_invented_are_coverage_errors() -> None:
    answer = _answer(
        Alignment(("a",), ("A",), "identical"),
        Alignment(("zz",), (), "removed", moved=True),
    )
    result = score(TRUTH, answer)
    assert result.tally.coverage_errors == 1 + 7  # zz invented; 7 leaves in no alignment
    assert result.tally.moves_predicted == 1  # a moved flag on an unpaired clause
    assert "left zz: not a leaf of the left instrument" in result.problems
    assert "right C2: in no alignment" in result.problems


def test_tallies_add_up_and_group_in_the_report() -> None:
    one = score(
        TRUTH, _answer(Alignment(("a", "b", "c", "d"), ("A", "B", "C1", "C2", "E"), "modified"))
    )
    report = Report((one, one))
    assert report.total == one.tally + one.tally
    assert report.total.pairs_predicted == 40 and report.total.cases == 2
    assert list(report.by(lambda r: r.kind)) == ["hand"]
    table = report.table()
    assert table.splitlines()[0].split() == [
        "group", "cases", "pairP", "pairR", "status", "moveP", "moveR", "flagR", "cover"
    ]  # fmt: skip
    # All leaves in one alignment: 20 pairs, the 4 true ones among them.
    assert table.splitlines()[-1].split()[:4] == ["TOTAL", "2", "0.2000", "1.0000"]
    assert Tally().pair_precision == 1.0  # nothing predicted: nothing wrong


# --- the engine on the synthetic suite ---------------------------------------------------

STRUCTURAL_KINDS = tuple(k for k in KINDS if k != "retypeset")


@pytest.fixture(scope="module")
def suite_report(corpus: Path) -> Report:
    instruments = [corpus_instrument(corpus, name) for name in HARNESS_FILES]
    return run(suite(instruments, per_kind=2, kinds=STRUCTURAL_KINDS), compare)


def _failures(report: Report) -> str:
    return "\n".join(f"{r.case}: {list(r.problems[:4])}" for r in report.failures()[:10])


def test_suite_covers_every_kind_and_instrument(suite_report: Report) -> None:
    assert list(suite_report.by(lambda r: r.kind)) == sorted(STRUCTURAL_KINDS)
    assert len(suite_report.by(lambda r: r.instrument)) == len(HARNESS_FILES)
    total = suite_report.total
    assert total.cases == 2 * len(STRUCTURAL_KINDS) * len(HARNESS_FILES)
    assert total.moves_expected > 0 and total.flags_expected > 0


def test_engine_meets_the_bars_on_the_synthetic_suite(suite_report: Report) -> None:
    for kind, t in [*suite_report.by(lambda r: r.kind).items(), ("total", suite_report.total)]:
        assert t.pair_precision >= 0.98, (kind, _failures(suite_report))
        assert t.pair_recall >= 0.98, (kind, _failures(suite_report))
        assert t.status_accuracy >= 0.95, (kind, _failures(suite_report))
        assert t.move_precision >= 0.95 and t.move_recall >= 0.95, (kind, _failures(suite_report))
        assert t.flag_recall >= 0.95, (kind, _failures(suite_report))
        assert t.coverage_errors == 0, (kind, _failures(suite_report))


def test_engine_on_the_model_instrument() -> None:
    cases = [
        generate(ORCHARDS, kind, seed, donors=[LIGHTHOUSES])
        for kind in STRUCTURAL_KINDS
        for seed in range(3)
    ]
    report = run(cases, compare)
    assert report.total.pair_precision >= 0.98 and report.total.pair_recall >= 0.98, _failures(
        report
    )
    assert report.total.status_accuracy >= 0.95, _failures(report)


# Re-typeset texts the un-text importer does not import back yet (none at present; see
# test_perturb's KNOWN_GAPS). Strict: a fix makes the test pass, and then the
# entry must go.
RETYPESET_GAPS: dict[tuple[str, int], str] = {}


def _retypeset_grid() -> list[object]:
    return [
        pytest.param(
            name,
            seed,
            id=f"{name}-{seed}",
            marks=[pytest.mark.xfail(strict=True, reason=RETYPESET_GAPS[(name, seed)])]
            if (name, seed) in RETYPESET_GAPS
            else [],
        )
        for name in ("orchards", *HARNESS_FILES)
        for seed in range(4)
    ]


@pytest.mark.parametrize(("name", "seed"), _retypeset_grid())
def test_no_change_reported_on_a_retypeset_text(corpus: Path, name: str, seed: int) -> None:
    instrument = ORCHARDS if name == "orchards" else corpus_instrument(corpus, name)
    case = retypeset(instrument, seed)
    comparison = compare(case.left, case.right)
    result = score(case, comparison)
    assert result.problems == ()
    assert not comparison.has_differences
    assert {a.status for a in comparison.alignments} <= {"identical", "formatting"}
