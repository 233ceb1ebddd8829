"""PDF import on the real documents of the corpus (../shared/corpus/documents), read
where they lie: UN Treaty Series prints, OHCHR PDFs, a UNODC booklet of four
instruments, a UN General Assembly resolution with an annexed agreement, two-column and
landscape Spanish booklets, and a scan without a text layer."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from conftest import USER_PREAMBLE, corpus_root

from treatydiff.engine.compare import compare
from treatydiff.engine.comparison import Alignment, Comparison
from treatydiff.formats import list_parts, load_bytes, load_file
from treatydiff.formats.options import ReadOptions
from treatydiff.formats.pdf import Document, instrument, read
from treatydiff.model import Instrument


def _documents() -> Path:
    folder = corpus_root() / "documents"
    if not folder.is_dir():
        pytest.skip("the corpus has no documents/ folder")
    return folder


@cache
def _read(name: str) -> Document:
    path = _documents() / name
    return read(path.read_bytes(), source=str(path))


@cache
def _load(name: str, part: int = 1) -> Instrument:
    return load_file(_documents() / name, part=part)


def _numbers(instrument: Instrument) -> list[str]:
    return [article.num or "" for article in instrument.articles()]


def _paired_article_for_article(comparison: Comparison) -> None:
    """No clause added or removed, and every pair joins clauses of one article number."""
    assert not [a for a in comparison.alignments if a.status in ("added", "removed")]
    for alignment in comparison.alignments:
        left = {eid.split("__")[0] for eid in alignment.left}
        right = {eid.split("__")[0] for eid in alignment.right}
        assert left == right, alignment


# --- instruments and their articles ----------------------------------------------------


@pytest.mark.parametrize(
    ("name", "articles"),
    [
        ("opsc-en-unts-vol2171.pdf", 17),
        ("opac-en-unts-vol2173.pdf", 13),
        ("crc-en-ohchr.pdf", 54),
        ("cat-en-ohchr.pdf", 33),
        ("iccpr-en-ohchr.pdf", 53),
    ],
)
def test_a_treaty_pdf_gives_its_preamble_and_every_article(name: str, articles: int) -> None:
    instrument = _load(name)
    assert _numbers(instrument) == [str(n) for n in range(1, articles + 1)]
    preamble = next(clause for clause in instrument.body if clause.kind == "preamble")
    kinds = [clause.kind for clause in preamble.children]
    assert kinds[0] == "formula" and kinds.count("recital") >= 5
    assert preamble.children[0].text.startswith("The States Parties")
    assert instrument.metadata.format == "pdf"


def test_the_unts_print_drops_its_running_header_and_page_numbers() -> None:
    document = _read("opsc-en-unts-vol2171.pdf")
    asides = {(aside.kind, aside.page): aside.text for aside in document.asides}
    assert asides[("header", 3)] == "Volume 2171, A-27531"
    assert asides[("page-number", 3)] == "249"
    words = " ".join(clause.text for clause in _load("opsc-en-unts-vol2171.pdf").walk())
    assert "A-27531" not in words and " 249 " not in words
    # The editorial label above the title is front matter, not title.
    assert _load("opsc-en-unts-vol2171.pdf").title.startswith("OPTIONAL PROTOCOL TO THE")
    assert asides[("front-matter", 1)] == "[ ENGLISH TEXT — TEXTE ANGLAIS ]"


def test_the_unts_print_damage_is_repaired_where_certain_and_reported_otherwise() -> None:
    instrument = _load("opsc-en-unts-vol2171.pdf")
    clauses = {clause.eid: clause.text for clause in instrument.walk()}
    assert clauses["art_16__para_2"].startswith("An amendment adopted in accordance with")
    assert "paragraph 1 of the present Article" in clauses["art_16__para_2"]
    assert clauses["art_3__para_1__intro"].startswith("Each State Party shall ensure")
    # "para-" / "graph I": the hyphen that breaks the word is PDFium's soft hyphen.
    assert "established in paragraph 1 of the present Article" in clauses["art_3__para_4"]
    repairs = _read("opsc-en-unts-vol2171.pdf").repairs
    assert sum(r.before.startswith("1 . ") and r.after.startswith("1. ") for r in repairs) == 4
    suspects = [r for r in repairs if not r.repaired]
    assert [r.page for r in suspects if "shall I take effect" in r.before] == [7]


def test_a_paragraph_number_one_printed_as_a_letter_l_before_2_is_repaired() -> None:
    # The UNODC booklet's dispute clauses: "l. States Parties shall endeavour ..." then
    # "2.", "3.", "4.": paragraph 1, not point (l).
    name = "untoc-palermo-protocols-en-unodc.pdf"
    for part, article in ((2, "35"), (3, "15"), (4, "20"), (6, "16")):
        clauses = {clause.eid: clause for clause in _load(name, part).walk()}
        assert f"art_{article}__point_l" not in clauses
        assert clauses[f"art_{article}__para_1"].text.startswith("States Parties shall")
        assert f"art_{article}__para_4" in clauses
    repairs = _read(name).repairs
    assert sum(r.before.startswith("l. ") and r.after.startswith("1. ") for r in repairs) == 4


def test_the_unts_print_pairs_every_article_with_the_treaty_series_markdown() -> None:
    markdown = corpus_root() / "laws-markdown" / "opsc" / "2012-10-31.md"
    comparison = compare(_load("opsc-en-unts-vol2171.pdf"), load_file(markdown))
    _paired_article_for_article(comparison)
    assert {eid.split("__")[0] for a in comparison.alignments for eid in a.left} >= {
        f"art_{n}" for n in range(1, 18)
    }


def test_the_ohchr_preamble_against_the_unts_print_shows_the_two_wordings() -> None:
    # The README's worked example: the OHCHR web text of the preamble (supplied with
    # the project) against the UNTS print. Every recital pairs with its own; the
    # changes are the two publications' wordings, read in the texts: "traffic in" /
    # "traffic of" children (recitals 3 and 7), the Vienna conference sentence (6),
    # a comma (5), "Believing also" / "also believing" (8), the Hague adoption
    # convention's title (9), "in" / "at" Stockholm (11). Unpaired: the OHCHR page's
    # adoption lines (preface) and, on the UNTS side, "Have agreed as follows:" and
    # the articles, which the preamble text does not hold.
    comparison = compare(load_file(USER_PREAMBLE), _load("opsc-en-unts-vol2171.pdf"))
    recitals = [a for a in comparison.alignments if a.left[:1] and "__p_" in a.left[0]]
    assert [(a.left, a.right) for a in recitals] == [
        ((f"preamble__p_{n}",), (f"preamble__p_{n}",)) for n in range(1, 13)
    ]
    changed = {
        a.left[0]: (a.tags[:1], _changed_words(a)) for a in recitals if a.status == "modified"
    }
    assert changed == {
        "preamble__p_3": (("wording",), ["in", "of"]),
        "preamble__p_5": (("punctuation",), [","]),
        "preamble__p_6": (("wording",), [",", "held", "in", "Vienna", "in", "1999", "(",
                                         "Vienna", ",", "1999", ")", "and", ","]),
        "preamble__p_7": (("wording",), ["urbanrural", "urban-rural", "in", "of"]),
        "preamble__p_8": (("wording",), ["also", "also", "further"]),
        "preamble__p_9": (("wording",), ["the", "in", "with", "of", "Intercountry", "to",
                                         "Inter-Country"]),
        "preamble__p_11": (("wording",), ["in", "at"]),
    }  # fmt: skip
    unpaired = [
        (a.status, *a.left, *a.right)
        for a in comparison.alignments
        if a.status in ("added", "removed")
    ]
    assert [u for u in unpaired if u[0] == "removed"] == [
        ("removed", "preface__formula_1"),
        ("removed", "preface__formula_2"),
    ]
    added = [u[1] for u in unpaired if u[0] == "added"]
    assert added[0] == "preamble__formula_2"
    assert all(eid.startswith("art_") for eid in added[1:])


def _changed_words(alignment: Alignment) -> list[str]:
    """The words and marks of the runs a word diff changed, left side first in each."""
    return [
        word
        for op in alignment.diff
        if op.op != "equal"
        for word in re.findall(r"[\w-]+|[^\w\s]", op.left + " " + op.right)
    ]


def test_the_ohchr_crc_pdf_matches_the_ohchr_web_text_clause_for_clause() -> None:
    web = load_file(corpus_root() / "raisely-noharm" / "CRC.md")
    comparison = compare(_load("crc-en-ohchr.pdf"), web)
    # The PDF prints the adoption and entry-into-force lines under the title; the web
    # text does not: they are its only clauses without a counterpart.
    unpaired = [a for a in comparison.alignments if a.status in ("added", "removed")]
    assert [(a.status, a.left) for a in unpaired] == [
        ("removed", ("preface__formula_1",)),
        ("removed", ("preface__formula_2",)),
    ]
    assert comparison.summary.similarity > 0.99


def test_a_heading_the_text_layer_ran_on_into_a_paragraph_is_set_apart() -> None:
    # ICCPR: "... a contractual obligation. Article" / "12"
    clauses = {clause.eid: clause for clause in _load("iccpr-en-ohchr.pdf").walk()}
    assert clauses["art_11"].text.endswith("contractual obligation.")
    assert clauses["art_12__para_1"].text.startswith("Everyone lawfully within")


def test_a_compound_broken_at_a_line_end_keeps_its_hyphen() -> None:
    # PDFium marks "Secretary-" / "General" at a line end as a word broken by hyphenation
    # (a soft hyphen); the documents print "Secretary-General" whole elsewhere.
    for name in ("iccpr-en-ohchr.pdf", "opac-en-unts-vol2173.pdf"):
        words = " ".join(clause.text for clause in _load(name).walk())
        assert "SecretaryGeneral" not in words and "Secretary-General" in words, name
    # A word broken by hyphenation is still joined whole ("rep-" / "resented").
    assert "\u00ad" not in " ".join(c.text for c in _load("iccpr-en-ohchr.pdf").walk())


def test_the_first_line_of_a_sentence_that_goes_on_is_no_caption() -> None:
    # ICCPR article 35 opens "The members of the Committee shall, with the approval ..."
    # on a line of its own (a wrap): "shall," is a modal verb, which no caption holds.
    iccpr = _load("iccpr-en-ohchr.pdf")
    assert [a.num for a in iccpr.articles() if a.heading] == []  # the ICCPR has no captions
    article = next(a for a in iccpr.articles() if a.num == "35")
    assert article.text.startswith("The members of the Committee shall, with the approval")
    assert not [g for g in iccpr.guesses if g.kind == "caption"]


def test_a_cited_item_wrapped_to_a_line_start_stays_words_of_the_sentence() -> None:
    # CAT article 21(1): "... Subject to the provisions of subparagraph" / (a gap) /
    # "(e), the Committee shall make available ...": the "(e)" is cited, it opens no item.
    clauses = {clause.eid: clause for clause in _load("cat-en-ohchr.pdf").walk()}
    assert "of subparagraph (e), the Committee shall make available" in " ".join(
        clause.text for clause in clauses.values()
    )
    assert not [eid for eid, clause in clauses.items() if clause.text.startswith(",")]
    assert clauses["art_21__para_1__point_f"].text.startswith("In any matter referred to it")
    # "(d) ... under this" / "article; (e) Subject to ...": item (e), run on into the
    # line of (d), is an item of its own.
    points = [c.num for c in clauses["art_21__para_1"].children if c.kind == "point"]
    assert points == list("abcdefgh")
    assert clauses["art_21__para_1__point_d"].text.endswith("under this article;")
    assert clauses["art_21__para_1__point_e"].text.startswith(
        "Subject to the provisions of subparagraph (e), the Committee shall make available"
    )


def test_a_marker_followed_by_a_comma_opens_no_item() -> None:
    from treatydiff.segment.markers import read_marker

    assert read_marker("(e), the Committee shall") is None
    assert read_marker("(e) the Committee shall") is not None


@pytest.mark.parametrize(
    ("code", "caption"),
    [
        ("en", "COSTS TO STATES PARTIES AND INSTITUTIONAL ARRANGEMENTS"),
        ("fr", "COÛTS POUR LES ÉTATS PARTIES ET ARRANGEMENTS INSTITUTIONNELS"),
        ("es", "COSTOS PARA LOS ESTADOS PARTES Y ARREGLOS INSTITUCIONALES"),
    ],
)
def test_a_heading_in_capitals_wrapped_to_a_second_line_stays_one_heading(
    code: str, caption: str
) -> None:
    # The French and Spanish prints wrap the annex's first section heading, its second
    # line indented as the typist pleased.
    path = _documents() / f"unclos-partxi-agreement-1994-{code}.pdf"
    agreement = load_file(path, part=2, lang=code)
    clauses = {clause.eid: clause for clause in agreement.walk()}
    assert clauses["att_1__sec_1"].heading == caption
    assert "att_1__intro" not in clauses and "att_1__sec_1__intro" not in clauses
    assert clauses["att_1__sec_1__para_1"].text.split()[:2] in (
        ["The", "International"], ["L’Autorité", "internationale"], ["La", "Autoridad"],
    )  # fmt: skip


@pytest.mark.parametrize("code", ["fr", "es"])
def test_items_set_with_a_hanging_indent_keep_their_lines(code: str) -> None:
    # The typed French and Spanish prints set the annex's roman items with a hanging
    # indent, ragged right: "i)   La obligación ... de la" / "     Autoridad conforme ...".
    # The second line goes on with the item; it is no closing words of the paragraph.
    def eids(language: str) -> list[str]:
        path = _documents() / f"unclos-partxi-agreement-1994-{language}.pdf"
        return [clause.eid for clause in load_file(path, part=2, lang=language).walk()]

    assert eids(code) == eids("en")
    path = _documents() / f"unclos-partxi-agreement-1994-{code}.pdf"
    clauses = {c.eid: c.text for c in load_file(path, part=2, lang=code).walk()}
    assert clauses["att_1__sec_1__para_12__point_c__point_i"].endswith(
        {"fr": "conformément au barème convenu;", "es": "conforme a la escala de cuotas;"}[code]
    )
    assert not [eid for eid in clauses if "wrapup" in eid]


def _typed(body: str) -> Instrument:
    """The instrument of an invented agreement typed in a fixed-pitch font, as the UN
    typed its documents (lines broken by hand, ragged right, a blank line between
    paragraphs), printed to PDF by Chromium. Its article 2, of twelve lines, sets the
    usual line pitch."""
    from treatydiff.formats import load_bytes
    from treatydiff.printing import print_pdf

    text = (
        "            AGREEMENT ON THE CARE OF SMALL HARBOURS\n\n"
        "     The Parties to this Agreement,\n\n     Have agreed as follows:\n\n"
        f"                           Article 1\n\n{body}\n"
        "                           Article 2\n\n"
        "     This Agreement applies to every harbour of the Parties,\n"
        + "to each of its quays, its lights and its moorings,\n" * 10
        + "and to the boats in it.\n"
    )
    page = f'<html><body><pre style="font: 11pt/1.3 monospace">{text}</pre></body></html>'
    return load_bytes(print_pdf(page), source="harbours.pdf", fmt="pdf")


@pytest.mark.browser
def test_a_line_under_the_words_of_an_item_goes_on_with_the_item() -> None:
    """A hanging indent: the lines after an item's first one start under the word after
    its marker, whatever the marker's shape and however short the first line; an item
    set there is an item of a nested list, and a paragraph back at the margin is none of
    the item's."""
    agreement = _typed(
        "     1.   Members shall have the same rights as the other\n"
        "members of the Authority, including:\n\n"
        "     (a)  The duty to keep the harbour lights\n"
        "          burning all night;\n\n"
        "     (b)  The right to moor a boat at the eastern\n"
        "          quay, and:\n\n"
        "          i)   to land its catch\n"
        "               on the quay;\n\n"
        "          ii)  to mend its nets there. The boat\n"
        "               may stay a week;\n\n"
        "so long as the harbour stays open.\n\n"
        "     2.   This article applies to every harbour.\n"
    )
    clauses = {c.eid: c.text for c in agreement.articles()[0].walk() if c.text}
    assert agreement.articles()[1].text.endswith("its moorings, and to the boats in it.")
    assert clauses == {
        "art_1__para_1__intro": (
            "Members shall have the same rights as the other members of the Authority, including:"
        ),
        "art_1__para_1__point_a": "The duty to keep the harbour lights burning all night;",
        "art_1__para_1__point_b__intro": "The right to moor a boat at the eastern quay, and:",
        "art_1__para_1__point_b__point_i": "to land its catch on the quay;",
        "art_1__para_1__point_b__point_ii": "to mend its nets there. The boat may stay a week;",
        "art_1__para_1__wrapup": "so long as the harbour stays open.",
        "art_1__para_2": "This article applies to every harbour.",
    }


