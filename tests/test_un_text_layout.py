"""The un-text importer on small hand-written texts in the UN/OHCHR layout, damaged as PDF
extraction damages them: one test for each repair, invented wording throughout."""

from __future__ import annotations

from treatydiff.formats import parse
from treatydiff.model import Instrument

_TITLE = "Convention on Lanterns\n"


def _leaves(source: str) -> list[tuple[str, str]]:
    instrument = parse(source, fmt="un-text")
    # The title (_TITLE) is a unit of its own: these tests read the body.
    return [(leaf.clause.eid, leaf.clause.text) for leaf in instrument.leaves[1:]]


def _instrument(source: str) -> Instrument:
    return parse(source, fmt="un-text")


def test_a_soft_hyphen_inside_a_recitals_opening_word_keeps_the_recital() -> None:
    source = (
        _TITLE + "The States Parties to the present Convention,\n"
        "Con\u00adsidering that lanterns light the harbours,\n"
        "Recog\u00adnizing that lamp\u200boil is costly, and\n"
        "Rea\ufb00\u00adirming their will to share it,\n"
        "Have agreed as follows:\n"
        "Article 1\n"
        "Each Party shall keep a lantern lit.\n"
    )
    preamble = _instrument(source).body[0]
    assert [(c.kind, c.text) for c in preamble.children] == [
        ("formula", "The States Parties to the present Convention,"),
        ("recital", "Con\u00adsidering that lanterns light the harbours,"),
        ("recital", "Recog\u00adnizing that lamp\u200boil is costly, and"),
        ("recital", "Rea\ufb00\u00adirming their will to share it,"),
        ("formula", "Have agreed as follows:"),
    ]


_BODY = _TITLE + "The States Parties to the present Convention,\nHave agreed as follows:\n"
# The same with blank lines between its paragraphs.
_SPACED_BODY = (
    _TITLE + "\nThe States Parties to the present Convention,\n\nHave agreed as follows:\n"
)


def test_and_wrapped_alone_onto_its_line_still_ends_the_item() -> None:
    source = (
        _BODY + "Article 1\n"
        "The purposes of this Convention are:\n"
        "(a) To light the harbours of the Parties;\n"
        "(b) To keep their lanterns in good repair;\n"
        "and\n"
        "(c) To share lamp oil in hard winters.\n"
        "Article 2\n"
        "1. The keepers shall be paid from the funds named in article 1, subparagraph\n"
        "(b) above.\n"
    )
    assert _leaves(source)[2:] == [
        ("art_1__intro", "The purposes of this Convention are:"),
        ("art_1__point_a", "To light the harbours of the Parties;"),
        ("art_1__point_b", "To keep their lanterns in good repair; and"),
        ("art_1__point_c", "To share lamp oil in hard winters."),
        # A marker after a line that ends no clause continues the sentence.
        (
            "art_2__para_1",
            "The keepers shall be paid from the funds named in article 1, subparagraph (b) above.",
        ),
    ]


def test_captions_and_headings_stand_between_blank_lines() -> None:
    source = (
        _SPACED_BODY + "\nPART I\n\nScope and terms\n\nArticle 1\n\nScope\n\n"
        "This Convention applies to the lanterns of every harbour.\n"
        "\nArticle 2\n\nLanterns, lamps and\nbeacons of the coast\n\n"
        "For the purposes of this Convention:\n\n"
        "(a) lantern means a lamp in a case;\n\n(b) beacon means a fire on a hill.\n"
    )
    part = _instrument(source).body[1]
    assert (part.eid, part.heading) == ("part_I", "Scope and terms")
    assert [(a.eid, a.heading) for a in part.children] == [
        ("art_1", "Scope"),
        ("art_2", "Lanterns, lamps and beacons of the coast"),
    ]
    # Captions are compared units of their own, right before their clauses' units.
    assert [eid for eid, _ in _leaves(source)[2:]] == [
        "part_I__heading",
        "art_1__heading",
        "art_1",
        "art_2__heading",
        "art_2__intro",
        "art_2__point_a",
        "art_2__point_b",
    ]


