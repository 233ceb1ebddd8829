"""Hostile and careless input (issue 12): every reproducer of ../shared/cases/reliability,
and variants of each kind, ends in one line on stderr and exit 2, or in the right result;
never a traceback, never a file outside the output folder, never a download without end.

The writes, the CI log and the import times have files of their own (test_outputs,
test_ci_log_safety, test_linear_time); the symmetry of compare, test_symmetry.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import EXAMPLES, USER_PREAMBLE

import treatydiff
from treatydiff.catalogue import entries as catalogue
from treatydiff.catalogue import pull as pulling
from treatydiff.cli import main
from treatydiff.errors import FormatError, InputError
from treatydiff.formats.reading import MAX_BYTES, input_limit


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def one_line_error(result: Result, *words: str) -> None:
    assert result.exit_code == 2, (result.stdout, result.stderr)
    assert result.stderr.startswith("treatydiff: error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert "internal error" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


# --- JSON article exports ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("bignum.json", "a number of 5000 characters"),
        ("nan.json", "NaN is not a JSON number"),
        ("surrogate.json", "half of a surrogate pair"),
        ("wrongshape4.json", "field 'text' must be a string, not a list"),
    ],
)
def test_json_reproducers_are_one_line(cases: Path, name: str, words: str) -> None:
    one_line_error(run("show", str(cases / name)), words)


def _export(paragraph: str, *, number: str = '"1"', name: str = '"T"') -> bytes:
    return (
        f'{{"name_full": {name}, "articles": [{{"number": {number}, "paragraphs": '
        f"[{paragraph}]}}]}}"
    ).encode()


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (_export('{"num": "1", "text": "x"}', number="1" * 4301), "a number of 4301"),
        (_export('{"num": -Infinity, "text": "x"}'), "-Infinity is not a JSON number"),
        (_export('{"num": 1e999, "text": "x"}'), "1e999 is out of range"),
        (_export('{"num": "1", "text": "a \\udc00 b"}'), "half of a surrogate pair"),
        (_export('{"num": "1", "text": "x"}', name='"\\ud83d"'), "title: \\ud83d is half"),
        (_export('{"num": "\\udfff", "text": "x"}'), "half of a surrogate pair"),
        (_export('{"num": "1", "text": {"a": 1}}'), "'text' must be a string, not an object"),
        (_export('{"num": [1], "text": "x"}'), "'num' must be a string or a whole number"),
        (_export('{"num": true, "text": "x"}'), "not true or false"),
        (_export('{"num": 1.5, "text": "x"}'), "not a fraction"),
        (_export('{"num": "1", "text": "x"}', number="[1]"), "'number' must be a string"),
        (_export('{"num": "1", "text": "x"}', name="[1]"), "'name_full' must be a string"),
        (b'{"articles": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested more than 16"),
        (b'{"articles": ' + b"[" * 17 + b"]" * 17 + b"}", "nested more than 16"),
        (b'{"articles": "x"}', "'articles' is missing or not a list"),
        (b'[{"number": "1", "paragraphs": []}]\n', "a JSON list is no known format"),
        (b"[" * 50_000 + b"]" * 50_000, "a JSON list is no known format"),
    ],
    ids=lambda value: value[:40] if isinstance(value, str) else None,
)
def test_malformed_json_is_one_line(tmp_path: Path, data: bytes, words: str) -> None:
    source = tmp_path / "export.json"
    source.write_bytes(data)
    one_line_error(run("show", str(source)), words)
    with pytest.raises(FormatError):
        treatydiff.load(data)


def test_a_text_that_only_starts_like_a_json_list_is_text() -> None:
    text = b"[Draft] Convention on testing\n\nArticle 1\n\nStates shall act.\n"
    assert treatydiff.load(text).title == "[Draft] Convention on testing"


def test_a_whole_number_and_a_null_are_still_read() -> None:
    instrument = treatydiff.load(_export('{"num": 2, "text": "x"}, {"num": null, "text": "y"}'))
    assert [(leaf.clause.eid, leaf.clause.text) for leaf in instrument.leaves] == [
        ("docTitle", "T"),
        ("art_1__para_2", "x y"),  # a paragraph without a number goes on with the one before
    ]


# --- text sources ------------------------------------------------------------------------


def test_a_nul_byte_anywhere_makes_a_binary_file(cases: Path, tmp_path: Path) -> None:
    one_line_error(run("show", str(cases / "nul-late.txt")), "binary file, not a text")
    text = USER_PREAMBLE.read_bytes()
    for data in (text + b"\x00", text * 300 + b"\x00" + text):
        source = tmp_path / "late.txt"
        source.write_bytes(data)
        one_line_error(run("show", str(source)), "binary file, not a text")
    one_line_error(run("show", "-", stdin=text + b"\x00"), "-: binary file")


@pytest.mark.parametrize(
    ("source", "words"),
    [
        ("evil-id.treatydiff", "a treatydiff file holds one instrument; there is no part 99"),
        ("opsc-preamble-ohchr.txt", "a plain text holds one instrument; there is no part 99"),
        ("mirror-dup-A.md", "a Markdown document holds one instrument; there is no part 99"),
        ("gh-left.json", "a JSON article export holds one instrument; there is no part 99"),
    ],
)
def test_a_part_that_is_not_there_is_named(cases: Path, source: str, words: str) -> None:
    one_line_error(run("show", f"{cases / source}#99"), words, "only part 1")


def test_a_part_beyond_the_last_names_the_parts(corpus: Path) -> None:
    iccpr = corpus / "laws-markdown" / "iccpr" / "2014-03-24.md"
    assert run("show", f"{iccpr}#2").exit_code == 0
    one_line_error(run("show", f"{iccpr}#3"), "there is no part 3, parts 1 to 2")


def test_an_akn_document_names_its_one_part(tmp_path: Path) -> None:
    akn = tmp_path / "opsc.xml"
    akn.write_text(run("show", str(USER_PREAMBLE), "--format", "akn").stdout, encoding="utf-8")
    one_line_error(run("show", f"{akn}#2"), "there is no part 2, only part 1")


def test_numbers_and_names_past_what_the_system_takes(tmp_path: Path) -> None:
    digits = "9" * 5000  # int() refuses more than 4,300 digits
    one_line_error(run("show", f"{USER_PREAMBLE}#{digits}"), "File name too long")
    one_line_error(run("show", "a" * 300), "File name too long")
    one_line_error(run("show", f"{USER_PREAMBLE}#{'9' * 12}"), "no such file")
    heading = tmp_path / "heading.txt"
    heading.write_text(f"TREATY\n\nArticle {digits}\n\nEach State shall act.\n")
    assert run("show", str(heading)).exit_code == 0
    config = tmp_path / "publish.toml"
    config.write_text(
        f'[[comparison]]\nleft = "{USER_PREAMBLE}"\nright = "{USER_PREAMBLE}"\n'
        f"threshold = {digits}\n",
        encoding="utf-8",
    )
    one_line_error(
        run("publish", str(config), "-o", str(tmp_path / "site")),
        "not valid TOML (an integer of more than 4300 digits)",
    )
    one_line_error(run("check", "--config", str(config)), "not valid TOML")
    one_line_error(run("reuse", "a" * 300), "File name too long")
    one_line_error(run("languages", "a" * 300, "--langs", "en,fr"), "File name too long")
    akn = tmp_path / "opsc.xml"
    akn.write_text(
        run("show", str(USER_PREAMBLE), "--format", "akn").stdout.replace(
            'td:line="7"', f'td:line="{digits}"', 1
        ),
        encoding="utf-8",
    )
    one_line_error(run("show", str(akn)), "td:line is not a whole number")


def test_the_other_reproducers_import(cases: Path) -> None:
    for name in ("longword20000.txt", "one-paragraph-2000-lines.txt", "md-emphasis-60k.md"):
        result = run("show", str(cases / name))
        assert result.exit_code == 0, result.stderr


# --- the size of an input ----------------------------------------------------------------


def test_the_default_limit_is_50_mib() -> None:
    assert MAX_BYTES == 50 * 1024 * 1024


def test_a_source_over_the_limit_is_refused(tmp_path: Path) -> None:
    size = len(USER_PREAMBLE.read_bytes())
    result = run("show", str(USER_PREAMBLE), "--max-bytes", str(size - 1))
    one_line_error(result, f"larger than the input limit of {size - 1} bytes (--max-bytes)")
    assert run("show", str(USER_PREAMBLE), "--max-bytes", str(size)).exit_code == 0
    piped = run("show", "-", "--max-bytes", "100", stdin=USER_PREAMBLE.read_bytes())
    one_line_error(piped, "-: larger than the input limit of 100 bytes")
    compared = run("compare", str(USER_PREAMBLE), str(USER_PREAMBLE), "--max-bytes", "100")
    one_line_error(compared, "larger than the input limit")
    checked = run("check", str(USER_PREAMBLE), str(USER_PREAMBLE), "--max-bytes", "100")
    assert checked.exit_code == 2 and "larger than the input limit" in checked.stderr


def test_an_endless_source_is_refused_at_the_limit() -> None:
    """`show /dev/zero` read until the memory ran out; it reads one byte past the limit."""
    one_line_error(run("show", "/dev/zero", "--max-bytes", "1000000"), "/dev/zero: larger")
    start = time.monotonic()
    one_line_error(run("show", "/dev/zero"), f"larger than the input limit of {MAX_BYTES}")
    assert time.monotonic() - start < 60


def test_the_limit_holds_for_the_api() -> None:
    data = USER_PREAMBLE.read_bytes()
    with input_limit(100), pytest.raises(InputError, match="larger than the input limit"):
        treatydiff.load(data)
    with input_limit(100), pytest.raises(InputError, match="larger than the input limit"):
        treatydiff.load(USER_PREAMBLE)
    assert treatydiff.load(data).leaves


# --- publish -----------------------------------------------------------------------------


def _site_case(cases: Path, tmp_path: Path, config: str) -> Path:
    folder = tmp_path / "config"
    folder.mkdir()
    for name in ("evil-id.treatydiff", "opsc-preamble-ohchr.txt", "opsc-preamble-revised.txt"):
        shutil.copy(cases / name, folder / name)
    (folder / "publish.toml").write_text(config, encoding="utf-8")
    return folder / "publish.toml"


def files_outside(tmp_path: Path, site: Path) -> list[Path]:
    return [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and site not in path.parents and path.parent.name != "config"
    ]


def test_a_page_name_is_never_a_path(cases: Path, tmp_path: Path) -> None:
    config = _site_case(
        cases, tmp_path, (cases / "publish-name-traversal.toml").read_text(encoding="utf-8")
    )
    result = run("publish", str(config), "-o", str(tmp_path / "site" / "out"))
    one_line_error(result, "synopsis[0].name: '/../../escaped-by-name' is not a file name part")
    for name in ("..", "a/b", "a\\\\b", ".hidden", ""):
        config.write_text(
            f'[[synopsis]]\nname = "{name}"\nrefs = ["opsc-preamble-ohchr.txt", '
            '"opsc-preamble-revised.txt"]\n',
            encoding="utf-8",
        )
        one_line_error(run("publish", str(config), "-o", str(tmp_path / "site")), "name")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(
    "instrument_id",
    [
        "/../../escaped-by-id",
        "../../x",
        "..\\..\\x",
        "a/../../b",
        "..",
        "",
        "\u00e9t\u00e9" * 200,
        "%2e%2e%2fx",
        "~root/x",
        "x\u0000y",
        "-rf",
        " ",
        "....//",
    ],  # fmt: skip
)
def test_an_id_from_an_input_file_makes_a_safe_page_name(
    cases: Path, tmp_path: Path, instrument_id: str
) -> None:
    config = _site_case(
        cases, tmp_path, (cases / "publish-id-traversal.toml").read_text(encoding="utf-8")
    )
    evil = config.parent / "evil-id.treatydiff"
    evil.write_text(
        evil.read_text(encoding="utf-8").replace(
            'id: "/../../escaped-by-id"', f"id: {json.dumps(instrument_id)}"
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site" / "out"
    result = run("publish", str(config), "-o", str(site))
    assert result.exit_code == 0, result.stderr
    assert files_outside(tmp_path, site) == []
    for page in site.rglob("*"):
        assert len(page.name.encode()) <= 255
        assert ".." not in page.relative_to(site).parts
        assert not page.name.startswith(("-", "."))


def test_a_language_publish_does_not_know_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "publish.toml"
    config.write_text(
        f'[[comparison]]\nleft = "{USER_PREAMBLE}"\nright = "{USER_PREAMBLE}"\nlang = "xx"\n',
        encoding="utf-8",
    )
    one_line_error(
        run("publish", str(config), "-o", str(tmp_path / "site")),
        "comparison[0].lang: 'xx' is not one of en, es, fr, nl",
    )


# --- corpus pull -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("base_url", "words"),
    [
        ("http://[::1", "is not a valid URL"),
        ("http://", "with a host"),
        ("http://x:99999", "Port out of range"),
        ("http://x:port", "is not a valid URL"),
        ("ftp://example.org", "must be an http:// or https:// URL"),
        ("example.org", "must be an http:// or https:// URL"),
    ],
)
def test_a_malformed_base_url_is_refused(home: Path, base_url: str, words: str) -> None:
    result = run("corpus", "pull", "opsc", "--base-url", base_url)
    assert result.exit_code == 2 and "--base-url" in result.stderr and words in result.stderr
    assert "internal error" not in result.stderr and not home.exists()


@pytest.fixture()
def drip_server(cases: Path) -> Iterator[str]:
    """The reproducer's server: 200, Content-Length 10,000,000, then a byte every 0.5 s."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with subprocess.Popen([sys.executable, str(cases / "server.py"), str(port)]) as server:
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            yield f"http://127.0.0.1:{port}"
        finally:
            server.terminate()


