"""The collection a reuse search reads: its sources, found under the PATHs given, read
through the cache, and what was set aside.

A PATH is a file (read whatever its name) or a folder: every file inside it, recursively,
whose extension is one of ``EXTENSIONS`` (texts, and the PDF, Word and web-page files that
``compare`` reads), in sorted order, hidden files and folders left out. A source keeps the
path it was given as (``folder/opsc/2012-10-31.md`` when the folder was given as
``folder``): that is its name in every output; each instrument of a file that holds
several is named as ``compare`` selects it, ``FILE#N``, its id the file's with ``#N``. The
same file given twice is read once.

Versions of one instrument are not different instruments: the id of an instrument read
from ``opsc/2012-10-31.md`` is ``opsc@2012-10-31`` (``formats.default_id``), its *work*
``opsc``, and clauses of one work are never paired with each other (comparing versions is
what ``treatydiff compare`` does). Instruments are otherwise told apart by their id, never
by their bytes: identical files whose ids differ (``BWBV0005019.md`` ... ``BWBV0005023.md``
of the Dutch Treaty Series, five records of one text) are different instruments, and every
clause of one pairs with its twin in the others. A source read from the cache is named
after the path it is read from now, so a run with the cache gives the bytes of one
without.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from treatydiff.errors import InputError, TreatydiffError
from treatydiff.formats import default_id
from treatydiff.formats.reading import read_bytes
from treatydiff.reuse.cache import Cache
from treatydiff.reuse.execute import Runner
from treatydiff.reuse.read import ClauseRecord, Imported, Outcome, Refused, Source, read_source

EXTENSIONS = frozenset(
    {".md", ".markdown", ".txt", ".xml", ".akn", ".json", ".treatydiff"}
    | {".pdf", ".docx", ".html", ".htm"}
)


@dataclass(frozen=True)
class Member:
    """An instrument of the collection.

    Attributes:
        source: The path as given.
        sha256: Hex SHA-256 of its bytes.
        id: The instrument id (stated by the source, else ``formats.default_id``).
        work: The id without its ``@version``: instruments of one work are versions of
            one instrument.
        title: The title.
        adopted: The ISO date of adoption its text states (``reuse.dates``), else the
            catalogue's date or year of adoption when its work is a catalogue id (an
            ISO date or a year), else None.
        clauses: The clauses compared: leaves of at least ``min_words`` words that read
            as the language read, in document order.
        set_aside: How many leaves with words were not compared: shorter than
            ``min_words``, or foreign.
        foreign: How many of those read as another language (``ClauseRecord.foreign``).
    """

    source: str
    sha256: str
    id: str
    work: str
    title: str
    adopted: str | None
    clauses: tuple[ClauseRecord, ...]
    set_aside: int
    foreign: int


@dataclass(frozen=True)
class Skipped:
    """A source that was not compared, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class Collection:
    """The sources read, sorted by source; the ones skipped, sorted by source."""

    members: tuple[Member, ...]
    skipped: tuple[Skipped, ...]


def find_sources(paths: list[str]) -> list[tuple[str, Path]]:
    """(name as given, path) of every source under ``paths``, sorted by name, each file
    once. Raises InputError for a path that does not exist, is neither a regular file nor
    a folder (a device, a FIFO), or that the system refuses (a name too long)."""
    found: dict[Path, str] = {}
    for given in paths:
        path = Path(given)
        try:
            exists = path.exists()
        except OSError as exc:
            raise InputError(f"{given}: {exc.strerror}") from None
        if exists and not path.is_file() and not path.is_dir():
            raise InputError(f"{given}: not a regular file or a folder")
        if path.is_file():
            found.setdefault(path.resolve(), given)
        elif path.is_dir():
            for inner in sorted(path.rglob("*")):
                relative = inner.relative_to(path)
                if any(part.startswith(".") for part in relative.parts):
                    continue
                if inner.is_file() and inner.suffix.lower() in EXTENSIONS:
                    found.setdefault(inner.resolve(), str(Path(given) / relative))
        else:
            raise InputError(f"{given}: no such file or folder")
    return sorted(((name, real) for real, name in found.items()), key=lambda pair: pair[0])


