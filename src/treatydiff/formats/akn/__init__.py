"""Akoma Ntoso 3.0 XML: the writer (:mod:`.write`, for ``show --format akn``) and the
reader (:mod:`.read`, the importer), both on lxml; here the names they share.

The export validates against the official schema (``akomantoso30.xsd``; checked in the
tests) whenever the clause eids are unique and free of whitespace, as the importers make
them. It round-trips: ``parse(dumps(x)) == x`` for every instrument with at least one
clause (an act needs a body) whose strings XML can hold (not most control characters: they
are refused with a FormatError), and ``dumps(parse(text)) == text`` for our own output.

The mapping, for an ``<act name="treaty">``:

* ``<meta>``: FRBR Work, Expression and Manifestation derived from the instrument id, the
  adoption date, the version label and the language, never from the clock. A date that is
  not known is written ``0001-01-01`` (cobalt's convention) with ``name="unknown"``; the
  jurisdiction is ``xx`` (a user-assigned ISO 3166 code: a treaty belongs to no country).
  The title is ``FRBRalias name="title"`` (and ``docTitle`` in the preface, for readers).
  The instrument id and every metadata field, exactly, are attributes of
  ``<td:instrument>`` in a ``<proprietary source="#treatydiff">`` block.
* The first top-level clause, when it is a preamble of leaf clauses: ``<preamble>``, with
  ``<formula name="formula">``, runs of recitals in ``<recitals><recital>``, and any other
  kind as ``<container name="KIND">``. The last, when it is such a conclusions clause:
  ``<conclusions>``, with ``<formula>`` and ``<container name="KIND">``.
* Everything else: ``<body>``. Parts, chapters, sections, titles, subsections, articles,
  paragraphs, points and indents are the AKN elements of the same name; any other kind
  is ``<hcontainer name="KIND">``. A leaf's text is ``<content><p>``. A first child of
  kind intro and a last of kind wrapup (leaves) are ``<intro>`` and ``<wrapUp>``; the
  children of a clause that has points or indents sit in one ``<list>``.
* ``eId`` is the clause's eid; ``num`` and ``heading`` are ``<num>`` and ``<heading>``.
  What the schema has no place for is an attribute in the treatydiff namespace (the
  schema allows foreign attributes on every element): ``td:line`` (the source line),
  ``td:num`` and ``td:heading`` on elements without ``<num>``/``<heading>``, and
  ``td:text`` for the text of a clause that also has children.
* ``<num>`` is a number the source prints. The ``num`` of a recital, a formula or a
  testimonium is its place in the preamble or conclusions, which the segmenter counts
  ("preambular paragraph 3") and treaties do not print: it is ``td:num`` (and so is a
  recital number read from others' ``<num>``: the model does not tell the two apart).

If the body would be empty (an instrument that is only a preamble), the preamble and the
conclusions are written in the body as ``<hcontainer>``, since an act needs a body.

Import also reads Akoma Ntoso written by others: ``act``, ``bill``, ``doc`` or
``statement``; lists are looked through; a missing ``eId`` is derived from the structure;
text, numbers and headings get :func:`~treatydiff.normalize.display_text` and a clause's
line is that of its element in the XML. Our own files (those with the proprietary block)
are read exactly.
"""

from __future__ import annotations

import re
from datetime import date

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TD_NS = "urn:x-treatydiff:akn:1"  # the treatydiff attributes and the proprietary block
SOURCE = "#treatydiff"
NULL_DATE = "0001-01-01"  # a date not known, as cobalt writes it
COUNTRY = "xx"  # ISO 3166 user-assigned: a treaty belongs to no country

HIERARCHY_KINDS = frozenset(
    {"part", "chapter", "section", "title", "subsection", "article", "paragraph", "point",
     "indent"}
)  # fmt: skip
# ISO 639-1 -> ISO 639-2/T, as FRBR URIs spell languages; others are "und" (undetermined)
LANG3 = {
    "ar": "ara", "de": "deu", "en": "eng", "es": "spa", "fr": "fra", "it": "ita",
    "nl": "nld", "pt": "por", "ru": "rus", "zh": "zho",
}  # fmt: skip
LANG2 = {three: two for two, three in LANG3.items()}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def akn(local: str) -> str:
    """The Clark name (``{namespace}local``) of an AKN element."""
    return f"{{{AKN_NS}}}{local}"


def td(local: str) -> str:
    """The Clark name of a treatydiff attribute or element."""
    return f"{{{TD_NS}}}{local}"


def iso_date(value: str | None) -> str | None:
    """``value`` when it is a real calendar date YYYY-MM-DD (as xsd:date needs)."""
    if value is None or not _ISO_DATE.fullmatch(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value
