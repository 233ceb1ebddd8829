"""Word's inline content that is no plain run text: symbols inserted from a symbol font
(``w:sym``) and Office Math (``m:oMath``), read as the characters a reader sees.

* ``w:sym w:font="Symbol" w:char="F0B3"`` is the Symbol font's code 0xB3 (Word adds
  0xF000, the private-use area a symbol font is mapped to): "≥". The Symbol font's codes
  are read through the Adobe Symbol Encoding (Unicode's mapping table
  VENDORS/ADOBE/symbol.txt); the pieces of large brackets and the extenders it maps to
  private-use characters are read as the bracket or line they build. A character of
  another font outside the private-use area is that character; one inside it, whose
  meaning only the font knows (Wingdings), stays as it is: a distinct character that a
  change to another symbol shows.
* Office Math is read in the linear format Word itself shows on request (UnicodeMath,
  Unicode Technical Note 28), for the structures that carry the meaning of a formula in
  a text: a fraction ``(a)/(b)``, a superscript ``a^b`` (as ``normalize`` keeps an
  exponent), a subscript ``a_b``, a radical ``√(a)``, brackets; the text runs
  (``m:t``) of everything else in order.
* A run raised or lowered (``w:vertAlign`` superscript or subscript) holding digits and
  signs alone is written in Unicode superscript or subscript characters, as the HTML
  and Markdown readers write an exponent: "10" and a raised "6" read "10⁶", which
  ``normalize`` keys apart from "106"; "article 3" and a raised "1" read "article 3¹",
  not "article 31"; "km" and a raised "2" read "km²". A raised run of letters or marks
  ("1" and "st", "M" and "me", a typed "*" after a word) stays as it is written: a Word
  note's call is its ``w:footnoteReference``, read apart; a look-alike typed in a
  raised run is a character of the text, kept (nothing lost) and compared as text.
"""

from __future__ import annotations

import re

from lxml import etree

from treatydiff.formats.docx_numbering import w
from treatydiff.formats.html_furniture import subscript, superscript

M = "http://schemas.openxmlformats.org/officeDocument/2006/math"

