"""Clause alignment: which leaf clauses of one instrument correspond to which of another.

Identity comes from content, never from numbers, so renumbered and restructured texts
still pair. The steps:

1. Similarity of leaf pairs on the comparison key: every pair where a side has at most
   ``candidates.WINDOW`` leaves, else each leaf against its neighbourhood and the leaves
   sharing a rare word (``engine.candidates``); and of the pairs of *units* (an article
   with all its leaves, or a leaf outside articles) those leaf pairs belong to.
   The pairing score blends the two, ``(1 - UNIT_WEIGHT) * leaf + UNIT_WEIGHT * unit``,
   so that article-level evidence guides the pairing of paragraphs and points.
2. Candidates: leaf pairs scoring at least ``threshold`` (and whose own texts are not far
   below it, LEAF_FLOOR), plus split and merge blocks: one leaf against a run of adjacent
   leaves of the other side whose joined text is closer than any single piece, or, where
   the pieces are reworded, holds clearly more of its words in order (COVER_GAIN).
   An identical clause apart from the others (scorer texts equal and each found once on
   its side, in their longest run in order, ``candidates.identical``, and neither of the
   two at least ``threshold`` similar to any other clause of the other side) is the only
   candidate of its left clause, and no split or merge with either of the two as the one
   clause is looked for: most clauses of a revision are unchanged (171 of the 196
   alignments of the CRC against its OHCHR copy), and their blocks were most of the
   candidates' work. What is left out are pairs of the left clause below the threshold
   and blocks that would have to beat an identical pair; the alignments are those of the
   full candidates on every real pair, synthetic case and scaling input tried
   (``benchmarks/README.md``, issue 16, fifth pass). Identical clauses with similar ones
   beside them (items of a list that shift, "by 30 per cent by 31 December 2034" against
   "by 10 per cent by 31 December 2030") are candidates like any other: there the chain
   may rightly prefer the pairs in place.
3. A monotone alignment: the chain of candidates, increasing on both sides, with the
   greatest total gain (a heaviest increasing chain over rectangles, with a Fenwick tree).
   A candidate's gain is its score above the threshold, times half its number of leaves.
4. Moves: the remaining candidates whose leaves are all still free, best first, if they
   score at least ``threshold + MOVE_MARGIN``; they are flagged as moved.
5. Recitals that became articles (or the reverse), left unpaired, pair as moves on their
   own words (``engine.moves``).
6. Clauses in corresponding places pair on a lower bar (``engine.structure``), rewritten
   ones on their rare words (``engine.overlap``), on request on their meaning
   (``engine.meaning``), and pairs take in pieces of a split or merge that lie apart
   (``engine.splits``).
7. Every other leaf is added or removed.

A tiny positional prior breaks ties between equal candidates in favour of the one at the
same relative position, so the result is deterministic and a text compared with itself
pairs each clause with itself. The result does not depend on which instrument is given
first: the steps run with the two in an order fixed by their content (``_in_order``) and
the matches are mirrored back, so ``align(b, a)`` pairs exactly the mirror of
``align(a, b)``, ties included (a tie-break blind to the sides would have to tell apart
two mirror-image candidates, left i with right j and left j with right i, which can tie
exactly where clauses are duplicated).

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

from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import LCSseq

from treatydiff.engine import meaning, moves, overlap, splits, structure
from treatydiff.engine.candidates import identical, listed_pairs
from treatydiff.engine.comparison import PairedBy
from treatydiff.engine.structure import SPLIT_GAIN, SPLIT_MAX_LENGTH, unit_key
from treatydiff.model import (
    ATTACHED_KINDS,
    DOC_TITLE_KIND,
    UNIT_KINDS,
    Clause,
    Instrument,
    LeafView,
)
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
# A split or merge must beat its best single piece by SPLIT_GAIN, and each piece added
# to the run must raise the similarity by at least SPLIT_STEP; the pieces' joined length
# stays within SPLIT_MAX_LENGTH of the whole (``engine.structure``).
SPLIT_STEP = 0.005
SPLIT_MAX_PIECES = 6
# A split or merge whose pieces are reworded (longer, so less similar as a whole than
# its first piece) is one still when they cover this much more of the whole's words, in
# order, than any one piece, and each piece is mostly words of the whole.
COVER_GAIN = 0.15
COVER_PIECE = 0.5
# Out-of-order pairs need this much more than in-order ones.
MOVE_MARGIN = 0.1
# However strong the evidence of their articles, two leaves whose own texts are less
# similar than LEAF_FLOOR * threshold are never paired.
LEAF_FLOOR = 0.6
# A piece of a split or merge has a similarity of at least _PIECE_FLOOR * threshold with
# the whole.
_PIECE_FLOOR = 0.5
# Weight of the positional prior that breaks ties.
_POSITION_PRIOR = 1e-3


@dataclass(frozen=True)
class Match:
    """Leaf indices of the left and right side that correspond (one side may be empty),
    and why they were paired (``PairedBy``; meaningless when a side is empty)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    moved: bool = False
    reason: PairedBy = "content"


