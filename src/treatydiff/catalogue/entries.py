"""The instrument catalogue (``instruments/*.toml``): entries, their facts and pinned versions.

One TOML file per instrument gives its facts as the corpus sources state them (a fact no
source states is absent, never guessed; each fact names its source), its relations to other
instruments, and its pinned versions: for each, the public URL of the source file at a
fixed commit, its sha256 and size, format, languages, the part of the file that holds the
instrument (2 for one appended to another's file), and its path in a folder laid out like
the corpus (for ``corpus pull --mirror``).

The records below are the files' shape, decoded by ``treatydiff.tomlfile``; ``load`` adds
what one key alone cannot say (the id is the file name, every fact has a source, the
default version is pinned and has text, relations point into the catalogue) and reads the
catalogue folder once per process while its files stay as they are.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import msgspec

from treatydiff import tomlfile
from treatydiff.errors import CatalogueError
from treatydiff.model import Instrument, Metadata
from treatydiff.tomlfile import InputFormat, Table, Text, key_path

RELATION_KINDS: tuple[str, ...] = ("protocol_to", "supplements")

_ID = r"^[a-z0-9][a-z0-9-]*$"
_DATED = r"^\d{4}-\d{2}-\d{2}$"
_DATE = "an ISO date (YYYY-MM-DD)"
_DATED_LABEL = re.compile(_DATED)

InstrumentId = Annotated[str, msgspec.Meta(pattern=_ID)]
Label = Annotated[str, msgspec.Meta(pattern=r"^\w[\w.-]*$")]  # never "." or ".."
IsoDate = Annotated[str, msgspec.Meta(pattern=_DATED, description=_DATE)]
Sha256 = Annotated[str, msgspec.Meta(pattern=r"^[0-9a-f]{64}$")]
Language = Annotated[str, msgspec.Meta(pattern=r"^[a-z]{2}$")]
Count = Annotated[int, msgspec.Meta(ge=1)]

if TYPE_CHECKING:
    RelationKind = str
else:
    RelationKind = tomlfile.one_of(RELATION_KINDS)


class Facts(Table, frozen=True):
    """What the sources state about an instrument; ``sources`` says where, fact by fact
    (fact name -> source)."""

    year: Count | None = None
    adoption: Text | None = None  # the adopting body or resolution, as stated
    adopted: IsoDate | None = None
    done: Text | None = None  # place and date of the testimonium ("DONE at ..."), as stated
    entry_into_force: IsoDate | None = None
    depositary: Text | None = None
    sources: dict[str, Text] = {}

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


class Relation(Table, frozen=True):
    """``kind`` (protocol_to, supplements) to a catalogue ``target``, or to an instrument
    outside the catalogue named by ``title``."""

    kind: RelationKind
    target: InstrumentId | None = None
    title: Text | None = None


class Version(Table, frozen=True):
    """One pinned source of an instrument: ``size`` in bytes (the key ``bytes``), ``part``
    the instrument's place in a file that holds several, ``has_text`` False for a source
    that is an empty file, ``caveats`` the known damage of the source as the corpus
    MANIFEST.tsv records it (a missing preamble, website text in an article), which every
    report of this version shows."""

    label: Label
    format: InputFormat
    languages: tuple[Language, ...]
    url: Text
    sha256: Sha256
    size: Count = msgspec.field(name="bytes")
    mirror_path: Text
    part: Count = 1
    has_text: bool = True
    caveats: tuple[Text, ...] = ()

    @property
    def dated(self) -> bool:
        """Whether the label is the date of the text (YYYY-MM-DD), not a source's name."""
        return _DATED_LABEL.match(self.label) is not None


class Entry(Table, frozen=True):
    """One instrument of the catalogue: its titles, facts, relations and pinned versions."""

    id: InstrumentId
    title: Text
    abbreviation: Text
    default_version: Label
    short_title: Text | None = None
    facts: Facts = msgspec.field(default_factory=Facts)
    relations: tuple[Relation, ...] = ()
    versions: tuple[Version, ...] = ()

    def version(self, label: str | None = None) -> Version:
        """The version ``label``, or the default version when None; CatalogueError naming
        the versions there are when it has none such."""
        wanted = self.default_version if label is None else label
        for version in self.versions:
            if version.label == wanted:
                return version
        known = ", ".join(v.label for v in self.versions)
        raise CatalogueError(f"{self.id} has no version {wanted!r}; versions: {known}")

    def ref(self, version: Version) -> str:
        """The REF of one of its versions: ``id@label``."""
        return f"{self.id}@{version.label}"


