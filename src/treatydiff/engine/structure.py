"""Structure-aware pairing: clauses in corresponding places pair on a lower bar.

The content alignment (``engine.align``) pairs clauses whose own words, blended with
their articles', clear the threshold. A revision that rewrites a paragraph in place (an
article's chapeau against the same article's chapeau, paragraph 4 against paragraph 4
with its conditions reworded) leaves it below that bar although everything around it
pairs. This pass runs after the content alignment and pairs such clauses:

1. Anchors: the pairs the content alignment made in document order. Between two
   consecutive anchors lies a *gap*: the unpaired clauses of each side there stand in
   corresponding places.
   The start and the end of the body count as anchors. A moved pair is an anchor of its
   own: the clauses just before it and just after it stand in corresponding places too.
2. In a gap, a left and a right clause are *supported* when they are the neighbours of
   one anchor (they belong to the first units after it, or to the last units before the
   next one: a unit is an article, or a clause outside articles), or when their
   containers are paired (the articles they belong to, or the preamble, the final
   clauses, an attachment, have clauses paired with each other).
3. A supported pair is a candidate when its own word similarity reaches its bar, which
   allows more difference than the threshold does: ``1 - slack * (1 - threshold)``,
   with ``NEIGHBOUR_SLACK`` for neighbours and ``CONTAINER_SLACK`` for clauses of paired
   containers (0.4 and 0.45 at the default threshold 0.5; 1.0 at threshold 1.0, where
   only the same words pair). Two short clauses (at most ``SHORT_WORDS`` words each) are
   compared on their letters too, at ``SHORT_SLACK`` (0.85), so that a one-letter typo
   ("acommodation;" / "accommodation;") still pairs. The run of clauses of a unit at an
   end of the gap is a candidate against a single clause of the other side (a merge or a
   split in place) when it beats its best single piece by ``SPLIT_GAIN``.
4. In each gap, the candidates chosen are the heaviest chain increasing on both sides (a
   weighted longest common subsequence); the pairs are recorded as paired by
   ``"structure"`` (moved beside a moved anchor). Last, the clauses of paired containers
   that lie in different gaps (a paragraph moved within its article) pair on the
   containers' bar alone, as moves. The pass repeats while it pairs anything, so that a
   run of rewritten paragraphs fills from its anchors inwards.

Calibration: ``benchmarks/real_pairs.py`` (gold read from four real pairs of treaties;
figures in ``benchmarks/README.md``) and the synthetic suite (``benchmarks/harness.py``,
unchanged at 1.000). The gold pairs the content alignment leaves in gaps score 0.41 to
0.52 in word similarity (recitals restated, a chapeau reworded, an article's single
paragraph against the same article's first); the closest non-pair, "Reaffirming their
determination ..." against "Reaffirming the universality ..." (two recitals of paired
preambles, no shared neighbour), 0.44: hence the stricter bar without a neighbour.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

from rapidfuzz import fuzz

from treatydiff.model import LeafView
from treatydiff.normalize import scored_words

# How much more difference than the threshold's a supported pair may have (see step 3).
NEIGHBOUR_SLACK = 1.2
CONTAINER_SLACK = 1.1
# A split or merge must beat its best single piece by this much: the content alignment's
# bar (``engine.align``) and this pass's and ``engine.splits``'s for a unit's run or a
# piece apart.
SPLIT_GAIN = 0.03
# The pieces' joined length (in scorer characters), relative to the whole; likewise.
SPLIT_MAX_LENGTH = 1.5
# Clauses of at most this many words are compared on their letters too.
SHORT_WORDS = 5
# The letter similarity (casefolded Indel) of two short clauses, as a slack: 0.85 at the
# default threshold ("acommodation;" against "accommodation;" scores 0.96, "harbours;"
# against "estuaries;" 0.42).
SHORT_SLACK = 0.3


def bar(threshold: float, slack: float) -> float:
    """The least similarity that allows ``slack`` times the difference the threshold
    allows: ``1 - slack * (1 - threshold)``."""
    return 1.0 - slack * (1.0 - threshold)


class Texts(Protocol):
    """What the content alignment scores texts with (``engine.scoring.Texts``)."""

    def score(self, a: str, b: str) -> float:
        """The similarity (0..1) of two prepared texts."""

    def join(self, texts: Sequence[str]) -> str:
        """The prepared text of clauses read one after the other."""


@dataclass(frozen=True)
class Pair:
    """Indices of the clauses of a match with both sides, and whether it was moved."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    moved: bool


