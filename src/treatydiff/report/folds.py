"""Folding a comparison report's row stream: runs of unchanged rows collapse behind a
count, so that a reader sees the changes and the headings of their sections.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from treatydiff.report.rows import Heading, Item, Row

# At least this many unchanged rows in a row are folded away behind a count.
MIN_COLLAPSED_RUN = 3


@dataclass(frozen=True)
class Fold:
    """Consecutive items of a report, shown open or collapsed; a collapsed fold holds
    unchanged rows only (with the headings and markers among them)."""

    collapsed: bool
    items: tuple[Item, ...]

    @property
    def row_count(self) -> int:
        """The number of rows in the fold."""
        return sum(isinstance(item, Row) for item in self.items)

    @property
    def extent(self) -> str:
        """The first and last clause of the fold's rows on each side: "article 16,
        paragraph 2 to article 17, paragraph 2" when both sides read the same, else
        "left: ...; right: ..."; one clause alone when the range has one."""
        rows = [item for item in self.items if isinstance(item, Row)]
        if not rows:
            return ""
        ranges = []
        for cells in (rows[0].left, rows[-1].left), (rows[0].right, rows[-1].right):
            first, last = cells
            if not first or not last:
                ranges.append("")
                continue
            start, end = first[0].label, last[-1].label
            ranges.append(start if start == end else f"{start} to {end}")
        left, right = ranges
        if left == right or not right:
            return left
        return f"left: {left}; right: {right}" if left else right


def collapse(items: Sequence[Item], *, min_run: int = MIN_COLLAPSED_RUN) -> tuple[Fold, ...]:
    """Items in folds: at least ``min_run`` unchanged rows in a row (with the headings
    and markers among them) collapse. The heading of the section a changed row is in
    stays visible, and so does a heading with nothing but headings after it."""
    folds: list[Fold] = []
    run: list[Item] = []

    def put(part: Sequence[Item]) -> None:
        last_row = max((n for n, item in enumerate(part) if isinstance(item, Row)), default=-1)
        body, tail = part[: last_row + 1], part[last_row + 1 :]
        if sum(isinstance(item, Row) for item in body) >= min_run:
            folds.append(Fold(True, tuple(body)))
        else:
            _extend_open(folds, body)
        _extend_open(folds, tail)

    def flush(before_change: bool) -> None:
        last_heading = max(
            (n for n, item in enumerate(run) if isinstance(item, Heading)), default=-1
        )
        if before_change and last_heading >= 0:
            put(run[:last_heading])
            _extend_open(folds, [run[last_heading]])
            put(run[last_heading + 1 :])
        else:
            put(run)
        run.clear()

    for item in items:
        if isinstance(item, Row) and item.changed:
            flush(before_change=True)
            _extend_open(folds, [item])
        else:
            run.append(item)
    flush(before_change=False)
    return tuple(folds)


def _extend_open(folds: list[Fold], items: Sequence[Item]) -> None:
    if not items:
        return
    if folds and not folds[-1].collapsed:
        folds[-1] = Fold(False, (*folds[-1].items, *items))
    else:
        folds.append(Fold(False, tuple(items)))
