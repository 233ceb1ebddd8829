"""The data model: frozen dataclasses for instruments and their clause trees.

Clause ids follow the Akoma Ntoso naming convention (``art_3__para_1__point_a``); they
derive only from the text's structure, never from the order of a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

from treatydiff.normalize import comparison_key

ClauseKind = Literal[
    "preamble",  # container of the preamble
    "formula",  # "The States Parties to the present Protocol,", "Have agreed as follows:"
    "recital",
    "part",
    "chapter",
    "section",
    "title",
    "subsection",
    "article",
    "paragraph",
    "point",
    "indent",  # an unnumbered list item, set off by a dash
    "intro",  # chapeau of a list
    "wrapup",  # closing words after a list
    "conclusions",  # container of the final formulas (testimonium, "DONE at ...")
    "testimonium",
]

CONTAINER_KINDS: frozenset[str] = frozenset(
    {"preamble", "part", "chapter", "section", "title", "subsection", "conclusions"}
)


@dataclass(frozen=True)
class Clause:
    """One node of the clause tree.

    ``text`` is the display text of the clause itself (empty for a node whose words all
    sit in its children); ``heading`` is a caption or container title; ``line`` is the
    1-based line of the source where the clause starts.
    """

    eid: str
    kind: str
    num: str | None = None
    heading: str | None = None
    text: str = ""
    line: int | None = None
    children: tuple[Clause, ...] = ()

    @property
    def is_leaf(self) -> bool:
        return not self.children

    def walk(self) -> Iterator[Clause]:
        """This clause and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Metadata:
    """Facts about one version of an instrument. Unknown facts stay ``None``."""

    adoption: str | None = None  # as the source states it, e.g. "General Assembly resolution ..."
    adopted: str | None = None  # ISO date
    entry_into_force: str | None = None  # ISO date
    depositary: str | None = None
    version: str | None = None  # version label: "2012-10-31", "ohchr"
    language: str | None = None
    source: str | None = None  # path or URL the text was read from
    sha256: str | None = None
    format: str | None = None


@dataclass(frozen=True)
class LeafView:
    """A leaf clause with its ancestors (outermost first), for labels and reports."""

    clause: Clause
    ancestors: tuple[Clause, ...]

    @property
    def path(self) -> tuple[Clause, ...]:
        return (*self.ancestors, self.clause)


@dataclass(frozen=True)
class Instrument:
    id: str
    title: str
    metadata: Metadata = field(default_factory=Metadata)
    body: tuple[Clause, ...] = ()

    def walk(self) -> Iterator[Clause]:
        for clause in self.body:
            yield from clause.walk()

    @cached_property
    def leaves(self) -> tuple[LeafView, ...]:
        """Leaf clauses in document order: every word of the body sits in exactly one."""
        out: list[LeafView] = []

        def visit(clause: Clause, ancestors: tuple[Clause, ...]) -> None:
            if clause.is_leaf:
                out.append(LeafView(clause, ancestors))
                return
            for child in clause.children:
                visit(child, (*ancestors, clause))

        for top in self.body:
            visit(top, ())
        return tuple(out)

    @cached_property
    def leaf_keys(self) -> tuple[str, ...]:
        """The comparison key of each leaf's text, as ``leaves`` orders them: computed
        once per instrument, however many comparisons it takes part in."""
        return tuple(comparison_key(leaf.clause.text) for leaf in self.leaves)

    @cached_property
    def by_eid(self) -> dict[str, LeafView]:
        """Every clause (leaf or not) by eId, with its ancestors."""
        out: dict[str, LeafView] = {}

        def visit(clause: Clause, ancestors: tuple[Clause, ...]) -> None:
            out[clause.eid] = LeafView(clause, ancestors)
            for child in clause.children:
                visit(child, (*ancestors, clause))

        for top in self.body:
            visit(top, ())
        return out

    def articles(self) -> list[Clause]:
        return [c for c in self.walk() if c.kind == "article"]

    def with_metadata(self, **changes: str | None) -> Instrument:
        return replace(self, metadata=replace(self.metadata, **changes))
