"""The command-line interface: a thin layer over the library.

Exit codes follow diff(1): 0 no differences, 1 differences or a failed check, 2 trouble.
Trouble is always one line on stderr: a ``TreatydiffError`` (the input, the options or the
environment) as ``treatydiff: error: ...``, any other exception (a bug) as ``treatydiff:
internal error: ...``. The traceback shows only with ``--debug`` or ``TREATYDIFF_DEBUG=1``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar, cast

import click

from treatydiff import __version__
from treatydiff.errors import TreatydiffError
from treatydiff.lang import LANGUAGES

if TYPE_CHECKING:
    from treatydiff.engine.comparison import Comparison
    from treatydiff.formats.options import ReadOptions, Revisions
    from treatydiff.model import Instrument
    from treatydiff.render.docx import DocxLayout
    from treatydiff.report.sides import SideLabels
    from treatydiff.segment.labels import LabelStyle

EXIT_TROUBLE = 2
# New objects between two passes of the cyclic garbage collector while a command runs
# (Python's default: 700). A command makes few reference cycles: at the default pace, a
# compare of two conventions made about 60 passes over the objects of its imports and of
# the instruments read, which found next to nothing; at this pace it makes none, and a
# long run (a synopsis, a site) still collects.
GC_THRESHOLD = 100_000
# 128 + SIGINT, as shells report a command stopped with Ctrl-C.
EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """The command group, and the one place where failures become exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort):
            raise  # explicit exits and Ctrl-C at a prompt: click reports them
        except click.UsageError as exc:
            _fail(ctx, _usage_line(exc, ctx.command_path))
        except click.ClickException as exc:
            _fail(ctx, f"error: {exc.format_message()}", exit_code=exc.exit_code)
        except BrokenPipeError:
            sys.exit(EXIT_TROUBLE)  # the reader went away: nothing left to tell it
        except KeyboardInterrupt:
            _fail(ctx, "interrupted", exit_code=EXIT_INTERRUPTED)
        except TreatydiffError as exc:
            _fail(ctx, f"error: {exc}")
        except Exception as exc:
            _fail(
                ctx,
                f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)",
            )

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        # The group's own options are parsed here, before invoke: same one line.
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            _say(_usage_line(exc, info_name or "treatydiff"))
            sys.exit(EXIT_TROUBLE)


def _usage_line(exc: click.UsageError, command_path: str) -> str:
    """A usage error as one line, in place of click's usage block, naming the help to read."""
    command = exc.ctx.command_path if exc.ctx else command_path
    return f"error: {exc.format_message()} (see '{command} --help')"


def _warn_structure(
    ref: str,
    instrument: Instrument,
    *,
    lang: str,
    fmt: str | None,
    options: ReadOptions | None = None,
) -> None:
    """Say on stderr when REF was read with no treaty structure (a text in another
    language than --lang, or no treaty): the report is still printed."""
    from treatydiff.catalogue import refs

    warning = refs.structure_warning(ref, instrument, lang=lang, fmt=fmt, options=options)
    if warning is not None:
        _say(f"warning: {warning}")


def _fail(ctx: click.Context, message: str, *, exit_code: int = EXIT_TROUBLE) -> NoReturn:
    """Report the exception being handled in one line (after its traceback with --debug);
    the line is a ``normalize.log_line``: a message may quote an input."""
    if ctx.params.get("debug"):
        import traceback

        traceback.print_exc()
    _say(message)
    sys.exit(exit_code)


def _say(message: str) -> None:
    """One line on stderr, ``treatydiff: `` first, safe for a terminal and a CI log."""
    from treatydiff.normalize import log_line

    click.echo("treatydiff: " + log_line(message), err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="treatydiff")
@click.option(
    "--debug",
    is_flag=True,
    envvar="TREATYDIFF_DEBUG",
    help="On trouble, also print the Python traceback (environment: TREATYDIFF_DEBUG=1).",
)
def main(debug: bool) -> None:
    """Compare treaty texts clause by clause.

    REF names an instrument: a catalogue id (`opsc`, its default version), an id at a
    version (`opsc@2005-09-23`, `opsc@ohchr`), a file path (`FILE#2` selects the second
    instrument of a file that holds two), or `-` for standard input.
    """
    previous = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *previous[1:])
    # Set back when the command ends, for a caller that runs it in its own process.
    click.get_current_context().call_on_close(lambda: gc.set_threshold(*previous))


