"""A text read with no treaty structure is still compared, but the user is told why the
report cites "formula 2" and which language would read its articles; without --lang, a
text that English reads no structure in and another language does is read in that one."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import USER_PREAMBLE

from treatydiff.catalogue.refs import other_readings, resolve, structure_warning
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


def test_a_spanish_text_is_read_as_spanish_unless_english_is_asked_for(
    spanish: tuple[Path, Path],
) -> None:
    left, right = spanish
    done = CliRunner().invoke(main, ["compare", str(left), str(right)])
    assert done.exit_code == 1
    notes = done.stderr.splitlines()
    assert len(notes) == 2, done.stderr
    assert all(line.endswith("in English: read as es") for line in notes)
    assert "article 2, paragraph 1" in done.stdout
    assert "[-dos-]{+tres+}" in done.stdout

    english = CliRunner().invoke(main, ["compare", "--lang", "en", str(left), str(right)])
    assert english.exit_code == 1
    warnings = [line for line in english.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 2
    assert all("with --lang en" in line and "try --lang es" in line for line in warnings)
    assert "[-dos-]{+tres+}" in english.stdout  # the change itself is still reported

    read = CliRunner().invoke(main, ["compare", "--lang", "es", str(left), str(right)])
    assert read.exit_code == 1
    assert read.stderr == ""
    assert read.stdout == done.stdout


def test_a_text_of_no_known_language_says_so(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("Erster Absatz ohne Gliederung.\n\nZweiter Absatz.\n", encoding="utf-8")
    instrument = resolve(str(text))
    found = other_readings(str(text), instrument, lang="en")
    assert found == ()
    warning = structure_warning(str(text), instrument, lang="en", found=found)
    assert "compared as 2 blocks of text" in warning
    assert "no other known language (es, fr, nl) finds any" in warning


def test_a_treaty_with_structure_and_a_catalogue_instrument_raise_no_warning() -> None:
    assert other_readings(str(USER_PREAMBLE), resolve(str(USER_PREAMBLE)), lang="en") is None
    done = CliRunner().invoke(main, ["show", str(USER_PREAMBLE)])
    assert done.exit_code == 0 and done.stderr == ""


def test_the_spanish_part_xi_agreement_pdf_read_as_english_points_to_spanish(
    corpus: Path,
) -> None:
    pdf = corpus / "documents" / "unclos-partxi-agreement-1994-es.pdf"
    english = resolve(str(pdf))
    found = other_readings(str(pdf), english, lang="en")
    assert found == ("es",)
    assert structure_warning(str(pdf), english, lang="en", found=found).endswith("try --lang es")
    assert other_readings(str(pdf), resolve(str(pdf), lang="es"), lang="es") is None


def test_show_and_its_parts_read_a_spanish_booklet_as_spanish(corpus: Path) -> None:
    # Read as English the CEDAW booklet holds one part, El Salvador's decree, without
    # structure; read as Spanish, the Convention and the two domestic acts.
    pdf = str(corpus / "documents" / "cedaw-es-sv-booklet.pdf")
    parts = CliRunner().invoke(main, ["show", pdf, "--parts"])
    assert parts.exit_code == 0
    assert [line.split("\t")[1][:10] for line in parts.stdout.splitlines()] == [
        "CONVENCIÓN",
        "ACUERDO No",
        "DECRETO No",
    ]
    shown = CliRunner().invoke(main, ["show", pdf])
    assert shown.exit_code == 0 and "[art_16__para_1__point_c]" in shown.stdout
    assert shown.stderr.endswith("read as es\n")


def test_a_french_text_that_english_reads_some_articles_of_is_read_as_french(
    tmp_path: Path,
) -> None:
    # English reads "Article 2" but not "Article premier" nor the French preamble: the
    # words are French, and French reads the whole structure.
    text = tmp_path / "convention.txt"
    text.write_text(
        "CONVENTION SUR L'ESSAI DES CHOSES\n\nPréambule\n\nLes États Parties à la présente "
        "Convention,\n\nReconnaissant la nécessité d'un essai attentif,\n\nSont convenus de ce "
        "qui suit :\n\nArticle premier\n\nChaque État partie prend les mesures nécessaires.\n\n"
        "Article 2\n\nLe Comité se réunit une fois par an.\n",
        encoding="utf-8",
    )
    done = CliRunner().invoke(main, ["show", str(text)])
    assert done.exit_code == 0
    assert done.stderr == f"treatydiff: note: {text}: written in fr, not en: read as fr\n"
    assert "[art_1] article 1" in done.stdout and "[preamble__p_1]" in done.stdout
    english = CliRunner().invoke(main, ["show", str(text), "--lang", "en"])
    assert "[art_1]" not in english.stdout
