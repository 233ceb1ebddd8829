"""The treatydiff form: lossless, deterministic, readable, strict about what it reads.

The hypothesis strategies for whole instruments live here; test_akn.py uses them too.
"""

from __future__ import annotations

from dataclasses import fields, replace
from itertools import count
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.errors import FormatError, InputError
from treatydiff.formats import load_file, native
from treatydiff.formats import parse as import_text
from treatydiff.formats.detect import detect_format
from treatydiff.model import Clause, Instrument, Metadata, Note

# Strings a lawyer's text can hold, and worse.
ODD_TEXTS = (
    "<script>alert('x')</script>",
    'He said "no" & left',
    '"Sale of children" means',
    "  leading and trailing  ",
    "",
    "emoji 👩‍⚖️ and 🇺🇳",
    "قانون حقوق الطفل",  # Arabic, right to left
    "עברית \u200f mixed RTL mark",
    "line\nbreak\r\nand\ttab",
    "soft\u00adhyphen, no\u00a0break, zero\u200bwidth",
    "]]> --> <!-- &amp; &#13;",
    "num: 3\n- fake clause line",
    "\\u0041 backslash",
)
KINDS = (
    "preamble", "formula", "recital", "part", "chapter", "section", "title", "subsection",
    "article", "paragraph", "point", "indent", "intro", "wrapup", "conclusions",
    "testimonium", "list", "hcontainer", "",
)  # fmt: skip


def texts(alphabet: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.text(alphabet, max_size=40), st.sampled_from(ODD_TEXTS))


def clause_trees(strings: st.SearchStrategy[str]) -> st.SearchStrategy[Clause]:
    def node(children: st.SearchStrategy[tuple[Clause, ...]]) -> st.SearchStrategy[Clause]:
        return st.builds(
            Clause,
            eid=strings,
            kind=st.one_of(st.sampled_from(KINDS), strings),
            num=st.none() | strings,
            heading=st.none() | strings,
            text=strings,
            line=st.none() | st.integers(-3, 10**7),
            children=children,
            notes=st.lists(
                st.builds(
                    Note, marker=strings, text=strings, line=st.none() | st.integers(-3, 10**7)
                ),
                max_size=2,
            ).map(tuple),
        )

    return st.recursive(
        node(st.just(())),
        lambda inner: node(st.lists(inner, max_size=4).map(tuple)),
        max_leaves=14,
    )


def instruments(
    strings: st.SearchStrategy[str], *, min_clauses: int = 0
) -> st.SearchStrategy[Instrument]:
    """Any instrument: arbitrary trees, kinds and strings."""
    # A caveat is one line of text (Metadata.caveats); every other fact a string or None.
    caveat = strings.filter(lambda text: bool(text) and "\n" not in text)
    facts: dict[str, st.SearchStrategy[object]] = {
        f.name: st.none() | strings for f in fields(Metadata) if f.name != "caveats"
    }
    metadata = st.builds(Metadata, caveats=st.lists(caveat, max_size=3).map(tuple), **facts)
    return st.builds(
        Instrument,
        id=strings,
        title=strings,
        metadata=metadata,
        body=st.lists(clause_trees(strings), min_size=min_clauses, max_size=4).map(tuple),
    )


def _leaf(kind: str, eid: str, text: str, num: str | None = None, line: int = 1) -> Clause:
    return Clause(eid=eid, kind=kind, num=num, text=text, line=line)


