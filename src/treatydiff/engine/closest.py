"""Closest-clause similarity: a quick estimate of how alike two instruments are, for the
pairs of a family that no report shows (the cells of a synopsis's heat map outside the
anchor's row and column).

Each compared unit of either instrument (``Instrument.leaves``) counts with its word
similarity to the most similar unit of the other instrument, when that reaches the
pairing threshold (else zero), weighted by the length of its text. The word similarity is
the alignment's (``token_ratio``: the Indel similarity of the word sequences). Unlike
``Summary.similarity`` there is no alignment: a clause may count with a clause that
another pairs with too, order and splits are not looked at, and a pair's figure is its
word similarity, not the character similarity a report shows. On the 17 instruments of the
laws-markdown corpus it stays within a few points of the comparisons' figure (OPAC and
OPSC 0.271 against 0.264, CAT and ICCPR 0.251 against 0.248, OP-CEDAW and OPAC 0.19
against 0.17) at about a fiftieth of the cost: each instrument's words are encoded once
for all its pairs, and a pair is one rapidfuzz pass over its clause pairs.
"""

from __future__ import annotations

from collections.abc import Sequence

from rapidfuzz import fuzz, process

from treatydiff.engine.comparison import CompareOptions
from treatydiff.errors import ConfigError
from treatydiff.model import Instrument
from treatydiff.normalize import WordCodes


class ClosestClauses:
    """Closest-clause similarity of pairs of instruments, each instrument's words encoded
    once (in one ``WordCodes`` for all): ``estimate(left, right)`` -> 0..1.

    Args:
        threshold: The least word similarity a closest unit counts from (0..1); None takes
            ``CompareOptions().threshold``, as ``compare`` does.

    Raises:
        ConfigError: ``threshold`` is not a number from 0 to 1.
    """

    def __init__(self, *, threshold: float | None = None) -> None:
        chosen = CompareOptions().threshold if threshold is None else threshold
        if isinstance(chosen, bool) or not isinstance(chosen, int | float) or not 0 <= chosen <= 1:
            raise ConfigError(f"threshold must be a number between 0 and 1, not {chosen!r}")
        self.threshold = float(chosen)
        self._codes = WordCodes()
        # By identity; each entry holds its instrument, so that no other takes its id.
        self._units_of: dict[int, tuple[Instrument, list[str], list[int]]] = {}

    def _units(self, instrument: Instrument) -> tuple[list[str], list[int]]:
        """The encoded words and the text length of each unit of ``instrument``."""
        found = self._units_of.get(id(instrument))
        if found is None:
            texts = [self._codes.encode_words(words) for words in instrument.leaf_words]
            sizes = [len(leaf.clause.text) for leaf in instrument.leaves]
            found = self._units_of[id(instrument)] = (instrument, texts, sizes)
        return found[1], found[2]

    def estimate(self, left: Instrument, right: Instrument) -> float:
        """The closest-clause similarity of two instruments (0..1; 1.0 when neither has
        any text), the same either way round."""
        left_texts, left_sizes = self._units(left)
        right_texts, right_sizes = self._units(right)
        left_best, right_best = _closest(left_texts, right_texts, self.threshold)
        total = sum(left_sizes) + sum(right_sizes)
        if not total:
            return 1.0
        weighted = sum(size * best for size, best in zip(left_sizes, left_best, strict=True))
        weighted += sum(size * best for size, best in zip(right_sizes, right_best, strict=True))
        return weighted / total


def _closest(
    left: Sequence[str], right: Sequence[str], floor: float
) -> tuple[list[float], list[float]]:
    """For each left and each right text (words one character each), its best word
    similarity with a text of the other side, when at least ``floor``, else 0."""
    left_best, right_best = [0.0] * len(left), [0.0] * len(right)
    cutoff = max(0.0, floor * 100.0 - 1e-6)  # in percent; the margin keeps the floor
    for i, text in enumerate(left):
        if not text:
            continue
        for _, score, j in process.extract(
            text, right, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            if not right[j]:
                continue
            value = float(score) / 100.0
            left_best[i] = max(left_best[i], value)
            right_best[j] = max(right_best[j], value)
    return left_best, right_best
