"""Plain text in the UN/OHCHR layout, typed or extracted from a PDF.

Hard-wrapped lines are joined into paragraphs. A paragraph starts at a blank line, at a
heading ("Article 3", "PART II"), or at a list marker ("1.", "(a)", "a)", "(i)", "a.") that
follows the end of a sentence or clause; the preamble's recitals are told apart by their
opening words in the segmenter. End-of-line hyphenation is undone where the document
itself shows the unhyphenated word, and kept otherwise (real hyphens survive; the
comparison key folds the difference). Running headers, footers and page numbers are
dropped, also where they interrupt a paragraph. The title block and the "Adopted ..." and
"entry into force ..." lines become metadata.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model import Instrument, Metadata
from ..normalize import display_text
from ..segment import Block, read_marker, segment

_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014\s]*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[-\u2013\u2014\s]*$",
    re.IGNORECASE,
)
_HEADING = re.compile(
    r"^(?:Article|ARTICLE|PART|Part|CHAPTER|Chapter|SECTION|Section|Preamble|PREAMBLE)\b"
    r"(?:\s+[\dIVXLC]+[a-z]?\.?)?\s*$"
)
_BODY_START = re.compile(
    r"^(?:The (?:States|Member States|member States|General Conference|Governments|"
    r"High Contracting Parties|Contracting Parties)\b|Preamble\b|PREAMBLE\b|Article 1\b|"
    r"ARTICLE 1\b)"
)
_ADOPTED = re.compile(r"^Adopted\b", re.IGNORECASE)
_ENTRY_INTO_FORCE = re.compile(r"^entry into force\b", re.IGNORECASE)
_MONTHS = (
    "January February March April May June July August September October November December"
).split()
_DATE = re.compile(rf"\b(\d{{1,2}})\s+({'|'.join(_MONTHS)})\s+(\d{{4}})\b")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class _Line:
    number: int
    text: str  # stripped


def _noise_lines(lines: list[str]) -> set[int]:
    """Indexes of page numbers and of running headers and footers.

    A running header or footer is a line standing next to a page break (a form feed or
    a page number) whose text, digits aside, recurs next to page breaks.
    """
    noise = {i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line.strip())}
    breaks = noise | {i for i, line in enumerate(lines) if "\f" in line}
    candidates: dict[int, str] = {}
    for b in breaks:
        for i in range(b - 2, b + 3):
            if 0 <= i < len(lines) and i not in noise:
                text = lines[i].replace("\f", "").strip()
                if text and len(text) <= 120:
                    candidates[i] = re.sub(r"\d+", "#", text)
    recurring = {text for text, n in Counter(candidates.values()).items() if n >= 2}
    noise |= {i for i, text in candidates.items() if text in recurring}
    return noise


def _vocabulary(lines: list[_Line]) -> tuple[set[str], set[str]]:
    """Words of the document, and its hyphenated compounds, both lowercased."""
    words: set[str] = set()
    compounds: set[str] = set()
    for line in lines:
        for match in _WORD.finditer(line.text):
            word = match.group().lower()
            if "-" in word:
                compounds.add(word)
                words.update(word.split("-"))
            else:
                words.add(word)
    return words, compounds


def _join(left: str, right: str, words: set[str], compounds: set[str]) -> str:
    """Join two wrapped lines, undoing end-of-line hyphenation where certain."""
    if left.endswith("\u00ad"):
        return left + right
    hyphenated = re.search(r"([^\W\d_]+)-$", left)
    if hyphenated and right[:1].islower():
        head = hyphenated.group(1)
        tail_match = _WORD.match(right)
        tail = tail_match.group().split("-")[0] if tail_match else ""
        whole = (head + tail).lower()
        if whole in words and f"{head}-{tail}".lower() not in compounds:
            return left[:-1] + right
        return left + right
    return f"{left} {right}"


def _metadata(title_lines: list[str]) -> tuple[str, Metadata]:
    title: list[str] = []
    adoption: list[str] = []
    entry: list[str] = []
    target = title
    for line in title_lines:
        if _ADOPTED.match(line):
            target = adoption
        elif _ENTRY_INTO_FORCE.match(line):
            target = entry
        target.append(line)
    adoption_text = display_text(" ".join(adoption)) or None
    entry_text = display_text(" ".join(entry))
    return display_text(" ".join(title)), Metadata(
        adoption=adoption_text,
        adopted=_iso_date(adoption_text or "", last=True),
        entry_into_force=_iso_date(entry_text),
    )


def _iso_date(text: str, *, last: bool = False) -> str | None:
    dates = _DATE.findall(text)
    if not dates:
        return None
    day, month, year = dates[-1] if last else dates[0]
    return f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"


def _paragraphs(lines: list[_Line]) -> list[Block]:
    words, compounds = _vocabulary(lines)
    blocks: list[Block] = []
    text = ""
    spans: list[tuple[int, int]] = []
    previous: _Line | None = None

    def flush() -> None:
        nonlocal text, spans
        if text:
            blocks.append(Block(text, spans[0][1], "text", tuple(spans)))
        text, spans = "", []

    for line in lines:
        if not line.text:
            flush()
            previous = None
            continue
        is_heading = bool(_HEADING.match(line.text))
        starts_new = (
            previous is None
            or is_heading
            or bool(_HEADING.match(previous.text))
            or (read_marker(line.text) is not None and previous.text.endswith((".", ":", ";")))
        )
        if starts_new:
            flush()
            text, spans = line.text, [(0, line.number)]
        else:
            joined = _join(text, line.text, words, compounds)
            spans.append((len(joined) - len(line.text), line.number))
            text = joined
        previous = line
    flush()
    return blocks


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    raw_lines = text.split("\n")
    noise = _noise_lines(raw_lines)
    lines = [
        _Line(i + 1, raw.replace("\f", "").strip())
        for i, raw in enumerate(raw_lines)
        if i not in noise
    ]
    start = next((k for k, line in enumerate(lines) if _BODY_START.match(line.text)), 0)
    title_lines = [line.text for line in lines[:start] if line.text]
    title, metadata = _metadata(title_lines)
    body = segment(_paragraphs(lines[start:]), lang=lang)
    return Instrument(id="", title=title, metadata=metadata, body=body)
