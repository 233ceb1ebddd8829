"""One exception hierarchy for treatydiff.

The CLI maps every ``TreatydiffError`` to exit code 2 with its message on one line of
stderr; anything else escaping the library is a bug.
"""

from __future__ import annotations


class TreatydiffError(Exception):
    """Base class: something about the input or environment is wrong (exit code 2)."""


class InputError(TreatydiffError):
    """A file or reference cannot be read: missing, empty, binary, undecodable."""


class FormatError(TreatydiffError):
    """A file was read but its format is not recognized or is malformed."""


class DependencyError(TreatydiffError):
    """An optional dependency that reading this input needs is not installed."""


class CatalogueError(TreatydiffError):
    """An instrument id or version is unknown, or a catalogue entry is malformed."""


class IntegrityError(TreatydiffError):
    """A pulled source does not match its pinned sha256."""


class FetchError(TreatydiffError):
    """A pinned source could not be downloaded or copied."""


class ConfigError(TreatydiffError):
    """A check configuration or baseline file is invalid."""