@st.composite
def treaties(draw: st.DrawFn, strings: st.SearchStrategy[str]) -> Instrument:
    """Instruments shaped like treaties: preamble, containers, articles with paragraphs,
    points with chapeau and closing words, final formulas. eIds are unique."""
    line = count(1)
    text = st.one_of(strings, st.sampled_from(ODD_TEXTS))
    preamble = Clause(
        "preamble",
        "preamble",
        heading=draw(st.none() | text),
        line=next(line),
        children=(
            _leaf("formula", "preamble__formula_1", draw(text), "1", next(line)),
            *(
                _leaf("recital", f"preamble__p_{n}", draw(text), str(n), next(line))
                for n in range(1, draw(st.integers(0, 3)) + 1)
            ),
            _leaf("formula", "preamble__formula_2", draw(text), "2", next(line)),
        ),
    )
    articles: list[Clause] = []
    for a in range(1, draw(st.integers(1, 4)) + 1):
        shape = draw(st.sampled_from(["text", "paragraphs", "points", "indents"]))
        eid = f"art_{a}"
        heading = draw(st.none() | text)
        if shape == "text":
            articles.append(Clause(eid, "article", str(a), heading, draw(text), next(line)))
            continue
        if shape == "paragraphs":
            children = tuple(
                _leaf("paragraph", f"{eid}__para_{p}", draw(text), str(p), next(line))
                for p in range(1, draw(st.integers(1, 3)) + 1)
            )
        else:
            item = "point" if shape == "points" else "indent"
            items = tuple(
                _leaf(item, f"{eid}__{item}_{n}", draw(text), draw(st.none() | text), next(line))
                for n in range(1, draw(st.integers(1, 3)) + 1)
            )
            children = (
                _leaf("intro", f"{eid}__intro", draw(text), line=next(line)),
                *items,
                *([_leaf("wrapup", f"{eid}__wrapup", draw(text), line=next(line))]
                  if draw(st.booleans()) else []),
            )  # fmt: skip
        articles.append(Clause(eid, "article", str(a), heading, "", next(line), children))
    container = draw(st.sampled_from(["part", "chapter", "section", "title", "subsection"]))
    body = (Clause(f"{container}_I", container, "I", draw(text), "", next(line), tuple(articles)),)
    conclusions = Clause(
        "conclusions",
        "conclusions",
        line=next(line),
        children=(_leaf("testimonium", "conclusions__p_1", draw(text), "1", next(line)),),
    )
    return Instrument(
        id=draw(text),
        title=draw(text),
        metadata=Metadata(adopted="2000-05-25", version="ohchr", language="en"),
        body=(preamble, *body, conclusions),
    )


ANY_CHARACTER = st.characters(exclude_categories=())  # lone surrogates included


@settings(max_examples=200, deadline=None)
@given(instruments(texts(ANY_CHARACTER)))
def test_any_instrument_survives_the_round_trip(instrument: Instrument) -> None:
    text = native.dumps(instrument)
    assert native.loads(text) == instrument
    assert native.dumps(native.loads(text)) == text


@settings(max_examples=60, deadline=None)
@given(treaties(texts(ANY_CHARACTER)))
def test_treaty_shaped_instruments_survive_the_round_trip(instrument: Instrument) -> None:
    assert native.loads(native.dumps(instrument)) == instrument


@settings(max_examples=100, deadline=None)
@given(instruments(texts(ANY_CHARACTER)))
def test_every_line_is_one_printable_line(instrument: Instrument) -> None:
    """Diffable and safe in any editor: no control or invisible characters, no line
    separators inside a value, no trailing whitespace."""
    text = native.dumps(instrument)
    assert text.endswith("\n")
    for line in text.split("\n"):
        assert line.isprintable()
        assert line == line.rstrip()


def test_the_format_reads_as_documented() -> None:
    instrument = Instrument(
        id="opsc@ohchr",
        title="Optional Protocol",
        metadata=Metadata(adopted="2000-05-25", language="en"),
        body=(
            Clause(
                "preamble",
                "preamble",
                heading="Preamble",
                line=7,
                children=(
                    Clause("preamble__formula_1", "formula", "1", text="The States,", line=7),
                ),
            ),
            Clause("art_1", "article", "1", text='"Sale" means', line=12),
            Clause("art_3bis", "article", "3 bis", heading="", text="x", line=None),
        ),
    )
    assert native.dumps(instrument) == (
        "%treatydiff-instrument 1\n"
        "id: opsc@ohchr\n"
        "title: Optional Protocol\n"
        "adopted: 2000-05-25\n"
        "language: en\n"
        "\n"
        "- preamble preamble\n"
        "  heading: Preamble\n"
        "  line: 7\n"
        "  - formula preamble__formula_1\n"
        "    num: 1\n"
        "    line: 7\n"
        "    text: The States,\n"
        "\n"
        "- article art_1\n"
        "  num: 1\n"
        "  line: 12\n"
        '  text: "\\"Sale\\" means"\n'
        "\n"
        "- article art_3bis\n"
        "  num: 3 bis\n"
        '  heading: ""\n'
        "  text: x\n"
    )


def test_odd_values_are_quoted_and_plain_ones_are_not() -> None:
    clause = Clause("a b", "", num="", heading="x\u00a0y", text=" padded ")
    text = native.dumps(Instrument(id="", title="t", body=(clause,)))
    assert '- "" "a\\u0020b"\n' in text
    assert 'num: ""\n' in text
    assert 'heading: "x\\u00a0y"\n' in text
    assert 'text: " padded "\n' in text
    assert 'id: ""\n' in text
    assert "title: t\n" in text


def test_dumps_is_deterministic_and_tracks_the_instrument(corpus: Path) -> None:
    path = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    first, second = load_file(path), load_file(path)
    assert native.dumps(first) == native.dumps(second)
    changed = replace(first, body=first.body[:-1])
    assert native.dumps(changed) != native.dumps(first)


