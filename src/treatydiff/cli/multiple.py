"""``synopsis``, ``languages`` and ``reuse``: commands over several instruments."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from treatydiff.cli.group import main
from treatydiff.cli.options import (
    _build_time,
    _input_format,
    _read,
    _read_options,
    _sources,
    docx_revisions_option,
    input_format_option,
    lang_option,
    max_bytes_option,
    no_cache_option,
    output_option,
    pages_option,
)
from treatydiff.lang import LANGUAGES


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
    lang: str | None,
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
    from treatydiff.outputs import emit, write_atomic
    from treatydiff.site.build import build_synopsis_pages

    source_format = _input_format(input_format)
    instruments = [instrument for instrument, _ in _read(refs, lang=lang, fmt=source_format)]
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
    lang: str | None,
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

    # Each source is read as --lang: a collection is no place to guess per file.
    options = search.Options(min_similarity, min_words, lang or "en", _input_format(input_format))
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

        instrument = refs.resolve(ref, lang=options.lang, fmt=options.fmt)
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
