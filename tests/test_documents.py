"""Word and HTML input, on the real files of ../shared/corpus/documents (read where they
lie) and on small Word files built here with python-docx and raw WordprocessingML.

The coverage tests extract the words of each document independently of the importer
(every text node of the body) and find each of them in the imported clauses (texts,
numbers, headings and the words of structure), the titles, the notes, or the text the
importer reports as left out.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import docx
import lxml.html
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from treatydiff.errors import FormatError, LanguageError
from treatydiff.formats import html, list_parts, load_bytes, load_file, read_layout
from treatydiff.formats.document import Document, instrument
from treatydiff.formats.html_languages import han_number
from treatydiff.formats.options import ReadOptions
from treatydiff.model import Instrument, Note
from treatydiff.segment.labels import citation

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHARTER_DOCX = "un-charter-act-1945-au.docx"
TF_PAGE = "tf-convention-1999-un-saved.html"
CRC_PAGE = "crc-zh-en-opentreaties.html"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def documents() -> Path:
    from conftest import corpus_root

    return corpus_root() / "documents"


def _run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", *args], capture_output=True, check=False
    )


# -- coverage ------------------------------------------------------------------------

_WORD = re.compile(r"\w+")
# The words the segmenter reads as the kind of a heading ("Art. 3", "PART II").
_STRUCTURE_WORDS = {
    "article": "article art",
    "part": "part",
    "chapter": "chapter",
    "section": "section",
    "title": "title",
    "attachment": "annex",
}


def _words(texts: Iterable[str]) -> Counter[str]:
    return Counter(w.casefold() for text in texts for w in _WORD.findall(text))


def _imported(layout: Document, lang: str) -> Counter[str]:
    """Every word the importer accounts for: clauses of every part, titles, notes and
    the text it reports as left out."""
    texts: list[str] = [layout.title]
    for number in range(1, len(layout.parts) + 1):
        read = instrument(layout, part=number, lang=lang)
        texts.append(read.title)
        for clause in read.walk():
            texts += [clause.text, clause.heading or "", clause.num or ""]
            texts.append(_STRUCTURE_WORDS.get(clause.kind, ""))
    texts += [note.text for note in layout.notes]
    texts += [dropped.text for dropped in layout.dropped]
    return _words(texts)


def _docx_body_words(data: bytes) -> Counter[str]:
    """The words of every paragraph of document.xml: its text nodes, with a space for
    each tab, break or hyphen element between them."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    texts = []
    for paragraph in root.iter(_w("p")):
        pieces = [
            (node.text or "") if node.tag == _w("t") else " "
            for node in paragraph.iter(_w("t"), _w("tab"), _w("br"), _w("noBreakHyphen"))
        ]
        texts.append("".join(pieces))
    return _words(texts)


def _html_body_words(data: bytes) -> Counter[str]:
    """The words of the page's body as a browser has them (scripts and styles aside); a
    WordPerfect symbol glyph ("A" drawing a quote) is a sign, not a word."""
    root = lxml.html.document_fromstring(html.decode(data))
    for element in root.xpath("//script|//style|//noscript|//font[@face='WP TypographicSymbols']"):
        element.drop_tree() if element.tag != "font" else setattr(element, "text", " ")
    return _words([root.find("body").text_content()])


def _missing(source: Counter[str], imported: Counter[str]) -> Counter[str]:
    return Counter({w: n - imported[w] for w, n in source.items() if n > imported[w]})


# -- the Australian act that schedules the UN Charter ---------------------------------


