"""Where the shipped data folders are: inside the installed package, or the source tree.

A wheel carries ``templates/`` and ``instruments/`` inside the package; an editable
install or a source checkout keeps them at the top of the project.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """The folder ``name`` (``templates``, ``instruments``) shipped with treatydiff."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"treatydiff installation is missing its {name}/ folder")
