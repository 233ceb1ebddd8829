"""The command-line interface: a thin layer over the library.

Exit codes follow diff(1): 0 no differences, 1 differences or a failed check, 2 trouble.
Trouble is always one line on stderr: a ``TreatydiffError`` (the input, the options or the
environment) as ``treatydiff: error: ...``, any other exception (a bug) as ``treatydiff:
internal error: ...``. The traceback shows only with ``--debug`` or ``TREATYDIFF_DEBUG=1``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, cast

import click

from treatydiff import __version__
from treatydiff.errors import TreatydiffError
from treatydiff.lang import LANGUAGES

if TYPE_CHECKING:
    from treatydiff.segment.labels import LabelStyle

EXIT_TROUBLE = 2
# 128 + SIGINT, as shells report a command stopped with Ctrl-C.
EXIT_INTERRUPTED = 130


class _Group(click.Group):
    """The command group, and the one place where failures become exit codes."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise  # usage errors and explicit exits: click reports them
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


def _fail(ctx: click.Context, message: str, *, exit_code: int = EXIT_TROUBLE) -> NoReturn:
    """Report the exception being handled in one line (after its traceback with --debug)."""
    if ctx.params.get("debug"):
        import traceback

        traceback.print_exc()
    click.echo("treatydiff: " + " ".join(message.splitlines()), err=True)
    sys.exit(exit_code)


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


_FORMAT_CHOICE = click.Choice(
    ["auto", "un-text", "laws-markdown", "markdown", "json-articles", "akn", "treatydiff"]
)

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
output_option = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file (atomically) instead of standard output.",
)


def _input_format(value: str) -> str | None:
    return None if value == "auto" else value


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
@click.option(
    "--labels",
    type=click.Choice(["un", "short"]),
    default="un",
    show_default=True,
    help="Citation style of clause labels.",
)
@lang_option
@input_format_option
@output_option
def show(
    ref: str, fmt: str, labels: str, lang: str, input_format: str, output: Path | None
) -> None:
    """Show the clause tree of REF: id, label and text of each clause."""
    from treatydiff.catalogue import refs
    from treatydiff.render import show as views

    instrument = refs.resolve(ref, lang=lang, fmt=_input_format(input_format))
    from treatydiff.outputs import emit

    style = cast("LabelStyle", labels)
    emit(views.render_instrument(instrument, fmt=fmt, label_style=style), output)


