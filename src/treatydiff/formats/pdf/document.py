"""A PDF read into the instruments it holds, each as text lines for the un-text reader.

The body lines (furniture and notes taken out, damage repaired) are numbered 1, 2, ...
in reading order over the whole document; the page map says where each page starts.
Paragraphs are told apart by the layout: a change of type size by half or more, a gap of
more than a line and a half, or a first line indented further than the line before it
when that one ends the paragraph before (short of the margin, or with a stop), and not
between two centered lines, as a wrapped title or caption is set; nor under the word
after a list item's marker, where a hanging indent sets the item's lines; nor after a
cross-reference word ("subparagraph" / "(e), the Committee"), nor inside a heading in
capitals that wraps. A paragraph of its own, centered or in capitals, that starts with a
structure word and goes on with a caption ("Article 12. Security and control of
documents", "SECTION 1. COSTS ...", "I. General provisions") is given as a heading line
and a caption.

A document holds several instruments when the opening words of an instrument ("The
States Parties to ...", "The General Assembly,", "Preamble", "Article 1") follow a title
block that names one ("Annex II" / "Protocol to Prevent ...": set larger, in capitals or
centered) and that starts a page or follows a gap; a few preface lines may stand between
a title set larger and the opening ("Entrada en vigor: 12 de febrero de 2002"). The
first instrument's title block runs from the top of its page; pages before it (cover,
foreword, contents) and bracketed editorial labels in a title block ("[ENGLISH TEXT —
TEXTE ANGLAIS]") are front matter, reported, not read. Where that block is only the
preamble's heading ("PREÁMBULO" / "Los Estados Partes ..."), the heading opens the body
and the title is the front matter's last paragraph set larger that names an instrument
(a booklet's title page). A domestic act printed after the first instrument (its
approval or ratification: a line holding only its designation in capitals, "DECRETO No.
705") is an instrument of its own, its designation its title. A page range that starts
inside an instrument is read from its first line, as body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from treatydiff import lang
from treatydiff.formats.pdf.extract import read_pages
from treatydiff.formats.pdf.furniture import Aside, Metrics, metrics, sort_out
from treatydiff.formats.pdf.layout import Line, page_lines
from treatydiff.formats.pdf.repair import Repair, repair
from treatydiff.formats.un_text_layout import TextLine, body_start, reference_end
from treatydiff.normalize import display_text
from treatydiff.segment.markers import read_marker
from treatydiff.segment.vocabulary import alternatives

_LABEL = re.compile(r"^\[.*\]$")


@dataclass(frozen=True)
class _Words:
    """The patterns of one language that tell the parts and headings of a PDF apart."""

    opening: re.Pattern[str]  # the opening words of an instrument's body
    instrument: re.Pattern[str]  # a word naming an instrument, in a title block
    headed: re.Pattern[str]  # a heading with its caption on one line (groups head, caption)
    structure: re.Pattern[str]  # a heading line, which is no title
    reference: re.Pattern[str]  # a cross-reference word ending a line ("subparagraph")
    preamble: re.Pattern[str]  # the preamble's heading alone ("PREÁMBULO")
    act: re.Pattern[str]  # a domestic act's designation alone, in capitals ("DECRETO No. 705")


@cache
def _words(code: str) -> _Words:
    """The patterns of language ``code``; a resolution opens "The General Assembly," in
    English (other languages list their resolution's opening among their body openers)."""
    language = lang.get(code)
    resolution = r"|^The General Assembly\b" if code == "en" else ""
    words = (*language.article_words, *language.container_words)
    heads = alternatives(dict.fromkeys(f for w in words for f in (w.capitalize(), w.upper())))
    number = alternatives(("1", *language.article_one_words))
    return _Words(
        opening=re.compile(rf"{body_start(code).pattern}{resolution}"),
        instrument=re.compile(rf"\b(?:{alternatives(language.instrument_words)})\b", re.IGNORECASE),
        headed=re.compile(
            rf"^(?P<head>(?:{heads})\s+(?:\d+[a-z]?|[IVXLC]+|{number})|[IVXLC]+)\.?\s+"
            r"(?P<caption>\S.*)$"
        ),
        structure=re.compile(rf"^(?:(?:{heads})\s+(?:\d+|[IVXLC]+|{number})\b|[IVXLC]+\.\s)"),
        reference=reference_end(code),
        preamble=re.compile(rf"^(?:{alternatives(language.preamble_words)})\.?$"),
        act=re.compile(
            rf"^(?:{alternatives(w.upper() for w in language.act_words)})\s+"
            r"(?:N[oOº°]|NR)\.?\s*\d+[\w/-]*\.?$"
        ),
    )


@dataclass(frozen=True)
class Part:
    """One instrument of the document: its lines, title block first.

    ``start`` is the index in ``lines`` where the body starts (None: where the opening
    words stand, as un-text finds them).
    """

    number: int
    title: str
    first_page: int
    last_page: int
    lines: tuple[TextLine, ...]
    start: int | None


@dataclass(frozen=True)
class Document:
    """What a PDF holds: its instruments, the text kept out of them, the repairs made.

    ``pages`` is the page map, "PAGE:LINE ..." (see ``Metadata.pages``).
    """

    parts: tuple[Part, ...]
    asides: tuple[Aside, ...]
    repairs: tuple[Repair, ...]
    pages: str


def read(
    data: bytes, *, source: str, pages: tuple[int, int] | None = None, lang: str = "en"
) -> Document:
    """The instruments of the PDF ``data`` (of ``pages`` only, when given), told apart by
    the words of language ``lang``.

    Raises what ``extract.read_pages`` raises, LanguageError for an unknown language.
    """
    words = _words(lang)
    read_ = read_pages(data, source=source, pages=pages)
    laid_out = [page_lines(page) for page in read_]
    measure = metrics(laid_out)
    heights = {page.number: page.height for page in read_}
    body, asides = sort_out(laid_out, heights, measure)
    body, repairs = repair(body)
    items = _text_lines(body, measure, words)
    parts, front = _parts(items, measure, words)
    firsts: dict[int, int] = {}
    for number, line in enumerate(body, 1):
        firsts.setdefault(line.page, number)
    page_map = " ".join(f"{page}:{first}" for page, first in firsts.items())
    return Document(tuple(parts), tuple(asides + front), tuple(repairs), page_map)


# An item: a text line with the layout line it came from (None for a paragraph break).
_Item = tuple[TextLine, Line | None]


def _text_lines(body: list[Line], measure: Metrics, words: _Words) -> list[_Item]:
    """The body as numbered text lines, a blank line at each paragraph break."""
    paragraphs: list[list[tuple[int, Line]]] = []
    previous: Line | None = None
    for number, line in enumerate(body, 1):
        if previous is None or (
            _breaks(previous, line, measure)
            and not _goes_on(previous, line)
            and not _cites_on(previous, line, words)
            and not _heading_goes_on(paragraphs[-1], line, measure, words)
        ):
            paragraphs.append([])
        paragraphs[-1].append((number, line))
        previous = line
    items: list[_Item] = []
    for paragraph in paragraphs:
        if items:
            items.append((TextLine(items[-1][0].number, ""), None))
        items.extend(_paragraph_lines(paragraph, words))
    return items


# Lines set this many times larger than their neighbours are another paragraph: the box
# heights of capitals and of small letters of one font differ by less.
_NEW_SIZE = 1.5


def _breaks(before: Line, after: Line, measure: Metrics) -> bool:
    """Whether a new paragraph starts at ``after``."""
    if max(before.size, after.size) > _NEW_SIZE * min(before.size, after.size):
        return True  # a title set large, then the text under it
    same_column = before.page == after.page and before.left == after.left
    if same_column and after.top > before.top:
        pitch = measure.pitch * max(before.size, after.size) / measure.size
        if after.bottom - before.bottom > 1.45 * pitch:
            return True
    if before.centered and after.centered or _hangs(before, after):
        return False
    # A first line indented further than the last line of the paragraph before, which
    # ends short of the margin or with a stop; a full line before it is a list item's
    # first line, and the indented line goes on with it (a hanging indent).
    step = 0.8 * after.size
    ended = before.x1 < before.right - 2 * before.size or before.text.endswith((".", ":", ";"))
    return ended and after.indent > step and after.indent > before.indent + step


def _hangs(before: Line, after: Line) -> bool:
    """Whether ``after`` goes on with the list item that ``before`` opens, set with a
    hanging indent: it starts under the first word after the item's marker ("i)   La
    obligación ... de la" / "      Autoridad conforme a ..."), and opens no item of its
    own (a nested list may be set there too)."""
    marker = read_marker(before.text)
    if marker is None or read_marker(after.text) is not None:
        return False
    words = len(before.text[: marker.end].split())
    return words < len(before.starts) and abs(after.x0 - before.starts[words]) < 0.5 * after.size


def _heading_goes_on(
    paragraph: list[tuple[int, Line]], after: Line, measure: Metrics, words: _Words
) -> bool:
    """Whether ``after`` is the next line of a heading in capitals with its caption
    ("SECTION 1. COÛTS POUR LES ÉTATS PARTIES ET" / "ARRANGEMENTS INSTITUTIONNELS"): in
    capitals too, the same size, right below, and opening no structure of its own. A
    heading wrapped in a typed document is indented as it pleases, not as a paragraph."""
    before = paragraph[-1][1]
    first = paragraph[0][1]
    if not words.headed.match(first.text) or words.structure.match(after.text):
        return False
    if not all(_capitals(line.text) for _, line in paragraph) or not _capitals(after.text):
        return False
    pitch = measure.pitch * max(before.size, after.size) / measure.size
    return (
        before.page == after.page
        and abs(after.size - before.size) < 0.1 * before.size
        and 0 < after.bottom - before.bottom <= 1.45 * pitch
    )


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _goes_on(before: Line, after: Line) -> bool:
    """Whether ``after`` goes on with the sentence ``before`` leaves open: set in the
    same size, ``before`` ends on a letter, with no stop, colon or comma, and ``after``
    starts with a small letter ("... con ocasión de su" / "disolución;"). No paragraph
    ends there, however far below the next line stands (a double-spaced page, a page
    break); a logo's word in small letters is set in another size."""
    end, start = before.text.rstrip()[-1:], after.text.lstrip()[:1]
    same_size = abs(before.size - after.size) < 0.1 * max(before.size, after.size)
    return same_size and end.isalpha() and start.isalpha() and start.islower()


def _cites_on(before: Line, after: Line, words: _Words) -> bool:
    """Whether ``before`` ends on a cross-reference word in small letters ("... the
    provisions of subparagraph") and ``after`` starts with a number or a bracketed letter:
    the number it cites, however far below ("(e), the Committee ..."). No paragraph ends
    there."""
    end = words.reference.search(before.text.rstrip())
    cited = _CITED.match(after.text) is not None
    return cited and end is not None and end.group().strip()[:1].islower()


_CITED = re.compile(r"^(?:\(\w{1,4}\)|\d)")


def _paragraph_lines(paragraph: list[tuple[int, Line]], words: _Words) -> list[_Item]:
    """The lines of one paragraph; a heading with a caption, centered or in capitals,
    split in two."""
    number, first = paragraph[0]
    headed = words.headed.match(first.text)
    lines = [line for _, line in paragraph]
    set_apart = all(line.centered for line in lines) or all(_capitals(x.text) for x in lines)
    if headed and set_apart:
        items: list[_Item] = [
            (TextLine(number, headed["head"], "heading"), first),
            (TextLine(number, headed["caption"], "caption"), first),
        ]
        items.extend((TextLine(n, line.text.strip(), "caption"), line) for n, line in paragraph[1:])
        return items
    return [(TextLine(n, line.text.strip()), line) for n, line in paragraph]


# --- parts -----------------------------------------------------------------------------


def _parts(items: list[_Item], measure: Metrics, words: _Words) -> tuple[list[Part], list[Aside]]:
    """The instruments in ``items``, and the front matter before the first one."""
    openings: list[tuple[int, int]] = []  # (index of the title block, of the body)
    for k, (text, line) in enumerate(items):
        if line is None or not words.opening.match(text.text) or not _starts_paragraph(items, k):
            continue
        block = _title_block(items, k, measure, words)
        if not openings:
            openings.append(_first_title(items, block, k))
        elif (
            block is not None
            and block > openings[-1][1]
            and _names_instrument(items, block, k, measure, words)
        ):
            openings.append((block, k))
    if not openings:
        lines = [text for text, _ in items]
        return [_part(1, lines, items, None)], []
    # A domestic act printed after a treaty ("ACUERDO No.317", "DECRETO No. 705": its
    # approval, its ratification) is no words of the treaty: an instrument of its own,
    # its designation its title.
    acts = [
        (k, k + 1)
        for k, (text, line) in enumerate(items)
        if k > openings[0][1] and line is not None and words.act.match(text.text)
    ]
    openings = sorted(openings + acts)
    cover = _cover_title(items, openings[0], measure, words)
    if cover is not None:
        # The preamble's heading stands where the title would: it opens the body.
        openings[0] = (openings[0][0], openings[0][0])
    title = range(*cover) if cover is not None else range(0)
    front = _front_matter(
        [item for k, item in enumerate(items[: openings[0][0]]) if k not in title]
    )
    parts: list[Part] = []
    for n, (begin, opening) in enumerate(openings):
        end = openings[n + 1][0] if n + 1 < len(openings) else len(items)
        # An editorial label above the title ("[ENGLISH TEXT — TEXTE ANGLAIS]") is no
        # part of it: front matter.
        labels = [k for k in range(begin, opening) if _LABEL.match(items[k][0].text)]
        front += _front_matter([items[k] for k in labels])
        above = [items[k] for k in title] if n == 0 else []
        chunk = above + [item for k, item in enumerate(items[begin:end], begin) if k not in labels]
        start = len(above) + opening - begin - len(labels)
        parts.append(_part(n + 1, [text for text, _ in chunk], chunk, start))
    return parts, front


def _cover_title(
    items: list[_Item], first: tuple[int, int], measure: Metrics, words: _Words
) -> tuple[int, int] | None:
    """Where the first instrument's title stands in the front matter (start and end
    indexes), when the lines above its opening words hold only the preamble's heading
    ("PREÁMBULO" / "Los Estados Partes ..."): the last paragraph set larger than the
    text that names an instrument ("CONVENCIÓN SOBRE" / "LOS DERECHOS DEL NIÑO", of a
    booklet's title page). None for another title block, or none such above it."""
    begin, opening = first
    heading = [text.text for text, line in items[begin:opening] if line is not None]
    if not heading or not all(words.preamble.match(text) for text in heading):
        return None
    end = begin
    for j in range(begin - 1, -1, -1):
        if items[j][1] is not None and j > 0:
            continue
        start = j if items[j][1] is not None else j + 1  # the paragraph items[start:end]
        lines = [line for _, line in items[start:end] if line is not None]
        if (
            lines
            and all(line.size >= 1.15 * measure.size for line in lines)
            and words.instrument.search(" ".join(text.text for text, _ in items[start:end]))
        ):
            return start, end
        end = j
    return None


def _part(number: int, lines: list[TextLine], items: list[_Item], start: int | None) -> Part:
    pages = [line.page for _, line in items if line is not None]
    title_lines = lines[:start] if start is not None else []
    title = display_text(" ".join(line.text for line in title_lines))
    return Part(number, title, min(pages, default=0), max(pages, default=0), tuple(lines), start)


def _starts_paragraph(items: list[_Item], k: int) -> bool:
    return k == 0 or items[k - 1][1] is None or items[k - 1][0].role is not None


def _title_like(line: Line, measure: Metrics, words: _Words) -> bool:
    letters = [c for c in line.text if c.isalpha()]
    capitals = len(letters) >= 3 and all(c.isupper() for c in letters)
    larger = line.size >= 1.15 * measure.size
    return (line.centered or larger or capitals) and not words.structure.match(line.text)


# Lines of a preface that may stand between a title block and the opening words of its
# instrument ("Asamblea General - Resolución A/RES/54/263 ..." / "Entrada en vigor: ...").
_PREFACE_LINES = 4


def _title_block(items: list[_Item], k: int, measure: Metrics, words: _Words) -> int | None:
    """Index of the first line of the title block just above the opening at ``k``, on
    its page (or the page before, when the opening starts its page); None if none. A few
    lines of a preface may stand between them when the title is set larger."""
    first: int | None = None
    page: int | None = None
    preface = 0
    for j in range(k - 1, -1, -1):
        line = items[j][1]
        if line is None:
            continue
        page = line.page if page is None else page
        if line.page != page:
            break
        if _title_like(line, measure, words):
            if preface and first is None and line.size < 1.15 * measure.size:
                return None  # text above the opening, and no title set larger above it
            first = j
        elif first is None and preface < _PREFACE_LINES:
            preface += 1
        else:
            break
    return first


def _names_instrument(
    items: list[_Item], block: int, opening: int, measure: Metrics, words: _Words
) -> bool:
    """A title block that names an instrument and stands apart: atop its page, or after
    a blank line."""
    title = " ".join(text.text for text, _ in items[block:opening])
    if not words.instrument.search(title):
        return False
    head = items[block][1]
    before = next((line for _, line in reversed(items[:block]) if line is not None), None)
    if head is None or before is None or before.page != head.page:
        return True
    return head.bottom - before.bottom > 1.45 * measure.pitch


def _first_title(items: list[_Item], block: int | None, opening: int) -> tuple[int, int]:
    """Where the first instrument's title and body start: the title at the top of the
    page of its title block, or of its opening when no paragraph of running text (two
    lines or more that fill the column) stands above it there; else (a page range that
    starts inside the text) all is body."""
    if block is not None:
        return _page_start(items, block), opening
    top = _page_start(items, opening)
    full = 0
    for _, line in items[top:opening]:
        if line is None:
            full = 0
        elif line.x1 >= line.right - 2 * line.size:
            full += 1
            if full >= 2:
                return 0, 0
    return top, opening


def _page_start(items: list[_Item], k: int) -> int:
    """Index of the first line of the page that holds item ``k``."""
    line = items[k][1]
    assert line is not None
    j = k
    while j > 0:
        previous = items[j - 1][1]
        if previous is not None and previous.page != line.page:
            break
        j -= 1
    return j


def _front_matter(items: list[_Item]) -> list[Aside]:
    pages: dict[int, list[str]] = {}
    for text, line in items:
        if line is not None:
            pages.setdefault(line.page, []).append(text.text)
    return [Aside("front-matter", page, " ".join(texts)) for page, texts in pages.items()]
