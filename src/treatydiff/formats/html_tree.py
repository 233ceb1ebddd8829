"""The blocks of a parsed web page in document order, each with what the elements around
it say of it (``formats.html`` decides from that what is text of the instrument).

* Blocks: headings (``h1``-``h6``, ``summary``, a line in bold or centred), paragraphs,
  list items (with the number or bullet the browser shows), table cells, and each line
  of preformatted text; ``<br>`` breaks a block. Text in a WordPerfect symbol font
  (Word 97 conversions: "AFunds@", "person=s") is read as the quotes it draws.
* Left out for certain (``_Context.drop``): navigation (``<nav>``, the navigation and
  search landmarks), form controls and drawings, consent banners, fallback content
  (``<noscript>``, ``<template>``, an ``<object>``'s or ``<iframe>``'s inner text), text
  footnote calls (``<sup>``), and the text a
  tracked change takes out of the view read: ``<del>`` in the view with every change
  accepted (the page as it reads now, the default, as for Word's tracked changes),
  ``<ins>`` in the original view (``ReadOptions.docx_revisions``).
* Left out unless they carry text of the instrument (judged in ``formats.html``):
  page headers, footers and asides, text outside ``<main>`` where the page marks one
  (``_Context.furniture``), and hidden elements
  (``_Context.hidden``), each judged as a whole (``furniture_group``, ``hidden_group``).
* An inline element left out or hidden inside a sentence ("shall <span hidden>not</span>
  act") is a block of its own, reported, and the sentence around it stays one block.

``<script>``, ``<style>`` and ``<head>`` hold no text of the page and are not read.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from lxml import etree

from treatydiff.formats.document import DropReason, format_number
from treatydiff.formats.html_furniture import (
    hides,
    is_consent_banner,
    sup_reading,
    superscript,
)
from treatydiff.formats.options import Revisions
from treatydiff.segment.blocks import Block, BlockRole

# Elements whose content is no text of the page: code, and the head (its title is read
# apart).
_SILENT = frozenset("script style head".split())
# Fallback content, shown only where the page's scripts, plugins or media do not run, and
# templates, never shown: left out and reported as hidden.
_FALLBACK = frozenset("noscript template iframe object canvas audio video map".split())
# Controls and drawings: their words are page furniture, left out and reported.
_CONTROLS = frozenset("button select option textarea svg".split())
BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol dl dt dd blockquote dir menu table thead tbody tfoot "
    "tr td th caption section article main header footer nav aside details summary pre "
    "address center figure figcaption form fieldset legend hr br body html".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6 summary".split())
_BOLD = frozenset("b strong".split())
_PRE = frozenset("pre listing plaintext xmp".split())
_PRE_STYLE = re.compile(r"white-space\s*:\s*pre", re.IGNORECASE)
_CENTRED_STYLE = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)
# Landmarks that are page furniture whatever they hold.
_NAVIGATION = frozenset({"navigation", "search"})
# Landmarks that are page furniture unless they carry text of the instrument, by the
# reason they are left out for (a ``<header>`` inside an article or section heads it).
_FURNITURE: dict[str, DropReason] = {
    "header": "navigation",
    "banner": "navigation",
    "footer": "footer",
    "contentinfo": "footer",
    "aside": "boilerplate",
    "complementary": "boilerplate",
}
_HEADING_LENGTH = 160
_SENTENCE_ENDS = (".", ",", ";", ":")
# Glyphs of WordPerfect's typographic symbol font by the letter that draws them; only
# those whose reading the documents make certain.
_SYMBOL_FONTS = {
    "wp typographicsymbols": str.maketrans({"A": "\u201c", "@": "\u201d", "=": "\u2019"}),
}
_XML_NS = "http://www.w3.org/XML/1998/namespace"


@dataclass(frozen=True)
class Context:
    """What the elements around a piece of text say about it.

    ``drop``: left out for certain, for this reason. ``furniture``: the reason a page
    header, footer or aside is left out for if it carries no text of the instrument,
    ``furniture_group`` the outermost such element (its number; 0 for none). ``hidden``:
    hidden on a desktop screen, ``hidden_group`` the outermost hidden element. ``link``:
    inside a link. ``inline``: inside an inline element left out or hidden within the
    block around it.
    """

    bold: bool = False
    heading: bool = False
    centred: bool = False
    pre: bool = False
    hidden: bool = False
    lang: str = ""
    drop: DropReason | None = None
    symbols: dict[int, str] | None = None  # the glyph table of a symbol font
    furniture: DropReason | None = None
    furniture_group: int = 0
    hidden_group: int = 0
    link: bool = False
    inline: bool = False


@dataclass
class _Raw:
    """A block being gathered: its text pieces with their source lines."""

    context: Context
    owner: int  # the number of the block element the text stands in (in document order)
    listed: bool = False  # opens with the number or bullet of a list item
    # text, line, bold, link
    pieces: list[tuple[str, int, bool, bool]] = field(default_factory=list)


@dataclass(frozen=True)
class Read:
    """A gathered block: its display text and spans, how the page marked it, the block
    element it stands in (``owner``, its number in document order) and the share of its
    text, 0 to 1, that is link text (``links``)."""

    block: Block
    context: Context
    owner: int
    links: float


class Walker:
    """Gathers the blocks of a page in document order (``read``).

    ``main`` is the page's main content element, if it marks one: text outside it is
    left out (``around_main`` holds its ancestors, whose own text is outside it).
    ``view`` is the view of tracked changes read.
    """

    def __init__(self, main: etree._Element | None, view: Revisions) -> None:
        self.main = main
        self.view = view
        self.around_main = set(main.iterancestors()) if main is not None else set()
        self.inside_main = False
        self.raw: _Raw | None = None
        self.owners: list[int] = [0]
        self.opened = 0  # block elements opened so far: each one's number names it
        self.entered = 0  # elements entered so far: a group of furniture or hidden text
        # is named by its element's number (never id(element), which lxml reuses)
        self.read: list[Read] = []

    def flush(self) -> None:
        """End the block being gathered."""
        raw, self.raw = self.raw, None
        if raw is None:
            return
        made = _block(raw)
        if made is not None:
            shown = sum(len(t.strip()) for t, _, _, _ in raw.pieces) or 1
            links = sum(len(t.strip()) for t, _, _, link in raw.pieces if link) / shown
            self.read.append(Read(made, raw.context, raw.owner, links))

    def add(self, text: str, line: int, context: Context) -> None:
        """Add ``text`` from source ``line`` to the block being gathered."""
        if not text:
            return
        if context.symbols is not None:
            text = text.translate(context.symbols)
        lines = text.split("\n") if context.pre else [text]
        for n, piece in enumerate(lines):
            if n:
                self.flush()
            if self.raw is not None and _kind(self.raw.context) != _kind(context):
                self.flush()
            if self.raw is None:
                if not piece.strip():
                    continue
                self.raw = _Raw(context, self.owners[-1])
            at = line + n if context.pre else line
            self.raw.pieces.append((piece, at, context.bold, context.link))

    def walk(self, element: etree._Element, context: Context) -> None:
        """Gather the text of ``element`` and its descendants in ``context``."""
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if tag in _SILENT or not tag:
            return
        is_main = element is self.main
        if is_main:
            self.inside_main = True
        self.entered += 1
        inner = _enter(element, tag, context, self.view, number=self.entered)
        outside = self.main is not None and not self.inside_main
        if outside and element not in self.around_main and inner.furniture is None:
            # Outside <main>: page furniture unless it holds text of the instrument (a
            # title, a preamble or a testimonium the page sets in its own header).
            inner = replace(inner, furniture="boilerplate", furniture_group=self.entered)
        if tag == "sup" and inner.drop is None and self._sup(element, inner):
            return
        starts_inline = inner.inline and not context.inline
        saved = self.raw
        if starts_inline:  # a block of its own, the one around it going on after it
            self.raw = None
        line = element.sourceline or 0
        block = tag in BLOCKS or _toggles(element)
        if block:
            self.flush()
            # A count, not id(element): lxml makes a proxy object for each access and
            # frees it, so two elements may get one id in turn.
            self.opened += 1
            self.owners.append(self.opened)
        label = _list_label(element, tag)
        if label:
            self.add(label + " ", line, inner)
            if self.raw is not None:
                self.raw.listed = True
        self.add(element.text or "", line, inner)
        for child in element:
            self.walk(child, inner)
            self.add(child.tail or "", child.sourceline or line, inner)
        if block:
            self.flush()
            self.owners.pop()
        if starts_inline:
            self.flush()
            self.raw = saved
        if is_main:
            self.inside_main = False

    def _sup(self, element: etree._Element, context: Context) -> bool:
        """Read a ``<sup>``: a note call left out as a block of its own, an exponent in
        superscript digits; False for one whose text is words of the sentence."""
        mark = "".join(element.itertext()).strip()
        before = "".join(p[0] for p in self.raw.pieces) if self.raw else ""
        anchors = [element, *element.iterancestors("a"), *element.iterdescendants("a")]
        linked = any((a.get("href") or "").startswith("#") for a in anchors if a.tag == "a")
        reading = sup_reading(mark, before, linked=linked)
        line = element.sourceline or 0
        if reading == "exponent":
            self.add(superscript(mark), line, context)
        elif reading == "call":
            call = Block(mark, line)
            self.read.append(Read(call, replace(context, drop="note call"), self.owners[-1], 0))
        return reading != "text"


def _kind(context: Context) -> tuple[object, ...]:
    """What text must share to stand in one block."""
    return (
        context.drop,
        context.hidden,
        context.lang,
        context.heading,
        context.pre,
        context.furniture,
        context.furniture_group,
        context.hidden_group,
    )


def _toggles(element: etree._Element) -> bool:
    """Whether ``element`` is a button that shows and hides a section (WAI-ARIA's
    disclosure pattern: ``aria-expanded``, ``aria-controls``): an accordion's heading,
    "Article 2" over its collapsed text, read as a heading, never left out."""
    tag = element.tag.lower() if isinstance(element.tag, str) else ""
    return tag == "button" and (
        element.get("aria-expanded") is not None or element.get("aria-controls") is not None
    )


def _enter(
    element: etree._Element, tag: str, context: Context, view: Revisions, *, number: int
) -> Context:
    """The context inside ``element``, the ``number``-th element entered (from 1)."""
    classes = (element.get("class") or "").split()
    style = element.get("style") or ""
    role = element.get("role") or ""
    drop = context.drop
    if drop is None:
        if tag == "nav" or role in _NAVIGATION:
            drop = "navigation"
        elif (tag in _CONTROLS and not _toggles(element)) or is_consent_banner(
            classes, element.get("id") or ""
        ):
            drop = "boilerplate"
        elif tag in _FALLBACK:
            drop = "hidden"
        elif (tag == "del" and view == "accepted") or (tag == "ins" and view == "original"):
            drop = "revision"
    furniture, furniture_group = context.furniture, context.furniture_group
    if drop is None and furniture is None:
        heads_a_part = tag == "header" and any(
            a.tag in ("article", "section") for a in element.iterancestors()
        )
        reason = _FURNITURE.get(tag if tag in _FURNITURE else role)
        if reason is not None and not heads_a_part:
            furniture, furniture_group = reason, number
    hides_here = hides(classes, style, hidden_attribute=element.get("hidden") is not None)
    hidden_group = number if hides_here and not context.hidden else context.hidden_group
    newly = (drop is not None and context.drop is None) or (hides_here and not context.hidden)
    inline = context.inline or (newly and tag not in BLOCKS and not _holds_blocks(element))
    if inline and drop is None:
        drop = "hidden"  # hidden words inside a sentence: no language view, no accordion
    face = (element.get("face") or "").lower() if tag == "font" else ""
    return Context(
        bold=context.bold or tag in _BOLD or tag in _HEADINGS,
        heading=context.heading or tag in _HEADINGS or _toggles(element),
        centred=context.centred
        or tag == "center"
        or (element.get("align") or "").lower() == "center"
        or bool(_CENTRED_STYLE.search(style)),
        pre=context.pre
        or tag in _PRE
        or bool(_PRE_STYLE.search(style))
        or any("pre-wrap" in c or "pre-line" in c for c in classes),
        hidden=context.hidden or hides_here,
        lang=(element.get("lang") or element.get(f"{{{_XML_NS}}}lang") or context.lang).lower(),
        drop=drop,
        symbols=_SYMBOL_FONTS.get(face, context.symbols) if face else context.symbols,
        furniture=furniture,
        furniture_group=furniture_group,
        hidden_group=hidden_group,
        link=context.link or (tag == "a" and element.get("href") is not None),
        inline=inline,
    )


def _holds_blocks(element: etree._Element) -> bool:
    return any(
        isinstance(d.tag, str) and d.tag.lower() in BLOCKS for d in element.iterdescendants()
    )


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
    joined = "".join(text for text, _, _, _ in raw.pieces)
    starts: list[tuple[int, int]] = []  # offset in ``joined`` -> source line
    offset = 0
    for text, line, _, _ in raw.pieces:
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
    bold = all(b for t, _, b, _ in raw.pieces if t.strip())
    line_like = len(text) <= _HEADING_LENGTH and not text.endswith(_SENTENCE_ENDS)
    role: BlockRole = "text"
    if raw.context.heading or (line_like and (bold or raw.context.centred)):
        role = "heading"
    return Block(text, spans[0][1], role, tuple(spans[1:]), raw.listed)
