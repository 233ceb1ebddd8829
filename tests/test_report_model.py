"""The report model: rows, anchors, cells, moved markers, sections and collapsed runs;
on hand-built comparisons, and on real ones for faithfulness (nothing lost or invented)."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_samples import SAMPLE

from treatydiff.engine.compare import compare
from treatydiff.engine.comparison import Comparison
from treatydiff.formats import load_file
from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key
from treatydiff.report.comparison import ComparisonReport, build_report
from treatydiff.report.figures import exact, percent
from treatydiff.report.folds import collapse
from treatydiff.report.rows import Heading, MovedMarker, Row


@pytest.fixture(scope="module")
def report() -> ComparisonReport:
    return build_report(SAMPLE)


def _row(report: ComparisonReport, anchor: str) -> Row:
    (row,) = [r for r in report.rows if r.anchor == anchor]
    return row


def test_one_row_per_alignment_in_order(report: ComparisonReport) -> None:
    assert len(report.rows) == len(SAMPLE.alignments)
    for row, alignment in zip(report.rows, SAMPLE.alignments, strict=True):
        assert tuple(c.eid for c in row.left) == alignment.left
        assert tuple(c.eid for c in row.right) == alignment.right
        assert row.status == alignment.status


def test_anchors_are_unique_eids(report: ComparisonReport) -> None:
    ids = [item.anchor for item in report.items]
    ids += [alias for row in report.rows for alias in row.aliases]
    assert len(ids) == len(set(ids))
    # a left clause is reachable by its bare eId, every right clause by right-<eId>
    for leaf in SAMPLE.left.leaves:
        assert leaf.clause.eid in ids
    for leaf in SAMPLE.right.leaves:
        assert f"right-{leaf.clause.eid}" in ids


def test_added_clause_anchor_avoids_a_left_eid(report: ComparisonReport) -> None:
    # art_3__para_2 exists on both sides, but as different clauses: one removed, one added
    assert _row(report, "art_3__para_2").status == "removed"
    assert _row(report, "right-art_3__para_2").status == "added"
    # a right eId no left clause has is its own anchor
    added = _row(report, "art_2__para_5")
    assert added.status == "added" and added.only_side == "right"
    assert added.aliases == ("right-art_2__para_5",)


def test_split_is_one_row_with_a_cell_per_clause(report: ComparisonReport) -> None:
    row = _row(report, "art_1__para_3")
    assert row.shape == "split"
    assert [c.eid for c in row.right] == ["art_1__para_3", "art_1__para_4"]
    assert [c.text for c in row.right] == [
        "Fishing is allowed in spring.",
        "Fishing is allowed in autumn.",
    ]
    assert row.left[0].text == "Fishing is allowed in spring and in autumn."
    assert row.status_text == "modified, split"
    assert row.aliases == ("right-art_1__para_3", "right-art_1__para_4")


def test_change_spans_leave_spaces_unmarked(report: ComparisonReport) -> None:
    row = _row(report, "art_1__para_1")
    assert [[(s.kind, s.text) for s in line] for line in row.redline] == [
        [
            ("equal", "The Parties "),
            ("delete", "should"),
            ("insert", "shall"),
            ("equal", " protect the river."),
        ]
    ]
    assert [(s.kind, s.text) for s in row.left[0].spans] == [
        ("equal", "The Parties "),
        ("delete", "should"),
        ("equal", " protect the river."),
    ]


def test_formatting_row_keeps_each_sides_own_text(report: ComparisonReport) -> None:
    row = _row(report, "preamble__p_1")
    assert row.left[0].text == 'Recalling the "common" river they share,'
    assert row.right[0].text == "Recalling the \u201ccommon\u201d river they share,"
    assert not row.changed


def test_moved_clause_links_both_ways(report: ComparisonReport) -> None:
    row = _row(report, "art_2__para_1")
    assert row.moved and row.changed and row.status_text == "identical, moved"
    assert row.counterpart_label == "article 2, paragraph 4"
    (marker,) = [i for i in report.items if isinstance(i, MovedMarker)]
    assert marker.anchor == row.moved_from == "moved-from-art_2__para_1"
    assert marker.target == row.anchor
    assert (marker.label, marker.target_label) == (
        "article 2, paragraph 1",
        "article 2, paragraph 4",
    )
    # the marker stands where the clause stood: first in article 2, before the clause
    # that followed it on the left
    kinds = [(type(i).__name__, i.anchor) for i in report.items]
    at = kinds.index(("MovedMarker", marker.anchor))
    assert kinds[at - 2 : at] == [("Heading", "section-art_2"), ("Row", "art_2__heading")]
    assert kinds[at + 1] == ("Row", "art_2__para_2")


def test_headings_and_their_change_counts(report: ComparisonReport) -> None:
    headings = [i for i in report.items if isinstance(i, Heading)]
    assert [(h.title, h.changes) for h in headings] == [
        ("title", 1),
        ("preamble", 0),
        ("article 1: Purpose", 3),
        ("article 2: Boats", 2),
        # the caption changed: the section names both
        ("article 3: Meetings \u2194 article 3: Meetings of the Parties", 3),
    ]
    sections = report.sections
    # each article's caption is a row of its section
    assert [len(s.rows) for s in sections] == [1, 3, 4, 6, 4]
    assert sum(len(s.rows) for s in sections) == len(report.rows)


def test_unchanged_runs_collapse_but_headings_of_changes_stay(
    report: ComparisonReport,
) -> None:
    folds = report.folds
    flat = [item for fold in folds for item in fold.items]
    assert flat == list(report.items)  # nothing lost, nothing reordered
    collapsed = [f for f in folds if f.collapsed]
    assert [(f.row_count, f.extent) for f in collapsed] == [
        (3, "preamble, formula 1 to preambular paragraph 2"),
        # article 2 (1) moved to the end of article 2: the sides' numbers differ
        (
            4,
            "left: article 2, heading to article 2, paragraph 4; right: article 2, "
            "heading to article 2, paragraph 3",
        ),
    ]
    for fold in collapsed:
        assert not any(isinstance(i, Row) and i.changed for i in fold.items)
    # article 2's heading is not hidden although its first rows are unchanged
    heading_folds = {
        i.anchor: f.collapsed for f in folds for i in f.items if isinstance(i, Heading)
    }
    assert heading_folds["section-art_2"] is False


def test_short_runs_stay_open() -> None:
    report = build_report(SAMPLE)
    assert all(not b.collapsed for b in collapse(report.items, min_run=99))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "100.0 %"),
        (0.99999, "99.9 %"),
        (0.9999, "99.9 %"),
        (0.999, "99.9 %"),
        (0.9789, "97.8 %"),
        (0.58, "58.0 %"),
        (0.0, "0.0 %"),
    ],
)
def test_percent_never_rounds_up_to_equal(value: float, text: str) -> None:
    assert percent(value) == text


@pytest.mark.parametrize("value", [0.97995, 0.12345, 0.5, 0.66666, 0.0004, 0.99949])
def test_shown_percent_is_cut_from_the_json_value(value: float) -> None:
    """The figure every format shows can be read off the JSON's four decimals."""
    tenths = int(exact(value) * 10000) // 10
    assert percent(value) == f"{tenths // 10}.{tenths % 10} %"


