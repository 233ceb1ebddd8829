"""Resolving REF arguments: catalogue ids and versions, file paths, standard input."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from treatydiff.errors import CatalogueError, FormatError, InputError
from treatydiff.formats import list_parts, load_file, load_stdin
from treatydiff.formats.reading import read_bytes
from treatydiff.lang import LANGUAGES, guess_text
from treatydiff.model import UNIT_KINDS, Instrument, LeafView

if TYPE_CHECKING:
    from treatydiff.formats.options import ReadOptions

_CATALOGUE_REF = re.compile(r"^(?P<id>[a-z0-9][a-z0-9-]*)(?:@(?P<version>[\w.-]+))?$")
_PART_SELECTOR = re.compile(r"^(?P<path>.+)#(?P<part>[1-9][0-9]{0,8})$")


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
    files in a layout format (Word, HTML). InputError when it names none, or a path the
    system refuses (a name too long)."""
    if ref == "-":
        return load_stdin(fmt=fmt, lang=lang, options=options)
    path = Path(ref)
    if _exists(path, ref) and path.is_file():
        return load_file(path, fmt=fmt, lang=lang, options=options)
    selected = _PART_SELECTOR.match(ref)
    if selected and _exists(Path(selected["path"]), ref):
        part = int(selected["part"])
        return load_file(Path(selected["path"]), fmt=fmt, lang=lang, part=part, options=options)
    named = catalogue_ref(ref)
    if named is not None:
        from treatydiff.catalogue.store import load_pulled

        try:
            return load_pulled(*named, lang=lang)
        except CatalogueError:
            if not path.exists():
                raise
            # A folder or pipe named like an id the catalogue lacks: say what it is.
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


def parts(
    ref: str, *, lang: str = "en", fmt: str | None = None, options: ReadOptions | None = None
) -> list[str]:
    """The titles of the instruments the file REF holds (`FILE#N` names the Nth)."""
    selected = _PART_SELECTOR.match(ref)
    path = Path(selected["path"] if selected and not _exists(Path(ref), ref) else ref)
    if not _exists(path, ref):
        raise InputError(f"{ref}: no such file (--parts lists the instruments of a file)")
    return list_parts(read_bytes(path), source=str(path), fmt=fmt, lang=lang, options=options)


# Kinds a text with no structure word of its language still gets: the segmenter makes
# every block a formula of a preamble when it finds no article, recital or container.
_UNSTRUCTURED_KINDS = frozenset({"preamble", "formula"})
# The kinds of the text at the top of a body with no heading: it shows no structure.
_LOOSE_KINDS = frozenset({"paragraph", "point", "indent", "intro", "wrapup"})


def other_readings(
    ref: str,
    instrument: Instrument,
    *,
    lang: str,
    fmt: str | None = None,
    options: ReadOptions | None = None,
) -> tuple[str, ...] | None:
    """The other known languages in which REF shows treaty structure, when REF, read as
    language ``lang`` (``instrument``), shows none: no article, recital or paragraph or
    container, only blocks of text. Such a text is still compared word for word, but as
    blocks in source order, so a change is cited as "unnumbered paragraph 2" and moved
    or renumbered articles are not recognised; the usual cause is a text in another
    language than ``lang`` (a Spanish PDF read as English).

    Returns None for a text with structure, for a catalogue instrument (its language is
    pinned) and for an empty text; an empty tuple for standard input (it cannot be read
    again) and where no other language finds structure. Raises what ``resolve`` raises
    for the other languages' readings, which re-read the file, but for a FormatError: a
    file whose parts the words of its language tell apart (a PDF's "DECRETO No. 705")
    may hold fewer in another, and a part that is not there shows no structure.
    """
    if not (ref == "-" or _names_file(ref)) or not instrument.leaves or _has_structure(instrument):
        return None
    if ref == "-":
        return ()
    return tuple(
        code
        for code in LANGUAGES
        if code != lang and _structured_in(ref, code, fmt=fmt, options=options)
    )


def words_language(
    ref: str,
    instrument: Instrument,
    *,
    lang: str,
    fmt: str | None = None,
    options: ReadOptions | None = None,
) -> str | None:
    """The other known language that the words of REF, read as language ``lang``
    (``instrument``), are written in (``lang.guess_text``: a French
    text whose "Article 2" English reads), when REF read in that language shows treaty
    structure; None for a text in ``lang``, a catalogue instrument (its language is
    pinned) and standard input (it cannot be read again)."""
    if not _names_file(ref):
        return None
    written = guess_text(leaf.clause.text for leaf in instrument.leaves)
    if written is None or written == lang:
        return None
    return written if _structured_in(ref, written, fmt=fmt, options=options) else None


def _names_file(ref: str) -> bool:
    """Whether REF names a file (``FILE`` or ``FILE#N``), which can be read again."""
    selected = _PART_SELECTOR.match(ref)
    return Path(ref).is_file() or bool(selected and Path(selected["path"]).is_file())


def structure_warning(ref: str, instrument: Instrument, *, lang: str, found: Sequence[str]) -> str:
    """The warning for REF, read as language ``lang`` (``instrument``) with no treaty
    structure, naming the languages ``found`` that read structure in it
    (``other_readings``)."""
    hint = (
        f"; read as {' or '.join(found)} it has structure: try --lang {found[0]}"
        if found
        else f"; no other known language ({', '.join(c for c in LANGUAGES if c != lang)}) finds any"
    )
    blocks = sum(1 for leaf in instrument.leaves if _unstructured(leaf))
    return (
        f"{ref}: no article, recital or paragraph found with --lang {lang}: compared as "
        f"{blocks} blocks of text in source order{hint}"
    )


def _structured_in(ref: str, code: str, *, fmt: str | None, options: ReadOptions | None) -> bool:
    """Whether REF read as language ``code`` shows structure (False where that reading
    has no such part)."""
    try:
        return _has_structure(resolve(ref, lang=code, fmt=fmt, options=options))
    except FormatError:
        return False


def _has_structure(instrument: Instrument) -> bool:
    """Whether the segmenter recognised any treaty structure in ``instrument``."""
    views = instrument.by_eid.values()
    return not all(_unstructured(view) for view in views if view.clause.kind not in UNIT_KINDS)


def _unstructured(view: LeafView) -> bool:
    """Whether the clause of ``view`` is a block of text the segmenter found no structure
    for: a preamble formula, or a paragraph or point in no article or container (text
    before any heading that no preamble words open: "1." may be a list of anything)."""
    if view.clause.kind in _UNSTRUCTURED_KINDS:
        return True
    loose = view.clause.kind in _LOOSE_KINDS
    return loose and all(c.kind in _LOOSE_KINDS for c in view.ancestors)