# The Adobe Symbol Encoding, codes 0x20-0xFE, where the character is no ASCII one of the
# same code (symbol.txt; 0xA4 is its FRACTION SLASH, which it also names DIVISION SLASH);
# the bracket pieces and extenders it maps to private-use codes as the Unicode pieces
# (U+239B-U+23AE) and line extensions, its serif and sans-serif (R), (C), TM as those.
_SYMBOL: dict[int, str] = {
    0x22: "\u2200", 0x24: "\u2203", 0x27: "\u220b", 0x2a: "\u2217", 0x2d: "\u2212",
    0x40: "\u2245", 0x41: "\u0391", 0x42: "\u0392", 0x43: "\u03a7", 0x44: "\u2206",
    0x45: "\u0395", 0x46: "\u03a6", 0x47: "\u0393", 0x48: "\u0397", 0x49: "\u0399",
    0x4a: "\u03d1", 0x4b: "\u039a", 0x4c: "\u039b", 0x4d: "\u039c", 0x4e: "\u039d",
    0x4f: "\u039f", 0x50: "\u03a0", 0x51: "\u0398", 0x52: "\u03a1", 0x53: "\u03a3",
    0x54: "\u03a4", 0x55: "\u03a5", 0x56: "\u03c2", 0x57: "\u2126", 0x58: "\u039e",
    0x59: "\u03a8", 0x5a: "\u0396", 0x5c: "\u2234", 0x5e: "\u22a5", 0x60: "\u203e",
    0x61: "\u03b1", 0x62: "\u03b2", 0x63: "\u03c7", 0x64: "\u03b4", 0x65: "\u03b5",
    0x66: "\u03c6", 0x67: "\u03b3", 0x68: "\u03b7", 0x69: "\u03b9", 0x6a: "\u03d5",
    0x6b: "\u03ba", 0x6c: "\u03bb", 0x6d: "\u03bc", 0x6e: "\u03bd", 0x6f: "\u03bf",
    0x70: "\u03c0", 0x71: "\u03b8", 0x72: "\u03c1", 0x73: "\u03c3", 0x74: "\u03c4",
    0x75: "\u03c5", 0x76: "\u03d6", 0x77: "\u03c9", 0x78: "\u03be", 0x79: "\u03c8",
    0x7a: "\u03b6", 0x7e: "\u223c",
    0xa0: "\u20ac", 0xa1: "\u03d2", 0xa2: "\u2032", 0xa3: "\u2264", 0xa4: "\u2044",
    0xa5: "\u221e", 0xa6: "\u0192", 0xa7: "\u2663", 0xa8: "\u2666", 0xa9: "\u2665",
    0xaa: "\u2660", 0xab: "\u2194", 0xac: "\u2190", 0xad: "\u2191", 0xae: "\u2192",
    0xaf: "\u2193", 0xb0: "\u00b0", 0xb1: "\u00b1", 0xb2: "\u2033", 0xb3: "\u2265",
    0xb4: "\u00d7", 0xb5: "\u221d", 0xb6: "\u2202", 0xb7: "\u2022", 0xb8: "\u00f7",
    0xb9: "\u2260", 0xba: "\u2261", 0xbb: "\u2248", 0xbc: "\u2026", 0xbd: "\u23d0",
    0xbe: "\u23af", 0xbf: "\u21b5", 0xc0: "\u2135", 0xc1: "\u2111", 0xc2: "\u211c",
    0xc3: "\u2118", 0xc4: "\u2297", 0xc5: "\u2295", 0xc6: "\u2205", 0xc7: "\u2229",
    0xc8: "\u222a", 0xc9: "\u2283", 0xca: "\u2287", 0xcb: "\u2284", 0xcc: "\u2282",
    0xcd: "\u2286", 0xce: "\u2208", 0xcf: "\u2209", 0xd0: "\u2220", 0xd1: "\u2207",
    0xd2: "\u00ae", 0xd3: "\u00a9", 0xd4: "\u2122", 0xd5: "\u220f", 0xd6: "\u221a",
    0xd7: "\u22c5", 0xd8: "\u00ac", 0xd9: "\u2227", 0xda: "\u2228", 0xdb: "\u21d4",
    0xdc: "\u21d0", 0xdd: "\u21d1", 0xde: "\u21d2", 0xdf: "\u21d3", 0xe0: "\u25ca",
    0xe1: "\u2329", 0xe2: "\u00ae", 0xe3: "\u00a9", 0xe4: "\u2122", 0xe5: "\u2211",
    0xe6: "\u239b", 0xe7: "\u239c", 0xe8: "\u239d", 0xe9: "\u23a1", 0xea: "\u23a2",
    0xeb: "\u23a3", 0xec: "\u23a7", 0xed: "\u23a8", 0xee: "\u23a9", 0xef: "\u23aa",
    0xf1: "\u232a", 0xf2: "\u222b", 0xf3: "\u2320", 0xf4: "\u23ae", 0xf5: "\u2321",
    0xf6: "\u239e", 0xf7: "\u239f", 0xf8: "\u23a0", 0xf9: "\u23a4", 0xfa: "\u23a5",
    0xfb: "\u23a6", 0xfc: "\u23ab", 0xfd: "\u23ac", 0xfe: "\u23ad",
}  # fmt: skip
_SYMBOL_FONTS = frozenset({"symbol"})


