"""The comparison report model: what a report of one comparison shows, before any markup.

Built from a ``Comparison`` only; ``treatydiff.render`` turns these frozen dataclasses
into HTML or Markdown. A report is a stream of items: rows (one per alignment), headings
(one per article or other section) and markers (where a moved clause stood). Rows follow
the order of the alignments (the right side's document order, a removed clause after its
left predecessor); a moved clause stands at its new place, with a marker where it used to
be. ``collapse`` folds runs of unchanged rows away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace
from typing import Literal

from treatydiff.engine.classify import KIND_TAGS
from treatydiff.engine.comparison import Alignment, Comparison, Status, Summary
from treatydiff.model import Clause, Instrument, LeafView
from treatydiff.report.sides import SideLabels, side_labels, version_name
from treatydiff.report.spans import Span, redline, side_spans
from treatydiff.segment.labels import LabelStyle, citation, placed

RowShape = Literal["pair", "split", "merge", "added", "removed"]

# At least this many unchanged rows in a row are folded away behind a count.
MIN_COLLAPSED_RUN = 3

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


@dataclass(frozen=True)
class Fold:
    """Consecutive items of a report, shown open or collapsed; a collapsed fold holds
    unchanged rows only (with the headings and markers among them)."""

    collapsed: bool
    items: tuple[Item, ...]

    @property
    def row_count(self) -> int:
        """The number of rows in the fold."""
        return sum(isinstance(item, Row) for item in self.items)

    @property
    def extent(self) -> str:
        """The first and last clause of the fold's rows on each side: "article 16,
        paragraph 2 to article 17, paragraph 2" when both sides read the same, else
        "left: ...; right: ..."; one clause alone when the range has one."""
        rows = [item for item in self.items if isinstance(item, Row)]
        if not rows:
            return ""
        ranges = []
        for cells in (rows[0].left, rows[-1].left), (rows[0].right, rows[-1].right):
            first, last = cells
            if not first or not last:
                ranges.append("")
                continue
            start, end = first[0].label, last[-1].label
            ranges.append(start if start == end else f"{start} to {end}")
        left, right = ranges
        if left == right or not right:
            return left
        return f"left: {left}; right: {right}" if left else right


@dataclass(frozen=True)
class Section:
    """The rows under one heading, for reports that list changes article by article."""

    heading: Heading
    rows: tuple[Row, ...]

    @property
    def changed_rows(self) -> tuple[Row, ...]:
        """The rows a reader should look at (``Row.changed``)."""
        return tuple(row for row in self.rows if row.changed)


@dataclass(frozen=True)
class SideInfo:
    """The facts about one instrument that a report's header shows; ``label`` is the
    side's name in the report (``report.sides``)."""

    id: str
    label: str
    title: str
    version: str | None
    source: str | None
    sha256: str | None
    format: str | None
    language: str | None
    clauses: int
    caveats: tuple[str, ...] = ()


@dataclass(frozen=True)
class ComparisonReport:
    """What a report of a comparison shows: the facts of both instruments, the summary,
    the options of the engine, and the items (rows, headings, markers) in order.
    ``differences``: anything differs beyond formatting (``Comparison.has_differences``).
    """

    left: SideInfo
    right: SideInfo
    summary: Summary
    options: tuple[tuple[str, str], ...]
    items: tuple[Item, ...]
    differences: bool

    @property
    def rows(self) -> tuple[Row, ...]:
        """The rows among the items."""
        return tuple(item for item in self.items if isinstance(item, Row))

    @property
    def changed_rows(self) -> tuple[Row, ...]:
        """The rows a reader should look at (``Row.changed``)."""
        return tuple(row for row in self.rows if row.changed)

    @property
    def change_kinds(self) -> tuple[str, ...]:
        """The kinds of the changed rows (``Row.change_kind``), each once, sorted."""
        return tuple(sorted({row.change_kind for row in self.changed_rows}))

    @property
    def change_flags(self) -> tuple[str, ...]:
        """The flags of the changed rows (``Row.flags``), each once, sorted."""
        return tuple(sorted({flag for row in self.changed_rows for flag in row.flags}))

    @property
    def folds(self) -> tuple[Fold, ...]:
        """The items in folds (``collapse``)."""
        return collapse(self.items)

    @property
    def sections(self) -> tuple[Section, ...]:
        """The rows under each heading."""
        out: list[Section] = []
        heading: Heading | None = None
        rows: list[Row] = []
        for item in self.items:
            if isinstance(item, Heading):
                if heading is not None:
                    out.append(Section(heading, tuple(rows)))
                heading, rows = item, []
            elif isinstance(item, Row):
                rows.append(item)
        if heading is not None:
            out.append(Section(heading, tuple(rows)))
        return tuple(out)

    @property
    def status_counts(self) -> tuple[tuple[Status, int], ...]:
        """(status, number of alignments) for every status, in STATUS_WORDS order."""
        return tuple((status, self.summary.count(status)) for status in STATUS_WORDS)


