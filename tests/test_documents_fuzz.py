"""Fuzzing the layout importers (Word, HTML): damaged real pages and Word files built in
test_documents.py give an instrument or a TreatydiffError, never a crash."""

from __future__ import annotations

import copy
import io
import zipfile
from functools import cache

import pytest
from conftest import corpus_root
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_documents import W, _footnoted_docx, _numbered_docx, _tracked_changes_docx
from test_fuzz import damaged_text

from treatydiff.errors import TreatydiffError
from treatydiff.formats import load_bytes, read_layout
from treatydiff.formats import parse as import_text
from treatydiff.formats.options import ReadOptions

_PAGES = ("tf-convention-1999-un-saved.html", "crc-zh-en-opentreaties.html")


@cache
def _page(name: str) -> str:
    from treatydiff.formats.html import decode

    return decode((corpus_root() / "documents" / name).read_bytes())


def _survives(data: bytes | str, lang: str) -> None:
    # The format is forced: a window of a page without its start reads as un-text, which
    # takes seconds on 60 kB of markup (test_fuzz covers detection).
    try:
        if isinstance(data, str):
            instrument = import_text(data, fmt="html", lang=lang)
        else:
            instrument = load_bytes(data, source="fuzzed", fmt="html", lang=lang)
    except TreatydiffError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    assert instrument.body


@pytest.mark.parametrize("name", _PAGES)
@pytest.mark.parametrize("lang", ["en", "nl"])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_damaged_pages_are_an_instrument_or_a_clear_error(
    name: str, lang: str, data: st.DataObject
) -> None:
    text = data.draw(damaged_text(_page(name)))
    _survives(text, lang=lang)
    _survives(text.encode("utf-8"), lang=lang)


_W_TAGS = (
    "p", "r", "t", "delText", "tab", "br", "noBreakHyphen", "ins", "del", "moveFrom", "moveTo",
    "pPr", "rPr", "pStyle", "numPr", "ilvl", "numId", "outlineLvl", "jc", "b", "sectPr", "tbl",
    "tr", "tc", "trPr", "sdt", "sdtContent", "hyperlink", "smartTag", "footnoteReference",
    "txbxContent", "pPrChange",
)  # fmt: skip
_W_ATTRIBUTES = ("val", "id", "type", "customMarkFollows", "abstractNumId", "numId", "ilvl")


_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20)
_BUILT = {"numbered": _numbered_docx, "tracked": _tracked_changes_docx, "notes": _footnoted_docx}


@cache
def _built(name: str) -> bytes:
    return _BUILT[name]()


@st.composite
def damaged_docx(draw: st.DrawFn, name: str) -> bytes:
    """The Word file ``name`` built in test_documents.py with a few elements of one of
    its parts dropped, repeated, renamed, re-attributed or re-worded; now and then its
    zip bytes cut or overwritten."""
    package = zipfile.ZipFile(io.BytesIO(_built(name)))
    members = {name: package.read(name) for name in package.namelist()}
    name = draw(
        st.sampled_from([n for n in members if n.startswith("word/") and n.endswith(".xml")])
    )
    root = etree.fromstring(members[name])
    for _ in range(draw(st.integers(1, 6))):
        elements = list(root.iter())
        target = draw(st.sampled_from(elements))
        parent = target.getparent()
        edit = draw(st.sampled_from(["drop", "repeat", "rename", "attribute", "text"]))
        if edit in ("drop", "repeat") and parent is not None:
            if edit == "drop":
                parent.remove(target)
            else:
                parent.insert(parent.index(target), copy.deepcopy(target))
        elif edit == "rename":
            target.tag = f"{{{W}}}{draw(st.sampled_from(_W_TAGS))}"
        elif edit == "attribute":
            value = draw(st.sampled_from(["", "0", "1", "-4", "9", "x", "99999"]) | _XML_TEXT)
            target.set(f"{{{W}}}{draw(st.sampled_from(_W_ATTRIBUTES))}", value)
        else:
            target.text = draw(_XML_TEXT)
    members[name] = etree.tostring(root)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as damaged:
        for member, content in members.items():
            damaged.writestr(member, content)
    data = out.getvalue()
    if draw(st.integers(0, 5)) == 0:
        at = draw(st.integers(0, len(data) - 1))
        data = data[:at] + draw(st.binary(max_size=40)) + data[at + draw(st.integers(0, 200)) :]
    return data


@pytest.mark.parametrize("name", list(_BUILT))
@pytest.mark.parametrize("revisions", ["accepted", "original"])
@settings(max_examples=20, deadline=None)
@given(data=st.data())
def test_damaged_word_files_are_an_instrument_or_a_clear_error(
    name: str, revisions: str, data: st.DataObject
) -> None:
    damaged = data.draw(damaged_docx(name))
    options = ReadOptions(docx_revisions=revisions)
    try:
        load_bytes(damaged, source="fuzzed.docx", options=options)
        read_layout(damaged, fmt="docx", options=options)
    except TreatydiffError as exc:
        assert str(exc) and "\n" not in str(exc)