class _InputFormat(click.Choice[str]):
    """``auto`` or an import format of the registry (``formats.FORMATS``), read when the
    option is parsed or its help shown: the CLI's start-up imports no stage."""

    def __init__(self) -> None:
        super().__init__(())

    @property
    def choices(self) -> tuple[str, ...]:
        from treatydiff.formats import FORMATS

        return ("auto", *FORMATS)

    @choices.setter
    def choices(self, _: object) -> None:
        pass  # click.Choice.__init__ sets its choices; these come from the registry


_FORMAT_CHOICE = _InputFormat()

input_format_option = click.option(
    "--input-format",
    type=_FORMAT_CHOICE,
    default="auto",
    show_default=True,
    help="Force the input format instead of detecting it from the content.",
)
lang_option = click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the text to read from a bilingual source.",
)
docx_revisions_option = click.option(
    "--docx-revisions",
    type=click.Choice(["accepted", "original"]),
    default="accepted",
    show_default=True,
    help="Which text of a Word file with tracked changes to read: with every change "
    "accepted, or the original before them.",
)
encoding_option = click.option(
    "--encoding",
    default=None,
    metavar="NAME",
    help="Text encoding of text and HTML inputs (utf-8, cp1252, latin-1...), in place of "
    "the one a byte-order mark states or the one detected.",
)
_Command = TypeVar("_Command", bound=Callable[..., Any])


def output_option(command: _Command) -> _Command:
    """``-o/--output FILE`` and ``--force``: where a command writes its result."""
    command = click.option(
        "--force",
        is_flag=True,
        help="Write through a symbolic link at -o (and --junit) to the file it points to; "
        "without it a link there is refused.",
    )(command)
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        help="Write to this regular file (atomically) instead of standard output; a device, "
        "pipe, folder or an input of the command is refused.",
    )(command)


def _input_limit(ctx: click.Context, param: click.Parameter, value: int | None) -> None:
    """Set the reading limit of ``--max-bytes`` for the rest of the command (the default
    limit of ``formats.reading.MAX_BYTES`` when not given)."""
    if value is not None:
        from treatydiff.formats.reading import input_limit

        ctx.with_resource(input_limit(value))


max_bytes_option = click.option(
    "--max-bytes",
    type=click.IntRange(min=1),
    callback=_input_limit,
    expose_value=False,
    default=None,
    metavar="BYTES",
    help="Refuse an input larger than this [default: 52428800, 50 MiB].",
)


def _instrument_cache(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """Keep the instruments the command imports in the data home's cache for the next runs
    (``formats.cache``), unless ``--no-cache`` (which ``ctx.meta["no_cache"]`` records for
    commands with caches of their own: ``reuse``)."""
    ctx.meta["no_cache"] = value
    if not value:
        from treatydiff.formats.cache import caching

        ctx.with_resource(caching())


no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    envvar="TREATYDIFF_NO_CACHE",
    callback=_instrument_cache,
    expose_value=False,
    help="Import every input afresh, neither reading nor filling the caches of imported "
    "instruments (and of reuse) in the data home (environment: TREATYDIFF_NO_CACHE=1).",
)

labels_option = click.option(
    "--labels",
    type=click.Choice(["un", "short"]),
    default="un",
    show_default=True,
    help="Citation style of clause labels.",
)
left_label_option = click.option(
    "--left-label",
    metavar="NAME",
    default=None,
    help='Name of the left side in the output ("Draft A") [default: its id with its '
    "version, e.g. opsc@2005-09-23].",
)
right_label_option = click.option(
    "--right-label",
    metavar="NAME",
    default=None,
    help="Name of the right side in the output [default: its id with its version].",
)


def _input_format(value: str) -> str | None:
    return None if value == "auto" else value


