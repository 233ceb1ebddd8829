"""The reading settings a user gives on the command line (``ReadOptions``), apart from the
layout importers that use them: the command line and the instrument cache
(``formats.cache``, which keys its entries by them) need these settings without loading the
segmenter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Revisions = Literal["accepted", "original"]


@dataclass(frozen=True)
class ReadOptions:
    """Settings of the layout importers, from the command line.

    ``docx_revisions``: which text of a Word file with tracked changes is read, the one
    with all changes accepted (as it reads now) or the original before them.
    ``pages``: the pages of a PDF to read, first and last (from 1, inclusive); None for
    all.
    ``encoding``: the text encoding of a text file or web page, named by the user (a
    Python codec name, "cp1252", "latin-1"), in place of the one marked or detected.
    """

    docx_revisions: Revisions = "accepted"
    pages: tuple[int, int] | None = None
    encoding: str | None = None
