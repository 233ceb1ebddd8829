"""`treatydiff reuse` on the laws-markdown corpus: the pairs it finds, their order, the
families, the cache, the skipped sources, and the same bytes on every scheduler."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rapidfuzz import fuzz

from treatydiff.cli import main
from treatydiff.normalize import comparison_key, scored_words

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _cli(
    *args: str, home: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The installed command, in a fresh process, with ``home`` as its data home."""
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", "reuse", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "TREATYDIFF_HOME": str(home), **(env or {})},
        check=False,
    )


@pytest.fixture(scope="module")
def run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """`treatydiff reuse CORPUS/laws-markdown` as a user types it (default scheduler),
    in JSON Lines, then in JSON from the cache it filled."""
    home = tmp_path_factory.mktemp("home")
    folder = str(corpus / "laws-markdown")
    lines = _cli(folder, home=home)
    assert lines.returncode == 0, lines.stderr
    assert lines.stderr == ""  # no progress bar in a pipe
    document = _cli(folder, "--format", "json", home=home)
    assert document.returncode == 0, document.stderr
    return {
        "folder": folder,
        "home": home,
        "jsonl": lines.stdout,
        "pairs": [json.loads(line) for line in lines.stdout.splitlines()],
        "json": json.loads(document.stdout),
    }


def _work(side: dict[str, str]) -> str:
    return side["instrument"].split("@")[0]


def _token_ratio(a: str, b: str) -> float:
    """compare's word similarity, recomputed apart: one character a word, fuzz.ratio."""
    codes: dict[str, str] = {}
    left, right = (
        "".join(codes.setdefault(w, chr(len(codes))) for w in scored_words(comparison_key(t)))
        for t in (a, b)
    )
    return float(fuzz.ratio(left, right)) / 100.0


def test_every_pair_is_at_or_above_the_threshold_when_recomputed(run: dict[str, Any]) -> None:
    assert len(run["pairs"]) > 1000
    for pair in run["pairs"]:
        recomputed = _token_ratio(pair["left"]["text"], pair["right"]["text"])
        assert recomputed >= 0.8
        assert pair["similarity"] == round(recomputed, 4)
        assert len(scored_words(comparison_key(pair["left"]["text"]))) >= 8


def test_pairs_are_sorted_with_left_and_right_in_canonical_order(run: dict[str, Any]) -> None:
    keys = []
    for pair in run["pairs"]:
        left = (pair["left"]["source"], pair["left"]["eid"])
        right = (pair["right"]["source"], pair["right"]["eid"])
        assert left < right
        keys.append((*left, *right))
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert list(run["pairs"][0]) == ["similarity", "left", "right"]
    assert list(run["pairs"][0]["left"]) == ["source", "instrument", "eid", "label", "text"]


def test_versions_of_one_instrument_are_never_paired(run: dict[str, Any]) -> None:
    assert all(_work(p["left"]) != _work(p["right"]) for p in run["pairs"])
    # ... while each version pairs with the other instruments.
    versions = {p[side]["instrument"] for p in run["pairs"] for side in ("left", "right")}
    assert {"opsc@2005-09-23", "opsc@2012-10-31", "opac@2009-10-24", "opac@2013-09-12"} <= versions


def test_the_opsc_takes_its_final_clauses_from_the_opac(run: dict[str, Any]) -> None:
    found = {
        (p["left"]["eid"], p["right"]["eid"])
        for p in run["pairs"]
        if p["left"]["instrument"] == "opac@2013-09-12"
        and p["right"]["instrument"] == "opsc@2012-10-31"
    }
    # Signature, ratification, entry into force, denunciation, amendment, languages.
    for opac, opsc in [
        ("art_9__para_1", "art_13__para_1"),
        ("art_10__para_1", "art_14__para_1"),
        ("art_11__para_1", "art_15__para_1"),
        ("art_12__para_1", "art_16__para_1"),
        ("art_13__para_1", "art_17__para_1"),
    ]:
        assert (opac, opsc) in found
    families = [set(f["ids"]) for f in run["json"]["families"]]
    assert {"opac@2009-10-24", "opac@2013-09-12", "opsc@2005-09-23", "opsc@2012-10-31"} in families


