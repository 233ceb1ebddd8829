"""What the pairs of a reuse search add up to: instrument pairs, families and the lineage
of each shared clause.

* An *instrument pair* counts the clause pairs between two instruments and, on each side,
  the clauses that recur in the other.
* Two instruments are *kin* when at least ``FAMILY_MIN_CLAUSES`` clauses of each recur in
  the other and those make up at least ``FAMILY_MIN_SHARE`` of the compared clauses of one
  of them (the smaller, in practice). A *family* is a connected group of kin. Why not any
  shared clause: standard final clauses ("IN WITNESS WHEREOF the undersigned, being duly
  authorised thereto, have signed this Convention") recur in hundreds of treaties of every
  kind, and would join nearly the whole Dutch Treaty Series collection into one group.
  Calibration on that collection (benchmarks/README.md): the weakest known family, the
  OPSC and the OPAC, shares 15 clauses, 29 % of the OPAC's; at 25 % the collection falls
  into families of the drafting traditions (ILO conventions, Council of Europe treaties,
  tax treaties, investment treaties, UN human rights protocols) and every known family is
  one; at 10 % a thousand instruments are one family.
* A *shared clause* is a connected group of clauses linked by pairs; its *lineage* lists
  the clauses by the adoption date of their instruments (``reuse.dates``), earliest
  first, unknown dates last: the first one is the earliest known wording.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz

from treatydiff.reuse.join import Encoder
from treatydiff.reuse.search import Reuse

FAMILY_MIN_CLAUSES = 3
FAMILY_MIN_SHARE = 0.25


@dataclass(frozen=True)
class InstrumentPair:
    """Two instruments (indices of ``Collection.members``, ``left < right``) that share
    clauses.

    Attributes:
        pairs: Clause pairs between them.
        left_shared: Clauses of ``left`` that recur in ``right``.
        right_shared: Clauses of ``right`` that recur in ``left``.
        kin: Whether the pair links a family (see the module's docstring).
    """

    left: int
    right: int
    pairs: int
    left_shared: int
    right_shared: int
    kin: bool


@dataclass(frozen=True)
class Carrier:
    """A clause of a shared clause (an index of ``Reuse.clauses``) and its similarity to
    the first clause of the lineage."""

    clause: int
    similarity: float


@dataclass(frozen=True)
class SharedClause:
    """A connected group of similar clauses, in lineage order; ``instruments`` counts the
    instruments (sources) carrying it."""

    carriers: tuple[Carrier, ...]
    instruments: int


@dataclass(frozen=True)
class Aggregates:
    """The instrument-level view of a search.

    Attributes:
        instrument_pairs: Every pair of instruments sharing a clause, by (left, right).
        families: Each family's members (indices of ``Collection.members``) in lineage
            order; the largest family first, then by first source.
        family_of: Member index -> the index of its family, for members of one.
        shared_clauses: Every shared clause, the most widespread first, then by its first
            clause in canonical order.
    """

    instrument_pairs: tuple[InstrumentPair, ...]
    families: tuple[tuple[int, ...], ...]
    family_of: dict[int, int]
    shared_clauses: tuple[SharedClause, ...]


def aggregate(reuse: Reuse) -> Aggregates:
    """The instrument pairs, families and shared clauses of ``reuse``."""
    pairs = _instrument_pairs(reuse)
    families = _families(reuse, pairs)
    family_of = {member: n for n, family in enumerate(families) for member in family}
    return Aggregates(pairs, families, family_of, _shared_clauses(reuse))


def lineage_key(reuse: Reuse, member: int) -> tuple[bool, str, str]:
    """Sort key of a member in a lineage: by adoption date, unknown last, then source."""
    found = reuse.collection.members[member]
    return (found.adopted is None, found.adopted or "", found.source)


def _instrument_pairs(reuse: Reuse) -> tuple[InstrumentPair, ...]:
    counts: dict[tuple[int, int], int] = defaultdict(int)
    shared: dict[tuple[int, int], tuple[set[int], set[int]]] = defaultdict(lambda: (set(), set()))
    for pair in reuse.pairs:
        left, right = reuse.clauses[pair.left], reuse.clauses[pair.right]
        key = (left.member, right.member)
        counts[key] += 1
        shared[key][0].add(pair.left)
        shared[key][1].add(pair.right)
    members = reuse.collection.members
    out = []
    for (a, b), n in sorted(counts.items()):
        left_shared, right_shared = len(shared[(a, b)][0]), len(shared[(a, b)][1])
        share = max(left_shared / len(members[a].clauses), right_shared / len(members[b].clauses))
        kin = min(left_shared, right_shared) >= FAMILY_MIN_CLAUSES and share >= FAMILY_MIN_SHARE
        out.append(InstrumentPair(a, b, n, left_shared, right_shared, kin))
    return tuple(out)


def _families(reuse: Reuse, pairs: tuple[InstrumentPair, ...]) -> tuple[tuple[int, ...], ...]:
    links = _UnionFind()
    for pair in pairs:
        if pair.kin:
            links.join(pair.left, pair.right)
    groups = [sorted(group, key=lambda m: lineage_key(reuse, m)) for group in links.groups()]
    sources = reuse.collection.members
    groups.sort(key=lambda group: (-len(group), min(sources[m].source for m in group)))
    return tuple(tuple(group) for group in groups)


def _shared_clauses(reuse: Reuse) -> tuple[SharedClause, ...]:
    links = _UnionFind()
    for pair in reuse.pairs:
        links.join(pair.left, pair.right)
    members = reuse.collection.members
    out = []
    for group in links.groups():
        ordered = sorted(
            group,
            key=lambda n: (
                *lineage_key(reuse, reuse.clauses[n].member),
                reuse.clauses[n].clause.eid,
            ),
        )
        encode = Encoder()
        first = encode(reuse.clauses[ordered[0]].clause.words.split())
        carriers = tuple(
            Carrier(n, _similarity(first, encode(reuse.clauses[n].clause.words.split())))
            for n in ordered
        )
        sources = {members[reuse.clauses[n].member].source for n in ordered}
        out.append(SharedClause(carriers, len(sources)))
    out.sort(key=lambda shared: (-shared.instruments, min(c.clause for c in shared.carriers)))
    return tuple(out)


def _similarity(a: str, b: str) -> float:
    return float(fuzz.ratio(a, b)) / 100.0


class _UnionFind:
    """Connected groups of integers (Tarjan's disjoint sets, path halving)."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for x in sorted(self.parent):
            out[self.find(x)].append(x)
        return list(out.values())
