"""The report of a treaty's language versions: their rows side by side and their
divergences, ready for the renderers (``render.languages``).

``build`` runs the whole job on instruments already read: it aligns them
(``engine.languages``), reads their divergences (``engine.divergences``) and lays them
out. A row holds, for each language, the units aligned together, with their eIds,
citation labels and texts; the divergences are numbered in document order and each row
names those that touch it, so that a side-by-side view can mark them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from treatydiff.engine.divergences import KINDS, Divergence, divergences
from treatydiff.engine.languages import Alignment, Encoder, Row, align, version
from treatydiff.model import Instrument


@dataclass(frozen=True)
class VersionFacts:
    """One language version, for the report's header."""

    language: str
    id: str
    title: str
    source: str | None
    sha256: str | None
    clauses: int


@dataclass(frozen=True)
class Cell:
    """The units of one language in a row: eIds, labels and texts, in order."""

    language: str
    eids: tuple[str, ...]
    labels: tuple[str, ...]
    texts: tuple[str, ...]


@dataclass(frozen=True)
class LanguageRow:
    """One row of the side-by-side view.

    ``status``: "aligned" (one unit in each language), "split" (a language holds several
    units where another holds one) or "unmatched" (a language holds none); ``method``:
    what aligned it ("structure", "anchors", "semantic", "length"); ``score``: the length
    model's probability of the row's lengths; ``similarity``: the embeddings' cosine
    similarity, with the semantic extra; ``flags``: the numbers (from 1) of the
    divergences that touch it; ``anchor``: an id for links.
    """

    cells: tuple[Cell, ...]
    status: str
    method: str
    score: float
    similarity: float | None
    flags: tuple[int, ...]
    anchor: str


@dataclass(frozen=True)
class FlagView:
    """A divergence, numbered, with the anchor of its first row."""

    number: int
    divergence: Divergence
    row: str


@dataclass(frozen=True)
class PairModel:
    """The length model of the pivot and one other language."""

    languages: tuple[str, str]
    ratio: float
    variance: float


@dataclass(frozen=True)
class LanguagesReport:
    """Everything the renderers show: the versions, the rows, the divergences, the
    length models, and whether the semantic extra took part."""

    versions: tuple[VersionFacts, ...]
    rows: tuple[LanguageRow, ...]
    flags: tuple[FlagView, ...]
    models: tuple[PairModel, ...]
    semantic: bool

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(v.language for v in self.versions)

    @property
    def kind_counts(self) -> list[tuple[str, int]]:
        """The number of divergences of each kind, in ``KINDS`` order, kinds found only."""
        counts = Counter(flag.divergence.kind for flag in self.flags)
        return [(kind, counts[kind]) for kind in KINDS if counts[kind]]

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        counts = Counter(row.status for row in self.rows)
        return [(s, counts[s]) for s in ("aligned", "split", "unmatched") if counts[s]]


def build(
    instruments: Sequence[tuple[str, Instrument]], *, encoder: Encoder | None = None
) -> LanguagesReport:
    """The report of ``instruments`` (language code, instrument), the first the pivot.

    Raises LanguageError for an unknown language, ValueError for fewer than two
    versions or two of one language.
    """
    versions = [version(instrument, language) for language, instrument in instruments]
    alignment = align(versions, encoder=encoder)
    return report(alignment, divergences(alignment), semantic=encoder is not None)


def report(
    alignment: Alignment, found: Sequence[Divergence], *, semantic: bool = False
) -> LanguagesReport:
    """The report of an alignment and its divergences."""
    languages = alignment.languages
    rows = [(_anchor(k, row, alignment), row) for k, row in enumerate(alignment.rows)]
    row_of: dict[tuple[str, str], str] = {}
    for anchor, row in rows:
        for v in alignment.versions:
            for index in row.units.get(v.language, ()):
                row_of[(v.language, v.units[index].eid)] = anchor
    flags: list[FlagView] = []
    touching: dict[str, list[int]] = {}
    for number, divergence in enumerate(found, start=1):
        anchors = [
            row_of[(language, eid)]
            for language, eids in divergence.clauses.items()
            for eid in eids
            if (language, eid) in row_of
        ]
        for anchor in dict.fromkeys(anchors):
            touching.setdefault(anchor, []).append(number)
        flags.append(FlagView(number, divergence, anchors[0] if anchors else ""))
    return LanguagesReport(
        versions=tuple(
            VersionFacts(
                v.language,
                v.instrument.id,
                v.instrument.title,
                v.instrument.metadata.source,
                v.instrument.metadata.sha256,
                len(v.units),
            )
            for v in alignment.versions
        ),
        rows=tuple(
            _row(anchor, row, alignment, languages, tuple(touching.get(anchor, ())))
            for anchor, row in rows
        ),
        flags=tuple(flags),
        models=tuple(
            PairModel((pair.left.language, pair.right.language), pair.model.c, pair.model.s2)
            for pair in alignment.pairs
        ),
        semantic=semantic,
    )


def _anchor(k: int, row: Row, alignment: Alignment) -> str:
    """A row's id for links: the eId of its first unit, in the first language it has."""
    for v in alignment.versions:
        indexes = row.units.get(v.language)
        if indexes:
            return f"r{k + 1}-{v.language}-{v.units[indexes[0]].eid}"
    return f"r{k + 1}"


def _row(
    anchor: str,
    row: Row,
    alignment: Alignment,
    languages: tuple[str, ...],
    flags: tuple[int, ...],
) -> LanguageRow:
    cells = []
    for v in alignment.versions:
        units = [v.units[i] for i in row.units.get(v.language, ())]
        cells.append(
            Cell(
                v.language,
                tuple(u.eid for u in units),
                tuple(u.label for u in units),
                tuple(u.text for u in units),
            )
        )
    sizes = [len(cell.eids) for cell in cells]
    status = "unmatched" if 0 in sizes else "aligned" if set(sizes) == {1} else "split"
    return LanguageRow(tuple(cells), status, row.method, row.score, row.similarity, flags, anchor)