def test_the_palermo_protocol_takes_its_dispute_clause_from_cedaw(run: dict[str, Any]) -> None:
    found = {
        (p["left"]["eid"], p["right"]["eid"])
        for p in run["pairs"]
        if _work(p["left"]) == "cedaw"
        and p["right"]["instrument"] == "palermo-trafficking@2015-11-27"
    }
    assert {("art_29__para_1", "art_15__para_2"), ("art_29__para_3", "art_15__para_4")} <= found
    # Its three snapshots, identical in wording, are one instrument: no pair among them.
    assert not [p for p in run["pairs"] if _work(p["left"]) == _work(p["right"])]


def _found(run: dict[str, Any], left: str, right: str) -> set[tuple[str, str]]:
    """The (left eId, right eId) pairs of instruments ``left`` and ``right``."""
    return {
        (p["left"]["eid"], p["right"]["eid"])
        for p in run["pairs"]
        if p["left"]["instrument"] == left and p["right"]["instrument"] == right
    }


def test_the_known_families_of_the_collection_come_out(run: dict[str, Any]) -> None:
    # Issue 14's known families that laws-markdown holds, each with every version, and
    # no other: the OPSC with the OPAC and the two ILO conventions (final clauses, see
    # above), the Budapest Convention with its Additional Protocol, and the CAT with the
    # ICCPR, whose committee and inter-State complaint articles the CAT took over.
    families = sorted(sorted(f["ids"]) for f in run["json"]["families"])
    assert families == [
        [f"budapest-cybercrime@{v}" for v in ("2007-03-01", "2012-10-24")]
        + [f"budapest-xenophobia-protocol@{v}" for v in ("2010-11-01", "2012-11-15")],
        ["cat@1989-01-20", "cat@2013-04-15", "iccpr@1979-03-11", "iccpr@2014-03-24"],
        [f"ilo-c138@{v}" for v in ("1977-09-14", "2013-02-19")]
        + [f"ilo-c182@{v}" for v in ("2003-02-14", "2012-09-03")],
        ["opac@2009-10-24", "opac@2013-09-12", "opsc@2005-09-23", "opsc@2012-10-31"],
    ]
    budapest = _found(
        run, "budapest-cybercrime@2012-10-24", "budapest-xenophobia-protocol@2012-11-15"
    )
    # Territorial application, denunciation, preamble.
    assert {
        ("art_38__para_3", "art_14__para_3"),
        ("art_47__para_2", "art_15__para_2"),
        ("preamble__p_1", "preamble__p_1"),
    } <= budapest
    cat = _found(run, "cat@2013-04-15", "iccpr@2014-03-24")
    # The Committee's officers and rules; the inter-State procedure, point for point.
    assert {
        ("art_18__para_1", "art_39__para_1"),
        ("art_18__para_2__point_b", "art_39__para_2__point_b"),
        ("art_21__para_1__point_b", "art_41__para_1__point_b"),
        ("art_21__para_1__point_d", "art_41__para_1__point_d"),
        ("art_21__para_2", "art_41__para_2"),
    } <= cat


def test_the_crc_protocols_take_clauses_from_the_crc(run: dict[str, Any]) -> None:
    opac = _found(run, "crc@2013-04-15", "opac@2013-09-12")
    # Amendment (article 50), and article 38 (2) on the age of those taking part in
    # hostilities, which the OPAC's article 1 raises: a changed clause, 0.87 similar.
    assert {
        ("art_50__para_1", "art_12__para_1"),
        ("art_50__para_2", "art_12__para_2"),
        ("art_38__para_2", "art_1"),
    } <= opac
    opsc = _found(run, "crc@2013-04-15", "opsc@2012-10-31")
    # Amendment, a recital word for word, and article 32 (1) recalled in the preamble.
    assert {
        ("art_50__para_2", "art_16__para_2"),
        ("preamble__p_12", "preamble__p_12"),
        ("art_32__para_1", "preamble__p_2"),
    } <= opsc
    # Seven clauses each: under a quarter of either side, so the CRC is no protocol's
    # kin and in no family (above): its pairs show what they took.
    shared = {
        Path(p["right"]).parent.name: (p["pairs"], p["kin"])
        for p in run["json"]["instrument_pairs"]
        if p["left"].endswith("crc/2013-04-15.md")
        and p["right"].endswith(("opac/2013-09-12.md", "opsc/2012-10-31.md"))
    }
    assert shared == {"opac": (7, False), "opsc": (7, False)}


