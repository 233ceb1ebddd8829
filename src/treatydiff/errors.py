"""One exception hierarchy for treatydiff.

Every failure of the library that is the input's or the environment's fault is a
``TreatydiffError``; the CLI reports it as one line on stderr with exit code 2 (exit code
1 means "differences", never trouble). Anything else escaping the library is a bug: the
CLI reports it as an internal error, also in one line with exit code 2, and shows the
traceback only with ``--debug`` (or ``TREATYDIFF_DEBUG=1``).

Catch ``TreatydiffError`` to handle every expected failure at once, or a subclass for one
kind.

Examples:
    >>> import treatydiff
    >>> try:
    ...     treatydiff.load("no-such-treaty.txt")
    ... except treatydiff.InputError as error:
    ...     print(error)
    no-such-treaty.txt: no such file
"""

from __future__ import annotations


class TreatydiffError(Exception):
    """Base class: something about the input, the options or the environment is wrong.

    The message is one line that names the file, key or value at fault; the CLI prints
    it after ``treatydiff: error:`` and exits with code 2.

    Examples:
        >>> import treatydiff
        >>> issubclass(treatydiff.FormatError, treatydiff.TreatydiffError)
        True
    """


class InputError(TreatydiffError):
    """A source cannot be read (missing, a folder, empty, binary, not UTF-8, or not a
    kind of source the function takes), or the instruments given do not fit the task
    (a synopsis of fewer than two, or of two with one id)."""


class FormatError(TreatydiffError):
    """A source was read but its format is not recognized, or it is malformed for the
    format given or detected."""


class MissingExtraError(TreatydiffError):
    """An optional dependency is not installed: Word, HTML and PDF input, and Word
    output, need the ``documents`` extra (``pip install 'treatydiff[documents]'``), which
    the message names."""


class CatalogueError(TreatydiffError):
    """An instrument id or version is unknown, or a catalogue entry is malformed."""


class IntegrityError(TreatydiffError):
    """A pulled source does not match its pinned sha256."""


class FetchError(TreatydiffError):
    """A pinned source could not be downloaded or copied."""


class ConfigError(TreatydiffError):
    """An option or a configuration is invalid: a value out of range or not among the
    allowed ones (a threshold outside 0..1, an unknown scorer, a part below 1), a check
    configuration, a baseline file or a publish configuration."""


class OutputError(TreatydiffError):
    """A result cannot be written: the output file or folder cannot be created, or
    standard output cannot encode the text."""


class LanguageError(TreatydiffError):
    """A language code names no language treatydiff knows (see ``treatydiff.lang``)."""


class UsageError(TreatydiffError):
    """Command-line arguments that do not go together (the CLI shows its usage)."""
