"""Renderings of one instrument for `treatydiff show`."""

from __future__ import annotations

from treatydiff.model import Instrument
from treatydiff.normalize import log_text
from treatydiff.segment.labels import LabelStyle, citation


def render_instrument(
    instrument: Instrument, *, fmt: str, label_style: LabelStyle = "un", explain: bool = False
) -> str:
    """``instrument`` as `treatydiff show` writes it: ``json``, ``akn``, ``treatydiff``,
    ``md``, else plain text (ids, labels and texts of the leaf clauses). With ``explain``,
    the text and Markdown forms end with the guesses the reader made on weak evidence
    (``Instrument.guesses``: a number read mid-line, a caption, a dropped header), each
    with its source line; the JSON form lists them as ``warnings`` whenever there are
    any."""
    if fmt == "json":
        from treatydiff.render.json import render_instrument_json

        return render_instrument_json(instrument, label_style=label_style)
    if fmt == "akn":
        from treatydiff.formats.akn.write import dumps as akn_dumps

        return akn_dumps(instrument)
    if fmt == "treatydiff":
        from treatydiff.formats.native import dumps as native_dumps

        return native_dumps(instrument)
    if fmt == "md":
        return _markdown(instrument, label_style) + (_explained(instrument) if explain else "")
    return _text(instrument, label_style) + (_explained(instrument) if explain else "")


def _explained(instrument: Instrument) -> str:
    if not instrument.guesses:
        return "\nNo structural guesses: every structure was read on firm evidence.\n"
    lines = ["", "Structural guesses made on weak evidence (check them in the source):"]
    for guess in instrument.guesses:
        where = f"line {guess.line}" if guess.line is not None else "file"
        shown = f" {guess.text!r}" if guess.text else ""
        lines.append(f"  {where}: {guess.kind}:{shown} - {guess.detail}")
    return "\n".join(lines) + "\n"


def _text(instrument: Instrument, label_style: LabelStyle) -> str:
    """Every line a ``normalize.log_line``: no control character of a clause reaches the
    terminal, and no line reads as a CI command."""
    lines = [instrument.title, ""]
    for leaf in instrument.leaves:
        lines.append(f"[{leaf.clause.eid}] {citation(leaf.path, style=label_style)}")
        lines.append(f"    {leaf.clause.text}")
    return log_text("\n".join(lines)) + "\n"


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
            label = citation(path, style=label_style)
            lines += [f'<a id="{clause.eid}"></a>**{escape(label)}** {escape(clause.text)}', ""]
    return "\n".join(lines)
