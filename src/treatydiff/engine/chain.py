"""The monotone chain of the content alignment: its candidates and their heaviest chain.

A candidate is a rectangle of leaves (one leaf against one, or a run of adjacent leaves
against one: a split or a merge, ``engine.blocks``) with a score and a gain. The chain is
the sequence of candidates increasing on both sides with the greatest total gain: a
heaviest increasing chain over rectangles, found with a Fenwick tree of prefix maxima
over the right leaves (``_MaxTree``).
"""

from __future__ import annotations

from array import array

from treatydiff.engine.comparison import Match


class Candidates:
    """Candidates in parallel arrays, not one object each: every candidate is a rectangle of
    leaves, ``left[k]`` to ``left_end[k]`` against ``right[k]`` to ``right_end[k]`` (one
    leaf, or a run of adjacent leaves against one leaf), with its ``score`` (the text
    similarity blended with the units') and its ``gain`` in the chain."""

    def __init__(self) -> None:
        self.left, self.left_end = array("i"), array("i")
        self.right, self.right_end = array("i"), array("i")
        self.score, self.gain = array("d"), array("d")

    def __len__(self) -> int:
        return len(self.score)

    def add(
        self, left: int, left_end: int, right: int, right_end: int, score: float, gain: float
    ) -> None:
        self.left.append(left)
        self.left_end.append(left_end)
        self.right.append(right)
        self.right_end.append(right_end)
        self.score.append(score)
        self.gain.append(gain)

    def boxes(self) -> list[tuple[int, int, int, int]]:
        """(first left, first right, last left, last right) of every candidate."""
        return list(zip(self.left, self.right, self.left_end, self.right_end, strict=True))

    def leaves(self, k: int) -> tuple[range, range]:
        """The left and right leaves of candidate ``k``."""
        return (
            range(self.left[k], self.left_end[k] + 1),
            range(self.right[k], self.right_end[k] + 1),
        )

    def match(self, k: int, *, moved: bool = False) -> Match:
        left, right = self.leaves(k)
        return Match(tuple(left), tuple(right), moved)


def chain(candidates: Candidates, size: int) -> list[int]:
    """The heaviest chain of ``candidates`` increasing on both sides (their indices), over
    right leaves ``0`` to ``size - 1``."""
    count = len(candidates)
    if not count:
        return []
    boxes = candidates.boxes()
    order = sorted(range(count), key=boxes.__getitem__)
    left, left_end = candidates.left, candidates.left_end
    right, right_end, gain = candidates.right, candidates.right_end, candidates.gain
    by_end = sorted(range(count), key=left_end.__getitem__)
    tree = _MaxTree(size)
    best = [0.0] * count
    back = [-1] * count
    inserted = 0
    for k in order:
        while inserted < count and left_end[by_end[inserted]] < left[k]:
            done = by_end[inserted]
            tree.update(right_end[done], best[done], done)
            inserted += 1
        value, previous = tree.query(right[k])
        best[k] = value + gain[k]
        back[k] = previous
    end = max(range(count), key=lambda k: (best[k], -k))
    found: list[int] = []
    while end >= 0:
        found.append(end)
        end = back[end]
    found.reverse()
    return found


class _MaxTree:
    """Fenwick tree over right positions: prefix maxima of (chain value, candidate)."""

    def __init__(self, size: int) -> None:
        self.size, self.value, self.item = size, [0.0] * (size + 1), [-1] * (size + 1)

    def update(self, position: int, value: float, item: int) -> None:
        k = position + 1
        while k <= self.size:
            if value > self.value[k]:
                self.value[k], self.item[k] = value, item
            k += k & -k

    def query(self, before: int) -> tuple[float, int]:
        """Best (value, item) among positions < ``before``."""
        value, item, k = 0.0, -1, before
        while k > 0:
            if self.value[k] > value:
                value, item = self.value[k], self.item[k]
            k -= k & -k
        return value, item
