"""What treatydiff prints cannot command the CI that runs it, nor the terminal that shows
it (issue 12): a clause whose text starts with ``::stop-commands::`` or holds ``##[``
became a GitHub workflow command in the output of ``check --annotations github``; JUnit XML
was not well-formed with control characters in a clause; escape sequences in a clause
reached the terminal raw.

The outputs are read as the GitHub Actions runner reads them (``support.github``): the
only commands in them are treatydiff's own annotations, whatever the clauses hold.
"""

from __future__ import annotations

import json
import re
import xml.dom.minidom
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from support.github import REGISTERED, Command, executed_commands

from treatydiff.ci.output import stop_commands
from treatydiff.cli import main
from treatydiff.normalize import log_line, printable

# What a terminal acts on: C0 controls but tab and line feed, DEL, C1 controls.
_TERMINAL_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def log(result: Result) -> str:
    """What a step's log shows of a command: its standard output and error."""
    return result.stdout + result.stderr


def _pair(
    tmp_path: Path, texts: list[str], changed: list[str], *, title: str = "T"
) -> tuple[Path, Path]:
    """A JSON article export with one article per text, and one with ``changed`` texts."""
    paths = []
    for name, side in (("left.json", texts), ("right.json", changed)):
        articles = [
            {"number": str(n), "paragraphs": [{"num": "1", "text": text}]}
            for n, text in enumerate(side, 1)
        ]
        path = tmp_path / name
        path.write_text(json.dumps({"name_full": title, "articles": articles}), encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1]


# Every registered command in the forms the runner reads, at the start of a clause and
# inside it, and tokens an attacker may guess to resume commands.
HOSTILE = [
    text
    for name in sorted(REGISTERED)
    for text in (
        f"::{name}::Each State shall act.",
        f"  ::{name} file=README.md,line=1,title=x::Each State shall act.",
        f"::{name.upper()}::Each State shall act.",
        f"Each State ##[{name}]shall act.",
        f"Each State ##[{name} name=x;]shall act.",
    )
] + [
    "Each State shall act.\n::error::on a line of its own",
    "Each State shall act.\r::error::after a carriage return",
    "Each State %0A::error::shall act, escaped.",
    "::pwned123:: and ::treatydiff:: resume nothing",
    "::stop-commands::pwned123 States shall act.",
    "Each State \x1b[2J\x1b]0;pwned\x07 \x9b1m \x00 shall act.",
]
# A title is text from the input as well.
HOSTILE_TITLE = "::warning::The ##[error]Treaty\n::error::of \x1b[2J the States"


def _annotations(commands: list[Command]) -> list[Command]:
    return [c for c in commands if c.name in ("error", "notice")]


def test_the_emulated_runner_reads_what_the_runner_reads() -> None:
    output = (
        "::error::one\n  ::add-mask::two\nx ##[warning]three\n::unknown::none\n"
        "::stop-commands::t0k3n\n::error::ignored\n##[error]ignored\n::t0k3n::\n::notice::four"
    )
    assert [(c.name, c.data) for c in executed_commands(output)] == [
        ("error", "one"),
        ("add-mask", "two"),
        ("warning", "three"),
        ("notice", "four"),
    ]


@pytest.mark.parametrize("pair", ["gh", "legacy", "evil"])
def test_annotations_are_the_only_commands_of_the_reproducers(cases: Path, pair: str) -> None:
    left, right = cases / f"{pair}-left.json", cases / f"{pair}-right.json"
    result = run("check", str(left), str(right), "--annotations", "github")
    assert result.exit_code == 1, result.stderr
    commands = executed_commands(log(result))
    report = json.loads(run("check", str(left), str(right), "--format", "json").stdout)
    changes = report["checks"][0]["changes"]
    assert [c.name for c in commands] == ["error"] * len(changes)
    for command, change in zip(commands, changes, strict=True):
        assert command.data.endswith(f"; id {change['id']})")
        assert printable(change["excerpt"]) in command.data