class _Texts:
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
        return _separator(self.scorer_name).join(texts)


class _Similarity:
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
        self, texts: _Texts, left: Sequence[str], right: Sequence[str], *, listed: float | None
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

    def transposed(self) -> _Transposed:
        return _Transposed(self)


class _Transposed:
    """A ``_Similarity`` seen from its right side."""

    def __init__(self, of: _Similarity) -> None:
        self._of = of
        self.rows = of.columns

    def __call__(self, i: int, j: int) -> float:
        return self._of(j, i)


class _Candidates:
    """Candidates in parallel arrays, not one object each: every candidate is a rectangle of
    leaves, ``left[k]`` to ``left_end[k]`` against ``right[k]`` to ``right_end[k]`` (one
    leaf, or a run of adjacent leaves against one leaf), with its ``score`` (the text
    similarity blended with the units') and its ``gain`` in the chain."""

    def __init__(self) -> None:
        self.left, self.left_end = array("i"), array("i")
        self.right, self.right_end = array("i"), array("i")
        self.score, self.gain = array("d"), array("d")

    def __len__(self) -> int:
        return len(self.score)

    def add(
        self, left: int, left_end: int, right: int, right_end: int, score: float, gain: float
    ) -> None:
        self.left.append(left)
        self.left_end.append(left_end)
        self.right.append(right)
        self.right_end.append(right_end)
        self.score.append(score)
        self.gain.append(gain)

    def boxes(self) -> list[tuple[int, int, int, int]]:
        """(first left, first right, last left, last right) of every candidate."""
        return list(zip(self.left, self.right, self.left_end, self.right_end, strict=True))

    def leaves(self, k: int) -> tuple[range, range]:
        """The left and right leaves of candidate ``k``."""
        return (
            range(self.left[k], self.left_end[k] + 1),
            range(self.right[k], self.right_end[k] + 1),
        )

    def match(self, k: int, *, moved: bool = False) -> Match:
        left, right = self.leaves(k)
        return Match(tuple(left), tuple(right), moved)


def align(
    left: Instrument,
    right: Instrument,
    *,
    threshold: float,
    scorer: str,
    semantic: bool = False,
) -> list[Match]:
    """Matches covering every compared unit (``Instrument.leaves``) of both sides exactly
    once, in document order; units are compared on their comparison keys
    (``Instrument.leaf_keys``).

    A unit pairs only with a unit of its own class: body clauses with body clauses (by
    content, steps 1 to 5 of the module's description), the title with the title, and
    attached units (captions, notes) with their own kind: first the caption (or the
    note in the same place) of each pair of clauses that the body alignment says
    correspond (the owners' units are mostly paired with each other), so a caption
    rewritten beyond recognition still pairs with its article's; then the remaining ones
    by content, like body clauses.

    With ``semantic``, body clauses rewritten in place are paired on their meaning too
    (``engine.meaning``; needs the semantic extra, else MissingExtraError).

    The mirror of ``align(right, left)``, whichever instrument comes first: the steps
    run with the two in the order ``_in_order`` fixes, and the matches are mirrored back.
    """
    if not _in_order(left, right):
        mirrored = _align_in_order(
            right, left, threshold=threshold, scorer=scorer, semantic=semantic
        )
        return document_order([Match(m.right, m.left, m.moved, m.reason) for m in mirrored])
    return _align_in_order(left, right, threshold=threshold, scorer=scorer, semantic=semantic)


