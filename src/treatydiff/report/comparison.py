"""Report models: what a comparison report and a synopsis show, before any markup.

Built from a ``Comparison`` (or several) only; the renderers in ``render.py`` turn these
frozen dataclasses into HTML or Markdown. Rows follow the order of the alignments (the
right side's document order, a removed clause after its left predecessor); a moved
clause stands at its new place, with a marker where it used to be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from itertools import combinations
from typing import Literal

from treatydiff.engine.classify import defined_term
from treatydiff.engine.comparison import (
    CLAUSE_SEPARATOR,
    Alignment,
    Comparison,
    DiffOp,
    Status,
    Summary,
)
from treatydiff.errors import InputError
from treatydiff.model import Clause, Instrument, LeafView
from treatydiff.normalize import comparison_key
from treatydiff.segment.labels import LabelStyle, citation

SpanKind = Literal["equal", "insert", "delete"]
RowShape = Literal["pair", "split", "merge", "added", "removed"]

# A run of at least this many unchanged rows is collapsed behind a count.
MIN_COLLAPSED_RUN = 3
# Least share of words for a synopsis to name an unpaired clause's closest clause
# elsewhere. Measured on the OPSC's clauses against Lanzarote, Budapest, the OPAC and the
# CRC: the median best word similarity is 0.28 to 0.33, related clauses left unpaired
# score 0.5 to 0.75 (OPSC art. 2 (c) and Lanzarote art. 20 (2): 0.54). Character
# similarity does not separate them: unrelated clauses reach 0.5 to 0.66 on it.
CLOSEST_FLOOR = 0.5

STATUS_WORDS: dict[Status, str] = {
    "identical": "identical",
    "formatting": "formatting only",
    "modified": "modified",
    "added": "added",
    "removed": "removed",
}


@dataclass(frozen=True)
class Span:
    """A piece of clause text: unchanged, inserted (right side) or deleted (left side)."""

    kind: SpanKind
    text: str


@dataclass(frozen=True)
class Cell:
    """One clause on one side of a row, with the spans of its text."""

    eid: str
    label: str  # UN citation style: "article 3, paragraph 1 (a)"
    short_label: str  # "art. 3(1)(a)"
    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True)
class Row:
    """One alignment: a pair, a split or merge (one row), an added or a removed clause.

    ``anchor`` is the row's id in a page: the first left eId, or for an added clause its
    right eId (prefixed ``right-`` when a left clause has the same eId); ``aliases`` are
    the other eIds that lead to this row. ``redline`` is the inline view: deletions and
    insertions in reading order. ``moved_from`` is the anchor of the marker left where a
    moved clause used to be.
    """

    anchor: str
    aliases: tuple[str, ...]
    status: Status
    shape: RowShape
    moved: bool
    similarity: float
    tags: tuple[str, ...]
    left: tuple[Cell, ...]
    right: tuple[Cell, ...]
    redline: tuple[Span, ...]
    moved_from: str | None = None
    kind: Literal["row"] = "row"

    @property
    def changed(self) -> bool:
        """Anything a reader should look at: changed words, added, removed or moved."""
        return self.moved or self.status not in ("identical", "formatting")

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
    def status_text(self) -> str:
        words = STATUS_WORDS[self.status]
        if self.shape in ("split", "merge"):
            words = f"{words}, {self.shape}"
        return f"{words}, moved" if self.moved else words


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
        if self.left and self.right:
            if self.left == self.right:
                return self.left
            return f"{self.left} \N{LEFT RIGHT ARROW} {self.right}"
        if self.left:
            return f"{self.left} (left text)"
        return f"{self.right} (right text)"


Item = Row | MovedMarker | Heading


@dataclass(frozen=True)
class Block:
    """Consecutive items; a collapsed block holds a run of unchanged rows."""

    collapsed: bool
    items: tuple[Item, ...]

    @property
    def row_count(self) -> int:
        return sum(isinstance(item, Row) for item in self.items)

    @property
    def span(self) -> str:
        """Which sections the block covers: "article 2", "preamble to article 9"."""
        titles = [item.title for item in self.items if isinstance(item, Heading)]
        if len(titles) > 1:
            return f"{titles[0]} to {titles[-1]}"
        return titles[0] if titles else ""


@dataclass(frozen=True)
class Section:
    """The rows under one heading, for reports that list changes article by article."""

    heading: Heading
    rows: tuple[Row, ...]

    @property
    def changed_rows(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.changed)


@dataclass(frozen=True)
class SideInfo:
    """The facts about one instrument that a report's header shows."""

    id: str
    title: str
    version: str | None
    source: str | None
    sha256: str | None
    format: str | None
    language: str | None
    clauses: int


