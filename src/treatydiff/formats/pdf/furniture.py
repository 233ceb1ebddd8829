"""Page furniture and notes: what stands on the pages beside the text of the instrument.

* Running headers and footers: a line in the top or bottom band of a page (the lines
  set off from the text by a blank line's gap) whose text, digits aside, recurs in a
  band of another page; page numbers ("247", "Page 3", "- 5 -", "iii", "8 / ..."); UN
  document symbols ("A/RES/48/263"); continuation marks ("/...").
* Footnotes: the lines below a separator rule ("____") near the foot of the page, or the
  run of lines at the foot set smaller than the text that starts with a note number.
  Their calls in the text are dropped where certain: raised digits, and "3/" calls (the
  UN's typewriter style) where the document holds note "3/". Digits raised right after a
  digit or a letter are an exponent or a power ("10" raised "6", "km" raised "2"), kept
  in superscript, unless a note has their number; a raised signed number always is.
* Marginal notes: the lines of a column much narrower than the text beside it.

Nothing is dropped silently: each is returned as an ``Aside`` with its page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from treatydiff import lang
from treatydiff.formats.html_furniture import superscript
from treatydiff.formats.pdf.layout import Line
from treatydiff.segment.vocabulary import alternatives

_STRUCTURE_WORDS = dict.fromkeys(
    word.rstrip(".")
    for language in lang.every()
    for word in (*language.article_words, *language.container_words, *language.preamble_words)
)

AsideKind = Literal[
    "header",
    "footer",
    "page-number",
    "note",
    "note-call",
    "separator",
    "margin-note",
    "front-matter",
]

_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014\s]*(?:page|p[aá]gina|p\.)?\s*(?:\d{1,4}|[ivxlc]{1,7})"
    r"(?:\s*(?:/|of|de)\s*\d{1,4})?[-\u2013\u2014\s]*$",
    re.IGNORECASE,
)
_DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9][A-Z0-9.-]*){2,}$")
_CONTINUED = re.compile(r"^(?:/\s?\.\.\.|\.\.\./?)$")
_RULE = re.compile(r"^[_\-\u2013\u2014\u2015\u2500]{3,}$")
# A heading in a page's top or bottom band is text, in any known language (the band is
# read before the document's language matters).
_STRUCTURE = re.compile(
    rf"^(?:Annex|{alternatives(_STRUCTURE_WORDS)})(?!\w)",
    re.IGNORECASE,
)
_NOTE_START = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021])(?:/|\.|\))?(?=\s|[A-Z(])")
_SLASH_CALL = re.compile(r"^(\d{1,3})/")
_NOTE_NUMBER = re.compile(r"^(\d{1,3})\b")
# A raised number: a sign makes it no note call ("10" raised "-6").
_RAISED_NUMBER = re.compile(r"([-+\u2212]?)(\d+)")


@dataclass(frozen=True)
class Aside:
    """Text of the pages kept out of the clauses: what it is and where it stood."""

    kind: AsideKind
    page: int
    text: str


@dataclass(frozen=True)
class Metrics:
    """The document's text size and line pitch (points), from its most common lines."""

    size: float
    pitch: float


def metrics(pages: list[list[Line]]) -> Metrics:
    """The most common text size (to half a point) of the lines outside the margins, and
    the most common step between lines of that size. A size that rounds to 0 (a damaged
    file's text matrix) is no reading size and is not counted: others divide by it."""
    sizes: Counter[float] = Counter()
    for lines in pages:
        for line in lines:
            size = round(line.size * 2) / 2
            if not line.margin and size > 0:
                sizes[size] += len(line.text)
    size = sizes.most_common(1)[0][0] if sizes else 10.0
    pitches: Counter[int] = Counter()
    for lines in pages:
        for a, b in pairwise(lines):
            step = b.bottom - a.bottom
            same = abs(a.size - size) < 0.6 and abs(b.size - size) < 0.6 and a.left == b.left
            if same and 0 < step < 3 * size:
                pitches[round(step)] += 1
    pitch = float(pitches.most_common(1)[0][0]) if pitches else 1.2 * size
    return Metrics(size, pitch)


def sort_out(
    pages: list[list[Line]], heights: dict[int, float], measure: Metrics
) -> tuple[list[Line], list[Aside]]:
    """The body lines of ``pages`` (each in reading order) and the asides taken out."""
    banded = [(_bands(lines, heights[lines[0].page], measure), lines) for lines in pages if lines]
    seen: defaultdict[str, set[int]] = defaultdict(set)
    for bands, _ in banded:
        for line, _ in bands:
            seen[_shape(line.text)].add(line.page)
    text: list[Line] = []
    asides: list[Aside] = []
    for bands, lines in banded:
        furniture = _furniture(bands, seen)
        asides.extend(furniture.values())
        rest = [line for line in lines if id(line) not in furniture]
        notes, rest = _notes(rest, heights[lines[0].page], measure)
        asides.extend(notes)
        asides.extend(_margin_notes([line for line in rest if line.margin], measure))
        text.extend(line for line in rest if not line.margin)
    # "3/" calls: a later page may call a note again ("1/" in an annexed agreement).
    calls = {m[1] for note in asides if note.kind == "note" and (m := _SLASH_CALL.match(note.text))}
    numbered = {
        m[1] for note in asides if note.kind == "note" and (m := _NOTE_NUMBER.match(note.text))
    }
    body: list[Line] = []
    for line in text:
        cleaned, dropped = _drop_calls(line, calls, numbered)
        body.append(_composed(cleaned))
        asides.extend(Aside("note-call", line.page, call) for call in dropped)
    return body, asides


def _shape(text: str) -> str:
    return re.sub(r"\d+", "#", "".join(text.split()).lower())


