"""PDF import: the text layer read with its layout, through PDFium (the documents extra).

``read`` gives the whole document (its instruments, the headers, footers, page numbers,
notes and marginal notes kept out of them, the repairs made to the text layer);
``parse`` gives one instrument of it, as every importer does. Clause lines count the text
lines read, in reading order; ``Metadata.pages`` maps them to pages.
"""

from __future__ import annotations

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
    body = tuple(_whole_words(clause) for clause in parsed.body)
    return Instrument(
        id="", title=title, metadata=parsed.metadata, body=body, guesses=parsed.guesses
    ).with_metadata(pages=document.pages)


def _whole_words(clause: Clause) -> Clause:
    """``clause`` with the words PDFium marked as broken across lines whole again: the
    extractor leaves a soft hyphen where the page prints a line-end hyphen that breaks a
    word ("rep-" / "resented" reads "represented"), which is typography, not text."""
    return replace(
        clause,
        text=clause.text.replace(_SOFT_HYPHEN, ""),
        heading=clause.heading.replace(_SOFT_HYPHEN, "") if clause.heading else clause.heading,
        children=tuple(_whole_words(child) for child in clause.children),
    )


_SOFT_HYPHEN = "\u00ad"


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
