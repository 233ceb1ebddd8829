"""Import adapters: one per source format, detected from content or forced.

Every adapter is a pure function ``parse(text, *, lang, part) -> Instrument``; this module
does the I/O around them (reading, decoding, hashing) and fills in the metadata that
describes the source.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Callable
from importlib import import_module
from pathlib import Path

from treatydiff.errors import FormatError, InputError
from treatydiff.model import Instrument

Parser = Callable[..., Instrument]

# format name -> module holding its ``parse`` function (imported only when used)
_ADAPTERS: dict[str, str] = {
    "un-text": "treatydiff.formats.un_text",
    "laws-markdown": "treatydiff.formats.laws_markdown",
    "markdown": "treatydiff.formats.markdown",
    "json-articles": "treatydiff.formats.json_articles",
    "akn": "treatydiff.formats.akn",
    "treatydiff": "treatydiff.formats.native",
}
# Formats read from bytes, not text: PDF (``treatydiff.formats.pdf``, the documents extra).
_PDF_MAGIC = b"%PDF-"
FORMATS: tuple[str, ...] = (*_ADAPTERS, "pdf")
# Formats whose files may hold several instruments, selected with ``part``.
_PARTED = frozenset({"laws-markdown", "pdf"})

_NATIVE_MAGIC = "%treatydiff-instrument"
_MD_HEADING = re.compile(r"^#{1,6}\s*\S", re.MULTILINE)


def decode(data: bytes, *, source: str) -> str:
    """Text of a source file; refuses empty, binary and undecodable input."""
    if not data.strip():
        raise InputError(f"{source}: file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: binary file, not a text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


_AKN_ROOT = re.compile(r"<(?:[\w.-]+:)?akomaNtoso\b")


def detect_format(text: str) -> str:
    """Name of the format of ``text``; raises FormatError when none fits."""
    head = text.lstrip()[:2000]
    if head.startswith(_NATIVE_MAGIC):
        return "treatydiff"
    if head.startswith("<meta http-equiv") or re.search(r"^##[^#\s]", head, re.MULTILINE):
        return "laws-markdown"
    # An XML declaration, or the root element after comments or a doctype, with or
    # without a namespace prefix ("<akn:akomaNtoso").
    if head.startswith("<?xml") or _AKN_ROOT.search(head):
        return "akn"
    if head.startswith("{"):
        if '"articles"' in text:
            return "json-articles"
        raise FormatError('JSON input without an "articles" list is not a known format')
    if head.startswith("<"):
        raise FormatError("markup input that is neither Akoma Ntoso nor a known format")
    if _MD_HEADING.search(text):
        return "markdown"
    if re.search(r"[A-Za-z]{3,}", text):
        return "un-text"
    raise FormatError("no recognizable treaty text in input")


def parse(
    text: str,
    *,
    fmt: str | None = None,
    lang: str = "en",
    part: int = 1,
) -> Instrument:
    """Parse ``text`` with the adapter for ``fmt`` (detected when None)."""
    name = fmt or detect_format(text)
    if name == "pdf":
        raise FormatError("pdf input is read from its bytes: load the file")
    if name not in _ADAPTERS:
        raise FormatError(f"unknown input format {name!r}; known: {', '.join(FORMATS)}")
    parser: Parser = import_module(_ADAPTERS[name]).parse
    instrument = parser(text, lang=lang, part=part)
    if not instrument.body:
        raise FormatError(f"no clauses found in {name} input")
    return instrument.with_metadata(format=name)


def _default_id(path: Path) -> str:
    """A readable id for a file: its stem, or folder@stem when the stem is a date."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", path.stem) and path.parent.name:
        return f"{path.parent.name}@{path.stem}"
    return path.stem


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF file (its header within the first kilobyte, as readers
    accept it)."""
    return _PDF_MAGIC in data[:1024]


def load_bytes(
    data: bytes,
    *,
    source: str,
    fmt: str | None = None,
    lang: str = "en",
    part: int = 1,
    instrument_id: str | None = None,
    pages: tuple[int, int] | None = None,
) -> Instrument:
    """Parse the bytes of one source file. ``pages`` (first, last) restricts a PDF and is
    ignored for the other formats."""
    try:
        if fmt == "pdf" or (fmt is None and is_pdf(data)):
            from treatydiff.formats import pdf

            instrument = pdf.parse(data, source=source, lang=lang, part=part, pages=pages)
            if not instrument.body:
                raise FormatError("no clauses found in pdf input")
            instrument = instrument.with_metadata(format="pdf")
        else:
            instrument = parse(decode(data, source=source), fmt=fmt, lang=lang, part=part)
    except FormatError as exc:
        raise FormatError(f"{source}: {exc}") from None
    from dataclasses import replace

    return replace(
        instrument.with_metadata(source=source, sha256=hashlib.sha256(data).hexdigest()),
        id=instrument_id or instrument.id or _default_id(Path(source)),
    )


def load_file(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    lang: str = "en",
    part: int = 1,
    instrument_id: str | None = None,
    pages: tuple[int, int] | None = None,
) -> Instrument:
    """Read and parse one source file."""
    path = Path(path)
    return load_bytes(
        _read(path),
        source=str(path),
        fmt=fmt,
        lang=lang,
        part=part,
        instrument_id=instrument_id,
        pages=pages,
    )


def load_parts(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    lang: str = "en",
    pages: tuple[int, int] | None = None,
) -> list[Instrument]:
    """Every instrument the file holds, in order (``FILE#1``, ``FILE#2``, ...)."""
    path = Path(path)
    data = _read(path)
    name = fmt or ("pdf" if is_pdf(data) else detect_format(decode(data, source=str(path))))
    if name == "pdf":
        from dataclasses import replace

        from treatydiff.formats import pdf

        try:
            document = pdf.read(data, source=str(path), pages=pages)
        except FormatError as exc:
            raise FormatError(f"{path}: {exc}") from None
        return [
            replace(pdf.instrument(document, part, lang=lang), id=f"{_default_id(path)}#{n}")
            for n, part in enumerate(document.parts, 1)
        ]
    found = [load_bytes(data, source=str(path), fmt=name, lang=lang)]
    while name in _PARTED:
        try:
            found.append(
                load_bytes(data, source=str(path), fmt=name, lang=lang, part=len(found) + 1)
            )
        except FormatError:
            break
    return found


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def load_stdin(*, fmt: str | None = None, lang: str = "en", part: int = 1) -> Instrument:
    return load_bytes(
        sys.stdin.buffer.read(), source="-", fmt=fmt, lang=lang, part=part, instrument_id="stdin"
    )
