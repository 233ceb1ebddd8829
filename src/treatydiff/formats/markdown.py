"""Generic Markdown: CommonMark with tables, read by markdown-it-py.

The first level-1 heading (``# Title`` or a setext ``Title`` / ``=====``) is the title;
every other heading (``## Preamble``, ``## PART I``, ``### Article 1``) is a heading
block. Paragraphs, list items, block quotes, table rows, code blocks and HTML blocks are
text blocks for :func:`~treatydiff.segment.tree.segment`, which finds the structure.

What Markdown adds is removed, what the text says stays:

* emphasis, links and images are reduced to their text (an image to its alt text);
  backslash escapes and entities are resolved by the parser;
* an ordered list item keeps its marker (``1.``, ``2)``): the segmenter numbers
  paragraphs and points from it; a bullet (``-``, ``*``, ``+``) is dropped;
* inside a paragraph, a line that opens with a list marker (``a.``, ``(i)``), which
  CommonMark reads as a continuation line, starts a block of its own;
* a table is read row by row, its cells joined by spaces, header row included;
* HTML comments are dropped (they are not text), and so are footnote calls in
  ``<sup>``; other tags are dropped and the text between them kept;
* an ATX heading without the space after its hashes (``###Article 1``), which
  CommonMark reads as a paragraph, is a heading here, as treaty mirrors write them.

Link targets and link reference definitions are addresses, not words of the text.
Every block keeps its source line (from the token map) and, when it joins several
lines, the line of each (``Block.spans``). Parsing is linear in the input size.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser

from markdown_it import MarkdownIt
from markdown_it.token import Token

from treatydiff.errors import FormatError
from treatydiff.model import Instrument
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.markers import read_marker
from treatydiff.segment.tree import segment

# "###Article 1": at most three spaces of indent, one to six hashes, then no space.
_GLUED_HEADING = re.compile(r"^( {0,3}#{1,6})(?=[^#\s])", re.MULTILINE)
_SUP = re.compile(r"<sup\b", re.IGNORECASE)
_SUP_END = re.compile(r"</sup\s*>", re.IGNORECASE)
_BR = re.compile(r"<br\b", re.IGNORECASE)


@cache
def _parser() -> MarkdownIt:
    """CommonMark (no typographic replacements: the text stays as written) plus tables."""
    return MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class _Line:
    """One source line of running text, inline markup already reduced."""

    number: int  # 1-based source line
    text: str


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    """Importer entry point: the instrument of a Markdown document.

    A document holds one instrument: FormatError for a ``part`` other than 1. Never
    raises for any text (Markdown has no syntax errors); an input without clauses is
    refused by the caller.
    """
    if part != 1:
        raise FormatError(
            f"a Markdown document holds one instrument; there is no part {part}, only part 1"
        )
    title = ""
    blocks: list[Block] = []
    for role, lines in _read(_parser().parse(_GLUED_HEADING.sub(r"\1 ", text))):
        if role == "text":
            blocks.extend(_text_blocks(lines))
            continue
        words = display_text(" ".join(line.text for line in lines))
        if role == "title" and not title:
            title = words
        elif words:
            blocks.append(Block(words, lines[0].number, "heading"))
    return Instrument(id="", title=title, body=segment(blocks, lang=lang))


def _read(tokens: Sequence[Token]) -> Iterator[tuple[str, list[_Line]]]:
    """The headings and runs of text lines of a token stream, in document order:
    ``(role, lines)`` with role "title" (a level-1 heading), "heading" or "text"."""
    heading: str | None = None  # the role of the heading being read
    marker: _Line | None = None  # an ordered list item's marker, until its first text
    cells: list[str] | None = None  # the cells of the table row being read
    row_line = 0
    for token in tokens:
        line = token.map[0] + 1 if token.map else 0
        kind = token.type
        text: list[_Line] = []
        if kind in ("list_item_open", "list_item_close", "heading_open") and marker:
            yield "text", [marker]  # an item that opens with no text: its number alone
            marker = None
        if kind == "heading_open":
            heading = "title" if token.tag == "h1" else "heading"
        elif kind == "list_item_open" and token.info:
            marker = _Line(line, f"{token.info}{token.markup}")
        elif kind == "tr_open":
            cells, row_line = [], line
        elif kind == "tr_close" and cells is not None:
            text = [_Line(row_line, " ".join(cell for cell in cells if cell))]
            cells = None
        elif kind == "inline":
            lines = _inline_lines(token.children or [], line)
            if cells is not None:
                cells.append(" ".join(ln.text for ln in lines))
            elif heading is not None:
                yield heading, lines or [_Line(line, "")]
                heading = None
            else:
                text = lines
        elif kind in ("code_block", "fence"):
            first = line + (kind == "fence")  # a fence's content starts below its opening
            content = enumerate(token.content.split("\n"))
            text = [_Line(first + i, words.strip()) for i, words in content if words.strip()]
        elif kind == "html_block":
            text = _html_lines(token.content, line)
        if text and text[0].text:
            if marker is not None:
                text[0] = _Line(text[0].number, f"{marker.text} {text[0].text}")
                marker = None
            yield "text", text


def _inline_lines(children: Sequence[Token], line: int) -> list[_Line]:
    """The text lines of a paragraph, heading or cell, inline markup reduced to text."""
    pieces: list[str] = []
    in_sup = 0  # depth of <sup> footnote calls, whose numbers are no words of the text
    for token in _flattened(children):
        kind = token.type
        if kind in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif kind == "html_inline":
            in_sup += bool(_SUP.match(token.content)) - bool(_SUP_END.match(token.content))
            in_sup = max(in_sup, 0)
            pieces.append(" " if _BR.match(token.content) else "")
            pieces.append("\n" * token.content.count("\n"))  # a tag written over lines
        elif kind in ("text", "code_inline") and not in_sup:
            pieces.append(token.content)
    texts = "".join(pieces).split("\n")
    return [_Line(line + i, text.strip()) for i, text in enumerate(texts) if text.strip()]


def _flattened(tokens: Sequence[Token]) -> Iterator[Token]:
    """Inline tokens with an image's alt text in place of the image."""
    for token in tokens:
        if token.type == "image":
            yield from _flattened(token.children or [])
        else:
            yield token


