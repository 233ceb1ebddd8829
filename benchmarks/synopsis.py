"""Synopsis speed: `treatydiff synopsis` of the 17 laws-markdown instruments (the newest
file of each, in folder order) against a synopsis of the first two, HTML output.

    python benchmarks/synopsis.py [--repeat 3] [--sizes 2 17]

Each run is its own process, as a user runs it, the runs interleaved; the median of wall
and of CPU time (user + system, from wait4) is printed, and each size's CPU time as a
multiple of the smallest's (issue 16's bar: 17 instruments at most 6 times 2). The
children keep byte code cached, as an installed treatydiff does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _instruments() -> list[Path]:
    corpus = Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")
    folders = sorted(p for p in (corpus / "laws-markdown").iterdir() if p.is_dir())
    return [sorted(folder.glob("*.md"))[-1] for folder in folders if any(folder.glob("*.md"))]


def _run(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV
    )
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each size")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2, 17])
    args = parser.parse_args()
    files = _instruments()
    with tempfile.TemporaryDirectory() as tmp:
        runs = {
            n: [str(BIN / "treatydiff"), "synopsis", *map(str, files[:n]), "--format", "html",
                "-o", str(Path(tmp) / f"synopsis-{n}.html")]
            for n in args.sizes
        }  # fmt: skip
        times: dict[int, list[tuple[float, float]]] = {n: [] for n in runs}
        for argv in runs.values():
            _run(argv)  # warm the caches: files, byte code, compiled templates
        for _ in range(args.repeat):
            for n, argv in runs.items():
                times[n].append(_run(argv))
    smallest = min(args.sizes)
    base = statistics.median(c for _, c in times[smallest])
    print(f"{args.repeat} interleaved runs each; {os.cpu_count()} CPUs\n")
    print(f"{'instruments':>11} {'wall s':>7} {'CPU s':>7} {'CPU / ' + str(smallest):>9}")
    for n, values in times.items():
        wall = statistics.median(t for t, _ in values)
        cpu = statistics.median(c for _, c in values)
        print(f"{n:>11} {wall:>7.3f} {cpu:>7.3f} {cpu / base:>9.2f}")


if __name__ == "__main__":
    sys.exit(main())
