"""Each kind of layout fault of issue 10, in wordings, numberings and layouts beyond the
public-reports examples: other preamble openers, whitespace, designations with suffixes
and letters, encodings, annex names, note markers, header symbols."""

from __future__ import annotations

import codecs
import unicodedata
from pathlib import Path

import pytest

import treatydiff
from treatydiff.errors import ConfigError, InputError
from treatydiff.formats import load_bytes, load_file, parse
from treatydiff.formats.options import ReadOptions
from treatydiff.model import Instrument
from treatydiff.segment.labels import citation

TITLE = "Convention on Cooperation in the Protection of Coastal Waters"
RECITALS = (
    "Recalling the principles of international law relating to the marine environment,\n"
    "Recognizing that coastal waters are of vital importance to coastal communities,\n"
    "Have agreed as follows:\n"
)
ARTICLES = (
    "Article 1\n"
    "Each State Party shall take all appropriate measures to prevent pollution.\n"
    "Article 2\n"
    "1. Each State Party shall designate a competent authority.\n"
    "2. The competent authority shall inform the depositary.\n"
)


def _load(text: str, **options: str) -> Instrument:
    return treatydiff.load(text.encode("utf-8"), **options)  # type: ignore[arg-type]


def _kinds(instrument: Instrument) -> list[tuple[str, str]]:
    return [(leaf.clause.eid, leaf.clause.kind) for leaf in instrument.leaves]


# -- preamble openers and whitespace ----------------------------------------------------

OPENERS = [
    "The States Parties to the present Convention,",
    "The Parties to this Convention,",
    "The Contracting States,",
    "The Contracting Parties,",
    "The High Contracting Parties,",
    "The member States of the Council of Europe and the other signatories hereto,",
    "The Member States of the Council of Europe, signatory hereto,",
    "The Governments of the Kingdom of Belgium and the Kingdom of the Netherlands,",
    "The signatory States,",
]


@pytest.mark.parametrize("opener", OPENERS)
@pytest.mark.parametrize("space", [" ", "  ", "\t", "\u00a0", " \u202f"])
def test_every_common_preamble_opener_opens_the_preamble(opener: str, space: str) -> None:
    text = f"{TITLE}\n{opener.replace(' ', space, 2)}\n{RECITALS}{ARTICLES}"
    instrument = _load(text)
    assert instrument.title == TITLE
    assert _kinds(instrument)[1:5] == [
        ("preamble__formula_1", "formula"),
        ("preamble__p_1", "recital"),
        ("preamble__p_2", "recital"),
        ("preamble__formula_2", "formula"),
    ]


@pytest.mark.parametrize(
    "opener",
    [
        "De Staten die partij zijn bij dit Verdrag,",
        "De Partijen bij dit Verdrag,",
        "De Verdragsluitende Staten,",
        "De Hoge Verdragsluitende Partijen,",
        "De lidstaten van de Raad van Europa en de andere ondertekenende Staten,",
        "De Regeringen van het Koninkrijk België en het Koninkrijk der Nederlanden,",
    ],
)
def test_dutch_preamble_openers_open_the_preamble(opener: str) -> None:
    text = (
        "Verdrag inzake de bescherming van kustwateren\n"
        f"{opener}\n"
        "Overwegende dat kustwateren van groot belang zijn,\n"
        "Zijn het volgende overeengekomen:\n"
        "Artikel 1\n"
        "Iedere Staat die partij is, neemt alle passende maatregelen.\n"
    )
    instrument = _load(text, lang="nl")
    assert instrument.title == "Verdrag inzake de bescherming van kustwateren"
    assert _kinds(instrument)[1][0] == "preamble__formula_1"


# A recital whose opener follows an adverb or a noun phrase, or is a participle the word
# lists do not hold: (language, opening formula, first recital, the recital, closing).
LOOSE_RECITALS = [
    ("en", "The States Parties to the present Convention,", "Recalling the principles,"),
    ("nl", "De Staten die partij zijn bij dit Verdrag,", "Herinnerend aan de beginselen,"),
    ("fr", "Les États Parties à la présente Convention,", "Rappelant les principes,"),
    ("es", "Los Estados Partes en la presente Convención,", "Recordando los principios,"),
]
CLOSING = {
    "en": "Have agreed as follows:",
    "nl": "Zijn het volgende overeengekomen:",
    "fr": "Sont convenus de ce qui suit :",
    "es": "Han convenido en lo siguiente:",
}


@pytest.mark.parametrize(
    ("code", "recital"),
    [
        ("en", "Also noting that coastal waters are of vital importance,"),
        ("en", "Further recalling its earlier decisions,"),
        ("en", "Once again stressing the need to act,"),
        ("nl", "Eveneens herinnerend aan de eerdere besluiten,"),
        ("nl", "Met voldoening kennis nemende van de verslagen,"),
        ("nl", "Het belang erkennende van samenwerking,"),
        ("nl", "De noodzaak onderstrepend om te handelen,"),
        ("fr", "Également conscients de l'importance des eaux côtières,"),
        ("es", "Además reconociendo la importancia de las aguas costeras,"),
    ],
)
@pytest.mark.parametrize("blank", [False, True])
def test_a_recital_opening_with_an_adverb_or_a_participle_later_is_a_recital(
    code: str, recital: str, blank: bool
) -> None:
    _, opener, first = next(item for item in LOOSE_RECITALS if item[0] == code)
    gap = "\n" if blank else ""
    article = {"nl": "Artikel 1", "es": "Artículo 1"}.get(code, "Article 1")
    lines = [TITLE, opener, first, recital, CLOSING[code], article, "Text."]
    instrument = _load(("\n" + gap).join(lines) + "\n", lang=code)
    preamble = instrument.body[0]
    assert [(c.kind, c.text) for c in preamble.children] == [
        ("formula", opener),
        ("recital", first),
        ("recital", recital),
        ("formula", CLOSING[code]),
    ]


