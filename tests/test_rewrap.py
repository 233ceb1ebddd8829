"""Layout never changes a comparison: real corpus instruments printed in the UN plain-text
layout one paragraph a line, and again re-wrapped at random widths (30 to 120 columns),
with or without blank lines between paragraphs, indentation and page furniture, compare
identical or formatting-only, clause for clause (issue 10). The laws-markdown files
themselves, re-wrapped as ``fold -s`` and Python's ``textwrap`` wrap them (a Markdown
paragraph over several lines, soft breaks), read the same clauses."""

from __future__ import annotations

import random
import textwrap
from functools import cache

import pytest
from conftest import corpus_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.perturb import Damage, retypeset_text

import treatydiff
from treatydiff.engine.comparison import Alignment
from treatydiff.formats import parse
from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key

# Real instruments of every shape: preambles, parts, chapters, captions, lists of points
# nested two deep, unnumbered paragraphs, final clauses (English: the printer of
# support.perturb writes English structure words).
SOURCES = [
    ("laws-markdown/opsc/2012-10-31.md", "en"),
    ("laws-markdown/opac/2013-09-12.md", "en"),
    ("laws-markdown/cat/2013-04-15.md", "en"),
    ("laws-markdown/hcch-1980-abduction/2013-04-08.md", "en"),
    ("laws-markdown/op-cedaw/2013-04-15.md", "en"),
    ("laws-markdown/budapest-xenophobia-protocol/2010-11-01.md", "en"),
    ("laws-markdown/crc/2013-04-15.md", "en"),
    ("laws-markdown/lanzarote/2013-06-12.md", "en"),
    ("laws-markdown/palermo-trafficking/2015-11-27.md", "en"),
    ("laws-markdown/ilo-c182/2012-09-03.md", "en"),
    ("laws-markdown/iccpr/2014-03-24.md", "en"),
    ("laws-markdown/cedaw/2014-06-18.md", "en"),
    ("laws-markdown/budapest-cybercrime/2012-10-24.md", "en"),
    ("laws-markdown/hcch-1993-adoption/2012-08-21.md", "en"),
    ("laws-markdown/ilo-c138/2013-02-19.md", "en"),
]


@cache
def _instrument(path: str, lang: str) -> Instrument:
    return treatydiff.load(corpus_root() / path, lang=lang)


def _printed(instrument: Instrument, damage: Damage, indent: int, seed: int) -> str:
    text = retypeset_text(instrument, seed, damage)
    if indent:
        rng = random.Random(seed)
        text = "\n".join(" " * rng.randint(0, indent) + line for line in text.split("\n"))
    return text


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.sampled_from(SOURCES),
    width=st.integers(30, 120),
    blank=st.booleans(),
    indent=st.sampled_from([0, 0, 4]),
    pages=st.sampled_from([0, 0, 25, 40]),
    header=st.sampled_from(["", "A/RES/54/263", "CRC/C/OPSC/1", "Harbour Lights Convention"]),
    seed=st.integers(0, 1000),
)
def test_rewrapping_changes_nothing(
    source: tuple[str, str],
    width: int,
    blank: bool,
    indent: int,
    pages: int,
    header: str,
    seed: int,
) -> None:
    path, lang = source
    instrument = _instrument(path, lang)
    wide = parse(_printed(instrument, Damage(width=10**6), 0, seed), fmt="un-text", lang=lang)
    damage = Damage(
        width=width,
        blank_between_paragraphs=blank,
        page_lines=pages,
        header=header if pages else "",
        footer="Page {n}" if pages else "{n}",
    )
    narrow = parse(_printed(instrument, damage, indent, seed), fmt="un-text", lang=lang)
    comparison = treatydiff.compare(wide, narrow)
    changed = [
        (a.status, a.left, a.right)
        for a in comparison.alignments
        if a.status not in ("identical", "formatting") and not _hyphen_repaired(a)
    ]
    assert not changed