def _in_order(left: Instrument, right: Instrument) -> bool:
    """Whether the alignment runs with ``left`` first: the order of the two by what the
    aligner sees of each (the comparison keys of the units, how they group, and the
    kinds and ids of the clauses above each unit, which pair the captions), the same
    whichever is given first. Instruments equal in all of that keep the given order,
    which then makes no difference."""

    def seen(instrument: Instrument) -> tuple[object, ...]:
        paths = tuple(tuple((c.kind, c.eid) for c in leaf.path) for leaf in instrument.leaves)
        return tuple(instrument.leaf_keys), tuple(_units(instrument.leaves)[1]), paths

    return seen(left) <= seen(right)


def _align_in_order(
    left: Instrument, right: Instrument, *, threshold: float, scorer: str, semantic: bool
) -> list[Match]:
    """``align`` with the two in the order given (its ties favour the left side)."""
    left_classes, right_classes = _classes(left.leaves), _classes(right.leaves)
    body = _align_part(left, right, left_classes["body"], right_classes["body"], threshold, scorer)
    body = _by_structure(
        left,
        right,
        (left_classes["body"], right_classes["body"]),
        body,
        threshold,
        scorer,
        semantic=semantic,
    )
    matches = list(body)
    for kind in sorted(ATTACHED_KINDS):
        matches.extend(_align_attached(left, right, body, kind, threshold, scorer))
    titles = (left_classes[DOC_TITLE_KIND], right_classes[DOC_TITLE_KIND])
    if titles[0] and titles[1]:
        matches.append(Match((titles[0][0],), (titles[1][0],), reason="structure"))
    else:
        matches.extend(Match((i,), ()) for i in titles[0])
        matches.extend(Match((), (j,)) for j in titles[1])
    return document_order(matches)


def _classes(leaves: Sequence[LeafView]) -> dict[str, list[int]]:
    """Unit indices by class: ``"body"`` (clauses of the body), and one class for each
    kind of unit that is no node of the body (``"heading"``, ``"authorialNote"``,
    ``"docTitle"``)."""
    out: dict[str, list[int]] = {"body": [], **{kind: [] for kind in sorted(UNIT_KINDS)}}
    for k, leaf in enumerate(leaves):
        kind = leaf.clause.kind
        out[kind if kind in UNIT_KINDS else "body"].append(k)
    return out


def _align_part(
    left: Instrument,
    right: Instrument,
    left_ids: Sequence[int],
    right_ids: Sequence[int],
    threshold: float,
    scorer: str,
) -> list[Match]:
    """The content alignment of the units ``left_ids`` and ``right_ids`` (indices into
    each side's ``leaves``), with indices mapped back to ``leaves``."""
    aligner = _Aligner(
        [left.leaves[i] for i in left_ids],
        [right.leaves[j] for j in right_ids],
        keys=([left.leaf_keys[i] for i in left_ids], [right.leaf_keys[j] for j in right_ids]),
        words=([left.leaf_words[i] for i in left_ids], [right.leaf_words[j] for j in right_ids]),
        threshold=threshold,
        scorer=scorer,
    )
    return [
        Match(tuple(left_ids[i] for i in m.left), tuple(right_ids[j] for j in m.right), m.moved)
        for m in aligner.run()
    ]


