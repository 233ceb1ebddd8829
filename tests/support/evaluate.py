"""Scoring the engine against known ground truth: the metrics of the evaluation harness.

A ``Case`` holds two instruments and the alignments a correct engine finds between them
(``Expected``). ``score`` compares one engine ``Comparison`` with that truth; ``run``
scores a whole suite and returns a ``Report`` whose ``Tally`` sums the counts, so that
figures for any grouping (by perturbation kind, by instrument) are micro-averages.

Metrics:

* pair precision and recall over the set of (left eId, right eId) pairs, where an
  alignment of m left and n right clauses stands for its m x n pairs;
* status accuracy over leaf clauses of both sides: a leaf is right when the status of the
  engine's alignment that holds it is one the truth accepts for it;
* move detection precision and recall over the pairs of alignments flagged ``moved``;
* flag recall: of the tags the truth requires (``modal`` for "shall" turned into "may",
  ``number`` for a changed number), the share the engine's alignment carries;
* coverage errors: leaves the engine left out, put in two alignments, or invented.
  Every leaf must appear in exactly one alignment.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import astuple, dataclass
from itertools import product

from treatydiff.engine.comparison import Alignment, Comparison, Status
from treatydiff.model import UNIT_KINDS, Instrument, LeafView

Side = str  # "left" or "right"
Pair = tuple[str, str]


@dataclass(frozen=True)
class Expected:
    """One alignment as a correct engine finds it. ``statuses`` lists every status the
    truth accepts: one in most cases; ("identical", "formatting") for a re-typeset text,
    where either is right."""

    left: tuple[str, ...]
    right: tuple[str, ...]
    statuses: tuple[Status, ...]
    moved: bool = False
    flags: tuple[str, ...] = ()  # tags the engine must raise on this alignment

    @property
    def pairs(self) -> set[Pair]:
        return set(product(self.left, self.right))


@dataclass(frozen=True)
class Case:
    """Two instruments and the truth about them. ``notes`` say what was done to make the
    right side, for people reading a failure."""

    name: str
    kind: str
    left: Instrument
    right: Instrument
    expected: tuple[Expected, ...]
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for side, instrument in (("left", self.left), ("right", self.right)):
            leaves = [leaf.clause.eid for leaf in body_leaves(instrument)]
            covered = [eid for e in self.expected for eid in getattr(e, side)]
            if sorted(covered) != sorted(leaves):
                missing = sorted(set(leaves) - set(covered))
                extra = sorted(set(covered) - set(leaves))
                raise ValueError(
                    f"case {self.name}: the truth does not cover the {side} leaves exactly "
                    f"once (missing {missing[:5]}, unknown or repeated {extra[:5]})"
                )


def body_leaves(instrument: Instrument) -> list[LeafView]:
    """The compared units that are clauses of the body: the truth speaks of these alone
    (titles and captions are compared too, but no perturbation records them)."""
    return [leaf for leaf in instrument.leaves if leaf.clause.kind not in UNIT_KINDS]


def _ratio(numerator: int, denominator: int) -> float:
    """A share; an empty denominator means nothing could go wrong, so 1.0."""
    return numerator / denominator if denominator else 1.0


@dataclass(frozen=True)
class Tally:
    """Counts behind the metrics; tallies add up across cases."""

    cases: int = 0
    pairs_expected: int = 0
    pairs_predicted: int = 0
    pairs_correct: int = 0
    leaves: int = 0
    statuses_correct: int = 0
    moves_expected: int = 0
    moves_predicted: int = 0
    moves_correct: int = 0
    flags_expected: int = 0
    flags_found: int = 0
    coverage_errors: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @property
    def pair_precision(self) -> float:
        return _ratio(self.pairs_correct, self.pairs_predicted)

    @property
    def pair_recall(self) -> float:
        return _ratio(self.pairs_correct, self.pairs_expected)

    @property
    def status_accuracy(self) -> float:
        return _ratio(self.statuses_correct, self.leaves)

    @property
    def move_precision(self) -> float:
        return _ratio(self.moves_correct, self.moves_predicted)

    @property
    def move_recall(self) -> float:
        return _ratio(self.moves_correct, self.moves_expected)

    @property
    def flag_recall(self) -> float:
        return _ratio(self.flags_found, self.flags_expected)


@dataclass(frozen=True)
class CaseResult:
    """The score of one case; ``problems`` has one line per error, sorted."""

    case: str
    kind: str
    instrument: str
    tally: Tally
    problems: tuple[str, ...]


def _pairs(alignments: Iterable[Alignment | Expected]) -> set[Pair]:
    return {pair for a in alignments for pair in product(a.left, a.right)}


def _pair_lines(what: str, pairs: set[Pair]) -> list[str]:
    return [f"{what} {left} -> {right}" for left, right in pairs]


def score(case: Case, comparison: Comparison) -> CaseResult:
    """How far ``comparison`` (the engine's answer for ``case``) agrees with the truth."""
    problems: list[str] = []
    # Captions and titles are aligned among themselves; the truth covers the body.
    captions = {
        leaf.clause.eid
        for side in (case.left, case.right)
        for leaf in side.leaves
        if leaf.clause.kind in UNIT_KINDS
    }
    predicted = tuple(a for a in comparison.alignments if captions.isdisjoint((*a.left, *a.right)))
    expected_pairs = _pairs(case.expected)
    predicted_pairs = _pairs(predicted)
    problems += [
        f"missed pair {left} -> {right}" for left, right in expected_pairs - predicted_pairs
    ]
    problems += [
        f"wrong pair {left} -> {right}" for left, right in predicted_pairs - expected_pairs
    ]

    # Which engine alignment holds each leaf, and coverage.
    holder: dict[tuple[Side, str], Alignment] = {}
    coverage_errors = 0
    known = {
        "left": {leaf.clause.eid for leaf in body_leaves(case.left)},
        "right": {leaf.clause.eid for leaf in body_leaves(case.right)},
    }
    for alignment in predicted:
        for side, eids in (("left", alignment.left), ("right", alignment.right)):
            for eid in eids:
                if eid not in known[side]:
                    coverage_errors += 1
                    problems.append(f"{side} {eid}: not a leaf of the {side} instrument")
                elif (side, eid) in holder:
                    coverage_errors += 1
                    problems.append(f"{side} {eid}: in more than one alignment")
                else:
                    holder[(side, eid)] = alignment

    leaves = statuses_correct = 0
    for truth in case.expected:
        for side, eids in (("left", truth.left), ("right", truth.right)):
            for eid in eids:
                leaves += 1
                found = holder.get((side, eid))
                if found is None:
                    coverage_errors += 1
                    problems.append(f"{side} {eid}: in no alignment")
                elif found.status in truth.statuses:
                    statuses_correct += 1
                else:
                    problems.append(
                        f"{side} {eid}: status {found.status}, expected {'|'.join(truth.statuses)}"
                    )

    expected_moves = _pairs(e for e in case.expected if e.moved)
    predicted_moves = _pairs(a for a in predicted if a.moved)
    # A clause flagged moved without a partner is a false alarm too.
    lone_moves = [a for a in predicted if a.moved and not (a.left and a.right)]
    problems += [
        f"missed move {left} -> {right}" for left, right in expected_moves - predicted_moves
    ]
    problems += [
        f"wrong move {left} -> {right}" for left, right in predicted_moves - expected_moves
    ]
    problems += [f"moved flag on unpaired {a.left or a.right}" for a in lone_moves]

    flags_expected = flags_found = 0
    for truth in case.expected:
        holding = holder.get(("left", truth.left[0])) if truth.left else None
        for flag in truth.flags:
            flags_expected += 1
            if holding is not None and flag in holding.tags:
                flags_found += 1
            else:
                problems.append(f"left {truth.left[0]}: tag {flag} missing")

    tally = Tally(
        cases=1,
        pairs_expected=len(expected_pairs),
        pairs_predicted=len(predicted_pairs),
        pairs_correct=len(expected_pairs & predicted_pairs),
        leaves=leaves,
        statuses_correct=statuses_correct,
        moves_expected=len(expected_moves),
        moves_predicted=len(predicted_moves) + len(lone_moves),
        moves_correct=len(expected_moves & predicted_moves),
        flags_expected=flags_expected,
        flags_found=flags_found,
        coverage_errors=coverage_errors,
    )
    return CaseResult(case.name, case.kind, case.left.id, tally, tuple(sorted(problems)))


@dataclass(frozen=True)
class Report:
    results: tuple[CaseResult, ...]

    @property
    def total(self) -> Tally:
        return sum((r.tally for r in self.results), Tally())

    def by(self, key: Callable[[CaseResult], str]) -> dict[str, Tally]:
        """Tallies grouped by ``key`` (e.g. ``lambda r: r.kind``), in sorted key order."""
        groups: dict[str, Tally] = {}
        for result in self.results:
            name = key(result)
            groups[name] = groups.get(name, Tally()) + result.tally
        return dict(sorted(groups.items()))

    def failures(self) -> list[CaseResult]:
        return [r for r in self.results if r.problems]

    def table(self, key: Callable[[CaseResult], str] = lambda r: r.kind) -> str:
        """A plain-text table of the metrics per group and in total."""
        header = (
            f"{'group':<28} {'cases':>5} {'pairP':>7} {'pairR':>7} {'status':>7} "
            f"{'moveP':>7} {'moveR':>7} {'flagR':>7} {'cover':>5}"
        )
        rows = [header, "-" * len(header)]
        for name, tally in [*self.by(key).items(), ("TOTAL", self.total)]:
            rows.append(
                f"{name:<28} {tally.cases:>5} {tally.pair_precision:>7.4f} "
                f"{tally.pair_recall:>7.4f} {tally.status_accuracy:>7.4f} "
                f"{tally.move_precision:>7.4f} {tally.move_recall:>7.4f} {tally.flag_recall:>7.4f} "
                f"{tally.coverage_errors:>5}"
            )
        return "\n".join(rows)


Compare = Callable[[Instrument, Instrument], Comparison]


def run(cases: Sequence[Case], compare: Compare) -> Report:
    """Score ``compare`` on every case."""
    return Report(tuple(score(case, compare(case.left, case.right)) for case in cases))
