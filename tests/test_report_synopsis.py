"""Synopsis of a family of instruments (`treatydiff synopsis`) and the static site
(`treatydiff publish`): heat map, clause lineage, links that resolve, config errors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
import pytest
from click.testing import CliRunner
from conftest import EXAMPLES, PROJECT
from markdown_it import MarkdownIt

from treatydiff.cli import main
from treatydiff.engine.terms import defined_term
from treatydiff.errors import ConfigError
from treatydiff.normalize import comparison_key
from treatydiff.outputs import write_pages
from treatydiff.report.synopsis import closest_by_words

FAMILY = [
    "laws-markdown/opsc/2012-10-31.md",
    "laws-markdown/crc/2013-04-15.md",
    "laws-markdown/opac/2013-09-12.md",
    "laws-markdown/palermo-trafficking/2015-11-27.md",
    "laws-markdown/lanzarote/2013-06-12.md",
    "laws-markdown/budapest-cybercrime/2012-10-24.md",
    "laws-markdown/ilo-c182/2012-09-03.md",
    "laws-markdown/hcch-1993-adoption/2012-08-21.md",
]


def _family(corpus: Path) -> list[str]:
    return [str(corpus / path) for path in FAMILY]


def check_links(folder: Path) -> int:
    """Every link of every HTML page under ``folder`` is relative and finds its file and,
    when it names one, its fragment. Returns the number of links checked."""
    checked = 0
    ids: dict[Path, set[str]] = {}

    def ids_of(page: Path) -> set[str]:
        if page not in ids:
            ids[page] = set(lxml.html.parse(str(page)).getroot().xpath("//@id"))
        return ids[page]

    for page in sorted(folder.rglob("*.html")):
        doc = lxml.html.parse(str(page)).getroot()
        for link in doc.xpath("//@href | //@src"):
            parts = urlsplit(link)
            assert not parts.scheme and not parts.netloc, (page, link)
            assert not parts.path.startswith("/"), (page, link)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), (page, link)
            assert folder.resolve() in target.parents, (page, link)  # stays in the site
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in ids_of(target), (page, link)
            checked += 1
    return checked


# --- synopsis ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def family_json(corpus: Path) -> dict[str, object]:
    result = CliRunner().invoke(main, ["synopsis", *_family(corpus), "--format", "json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.output)
    return data


def test_synopsis_of_eight_instruments(family_json: dict[str, object]) -> None:
    data = family_json
    assert data["schema"] == "treatydiff.synopsis/2"
    instruments = data["instruments"]
    assert isinstance(instruments, list) and len(instruments) == 8
    assert data["anchor"] == instruments[0]["id"] == "opsc@2012-10-31"
    matrix = data["similarity"]
    assert isinstance(matrix, list)
    for i, row in enumerate(matrix):
        assert row[i] == 1.0
        for j, value in enumerate(row):
            assert 0.0 <= value <= 1.0
            assert value == matrix[j][i]
    # the anchor's row and column from its comparisons, the other pairs estimated
    measures = data["similarity_measures"]
    assert isinstance(measures, list)
    for i, row in enumerate(measures):
        for j, measure in enumerate(row):
            compared = i == 0 or j == 0 or i == j
            assert measure == ("comparison" if compared else "closest_clause")
    # the two Optional Protocols share their final clauses: the closest pair of the family
    opsc = matrix[0]
    assert max(opsc[1:]) == opsc[2]  # OPAC


def _lineage(data: dict[str, object], eid: str) -> dict[str, dict[str, object] | None]:
    lineage = data["lineage"]
    assert isinstance(lineage, list)
    (entry,) = [e for e in lineage if e["id"] == eid]
    matches: dict[str, dict[str, object] | None] = entry["matches"]
    return matches


def test_lineage_pairs_the_final_clauses_with_the_opacs(family_json: dict[str, object]) -> None:
    lineage = family_json["lineage"]
    assert isinstance(lineage, list)
    assert len(lineage) == family_json["instruments"][0]["clauses"]  # type: ignore[index]
    match = _lineage(family_json, "art_13__para_1")["opac@2013-09-12"]
    assert match is not None and match["paired"] is True
    assert match["ids"] == ["art_9__para_1"]
    assert match["report"] == "opsc_2012-10-31--opac_2013-09-12.html#art_13__para_1"


def test_lineage_names_the_closest_unpaired_clause(family_json: dict[str, object]) -> None:
    # the OPSC's denunciation beside the trafficking protocol's, not paired
    match = _lineage(family_json, "art_15__para_1")["palermo-trafficking@2015-11-27"]
    assert match is not None and match["paired"] is False
    assert match["ids"] == ["art_19__para_1"]
    assert match["labels"] == ["article 19, paragraph 1"]
    assert 0.6 <= match["similarity"] < 0.65  # type: ignore[operator]
    assert match["report"] == (
        "opsc_2012-10-31--palermo-trafficking_2015-11-27.html#right-art_19__para_1"
    )
    assert match["term"] is None
    # the OPSC's definition of child pornography, which Lanzarote's restates in its own
    # order, is paired with it on the words they share (engine.overlap)
    match = _lineage(family_json, "art_2__point_c")["lanzarote@2013-06-12"]
    assert match is not None and match["paired"] is True
    assert match["ids"] == ["art_20__para_2"]


def test_lineage_names_the_clause_defining_the_same_term(family_json: dict[str, object]) -> None:
    # Budapest art. 9 (2) defines "child pornography" in other words than the OPSC's
    # art. 2 (c): few shared words, the same defined term.
    match = _lineage(family_json, "art_2__point_c")["budapest-cybercrime@2012-10-24"]
    assert match is not None and match["paired"] is False
    assert match["ids"] == ["art_9__para_2__intro"]
    assert match["labels"] == ["article 9, paragraph 2, chapeau"]
    assert match["term"] == "child pornography"
    assert match["similarity"] < 0.5  # type: ignore[operator]
    # "child prostitution" (art. 2 (b)), defined by Lanzarote art. 19 (2) in words
    # drafted from it, is paired with it: a pair names no term
    match = _lineage(family_json, "art_2__point_b")["lanzarote@2013-06-12"]
    assert match is not None and (match["ids"], match["paired"], match["term"]) == (
        ["art_19__para_2"],
        True,
        None,
    )
    # an unpaired clause that defines nothing has no term
    clause = _lineage(family_json, "art_13__para_1")["opac@2013-09-12"]
    assert clause is not None and clause["term"] is None


def test_defined_term() -> None:
    assert defined_term("(a) Sale of children means any act") == "sale of children"
    assert (
        defined_term('For the purpose of paragraph 1, the term "child pornography" shall include')
        == "child pornography"
    )
    assert defined_term("The term \u201cchild\u201d means any person under 18") == "child"
    assert defined_term("States Parties shall prohibit the sale of children") is None


def test_closest_by_words_counts_words_not_letters() -> None:
    queries = ["The Parties may invite observers.", "Boats shall carry a light at night."]
    choices = ["The Parties shall protect the river.", "Each boat shall carry a light at night."]
    found = closest_by_words(
        [comparison_key(text) for text in queries], [comparison_key(text) for text in choices]
    )
    assert found[0][0] == 0 and found[0][1] < 0.5  # shares "the parties" only
    # six shared words of seven and eight: 2 * 6 / 15
    assert found[1][0] == 1 and found[1][1] == pytest.approx(0.8)


def test_synopsis_html_with_pair_reports(corpus: Path, tmp_path: Path) -> None:
    page = tmp_path / "family" / "synopsis.html"
    pairs = tmp_path / "family" / "pairs"
    args = ["synopsis", *_family(corpus), "-o", str(page), "--pairs-dir", str(pairs)]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert len(list(pairs.glob("*.html"))) == 7
    assert check_links(tmp_path / "family") > 100
    doc = lxml.html.parse(str(page)).getroot()
    # the heat map is an inline SVG with its numbers as text: readable without script
    svg = doc.xpath("//*[local-name()='svg']")[0]
    cells = svg.xpath(".//*[local-name()='rect']")
    numbers = svg.xpath(".//*[local-name()='g']/*[local-name()='text']/text()")
    assert len(cells) == len(numbers) == 64
    assert numbers[0] == "100.0" and all(re.fullmatch(r"\u2248?\d{1,3}\.\d", n) for n in numbers)
    # the pairs without the anchor (7 * 6 cells) are estimates, marked so
    assert sum(n.startswith("\u2248") for n in numbers) == 42
    assert "closest-clause similarity" in doc.xpath("string(//*[@id='similarity']/following::p)")
    # ... and as a table
    assert len(doc.xpath("//details//table//td")) == 64
    # the same output twice
    first = page.read_bytes()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert page.read_bytes() == first


def test_synopsis_markdown_parses(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["synopsis", *_family(corpus)[:3], "--format", "md"])
    assert result.exit_code == 0, result.output
    tokens = MarkdownIt("commonmark").enable("table").parse(result.output)
    assert sum(t.type == "table_open" for t in tokens) == 3
    for token in tokens:
        assert token.type != "html_block"
        for child in token.children or ():
            assert child.type != "html_inline"
            # without pair reports there is nothing to link to
            assert child.type != "link_open"


def test_synopsis_needs_two_refs(corpus: Path) -> None:
    result = CliRunner().invoke(main, ["synopsis", _family(corpus)[0]])
    assert result.exit_code == 2
    assert "at least two REFs" in result.output


# --- publish ---------------------------------------------------------------------------


def test_publish_the_preamble_example(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["publish", str(EXAMPLES / "publish.toml"), "-o", str(site)])
    assert result.exit_code == 0, result.output
    names = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert names == [
        "assets/treatydiff.css",
        "assets/treatydiff.js",
        "index.html",
        "opsc-preamble-ohchr--opsc-preamble-revised.html",
        "opsc-preamble-ohchr--opsc-preamble-revised.md",
    ]
    assert check_links(site) > 20
    report = (site / "opsc-preamble-ohchr--opsc-preamble-revised.html").read_text()
    # sources named as the config names them, not by local absolute paths
    assert "opsc-preamble-ohchr.txt" in report and str(PROJECT) not in report
    # no inline code: the site can be served under a strict Content Security Policy
    doc = lxml.html.document_fromstring(report)
    assert doc.xpath("//style") == [] and doc.xpath("//script[not(@src)]") == []


def _family_config(corpus: Path, tmp_path: Path) -> Path:
    """examples/publish-opsc-family.toml, pointed at the corpus where it lies."""
    text = (EXAMPLES / "publish-opsc-family.toml").read_text()
    text = text.replace("../../shared/corpus", corpus.as_posix())
    text = text.replace('"opsc-preamble-', f'"{EXAMPLES.as_posix()}/opsc-preamble-')
    config = tmp_path / "family.toml"
    config.write_text(text)
    return config


def test_publish_the_family_site(corpus: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    config = _family_config(corpus, tmp_path)
    result = CliRunner().invoke(main, ["publish", str(config), "-o", str(site)])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in site.glob("*.html"))
    assert len(pages) == 11  # index, synopsis, 3 listed comparisons, 6 more pairs
    assert "synopsis-opsc-family.html" in pages
    assert check_links(site) > 1000
    index = lxml.html.parse(str(site / "index.html")).getroot()
    assert sorted(index.xpath("//a/@href")) == sorted(
        ["#content", *(p for p in pages if p != "index.html")]
    )
    # cross links: the OPAC comparison is listed and part of the synopsis; it links back
    opac = lxml.html.parse(str(site / "opsc_2012-10-31--opac_2013-09-12.html")).getroot()
    assert opac.xpath("//nav//a/@href") == [
        "index.html",
        "synopsis-opsc-family.html",
        "opsc_2012-10-31--opac_2013-09-12.md",
    ]
    synopsis = (site / "synopsis-opsc-family.html").read_text()
    assert 'href="opsc_2012-10-31--opac_2013-09-12.html#art_13__para_1"' in synopsis
    # byte-identical when built again
    again = tmp_path / "again"
    assert CliRunner().invoke(main, ["publish", str(config), "-o", str(again)]).exit_code == 0
    for page in site.rglob("*"):
        if page.is_file():
            assert (again / page.relative_to(site)).read_bytes() == page.read_bytes()


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("title = [", "not valid TOML"),
        (
            'titel = "x"\n[[comparison]]\nleft = "a"\nright = "b"',
            "titel: unknown key; known: comparison, synopsis, title",
        ),
        ('[[synopsis]]\nrefs = ["a.txt"]', "synopsis[0].refs: expected at least 2 entries, got 1"),
        ('[[comparison]]\nleft = "a.txt"', "comparison[0].right: missing"),
        ('title = "x"', "lists no [[comparison]] and no [[synopsis]]"),
        ('[[comparison]]\nleft = "nope.txt"\nright = "nope.txt"', "nope.txt: no such file"),
        (
            '[[comparison]]\nleft = "p.txt"\nright = "p.txt"\nthreshold = "high"',
            "comparison[0].threshold: expected a number from 0 to 1, got 'high'",
        ),
        (
            '[[comparison]]\nleft = "p.txt"\nright = "p.txt"\nthreshold = 3',
            "comparison[0].threshold: 3 is not between 0 and 1",
        ),
        (
            '[[comparison]]\nleft = "p.txt"\nright = "p.txt"\ninput_format = "rtf"',
            "comparison[0].input_format: 'rtf' is not one of un-text, laws-markdown,",
        ),
        (
            '[[synopsis]]\nrefs = ["p.txt", "p.txt"]\nname = "../../../x"',
            "synopsis[0].name: '../../../x' is not a file name part",
        ),
    ],
)
def test_publish_config_errors(tmp_path: Path, config: str, message: str) -> None:
    (tmp_path / "p.txt").write_bytes((EXAMPLES / "opsc-preamble-ohchr.txt").read_bytes())
    path = tmp_path / "site.toml"
    path.write_text(config)
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["publish", str(path), "-o", str(site)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("treatydiff: error: ")
    assert message in lines[0]
    assert not site.exists()  # nothing half-written


def test_a_synopsis_of_too_few_or_repeated_instruments_is_an_input_error() -> None:
    from treatydiff.errors import InputError
    from treatydiff.formats import load_file
    from treatydiff.report.synopsis import build_synopsis

    preamble = load_file(EXAMPLES / "opsc-preamble-ohchr.txt")
    with pytest.raises(InputError, match="a synopsis needs at least two instruments"):
        build_synopsis([preamble], {})
    with pytest.raises(
        InputError, match="instrument ids repeat: opsc-preamble-ohchr, opsc-preamble-ohchr"
    ):
        build_synopsis([preamble, preamble], {})


def test_pages_stay_inside_the_site_folder(tmp_path: Path) -> None:
    site = tmp_path / "out" / "site"
    for name in ("../escaped.html", "synopsis-../../../escaped.html", "/tmp/escaped.html"):
        with pytest.raises(ConfigError, match="must stay inside the site folder"):
            write_pages(site, {"index.html": "<p>", name: "<p>"})
    assert not (tmp_path / "out").exists()  # refused before anything is written
    assert write_pages(site, {"index.html": "<p>", "a/b.md": "b"}) == ["a/b.md", "index.html"]
    assert (site / "a" / "b.md").read_text() == "b"