def test_a_preamble_on_one_line_is_cut_before_also_and_an_opener() -> None:
    # The Dutch Treaty Series mirror prints the OP-CEDAW preamble as one line: "Also
    # noting" and "Also recalling" open recitals of their own, as in the UN original.
    line = (
        "The States Parties to the present Protocol, Noting that the Charter reaffirms faith "
        "in human rights, Also noting that the Universal Declaration proclaims equality, "
        "Recalling the Covenants, Also recalling the Convention, Have agreed as follows:"
    )
    instrument = _load(f"{TITLE}\n{line}\nArticle 1\nText.\n", lang="en")
    assert [(c.kind, c.text.split()[0]) for c in instrument.body[0].children] == [
        ("formula", "The"),
        ("recital", "Noting"),
        ("recital", "Also"),
        ("recital", "Recalling"),
        ("recital", "Also"),
        ("formula", "Have"),
    ]


def test_words_after_a_comma_inside_a_recital_open_no_recital() -> None:
    # A wrapped recital whose line after a comma starts with a capital and holds no
    # opener ("States Parties ...") goes on; one opening the formula's paragraph does too.
    text = (
        f"{TITLE}\nThe States Parties to the present Convention,\n"
        "Recalling that, in accordance with the Charter of the United Nations,\n"
        "States Parties cooperate in good faith,\nHave agreed as follows:\nArticle 1\nText.\n"
    )
    preamble = _load(text).body[0]
    assert [c.kind for c in preamble.children] == ["formula", "recital", "formula"]


def test_a_recital_list_with_no_opener_is_a_preamble() -> None:
    instrument = _load(f"{TITLE}\n{RECITALS}{ARTICLES}")
    assert instrument.title == TITLE
    assert _kinds(instrument)[1:4] == [
        ("preamble__p_1", "recital"),
        ("preamble__p_2", "recital"),
        ("preamble__formula_1", "formula"),
    ]


# -- designations: suffixes and letters -------------------------------------------------

SUFFIXES = ["bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies"]


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("space", [" ", "", "  ", "\u00a0"])
def test_articles_with_latin_suffixes_are_articles(suffix: str, space: str) -> None:
    text = (
        f"{TITLE}\nThe States Parties,\nHave agreed as follows:\n{ARTICLES}"
        f"Article 2{space}{suffix}\nEach State Party shall publish its reports.\n"
        "Article 3\nThe present Convention is open for signature.\n"
    )
    instrument = _load(text)
    articles = instrument.articles()
    assert [a.eid for a in articles] == ["art_1", "art_2", f"art_2{suffix}", "art_3"]
    inserted = instrument.by_eid[f"art_2{suffix}"]
    assert inserted.clause.num == f"2 {suffix}" if space else f"2{suffix}"
    assert citation(inserted.path) == f"article {inserted.clause.num}"


def test_a_run_of_inserted_articles_in_order() -> None:
    inserted = "".join(
        f"Article 2 {suffix}\nEach State Party shall report under {suffix}.\n"
        for suffix in SUFFIXES
    )
    text = f"{TITLE}\nThe States Parties,\n{ARTICLES}{inserted}Article 3\nDone.\n"
    eids = [a.eid for a in _load(text).articles()]
    assert eids == ["art_1", "art_2", *(f"art_2{s}" for s in SUFFIXES), "art_3"]


@pytest.mark.parametrize("letter", ["A", "B", "a"])
def test_articles_with_a_letter_are_articles(letter: str) -> None:
    text = (
        f"{TITLE}\nThe States Parties,\n{ARTICLES}"
        f"Article 2{letter}\nEach State Party shall publish its reports.\n"
    )
    assert [a.eid for a in _load(text).articles()] == ["art_1", "art_2", f"art_2{letter}"]


def test_lettered_articles_a_to_o_and_beyond() -> None:
    letters = [*"ABCDEFGHIJKLMNO", "AA", "A bis"]
    body = "".join(
        f"Article {letter}\nThe Parties undertake obligation {n}.\n"
        for n, letter in enumerate(letters)
    )
    instrument = _load(f"{TITLE}\nThe Parties,\n{body}")
    articles = instrument.articles()
    assert [a.num for a in articles] == letters
    assert articles[-1].eid == "art_Abis"
    assert citation(instrument.by_eid["art_Abis"].path) == "article A bis"
    assert all(a.text.startswith("The Parties undertake") for a in articles)


