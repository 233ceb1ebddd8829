"""A small static site of reports, from a TOML config listing comparisons and synopses.

Config (paths relative to the config file's folder; a REF may also be a catalogue id)::

    title = "The OPSC and related instruments"

    [[comparison]]
    left = "opsc-preamble-ohchr.txt"
    right = "opsc-preamble-revised.txt"
    title = "The supplied preamble against a revised draft"   # optional
    threshold = 0.5                                           # optional

    [[synopsis]]
    title = "The OPSC's family"                               # optional
    refs = ["opsc.md", "opac.md", "crc.md"]                   # the first is the anchor

The site: ``index.html``; one HTML and one Markdown report per comparison; per synopsis a
page and the pairwise HTML reports its lineage links to; ``assets/`` with the stylesheet
and script (no inline code, so the site can be served under a strict Content Security
Policy). Links are relative, so the folder can be served from anywhere. Everything is
computed before anything is written.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from treatydiff.engine.comparison import Comparison
from treatydiff.errors import ConfigError, TreatydiffError
from treatydiff.model import Instrument
from treatydiff.outputs import write_atomic, write_files
from treatydiff.render.html import (
    Assets,
    Link,
    asset_files,
    build_time,
    comparison_html,
    index_html,
    synopsis_html,
)
from treatydiff.render.markdown import comparison_markdown
from treatydiff.report.comparison import build_report
from treatydiff.report.synopsis import build_synopsis, pair_filename

ASSETS = "assets"
_COMPARISON_KEYS = {"left", "right", "title", "threshold", "lang", "input_format"}
_SYNOPSIS_KEYS = {"refs", "title", "name", "threshold", "lang", "input_format"}


@dataclass(frozen=True)
class Source:
    """How to read the instruments of one entry."""

    lang: str = "en"
    input_format: str | None = None
    threshold: float | None = None


@dataclass(frozen=True)
class ComparisonEntry:
    left: str
    right: str
    title: str | None
    source: Source


@dataclass(frozen=True)
class SynopsisEntry:
    refs: tuple[str, ...]
    title: str | None
    name: str | None
    source: Source


@dataclass(frozen=True)
class SiteConfig:
    title: str
    folder: Path  # the config file's folder: relative paths start there
    comparisons: tuple[ComparisonEntry, ...]
    synopses: tuple[SynopsisEntry, ...]


def load_config(path: Path) -> SiteConfig:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    where = str(path)
    _only(data, {"title", "comparison", "synopsis"}, where)
    comparisons = tuple(
        _comparison(entry, f"{where}: comparison {n}")
        for n, entry in enumerate(_tables(data, "comparison", where), start=1)
    )
    synopses = tuple(
        _synopsis(entry, f"{where}: synopsis {n}")
        for n, entry in enumerate(_tables(data, "synopsis", where), start=1)
    )
    if not comparisons and not synopses:
        raise ConfigError(f"{where}: lists no [[comparison]] and no [[synopsis]]")
    return SiteConfig(
        title=_text(data, "title", where) or "treatydiff reports",
        folder=path.resolve().parent,
        comparisons=comparisons,
        synopses=synopses,
    )


def _tables(data: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of tables ([[{key}]])")
    return value


def _only(table: Mapping[str, Any], allowed: set[str], where: str) -> None:
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ConfigError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(allowed))})"
        )


def _text(table: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> str | None:
    value = table.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{where}: {key} must be a non-empty string")
    return value


def _source(table: Mapping[str, Any], where: str) -> Source:
    threshold = table.get("threshold")
    if threshold is not None and (
        isinstance(threshold, bool) or not isinstance(threshold, int | float)
    ):
        raise ConfigError(f"{where}: threshold must be a number between 0 and 1")
    return Source(
        lang=_text(table, "lang", where) or "en",
        input_format=_text(table, "input_format", where),
        threshold=None if threshold is None else float(threshold),
    )


def _comparison(table: Mapping[str, Any], where: str) -> ComparisonEntry:
    _only(table, _COMPARISON_KEYS, where)
    return ComparisonEntry(
        left=str(_text(table, "left", where, required=True)),
        right=str(_text(table, "right", where, required=True)),
        title=_text(table, "title", where),
        source=_source(table, where),
    )


def _synopsis(table: Mapping[str, Any], where: str) -> SynopsisEntry:
    _only(table, _SYNOPSIS_KEYS, where)
    refs = table.get("refs")
    if (
        not isinstance(refs, list)
        or len(refs) < 2
        or not all(isinstance(r, str) and r for r in refs)
    ):
        raise ConfigError(f"{where}: refs must list at least two instruments")
    return SynopsisEntry(
        refs=tuple(refs),
        title=_text(table, "title", where),
        name=_text(table, "name", where),
        source=_source(table, where),
    )


# --- building the site ------------------------------------------------------------------

Resolve = Callable[[str, Source], Instrument]
Compare = Callable[[Instrument, Instrument, Source], Comparison]


def build_site(config: SiteConfig, *, generated: str | None = None) -> dict[str, str]:
    """Every page of the site: relative path -> content; ``generated``: the build time
    the HTML pages state (``render.html.build_time``), if any."""
    from treatydiff.catalogue import refs
    from treatydiff.engine.compare import compare

    loaded: dict[tuple[str, Source], Instrument] = {}

    def resolve(ref: str, source: Source) -> Instrument:
        if (ref, source) not in loaded:
            local = config.folder / ref
            target = str(local) if local.exists() else ref
            instrument = refs.resolve(target, lang=source.lang, fmt=source.input_format)
            # The page names the source as the config does, not by a local absolute path.
            loaded[(ref, source)] = instrument.with_metadata(source=ref)
        return loaded[(ref, source)]

    def compare_entry(left: Instrument, right: Instrument, source: Source) -> Comparison:
        return compare(left, right, threshold=source.threshold)

    return _pages(config, resolve, compare_entry, generated)


def _pages(
    config: SiteConfig, resolve: Resolve, compare: Compare, generated: str | None
) -> dict[str, str]:
    pages: dict[str, str] = {}
    assets = Assets(css=f"{ASSETS}/treatydiff.css", js=f"{ASSETS}/treatydiff.js")
    index = Link("index.html", "All reports")
    # pair page -> synopsis pages that link to it, for links back
    synopsis_of: dict[str, list[Link]] = {}
    synopsis_pages: list[tuple[Link, Source, list[tuple[Comparison, str]]]] = []
    for entry in config.synopses:
        instruments = _distinct([resolve(ref, entry.source) for ref in entry.refs])
        comparisons = {
            (i, j): compare(instruments[i], instruments[j], entry.source)
            for i in range(len(instruments))
            for j in range(i + 1, len(instruments))
        }
        synopsis = build_synopsis(instruments, comparisons)
        name = f"synopsis-{entry.name or instruments[0].id}.html"
        link = Link(name, entry.title or f"Synopsis: {synopsis.anchor.title}")
        page = synopsis_html(synopsis, assets=assets, nav=[index], generated=generated)
        _put(pages, name, page)
        pairs = [(comparisons[(0, j)], synopsis.pairs[j - 1]) for j in range(1, len(instruments))]
        for _, pair in pairs:
            synopsis_of.setdefault(pair, []).append(link)
        synopsis_pages.append((link, entry.source, pairs))
    comparison_links: list[Link] = []
    listed: dict[str, Source] = {}  # page of a listed comparison -> how it was read
    for pair_entry in config.comparisons:
        left = resolve(pair_entry.left, pair_entry.source)
        right = resolve(pair_entry.right, pair_entry.source)
        comparison = compare(left, right, pair_entry.source)
        name = pair_filename(left.id, right.id)
        title = pair_entry.title or f"{left.id} compared with {right.id}"
        report = build_report(comparison)
        nav = [index, *synopsis_of.get(name, ()), Link(_markdown_name(name), "Markdown")]
        _put(pages, name, comparison_html(report, assets=assets, nav=nav, generated=generated))
        _put(pages, _markdown_name(name), comparison_markdown(report))
        comparison_links.append(Link(name, title))
        listed[name] = pair_entry.source
    pair_links: list[Link] = []
    for _, source, pairs in synopsis_pages:
        for comparison, name in pairs:
            if name in listed:  # also listed as a comparison of its own
                if listed[name] != source:
                    raise ConfigError(
                        f"{name} is listed as a comparison and made by a synopsis, "
                        "with different options"
                    )
                continue
            if name in pages:  # made by an earlier synopsis
                continue
            nav = [index, *synopsis_of[name]]
            html = comparison_html(
                build_report(comparison), assets=assets, nav=nav, generated=generated
            )
            _put(pages, name, html)
            pair_links.append(
                Link(name, f"{comparison.left.id} compared with {comparison.right.id}")
            )
    entries = [
        ("Comparisons", comparison_links),
        ("Synopses", [link for link, _, _ in synopsis_pages]),
        ("Pairwise comparisons of the synopses", pair_links),
    ]
    pages["index.html"] = index_html(
        config.title,
        [(heading, links) for heading, links in entries if links],
        assets=assets,
        generated=generated,
    )
    return pages


def _markdown_name(html_name: str) -> str:
    return html_name.removesuffix(".html") + ".md"


def _distinct(instruments: Sequence[Instrument]) -> list[Instrument]:
    """The instruments, each under an id of its own (a second copy gets ``-2``...)."""
    seen: dict[str, int] = {}
    out: list[Instrument] = []
    for instrument in instruments:
        count = seen[instrument.id] = seen.get(instrument.id, 0) + 1
        out.append(instrument if count == 1 else replace(instrument, id=f"{instrument.id}-{count}"))
    return out


def _put(pages: dict[str, str], name: str, content: str) -> None:
    if name in pages or name == "index.html":
        raise ConfigError(f"two reports of the site would be written to {name}")
    pages[name] = content


def publish(config_path: Path, output: Path) -> list[str]:
    """Build the site of ``config_path`` into the folder ``output``; the pages written."""
    import os

    config = load_config(config_path)
    generated = build_time(os.environ.get("SOURCE_DATE_EPOCH"))
    try:
        pages = build_site(config, generated=generated)
    except TreatydiffError as exc:
        raise type(exc)(f"{config_path}: {exc}") from None
    if output.exists() and not output.is_dir():
        raise ConfigError(f"{output}: exists and is not a folder")
    write_files(output / ASSETS, asset_files())
    write_files(output, pages)
    return sorted(pages)


def write_synopsis(
    instruments: Sequence[Instrument],
    fmt: str,
    *,
    output: Path | None,
    pairs_dir: Path | None = None,
) -> None:
    """Compare every pair of ``instruments`` (the first is the anchor) and write their
    synopsis to ``output`` (None: standard output). With ``pairs_dir``, the pairwise HTML
    reports of the anchor go there and the lineage links to them."""
    import os

    from treatydiff.engine.compare import compare
    from treatydiff.outputs import emit
    from treatydiff.render import render_synopsis
    from treatydiff.report.synopsis import family_comparisons

    html_pages = fmt == "html" or pairs_dir is not None
    generated = build_time(os.environ.get("SOURCE_DATE_EPOCH")) if html_pages else None
    family = _distinct(instruments)
    comparisons = family_comparisons(family, compare)
    base = output.parent if output is not None else Path(".")
    folder = "" if pairs_dir is None else Path(os.path.relpath(pairs_dir, base)).as_posix()
    synopsis = build_synopsis(family, comparisons, pair_folder=folder)
    text = render_synopsis(synopsis, fmt, pair_links=pairs_dir is not None, generated=generated)
    if pairs_dir is not None:
        nav: list[Link] = []
        if output is not None:
            back = Path(os.path.relpath(output, pairs_dir)).as_posix()
            nav.append(Link(back, "Synopsis"))
        for j in range(1, len(family)):
            report = build_report(comparisons[(0, j)])
            page = pairs_dir / pair_filename(family[0].id, family[j].id)
            html = comparison_html(report, nav=nav, generated=generated)
            write_atomic(page, html.encode("utf-8"))
    emit(text, output)
