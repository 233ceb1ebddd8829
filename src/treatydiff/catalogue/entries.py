"""The instrument catalogue (``instruments/*.toml``) and the data home of pulled instruments.

One TOML file per instrument gives its facts as the corpus sources state them (a fact no
source states is absent, never guessed; each fact names its source), its relations to other
instruments, and its pinned versions: for each, the public URL of the source file at a
fixed commit, its sha256 and size, format, languages, the part of the file that holds the
instrument (2 for one appended to another's file), and its path in a folder laid out like
the corpus (for ``corpus pull --mirror``).

``treatydiff corpus pull`` (pull.py) stores each version under the data home
(``$TREATYDIFF_HOME``, else the platform's user data folder)::

    instruments/<id>/<version>/source.<ext>      the verified source bytes
    instruments/<id>/<version>/<lang>.treatydiff  the imported text, in the native form

and ``load_pulled`` reads them back with the catalogue's facts as metadata.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from treatydiff.errors import CatalogueError, FormatError, InputError
from treatydiff.formats import FORMATS
from treatydiff.model import Instrument, Metadata

HOME_ENV = "TREATYDIFF_HOME"
RELATION_KINDS: frozenset[str] = frozenset({"protocol_to", "supplements"})

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_LABEL = re.compile(r"^\w[\w.-]*$")  # refs.py accepts [\w.-]+ after "@"; never "." or ".."
_DATED_LABEL = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


@dataclass(frozen=True)
class Facts:
    """What the sources state about an instrument; ``sources`` says where, fact by fact."""

    year: int | None = None
    adoption: str | None = None  # the adopting body or resolution, as stated
    adopted: str | None = None  # ISO date
    done: str | None = None  # place and date of the testimonium ("DONE at ..."), as stated
    entry_into_force: str | None = None  # ISO date
    depositary: str | None = None
    sources: tuple[tuple[str, str], ...] = ()

    def stated(self) -> dict[str, str | int]:
        """The facts that are known, by name."""
        values = {
            "year": self.year,
            "adoption": self.adoption,
            "adopted": self.adopted,
            "done": self.done,
            "entry_into_force": self.entry_into_force,
            "depositary": self.depositary,
        }
        return {name: value for name, value in values.items() if value is not None}


@dataclass(frozen=True)
class Relation:
    """``kind`` (protocol_to, supplements) to a catalogue ``target``, or to an instrument
    outside the catalogue named by ``title``."""

    kind: str
    target: str | None = None
    title: str | None = None


@dataclass(frozen=True)
class Version:
    label: str
    format: str
    languages: tuple[str, ...]
    url: str
    sha256: str
    size: int
    mirror_path: str
    part: int = 1
    has_text: bool = True


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    abbreviation: str
    short_title: str | None
    default_version: str
    facts: Facts
    relations: tuple[Relation, ...]
    versions: tuple[Version, ...]
    file: Path

    def version(self, label: str | None = None) -> Version:
        """The version ``label``, or the default version when None."""
        wanted = self.default_version if label is None else label
        for version in self.versions:
            if version.label == wanted:
                return version
        known = ", ".join(v.label for v in self.versions)
        raise CatalogueError(f"{self.id} has no version {wanted!r}; versions: {known}")

    def ref(self, version: Version) -> str:
        return f"{self.id}@{version.label}"


@dataclass(frozen=True)
class Catalogue:
    entries: tuple[Entry, ...]  # sorted by id

    def get(self, instrument_id: str) -> Entry:
        for entry in self.entries:
            if entry.id == instrument_id:
                return entry
        known = ", ".join(entry.id for entry in self.entries)
        raise CatalogueError(f"unknown instrument {instrument_id!r}; known: {known}")


def load(directory: Path | None = None) -> Catalogue:
    """Read and validate every ``*.toml`` of the catalogue folder (the shipped one by
    default). A malformed entry raises CatalogueError naming the file and the field."""
    if directory is None:
        from treatydiff.resources import data_dir

        directory = data_dir("instruments")
    entries = tuple(_read_entry(path) for path in sorted(directory.glob("*.toml")))
    if not entries:
        raise CatalogueError(f"{directory}: no instrument files (*.toml)")
    ids = {entry.id for entry in entries}
    for entry in entries:
        for index, relation in enumerate(entry.relations):
            if relation.target is not None and relation.target not in ids:
                raise CatalogueError(
                    f"{entry.file}: relations[{index}].target: unknown instrument "
                    f"{relation.target!r}"
                )
    return Catalogue(tuple(sorted(entries, key=lambda entry: entry.id)))


class _Table:
    """Typed access to one TOML table, with errors that name the file and the field."""

    def __init__(self, data: Any, file: Path, where: str) -> None:
        self.file = file
        self.where = where
        if not isinstance(data, dict):
            self.fail("", "expected a table")
        self.data: dict[str, Any] = data
        self.seen: set[str] = set()

    def fail(self, name: str, problem: str) -> NoReturn:
        raise CatalogueError(f"{self.file}: {self.where}{name}: {problem}")

    def _get(self, name: str, kind: type, required: bool) -> Any:
        self.seen.add(name)
        if name not in self.data:
            if required:
                self.fail(name, "missing")
            return None
        value = self.data[name]
        # bool is an int subclass: keep `true` out of integer fields
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            self.fail(name, f"expected {kind.__name__}, got {type(value).__name__}")
        return value

    def text(
        self, name: str, *, required: bool = True, pattern: re.Pattern[str] | None = None
    ) -> Any:
        value = self._get(name, str, required)
        if value is not None and not value.strip():
            self.fail(name, "empty")
        if value is not None and pattern is not None and not pattern.match(value):
            self.fail(name, f"{value!r} does not match {pattern.pattern}")
        return value

    def iso_date(self, name: str) -> str | None:
        value: str | None = self.text(name, required=False)
        if value is not None:
            try:
                date.fromisoformat(value)
            except ValueError:
                self.fail(name, f"{value!r} is not an ISO date (YYYY-MM-DD)")
        return value

    def integer(self, name: str, *, required: bool = True, minimum: int = 1) -> Any:
        value = self._get(name, int, required)
        if value is not None and value < minimum:
            self.fail(name, f"must be at least {minimum}")
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self._get(name, bool, False)
        return default if value is None else bool(value)

    def texts(self, name: str, *, pattern: re.Pattern[str]) -> tuple[str, ...]:
        values = self._get(name, list, True)
        for index, value in enumerate(values):
            if not isinstance(value, str) or not pattern.match(value):
                self.fail(f"{name}[{index}]", f"{value!r} does not match {pattern.pattern}")
        return tuple(values)

    def tables(self, name: str) -> list[_Table]:
        values = self._get(name, list, False) or []
        return [
            _Table(value, self.file, f"{self.where}{name}[{i}].") for i, value in enumerate(values)
        ]

    def table(self, name: str) -> _Table:
        return _Table(self._get(name, dict, False) or {}, self.file, f"{self.where}{name}.")

    def done(self) -> None:
        for name in sorted(set(self.data) - self.seen):
            self.fail(name, "unknown field")


def _read_entry(path: Path) -> Entry:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise CatalogueError(f"{path}: not valid TOML ({exc})") from None
    top = _Table(data, path, "")
    instrument_id = top.text("id", pattern=_ID)
    if instrument_id != path.stem:
        top.fail("id", f"{instrument_id!r} differs from the file name {path.name!r}")
    entry = Entry(
        id=instrument_id,
        title=top.text("title"),
        abbreviation=top.text("abbreviation"),
        short_title=top.text("short_title", required=False),
        default_version=top.text("default_version", pattern=_LABEL),
        facts=_read_facts(top.table("facts")),
        relations=tuple(_read_relation(table) for table in top.tables("relations")),
        versions=tuple(_read_version(table) for table in top.tables("versions")),
        file=path,
    )
    top.done()
    if not entry.versions:
        top.fail("versions", "an instrument needs at least one pinned version")
    labels = [version.label for version in entry.versions]
    for label in labels:
        if labels.count(label) > 1:
            top.fail("versions", f"label {label!r} is pinned twice")
    default = next((v for v in entry.versions if v.label == entry.default_version), None)
    if default is None:
        top.fail("default_version", f"{entry.default_version!r} is not a pinned version")
    elif not default.has_text:
        top.fail("default_version", f"{entry.default_version!r} has no text")
    return entry


def _read_facts(table: _Table) -> Facts:
    facts = Facts(
        year=table.integer("year", required=False),
        adoption=table.text("adoption", required=False),
        adopted=table.iso_date("adopted"),
        done=table.text("done", required=False),
        entry_into_force=table.iso_date("entry_into_force"),
        depositary=table.text("depositary", required=False),
    )
    sources_table = table.table("sources")
    stated = facts.stated()
    sources = tuple((name, sources_table.text(name)) for name in sorted(stated))
    sources_table.done()
    table.done()
    return replace(facts, sources=sources)


def _read_relation(table: _Table) -> Relation:
    relation = Relation(
        kind=table.text("kind"),
        target=table.text("target", required=False, pattern=_ID),
        title=table.text("title", required=False),
    )
    table.done()
    if relation.kind not in RELATION_KINDS:
        table.fail("kind", f"{relation.kind!r} is not one of {', '.join(sorted(RELATION_KINDS))}")
    if (relation.target is None) == (relation.title is None):
        table.fail("target", "give either target (a catalogue id) or title, not both")
    return relation


def _read_version(table: _Table) -> Version:
    version = Version(
        label=table.text("label", pattern=_LABEL),
        format=table.text("format"),
        languages=table.texts("languages", pattern=_LANGUAGE),
        url=table.text("url"),
        sha256=table.text("sha256", pattern=_SHA256),
        size=table.integer("bytes"),
        mirror_path=table.text("mirror_path"),
        part=table.integer("part", required=False) or 1,
        has_text=table.flag("has_text", True),
    )
    table.done()
    if version.format not in FORMATS:
        table.fail("format", f"{version.format!r} is not one of {', '.join(FORMATS)}")
    if not version.url.startswith("https://"):
        table.fail("url", "a pinned source must be an https:// URL")
    mirror = Path(version.mirror_path)
    if mirror.is_absolute() or ".." in mirror.parts:
        table.fail("mirror_path", "must be a relative path inside the mirror folder")
    if version.has_text and not version.languages:
        table.fail("languages", "a version with text needs at least one language")
    return version


# --- the data home ---------------------------------------------------------------------


def data_home() -> Path:
    """``$TREATYDIFF_HOME``, else the platform's user data folder for treatydiff."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_data_dir("treatydiff"))


