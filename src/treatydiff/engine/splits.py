"""Splits and merges whose pieces are not adjacent.

The content alignment finds a split (one clause against a run of adjacent clauses of the
other side) or a merge (the reverse) only when the pieces follow each other. A revision
often sends the pieces to places apart: an opening formula keeps its first words and
hands the naming of a convention to a recital further on; a paragraph's two sentences
become a paragraph of one article and an admissibility ground of another; a caption or
an editorial line sits between the pieces. Lumping such pieces into one side (leaving
one paired and the other added) hides where the words went.

After the content and structure passes, each pair with a single clause on one side (the
*whole*) takes in further unpaired clauses of the other side (the *pieces*) that lie
near it — between the in-order pairs before and after it on that side, or in the
article (or preamble) of a clause of the pair on that side — while each piece
lowers not the similarity of the whole with the pieces joined in document order, and
either raises it by at least ``SPLIT_GAIN`` (the content alignment's bar for a split) or
resembles, at the threshold, the words of the whole that the clauses taken so far leave
unmatched; the pieces together stay within ``SPLIT_MAX_LENGTH`` of the whole. The pair
is then reported as a split or merge whose clauses may be apart (``Alignment.is_split``,
``Alignment.is_merge``). Pieces farther away, or that lower that similarity, are
``engine.pieces``'s: it reads the words a pair leaves out.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from rapidfuzz.distance import Indel

from treatydiff.engine.structure import (
    SPLIT_GAIN,
    SPLIT_MAX_LENGTH,
    Pair,
    Texts,
    by_container,
    taken_clauses,
)


def gather(
    texts: tuple[Sequence[str], Sequence[str]],
    containers: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    *,
    scorer: Texts,
    threshold: float,
    fixed: Sequence[bool] = (),
) -> list[Pair]:
    """``pairs`` (indices into each side's ``texts``) with pieces taken in (see the
    module's description).

    Args:
        texts: The scorer texts of the body clauses of each side, in document order.
        containers: The container of each (``structure.container``).
        pairs: Every match with both sides; no clause is in two.
        scorer: The scorer of those texts.
        threshold: The content alignment's threshold: a piece that is the words the
            pair leaves unmatched in the whole with this similarity is taken in.
        fixed: For each pair, whether it keeps its clauses (a pair made on few words in
            order, ``engine.overlap``: any piece raises their similarity); none when
            empty.

    Returns:
        The pairs in the same order, some with more clauses on their many side; every
        clause still in at most one pair.
    """
    out = list(pairs)
    used = taken_clauses(pairs)
    # The in-order pairs bound the place where a pair's pieces may lie, on each side.
    in_order = [p for p in pairs if not p.moved]
    ends = (
        (sorted(max(p.left) for p in in_order), sorted(min(p.left) for p in in_order)),
        (sorted(max(p.right) for p in in_order), sorted(min(p.right) for p in in_order)),
    )
    # Each container's clauses, in order (a scan of the whole side for each pair made
    # this step quadratic on large texts).
    members = (by_container(containers[0]), by_container(containers[1]))
    for k, pair in enumerate(out):
        if k < len(fixed) and fixed[k]:
            continue
        for side in (1, 0):
            one = pair.left if side == 1 else pair.right
            many = pair.right if side == 1 else pair.left
            if len(one) != 1:
                continue
            lasts, firsts = ends[side]
            before = bisect_left(lasts, min(many))
            after = bisect_right(firsts, max(many))
            window = range(
                lasts[before - 1] + 1 if before else 0,
                firsts[after] if after < len(firsts) else len(texts[side]),
            )
            # Or in the container (article, preamble) of a clause already in the pair.
            homes = {containers[side][x] for x in many}
            near = set(window).union(*(members[side][home] for home in homes))
            free = sorted(x for x in near if x not in used[side])
            if not free:
                continue
            whole = texts[1 - side][one[0]]
            grown = _grow(whole, texts[side], many, free, scorer=scorer, threshold=threshold)
            if len(grown) > len(many):
                used[side].update(grown)
                out[k] = (
                    Pair(pair.left, grown, pair.moved)
                    if side == 1
                    else Pair(grown, pair.right, pair.moved)
                )
                break
    return out


def _grow(
    whole: str,
    own: Sequence[str],
    many: tuple[int, ...],
    free: list[int],
    *,
    scorer: Texts,
    threshold: float,
) -> tuple[int, ...]:
    """``many`` (indices into ``own``, the scorer texts of the side of the pieces) with
    the pieces of ``free`` taken in that fit ``whole``, best first."""
    chosen = tuple(many)
    longest = len(whole) * SPLIT_MAX_LENGTH
    while True:
        current = _score(scorer, whole, own, chosen)
        rest = _unmatched(whole, scorer.join([own[y] for y in chosen]))
        best: tuple[float, int] | None = None
        for x in free:
            trial = tuple(sorted((*chosen, x)))
            if sum(len(own[y]) for y in trial) > longest:
                continue
            gain = _score(scorer, whole, own, trial) - current
            # The piece is the words of the whole that the clauses taken so far leave
            # unmatched, or it raises the similarity of the whole.
            residual = scorer.score(rest, own[x]) if rest and own[x] else 0.0
            if gain >= 0 and (gain >= SPLIT_GAIN or residual >= threshold):
                merit = max(gain, residual)
                if best is None or merit > best[0]:
                    best = (merit, x)
        if best is None:
            return chosen
        chosen = tuple(sorted((*chosen, best[1])))
        free.remove(best[1])


def _unmatched(whole: str, joined: str) -> str:
    """The characters (words, in a token text) of ``whole`` outside the blocks it has in
    common with ``joined`` (Indel alignment), in order."""
    kept = [
        whole[op.src_start : op.src_end] for op in Indel.opcodes(whole, joined) if op.tag != "equal"
    ]
    return "".join(kept)


def _score(scorer: Texts, whole: str, own: Sequence[str], pieces: Sequence[int]) -> float:
    """The similarity of the whole with the pieces read in document order."""
    joined = scorer.join([own[x] for x in pieces])
    if not whole or not joined:
        return 1.0 if whole == joined else 0.0
    return scorer.score(whole, joined)