def _printed(body: str) -> bytes:
    """An invented document printed to PDF by Chromium: ``body`` (HTML) in 11-point type,
    then an article of twelve lines that sets the usual line pitch."""
    from treatydiff.printing import print_pdf

    last = "<p>Article 9</p><p>This Agreement applies" + " to every harbour," * 60 + ".</p>"
    return print_pdf(f'<html><body style="font: 11pt/1.3 serif">{body}{last}</body></html>')


@pytest.mark.browser
def test_a_raised_number_after_a_number_is_an_exponent_kept_in_the_text() -> None:
    """A "10" with a raised "6" is a million: no note of the document is numbered 6, so
    the raised digits are no note call; they stay, as superscript digits, and a change
    of the exponent shows."""

    def limit(exponent: str) -> Instrument:
        pdf = _printed(
            "<p>AGREEMENT ON THE CARE OF SMALL HARBOURS</p><p>Article 1</p>"
            f"<p>The catch shall not exceed 10<sup>{exponent}</sup> tonnes a year.</p>"
        )
        return load_bytes(pdf, source="harbours.pdf", fmt="pdf")

    left, right = limit("6"), limit("9")
    assert left.articles()[0].text == "The catch shall not exceed 10\u2076 tonnes a year."
    changed = [a for a in compare(left, right).alignments if a.status == "modified"]
    assert [a.tags for a in changed] == [("wording", "number")]


