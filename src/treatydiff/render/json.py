"""JSON renderings: of a comparison, a synopsis and an instrument (`treatydiff show`).

A comparison follows the schema ``treatydiff.comparison/1`` (shipped as
``treatydiff/schemas/comparison-1.schema.json``), a synopsis ``treatydiff.synopsis/2``.
All with sorted keys, two-space indents and similarities rounded to four decimals
(``report.figures.exact``: the figure every other format shows in percent is cut from
this one), so that the same input gives the same bytes.
"""

from __future__ import annotations

import json
import math
import re
from json.encoder import encode_basestring
from typing import TYPE_CHECKING, Any

from treatydiff.engine.comparison import Alignment, Comparison, DiffOp, Summary
from treatydiff.model import Instrument, LeafView, Metadata
from treatydiff.report.figures import exact
from treatydiff.report.sides import SideLabels, side_labels
from treatydiff.segment.labels import LabelStyle, citation

if TYPE_CHECKING:
    from treatydiff.report.synopsis import Synopsis

SCHEMA_ID = "treatydiff.comparison/1"
SCHEMA_RESOURCE = "schemas/comparison-1.schema.json"


def schema() -> dict[str, Any]:
    """The shipped JSON Schema of the comparison JSON."""
    # Imported here: importlib.resources (with tempfile) costs a compare run 5 ms.
    from importlib.resources import files

    data: dict[str, Any] = json.loads(
        files("treatydiff").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    )
    return data


SYNOPSIS_SCHEMA_ID = "treatydiff.synopsis/2"


def synopsis_dict(synopsis: Synopsis) -> dict[str, Any]:
    """The JSON shape of a synopsis (``treatydiff.synopsis/2``; similarities rounded to
    four decimals): the instruments, the similarity matrix and what each of its cells
    measures (``similarity_measures``: "comparison", the similarity of the pair's
    comparison, or "closest_clause", the estimate of ``engine.closest``; version 1 had
    comparisons in every cell), and for each anchor clause its counterpart in each other
    instrument (null: none)."""
    others = [inst.id for inst in synopsis.others]
    return {
        "schema": SYNOPSIS_SCHEMA_ID,
        "anchor": synopsis.anchor.id,
        "instruments": [
            {
                "id": inst.id,
                "title": inst.title,
                "version": inst.version,
                "source": inst.source,
                "sha256": inst.sha256,
                "clauses": inst.clauses,
            }
            for inst in synopsis.instruments
        ],
        "similarity": [[exact(value) for value in row] for row in synopsis.matrix],
        "similarity_measures": [
            [synopsis.measure(i, j) for j in range(len(row))]
            for i, row in enumerate(synopsis.matrix)
        ],
        "lineage": [
            {
                "id": clause.eid,
                "label": clause.label,
                "matches": {
                    other: None
                    if counterpart is None
                    else {
                        "ids": list(counterpart.eids),
                        "labels": list(counterpart.labels),
                        "paired": counterpart.paired,
                        "term": counterpart.term,
                        "status": counterpart.status,
                        "moved": counterpart.moved,
                        "similarity": exact(counterpart.similarity),
                        "report": counterpart.link,
                    }
                    for other, counterpart in zip(others, clause.counterparts, strict=True)
                },
            }
            for clause in synopsis.lineage
        ],
    }


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
    """The JSON shape of a leaf clause: id, label, kind, num, heading, text, source line;
    the source has the page and the line on the page too when ``metadata`` maps a paged
    source (a PDF)."""
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


def _heading(leaf: LeafView) -> str | None:
    """The nearest caption: the clause's own, else its article's."""
    for clause in reversed(leaf.path):
        if clause.heading:
            return clause.heading
        if clause.kind == "article":
            break
    return None


