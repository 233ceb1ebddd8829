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
    right text.

    Attributes:
        op: ``"equal"`` (the same words; the two sides may still differ in form: quotes,
            dashes, spacing), ``"insert"`` (``left`` is empty), ``"delete"`` (``right``
            is empty) or ``"replace"``.
        left: The run's text on the left side, with the whitespace that follows it.
        right: The run's text on the right side, with the whitespace that follows it.

    Examples:
        >>> from treatydiff import DiffOp
        >>> DiffOp("replace", "should ", "shall ")
        DiffOp(op='replace', left='should ', right='shall ')
    """

    op: DiffOpKind
    left: str
    right: str


@dataclass(frozen=True)
class Alignment:
    """Leaf clauses of the left side paired with leaf clauses of the right side.

    One-to-one, one-to-many (split) or many-to-one (merge); an added clause has an empty
    ``left``, a removed one an empty ``right``.

    Attributes:
        left: The eIds of the left instrument's leaf clauses in this alignment, in
            document order (empty: the clause was added).
        right: The eIds of the right instrument's leaf clauses (empty: removed).
        status: ``"identical"`` (the same text), ``"formatting"`` (the same comparison
            key: quotes, dashes, spacing, ligatures differ; also a split or merge with the
            same words), ``"modified"``, ``"added"`` or ``"removed"``.
        moved: True when the clauses were paired out of document order.
        similarity: The character-level similarity (0..1) of the two sides' comparison
            keys: 1.0 exactly when they are equal, 0.0 for an added or removed clause.
        tags: Modified alignments only: the kind of change, the strongest of
            ``"spacing"``, ``"punctuation"``, ``"spelling"`` and ``"wording"``, then the
            flags that apply of ``"modal"`` (shall / may / should...), ``"negation"``,
            ``"number"`` and ``"defined-term"`` (see ``treatydiff.engine.classify``).
        diff: The word diff; an added, removed, identical or formatting alignment has
            one op.

    Examples:
        >>> import treatydiff
        >>> comparison = treatydiff.compare(
        ...     treatydiff.load("examples/opsc-preamble-ohchr.txt"),
        ...     treatydiff.load("examples/opsc-preamble-revised.txt"),
        ... )
        >>> first = comparison.alignments[1]
        >>> first.left, first.right, first.status, first.tags
        (('preamble__p_1',), ('preamble__p_1',), 'modified', ('wording', 'modal'))
        >>> [(op.left, op.right) for op in first.diff if op.op != "equal"]
        [('should ', 'shall ')]
        >>> removed = comparison.alignments[4]
        >>> removed.left, removed.right, removed.status, removed.similarity
        (('preamble__p_4',), (), 'removed', 0.0)
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
        """One left clause paired with several right clauses."""
        return len(self.left) == 1 and len(self.right) > 1

    @property
    def is_merge(self) -> bool:
        """Several left clauses paired with one right clause."""
        return len(self.left) > 1 and len(self.right) == 1

    @property
    def left_text(self) -> str:
        """The left side's text, rebuilt from the diff (clauses joined by CLAUSE_SEPARATOR)."""
        return "".join(op.left for op in self.diff)

    @property
    def right_text(self) -> str:
        """The right side's text, rebuilt from the diff (clauses joined by CLAUSE_SEPARATOR)."""
        return "".join(op.right for op in self.diff)

    @property
    def is_difference(self) -> bool:
        """Anything beyond formatting: changed words, or clauses added, removed or moved."""
        return self.moved or self.status not in ("identical", "formatting")


@dataclass(frozen=True)
class CompareOptions:
    """Options of the engine. The defaults were chosen by measurement on the synthetic
    suite (figures in ``treatydiff.engine.align``).

    Attributes:
        threshold: The least pairing score (0..1) for two clauses to be paired: the word
            similarity of their texts blended with that of their articles. Lower pairs
            more loosely; clauses below it stay added and removed.
        scorer: The rapidfuzz similarity of clause texts, a key of
            ``treatydiff.engine.align.SCORERS`` (``"token_ratio"``...).

    Examples:
        >>> from treatydiff import CompareOptions
        >>> CompareOptions()
        CompareOptions(threshold=0.5, scorer='token_ratio')
    """

    threshold: float = 0.5
    scorer: str = "token_ratio"


@dataclass(frozen=True)
class Summary:
    """Counts over the alignments of a comparison (``Comparison.summary``).

    Attributes:
        identical: Alignments with the same text.
        formatting: Alignments that differ in form only.
        modified: Alignments whose words differ.
        added: Clauses only on the right.
        removed: Clauses only on the left.
        moved: Alignments paired out of document order (counted with their status too).
        splits: One left clause paired with several right ones.
        merges: Several left clauses paired with one right one.
        left_clauses: Leaf clauses of the left instrument.
        right_clauses: Leaf clauses of the right instrument.
        similarity: The mean similarity (0..1) of all alignments weighted by the length
            of their texts in characters, added and removed clauses counting zero; 1.0
            when there is no text.
        tags: ``(tag, count)`` over the modified alignments, sorted by tag.

    Examples:
        >>> import treatydiff
        >>> summary = treatydiff.compare(
        ...     treatydiff.load("examples/opsc-preamble-ohchr.txt"),
        ...     treatydiff.load("examples/opsc-preamble-revised.txt"),
        ... ).summary
        >>> summary.identical, summary.modified, summary.added, summary.removed
        (8, 2, 2, 1)
        >>> summary.tags
        (('modal', 1), ('number', 1), ('wording', 2))
        >>> round(summary.similarity, 3)
        0.955
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
        """The number of alignments with ``status``."""
        return int(getattr(self, status))


@dataclass(frozen=True)
class Comparison:
    """Two instruments compared clause by clause: what ``treatydiff.compare`` returns.

    Every leaf clause of either side is in exactly one alignment.

    Attributes:
        left: The older (or reference) instrument.
        right: The newer (or other) instrument.
        alignments: The paired, added and removed clauses, in document order (see
            ``treatydiff.engine.align.document_order``).
        options: The options the comparison ran with.

    Examples:
        >>> import treatydiff
        >>> comparison = treatydiff.compare(
        ...     treatydiff.load("examples/opsc-preamble-ohchr.txt"),
        ...     treatydiff.load("examples/opsc-preamble-revised.txt"),
        ... )
        >>> comparison.has_differences, len(comparison.alignments)
        (True, 15)
        >>> [a.status for a in comparison.alignments[:3]]
        ['identical', 'modified', 'formatting']
    """

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
        """The counts over the alignments (see ``Summary``)."""
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
