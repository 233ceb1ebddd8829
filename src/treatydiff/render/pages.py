"""Rendering report models as HTML and Markdown, with Jinja2 templates.

The templates live in the top-level ``templates/`` folder (``resources.data_dir``). Two
environments, both with StrictUndefined: HTML with autoescape on, and Markdown, where
every expression is escaped with ``mdtext.escape`` unless a filter of this module already
made it Markdown. Instrument text is thereby always data, never markup.

An HTML page is self-contained (inline CSS and script, allowed by hash in its Content
Security Policy, no other requests) unless ``Assets`` points at the stylesheet and script
written beside it, for publishing under a strict Content Security Policy.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from markupsafe import escape as html_escape

from treatydiff import __version__
from treatydiff.engine.comparison import CLAUSE_SEPARATOR, Comparison
from treatydiff.errors import InputError
from treatydiff.outputs import write_atomic
from treatydiff.render.mdtext import escape as md_escape
from treatydiff.render.mdtext import table_cell
from treatydiff.report.comparison import (
    CLOSEST_FLOOR,
    ComparisonReport,
    Span,
    Synopsis,
    build_report,
    synopsis_dict,
)
from treatydiff.resources import data_dir
from treatydiff.segment.labels import LabelStyle

CSS_FILE = "treatydiff.css"
JS_FILE = "treatydiff.js"
# GitHub's limit for a job summary is 1 MiB; the note on truncation must fit too.
MD_LIMIT = 1024 * 1024
_MD_NOTE_ROOM = 2048


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
    href: str
    text: str


def write_assets(folder: Path) -> None:
    """Write the stylesheet and script of the HTML pages into ``folder``."""
    for name in (CSS_FILE, JS_FILE):
        write_atomic(folder / name, _asset(name).encode("utf-8"))


# --- entry points --------------------------------------------------------------------


def render_comparison(
    comparison: Comparison,
    fmt: str,
    *,
    assets_dir: Path | None = None,
    page: Path | None = None,
    label_style: LabelStyle = "un",
) -> str:
    """The report of ``comparison`` as ``html`` or ``md``, clauses cited in ``label_style``.

    With ``assets_dir`` (HTML only), the stylesheet and script are written there and the
    page, to be written at ``page`` (None: standard output, links relative to the current
    folder), links them instead of inlining them.
    """
    report = build_report(comparison, label_style=label_style)
    if fmt == "md":
        if assets_dir is not None:
            raise ValueError("a Markdown report has no assets")
        return comparison_markdown(report)
    if fmt != "html":
        raise ValueError(f"no report format {fmt!r}")
    if assets_dir is None:
        return comparison_html(report)
    write_assets(assets_dir)
    return comparison_html(report, assets=Assets.in_folder(assets_dir, page))


def render_synopsis(synopsis: Synopsis, fmt: str, *, pair_links: bool) -> str:
    """The synopsis as ``html``, ``md`` or ``json``; ``pair_links``: the pairwise reports
    exist where the synopsis links them."""
    if fmt == "json":
        data = synopsis_dict(synopsis)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "md":
        return synopsis_markdown(synopsis, pair_links=pair_links)
    if fmt == "html":
        return synopsis_html(synopsis, pair_links=pair_links)
    raise ValueError(f"no synopsis format {fmt!r}")


def comparison_html(
    report: ComparisonReport,
    *,
    assets: Assets | None = None,
    nav: Sequence[Link] = (),
) -> str:
    title = f"{report.left.title} \N{LEFT RIGHT ARROW} {report.right.title}"
    return _page("comparison.html.j2", title, assets, nav, report=report)


def synopsis_html(
    synopsis: Synopsis,
    *,
    assets: Assets | None = None,
    nav: Sequence[Link] = (),
    pair_links: bool = True,
) -> str:
    """``pair_links``: the pairwise reports exist beside the page, so link to them."""
    title = f"Synopsis: {synopsis.anchor.title}"
    return _page(
        "synopsis.html.j2",
        title,
        assets,
        nav,
        synopsis=synopsis,
        pair_links=pair_links,
        heatmap=heatmap(synopsis),
    )


def index_html(
    title: str, entries: Sequence[tuple[str, Sequence[Link]]], *, assets: Assets | None = None
) -> str:
    """A site's index: groups of links under headings."""
    return _page("index.html.j2", title, assets, (), entries=entries)


