"""The Markdown dialect of the laws-markdown mirror of the Dutch Treaty Series.

A file holds the Dutch title (``##Title``), then the English text under its own title
(``####Title``, or ``### Convention`` + ``####against torture ...``), then the complete
Dutch translation under its title. An instrument may be appended to another (the ICCPR's
first Optional Protocol, ILO Recommendation 146 after Convention 138); each starts with a
title block of its own and is kept apart: ``part=2`` selects the second one of a language.

Debris removed here: the ``<meta>`` line, Markdown links (their text stays), emphasis
markers, ``<sup>`` footnote calls, HTML entities, trailing spaces.

The mirror prints its own editorial lines, in Dutch, inside the English text: "Treedt in
werking op een nader te bepalen tijdstip" under the caption of every article of a treaty
not yet in force, "Wijzigt het Europees Verdrag ..." where an amending article's text is
replaced by a reference to the treaty it amends, "Vervalt", "De tekst van de vertaling is
niet beschikbaar". Such a paragraph, whole and in another language than its section, is
an editorial note (``model.Note``, no marker) of the clause it stands in, not a clause:
compared as a note, it pairs with its article's note and is never a chapeau.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatydiff import lang
from treatydiff.errors import FormatError
from treatydiff.lang.words import Lexicon
from treatydiff.model import Instrument, Note
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block, BlockRole
from treatydiff.segment.markers import read_marker
from treatydiff.segment.notes import attach
from treatydiff.segment.tree import segment
from treatydiff.segment.vocabulary import alternatives

# A heading's text is the rest of its line, stripped (a lazy ``.*?`` before ``\s*$`` would
# try every whitespace run to its end: quadratic in a line of many spaced words).
_HEADING = re.compile(r"^(?P<hashes>#{2,6})(?P<text>.*)$")
# Headings that carry structure, in any language (a section's language is not known when
# its title is read); any other "###" line before a "####" is part of a title.
_STRUCTURE_WORDS = [
    word
    for language in lang.every()
    for word in (*language.article_words, *language.container_words, *language.preamble_words)
]
_STRUCTURAL = re.compile(rf"^(?:{alternatives(_STRUCTURE_WORDS)}|[IVXLC]+\.?$)", re.IGNORECASE)
# The mirror's debris, removed line by line. A link target may hold balanced parentheses
# ("/treaty/(wct)/(1996)/..."): one level. Each pattern is applied so that the time is
# linear in the line (see ``_linear_sub`` and ``_unlink``): a pattern that can fail after
# reading to the end of the line, tried at every opening mark, would be quadratic.
_LINK_TAIL = re.compile(r"\]\((?:[^()]|\([^()]*\))*\)")
_SUP = re.compile(r"<sup>.*?</sup>", re.IGNORECASE)
_SUP_END = re.compile(r"</sup>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_TAG_END = re.compile(r">")
# Underscores inside words are text; a closing asterisk may touch the next word where the
# mirror lost the space after it ("*inter alia,*include"), which CommonMark would not read
# as emphasis: this dialect is cleaned by these patterns, not by a Markdown parser. Each
# comes with the pattern of its closing marks.
_EMPHASIS = (
    (
        re.compile(r"(?<![\w*])\*{1,2}(?=\S)(.+?)(?<=\S)\*{1,2}(?!\*)"),
        re.compile(r"(?<=\S)\*{1,2}(?!\*)"),
    ),
    (
        re.compile(r"(?<![\w_])_{1,2}(?=\S)(.+?)(?<=\S)_{1,2}(?![\w_])"),
        re.compile(r"(?<=\S)_{1,2}(?![\w_])"),
    ),
)


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
        """The language whose common words its first 80 lines use most (the first of
        ``lang.LANGUAGES`` on a tie)."""
        words = re.findall(r"[a-z]+", " ".join(ln.text.lower() for ln in self.lines[:80]))
        scores = lang.common_word_scores(words)
        return max(scores, key=scores.__getitem__)


def clean_inline(text: str) -> str:
    """Remove links (keeping their text), emphasis, tags, footnote calls and entities.
    Linear in the length of ``text``."""
    # Each pattern needs its mark; most lines have none, and a scan costs more than a look.
    if "<" in text:
        text = _by_line(_SUP, _SUP_END, text)
    if "[" in text:
        text = _unlink(text)
    if "<" in text:
        text = _linear_sub(_TAG, _TAG_END, text)
    for (emphasis, closing), mark in zip(_EMPHASIS, "*_", strict=True):
        if mark in text:
            text = _by_line(emphasis, closing, text)
    if "&" not in text:
        return text  # as html.unescape would; most texts have no entity, and need no html
    import html

    return html.unescape(text)


def _linear_sub(pattern: re.Pattern[str], closing: re.Pattern[str], text: str) -> str:
    """``pattern.sub(r"\\1" or "", text)`` in linear time, for a pattern that ends with a
    ``closing`` mark and matches from every opening that has such a mark after it: the
    text after the last closing mark holds no match, and is left as it is instead of being
    read to its end from every opening mark in it."""
    end = 0
    for end_match in closing.finditer(text):
        end = end_match.end()
    if not end:
        return text
    replacement = r"\1" if pattern.groups else ""
    return pattern.sub(replacement, text[:end]) + text[end:]


def _by_line(pattern: re.Pattern[str], closing: re.Pattern[str], text: str) -> str:
    """``_linear_sub`` on each line of ``text``, for a pattern that matches within a line."""
    if "\n" not in text:
        return _linear_sub(pattern, closing, text)
    return "\n".join(_linear_sub(pattern, closing, line) for line in text.split("\n"))


def _unlink(text: str) -> str:
    """Links and images reduced to their text: ``!?\\[([^\\]]*)\\]`` then ``_LINK_TAIL``,
    substituted as ``re.sub`` would, in linear time: every "[" before the same "]" meets
    the same tail, so after a failed tail the search goes on after that "]"."""
    out: list[str] = []
    done = search = 0
    while (start := text.find("[", search)) >= 0:
        close = text.find("]", start)
        if close < 0:
            break
        tail = _LINK_TAIL.match(text, close)
        if tail is None:
            search = close + 1
            continue
        begin = start - 1 if start > done and text[start - 1] == "!" else start
        out += [text[done:begin], text[start + 1 : close]]
        done = search = tail.end()
    out.append(text[done:])
    return "".join(out)


def _read_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        stripped = raw.strip()
        if not stripped or stripped.lower().startswith("<meta"):
            continue
        heading = _HEADING.match(stripped)
        if heading:
            text = clean_inline(heading["text"].strip())
            lines.append(_Line(number, text, len(heading["hashes"])))
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


# The letters of a word, as the languages' common words are written.
_WORD = re.compile(r"[^\W\d_]+")
# The language of the mirror's editors, and the most words an editorial line runs to (the
# longest, "Wijzigt het Verdrag ...; Londen, 19-11-1976", about 15; a letter of an
# exchange of notes printed in Dutch is text, and longer).
_EDITORS = "nl"
_EDITORIAL_WORDS = 30


def _editorial(line: _Line, code: str) -> bool:
    """Whether body line ``line`` of a section in language ``code`` is an editorial note
    of the mirror: a short paragraph in its editors' language by its common words
    (``lang.foreign``) and by its words (``lang.words``): no word only ``code`` has, and
    at least three, and a third of its words, only Dutch has. The word lists share many
    words ("in", "door", "van", "tax"), so only the words one of them lacks tell: "Each
    watertight door:" has a Dutch common word and is English; "Rafael Ortega, S. en C."
    and a Latin plant name with "De" have one Dutch word. A list item ("- de
    inkomstenbelasting (income tax)", a treaty's own words) or a table row is text."""
    if line.level or line.text.startswith("|") or read_marker(line.text) is not None:
        return False
    words = _WORD.findall(line.text.lower())
    if not 2 <= len(words) <= _EDITORIAL_WORDS or lang.foreign(words, code) != _EDITORS:
        return False
    own, editors = Lexicon.of([code]), Lexicon.of([_EDITORS])
    theirs = sum(editors.is_word(w) and not own.is_word(w) for w in words)
    mine = sum(own.is_word(w) and not editors.is_word(w) for w in words)
    return mine == 0 and theirs >= max(3, len(words) / 3)


def _blocks(section: _Section, code: str) -> tuple[list[Block], list[tuple[int, Note]]]:
    """The section's blocks, and its editorial notes with their lines."""
    blocks: list[Block] = []
    notes: list[tuple[int, Note]] = []
    for line in section.lines:
        if _editorial(line, code):
            notes.append((line.number, Note("", display_text(line.text), line.number)))
        elif line.level == 0:
            blocks.append(Block(line.text, line.number))
        else:
            role: BlockRole = "caption" if line.level >= 4 else "heading"
            blocks.append(Block(line.text, line.number, role))
    return blocks, notes


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
        parts = "only part 1" if len(chosen) == 1 else f"parts 1 to {len(chosen)}"
        raise FormatError(
            f"the file holds {len(chosen)} {lang} instrument(s); there is no part {part}, {parts}"
        )
    section = chosen[part - 1]
    blocks, notes = _blocks(section, lang)
    body = attach(segment(blocks, lang=lang), notes, inside=True)
    return Instrument(id="", title=_title(section.title), body=body)
