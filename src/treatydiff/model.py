"""The data model: frozen dataclasses for instruments and their clause trees.

Clause ids follow the Akoma Ntoso naming convention (``art_3__para_1__point_a``); they
derive only from the text's structure, never from the order of a run. The kinds of clause
are those of Akoma Ntoso (``ClauseKind``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, Literal

from treatydiff.normalize import comparison_key, scored_words

ClauseKind = Literal[
    "preface",  # container of the lines under the title: adoption, entry into force
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
    "attachment",  # an annex, appendix, schedule or annexed protocol, with its own items
    "unknown",  # a construct of the source the segmenter could not place (see Guess)
    # Compared units that are not nodes of the body (see ``Instrument.leaves``):
    "heading",  # the caption of an article or the title of a container, as a unit of its own
    "docTitle",  # the title of the instrument
    "authorialNote",  # a footnote or endnote, attached to the clause that cites it
]

HEADING_KIND = "heading"
DOC_TITLE_KIND = "docTitle"
NOTE_KIND = "authorialNote"
# The eId of the title unit, and the last component of a caption unit's eId: Akoma
# Ntoso's element names (``<docTitle>``, ``<heading>``), which the naming convention
# gives no eId of their own.
DOC_TITLE_EID = "docTitle"
HEADING_EID_SUFFIX = "__heading"
# A note's eId is its owner's, ``__authorialNote_``, and its place among the owner's notes
# (the naming convention abbreviates no ``authorialNote``: ``art_1__para_1__authorialNote_1``).
NOTE_EID_INFIX = "__authorialNote_"

CONTAINER_KINDS: frozenset[str] = frozenset(
    {"preamble", "part", "chapter", "section", "title", "subsection", "conclusions", "attachment"}
)


@dataclass(frozen=True)
class Note:
    """A footnote or endnote (Akoma Ntoso ``authorialNote``), kept apart from the text of
    the clause that cites it.

    Attributes:
        marker: The mark the reader sees where the note is cited ("1", "*", "†",
            "iv"), without brackets.
        text: The note's words, whitespace collapsed.
        line: The 1-based source line where the note's text stands; None when the source
            does not tell.
    """

    marker: str
    text: str
    line: int | None = None


@dataclass(frozen=True)
class Clause:
    """One node of the clause tree: an article, a paragraph, a recital, a point...

    Attributes:
        eid: The Akoma Ntoso eId, unique in the instrument: ``art_3__para_1__point_a``,
            ``preamble__p_2`` (the path of the clause's ancestors and itself).
        kind: The kind of clause, one of ``ClauseKind``: ``"article"``,
            ``"paragraph"``, ``"recital"``, ``"intro"`` (the chapeau of a list)...
        num: The number or letter as the source gives it, without brackets: ``"3"``,
            ``"a"``, ``"iv"``; None for an unnumbered clause.
        heading: A caption (``"Definitions"``) or a container's title; None if none.
        text: The display text of the clause itself: the source's words, punctuation and
            capitalization, whitespace collapsed (see ``normalize.display_text``); empty
            for a node whose words all sit in its children.
        line: The 1-based line of the source where the clause starts; None when the
            source does not tell.
        children: The clauses inside this one, in document order.
        notes: The notes the clause's text cites, in the order of their markers: no
            words of ``text``; each is a compared unit of its own (``Instrument.leaves``).

    Examples:
        >>> import treatydiff
        >>> clause = treatydiff.load("examples/opsc-preamble-ohchr.txt").leaves[4].clause
        >>> clause.eid, clause.kind, clause.num, clause.line, clause.is_leaf
        ('preamble__p_1', 'recital', '1', 8, True)
        >>> clause.text[:38]
        'Considering that, in order further to '
    """

    eid: str
    kind: str
    num: str | None = None
    heading: str | None = None
    text: str = ""
    line: int | None = None
    children: tuple[Clause, ...] = ()
    notes: tuple[Note, ...] = ()

    @property
    def is_leaf(self) -> bool:
        """True when the clause has no children: its ``text`` is all its words."""
        return not self.children

    def walk(self) -> Iterator[Clause]:
        """This clause and all its descendants, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Metadata:
    """Facts about one version of an instrument. A fact the source does not state stays
    None: nothing is guessed.

    Attributes:
        adoption: The adoption line as the source states it ("Adopted and opened for
            signature ... by General Assembly resolution 54/263 of 25 May 2000").
        adopted: The date of adoption, ISO 8601 (``"2000-05-25"``).
        entry_into_force: The date of entry into force, ISO 8601.
        depositary: The depositary, as the source names it.
        version: The version label: a date (``"2012-10-31"``) or a source name
            (``"ohchr"``).
        language: The language of the text, ISO 639-1 (``"en"``).
        source: The path or URL the text was read from (``"-"`` for standard input).
        sha256: The hex SHA-256 of the source bytes read.
        format: The input format the text was read as (``"un-text"``, ``"akn"``...).
        pages: For a paged source (a PDF), where each page starts: ``"PAGE:LINE ..."``,
            the first source line of each page (``"1:1 2:41 3:77"``); ``position`` turns
            a clause's ``line`` into its page and line on the page.
        caveats: Known damage of the source that a reader of a comparison must know
            ("article 13 holds website footer text instead of the article"), each one
            non-empty line; the catalogue states them for its pinned sources, and every
            comparison report shows them beside the source.

    Examples:
        >>> import treatydiff
        >>> facts = treatydiff.load("examples/opsc-preamble-ohchr.txt").metadata
        >>> facts.adopted, facts.entry_into_force, facts.format, facts.depositary
        ('2000-05-25', '2002-01-18', 'un-text', None)
    """

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
    caveats: tuple[str, ...] = ()

    def as_fields(self) -> dict[str, str]:
        """The stated facts as strings, by field name, for the formats that store them
        as named strings (the treatydiff form, Akoma Ntoso's proprietary metadata):
        ``caveats`` one a line. ``from_fields`` reads them back."""
        out: dict[str, str] = {}
        for name in METADATA_FIELDS:
            value = getattr(self, name)
            if isinstance(value, tuple):
                value = "\n".join(value) or None
            if value is not None:
                out[name] = value
        return out

    @classmethod
    def from_fields(cls, values: Mapping[str, str]) -> Metadata:
        """The metadata ``as_fields`` wrote; names not in ``METADATA_FIELDS`` ignored."""
        facts: dict[str, Any] = {k: v for k, v in values.items() if k in METADATA_FIELDS}
        if "caveats" in facts:
            facts["caveats"] = tuple(facts["caveats"].split("\n"))
        return cls(**facts)

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


# The names of Metadata's fields, as the formats that store them write them.
METADATA_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Metadata))


