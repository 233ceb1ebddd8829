"""The data model: frozen dataclasses for instruments and their clause trees.

Clause ids follow the Akoma Ntoso naming convention (``art_3__para_1__point_a``); they
derive only from the text's structure, never from the order of a run.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Literal

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
    # A paged source (PDF): the first source line of each page, "PAGE:LINE PAGE:LINE ...",
    # so that a clause's ``line`` gives its page (see ``position``).
    pages: str | None = None

    def position(self, line: int) -> tuple[int, int] | None:
        """The page of source line ``line`` and the line's number on that page (both
        1-based), or None for a source without pages."""
        found: tuple[int, int] | None = None
        for entry in (self.pages or "").split():
            page, _, first = entry.partition(":")
            if int(first) > line:
                break
            found = (int(page), line - int(first) + 1)
        return found


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
