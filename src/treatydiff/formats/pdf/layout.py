"""From the characters of a page to its lines, in reading order.

Characters whose boxes stand on one baseline make a row; a smaller character raised
into a row (a footnote call "1", the "st" of "1st") joins it and is marked raised. A row
breaks into segments at gaps wider than about an em. A column gutter is an x-position
that falls inside a segment gap of at least three rows, with text of some width on both
sides, while few rows in the same stretch cross it; rows that do cross it (a title, a
running head) split the page into bands, each read left column first (the XY-cut of
Nagy and Seth, 1984, restricted to full-height gutters). A column much narrower than its
neighbour holds marginal notes. Words are told apart by the gap between two boxes (PDFium
boxes span the advance width, so a gap is a space the typesetter left), not by the
space characters, which many PDFs omit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from treatydiff.formats.pdf.extract import Page

# A gap wider than this share of the line height is a space between words; one wider
# than _SEGMENT_GAP splits the row into segments (a tab, a column gutter).
_WORD_GAP = 0.12
_SEGMENT_GAP = 0.9
# Note calls: raised digits, asterisks, daggers (a raised "st" or "er" is kept as text).
_CALL = re.compile(r"[\d*\u2020\u2021]+")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, with its box (points, top-down) and its column.

    ``size`` is the median height of its character boxes (about 1.1 times the font size).
    ``calls`` are the spans of ``text`` set raised and small that a note calls by (the
    "1" of "Convention1"). ``margin`` is true for a line of a marginal-note column.
    """

    page: int
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    left: float  # the column's left edge
    right: float  # the column's right edge
    margin: bool = False
    calls: tuple[tuple[int, int], ...] = ()

    @property
    def centered(self) -> bool:
        """Set centered in its column: clear of both edges by the same margin."""
        before, after = self.x0 - self.left, self.right - self.x1
        return min(before, after) > 0.5 * self.size and abs(before - after) < 1.5 * self.size

    @property
    def indent(self) -> float:
        return self.x0 - self.left


@dataclass
class _Row:
    glyphs: list[int]  # character indexes, left to right once built
    top: float
    bottom: float
    size: float
    raised: set[int] = field(default_factory=set)


# A run of characters of a row split off at a gap wider than about an em: (x0, x1).
_Segment = tuple[float, float]


@dataclass(frozen=True)
class _Piece:
    """The characters of a row that stand in one column, and their segments."""

    row: _Row
    glyphs: list[int]
    segments: list[_Segment]

    @classmethod
    def of(cls, page: Page, row: _Row, glyphs: list[int]) -> _Piece:
        segments: list[_Segment] = []
        limit = _SEGMENT_GAP * row.size
        x0s, x1s, chars = page.x0, page.x1, page.chars
        for i in glyphs:
            if chars[i] == " ":
                continue
            if segments and x0s[i] - segments[-1][1] <= limit:
                if x1s[i] > segments[-1][1]:
                    segments[-1] = (segments[-1][0], x1s[i])
            else:
                segments.append((x0s[i], x1s[i]))
        return cls(row, glyphs, segments)

    def crosses(self, x: float) -> bool:
        return any(x0 < x < x1 for x0, x1 in self.segments)


def page_lines(page: Page) -> list[Line]:
    """The lines of ``page`` in reading order."""
    rows = _rows(page)
    lines: list[Line] = []
    for pieces, margin in _read(page, rows, depth=0):
        lines.extend(_column_lines(page, pieces, margin))
    return lines


# --- rows ------------------------------------------------------------------------------