def _hyphen_repaired(alignment: Alignment) -> bool:
    """Whether the only change is a hyphen taken out of a word: a source that prints a
    word hyphenated mid-line ("com-munication", a hyphenation the Budapest Convention's
    mirror text kept) has it repaired where the re-wrapped text breaks the line at that
    hyphen and the document shows the word whole. The key keeps a hyphen inside a word
    (issue 9), so that reads as spelling, truthfully."""
    return alignment.tags == ("spelling",) and all(
        op.left.replace("-", "") == op.right.replace("-", "")
        for op in alignment.diff
        if op.op != "equal"
    )


def _fold(text: str, width: int) -> str:
    """``text`` as ``fold -s -w width`` prints it: each line broken after its last blank
    within ``width`` columns (the blank stays at the end of the line), or at ``width``
    where there is none."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 0, width) + 1 or width
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out)


def _textwrap(text: str, width: int) -> str:
    """``text`` with each line wrapped by ``textwrap.fill`` (trailing blanks dropped,
    compounds broken at their hyphen). A word longer than a line is left whole: cut, it
    reads as two words, as a space would print it ("kinderpornografie](...)onverlet" cut
    inside its link, "vak|verenigingsrecht"), which no reader can tell from a space."""
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False) for line in text.split("\n")
    )


WRAPPERS = {"fold": _fold, "textwrap": _textwrap}


@cache
def _laws_markdown_text(path: str) -> str:
    return (corpus_root() / path).read_text(encoding="utf-8")


def _clauses(text: str, lang: str) -> list[tuple[str, str]]:
    instrument = parse(text, fmt="laws-markdown", lang=lang)
    return [(leaf.clause.eid, comparison_key(leaf.clause.text)) for leaf in instrument.leaves]


@cache
def _laws_markdown_clauses(path: str, lang: str) -> list[tuple[str, str]]:
    return _clauses(_laws_markdown_text(path), lang)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    path=st.sampled_from([path for path, _ in SOURCES]),
    lang=st.sampled_from(["en", "nl"]),
    width=st.integers(30, 120),
    wrapper=st.sampled_from(sorted(WRAPPERS)),
)
def test_rewrapped_laws_markdown_reads_the_same(
    path: str, lang: str, width: int, wrapper: str
) -> None:
    wrapped = WRAPPERS[wrapper](_laws_markdown_text(path), width)
    assert _clauses(wrapped, lang) == _laws_markdown_clauses(path, lang)


# An invented treaty in the mirror's dialect: each paragraph and list item one a line, a
# blank line after each heading, list items ending with a hard break (two blanks), a link
# to another treaty of the mirror.
HARBOUR = "\n".join(
    [
        "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />",
        "",
        "##Verdrag inzake de havenlichten",
        "",
        "####Harbour Lights Convention",
        "",
        "### Article  1  ",
        "",
        "For the purposes of the present Convention, a harbour light means every light shown"
        " from a tower on the coast, as listed in the [Register of Harbour Lights of the"
        " Northern Sea](../../../register/of/harbour/lights/BWBV0000001/README.md), and its"
        " well-being.",
        "",
        "### Article  2  ",
        "",
        "1.  The Contracting Parties shall keep every harbour light burning from dusk to dawn,"
        " as set out in paragraph 2 of this article, for no fewer than 12 hours.  ",
        "2.  The Contracting Parties shall report to the Depositary on the lights referred to"
        " in paragraph 1, under subparagraph (a) of article 5 and under Article 5 of the"
        " Annex:  ",
        "(a) the name of each light; and  ",
        "(b) its pre- and post-season hours.",
        "",
        "### Article  3  ",
        "",
        "States shall light the harbours at least 2. hours before sunset.",
        "",
    ]
)


def _harbour(text: str) -> list[tuple[str, str]]:
    instrument = parse(text, fmt="laws-markdown", lang="en")
    return [(leaf.clause.eid, leaf.clause.text) for leaf in instrument.leaves]


def test_the_invented_treaty_reads_as_written() -> None:
    clauses = dict(_harbour(HARBOUR))
    assert clauses["art_1"].startswith("For the purposes of the present Convention,")
    assert "Register of Harbour Lights of the Northern Sea, and its" in clauses["art_1"]
    assert clauses["art_2__para_1"].endswith("for no fewer than 12 hours.")
    assert clauses["art_2__para_2__point_a"] == "the name of each light; and"
    assert clauses["art_3"] == "States shall light the harbours at least 2. hours before sunset."


def test_a_soft_wrapped_paragraph_is_one_paragraph() -> None:
    # Article 1 over four lines, each a soft break: one paragraph, not four.
    wrapped = _fold(HARBOUR, 40)
    assert "a harbour light means every \nlight shown" in wrapped
    assert _harbour(wrapped) == _harbour(HARBOUR)


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # "2." at the start of a continuation line, mid-sentence: after a cross-reference
        # word, and after item "1." where no sentence starts ("2. hours").
        ("as set out in paragraph 2", "as set out in paragraph\n2"),
        ("at least 2. hours", "at least\n2. hours"),
        # "(a)" and "Article 5" at the start of a continuation line, mid-sentence.
        ("under subparagraph (a)", "under subparagraph\n(a)"),
        ("and under Article 5", "and under\nArticle 5"),
    ],
)
def test_a_marker_wrapped_to_a_line_start_goes_on_with_the_sentence(
    before: str, after: str
) -> None:
    wrapped = HARBOUR.replace(before, after)
    assert wrapped != HARBOUR
    assert _harbour(wrapped) == _harbour(HARBOUR)


def test_an_item_after_a_wrapped_item_is_an_item() -> None:
    # Item 1 wrapped over several lines, item 2 at the start of the line after its last:
    # with the hard break kept (fold) and lost (textwrap drops trailing blanks).
    for wrapped in (_fold(HARBOUR, 33), _textwrap(HARBOUR, 33)):
        clauses = dict(_harbour(wrapped))
        assert clauses["art_2__para_1"].endswith("for no fewer than 12 hours.")
        assert clauses["art_2__para_2__intro"].startswith("The Contracting Parties shall report")
        assert _harbour(wrapped) == _harbour(HARBOUR)


def test_a_link_wrapped_across_lines_keeps_its_text_alone() -> None:
    for wrapped in (_fold(HARBOUR, 30), _textwrap(HARBOUR, 30)):
        assert "[Register" in wrapped
        assert "](" not in dict(_harbour(wrapped))["art_1"]
        assert _harbour(wrapped) == _harbour(HARBOUR)


def test_a_hyphen_at_a_wrap_is_kept_in_its_word() -> None:
    # textwrap breaks "well-being" after its hyphen, and "pre- and" at its blank.
    wrapped = HARBOUR.replace("its well-being", "its well-\nbeing").replace(
        "its pre- and", "its pre-\nand"
    )
    assert _harbour(wrapped) == _harbour(HARBOUR)


def test_a_note_in_sup_wrapped_before_its_number_stays_in_its_paragraph() -> None:
    # The Dutch Budapest text prints a translator's note in <sup> after a paragraph;
    # textwrap may put the note's "1)" at a line start after the paragraph's full stop.
    note = (
        "1.  The Contracting Parties shall keep every light burning. <sup> 1)  Note of the"
        " translator: the English text says lamp.  </sup>  "
    )
    one_line = HARBOUR.replace(
        "1.  The Contracting Parties shall keep every harbour light burning from dusk to dawn,"
        " as set out in paragraph 2 of this article, for no fewer than 12 hours.  ",
        note,
    )
    assert one_line != HARBOUR
    wrapped = one_line.replace("burning. <sup> 1)", "burning. <sup>\n1)")
    assert _harbour(wrapped) == _harbour(one_line)
