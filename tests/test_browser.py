"""The reports in a real browser: Debian's Chromium, headless, driven by Playwright (never
a downloaded browser). Pages load from file://; no console errors, no request leaves the
page's own files; the toggles, the filter, the keys n and p, links into collapsed runs,
dark mode and print work. Screenshots go to each test's tmp_path (screenshots/).

The real reports of the issue are made here from the corpus: OPSC against OPAC, the
OPSC's two wordings, and the synopsis of eight instruments.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLES
from playwright.sync_api import Browser, ConsoleMessage, Page, Request, sync_playwright
from report_samples import SAMPLE

from treatydiff.cli import main
from treatydiff.outputs import write_pages
from treatydiff.render import render_comparison
from treatydiff.render.html import Assets, asset_files

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    path = shutil.which("chromium") or str(CHROMIUM)
    if not Path(path).is_file():
        pytest.fail("chromium is not installed (apt-get install chromium)", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=ARGS)
        yield browser
        browser.close()


@dataclass
class Visit:
    page: Page
    shots: Path
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def shot(self, name: str, *, full_page: bool = False) -> Path:
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def assert_clean(self) -> None:
        assert self.errors == []
        assert self.foreign == []


@pytest.fixture()
def visit(browser: Browser, tmp_path: Path) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    shots = tmp_path / "screenshots"
    shots.mkdir()
    visit = Visit(page, shots)

    def on_console(message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            visit.errors.append(f"{message.type}: {message.text}")

    def on_request(request: Request) -> None:
        if not request.url.startswith("file://"):
            visit.foreign.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: visit.errors.append(f"pageerror: {error}"))
    page.on("request", on_request)
    yield visit
    context.close()
    print(f"screenshots: {shots}")


def _open(visit: Visit, path: Path, fragment: str = "") -> Page:
    visit.page.goto(path.as_uri() + fragment)
    visit.page.wait_for_load_state("load")
    return visit.page


def _status(page: Page) -> str:
    return page.locator("#status-text").inner_text()


def _exercise_report(visit: Visit, path: Path, word: str) -> None:
    """The checks every comparison report passes, with screenshots on the way."""
    page = _open(visit, path)
    visit.shot("side-by-side")
    rows = page.locator("section.row")
    changed = page.locator("section.row.changed")
    total, changes = rows.count(), changed.count()
    assert changes > 0
    assert changed.first.locator(".sbs").is_visible()
    assert page.locator("#filter").is_visible()  # the script ran

    # inline redline view
    page.check("#view-inline")
    assert changed.first.locator(".inline").is_visible()
    assert not changed.first.locator(".sbs").is_visible()
    changed.first.scroll_into_view_if_needed()
    visit.shot("inline")
    page.check("#view-sbs")
    assert changed.first.locator(".sbs").is_visible()

    # keys n and p walk through the changes, wrapping around
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("n")
    assert _status(page) == f"Change 1 of {changes}"
    current = page.locator("section.row.current")
    assert current.count() == 1 and "changed" in (current.get_attribute("class") or "")
    assert current.evaluate("row => row === document.activeElement")
    assert current.is_visible()
    page.keyboard.press("n")
    assert _status(page) == f"Change {min(2, changes)} of {changes}"
    visit.shot("next-change")
    page.keyboard.press("p")
    page.keyboard.press("p")
    assert _status(page) == f"Change {changes if changes > 1 else 1} of {changes}"

    # only the changes
    page.check("#only-changes")
    unchanged = page.locator("section.row:not(.changed)")
    if unchanged.count():
        assert not unchanged.first.is_visible()
    assert changed.first.is_visible()
    page.evaluate("window.scrollTo(0, 0)")
    visit.shot("only-changes")
    page.uncheck("#only-changes")

    # the filter box; typing keys into it does not move between changes
    page.fill("#filter", word)
    matched = rows.evaluate_all(
        "rs => rs.filter(r => !r.classList.contains('filtered-out')).length"
    )
    assert 0 < matched < total
    assert _status(page) == f"{matched} of {total} clauses match"
    first_hit = page.locator("section.row:not(.filtered-out)").first
    assert word.lower() in first_hit.inner_text().lower()
    assert first_hit.is_visible()  # opened, even inside a collapsed run
    first_hit.scroll_into_view_if_needed()
    visit.shot("filtered")
    page.fill("#filter", "")
    assert page.locator("section.row.filtered-out").count() == 0

    visit.assert_clean()


def _exercise_collapsed_and_print(visit: Visit, path: Path) -> None:
    page = _open(visit, path)
    run = page.locator("details.run").first
    hidden_row = run.locator("section.row").first
    anchor = hidden_row.get_attribute("id")
    assert anchor and not hidden_row.is_visible()
    # a link to a clause inside a collapsed run opens the run
    page.goto(path.as_uri() + "#" + anchor)
    page.wait_for_function(f"document.getElementById({anchor!r}).closest('details').open")
    assert page.locator(f"[id='{anchor}']").is_visible()
    # print expands everything and drops the toolbar
    page.goto(path.as_uri())
    page.check("#only-changes")
    page.emulate_media(media="print")
    assert page.locator("details.run section.row").first.is_visible()
    assert page.locator("section.row:not(.changed)").first.is_visible()
    assert not page.locator("form.toolbar").is_visible()
    visit.shot("print", full_page=False)
    page.emulate_media(media="screen")
    visit.assert_clean()


def _dark(visit: Visit, path: Path) -> None:
    visit.page.emulate_media(color_scheme="dark")
    page = _open(visit, path)
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(22, 22, 22)"
    changed = page.locator("section.row.changed").first
    changed.scroll_into_view_if_needed()
    visit.shot("dark")
    visit.assert_clean()


# --- synthetic and supplied texts --------------------------------------------------------


@pytest.fixture()
def sample_html(tmp_path: Path) -> Path:
    path = tmp_path / "sample.html"
    path.write_text(render_comparison(SAMPLE, "html"), encoding="utf-8")
    return path


def test_sample_report(visit: Visit, sample_html: Path) -> None:
    _exercise_report(visit, sample_html, "boats")


def test_sample_moved_link_and_marker(visit: Visit, sample_html: Path) -> None:
    page = _open(visit, sample_html)
    page.click("#art_2__para_1 a.moved-link")
    marker = page.locator("[id='moved-from-art_2__para_1']")
    assert marker.is_visible()  # its collapsed run opened
    assert page.evaluate("location.hash") == "#moved-from-art_2__para_1"
    marker.locator("a").click()
    assert page.evaluate("location.hash") == "#art_2__para_1"
    visit.shot("moved")
    visit.assert_clean()


def test_sample_collapsed_runs_and_print(visit: Visit, sample_html: Path) -> None:
    _exercise_collapsed_and_print(visit, sample_html)


def test_sample_dark_mode(visit: Visit, sample_html: Path) -> None:
    _dark(visit, sample_html)


def test_assets_variant_under_its_policy(visit: Visit, tmp_path: Path) -> None:
    page_path = tmp_path / "site" / "report.html"
    write_pages(tmp_path / "site" / "static", asset_files())
    assets = Assets.in_folder(tmp_path / "site" / "static", page_path)
    html = render_comparison(SAMPLE, "html", assets=assets)
    page_path.write_text(html, encoding="utf-8")
    page = _open(visit, page_path)
    # the stylesheet applied and the script ran, under style-src/script-src 'self'
    assert page.evaluate("getComputedStyle(document.querySelector('.row')).borderLeftWidth") == (
        "6px"
    )
    assert page.locator("#filter").is_visible()
    visit.shot("assets")
    visit.assert_clean()


def test_example_report_opens_straight_away(visit: Visit) -> None:
    """The committed example, as a new user opens it."""
    _exercise_report(visit, EXAMPLES / "opsc-preamble-report.html", "Vienna")


# --- the real reports of the issue ------------------------------------------------------


def _compare_html(corpus: Path, tmp_path: Path, left: str, right: str, name: str) -> Path:
    target = tmp_path / f"{name}.html"
    for fmt, path in (("html", target), ("md", tmp_path / f"{name}.md")):
        args = ["compare", str(corpus / left), str(corpus / right), "--format", fmt]
        result = CliRunner().invoke(main, [*args, "-o", str(path)])
        assert result.exit_code == 1, result.output
    return target


def test_opsc_against_opac(visit: Visit, corpus: Path, tmp_path: Path) -> None:
    path = _compare_html(
        corpus,
        tmp_path,
        "laws-markdown/opsc/2012-10-31.md",
        "laws-markdown/opac/2013-09-12.md",
        "opsc-opac",
    )
    _exercise_report(visit, path, "Secretary-General")
    # Every paired clause of the two protocols is renumbered (a change since issue 9), so
    # this report folds no run of unchanged clauses: the two wordings below do.
    _dark(visit, path)


def test_opsc_two_wordings(visit: Visit, corpus: Path, tmp_path: Path) -> None:
    path = _compare_html(
        corpus,
        tmp_path,
        "laws-markdown/opsc/2012-10-31.md",
        "lszoszk-generalcomments/crc-opsc.json",
        "opsc-wordings",
    )
    _exercise_report(visit, path, "jurisdiction")
    _exercise_collapsed_and_print(visit, path)
    page = visit.page
    page.goto(path.as_uri())
    page.check("#view-inline")
    page.check("#only-changes")
    page.evaluate("window.scrollTo(0, 0)")
    visit.shot("wordings-inline-changes", full_page=False)
    visit.assert_clean()


def test_synopsis_of_eight(visit: Visit, corpus: Path, tmp_path: Path) -> None:
    from test_report_synopsis import FAMILY

    page_path = tmp_path / "synopsis" / "index.html"
    pairs = tmp_path / "synopsis" / "pairs"
    args = ["synopsis", *(str(corpus / f) for f in FAMILY), "-o", str(page_path)]
    result = CliRunner().invoke(main, [*args, "--pairs-dir", str(pairs)])
    assert result.exit_code == 0, result.output
    page = _open(visit, page_path)
    visit.shot("synopsis-top")
    heatmap = page.locator("svg.heatmap")
    assert heatmap.is_visible()
    heatmap.screenshot(path=str(visit.shots / "heatmap.png"))
    box = heatmap.bounding_box()
    assert box is not None and box["width"] > 400
    # the lineage filter
    rows = page.locator("tr[data-item]")
    page.fill("#filter", "child pornography")
    visible = rows.evaluate_all(
        "rs => rs.filter(r => !r.classList.contains('filtered-out')).length"
    )
    assert 0 < visible < rows.count()
    page.locator("tr[id='art_2__point_c']").scroll_into_view_if_needed()
    visit.shot("lineage-filtered")
    page.fill("#filter", "")
    # a lineage link opens the pairwise report at the clause
    page.locator("tr[id='art_13__para_1'] a[href*='opac']").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("opsc_2012-10-31--opac_2013-09-12.html#art_13__para_1")
    assert page.locator("[id='art_13__para_1']").is_visible()
    visit.shot("pair-from-lineage")
    visit.assert_clean()


def test_published_site(visit: Visit, corpus: Path, tmp_path: Path) -> None:
    from test_report_synopsis import _family_config

    site = tmp_path / "site"
    config = _family_config(corpus, tmp_path)
    assert CliRunner().invoke(main, ["publish", str(config), "-o", str(site)]).exit_code == 0
    page = _open(visit, site / "index.html")
    visit.shot("site-index")
    links = page.locator("main a")
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert len(hrefs) == 10
    for href in hrefs:
        assert href
        _open(visit, site / href)
        assert page.locator("h1").is_visible()
        if "--" in href:
            assert page.locator("#filter").is_visible()
    visit.assert_clean()


# --- phone, print, citations, change list, synopsis links (issue 13) --------------------

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1400, "height": 900}


@pytest.fixture()
def sized(browser: Browser, tmp_path: Path) -> Iterator[Callable[[dict[str, int]], Visit]]:
    """Visits at a given viewport size, each checked for console errors and requests."""
    contexts = []

    def make(size: dict[str, int]) -> Visit:
        context = browser.new_context(viewport=size)
        contexts.append(context)
        page = context.new_page()
        shots = tmp_path / "screenshots"
        shots.mkdir(exist_ok=True)
        made = Visit(page, shots)
        page.on("console", lambda m: made.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: made.errors.append(f"pageerror: {error}"))
        return made

    yield make
    for context in contexts:
        context.close()
    print(f"screenshots: {tmp_path / 'screenshots'}")


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.evaluate("document.documentElement.clientWidth")


def _below_sticky(page: Page, selector: str) -> None:
    """The element is in view, and nothing that sticks to the top covers it."""
    top = page.locator(selector).bounding_box()
    assert top is not None
    covered = page.evaluate(
        """() => Math.max(0, ...[...document.querySelectorAll('.toolbar, table.sticky-head thead')]
             .filter(e => ['sticky', 'fixed'].includes(getComputedStyle(e).position)
                          || getComputedStyle(e.querySelector('th') || e).position === 'sticky')
             .map(e => e.getBoundingClientRect().bottom))"""
    )
    assert covered - 1 <= top["y"] < page.viewport_size["height"] - 20  # type: ignore[index]


@pytest.fixture()
def opsc_opac_labelled(corpus: Path, tmp_path: Path) -> Path:
    target = tmp_path / "opsc-opac.html"
    args = [
        "compare",
        str(corpus / "laws-markdown/opsc/2012-10-31.md"),
        str(corpus / "laws-markdown/opac/2013-09-12.md"),
        "--format",
        "html",
        "--left-label",
        "Draft A",
        "--right-label",
        "Draft B",
        "-o",
        str(target),
    ]
    assert CliRunner().invoke(main, args).exit_code == 1
    return target


def test_stacked_sides_are_named_on_a_phone(
    sized: Callable[[dict[str, int]], Visit], opsc_opac_labelled: Path
) -> None:
    visit = sized(PHONE)
    page = _open(visit, opsc_opac_labelled, "#art_12__para_1")
    _no_sideways_scroll(page)
    row = page.locator("[id='art_12__para_1']")
    names = row.locator(".side-name")
    assert names.nth(0).is_visible() and names.nth(1).is_visible()
    assert names.all_inner_texts() == ["Left \N{EM DASH} Draft A:", "Right \N{EM DASH} Draft B:"]
    _below_sticky(page, "[id='art_12__para_1']")
    visit.shot("phone-stacked")
    page.evaluate("window.scrollTo(0, 0)")
    page.locator("details.change-list > summary").click()
    _no_sideways_scroll(page)
    visit.shot("phone-top")
    visit.assert_clean()


def test_side_by_side_on_a_desktop_names_the_columns(
    sized: Callable[[dict[str, int]], Visit], opsc_opac_labelled: Path
) -> None:
    visit = sized(DESKTOP)
    page = _open(visit, opsc_opac_labelled, "#art_12__para_1")
    row = page.locator("[id='art_12__para_1']")
    # said to screen readers, off the screen: the column heads name the sides
    off = row.locator(".side-name").first.bounding_box()
    assert off is not None and off["x"] + off["width"] < 0
    assert page.locator(".colheads").inner_text().split("\n") == [
        "Left: Draft A",
        "Right: Draft B",
    ]
    _below_sticky(page, "[id='art_12__para_1']")
    visit.shot("desktop-anchor")
    visit.assert_clean()


def test_print_names_every_block_and_keeps_two_columns(
    sized: Callable[[dict[str, int]], Visit], opsc_opac_labelled: Path
) -> None:
    visit = sized({"width": 794, "height": 1123})  # an A4 page at 96 dpi
    page = _open(visit, opsc_opac_labelled)
    page.emulate_media(media="print")
    row = page.locator("[id='art_12__para_1']")
    assert row.locator(".side-name").nth(0).is_visible()
    left, right = (row.locator(".side").nth(n).bounding_box() for n in (0, 1))
    assert left and right and right["x"] > left["x"] + left["width"] - 1  # side by side
    assert not page.locator("form.toolbar").is_visible()
    row.scroll_into_view_if_needed()
    visit.shot("print-a4")
    page.set_viewport_size({"width": 500, "height": 900})  # a page too narrow for two
    left, right = (row.locator(".side").nth(n).bounding_box() for n in (0, 1))
    assert left and right and right["y"] >= left["y"] + left["height"] - 1  # stacked
    row.scroll_into_view_if_needed()
    visit.shot("print-narrow")
    visit.assert_clean()


def _visible_cites(page: Page) -> list[str]:
    return page.locator("section.row:not(.filtered-out)").evaluate_all(
        "rows => rows.map(r => r.getAttribute('data-cite'))"
    )


def test_the_filter_reads_citations_and_words(
    sized: Callable[[dict[str, int]], Visit], corpus: Path, tmp_path: Path
) -> None:
    """The CRC has 54 articles: "article 3" must find article 3 only, not 30 to 39."""
    path = _compare_html(
        corpus, tmp_path, "laws-markdown/crc/2013-04-15.md", "raisely-noharm/CRC.md", "crc"
    )
    visit = sized(DESKTOP)
    page = _open(visit, path)
    page.fill("#filter", "article 3")
    cites = _visible_cites(page)
    assert cites, "article 3 has clauses"
    for cite in cites:
        labels = cite.split("|")
        assert any(re.fullmatch(r"article 3(, .*)?", label) for label in labels), cite
        assert not any(re.match(r"article 3\d", label) for label in labels), cite
    assert "(citation article 3)" in _status(page)
    page.fill("#filter", "art. 3(2)")
    assert _visible_cites(page) and all(
        any(label.startswith("article 3, paragraph 2") for label in cite.split("|"))
        for cite in _visible_cites(page)
    )
    page.locator("section.row:not(.filtered-out)").first.scroll_into_view_if_needed()
    visit.shot("filter-citation")
    # statuses and words at the start of a word: "moved" is not "removed"
    page.fill("#filter", "removed")
    removed = page.locator("section.row:not(.filtered-out)").count()
    page.fill("#filter", "moved")
    texts = page.locator("section.row:not(.filtered-out)").all_inner_texts()
    assert len(texts) < removed or removed == 0
    for text in texts:
        assert re.search(r"(?<![\w])moved", text, re.IGNORECASE), text
    visit.assert_clean()


def test_the_change_list_filters_by_kind_and_flag(
    sized: Callable[[dict[str, int]], Visit], opsc_opac_labelled: Path
) -> None:
    visit = sized(DESKTOP)
    page = _open(visit, opsc_opac_labelled)
    page.locator("details.change-list > summary").click()
    items = page.locator("table.changes tbody tr")
    total = items.count()
    assert total == page.locator("section.row.changed").count()
    page.select_option("#change-flag", "modal")
    shown = page.locator("table.changes tbody tr:not([hidden])")
    modal = page.locator("section.row.changed .tag", has_text="modal").count()
    assert 0 < shown.count() == modal < total
    for flags in shown.evaluate_all("rs => rs.map(r => r.getAttribute('data-flags'))"):
        assert "modal" in flags.split()
    assert page.locator("#change-count").inner_text() == f"{modal} of {total} changes"
    visit.shot("change-list-modal")
    page.select_option("#change-flag", "")
    page.select_option("#change-kind", "removed")
    kinds = page.locator("table.changes tbody tr:not([hidden])").evaluate_all(
        "rs => rs.map(r => r.getAttribute('data-kind'))"
    )
    assert kinds and set(kinds) == {"removed"}
    # a click jumps to the change, below the sticky toolbar
    link = page.locator("table.changes tbody tr:not([hidden]) a").nth(3)
    target = (link.get_attribute("href") or "")[1:]
    link.click()
    _below_sticky(page, f"[id='{target}']")
    visit.shot("change-list-jump")
    visit.assert_clean()


@pytest.fixture()
def synopsis_pages(corpus: Path, tmp_path: Path) -> Path:
    from test_report_synopsis import FAMILY

    page_path = tmp_path / "synopsis" / "index.html"
    pairs = tmp_path / "synopsis" / "pairs"
    args = ["synopsis", *(str(corpus / f) for f in FAMILY), "-o", str(page_path)]
    result = CliRunner().invoke(main, [*args, "--pairs-dir", str(pairs)])
    assert result.exit_code == 0, result.output
    return page_path


def test_synopsis_links_land_visible(
    sized: Callable[[dict[str, int]], Visit], synopsis_pages: Path
) -> None:
    visit = sized(DESKTOP)
    page = _open(visit, synopsis_pages, "#art_9__para_1")
    _below_sticky(page, "tr[id='art_9__para_1']")
    visit.shot("synopsis-anchor")
    # the column heads stick under the toolbar while the rows scroll
    page.evaluate("window.scrollBy(0, 600)")
    head = page.locator("table.sticky-head thead th").first.bounding_box()
    bar = page.locator("form.toolbar").bounding_box()
    assert head and bar and 0 <= head["y"] <= bar["y"] + bar["height"] + 1
    visit.shot("synopsis-sticky-heads")
    # a counterpart shows its first words
    words = page.locator("tr[id='art_13__para_1'] td .cp-text").all_inner_texts()
    assert words and all(text.strip() for text in words)
    # a lineage link opens the pairwise report with the row in view
    page.locator("tr[id='art_13__para_1'] a[href*='opac']").click()
    page.wait_for_load_state("load")
    _below_sticky(page, "[id='art_13__para_1']")
    visit.shot("synopsis-to-pair")
    # a heat-map cell opens the pairwise report
    page.go_back()
    page.wait_for_load_state("load")
    cell_link = page.locator("svg.heatmap a").first
    href = cell_link.get_attribute("href")
    assert href and href.endswith(".html")
    cell_link.click()
    page.wait_for_load_state("load")
    assert page.url.endswith(href.split("/")[-1])
    visit.assert_clean()


def test_synopsis_on_a_phone_has_no_sideways_scroll(
    sized: Callable[[dict[str, int]], Visit], synopsis_pages: Path
) -> None:
    visit = sized(PHONE)
    page = _open(visit, synopsis_pages)
    _no_sideways_scroll(page)
    visit.shot("synopsis-phone-top")
    page.goto(synopsis_pages.as_uri() + "#art_13__para_1")
    page.wait_for_load_state("load")
    _no_sideways_scroll(page)
    row = page.locator("tr[id='art_13__para_1']")
    labels = row.locator("td").evaluate_all(
        "cs => cs.map(c => getComputedStyle(c, '::before').content)"
    )
    assert any("opac" in label for label in labels)  # each counterpart names its instrument
    visit.shot("synopsis-phone-row")
    visit.assert_clean()
