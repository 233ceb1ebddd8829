"""The Markdown dialect of the laws-markdown mirror of the Dutch Treaty Series.

A file holds the Dutch title (``##Title``), then the English text under its own title
(``####Title``, or ``### Convention`` + ``####against torture ...``), then the complete
Dutch translation under its title. An instrument may be appended to another (the ICCPR's
first Optional Protocol, ILO Recommendation 146 after Convention 138); each starts with a
title block of its own and is kept apart: ``part=2`` selects the second one of a language.

Debris removed here: the ``<meta>`` line, Markdown links (their text stays), emphasis
markers, ``<sup>`` footnote calls, HTML entities, trailing spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatydiff.errors import FormatError
from treatydiff.formats.markdown import clean_inline
from treatydiff.model import Instrument
from treatydiff.normalize import display_text
from treatydiff.segment.tree import Block, BlockRole, segment

_HEADING = re.compile(r"^(?P<hashes>#{2,6})\s*(?P<text>.*?)\s*$")
# Headings that carry structure; any other "###" line before a "####" is part of a title.
_STRUCTURAL = re.compile(
    r"^(?:Art(?:icle|ikel)|PART|DEEL|CHAPTER|HOOFDSTUK|SECTION|AFDELING|TITLE|TITEL|"
    r"Preamble|Preambule|[IVXLC]+\.?$)",
    re.IGNORECASE,
)
_DUTCH = frozenset("de het een van en in is dat op te voor met zijn worden door bij".split())
_ENGLISH = frozenset("the of and to in a is that for on by with be as shall".split())


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    level: int  # 0 for body text, else the number of leading hashes


@dataclass
class _Section:
    """One instrument in one language: its title lines and body lines."""

    title: list[str]
    lines: list[_Line]

    def language(self) -> str:
        words = re.findall(r"[a-z]+", " ".join(ln.text.lower() for ln in self.lines[:80]))
        dutch = sum(w in _DUTCH for w in words)
        english = sum(w in _ENGLISH for w in words)
        return "nl" if dutch > english else "en"


def _read_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped or stripped.lower().startswith("<meta"):
            continue
        heading = _HEADING.match(stripped)
        if heading:
            lines.append(_Line(number, clean_inline(heading["text"]), len(heading["hashes"])))
        else:
            lines.append(_Line(number, clean_inline(stripped), 0))
    return [ln for ln in lines if ln.text.strip() or ln.level]


def _sections(lines: list[_Line]) -> list[_Section]:
    """Split the lines at each title block (the "##" file title is dropped)."""
    sections: list[_Section] = []
    previous: _Line | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.level == 2:
            previous = line
            i += 1
            continue
        starts_title = False
        title: list[str] = []
        if line.level == 4 and not (previous and previous.level == 3):
            starts_title, title = True, [line.text]
        elif (
            line.level == 3
            and not _STRUCTURAL.match(line.text)
            and i + 1 < len(lines)
            and lines[i + 1].level == 4
        ):
            starts_title, title = True, [line.text, lines[i + 1].text]
            i += 1
        if starts_title:
            sections.append(_Section(title=title, lines=[]))
        elif sections:
            sections[-1].lines.append(line)
        previous = lines[i]
        i += 1
    return sections


def _title(parts: list[str]) -> str:
    if len(parts) == 1:
        return display_text(parts[0])
    first, second = parts
    joiner = " " if second[:1].islower() else ": "
    return display_text(f"{first}{joiner}{second}")


def _blocks(section: _Section) -> list[Block]:
    blocks: list[Block] = []
    for line in section.lines:
        if line.level == 0:
            blocks.append(Block(line.text, line.number))
        else:
            role: BlockRole = "caption" if line.level >= 4 else "heading"
            blocks.append(Block(line.text, line.number, role))
    return blocks


def _chosen(text: str, lang: str) -> list[_Section]:
    """The instruments of the file in language ``lang``; FormatError when there is none."""
    sections = [s for s in _sections(_read_lines(text)) if s.lines]
    chosen = [s for s in sections if s.language() == lang]
    if not chosen:
        raise FormatError(f"no {lang} text in this laws-markdown file")
    return chosen


def parts(text: str, *, lang: str = "en") -> list[str]:
    """The titles of the file's instruments in language ``lang`` (``part=2`` the second)."""
    return [_title(section.title) for section in _chosen(text, lang)]


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    chosen = _chosen(text, lang)
    if part > len(chosen):
        raise FormatError(f"the file holds {len(chosen)} {lang} instrument(s), not {part}")
    section = chosen[part - 1]
    return Instrument(id="", title=_title(section.title), body=segment(_blocks(section), lang=lang))
