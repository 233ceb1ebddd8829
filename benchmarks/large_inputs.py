"""Large and pathological inputs: time, peak memory and growth exponent of import and
compare, each measured against a linear floor in the same run.

    python benchmarks/large_inputs.py [--part large shapes search]
        [--sizes 1 2 4 10 50] [--memory-limit 2048] [--time-limit 600]
        [--stages import compare json] [--examples 40] [--seed 0]

``--part large``: two instruments of 1 to 50 MB each, imported and compared. The inputs
are made at run time, never stored: the English articles of the Dutch Treaty Series mirror
(``../shared/corpus-scale/laws-markdown-all``, else the laws-markdown folder of
``$TREATYDIFF_CORPUS`` or ``../shared/corpus``), renumbered one after the other and written
in the UN plain-text layout ("Article 12", "1. ...") until the size is reached, the
sources repeated if they run out. The other side is the same text perturbed with a fixed
seed: 3 % of the articles dropped, 5 % with three words edited, 2 % swapped. Each size
runs in a process of its own, whose address space is capped at ``--memory-limit`` MiB
(``RLIMIT_AS``; the aim is 2 GB) and whose stages stop after ``--time-limit`` seconds in
all: a stage that runs out of either is reported as such. Peak memory is the process's
peak resident set (``resource.getrusage``), which includes the interpreter and its
libraries. The floor is reading both files and splitting them into words; the growth
exponent of each stage is the slope of log time over log size between successive sizes
(1 linear, 2 quadratic).

``--part shapes``: every shape of ``tests/support/shapes.py`` (the texts that once made
an importer quadratic, and the reproducers grown from their own content), measured at
three sizes as ``benchmarks/import_growth.py`` says: the import's growth exponent beside the
floor's, its time over the floor's, and its peak memory.

``--part search``: ``--examples`` random fragments of the formats' syntax (seeded), each
repeated to a text; the worst growth exponents found. This is the search for super-linear
imports that no test does (no test is timed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
STAGES = ("import", "compare", "json")
PARTS = ("large", "shapes", "search")


def _sources() -> list[Path]:
    scale = PROJECT.parent / "shared" / "corpus-scale" / "laws-markdown-all"
    if scale.is_dir():
        return sorted(scale.glob("*.md"))
    corpus = Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")
    return sorted((corpus / "laws-markdown").glob("*/*.md"))


def _articles(sources: list[Path]) -> Iterator[list[str]]:
    """The leaf texts of each English article of the sources, for ever."""
    import treatydiff
    from treatydiff.errors import TreatydiffError

    while True:
        for source in sources:
            try:
                instrument = treatydiff.load(source)
            except TreatydiffError:
                continue  # some files hold no English text
            for clause in instrument.walk():
                if clause.kind == "article":
                    texts = [leaf.text for leaf in clause.walk() if leaf.is_leaf and leaf.text]
                    if texts:
                        yield texts


def make_inputs(size: int, folder: Path) -> tuple[Path, Path]:
    """A text of at least ``size`` bytes and its perturbed version, in ``folder``."""
    parts = ["A LARGE INSTRUMENT MADE OF TREATY ARTICLES\n"]
    written = 0
    articles = _articles(_sources())
    while written < size:
        texts = next(articles)
        number = len(parts)
        block = f"\nArticle {number}\n\n" + "\n\n".join(
            f"{n}. {text}" for n, text in enumerate(texts, 1)
        )
        parts.append(block + "\n")
        written += len(block.encode("utf-8")) + 1
    left = folder / f"left-{size}.txt"
    left.write_text("".join(parts), encoding="utf-8")
    right = folder / f"right-{size}.txt"
    right.write_text(_perturbed(parts), encoding="utf-8")
    return left, right


def _perturbed(parts: list[str]) -> str:
    """The articles of ``parts`` with a few dropped, edited and swapped (seed fixed), and
    numbered again in order (the plain-text importer reads an article heading out of
    sequence as text)."""
    rng = random.Random(20261129)
    articles = []
    for article in parts[1:]:
        roll = rng.random()
        if roll < 0.03:
            continue
        if roll < 0.08:
            words = article.split(" ")
            for _ in range(3):
                k = rng.randrange(len(words))
                words[k] = words[k].upper()
            article = " ".join(words)
        articles.append(article)
    for _ in range(len(articles) // 50):
        i, j = rng.randrange(len(articles)), rng.randrange(len(articles))
        articles[i], articles[j] = articles[j], articles[i]
    numbered = [
        _HEADING.sub(f"\nArticle {number}", article, count=1)
        for number, article in enumerate(articles, 1)
    ]
    return parts[0] + "".join(numbered)


_HEADING = re.compile(r"^\nArticle \d+")


# --- the child process: one size ------------------------------------------------------


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _report(stage: str, started: float, **extra: object) -> None:
    line = {
        "stage": stage,
        "seconds": round(time.perf_counter() - started, 2),
        "peak_mb": round(_peak_mb()),
    }
    print(json.dumps(line | extra), flush=True)


def child(left: Path, right: Path, stages: tuple[str, ...]) -> None:
    import treatydiff
    from treatydiff.formats.reading import input_limit
    from treatydiff.render.json import render_json

    started = time.perf_counter()
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in (left, right))
    _report("floor", started, words=words)
    started = time.perf_counter()
    with input_limit(1 << 30):
        a = treatydiff.load(left)
        _report("import left", started, clauses=len(a.leaves))
        started = time.perf_counter()
        b = treatydiff.load(right)
    _report("import right", started, clauses=len(b.leaves))
    if "compare" not in stages:
        return
    started = time.perf_counter()
    comparison = treatydiff.compare(a, b)
    _report("compare", started, alignments=len(comparison.alignments))
    if "json" not in stages:
        return
    started = time.perf_counter()
    text = render_json(comparison)
    _report("json", started, bytes=len(text.encode("utf-8")))


def _limit_memory(mib: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (mib << 20, mib << 20))


def run_size(size_mb: float, args: argparse.Namespace, folder: Path) -> dict[str, float]:
    """Run one size in a child process; the seconds of each stage it finished."""
    started = time.perf_counter()
    left, right = make_inputs(int(size_mb * 1_000_000), folder)
    made = time.perf_counter() - started
    sizes = f"{left.stat().st_size / 1e6:.1f} MB and {right.stat().st_size / 1e6:.1f} MB"
    print(f"\n{size_mb:g} MB: inputs {sizes}, made in {made:.0f} s", flush=True)
    command = [sys.executable, __file__, "--child", str(left), str(right), "--stages", *args.stages]
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: _limit_memory(args.memory_limit),
    ) as process:
        try:
            output, error = process.communicate(timeout=args.time_limit)
            ending = "" if process.returncode == 0 else _ending(error)
        except subprocess.TimeoutExpired:
            peak = _peak_of(process.pid)
            process.kill()
            output, error = process.communicate()
            ending = f"stopped at the time limit of {args.time_limit} s (peak {peak:,.0f} MB)"
    times: dict[str, float] = {}
    for line in output.splitlines():
        record = json.loads(line)
        stage = record.pop("stage")
        seconds, peak = record.pop("seconds"), record.pop("peak_mb")
        times[stage] = seconds
        details = ", ".join(f"{key} {value:,}" for key, value in record.items())
        print(f"  {stage:13s} {seconds:8.2f} s   peak {peak:6,.0f} MB   {details}", flush=True)
    if ending:
        print(f"  next stage: {ending}", flush=True)
    for path in (left, right):
        path.unlink()
    return times


def large(args: argparse.Namespace) -> None:
    """``--part large``: each size, then the growth exponents between successive sizes."""
    print(
        f"memory limit {args.memory_limit} MiB, time limit {args.time_limit} s, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    measured: list[tuple[float, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="treatydiff-large-") as folder:
        for size in args.sizes:
            measured.append((size, run_size(size, args, Path(folder))))
    print("\ngrowth exponents (slope of log time over log size; floor: read and split)")
    stages = [stage for stage in measured[0][1] if stage != "import right"]
    print("  sizes MB     " + "".join(f"{stage:>14s}" for stage in stages))
    for (small, before), (big, after) in zip(measured, measured[1:], strict=False):
        cells = [
            f"{math.log(after[s] / before[s]) / math.log(big / small):14.2f}"
            if s in before and s in after and before[s] > 0 and after[s] > 0
            else f"{'-':>14s}"
            for s in stages
        ]
        print(f"  {small:g} -> {big:g}".ljust(15) + "".join(cells))


def shapes(args: argparse.Namespace) -> None:
    """``--part shapes``: every pathological shape, its growth against the floor."""
    sys.path.insert(0, str(PROJECT / "tests"))
    from import_growth import growth
    from support.shapes import REPRODUCERS, SHAPES

    print(f"{'shape':48s} {'chars at 4n':>12s} {'s at 4n':>8s} {'exp':>5s} "
          f"{'floor exp':>9s} {'x floor':>8s} {'peak MB':>8s}")  # fmt: skip
    for name, shape in {**SHAPES, **REPRODUCERS}.items():
        grown = growth(shape)
        print(
            f"{name[:48]:48s} {grown.chars[-1]:12,d} {grown.seconds[-1]:8.3f} "
            f"{grown.exponent:5.2f} {grown.floor_exponent:9.2f} {grown.over_floor:8.0f} "
            f"{grown.peak_mb:8.1f}",
            flush=True,
        )


# Pieces of the formats' own syntax (as the fuzz test of the importers uses).
_FRAGMENTS = (
    "\n", "\n\n", "  ", "Article 1", "Article", "PART II", "CHAPTER", "1.", "(a)", "(i)",
    "a.", "# ", "## ", "### ", "**", "*a ", "_", "[", "](", ")", "<", ">", "</p>", "<p>",
    "<!--", "]]>", "{", "}", '"articles"', '"text":', ": ", '"', "\\", "- ", "text: ",
    "\u00ad", "\u200b", "\r", "\f", "\t", "Preamble", "Have agreed", "articles = {",
    "t: '", "c: [", "'", "a", "word", "-\n", "1", "i)", "##", "<sup>", "&amp;",
)  # fmt: skip


def search(args: argparse.Namespace) -> None:
    """``--part search``: random fragments repeated; the worst growth exponents."""
    from import_growth import growth

    rng = random.Random(args.seed)
    found = []
    for _ in range(args.examples):
        unit = "".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 6)))
        fmt = rng.choice([None, "un-text", "markdown", "laws-markdown"])
        grown = growth(lambda n, unit=unit, fmt=fmt: (unit * n, fmt), least_seconds=0.02)
        found.append((grown.exponent, grown.floor_exponent, unit, fmt, grown))
    found.sort(key=lambda item: item[0], reverse=True)
    print(f"{args.examples} random fragments (seed {args.seed}), the ten steepest:")
    print(f"  {'exp':>5s} {'floor':>5s} {'s at 4n':>8s} {'chars at 4n':>12s}  format, fragment")
    for exp, floor, unit, fmt, grown in found[:10]:
        print(
            f"  {exp:5.2f} {floor:5.2f} {grown.seconds[-1]:8.3f} {grown.chars[-1]:12,d}  "
            f"{fmt or 'detected'}, {unit!r}"
        )


def _ending(stderr: str) -> str:
    """What ended a child that failed, and in which function (from its traceback)."""
    frames = re.findall(r", in (\w+)\n", stderr)
    where = f" in {frames[-1]}()" if frames else ""
    if "MemoryError" in stderr:
        return f"stopped at the memory limit (MemoryError{where})"
    last = stderr.strip().splitlines()[-1:] or ["no message"]
    return f"failed{where}: {last[0]}"


def _peak_of(pid: int) -> float:
    """The peak resident set of a running process in MB (Linux), 0 where unknown."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    found = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(found.group(1)) / 1024 if found else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 4, 10, 50])
    parser.add_argument("--memory-limit", type=int, default=2048, metavar="MiB")
    parser.add_argument("--time-limit", type=int, default=600, metavar="SECONDS")
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--examples", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child, stages=tuple(args.stages))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    for part in args.part:
        print(f"\n== {part}", flush=True)
        {"large": large, "shapes": shapes, "search": search}[part](args)


if __name__ == "__main__":
    main()
