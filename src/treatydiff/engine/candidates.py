"""Candidate generation for the alignment: which right texts each left text is scored
against, without scoring every pair.

Each left text is scored (rapidfuzz, in C) against

* its neighbourhood: the ``WINDOW`` right texts nearest its expected place, and
* every right text sharing one of its rare words: a word found in at most ``RARE`` right
  texts (an inverted index over the words), wherever those texts are.

The expected place of a left text follows the *anchors*, pairs of texts that share a word
found once on each side, kept in order (their longest increasing run) and interpolated
between; the diagonal where there are none. Of the pairs reaching the floor, a row keeps
its ``ROW_LIMIT`` best (score, then nearness to the expected place): clauses that differ
in one word of many ("States Parties shall take all appropriate measures to ...") are then
told apart by order and neighbours, as the monotone chain does, instead of by scoring all
of them against all.

Exactness: a side of at most ``WINDOW`` texts is scored whole, and at the default
threshold no row of the corpus pairs or of the synthetic suite (20 cases per kind and
instrument, sides of at most 241 units) lists more than 81 pairs at the listing floor
(0.25), fewer than ``ROW_LIMIT``: on them the pairs are those of exhaustive scoring. (A
threshold far below the default lowers the floor until most pairs reach it; rows of more
than ``ROW_LIMIT`` texts are then cut there too.) The recall of the blocking on larger
inputs is measured by ``benchmarks/scaling.py --recall`` (figures in
benchmarks/README.md).
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import cache
from operator import itemgetter

from rapidfuzz import process

# Right texts scored around each left text's expected place (all of a side this short).
WINDOW = 512
# A word found in at most this many right texts is rare: all of them are scored.
RARE = 16
# Listed pairs per left text at most: the best.
ROW_LIMIT = 128

Words = Callable[[str], Sequence[str]]

_NONE: array[int] = array("i")


@cache
def _outward(centre: int, width: int) -> tuple[int, ...]:
    """The positions ``0..width-1`` from ``centre`` outward: centre, centre + 1, centre - 1,
    centre + 2 ..."""
    return tuple(sorted(range(width), key=lambda k: (abs(k - centre), k < centre)))


@cache
def _getter(centre: int, width: int) -> Callable[[Sequence[str]], tuple[str, ...]]:
    """Takes a window's texts in ``_outward`` order, in C (``operator.itemgetter``)."""
    getter = itemgetter(*_outward(centre, width))
    if width == 1:
        return lambda texts: (getter(texts),)
    return getter


