"""Attached units (captions, notes) paired through their owners: each with the unit in the
same slot of the clause that the body alignment pairs its owner's clauses with, so a
caption rewritten beyond recognition still pairs with its article's. ``engine.align``
pairs the rest by content.
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.engine.comparison import Match
from treatydiff.model import Clause, Instrument, LeafView


def through_owners(
    left: Instrument,
    right: Instrument,
    body: Sequence[Match],
    ids: tuple[Sequence[int], Sequence[int]],
) -> list[Match]:
    """The attached units ``ids`` (left, right: indices into each side's ``leaves``, all of
    one kind) paired through their owners (reason ``"structure"``), given the alignment
    ``body`` of the body units; units left unpaired are in no match.

    An attached unit has a slot in its owner: the caption, or the note in the nth place
    (the part of its eId after the owner's). A left unit pairs with the unit in the same
    slot of the right clause that the body units inside its owner are mostly paired
    with (the innermost clause of the owner's kind around each partner, or the partner
    itself for an owner that is a leaf).
    """
    left_ids, right_ids = ids
    right_slot = {_slot(right.leaves[j]): j for j in right_ids}
    # Each left body unit's partners; a far pair on rare words (engine.overlap) votes for none.
    partners: dict[int, tuple[int, ...]] = {}
    moved: dict[int, bool] = {}
    for match in body:
        far = match.moved and match.reason == "words"
        for i in match.left if match.right and not far else ():
            partners[i] = match.right
            moved[i] = match.moved
    # The body units inside each clause of the left side (a leaf is inside itself).
    inside: dict[str, list[int]] = {}
    for i in partners:
        for clause in left.leaves[i].path:
            inside.setdefault(clause.eid, []).append(i)
    votes: list[tuple[int, int, int, int]] = []  # (-support, left unit, right unit, moved)
    for h in left_ids:
        owner, suffix = left.leaves[h].ancestors[-1], _slot(left.leaves[h])[1]
        support: dict[int, int] = {}
        moved_support: dict[int, int] = {}
        for i in inside.get(owner.eid, ()):
            for j in partners[i]:
                counterpart = _owner_of_kind(right.leaves[j].path, owner.kind)
                if counterpart is None and owner.is_leaf:
                    counterpart = right.leaves[j].clause.eid
                target = right_slot.get((counterpart or "", suffix))
                if target is not None:
                    support[target] = support.get(target, 0) + 1
                    moved_support[target] = moved_support.get(target, 0) + moved[i]
        for target, count in support.items():
            votes.append((-count, h, target, 2 * moved_support[target] > count))
    matches: list[Match] = []
    used_left: set[int] = set()
    used_right: set[int] = set()
    for _, h, target, was_moved in sorted(votes):
        if h not in used_left and target not in used_right:
            used_left.add(h)
            used_right.add(target)
            matches.append(Match((h,), (target,), bool(was_moved), reason="structure"))
    return matches


def _slot(unit: LeafView) -> tuple[str, str]:
    """An attached unit's owner eId and its place in the owner ("__heading",
    "__authorialNote_2")."""
    owner = unit.ancestors[-1].eid
    return owner, unit.clause.eid[len(owner) :]


def _owner_of_kind(path: Sequence[Clause], kind: str) -> str | None:
    """The eId of the innermost clause of ``kind`` in ``path``, if any."""
    for clause in reversed(path):
        if clause.kind == kind:
            return clause.eid
    return None
