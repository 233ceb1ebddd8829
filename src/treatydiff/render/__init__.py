"""Stage 8, render: report models and comparisons as text, JSON, HTML and Markdown.

Every renderer returns a string and touches neither files nor the environment: writing
the result, the HTML pages' stylesheet and script (``html.asset_files``) and reading the
build time (``html.build_time`` of SOURCE_DATE_EPOCH) are the caller's job (the CLI, the
site). Modules: ``text`` (plain text and the inline word-diff notation), ``json``,
``html``, ``markdown`` (with ``mdtext``), ``show`` (views of one instrument).
``render_comparison`` and ``render_synopsis`` pick a renderer by format name.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from treatydiff.errors import InputError

if TYPE_CHECKING:
    from treatydiff.engine.comparison import Comparison
    from treatydiff.render.html import Assets
    from treatydiff.report.sides import SideLabels
    from treatydiff.report.synopsis import Synopsis
    from treatydiff.segment.labels import LabelStyle


def source_date(epoch: str | None) -> datetime | None:
    """The time a build states, from the value of SOURCE_DATE_EPOCH (seconds since 1970,
    UTC; reproducible builds' convention); None when unset or empty. A value that is no
    such number raises InputError."""
    if not epoch:
        return None
    try:
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    except (ValueError, OverflowError, OSError):
        raise InputError(f"SOURCE_DATE_EPOCH must be a number of seconds, not {epoch!r}") from None


def render_comparison(
    comparison: Comparison,
    fmt: str,
    *,
    assets: Assets | None = None,
    label_style: LabelStyle = "un",
    labels: SideLabels | None = None,
    generated: str | None = None,
) -> str:
    """The report of ``comparison`` as ``html`` or ``md``, clauses cited in
    ``label_style``, the sides named by ``labels`` (None: their defaults). HTML only:
    ``assets`` links the page to the stylesheet and script instead of inlining them,
    ``generated`` is the build time it states. Another format raises ValueError."""
    # Imported here: each renderer loads Jinja2 and its templates, which the other
    # commands do without.
    from treatydiff.report.comparison import build_report

    report = build_report(comparison, label_style=label_style, labels=labels)
    if fmt == "md":
        from treatydiff.render.markdown import comparison_markdown

        return comparison_markdown(report)
    if fmt == "html":
        from treatydiff.render.html import comparison_html

        return comparison_html(report, assets=assets, generated=generated)
    raise ValueError(f"no report format {fmt!r}")


def render_synopsis(
    synopsis: Synopsis, fmt: str, *, pair_links: bool, generated: str | None = None
) -> str:
    """The synopsis as ``html``, ``md`` or ``json``; ``pair_links``: the pairwise reports
    exist where the synopsis links them; ``generated``: the build time an HTML page
    states. Another format raises ValueError."""
    if fmt == "json":
        from treatydiff.render.json import render_synopsis_json

        return render_synopsis_json(synopsis)
    if fmt == "md":
        from treatydiff.render.markdown import synopsis_markdown

        return synopsis_markdown(synopsis, pair_links=pair_links)
    if fmt == "html":
        from treatydiff.render.html import synopsis_html

        return synopsis_html(synopsis, pair_links=pair_links, generated=generated)
    raise ValueError(f"no synopsis format {fmt!r}")