def stored_source(home: Path, entry: Entry, version: Version) -> Path:
    """Where the verified source bytes of a version are kept."""
    return _version_dir(home, entry, version) / f"source{Path(version.mirror_path).suffix}"


def stored_text(home: Path, entry: Entry, version: Version, lang: str) -> Path:
    """Where the imported text of a version in one language is kept (native form)."""
    return _version_dir(home, entry, version) / f"{lang}.treatydiff"


def _version_dir(home: Path, entry: Entry, version: Version) -> Path:
    return home / "instruments" / entry.id / version.label


def is_pulled(home: Path, entry: Entry, version: Version) -> bool:
    return (
        version.has_text
        and stored_source(home, entry, version).is_file()
        and all(stored_text(home, entry, version, lang).is_file() for lang in version.languages)
    )


def with_catalogue_metadata(
    instrument: Instrument, entry: Entry, version: Version, lang: str
) -> Instrument:
    """``instrument`` as the catalogue names it: its id, its facts, its pinned source.

    The catalogue's titles are English: a text in another language keeps its own title.
    """
    facts = entry.facts
    imported = instrument.metadata
    metadata = Metadata(
        adoption=facts.adoption or imported.adoption,
        adopted=facts.adopted or imported.adopted,
        entry_into_force=facts.entry_into_force or imported.entry_into_force,
        depositary=facts.depositary or imported.depositary,
        version=version.label,
        language=lang,
        source=version.url,
        sha256=version.sha256,
        format=version.format,
    )
    title = entry.title if lang == "en" else instrument.title
    return replace(instrument, id=entry.id, title=title, metadata=metadata)


