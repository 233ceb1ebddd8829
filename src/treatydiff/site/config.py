"""The configuration of a published site: a TOML file listing comparisons and synopses,
decoded by ``treatydiff.tomlfile``.

Paths are relative to the config file's folder; a REF may also be a catalogue id::

    title = "The OPSC and related instruments"

    [[comparison]]
    left = "opsc-preamble-ohchr.txt"
    right = "opsc-preamble-revised.txt"
    title = "The supplied preamble against a revised draft"   # optional
    threshold = 0.5                                           # optional

    [[synopsis]]
    title = "The OPSC's family"                               # optional
    name = "opsc-family"                # optional: the page is synopsis-NAME.html
    refs = ["opsc.md", "opac.md", "crc.md"]                   # the first is the anchor

Every entry also takes ``lang`` (of a bilingual source) and ``input_format``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import msgspec

from treatydiff import tomlfile
from treatydiff.errors import ConfigError
from treatydiff.tomlfile import Fraction, InputFormat, Language, Table, Text

DEFAULT_TITLE = "treatydiff reports"

# A synopsis name is part of a file name in the site folder: never a path.
PageName = Annotated[
    str,
    msgspec.Meta(
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
        description="a file name part (letters, digits, '.', '_', '-')",
    ),
]
Refs = Annotated[tuple[Text, ...], msgspec.Meta(min_length=2)]


@dataclass(frozen=True)
class Source:
    """How to read the instruments of one entry: the language of a bilingual source, the
    input format (None: detected), and the least pairing score (None: the engine's)."""

    lang: str = "en"
    input_format: str | None = None
    threshold: float | None = None


class _Entry(Table, frozen=True):
    """The keys every entry takes: how to read its instruments."""

    lang: Language = "en"
    input_format: InputFormat | None = None
    threshold: Fraction | None = None

    @property
    def source(self) -> Source:
        """How to read the instruments of this entry."""
        return Source(self.lang, self.input_format, self.threshold)


class ComparisonEntry(_Entry, frozen=True, kw_only=True):
    """A comparison of two REFs; ``title`` for the index (None: made from the ids)."""

    left: Text
    right: Text
    title: Text | None = None


class SynopsisEntry(_Entry, frozen=True, kw_only=True):
    """A synopsis of two or more REFs, the first the anchor; its page is
    ``synopsis-NAME.html`` (NAME: ``name``, else the anchor's id)."""

    refs: Refs
    title: Text | None = None
    name: PageName | None = None


class _SiteFile(Table, frozen=True):
    title: Text = DEFAULT_TITLE
    comparison: tuple[ComparisonEntry, ...] = ()
    synopsis: tuple[SynopsisEntry, ...] = ()


@dataclass(frozen=True)
class SiteConfig:
    """A site to publish: its title, the config file and its folder (relative paths
    start there), and its entries."""

    title: str
    file: Path
    folder: Path
    comparisons: tuple[ComparisonEntry, ...]
    synopses: tuple[SynopsisEntry, ...]


def load_config(path: Path) -> SiteConfig:
    """Read and validate the site config at ``path``; ConfigError names the file, the key
    path and what the key allows."""
    site = tomlfile.decode(tomlfile.read(path), _SiteFile, where=str(path))
    if not site.comparison and not site.synopsis:
        raise ConfigError(f"{path}: lists no [[comparison]] and no [[synopsis]]")
    return SiteConfig(
        title=site.title,
        file=path,
        folder=path.resolve().parent,
        comparisons=site.comparison,
        synopses=site.synopsis,
    )
