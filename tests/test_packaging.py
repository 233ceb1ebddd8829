"""The wheel carries the package data the installed tool needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from conftest import PROJECT


def test_wheel_ships_templates_and_instruments(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("treatydiff-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("templates", "instruments"):
        shipped = sorted(
            f"treatydiff/{folder}/{p.relative_to(PROJECT / folder).as_posix()}"
            for p in (PROJECT / folder).rglob("*")
            if p.is_file()
        )
        assert shipped, f"{folder}/ is empty"
        assert set(shipped) <= names
    assert "treatydiff/py.typed" in names
    assert "treatydiff/cli.py" in names
    assert not any(name.startswith("tests/") for name in names)
