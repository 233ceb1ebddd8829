"""Growth: `treatydiff compare` on inputs of growing size, beside redlines and difflib.

    python benchmarks/scaling.py [--crc 1 2 4 8 16 32] [--near 250 500 1000 2000 4000]
                                 [--repeat 3] [--no-peers]

Two families of inputs, written once into a temporary folder before timing:

- ``crc Nx``: the CRC repeated N times (its articles renumbered on, 54 N articles), the
  OHCHR wording (``raisely-noharm/CRC.md``) on the left against the Dutch Treaty Series
  English text (``laws-markdown/crc/2013-04-15.md``) on the right, both written as the
  same plain Markdown (``### Article n``, numbered paragraphs, lettered points). Every
  clause has N copies on the other side: the alignment must tell them apart by order.
- ``near N``: N one-sentence articles that differ by one word ("States Parties shall take
  all appropriate measures to ensure the WORD of the child ..."), against a lightly edited
  copy (seeded: 2 % of the clauses with a word changed, 1 % removed, 1 % inserted, 0.5 %
  moved elsewhere).

Each contender runs as its own process, output to a file, interleaved, the median of
``--repeat`` runs of wall and of CPU time (user + system; the steadier on a shared
machine); peak memory is the child's maximum resident set size (``wait4``).
Peers in the same run: the ``redlines`` command-line tool (if installed) and a difflib
word diff on the plain text of both sides (the clause texts one per line), and the floor
(``python -c "import rapidfuzz, click, jinja2"``). The growth exponent between two sizes
is log(t2 / t1) / log(n2 / n1), over time less the floor. ``--recall`` measures the
candidate blocking against exhaustive scoring on the same inputs instead.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from measure import BIN, DIFFLIB_WORD_DIFF, corpus_root, timed

NEAR_SENTENCE = (
    "States Parties shall take all appropriate measures to ensure the {word} of the child "
    "and to that end shall cooperate with the competent authorities."
)


def _articles(path: Path) -> list[list[str]]:
    """The articles of an instrument as Markdown lines (numbered paragraphs, lettered
    points, chapeaux and closing words as they come), in document order."""
    from treatydiff.formats import load_file

    instrument = load_file(path)
    articles: dict[str, list[str]] = {}
    for leaf in instrument.leaves:
        article = next((c for c in leaf.path if c.kind == "article"), None)
        if article is None or leaf.clause.kind in ("heading", "docTitle"):
            continue
        lines = articles.setdefault(article.eid, [])
        clause = leaf.clause
        inner = leaf.path[leaf.path.index(article) + 1 :]
        marker = [f"({c.num})" if c.kind == "point" else f"{c.num}." for c in inner if c.num]
        lines.append(" ".join([*marker[-1:], clause.text]))
    return list(articles.values())


def _markdown(title: str, articles: Sequence[list[str]], times: int) -> str:
    out = [f"# {title}", ""]
    number = 0
    for _ in range(times):
        for lines in articles:
            number += 1
            out += [f"### Article {number}", *lines, ""]
    return "\n".join(out)


def _near(count: int, seed: int) -> tuple[str, str]:
    """The near-duplicate pair: N articles against a lightly edited copy."""
    rng = random.Random(seed)
    words = _words(count * 2, rng)
    left = [NEAR_SENTENCE.format(word=w) for w in words[:count]]
    right = list(left)
    spare = iter(words[count:])
    for k in rng.sample(range(count), count // 50):
        right[k] = right[k].replace("competent", next(spare))
    for k in sorted(rng.sample(range(len(right)), count // 100), reverse=True):
        del right[k]
    for _ in range(count // 100):
        right.insert(rng.randrange(len(right) + 1), NEAR_SENTENCE.format(word=next(spare)))
    for _ in range(count // 200):
        moved = right.pop(rng.randrange(len(right)))
        right.insert(rng.randrange(len(right) + 1), moved)

    def text(clauses: list[str]) -> str:
        return _markdown("Near-duplicate clauses", [[c] for c in clauses], 1)

    return text(left), text(right)


def _words(count: int, rng: random.Random) -> list[str]:
    """Distinct lower-case pseudo-words (letters only, 6 to 9 of them)."""
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < count:
        word = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(6, 9)))
        if word not in seen:
            seen.add(word)
            out.append(word)
    return out


def _plain(markdown: str) -> str:
    """The clause texts one per line, as redlines and difflib get them."""
    lines = [line for line in markdown.splitlines() if line and not line.startswith("#")]
    return "\n".join(lines) + "\n"


def _exponent(n1: float, t1: float, n2: float, t2: float) -> float:
    if t1 <= 0 or t2 <= 0:
        return float("nan")
    return math.log(t2 / t1) / math.log(n2 / n1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--crc", type=int, nargs="*", default=[1, 2, 4, 8, 16, 32])
    parser.add_argument("--near", type=int, nargs="*", default=[250, 500, 1000, 2000, 4000])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each contender")
    parser.add_argument("--no-peers", action="store_true", help="time treatydiff only")
    parser.add_argument(
        "--peer-budget",
        type=float,
        default=30.0,
        help="CPU seconds: a peer slower than this on one input skips the larger ones",
    )
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--recall", action="store_true", help="the blocking against exhaustive scoring instead"
    )
    args = parser.parse_args()

    corpus = corpus_root()
    redlines = shutil.which("redlines", path=str(BIN)) or shutil.which("redlines")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cases: list[tuple[str, str, float, Path, Path]] = []  # family, label, size, left, right
        if args.crc:
            left_articles = _articles(corpus / "raisely-noharm" / "CRC.md")
            right_articles = _articles(corpus / "laws-markdown" / "crc" / "2013-04-15.md")
        for times in args.crc:
            left, right = work / f"crc{times}-left.md", work / f"crc{times}-right.md"
            title = "Convention on the Rights of the Child"
            left.write_text(_markdown(title, left_articles, times), encoding="utf-8")
            right.write_text(_markdown(title, right_articles, times), encoding="utf-8")
            cases.append(("crc", f"crc {times}x", times, left, right))
        for count in args.near:
            left, right = work / f"near{count}-left.md", work / f"near{count}-right.md"
            texts = _near(count, args.seed)
            left.write_text(texts[0], encoding="utf-8")
            right.write_text(texts[1], encoding="utf-8")
            cases.append(("near", f"near {count}", count, left, right))
        if args.recall:
            _recall(cases)
            return
        floor_argv = [sys.executable, "-c", "import rapidfuzz, click, jinja2"]
        print(f"{os.cpu_count()} CPUs; Python {sys.version.split()[0]}; median of {args.repeat}")
        floors = [timed(floor_argv) for _ in range(args.repeat)]
        floor = statistics.median(t for t, _, _ in floors)
        floor_cpu = statistics.median(c for _, c, _ in floors)
        print(
            f"floor (python + import rapidfuzz, click, jinja2): {floor:.3f} s wall, "
            f"{floor_cpu:.3f} s CPU\n"
        )
        print(
            f"{'input':<12} {'kB':>5} {'contender':<11} {'wall s':>8} {'CPU s':>7} {'MiB':>6} "
            f"{'exp':>5} {'exp CPU':>7}"
        )
        previous: dict[tuple[str, str], tuple[float, float, float]] = {}
        over_budget: set[tuple[str, str]] = set()
        for family, label, size, left, right in cases:
            plain_left, plain_right = left.with_suffix(".txt"), right.with_suffix(".txt")
            plain_left.write_text(_plain(left.read_text(encoding="utf-8")), encoding="utf-8")
            plain_right.write_text(_plain(right.read_text(encoding="utf-8")), encoding="utf-8")
            contenders: dict[str, tuple[list[str], tuple[int, ...]]] = {
                "treatydiff": (
                    [str(BIN / "treatydiff"), "compare", str(left), str(right), "--format",
                     "json", "-o", str(work / "out.json")],
                    (0, 1),
                ),
            }  # fmt: skip
            if not args.no_peers:
                contenders["difflib"] = (
                    [sys.executable, "-c", DIFFLIB_WORD_DIFF, str(plain_left),
                     str(plain_right), str(work / "difflib.txt")],
                    (0,),
                )  # fmt: skip
                if redlines:
                    contenders["redlines"] = ([redlines, "compare", str(plain_left),
                                               str(plain_right)], (0,))  # fmt: skip
            for name in [name for name in contenders if (family, name) in over_budget]:
                del contenders[name]
                print(f"{label:<12} {'':>5} {name:<11} skipped: over the budget on a smaller input")
            runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name in contenders}
            for _ in range(args.repeat):
                for name, (argv, ok) in contenders.items():
                    runs[name].append(timed(argv, ok))
            kb = (left.stat().st_size + right.stat().st_size) / 2000
            for name, measured in runs.items():
                wall = statistics.median(t for t, _, _ in measured)
                cpu = statistics.median(c for _, c, _ in measured)
                memory = max(m for _, _, m in measured)
                before = previous.get((family, name))
                exponents = (
                    (
                        _exponent(before[0], before[1] - floor, size, wall - floor),
                        _exponent(before[0], before[2] - floor_cpu, size, cpu - floor_cpu),
                    )
                    if before
                    else (float("nan"), float("nan"))
                )
                previous[(family, name)] = (size, wall, cpu)
                if name != "treatydiff" and cpu > args.peer_budget:
                    over_budget.add((family, name))
                print(
                    f"{label:<12} {kb:>5.0f} {name:<11} {wall:>8.3f} {cpu:>7.3f} {memory:>6.0f} "
                    f"{exponents[0]:>5.2f} {exponents[1]:>7.2f}"
                )
            sys.stdout.flush()


def _recall(cases: Sequence[tuple[str, str, float, Path, Path]]) -> None:
    """The blocking against exhaustive scoring, in this process: the same engine with a
    window as wide as the input and no row limit. Prints, per input, the leaf pairs at
    the listing floor that exhaustive scoring finds and the blocking keeps, and how many
    matches of the alignment differ."""
    from rapidfuzz import fuzz

    from treatydiff.engine import candidates
    from treatydiff.engine.align import LEAF_FLOOR, align
    from treatydiff.engine.blocks import PIECE_FLOOR
    from treatydiff.engine.candidates import listed_pairs
    from treatydiff.engine.comparison import Match
    from treatydiff.formats import load_file
    from treatydiff.model import Instrument
    from treatydiff.normalize import WordCodes

    floor = 0.5 * min(LEAF_FLOOR, PIECE_FLOOR)
    print(f"{'input':<12} {'pairs':>9} {'kept':>9} {'recall':>7} {'matches':>8} {'differ':>7}")
    for _, label, _, left_path, right_path in cases:
        left, right = load_file(left_path), load_file(right_path)
        codes = WordCodes()
        texts = [[codes.encode(key) for key in side.leaf_keys] for side in (left, right)]
        settings = (candidates.WINDOW, candidates.ROW_LIMIT)

        def run(
            left: Instrument, right: Instrument, texts: list[list[str]]
        ) -> tuple[set[tuple[int, int]], list[Match]]:
            rows = listed_pairs(*texts, scorer=fuzz.ratio, floor=floor, words=str)
            pairs = {(i, j) for i, (indices, _) in enumerate(rows) for j in indices}
            return pairs, align(left, right, threshold=0.5, scorer="token_ratio")

        blocked, matches = run(left, right, texts)
        candidates.WINDOW, candidates.ROW_LIMIT = 10**9, 10**9
        try:
            exhaustive, truth = run(left, right, texts)
        finally:
            candidates.WINDOW, candidates.ROW_LIMIT = settings
        found = len(blocked & exhaustive)
        differ = len(set(map(repr, truth)) ^ set(map(repr, matches))) // 2
        print(
            f"{label:<12} {len(exhaustive):>9} {found:>9} {found / len(exhaustive):>7.4f} "
            f"{len(truth):>8} {differ:>7}"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    sys.exit(main())
