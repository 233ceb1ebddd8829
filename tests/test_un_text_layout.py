"""The un-text importer on small hand-written texts in the UN/OHCHR layout, damaged as PDF
extraction damages them: one test for each repair, invented wording throughout."""

from __future__ import annotations

from treatydiff.importers import parse
from treatydiff.model import Instrument

_TITLE = "Convention on Lanterns\n"


def _leaves(source: str) -> list[tuple[str, str]]:
    instrument = parse(source, fmt="un-text")
    return [(leaf.clause.eid, leaf.clause.text) for leaf in instrument.leaves]


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