def test_annotations_carry_hostile_clauses_as_data(tmp_path: Path) -> None:
    left, right = _pair(tmp_path, HOSTILE, [text + " Now." for text in HOSTILE])
    result = run("check", str(left), str(right), "--annotations", "github")
    assert result.exit_code == 1
    commands = executed_commands(log(result))
    assert {c.name for c in commands} == {"error", "notice"}
    assert len(_annotations(commands)) == len(commands) == 11  # 10, then a count


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{left}", "{right}"),
        ("check", "{left}", "{right}", "--format", "json"),
        ("check", "{left}", "{right}", "--annotations", "github", "--format", "json"),
        ("compare", "{left}", "{right}"),
        ("compare", "{left}", "{right}", "--format", "json"),
        ("show", "{left}"),
        ("show", "{left}", "--format", "json"),
        ("show", "{left}", "--format", "treatydiff"),
        ("show", "{left}", "--format", "md"),
        ("show", "{left}", "--format", "akn"),
        ("show", "{left}", "--parts"),
        ("compare", "{left}", "{right}", "--format", "md"),
        ("compare", "{left}", "{right}", "--format", "html"),
        ("synopsis", "{left}", "{right}", "--format", "md"),
        ("synopsis", "{left}", "{right}", "--format", "html"),
        ("synopsis", "{left}", "{right}", "--format", "json"),
        ("languages", "{left}", "{right}", "--langs", "en,fr"),
        ("languages", "{left}", "{right}", "--langs", "en,fr", "--format", "json"),
        ("languages", "{left}", "{right}", "--langs", "en,fr", "--format", "md"),
        ("languages", "{left}", "{right}", "--langs", "en,fr", "--format", "html"),
        ("reuse", "{left}", "{right}", "--min-words", "1", "--scheduler", "synchronous"),
        *(
            ("reuse", "{left}", "{right}", "--min-words", "1", "--scheduler", "synchronous")
            + ("--format", fmt)
            for fmt in ("json", "md", "html")
        ),
        *(
            ("reuse", "{left}", "{right}", "--min-words", "1", "--scheduler", "synchronous")
            + ("--query", "{left}#art_1__para_1", "--format", fmt)
            for fmt in ("jsonl", "json", "md", "html")
        ),
    ],
    ids=" ".join,
)
def test_reports_hold_no_command_whatever_the_clauses(tmp_path: Path, args: tuple[str]) -> None:
    changed = [text + " Now." for text in HOSTILE]
    left, right = _pair(tmp_path, HOSTILE, changed, title=HOSTILE_TITLE)
    result = run(*(arg.format(left=left, right=right) for arg in args))
    # Akoma Ntoso is XML 1.0, which cannot hold ESC: one line of trouble.
    assert result.exit_code in ((0, 1, 2) if "akn" in args else (0, 1)), result.stderr
    assert _annotations(executed_commands(log(result))) == executed_commands(log(result))
    if "--annotations" not in args:
        assert executed_commands(log(result)) == []
    if "html" not in args and "akn" not in args:  # HTML and XML keep the text as it is
        assert not _TERMINAL_CONTROLS.search(log(result))


def test_no_clause_text_starts_a_line_of_the_text_report(tmp_path: Path) -> None:
    left, right = _pair(tmp_path, HOSTILE, [text + " Now." for text in HOSTILE])
    report = run("check", str(left), str(right)).stdout
    excerpts = [line for line in report.splitlines() if "Each State" in line]
    assert excerpts and all(line.startswith("      > ") for line in excerpts)


def test_the_json_report_keeps_the_text_exactly(tmp_path: Path) -> None:
    left, right = _pair(tmp_path, HOSTILE, HOSTILE)
    shown = json.loads(run("show", str(left), "--format", "json").stdout)
    texts = [clause["text"] for clause in shown["clauses"]]
    assert "Each State ##[error]shall act." in texts
    assert "##[" not in run("show", str(left), "--format", "json").stdout