@pytest.mark.browser
def test_a_signed_exponent_and_a_power_after_a_unit_are_kept_raised() -> None:
    """A raised "-6" after "10" is an exponent, its sign and digits kept; a raised "2"
    after "km" calls no note of the document (it has none): a power, kept raised, so
    that "km²" against "km³" shows a change."""

    def text(area: str, exponent: str) -> Instrument:
        pdf = _printed(
            "<p>AGREEMENT ON THE CARE OF SMALL HARBOURS</p><p>Article 1</p>"
            f"<p>The basin shall be at least 5 km<sup>{area}</sup> wide.</p>"
            f"<p>The dose shall not exceed 10<sup>{exponent}</sup> grams a day.</p>"
        )
        return load_bytes(pdf, source="harbours.pdf", fmt="pdf")

    left, right = text("2", "-6"), text("3", "-9")
    assert [c.text for c in left.articles()[0].children] == [
        "The basin shall be at least 5 km\u00b2 wide.",
        "The dose shall not exceed 10\u207b\u2076 grams a day.",
    ]
    changed = [a for a in compare(left, right).alignments if a.status == "modified"]
    assert len(changed) == 2


@pytest.mark.browser
def test_a_decomposed_text_layer_reads_as_the_composed_text() -> None:
    """A text layer of letters and combining accents ("Arti\u0301culo") reads as the
    composed text: the Spanish article headings open articles."""
    body = (
        "<p>Convención sobre los puertos</p><p>Artículo 1</p><p>Cada Parte abrirá sus"
        " puertos.</p><p>Artículo 2</p><p>Ninguna Parte cerrará un puerto.</p>"
    )
    pdf = _printed(unicodedata.normalize("NFD", body))
    agreement = load_bytes(pdf, source="puertos.pdf", fmt="pdf", lang="es")
    assert [(leaf.clause.eid, leaf.clause.text) for leaf in agreement.leaves][1:3] == [
        ("art_1", "Cada Parte abrirá sus puertos."),
        ("art_2__p_1", "Ninguna Parte cerrará un puerto."),
    ]