def standalone_page(template: str, title: str, **context: Any) -> str:
    """The self-contained HTML page of ``template`` (which extends ``_page.html.j2``),
    titled ``title``, rendered with ``context``."""
    return _page(template, title, None, (), **context)


def comparison_markdown(report: ComparisonReport, *, limit: int = MD_LIMIT) -> str:
    """GitHub-flavoured Markdown: the summary, then the changed clauses article by
    article; sections that would pass ``limit`` bytes are left out, with a note."""
    env = markdown_environment()
    head = env.get_template("comparison.md.j2").render(report=report)
    section_template = env.get_template("section.md.j2")
    budget = limit - len(head.encode("utf-8")) - _MD_NOTE_ROOM
    parts: list[str] = [head]
    changed = [section for section in report.sections if section.changed_rows]
    for n, section in enumerate(changed):
        text = section_template.render(section=section)
        size = len(text.encode("utf-8"))
        if size > budget:
            left_out = changed[n:]
            parts.append(
                env.get_template("truncated.md.j2").render(
                    sections=len(left_out),
                    rows=sum(len(s.changed_rows) for s in left_out),
                    limit=limit,
                )
            )
            break
        budget -= size
        parts.append(text)
    return "".join(parts)


def synopsis_markdown(synopsis: Synopsis, *, pair_links: bool = True) -> str:
    return (
        markdown_environment()
        .get_template("synopsis.md.j2")
        .render(synopsis=synopsis, pair_links=pair_links)
    )


# --- environments and filters ----------------------------------------------------------


@cache
def html_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates")),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["spans"] = html_spans
    env.filters["pct"] = percent
    env.globals["version"] = __version__
    env.globals["closest_floor"] = CLOSEST_FLOOR
    return env


@cache
def markdown_environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(data_dir("templates")),
        autoescape=False,
        finalize=_markdown_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["spans"] = markdown_spans
    env.filters["cell"] = lambda value: Markup(table_cell(str(value)))
    env.filters["pct"] = lambda value: Markup(percent(value))
    env.globals["closest_floor"] = CLOSEST_FLOOR
    env.filters["quote"] = markdown_quote
    env.filters["link"] = markdown_link
    env.globals["version"] = __version__
    return env


def _markdown_finalize(value: Any) -> str:
    """Every expression of a Markdown template is text to escape, unless a filter above
    already turned it into Markdown (``Markup``)."""
    if isinstance(value, Markup):
        return str(value)
    return md_escape(str(value), at_line_start=False)


def percent(value: float) -> str:
    """A similarity as a whole percentage; below 100 unless the texts are equal."""
    return f"{_whole_percent(value)} %"


def _whole_percent(value: float) -> int:
    # Floored, with room for float error (0.58 * 100 = 57.99...).
    return math.floor(value * 100 + 1e-9)


_HTML_TAG = {"insert": "ins", "delete": "del"}


def html_spans(spans: Sequence[Span]) -> Markup:
    """Spans as HTML: ``<ins>`` and ``<del>`` around changes; a line break where the
    clauses of a split or merge were joined."""
    out: list[str] = []
    for span in spans:
        tag = _HTML_TAG.get(span.kind)
        parts = [
            f"<{tag}>{html_escape(part)}</{tag}>" if tag and part else str(html_escape(part))
            for part in span.text.split(CLAUSE_SEPARATOR)
        ]
        out.append("<br>".join(parts))
    return Markup("".join(out))


def markdown_spans(spans: Sequence[Span]) -> Markup:
    """Spans as Markdown: ``<ins>`` and ``<del>`` around changes, a new paragraph where
    the clauses of a split or merge were joined."""
    lines: list[str] = [""]
    previous = ""  # the deleted text just before, if any
    for span in spans:
        for n, part in enumerate(span.text.split(CLAUSE_SEPARATOR)):
            if n:
                lines.append("")
            if not part:
                continue
            text = md_escape(part, at_line_start=not lines[-1])
            tag = _HTML_TAG.get(span.kind)
            if previous[-1:].isalnum() and span.kind == "insert" and part[:1].isalnum():
                lines[-1] += " "  # "<del>should</del> <ins>shall</ins>": keep words apart
            lines[-1] += f"<{tag}>{text}</{tag}>" if tag else text
            previous = part if span.kind == "delete" else ""
    return Markup("\n\n".join(line for line in lines if line))


