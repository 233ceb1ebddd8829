"""The project's TOML files, read and decoded in one way: catalogue entries
(``instruments/*.toml``), check configurations (``treatydiff.toml`` or
``[tool.treatydiff]``) and publish configurations.

Each file's shape is a tree of ``Table`` records (msgspec Structs: frozen,
unknown keys refused). ``read`` parses a file with ``tomllib``; ``decode`` turns the parsed
data into records with ``msgspec.convert`` and turns a msgspec error into one line naming
the file, the key path as TOML spells it (``check[0].fail_on``) and what the key allows::

    treatydiff.toml: check[0].fail_on: 'everything' is not one of any, wording, substantive

msgspec rather than pydantic: both decode the 19 catalogue files in under a millisecond
(TOML parsing takes about ten times as long), but importing msgspec costs about a fifth of
importing pydantic with its models (about 40 ms against about 250 ms on the development
machine), and the catalogue is read on the start-up path of ``show`` and ``compare`` with
a catalogue REF.

msgspec reports where decoding failed (its ``- at `$.check[0].fail_on``` suffix); the
problem itself is worded here from the key's type (``msgspec.inspect``) and the value
found, so that every message says what is allowed.
"""

from __future__ import annotations

import re
import tomllib
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, NoReturn, TypeVar

import msgspec

from treatydiff.errors import ConfigError, TreatydiffError
from treatydiff.formats import FORMATS
from treatydiff.lang import LANGUAGES

T = TypeVar("T")

Text = Annotated[str, msgspec.Meta(pattern=r"\S")]  # a string that is not blank
Fraction = Annotated[float, msgspec.Meta(ge=0, le=1)]  # a number from 0 to 1


def one_of(values: tuple[str, ...]) -> Any:
    """The type of a key that takes one of ``values``: ``Literal[values]``, built at run
    time so that the values come from the registry that defines them, and annotated with
    them in their order, for the error message (msgspec's type information sorts them)."""
    return Annotated[Literal[values], msgspec.Meta(extra={"one_of": values})]


if TYPE_CHECKING:
    InputFormat = str
    Language = str
else:
    InputFormat = one_of(FORMATS)  # an import adapter's name
    Language = one_of(LANGUAGES)  # a language of treatydiff.lang


