"""A comparison as a Word document: the right text with the left text's words as tracked
changes, or both texts side by side in a table.

The tracked layout is the document a ministry accepts or rejects change by change: the
right instrument is the document; words only the left has are deletions (``w:del``),
words only the right has insertions (``w:ins``), author "treatydiff" or the one given;
a clause added or removed is a paragraph inserted or deleted whole, its mark too; a
clause split or merged has its paragraph marks inserted or deleted, so that rejecting
joins the pieces again; a clause moved with its words unchanged is a Word move
(``w:moveFrom`` where it stood, ``w:moveTo`` where it went), a moved clause whose words
changed is deleted where it stood and inserted where it went, with a comment at each end.
Titles, article headings and clause numbers ("1.", "(a)") are paragraphs and runs like
the rest, so accepting every change gives the right instrument as ``document_text`` lays
it out and rejecting every change gives the left one.

The table layout sets the two texts in two columns, row by row in the same order, deleted
words struck through on the left, inserted words underlined on the right.

Both return the bytes of a .docx package, the same bytes for the same input and date
(``wordml.deterministic_package``). python-docx (the ``documents`` extra) writes the
package; it is imported here and in ``render.wordml`` only.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from treatydiff.engine.comparison import Alignment, Comparison
from treatydiff.errors import MissingExtraError
from treatydiff.model import Clause, Instrument, LeafView

try:
    import docx
except ImportError:
    # Before the WordprocessingML helpers, which import python-docx too: the message
    # names the extra wherever this module is imported first.
    raise MissingExtraError(
        "Word output needs python-docx: pip install 'treatydiff[documents]'"
    ) from None

from treatydiff.render.wordml import (
    Piece,
    Revisions,
    changed,
    deterministic_package,
    merge_pieces,
    run,
    run_properties,
    word_diff,
)
from treatydiff.report.figures import percent
from treatydiff.report.sides import SideLabels, side_labels
from treatydiff.report.spans import side_spans
from treatydiff.segment.labels import citation

DocxLayout = Literal["tracked", "table"]
DOCX_LAYOUTS: tuple[DocxLayout, ...] = ("tracked", "table")
DEFAULT_AUTHOR = "treatydiff"

# Kinds of clause that head a stretch of the document, and their heading level.
_HEADING_LEVELS = {"part": 1, "chapter": 1, "section": 1, "title": 1, "subsection": 2, "article": 2}
_INK = {"delete": "8A3500", "insert": "00466E"}  # the HTML report's colours


@dataclass(frozen=True)
class Para:
    """One paragraph of one instrument as the document lays it out: the title, a
    heading (an article, a part...) or a leaf clause with its number prefix."""

    kind: Literal["title", "heading", "clause"]
    eid: str
    prefix: str
    text: str
    level: int  # heading level; for a clause, its depth below its article

    @property
    def key(self) -> tuple[str, str]:
        """The paragraph's identity in its instrument: a leaf article is a heading and
        a clause under one eId."""
        return (self.kind, self.eid)


def paragraphs(instrument: Instrument) -> list[Para]:
    """The instrument as the Word document lays it out, paragraph by paragraph: its
    title, then each leaf clause in document order, after the headings of the articles
    and parts it opens."""
    out = [Para("title", "", "", instrument.title, 0)]
    opened: set[str] = set()
    for leaf in instrument.leaves:
        for clause in leaf.path:
            if clause.kind in _HEADING_LEVELS and clause.eid not in opened:
                opened.add(clause.eid)
                out.append(
                    Para("heading", clause.eid, "", _heading(clause), _HEADING_LEVELS[clause.kind])
                )
        out.append(Para("clause", leaf.clause.eid, _prefix(leaf), leaf.clause.text, _depth(leaf)))
    return out


def document_text(instrument: Instrument) -> list[str]:
    """The text of each paragraph of ``paragraphs(instrument)``: what accepting (right
    side) or rejecting (left side) every change of a tracked document gives."""
    return [para.prefix + para.text for para in paragraphs(instrument)]


def _heading(clause: Clause) -> str:
    words = clause.kind.capitalize()
    head = f"{words} {clause.num}" if clause.num else words
    return f"{head}: {clause.heading}" if clause.heading else head


def _prefix(leaf: LeafView) -> str:
    """The numbers a leaf clause's paragraph starts with: its own ("(a) ") and those of
    the paragraphs it opens ("1. " before a chapeau)."""
    parts: list[str] = []
    for clause in leaf.path:
        if clause.kind not in ("paragraph", "point") or not clause.num:
            continue
        first = next(clause.walk()) if clause.is_leaf else _first_leaf(clause)
        if first is leaf.clause:
            parts.append(f"{clause.num}." if clause.kind == "paragraph" else f"({clause.num})")
    return " ".join(parts) + " " if parts else ""


def _first_leaf(clause: Clause) -> Clause:
    while clause.children:
        clause = clause.children[0]
    return clause


def _depth(leaf: LeafView) -> int:
    return sum(clause.kind in ("paragraph", "point", "indent") for clause in leaf.ancestors)


# --- the plan: which paragraphs of the two sides make one paragraph, in what order ----


@dataclass(frozen=True)
class _Unit:
    """Paragraphs of the left side (indices into its ``paragraphs``) shown with those of
    the right side: a pair of titles or headings, or an alignment."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    alignment: Alignment | None = None


