"""The length model of a language pair: how long a clause's translation is.

After Gale and Church, "A Program for Aligning Sentences in Bilingual Corpora",
Computational Linguistics 19(1), 1993: the length in characters of a translation is about
``c`` times the length of its source, with a variance that grows with the length
(``s2`` per character). A pair of lengths ``(la, lb)`` has the deviate
``z = (lb - c·la) / sqrt(s2·(la + lb/c)/2)`` (the paper's program uses the mean of the two
lengths scaled to one language), standard normal for a true translation; its two-sided
tail ``2·(1 - Φ(|z|))`` is the probability of a pair that far off.

The paper estimated c ≈ 1 and s2 ≈ 6.8 on English, French and German. Here both are
estimated from the pair of texts at hand: ``c`` from their total lengths, ``s2`` from the
clauses their structure pairs beyond doubt (robustly: the median of the squared
deviates), so that each language pair, and each translator, has its own usual ratio.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable
from dataclasses import dataclass

# Gale and Church's estimate, used where a pair gives too few clauses for its own.
GALE_CHURCH_S2 = 6.8
# Clauses shorter than this (in characters) say little about a pair's ratio.
_SHORTEST = 20
# The median of a chi-square variable with one degree of freedom: the median of z²
# for a standard normal z, which turns a median of squared deviates into a variance.
_CHI2_MEDIAN = 0.4549364


@dataclass(frozen=True)
class LengthModel:
    """The length ratio ``c`` (characters of the second language per character of the
    first) and the variance ``s2`` per character of a language pair."""

    c: float = 1.0
    s2: float = GALE_CHURCH_S2

    def deviate(self, la: int, lb: int) -> float:
        """The standard deviate ``z`` of the pair of lengths (characters); 0 for two empty
        texts. Negative: the second is shorter than its usual ratio."""
        mean = (la + lb / self.c) / 2
        if mean <= 0:
            return 0.0
        return (lb - self.c * la) / math.sqrt(self.s2 * mean)

    def probability(self, la: int, lb: int) -> float:
        """The two-sided tail probability of a pair of lengths this far off (1.0 at the
        usual ratio, towards 0 far from it)."""
        z = abs(self.deviate(la, lb))
        return math.erfc(z / math.sqrt(2))

    def cost(self, la: int, lb: int) -> float:
        """``-log`` of ``probability``, bounded: the length term of an alignment's cost."""
        return -math.log(max(self.probability(la, lb), 1e-12))


def estimate(totals: tuple[int, int], pairs: Iterable[tuple[int, int]]) -> LengthModel:
    """The model of a language pair from the total lengths of its two texts and the
    lengths of clause pairs known to be translations (``pairs``; the structure's)."""
    la, lb = totals
    c = lb / la if la > 0 and lb > 0 else 1.0
    model = LengthModel(c=c, s2=1.0)
    squares = [model.deviate(a, b) ** 2 for a, b in pairs if a >= _SHORTEST and b >= _SHORTEST]
    if len(squares) < 10:
        return LengthModel(c=c)
    s2 = statistics.median(squares) / _CHI2_MEDIAN
    return LengthModel(c=c, s2=max(s2, 1.0))