def _by_structure(
    left: Instrument,
    right: Instrument,
    ids: tuple[Sequence[int], Sequence[int]],
    body: Sequence[Match],
    threshold: float,
    scorer: str,
    *,
    semantic: bool,
) -> list[Match]:
    """The body alignment ``body`` of the units ``ids`` (left, right), with recitals
    become articles (or the reverse) paired as moves (``engine.moves``, reason
    ``"move"``), then the clauses in corresponding places (``engine.structure``, reason
    ``"structure"``), then rewritten clauses on their rare words (``engine.overlap``,
    ``"gap"`` and ``"words"``), with ``semantic`` on their meaning (``engine.meaning``,
    ``"meaning"``), then pieces apart taken into splits (``engine.splits``)."""
    left_ids, right_ids = ids
    local_left = {g: k for k, g in enumerate(left_ids)}
    local_right = {g: k for k, g in enumerate(right_ids)}
    paired = [m for m in body if m.left and m.right]
    pairs = [
        structure.Pair(
            tuple(local_left[i] for i in m.left), tuple(local_right[j] for j in m.right), m.moved
        )
        for m in paired
    ]
    keys = ([left.leaf_keys[i] for i in left_ids], [right.leaf_keys[j] for j in right_ids])
    texts = _Texts(scorer)
    prepared = (
        [texts.prepare(left.leaf_keys[i], left.leaf_words[i]) for i in left_ids],
        [texts.prepare(right.leaf_keys[j], right.leaf_words[j]) for j in right_ids],
    )
    leaves = ([left.leaves[i] for i in left_ids], [right.leaves[j] for j in right_ids])
    reasons: list[PairedBy] = [m.reason for m in paired]
    crossing = moves.across(leaves, prepared, pairs, texts=texts, threshold=threshold)
    pairs.extend(crossing)
    reasons.extend(["move"] * len(crossing))
    found = structure.corresponding(leaves, keys, prepared, pairs, texts=texts, threshold=threshold)
    reasons.extend(["structure"] * len(found))
    pairs, reasons = overlap.refined(
        leaves, keys, prepared, [*pairs, *found], reasons, texts=texts, threshold=threshold
    )
    if semantic:
        from treatydiff.engine.semantic import embed  # the extra, imported when asked for

        clauses = ([x.clause.text for x in leaves[0]], [x.clause.text for x in leaves[1]])
        meant = meaning.paired(clauses, pairs, encode=embed)
        pairs = [*pairs, *meant]
        reasons = [*reasons, *[meaning.REASON] * len(meant)]
    grown = splits.gather(
        prepared,
        ([structure.container(x) for x in leaves[0]], [structure.container(x) for x in leaves[1]]),
        pairs,
        scorer=texts,
        threshold=threshold,
        fixed=[reason in overlap.REASONS or reason == meaning.REASON for reason in reasons],
    )
    matches = [
        Match(
            tuple(left_ids[i] for i in p.left),
            tuple(right_ids[j] for j in p.right),
            p.moved,
            reason=reason,
        )
        for p, reason in zip(grown, reasons, strict=True)
    ]
    now_left = {i for m in matches for i in m.left}
    now_right = {j for m in matches for j in m.right}
    matches.extend(Match((i,), ()) for i in left_ids if i not in now_left)
    matches.extend(Match((), (j,)) for j in right_ids if j not in now_right)
    return matches


def _align_attached(
    left: Instrument,
    right: Instrument,
    body: Sequence[Match],
    kind: str,
    threshold: float,
    scorer: str,
) -> list[Match]:
    """Attached units of ``kind`` (captions, notes) paired through their owners, then by
    content; the rest added or removed.

    An attached unit has a slot in its owner: the caption, or the note in the nth place
    (the part of its eId after the owner's). A left unit pairs with the unit in the same
    slot of the right clause that the body units inside its owner are mostly paired
    with (the innermost clause of the owner's kind around each partner, or the partner
    itself for an owner that is a leaf).
    """
    left_ids, right_ids = _classes(left.leaves)[kind], _classes(right.leaves)[kind]
    right_slot = {_slot(right.leaves[j]): j for j in right_ids}
    # Each left body unit's partners; a far pair on rare words (engine.overlap) votes for none.
    partners: dict[int, tuple[int, ...]] = {}
    moved: dict[int, bool] = {}
    for match in body:
        far = match.moved and match.reason == "words"
        for i in match.left if match.right and not far else ():
            partners[i] = match.right
            moved[i] = match.moved
    # The body units inside each clause of the left side (a leaf is inside itself).
    inside: dict[str, list[int]] = {}
    for i in partners:
        for clause in left.leaves[i].path:
            inside.setdefault(clause.eid, []).append(i)
    votes: list[tuple[int, int, int, int]] = []  # (-support, left unit, right unit, moved)
    for h in left_ids:
        owner, suffix = left.leaves[h].ancestors[-1], _slot(left.leaves[h])[1]
        support: dict[int, int] = {}
        moved_support: dict[int, int] = {}
        for i in inside.get(owner.eid, ()):
            for j in partners[i]:
                counterpart = _owner_of_kind(right.leaves[j].path, owner.kind)
                if counterpart is None and owner.is_leaf:
                    counterpart = right.leaves[j].clause.eid
                target = right_slot.get((counterpart or "", suffix))
                if target is not None:
                    support[target] = support.get(target, 0) + 1
                    moved_support[target] = moved_support.get(target, 0) + moved[i]
        for target, count in support.items():
            votes.append((-count, h, target, 2 * moved_support[target] > count))
    matches: list[Match] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, h, target, was_moved in sorted(votes):
        if h not in used_left and target not in used_right:
            used_left.add(h)
            used_right.add(target)
            matches.append(Match((h,), (target,), bool(was_moved), reason="structure"))
    rest = _align_part(
        left,
        right,
        [h for h in left_ids if h not in used_left],
        [h for h in right_ids if h not in used_right],
        threshold,
        scorer,
    )
    return [*matches, *rest]


