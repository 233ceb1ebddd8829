"""The cache of imported instruments (``formats.cache``): on real corpus files, in a real data
home (``TREATYDIFF_HOME`` in tmp_path), a run that finds its inputs in the cache writes the
same bytes as one that imports them, without loading the importer; whatever lies in the
cache's folder (a truncated, corrupt or foreign entry, a file where the folder goes) is
never an error; ``--no-cache`` and ``TREATYDIFF_NO_CACHE=1`` neither read nor write it."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support.probe import PROBE

from treatydiff.formats import cache, load_file
from treatydiff.formats.options import ReadOptions
from treatydiff.model import Instrument


def _run(home: Path, *argv: str, env: dict[str, str] | None = None) -> tuple[int, set[str]]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *argv],
        capture_output=True,
        text=True,
        check=True,
        env=os.environ | {"TREATYDIFF_HOME": str(home)} | (env or {}),
    )
    result = json.loads(done.stdout.splitlines()[-1])
    return result["exit"], set(result["modules"])


def _entries(home: Path) -> list[Path]:
    return sorted((home / "cache" / "instruments").glob("*/*/*.pickle"))


def _crc_pair(corpus: Path) -> tuple[str, str]:
    return (
        str(corpus / "laws-markdown" / "crc" / "2013-04-15.md"),
        str(corpus / "raisely-noharm" / "CRC.md"),
    )


def test_a_compare_from_the_cache_writes_the_same_reports_without_the_importer(
    corpus: Path, tmp_path: Path
) -> None:
    left, right = _crc_pair(corpus)
    for fmt in ("json", "text", "html", "md"):
        home = tmp_path / f"home-{fmt}"
        written = []
        for run in ("no-cache", "cold", "warm"):
            out = tmp_path / f"{run}.{fmt}"
            flags = ["--no-cache"] if run == "no-cache" else []
            code, modules = _run(
                home, "compare", left, right, "--format", fmt, *flags, "-o", str(out)
            )
            assert code == 1
            # The raisely copy is Markdown: read by markdown-it-py, unless taken from the cache.
            assert ("markdown_it" in modules) == (run != "warm")
            assert ("treatydiff.segment.tree" in modules) == (run != "warm")
            written.append(out.read_bytes())
        assert written[0] == written[1] == written[2], fmt
        assert len(_entries(home)) == 2  # one entry per instrument


def test_a_pdf_from_the_cache_is_read_without_pdfium(corpus: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    pdf = corpus / "documents" / "opsc-en-unts-vol2171.pdf"
    text = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    outputs = []
    for run in ("no-cache", "cold", "warm"):
        out = tmp_path / f"{run}.json"
        flags = ["--no-cache"] if run == "no-cache" else []
        argv = ["compare", str(pdf), str(text), "--format", "json", *flags, "-o", str(out)]
        code, modules = _run(home, *argv)
        assert code == 1
        assert ("pypdfium2" in modules) == (run != "warm")
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]


def test_no_cache_and_its_environment_variable_leave_the_data_home_alone(
    corpus: Path, tmp_path: Path
) -> None:
    left, right = _crc_pair(corpus)
    home = tmp_path / "home"
    _run(home, "show", left, "--format", "json", "--no-cache", "-o", str(tmp_path / "a.json"))
    _run(home, "show", left, "-o", str(tmp_path / "b.txt"), env={"TREATYDIFF_NO_CACHE": "1"})
    assert not (home / "cache" / "instruments").exists()
    _run(home, "show", right, "-o", str(tmp_path / "c.txt"), env={"TREATYDIFF_NO_CACHE": "0"})
    assert len(_entries(home)) == 1


def _same(a: Instrument, b: Instrument) -> bool:
    """Equal, guesses included (they are no part of an instrument's equality)."""
    return a == b and a.guesses == b.guesses


@pytest.mark.parametrize(
    ("relative", "options"),
    [
        ("laws-markdown/crc/2013-04-15.md", {}),
        ("laws-markdown/crc/2013-04-15.md", {"lang": "nl"}),
        ("laws-markdown/iccpr/2014-03-24.md", {"part": 2}),
        ("raisely-noharm/CRC.md", {}),
        ("lszoszk-generalcomments/crc-opsc.json", {}),
        ("user-supplied/opsc-preamble-ohchr.txt", {}),
        ("documents/opac-en-unts-vol2173.pdf", {"options": ReadOptions(pages=(1, 3))}),
    ],
)
def test_an_instrument_from_the_cache_equals_the_one_imported(
    corpus: Path, tmp_path: Path, relative: str, options: dict[str, object]
) -> None:
    path = corpus / relative
    imported = load_file(path, **options)  # type: ignore[arg-type]
    store = cache.InstrumentCache(tmp_path / "cache")
    with cache.caching(store):
        cold = load_file(path, **options)  # type: ignore[arg-type]
        warm = load_file(path, **options)  # type: ignore[arg-type]
    assert _same(cold, imported) and _same(warm, imported)
    assert len(list(store.root.glob("*/*/*.pickle"))) == 1
    # Taken from the cache, it comes with its comparison keys computed.
    assert "leaf_keys" in warm.__dict__ and warm.leaf_keys == imported.leaf_keys


def test_the_reading_settings_are_part_of_the_key(corpus: Path, tmp_path: Path) -> None:
    path = corpus / "laws-markdown" / "crc" / "2013-04-15.md"
    store = cache.InstrumentCache(tmp_path / "cache")
    with cache.caching(store):
        english, dutch = load_file(path), load_file(path, lang="nl")
        assert load_file(path, lang="nl") == dutch != english
        assert load_file(path, fmt="laws-markdown") == english
    assert len(list(store.root.glob("*/*/*.pickle"))) == 3  # en, nl, and en as a named format


def test_the_same_bytes_elsewhere_are_a_hit_named_after_their_new_path(
    corpus: Path, tmp_path: Path
) -> None:
    source = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    copy = tmp_path / "opsc-copy.md"
    shutil.copyfile(source, copy)
    store = cache.InstrumentCache(tmp_path / "cache")
    with cache.caching(store):
        load_file(source)
        entry = next(store.root.glob("*/*/*.pickle"))
        os.utime(entry, ns=(0, 0))
        from_copy = load_file(copy)
    assert entry.stat().st_mtime_ns > 0  # the hit marked the entry as used
    assert _same(from_copy, load_file(copy))
    assert (from_copy.id, from_copy.metadata.source) == ("opsc-copy", str(copy))


def test_a_detected_encoding_is_said_from_the_cache_too(tmp_path: Path) -> None:
    # An invented text in Windows-1252: its guess (the encoding was detected) is kept.
    text = "Protocole\n\nArticle 1\n\nChaque État partie prend les mesures nécessaires.\n" * 6
    path = tmp_path / "protocole.txt"
    path.write_bytes(text.encode("cp1252"))
    imported = load_file(path)
    assert imported.guesses and imported.guesses[0].kind == "encoding"
    with cache.caching(cache.InstrumentCache(tmp_path / "cache")):
        assert _same(load_file(path), imported) and _same(load_file(path), imported)


def _damage(entry: Path, how: str) -> None:
    data = entry.read_bytes()
    header, _, payload = data.partition(b"\n")
    if how == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "header only":
        entry.write_bytes(header + b"\n")
    elif how == "corrupt":
        entry.write_bytes(header + b"\n" + bytes(reversed(payload)))
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "foreign code":
        # Written by other code: another fingerprint in its header.
        entry.write_bytes(header.replace(header.split()[2], b"0123456789abcdef") + b"\n" + payload)
    elif how == "no instrument":
        entry.write_bytes(header + b"\n" + pickle.dumps({"not": "an instrument"}))
    elif how == "a folder":
        entry.unlink()
        entry.mkdir()


@pytest.mark.parametrize(
    "how",
    ["truncated", "header only", "corrupt", "empty", "foreign code", "no instrument", "a folder"],
)
def test_a_damaged_entry_is_ignored_and_written_again(
    corpus: Path, tmp_path: Path, how: str
) -> None:
    path = corpus / "user-supplied" / "opsc-preamble-ohchr.txt"
    imported = load_file(path)
    store = cache.InstrumentCache(tmp_path / "cache")
    with cache.caching(store):
        load_file(path)
        entry = next(store.root.glob("*/*/*.pickle"))
        good = entry.read_bytes()
        _damage(entry, how)
        assert _same(load_file(path), imported)
        if how != "a folder":  # a folder in its place cannot be replaced by a file
            assert entry.read_bytes() == good
            stored = store.get(entry.stem)
            assert stored is not None and stored.body == imported.body


def test_the_cache_keeps_to_its_bound_by_last_use(corpus: Path, tmp_path: Path) -> None:
    paths = [
        corpus / "laws-markdown" / "opsc" / "2012-10-31.md",
        corpus / "raisely-noharm" / "CRC.md",
        corpus / "user-supplied" / "opsc-preamble-ohchr.txt",
    ]
    probe = cache.InstrumentCache(tmp_path / "probe")
    with cache.caching(probe):
        for path in paths:
            load_file(path)
    size = {path: probe.path(_key_of(path)).stat().st_size for path in paths}
    assert size[paths[2]] < size[paths[1]]
    # Room for the first two entries, not for all three.
    store = cache.InstrumentCache(tmp_path / "cache", max_bytes=size[paths[0]] + size[paths[1]])
    with cache.caching(store):
        for second, path in enumerate(paths[:2], start=1):
            load_file(path)
            os.utime(store.path(_key_of(path)), ns=(second * 10**9, second * 10**9))
        load_file(paths[0])  # used again: now the most recent
        load_file(paths[2])  # over the bound: the least recently used entry goes
    assert [store.path(_key_of(path)).exists() for path in paths] == [True, False, True]


def _key_of(path: Path) -> str:
    import hashlib

    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    return cache.key(sha256, fmt=None, lang="en", part=1, options=None)


def test_a_data_home_that_cannot_hold_the_cache_still_compares(
    corpus: Path, tmp_path: Path
) -> None:
    left, right = _crc_pair(corpus)
    home = tmp_path / "home"
    _run(home, "compare", left, right, "--format", "json", "-o", str(tmp_path / "a.json"))
    shutil.rmtree(home)
    home.write_text("not a folder")  # a permission would not stop a root user
    code, _ = _run(home, "compare", left, right, "--format", "json", "-o", str(tmp_path / "b.json"))
    assert code == 1
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_a_write_killed_midway_leaves_no_temporary_file_for_long(
    corpus: Path, tmp_path: Path
) -> None:
    # What a writer killed by SIGKILL leaves (write_atomic's temporary file, never
    # renamed): the next store of an entry removes it once it is an hour old, and
    # leaves alone one as young as a write in progress.
    store = cache.InstrumentCache(tmp_path / "cache")
    opsc = corpus / "laws-markdown" / "opsc" / "2012-10-31.md"
    with cache.caching(store):
        load_file(opsc)
    folder = store.path(_key_of(opsc)).parent
    old, young = folder / ".treatydiff-99999-aaaa.tmp", folder / ".treatydiff-99998-bbbb.tmp"
    for path in (old, young):
        path.write_bytes(b"half an entry")
    os.utime(old, (0, 0))
    with cache.caching(store):
        load_file(corpus / "raisely-noharm" / "CRC.md")
    assert (old.exists(), young.exists()) == (False, True)