class Table(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Base of every record decoded from a TOML table: a key the record does not declare
    is an error. Subclasses say ``frozen=True`` again (msgspec inherits it; mypy wants it
    stated)."""


def read(path: Path, error: type[TreatydiffError] = ConfigError) -> dict[str, Any]:
    """The parsed TOML of ``path``; a missing, unreadable or invalid file raises ``error``
    naming the file."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise error(f"{path}: not valid TOML ({exc})") from None
    except ValueError:  # an integer of more than 4,300 digits, which int() refuses
        raise error(f"{path}: not valid TOML (an integer of more than 4300 digits)") from None


def decode(
    data: object,
    kind: type[T],
    *,
    where: str,
    prefix: str = "",
    error: type[TreatydiffError] = ConfigError,
) -> T:
    """``data`` (parsed TOML) as a ``kind`` record. ``where`` names the file in errors and
    ``prefix`` the key path of ``data`` inside it (``tool.treatydiff``); a value that does
    not fit raises ``error`` in one line: ``WHERE: PATH: PROBLEM``."""
    try:
        return msgspec.convert(data, kind)
    except msgspec.ValidationError as exc:
        message = str(exc)
        located = re.search(r" - at `\$(?P<path>[^`]*)`$", message)
        steps = _steps(located["path"]) if located else []
        path, problem = _diagnose(data, kind, steps)
        if problem is None:  # not worded here: msgspec's own words, and its place
            problem = message[: located.start()] if located else message
        fail(where, _joined(prefix, path), problem, error)


def fail(
    where: str, path: str, problem: str, error: type[TreatydiffError] = ConfigError
) -> NoReturn:
    """Raise ``error``: ``WHERE: PATH: PROBLEM`` (``WHERE: PROBLEM`` for an empty path)."""
    raise error(f"{where}: {path}: {problem}" if path else f"{where}: {problem}")


def key_path(*parts: str | int) -> str:
    """A key path as TOML spells it: ``key_path("check", 0, "fail_on")`` is
    ``check[0].fail_on``."""
    path = ""
    for part in parts:
        path = f"{path}[{part}]" if isinstance(part, int) else _joined(path, part)
    return path


# --- wording a decoding error ------------------------------------------------------------


def _steps(path: str) -> list[str | int | None]:
    """msgspec's path (``.check[0].fail_on``) as steps: a key, an index, or None for a
    value of a mapping (msgspec writes ``[...]``: which key, the diagnosis finds)."""
    steps: list[str | int | None] = []
    for key, index, _ in re.findall(r"\.([^.\[]+)|\[(\d+)\]|(\[\.\.\.\])", path):
        steps.append(key if key else int(index) if index else None)
    return steps


def _diagnose(data: object, kind: object, steps: list[str | int | None]) -> tuple[str, str | None]:
    """Follow ``steps`` through ``data`` and the type of ``kind``: the key path reached
    and what is wrong with the value there (None when this module has no words for it)."""
    import msgspec.inspect as mi

    info: Any = mi.type_info(kind)
    parts: list[str | int] = []
    for step in steps:
        info = _fitting(info)
        if isinstance(info, mi.StructType) and isinstance(data, dict):
            field = next((f for f in info.fields if f.encode_name == step), None)
            if field is None:
                break
            data, info = data.get(field.encode_name), field.type
            parts.append(field.encode_name)
        elif isinstance(info, mi.ListType | mi.VarTupleType) and isinstance(data, list):
            if not isinstance(step, int) or step >= len(data):
                break
            data, info = data[step], info.item_type
            parts.append(step)
        elif isinstance(info, mi.DictType) and isinstance(data, dict):
            # msgspec does not say which key: the first whose value has a problem
            values = info.value_type
            key = next((k for k, v in data.items() if _problem(v, values)[1] is not None), None)
            if key is None:
                break
            data, info = data[key], values
            parts.append(key)
        else:
            break
    else:
        below, problem = _problem(data, info)
        return key_path(*parts, *below), problem
    return key_path(*parts), None


def _fitting(info: Any) -> Any:
    """The type a value is read as: annotations unwrapped, and of a union with None (an
    optional key) the other member."""
    import msgspec.inspect as mi

    if isinstance(info, mi.Metadata):
        info = info.type
    if isinstance(info, mi.UnionType):
        others = [member for member in info.types if not isinstance(member, mi.NoneType)]
        if len(others) == 1:
            return _fitting(others[0])
    return info


def _problem(value: object, info: Any) -> tuple[tuple[str, ...], str | None]:
    """What is wrong with ``value`` read as ``info``: the keys below it that the problem is
    about (a missing or unknown key of a table) and the problem in words."""
    import msgspec.inspect as mi

    described: dict[str, Any] = {}  # the key's annotation (or its union's): extra words
    for layer in (info, *getattr(info, "types", ())):
        if isinstance(layer, mi.Metadata):
            described.update(layer.extra_json_schema or {}, **(layer.extra or {}))
    info = _fitting(info)
    if isinstance(info, mi.StructType) and isinstance(value, dict):
        known = [field.encode_name for field in info.fields]
        unknown = sorted(key for key in value if key not in known)
        if unknown:
            return (unknown[0],), f"unknown key; known: {', '.join(sorted(known))}"
        missing = [f.encode_name for f in info.fields if f.required and f.encode_name not in value]
        return ((missing[0],), "missing") if missing else ((), None)
    if not _of_type(value, info):
        return (), f"expected {_words(info)}, got {_shown(value)}"
    if isinstance(info, mi.LiteralType):
        allowed = described.get("one_of", info.values)
        return (), f"{_shown(value)} is not one of {', '.join(map(str, allowed))}"
    if isinstance(info, mi.StrType) and isinstance(value, str):
        pattern = info.pattern
        if not value.strip():
            return (), "empty"
        if pattern is not None and not re.search(pattern, value):
            if "description" in described:
                return (), f"{_shown(value)} is not {described['description']}"
            return (), f"{_shown(value)} does not match {pattern}"
    if isinstance(info, mi.IntType | mi.FloatType) and isinstance(value, int | float):
        low, high = info.ge, info.le
        if low is not None and high is not None and not low <= value <= high:
            return (), f"{_shown(value)} is not between {low:g} and {high:g}"
        if low is not None and value < low:
            return (), f"{_shown(value)} is less than {low:g}"
    if isinstance(info, mi.ListType | mi.VarTupleType) and isinstance(value, list):
        least = info.min_length
        if least is not None and len(value) < least:
            return (), f"expected at least {least} entries, got {len(value)}"
    return (), None


def _of_type(value: object, info: Any) -> bool:
    """Whether ``value`` has the TOML type ``info`` asks for (its constraints aside)."""
    import msgspec.inspect as mi

    if isinstance(value, bool):  # bool is an int subclass: never a number here
        return isinstance(info, mi.BoolType)
    checks: dict[type, type | tuple[type, ...]] = {
        mi.StrType: str,
        mi.IntType: int,
        mi.FloatType: (int, float),
        mi.BoolType: bool,
        mi.StructType: dict,
        mi.DictType: dict,
        mi.ListType: list,
        mi.VarTupleType: list,
    }
    if isinstance(info, mi.LiteralType):
        return True  # any value not listed gets the list of the allowed ones
    wanted = checks.get(type(info))
    return wanted is None or isinstance(value, wanted)


def _words(info: Any) -> str:
    """A type as the message names it: ``a string``, ``an array of tables``."""
    import msgspec.inspect as mi

    info = _fitting(info)
    if isinstance(info, mi.UnionType):
        return " or ".join(_words(member) for member in info.types)
    if isinstance(info, mi.ListType | mi.VarTupleType):
        item = _fitting(info.item_type)
        if isinstance(item, mi.StructType):
            return "an array of tables"
        return f"an array of {_words(item).removeprefix('a ').removeprefix('an ')}s"
    if isinstance(info, mi.IntType | mi.FloatType) and info.ge is not None:
        word = "an integer" if isinstance(info, mi.IntType) else "a number"
        if info.le is not None:
            return f"{word} from {info.ge:g} to {info.le:g}"
        return f"{word} of at least {info.ge:g}"
    names: dict[type, str] = {
        mi.StrType: "a string",
        mi.IntType: "an integer",
        mi.FloatType: "a number",
        mi.BoolType: "true or false",
        mi.StructType: "a table",
        mi.DictType: "a table",
        mi.NoneType: "nothing",
    }
    return names.get(type(info), "another type")


def _shown(value: object) -> str:
    """A value as the message quotes it: strings quoted, other values as TOML writes them."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | datetime | time):
        return value.isoformat()
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "a table"
    return repr(value)


def _joined(path: str, key: str) -> str:
    return f"{path}.{key}" if path and key else path or key
