"""Notes attached to the clauses that cite them.

An importer finds a note's marker at a place of the source (a line, a Word paragraph) and
its text elsewhere (the foot of a page, the notes part of a Word file); here the note goes
to the clause whose words stand at that place: the last clause of the body, in document
order, that starts at or before it. The clause keeps its words; the note is a compared
unit of its own (``model.Instrument.leaves``).

An editorial line of a print (the Dutch Treaty Series' "Treedt in werking ..." under an
article's caption) stands in a clause rather than in its text: it goes to the innermost
clause, container or leaf, that starts at or before it (``inside=True``), so a line
between an article's heading and its first paragraph is the article's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from treatydiff.model import Clause, Note


def attach(
    body: tuple[Clause, ...], cited: Sequence[tuple[int, Note]], *, inside: bool = False
) -> tuple[Clause, ...]:
    """``body`` with each note of ``cited`` (the 1-based source line or paragraph index
    where its marker stands, the note) added to the notes of the leaf clause standing
    there (with ``inside``, of the innermost clause, container or leaf, standing there),
    in the order given. A note cited before the first clause goes to that clause; with
    no clause that has a line, the body is returned unchanged."""
    leaves = [c for top in body for c in top.walk() if (inside or c.is_leaf) and c.line is not None]
    if not cited or not leaves:
        return body
    starts = [leaf.line or 0 for leaf in leaves]
    added: dict[str, list[Note]] = {}
    for line, note in cited:
        owner = leaves[max(bisect_right(starts, line) - 1, 0)]
        added.setdefault(owner.eid, []).append(note)
    return tuple(_with_notes(clause, added) for clause in body)


def _with_notes(clause: Clause, added: dict[str, list[Note]]) -> Clause:
    children = tuple(_with_notes(child, added) for child in clause.children)
    notes = added.get(clause.eid)
    if notes is None and children == clause.children:
        return clause
    return replace(clause, children=children, notes=(*clause.notes, *(notes or ())))
