"""`treatydiff corpus pull`: real pulls from the corpus, by mirror and over loopback HTTP."""

from __future__ import annotations

import hashlib
import json
import os
import pty
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from test_catalogue import manifest_rows, raw_url

from treatydiff.catalogue import entries as catalogue
from treatydiff.catalogue import pull as pulling
from treatydiff.catalogue import refs, store
from treatydiff.cli import main

# Article counts as the instruments number them (issue 2); ilo-r146 has paragraphs only.
ARTICLES = {
    "opsc": 17,
    "opac": 13,
    "crc": 54,
    "hcch-1993-adoption": 48,
    "hcch-1980-abduction": 45,
    "hcch-1996-protection": 63,
    "ilo-c182": 16,
    "ilo-c138": 18,
    "ilo-r146": 0,
    "palermo-trafficking": 20,
    "lanzarote": 50,
    "budapest-cybercrime": 48,
    "budapest-xenophobia-protocol": 16,
    "coe-adoption-revised-2008": 30,
    "iccpr": 53,
    "iccpr-op1": 14,
    "cedaw": 30,
    "op-cedaw": 21,
    "cat": 33,
}


def pull(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["corpus", "pull", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []


@pytest.fixture(scope="module")
def pulled_home(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data home holding every version of every instrument, pulled from the mirror."""
    home = tmp_path_factory.mktemp("pulled") / "home"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TREATYDIFF_HOME", str(home))
        code, stdout, stderr = pull("--mirror", str(corpus))
    assert (code, stdout, stderr) == (0, "", "")  # quiet when not on a terminal
    return home


@pytest.fixture()
def use_pulled(pulled_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TREATYDIFF_HOME", str(pulled_home))
    return pulled_home


def test_mirror_pull_stores_every_version_with_text(corpus: Path, use_pulled: Path) -> None:
    shipped = catalogue.load()
    assert {e.id for e in shipped.entries} == set(ARTICLES)
    for entry in shipped.entries:
        for version in entry.versions:
            if not version.has_text:
                assert not store.is_pulled(use_pulled, entry, version)
                assert not (use_pulled / "instruments" / entry.id / version.label).exists()
                continue
            assert store.is_pulled(use_pulled, entry, version), entry.ref(version)
            kept = store.stored_source(use_pulled, entry, version)
            assert kept.read_bytes() == (corpus / version.mirror_path).read_bytes()
            for lang in version.languages:
                instrument = store.load_pulled(entry.id, version.label, lang=lang)
                assert instrument.id == entry.id
                assert len(instrument.articles()) == ARTICLES[entry.id], entry.ref(version)
                assert instrument.leaves
                meta = instrument.metadata
                assert (meta.version, meta.language, meta.format) == (
                    version.label,
                    lang,
                    version.format,
                )
                assert (meta.source, meta.sha256) == (version.url, version.sha256)
                assert meta.depositary == entry.facts.depositary
                assert meta.adopted == entry.facts.adopted
                if lang == "en":
                    assert instrument.title == entry.title


def test_show_after_pull_goes_through_refs(use_pulled: Path) -> None:
    opsc = refs.resolve("opsc")
    assert (opsc.id, opsc.metadata.version) == ("opsc", "2012-10-31")
    assert opsc.metadata.adopted == "2000-05-25"
    assert opsc.metadata.entry_into_force == "2002-01-18"
    assert refs.resolve("opsc@ohchr").metadata.format == "json-articles"
    dutch = refs.resolve("opsc@2005-09-23", lang="nl")
    assert dutch.title.startswith("Facultatief Protocol")
    assert dutch.metadata.language == "nl"
    appended = refs.resolve("iccpr-op1")
    assert appended.title.startswith("Optional Protocol to the International Covenant")
    assert len(appended.articles()) == 14

    result = CliRunner().invoke(main, ["show", "opsc", "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["id"] == "opsc" and data["metadata"]["version"] == "2012-10-31"
    assert data["metadata"]["sha256"] == (
        "e638ec092d95d3503ff240a7e2b949bc11a5036fff9e4e423e27e38c7a2ceff2"
    )
    assert [c["id"] for c in data["clauses"]].count("art_3__para_1__point_a__point_i__point_b")


def test_listing_marks_pulled_versions(use_pulled: Path) -> None:
    rows = json.loads(CliRunner().invoke(main, ["instruments", "--format", "json"]).stdout)
    pulled = {(r["id"], v["label"]) for r in rows for v in r["versions"] if v["pulled"]}
    everything = {(r["id"], v["label"]) for r in rows for v in r["versions"]}
    assert everything - pulled == {("coe-adoption-revised-2008", "2008-11-27")}


def test_pulling_again_reuses_the_verified_copy(corpus: Path, home: Path, closed_port: int) -> None:
    assert pull("opsc@ohchr", "--mirror", str(corpus))[0] == 0
    stored = catalogue.load().get("opsc")
    text_file = store.stored_text(home, stored, stored.version("ohchr"), "en")
    text_file.unlink()  # e.g. removed; pulling again re-imports from the kept source
    # no network needed: the base URL is a closed port
    assert pull("opsc@ohchr", "--base-url", f"http://127.0.0.1:{closed_port}") == (0, "", "")
    assert store.is_pulled(home, stored, stored.version("ohchr"))


def test_empty_snapshot_is_skipped_or_refused(corpus: Path, home: Path) -> None:
    assert pull("coe-adoption-revised-2008", "--mirror", str(corpus)) == (0, "", "")
    assert refs.resolve("coe-adoption-revised-2008").metadata.version == "2012-08-10"
    code, _, stderr = pull("coe-adoption-revised-2008@2008-11-27", "--mirror", str(corpus))
    assert code == 2
    assert stderr == (
        "treatydiff: error: coe-adoption-revised-2008@2008-11-27 has no text: its pinned "
        "source is an empty file (1 byte); versions with text: 2012-08-10\n"
    )


def test_unknown_selection_pulls_nothing(corpus: Path, home: Path) -> None:
    code, _, stderr = pull("opsc", "opsk", "--mirror", str(corpus))
    assert code == 2
    assert stderr.startswith("treatydiff: error: unknown instrument 'opsk'; known: ")
    assert stderr.count("\n") == 1
    code, _, stderr = pull("opsc@2001", "--mirror", str(corpus))
    assert (code, stderr.count("\n")) == (2, 1)
    assert "opsc has no version '2001'; versions: 2005-09-23, 2012-10-31, ohchr" in stderr
    assert files_under(home) == []


def test_tampered_mirror_file_is_refused_and_the_rest_pulled(
    corpus: Path, home: Path, tmp_path: Path
) -> None:
    mirror = tmp_path / "mirror"
    shutil.copytree(corpus / "laws-markdown" / "opsc", mirror / "laws-markdown" / "opsc")
    shutil.copytree(corpus / "lszoszk-generalcomments", mirror / "lszoszk-generalcomments")
    tampered = mirror / "laws-markdown" / "opsc" / "2012-10-31.md"
    data = tampered.read_bytes().replace(b"Article", b"Articel", 1)
    tampered.write_bytes(data)
    code, stdout, stderr = pull("opsc", "--mirror", str(mirror))
    assert (code, stdout) == (2, "")
    assert stderr == (
        "treatydiff: error: opsc@2012-10-31: sha256 mismatch for mirror "
        f"{mirror}: expected e638ec092d95d3503ff240a7e2b949bc11a5036fff9e4e423e27e38c7a2ceff2, "
        f"got {hashlib.sha256(data).hexdigest()} ({len(data)} bytes); nothing stored\n"
    )
    entry = catalogue.load().get("opsc")
    assert not (home / "instruments" / "opsc" / "2012-10-31").exists()
    assert store.is_pulled(home, entry, entry.version("2005-09-23"))
    assert store.is_pulled(home, entry, entry.version("ohchr"))
    # only complete files: no temporary file left behind
    assert not [p for p in files_under(home) if p.name.startswith(".")]


def test_missing_mirror_file(home: Path, tmp_path: Path) -> None:
    code, _, stderr = pull("opsc@ohchr", "--mirror", str(tmp_path))
    assert code == 2
    missing = tmp_path / "lszoszk-generalcomments" / "crc-opsc.json"
    assert stderr == f"treatydiff: error: opsc@ohchr: not in the mirror: {missing} does not exist\n"


# --- a loopback HTTP server serving the corpus at the pinned URLs' paths -----------------


@dataclass
class Loopback:
    base_url: str
    requests: list[str] = field(default_factory=list)
    tampered: set[str] = field(default_factory=set)  # paths served with one byte changed


@pytest.fixture()
def loopback(corpus: Path) -> Iterator[Loopback]:
    # path of each pinned URL -> corpus file, built from the manifests, not the catalogue
    files = {
        unquote(urlsplit(raw_url(row)).path): corpus / row["file"] for row in manifest_rows(corpus)
    }
    server_state: list[Loopback] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            state = server_state[0]
            path = unquote(urlsplit(self.path).path)
            state.requests.append(path)
            # the server is mounted under /mirror, as a proxy would be
            source = files.get(path.removeprefix("/mirror"))
            if source is None:
                self.send_error(404, "Not Found")
                return
            data = source.read_bytes()
            if path.removeprefix("/mirror") in state.tampered:
                data = data[:-1] + b"X"
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state = Loopback(base_url=f"http://127.0.0.1:{server.server_address[1]}/mirror")
    server_state.append(state)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture()
def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def _url_path(url: str) -> str:
    return unquote(urlsplit(url).path)


@pytest.mark.network
def test_download_over_http(home: Path, loopback: Loopback) -> None:
    code, stdout, stderr = pull("opsc", "iccpr-op1@ohchr", "--base-url", loopback.base_url)
    assert (code, stdout, stderr) == (0, "", "")
    shipped = catalogue.load()
    opsc = shipped.get("opsc")
    assert sorted(loopback.requests) == sorted(
        "/mirror" + _url_path(v.url)
        for v in (*opsc.versions, shipped.get("iccpr-op1").version("ohchr"))
    )
    for version in opsc.versions:
        assert store.is_pulled(home, opsc, version)
    assert len(refs.resolve("iccpr-op1@ohchr").articles()) == 14
    assert refs.resolve("opsc").metadata.source == opsc.version().url


@pytest.mark.network
def test_base_url_from_the_environment(
    home: Path, loopback: Loopback, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(pulling.BASE_URL_ENV, loopback.base_url)
    assert pull("crc@ohchr-noharm") == (0, "", "")
    assert loopback.requests == [
        "/mirror/raisely/NoHarm/b297e9e38f7d458c86ed8843d085024682888e9c/documents/CRC.md"
    ]
    # the help names the variable the command reads
    usage = CliRunner().invoke(main, ["corpus", "pull", "--help"]).output
    assert pulling.BASE_URL_ENV in usage.replace("\n", "").replace(" ", "")


@pytest.mark.network
def test_tampered_download_is_refused(home: Path, loopback: Loopback) -> None:
    version = catalogue.load().get("opsc").version("ohchr")
    loopback.tampered.add(_url_path(version.url))
    code, _, stderr = pull("opsc@ohchr", "--base-url", loopback.base_url)
    assert code == 2
    url = loopback.base_url + urlsplit(version.url).path
    assert stderr.startswith(
        f"treatydiff: error: opsc@ohchr: sha256 mismatch for {url}: expected {version.sha256}, got "
    )
    assert stderr.endswith(f" ({version.size} bytes); nothing stored\n")
    assert files_under(home) == []


@pytest.mark.network
def test_http_error_is_one_line(home: Path, loopback: Loopback) -> None:
    code, _, stderr = pull("opsc@ohchr", "--base-url", loopback.base_url + "/elsewhere")
    assert code == 2
    assert stderr.startswith("treatydiff: error: opsc@ohchr: http://127.0.0.1:")
    assert stderr.endswith(": HTTP 404 Not Found\n")
    assert files_under(home) == []


@pytest.mark.network
def test_unreachable_host_one_line_per_failure(home: Path, closed_port: int) -> None:
    code, stdout, stderr = pull("opsc", "--base-url", f"http://127.0.0.1:{closed_port}")
    assert (code, stdout) == (2, "")
    lines = stderr.splitlines()
    assert [line.split(":")[2].strip() for line in lines] == [
        "opsc@2005-09-23",
        "opsc@2012-10-31",
        "opsc@ohchr",
    ]
    for line in lines:
        assert line.startswith("treatydiff: error: opsc@")
        assert f"cannot reach 127.0.0.1:{closed_port}: " in line
    assert files_under(home) == []


@pytest.mark.network
def test_a_silent_host_times_out(home: Path) -> None:
    # a loopback port that accepts connections (the kernel's backlog) but never answers
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(1)
        port = silent.getsockname()[1]
        targets = pulling.select(catalogue.load(), ["opsc@ohchr"])
        failures = pulling.pull(
            targets, home=home, base_url=f"http://127.0.0.1:{port}", timeout=0.2
        )
    assert failures == [f"opsc@ohchr: 127.0.0.1:{port} did not answer within 0.2 s"]
    assert files_under(home) == []


def test_base_url_must_be_http(home: Path) -> None:
    code, _, stderr = pull("opsc", "--base-url", "ftp://example.org")
    assert code == 2 and "--base-url" in stderr


def test_progress_on_a_terminal_only(corpus: Path, home: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "treatydiff",
        "corpus",
        "pull",
        "opsc",
        "--mirror",
        str(corpus),
    ]
    piped = subprocess.run(command, capture_output=True, env=os.environ.copy())
    assert (piped.returncode, piped.stdout, piped.stderr) == (0, b"", b"")

    leader, follower = pty.openpty()
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower) as process:
        os.close(follower)
        stdout = process.stdout.read() if process.stdout else b""
        returncode = process.wait()
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the terminal closes with the process
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert (returncode, stdout) == (0, b"")
    lines = shown.decode().splitlines()
    assert lines[0].startswith("[1/3] opsc@2005-09-23: 17 articles, ")
    assert "from verified copy in the data home" in lines[0]  # pulled a moment ago, piped
    assert lines[-1] == f"pulled 3 version(s) into {home}; 0 failed"


def test_a_reports_names_the_known_damage_of_a_pinned_source(use_pulled: Path) -> None:
    """opac@ohchr lacks the preamble and holds website text in article 13: every report
    format says so beside the source, so the 'removed' preamble is not taken for a change
    of the treaty."""
    runner = CliRunner()
    text = runner.invoke(main, ["compare", "opac@2013-09-12", "opac@ohchr"]).stdout
    assert "caveat (opac@ohchr): no preamble" in text.splitlines()[2]
    assert "caveat (opac@2013-09-12)" not in text
    report = json.loads(
        runner.invoke(main, ["compare", "opac@2013-09-12", "opac@ohchr", "--format", "json"]).stdout
    )
    assert report["left"]["caveats"] == []
    assert any("article 13" in caveat for caveat in report["right"]["caveats"])
    for fmt in ("md", "html"):
        page = runner.invoke(main, ["compare", "opac@2013-09-12", "opac@ohchr", "--format", fmt])
        assert "known source damage" in page.stdout.lower()
        assert "none recorded" in page.stdout
    clean = runner.invoke(main, ["compare", "opac@2009-10-24", "opac@2013-09-12", "--format", "md"])
    assert "source damage" not in clean.stdout