@dataclass(frozen=True)
class _Side:
    """The body clauses of one side: scorer texts, folded texts, comparison keys, units
    and containers."""

    prepared: tuple[str, ...]
    folded: tuple[str, ...]
    keys: tuple[str, ...]
    units: tuple[str, ...]
    containers: tuple[str, ...]


def unit_key(leaf: LeafView) -> str:
    """Id of the unit a leaf belongs to: its article, else the leaf itself."""
    for clause in reversed(leaf.path):
        if clause.kind == "article":
            return clause.eid
    return leaf.clause.eid


def container(leaf: LeafView) -> str:
    """The eId of the clause whose children correspond by place: the leaf's article, else
    its outermost container (the preamble, the final clauses, an attachment), else the
    leaf itself."""
    for clause in reversed(leaf.path):
        if clause.kind == "article":
            return clause.eid
    return leaf.path[0].eid


def _side(leaves: Sequence[LeafView], keys: Sequence[str], prepared: Sequence[str]) -> _Side:
    return _Side(
        prepared=tuple(prepared),
        folded=tuple(key.casefold() for key in keys),
        keys=tuple(keys),
        units=tuple(unit_key(leaf) for leaf in leaves),
        containers=tuple(container(leaf) for leaf in leaves),
    )


def corresponding(
    leaves: tuple[Sequence[LeafView], Sequence[LeafView]],
    keys: tuple[Sequence[str], Sequence[str]],
    prepared: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    *,
    texts: Texts,
    threshold: float,
) -> list[Pair]:
    """The clauses in corresponding places that pair on the lower bar (steps 1 to 4 of
    the module's description), on indices into ``leaves``.

    Args:
        leaves: The body clauses of each side, in document order.
        keys: Their comparison keys.
        prepared: Their scorer texts (``texts.prepare`` of the keys).
        pairs: The content alignment's matches with both sides, on those indices.
        texts: The content alignment's scorer texts (one instance for both sides).
        threshold: The content alignment's threshold (0..1).

    Returns:
        New pairs of clauses in no pair of ``pairs``: one-to-one, or a unit's clauses
        against one clause; in order within each gap between in-order pairs of
        ``pairs``; beside a moved pair, moved too; or clauses of paired containers in
        different gaps, moved.
    """
    sides = (
        _side(leaves[0], keys[0], prepared[0]),
        _side(leaves[1], keys[1], prepared[1]),
    )
    found: list[Pair] = []
    while True:
        more = _fill(sides, [*pairs, *found], texts=texts, threshold=threshold)
        if not more:
            return found
        found.extend(more)


def taken_clauses(pairs: Sequence[Pair]) -> tuple[set[int], set[int]]:
    """The left and the right clauses in ``pairs``."""
    return {i for p in pairs for i in p.left}, {j for p in pairs for j in p.right}


def by_container(containers: Sequence[str]) -> dict[str, list[int]]:
    """The indices of the clauses of each container, in document order."""
    out: dict[str, list[int]] = {}
    for index, container in enumerate(containers):
        out.setdefault(container, []).append(index)
    return out


