"""The Markdown dialect of the laws-markdown mirror of the Dutch Treaty Series.

A file holds the Dutch title (``##Title``), then the English text under its own title
(``####Title``, or ``### Convention`` + ``####against torture ...``), then the complete
Dutch translation under its title. An instrument may be appended to another (the ICCPR's
first Optional Protocol, ILO Recommendation 146 after Convention 138); each starts with a
title block of its own and is kept apart: ``part=2`` selects the second one of a language.

Debris removed here: the ``<meta>`` line, Markdown links (their text stays), emphasis
markers, ``<sup>`` footnote calls, HTML entities, trailing spaces.

The mirror prints each paragraph and list item on one line, a blank line after each
heading; the lines of a list follow each other without a blank line, most ending with a
hard break (two spaces). A copy re-wrapped to a narrower measure (``fold -s``, Python's
``textwrap``) reads the same: as in CommonMark, a line that follows a line of text goes on
with its paragraph (a soft break), and one that follows a heading with the heading, unless
it opens a block of its own: a heading, or a list marker ("2.", "(a)", "-") after a hard
break, after the end of a sentence or clause, or after the item before it where a
sentence starts ("1. ..." / "2. The"), never after a cross-reference word ("paragraph" /
"2. of this article"). CommonMark would open a list item at "2." after item "1." wherever
it stands; a re-wrapped line may start with it mid-sentence ("... no later than" / "2.
hours before sunset"), which the mirror never writes; an item whose list has no item
before it ("factors, or" / "(ii) a group") goes on with the sentence too. A wrap that
fell on a hyphen ("well-" / "being") is joined without a space, but not before a
conjunction ("rechts-" / "en"); so is a wrap inside a run of text with no blank that is
longer than a line (a link target, "United Nat" / "ions](...)", a long word), and a
paragraph re-wrapped stands on its first line (its other line starts are no places a
clause may open at).

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
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from treatydiff import lang
from treatydiff.errors import FormatError
from treatydiff.formats.entities import unescape_entities
from treatydiff.formats.un_text_layout import ends_clause, reference_end
from treatydiff.lang.words import Lexicon
from treatydiff.model import Instrument, Note
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block, BlockRole
from treatydiff.segment.markers import Marker, follows, is_first_item, read_marker
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
_SUP = re.compile(r"<sup>(.*?)</sup>", re.IGNORECASE)
_SUP_END = re.compile(r"</sup>", re.IGNORECASE)
_SUP_OPEN = re.compile(r"<sup\b", re.IGNORECASE)
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


# A line end that CommonMark reads as a hard break: two spaces, or a backslash.
_HARD_BREAK = re.compile(r"(?:  |\\)$")
# The words after which a line-end hyphen is a suspended one ("rechts- en", "pre- and"):
# the conjunctions of every language (a section's language is not known when its lines
# are joined).
_CONJUNCTIONS = frozenset(word for language in lang.every() for word in language.conjunctions)
_FIRST_WORD = re.compile(r"[^\W\d_]+")
# How much of the end of a paragraph the end of a sentence or clause is looked for in.
_END_WINDOW = 200
# The word characters on either side of a break inside a run of text with no blank.
_LAST_RUN = re.compile(r"\w+$")
_FIRST_RUN = re.compile(r"\w+")
# What tells where a text ends in a link: its brackets, and the blanks no target holds.
_LINK_MARKS = re.compile(r"[\[\]()]|\s")
_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class _Line:
    """A heading or paragraph of the file: one source line, or the lines of a paragraph
    re-wrapped over several joined."""

    number: int
    text: str
    level: int  # 0 for body text, else the number of leading hashes


@dataclass(frozen=True)
class _Wrap:
    """What tells a wrap inside a word from one at a blank, in a file: its longest line
    (the measure it was wrapped to: a wrapper breaks inside a word where a line is full)
    and its words (lowercased, read at first need)."""

    width: int
    text: str

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(word.lower() for word in _WORDS.findall(self.text))

    def is_word(self, word: str, *, of_file: bool = False) -> bool:
        """Whether ``word`` is a word of any language's word list, or (``of_file``) of
        the file (whose words hold the pieces of words it breaks)."""
        return (of_file and word.lower() in self.words) or Lexicon.of(()).is_word(word)


@dataclass
class _Paragraph:
    """The source lines of a heading or paragraph being read, stripped, with the
    joints between them (" ", or "" where a wrap fell inside a word or run)."""

    number: int
    level: int
    pieces: list[str]
    joints: list[str]
    marker: Marker | None  # the list marker it opens with
    # Where the text so far ends in a link: "out", "text" ("[..."), "close" ("[...]"),
    # "target" ("[...](...", with the depth of the target's parentheses).
    link: tuple[str, int] = ("out", 0)
    # How many "<sup>" its lines have opened and not closed: a translator's note there
    # ("<sup> 1)  Noot vertaler: ...</sup>") runs on over the lines it is wrapped to.
    sup: int = 0

    def __post_init__(self) -> None:
        self.link = _link_state(self.link, self.pieces[0])
        self.sup = _sup_depth(self.sup, self.pieces[0])

    def line(self) -> _Line:
        """The paragraph read: its debris removed over its lines joined, where a link or
        emphasis may run from one line into the next. It stands on its first line: the
        starts of its other lines are no places the segmenter may open a clause at (as
        it would a recital after a line that ends with ","), since the file's own lines
        hold no such starts."""
        joined = [self.pieces[0]]
        for joint, piece in zip(self.joints, self.pieces[1:], strict=True):
            joined += [joint, piece]
        return _Line(self.number, clean_inline("".join(joined)), self.level)

    def goes_on(self, line: str, hard_break: bool, items: dict[str, str]) -> bool:
        """Whether source ``line`` (stripped, after a line of this paragraph that ended
        with a hard break or not) continues it rather than opening a paragraph;
        ``items``: the last number of each marker style that opened a paragraph under
        the heading above."""
        if self.level:
            return True  # the mirror leaves a blank line after each heading
        marker = read_marker(line)
        if marker is None or self.sup > 0:
            return True
        if hard_break:
            return False
        # The end of the paragraph, not of its last line alone ("light;" / "and"), with
        # no closing tag ("... is. </sup>").
        before = _TAG.sub("", " ".join(self.pieces[-2:])[-_END_WINDOW:]).rstrip()
        codes = [language.code for language in lang.every()]
        if any(reference_end(code).search(before) for code in codes):
            return True
        rest = line[marker.end :].lstrip()
        sentence = not rest or rest[:1].isupper()  # or an item with no text ("9.")
        # An item whose list has no item before it goes on with the sentence ("... these
        # factors, or" / "(ii) a group", its "(i)" inside a line; "Articles 54,
        # paragraph 2, and" / "55. No other"), unless a sentence ends before it and one
        # starts after it (a list whose first item the mirror lost).
        if not (
            marker.style == "dash"
            or is_first_item(marker.num)
            or any(follows(num, marker.num) for num in items.values())
            or (before.endswith(".") and sentence)
        ):
            return True
        # "2." after item "1." whose full stop the mirror lost ("... legal experience" /
        # "2. The members"), where a sentence starts after it ("2. hours" goes on).
        in_sequence = self.marker is not None and follows(self.marker.num, marker.num) and sentence
        return not (in_sequence or any(ends_clause(code).search(before) for code in codes))

    def add(self, raw: str, previous: str, wrap: _Wrap) -> None:
        """Add source line ``raw``, read after source line ``previous`` of a file
        re-wrapped as ``wrap`` tells."""
        before, line = self.pieces[-1], raw.strip()
        # fold -s leaves the blank it breaks at at the end of the line, or at the start
        # of the next where the line is full before it
        spaced = previous[-1:].isspace() or raw[:1].isspace()
        first = _FIRST_WORD.match(line)
        hyphen = (
            before.endswith("-")
            and before[-2:-1].isalpha()
            and first is not None
            and first.group().lower() not in _CONJUNCTIONS
        )
        state = self.link[0]
        inside_word = not spaced and (
            hyphen
            or state == "target"
            or (state == "close" and line.startswith("("))
            or line.startswith((",", ";", ":", "."))
            or _splits_run(previous, line, wrap)
        )
        self.joints.append("" if inside_word else " ")
        self.link = _link_state(self.link, line)
        self.sup = _sup_depth(self.sup, line)
        self.pieces.append(line)


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
        text = _by_line(_SUP, _SUP_END, text, _raised)
    if "[" in text:
        text = _unlink(text)
    if "<" in text:
        text = _linear_sub(_TAG, _TAG_END, text)
    for (emphasis, closing), mark in zip(_EMPHASIS, "*_", strict=True):
        if mark in text:
            text = _by_line(emphasis, closing, text)
    return unescape_entities(text)


def _linear_sub(
    pattern: re.Pattern[str],
    closing: re.Pattern[str],
    text: str,
    replace: Callable[[re.Match[str]], str] | None = None,
) -> str:
    """``pattern.sub(replace or r"\\1" or "", text)`` in linear time, for a pattern that
    ends with a ``closing`` mark and matches from every opening that has such a mark after
    it: the text after the last closing mark holds no match, and is left as it is instead
    of being read to its end from every opening mark in it."""
    end = 0
    for end_match in closing.finditer(text):
        end = end_match.end()
    if not end:
        return text
    replacement = replace or (r"\1" if pattern.groups else "")
    return pattern.sub(replacement, text[:end]) + text[end:]


def _by_line(
    pattern: re.Pattern[str],
    closing: re.Pattern[str],
    text: str,
    replace: Callable[[re.Match[str]], str] | None = None,
) -> str:
    """``_linear_sub`` on each line of ``text``, for a pattern that matches within a line."""
    if "\n" not in text:
        return _linear_sub(pattern, closing, text, replace)
    return "\n".join(_linear_sub(pattern, closing, ln, replace) for ln in text.split("\n"))


def _raised(match: re.Match[str]) -> str:
    """A ``<sup>`` of the mirror: digits raised after a digit are an exponent
    ("10<sup>6</sup>" is "10⁶", 46 times in its 1,605 files; ``html_furniture.sup_reading``);
    anything else is a note call ("<sup>1)</sup>") or a translator's note, left out (and
    so, alas, the square of a formula's letter: "D<sup>2</sup>")."""
    from treatydiff.formats.html_furniture import sup_reading, superscript

    mark, before = match.group(1), match.string[: match.start()]
    exponent = sup_reading(mark, before, linked=False) == "exponent"
    return superscript(mark.strip()) if exponent else ""


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