def test_stop_commands_need_an_unguessable_token_not_in_the_text() -> None:
    token = "0123456789abcdef0123456789abcdef"
    assert stop_commands("a\n", token) == f"::stop-commands::{token}\na\n::{token}::\n"
    for bad, text in ((token, f"x ::{token}:: y"), ("pwned", "a"), ("", "a")):
        with pytest.raises(ValueError):
            stop_commands(text, bad)


def test_error_messages_are_one_safe_line(tmp_path: Path) -> None:
    """A message may quote an input: it is shown defused, on one line."""
    native = tmp_path / "quoted.treatydiff"
    native.write_text(
        '%treatydiff-instrument 1\nid: x\ntitle: T\n\n- article art_1\n  text: "##[error]\x1b[2J\n',
        encoding="utf-8",
    )
    result = run("show", str(native))
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "badly quoted value" in result.stderr
    assert executed_commands(result.stderr) == []
    assert not _TERMINAL_CONTROLS.search(result.stderr)


def test_log_line_defuses_both_forms_of_a_command() -> None:
    assert log_line("  ::error::x") == "  %3A:error::x"
    assert log_line("a ##[error]b\nc") == "a ##%5Berror]b c"
    assert executed_commands(log_line("\t::add-mask::secret ##[set-output name=a]b")) == []


# --- JUnit XML and terminals -------------------------------------------------------------


def _junit(tmp_path: Path, left: Path, right: Path) -> str:
    target = tmp_path / "junit.xml"
    result = run("check", str(left), str(right), "--junit", str(target))
    assert result.exit_code == 1, result.stderr
    return target.read_text(encoding="utf-8")


def test_junit_of_the_reproducer_is_well_formed(cases: Path, tmp_path: Path) -> None:
    text = _junit(tmp_path, cases / "ju-left.json", cases / "ju-right.json")
    xml.dom.minidom.parseString(text.encode("utf-8"))  # expat: XML 1.0, strictly
    failure = ET.fromstring(text).find(".//failure")
    assert failure is not None and "States \u2401 shall \u241b[2J act ]]>" in (failure.text or "")


def test_junit_drops_every_character_xml_forbids(tmp_path: Path) -> None:
    forbidden = "".join(map(chr, [*range(0x20), 0x7F, 0x85, 0x9B, 0xFFFE, 0xFFFF]))
    left, right = _pair(tmp_path, [f"States {forbidden} act."], [f"States {forbidden} acted."])
    text = _junit(tmp_path, left, right)
    xml.dom.minidom.parseString(text.encode("utf-8"))
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", text)


@pytest.mark.parametrize(
    "args",
    [
        ("show", "{case}"),
        ("compare", "{case}", "{other}"),
        ("check", "{case}", "{other}"),
        ("check", "{case}", "{other}", "--annotations", "github"),
    ],
    ids=" ".join,
)
def test_no_control_character_reaches_the_terminal(
    cases: Path, tmp_path: Path, args: tuple[str]
) -> None:
    case = cases / "terminal-escape.json"
    other = tmp_path / "other.json"
    other.write_text(
        case.read_text(encoding="utf-8").replace("hidden", "\\u009b2J \\u007f shown"),
        encoding="utf-8",
    )
    result = run(*(arg.format(case=case, other=other) for arg in args))
    assert result.exit_code in (0, 1), result.stderr
    assert not _TERMINAL_CONTROLS.search(log(result))
    assert "\u241b[1A\u241b[2K\u241b]0;pwned\u2407" in result.stdout  # shown, as symbols


def test_json_keeps_control_characters_escaped(cases: Path) -> None:
    shown = run("show", str(cases / "terminal-escape.json"), "--format", "json").stdout
    assert "\\u001b[1A" in shown
    texts = [clause["text"] for clause in json.loads(shown)["clauses"]]
    assert any(text.endswith("\x1b]0;pwned\x07 hidden") for text in texts), texts
