"""Footnotes of plain text extracted from a page layout: markers glued to words and the
notes' text at the foot of the page.

A PDF extraction leaves a footnote's marker glued to the word that cites it ("Waters,1",
"Waters¹", "Waters*") and the note's text as a line of its own where the page ended,
often inside a sentence that goes on after it ("... of the present" / "1 United Nations,
Treaty Series ..." / "Protocol."). Either alone is weak evidence (a number may start a
line inside a sentence, "G20" ends with digits), so a note is read only where both agree:
a line opening with a mark ("1 ", "¹ ", "* ", "† ") that a glued marker with the same
mark cites on one of the lines before it, within a page. The marker leaves the cited
word; the note's lines leave the body and become a ``model.Note`` of the clause that
cites it (see ``segment.notes``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from treatydiff.model import Guess, Note
from treatydiff.normalize import display_text

_SUPERSCRIPTS = "\u00b9\u00b2\u00b3\u2070\u2074\u2075\u2076\u2077\u2078\u2079"
_SYMBOLS = "*\u2020\u2021\u00a7\u00b6"  # * † ‡ § ¶
_MARK = rf"\d{{1,3}}|[{_SUPERSCRIPTS}]+|[{_SYMBOLS}]{{1,3}}"
# A note's first line: its mark, then its text (no "." or ")" after a number: "1." and
# "1)" open paragraphs).
_NOTE_LINE = re.compile(rf"^\s*(?P<mark>{_MARK})(?![.)\d])\s+(?P<text>\S.*)$")
# A marker glued to the end of a word, after its punctuation if any ("Waters,1",
# "Convention1", "States*", "Waters¹"), at a line end or before a space.
_GLUED = re.compile(
    rf"(?<=[^\W\d_]{{3}})(?P<punct>[.,;:)\]\u201d\u2019\"']?)(?P<mark>{_MARK})(?=\s|$)"
)
# How many lines after its marker a note may stand: a page of text.
_PAGE_LINES = 80
_SUPERSCRIPT_DIGITS = str.maketrans(_SUPERSCRIPTS, "1230456789")


@dataclass(frozen=True)
class Footnotes:
    """What :func:`find` reads: ``lines`` the source lines with the markers taken out,
    ``note_lines`` the indexes of the lines that hold notes' text (no body text),
    ``cited`` each note with the 1-based line of its marker, ``guesses`` one for each
    note read."""

    lines: list[str]
    note_lines: set[int]
    cited: list[tuple[int, Note]]
    guesses: list[Guess]


def _key(mark: str) -> str:
    """A mark as compared: superscript digits as digits."""
    return mark.translate(_SUPERSCRIPT_DIGITS)


def find(lines: list[str]) -> Footnotes:
    """The footnotes of the text ``lines`` (see the module's description)."""
    glued: list[tuple[int, re.Match[str]]] = [
        (i, match) for i, line in enumerate(lines) for match in _GLUED.finditer(line)
    ]
    out = list(lines)
    note_lines: set[int] = set()
    cited: list[tuple[int, Note]] = []
    guesses: list[Guess] = []
    used: set[tuple[int, int]] = set()  # (line, offset) of the markers read
    for j, line in enumerate(lines):
        note = _NOTE_LINE.match(line)
        if note is None or j in note_lines:
            continue
        mark = _key(note["mark"])
        citing = [
            (i, match)
            for i, match in glued
            if j - _PAGE_LINES <= i < j
            and _key(match["mark"]) == mark
            and (i, match.start()) not in used
        ]
        if not citing:
            continue
        i, marker = citing[-1]  # the nearest before the note
        used.add((i, marker.start()))
        text_lines = [j, *_continuation(lines, j)]
        note_lines.update(text_lines)
        text = display_text(" ".join([note["text"], *(lines[k] for k in text_lines[1:])]))
        cited.append((i + 1, Note(note["mark"], text, j + 1)))
        guesses.append(
            Guess(
                "note", j + 1, line.strip(), f"read as note {note['mark']}, cited on line {i + 1}"
            )
        )
    # Take the markers read out of their lines, last first so that offsets hold.
    for i, match in sorted(
        ((i, m) for i, m in glued if (i, m.start()) in used),
        key=lambda item: (item[0], -item[1].start()),
    ):
        start, end = match.span("mark")
        out[i] = out[i][:start] + out[i][end:]
    return Footnotes(out, note_lines, sorted(cited, key=lambda item: item[0]), guesses)


def _continuation(lines: list[str], j: int) -> list[int]:
    """Indexes of the lines after note line ``j`` that go on with its sentence: the note
    ends no sentence and the next line starts with a small letter."""
    out: list[int] = []
    k = j
    while (
        k + 1 < len(lines)
        and not lines[k].rstrip().endswith((".", ";", ":"))
        and lines[k + 1].strip()[:1].islower()
    ):
        k += 1
        out.append(k)
    return out