def test_detected_and_imported_through_the_importers(corpus: Path) -> None:
    original = load_file(corpus / "laws-markdown" / "opac" / "2013-09-12.md")
    text = native.dumps(original)
    assert detect_format(text) == "treatydiff"
    assert detect_format("\n\n" + text) == "treatydiff"
    imported = import_text(text)
    assert imported == original.with_metadata(format="treatydiff")


def test_a_changed_word_changes_one_line(corpus: Path) -> None:
    original = load_file(corpus / "laws-markdown" / "opsc" / "2012-10-31.md")
    leaf = original.leaves[20].clause
    edited_leaf = replace(leaf, text=leaf.text.replace(" ", " very ", 1))

    def swap(clause: Clause) -> Clause:
        if clause is leaf:
            return edited_leaf
        return replace(clause, children=tuple(swap(c) for c in clause.children))

    edited = replace(original, body=tuple(swap(c) for c in original.body))
    before = native.dumps(original).split("\n")
    after = native.dumps(edited).split("\n")
    assert len(before) == len(after)
    assert sum(a != b for a, b in zip(before, after, strict=True)) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "not a treatydiff file"),
        ("<akomaNtoso/>", "not a treatydiff file"),
        ("%treatydiff-instrument 2\nid: a\ntitle: b\n", "unsupported treatydiff format version"),
        ("%treatydiff-instrument 1\nid: a\n", "no title line"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\ntitle: c\n", "'title' given twice"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\ncolour: red\n", "unknown field 'colour'"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\n- article\n", "a clause line is"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\n- a x\n    - b y\n", "indented by a wrong"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\n- a x\n  text: t\n  num: 1\n", "order"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\n- a x\n  line: 7a\n", "not a whole number"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\n- a x\n  hue: 1\n", "unknown clause field"),
        ("%treatydiff-instrument 1\nid: a\ntitle: b\n- a x\n  - b y\n  text: t\n", "after the"),
        ('%treatydiff-instrument 1\nid: "a\ntitle: b\n', "badly quoted value"),
        ("%treatydiff-instrument 1\nid: 3\ntitle: [1]\n- a x\n  text: [1]\n", None),
        ('%treatydiff-instrument 1\nid: a\ntitle: "[1]" x\n', "badly quoted value"),
    ],
)
def test_malformed_text_is_one_clear_format_error(text: str, message: str | None) -> None:
    if message is None:  # bare values are taken as they are, even when they look like JSON
        instrument = native.loads(text)
        assert (instrument.id, instrument.title, instrument.body[0].text) == ("3", "[1]", "[1]")
        return
    with pytest.raises(FormatError, match=message) as caught:
        native.loads(text)
    assert "\n" not in str(caught.value)


def test_nesting_is_bounded() -> None:
    lines = ["%treatydiff-instrument 1", "id: a", "title: b"]
    lines += [f"{'  ' * depth}- point p{depth}" for depth in range(native.MAX_DEPTH + 5)]
    with pytest.raises(FormatError, match="nested deeper"):
        native.loads("\n".join(lines))


def test_a_second_part_is_refused() -> None:
    text = native.dumps(Instrument(id="a", title="b", body=(Clause("art_1", "article"),)))
    with pytest.raises(FormatError, match="no part 2"):
        native.parse(text, lang="en", part=2)


EMPTY_CORPUS_FILE = "laws-markdown/coe-adoption-revised-2008/2008-11-27.md"


def corpus_instruments(corpus: Path) -> list[tuple[str, Instrument]]:
    """Every instrument the corpus files hold: each file's, its Dutch text and its appended
    instrument where it has them. The one empty file must be refused."""
    out: list[tuple[str, Instrument]] = []
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".md", ".json", ".txt") or path.name == "SOURCE.md":
            continue
        name = path.relative_to(corpus).as_posix()
        if name == EMPTY_CORPUS_FILE:
            with pytest.raises(InputError, match="empty"):
                load_file(path)
            continue
        out.append((name, load_file(path)))
        if "laws-markdown" in path.parts:
            out.append((f"{name} --lang nl", load_file(path, lang="nl")))
            if path.parent.name in ("iccpr", "ilo-c138"):
                out.append((f"{name}#2", load_file(path, part=2)))
    return out


def test_every_corpus_instrument_survives_the_round_trip(corpus: Path) -> None:
    instruments = corpus_instruments(corpus)
    assert len(instruments) >= 86  # 46 files, 36 Dutch texts, 4 appended instruments
    for name, instrument in instruments:
        text = native.dumps(instrument)
        assert native.loads(text) == instrument, name
        assert native.dumps(native.loads(text)) == text, name
