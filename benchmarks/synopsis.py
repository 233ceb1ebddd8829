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
import sys
import tempfile
from pathlib import Path

from measure import BIN, corpus_root, timed


def _instruments() -> list[Path]:
    corpus = corpus_root()
    folders = sorted(p for p in (corpus / "laws-markdown").iterdir() if p.is_dir())
    return [sorted(folder.glob("*.md"))[-1] for folder in folders if any(folder.glob("*.md"))]


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
            timed(argv)[:2]  # warm the caches: files, byte code, compiled templates
        for _ in range(args.repeat):
            for n, argv in runs.items():
                times[n].append(timed(argv)[:2])
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
