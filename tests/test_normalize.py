"""Normalization properties: the comparison key folds form, never wording."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.normalize import comparison_key, display_text

# Text with the characters typesetting plays with: quotes, dashes, ligatures, soft
# hyphens, no-break and zero-width spaces, combining marks.
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("abcAB ,.;:()-\"'\n\t")
        + ["\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\ufb01", "\ufb02"]
        + ["\u00ad", "\u00a0", "\u200b", "\u0301", "\u00e9", "\ufeff", "\u2212", "\u00bd"]
    ),
    max_size=60,
)


@settings(max_examples=400)
@given(st.one_of(st.text(max_size=60), _TRICKY))
def test_comparison_key_is_idempotent(text: str) -> None:
    key = comparison_key(text)
    assert comparison_key(key) == key


@settings(max_examples=200)
@given(st.one_of(st.text(max_size=60), _TRICKY))
def test_display_text_is_idempotent_and_folds_only_whitespace(text: str) -> None:
    shown = display_text(text)
    assert display_text(shown) == shown
    assert "".join(shown.split()) == "".join(unicodedata.normalize("NFC", text).split())


def test_key_folds_typesetting() -> None:
    plain = 'the "Secretary-General" of the co-operation - five (5) offices'
    typeset = (
        "the \u201cSecretary\u2010 General\u201d of the co\u00adoperation \u2013 "
        "\ufb01ve ( 5 ) o\ufb03ces"
    )
    # Curly quotes, a hyphen left by a line break, a soft hyphen, an en dash, the "fi" and
    # "ffi" ligatures and spaces inside brackets: the typeset text has the plain one's key.
    assert comparison_key(typeset) == comparison_key(plain)
    # ... and a word changed in it still shows.
    assert comparison_key(typeset.replace("\ufb01ve", "six")) != comparison_key(plain)


def test_key_keeps_wording() -> None:
    assert comparison_key("States Parties shall") != comparison_key("States Parties may")
    assert comparison_key("he or she can ho longer") != comparison_key("he or she can no longer")
    assert comparison_key("three months") != comparison_key("six months")
    assert comparison_key("State Party") != comparison_key("state party")


def test_display_text_keeps_the_source_characters() -> None:
    raw = "  \u201cChild\u201d\u00a0pornography \ufb01nal\n  text\u00ad "
    assert display_text(raw) == "\u201cChild\u201d pornography \ufb01nal text\u00ad"
