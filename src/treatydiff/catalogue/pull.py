"""``treatydiff corpus pull``: fetch pinned sources, verify their sha256, import and store.

A source comes from, in this order: its verified copy already in the data home (so pulling
again re-imports without the network), a mirror folder laid out like the corpus
(``--mirror DIR``), or its pinned URL over HTTPS. ``--base-url URL`` (or
``$TREATYDIFF_SOURCE_BASE_URL``) fetches from another server that serves the same paths:
the scheme and host of each pinned URL are replaced by URL, the path is kept
(``https://raw.githubusercontent.com/OWNER/REPO/COMMIT/PATH`` becomes
``URL/OWNER/REPO/COMMIT/PATH``), for a proxy or an internal copy of the pinned hosts.

Bytes whose sha256 differs from the pin are refused before anything is written. Every
language of a version is imported in memory first; only then are the files written, each
atomically, the source last: a version whose source is stored is complete.

A download has a deadline for the whole of it (``deadline``, 300 s), not only for each
read: a server that answers a byte every half second would otherwise hold a pull for
hours. It reads at most one byte more than the pinned size (enough to see a mismatch),
and refuses at once a response that announces more.
"""

from __future__ import annotations

import hashlib
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from treatydiff import __version__
from treatydiff.catalogue.entries import (
    Catalogue,
    Entry,
    Version,
    require_text,
    with_catalogue_metadata,
)
from treatydiff.catalogue.store import stored_source, stored_text
from treatydiff.errors import ConfigError, FetchError, IntegrityError, TreatydiffError
from treatydiff.formats import load_bytes
from treatydiff.outputs import write_atomic

BASE_URL_ENV = "TREATYDIFF_SOURCE_BASE_URL"
TIMEOUT_SECONDS = 30.0  # for the server to answer, and for each read
DEADLINE_SECONDS = 300.0  # for a whole download
_CHUNK = 1 << 16

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Target:
    """One version to pull; ``explicit`` when named as ID@version."""

    entry: Entry
    version: Version
    explicit: bool

    @property
    def ref(self) -> str:
        return self.entry.ref(self.version)


def select(catalogue: Catalogue, refs: Sequence[str]) -> list[Target]:
    """The versions named by ``refs`` (ID or ID@version); every version when empty."""
    targets: list[Target] = []
    for ref in refs or [entry.id for entry in catalogue.entries]:
        instrument_id, at, label = ref.partition("@")
        entry = catalogue.get(instrument_id)
        if at:
            targets.append(Target(entry, entry.version(label), explicit=True))
        else:
            targets.extend(Target(entry, version, explicit=False) for version in entry.versions)
    unique: dict[str, Target] = {}
    for target in targets:
        known = unique.get(target.ref)
        if known is None or (target.explicit and not known.explicit):
            unique[target.ref] = target
    return list(unique.values())


def pull(
    targets: Sequence[Target],
    *,
    home: Path,
    mirror: Path | None = None,
    base_url: str | None = None,
    timeout: float = TIMEOUT_SECONDS,
    deadline: float = DEADLINE_SECONDS,
    progress: Progress | None = None,
) -> list[str]:
    """Pull every target, going on after a failure; returns one message per failure.
    ``timeout``: seconds for a server to answer and for each read; ``deadline``: seconds
    for a whole download."""

    def say(message: str) -> None:
        if progress is not None:
            progress(message)

    failures: list[str] = []
    done = 0
    for number, target in enumerate(targets, 1):
        counter = f"[{number}/{len(targets)}] {target.ref}"
        if not target.version.has_text and not target.explicit:
            say(f"{counter}: skipped, its pinned source is an empty file (no text)")
            continue
        try:
            how = _pull_one(
                target,
                home=home,
                mirror=mirror,
                base_url=base_url,
                timeout=min(timeout, deadline),
                deadline=deadline,
            )
        except TreatydiffError as exc:
            failures.append(str(exc))
            say(f"{counter}: FAILED")
            continue
        done += 1
        say(f"{counter}: {how}")
    say(f"pulled {done} version(s) into {home}; {len(failures)} failed")
    return failures