def test_json_aggregates_count_the_pairs(run: dict[str, Any]) -> None:
    document = run["json"]
    assert document["pairs"] == run["pairs"]
    by_instruments = Counter((p["left"]["source"], p["right"]["source"]) for p in run["pairs"])
    listed = {(p["left"], p["right"]): p["pairs"] for p in document["instrument_pairs"]}
    assert listed == dict(by_instruments)
    summary = document["summary"]
    assert summary["pairs"] == len(run["pairs"])
    assert summary["instruments"] == len(document["instruments"]) == 37
    assert document["skipped"] == [
        {
            "source": str(Path(run["folder"]) / "coe-adoption-revised-2008" / "2008-11-27.md"),
            "reason": "file is empty",
        }
    ]
    # The ILO conventions share their standard final articles: kin.
    families = [set(f["ids"]) for f in document["families"]]
    assert {
        "ilo-c138@1977-09-14",
        "ilo-c138@2013-02-19",
        "ilo-c182@2003-02-14",
        "ilo-c182@2012-09-03",
    } in families


def test_adoption_dates_come_from_the_text_or_the_catalogue(run: dict[str, Any]) -> None:
    adopted = {i["instrument"]: i["adopted"] for i in run["json"]["instruments"]}
    assert (
        adopted["iccpr@2014-03-24"] == "1966-12-19"
    )  # "opened for signature ... on the nineteenth day"
    assert adopted["ilo-c182@2012-09-03"] == "1999-06-17"  # "adopts this seventeenth day of June"
    assert adopted["hcch-1980-abduction@2013-04-08"] == "1980-10-25"  # "Done at The Hague"
    assert adopted["cat@2013-04-15"] == "1984"  # no date in the text: the catalogue's year


def test_the_cache_is_used_and_a_corrupt_entry_is_rebuilt(
    run: dict[str, Any], tmp_path: Path
) -> None:
    entries = sorted(Path(run["home"], "cache", "reuse").glob("*/*/*.json"))
    assert len(entries) == 38  # every source, the empty one too
    # A changed entry shows in the output: the second run read the cache, not the file.
    opsc = next(
        e
        for e in entries
        if "Protocol to the Convention on the Rights of the Child on the sale" in e.read_text()
    )
    stored = json.loads(opsc.read_text())
    (part,) = stored["parts"]
    part["clauses"] = [c for c in part["clauses"] if c[0] != "art_13__para_1"]
    opsc.write_text(json.dumps(stored))
    again = _cli(run["folder"], home=run["home"])
    assert again.stdout != run["jsonl"]
    # --no-cache reads every file afresh and leaves the cache as it was.
    fresh = _cli(run["folder"], "--no-cache", home=run["home"])
    assert fresh.returncode == 0 and fresh.stdout == run["jsonl"], fresh.stderr
    assert json.loads(opsc.read_text()) == stored
    # A corrupt entry is ignored, read anew from the file and rewritten.
    opsc.write_text("{not json")
    rebuilt = _cli(run["folder"], home=run["home"])
    assert rebuilt.returncode == 0 and rebuilt.stdout == run["jsonl"]
    assert json.loads(opsc.read_text())["schema"] == 2


def test_local_cluster_and_every_local_scheduler_give_the_same_bytes(
    run: dict[str, Any], tmp_path: Path
) -> None:
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        on_cluster = _cli(
            run["folder"], "--scheduler", cluster.scheduler_address, home=tmp_path / "a"
        )
    assert on_cluster.returncode == 0, on_cluster.stderr
    assert on_cluster.stdout == run["jsonl"]
    for scheduler in ("threads", "synchronous"):
        local = CliRunner().invoke(
            main,
            ["reuse", run["folder"], "--scheduler", scheduler],
            env={"TREATYDIFF_HOME": str(tmp_path / scheduler)},
        )
        assert local.exit_code == 0, local.output
        assert local.stdout == run["jsonl"]