@pytest.mark.parametrize(
    ("marker", "num", "eid"),
    [("1a.", "1a", "para_1a"), ("1 bis.", "1 bis", "para_1bis"), ("(1a)", "1a", "point_1a")],
)
def test_inserted_paragraphs_are_paragraphs(marker: str, num: str, eid: str) -> None:
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\n"
        f"1. Each Party shall report.\n{marker} Each Party shall publish.\n"
        "2. Each Party shall cooperate.\n"
    )
    if marker.startswith("("):
        text = text.replace("1. ", "(1) ").replace("2. ", "(2) ")
    instrument = _load(text)
    paragraph = instrument.by_eid[f"art_1__{eid}"].clause
    assert paragraph.num == num and paragraph.text == "Each Party shall publish."
    last = eid.replace("1a", "2").replace("1bis", "2")
    assert [c.eid for c in instrument.articles()[0].children][-1] == f"art_1__{last}"


def test_an_article_with_1500_numbered_paragraphs() -> None:
    paragraphs = "".join(f"{n}. Each Party shall report on item {n}.\n" for n in range(1, 1501))
    instrument = _load(f"{TITLE}\nThe Parties,\nArticle 1\n{paragraphs}")
    children = instrument.articles()[0].children
    assert len(children) == 1500
    assert children[999].num == "1000" and children[999].text.endswith("item 1000.")
    assert children[-1].eid == "art_1__para_1500"


# -- encodings --------------------------------------------------------------------------

SAMPLE = f"{TITLE}\nThe States Parties,\nHave agreed as follows:\n{ARTICLES}"


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode("utf-8"),
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        SAMPLE.encode("utf-16"),  # with its byte-order mark, in the machine's order
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        codecs.BOM_UTF16_LE + SAMPLE.replace("\n", "\r\n").encode("utf-16-le"),
        SAMPLE.encode("utf-32"),
        codecs.BOM_UTF32_BE + SAMPLE.encode("utf-32-be"),
    ],
)
def test_unicode_encodings_with_a_byte_order_mark_read_the_same(encoded: bytes) -> None:
    reference = _load(SAMPLE)
    instrument = load_bytes(encoded, source="x.txt")
    assert instrument.body == reference.body and instrument.title == TITLE
    assert not instrument.guesses


def test_a_legacy_encoding_is_detected_and_said() -> None:
    text = SAMPLE.replace("Each State Party", "Chaque État partie") * 2
    instrument = load_bytes(text.encode("cp1252"), source="x.txt")
    assert instrument.body == _load(text).body
    assert instrument.guesses[0].kind == "encoding"
    assert "detected" in instrument.guesses[0].detail


def test_a_named_encoding_is_used_as_named() -> None:
    text = SAMPLE.replace("Each", "Éach")
    named = load_bytes(text.encode("latin-1"), source="x", options=ReadOptions(encoding="latin-1"))
    assert named.body == _load(text).body and not named.guesses
    with pytest.raises(InputError, match="not utf-8 text"):
        load_bytes(text.encode("latin-1"), source="x", options=ReadOptions(encoding="utf-8"))
    with pytest.raises(ConfigError, match="unknown text encoding 'klingon'"):
        load_bytes(b"Article 1", source="x", options=ReadOptions(encoding="klingon"))


def test_a_short_text_in_a_legacy_encoding_is_refused_with_a_way_out() -> None:
    with pytest.raises(InputError, match="name it with --encoding"):
        load_bytes("Article 1\nÉtat.\n".encode("cp1252"), source="x.txt")


# -- Akoma Ntoso inline and marker elements, notes ---------------------------------------


def _akn(paragraph: str, meta: str = "") -> Instrument:
    xml = (
        '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act>'
        f"<meta>{meta}</meta><body><article eId='art_1'><num>1</num><content>"
        f"<p>{paragraph}</p></content></article></body></act></akomaNtoso>"
    )
    return _load(xml)


@pytest.mark.parametrize("mark", ["<eol/>", "<eop/>", "<br/>", "<eol breakAt='3'/>"])
def test_line_and_page_marks_are_spaces(mark: str) -> None:
    article = _akn(f"Each State{mark}Party shall act.").articles()[0]
    assert article.text == "Each State Party shall act."


def test_inline_elements_are_their_text() -> None:
    paragraph = (
        "Each <term refersTo='#p'>State Party</term> shall <b>take</b> <i>all</i> "
        "<ref href='/x'>appropriate</ref> <span>measures</span>."
    )
    assert _akn(paragraph).articles()[0].text == (
        "Each State Party shall take all appropriate measures."
    )


@pytest.mark.parametrize("marker", ["1", "*", "\u2020", "iv"])
def test_authorial_notes_and_note_references_are_notes(marker: str) -> None:
    inline = _akn(
        f"Each Party shall act<authorialNote marker='{marker}'><p>As amended.</p>"
        "</authorialNote> now."
    )
    referenced = _akn(
        f"Each Party shall act<noteRef href='#n1' marker='{marker}'/> now.",
        meta="<notes source='#x'><note eId='n1'><p>As amended.</p></note></notes>",
    )
    for instrument in (inline, referenced):
        article = instrument.articles()[0]
        assert article.text == "Each Party shall act now."
        assert [(n.marker, n.text) for n in article.notes] == [(marker, "As amended.")]