def test_the_docx_holds_the_act_the_charter_the_statute_and_the_endnotes(
    documents: Path,
) -> None:
    data = (documents / CHARTER_DOCX).read_bytes()
    assert list_parts(data, source=CHARTER_DOCX) == [
        "Charter of the United Nations Act 1945",
        "The Schedule—Charter of the United Nations",
        "STATUTE OF THE INTERNATIONAL COURT OF JUSTICE",
        "Endnotes",
    ]
    charter = load_file(documents / CHARTER_DOCX, part=2)
    assert [a.num for a in charter.articles()] == [str(n) for n in range(1, 112)]
    assert charter.metadata.format == "docx"
    chapters = [c for c in charter.walk() if c.kind == "chapter"]
    assert len(chapters) == 19
    assert (chapters[0].num, chapters[0].heading) == ("1", "PURPOSES AND PRINCIPLES")
    statute = load_file(documents / CHARTER_DOCX, part=3)
    assert [a.num for a in statute.articles()] == [str(n) for n in range(1, 71)]


def test_charter_paragraphs_keep_their_numbers_and_paragraph_index(documents: Path) -> None:
    data = (documents / CHARTER_DOCX).read_bytes()
    charter = load_bytes(data, source=CHARTER_DOCX, part=2)
    article = charter.by_eid["art_1"].clause
    assert [c.eid for c in article.children] == [
        "art_1__intro", "art_1__para_1", "art_1__para_2", "art_1__para_3", "art_1__para_4",
    ]  # fmt: skip
    assert article.children[1].text.startswith("To maintain international peace")
    # The position is the paragraph's index among the body's paragraphs.
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    texts = ["".join(p.itertext()) for p in root.iter(_w("p"))]
    schedule = texts.index("The Schedule—Charter of the United Nations")
    assert article.line == texts.index("Article 1", schedule) + 1
    assert article.children[1].line == article.line + 2
    # No-break hyphens are read as such: "self-determination" is one word.
    assert "self\u2011determination of peoples" in article.children[2].text


def test_charter_cross_headings_are_headings_of_their_own(documents: Path) -> None:
    # "Composition", "Functions and Powers", "Voting", "Procedure": Word paragraphs of
    # their own, no style, no numbering, each right before an article heading.
    charter = load_file(documents / CHARTER_DOCX, part=2)
    chapter = charter.by_eid["chp_IV"].clause
    divisions = [c for c in chapter.children if c.kind == "subsection"]
    assert [d.heading for d in divisions] == [
        "Composition", "Functions and Powers", "Voting", "Procedure",
    ]  # fmt: skip
    assert [a.num for a in divisions[2].children] == ["18", "19"]
    # Cited by their headings: four unnumbered subsections are four labels.
    views = [charter.by_eid[f"{d.eid}__heading"] for d in divisions]
    assert [citation((*v.ancestors, v.clause)) for v in views] == [
        f'chapter IV, subsection "{d.heading}", heading' for d in divisions
    ]
    assert not chapter.text and not any(c.kind == "intro" for c in chapter.children)
    for eid in ("art_9__para_2", "art_17__para_3", "art_23__para_3", "art_66__para_3"):
        assert charter.by_eid[eid].clause.text.endswith("."), eid
    assert not any(
        c.kind == "paragraph" and c.text in ("Procedure", "Voting") for c in charter.walk()
    )
    # Short capitalised lines of the preamble ("DETERMINED") open no division: no article
    # heading follows them.
    assert all(c.kind != "subsection" for c in charter.by_eid["preamble"].clause.walk())


def test_docx_coverage_every_word_is_imported_or_reported(documents: Path) -> None:
    data = (documents / CHARTER_DOCX).read_bytes()
    layout = read_layout(data, fmt="docx")
    assert _missing(_docx_body_words(data), _imported(layout, "en")) == Counter()
    assert {d.reason for d in layout.dropped} == {"contents"}  # the table of contents
    assert not layout.notes  # its endnotes are body text, not Word notes


def test_show_lists_the_parts_and_selects_one(documents: Path, tmp_path: Path) -> None:
    path = documents / CHARTER_DOCX
    listed = _run("show", str(path), "--parts")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.decode().splitlines()[1] == "2\tThe Schedule—Charter of the United Nations"
    shown = _run("show", f"{path}#3", "--format", "json")
    assert shown.returncode == 0
    assert b"STATUTE OF THE INTERNATIONAL COURT OF JUSTICE" in shown.stdout
    beyond = _run("show", f"{path}#9")
    assert beyond.returncode == 2
    assert beyond.stderr.decode().strip().endswith("the file holds 4 instrument(s), not 9")