@pytest.mark.browser
def test_a_preamble_heading_that_opens_the_text_leaves_the_title_to_the_title_page() -> None:
    """A title page, a foreword, then the text atop a page under its preamble heading
    (read on from the foreword's last line): the title is the title page's, the heading
    the preamble's."""
    page = '<div style="break-after: page"></div>'
    pdf = _printed(
        '<p style="font-size: 28pt">AGREEMENT ON THE CARE<br>OF SMALL HARBOURS</p>'
        f'<p style="font-size: 28pt; margin-top: 4em">1 MAY 2020</p>{page}'
        f"<p>Foreword</p><p>This booklet prints the Agreement for every harbour master.</p>{page}"
        "<p>PREAMBLE</p><p>The Parties to this Agreement,</p>"
        "<p>Considering the needs of those who fish,</p><p>Have agreed as follows:</p>"
        "<p>Article 1</p><p>Each Party shall keep its harbours open.</p>"
    )
    agreement = load_bytes(pdf, source="harbours.pdf", fmt="pdf")
    assert agreement.title == "AGREEMENT ON THE CARE OF SMALL HARBOURS"
    assert agreement.preamble is not None and agreement.preamble.heading == "PREAMBLE"
    assert agreement.preamble.children[0].text == "The Parties to this Agreement,"
    front = [a.text for a in read(pdf, source="harbours.pdf").asides if a.kind == "front-matter"]
    assert front == [
        "1 MAY 2020",
        "Foreword This booklet prints the Agreement for every harbour master.",
    ]