def _read_options(
    docx_revisions: str, pages: tuple[int, int] | None = None, encoding: str | None = None
) -> ReadOptions:
    from treatydiff.formats.options import ReadOptions

    return ReadOptions(
        docx_revisions=cast("Revisions", docx_revisions), pages=pages, encoding=encoding
    )


def _page_range(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    first, _, last = value.partition("-")
    if not (first.isdigit() and (last or first).isdigit() and 0 < int(first) <= int(last or first)):
        raise click.BadParameter("give pages as A-B (or A), counted from 1")
    return (int(first), int(last or first))


pages_option = click.option(
    "--pages",
    metavar="A-B",
    callback=_page_range,
    default=None,
    help="Read only pages A to B of a PDF (counted from 1, as a PDF viewer counts).",
)


def _build_time() -> str | None:
    """The build time HTML pages state: from SOURCE_DATE_EPOCH, when set."""
    import os

    from treatydiff.render.html import build_time

    return build_time(os.environ.get("SOURCE_DATE_EPOCH"))


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
    "a caption, a dropped header, a detected encoding), with their source lines.",
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
    lang: str,
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
        titles = refs.parts(ref, lang=lang, fmt=_input_format(input_format), options=options)
        from treatydiff.normalize import log_line

        listing = "".join(f"{n}\t{log_line(title)}\n" for n, title in enumerate(titles, 1))
        emit(listing, output, force=force, inputs=[ref, ref.rpartition("#")[0]])
        return
    instrument = refs.resolve(ref, lang=lang, fmt=_input_format(input_format), options=options)
    _warn_structure(ref, instrument, lang=lang, fmt=_input_format(input_format), options=options)
    style = cast("LabelStyle", labels)
    text = views.render_instrument(instrument, fmt=fmt, label_style=style, explain=explain)
    emit(text, output, force=force, inputs=_sources(instrument))


def _sources(*instruments: Instrument) -> list[str]:
    """The files the instruments were read from (the others name no file), which no
    output of the command may overwrite."""
    return [source for one in instruments if (source := one.metadata.source)]


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
    lang: str,
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
    from treatydiff.catalogue import refs
    from treatydiff.engine.compare import compare as compare_instruments
    from treatydiff.outputs import emit
    from treatydiff.render.json import render_json
    from treatydiff.render.text import render_text
    from treatydiff.report.sides import side_labels

    if left == right == "-":
        raise click.UsageError("LEFT and RIGHT are both '-': standard input can be read once")
    source_format = _input_format(input_format)
    options = _read_options(docx_revisions, pages, encoding)
    style = cast("LabelStyle", labels)
    sides = [
        refs.resolve(ref, lang=lang, fmt=source_format, options=options) for ref in (left, right)
    ]
    for ref, instrument in zip((left, right), sides, strict=True):
        _warn_structure(ref, instrument, lang=lang, fmt=source_format, options=options)
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
    render = render_json if fmt == "json" else render_text
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


@main.command()
@click.argument("refs", nargs=-1, required=True, metavar="REF REF...")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "md", "json"]),
    default="html",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--pairs-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help=(
        "Also write the HTML reports of the first REF against each other one into this "
        "folder, and link the clause lineage to them."
    ),
)
@lang_option
@input_format_option
@max_bytes_option
@no_cache_option
@output_option
def synopsis(
    refs: tuple[str, ...],
    fmt: str,
    pairs_dir: Path | None,
    lang: str,
    input_format: str,
    output: Path | None,
    force: bool,
) -> None:
    """Set the first REF beside the others: pairwise similarity and clause lineage.

    For each clause of the first REF (the anchor), the clause of each other instrument it
    pairs with; and a heat map of the similarity of every pair: the anchor's pairs from
    their comparisons, the others by an estimate marked ≈ (closest-clause similarity:
    each clause's word similarity with the most similar clause of the other instrument,
    weighted by length; no alignment).
    """
    if len(refs) < 2:
        raise click.UsageError("a synopsis needs at least two REFs")
    from treatydiff.catalogue import refs as references
    from treatydiff.outputs import emit, write_atomic
    from treatydiff.site.build import build_synopsis_pages

    source_format = _input_format(input_format)
    instruments = [references.resolve(ref, lang=lang, fmt=source_format) for ref in refs]
    for ref, instrument in zip(refs, instruments, strict=True):
        _warn_structure(ref, instrument, lang=lang, fmt=source_format)
    page = None if output is None or str(output) == "-" else output
    generated = _build_time() if fmt == "html" or pairs_dir is not None else None
    text, pairs = build_synopsis_pages(
        instruments, fmt, output=page, pairs_dir=pairs_dir, generated=generated
    )
    inputs = _sources(*instruments)
    for path, report in pairs.items():
        write_atomic(path, report.encode("utf-8"), inputs=inputs)
    emit(text, page, force=force, inputs=inputs)


