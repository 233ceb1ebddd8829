"""Clause alignment: which leaf clauses of one instrument correspond to which of another.

Identity comes from content, never from numbers, so renumbered and restructured texts
still pair. The steps:

1. Similarity of leaf pairs on the comparison key (``engine.scoring``): every pair where
   a side has at most ``candidates.WINDOW`` leaves, else each leaf against its
   neighbourhood and the leaves sharing a rare word (``engine.candidates``); and of the
   pairs of *units* (an article with all its leaves, or a leaf outside articles) those
   leaf pairs belong to.
   The pairing score blends the two, ``(1 - UNIT_WEIGHT) * leaf + UNIT_WEIGHT * unit``,
   so that article-level evidence guides the pairing of paragraphs and points.
2. Candidates: leaf pairs scoring at least ``threshold`` (and whose own texts are not far
   below it, LEAF_FLOOR), plus split and merge blocks (``engine.blocks``): one leaf
   against a run of adjacent leaves of the other side whose joined text is closer than
   any single piece, or, where the pieces are reworded, holds clearly more of its words
   in order (``blocks.COVER_GAIN``).
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
   greatest total gain (a heaviest increasing chain over rectangles, with a Fenwick tree;
   ``engine.chain``).
   A candidate's gain is its score above the threshold, times half its number of leaves.
4. Moves: the remaining candidates whose leaves are all still free, best first, if they
   score at least ``threshold + MOVE_MARGIN``; they are flagged as moved.
5. Recitals that became articles (or the reverse), left unpaired, pair as moves on their
   own words (``engine.moves``).
6. Clauses in corresponding places pair on a lower bar (``engine.structure``), rewritten
   ones on their rare words (``engine.overlap``), on request on their meaning
   (``engine.meaning``), and pairs take in pieces of a split or merge that lie apart
   (``engine.splits``), or anywhere when they hold the words a pair leaves out
   (``engine.pieces``).
7. Every other leaf is added or removed.

A tiny positional prior breaks ties between equal candidates in favour of the one at the
same relative position, so the result is deterministic and a text compared with itself
pairs each clause with itself. The result does not depend on which instrument is given
first: the steps run with the two in an order fixed by their content (``_in_order``) and
the matches are mirrored back, so ``align(b, a)`` pairs exactly the mirror of
``align(a, b)``, ties included (a tie-break blind to the sides would have to tell apart
two mirror-image candidates, left i with right j and left j with right i, which can tie
exactly where clauses are duplicated).

The scorer, the threshold and ``UNIT_WEIGHT`` were calibrated on the real corpus and a
perturbed suite (figures in ``engine.scoring``).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from treatydiff.engine import attached, blocks, meaning, moves, overlap, pieces, splits, structure
from treatydiff.engine.candidates import identical
from treatydiff.engine.chain import Candidates, chain
from treatydiff.engine.comparison import Match, PairedBy
from treatydiff.engine.scoring import UNIT_WEIGHT, Similarity, Texts, Transposed, separator
from treatydiff.engine.structure import unit_key
from treatydiff.model import (
    ATTACHED_KINDS,
    DOC_TITLE_KIND,
    UNIT_KINDS,
    Instrument,
    LeafView,
)

# Out-of-order pairs need this much more than in-order ones.
MOVE_MARGIN = 0.1
# However strong the evidence of their articles, two leaves whose own texts are less
# similar than LEAF_FLOOR * threshold are never paired.
LEAF_FLOOR = 0.6
# Weight of the positional prior that breaks ties.
_POSITION_PRIOR = 1e-3


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
    correspond (the owners' units are mostly paired with each other; ``engine.attached``),
    so a caption rewritten beyond recognition still pairs with its article's; then the
    remaining ones by content, like body clauses.

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
    ``"meaning"``), then pieces apart taken into splits (``engine.splits``, then
    ``engine.pieces``)."""
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
    texts = Texts(scorer)
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
    grown = pieces.taken_apart(keys, grown)
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
    """Attached units of ``kind`` (captions, notes) paired through their owners
    (``engine.attached``), then by content; the rest added or removed."""
    left_ids, right_ids = _classes(left.leaves)[kind], _classes(right.leaves)[kind]
    matches = attached.through_owners(left, right, body, (left_ids, right_ids))
    used_left = {h for m in matches for h in m.left}
    used_right = {h for m in matches for h in m.right}
    rest = _align_part(
        left,
        right,
        [h for h in left_ids if h not in used_left],
        [h for h in right_ids if h not in used_right],
        threshold,
        scorer,
    )
    return [*matches, *rest]


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
        texts = Texts(scorer)
        self.texts = texts
        self.left_texts = [texts.prepare(*pair) for pair in zip(keys[0], words[0], strict=True)]
        self.right_texts = [texts.prepare(*pair) for pair in zip(keys[1], words[1], strict=True)]
        # Listed: every pair a candidate or a piece of a split may come from.
        self.leaf_sim = Similarity(
            texts,
            self.left_texts,
            self.right_texts,
            listed=threshold * min(LEAF_FLOOR, blocks.PIECE_FLOOR),
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
        self.unit_sim = Similarity(
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

    def _candidates(self) -> Candidates:
        out = Candidates()
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

    def _blocks(self, out: Candidates, *, transpose: bool) -> None:
        """Splits (one left leaf, adjacent right leaves) or, transposed, merges, added to
        ``out`` (``engine.blocks``)."""
        sims: tuple[Similarity | Transposed, Similarity | Transposed]
        if transpose:
            sides, sims = (1, 0), (self.leaf_sim.transposed(), self.unit_sim.transposed())
        else:
            sides, sims = (0, 1), (self.leaf_sim, self.unit_sim)
        texts = (self.left_texts, self.right_texts)
        units = (self.left_unit, self.right_unit)
        blocks.search(
            out,
            self.texts,
            one_texts=texts[sides[0]],
            many_texts=texts[sides[1]],
            leaf_sim=sims[0],
            unit_sim=sims[1],
            one_unit=units[sides[0]],
            many_unit=units[sides[1]],
            one_anchored=self.anchored[sides[0]],
            threshold=self.threshold,
            prior=self._prior,
            transpose=transpose,
        )

    # --- everything -----------------------------------------------------------------------

    def run(self) -> list[Match]:
        candidates = self._candidates()
        found = chain(candidates, self.m)
        matches = [candidates.match(k) for k in found]
        used_left: set[int] = set()
        used_right: set[int] = set()
        for k in found:
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
    return separator(scorer).join(texts[k] for k in ids)
