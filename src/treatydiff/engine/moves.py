"""Moves across structures: a recital that became an article, or an article's clause
that became a recital.

The content alignment weighs a clause's words together with those of its article, so a
recital (a unit of its own) and a clause of a multi-paragraph article rarely reach the
threshold together, even when the words are the same: a revised charter that turns a
non-discrimination recital into an article leaves both unpaired. This pass, after the
content alignment, pairs the clauses of the preamble left unpaired on one side with the
clauses of articles left unpaired on the other on their own words alone: best first,
one to one, when their similarity reaches the threshold. Such a pair is out of document
order by nature and is flagged moved (reason ``"move"``).
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.engine.structure import Pair, Texts, taken_clauses
from treatydiff.model import LeafView

PREAMBLE = "preamble"


def place(leaf: LeafView) -> str | None:
    """``"preamble"`` for a clause of the preamble (a recital, a formula), ``"article"``
    for a clause of an article, else None."""
    kinds = {clause.kind for clause in leaf.path}
    if PREAMBLE in kinds:
        return PREAMBLE
    return "article" if "article" in kinds else None


def across(
    leaves: tuple[Sequence[LeafView], Sequence[LeafView]],
    prepared: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    *,
    texts: Texts,
    threshold: float,
) -> list[Pair]:
    """New moved pairs of a preamble clause with an article clause (either way round),
    both unpaired in ``pairs``, whose own word similarity reaches ``threshold``.

    Args:
        leaves: The body clauses of each side, in document order.
        prepared: Their scorer texts.
        pairs: The pairs found so far (indices into ``leaves``).
        texts: The scorer of the prepared texts.
        threshold: The content alignment's threshold (0..1).

    Returns:
        One-to-one pairs, moved, no clause in two of them or in ``pairs``.
    """
    taken = taken_clauses(pairs)
    places = [
        [(k, place(leaf)) for k, leaf in enumerate(side) if k not in taken[s]]
        for s, side in enumerate(leaves)
    ]
    scored: list[tuple[float, int, int]] = []
    for here, there in ((PREAMBLE, "article"), ("article", PREAMBLE)):
        lefts = [i for i, where in places[0] if where == here]
        rights = [j for j, where in places[1] if where == there]
        for i in lefts:
            for j in rights:
                a, b = prepared[0][i], prepared[1][j]
                similarity = texts.score(a, b) if a and b else 0.0
                if similarity >= threshold:
                    scored.append((-similarity, i, j))
    found: list[Pair] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, i, j in sorted(scored):
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            found.append(Pair((i,), (j,), moved=True))
    return found
