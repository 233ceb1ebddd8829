"""End-to-end timing: `treatydiff compare` of the CRC (laws-markdown, Dutch Treaty Series
text) against the CRC (raisely copy, OHCHR wording), beside the `redlines` command-line
tool and a difflib word diff on the same input, and beside the floor of starting Python
and importing treatydiff's dependencies.

    /work/venv/bin/python benchmarks/compare_crc.py [--repeat 7]

Every contender runs as its own process, as a user runs it, output to a file; the runs
are interleaved (one of each, then again) so that a busy machine slows all alike, and
the median is reported. redlines and difflib get the plain text of both instruments:
the English clause texts, one per line, as treatydiff's importers read them (written
once, before timing; they do not see the Dutch half nor the Markdown of the source).
Also prints the CLI's import time (python -X importtime) and `treatydiff --version`.

The children run with byte code cached, as an installed treatydiff has it (pip compiles
it on install): PYTHONDONTWRITEBYTECODE is removed from their environment, else every run
would compile treatydiff's sources again (about 20 ms more).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The environment of every timed process: byte code written once, then read.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

DIFFLIB_WORD_DIFF = """
import difflib, re, sys
tokens = [re.findall(r"\\w+|[^\\w\\s]", open(p, encoding="utf-8").read()) for p in sys.argv[1:3]]
ops = difflib.SequenceMatcher(None, *tokens, autojunk=False).get_opcodes()
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for op in ops:
        print(*op, file=out)
"""


def _corpus() -> Path:
    return Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")


def _plain_text(source: Path, target: Path) -> None:
    from treatydiff.formats import load_file

    instrument = load_file(source)
    target.write_text("\n".join(leaf.clause.text for leaf in instrument.leaves) + "\n")


def _run(argv: Sequence[str], ok: Sequence[int] = (0,)) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=CHILD_ENV
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in ok:
        raise SystemExit(f"{argv[0]} failed ({done.returncode}): {done.stderr.decode()[:500]}")
    return elapsed


def _import_time(module: str) -> float:
    """Cumulative import time of ``module`` in seconds, from python -X importtime."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", f"import {module}"],
        capture_output=True,
        text=True,
        check=True,
        env=CHILD_ENV,
    )
    for line in done.stderr.splitlines():
        fields = [f.strip() for f in line.removeprefix("import time:").split("|")]
        if len(fields) == 3 and fields[2] == module:
            return int(fields[1]) / 1e6
    raise SystemExit(f"no import time for {module}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs of each contender")
    args = parser.parse_args()

    corpus = _corpus()
    left = corpus / "laws-markdown" / "crc" / "2013-04-15.md"
    right = corpus / "raisely-noharm" / "CRC.md"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        left_txt, right_txt = work / "crc-left.txt", work / "crc-right.txt"
        _plain_text(left, left_txt)
        _plain_text(right, right_txt)
        contenders = {
            "treatydiff compare (json)": (
                [str(BIN / "treatydiff"), "compare", str(left), str(right), "--format", "json",
                 "-o", str(work / "treatydiff.json")],
                (0, 1),
            ),
            "treatydiff compare (text)": (
                [str(BIN / "treatydiff"), "compare", str(left), str(right),
                 "-o", str(work / "treatydiff.txt")],
                (0, 1),
            ),
            "redlines compare (json)": (
                [str(BIN / "redlines"), "compare", str(left_txt), str(right_txt)],
                (0,),
            ),
            "difflib word diff": (
                [sys.executable, "-c", DIFFLIB_WORD_DIFF, str(left_txt), str(right_txt),
                 str(work / "difflib.txt")],
                (0,),
            ),
            "floor: python + import deps": (
                [sys.executable, "-c", "import rapidfuzz, click, jinja2"],
                (0,),
            ),
            "python -c pass": ([sys.executable, "-c", "pass"], (0,)),
            "treatydiff --version": ([str(BIN / "treatydiff"), "--version"], (0,)),
        }  # fmt: skip
        times: dict[str, list[float]] = {name: [] for name in contenders}
        for argv, ok in contenders.values():
            _run(argv, ok)  # warm the file cache and the byte-code cache
        for _ in range(args.repeat):
            for name, (argv, ok) in contenders.items():
                times[name].append(_run(argv, ok))
        sizes = (left.stat().st_size, right.stat().st_size, left_txt.stat().st_size)

    median = {name: statistics.median(values) for name, values in times.items()}
    print(
        f"CRC laws-markdown ({sizes[0]} bytes, en+nl) against raisely CRC.md ({sizes[1]} bytes);"
        f" plain text for redlines/difflib: {sizes[2]} bytes a side."
    )
    python = sys.version.split()[0]
    print(f"{args.repeat} interleaved runs each; {os.cpu_count()} CPUs; Python {python}\n")
    print(f"{'contender':<30} {'median s':>9} {'min s':>7} {'max s':>7}")
    for name, values in times.items():
        print(f"{name:<30} {median[name]:>9.3f} {min(values):>7.3f} {max(values):>7.3f}")
    ours = median["treatydiff compare (json)"]
    floor = median["floor: python + import deps"]
    print("\nratios (treatydiff compare --format json, medians):")
    print(f"  / redlines compare   {ours / median['redlines compare (json)']:6.2f}  (target < 0.5)")
    print(f"  / difflib word diff  {ours / median['difflib word diff']:6.2f}  (target < 0.5)")
    print(f"  / floor              {ours / floor:6.2f}  (target <= 2.5)")
    print("\nimport times (python -X importtime, cumulative):")
    for module in ("treatydiff.cli", "treatydiff.engine.compare", "rapidfuzz", "click", "jinja2"):
        print(f"  {module:<20} {_import_time(module) * 1000:7.1f} ms")
    print(
        f"  treatydiff --version {median['treatydiff --version'] * 1000:7.1f} ms end to end "
        f"(python -c pass: {median['python -c pass'] * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    sys.exit(main())