def _language_list(ctx: click.Context, param: click.Parameter, value: str | None) -> Any:
    if value is None:
        return None
    codes = tuple(code.strip() for code in value.split(",") if code.strip())
    unknown = [code for code in codes if code not in LANGUAGES]
    if unknown or len(set(codes)) != len(codes) or len(codes) < 1:
        raise click.BadParameter(
            f"give distinct codes among {', '.join(LANGUAGES)}, separated by commas"
        )
    return codes


@main.command()
@click.argument("refs", nargs=-1, required=True, metavar="REF [REF...]")
@click.option(
    "--langs",
    callback=_language_list,
    required=True,
    help="The languages, separated by commas: the language of each REF, or with one REF "
    "(a bilingual file) the languages to read from it. The first is the pivot.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html", "md"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--semantic",
    is_flag=True,
    help="Also weigh sentence embeddings (the semantic extra: pip install "
    "'treatydiff[semantic]'), to align what the structure leaves open and to flag "
    "pairs whose meaning stands apart.",
)
@input_format_option
@max_bytes_option
@no_cache_option
@docx_revisions_option
@pages_option
@output_option
def languages(
    refs: tuple[str, ...],
    langs: tuple[str, ...],
    fmt: str,
    semantic: bool,
    input_format: str,
    docx_revisions: str,
    pages: tuple[int, int] | None,
    output: Path | None,
    force: bool,
) -> None:
    """Align the language versions of one treaty and flag where they diverge.

    One REF holding several languages (a laws-markdown file: --langs en,nl), or one REF
    per language (--langs en,fr,es). Exit status: 0 no divergence, 1 divergences, 2
    trouble.
    """
    if len(refs) > 1 and len(refs) != len(langs):
        raise click.UsageError(f"{len(refs)} REFs need {len(refs)} languages in --langs")
    if len(langs) < 2:
        raise click.UsageError("--langs needs two languages or more")
    from treatydiff.catalogue import refs as references
    from treatydiff.outputs import emit
    from treatydiff.report.languages import build

    options = _read_options(docx_revisions, pages)
    sources = refs if len(refs) > 1 else refs * len(langs)
    instruments = [
        (code, references.resolve(ref, lang=code, fmt=_input_format(input_format), options=options))
        for ref, code in zip(sources, langs, strict=True)
    ]
    encoder = None
    if semantic:
        from treatydiff.engine.semantic import encoder as semantic_encoder

        encoder = semantic_encoder()
    report = build(instruments, encoder=encoder)
    if fmt == "html":
        from treatydiff.render.html import languages_html

        text = languages_html(report, generated=_build_time())
    else:
        from treatydiff.render import languages as rendering

        render = {
            "json": rendering.render_json,
            "md": rendering.render_markdown,
            "text": rendering.render_text,
        }[fmt]
        text = render(report)
    emit(text, output, force=force, inputs=_sources(*(one for _, one in instruments)))
    sys.exit(1 if report.flags else 0)


