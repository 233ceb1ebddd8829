"""Akoma Ntoso eIds: the name of every clause, derived from the structure of the text.

Follows the Akoma Ntoso naming convention (OASIS LegalDocML, "Akoma Ntoso Naming
Convention Version 1.0", section 5.2): an eId is its parent's eId, ``__``, and a
component made of the element's prefix and its number (``art_3__para_1__point_a``).
Articles are named from their own numbers whatever container holds them (``art_3``,
never ``chp_1__art_3``), as the convention allows and citations expect. Clauses without a
number are numbered by position among their parent's children of the same prefix
(``preamble__p_2``); a name already given gets a suffix (``art_3_2``).

The names are Akoma Ntoso's, not a language's: the same for every language of a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from treatydiff.model import Clause
from treatydiff.segment.draft import Node

# Kind of clause -> eId prefix (naming convention, section 5.2.2: "chp", "sec", "para"...).
EID_PREFIX: Mapping[str, str] = {
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "title": "title",
    "subsection": "subsec",
    "article": "art",
    "paragraph": "para",
    "point": "point",
    "indent": "indent",
    "recital": "p",
    "testimonium": "p",
    "formula": "formula",
}
# Kinds that stand once in their parent and carry no number.
SINGLE_KINDS = frozenset({"preamble", "conclusions", "intro", "wrapup"})
# Kinds named by position, never by a printed number; all but indents also take their
# position as their number.
_POSITIONAL_KINDS = frozenset({"recital", "testimonium", "formula", "indent"})
_NUMBERED_BY_POSITION = frozenset({"recital", "testimonium", "formula"})
_CONTAINER_KINDS = frozenset({"part", "chapter", "section", "title", "subsection"})
# The positional prefix of a paragraph without a number: a plain block ("p"), as for
# recitals, so that it cannot collide with a numbered paragraph's "para_1".
_UNNUMBERED_PARAGRAPH = "p"


def number_token(num: str) -> str:
    """A printed number as an eId spells it: letters and digits only ("3 bis" -> "3bis",
    "(a)" -> "a")."""
    return re.sub(r"[^0-9A-Za-z]", "", num)


def child_eid(parent: str, kind: str, component: str) -> str:
    """The eId of a clause of ``kind`` with ``component`` under the clause ``parent``
    ("" for the top): articles and top-level clauses stand alone."""
    return component if kind == "article" or not parent else f"{parent}__{component}"


def component(kind: str, num: str | None, *, position: int) -> str:
    """The eId component of a clause of ``kind`` with printed number ``num``, the
    ``position``-th (1-based) of its prefix among its parent's children where its kind is
    named by position or it has no number.

    Raises ValueError for a kind without a prefix.
    """
    if kind in SINGLE_KINDS:
        return kind
    if kind in _POSITIONAL_KINDS:
        return f"{EID_PREFIX[kind]}_{position}"
    if kind == "paragraph" and not num:
        return f"{_UNNUMBERED_PARAGRAPH}_{position}"
    if kind in _CONTAINER_KINDS and not num:
        return f"{EID_PREFIX[kind]}_{position}"
    if kind in EID_PREFIX:
        return f"{EID_PREFIX[kind]}_{number_token(num or '')}"
    raise ValueError(f"unexpected clause kind {kind}")


def position_key(kind: str, num: str | None) -> str | None:
    """What clauses are counted by when numbered by position: the prefix they share
    (recitals, final formulas and unnumbered paragraphs are all "p"); None for a clause
    named by its number."""
    if kind in _POSITIONAL_KINDS:
        return EID_PREFIX[kind]
    if kind == "paragraph" and not num:
        return _UNNUMBERED_PARAGRAPH
    if kind in _CONTAINER_KINDS and not num:
        return kind
    return None


class Names:
    """The eIds given so far in one instrument, and the positions counted per parent."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str], int] = {}
        self._used: set[str] = set()

    def position(self, parent: str, key: str) -> int:
        """The next position (1, 2, ...) under ``parent`` among clauses counted by ``key``."""
        self._counts[parent, key] = self._counts.get((parent, key), 0) + 1
        return self._counts[parent, key]

    def unique(self, eid: str) -> str:
        """``eid``, or where it is taken ``eid_2``, ``eid_3``...; taken from now on."""
        candidate, n = eid, 1
        while candidate in self._used:
            n += 1
            candidate = f"{eid}_{n}"
        self._used.add(candidate)
        return candidate


def freeze(nodes: Iterable[Node]) -> tuple[Clause, ...]:
    """The clauses of the draft ``nodes`` (the top level of a body, in document order)
    that hold any words, named. The nodes are not changed."""
    names = Names()
    return tuple(_freeze(node, "", names) for node in nodes if node.has_content)


def _freeze(node: Node, parent_eid: str, names: Names) -> Clause:
    key = position_key(node.kind, node.num)
    position = names.position(parent_eid, key) if key is not None else 0
    num = str(position) if node.kind in _NUMBERED_BY_POSITION else node.num
    own = component(node.kind, node.num, position=position)
    eid = names.unique(child_eid(parent_eid, node.kind, own))
    children: list[Clause] = []
    members = node.children
    if node.text and node.children:
        unnumbered = [c for c in node.children if c.kind == "paragraph" and not c.num]
        if node.kind == "article" and unnumbered and not node.text.endswith(":"):
            # The article's first block is its first unnumbered paragraph, not a chapeau.
            members = [Node("paragraph", text=node.text, line=node.line), *node.children]
        else:
            children.append(Clause(f"{eid}__intro", "intro", text=node.text, line=node.line))
    children.extend(_freeze(child, eid, names) for child in members)
    return Clause(
        eid=eid,
        kind=node.kind,
        num=num,
        heading=node.heading,
        text="" if node.children else node.text,
        line=node.line,
        children=tuple(children),
    )
