"""A reuse search: read a collection, join its clauses, and list every pair of clauses of
different instruments at least ``min_similarity`` similar; or, for one clause, every clause
that matches it.

Calibration of the default ``min_similarity``, 0.8, on random samples of the Dutch Treaty
Series collection (benchmarks/README.md): from 0.8 up a pair is one clause copied with a
changed party, instrument or number ("have signed this Agreement" for "have signed the
present Convention"; the Minister of Finance "in the Netherlands" for "in the case of the
Netherlands Antilles"); between 0.65 and 0.8 it is often one template saying something
else ("Applicant Party" means the party requesting, "requested Party" the party
requested; the Agreement applies "to the Kingdom in Europe only", "only to the
Netherlands Antilles"); below 0.65, clauses of one genre with other content (two lists of
ways to consent to be bound). ``compare`` pairs clauses from 0.5 because it aligns two
texts known to correspond; a search across a collection has no such prior.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from treatydiff.errors import InputError
from treatydiff.model import Instrument
from treatydiff.reuse.cache import Cache, KnownPairs, text_digest
from treatydiff.reuse.collection import Collection, read_collection
from treatydiff.reuse.execute import Runner
from treatydiff.reuse.join import Encoder, build_table, spans, verify
from treatydiff.reuse.read import ClauseRecord, imported

DEFAULT_MIN_SIMILARITY = 0.8
DEFAULT_MIN_WORDS = 8
# Verification spans per worker: enough for the slowest span not to keep the others
# waiting, few enough that the index is not sent more often than needed.
_SPANS_PER_WORKER = 4


@dataclass(frozen=True)
class Options:
    """What a search looks for.

    Attributes:
        min_similarity: The least ``token_ratio`` of a pair, 0 < s <= 1.
        min_words: The least number of words of a clause compared (words as the measure
            counts them).
        lang: The language read from each source.
        fmt: The input format, or None to detect it per source.
    """

    min_similarity: float = DEFAULT_MIN_SIMILARITY
    min_words: int = DEFAULT_MIN_WORDS
    lang: str = "en"
    fmt: str | None = None


@dataclass(frozen=True)
class ClauseRef:
    """A clause of the collection: ``member`` indexes ``Collection.members``."""

    member: int
    clause: ClauseRecord


@dataclass(frozen=True)
class Pair:
    """Two clauses of different instruments and their similarity; ``left`` and ``right``
    index ``Reuse.clauses``, ``left < right``."""

    similarity: float
    left: int
    right: int


@dataclass(frozen=True)
class Reuse:
    """The result of a search.

    Attributes:
        options: What was searched for.
        collection: The instruments read and the sources skipped.
        clauses: Every clause compared, in canonical order: by source, then eId.
        pairs: Every pair found, sorted by (left, right).
    """

    options: Options
    collection: Collection
    clauses: tuple[ClauseRef, ...]
    pairs: tuple[Pair, ...]


@dataclass(frozen=True)
class Match:
    """A clause matching the clause of a query: ``clause`` indexes ``Reuse.clauses``."""

    similarity: float
    clause: int


@dataclass(frozen=True)
class Query:
    """The clauses matching one clause, best first (then in canonical order).

    Attributes:
        instrument: The instrument the clause was taken from.
        clause: The clause.
        reuse: The collection searched; its ``pairs`` are empty.
        matches: The matches, at least ``min_similarity`` similar, from other works.
    """

    instrument: Instrument
    clause: ClauseRecord
    reuse: Reuse
    matches: tuple[Match, ...]


def search(paths: list[str], options: Options, *, runner: Runner, cache: Cache | None) -> Reuse:
    """Every pair of clauses of different works under ``paths`` at least
    ``options.min_similarity`` similar. Raises InputError for a path that does not exist."""
    reuse = _read(paths, options, runner=runner, cache=cache)
    sequences, carriers = _distinct(reuse.clauses)
    threshold = options.min_similarity
    digests = [text_digest(words) for words in sequences]
    known = cache.get_pairs(threshold) if cache is not None else None
    fresh: set[int] | None = None
    text_pairs: list[tuple[int, int, float]] = []
    if known is not None:
        where = {digest: text for text, digest in enumerate(digests)}
        fresh = {text for text, digest in enumerate(digests) if digest not in known.texts}
        text_pairs = [
            (where[a], where[b], similarity)
            for a, b, similarity in known.pairs
            if a in where and b in where
        ]
    if fresh is None or fresh:  # else every pair is known
        text_pairs += _join(sequences, options, fresh, runner)
    if cache is not None and (known is None or known.texts != frozenset(digests)):
        cache.put_pairs(
            threshold,
            KnownPairs(
                frozenset(digests), tuple((digests[a], digests[b], s) for a, b, s in text_pairs)
            ),
        )
    works = [reuse.collection.members[ref.member].work for ref in reuse.clauses]
    pairs: dict[tuple[int, int], float] = {}
    for group in carriers:
        _pair_all(pairs, group, group, 1.0, works)
    for a, b, similarity in text_pairs:
        _pair_all(pairs, carriers[a], carriers[b], similarity, works)
    ordered = tuple(Pair(pairs[key], *key) for key in sorted(pairs))
    return Reuse(options, reuse.collection, reuse.clauses, ordered)


def _join(
    sequences: list[str], options: Options, fresh: set[int] | None, runner: Runner
) -> list[tuple[int, int, float]]:
    """The pairs (text, text, similarity) of the distinct ``sequences`` (space-separated
    words) with a ``fresh`` one (None: all are), found by ``verify`` tasks."""
    table, position = build_table(
        [words.split() for words in sequences],
        options.min_similarity,
        options.min_words,
        fresh=fresh,
    )
    work = spans(len(sequences), runner.workers * _SPANS_PER_WORKER)
    found = runner.map(verify, table, work, label="verify")
    text_at = [0] * len(sequences)
    for text, p in enumerate(position):
        text_at[p] = text
    return [(text_at[p], text_at[q], s) for chunk in found for p, q, s in chunk]


def _read(paths: list[str], options: Options, *, runner: Runner, cache: Cache | None) -> Reuse:
    collection = read_collection(
        paths,
        runner=runner,
        cache=cache,
        lang=options.lang,
        fmt=options.fmt,
        min_words=options.min_words,
    )
    clauses = tuple(
        ClauseRef(n, clause)
        for n, member in enumerate(collection.members)
        for clause in sorted(member.clauses, key=lambda c: c.eid)
    )
    return Reuse(options, collection, clauses, ())


def _distinct(clauses: tuple[ClauseRef, ...]) -> tuple[list[str], list[list[int]]]:
    """The distinct word sequences of ``clauses`` (in order of first appearance) and the
    clauses carrying each."""
    carriers: dict[str, list[int]] = defaultdict(list)
    for n, ref in enumerate(clauses):
        carriers[ref.clause.words].append(n)
    return list(carriers), list(carriers.values())


def _pair_all(
    pairs: dict[tuple[int, int], float],
    left: list[int],
    right: list[int],
    similarity: float,
    works: list[str],
) -> None:
    """Pair every clause of ``left`` with every clause of ``right`` of another work."""
    for a in left:
        for b in right:
            if a != b and works[a] != works[b]:
                pairs[(a, b) if a < b else (b, a)] = similarity


def query(
    paths: list[str],
    options: Options,
    instrument: Instrument,
    eid: str,
    *,
    runner: Runner,
    cache: Cache | None,
) -> Query:
    """The clauses under ``paths`` matching clause ``eid`` of ``instrument``, at least
    ``options.min_similarity`` similar, from other works than the instrument's.

    Raises InputError when the instrument has no clause ``eid``, or when it is not a
    clause with words of its own (an article whose words are in its paragraphs: the
    message names them).
    """
    view = instrument.by_eid.get(eid)
    if view is None:
        raise InputError(f"{instrument.id} has no clause {eid!r}")
    if not view.clause.is_leaf or not view.clause.text:
        inner = [c.eid for c in view.clause.walk() if c.is_leaf and c.text][:6]
        raise InputError(
            f"{instrument.id}#{eid} holds no words of its own; name one of its clauses: "
            + ", ".join(inner)
        )
    asked = next(c for c in imported(instrument, options.lang).clauses if c.eid == eid)
    reuse = _read(paths, options, runner=runner, cache=cache)
    work = instrument.id.split("@", 1)[0]
    words = asked.words.split()
    candidates = [
        n
        for n, ref in enumerate(reuse.clauses)
        if reuse.collection.members[ref.member].work != work
    ]
    encode = Encoder()
    probe = encode(words)
    choices = [encode(reuse.clauses[n].clause.words.split()) for n in candidates]
    cutoff = options.min_similarity * 100.0 - 1e-6
    matches = []
    for _, score, k in process.extract(
        probe, choices, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
    ):
        if score / 100.0 >= options.min_similarity:
            matches.append(Match(float(score) / 100.0, candidates[k]))
    matches.sort(key=lambda m: (-m.similarity, m.clause))
    return Query(instrument, asked, reuse, tuple(matches))
