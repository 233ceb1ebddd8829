"""Writing results: atomically to a file, or to standard output.

A failure midway never leaves a half-written output file: content goes to a temporary
file beside the target, which replaces the target only once complete.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    # Created as any new file is (0666 less the umask), so that a published report is
    # readable as usual; tempfile.mkstemp would make it private to its owner.
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_files(folder: Path, files: Mapping[str, str]) -> None:
    """Write each text of ``files`` (relative path -> text) into ``folder``, atomically
    and as UTF-8, in the order of their paths."""
    for name, text in sorted(files.items()):
        write_atomic(folder / name, text.encode("utf-8"))


def emit(text: str, output: Path | None) -> None:
    """Write ``text`` to ``output``, or to stdout when ``output`` is None or ``-``."""
    if output is None or str(output) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        write_atomic(output, text.encode("utf-8"))
