"""Renderings of a check run for people and CI systems: a text summary, GitHub workflow
commands (annotations), a Markdown job summary, JUnit XML and JSON.

Each is a pure function of a ``RunResult``; the same run gives the same bytes. The CLI
writes them: the Markdown summary it appends to the file ``$GITHUB_STEP_SUMMARY`` names.

The texts compared are anyone's (a treaty file in a pull request), and a CI log reads
some lines as commands: the GitHub Actions runner takes a line that begins with
``::command::`` (after spaces) or holds ``##[command]`` anywhere as a workflow command
(``::stop-commands::`` silences every later annotation, ``::add-mask::`` hides text,
``::error file=...::`` forges one). So no clause text begins a line of the text report
(an excerpt follows ``> ``), every line of it is a ``normalize.log_line`` (controls shown
as symbols, both forms of a command defused), annotations escape their data and
properties as the runner's rules say, the JSON spells ``##[`` as ``##\\u005b`` (the same
value), and ``stop_commands`` encloses a report printed where annotations are read.
JUnit XML holds only characters XML 1.0 allows.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from treatydiff.ci.config import DEFAULT_FAIL_ON_FLAGS
from treatydiff.ci.results import Change, CheckResult, PairResult, RunResult
from treatydiff.engine.comparison import STATUSES, Summary
from treatydiff.normalize import log_text, printable
from treatydiff.render.mdtext import table_cell

JSON_SCHEMA = "treatydiff.check/1"
STEP_SUMMARY_ENV = "GITHUB_STEP_SUMMARY"  # the file GitHub shows as the job summary
# GitHub shows at most 10 error annotations per step; what is cut is counted in a notice.
ANNOTATION_LIMIT = 10
# Rows of changes per check in the Markdown summary (GitHub caps a summary at 1 MiB).
MARKDOWN_CHANGE_LIMIT = 100

_OUTCOME_WORDS = {"pass": "PASS", "fail": "FAIL", "error": "ERROR"}


# --- text ------------------------------------------------------------------------------


def render_text(result: RunResult) -> str:
    """Readable summary: each check with its outcome, comparisons and new changes."""
    lines: list[str] = []
    for check in result.checks:
        lines += _check_text(check)
        lines.append("")
    lines.append(verdict(result))
    return log_text("\n".join(lines)) + "\n"


def verdict(result: RunResult) -> str:
    """One line on the whole run."""
    total = len(result.checks)
    failed = sum(check.outcome == "fail" for check in result.checks)
    broken = sum(check.outcome == "error" for check in result.checks)
    checks = "check" if total == 1 else "checks"
    if not failed and not broken:
        return f"treatydiff: {total} {checks} passed"
    parts = []
    if failed:
        parts.append(f"{failed} of {total} {checks} failed")
    if broken:
        parts.append(f"{broken} of {total} {checks} could not run")
    return "treatydiff: " + "; ".join(parts)


def _check_text(check: CheckResult) -> list[str]:
    spec = check.spec
    head = f"{_OUTCOME_WORDS[check.outcome]} {spec.name} (fail_on = {spec.fail_on}"
    if spec.fail_on_flags != DEFAULT_FAIL_ON_FLAGS:
        head += f", fail_on_flags = {', '.join(spec.fail_on_flags) or 'none'}"
    if spec.min_similarity is not None:
        head += f", min_similarity = {spec.min_similarity:g}"
    head += ")"
    if check.error is not None:
        return [head, f"    error: {check.error}"]
    lines = [head]
    lines += [f"    {pair.label}: {_pair_counts(pair)}" for pair in check.pairs]
    new = check.new_changes
    lines.append(f"    {_plural(len(new), 'new change')}, {len(check.approved)} approved")
    for change in new:
        where = f":{change.line}" if change.line else ""
        where = f" ({change.file}{where})" if change.file else ""
        lines.append(f"  - {change.clause}{where}: {change.what} ({', '.join(change.reasons)})")
        if len(check.pairs) > 1:
            lines.append(f"      in {change.pair}")
        lines.append(f"      > {change.excerpt}")
        lines += [f"      stale reference: {note}" for note in change.notes]
        lines.append(f"      id {change.id}")
    if check.stale:
        lines.append(
            f"    {_plural(len(check.stale), 'approved change')} no longer found "
            "(--update-baseline drops them)"
        )
    return lines


def _pair_counts(pair: PairResult) -> str:
    if pair.summary is None:
        return pair.note or "nothing to compare"
    return summary_counts(pair.summary)


def summary_counts(summary: Summary) -> str:
    """The counts of a comparison that are not zero: "191 identical, 1 modified"."""
    counts = [f"{summary.count(status)} {status}" for status in STATUSES]
    counts.append(f"{summary.moved} moved")
    return ", ".join(count for count in counts if not count.startswith("0 ")) or "no clauses"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" + ("" if count == 1 else "s")


# --- GitHub workflow commands ----------------------------------------------------------


def github_annotations(result: RunResult, *, limit: int = ANNOTATION_LIMIT) -> str:
    """``::error`` commands for the checks that could not run and the new changes, each
    at the source line of its clause when the text is a local file; beyond ``limit``, one
    notice counts what was cut."""
    commands: list[str] = []
    for check in result.checks:
        title = f"treatydiff: {check.spec.name}"
        if check.error is not None:
            commands.append(_command("error", check.error, title=title))
        for change in check.new_changes:
            message = f"{change.clause}: {change.what} \u2014 {change.excerpt}"
            message += "".join(f"; stale reference: {note}" for note in change.notes)
            if len(check.pairs) > 1:
                message = f"{change.pair}: {message}"
            message += f" ({', '.join(change.reasons)}; id {change.id})"
            commands.append(
                _command("error", message, title=title, file=change.file, line=change.line)
            )
    shown = commands[:limit]
    if len(commands) > limit:
        cut = len(commands) - limit
        shown.append(
            _command(
                "notice",
                f"{cut} more {'error' if cut == 1 else 'errors'} not annotated; "
                "see the log or the job summary",
                title="treatydiff",
            )
        )
    return "".join(line + "\n" for line in shown)


def _command(
    kind: str, message: str, *, title: str, file: str | None = None, line: int | None = None
) -> str:
    properties = [] if file is None else [f"file={_property(file)}"]
    if file is not None and line is not None:
        properties.append(f"line={line}")
    properties.append(f"title={_property(title)}")
    return f"::{kind} {','.join(properties)}::{_data(message)}"


def _data(text: str) -> str:
    """The data of a workflow command, escaped as the runner unescapes it (``%``, CR and
    LF), its control characters shown as symbols."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return printable(escaped)


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def stop_commands(text: str, token: str) -> str:
    """``text`` between ``::stop-commands::TOKEN`` and ``::TOKEN::``: the runner reads no
    workflow command in it, whatever it holds. ``token`` must be unguessable (random, at
    least 16 hex digits) and not in ``text``: a line ``::TOKEN::`` inside would resume the
    commands. ValueError otherwise."""
    if not re.fullmatch(r"[0-9a-f]{16,}", token) or token in text:
        raise ValueError("the token of stop-commands must be random hex digits not in the text")
    body = text if text.endswith("\n") or not text else text + "\n"
    return f"::stop-commands::{token}\n{body}::{token}::\n"


