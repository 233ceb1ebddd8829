"""How import time grows with the input: the growth exponent of a shape of text, measured
against a linear floor in the same run.

For a shape (``tests/support/shapes.py``: the text at size n), the size is grown until one
import takes at least ``least_seconds``, then the text at n, 2 n and 4 n is imported in
turn ``repeats`` times and the least CPU time of each kept (``time.process_time``, with the
garbage collector paused: the machine's other processes and a collection falling in one
run count for nothing). The exponent is the slope of log time over log size through the
three points: 1 for a linear import, 2 for a quadratic one. The floor is a pass over the
same texts that is linear by construction (every run of non-space characters found with
one regular expression): its exponent, about 1, shows how far the measurement itself
strays, and the import's time over the floor's says how heavy the import is per byte.
An import that ends in a TreatydiffError counts too: an error is an answer, and must come
as fast.
"""

from __future__ import annotations

import contextlib
import gc
import math
import re
import time
import tracemalloc
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from treatydiff.errors import TreatydiffError
from treatydiff.formats import parse

# The text of a shape at size n (a count of repeated units) and its format (None: detected).
Shape = Callable[[int], tuple[str, str | None]]

_TOKENS = re.compile(r"\S+")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def import_seconds(text: str, fmt: str | None) -> float:
    """The CPU time of one import of ``text``."""
    with _collector_paused():
        start = time.process_time()
        with contextlib.suppress(TreatydiffError):
            parse(text, fmt=fmt)
        return time.process_time() - start


def floor_seconds(text: str) -> float:
    """The CPU time of the linear floor: one scan for the runs of non-space characters."""
    with _collector_paused():
        start = time.process_time()
        sum(1 for _ in _TOKENS.finditer(text))
        return time.process_time() - start


def import_peak_mb(text: str, fmt: str | None) -> float:
    """The peak of memory allocated by Python during one import of ``text``, in MB
    (``tracemalloc``; the text itself not counted)."""
    tracemalloc.start()
    try:
        with contextlib.suppress(TreatydiffError):
            parse(text, fmt=fmt)
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def exponent(sizes: list[int], seconds: list[float]) -> float:
    """The least-squares slope of log(seconds) over log(size)."""
    xs = [math.log(size) for size in sizes]
    ys = [math.log(max(value, 1e-6)) for value in seconds]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mx) ** 2 for x in xs
    )


@dataclass(frozen=True)
class Growth:
    """A shape measured at three sizes: characters, import and floor seconds (least of
    the runs), and the peak memory of the import at the largest size."""

    chars: tuple[int, int, int]
    seconds: tuple[float, float, float]
    floor: tuple[float, float, float]
    peak_mb: float

    @property
    def exponent(self) -> float:
        return exponent(list(self.chars), list(self.seconds))

    @property
    def floor_exponent(self) -> float:
        return exponent(list(self.chars), list(self.floor))

    @property
    def over_floor(self) -> float:
        """The import's time over the floor's, at the largest size."""
        return self.seconds[-1] / max(self.floor[-1], 1e-6)


def growth(
    shape: Shape,
    *,
    n: int = 250,
    least_seconds: float = 0.05,
    most_chars: int = 8_000_000,
    repeats: int = 3,
) -> Growth:
    """``shape`` measured at n, 2 n and 4 n, where n is grown from ``n`` until one import
    takes at least ``least_seconds`` or the text at 4 n would pass ``most_chars``."""
    while True:
        text, fmt = shape(n)
        if import_seconds(text, fmt) >= least_seconds or 4 * max(len(text), n) > most_chars:
            break
        n *= 2
    texts = [shape(k * n)[0] for k in (1, 2, 4)]
    seconds = [math.inf] * 3
    floor = [math.inf] * 3
    for _ in range(repeats):
        for k, text in enumerate(texts):
            seconds[k] = min(seconds[k], import_seconds(text, fmt))
            floor[k] = min(floor[k], floor_seconds(text))
    return Growth(
        chars=(len(texts[0]), len(texts[1]), len(texts[2])),
        seconds=(seconds[0], seconds[1], seconds[2]),
        floor=(floor[0], floor[1], floor[2]),
        peak_mb=import_peak_mb(texts[2], fmt),
    )