def test_a_changed_note_is_reported_on_the_note_never_on_its_clause() -> None:
    before = _akn(
        "Each Party shall act<authorialNote marker='1'><p>As amended in 2030.</p>"
        "</authorialNote> now."
    )
    after = _akn(
        "Each Party shall act<authorialNote marker='1'><p>As amended in 2031.</p>"
        "</authorialNote> now."
    )
    comparison = treatydiff.compare(before, after)
    changed = [(a.status, a.left, a.tags) for a in comparison.alignments if a.is_difference]
    assert changed == [("modified", ("art_1__authorialNote_1",), ("wording", "number"))]
    label = citation(after.by_eid["art_1__authorialNote_1"].path)
    assert label == "article 1, note 1"


def test_notes_survive_both_stored_forms() -> None:
    from treatydiff.formats import native
    from treatydiff.formats.akn import read, write

    instrument = _akn(
        "Each Party<authorialNote marker='a'><p>First.</p></authorialNote> shall"
        "<authorialNote marker='b'><p>Second.</p></authorialNote> act."
    )
    assert native.loads(native.dumps(instrument)) == instrument
    assert read.parse(write.dumps(instrument)) == instrument
    assert [leaf.clause.kind for leaf in instrument.leaves][-2:] == ["authorialNote"] * 2


# -- plain-text layouts: numbers at line starts, captions, notes, page furniture ------

BODY = (
    f"{TITLE}\nThe States Parties to the present Convention,\nHave agreed as follows:\n"
    "Article 1\n"
    "1. The competent authority shall submit the information referred to in {ref}\n"
    "{num}. The information shall be submitted in writing.\n"
    "Article 2\n"
    "Each State Party shall notify the\n"
    "Secretary-General of the designation.\n"
)


@pytest.mark.parametrize(
    ("ref", "num"),
    [
        ("article", "2"),
        ("paragraph", "2"),
        ("annex", "3"),
        ("Article", "12"),
        ("rule", "7"),
        ("sub-paragraph", "2"),
        ("point", "2"),
        ("item", "2"),
    ],
)
def test_a_number_after_a_cross_reference_word_goes_on_with_the_sentence(
    ref: str, num: str
) -> None:
    instrument = _load(BODY.format(ref=ref, num=num))
    (paragraph,) = instrument.articles()[0].children
    assert paragraph.text.endswith(
        f"referred to in {ref} {num}. The information shall be submitted in writing."
    )
    assert [g.kind for g in instrument.guesses] == ["number mid-line"]


def test_a_number_in_sequence_after_an_open_sentence_is_an_item_and_said() -> None:
    text = BODY.format(ref="the annex to the present Convention", num="2")
    instrument = _load(text)
    assert [c.num for c in instrument.articles()[0].children] == ["1", "2"]
    (guess,) = instrument.guesses
    assert guess.kind == "number mid-line" and guess.line == 6


@pytest.mark.parametrize("end", ["provides", "provides \u2013"])
def test_a_bracketed_first_item_opens_a_list_after_a_chapeau_without_its_colon(end: str) -> None:
    # The second list of the article, after a chapeau that lost its colon: "(a)" follows
    # no item before it, yet opens the list.
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\n1. This Convention applies to:\n"
        "(a) coastal waters;\n(b) estuaries.\n"
        f"2. After the entry into force of an amending instrument, unless it otherwise {end}\n"
        "(a) this Convention shall cease to be open to ratification;\n"
        "(b) this Convention shall remain in force between its Parties.\n"
    )
    second = _load(text).articles()[0].children[1]
    assert [c.num for c in second.children if c.kind == "point"] == ["a", "b"]


def test_a_comma_keeps_a_bracketed_first_item_inside_the_sentence() -> None:
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\n1. This Convention applies to:\n"
        "(a) coastal waters;\n(b) estuaries.\n"
        "2. It applies to all persons on board,\n"
        "(a) persons in distress included, and to their property.\n"
    )
    second = _load(text).articles()[0].children[1]
    assert second.children == ()
    assert second.text.endswith("board, (a) persons in distress included, and to their property.")


def test_a_long_run_of_unpunctuated_lines_is_no_caption() -> None:
    # Three wide lines with no full stop: a paragraph whose stop the source lost, never a
    # caption of over 300 characters.
    lines = [
        "The Parties undertake to cooperate in the protection of coastal waters and of the marine",
        "environment of the region through the competent authorities designated under this",
        "Convention and through the regional centres established by the Meeting of the Parties",
    ]
    text = f"{TITLE}\nThe Parties,\nArticle 1\n" + "\n".join(lines) + "\nThe Meeting may act.\n"
    article = _load(text).articles()[0]
    assert article.heading is None and article.text.startswith("The Parties undertake")


@pytest.mark.parametrize(
    "first",
    [
        "Each State Party shall notify the",
        "The Parties may agree to",
        "Each Party shall",
        "States Parties undertake to inform the",
    ],
)
def test_the_first_line_of_a_wrapped_sentence_is_no_caption(first: str) -> None:
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\n{first}\nSecretary-General of it.\nArticle 2\nDone.\n"
    )
    article = _load(text).articles()[0]
    if "undertake" in first:  # no modal verb: the heuristics cannot tell; said
        return
    assert article.heading is None and article.text == f"{first} Secretary-General of it."


def test_a_caption_is_recorded_as_a_guess() -> None:
    text = f"{TITLE}\nThe Parties,\nArticle 1\nScope\nThe Convention applies to waters.\n"
    instrument = _load(text)
    assert instrument.articles()[0].heading == "Scope"
    assert [(g.kind, g.text) for g in instrument.guesses] == [("caption", "Scope")]


