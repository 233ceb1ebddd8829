"""Resolving REF arguments: catalogue ids and versions, file paths, standard input."""

from __future__ import annotations

import re
from pathlib import Path

from treatydiff.errors import InputError
from treatydiff.formats import load_file, load_stdin
from treatydiff.model import Instrument

_CATALOGUE_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)(?:@(?P<version>[\w.-]+))?$")
_PART_SELECTOR = re.compile(r"^(?P<path>.+)#(?P<part>[1-9][0-9]*)$")


def catalogue_ref(ref: str) -> tuple[str, str | None] | None:
    """The instrument id and version (None: the default) that ``ref`` names when it reads
    as a catalogue REF (``opsc``, ``opsc@2005-09-23``); None when it cannot be one."""
    named = _CATALOGUE_REF.match(ref)
    return None if named is None else (named["id"], named["version"])


def resolve(
    ref: str, *, lang: str = "en", fmt: str | None = None, pages: tuple[int, int] | None = None
) -> Instrument:
    """The instrument REF names: `-`, a file path (`FILE#2` for a file's second
    instrument), or a catalogue id with an optional `@version`. ``pages`` restricts a
    PDF file."""
    if ref == "-":
        return load_stdin(fmt=fmt, lang=lang)
    path = Path(ref)
    if path.is_file():
        return load_file(path, fmt=fmt, lang=lang, pages=pages)
    selected = _PART_SELECTOR.match(ref)
    if selected and Path(selected["path"]).exists():
        part = int(selected["part"])
        return load_file(Path(selected["path"]), fmt=fmt, lang=lang, part=part, pages=pages)
    named = catalogue_ref(ref)
    if named is not None:
        from treatydiff.catalogue.store import load_pulled

        return load_pulled(*named, lang=lang)
    if path.exists():
        return load_file(path, fmt=fmt, lang=lang)  # a directory: load_file says so
    raise InputError(f"{ref}: no such file or catalogue instrument")