GuessKind = Literal[
    "encoding",  # the text encoding was detected, not stated
    "number mid-line",  # a number at a line start read as text, or one inside a line read
    "caption",  # a short line after a heading read as its caption
    "header dropped",  # a line read as a running header, footer or page number
    "note",  # a line read as a footnote, or a mark glued to a word read as its marker
    "unknown",  # a construct the segmenter could not place: a clause of kind "unknown"
    "hyphen",  # a line-end hyphen kept that may only break a word ("re-" / "sign")
    "left out",  # text of a layout document left out of the clauses: a Word text box or
    # hidden text, a web page's navigation or footer (what it was taken for in the detail)
]


@dataclass(frozen=True)
class Guess:
    """A decision a reader made on weak evidence, for a user to check (``show --explain``).

    Attributes:
        kind: What was decided (``GuessKind``).
        line: The 1-based source line it concerns; None when the source does not tell.
        text: The source text it concerns, as read (a dropped header, the caption).
        detail: What was made of it, in a few words ("read as the caption of article 3").
    """

    kind: GuessKind
    line: int | None
    text: str
    detail: str = ""


@dataclass(frozen=True)
class LeafView:
    """A clause with its ancestors (outermost first), for labels and reports.

    Attributes:
        clause: The clause.
        ancestors: The clauses it sits in, outermost first (the article, then the
            paragraph...); empty for a clause at the top of the body.
    """

    clause: Clause
    ancestors: tuple[Clause, ...]

    @property
    def path(self) -> tuple[Clause, ...]:
        """The ancestors and the clause itself, outermost first."""
        return (*self.ancestors, self.clause)