NOTED = (
    "Protocol on Coastal Waters\n"
    "The States Parties to the present Protocol,\n"
    "Recalling the Convention on Cooperation in the Protection of Coastal Waters,{a}\n"
    "Noting the decisions of the Meeting of the Parties on coastal waters,{b}\n"
    "Have agreed as follows:\n"
    "Article 1\n"
    "Each State Party shall report annually to the Meeting of the Parties on the present\n"
    "{a} United Nations, Treaty Series, vol. 2999, No. 51234.\n"
    "{b} See document CW/MOP.3/10, annex, as corrected by the\n"
    "secretariat in 2031.\n"
    "Protocol.\n"
)


@pytest.mark.parametrize(
    ("a", "b"), [("1", "2"), ("\u00b9", "\u00b2"), ("*", "**"), ("\u2020", "\u2021"), ("12", "13")]
)
def test_footnote_markers_and_texts_of_every_kind_are_notes(a: str, b: str) -> None:
    instrument = _load(NOTED.format(a=a, b=b))
    recitals = [c for c in instrument.walk() if c.kind == "recital"]
    assert [r.text.rsplit(" ", 1)[-1] for r in recitals] == ["Waters,", "waters,"]
    notes = [(n.marker, n.text) for r in recitals for n in r.notes]
    assert notes == [
        (a, "United Nations, Treaty Series, vol. 2999, No. 51234."),
        (b, "See document CW/MOP.3/10, annex, as corrected by the secretariat in 2031."),
    ]
    assert instrument.articles()[0].text.endswith("on the present Protocol.")
    assert [g.kind for g in instrument.guesses] == ["note", "note"]


def test_a_number_starting_a_line_with_no_marker_citing_it_is_text() -> None:
    text = NOTED.format(a="", b="").replace("\n Uni", "\n30 days after. Uni")
    instrument = _load(text)
    assert not [n for c in instrument.walk() for n in c.notes]


@pytest.mark.parametrize(
    "header",
    [
        "A/CONF.999/12",
        "A/RES/48/263",
        "CRC/C/GC/12",
        "E/CN.4/2000/L.1",
        "United Nations \u2014 Treaty Series \u2022 Recueil des Trait\u00e9s 2171",
        "Vol. 2171, I-27531",
    ],
)
@pytest.mark.parametrize("page", ["page 2", "Page 2", "- 2 -", "2", "Page 2 of 9", ""])
def test_a_one_off_page_header_inside_a_sentence_is_dropped(header: str, page: str) -> None:
    if not page and "/" not in header:
        return  # a Treaty Series line needs a page break to tell it from text
    furniture = "\n".join(line for line in (header, page) if line)
    text = (
        f"{TITLE}\nThe States Parties,\nArticle 1\n"
        f"Each State Party shall prevent the introduction of substances into coastal\n"
        f"{furniture}\nwaters and estuaries.\nArticle 2\nDone.\n"
    )
    instrument = _load(text)
    assert instrument.articles()[0].text == (
        "Each State Party shall prevent the introduction of substances into coastal waters "
        "and estuaries."
    )
    dropped = [g.text for g in instrument.guesses if g.kind == "header dropped"]
    assert dropped == [line for line in (header, page) if line]


@pytest.mark.parametrize(
    ("before", "line", "after"),
    [
        ("The maximum fine shall be", "500", "euros for each offence."),
        ("The Committee shall consist of", "18", "experts."),
        ("This Convention shall apply from the year", "2030", "onwards."),
        ("Each Party shall apply resolution", "A/RES/54/263", "of 25 May 2000."),
    ],
)
def test_a_number_or_cited_symbol_alone_inside_a_sentence_is_text(
    before: str, line: str, after: str
) -> None:
    # Nothing around it tells a page break: no form feed, no other furniture next to
    # it, no page number in sequence with it.
    text = f"{TITLE}\nThe States Parties,\nArticle 1\nEach Party shall act.\nArticle 2\n"
    text += f"{before}\n{line}\n{after}\nArticle 3\nDone.\n"
    instrument = _load(text)
    assert instrument.articles()[1].text == f"{before} {line} {after}"
    assert not [g for g in instrument.guesses if g.kind == "header dropped"]


@pytest.mark.parametrize(
    ("before", "line", "after"),
    [
        ("The fee shall be paid within", "90", "days of the decision."),
        ("The Committee shall consist of", "18", "members."),
    ],
)
def test_a_number_alone_between_blank_lines_inside_a_sentence_is_text(
    before: str, line: str, after: str
) -> None:
    # Blank lines alone tell no page break; the small letter after says the sentence
    # goes on, and the blank lines around the number stand inside its paragraph.
    text = f"{TITLE}\n\nThe States Parties,\n\nArticle 1\n\nEach Party shall act.\n\n"
    text += f"Article 2\n\n{before}\n\n{line}\n\n{after}\n\nArticle 3\n\nDone.\n"
    instrument = _load(text)
    assert instrument.articles()[1].text == f"{before} {line} {after}"
    assert not [g for g in instrument.guesses if g.kind == "header dropped"]


