"""Akoma Ntoso reader: the importer of AKN 3.0 documents, ours and others' (the mapping is
described in :mod:`treatydiff.formats.akn`).

The XML is parsed by lxml with everything that reaches beyond the text turned off: no
entity substitution, no DTD loading, no network, libxml2's limits for untrusted input
kept (``huge_tree`` off: depth, text node and name sizes). A document type declaration
is refused (AKN needs none, and entities are a risk: XXE, billion laughs); comments and
processing instructions are dropped. A clause's line is its element's ``sourceline``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import count

from lxml import etree

from treatydiff.errors import FormatError
from treatydiff.formats.akn import (
    LANG2,
    NULL_DATE,
    akn,
    iso_date,
    td,
)
from treatydiff.formats.native import MAX_DEPTH
from treatydiff.model import METADATA_FIELDS, Clause, Instrument, Metadata, Note
from treatydiff.normalize import display_text
from treatydiff.segment.eids import EID_PREFIX, SINGLE_KINDS, child_eid, number_token

_AKN_PREFIX = akn("")  # "{namespace}": an AKN element's tag starts with it
_DOCUMENT_TYPES = frozenset({"act", "bill", "doc", "statement"})


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    """Importer entry point: the instrument of an Akoma Ntoso 3.0 document.

    A document holds one instrument in one language: ``lang`` is not used, and ``part``
    must be 1. Raises FormatError (one line) for XML that is not well-formed, has a
    document type declaration or is beyond the parser's limits, and for a document that
    is no AKN 3.0 act, bill, doc or statement.
    """
    if part != 1:
        raise FormatError(
            f"an Akoma Ntoso document holds one instrument; there is no part {part}, only part 1"
        )
    root = _read_xml(text)
    if _local(root) != "akomaNtoso":
        raise FormatError(f"not Akoma Ntoso 3.0: the root element is {_shown(root)}")
    document = next(iter(root), None)
    if document is None or _local(document) not in _DOCUMENT_TYPES:
        found = "nothing" if document is None else _shown(document)
        raise FormatError(f"Akoma Ntoso document type {found} is not supported")
    meta = document.find(akn("meta"))
    facts = None if meta is None else meta.find(f"{akn('proprietary')}/{td('instrument')}")
    reader = _Reader(ours=facts is not None, notes=_meta_notes(meta))
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
    unknown = sorted(set(facts.attrib) - {"id", *METADATA_FIELDS})
    if unknown:
        raise FormatError(f"unknown treatydiff metadata attribute {unknown[0]!r}")
    return Instrument(
        id=facts.get("id", ""),
        title=_title_alias(meta) or "",
        metadata=Metadata.from_fields(dict(facts.attrib)),
        body=tuple(body),
    )


def _read_xml(text: str) -> etree._Element:
    """The root element of ``text``, parsed safely (see the module docstring)."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",  # the text is decoded already: a declared encoding does not apply
    )
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except UnicodeError:
        raise FormatError("XML text holds characters that cannot be encoded") from None
    except etree.XMLSyntaxError as exc:
        error = next(iter(parser.error_log), None)
        if error is None:  # no entry logged: the exception's own words
            raise FormatError(f"not well-formed XML: {exc.msg}") from None
        message = re.sub(r",? use XML_PARSE_HUGE option", "", error.message.strip())
        where = f"(line {error.line}, column {error.column})"
        if error.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise FormatError(
                f"XML beyond the limits of a safe parser: {message} {where}"
            ) from None
        raise FormatError(f"not well-formed XML: {message} {where}") from None
    if root.getroottree().docinfo.doctype:
        raise FormatError("XML with a document type declaration is not accepted")
    return root


def _title_alias(meta: etree._Element) -> str | None:
    for alias in meta.iter(akn("FRBRalias")):
        if alias.get("name") == "title":
            return alias.get("value", "")
    return None


def _local(element: etree._Element) -> str:
    """The local name of an AKN element; "" for any other namespace."""
    tag = element.tag
    return tag[len(_AKN_PREFIX) :] if isinstance(tag, str) and tag.startswith(_AKN_PREFIX) else ""


def _shown(element: etree._Element) -> str:
    name = etree.QName(element)
    if name.namespace is None:
        return f"<{name.localname}> (no namespace)"
    return f"<{name.localname}> in namespace {name.namespace}"


def _td_attr(element: etree._Element, name: str) -> str | None:
    return element.get(td(name))


def _meta_notes(meta: etree._Element | None) -> dict[str, etree._Element]:
    """The ``<note>``s of ``<meta><notes>`` by eId, for the ``<noteRef>``s of the text."""
    if meta is None:
        return {}
    found = meta.iterfind(f"{akn('notes')}/{akn('note')}")
    return {note.get("eId", ""): note for note in found}


# Inline elements that mark a line or page end or a break: a space between two words.
_BREAKS = frozenset({"eol", "eop", "br"})