# --- Markdown --------------------------------------------------------------------------


def render_markdown(result: RunResult, *, limit: int = MARKDOWN_CHANGE_LIMIT) -> str:
    """A job summary: one table row per check, then the new changes of each failed check
    (at most ``limit`` rows each, with a count of the rest)."""
    lines = [
        "## treatydiff check",
        "",
        table_cell(verdict(result).removeprefix("treatydiff: ")),
        "",
        "| Check | Rule | Result | Compared | New changes | Approved |",
        "| --- | --- | --- | --- | ---: | ---: |",
    ]
    for check in result.checks:
        compared = "; ".join(f"{p.label}: {_pair_counts(p)}" for p in check.pairs)
        lines.append(
            "| "
            + " | ".join(
                [
                    table_cell(check.spec.name),
                    check.spec.fail_on,
                    check.outcome,
                    table_cell(compared or (check.error or "")),
                    str(len(check.new_changes)),
                    str(len(check.approved)),
                ]
            )
            + " |"
        )
    for check in result.checks:
        new = check.new_changes
        if not new:
            continue
        lines += ["", f"### {table_cell(check.spec.name)}", ""]
        lines += [
            "| Clause | Change | Why | Excerpt | Id |",
            "| --- | --- | --- | --- | --- |",
        ]
        for change in new[:limit]:
            lines.append(_change_row(change, show_pair=len(check.pairs) > 1))
        if len(new) > limit:
            lines += ["", f"and {len(new) - limit} more; see the log"]
    return "\n".join(lines) + "\n"


