"""Language versions: how well English and Dutch align without their structure, with and
without the semantic extra, and what it costs; and the flags on the clean files.

    python benchmarks/languages.py [--semantic] [--flags] [--scale N]

Gold: in the laws-markdown files, the English and Dutch units whose eIds agree and are
made of printed numbers (article 4, paragraph 3 (c)) are translations of each other.
The aligner is run with its structural step switched off (``align_pair(...,
structure=False)``): anchors and lengths (and with ``--semantic`` the embeddings) must
find those pairs alone, as they must wherever a text's structure says nothing. Precision:
of the one-to-one pairs it makes between gold units, the share that are gold pairs;
recall: of the gold pairs, the share it makes. ``--flags`` lists every divergence the
full aligner raises on the clean files (benchmarks/README.md judges each); ``--scale N``
runs the full aligner on N files of ../shared/corpus-scale/laws-markdown-all and reports
rows, flags per kind and time.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from measure import corpus_root

from treatydiff.engine.divergences import divergences  # noqa: E402
from treatydiff.engine.languages import Version, align, align_pair, version  # noqa: E402
from treatydiff.errors import TreatydiffError  # noqa: E402
from treatydiff.formats import list_parts, load_file  # noqa: E402
from treatydiff.formats.reading import read_bytes  # noqa: E402


def _pairs(folder: Path) -> list[tuple[str, Version, Version]]:
    out = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        newest = sorted(path.glob("*.md"))[-1]
        for part in range(1, len(list_parts(read_bytes(newest), source=str(newest))) + 1):
            english = version(load_file(newest, lang="en", part=part), "en")
            dutch = version(load_file(newest, lang="nl", part=part), "nl")
            out.append((f"{path.name}#{part}", english, dutch))
    return out


def _quality(name: str, english: Version, dutch: Version, encoder: object) -> tuple[int, ...]:
    """Gold pairs, pairs made between gold units, right ones; and the seconds taken."""
    gold = {
        (u.index, dutch.by_eid[u.eid].index)
        for u in english.units
        if u.numbered and u.eid in dutch.by_eid and dutch.by_eid[u.eid].numbered
    }
    left = {i for i, _ in gold}
    right = {j for _, j in gold}
    started = time.perf_counter()
    vectors = (None, None)
    if encoder is not None:
        vectors = (
            encoder([u.text for u in english.units]),  # type: ignore[operator]
            encoder([u.text for u in dutch.units]),  # type: ignore[operator]
        )
    pair = align_pair(english, dutch, vectors=vectors, structure=False)
    seconds = time.perf_counter() - started
    made = {
        (b.left[0], b.right[0])
        for b in pair.beads
        if len(b.left) == len(b.right) == 1 and b.left[0] in left and b.right[0] in right
    }
    return len(gold), len(made), len(made & gold), round(seconds * 1000)


def quality(pairs: list[tuple[str, Version, Version]], semantic: bool) -> None:
    configurations = [("anchors + lengths", None)]
    if semantic:
        from treatydiff.engine.semantic import encoder

        started = time.perf_counter()
        configurations.append(("+ embeddings", encoder()))
        print(f"semantic model loaded in {time.perf_counter() - started:.1f} s")
    totals: dict[str, Counter[str]] = {name: Counter() for name, _ in configurations}
    print(f"{'instrument':<34} " + " ".join(f"{n:>28}" for n, _ in configurations))
    for name, english, dutch in pairs:
        cells = []
        for label, encoder_ in configurations:
            gold, made, right, ms = _quality(name, english, dutch, encoder_)
            totals[label].update(gold=gold, made=made, right=right, ms=ms)
            cells.append(f"P {right / max(made, 1):.3f} R {right / max(gold, 1):.3f} {ms:>6} ms")
        print(f"{name:<34} " + " ".join(f"{c:>28}" for c in cells))
    for label, total in totals.items():
        print(
            f"{label}: {total['gold']} gold pairs, precision "
            f"{total['right'] / max(total['made'], 1):.4f}, recall "
            f"{total['right'] / max(total['gold'], 1):.4f}, {total['ms'] / 1000:.1f} s"
        )


def flags(pairs: list[tuple[str, Version, Version]]) -> None:
    rows = count = 0
    for name, english, dutch in pairs:
        aligned = align([english, dutch])
        found = divergences(aligned)
        rows += len(aligned.rows)
        count += len(found)
        for d in found:
            where = " | ".join(f"{k} {' '.join(v) or '-'}" for k, v in d.clauses.items())
            print(f"{name}\t{d.kind}\t{d.label}\t{where}\t{d.detail}")
    print(f"{count} flags over {rows} rows: one per {rows / max(count, 1):.0f}")


def scale(limit: int) -> None:
    folder = corpus_root().parent / "corpus-scale" / "laws-markdown-all"
    files = sorted(folder.glob("*.md"))[:limit]
    rows = skipped = 0
    kinds: Counter[str] = Counter()
    started = time.perf_counter()
    for path in files:
        try:
            english = version(load_file(path, lang="en"), "en")
            dutch = version(load_file(path, lang="nl"), "nl")
        except TreatydiffError:
            skipped += 1  # no English or no Dutch text, or none readable
            continue
        aligned = align([english, dutch])
        rows += len(aligned.rows)
        kinds.update(d.kind for d in divergences(aligned))
    seconds = time.perf_counter() - started
    total = sum(kinds.values())
    print(
        f"{len(files) - skipped} files ({skipped} without both texts), {rows} rows, "
        f"{total} flags (one per {rows / max(total, 1):.0f} rows): {dict(kinds)}; "
        f"{seconds:.0f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--semantic", action="store_true", help="also with embeddings")
    parser.add_argument("--flags", action="store_true", help="list the clean files' flags")
    parser.add_argument("--scale", type=int, default=0, help="files of laws-markdown-all")
    args = parser.parse_args()
    pairs = _pairs(corpus_root() / "laws-markdown")
    quality(pairs, args.semantic)
    if args.flags:
        flags(pairs)
    if args.scale:
        scale(args.scale)


if __name__ == "__main__":
    sys.exit(main())
