"""Import adapters: one per source format, detected from content or forced.

Every adapter is a pure function ``parse(text, *, lang, part) -> Instrument``; this module
does the I/O around them (reading, decoding, hashing) and fills in the metadata that
describes the source. ``load`` (exported as ``treatydiff.load``) reads any kind of source.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import import_module
from pathlib import Path
from typing import IO

from treatydiff.errors import ConfigError, FormatError, InputError
from treatydiff.model import Instrument
from treatydiff.normalize import LONE_SURROGATE

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
FORMATS: tuple[str, ...] = tuple(_ADAPTERS)

_NATIVE_MAGIC = "%treatydiff-instrument"
_MD_HEADING = re.compile(r"^#{1,6}\s*\S", re.MULTILINE)

# The largest source read, in bytes: the largest treaty file of the corpus is under 2 MB,
# and a limit keeps a wrong path (``/dev/zero``) from filling the memory.
MAX_BYTES = 50 * 1024 * 1024
_max_bytes: ContextVar[int] = ContextVar("max_bytes", default=MAX_BYTES)


@contextmanager
def input_limit(max_bytes: int) -> Iterator[None]:
    """Within the block, sources larger than ``max_bytes`` bytes are refused (InputError)
    by every reader of this module; the default is ``MAX_BYTES``. ConfigError for a limit
    below 1."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1:
        raise ConfigError(
            f"the input size limit must be a whole number of bytes from 1 up, not {max_bytes!r}"
        )
    token = _max_bytes.set(max_bytes)
    try:
        yield
    finally:
        _max_bytes.reset(token)


def read_limited(stream: IO[bytes], *, source: str) -> bytes:
    """The bytes of ``stream`` to its end; InputError when they are more than the input
    limit (``input_limit``) or cannot be read. Never reads more than one byte past it."""
    limit = _max_bytes.get()
    try:
        data = stream.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(f"{source}: larger than the input limit of {limit} bytes (--max-bytes)")
    return data


def decode(data: bytes, *, source: str) -> str:
    """Text of a source file; refuses empty, binary and undecodable input, and input
    larger than the input limit (``input_limit``)."""
    if len(data) > _max_bytes.get():
        raise InputError(
            f"{source}: larger than the input limit of {_max_bytes.get()} bytes (--max-bytes)"
        )
    if not data.strip():
        raise InputError(f"{source}: file is empty")
    if b"\x00" in data:
        # A text holds no NUL; anywhere, not only where a look at the start would see it.
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
    """Parse ``text`` with the adapter for ``fmt`` (detected when None).

    Raises FormatError for an unknown format, malformed input or a text without clauses,
    and ConfigError for a ``part`` below 1.
    """
    if isinstance(part, bool) or not isinstance(part, int) or part < 1:
        raise ConfigError(f"part must be a whole number from 1 up, not {part!r}")
    name = fmt or detect_format(text)
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


def _default_id(path: Path) -> str:
    """A readable id for a file: its stem, or folder@stem when the stem is a date."""
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
) -> Instrument:
    """Decode and parse the bytes of one source named ``source`` (a path, URL or label
    for messages and metadata); the id is ``instrument_id``, else the one the format
    states, else derived from ``source`` as a path."""
    text = decode(data, source=source)
    try:
        instrument = parse(text, fmt=fmt, lang=lang, part=part)
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
) -> Instrument:
    """Read and parse one source file."""
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            data = read_limited(stream, source=str(path))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except ValueError:  # a path with a NUL byte
        raise InputError(f"{path!r}: not a file name") from None
    return load_bytes(
        data, source=str(path), fmt=fmt, lang=lang, part=part, instrument_id=instrument_id
    )


def load_stdin(*, fmt: str | None = None, lang: str = "en", part: int = 1) -> Instrument:
    """Read and parse standard input (source ``-``, id ``stdin``); InputError when it is
    closed."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise InputError("-: standard input is closed")
    data = read_limited(stream, source="-")
    return load_bytes(data, source="-", fmt=fmt, lang=lang, part=part, instrument_id="stdin")


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
            Ntoso 3.0 XML) or ``"treatydiff"`` (the project's own stored form). None
            detects it from the content.
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
        ('opsc-preamble-ohchr', 'un-text', 13)
        >>> first = preamble.leaves[1].clause
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
        data = _read_stream(source, label)
        instrument_id = None if label != "<stream>" else "stream"
    else:
        raise InputError(
            f"cannot read a {type(source).__name__}: give a path, bytes or a file object"
        )
    return load_bytes(
        data, source=label, fmt=format, lang=lang, part=part, instrument_id=instrument_id
    )


def _read_stream(stream: IO[bytes] | IO[str], label: str) -> bytes:
    limit = _max_bytes.get()
    try:
        content = stream.read(limit + 1)
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{label}: cannot read ({exc})") from None
    if isinstance(content, str):
        return content.encode("utf-8")
    if isinstance(content, bytes):
        return content
    raise InputError(f"{label}: read() gave a {type(content).__name__}, not bytes or str")