def _bands(lines: list[Line], height: float, measure: Metrics) -> list[tuple[Line, str]]:
    """The lines of the page's top and bottom bands, each with its band's kind."""
    ordered = sorted((line for line in lines if not line.margin), key=lambda ln: ln.top)
    out: list[tuple[Line, str]] = []
    for kind, run in (("header", ordered), ("footer", ordered[::-1])):
        band: list[Line] = []
        for k, line in enumerate(run[:3]):
            near_edge = line.bottom < 0.2 * height if kind == "header" else line.top > 0.8 * height
            if not near_edge:
                break
            band.append(line)
            after = run[k + 1] if k + 1 < len(run) else None
            gap = 0.0
            if after is not None:
                gap = after.top - line.bottom if kind == "header" else line.top - after.bottom
            if after is None or gap > 0.8 * measure.pitch:
                out.extend((member, kind) for member in band)
                break
    return out


def _furniture(bands: list[tuple[Line, str]], seen: dict[str, set[int]]) -> dict[int, Aside]:
    out: dict[int, Aside] = {}
    for line, kind in bands:
        text = line.text.strip()
        if _PAGE_NUMBER.match(text):
            out[id(line)] = Aside("page-number", line.page, text)
        elif _STRUCTURE.match(text):
            continue
        elif _DOCUMENT_SYMBOL.match(text) or _CONTINUED.match(text) or len(seen[_shape(text)]) >= 2:
            out[id(line)] = Aside("header" if kind == "header" else "footer", line.page, text)
    return out


def _notes(lines: list[Line], height: float, measure: Metrics) -> tuple[list[Aside], list[Line]]:
    """The footnotes at the foot of one page (and its separator), and the other lines."""
    ordered = sorted((line for line in lines if not line.margin), key=lambda ln: ln.top)
    foot: list[Line] = []
    asides: list[Aside] = []
    rule = next(
        (k for k, line in enumerate(ordered) if _RULE.match(line.text) and line.top > 0.4 * height),
        None,
    )
    if rule is not None:
        asides.append(Aside("separator", ordered[rule].page, ordered[rule].text))
        foot = ordered[rule + 1 :]
        taken = {id(line) for line in ordered[rule:]}
    else:
        for line in reversed(ordered):
            if line.size >= 0.85 * measure.size or line.top < 0.55 * height:
                break
            foot.insert(0, line)
        while foot and not _starts_note(foot[0]):
            foot.pop(0)
        taken = {id(line) for line in foot}
    notes: list[list[str]] = []
    for line in foot:
        text = _note_text(line)
        if _starts_note(line) or not notes:
            notes.append([text])
        else:
            notes[-1].append(text)
    asides.extend(Aside("note", foot[0].page, " ".join(note)) for note in notes)
    return asides, [line for line in lines if id(line) not in taken]


def _starts_note(line: Line) -> bool:
    return bool(line.calls and line.calls[0][0] == 0) or bool(_NOTE_START.match(line.text))


def _note_text(line: Line) -> str:
    """A note line's text, a space after the raised number that opens it."""
    if line.calls and line.calls[0][0] == 0:
        end = line.calls[0][1]
        return f"{line.text[:end]} {line.text[end:].lstrip()}"
    return line.text


def _margin_notes(lines: list[Line], measure: Metrics) -> list[Aside]:
    """Marginal lines, joined into one note per run without a blank line's gap."""
    out: list[Aside] = []
    previous: Line | None = None
    for line in lines:
        joins = (
            previous is not None
            and previous.page == line.page
            and 0 <= line.top - previous.bottom <= 0.8 * measure.pitch
        )
        if joins and out:
            last = out[-1]
            out[-1] = Aside("margin-note", last.page, f"{last.text} {line.text}")
        else:
            out.append(Aside("margin-note", line.page, line.text))
        previous = line
    return out


def _composed(line: Line) -> Line:
    """``line`` with its text composed (Unicode NFC: "i" and a combining acute as "í"),
    so that the patterns that find structure read a decomposed text layer's words
    ("Arti\u0301culo") as the language's. Its calls, offsets into the text, are spent."""
    text = unicodedata.normalize("NFC", line.text)
    return line if text == line.text else replace(line, text=text, calls=())


def _drop_calls(line: Line, slash_calls: set[str], notes: set[str]) -> tuple[Line, list[str]]:
    """``line`` without its note calls, and the calls dropped.

    A raised number with a sign is no call ("10" raised "-6", "km" raised "-1"). Raised
    digits right after a digit are an exponent ("10" raised "6": a million), and right
    after a letter a unit's power or an article's number ("km" raised "2", "article 3"
    raised "1"): each kept in superscript ("10\u2076", "km\u00b2", as a text prints it),
    unless the document holds a note of that number (``notes``: "of 1989" raised "1" and
    "Convention" raised "1" call note 1). Nothing lost beats a stray mark: a call whose
    note was not found stays in the text. A raised sign alone is text."""
    text = line.text
    dropped: list[str] = []
    for start, end in reversed(line.calls):
        call = text[start:end]
        before = text[start - 1] if start else ""
        raised = _RAISED_NUMBER.fullmatch(call)
        if raised and (raised[1] or (before.isalnum() and raised[2] not in notes)):
            text = text[:start] + superscript(call) + text[end:]
            continue
        if not any(c.isdigit() or c in "*\u2020\u2021" for c in call):
            continue  # a raised sign alone ("-"): text
        dropped.append(call)
        text = text[:start] + text[end:]
    for number in slash_calls:
        pattern = re.compile(rf"(?<![\w/])\s?{number}/(?=[\s,.;:)]|$)")
        text, count = pattern.subn("", text)
        dropped.extend([f"{number}/"] * count)
    if text == line.text:
        return line, []
    return replace(line, text=text, calls=()), dropped[::-1]
