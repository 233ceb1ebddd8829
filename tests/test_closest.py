"""Closest-clause similarity (``engine.closest``), the estimate a synopsis shows for the
pairs without the anchor: close to the similarity of the pair's comparison on real
instruments, the same either way round, 1 for an instrument against itself."""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

import treatydiff
from treatydiff.engine.closest import ClosestClauses
from treatydiff.errors import ConfigError

FAMILY = (
    "opsc/2012-10-31.md",
    "opac/2013-09-12.md",
    "crc/2013-04-15.md",
    "op-cedaw/2013-04-15.md",
    "cat/2013-04-15.md",
    "iccpr/2014-03-24.md",
)


def test_the_estimate_is_near_the_similarity_of_the_comparison(corpus: Path) -> None:
    instruments = [treatydiff.load(corpus / "laws-markdown" / path) for path in FAMILY]
    closest = ClosestClauses()
    for left, right in combinations(instruments, 2):
        estimate = closest.estimate(left, right)
        compared = treatydiff.compare(left, right).summary.similarity
        # The comparison also pairs clauses rewritten in other words on the rare words
        # they share (engine.overlap) and clauses in corresponding places on a lower bar
        # (engine.structure), which no closest clause reaches: OP-CEDAW against CAT
        # compares at 0.222 (its first recital, the Charter's, read apart from the
        # second since "Also" opens recitals, pairs with CAT's by place), estimated at
        # 0.172 (0.03 held before the rare-word pairs, 0.05 before that recital).
        assert estimate == pytest.approx(compared, abs=0.055), (left.id, right.id)
        assert closest.estimate(right, left) == estimate
    assert closest.estimate(instruments[0], instruments[0]) == pytest.approx(1.0, abs=1e-3)


def test_the_estimate_counts_clauses_from_the_threshold_up(corpus: Path) -> None:
    opsc, opac = (treatydiff.load(corpus / "laws-markdown" / path) for path in FAMILY[:2])
    low, high = ClosestClauses(threshold=0.3), ClosestClauses(threshold=0.9)
    assert (
        low.estimate(opsc, opac) > ClosestClauses().estimate(opsc, opac) > high.estimate(opsc, opac)
    )


@pytest.mark.parametrize("threshold", [1.5, -0.1, True, "0.5"])
def test_a_threshold_outside_0_to_1_is_a_config_error(threshold: object) -> None:
    with pytest.raises(ConfigError, match="threshold must be a number between 0 and 1"):
        ClosestClauses(threshold=threshold)  # type: ignore[arg-type]