# --- building a comparison report ----------------------------------------------------


def build_report(
    comparison: Comparison,
    *,
    label_style: LabelStyle = "un",
    labels: SideLabels | None = None,
) -> ComparisonReport:
    """The report of ``comparison``; clause labels and section titles in ``label_style``
    (each cell also carries its short label); the sides named by ``labels`` (None: their
    default names, ``report.sides.side_labels``)."""
    left, right = comparison.left, comparison.right
    names = labels or side_labels(left, right)
    left_eids = {leaf.clause.eid for leaf in left.leaves}
    rows = [
        _row(alignment, left, right, left_eids, label_style) for alignment in comparison.alignments
    ]
    before, after = _moved_markers(rows, comparison.alignments, left)
    items: list[Item] = []
    section: tuple[str | None, str | None] = (None, None)
    for row in rows:
        key = _section_key(row, left, right, section)
        if key != section:
            section = key
            items.append(_heading(key, left, right, label_style))
        items.extend(before.get(row.anchor, ()))
        items.append(row)
        items.extend(after.get(row.anchor, ()))
    items.extend(after.get("", ()))
    return ComparisonReport(
        left=side_info(left, names.left),
        right=side_info(right, names.right),
        summary=comparison.summary,
        options=_options(comparison),
        items=_count_changes(items),
        differences=comparison.has_differences,
    )


def _options(comparison: Comparison) -> tuple[tuple[str, str], ...]:
    """The engine's options as (name, value) to print; ``semantic`` only when on, an
    opt-in the default reports do not mention."""
    chosen = comparison.options
    return tuple(
        (f.name, str(getattr(chosen, f.name)))
        for f in fields(chosen)
        if f.name != "semantic" or chosen.semantic
    )


def _count_changes(items: Sequence[Item]) -> tuple[Item, ...]:
    """Items with each heading's count of changed rows filled in."""
    out = list(items)
    heading_at: int | None = None
    for n, item in enumerate(out):
        if isinstance(item, Heading):
            heading_at = n
        elif isinstance(item, Row) and item.changed and heading_at is not None:
            heading = out[heading_at]
            assert isinstance(heading, Heading)
            out[heading_at] = replace(heading, changes=heading.changes + 1)
    return tuple(out)


def side_info(instrument: Instrument, label: str | None = None) -> SideInfo:
    """The facts about ``instrument`` that a report's header shows, under ``label``
    (None: its ``version_name``)."""
    meta = instrument.metadata
    return SideInfo(
        id=instrument.id,
        label=label or version_name(instrument),
        title=instrument.title,
        version=meta.version,
        source=meta.source,
        sha256=meta.sha256,
        format=meta.format,
        language=meta.language,
        clauses=len(instrument.leaves),
        caveats=meta.caveats,
    )