def read_collection(
    paths: list[str],
    *,
    runner: Runner,
    cache: Cache | None,
    lang: str = "en",
    fmt: str | None = None,
    min_words: int = 8,
) -> Collection:
    """Read every source under ``paths``: from the cache where it holds the source's
    bytes, else with ``reuse.read.read_source`` as tasks of ``runner`` (then cached).

    A source that cannot be read, or that has no clause of ``min_words`` words in
    ``lang``, is skipped with the reason. Raises InputError for a path that does not
    exist.
    """
    sources = find_sources(paths)
    outcomes: dict[str, tuple[Outcome, ...]] = {}
    hashes: dict[str, str] = {}
    todo: list[tuple[Source, str]] = []
    skipped: list[Skipped] = []
    for name, path in sources:
        try:
            data = read_bytes(path)
        except InputError as error:  # unreadable, or over the input limit (--max-bytes)
            skipped.append(Skipped(name, str(error).removeprefix(f"{path}: ")))
            continue
        sha256 = hashes[name] = hashlib.sha256(data).hexdigest()
        cached = cache.get(sha256, lang, fmt) if cache is not None else None
        if cached is None:
            todo.append((Source(name, data, lang, fmt), sha256))
        else:
            outcomes[name] = cached
    fresh = runner.map(_read, None, [source for source, _ in todo], label="read")
    for (source, sha256), read in zip(todo, fresh, strict=True):
        outcomes[source.name] = read
        if cache is not None:
            cache.put(sha256, lang, fmt, read)
    dates = catalogue_dates()
    members: list[Member] = []
    for name, _ in sources:
        if name not in outcomes:
            continue  # unreadable, already skipped
        several = len(outcomes[name]) > 1
        for number, outcome in enumerate(outcomes[name], 1):
            # Each instrument of a booklet is named as compare selects it: FILE#N.
            part = f"{name}#{number}" if several else name
            if isinstance(outcome, Refused):
                skipped.append(Skipped(part, outcome.reason))
                continue
            identifier = outcome.stated_id or default_id(Path(name))
            identifier = f"{identifier}#{number}" if several else identifier
            member = _member(part, identifier, hashes[name], outcome, min_words, dates)
            if member.clauses:
                members.append(member)
            else:
                reason = f"no clause of {min_words} or more words in {lang}"
                skipped.append(Skipped(part, reason))
    return Collection(tuple(members), tuple(sorted(skipped, key=lambda s: s.source)))


def _read(_: None, source: Source) -> tuple[Outcome, ...]:
    return read_source(source)


def catalogue_dates() -> dict[str, str]:
    """Catalogue id -> the date of adoption its facts state, else the year; empty when
    the catalogue cannot be read."""
    from treatydiff.catalogue import entries

    try:
        catalogue = entries.load()
    except TreatydiffError:
        return {}
    dates = {}
    for entry in catalogue.entries:
        stated = entry.facts.adopted or (str(entry.facts.year) if entry.facts.year else None)
        if stated:
            dates[entry.id] = stated
    return dates


def _member(
    name: str,
    identifier: str,
    sha256: str,
    outcome: Imported,
    min_words: int,
    dates: dict[str, str],
) -> Member:
    work = identifier.split("@", 1)[0]
    worded = [c for c in outcome.clauses if c.words]
    clauses = tuple(c for c in worded if not c.foreign and len(c.words.split()) >= min_words)
    return Member(
        source=name,
        sha256=sha256,
        id=identifier,
        work=work,
        title=outcome.title,
        adopted=outcome.adopted or dates.get(work),
        clauses=clauses,
        set_aside=len(worded) - len(clauses),
        foreign=sum(c.foreign for c in worded),
    )


def reasons(skipped: tuple[Skipped, ...]) -> list[tuple[str, int]]:
    """The reasons sources were skipped, with how many, most frequent first."""
    counts = Counter(s.reason for s in skipped)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))
