"""Finding every pair of clauses at least ``threshold`` similar, without comparing all
pairs: an exact similarity join.

The similarity is ``compare``'s ``token_ratio``: the normalized Indel similarity of the
clauses' word sequences, ``2 * LCS / (|x| + |y|)`` over words (rapidfuzz ``fuzz.ratio`` on
texts whose words are encoded as single characters; ``engine.scoring``). Since the longest
common subsequence is at most the multiset intersection of the words, a pair at least
``threshold`` similar shares at least ``threshold * (|x| + |y|) / 2`` words: a set
similarity join on word multisets (each word numbered by its occurrence, "the#1", "the#2")
finds every such pair, and each candidate is then scored with the real measure.

Candidates come from an inverted index with prefix filtering (Chaudhuri, Ganti & Kaushik
2006; Bayardo, Ma & Srikant 2007, "Scaling up all pairs similarity search"), in the
l-prefix form of Wang, Li & Feng 2012 ("Can we beat the prefix filtering?"): with the
words of every text sorted from the rarest in the collection to the most frequent, two
texts sharing at least ``a`` words share at least ``l`` of their first ``|x| - a + l``
words. Each text is indexed under its first ``|y| - ceil(t |y|) + l`` words; each probes
the index of the texts no longer than itself (and not shorter than ``t |x| / (2 - t)``,
the length filter) with its first ``|x| - ceil(t |x| / (2 - t)) + l`` words, and a text
found under at least ``l`` of them is a candidate. Nothing is approximate: every pair at
or above the threshold is found (``benchmarks/reuse.py`` checks it against brute force).
``l`` = ``PREFIX_SHARED`` = 3, measured on the Dutch Treaty Series (80,628 distinct
clauses at 0.8): l = 1 leaves 27.1 million candidates to score, 2: 4.4 million, 3: 1.6
million, 4: 0.9 million, while probing takes 4.9, 5.8, 7.3 and 8.2 s; probing and
scoring together take about as long at 2 and 3 (7.3 and 7.9 s of CPU), and 3 scores
fewer candidates where scoring is dearer (long clauses, lower thresholds).

Identical texts are joined once: the search runs over distinct word sequences, and every
clause with a sequence pairs with every clause of each similar sequence.
"""

from __future__ import annotations

import math
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

PREFIX_SHARED = 3
# Bounds are rounded towards longer prefixes and shorter lengths, never the other way:
# float error may only add candidates.
_EPSILON = 1e-9
# Surrogate code points cannot be encoded; word codes skip them.
_SURROGATES = range(0xD800, 0xE000)


@dataclass(frozen=True)
class Postings:
    """Lists of integers under the keys 0 to n - 1, stored flat (compressed sparse rows):
    list ``k`` is ``values[starts[k] : starts[k + 1]]``. Arrays pickle as their bytes, so
    a table is sent to a worker process in milliseconds."""

    starts: array[int]
    values: array[int]

    @classmethod
    def of(cls, lists: Sequence[Sequence[int]]) -> Postings:
        starts, values = array("q", [0]), array("i")
        for values_of_key in lists:
            values.extend(values_of_key)
            starts.append(len(values))
        return cls(starts, values)

    def __getitem__(self, key: int) -> array[int]:
        if key + 1 >= len(self.starts):
            return array("i")
        return self.values[self.starts[key] : self.starts[key + 1]]


@dataclass(frozen=True)
class Table:
    """What every verification task needs: the distinct texts, shortest first.

    Attributes:
        texts: Each text's words encoded one character a word (the most frequent words
            get the lowest code points, which rapidfuzz compares fastest).
        probes: Position -> the text's probing prefix: the ranks of its rarest words.
        lengths: Each text's number of words (ascending).
        index: Word rank -> the positions of the texts indexed under it (ascending).
        threshold: The least similarity, 0 < t <= 1.
        shared: How many prefix words a candidate shares at least (``l``).
        fresh: Position -> 1 for a text whose pairs are not known yet, or None when none
            is known: a pair of two other texts is not looked for (a cache holds it).
        fresh_index: The index of the fresh texts alone (None when ``fresh`` is None).
    """

    texts: tuple[str, ...]
    probes: Postings
    lengths: array[int]
    index: Postings
    threshold: float
    shared: int
    fresh: bytes | None = None
    fresh_index: Postings | None = None


