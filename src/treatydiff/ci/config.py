"""The checks to run: the configuration file, and the checks of a command line.

A check compares versions of a text and fails on the changes its rule counts that the
baseline has not approved. Three kinds of check:

* ``left`` and ``right``: two REFs (files or catalogue ids, as ``treatydiff compare``);
* ``file`` (and ``against``, a git revision, ``HEAD`` by default): the file as it is
  against the file at that revision (read with ``git show`` at the edge);
* ``instrument``: every pair of successive dated versions of a catalogue instrument
  (they must be pulled into the data home).

The configuration is ``treatydiff.toml`` or the ``[tool.treatydiff]`` table of
``pyproject.toml``, decoded by ``treatydiff.tomlfile``::

    baseline = "treatydiff-baseline.json"   # default: treatydiff-baseline.json beside it
    fail_on = "wording"                     # defaults of the checks below
    fail_on_flags = ["negation", "modal", "number", "reference"]
    lang = "en"
    min_similarity = 0.5

    [[check]]
    name = "crc"
    left = "texts/crc-2002.md"
    right = "texts/crc-2013.md"
    fail_on = "substantive"
    min_similarity = 0.9

    [[check]]
    file = "texts/opsc.md"
    against = "HEAD~1"

    [[check]]
    instrument = "cedaw"
    lang = "nl"

Paths are relative to the configuration file's folder. The rules (``fail_on``) are
described in rules.py. ``fail_on_flags`` (default: the four above; ``[]`` for none) fails
a check on every change that carries one of these flags (engine/classify.py), whatever
its ``fail_on`` lets pass: a typo that turned "not" into a non-word fails a substantive
check.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from treatydiff import tomlfile
from treatydiff.engine.classify import FLAG_TAGS
from treatydiff.errors import ConfigError, UsageError
from treatydiff.tomlfile import Fraction, InputFormat, Language, Table, Text, key_path

Rule = Literal["any", "wording", "substantive"]
RULES: tuple[Rule, ...] = ("any", "wording", "substantive")
CheckKind = Literal["pair", "git", "catalogue"]

CONFIG_FILE = "treatydiff.toml"
PYPROJECT_FILE = "pyproject.toml"
PYPROJECT_TABLE = "tool.treatydiff"
BASELINE_FILE = "treatydiff-baseline.json"

DEFAULT_REVISION = "HEAD"
# The flags that fail a check unless it says otherwise: the changes of meaning a typo or a
# renumbering can hide.
DEFAULT_FAIL_ON_FLAGS: tuple[str, ...] = ("negation", "modal", "number", "reference")

if TYPE_CHECKING:
    from treatydiff.formats.options import ReadOptions

    RuleName = Rule
    FlagName = str
else:
    RuleName = tomlfile.one_of(RULES)
    FlagName = tomlfile.one_of(FLAG_TAGS)


@dataclass(frozen=True)
class CheckSpec:
    """One check as configured. ``kind`` says which of the other fields name the texts:
    ``left``/``right`` (pair), ``file``/``against`` (git), ``instrument`` (catalogue).
    ``min_similarity`` and ``threshold`` are fractions from 0 to 1; ``fail_on_flags``
    the flags that fail the check whatever ``fail_on`` lets pass. ``left_label`` and
    ``right_label`` name the two texts of a pair or git check in the report (None: the
    path, ``FILE@REV``)."""

    name: str
    kind: CheckKind
    fail_on: Rule = "wording"
    fail_on_flags: tuple[str, ...] = DEFAULT_FAIL_ON_FLAGS
    lang: str = "en"
    left: str | None = None
    right: str | None = None
    file: Path | None = None
    against: str = DEFAULT_REVISION
    instrument: str | None = None
    input_format: str | None = None
    min_similarity: float | None = None
    threshold: float | None = None
    read_options: ReadOptions | None = None  # of layout formats (Word, HTML)
    left_label: str | None = None
    right_label: str | None = None


@dataclass(frozen=True)
class Defaults:
    """Settings from the command line. ``fail_on``, ``lang``, ``input_format`` and
    ``min_similarity`` apply to the checks that do not set their own; ``against``
    replaces the revision of every git check (the revision to compare with depends on
    where the check runs: HEAD before a commit, the base branch in a pull request)."""

    fail_on: Rule | None = None
    lang: str | None = None
    against: str | None = None
    input_format: str | None = None
    min_similarity: float | None = None
    read_options: ReadOptions | None = None
    fail_on_flags: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Config:
    """The checks to run, where approvals are read and written (None: nowhere), and the
    configuration file they come from (None: the command line)."""

    checks: tuple[CheckSpec, ...]
    baseline: Path | None
    source: Path | None = None


def inputs(config: Config) -> list[Path]:
    """The files a run of ``config`` reads, which none of its outputs may overwrite: the
    configuration, the baseline, and the files its checks name."""
    files = [path for path in (config.source, config.baseline) if path is not None]
    for spec in config.checks:
        files += [Path(ref) for ref in (spec.left, spec.right) if ref is not None]
        files += [spec.file] if spec.file is not None else []
    return files


# --- the file's shape ---------------------------------------------------------------------


class _Settings(Table, frozen=True):
    """The keys a check takes from the top of the file when it does not set its own."""

    fail_on: RuleName | None = None
    fail_on_flags: tuple[FlagName, ...] | None = None
    lang: Language | None = None
    input_format: InputFormat | None = None
    min_similarity: Fraction | None = None


class _CheckTable(_Settings, frozen=True):
    name: Text | None = None
    left: Text | None = None
    right: Text | None = None
    file: Text | None = None
    against: Text | None = None
    instrument: Text | None = None
    threshold: Fraction | None = None
    left_label: Text | None = None
    right_label: Text | None = None


class _ConfigFile(_Settings, frozen=True):
    baseline: Text | None = None
    check: tuple[_CheckTable, ...] = ()


# --- reading -----------------------------------------------------------------------------


def from_command_line(
    texts: Sequence[str],
    *,
    folder: Path,
    config_file: Path | None = None,
    baseline: Path | None = None,
    update_baseline: bool = False,
    fail_on: str | None = None,
    lang: str | None = None,
    against: str | None = None,
    input_format: str | None = None,
    min_similarity: float | None = None,
    read_options: ReadOptions | None = None,
    left_label: str | None = None,
    right_label: str | None = None,
    fail_on_flags: str | None = None,
) -> Config:
    """The checks of a ``treatydiff check`` command line: LEFT RIGHT, or FILE with
    ``against``, or else the configuration (``config_file``, else the one found in
    ``folder``), each with the command line's settings as defaults; ``baseline``
    replaces the configuration's; ``left_label`` and ``right_label`` name the two texts
    of LEFT RIGHT or FILE; ``fail_on_flags`` is a comma-separated list of flags (empty or
    ``none``: none). Arguments that do not go together raise UsageError; a bad
    configuration ConfigError."""
    rule = next((rule for rule in RULES if rule == fail_on), None)
    if fail_on is not None and rule is None:
        raise UsageError(f"--fail-on: {fail_on!r} is not one of {', '.join(RULES)}")
    defaults = Defaults(
        fail_on_flags=None if fail_on_flags is None else parse_flags(fail_on_flags),
        fail_on=rule,
        lang=lang,
        against=against,
        input_format=input_format,
        min_similarity=min_similarity,
        read_options=read_options,
    )
    if texts:
        if config_file is not None:
            raise UsageError("give --config or LEFT RIGHT, not both")
        if len(texts) > 2:
            raise UsageError("give LEFT RIGHT, or one FILE with --against REV")
        if len(texts) == 1 and against is None:
            raise UsageError("one FILE is checked against a git revision: add --against REV")
        if update_baseline and baseline is None:
            raise UsageError("--update-baseline without a configuration needs --baseline")
        right = texts[1] if len(texts) == 2 else None
        config = one_off(texts[0], right, defaults, baseline=baseline)
        spec = replace(config.checks[0], left_label=left_label, right_label=right_label)
        return replace(config, checks=(spec,))
    if left_label or right_label:
        raise UsageError(
            "--left-label and --right-label go with LEFT RIGHT or FILE; in a configuration, "
            "a check's table sets left_label and right_label"
        )
    config = load_config(config_file or find_config(folder), defaults)
    return config if baseline is None else replace(config, baseline=baseline)


def parse_flags(text: str) -> tuple[str, ...]:
    """The flags of a comma-separated list ("negation,modal"); empty or ``none``: none.
    UsageError names a flag that is not one of ``FLAG_TAGS``."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names == ["none"]:
        return ()
    unknown = [name for name in names if name not in FLAG_TAGS]
    if unknown:
        raise UsageError(
            f"--fail-on-flags: {unknown[0]!r} is not one of {', '.join(FLAG_TAGS)} (or none)"
        )
    return tuple(dict.fromkeys(names))


