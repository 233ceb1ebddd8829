"""Trouble at the command line: whatever goes wrong that is not a difference reaches the
user as one line on stderr and exit code 2 (130 for Ctrl-C), never as a traceback with
exit code 1 (which would read as "differences"); `--debug` or TREATYDIFF_DEBUG=1 shows the
traceback. Each case runs the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, USER_PREAMBLE

from treatydiff.cli import main

# Runs the CLI with one library function (the resolving of REF arguments) replaced by one
# that raises ``sys.argv[1]``: the stand-in for a bug, which no real input can be relied on
# to trigger once the bug is fixed.
_WITH_A_BUG = """
import sys
from treatydiff.catalogue import refs
from treatydiff.cli import main

failure = eval(sys.argv.pop(1))

def resolve(*args, **kwargs):
    raise failure

refs.resolve = resolve
main(sys.argv[1:], prog_name="treatydiff")
"""

HINT = "(run with --debug for the traceback)"


def _env(**changes: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TREATYDIFF_DEBUG"}
    return env | changes


def _with_a_bug(failure: str, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _WITH_A_BUG, failure, *args],
        capture_output=True,
        text=True,
        env=_env(**env),
    )


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", *args], capture_output=True, text=True, env=_env(**env)
    )


def test_a_bug_is_one_line_and_exit_2() -> None:
    result = _with_a_bug("RuntimeError('the clause tree is upside down')", "show", "x.txt")
    assert result.returncode == 2
    assert result.stderr == (
        f"treatydiff: internal error: RuntimeError: the clause tree is upside down {HINT}\n"
    )
    assert result.stdout == ""


def test_a_bug_in_compare_is_not_read_as_differences() -> None:
    result = _with_a_bug("KeyError('art_1')", "compare", "a.txt", "b.txt", "--format", "json")
    assert result.returncode == 2
    assert result.stderr == f"treatydiff: internal error: KeyError: 'art_1' {HINT}\n"


def test_a_message_with_line_breaks_stays_one_line() -> None:
    result = _with_a_bug("ValueError('first\\nsecond\\r\\nthird')", "show", "x.txt")
    assert result.stderr == f"treatydiff: internal error: ValueError: first second third {HINT}\n"


@pytest.mark.parametrize(
    ("args", "env"),
    [(("--debug",), {}), ((), {"TREATYDIFF_DEBUG": "1"})],
    ids=["--debug", "TREATYDIFF_DEBUG=1"],
)
def test_debug_shows_the_traceback(args: tuple[str, ...], env: dict[str, str]) -> None:
    result = _with_a_bug("RuntimeError('boom')", *args, "show", "x.txt", **env)
    assert result.returncode == 2
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    lines = result.stderr.splitlines()
    assert lines[-2:] == [
        "RuntimeError: boom",
        f"treatydiff: internal error: RuntimeError: boom {HINT}",
    ]
    assert "in resolve" in result.stderr  # the frame where it was raised


def test_debug_off_in_the_environment_shows_no_traceback() -> None:
    result = _with_a_bug("RuntimeError('boom')", "show", "x.txt", TREATYDIFF_DEBUG="0")
    assert result.stderr == f"treatydiff: internal error: RuntimeError: boom {HINT}\n"


def test_project_errors_show_their_traceback_only_with_debug(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.txt")
    plain = _run("show", missing)
    assert plain.returncode == 2
    assert plain.stderr.startswith("treatydiff: error: ") and plain.stderr.count("\n") == 1
    debug = _run("--debug", "show", missing)
    assert debug.returncode == 2
    assert debug.stderr.startswith("Traceback (most recent call last):\n")
    assert debug.stderr.endswith(plain.stderr)


def test_interrupt_is_one_line_and_exit_130() -> None:
    result = _with_a_bug("KeyboardInterrupt()", "compare", "a.txt", "b.txt")
    assert result.returncode == 130
    assert result.stderr == "treatydiff: interrupted\n"


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "report.txt"
    blocker.write_text("a file where a folder should be\n", encoding="utf-8")
    target = blocker / "out" / "preamble.json"
    result = _run("show", str(USER_PREAMBLE), "--format", "json", "-o", str(target))
    assert result.returncode == 2
    assert result.stderr == (
        f"treatydiff: error: {target}: cannot create the folder {blocker / 'out'} "
        "(Not a directory)\n"
    )
    assert list(tmp_path.iterdir()) == [blocker]


def test_standard_output_that_cannot_encode_the_text_is_one_line(tmp_path: Path) -> None:
    source = tmp_path / "protocole.md"
    source.write_text("# Protocole\n\n## Article 1\n\nLes États parties.\n", encoding="utf-8")
    result = _run("show", str(source), "--lang", "fr", PYTHONIOENCODING="ascii")
    assert result.returncode == 2
    assert result.stderr == (
        "treatydiff: error: standard output cannot show U+00C9 (encoding ascii); write to a "
        "file with -o, or set PYTHONIOENCODING=utf-8\n"
    )
    written = tmp_path / "out.txt"
    assert _run("show", str(source), "-o", str(written), PYTHONIOENCODING="ascii").returncode == 0
    assert "Les États parties." in written.read_text(encoding="utf-8")


def test_a_report_given_as_input_names_the_export_to_read_back(tmp_path: Path) -> None:
    """show/compare/synopsis JSON are views: read back, each is refused in one line that
    says what it is and which export treatydiff reads back (the treatydiff form, AKN)."""
    runner = CliRunner()
    revised = EXAMPLES / "opsc-preamble-revised.txt"
    outputs = {
        "show.json": ["show", str(USER_PREAMBLE), "--format", "json"],
        "compare.json": ["compare", str(USER_PREAMBLE), str(revised), "--format", "json"],
        "synopsis.json": ["synopsis", str(USER_PREAMBLE), str(revised), "--format", "json"],
    }
    expected = {
        "show.json": "the clause list of show --format json",
        "compare.json": "a treatydiff report (treatydiff.comparison/1)",
        "synopsis.json": "a treatydiff report (treatydiff.synopsis/2)",
    }
    for name, args in outputs.items():
        path = tmp_path / name
        assert runner.invoke(main, [*args, "-o", str(path)]).exit_code in (0, 1)
        done = runner.invoke(main, ["show", str(path)])
        assert done.exit_code == 2
        assert expected[name] in done.stderr and "--format treatydiff" in done.stderr
        assert done.stderr.count("\n") == 1
    native = tmp_path / "preamble.td"
    runner.invoke(main, ["show", str(USER_PREAMBLE), "--format", "treatydiff", "-o", str(native)])
    assert runner.invoke(main, ["compare", str(USER_PREAMBLE), str(native)]).exit_code == 0


def test_options_that_cannot_apply_are_refused_not_ignored(corpus: Path) -> None:
    """--pages on a text would compare the whole text unasked; '-' twice would compare
    standard input with nothing."""
    runner = CliRunner()
    text = runner.invoke(main, ["show", str(USER_PREAMBLE), "--pages", "1-2"])
    assert text.exit_code == 2 and "--pages selects pages of a PDF" in text.stderr
    pdf = corpus / "documents" / "opsc-en-unts-vol2171.pdf"
    assert runner.invoke(main, ["show", str(pdf), "--pages", "1-2"]).exit_code == 0
    stdin = runner.invoke(main, ["compare", "-", "-"], input=USER_PREAMBLE.read_text())
    assert stdin.exit_code == 2 and "standard input can be read once" in stdin.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--bogus",), "No such option '--bogus'. (see '"),
        (("comp",), "No such command 'comp'."),
        (("compare", str(USER_PREAMBLE)), "Missing argument 'RIGHT'. (see '"),
        (("show", str(USER_PREAMBLE), "--format", "xx"), "Invalid value for '--format'"),
        # -o onto a folder: click's own check, said in the same one line
        (("compare", str(USER_PREAMBLE), str(USER_PREAMBLE), "-o", "."), "is a directory"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(args: tuple[str, ...], message: str) -> None:
    result = _run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith("treatydiff: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr and result.stderr.endswith(" --help')\n")
    assert result.stdout == ""


def test_a_folder_named_like_no_catalogue_id_is_said_to_be_a_folder(tmp_path: Path) -> None:
    # "compare notes draft.txt" where notes/ is a folder: the catalogue knows no "notes",
    # so the error says what the path is, not which ids the catalogue holds.
    (tmp_path / "notes").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "treatydiff", "show", "notes"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 2
    assert result.stderr == "treatydiff: error: notes: is a directory, not a file\n"