@dataclass(frozen=True)
class _Block:
    """One step of the document: a unit, or one side's paragraph alone (``side``)."""

    side: Literal["both", "left", "right"]
    unit: _Unit | None = None
    index: int = 0  # the paragraph, for one side alone


def _plan(comparison: Comparison, left: list[Para], right: list[Para]) -> list[_Block]:
    """The blocks of the document: units whose paragraphs stand in the same order on
    both sides (titles, paired headings, alignments not moved) as one block each, every
    other paragraph alone, the left side's before the right side's where both wait.
    Rejecting every change reads the left paragraphs in order, accepting the right."""
    left_at = {para.key: n for n, para in enumerate(left)}
    right_at = {para.key: n for n, para in enumerate(right)}
    units = [_Unit((0,), (0,))]
    paired_headings: set[tuple[int, int]] = set()
    for alignment in comparison.alignments:
        if not alignment.left or not alignment.right or alignment.moved:
            continue
        units.append(
            _Unit(
                tuple(left_at[("clause", eid)] for eid in alignment.left),
                tuple(right_at[("clause", eid)] for eid in alignment.right),
                alignment,
            )
        )
        # The headings right above the first clauses of a pair pair too, from the
        # innermost out, while their levels agree.
        for i, j in zip(
            reversed(_headings_above(left, units[-1].left[0])),
            reversed(_headings_above(right, units[-1].right[0])),
            strict=False,
        ):
            if left[i].level != right[j].level:
                break
            paired_headings.add((i, j))
    units += [_Unit((i,), (j,)) for i, j in paired_headings]
    anchored = _in_order(units)
    left_unit = {i: unit for unit in anchored for i in unit.left}
    right_unit = {j: unit for unit in anchored for j in unit.right}
    blocks: list[_Block] = []
    next_left = 0
    for j in range(len(right)):
        unit = right_unit.get(j)
        if unit is None:
            blocks.append(_Block("right", index=j))
            continue
        if j != unit.right[0]:
            continue
        while next_left < unit.left[0]:
            blocks.append(_Block("left", index=next_left))
            next_left += 1
        blocks.append(_Block("both", unit))
        next_left = unit.left[-1] + 1
    blocks += [_Block("left", index=i) for i in range(next_left, len(left)) if i not in left_unit]
    return blocks