@pytest.mark.network
def test_a_response_longer_than_the_pin_is_refused_at_once(home: Path, drip_server: str) -> None:
    start = time.monotonic()
    result = run("corpus", "pull", "opsc@ohchr", "--base-url", drip_server)
    size = catalogue.load().get("opsc").version("ohchr").size
    one_line_error(result, f"sends 10000000 bytes, the pinned source has {size}")
    assert time.monotonic() - start < 10
    assert not any(home.rglob("*.json")) if home.exists() else True


@pytest.fixture()
def unannounced_drip() -> Iterator[str]:
    """A loopback server that announces no length and sends a byte every 0.2 s, for ever."""

    class Drip(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.end_headers()
            try:
                for _ in range(10_000):
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Drip)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.network
def test_a_dripping_download_is_given_up_at_its_deadline(home: Path, unannounced_drip: str) -> None:
    start = time.monotonic()
    result = run("corpus", "pull", "opsc@ohchr", "--base-url", unannounced_drip, "--timeout", "2")
    elapsed = time.monotonic() - start
    one_line_error(result, "did not finish within 2 s (--timeout)")
    assert 2 <= elapsed < 20
    targets = pulling.select(catalogue.load(), ["opsc@ohchr"])
    failures = pulling.pull(targets, home=home, base_url=unannounced_drip, deadline=1.0)
    assert failures == [
        f"opsc@ohchr: the download from {unannounced_drip.removeprefix('http://')} did not "
        "finish within 1 s (--timeout)"
    ]