def require_text(entry: Entry, version: Version) -> None:
    """Raise CatalogueError when the pinned source of ``version`` has no text."""
    if not version.has_text:
        with_text = ", ".join(v.label for v in entry.versions if v.has_text)
        raise CatalogueError(
            f"{entry.ref(version)} has no text: its pinned source is an empty file "
            f"({version.size} byte); versions with text: {with_text}"
        )


def require_language(entry: Entry, version: Version, lang: str) -> None:
    require_text(entry, version)
    if lang not in version.languages:
        raise CatalogueError(
            f"{entry.ref(version)} has no {lang!r} text; languages: {', '.join(version.languages)}"
        )


def load_pulled(instrument_id: str, version: str | None, *, lang: str) -> Instrument:
    """The pulled instrument ``instrument_id`` at ``version`` (its default when None)."""
    entry = load().get(instrument_id)
    pinned = entry.version(version)
    require_language(entry, pinned, lang)
    home = data_home()
    path = stored_text(home, entry, pinned, lang)
    if not is_pulled(home, entry, pinned):
        ref = instrument_id if version is None else entry.ref(pinned)
        raise InputError(
            f"{entry.ref(pinned)} is not pulled into {home}; run: treatydiff corpus pull {ref}"
        )
    from treatydiff.formats import native

    try:
        stored = native.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, FormatError) as exc:
        raise InputError(
            f"{path}: stored text is unreadable ({exc}); "
            f"run: treatydiff corpus pull {entry.ref(pinned)}"
        ) from None
    return with_catalogue_metadata(stored, entry, pinned, lang)


