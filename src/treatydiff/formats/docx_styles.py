"""Word styles: paragraph and character properties inherited along ``w:basedOn``, and
the paragraph properties read from a style or a paragraph (outline level, alignment,
list numbering)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from treatydiff.formats.docx_numbering import w

_VAL = w("val")

TRUE = ("1", "true", "on")  # the values of a set toggle or flag attribute


def on(element: etree._Element | None) -> bool:
    """Whether a toggle property (``<w:b/>``, ``<w:b w:val="0"/>``) is set."""
    return element is not None and element.get(_VAL, "true") not in ("0", "false", "off")


@dataclass(frozen=True)
class Style:
    """One style's own properties (None: inherited from its base style)."""

    name: str
    based_on: str | None
    outline: int | None
    centered: bool | None
    bold: bool | None
    num_id: str | None
    ilvl: int | None


class Styles:
    """Paragraph and character styles, with properties inherited along ``w:basedOn``."""

    def __init__(self, root: etree._Element | None) -> None:
        self.styles: dict[str, Style] = {}
        self.default: str | None = None
        for style in [] if root is None else root.iter(w("style")):
            key = style.get(w("styleId"), "")
            name = style.find(w("name"))
            based = style.find(w("basedOn"))
            ppr = style.find(w("pPr"))
            rpr = style.find(w("rPr"))
            num_id, ilvl = numbering_of(ppr)
            self.styles[key] = Style(
                name=name.get(_VAL, key) if name is not None else key,
                based_on=based.get(_VAL) if based is not None else None,
                outline=outline_level(ppr),
                centered=is_centered(ppr),
                bold=on(rpr.find(w("b")))
                if rpr is not None and rpr.find(w("b")) is not None
                else None,
                num_id=num_id,
                ilvl=ilvl,
            )
            if style.get(w("type")) == "paragraph" and style.get(w("default")) in TRUE:
                self.default = key

    def chain(self, key: str | None) -> Iterator[Style]:
        """The style ``key`` (the default paragraph style for None), then its bases."""
        seen: set[str] = set()
        current = key if key is not None else self.default
        while current is not None and current in self.styles and current not in seen:
            seen.add(current)
            style = self.styles[current]
            yield style
            current = style.based_on

    def name(self, key: str | None) -> str:
        return next((s.name for s in self.chain(key)), "")

    def outline(self, key: str | None) -> int | None:
        return next((s.outline for s in self.chain(key) if s.outline is not None), None)

    def centered(self, key: str | None) -> bool:
        return next((s.centered for s in self.chain(key) if s.centered is not None), False)

    def bold(self, key: str | None) -> bool:
        return next((s.bold for s in self.chain(key) if s.bold is not None), False)

    def numbering(self, key: str | None) -> tuple[str | None, int | None]:
        return next(
            ((s.num_id, s.ilvl) for s in self.chain(key) if s.num_id is not None), (None, None)
        )


def outline_level(ppr: etree._Element | None) -> int | None:
    """The outline level of paragraph properties ``ppr`` (0-8 headings, 9 body text)."""
    level = ppr.find(w("outlineLvl")) if ppr is not None else None
    value = level.get(_VAL, "") if level is not None else ""
    return int(value) if value.isdigit() else None


def is_centered(ppr: etree._Element | None) -> bool | None:
    """Whether paragraph properties ``ppr`` centre the paragraph (None: not said)."""
    jc = ppr.find(w("jc")) if ppr is not None else None
    return jc.get(_VAL) == "center" if jc is not None else None


def numbering_of(ppr: etree._Element | None) -> tuple[str | None, int | None]:
    """The numbering instance and level that paragraph properties ``ppr`` name."""
    num_pr = ppr.find(w("numPr")) if ppr is not None else None
    if num_pr is None:
        return None, None
    num_id = num_pr.find(w("numId"))
    ilvl = num_pr.find(w("ilvl"))
    level = ilvl.get(_VAL, "") if ilvl is not None else ""
    return (
        num_id.get(_VAL) if num_id is not None else None,
        int(level) if level.isdigit() else None,
    )
