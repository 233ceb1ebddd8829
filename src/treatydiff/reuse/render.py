"""The outputs of a reuse search: JSON Lines, JSON, an HTML report and a Markdown summary.

Every output is a function of the search alone (no clock time, no absolute path that was
not given), so the same inputs give the same bytes whatever ran the tasks.

* ``jsonl``: one line per pair, sorted by left clause, then right clause; each side is
  ``{"source", "instrument", "eid", "label", "text"}``, left before right in canonical
  order (source, then eId). With ``--query``: one line per match, best first, ``left``
  the clause asked about.
* ``json``: the options, a summary, the instruments, the pairs, the instrument pairs, the
  families and the skipped sources, one item a line.
* ``html``: a self-contained report: the families with a matrix of shared clauses, the
  lineage of each shared clause with the command comparing two of its instruments, and
  the skipped sources.
* ``md``: a summary: counts, families, kin pairs, the most widespread shared clauses,
  skipped sources.
"""

from __future__ import annotations

import json
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from treatydiff.reuse.collection import Member, reasons
from treatydiff.reuse.report import Aggregates, InstrumentPair, aggregate
from treatydiff.reuse.search import Query, Reuse

FORMATS = ("jsonl", "json", "html", "md")
MEASURE = "token_ratio"
# The Markdown summary lists this many shared clauses and kin pairs at most.
MD_SHARED_CLAUSES = 20
MD_KIN_PAIRS = 100


def render(reuse: Reuse, fmt: str) -> str:
    """The search as ``fmt`` (one of ``FORMATS``)."""
    if fmt == "jsonl":
        return "".join(_pair_lines(reuse))
    aggregates = aggregate(reuse)
    if fmt == "json":
        return _json_document(
            [
                ("options", _options(reuse)),
                ("summary", _summary(reuse, aggregates)),
                ("instruments", [_instrument(m) for m in reuse.collection.members]),
                ("pairs", _PairList(reuse)),
                (
                    "instrument_pairs",
                    [_instrument_pair(reuse, p) for p in aggregates.instrument_pairs],
                ),
                ("families", [_family(reuse, family) for family in aggregates.families]),
                (
                    "skipped",
                    [{"source": s.source, "reason": s.reason} for s in reuse.collection.skipped],
                ),
            ]
        )
    view = _View.of(reuse, aggregates)
    if fmt == "md":
        from treatydiff.render.markdown import markdown_environment

        return (
            markdown_environment()
            .get_template("reuse.md.j2")
            .render(view=view, kin_limit=MD_KIN_PAIRS, shared_limit=MD_SHARED_CLAUSES)
        )
    if fmt == "html":
        from treatydiff.render.html import standalone_page

        return standalone_page("reuse.html.j2", view.title, view=view)
    raise ValueError(f"no reuse format {fmt!r}")


def render_query(found: Query, fmt: str, *, ref: str) -> str:
    """The matches of a query as ``fmt``; ``ref`` names the clause asked about, as given."""
    reuse = found.reuse
    asked = {
        "source": ref.rsplit("#", 1)[0],
        "instrument": found.instrument.id,
        "eid": found.clause.eid,
        "label": found.clause.label,
        "text": found.clause.text,
    }
    left = _dumps(asked)
    if fmt == "jsonl":
        return "".join(
            f'{{"similarity": {_similarity(m.similarity)}, "left": {left}, '
            f'"right": {_dumps(_clause(reuse, m.clause))}}}\n'
            for m in found.matches
        )
    if fmt == "json":
        return _json_document(
            [
                ("options", _options(reuse)),
                ("query", asked),
                (
                    "matches",
                    [
                        {"similarity": round(m.similarity, 4), **_clause(reuse, m.clause)}
                        for m in found.matches
                    ],
                ),
                (
                    "skipped",
                    [{"source": s.source, "reason": s.reason} for s in reuse.collection.skipped],
                ),
            ]
        )
    view = _View.of(reuse, None)
    rows = [_Row.of(reuse, m.clause, m.similarity, asked["source"]) for m in found.matches]
    context = {
        "view": view,
        "asked": asked,
        "ref": ref,
        "rows": rows,
        "title": found.instrument.title,
    }
    if fmt == "md":
        from treatydiff.render.markdown import markdown_environment

        return markdown_environment().get_template("reuse-query.md.j2").render(**context)
    if fmt == "html":
        from treatydiff.render.html import standalone_page

        return standalone_page("reuse-query.html.j2", f"Clauses matching {ref}", **context)
    raise ValueError(f"no reuse format {fmt!r}")