def _headings_above(paras: list[Para], index: int) -> list[int]:
    """The headings a clause paragraph comes right after (none when a clause stands
    between)."""
    out: list[int] = []
    while index > 0 and paras[index - 1].kind == "heading":
        index -= 1
        out.insert(0, index)
    return out


def _in_order(units: Sequence[_Unit]) -> list[_Unit]:
    """The units that can stand as one block: each side's paragraphs consecutive, and
    every unit after the previous one on both sides (the others show as their sides'
    paragraphs alone)."""
    out: list[_Unit] = []
    last_left = last_right = -1
    for unit in sorted(units, key=lambda u: (u.right[0], u.left[0])):
        consecutive = all(
            list(side) == list(range(side[0], side[0] + len(side)))
            for side in (unit.left, unit.right)
        )
        if consecutive and unit.left[0] > last_left and unit.right[0] > last_right:
            out.append(unit)
            last_left, last_right = unit.left[-1], unit.right[-1]
    return out


# --- rendering -------------------------------------------------------------------------


def comparison_docx(
    comparison: Comparison,
    *,
    labels: SideLabels | None = None,
    layout: DocxLayout = "tracked",
    author: str = DEFAULT_AUTHOR,
    date: datetime | None = None,
) -> bytes:
    """The comparison as a .docx package: ``tracked`` (the right text with the left
    text's words as tracked changes by ``author`` at ``date``; None: no date is stated)
    or ``table`` (the two texts side by side). The page header names both sides
    (``labels``; None: their defaults). ValueError for another layout; importing this
    module raises MissingExtraError when python-docx is not installed."""
    if layout not in DOCX_LAYOUTS:
        raise ValueError(f"no Word layout {layout!r}")
    names = labels or side_labels(comparison.left, comparison.right)
    document = docx.Document()
    left, right = paragraphs(comparison.left), paragraphs(comparison.right)
    blocks = _plan(comparison, left, right)
    revisions = Revisions(author=author, date=date)
    if layout == "tracked":
        header = f"Tracked changes: {names.left} (deleted) \N{RIGHTWARDS ARROW} {names.right}"
        _Tracked(document, comparison, left, right, revisions).write(blocks)
    else:
        header = f"Left: {names.left} \N{EM DASH} Right: {names.right}"
        _table(document, comparison, left, right, blocks, names)
    document.sections[0].header.paragraphs[0].text = header
    properties = document.core_properties
    # Core properties hold at most 255 characters each.
    properties.title = comparison.right.title[:255]
    properties.subject = f"{names.left} compared with {names.right}"[:255]
    properties.author = properties.last_modified_by = author
    properties.comments = "Made by treatydiff"
    properties.revision = 1
    properties.keywords = ""
    if date is not None:
        properties.created = properties.modified = date
    else:
        _drop_dates(properties)
    data = io.BytesIO()
    document.save(data)
    return deterministic_package(data.getvalue(), date)


def _drop_dates(properties: Any) -> None:
    """No creation or change time: the package states none rather than the time of the
    run."""
    from docx.oxml.ns import qn

    element = properties._element  # python-docx has no API to remove a property
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        for found in element.findall(qn(tag)):
            element.remove(found)


def _style(para: Para) -> str:
    if para.kind == "title":
        return "Title"
    if para.kind == "heading":
        return f"Heading {para.level}"
    return "Normal"