@main.command()
@click.argument("left")
@click.argument("right")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "html", "md"]),
    default="text",
    show_default=True,
    help="Output format: text, JSON, a self-contained HTML report, or GitHub Markdown.",
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
    "--labels",
    type=click.Choice(["un", "short"]),
    default="un",
    show_default=True,
    help="Citation style of clause labels.",
)
@lang_option
@input_format_option
@output_option
def compare(
    left: str,
    right: str,
    fmt: str,
    threshold: float | None,
    labels: str,
    lang: str,
    input_format: str,
    output: Path | None,
    assets_dir: Path | None,
) -> None:
    """Compare LEFT with RIGHT clause by clause.

    Exit status: 0 no difference beyond formatting, 1 differences, 2 trouble.
    """
    if assets_dir is not None and fmt != "html":
        raise click.UsageError("--assets-dir goes with --format html")
    from treatydiff.catalogue import refs
    from treatydiff.engine.compare import compare as compare_instruments
    from treatydiff.outputs import emit
    from treatydiff.render.json import render_json, render_text

    source_format = _input_format(input_format)
    style = cast("LabelStyle", labels)
    comparison = compare_instruments(
        refs.resolve(left, lang=lang, fmt=source_format),
        refs.resolve(right, lang=lang, fmt=source_format),
        threshold=threshold,
    )
    if fmt in ("html", "md"):
        from treatydiff.render.pages import render_comparison

        page = None if output is None or str(output) == "-" else output
        report = render_comparison(
            comparison, fmt, assets_dir=assets_dir, page=page, label_style=style
        )
        emit(report, output)
        sys.exit(1 if comparison.has_differences else 0)
    render = render_json if fmt == "json" else render_text
    emit(render(comparison, label_style=style), output)
    sys.exit(1 if comparison.has_differences else 0)


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
@output_option
def synopsis(
    refs: tuple[str, ...],
    fmt: str,
    pairs_dir: Path | None,
    lang: str,
    input_format: str,
    output: Path | None,
) -> None:
    """Set the first REF beside the others: pairwise similarity and clause lineage.

    For each clause of the first REF (the anchor), the clause of each other instrument it
    pairs with; and a heat map of the similarity of every pair.
    """
    if len(refs) < 2:
        raise click.UsageError("a synopsis needs at least two REFs")
    from treatydiff.catalogue import refs as references
    from treatydiff.site.publish import write_synopsis

    source_format = _input_format(input_format)
    instruments = [references.resolve(ref, lang=lang, fmt=source_format) for ref in refs]
    page = None if output is None or str(output) == "-" else output
    write_synopsis(instruments, fmt, output=page, pairs_dir=pairs_dir)


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
) -> None:
    """Find the clauses that instruments share, across every file under PATH...

    Lists every pair of clauses of different instruments (versions of one instrument
    are not paired) at least --min-similarity similar. A folder is read recursively.
    Sources that cannot be read are skipped and listed. Imported files are cached in
    the data home ($TREATYDIFF_HOME, else the user data folder) by content.
    """
    from treatydiff.catalogue.entries import data_home
    from treatydiff.outputs import emit
    from treatydiff.reuse import cache, execute, render, search

    options = search.Options(min_similarity, min_words, lang, _input_format(input_format))
    store = cache.Cache(data_home() / "cache" / "reuse")
    progress = _Bar() if sys.stderr.isatty() else None
    with execute.runner_for(scheduler, progress) as runner:
        if query is None:
            found = search.search(list(paths), options, runner=runner, cache=store)
            emit(render.render(found, fmt), output)
            return
        ref, hash_sign, eid = query.rpartition("#")
        if not hash_sign or not ref or not eid:
            raise click.BadParameter("give REF#EID, e.g. opsc#art_2__point_c", param_hint="--query")
        from treatydiff.catalogue import refs

        instrument = refs.resolve(ref, lang=lang, fmt=options.fmt)
        matches = search.query(list(paths), options, instrument, eid, runner=runner, cache=store)
        emit(render.render_query(matches, fmt, ref=query), output)


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
def publish(config: Path, output: Path) -> None:
    """Build a static site of reports from CONFIG (TOML): comparisons and synopses, an
    index page, relative links only."""
    from treatydiff.site.publish import publish as publish_site

    pages = publish_site(config, output)
    click.echo(f"treatydiff: wrote {len(pages)} pages to {output}", err=True)


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
def instruments(fmt: str, output: Path | None) -> None:
    """List the catalogue: id, year, versions, which are pulled, title."""
    from treatydiff.catalogue import entries as catalogue
    from treatydiff.outputs import emit

    rows = catalogue.listing(catalogue.load(), catalogue.data_home())
    emit(catalogue.render_listing(rows, fmt=fmt), output)


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
    envvar="TREATYDIFF_SOURCE_BASE_URL",
    default=None,
    help="Download from this server instead of each pinned URL's host (the URL path is kept). "
    "Environment: TREATYDIFF_SOURCE_BASE_URL. --mirror takes precedence.",
)
def corpus_pull(selection: tuple[str, ...], mirror: Path | None, base_url: str | None) -> None:
    """Fetch, verify (sha256), import and store the pinned sources of the instruments
    named (ID: all its versions; ID@VERSION: one), or of every instrument.

    The data home is $TREATYDIFF_HOME, else the user data folder. Progress shows on a
    terminal; otherwise only errors are printed, one line each (exit status 2).
    """
    from urllib.parse import urlsplit

    from treatydiff.catalogue import entries as catalogue
    from treatydiff.catalogue import pull as pulling

    if base_url and urlsplit(base_url).scheme not in ("http", "https"):
        raise click.BadParameter("must be an http:// or https:// URL", param_hint="--base-url")
    targets = pulling.select(catalogue.load(), selection)
    progress = (lambda message: click.echo(message, err=True)) if sys.stderr.isatty() else None
    failures = pulling.pull(
        targets,
        home=catalogue.data_home(),
        mirror=mirror,
        base_url=None if mirror else base_url,
        progress=progress,
    )
    for failure in failures:
        click.echo(f"treatydiff: error: {failure}", err=True)
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
@input_format_option
@output_option
def check(
    texts: tuple[str, ...],
    config_file: Path | None,
    fail_on: str | None,
    min_similarity: float | None,
    against: str | None,
    baseline: Path | None,
    update_baseline: bool,
    annotations: str | None,
    junit: Path | None,
    fmt: str,
    lang: str | None,
    input_format: str,
    output: Path | None,
) -> None:
    """Check versions of texts: fail on changes nobody approved.

    Without arguments, run the checks of the configuration (treatydiff.toml or
    [tool.treatydiff] in pyproject.toml). With LEFT RIGHT, check RIGHT against LEFT; with
    FILE and --against REV, check FILE against its version at that git revision.

    Exit status: 0 every check passes, 1 a check fails, 2 trouble. The Markdown summary
    is appended to $GITHUB_STEP_SUMMARY when that is set.
    """
    from dataclasses import replace

    from treatydiff.ci import check as checks
    from treatydiff.ci import output as ci_output
    from treatydiff.outputs import emit, write_atomic

    defaults = checks.Defaults(
        fail_on=cast("checks.Rule | None", fail_on),
        lang=lang,
        against=against,
        input_format=_input_format(input_format),
        min_similarity=min_similarity,
    )
    if texts:
        if config_file is not None:
            raise click.UsageError("give --config or LEFT RIGHT, not both")
        if len(texts) > 2:
            raise click.UsageError("give LEFT RIGHT, or one FILE with --against REV")
        if len(texts) == 1 and against is None:
            raise click.UsageError("one FILE is checked against a git revision: add --against REV")
        if update_baseline and baseline is None:
            raise click.UsageError("--update-baseline without a configuration needs --baseline")
        right = texts[1] if len(texts) == 2 else None
        config = checks.one_off(texts[0], right, defaults, baseline=baseline)
    else:
        config = checks.load_config(config_file or checks.find_config(Path.cwd()), defaults)
        if baseline is not None:
            config = replace(config, baseline=baseline)
    result = checks.run_checks(config)
    if update_baseline and config.baseline is not None and result.exit_code != EXIT_TROUBLE:
        result = checks.update_baseline(result, config.baseline)
        approved = sum(len(c.changes) for c in result.checks)
        where = checks.display_path(str(config.baseline))
        noun = "change" if approved == 1 else "changes"
        click.echo(f"treatydiff: {where}: {approved} approved {noun}", err=True)
    if annotations == "github":
        click.echo(ci_output.github_annotations(result), nl=False)
    render = ci_output.render_json if fmt == "json" else ci_output.render_text
    emit(render(result), output)
    if fmt != "text" or (output is not None and str(output) != "-"):
        click.echo(ci_output.verdict(result), err=True)
    if junit is not None:
        write_atomic(junit, ci_output.render_junit(result).encode("utf-8"))
    ci_output.append_step_summary(result)
    for failed in result.checks:
        if failed.error is not None:
            click.echo(f"treatydiff: error: check {failed.spec.name!r}: {failed.error}", err=True)
    if update_baseline and result.exit_code == EXIT_TROUBLE:
        click.echo("treatydiff: baseline not updated: a check could not run", err=True)
    sys.exit(result.exit_code)