@dataclass(frozen=True)
class Catalogue:
    """Every entry of a catalogue folder, sorted by id."""

    entries: tuple[Entry, ...]

    def get(self, instrument_id: str) -> Entry:
        """The entry ``instrument_id``; CatalogueError listing the known ids when none."""
        for entry in self.entries:
            if entry.id == instrument_id:
                return entry
        known = ", ".join(entry.id for entry in self.entries)
        raise CatalogueError(f"unknown instrument {instrument_id!r}; known: {known}")


def load(directory: Path | None = None) -> Catalogue:
    """Every ``*.toml`` of the catalogue folder (the shipped one by default), validated.

    A malformed entry raises CatalogueError naming the file and the key. The folder is
    read once per process while its files keep their size and modification time: a
    check of 18 instruments reads the 19 files once, not once per version.
    """
    if directory is None:
        from treatydiff.resources import data_dir

        directory = data_dir("instruments")
    files = sorted(directory.glob("*.toml"))
    stamps = tuple((path.name, path.stat().st_mtime_ns, path.stat().st_size) for path in files)
    return _load(directory, stamps)


@functools.cache
def _load(directory: Path, stamps: tuple[tuple[str, int, int], ...]) -> Catalogue:
    files = [directory / name for name, _, _ in stamps]
    entries = [_read_entry(path) for path in files]
    if not entries:
        raise CatalogueError(f"{directory}: no instrument files (*.toml)")
    ids = {entry.id for entry in entries}
    for path, entry in zip(files, entries, strict=True):
        for index, relation in enumerate(entry.relations):
            if relation.target is not None and relation.target not in ids:
                _fail(
                    path,
                    key_path("relations", index, "target"),
                    f"unknown instrument {relation.target!r}",
                )
    return Catalogue(tuple(sorted(entries, key=lambda entry: entry.id)))


def _fail(path: Path, key: str, problem: str) -> NoReturn:
    tomlfile.fail(str(path), key, problem, CatalogueError)


def _read_entry(path: Path) -> Entry:
    data = tomlfile.read(path, CatalogueError)
    entry = tomlfile.decode(data, Entry, where=str(path), error=CatalogueError)
    if entry.id != path.stem:
        _fail(path, "id", f"{entry.id!r} differs from the file name {path.name!r}")
    _check_facts(path, entry.facts)
    for index, relation in enumerate(entry.relations):
        if (relation.target is None) == (relation.title is None):
            _fail(
                path,
                key_path("relations", index, "target"),
                "give either target (a catalogue id) or title, not both",
            )
    for index, version in enumerate(entry.versions):
        _check_version(path, index, version)
    if not entry.versions:
        _fail(path, "versions", "an instrument needs at least one pinned version")
    labels = [version.label for version in entry.versions]
    for label in labels:
        if labels.count(label) > 1:
            _fail(path, "versions", f"label {label!r} is pinned twice")
    default = next((v for v in entry.versions if v.label == entry.default_version), None)
    if default is None:
        _fail(path, "default_version", f"{entry.default_version!r} is not a pinned version")
    if not default.has_text:
        _fail(path, "default_version", f"{entry.default_version!r} has no text")
    return entry


def _check_facts(path: Path, facts: Facts) -> None:
    """Dates that are days of the calendar, and a source for every fact and only those."""
    for name in ("adopted", "entry_into_force"):
        value = getattr(facts, name)
        try:
            if value is not None:
                date.fromisoformat(value)
        except ValueError:
            _fail(path, key_path("facts", name), f"{value!r} is not {_DATE}")
    stated = facts.stated()
    for name in sorted(stated):
        if name not in facts.sources:
            _fail(path, key_path("facts", "sources", name), "missing")
    for name in sorted(facts.sources):
        if name not in stated:
            known = ", ".join(sorted(stated)) or "none"
            _fail(
                path,
                key_path("facts", "sources", name),
                f"names the source of a fact the entry does not state; stated: {known}",
            )


def _check_version(path: Path, index: int, version: Version) -> None:
    if not version.url.startswith("https://"):
        _fail(path, key_path("versions", index, "url"), "a pinned source must be an https:// URL")
    mirror = Path(version.mirror_path)
    if mirror.is_absolute() or ".." in mirror.parts:
        _fail(
            path,
            key_path("versions", index, "mirror_path"),
            "must be a relative path inside the mirror folder",
        )
    if version.has_text and not version.languages:
        _fail(
            path,
            key_path("versions", index, "languages"),
            "a version with text needs at least one language",
        )


# --- an entry's texts --------------------------------------------------------------------


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
        caveats=version.caveats,
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
    """Raise CatalogueError when ``version`` has no text, or none in ``lang``."""
    require_text(entry, version)
    if lang not in version.languages:
        raise CatalogueError(
            f"{entry.ref(version)} has no {lang!r} text; languages: {', '.join(version.languages)}"
        )
