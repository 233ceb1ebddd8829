"""Where the shipped data folders are (inside the installed package, or the source tree),
the data home, where treatydiff keeps what it pulls and caches, and the fingerprint of the
code that names its caches' folders.

A wheel carries ``templates/`` and ``instruments/`` inside the package; an editable
install or a source checkout keeps them at the top of the project.
"""

from __future__ import annotations

import hashlib
import os
from functools import cache
from pathlib import Path

HOME_ENV = "TREATYDIFF_HOME"

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``templates``, ``instruments``) shipped with treatydiff."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"treatydiff installation is missing its {name}/ folder")


def data_home() -> Path:
    """``$TREATYDIFF_HOME``, else the platform's user data folder for treatydiff."""
    configured = os.environ.get(HOME_ENV)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_data_dir("treatydiff"))


@cache
def code_fingerprint() -> str:
    """16 hex digits naming the code that runs: the relative path, size and modification
    time (nanoseconds) of each of treatydiff's Python sources.

    A cache of what the code makes (``reuse.cache``, ``formats.cache``) keeps its entries in
    a folder of this name, so that no entry outlives the code that wrote it: a new version
    (which installs every source again, and changes ``__init__.py``'s version), a source
    edited in a checkout or installed again starts a fresh folder. The sources' status is
    read, not their bytes: about 0.5 ms for the ~110 files, where hashing them takes about
    4 ms, on every run of a command that reads an instrument.
    """
    digest = hashlib.sha256()
    for relative, size, mtime in sorted(_sources(_PACKAGE, "")):
        digest.update(f"{relative}\0{size}\0{mtime}\0".encode())
    return digest.hexdigest()[:16]


def _sources(folder: Path, prefix: str) -> list[tuple[str, int, int]]:
    """(path relative to the package, size, mtime_ns) of every ``.py`` file under
    ``folder``, byte-code folders left out."""
    found: list[tuple[str, int, int]] = []
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.name != "__pycache__":
                    found += _sources(Path(entry.path), f"{prefix}{entry.name}/")
            elif entry.name.endswith(".py"):
                info = entry.stat()
                found.append((prefix + entry.name, info.st_size, info.st_mtime_ns))
    return found
