"""The cache of read sources, in the data home, by content.

An entry is the JSON form of a source's ``Outcome`` (``reuse.read``), stored at::

    <data home>/cache/reuse/<code>/<sha256[:2]>/<sha256>.<lang>.<format>.json

``<code>`` is a fingerprint of the treatydiff code that reads sources: a new version, or
any edit of an importer, starts a fresh folder, so an entry never outlives the code that
wrote it. ``<sha256>`` is that of the source's bytes: a renamed or moved file is found
again, an edited one is read anew. Entries are written atomically (``outputs.write_atomic``);
an entry that cannot be read or parsed is ignored, and rewritten by the run that reads the
source again. Folders of older code are left for the user to delete.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from functools import cache
from pathlib import Path

from treatydiff.errors import OutputError
from treatydiff.outputs import write_atomic
from treatydiff.reuse.read import Outcome, outcome_from_json, outcome_to_json

_PACKAGE = Path(__file__).resolve().parent.parent


@cache
def code_fingerprint() -> str:
    """16 hex digits of the SHA-256 of treatydiff's Python sources (paths and bytes)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


class Cache:
    """Outcomes of sources under ``folder`` (``<data home>/cache/reuse``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder / code_fingerprint()

    def _path(self, sha256: str, lang: str, fmt: str | None) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.{lang}.{fmt or 'auto'}.json"

    def get(self, sha256: str, lang: str, fmt: str | None) -> Outcome | None:
        """The cached outcome, or None when there is none or it is unreadable."""
        try:
            data = json.loads(self._path(sha256, lang, fmt).read_bytes())
            return outcome_from_json(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, sha256: str, lang: str, fmt: str | None, outcome: Outcome) -> None:
        """Store ``outcome``; a cache that cannot be written is no reason to stop a run."""
        data = json.dumps(outcome_to_json(outcome), ensure_ascii=False, separators=(",", ":"))
        with contextlib.suppress(OutputError):
            write_atomic(self._path(sha256, lang, fmt), data.encode("utf-8"))
