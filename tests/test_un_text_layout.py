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
