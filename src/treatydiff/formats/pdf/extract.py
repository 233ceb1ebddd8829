"""The characters of a PDF's text layer, with their boxes, read through PDFium.

PDFium (via pypdfium2, BSD-3/Apache-2.0) reads each character with its loose box: the
glyph's advance width across and the font's ascent to descent up and down, so that the
boxes of one line share a top and bottom and the gap between two boxes is the space the
typesetter left. pdfplumber and pdfminer.six give the same facts, measured 6 to 16 times
slower on the project's documents (benchmarks/pdf_import.py); pypdf gives text runs
without the width of each character, which the column and word gaps need.

This module is the only one that touches the library; what it returns is plain data.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from treatydiff.errors import FormatError, InputError, MissingExtraError

INSTALL_HINT = "pip install 'treatydiff[documents]'"

# PDFium writes an end-of-line hyphen it recognized as a word broken across lines as U+0002
# or U+FFFE (the page shows "-"): a soft hyphen, which joining the lines removes ("rep-" /
# "resented" reads "represented"; a real hyphen at a line end stays "-").
_PDFIUM_HYPHENS = "\x02\ufffe"
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True)
class Page:
    """The printed characters of one page, top-down coordinates in points.

    ``chars[i]`` has the box ``x0[i]``..``x1[i]`` across and ``top[i]``..``bottom[i]``
    down from the top edge of the page. Spaces the PDF holds are kept as characters;
    line breaks and the spaces PDFium makes up are not.
    """

    number: int  # 1-based, as the PDF viewer counts
    width: float
    height: float
    chars: str
    x0: tuple[float, ...]
    x1: tuple[float, ...]
    top: tuple[float, ...]
    bottom: tuple[float, ...]


def _pdfium() -> tuple[Any, Any]:
    try:
        return import_module("pypdfium2"), import_module("pypdfium2.raw")
    except ImportError:
        raise MissingExtraError(
            f"reading pdf files needs the documents extra: {INSTALL_HINT}"
        ) from None


def read_pages(data: bytes, *, source: str, pages: tuple[int, int] | None = None) -> list[Page]:
    """The text layer of each page of the PDF ``data`` (of ``pages``, first..last, 1-based
    and inclusive, when given).

    Raises MissingExtraError without pypdfium2, FormatError for a file PDFium cannot open
    (not a PDF, damaged, encrypted) and for a PDF without a text layer (a scan, or text
    drawn as outlines), and InputError for a page range outside the document.
    """
    pdfium, raw = _pdfium()
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise FormatError(f"not a PDF PDFium can read ({exc})") from None
    try:
        count = len(document)
        first, last = pages or (1, count)
        if not 1 <= first <= last <= count:
            raise InputError(f"{source}: pages {first}-{last} asked for, the PDF has {count}")
        read: list[Page] = []
        for n in range(first, last + 1):
            try:
                read.append(_read_page(document[n - 1], n, raw))
            except pdfium.PdfiumError as exc:
                raise FormatError(f"page {n} of the PDF cannot be read ({exc})") from None
    finally:
        document.close()
    if not any(c.strip() for page in read for c in page.chars):
        raise FormatError(
            "this PDF has no text layer (a scan, or text drawn as outlines): "
            "run OCR on it first, e.g. `ocrmypdf IN.pdf OUT.pdf`, and read the result"
        )
    return read


def _read_page(page: Any, number: int, raw: Any) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = textpage.count_chars()
        text = textpage.get_text_range(0, count) if count else ""
        box = raw.FS_RECTF()
        pointer = ctypes.byref(box)
        edges = memoryview(box).cast("B").cast("f")  # left, top, right, bottom
        loose_box = raw.FPDFText_GetLooseCharBox
        chars: list[str] = []
        x0: list[float] = []
        x1: list[float] = []
        top: list[float] = []
        bottom: list[float] = []
        # get_text_range counts UTF-16 units: a character beyond the BMP takes two.
        for index, char in enumerate(_characters(text, count)):
            if not char or char in "\r\n":
                continue
            loose_box(handle, index, pointer)
            left, upper, right, lower = edges.tolist()
            if upper <= lower:
                continue  # no extent: a space or line break PDFium made up
            chars.append(_SOFT_HYPHEN if char in _PDFIUM_HYPHENS else char)
            x0.append(left)
            x1.append(right)
            top.append(height - upper)
            bottom.append(height - lower)
    finally:
        textpage.close()
        page.close()
    return Page(number, width, height, "".join(chars), *map(tuple, (x0, x1, top, bottom)))


def _characters(text: str, count: int) -> list[str]:
    """One string per PDFium character index (a character beyond the BMP has two)."""
    if len(text) == count:
        return list(text)
    out: list[str] = []
    for char in text:
        out.append(char)
        if ord(char) > 0xFFFF:
            out.append("")
    return out[:count]
