"""Golden files: reports of synthetic comparisons (tests/golden/) and the examples made
from the user-supplied preamble (examples/), compared byte for byte.

After an intended change, rewrite them with ``pytest --update-golden`` and review the diff.
Golden files never hold corpus text: only the synthetic instruments of report_samples
and the text supplied with the project.

Before comparing, the scrub list replaces what changes for reasons outside the report
markup: the version, and the inlined stylesheet and script with their CSP hashes (they
are files of their own, tested elsewhere). The examples are not scrubbed: they are real
output, exactly as the command writes it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PROJECT
from report_samples import DRAFT, FINAL, SAMPLE, hostile_pair

from treatydiff import __version__
from treatydiff.cli import main
from treatydiff.engine.comparison import Alignment, Comparison, DiffOp
from treatydiff.model import Clause, Instrument
from treatydiff.render import render_comparison, render_synopsis
from treatydiff.report.synopsis import build_synopsis

GOLDEN = Path(__file__).parent / "golden"

SCRUB: list[tuple[re.Pattern[str], str]] = [
    (re.compile(re.escape(f"treatydiff {__version__}")), "treatydiff VERSION"),
    (re.compile(r"<style>.*?</style>", re.DOTALL), "<style>STYLE</style>"),
    (re.compile(r"<script>.*?</script>", re.DOTALL), "<script>SCRIPT</script>"),
    (re.compile(r"(?:'|&#39;)sha256-[A-Za-z0-9+/=]+(?:'|&#39;)"), "'sha256-HASH'"),
]


def scrub(text: str) -> str:
    for pattern, replacement in SCRUB:
        text = pattern.sub(replacement, text)
    return text


def check(path: Path, actual: str, update: bool) -> None:
    if update:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.is_file(), f"{path} is missing: run pytest --update-golden"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{path.name} differs: review, then pytest --update-golden"


def _third() -> tuple[Instrument, Comparison, Comparison]:
    """A third synthetic instrument, with its comparisons against the draft and the final
    text, written by hand."""
    third = Instrument(
        id="lake-accord",
        title="Accord on the Quiet Lake",
        body=(
            Clause(
                "art_1",
                "article",
                num="1",
                children=(
                    Clause(
                        "art_1__para_1",
                        "paragraph",
                        num="1",
                        text="The Parties shall protect the lake.",
                    ),
                    Clause(
                        "art_1__para_2",
                        "paragraph",
                        num="2",
                        text="Boats shall carry a light.",
                    ),
                ),
            ),
        ),
    )

    def against(left: Instrument, first: str, should: str) -> Comparison:
        paired = {
            "art_1__para_1": Alignment(
                (first,),
                ("art_1__para_1",),
                "modified",
                similarity=0.86,
                tags=("wording", "modal") if should != "shall" else ("wording",),
                diff=(
                    DiffOp("equal", "The Parties ", "The Parties "),
                    DiffOp("replace", should, "shall"),
                    DiffOp("equal", " protect the ", " protect the "),
                    DiffOp("replace", "river", "lake"),
                    DiffOp("equal", ".", "."),
                ),
            ),
        }
        light = "art_2__para_2" if left is DRAFT else "art_2__para_1"
        alignments: list[Alignment] = []
        for leaf in left.leaves:
            eid = leaf.clause.eid
            if eid == first:
                alignments.append(paired[eid])
            elif eid == light:
                text = leaf.clause.text
                alignments.append(
                    Alignment(
                        (eid,),
                        ("art_1__para_2",),
                        "identical",
                        moved=True,
                        similarity=1.0,
                        diff=(DiffOp("equal", text, text),),
                    )
                )
            else:
                alignments.append(
                    Alignment((eid,), (), "removed", diff=(DiffOp("delete", leaf.clause.text, ""),))
                )
        return Comparison(left=left, right=third, alignments=tuple(alignments))

    return (
        third,
        against(DRAFT, "art_1__para_1", "should"),
        against(FINAL, "art_1__para_1", "shall"),
    )


def _synopsis(fmt: str) -> str:
    third, draft_third, final_third = _third()
    synopsis = build_synopsis(
        [DRAFT, FINAL, third], {(0, 1): SAMPLE, (0, 2): draft_third, (1, 2): final_third}
    )
    return render_synopsis(synopsis, fmt, pair_links=True)


CASES: dict[str, Callable[[], str]] = {
    "sample.html": lambda: render_comparison(SAMPLE, "html"),
    "sample.md": lambda: render_comparison(SAMPLE, "md"),
    "hostile.html": lambda: render_comparison(hostile_pair(), "html"),
    "hostile.md": lambda: render_comparison(hostile_pair(), "md"),
    "synopsis.html": lambda: _synopsis("html"),
    "synopsis.md": lambda: _synopsis("md"),
    "synopsis.json": lambda: _synopsis("json"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    check(GOLDEN / name, scrub(CASES[name]()), update_golden)


def test_scrub_list_leaves_the_report_markup() -> None:
    html = render_comparison(SAMPLE, "html")
    scrubbed = scrub(html)
    assert "<style>STYLE</style>" in scrubbed and "<script>SCRIPT</script>" in scrubbed
    assert scrubbed.count("'sha256-HASH'") == 3  # the stylesheet, the page style, the script
    # only the scrubbed parts went: every row is still there
    assert (
        scrubbed.count('<section class="row') == html.count('<section class="row') == 18
    )  # 14 clauses, the title and 3 captions


# --- the examples a new user opens first -------------------------------------------------

EXAMPLE_REPORTS = {
    "opsc-preamble-report.html": ["--format", "html"],
    "opsc-preamble-report.md": ["--format", "md"],
}


@pytest.mark.parametrize("name", sorted(EXAMPLE_REPORTS))
def test_example_reports_are_current(
    name: str, update_golden: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The examples are the command's output, as examples/README.md says to make them."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.chdir(PROJECT)
    target = tmp_path / name
    result = CliRunner().invoke(
        main,
        [
            "compare",
            os.path.join("examples", "opsc-preamble-ohchr.txt"),
            os.path.join("examples", "opsc-preamble-revised.txt"),
            *EXAMPLE_REPORTS[name],
            "-o",
            str(target),
        ],
    )
    assert result.exit_code == 1, result.output  # the revised draft differs
    check(EXAMPLES / name, target.read_text(encoding="utf-8"), update_golden)
