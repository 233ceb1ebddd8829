"""The names of the two sides of a comparison, as every format shows them.

A side is named by the user (``--left-label``, ``--right-label``) or else by the version
it is: the instrument's id with its version (``opsc@2005-09-23``), which a file named by
its date already is. Two sides never carry the same name: when the defaults coincide
(two files of one name, one file twice) the sources' file names, then their paths, tell
them apart, and as a last resort the words "(left)" and "(right)".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from treatydiff.errors import UsageError
from treatydiff.model import Instrument


@dataclass(frozen=True)
class SideLabels:
    """The names of the left and the right side: "Draft A", "opsc@2005-09-23"."""

    left: str
    right: str


def version_name(instrument: Instrument) -> str:
    """The instrument's id with its version, when the id does not state it already:
    ``opsc@2005-09-23`` for the catalogue's ``opsc`` at 2005-09-23, the id alone when it
    has no version (``opsc-preamble-revised``)."""
    version = instrument.metadata.version
    if not version or version in instrument.id:
        return instrument.id
    return f"{instrument.id}@{version}"


def side_labels(
    left: Instrument,
    right: Instrument,
    *,
    left_label: str | None = None,
    right_label: str | None = None,
) -> SideLabels:
    """The names of the two sides: the labels given, else each side's ``version_name``,
    made distinct as the module says. Blank labels count as not given; two labels given
    that are the same raise UsageError."""
    given = (_given(left_label), _given(right_label))
    names = [given[0] or version_name(left), given[1] or version_name(right)]
    if names[0] == names[1] and all(given):
        raise UsageError(f"--left-label and --right-label are both {names[0]!r}: name two sides")
    for name_of in (_file_name, _source):
        if names[0] != names[1]:
            break
        tried = [given[n] or name_of(side) or names[n] for n, side in enumerate((left, right))]
        if tried[0] != tried[1]:
            names = tried
    if names[0] == names[1]:
        names = [given[0] or f"{names[0]} (left)", given[1] or f"{names[1]} (right)"]
    return SideLabels(left=names[0], right=names[1])


def _given(label: str | None) -> str | None:
    label = " ".join((label or "").split())
    return label or None


def _file_name(instrument: Instrument) -> str | None:
    source = instrument.metadata.source
    return PurePath(source).name if source and source != "-" else None


def _source(instrument: Instrument) -> str | None:
    return instrument.metadata.source