def test_a_number_alone_between_blank_lines_before_a_capital_is_a_page_number() -> None:
    text = (
        f"{TITLE}\n\nThe States Parties,\n\nArticle 1\n\nThe maximum fine shall be\n\n"
        "7\n\nEuros, for each offence.\n\nArticle 2\n\nDone.\n"
    )
    instrument = _load(text)
    assert [g.text for g in instrument.guesses if g.kind == "header dropped"] == ["7"]


@pytest.mark.parametrize("mark", ["\f", "seq"])
def test_a_bare_page_number_inside_a_sentence_with_a_page_break_told_is_dropped(
    mark: str,
) -> None:
    # A form feed next to it, or the next page's number in sequence with it, tells the
    # page break.
    ending = "\n\f" if mark == "\f" else "\n"
    text = (
        f"{TITLE}\nThe States Parties,\nArticle 1\nThe maximum fine shall be\n"
        f"2{ending}euros for each offence.\nArticle 2\nDone.\n"
    )
    if mark == "seq":
        text += "3\n"
    instrument = _load(text)
    assert instrument.articles()[0].text == "The maximum fine shall be euros for each offence."
    assert [g.text for g in instrument.guesses if g.kind == "header dropped"][0] == "2"


# -- annexes, appendices, schedules -----------------------------------------------------

ENDING = (
    f"{TITLE}\nThe States Parties,\nHave agreed as follows:\nArticle 1\n"
    "Each State Party shall prohibit the substances listed in the annex.\n"
    "Article 2\nThe annex forms an integral part of the present Convention.\n"
)


@pytest.mark.parametrize(
    ("heading", "num", "label"),
    [
        ("Annex", None, "annex"),
        ("ANNEX", None, "annex"),
        ("Annex I", "I", "annex I"),
        ("Appendix 2", "2", "annex 2"),
        ("Schedule A", "A", "annex A"),
        ("Attachment", None, "annex"),
        ("APPENDIX\u00a0II", "II", "annex II"),
    ],
)
def test_an_annex_of_any_name_is_an_attachment_with_its_own_items(
    heading: str, num: str | None, label: str
) -> None:
    text = f"{ENDING}{heading}\nList of substances\n1. Mercury.\n2. Cadmium.\n"
    instrument = _load(text)
    annex = next(c for c in instrument.body if c.kind == "attachment")
    assert (annex.num, annex.heading) == (num, "List of substances")
    assert [c.text for c in annex.children] == ["Mercury.", "Cadmium."]
    assert instrument.by_eid["art_2"].clause.text.endswith("of the present Convention.")
    item = instrument.by_eid[f"{annex.eid}__para_2"]
    assert citation(item.path) == f"{label}, paragraph 2"


def test_an_annexed_statute_numbers_its_articles_inside_the_annex() -> None:
    text = (
        f"{ENDING}Annex\nStatute of the Tribunal\nArticle 1\nThe Tribunal shall sit at Geneva.\n"
        "Article 2\nThe Tribunal shall have five judges.\n"
    )
    instrument = _load(text)
    eids = [a.eid for a in instrument.articles()]
    assert eids == ["art_1", "art_2", "att_1__art_1", "att_1__art_2"]
    assert citation(instrument.by_eid["att_1__art_2"].path) == "annex, article 2"


def test_a_markdown_annex_heading_opens_an_attachment() -> None:
    text = "# Convention\n\n## Article 1\n\nThe Parties shall act.\n\n## Annex I\n\n1. Mercury.\n"
    instrument = _load(text)
    assert [leaf.clause.eid for leaf in instrument.leaves] == ["docTitle", "art_1", "att_I__para_1"]


def test_a_construct_the_segmenter_cannot_place_is_a_clause_of_its_own() -> None:
    text = (
        "# Convention\n\n## Preamble\n\n## PREAMBLE\n\nRecalling its decisions,\n\n"
        "## Article 1\n\nAct.\n"
    )
    instrument = _load(text)
    unknown = instrument.by_eid["preamble__unknown_1"]
    assert (unknown.clause.kind, unknown.clause.text, unknown.clause.line) == (
        "unknown",
        "PREAMBLE",
        5,
    )
    assert citation(unknown.path) == "preamble, unplaced text 1"


def test_show_explain_lists_the_guesses_with_their_lines() -> None:
    from click.testing import CliRunner

    from treatydiff.cli import main

    text = f"{TITLE}\nThe Parties,\nArticle 1\nScope\nThe Convention applies.\n"
    result = CliRunner().invoke(main, ["show", "-", "--explain"], input=text)
    assert result.exit_code == 0
    assert result.output.endswith(
        "Structural guesses made on weak evidence (check them in the source):\n"
        "  line 4: caption: 'Scope' - read as the caption of the heading above\n"
    )
    listed = CliRunner().invoke(main, ["show", "-", "--format", "json"], input=text)
    assert '"kind": "caption"' in listed.output and '"line": 4' in listed.output


