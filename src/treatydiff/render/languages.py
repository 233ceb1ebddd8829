"""Renderings of a language-versions report (``report.languages``): JSON, text,
Markdown and an HTML page with the languages side by side.

The JSON follows the schema ``treatydiff.languages/1`` (shipped as
``treatydiff/schemas/languages-1.schema.json``): sorted keys, two-space indents, scores
rounded to four decimals, so that the same input gives the same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from treatydiff.report.languages import LanguagesReport

SCHEMA_ID = "treatydiff.languages/1"
SCHEMA_RESOURCE = "schemas/languages-1.schema.json"
_DIGITS = 4


def schema() -> dict[str, Any]:
    """The shipped JSON Schema of the languages JSON."""
    from importlib.resources import files

    data: dict[str, Any] = json.loads(
        files("treatydiff").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    )
    return data


def languages_dict(report: LanguagesReport) -> dict[str, Any]:
    """The JSON shape of the report (``treatydiff.languages/1``)."""
    return {
        "schema": SCHEMA_ID,
        "languages": list(report.languages),
        "instruments": [
            {
                "language": v.language,
                "id": v.id,
                "title": v.title,
                "source": v.source,
                "sha256": v.sha256,
                "clauses": v.clauses,
            }
            for v in report.versions
        ],
        "models": [
            {
                "languages": list(m.languages),
                "ratio": round(m.ratio, _DIGITS),
                "variance": round(m.variance, _DIGITS),
            }
            for m in report.models
        ],
        "semantic": report.semantic,
        "alignments": [
            {
                "clauses": {cell.language: list(cell.eids) for cell in row.cells},
                "status": row.status,
                "method": row.method,
                "score": round(row.score, _DIGITS),
                "similarity": None if row.similarity is None else round(row.similarity, _DIGITS),
            }
            for row in report.rows
        ],
        "divergences": [
            {
                "kind": flag.divergence.kind,
                "clauses": {lang: list(eids) for lang, eids in flag.divergence.clauses.items()},
                "article": flag.divergence.article,
                "label": flag.divergence.label,
                "detail": flag.divergence.detail,
            }
            for flag in report.flags
        ],
        "summary": {
            "alignments": len(report.rows),
            "statuses": dict(report.status_counts),
            "divergences": dict(report.kind_counts),
        },
    }


def render_json(report: LanguagesReport) -> str:
    """The report as JSON text, ending with a newline."""
    return json.dumps(languages_dict(report), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def render_text(report: LanguagesReport) -> str:
    """The report as plain text: the versions, a summary, then one line per divergence
    ("number  article 5, paragraph 1  [en art_5__para_1 | nl art_5__para_1]  detail")."""
    lines = [f"Language versions: {', '.join(report.languages)} (pivot {report.languages[0]})"]
    for v in report.versions:
        lines.append(f"  {v.language}: {v.id}: {v.title} ({v.clauses} units)")
    for m in report.models:
        a, b = m.languages
        lines.append(f"  length ratio {b}/{a}: {m.ratio:.3f} (variance {m.variance:.2f})")
    statuses = ", ".join(f"{n} {status}" for status, n in report.status_counts)
    lines.append(f"Alignments: {len(report.rows)} ({statuses})")
    kinds = ", ".join(f"{n} {kind}" for kind, n in report.kind_counts) or "none"
    lines.append(f"Divergences: {len(report.flags)} ({kinds})")
    for flag in report.flags:
        d = flag.divergence
        where = " | ".join(f"{lang} {' '.join(eids) or '-'}" for lang, eids in d.clauses.items())
        lines.append(f"{d.kind:<9}  {d.label}  [{where}]  {d.detail}")
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(report: LanguagesReport) -> str:
    """The report as GitHub Markdown: versions, summary and a table of divergences."""
    out = [f"# Language versions: {', '.join(report.languages)}", ""]
    out += ["| language | id | title | units |", "| --- | --- | --- | ---: |"]
    out += [
        f"| {v.language} | {_cell(v.id)} | {_cell(v.title)} | {v.clauses} |"
        for v in report.versions
    ]
    statuses = ", ".join(f"{n} {status}" for status, n in report.status_counts)
    kinds = ", ".join(f"{n} {kind}" for kind, n in report.kind_counts) or "none"
    out += ["", f"**{len(report.rows)} alignments** ({statuses}); **divergences: {kinds}**.", ""]
    if report.flags:
        out += ["| # | kind | where | clauses | detail |", "| ---: | --- | --- | --- | --- |"]
        for flag in report.flags:
            d = flag.divergence
            clauses = "; ".join(
                f"{lang}: {', '.join(eids) or '—'}" for lang, eids in d.clauses.items()
            )
            out.append(
                f"| {flag.number} | {d.kind} | {_cell(d.label)} | {_cell(clauses)} "
                f"| {_cell(d.detail)} |"
            )
        out.append("")
    return "\n".join(out)
