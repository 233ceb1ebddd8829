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
# A page number with nothing printed around it ("500"): a number in the text may stand
# alone on a line too ("The maximum fine shall be" / "500" / "euros ...").
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
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
            if _cited(lines, i, words):
                continue
            at[i] = re.sub(r"\d+", "#", text)
            seen.setdefault(at[i], set()).add(n)
    running = {text for text, near in seen.items() if len(near) >= max(2, len(breaks) / 2)}
    one_off = {i for i in at if _ONE_OFF_FURNITURE.match(lines[i].replace("\f", "").strip())}
    found = (
        noise
        | one_off
        | _interrupting_symbols(lines, words)
        | {i for i, text in at.items() if text in running}
    )
    kept = _numbers_in_sentences(lines, found, words)
    return found - kept | {k for i in kept for k in _blank_lines_around(lines, i)}


def _interrupting_symbols(lines: list[str], words: Words) -> set[int]:
    """Indexes of document symbols standing alone inside a sentence, away from any page
    break that tells: the line before ends no sentence, the line after goes on with a
    small letter ("... into coastal" / "A/CONF.999/12" / "waters;"). A symbol after a
    citing word is the document cited (``_cited``)."""
    out: set[int] = set()
    for i in range(1, len(lines) - 1):
        if not _DOCUMENT_SYMBOL.match(lines[i].strip()) or _cited(lines, i, words):
            continue
        before, after = lines[i - 1].strip(), lines[i + 1].strip()
        if before and not before.endswith((".", ";", ":")) and after[:1].islower():
            out.add(i)
    return out


def _cited(lines: list[str], i: int, words: Words) -> bool:
    """Whether line ``i`` follows a cross-reference word ("Recalling its resolution" /
    "A/RES/54/263", "referred to in annex" / "2"): it is what that word cites."""
    return i > 0 and words.reference_end.search(lines[i - 1].strip()) is not None


def _numbers_in_sentences(lines: list[str], found: set[int], words: Words) -> set[int]:
    """Indexes of the bare numbers among ``found`` that are text: each stands inside an
    unfinished sentence (the line before ends no sentence or clause, the line after is
    text opening no heading or list item: "shall consist of" / "18" / "experts.") with
    nothing else telling a page break there: no form feed and no other furniture on the
    lines next to it, and no page number before or after it in sequence with it (n - 1
    before, n + 1 after). A page number printed bare at every page keeps that sequence;
    a number of the text does not. Blank lines around the number are skipped when the
    line after goes on with a small letter ("paid within" / "" / "90" / "" / "days"):
    a blank line alone tells no page break, and a capital after it may open a paragraph.
    """
    pages = [(i, _page_of(lines[i])) for i in sorted(found) if _PAGE_NUMBER.match(lines[i].strip())]
    out: set[int] = set()
    for i in found:
        text = lines[i].strip()
        if not _BARE_NUMBER.match(text) or "\f" in lines[i]:
            continue
        blanks = _blank_lines_around(lines, i)
        first, last = min([*blanks, i]) - 1, max([*blanks, i]) + 1
        if first < 0 or last >= len(lines):
            continue
        before, after = lines[first], lines[last]
        if (
            first in found
            or last in found
            or any("\f" in lines[k] for k in range(first, last + 1))
            or not before.strip()
            or not after.strip()
            or (blanks and not after.strip()[:1].islower())
            or words.ends_clause.search(before.strip())
            or words.heading.match(after.strip())
            or read_marker(after.strip())
        ):
            continue
        n = int(text)
        if any((k < i and page == n - 1) or (k > i and page == n + 1) for k, page in pages):
            continue
        out.add(i)
    return out


def _blank_lines_around(lines: list[str], i: int) -> list[int]:
    """Indexes of the blank lines (no form feed) right before and right after line ``i``."""
    out: list[int] = []
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and not lines[k].strip() and "\f" not in lines[k]:
            out.append(k)
            k += step
    return out


def _page_of(line: str) -> int:
    """The page number a page-number line prints ("Page 2 of 9": 2)."""
    match = re.search(r"\d+", line)
    assert match is not None  # a line ``_PAGE_NUMBER`` matches holds a number
    return int(match.group())


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
