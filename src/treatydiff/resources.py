"""Where the shipped data folders are (inside the installed package, or the source tree),
and the data home, where treatydiff keeps what it pulls and caches.

A wheel carries ``templates/`` and ``instruments/`` inside the package; an editable
install or a source checkout keeps them at the top of the project.
"""

from __future__ import annotations

import os
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
