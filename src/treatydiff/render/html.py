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
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup
from markupsafe import escape as html_escape

from treatydiff.render import source_date
from treatydiff.render.templates import asset, environment
from treatydiff.report.comparison import ComparisonReport
from treatydiff.report.figures import percent
from treatydiff.report.spans import Span

if TYPE_CHECKING:  # the language-version report and the synopsis: no import at run time
    from treatydiff.report.languages import LanguagesReport
    from treatydiff.report.synopsis import Synopsis

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
    moment = source_date(epoch)
    return None if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


PAPER_SIZES = ("a4", "letter")


def comparison_html(
    report: ComparisonReport,
    *,
    assets: Assets | None = None,
    nav: Sequence[Link] = (),
    generated: str | None = None,
    printed: bool = False,
    paper: str | None = None,
) -> str:
    """The page of a comparison report; ``generated``: the build time it states
    (``build_time``), if any. Printed, every page names both sides in its running
    header and numbers itself (``print_page_css``; not with ``assets``, whose pages hold
    no inline code); ``printed``: the page is made for print
    (legend, change list and unchanged runs open); ``paper``: its size, one of
    PAPER_SIZES (None: the printer's)."""
    title = f"{report.left.title} \N{LEFT RIGHT ARROW} {report.right.title}"
    page_css = print_page_css(report.left.label, report.right.label, paper=paper)
    return _page(
        "comparison.html.j2",
        title,
        assets,
        nav,
        generated,
        page_css=page_css,
        report=report,
        printed=printed,
    )


def print_page_css(left: str, right: str, *, paper: str | None = None) -> str:
    """The CSS paged-media rules of a printed comparison: the sides' names in the
    running header of every page, "page N of M" at its foot, and ``paper`` (a4,
    letter) as the page size when given (CSS Paged Media 3 margin boxes). ValueError
    for another paper."""
    if paper is not None and paper not in PAPER_SIZES:
        raise ValueError(f"no paper size {paper!r}")
    size = f"size: {'A4' if paper == 'a4' else 'letter'}; " if paper else ""
    box = "font: 8.5pt system-ui, sans-serif; color: #333;"
    return (
        f"@page {{ {size}margin: 16mm 14mm 14mm; "
        f"@top-left {{ content: {_css_string('Left: ' + left)}; {box} }} "
        f"@top-right {{ content: {_css_string('Right: ' + right)}; {box} }} "
        f'@bottom-center {{ content: "Page " counter(page) " of " counter(pages); {box} }} }}'
    )


def _css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits, spaces and plain
    punctuation as a hex escape, so that no text closes the string or the style."""
    safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;@_-+()")
    return '"' + "".join(c if c in safe else f"\\{ord(c):06x}" for c in text) + '"'


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
    # Imported here: a comparison report, the common page, needs none of the synopsis.
    from treatydiff.report.synopsis import CLOSEST_FLOOR, heatmap

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
        closest_floor=CLOSEST_FLOOR,
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
    """Spans as HTML: ``<ins>`` and ``<del>`` around changes, the whitespace at their
    edges outside the tags ("any State <del>that</del>.")."""
    out: list[str] = []
    for span in spans:
        tag = _HTML_TAG.get(span.kind)
        core = span.text.strip()
        if not tag or not core:
            text = html_escape(span.text)
            out.append(f"<{tag}>{text}</{tag}>" if tag else str(text))
            continue
        start = span.text.index(core)
        before, after = span.text[:start], span.text[start + len(core) :]
        out.append(f"{before}<{tag}>{html_escape(core)}</{tag}>{after}")
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


def standalone_page(template: str, title: str, **context: Any) -> str:
    """The self-contained HTML page of ``template`` (which extends ``_page.html.j2``),
    titled ``title``, rendered with ``context``: inline stylesheet and script, no build
    time, no navigation."""
    return _page(template, title, None, (), None, **context)


def _page(
    template: str,
    title: str,
    assets: Assets | None,
    nav: Sequence[Link],
    generated: str | None,
    page_css: str | None = None,
    **context: Any,
) -> str:
    """A page of ``template``; ``page_css``: a style of the page's own (its paged-media
    rules), inline and allowed by hash; left out of a page that links its stylesheet
    (``assets``), which holds no inline code."""
    css, js = asset(CSS_FILE), asset(JS_FILE)
    page_css = page_css if assets is None else None
    own = f" {_csp_hash(page_css)}" if page_css else ""
    if assets is None:
        sources = f"style-src {_csp_hash(css)}{own}; script-src {_csp_hash(js)}"
    else:
        sources = f"style-src 'self'{own}; script-src 'self'"
    csp = f"default-src 'none'; {sources}; img-src data:; base-uri 'none'; form-action 'none'"
    page = (
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
            page_css=Markup(page_css) if page_css else None,
            **context,
        )
    )
    return log_safe_html(page)


# The elements whose content is no HTML text (character references are not read there):
# the page's own stylesheet and script, which hold no input text.
_RAW_ELEMENTS = re.compile(r"(<(script|style)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_LINE_COMMAND = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)


def log_safe_html(page: str) -> str:
    """``page`` with no line that a CI log reads as a workflow command (see
    ``normalize.log_line``), the same page in a browser: outside ``script`` and ``style``
    elements, ``##[`` is written ``##&#91;`` and a colon that begins a line's ``::`` is
    written ``&#58;``."""
    pieces = _RAW_ELEMENTS.split(page)
    out = []
    # split() gives text, then each match's two groups (the element, its name), in turn.
    for k in range(0, len(pieces), 3):
        text = pieces[k].replace("##[", "##&#91;")
        if "::" in text:  # re scans a long page line by line for ^; str finds "::" at once
            text = _LINE_COMMAND.sub(r"\1&#58;", text)
        out.append(text)
        if k + 1 < len(pieces):
            out.append(pieces[k + 1])
    return "".join(out)
