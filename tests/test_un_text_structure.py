"""The structure the un-text importer reads from plain text: nested lists whose marker
shapes repeat, an excerpt that opens at an article other than the first, and part and
chapter headings. Invented wording throughout."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from treatydiff.ci.rules import counted
from treatydiff.engine.compare import compare
from treatydiff.formats import load_file, parse
from treatydiff.model import Clause, Instrument
from treatydiff.render import render_comparison
from treatydiff.render.text import render_text

_NESTED = (
    "Protocol on Testing\n\nArticle 1\n"
    "1. Each State Party shall ensure that the following acts are covered:\n"
    "(a) In the context of sale of children:\n"
    "(i) Offering a child for the purpose of:\n"
    "(a) Sexual exploitation of the child;\n"
    "(b) Transfer of organs of the child;\n"
    "(ii) Improperly inducing consent for adoption;\n"
    "(b) Offering a child for child prostitution;\n"
    "(c) Producing child pornography.\n"
    "2. The same shall apply to an attempt.\n"
)
_NESTED_UNITS = [
    ("art_1__para_1__intro", "Each State Party shall ensure that the following acts are covered:"),
    ("art_1__para_1__point_a__intro", "In the context of sale of children:"),
    ("art_1__para_1__point_a__point_i__intro", "Offering a child for the purpose of:"),
    ("art_1__para_1__point_a__point_i__point_a", "Sexual exploitation of the child;"),
    ("art_1__para_1__point_a__point_i__point_b", "Transfer of organs of the child;"),
    ("art_1__para_1__point_a__point_ii", "Improperly inducing consent for adoption;"),
    ("art_1__para_1__point_b", "Offering a child for child prostitution;"),
    ("art_1__para_1__point_c", "Producing child pornography."),
    ("art_1__para_2", "The same shall apply to an attempt."),
]


def _units(source: str, lang: str = "en") -> list[tuple[str, str]]:
    instrument = parse(source, fmt="un-text", lang=lang)
    return [(leaf.clause.eid, leaf.clause.text) for leaf in instrument.leaves[1:]]


def _spaced(source: str) -> str:
    """``source`` with a blank line before every list item."""
    return re.sub(r"\n(?=\(|\d\.|[a-z]+[.)] )", "\n\n", source)


@pytest.mark.parametrize("spacing", [lambda s: s, _spaced], ids=["unspaced", "spaced"])
def test_a_letter_after_a_nested_roman_item_goes_back_to_the_outer_list(
    spacing: Callable[[str], str],
) -> None:
    """The OPSC article 3(1) layout: "(b)" after "(ii)" closes the inner letters and
    follows the outer "(a)"; "(c)" after it is a letter, not the Roman hundred."""
    assert _units(spacing(_NESTED)) == _NESTED_UNITS


def test_the_inner_letter_list_may_run_past_the_outer_letter() -> None:
    """The inner list reaches "(c)" before "(ii)": the outer "(b)" still follows "(a)"."""
    source = _NESTED.replace(
        "(ii) Improperly", "(c) Forced labour of the child;\n(ii) Improperly"
    ).replace("(c) Producing", "(c) Distributing child pornography;\n(d) Producing")
    units = _units(source)
    assert ("art_1__para_1__point_a__point_i__point_c", "Forced labour of the child;") in units
    assert units[-5:-1] == [
        ("art_1__para_1__point_a__point_ii", "Improperly inducing consent for adoption;"),
        ("art_1__para_1__point_b", "Offering a child for child prostitution;"),
        ("art_1__para_1__point_c", "Distributing child pornography;"),
        ("art_1__para_1__point_d", "Producing child pornography."),
    ]


@pytest.mark.parametrize(
    ("outer", "roman", "inner"),
    [("{})", "{})", "{})"), ("{}.", "{}.", "{}.")],
    ids=["closing-bracket", "full-stop"],
)
def test_other_marker_shapes_nest_and_close_the_same_way(
    outer: str, roman: str, inner: str
) -> None:
    """ "a) ... i) ... a) b) ii) b) c)" and the Dutch "a. ... i. ... a." shapes."""
    shapes = {"(a) In": outer, "(b) Offering": outer, "(c) Producing": outer}
    shapes |= {"(i) Offering": roman, "(ii) Improperly": roman}
    shapes |= {"(a) Sexual": inner, "(b) Transfer": inner}
    source = _NESTED
    for start, shape in shapes.items():
        mark, word = start.split(" ")
        source = source.replace(start, f"{shape.format(mark.strip('()'))} {word}")
    assert _units(source) == _NESTED_UNITS


def test_a_letter_that_follows_no_open_item_stays_words_of_the_sentence() -> None:
    """ "(d)" after "(ii)", where no open list ends at "(c)", goes on with the sentence:
    the sequence does not say it opens an item."""
    source = _NESTED.replace(
        "(ii) Improperly inducing consent for adoption;\n(b)",
        "(ii) Improperly inducing consent under\n(d)",
    )
    units = dict(_units(source))
    assert units["art_1__para_1__point_a__point_ii"].startswith(
        "Improperly inducing consent under (d) Offering a child"
    )
    assert not any(eid.endswith("point_d") for eid in units)


_CITED = (
    "Agreement on Small Harbours\n\nArticle 1\n\n"
    "1. Disputes between the Parties shall be settled as follows:\n\n"
    "(a) A Party may refer the matter to the Board;\n\n"
    "(b) The Board shall hear both Parties; (c) Subject to the provisions of subparagraph\n\n"
    "(a), the Board shall give its opinion within a month;\n\n"
    "(d) The opinion shall be made public.\n\n"
    "2. This article applies to every harbour.\n\n"
    "Article 2\n\n(a) Lights shall burn all night; (b) quays shall be swept.\n\n"
    "2. The Board may inspect the harbours.\n"
)


def test_a_cited_item_goes_on_with_the_sentence_and_a_run_on_item_opens_its_own() -> None:
    """ "(a), the Board ..." after "... of subparagraph" is the designation cited, words of
    that sentence, whatever stands between; "; (c) Subject ..." inside a line, the next
    item of the open list before a capital, is that item (a list run into one line: "(a)
    ...; (b) quays ..." in small letters stays one item)."""
    units = dict(_units(_CITED))
    assert units == {
        "art_1__para_1__intro": "Disputes between the Parties shall be settled as follows:",
        "art_1__para_1__point_a": "A Party may refer the matter to the Board;",
        "art_1__para_1__point_b": "The Board shall hear both Parties;",
        "art_1__para_1__point_c": (
            "Subject to the provisions of subparagraph (a), the Board shall give its opinion"
            " within a month;"
        ),
        "art_1__para_1__point_d": "The opinion shall be made public.",
        "art_1__para_2": "This article applies to every harbour.",
        "art_2__point_a": "Lights shall burn all night; (b) quays shall be swept.",
        "art_2__para_2": "The Board may inspect the harbours.",
    }


def _instrument_of(source: str) -> Instrument:
    return parse(source, fmt="un-text")


_EXCERPT = (
    "Protocol on Testing\nArticle 3\n1. Each State Party shall do this.\n"
    "2. The Committee may do that.\nArticle 4\nThe Committee shall meet.\n"
)


@pytest.mark.parametrize(
    "source",
    [
        _EXCERPT,
        _EXCERPT.replace("\n", "\n\n"),
        "Optional Protocol to the Convention\non Testing\n" + _EXCERPT.split("\n", 1)[1],
        "Protocol on Testing\n\nAdopted by resolution 1/2 of 3 May 2000\n\n"
        + _EXCERPT.split("\n", 1)[1],
        _EXCERPT.replace("Article 3", "Article 3 bis"),
    ],
    ids=["unspaced", "spaced", "two-title-lines", "adoption-line", "bis"],
)
def test_an_excerpt_that_opens_at_a_later_article_reads_as_articles(source: str) -> None:
    instrument = _instrument_of(source)
    assert instrument.title.endswith("Testing")
    assert instrument.preamble is None
    first = instrument.articles()[0]
    assert [(c.kind, c.num, c.text) for c in first.children] == [
        ("paragraph", "1", "Each State Party shall do this."),
        ("paragraph", "2", "The Committee may do that."),
    ]
    assert not instrument.guesses


def test_an_article_heading_after_words_that_run_on_stays_text() -> None:
    """ "... in accordance with" / "Article 3": the heading line is words of the sentence,
    not the start of the body after a title."""
    source = "The Committee shall act in accordance with\nArticle 3\nof this Protocol.\n"
    instrument = _instrument_of(source)
    assert instrument.articles() == []
    assert [leaf.clause.text for leaf in instrument.leaves] == [
        "The Committee shall act in accordance with Article 3 of this Protocol."
    ]


def test_text_before_any_heading_without_preamble_words_is_no_preamble() -> None:
    """An excerpt opening inside an article ("2. This ...") reads as a paragraph at the
    top of the body, numbered as printed; words with no number are unnumbered
    paragraphs. No preamble is invented."""
    numbered = _instrument_of(
        "2. This article is without prejudice to any other instrument.\n\n"
        "Article 2\n\n1. Each State Party shall act.\n"
    )
    assert numbered.preamble is None
    assert [(c.eid, c.kind, c.num) for c in numbered.body[:1]] == [("para_2", "paragraph", "2")]
    plain = _instrument_of("Each State Party shall act.\n\nThe Committee shall meet.\n")
    assert plain.preamble is None
    assert [(c.eid, c.text) for c in plain.body] == [
        ("p_1", "Each State Party shall act."),
        ("p_2", "The Committee shall meet."),
    ]


def test_preamble_words_still_open_a_preamble() -> None:
    """A formula opening the preamble, or a recital, shows one."""
    for opening in ("The States Parties to this Protocol,", "Recognizing that tests matter,"):
        instrument = _instrument_of(f"{opening}\n\nArticle 1\n\nEach Party shall act.\n")
        assert instrument.preamble is not None, opening
        assert instrument.preamble.children[0].text == opening


_PARTS = (
    "Convention on Testing\nPART I\nArticle 1\nThe child shall be heard.\nArticle 2\n"
    "The child shall have the right to freedom of expression.\nPART II\nArticle 3\n"
    "The Committee shall meet.\n"
)


@pytest.mark.parametrize("heading", ["PART I", "Part I", "CHAPTER I", "Chapter 1"])
def test_a_container_heading_line_is_no_title_line_and_a_unit_of_its_own(heading: str) -> None:
    source = _PARTS.replace("PART I\n", f"{heading}\n", 1)
    instrument = _instrument_of(source)
    assert instrument.title == "Convention on Testing"
    units = [(leaf.clause.kind, leaf.clause.text) for leaf in instrument.leaves]
    assert units[1] == ("heading", heading)
    assert ("heading", "PART II") in units


def test_a_container_title_stays_its_heading() -> None:
    """ "PART I" over "GENERAL PROVISIONS": the title is the heading, as before."""
    instrument = _instrument_of(_PARTS.replace("PART I\n", "PART I\nGENERAL PROVISIONS\n"))
    assert instrument.title == "Convention on Testing"
    assert instrument.body[0].heading == "GENERAL PROVISIONS"


def _check(left: str, right: str, rule: str) -> list[tuple[str, ...]]:
    """The reasons each alignment of ``left`` with ``right`` counts under ``rule``."""
    comparison = compare(_instrument_of(left), _instrument_of(right))
    return [r for a in comparison.alignments if (r := counted(a, rule))]  # type: ignore[arg-type]


_MOVED_TO_PART_II = _PARTS.replace("Article 2\n", "PART II\nArticle 2\n").replace(
    "expression.\nPART II\n", "expression.\n"
)


@pytest.mark.parametrize("rule", ["any", "wording", "substantive"])
def test_an_article_moved_to_another_part_is_a_move(rule: str) -> None:
    comparison = compare(_instrument_of(_PARTS), _instrument_of(_MOVED_TO_PART_II))
    moved = [a for a in comparison.alignments if a.moved]
    assert [(a.left, a.right, a.status) for a in moved] == [(("art_2",), ("art_2",), "identical")]
    assert _check(_PARTS, _MOVED_TO_PART_II, rule) == [("clause moved",)]


def test_a_move_to_another_part_names_both_parts() -> None:
    """Under the same number, the labels alone would read "article 2 -> article 2"."""
    comparison = compare(_instrument_of(_PARTS), _instrument_of(_MOVED_TO_PART_II))
    assert "moved: article 2 (part I) -> article 2 (part II)" in render_text(comparison)
    assert "**article 2 (part I)** → article 2 (part II)" in render_comparison(comparison, "md")


def test_a_deleted_part_line_is_removed_and_the_articles_under_it_moved() -> None:
    deleted = _PARTS.replace("PART II\n", "")
    comparison = compare(_instrument_of(_PARTS), _instrument_of(deleted))
    changed = [(a.left, a.right, a.status, a.moved) for a in comparison.alignments
               if a.is_difference]  # fmt: skip
    assert changed == [
        (("part_II__heading",), (), "removed", False),
        (("art_3",), ("art_3",), "identical", True),
    ]


def test_a_renamed_part_is_a_changed_and_renumbered_heading() -> None:
    renamed = _PARTS.replace("PART II", "PART III")
    comparison = compare(_instrument_of(_PARTS), _instrument_of(renamed))
    changed = [a for a in comparison.alignments if a.is_difference]
    assert [(a.left, a.right, a.renumbered, a.moved) for a in changed] == [
        (("part_II__heading",), ("part_III__heading",), True, False)
    ]
    assert _check(_PARTS, renamed, "wording")


def test_articles_renumbered_inside_the_same_parts_are_not_moved() -> None:
    swapped = _PARTS.replace("Article 2\n", "Article 3\n").replace(
        "PART II\nArticle 3\n", "PART II\nArticle 2\n"
    )
    comparison = compare(_instrument_of(_PARTS), _instrument_of(swapped))
    assert not any(a.moved for a in comparison.alignments)
    assert sum(a.renumbered for a in comparison.alignments) == 2


def _as_plain_text(instrument: Instrument) -> str:
    """The articles of ``instrument`` typed as plain text with no blank line: a heading
    line per article, each paragraph and point on a line after its marker ("1.", "(a)",
    "(ii)"), its chapeau after the marker."""
    lines = [instrument.title]

    def put(clause: Clause) -> None:
        marker = {"paragraph": "{}. ", "point": "({}) "}.get(clause.kind, "")
        opening = marker.format(clause.num) if clause.num and marker else ""
        rest = list(clause.children)
        if rest and rest[0].kind == "intro":
            opening += rest.pop(0).text
        if opening or clause.text:
            lines.append(opening + clause.text)
        for child in rest:
            put(child)

    for article in instrument.articles():
        lines.append(f"Article {article.num}")
        for child in article.children:
            put(child)
    return "\n".join(lines) + "\n"


def test_the_opsc_typed_without_blank_lines_keeps_its_nested_lists(corpus: Path) -> None:
    """The newcomer's reproducer on the real text: OPSC article 3(1), read back from plain
    text with no blank line, keeps (a)(i)(a)-(c), (a)(ii), (b) and (c) apart."""
    opsc = load_file(corpus / "laws-markdown" / "opsc" / "2012-10-31.md")
    typed = parse(_as_plain_text(opsc), fmt="un-text")
    eids = [c.eid for c in typed.by_eid["art_3"].clause.walk() if c.is_leaf]
    assert eids == [c.eid for c in opsc.by_eid["art_3"].clause.walk() if c.is_leaf]
    assert "art_3__para_1__point_a__point_ii" in eids and "art_3__para_1__point_c" in eids


@pytest.mark.parametrize(
    ("first", "second", "third"),
    [
        ("Artículo primero", "Artículo segundo", "ARTÍCULO TERCERO"),  # numbers as words
        ("Artículo 1º", "Artículo 2.º", "Artículo 3°"),  # ordinal indicators
    ],
)
def test_spanish_article_numbers_as_words_and_ordinals(first: str, second: str, third: str) -> None:
    text = (
        f"Protocolo de prueba\n\n{first}\nLos Estados Partes prohibirán la venta de niños.\n"
        f"{second}\nA los efectos del presente Protocolo se entenderá lo siguiente.\n"
        f"{third}\nCada Estado Parte adoptará medidas.\n"
    )
    instrument = parse(text, fmt="un-text", lang="es")
    assert instrument.title == "Protocolo de prueba"
    assert [(c.eid, c.text.split()[0]) for c in instrument.walk()] == [
        ("art_1", "Los"),
        ("art_2", "A"),
        ("art_3", "Cada"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Protocol on Testing\n\nArticle 3\nThe States Parties shall do this.\n"
         "Article 4\nThe Committee shall meet.\n", "en"),
        ("Protocolo\n\nArtículo 3\nLos Estados Partes adoptarán medidas.\n"
         "Artículo 4\nCada Estado Parte informará.\n", "es"),
    ],
)  # fmt: skip
def test_an_excerpt_whose_article_opens_with_the_body_words(text: str, lang: str) -> None:
    """ "The States Parties" inside article 3 does not make "Article 3" a title line."""
    instrument = parse(text, fmt="un-text", lang=lang)
    assert [c.eid for c in instrument.walk()] == ["art_3", "art_4"]
    assert instrument.title in ("Protocol on Testing", "Protocolo")
