"""The comparison model: what the engine finds, and what reports and checks read.

Rendering and checking work from these dataclasses only, never from engine internals.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key_of

Status = Literal["identical", "formatting", "modified", "added", "removed"]
DiffOpKind = Literal["equal", "insert", "delete", "replace"]
# Why two clauses were paired: by their own words ("content": the content alignment, in
# document order or moved), by their places in paired articles and preambles, on a lower
# bar ("structure"; also a caption paired through its owner, the title with the title),
# or as a move across structures, a recital become an article or the reverse ("move"), or
# on the rare words a rewritten clause shares with its counterpart in the same gap between
# pairs ("gap") or anywhere ("words"; ``engine.overlap``), or, on request, on the meaning
# of a clause rewritten in place ("meaning"; ``engine.meaning``).
PairedBy = Literal["content", "structure", "move", "gap", "words", "meaning"]

STATUSES: tuple[Status, ...] = ("identical", "formatting", "modified", "added", "removed")


@dataclass(frozen=True)
class Match:
    """Leaf indices of the left and right side that correspond (one side may be empty),
    and why they were paired (``PairedBy``; meaningless when a side is empty)."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    moved: bool = False
    reason: PairedBy = "content"


@dataclass(frozen=True)
class DiffOp:
    """One run of a word diff, within one clause of each side.

    ``left`` and ``right`` keep the original spacing. ``left_clause`` and ``right_clause``
    are indices into ``Alignment.left`` and ``Alignment.right``: the clause each part
    belongs to (0 when the side has one clause, or none). The ``left`` parts of the ops
    whose ``left_clause`` is k concatenate, in order, to the text of the k-th left clause;
    likewise on the right. A run of the word diff that crosses the end of a clause of a
    split or merge comes as consecutive ops, one per clause (``runs`` groups them again);
    an op with no text on one side names there the clause of that side's next word.

    Attributes:
        op: ``"equal"`` (the same words; the two sides may still differ in form: quotes,
            dashes, spacing), ``"insert"`` (``left`` is empty), ``"delete"`` (``right``
            is empty) or ``"replace"``.
        left: The run's text on the left side, with the whitespace that follows it.
        right: The run's text on the right side, with the whitespace that follows it.
        left_clause: Index into ``Alignment.left`` of the clause ``left`` belongs to.
        right_clause: Index into ``Alignment.right`` of the clause ``right`` belongs to.

    Examples:
        >>> from treatydiff import DiffOp
        >>> DiffOp("replace", "should ", "shall ")
        DiffOp(op='replace', left='should ', right='shall ', left_clause=0, right_clause=0)
    """

    op: DiffOpKind
    left: str
    right: str
    left_clause: int = 0
    right_clause: int = 0


def runs(diff: Sequence[DiffOp]) -> list[tuple[DiffOp, ...]]:
    """The runs of a word diff: maximal sequences of consecutive ``equal`` ops, or of
    changed ops. The word diff alternates equal and changed runs, so a run of several ops
    is one run of the diff, cut where clauses end."""
    out: list[tuple[DiffOp, ...]] = []
    for op in diff:
        if out and (out[-1][0].op == "equal") == (op.op == "equal"):
            out[-1] = (*out[-1], op)
        else:
            out.append((op,))
    return out


