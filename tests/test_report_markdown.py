"""The Markdown report: escaped instrument text, valid CommonMark (parsed with
markdown-it-py, GitHub's table and strikethrough extensions on), truncation under 1 MiB."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from report_samples import HOSTILE_TEXTS, SAMPLE, hostile_pair

from treatydiff.cli import main
from treatydiff.engine.compare import compare
from treatydiff.engine.comparison import Alignment, Comparison, DiffOp
from treatydiff.formats import load_file
from treatydiff.model import Clause, Instrument
from treatydiff.render import render_comparison
from treatydiff.render.markdown import MD_LIMIT, comparison_markdown
from treatydiff.render.mdtext import escape, table_cell
from treatydiff.report.comparison import build_report

ALLOWED_HTML = {"<ins>", "</ins>", "<del>", "</del>"}


def _gfm() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def _inline_text(tokens: list[Token]) -> str:
    out: list[str] = []
    for token in tokens:
        for child in token.children or ():
            if child.type in ("text", "text_special"):
                out.append(child.content)
            elif child.type == "softbreak":
                out.append(" ")
    return "".join(out)


def _assert_inert(markdown: str) -> list[Token]:
    """Parse; the only markup of inline HTML is <ins> and <del>; no link, image, code,
    HTML block or emphasis other than the report's own bold labels."""
    tokens = _gfm().parse(markdown)
    for token in tokens:
        assert token.type not in ("html_block", "code_block", "fence"), token
        for child in token.children or ():
            assert child.type not in ("link_open", "image", "code_inline", "s_open", "em_open")
            if child.type == "html_inline":
                assert child.content in ALLOWED_HTML, child.content
    return tokens


# --- escaping ----------------------------------------------------------------------------

_ALPHABET = st.sampled_from(
    list("abc XYZ 019")
    + list("\\`*_{}[]()<>#+-.!|~&;:$=/\"'@%^")
    + ["&amp;", "&#60;", "\n", "\r", "\r\n"]
)


@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_escaped_text_renders_as_itself(text: str) -> None:
    tokens = _gfm().parse(escape(text))
    types = {t.type for t in tokens}
    assert types <= {"paragraph_open", "inline", "paragraph_close"}, (text, tokens)
    for token in tokens:
        for child in token.children or ():
            assert child.type in ("text", "text_special", "softbreak"), (text, child)
    # Markdown trims line ends and starts; everything else shows exactly
    assert " ".join(_inline_text(tokens).split()) == " ".join(text.split())


@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_escaped_cell_stays_in_its_cell(text: str) -> None:
    markdown = f"| a | b |\n| --- | --- |\n| {table_cell(text)} | z |\n"
    tokens = _gfm().parse(markdown)
    cells = [t for t in tokens if t.type == "inline"]
    assert len(cells) == 4
    assert " ".join(_inline_text([cells[2]]).split()) == " ".join(text.split())
    assert _inline_text([cells[3]]) == "z"


def test_escaping_keeps_treaty_text_readable() -> None:
    text = "article 3 (1) (a), paragraph 2. The Parties - as agreed - shall act!"
    assert escape(text) == text
    assert escape("1. The States Parties") == "1\\. The States Parties"
    assert escape("Women & Children &amp;") == "Women & Children \\&amp;"
    assert escape("a *b* <c>") == "a \\*b\\* \\<c\\>"
    # a carriage return ends a line too: what follows it is at a line start
    assert escape("the Parties;\r# 2. Each\r\n- Party") == "the Parties;\n\\# 2. Each\n\\- Party"


# --- the report ---------------------------------------------------------------------------


def test_sample_report_structure() -> None:
    markdown = render_comparison(SAMPLE, "md")
    tokens = _assert_inert(markdown)
    headings = [
        (tokens[n].tag, tokens[n + 1].content)
        for n, t in enumerate(tokens)
        if t.type == "heading_open"
    ]
    assert headings == [
        ("h1", "Accord on the Shared River (draft) compared with Accord on the Shared River"),
        ("h2", "title"),
        ("h2", "article 1: Purpose"),
        ("h2", "article 2: Boats"),
        ("h2", "article 3: Meetings \u2194 article 3: Meetings of the Parties"),
    ]
    assert sum(t.type == "table_open" for t in tokens) == 2
    # one quoted redline per changed clause
    assert sum(t.type == "blockquote_open" for t in tokens) == len(
        build_report(SAMPLE).changed_rows
    )
    assert "<del>should</del> <ins>shall</ins>" in markdown
    assert "**article 1, paragraph 3** → article 1, paragraph 3 + article 1, paragraph 4" in (
        markdown
    )


def test_split_clauses_are_separate_paragraphs() -> None:
    markdown = render_comparison(SAMPLE, "md")
    assert (
        "> Fishing is allowed in spring <del>and in</del><ins>.</ins>\n"
        ">\n"
        "> <ins>Fishing is allowed in</ins> autumn.\n"
    ) in markdown


def test_hostile_text_is_inert_in_markdown() -> None:
    markdown = render_comparison(hostile_pair(), "md")
    tokens = _assert_inert(markdown)
    shown = _inline_text(tokens)
    for text in HOSTILE_TEXTS:
        assert " ".join(text.split()) in shown
    assert '<b onclick="alert(7)">Hostile</b>' in shown


