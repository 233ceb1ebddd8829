"""Git, the edge of a check against a revision: the bytes of a file at a revision, read
with ``git show`` in a subprocess."""

from __future__ import annotations

import subprocess
from pathlib import Path

from treatydiff.errors import InputError


def git_blob(path: Path, revision: str) -> bytes | None:
    """The bytes of ``path`` at git ``revision``; None when the file is not in it."""
    folder = path.parent if path.parent.is_dir() else Path.cwd()
    if _git(["rev-parse", "--show-toplevel"], folder).returncode:
        raise InputError(f"{path}: not in a git repository")
    resolved = _git(["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], folder)
    if resolved.returncode:
        raise InputError(
            f"{revision}: no such revision in the repository of {path} "
            "(a CI checkout may need more history, e.g. fetch-depth: 0)"
        )
    commit = resolved.stdout.decode("ascii").strip()
    listed = _git(["ls-tree", "--name-only", commit, "--", path.name], folder)
    if not listed.stdout.strip():
        return None
    shown = _git(["show", f"{commit}:./{path.name}"], folder)
    if shown.returncode:
        message = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise InputError(f"{path}@{revision}: {message[-1] if message else 'git show failed'}")
    return shown.stdout


def _git(args: list[str], folder: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=folder, capture_output=True, check=False)
    except FileNotFoundError:
        raise InputError("git is not installed; a check against a revision needs it") from None