@dataclass(frozen=True)
class ComparisonReport:
    left: SideInfo
    right: SideInfo
    summary: Summary
    options: tuple[tuple[str, str], ...]
    items: tuple[Item, ...]
    differences: bool

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(item for item in self.items if isinstance(item, Row))

    @property
    def changed_rows(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if row.changed)

    @property
    def blocks(self) -> tuple[Block, ...]:
        return collapse(self.items)

    @property
    def sections(self) -> tuple[Section, ...]:
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
        return tuple((status, self.summary.count(status)) for status in STATUS_WORDS)


# --- building a comparison report ----------------------------------------------------


def build_report(comparison: Comparison, *, label_style: LabelStyle = "un") -> ComparisonReport:
    """The report of ``comparison``; clause labels and section titles in ``label_style``
    (each cell also carries its short label)."""
    left, right = comparison.left, comparison.right
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
        left=side_info(left),
        right=side_info(right),
        summary=comparison.summary,
        options=tuple(
            (f.name, str(getattr(comparison.options, f.name))) for f in fields(comparison.options)
        ),
        items=_count_changes(items),
        differences=comparison.has_differences,
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


def side_info(instrument: Instrument) -> SideInfo:
    meta = instrument.metadata
    return SideInfo(
        id=instrument.id,
        title=instrument.title,
        version=meta.version,
        source=meta.source,
        sha256=meta.sha256,
        format=meta.format,
        language=meta.language,
        clauses=len(instrument.leaves),
    )


def _row(
    alignment: Alignment,
    left: Instrument,
    right: Instrument,
    left_eids: set[str],
    label_style: LabelStyle,
) -> Row:
    left_spans, right_spans, redline = _spans(alignment.diff)
    left_cells = _cells(alignment.left, left, left_spans, label_style)
    right_cells = _cells(alignment.right, right, right_spans, label_style)
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
        similarity=alignment.similarity,
        tags=alignment.tags,
        left=left_cells,
        right=right_cells,
        redline=redline,
        moved_from=f"moved-from-{anchor}" if alignment.moved else None,
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


def _spans(
    diff: Sequence[DiffOp],
) -> tuple[list[Span], list[Span], tuple[Span, ...]]:
    """Spans of the left text, of the right text, and of the inline redline.

    The left spans (equal and delete) concatenate to the left text, the right spans
    (equal and insert) to the right text; so do the redline's, but its equal spans show
    the right side's form of the words.
    """
    left: list[Span] = []
    right: list[Span] = []
    redline: list[Span] = []
    for op in diff:
        if op.op == "equal":
            left.append(Span("equal", op.left))
            right.append(Span("equal", op.right))
            redline.append(Span("equal", op.right))
            continue
        left += _marked("delete", op.left)
        right += _marked("insert", op.right)
        # A space both sides share around a replacement is not part of the change.
        lead = _shared(_lead(op.left), _lead(op.right)) if op.left and op.right else ""
        trail = _shared(_trail(op.left), _trail(op.right)) if op.left and op.right else ""
        redline += [
            Span("equal", lead),
            Span("delete", op.left[len(lead) : len(op.left) - len(trail)]),
            Span("insert", op.right[len(lead) : len(op.right) - len(trail)]),
            Span("equal", trail),
        ]
    return _merged(left), _merged(right), tuple(_merged(redline))


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" "))]