# -- Word files built here -------------------------------------------------------------


def _docx_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _paragraph_xml(document: docx.document.Document, xml: str) -> None:
    """Append a paragraph written in WordprocessingML (``w:`` bound) to the body."""
    element = etree.fromstring(f'<w:p xmlns:w="{W}">{xml}</w:p>')
    document.element.body.insert(len(document.element.body) - 1, element)


_REVISION = 'w:id="{id}" w:author="Drafter" w:date="2024-05-01T10:00:00Z"'


def _tracked_changes_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Article 1")
    ins = _REVISION.format(id=1)
    delete = _REVISION.format(id=2)
    _paragraph_xml(
        document,
        "<w:r><w:t xml:space='preserve'>Each Party shall </w:t></w:r>"
        f"<w:ins {ins}><w:r><w:t xml:space='preserve'>promptly </w:t></w:r></w:ins>"
        "<w:r><w:t xml:space='preserve'>notify the </w:t></w:r>"
        f"<w:del {delete}><w:r><w:delText xml:space='preserve'>Secretary-General"
        "</w:delText></w:r></w:del>"
        f"<w:ins {_REVISION.format(id=3)}><w:r><w:t>depositary</w:t></w:r></w:ins>"
        "<w:r><w:t>.</w:t></w:r>",
    )
    # A sentence moved from the second paragraph to the end of the third.
    _paragraph_xml(
        document,
        "<w:r><w:t xml:space='preserve'>Reservations are permitted. </w:t></w:r>"
        f"<w:moveFrom {_REVISION.format(id=4)}><w:r><w:t>They may be withdrawn.</w:t></w:r>"
        "</w:moveFrom>",
    )
    _paragraph_xml(
        document,
        "<w:r><w:t xml:space='preserve'>Notifications are in writing. </w:t></w:r>"
        f"<w:moveTo {_REVISION.format(id=5)}><w:r><w:t>They may be withdrawn.</w:t></w:r>"
        "</w:moveTo>",
    )
    # A paragraph mark deleted: once accepted, the two paragraphs are one.
    _paragraph_xml(
        document,
        f"<w:pPr><w:rPr><w:del {_REVISION.format(id=6)}/></w:rPr></w:pPr>"
        "<w:r><w:t xml:space='preserve'>This Article applies </w:t></w:r>",
    )
    _paragraph_xml(
        document,
        "<w:r><w:t>to every Party.</w:t></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Drafter's query: all Parties?</w:t></w:r>",
    )
    return _docx_bytes(document)


def _texts(instrument: Instrument) -> list[str]:
    return [leaf.clause.text for leaf in instrument.leaves]


def test_tracked_changes_read_accepted_by_default_and_original_on_request() -> None:
    data = _tracked_changes_docx()
    accepted = load_bytes(data, source="draft.docx", fmt="docx")
    assert _texts(accepted) == [
        "Each Party shall promptly notify the depositary.",
        "Reservations are permitted.",
        "Notifications are in writing. They may be withdrawn.",
        "This Article applies to every Party.",
    ]
    original = load_bytes(data, source="draft.docx", options=ReadOptions(docx_revisions="original"))
    assert _texts(original) == [
        "Each Party shall notify the Secretary-General.",
        "Reservations are permitted. They may be withdrawn.",
        "Notifications are in writing.",
        "This Article applies",
        "to every Party.",
    ]
    hidden = [d for d in read_layout(data, fmt="docx").dropped if d.reason == "hidden"]
    assert [d.text for d in hidden] == ["Drafter's query: all Parties?"]
    # The text each view leaves out is reported, as a web page's <del> and <ins> are.
    revised = [(d.text, d.line) for d in read_layout(data, fmt="docx").dropped]
    assert revised[:2] == [("Secretary-General", 2), ("They may be withdrawn.", 3)]
    explained = [(g.kind, g.text) for g in accepted.guesses]
    assert ("left out", "Secretary-General") in explained


