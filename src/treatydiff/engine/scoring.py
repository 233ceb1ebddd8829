"""What the content alignment scores: the scorer texts of clauses and their similarities.

A clause is scored on its comparison key, prepared for the scorer (``Texts``: for
``token_ratio`` each distinct word becomes one character, so that rapidfuzz's Indel
similarity measures words); the similarities of every left text with every right text
are held as a matrix would hold them, the high ones listed at once (``Similarity``). The
pairing score of the alignment (``engine.align``) blends a leaf pair's similarity with
that of their units, ``(1 - UNIT_WEIGHT) * leaf + UNIT_WEIGHT * unit``.

Calibration (on the real corpus and a scratch suite of perturbed corpus instruments:
renumbering, deleted, inserted and moved articles and recitals, word edits of up to 45 %
of a clause, splits and merges; 14 instruments, 84 cases):

* Scorer. Over substantive clauses of unrelated instruments, the best match of each
  clause scores (median / 90th percentile): ``token_ratio`` 0.24 / 0.33, ``ratio``
  0.47 / 0.52, ``token_sort_ratio`` 0.52 / 0.57, ``token_set_ratio`` 0.55 / 0.67; a
  clause with half its words edited still scores (1st percentile) 0.57, 0.59, 0.54 and
  0.63. Only ``token_ratio`` (Indel similarity over words) leaves a wide gap between the
  two. On the suite at threshold 0.5 it has pair precision 0.9999 and recall 0.9995
  (``ratio``: 0.9997 / 0.9994 and 5 times slower; ``token_set_ratio``: 0.993 / 0.977 on
  an easier first suite).
* Threshold. ``token_ratio`` gives the same pairs on the suite for every threshold from
  0.4 to 0.6 (precision 0.9998-0.9999, recall 0.9994-0.9995; at 0.3 the OPSC offences
  articles pair with the OPAC, at 0.7 recall drops to 0.9986): 0.5 is the middle.
* UNIT_WEIGHT 0.3 against 0 (no article evidence): 1 false pair instead of 4, 6 missed
  pairs instead of 9; 0.45 misses more.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz, process

from treatydiff.engine.candidates import listed_pairs
from treatydiff.normalize import WordCodes

Scorer = Callable[..., float]

SCORERS: dict[str, Scorer] = {
    "ratio": fuzz.ratio,
    "token_ratio": fuzz.ratio,  # on texts whose words are encoded as single characters
    "token_sort_ratio": fuzz.token_sort_ratio,
    "token_set_ratio": fuzz.token_set_ratio,
}

# Weight of the unit (article) similarity in the pairing score.
UNIT_WEIGHT = 0.3


class Texts:
    """The texts a scorer sees, for one pair of instruments."""

    def __init__(self, scorer: str) -> None:
        self.scorer_name = scorer
        self.scorer = SCORERS[scorer]
        self._codes = WordCodes()

    def prepare(self, key: str, words: Sequence[str]) -> str:
        """Scorer text of a comparison key, whose scored words are ``words``."""
        if self.scorer_name != "token_ratio":
            return key.casefold()
        # Each distinct word becomes one character: fuzz.ratio then measures words.
        return self._codes.encode_words(words)

    def words(self, text: str) -> Sequence[str]:
        """The words of a scorer text: its characters for ``token_ratio`` (one a word),
        else its space-separated words."""
        return text if self.scorer_name == "token_ratio" else text.split()

    def score(self, a: str, b: str) -> float:
        if not a and not b:
            return 1.0
        return float(self.scorer(a, b)) / 100.0

    def join(self, texts: Sequence[str]) -> str:
        """The scorer text of clauses read one after the other."""
        return separator(self.scorer_name).join(texts)


class Similarity:
    """Similarities of every left text with every right text, as a dense
    ``rapidfuzz.process.cdist`` matrix would hold them, without one: two empty texts are
    the same text, one empty text resembles nothing, others score with the scorer.

    The pairs scoring at least ``listed`` are found at once among the candidates of
    ``candidates.listed_pairs`` (rapidfuzz's ``process.extract`` with a cutoff) and kept
    by row and by column; any other pair is scored when asked for. Why not
    ``process.cdist``: it needs numpy, whose import takes longer than a whole comparison
    of two conventions, and most pairs score far below any threshold.
    """

    def __init__(
        self, texts: Texts, left: Sequence[str], right: Sequence[str], *, listed: float | None
    ) -> None:
        self._texts, self._left, self._right = texts, left, right
        self._asked: dict[tuple[int, int], float] = {}
        self.rows: list[dict[int, float]] = [{} for _ in left]
        self.columns: list[dict[int, float]] = [{} for _ in right]
        if listed is not None:
            self._list(listed)

    def _list(self, floor: float) -> None:
        rows = listed_pairs(
            self._left, self._right, scorer=self._texts.scorer, floor=floor, words=self._texts.words
        )
        unworded = [j for j, text in enumerate(self._right) if not text]
        for i, text in enumerate(self._left):
            if text:
                indices, values = rows[i]
                scores = dict(zip(indices, values, strict=True))
                if floor <= 0.0:  # an empty text scores 0 with any other
                    scores.update((j, 0.0) for j in unworded)
            else:
                scores = {j: self._score(text, other) for j, other in enumerate(self._right)}
            for j in sorted(scores):
                if scores[j] >= floor:
                    self.rows[i][j] = self.columns[j][i] = scores[j]

    def __call__(self, i: int, j: int) -> float:
        listed = self.rows[i].get(j)
        if listed is not None:
            return listed
        asked = self._asked.get((i, j))
        if asked is None:
            asked = self._asked[(i, j)] = self._score(self._left[i], self._right[j])
        return asked

    def _score(self, a: str, b: str) -> float:
        if not a or not b:
            return 1.0 if a == b else 0.0
        return float(self._texts.scorer(a, b)) / 100.0

    def scores(self, i: int, js: set[int]) -> dict[int, float]:
        """The similarity of left text ``i`` with each right text of ``js``, as ``self(i,
        j)`` gives it, the missing ones scored together (one rapidfuzz call), not kept."""
        text, right, known, asked = self._left[i], self._right, self.rows[i], self._asked
        out = {
            j: known[j] if j in known else asked[(i, j)]
            for j in js
            if j in known or (i, j) in asked
        }
        missing = [j for j in js if j not in out]
        worded = [j for j in missing if text and right[j]]
        out.update((j, self._score(text, right[j])) for j in missing if not (text and right[j]))
        if worded:
            choices = [right[j] for j in worded]
            scorer = self._texts.scorer
            for _, score, k in process.extract(text, choices, scorer=scorer, limit=None):
                out[worded[k]] = float(score) / 100.0
        return out

    def transposed(self) -> Transposed:
        return Transposed(self)


class Transposed:
    """A ``Similarity`` seen from its right side."""

    def __init__(self, of: Similarity) -> None:
        self._of = of
        self.rows = of.columns

    def __call__(self, i: int, j: int) -> float:
        return self._of(j, i)


def separator(scorer: str) -> str:
    """What joins the scorer texts of adjacent clauses (a token text has no spaces)."""
    return "" if scorer == "token_ratio" else " "
