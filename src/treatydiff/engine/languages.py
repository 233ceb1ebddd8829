"""Language versions of one treaty lined up clause by clause, without translating.

The first version is the pivot; every other one is aligned with it, in three steps:

1. Structure. A compared unit's eId is made of the text's own numbers (article 4,
   paragraph 3, point (c): ``art_4__para_3__point_c``) and is the same in every language.
   Units whose eIds agree and are all printed numbers (no position such as the third
   recital, ``preamble__p_3``) pair outright, where they keep the documents' order.
2. Language-neutral anchors (``engine.anchors``): between two such pairs, the units left
   are aligned by a dynamic programme whose cost rewards shared numbers, dates, cited
   provisions and acronyms, and an eId that agrees by position.
3. Lengths: the same programme weighs each candidate by the length model of the language
   pair (``engine.lengths``, Gale and Church 1993), with their beads: one unit to one,
   one to none (a unit one version lacks), and two to one or one to two (a clause one
   version splits). With the semantic extra (``engine.semantic``), the similarity of the
   units' sentence embeddings weighs in too.

The pairwise alignments are joined into rows over every language (units aligned with the
same pivot units share a row). ``engine.divergences`` reads where the versions differ.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Protocol

from treatydiff.engine.anchors import Anchors, anchors
from treatydiff.engine.candidates import increasing
from treatydiff.engine.lengths import LengthModel, estimate
from treatydiff.model import DOC_TITLE_KIND, HEADING_KIND, Instrument, LeafView
from treatydiff.segment.labels import citation

# A component of an eId named by position, not by a printed number: a recital, a final
# formula, an unnumbered paragraph or indent, and a name made unique ("art_3_2").
_POSITIONAL = re.compile(r"^(?:p|formula|indent)_\d+$|^\w+_\w+_\d+$")
# Bead priors (Gale and Church 1993, table 5: 1-1 .89, 1-0 or 0-1 .0099, 2-1 or 1-2
# .089), as costs: minus their logarithm, each side of a symmetric pair taking half.
# Three to one, which the paper leaves out, is a recital a layout glued to the one before
# twice ("... te komen.Vastbesloten ..."): rarer than one unit missing.
_BEADS: tuple[tuple[int, int, float], ...] = (
    (1, 1, -math.log(0.89)),
    (1, 0, -math.log(0.0099 / 2)),
    (0, 1, -math.log(0.0099 / 2)),
    (2, 1, -math.log(0.089 / 2)),
    (1, 2, -math.log(0.089 / 2)),
    (3, 1, -math.log(0.002)),
    (1, 3, -math.log(0.002)),
)
# Weights of the evidence besides the lengths, in the same units (minus log odds).
_MISMATCHED_NUMBERS = 3.0  # all numbers of the two sides differ
_SHARED_NUMBER = 1.0  # each shared number, up to three
_SAME_POSITION = 3.0  # the eIds agree by position (the third recital and the third)
_OTHER_NUMBER = 3.0  # both eIds are printed numbers, and they differ
_MIXED_CLASSES = 50.0  # a title or caption with body text: never
_SEMANTIC = 6.0  # times (1 - cosine similarity)
_LEFT_OUT_CHARACTERS = 100  # characters of a unit without counterpart per unit of cost
# A structural pair this far from the pair's length ratio (one side under a fifth of its
# expected length) is a layout's cut, not a translation: the programme aligns it.
_CUT = 5.0
# Gaps larger than this many cells are searched in a band around their diagonal.
_FULL_SEARCH = 40_000


@dataclass(frozen=True)
class Unit:
    """One compared unit of a language version, as the aligner sees it.

    ``article`` is the eId of the article, or of the top-level clause, it sits in
    (``art_4``, ``preamble``); ``numbered``: its eId is made of printed numbers only;
    ``label``: its citation in the UN style ("article 4, paragraph 3 (c)").
    """

    index: int
    eid: str
    kind: str
    text: str
    anchors: Anchors
    article: str
    numbered: bool
    label: str

    @property
    def length(self) -> int:
        """Characters of its text: the length of the length model."""
        return len(self.text)

    @property
    def unit_class(self) -> str:
        """What may pair with it: "title", "heading" or "body"."""
        return {DOC_TITLE_KIND: "title", HEADING_KIND: "heading"}.get(self.kind, "body")


@dataclass(frozen=True)
class Version:
    """One language version: its language code, the instrument and its units."""

    language: str
    instrument: Instrument
    units: tuple[Unit, ...]

    @cached_property
    def by_eid(self) -> dict[str, Unit]:
        return {unit.eid: unit for unit in self.units}


def version(instrument: Instrument, language: str) -> Version:
    """The units of ``instrument``, a text in ``language`` (ISO 639-1).

    Raises LanguageError for a language ``treatydiff.lang`` does not know.
    """
    units = tuple(_unit(k, leaf, language) for k, leaf in enumerate(instrument.leaves))
    return Version(language, instrument, units)


def _unit(index: int, leaf: LeafView, language: str) -> Unit:
    clause = leaf.clause
    top = leaf.path[0].eid if leaf.ancestors else clause.eid
    article = next((c.eid for c in leaf.path if c.kind == "article"), top)
    if clause.kind == HEADING_KIND:
        article = leaf.ancestors[-1].eid if leaf.ancestors else article
        owner = next((c for c in leaf.path[::-1] if c.kind == "article"), None)
        article = owner.eid if owner is not None else article
    components = clause.eid.split("__")
    return Unit(
        index=index,
        eid=clause.eid,
        kind=clause.kind,
        text=clause.text,
        anchors=anchors(clause.text, language=language),
        article=article,
        numbered=not any(_POSITIONAL.match(part) for part in components),
        label=citation(leaf.path) if clause.kind != DOC_TITLE_KIND else "title",
    )


@dataclass(frozen=True)
class Bead:
    """Units of the pivot (``left``) aligned with units of another version (``right``),
    by index; one side may be empty (a unit the other version lacks).

    ``method``: what decided it, "structure" (the eIds), "anchors" (shared numbers or
    citations), "semantic" (the sentence embeddings) or "length"; ``score``: the length
    model's probability of the pair (1.0 at the usual ratio); ``similarity``: the
    cosine similarity of the embeddings, with the semantic extra.
    """

    left: tuple[int, ...]
    right: tuple[int, ...]
    method: str
    score: float
    similarity: float | None = None


@dataclass(frozen=True)
class PairAlignment:
    """The pivot and one other version, aligned: the beads in document order and the
    length model of the pair."""

    left: Version
    right: Version
    beads: tuple[Bead, ...]
    model: LengthModel


class Embedded(Protocol):
    """The sentence embeddings of one version's units (``engine.semantic``)."""

    def similarity(self, mine: Sequence[int], other: Embedded, theirs: Sequence[int]) -> float:
        """The cosine similarity of units ``mine`` taken together and units ``theirs`` of
        ``other`` taken together."""
        ...


