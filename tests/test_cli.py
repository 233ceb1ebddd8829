"""The command line: help everywhere, exit codes, clean errors, atomic output."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import USER_PREAMBLE

from treatydiff import __version__
from treatydiff.cli import main


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found += _commands(command, (*prefix, name))
    return found


COMMANDS = _commands(main)


# Each command's usage line: its name and its arguments, in order (the README's table is
# compared with the options in tests/test_readme_commands.py).
USAGE = {
    (): "treatydiff [OPTIONS] COMMAND [ARGS]...",
    ("check",): "treatydiff check [OPTIONS] [LEFT RIGHT | FILE]",
    ("compare",): "treatydiff compare [OPTIONS] LEFT RIGHT",
    ("corpus",): "treatydiff corpus [OPTIONS] COMMAND [ARGS]...",
    ("corpus", "pull"): "treatydiff corpus pull [OPTIONS] [ID | ID@VERSION]...",
    ("instruments",): "treatydiff instruments [OPTIONS]",
    ("languages",): "treatydiff languages [OPTIONS] REF [REF...]",
    ("publish",): "treatydiff publish [OPTIONS] CONFIG",
    ("reuse",): "treatydiff reuse [OPTIONS] PATH...",
    ("show",): "treatydiff show [OPTIONS] REF",
    ("synopsis",): "treatydiff synopsis [OPTIONS] REF REF...",
}


def _help(command: tuple[str, ...]) -> str:
    result = CliRunner().invoke(main, [*command, "--help"], prog_name="treatydiff")
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_has_its_usage_line() -> None:
    assert sorted(USAGE) == sorted([(), *COMMANDS])
    for command, usage in USAGE.items():
        assert _help(command).splitlines()[0] == f"Usage: {usage}"


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_has_help(command: tuple[str, ...]) -> None:
    output = _help(command)
    # A documented command says what it does in its first help line, and the group's help
    # lists it with the start of that line.
    summary = output.split("\n\n")[1].strip()
    assert len(summary.split()) >= 4, f"{' '.join(command)} has no description"
    parent = _help(command[:-1])
    assert re.search(rf"^  {command[-1]} +{re.escape(summary.split()[0])} ", parent, re.M)
    # Every option says what it does.
    resolved: click.Command = main
    for name in command:
        assert isinstance(resolved, click.Group)
        resolved = resolved.commands[name]
    for param in resolved.params:
        if isinstance(param, click.Option):
            assert param.help and len(param.help.split()) >= 2, f"{param.name} has no help"


def _run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", *args], input=stdin, capture_output=True
    )


def test_version_and_module_entry_point() -> None:
    result = _run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().strip() == f"treatydiff, version {__version__}"


def test_show_json_of_the_user_supplied_preamble() -> None:
    result = _run("show", str(USER_PREAMBLE), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert sorted(data) == ["clauses", "id", "metadata", "title"]
    assert data["id"] == "opsc-preamble-ohchr"
    assert data["metadata"]["entry_into_force"] == "2002-01-18"
    assert data["clauses"][0]["id"] == "docTitle"
    first = data["clauses"][4]  # after the title, the preface's two lines, the formula
    assert first == {
        "heading": None,
        "id": "preamble__p_1",
        "kind": "recital",
        "label": "preambular paragraph 1",
        "num": "1",
        "source": {"line": 8},
        "text": first["text"],
    }
    assert first["text"].startswith("Considering that, in order further to achieve")


def test_show_reads_standard_input_and_short_labels(corpus: Path) -> None:
    source = (corpus / "laws-markdown" / "opsc" / "2012-10-31.md").read_bytes()
    result = _run("show", "-", "--labels", "short", stdin=source)
    assert result.returncode == 0, result.stderr
    assert "[art_3__para_1__point_a__point_i__point_b] art. 3(1)(a)(i)(b)" in result.stdout.decode()


def test_show_dutch(corpus: Path) -> None:
    path = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    result = _run("show", str(path), "--lang", "nl")
    assert result.returncode == 0
    assert "Iedere Staat die partij is" in result.stdout.decode()


def test_show_a_json_export_in_dutch(corpus: Path) -> None:
    """The acceptance of issue 8: articles and paragraphs of a JSON export, whatever
    language is asked for (the export's own structure, not English headings)."""
    path = corpus / "lszoszk-generalcomments" / "crc.json"

    def ids(lang: str) -> list[str]:
        result = _run("show", str(path), "--lang", lang, "--format", "json")
        assert result.returncode == 0, result.stderr
        return [clause["id"] for clause in json.loads(result.stdout)["clauses"]]

    dutch = ids("nl")
    assert dutch == ids("en")
    assert dutch[:4] == ["docTitle", "art_1", "art_2__para_1", "art_2__para_2"]
    assert not [eid for eid in dutch if eid.startswith("preamble")]


def test_show_selects_an_appended_instrument(corpus: Path) -> None:
    path = corpus / "laws-markdown" / "iccpr" / "2014-03-24.md"
    result = _run("show", f"{path}#2", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["title"].startswith("Optional Protocol")
    listed = _run("show", str(path), "--parts")
    assert listed.stdout.decode().splitlines() == [
        "1\tInternational Covenant on Civil and Political Rights",
        "2\tOptional Protocol to the International Covenant on Civil and Political Rights",
    ]
    single = _run("show", str(corpus / "raisely-noharm" / "CRC.md"), "--parts")
    assert single.stdout == b"1\tConvention on the Rights of the Child\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"caf\xe9 Article 1", "not UTF-8"),
        (b"<svg></svg>", "neither Akoma Ntoso nor a known format"),
        (b"<html></html>", "no text found in the document"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str) -> None:
    source = tmp_path / "bad.txt"
    source.write_bytes(content)
    target = tmp_path / "out.json"
    result = _run("show", str(source), "--format", "json", "-o", str(target))
    assert result.returncode == 2
    stderr = result.stderr.decode()
    assert stderr.count("\n") == 1 and message in stderr
    assert "Traceback" not in stderr
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]  # no temporary file left behind


def test_missing_reference_and_unknown_option(tmp_path: Path) -> None:
    result = _run("show", str(tmp_path / "nowhere.md"))
    assert result.returncode == 2
    assert result.stderr.decode().startswith("treatydiff: error: ")
    assert _run("show", str(USER_PREAMBLE), "--format", "pdf").returncode == 2


def test_output_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "deep" / "preamble.txt"
    result = _run("show", str(USER_PREAMBLE), "-o", str(target))
    assert result.returncode == 0 and result.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("Optional Protocol")
    # readable as any new file is (0666 less the umask), not private like a temporary file
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
    assert list(target.parent.iterdir()) == [target]


def test_show_is_deterministic() -> None:
    first = _run("show", str(USER_PREAMBLE), "--format", "json").stdout
    assert first == _run("show", str(USER_PREAMBLE), "--format", "json").stdout


def test_show_markdown_is_escaped(tmp_path: Path) -> None:
    source = tmp_path / "odd.txt"
    source.write_text(
        "Protocol\nThe States Parties,\nConsidering *stars* and _under_ | pipes <b>,\n"
        "Have agreed as follows:\nArticle 1\n# Not a heading.\n",
        encoding="utf-8",
    )
    from markdown_it import MarkdownIt

    result = _run("show", str(source), "--format", "md", "--input-format", "un-text")
    html = MarkdownIt("commonmark").render(result.stdout.decode())
    assert "<em>" not in html and "<b>" not in html and "<h1>Not" not in html
    assert "*stars*" in html and "&lt;b&gt;" in html


def test_show_markdown_cites_clauses_in_the_chosen_style(corpus: Path) -> None:
    opsc = str(corpus / "laws-markdown" / "opsc" / "2012-10-31.md")
    un = _run("show", opsc, "--format", "md").stdout.decode()
    short = _run("show", opsc, "--format", "md", "--labels", "short").stdout.decode()
    assert "**article 3, paragraph 1 (a) (i) (a)** Sexual exploitation of the child;" in un
    assert "**art. 3(1)(a)(i)(a)** Sexual exploitation of the child;" in short
