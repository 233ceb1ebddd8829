"""Generic Markdown: ``# Title``, ``## Preamble`` / ``## PART I`` / ``### Article 1``
headings, paragraphs separated by blank lines (soft-wrapped lines are joined), list
markers such as ``1.``, ``a.`` or ``(a)`` at line starts, indented or not.
"""

from __future__ import annotations

import re

from treatydiff.model import Instrument
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.markers import read_marker
from treatydiff.segment.tree import segment

_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s*(?P<text>.*?)\s*#*\s*$")
# A link target may hold balanced parentheses ("/treaty/(wct)/(1996)/..."): one level.
_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")
_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
# Underscores inside words are text; a closing asterisk may touch the next word where a
# source lost the space after it ("*inter alia,*include").
_EMPHASIS = (
    re.compile(r"(?<![\w*])\*{1,2}(?=\S)(.+?)(?<=\S)\*{1,2}(?!\*)"),
    re.compile(r"(?<![\w_])_{1,2}(?=\S)(.+?)(?<=\S)_{1,2}(?![\w_])"),
)
_BULLET = re.compile(r"^[-*+]\s+")


def clean_inline(text: str) -> str:
    """Remove links (keeping their text), emphasis, tags, footnote calls and entities."""
    # Each pattern needs its mark; most lines have none, and a scan costs more than a look.
    if "<" in text:
        text = _SUP.sub("", text)
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "<" in text:
        text = _TAG.sub("", text)
    for emphasis, mark in zip(_EMPHASIS, "*_", strict=True):
        if mark in text:
            text = emphasis.sub(r"\1", text)
    if "&" not in text:
        return text  # as html.unescape would; most texts have no entity, and need no html
    import html

    return html.unescape(text)


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    title = ""
    blocks: list[Block] = []
    paragraph: list[str] = []
    paragraph_line = 0

    def flush() -> None:
        if paragraph:
            blocks.append(Block(" ".join(paragraph), paragraph_line))
            paragraph.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            words = display_text(clean_inline(heading["text"]))
            if len(heading["hashes"]) == 1 and not title:
                title = words
            elif words:
                blocks.append(Block(words, number, "heading"))
            continue
        line = clean_inline(_BULLET.sub("", line))
        if paragraph and read_marker(line) is None:
            paragraph.append(line)
            continue
        flush()
        paragraph.append(line)
        paragraph_line = number
    flush()
    return Instrument(id="", title=title, body=segment(blocks, lang=lang))
