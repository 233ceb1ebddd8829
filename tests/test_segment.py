"""The segmenter's parts: eIds from draft nodes, markers and list levels."""

from __future__ import annotations

import copy

import pytest

from treatydiff.errors import LanguageError
from treatydiff.segment.blocks import Block
from treatydiff.segment.draft import Node
from treatydiff.segment.eids import component, freeze
from treatydiff.segment.markers import list_level, read_marker
from treatydiff.segment.tree import segment


def _draft() -> list[Node]:
    preamble = Node("preamble", line=1)
    preamble.children = [
        Node("formula", text="The States Parties,", line=2),
        Node("recital", text="Considering that ...,", line=3),
        Node("recital", text="Recalling that ...,", line=4),
    ]
    article = Node("article", num="2", text="Everyone has the right to life.", line=5)
    article.children = [Node("paragraph", text="No one shall be deprived of it.", line=6)]
    return [preamble, article, Node("article", num="3", line=7)]


def test_freezing_names_the_clauses_and_leaves_the_draft_alone() -> None:
    draft = _draft()
    before = copy.deepcopy(draft)
    clauses = freeze(draft)
    assert draft == before
    assert freeze(draft) == clauses  # again: the same names, nothing inserted twice
    eids = [c.eid for top in clauses for c in top.walk()]
    # article 3 holds no words but its number, which stood in the source: kept
    assert eids == [
        "preamble",
        "preamble__formula_1",
        "preamble__p_1",
        "preamble__p_2",
        "art_2",
        "art_2__p_1",
        "art_2__p_2",
        "art_3",
    ]
    recitals = [c for c in clauses[0].children if c.kind == "recital"]
    assert [r.num for r in recitals] == ["1", "2"]


def test_eid_components_follow_the_naming_convention() -> None:
    assert component("chapter", "IV", position=1) == "chp_IV"
    assert component("chapter", None, position=2) == "chp_2"
    assert component("paragraph", "3 bis", position=1) == "para_3bis"
    assert component("paragraph", None, position=4) == "p_4"
    assert component("point", "(a)", position=1) == "point_a"
    assert component("testimonium", None, position=2) == "p_2"
    assert component("wrapup", None, position=1) == "wrapup"


def test_a_letter_after_its_predecessor_continues_the_list() -> None:
    h = read_marker("(h) foo")
    i = read_marker("(i) bar", previous_alpha=["h"])
    assert h is not None and i is not None
    assert (h.style, i.style, i.num) == ("(alpha)", "(alpha)", "i")
    roman = read_marker("(i) bar")
    assert roman is not None and roman.style == "(roman)"
    assert list_level([("(alpha)", "h")], i) == 0
    assert list_level([("(alpha)", "h")], roman) is None


def test_an_unknown_language_fails_before_segmenting() -> None:
    with pytest.raises(LanguageError):
        segment([Block("Article 1", 1, "heading")], lang="de")
