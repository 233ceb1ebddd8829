"""Word's automatic list numbers, computed from the numbering definitions.

The numbers of an automatically numbered paragraph ("1.", "(a)", "(iv)") are not in the
text of a Word file: Word computes them from ``numbering.xml`` as it lays the document
out. They are computed here the same way (ECMA-376 Part 1, 17.9 "Numbering"): each
paragraph names a numbering instance (``w:numId``) and a level (``w:ilvl``); the instance
names an abstract definition whose levels give a start value, a number format and a level
text such as ``"%1."`` or ``"(%2)"``; a level restarts when a level above it is used.
Instances of one abstract definition continue one sequence unless an instance overrides
the start value (Word's "Restart numbering"), as Word and LibreOffice number them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from lxml import etree

from treatydiff.formats.document import format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_VAL = f"{{{W}}}val"


def w(tag: str) -> str:
    """The Clark name of a WordprocessingML element or attribute (``w("p")``)."""
    return f"{{{W}}}{tag}"


@dataclass(frozen=True)
class Level:
    """One level of a list definition (``w:lvl``).

    ``restart`` is the 1-based level after whose use this one starts again (None: after
    any level above it; 0: never); ``legal`` writes every number of the level text in
    decimal (``w:isLgl``); ``suffix`` is what follows the number: "tab", "space" or
    "nothing"; ``style`` the paragraph style linked to the level.
    """

    start: int = 1
    fmt: str = "decimal"
    text: str = ""
    restart: int | None = None
    legal: bool = False
    suffix: str = "tab"
    style: str | None = None


@dataclass(frozen=True)
class Definitions:
    """The numbering definitions of a document: levels by abstract definition, and for
    each numbering instance its abstract definition and overrides."""

    levels: Mapping[str, Mapping[int, Level]]
    abstract_of: Mapping[str, str]
    start_overrides: Mapping[str, Mapping[int, int]]
    level_overrides: Mapping[str, Mapping[int, Level]]

    def level(self, num_id: str, ilvl: int) -> Level | None:
        override = self.level_overrides.get(num_id, {}).get(ilvl)
        if override is not None:
            return override
        return self.levels.get(self.abstract_of.get(num_id, ""), {}).get(ilvl)

    def level_of_style(self, num_id: str, style: str | None) -> int:
        """The level linked to paragraph style ``style`` in instance ``num_id`` (0 if none)."""
        levels = self.levels.get(self.abstract_of.get(num_id, ""), {})
        return next((i for i, lvl in sorted(levels.items()) if lvl.style == style), 0)


EMPTY = Definitions({}, {}, {}, {})


def _int(element: etree._Element | None, default: int | None = None) -> int | None:
    if element is None:
        return default
    try:
        return int(element.get(_VAL) or "")
    except ValueError:
        return default


def _ilvl(element: etree._Element) -> int:
    value = element.get(w("ilvl"), "0")
    return int(value) if value.isdigit() else 0


def _read_level(lvl: etree._Element, base: Level | None = None) -> Level:
    level = base or Level()
    fmt = lvl.find(w("numFmt"))
    text = lvl.find(w("lvlText"))
    suffix = lvl.find(w("suff"))
    style = lvl.find(w("pStyle"))
    legal = lvl.find(w("isLgl"))
    return replace(
        level,
        start=_int(lvl.find(w("start")), level.start) or 0,
        fmt=fmt.get(_VAL, level.fmt) if fmt is not None else level.fmt,
        text=text.get(_VAL, "") if text is not None else level.text,
        restart=_int(lvl.find(w("lvlRestart")), level.restart),
        legal=legal is not None and legal.get(_VAL, "1") not in ("0", "false", "off"),
        suffix=suffix.get(_VAL, "tab") if suffix is not None else level.suffix,
        style=style.get(_VAL) if style is not None else level.style,
    )


def read_definitions(root: etree._Element, style_numbers: Mapping[str, str]) -> Definitions:
    """The definitions in a ``w:numbering`` element.

    ``style_numbers`` maps numbering style ids to the instance their ``w:numPr`` names:
    an abstract definition that only links a numbering style (``w:numStyleLink``) takes
    the levels of that instance's definition.
    """
    levels: dict[str, dict[int, Level]] = {}
    links: dict[str, str] = {}
    for abstract in root.iter(w("abstractNum")):
        key = abstract.get(w("abstractNumId"), "")
        levels[key] = {_ilvl(lvl): _read_level(lvl) for lvl in abstract.iter(w("lvl"))}
        link = abstract.find(w("numStyleLink"))
        if link is not None:
            links[key] = link.get(_VAL, "")
    abstract_of: dict[str, str] = {}
    starts: dict[str, dict[int, int]] = {}
    overrides: dict[str, dict[int, Level]] = {}
    for num in root.iter(w("num")):
        num_id = num.get(w("numId"), "")
        abstract_id = num.find(w("abstractNumId"))
        abstract_of[num_id] = abstract_id.get(_VAL, "") if abstract_id is not None else ""
        for override in num.iter(w("lvlOverride")):
            ilvl = _ilvl(override)
            start = _int(override.find(w("startOverride")))
            if start is not None:
                starts.setdefault(num_id, {})[ilvl] = start
            lvl = override.find(w("lvl"))
            if lvl is not None:
                overrides.setdefault(num_id, {})[ilvl] = _read_level(lvl)
    for key, style in links.items():
        target = abstract_of.get(style_numbers.get(style, ""), "")
        if target in levels and target not in links:
            levels[key] = levels[target]
    return Definitions(levels, abstract_of, starts, overrides)


# Every bullet is read as one sign, whatever glyph of a symbol font draws it (often a
# private-use character): its shape is formatting, and the segmenter reads it as an indent.
_BULLET = "\u2022"


_PLACEHOLDER = re.compile(r"%([1-9])")


class ListNumbers:
    """The list numbers Word shows, paragraph after paragraph in document order."""

    def __init__(self, definitions: Definitions) -> None:
        self.definitions = definitions
        self.counts: dict[str, dict[int, int]] = {}  # abstract id -> level -> current number
        self.used: set[str] = set()  # instances seen, for their start overrides

    def label(self, num_id: str, ilvl: int) -> str:
        """The number of the next paragraph of instance ``num_id`` at level ``ilvl``, with
        its suffix ("1. ", "(a) ", "" for an undefined list or a level without text)."""
        level = self.definitions.level(num_id, ilvl)
        abstract = self.definitions.abstract_of.get(num_id)
        if level is None or abstract is None:
            return ""
        counts = self.counts.setdefault(abstract, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for lvl, start in self.definitions.start_overrides.get(num_id, {}).items():
                counts[lvl] = start - 1
        counts[ilvl] = counts[ilvl] + 1 if ilvl in counts else level.start
        for deeper in [d for d in counts if d > ilvl]:
            restart = self._level(num_id, deeper).restart
            if restart != 0 and ilvl < (deeper if restart is None else restart):
                del counts[deeper]
        if level.fmt == "bullet":
            return f"{_BULLET} " if level.text else ""

        def number(match: re.Match[str]) -> str:
            at = int(match[1]) - 1
            at_level = self._level(num_id, at)
            value = counts.get(at, at_level.start)
            return format_number(value, "decimal" if level.legal else at_level.fmt)

        text = _PLACEHOLDER.sub(number, level.text)
        if not text:
            return ""
        return text if level.suffix == "nothing" else f"{text} "

    def _level(self, num_id: str, ilvl: int) -> Level:
        return self.definitions.level(num_id, ilvl) or Level()