@main.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option(
    "--min-similarity",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.8,
    show_default=True,
    help="Least word similarity of two clauses (0-1, as compare measures it).",
)
@click.option(
    "--min-words",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="Compare only clauses of at least this many words.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "html", "md"]),
    default="jsonl",
    show_default=True,
    help="Output format: one JSON line a pair, JSON with instrument pairs and families, "
    "a self-contained HTML report, or a Markdown summary.",
)
@click.option(
    "--scheduler",
    metavar="SPEC",
    default=None,
    help="Where the tasks run: processes, threads or synchronous (Dask's local "
    "schedulers), or tcp://HOST:PORT (a Dask distributed cluster) [default: processes "
    "with Dask installed, else this process].",
)
@click.option(
    "--query",
    metavar="REF#EID",
    default=None,
    help="Only the clauses matching clause EID of REF (opsc#art_2__point_c), best first.",
)
@lang_option
@input_format_option
@max_bytes_option
@no_cache_option
@output_option
def reuse(
    paths: tuple[str, ...],
    min_similarity: float,
    min_words: int,
    fmt: str,
    scheduler: str | None,
    query: str | None,
    lang: str,
    input_format: str,
    output: Path | None,
    force: bool,
) -> None:
    """Find the clauses that instruments share, across every file under PATH...

    Lists every pair of clauses of different instruments (versions of one instrument
    are not paired) at least --min-similarity similar. A folder is read recursively.
    Sources that cannot be read are skipped and listed. Imported files are cached in
    the data home ($TREATYDIFF_HOME, else the user data folder) by content, unless
    --no-cache.
    """
    from treatydiff.catalogue.store import data_home
    from treatydiff.outputs import emit
    from treatydiff.reuse import cache, execute, render, search
    from treatydiff.reuse.collection import find_sources

    options = search.Options(min_similarity, min_words, lang, _input_format(input_format))
    inputs: list[str | Path] = [path for _, path in find_sources(list(paths))]
    no_cache = click.get_current_context().meta["no_cache"]
    store = None if no_cache else cache.Cache(data_home() / "cache" / "reuse")
    progress = _Bar() if sys.stderr.isatty() else None
    with execute.runner_for(scheduler, progress) as runner:
        if query is None:
            found = search.search(list(paths), options, runner=runner, cache=store)
            emit(render.render(found, fmt), output, force=force, inputs=inputs)
            return
        ref, hash_sign, eid = query.rpartition("#")
        if not hash_sign or not ref or not eid:
            raise click.BadParameter("give REF#EID, e.g. opsc#art_2__point_c", param_hint="--query")
        from treatydiff.catalogue import refs

        instrument = refs.resolve(ref, lang=lang, fmt=options.fmt)
        matches = search.query(list(paths), options, instrument, eid, runner=runner, cache=store)
        inputs += _sources(instrument)
        emit(render.render_query(matches, fmt, ref=query), output, force=force, inputs=inputs)


class _Bar:
    """The progress of a stage as a bar on standard error."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, label: str, total: int) -> None:
        self._bar = click.progressbar(length=total, label=label.ljust(6), file=sys.stderr)
        self._bar.__enter__()

    def advance(self, done: int) -> None:
        self._bar.update(done)

    def finish(self) -> None:
        self._bar.__exit__(None, None, None)


@main.command()
@click.argument("config", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    required=True,
    help="Folder to write the site into.",
)
@max_bytes_option
@no_cache_option
def publish(config: Path, output: Path) -> None:
    """Build a static site of reports from CONFIG (TOML): comparisons and synopses, an
    index page, relative links only.

    Every page goes into the folder -o names: page names are made of safe file name
    characters, and a symbolic link inside the folder is not followed (refused).
    """
    from treatydiff.outputs import write_pages
    from treatydiff.render.html import asset_files
    from treatydiff.site.build import ASSETS, build_site, site_inputs
    from treatydiff.site.config import load_config

    site = load_config(config)
    built = build_site(site, generated=_build_time())
    inputs = [config, *site_inputs(site)]
    pages = write_pages(output, built, inputs=inputs)
    write_pages(output / ASSETS, asset_files(), inputs=inputs)
    _say(f"wrote {len(pages)} pages to {output}")


@main.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@output_option
def instruments(fmt: str, output: Path | None, force: bool) -> None:
    """List the catalogue: id, year, versions, which are pulled, title."""
    from treatydiff.catalogue import entries, store
    from treatydiff.outputs import emit

    rows = store.listing(entries.load(), store.data_home())
    emit(store.render_listing(rows, fmt=fmt), output, force=force)


@main.group()
def corpus() -> None:
    """Fetch the catalogue's pinned sources into the data home."""


