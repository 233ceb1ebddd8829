"""The word-coverage invariant (issue 10): every word of the source lands in exactly one
compared unit (``Instrument.leaves``: the title, captions, clauses, notes), over every
corpus file and every generated text.

What the importers take out on purpose is accounted for, and nothing else: the words of
structure a clause's kind and number stand for ("Article 3 bis", "PART II", "Annex",
"Preamble"), markup and links of the source format (each format's source words are read
after its own markup is taken out), and, in plain text, the page furniture the reader
records as dropped (``Instrument.guesses``) and the title block's adoption and entry-into-
force lines, which are kept as metadata: the publisher's record of the instrument's
history, not its text, that would otherwise be compared with the other side's differently
worded record. Words are compared as multisets of their letters and digits, so that a
word hyphenated at a line end counts the same as the word joined.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pytest
from conftest import USER_PREAMBLE, corpus_root
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.perturb import retypeset_text

import treatydiff
from treatydiff import lang
from treatydiff.formats import laws_markdown, parse
from treatydiff.formats import markdown as generic_markdown
from treatydiff.formats.reading import decode
from treatydiff.model import Instrument

_TOKEN = re.compile(r"\w+")
_STRUCTURE = {
    token.casefold()
    for language in lang.every()
    for word in (
        *language.article_words,
        *language.container_words,
        *language.preamble_words,
        *language.attachment_words,
    )
    for token in _TOKEN.findall(word)
}
# Kinds whose number the segmenter counts and the source does not print.
_POSITIONAL = frozenset({"recital", "formula", "testimonium"})
_NUMBERED = frozenset({"article", "paragraph", "point", "part", "chapter", "section", "title",
                       "subsection", "attachment"})  # fmt: skip


# A structure word glued to the next ("PreambuleDe Staten"): two tokens.
_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


# A word with its hyphens: a compound, or a word hyphenated at a line end, is one word
# ("part-nership" is no "part"), also with an optional hyphen ("sub-\u00adparagraph",
# normalize.OPTIONAL_HYPHEN).
_WORD = re.compile(r"\w+(?:(?:-\u00ad|[-\u00ad])\w+)*")


def _letters(texts: Iterable[str]) -> Counter[str]:
    return Counter(
        char
        for text in texts
        for token in _WORD.findall(_GLUED.sub(" ", text))
        if token.casefold() not in _STRUCTURE
        for char in token.casefold()
        if char.isalnum()
    )


def _accounted(instrument: Instrument) -> list[str]:
    """The texts of every compared unit, the printed numbers of clauses, note markers."""
    texts = [leaf.clause.text for leaf in instrument.leaves]
    for clause in instrument.walk():
        # A container printed without a title has its heading line ("PART I") as its
        # heading unit: its number is read there.
        designation = clause.heading and clause.heading.split()[-1] == clause.num
        if clause.kind in _NUMBERED and clause.num and not designation:
            texts.append(clause.num)
        texts += [note.marker for note in clause.notes]
    return texts


def _assert_covered(source: Iterable[str], instrument: Instrument) -> None:
    lost = _letters(source) - _letters(_accounted(instrument))
    invented = _letters(_accounted(instrument)) - _letters(source)
    assert not lost and not invented, (lost, invented)


def _plain_text_source(text: str, instrument: Instrument) -> list[str]:
    """The letters of a plain text, less what the reader keeps out of the clauses on
    purpose: dropped page furniture. (The adoption and entry-into-force lines are the
    preface's clauses, compared like the rest.)"""
    dropped = Counter(g.text for g in instrument.guesses if g.kind == "header dropped")
    # A note's first line starts with its mark, which the clause's note holds once.
    note_lines = {g.line for g in instrument.guesses if g.kind == "note"}
    kept: list[str] = []
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.replace("\f", "").strip()
        if dropped[line]:
            dropped[line] -= 1
            continue
        kept.append(line.split(" ", 1)[-1] if number in note_lines else line)
    # A word hyphenated at a line end is one word ("part-" / "nership" is no "part"), also
    # across a page break, whose blank lines stay where its header and number were dropped.
    source = _letters(re.split(r"\n", re.sub(r"[-\u00ad]\n+", "", "\n".join(kept))))
    return [char for char, n in source.items() for _ in range(max(n, 0))]


# -- the corpus --------------------------------------------------------------------------


def _markdown_files() -> list[Path]:
    return sorted((corpus_root() / "laws-markdown").glob("*/*.md"))


@pytest.mark.parametrize("path", _markdown_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("code", ["en", "nl"])
def test_every_laws_markdown_instrument_covers_its_text(path: Path, code: str) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        sections = laws_markdown._chosen(text, code)
    except treatydiff.FormatError:
        return  # no text in that language in this file
    for number, section in enumerate(sections, start=1):
        instrument = parse(text, fmt="laws-markdown", lang=code, part=number)
        source = [*section.title, *(line.text for line in section.lines)]
        _assert_covered(source, instrument)


def test_every_json_export_covers_its_text() -> None:
    for path in sorted((corpus_root() / "lszoszk-generalcomments").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        source = [str(data.get("name_full") or data.get("abbr") or "")]
        for article in data["articles"]:
            source.append(str(article["number"]))
            source += [str(p.get("num") or "") for p in article["paragraphs"] if p.get("text")]
            source += [html.unescape(str(p.get("text") or "")) for p in article["paragraphs"]]
        _assert_covered(source, treatydiff.load(path))


def test_the_markdown_file_covers_its_text() -> None:
    path = corpus_root() / "raisely-noharm" / "CRC.md"
    text = path.read_text(encoding="utf-8")
    tokens = generic_markdown._parser().parse(generic_markdown._GLUED_HEADING.sub(r"\1 ", text))
    source = [line.text for _, lines in generic_markdown._read(tokens) for line in lines]
    _assert_covered(source, treatydiff.load(path))


@pytest.mark.parametrize(
    "path",
    [USER_PREAMBLE, *sorted(Path(__file__).parent.glob("data/public-reports/*/*.txt"))],
    ids=lambda p: p.parent.name if p.parent.name != "examples" else p.name,
)
def test_every_plain_text_covers_its_text(path: Path) -> None:
    instrument = treatydiff.load(path)
    text = decode(path.read_bytes(), source=str(path))
    _assert_covered(_plain_text_source(text, instrument), instrument)


# -- generated texts ---------------------------------------------------------------------

GENERATED_FROM = [
    "laws-markdown/opsc/2012-10-31.md",
    "laws-markdown/cat/2013-04-15.md",
    "laws-markdown/hcch-1996-protection/2011-09-27.md",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(GENERATED_FROM), seed=st.integers(0, 10_000))
def test_every_generated_plain_text_covers_its_text(source: str, seed: int) -> None:
    """Corpus instruments printed in the UN layout and damaged as a PDF extraction does
    (wrapping, hyphens, headers, footers, page numbers, ligatures, curly quotes)."""
    instrument = treatydiff.load(corpus_root() / source)
    text = retypeset_text(instrument, seed)
    read = parse(text, fmt="un-text")
    _assert_covered(_plain_text_source(text, read), read)


_LINES = st.sampled_from(
    [
        "Article 3 bis",
        "Article A",
        "PART II",
        "Annex",
        "Appendix I",
        "Preamble",
        "Scope and definitions",
        "The States Parties to the present Convention,",
        "Recalling its earlier decisions,",
        "Have agreed as follows:",
        "1. Each State Party shall act.",
        "2 bis. Each State Party shall report",
        "(a) in writing;",
        "(i) annually; and",
        "- by electronic means;",
        "within 1000 days of the request.",
        "DONE at Geneva this first day of June.",
        "IN WITNESS WHEREOF the undersigned have signed.",
        "1000. The Parties shall cooperate.",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINES, min_size=1, max_size=25), st.booleans())
def test_every_generated_line_sequence_covers_its_text(lines: list[str], blank: bool) -> None:
    text = "Convention on Coverage\n" + ("\n\n" if blank else "\n").join(lines) + "\n"
    try:
        read = parse(text, fmt="un-text")
    except treatydiff.FormatError:
        return  # no clause at all: nothing to cover
    _assert_covered(_plain_text_source(text, read), read)


@pytest.mark.parametrize("name", ["BWBV0005393", "BWBV0004027", "BWBV0001026"])
def test_editorial_notes_of_the_mirror_cover_their_words(name: str) -> None:
    """Issue 17: the Dutch editorial lines of the laws-markdown mirror ("Treedt in
    werking ...", "Wijzigt ...") become notes, and every word still lands in one unit."""
    path = corpus_root().parent / "corpus-scale" / "laws-markdown-all" / f"{name}.md"
    text = path.read_text(encoding="utf-8")
    (section,) = laws_markdown._chosen(text, "en")
    _assert_covered([*section.title, *(ln.text for ln in section.lines)], treatydiff.load(path))
