"""GitHub-flavoured Markdown of report models: comparison reports and synopses.

Jinja2 templates (``render.templates``) in which every expression is escaped with
``mdtext.escape`` unless a filter of this module already made it Markdown (``Markup``):
instrument text is always data, never markup. Changes are ``<ins>`` and ``<del>``, which
GitHub shows as underlined and struck through.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from treatydiff.render.mdtext import escape as md_escape
from treatydiff.render.mdtext import table_cell
from treatydiff.render.templates import environment
from treatydiff.report.comparison import ComparisonReport
from treatydiff.report.figures import percent
from treatydiff.report.spans import Span

if TYPE_CHECKING:  # a comparison report needs none of the synopsis: no import at run time
    from treatydiff.report.synopsis import Synopsis

# GitHub's limit for a job summary is 1 MiB; the note on truncation must fit too.
MD_LIMIT = 1024 * 1024
_MD_NOTE_ROOM = 2048

_HTML_TAG = {"insert": "ins", "delete": "del"}
# What ends a line in Markdown (CommonMark: line feed, carriage return).
_LINE_BREAK = re.compile("[\n\r]")


def comparison_markdown(report: ComparisonReport, *, limit: int = MD_LIMIT) -> str:
    """The summary, then the changed clauses article by article; sections that would
    pass ``limit`` bytes (UTF-8) are left out, with a note."""
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
    """The synopsis: instruments, pairwise similarity and clause lineage as tables;
    ``pair_links``: the pairwise reports exist where the lineage links them."""
    # Imported here: a comparison report, the common page, needs none of the synopsis.
    from treatydiff.report.synopsis import CLOSEST_FLOOR

    return (
        markdown_environment()
        .get_template("synopsis.md.j2")
        .render(synopsis=synopsis, pair_links=pair_links, closest_floor=CLOSEST_FLOOR)
    )


def markdown_spans(spans: Sequence[Span]) -> Markup:
    """Spans as Markdown: ``<ins>`` and ``<del>`` around changes. Whitespace at the
    edges of a change stands outside its tags ("any State <del>that</del>."), line
    breaks too: a tag alone on a line would open an HTML block, in which Markdown
    escapes no longer work."""
    out = ""
    previous = ""  # the deleted text just before, if any
    for span in spans:
        tag = _HTML_TAG.get(span.kind)
        if previous[-1:].isalnum() and span.kind == "insert" and span.text[:1].isalnum():
            out += " "  # "<del>should</del> <ins>shall</ins>": keep words apart
        previous = span.text if span.kind == "delete" else ""
        if not tag:
            out += md_escape(span.text, at_line_start=not out)
            continue
        before, words, after = _outside_whitespace(span.text)
        out += md_escape(before, at_line_start=not out)
        if words:
            out += f"<{tag}>{md_escape(words, at_line_start=not out)}</{tag}>"
        out += md_escape(after, at_line_start=False)
    return Markup(out)


def _outside_whitespace(text: str) -> tuple[str, str, str]:
    """``text`` as (leading whitespace, the rest, trailing whitespace); a change of
    whitespace only stays whole unless it holds a line break."""
    core = text.strip()
    if not core:
        return ("", "", text) if _LINE_BREAK.search(text) else ("", text, "")
    start = text.index(core)
    return text[:start], core, text[start + len(core) :]


# A letter of a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko...; Arabic
# presentation forms).
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")


def markdown_lines(lines: Sequence[Sequence[Span]]) -> Markup:
    """Lines of spans (``Row.redline``) as Markdown, each a paragraph of its own; one
    holding right-to-left text in a ``<span dir="auto">``, so that a viewer sets its
    direction from its first strong letter (Arabic and Hebrew clauses read right to
    left, their full stops and changes on the right side)."""
    texts = (text for text in map(markdown_spans, lines) if text)
    return Markup("\n\n".join(_directed(t) if _RTL.search(t) else t for t in texts))


def _directed(text: str) -> str:
    """``text`` in a ``<span dir="auto">``, its outer whitespace outside: a span opening
    a line that holds nothing else would start an HTML block, no inline span."""
    lead, core, trail = _outside_whitespace(text)
    return f'{lead}<span dir="auto">{core}</span>{trail}'


def markdown_link(text: str, href: str) -> Markup:
    """A link in a table cell; ``href`` is one of treatydiff's own relative links."""
    target = quote(href, safe="/#._-")
    return Markup(f"[{table_cell(text)}]({target})")


def markdown_quote(markdown: Markup) -> Markup:
    """Markdown as a block quote."""
    return Markup("\n".join(f"> {line}" if line else ">" for line in markdown.split("\n")))


@cache
def markdown_environment() -> jinja2.Environment:
    """The Markdown environment (compiled once per process): every expression escaped
    as Markdown text unless a filter of this module made it Markdown."""
    env = environment(autoescape=False, finalize=_finalize)
    env.filters["spans"] = markdown_spans
    env.filters["lines"] = markdown_lines
    env.filters["cell"] = lambda value: Markup(table_cell(str(value)))
    env.filters["pct"] = lambda value: Markup(percent(value))
    env.filters["quote"] = markdown_quote
    env.filters["link"] = markdown_link
    return env


def _finalize(value: Any) -> str:
    """Every expression of a Markdown template is text to escape, unless a filter above
    already turned it into Markdown (``Markup``)."""
    if isinstance(value, Markup):
        return str(value)
    return md_escape(str(value), at_line_start=False)