def build_table(
    sequences: Sequence[Sequence[str]],
    threshold: float,
    min_words: int,
    *,
    fresh: set[int] | None = None,
) -> tuple[Table, list[int]]:
    """The table of the distinct word ``sequences`` (each at least ``min_words`` long),
    and the position in the table of each sequence. ``fresh``: the sequences whose pairs
    are to be found (None: all); the pairs of two others are known already.

    Raises ValueError for a threshold outside (0, 1].
    """
    if not 0 < threshold <= 1:
        raise ValueError(f"threshold must be in (0, 1], not {threshold}")
    shared = max(1, min(PREFIX_SHARED, math.ceil(threshold * min_words - _EPSILON)))
    codes = _word_codes(sequences)
    # The words as a set: a word's character, then for each repetition the character
    # followed by its occurrence number ("the" twice: "t", "t2").
    encoded = ["".join(map(codes.__getitem__, words)) for words in sequences]
    tokens: list[list[str]] = []
    for text in encoded:
        counts = Counter(text)
        own = list(counts)
        if len(own) < len(text):
            own += [
                c + str(k) for c, count in counts.items() if count > 1 for k in range(2, count + 1)
            ]
        tokens.append(own)
    frequency: Counter[str] = Counter()
    for text_tokens in tokens:
        frequency.update(text_tokens)
    # Rarest first; ties in a fixed order, so that runs probe alike (the pairs found do
    # not depend on the order: any order is exact).
    rank = {token: n for n, token in enumerate(sorted(frequency, key=lambda t: (frequency[t], t)))}
    order = sorted(range(len(sequences)), key=lambda i: (len(sequences[i]), i))
    position = [0] * len(sequences)
    probes: list[list[int]] = []
    index: list[list[int]] = [[] for _ in rank]
    fresh_index: list[list[int]] = [[] for _ in rank] if fresh is not None else []
    mask = bytearray(len(sequences))
    for p, i in enumerate(order):
        position[i] = p
        n = len(sequences[i])
        ranks = sorted(map(rank.__getitem__, tokens[i]))
        probes.append(ranks[: n - _least_overlap_probing(n, threshold) + shared])
        is_fresh = fresh is not None and i in fresh
        mask[p] = is_fresh
        for r in ranks[: n - _least_overlap_indexed(n, threshold) + shared]:
            index[r].append(p)
            if is_fresh:
                fresh_index[r].append(p)
    table = Table(
        texts=tuple(encoded[i] for i in order),
        probes=Postings.of(probes),
        lengths=array("i", (len(sequences[i]) for i in order)),
        index=Postings.of(index),
        threshold=threshold,
        shared=shared,
        fresh=None if fresh is None else bytes(mask),
        fresh_index=None if fresh is None else Postings.of(fresh_index),
    )
    return table, position


def _word_codes(sequences: Sequence[Sequence[str]]) -> dict[str, str]:
    """A character for each word, the most frequent words first."""
    counts: Counter[str] = Counter()
    for words in sequences:
        counts.update(words)
    encoder = Encoder()
    for word in sorted(counts, key=lambda w: (-counts[w], w)):
        encoder.code(word)
    return encoder.codes


class Encoder:
    """Word sequences as texts of one character a word, for ``fuzz.ratio`` to measure
    words (as ``engine.scoring`` does): each new word takes the next code point, skipping
    the surrogates, which a text cannot hold."""

    def __init__(self) -> None:
        self.codes: dict[str, str] = {}

    def code(self, word: str) -> str:
        found = self.codes.get(word)
        if found is None:
            point = len(self.codes)
            found = self.codes[word] = chr(
                point if point < _SURROGATES.start else point + len(_SURROGATES)
            )
        return found

    def __call__(self, words: Sequence[str]) -> str:
        return "".join(map(self.code, words))


def _least_overlap_probing(n: int, t: float) -> int:
    """Words a text of ``n`` words shares at least with any text no longer than itself
    that is ``t`` similar: ``t * n / (2 - t)`` (the shortest such text has that length)."""
    return max(0, math.ceil(t * n / (2 - t) - _EPSILON))


def _least_overlap_indexed(n: int, t: float) -> int:
    """Words a text of ``n`` words shares at least with any text no shorter than itself
    that is ``t`` similar: ``t * n``."""
    return max(0, math.ceil(t * n - _EPSILON))


def verify(table: Table, span: tuple[int, int]) -> list[tuple[int, int, float]]:
    """The pairs ``(p, q, similarity)`` with ``q`` in ``span`` (a range of table
    positions), ``p < q`` and ``p`` or ``q`` fresh, whose similarity is at least the
    table's threshold. A task of the verification stage."""
    t, shared = table.threshold, table.shared
    cutoff = t * 100.0 - 1e-6  # in percent; the margin keeps a pair exactly at t
    found: list[tuple[int, int, float]] = []
    for q in range(*span):
        # A fresh text looks for every shorter text; another only for shorter fresh ones.
        index = table.index
        if table.fresh is not None and not table.fresh[q]:
            if table.fresh_index is None or not table.fresh_index.values:
                continue
            index = table.fresh_index
        n = table.lengths[q]
        shortest = bisect_left(table.lengths, _least_overlap_probing(n, t))
        hits: Counter[int] = Counter()
        for r in table.probes[q]:
            listed = index[r]
            if listed:
                start, stop = bisect_left(listed, shortest), bisect_left(listed, q)
                if start < stop:
                    hits.update(listed[start:stop])
        candidates = [p for p, count in hits.items() if count >= shared]
        if not candidates:
            continue
        choices = [table.texts[p] for p in candidates]
        for _, score, k in process.extract(
            table.texts[q], choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            similarity = float(score) / 100.0
            if similarity >= t:
                found.append((candidates[k], q, similarity))
    return found


def spans(size: int, parts: int) -> list[tuple[int, int]]:
    """``range(size)`` cut into ``parts`` spans of about equal work: probing grows with
    the position (longer texts, more texts before them), so later spans are shorter."""
    parts = max(1, min(parts, size))
    # Work up to position q grows about as q squared: equal shares of q**2.
    bounds = [round(size * math.sqrt(k / parts)) for k in range(parts + 1)]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]