@pytest.mark.browser
def test_a_domestic_act_after_the_final_formulas_is_a_part_of_its_own() -> None:
    pdf = _printed(
        '<p style="text-align: center">AGREEMENT ON THE CARE OF SMALL HARBOURS</p>'
        "<p>The Parties to this Agreement,</p><p>Have agreed as follows:</p>"
        "<p>Article 1</p><p>Each Party shall keep its harbours open.</p>"
        "<p>IN WITNESS WHEREOF the undersigned have signed this Agreement.</p>"
        "<p>DECREE No. 12</p><p>The Council, having seen Decree No. 11,</p>"
        "<p>Decrees: the Agreement is approved.</p>"
    )
    titles = list_parts(pdf, source="harbours.pdf")
    assert titles == ["AGREEMENT ON THE CARE OF SMALL HARBOURS", "DECREE No. 12"]
    agreement = load_bytes(pdf, source="harbours.pdf", fmt="pdf")
    assert agreement.body[-1].children[-1].text.endswith("have signed this Agreement.")
    decree = load_bytes(pdf, source="harbours.pdf", fmt="pdf", part=2)
    words = " ".join(leaf.clause.text for leaf in decree.leaves[1:])
    assert words.startswith("The Council, having seen Decree No. 11, Decrees: the Agreement")


# --- several instruments in one file ---------------------------------------------------


def test_the_unodc_booklet_is_split_into_its_instruments() -> None:
    name = "untoc-palermo-protocols-en-unodc.pdf"
    path = _documents() / name
    titles = list_parts(path.read_bytes(), source=str(path))
    assert len(titles) == 6
    parts = [_load(name, part) for part in range(1, 7)]
    assert [part.title for part in parts] == titles
    assert titles[0].startswith("General Assembly resolution 55/25")
    assert [len(part.articles()) for part in parts[1:]] == [41, 20, 25, 0, 21]
    trafficking = parts[2]
    assert "Protocol to Prevent, Suppress and Punish Trafficking in Persons" in trafficking.title
    front = [a for a in _read("untoc-palermo-protocols-en-unodc.pdf").asides]
    assert {a.page for a in front if a.kind == "front-matter"} == {1, 3, 5, 6, 7}


def test_the_trafficking_protocol_of_the_booklet_pairs_with_the_treaty_series_text() -> None:
    booklet = _load("untoc-palermo-protocols-en-unodc.pdf", part=3)
    assert _numbers(booklet) == [str(n) for n in range(1, 21)]
    assert booklet.articles()[11].heading == "Security and control of documents"
    markdown = corpus_root() / "laws-markdown" / "palermo-trafficking" / "2015-11-27.md"
    _paired_article_for_article(compare(booklet, load_file(markdown)))


def test_the_ga_resolution_and_its_annexed_agreement_are_two_parts() -> None:
    resolution = _load("unclos-partxi-agreement-1994-en.pdf", part=1)
    agreement = _load("unclos-partxi-agreement-1994-en.pdf", part=2)
    assert resolution.articles() == [] and resolution.body
    assert agreement.title.startswith("ANNEX AGREEMENT RELATING TO THE IMPLEMENTATION OF PART XI")
    assert _numbers(agreement) == [str(n) for n in range(1, 11)]
    sections = [clause for clause in agreement.walk() if clause.kind == "section"]
    assert [s.num for s in sections] == [str(n) for n in range(1, 10)]
    assert sections[0].heading == "COSTS TO STATES PARTIES AND INSTITUTIONAL ARRANGEMENTS"