_CAPTION = (
    "Relationship with the Convention on Harbour Lights of the Northern Seas and its\n"
    "Protocol on the keeping of lanterns, lamps, beacons and other lights of the coast\n"
)
_FULL_LINE = "Each Party shall keep the lanterns of its harbours lit from dusk to dawn, in every"


def test_a_caption_wrapped_near_the_full_width_before_an_unnumbered_paragraph() -> None:
    source = (
        _BODY + "Article 1\n" + _CAPTION + "This Convention shall not affect the rights and\n"
        "duties of the Parties under that Convention and its Protocol.\n"
        "Article 2\nLights\n" + _FULL_LINE + "\n"
        "season and in every weather, and shall record each failure of a light.\n"
    )
    articles = _instrument(source).articles()
    assert articles[0].heading == (
        "Relationship with the Convention on Harbour Lights of the Northern Seas and its "
        "Protocol on the keeping of lanterns, lamps, beacons and other lights of the coast"
    )
    assert articles[0].text == (
        "This Convention shall not affect the rights and duties of the Parties under that "
        "Convention and its Protocol."
    )
    assert articles[1].heading == "Lights"
    assert articles[1].text.startswith(_FULL_LINE + " season")


def _pages(*pages: str, header: str = "Harbour Lights", blank: bool = False) -> str:
    """``pages`` printed with a page number under each and a running header above all
    but the first, with blank lines around them if ``blank``."""
    gap = "\n" if blank else ""
    out = ""
    for n, page in enumerate(pages, start=1):
        if n > 1:
            out += f"{header}\n{gap}"
        out += f"{page}{gap}- {n} -\n"
    return out


def test_a_line_of_text_recurring_at_a_few_page_breaks_is_kept() -> None:
    # "Convention." stands next to two of six page breaks: text, not a running footer or
    # header, which stands next to (almost) every break.
    source = _pages(
        _BODY + "Article 1\n1. Each Party shall keep the lanterns named in this\nConvention.\n",
        "2. Each Party shall pay the keepers named in this\n",
        "Convention.\n3. Each Party shall record the lights.\n",
        "4. The records shall be kept for ten years.\n",
        "5. The records shall be open to the other Parties.\n",
        "6. The Parties shall meet every year.\n",
    )
    instrument = _instrument(source)
    assert [c.text for c in instrument.articles()[0].children] == [
        "Each Party shall keep the lanterns named in this Convention.",
        "Each Party shall pay the keepers named in this Convention.",
        "Each Party shall record the lights.",
        "The records shall be kept for ten years.",
        "The records shall be open to the other Parties.",
        "The Parties shall meet every year.",
    ]


def test_blank_lines_around_a_page_break_inside_a_paragraph_do_not_end_it() -> None:
    source = _pages(
        _BODY + "Article 1\n1. Each Party shall keep the lanterns of its harbours lit from dusk\n",
        "to dawn, and shall record each failure of a lan\u00ad\n",
        "tern.\n",
        "2. Each Party shall pay the keepers.\n",
        "Article 2\nThe Parties shall meet every year.\n",
        header="A/RES/99/1",
        blank=True,
    )
    assert _leaves(source)[2:] == [
        (
            "art_1__para_1",
            "Each Party shall keep the lanterns of its harbours lit from dusk to dawn, and "
            "shall record each failure of a lan\u00adtern.",
        ),
        ("art_1__para_2", "Each Party shall pay the keepers."),
        ("art_2", "The Parties shall meet every year."),
    ]