def _row(
    alignment: Alignment,
    left: Instrument,
    right: Instrument,
    left_eids: set[str],
    label_style: LabelStyle,
) -> Row:
    left_cells = _cells(alignment.left, left, side_spans(alignment, "left"), label_style)
    right_cells = _cells(alignment.right, right, side_spans(alignment, "right"), label_style)
    if alignment.moved and [c.label for c in left_cells] == [c.label for c in right_cells]:
        # Moved to another part under the same number: the labels say which part.
        placed_left = _placed(left_cells, left, label_style)
        placed_right = _placed(right_cells, right, label_style)
        if [c.label for c in placed_left] != [c.label for c in placed_right]:
            left_cells, right_cells = placed_left, placed_right
    if alignment.left:
        anchor, *aliases = alignment.left
        aliases += [f"right-{eid}" for eid in alignment.right]
    else:
        first = alignment.right[0]
        anchor = f"right-{first}" if first in left_eids else first
        aliases = [f"right-{eid}" for eid in alignment.right if f"right-{eid}" != anchor]
    return Row(
        anchor=anchor,
        aliases=tuple(aliases),
        status=alignment.status,
        shape=_shape(alignment),
        moved=alignment.moved,
        changed=alignment.is_difference,
        similarity=alignment.similarity,
        tags=alignment.tags,
        left=left_cells,
        right=right_cells,
        redline=redline(alignment.diff),
        moved_from=f"moved-from-{anchor}" if alignment.moved else None,
        renumbered=alignment.renumbered,
        notes=alignment.notes,
    )


def _shape(alignment: Alignment) -> RowShape:
    if not alignment.left:
        return "added"
    if not alignment.right:
        return "removed"
    if alignment.is_split:
        return "split"
    if alignment.is_merge:
        return "merge"
    return "pair"


def _cells(
    eids: Sequence[str],
    instrument: Instrument,
    spans: Sequence[tuple[Span, ...]],
    label_style: LabelStyle,
) -> tuple[Cell, ...]:
    """One cell per clause, with the spans of its text."""
    return tuple(
        Cell(
            eid=eid,
            label=citation(instrument.by_eid[eid].path, style=label_style),
            short_label=citation(instrument.by_eid[eid].path, style="short"),
            spans=piece,
        )
        for eid, piece in zip(eids, spans, strict=True)
    )


def _placed(
    cells: tuple[Cell, ...], instrument: Instrument, label_style: LabelStyle
) -> tuple[Cell, ...]:
    """``cells`` with the part, chapter or section each clause stands in added to its
    labels (``segment.labels.placed``)."""
    return tuple(
        replace(
            cell,
            label=placed(instrument.by_eid[cell.eid].path, cell.label, style=label_style),
            short_label=placed(instrument.by_eid[cell.eid].path, cell.short_label, style="short"),
        )
        for cell in cells
    )


def _moved_markers(
    rows: Sequence[Row], alignments: Sequence[Alignment], left: Instrument
) -> tuple[dict[str, list[MovedMarker]], dict[str, list[MovedMarker]]]:
    """Markers for moved clauses, where each stood: keyed by the anchor of the row they
    go before, and of the row they go after ("": at the end).

    A marker goes before the row holding the next left clause that did not move, when
    that clause is in the same article; else after the row holding the previous one.
    """
    row_of_left: dict[str, str] = {}
    moved_left: set[str] = set()
    for row, alignment in zip(rows, alignments, strict=True):
        for eid in alignment.left:
            row_of_left[eid] = row.anchor
            if alignment.moved:
                moved_left.add(eid)
    leaves = [leaf for leaf in left.leaves]
    position_of = {leaf.clause.eid: n for n, leaf in enumerate(leaves)}
    before: dict[str, list[MovedMarker]] = {}
    after: dict[str, list[MovedMarker]] = {}
    for row, alignment in zip(rows, alignments, strict=True):
        if row.moved_from is None:
            continue
        marker = MovedMarker(
            anchor=row.moved_from,
            label=row.label,
            target=row.anchor,
            target_label=" + ".join(cell.label for cell in row.right),
        )
        position = position_of[alignment.left[0]]
        unit = _unit(leaves[position]).eid
        following = [leaf for leaf in leaves[position + 1 :] if leaf.clause.eid not in moved_left]
        if following and _unit(following[0]).eid == unit:
            before.setdefault(row_of_left[following[0].clause.eid], []).append(marker)
            continue
        preceding = [leaf for leaf in leaves[:position] if leaf.clause.eid not in moved_left]
        if preceding:
            after.setdefault(row_of_left[preceding[-1].clause.eid], []).append(marker)
        elif following:
            before.setdefault(row_of_left[following[0].clause.eid], []).append(marker)
        else:
            after.setdefault("", []).append(marker)
    return before, after


