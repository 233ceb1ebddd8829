"""What of a web page is text of the instrument and what page furniture, on small
invented pages: copyright notices, page headers, footers and asides, hidden text, note
calls, tracked changes and list numbers; and that whatever is left out is reported
(``Document.dropped``, the instrument's "left out" guesses, ``show --explain``).
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from treatydiff.cli import main
from treatydiff.formats import load_bytes, read_layout
from treatydiff.formats.options import ReadOptions
from treatydiff.model import Instrument


def _page(body: str) -> bytes:
    return f"<html><body>\n{body}\n</body></html>".encode()


def _texts(instrument: Instrument) -> list[str]:
    return [leaf.clause.text for leaf in instrument.leaves]


def _read(body: str, **kwargs: object) -> Instrument:
    return load_bytes(_page(body), source="page.html", **kwargs)  # type: ignore[arg-type]


def _left_out(body: str, **kwargs: object) -> list[tuple[str, str]]:
    layout = read_layout(_page(body), fmt="html", **kwargs)  # type: ignore[arg-type]
    return [(d.reason, d.text) for d in layout.dropped]


# -- copyright notices -----------------------------------------------------------------


def test_words_that_open_like_a_notice_are_text() -> None:
    read = _read(
        "<h1>Agreement on Works</h1><h2>Article 1</h2>"
        "<p>Copyright shall last for the life of the maker.</p>"
        "<h2>Article 2</h2><p>This Agreement applies to:</p>"
        "<p>(a) 1931 Accord on Prints;</p><p>(b) 1948 Accord on Films;</p>"
        "<p>(c) 1952 Accord on Records;</p>"
    )
    assert [leaf.clause.eid for leaf in read.leaves][-3:] == [
        "art_2__point_a", "art_2__point_b", "art_2__point_c",
    ]  # fmt: skip
    assert _texts(read)[1] == "Copyright shall last for the life of the maker."
    assert _texts(read)[-1] == "1952 Accord on Records;"


def test_a_container_opening_like_a_notice_keeps_its_text() -> None:
    section = _read(
        "<h1>Agreement on Works</h1><section><p>Copyright protection needs no formality.</p>"
        "<p>Each Party shall protect works of other Parties.</p></section>"
        "<h2>Article 2</h2><p>Each Party shall report yearly.</p>"
    )
    assert "Copyright protection needs no formality." in _texts(section)
    assert "Each Party shall protect works of other Parties." in _texts(section)
    wrapper = _page(
        '<div class="text">Copyright 2003 Example Secretariat. All rights reserved.'
        "<h1>Agreement on Lakes</h1><h2>Article 1</h2><p>Each Party shall keep lakes clean.</p>"
        "<h2>Article 2</h2><p>Each Party shall report yearly.</p></div>"
    )
    read = load_bytes(wrapper, source="page.html")
    assert read.title == "Agreement on Lakes"
    assert _texts(read)[1:] == [
        "Each Party shall keep lakes clean.",
        "Each Party shall report yearly.",
    ]
    dropped = read_layout(wrapper, fmt="html").dropped
    assert [(d.reason, d.text, d.line) for d in dropped] == [
        ("boilerplate", "Copyright 2003 Example Secretariat. All rights reserved.", 2)
    ]


def test_a_notice_at_the_end_of_the_page_is_left_out_whole_and_reported() -> None:
    body = (
        "<h1>Agreement on Lakes</h1><h2>Article 1</h2><p>Each Party shall keep lakes clean.</p>"
        "<p>\u00a9 Example Secretariat</p>\n"
        '<p align="center">Copyright (c) 2003<br>\nExample Secretariat</p>'
    )
    assert _texts(_read(body))[1:] == ["Each Party shall keep lakes clean."]
    assert _left_out(body) == [
        ("boilerplate", "\u00a9 Example Secretariat"),
        ("boilerplate", "Copyright (c) 2003"),
        ("boilerplate", "Example Secretariat"),
    ]
    # Amid the text, a notice-like line is text: nothing is left out in the middle.
    middle = body.replace(
        "</p><p>\u00a9",
        "</p><p>\u00a9 2003 held by Parties.</p><p>Each Party shall act.</p><p>\u00a9",
    )
    assert "\u00a9 2003 held by Parties." in _texts(_read(middle))


# -- page headers, footers, asides -------------------------------------------------------


def test_header_and_footer_that_hold_the_instrument_are_read() -> None:
    read = _read(
        "<header><h1>Agreement on Ponds</h1><p>The Parties to this Agreement,</p>"
        "<p>Considering that ponds shall not be drained,</p><p>Have agreed as follows:</p>"
        "</header><h2>Article 1</h2><p>Each Party shall protect ponds.</p>"
        "<footer><p>Done at Lyon, in two originals, both texts being equally authentic.</p>"
        "</footer>"
    )
    assert read.title == "Agreement on Ponds"
    assert "Considering that ponds shall not be drained," in _texts(read)
    testimonium = read.leaves[-1].clause
    assert testimonium.kind == "testimonium" and testimonium.text.startswith("Done at Lyon")


def test_a_title_header_and_testimonium_footer_outside_main_are_read() -> None:
    # A page that marks <main> and sets the instrument's title and testimonium around it:
    # the title is a heading that names an instrument, the testimonium a sentence.
    read = _read(
        "<header><h1>Agreement on Ponds</h1></header><main><p>The Parties to this "
        "Agreement,</p><p>Have agreed as follows:</p><h2>Article 1</h2><p>Each Party shall "
        "protect ponds.</p></main><footer><p>Done at Lyon, in two originals, both texts "
        'being equally authentic.</p><p><a href="/terms">Terms of use</a></p></footer>'
    )
    assert read.title == "Agreement on Ponds"
    assert read.leaves[-1].clause.text.startswith("Done at Lyon")
    assert "Terms of use" not in " ".join(_texts(read))


def test_site_header_footer_aside_and_menus_are_left_out_and_reported() -> None:
    body = (
        '<header><a href="/">Example Treaties</a> <a href="/search">Search</a></header>'
        '<aside><a href="#a1">Article 1</a><br><a href="#a2">Article 2</a></aside>'
        "<h1>Agreement on Ponds</h1><h2>Article 1</h2><p>Each Party shall protect ponds.</p>"
        "<h2>Article 2</h2><p>Each Party shall report yearly.</p>"
        '<footer><a href="/contact">Contact us</a> | <a href="/terms">Terms of use</a></footer>'
    )
    assert _texts(_read(body)) == [
        "Agreement on Ponds", "Each Party shall protect ponds.", "Each Party shall report yearly.",
    ]  # fmt: skip
    assert _left_out(body) == [
        ("navigation", "Example Treaties Search"),
        ("boilerplate", "Article 1"),
        ("boilerplate", "Article 2"),
        ("footer", "Contact us | Terms of use"),
    ]


# -- hidden text -----------------------------------------------------------------------


def test_text_shown_on_a_desktop_screen_is_read() -> None:
    read = _read(
        "<h1>Agreement on Bins</h1><h2>Article 1</h2>"
        '<div class="d-none d-md-block"><p>Each Party shall not burn waste.</p></div>'
        '<h2>Article 2</h2><div class="hidden lg:block"><p>Each Party shall sort waste.</p></div>'
        "<h2>Article 3</h2>"
        '<p>Each Party shall <span aria-hidden="true">never</span> bury waste.</p>'
    )
    assert _texts(read)[1:] == [
        "Each Party shall not burn waste.",
        "Each Party shall sort waste.",
        "Each Party shall never bury waste.",
    ]


def test_collapsed_sections_are_read_hidden_menus_and_banners_left_out() -> None:
    body = (
        '<ul style="display:none"><li><a href="/a">Home</a></li>'
        '<li><a href="/b">News</a></li></ul><div class="cookie-banner">'
        "<p>This site uses cookies to count its visitors, as set out.</p></div>"
        "<h1>Agreement on Bins</h1><h2>Article 1</h2>"
        '<div class="panel" style="display: none">'
        "<p>Each Party shall report within ninety days.</p></div>"
    )
    assert _texts(_read(body))[1:] == ["Each Party shall report within ninety days."]
    assert sorted(_left_out(body)) == [
        ("boilerplate", "This site uses cookies to count its visitors, as set out."),
        ("hidden", "\u2022 Home"),
        ("hidden", "\u2022 News"),
    ]


def test_the_hidden_view_of_a_language_switch_stays_hidden() -> None:
    body = (
        "<h1>Agreement on Bins</h1><h2>Article 1</h2>"
        "<div><p>Each Party shall sort the waste of its towns.</p></div>"
        '<div style="display:none"><p>Chaque Partie trie les d\u00e9chets de ses villes.</p></div>'
    )
    assert _texts(_read(body))[1:] == ["Each Party shall sort the waste of its towns."]
    assert _left_out(body) == [("hidden", "Chaque Partie trie les d\u00e9chets de ses villes.")]


def test_hidden_words_inside_a_sentence_leave_it_one_clause() -> None:
    body = (
        "<h1>Agreement on Bins</h1><h2>Article 1</h2>"
        '<p>Each Party shall <span style="display:none">secretly</span> sort waste'
        '<span class="sr-only"> (opens a new window)</span> and <button>Copy</button> report.</p>'
    )
    assert _texts(_read(body))[1:] == ["Each Party shall sort waste and report."]
    assert _left_out(body) == [
        ("hidden", "secretly"),
        ("hidden", "(opens a new window)"),
        ("boilerplate", "Copy"),
    ]


def test_fallback_content_is_left_out_and_reported() -> None:
    body = (
        "<h1>Agreement on Bins</h1><h2>Article 1</h2><p>Each Party shall sort waste.</p>"
        "<noscript><p>Turn on scripts.</p></noscript><template><p>Row</p></template>"
        '<object data="map.pdf">Map of the zone</object>'
    )
    assert _texts(_read(body))[1:] == ["Each Party shall sort waste."]
    assert _left_out(body) == [
        ("hidden", "Turn on scripts."),
        ("hidden", "Row"),
        ("hidden", "Map of the zone"),
    ]


# -- note calls, exponents, tracked changes, list numbers -------------------------------


def test_note_calls_are_kept_out_of_the_words_and_exponents_raised() -> None:
    body = (
        "<h1>Agreement on Fish</h1><h2>Article 1</h2>"
        "<p>Each Party shall protect stocks<sup>1</sup> at sea.</p>"
        "<h2>Article 2</h2><p>The catch shall not pass 10<sup>6</sup> tonnes from the "
        '1<sup>st</sup> year, as noted<a href="#n2"><sup>2</sup></a>.</p>'
    )
    assert _texts(_read(body))[1:] == [
        "Each Party shall protect stocks at sea.",
        "The catch shall not pass 10\u2076 tonnes from the 1st year, as noted.",
    ]
    assert _left_out(body) == [("note call", "1"), ("note call", "2")]


def test_del_and_ins_are_read_as_tracked_changes() -> None:
    body = (
        "<h1>Agreement on Fish</h1><h2>Article 1</h2>"
        "<p>Each Party shall <del>never</del> <ins>always</ins> report catches.</p>"
    )
    assert _texts(_read(body))[1:] == ["Each Party shall always report catches."]
    assert _left_out(body) == [("revision", "never")]
    original = ReadOptions(docx_revisions="original")
    assert _texts(_read(body, options=original))[1:] == ["Each Party shall never report catches."]
    assert _left_out(body, options=original) == [("revision", "always")]


def test_list_numbers_open_items_after_words_that_cite_one() -> None:
    read = _read(
        "<h1>Agreement on Fish</h1><h2>Article 2</h2>"
        '<ol start="3"><li>The Board shall act under this article</li>'
        "<li>The Board shall report.</li></ol>"
    )
    paragraphs = [(leaf.clause.num, leaf.clause.text) for leaf in read.leaves][1:]
    assert paragraphs == [
        ("3", "The Board shall act under this article"),
        ("4", "The Board shall report."),
    ]


# -- reporting ---------------------------------------------------------------------------


def test_left_out_text_is_a_guess_shown_by_explain_and_in_json(tmp_path: Path) -> None:
    page = _page(
        "<h1>Agreement on Fish</h1><h2>Article 1</h2>\n<p>Each Party shall report.</p>\n"
        "<footer>Contact us</footer>"
    )
    read = load_bytes(page, source="page.html")
    assert [(g.kind, g.line, g.text) for g in read.guesses] == [("left out", 4, "Contact us")]
    path = tmp_path / "page.html"
    path.write_bytes(page)
    runner = CliRunner()
    shown = runner.invoke(main, ["show", str(path), "--explain", "--no-cache"])
    assert "line 4: left out: 'Contact us' - the page's footer" in shown.output
    as_json = runner.invoke(main, ["show", str(path), "--format", "json", "--no-cache"])
    assert json.loads(as_json.output)["warnings"] == [
        {"kind": "left out", "line": 4, "text": "Contact us", "detail": "the page's footer"}
    ]


def test_an_accordion_button_heads_its_collapsed_section() -> None:
    # WAI-ARIA's disclosure pattern: the button that opens a collapsed article is the
    # article's heading; a short numbered item hidden with its section is text too.
    read = _read(
        "<main><h2>Article 1</h2><p>The Committee shall meet annually.</p>"
        '<button aria-expanded="false" aria-controls="a2">Article 2</button>'
        '<div id="a2" hidden><p>1. Each Party shall pay.</p><p>2. Arrears bear interest.</p>'
        "</div><button>Print this page</button></main>"
    )
    texts = {leaf.clause.eid: leaf.clause.text for leaf in read.leaves}
    assert texts["art_2__para_1"] == "Each Party shall pay."
    assert texts["art_2__para_2"] == "Arrears bear interest."
    assert "Print this page" not in texts.values()