@dataclass
class _Reader:
    ours: bool  # our own export: read exactly, lines from td:line
    notes: dict[str, etree._Element]  # the notes of <meta>, for <noteRef>

    def __post_init__(self) -> None:
        self.seen: set[str] = set()

    def section(self, element: etree._Element, kind: str) -> Clause:
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

    def children(self, element: etree._Element, parent: str, depth: int) -> list[Clause]:
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

    def hierarchy(self, element: etree._Element, parent: str, depth: int) -> Clause:
        kind = self.kind(element)
        eid = self.eid(element, parent, kind)
        content = element.find(akn("content"))
        notes: list[Note] = []
        text = self.blocks_text(content, notes) if content is not None else None
        if text is None:
            text = _td_attr(element, "text")
        subheading = element.find(akn("subheading"))
        if subheading is not None:  # notes of a clause with children (see the writer)
            self.words(subheading, notes)
        children = self.children(element, eid, depth + 1)
        return self.clause(element, kind, eid, text=text or "", children=children, notes=notes)

    def block(
        self, element: etree._Element, parent: str, kind: str, *, bare: bool = False
    ) -> Clause:
        """A leaf clause from an element that holds blocks, or (``bare``) from one block."""
        notes: list[Note] = []
        text = (self.inline(element, notes) or "") if bare else self.blocks_text(element, notes)
        return self.clause(element, kind, self.eid(element, parent, kind), text=text, notes=notes)

    def clause(
        self,
        element: etree._Element,
        kind: str,
        eid: str,
        *,
        text: str = "",
        children: list[Clause] | None = None,
        notes: list[Note] | None = None,
    ) -> Clause:
        notes = [] if notes is None else notes
        num = self.inline(element.find(akn("num")), notes)
        heading = self.inline(element.find(akn("heading")), notes)
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
            notes=tuple(notes),
        )

    def kind(self, element: etree._Element) -> str:
        local = _local(element)
        if local in ("hcontainer", "container"):
            return element.get("name", local)
        return {"wrapUp": "wrapup", "crossHeading": "crossheading"}.get(local, local)

    def eid(self, element: etree._Element, parent: str, kind: str) -> str:
        given = element.get("eId")
        if given is None:  # others' AKN without eIds: derive one as the naming convention does
            given = next(c for c in self._derived_eids(element, parent, kind) if c not in self.seen)
        self.seen.add(given)
        return given

    def _derived_eids(self, element: etree._Element, parent: str, kind: str) -> Iterator[str]:
        base = child_eid(parent, kind, EID_PREFIX.get(kind, kind))
        num = self.inline(element.find(akn("num")))
        token = number_token(_bare_num(num)) if num else ""
        if kind in SINGLE_KINDS:
            yield base
        elif token:
            yield f"{base}_{token}"
            base = f"{base}_{token}"
        else:
            yield f"{base}_1"
        yield from (f"{base}_{n}" for n in count(2))

    def line(self, element: etree._Element) -> int | None:
        given = _td_attr(element, "line")
        if given is not None:
            if not re.fullmatch(r"-?[0-9]{1,18}", given):  # a line, not any number
                raise FormatError(f"td:line is not a whole number: {given[:40]!r}")
            return int(given)
        return None if self.ours else element.sourceline

    def inline(self, element: etree._Element | None, notes: list[Note] | None = None) -> str | None:
        """The text of an inline element (a ``<num>``, a ``<heading>``), its notes added
        to ``notes``; None for no element."""
        if element is None:
            return None
        text = self.words(element, [] if notes is None else notes)
        return text if self.ours else display_text(text)

    def blocks_text(self, element: etree._Element, notes: list[Note]) -> str:
        """The text of the blocks (``<p>`` and the like) inside ``element``, their notes
        added to ``notes``."""
        blocks = [
            self.words(child, notes)
            for child in element
            if _local(child) not in ("", "num", "heading", "subheading")
        ]
        text = " ".join(blocks)
        return text if self.ours else display_text(text)

    def words(self, element: etree._Element, notes: list[Note]) -> str:
        """The text inside ``element``: ``<eol>``, ``<eop>`` and ``<br>`` a space, every
        other inline element (``<ref>``, ``<term>``, ``<i>``, ``<b>``) its text; an
        ``<authorialNote>`` and the note a ``<noteRef>`` points to are no words of it but
        added to ``notes``."""
        parts = [element.text or ""]
        for child in element:
            local = _local(child)
            if local == "authorialNote":
                notes.append(self.note(child, child.get("marker")))
            elif local == "noteRef":
                target = self.notes.get((child.get("href") or "").removeprefix("#"))
                if target is not None:
                    notes.append(self.note(target, child.get("marker") or target.get("marker")))
            elif local in _BREAKS:
                parts.append(" ")
            else:
                parts.append(self.words(child, notes))
            parts.append(child.tail or "")
        return "".join(parts)

    def note(self, element: etree._Element, marker: str | None) -> Note:
        """The note an ``<authorialNote>`` or ``<note>`` holds (its own notes' words kept
        in its text)."""
        nested: list[Note] = []
        blocks = [self.words(child, nested) for child in element] or [element.text or ""]
        text = " ".join(blocks)
        return Note(
            marker=marker or "",
            text=text if self.ours else display_text(text),
            line=self.line(element),
        )

    @staticmethod
    def flattened(element: etree._Element, wrappers: tuple[str, ...]) -> Iterator[etree._Element]:
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


def _foreign_title(document: etree._Element, meta: etree._Element | None) -> str:
    alias = None if meta is None else _title_alias(meta)
    if alias is not None:
        return display_text(alias)
    title = document.find(f".//{akn('docTitle')}")
    return "" if title is None else display_text("".join(title.itertext()))


def _foreign_metadata(meta: etree._Element | None) -> Metadata:
    if meta is None:
        return Metadata()
    identification = akn("identification")
    work_date = meta.find(f"{identification}/{akn('FRBRWork')}/{akn('FRBRdate')}")
    language = meta.find(f"{identification}/{akn('FRBRExpression')}/{akn('FRBRlanguage')}")
    adopted = None if work_date is None else iso_date(work_date.get("date"))
    code = None if language is None else language.get("language")
    return Metadata(
        adopted=None if adopted == NULL_DATE else adopted,
        language=LANG2.get(code, code) if code and code != "und" else None,
    )