def test_the_deadline_is_an_option_of_corpus_pull() -> None:
    usage = run("corpus", "pull", "--help").stdout
    assert "--timeout SECONDS" in usage and "300" in usage
    assert run("corpus", "pull", "--timeout", "0").exit_code == 2


# --- baselines ---------------------------------------------------------------------------


def test_update_baseline_keeps_the_approvals_of_other_checks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_bytes(USER_PREAMBLE.read_bytes())
    right.write_bytes((EXAMPLES / "opsc-preamble-revised.txt").read_bytes())
    baseline = tmp_path / "treatydiff-baseline.json"
    others = [{"id": "art_1#000000000001", "clause": "article 1", "change": "approved"}]
    baseline.write_text(
        json.dumps(
            {
                "schema": "treatydiff.baseline/1",
                "checks": {
                    "another check": others,
                    "a.txt -> b.txt": [{"id": "stale#000000000000"}],
                },
            }
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ("check", "a.txt", "b.txt", "--baseline", str(baseline))
    assert run(*args).exit_code == 1
    updated = run(*args, "--update-baseline")
    assert updated.exit_code == 0, updated.stderr
    checks = json.loads(baseline.read_text(encoding="utf-8"))["checks"]
    assert checks["another check"] == others
    assert "stale#000000000000" not in json.dumps(checks)
    assert run(*args).exit_code == 0


def test_a_word_package_that_unpacks_past_the_limit_is_refused(tmp_path: Path) -> None:
    """A zip bomb: a package of a few hundred bytes whose part unpacks to 1 MB (to
    gigabytes in the real thing) is refused before python-docx reads it."""
    import io
    import zipfile

    from treatydiff.formats.reading import input_limit

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b"<w:document/>" + b" " * 1_000_000)
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 5_000
    result = run("show", str(bomb), "--input-format", "docx", "--max-bytes", "100000")
    one_line_error(result, "unpacks to 1000013 bytes, more than 400000")
    with input_limit(100_000), pytest.raises(FormatError, match="unpacks to"):
        treatydiff.load(bomb.read_bytes(), format="docx")