def _rows(page: Page) -> list[_Row]:
    """Rows of characters sharing a baseline, top to bottom, raised characters merged."""
    chars, top, bottom = page.chars, page.top, page.bottom
    rows: list[_Row] = []
    for i in sorted(range(len(chars)), key=bottom.__getitem__):
        height = bottom[i] - top[i]
        if rows and abs(bottom[i] - rows[-1].bottom) <= 0.25 * max(height, rows[-1].size):
            rows[-1].glyphs.append(i)
        else:
            rows.append(_Row([i], top[i], bottom[i], height))
    for row in rows:
        heights = [bottom[i] - top[i] for i in row.glyphs if chars[i] != " "]
        row.size = median(heights) if heights else row.size
        row.top = min(top[i] for i in row.glyphs)
    merged = _merge_raised(page, rows)
    for row in merged:
        row.glyphs = _dedupe(page, sorted(row.glyphs, key=page.x0.__getitem__))
    return merged


def _merge_raised(page: Page, rows: list[_Row]) -> list[_Row]:
    """Rows of small characters that overlap a row of larger ones join it, raised (or
    lowered: a subscript) — the note calls and ordinal letters of that line."""
    keep = [True] * len(rows)
    for k, row in enumerate(rows):
        best, overlap = None, 0.0
        for n in (k - 2, k - 1, k + 1, k + 2):
            if not 0 <= n < len(rows) or not keep[n]:
                continue
            other = rows[n]
            if row.size >= 0.85 * other.size:
                continue
            # Most of the small row's height inside the large row's (a line of small
            # type set just under a large one touches it, no more).
            shared = min(row.bottom, other.bottom) - max(row.top, other.top)
            if shared > max(overlap, 0.5 * row.size) and _within(page, row, other):
                best, overlap = other, shared
        if best is not None:
            best.glyphs.extend(row.glyphs)
            if row.bottom < best.bottom - 0.15 * best.size:
                best.raised.update(row.glyphs)
            keep[k] = False
    return [row for row, kept in zip(rows, keep, strict=True) if kept]


def _within(page: Page, small: _Row, large: _Row) -> bool:
    """The small row's characters stand next to the large row's, not in another column."""
    left = min(page.x0[i] for i in large.glyphs) - 2 * large.size
    right = max(page.x1[i] for i in large.glyphs) + 2 * large.size
    return all(left <= page.x0[i] <= right for i in small.glyphs)


def _dedupe(page: Page, glyphs: list[int]) -> list[int]:
    """Drop characters printed twice over themselves (bold by overprinting)."""
    out: list[int] = []
    for i in glyphs:
        if out:
            j = out[-1]
            width = page.x1[j] - page.x0[j]
            if page.chars[i] == page.chars[j] and abs(page.x0[i] - page.x0[j]) < 0.3 * width:
                continue
        out.append(i)
    return out


# --- columns ---------------------------------------------------------------------------


def _read(page: Page, rows: list[_Row], *, depth: int) -> list[tuple[list[_Piece], bool]]:
    """The page as column pieces in reading order, each with its marginal-note flag."""
    pieces = [_Piece.of(page, row, row.glyphs) for row in rows]
    return _split(page, pieces, depth=depth, margin=False)


def _split(
    page: Page, pieces: list[_Piece], *, depth: int, margin: bool
) -> list[tuple[list[_Piece], bool]]:
    gutter = _gutter(pieces) if depth < 3 else None
    if gutter is None:
        return [(pieces, margin)]
    out: list[tuple[list[_Piece], bool]] = []
    band: list[_Piece] = []

    def side(left: bool) -> list[_Piece]:
        chosen = []
        for piece in band:
            glyphs = [i for i in piece.glyphs if (page.x1[i] <= gutter) == left]
            if glyphs:
                chosen.append(_Piece.of(page, piece.row, glyphs))
        return chosen

    def flush() -> None:
        if not band:
            return
        left, right = side(True), side(False)
        left_width, right_width = _width(left), _width(right)
        left_margin = margin or (bool(right) and left_width < 0.6 * right_width)
        right_margin = margin or (bool(left) and right_width < 0.6 * left_width)
        out.extend(_split(page, left, depth=depth + 1, margin=left_margin))
        out.extend(_split(page, right, depth=depth + 1, margin=right_margin))
        band.clear()

    for piece in pieces:
        if piece.crosses(gutter):
            flush()
            out.append(([piece], margin))
        else:
            band.append(piece)
    flush()
    return out