def markdown_link(text: str, href: str) -> Markup:
    """A link in a table cell; ``href`` is one of treatydiff's own relative links."""
    target = quote(href, safe="/#._-")
    return Markup(f"[{table_cell(text)}]({target})")


def markdown_quote(markdown: Markup) -> Markup:
    """Markdown as a block quote."""
    return Markup("\n".join(f"> {line}" if line else ">" for line in markdown.split("\n")))


# --- pages ------------------------------------------------------------------------------


@cache
def _asset(name: str) -> str:
    return (data_dir("templates") / name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _page(
    template: str,
    title: str,
    assets: Assets | None,
    nav: Sequence[Link],
    **context: Any,
) -> str:
    css, js = _asset(CSS_FILE), _asset(JS_FILE)
    if assets is None:
        sources = f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}"
    else:
        sources = "style-src 'self'; script-src 'self'"
    csp = f"default-src 'none'; {sources}; img-src data:; base-uri 'none'; form-action 'none'"
    return (
        html_environment()
        .get_template(template)
        .render(
            page_title=title,
            csp=csp,
            assets=assets,
            css=Markup(css),
            js=Markup(js),
            nav=nav,
            generated=generated_at(),
            **context,
        )
    )


def generated_at() -> str | None:
    """The build time from SOURCE_DATE_EPOCH, when set; reports carry no clock time else."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        moment = datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}") from None
    return moment.strftime("%Y-%m-%d %H:%M UTC")


# --- the heat map of a synopsis -----------------------------------------------------------

# Cividis, a palette readable with every kind of colour blindness: dark blue (low) to
# yellow (high); numbers are always printed in the cells.
_CIVIDIS = (
    "#00204d", "#00336f", "#39486b", "#575c6d", "#707173",
    "#8a8779", "#a69d75", "#c4b56c", "#e4cf5b", "#fdea45",
)  # fmt: skip


@dataclass(frozen=True)
class HeatCell:
    x: int
    y: int
    fill: str
    ink: str
    text: str
    title: str


@dataclass(frozen=True)
class Heatmap:
    size: int  # of a cell, in SVG units
    left: int  # room for the row labels
    top: int  # room for the column labels, slanted upwards
    width: int
    height: int
    labels: tuple[str, ...]
    cells: tuple[HeatCell, ...]


# Width of a character of the labels (13px system-ui) and the slant of column labels.
_CHAR_WIDTH = 7.5
_SLANT = math.radians(60)


def heatmap(synopsis: Synopsis, *, cell: int = 56) -> Heatmap:
    labels = tuple(inst.id for inst in synopsis.instruments)
    text_width = _CHAR_WIDTH * max(len(label) for label in labels)
    left = math.ceil(text_width) + 16
    top = math.ceil(text_width * math.sin(_SLANT)) + 16
    overhang = max(0, math.ceil(text_width * math.cos(_SLANT)) - cell // 2)
    cells: list[HeatCell] = []
    for i, row in enumerate(synopsis.matrix):
        for j, value in enumerate(row):
            # The square root spreads the low similarities of unrelated instruments.
            step = min(int(math.sqrt(max(value, 0.0)) * len(_CIVIDIS)), len(_CIVIDIS) - 1)
            cells.append(
                HeatCell(
                    x=left + j * cell,
                    y=top + i * cell,
                    fill=_CIVIDIS[step],
                    ink="#ffffff" if step < 5 else "#000000",
                    text=str(_whole_percent(value)),
                    title=f"{labels[i]} and {labels[j]}: similarity {percent(value)}",
                )
            )
    span = cell * len(labels)
    return Heatmap(
        cell, left, top, left + span + overhang + 8, top + span + 8, labels, tuple(cells)
    )
