"""`treatydiff compare`: exit codes as diff(1) has them, JSON valid against the shipped
schema and byte-identical across runs, readable text, clean errors, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
from conftest import EXAMPLES, USER_PREAMBLE

from treatydiff.render.json import SCHEMA_ID, schema


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", "compare", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
    )


def validate(data: dict[str, Any]) -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    jsonschema.Draft202012Validator(schema()).validate(data)


def test_the_schema_names_its_version() -> None:
    assert schema()["properties"]["schema"] == {"const": SCHEMA_ID}
    assert SCHEMA_ID == "treatydiff.comparison/1"


def test_snapshots_differing_in_form_only_exit_0(corpus: Path) -> None:
    opsc = corpus / "laws-markdown" / "opsc"
    result = run(str(opsc / "2005-09-23.md"), str(opsc / "2012-10-31.md"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("91 clauses left, 91 right: 91 identical")


def test_json_of_two_wordings(corpus: Path, tmp_path: Path) -> None:
    left = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    right = corpus / "lszoszk-generalcomments" / "crc-opsc.json"
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    for output in (first, second):
        result = run(str(left), str(right), "--format", "json", "-o", str(output))
        assert result.returncode == 1, result.stderr
        assert result.stdout == ""
    assert first.read_bytes() == second.read_bytes()
    data = json.loads(first.read_text(encoding="utf-8"))
    validate(data)
    assert data["schema"] == SCHEMA_ID
    assert data["differences"] is True
    assert data["right"]["sha256"] == (
        "6fa2e0ef42c045c6a8636462ef12bd287ec1836b7345513320e21653c53f884d"
    )
    for side in ("left", "right"):
        ids = [c["id"] for c in data[side]["clauses"]]
        aligned = [eid for a in data["alignments"] for eid in a[side]]
        assert sorted(aligned) == sorted(ids)
    # The diff of each alignment rebuilds the texts of its clauses.
    texts = {
        side: {c["id"]: c["text"] for c in data[side]["clauses"]} for side in ("left", "right")
    }
    for alignment in data["alignments"]:
        for side in ("left", "right"):
            rebuilt = "".join(op[side] for op in alignment["diff"])
            assert rebuilt == "\n".join(texts[side][eid] for eid in alignment[side])
    summary = data["summary"]
    assert (summary["modified"], summary["removed"], summary["added"]) == (24, 14, 0)
    # purpose -> purposes: wording; Protocol -> protocol: case
    assert summary["tags"] == {"case": 1, "spelling": 1, "wording": 22}


def test_text_output_shows_word_changes(tmp_path: Path) -> None:
    original = USER_PREAMBLE.read_text(encoding="utf-8")
    edited = tmp_path / "edited.txt"
    edited.write_text(original.replace("Gravely concerned", "Concerned"), encoding="utf-8")
    result = run(str(USER_PREAMBLE), str(edited))
    assert result.returncode == 1, result.stderr
    blocks = result.stdout.split("\n\n")
    assert blocks[0].startswith("--- ")
    (change,) = [b for b in blocks if b.startswith("modified")]
    head, body = change.split("\n", 1)
    where = "preambular paragraph 3 -> preambular paragraph 3"
    assert head == f"modified: {where} (similarity 97.5 %) [wording]"
    assert body.strip().startswith("[-Gravely concerned-]{+Concerned+} at the significant")
    assert "16 identical" not in blocks[-1] and "15 identical" in blocks[-1]


def test_standard_input_and_short_labels(tmp_path: Path) -> None:
    result = run("-", str(USER_PREAMBLE), "--labels", "short", stdin=USER_PREAMBLE.read_bytes())
    assert result.returncode == 0, result.stderr
    revised = run(
        str(USER_PREAMBLE), str(EXAMPLES / "opsc-preamble-revised.txt"), "--labels", "short"
    )
    assert "modified: preamble para. 1 -> preamble para. 1 " in revised.stdout
    assert "preambular paragraph" not in revised.stdout


def test_short_labels_in_every_format(corpus: Path) -> None:
    opsc = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    opac = corpus / "laws-markdown" / "opac" / "2013-09-12.md"
    for fmt, cited in (
        ("text", "art. 12(1) -> art. 8(1)"),
        ("json", '"art. 12(1)"'),
        ("md", "**art. 12(1)** → art. 8(1): modified"),
        ("html", ">art. 12(1)</a>"),
    ):
        short = run(str(opsc), str(opac), "--format", fmt, "--labels", "short")
        assert short.returncode == 1, short.stderr
        assert cited in short.stdout, fmt
        un = run(str(opsc), str(opac), "--format", fmt)
        assert "article 12, paragraph 1" in un.stdout and cited not in un.stdout, fmt


def test_threshold_option(corpus: Path) -> None:
    opsc = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    opac = corpus / "laws-markdown" / "opac" / "2013-09-12.md"
    strict = run(str(opsc), str(opac), "--format", "json", "--threshold", "1")
    data = json.loads(strict.stdout)
    assert data["options"]["threshold"] == 1.0
    # At 1 only clauses with the same words pair; the titles pair as titles, whatever
    # their words.
    (title,) = [a for a in data["alignments"] if a["left"] == ["docTitle"]]
    assert title["right"] == ["docTitle"] and title["status"] == "modified"
    assert all(
        a["status"] in ("identical", "formatting", "added", "removed")
        for a in data["alignments"]
        if a is not title
    )
    bad = run(str(opsc), str(opac), "--threshold", "1.5")
    assert bad.returncode == 2
    assert "threshold" in bad.stderr


def test_trouble_is_exit_2_with_one_line_and_no_output(tmp_path: Path) -> None:
    output = tmp_path / "out.json"
    result = run(str(USER_PREAMBLE), str(tmp_path / "missing.txt"), "-o", str(output))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "missing.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert not output.exists()


def test_the_cli_does_not_load_the_engine_to_start() -> None:
    code = (
        "import sys, treatydiff, treatydiff.cli; "
        "print(sorted(m for m in ('rapidfuzz', 'numpy', 'treatydiff.engine.compare')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_json_of_splits_merges_and_moves_is_valid(corpus: Path) -> None:
    from treatydiff import compare
    from treatydiff.catalogue.refs import resolve
    from treatydiff.render.json import render_json

    crc = resolve(str(corpus / "laws-markdown" / "crc" / "2013-04-15.md"))
    opsc = resolve(str(corpus / "laws-markdown" / "opsc" / "2012-10-31.md"))
    raisely = resolve(str(corpus / "raisely-noharm" / "CRC.md"))
    for left, right in ((crc, raisely), (opsc, crc)):
        data = json.loads(render_json(compare(left, right)))
        validate(data)
    assert data["summary"]["moved"] >= 1  # OPSC recital 2 reappears as CRC article 32 (1)
    assert any(
        len(a["left"]) > 1 for a in json.loads(render_json(compare(crc, raisely)))["alignments"]
    )
