"""Pathological input (issue 12): the shapes of text that made an importer quadratic, and
the reproducers of ``../shared/cases/reliability`` grown from their own content
(``support.shapes``), import to an instrument or to one TreatydiffError, never to another
exception, at twice and four times the size that once took minutes.

How the import time grows with the size is measured by ``benchmarks/large_inputs.py
--part shapes`` (a growth exponent against a linear floor, in one run), not here: no test
is timed. What a test can count without a clock is held here: the function calls an
import makes (Python's and C's, by ``sys.setprofile``) grow linearly with each shape. That
catches a quadratic loop of Python code, not the work inside one C call (a regular
expression's backtracking), which the benchmark's timing covers.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
from support.shapes import REPRODUCERS, SHAPES, Shape

from treatydiff.errors import TreatydiffError
from treatydiff.formats import parse
from treatydiff.model import Instrument

# The size of each shape here: 4,000 units (160 kB for a word of 40 n letters, 4,000
# lines for a paragraph); the quadratic importers took minutes at a fraction of it.
SIZE = 4_000


def _answer(shape: Shape) -> Instrument | TreatydiffError:
    text, fmt = shape(SIZE)
    try:
        return parse(text, fmt=fmt)
    except TreatydiffError as exc:
        return exc


@pytest.mark.parametrize("name", SHAPES)
def test_a_pathological_shape_gets_an_answer(name: str) -> None:
    answer = _answer(SHAPES[name])
    if isinstance(answer, TreatydiffError):
        assert str(answer) and "\n" not in str(answer)
    else:
        assert answer.body


@pytest.mark.parametrize("name", REPRODUCERS)
def test_a_grown_reproducer_imports(name: str) -> None:
    answer = _answer(REPRODUCERS[name])
    assert isinstance(answer, Instrument), answer
    assert answer.body


def test_the_long_word_is_kept_whole() -> None:
    """Nothing lost: the word of 160,000 letters is one word of the imported text."""
    text, fmt = REPRODUCERS["longword20000.txt"](SIZE)
    word = max(text.split(), key=len)
    instrument = parse(text, fmt=fmt)
    assert any(word in leaf.clause.text for leaf in instrument.leaves)


def test_every_line_of_the_long_paragraph_is_kept() -> None:
    text, fmt = REPRODUCERS["one-paragraph-2000-lines.txt"](SIZE)
    instrument = parse(text, fmt=fmt)
    body = " ".join(leaf.clause.text for leaf in instrument.leaves)
    last_line = text.rstrip("\n").rsplit("\n", 1)[1]
    assert " ".join(last_line.split()) in " ".join(body.split())


def test_the_shapes_are_what_they_say(cases: Path) -> None:
    """The reproducers grown to their own size are the reproducers."""
    assert REPRODUCERS["longword20000.txt"](500)[0] == (cases / "longword20000.txt").read_text(
        encoding="utf-8"
    )
    emphasis = (cases / "md-emphasis-60k.md").read_text(encoding="utf-8")
    assert REPRODUCERS["md-emphasis-60k.md"](2000)[0] == emphasis
    paragraph = (cases / "one-paragraph-2000-lines.txt").read_text(encoding="utf-8")
    lines = paragraph.partition("Article 1\n\n")[2].strip().split("\n")
    assert REPRODUCERS["one-paragraph-2000-lines.txt"](len(lines))[0] == paragraph


def _calls(shape: Shape, size: int) -> int:
    """The function calls (Python and C) made importing ``shape`` at ``size``."""
    text, fmt = shape(size)
    count = 0

    def profile(frame: object, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    sys.setprofile(profile)
    try:
        parse(text, fmt=fmt)
    except TreatydiffError:
        pass
    finally:
        sys.setprofile(None)
    return count


@pytest.mark.parametrize("name", [*SHAPES, *REPRODUCERS])
def test_the_work_of_an_import_grows_linearly(name: str) -> None:
    shape = {**SHAPES, **REPRODUCERS}[name]
    small, large = _calls(shape, 250), _calls(shape, 1_000)
    # Four times the size, at most about four times the calls (exponent 1; a quadratic
    # loop gives 2). Shapes refused or cut short at once make a constant number.
    assert math.log(large / small) / math.log(4) <= 1.1, (small, large)
