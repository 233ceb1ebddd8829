"""Writing results: atomically to a regular file, to a folder of pages, or to standard output.

Every write to a file follows the same rules, so that no output clobbers what it should not:

* Regular files only. A folder, device, FIFO or socket at the target is refused: writing
  "atomically" over ``/dev/null`` would replace the device node with a file.
* A symbolic link at the target is refused, unless the caller says ``force`` (the user's
  ``--force``): then the file the link points to is written, and the link stays.
* Never over an input of the same run: ``inputs`` names the files read, and a target that
  is one of them (the same file, by device and inode: also through a link) is refused.
* Atomic: the content goes to a temporary file in the target's folder (a short random
  name, whatever the length of the target's), is flushed to disk (``fsync``), and then
  renamed over the target. The temporary file is removed on any error, on Ctrl-C
  (SIGINT) and on SIGTERM or SIGHUP, which raise ``SystemExit(128 + signal)`` while a
  file is being written instead of ending the process at once.

Every failure is an ``OutputError`` with one line that names the path and the reason.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path, PurePosixPath
from types import FrameType

from treatydiff.errors import ConfigError, OutputError

Data = bytes | Iterable[bytes]

_TEMP_PREFIX = ".treatydiff-"
_TEMP_SUFFIX = ".tmp"


def write_atomic(
    path: Path, data: Data, *, force: bool = False, inputs: Iterable[str | Path] = ()
) -> None:
    """Write ``data`` (bytes, or an iterable of byte chunks) to the regular file ``path``,
    creating its folders, by the rules of this module; OutputError when that fails or a
    rule refuses the target."""
    target = checked_target(path, force=force, inputs=inputs)
    _make_folder(path, target.parent)
    with _signals_end_the_write():
        tmp, fd = _create_temp(path, target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                for chunk in [data] if isinstance(data, bytes | bytearray) else data:
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException as exc:
            tmp.unlink(missing_ok=True)
            if isinstance(exc, OSError):
                raise OutputError(f"{path}: cannot write ({_reason(exc)})") from None
            raise
    _sync_folder(target.parent)


def emit(
    content: str | bytes,
    output: Path | None,
    *,
    force: bool = False,
    inputs: Iterable[str | Path] = (),
) -> None:
    """Write ``content`` (text, written as UTF-8, or the bytes of a binary document) to
    ``output`` (see ``write_atomic``), or to standard output when ``output`` is None or
    ``-``.

    Raises OutputError when the file cannot be written, or standard output is closed,
    cannot be written (a full disk) or cannot encode the text.
    """
    if output is None or str(output) == "-":
        write_stdout(content)
    else:
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        write_atomic(output, data, force=force, inputs=inputs)


def write_stdout(content: str | bytes) -> None:
    """Write ``content`` (text, or bytes as they are) to standard output and flush it;
    OutputError when standard output is closed, cannot take the bytes (``ENOSPC``,
    ``EIO``) or cannot encode the text. BrokenPipeError (the reader went away) is raised
    as it is."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("standard output is closed")
    try:
        if isinstance(content, bytes):
            stream.buffer.write(content)
        else:
            stream.write(content)
        stream.flush()
    except UnicodeEncodeError as exc:
        raise OutputError(
            f"standard output cannot show U+{ord(exc.object[exc.start]):04X} (encoding "
            f"{exc.encoding}); write to a file with -o, or set PYTHONIOENCODING=utf-8"
        ) from None
    except BrokenPipeError:
        _discard_stdout()
        raise
    except (OSError, ValueError) as exc:  # ValueError: the stream was closed
        _discard_stdout()
        reason = _reason(exc) if isinstance(exc, OSError) else "it is closed"
        raise OutputError(f"standard output: cannot write ({reason})") from None


def append(path: Path, text: str, *, what: str) -> None:
    """Append ``text`` to the regular file ``path`` (created when missing); ``what`` names
    the text in the OutputError raised when the file cannot be written or is no regular
    file."""
    checked_target(path, force=False, inputs=())
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise OutputError(f"{path}: cannot append {what} ({_reason(exc)})") from None