def _splits_run(before: str, line: str, wrap: _Wrap) -> bool:
    """Whether line ``before``, not ending with a blank, and ``line`` split one run of
    text with no blank in it: a run longer than a line ("negentienhonderd-drieëennegent" /
    "ig", a link "United Nat" / "ions](../README.md)", "[3" / "5](...)", "...
    README.md)tha" / "t"), which a wrapper breaks where the line is full, not at a blank.
    A full line may also end at a blank before a long run ("Northern" / "Sea](...)",
    "toepasselijke" / "mensenrechteninstrumenten"): pieces that are no word together
    (in any language's word list or the file) where one of them is one are taken for
    two words."""
    head, tail = _LAST_RUN.search(before), _FIRST_RUN.match(line)
    if len(before) != wrap.width or head is None or tail is None:
        return False
    run = len(before) - before.rfind(" ") - 1 + len(line.split(maxsplit=1)[0])
    first, rest = head.group(), tail.group()
    return run > wrap.width and (
        wrap.is_word(first + rest, of_file=True) or not (wrap.is_word(first) or wrap.is_word(rest))
    )


def _sup_depth(depth: int, text: str) -> int:
    """The number of ``<sup>`` tags open after ``text``, ``depth`` open before it."""
    if "<" not in text:
        return depth
    opened = len(_SUP_OPEN.findall(text))
    return max(depth + opened - len(_SUP_END.findall(text)), 0)


