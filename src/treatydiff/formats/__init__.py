"""Import adapters: one per source format, detected from content or forced.

Every text adapter is a pure function ``parse(text, *, lang, part) -> Instrument``; every
layout adapter (Word, HTML: the ``documents`` extra) a pure function ``read(data, *, lang,
options) -> document.Document`` of the file's bytes. This module is their registry: it
picks the adapter (the format told from the content by ``formats.detect`` unless given),
does the I/O around it (reading and decoding by ``formats.reading``, hashing, the cache of
imported instruments) and fills in the metadata that describes the source. ``load``
(exported as ``treatydiff.load``) reads any kind of source.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from types import ModuleType
from typing import IO, TYPE_CHECKING

from treatydiff.errors import (
    ConfigError,
    FormatError,
    InputError,
    MissingExtraError,
    UsageError,
)
from treatydiff.formats import cache
from treatydiff.formats.detect import detect_document, detect_format
from treatydiff.formats.reading import (
    decode,
    decode_text,
    read_bytes,
    read_limited,
    read_stream,
)
from treatydiff.model import Guess, Instrument
from treatydiff.normalize import LONE_SURROGATE

if TYPE_CHECKING:
    from treatydiff.formats.document import Document
    from treatydiff.formats.options import ReadOptions

Parser = Callable[..., Instrument]

# format name -> module holding its ``parse`` function (imported only when used)
_ADAPTERS: dict[str, str] = {
    "un-text": "treatydiff.formats.un_text",
    "laws-markdown": "treatydiff.formats.laws_markdown",
    "markdown": "treatydiff.formats.markdown",
    "json-articles": "treatydiff.formats.json_articles",
    "akn": "treatydiff.formats.akn.read",
    "treatydiff": "treatydiff.formats.native",
}
# Formats read from the file's bytes with their layout (the ``documents`` extra).
_DOCUMENT_ADAPTERS: dict[str, str] = {
    "docx": "treatydiff.formats.docx",
    "html": "treatydiff.formats.html",
    "js-articles": "treatydiff.formats.js_articles",
}
# Layout formats that are text, told from their content as text formats are.
_TEXT_DOCUMENTS = frozenset({"html", "js-articles"})
_DOCUMENTS_EXTRA = frozenset({"docx", "lxml", "charset_normalizer", "chompjs"})  # its modules
# Formats that store each text as written (a written instrument reads back the same).
VERBATIM_FORMATS = frozenset({"akn", "treatydiff"})
# The import formats: those of the text and layout adapters, and PDF
# (``treatydiff.formats.pdf``, the documents extra), read from the bytes.
FORMATS: tuple[str, ...] = (*_ADAPTERS, *_DOCUMENT_ADAPTERS, "pdf")


def parse(
    text: str,
    *,
    fmt: str | None = None,
    lang: str = "en",
    part: int = 1,
) -> Instrument:
    """Parse ``text`` with the adapter for ``fmt`` (detected when None).

    A text whose structure is found in its words is read composed (Unicode NFC, as the
    display text of every clause is): typed decomposed ("Arti\u0301culo", a letter and a
    combining accent), its words are the language's ("Artículo") to every pattern that
    finds structure. A format that marks its structure up and stores each text as written
    (``VERBATIM_FORMATS``: Akoma Ntoso, treatydiff's own) keeps the text as it is.

    Raises FormatError for an unknown format, malformed input or a text without clauses,
    and ConfigError for a ``part`` below 1.
    """
    _check_part(part)
    name = fmt or detect_format(text)
    if name not in VERBATIM_FORMATS:
        text = unicodedata.normalize("NFC", text)
    if name in _TEXT_DOCUMENTS:
        return read_document(text, fmt=name, lang=lang, part=part)
    if name == "docx":
        raise FormatError("a Word file is read from its bytes, not from a text")
    if name == "pdf":
        raise FormatError("a PDF is read from its bytes, not from a text")
    if name not in _ADAPTERS:
        raise FormatError(f"unknown input format {name!r}; known: {', '.join(FORMATS)}")
    parser: Parser = import_module(_ADAPTERS[name]).parse
    instrument = parser(text, lang=lang, part=part)
    if not instrument.body:
        raise FormatError(f"no clauses found in {name} input")
    _refuse_lone_surrogates(instrument)
    return instrument.with_metadata(format=name)


def _refuse_lone_surrogates(instrument: Instrument) -> None:
    """FormatError when a string of ``instrument`` holds half a surrogate pair, which a
    JSON escape (``"\\ud800"``) can write: no character, and no output can encode it."""
    from dataclasses import astuple

    values: list[tuple[str, object]] = [("id: ", instrument.id), ("title: ", instrument.title)]
    values += [("metadata: ", value) for value in astuple(instrument.metadata)]
    for clause in instrument.walk():
        where = f"clause {clause.eid!r}: "
        values += [(where, clause.num), (where, clause.heading), (where, clause.text)]
    for where, value in values:
        found = LONE_SURROGATE.search(value) if isinstance(value, str) else None
        if found:
            code = ord(found.group())
            raise FormatError(f"{where}\\u{code:04x} is half of a surrogate pair, not a character")


def _check_part(part: int) -> None:
    if isinstance(part, bool) or not isinstance(part, int) or part < 1:
        raise ConfigError(f"part must be a whole number from 1 up, not {part!r}")


def _read_pdf(
    data: bytes, *, source: str, lang: str, part: int, options: ReadOptions | None
) -> Instrument:
    """Instrument number ``part`` of the PDF ``data`` (``treatydiff.formats.pdf``)."""
    from treatydiff.formats import pdf

    _check_part(part)
    pages = options.pages if options is not None else None
    instrument = pdf.parse(data, source=source, lang=lang, part=part, pages=pages)
    if not instrument.body:
        raise FormatError("no clauses found in pdf input")
    return instrument.with_metadata(format="pdf")


def _document_adapter(fmt: str) -> ModuleType:
    try:
        return import_module(_DOCUMENT_ADAPTERS[fmt])
    except ModuleNotFoundError as exc:
        if (exc.name or "").partition(".")[0] in _DOCUMENTS_EXTRA:
            raise MissingExtraError(
                f"reading {fmt} files needs the documents extra: "
                "pip install 'treatydiff[documents]'"
            ) from None
        raise


def read_layout(
    data: bytes | str, *, fmt: str, lang: str = "en", options: ReadOptions | None = None
) -> Document:
    """What the layout adapter for ``fmt`` ("docx", "html") reads in ``data``: parts,
    notes and the text left out (see ``formats.document``).

    Raises MissingExtraError when the ``documents`` extra is not installed.
    """
    document: Document = _document_adapter(fmt).read(data, lang=lang, options=options)
    return document


def read_document(
    data: bytes | str,
    *,
    fmt: str,
    lang: str = "en",
    part: int = 1,
    options: ReadOptions | None = None,
) -> Instrument:
    """Instrument number ``part`` of the layout document ``data`` in format ``fmt``."""
    from treatydiff.formats import document

    layout = read_layout(data, fmt=fmt, lang=lang, options=options)
    instrument = document.instrument(layout, part=part, lang=lang)
    if not instrument.body:
        raise FormatError(f"no clauses found in {fmt} input")
    return instrument.with_metadata(format=fmt)


def list_parts(
    data: bytes,
    *,
    source: str,
    fmt: str | None = None,
    lang: str = "en",
    options: ReadOptions | None = None,
) -> list[str]:
    """The titles of the instruments the file ``data`` holds, in order (``FILE#N`` selects
    the Nth): the parts of a layout document, those of a text adapter that has a
    ``parts(text, *, lang)`` function, else the one instrument's title."""
    name = fmt or detect_document(data)
    if options is not None and options.pages is not None and name != "pdf":
        # A page range on a text would be ignored, and the whole text compared unasked.
        raise UsageError(f"{source}: --pages selects pages of a PDF; this is no PDF")
    try:
        if name == "pdf":
            from treatydiff.formats import pdf

            pages = options.pages if options is not None else None
            document = pdf.read(data, source=source, pages=pages, lang=lang)
            return [pdf.instrument(document, part, lang=lang).title for part in document.parts]
        if name in _DOCUMENT_ADAPTERS:
            from treatydiff.formats.document import part_titles

            return part_titles(read_layout(data, fmt=name, lang=lang, options=options))
        text = decode(data, source=source, encoding=options.encoding if options else None)
        name = name or detect_format(text)
        adapter = import_module(_ADAPTERS[name]) if name in _ADAPTERS else None
        if adapter is not None and hasattr(adapter, "parts"):
            titles: list[str] = adapter.parts(text, lang=lang)
            return titles
        return [parse(text, fmt=name, lang=lang).title]
    except FormatError as exc:
        raise FormatError(f"{source}: {exc}") from None


def default_id(path: Path) -> str:
    """The id of an instrument read from ``path`` whose source states none: the file's
    stem, or ``folder@stem`` when the stem is a date (``opsc/2012-10-31.md`` ->
    ``opsc@2012-10-31``)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", path.stem) and path.parent.name:
        return f"{path.parent.name}@{path.stem}"
    return path.stem


def load_bytes(
    data: bytes,
    *,
    source: str,
    fmt: str | None = None,
    lang: str = "en",
    part: int = 1,
    instrument_id: str | None = None,
    options: ReadOptions | None = None,
    derive_id: bool = True,
) -> Instrument:
    """Parse the bytes of one source named ``source`` (a path, URL or label for messages
    and metadata); the id is ``instrument_id``, else the one the format states, else
    derived from ``source`` as a path (``default_id``), or "" without ``derive_id`` (for a
    caller that keeps what it read by content and names it after each path it is found
    at: ``reuse``). ``options`` apply to layout formats (Word, HTML,
    PDF). Where a cache of imported instruments is in force (``formats.cache.caching``),
    the instrument is taken from it when the same bytes were read with the same settings
    before, and stored in it otherwise."""
    name = fmt or detect_document(data)
    if options is not None and options.pages is not None and name != "pdf":
        # A page range on a text would be ignored, and the whole text compared unasked.
        raise UsageError(f"{source}: --pages selects pages of a PDF; this is no PDF")
    sha256 = hashlib.sha256(data).hexdigest()
    store = cache.current()
    entry = cache.key(sha256, fmt=fmt, lang=lang, part=part, options=options) if store else ""
    instrument = store.get(entry) if store else None
    if instrument is None:
        instrument = _import(data, name, source=source, lang=lang, part=part, options=options)
        if store:
            store.put(entry, instrument)
    derived = default_id(Path(source)) if derive_id else ""
    return instrument.with_source(
        id=instrument_id or instrument.id or derived, source=source, sha256=sha256
    )


def _import(
    data: bytes,
    name: str | None,
    *,
    source: str,
    lang: str,
    part: int,
    options: ReadOptions | None,
) -> Instrument:
    """The instrument the importer of format ``name`` (None: a text format, detected)
    reads in ``data``, with a guess noted when the text's encoding was detected."""
    detected = None
    try:
        if name == "pdf":
            instrument = _read_pdf(data, source=source, lang=lang, part=part, options=options)
        elif name in _DOCUMENT_ADAPTERS:
            instrument = read_document(data, fmt=name, lang=lang, part=part, options=options)
        else:
            encoding = options.encoding if options else None
            text, detected = decode_text(data, source=source, encoding=encoding)
            instrument = parse(text, fmt=name, lang=lang, part=part)
    except FormatError as exc:
        raise FormatError(f"{source}: {exc}") from None
    if detected is None:
        return instrument
    from dataclasses import replace

    read_as = f"read as {detected} (detected; name another with --encoding)"
    return replace(instrument, guesses=(Guess("encoding", None, "", read_as), *instrument.guesses))


def load_parts(
    data: bytes, *, source: str, fmt: str | None = None, lang: str = "en", derive_id: bool = True
) -> list[Instrument | FormatError]:
    """Every instrument of the file ``data`` (``FILE#1``, ``FILE#2`` ...), the file read
    once, each as ``load_bytes`` gives it (``derive_id`` as there), or the FormatError of a
    part that holds no clauses. A text gives its first instrument, as ``load_bytes`` does.

    Raises what ``load_bytes`` raises for a file that cannot be read at all.
    """
    name = fmt or detect_document(data)
    if name != "pdf" and name not in _DOCUMENT_ADAPTERS:
        return [load_bytes(data, source=source, fmt=fmt, lang=lang, derive_id=derive_id)]
    try:
        if name == "pdf":
            from treatydiff.formats import pdf

            read = pdf.read(data, source=source, lang=lang)
            made = [pdf.instrument(read, part, lang=lang) for part in read.parts]
        else:
            from treatydiff.formats import document

            layout = read_layout(data, fmt=name, lang=lang)
            made = [
                document.instrument(layout, part=n, lang=lang)
                for n in range(1, len(layout.parts) + 1)
            ]
    except FormatError as exc:
        raise FormatError(f"{source}: {exc}") from None
    sha256 = hashlib.sha256(data).hexdigest()
    derived = default_id(Path(source)) if derive_id else ""
    return [
        one.with_metadata(format=name).with_source(
            id=one.id or derived, source=source, sha256=sha256
        )
        if one.body
        else FormatError(f"{source}: no clauses found in {name} input")
        for one in made
    ]


def load_file(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    lang: str = "en",
    part: int = 1,
    instrument_id: str | None = None,
    options: ReadOptions | None = None,
) -> Instrument:
    """Read and parse one source file."""
    path = Path(path)
    return load_bytes(
        read_bytes(path),
        source=str(path),
        fmt=fmt,
        lang=lang,
        part=part,
        instrument_id=instrument_id,
        options=options,
    )


def load_stdin(
    *, fmt: str | None = None, lang: str = "en", part: int = 1, options: ReadOptions | None = None
) -> Instrument:
    """Read and parse standard input (source ``-``, id ``stdin``); InputError when it is
    closed or larger than the input limit."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-: standard input is closed")
    return load_bytes(
        read_limited(stream, source="-"),
        source="-",
        fmt=fmt,
        lang=lang,
        part=part,
        instrument_id="stdin",
        options=options,
    )


Source = str | os.PathLike[str] | bytes | IO[bytes] | IO[str]


def load(
    source: Source,
    *,
    format: str | None = None,
    lang: str = "en",
    part: int = 1,
) -> Instrument:
    """Read one instrument from a file, its bytes, or an open file.

    The text is decoded as UTF-8 (a byte-order mark is dropped, line ends become ``\\n``),
    its format detected from the content unless given, and parsed into a clause tree
    whose clauses carry Akoma Ntoso ids (``art_3__para_1__point_a``).

    Args:
        source: Where the text is: a path (``pathlib.Path`` or ``str``; a ``str`` is
            always a path, never the text itself: pass text as ``text.encode()``), the
            bytes of a source file, or a file object open for reading in binary or text
            mode (read to its end and left open).
        format: The source format, one of ``treatydiff.formats.FORMATS``: ``"un-text"``,
            ``"laws-markdown"``, ``"markdown"``, ``"json-articles"``, ``"akn"`` (Akoma
            Ntoso 3.0 XML), ``"treatydiff"`` (the project's own stored form), or with the
            ``documents`` extra ``"docx"`` (Word), ``"html"`` and ``"pdf"``. None detects
            it from the content.
        lang: The language to read, as an ISO 639-1 code (``"en"``, ``"nl"``): from a
            bilingual source the text in that language; it also selects the words the
            clause structure is read by (article and paragraph words, preamble
            formulas).
        part: Which instrument of a source that holds more than one, from 1 (the
            first Optional Protocol to the ICCPR is part 2 of the ICCPR's file).

    Returns:
        The instrument. Its ``id`` is the one the source states, else the file's stem
        (``folder@stem`` for a file named by its date, ``opsc@2012-10-31``), ``bytes``
        for bytes and ``stream`` for a file object without a file name.
        ``metadata.source`` is the path (``<bytes>``, ``<stream>`` otherwise),
        ``metadata.sha256`` the hex SHA-256 of the bytes read, ``metadata.format`` the
        format used.

    Raises:
        InputError: The source cannot be read: no such file, a folder, empty, binary,
            not UTF-8, or not a path, bytes or file object.
        FormatError: The format given is unknown, the format cannot be detected, the
            source is malformed for its format, or it holds no clauses.
        ConfigError: ``part`` is not a whole number from 1 up.

    Examples:
        >>> import treatydiff
        >>> preamble = treatydiff.load("examples/opsc-preamble-ohchr.txt")
        >>> preamble.id, preamble.metadata.format, len(preamble.leaves)
        ('opsc-preamble-ohchr', 'un-text', 16)
        >>> first = preamble.leaves[4].clause
        >>> first.eid, first.kind, first.line
        ('preamble__p_1', 'recital', 8)

        Bytes and file objects read the same way:

        >>> data = open("examples/opsc-preamble-ohchr.txt", "rb").read()
        >>> treatydiff.load(data).body == preamble.body
        True
        >>> treatydiff.load(b"# Protocol\\n\\n## Article 1\\n\\nStates Parties shall act.\\n").title
        'Protocol'
    """
    if isinstance(source, str | os.PathLike):
        return load_file(source, fmt=format, lang=lang, part=part)
    instrument_id: str | None
    if isinstance(source, bytes | bytearray | memoryview):
        data, label, instrument_id = bytes(source), "<bytes>", "bytes"
    elif callable(getattr(source, "read", None)):
        name = getattr(source, "name", None)
        label = name if isinstance(name, str) and not name.startswith("<") else "<stream>"
        data = read_stream(source, label)
        instrument_id = None if label != "<stream>" else "stream"
    else:
        raise InputError(
            f"cannot read a {type(source).__name__}: give a path, bytes or a file object"
        )
    return load_bytes(
        data, source=label, fmt=format, lang=lang, part=part, instrument_id=instrument_id
    )