def _fill(
    sides: tuple[_Side, _Side], pairs: Sequence[Pair], *, texts: Texts, threshold: float
) -> list[Pair]:
    """One round of steps 2 to 4: the pairs found in the gaps between the in-order
    ``pairs`` (local indices), then beside the moved ones."""
    lefts, rights = sides
    taken = taken_clauses(pairs)
    paired_containers = {
        (lefts.containers[i], rights.containers[j]) for p in pairs for i in p.left for j in p.right
    }
    anchors = sorted(
        (min(p.left), max(p.left), min(p.right), max(p.right)) for p in pairs if not p.moved
    )
    n, m = len(lefts.prepared), len(rights.prepared)
    bounds = [(-1, -1, -1, -1), *anchors, (n, n, m, m)]
    regions = [
        (range(before[1] + 1, after[0]), range(before[3] + 1, after[2]), False)
        for before, after in pairwise(bounds)
    ]
    # A moved pair is an anchor of its own: the clauses just before and after it on each
    # side stand in the same place too (the pairs found there are moved as well).
    for p in pairs:
        if p.moved:
            regions.append(
                (_run(taken[0], min(p.left), -1, n), _run(taken[1], min(p.right), -1, m), True)
            )
            regions.append(
                (_run(taken[0], max(p.left), 1, n), _run(taken[1], max(p.right), 1, m), True)
            )
    found: list[Pair] = []
    for left_range, right_range, moved in regions:
        gap = (
            [i for i in left_range if i not in taken[0]],
            [j for j in right_range if j not in taken[1]],
        )
        if not (gap[0] and gap[1]):
            continue
        chosen = _chain(_candidates(sides, gap, paired_containers, texts, threshold))
        for left, right in chosen:
            taken[0].update(left)
            taken[1].update(right)
            found.append(Pair(left, right, moved))
    # Last, the clauses of paired containers in no common gap (a paragraph moved within
    # its article): on the containers' bar alone, moved unless in one gap after all.
    starts = ([a[0] for a in anchors], [a[2] for a in anchors])
    # Each container's clauses, in order: a scan of the whole side for each of thousands
    # of paired containers made this step quadratic on large texts.
    members = (by_container(lefts.containers), by_container(rights.containers))
    for left_container, right_container in sorted(paired_containers):
        gap = (
            [i for i in members[0][left_container] if i not in taken[0]],
            [j for j in members[1][right_container] if j not in taken[1]],
        )
        if not (gap[0] and gap[1]):
            continue
        candidates = _candidates(sides, gap, paired_containers, texts, threshold, neighbours=False)
        for left, right in _chain(candidates):
            taken[0].update(left)
            taken[1].update(right)
            moved = bisect_left(starts[0], left[0]) != bisect_left(starts[1], right[0])
            found.append(Pair(left, right, moved))
    return found


def _run(taken: set[int], start: int, step: int, size: int) -> range:
    """The free clauses next to ``start`` (excluded) in direction ``step``, up to the
    first taken one, as a range in document order."""
    end = start + step
    while 0 <= end < size and end not in taken:
        end += step
    return range(start + 1, end) if step > 0 else range(end + 1, start)