def _width(pieces: list[_Piece]) -> float:
    segments = [s for piece in pieces for s in piece.segments]
    if not segments:
        return 0.0
    return max(x1 for _, x1 in segments) - min(x0 for x0, _ in segments)


def _gutter(pieces: list[_Piece]) -> float | None:
    """The x-position of a column gutter among ``pieces``, or None.

    Candidates are the middles of the segment gaps; one is a gutter when at least three
    rows have a gap there with text on both sides at least four ems wide (medians), and
    at most a quarter as many rows in that stretch cross it.
    """
    sides = [piece for piece in pieces if piece.segments]
    candidates = sorted(
        {
            round((a[1] + b[0]) / 2)
            for piece in sides
            for a, b in zip(piece.segments, piece.segments[1:], strict=False)
        }
    )
    if not candidates:
        return None
    size = median(piece.row.size for piece in sides)
    best: tuple[int, float] | None = None
    for x in candidates:
        two_sided: list[int] = []
        left_extent: list[float] = []
        right_extent: list[float] = []
        for k, piece in enumerate(sides):
            segments = piece.segments
            if segments[0][0] < x < segments[-1][1] and not piece.crosses(x):
                two_sided.append(k)
                left_extent.append(max(s[1] for s in segments if s[1] <= x) - segments[0][0])
                right_extent.append(segments[-1][1] - min(s[0] for s in segments if s[0] >= x))
        if len(two_sided) < 3 or (best is not None and len(two_sided) <= best[0]):
            continue
        if median(left_extent) < 4 * size or median(right_extent) < 4 * size:
            continue
        first, last = two_sided[0], two_sided[-1]
        crossing = sum(1 for piece in sides[first : last + 1] if piece.crosses(x))
        if crossing * 4 <= len(two_sided):
            best = (len(two_sided), float(x))
    return None if best is None else best[1]


# --- lines -----------------------------------------------------------------------------


def _column_lines(page: Page, pieces: list[_Piece], margin: bool) -> list[Line]:
    built = [(p.row, p.glyphs, *_text(page, p.glyphs, p.row)) for p in pieces]
    built = [b for b in built if b[2].strip()]
    if not built:
        return []
    starts = sorted(page.x0[g[0]] for _, g, _, _ in built)
    ends = sorted(page.x1[g[-1]] for _, g, _, _ in built)
    left = starts[len(starts) // 10]
    right = ends[len(ends) - 1 - len(ends) // 10]
    return [
        Line(
            page=page.number,
            text=text,
            x0=page.x0[glyphs[0]],
            x1=page.x1[glyphs[-1]],
            top=row.top,
            bottom=row.bottom,
            size=row.size,
            left=min(left, page.x0[glyphs[0]]),
            right=max(right, page.x1[glyphs[-1]]),
            margin=margin,
            calls=calls,
        )
        for row, glyphs, text, calls in built
    ]


def _text(page: Page, glyphs: list[int], row: _Row) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text of a row's characters, spaces where the gaps are, and its note calls."""
    out: list[str] = []
    calls: list[tuple[int, int]] = []
    previous: int | None = None
    spaced = False
    call_start: int | None = None
    for i in glyphs:
        char = page.chars[i]
        if char == " ":
            spaced = True
            continue
        raised_call = i in row.raised and _CALL.fullmatch(char) is not None
        if not raised_call and call_start is not None:
            calls.append((call_start, len(out)))  # one character per entry
            call_start = None
        if previous is not None and (
            spaced or page.x0[i] - page.x1[previous] > _WORD_GAP * row.size
        ):
            out.append(" ")
        spaced = False
        if raised_call and call_start is None:
            call_start = len(out)
        out.append(char)
        previous = i
    text = "".join(out)
    if call_start is not None:
        calls.append((call_start, len(text)))
    return text, tuple(calls)
