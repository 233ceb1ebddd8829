"""Resolving REF arguments: catalogue ids and versions, file paths, standard input."""

from __future__ import annotations

import re
from pathlib import Path

from treatydiff.errors import InputError
from treatydiff.formats import load_file, load_stdin
from treatydiff.model import Instrument

_CATALOGUE_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)(?:@(?P<version>[\w.-]+))?$")
_PART_SELECTOR = re.compile(r"^(?P<path>.+)#(?P<part>[1-9][0-9]{0,8})$")


def catalogue_ref(ref: str) -> tuple[str, str | None] | None:
    """The instrument id and version (None: the default) that ``ref`` names when it reads
    as a catalogue REF (``opsc``, ``opsc@2005-09-23``); None when it cannot be one."""
    named = _CATALOGUE_REF.match(ref)
    return None if named is None else (named["id"], named["version"])


def resolve(ref: str, *, lang: str = "en", fmt: str | None = None) -> Instrument:
    """The instrument REF names: `-`, a file path (`FILE#2` for a file's second
    instrument), or a catalogue id with an optional `@version`. InputError when it names
    none, or a path the system refuses (a name too long)."""
    if ref == "-":
        return load_stdin(fmt=fmt, lang=lang)
    path = Path(ref)
    if _exists(path, ref) and path.is_file():
        return load_file(path, fmt=fmt, lang=lang)
    selected = _PART_SELECTOR.match(ref)
    if selected and _exists(Path(selected["path"]), ref):
        return load_file(Path(selected["path"]), fmt=fmt, lang=lang, part=int(selected["part"]))
    named = catalogue_ref(ref)
    if named is not None:
        from treatydiff.catalogue.store import load_pulled

        return load_pulled(*named, lang=lang)
    if path.exists():
        return load_file(path, fmt=fmt, lang=lang)  # a directory: load_file says so
    raise InputError(f"{ref}: no such file or catalogue instrument")


def _exists(path: Path, ref: str) -> bool:
    """Whether ``path`` exists; InputError when the system refuses to look (a file name
    over 255 bytes, a NUL byte)."""
    try:
        return path.exists()
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not a file name"
        raise InputError(
            f"{ref[:80]}...: {reason}" if len(ref) > 80 else f"{ref}: {reason}"
        ) from None