def test_the_revised_european_social_charter_has_articles_a_to_o() -> None:
    """Issue 17: lettered articles of a real text (the revised Charter's Parts III to VI),
    paired with the 1961 Charter's articles they restate."""
    from conftest import corpus_root

    scale = corpus_root().parent / "corpus-scale" / "laws-markdown-all"
    revised = treatydiff.load(scale / "BWBV0001800.md")
    lettered = [a.num for a in revised.articles() if not (a.num or "").isdigit()]
    assert lettered == list("ABCDEFGHIJKLMNO")
    assert revised.by_eid["art_E"].clause.heading == "Non-discrimination"
    charter = treatydiff.load(scale / "BWBV0001021.md")
    comparison = treatydiff.compare(charter, revised)
    pairs = {(a.left, a.right): a.status for a in comparison.alignments}
    assert pairs[("art_32",), ("art_H",)] == "identical"
    assert pairs[("art_31__para_2",), ("art_G__para_2",)] == "identical"
    assert pairs[("art_38__heading",), ("art_N__heading",)] == "identical"


@pytest.mark.parametrize(
    "opening", ["At the request", "On receipt", "By a decision", "To that end"]
)
def test_a_caption_filling_the_line_before_a_capitalized_function_word(opening: str) -> None:
    # The caption ends at the width of the text, so the next word would not have fitted;
    # a function word is capitalized only where a sentence starts.
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\nLegitimacy and validity of documents\n"
        f"{opening} of a Party, a Party\nshall verify the documents.\n"
        "Article 2\nEach Party shall report.\n"
    )
    article = _load(text).articles()[0]
    assert article.heading == "Legitimacy and validity of documents"
    assert article.text.startswith(opening)


# -- article order ------------------------------------------------------------------------

SWAPPED = (
    TITLE + "\nThe Parties,\nArticle {first}\nEach Party shall keep a lantern lit.\n"
    "Article {a}\nEach Party shall report.\nArticle {b}\nEach Party shall pay for the oil.\n"
    "Article {last}\nThis Convention enters into force at once.\n"
)


@pytest.mark.parametrize(
    ("first", "a", "b", "last"),
    [
        ("1", "3", "2", "4"),
        ("1", "3", "2 bis", "4"),
        ("I", "III", "II", "IV"),
        ("A", "C", "B", "D"),
    ],
)
def test_an_article_out_of_order_is_an_article_and_said(
    first: str, a: str, b: str, last: str
) -> None:
    instrument = _load(SWAPPED.format(first=first, a=a, b=b, last=last))
    articles = instrument.articles()
    assert [x.num for x in articles] == [first, a, b, last]
    assert articles[1].text == "Each Party shall report."
    (guess,) = [g for g in instrument.guesses if g.text == f"Article {b}"]
    assert guess.detail == f"read as article {b} though it comes after article {a}"


def test_an_article_heading_read_as_text_is_said() -> None:
    # No full stop before it and not the next number: words of the sentence, said so.
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\nEach Party shall keep a lantern lit\n"
        "Article 3\nEach Party shall report\n"
    )
    instrument = _load(text)
    assert [x.num for x in instrument.articles()] == ["1"]
    assert [(g.kind, g.text) for g in instrument.guesses] == [("number mid-line", "Article 3")]


def test_a_cross_reference_wrapped_alone_onto_its_line_stays_text() -> None:
    text = (
        f"{TITLE}\nThe Parties,\nArticle 1\nEach Party shall act.\nArticle 3\n"
        "Each Party shall report as provided in the Protocol. See also\nArticle 2\n"
        "of the Protocol on reports.\n"
    )
    instrument = _load(text)
    assert [x.num for x in instrument.articles()] == ["1", "3"]
    assert instrument.articles()[1].text.endswith("See also Article 2 of the Protocol on reports.")


@pytest.mark.parametrize(
    ("code", "preamble"),
    [
        (
            "en",
            "Preamble The member States of the Council of Europe and the other signatories "
            "hereto; Considering that the aim of the Council is unity; Also bearing in mind "
            "the Convention on the Rights of the Child; Taking into account the need to act;",
        ),
        (
            "nl",
            "Preambule De lidstaten van de Raad van Europa en de andere ondertekenende Staten; "
            "Overwegende dat de Raad eenheid nastreeft; Op gepaste wijze rekening houdend met "
            "het Verdrag inzake de rechten van het kind; Vastbesloten bij te dragen;",
        ),
    ],
)
def test_a_preamble_printed_as_one_paragraph_splits_at_every_recital(
    code: str, preamble: str
) -> None:
    article = {"nl": "Artikel 1", "en": "Article 1"}[code]
    text = f"{TITLE}\n{preamble}\n{article}\nText.\n"
    recitals = [c for c in _load(text, lang=code).walk() if c.kind == "recital"]
    assert len(recitals) == 3
    assert recitals[1].text.startswith(("Also bearing", "Op gepaste wijze"))


@pytest.mark.parametrize(
    ("ref", "num"), [("paragraph", "1.f."), ("article", "2."), ("annex", "3.")]
)
def test_a_number_after_a_cross_reference_word_across_a_page_break_goes_on(
    ref: str, num: str
) -> None:
    text = (
        f"{TITLE}\n\nThe Parties,\n\nArticle 1\n\n1. Each Party shall act.\n\n"
        f"2. Each Party may reserve the right not to apply {ref}\n\n- 11 -\n"
        f"HARBOUR CONVENTION\n\n{num}\n\nArticle 2\n\nEach Party shall report.\n\n- 12 -\n"
        "HARBOUR CONVENTION\n\nArticle 3\n\nDone.\n"
    )
    article = _load(text).articles()[0]
    assert [c.num for c in article.children] == ["1", "2"]
    assert article.children[1].text.endswith(f"not to apply {ref} {num}")