def test_un_footnotes_their_calls_and_the_running_header_stay_out_of_the_text() -> None:
    name = "unclos-partxi-agreement-1994-en.pdf"
    notes = [aside for aside in _read(name).asides if aside.kind == "note"]
    assert notes[0].page == 1 and notes[0].text.startswith("1/ Official Records")
    text = " ".join(clause.text for part in (1, 2) for clause in _load(name, part).walk())
    assert "Official Records" not in text
    assert not re.search(r"(?<![\w/])\d/(?=[\s,.;)])", text)  # no "1/" call left
    assert "A/RES/48/263" not in text and "Page 2" not in text


# --- layout: columns, marginal notes, page ranges, positions ---------------------------


def test_a_two_column_booklet_is_read_column_by_column_with_its_margin_notes_apart() -> None:
    document = _read("crc-opac-opsc-es-unicef2006.pdf")
    lines = [line.text for part in document.parts for line in part.lines]
    # Page 40: article 11 fills the left column, article 11 (2) goes on atop the right one.
    left = lines.index("efecto hasta que termine dicho conflicto.")
    # (the line ends in the soft hyphen PDFium marks: a word broken across two lines)
    right = lines.index("2. Toda enmienda adoptada de conformi\u00ad")
    assert left < lines.index("Artículo 12", left) < right < lines.index("Artículo 13", left)
    margin = [aside.text for aside in document.asides if aside.kind == "margin-note"]
    assert (
        "DEFINICIÓN DE NIÑO Se entiende por niño todo ser humano desde su nacimiento"
        in " ".join(margin)
    )
    assert not any("DEFINICIÓN DE NIÑO" in line for line in lines)


def test_a_booklet_of_three_instruments_gives_three_parts() -> None:
    # The UNICEF booklet: the CRC, then each Protocol under its title set large, a
    # resolution line and an entry-into-force line, on a page of its own.
    path = _documents() / "crc-opac-opsc-es-unicef2006.pdf"
    document = read(path.read_bytes(), source=str(path), lang="es")
    crc, opac, opsc = (instrument(document, part, lang="es") for part in document.parts)
    assert _numbers(crc) == [str(n) for n in range(1, 55)]
    assert _numbers(opac) == [str(n) for n in range(1, 14)]
    assert _numbers(opsc) == [str(n) for n in range(1, 18)]
    assert opac.title.startswith("Protocolo facultativo de la Convención sobre los Derechos")
    assert "conflictos armados" in opac.title and "pornografía" in opsc.title
    for protocol in (opac, opsc):
        preface, preamble = protocol.body[:2]
        assert preface.children[0].text.startswith("Entrada en vigor: ")
        assert preamble.children[0].text == "Los Estados Partes en el presente Protocolo,"
    # "Entrada en vigor: 12 de febrero de 2002": a Spanish date, its parts joined by "de".
    assert opac.metadata.entry_into_force == "2002-02-12"
    # The last clause of each instrument ends with its own words.
    last = [c for c in opac.walk() if c.text][-1]
    assert last.text.endswith("que hayan firmado la Convención.")


def test_a_title_set_large_is_apart_from_the_opening_words_under_it() -> None:
    # The CEDAW booklet: the title in 28-point capitals, "Los Estados Partes ..." right
    # under it; the NGO's cover and presentation before it are front matter.
    path = _documents() / "cedaw-es-sv-booklet.pdf"
    cedaw = load_file(path, lang="es")
    assert cedaw.title.startswith("CONVENCIÓN SOBRE LA ELIMINACIÓN DE TODAS LAS FORMAS")
    preamble = cedaw.body[0]
    assert preamble.children[0].text == "Los Estados Partes en la presente Convención."
    assert _numbers(cedaw) == [str(n) for n in range(1, 31)]
    words = " ".join(clause.text for clause in cedaw.walk())
    assert "blogprudencias" not in words


def test_a_double_spaced_page_keeps_each_item_whole() -> None:
    # The CEDAW booklet sets articles 14 (h) to 16 double spaced: every line stands as
    # far below the one before as a paragraph would. A line that starts in small letters
    # after one that ends mid-sentence goes on with it, so each item keeps its last words
    # ("... con ocasión de su" / "disolución;"), none of them read as closing words or
    # carried into the chapeau.
    cedaw = load_file(_documents() / "cedaw-es-sv-booklet.pdf", lang="es")
    texts = {clause.eid: clause.text for clause in cedaw.walk()}
    assert texts["art_16__para_1__point_c"].endswith("con ocasión de su disolución;")
    assert texts["art_16__para_1__point_d"].endswith("serán la consideración primordial;")
    assert texts["art_16__para_1__point_e"].endswith("les permitan ejercer estos derechos;")
    assert texts["art_16__para_1__intro"].endswith("entre hombres y mujeres:")
    assert texts["art_14__para_2__point_h"].endswith("el transporte y las comunicaciones.")
    assert not [eid for eid in texts if eid.startswith(("art_14", "art_16")) and "wrapup" in eid]


