"""Reading one source for a reuse search: import, segment and shingle it (one Dask task).

A source is read as ``compare`` and ``show`` read it (``formats.load_parts``): a text, or a
PDF, Word file or web page, read from its bytes. It gives one outcome per instrument it
holds (a booklet's ``FILE#1``, ``FILE#2`` ...; a text gives one). The outcomes depend only on
the source's bytes, the language read and the input format, so they are cached by content
(``reuse.cache``): nothing in them comes from the path the source was read from (an id the
source does not state is left "", not derived from the path), and the caller names each
outcome after the path it reads now (``reuse.collection``). An outcome is either
an ``Imported`` instrument, every leaf clause with its citation label, display text and the
words the similarity measures, or a ``Refused`` source or part with the reason, one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from treatydiff import lang
from treatydiff.errors import TreatydiffError
from treatydiff.formats import load_parts
from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key, scored_words
from treatydiff.reuse.dates import adoption_date
from treatydiff.segment.labels import citation


@dataclass(frozen=True)
class ClauseRecord:
    """One leaf clause as a reuse search sees it.

    Attributes:
        eid: The clause's eId (``art_2__point_c``).
        label: Its citation label in the UN style (``article 2 (c)``).
        text: Its display text.
        words: The words ``token_ratio`` measures, space-separated (its comparison key,
            casefolded, split into runs of word characters).
        foreign: True when the clause reads as another language than the one read: more
            of another language's common words than of its own (an editorial note of the
            Dutch Treaty Series mirror, "Treedt in werking op een nader te bepalen
            tijdstip", inside the English text).
    """

    eid: str
    label: str
    text: str
    words: str
    foreign: bool


@dataclass(frozen=True)
class Imported:
    """An instrument read from a source.

    Attributes:
        stated_id: The id the source states, or "" (the caller derives one from the path).
        title: The title.
        adopted: The ISO date of adoption the text states (``reuse.dates``), else the one
            the importer found in its metadata, else None.
        clauses: Every leaf clause with words, in document order.
    """

    stated_id: str
    title: str
    adopted: str | None
    clauses: tuple[ClauseRecord, ...]


@dataclass(frozen=True)
class Refused:
    """A source that could not be read as an instrument, and why (one line)."""

    reason: str


Outcome = Imported | Refused


@dataclass(frozen=True)
class Source:
    """The input of the task: a source's bytes and how to read them."""

    name: str  # the path as given, for messages
    data: bytes
    lang: str
    fmt: str | None


def read_source(source: Source) -> tuple[Outcome, ...]:
    """Import, segment and shingle one source: an outcome for each instrument it holds,
    in order. Never raises for a bad source: a ``TreatydiffError`` becomes a ``Refused``
    outcome with the error's message (without the path it starts with), for the whole
    source or for the one part that raised it.

    An instrument whose source states no id is given none (``Imported.stated_id`` ""):
    the outcomes are cached by the source's bytes, and the same bytes at another path
    are another instrument, named after that path."""
    try:
        parts = load_parts(
            source.data, source=source.name, fmt=source.fmt, lang=source.lang, derive_id=False
        )
    except TreatydiffError as error:
        return (Refused(_reason(error, source.name)),)
    return tuple(
        Refused(_reason(part, source.name))
        if isinstance(part, TreatydiffError)
        else imported(part, source.lang)
        for part in parts
    )


def _reason(error: TreatydiffError, name: str) -> str:
    return str(error).removeprefix(f"{name}: ")


def imported(instrument: Instrument, lang_code: str) -> Imported:
    """The clauses of ``instrument``, read in language ``lang_code``, as a search sees
    them."""
    clauses = []
    for leaf in instrument.leaves:
        text = leaf.clause.text
        if not text:
            continue
        words = scored_words(comparison_key(text))
        clauses.append(
            ClauseRecord(
                eid=leaf.clause.eid,
                label=citation(leaf.path),
                text=text,
                words=" ".join(words),
                foreign=lang.foreign(words, lang_code) is not None,
            )
        )
    stated = adoption_date(c.text for c in clauses) if lang_code == "en" else None
    return Imported(
        stated_id=instrument.id,
        title=instrument.title,
        adopted=stated or instrument.metadata.adopted,
        clauses=tuple(clauses),
    )


# --- the cached form: plain JSON -------------------------------------------------------------

SCHEMA = 2  # 2: the outcomes of a source, one per instrument it holds


def outcomes_to_json(outcomes: tuple[Outcome, ...]) -> dict[str, Any]:
    """The JSON object stored in the cache for the ``outcomes`` of one source."""
    return {"schema": SCHEMA, "parts": [outcome_to_json(outcome) for outcome in outcomes]}


def outcomes_from_json(data: Any) -> tuple[Outcome, ...]:
    """The outcomes stored as ``data``; ValueError when ``data`` is not one (a corrupt or
    older cache entry)."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ValueError("not a reuse cache entry of this schema")
    parts = data["parts"]
    if not isinstance(parts, list) or not parts:
        raise ValueError("a cache entry holds the outcome of at least one instrument")
    return tuple(outcome_from_json(part) for part in parts)


def outcome_to_json(outcome: Outcome) -> dict[str, Any]:
    """The JSON object of one ``outcome``."""
    if isinstance(outcome, Refused):
        return {"refused": outcome.reason}
    return {
        "stated_id": outcome.stated_id,
        "title": outcome.title,
        "adopted": outcome.adopted,
        "clauses": [[c.eid, c.label, c.text, c.words, c.foreign] for c in outcome.clauses],
    }


def outcome_from_json(data: Any) -> Outcome:
    """The outcome stored as ``data``; ValueError when ``data`` is not one."""
    if not isinstance(data, dict):
        raise ValueError("an outcome is a JSON object")
    if "refused" in data:
        return Refused(_string(data["refused"]))
    adopted = data["adopted"]
    if adopted is not None:
        adopted = _string(adopted)
    clauses = []
    for row in data["clauses"]:
        eid, label, text, words, foreign = row
        if not isinstance(foreign, bool):
            raise ValueError("foreign must be true or false")
        clauses.append(
            ClauseRecord(_string(eid), _string(label), _string(text), _string(words), foreign)
        )
    return Imported(_string(data["stated_id"]), _string(data["title"]), adopted, tuple(clauses))


def _string(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected a string, not {type(value).__name__}")
    return value
