"""Blocks: the paragraphs and headings an importer hands the segmenter, with their lines."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

# "crossheading": a heading line with no number over the articles that follow it (the UN
# Charter's "Voting", "Procedure"), told apart by a layout importer from its own paragraph.
BlockRole = Literal["text", "heading", "caption", "crossheading"]


@dataclass(frozen=True)
class Block:
    """One paragraph or heading of the source.

    ``role`` says what the source's own markup makes of it: a heading ("Article 3",
    "PART II"), the caption under a heading, or text. ``spans`` maps character offsets of
    ``text`` to source lines, for a block joined from several lines: ``((0, 12), (80,
    13))`` says the text from offset 80 on stands on line 13. Without spans the whole
    block stands on ``line`` (1-based). ``listed``: the block is a list item whose
    marker the source's own list numbering gives (an HTML ``<li>``), so that its marker
    opens an item and is never a designation the text before cites ("... under
    paragraph" / "4. Each Party ...").
    """

    text: str
    line: int
    role: BlockRole = "text"
    spans: tuple[tuple[int, int], ...] = ()
    listed: bool = False

    def line_at(self, offset: int) -> int:
        """The source line of the character at ``offset`` of ``text``."""
        line = self.line
        for start, span_line in self.spans:
            if start > offset:
                break
            line = span_line
        return line

    def sub(self, start: int, end: int | None = None) -> Block:
        """The part of this block from ``start`` to ``end``, with its own lines."""
        stop = len(self.text) if end is None else end
        spans = tuple(
            (max(offset - start, 0), line)
            for offset, line in self.spans
            if offset < stop and (offset >= start or self.line_at(start) == line)
        )
        listed = self.listed and start == 0
        return Block(self.text[start:end], self.line_at(start), self.role, spans, listed)

    def split(self, breaks: re.Pattern[str], also: Iterable[int] = ()) -> list[Block]:
        """This block cut at the end of every match of ``breaks`` and at the offsets
        ``also``."""
        starts = sorted({0, *(m.end() for m in breaks.finditer(self.text)), *also})
        ends = starts[1:] + [len(self.text)]
        return [self.sub(s, e) for s, e in zip(starts, ends, strict=True)]

    def line_starts(self) -> list[int]:
        """The offsets of ``text`` where a source line other than the first starts."""
        return [offset for offset, _ in self.spans if offset > 0]