def test_without_dask_the_search_runs_in_process_and_a_scheduler_asks_for_the_extra(
    run: dict[str, Any], tmp_path: Path
) -> None:
    hide_dask = "import sys; sys.modules['dask'] = sys.modules['distributed'] = None\n"
    probe = hide_dask + "from treatydiff.cli import main; main(sys.argv[1:])"
    plain = subprocess.run(
        [sys.executable, "-c", probe, "reuse", run["folder"]],
        capture_output=True,
        text=True,
        env={**os.environ, "TREATYDIFF_HOME": str(tmp_path)},
        check=False,
    )
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout == run["jsonl"]
    asked = subprocess.run(
        [sys.executable, "-c", probe, "reuse", run["folder"], "--scheduler", "threads"],
        capture_output=True,
        text=True,
        env={**os.environ, "TREATYDIFF_HOME": str(tmp_path)},
        check=False,
    )
    assert asked.returncode == 2
    assert (
        asked.stderr
        == "treatydiff: error: --scheduler threads needs Dask: pip install 'treatydiff[dask]'\n"
    )


def test_query_lists_the_matches_of_one_clause_best_first(run: dict[str, Any], home: Path) -> None:
    ref = f"{run['folder']}/opsc/2012-10-31.md#art_15__para_1"
    result = CliRunner().invoke(
        main, ["reuse", run["folder"], "--query", ref, "--scheduler", "synchronous"]
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines
    assert all(line["left"]["eid"] == "art_15__para_1" for line in lines)
    assert all(_work(line["right"]) != "opsc" for line in lines)
    similarities = [line["similarity"] for line in lines]
    assert similarities == sorted(similarities, reverse=True) and min(similarities) >= 0.8
    # The same matches as the pair search, from the other instruments' side.
    from_pairs = {
        (p["left"]["source"], p["left"]["eid"])
        for p in run["pairs"]
        if p["right"]["instrument"] == "opsc@2012-10-31" and p["right"]["eid"] == "art_15__para_1"
    } | {
        (p["right"]["source"], p["right"]["eid"])
        for p in run["pairs"]
        if p["left"]["instrument"] == "opsc@2012-10-31" and p["left"]["eid"] == "art_15__para_1"
    }
    assert {(line["right"]["source"], line["right"]["eid"]) for line in lines} == from_pairs
    assert ("/".join([run["folder"], "opac/2013-09-12.md"]), "art_11__para_1") in from_pairs


def test_query_of_a_clause_without_words_names_its_clauses(run: dict[str, Any], home: Path) -> None:
    ref = f"{run['folder']}/opsc/2012-10-31.md#art_13"
    result = CliRunner().invoke(
        main, ["reuse", run["folder"], "--query", ref, "--scheduler", "synchronous"]
    )
    assert result.exit_code == 2
    assert "name one of its clauses: art_13__para_1, art_13__para_2" in result.output


def test_unreadable_sources_are_skipped_with_a_reason_and_the_run_goes_on(
    corpus: Path, tmp_path: Path, home: Path
) -> None:
    folder = tmp_path / "collection"
    folder.mkdir()
    (folder / "empty.md").write_bytes(b"\n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02 not a text")
    (folder / "latin1.txt").write_bytes("Convention relative \xe0 la protection".encode("latin-1"))
    (folder / "notes.md").write_text(
        "##Briefwisseling\n\n####Nr. I\n\nDe Minister.\n", encoding="utf-8"
    )
    (folder / "short.md").write_text("# Note\n\nAgreed.\n\nSigned at Geneva.\n", encoding="utf-8")
    (folder / "table.tsv").write_text("not\ta\tsource\n", encoding="utf-8")
    for work in ("opsc", "opac"):
        source = corpus / "laws-markdown" / work
        (folder / f"{work}.md").write_bytes(sorted(source.glob("*.md"))[-1].read_bytes())
    result = CliRunner().invoke(
        main, ["reuse", str(folder), "--format", "json", "--scheduler", "synchronous"]
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    skipped = {Path(s["source"]).name: s["reason"] for s in document["skipped"]}
    assert skipped == {
        "binary.txt": "binary file, not a text",
        "empty.md": "file is empty",
        # Too short (under 256 bytes) for charset-normalizer to tell its encoding.
        "latin1.txt": (
            "not UTF-8 text (byte 20), and its encoding cannot be told: name it with --encoding"
        ),
        "notes.md": "no en text in this laws-markdown file",
        "short.md": "no clause of 8 or more words in en",
    }
    assert [i["instrument"] for i in document["instruments"]] == ["opac", "opsc"]
    assert document["summary"]["pairs"] > 10
    markdown = CliRunner().invoke(
        main, ["reuse", str(folder), "--format", "md", "--scheduler", "synchronous"]
    )
    assert "- no clause of 8 or more words in en: 1" in markdown.stdout


def test_pdf_word_and_web_page_sources_are_read_as_compare_reads_them(
    corpus: Path, home: Path
) -> None:
    # Named directly or found in a folder: read from their bytes, each instrument of a
    # file that holds several on its own (FILE#N), never refused as "binary".
    documents = corpus / "documents"
    names = ("cat-en-ohchr.pdf", "un-charter-act-1945-au.docx", "tf-convention-1999-un-saved.html")
    result = CliRunner().invoke(
        main,
        ["reuse", *(str(documents / name) for name in names), "--format", "json"]
        + ["--scheduler", "synchronous"],
    )
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    read = {Path(i["source"]).name: i for i in document["instruments"]}
    assert read["cat-en-ohchr.pdf"]["clauses"] > 90
    assert read["tf-convention-1999-un-saved.html"]["clauses"] > 50
    # The Act, the Charter, the Statute of the Court and the endnotes.
    charter = read["un-charter-act-1945-au.docx#2"]
    assert charter["instrument"] == "un-charter-act-1945-au#2" and charter["clauses"] > 150
    assert "un-charter-act-1945-au.docx#3" in read
    assert not [s for s in document["skipped"] if "binary" in s["reason"]]
    # The final clauses of the conventions share their wording.
    assert any(
        {Path(p["left"]).name, Path(p["right"]).name}
        == {"cat-en-ohchr.pdf", "tf-convention-1999-un-saved.html"}
        for p in document["instrument_pairs"]
    )


def test_html_report_shows_families_lineage_and_skipped_sources(
    run: dict[str, Any], tmp_path: Path
) -> None:
    page = tmp_path / "reuse.html"
    result = CliRunner().invoke(
        main,
        ["reuse", run["folder"], "--format", "html", "-o", str(page), "--scheduler", "synchronous"],
        env={"TREATYDIFF_HOME": str(run["home"])},
    )
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in html
    assert "Family 1:" in html and "Shared clauses" in html and "file is empty: 1" in html
    opac, opsc = (
        f"{run['folder']}/{work}" for work in ("opac/2013-09-12.md", "opsc/2012-10-31.md")
    )
    assert f"treatydiff compare {opac} {opsc} --format html" in html


def test_a_terminal_shows_the_progress_of_each_stage(corpus: Path, tmp_path: Path) -> None:
    import pty

    main_fd, terminal = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "treatydiff", "reuse", str(corpus / "laws-markdown")]
        + ["--scheduler", "synchronous", "-o", str(tmp_path / "pairs.jsonl")],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=terminal,
        env={**os.environ, "TREATYDIFF_HOME": str(tmp_path / "home")},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main_fd, 4096)
        except OSError:  # the terminal closed with the child
            break
        if not chunk:
            break
        shown += chunk
    assert child.wait() == 0
    os.close(main_fd)
    text = shown.decode("utf-8", "replace")
    assert "read" in text and "verify" in text and "100%" in text


