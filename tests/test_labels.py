"""Naming the two sides: --left-label / --right-label in every format, and defaults that
name a version, so that two sides never carry the same name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from treatydiff.cli import main
from treatydiff.errors import UsageError
from treatydiff.formats import load_file
from treatydiff.report.sides import side_labels, version_name

OHCHR = EXAMPLES / "opsc-preamble-ohchr.txt"
REVISED = EXAMPLES / "opsc-preamble-revised.txt"


def _compare(*args: str) -> str:
    result = CliRunner().invoke(main, ["compare", *args])
    assert result.exit_code == 1, result.output
    return result.output


def test_a_catalogue_version_is_named_with_its_version() -> None:
    preamble = load_file(OHCHR).with_metadata(version="2005-09-23")
    assert version_name(preamble) == "opsc-preamble-ohchr@2005-09-23"
    # a file named by its date already states its version in its id
    dated = load_file(OHCHR)
    assert version_name(dated) == "opsc-preamble-ohchr"


def test_two_snapshots_of_one_instrument_carry_two_names(corpus: Path) -> None:
    folder = corpus / "laws-markdown" / "opsc"
    old, new = load_file(folder / "2005-09-23.md"), load_file(folder / "2012-10-31.md")
    assert side_labels(old, new) == side_labels(old, new)
    names = side_labels(old, new)
    assert (names.left, names.right) == ("opsc@2005-09-23", "opsc@2012-10-31")
    # the catalogue's way: one id, the version in the metadata
    from dataclasses import replace

    catalogued = side_labels(
        replace(old, id="opsc").with_metadata(version="2005-09-23"),
        replace(new, id="opsc").with_metadata(version="2012-10-31"),
    )
    assert (catalogued.left, catalogued.right) == ("opsc@2005-09-23", "opsc@2012-10-31")


def test_sides_of_one_name_are_told_apart(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "draft.txt").write_text(OHCHR.read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "b" / "draft.txt").write_text(REVISED.read_text(encoding="utf-8"), "utf-8")
    left, right = load_file(tmp_path / "a" / "draft.txt"), load_file(tmp_path / "b" / "draft.txt")
    names = side_labels(left, right)
    assert names.left != names.right
    assert names.left.endswith("a/draft.txt") and names.right.endswith("b/draft.txt")
    same = load_file(OHCHR)
    twice = side_labels(same, same)
    assert (twice.left, twice.right) == (
        "opsc-preamble-ohchr (left)",
        "opsc-preamble-ohchr (right)",
    )


def test_labels_given_win_and_must_differ() -> None:
    left, right = load_file(OHCHR), load_file(REVISED)
    names = side_labels(left, right, left_label=" Draft  A ", right_label="Draft B")
    assert (names.left, names.right) == ("Draft A", "Draft B")
    assert side_labels(left, right, right_label="").right == "opsc-preamble-revised"
    with pytest.raises(UsageError, match="both 'X'"):
        side_labels(left, right, left_label="X", right_label="X")


LABELS = ["--left-label", "Draft A", "--right-label", "Draft B"]


def test_labels_in_text_and_json() -> None:
    text = _compare(str(OHCHR), str(REVISED), *LABELS)
    assert text.startswith("--- Draft A: Optional Protocol")
    assert "\n+++ Draft B: Optional Protocol" in text
    data = json.loads(_compare(str(OHCHR), str(REVISED), *LABELS, "--format", "json"))
    assert (data["left"]["label"], data["right"]["label"]) == ("Draft A", "Draft B")
    assert data["left"]["id"] == "opsc-preamble-ohchr"  # the id stays the instrument's


def test_labels_in_html_and_markdown() -> None:
    import lxml.html

    page = lxml.html.fromstring(_compare(str(OHCHR), str(REVISED), *LABELS, "--format", "html"))
    heads = [" ".join(h.text_content().split()) for h in page.xpath("//div[@class='colheads']/*")]
    assert heads == ["Left: Draft A", "Right: Draft B"]
    names = {h.text_content() for h in page.xpath("//h3[@class='side-name']")}
    assert names == {"Left \N{EM DASH} Draft A:", "Right \N{EM DASH} Draft B:"}
    markdown = _compare(str(OHCHR), str(REVISED), *LABELS, "--format", "md")
    assert "Comparison of **Draft A** (left) with **Draft B** (right)" in markdown
    assert "| | left: Draft A | right: Draft B |" in markdown


def test_check_names_the_sides_it_was_given() -> None:
    args = ["check", str(OHCHR), str(REVISED), *LABELS]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output
    assert "    Draft A -> Draft B: 9 identical" in result.output
    result = CliRunner().invoke(main, ["check", "--left-label", "Draft A"])
    assert result.exit_code == 2
    assert "go with LEFT RIGHT or FILE" in result.output


def test_a_check_table_names_its_sides(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "treatydiff.toml"
    config.write_text(
        "[[check]]\n"
        f'left = "{OHCHR.as_posix()}"\nright = "{REVISED.as_posix()}"\n'
        'left_label = "Draft A"\nright_label = "Draft B"\n'
        "[[check]]\n"
        'instrument = "opsc"\nright_label = "Draft B"\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 2
    assert "check[1].right_label: goes with left and right, or file" in result.output
    config.write_text(config.read_text(encoding="utf-8").split("[[check]]\ninstrument")[0])
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1, result.output
    assert "    Draft A -> Draft B: 9 identical" in result.output
