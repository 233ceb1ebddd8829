"""Word output: tracked changes that accept to the right text and reject to the left.

Accepting and rejecting are done here by our own reading of the package's XML
(``accept_all``, ``reject_all``: every ``w:ins``, ``w:del``, ``w:moveFrom`` and ``w:moveTo``,
in runs and in paragraph marks), and by LibreOffice itself (tests/support/lo_review.py,
run with the system Python's UNO bridge) where it is installed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from io import BytesIO
from pathlib import Path
from typing import Literal

import pytest
from conftest import EXAMPLES
from lxml import etree

from treatydiff.engine.compare import compare
from treatydiff.formats import load_file
from treatydiff.render.docx import comparison_docx, document_text

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OHCHR = EXAMPLES / "opsc-preamble-ohchr.txt"
REVISED = EXAMPLES / "opsc-preamble-revised.txt"
SUPPORT = Path(__file__).parent / "support"

Review = Literal["accept", "reject"]


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(BytesIO(data)) as package:
        root = etree.fromstring(package.read("word/document.xml"))
    body = root.find(f"{W}body")
    assert body is not None
    return body


def reviewed(data: bytes, review: Review) -> list[str]:
    """The paragraphs of the document's body after accepting or rejecting every tracked
    change: removed text goes, a removed paragraph mark joins its paragraph to the next."""
    gone = {f"{W}del", f"{W}moveFrom"} if review == "accept" else {f"{W}ins", f"{W}moveTo"}
    out: list[str] = []
    carried = ""
    for paragraph in _body(data).iter(f"{W}p"):
        text = carried
        for node in paragraph.iter(f"{W}t", f"{W}delText", f"{W}tab"):
            if any(parent.tag in gone for parent in node.iterancestors()):
                continue
            text += "\t" if node.tag == f"{W}tab" else node.text or ""
        mark = paragraph.find(f"{W}pPr/{W}rPr")
        if mark is not None and any(child.tag in gone for child in mark):
            carried = text
            continue
        carried = ""
        out.append(text)
    assert carried == "", "the last paragraph's mark cannot go"
    return out


def accept_all(data: bytes) -> list[str]:
    return reviewed(data, "accept")


def reject_all(data: bytes) -> list[str]:
    return reviewed(data, "reject")


@pytest.fixture(scope="module")
def preamble() -> bytes:
    return comparison_docx(compare(load_file(OHCHR), load_file(REVISED)))


def test_preamble_accepts_to_the_right_and_rejects_to_the_left(preamble: bytes) -> None:
    assert accept_all(preamble) == document_text(load_file(REVISED))
    assert reject_all(preamble) == document_text(load_file(OHCHR))


def test_the_document_lays_out_every_clause_once() -> None:
    """document_text is the instrument: its title, then each leaf clause's own text, in
    order, after its number."""
    instrument = load_file(REVISED)
    lines = document_text(instrument)
    assert lines[0] == instrument.title
    clauses = [line for line in lines[1:]]
    assert len(clauses) == len(instrument.leaves)
    for line, leaf in zip(clauses, instrument.leaves, strict=True):
        assert line.endswith(leaf.clause.text)


def test_revisions_are_attributed_and_typed(preamble: bytes) -> None:
    body = _body(preamble)
    marks = [e for e in body.iter() if e.tag in (f"{W}ins", f"{W}del")]
    assert marks and {e.get(f"{W}author") for e in marks} == {"treatydiff"}
    assert all(e.get(f"{W}date") is None for e in marks)  # no SOURCE_DATE_EPOCH: no date
    revisions = (f"{W}{t}" for t in ("ins", "del", "moveFrom", "moveTo", "moveFromRangeStart"))
    ids = [e.get(f"{W}id") for e in body.iter(*revisions)]
    assert len(ids) == len(set(ids))
    deleted = ["".join(e.itertext()) for e in body.iter(f"{W}del")]
    inserted = ["".join(e.itertext()) for e in body.iter(f"{W}ins")]
    assert "should" in deleted and "shall" in inserted
    # the removed recital is a deleted paragraph with its paragraph break, written as
    # Word writes one deleted whole: the break before it is deleted
    paragraphs = list(body.iter(f"{W}p"))
    at = next(n for n, p in enumerate(paragraphs) if "sex tourism" in "".join(p.itertext()))
    removed = paragraphs[at]
    assert paragraphs[at - 1].find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert removed.find(f"{W}pPr/{W}rPr") is None
    for node in removed.iter(f"{W}delText"):
        assert node.getparent().getparent().tag == f"{W}del"


def test_the_same_input_gives_the_same_bytes() -> None:
    comparison = compare(load_file(OHCHR), load_file(REVISED))
    first = comparison_docx(comparison)
    assert first == comparison_docx(comparison)
    with zipfile.ZipFile(BytesIO(first)) as package:
        infos = package.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}


def test_a_moved_clause_is_a_word_move(preamble: bytes) -> None:
    body = _body(preamble)
    starts = {e.get(f"{W}name") for e in body.iter(f"{W}moveFromRangeStart")}
    ends = {e.get(f"{W}name") for e in body.iter(f"{W}moveToRangeStart")}
    assert starts == ends == {"move1"}
    moved = "".join(next(body.iter(f"{W}moveTo")).itertext())
    assert moved.startswith("Noting the provisions of international legal instruments")


def test_date_and_author_are_the_ones_given() -> None:
    from datetime import UTC, datetime

    comparison = compare(load_file(OHCHR), load_file(REVISED))
    when = datetime(2024, 3, 1, 12, 30, tzinfo=UTC)
    data = comparison_docx(comparison, author="Ministry", date=when)
    marks = list(_body(data).iter(f"{W}ins", f"{W}del"))
    assert {(e.get(f"{W}author"), e.get(f"{W}date")) for e in marks} == {
        ("Ministry", "2024-03-01T12:30:00Z")
    }
    with zipfile.ZipFile(BytesIO(data)) as package:
        assert {info.date_time for info in package.infolist()} == {(2024, 3, 1, 12, 30, 0)}
        core = package.read("docProps/core.xml").decode("utf-8")
    assert "2024-03-01T12:30:00Z" in core and "<dc:creator>Ministry</dc:creator>" in core


def _snapshots(corpus: Path) -> tuple[Path, Path]:
    folder = corpus / "laws-markdown" / "opsc"
    return folder / "2005-09-23.md", folder / "2012-10-31.md"


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("laws-markdown/opsc/2012-10-31.md", "laws-markdown/opac/2013-09-12.md"),
        ("laws-markdown/crc/2013-04-15.md", "raisely-noharm/CRC.md"),
        ("laws-markdown/opsc/2012-10-31.md", "lszoszk-generalcomments/crc-opsc.json"),
    ],
)
def test_real_comparisons_accept_and_reject(corpus: Path, left: str, right: str) -> None:
    """Splits, merges, renumbered articles, moves, clauses added and removed at the end."""
    old, new = load_file(corpus / left), load_file(corpus / right)
    data = comparison_docx(compare(old, new))
    assert accept_all(data) == document_text(new)
    assert reject_all(data) == document_text(old)


def test_the_table_layout_sets_the_sides_side_by_side() -> None:
    comparison = compare(load_file(OHCHR), load_file(REVISED))
    data = comparison_docx(comparison, layout="table")
    body = _body(data)
    assert list(body.iter(f"{W}ins", f"{W}del")) == []  # formatting, not revisions
    (table,) = body.iter(f"{W}tbl")
    rows = table.findall(f"{W}tr")
    head = ["".join(cell.itertext()) for cell in rows[0].findall(f"{W}tc")]
    assert head == ["Left: opsc-preamble-ohchr", "Right: opsc-preamble-revised"]
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    struck = [
        "".join(r.itertext())
        for r in table.iter(f"{W}r")
        if r.find(f"{W}rPr/{W}strike") is not None
    ]
    assert "should" in struck


def test_compare_writes_a_docx_with_the_labels(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from treatydiff.cli import main

    target = tmp_path / "redline.docx"
    args = ["compare", str(OHCHR), str(REVISED), "--format", "docx", "-o", str(target)]
    labels = ["--left-label", "Draft A", "--right-label", "Draft B", "--author", "Legal"]
    result = CliRunner(env={"SOURCE_DATE_EPOCH": "1700000000"}).invoke(main, [*args, *labels])
    assert result.exit_code == 1, result.output
    data = target.read_bytes()
    with zipfile.ZipFile(BytesIO(data)) as package:
        header = package.read("word/header1.xml").decode("utf-8")
    assert "Draft A (deleted)" in header and "Draft B" in header
    authors = {e.get(f"{W}author") for e in _body(data).iter(f"{W}ins")}
    assert authors == {"Legal"}
    again = tmp_path / "again.docx"
    rerun = [*args[:-1], str(again), *labels]
    CliRunner(env={"SOURCE_DATE_EPOCH": "1700000000"}).invoke(main, rerun)
    assert again.read_bytes() == data


# --- LibreOffice ----------------------------------------------------------------------

LO_REVIEW = SUPPORT / "lo_review.py"
SYSTEM_PYTHON = "/usr/bin/python3"


def _libreoffice() -> None:
    """LibreOffice and its UNO bridge for the system Python: .ci/run installs them
    (apt: libreoffice-writer-nogui, python3-uno); without them the test fails in CI and
    is skipped elsewhere."""
    found = (
        shutil.which("soffice") is not None
        and subprocess.run(
            [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False
        ).returncode
        == 0
        if Path(SYSTEM_PYTHON).is_file()
        else False
    )
    if found:
        return
    message = (
        "LibreOffice with python3-uno is not installed (apt-get install "
        "libreoffice-writer-nogui python3-uno)"
    )
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _lo(path: Path, review: str) -> tuple[int, list[str]]:
    done = subprocess.run(
        [SYSTEM_PYTHON, str(LO_REVIEW), str(path), review],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout)
    return found["redlines"], found["paragraphs"]


def test_libreoffice_accepts_to_the_right_and_rejects_to_the_left(tmp_path: Path) -> None:
    _libreoffice()
    path = tmp_path / "preamble.docx"
    path.write_bytes(comparison_docx(compare(load_file(OHCHR), load_file(REVISED))))
    redlines, accepted = _lo(path, "accept")
    assert redlines > 10
    assert accepted == document_text(load_file(REVISED))
    _, rejected = _lo(path, "reject")
    assert rejected == document_text(load_file(OHCHR))


def test_libreoffice_reviews_a_real_comparison(corpus: Path, tmp_path: Path) -> None:
    _libreoffice()
    old = load_file(corpus / "laws-markdown/opsc/2012-10-31.md")
    new = load_file(corpus / "laws-markdown/opac/2013-09-12.md")
    path = tmp_path / "opsc-opac.docx"
    path.write_bytes(comparison_docx(compare(old, new)))
    assert _lo(path, "accept")[1] == document_text(new)
    assert _lo(path, "reject")[1] == document_text(old)
    # Its comments (a clause moved and changed: article 10 (4) -> 7 (2)), which the review
    # harness takes out (lo_review.py), do not stop LibreOffice opening the file itself.
    with zipfile.ZipFile(path) as package:
        assert b"Moved to article 7, paragraph 2" in package.read("word/comments.xml")
    _convert_to_text(path, tmp_path)
    assert (tmp_path / "opsc-opac.txt").is_file()


def _convert_to_text(path: Path, tmp_path: Path) -> None:
    """Convert ``path`` to text in ``tmp_path`` with LibreOffice headless (its own
    profile there): a file it had to repair, or could not read, would not convert."""
    done = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--convert-to",
            "txt:Text",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_two_snapshots_open_in_libreoffice(corpus: Path, tmp_path: Path) -> None:
    """Converted to text by soffice --headless: a file it had to repair, or could not
    read, would not convert."""
    _libreoffice()
    old, new = _snapshots(corpus)
    path = tmp_path / "snapshots.docx"
    args = ["compare", str(old), str(new), "--format", "docx", "-o", str(path)]
    from click.testing import CliRunner

    from treatydiff.cli import main

    assert CliRunner().invoke(main, args).exit_code in (0, 1)
    _convert_to_text(path, tmp_path)
    text = (tmp_path / "snapshots.txt").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines == document_text(load_file(new))


def test_without_python_docx_the_cli_names_the_extra(tmp_path: Path) -> None:
    # In a fresh process, as a user without the documents extra runs it: python-docx
    # cannot be imported (None in sys.modules), and no treatydiff module is loaded yet.
    import subprocess
    import sys

    probe = "import sys; sys.modules['docx'] = None; from treatydiff.cli import main; main()"
    target = tmp_path / "redline.docx"
    args = ["compare", str(OHCHR), str(REVISED), "--format", "docx", "-o", str(target)]
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr == (
        "treatydiff: error: Word output needs python-docx: pip install 'treatydiff[documents]'\n"
    )
    assert not target.exists()
