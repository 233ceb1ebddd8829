"""Split and merge candidates of the content alignment: one clause against a run of
adjacent clauses of the other side.

A run is a candidate when its joined text is closer to the one clause than any single
piece (by ``structure.SPLIT_GAIN``), or, where the pieces are reworded, holds clearly more
of its words in order (``COVER_GAIN``); its score blends that similarity with the mean of
its pieces' unit similarities, like a pair's (``scoring.UNIT_WEIGHT``), and must reach the
threshold. Search one way for splits and, transposed, for merges (``engine.align`` step
2).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from rapidfuzz.distance import LCSseq

from treatydiff.engine.chain import Candidates
from treatydiff.engine.scoring import UNIT_WEIGHT, Similarity, Texts, Transposed, separator
from treatydiff.engine.structure import SPLIT_GAIN, SPLIT_MAX_LENGTH

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
# A piece of a split or merge has a similarity of at least PIECE_FLOOR * threshold with
# the whole.
PIECE_FLOOR = 0.5


def search(
    out: Candidates,
    texts: Texts,
    *,
    one_texts: Sequence[str],
    many_texts: Sequence[str],
    leaf_sim: Similarity | Transposed,
    unit_sim: Similarity | Transposed,
    one_unit: Sequence[int],
    many_unit: Sequence[int],
    one_anchored: Collection[int],
    threshold: float,
    prior: Callable[[float, float], float],
    transpose: bool,
) -> None:
    """Splits (one left leaf, adjacent right leaves) or, with ``transpose``, merges, added
    to ``out``. ``one_texts`` are the scorer texts of the side of the one clause,
    ``many_texts`` those of the side of the runs; ``leaf_sim`` and ``unit_sim`` the
    similarities seen from the side of the one clause, of leaves and of units (each leaf's
    unit index in ``one_unit`` and ``many_unit``); ``one_anchored`` the one-side clauses
    that have an identical clause apart (``candidates.identical``), left out; ``prior(left,
    right)`` the positional tie-break at fractional leaf positions."""
    floor = threshold * PIECE_FLOOR
    lengths = [len(text) for text in many_texts]
    joiner = separator(texts.scorer_name)
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
                joined += joiner + many_texts[end]
                sim = texts.score(one, joined)
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
                if blended < threshold:
                    continue
                size = end - start + 2
                middle = (start + end) / 2
                bonus = prior(middle, a) if transpose else prior(a, middle)
                gain = size / 2 * (blended - threshold) + bonus
                if transpose:
                    out.add(start, end, a, a, blended, gain)
                else:
                    out.add(a, a, start, end, blended, gain)


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
