"""Titles and captions are compared units: every word a source states takes part in the
comparison (public-reports case 11: a changed article heading was never compared)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import treatydiff
from treatydiff.model import DOC_TITLE_EID, Clause, Instrument

CASES = Path(__file__).resolve().parents[2] / "shared" / "cases" / "public-reports"

TEXT = """Convention on Lighthouses

The States Parties to the present Convention,

Considering that lighthouses save lives at sea,

Have agreed as follows:

PART I
General provisions

Article 1
Purpose
Each Party shall keep its lighthouses lit from dusk to dawn.

Article 2
Competent authority
Each Party shall designate an authority to inspect the lighthouses.

Article 3
Reports
The authority shall report to the Parties every two years.
"""


def _load(text: str) -> Instrument:
    return treatydiff.load(text.encode("utf-8"), format="un-text")


def _changes(left: str, right: str) -> list[tuple[tuple[str, ...], tuple[str, ...], str]]:
    comparison = treatydiff.compare(_load(left), _load(right))
    return [(a.left, a.right, a.status) for a in comparison.alignments if a.is_difference]


def test_title_and_captions_are_units_in_document_order() -> None:
    units = [(u.clause.eid, u.clause.kind) for u in _load(TEXT).leaves]
    assert units[0] == (DOC_TITLE_EID, "docTitle")
    eids = [eid for eid, _ in units]
    assert eids.index("part_I__heading") < eids.index("art_1__heading") < eids.index("art_1")
    assert eids.index("art_2__heading") == eids.index("art_2") - 1


@pytest.mark.parametrize(
    ("old", "new", "unit"),
    [
        ("Competent authority", "Competent national authority", "art_2__heading"),
        ("General provisions", "General principles", "part_I__heading"),
        ("Convention on Lighthouses", "Convention on Lighthouses and Beacons", DOC_TITLE_EID),
        # rewritten beyond recognition: still the caption of the same article
        ("Reports", "Periodic information to be exchanged", "art_3__heading"),
    ],
)
def test_a_changed_caption_or_title_is_a_change(old: str, new: str, unit: str) -> None:
    assert _changes(TEXT, TEXT.replace(old, new, 1)) == [((unit,), (unit,), "modified")]


def test_captions_follow_their_articles_when_renumbered() -> None:
    # Articles 2 and 3 change places, and numbers: each caption goes with its article.
    second = TEXT[TEXT.index("Article 2\n") : TEXT.index("Article 3\n")]
    third = TEXT[TEXT.index("Article 3\n") :]
    swapped = TEXT.replace(second + third, third.replace("Article 3", "Article 2") + "\n")
    swapped += second.replace("Article 2", "Article 3")
    comparison = treatydiff.compare(_load(TEXT), _load(swapped))
    pairs = {a.left: (a.right, a.status) for a in comparison.alignments}
    assert pairs[("art_2__heading",)] == (("art_3__heading",), "identical")
    assert pairs[("art_3__heading",)] == (("art_2__heading",), "identical")
    assert pairs[("art_2",)] == (("art_3",), "identical")


def test_a_dropped_caption_is_removed_not_silent() -> None:
    assert _changes(TEXT, TEXT.replace("Reports\n", "", 1)) == [
        (("art_3__heading",), (), "removed")
    ]


def test_captions_pair_only_with_captions() -> None:
    left = Instrument(
        "a", "", body=(Clause("art_1", "article", num="1", heading="Definitions", text="X y z."),)
    )
    right = Instrument(
        "b",
        "",
        body=(
            Clause("art_1", "article", num="1", text="X y z."),
            Clause("art_2", "article", num="2", text="Definitions"),
        ),
    )
    comparison = treatydiff.compare(left, right)
    statuses = {(a.left, a.right): a.status for a in comparison.alignments}
    assert statuses[(("art_1__heading",), ())] == "removed"
    assert statuses[((), ("art_2",))] == "added"


@pytest.mark.skipif(not CASES.is_dir(), reason="../shared/cases is not beside the project")
def test_public_report_11_fails_the_check() -> None:
    case = CASES / "11-article-heading-change-invisible"
    for rule in ("any", "wording"):
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "treatydiff",
                "check",
                "left.txt",
                "right.txt",
                "--fail-on",
                rule,
            ],
            cwd=case,
            capture_output=True,
            text=True,
        )
        assert result.returncode == 1, result.stdout + result.stderr
        assert "article 2, heading" in result.stdout
