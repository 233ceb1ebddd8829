"""A text read with no treaty structure is still compared, but the user is told why the
report cites "formula 2" and which language would read its articles."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import USER_PREAMBLE

from treatydiff.catalogue.refs import resolve, structure_warning
from treatydiff.cli import main

SPANISH = """Protocolo de ejemplo

Artículo 1
Los Estados Partes prohibirán la venta de niños.

Artículo 2
1. Los Estados Partes adoptarán las medidas necesarias dentro de un plazo de dos años.
2. Ninguna disposición se interpretará en perjuicio de otros derechos.
"""


@pytest.fixture
def spanish(tmp_path: Path) -> tuple[Path, Path]:
    left = tmp_path / "left.txt"
    right = tmp_path / "right.txt"
    left.write_text(SPANISH, encoding="utf-8")
    right.write_text(SPANISH.replace("dos años", "tres años"), encoding="utf-8")
    return left, right


def test_a_spanish_text_read_as_english_is_compared_with_a_warning_naming_spanish(
    spanish: tuple[Path, Path],
) -> None:
    left, right = spanish
    done = CliRunner().invoke(main, ["compare", str(left), str(right)])
    assert done.exit_code == 1
    warnings = [line for line in done.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2
    assert all("with --lang en" in line and "try --lang es" in line for line in warnings)
    assert "[-dos-]{+tres+}" in done.stdout  # the change itself is still reported

    read = CliRunner().invoke(main, ["compare", "--lang", "es", str(left), str(right)])
    assert read.exit_code == 1
    assert "warning" not in read.stderr
    assert "article 2, paragraph 1" in read.stdout


def test_a_text_of_no_known_language_says_so(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Erster Absatz ohne Gliederung.\n\nZweiter Absatz.\n", encoding="utf-8")
    warning = structure_warning(str(text), resolve(str(text)), lang="en")
    assert warning is not None
    assert "compared as 2 blocks of text" in warning
    assert "no other known language (es, fr, nl) finds any" in warning


def test_a_treaty_with_structure_and_a_catalogue_instrument_raise_no_warning() -> None:
    assert structure_warning(str(USER_PREAMBLE), resolve(str(USER_PREAMBLE)), lang="en") is None
    done = CliRunner().invoke(main, ["show", str(USER_PREAMBLE)])
    assert done.exit_code == 0 and done.stderr == ""


def test_the_spanish_part_xi_agreement_pdf_read_as_english_points_to_spanish(
    corpus: Path,
) -> None:
    pdf = corpus / "documents" / "unclos-partxi-agreement-1994-es.pdf"
    warning = structure_warning(str(pdf), resolve(str(pdf)), lang="en")
    assert warning is not None and warning.endswith("try --lang es")
    assert structure_warning(str(pdf), resolve(str(pdf), lang="es"), lang="es") is None