def starts_line(before: DiffOp, after: DiffOp) -> bool:
    """Whether the inline view of a diff (the right side's words, with the deleted words
    of the left side among them) starts a new line between two consecutive ops: where a
    right clause ends, or a left clause ends in deleted words."""
    if before.right_clause != after.right_clause:
        return True
    return before.left_clause != after.left_clause and before.op != "equal"


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
        moved: True when the clauses were paired out of document order, or stand in a
            part, chapter, section or title that is not the counterpart of their old one
            (the containers correspond where their headings pair), or the pieces of a
            split or merge lie in different articles or top-level containers (text moved
            from one provision into another).
        renumbered: True when the paired clauses are cited by other numbers: the printed
            numbers of article, paragraph and point (and of a container outside
            articles) on the path of the first clause of each side differ, whatever the
            words. A paragraph of a renumbered article is renumbered too (it is cited by
            the article's number); a caption follows its owner; a recital, formula or
            unnumbered paragraph has no printed number of its own. A moved clause may be
            renumbered too.
        similarity: The character-level similarity (0..1) of the two sides' comparison
            keys: 1.0 exactly when they are equal, 0.0 for an added or removed clause.
        tags: The kind of change of a modified alignment, the strongest of
            ``"spacing"``, ``"punctuation"``, ``"case"``, ``"citation"``, ``"spelling"`` and
            ``"wording"``, then the flags that apply of ``"modal"`` (shall / may /
            should...), ``"negation"``, ``"number"``, ``"defined-term"`` and
            ``"reference"`` (see ``treatydiff.engine.classify``); an identical or
            formatting alignment may carry ``"reference"`` alone.
        notes: What the ``reference`` flag found, one line per stale reference ("article
            2 is now article 3").
        diff: The word diff, cut where the clauses of a split or merge end (see
            ``DiffOp``); an added, removed, identical or formatting one-to-one alignment
            has a single op.
        paired_by: Why the clauses were paired (``PairedBy``): ``"content"`` (their own
            words, with their articles'), ``"structure"`` (their places: the same place
            in paired articles or preambles, on a lower bar; a caption through its
            owner; the title with the title), ``"move"`` (a recital become an article,
            or the reverse), ``"gap"`` (a clause rewritten in place: the rare words it
            shares with its counterpart between the same two pairs), ``"words"`` (the
            rare words it shares, anywhere in the text) or ``"meaning"`` (a clause
            rewritten in place, alone between the same two pairs, whose sentence
            embedding is close to its counterpart's: only with
            ``CompareOptions.semantic``); None for an added or removed clause.
        keys: The comparison keys of the two sides (of a side's clause texts in order,
            ``normalize.comparison_key_of``), derived from the diff when not given; like
            ``status`` and ``similarity`` they are not recomputed when
            ``dataclasses.replace`` gives another diff.

    Examples:
        >>> import treatydiff
        >>> comparison = treatydiff.compare(
        ...     treatydiff.load("examples/opsc-preamble-ohchr.txt"),
        ...     treatydiff.load("examples/opsc-preamble-revised.txt"),
        ... )
        >>> first = comparison.alignments[4]
        >>> first.left, first.right, first.status, first.tags
        (('preamble__p_1',), ('preamble__p_1',), 'modified', ('wording', 'modal'))
        >>> [(op.left, op.right) for op in first.diff if op.op != "equal"]
        [('should ', 'shall ')]
        >>> removed = comparison.alignments[7]
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
    keys: tuple[str, str] = ("", "")
    renumbered: bool = False
    notes: tuple[str, ...] = ()
    paired_by: PairedBy | None = None

    def __post_init__(self) -> None:
        if self.keys == ("", ""):
            # Texts whose keys are empty derive empty keys again: no marker is needed.
            derived = (comparison_key_of(self.left_texts), comparison_key_of(self.right_texts))
            object.__setattr__(self, "keys", derived)

    @property
    def is_split(self) -> bool:
        """One left clause paired with several right clauses."""
        return len(self.left) == 1 and len(self.right) > 1

    @property
    def is_merge(self) -> bool:
        """Several left clauses paired with one right clause."""
        return len(self.left) > 1 and len(self.right) == 1

    @property
    def left_texts(self) -> tuple[str, ...]:
        """The text of each left clause (as many as ``left``), rebuilt from the diff."""
        return _texts(len(self.left), ((op.left_clause, op.left) for op in self.diff))

    @property
    def right_texts(self) -> tuple[str, ...]:
        """The text of each right clause (as many as ``right``), rebuilt from the diff."""
        return _texts(len(self.right), ((op.right_clause, op.right) for op in self.diff))

    @property
    def size(self) -> int:
        """The length of the texts of both sides, in characters, each side read one
        clause a line (a line break counts one): the weight of the alignment in
        ``Summary.similarity``."""
        breaks = max(len(self.left) - 1, 0) + max(len(self.right) - 1, 0)
        return sum(len(op.left) + len(op.right) for op in self.diff) + breaks

    @property
    def is_difference(self) -> bool:
        """Anything beyond formatting: changed words, clauses added, removed, moved or
        renumbered, or a stale reference. Reports call such an alignment changed."""
        return (
            self.moved
            or self.renumbered
            or "reference" in self.tags
            or self.status not in ("identical", "formatting")
        )


def _texts(count: int, parts: Iterable[tuple[int, str]]) -> tuple[str, ...]:
    texts: list[list[str]] = [[] for _ in range(count)]
    for clause, text in parts:
        if text:
            texts[clause].append(text)
    return tuple("".join(pieces) for pieces in texts)


@dataclass(frozen=True)
class CompareOptions:
    """Options of the engine. The defaults were chosen by measurement on the synthetic
    suite (figures in ``treatydiff.engine.scoring``).

    Attributes:
        threshold: The least pairing score (0..1) for two clauses to be paired: the word
            similarity of their texts blended with that of their articles. Lower pairs
            more loosely; clauses below it stay added and removed, unless they stand in
            corresponding places of paired articles or preambles, where a bar that
            allows a fifth more difference applies (``engine.structure``; at 1.0 only
            the same words pair either way).
        scorer: The rapidfuzz similarity of clause texts, a key of
            ``treatydiff.engine.scoring.SCORERS`` (``"token_ratio"``...).
        semantic: Also pair clauses rewritten in place on their meaning (sentence
            embeddings, ``engine.meaning``; paired_by ``"meaning"``). Needs the semantic
            extra (``pip install 'treatydiff[semantic]'``); off by default.

    Examples:
        >>> from treatydiff import CompareOptions
        >>> CompareOptions()
        CompareOptions(threshold=0.5, scorer='token_ratio', semantic=False)
    """

    threshold: float = 0.5
    scorer: str = "token_ratio"
    semantic: bool = False


@dataclass(frozen=True)
class Summary:
    """Counts over the alignments of a comparison (``Comparison.summary``).

    Attributes:
        identical: Alignments with the same text.
        formatting: Alignments that differ in form only.
        modified: Alignments whose words differ.
        added: Clauses only on the right.
        removed: Clauses only on the left.
        moved: Alignments whose clauses moved (``Alignment.moved``; counted with their
            status too).
        renumbered: Alignments whose clauses are cited by other numbers (counted with
            their status too).
        splits: One left clause paired with several right ones.
        merges: Several left clauses paired with one right one.
        left_clauses: Leaf clauses of the left instrument.
        right_clauses: Leaf clauses of the right instrument.
        similarity: The mean similarity (0..1) of all alignments weighted by the length
            of their texts (``Alignment.size``), added and removed clauses counting zero;
            1.0 when there is no text.
        tags: ``(tag, count)`` over the modified alignments, sorted by tag.

    Examples:
        >>> import treatydiff
        >>> summary = treatydiff.compare(
        ...     treatydiff.load("examples/opsc-preamble-ohchr.txt"),
        ...     treatydiff.load("examples/opsc-preamble-revised.txt"),
        ... ).summary
        >>> summary.identical, summary.modified, summary.added, summary.removed
        (11, 3, 2, 1)
        >>> summary.tags
        (('modal', 1), ('number', 1), ('spelling', 1), ('wording', 2))
        >>> round(summary.similarity, 3)
        0.957
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
    renumbered: int = 0

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
        (True, 18)
        >>> [a.status for a in comparison.alignments[:5]]  # title, preface (2), preamble (2)
        ['identical', 'identical', 'identical', 'identical', 'modified']
    """

    left: Instrument
    right: Instrument
    # Out of the repr (``summary`` counts them): printing a comparison stays short.
    alignments: tuple[Alignment, ...] = field(repr=False)
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
            size = a.size
            weighted += a.similarity * size
            total += size
        return Summary(
            **counts,
            moved=sum(a.moved for a in self.alignments),
            renumbered=sum(a.renumbered for a in self.alignments),
            splits=sum(a.is_split for a in self.alignments),
            merges=sum(a.is_merge for a in self.alignments),
            left_clauses=sum(len(a.left) for a in self.alignments),
            right_clauses=sum(len(a.right) for a in self.alignments),
            similarity=weighted / total if total else 1.0,
            tags=tuple(sorted(tag_counts.items())),
        )