def comparison_dict(
    comparison: Comparison, *, label_style: LabelStyle = "un", labels: SideLabels | None = None
) -> dict[str, Any]:
    """The JSON shape of a comparison (schema ``treatydiff.comparison/1``); each side's
    ``label`` is its name in ``labels`` (None: the defaults, ``report.sides``)."""
    names = labels or side_labels(comparison.left, comparison.right)
    return {
        "schema": SCHEMA_ID,
        "left": _side(comparison.left, names.left, label_style),
        "right": _side(comparison.right, names.right, label_style),
        "options": {
            "scorer": comparison.options.scorer,
            "threshold": comparison.options.threshold,
            # An opt-in: absent when off, as in output written before it was introduced.
            **({"semantic": True} if comparison.options.semantic else {}),
        },
        "alignments": [_alignment(a, comparison, label_style) for a in comparison.alignments],
        "summary": summary_dict(comparison.summary),
        "differences": comparison.has_differences,
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    """The JSON shape of a comparison's summary (also in `check --format json`)."""
    return {
        "identical": summary.identical,
        "formatting": summary.formatting,
        "modified": summary.modified,
        "added": summary.added,
        "removed": summary.removed,
        "moved": summary.moved,
        "renumbered": summary.renumbered,
        "splits": summary.splits,
        "merges": summary.merges,
        "left_clauses": summary.left_clauses,
        "right_clauses": summary.right_clauses,
        "similarity": exact(summary.similarity),
        "tags": dict(summary.tags),
    }


def _side(instrument: Instrument, label: str, label_style: LabelStyle) -> dict[str, Any]:
    meta = instrument.metadata
    return {
        "id": instrument.id,
        "label": label,
        "title": instrument.title,
        "version": meta.version,
        "source": meta.source,
        "sha256": meta.sha256,
        "caveats": list(meta.caveats),
        "clauses": [
            leaf_dict(leaf, label_style=label_style, metadata=meta) for leaf in instrument.leaves
        ],
    }


def _alignment(
    alignment: Alignment, comparison: Comparison, label_style: LabelStyle
) -> dict[str, Any]:
    renumbered = None
    if alignment.renumbered:
        renumbered = {
            side: citation(getattr(comparison, side).by_eid[ids[0]].path, style=label_style)
            for side, ids in (("left", alignment.left), ("right", alignment.right))
        }
    return {
        "left": list(alignment.left),
        "right": list(alignment.right),
        "status": alignment.status,
        "moved": alignment.moved,
        "paired_by": alignment.paired_by,
        "renumbered": renumbered,
        "similarity": exact(alignment.similarity),
        "tags": list(alignment.tags),
        "notes": list(alignment.notes),
        "diff": [_op(op, alignment) for op in alignment.diff],
    }


def _op(op: DiffOp, alignment: Alignment) -> dict[str, str]:
    """An op; in a split or merge, with the ids of the clauses its two parts belong to."""
    if not (alignment.is_split or alignment.is_merge):
        return {"op": op.op, "left": op.left, "right": op.right}
    return {
        "op": op.op,
        "left": op.left,
        "right": op.right,
        "left_id": alignment.left[op.left_clause],
        "right_id": alignment.right[op.right_clause],
    }


def render_json(
    comparison: Comparison, *, label_style: LabelStyle = "un", labels: SideLabels | None = None
) -> str:
    """The comparison JSON (``comparison_dict``) as text, ending with a newline."""
    return dumps(comparison_dict(comparison, label_style=label_style, labels=labels)) + "\n"


def render_synopsis_json(synopsis: Synopsis) -> str:
    """The synopsis JSON (``synopsis_dict``) as text, ending with a newline."""
    return dumps(synopsis_dict(synopsis)) + "\n"


def render_instrument_json(instrument: Instrument, *, label_style: LabelStyle = "un") -> str:
    """The instrument JSON of `treatydiff show` (``instrument_dict``), ending with a
    newline; with ``warnings``, the reader's guesses on weak evidence
    (``Instrument.guesses``: kind, line, text, detail), when it made any."""
    shape = instrument_dict(instrument, label_style=label_style)
    if instrument.guesses:
        shape["warnings"] = [
            {"kind": g.kind, "line": g.line, "text": g.text, "detail": g.detail}
            for g in instrument.guesses
        ]
    return dumps(shape) + "\n"


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` of dicts with
    str keys, lists, tuples, strings, numbers, booleans and None: the same text in half
    the time (with an indent, json falls back to its pure-Python encoder, whose
    generators cost a comparison of two conventions 6 ms).

    One difference: a string holding ``##[`` is written ``##\\u005b``, the same value in
    JSON, so that no line of the text reads as a GitHub Actions workflow command when it
    is printed in a CI log (the runner reads ``##[command]`` anywhere in a line)."""
    out: list[str] = []
    _write(value, out, "\n")
    return log_safe_json("".join(out))


# DEL and the C1 controls, which JSON may hold as they are: a terminal may act on them.
_C1_CONTROLS = re.compile("[\x7f-\x9f]")
# The same, one by one: str's search for one character skips through a long text where
# re tries the class at every position (3 ms on the JSON of two conventions).
_C1_CHARACTERS = tuple(map(chr, range(0x7F, 0xA0)))


def log_safe_json(text: str) -> str:
    """The JSON ``text`` with ``##[`` written ``##\\u005b`` and DEL and the C1 controls as
    ``\\u`` escapes: the same values, no line a CI log reads as a workflow command
    (outside its strings JSON holds no ``#``, and a string holds no line break, so no
    line begins with an input's ``::``), and no character a terminal acts on (JSON
    escapes the C0 controls itself)."""
    text = text.replace("##[", "##\\u005b")
    if not any(character in text for character in _C1_CHARACTERS):
        return text
    return _C1_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def _write(value: Any, out: list[str], newline: str) -> None:
    """Append the JSON of ``value`` to ``out``; ``newline`` starts a line at its depth."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif isinstance(value, dict):
        inner = newline + "  "
        opening = "{"
        for key in sorted(value):
            if not isinstance(key, str):
                raise TypeError(f"keys must be str, not {type(key).__name__}")
            out.append(f"{opening}{inner}{encode_basestring(key)}: ")
            opening = ","
            _write(value[key], out, inner)
        out.append(newline + "}" if value else "{}")
    elif isinstance(value, list | tuple):
        inner = newline + "  "
        opening = "["
        for item in value:
            out.append(opening + inner)
            opening = ","
            _write(item, out, inner)
        out.append(newline + "]" if value else "[]")
    elif value is None or isinstance(value, bool):
        out.append("null" if value is None else "true" if value else "false")
    elif isinstance(value, int):
        out.append(int.__repr__(value))  # json's spelling, without a json.dumps call each
    elif isinstance(value, float):
        out.append(float.__repr__(value) if math.isfinite(value) else json.dumps(value))
    else:
        raise TypeError(f"{type(value).__name__} is not JSON serializable")