def find_config(folder: Path) -> Path:
    """``treatydiff.toml`` in ``folder``, else its ``pyproject.toml`` when that has a
    ``[tool.treatydiff]`` table; ConfigError when neither."""
    own = folder / CONFIG_FILE
    if own.is_file():
        return own
    pyproject = folder / PYPROJECT_FILE
    if pyproject.is_file() and _tool_table(tomlfile.read(pyproject)) is not None:
        return pyproject
    raise ConfigError(
        f"no {CONFIG_FILE} in {folder} and no [{PYPROJECT_TABLE}] in its {PYPROJECT_FILE}; "
        "give --config FILE, or LEFT RIGHT"
    )


def load_config(path: Path, defaults: Defaults = Defaults()) -> Config:
    """Read and validate a configuration file: ``treatydiff.toml`` (the whole file) or
    ``pyproject.toml`` (its ``[tool.treatydiff]`` table). ConfigError names the file, the
    key path and what the key allows."""
    parsed = tomlfile.read(path)
    data, prefix = parsed, ""
    if path.name == PYPROJECT_FILE:
        data, prefix = _tool_table(parsed), PYPROJECT_TABLE
        if data is None:
            raise ConfigError(f"{path}: no [{PYPROJECT_TABLE}] table")
    settings = tomlfile.decode(data, _ConfigFile, where=str(path), prefix=prefix)

    def fail(key: str, problem: str) -> NoReturn:
        tomlfile.fail(str(path), key_path(prefix, key), problem)

    if not settings.check:
        fail("", "no checks; add [[check]] tables")
    inherited = replace(
        defaults,
        fail_on=defaults.fail_on or settings.fail_on,
        fail_on_flags=(
            settings.fail_on_flags if defaults.fail_on_flags is None else defaults.fail_on_flags
        ),
        lang=defaults.lang or settings.lang,
        input_format=defaults.input_format or settings.input_format,
        min_similarity=(
            settings.min_similarity if defaults.min_similarity is None else defaults.min_similarity
        ),
    )
    checks: list[CheckSpec] = []
    for index, table in enumerate(settings.check):
        where = key_path("check", index)
        check = _check(table, path.parent, inherited, where=where, fail=fail)
        if any(known.name == check.name for known in checks):
            fail(key_path(where, "name"), f"two checks are named {check.name!r}; name each one")
        checks.append(check)
    return Config(tuple(checks), path.parent / (settings.baseline or BASELINE_FILE), source=path)


