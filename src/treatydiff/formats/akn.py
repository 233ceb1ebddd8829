"""Akoma Ntoso 3.0 XML: export of an instrument, and import.

The export validates against the official schema (``akomantoso30.xsd``; checked in the
tests) whenever the clause eids are unique and free of whitespace, as the importers make
them. It round-trips: ``parse(dumps(x)) == x`` for every instrument with at least one
clause (an act needs a body) whose strings XML can hold (not most control characters: they
are refused with a FormatError), and ``dumps(parse(text)) == text`` for our own output.
Only the standard library is used; lxml serves the tests alone.

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
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from datetime import date
from itertools import count
from pyexpat import ErrorString, ExpatError, ParserCreate

from treatydiff.errors import FormatError
from treatydiff.formats.native import MAX_DEPTH
from treatydiff.model import Clause, Instrument, Metadata
from treatydiff.normalize import display_text
from treatydiff.segment.eids import EID_PREFIX, SINGLE_KINDS, child_eid, number_token

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
TD_NS = "urn:x-treatydiff:akn:1"
SOURCE = "#treatydiff"
NULL_DATE = "0001-01-01"
COUNTRY = "xx"

_HIERARCHY_KINDS = frozenset(
    {"part", "chapter", "section", "title", "subsection", "article", "paragraph", "point",
     "indent"}
)  # fmt: skip
_LIST_ITEM_KINDS = frozenset({"point", "indent"})
_METADATA_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Metadata))
# ISO 639-1 -> ISO 639-2/T, as FRBR URIs spell languages; others are "und" (undetermined)
_LANG3 = {
    "ar": "ara", "de": "deu", "en": "eng", "es": "spa", "fr": "fra", "it": "ita",
    "nl": "nld", "pt": "por", "ru": "rus", "zh": "zho",
}  # fmt: skip
_LANG2 = {three: two for two, three in _LANG3.items()}
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


# --- writing ---------------------------------------------------------------------------


def dumps(instrument: Instrument) -> str:
    """The instrument as an Akoma Ntoso 3.0 document (a ``str`` ending with a newline)."""
    if not instrument.body:
        raise FormatError("an instrument without clauses cannot be written as Akoma Ntoso")
    _check_characters(instrument)
    out = _Writer()
    out.line(0, '<?xml version="1.0" encoding="UTF-8"?>')
    out.open(0, "akomaNtoso", [("xmlns", AKN_NS), ("xmlns:td", TD_NS)])
    out.open(1, "act", [("name", "treaty")])
    _write_meta(out, instrument)
    out.open(2, "preface")
    out.open(3, "longTitle")
    out.line(4, f"<p><docTitle>{_text(instrument.title)}</docTitle></p>")
    out.close(3, "longTitle")
    out.close(2, "preface")
    body = list(instrument.body)
    preamble = body.pop(0) if body[0].kind == "preamble" and _is_section(body[0]) else None
    last = body[-1] if body else None
    conclusions = body.pop() if last and last.kind == "conclusions" and _is_section(last) else None
    if not body:  # an act needs a body: keep everything there
        body, preamble, conclusions = list(instrument.body), None, None
    if preamble is not None:
        _write_section(out, "preamble", preamble)
    out.open(2, "body")
    for clause in body:
        _write_hierarchy(out, 3, clause)
    out.close(2, "body")
    if conclusions is not None:
        _write_section(out, "conclusions", conclusions)
    out.close(1, "act")
    out.close(0, "akomaNtoso")
    return out.text()


_Attrs = Sequence[tuple[str, str | None]]  # (name, value); None leaves the attribute out


class _Writer:
    def __init__(self) -> None:
        self._lines: list[str] = []

    def text(self) -> str:
        return "\n".join(self._lines) + "\n"

    def line(self, depth: int, markup: str) -> None:
        self._lines.append("  " * depth + markup)

    def open(self, depth: int, tag: str, attrs: _Attrs = ()) -> None:
        self.line(depth, f"<{tag}{_attributes(attrs)}>")

    def close(self, depth: int, tag: str) -> None:
        self.line(depth, f"</{tag}>")

    def empty(self, depth: int, tag: str, attrs: _Attrs) -> None:
        self.line(depth, f"<{tag}{_attributes(attrs)}/>")

    def element(self, depth: int, tag: str, text: str, attrs: _Attrs = ()) -> None:
        """An element holding only text, on one line (so that the text stays exact)."""
        if text:
            self.line(depth, f"<{tag}{_attributes(attrs)}>{_text(text)}</{tag}>")
        else:
            self.empty(depth, tag, attrs)


def _attributes(attrs: _Attrs) -> str:
    return "".join(f' {name}="{_attribute(value)}"' for name, value in attrs if value is not None)


def _text(value: str) -> str:
    # \r is written as a reference: a parser turns a literal one into \n
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def _attribute(value: str) -> str:
    # whitespace other than spaces is written as references: parsers turn it into spaces
    return _text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def _check_characters(instrument: Instrument) -> None:
    """Refuse what XML 1.0 cannot hold at all (most control characters, lone surrogates)."""
    values = [instrument.id, instrument.title]
    values += [v for v in vars(instrument.metadata).values() if v is not None]
    _refuse_characters("the instrument", values)
    for clause in instrument.walk():
        values = [clause.eid, clause.kind, clause.text, clause.num or "", clause.heading or ""]
        _refuse_characters(f"clause {clause.eid!r}", values)


def _refuse_characters(where: str, values: list[str]) -> None:
    for value in values:
        bad = _NOT_XML.search(value)
        if bad:
            raise FormatError(
                f"{where} holds the character U+{ord(bad.group()):04X}, which XML cannot represent"
            )


def _write_meta(out: _Writer, instrument: Instrument) -> None:
    meta = instrument.metadata
    work_date = _iso_date(meta.adopted)
    version_date = _iso_date(meta.version)
    number = re.sub(r"[^a-z0-9]+", "-", instrument.id.split("@")[0].lower()).strip("-")
    language = _LANG3.get(meta.language or "") or (
        meta.language if meta.language and re.fullmatch("[a-z]{3}", meta.language) else "und"
    )
    work = f"/akn/{COUNTRY}/act/treaty/{work_date or NULL_DATE}/{number or 'instrument'}"
    expression = f"{work}/{language}@{version_date or ''}"
    work_date_attrs = _date_attrs(work_date, "adoption")
    expression_date_attrs = (
        _date_attrs(version_date, "version") if version_date else work_date_attrs
    )
    out.open(2, "meta")
    out.open(3, "identification", [("source", SOURCE)])
    out.open(4, "FRBRWork")
    out.empty(5, "FRBRthis", [("value", f"{work}/!main")])
    out.empty(5, "FRBRuri", [("value", work)])
    out.empty(5, "FRBRalias", [("value", instrument.title), ("name", "title")])
    out.empty(5, "FRBRdate", work_date_attrs)
    out.empty(5, "FRBRauthor", [("href", "")])
    out.empty(5, "FRBRcountry", [("value", COUNTRY)])
    out.close(4, "FRBRWork")
    out.open(4, "FRBRExpression")
    out.empty(5, "FRBRthis", [("value", f"{expression}/!main")])
    out.empty(5, "FRBRuri", [("value", expression)])
    out.empty(5, "FRBRdate", expression_date_attrs)
    out.empty(5, "FRBRauthor", [("href", "")])
    out.empty(5, "FRBRlanguage", [("language", language)])
    out.close(4, "FRBRExpression")
    out.open(4, "FRBRManifestation")
    out.empty(5, "FRBRthis", [("value", f"{expression}/!main.akn")])
    out.empty(5, "FRBRuri", [("value", f"{expression}.akn")])
    out.empty(5, "FRBRdate", expression_date_attrs)
    out.empty(5, "FRBRauthor", [("href", SOURCE)])
    out.close(4, "FRBRManifestation")
    out.close(3, "identification")
    out.open(3, "proprietary", [("source", SOURCE)])
    facts = [(name, getattr(meta, name)) for name in _METADATA_FIELDS]
    out.empty(4, "td:instrument", [("id", instrument.id), *facts])
    out.close(3, "proprietary")
    out.close(2, "meta")


def _iso_date(value: str | None) -> str | None:
    """``value`` when it is a real calendar date YYYY-MM-DD (as xsd:date needs)."""
    if value is None or not _ISO_DATE.fullmatch(value):
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        return None
    return value


def _date_attrs(value: str | None, name: str) -> _Attrs:
    return (
        [("date", value), ("name", name)] if value else [("date", NULL_DATE), ("name", "unknown")]
    )


def _is_section(clause: Clause) -> bool:
    """Can this preamble or conclusions clause be written as an AKN preamble/conclusions?"""
    return bool(clause.children) and not clause.text and all(c.is_leaf for c in clause.children)


def _td(clause: Clause, *, num: bool = False, heading: bool = False) -> _Attrs:
    """The treatydiff attributes of a clause; ``num``/``heading`` when AKN has no place."""
    attrs: list[tuple[str, str | None]] = []
    if num:
        attrs.append(("td:num", clause.num))
    if heading:
        attrs.append(("td:heading", clause.heading))
    if clause.line is not None:
        attrs.append(("td:line", str(clause.line)))
    return attrs


def _write_section(out: _Writer, tag: str, section: Clause) -> None:
    out.open(2, tag, [("eId", section.eid), *_td(section, num=True, heading=True)])
    in_recitals = False
    for clause in section.children:
        recital = tag == "preamble" and clause.kind == "recital"
        if recital and not in_recitals:
            out.open(3, "recitals")
        elif in_recitals and not recital:
            out.close(3, "recitals")
        in_recitals = recital
        if recital:
            out.open(4, "recital", [("eId", clause.eid), *_td(clause)])
            if clause.num is not None:
                out.element(5, "num", clause.num)
            if clause.heading is not None:
                out.element(5, "heading", clause.heading)
            out.element(5, "p", clause.text)
            out.close(4, "recital")
        elif clause.kind == "formula":
            _write_block(out, 3, "formula", clause, name="formula")
        else:
            _write_block(out, 3, "container", clause, name=clause.kind)
    if in_recitals:
        out.close(3, "recitals")
    out.close(2, tag)


def _write_block(out: _Writer, depth: int, tag: str, clause: Clause, name: str | None) -> None:
    """A leaf clause as an element that holds blocks: its text in one ``<p>``."""
    attrs = [("name", name), ("eId", clause.eid), *_td(clause, num=True, heading=True)]
    out.open(depth, tag, attrs)
    out.element(depth + 1, "p", clause.text)
    out.close(depth, tag)


def _write_hierarchy(out: _Writer, depth: int, clause: Clause) -> None:
    if clause.kind in _HIERARCHY_KINDS:
        tag, name = clause.kind, None
    else:
        tag, name = "hcontainer", clause.kind
    attrs: list[tuple[str, str | None]] = [("name", name), ("eId", clause.eid)]
    attrs += _td(clause)
    if clause.children and clause.text:
        attrs.append(("td:text", clause.text))
    out.open(depth, tag, attrs)
    if clause.num is not None:
        out.element(depth + 1, "num", clause.num)
    if clause.heading is not None:
        out.element(depth + 1, "heading", clause.heading)
    if clause.is_leaf:
        out.open(depth + 1, "content")
        out.element(depth + 2, "p", clause.text)
        out.close(depth + 1, "content")
    else:
        _write_children(out, depth + 1, clause.children)
    out.close(depth, tag)


def _write_children(out: _Writer, depth: int, children: tuple[Clause, ...]) -> None:
    items = list(children)
    intro = items.pop(0) if items[0].kind == "intro" and items[0].is_leaf else None
    wrapup = items.pop() if items and items[-1].kind == "wrapup" and items[-1].is_leaf else None
    in_list = any(item.kind in _LIST_ITEM_KINDS for item in items)
    if in_list:
        out.open(depth, "list")
        depth += 1
    if intro is not None:
        _write_block(out, depth, "intro", intro, name=None)
    for item in items:
        _write_hierarchy(out, depth, item)
    if wrapup is not None:
        _write_block(out, depth, "wrapUp", wrapup, name=None)
    if in_list:
        out.close(depth - 1, "list")


# --- reading ---------------------------------------------------------------------------


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    """Importer entry point: the instrument of an Akoma Ntoso 3.0 document.

    A document holds one instrument in one language: ``lang`` is not used, and ``part``
    must be 1.
    """
    if part != 1:
        raise FormatError(f"an Akoma Ntoso document holds one instrument; there is no part {part}")
    root, lines = _read_xml(text)
    if root.tag != _akn("akomaNtoso"):
        raise FormatError(f"not Akoma Ntoso 3.0: the root element is {_shown(root.tag)}")
    document = next(iter(root), None)
    if document is None or document.tag not in {
        _akn(t) for t in ("act", "bill", "doc", "statement")
    }:
        found = "nothing" if document is None else _shown(document.tag)
        raise FormatError(f"Akoma Ntoso document type {found} is not supported")
    meta = document.find(_akn("meta"))
    facts = None if meta is None else meta.find(f"{_akn('proprietary')}/{{{TD_NS}}}instrument")
    reader = _Reader(lines, ours=facts is not None)
    body: list[Clause] = []
    for element in document:
        local = _local(element)
        if local in ("preamble", "conclusions"):
            body.append(reader.section(element, local))
        elif local in ("body", "mainBody"):
            body.extend(reader.children(element, "", 0))
    if meta is None or facts is None:
        title, metadata = _foreign_title(document, meta), _foreign_metadata(meta)
        return Instrument(id="", title=title, metadata=metadata, body=tuple(body))
    unknown = sorted(set(facts.attrib) - {"id", *_METADATA_FIELDS})
    if unknown:
        raise FormatError(f"unknown treatydiff metadata attribute {unknown[0]!r}")
    return Instrument(
        id=facts.get("id", ""),
        title=_title_alias(meta) or "",
        metadata=Metadata(**{name: facts.get(name) for name in _METADATA_FIELDS}),
        body=tuple(body),
    )


def _title_alias(meta: ET.Element) -> str | None:
    for alias in meta.iter(_akn("FRBRalias")):
        if alias.get("name") == "title":
            return alias.get("value", "")
    return None


def _read_xml(text: str) -> tuple[ET.Element, dict[ET.Element, int]]:
    """The element tree of ``text`` and the line where each element starts.

    Document type declarations are refused: AKN needs none, and entities are a risk.
    """
    builder = ET.TreeBuilder()
    lines: dict[ET.Element, int] = {}
    parser = ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def start(name: str, attrs: dict[str, str]) -> None:
        element = builder.start(_qualified(name), {_qualified(k): v for k, v in attrs.items()})
        lines[element] = parser.CurrentLineNumber

    def end(name: str) -> None:
        builder.end(_qualified(name))

    def refuse_doctype(*_: object) -> None:
        raise FormatError("XML with a document type declaration is not accepted")

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.StartDoctypeDeclHandler = refuse_doctype
    try:
        parser.Parse(text, True)
    except ExpatError as exc:
        raise FormatError(
            f"not well-formed XML: {ErrorString(exc.code)} (line {exc.lineno}, "
            f"column {exc.offset + 1})"
        ) from None
    except UnicodeError:
        raise FormatError("XML text holds characters that cannot be encoded") from None
    return builder.close(), lines


def _qualified(name: str) -> str:
    """Expat's ``uri}local`` as ElementTree's ``{uri}local``."""
    return "{" + name if "}" in name else name


def _akn(local: str) -> str:
    return f"{{{AKN_NS}}}{local}"


def _local(element: ET.Element) -> str:
    """The local name of an AKN element; "" for any other namespace."""
    namespace, _, local = element.tag[1:].partition("}")
    return local if element.tag.startswith("{") and namespace == AKN_NS else ""


def _shown(tag: str) -> str:
    namespace, _, local = tag[1:].partition("}")
    return (
        f"<{local}> in namespace {namespace}" if tag.startswith("{") else f"<{tag}> (no namespace)"
    )


def _td_attr(element: ET.Element, name: str) -> str | None:
    return element.get(f"{{{TD_NS}}}{name}")


@dataclass
class _Reader:
    lines: dict[ET.Element, int]
    ours: bool

    def __post_init__(self) -> None:
        self.seen: set[str] = set()

    def section(self, element: ET.Element, kind: str) -> Clause:
        """A preamble or conclusions: blocks, formulas, containers, recitals."""
        eid = self.eid(element, "", kind)
        default = "recital" if kind == "preamble" else "testimonium"
        children: list[Clause] = []
        for child in self.flattened(element, ("recitals", "citations")):
            local = _local(child)
            if local in ("recital", "citation"):
                children.append(self.block(child, eid, "recital"))
            elif local == "formula":
                children.append(self.block(child, eid, "formula"))
            elif local in ("container", "intro", "wrapUp"):
                children.append(self.block(child, eid, self.kind(child)))
            elif local not in ("num", "heading", "subheading", ""):
                children.append(self.block(child, eid, default, bare=True))
        return self.clause(element, kind, eid, children=children)

    def children(self, element: ET.Element, parent: str, depth: int) -> list[Clause]:
        if depth >= MAX_DEPTH:
            raise FormatError(f"Akoma Ntoso clauses nested deeper than {MAX_DEPTH} levels")
        out: list[Clause] = []
        for child in self.flattened(element, ("list",)):
            local = _local(child)
            if local in ("", "num", "heading", "subheading", "content", "componentRef"):
                continue
            if local in ("intro", "wrapUp"):
                out.append(self.block(child, parent, self.kind(child)))
            elif local in ("crossHeading", "p"):
                kind = "paragraph" if local == "p" else self.kind(child)
                out.append(self.block(child, parent, kind, bare=True))
            else:
                out.append(self.hierarchy(child, parent, depth))
        return out

    def hierarchy(self, element: ET.Element, parent: str, depth: int) -> Clause:
        kind = self.kind(element)
        eid = self.eid(element, parent, kind)
        content = element.find(_akn("content"))
        text = self.blocks_text(content) if content is not None else _td_attr(element, "text")
        children = self.children(element, eid, depth + 1)
        return self.clause(element, kind, eid, text=text or "", children=children)

    def block(self, element: ET.Element, parent: str, kind: str, *, bare: bool = False) -> Clause:
        """A leaf clause from an element that holds blocks, or (``bare``) from one block."""
        text = (self.inline(element) or "") if bare else self.blocks_text(element)
        return self.clause(element, kind, self.eid(element, parent, kind), text=text)

    def clause(
        self,
        element: ET.Element,
        kind: str,
        eid: str,
        *,
        text: str = "",
        children: list[Clause] | None = None,
    ) -> Clause:
        num = self.inline(element.find(_akn("num")))
        heading = self.inline(element.find(_akn("heading")))
        if num is None:
            num = _td_attr(element, "num")
        elif not self.ours:
            num = _bare_num(num)
        if heading is None:
            heading = _td_attr(element, "heading")
        return Clause(
            eid=eid,
            kind=kind,
            num=num,
            heading=heading,
            text=text,
            line=self.line(element),
            children=tuple(children or ()),
        )

    def kind(self, element: ET.Element) -> str:
        local = _local(element)
        if local in ("hcontainer", "container"):
            return element.get("name", local)
        return {"wrapUp": "wrapup", "crossHeading": "crossheading"}.get(local, local)

    def eid(self, element: ET.Element, parent: str, kind: str) -> str:
        given = element.get("eId")
        if given is None:  # others' AKN without eIds: derive one as the naming convention does
            given = next(c for c in self._derived_eids(element, parent, kind) if c not in self.seen)
        self.seen.add(given)
        return given

    def _derived_eids(self, element: ET.Element, parent: str, kind: str) -> Iterator[str]:
        base = child_eid(parent, kind, EID_PREFIX.get(kind, kind))
        num = self.inline(element.find(_akn("num")))
        token = number_token(_bare_num(num)) if num else ""
        if kind in SINGLE_KINDS:
            yield base
        elif token:
            yield f"{base}_{token}"
            base = f"{base}_{token}"
        else:
            yield f"{base}_1"
        yield from (f"{base}_{n}" for n in count(2))

    def line(self, element: ET.Element) -> int | None:
        given = _td_attr(element, "line")
        if given is not None:
            if not re.fullmatch(r"-?[0-9]+", given):
                raise FormatError(f"td:line is not a whole number: {given[:40]!r}")
            return int(given)
        return None if self.ours else self.lines.get(element)

    def inline(self, element: ET.Element | None) -> str | None:
        if element is None:
            return None
        text = "".join(element.itertext())
        return text if self.ours else display_text(text)

    def blocks_text(self, element: ET.Element) -> str:
        """The text of the blocks (``<p>`` and the like) inside ``element``."""
        blocks = [
            "".join(child.itertext())
            for child in element
            if _local(child) not in ("", "num", "heading", "subheading")
        ]
        text = " ".join(blocks)
        return text if self.ours else display_text(text)

    @staticmethod
    def flattened(element: ET.Element, wrappers: tuple[str, ...]) -> Iterator[ET.Element]:
        """The children of ``element``, looking through the wrapper elements."""
        pending = list(reversed(element))  # a stack, not recursion: wrappers may nest deep
        while pending:
            child = pending.pop()
            if _local(child) in wrappers:
                pending.extend(reversed(child))
            else:
                yield child


def _bare_num(num: str) -> str:
    """A number as others print it ("Article 3", "1.", "(a)") as the model keeps it."""
    words = r"^(?:article|art\.|chapter|part|section|title|paragraph|para\.)\s+"
    return re.sub(words, "", display_text(num), flags=re.IGNORECASE).strip("()[]. ")


def _foreign_title(document: ET.Element, meta: ET.Element | None) -> str:
    alias = None if meta is None else _title_alias(meta)
    if alias is not None:
        return display_text(alias)
    title = document.find(f".//{_akn('docTitle')}")
    return "" if title is None else display_text("".join(title.itertext()))


def _foreign_metadata(meta: ET.Element | None) -> Metadata:
    if meta is None:
        return Metadata()
    work_date = meta.find(f"{_akn('identification')}/{_akn('FRBRWork')}/{_akn('FRBRdate')}")
    language = meta.find(
        f"{_akn('identification')}/{_akn('FRBRExpression')}/{_akn('FRBRlanguage')}"
    )
    adopted = None if work_date is None else _iso_date(work_date.get("date"))
    code = None if language is None else language.get("language")
    return Metadata(
        adopted=None if adopted == NULL_DATE else adopted,
        language=_LANG2.get(code, code) if code and code != "und" else None,
    )
