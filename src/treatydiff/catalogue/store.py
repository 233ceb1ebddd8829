"""The data home: where ``treatydiff corpus pull`` (pull.py) keeps the pulled versions of
catalogue instruments, reading them back, and the listing of the catalogue.

The data home is ``$TREATYDIFF_HOME``, else the platform's user data folder. Each pulled
version lies under it as::

    instruments/<id>/<version>/source.<ext>      the verified source bytes
    instruments/<id>/<version>/<lang>.treatydiff  the imported text, in the native form

and ``load_pulled`` reads them back with the catalogue's facts as metadata.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from msgspec.structs import asdict

from treatydiff.catalogue.entries import (
    Catalogue,
    Entry,
    Version,
    load,
    require_language,
    with_catalogue_metadata,
)
from treatydiff.errors import FormatError, InputError
from treatydiff.model import Instrument

# The data home is defined beside the shipped data (the renderers cache templates there).
from treatydiff.resources import HOME_ENV as HOME_ENV
from treatydiff.resources import data_home as data_home


def stored_source(home: Path, entry: Entry, version: Version) -> Path:
    """Where the verified source bytes of a version are kept."""
    return _version_dir(home, entry, version) / f"source{Path(version.mirror_path).suffix}"


def stored_text(home: Path, entry: Entry, version: Version, lang: str) -> Path:
    """Where the imported text of a version in one language is kept (native form)."""
    return _version_dir(home, entry, version) / f"{lang}.treatydiff"


def _version_dir(home: Path, entry: Entry, version: Version) -> Path:
    return home / "instruments" / entry.id / version.label


def is_pulled(home: Path, entry: Entry, version: Version) -> bool:
    """Whether ``version`` has text and its source and every language are stored."""
    return (
        version.has_text
        and stored_source(home, entry, version).is_file()
        and all(stored_text(home, entry, version, lang).is_file() for lang in version.languages)
    )


def load_pulled(instrument_id: str, version: str | None, *, lang: str) -> Instrument:
    """The pulled instrument ``instrument_id`` at ``version`` (its default when None), in
    ``lang``, with the catalogue's metadata. CatalogueError for an unknown id, version or
    language; InputError, naming the pull command, when it is not pulled or unreadable."""
    entry = load().get(instrument_id)
    pinned = entry.version(version)
    require_language(entry, pinned, lang)
    home = data_home()
    path = stored_text(home, entry, pinned, lang)
    if not is_pulled(home, entry, pinned):
        ref = instrument_id if version is None else entry.ref(pinned)
        raise InputError(
            f"{entry.ref(pinned)} is not pulled into {home}; run: treatydiff corpus pull {ref}"
        )
    from treatydiff.formats import native

    try:
        stored = native.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, FormatError) as exc:
        raise InputError(
            f"{path}: stored text is unreadable ({exc}); "
            f"run: treatydiff corpus pull {entry.ref(pinned)}"
        ) from None
    return with_catalogue_metadata(stored, entry, pinned, lang)


# --- listing ---------------------------------------------------------------------------


def listing(catalogue: Catalogue, home: Path) -> list[dict[str, Any]]:
    """One row per instrument for ``treatydiff instruments``, sorted by id."""
    rows: list[dict[str, Any]] = []
    for entry in catalogue.entries:
        row: dict[str, Any] = {
            "id": entry.id,
            "title": entry.title,
            "abbreviation": entry.abbreviation,
            "short_title": entry.short_title,
            "year": entry.facts.year,
            "facts": entry.facts.stated(),
            "fact_sources": dict(entry.facts.sources),
            "relations": [
                {key: value for key, value in asdict(r).items() if value is not None}
                for r in entry.relations
            ],
            "default_version": entry.default_version,
            "versions": [
                {
                    "label": v.label,
                    "format": v.format,
                    "languages": list(v.languages),
                    "part": v.part,
                    "url": v.url,
                    "sha256": v.sha256,
                    "bytes": v.size,
                    "has_text": v.has_text,
                    "pulled": is_pulled(home, entry, v),
                }
                for v in entry.versions
            ],
        }
        rows.append(row)
    return rows


def render_listing(rows: list[dict[str, Any]], *, fmt: str) -> str:
    """The listing as JSON (``fmt`` ``json``) or as a text table, one line per instrument."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    table = [("ID", "YEAR", "VERSIONS (* default)", "PULLED", "TITLE")]
    for row in rows:
        versions = row["versions"]
        labels = [
            v["label"]
            + ("*" if v["label"] == row["default_version"] else "")
            + ("" if v["has_text"] else " (no text)")
            for v in versions
        ]
        pulled = [v["label"] for v in versions if v["pulled"]]
        table.append(
            (
                row["id"],
                "" if row["year"] is None else str(row["year"]),
                ", ".join(labels),
                ", ".join(pulled) or "-",
                row["title"],
            )
        )
    widths = [max(len(line[column]) for line in table) for column in range(4)]
    return "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(line[:4], widths, strict=True))
        + "  "
        + line[4]
        + "\n"
        for line in table
    )
