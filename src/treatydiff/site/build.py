"""Building a static site of reports, and the pages of a synopsis, as strings; the CLI
writes them.

The site: ``index.html``; one HTML and one Markdown report per comparison; per synopsis a
page and the pairwise HTML reports its lineage links to; ``assets/`` with the stylesheet
and script (no inline code, so the site can be served under a strict Content Security
Policy). Links are relative, so the folder can be served from anywhere. Everything is
computed before anything is written.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from pathlib import Path

from treatydiff.engine.comparison import Comparison
from treatydiff.errors import ConfigError, TreatydiffError
from treatydiff.model import Instrument
from treatydiff.render.html import Assets, Link, comparison_html, index_html, synopsis_html
from treatydiff.render.markdown import comparison_markdown
from treatydiff.report.comparison import build_report
from treatydiff.report.synopsis import (
    CLOSEST_CLAUSE,
    file_name_part,
    pair_filename,
    stream_synopsis,
)
from treatydiff.site.config import SiteConfig, Source

ASSETS = "assets"  # the folder of the stylesheet and script, in the site folder

Resolve = Callable[[str, Source], Instrument]
Compare = Callable[[Instrument, Instrument, Source], Comparison]


def build_site(config: SiteConfig, *, generated: str | None = None) -> dict[str, str]:
    """Every page of the site: relative path -> content; ``generated``: the build time the
    HTML pages state (``render.html.build_time``), if any. A TreatydiffError while reading
    or comparing is raised again with the config file named first."""
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

    try:
        return _pages(config, resolve, compare_entry, generated)
    except TreatydiffError as exc:
        raise type(exc)(f"{config.file}: {exc}") from None


def site_inputs(config: SiteConfig) -> list[Path]:
    """The local files the entries of ``config`` name (a catalogue REF names none), which
    no page of the site may overwrite."""
    refs = [ref for entry in config.synopses for ref in entry.refs]
    refs += [ref for entry in config.comparisons for ref in (entry.left, entry.right)]
    paths = [config.folder / ref for ref in refs]
    return [path for path in paths if path.exists()]


def _pages(
    config: SiteConfig, resolve: Resolve, compare: Compare, generated: str | None
) -> dict[str, str]:
    from treatydiff.engine.closest import ClosestClauses

    pages: dict[str, str] = {}
    assets = Assets(css=f"{ASSETS}/treatydiff.css", js=f"{ASSETS}/treatydiff.js")
    index = Link("index.html", "All reports")
    # pair page -> synopsis pages that link to it, for links back
    synopsis_of: dict[str, list[Link]] = {}
    synopsis_pages: list[tuple[Link, Source, list[tuple[Comparison, str]]]] = []
    for entry in config.synopses:
        source = entry.source
        instruments = _distinct([resolve(ref, source) for ref in entry.refs])
        # The anchor's comparisons (their reports are pages of the site); every other pair
        # by the quick estimate.
        anchored = {other.id: compare(instruments[0], other, source) for other in instruments[1:]}
        synopsis = stream_synopsis(
            instruments,
            partial(_anchored, anchored),
            ClosestClauses(threshold=source.threshold).estimate,
            measure=CLOSEST_CLAUSE,
        )
        name = f"synopsis-{entry.name or file_name_part(instruments[0].id)}.html"
        link = Link(name, entry.title or f"Synopsis: {synopsis.anchor.title}")
        _put(pages, name, synopsis_html(synopsis, assets=assets, nav=[index], generated=generated))
        pairs = [
            (anchored[other.id], page)
            for other, page in zip(instruments[1:], synopsis.pairs, strict=True)
        ]
        for _, pair in pairs:
            synopsis_of.setdefault(pair, []).append(link)
        synopsis_pages.append((link, source, pairs))
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


def _anchored(comparisons: dict[str, Comparison], _: Instrument, right: Instrument) -> Comparison:
    """The comparison of the anchor with ``right``, made already."""
    return comparisons[right.id]


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


def build_synopsis_pages(
    instruments: Sequence[Instrument],
    fmt: str,
    *,
    output: Path | None,
    pairs_dir: Path | None = None,
    generated: str | None = None,
) -> tuple[str, dict[Path, str]]:
    """The synopsis of ``instruments`` (the first is the anchor; see
    ``report.synopsis.stream_synopsis``) in ``fmt`` (html, md, json), to be written to
    ``output`` (None: standard output), and, with ``pairs_dir``, the pairwise HTML
    reports of the anchor by the path they go to, which the synopsis's lineage links to;
    ``generated``: the build time HTML pages state."""
    from treatydiff.engine.closest import ClosestClauses
    from treatydiff.engine.compare import compare
    from treatydiff.render import render_synopsis

    family = _distinct(instruments)
    base = output.parent if output is not None else Path(".")
    folder = "" if pairs_dir is None else Path(os.path.relpath(pairs_dir, base)).as_posix()
    pairs: dict[Path, str] = {}
    nav: list[Link] = []
    if pairs_dir is not None and output is not None:
        back = Path(os.path.relpath(output, pairs_dir)).as_posix()
        nav.append(Link(back, "Synopsis"))

    def report(comparison: Comparison, name: str) -> None:
        if pairs_dir is not None:
            html = comparison_html(build_report(comparison), nav=nav, generated=generated)
            pairs[pairs_dir / name] = html

    # The anchor's comparisons one at a time (each report rendered, then the comparison
    # dropped); every other pair, whose report is not written, by the quick estimate.
    synopsis = stream_synopsis(
        family,
        compare,
        ClosestClauses().estimate,
        pair_folder=folder,
        report=report,
        measure=CLOSEST_CLAUSE,
    )
    text = render_synopsis(synopsis, fmt, pair_links=pairs_dir is not None, generated=generated)
    return text, pairs