# Embeds the texts of one version's units, in order.
Encoder = Callable[[Sequence[str]], Embedded]


@dataclass(frozen=True)
class Row:
    """Units of every version that say the same: language -> indexes of its units."""

    units: Mapping[str, tuple[int, ...]]
    method: str
    score: float
    similarity: float | None = None


@dataclass(frozen=True)
class Alignment:
    """Every version lined up: the pairwise alignments with the pivot (the first
    version) and the rows they make."""

    versions: tuple[Version, ...]
    pairs: tuple[PairAlignment, ...]
    rows: tuple[Row, ...] = field(default=())

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(v.language for v in self.versions)


def align(versions: Sequence[Version], *, encoder: Encoder | None = None) -> Alignment:
    """Align every version with the first (the pivot), and join the alignments into
    rows. ``encoder`` (``engine.semantic``) adds the embeddings' similarity to the
    evidence.

    Raises ValueError for fewer than two versions or two of one language.
    """
    languages = [v.language for v in versions]
    if len(versions) < 2 or len(set(languages)) != len(languages):
        raise ValueError("align needs two or more versions, each in its own language")
    pivot = versions[0]
    vectors = _embed(versions, encoder)
    pairs = tuple(
        align_pair(pivot, other, vectors=(vectors.get(pivot.language), vectors.get(other.language)))
        for other in versions[1:]
    )
    return Alignment(tuple(versions), pairs, _rows(pivot, pairs))


def _embed(versions: Sequence[Version], encoder: Encoder | None) -> dict[str, Embedded]:
    if encoder is None:
        return {}
    return {v.language: encoder([unit.text for unit in v.units]) for v in versions}


_Vectors = tuple[Embedded | None, Embedded | None]