_MATH = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _inline_docx(*paragraphs: str) -> bytes:
    """An invented agreement: a title, "Article 1" and one paragraph of WordprocessingML
    (``w:`` and ``m:`` bound) for each of ``paragraphs``."""
    document = docx.Document()
    document.add_paragraph("Agreement on Small Harbours")
    document.add_paragraph("Article 1")
    for xml in paragraphs:
        element = etree.fromstring(f'<w:p xmlns:w="{W}" xmlns:m="{_MATH}">{xml}</w:p>')
        document.element.body.insert(len(document.element.body) - 1, element)
    return _docx_bytes(document)


def _run_text(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


@pytest.mark.parametrize(
    ("font", "char", "shown"),
    [
        ("Symbol", "F0B3", "\u2265"),  # Insert Symbol's >=, as Word writes it
        ("Symbol", "F0A3", "\u2264"),
        ("Symbol", "00B1", "\u00b1"),  # the code without Word's 0xF000
        ("Symbol", "F061", "\u03b1"),
        ("Symbol", "F0E6", "\u239b"),  # a bracket piece, private-use in the encoding
        ("Cambria Math", "2265", "\u2265"),  # a Unicode font: the code is the character
        ("Wingdings", "F0FC", "\uf0fc"),  # only the font knows it: kept as it is
    ],
)
def test_a_symbol_inserted_from_a_font_is_its_character(font: str, char: str, shown: str) -> None:
    sym = f'<w:r><w:sym w:font="{font}" w:char="{char}"/></w:r>'
    data = _inline_docx(_run_text("A vessel of ") + sym + _run_text(" 5 tonnes shall moor."))
    agreement = load_bytes(data, source="harbours.docx", fmt="docx")
    assert _texts(agreement)[1:] == [f"A vessel of {shown} 5 tonnes shall moor."]


def _raised_run(text: str, position: str = "superscript") -> str:
    return f"<w:r><w:rPr><w:vertAlign w:val='{position}'/></w:rPr><w:t>{text}</w:t></w:r>"


@pytest.mark.parametrize(
    ("before", "run", "position", "shown"),
    [
        ("The fee shall be 10", "6", "superscript", "10\u2076"),
        ("The dose shall be 10", "-6", "superscript", "10\u207b\u2076"),
        ("As provided in article 3", "1", "superscript", "article 3\u00b9"),
        ("An area of 5 km", "2", "superscript", "km\u00b2"),
        ("Emissions of CO", "2", "subscript", "CO\u2082"),
        ("On the 1", "st", "superscript", "1st"),  # letters stay as written
        ("The Party", "*", "superscript", "Party*"),  # a typed mark is text: kept
    ],
)
def test_a_raised_or_lowered_run_of_digits_is_written_raised(
    before: str, run: str, position: str, shown: str
) -> None:
    data = _inline_docx(_run_text(before) + _raised_run(run, position) + _run_text(" of it."))
    (text,) = _texts(load_bytes(data, source="harbours.docx", fmt="docx"))[1:]
    assert shown in text


def test_office_math_is_read_as_its_linear_text() -> None:
    def mrun(text: str) -> str:
        return f"<m:r><m:t>{text}</m:t></m:r>"

    fraction = f"<m:f><m:num>{mrun('1')}</m:num><m:den>{mrun('2')}</m:den></m:f>"
    power = f"<m:sSup><m:e>{mrun('10')}</m:e><m:sup>{mrun('6')}</m:sup></m:sSup>"
    root = f"<m:rad><m:radPr><m:degHide m:val='1'/></m:radPr><m:deg/><m:e>{mrun('x')}</m:e></m:rad>"
    data = _inline_docx(
        _run_text("The levy shall be ") + f"<m:oMath>{mrun('0.5%')}</m:oMath>"
        + _run_text(" of turnover."),
        _run_text("A share of ") + f"<m:oMathPara><m:oMath>{fraction}</m:oMath></m:oMathPara>"
        + _run_text(" and no more than ") + f"<m:oMath>{power}</m:oMath>"
        + _run_text(" tonnes, or ") + f"<m:oMath>{root}</m:oMath>" + _run_text("."),
    )  # fmt: skip
    agreement = load_bytes(data, source="harbours.docx", fmt="docx")
    assert _texts(agreement)[1:] == [
        "The levy shall be 0.5% of turnover.",
        "A share of (1)/(2) and no more than 10^6 tonnes, or \u221a(x).",
    ]


def test_a_text_box_and_hidden_text_are_reported_as_left_out() -> None:
    box = (
        "<w:r><w:pict><w:txbxContent><w:p>"
        + _run_text("No Party shall export arms.")
        + "</w:p></w:txbxContent></w:pict></w:r>"
    )
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space='preserve'>never </w:t></w:r>"
    data = _inline_docx(
        _run_text("Each Party shall act.") + box,
        _run_text("It shall ") + hidden + _run_text("moor there."),
    )
    agreement = load_bytes(data, source="harbours.docx", fmt="docx")
    assert _texts(agreement)[1:] == ["Each Party shall act.", "It shall moor there."]
    assert [(g.kind, g.line, g.text, g.detail) for g in agreement.guesses] == [
        ("left out", 3, "No Party shall export arms.", "a text box, outside the reading order"),
        ("left out", 4, "never ", "hidden text, or fallback text the page does not show"),
    ]


def test_docx_revisions_option_on_the_command_line(tmp_path: Path) -> None:
    path = tmp_path / "draft.docx"
    path.write_bytes(_tracked_changes_docx())
    shown = _run("show", str(path), "--docx-revisions", "original")
    assert shown.returncode == 0, shown.stderr
    assert b"notify the Secretary-General." in shown.stdout
    compared = _run("compare", str(path), str(path), "--docx-revisions", "original")
    assert compared.returncode == 0
    # A check reads the Word side as asked: its original text is the stored one.
    stored = tmp_path / "original.treatydiff"
    _run(
        "show",
        str(path),
        "--docx-revisions",
        "original",
        "--format",
        "treatydiff",
        "-o",
        str(stored),
    )
    same = _run("check", str(stored), str(path), "--docx-revisions", "original")
    assert same.returncode == 0, same.stdout
    assert _run("check", str(stored), str(path)).returncode == 1


_NUMBERING = """
<w:abstractNum xmlns:w="{W}" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="Article %1"/><w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>
    <w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>
    <w:lvlText w:val="(%3)"/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/>
    <w:lvlText w:val="(%4)"/></w:lvl>
</w:abstractNum>
<w:abstractNum xmlns:w="{W}" w:abstractNumId="91">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>
    <w:lvlText w:val="PART %1"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:num xmlns:w="{W}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num xmlns:w="{W}" w:numId="91"><w:abstractNumId w:val="91"/></w:num>
<w:num xmlns:w="{W}" w:numId="92"><w:abstractNumId w:val="90"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>
"""


def _numbered(document: docx.document.Document, text: str, num_id: int, ilvl: int) -> None:
    _paragraph_xml(
        document,
        f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
        f"<w:r><w:t>{text}</w:t></w:r>",
    )


def _numbered_docx() -> bytes:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    definitions = etree.fromstring(f"<root>{_NUMBERING.format(W=W)}</root>")
    for abstract in definitions.findall(_w("abstractNum")):
        numbering.insert(0, abstract)  # abstract definitions go before the instances
    for num in definitions.findall(_w("num")):
        numbering.append(num)
    _numbered(document, "", 91, 0)
    _numbered(document, "", 90, 0)
    _numbered(document, "Each State Party shall:", 90, 1)
    _numbered(document, "respect the rights;", 90, 2)
    _numbered(document, "ensure them:", 90, 2)
    _numbered(document, "by law;", 90, 3)
    _numbered(document, "in practice.", 90, 3)
    _numbered(document, "Nothing here limits other rights.", 90, 1)
    _numbered(document, "", 91, 0)
    _numbered(document, "", 90, 0)
    _numbered(document, "States Parties shall report.", 90, 1)
    _numbered(document, "", 92, 0)  # "Restart numbering" at 10
    _numbered(document, "This Convention is open for signature.", 90, 1)
    return _docx_bytes(document)


def test_automatic_numbers_become_article_paragraph_and_point_numbers() -> None:
    read = load_bytes(_numbered_docx(), source="numbered.docx")
    eids = [leaf.clause.eid for leaf in read.leaves]
    assert eids == [
        "part_I__heading",  # the numbered "PART I" line, its part's heading
        "art_1__para_1__intro",
        "art_1__para_1__point_a",
        "art_1__para_1__point_b__intro",
        "art_1__para_1__point_b__point_i",
        "art_1__para_1__point_b__point_ii",
        "art_1__para_2",
        "part_II__heading",
        "art_2__para_1",
        "art_10__para_1",
    ]
    parts = [c for c in read.walk() if c.kind == "part"]
    assert [p.num for p in parts] == ["I", "II"]
    assert read.by_eid["art_1__para_1__point_b__point_ii"].clause.text == "in practice."


def test_a_list_number_opens_an_item_after_words_that_cite_one() -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    definitions = etree.fromstring(f"<root>{_NUMBERING.format(W=W)}</root>")
    for abstract in definitions.findall(_w("abstractNum")):
        numbering.insert(0, abstract)
    for num in definitions.findall(_w("num")):
        numbering.append(num)
    _numbered(document, "", 90, 0)
    _numbered(document, "The Board shall act under this article", 90, 1)
    _numbered(document, "The Board shall report.", 90, 1)
    read = load_bytes(_docx_bytes(document), source="numbered.docx")
    assert [(leaf.clause.eid, leaf.clause.text) for leaf in read.leaves] == [
        ("art_1__para_1", "The Board shall act under this article"),
        ("art_1__para_2", "The Board shall report."),
    ]


def _footnoted_docx() -> bytes:
    document = docx.Document()
    document.add_paragraph("Article 1")
    _paragraph_xml(
        document,
        "<w:r><w:t>The Convention applies to the territories listed.</w:t></w:r>"
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        '<w:footnoteReference w:id="1"/></w:r>',
    )
    notes = (
        f'<w:footnotes xmlns:w="{W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>'
        "<w:r><w:t xml:space='preserve'> As at the date of signature.</w:t></w:r></w:p>"
        "</w:footnote></w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        notes.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    return _docx_bytes(document)


def test_footnotes_are_kept_apart_from_the_clause_text() -> None:
    data = _footnoted_docx()
    read = load_bytes(data, source="notes.docx")
    assert read.articles()[0].text == "The Convention applies to the territories listed."
    layout = read_layout(data, fmt="docx")
    (note,) = layout.notes
    assert (note.kind, note.mark, note.text) == ("footnote", "1", "As at the date of signature.")
    assert note.line == 2  # the second paragraph of the body
    assert note.offset == len("The Convention applies to the territories listed.")
    # Attached to the clause that cites it, as a compared unit of its own.
    assert read.articles()[0].notes == (Note("1", "As at the date of signature."),)
    assert [leaf.clause.eid for leaf in read.leaves][-1] == "art_1__authorialNote_1"


def test_a_damaged_word_file_is_refused_clearly(tmp_path: Path) -> None:
    data = bytearray(_numbered_docx())
    data[200:260] = b"\x00" * 60  # inside the first member: its data no longer inflates
    path = tmp_path / "damaged.docx"
    path.write_bytes(bytes(data))
    shown = _run("show", str(path))
    assert shown.returncode == 2
    assert shown.stderr.decode().count("\n") == 1


# -- web pages -------------------------------------------------------------------------


def test_saved_un_page_gives_the_terrorist_financing_convention(documents: Path) -> None:
    data = (documents / TF_PAGE).read_bytes()
    assert html.encoding_of(data) == "cp1252"  # declared windows-1252 in its <meta>
    read = load_bytes(data, source=TF_PAGE)
    assert read.metadata.format == "html"
    assert (
        read.title == "International Convention for the Suppression of the Financing of Terrorism"
    )
    assert [a.num for a in read.articles()] == [str(n) for n in range(1, 29)]
    # WordPerfect's symbol font: "AFunds@" is the quoted term, "person=s" a possessive.
    assert read.by_eid["art_1__para_1"].clause.text.startswith("\u201cFunds\u201d means assets")
    assert any("person\u2019s" in leaf.clause.text for leaf in read.leaves)
    assert "Copyright" not in " ".join(_texts(read))
    # The adoption line under the title is a preface line and a fact, as in a plain text.
    preface = read.by_eid["preface__formula_1"].clause
    assert preface.text.startswith("Adopted by the General Assembly")
    assert "resolution 54/109" in preface.text
    assert read.metadata.adopted == "1999-12-09"
    formula = read.by_eid["preamble__formula_1"].clause
    assert formula.text == "The States Parties to this Convention,"
    # The position is the source line of the element.
    lines = data.decode("cp1252").split("\n")
    heading = next(n for n, line in enumerate(lines, 1) if "<b>Article 1</b>" in line)
    assert read.by_eid["art_1"].clause.line == heading


def test_html_coverage_every_word_is_imported_or_reported(documents: Path) -> None:
    for page, langs in ((TF_PAGE, ["en"]), (CRC_PAGE, ["en", "nl"])):
        data = (documents / page).read_bytes()
        for lang in langs:
            layout = read_layout(data, fmt="html", lang=lang)
            missing = _missing(_html_body_words(data), _imported(layout, lang))
            assert missing == Counter(), (page, lang)


def test_bilingual_page_gives_the_crc_in_english_by_default(documents: Path) -> None:
    read = load_file(documents / CRC_PAGE)
    assert read.title == "Convention on the Rights of the Child"
    assert [a.num for a in read.articles()] == [str(n) for n in range(1, 55)]
    assert read.by_eid["art_53"].clause.text == (
        "The Secretary-General of the United Nations is designated as the depositary of "
        "the present Convention."
    )
    recitals = [c for c in read.walk() if c.kind == "recital"]
    assert len(recitals) == 13  # the glued preamble ("Convention,Considering") split


def test_bilingual_page_tells_the_chinese_apart_but_has_no_chinese_language(
    documents: Path,
) -> None:
    layout = read_layout((documents / CRC_PAGE).read_bytes(), fmt="html")
    chinese = [d.text for d in layout.dropped if d.reason == "other language"]
    assert "聯合國秘書長被指定為本公約存放人。" in chinese  # article 53
    assert "兒童權利公約" in chinese  # the page's <h1>
    # No Chinese language module yet: the Chinese view is refused in one clear line.
    with pytest.raises(LanguageError, match="unknown language 'zh'"):
        load_file(documents / CRC_PAGE, lang="zh")
    shown = _run("show", str(documents / CRC_PAGE), "--lang", "zh")
    assert shown.returncode == 2 and b"'zh' is not one of 'en', 'es', 'fr', 'nl'" in shown.stderr


def test_page_languages_told_by_lang_attributes() -> None:
    page = (
        b"<!DOCTYPE html><html><body>"
        b'<div lang="en"><h2>Article 1</h2><p>Each Party shall act.</p></div>'
        b'<div lang="fr"><h2>Article premier</h2><p>Chaque Partie agit.</p></div>'
        b"</body></html>"
    )
    assert _texts(load_bytes(page, source="p.html")) == ["Each Party shall act."]
    with pytest.raises(FormatError, match="no nl text in this page; it holds en, fr"):
        load_bytes(page, source="p.html", lang="nl")


def test_page_lists_take_the_numbers_the_browser_shows() -> None:
    page = (
        b"<html><body><h1>Protocol</h1><h2>Article 1</h2><p>The Parties shall:</p>"
        b'<ol type="a"><li>cooperate;</li><li>report; and</li><li>review.</li></ol>'
        b"<nav><a href='/'>Home</a></nav><footer>Contact us</footer></body></html>"
    )
    read = load_bytes(page, source="p.html")
    assert [leaf.clause.eid for leaf in read.leaves] == [
        "docTitle", "art_1__intro", "art_1__point_a", "art_1__point_b", "art_1__point_c",
    ]  # fmt: skip
    layout = read_layout(page, fmt="html")
    assert [(d.reason, d.text) for d in layout.dropped] == [
        ("navigation", "Home"),
        ("footer", "Contact us"),
    ]


def test_page_encoding_from_bom_meta_or_detection() -> None:
    words = "<html><body><h2>Article 1</h2><p>Les États parties reconnaissent à tout être"
    words += " humain le droit à la vie, à la liberté et à la sûreté.</p></body></html>"
    assert html.encoding_of(b"\xef\xbb\xbf" + words.encode()) == "utf-8-sig"
    declared = words.replace("<html>", '<html><meta charset="iso-8859-1">')
    assert html.encoding_of(declared.encode("cp1252")) == "cp1252"  # as browsers read it
    assert html.encoding_of(words.encode()) == "utf-8"
    undeclared = words.encode("cp1252")
    assert "Les États parties" in html.decode(undeclared)
    read = load_bytes(undeclared, source="p.html")
    assert read.leaves[0].clause.text.startswith("Les États parties")


def test_han_numbers() -> None:
    assert [han_number(t) for t in ("一", "十", "十一", "二十", "五十三", "一百零五")] == [
        1, 10, 11, 20, 53, 105,
    ]  # fmt: skip
    assert han_number("第一條") is None


# -- the documents extra ---------------------------------------------------------------

_WITHOUT = """
import sys
for name in ("docx", "lxml", "charset_normalizer"):
    sys.modules[name] = None  # as if the documents extra were not installed
from treatydiff.cli import main
main(sys.argv[1:])
"""


def test_a_missing_documents_extra_names_the_install_command(documents: Path) -> None:
    for name in (CHARTER_DOCX, TF_PAGE):
        done = subprocess.run(
            [sys.executable, "-c", _WITHOUT, "show", str(documents / name)],
            capture_output=True,
            text=True,
            check=False,
            env=os.environ | {"TREATYDIFF_NO_CACHE": "1"},  # the importer, not the cache
        )
        assert done.returncode == 2
        assert done.stderr.count("\n") == 1
        assert "pip install 'treatydiff[documents]'" in done.stderr


def test_compare_says_when_the_sides_leave_out_different_text(tmp_path: Path) -> None:
    # A text box (left out of the clauses, listed by show --explain) that differs
    # between two drafts: the comparison cannot see it, so it says so.
    box = "<w:r><w:pict><w:txbxContent><w:p>{}</w:p></w:txbxContent></w:pict></w:r>"
    left, right = tmp_path / "left.docx", tmp_path / "right.docx"
    for path, words in ((left, "The fee shall not exceed 100 euros."), (right, "The fee is free.")):
        path.write_bytes(
            _inline_docx(_run_text("Each Party shall act.") + box.format(_run_text(words)))
        )
    done = _run("compare", str(left), str(right))
    assert done.returncode == 0
    assert done.stderr.decode() == (
        f"treatydiff: warning: {left} and {right} leave out different text (1 piece(s) only "
        "in the left, 1 only in the right; show --explain lists them): it is not compared\n"
    )
