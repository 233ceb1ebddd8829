"""Reading a source's bytes and decoding its text: the input size limit, byte-order marks,
encodings (named, marked, or detected with the ``documents`` extra) and line ends.

Used by the registry (``treatydiff.formats``) and by the layout adapters that decode
markup themselves; raises InputError for what cannot be read and ConfigError for a
limit or an encoding name that is no such thing.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import IO

from treatydiff.errors import ConfigError, InputError

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


def current_input_limit() -> int:
    """The input limit in force (``input_limit``), in bytes."""
    return _max_bytes.get()


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


# Byte-order marks and the encodings they make certain; UTF-32's first, as the UTF-32LE mark
# starts with UTF-16LE's.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Below this many bytes, a detector's guess of a legacy encoding is no evidence: the text is
# refused with a request to name the encoding.
DETECTION_MIN_BYTES = 256


def decode(data: bytes, *, source: str, encoding: str | None = None) -> str:
    """Text of a source file (see ``decode_text``)."""
    return decode_text(data, source=source, encoding=encoding)[0]


def decode_text(data: bytes, *, source: str, encoding: str | None = None) -> tuple[str, str | None]:
    """The text of a source file, line ends made ``\\n``, and the name of the encoding
    when it was detected rather than certain (None otherwise).

    The encoding is ``encoding`` when given; else the one a byte-order mark makes certain
    (UTF-8, UTF-16, UTF-32); else UTF-8 when the bytes are valid UTF-8; else, with the
    ``documents`` extra installed, the one charset-normalizer detects in a text of at least
    ``DETECTION_MIN_BYTES`` bytes. Raises InputError for an empty or binary file (a NUL
    byte without a byte-order mark), bytes that are not valid in the named or marked
    encoding, and a text whose encoding cannot be told; ConfigError for an unknown
    encoding name.
    Input larger than the input limit (``input_limit``) is refused too.
    """
    if len(data) > _max_bytes.get():
        raise InputError(
            f"{source}: larger than the input limit of {_max_bytes.get()} bytes (--max-bytes)"
        )
    if not data.strip():
        raise InputError(f"{source}: file is empty")
    name = encoding or next((name for bom, name in BYTE_ORDER_MARKS if data.startswith(bom)), None)
    if name is not None:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise ConfigError(f"unknown text encoding {name!r}") from None
        try:
            text = data.decode("utf-8-sig" if codec == "utf-8" else codec)
        except UnicodeDecodeError as exc:
            raise InputError(f"{source}: not {codec} text (byte {exc.start})") from None
        return _lines(text.removeprefix("\ufeff")), None
    if b"\x00" in data:
        # A text holds no NUL; anywhere, not only where a look at the start would see it.
        raise InputError(f"{source}: binary file, not a text")
    try:
        return _lines(data.decode("utf-8")), None
    except UnicodeDecodeError as exc:
        detected = _detected(data)
        if detected is None:
            raise InputError(
                f"{source}: not UTF-8 text (byte {exc.start}), and its encoding cannot be "
                "told: name it with --encoding"
            ) from None
        return _lines(data.decode(detected)), detected


def _detected(data: bytes) -> str | None:
    """The encoding charset-normalizer finds for ``data``; None without the documents
    extra, for a text too short to tell, or when nothing fits."""
    if len(data) < DETECTION_MIN_BYTES:
        return None
    try:
        import charset_normalizer
    except ModuleNotFoundError:
        return None
    best = charset_normalizer.from_bytes(data).best()
    return None if best is None else str(best.encoding)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_bytes(path: Path) -> bytes:
    """The bytes of the file at ``path``; InputError when it cannot be read or is larger
    than the input limit (``input_limit``)."""
    try:
        with open(path, "rb") as stream:
            return read_limited(stream, source=str(path))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except ValueError:  # a path with a NUL byte
        raise InputError(f"{path!r}: not a file name") from None


def read_stream(stream: IO[bytes] | IO[str], label: str) -> bytes:
    """The bytes of an open file, binary or text (text encoded as UTF-8), to its end;
    InputError when it cannot be read or its ``read()`` gives neither bytes nor str.
    Reads at most one byte (or character) past the input limit (``input_limit``)."""
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
