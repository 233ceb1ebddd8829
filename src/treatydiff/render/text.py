"""Plain-text renderings: a comparison as a list of differences, and the one inline
word-diff notation that text output and CI excerpts share.

The notation is git's ``--word-diff=plain``: ``[-deleted-]{+inserted+}`` among the right
side's unchanged words.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from treatydiff.engine.comparison import Comparison, DiffOp, runs, starts_line
from treatydiff.model import Instrument
from treatydiff.normalize import log_text
from treatydiff.report.figures import percent
from treatydiff.report.sides import SideLabels, side_labels
from treatydiff.segment.labels import LabelStyle, citation, placed

ELLIPSIS = "\N{HORIZONTAL ELLIPSIS}"


def inline_diff(diff: Sequence[DiffOp], *, context: int | None = None) -> str:
    """A word diff in the ``[-deleted-]{+inserted+}`` notation, among the right side's
    unchanged words; a line break where the inline view starts a new line (where a
    clause of a split or merge ends, see ``starts_line``), also inside the marks.

    Whitespace: after a change, the right side's (the left side's where the right has
    none); before a change, the left side's when the change deletes words, else the right
    side's (so "General [-of the United Nations-]" and "exploitation{+,+} and" read as
    the texts do). ``context``: at most this many unchanged words are kept next to a
    change, the others written as one "…" (None: all).
    """
    grouped = runs(diff)
    out: list[str] = []
    for index, run in enumerate(grouped):
        if index and starts_line(grouped[index - 1][-1], run[0]):
            # The line break stands for the whitespace after the line's last words.
            out[-1] = out[-1].rstrip()
            out.append("\n")
        following = grouped[index + 1] if index + 1 < len(grouped) else None
        if run[0].op != "equal":
            out.append(_change(run))
            continue
        text = _equal(run, following)
        if context is not None:
            text = _shortened(text, context, first=index == 0, last=following is None)
        out.append(text)
    return "".join(out)


def _equal(run: tuple[DiffOp, ...], following: tuple[DiffOp, ...] | None) -> str:
    """The right side's words of an equal run, and the whitespace after them."""
    text = _side(run, "right")
    words = text.rstrip()
    if words != text:
        return text
    left = _side(run, "left")
    if following is None or _side(following, "left").strip():
        return words + _trailing(left)
    return words


def _change(run: tuple[DiffOp, ...]) -> str:
    left, right = _side(run, "left"), _side(run, "right")
    marks = (f"[-{left.strip()}-]" if left.strip() else "") + (
        f"{{+{right.strip()}+}}" if right.strip() else ""
    )
    lead = _leading(left) if left.strip() else _leading(right)
    return lead + marks + (_trailing(right) or _trailing(left))


def _side(run: tuple[DiffOp, ...], side: Literal["left", "right"]) -> str:
    """One side's text of a run, a line break where one of its clauses ends."""
    out = ""
    clause: int | None = None
    for op in run:
        text, where = (op.left, op.left_clause) if side == "left" else (op.right, op.right_clause)
        if not text:
            continue
        if clause is not None and where != clause:
            out = out.rstrip() + "\n"
        out += text
        clause = where
    return out


def _leading(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _trailing(text: str) -> str:
    return text[len(text.rstrip()) :]


def _shortened(text: str, context: int, *, first: bool, last: bool) -> str:
    """Unchanged words before the first change, after the last one or between two,
    shortened to ``context`` words next to each change."""
    words = text.split()
    if first and len(words) > context:
        words = [ELLIPSIS, *words[len(words) - context :]]
    elif last and len(words) > context:
        words = [*words[:context], ELLIPSIS]
    elif not first and not last and len(words) > 2 * context:
        words = [*words[:context], ELLIPSIS, *words[len(words) - context :]]
    else:
        return text
    return _leading(text) + " ".join(words) + _trailing(text)


def render_text(
    comparison: Comparison, *, label_style: LabelStyle = "un", labels: SideLabels | None = None
) -> str:
    """The differences, one block per alignment that differs beyond formatting, with an
    inline word diff (``inline_diff``, lines indented by four spaces), then a summary.
    The sides are named by ``labels`` (None: their defaults, ``report.sides``);
    similarities are shown as ``report.figures.percent`` gives them. Every line is a
    ``normalize.log_line``: no control character of a clause reaches the terminal, and no
    line reads as a CI command."""
    left, right = comparison.left, comparison.right
    names = labels or side_labels(left, right)
    lines = [f"--- {names.left}: {left.title}", f"+++ {names.right}: {right.title}"]
    for name, side in ((names.left, left), (names.right, right)):
        lines += [f"caveat ({name}): {caveat}" for caveat in side.metadata.caveats]
    for alignment in comparison.alignments:
        if not alignment.is_difference:
            continue
        where = " + ".join(_label(left, eid, label_style) for eid in alignment.left) or "-"
        to = " + ".join(_label(right, eid, label_style) for eid in alignment.right) or "-"
        if alignment.moved and where == to:  # moved to another part: say which
            placed_where = _placed(left, alignment.left, where, label_style)
            placed_to = _placed(right, alignment.right, to, label_style)
            if placed_where != placed_to:
                where, to = placed_where, placed_to
        status = alignment.status + (", moved" if alignment.moved else "")
        status += ", renumbered" if alignment.renumbered else ""
        head = f"{status}: {where} -> {to}"
        if alignment.left and alignment.right:
            head += f" (similarity {percent(alignment.similarity)})"
        if alignment.tags:
            head += f" [{', '.join(alignment.tags)}]"
        lines += ["", head, "    " + inline_diff(alignment.diff).replace("\n", "\n    ")]
        lines += [f"    reference: {note}" for note in alignment.notes]
    s = comparison.summary
    lines += [
        "",
        f"{s.left_clauses} clauses left, {s.right_clauses} right: {s.identical} identical, "
        f"{s.formatting} formatting, {s.modified} modified, {s.added} added, "
        f"{s.removed} removed, {s.moved} moved, "
        + (f"{s.renumbered} renumbered, " if s.renumbered else "")
        + f"{s.splits} split, {s.merges} merged; "
        f"similarity {percent(s.similarity)}",
    ]
    return log_text("\n".join(lines)) + "\n"


def _label(instrument: Instrument, eid: str, style: LabelStyle) -> str:
    return citation(instrument.by_eid[eid].path, style=style)


def _placed(instrument: Instrument, eids: Sequence[str], label: str, style: LabelStyle) -> str:
    return placed(instrument.by_eid[eids[0]].path, label, style=style)
