"""What a compare run loads: the JSON and text paths stay off numpy and jinja2, whose
imports alone would cost more than comparing two conventions (see benchmarks/README.md)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES

HEAVY = ("numpy", "jinja2")

# Runs the CLI in this process, then reports its exit code and every module it imported.
_PROBE = """
import json, sys
from treatydiff.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print(json.dumps({"exit": code, "modules": sorted(sys.modules)}))
"""


def _compare(fmt: str, tmp_path: Path) -> dict[str, object]:
    left = EXAMPLES / "opsc-preamble-ohchr.txt"
    right = EXAMPLES / "opsc-preamble-revised.txt"
    output = tmp_path / f"out.{fmt}"
    argv = ["compare", str(left), str(right), "--format", fmt, "-o", str(output)]
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv], capture_output=True, text=True, check=True
    )
    assert output.stat().st_size > 0
    result = json.loads(done.stdout)
    return {"exit": result["exit"], "loaded": [m for m in HEAVY if m in result["modules"]]}


def test_json_and_text_compare_load_neither_numpy_nor_jinja2(tmp_path: Path) -> None:
    for fmt in ("json", "text"):
        assert _compare(fmt, tmp_path) == {"exit": 1, "loaded": []}


def test_the_html_report_does_load_jinja2(tmp_path: Path) -> None:
    # The probe sees imports: the HTML report is rendered with jinja2.
    assert _compare("html", tmp_path) == {"exit": 1, "loaded": ["jinja2"]}
