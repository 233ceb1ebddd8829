"""How the GitHub Actions runner reads a step's output: which lines it executes as workflow
commands.

After actions/runner (src/Runner.Common/ActionCommand.cs, TryParseV2 and TryParse; and
src/Runner.Worker/ActionCommandManager.cs): each line of the output, trimmed of leading
whitespace, that begins with ``::NAME`` (up to a space) and holds a second ``::`` is a
command when NAME is registered (ignoring case); failing that, ``##[NAME`` (up to a space
or ``]``) anywhere in the line is one too. ``::stop-commands::TOKEN`` registers TOKEN and
ignores every command until a line that is the command TOKEN.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The commands the runner registers (ActionCommandManager and its extensions).
REGISTERED = frozenset(
    {
        "stop-commands",
        "set-env",
        "set-output",
        "save-state",
        "add-mask",
        "add-path",
        "add-matcher",
        "remove-matcher",
        "warning",
        "error",
        "notice",
        "debug",
        "group",
        "endgroup",
        "echo",
    }
)

# The runner reads lines as .NET's StreamReader.ReadLine splits them.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Command:
    name: str
    data: str
    line: str


def _parse(line: str, registered: set[str]) -> Command | None:
    message = line.lstrip()
    if message.startswith("::"):
        end = message.find("::", 2)
        if end >= 0:
            name = message[2:end].split(" ")[0]
            if name.lower() in registered:
                return Command(name.lower(), _unescape(message[end + 2 :]), line)
    start = line.find("##[")
    if start >= 0:
        close = line.find("]", start)
        if close >= 0:
            name = line[start + 3 : close].split(" ")[0]
            if name.lower() in registered:
                return Command(name.lower(), line[close + 1 :], line)
    return None


def _unescape(data: str) -> str:
    return data.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def executed_commands(output: str) -> list[Command]:
    """The workflow commands the runner executes in ``output``, in order; stop-commands and
    the line that resumes them are not listed, the commands between them are ignored as
    the runner ignores them."""
    registered = set(REGISTERED)
    token: str | None = None
    executed: list[Command] = []
    for line in _LINE_BREAK.split(output):
        command = _parse(line, registered)
        if command is None:
            continue
        if token is not None:
            if command.name == token.lower():
                registered.discard(token.lower())
                token = None
            continue
        if command.name == "stop-commands":
            token = command.data
            registered.add(token.lower())
            continue
        executed.append(command)
    return executed
