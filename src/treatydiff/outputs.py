"""Writing results: atomically to a file, to a folder of pages, or to standard output.

A failure midway never leaves a half-written output file: content goes to a temporary
file beside the target, which replaces the target only once complete.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path, PurePosixPath

from treatydiff.errors import ConfigError, OutputError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``, creating its folders; OutputError when that fails."""
    tmp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot create the folder {exc.filename} ({exc.strerror})"
        ) from None
    try:
        # Created as any new file is (0666 less the umask), so that a published report is
        # readable as usual; tempfile.mkstemp would make it private to its owner.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException as exc:
        tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror})") from None
        raise


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or to stdout when ``output`` is None or ``-``.

    Raises OutputError when the file cannot be written or stdout cannot encode the text.
    """
    if output is None or str(output) == "-":
        try:
            sys.stdout.write(text)
        except UnicodeEncodeError as exc:
            raise OutputError(
                f"standard output cannot show U+{ord(exc.object[exc.start]):04X} (encoding "
                f"{exc.encoding}); write to a file with -o, or set PYTHONIOENCODING=utf-8"
            ) from None
        sys.stdout.flush()
    else:
        write_atomic(output, text.encode("utf-8"))


def append(path: Path, text: str, *, what: str) -> None:
    """Append ``text`` to the file ``path`` (created when missing); ``what`` names the
    text in the OutputError raised when the file cannot be written."""
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot append {what} ({exc.strerror})") from None


def write_pages(folder: Path, pages: Mapping[str, str]) -> list[str]:
    """Write ``pages`` (relative POSIX path -> text) into ``folder``, each atomically;
    the names written, sorted. Every name is checked before anything is written: one
    that would land outside ``folder`` (absolute, or with ``..``) raises ConfigError; a
    ``folder`` that exists and is not a folder, OutputError."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder")
    for name in pages:
        parts = PurePosixPath(name).parts
        if not parts or PurePosixPath(name).is_absolute() or "\\" in name or ".." in parts:
            raise ConfigError(f"{name!r}: a page must stay inside the site folder")
    for name in sorted(pages):
        write_atomic(folder / name, pages[name].encode("utf-8"))
    return sorted(pages)