def align_pair(
    left: Version, right: Version, *, vectors: _Vectors = (None, None), structure: bool = True
) -> PairAlignment:
    """The alignment of two versions: structure first, then anchors and lengths in the
    gaps the structure leaves (see the module's description). Without ``structure`` the
    eIds are not looked at: anchors, lengths (and embeddings) align everything, as they
    do where a text's structure says nothing (benchmarks/languages.py measures them so).
    """
    fixed = _structural_pairs(left, right) if structure else []
    totals = (
        sum(u.length for u in left.units if u.unit_class == "body"),
        sum(u.length for u in right.units if u.unit_class == "body"),
    )
    model = estimate(totals, [(left.units[i].length, right.units[j].length) for i, j in fixed])
    fixed = [(i, j) for i, j in fixed if not _cut(left.units[i], right.units[j], model.c)]
    search = _Search(left, right, model, vectors, eids=structure)
    beads: list[Bead] = []
    i0 = j0 = 0
    for i, j in [*fixed, (len(left.units), len(right.units))]:
        beads.extend(search.gap(i0, i, j0, j))
        if i < len(left.units):
            beads.append(search.bead((i,), (j,), "structure"))
        i0, j0 = i + 1, j + 1
    return PairAlignment(left, right, tuple(beads), model)


def _structural_pairs(left: Version, right: Version) -> list[tuple[int, int]]:
    """The units whose eIds agree and are printed numbers, in both documents' order: the
    longest run of such pairs that keeps the order of both."""
    candidates = [
        (unit.index, right.by_eid[unit.eid].index)
        for unit in left.units
        if unit.numbered and unit.eid in right.by_eid and right.by_eid[unit.eid].numbered
    ]
    return increasing(candidates)


def _cut(a: Unit, b: Unit, ratio: float) -> bool:
    """Whether one unit of a structural pair is under a fifth of the length the other
    and the pair's ratio make usual: one version's layout cut it (the rest of it stands
    in the next unit), and the programme, not the eIds, must align it."""
    if min(a.length, b.length) == 0:
        return False
    expected = a.length * ratio
    return b.length * _CUT < expected or b.length > expected * _CUT