def _slot(unit: LeafView) -> tuple[str, str]:
    """An attached unit's owner eId and its place in the owner ("__heading",
    "__authorialNote_2")."""
    owner = unit.ancestors[-1].eid
    return owner, unit.clause.eid[len(owner) :]


def _owner_of_kind(path: Sequence[Clause], kind: str) -> str | None:
    """The eId of the innermost clause of ``kind`` in ``path``, if any."""
    for clause in reversed(path):
        if clause.kind == kind:
            return clause.eid
    return None


class _Aligner:
    def __init__(
        self,
        left: Sequence[LeafView],
        right: Sequence[LeafView],
        *,
        keys: tuple[Sequence[str], Sequence[str]],
        words: tuple[Sequence[Sequence[str]], Sequence[Sequence[str]]],
        threshold: float,
        scorer: str,
    ) -> None:
        self.n, self.m = len(left), len(right)
        self.threshold = threshold
        texts = _Texts(scorer)
        self.texts = texts
        self.left_texts = [texts.prepare(*pair) for pair in zip(keys[0], words[0], strict=True)]
        self.right_texts = [texts.prepare(*pair) for pair in zip(keys[1], words[1], strict=True)]
        # Listed: every pair a candidate or a piece of a split may come from.
        self.leaf_sim = _Similarity(
            texts,
            self.left_texts,
            self.right_texts,
            listed=threshold * min(LEAF_FLOOR, _PIECE_FLOOR),
        )
        # Identical clauses apart from the others (see step 2 of the module's description).
        rows, columns = self.leaf_sim.rows, self.leaf_sim.columns
        self.anchors = {
            i: j
            for i, j in identical(self.left_texts, self.right_texts)
            if _apart(rows[i], j, threshold) and _apart(columns[j], i, threshold)
        }
        self.anchored = (set(self.anchors), set(self.anchors.values()))
        left_units, self.left_unit = _units(left)
        right_units, self.right_unit = _units(right)
        self.unit_sim = _Similarity(
            texts,
            [_join(self.left_texts, ids, scorer) for ids in left_units],
            [_join(self.right_texts, ids, scorer) for ids in right_units],
            listed=None,
        )

    # --- candidates -----------------------------------------------------------------------

    def _prior(self, i: float, j: float) -> float:
        """Small bonus for the same relative position (ties go to the expected place)."""
        x = (i + 0.5) / self.n
        y = (j + 0.5) / self.m
        return _POSITION_PRIOR * (1.0 - abs(x - y))

    def _candidates(self) -> _Candidates:
        out = _Candidates()
        leaf_floor, threshold = self.threshold * LEAF_FLOOR, self.threshold
        left_unit, right_unit = self.left_unit, self.right_unit
        # The units' similarities, scored together for each left unit.
        needed: dict[int, set[int]] = {}
        for i, row in enumerate(self.leaf_sim.rows):
            wanted = needed.setdefault(left_unit[i], set())
            wanted.update(right_unit[j] for j, leaf in row.items() if leaf >= leaf_floor)
        units = {u: self.unit_sim.scores(u, vs) for u, vs in needed.items()}
        for i, row in enumerate(self.leaf_sim.rows):
            unit_row = units[left_unit[i]]
            for j, leaf in row.items():
                # An anchor's only candidate is its identical clause.
                if leaf < leaf_floor or self.anchors.get(i, j) != j:
                    continue
                score = (1 - UNIT_WEIGHT) * leaf + UNIT_WEIGHT * unit_row[right_unit[j]]
                if score >= threshold:
                    out.add(i, i, j, j, score, score - threshold + self._prior(i, j))
        self._blocks(out, transpose=False)
        self._blocks(out, transpose=True)
        return out

    def _blocks(self, out: _Candidates, *, transpose: bool) -> None:
        """Splits (one left leaf, adjacent right leaves) or, transposed, merges, added to
        ``out``."""
        leaf_sim: _Similarity | _Transposed
        unit_sim: _Similarity | _Transposed
        if transpose:
            one_texts, many_texts = self.right_texts, self.left_texts
            leaf_sim, unit_sim = self.leaf_sim.transposed(), self.unit_sim.transposed()
            one_unit, many_unit = self.right_unit, self.left_unit
            one_anchored = self.anchored[1]
        else:
            one_texts, many_texts = self.left_texts, self.right_texts
            leaf_sim, unit_sim = self.leaf_sim, self.unit_sim
            one_unit, many_unit = self.left_unit, self.right_unit
            one_anchored = self.anchored[0]
        floor = self.threshold * _PIECE_FLOOR
        lengths = [len(text) for text in many_texts]
        separator = _separator(self.texts.scorer_name)
        for a in range(len(one_texts)):
            if a in one_anchored:
                continue
            # A piece of a split is shorter than the whole, and the pieces together are
            # not much longer than it.
            one = one_texts[a]
            whole = len(one)
            longest = whole * SPLIT_MAX_LENGTH
            # How much of ``one`` each piece holds in order (LCSseq), by piece: the runs
            # from neighbouring starts share their pieces (half the measures, on the CRC).
            held: dict[int, int] = {}
            pieces_of = [j for j, sim in leaf_sim.rows[a].items() if sim >= floor]
            # (None when ``one`` is empty: the measures below divide by its length.)
            starts = sorted({s for j in pieces_of if lengths[j] < whole for s in (j - 1, j)})
            for start in starts:
                # Why first: most runs are too long at once, and need no score at all.
                if start < 0 or start + 1 >= len(many_texts):
                    continue
                if lengths[start] + lengths[start + 1] > longest:
                    continue
                previous = best_single = leaf_sim(a, start)
                length, joined = lengths[start], many_texts[start]
                covered = best_cover = _held(one, many_texts, start, held) / whole
                for end in range(start + 1, min(start + SPLIT_MAX_PIECES, len(many_texts))):
                    length += lengths[end]
                    if length > longest:
                        break
                    joined += separator + many_texts[end]
                    sim = self.texts.score(one, joined)
                    cover = _cover(one, joined)
                    reworded = (
                        cover >= covered + COVER_GAIN
                        and _held(one, many_texts, end, held) >= COVER_PIECE * lengths[end]
                    )
                    if sim < previous + SPLIT_STEP and not reworded:
                        break
                    previous, covered = max(sim, previous), cover
                    best_single = max(best_single, leaf_sim(a, end))
                    best_cover = max(best_cover, _held(one, many_texts, end, held) / whole)
                    if sim < best_single + SPLIT_GAIN and cover < best_cover + COVER_GAIN:
                        continue
                    pieces = range(start, end + 1)
                    units = [unit_sim(one_unit[a], many_unit[b]) for b in pieces]
                    blended = (1 - UNIT_WEIGHT) * sim + UNIT_WEIGHT * sum(units) / len(units)
                    if blended < self.threshold:
                        continue
                    size = end - start + 2
                    middle = (start + end) / 2
                    prior = self._prior(middle, a) if transpose else self._prior(a, middle)
                    gain = size / 2 * (blended - self.threshold) + prior
                    if transpose:
                        out.add(start, end, a, a, blended, gain)
                    else:
                        out.add(a, a, start, end, blended, gain)

    # --- the monotone chain ---------------------------------------------------------------

    def _chain(self, candidates: _Candidates) -> list[int]:
        """The heaviest chain of candidates increasing on both sides (their indices)."""
        count = len(candidates)
        if not count:
            return []
        boxes = candidates.boxes()
        order = sorted(range(count), key=boxes.__getitem__)
        left, left_end = candidates.left, candidates.left_end
        right, right_end, gain = candidates.right, candidates.right_end, candidates.gain
        by_end = sorted(range(count), key=left_end.__getitem__)
        tree = _MaxTree(self.m)
        best = [0.0] * count
        back = [-1] * count
        inserted = 0
        for k in order:
            while inserted < count and left_end[by_end[inserted]] < left[k]:
                done = by_end[inserted]
                tree.update(right_end[done], best[done], done)
                inserted += 1
            value, previous = tree.query(right[k])
            best[k] = value + gain[k]
            back[k] = previous
        end = max(range(count), key=lambda k: (best[k], -k))
        chain: list[int] = []
        while end >= 0:
            chain.append(end)
            end = back[end]
        chain.reverse()
        return chain

    # --- everything -----------------------------------------------------------------------

    def run(self) -> list[Match]:
        candidates = self._candidates()
        chain = self._chain(candidates)
        matches = [candidates.match(k) for k in chain]
        used_left: set[int] = set()
        used_right: set[int] = set()
        for k in chain:
            left, right = candidates.leaves(k)
            used_left.update(left)
            used_right.update(right)
        # Moves: the best remaining candidates whose leaves are all still free (those not
        # free after the chain never are: they are left out before sorting).
        floor = self.threshold + MOVE_MARGIN
        boxes = candidates.boxes()
        free = [
            k
            for k, (left, right, left_end, right_end) in enumerate(boxes)
            if candidates.score[k] >= floor
            and used_left.isdisjoint(range(left, left_end + 1))
            and used_right.isdisjoint(range(right, right_end + 1))
        ]
        for k in sorted(free, key=lambda k: (-candidates.score[k], boxes[k])):
            left, right = candidates.leaves(k)
            if used_left.isdisjoint(left) and used_right.isdisjoint(right):
                used_left.update(left)
                used_right.update(right)
                matches.append(candidates.match(k, moved=True))
        matches.extend(Match((i,), ()) for i in range(self.n) if i not in used_left)
        matches.extend(Match((), (j,)) for j in range(self.m) if j not in used_right)
        return document_order(matches)


