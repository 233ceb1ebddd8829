"""Renderings of one instrument for `treatydiff show`."""

from __future__ import annotations

import json
from typing import Any

from treatydiff.model import Instrument, LeafView, Metadata
from treatydiff.segment.labels import LabelStyle, citation


def instrument_dict(instrument: Instrument, *, label_style: LabelStyle = "un") -> dict[str, Any]:
    """The JSON shape of an instrument: leaf clauses in document order."""
    meta = {k: v for k, v in vars(instrument.metadata).items() if v is not None}
    return {
        "id": instrument.id,
        "title": instrument.title,
        "metadata": dict(sorted(meta.items())),
        "clauses": [
            leaf_dict(leaf, label_style=label_style, metadata=instrument.metadata)
            for leaf in instrument.leaves
        ],
    }


def leaf_dict(
    leaf: LeafView, *, label_style: LabelStyle = "un", metadata: Metadata | None = None
) -> dict[str, Any]:
    """The JSON shape of a leaf clause; its source position has the page and the line
    on the page too when ``metadata`` maps a paged source (a PDF)."""
    clause = leaf.clause
    source: dict[str, int | None] = {"line": clause.line}
    position = metadata.position(clause.line) if metadata and clause.line else None
    if position is not None:
        source["page"], source["page_line"] = position
    return {
        "id": clause.eid,
        "label": citation(leaf.path, style=label_style),
        "kind": clause.kind,
        "num": clause.num,
        "heading": _heading(leaf),
        "text": clause.text,
        "source": source,
    }


def render_parts(parts: list[Instrument]) -> str:
    """The instruments of one file, one a line: its ``FILE#N`` number, pages (of a PDF),
    articles and title."""
    rows: list[str] = []
    for number, instrument in enumerate(parts, 1):
        found = [
            instrument.metadata.position(clause.line)
            for clause in instrument.walk()
            if clause.line is not None
        ]
        pages = sorted(position[0] for position in found if position is not None)
        where = f"pp. {pages[0]}-{pages[-1]}" if pages else ""
        count = len(instrument.articles())
        noun = "article" if count == 1 else "articles"
        rows.append(f"#{number}\t{where}\t{count} {noun}\t{instrument.title}")
    return "\n".join(rows) + "\n"


def _heading(leaf: LeafView) -> str | None:
    """The nearest caption: the clause's own, else its article's."""
    for clause in reversed(leaf.path):
        if clause.heading:
            return clause.heading
        if clause.kind == "article":
            break
    return None


def render_instrument(instrument: Instrument, *, fmt: str, label_style: LabelStyle = "un") -> str:
    if fmt == "json":
        data = instrument_dict(instrument, label_style=label_style)
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if fmt == "akn":
        from treatydiff.formats.akn.write import dumps as akn_dumps

        return akn_dumps(instrument)
    if fmt == "treatydiff":
        from treatydiff.formats.native import dumps as native_dumps

        return native_dumps(instrument)
    if fmt == "md":
        return _markdown(instrument, label_style)
    return _text(instrument, label_style)


def _text(instrument: Instrument, label_style: LabelStyle) -> str:
    lines = [instrument.title, ""]
    for leaf in instrument.leaves:
        lines.append(f"[{leaf.clause.eid}] {citation(leaf.path, style=label_style)}")
        lines.append(f"    {leaf.clause.text}")
    return "\n".join(lines) + "\n"


def _markdown(instrument: Instrument, label_style: LabelStyle) -> str:
    from treatydiff.render.mdtext import escape

    lines = [f"# {escape(instrument.title)}", ""]
    for clause in instrument.walk():
        path = instrument.by_eid[clause.eid].path
        if clause.kind == "article" or not clause.is_leaf:
            heading = citation(path, style=label_style)
            if clause.heading:
                heading += f": {clause.heading}"
            level = 2 if clause.kind == "article" else 3
            if clause.kind in ("paragraph", "point", "intro", "wrapup"):
                continue
            lines += [f"{'#' * level} {escape(heading)}", ""]
        if clause.is_leaf and clause.text:
            label = citation(path, style="short")
            lines += [f'<a id="{clause.eid}"></a>**{escape(label)}** {escape(clause.text)}', ""]
    return "\n".join(lines)
