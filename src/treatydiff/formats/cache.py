"""The cache of imported instruments: what an importer made of a source's bytes, kept in the
data home between runs, so that reading the same bytes again skips the importer (and the
libraries it loads: markdown-it-py, PDFium, the segmenter).

An entry is stored at::

    <data home>/cache/instruments/<code>/<key[:2]>/<key>.pickle

``<code>`` is ``resources.code_fingerprint()`` (treatydiff's sources, and so its version),
so that no entry outlives the code that wrote it. ``<key>`` (``key``) is the SHA-256 of what
the import reads: the SHA-256 of the source's bytes, the format asked for (``auto`` when it
is detected), the language, the part of the file and the reading settings
(``ReadOptions``). The file's name and place are no part of it: the same bytes read from
another path are a hit, named after the path read now (``Instrument.with_source``).

An entry is a header line (this cache's schema, the code's fingerprint and the key) and
then the instrument as a Python pickle, with what is derived from its text alone
(``Instrument.leaves``, ``leaf_keys``, ``leaf_words``) already computed. Pickle rather than
the project's own JSON form (``formats.native``): that form leaves out the reader's
guesses (``show --explain``), and a pickle loads about ten times faster (the CRC's 200
clauses: 0.2 ms against 2.4 ms; 0.6 ms with the derived properties). A pickle runs code
when loaded: the cache trusts its folder as the user's own files are trusted, and no entry
is read from anywhere else.

Never an error: an entry that is missing, truncated, corrupt, of another schema, code
or key, or that holds no instrument is a miss, and the run writes it again. Writes are
atomic (``outputs.write_atomic``); a data home that cannot be written (read-only, full, a
file where the folder goes) leaves every run a miss. The cache is bounded: after a write,
the entries least recently used (a hit touches its entry) are removed until the entries
of every code together take at most ``MAX_BYTES``.

The cache is used where ``caching()`` is in force: the command line's reading commands,
unless ``--no-cache`` or ``TREATYDIFF_NO_CACHE=1``. ``formats.load_bytes`` looks it up with
``current()``; ``treatydiff.load`` reads afresh unless its caller enters ``caching()``.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from contextvars import ContextVar
from functools import cached_property
from pathlib import Path

from treatydiff.formats.options import ReadOptions
from treatydiff.model import Instrument
from treatydiff.resources import code_fingerprint, data_home

# The largest the cache grows, in bytes, all codes' entries together: an entry takes about
# four times the text it holds (the CRC's English, 47 kB: 190 kB), so about a thousand
# conventions.
MAX_BYTES = 200 * 1024 * 1024

_SCHEMA = 1
_SUFFIX = ".pickle"


def key(sha256: str, *, fmt: str | None, lang: str, part: int, options: ReadOptions | None) -> str:
    """The key (64 hex digits) of reading the source whose bytes have the SHA-256
    ``sha256`` (hex) as format ``fmt`` (None: detected), language ``lang``, part ``part``
    with ``options`` (None: the importers' defaults)."""
    read_with = "-" if options is None else repr(options)
    fields = (sha256, fmt or "auto", lang, str(part), read_with)
    return hashlib.sha256("\0".join(fields).encode("utf-8")).hexdigest()


class InstrumentCache:
    """Instruments by ``key``, in ``folder`` (None: ``cache/instruments`` of the data
    home, found when first needed), at most ``max_bytes`` bytes of entries."""

    def __init__(self, folder: Path | None = None, *, max_bytes: int = MAX_BYTES) -> None:
        self._folder = folder
        self.max_bytes = max_bytes

    @cached_property
    def root(self) -> Path:
        """The cache's folder, which holds one folder of entries per code."""
        return self._folder or data_home() / "cache" / "instruments"

    def path(self, key: str) -> Path:
        """Where the entry of ``key`` is kept."""
        return self.root / code_fingerprint() / key[:2] / f"{key}{_SUFFIX}"

    def get(self, key: str) -> Instrument | None:
        """The instrument stored under ``key``, or None when there is none or it cannot
        be read (see the module's text). A hit marks the entry as used now."""
        import pickle

        try:
            path = self.path(key)
            with open(path, "rb") as handle:
                if handle.readline() != _header(key):
                    return None
                instrument = pickle.load(handle)
        # What a damaged pickle raises is open-ended (UnpicklingError, EOFError, but also
        # ValueError, KeyError, AttributeError, ImportError...): every one is a miss.
        except Exception:
            return None
        if not isinstance(instrument, Instrument):
            return None
        with suppress(OSError):
            os.utime(path)
        return instrument

    def put(self, key: str, instrument: Instrument) -> None:
        """Store ``instrument`` under ``key``, with its text-derived properties computed,
        then keep the cache within its bound; a write that fails is no reason to stop a
        run (the next run reads the source again)."""
        import pickle

        from treatydiff.errors import OutputError
        from treatydiff.outputs import write_atomic

        _ = instrument.leaf_words  # computes leaves and leaf_keys too: stored with the entry
        try:
            data = _header(key) + pickle.dumps(instrument, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomic(self.path(key), data)
            self._evict()
        except (OutputError, OSError):
            return

    def _evict(self) -> None:
        """Remove the least recently used entries, of any code, until the rest take at
        most ``max_bytes``, and the temporary files of writes killed midway."""
        from treatydiff.outputs import stale_temporaries

        for leftover in stale_temporaries(self.root.glob("*/??")):
            with suppress(OSError):
                leftover.unlink()
        entries: list[tuple[int, int, Path]] = []
        for path in self.root.glob(f"*/??/*{_SUFFIX}"):
            with suppress(OSError):
                info = path.stat()
                entries.append((info.st_mtime_ns, info.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.max_bytes:
                break
            with suppress(OSError):
                path.unlink()
                total -= size


def _header(key: str) -> bytes:
    return f"treatydiff-instrument-cache {_SCHEMA} {code_fingerprint()} {key}\n".encode()


_current: ContextVar[InstrumentCache | None] = ContextVar("instrument_cache", default=None)


@contextmanager
def caching(cache: InstrumentCache | None = None) -> Iterator[InstrumentCache]:
    """Within the block, instruments read from bytes (``formats.load_bytes``, and so
    every file and standard input) are looked up in ``cache`` (default: the data home's)
    and stored there."""
    store = cache or InstrumentCache()
    token = _current.set(store)
    try:
        yield store
    finally:
        _current.reset(token)


def current() -> InstrumentCache | None:
    """The cache in force (``caching``), or None."""
    return _current.get()
