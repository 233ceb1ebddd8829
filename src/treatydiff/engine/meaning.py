"""Clauses rewritten in place, paired on their meaning (opt-in: ``compare(...,
semantic=True)``, the ``semantic`` extra).

The word passes (``engine.align``, ``engine.structure``, ``engine.overlap``) pair what
shares words. A revision that states the same rule in new words shares almost none:
"The law designated by this Convention shall apply irrespective of any requirement of
reciprocity and whether or not it is the law of a Contracting State" against "This
Protocol applies even if the applicable law is that of a non-Contracting State" (the
Hague maintenance conventions of 1973 and 2007, art. 3 and art. 2) share two content
words. This pass reads such clauses by their sentence embeddings (``engine.semantic``:
the multilingual Universal Sentence Encoder) where their place already says they may
correspond:

* a *sandwich*: between two consecutive in-order pairs (a gap, ``overlap.in_order_ends``)
  one side holds exactly one unpaired clause and the other at most ``SANDWICH``;
* the lone clause pairs with the clause of the other side whose cosine with it is the
  highest (strictly: a tie is no choice) when that cosine reaches ``BAR``; the clauses of
  the other side next to it in the gap whose own cosine reaches ``BAR`` too join it, a
  split or merge (OP-CEDAW art. 18(2) and 18(3), when amendments come into force and whom
  they bind, against OP-ICESCR art. 19(2), which says both);
* only between related texts (``overlap.related``), as the word passes.

The reason recorded is ``"meaning"``; the pair stands in its gap, so it is in order.
Cosines are rounded to ``DECIMALS`` before they are compared: the same texts give the
same pairs on every run.

Calibration (``benchmarks/real_pairs.py --semantic``; the four calibration pairs, the
smuggling/firearms pair held out). USE cosines of treaty clauses are high whatever the
rule: mutually best unpaired clauses anywhere in a text reach 0.70 for clauses the gold
judges no pair (Hague 1973 art. 15 / 2007 art. 4(3), a reservation replaced by a rule;
trafficking 10(2) / smuggling 14(2)), no higher than the gold pairs (0.67-0.69), so no
bar apart from the structure pairs anything safely, and none is used. In sandwiches the
gold pairs score 0.568-0.690 (Hague 3 / 2, 27(5) / 30(c); OP-CEDAW 18(2) and 18(3) /
19(2)), the non-pairs at most 0.491 (Hague 27(4) / 30(c)). On pairs without gold read for
precision, the highest non-pair in a sandwich is 0.535 (CRC art. 48, accession, / OPAC
art. 9(3), the depositary); the one pair made there is right (the European Social
Charter's art. 15(2), the employment of disabled persons, 1961 against the revised).
Wider gaps hold non-pairs at 0.54-0.55 (Hague 1973 art. 8, a rule replaced, in a gap of
1 and 12 clauses; OP-CEDAW's "Reaffirming their determination" / OP-ICESCR's "Recalling
that the Universal Declaration" in one of 2 and 4; the held-out pair's first recitals,
in one of 5 and 2, 0.61), hence ``SANDWICH``. A wrong pair costs more than a miss: the
bar sits above every non-pair seen.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from treatydiff.engine.comparison import PairedBy
from treatydiff.engine.overlap import in_order_ends, related
from treatydiff.engine.structure import Pair, taken_clauses

if TYPE_CHECKING:
    from treatydiff.engine.languages import Embedded

# The reason of the pairs this pass makes.
REASON: PairedBy = "meaning"
# The least cosine (rounded to DECIMALS) of a clause and its counterpart in a sandwich.
BAR = 0.56
# The most unpaired clauses on the other side of a sandwich whose one side holds one.
SANDWICH = 3
# Cosines are compared rounded to this many decimals.
DECIMALS = 3

Encoder = Callable[[Sequence[str]], "Embedded"]


def paired(
    texts: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    *,
    encode: Encoder,
) -> list[Pair]:
    """The new pairs of the module's description, in document order of their lone clause.

    Args:
        texts: The body clauses' texts of each side, in document order.
        pairs: The pairs found so far (indices into ``texts``), no clause in two.
        encode: The sentence encoder (``engine.semantic.embed``): texts to their
            embeddings, called once (the encoder is slow to start), for the clauses of
            the sandwiches alone.

    Returns:
        Pairs of clauses in no pair of ``pairs`` (none moved), no clause in two.

    Raises:
        MissingExtraError: ``encode`` needs the semantic extra and it is not installed.
    """
    if not related(pairs, (len(texts[0]), len(texts[1]))):
        return []
    sandwiches = _sandwiches(texts, pairs)
    if not sandwiches:
        return []
    wanted = (
        sorted({i for lefts, _ in sandwiches for i in lefts}),
        sorted({j for _, rights in sandwiches for j in rights}),
    )
    vectors = encode([texts[0][i] for i in wanted[0]] + [texts[1][j] for j in wanted[1]])
    row = (
        {i: k for k, i in enumerate(wanted[0])},
        {j: len(wanted[0]) + k for k, j in enumerate(wanted[1])},
    )

    def cosine(i: int, j: int) -> float:
        return round(vectors.similarity([row[0][i]], vectors, [row[1][j]]), DECIMALS)

    found: list[Pair] = []
    for lefts, rights in sandwiches:
        if len(lefts) == 1:
            scored = [(cosine(lefts[0], j), j) for j in rights]
            many = _counterpart(scored)
            if many:
                found.append(Pair(tuple(lefts), many, moved=False))
        else:
            scored = [(cosine(i, rights[0]), i) for i in lefts]
            many = _counterpart(scored)
            if many:
                found.append(Pair(many, tuple(rights), moved=False))
    return found


def _sandwiches(
    texts: tuple[Sequence[str], Sequence[str]], pairs: Sequence[Pair]
) -> list[tuple[list[int], list[int]]]:
    """The unpaired clauses (with words) of each gap whose one side holds one and the
    other at most ``SANDWICH``, in document order."""
    taken = taken_clauses(pairs)
    ends = in_order_ends(pairs)
    by_gap: dict[int, tuple[list[int], list[int]]] = {}
    for side in (0, 1):
        for k, text in enumerate(texts[side]):
            if k not in taken[side] and text.strip():
                by_gap.setdefault(bisect_right(ends[side], k), ([], []))[side].append(k)
    return [
        (lefts, rights)
        for _, (lefts, rights) in sorted(by_gap.items())
        if min(len(lefts), len(rights)) == 1 and max(len(lefts), len(rights)) <= SANDWICH
    ]


def _counterpart(scored: Sequence[tuple[float, int]]) -> tuple[int, ...]:
    """The counterpart of a lone clause among the clauses of the other side
    (``(cosine, clause)``, in document order): the strictly best at ``BAR`` or above,
    with the clauses next to it at ``BAR`` or above; empty when none."""
    ranked = sorted(scored, reverse=True)
    best, clause = ranked[0]
    if best < BAR or (len(ranked) > 1 and ranked[1][0] == best):
        return ()
    order = [j for _, j in scored]
    cosine = dict((j, c) for c, j in scored)
    at = order.index(clause)
    first = last = at
    while first > 0 and order[first - 1] == order[first] - 1 and cosine[order[first - 1]] >= BAR:
        first -= 1
    while (
        last + 1 < len(order)
        and order[last + 1] == order[last] + 1
        and cosine[order[last + 1]] >= BAR
    ):
        last += 1
    return tuple(order[first : last + 1])