class _HtmlText(HTMLParser):
    """The text of an HTML block, line by line: comments and ``<sup>`` calls dropped."""

    def __init__(self, line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first = line
        self.pieces: list[tuple[int, str]] = []
        self.in_sup = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_sup += tag == "sup"
        if tag == "br":
            self.pieces.append((self.getpos()[0], " "))

    def handle_endtag(self, tag: str) -> None:
        self.in_sup = max(self.in_sup - (tag == "sup"), 0)

    def handle_data(self, data: str) -> None:
        if not self.in_sup:
            self.pieces.append((self.getpos()[0], data))

    def lines(self) -> list[_Line]:
        by_line: dict[int, list[str]] = {}
        for start, data in self.pieces:
            for offset, text in enumerate(data.split("\n")):
                by_line.setdefault(self.first + start - 1 + offset, []).append(text)
        joined = ((number, "".join(texts).strip()) for number, texts in by_line.items())
        return [_Line(number, text) for number, text in joined if text]


def _html_lines(content: str, line: int) -> list[_Line]:
    reader = _HtmlText(line)
    reader.feed(_unclosable_escaped(content))
    reader.close()
    return reader.lines()


# The ends html.parser looks for (as _markupbase spells them): of a comment, of a marked
# section ("<![CDATA[...]]>"), of a Microsoft one ("<![if !vml]>", from Word), and of every
# other markup ("<?...>", "<!...>", tags).
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_END = re.compile(r"]\s*]\s*>")
_MS_SECTION_END = re.compile(r"]\s*>")
_MS_SECTION = re.compile(r"(?:if|else|endif)(?![-_.a-zA-Z0-9])", re.IGNORECASE)
_MARKUP_OPEN = re.compile(r"<(?:!--|!\[)?")


def _unclosable_escaped(content: str) -> str:
    """``content`` with the ``<`` of each comment, marked section or other markup that no
    end follows written ``&lt;``: html.parser reads such markup as text at the end anyway,
    but finds that out by searching to the end of the text for each one (quadratic in
    Python before 3.13.4 and 3.12.11: a line of 8,000 "<!--" took 2.5 s). Markup that has
    an end after it is left alone."""
    if "<!" not in content and content.rfind(">") > content.rfind("<"):
        return content  # every "<" has a ">" after it: the usual case
    last_end = content.rfind(">")
    last_comment_end = _last_start(_COMMENT_END, content)
    last_section_end = _last_start(_SECTION_END, content)
    last_ms_section_end = _last_start(_MS_SECTION_END, content)

    def escaped(opening: re.Match[str]) -> str:
        mark, end = opening.group(), opening.end()
        if mark == "<!--":
            closable = end <= last_comment_end
        elif mark == "<![":
            microsoft = _MS_SECTION.match(content, end) is not None
            closable = end <= (last_ms_section_end if microsoft else last_section_end)
        else:
            closable = end <= last_end
        return mark if closable else "&lt;" + mark[1:]

    return _MARKUP_OPEN.sub(escaped, content)


def _last_start(end: re.Pattern[str], text: str) -> int:
    """Where the last match of ``end`` in ``text`` starts; -1 for none."""
    start = -1
    for match in end.finditer(text):
        start = match.start()
    return start


def _text_blocks(lines: Sequence[_Line]) -> Iterator[Block]:
    """Blocks of running text: lines joined, a new block at each line opening with a
    list marker (as "a." or "(i)" at a line start in a paragraph)."""
    pieces: list[str] = []  # the lines of the block being read (joined once, at its end)
    spans: list[tuple[int, int]] = []
    length = 0
    for line in lines:
        if pieces and read_marker(line.text) is None:
            spans.append((length + 1, line.number))
            pieces.append(line.text)
            length += 1 + len(line.text)
            continue
        if pieces:
            yield Block(" ".join(pieces), spans[0][1], spans=tuple(spans))
        pieces, spans, length = [line.text], [(0, line.number)], len(line.text)
    if pieces:
        yield Block(" ".join(pieces), spans[0][1], spans=tuple(spans))
