"""The README's command table states the truth: every command and option it names exists
in that command's `--help`, with the same choices, and every command and option of the
CLI is in the table.

Exceptions, by design: `-h/--help` (every command has it, as the README says once) and
`--version` (of the `treatydiff` group, shown in its row but not required there); a group
that only holds commands (`corpus`) has no row of its own, its commands have. Positional
arguments and option metavars (`FILE`, `DIR`, `T`) are the README's to name and are not
compared.
"""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from conftest import PROJECT

from treatydiff.cli import main

NOT_REQUIRED = {"-h", "--help", "--version"}

_ROW = re.compile(r"^\| `(treatydiff\b[^`]*)` \|", re.MULTILINE)
_OPTION = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*)")
# an option followed by its choices: `--format text|json|html|md`
_CHOICES = re.compile(r"(?<![\w-])(--?[A-Za-z][\w-]*) ([a-z][\w-]*(?:\|[a-z][\w-]*)*)")


def _readme_rows() -> dict[tuple[str, ...], str]:
    """Command path -> the command line of its row in the README's "Commands" table."""
    text = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Commands\n", 1)[1].split("\n## ", 1)[0]
    rows: dict[tuple[str, ...], str] = {}
    for match in _ROW.finditer(section):
        line = match.group(1).replace("\\|", "|")
        words = line.split()[1:]
        path = tuple(word for word in _leading_names(words))
        assert path not in rows, f"two rows for {' '.join(path) or 'treatydiff'}"
        rows[path] = line
    return rows


def _leading_names(words: list[str]) -> list[str]:
    names: list[str] = []
    for word in words:
        if not re.fullmatch(r"[a-z][a-z-]*", word):
            break
        names.append(word)
    return names


def _commands(
    group: click.Group, prefix: tuple[str, ...] = ()
) -> dict[tuple[str, ...], click.Command]:
    """Every command with options of its own, by path: the group itself, and the leaves."""
    found: dict[tuple[str, ...], click.Command] = {prefix: group} if not prefix else {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found |= _commands(command, (*prefix, name))
        else:
            found[(*prefix, name)] = command
    return found


ROWS = _readme_rows()
COMMANDS = _commands(main)


def _options(command: click.Command) -> dict[str, click.Option]:
    """Option name -> option, for every name (`-o` and `--output`) of every option."""
    return {
        name: param
        for param in command.params
        if isinstance(param, click.Option) and not param.hidden
        for name in (*param.opts, *param.secondary_opts)
    }


def _help(path: tuple[str, ...]) -> str:
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_table_and_the_cli_have_the_same_commands() -> None:
    assert sorted(ROWS) == sorted(COMMANDS)
    listed = _help(())
    for path in COMMANDS:
        if path:
            assert f"  {path[0]} " in listed, f"{path[0]} is not in treatydiff --help"


@pytest.mark.parametrize("path", sorted(ROWS), ids=lambda p: " ".join(p) or "treatydiff")
def test_every_option_of_a_row_is_in_the_commands_help(path: tuple[str, ...]) -> None:
    options = _options(COMMANDS[path])
    help_text = _help(path)
    for name in _OPTION.findall(ROWS[path]):
        assert name in options, f"README: {' '.join(path)} has no option {name}"
        assert re.search(rf"(?<![\w-]){re.escape(name)}\b", help_text)


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=lambda p: " ".join(p) or "treatydiff")
def test_every_option_of_a_command_is_in_its_row(path: tuple[str, ...]) -> None:
    row = ROWS[path]
    stated = set(_OPTION.findall(row))
    for option in {id(o): o for o in _options(COMMANDS[path]).values()}.values():
        names = {*option.opts, *option.secondary_opts}
        if names & NOT_REQUIRED:
            continue
        assert names & stated, f"README: the row of {' '.join(path)} lacks {'/'.join(names)}"


@pytest.mark.parametrize("path", sorted(ROWS), ids=lambda p: " ".join(p) or "treatydiff")
def test_the_choices_a_row_lists_are_the_options_choices(path: tuple[str, ...]) -> None:
    options = _options(COMMANDS[path])
    for name, listed in _CHOICES.findall(ROWS[path]):
        kind = options[name].type
        assert isinstance(kind, click.Choice), f"{name} takes no choice"
        assert listed.split("|") == list(kind.choices), f"README: {name} {listed}"
