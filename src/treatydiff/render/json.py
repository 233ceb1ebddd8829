"""JSON and plain-text renderings of a comparison.

The JSON follows the schema ``treatydiff.comparison/1`` (shipped as
``treatydiff/schemas/comparison-1.schema.json``): sorted keys and similarities rounded to
four decimals, so that the same comparison gives the same bytes.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring
from typing import Any

from treatydiff.engine.comparison import Alignment, Comparison, DiffOp, Summary
from treatydiff.model import Instrument
from treatydiff.render.show import leaf_dict
from treatydiff.segment.labels import LabelStyle, citation

SCHEMA_ID = "treatydiff.comparison/1"
SCHEMA_RESOURCE = "schemas/comparison-1.schema.json"
_DIGITS = 4


def schema() -> dict[str, Any]:
    """The shipped JSON Schema of the comparison JSON."""
    # Imported here: importlib.resources (with tempfile) costs a compare run 5 ms.
    from importlib.resources import files

    data: dict[str, Any] = json.loads(
        files("treatydiff").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    )
    return data


def comparison_dict(comparison: Comparison, *, label_style: LabelStyle = "un") -> dict[str, Any]:
    return {
        "schema": SCHEMA_ID,
        "left": _side(comparison.left, label_style),
        "right": _side(comparison.right, label_style),
        "options": {
            "scorer": comparison.options.scorer,
            "threshold": comparison.options.threshold,
        },
        "alignments": [_alignment(a) for a in comparison.alignments],
        "summary": summary_dict(comparison.summary),
        "differences": comparison.has_differences,
    }


def summary_dict(summary: Summary) -> dict[str, Any]:
    return {
        "identical": summary.identical,
        "formatting": summary.formatting,
        "modified": summary.modified,
        "added": summary.added,
        "removed": summary.removed,
        "moved": summary.moved,
        "splits": summary.splits,
        "merges": summary.merges,
        "left_clauses": summary.left_clauses,
        "right_clauses": summary.right_clauses,
        "similarity": round(summary.similarity, _DIGITS),
        "tags": dict(summary.tags),
    }


def _side(instrument: Instrument, label_style: LabelStyle) -> dict[str, Any]:
    meta = instrument.metadata
    return {
        "id": instrument.id,
        "title": instrument.title,
        "version": meta.version,
        "source": meta.source,
        "sha256": meta.sha256,
        "clauses": [
            leaf_dict(leaf, label_style=label_style, metadata=meta) for leaf in instrument.leaves
        ],
    }


def _alignment(alignment: Alignment) -> dict[str, Any]:
    return {
        "left": list(alignment.left),
        "right": list(alignment.right),
        "status": alignment.status,
        "moved": alignment.moved,
        "similarity": round(alignment.similarity, _DIGITS),
        "tags": list(alignment.tags),
        "diff": [_op(op) for op in alignment.diff],
    }


def _op(op: DiffOp) -> dict[str, str]:
    return {"op": op.op, "left": op.left, "right": op.right}


def render_json(comparison: Comparison, *, label_style: LabelStyle = "un") -> str:
    data = comparison_dict(comparison, label_style=label_style)
    return dumps(data) + "\n"


def dumps(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)`` of dicts with
    str keys, lists, tuples, strings, numbers, booleans and None: the same text in half
    the time (with an indent, json falls back to its pure-Python encoder, whose
    generators cost a comparison of two conventions 6 ms)."""
    out: list[str] = []
    _write(value, out, "\n")
    return "".join(out)


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


def render_text(comparison: Comparison, *, label_style: LabelStyle = "un") -> str:
    """The differences, one block per alignment that differs beyond formatting, with an
    inline word diff in git's ``[-deleted-]{+inserted+}`` notation, then a summary."""
    left, right = comparison.left, comparison.right
    lines = [f"--- {left.id}: {left.title}", f"+++ {right.id}: {right.title}"]
    for alignment in comparison.alignments:
        if not alignment.is_difference:
            continue
        where = " + ".join(_label(left, eid, label_style) for eid in alignment.left) or "-"
        to = " + ".join(_label(right, eid, label_style) for eid in alignment.right) or "-"
        status = alignment.status + (", moved" if alignment.moved else "")
        head = f"{status}: {where} -> {to}"
        if alignment.left and alignment.right:
            head += f" (similarity {alignment.similarity:.2f})"
        if alignment.tags:
            head += f" [{', '.join(alignment.tags)}]"
        lines += ["", head, "    " + _inline(alignment.diff).replace("\n", "\n    ")]
    s = comparison.summary
    lines += [
        "",
        f"{s.left_clauses} clauses left, {s.right_clauses} right: {s.identical} identical, "
        f"{s.formatting} formatting, {s.modified} modified, {s.added} added, "
        f"{s.removed} removed, {s.moved} moved, {s.splits} split, {s.merges} merged; "
        f"similarity {s.similarity:.4f}",
    ]
    return "\n".join(lines) + "\n"


def _label(instrument: Instrument, eid: str, style: LabelStyle) -> str:
    return citation(instrument.by_eid[eid].path, style=style)


def _inline(diff: tuple[DiffOp, ...]) -> str:
    out: list[str] = []
    for op in diff:
        if op.op == "equal":
            # The right side's words, with whatever space either side has after them, so
            # that "General[-of the United Nations-]" keeps its space.
            core = op.right.rstrip()
            out.append(core + (op.right[len(core) :] or op.left[len(op.left.rstrip()) :]))
            continue
        left, right = op.left.rstrip(), op.right.rstrip()
        # Whitespace after the change is written once, after both marks.
        tail = op.right[len(right) :] or op.left[len(left) :]
        if left:
            out.append(f"[-{left}-]")
        if right:
            out.append(f"{{+{right}+}}")
        out.append(tail)
    return "".join(out)
