"""The comparison model: what the engine finds, and what reports and checks read.

Rendering and checking work from these dataclasses only, never from engine internals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .model import Instrument

Status = Literal["identical", "formatting", "modified", "added", "removed"]
DiffOpKind = Literal["equal", "insert", "delete", "replace"]


@dataclass(frozen=True)
class DiffOp:
    """One run of a word diff. ``left`` and ``right`` keep the original spacing, so the
    ``left`` parts of all ops concatenate to the left text and the ``right`` parts to the
    right text."""

    op: DiffOpKind
    left: str
    right: str


@dataclass(frozen=True)
class Alignment:
    """Leaf clauses of the left side paired with leaf clauses of the right side.

    One-to-one, one-to-two (split) or two-to-one (merge); an added clause has an empty
    ``left``, a removed one an empty ``right``. ``similarity`` is in [0, 1].
    """

    left: tuple[str, ...]
    right: tuple[str, ...]
    status: Status
    moved: bool = False
    similarity: float = 0.0
    tags: tuple[str, ...] = ()
    diff: tuple[DiffOp, ...] = ()


@dataclass(frozen=True)
class CompareOptions:
    threshold: float = 0.5  # calibrated on the evaluation harness; see align.py
    scorer: str = "token_set_ratio"


@dataclass(frozen=True)
class Comparison:
    left: Instrument
    right: Instrument
    alignments: tuple[Alignment, ...]
    options: CompareOptions = field(default_factory=CompareOptions)

    @property
    def has_differences(self) -> bool:
        """True when anything differs beyond formatting (diff(1)'s exit code 1)."""
        return any(a.status not in ("identical", "formatting") for a in self.alignments)