class _Tracked:
    """Writes the blocks of a plan as paragraphs with tracked changes."""

    def __init__(
        self,
        document: Any,
        comparison: Comparison,
        left: list[Para],
        right: list[Para],
        revisions: Revisions,
    ) -> None:
        self.document = document
        self.comparison = comparison
        self.left, self.right = left, right
        self.revisions = revisions
        self.moves: dict[str, str] = {}  # first left eId of a move -> the move's name
        self.whole: list[Any] = []  # paragraphs inserted, deleted or moved whole
        self.alignment_of = {
            (side, eid): alignment
            for alignment in comparison.alignments
            for side, eids in (("left", alignment.left), ("right", alignment.right))
            for eid in eids
        }

    def write(self, blocks: Sequence[_Block]) -> None:
        """Append the paragraphs of ``blocks`` to the document."""
        for block in blocks:
            if block.side == "both":
                assert block.unit is not None
                self._both(block.unit)
            else:
                self._alone(block.side, block.index)
        self.revisions.shift_whole_marks(self.document.element.body, self.whole)

    def _paragraph(self, para: Para) -> Any:
        paragraph = self.document.add_paragraph(style=_style(para))
        if para.kind == "clause" and para.level:
            paragraph.paragraph_format.left_indent = _indent(para.level)
        return paragraph

    def _both(self, unit: _Unit) -> None:
        if unit.alignment is None:
            before, after = self.left[unit.left[0]], self.right[unit.right[0]]
            paragraph = self._paragraph(after)
            for element in self.revisions.pieces(word_diff(before.text, after.text)):
                paragraph._p.append(element)
            return
        for para, pieces, mark in _alignment_paragraphs(
            unit.alignment,
            [self.left[i] for i in unit.left],
            [self.right[j] for j in unit.right],
        ):
            paragraph = self._paragraph(para)
            for element in self.revisions.pieces(pieces):
                paragraph._p.append(element)
            self.revisions.mark(paragraph._p, mark)

    def _alone(self, side: Literal["left", "right"], index: int) -> None:
        para = (self.left if side == "left" else self.right)[index]
        paragraph = self._paragraph(para)
        self.whole.append(paragraph._p)
        alignment = self.alignment_of.get((side, para.eid)) if para.kind == "clause" else None
        text = para.prefix + para.text
        if alignment is not None and alignment.moved and _movable(alignment):
            kind: Literal["moveFrom", "moveTo"] = "moveFrom" if side == "left" else "moveTo"
            name = self.moves.setdefault(alignment.left[0], f"move{len(self.moves) + 1}")
            self.revisions.move(paragraph._p, kind, name, [run(text, deleted=side == "left")])
            self.revisions.mark(paragraph._p, kind)
            return
        kind_of: Literal["delete", "insert"] = "delete" if side == "left" else "insert"
        for element in self.revisions.pieces([Piece(kind_of, text)]):
            paragraph._p.append(element)
        self.revisions.mark(paragraph._p, "del" if side == "left" else "ins")
        if alignment is not None and alignment.left and alignment.right:
            self._comment(paragraph, side, alignment)

    def _comment(self, paragraph: Any, side: str, alignment: Alignment) -> None:
        """A note on a clause shown deleted where it stood and inserted where it went."""
        left, right = self.comparison.left, self.comparison.right
        there = " + ".join(citation(right.by_eid[eid].path) for eid in alignment.right)
        here = " + ".join(citation(left.by_eid[eid].path) for eid in alignment.left)
        if alignment.moved:
            note = f"Moved to {there}" if side == "left" else f"Moved from {here}"
        else:  # a split or merge across a heading: its pieces do not stand together
            note = f"Paired with {there if side == 'left' else here}"
        if alignment.status != "identical":
            note += f" and changed (similarity {percent(alignment.similarity)})"
        anchor = paragraph.add_run("")
        comment = self.document.add_comment(
            anchor, text=note + ".", author=self.revisions.author, initials="TD"
        )
        comment._comment_elm.date = self.revisions.date  # python-docx stamps the time of the run


def _movable(alignment: Alignment) -> bool:
    """A Word move: one clause whose words did not change (its number may)."""
    return len(alignment.left) == len(alignment.right) == 1 and (
        alignment.left_texts == alignment.right_texts
    )


def _indent(level: int) -> Any:
    from docx.shared import Cm

    return Cm(0.75 * level)


