"""Renderings of one instrument for `treatydiff show`."""

from __future__ import annotations

import json
from typing import Any

from treatydiff.model import Instrument, LeafView
from treatydiff.segment.labels import LabelStyle, citation


def instrument_dict(instrument: Instrument, *, label_style: LabelStyle = "un") -> dict[str, Any]:
    """The JSON shape of an instrument: leaf clauses in document order."""
    meta = {k: v for k, v in vars(instrument.metadata).items() if v is not None}
    return {
        "id": instrument.id,
        "title": instrument.title,
        "metadata": dict(sorted(meta.items())),
        "clauses": [leaf_dict(leaf, label_style=label_style) for leaf in instrument.leaves],
    }


def leaf_dict(leaf: LeafView, *, label_style: LabelStyle = "un") -> dict[str, Any]:
    clause = leaf.clause
    return {
        "id": clause.eid,
        "label": citation(leaf.path, style=label_style),
        "kind": clause.kind,
        "num": clause.num,
        "heading": _heading(leaf),
        "text": clause.text,
        "source": {"line": clause.line},
    }


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
