"""`treatydiff reuse` over a whole treaty collection: time, memory, recall, known families.

    python benchmarks/reuse.py [--collection DIR] [--schedulers processes threads synchronous]
                               [--sample 50] [--skip-full]

The collection is $TREATYDIFF_CORPUS_SCALE, else ../shared/corpus-scale/laws-markdown-all
beside the checkout (1,605 treaties of the Dutch Treaty Series with an English text). In one
run it measures:

1. a plain Python script that reads every file, splits it into paragraphs and hashes the
   word 5-grams of each (the floor: reading and shingling the text, nothing else);
2. `treatydiff reuse COLLECTION -o FILE` with an empty data home, once per scheduler
   (wall time; peak memory of the whole process tree, sampled every 0.1 s); the ratio of
   the first to the plain script;
3. the same command again (every file and every pair cached); on the collection less one
   treaty; then on the whole collection in JSON (one treaty added to what the cache knows);
4. the known families in that JSON;
5. recall of the join against a brute-force search of every clause pair, on a sample of
   `--sample` treaties (the known families' members and a seeded random choice of others),
   at several thresholds, and the number of brute-force pairs in bands of similarity.

Prints the figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from rapidfuzz import fuzz, process

PROJECT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+")

# Members of known families in the Dutch Treaty Series (MANIFEST.tsv ids).
KNOWN_FAMILIES = {
    "1951 Refugee and 1954 Stateless Persons conventions": ["BWBV0001002", "BWBV0001003"],
    "Palermo protocols: trafficking, smuggling, firearms": [
        "BWBV0001749",
        "BWBV0001750",
        "BWBV0001710",
    ],
    "European Social Charter 1961, its 1988 Additional Protocol, revised Charter 1996": [
        "BWBV0001021",
        "BWBV0001057",
        "BWBV0001800",
    ],
    "OP-CEDAW with the ICESCR and CRPD optional protocols": [
        "BWBV0001537",
        "BWBV0004027",
        "BWBV0003559",
    ],
    "OPSC with OPAC": ["BWBV0001752", "BWBV0004034"],
}
# The 1988 Additional Protocol's articles 1-4 became the revised Charter's articles 20-23.
ESC_PROTOCOL, ESC_REVISED = "BWBV0001057", "BWBV0001800"


def plain_script(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds to read every file, split it into paragraphs and hash its word
    5-grams."""
    started, cpu = time.perf_counter(), time.process_time()
    shingles = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        for paragraph in re.split(r"\n\s*\n", text):
            words = WORD.findall(paragraph.lower())
            shingles += len({hash(tuple(words[k : k + 5])) for k in range(len(words) - 4)})
    assert shingles
    return time.perf_counter() - started, time.process_time() - cpu


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed_run(args: list[str], home: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak resident memory (bytes), all of the whole
    process tree, of `treatydiff reuse ARGS` with ``home`` as the data home."""
    command = [sys.executable, "-m", "treatydiff", "reuse", *args]
    env = {**os.environ, "TREATYDIFF_HOME": str(home)}
    started, cpu = time.perf_counter(), _children_cpu()
    child = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        root = psutil.Process(child.pid)
        while not done.is_set():
            try:
                tree = [root, *root.children(recursive=True)]
                peak = max(peak, sum(p.memory_info().rss for p in tree))
            except psutil.Error:
                pass
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = child.communicate()
    done.set()
    sampler.join()
    seconds = time.perf_counter() - started
    if child.returncode != 0:
        raise SystemExit(f"treatydiff reuse failed ({child.returncode}): {errors}")
    return seconds, _children_cpu() - cpu, peak


def families_found(document: dict[str, object], collection: Path) -> None:
    families = [
        {Path(source).stem for source in family["instruments"]}  # type: ignore[index]
        for family in document["families"]  # type: ignore[attr-defined]
    ]
    for name, members in KNOWN_FAMILIES.items():
        holding = [n for n, family in enumerate(families) if set(members) & family]
        together = len(holding) == 1 and set(members) <= families[holding[0]]
        size = len(families[holding[0]]) if len(holding) == 1 else 0
        print(f"  {name}: {'one family' if together else 'NOT together'} (family of {size})")
    pairs = [
        (p["left"], p["right"])
        for p in document["pairs"]  # type: ignore[attr-defined]
        if {Path(p["left"]["source"]).stem, Path(p["right"]["source"]).stem}
        == {ESC_PROTOCOL, ESC_REVISED}
    ]
    moved = sorted(
        {
            (side_a["eid"].split("__")[0], side_b["eid"].split("__")[0])
            for side_a, side_b in (
                (a, b) if Path(a["source"]).stem == ESC_PROTOCOL else (b, a) for a, b in pairs
            )
            if side_a["eid"].startswith(("art_1_", "art_2_", "art_3_", "art_4_"))
        }
    )
    print(f"  1988 Protocol articles 1-4 -> revised Charter: {moved}")


def brute_force(texts: list[str], works: list[str], threshold: float) -> set[tuple[int, int]]:
    """Every pair of texts of different works at least ``threshold`` similar, by scoring
    each text against every later one."""
    cutoff = threshold * 100.0 - 1e-6
    found = set()
    for i in range(len(texts)):
        later = texts[i + 1 :]
        for _, score, k in process.extract(
            texts[i], later, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None
        ):
            j = i + 1 + k
            if score / 100.0 >= threshold and works[i] != works[j]:
                found.add((i, j))
    return found


def recall(collection: Path, size: int) -> None:
    from treatydiff.reuse.collection import read_collection
    from treatydiff.reuse.execute import Runner
    from treatydiff.reuse.join import Encoder
    from treatydiff.reuse.search import Options, search

    known = sorted({m for members in KNOWN_FAMILIES.values() for m in members})
    others = sorted(p.stem for p in collection.glob("BWBV*.md") if p.stem not in known)
    sample = known + random.Random(14).sample(others, size - len(known))
    paths = [str(collection / f"{stem}.md") for stem in sample]
    with Runner() as runner:
        read = read_collection(paths, runner=runner, cache=None)
        clauses = [
            (member.source, clause.eid, member.work, clause.words)
            for member in read.members
            for clause in sorted(member.clauses, key=lambda c: c.eid)
        ]
        encode = Encoder()
        texts = [encode(words.split()) for _, _, _, words in clauses]
        works = [work for _, _, work, _ in clauses]
        print(
            f"sample: {len(sample)} treaties, {len(read.members)} read, "
            f"{len(clauses)} clauses, {len(clauses) * (len(clauses) - 1) // 2:,} clause pairs"
        )
        started = time.perf_counter()
        everything = brute_force(texts, works, 0.5)
        print(
            f"brute force at 0.5: {len(everything)} pairs in {time.perf_counter() - started:.1f} s"
        )
        encoder = Encoder()
        scores = {
            pair: fuzz.ratio(*(encoder(clauses[n][3].split()) for n in pair)) / 100.0
            for pair in everything
        }
        bands = [0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
        for low, high in itertools.pairwise([*bands, 1.01]):
            count = sum(low <= s < high for s in scores.values())
            span = f"[{low:.1f}, {high:.1f})" if high <= 1 else "1.0"
            print(f"  similarity {span}: {count}")
        index = {(source, eid): n for n, (source, eid, _, _) in enumerate(clauses)}
        for threshold in (0.6, 0.7, 0.8, 0.9):
            expected = {pair for pair, s in scores.items() if s >= threshold}
            started = time.perf_counter()
            result = search(paths, Options(min_similarity=threshold), runner=runner, cache=None)
            seconds = time.perf_counter() - started
            got = {
                tuple(
                    sorted(
                        index[(read.members[ref.member].source, ref.clause.eid)]
                        for ref in (result.clauses[p.left], result.clauses[p.right])
                    )
                )
                for p in result.pairs
            }
            hits = len(got & expected)
            print(
                f"  at {threshold}: brute force {len(expected)}, reuse {len(got)}, recall "
                f"{hits / max(1, len(expected)):.4f}, precision {hits / max(1, len(got)):.4f} "
                f"({seconds:.1f} s with reading)"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("TREATYDIFF_CORPUS_SCALE") or str(
        PROJECT.parent / "shared" / "corpus-scale" / "laws-markdown-all"
    )
    parser.add_argument("--collection", type=Path, default=Path(default))
    parser.add_argument("--schedulers", nargs="+", default=["processes"])
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--skip-full", action="store_true", help="only the sample's recall")
    args = parser.parse_args()
    collection: Path = args.collection
    files = sorted(collection.glob("*.md"))
    size = sum(f.stat().st_size for f in files)
    print(f"collection: {collection} ({len(files)} files, {size / 1e6:.1f} MB)")
    print(f"machine: {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at start")
    if not args.skip_full:
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch, "pairs.jsonl")
            base, base_cpu = plain_script(files)
            print(
                f"plain script (read, paragraphs, word 5-gram hashes): {base:.1f} s, "
                f"CPU {base_cpu:.1f} s"
            )
            home = Path(scratch, "home")
            outputs = set()
            for n, scheduler in enumerate(args.schedulers):
                home = Path(scratch, f"home-{n}")
                seconds, cpu, peak = timed_run(
                    [str(collection), "--scheduler", scheduler, "-o", str(out)], home
                )
                print(
                    f"treatydiff reuse, empty cache, {scheduler}: {seconds:.1f} s, "
                    f"{seconds / base:.1f}x the plain script; CPU {cpu:.1f} s, "
                    f"{cpu / base_cpu:.1f}x; peak memory {peak / 2**30:.2f} GiB"
                )
                outputs.add(hashlib.sha256(out.read_bytes()).hexdigest())
            print(f"  the same bytes on every scheduler: {len(outputs) == 1}")
            lines = out.read_bytes()
            count = lines.count(b"\n")
            print(f"  {count} pairs, {len(lines) / 1e6:.0f} MB of JSON Lines")
            seconds, cpu, peak = timed_run([str(collection), "-o", str(out)], home)
            print(
                f"treatydiff reuse, all cached: {seconds:.1f} s, CPU {cpu:.1f} s, "
                f"peak {peak / 2**30:.2f} GiB"
            )
            assert out.read_bytes() == lines, "the cached run gave other bytes"
            # One treaty less (links to the other files), then the whole collection again:
            # the treaty is added to what the cache knows.
            fewer = Path(scratch, "fewer")
            fewer.mkdir()
            added = random.Random(14).choice(files)
            for path in files:
                if path != added:
                    (fewer / path.name).symlink_to(path.resolve())
            seconds, cpu, _ = timed_run([str(fewer), "-o", str(Path(scratch, "fewer.jsonl"))], home)
            print(
                f"treatydiff reuse, one treaty ({added.stem}) removed: {seconds:.1f} s, "
                f"CPU {cpu:.1f} s"
            )
            document_file = Path(scratch, "reuse.json")
            seconds, cpu, peak = timed_run(
                [str(collection), "--format", "json", "-o", str(document_file)], home
            )
            print(
                f"treatydiff reuse --format json, that treaty added again: {seconds:.1f} s, "
                f"CPU {cpu:.1f} s, peak {peak / 2**30:.2f} GiB"
            )
            document = json.loads(document_file.read_text(encoding="utf-8"))
            summary = document["summary"]
            print(f"  summary: {summary}")
            reasons: dict[str, int] = {}
            for skipped in document["skipped"]:
                reasons[skipped["reason"]] = reasons.get(skipped["reason"], 0) + 1
            print(f"  skipped: {reasons}")
            print("known families:")
            families_found(document, collection)
            sizes = [len(f["instruments"]) for f in document["families"]]
            print(f"  family sizes: {sizes[:12]}{' ...' if len(sizes) > 12 else ''}")
            digest = hashlib.sha256(lines).hexdigest()[:16]
            print(f"  jsonl sha256 {digest}")
    recall(collection, args.sample)


if __name__ == "__main__":
    main()
