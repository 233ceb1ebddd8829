"""Resolving REF arguments: catalogue ids and versions, file paths, standard input."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from treatydiff.errors import InputError
from treatydiff.formats import list_parts, load_file, load_stdin, read_bytes
from treatydiff.model import Instrument

if TYPE_CHECKING:
    from treatydiff.formats.document import ReadOptions

_CATALOGUE_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)(?:@(?P<version>[\w.-]+))?$")
_PART_SELECTOR = re.compile(r"^(?P<path>.+)#(?P<part>[1-9][0-9]*)$")


def catalogue_ref(ref: str) -> tuple[str, str | None] | None:
    """The instrument id and version (None: the default) that ``ref`` names when it reads
    as a catalogue REF (``opsc``, ``opsc@2005-09-23``); None when it cannot be one."""
    named = _CATALOGUE_REF.match(ref)
    return None if named is None else (named["id"], named["version"])


def resolve(
    ref: str, *, lang: str = "en", fmt: str | None = None, options: ReadOptions | None = None
) -> Instrument:
    """The instrument REF names: `-`, a file path (`FILE#2` for a file's second
    instrument), or a catalogue id with an optional `@version`. ``options`` apply to
    files in a layout format (Word, HTML)."""
    if ref == "-":
        return load_stdin(fmt=fmt, lang=lang, options=options)
    path = Path(ref)
    if path.is_file():
        return load_file(path, fmt=fmt, lang=lang, options=options)
    selected = _PART_SELECTOR.match(ref)
    if selected and Path(selected["path"]).exists():
        part = int(selected["part"])
        return load_file(Path(selected["path"]), fmt=fmt, lang=lang, part=part, options=options)
    named = catalogue_ref(ref)
    if named is not None:
        from treatydiff.catalogue.store import load_pulled

        return load_pulled(*named, lang=lang)
    if path.exists():
        return load_file(path, fmt=fmt, lang=lang)  # a directory: load_file says so
    raise InputError(f"{ref}: no such file or catalogue instrument")


def parts(
    ref: str, *, lang: str = "en", fmt: str | None = None, options: ReadOptions | None = None
) -> list[str]:
    """The titles of the instruments the file REF holds (`FILE#N` names the Nth)."""
    selected = _PART_SELECTOR.match(ref)
    path = Path(selected["path"] if selected and not Path(ref).exists() else ref)
    if not path.exists():
        raise InputError(f"{ref}: no such file (--parts lists the instruments of a file)")
    return list_parts(read_bytes(path), source=str(path), fmt=fmt, lang=lang, options=options)
