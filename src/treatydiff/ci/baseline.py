"""The baseline: the change ids a reviewer approved, per check.

The baseline file (JSON, meant to be committed and reviewed) lists the approved ids per
check, each with what a reviewer needs to judge it; a check passes while every change it
counts is approved. This module reads it and renders it; the CLI writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from treatydiff.ci.results import RunResult
from treatydiff.errors import ConfigError

BASELINE_SCHEMA = "treatydiff.baseline/1"


@dataclass(frozen=True)
class Baseline:
    """Approved change ids by check name, and the entries of the file as read (each a JSON
    object with at least an ``id``), which an update keeps for the checks it did not run."""

    approved: dict[str, frozenset[str]] = field(default_factory=dict)
    entries: dict[str, tuple[dict[str, Any], ...]] = field(default_factory=dict)

    def of(self, check: str) -> frozenset[str]:
        """The ids approved for the check named ``check`` (none for a check it lacks)."""
        return self.approved.get(check, frozenset())


def load_baseline(path: Path | None) -> Baseline:
    """The baseline at ``path``; an empty one when there is no such file (yet)."""
    if path is None or not path.exists():
        return Baseline()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: not a readable baseline ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise ConfigError(f"{path}: not a treatydiff baseline (schema {BASELINE_SCHEMA!r})")
    checks = data.get("checks")
    if not isinstance(checks, dict):
        raise ConfigError(f"{path}: checks: expected an object of check names")
    approved: dict[str, frozenset[str]] = {}
    kept: dict[str, tuple[dict[str, Any], ...]] = {}
    for name, entries in checks.items():
        if not isinstance(entries, list) or not all(
            isinstance(entry, dict) and isinstance(entry.get("id"), str) for entry in entries
        ):
            raise ConfigError(f"{path}: checks.{name}: expected a list of changes with an id")
        approved[name] = frozenset(entry["id"] for entry in entries)
        kept[name] = tuple(entries)
    return Baseline(approved, kept)


def render_baseline(result: RunResult, *, keep: Baseline | None = None) -> str:
    """The baseline that approves every change ``result`` counts: deterministic JSON,
    one entry per change id (sorted), with what a reviewer needs to judge it. The
    approvals of the checks ``result`` did not run are kept from ``keep`` (the baseline
    read before the run), as they were: a one-off check replaces its own approvals only."""
    checks: dict[str, list[dict[str, Any]]] = {
        name: list(entries) for name, entries in (keep.entries if keep else {}).items()
    }
    for check in result.checks:
        entries: dict[str, dict[str, Any]] = {}
        for change in check.changes:
            entries.setdefault(
                change.id,
                {
                    "id": change.id,
                    "pair": change.pair,
                    "clause": change.clause,
                    "reasons": list(change.reasons),
                    "change": change.excerpt,
                },
            )
        checks[check.spec.name] = [entries[key] for key in sorted(entries)]
    data = {"schema": BASELINE_SCHEMA, "checks": checks}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def approve_all(result: RunResult) -> RunResult:
    """``result`` as it reads with the baseline ``render_baseline(result)``: every change
    approved, nothing stale."""
    return replace(
        result,
        checks=tuple(
            replace(
                check,
                changes=tuple(replace(change, approved=True) for change in check.changes),
                stale=(),
            )
            for check in result.checks
        ),
    )
