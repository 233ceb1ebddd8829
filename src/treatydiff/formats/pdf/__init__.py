"""PDF import: the text layer read with its layout, through PDFium (the documents extra).

``read`` gives the whole document (its instruments, the headers, footers, page numbers,
notes and marginal notes kept out of them, the repairs made to the text layer);
``parse`` gives one instrument of it, as every importer does. Clause lines count the text
lines read, in reading order; ``Metadata.pages`` maps them to pages.
"""

from __future__ import annotations

import re
from dataclasses import replace

from treatydiff.errors import FormatError
from treatydiff.formats.pdf.document import Document, Part, read
from treatydiff.formats.pdf.furniture import Aside
from treatydiff.formats.pdf.repair import Repair
from treatydiff.formats.un_text import parse_lines
from treatydiff.model import Clause, Instrument

__all__ = ["Aside", "Document", "Part", "Repair", "instrument", "parse", "read"]

MAGIC = b"%PDF-"


def instrument(document: Document, part: Part, *, lang: str = "en") -> Instrument:
    """The instrument of one part of ``document``, its page map in the metadata."""
    parsed = parse_lines(list(part.lines), lang=lang, start=part.start)
    title = (parsed.title or part.title).replace(_SOFT_HYPHEN, "")
    compounds = _compounds(parsed.body)
    body = tuple(_whole_words(clause, compounds) for clause in parsed.body)
    return Instrument(
        id="", title=title, metadata=parsed.metadata, body=body, guesses=parsed.guesses
    ).with_metadata(pages=document.pages)


def _whole_words(clause: Clause, compounds: frozenset[str]) -> Clause:
    """``clause`` with the words PDFium marked as broken across lines whole again: the
    extractor leaves a soft hyphen where the page prints a line-end hyphen that breaks a
    word ("rep-" / "resented" reads "represented"), which is typography, not text; a
    hyphen of a compound the document prints whole elsewhere (``compounds``, lowercase:
    "Secretary-" / "General") stays a hyphen."""

    def whole(text: str) -> str:
        if _SOFT_HYPHEN not in text:
            return text
        return _BROKEN.sub(
            lambda m: m[1] + ("-" if f"{m[1]}-{m[2]}".lower() in compounds else "") + m[2],
            text,
        ).replace(_SOFT_HYPHEN, "")

    return replace(
        clause,
        text=whole(clause.text),
        heading=whole(clause.heading) if clause.heading else clause.heading,
        children=tuple(_whole_words(child, compounds) for child in clause.children),
    )


def _compounds(body: tuple[Clause, ...]) -> frozenset[str]:
    """The hyphenated compounds the clauses print with a hyphen of their own, lowercase."""
    return frozenset(
        match.lower()
        for top in body
        for clause in top.walk()
        for text in (clause.text, clause.heading or "")
        for match in _COMPOUND.findall(text)
    )


_SOFT_HYPHEN = "\u00ad"
# A word broken by a soft hyphen ("Secretary\u00adGeneral"), and a compound with a hyphen.
_BROKEN = re.compile(r"(\w+)\u00ad(\w+)")
_COMPOUND = re.compile(r"\w+-\w+")


def parse(
    data: bytes,
    *,
    source: str,
    lang: str = "en",
    part: int = 1,
    pages: tuple[int, int] | None = None,
) -> Instrument:
    """Instrument number ``part`` of the PDF ``data``.

    Raises MissingExtraError without the documents extra, FormatError for a PDF PDFium
    cannot read, without a text layer or without that part, InputError for pages outside
    it.
    """
    document = read(data, source=source, pages=pages, lang=lang)
    if part > len(document.parts):
        raise FormatError(f"the PDF holds {len(document.parts)} instrument(s), not {part}")
    return instrument(document, document.parts[part - 1], lang=lang)