@dataclass(frozen=True)
class Instrument:
    """One version of a treaty, protocol or other instrument, as a clause tree.

    ``treatydiff.load`` makes one from a source file; ``treatydiff.compare`` compares two.

    Attributes:
        id: A short id: the catalogue's (``"opsc"``), the one the source states, or the
            file's stem (``"opsc-preamble-ohchr"``, ``"opsc@2012-10-31"`` for a file named
            by its date).
        title: The title as the source gives it.
        metadata: Facts about this version and its source (see ``Metadata``).
        body: The top-level clauses in document order: the preamble (a container of
            formulas and recitals), articles or their parts and chapters, the
            conclusions, the attachments (annexes). Every word of the text sits in
            exactly one compared unit (see ``leaves``).
        guesses: The decisions the reader made on weak evidence, in source order (see
            ``Guess``): no part of the instrument's identity (not compared, not stored).

    Examples:
        >>> import treatydiff
        >>> preamble = treatydiff.load("examples/opsc-preamble-ohchr.txt")
        >>> preamble.title[:47]
        'Optional Protocol to the Convention on the Righ'
        >>> [(clause.eid, len(clause.children)) for clause in preamble.body]
        [('preface', 2), ('preamble', 13)]
        >>> preamble.by_eid["preamble__p_12"].clause.line
        48
    """

    id: str
    title: str
    metadata: Metadata = field(default_factory=Metadata)
    # Out of the repr: printing an instrument shows what it is, not its whole text.
    body: tuple[Clause, ...] = field(default=(), repr=False)
    guesses: tuple[Guess, ...] = field(default=(), compare=False, repr=False)

    def walk(self) -> Iterator[Clause]:
        """Every clause of the body, containers included, in document order."""
        for clause in self.body:
            yield from clause.walk()

    @cached_property
    def leaves(self) -> tuple[LeafView, ...]:
        """The compared units in document order: every word of the instrument sits in
        exactly one, and every one takes part in alignment and diff.

        They are the leaf clauses of the body, and three kinds of unit that are no
        nodes of it: the title (kind ``"docTitle"``, eId ``"docTitle"``, first, when the
        instrument has one); each caption or container title (kind ``"heading"``, eId
        ``<owner eId>__heading``, right before the first unit inside its owner); and
        each note (kind ``"authorialNote"``, eId ``<owner eId>__authorialNote_<n>``, num
        its marker, right after its owner's own unit, or after its owner's heading when
        the owner has children). An attached unit's ancestors are its owner's path. A
        caption or note is compared as text of its own, so a changed caption or note is
        a change, never a silent one, and never a change of its owner's wording.
        """
        out: list[LeafView] = []
        if self.title:
            out.append(LeafView(Clause(DOC_TITLE_EID, DOC_TITLE_KIND, text=self.title), ()))

        def visit(clause: Clause, ancestors: tuple[Clause, ...]) -> None:
            path = (*ancestors, clause)
            if clause.heading:
                out.append(LeafView(_heading_unit(clause), path))
            if clause.is_leaf:
                # A childless container holds its heading alone: it is no unit of its own.
                if clause.text or not (clause.heading or clause.notes):
                    out.append(LeafView(clause, ancestors))
                out.extend(LeafView(note, path) for note in note_units(clause))
                return
            out.extend(LeafView(note, path) for note in note_units(clause))
            for child in clause.children:
                visit(child, path)

        for top in self.body:
            visit(top, ())
        return tuple(out)

    @cached_property
    def leaf_keys(self) -> tuple[str, ...]:
        """The comparison key of each leaf's text, as ``leaves`` orders them: computed
        once per instrument, however many comparisons it takes part in."""
        return tuple(comparison_key(leaf.clause.text) for leaf in self.leaves)

    @cached_property
    def leaf_words(self) -> tuple[tuple[str, ...], ...]:
        """The words each leaf's comparison key is scored on (``normalize.scored_words``),
        as ``leaves`` orders them: computed once per instrument, however many comparisons
        it takes part in."""
        return tuple(tuple(scored_words(key)) for key in self.leaf_keys)

    @cached_property
    def by_eid(self) -> dict[str, LeafView]:
        """Every clause (leaf or not) and every compared unit (``leaves``) by eId, with
        its ancestors."""
        out: dict[str, LeafView] = {}

        def visit(clause: Clause, ancestors: tuple[Clause, ...]) -> None:
            out[clause.eid] = LeafView(clause, ancestors)
            for child in clause.children:
                visit(child, (*ancestors, clause))

        for top in self.body:
            visit(top, ())
        for unit in self.leaves:
            out.setdefault(unit.clause.eid, unit)
        return out

    @property
    def preamble(self) -> Clause | None:
        """The preamble container (kind ``"preamble"``), or None when the text has none.
        It need not open the body: a preface (the adoption and entry-into-force lines
        under the title) stands before it."""
        return next((c for c in self.body if c.kind == "preamble"), None)

    def articles(self) -> list[Clause]:
        """The articles, in document order (none for a preamble alone)."""
        return [c for c in self.walk() if c.kind == "article"]

    def with_metadata(self, **changes: Any) -> Instrument:
        """A copy with the named ``Metadata`` fields changed."""
        return replace(self, metadata=replace(self.metadata, **changes))

    def with_source(self, *, id: str, source: str, sha256: str) -> Instrument:
        """A copy named after the source it was read from: ``id``, ``metadata.source`` and
        ``metadata.sha256`` (hex) set. The title and body are the same objects, so what
        was already derived from them alone (``leaves``, ``leaf_keys``, ``leaf_words``,
        ``by_eid``) is kept rather than computed again: an instrument from the cache of
        imported instruments (``formats.cache``) comes with them."""
        copy = replace(self, id=id, metadata=replace(self.metadata, source=source, sha256=sha256))
        derived = {name: self.__dict__[name] for name in _TEXT_DERIVED if name in self.__dict__}
        copy.__dict__.update(derived)
        return copy