def symbol(element: etree._Element) -> str:
    """The character a ``w:sym`` element shows: its ``w:char`` (hexadecimal) in its
    ``w:font``. A Symbol font code (0x20-0xFE, or 0xF020-0xF0FE as Word writes it) reads
    through the Adobe Symbol Encoding; any other code (one the encoding leaves undefined,
    another font's) is the character of that code. "" for a ``w:char`` that is no
    character's hexadecimal code."""
    try:
        code = int(element.get(w("char"), ""), 16)
    except ValueError:
        return ""
    if not 0 < code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return ""
    font = (element.get(w("font")) or "").strip().casefold()
    low = code - 0xF000 if 0xF020 <= code <= 0xF0FE else code
    if font in _SYMBOL_FONTS and (low in _SYMBOL or 0x20 <= low <= 0x7E):
        return _SYMBOL.get(low, chr(low))
    return chr(code)


def m(tag: str) -> str:
    """The Clark name of an Office Math element (``m("oMath")``)."""
    return f"{{{M}}}{tag}"


MATH = frozenset({m("oMath"), m("oMathPara")})


def math_text(element: etree._Element) -> str:
    """The linear text of an Office Math element (``m:oMathPara``, ``m:oMath`` or any
    part of one): see the module docstring."""
    tag = element.tag
    if not isinstance(tag, str):  # a comment or processing instruction
        return ""
    if tag == m("t"):
        return element.text or ""
    if tag == m("f"):
        return f"({_part(element, 'num')})/({_part(element, 'den')})"
    if tag in (m("sSup"), m("sSub"), m("sSubSup")):
        base = _part(element, "e")
        sub, sup = _part(element, "sub"), _part(element, "sup")
        return base + (f"_{_grouped(sub)}" if sub else "") + (f"^{_grouped(sup)}" if sup else "")
    if tag == m("rad"):
        degree = _part(element, "deg")
        return f"{'(' + degree + ')' if degree else ''}\u221a({_part(element, 'e')})"
    if tag == m("d"):
        begin = _property(element, "dPr", "begChr", "(")
        end = _property(element, "dPr", "endChr", ")")
        separator = _property(element, "dPr", "sepChr", "|")
        inner = separator.join(math_text(e) for e in element.findall(m("e")))
        return f"{begin}{inner}{end}"
    if tag == m("nary"):
        sign = _property(element, "naryPr", "chr", "\u222b")
        sub, sup = _part(element, "sub"), _part(element, "sup")
        limits = (f"_{_grouped(sub)}" if sub else "") + (f"^{_grouped(sup)}" if sup else "")
        return f"{sign}{limits} {_part(element, 'e')}"
    if tag.endswith("Pr"):  # properties: no text
        return ""
    return "".join(math_text(child) for child in element)


def _part(element: etree._Element, name: str) -> str:
    """The linear text of the child ``m:<name>`` of ``element``; "" without one."""
    child = element.find(m(name))
    return "" if child is None else math_text(child)


def _grouped(text: str) -> str:
    """``text`` as one operand after "^" or "_": bracketed unless it is one word."""
    return text if text.isalnum() else f"({text})"


def _property(element: etree._Element, props: str, name: str, default: str) -> str:
    """The ``m:val`` of property ``name`` in ``element``'s ``m:<props>``; ``default``
    without one (an empty value is no character: a bracket left out)."""
    found = element.find(f"{m(props)}/{m(name)}")
    return default if found is None else found.get(m("val"), default)


_RAISED_DIGITS = re.compile(r"^[\d\s+\-\u2212]*\d[\d\s+\-\u2212]*$")


def raised(text: str, rpr: etree._Element | None) -> str:
    """``text`` of a run with the properties ``rpr``: in superscript or subscript
    characters when the run is raised or lowered (``w:vertAlign``) and ``text`` holds
    digits and signs alone ("-6" raised is "⁻⁶"); as it is otherwise."""
    align = rpr.find(w("vertAlign")) if rpr is not None else None
    position = align.get(w("val")) if align is not None else None
    if position not in ("superscript", "subscript") or not _RAISED_DIGITS.match(text):
        return text
    return superscript(text) if position == "superscript" else subscript(text)
