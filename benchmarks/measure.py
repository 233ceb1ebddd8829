"""What the benchmarks share: where the project and the corpus are, and how one child
process is timed (wall, CPU and peak memory, from ``os.wait4``), beside the peers they
measure against.

Imported by the scripts beside it (``python benchmarks/NAME.py`` puts this folder on the
module path).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
# The environment of every timed process: byte code written once, then read.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# A peer: a word diff of two texts with difflib, its opcodes written to a file.
DIFFLIB_WORD_DIFF = """
import difflib, re, sys
tokens = [re.findall(r"\\w+|[^\\w\\s]", open(p, encoding="utf-8").read()) for p in sys.argv[1:3]]
ops = difflib.SequenceMatcher(None, *tokens, autojunk=False).get_opcodes()
with open(sys.argv[3], "w", encoding="utf-8") as out:
    for op in ops:
        print(*op, file=out)
"""


def corpus_root() -> Path:
    """The treaty corpus: ``$TREATYDIFF_CORPUS``, else ``../shared/corpus``."""
    return Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")


def timed(argv: Sequence[str], ok: Sequence[int] = (0,)) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak resident memory (MiB) of one
    child process (its own figures, from wait4). SystemExit when its exit status is not
    in ``ok``."""
    started = time.perf_counter()
    child = subprocess.Popen(
        argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV
    )
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"{argv[0]} failed ({code}): {' '.join(argv)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024