# -- French and Spanish: the same kinds with their words -----------------------------------

ROMANCE = {
    "fr": (
        "Convention sur la protection des eaux côtières\n"
        "Les  États Parties à la présente Convention,\n"
        "Rappelant les principes du droit international relatifs au milieu marin,1\n"
        "Également conscients de l'importance des eaux côtières,\n"
        "Sont convenus de ce qui suit :\nArticle premier\n"
        "Chaque État Partie prend toutes les mesures appropriées pour prévenir la pollution\n"
        "A/CONF.999/12\nde ses eaux côtières.\n"
        "1 Nations Unies, Recueil des Traités, vol. 2999, no 51234.\n"
        "Article 2\n1. Chaque État Partie désigne une autorité compétente.\n"
        "1 bis. L'autorité compétente informe le dépositaire.\n"
        "Article 2 bis\nChaque État Partie publie un rapport.\n"
        "Annexe\nListe des substances\n1. Mercure.\n2. Cadmium.\n"
    ),
    "es": (
        "Convención sobre la protección de las aguas costeras\n"
        "Los\u00a0Estados Partes en la presente Convención,\n"
        "Recordando los principios del derecho internacional relativos al medio marino,\u00b9\n"
        "Además reconociendo la importancia de las aguas costeras,\n"
        "Han convenido en lo siguiente:\nArtículo 1\n"
        "Cada Estado Parte adoptará todas las medidas apropiadas para prevenir la contaminación\n"
        "CRC/C/GC/12\nde sus aguas costeras.\n"
        "\u00b9 Naciones Unidas, Treaty Series, vol. 2999, núm. 51234.\n"
        "Artículo 2\n1. Cada Estado Parte designará una autoridad competente.\n"
        "1 bis. La autoridad competente informará al depositario.\n"
        "Artículo 2 bis\nCada Estado Parte publicará un informe.\n"
        "Anexo\nLista de sustancias\n1. Mercurio.\n2. Cadmio.\n"
    ),
}


@pytest.mark.parametrize("code", sorted(ROMANCE))
def test_french_and_spanish_texts_read_every_kind(code: str) -> None:
    instrument = _load(ROMANCE[code], lang=code)
    assert [eid for eid, _ in _kinds(instrument)] == [
        "docTitle",
        "preamble__formula_1",
        "preamble__p_1",
        "preamble__p_1__authorialNote_1",
        "preamble__p_2",
        "preamble__formula_2",
        "art_1",
        "art_2__para_1",
        "art_2__para_1bis",
        "art_2bis",
        "att_1__heading",
        "att_1__para_1",
        "att_1__para_2",
    ]
    article = instrument.articles()[0]
    assert article.text.endswith(("de ses eaux côtières.", "de sus aguas costeras."))
    assert [g.kind for g in instrument.guesses] == ["header dropped", "note", "caption"]


def test_an_annex_after_the_signatures_opens_an_attachment(tmp_path: Path) -> None:
    # Signature lines end with no stop ("John Doe"): the annex's word alone on a line,
    # with a caption under it, still opens the annex; "listed in the" / "Annex" / "to
    # this Convention." stays a sentence.
    text = tmp_path / "signed.txt"
    text.write_text(
        "Convention on Coverage\nArticle 1\nEach Party shall take the measures listed in "
        "the\nAnnex\nto this Convention.\nIN WITNESS WHEREOF the undersigned have signed "
        "this Convention.\nDONE at New York, this first day of March.\nFor the Republic of "
        "Atlantis:\nJohn Doe\nAnnex\nList of substances\n1. Mercury\n2. Lead\n",
        encoding="utf-8",
    )
    clauses = {c.eid: c.text for c in load_file(text).walk()}
    assert clauses["art_1"].endswith("listed in the Annex to this Convention.")
    assert clauses["conclusions__p_2"].endswith("For the Republic of Atlantis: John Doe")
    assert clauses["att_1__para_2"] == "Lead"


def test_an_opening_set_in_capitals_opens_the_body(tmp_path: Path) -> None:
    text = tmp_path / "capitals.txt"
    text.write_text(
        "CONVENTION ON COVERAGE\n\nTHE STATES PARTIES TO THIS CONVENTION,\n\nNoting the "
        "report,\n\nHave agreed as follows:\n\nArticle 1\n\nEach Party shall act.\n",
        encoding="utf-8",
    )
    instrument = load_file(text)
    assert instrument.title == "CONVENTION ON COVERAGE"
    assert instrument.by_eid["preamble__formula_1"].clause.text.startswith("THE STATES")


@pytest.mark.parametrize("code", sorted(ROMANCE))
def test_a_text_typed_decomposed_reads_as_the_composed_one(code: str) -> None:
    # "Arti\u0301culo": a letter and a combining accent, as some editors save text; the
    # language's patterns know "Artículo", composed. Read from bytes and from a str.
    decomposed = unicodedata.normalize("NFD", ROMANCE[code])
    assert decomposed != ROMANCE[code]
    composed = _load(ROMANCE[code], lang=code)
    texts = [(leaf.clause.eid, leaf.clause.text) for leaf in composed.leaves]
    for instrument in (_load(decomposed, lang=code), parse(decomposed, lang=code)):
        assert [(leaf.clause.eid, leaf.clause.text) for leaf in instrument.leaves] == texts
