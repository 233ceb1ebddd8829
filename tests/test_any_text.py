"""Any clause text compares and renders: load -> compare -> render in every output
format, on generated versions of a small treaty whose clause texts hold line breaks and
odd Unicode (combining marks, right-to-left text, astral characters, control
characters), with paragraphs kept, edited, split and merged between the versions.

The input formats are those that carry a clause's text exactly: the treatydiff form
(any string) and Akoma Ntoso (what XML 1.0 can hold). The other importers rebuild clause
texts from layout (one line of text or Markdown is never a clause with a line break), so
they cannot carry such texts; test_fuzz.py feeds them arbitrary input instead.

Everything runs through the command line, as a user runs it: the exit status says
"differences" or "none", never "trouble", and no traceback appears.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from treatydiff.cli import main
from treatydiff.formats import native
from treatydiff.formats.akn import write as akn_write
from treatydiff.model import Clause, Instrument
from treatydiff.render.json import schema

WORDS = (
    "The Parties shall protect the river and report to the Committee each year on the "
    "measures they have taken under this article, within three months of its entry into "
    "force; a State Party may request the Secretary-General to convene a conference"
).split()
# Pieces no treaty should break the tool with.
ODD = (
    "\n", "\n\n", "\r\n", "\t", "  ", "\u2028",  # line and paragraph breaks, tabs
    "e\u0301", "\u0301", "\u0308\u0323",  # combining marks, alone and stacked
    "\u0642\u0627\u0646\u0648\u0646", "\u05e2\u05d1\u05e8\u05d9\u05ea", "\u200f", "\u202e",  # RTL
    "\U0001d57f\U0001d597\U0001d58a", "\U0001f469\u200d\u2696\ufe0f", "\U00020000",  # astral
    "\u00ad", "\u200b", "\ufeff", "\u00a0",  # invisible and no-break
    '"', "'", "<b>", "&amp;", "*", "_", "|", "#", "> ", "1.", "{{ x }}", "[-", "-]", "{+", "+}",
)  # fmt: skip
CONTROL = ("\x00", "\x07", "\x1b", "\x7f", "\x85")
# Every character but lone surrogates (a str that UTF-8 cannot encode).
ANY_CHARACTER = st.characters(exclude_categories=("Cs",))
# Every character XML 1.0 can hold.
XML_CHARACTER = st.characters(
    exclude_categories=("Cs",),
    exclude_characters="".join(map(chr, [*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)]))
    + "\ufffe\uffff",
)


def _text_strategy(
    characters: st.SearchStrategy[str], odd: tuple[str, ...]
) -> st.SearchStrategy[str]:
    """Clause texts: treaty words, odd pieces and random characters, joined by nothing,
    a space or a line break; mostly words, so that versions of a clause still pair."""
    piece = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.sampled_from(WORDS),
        st.sampled_from(odd),
        st.text(characters, min_size=1, max_size=4),
    )
    joined = st.lists(st.tuples(piece, st.sampled_from([" ", " ", " ", "", "\n"])), max_size=30)
    return joined.map(lambda parts: "".join(p + sep for p, sep in parts).rstrip(" "))


@st.composite
def versions(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> tuple[Instrument, Instrument]:
    """Two versions of a treaty of articles with paragraphs: the right side's paragraphs
    come from the left's, kept, edited, split in two, merged with the next or dropped,
    and new ones come in."""
    left_articles: list[list[str]] = []
    right_articles: list[list[str]] = []
    for _ in range(draw(st.integers(1, 3))):
        paragraphs = draw(st.lists(texts, min_size=1, max_size=4))
        left_articles.append(paragraphs)
        out: list[str] = []
        k = 0
        while k < len(paragraphs):
            text = paragraphs[k]
            action = draw(
                st.sampled_from(["keep", "edit", "split", "split", "merge", "merge", "drop", "add"])
            )
            if action == "edit":
                out.append(text + " " + draw(texts))
            elif action == "split":
                # Mostly where a word ends, as clauses split; anywhere now and then.
                ends = [m.end() for m in re.finditer(r"\w\W", text)] or [0]
                cut = draw(st.sampled_from(ends) | st.integers(0, len(text)))
                out += [text[:cut], text[cut:]]
            elif action == "merge" and k + 1 < len(paragraphs):
                out.append(text + draw(st.sampled_from([" ", "\n"])) + paragraphs[k + 1])
                k += 1
            elif action == "add":
                out += [draw(texts), text]
            elif action != "drop":
                out.append(text)
            k += 1
        right_articles.append(out or [draw(texts)])
    return _instrument("left", left_articles), _instrument("right", right_articles)


def _instrument(name: str, articles: list[list[str]]) -> Instrument:
    body = tuple(
        Clause(
            f"art_{a}",
            "article",
            num=str(a),
            children=tuple(
                Clause(f"art_{a}__para_{p}", "paragraph", num=str(p), text=text)
                for p, text in enumerate(paragraphs, start=1)
            ),
        )
        for a, paragraphs in enumerate(articles, start=1)
    )
    return Instrument(name, f"{name.title()} \u05e2\u05d1 e\u0301 \n title", body=body)


INPUTS: dict[str, tuple[Callable[[Instrument], str], st.SearchStrategy[str]]] = {
    "treatydiff": (native.dumps, _text_strategy(ANY_CHARACTER, ODD + CONTROL)),
    "akn": (akn_write.dumps, _text_strategy(XML_CHARACTER, ODD)),
}
VALIDATOR = jsonschema.Draft202012Validator(schema())
OUTPUTS = ("text", "json", "html", "md")


def _run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exit_code in (0, 1), (args, result.output, result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    return result


def _clause_texts(side: dict[str, object]) -> dict[str, str]:
    clauses = side["clauses"]
    assert isinstance(clauses, list)
    return {clause["id"]: clause["text"] for clause in clauses}


def _assert_rebuilt(data: dict[str, object], left: Instrument, right: Instrument) -> None:
    """Every alignment's diff ops rebuild each of its clauses' texts exactly, and those
    are the texts of the instruments written."""
    left_texts = _clause_texts(data["left"])  # type: ignore[arg-type]
    right_texts = _clause_texts(data["right"])  # type: ignore[arg-type]
    assert left_texts == {leaf.clause.eid: leaf.clause.text for leaf in left.leaves}
    assert right_texts == {leaf.clause.eid: leaf.clause.text for leaf in right.leaves}
    alignments = data["alignments"]
    assert isinstance(alignments, list)
    for alignment in alignments:
        several = len(alignment["left"]) > 1 or len(alignment["right"]) > 1
        for side, texts in (("left", left_texts), ("right", right_texts)):
            rebuilt = dict.fromkeys(alignment[side], "")
            for op in alignment["diff"]:
                if several:
                    rebuilt[op[f"{side}_id"]] += op[side]
                elif op[side]:
                    rebuilt[alignment[side][0]] += op[side]
            assert rebuilt == {eid: texts[eid] for eid in alignment[side]}


def _assert_markdown_is_text(markdown: str) -> None:
    """The only HTML in the Markdown is treatydiff's own: ins and del, and the span that
    gives right-to-left text its direction; no text turned into markup (GitHub's table
    and strikethrough extensions on)."""
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    for token in parser.parse(markdown):
        assert token.type != "html_block"
        for child in token.children or ():
            assert child.type not in ("link_open", "image", "code_inline", "s_open", "em_open")
            if child.type == "html_inline":
                assert re.fullmatch(r'</?(ins|del)>|<span dir="auto">|</span>', child.content)


@pytest.mark.parametrize("fmt", sorted(INPUTS))
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_clause_text_compares_and_renders(fmt: str, data: st.DataObject) -> None:
    dumps, texts = INPUTS[fmt]
    left, right = data.draw(versions(texts))
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder) / f"left.{fmt}", Path(folder) / f"right.{fmt}"
        a.write_text(dumps(left), encoding="utf-8", newline="")
        b.write_text(dumps(right), encoding="utf-8", newline="")
        compared = {
            out: _run("compare", str(a), str(b), "--format", out, "--input-format", fmt)
            for out in OUTPUTS
        }
        assert len({result.exit_code for result in compared.values()}) == 1
        report = json.loads(compared["json"].output)
        VALIDATOR.validate(report)
        _assert_rebuilt(report, left, right)
        assert compared["html"].output.rstrip().endswith("</html>")
        _assert_markdown_is_text(compared["md"].output)
        summary = Path(folder) / "summary.md"
        junit = Path(folder) / "junit.xml"
        for out in ("text", "json"):
            _run(
                "check", str(a), str(b), "--fail-on", "any", "--format", out,
                "--input-format", fmt, "--annotations", "github", "--junit", str(junit),
                env={"GITHUB_STEP_SUMMARY": str(summary)},
            )  # fmt: skip
        assert summary.read_text(encoding="utf-8")


def test_a_clause_with_a_line_break_compares_in_every_format(tmp_path: Path) -> None:
    """The reported case: a clause whose own text holds a line break, and a split whose
    pieces hold some too. Each clause keeps its own text; the split's ops name their
    clauses; the HTML report breaks the line only where a clause of the split ends."""
    left = _instrument("left", [["The Parties shall\nprotect the river.\nAnd the lake."]])
    right = _instrument("right", [["The Parties may\nprotect the river.", "And\nthe lake."]])
    a, b = tmp_path / "a.treatydiff", tmp_path / "b.treatydiff"
    a.write_text(native.dumps(left), encoding="utf-8")
    b.write_text(native.dumps(right), encoding="utf-8")
    outputs = {out: _run("compare", str(a), str(b), "--format", out).output for out in OUTPUTS}
    report = json.loads(outputs["json"])
    # The titles differ ("Left ..." / "Right ..."); the body is one split.
    title, split = report["alignments"]
    assert title["left"] == title["right"] == ["docTitle"] and title["status"] == "modified"
    assert (split["left"], split["right"]) == (
        ["art_1__para_1"],
        ["art_1__para_1", "art_1__para_2"],
    )
    assert {op["right_id"] for op in split["diff"]} == {"art_1__para_1", "art_1__para_2"}
    _assert_rebuilt(report, left, right)
    # The split's inline diff (the second one; the first is the title's).
    inlines = re.findall(
        r'<div class="inline" dir="auto"><p>(.*?)</p></div>', outputs["html"], re.DOTALL
    )
    assert len(inlines) == 2
    assert inlines[1].count("<br>") == 1
    assert "[-shall-]{+may+}" in outputs["text"]
    # Word and PDF too (the PDF through Chromium): each writes its file, and the words
    # of both sides are in it.
    import docx
    import pypdfium2 as pdfium

    for out in ("docx", "pdf"):
        _run("compare", str(a), str(b), "--format", out, "-o", str(tmp_path / f"r.{out}"))
    words = " ".join(p.text for p in docx.Document(str(tmp_path / "r.docx")).paragraphs)
    pdf = pdfium.PdfDocument(tmp_path / "r.pdf")
    printed = " ".join(page.get_textpage().get_text_range() for page in pdf)
    for text in (words, printed):
        flat = " ".join(text.split())
        assert "protect the river." in flat and "the lake." in flat, flat
