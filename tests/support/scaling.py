"""Measuring how import time grows with the input: the ratio of the time to import a text
of twice the size to the time for the text itself, within one run.

Not a timed test: the machine's speed cancels out in the ratio. The CPU time of this
process is measured (``time.process_time``, not the wall time the other processes on the
machine take), with the garbage collector paused, the two sizes imported in turn several
times and the least time of each kept, and a ratio over the bound measured again before it
counts (a busy machine slows a run now and then; a quadratic importer is slow every time).
An importer linear in its input gives about 2; one that is quadratic somewhere about 4
once the input is large enough for the quadratic part to show, which the sizes are chosen
for: the first size is grown until one import takes at least ``least_seconds``.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from treatydiff.errors import TreatydiffError
from treatydiff.formats import parse

# The text of a shape at size n (a count of repeated units) and its format (None: detected).
Shape = Callable[[int], tuple[str, str | None]]


@dataclass(frozen=True)
class Growth:
    """Import times of a shape at size ``n`` and ``2 n`` (the least of the runs)."""

    n: int
    seconds: float
    doubled: float

    @property
    def ratio(self) -> float:
        return self.doubled / self.seconds


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def import_seconds(text: str, fmt: str | None) -> float:
    """The CPU time of one import of ``text``; an import that ends in a TreatydiffError
    counts as well (an error is an answer, and must come as fast)."""
    with _collector_paused():
        start = time.process_time()
        with contextlib.suppress(TreatydiffError):
            parse(text, fmt=fmt)
        return time.process_time() - start


def growth(
    shape: Shape,
    *,
    n: int = 250,
    least_seconds: float = 0.025,
    most_chars: int = 4_000_000,
    repeats: int = 3,
) -> Growth:
    """The import times of ``shape`` at a size where one import takes at least
    ``least_seconds`` (or the text has ``most_chars``), and at twice that size."""
    while True:
        text, fmt = shape(n)
        if import_seconds(text, fmt) >= least_seconds or 2 * max(len(text), n) > most_chars:
            break
        n *= 2
    doubled_text, _ = shape(2 * n)
    seconds = doubled = float("inf")
    for _ in range(repeats):
        seconds = min(seconds, import_seconds(text, fmt))
        doubled = min(doubled, import_seconds(doubled_text, fmt))
    return Growth(n, max(seconds, 1e-6), doubled)


def worst_growth(shape: Shape, *, bound: float, attempts: int = 3) -> Growth:
    """``growth(shape)``, measured again (up to ``attempts`` times) while its ratio is over
    ``bound``: the last measurement."""
    grown = growth(shape)
    for _ in range(attempts - 1):
        if grown.ratio <= bound:
            break
        grown = growth(shape)
    return grown