def one_off(
    left: str,
    right: str | None,
    defaults: Defaults = Defaults(),
    *,
    baseline: Path | None = None,
) -> Config:
    """The check of the command line: LEFT against RIGHT, or, with ``right`` None, the
    file LEFT against its git revision ``defaults.against``."""
    base = CheckSpec(
        name=left,
        kind="pair",
        fail_on=defaults.fail_on or "wording",
        fail_on_flags=_flags(defaults.fail_on_flags),
        lang=defaults.lang or "en",
        input_format=defaults.input_format,
        min_similarity=defaults.min_similarity,
        read_options=defaults.read_options,
    )
    if right is None:
        revision = defaults.against or DEFAULT_REVISION
        problem = _revision_problem(revision)
        if problem is not None:
            raise ConfigError(f"--against: {problem}")
        spec = replace(base, kind="git", file=Path(left), against=revision)
    else:
        spec = replace(base, name=f"{left} -> {right}", left=left, right=right)
    return Config((spec,), baseline)


def _tool_table(data: dict[str, Any]) -> Any:
    """The ``[tool.treatydiff]`` table of a parsed ``pyproject.toml``, if it has one."""
    tool = data.get("tool")
    return tool.get("treatydiff") if isinstance(tool, dict) else None


def _check(
    table: _CheckTable,
    folder: Path,
    defaults: Defaults,
    *,
    where: str,
    fail: Callable[[str, str], NoReturn],
) -> CheckSpec:
    """The check ``table`` (at key path ``where``) configures, with ``defaults`` for the
    settings it leaves out; ``fail(key_path, problem)`` reports what is wrong."""
    kinds = [
        kind
        for kind, given in (
            ("pair", table.left or table.right),
            ("git", table.file),
            ("catalogue", table.instrument),
        )
        if given
    ]
    if len(kinds) != 1:
        fail(where, "give either left and right, or file (and against), or instrument")
    min_similarity = table.min_similarity
    base = CheckSpec(
        name=table.name or "",
        kind="pair",
        fail_on=table.fail_on or defaults.fail_on or "wording",
        fail_on_flags=_flags(
            table.fail_on_flags if table.fail_on_flags is not None else defaults.fail_on_flags
        ),
        lang=table.lang or defaults.lang or "en",
        input_format=table.input_format or defaults.input_format,
        min_similarity=defaults.min_similarity if min_similarity is None else min_similarity,
        threshold=table.threshold,
        read_options=defaults.read_options,
        left_label=table.left_label,
        right_label=table.right_label,
    )
    if table.against is not None and not table.file:
        fail(key_path(where, "against"), "goes with file")
    if table.file:
        problem = None if table.against is None else _revision_problem(table.against)
        if problem is not None:
            fail(key_path(where, "against"), problem)
        revision = defaults.against or table.against or DEFAULT_REVISION
        return replace(
            base,
            name=table.name or table.file,
            kind="git",
            file=folder / table.file,
            against=revision,
        )
    if table.instrument:
        if table.left_label or table.right_label:
            label = "left_label" if table.left_label else "right_label"
            fail(key_path(where, label), "goes with left and right, or file")
        return replace(
            base, name=table.name or table.instrument, kind="catalogue", instrument=table.instrument
        )
    left, right = table.left, table.right
    if not (left and right):
        fail(
            key_path(where, "right" if left else "left"),
            "a check of two texts needs left and right",
        )
    return replace(
        base,
        name=table.name or f"{left} -> {right}",
        left=_config_ref(left, folder),
        right=_config_ref(right, folder),
    )


def _flags(flags: Sequence[str] | None) -> tuple[str, ...]:
    """The flags a check fails on: ``flags`` in ``FLAG_TAGS`` order, the default when
    None."""
    if flags is None:
        return DEFAULT_FAIL_ON_FLAGS
    return tuple(flag for flag in FLAG_TAGS if flag in flags)


def _config_ref(ref: str, folder: Path) -> str:
    """A REF of the configuration: a path relative to its folder, or a catalogue id."""
    from treatydiff.catalogue.refs import catalogue_ref

    path = folder / ref
    return str(path) if path.exists() or catalogue_ref(ref) is None else ref


def _revision_problem(revision: str) -> str | None:
    """Why ``revision`` cannot be passed to git, or None. A revision is passed to git as
    an argument: it must never read as an option."""
    if revision.startswith("-") or not revision.strip():
        return f"{revision!r} is not a git revision"
    return None
