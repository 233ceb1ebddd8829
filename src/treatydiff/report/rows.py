"""The items of a comparison report's row stream, before any markup: a row per alignment
(its clauses as cells, their text as spans), a heading per article or other section, and
a marker where a moved clause stood. ``report.comparison`` builds them in order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from treatydiff.engine.classify import KIND_TAGS
from treatydiff.engine.comparison import Status
from treatydiff.report.spans import Span

RowShape = Literal["pair", "split", "merge", "added", "removed"]

STATUS_WORDS: dict[Status, str] = {
    "identical": "identical",
    "formatting": "formatting only",
    "modified": "modified",
    "added": "added",
    "removed": "removed",
}


@dataclass(frozen=True)
class Cell:
    """One clause on one side of a row, with the spans of its text."""

    eid: str
    label: str  # UN citation style: "article 3, paragraph 1 (a)"
    short_label: str  # "art. 3(1)(a)"
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        """The clause's text (its spans together)."""
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Row:
    """One alignment: a pair, a split or merge (one row), an added or a removed clause.

    ``anchor`` is the row's id in a page: the first left eId, or for an added clause its
    right eId (prefixed ``right-`` when a left clause has the same eId); ``aliases`` are
    the other eIds that lead to this row. ``changed``: the alignment is a difference
    (``Alignment.is_difference``), which a reader should look at. ``redline`` is the
    inline view, line by line: deletions and insertions in reading order, a new line
    where a clause of a split or merge ends. ``moved_from`` is the anchor of the marker left where a
    moved clause used to be. ``renumbered``: the clause is cited by another number on the
    right (``counterpart_label`` gives it); ``notes``: the stale references found in it.
    """

    anchor: str
    aliases: tuple[str, ...]
    status: Status
    shape: RowShape
    moved: bool
    changed: bool
    similarity: float
    tags: tuple[str, ...]
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    redline: tuple[tuple[Span, ...], ...]
    moved_from: str | None = None
    renumbered: bool = False
    notes: tuple[str, ...] = ()
    kind: Literal["row"] = "row"

    @property
    def label(self) -> str:
        """The row's citation: the left clauses, else the right ones."""
        return " + ".join(cell.label for cell in self.left or self.right)

    @property
    def only_side(self) -> str | None:
        """ "left" or "right" for a clause found on one side only."""
        if not self.right:
            return "left"
        return None if self.left else "right"

    @property
    def counterpart_label(self) -> str | None:
        """The right side's citation when the row has both sides and it reads differently."""
        if not self.left or not self.right:
            return None
        right = " + ".join(cell.label for cell in self.right)
        return None if right == self.label else right

    @property
    def change_kind(self) -> str:
        """What kind of change the row is: its kind tag when modified (``wording``,
        ``spelling``, ``case``, ``punctuation``...), else its status (``added``...)."""
        return next((tag for tag in self.tags if tag in KIND_TAGS), self.status)

    @property
    def flags(self) -> tuple[str, ...]:
        """What a reader looks for besides the kind: the flag tags (``modal``,
        ``negation``, ``number``, ``defined-term``), then ``moved``, ``split``,
        ``merge``."""
        flags = [tag for tag in self.tags if tag not in KIND_TAGS]
        if self.moved:
            flags.append("moved")
        if self.shape in ("split", "merge"):
            flags.append(self.shape)
        return tuple(flags)

    @property
    def status_text(self) -> str:
        """The status as the report writes it: "modified, split, moved, renumbered"."""
        words = STATUS_WORDS[self.status]
        if self.shape in ("split", "merge"):
            words = f"{words}, {self.shape}"
        if self.moved:
            words = f"{words}, moved"
        return f"{words}, renumbered" if self.renumbered else words


@dataclass(frozen=True)
class MovedMarker:
    """Where a moved clause stood on the left side; points to the row where it went."""

    anchor: str
    label: str  # the clause's left citation
    target: str  # anchor of the row
    target_label: str  # the clause's right citation
    kind: Literal["marker"] = "marker"


@dataclass(frozen=True)
class Heading:
    """Start of an article (or preamble, or final formulas) in the row stream."""

    anchor: str
    left: str | None  # "article 12: Reporting" on the left side
    right: str | None  # "article 8" on the right side
    changes: int = 0  # changed rows under this heading
    kind: Literal["heading"] = "heading"

    @property
    def title(self) -> str:
        """The section's title on both sides, once when they read the same."""
        if self.left and self.right:
            if self.left == self.right:
                return self.left
            return f"{self.left} \N{LEFT RIGHT ARROW} {self.right}"
        if self.left:
            return f"{self.left} (left text)"
        return f"{self.right} (right text)"


Item = Row | MovedMarker | Heading