def test_a_preamble_heading_atop_the_text_is_no_title_the_title_page_s_is() -> None:
    # The UNICEF booklet's CRC opens "PREÁMBULO" / "Los Estados Partes ..." atop page 8;
    # its title stands on the title page (page 5), set large, above its date.
    path = _documents() / "crc-opac-opsc-es-unicef2006.pdf"
    document = read(path.read_bytes(), source=str(path), lang="es")
    crc = instrument(document, document.parts[0], lang="es")
    assert crc.title == document.parts[0].title == "CONVENCIÓN SOBRE LOS DERECHOS DEL NIÑO"
    assert crc.preamble is not None and crc.preamble.heading == "PREÁMBULO"
    assert crc.preamble.children[0].text == "Los Estados Partes en la presente Convención,"
    front = {a.page: a.text for a in document.asides if a.kind == "front-matter"}
    assert front[5] == "20 DE NOVIEMBRE DE 1989"  # the title is no front matter
    assert front[1] == "CONVENCIÓN SOBRE LOS DERECHOS DEL NIÑO"  # the cover's


def test_domestic_acts_after_the_treaty_are_parts_of_their_own() -> None:
    # The CEDAW booklet prints El Salvador's approval ("ACUERDO No.317") and ratification
    # ("DECRETO No. 705", with its reservation to article 29) after the final formulas.
    path = _documents() / "cedaw-es-sv-booklet.pdf"
    titles = list_parts(path.read_bytes(), source=str(path), lang="es")
    assert titles[1:] == ["ACUERDO No.317", "DECRETO No. 705"]
    cedaw, approval, decree = (load_file(path, lang="es", part=n) for n in (1, 2, 3))
    assert cedaw.body[-1].kind == "conclusions"
    assert [c.text for c in cedaw.body[-1].children] == [
        "EN TESTIMONIO DE LO CUAL, los infrascritos, debidamente autorizados, firman la "
        "presente Convención."
    ]
    assert approval.leaves[1].clause.text == "San Salvador, 4 de mayo de 1981"
    words = " ".join(leaf.clause.text for leaf in decree.leaves)
    assert "Art. 2.- Formúlase reserva sobre el Artículo 29, párrafo 1" in words
    assert "Formúlase" not in " ".join(leaf.clause.text for leaf in cedaw.leaves)
    # Read in English, the acts are no parts: the other reading does not fail the warning.
    done = _cli("show", f"{path}#3", "--lang", "es")
    assert done.returncode == 0 and done.stdout.startswith("DECRETO No. 705"), done.stderr


@pytest.mark.parametrize(
    "name",
    [
        "crc-opac-opsc-es-unicef2006.pdf",
        "cedaw-es-sv-booklet.pdf",
        "unclos-partxi-agreement-1994-es.pdf",
        "unclos-partxi-agreement-1994-fr.pdf",
    ],
)
def test_spanish_and_french_pdfs_import(name: str) -> None:
    assert _load(name).body


def test_each_clause_knows_its_page_and_a_page_range_reads_those_pages_only() -> None:
    opsc = _load("opsc-en-unts-vol2171.pdf")
    article = {a.num: a for a in opsc.articles()}
    assert opsc.metadata.position(article["1"].line or 0) == (2, 21)  # below the header
    assert opsc.metadata.position(article["17"].line or 0)[0] == 8  # type: ignore[index]
    path = _documents() / "opsc-en-unts-vol2171.pdf"
    some = load_file(path, options=ReadOptions(pages=(2, 3)))
    assert _numbers(some) == ["1", "2", "3", "4"]
    pages = {some.metadata.position(c.line or 0)[0] for c in some.walk() if c.line}  # type: ignore[index]
    assert pages == {2, 3}


# --- nothing lost -----------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+|\d+")
# A hyphen, or the soft hyphen of a word broken across lines, between letters.
_HYPHEN = re.compile(r"(?<=[^\W\d_])[-\u00ad]\s*(?=[^\W\d_])")


def _words(text: str) -> Counter[str]:
    return Counter(word.lower() for word in _WORD.findall(text))


def _text_layer(path: Path) -> Counter[str]:
    """The words of the PDF's text layer as PDFium's own text extraction gives them; a
    word printed a second time over itself (a shadow or bold effect: every character
    within a third of its box of the same character) counted once."""
    words: Counter[str] = Counter()
    document = pdfium.PdfDocument(path)
    for page in document:
        textpage = page.get_textpage()
        text = textpage.get_text_range().replace("\x02", " ").replace("\ufffe", " ")
        seen: dict[str, list[tuple[float, float]]] = {}
        kept: list[str] = []
        for match in re.finditer(r"\S+", text):
            copies = 0
            for i in range(match.start(), match.end()):
                left, bottom, right, top = textpage.get_charbox(i, loose=True)
                near = 0.3 * (right - left), 0.3 * (top - bottom)
                spot = seen.setdefault(text[i], [])
                copies += any(
                    abs(left - x) < near[0] and abs(bottom - y) < near[1] for x, y in spot
                )
                spot.append((left, bottom))
            if copies < match.end() - match.start():
                kept.append(match.group())
        words += _words(" ".join(kept))
    return words