def _candidates(
    sides: tuple[_Side, _Side],
    gap: tuple[list[int], list[int]],
    paired_containers: set[tuple[str, str]],
    texts: Texts,
    threshold: float,
    *,
    neighbours: bool = True,
) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """The supported pairs of one gap that clear their bar, with their weights; without
    ``neighbours``, only the clauses of paired containers, one to one."""
    lefts, rights = sides
    gap_left, gap_right = gap
    # The first units (articles, or clauses outside articles) after an anchor stand in
    # the same place, and so do the last ones before the next anchor.
    ends = (
        {
            (lefts.units[gap_left[0]], rights.units[gap_right[0]]),
            (lefts.units[gap_left[-1]], rights.units[gap_right[-1]]),
        }
        if neighbours
        else set()
    )
    floors: dict[tuple[int, int], float] = {}
    for unit_pair in ends:
        for i in _members(gap_left, lefts.units, unit_pair[0]):
            for j in _members(gap_right, rights.units, unit_pair[1]):
                floors[(i, j)] = bar(threshold, NEIGHBOUR_SLACK)
    left_containers = {lefts.containers[i] for i in gap_left}
    right_containers = {rights.containers[j] for j in gap_right}
    for left_container, right_container in paired_containers:
        if left_container in left_containers and right_container in right_containers:
            for i in _members(gap_left, lefts.containers, left_container):
                for j in _members(gap_right, rights.containers, right_container):
                    floors.setdefault((i, j), bar(threshold, CONTAINER_SLACK))
    out: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    for (i, j), floor in floors.items():
        similarity = _similarity(lefts.prepared[i], rights.prepared[j], texts)
        short = _short(lefts.keys[i]) and _short(rights.keys[j])
        letters = _letters(lefts.folded[i], rights.folded[j]) if short else 0.0
        if similarity >= floor or letters >= bar(threshold, SHORT_SLACK):
            out.append(((i,), (j,), max(similarity, letters)))
    # A unit at an end whose clauses became one clause of the other side (or the
    # reverse): the whole run against the one clause, as a merge (or split).
    for left_unit, right_unit in ends:
        many_left = tuple(i for i in gap_left if lefts.units[i] == left_unit)
        many_right = tuple(j for j in gap_right if rights.units[j] == right_unit)
        if len(many_left) + len(many_right) < 3 or min(len(many_left), len(many_right)) != 1:
            continue
        joined = (
            texts.join([lefts.prepared[i] for i in many_left]),
            texts.join([rights.prepared[j] for j in many_right]),
        )
        similarity = _similarity(*joined, texts)
        # As for the content alignment's splits: the run beats its best single piece.
        single = max(
            _similarity(lefts.prepared[i], rights.prepared[j], texts)
            for i in many_left
            for j in many_right
        )
        if similarity >= max(bar(threshold, NEIGHBOUR_SLACK), single + SPLIT_GAIN):
            size = (len(many_left) + len(many_right)) / 2
            out.append((many_left, many_right, similarity * size))
    return out


def _members(gap: list[int], groups: tuple[str, ...], group: str) -> list[int]:
    """The clauses of ``gap`` in ``group`` (a unit or a container)."""
    return [k for k in gap if groups[k] == group]


def _similarity(a: str, b: str, texts: Texts) -> float:
    """The word similarity (0..1) of two scorer texts, as the content alignment scores
    them: one empty text resembles nothing."""
    if not a or not b:
        return 1.0 if a == b else 0.0
    return texts.score(a, b)


def _short(key: str) -> bool:
    """Whether a clause has at most ``SHORT_WORDS`` words."""
    return len(scored_words(key)) <= SHORT_WORDS


def _letters(a: str, b: str) -> float:
    """The letter similarity (Indel, 0..1) of two casefolded texts."""
    return float(fuzz.ratio(a, b)) / 100.0


def _chain(
    candidates: Sequence[tuple[tuple[int, ...], tuple[int, ...], float]],
) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """The heaviest set of candidates increasing on both sides (a weighted longest
    common subsequence over the few clauses of one gap)."""
    if not candidates:
        return []
    ordered = sorted(candidates, key=lambda c: (c[0][0], c[1][0], c[0][-1], c[1][-1]))
    best = [weight for _, _, weight in ordered]
    back = [-1] * len(ordered)
    for k, (left, right, weight) in enumerate(ordered):
        for p in range(k):
            if (
                ordered[p][0][-1] < left[0]
                and ordered[p][1][-1] < right[0]
                and best[p] + weight > best[k]
            ):
                best[k], back[k] = best[p] + weight, p
    end = max(range(len(ordered)), key=lambda k: (best[k], -k))
    chain: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    while end >= 0:
        chain.append(ordered[end][:2])
        end = back[end]
    return chain[::-1]