# The cached properties of an Instrument computed from its title and body alone.
_TEXT_DERIVED = ("leaves", "leaf_keys", "leaf_words", "by_eid")


# The kinds of compared unit that are not nodes of the body, and those of them attached
# to an owner clause (paired through their owners, see ``engine.attached``).
UNIT_KINDS: frozenset[str] = frozenset({HEADING_KIND, DOC_TITLE_KIND, NOTE_KIND})
ATTACHED_KINDS: frozenset[str] = frozenset({HEADING_KIND, NOTE_KIND})


def _heading_unit(owner: Clause) -> Clause:
    """The caption or container title of ``owner`` as a compared unit."""
    return Clause(
        f"{owner.eid}{HEADING_EID_SUFFIX}", HEADING_KIND, text=owner.heading or "", line=owner.line
    )


def note_units(owner: Clause) -> tuple[Clause, ...]:
    """The notes of ``owner`` as compared units, in order: ``num`` the marker, ``text``
    the note's words, ``line`` the note's source line (else the owner's)."""
    return tuple(
        Clause(
            f"{owner.eid}{NOTE_EID_INFIX}{n}",
            NOTE_KIND,
            num=note.marker,
            text=note.text,
            line=note.line if note.line is not None else owner.line,
        )
        for n, note in enumerate(owner.notes, start=1)
    )
