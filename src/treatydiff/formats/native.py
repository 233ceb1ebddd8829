"""The project's own normalized form of an instrument: a line-based text, one field a line.

Pulled instruments are stored in it. It is human-readable and diffable (a changed word
changes one line), deterministic (same instrument, same bytes) and lossless:
``loads(dumps(x)) == x`` for every ``Instrument``, whatever characters its strings hold.

Version 1 of the format, by example::

    %treatydiff-instrument 1
    id: opsc@2012-10-31
    title: Optional Protocol to the Convention on the Rights of the Child on ...
    adopted: 2000-05-25
    language: en

    - preamble preamble
      heading: Preamble
      line: 7
      - formula preamble__formula_1
        num: 1
        line: 7
        text: The States Parties to the present Protocol,

    - article art_1
      num: 1
      line: 12
      text: "\\"Sale of children\\" means any act ..."

* The first line names the format and its version.
* Then ``id:`` and ``title:``, always, and one line for each ``Metadata`` field that is
  not None, named and ordered as in the dataclass.
* Then the clause tree in document order. A clause is a line ``- KIND EID`` indented by
  two spaces per level of nesting; then its fields, two spaces deeper, in this order:
  ``num:`` and ``heading:`` (omitted when None), ``line:`` (the source line, omitted when
  None), ``text:`` (omitted when empty) and one ``note: MARKER LINE TEXT`` for each of its
  notes, in order (MARKER written like KIND, LINE a whole number or ``-`` for None);
  then its children.
* Blank lines carry nothing; one precedes each top-level clause.
* A value is written as it is when that is unambiguous. Otherwise it is a JSON string
  literal: when it is empty, starts with a double quote, starts or ends with whitespace, or
  holds a character that is not printable (controls, line separators, format characters
  such as the soft hyphen, no-break spaces), written ``\\uXXXX``. KIND and EID are quoted
  also when they hold a space, which is then written ``\\u0020``. A value holding ``##[``
  is quoted too, with ``[`` written ``\\u005b``: the GitHub Actions runner reads
  ``##[command]`` anywhere in a line of a log as a workflow command.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from treatydiff.errors import FormatError
from treatydiff.model import METADATA_FIELDS, Clause, Instrument, Metadata, Note

MAGIC = "%treatydiff-instrument"
VERSION = 1
MAX_DEPTH = 100  # deeper trees are not treaties; the model's walks are recursive

_CLAUSE_FIELDS: tuple[str, ...] = ("num", "heading", "line", "text", "note")
_FIELD_LINE = re.compile(r"([a-z][a-z0-9_]*): (.*)")
_INTEGER = re.compile(r"-?[0-9]{1,18}")  # a line number, not a number of any length


# --- writing ---------------------------------------------------------------------------


def dumps(instrument: Instrument) -> str:
    """The instrument in the treatydiff form (a ``str`` ending with a newline)."""
    lines = [f"{MAGIC} {VERSION}", f"id: {_value(instrument.id)}"]
    lines.append(f"title: {_value(instrument.title)}")
    for name, value in instrument.metadata.as_fields().items():
        lines.append(f"{name}: {_value(value)}")
    for clause in instrument.body:
        lines.append("")
        _write_clause(clause, 0, lines)
    return "\n".join(lines) + "\n"


def _write_clause(clause: Clause, depth: int, lines: list[str]) -> None:
    indent = "  " * depth
    lines.append(f"{indent}- {_value(clause.kind, token=True)} {_value(clause.eid, token=True)}")
    inner = indent + "  "
    if clause.num is not None:
        lines.append(f"{inner}num: {_value(clause.num)}")
    if clause.heading is not None:
        lines.append(f"{inner}heading: {_value(clause.heading)}")
    if clause.line is not None:
        lines.append(f"{inner}line: {clause.line}")
    if clause.text:
        lines.append(f"{inner}text: {_value(clause.text)}")
    for note in clause.notes:
        where = "-" if note.line is None else str(note.line)
        lines.append(f"{inner}note: {_value(note.marker, token=True)} {where} {_value(note.text)}")
    for child in clause.children:
        _write_clause(child, depth + 1, lines)


def _value(value: str, *, token: bool = False) -> str:
    """``value`` as written: bare when unambiguous, else a JSON string literal."""
    plain = value and value[0] != '"' and value == value.strip() and value.isprintable()
    if plain and not (token and " " in value) and "##[" not in value:
        return value
    quoted = json.dumps(value, ensure_ascii=False)
    return "".join(
        _escape(char) if not char.isprintable() or (token and char == " ") else char
        for char in quoted
    ).replace("##[", "##\\u005b")


def _escape(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:  # JSON spells a character beyond the BMP as a surrogate pair
        code -= 0x10000
        return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"
    return f"\\u{code:04x}"


# --- reading ---------------------------------------------------------------------------


def loads(text: str) -> Instrument:
    """The instrument written by :func:`dumps`; raises FormatError on anything else."""
    return parse(text)


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    """Importer entry point. A file holds one instrument in one language: ``lang`` is not
    used, and ``part`` must be 1."""
    if part != 1:
        raise FormatError(
            f"a treatydiff file holds one instrument; there is no part {part}, only part 1"
        )
    return _Reader(text).read()


@dataclass
class _Draft:
    """A clause being read: fields first, then children."""

    kind: str
    eid: str
    depth: int
    values: dict[str, Any] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    children: list[Clause] = field(default_factory=list)

    def clause(self) -> Clause:
        return Clause(
            eid=self.eid,
            kind=self.kind,
            num=self.values.get("num"),
            heading=self.values.get("heading"),
            text=self.values.get("text", ""),
            line=self.values.get("line"),
            children=tuple(self.children),
            notes=tuple(self.notes),
        )


class _Reader:
    def __init__(self, text: str) -> None:
        self.lines = text.split("\n")
        self.number = 0  # 1-based number of the line being read

    def fail(self, problem: str) -> FormatError:
        return FormatError(f"treatydiff form, line {self.number}: {problem}")

    def read(self) -> Instrument:
        start = self._read_magic()
        header: dict[str, str] = {}
        body: list[Clause] = []
        stack: list[_Draft] = []
        for index in range(start, len(self.lines)):
            self.number = index + 1
            line = self.lines[index].removesuffix("\r")
            if not line.strip():
                continue
            content = line.lstrip(" ")
            indent = len(line) - len(content)
            if content.startswith("- "):
                draft = self._clause_line(content, indent, len(stack))
                self._close(stack, draft.depth, body)
                stack.append(draft)
            elif not stack and indent == 0:
                self._header_line(content, header)
            else:
                self._field_line(content, indent, stack)
        self._close(stack, 0, body)
        missing = [name for name in ("id", "title") if name not in header]
        if missing:
            raise FormatError(f"treatydiff form: no {' or '.join(missing)} line")
        metadata = Metadata.from_fields(header)
        return Instrument(
            id=header["id"], title=header["title"], metadata=metadata, body=tuple(body)
        )

    def _read_magic(self) -> int:
        """Check the first line; the index of the line after it."""
        index = next((i for i, line in enumerate(self.lines) if line.strip()), 0)
        self.number = index + 1
        first = self.lines[index].strip().lstrip("\ufeff")
        if not first.startswith(MAGIC):
            raise FormatError(f"not a treatydiff file: it must start with {MAGIC!r}")
        version = first.removeprefix(MAGIC).strip()
        if version != str(VERSION):
            raise self.fail(f"unsupported treatydiff format version {version!r} (known: 1)")
        return index + 1

    def _header_line(self, content: str, header: dict[str, str]) -> None:
        match = _FIELD_LINE.fullmatch(content)
        if not match:
            raise self.fail("expected 'name: value' or a clause line '- KIND EID'")
        name, value = match.groups()
        if name not in ("id", "title", *METADATA_FIELDS):
            raise self.fail(f"unknown field {name!r}")
        if name in header:
            raise self.fail(f"{name!r} given twice")
        header[name] = self._decode(value)

    def _clause_line(self, content: str, indent: int, open_depth: int) -> _Draft:
        depth, odd = divmod(indent, 2)
        if odd or depth > open_depth:
            raise self.fail("clause line indented by a wrong amount")
        if depth >= MAX_DEPTH:
            raise self.fail(f"clauses nested deeper than {MAX_DEPTH} levels")
        tokens = content[2:].split(" ")
        if len(tokens) != 2:
            raise self.fail("a clause line is '- KIND EID'")
        kind, eid = (self._decode(token) for token in tokens)
        return _Draft(kind=kind, eid=eid, depth=depth)

    def _field_line(self, content: str, indent: int, stack: list[_Draft]) -> None:
        draft = next((d for d in stack if indent == 2 * d.depth + 2), None)
        if draft is None:
            raise self.fail("field line indented by a wrong amount")
        match = _FIELD_LINE.fullmatch(content)
        if not match:
            raise self.fail("expected 'name: value' under a clause")
        name, value = match.groups()
        if name not in _CLAUSE_FIELDS:
            raise self.fail(f"unknown clause field {name!r}")
        if draft is not stack[-1] or draft.children:
            raise self.fail(f"field {name!r} after the clause's children")
        if name == "note":
            draft.notes.append(self._note(value))
            return
        order = _CLAUSE_FIELDS.index(name)
        if draft.notes or any(_CLAUSE_FIELDS.index(seen) >= order for seen in draft.values):
            raise self.fail(f"field {name!r} repeated or out of order")
        if name == "line":
            if not _INTEGER.fullmatch(value):
                raise self.fail(f"line is not a whole number: {value[:40]!r}")
            draft.values[name] = int(value)
        else:
            draft.values[name] = self._decode(value)

    def _note(self, value: str) -> Note:
        parts = value.split(" ", 2)
        if len(parts) != 3:
            raise self.fail("a note is 'note: MARKER LINE TEXT'")
        marker, line, text = parts
        if line != "-" and not _INTEGER.fullmatch(line):
            raise self.fail(f"a note's line is a whole number or '-', not {line!r}")
        return Note(self._decode(marker), self._decode(text), None if line == "-" else int(line))

    def _close(self, stack: list[_Draft], depth: int, body: list[Clause]) -> None:
        """Finish the open clauses at ``depth`` or deeper, innermost first."""
        while stack and stack[-1].depth >= depth:
            clause = stack.pop().clause()
            (stack[-1].children if stack else body).append(clause)

    def _decode(self, value: str) -> str:
        if not value.startswith('"'):
            return value
        try:
            decoded = json.loads(value)
        except ValueError:
            raise self.fail(f"badly quoted value {value[:40]!r}") from None
        if not isinstance(decoded, str):
            raise self.fail(f"badly quoted value {value[:40]!r}")
        return decoded
