"""The language registry and the word lists of its languages."""

from __future__ import annotations

from itertools import permutations

import pytest

from treatydiff import lang
from treatydiff.errors import LanguageError, TreatydiffError


def test_the_registry_lists_the_language_modules() -> None:
    assert lang.LANGUAGES == ("en", "es", "fr", "nl")
    assert [language.code for language in lang.every()] == list(lang.LANGUAGES)
    assert lang.get("nl").article_words[0] == "Artikel"


@pytest.mark.parametrize("code", ["de", "EN", "", "every", "__init__"])
def test_an_unknown_language_is_a_project_error(code: str) -> None:
    with pytest.raises(LanguageError, match="unknown language") as raised:
        lang.get(code)
    assert isinstance(raised.value, TreatydiffError)
    assert "en, es, fr, nl" in str(raised.value)


def _flags(language: lang.Language) -> dict[str, str]:
    """Each word the language counts for a flag, with the flag."""
    words = {w: "modal" for w in language.modal_verbs}
    words.update(dict.fromkeys(language.negations, "negation"))
    words.update(dict.fromkeys([*language.number_words, *language.periods], "number"))
    return words


@pytest.mark.parametrize(("one", "other"), list(permutations(lang.LANGUAGES, 2)))
def test_flag_words_mean_the_same_in_every_language(one: str, other: str) -> None:
    """Classification reads every language's flag words at once (engine/classify.py): a
    word one language counts for a flag must not be an ordinary word of another."""
    flags, others = _flags(lang.get(one)), _flags(lang.get(other))
    ordinary = lang.get(other).common_words | lang.get(other).function_words
    for word, flag in flags.items():
        assert others.get(word, flag) == flag, word
        assert word not in ordinary or word in others, word


@pytest.mark.parametrize("code", lang.LANGUAGES)
def test_every_language_is_complete(code: str) -> None:
    language = lang.get(code)
    assert len(language.months) == 12
    assert set(language.container_words.values()) <= {
        "part", "chapter", "section", "title", "subsection"
    }  # fmt: skip
    assert set(lang.get("en").citation_forms) == set(language.citation_forms)
    assert all(word == word.lower() for word in language.number_words)
    for words in (language.ordinal_words, language.number_scales):
        assert all(word == word.lower() for word in words)
    assert all(value.isdigit() for value in language.ordinal_words.values())


def test_a_word_list_is_read_only_when_the_languages_before_it_say_no() -> None:
    # An English word is found in the English list: the others stay unread, and a
    # string of no language reads all four before it is judged no word; the English
    # rare words only where a typo is judged.
    from treatydiff.lang import words

    words._word_text.cache_clear()
    words._is_word.cache_clear()
    assert words.EVERY_LANGUAGE.is_word("depositary")
    assert words._word_text.cache_info().currsize == 1
    assert not words.EVERY_LANGUAGE.is_word("protocl")
    assert words._word_text.cache_info().currsize == 4
    assert not words.EVERY_LANGUAGE.is_word("protocl", rare=True)
    assert words._word_text.cache_info().currsize == 5
    assert words.EVERY_LANGUAGE.is_word("verdrag")
