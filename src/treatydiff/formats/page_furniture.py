"""Page furniture of a plain text: page numbers, running headers and footers, UN
document symbols and Treaty Series lines, and the blank lines around page breaks that
stand inside a paragraph. Found as line indexes, for the reader to drop.
"""

from __future__ import annotations

import re
from itertools import pairwise

from treatydiff.formats.un_text_layout import Words
from treatydiff.segment.markers import read_marker

_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014\s]*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[-\u2013\u2014\s]*$",
    re.IGNORECASE,
)
# Page furniture that may stand at one page break only: a UN document symbol
# ("A/CONF.999/12", "CRC/C/GC/12", "E/CN.4/2000/L.1", "A/RES/48/263"), and the
# volume and registration lines of the Treaty Series ("United Nations — Treaty Series
# • Nations Unies — Recueil des Traités 2171", "Vol. 2171, I-27531").
_DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,8}(?:/[A-Z0-9][A-Za-z0-9.\-]*){1,6}$")
_ONE_OFF_FURNITURE = re.compile(
    rf"{_DOCUMENT_SYMBOL.pattern}"
    r"|^(?i:.{0,80}\b(?:treaty\s+series|recueil\s+des\s+trait\S*)\b.{0,80}\d)$"
    r"|^(?i:vol(?:ume|\.)?\s*\d+(?:\s*,\s*[I1]\s*-\s*\d+)?)$"
)


def noise_lines(lines: list[str], words: Words) -> set[int]:
    """Indexes of page numbers and of running headers and footers.

    A running header or footer is a line standing next to a page break (a form feed or
    a page number) whose text, digits aside, recurs next to at least half the page
    breaks: a short line of text can recur next to a few of them ("Convention."). A
    line that ends the sentence the line before it left open is text.
    """
    noise = {i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line.strip())}
    breaks = _page_breaks(sorted(noise | {i for i, line in enumerate(lines) if "\f" in line}))
    seen: dict[str, set[int]] = {}  # the text of a candidate line: the breaks it stands at
    at: dict[int, str] = {}
    for n, (first, last) in enumerate(breaks):
        for i in range(max(first - 2, 0), min(last + 3, len(lines))):
            text = lines[i].replace("\f", "").strip()
            if i in noise or not text or len(text) > 120:
                continue
            if words.heading.match(text) or read_marker(text) or _ends_open_sentence(lines, i):
                continue
            at[i] = re.sub(r"\d+", "#", text)
            seen.setdefault(at[i], set()).add(n)
    running = {text for text, near in seen.items() if len(near) >= max(2, len(breaks) / 2)}
    one_off = {i for i in at if _ONE_OFF_FURNITURE.match(lines[i].replace("\f", "").strip())}
    return (
        noise
        | one_off
        | _interrupting_symbols(lines)
        | {i for i, text in at.items() if text in running}
    )


def _interrupting_symbols(lines: list[str]) -> set[int]:
    """Indexes of document symbols standing alone inside a sentence, away from any page
    break that tells: the line before ends no sentence, the line after goes on with a
    small letter ("... into coastal" / "A/CONF.999/12" / "waters;")."""
    out: set[int] = set()
    for i in range(1, len(lines) - 1):
        if not _DOCUMENT_SYMBOL.match(lines[i].strip()):
            continue
        before, after = lines[i - 1].strip(), lines[i + 1].strip()
        if before and not before.endswith((".", ";", ":")) and after[:1].islower():
            out.add(i)
    return out


def _page_breaks(lines: list[int]) -> list[tuple[int, int]]:
    """The page breaks, as (first, last) line indexes: break lines ``lines`` (sorted)
    that stand within three lines of each other make one break."""
    breaks: list[tuple[int, int]] = []
    for i in lines:
        if breaks and i - breaks[-1][1] <= 3:
            breaks[-1] = (breaks[-1][0], i)
        else:
            breaks.append((i, i))
    return breaks


def _ends_open_sentence(lines: list[str], i: int) -> bool:
    """Whether line ``i`` closes a sentence that the line before it left open
    ("... established in accordance with this" / "Convention.")."""
    before = lines[i - 1].strip() if i else ""
    stops = (".", ",", ";", ":")
    return (
        lines[i].rstrip().endswith(stops)
        and bool(before)
        and not before.endswith(stops)
        and not _PAGE_NUMBER.match(before)
    )


def blank_lines_inside_paragraphs(lines: list[str], noise: set[int], words: Words) -> set[int]:
    """Indexes of the blank lines around page breaks that do not end a paragraph.

    In a document with blank lines around its page breaks alone, they are page furniture
    like the headers and footers they surround. Elsewhere they stand inside a paragraph
    where the text before the break ends no sentence or clause or the text after starts
    with a small letter ("..., or" / "of public health"), and the text after opens no
    heading or list item (a number after a cross-reference word opens none).
    """
    gaps = _gaps(lines, noise)
    at_breaks = [(start, end) for start, end in gaps if not noise.isdisjoint(range(start, end))]
    furniture_only = len(at_breaks) == len(gaps)
    inside: set[int] = set()
    for start, end in at_breaks:
        before, after = lines[start - 1].strip(), lines[end].strip()
        # A number after a cross-reference word ("paragraph" / page break / "1.f.") goes
        # on with the sentence, as it does inside a page.
        reference = words.reference_end.search(before) is not None
        opens_unit = words.heading.match(after) or (read_marker(after) and not reference)
        goes_on = not words.ends_clause.search(before) or after[:1].islower()
        if furniture_only or (goes_on and not opens_unit):
            inside.update(k for k in range(start, end) if k not in noise)
    return inside


def _gaps(lines: list[str], noise: set[int]) -> list[tuple[int, int]]:
    """Runs of blank and noise lines between two lines of text, as (start, end) indexes."""
    text = [i for i, line in enumerate(lines) if i not in noise and line.strip()]
    return [(a + 1, b) for a, b in pairwise(text) if b > a + 1]
