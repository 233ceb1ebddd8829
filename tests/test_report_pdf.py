"""PDF output: the HTML report printed by headless Chromium, read back with pdftotext."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES

from treatydiff.cli import main
from treatydiff.render.html import print_page_css

pytestmark = pytest.mark.browser

OPSC = "laws-markdown/opsc/2012-10-31.md"
OPAC = "laws-markdown/opac/2013-09-12.md"


def _pages(pdf: Path) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is not installed (apt-get install poppler-utils)", pytrace=False)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return text.split("\f")[:-1]  # a form feed ends every page


def _pdf(tmp_path: Path, *args: str) -> Path:
    target = tmp_path / "report.pdf"
    result = CliRunner().invoke(main, ["compare", *args, "--format", "pdf", "-o", str(target)])
    assert result.exit_code == 1, result.output
    assert target.read_bytes().startswith(b"%PDF")
    return target


def test_every_page_names_both_sides_and_its_number(corpus: Path, tmp_path: Path) -> None:
    labels = ["--left-label", "Draft A", "--right-label", "Draft B"]
    pages = _pages(_pdf(tmp_path, str(corpus / OPSC), str(corpus / OPAC), *labels))
    assert len(pages) > 10
    for number, page in enumerate(pages, start=1):
        head = page.strip().splitlines()[0]
        assert "Left: Draft A" in head and "Right: Draft B" in head, number
        assert f"Page {number} of {len(pages)}" in page
    everything = "\n".join(pages)
    assert "Legend" in everything and "deleted words" in everything
    # each clause block names its side
    assert "Left \N{EM DASH} Draft A:" in everything and "Right \N{EM DASH} Draft B:" in everything


def test_default_labels_name_the_versions(corpus: Path, tmp_path: Path) -> None:
    pages = _pages(_pdf(tmp_path, str(corpus / OPSC), str(corpus / OPAC), "--paper", "letter"))
    assert all(
        "Left: opsc@2012-10-31" in page and "Right: opac@2013-09-12" in page for page in pages
    )
    info = subprocess.run(
        ["pdfinfo", str(tmp_path / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout
    assert "(letter)" in info


def test_a_missing_browser_is_trouble_naming_the_fix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TREATYDIFF_CHROMIUM", str(tmp_path / "no-such-browser"))
    args = [str(EXAMPLES / "opsc-preamble-ohchr.txt"), str(EXAMPLES / "opsc-preamble-revised.txt")]
    target = tmp_path / "report.pdf"
    result = CliRunner().invoke(main, ["compare", *args, "--format", "pdf", "-o", str(target)])
    assert result.exit_code == 2
    assert "apt-get install chromium" in result.output
    assert "TREATYDIFF_CHROMIUM" in result.output
    assert not target.exists()


def test_labels_cannot_break_out_of_the_page_style() -> None:
    css = print_page_css('a"} body{display:none} </style><script>', "B\\", paper="a4")
    assert "</style" not in css and "<script" not in css
    escaped = "a\\000022\\00007d body\\00007bdisplay:none\\00007d \\00003c\\00002fstyle\\00003e"
    assert f'"Left: {escaped}' in css
    with pytest.raises(ValueError):
        print_page_css("A", "B", paper="a3")


def test_the_same_comparison_prints_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chromium stamps the time of printing; the PDF states SOURCE_DATE_EPOCH's, or 1970."""
    pair = (str(EXAMPLES / "opsc-preamble-ohchr.txt"), str(EXAMPLES / "opsc-preamble-revised.txt"))
    first = _pdf(tmp_path / "a", *pair).read_bytes()
    second = _pdf(tmp_path / "b", *pair).read_bytes()
    assert first == second and b"/CreationDate (D:19700101000000" in first
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    dated = _pdf(tmp_path / "c", *pair).read_bytes()
    assert b"/CreationDate (D:20231114221320" in dated
