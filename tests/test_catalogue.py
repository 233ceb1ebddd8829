"""The instrument catalogue: every corpus file pinned, facts only as stated, strict validation."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import platformdirs
import pytest
from click.testing import CliRunner
from conftest import USER_PREAMBLE

from treatydiff.catalogue import entries as catalogue
from treatydiff.catalogue import store
from treatydiff.cli import main
from treatydiff.errors import CatalogueError, InputError
from treatydiff.formats import load_file
from treatydiff.resources import data_dir

# corpus folder -> the GitHub repository its SOURCE.md names
REPOSITORIES = {
    "laws-markdown": "statengeneraal/laws-markdown",
    "lszoszk-generalcomments": "lszoszk/generalcomments",
    "raisely-noharm": "raisely/NoHarm",
}
# instruments appended to another's file: (file's id, appended id)
APPENDED = {"iccpr": "iccpr-op1", "ilo-c138": "ilo-r146"}


def manifest_rows(corpus: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for folder in REPOSITORIES:
        with (corpus / folder / "MANIFEST.tsv").open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows.append({**row, "folder": folder})
    return rows


def raw_url(row: dict[str, str]) -> str:
    path = quote(row["path_in_source_repo"], safe="/()")
    return f"https://raw.githubusercontent.com/{REPOSITORIES[row['folder']]}/{row['commit']}/{path}"


@pytest.fixture(scope="module")
def shipped() -> catalogue.Catalogue:
    return catalogue.load()


def test_one_entry_per_corpus_instrument(corpus: Path, shipped: catalogue.Catalogue) -> None:
    folders = {p.name for p in (corpus / "laws-markdown").iterdir() if p.is_dir()}
    assert len(folders) == 17
    assert {entry.id for entry in shipped.entries} == folders | set(APPENDED.values())
    assert [entry.id for entry in shipped.entries] == sorted(e.id for e in shipped.entries)


def test_every_manifest_file_is_pinned_with_its_sha256(
    corpus: Path, shipped: catalogue.Catalogue
) -> None:
    rows = manifest_rows(corpus)
    assert len(rows) == 37 + 8 + 1
    pinned = {(e.id, v.mirror_path): v for e in shipped.entries for v in e.versions}
    expected_pins: set[tuple[str, str]] = set()
    for row in rows:
        owners = [row["id"]]
        if row["folder"] == "laws-markdown" and row["id"] in APPENDED:
            owners.append(APPENDED[row["id"]])
        for owner in owners:
            version = pinned.get((owner, row["file"]))
            assert version is not None, f"{row['file']} is not pinned for {owner}"
            expected_pins.add((owner, row["file"]))
            assert version.sha256 == row["sha256"]
            assert version.size == int(row["bytes"])
            assert version.url == raw_url(row)
            appended = owner in APPENDED.values() and row["folder"] == "laws-markdown"
            assert version.part == (2 if appended else 1)
            data = (corpus / row["file"]).read_bytes()
            assert hashlib.sha256(data).hexdigest() == version.sha256
            expected_label = {
                "laws-markdown": row["snapshot_date"],
                "lszoszk-generalcomments": "ohchr",
                "raisely-noharm": "ohchr-noharm",
            }[row["folder"]]
            assert version.label == expected_label
            assert (
                version.format
                == {
                    "laws-markdown": "laws-markdown",
                    "lszoszk-generalcomments": "json-articles",
                    "raisely-noharm": "markdown",
                }[row["folder"]]
            )
    # nothing pinned that the manifests do not list
    assert set(pinned) == expected_pins


def test_languages_and_the_empty_snapshot(shipped: catalogue.Catalogue) -> None:
    for entry in shipped.entries:
        for version in entry.versions:
            if version.format == "laws-markdown" and version.has_text:
                assert version.languages == ("en", "nl")
            elif version.has_text:
                assert version.languages == ("en",)
    empty = shipped.get("coe-adoption-revised-2008").version("2008-11-27")
    assert not empty.has_text and empty.languages == () and empty.size == 1
    assert [v.label for e in shipped.entries for v in e.versions if not v.has_text] == [
        "2008-11-27"
    ]


def test_default_is_the_newest_dated_snapshot_with_text(shipped: catalogue.Catalogue) -> None:
    for entry in shipped.entries:
        dated = [
            v.label
            for v in entry.versions
            if v.has_text and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v.label)
        ]
        assert entry.default_version == max(dated), entry.id
    assert shipped.get("opsc").default_version == "2012-10-31"
    assert shipped.get("coe-adoption-revised-2008").default_version == "2012-08-10"
    assert shipped.get("iccpr-op1").version().label == "2014-03-24"


def test_relations(shipped: catalogue.Catalogue) -> None:
    relations = {
        (entry.id, r.kind, r.target or r.title)
        for entry in shipped.entries
        for r in entry.relations
    }
    assert relations == {
        ("opsc", "protocol_to", "crc"),
        ("opac", "protocol_to", "crc"),
        ("op-cedaw", "protocol_to", "cedaw"),
        ("iccpr-op1", "protocol_to", "iccpr"),
        ("budapest-xenophobia-protocol", "protocol_to", "budapest-cybercrime"),
        ("ilo-r146", "supplements", "ilo-c138"),
        (
            "palermo-trafficking",
            "supplements",
            "United Nations Convention against Transnational Organized Crime",
        ),
    }


def test_opsc_facts_are_those_the_user_supplied_preamble_states(
    shipped: catalogue.Catalogue,
) -> None:
    facts = shipped.get("opsc").facts
    stated = load_file(USER_PREAMBLE).metadata
    assert (facts.adopted, facts.entry_into_force) == (stated.adopted, stated.entry_into_force)
    assert facts.adoption is not None and stated.adoption is not None
    assert facts.adoption in stated.adoption
    assert facts.year == 2000


def test_no_guessed_dates(corpus: Path, shipped: catalogue.Catalogue) -> None:
    # Only the user-supplied preamble states an entry-into-force date; every fact names a
    # source, and a source that is a corpus file exists.
    assert [e.id for e in shipped.entries if e.facts.entry_into_force] == ["opsc"]
    assert shipped.get("palermo-trafficking").facts.year is None
    for entry in shipped.entries:
        sources = dict(entry.facts.sources)
        assert set(sources) == set(entry.facts.stated()), entry.id
        for where in sources.values():
            cited = where.split(",")[0].split()[0]
            if "/" in cited:
                assert (corpus / cited).is_file(), f"{entry.id}: {cited}"


def test_years_from_lszoszk_match_the_json(corpus: Path, shipped: catalogue.Catalogue) -> None:
    for entry in shipped.entries:
        for where in dict(entry.facts.sources).values():
            if where.startswith("lszoszk-generalcomments/"):
                data = json.loads((corpus / where.split()[0]).read_text(encoding="utf-8"))
                assert data["year"] == entry.facts.year, entry.id


def _copy_catalogue(tmp_path: Path) -> Path:
    folder = tmp_path / "instruments"
    shutil.copytree(data_dir("instruments"), folder)
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'sha256 = "e638ec092d95d3503ff240a7e2b949bc11a5036fff9e4e423e27e38c7a2ceff2"\n',
            "",
            "versions[1].sha256: missing",
        ),
        (
            'sha256 = "e638ec092d95d3503ff240a7e2b949bc11a5036fff9e4e423e27e38c7a2ceff2"',
            'sha256 = "e638ec09"',
            "versions[1].sha256: 'e638ec09' does not match",
        ),
        ('adopted = "2000-05-25"', 'adopted = "25 May 2000"', "facts.adopted: '25 May 2000'"),
        (
            'adopted = "2000-05-25"',
            "adopted = 2000-05-25",
            "facts.adopted: expected a string, got 2000-05-25",
        ),
        ('id = "opsc"', 'id = "opac"', "id: 'opac' differs from the file name 'opsc.toml'"),
        ('default_version = "2012-10-31"', 'default_version = "2020"', "default_version:"),
        ('target = "crc"', 'target = "crc-typo"', "relations[0].target: unknown instrument"),
        (
            'kind = "protocol_to"',
            'kind = "amends"',
            "relations[0].kind: 'amends' is not one of protocol_to, supplements",
        ),
        ("year = 2000", "year = 0", "facts.year: 0 is less than 1"),
        ('adopted = "2000-05-25"', 'adopted = "2000-02-30"', "facts.adopted: '2000-02-30' is not"),
        ("\n[facts.sources]\n", '\n[facts.sources]\ndone = "x"\n', "facts.sources.done: names the"),
        ('format = "json-articles"', 'format = "rtf"', "versions[2].format: 'rtf' is not"),
        ("bytes = 48767", "bytes = true", "versions[1].bytes: expected an integer of at least 1"),
        ('url = "https://raw', 'url = "http://raw', "versions[0].url:"),
        ('mirror_path = "laws-markdown/opsc/', 'mirror_path = "../opsc/', "mirror_path:"),
        (
            'abbreviation = "OPSC"',
            'abbreviation = "OPSC"\nnickname = "x"',
            "nickname: unknown key; known: ",
        ),
        (
            'entry_into_force = "user-supplied/opsc-preamble-ohchr.txt, title block"\n',
            "",
            "facts.sources.entry_into_force: missing",
        ),
        ('title = "Optional', 'title = """Optional', "not valid TOML"),
        ('label = "ohchr"', 'label = ".."', "versions[2].label: '..' does not match"),
    ],
)
def test_a_malformed_entry_names_the_file_and_the_field(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    folder = _copy_catalogue(tmp_path)
    path = folder / "opsc.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        catalogue.load(folder)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_unknown_id_and_version_list_what_exists(home: Path) -> None:
    with pytest.raises(CatalogueError, match=r"unknown instrument 'opsk'; known: .*\bopsc\b"):
        store.load_pulled("opsk", None, lang="en")
    with pytest.raises(
        CatalogueError, match=r"opsc has no version '1999'; versions: 2005-09-23, 2012-10-31, ohchr"
    ):
        store.load_pulled("opsc", "1999", lang="en")
    with pytest.raises(CatalogueError, match=r"opsc@ohchr has no 'nl' text; languages: en"):
        store.load_pulled("opsc", "ohchr", lang="nl")


def test_not_pulled_names_the_pull_command(home: Path) -> None:
    with pytest.raises(InputError) as caught:
        store.load_pulled("opsc", None, lang="en")
    assert str(caught.value).endswith("run: treatydiff corpus pull opsc")
    assert "opsc@2012-10-31 is not pulled" in str(caught.value)
    result = CliRunner().invoke(main, ["show", "opsc@ohchr"])
    assert result.exit_code == 2
    assert result.stderr.endswith("run: treatydiff corpus pull opsc@ohchr\n")
    assert result.stderr.count("\n") == 1


def test_cli_unknown_instrument_and_empty_snapshot(home: Path) -> None:
    result = CliRunner().invoke(main, ["show", "crc@ohchr-typo"])
    assert result.exit_code == 2
    assert "ohchr-noharm" in result.stderr and result.stderr.count("\n") == 1
    result = CliRunner().invoke(main, ["show", "coe-adoption-revised-2008@2008-11-27"])
    assert result.exit_code == 2
    assert "has no text: its pinned source is an empty file" in result.stderr


def test_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TREATYDIFF_HOME", str(tmp_path))
    assert store.data_home() == tmp_path
    monkeypatch.delenv("TREATYDIFF_HOME")
    assert store.data_home() == Path(platformdirs.user_data_dir("treatydiff"))


def test_instruments_listing(home: Path) -> None:
    result = CliRunner().invoke(main, ["instruments", "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    opsc = next(row for row in rows if row["id"] == "opsc")
    assert opsc["year"] == 2000 and opsc["default_version"] == "2012-10-31"
    assert [v["label"] for v in opsc["versions"]] == ["2005-09-23", "2012-10-31", "ohchr"]
    assert not any(v["pulled"] for row in rows for v in row["versions"])
    assert result.stdout == CliRunner().invoke(main, ["instruments", "--format", "json"]).stdout

    text = CliRunner().invoke(main, ["instruments"]).stdout
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["ID", "YEAR"]
    assert len(lines) == 1 + len(rows)
    opsc_line = next(line for line in lines if line.startswith("opsc "))
    assert "2005-09-23, 2012-10-31*, ohchr" in opsc_line
    assert opsc_line.endswith("child prostitution and child pornography")
    assert "2008-11-27 (no text)" in text


def test_the_catalogue_is_read_once_until_a_file_changes(tmp_path: Path) -> None:
    folder = _copy_catalogue(tmp_path)
    first = catalogue.load(folder)
    assert catalogue.load(folder) is first  # not parsed again: a check of 18 reads it once
    path = folder / "opsc.toml"
    path.write_text(path.read_text().replace('abbreviation = "OPSC"', 'abbreviation = "OP"'))
    assert catalogue.load(folder).get("opsc").abbreviation == "OP"