def listed_pairs(
    left: Sequence[str],
    right: Sequence[str],
    *,
    scorer: Callable[..., float],
    floor: float,
    words: Words,
) -> list[tuple[array[int], array[float]]]:
    """For each left text, the right texts scoring at least ``floor`` (0..1) among its
    candidates (see the module's description): their indices in increasing order and
    their scores (``scorer``'s percent / 100), as compact arrays. ``words`` splits a text
    into the words the index is built on. Empty texts score nothing here (the caller
    decides what two empty texts are)."""
    m = len(right)
    if not m:
        return [(array("i"), array("d")) for _ in left]
    postings: dict[str, array[int]] = {}
    if m > WINDOW:  # else every right text is in every window
        for j, text in enumerate(right):
            for word in set(words(text)):
                postings.setdefault(word, array("i")).append(j)
    expected = _expected_places(left, right, postings, words)
    # The cutoff is in percent; the margin keeps a pair whose fraction is at the floor.
    cutoff = max(0.0, floor * 100.0 - 1e-6)
    out: list[tuple[array[int], array[float]]] = []
    for i, text in enumerate(left):
        if not text:
            out.append((array("i"), array("d")))
            continue
        centre = expected[i]
        middle = min(max(round(centre), 0), m - 1)
        start = min(max(middle - WINDOW // 2, 0), max(m - WINDOW, 0))
        width = min(WINDOW, m)
        extra = (
            sorted(
                {
                    j
                    for word in set(words(text))
                    if len(posting := postings.get(word, _NONE)) <= RARE
                    for j in posting
                    if not start <= j < start + width
                },
                key=lambda j: (abs(j - centre), j),
            )
            if postings
            else []
        )
        choices = [*right[start : start + width], *(right[j] for j in extra)]
        found = process.extract(
            text, choices, scorer=scorer, limit=ROW_LIMIT + 1, score_cutoff=cutoff
        )
        if len(found) <= ROW_LIMIT:
            kept = sorted(
                (start + k if k < width else extra[k - width], float(score) / 100.0)
                for _, score, k in found
            )
        else:
            # A dense row: the window again, nearest first (outward from its centre, in C),
            # so that of equal scores the nearest to the expected place are kept.
            outward = _outward(middle - start, width)
            choices[:width] = _getter(middle - start, width)(right[start : start + width])
            found = process.extract(
                text, choices, scorer=scorer, limit=ROW_LIMIT, score_cutoff=cutoff
            )
            kept = sorted(
                (start + outward[k] if k < width else extra[k - width], float(score) / 100.0)
                for _, score, k in found
            )
        out.append((array("i", [j for j, _ in kept]), array("d", [s for _, s in kept])))
    return out


def _expected_places(
    left: Sequence[str], right: Sequence[str], postings: dict[str, array[int]], words: Words
) -> list[float]:
    """For each left text, the right index where its counterpart is expected: between the
    anchors around it (pairs sharing a word found once on each side, in increasing order
    on both sides), else on the diagonal."""
    n, m = len(left), len(right)
    diagonal = [(i + 0.5) / n * m - 0.5 for i in range(n)] if n else []
    if m <= WINDOW:
        return diagonal  # every right text is scored anyway
    seen: dict[str, int] = {}
    for i, text in enumerate(left):
        for word in set(words(text)):
            seen[word] = -1 if word in seen else i
    anchors = sorted(
        (i, postings[word][0])
        for word, i in seen.items()
        if i >= 0 and len(postings.get(word, ())) == 1
    )
    chain = increasing(anchors)
    if not chain:
        return diagonal
    xs = [i for i, _ in chain]
    out: list[float] = []
    for i in range(n):
        after = bisect_left(xs, i)
        if after < len(xs) and xs[after] == i:
            out.append(float(chain[after][1]))
        elif after == 0:
            out.append(float(chain[0][1] - (xs[0] - i)))
        elif after == len(xs):
            out.append(float(chain[-1][1] + (i - xs[-1])))
        else:
            (i0, j0), (i1, j1) = chain[after - 1], chain[after]
            out.append(j0 + (j1 - j0) * (i - i0) / (i1 - i0))
    return out


def increasing(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest run of ``pairs`` (sorted by their first item) increasing strictly in
    both items (patience sorting, n log n)."""
    tails: list[int] = []  # second item ending the best run of each length
    ends: list[int] = []  # index in pairs of that run's last pair
    back = [-1] * len(pairs)
    for k, (i, j) in enumerate(pairs):
        if k and pairs[k - 1][0] == i:
            continue  # one anchor per left text
        length = bisect_left(tails, j)
        if length == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[length] = j
            ends[length] = k
        back[k] = ends[length - 1] if length else -1
    run: list[tuple[int, int]] = []
    k = ends[-1] if ends else -1
    while k >= 0:
        run.append(pairs[k])
        k = back[k]
    return run[::-1]


def identical(left: Sequence[str], right: Sequence[str]) -> list[tuple[int, int]]:
    """Pairs of equal texts, each found once on its side (empty texts excepted), kept in
    order: their longest run increasing on both sides (``increasing``), as (left index,
    right index) in increasing order."""
    right_once = _once(right)
    return increasing(
        sorted((i, right_once[text]) for text, i in _once(left).items() if text in right_once)
    )


def _once(texts: Sequence[str]) -> dict[str, int]:
    """The index of each non-empty text found once in ``texts``."""
    seen: dict[str, int] = {}
    for k, text in enumerate(texts):
        seen[text] = -1 if text in seen else k
    return {text: k for text, k in seen.items() if text and k >= 0}
