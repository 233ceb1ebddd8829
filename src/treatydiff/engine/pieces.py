"""Pieces of a split or merge anywhere in the other text, found on the words they carry.

``engine.splits`` takes into a pair the unpaired pieces that lie near it and raise (or
keep) its similarity in order. Some pieces lie elsewhere, or repeat the words of the
clause already paired so much that joining them lowers the similarity: a clause of two
sentences whose first became an admissibility ground of another article ("Communications
shall be in writing and shall not be anonymous" against "It is anonymous or not in
writing", while its second sentence pairs with another paragraph); an article whose
first sentence became a paragraph of its own ("This Protocol is open for signature by
all States"); a list item that condensed two of the other text's items ("attempting to
commit or participating as an accomplice in an offence", from an item on attempt and a
49-word one on the accomplice, longer than a merge may grow). This pass reads what the
pair leaves unsaid: for each pair with a single clause on one side (the *whole*), the
*left words* are the whole's content words (``overlap.content_words``) that none of the
clauses paired with it holds. An unpaired clause of the other side, anywhere, is a piece
of the whole when

- the whole holds nearly all of its content words: at least ``CONTAINED`` of them,
  weighted by inverse document frequency (``overlap.Overlap``): the piece says nothing
  the whole does not;
- it holds at least ``LEAST_WORDS`` of the left words, one of them rare (in at most
  ``overlap.RARE`` clauses), and either nearly all of them (``ALL_LEFT`` of their weight:
  the piece is what the pair left out) or, holding at least ``MANY_WORDS`` of them, is
  mostly made of them (``MOSTLY_LEFT`` of its weight: the piece is a sentence the pair
  left out).

The best piece (most weight of left words) is taken first, and the left words are read
again after each piece taken, so a whole takes several pieces only when each says what
the others leave out. The pair is reported as a split or merge whose clauses may be
apart (``Alignment.is_split``, ``Alignment.is_merge``); only between related texts
(``overlap.related``).

Calibration (``benchmarks/real_pairs.py``, issue 17's fourth session; figures in
``benchmarks/README.md``): over the five gold pairs, the clauses passing ``CONTAINED``
with half their weight in left words are the three gold pieces (OP-CEDAW art. 3 /
OP-ICESCR 3(2)(g); Hague 1973 art. 20 / 2007 23(1); smuggling 6(2)(b) / firearms
5(2)(a)); over twenty pairs without gold read for precision, the non-pairs that pass
``CONTAINED`` hold one left word ("For the purposes of this Convention", "States Parties
shall ensure that:"), or two of a dozen left words ("by one of its nationals; or", "For
the purpose of the present Protocol:", "not to accept Chapter IV;"), or fall below it
(0.81: "To prevent and combat trafficking in persons; and" against the firearms
protocol's purpose, which names no persons): hence the bars, above every non-pair seen.
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.engine.overlap import Overlap, related
from treatydiff.engine.structure import Pair, taken_clauses

# The least share (idf-weighted) of a piece's content words that the whole holds.
CONTAINED = 0.9
# The least number of the whole's left words a piece holds, and the number from which it
# may hold fewer than all of them.
LEAST_WORDS = 2
MANY_WORDS = 3
# The least share of the left words' weight a piece holds (it is what the pair left out),
# or of its own weight that left words make (it is a sentence the pair left out).
ALL_LEFT = 0.9
MOSTLY_LEFT = 0.8


def taken_apart(keys: tuple[Sequence[str], Sequence[str]], pairs: Sequence[Pair]) -> list[Pair]:
    """``pairs`` with pieces anywhere taken in (see the module's description).

    Args:
        keys: The comparison keys of the body clauses of each side, in document order.
        pairs: Every match with both sides (indices into ``keys``); no clause in two.

    Returns:
        The pairs in the same order, some with more clauses on their many side; every
        clause still in at most one pair. Unchanged between texts not related
        (``overlap.related``).
    """
    if not related(pairs, (len(keys[0]), len(keys[1]))):
        return list(pairs)
    words = Overlap(keys)
    out = list(pairs)
    used = taken_clauses(pairs)
    # Unpaired clauses by rare content word, on each side.
    index: tuple[dict[str, list[int]], dict[str, list[int]]] = ({}, {})
    for side in (0, 1):
        for x, own in enumerate(words.words[side]):
            if x not in used[side]:
                for word in own & words.rare:
                    index[side].setdefault(word, []).append(x)
    found: list[tuple[float, int, int, int]] = []
    for k, pair in enumerate(out):
        for side in (1, 0):
            if len(pair.left if side == 1 else pair.right) != 1:
                continue
            left = _left_words(words, pair, side)
            for x in sorted({x for word in left for x in index[side].get(word, ())}):
                weight = _piece_weight(words, pair, side, x)
                if weight is not None:
                    found.append((-weight, k, side, x))
    for _, k, side, x in sorted(found):
        if x in used[side] or _piece_weight(words, out[k], side, x) is None:
            continue
        used[side].add(x)
        pair = out[k]
        if side == 1:
            out[k] = Pair(pair.left, tuple(sorted((*pair.right, x))), pair.moved)
        else:
            out[k] = Pair(tuple(sorted((*pair.left, x))), pair.right, pair.moved)
    return out


def _left_words(words: Overlap, pair: Pair, side: int) -> frozenset[str]:
    """The content words of the whole (the single clause of ``pair`` on the side other
    than ``side``) that no clause of the pair on ``side`` holds."""
    one, many = (pair.left, pair.right) if side == 1 else (pair.right, pair.left)
    partner = frozenset().union(*(words.words[side][y] for y in many))
    return words.words[1 - side][one[0]] - partner


def _piece_weight(words: Overlap, pair: Pair, side: int, x: int) -> float | None:
    """The weight of the left words that clause ``x`` of ``side`` holds, when it is a
    piece of the pair's whole by the module's bars; else None."""
    idf = words.idf
    piece = words.words[side][x]
    whole = words.words[1 - side][(pair.left if side == 1 else pair.right)[0]]
    left = _left_words(words, pair, side)
    held = piece & left
    if len(held) < LEAST_WORDS or not held & words.rare:
        return None
    weight = sum(idf[w] for w in held)
    if sum(idf[w] for w in piece & whole) < CONTAINED * sum(idf[w] for w in piece):
        return None
    takes_all = weight >= ALL_LEFT * sum(idf[w] for w in left)
    mostly = len(held) >= MANY_WORDS and weight >= MOSTLY_LEFT * sum(idf[w] for w in piece)
    return weight if takes_all or mostly else None
