"""The cache of a reuse search, in the data home, by content.

A source's entry is the JSON form of its outcomes, one per instrument it holds
(``reuse.read``), stored at::

    <data home>/cache/reuse/<code>/<sha256[:2]>/<sha256>.<lang>.<format>.json

The pairs of the last search at a threshold are stored at
``<data home>/cache/reuse/<code>/pairs-<threshold>.json``: the digests of the distinct
clause texts it compared and every pair of them at least that similar. The similarity
of two texts depends on nothing else, so the next search looks only for the pairs of the
texts it has not seen (a treaty added, or edited); a search of another collection starts
afresh and replaces the entry.

``<code>`` is ``resources.code_fingerprint()``, naming the treatydiff code that reads
sources: a new version, or any edit of its sources, starts a fresh folder, so an entry
never outlives the code that wrote it. ``<sha256>`` is that of the source's bytes: a
renamed or moved file is found again, an edited one is read anew. An entry holds nothing
of the path that filled it (``reuse.read``): the same bytes at another path are a hit,
named after that path (``reuse.collection``). Entries are written
atomically (``outputs.write_atomic``); an entry that cannot be read or parsed is ignored,
and rewritten by the run that reads the source again. The first write of a run removes
the temporary files of writes killed midway (``outputs.stale_temporaries``), as the cache
of imported instruments does. Folders of older code are left for the user to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from treatydiff.errors import OutputError
from treatydiff.outputs import stale_temporaries, write_atomic
from treatydiff.resources import code_fingerprint
from treatydiff.reuse.read import Outcome, outcomes_from_json, outcomes_to_json


@dataclass(frozen=True)
class KnownPairs:
    """Every pair of ``texts`` (digests, ``text_digest``) at least a threshold similar:
    (digest, digest, similarity)."""

    texts: frozenset[str]
    pairs: tuple[tuple[str, str, float], ...]


def text_digest(words: str) -> str:
    """24 hex digits naming a clause's words (``ClauseRecord.words``)."""
    return hashlib.blake2b(words.encode("utf-8"), digest_size=12).hexdigest()


_PAIRS_SCHEMA = 1


class Cache:
    """Outcomes of sources under ``folder`` (``<data home>/cache/reuse``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / code_fingerprint()
        self._swept = False

    def _write(self, path: Path, data: bytes) -> None:
        """Write ``data`` to ``path`` atomically, not stopping the run if it fails; the
        first write also removes what writes killed midway left."""
        if not self._swept:
            self._swept = True
            for leftover in stale_temporaries([self.folder, *self.folder.glob("??")]):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        with contextlib.suppress(OutputError):
            write_atomic(path, data)

    def _path(self, sha256: str, lang: str, fmt: str | None) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.{lang}.{fmt or 'auto'}.json"

    def get(self, sha256: str, lang: str, fmt: str | None) -> tuple[Outcome, ...] | None:
        """The cached outcomes, or None when there are none or the entry is unreadable."""
        try:
            data = json.loads(self._path(sha256, lang, fmt).read_bytes())
            return outcomes_from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, sha256: str, lang: str, fmt: str | None, outcomes: tuple[Outcome, ...]) -> None:
        """Store ``outcomes``; a cache that cannot be written is no reason to stop a run."""
        data = json.dumps(outcomes_to_json(outcomes), ensure_ascii=False, separators=(",", ":"))
        self._write(self._path(sha256, lang, fmt), data.encode("utf-8"))

    def _pairs_path(self, threshold: float) -> Path:
        return self.folder / f"pairs-{threshold!r}.json"

    def get_pairs(self, threshold: float) -> KnownPairs | None:
        """The pairs of the last search at ``threshold``, or None when there are none or
        the entry is unreadable."""
        try:
            data = json.loads(self._pairs_path(threshold).read_bytes())
            return _known_pairs(data, threshold)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put_pairs(self, threshold: float, known: KnownPairs) -> None:
        """Store the pairs of a search at ``threshold`` (not stopping the run if it fails)."""
        data = {
            "schema": _PAIRS_SCHEMA,
            "threshold": threshold,
            "texts": sorted(known.texts),
            "pairs": sorted(known.pairs),
        }
        self._write(self._pairs_path(threshold), json.dumps(data).encode("utf-8"))


def _known_pairs(data: Any, threshold: float) -> KnownPairs:
    if data["schema"] != _PAIRS_SCHEMA or data["threshold"] != threshold:
        raise ValueError("not a pairs entry of this schema and threshold")
    texts = frozenset(data["texts"])
    pairs = []
    for a, b, similarity in data["pairs"]:
        if a not in texts or b not in texts or not threshold <= similarity <= 1.0:
            raise ValueError("a pair outside the entry")
        pairs.append((str(a), str(b), float(similarity)))
    if not all(isinstance(text, str) for text in texts):
        raise ValueError("a text digest is not a string")
    return KnownPairs(texts, tuple(pairs))
