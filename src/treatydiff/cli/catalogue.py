"""``publish``, ``instruments`` and ``corpus pull``: the catalogue and the site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from treatydiff.cli.group import EXIT_TROUBLE, _say, main
from treatydiff.cli.options import (
    _build_time,
    max_bytes_option,
    no_cache_option,
    output_option,
)


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
