"""The synopsis model: a family of instruments set beside its first one (the anchor).

For each clause of the anchor, its counterpart in every other instrument (the clause the
pairwise comparison paired it with, else one defining the same term, else the one sharing
most words); the similarity of every pair of instruments, and its heat map. Built from
the anchor's pairwise comparisons and, for the other pairs, their comparisons or an
estimate that names itself (``Synopsis.measure``); ``treatydiff.render`` turns it into
HTML, Markdown or JSON.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Final, Literal

from treatydiff.engine.comparison import Comparison, Status
from treatydiff.engine.terms import defined_term
from treatydiff.errors import InputError
from treatydiff.model import Instrument
from treatydiff.normalize import WordCodes
from treatydiff.report.comparison import SideInfo, side_info
from treatydiff.report.figures import percent, shown
from treatydiff.segment.labels import citation

# Least share of words for a synopsis to name an unpaired clause's closest clause
# elsewhere. Measured on the OPSC's clauses against Lanzarote, Budapest, the OPAC and the
# CRC: the median best word similarity is 0.28 to 0.33, related clauses left unpaired
# score 0.5 to 0.75 (OPSC art. 2 (c) and Lanzarote art. 20 (2): 0.54). Character
# similarity does not separate them: unrelated clauses reach 0.5 to 0.66 on it.
CLOSEST_FLOOR = 0.5

# What a cell of the similarity matrix holds: the similarity of the pair's comparison
# (``Summary.similarity``, as its report shows it), or the closest-clause similarity
# (``engine.closest``), an estimate that compares no clause pair in full.
COMPARISON: Final = "comparison"
CLOSEST_CLAUSE: Final = "closest_clause"
Measure = Literal["comparison", "closest_clause"]


@dataclass(frozen=True)
class Counterpart:
    """The counterpart of an anchor clause in another instrument.

    ``paired``: the comparison paired the two clauses, and ``similarity`` is theirs.
    Otherwise ``term`` names the term both clauses define, when they define the same one
    (a definition is the surest lineage, whatever words it uses), or else this is the
    clause of the other instrument sharing most words with the anchor clause; either way
    ``similarity`` is their word similarity (see ``closest_by_words``).
    """

    instrument: str  # id of the other instrument
    labels: tuple[str, ...]
    eids: tuple[str, ...]
    status: Status | None  # of the alignment, when paired
    similarity: float
    moved: bool
    paired: bool
    link: str  # the pairwise report and the row: "opsc--opac.html#art_12__para_1"
    text: str  # the counterpart's words: its clauses' texts, one after the other
    term: str | None = None

    @property
    def label(self) -> str:
        """The counterpart's citation: its clauses' labels joined by " + "."""
        return " + ".join(self.labels)


@dataclass(frozen=True)
class Lineage:
    """One clause of the anchor instrument and its closest clause in each other one."""

    eid: str
    label: str
    short_label: str
    text: str
    counterparts: tuple[Counterpart | None, ...]  # one per other instrument, in synopsis order


@dataclass(frozen=True)
class Synopsis:
    """A family of instruments: pairwise similarity and the anchor's clause lineage.

    ``matrix[i][j]`` is the overall similarity of instruments i and j (the earlier
    against the later one): in the anchor's row and column the similarity of their
    comparison, elsewhere by ``other_measure`` (``COMPARISON``, or the quicker estimate
    ``CLOSEST_CLAUSE``); ``measure(i, j)`` says which. ``pairs`` names each pairwise
    report of the anchor, one per other instrument.
    """

    instruments: tuple[SideInfo, ...]
    matrix: tuple[tuple[float, ...], ...]
    lineage: tuple[Lineage, ...]
    pairs: tuple[str, ...]
    other_measure: Measure = COMPARISON

    def measure(self, i: int, j: int) -> Measure:
        """What ``matrix[i][j]`` holds."""
        return COMPARISON if i == 0 or j == 0 or i == j else self.other_measure

    @property
    def anchor(self) -> SideInfo:
        """The first instrument, whose clauses the lineage follows."""
        return self.instruments[0]

    @property
    def others(self) -> tuple[SideInfo, ...]:
        """The instruments set beside the anchor, in synopsis order."""
        return self.instruments[1:]


def pair_filename(left_id: str, right_id: str, suffix: str = ".html") -> str:
    """File name of the pairwise report of two instruments, for links between reports."""
    return f"{file_name_part(left_id)}--{file_name_part(right_id)}{suffix}"


# The longest part of a file name made from an id: two of them and a suffix stay far
# below the 255 bytes a file name may have.
_MOST_PART = 100


def file_name_part(text: str) -> str:
    """``text`` (an instrument id, which the input file states) as a part of a file name:
    letters, digits, ``.``, ``_`` and ``-`` only (any other run becomes ``_``), not
    starting or ending with ``.``, ``_`` or ``-`` (so never ``..``, nor a name a shell
    command reads as an option: ``-rf``), at most 100 characters (a
    longer one keeps its start and a hash of the whole), ``instrument`` when nothing is
    left."""
    part = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._-") or "instrument"
    if len(part) <= _MOST_PART:
        return part
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{part[: _MOST_PART - 13]}-{digest}"


Compare = Callable[[Instrument, Instrument], Comparison]
# The overall similarity of two instruments: ``Summary.similarity`` of their comparison,
# or an estimate of it (``engine.closest``).
Similarity = Callable[[Instrument, Instrument], float]


def family_comparisons(
    instruments: Sequence[Instrument], compare: Compare
) -> dict[tuple[int, int], Comparison]:
    """Every pair (i, j) with i < j compared, the earlier instrument on the left."""
    return {(i, j): compare(instruments[i], instruments[j]) for i, j in _pairs(instruments)}


def _pairs(instruments: Sequence[Instrument]) -> list[tuple[int, int]]:
    return list(combinations(range(len(instruments)), 2))


def build_synopsis(
    instruments: Sequence[Instrument],
    comparisons: dict[tuple[int, int], Comparison],
    *,
    pair_folder: str = "",
) -> Synopsis:
    """The synopsis of ``instruments`` (the first is the anchor) from their pairwise
    comparisons, as ``family_comparisons`` makes them; links to the pairwise reports point
    into ``pair_folder`` (relative to the synopsis page). InputError for fewer than two
    instruments or a repeated id."""
    return stream_synopsis(
        instruments,
        lambda left, right: comparisons[(_index(instruments, left), _index(instruments, right))],
        lambda left, right: (
            comparisons[(_index(instruments, left), _index(instruments, right))].summary.similarity
        ),
        pair_folder=pair_folder,
    )


def _index(instruments: Sequence[Instrument], instrument: Instrument) -> int:
    return next(k for k, inst in enumerate(instruments) if inst is instrument)


def stream_synopsis(
    instruments: Sequence[Instrument],
    compare: Compare,
    similarity: Similarity,
    *,
    pair_folder: str = "",
    report: Callable[[Comparison, str], None] | None = None,
    measure: Measure = COMPARISON,
) -> Synopsis:
    """The synopsis of ``instruments`` (the first is the anchor), one comparison at a
    time: the anchor against each other instrument with ``compare`` (the lineage needs
    the alignment), each comparison handed to ``report`` with the name of its pairwise
    report (``pair_filename``), then reduced to the lineage and similarity the synopsis
    shows and dropped; every other pair only by ``similarity``, which gives the
    ``measure`` named (``Synopsis.other_measure``). Links to the pairwise
    reports point into ``pair_folder`` (relative to the synopsis page). InputError for
    fewer than two instruments or a repeated id."""
    if len(instruments) < 2:
        raise InputError("a synopsis needs at least two instruments")
    ids = [inst.id for inst in instruments]
    if len(set(ids)) != len(ids):
        raise InputError(f"instrument ids repeat: {', '.join(ids)}")
    size = len(instruments)
    matrix = [[1.0] * size for _ in range(size)]
    anchor = instruments[0]
    prefix = f"{pair_folder.rstrip('/')}/" if pair_folder else ""
    names = [pair_filename(anchor.id, other.id) for other in instruments[1:]]
    pairs = tuple(prefix + name for name in names)
    found: list[dict[str, Counterpart]] = []
    for i, j in _pairs(instruments):
        if i == 0:
            comparison = compare(anchor, instruments[j])
            if report is not None:
                report(comparison, names[j - 1])
            found.append(_counterparts(comparison, pairs[j - 1]))
            value = comparison.summary.similarity
            del comparison
        else:
            value = similarity(instruments[i], instruments[j])
        matrix[i][j] = matrix[j][i] = value
    lineage = tuple(
        Lineage(
            eid=leaf.clause.eid,
            label=citation(leaf.path),
            short_label=citation(leaf.path, style="short"),
            text=leaf.clause.text,
            counterparts=tuple(by_eid.get(leaf.clause.eid) for by_eid in found),
        )
        for leaf in anchor.leaves
    )
    return Synopsis(
        instruments=tuple(side_info(inst) for inst in instruments),
        matrix=tuple(tuple(row) for row in matrix),
        lineage=lineage,
        pairs=pairs,
        other_measure=measure if size > 2 else COMPARISON,
    )


def _counterparts(comparison: Comparison, page: str) -> dict[str, Counterpart]:
    """For each left clause of a comparison, the right clauses paired with it; or else
    the first right clause defining the same term; or else the right clause sharing most
    of its words, when that reaches CLOSEST_FLOOR."""
    right = comparison.right
    out: dict[str, Counterpart] = {}
    unpaired: list[str] = []
    for alignment in comparison.alignments:
        if not alignment.left:
            continue
        if not alignment.right:
            unpaired.extend(alignment.left)
            continue
        match = Counterpart(
            instrument=right.id,
            labels=tuple(citation(right.by_eid[eid].path) for eid in alignment.right),
            eids=alignment.right,
            status=alignment.status,
            similarity=alignment.similarity,
            moved=alignment.moved,
            paired=True,
            link=f"{page}#{alignment.left[0]}",
            text=" ".join(right.by_eid[eid].clause.text for eid in alignment.right),
        )
        for eid in alignment.left:
            out[eid] = match
    left_position = {leaf.clause.eid: n for n, leaf in enumerate(comparison.left.leaves)}
    queries = [comparison.left.leaf_keys[left_position[eid]] for eid in unpaired]
    choices = right.leaf_keys
    definitions: dict[str, int] = {}
    for position, leaf in enumerate(right.leaves):
        defined = defined_term(leaf.clause.text)
        if defined is not None:
            definitions.setdefault(defined, position)
    for eid, query, (closest, score) in zip(
        unpaired, queries, closest_by_words(queries, choices), strict=True
    ):
        term = defined_term(comparison.left.by_eid[eid].clause.text)
        if term is not None and term in definitions:
            index = definitions[term]
            ((_, score),) = closest_by_words([query], [choices[index]])
        elif closest is None or score < CLOSEST_FLOOR:
            continue
        else:
            index, term = closest, None
        leaf = right.leaves[index]
        out[eid] = Counterpart(
            instrument=right.id,
            labels=(citation(leaf.path),),
            eids=(leaf.clause.eid,),
            status=None,
            similarity=score,
            moved=False,
            paired=False,
            link=f"{page}#right-{leaf.clause.eid}",
            text=leaf.clause.text,
            term=term,
        )
    return out


def closest_by_words(
    queries: Sequence[str], choices: Sequence[str]
) -> list[tuple[int | None, float]]:
    """For each query, the index of the choice sharing most of its words in order, and
    their word similarity (0..1): the Indel similarity of the word sequences. Queries and
    choices are comparison keys (``Instrument.leaf_keys``). The first of equal choices
    wins; None when there is no choice."""
    from rapidfuzz import fuzz, process

    codes = WordCodes()
    targets = [codes.encode(key) for key in choices]
    out: list[tuple[int | None, float]] = []
    for query in queries:
        found = process.extractOne(codes.encode(query), targets, scorer=fuzz.ratio)
        out.append((None, 0.0) if found is None else (found[2], found[1] / 100.0))
    return out


# --- the heat map ---------------------------------------------------------------------------

# Cividis, a palette readable with every kind of colour blindness: dark blue (low) to
# yellow (high); numbers are always printed in the cells.
_CIVIDIS = (
    "#00204d", "#00336f", "#39486b", "#575c6d", "#707173",
    "#8a8779", "#a69d75", "#c4b56c", "#e4cf5b", "#fdea45",
)  # fmt: skip


@dataclass(frozen=True)
class HeatCell:
    """One cell of the heat map: its place (SVG units), colours, number and tooltip;
    ``link``: the pairwise report of the pair, for the anchor's pairs (None: no report
    of that pair)."""

    x: int
    y: int
    fill: str
    ink: str
    text: str
    title: str
    link: str | None = None


@dataclass(frozen=True)
class Heatmap:
    """The pairwise similarity of a synopsis's instruments as an SVG heat map: a square
    of ``size`` SVG units per pair, row labels at the left, column labels above."""

    size: int  # of a cell, in SVG units
    left: int  # room for the row labels
    top: int  # room for the column labels, slanted upwards
    width: int
    height: int
    labels: tuple[str, ...]
    cells: tuple[HeatCell, ...]


# Width of a character of the labels (13px system-ui) and the slant of column labels.
_CHAR_WIDTH = 7.5
_SLANT = math.radians(60)


def heatmap(synopsis: Synopsis, *, cell: int = 56) -> Heatmap:
    """The heat map of ``synopsis.matrix``, ``cell`` SVG units a square; each square
    prints its similarity in percent (``figures.shown``), on the colour of its square
    root on the Cividis scale; an estimate (``Synopsis.measure``) with "≈" before it and
    its measure named in its tooltip."""
    labels = tuple(inst.id for inst in synopsis.instruments)
    text_width = _CHAR_WIDTH * max(len(label) for label in labels)
    left = math.ceil(text_width) + 16
    top = math.ceil(text_width * math.sin(_SLANT)) + 16
    overhang = max(0, math.ceil(text_width * math.cos(_SLANT)) - cell // 2)
    cells: list[HeatCell] = []
    for i, row in enumerate(synopsis.matrix):
        for j, value in enumerate(row):
            # The square root spreads the low similarities of unrelated instruments.
            step = min(int(math.sqrt(max(value, 0.0)) * len(_CIVIDIS)), len(_CIVIDIS) - 1)
            compared = synopsis.measure(i, j) == COMPARISON
            cells.append(
                HeatCell(
                    x=left + j * cell,
                    y=top + i * cell,
                    fill=_CIVIDIS[step],
                    ink="#ffffff" if step < 5 else "#000000",
                    text=shown(value) if compared else f"\u2248{shown(value)}",
                    title=f"{labels[i]} and {labels[j]}: "
                    + (
                        f"similarity {percent(value)}"
                        if compared
                        else f"closest-clause similarity {percent(value)} (an estimate)"
                    ),
                    link=synopsis.pairs[i + j - 1] if (i == 0) != (j == 0) else None,
                )
            )
    span = cell * len(labels)
    return Heatmap(
        cell, left, top, left + span + overhang + 8, top + span + 8, labels, tuple(cells)
    )