def _change_row(change: Change, *, show_pair: bool) -> str:
    clause = change.clause + (f" ({change.pair})" if show_pair else "")
    excerpt = change.excerpt + "".join(f"; stale reference: {note}" for note in change.notes)
    cells = [
        table_cell(clause),
        table_cell(change.what),
        table_cell(", ".join(change.reasons)),
        table_cell(excerpt),
        f"`{change.id}`",
    ]
    return "| " + " | ".join(cells) + " |"


# --- JUnit XML -------------------------------------------------------------------------


def render_junit(result: RunResult) -> str:
    """JUnit XML: one test case per check; a failure lists its new changes, an error
    says why the check could not run."""
    checks = result.checks
    counts = {
        "tests": str(len(checks)),
        "failures": str(sum(check.outcome == "fail" for check in checks)),
        "errors": str(sum(check.outcome == "error" for check in checks)),
    }
    suites = ET.Element("testsuites", {"name": "treatydiff check", **counts})
    suite = ET.SubElement(suites, "testsuite", {"name": "treatydiff check", **counts})
    for check in checks:
        case = ET.SubElement(
            suite, "testcase", {"classname": "treatydiff.check", "name": check.spec.name}
        )
        if check.error is not None:
            ET.SubElement(case, "error", {"message": check.error, "type": "trouble"})
        elif check.new_changes:
            failure = ET.SubElement(
                case,
                "failure",
                {
                    "message": f"{_plural(len(check.new_changes), 'new change')} "
                    f"(fail_on = {check.spec.fail_on})",
                    "type": "changes",
                },
            )
            failure.text = "\n".join(_check_text(check)[1:])
        out = ET.SubElement(case, "system-out")
        out.text = "\n".join(f"{pair.label}: {_pair_counts(pair)}" for pair in check.pairs)
    for element in suites.iter():
        element.text = None if element.text is None else _xml_text(element.text)
        for name, value in element.attrib.items():
            element.set(name, _xml_text(value))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, "unicode") + "\n"


# Characters XML 1.0 does not allow (production [2] Char) that ``printable`` leaves (it
# shows the controls but tab and line feed as symbols).
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """``text`` with only characters XML 1.0 allows: controls as their symbols, the rest
    of what XML forbids as U+FFFD. (ElementTree writes any character as it is.)"""
    return _NOT_XML.sub("\ufffd", printable(text))


# --- JSON ------------------------------------------------------------------------------


def render_json(result: RunResult) -> str:
    """The run as JSON (schema ``treatydiff.check/1``), as ``render.json.dumps`` writes it."""
    from treatydiff.render.json import dumps

    data = {
        "schema": JSON_SCHEMA,
        "exit_code": result.exit_code,
        "baseline": None if result.baseline is None else str(result.baseline),
        "checks": [_check_dict(check) for check in result.checks],
    }
    return dumps(data) + "\n"


def _check_dict(check: CheckResult) -> dict[str, Any]:
    from treatydiff.render.json import summary_dict

    spec = check.spec
    return {
        "name": spec.name,
        "kind": spec.kind,
        "texts": {
            "left": spec.left,
            "right": spec.right,
            "file": None if spec.file is None else str(spec.file),
            "against": spec.against if spec.kind == "git" else None,
            "instrument": spec.instrument,
        },
        "fail_on": spec.fail_on,
        "fail_on_flags": list(spec.fail_on_flags),
        "lang": spec.lang,
        "min_similarity": spec.min_similarity,
        "threshold": spec.threshold,
        "outcome": check.outcome,
        "error": check.error,
        "pairs": [
            {
                "left": pair.left,
                "right": pair.right,
                "summary": None if pair.summary is None else summary_dict(pair.summary),
                "note": pair.note,
            }
            for pair in check.pairs
        ],
        "changes": [_change_dict(change) for change in check.changes],
        "stale": list(check.stale),
    }


def _change_dict(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "pair": change.pair,
        "clause": change.clause,
        "left": list(change.left),
        "right": list(change.right),
        "status": change.status,
        "moved": change.moved,
        "tags": list(change.tags),
        "renumbered": change.renumbered,
        "notes": list(change.notes),
        "similarity": round(change.similarity, 4),
        "reasons": list(change.reasons),
        "excerpt": change.excerpt,
        "file": change.file,
        "line": change.line,
        "approved": change.approved,
    }