def _pull_one(
    target: Target,
    *,
    home: Path,
    mirror: Path | None,
    base_url: str | None,
    timeout: float,
    deadline: float,
) -> str:
    from treatydiff.formats import native

    entry, version = target.entry, target.version
    require_text(entry, version)
    kept = stored_source(home, entry, version)
    data = _kept_copy(kept, version)
    already_kept = data is not None
    if data is not None:
        origin = "verified copy in the data home"
    elif mirror is not None:
        data, origin = _read_mirror(target, mirror), f"mirror {mirror}"
    else:
        url = rebase(version.url, base_url) if base_url else version.url
        data, origin = _download(target, url, timeout=timeout, deadline=deadline), url
    actual = hashlib.sha256(data).hexdigest()
    if actual != version.sha256:
        raise IntegrityError(
            f"{target.ref}: sha256 mismatch for {origin}: expected {version.sha256}, "
            f"got {actual} ({len(data)} bytes); nothing stored"
        )
    imported = [
        with_catalogue_metadata(
            load_bytes(
                data,
                source=f"{target.ref} ({version.url})",
                fmt=version.format,
                lang=lang,
                part=version.part,
                instrument_id=entry.id,
            ),
            entry,
            version,
            lang,
        )
        for lang in version.languages
    ]
    texts = [native.dumps(instrument) for instrument in imported]
    for lang, text in zip(version.languages, texts, strict=True):
        write_atomic(stored_text(home, entry, version, lang), text.encode("utf-8"))
    if not already_kept:
        write_atomic(kept, data)
    first = imported[0]
    return (
        f"{len(first.articles())} articles, {len(first.leaves)} clauses "
        f"({', '.join(version.languages)}) from {origin}"
    )


def _kept_copy(path: Path, version: Version) -> bytes | None:
    """The stored source bytes, if present and still matching the pin."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    return data if hashlib.sha256(data).hexdigest() == version.sha256 else None


def _read_mirror(target: Target, mirror: Path) -> bytes:
    path = mirror / target.version.mirror_path
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FetchError(f"{target.ref}: not in the mirror: {path} does not exist") from None
    except OSError as exc:
        raise FetchError(f"{target.ref}: cannot read {path} ({exc.strerror})") from None


def check_base_url(base_url: str) -> None:
    """ConfigError unless ``base_url`` is an http:// or https:// URL with a host (and a
    valid port, if any)."""
    try:
        parts = urlsplit(base_url)
        # .port raises ValueError for a port that is no number or out of range
        valid = parts.scheme in ("http", "https") and bool(parts.hostname) and parts.port != 0
    except ValueError as exc:
        raise ConfigError(f"{base_url!r} is not a valid URL ({exc})") from None
    if not valid:
        raise ConfigError(f"{base_url!r}: must be an http:// or https:// URL with a host")


def rebase(url: str, base_url: str) -> str:
    """``url`` with its scheme and host replaced by ``base_url`` (path kept)."""
    parts = urlsplit(url)
    return base_url.rstrip("/") + parts.path + (f"?{parts.query}" if parts.query else "")


def _download(target: Target, url: str, *, timeout: float, deadline: float) -> bytes:
    """The bytes at ``url``: at most one more than the pinned size, within ``deadline``
    seconds in all (each read waits at most ``timeout``); FetchError otherwise."""
    request = urllib.request.Request(url, headers={"User-Agent": f"treatydiff/{__version__}"})
    host = urlsplit(url).netloc or url
    most = target.version.size + 1  # one byte more than pinned shows a mismatch
    give_up = time.monotonic() + deadline
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            announced = response.headers.get("Content-Length", "")
            if announced.isdigit() and int(announced) > target.version.size:
                raise FetchError(
                    f"{target.ref}: {host} sends {int(announced)} bytes, the pinned source "
                    f"has {target.version.size}; nothing stored"
                )
            chunks: list[bytes] = []
            size = 0
            while size < most:
                if time.monotonic() > give_up:
                    raise FetchError(
                        f"{target.ref}: the download from {host} did not finish within "
                        f"{deadline:g} s (--timeout)"
                    )
                chunk = response.read1(min(_CHUNK, most - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            return b"".join(chunks)
    except urllib.error.HTTPError as exc:
        raise FetchError(f"{target.ref}: {url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise FetchError(f"{target.ref}: cannot reach {host}: {exc.reason}") from None
    except TimeoutError:
        raise FetchError(f"{target.ref}: {host} did not answer within {timeout:g} s") from None
    except OSError as exc:
        raise FetchError(f"{target.ref}: download from {host} failed: {exc}") from None
