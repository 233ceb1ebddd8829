"""Akoma Ntoso writer: an instrument as an AKN 3.0 ``act`` (the mapping is described in
:mod:`treatydiff.formats.akn`).

The document is built as an lxml tree and serialized by lxml, which escapes text and
attribute values (``\\r`` in text, and ``\\t``, ``\\n``, ``\\r`` in attributes, as character
references, so that a parser gives them back unchanged). Indentation is lxml's pretty
printing: two spaces a level, each text-holding element on one line, so the text stays
exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from treatydiff.errors import FormatError
from treatydiff.formats.akn import (
    AKN_NS,
    COUNTRY,
    HIERARCHY_KINDS,
    LANG3,
    NULL_DATE,
    SOURCE,
    TD_NS,
    akn,
    iso_date,
    td,
)
from treatydiff.model import Clause, Instrument

_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIST_ITEM_KINDS = frozenset({"point", "indent"})
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_Attrs = Sequence[tuple[str, str | None]]  # (Clark name, value); None leaves it out


def dumps(instrument: Instrument) -> str:
    """The instrument as an Akoma Ntoso 3.0 document (a ``str`` ending with a newline).

    Raises FormatError for an instrument without clauses (an act needs a body) and for a
    string holding a character XML 1.0 cannot represent (most control characters).
    """
    if not instrument.body:
        raise FormatError("an instrument without clauses cannot be written as Akoma Ntoso")
    _check_characters(instrument)
    root = etree.Element(akn("akomaNtoso"), nsmap={None: AKN_NS, "td": TD_NS})
    act = _add(root, "act", [("name", "treaty")])
    _write_meta(act, instrument)
    title_paragraph = _add(_add(_add(act, "preface"), "longTitle"), "p")
    title_paragraph.text = ""  # keeps <docTitle> inline, on the line of its <p>
    _add(title_paragraph, "docTitle").text = instrument.title
    body = list(instrument.body)
    preamble = body.pop(0) if body[0].kind == "preamble" and _is_section(body[0]) else None
    last = body[-1] if body else None
    conclusions = body.pop() if last and last.kind == "conclusions" and _is_section(last) else None
    if not body:  # an act needs a body: keep everything there
        body, preamble, conclusions = list(instrument.body), None, None
    if preamble is not None:
        _write_section(act, "preamble", preamble)
    body_element = _add(act, "body")
    for clause in body:
        _write_hierarchy(body_element, clause)
    if conclusions is not None:
        _write_section(act, "conclusions", conclusions)
    return _DECLARATION + etree.tostring(root, encoding="unicode", pretty_print=True)


def _add(parent: etree._Element, local: str, attrs: _Attrs = (), text: str = "") -> etree._Element:
    """A new AKN child element; an empty ``text`` makes an empty element."""
    element = etree.SubElement(parent, akn(local))
    for name, value in attrs:
        if value is not None:
            element.set(name, value)
    if text:
        element.text = text
    return element


def _check_characters(instrument: Instrument) -> None:
    """Refuse what XML 1.0 cannot hold at all (most control characters, lone surrogates),
    naming the clause: lxml would refuse it too, without saying where."""
    values = [instrument.id, instrument.title]
    values += list(instrument.metadata.as_fields().values())
    _refuse_characters("the instrument", values)
    for clause in instrument.walk():
        values = [clause.eid, clause.kind, clause.text, clause.num or "", clause.heading or ""]
        values += [value for note in clause.notes for value in (note.marker, note.text)]
        _refuse_characters(f"clause {clause.eid!r}", values)


def _refuse_characters(where: str, values: list[str]) -> None:
    for value in values:
        bad = _NOT_XML.search(value)
        if bad:
            raise FormatError(
                f"{where} holds the character U+{ord(bad.group()):04X}, which XML cannot represent"
            )


def _write_meta(act: etree._Element, instrument: Instrument) -> None:
    meta = instrument.metadata
    work_date = iso_date(meta.adopted)
    version_date = iso_date(meta.version)
    number = re.sub(r"[^a-z0-9]+", "-", instrument.id.split("@")[0].lower()).strip("-")
    language = LANG3.get(meta.language or "") or (
        meta.language if meta.language and re.fullmatch("[a-z]{3}", meta.language) else "und"
    )
    work = f"/akn/{COUNTRY}/act/treaty/{work_date or NULL_DATE}/{number or 'instrument'}"
    expression = f"{work}/{language}@{version_date or ''}"
    work_date_attrs = _date_attrs(work_date, "adoption")
    expression_date_attrs = (
        _date_attrs(version_date, "version") if version_date else work_date_attrs
    )
    element = _add(act, "meta")
    identification = _add(element, "identification", [("source", SOURCE)])
    frbr = _add(identification, "FRBRWork")
    _add(frbr, "FRBRthis", [("value", f"{work}/!main")])
    _add(frbr, "FRBRuri", [("value", work)])
    _add(frbr, "FRBRalias", [("value", instrument.title), ("name", "title")])
    _add(frbr, "FRBRdate", work_date_attrs)
    _add(frbr, "FRBRauthor", [("href", "")])
    _add(frbr, "FRBRcountry", [("value", COUNTRY)])
    frbr = _add(identification, "FRBRExpression")
    _add(frbr, "FRBRthis", [("value", f"{expression}/!main")])
    _add(frbr, "FRBRuri", [("value", expression)])
    _add(frbr, "FRBRdate", expression_date_attrs)
    _add(frbr, "FRBRauthor", [("href", "")])
    _add(frbr, "FRBRlanguage", [("language", language)])
    frbr = _add(identification, "FRBRManifestation")
    _add(frbr, "FRBRthis", [("value", f"{expression}/!main.akn")])
    _add(frbr, "FRBRuri", [("value", f"{expression}.akn")])
    _add(frbr, "FRBRdate", expression_date_attrs)
    _add(frbr, "FRBRauthor", [("href", SOURCE)])
    proprietary = _add(element, "proprietary", [("source", SOURCE)])
    facts_element = etree.SubElement(proprietary, td("instrument"))
    for name, value in [("id", instrument.id), *meta.as_fields().items()]:
        facts_element.set(name, value)


def _date_attrs(value: str | None, name: str) -> _Attrs:
    return (
        [("date", value), ("name", name)] if value else [("date", NULL_DATE), ("name", "unknown")]
    )


def _is_section(clause: Clause) -> bool:
    """Can this preamble or conclusions clause be written as an AKN preamble/conclusions?"""
    return (
        bool(clause.children)
        and not clause.text
        and not clause.notes
        and all(c.is_leaf for c in clause.children)
    )


def _paragraph(parent: etree._Element, clause: Clause) -> etree._Element:
    """A ``<p>`` with the clause's text and its notes (``<authorialNote>``, after the
    text: the model does not keep where a marker stood)."""
    paragraph = _add(parent, "p", text=clause.text)
    _write_notes(paragraph, clause)
    return paragraph


def _write_notes(parent: etree._Element, clause: Clause) -> None:
    if clause.notes and not parent.text:
        parent.text = ""  # keeps the notes inline: no indentation added before them
    for n, note in enumerate(clause.notes, start=1):
        attrs = [
            ("marker", note.marker),
            ("placement", "bottom"),
            ("eId", f"{clause.eid}__authorialNote_{n}"),
            (td("line"), None if note.line is None else str(note.line)),
        ]
        _add(_add(parent, "authorialNote", attrs), "p", text=note.text)


def _td(clause: Clause, *, num: bool = False, heading: bool = False) -> _Attrs:
    """The treatydiff attributes of a clause; ``num``/``heading`` when AKN has no place."""
    attrs: list[tuple[str, str | None]] = []
    if num:
        attrs.append((td("num"), clause.num))
    if heading:
        attrs.append((td("heading"), clause.heading))
    if clause.line is not None:
        attrs.append((td("line"), str(clause.line)))
    return attrs


def _write_section(act: etree._Element, tag: str, section: Clause) -> None:
    element = _add(act, tag, [("eId", section.eid), *_td(section, num=True, heading=True)])
    recitals: etree._Element | None = None  # the <recitals> of the current run
    for clause in section.children:
        if tag == "preamble" and clause.kind == "recital":
            if recitals is None:
                recitals = _add(element, "recitals")
            # its num is its place in the preamble, not a printed number: td:num
            recital = _add(recitals, "recital", [("eId", clause.eid), *_td(clause, num=True)])
            if clause.heading is not None:
                _add(recital, "heading", text=clause.heading)
            _paragraph(recital, clause)
            continue
        recitals = None
        if clause.kind == "formula":
            _write_block(element, "formula", clause, name="formula")
        else:
            _write_block(element, "container", clause, name=clause.kind)


def _write_block(parent: etree._Element, tag: str, clause: Clause, name: str | None) -> None:
    """A leaf clause as an element that holds blocks: its text in one ``<p>``."""
    attrs = [("name", name), ("eId", clause.eid), *_td(clause, num=True, heading=True)]
    _paragraph(_add(parent, tag, attrs), clause)


def _write_hierarchy(parent: etree._Element, clause: Clause) -> None:
    if clause.kind in HIERARCHY_KINDS:
        tag, name = clause.kind, None
    else:
        tag, name = "hcontainer", clause.kind
    attrs: list[tuple[str, str | None]] = [("name", name), ("eId", clause.eid)]
    attrs += _td(clause)
    if clause.children and clause.text:
        attrs.append((td("text"), clause.text))
    element = _add(parent, tag, attrs)
    if clause.num is not None:
        _add(element, "num", text=clause.num)
    if clause.heading is not None:
        _add(element, "heading", text=clause.heading)
    if clause.is_leaf:
        _paragraph(_add(element, "content"), clause)
        return
    if clause.notes:  # no text to hold them: the subheading does, alone
        _write_notes(_add(element, "subheading"), clause)
    _write_children(element, clause.children)


def _write_children(parent: etree._Element, children: tuple[Clause, ...]) -> None:
    items = list(children)
    intro = items.pop(0) if items[0].kind == "intro" and items[0].is_leaf else None
    wrapup = items.pop() if items and items[-1].kind == "wrapup" and items[-1].is_leaf else None
    if any(item.kind in _LIST_ITEM_KINDS for item in items):
        parent = _add(parent, "list")
    if intro is not None:
        _write_block(parent, "intro", intro, name=None)
    for item in items:
        _write_hierarchy(parent, item)
    if wrapup is not None:
        _write_block(parent, "wrapUp", wrapup, name=None)
