"""Web pages (HTML), saved from a browser or generated, read with lxml's HTML parser.

lxml (libxml2) is used rather than selectolax: it gives each element its source line,
which each block records as its position, and it is already needed for Word files.

* Encoding: from the byte-order mark, else the ``<meta>`` charset (labels as browsers
  read them: "iso-8859-1" is windows-1252), else UTF-8 when the bytes are valid UTF-8,
  else detected (charset-normalizer).
* Dropped: script, style and form controls; navigation, page headers and footers,
  asides; with a ``<main>`` element, everything outside it; a paragraph that opens with
  a copyright notice; hidden text of a page in one language. Each left-out text is
  reported with its reason and line.
* Blocks: headings (``h1``-``h6``, ``summary``, a line in bold or centred), paragraphs,
  list items (with the number or bullet the browser shows), table cells, and each line
  of preformatted text; ``<br>`` breaks a block. Text in a WordPerfect symbol font
  (Word 97 conversions: "AFunds@", "person=s") is read as the quotes it draws.
* Bilingual pages: ``lang`` selects the blocks of one language (``html_languages``),
  hidden blocks included (a language switch hides the other).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import charset_normalizer
import lxml.html
from lxml import etree

from treatydiff.errors import ConfigError, FormatError
from treatydiff.formats.document import (
    Document,
    Dropped,
    DropReason,
    format_number,
    split,
)
from treatydiff.formats.html_languages import Marked, in_script_of, select
from treatydiff.formats.options import ReadOptions
from treatydiff.formats.reading import BYTE_ORDER_MARKS
from treatydiff.segment.blocks import Block, BlockRole

# Elements whose content is no text of the page (not rendered, or media).
_SKIPPED = frozenset(
    "script style noscript template head iframe object canvas img audio video map area".split()
)
# Controls and drawings: their words are page furniture, left out and reported.
_CONTROLS = frozenset("button select option textarea svg".split())
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote dir menu table thead tbody tfoot "
    "tr td th caption section article main header footer nav aside details summary pre "
    "address center figure figcaption form fieldset legend hr br body html".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6 summary".split())
_BOLD = frozenset("b strong".split())
_PRE = frozenset("pre listing plaintext xmp".split())
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "invisible"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_PRE_STYLE = re.compile(r"white-space\s*:\s*pre", re.IGNORECASE)
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
_LANDMARKS: dict[str, DropReason] = {
    "navigation": "navigation",
    "banner": "navigation",
    "search": "navigation",
    "contentinfo": "footer",
    "complementary": "boilerplate",
}
_COPYRIGHT = re.compile(r"^(?:copyright\b|\u00a9|\(c\)\s*\d{4})", re.IGNORECASE)
_HEADING_LENGTH = 160
_SENTENCE_ENDS = (".", ",", ";", ":")
# Glyphs of WordPerfect's typographic symbol font by the letter that draws them; only
# those whose reading the documents make certain.
_SYMBOL_FONTS = {
    "wp typographicsymbols": str.maketrans({"A": "\u201c", "@": "\u201d", "=": "\u2019"}),
}

# -- the encoding --------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# Labels browsers read otherwise than Python (WHATWG Encoding: windows-1252 for Latin-1
# and ASCII; a page declared UTF-16 in its own bytes is not UTF-16).
_BROWSER_LABELS = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}


def encoding_of(data: bytes) -> str:
    """The encoding of the page ``data``: BOM, ``<meta>`` charset, UTF-8, detection.

    Raises FormatError when no encoding fits.
    """
    for bom, name in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return name
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii", "replace").lower()
        label = _BROWSER_LABELS.get(label, label)
        try:
            return codecs.lookup(label).name
        except LookupError:
            pass  # an unknown label: as if none were declared
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise FormatError("cannot tell the text encoding of this page")
    return best.encoding


def decode(data: bytes) -> str:
    """The text of the page ``data`` in its encoding (undecodable bytes replaced)."""
    return data.decode(encoding_of(data), errors="replace")


# -- reading the tree ----------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    """What the elements around a piece of text say about it."""

    bold: bool = False
    heading: bool = False
    centred: bool = False
    pre: bool = False
    hidden: bool = False
    lang: str = ""
    drop: DropReason | None = None
    symbols: dict[int, str] | None = None  # the glyph table of a symbol font


@dataclass
class _Raw:
    """A block being gathered: its text pieces with their source lines."""

    context: _Context
    pieces: list[tuple[str, int, bool]] = field(default_factory=list)  # text, line, bold


@dataclass(frozen=True)
class _Read:
    """A gathered block: its display text and spans, and how the page marked it."""

    block: Block
    context: _Context


class _Walker:
    """Gathers the blocks of a page in document order.

    ``main`` is the page's main content element, if it marks one: text outside it is
    left out (``around_main`` holds its ancestors, whose own text is outside it).
    """

    def __init__(self, main: etree._Element | None) -> None:
        self.main = main
        self.around_main = set(main.iterancestors()) if main is not None else set()
        self.inside_main = False
        self.raw: _Raw | None = None
        self.read: list[_Read] = []

    def flush(self) -> None:
        raw, self.raw = self.raw, None
        if raw is None:
            return
        made = _block(raw)
        if made is not None:
            self.read.append(_Read(made, raw.context))

    def add(self, text: str, line: int, context: _Context) -> None:
        if not text:
            return
        if context.symbols is not None:
            text = text.translate(context.symbols)
        lines = text.split("\n") if context.pre else [text]
        for n, piece in enumerate(lines):
            if n:
                self.flush()
            if self.raw is not None and self._kind(self.raw.context) != self._kind(context):
                self.flush()
            if self.raw is None:
                if not piece.strip():
                    continue
                self.raw = _Raw(context)
            self.raw.pieces.append((piece, line + n if context.pre else line, context.bold))

    @staticmethod
    def _kind(context: _Context) -> tuple[object, ...]:
        return (context.drop, context.hidden, context.lang, context.heading, context.pre)

    def walk(self, element: etree._Element, context: _Context) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIPPED or not tag:
            return
        is_main = element is self.main
        if is_main:
            self.inside_main = True
        context = _enter(element, tag, context)
        outside = self.main is not None and not self.inside_main
        if outside and element not in self.around_main and context.drop is None:
            context = replace(context, drop="boilerplate")
        line = element.sourceline or 0
        block = tag in _BLOCKS
        if block:
            self.flush()
        label = _list_label(element, tag)
        if label:
            self.add(label + " ", line, context)
        self.add(element.text or "", line, context)
        for child in element:
            self.walk(child, context)
            self.add(child.tail or "", child.sourceline or line, context)
        if block:
            self.flush()
        if is_main:
            self.inside_main = False


def _enter(element: etree._Element, tag: str, context: _Context) -> _Context:
    """The context inside ``element``."""
    classes = set((element.get("class") or "").split())
    style = element.get("style") or ""
    drop = context.drop
    if drop is None:
        landmark = _LANDMARKS.get(element.get("role") or "")
        if tag == "nav":
            drop = "navigation"
        elif tag == "footer":
            drop = "footer"
        elif tag == "aside":
            drop = "boilerplate"
        elif tag == "header" and not any(
            a.tag in ("article", "section") for a in element.iterancestors()
        ):
            drop = "navigation"
        elif landmark is not None:
            drop = landmark
        elif tag in _CONTROLS or (tag in _BLOCKS and _COPYRIGHT.match(_opening(element))):
            drop = "boilerplate"
    face = (element.get("face") or "").lower() if tag == "font" else ""
    return _Context(
        bold=context.bold or tag in _BOLD or tag in _HEADINGS,
        heading=context.heading or tag in _HEADINGS,
        centred=context.centred
        or tag == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(_CENTRED_STYLE.search(style)),
        pre=context.pre
        or tag in _PRE
        or bool(_PRE_STYLE.search(style))
        or any("pre-wrap" in c or "pre-line" in c for c in classes),
        hidden=context.hidden
        or element.get("hidden") is not None
        or element.get("aria-hidden") == "true"
        or bool(classes & _HIDDEN_CLASSES)
        or bool(_HIDDEN_STYLE.search(style)),
        lang=(element.get("lang") or element.get(f"{{{_XML_NS}}}lang") or context.lang).lower(),
        drop=drop,
        symbols=_SYMBOL_FONTS.get(face, context.symbols) if face else context.symbols,
    )


_XML_NS = "http://www.w3.org/XML/1998/namespace"


def _opening(element: etree._Element, size: int = 40) -> str:
    """The first ``size`` or so characters of the text in ``element``, stripped."""
    text = ""
    for piece in element.itertext():
        text += piece
        if len(text.strip()) >= size:
            break
    return text.strip()


def _list_label(element: etree._Element, tag: str) -> str:
    """The marker a browser shows before a list item: its number in an ``<ol>`` (type,
    start and value attributes), a bullet in a ``<ul>``."""
    if tag != "li":
        return ""
    parent = element.getparent()
    if parent is None or parent.tag not in ("ol", "ul"):
        return ""
    if parent.tag == "ul":
        return "\u2022"
    number = _int(parent.get("start"), 1)
    for item in parent:
        if item.tag != "li":
            continue
        number = _int(item.get("value"), number)
        if item is element:
            break
        number += 1
    kind = parent.get("type") or "1"
    fmt = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    return f"{format_number(number, fmt.get(kind, 'decimal'))}."


def _int(value: str | None, default: int) -> int:
    try:
        return int(value or "")
    except ValueError:
        return default


def _block(raw: _Raw) -> Block | None:
    """The display text of ``raw`` (whitespace collapsed, NFC) with a span at each
    source line it crosses; None for a block without text."""
    joined = "".join(text for text, _, _ in raw.pieces)
    starts: list[tuple[int, int]] = []  # offset in ``joined`` -> source line
    offset = 0
    for text, line, _ in raw.pieces:
        starts.append((offset, line))
        for n in (m.start() for m in re.finditer("\n", text)):
            starts.append((offset + n + 1, line + text.count("\n", 0, n + 1)))
        offset += len(text)
    words: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    at = 0
    current: int | None = None
    for match in re.finditer(r"\S+", joined):
        while at + 1 < len(starts) and starts[at + 1][0] <= match.start():
            at += 1
        line = starts[at][1]
        if words:
            length += 1
        if line != current:
            spans.append((length, line))
            current = line
        word = unicodedata.normalize("NFC", match.group())
        words.append(word)
        length += len(word)
    if not words:
        return None
    text = " ".join(words)
    bold = all(b for t, _, b in raw.pieces if t.strip())
    line_like = len(text) <= _HEADING_LENGTH and not text.endswith(_SENTENCE_ENDS)
    role: BlockRole = "text"
    if raw.context.heading or (line_like and (bold or raw.context.centred)):
        role = "heading"
    return Block(text, spans[0][1], role, tuple(spans[1:]))


# -- the page ------------------------------------------------------------------------


def _parse(data: bytes | str) -> etree._Element:
    text = data if isinstance(data, str) else decode(data)
    if not text.strip():
        raise FormatError("the page is empty")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"not a readable HTML page ({exc})") from None


def _reads(root: etree._Element) -> Iterator[_Read]:
    main = next((e for e in root.iter() if e.tag == "main" or e.get("role") == "main"), None)
    walker = _Walker(main)
    body = root.find("body")
    walker.walk(body if body is not None else root, _Context(lang=(root.get("lang") or "").lower()))
    walker.flush()
    yield from walker.read


def read(data: bytes | str, *, lang: str = "en", options: ReadOptions | None = None) -> Document:
    """The instruments and left-out text of the page ``data`` (its bytes, or its text
    already decoded), in language ``lang`` where the page holds several.

    Raises FormatError for a page without readable text in that language.
    """
    encoding = options.encoding if options else None
    if encoding is not None and isinstance(data, bytes):
        try:
            data = data.decode(encoding, errors="replace")
        except LookupError:
            raise ConfigError(f"unknown text encoding {encoding!r}") from None
    root = _parse(data)
    kept: list[_Read] = []
    dropped: list[Dropped] = []
    for item in _reads(root):
        if item.context.drop is not None:
            dropped.append(Dropped(item.context.drop, item.block.text, item.block.line))
        else:
            kept.append(item)
    marked = [Marked(r.block, r.context.lang, r.context.hidden) for r in kept]
    blocks, other = select(marked, lang)
    title_element = root.find("head/title")
    title = " ".join("".join(title_element.itertext() if title_element is not None else ()).split())
    if not in_script_of(title, lang):
        title = ""  # a title in another script (or in two) is not this language's
    return Document(
        parts=split(blocks, starts=frozenset(), lang=lang),
        dropped=tuple(dropped + other),
        title=title,
    )
