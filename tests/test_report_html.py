"""The HTML report: self-contained, inert instrument text, header facts, rows, anchors,
determinism; and the `compare --format html` command."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from lxml.html import HtmlElement
from report_samples import HOSTILE_NUM, HOSTILE_TEXTS, SAMPLE, hostile_pair

from treatydiff.cli import main
from treatydiff.engine.compare import compare
from treatydiff.formats import load_file
from treatydiff.render import render_comparison
from treatydiff.render.html import Assets, asset_files, build_time
from treatydiff.render.templates import asset

REVISED = EXAMPLES / "opsc-preamble-revised.txt"
PREAMBLE = EXAMPLES / "opsc-preamble-ohchr.txt"


def _doc(html: str) -> HtmlElement:
    return lxml.html.document_fromstring(html)


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- safety ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_comparison(hostile_pair(), "html")


def test_hostile_text_stays_text(hostile_html: str) -> None:
    doc = _doc(hostile_html)
    text = doc.text_content()
    for hostile in HOSTILE_TEXTS:
        assert hostile in text  # shown exactly as written
    assert HOSTILE_NUM in text
    # no markup came from the instruments: only the page's own elements exist
    assert doc.xpath("//img | //textarea | //i | //b | //iframe | //object | //embed") == []
    assert len(doc.xpath("//script")) == 1
    assert doc.xpath("//script")[0].text == asset("treatydiff.js")
    styles = doc.xpath("//style")
    assert len(styles) == 2
    assert styles[0].text == asset("treatydiff.css")
    # the page's own paged-media rules: both sides in the running header, the hostile
    # id escaped so that it cannot end the string or the style
    assert styles[1].text.startswith("@page {")
    assert '"Left: hostile\\000022\\00003cleft\\00003e"' in styles[1].text


def test_no_event_handlers_or_script_links(hostile_html: str) -> None:
    doc = _doc(hostile_html)
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            assert "javascript:" not in value.lower() or name in ("aria-label", "content")
            assert name != "autofocus"
    for href in doc.xpath("//@href"):
        assert href.startswith("#"), href


def test_template_syntax_in_text_is_not_evaluated(hostile_html: str) -> None:
    assert "{{ 7 * 7 }}" in _doc(hostile_html).text_content()
    assert "{{ 7 * 7 }}" in hostile_html or "{{ 7 * 7 }}" in hostile_html.replace("&#34;", '"')


def test_self_contained_page_requests_nothing() -> None:
    html = render_comparison(SAMPLE, "html")
    doc = _doc(html)
    assert doc.xpath("//@src") == []
    assert doc.xpath("//link") == []
    assert all(href.startswith("#") for href in doc.xpath("//@href"))
    # the Content Security Policy allows exactly the page's own style and script
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    style, page = (s.text for s in doc.xpath("//style"))
    script = doc.xpath("//script")[0].text
    assert csp == (
        f"default-src 'none'; style-src {_sha(style)} {_sha(page)}; script-src {_sha(script)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    # the policy comes before anything it governs
    assert html.index("Content-Security-Policy") < html.index("<style>")


def test_assets_variant_links_files_beside_the_page(tmp_path: Path) -> None:
    page = tmp_path / "site" / "reports" / "report.html"
    assets = Assets.in_folder(tmp_path / "site" / "assets", page)
    html = render_comparison(SAMPLE, "html", assets=assets)
    doc = _doc(html)
    assert doc.xpath("//style") == [] and doc.xpath("//script[not(@src)]") == []
    assert doc.xpath("//link[@rel='stylesheet']/@href") == ["../assets/treatydiff.css"]
    assert doc.xpath("//script/@src") == ["../assets/treatydiff.js"]
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "style-src 'self'; script-src 'self'" in csp and "unsafe" not in csp
    # the files the links point at, for the caller to write
    assert asset_files() == {
        "treatydiff.css": asset("treatydiff.css"),
        "treatydiff.js": asset("treatydiff.js"),
    }
    assert not (tmp_path / "site").exists()  # rendering writes nothing


# --- content --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_doc() -> HtmlElement:
    return _doc(render_comparison(SAMPLE, "html"))


def test_header_names_both_instruments_and_the_summary(sample_doc: HtmlElement) -> None:
    facts = [
        [cell.text_content().strip() for cell in row.xpath("th|td")]
        for row in sample_doc.xpath("//table[@class='facts']/tbody/tr")
    ]
    assert facts == [
        ["Title", "Accord on the Shared River (draft)", "Accord on the Shared River"],
        ["Id", "accord-draft", "accord-final"],
        ["Version", "draft", "final"],
        ["Source", "synthetic/draft.txt", "synthetic/final.txt"],
        ["SHA-256", "0" * 64, "f" * 64],
        ["Format", "not stated", "not stated"],
        ["Clauses", "16", "18"],  # with the title and 3 captions
    ]
    counts = [
        " ".join(li.text_content().split()) for li in sample_doc.xpath("//ul[@class='summary']/li")
    ]
    assert counts == [
        "9 identical",  # with 2 captions
        "1 formatting",
        "5 modified",  # with the title and a caption
        "2 added",
        "1 removed",
        "1 moved",
        "1 split",
        "0 merged",
    ]
    overall = " ".join(sample_doc.xpath("//p[@class='overall']")[0].text_content().split())
    assert overall == "Overall similarity 83.2 %; the texts differ."
    options = " ".join(
        sample_doc.xpath("//p[starts-with(text(), 'Options')]")[0].text_content().split()
    )
    assert options == "Options: threshold = 0.5, scorer = token_ratio."


def _row(doc: HtmlElement, anchor: str) -> HtmlElement:
    (row,) = doc.xpath(f"//section[@id='{anchor}']")
    return row


def test_rows_show_label_status_similarity_tags(sample_doc: HtmlElement) -> None:
    row = _row(sample_doc, "art_1__para_1")
    head = " ".join(row.xpath(".//div[@class='row-head']")[0].text_content().split())
    assert head == "article 1, paragraph 1 modified similarity 91.0 % wording modal"
    assert row.xpath(".//div[contains(@class, 'left')]//del/text()") == ["should"]
    assert row.xpath(".//div[contains(@class, 'right')]//ins/text()") == ["shall"]
    assert row.xpath(".//div[@class='inline']//del/text()") == ["should"]
    assert row.xpath(".//div[@class='inline']//ins/text()") == ["shall"]
    assert "changed" in row.get("class")


def test_split_reads_as_one_row(sample_doc: HtmlElement) -> None:
    row = _row(sample_doc, "art_1__para_3")
    labels = row.xpath(".//div[contains(@class, 'right')]//span[@class='clabel']/text()")
    assert labels == ["art. 1(3)", "art. 1(4)"]
    assert "modified, split" in row.text_content()
    # each clause of the split answers to its own link
    assert sample_doc.xpath("//section[@id='art_1__para_3']//span[@id='right-art_1__para_4']")


def test_moved_clause_links_to_where_it_went(sample_doc: HtmlElement) -> None:
    row = _row(sample_doc, "art_2__para_1")
    assert row.xpath(".//a[@class='moved-link']/@href") == ["#moved-from-art_2__para_1"]
    (marker,) = sample_doc.xpath("//p[@id='moved-from-art_2__para_1']")
    assert marker.xpath(".//a/@href") == ["#art_2__para_1"]
    assert " ".join(marker.text_content().split()) == (
        "article 2, paragraph 1 stood here in the left text; it moved to article 2, paragraph 4."
    )


def test_every_internal_link_has_a_target(sample_doc: HtmlElement) -> None:
    ids = set(sample_doc.xpath("//@id"))
    for href in sample_doc.xpath("//a/@href"):
        assert href[1:] in ids, href


def test_unchanged_runs_collapse_with_a_count(sample_doc: HtmlElement) -> None:
    summaries = [
        " ".join(s.text_content().split())
        for s in sample_doc.xpath("//details[@class='run']/summary")
    ]
    assert summaries == [
        "3 unchanged clauses (preamble, formula 1 to preambular paragraph 2)",
        "4 unchanged clauses (left: article 2, heading to article 2, paragraph 4; right: "
        "article 2, heading to article 2, paragraph 3)",
    ]
    for details in sample_doc.xpath("//details[@class='run']"):
        assert details.xpath(".//section[contains(@class, 'changed')]") == []


def test_accessibility_hooks(sample_doc: HtmlElement) -> None:
    css = asset("treatydiff.css")
    # changes are never colour alone: underline, strike-through, marks, spoken words
    assert re.search(r"ins \{[^}]*text-decoration: underline", css)
    assert re.search(r"del \{[^}]*text-decoration: line-through", css)
    assert 'content: "+" / " insertion: "' in css
    assert "@media (prefers-color-scheme: dark)" in css and "@media print" in css
    assert sample_doc.xpath("//html/@lang") == ["en"]
    assert sample_doc.xpath("//input[@id='filter']/preceding-sibling::label[@for='filter']")
    assert sample_doc.xpath("//*[@role='status'][@aria-live='polite']")


# --- determinism ------------------------------------------------------------------------


def test_same_input_same_bytes_and_no_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    first = render_comparison(SAMPLE, "html")
    assert render_comparison(SAMPLE, "html") == first
    assert " UTC" not in first
    # the renderer reads no environment: the caller passes the build time in
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1000000000")
    assert render_comparison(SAMPLE, "html") == first
    dated = render_comparison(SAMPLE, "html", generated=build_time("1000000000"))
    assert "on 2001-09-09 01:46 UTC" in dated
    assert dated.replace(" on 2001-09-09 01:46 UTC", "") == first
    assert build_time(None) is None and build_time("") is None


def test_cli_states_the_build_time_of_source_date_epoch(tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    args = ["compare", str(PREAMBLE), str(REVISED), "--format", "html", "-o", str(target)]
    result = CliRunner().invoke(main, args, env={"SOURCE_DATE_EPOCH": "1000000000"})
    assert result.exit_code == 1, result.output
    assert "on 2001-09-09 01:46 UTC" in target.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, args, env={"SOURCE_DATE_EPOCH": "yesterday"})
    assert result.exit_code == 2
    assert "SOURCE_DATE_EPOCH must be a number of seconds, not 'yesterday'" in result.output


def test_cli_html_twice_is_byte_identical(tmp_path: Path) -> None:
    outputs = []
    for n in (1, 2):
        target = tmp_path / f"r{n}.html"
        result = CliRunner().invoke(
            main, ["compare", str(PREAMBLE), str(REVISED), "--format", "html", "-o", str(target)]
        )
        assert result.exit_code == 1, result.output  # the draft differs
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    assert b"Have agreed as follows:" in outputs[0]


def test_cli_identical_texts_exit_zero(tmp_path: Path) -> None:
    target = tmp_path / "same.html"
    result = CliRunner().invoke(
        main, ["compare", str(PREAMBLE), str(PREAMBLE), "--format", "html", "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    assert "no difference beyond formatting" in _doc(target.read_text()).text_content()


def test_cli_assets_dir(tmp_path: Path) -> None:
    target = tmp_path / "out" / "report.html"
    result = CliRunner().invoke(
        main,
        [
            "compare", str(PREAMBLE), str(REVISED), "--format", "html",
            "-o", str(target), "--assets-dir", str(tmp_path / "static"),
        ],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    doc = _doc(target.read_text())
    assert doc.xpath("//link/@href") == ["../static/treatydiff.css"]
    assert (tmp_path / "static" / "treatydiff.js").is_file()


def test_cli_assets_dir_needs_html(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main,
        ["compare", str(PREAMBLE), str(REVISED), "--format", "md", "--assets-dir", str(tmp_path)],
    )
    assert result.exit_code == 2
    assert "--assets-dir goes with --format html" in result.output
    assert list(tmp_path.iterdir()) == []


def test_real_report_twice_is_byte_identical(corpus: Path, tmp_path: Path) -> None:
    outputs = []
    for n in (1, 2):
        target = tmp_path / f"opsc-opac-{n}.html"
        args = [
            "compare",
            str(corpus / "laws-markdown" / "opsc" / "2012-10-31.md"),
            str(corpus / "laws-markdown" / "opac" / "2013-09-12.md"),
            "--format",
            "html",
            "-o",
            str(target),
        ]
        assert CliRunner().invoke(main, args).exit_code == 1
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    # one row per alignment
    comparison = compare(
        load_file(corpus / "laws-markdown" / "opsc" / "2012-10-31.md"),
        load_file(corpus / "laws-markdown" / "opac" / "2013-09-12.md"),
    )
    rows = _doc(outputs[0].decode()).xpath("//section[contains(@class, 'row')]")
    assert len(rows) == len(comparison.alignments)