def test_a_treaty_added_is_joined_with_the_pairs_already_known(
    corpus: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "collection"
    folder.mkdir()
    laws = corpus / "laws-markdown"
    for name in ("opac/2013-09-12.md", "cedaw/2014-06-18.md", "crc/2013-04-15.md"):
        (folder / name.replace("/", "-")).write_bytes((laws / name).read_bytes())

    def run(home: Path) -> str:
        result = CliRunner().invoke(
            main,
            ["reuse", str(folder), "--scheduler", "synchronous"],
            env={"TREATYDIFF_HOME": str(home)},
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    home = tmp_path / "home"
    run(home)
    (pairs_entry,) = home.glob("cache/reuse/*/pairs-0.8.json")
    known = json.loads(pairs_entry.read_text())
    # Two treaties added: their pairs with the others are found, the others' are kept.
    for name in ("opsc/2012-10-31.md", "palermo-trafficking/2015-11-27.md"):
        (folder / name.replace("/", "-")).write_bytes((laws / name).read_bytes())
    added = run(home)
    assert added == run(tmp_path / "fresh-home")
    grown = json.loads(pairs_entry.read_text())
    assert set(known["texts"]) < set(grown["texts"])
    assert {tuple(p) for p in known["pairs"]} < {tuple(p) for p in grown["pairs"]}
    # A damaged entry is ignored: the pairs are looked for afresh.
    pairs_entry.write_text(
        '{"schema": 1, "threshold": 0.8, "texts": [], "pairs": [["a", "b", 1.0]]}'
    )
    assert run(home) == added


def test_identical_copies_are_named_after_their_own_paths_cold_or_warm(
    corpus: Path, tmp_path: Path, home: Path
) -> None:
    # The cache is keyed by the bytes: the entry the first copy fills is a hit for the
    # others, each named after its own path, so the warm run gives the cold run's bytes.
    folder = tmp_path / "collection"
    (folder / "opsc").mkdir(parents=True)
    laws = corpus / "laws-markdown"
    opsc = (laws / "opsc" / "2012-10-31.md").read_bytes()
    for name in ("opsc.md", "opsc-copy.md", "opsc/2012-10-31.md"):
        (folder / name).write_bytes(opsc)
    (folder / "opac.md").write_bytes((laws / "opac" / "2013-09-12.md").read_bytes())

    def run() -> str:
        result = CliRunner().invoke(
            main, ["reuse", str(folder), "--format", "json", "--scheduler", "synchronous"]
        )
        assert result.exit_code == 0, result.output
        return result.stdout

    cold = run()
    assert len(list(home.glob("cache/reuse/*/*/*.json"))) == 2  # one entry per content
    warm = run()
    assert warm == cold
    document = json.loads(warm)
    ids = {Path(i["source"]).relative_to(folder).as_posix(): i for i in document["instruments"]}
    assert {name: i["instrument"] for name, i in ids.items()} == {
        "opac.md": "opac",
        "opsc.md": "opsc",
        "opsc-copy.md": "opsc-copy",
        "opsc/2012-10-31.md": "opsc@2012-10-31",
    }
    # A copy with an id of its own is another instrument: each of its clauses pairs with
    # its twin, word for word. A copy whose id names a version of the same work does not.
    by_sources = {
        (
            Path(p["left"]).relative_to(folder).as_posix(),
            Path(p["right"]).relative_to(folder).as_posix(),
        ): p["pairs"]
        for p in document["instrument_pairs"]
    }
    assert by_sources[("opsc-copy.md", "opsc.md")] == ids["opsc.md"]["clauses"]
    assert by_sources[("opsc-copy.md", "opsc/2012-10-31.md")] == ids["opsc.md"]["clauses"]
    assert ("opsc.md", "opsc/2012-10-31.md") not in by_sources
    assert by_sources[("opac.md", "opsc.md")] == by_sources[("opac.md", "opsc-copy.md")] > 5


def test_a_write_killed_midway_leaves_no_temporary_file_for_long(
    corpus: Path, tmp_path: Path
) -> None:
    # What a writer killed by SIGKILL leaves (write_atomic's temporary file, never
    # renamed): the next run that writes an entry removes it once it is an hour old, and
    # leaves alone one as young as a write in progress.
    folder = tmp_path / "collection"
    folder.mkdir()
    laws = corpus / "laws-markdown"
    (folder / "opac.md").write_bytes((laws / "opac" / "2013-09-12.md").read_bytes())

    def run() -> None:
        result = CliRunner().invoke(
            main,
            ["reuse", str(folder), "--scheduler", "synchronous"],
            env={"TREATYDIFF_HOME": str(tmp_path / "home")},
        )
        assert result.exit_code == 0, result.output

    run()
    (entry,) = (tmp_path / "home").glob("cache/reuse/*/*/*.json")
    left = [
        entry.parent / ".treatydiff-99999-aaaa.tmp",
        entry.parent.parent / ".treatydiff-99998-bbbb.tmp",
        entry.parent / ".treatydiff-99997-cccc.tmp",
    ]
    for path in left:
        path.write_bytes(b"half an entry")
    os.utime(left[0], (0, 0))
    os.utime(left[1], (0, 0))
    (folder / "opsc.md").write_bytes((laws / "opsc" / "2012-10-31.md").read_bytes())
    run()
    assert [path.exists() for path in left] == [False, False, True]