class _Search:
    """The dynamic programme that aligns the units of one gap between structural pairs."""

    def __init__(
        self, left: Version, right: Version, model: LengthModel, vectors: _Vectors, *, eids: bool
    ) -> None:
        self.left, self.right, self.model = left.units, right.units, model
        self.vectors = vectors
        self.eids = eids  # whether the eIds' positions weigh in

    def gap(self, i0: int, i1: int, j0: int, j1: int) -> list[Bead]:
        """The beads that align left units ``i0:i1`` with right units ``j0:j1``."""
        n, m = i1 - i0, j1 - j0
        if n == 0 or m == 0:
            return [self.bead((i,), (), "structure") for i in range(i0, i1)] + [
                self.bead((), (j,), "structure") for j in range(j0, j1)
            ]
        band = None if n * m <= _FULL_SEARCH else max(30, (n + m) // 10)
        inf = float("inf")
        cost = [[inf] * (m + 1) for _ in range(n + 1)]
        back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
        cost[0][0] = 0.0
        for a in range(n + 1):
            for b in range(m + 1):
                if band is not None and abs(a * m - b * n) > band * max(n, m):
                    continue
                here = cost[a][b]
                if here == inf:
                    continue
                for da, db, prior in _BEADS:
                    if a + da > n or b + db > m:
                        continue
                    left = tuple(range(i0 + a, i0 + a + da))
                    right = tuple(range(j0 + b, j0 + b + db))
                    total = here + prior + self.cost(left, right)
                    if total < cost[a + da][b + db]:
                        cost[a + da][b + db] = total
                        back[a + da][b + db] = (da, db)
        beads: list[Bead] = []
        a, b = n, m
        while a or b:
            step = back[a][b]
            assert step is not None
            da, db = step
            left = tuple(range(i0 + a - da, i0 + a))
            right = tuple(range(j0 + b - db, j0 + b))
            beads.append(self.bead(left, right, self.method(left, right)))
            a, b = a - da, b - db
        return beads[::-1]

    def cost(self, left: tuple[int, ...], right: tuple[int, ...]) -> float:
        """The cost of a bead beyond its prior: lengths, anchors, structure, meaning."""
        units_a = [self.left[i] for i in left]
        units_b = [self.right[j] for j in right]
        classes = {u.unit_class for u in (*units_a, *units_b)}
        total = _MIXED_CLASSES if len(classes) > 1 else 0.0
        if not units_a or not units_b:
            # A unit without counterpart costs its prior and a little per character: the
            # length model of translations says nothing of a clause left out (with it,
            # the programme would rather join a long clause to its neighbour than leave
            # it alone), but a long one is left out more rarely than a short one.
            return total + sum(u.length for u in (*units_a, *units_b)) / _LEFT_OUT_CHARACTERS
        total += self.model.cost(sum(u.length for u in units_a), sum(u.length for u in units_b))
        numbers_a = frozenset().union(*(u.anchors.numbers for u in units_a))
        numbers_b = frozenset().union(*(u.anchors.numbers for u in units_b))
        if numbers_a or numbers_b:
            shared = len(numbers_a & numbers_b)
            total += _MISMATCHED_NUMBERS * (1 - shared / len(numbers_a | numbers_b))
            total -= _SHARED_NUMBER * min(shared, 3)
        if self.eids and {u.eid for u in units_a} & {u.eid for u in units_b}:
            total -= _SAME_POSITION  # also where a layout glued a neighbour to it
        elif self.eids and len(units_a) == len(units_b) == 1:
            a, b = units_a[0], units_b[0]
            if a.article == b.article and _item(a.eid) == _item(b.eid):
                total -= _SAME_POSITION / 2  # "point_a" and the chapeau of "point_a"
            elif a.numbered and b.numbered:
                total += _OTHER_NUMBER
        similarity = self.similarity(left, right)
        if similarity is not None:
            total += _SEMANTIC * (1 - similarity)
        return total

    def method(self, left: tuple[int, ...], right: tuple[int, ...]) -> str:
        """What decided a bead the programme chose."""
        same = len(left) == len(right) == 1 and self.left[left[0]].eid == self.right[right[0]].eid
        if self.eids and same:
            return "structure"
        if self.vectors[0] is not None and left and right:
            return "semantic"
        numbers_a = frozenset().union(*(self.left[i].anchors.numbers for i in left))
        numbers_b = frozenset().union(*(self.right[j].anchors.numbers for j in right))
        return "anchors" if numbers_a & numbers_b else "length"

    def similarity(self, left: tuple[int, ...], right: tuple[int, ...]) -> float | None:
        """The cosine similarity of the two sides' embeddings, with the extra."""
        vectors_a, vectors_b = self.vectors
        if vectors_a is None or vectors_b is None or not left or not right:
            return None
        return vectors_a.similarity(left, vectors_b, right)

    def bead(self, left: tuple[int, ...], right: tuple[int, ...], method: str) -> Bead:
        score = self.model.probability(
            sum(self.left[i].length for i in left), sum(self.right[j].length for j in right)
        )
        return Bead(left, right, method, score, self.similarity(left, right))


def _item(eid: str) -> str:
    """The last numbered item of an eId: "point_a" of ``art_5__para_1__point_a__intro``."""
    numbered = [c for c in eid.split("__") if c.startswith(("para_", "point_", "art_"))]
    return numbered[-1] if numbered else eid


def _rows(pivot: Version, pairs: Sequence[PairAlignment]) -> tuple[Row, ...]:
    """The rows the pairwise alignments make: units aligned with the same pivot units,
    in any version, share a row (the connected parts of the alignment graph), in the
    pivot's order; a unit of another version aligned with none stands where it stood."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(node: tuple[str, int]) -> tuple[str, int]:
        parent.setdefault(node, node)
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    def union(a: tuple[str, int], b: tuple[str, int]) -> None:
        parent[find(a)] = find(b)

    place: dict[tuple[str, int], float] = {}
    beads_of: dict[tuple[str, int], Bead] = {}
    for unit in pivot.units:
        find((pivot.language, unit.index))
        place[(pivot.language, unit.index)] = unit.index
    for pair in pairs:
        last = -1.0
        for bead in pair.beads:
            nodes = [(pivot.language, i) for i in bead.left]
            nodes += [(pair.right.language, j) for j in bead.right]
            for node in nodes[1:]:
                union(nodes[0], node)
            position = float(min(bead.left)) if bead.left else last + 0.5
            for node in nodes:
                place.setdefault(node, position)
                beads_of[node] = bead
            last = float(max(bead.left)) if bead.left else position
    groups: dict[tuple[str, int], list[tuple[str, int]]] = {}
    for node in place:
        groups.setdefault(find(node), []).append(node)
    order = {v: k for k, v in enumerate([pivot.language, *(p.right.language for p in pairs)])}
    rows: list[tuple[tuple[float, int], Row]] = []
    for nodes in groups.values():
        units: dict[str, list[int]] = {}
        for language, index in sorted(nodes, key=lambda n: (order[n[0]], n[1])):
            units.setdefault(language, []).append(index)
        beads = [beads_of[n] for n in nodes if n in beads_of]
        methods = {b.method for b in beads} or {"structure"}
        method = next(m for m in ("length", "semantic", "anchors", "structure") if m in methods)
        score = min((b.score for b in beads), default=1.0)
        similarities = [b.similarity for b in beads if b.similarity is not None]
        key = (min(place[n] for n in nodes), min(order[n[0]] for n in nodes))
        rows.append(
            (
                key,
                Row(
                    {lang: tuple(ix) for lang, ix in units.items()},
                    method,
                    score,
                    min(similarities) if similarities else None,
                ),
            )
        )
    rows.sort(key=lambda item: item[0])
    return tuple(row for _, row in rows)
