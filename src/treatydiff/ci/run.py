"""Running checks: resolve each check's texts (files, catalogue REFs, a file at a git
revision, the pulled versions of a catalogue instrument), compare each pair of
successive texts with the engine, and count the changes by the check's rule."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from treatydiff.ci.baseline import Baseline, load_baseline
from treatydiff.ci.config import CheckSpec, Config
from treatydiff.ci.results import Change, CheckResult, PairResult, RunResult
from treatydiff.ci.rules import changes_of
from treatydiff.errors import ConfigError, TreatydiffError
from treatydiff.model import Instrument


@dataclass(frozen=True)
class _Text:
    """One version a check compares: its label, the instrument (None: the file is not in
    that revision) and its local source file."""

    label: str
    instrument: Instrument | None
    file: str | None = None


def run_checks(config: Config, baseline: Baseline | None = None) -> RunResult:
    """Run every check of ``config``; a check that cannot run (missing file, unknown
    revision, text not pulled) is an error result, and the others still run.
    ``baseline`` defaults to the configuration's baseline file."""
    approvals = baseline or load_baseline(config.baseline)
    return RunResult(
        tuple(run_check(spec, approvals.of(spec.name)) for spec in config.checks),
        config.baseline,
    )


def run_check(spec: CheckSpec, approved: frozenset[str] = frozenset()) -> CheckResult:
    """Run one check, with the change ids in ``approved`` approved; a TreatydiffError
    while reading or comparing makes it an error result."""
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


def _texts(spec: CheckSpec) -> Iterator[_Text]:
    from treatydiff.catalogue import refs

    if spec.kind == "pair":
        assert spec.left is not None and spec.right is not None
        for ref, label in ((spec.left, spec.left_label), (spec.right, spec.right_label)):
            instrument = refs.resolve(
                ref, lang=spec.lang, fmt=spec.input_format, options=spec.read_options
            )
            yield _Text(label or display_path(ref), instrument, _local_file(instrument))
    elif spec.kind == "git":
        assert spec.file is not None
        yield from _git_texts(spec.file, spec.against, spec)
    else:
        assert spec.instrument is not None
        yield from _catalogue_texts(spec.instrument, spec.lang)


def _git_texts(path: Path, revision: str, spec: CheckSpec) -> Iterator[_Text]:
    from treatydiff.ci.git import git_blob
    from treatydiff.formats import load_bytes, load_file

    shown = display_path(str(path))
    old_ref = f"{shown}@{revision}"
    current = load_file(path, fmt=spec.input_format, lang=spec.lang, options=spec.read_options)
    blob = git_blob(path, revision)
    old = None
    if blob is not None:
        old = load_bytes(
            blob,
            source=old_ref,
            fmt=spec.input_format,
            lang=spec.lang,
            instrument_id=current.id,
            options=spec.read_options,
        )
    yield _Text(spec.left_label or old_ref, old)
    yield _Text(spec.right_label or shown, current, shown)


def _catalogue_texts(instrument_id: str, lang: str) -> Iterator[_Text]:
    from treatydiff.catalogue import entries, store

    entry = entries.load().get(instrument_id)
    versions = sorted(
        (
            version
            for version in entry.versions
            if version.has_text and lang in version.languages and version.dated
        ),
        key=lambda version: version.label,
    )
    if len(versions) < 2:
        raise ConfigError(
            f"{instrument_id} has fewer than two dated versions with {lang!r} text to compare"
        )
    for version in versions:
        loaded = store.load_pulled(entry.id, version.label, lang=lang)
        yield _Text(entry.ref(version), loaded)


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
