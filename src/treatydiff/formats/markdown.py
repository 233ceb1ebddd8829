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
  ``<sup>`` ("Convention<sup>1</sup>"); digits raised after a digit are an exponent
  ("10<sup>6</sup>" is "10⁶", never "10" nor "106"), other raised text is text
  ("1<sup>st</sup>", ``html_furniture.raised_text``); other tags are dropped and
  the text between them kept;
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
    in_sup = 0  # depth of <sup>, whose text waits in raised until its end is read
    raised: list[str] = []
    for token in _flattened(children):
        kind = token.type
        if kind in ("softbreak", "hardbreak"):
            pieces.append("\n")
        elif kind == "html_inline":
            opened = bool(_SUP.match(token.content)) - bool(_SUP_END.match(token.content))
            if in_sup and in_sup + opened <= 0:
                # html_furniture loads only for a text that raises something.
                from treatydiff.formats.html_furniture import raised_text

                pieces.append(raised_text("".join(raised), "".join(pieces)))
                raised = []
            in_sup = max(in_sup + opened, 0)
            pieces.append(" " if _BR.match(token.content) else "")
            pieces.append("\n" * token.content.count("\n"))  # a tag written over lines
        elif kind in ("text", "code_inline"):
            (raised if in_sup else pieces).append(token.content)
    texts = "".join(pieces).split("\n")
    return [_Line(line + i, text.strip()) for i, text in enumerate(texts) if text.strip()]


def _flattened(tokens: Sequence[Token]) -> Iterator[Token]:
    """Inline tokens with an image's alt text in place of the image."""
    for token in tokens:
        if token.type == "image":
            yield from _flattened(token.children or [])
        else:
            yield token


def _html_lines(content: str, line: int) -> list[_Line]:
    # html.parser (with _markupbase) loads only for a text that has HTML blocks.
    from treatydiff.formats.markdown_html import html_lines

    return [_Line(number, text) for number, text in html_lines(content, line)]


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
