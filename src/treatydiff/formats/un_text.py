"""Plain text in the UN/OHCHR layout, typed or extracted from a PDF.

Hard-wrapped lines are joined into paragraphs. A paragraph starts at a blank line, at a
heading ("Article 3", "PART II"), or at a list marker ("1.", "(a)", "a)", "(i)", "a.") that
follows the end of a sentence or clause; the preamble's recitals are told apart by their
opening words in the segmenter. End-of-line hyphenation is undone where the document
itself shows the unhyphenated word, or the language's word list knows it and not both of
its pieces, and kept otherwise (real hyphens survive: "re-" / "sign"). Running headers,
footers and page numbers are dropped, also where they interrupt a paragraph (with the
blank lines around them where the paragraph goes on after them). The title block and the
"Adopted ..." and "entry into force ..." lines become metadata.

This module reads the paragraphs and list items; the other jobs are done in their own
modules: the lines and language patterns of the layout (``un_text_layout``), page
furniture (``page_furniture``), end-of-line hyphenation (``hyphenation``), heading and
caption lines (``un_text_headings``) and the title block (``un_text_title``).
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.errors import FormatError
from treatydiff.formats import footnotes, hyphenation
from treatydiff.formats.page_furniture import blank_lines_inside_paragraphs, noise_lines
from treatydiff.formats.un_text_headings import caption_lines, heading_lines
from treatydiff.formats.un_text_layout import TextLine, Words, words_of
from treatydiff.formats.un_text_title import body_start_index, title_block
from treatydiff.model import Guess, Instrument, Note
from treatydiff.segment.blocks import Block, BlockRole
from treatydiff.segment.markers import (
    comes_after,
    follows,
    is_first_item,
    list_level,
    read_marker,
)
from treatydiff.segment.notes import attach
from treatydiff.segment.tree import segment

# How much of the end of a paragraph ``ends_clause`` looks at: a search over the whole
# paragraph for each of its lines would be quadratic.
_CLAUSE_END_WINDOW = 1000


def _paragraphs(lines: list[TextLine], language: Words, guesses: list[Guess]) -> list[Block]:
    """The blocks of the body ``lines``; the guesses made on weak evidence are added to
    ``guesses``."""
    words, compounds = hyphenation.vocabulary(lines)
    headings = heading_lines(lines, language, guesses) | {
        i for i, ln in enumerate(lines) if ln.role == "heading"
    }
    captions = caption_lines(lines, headings, language) | {
        i for i, ln in enumerate(lines) if ln.role == "caption"
    }
    guesses += [
        Guess("caption", lines[i].number, lines[i].text, "read as the caption of the heading above")
        for i in sorted(captions)
    ]
    blocks: list[Block] = []
    pieces: list[str] = []  # the lines of the paragraph being read, hyphens undone
    spans: list[tuple[int, int]] = []
    length = 0  # of the paragraph so far, joined
    role: BlockRole = "text"
    previous: TextLine | None = None
    # The open list levels, outermost first, as (marker shape, last item number): one
    # shape may serve two levels ("(a)" > "(i)" > "(a)"), and an item after an inner list
    # ends ("(b)" after "(ii)") goes on with the outer level whose last item it follows.
    levels: list[tuple[str, str | None]] = []

    def flush() -> None:
        nonlocal pieces, spans, length
        if pieces:
            blocks.append(Block("".join(pieces), spans[0][1], role, tuple(spans)))
        pieces, spans, length = [], [], 0

    def paragraph_end() -> str:
        """The end of the paragraph so far (not only its last line: "and" may stand alone
        on a line), as much as ``ends_clause`` and ``reference_end`` look at."""
        tail: list[str] = []
        size = 0
        for piece in reversed(pieces):
            tail.append(piece)
            size += len(piece)
            if size >= _CLAUSE_END_WINDOW:
                break
        return "".join(reversed(tail))

    for index, line in enumerate(lines):
        if not line.text:
            flush()
            previous = None
            continue
        line_role: BlockRole = "text"
        if index in headings:
            line_role = "heading"
        elif index in captions:
            line_role = "caption"
        # "(c)" after "(b)" is a letter, not the Roman hundred; after a chapeau ("(h) ...:")
        # "(i)" opens a nested list of Roman numerals.
        chapeau = bool(pieces) and pieces[-1].endswith(":")
        open_alpha = [] if chapeau else [num or "" for style, num in levels if "alpha" in style]
        marker = read_marker(line.text, previous_alpha=open_alpha)
        if line_role == "heading":
            levels.clear()
        starts_new = previous is None or line_role != role or line_role == "heading"
        if marker is not None and not starts_new:
            text = paragraph_end()
            ends = language.ends_clause.search(text) is not None
            # "2." after "1." opens an item even where the source lost a full stop ...
            level = list_level(levels, marker)
            last = levels[level][1] if level is not None else None
            in_sequence = follows(last, marker.num)
            # ... but not where it goes on with a cross-reference ("in article" / "2."),
            # nor, for an item that opens no list, where no earlier item of its list
            # stands before it ("... these factors, or" / "(ii) a group", its "(i)"
            # inside a line).
            reference = language.reference_end.search(text) is not None
            plausible = (
                in_sequence
                or marker.style == "dash"  # indents carry no number to check
                or is_first_item(marker.num)
                or (last is not None and comes_after(last, marker.num))
                # "ii." after "(i)": the source changed the shape of its markers
                or any(follows(num, marker.num) for _, num in levels)
            )
            # A bracketed first item opens a list even after a chapeau that lost its colon
            # ("... unless the new Convention otherwise provides" / "(a) the ..."), not
            # after a comma, where a list runs inside the sentence (", (i) persons").
            open_end = text[-1:].isalpha() or text.endswith(("-", "\u2013", "\u2014"))
            opens_list = is_first_item(marker.num) and marker.style.endswith(")") and open_end
            starts_new = not reference and plausible and (ends or in_sequence or opens_list)
            if not starts_new:
                detail = f"read as words of the sentence before it, not as item {marker.num}"
                guesses.append(Guess("number mid-line", line.number, line.text, detail))
            elif not ends:
                detail = (
                    f"read as item {marker.num} after item {last}, though the line "
                    "before ends no sentence"
                )
                guesses.append(Guess("number mid-line", line.number, line.text, detail))
        if starts_new and marker is not None:
            level = list_level(levels, marker)
            del levels[len(levels) if level is None else level :]
            levels.append((marker.style, marker.num))
        if starts_new:
            flush()
            pieces, spans, role, length = [line.text], [(0, line.number)], line_role, len(line.text)
        else:
            before = len(pieces[-1])
            joint = hyphenation.joint(pieces, line, words, compounds, language.lexicon, guesses)
            length += len(pieces[-1]) - before + len(joint)
            spans.append((length, line.number))
            pieces += [joint, line.text]
            length += len(line.text)
        previous = line
    flush()
    return blocks


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    if part != 1:
        raise FormatError(
            f"a plain text holds one instrument; there is no part {part}, only part 1"
        )
    words = words_of(lang)
    notes = footnotes.find(text.split("\n"))
    raw_lines = notes.lines
    furniture = noise_lines(raw_lines, words)
    noise = furniture | notes.note_lines
    noise |= blank_lines_inside_paragraphs(raw_lines, noise, words)
    guesses = [*notes.guesses]
    guesses += [
        Guess(
            "header dropped",
            i + 1,
            raw_lines[i].replace("\f", "").strip(),
            "read as page furniture",
        )
        for i in sorted(furniture)
        if raw_lines[i].strip()
    ]
    lines = [
        TextLine(i + 1, raw.replace("\f", "").strip())
        for i, raw in enumerate(raw_lines)
        if i not in noise
    ]
    return parse_lines(lines, lang=lang, guesses=guesses, cited=notes.cited)


def parse_lines(
    lines: list[TextLine],
    *,
    lang: str = "en",
    start: int | None = None,
    guesses: Sequence[Guess] = (),
    cited: Sequence[tuple[int, Note]] = (),
) -> Instrument:
    """The instrument in ``lines`` (page furniture already dropped): the title block, then
    the body from line index ``start`` (where the opening words stand when None).

    ``guesses`` are those made before (a dropped header, a footnote read), ``cited`` the
    footnotes read at page feet with the lines citing them; the instrument carries the
    guesses with those of the segmentation, in source order."""
    words = words_of(lang)
    if start is None:
        start = body_start_index(lines, words)
    title_lines = [line for line in lines[:start] if line.text]
    title, metadata, preface = title_block(title_lines, words)
    found = list(guesses)
    blocks = _paragraphs(lines[start:], words, found)
    body = attach(segment(blocks, lang=lang), cited)
    found.sort(key=lambda guess: guess.line or 0)
    return Instrument(
        id="",
        title=title,
        metadata=metadata,
        body=(preface, *body) if preface else body,
        guesses=tuple(found),
    )
