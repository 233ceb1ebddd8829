"""Akoma Ntoso eIds: the name of every clause, derived from the structure of the text.

After the Akoma Ntoso naming convention (OASIS, "Akoma Ntoso Naming Convention Version
1.0"): an eId is its parent's eId, ``__``, and a component made of the element's
abbreviated name and its number (``art_3__para_1__point_a``). Articles are named from
their own numbers whatever container holds them (``art_3``, never ``chp_1__art_3``):
treaties number their articles through the whole instrument, and citations name them so.
Clauses without a number are numbered by position among their parent's children of the
same prefix (``preamble__p_2``); a name already given gets a suffix (``art_3_2``).

The names are Akoma Ntoso's, not a language's: the same for every language of a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from treatydiff.model import Clause
from treatydiff.segment.draft import Node

# Kind of clause -> eId prefix (the convention's abbreviations: "chp", "sec", "para"...).
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
    "attachment": "att",
    "unknown": "unknown",
}
# Kinds that stand once in their parent and carry no number.
SINGLE_KINDS = frozenset({"preface", "preamble", "conclusions", "intro", "wrapup"})
# Kinds named by position, never by a printed number; all but indents also take their
# position as their number.
_POSITIONAL_KINDS = frozenset({"recital", "testimonium", "formula", "indent", "unknown"})
_NUMBERED_BY_POSITION = frozenset({"recital", "testimonium", "formula"})
_CONTAINER_KINDS = frozenset({"part", "chapter", "section", "title", "subsection", "attachment"})
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


def positional_prefix(kind: str, num: str | None) -> str | None:
    """The prefix of a clause of ``kind`` with printed number ``num`` when it is named by
    its position (recitals, final formulas and unnumbered paragraphs share "p" and are
    counted together); None for a clause named by its number or standing alone."""
    if kind in _POSITIONAL_KINDS or (kind in _CONTAINER_KINDS and not num):
        return EID_PREFIX[kind]
    if kind == "paragraph" and not num:
        return _UNNUMBERED_PARAGRAPH
    return None


def component(kind: str, num: str | None, *, position: int) -> str:
    """The eId component of a clause of ``kind`` with printed number ``num``; ``position``
    (1-based) is its place among its parent's children of its positional prefix, used
    where it is named by position.

    Raises ValueError for a kind without a prefix.
    """
    if kind in SINGLE_KINDS:
        return kind
    prefix = positional_prefix(kind, num)
    if prefix is not None:
        return f"{prefix}_{position}"
    if kind in EID_PREFIX:
        return f"{EID_PREFIX[kind]}_{number_token(num or '')}"
    raise ValueError(f"unexpected clause kind {kind}")


class Names:
    """The eIds given so far in one instrument, and the positions counted per parent."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str], int] = {}
        self._used: set[str] = set()
        # The last suffix given to each eId taken: names are never freed, so the search for
        # the next one starts there (from 2 on each time, 3,000 articles "1" took seconds).
        self._suffixes: dict[str, int] = {}

    def position(self, parent: str, prefix: str) -> int:
        """The next position (1, 2, ...) under ``parent`` among clauses of ``prefix``."""
        self._counts[parent, prefix] = self._counts.get((parent, prefix), 0) + 1
        return self._counts[parent, prefix]

    def unique(self, eid: str) -> str:
        """``eid``, or where it is taken ``eid_2``, ``eid_3``...; taken from now on."""
        n = self._suffixes.get(eid, 1)
        candidate = eid if n == 1 else f"{eid}_{n}"
        while candidate in self._used:
            n += 1
            candidate = f"{eid}_{n}"
        self._suffixes[eid] = n
        self._used.add(candidate)
        return candidate


def freeze(nodes: Iterable[Node]) -> tuple[Clause, ...]:
    """The clauses of the draft ``nodes`` (the top level of a body, in document order)
    that hold any words, named. The nodes are not changed.

    An attachment numbers its articles afresh (an annexed statute's article 1): they are
    named inside it (``att_1__art_1``)."""
    names = Names()
    return tuple(_freeze(node, "", names, "") for node in nodes if node.has_content)


def _freeze(node: Node, parent_eid: str, names: Names, scope: str) -> Clause:
    prefix = positional_prefix(node.kind, node.num)
    position = names.position(parent_eid, prefix) if prefix is not None else 0
    num = str(position) if node.kind in _NUMBERED_BY_POSITION else node.num
    own = component(node.kind, node.num, position=position)
    if node.kind == "article" and scope:
        eid = names.unique(f"{scope}__{own}")
    else:
        eid = names.unique(child_eid(parent_eid, node.kind, own))
    if node.kind == "attachment":
        scope = eid
    children: list[Clause] = []
    members = node.children
    if node.text and node.children:
        unnumbered = [c for c in node.children if c.kind == "paragraph" and not c.num]
        if node.kind == "article" and unnumbered and not node.text.endswith(":"):
            # The article's first block is its first unnumbered paragraph, not a chapeau.
            members = [Node("paragraph", text=node.text, line=node.line), *node.children]
        else:
            children.append(Clause(f"{eid}__intro", "intro", text=node.text, line=node.line))
    children.extend(_freeze(child, eid, names, scope) for child in members)
    return Clause(
        eid=eid,
        kind=node.kind,
        num=num,
        # A container printed without a title ("PART II" alone) has its heading line as
        # its heading: the line is a compared unit, so a deleted or changed one is a change.
        heading=node.heading or node.designation,
        text="" if node.children else node.text,
        line=node.line,
        children=tuple(children),
    )
