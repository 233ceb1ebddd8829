"""The results of a check run: the changes each check counts, its comparisons, its outcome,
and the run's exit code (0 every check passes, 1 a check fails, 2 a check could not run,
as diff(1))."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from treatydiff.ci.config import CheckSpec
from treatydiff.engine.comparison import Status, Summary


@dataclass(frozen=True)
class Change:
    """A change a check counts: where it is, what it is, why it counts, and whether the
    baseline approves it. ``file`` and ``line``: the local source file of the newer text
    and the line of the clause (for a removed clause, of the clause before it), when the
    newer text is a local file; ``renumbered`` and ``notes`` as ``Alignment``'s."""

    id: str
    pair: str
    clause: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    status: Status
    moved: bool
    tags: tuple[str, ...]
    similarity: float
    reasons: tuple[str, ...]
    excerpt: str
    file: str | None = None
    line: int | None = None
    approved: bool = False
    renumbered: bool = False
    notes: tuple[str, ...] = ()

    @property
    def what(self) -> str:
        """The change as a reviewer names it: its status unless modified, its kind and
        flags, and whether it moved or was renumbered ("wording, negation"; "added";
        "identical, reference, renumbered")."""
        words: list[str] = [] if self.status == "modified" else [self.status]
        words += list(self.tags)
        words += ["moved"] * self.moved + ["renumbered"] * self.renumbered
        return ", ".join(words)


@dataclass(frozen=True)
class PairResult:
    """One comparison of a check: the labels of its two texts and the engine's counts;
    ``summary`` is None when there was nothing to compare (``note`` says why)."""

    left: str
    right: str
    summary: Summary | None
    note: str | None = None

    @property
    def label(self) -> str:
        """``LEFT -> RIGHT``."""
        return f"{self.left} -> {self.right}"


@dataclass(frozen=True)
class CheckResult:
    """What one check found: its comparisons and the changes it counts (approved or new),
    the approved ids it no longer finds, or why it could not run (``error``)."""

    spec: CheckSpec
    pairs: tuple[PairResult, ...] = ()
    changes: tuple[Change, ...] = ()
    stale: tuple[str, ...] = ()  # approved ids the check no longer finds
    error: str | None = None

    @property
    def new_changes(self) -> tuple[Change, ...]:
        """The changes the baseline does not approve: they fail the check."""
        return tuple(change for change in self.changes if not change.approved)

    @property
    def approved(self) -> tuple[Change, ...]:
        """The changes the baseline approves."""
        return tuple(change for change in self.changes if change.approved)

    @property
    def outcome(self) -> Literal["pass", "fail", "error"]:
        """``error`` when the check could not run, ``fail`` with new changes, else ``pass``."""
        if self.error is not None:
            return "error"
        return "fail" if self.new_changes else "pass"


@dataclass(frozen=True)
class RunResult:
    """Every check of a run, and the baseline file its approvals come from (None: none)."""

    checks: tuple[CheckResult, ...]
    baseline: Path | None = None

    @property
    def exit_code(self) -> int:
        """0 every check passes, 1 a check fails, 2 a check could not run."""
        outcomes = {check.outcome for check in self.checks}
        return 2 if "error" in outcomes else 1 if "fail" in outcomes else 0