@corpus.command("pull")
@click.argument("selection", nargs=-1, metavar="[ID | ID@VERSION]...")
@click.option(
    "--mirror",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Copy the sources from this folder, laid out like the corpus, instead of downloading.",
)
@click.option(
    "--base-url",
    default=None,
    help="Download from this server instead of each pinned URL's host (the URL path is kept). "
    "Environment: TREATYDIFF_SOURCE_BASE_URL. --mirror takes precedence.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    default=300.0,
    show_default=True,
    metavar="SECONDS",
    help="Give up a download that has not finished in this many seconds (a server that "
    "answers slowly, byte by byte, is given up too).",
)
def corpus_pull(
    selection: tuple[str, ...], mirror: Path | None, base_url: str | None, timeout: float
) -> None:
    """Fetch, verify (sha256), import and store the pinned sources of the instruments
    named (ID: all its versions; ID@VERSION: one), or of every instrument.

    The data home is $TREATYDIFF_HOME, else the user data folder. Progress shows on a
    terminal; otherwise only errors are printed, one line each (exit status 2).
    """
    import os

    from treatydiff.catalogue import entries, store
    from treatydiff.catalogue import pull as pulling
    from treatydiff.errors import ConfigError

    base_url = base_url or os.environ.get(pulling.BASE_URL_ENV) or None
    if base_url:
        try:
            pulling.check_base_url(base_url)
        except ConfigError as exc:
            raise click.BadParameter(str(exc), param_hint="--base-url") from None
    targets = pulling.select(entries.load(), selection)
    progress = (lambda message: click.echo(message, err=True)) if sys.stderr.isatty() else None
    failures = pulling.pull(
        targets,
        home=store.data_home(),
        mirror=mirror,
        base_url=None if mirror else base_url,
        deadline=timeout,
        progress=progress,
    )
    for failure in failures:
        _say(f"error: {failure}")
    if failures:
        sys.exit(EXIT_TROUBLE)


