"""HTML pages of report models: comparison reports, synopses and a site's index.

Jinja2 templates (``render.templates``) with autoescape on: instrument text is always
data, never markup. A page is self-contained (inline stylesheet and script, allowed by
hash in its Content Security Policy, no other requests) unless ``Assets`` points at the
stylesheet and script written beside it (``asset_files``), for publishing under a strict
Content Security Policy. Writing those files is the caller's job: nothing here touches
the file system or the environment.
"""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup
from markupsafe import escape as html_escape

from treatydiff.errors import InputError
from treatydiff.render.templates import asset, environment
from treatydiff.report.comparison import ComparisonReport, percent
from treatydiff.report.languages import LanguagesReport
from treatydiff.report.spans import Span
from treatydiff.report.synopsis import Synopsis, heatmap

CSS_FILE = "treatydiff.css"
JS_FILE = "treatydiff.js"


@dataclass(frozen=True)
class Assets:
    """Links from a page to the stylesheet and script written beside it."""

    css: str
    js: str

    @classmethod
    def in_folder(cls, folder: Path, page: Path | None) -> Assets:
        """Relative links from ``page`` (None: the current folder) to ``folder``'s assets."""
        base = page.parent if page is not None else Path(".")
        relative = Path(os.path.relpath(folder, base)).as_posix()
        return cls(css=f"{relative}/{CSS_FILE}", js=f"{relative}/{JS_FILE}")


@dataclass(frozen=True)
class Link:
    """A link of a page's navigation or of a site's index."""

    href: str
    text: str


def asset_files() -> dict[str, str]:
    """The stylesheet and script that pages with ``Assets`` link: file name -> text."""
    return {name: asset(name) for name in (CSS_FILE, JS_FILE)}


def build_time(epoch: str | None) -> str | None:
    """The build time a page states, from the value of SOURCE_DATE_EPOCH (seconds since
    1970, UTC; reproducible builds' convention): "2023-11-14 22:13 UTC"; None when unset
    or empty, and pages then state no time. A value that is no such number raises
    InputError."""
    if not epoch:
        return None
    try:
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}") from None
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def comparison_html(
    report: ComparisonReport,
    *,
    assets: Assets | None = None,
    nav: Sequence[Link] = (),
    generated: str | None = None,
) -> str:
    """The page of a comparison report; ``generated``: the build time it states
    (``build_time``), if any."""
    title = f"{report.left.title} \N{LEFT RIGHT ARROW} {report.right.title}"
    return _page("comparison.html.j2", title, assets, nav, generated, report=report)


def synopsis_html(
    synopsis: Synopsis,
    *,
    assets: Assets | None = None,
    nav: Sequence[Link] = (),
    pair_links: bool = True,
    generated: str | None = None,
) -> str:
    """The page of a synopsis; ``pair_links``: the pairwise reports exist where the
    lineage links them."""
    title = f"Synopsis: {synopsis.anchor.title}"
    return _page(
        "synopsis.html.j2",
        title,
        assets,
        nav,
        generated,
        synopsis=synopsis,
        pair_links=pair_links,
        heatmap=heatmap(synopsis),
    )


def languages_html(
    report: LanguagesReport, *, assets: Assets | None = None, generated: str | None = None
) -> str:
    """The page of a language-versions report: the divergences listed, the versions side
    by side with the divergences marked."""
    title = f"Language versions: {', '.join(report.languages)}"
    return _page("languages.html.j2", title, assets, (), generated, report=report)


def index_html(
    title: str,
    entries: Sequence[tuple[str, Sequence[Link]]],
    *,
    assets: Assets | None = None,
    generated: str | None = None,
) -> str:
    """A site's index: groups of links under headings."""
    return _page("index.html.j2", title, assets, (), generated, entries=entries)


_HTML_TAG = {"insert": "ins", "delete": "del"}


def html_spans(spans: Sequence[Span]) -> Markup:
    """Spans as HTML: ``<ins>`` and ``<del>`` around changes."""
    out: list[str] = []
    for span in spans:
        tag = _HTML_TAG.get(span.kind)
        text = html_escape(span.text)
        out.append(f"<{tag}>{text}</{tag}>" if tag else str(text))
    return Markup("".join(out))


def html_lines(lines: Sequence[Sequence[Span]]) -> Markup:
    """Lines of spans (``Row.redline``) as HTML, a line break between them."""
    return Markup("<br>".join(html_spans(line) for line in lines))


@cache
def _environment() -> jinja2.Environment:
    env = environment(autoescape=True)
    env.filters["spans"] = html_spans
    env.filters["lines"] = html_lines
    env.filters["pct"] = percent
    return env


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _page(
    template: str,
    title: str,
    assets: Assets | None,
    nav: Sequence[Link],
    generated: str | None,
    **context: Any,
) -> str:
    css, js = asset(CSS_FILE), asset(JS_FILE)
    if assets is None:
        sources = f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}"
    else:
        sources = "style-src 'self'; script-src 'self'"
    csp = f"default-src 'none'; {sources}; img-src data:; base-uri 'none'; form-action 'none'"
    return (
        _environment()
        .get_template(template)
        .render(
            page_title=title,
            csp=csp,
            assets=assets,
            css=Markup(css),
            js=Markup(js),
            nav=nav,
            generated=generated,
            **context,
        )
    )
