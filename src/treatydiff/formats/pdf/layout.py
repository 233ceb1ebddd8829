"""From the characters of a page to its lines, in reading order.

Characters whose boxes stand on one baseline make a row; a smaller character raised
into a row (a footnote call "1", the "st" of "1st") joins it and is marked raised. A row
breaks into segments at gaps wider than about an em. A column gutter is an x-position
that falls inside a segment gap of at least three rows, with text of some width on both
sides, while few rows in the same stretch cross it; rows that do cross it (a title, a
running head) split the page into bands, each read left column first (the XY-cut of
Nagy and Seth, 1984, restricted to full-height gutters). A column much narrower than its
neighbour holds marginal notes. Words are told apart by a space character, or by the
gap between two boxes (PDFium boxes span the advance width, so a gap is a space the
typesetter left): many PDFs hold no space characters.
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
# Note calls: raised digits, asterisks, daggers (a raised "st" or "er" is kept as text);
# and the sign of a raised number ("10" raised "-6"), which ``furniture`` keeps.
_CALL = re.compile(r"[\d*\u2020\u2021+\-\u2212]+")


@dataclass(frozen=True)
class Line:
    """One line of text on a page, with its box (points, top-down) and its column.

    ``size`` is the median height of its character boxes (about 1.1 times the font size).
    ``calls`` are the spans of ``text`` set raised and small that a note calls by (the
    "1" of "Convention1"). ``margin`` is true for a line of a marginal-note column.
    ``starts`` are the x-positions where its words start, left to right (a hanging
    indent aligns the lines of a list item under the word after its marker).
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
    starts: tuple[float, ...] = ()

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
    """Characters on one baseline; once built, ``glyphs`` run left to right and
    ``segments`` split them at gaps wider than about an em: (x0, x1, first, end), the
    glyphs ``glyphs[first:end]``."""

    glyphs: list[int]
    top: float
    bottom: float
    size: float
    raised: set[int] = field(default_factory=set)
    segments: list[tuple[float, float, int, int]] = field(default_factory=list)

    def build(self, page: Page) -> None:
        """Sort, drop overprints, and find the segments; spaces belong to none (those
        inside a segment part its words)."""
        x0s, x1s, chars = page.x0, page.x1, page.chars
        glyphs = self.glyphs = _dedupe(page, sorted(self.glyphs, key=x0s.__getitem__))
        limit = _SEGMENT_GAP * self.size
        segments = self.segments
        start: int | None = None
        last = 0
        left = right = 0.0
        for n, i in enumerate(glyphs):
            if chars[i] == " ":
                continue
            if start is None:
                start, left, right = n, x0s[i], x1s[i]
            elif x0s[i] - right > limit:
                segments.append((left, right, start, last + 1))
                start, left, right = n, x0s[i], x1s[i]
            elif x1s[i] > right:
                right = x1s[i]
            last = n
        if start is not None:
            segments.append((left, right, start, last + 1))


@dataclass(frozen=True)
class _Piece:
    """The segments ``first``..``last`` (exclusive) of a row: its part in one column."""

    row: _Row
    first: int
    last: int

    @property
    def segments(self) -> list[tuple[float, float, int, int]]:
        return self.row.segments[self.first : self.last]

    @property
    def glyphs(self) -> list[int]:
        segments = self.row.segments
        return self.row.glyphs[segments[self.first][2] : segments[self.last - 1][3]]

    @property
    def x0(self) -> float:
        return self.row.segments[self.first][0]

    @property
    def x1(self) -> float:
        return self.row.segments[self.last - 1][1]

    def crosses(self, x: float) -> bool:
        return any(s[0] < x < s[1] for s in self.segments)

    def split(self, x: float) -> tuple[_Piece | None, _Piece | None]:
        """The segments left and right of ``x`` (which no segment crosses)."""
        k = self.first
        while k < self.last and self.row.segments[k][1] <= x:
            k += 1
        left = _Piece(self.row, self.first, k) if k > self.first else None
        right = _Piece(self.row, k, self.last) if k < self.last else None
        return left, right


def page_lines(page: Page) -> list[Line]:
    """The lines of ``page`` in reading order."""
    rows = _rows(page)
    pieces = [_Piece(row, 0, len(row.segments)) for row in rows if row.segments]
    lines: list[Line] = []
    for column, margin in _split(pieces, depth=0, margin=False):
        lines.extend(_column_lines(page, column, margin))
    return lines


# --- rows ------------------------------------------------------------------------------