def write_pages(
    folder: Path, pages: Mapping[str, str], *, inputs: Iterable[str | Path] = ()
) -> list[str]:
    """Write ``pages`` (relative POSIX path -> text) into ``folder``, each atomically;
    the names written, sorted.

    Confined to ``folder``: every name is checked before anything is written, and one
    that would land outside (absolute, with ``..``, a backslash or a NUL) raises
    ConfigError. Links inside the folder are not followed: a symbolic link where a page
    or one of its folders goes raises OutputError, and so does a folder that resolves
    outside ``folder``. ``folder`` itself may be a link. A ``folder`` that exists and is
    not a folder, OutputError.
    """
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: exists and is not a folder")
    for name in pages:
        parts = PurePosixPath(name).parts
        if (
            not parts
            or PurePosixPath(name).is_absolute()
            or "\\" in name
            or "\x00" in name
            or ".." in parts
        ):
            raise ConfigError(f"{name!r}: a page must stay inside the site folder")
    inputs = tuple(inputs)
    for name in sorted(pages):
        path = _inside(folder, PurePosixPath(name).parts)
        write_atomic(path, pages[name].encode("utf-8"), inputs=inputs)
    return sorted(pages)


# --- the rules ---------------------------------------------------------------------------

_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
)


def checked_target(path: Path, *, force: bool, inputs: Iterable[str | Path]) -> Path:
    """The file to write for ``path``: ``path``, or with ``force`` the file its link points
    to. OutputError for what the rules refuse (a command that writes several files asks
    before its work, so that nothing is printed or written when one is refused)."""
    target = path
    info = _lstat(path)
    if info is not None and stat.S_ISLNK(info.st_mode):
        if not force:
            raise OutputError(
                f"{path}: is a symbolic link; give --force to write to the file it points to"
            )
        target = Path(os.path.realpath(path))
        info = _lstat(target)
    if info is not None:
        for is_kind, kind in _KINDS:
            if is_kind(info.st_mode):
                raise OutputError(f"{path}: is {kind}, not a regular file; nothing written")
        for source in inputs:
            read = _stat(Path(source))
            if read is not None and (read.st_dev, read.st_ino) == (info.st_dev, info.st_ino):
                raise OutputError(f"{path}: is an input of this command; not overwritten")
    return target


def _inside(folder: Path, parts: tuple[str, ...]) -> Path:
    """``folder`` joined with ``parts``, refusing a link at any of them and a folder that
    resolves outside ``folder`` (OutputError)."""
    root = Path(os.path.realpath(folder))
    path = folder
    for part in parts:
        path = path / part
        info = _lstat(path)
        if info is not None and stat.S_ISLNK(info.st_mode):
            raise OutputError(
                f"{path}: is a symbolic link inside the output folder; links there are not followed"
            )
    resolved = Path(os.path.realpath(path.parent))
    if resolved != root and root not in resolved.parents:
        raise OutputError(f"{path}: resolves outside the output folder {folder}")
    return path


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({_reason(exc)})") from None


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _make_folder(path: Path, folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"{path}: cannot create the folder {exc.filename} ({_reason(exc)})"
        ) from None


def _create_temp(path: Path, folder: Path) -> tuple[Path, int]:
    """A new empty file beside the target and its descriptor, open for writing. Created
    as any new file is (0666 less the umask, so that a published report is readable as
    usual; ``tempfile.mkstemp`` would make it private to its owner)."""
    for _ in range(8):
        tmp = folder / f"{_TEMP_PREFIX}{os.getpid()}-{os.urandom(6).hex()}{_TEMP_SUFFIX}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_NOFOLLOW, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({_reason(exc)})") from None
        return tmp, fd
    raise OutputError(f"{path}: cannot create a temporary file in {folder}")


def stale_temporaries(folders: Iterable[Path], *, older_than: float = 3600.0) -> list[Path]:
    """The temporary files ``write_atomic`` left in ``folders`` (not recursively) when a
    process was killed before it could remove them (SIGKILL, power loss), last changed
    more than ``older_than`` seconds ago (a write in progress is younger), sorted."""
    now = time.time()
    found: list[Path] = []
    for folder in folders:
        for path in folder.glob(f"{_TEMP_PREFIX}*{_TEMP_SUFFIX}"):
            with suppress(OSError):
                if now - path.lstat().st_mtime > older_than:
                    found.append(path)
    return sorted(found)


def _sync_folder(folder: Path) -> None:
    """Flush the rename to disk too, where the system allows opening a folder."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _discard_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's last flush at
    exit does not fail a second time and print a traceback of its own."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


# --- signals -----------------------------------------------------------------------------

_ENDING_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _end(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _signals_end_the_write() -> Iterator[None]:
    """While a file is written: SIGTERM and SIGHUP, whose default action ends the process
    at once, raise ``SystemExit(128 + signal)`` instead, so that the temporary file is
    removed. Only where the default action is in place, and only in the main thread (the
    only one Python lets set handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    replaced = [sig for sig in _ENDING_SIGNALS if signal.getsignal(sig) is signal.SIG_DFL]
    for sig in replaced:
        signal.signal(sig, _end)
    try:
        yield
    finally:
        for sig in replaced:
            signal.signal(sig, signal.SIG_DFL)
