"""CI checks of text versions: configuration, rules, approved-change baselines, results.

A check compares versions of a text and fails on the changes its rule counts that the
baseline has not approved. Three kinds of check:

* ``left`` and ``right``: two REFs (files or catalogue ids, as ``treatydiff compare``);
* ``file`` (and ``against``, a git revision, ``HEAD`` by default): the file as it is
  against the file at that revision (read with ``git show`` at the edge);
* ``instrument``: every pair of successive dated versions of a catalogue instrument
  (they must be pulled into the data home).

Rules (``fail_on``), on the engine's status and kind tag of each alignment:

* ``any``: every change counts, formatting included (only identical clauses pass);
* ``wording``: formatting, spacing-only (words joined or split by a space) and
  punctuation-only changes pass;
* ``substantive``: spelling-level changes (typo fixes) pass too.

Clauses added, removed or moved count under every rule. A threshold can only make a
check stricter: ``min_similarity`` also counts every paired clause whose similarity falls
below it, whatever the rule says of its change.

Each counted change has a stable id: the clause it touches (its eIds, right side first)
and a hash of the clause ids and normalized texts of both sides; never a line number or
the order of a run. The baseline file (JSON, meant to be committed and reviewed) lists the
approved ids per check; a check passes while every change it counts is approved.

The configuration is ``treatydiff.toml`` or the ``[tool.treatydiff]`` table of
``pyproject.toml``::

    baseline = "treatydiff-baseline.json"   # default: treatydiff-baseline.json beside it
    fail_on = "wording"                     # defaults of the checks below
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

Paths are relative to the configuration file's folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, NoReturn, cast

from treatydiff.engine.comparison import Alignment, Comparison, Status, Summary
from treatydiff.errors import ConfigError, InputError, TreatydiffError
from treatydiff.lang import LANGUAGES
from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key, display_text
from treatydiff.segment.labels import citation

Rule = Literal["any", "wording", "substantive"]
RULES: tuple[Rule, ...] = ("any", "wording", "substantive")
CheckKind = Literal["pair", "git", "catalogue"]

CONFIG_FILE = "treatydiff.toml"
PYPROJECT_FILE = "pyproject.toml"
BASELINE_FILE = "treatydiff-baseline.json"
BASELINE_SCHEMA = "treatydiff.baseline/1"
DEFAULT_REVISION = "HEAD"

# Kind tags of a modified alignment each rule lets pass (see classify.py).
_PASSING_KINDS: dict[Rule, frozenset[str]] = {
    "any": frozenset(),
    "wording": frozenset({"spacing", "punctuation"}),
    "substantive": frozenset({"spacing", "punctuation", "spelling"}),
}
_ID_HASH_LENGTH = 12
_EXCERPT_CONTEXT_WORDS = 6
_EXCERPT_LIMIT = 400

# --- configuration -----------------------------------------------------------------------


@dataclass(frozen=True)
class CheckSpec:
    """One check as configured. ``kind`` says which of the other fields name the texts:
    ``left``/``right`` (pair), ``file``/``against`` (git), ``instrument`` (catalogue)."""

    name: str
    kind: CheckKind
    fail_on: Rule = "wording"
    lang: str = "en"
    left: str | None = None
    right: str | None = None
    file: Path | None = None
    against: str = DEFAULT_REVISION
    instrument: str | None = None
    input_format: str | None = None
    min_similarity: float | None = None
    threshold: float | None = None


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


@dataclass(frozen=True)
class Config:
    checks: tuple[CheckSpec, ...]
    baseline: Path | None  # where approvals are read and written; None: none
    source: Path | None = None  # the configuration file


def find_config(folder: Path) -> Path:
    """``treatydiff.toml`` in ``folder``, else its ``pyproject.toml`` when that has a
    ``[tool.treatydiff]`` table."""
    own = folder / CONFIG_FILE
    if own.is_file():
        return own
    pyproject = folder / PYPROJECT_FILE
    if pyproject.is_file() and "treatydiff" in _read_toml(pyproject).get("tool", {}):
        return pyproject
    raise ConfigError(
        f"no {CONFIG_FILE} in {folder} and no [tool.treatydiff] in its {PYPROJECT_FILE}; "
        "give --config FILE, or LEFT RIGHT"
    )


def load_config(path: Path, defaults: Defaults = Defaults()) -> Config:
    """Read and validate a configuration file: ``treatydiff.toml`` (the whole file) or
    ``pyproject.toml`` (its ``[tool.treatydiff]`` table)."""
    data = _read_toml(path)
    where = str(path)
    if path.name == PYPROJECT_FILE:
        tool = data.get("tool", {})
        if not isinstance(tool, dict) or "treatydiff" not in tool:
            raise ConfigError(f"{path}: no [tool.treatydiff] table")
        data, where = tool["treatydiff"], f"{path}: tool.treatydiff"
    top = _Fields(data, where)
    folder = path.parent
    baseline = top.text("baseline")
    rule = top.choice("fail_on", RULES)
    lang = top.choice("lang", LANGUAGES)
    input_format = top.choice("input_format", _input_formats())
    min_similarity = top.fraction("min_similarity")
    tables = top.tables("check")
    top.done()
    if not tables:
        raise ConfigError(f"{where}: no checks; add [[check]] tables")
    inherited = replace(
        defaults,
        fail_on=defaults.fail_on or cast("Rule | None", rule),
        lang=defaults.lang or lang,
        input_format=defaults.input_format or input_format,
        min_similarity=(
            min_similarity if defaults.min_similarity is None else defaults.min_similarity
        ),
    )
    checks = tuple(_read_check(table, folder, inherited) for table in tables)
    seen: set[str] = set()
    for index, check in enumerate(checks):
        if check.name in seen:
            tables[index].fail("name", f"two checks are named {check.name!r}; name each one")
        seen.add(check.name)
    return Config(checks, folder / (baseline or BASELINE_FILE), source=path)


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
        lang=defaults.lang or "en",
        input_format=defaults.input_format,
        min_similarity=defaults.min_similarity,
    )
    if right is None:
        revision = defaults.against or DEFAULT_REVISION
        _check_revision(revision, where="--against")
        spec = replace(base, kind="git", file=Path(left), against=revision)
    else:
        spec = replace(base, name=f"{left} -> {right}", left=left, right=right)
    return Config((spec,), baseline)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None


def _input_formats() -> tuple[str, ...]:
    from treatydiff.formats import FORMATS

    return FORMATS


class _Fields:
    """Typed reading of one TOML table; errors name the file and the field."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise ConfigError(f"{where}: expected a table")
        self.data: dict[str, Any] = data
        self.where = where
        self.seen: set[str] = set()

    def fail(self, name: str, problem: str) -> NoReturn:
        raise ConfigError(f"{self.where}{'.' + name if name else ''}: {problem}")

    def _get(self, name: str, kinds: tuple[type, ...], expected: str) -> Any:
        self.seen.add(name)
        value = self.data.get(name)
        if value is not None and (not isinstance(value, kinds) or isinstance(value, bool)):
            self.fail(name, f"expected {expected}, got {value!r}")
        return value

    def text(self, name: str) -> str | None:
        value: str | None = self._get(name, (str,), "a string")
        if value is not None and not value.strip():
            self.fail(name, "empty")
        return value

    def choice(self, name: str, choices: Iterable[str]) -> str | None:
        value = self.text(name)
        allowed = tuple(choices)
        if value is not None and value not in allowed:
            self.fail(name, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def fraction(self, name: str) -> float | None:
        value = self._get(name, (int, float), "a number from 0 to 1")
        if value is not None and not 0 <= value <= 1:
            self.fail(name, f"{value!r} is not between 0 and 1")
        return None if value is None else float(value)

    def tables(self, name: str) -> list[_Fields]:
        values = self._get(name, (list,), "an array of tables ([[check]])") or []
        return [_Fields(value, f"{self.where}: {name}[{i}]") for i, value in enumerate(values)]

    def done(self) -> None:
        for name in sorted(set(self.data) - self.seen):
            self.fail(name, "unknown setting")


def _read_check(table: _Fields, folder: Path, defaults: Defaults) -> CheckSpec:
    name = table.text("name")
    left, right = table.text("left"), table.text("right")
    file, against = table.text("file"), table.text("against")
    instrument = table.text("instrument")
    rule = table.choice("fail_on", RULES) or defaults.fail_on or "wording"
    lang = table.choice("lang", LANGUAGES) or defaults.lang or "en"
    input_format = table.choice("input_format", _input_formats()) or defaults.input_format
    min_similarity = table.fraction("min_similarity")
    if min_similarity is None:
        min_similarity = defaults.min_similarity
    threshold = table.fraction("threshold")
    table.done()
    kinds = [
        kind
        for kind, given in (("pair", left or right), ("git", file), ("catalogue", instrument))
        if given
    ]
    if len(kinds) != 1:
        table.fail("", "give either left and right, or file (and against), or instrument")
    base = CheckSpec(
        name=name or "",
        kind="pair",
        fail_on=cast("Rule", rule),
        lang=lang,
        input_format=input_format,
        min_similarity=min_similarity,
        threshold=threshold,
    )
    if against is not None and not file:
        table.fail("against", "goes with file")
    if file:
        if against is not None:
            _check_revision(against, where=f"{table.where}.against")
        revision = defaults.against or against or DEFAULT_REVISION
        return replace(base, name=name or file, kind="git", file=folder / file, against=revision)
    if instrument:
        return replace(base, name=name or instrument, kind="catalogue", instrument=instrument)
    if not (left and right):
        table.fail("right" if left else "left", "a check of two texts needs left and right")
    return replace(
        base,
        name=name or f"{left} -> {right}",
        left=_config_ref(left, folder),
        right=_config_ref(right, folder),
    )


_CATALOGUE_REF = re.compile(r"^[a-z0-9][a-z0-9-]*(?:@[\w.-]+)?$")


def _config_ref(ref: str, folder: Path) -> str:
    """A REF of the configuration: a path relative to its folder, or a catalogue id."""
    path = folder / ref
    if path.exists() or not _CATALOGUE_REF.match(ref) or "." in ref.partition("@")[0]:
        return str(path)
    return ref


def _check_revision(revision: str, *, where: str) -> None:
    # A revision is passed to git as an argument: never let it read as an option.
    if revision.startswith("-") or not revision.strip():
        raise ConfigError(f"{where}: {revision!r} is not a git revision")


# --- rules and change ids ----------------------------------------------------------------


def counted(
    alignment: Alignment, rule: Rule, *, min_similarity: float | None = None
) -> tuple[str, ...]:
    """Why ``alignment`` counts as a change under ``rule`` and the threshold; empty when
    it does not count."""
    reasons: list[str] = []
    if alignment.status in ("added", "removed"):
        reasons.append(f"clause {alignment.status}")
    elif alignment.status == "modified":
        kind = change_kind(alignment)
        if kind not in _PASSING_KINDS[rule]:
            reasons.append(_KIND_WORDS[kind])
    elif alignment.status == "formatting" and rule == "any":
        reasons.append("formatting change")
    if alignment.moved:
        reasons.append("clause moved")
    paired = alignment.left and alignment.right
    if paired and min_similarity is not None and alignment.similarity < min_similarity:
        reasons.append(f"similarity {alignment.similarity:.4f} below {min_similarity:g}")
    return tuple(reasons)


_KIND_WORDS = {
    "spacing": "spacing-only change",
    "punctuation": "punctuation-only change",
    "spelling": "spelling-level change",
    "wording": "wording change",
}


def change_kind(alignment: Alignment) -> str:
    """The kind tag of a modified alignment (spacing, punctuation, spelling, wording); wording
    when the engine gave none, so that nothing unclassified passes."""
    from treatydiff.engine.classify import KIND_TAGS

    return next((tag for tag in alignment.tags if tag in KIND_TAGS), "wording")


def change_id(alignment: Alignment) -> str:
    """A stable id of the change an alignment shows: its clause ids, and a hash of the
    clause ids and texts of both sides, normalized: comparison keys, so that re-typed
    quotes or re-wrapped lines elsewhere leave the id alone while the place of a change in
    its clause is part of it; display texts (whitespace collapsed) for a formatting
    change, which the keys cannot tell apart."""
    texts = (alignment.left_text, alignment.right_text)
    if alignment.status == "formatting":
        normalized = [display_text(text) for text in texts]
    else:
        normalized = [comparison_key(text) for text in texts]
    payload = json.dumps(
        [list(alignment.left), list(alignment.right), normalized],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:_ID_HASH_LENGTH]
    return f"{'+'.join(alignment.right or alignment.left)}#{digest}"


def excerpt(alignment: Alignment) -> str:
    """The change in a few words, in git's ``[-deleted-]{+inserted+}`` notation: the
    changed runs with a few words of context, or the clause text of an added, removed or
    moved clause, on one line."""
    if alignment.status == "added":
        text = "{+" + display_text(alignment.right_text) + "+}"
    elif alignment.status == "removed":
        text = "[-" + display_text(alignment.left_text) + "-]"
    elif alignment.status == "modified":
        text = _inline(alignment)
    elif alignment.status == "formatting":
        text = f"[-{display_text(alignment.left_text)}-]{{+{display_text(alignment.right_text)}+}}"
    else:
        text = display_text(alignment.right_text)
    return text if len(text) <= _EXCERPT_LIMIT else text[: _EXCERPT_LIMIT - 1] + "…"


def _inline(alignment: Alignment) -> str:
    ops = alignment.diff
    parts: list[str] = []
    for index, op in enumerate(ops):
        if op.op == "equal":
            parts.append(_context(op.right, first=index == 0, last=index == len(ops) - 1))
            continue
        left, right = op.left.strip(), op.right.strip()
        marks = (f"[-{left}-]" if left else "") + (f"{{+{right}+}}" if right else "")
        # The spacing around a change is the newer text's (the older's where it has none).
        lead = _edge(op.right, start=True) or _edge(op.left, start=True)
        tail = _edge(op.right, start=False) or _edge(op.left, start=False)
        parts.append(lead + marks + tail)
    return display_text("".join(parts))


def _context(text: str, *, first: bool, last: bool) -> str:
    """Unchanged words around changes, shortened to a few on each side."""
    words = text.split()
    n = _EXCERPT_CONTEXT_WORDS
    if first and len(words) > n:
        words = ["…", *words[-n:]]
    elif last and len(words) > n:
        words = [*words[:n], "…"]
    elif not first and not last and len(words) > 2 * n:
        words = [*words[:n], "…", *words[-n:]]
    else:
        return text
    return _edge(text, start=True) + " ".join(words) + _edge(text, start=False)


def _edge(text: str, *, start: bool) -> str:
    """A space when ``text`` starts (ends) with whitespace."""
    edge = text[:1] if start else text[-1:]
    return " " if edge.isspace() else ""


# --- results ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """A change a check counts: where it is, what it is, why it counts, and whether the
    baseline approves it. ``file`` and ``line``: the local source file of the newer text
    and the line of the clause (for a removed clause, of the clause before it), when the
    newer text is a local file."""

    id: str
    pair: str
    clause: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    status: Status
    moved: bool
    tags: tuple[str, ...]
    similarity: float
    reasons: tuple[str, ...]
    excerpt: str
    file: str | None = None
    line: int | None = None
    approved: bool = False


@dataclass(frozen=True)
class PairResult:
    """One comparison of a check: the labels of its two texts and the engine's counts;
    ``summary`` is None when there was nothing to compare (``note`` says why)."""

    left: str
    right: str
    summary: Summary | None
    note: str | None = None

    @property
    def label(self) -> str:
        return f"{self.left} -> {self.right}"


@dataclass(frozen=True)
class CheckResult:
    spec: CheckSpec
    pairs: tuple[PairResult, ...] = ()
    changes: tuple[Change, ...] = ()
    stale: tuple[str, ...] = ()  # approved ids the check no longer finds
    error: str | None = None

    @property
    def new_changes(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if not change.approved)

    @property
    def approved(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.approved)

    @property
    def outcome(self) -> Literal["pass", "fail", "error"]:
        if self.error is not None:
            return "error"
        return "fail" if self.new_changes else "pass"


@dataclass(frozen=True)
class RunResult:
    checks: tuple[CheckResult, ...]
    baseline: Path | None = None

    @property
    def exit_code(self) -> int:
        """0 every check passes, 1 a check fails, 2 a check could not run."""
        outcomes = {check.outcome for check in self.checks}
        return 2 if "error" in outcomes else 1 if "fail" in outcomes else 0


# --- baseline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Baseline:
    """Approved change ids by check name."""

    approved: dict[str, frozenset[str]] = field(default_factory=dict)

    def of(self, check: str) -> frozenset[str]:
        return self.approved.get(check, frozenset())


def load_baseline(path: Path | None) -> Baseline:
    """The baseline at ``path``; an empty one when there is no such file (yet)."""
    if path is None or not path.exists():
        return Baseline()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise ConfigError(f"{path}: not a treatydiff baseline (schema {BASELINE_SCHEMA!r})")
    checks = data.get("checks")
    if not isinstance(checks, dict):
        raise ConfigError(f"{path}: checks: expected an object of check names")
    approved: dict[str, frozenset[str]] = {}
    for name, entries in checks.items():
        if not isinstance(entries, list) or not all(
            isinstance(entry, dict) and isinstance(entry.get("id"), str) for entry in entries
        ):
            raise ConfigError(f"{path}: checks.{name}: expected a list of changes with an id")
        approved[name] = frozenset(entry["id"] for entry in entries)
    return Baseline(approved)


def render_baseline(result: RunResult) -> str:
    """The baseline that approves every change ``result`` counts: deterministic JSON,
    one entry per change id (sorted), with what a reviewer needs to judge it."""
    checks: dict[str, list[dict[str, Any]]] = {}
    for check in result.checks:
        entries: dict[str, dict[str, Any]] = {}
        for change in check.changes:
            entries.setdefault(
                change.id,
                {
                    "id": change.id,
                    "pair": change.pair,
                    "clause": change.clause,
                    "reasons": list(change.reasons),
                    "change": change.excerpt,
                },
            )
        checks[check.spec.name] = [entries[key] for key in sorted(entries)]
    data = {"schema": BASELINE_SCHEMA, "checks": checks}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def update_baseline(result: RunResult, path: Path) -> RunResult:
    """Write the baseline approving every change of ``result`` to ``path`` (atomically);
    return ``result`` as it reads with that baseline."""
    from treatydiff.outputs import write_atomic

    write_atomic(path, render_baseline(result).encode("utf-8"))
    return replace(
        result,
        checks=tuple(
            replace(
                check,
                changes=tuple(replace(change, approved=True) for change in check.changes),
                stale=(),
            )
            for check in result.checks
        ),
    )


# --- running ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Text:
    """One version a check compares: its label, the instrument (None: the file is not in
    that revision) and its local source file."""

    label: str
    instrument: Instrument | None
    file: str | None = None


def run_checks(config: Config, baseline: Baseline | None = None) -> RunResult:
    """Run every check of ``config``; a check that cannot run (missing file, unknown
    revision, text not pulled) is an error result, and the others still run."""
    approvals = baseline or load_baseline(config.baseline)
    return RunResult(
        tuple(run_check(spec, approvals.of(spec.name)) for spec in config.checks),
        config.baseline,
    )


def run_check(spec: CheckSpec, approved: frozenset[str] = frozenset()) -> CheckResult:
    from treatydiff.engine.compare import compare

    try:
        texts = list(_texts(spec))
        pairs: list[PairResult] = []
        changes: list[Change] = []
        for older, newer in zip(texts, texts[1:], strict=False):
            if older.instrument is None or newer.instrument is None:
                absent = older if older.instrument is None else newer
                note = f"{absent.label}: no such file there; nothing to compare"
                pairs.append(PairResult(older.label, newer.label, None, note))
                continue
            comparison = compare(older.instrument, newer.instrument, threshold=spec.threshold)
            pair = PairResult(older.label, newer.label, comparison.summary)
            pairs.append(pair)
            changes += changes_of(
                comparison, spec, pair=pair.label, file=newer.file, approved=approved
            )
    except TreatydiffError as exc:
        return CheckResult(spec, error=str(exc))
    found = {change.id for change in changes}
    return CheckResult(spec, tuple(pairs), tuple(changes), tuple(sorted(approved - found)))


def changes_of(
    comparison: Comparison,
    spec: CheckSpec,
    *,
    pair: str = "",
    file: str | None = None,
    approved: frozenset[str] = frozenset(),
) -> tuple[Change, ...]:
    """The changes ``spec`` counts in ``comparison``, in document order; ``pair`` labels
    the comparison, ``file`` is the local source of its right side."""
    lines = _lines(comparison)
    changes: list[Change] = []
    for index, alignment in enumerate(comparison.alignments):
        reasons = counted(alignment, spec.fail_on, min_similarity=spec.min_similarity)
        if not reasons:
            continue
        side = comparison.right if alignment.right else comparison.left
        identifier = change_id(alignment)
        change = Change(
            id=identifier,
            pair=pair,
            clause=" + ".join(
                citation(side.by_eid[eid].path) for eid in alignment.right or alignment.left
            ),
            left=alignment.left,
            right=alignment.right,
            status=alignment.status,
            moved=alignment.moved,
            tags=alignment.tags,
            similarity=alignment.similarity,
            reasons=reasons,
            excerpt=excerpt(alignment),
            file=file,
            line=lines[index] if file else None,
            approved=identifier in approved,
        )
        changes.append(change)
    return tuple(changes)


def _lines(comparison: Comparison) -> list[int | None]:
    """The source line of each alignment's first clause on the right side; for a removed
    clause, of the nearest right-side clause before it (after it, at the start)."""
    right = comparison.right
    own = [right.by_eid[a.right[0]].clause.line if a.right else None for a in comparison.alignments]
    lines: list[int | None] = []
    previous: int | None = None
    for index, line in enumerate(own):
        if line is not None:
            previous = line
            lines.append(line)
        else:
            following = next((x for x in own[index + 1 :] if x is not None), None)
            lines.append(previous if previous is not None else following)
    return lines


def _texts(spec: CheckSpec) -> Iterator[_Text]:
    from treatydiff.catalogue import refs

    if spec.kind == "pair":
        assert spec.left is not None and spec.right is not None
        for ref in (spec.left, spec.right):
            instrument = refs.resolve(ref, lang=spec.lang, fmt=spec.input_format)
            yield _Text(display_path(ref), instrument, _local_file(instrument))
    elif spec.kind == "git":
        assert spec.file is not None
        yield from _git_texts(spec.file, spec.against, spec)
    else:
        assert spec.instrument is not None
        yield from _catalogue_texts(spec.instrument, spec.lang)


def _git_texts(path: Path, revision: str, spec: CheckSpec) -> Iterator[_Text]:
    from treatydiff.formats import load_bytes, load_file

    shown = display_path(str(path))
    old_label = f"{shown}@{revision}"
    current = load_file(path, fmt=spec.input_format, lang=spec.lang)
    blob = git_blob(path, revision)
    old = None
    if blob is not None:
        old = load_bytes(
            blob,
            source=old_label,
            fmt=spec.input_format,
            lang=spec.lang,
            instrument_id=current.id,
        )
    yield _Text(old_label, old)
    yield _Text(shown, current, shown)


def _catalogue_texts(instrument_id: str, lang: str) -> Iterator[_Text]:
    from treatydiff.catalogue import entries as catalogue

    entry = catalogue.load().get(instrument_id)
    versions = sorted(
        (
            version
            for version in entry.versions
            if version.has_text and lang in version.languages and _DATED.match(version.label)
        ),
        key=lambda version: version.label,
    )
    if len(versions) < 2:
        raise ConfigError(
            f"{instrument_id} has fewer than two dated versions with {lang!r} text to compare"
        )
    for version in versions:
        loaded = catalogue.load_pulled(entry.id, version.label, lang=lang)
        yield _Text(entry.ref(version), loaded)


_DATED = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _local_file(instrument: Instrument) -> str | None:
    source = instrument.metadata.source
    return display_path(source) if source and Path(source).is_file() else None


def display_path(path: str) -> str:
    """An existing file as CI shows it: relative to the working folder (GitHub resolves
    annotation paths from the top of the checkout, where CI runs)."""
    candidate = Path(path)
    if not candidate.exists():
        return path
    try:
        return Path(os.path.relpath(candidate.resolve(), Path.cwd().resolve())).as_posix()
    except ValueError:  # another drive
        return str(candidate.resolve())


# --- git (the edge) ----------------------------------------------------------------------


def git_blob(path: Path, revision: str) -> bytes | None:
    """The bytes of ``path`` at git ``revision``; None when the file is not in it."""
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    if _git(["rev-parse", "--show-toplevel"], folder).returncode:
        raise InputError(f"{path}: not in a git repository")
    resolved = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], folder)
    if resolved.returncode:
        raise InputError(
            f"{revision}: no such revision in the repository of {path} "
            "(a CI checkout may need more history, e.g. fetch-depth: 0)"
        )
    commit = resolved.stdout.decode("ascii").strip()
    listed = _git(["ls-tree", "--name-only", commit, "--", path.name], folder)
    if not listed.stdout.strip():
        return None
    shown = _git(["show", f"{commit}:./{path.name}"], folder)
    if shown.returncode:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"{path}@{revision}: {message[-1] if message else 'git show failed'}")
    return shown.stdout


def _git(args: list[str], folder: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed; a check against a revision needs it") from None