# --- JSON ---------------------------------------------------------------------------------


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _similarity(value: float) -> str:
    return _dumps(round(value, 4))


def _clause(reuse: Reuse, n: int) -> dict[str, str]:
    ref = reuse.clauses[n]
    member = reuse.collection.members[ref.member]
    clause = ref.clause
    return {
        "source": member.source,
        "instrument": member.id,
        "eid": clause.eid,
        "label": clause.label,
        "text": clause.text,
    }


def _pair_lines(reuse: Reuse) -> Iterator[str]:
    sides: dict[int, str] = {}

    def side(n: int) -> str:
        found = sides.get(n)
        if found is None:
            found = sides[n] = _dumps(_clause(reuse, n))
        return found

    for pair in reuse.pairs:
        yield (
            f'{{"similarity": {_similarity(pair.similarity)}, '
            f'"left": {side(pair.left)}, "right": {side(pair.right)}}}\n'
        )


class _PairList:
    """The pairs, written as JSON lines inside the document."""

    def __init__(self, reuse: Reuse) -> None:
        self.reuse = reuse


def _json_document(items: list[tuple[str, Any]]) -> str:
    """A JSON object, one top-level key a line and one list item a line."""
    out = ["{\n"]
    for n, (key, value) in enumerate(items):
        out.append(f"{_dumps(key)}: ")
        if isinstance(value, _PairList):
            lines = [line.rstrip("\n") for line in _pair_lines(value.reuse)]
            out.append(_json_list(lines))
        elif isinstance(value, list):
            out.append(_json_list([_dumps(item) for item in value]))
        else:
            out.append(_dumps(value))
        out.append(",\n" if n + 1 < len(items) else "\n")
    out.append("}\n")
    return "".join(out)


def _json_list(items: list[str]) -> str:
    if not items:
        return "[]"
    return "[\n" + ",\n".join(items) + "\n]"


def _options(reuse: Reuse) -> dict[str, Any]:
    options = reuse.options
    return {
        "min_similarity": options.min_similarity,
        "min_words": options.min_words,
        "measure": MEASURE,
        "lang": options.lang,
    }


def _summary(reuse: Reuse, aggregates: Aggregates) -> dict[str, int]:
    collection = reuse.collection
    return {
        "sources": len(collection.members) + len(collection.skipped),
        "instruments": len(collection.members),
        "skipped": len(collection.skipped),
        "clauses": len(reuse.clauses),
        "pairs": len(reuse.pairs),
        "instrument_pairs": len(aggregates.instrument_pairs),
        "families": len(aggregates.families),
        "shared_clauses": len(aggregates.shared_clauses),
    }


def _instrument(member: Member) -> dict[str, Any]:
    return {
        "source": member.source,
        "instrument": member.id,
        "title": member.title,
        "adopted": member.adopted,
        "clauses": len(member.clauses),
        "set_aside": member.set_aside,
        "foreign": member.foreign,
    }


def _instrument_pair(reuse: Reuse, pair: InstrumentPair) -> dict[str, Any]:
    members = reuse.collection.members
    return {
        "left": members[pair.left].source,
        "right": members[pair.right].source,
        "pairs": pair.pairs,
        "left_shared": pair.left_shared,
        "right_shared": pair.right_shared,
        "kin": pair.kin,
    }


def _family(reuse: Reuse, family: tuple[int, ...]) -> dict[str, Any]:
    members = reuse.collection.members
    return {
        "instruments": [members[m].source for m in family],
        "ids": [members[m].id for m in family],
    }


# --- the views of the HTML and Markdown templates ---------------------------------------------