def _rows(page: Page) -> list[_Row]:
    """Rows of characters sharing a baseline, top to bottom, raised characters merged."""
    top, bottom = page.top, page.bottom
    rows: list[_Row] = []
    row: _Row | None = None
    reach = 0.0  # how far from the row's baseline a character may stand: 1/4 of its height
    for i in sorted(range(len(page.chars)), key=bottom.__getitem__):
        height = bottom[i] - top[i]
        if row is not None and bottom[i] - row.bottom <= max(reach, 0.25 * height):
            row.glyphs.append(i)
        else:
            row = _Row([i], top[i], bottom[i], height)
            reach = 0.25 * height
            rows.append(row)
    chars = page.chars
    for row in rows:
        heights = [bottom[i] - top[i] for i in row.glyphs if chars[i] != " "]
        row.size = median(heights) if heights else row.size
        row.top = min([top[i] for i in row.glyphs])
    merged = _merge_raised(page, rows)
    for row in merged:
        row.build(page)
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
    chars, x0, x1 = page.chars, page.x0, page.x1
    out: list[int] = []
    last = -1
    for i in glyphs:
        if (
            last >= 0
            and chars[i] == chars[last]
            and abs(x0[i] - x0[last]) < 0.3 * (x1[last] - x0[last])
        ):
            continue
        out.append(i)
        last = i
    return out


# --- columns ---------------------------------------------------------------------------


def _split(pieces: list[_Piece], *, depth: int, margin: bool) -> list[tuple[list[_Piece], bool]]:
    """The pieces as columns in reading order, each with its marginal-note flag."""
    gutter = _gutter(pieces) if depth < 3 else None
    if gutter is None:
        return [(pieces, margin)]
    out: list[tuple[list[_Piece], bool]] = []
    band: list[_Piece] = []

    def flush() -> None:
        if not band:
            return
        halves = [piece.split(gutter) for piece in band]
        left = [a for a, _ in halves if a is not None]
        right = [b for _, b in halves if b is not None]
        left_width, right_width = _width(left), _width(right)
        left_margin = margin or (bool(right) and left_width < 0.6 * right_width)
        right_margin = margin or (bool(left) and right_width < 0.6 * left_width)
        out.extend(_split(left, depth=depth + 1, margin=left_margin))
        out.extend(_split(right, depth=depth + 1, margin=right_margin))
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
    if not pieces:
        return 0.0
    return max(piece.x1 for piece in pieces) - min(piece.x0 for piece in pieces)


def _gutter(pieces: list[_Piece]) -> float | None:
    """The x-position of a column gutter among ``pieces``, or None.

    Candidates are the middles of the segment gaps; one is a gutter when at least three
    rows have a gap there with text on both sides at least four ems wide (medians), and
    at most a quarter as many rows in that stretch cross it.
    """
    # Gap middles rounded to 3 points: one candidate per gutter, not one per row.
    candidates = sorted(
        {
            3 * round((a[1] + b[0]) / 6)
            for piece in pieces
            for a, b in zip(piece.segments, piece.segments[1:], strict=False)
        }
    )
    if len(candidates) == 0 or sum(1 for piece in pieces if piece.last - piece.first > 1) < 3:
        return None
    size = median(piece.row.size for piece in pieces)
    best: tuple[int, float] | None = None
    for x in candidates:
        two_sided: list[int] = []
        left_extent: list[float] = []
        right_extent: list[float] = []
        for k, piece in enumerate(pieces):
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
        crossing = sum(1 for piece in pieces[first : last + 1] if piece.crosses(x))
        if crossing * 4 <= len(two_sided):
            best = (len(two_sided), float(x))
    return None if best is None else best[1]


# --- lines -----------------------------------------------------------------------------


def _column_lines(page: Page, pieces: list[_Piece], margin: bool) -> list[Line]:
    if not pieces:
        return []
    starts = sorted(piece.x0 for piece in pieces)
    ends = sorted(piece.x1 for piece in pieces)
    left = starts[len(starts) // 10]
    right = ends[len(ends) - 1 - len(ends) // 10]
    lines: list[Line] = []
    for piece in pieces:
        text, calls, words = _text(page, piece.glyphs, piece.row)
        lines.append(
            Line(
                page=page.number,
                text=text,
                x0=piece.x0,
                x1=piece.x1,
                top=piece.row.top,
                bottom=piece.row.bottom,
                size=piece.row.size,
                left=min(left, piece.x0),
                right=max(right, piece.x1),
                margin=margin,
                calls=calls,
                starts=words,
            )
        )
    return lines


def _text(
    page: Page, glyphs: list[int], row: _Row
) -> tuple[str, tuple[tuple[int, int], ...], tuple[float, ...]]:
    """The text of a row's characters, spaces where the gaps are, its note calls and the
    x-positions where its words start."""
    chars, x0, x1 = page.chars, page.x0, page.x1
    gap = _WORD_GAP * row.size
    out: list[str] = []
    calls: list[tuple[int, int]] = []
    starts: list[float] = []
    previous = -1
    spaced = False
    call_start: int | None = None
    raised = row.raised
    for i in glyphs:
        char = chars[i]
        if char == " ":
            spaced = True
            continue
        raised_call = bool(raised) and i in raised and _CALL.fullmatch(char) is not None
        if not raised_call and call_start is not None:
            calls.append((call_start, len(out)))  # one character per entry
            call_start = None
        if previous < 0 or spaced or x0[i] - x1[previous] > gap:
            if previous >= 0:
                out.append(" ")
            starts.append(x0[i])
        spaced = False
        if raised_call and call_start is None:
            call_start = len(out)
        out.append(char)
        previous = i
    text = "".join(out)
    if call_start is not None:
        calls.append((call_start, len(text)))
    return text, tuple(calls), tuple(starts)