# --- sections -------------------------------------------------------------------------


def _unit(leaf: LeafView) -> Clause:
    """The clause a section is about: the leaf's article, else its top-level container."""
    for clause in leaf.path:
        if clause.kind == "article":
            return clause
    return leaf.path[0]


def _section_key(
    row: Row, left: Instrument, right: Instrument, current: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """(left unit eId, right unit eId) of the section a row belongs to.

    The right side decides (rows follow its order); a removed clause stays in the current
    section when it belongs to the same left unit.
    """
    left_unit = _unit(left.by_eid[row.left[0].eid]).eid if row.left else None
    if not row.right:
        return current if left_unit == current[0] else (left_unit, None)
    right_unit = _unit(right.by_eid[row.right[0].eid]).eid
    if right_unit == current[1]:
        return current
    return (left_unit, right_unit)


def _unit_title(eid: str | None, instrument: Instrument, label_style: LabelStyle) -> str | None:
    if eid is None:
        return None
    view = instrument.by_eid[eid]
    title = citation(view.path, style=label_style)
    return f"{title}: {view.clause.heading}" if view.clause.heading else title


def _heading(
    key: tuple[str | None, str | None],
    left: Instrument,
    right: Instrument,
    label_style: LabelStyle,
) -> Heading:
    left_eid, right_eid = key
    anchor = f"section-{left_eid}" if left_eid else f"section-right-{right_eid}"
    return Heading(
        anchor=anchor,
        left=_unit_title(left_eid, left, label_style),
        right=_unit_title(right_eid, right, label_style),
    )


def collapse(items: Sequence[Item], *, min_run: int = MIN_COLLAPSED_RUN) -> tuple[Fold, ...]:
    """Items in folds: at least ``min_run`` unchanged rows in a row (with the headings
    and markers among them) collapse. The heading of the section a changed row is in
    stays visible, and so does a heading with nothing but headings after it."""
    folds: list[Fold] = []
    run: list[Item] = []

    def put(part: Sequence[Item]) -> None:
        last_row = max((n for n, item in enumerate(part) if isinstance(item, Row)), default=-1)
        body, tail = part[: last_row + 1], part[last_row + 1 :]
        if sum(isinstance(item, Row) for item in body) >= min_run:
            folds.append(Fold(True, tuple(body)))
        else:
            _extend_open(folds, body)
        _extend_open(folds, tail)

    def flush(before_change: bool) -> None:
        last_heading = max(
            (n for n, item in enumerate(run) if isinstance(item, Heading)), default=-1
        )
        if before_change and last_heading >= 0:
            put(run[:last_heading])
            _extend_open(folds, [run[last_heading]])
            put(run[last_heading + 1 :])
        else:
            put(run)
        run.clear()

    for item in items:
        if isinstance(item, Row) and item.changed:
            flush(before_change=True)
            _extend_open(folds, [item])
        else:
            run.append(item)
    flush(before_change=False)
    return tuple(folds)


def _extend_open(folds: list[Fold], items: Sequence[Item]) -> None:
    if not items:
        return
    if folds and not folds[-1].collapsed:
        folds[-1] = Fold(False, (*folds[-1].items, *items))
    else:
        folds.append(Fold(False, tuple(items)))