@main.command("check")
@click.argument("texts", nargs=-1, metavar="[LEFT RIGHT | FILE]")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The checks to run: a treatydiff.toml, or a pyproject.toml with [tool.treatydiff] "
    "[default: either, in the working folder].",
)
@click.option(
    "--fail-on",
    type=click.Choice(["any", "wording", "substantive"]),
    default=None,
    help="Which changes fail a check: any; wording (not formatting, spacing or punctuation "
    "only); substantive (not spelling-level fixes either) [default: wording]. A check's own "
    "fail_on wins.",
)
@click.option(
    "--fail-on-flags",
    metavar="FLAGS",
    default=None,
    help="Also fail on every change carrying one of these flags, whatever --fail-on lets "
    "pass: a comma-separated list of modal, negation, number, defined-term, reference, or "
    "none [default: negation,modal,number,reference]. A check's own fail_on_flags wins.",
)
@click.option(
    "--min-similarity",
    type=click.FloatRange(0.0, 1.0),
    default=None,
    help="Also fail on every paired clause less similar than this (0-1). A check's own "
    "min_similarity wins.",
)
@click.option(
    "--against",
    metavar="REV",
    default=None,
    help="Git revision to compare FILE (or every file check of the configuration) with "
    "[default: HEAD, or the check's own].",
)
@click.option(
    "--baseline",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The file of approved changes [default: the configuration's, or "
    "treatydiff-baseline.json beside it].",
)
@click.option(
    "--update-baseline",
    is_flag=True,
    help="Record every change the checks find as approved, in the baseline file.",
)
@click.option(
    "--annotations",
    type=click.Choice(["github"]),
    default=None,
    help="Also print CI annotations (GitHub workflow commands) at the source line of each "
    "new change, on standard output before the report (write the report elsewhere with -o).",
)
@click.option(
    "--junit",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also write a JUnit XML report (one test case per check) to this file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format of the report.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of the texts to read from bilingual sources [default: en]. A check's "
    "own lang wins.",
)
@left_label_option
@right_label_option
@input_format_option
@max_bytes_option
@no_cache_option
@docx_revisions_option
@encoding_option
@output_option
def check(
    texts: tuple[str, ...],
    config_file: Path | None,
    fail_on: str | None,
    fail_on_flags: str | None,
    min_similarity: float | None,
    against: str | None,
    baseline: Path | None,
    update_baseline: bool,
    annotations: str | None,
    junit: Path | None,
    fmt: str,
    lang: str | None,
    left_label: str | None,
    right_label: str | None,
    input_format: str,
    docx_revisions: str,
    encoding: str | None,
    output: Path | None,
    force: bool,
) -> None:
    """Check versions of texts: fail on changes nobody approved.

    Without arguments, run the checks of the configuration (treatydiff.toml or
    [tool.treatydiff] in pyproject.toml). With LEFT RIGHT, check RIGHT against LEFT; with
    FILE and --against REV, check FILE against its version at that git revision.

    Exit status: 0 every check passes, 1 a check fails, 2 trouble. The Markdown summary
    is appended to $GITHUB_STEP_SUMMARY when that is set.
    """
    import os

    from treatydiff.ci import baseline as baselines
    from treatydiff.ci import config as configs
    from treatydiff.ci import output as ci_output
    from treatydiff.ci.run import display_path, run_checks
    from treatydiff.errors import UsageError
    from treatydiff.outputs import append, emit, write_atomic, write_stdout

    try:
        config = configs.from_command_line(
            texts,
            folder=Path.cwd(),
            config_file=config_file,
            baseline=baseline,
            update_baseline=update_baseline,
            fail_on=fail_on,
            fail_on_flags=fail_on_flags,
            lang=lang,
            against=against,
            input_format=_input_format(input_format),
            min_similarity=min_similarity,
            read_options=_read_options(docx_revisions, encoding=encoding),
            left_label=left_label,
            right_label=right_label,
        )
    except UsageError as exc:
        raise click.UsageError(str(exc)) from None
    approvals = baselines.load_baseline(config.baseline)
    result = run_checks(config, approvals)
    inputs = configs.inputs(config)
    if update_baseline and config.baseline is not None and result.exit_code != EXIT_TROUBLE:
        text = baselines.render_baseline(result, keep=approvals)
        others = [path for path in inputs if path != config.baseline]  # the texts, the config
        write_atomic(config.baseline, text.encode("utf-8"), force=force, inputs=others)
        result = baselines.approve_all(result)
        approved = sum(len(c.changes) for c in result.checks)
        where = display_path(str(config.baseline))
        noun = "change" if approved == 1 else "changes"
        _say(f"{where}: {approved} approved {noun}")
    render = ci_output.render_json if fmt == "json" else ci_output.render_text
    report = render(result)
    to_stdout = output is None or str(output) == "-"
    if annotations == "github":
        write_stdout(ci_output.github_annotations(result))
        if to_stdout:
            # The log reads commands: none in the report, whatever the texts hold.
            report = ci_output.stop_commands(report, _token(report))
    emit(report, output, force=force, inputs=inputs)
    if fmt != "text" or not to_stdout:
        _say(ci_output.verdict(result).removeprefix("treatydiff: "))
    if junit is not None:
        junit_xml = ci_output.render_junit(result).encode("utf-8")
        write_atomic(junit, junit_xml, force=force, inputs=inputs)
    summary = os.environ.get(ci_output.STEP_SUMMARY_ENV)
    if summary:
        append(Path(summary), ci_output.render_markdown(result), what="the job summary")
    for failed in result.checks:
        if failed.error is not None:
            _say(f"error: check {failed.spec.name!r}: {failed.error}")
    if update_baseline and result.exit_code == EXIT_TROUBLE:
        _say("baseline not updated: a check could not run")
    sys.exit(result.exit_code)


def _token(text: str) -> str:
    """A random token of stop-commands that ``text`` does not hold."""
    import secrets

    while (token := secrets.token_hex(16)) in text:
        pass
    return token
