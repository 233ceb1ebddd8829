"""Spans of clause text in a report: which words are unchanged, deleted or inserted.

Two views of an alignment's word diff: each side's clauses (``side_spans``: unchanged and
deleted words on the left, unchanged and inserted ones on the right) and the inline view
(``redline``: both, in reading order, line by line). Spans carry the clause text exactly;
the spaces around a change stay outside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from treatydiff.engine.comparison import Alignment, DiffOp, starts_line

SpanKind = Literal["equal", "insert", "delete"]


@dataclass(frozen=True)
class Span:
    """A piece of clause text: unchanged, inserted (right side) or deleted (left side)."""

    kind: SpanKind
    text: str


def side_spans(alignment: Alignment, side: Literal["left", "right"]) -> list[tuple[Span, ...]]:
    """The spans of each clause of one side: unchanged, and deleted (left side) or
    inserted (right side); they concatenate to the clause's text."""
    count = len(alignment.left if side == "left" else alignment.right)
    kind: SpanKind = "delete" if side == "left" else "insert"
    pieces: list[list[Span]] = [[] for _ in range(count)]
    for op in alignment.diff:
        text, clause = (op.left, op.left_clause) if side == "left" else (op.right, op.right_clause)
        if not text:
            continue
        pieces[clause] += [Span("equal", text)] if op.op == "equal" else _marked(kind, text)
    return [tuple(_merged(piece)) for piece in pieces]


def redline(diff: Sequence[DiffOp]) -> tuple[tuple[Span, ...], ...]:
    """The inline view, line by line (a new line where ``starts_line`` says): deletions
    and insertions in reading order. Its equal spans show the right side's form of the
    words; read without its deletions it is the right side's text, without its
    insertions the left side's words. Where the right side has no space before a
    deletion and the left side has one, the deletion starts with it ("any State" +
    deleted " that is a party" + "."), which renderers set outside their marks."""
    lines: list[list[Span]] = [[]]
    for n, op in enumerate(diff):
        if n and starts_line(diff[n - 1], op):
            lines.append([])
        if op.op == "equal":
            lines[-1].append(Span("equal", op.right))
            continue
        before = diff[n - 1] if n and lines[-1] else None
        gap = ""
        if op.left and before is not None and before.op == "equal" and not _trail(before.right):
            gap = _trail(before.left)
        # A space both sides share around a replacement is not part of the change.
        lead = _shared(_lead(op.left), _lead(op.right)) if op.left and op.right else ""
        trail = _shared(_trail(op.left), _trail(op.right)) if op.left and op.right else ""
        lines[-1] += [
            Span("equal", lead),
            Span("delete", gap + op.left[len(lead) : len(op.left) - len(trail)]),
            Span("insert", op.right[len(lead) : len(op.right) - len(trail)]),
            Span("equal", trail),
        ]
    return tuple(tuple(_merged(line)) for line in lines)


def _lead(text: str) -> str:
    return text[: len(text) - len(text.lstrip(" "))]


def _trail(text: str) -> str:
    return text[len(text.rstrip(" ")) :]


def _shared(a: str, b: str) -> str:
    return a if a == b else ""


def _marked(kind: SpanKind, text: str) -> list[Span]:
    """A changed run on its own side, with the spaces around its words left unmarked."""
    lead, trail = _lead(text), _trail(text)
    if len(lead) == len(text):
        return [Span(kind, text)]
    return [
        Span("equal", lead),
        Span(kind, text[len(lead) : len(text) - len(trail)]),
        Span("equal", trail),
    ]


def _merged(spans: list[Span]) -> list[Span]:
    """Adjacent spans of one kind joined, empty ones dropped."""
    out: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if out and out[-1].kind == span.kind:
            out[-1] = Span(span.kind, out[-1].text + span.text)
        else:
            out.append(span)
    return out