def _apart(scores: dict[int, float], own: int, bar: float) -> bool:
    """Whether every similarity of ``scores`` (a row or column of the listing) but that
    of ``own`` is below ``bar``."""
    return all(score < bar for k, score in scores.items() if k != own)


def document_order(matches: Sequence[Match]) -> list[Match]:
    """Matches in the order of the right side; a removed leaf follows the match that holds
    its nearest in-order left predecessor (or comes first when it has none)."""
    anchor_of_left: dict[int, int] = {}
    for match in matches:
        if match.right and not match.moved:
            for i in match.left:
                anchor_of_left[i] = max(match.right)

    anchored = sorted(anchor_of_left)

    def key(match: Match) -> tuple[int, int, int]:
        if match.right:
            return (min(match.right), 0, min(match.left, default=-1))
        i = min(match.left)
        before = bisect_left(anchored, i)
        return (anchor_of_left[anchored[before - 1]] if before else -1, 1, i)

    return sorted(matches, key=key)


def _units(leaves: Sequence[LeafView]) -> tuple[list[list[int]], list[int]]:
    """Units in document order (lists of leaf indices) and each leaf's unit index."""
    index: dict[str, int] = {}
    units: list[list[int]] = []
    of_leaf: list[int] = []
    for position, leaf in enumerate(leaves):
        k = index.setdefault(unit_key(leaf), len(index))
        if k == len(units):
            units.append([])
        units[k].append(position)
        of_leaf.append(k)
    return units, of_leaf


