"""What the layout importers (Word, HTML) make of a document before segmentation.

A layout document is read into ``Block``s (with roles from its styles and markup), the
notes kept apart from them, and the text left out with the reason for it (each reported
with its line as a guess of the instrument it stood in, kind "left out", which
``show --explain`` lists and the JSON carries as ``warnings``); the blocks are
split into the instruments the document holds (an act and the convention it schedules).
The segmenter then builds each instrument's clause tree as for every other format.

Footnotes and endnotes are recorded here, never merged into clause text, and attached as
notes to the clauses whose paragraphs cite them (``segment.notes``).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from treatydiff.errors import FormatError
from treatydiff.formats.un_text_title import preface_of
from treatydiff.model import Clause, Guess, Instrument
from treatydiff.model import Note as ModelNote
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.markers import read_marker
from treatydiff.segment.notes import attach
from treatydiff.segment.tree import segment

NoteKind = Literal["footnote", "endnote"]

# Why text of a source was left out of the clauses.
DropReason = Literal[
    "contents",  # a table of contents (generated from the headings)
    "navigation",  # a web page's menus, bars and sidebars
    "footer",  # a web page's footer: copyright, licence, contact
    "boilerplate",  # other page furniture: a copyright line, text outside <main>
    "hidden",  # text a page hides and that is no language view; hidden Word text
    "other language",  # the blocks of a bilingual page in the language not chosen
    "text box",  # a Word text box (floating, outside the reading order)
    "editorial",  # a publisher's summary or commentary, no words of the instrument
    "note call",  # a footnote call (a raised mark after a word), kept out of the words
    "revision",  # text a tracked change takes out of the view read (Word, an HTML <del>)
]


@dataclass(frozen=True)
class Note:
    """A footnote or endnote of the source, kept apart from the clause text.

    ``mark`` is the number or sign the reader sees ("1", "iv", "*"); ``line`` is the
    position of the reference (the paragraph index in a Word file) and ``offset`` the
    character offset in that paragraph's text where the mark stood.
    """

    kind: NoteKind
    mark: str
    text: str
    line: int
    offset: int


@dataclass(frozen=True)
class Dropped:
    """Text of the source left out of the clauses, where it stood and why."""

    reason: DropReason
    text: str
    line: int


@dataclass(frozen=True)
class Part:
    """One instrument of a document: its title and the blocks of its text."""

    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Document:
    """A layout document as read: its instruments, notes and the text left out.

    ``title`` is the document's own title (Word's document properties, an HTML
    ``<title>``), for a part that has no title block of its own.
    """

    parts: tuple[Part, ...]
    notes: tuple[Note, ...] = ()
    dropped: tuple[Dropped, ...] = ()
    title: str = ""


_CONTAINERS = frozenset({"part", "chapter", "section", "title", "subsection"})
_SENTENCE_ENDS = (".", ",", ";", ":")


def structure_of(text: str, *, lang: str) -> Clause | None:
    """The structural unit a heading with ``text`` opens ("Article 3", "CHAPTER II",
    "Preamble"), as the segmenter reads it in ``lang``, or None for any other text."""
    # A heading alone makes no clause: a line of text follows it.
    clauses = segment([Block(text, 1, "heading"), Block("text", 2)], lang=lang)
    if not clauses:
        return None
    clause = clauses[0]
    if clause.kind == "article" or clause.kind in _CONTAINERS:
        return clause
    if clause.kind == "preamble" and clause.heading:
        return clause
    return None


def mark_captions(blocks: Sequence[Block], *, lang: str) -> list[Block]:
    """``blocks`` with each heading that directly follows an article or container
    heading, and opens no structure itself, made its caption ("CHAPTER I" /
    "PURPOSES AND PRINCIPLES")."""
    out: list[Block] = []
    opened = False  # the block before is a structural heading
    for block in blocks:
        if block.role == "heading":
            structure = structure_of(block.text, lang=lang)
            if opened and structure is None:
                block = Block(block.text, block.line, "caption", block.spans)
            opened = structure is not None and structure.kind != "preamble"
        else:
            opened = False
        out.append(block)
    return out


_CROSS_HEADING_WORDS = 8


def mark_cross_headings(blocks: Sequence[Block], *, lang: str) -> list[Block]:
    """``blocks`` with each cross-heading made one (role "crossheading"): a paragraph of
    its own, after the first structural heading, of at most eight words that opens with
    a capital, ends no sentence, opens no structure and no list item, and stands right
    before an article heading (the UN Charter's "Functions and Powers", "Voting").

    A layout source gives paragraph boundaries: such a line is never words of the clause
    before it, nor a paragraph of the article it closes.
    """
    out = list(blocks)
    opened = False  # a structural heading came before: the body has begun
    for i, block in enumerate(blocks):
        words = display_text(block.text)
        structure = structure_of(words, lang=lang) if words else None
        if structure is not None and structure.kind != "preamble":
            opened = True
            continue
        if not opened or block.role not in ("text", "heading") or i + 1 == len(blocks):
            continue
        if (
            words[:1].isupper()
            and len(words.split()) <= _CROSS_HEADING_WORDS
            and not words.endswith(_SENTENCE_ENDS)
            and read_marker(words) is None
            and _opens_article(blocks[i + 1], lang)
        ):
            out[i] = Block(block.text, block.line, "crossheading", block.spans)
    return out


def _opens_article(block: Block, lang: str) -> bool:
    structure = structure_of(display_text(block.text), lang=lang)
    return structure is not None and structure.kind == "article"


def split(blocks: Sequence[Block], *, starts: frozenset[int], lang: str) -> tuple[Part, ...]:
    """The instruments ``blocks`` hold, each with its title.

    A part starts at each index in ``starts`` (where the format shows a new instrument:
    a Word section that opens with an outline heading) and where article numbering
    starts again at 1 (a convention's annexed statute): there the part takes the title
    headings just before the first article. A part's title is its first block when that
    is a heading, or a short line that ends no sentence and opens no structure.
    """
    cuts = sorted({0, *(i for i in starts if 0 < i < len(blocks)), *_restarts(blocks, lang)})
    parts: list[Part] = []
    for begin, end in zip(cuts, [*cuts[1:], len(blocks)], strict=True):
        chunk = list(blocks[begin:end])
        if not chunk:
            continue
        first = chunk[0]
        if _is_title(first, lang=lang):
            parts.append(Part(first.text, tuple(chunk[1:])))
        else:
            parts.append(Part("", tuple(chunk)))
    return tuple(parts)


def _is_title(block: Block, *, lang: str) -> bool:
    if structure_of(block.text, lang=lang) is not None:
        return False
    if block.role in ("heading", "caption"):
        return True
    text = block.text.strip()
    return len(text) <= 200 and not text.endswith(_SENTENCE_ENDS)


def _restarts(blocks: Sequence[Block], lang: str) -> list[int]:
    """Indexes where a new instrument starts because article numbering starts again."""
    cuts: list[int] = []
    seen_article = False
    for i, block in enumerate(blocks):
        if block.role != "heading" and len(block.text) >= 60:
            continue  # the segmenter reads an article heading only in a heading or short line
        structure = structure_of(block.text, lang=lang)
        if structure is None or structure.kind != "article":
            continue
        if structure.num == "1" and seen_article:
            start = i
            while start > 0 and _opens_no_article(blocks[start - 1], lang):
                start -= 1
            cuts.append(start)
        seen_article = True
    return cuts


def _opens_no_article(block: Block, lang: str) -> bool:
    """Whether ``block`` is a heading that may stand above a first article: a title, a
    container heading or its caption."""
    if block.role != "heading":
        return False
    structure = structure_of(block.text, lang=lang)
    return structure is None or structure.kind != "article"


_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def format_number(n: int, fmt: str) -> str:
    """List number ``n`` in format ``fmt``, named as Word names them (``w:numFmt``; an
    HTML ``<ol type>`` is one of them): decimal, decimalZero, lowerLetter / upperLetter
    (a..z, aa..zz), lowerRoman / upperRoman, ordinal, none; any other is decimal."""
    if fmt == "none":
        return ""
    if fmt in ("lowerLetter", "upperLetter") and n > 0:
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman") and n > 0:
        roman = _roman(n)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "ordinal":
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return str(n)


def part_titles(document: Document) -> list[str]:
    """The title of each instrument the document holds, in order (``FILE#N`` is the Nth)."""
    return [part.title or document.title for part in document.parts]


def instrument(document: Document, *, part: int, lang: str) -> Instrument:
    """Instrument number ``part`` (1-based) of ``document``, segmented in ``lang``.

    Raises FormatError when the document holds fewer parts.
    """
    if not document.parts:
        raise FormatError("no text found in the document")
    if part > len(document.parts):
        raise FormatError(f"the file holds {len(document.parts)} instrument(s), not {part}")
    chosen = document.parts[part - 1]
    blocks = mark_cross_headings(mark_captions(chosen.blocks, lang=lang), lang=lang)
    # The adoption and entry-into-force lines under the title: a preface, as in a text.
    taken, metadata, preface = preface_of(blocks, lang=lang)
    body = segment(blocks[taken:], lang=lang)
    lines = {block.line for block in chosen.blocks}
    cited = [
        (note.line, ModelNote(note.mark, display_text(note.text)))
        for note in document.notes
        if note.line in lines
    ]
    return Instrument(
        id="",
        title=chosen.title or document.title,
        body=attach((preface, *body) if preface else body, cited),
        metadata=metadata,
        guesses=_left_out(document, part),
    )


# What a text left out was taken for, as ``show --explain`` says it.
_LEFT_OUT_AS: dict[DropReason, str] = {
    "contents": "a table of contents",
    "navigation": "page navigation (a menu, a bar, a page header)",
    "footer": "the page's footer",
    "boilerplate": "page furniture (a notice, a control, text outside the main content)",
    "hidden": "hidden text, or fallback text the page does not show",
    "other language": "another language of the page",
    "text box": "a text box, outside the reading order",
    "editorial": "a publisher's summary or commentary",
    "note call": "a footnote call",
    "revision": "text a tracked change takes out of the view read",
}
# Reasons whose pieces repeat the instrument's own words (its headings, its text in the
# language not chosen): told in one guess each, how many blocks from which line.
_TOLD_IN_SUM: tuple[DropReason, ...] = ("contents", "other language")


def _left_out(document: Document, part: int) -> tuple[Guess, ...]:
    """A guess (kind "left out") for each text of ``document`` left out of the clauses
    (``Document.dropped``) that stood in instrument number ``part`` (1-based): from its
    first block on (the first instrument also takes what stood before it) to the next
    instrument's first block; ``_TOLD_IN_SUM`` reasons in one guess each."""
    starts = [p.blocks[0].line if p.blocks else 0 for p in document.parts]
    owned = [d for d in document.dropped if max(bisect_right(starts, d.line), 1) == part]
    guesses = [
        Guess("left out", d.line, d.text, _LEFT_OUT_AS[d.reason])
        for d in owned
        if d.reason not in _TOLD_IN_SUM
    ]
    for reason in _TOLD_IN_SUM:
        lines = [d.line for d in owned if d.reason == reason]
        if lines:
            what = f"{len(lines)} block(s) to line {max(lines)}"
            guesses.append(Guess("left out", min(lines), what, _LEFT_OUT_AS[reason]))
    return tuple(sorted(guesses, key=lambda guess: guess.line or 0))