# --- listing ---------------------------------------------------------------------------


def listing(catalogue: Catalogue, home: Path) -> list[dict[str, Any]]:
    """One row per instrument for ``treatydiff instruments``, sorted by id."""
    rows: list[dict[str, Any]] = []
    for entry in catalogue.entries:
        row: dict[str, Any] = {
            "id": entry.id,
            "title": entry.title,
            "abbreviation": entry.abbreviation,
            "short_title": entry.short_title,
            "year": entry.facts.year,
            "facts": entry.facts.stated(),
            "fact_sources": dict(entry.facts.sources),
            "relations": [
                {k: v for k, v in vars(r).items() if v is not None} for r in entry.relations
            ],
            "default_version": entry.default_version,
            "versions": [
                {
                    "label": v.label,
                    "format": v.format,
                    "languages": list(v.languages),
                    "part": v.part,
                    "url": v.url,
                    "sha256": v.sha256,
                    "bytes": v.size,
                    "has_text": v.has_text,
                    "pulled": is_pulled(home, entry, v),
                }
                for v in entry.versions
            ],
        }
        rows.append(row)
    return rows


def render_listing(rows: list[dict[str, Any]], *, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    table = [("ID", "YEAR", "VERSIONS (* default)", "PULLED", "TITLE")]
    for row in rows:
        versions = row["versions"]
        labels = [
            v["label"]
            + ("*" if v["label"] == row["default_version"] else "")
            + ("" if v["has_text"] else " (no text)")
            for v in versions
        ]
        pulled = [v["label"] for v in versions if v["pulled"]]
        table.append(
            (
                row["id"],
                "" if row["year"] is None else str(row["year"]),
                ", ".join(labels),
                ", ".join(pulled) or "-",
                row["title"],
            )
        )
    widths = [max(len(line[column]) for line in table) for column in range(4)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line[:4], widths, strict=True))
        + "  "
        + line[4]
        + "\n"
        for line in table
    )
