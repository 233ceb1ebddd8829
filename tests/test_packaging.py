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
    assert "treatydiff/cli/__init__.py" in names
    # The word lists the classifier reads, with the notice of their licence.
    words = PROJECT / "src" / "treatydiff" / "lang" / "words"
    assert {
        "en.words.gz",
        "en.rare.words.gz",
        "es.words.gz",
        "fr.words.gz",
        "nl.words.gz",
        "en.variants.txt",
        "NOTICE",
    } <= {p.name for p in words.iterdir()}
    assert {f"treatydiff/lang/words/{p.name}" for p in words.iterdir() if p.is_file()} <= names
    assert not any(name.startswith("tests/") for name in names)


def test_the_installed_package_needs_no_numpy(tmp_path: Path) -> None:
    """numpy serves the synthetic suite only: the wheel does not require it, and every
    module of the package imports with numpy absent."""
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(tmp_path)],
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("treatydiff-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        (metadata,) = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        requires = [
            line.removeprefix("Requires-Dist: ")
            for line in archive.read(metadata).decode("utf-8").splitlines()
            if line.startswith("Requires-Dist: ")
        ]
    runtime = [r for r in requires if "extra ==" not in r]
    assert runtime and not any(r.lower().startswith("numpy") for r in runtime)
    code = (
        "import importlib, pkgutil, sys\n"
        "class NoNumpy:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'numpy' or name.startswith('numpy.'):\n"
        "            raise ImportError('numpy is absent')\n"
        "sys.meta_path.insert(0, NoNumpy())\n"
        "import treatydiff\n"
        "modules = pkgutil.walk_packages(treatydiff.__path__, 'treatydiff.')\n"
        "names = [m.name for m in modules if m.name != 'treatydiff.__main__']\n"
        "for name in names:\n"
        "    importlib.import_module(name)\n"
        "print(len(names))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout) > 40
