"""The comparison report model: what a report of one comparison shows, before any markup.

Built from a ``Comparison`` only; ``treatydiff.render`` turns these frozen dataclasses
into HTML or Markdown. A report is a stream of items (``report.rows``): rows (one per
alignment), headings (one per article or other section) and markers (where a moved clause
stood). Rows follow the order of the alignments (the right side's document order, a removed
clause after its left predecessor); a moved clause stands at its new place, with a marker
where it used to be. ``report.folds`` folds runs of unchanged rows away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, replace

from treatydiff.engine.comparison import Alignment, Comparison, Status, Summary
from treatydiff.model import Clause, Instrument, LeafView
from treatydiff.report.folds import Fold, collapse
from treatydiff.report.rows import (
    STATUS_WORDS,
    Cell,
    Heading,
    Item,
    MovedMarker,
    Row,
    RowShape,
)
from treatydiff.report.sides import SideLabels, side_labels, version_name
from treatydiff.report.spans import Span, redline, side_spans
from treatydiff.segment.labels import LabelStyle, citation, placed


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