# --- real comparisons: every clause's text, once, exactly ---------------------------------


def _assert_faithful(comparison: Comparison) -> ComparisonReport:
    report = build_report(comparison)
    left_seen: list[str] = []
    right_seen: list[str] = []
    for row in report.rows:
        for cell in row.left:
            assert cell.text == comparison.left.by_eid[cell.eid].clause.text
            left_seen.append(cell.eid)
        for cell in row.right:
            assert cell.text == comparison.right.by_eid[cell.eid].clause.text
            right_seen.append(cell.eid)
        # the redline holds every word of both sides; its unchanged runs are the right
        # side's, which may differ from the left's in formatting and spacing only
        kept = "".join(s.text for line in row.redline for s in line if s.kind != "insert")
        added = ["".join(s.text for s in line if s.kind != "delete") for line in row.redline]
        assert _squeezed(kept) == _squeezed(" ".join(c.text for c in row.left))
        assert "".join(added) == "".join(c.text for c in row.right)
        if row.shape == "split":
            # a line for each clause of the split
            assert added == [c.text for c in row.right]
    assert sorted(left_seen) == sorted(leaf.clause.eid for leaf in comparison.left.leaves)
    assert sorted(right_seen) == sorted(leaf.clause.eid for leaf in comparison.right.leaves)
    return report


def _squeezed(text: str) -> str:
    return "".join(comparison_key(text).split())


def _load(path: Path) -> Instrument:
    return load_file(path)


def test_opsc_against_opac_is_faithful(corpus: Path) -> None:
    md = corpus / "laws-markdown"
    comparison = compare(_load(md / "opsc" / "2012-10-31.md"), _load(md / "opac" / "2013-09-12.md"))
    report = _assert_faithful(comparison)
    assert report.differences
    assert report.summary == comparison.summary


def test_opsc_two_wordings_is_faithful(corpus: Path) -> None:
    comparison = compare(
        _load(corpus / "laws-markdown" / "opsc" / "2012-10-31.md"),
        _load(corpus / "lszoszk-generalcomments" / "crc-opsc.json"),
    )
    report = _assert_faithful(comparison)
    assert any(row.status == "modified" for row in report.rows)


def test_crc_against_raisely_copy_is_faithful(corpus: Path) -> None:
    comparison = compare(
        _load(corpus / "laws-markdown" / "crc" / "2013-04-15.md"),
        _load(corpus / "raisely-noharm" / "CRC.md"),
    )
    _assert_faithful(comparison)


def test_the_report_model_needs_no_template_engine_or_cli() -> None:
    import subprocess
    import sys

    code = (
        "import sys, treatydiff.report.comparison\n"
        "print([m for m in ('jinja2', 'click', 'markupsafe') if m in sys.modules])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
