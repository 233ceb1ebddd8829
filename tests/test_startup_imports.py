"""What start-up and a compare run load: `import treatydiff` and the CLI's start-up load no
stage of the pipeline, and the JSON and text paths stay off numpy and jinja2, whose
imports alone would cost more than comparing two conventions (see benchmarks/README.md)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES
from support.probe import PROBE

HEAVY = ("numpy", "jinja2")
# What no comparison report needs: the language-version engine (anchors, divergences),
# and the synopsis (its dataclasses alone cost about 3 ms to create).
NEEDLESS = (
    "treatydiff.engine.languages",
    "treatydiff.engine.divergences",
    "treatydiff.report.synopsis",
)
# Neither `import treatydiff` nor the CLI's start-up may load these: the comparison engine
# and the libraries of single formats and outputs load when a command needs them.
ENGINE = ("treatydiff.engine", "rapidfuzz", "jinja2", "lxml", "markdown_it", "numpy")
# The stages of the pipeline, which the CLI imports in the body of the command that needs one.
STAGES = tuple(
    f"treatydiff.{stage}"
    for stage in (
        "formats",
        "segment",
        "engine",
        "report",
        "render",
        "ci",
        "catalogue",
        "site",
        "reuse",
    )
)


def _loaded_by(code: str) -> list[str]:
    """The modules (top-level names, and treatydiff's stage packages) that ``code`` loads
    in a fresh interpreter."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    modules: list[str] = json.loads(done.stdout.splitlines()[-1])
    return sorted(
        {".".join(m.split(".")[:2]) if m.startswith("treatydiff.") else m for m in modules}
    )


def test_import_treatydiff_loads_no_stage_of_the_pipeline() -> None:
    loaded = _loaded_by("import treatydiff\nprint(treatydiff.__version__, dir(treatydiff))")
    assert [m for m in loaded if m.startswith("treatydiff")] == ["treatydiff"]
    assert "click" not in loaded


def test_cli_start_up_loads_no_engine_module() -> None:
    loaded = _loaded_by("import treatydiff.cli")
    assert "treatydiff.cli" in loaded
    assert [m for m in (*STAGES, *ENGINE) if m in loaded] == []


def test_the_public_api_loads_its_stage_on_first_use() -> None:
    # The model and the reader: no engine until compare is asked for.
    loaded = _loaded_by("import treatydiff\ntreatydiff.load\ntreatydiff.Instrument")
    assert [m for m in ENGINE if m in loaded] == []
    assert "treatydiff.formats" in loaded
    loaded = _loaded_by("import treatydiff\ntreatydiff.compare")
    assert "treatydiff.engine" in loaded and "rapidfuzz" in loaded


def _compare(fmt: str, tmp_path: Path) -> dict[str, object]:
    left = EXAMPLES / "opsc-preamble-ohchr.txt"
    right = EXAMPLES / "opsc-preamble-revised.txt"
    output = tmp_path / f"out.{fmt}"
    argv = ["compare", str(left), str(right), "--format", fmt, "-o", str(output)]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"TREATYDIFF_HOME": str(tmp_path / "home")},
    )
    assert output.stat().st_size > 0
    result = json.loads(done.stdout)
    wanted = (*HEAVY, *NEEDLESS)
    return {"exit": result["exit"], "loaded": [m for m in wanted if m in result["modules"]]}


def test_json_and_text_compare_load_neither_numpy_nor_jinja2(tmp_path: Path) -> None:
    for fmt in ("json", "text"):
        assert _compare(fmt, tmp_path) == {"exit": 1, "loaded": []}


def test_the_html_and_markdown_reports_load_jinja2_only(tmp_path: Path) -> None:
    # The probe sees imports: the reports are rendered with jinja2, and nothing of the
    # language-version report comes with it.
    assert _compare("html", tmp_path) == {"exit": 1, "loaded": ["jinja2"]}
    assert _compare("md", tmp_path) == {"exit": 1, "loaded": ["jinja2"]}


def test_compiled_templates_are_kept_in_the_data_home(tmp_path: Path) -> None:
    # The first run compiles the report's templates and stores their code; the next runs
    # load it (jinja2 checks it against the template's source) and write the same report.
    cache = tmp_path / "home" / "cache" / "templates"
    _compare("html", tmp_path)
    first = (tmp_path / "out.html").read_bytes()
    stored = sorted(cache.iterdir())
    assert len(stored) >= 2  # the page and the template it extends
    assert all(path.suffix == ".cache" and path.stat().st_size > 0 for path in stored)
    _compare("html", tmp_path)
    assert (tmp_path / "out.html").read_bytes() == first
    assert sorted(cache.iterdir()) == stored


def test_a_data_home_that_cannot_hold_the_cache_still_renders(tmp_path: Path) -> None:
    # A file where the home should be (a permission would not stop a root user): no cache,
    # the same report.
    _compare("html", tmp_path)
    expected = (tmp_path / "out.html").read_bytes()
    (tmp_path / "out.html").unlink()
    shutil.rmtree(tmp_path / "home")
    (tmp_path / "home").write_text("not a folder")
    assert _compare("html", tmp_path)["exit"] == 1
    assert (tmp_path / "out.html").read_bytes() == expected
