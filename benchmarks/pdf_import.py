"""PDF import speed: treatydiff reading a PDF beside `pdftotext -layout` on the same file.

    /work/venv/bin/python benchmarks/pdf_import.py [--repeat 7] [--libraries]

Files: the UN Treaty Series print of the OPSC (8 pages) and the UNICEF booklet of the CRC
and its first two protocols (52 pages, two columns, marginal notes), from
``documents/`` of the corpus. Every contender runs as its own process, as a user runs
it, output to a file; runs are interleaved (one of each, then again) so a busy machine
slows all alike; the median is reported. Contenders:

- `treatydiff show FILE --format json -o OUT`: import, segmentation and JSON;
- `python -c "load_file(FILE)"`: the import alone (with Python's start-up and imports);
- `pdftotext -layout FILE OUT` (poppler-utils), `python -c pass`, and the floor:
  `python -c "import pypdfium2, treatydiff.formats.pdf"`.

Wall-clock and CPU time (user + system, of the child) are both reported; the ratios use
CPU time, which a shared machine stretches less. The target: the import at most 3 times
pdftotext plus Python's start-up; the script prints (import - start-up) / pdftotext per
file, with start-up taken as `python -c pass` and as the floor. With ``--libraries`` it also
times, in this process, reading every character with its box through the other
extraction libraries that are installed (pdfplumber, pdfminer.six, pypdf), for the
record of why PDFium was chosen.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from importlib.util import find_spec
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FILES = ("opsc-en-unts-vol2171.pdf", "crc-opac-opsc-es-unicef2006.pdf")
# Byte code written once, then read, as an installed treatydiff has it.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
IMPORT_ONLY = "import sys; from treatydiff.formats import load_file; load_file(sys.argv[1])"
# What every PDF import loads before it reads a byte: the interpreter, PDFium's bindings
# and the importer's modules.
FLOOR = "import pypdfium2, treatydiff.formats.pdf"


def _time(argv: Sequence[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, check=True, env=CHILD_ENV, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _libraries(path: Path) -> dict[str, float]:
    """Seconds to read every character with its box, per installed library."""
    readers: dict[str, Callable[[], object]] = {}
    if find_spec("pypdfium2"):
        from treatydiff.formats.pdf.extract import read_pages

        readers["pypdfium2 (treatydiff)"] = lambda: read_pages(path.read_bytes(), source="")
    if find_spec("pdfplumber"):
        import pdfplumber

        def plumber() -> object:
            with pdfplumber.open(path) as pdf:
                return [len(page.chars) for page in pdf.pages]

        readers["pdfplumber"] = plumber
    if find_spec("pdfminer"):
        from pdfminer.high_level import extract_pages

        readers["pdfminer.six (no layout analysis)"] = lambda: list(
            extract_pages(path, laparams=None)
        )
    if find_spec("pypdf"):
        import pypdf

        def runs() -> object:
            found: list[object] = []
            for page in pypdf.PdfReader(path).pages:
                page.extract_text(visitor_text=lambda *run: found.append(run))
            return found

        readers["pypdf (text runs, no widths)"] = runs
    out: dict[str, float] = {}
    for name, reader in readers.items():
        started = time.perf_counter()
        reader()
        out[name] = time.perf_counter() - started
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--libraries", action="store_true", help="also time other libraries")
    args = parser.parse_args()
    root = Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        sys.exit("pdftotext not found: apt-get install poppler-utils")
    treatydiff = str(BIN / "treatydiff")
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch)
        contenders: dict[str, list[str]] = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "floor: python + imports": [sys.executable, "-c", FLOOR],
        }
        for name in FILES:
            path = str(root / "documents" / name)
            contenders[f"{name}: treatydiff show --format json"] = [
                *(treatydiff, "show", path, "--format", "json", "-o", str(out / "show.json"))
            ]
            contenders[f"{name}: import (load_file)"] = [sys.executable, "-c", IMPORT_ONLY, path]
            contenders[f"{name}: pdftotext -layout"] = [pdftotext, "-layout", path, str(out / "t")]
        for argv in contenders.values():
            _time(argv)  # warm the caches and compile byte code
        walls: dict[str, list[float]] = {name: [] for name in contenders}
        cpus: dict[str, list[float]] = {name: [] for name in contenders}
        for _ in range(args.repeat):
            for name, argv in contenders.items():
                wall, cpu = _time(argv)
                walls[name].append(wall)
                cpus[name].append(cpu)
    print(f"{args.repeat} runs each, interleaved; medians in seconds\n")
    print(f"| {'contender':<62} | wall  | CPU   |")
    print(f"|{'-' * 64}|------:|------:|")
    for name in contenders:
        wall, cpu = statistics.median(walls[name]), statistics.median(cpus[name])
        print(f"| {name:<62} | {wall:.3f} | {cpu:.3f} |")
    print("\nRatios on CPU time (a shared machine stretches wall time unevenly):")
    for floor in ("python -c pass", "floor: python + imports"):
        base = statistics.median(cpus[floor])
        for name in FILES:
            poppler = statistics.median(cpus[f"{name}: pdftotext -layout"])
            for what in ("import (load_file)", "treatydiff show --format json"):
                ours = statistics.median(cpus[f"{name}: {what}"])
                ratio = (ours - base) / poppler
                print(f"  {name}, {what}: (t - {floor}) / pdftotext = {ratio:.2f}")
    if args.libraries:
        print("\nReading every character with its box, in this process (seconds):")
        for name in FILES:
            for library, seconds in _libraries(root / "documents" / name).items():
                print(f"  {name}: {library}: {seconds:.3f}")


if __name__ == "__main__":
    main()