def _big_comparison(clauses: int, words: int) -> Comparison:
    """Many articles, each changed: a report far over the limit."""
    body: list[Clause] = []
    alignments: list[Alignment] = []
    for n in range(1, clauses + 1):
        text = " ".join(f"word{n}x{k}" for k in range(words))
        body.append(Clause(f"art_{n}", "article", num=str(n), text=text))
        alignments.append(
            Alignment(
                (f"art_{n}",),
                (f"art_{n}",),
                "modified",
                similarity=0.5,
                tags=("wording",),
                diff=(DiffOp("delete", text, ""), DiffOp("insert", "", text.upper())),
            )
        )
    left = Instrument(id="big-left", title="Big", body=tuple(body))
    right = Instrument(
        id="big-right",
        title="Big",
        body=tuple(replace(c, text=c.text.upper()) for c in body),
    )
    return Comparison(left=left, right=right, alignments=tuple(alignments))


def test_long_report_truncates_under_the_limit_with_a_note() -> None:
    comparison = _big_comparison(2000, 60)  # about 2 x 1.6 MiB of clause text
    report = build_report(comparison)
    markdown = comparison_markdown(report)
    size = len(markdown.encode("utf-8"))
    assert MD_LIMIT - 50_000 < size < MD_LIMIT
    tokens = _assert_inert(markdown)
    kept = sum(t.type == "heading_open" and t.tag == "h2" for t in tokens)
    assert 0 < kept < 2000
    assert markdown.rstrip().endswith("The HTML or JSON report has every clause.")
    assert (
        f"Left out to keep this report under {MD_LIMIT} bytes: {2000 - kept} more sections "
        f"with {2000 - kept} changed clauses."
    ) in markdown
    # the cut falls between sections, never inside one (the legend has one <del> more)
    assert markdown.count("<del>") - 1 == markdown.count("</del>") - 1 == kept


def test_a_small_limit_keeps_the_summary() -> None:
    markdown = comparison_markdown(build_report(SAMPLE), limit=3000)
    _assert_inert(markdown)
    assert "| status | clauses |" in markdown
    assert "Left out to keep this report under 3000 bytes: 4 more sections with 9 changed" in (
        markdown
    )


def test_report_without_changes_says_so(tmp_path: Path) -> None:
    preamble = EXAMPLES / "opsc-preamble-ohchr.txt"
    target = tmp_path / "same.md"
    result = CliRunner().invoke(
        main, ["compare", str(preamble), str(preamble), "--format", "md", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    markdown = target.read_text()
    _assert_inert(markdown)
    assert "No clause changed." in markdown
    assert "## " not in markdown


# --- real data ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("laws-markdown/opsc/2012-10-31.md", "laws-markdown/opac/2013-09-12.md"),
        ("laws-markdown/opsc/2012-10-31.md", "lszoszk-generalcomments/crc-opsc.json"),
        ("laws-markdown/crc/2013-04-15.md", "raisely-noharm/CRC.md"),
    ],
)
def test_real_reports_parse_and_hold_every_change(corpus: Path, left: str, right: str) -> None:
    comparison = compare(load_file(corpus / left), load_file(corpus / right))
    report = build_report(comparison)
    markdown = comparison_markdown(report)
    assert len(markdown.encode("utf-8")) < MD_LIMIT
    assert "Left out" not in markdown
    tokens = _assert_inert(markdown)
    assert sum(t.type == "blockquote_open" for t in tokens) == len(report.changed_rows)
    assert markdown == comparison_markdown(build_report(compare(
        load_file(corpus / left), load_file(corpus / right)
    )))  # fmt: skip


def _readings(tokens: list[Token]) -> list[tuple[str, str]]:
    """For each block quote (one changed clause), its text without the inserted words
    (the left side's reading) and without the deleted words (the right side's)."""
    quotes: list[tuple[str, str]] = []
    depth = 0
    for token in tokens:
        if token.type == "blockquote_open":
            depth += 1
            quotes.append(("", ""))
        elif token.type == "blockquote_close":
            depth -= 1
        elif depth and token.type == "paragraph_open" and quotes[-1] != ("", ""):
            quotes[-1] = (quotes[-1][0] + " ", quotes[-1][1] + " ")
        elif depth and token.type == "inline":
            inside: str | None = None
            for child in token.children or ():
                if child.type == "html_inline":
                    tag = child.content.strip("</>")
                    inside = None if child.content.startswith("</") else tag
                    continue
                text = child.content if child.type != "softbreak" else " "
                left, right = quotes[-1]
                quotes[-1] = (
                    left + (text if inside != "ins" else ""),
                    right + (text if inside != "del" else ""),
                )
    return quotes


def test_words_next_to_a_change_keep_their_spaces(corpus: Path) -> None:
    """Read without its insertions, each quoted redline has the left clause's words,
    none glued to a deleted one ("any State <del>that</del>", never "State<del>that");
    read without its deletions, the right clause's words."""
    opsc = corpus / "laws-markdown/opsc/2012-10-31.md"
    opac = corpus / "laws-markdown/opac/2013-09-12.md"
    report = build_report(compare(load_file(opsc), load_file(opac)))
    readings = _readings(_gfm().parse(comparison_markdown(report)))
    assert len(readings) == len(report.changed_rows)
    for row, (left, right) in zip(report.changed_rows, readings, strict=True):
        assert left.split() == " ".join(cell.text for cell in row.left).split(), row.label
        # the left side's space before a deletion may stand before the right's full stop
        squeezed = re.sub(r"\s+(?=[.,;:])", "", right)
        assert squeezed.split() == " ".join(cell.text for cell in row.right).split()
    accession = next(left for left, _ in readings if "open to accession by any State" in left)
    assert "any State that is a party to the Convention" in accession
