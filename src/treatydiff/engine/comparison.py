"""The comparison model: what the engine finds, and what reports and checks read.

Rendering and checking work from these dataclasses only, never from engine internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from treatydiff.model import Instrument

Status = Literal["identical", "formatting", "modified", "added", "removed"]
DiffOpKind = Literal["equal", "insert", "delete", "replace"]

STATUSES: tuple[Status, ...] = ("identical", "formatting", "modified", "added", "removed")

# The text of one side of an alignment is its clauses' texts joined by this separator;
# the diff ops of a split or merge concatenate to that joined text.
CLAUSE_SEPARATOR = "\n"


@dataclass(frozen=True)
class DiffOp:
    """One run of a word diff. ``left`` and ``right`` keep the original spacing, so the
    ``left`` parts of all ops concatenate to the left text and the ``right`` parts to the
    right text."""

    op: DiffOpKind
    left: str
    right: str


@dataclass(frozen=True)
class Alignment:
    """Leaf clauses of the left side paired with leaf clauses of the right side.

    One-to-one, one-to-many (split) or many-to-one (merge); an added clause has an empty
    ``left``, a removed one an empty ``right``. ``similarity``: the character-level
    similarity (0..1) of the two sides' comparison keys, 1.0 exactly when they are equal,
    0.0 for an added or removed clause. ``moved``: paired out of document order. ``tags``
    (modified alignments only): see classify.py. ``diff``: the word diff; an added,
    removed, identical or formatting alignment has one op.
    """

    left: tuple[str, ...]
    right: tuple[str, ...]
    status: Status
    moved: bool = False
    similarity: float = 0.0
    tags: tuple[str, ...] = ()
    diff: tuple[DiffOp, ...] = ()

    @property
    def is_split(self) -> bool:
        return len(self.left) == 1 and len(self.right) > 1

    @property
    def is_merge(self) -> bool:
        return len(self.left) > 1 and len(self.right) == 1

    @property
    def left_text(self) -> str:
        """The left side's text, rebuilt from the diff (clauses joined by CLAUSE_SEPARATOR)."""
        return "".join(op.left for op in self.diff)

    @property
    def right_text(self) -> str:
        return "".join(op.right for op in self.diff)

    @property
    def is_difference(self) -> bool:
        """Anything beyond formatting: changed words, or clauses added, removed or moved."""
        return self.moved or self.status not in ("identical", "formatting")


@dataclass(frozen=True)
class CompareOptions:
    """Options of the engine. ``threshold``: least pairing score (0..1) for two clauses to
    be paired, the word similarity of their texts blended with that of their articles;
    ``scorer``: the rapidfuzz similarity of clause texts (see align.SCORERS). Both were
    chosen by measurement (figures in align.py)."""

    threshold: float = 0.5
    scorer: str = "token_ratio"


@dataclass(frozen=True)
class Summary:
    """Counts over the alignments of a comparison.

    ``similarity`` is the mean similarity of all clauses weighted by text length, added
    and removed clauses counting zero; ``tags`` counts each tag over modified alignments.
    """

    identical: int
    formatting: int
    modified: int
    added: int
    removed: int
    moved: int
    splits: int
    merges: int
    left_clauses: int
    right_clauses: int
    similarity: float
    tags: tuple[tuple[str, int], ...]

    def count(self, status: Status) -> int:
        return int(getattr(self, status))


@dataclass(frozen=True)
class Comparison:
    left: Instrument
    right: Instrument
    alignments: tuple[Alignment, ...]
    options: CompareOptions = field(default_factory=CompareOptions)

    @property
    def has_differences(self) -> bool:
        """True when anything differs beyond formatting (diff(1)'s exit code 1): changed
        words, or a clause added, removed or moved."""
        return any(a.is_difference for a in self.alignments)

    @property
    def summary(self) -> Summary:
        counts = {status: 0 for status in STATUSES}
        tag_counts: dict[str, int] = {}
        weighted = total = 0.0
        for a in self.alignments:
            counts[a.status] += 1
            for tag in a.tags:
                tag_counts[tag] = tag_counts.get(tag, 0) + 1
            size = len(a.left_text) + len(a.right_text)
            weighted += a.similarity * size
            total += size
        return Summary(
            **counts,
            moved=sum(a.moved for a in self.alignments),
            splits=sum(a.is_split for a in self.alignments),
            merges=sum(a.is_merge for a in self.alignments),
            left_clauses=sum(len(a.left) for a in self.alignments),
            right_clauses=sum(len(a.right) for a in self.alignments),
            similarity=weighted / total if total else 1.0,
            tags=tuple(sorted(tag_counts.items())),
        )
