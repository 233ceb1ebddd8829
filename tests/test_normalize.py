"""Normalization properties: the comparison key folds form, never wording."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.normalize import comparison_key, display_text, scored_words

# Text with the characters typesetting plays with: quotes, dashes, ligatures, soft
# hyphens, no-break and zero-width spaces, combining marks.
_TRICKY = st.text(
    alphabet=st.sampled_from(
        list("abcAB ,.;:()-\"'\n\t")
        + ["\u2018", "\u2019", "\u201c", "\u201d", "\u2013", "\u2014", "\ufb01", "\ufb02"]
        + ["\u00ad", "\u00a0", "\u200b", "\u0301", "\u00e9", "\ufeff", "\u2212", "\u00bd"]
        + ["1", "2", "\u00b9", "\u2076", "\u207b", "\u2082", "\u2153", "\u2044"]
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
    plain = 'the "Secretary-General" of the cooperation - five (5) offices'
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


@pytest.mark.parametrize(
    ("raised", "flat"),
    [
        ("10\u2076 tonnes", "106 tonnes"),
        ("10\u00b2 km", "102 km"),
        ("10\u207b\u2076 grams", "10-6 grams"),
        ("article 3\u00b9", "article 31"),
        ("1\u00bd per cent", "11\u20442 per cent"),
        ("H\u2082O at 4\u2082", "H2O at 42"),
    ],
)
def test_key_keeps_a_raised_number_or_fraction_apart_from_the_digits_before_it(
    raised: str, flat: str
) -> None:
    # NFKC would fold "10\u2076" (a million) into "106": a number change, never form.
    assert comparison_key(raised) != comparison_key(flat)


@pytest.mark.parametrize(
    ("typeset", "plain"),
    [
        ("10\u2076 tonnes", "10^6 tonnes"),  # an exponent as a PDF or ASCII text writes it
        ("1\u00bd per cent", "1 \u00bd per cent"),
        ("5 km\u00b2 of CO\u2082", "5 km2 of CO2"),  # after a letter: typesetting only
        ("\ufb01ne\u00a0of \uff15 euros", "fine of 5 euros"),
    ],
)
def test_key_folds_raised_characters_where_no_number_changes(typeset: str, plain: str) -> None:
    assert comparison_key(typeset) == comparison_key(plain)


def test_display_text_keeps_the_source_characters() -> None:
    raw = "  \u201cChild\u201d\u00a0pornography \ufb01nal\n  text\u00ad "
    assert display_text(raw) == "\u201cChild\u201d pornography \ufb01nal text\u00ad"


@pytest.mark.parametrize("hyphen", "-\u2010\u2011\u2012\u2013\u2014\u2212\uff0d")
def test_key_keeps_a_hyphen_inside_a_word_and_folds_its_code_point(hyphen: str) -> None:
    # "re-sign" and "resign" are two words: the key keeps the hyphen (issue 9: a
    # hyphenation variant is spelling, never formatting), whatever dash prints it.
    assert comparison_key(f"may re{hyphen}sign it") == "may re-sign it"
    assert comparison_key("may re-sign it") != comparison_key("may resign it")
    assert comparison_key("co-operation") != comparison_key("cooperation")
    # The soft hyphen is a hyphenation point only: no hyphen.
    assert comparison_key("co\u00adoperation") == comparison_key("cooperation")


def test_scored_words_join_a_hyphenated_word() -> None:
    # Alignment scores a hyphenation variant as the same word.
    assert scored_words(comparison_key("the co-operation of")) == ["the", "cooperation", "of"]
    assert scored_words(comparison_key("articles 1-3")) == ["articles", "1", "3"]
