"""Rewritten clauses paired on the rare words they share, in order or across the text.

The content alignment and the structure pass (``engine.align``, ``engine.structure``)
score clauses on their words in order (an Indel similarity over words). A revision that
rewrites a clause keeps its subject but reorders and rephrases it: "Each State Party
agrees to facilitate and accept ... the return of a person who has been the object of
conduct" against "The State Party of which a victim of trafficking in persons is a
national ... shall facilitate and accept ... the return of that person" share the words
that carry the rule (return, facilitate, accept, national, residence) in another order,
and score 0.33. This pass measures such pairs by what they share, in any order: the
*overlap* of two clauses is the weighted Dice coefficient of their content words, each
word weighted by its inverse document frequency among the body clauses of both texts,

    overlap(a, b) = 2 * w(A & B) / (w(A) + w(B)),  w(S) = sum of idf(x) for x in S,
    idf(x) = log((N + 1) / (df(x) + 0.5)),

where A and B are the content words of the clauses (letters only, casefolded, three
letters or more, a final "s" of a longer word dropped), the words of no weight left out:
every known language's common words, function words, modal verbs and instrument words
("Convention", "Protocol", "Charter": the name each text gives itself), N the number of
clauses and df(x) the number of clauses holding x.

Three steps, on the pairs the earlier passes made:

1. Crosswise pairs set right (reason ``"words"``): two in-order one-to-one pairs, a -> x
   and b -> y, whose clauses are near on each side (neighbours, or of one article),
   trade partners when a -> y and b -> x overlap more by ``SWAP_GAIN`` (0.08) and both
   still reach the threshold in order (the Hague 1973 art. 5, common nationality, and art. 6,
   the authority seised, against 2007 art. 4(4), common nationality, and 4(2), the law
   of the forum: the same cascade wording, told apart by the connecting factor). The
   second goes back in the text: it is flagged moved.
2. Gaps (reason ``"gap"``): between two consecutive pairs in document order, the unpaired
   clauses of each side stand in corresponding places (a sandwich); a left and a right
   clause of one gap pair when each is the other's best (mutually best, by overlap, among
   the unpaired clauses of the gap), their overlap reaches ``bar(threshold, GAP_SLACK)``
   (0.40 at the default threshold) and their word similarity in order ``bar(threshold,
   GAP_WORD_SLACK)`` (0.25). The longest run of them in order is in place, the others
   are flagged moved.
3. Apart (reason ``"words"``), when step 2 finds nothing: two unpaired clauses anywhere,
   each the other's best among all the clauses of the other side, paired or not (a
   clause whose counterpart was paired elsewhere is not sent to its second best: the
   CRC's art. 2(1), drafted from the ICCPR's art. 2(1), which an earlier pass gave to a
   recital, stays away from the ICCPR's art. 26), at the stricter ``bar(threshold,
   APART_SLACK)`` (0.53) and ``bar(threshold, APART_WORD_SLACK)`` (0.30); flagged moved
   when the two do not stand in one gap.

Steps 2 and 3 repeat while they pair anything (a new pair splits a gap in two). In both,
a clause is compared only with the clauses it shares a word with that stands in at most
``RARE`` clauses (an index, so two long texts are not compared clause by clause). None
of the steps runs between texts that are not related (``RELATED``), and a gap is a
sandwich only when one of its sides is short (``GAP_SPAN``). The pairs made here take in
no pieces of a split by their similarity in order (``engine.splits``): on so few words
in order, any piece raises it; ``engine.pieces`` may give them pieces whose words their
whole holds.

Calibration (``benchmarks/real_pairs.py``; four calibration pairs, the smuggling/firearms
pair held out): among mutually best unpaired clauses of one gap, the gold pairs overlap
0.45-0.52 (Hague 1973 art. 7 / 2007 art. 6, 1973 art. 20 / 2007 art. 23(4)) and the
non-pairs at most 0.37 (trafficking 10(1)(c) / smuggling 10(1)(a), whose word similarity
is 0.18), 0.34 ("Reaffirming their determination" / "Reaffirming the universality") and
0.33 (Hague 1973 art. 8 / 2007 art. 5, a rule replaced by another). Apart, the gold pairs
overlap 0.54-0.66 (trafficking 6(4) and 8(1), Hague 1973 arts 17 and 19) and the
non-pairs at most 0.52 (Hague 1973 art. 16 / 2007 art. 16(1)(d)). Pairs with no gold,
read for precision, set ``RELATED`` and ``GAP_SPAN``: between the trafficking protocol
and the Lanzarote Convention, and in gaps of 40 to 200 clauses (the trafficking
protocol's chapeau "Each State Party shall take such measures as may be necessary,
within available means:" against the firearms protocol's secure licences, 10(5)), the
pairs were formulas shared, not clauses drafted from one another. A wrong pair costs
more than a miss: the bars sit above every non-pair seen, not between the two.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache

from treatydiff import lang
from treatydiff.engine.comparison import PairedBy
from treatydiff.engine.structure import Pair, Texts, bar, taken_clauses, unit_key
from treatydiff.model import LeafView

# The reasons of the pairs these steps make.
REASONS: frozenset[PairedBy] = frozenset({"gap", "words"})
# Slack of each bar (``structure.bar``): the overlap and the word similarity in order.
GAP_SLACK = 1.2
GAP_WORD_SLACK = 1.5
APART_SLACK = 0.94
APART_WORD_SLACK = 1.4

# The passes run only between related texts: at least this share of one side's body
# clauses paired already. Unrelated treaties share drafting formulas ("shall adopt such
# legislative and other measures as may be necessary to establish as criminal offences"),
# no derivation: the Palermo trafficking protocol and the Lanzarote Convention have 6 %
# and 2 % of their clauses paired, the CRC and its OPSC 8 % and 17 %, the calibration
# pairs 35 % to 85 %.
RELATED = 0.15
# A gap is a sandwich only when one of its sides holds at most this many unpaired clauses:
# among dozens on each side, a mutually best pair at the gap's bar is as likely chance.
GAP_SPAN = 12
# A crosswise pair of pairs is set right when the swap gains this much overlap.
SWAP_GAIN = 0.08
# A word in more clauses than this is too common to make two clauses candidates alone.
RARE = 40

_LETTERS = re.compile(r"[^\W\d_]+")
_SHORTEST = 3  # letters of the shortest content word


@cache
def _weightless() -> frozenset[str]:
    """The words of no weight, in every known language, casefolded."""
    out: set[str] = set()
    for one in lang.every():
        out |= one.common_words | one.function_words | one.modal_verbs
        out |= {word.casefold() for word in one.instrument_words}
    return frozenset(out)


def content_words(key: str) -> frozenset[str]:
    """The content words of a comparison key (see the module's description)."""
    weightless = _weightless()
    out = set()
    for word in _LETTERS.findall(key.casefold()):
        if len(word) < _SHORTEST or word in weightless:
            continue
        out.add(word[:-1] if len(word) > 4 and word.endswith("s") else word)
    return frozenset(out)


class Overlap:
    """The overlap of any left clause with any right clause of one pair of texts; also
    each clause's content words (``words``: per side, per clause), their inverse document
    frequencies (``idf``) and the rare ones (``rare``: in at most ``RARE`` clauses)."""

    def __init__(self, keys: tuple[Sequence[str], Sequence[str]]) -> None:
        # Most clauses have an identical counterpart: each distinct key is read once.
        read: dict[str, frozenset[str]] = {}
        self.words = tuple(
            [read[k] if k in read else read.setdefault(k, content_words(k)) for k in side]
            for side in keys
        )
        counts = Counter(word for side in self.words for words in side for word in words)
        size = len(self.words[0]) + len(self.words[1])
        self.idf = {word: math.log((size + 1) / (n + 0.5)) for word, n in counts.items()}
        self.rare = {word for word, n in counts.items() if n <= RARE}

    def __call__(self, i: int, j: int) -> float:
        a, b = self.words[0][i], self.words[1][j]
        whole = sum(map(self.idf.__getitem__, a)) + sum(map(self.idf.__getitem__, b))
        shared = sum(map(self.idf.__getitem__, a & b))
        return 2 * shared / whole if whole else 0.0

    def scores(self, lefts: Sequence[int], rights: Sequence[int]) -> dict[tuple[int, int], float]:
        """The overlap of each pair of ``lefts`` and ``rights`` sharing a rare word (one in
        at most ``RARE`` clauses): found through an index of the right clauses' rare
        words, so that two long unrelated texts are not compared clause by clause."""
        index: dict[str, list[int]] = {}
        for j in rights:
            for word in self.words[1][j] & self.rare:
                index.setdefault(word, []).append(j)
        out: dict[tuple[int, int], float] = {}
        for i in lefts:
            for word in self.words[0][i] & self.rare:
                for j in index.get(word, ()):
                    if (i, j) not in out:
                        out[(i, j)] = self(i, j)
        return out


def refined(
    leaves: tuple[Sequence[LeafView], Sequence[LeafView]],
    keys: tuple[Sequence[str], Sequence[str]],
    prepared: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    reasons: Sequence[PairedBy],
    *,
    texts: Texts,
    threshold: float,
) -> tuple[list[Pair], list[PairedBy]]:
    """``pairs`` and their ``reasons`` after the steps of the module's description:
    crosswise pairs set right (reason ``"words"``), then the new pairs of rewritten
    clauses appended; unchanged between texts not related enough (``RELATED``).

    Args:
        leaves: The body clauses of each side, in document order.
        keys: Their comparison keys.
        prepared: Their scorer texts (``texts.prepare`` of the keys).
        pairs: The pairs found so far (indices into ``leaves``), no clause in two.
        reasons: Why each was paired.
        texts: The content alignment's scorer texts.
        threshold: The content alignment's threshold (0..1).

    Returns:
        The pairs and their reasons; still no clause in two pairs.
    """
    if not related(pairs, (len(keys[0]), len(keys[1]))):
        return list(pairs), list(reasons)
    overlap = Overlap(keys)
    articles = ([unit_key(leaf) for leaf in leaves[0]], [unit_key(leaf) for leaf in leaves[1]])
    out, changed = _swapped(overlap, articles, prepared, pairs, texts, threshold)
    why: list[PairedBy] = ["words" if k in changed else r for k, r in enumerate(reasons)]
    for pair, reason in _rewritten(overlap, prepared, out, texts, threshold):
        out.append(pair)
        why.append(reason)
    return out, why


def _rewritten(
    overlap: Overlap,
    prepared: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    texts: Texts,
    threshold: float,
) -> list[tuple[Pair, PairedBy]]:
    """Steps 2 and 3: new pairs of unpaired clauses on their overlap, with their reasons."""
    found: list[tuple[Pair, PairedBy]] = []
    while True:
        taken = taken_clauses([*pairs, *(p for p, _ in found)])
        gaps = in_order_ends([*pairs, *(p for p, _ in found)])
        free = (
            [i for i in range(len(prepared[0])) if i not in taken[0]],
            [j for j in range(len(prepared[1])) if j not in taken[1]],
        )
        more = _in_gaps(free, gaps, overlap, prepared, texts, threshold)
        if not more:
            more = _apart(free, gaps, overlap, prepared, texts, threshold)
        if not more:
            return found
        found.extend(more)


def _swapped(
    overlap: Overlap,
    articles: tuple[Sequence[str], Sequence[str]],
    prepared: tuple[Sequence[str], Sequence[str]],
    pairs: Sequence[Pair],
    texts: Texts,
    threshold: float,
) -> tuple[list[Pair], set[int]]:
    """Step 1: ``pairs`` with crosswise pairs set right, and the positions of the pairs
    changed. ``articles``: the unit (``structure.unit_key``) of each clause. Two clauses
    of a side are near when they are neighbours or of one unit: the step looks the same
    from either side."""
    out = list(pairs)
    changed: set[int] = set()
    single = {
        p.left[0]: (p.right[0], k)
        for k, p in enumerate(pairs)
        if len(p.left) == len(p.right) == 1 and not p.moved
    }

    members: dict[str, list[int]] = {}
    for a in sorted(single):
        members.setdefault(articles[0][a], []).append(a)

    words = overlap.words

    def near(side: int, u: int, v: int) -> bool:
        return abs(u - v) == 1 or articles[side][u] == articles[side][v]

    for a, (x, k) in sorted(single.items()):
        for b in sorted({a + 1, *members[articles[0][a]]}):
            if b <= a or b not in single or k in changed:
                continue
            y, q = single[b]
            if q in changed or not near(1, x, y):
                continue
            # Two pairs of the same content words each cannot gain: each of their
            # overlaps is 1 (0 for no content words), which no other overlap exceeds.
            if words[0][a] == words[1][x] and words[0][b] == words[1][y]:
                continue
            gain = overlap(a, y) + overlap(b, x) - overlap(a, x) - overlap(b, y)
            if gain < SWAP_GAIN:
                continue
            a_y = texts.score(prepared[0][a], prepared[1][y])
            if min(a_y, texts.score(prepared[0][b], prepared[1][x])) < threshold:
                continue
            out[k] = Pair((a,), (y,), moved=y < x)
            out[q] = Pair((b,), (x,), moved=x < y)
            changed |= {k, q}
    return out, changed


def related(pairs: Sequence[Pair], sizes: tuple[int, int]) -> bool:
    """Whether two texts of ``sizes`` body clauses are related: ``pairs`` take at least
    ``RELATED`` of one side's clauses."""
    taken = taken_clauses(pairs)
    return max(len(taken[0]) / max(sizes[0], 1), len(taken[1]) / max(sizes[1], 1)) >= RELATED


def in_order_ends(pairs: Sequence[Pair]) -> tuple[list[int], list[int]]:
    """The last left and right clause of each in-order pair, sorted: a clause's gap is the
    number of pairs that end before it (``bisect.bisect_right``)."""
    anchors = sorted((max(p.left), max(p.right)) for p in pairs if not p.moved)
    return [a[0] for a in anchors], [a[1] for a in anchors]


def _same_gap(i: int, j: int, gaps: tuple[list[int], list[int]]) -> bool:
    return bisect_right(gaps[0], i) == bisect_right(gaps[1], j)


def _in_gaps(
    free: tuple[list[int], list[int]],
    gaps: tuple[list[int], list[int]],
    overlap: Overlap,
    prepared: tuple[Sequence[str], Sequence[str]],
    texts: Texts,
    threshold: float,
) -> list[tuple[Pair, PairedBy]]:
    """Step 2: mutually best pairs within each short gap; those out of order moved."""
    by_gap: dict[int, tuple[list[int], list[int]]] = {}
    for side, clauses in enumerate(free):
        for k in clauses:
            by_gap.setdefault(bisect_right(gaps[side], k), ([], []))[side].append(k)
    found: list[tuple[Pair, PairedBy]] = []
    floors = (bar(threshold, GAP_SLACK), bar(threshold, GAP_WORD_SLACK))
    for lefts, rights in by_gap.values():
        if min(len(lefts), len(rights)) > GAP_SPAN:
            continue
        chosen = sorted(_mutual(lefts, rights, overlap, prepared, texts, floors))
        in_order = _longest_increasing([j for _, j in chosen])
        for k, (i, j) in enumerate(chosen):
            found.append((Pair((i,), (j,), moved=k not in in_order), "gap"))
    return found


def _longest_increasing(values: Sequence[int]) -> set[int]:
    """The positions of a longest strictly increasing subsequence of ``values`` (the few
    pairs of one gap: quadratic is fine)."""
    if not values:
        return set()
    length = [1] * len(values)
    back = [-1] * len(values)
    for k in range(len(values)):
        for p in range(k):
            if values[p] < values[k] and length[p] + 1 > length[k]:
                length[k], back[k] = length[p] + 1, p
    end = max(range(len(values)), key=lambda k: (length[k], -k))
    out = set()
    while end >= 0:
        out.add(end)
        end = back[end]
    return out


def _apart(
    free: tuple[list[int], list[int]],
    gaps: tuple[list[int], list[int]],
    overlap: Overlap,
    prepared: tuple[Sequence[str], Sequence[str]],
    texts: Texts,
    threshold: float,
) -> list[tuple[Pair, PairedBy]]:
    """Step 3: unpaired clauses each the other's best among all the clauses of the other
    side, paired or not (a clause whose counterpart was paired elsewhere is not sent to
    its second best), moved across gaps."""
    floors = (bar(threshold, APART_SLACK), bar(threshold, APART_WORD_SLACK))
    everyone = (range(len(prepared[0])), range(len(prepared[1])))
    chosen = _mutual(free[0], free[1], overlap, prepared, texts, floors, rivals=everyone)
    return [(Pair((i,), (j,), moved=not _same_gap(i, j, gaps)), "words") for i, j in sorted(chosen)]


def _mutual(
    lefts: Sequence[int],
    rights: Sequence[int],
    overlap: Overlap,
    prepared: tuple[Sequence[str], Sequence[str]],
    texts: Texts,
    floors: tuple[float, float],
    *,
    rivals: tuple[Sequence[int], Sequence[int]] | None = None,
) -> list[tuple[int, int]]:
    """The pairs of ``lefts`` and ``rights`` each the other's best by overlap among the
    clauses of ``rivals`` on the other side (``lefts`` and ``rights`` themselves when
    None) it shares a rare word with (strictly: a tie is no choice), whose overlap and
    word similarity reach ``floors``."""
    among = rivals or (lefts, rights)
    open_right = set(rights)
    best_right = {}
    for i, scored in _by_first(overlap.scores(lefts, among[1])).items():
        best = _strict_best(scored)
        if best is not None and best in open_right:
            best_right[i] = best
    wanted = sorted(set(best_right.values()))
    best_left = {
        j: _strict_best(scored)
        for j, scored in _by_second(overlap.scores(among[0], wanted)).items()
    }
    out = []
    for i, j in best_right.items():
        if best_left.get(j) != i or overlap(i, j) < floors[0]:
            continue
        a, b = prepared[0][i], prepared[1][j]
        if a and b and texts.score(a, b) >= floors[1]:
            out.append((i, j))
    return out


def _by_first(scores: dict[tuple[int, int], float]) -> dict[int, list[tuple[float, int]]]:
    """Scores of pairs grouped by their left clause: (score, right clause)."""
    out: dict[int, list[tuple[float, int]]] = {}
    for (i, j), score in scores.items():
        out.setdefault(i, []).append((score, j))
    return out


def _by_second(scores: dict[tuple[int, int], float]) -> dict[int, list[tuple[float, int]]]:
    """Scores of pairs grouped by their right clause: (score, left clause)."""
    return _by_first({(j, i): score for (i, j), score in scores.items()})


def _strict_best(scored: list[tuple[float, int]]) -> int | None:
    """The clause of the highest score, or None when two share it."""
    ranked = sorted(scored, reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]