PDFS_WITH_TEXT = [
    "opsc-en-unts-vol2171.pdf",
    "opac-en-unts-vol2173.pdf",
    "crc-en-ohchr.pdf",
    "cat-en-ohchr.pdf",
    "iccpr-en-ohchr.pdf",
    "untoc-palermo-protocols-en-unodc.pdf",
    "unclos-partxi-agreement-1994-en.pdf",
    "unclos-partxi-agreement-1994-fr.pdf",
    "unclos-partxi-agreement-1994-es.pdf",
    "crc-opac-opsc-es-unicef2006.pdf",
    "cedaw-es-sv-booklet.pdf",
]


@pytest.mark.parametrize("name", PDFS_WITH_TEXT)
def test_every_word_of_the_text_layer_is_read_or_reported(name: str) -> None:
    """Every word of the text layer stands in a part's lines or an aside (header, footer,
    page number, note, note call, marginal note, front matter); a repaired word in its
    repair. Then every word of a part's body stands in its clauses."""
    document = _read(name)
    found: Counter[str] = Counter()
    for part in document.parts:
        found += _words(" ".join(line.text for line in part.lines))
    for aside in document.asides:
        found += _words(aside.text)
    for repair in document.repairs:
        found += _words(repair.before) - _words(repair.after)
    assert _text_layer(_documents() / name) - found == Counter()
    for part in document.parts:
        parsed = instrument(document, part)  # English structure words (no es/fr words yet)
        body = "\n".join(line.text for line in part.lines[part.start or 0 :])
        clauses: Counter[str] = Counter()
        for clause in parsed.walk():
            clauses += _words(_HYPHEN.sub("", f"{clause.text} {clause.heading or ''}"))
            # The structure word stands for its kind ("Article 3", "ANNEX").
            word = {"attachment": "annex"}.get(clause.kind, clause.kind)
            clauses += Counter([word, *([clause.num.lower()] if clause.num else [])])
        assert _words(_HYPHEN.sub("", body)) - clauses == Counter(), part.title


# --- the command line ------------------------------------------------------------------


def _cli(*args: str, block: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run treatydiff in a child process (with module ``block`` made unimportable)."""
    prelude = f"import sys; sys.modules[{block!r}] = None; " if block else ""
    code = f"{prelude}from treatydiff.cli import main; main()"
    # Uncached: an instrument an earlier test read would be found without the importer.
    env = os.environ | {"TREATYDIFF_NO_CACHE": "1"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False, env=env
    )


def test_a_pdf_without_a_text_layer_is_refused_with_one_line_naming_ocr() -> None:
    done = _cli("show", str(_documents() / "ilo-c182-en-normlex-print-scan.pdf"))
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1
    assert "no text layer" in done.stderr and "OCR" in done.stderr and "ocrmypdf" in done.stderr


def test_without_the_documents_extra_a_pdf_is_refused_with_the_install_command() -> None:
    done = _cli("show", str(_documents() / "opac-en-unts-vol2173.pdf"), block="pypdfium2")
    assert done.returncode == 2
    assert done.stderr == (
        "treatydiff: error: reading pdf files needs the documents extra: "
        "pip install 'treatydiff[documents]'\n"
    )


def test_show_parts_lists_the_instruments_of_a_file() -> None:
    done = _cli("show", str(_documents() / "untoc-palermo-protocols-en-unodc.pdf"), "--parts")
    assert done.returncode == 0, done.stderr
    rows = [row.split("\t") for row in done.stdout.splitlines()]
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5", "6"]
    assert rows[2][1].startswith("Annex II Protocol to Prevent, Suppress and Punish Trafficking")


def test_show_json_gives_page_and_line_and_pages_restricts_the_read() -> None:
    path = _documents() / "opsc-en-unts-vol2171.pdf"
    done = _cli("show", f"{path}", "--format", "json", "--pages", "8")
    assert done.returncode == 0, done.stderr
    clauses = json.loads(done.stdout)["clauses"]
    assert {clause["source"]["page"] for clause in clauses} == {8}
    assert clauses[0]["source"]["page_line"] >= 1
    assert _cli("show", f"{path}", "--pages", "9-10").returncode == 2


def test_words_broken_across_lines_are_whole_again() -> None:
    """PDFium marks a hyphen that breaks a word at a line end (the UNTS prints have many):
    the word reads whole ("represented", not "rep-resented"); real hyphens stay."""
    document = _read("opsc-en-unts-vol2171.pdf")
    text = " ".join(
        clause.text for part in document.parts for clause in instrument(document, part).walk()
    )
    for whole in ("represented", "domestically", "people", "facilitate"):
        assert whole in text
    for broken in ("rep-resented", "do-mestically", "peo-ple", "fa-cilitate", "\u00ad"):
        assert broken not in text
    for compound in ("Secretary-General", "non-governmental", "socio-economic"):
        assert compound in text