def _link_state(state: tuple[str, int], text: str) -> tuple[str, int]:
    """Where ``text`` ends in a link (see ``_Paragraph.link``), read on from ``state``,
    as ``_unlink`` reads links: a target has no blank. Linear in ``text``."""
    kind, depth = state
    for mark in _LINK_MARKS.finditer(text):
        char, end = mark.group(), mark.end()
        if kind == "close" and char == "(":
            kind, depth = "target", 1
        elif kind == "target":
            depth += (char == "(") - (char == ")")
            if char.isspace() or depth == 0:
                kind, depth = "out", 0
        elif char == "[":
            kind = "text"
        elif char == "]" and kind == "text":
            kind = "close" if end == len(text) or text[end] == "(" else "out"
        elif kind == "close":
            kind = "out"
    return kind, depth


def _read_lines(text: str) -> list[_Line]:
    """The headings and paragraphs of the file, each source line or the lines of a
    re-wrapped one joined (see the module's docstring). Linear in the text."""
    paragraphs: list[_Paragraph] = []
    open_paragraph: _Paragraph | None = None  # None after a blank line
    raws = [raw.rstrip("\r") for raw in text.split("\n")]
    wrap = _Wrap(max(map(len, raws), default=0), text)
    previous = ""  # the source line before, unstripped
    items: dict[str, str] = {}  # see ``_Paragraph.goes_on``
    for number, raw in enumerate(raws, start=1):
        stripped = raw.strip()
        if not stripped or stripped.lower().startswith("<meta"):
            open_paragraph = None
            continue
        heading = _HEADING.match(stripped)
        if heading:
            items.clear()
            open_paragraph = _Paragraph(
                number, len(heading["hashes"]), [heading["text"].strip()], [], None
            )
            paragraphs.append(open_paragraph)
        elif open_paragraph is not None and open_paragraph.goes_on(
            stripped, _HARD_BREAK.search(previous) is not None, items
        ):
            open_paragraph.add(raw, previous, wrap)
        else:
            marker = read_marker(stripped)
            if marker is not None:
                items[marker.style] = marker.num
            open_paragraph = _Paragraph(number, 0, [stripped], [], marker)
            paragraphs.append(open_paragraph)
        previous = raw
    lines = [paragraph.line() for paragraph in paragraphs]
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