def _trail(text: str) -> str:
    return text[len(text.rstrip(" ")) :]


def _shared(a: str, b: str) -> str:
    return a if a == b else ""


def _marked(kind: SpanKind, text: str) -> list[Span]:
    """A changed run on its own side, with the spaces around its words left unmarked."""
    lead, trail = _lead(text), _trail(text)
    if len(lead) == len(text):
        return [Span(kind, text)]
    return [
        Span("equal", lead),
        Span(kind, text[len(lead) : len(text) - len(trail)]),
        Span("equal", trail),
    ]


def _merged(spans: list[Span]) -> list[Span]:
    """Adjacent spans of one kind joined, empty ones dropped."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].kind == span.kind:
            out[-1] = Span(span.kind, out[-1].text + span.text)
        else:
            out.append(span)
    return out


def _cells(
    eids: Sequence[str], instrument: Instrument, spans: list[Span], label_style: LabelStyle
) -> tuple[Cell, ...]:
    """One cell per clause: the side's spans cut where the clause texts were joined."""
    pieces: list[list[Span]] = [[]]
    for span in spans:
        for n, part in enumerate(span.text.split(CLAUSE_SEPARATOR)):
            if n:
                pieces.append([])
            if part:
                pieces[-1].append(Span(span.kind, part))
    if len(pieces) != len(eids) and eids:
        raise ValueError(f"diff of {', '.join(eids)} holds {len(pieces)} texts, not {len(eids)}")
    return tuple(
        Cell(
            eid=eid,
            label=citation(instrument.by_eid[eid].path, style=label_style),
            short_label=citation(instrument.by_eid[eid].path, style="short"),
            spans=tuple(piece),
        )
        for eid, piece in zip(eids, pieces, strict=False)
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


def collapse(items: Sequence[Item], *, min_run: int = MIN_COLLAPSED_RUN) -> tuple[Block, ...]:
    """Items in blocks: runs of at least ``min_run`` unchanged rows (with the headings and
    markers among them) collapse. The heading of the section a changed row is in stays
    visible, and so does a heading with nothing but headings after it."""
    blocks: list[Block] = []
    run: list[Item] = []

    def put(part: Sequence[Item]) -> None:
        last_row = max((n for n, item in enumerate(part) if isinstance(item, Row)), default=-1)
        body, tail = part[: last_row + 1], part[last_row + 1 :]
        if sum(isinstance(item, Row) for item in body) >= min_run:
            blocks.append(Block(True, tuple(body)))
        else:
            _extend_open(blocks, body)
        _extend_open(blocks, tail)

    def flush(before_change: bool) -> None:
        last_heading = max(
            (n for n, item in enumerate(run) if isinstance(item, Heading)), default=-1
        )
        if before_change and last_heading >= 0:
            put(run[:last_heading])
            _extend_open(blocks, [run[last_heading]])
            put(run[last_heading + 1 :])
        else:
            put(run)
        run.clear()

    for item in items:
        if isinstance(item, Row) and item.changed:
            flush(before_change=True)
            _extend_open(blocks, [item])
        else:
            run.append(item)
    flush(before_change=False)
    return tuple(blocks)


def _extend_open(blocks: list[Block], items: Sequence[Item]) -> None:
    if not items:
        return
    if blocks and not blocks[-1].collapsed:
        blocks[-1] = Block(False, (*blocks[-1].items, *items))
    else:
        blocks.append(Block(False, tuple(items)))


# --- synopsis of a family of instruments ------------------------------------------------


@dataclass(frozen=True)
class Match:
    """The counterpart of an anchor clause in another instrument.

    ``paired``: the comparison paired the two clauses, and ``similarity`` is theirs.
    Otherwise ``term`` names the term both clauses define, when they define the same one
    (a definition is the surest lineage, whatever words it uses), or else this is the
    clause of the other instrument sharing most words with the anchor clause; either way
    ``similarity`` is their word similarity (see ``closest_by_words``).
    """

    instrument: str  # id of the other instrument
    labels: tuple[str, ...]
    eids: tuple[str, ...]
    status: Status | None  # of the alignment, when paired
    similarity: float
    moved: bool
    paired: bool
    link: str  # the pairwise report and the row: "opsc--opac.html#art_12__para_1"
    term: str | None = None

    @property
    def label(self) -> str:
        return " + ".join(self.labels)


@dataclass(frozen=True)
class Lineage:
    """One clause of the anchor instrument and its closest clause in each other one."""

    eid: str
    label: str
    short_label: str
    text: str
    matches: tuple[Match | None, ...]  # one per other instrument, in synopsis order


@dataclass(frozen=True)
class Synopsis:
    """A family of instruments: pairwise similarity and the anchor's clause lineage.

    ``matrix[i][j]`` is the overall similarity of instruments i and j (the comparison of
    the earlier against the later one); ``pairs`` names each pairwise report of the
    anchor, one per other instrument.
    """

    instruments: tuple[SideInfo, ...]
    matrix: tuple[tuple[float, ...], ...]
    lineage: tuple[Lineage, ...]
    pairs: tuple[str, ...]

    @property
    def anchor(self) -> SideInfo:
        return self.instruments[0]

    @property
    def others(self) -> tuple[SideInfo, ...]:
        return self.instruments[1:]


def pair_filename(left_id: str, right_id: str, suffix: str = ".html") -> str:
    """File name of the pairwise report of two instruments, for links between reports."""
    return f"{_slug(left_id)}--{_slug(right_id)}{suffix}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "instrument"


Compare = Callable[[Instrument, Instrument], Comparison]


def family_comparisons(
    instruments: Sequence[Instrument], compare: Compare
) -> dict[tuple[int, int], Comparison]:
    """Every pair (i, j) with i < j compared, the earlier instrument on the left."""
    return {(i, j): compare(instruments[i], instruments[j]) for i, j in _pairs(instruments)}


def _pairs(instruments: Sequence[Instrument]) -> list[tuple[int, int]]:
    return list(combinations(range(len(instruments)), 2))


def build_synopsis(
    instruments: Sequence[Instrument],
    comparisons: dict[tuple[int, int], Comparison],
    *,
    pair_folder: str = "",
) -> Synopsis:
    """The synopsis of ``instruments`` (the first is the anchor) from their pairwise
    comparisons, as ``family_comparisons`` makes them; links to the pairwise reports point
    into ``pair_folder`` (relative to the synopsis page). InputError for fewer than two
    instruments or a repeated id."""
    if len(instruments) < 2:
        raise InputError("a synopsis needs at least two instruments")
    ids = [inst.id for inst in instruments]
    if len(set(ids)) != len(ids):
        raise InputError(f"instrument ids repeat: {', '.join(ids)}")
    size = len(instruments)
    matrix = [[1.0] * size for _ in range(size)]
    for (i, j), comparison in comparisons.items():
        matrix[i][j] = matrix[j][i] = comparison.summary.similarity
    anchor = instruments[0]
    prefix = f"{pair_folder.rstrip('/')}/" if pair_folder else ""
    pairs = tuple(prefix + pair_filename(anchor.id, other.id) for other in instruments[1:])
    found: list[dict[str, Match]] = []
    for j, pair in enumerate(pairs, start=1):
        found.append(_counterparts(comparisons[(0, j)], pair))
    lineage = tuple(
        Lineage(
            eid=leaf.clause.eid,
            label=citation(leaf.path),
            short_label=citation(leaf.path, style="short"),
            text=leaf.clause.text,
            matches=tuple(by_eid.get(leaf.clause.eid) for by_eid in found),
        )
        for leaf in anchor.leaves
    )
    return Synopsis(
        instruments=tuple(side_info(inst) for inst in instruments),
        matrix=tuple(tuple(row) for row in matrix),
        lineage=lineage,
        pairs=pairs,
    )


def _counterparts(comparison: Comparison, page: str) -> dict[str, Match]:
    """For each left clause of a comparison, the right clauses paired with it; or else
    the first right clause defining the same term; or else the right clause sharing most
    of its words, when that reaches CLOSEST_FLOOR."""
    right = comparison.right
    out: dict[str, Match] = {}
    unpaired: list[str] = []
    for alignment in comparison.alignments:
        if not alignment.left:
            continue
        if not alignment.right:
            unpaired.extend(alignment.left)
            continue
        match = Match(
            instrument=right.id,
            labels=tuple(citation(right.by_eid[eid].path) for eid in alignment.right),
            eids=alignment.right,
            status=alignment.status,
            similarity=alignment.similarity,
            moved=alignment.moved,
            paired=True,
            link=f"{page}#{alignment.left[0]}",
        )
        for eid in alignment.left:
            out[eid] = match
    queries = [comparison.left.by_eid[eid].clause.text for eid in unpaired]
    choices = [leaf.clause.text for leaf in right.leaves]
    definitions: dict[str, int] = {}
    for position, text in enumerate(choices):
        defined = defined_term(text)
        if defined is not None:
            definitions.setdefault(defined, position)
    for eid, query, (closest, score) in zip(
        unpaired, queries, closest_by_words(queries, choices), strict=True
    ):
        term = defined_term(query)
        if term is not None and term in definitions:
            index = definitions[term]
            ((_, score),) = closest_by_words([query], [choices[index]])
        elif closest is None or score < CLOSEST_FLOOR:
            continue
        else:
            index, term = closest, None
        leaf = right.leaves[index]
        out[eid] = Match(
            instrument=right.id,
            labels=(citation(leaf.path),),
            eids=(leaf.clause.eid,),
            status=None,
            similarity=score,
            moved=False,
            paired=False,
            link=f"{page}#right-{leaf.clause.eid}",
            term=term,
        )
    return out


_WORD = re.compile(r"\w+")


def closest_by_words(
    queries: Sequence[str], choices: Sequence[str]
) -> list[tuple[int | None, float]]:
    """For each query, the index of the choice sharing most of its words in order, and
    their word similarity (0..1): the Indel similarity of the word sequences, on the
    comparison key. The first of equal choices wins; None when there is no choice."""
    from rapidfuzz import fuzz, process

    vocabulary: dict[str, str] = {}

    def encoded(text: str) -> str:
        # Each distinct word becomes one character, so a character measure counts words.
        words = _WORD.findall(comparison_key(text).casefold())
        return "".join(vocabulary.setdefault(w, chr(0x10000 + len(vocabulary))) for w in words)

    targets = [encoded(text) for text in choices]
    out: list[tuple[int | None, float]] = []
    for query in queries:
        found = process.extractOne(encoded(query), targets, scorer=fuzz.ratio)
        out.append((None, 0.0) if found is None else (found[2], found[1] / 100.0))
    return out


SYNOPSIS_SCHEMA = "treatydiff.synopsis/1"


def synopsis_dict(synopsis: Synopsis) -> dict[str, object]:
    """The JSON shape of a synopsis (similarities rounded to four decimals)."""
    others = [inst.id for inst in synopsis.others]
    return {
        "schema": SYNOPSIS_SCHEMA,
        "anchor": synopsis.anchor.id,
        "instruments": [
            {
                "id": inst.id,
                "title": inst.title,
                "version": inst.version,
                "source": inst.source,
                "sha256": inst.sha256,
                "clauses": inst.clauses,
            }
            for inst in synopsis.instruments
        ],
        "similarity": [[round(value, 4) for value in row] for row in synopsis.matrix],
        "lineage": [
            {
                "id": clause.eid,
                "label": clause.label,
                "matches": {
                    other: None
                    if match is None
                    else {
                        "ids": list(match.eids),
                        "labels": list(match.labels),
                        "paired": match.paired,
                        "term": match.term,
                        "status": match.status,
                        "moved": match.moved,
                        "similarity": round(match.similarity, 4),
                        "report": match.link,
                    }
                    for other, match in zip(others, clause.matches, strict=True)
                },
            }
            for clause in synopsis.lineage
        ],
    }
