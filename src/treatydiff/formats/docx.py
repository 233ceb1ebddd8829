"""Word (DOCX) files, read as Word lays them out.

python-docx opens the package (zip, content types, relationships) and finds its parts;
its paragraph API skips the runs inside tracked insertions and smart tags and knows no
list numbers, so the WordprocessingML is walked here:

* Each body paragraph is a ``Block`` whose line is the paragraph's index (1-based, in
  document order, table paragraphs included). Automatic list numbers are computed from
  the numbering definitions (``docx_numbering``) and written before the text, as Word
  shows them. A table is read row by row: a row is one block, its cells in order.
* A paragraph is a heading when its style (or the paragraph) has an outline level, its
  style is a title or heading style, or it is a short centred or bold line that ends no
  sentence; the segmenter decides which headings open structure.
* Symbols inserted from a symbol font (``w:sym``) and Office Math are read as the
  characters they show (``docx_inline``).
* Headers, footers and comments are not read; a table of contents (its styles or
  content control), text boxes and hidden text are left out and reported. Footnotes and endnotes are
  kept apart as notes, their reference marks taken out of the text.
* Tracked changes: the text as it reads with every change accepted (insertions kept,
  deletions and moved-away text dropped), or with ``docx_revisions="original"`` the text
  before them; a paragraph mark inserted or deleted joins two paragraphs in one view.
  The text the view leaves out is reported (``Dropped`` "revision"), as a web page's
  ``<del>`` and ``<ins>`` are (``formats.html_tree``).
* A document holding several instruments is split into parts: at a section break
  followed by an outline heading (an act's schedule), and where article numbering starts
  again (see ``document.split``).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from treatydiff.errors import FormatError
from treatydiff.formats import docx_inline as inline
from treatydiff.formats import docx_numbering as numbering
from treatydiff.formats.document import (
    Document,
    Dropped,
    Note,
    NoteKind,
    format_number,
    split,
)
from treatydiff.formats.docx_numbering import ListNumbers, w
from treatydiff.formats.docx_styles import (
    TRUE,
    Styles,
    is_centered,
    numbering_of,
    on,
    outline_level,
)
from treatydiff.formats.options import ReadOptions, Revisions
from treatydiff.segment.blocks import Block, BlockRole

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_VAL = w("val")
_BODY_TEXT_LEVEL = 9  # w:outlineLvl 9 is body text
_HEADING_LENGTH = 160
_SENTENCE_ENDS = (".", ",", ";", ":")
_TOC_STYLE = re.compile(r"^toc(?:\s*\d+|\s*heading)?$", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^(?:heading\s*\d|title|subtitle)$", re.IGNORECASE)
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
# Containers whose content is read as if it stood in their place.
_TRANSPARENT = frozenset(
    w(tag) for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "dir", "bdo")
)
_INSERTED = frozenset({w("ins"), w("moveTo")})
_DELETED = frozenset({w("del"), w("moveFrom")})
_RUN_TEXT = {
    w("t"): None,
    w("delText"): None,
    w("tab"): "\t",
    w("ptab"): "\t",
    w("br"): "\n",
    w("cr"): "\n",
    w("noBreakHyphen"): "\u2011",
    w("softHyphen"): "\u00ad",
}
_NOTE_REFERENCES: dict[str, NoteKind] = {
    w("footnoteReference"): "footnote",
    w("endnoteReference"): "endnote",
}


@dataclass
class _Text:
    """The text of one paragraph as it is read, with what was found on the way."""

    view: Revisions
    styles: Styles
    paragraph_bold: bool
    pieces: list[str] = field(default_factory=list)
    length: int = 0
    bold: int = 0  # visible characters in bold
    visible: int = 0
    # each note reference: kind, note id, offset, whether the next run's text is its mark
    notes: list[tuple[NoteKind, str, int, bool]] = field(default_factory=list)
    text_boxes: list[str] = field(default_factory=list)
    hidden: list[str] = field(default_factory=list)  # text formatted hidden (w:vanish)
    revised: list[str] = field(default_factory=list)  # text the view of changes leaves out
    custom_mark: bool = False  # a note reference whose mark is the next run's text
    marks: list[str] = field(default_factory=list)

    def add(self, text: str, bold: bool) -> None:
        if self.custom_mark:
            self.custom_mark = False
            self.marks.append(text)
            return
        self.pieces.append(text)
        self.length += len(text)
        letters = sum(not c.isspace() for c in text)
        self.visible += letters
        self.bold += letters if bold else 0

    def read(self, element: etree._Element) -> None:
        """Read the inline content of ``element`` (a paragraph or an inline container)."""
        for child in element:
            tag = child.tag
            if tag == w("r"):
                self._run(child)
            elif tag in _TRANSPARENT:
                self.read(child)
            elif tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.read(content)
            elif tag in _INSERTED or tag in _DELETED:
                if self.view == ("accepted" if tag in _INSERTED else "original"):
                    self.read(child)
                else:  # the view read leaves it out: reported
                    self.revised.append(_plain(child, self.view, self.styles))
            elif tag == f"{{{_MC}}}AlternateContent":
                choice = child.find(f"{{{_MC}}}Choice")
                if choice is not None:
                    self.read(choice)
            elif tag in inline.MATH:
                self.add(inline.math_text(child), self.paragraph_bold)

    def _run(self, run: etree._Element) -> None:
        rpr = run.find(w("rPr"))
        bold = self.paragraph_bold
        if rpr is not None and on(rpr.find(w("vanish"))):
            # Word does not show it: left out, and reported.
            self.hidden.append("".join(t.text or "" for t in run.iter(w("t"), w("delText"))))
            return
        if rpr is not None:
            style = rpr.find(w("rStyle"))
            if style is not None and any(
                s.bold is not None for s in self.styles.chain(style.get(_VAL))
            ):
                bold = self.styles.bold(style.get(_VAL))
            if rpr.find(w("b")) is not None:
                bold = on(rpr.find(w("b")))
        for child in run:
            tag = child.tag
            if tag in _RUN_TEXT:
                text = _RUN_TEXT[tag] or (child.text or "")
                # a custom note mark stays as typed (``add``)
                self.add(text if self.custom_mark else inline.raised(text, rpr), bold)
            elif tag == w("sym"):
                self.add(inline.symbol(child), bold)
            elif tag in _NOTE_REFERENCES:
                custom = child.get(w("customMarkFollows")) in TRUE
                kind = _NOTE_REFERENCES[tag]
                self.notes.append((kind, child.get(w("id"), ""), self.length, custom))
                self.custom_mark = custom
            elif tag in (w("drawing"), w("pict"), w("object"), f"{{{_MC}}}AlternateContent"):
                for box in child.iter(w("txbxContent")):
                    if box.getparent() is not None and _inside_fallback(box):
                        continue
                    words = " ".join(_plain(p, self.view, self.styles) for p in box.iter(w("p")))
                    if words.strip():
                        self.text_boxes.append(words)

    def text(self) -> str:
        return "".join(self.pieces)


def _inside_fallback(element: etree._Element) -> bool:
    """Whether ``element`` stands in the fallback of an alternate content (read once, in
    its preferred choice)."""
    return any(a.tag == f"{{{_MC}}}Fallback" for a in element.iterancestors())


def _plain(paragraph: etree._Element, view: Revisions, styles: Styles) -> str:
    reader = _Text(view, styles, paragraph_bold=False)
    reader.read(paragraph)
    return reader.text()


@dataclass(frozen=True)
class _Paragraph:
    """One paragraph as read, before it becomes a block."""

    index: int
    text: str
    role: BlockRole
    # its style is a heading style (has an outline level, which the paragraph may override
    # to keep it out of the navigation pane): a section opening with one opens a part
    heading_style: bool
    contents: bool  # a table of contents entry
    section_end: bool  # the last paragraph of a Word section
    mark_present: bool  # the paragraph mark exists in the view read
    listed: bool = False  # opens with its automatic list number


class _Reader:
    """Walks the body of a document in order and makes its blocks."""

    def __init__(self, document: docx.document.Document, options: ReadOptions) -> None:
        self.view: Revisions = options.docx_revisions
        self.styles = Styles(_part_xml(document, RT.STYLES))
        style_numbers = {
            key: style.num_id
            for key, style in self.styles.styles.items()
            if style.num_id is not None
        }
        root = _part_xml(document, RT.NUMBERING)
        definitions = (
            numbering.EMPTY if root is None else numbering.read_definitions(root, style_numbers)
        )
        self.numbers = ListNumbers(definitions)
        self.definitions = definitions
        self.index = 0
        self.blocks: list[Block] = []
        self.starts: set[int] = set()
        self.dropped: list[Dropped] = []
        # each note reference: kind, note id, paragraph index, offset, its own mark if any
        self.references: list[tuple[NoteKind, str, int, int, str | None]] = []
        self.pending: list[_Paragraph] = []  # paragraphs whose mark the view removes
        self.section_start = False
        self.document = document

    # -- the body --------------------------------------------------------------------

    def body(self, element: etree._Element, *, contents: bool = False) -> None:
        for child in element:
            if child.tag == w("p"):
                self._emit(self._paragraph(child, contents=contents))
            elif child.tag == w("tbl"):
                self.table(child)
            elif child.tag == w("sdt"):
                content = child.find(w("sdtContent"))
                if content is not None:
                    self.body(content, contents=contents or _is_contents(child))
            elif child.tag == w("customXml"):
                self.body(child, contents=contents)

    def _paragraph(self, element: etree._Element, *, contents: bool = False) -> _Paragraph:
        """Read the next paragraph: its text (list number first), role and marks."""
        self.index += 1
        ppr = element.find(w("pPr"))
        props = ppr
        change = ppr.find(w("pPrChange")) if ppr is not None else None
        if self.view == "original" and change is not None and change.find(w("pPr")) is not None:
            props = change.find(w("pPr"))
        style_el = props.find(w("pStyle")) if props is not None else None
        style = style_el.get(_VAL) if style_el is not None else None
        name = self.styles.name(style)
        reader = _Text(self.view, self.styles, paragraph_bold=self.styles.bold(style))
        reader.read(element)
        text = reader.text()
        label = self._label(props, style)
        own_outline = outline_level(props)
        style_outline = self.styles.outline(style)
        outline = style_outline if own_outline is None else own_outline
        is_outline = outline is not None and outline < _BODY_TEXT_LEVEL
        centered = is_centered(props)
        centered = self.styles.centered(style) if centered is None else centered
        for kind, note_id, offset, custom in reader.notes:
            mark = reader.marks.pop(0) if custom and reader.marks else None
            self.references.append((kind, note_id, self.index, offset + len(label), mark))
        for box in reader.text_boxes:
            self.dropped.append(Dropped("text box", box, self.index))
        if "".join(reader.hidden).strip():
            self.dropped.append(Dropped("hidden", "".join(reader.hidden), self.index))
        if "".join(reader.revised).strip():
            self.dropped.append(Dropped("revision", " ".join(reader.revised), self.index))
        mark_rpr = ppr.find(w("rPr")) if ppr is not None else None
        paragraph = _Paragraph(
            index=self.index,
            text=label + text,
            role=_role(text, name, is_outline, centered, reader),
            heading_style=style_outline is not None and style_outline < _BODY_TEXT_LEVEL,
            contents=contents or bool(_TOC_STYLE.match(name)),
            section_end=ppr is not None and ppr.find(w("sectPr")) is not None,
            mark_present=_mark_present(mark_rpr, self.view),
            listed=bool(label),
        )
        return paragraph

    def _label(self, props: etree._Element | None, style: str | None) -> str:
        num_id, ilvl = numbering_of(props)
        if num_id is None:
            num_id, style_ilvl = self.styles.numbering(style)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if num_id is None or num_id == "0":
            return ""
        if ilvl is None:
            ilvl = self.definitions.level_of_style(num_id, style)
        return self.numbers.label(num_id, ilvl)

    def _emit(self, paragraph: _Paragraph) -> None:
        """Make ``paragraph`` a block, joined to those before it whose mark the view
        removes; a table of contents entry is left out."""
        if not paragraph.mark_present:
            self.pending.append(paragraph)
            return
        if self.pending:
            # The joined paragraph keeps the properties of the mark that remains.
            text = "".join(p.text for p in self.pending) + paragraph.text
            first = self.pending[0]
            paragraph = replace(paragraph, index=first.index, text=text, listed=first.listed)
            self.pending = []
        words = paragraph.text.strip()
        if paragraph.contents and words:
            self.dropped.append(Dropped("contents", words, paragraph.index))
        elif words:
            if self.section_start and paragraph.heading_style:
                self.starts.add(len(self.blocks))
            self.section_start = False
            block = Block(paragraph.text, paragraph.index, paragraph.role, listed=paragraph.listed)
            self.blocks.append(block)
        if paragraph.section_end:
            self.section_start = True

    def finish(self) -> None:
        """Emit the paragraphs still waiting for a mark: the document ends after them."""
        if self.pending:
            last = self.pending.pop()
            self._emit(replace(last, mark_present=True))

    def table(self, element: etree._Element) -> None:
        for row in _rows(element):
            trpr = row.find(w("trPr"))
            if not _mark_present(trpr, self.view):
                self.index += sum(1 for _ in row.iter(w("p")))
                continue
            self._row(row)

    def _row(self, row: etree._Element) -> None:
        """One block for a table row: its cells' paragraphs in order, each at its index."""
        text = ""
        spans: list[tuple[int, int]] = []
        first = self.index + 1
        for element in _cell_paragraphs(row):
            words = self._paragraph(element).text.strip()
            if words:
                if text:
                    text += " "
                spans.append((len(text), self.index))
                text += words
        if text:
            self.section_start = False
            self.blocks.append(Block(text, first, "text", tuple(spans[1:])))

    # -- notes -----------------------------------------------------------------------

    def notes(self) -> list[Note]:
        texts: dict[NoteKind, dict[str, str]] = {
            "footnote": self._note_texts(RT.FOOTNOTES, "footnote"),
            "endnote": self._note_texts(RT.ENDNOTES, "endnote"),
        }
        settings = _part_xml(self.document, RT.SETTINGS)
        counters: dict[NoteKind, int] = {"footnote": 0, "endnote": 0}
        notes: list[Note] = []
        for kind, note_id, line, offset, mark in self.references:
            fmt, start = _note_numbering(settings, kind)
            if mark is None:
                mark = format_number(start + counters[kind], fmt)
                counters[kind] += 1
            notes.append(Note(kind, mark, texts[kind].get(note_id, ""), line, offset))
        return notes

    def _note_texts(self, reltype: str, kind: NoteKind) -> dict[str, str]:
        root = _part_xml(self.document, reltype)
        if root is None:
            return {}
        out: dict[str, str] = {}
        for note in root.iter(w(kind)):
            if note.get(w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            paragraphs = [_plain(p, self.view, self.styles).strip() for p in note.iter(w("p"))]
            out[note.get(w("id"), "")] = " ".join(p for p in paragraphs if p)
        return out


def _rows(table: etree._Element) -> Iterator[etree._Element]:
    """The rows of ``table``, also those inside content controls."""
    for child in table:
        if child.tag == w("tr"):
            yield child
        elif child.tag == w("sdt") and (content := child.find(w("sdtContent"))) is not None:
            yield from _rows(content)


def _cell_paragraphs(container: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs of a row or cell in reading order, nested tables' included."""
    for child in container:
        if child.tag == w("p"):
            yield child
        elif child.tag in (w("tc"), w("customXml")):
            yield from _cell_paragraphs(child)
        elif child.tag == w("tbl"):
            for row in _rows(child):
                yield from _cell_paragraphs(row)
        elif child.tag == w("sdt") and (content := child.find(w("sdtContent"))) is not None:
            yield from _cell_paragraphs(content)


def _is_contents(sdt: etree._Element) -> bool:
    gallery = sdt.find(f"{w('sdtPr')}/{w('docPartObj')}/{w('docPartGallery')}")
    return gallery is not None and "contents" in gallery.get(_VAL, "").lower()


def _mark_present(rpr: etree._Element | None, view: Revisions) -> bool:
    """Whether a paragraph mark (or table row) with revision properties ``rpr`` exists
    in ``view``: an inserted one not in the original, a deleted one not once accepted."""
    if rpr is None:
        return True
    tags = {child.tag for child in rpr}
    if view == "accepted":
        return not tags & _DELETED
    return not tags & _INSERTED


def _role(text: str, style: str, outline: bool, centered: bool, reader: _Text) -> BlockRole:
    if outline or _HEADING_STYLE.match(style):
        return "heading"
    words = text.strip()
    line_like = 0 < len(words) <= _HEADING_LENGTH and not words.endswith(_SENTENCE_ENDS)
    all_bold = reader.visible > 0 and reader.bold == reader.visible
    return "heading" if line_like and (centered or all_bold) else "text"


# Word's defaults: footnotes 1, 2, 3; endnotes i, ii, iii (ECMA-376 Part 1, 17.11).
_NOTE_FORMATS: dict[NoteKind, tuple[str, int]] = {
    "footnote": ("decimal", 1),
    "endnote": ("lowerRoman", 1),
}


def _note_numbering(settings: etree._Element | None, kind: NoteKind) -> tuple[str, int]:
    """The number format and start of footnotes or endnotes (``w:footnotePr``)."""
    fmt, start = _NOTE_FORMATS[kind]
    props = settings.find(w(f"{kind}Pr")) if settings is not None else None
    if props is not None:
        fmt_el = props.find(w("numFmt"))
        start_el = props.find(w("numStart"))
        fmt = fmt_el.get(_VAL, fmt) if fmt_el is not None else fmt
        value = start_el.get(_VAL, "") if start_el is not None else ""
        start = int(value) if value.isdigit() else start
    return fmt, start


def _part_xml(document: docx.document.Document, reltype: str) -> etree._Element | None:
    try:
        part = document.part.part_related_by(reltype)
    except KeyError:
        return None
    try:
        return etree.fromstring(part.blob, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise FormatError(f"damaged Word file: {part.partname} is not XML ({exc})") from None


_OPEN_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    EOFError,
    PackageNotFoundError,
    etree.LxmlError,
)


# How much larger than the input limit a Word package may unpack to: its XML is some ten
# times the text it holds, and zip compresses XML about as much.
UNPACKED_PER_INPUT_BYTE = 4


def _refuse_a_bomb(data: bytes) -> None:
    """FormatError when the parts of the package ``data`` unpack to more than
    ``UNPACKED_PER_INPUT_BYTE`` times the input limit (``formats.reading.input_limit``): a file
    of a few kilobytes can unpack to gigabytes (a zip bomb), and python-docx reads every
    part into memory. The sizes the package declares bound what zipfile unpacks."""
    from treatydiff.formats.reading import current_input_limit

    most = UNPACKED_PER_INPUT_BYTE * current_input_limit()
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    if unpacked > most:
        raise FormatError(
            f"the Word package unpacks to {unpacked} bytes, more than {most} "
            f"({UNPACKED_PER_INPUT_BYTE} times the input limit, --max-bytes)"
        )


def read(data: bytes, *, lang: str = "en", options: ReadOptions | None = None) -> Document:
    """The instruments, notes and left-out text of the Word document ``data``.

    Raises FormatError for a file that is no readable Word document.
    """
    try:
        _refuse_a_bomb(data)
        document = docx.Document(io.BytesIO(data))
    except _OPEN_ERRORS as exc:
        raise FormatError(f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    root = document.element
    body = root.find(w("body")) if root.tag == w("document") else None
    if body is None:
        raise FormatError("not a readable Word document: it has no body")
    reader = _Reader(document, options or ReadOptions())
    reader.body(body)
    reader.finish()
    return Document(
        parts=split(reader.blocks, starts=frozenset(reader.starts), lang=lang),
        notes=tuple(reader.notes()),
        dropped=tuple(reader.dropped),
        title=(document.core_properties.title or "").strip(),
    )