def test_blank_lines_around_a_page_break_after_a_sentence_still_end_the_paragraph() -> None:
    source = _pages(
        _SPACED_BODY + "\nArticle 1\n\nEach Party shall keep the lanterns lit.\n",
        "Each Party shall pay the keepers.\n\nEach Party shall record the lights.\n",
        "\nThe records shall be kept for ten years.\n",
        blank=True,
    )
    assert [c.text for c in _instrument(source).articles()[0].children] == [
        "Each Party shall keep the lanterns lit.",
        "Each Party shall pay the keepers.",
        "Each Party shall record the lights.",
        "The records shall be kept for ten years.",
    ]


def test_a_page_break_after_a_comma_and_or_inside_an_item_does_not_end_it() -> None:
    # "..., or" may end an item before the next marker; a small letter after the break
    # says that this sentence goes on. The first paragraph stays the article's text, not
    # a caption, though blank lines stand around it.
    source = _pages(
        _SPACED_BODY
        + "\nArticle 1\n\nEach Party shall help the keepers of lanterns in need of food, fuel,"
        " or\n",
        "shelter; the help shall be given at once.\n\nArticle 2\n\n"
        "The keepers may be absent:\n\n(a) With leave of the harbour master, or\n",
        "in case of illness; or\n\n(b) In time of storm.\n",
        blank=True,
    )
    assert _leaves(source)[2:] == [
        (
            "art_1",
            "Each Party shall help the keepers of lanterns in need of food, fuel, or shelter; "
            "the help shall be given at once.",
        ),
        ("art_2__intro", "The keepers may be absent:"),
        ("art_2__point_a", "With leave of the harbour master, or in case of illness; or"),
        ("art_2__point_b", "In time of storm."),
    ]


def test_blank_lines_around_page_breaks_alone_are_page_furniture() -> None:
    # The text has no blank line between its paragraphs: those around the page breaks
    # end nothing, not even after a full stop, as the text would read without the break.
    pages = (
        _BODY + "Article 1\nThe keepers may be absent:\n(a) With leave of the harbour master.\n",
        "Leave shall be given in writing;\n(b) In time of storm.\n",
        "Article 2\nThe Parties shall meet every year.\n",
    )
    source = _pages(*pages, blank=True)
    assert _leaves(source)[2:] == [
        ("art_1__intro", "The keepers may be absent:"),
        (
            "art_1__point_a",
            "With leave of the harbour master. Leave shall be given in writing;",
        ),
        ("art_1__point_b", "In time of storm."),
        ("art_2", "The Parties shall meet every year."),
    ]
    assert _leaves("".join(pages)) == _leaves(source)


def test_a_dutch_text_is_read_with_dutch_words() -> None:
    source = (
        "Verdrag inzake lantaarns\n"
        "Aangenomen te Genève op 20 november 1989\n"
        "Inwerkingtreding: 2 september 1990\n"
        "De Staten die partij zijn bij dit Verdrag,\n"
        "Overwegende dat lantaarns de havens verlichten,\n"
        "Zijn het volgende overeengekomen:\n"
        "HOOFDSTUK I\n"
        "Artikel 1\n"
        "Begripsomschrijvingen\n"
        "De doelstellingen van dit Verdrag zijn:\n"
        "a. de havens te verlichten; of\n"
        "b. lampolie te delen.\n"
    )
    instrument = parse(source, fmt="un-text", lang="nl")
    assert instrument.title == "Verdrag inzake lantaarns"
    assert (instrument.metadata.adopted, instrument.metadata.entry_into_force) == (
        "1989-11-20",
        "1990-09-02",
    )
    assert [c.kind for c in instrument.body[0].children] == ["formula", "recital", "formula"]
    article = instrument.by_eid["art_1"].clause
    assert article.heading == "Begripsomschrijvingen"
    assert [(leaf.eid, leaf.text) for leaf in article.walk() if leaf.is_leaf] == [
        ("art_1__intro", "De doelstellingen van dit Verdrag zijn:"),
        ("art_1__point_a", "de havens te verlichten; of"),
        ("art_1__point_b", "lampolie te delen."),
    ]
    assert instrument.by_eid["chp_I"].clause.kind == "chapter"