def _join(texts: Sequence[str], ids: Sequence[int] | range, scorer: str) -> str:
    return _separator(scorer).join(texts[k] for k in ids)


def _separator(scorer: str) -> str:
    """What joins the scorer texts of adjacent clauses (a token text has no spaces)."""
    return "" if scorer == "token_ratio" else " "


def _held(whole: str, texts: Sequence[str], k: int, known: dict[int, int]) -> int:
    """How much of ``whole`` (a scorer text) ``texts[k]`` holds in order (their LCSseq
    similarity), kept in ``known`` by ``k``."""
    held = known.get(k)
    if held is None:
        held = known[k] = LCSseq.similarity(whole, texts[k])
    return held


def _cover(whole: str, piece: str) -> float:
    """The share of ``whole`` (a scorer text) that ``piece`` holds in order."""
    return LCSseq.similarity(whole, piece) / len(whole) if whole else 0.0


class _MaxTree:
    """Fenwick tree over right positions: prefix maxima of (chain value, candidate)."""

    def __init__(self, size: int) -> None:
        self.size, self.value, self.item = size, [0.0] * (size + 1), [-1] * (size + 1)

    def update(self, position: int, value: float, item: int) -> None:
        k = position + 1
        while k <= self.size:
            if value > self.value[k]:
                self.value[k], self.item[k] = value, item
            k += k & -k

    def query(self, before: int) -> tuple[float, int]:
        """Best (value, item) among positions < ``before``."""
        value, item, k = 0.0, -1, before
        while k > 0:
            if self.value[k] > value:
                value, item = self.value[k], self.item[k]
            k -= k & -k
        return value, item