def compare_command(left: str, right: str) -> str:
    """The command that compares two sources clause by clause."""
    return f"treatydiff compare {shlex.quote(left)} {shlex.quote(right)} --format html"


@dataclass(frozen=True)
class _Row:
    """A clause in a lineage or a list of matches."""

    adopted: str | None
    instrument: str
    source: str
    title: str
    eid: str
    label: str
    text: str
    similarity: float
    command: str | None  # comparing its source with the first of the lineage

    @classmethod
    def of(cls, reuse: Reuse, n: int, similarity: float, first: str | None) -> _Row:
        ref = reuse.clauses[n]
        member = reuse.collection.members[ref.member]
        command = (
            None
            if first is None or first == member.source
            else compare_command(first, member.source)
        )
        return cls(
            member.adopted,
            member.id,
            member.source,
            member.title,
            ref.clause.eid,
            ref.clause.label,
            ref.clause.text,
            similarity,
            command,
        )


@dataclass(frozen=True)
class _FamilyView:
    number: int
    members: tuple[Member, ...]
    shared: tuple[tuple[int | None, ...], ...]  # clauses of the row's recurring in the column's
    commands: tuple[tuple[str | None, ...], ...]
    kin: tuple[tuple[str, str, int, str], ...]  # left id, right id, clause pairs, command


@dataclass(frozen=True)
class _View:
    title: str
    options: dict[str, Any]
    summary: dict[str, int]
    reasons: tuple[tuple[str, int], ...]
    skipped: tuple[tuple[str, str], ...]
    families: tuple[_FamilyView, ...]
    lineages: tuple[tuple[int, tuple[_Row, ...]], ...]  # instruments, rows

    @classmethod
    def of(cls, reuse: Reuse, aggregates: Aggregates | None) -> _View:
        collection = reuse.collection
        families: list[_FamilyView] = []
        lineages: list[tuple[int, tuple[_Row, ...]]] = []
        summary: dict[str, int] = {}
        if aggregates is not None:
            summary = _summary(reuse, aggregates)
            families = [_family_view(reuse, aggregates, n) for n in range(len(aggregates.families))]
            for shared in aggregates.shared_clauses:
                first = reuse.collection.members[
                    reuse.clauses[shared.carriers[0].clause].member
                ].source
                rows = tuple(_Row.of(reuse, c.clause, c.similarity, first) for c in shared.carriers)
                lineages.append((shared.instruments, rows))
        n = len(collection.members)
        return cls(
            title=f"Clause reuse in {n} instrument{'s' if n != 1 else ''}",
            options=_options(reuse),
            summary=summary,
            reasons=tuple(reasons(collection.skipped)),
            skipped=tuple((s.source, s.reason) for s in collection.skipped),
            families=tuple(families),
            lineages=tuple(lineages),
        )

    def kin_pairs(self, limit: int) -> list[tuple[str, str, int, str]]:
        """The kin pairs of every family, at most ``limit``."""
        return [pair for family in self.families for pair in family.kin][:limit]


def _family_view(reuse: Reuse, aggregates: Aggregates, number: int) -> _FamilyView:
    family = aggregates.families[number]
    members = reuse.collection.members
    position = {m: k for k, m in enumerate(family)}
    size = len(family)
    shared: list[list[int | None]] = [[None] * size for _ in range(size)]
    commands: list[list[str | None]] = [[None] * size for _ in range(size)]
    kin: list[tuple[str, str, int, str]] = []
    for pair in aggregates.instrument_pairs:
        if pair.left not in position or pair.right not in position:
            continue
        a, b = position[pair.left], position[pair.right]
        shared[a][b], shared[b][a] = pair.left_shared, pair.right_shared
        command = compare_command(members[pair.left].source, members[pair.right].source)
        commands[a][b] = commands[b][a] = command
        if pair.kin:
            kin.append((members[pair.left].id, members[pair.right].id, pair.pairs, command))
    return _FamilyView(
        number + 1,
        tuple(members[m] for m in family),
        tuple(map(tuple, shared)),
        tuple(map(tuple, commands)),
        tuple(kin),
    )