def _alignment_paragraphs(
    alignment: Alignment, left: Sequence[Para], right: Sequence[Para]
) -> list[tuple[Para, list[Piece], Literal["plain", "ins", "del"]]]:
    """The paragraphs of an alignment, each with its pieces and what its mark is: a new
    paragraph where a clause of either side ends; its mark inserted where only a right
    clause ends (a split), deleted where only a left one does (a merge). Each
    paragraph opens with its clauses' number prefixes."""
    out: list[tuple[Para, list[Piece], Literal["plain", "ins", "del"]]] = []
    at_left = at_right = 0
    pieces = changed(left[0].prefix, right[0].prefix)
    for op in alignment.diff:
        new_left, new_right = op.left_clause != at_left, op.right_clause != at_right
        if new_left or new_right:
            mark: Literal["plain", "ins", "del"] = (
                "plain" if new_left and new_right else "ins" if new_right else "del"
            )
            out.append((right[at_right], pieces, mark))
            at_left, at_right = op.left_clause, op.right_clause
            opening = left[at_left].prefix if new_left else ""
            pieces = changed(opening, right[at_right].prefix if new_right else "")
        # Words the engine found equal may differ in form (quotes, dashes): word by word.
        pieces += word_diff(op.left, op.right) if op.op == "equal" else changed(op.left, op.right)
    out.append((right[at_right], pieces, "plain"))
    return [(para, merge_pieces(p), mark) for para, p, mark in out]


def _table(
    document: Any,
    comparison: Comparison,
    left: list[Para],
    right: list[Para],
    blocks: Sequence[_Block],
    names: SideLabels,
) -> None:
    """The two texts side by side: a row per block, the column heads repeated on every
    page; deleted words struck through, inserted ones underlined (formatting, not
    tracked changes)."""
    from docx.oxml import OxmlElement

    table = document.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    head = table.rows[0]
    repeat = OxmlElement("w:tblHeader")
    head._tr.get_or_add_trPr().append(repeat)
    heads = (f"Left: {names.left}", f"Right: {names.right}")
    for cell, text in zip(head.cells, heads, strict=True):
        cell.paragraphs[0]._p.append(run(text, props=run_properties(bold=True)))
    for block in blocks:
        row = table.add_row().cells
        if block.side != "both":
            para = (left if block.side == "left" else right)[block.index]
            kind: Literal["delete", "insert"] = "delete" if block.side == "left" else "insert"
            cell = row[0 if block.side == "left" else 1]
            _cell_paragraph(cell.paragraphs[0], para, [Piece(kind, para.text)])
            other = row[1 if block.side == "left" else 0]
            where = "right" if block.side == "left" else "left"
            note = f"Not in the {where} text." if para.kind == "clause" else ""
            other.paragraphs[0]._p.append(run(note, props=run_properties(color="595959")))
            continue
        unit = block.unit
        assert unit is not None
        for column, side, paras, indices in (
            (0, "left", left, unit.left),
            (1, "right", right, unit.right),
        ):
            cell = row[column]
            spans = (
                side_spans(unit.alignment, side)  # type: ignore[arg-type]
                if unit.alignment is not None
                else [()] * len(indices)
            )
            for n, (index, own) in enumerate(zip(indices, spans, strict=True)):
                paragraph = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
                para = paras[index]
                pieces = [Piece(span.kind, span.text) for span in own] or [
                    Piece("equal", para.text)
                ]
                _cell_paragraph(paragraph, para, pieces)


def _cell_paragraph(paragraph: Any, para: Para, pieces: Sequence[Piece]) -> None:
    bold = para.kind != "clause"
    if para.prefix:
        paragraph._p.append(run(para.prefix, props=run_properties(bold=bold)))
    for piece in merge_pieces(pieces):
        props = run_properties(
            bold=bold,
            strike=piece.kind == "delete",
            underline=piece.kind == "insert",
            color=_INK.get(piece.kind),
        )
        paragraph._p.append(run(piece.text, props=props))
