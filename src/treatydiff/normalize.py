"""Normalization, in one place and at two levels.

* ``display_text`` keeps the source's words, punctuation and capitalization: Unicode NFC
  and collapsed whitespace, nothing else. Repairs of certain damage (end-of-line
  hyphenation, glued markers) happen in the importers and segmenter, where the damage
  can be recognized.
* ``comparison_key`` folds what is not wording (quote and dash variants, hyphens between
  the letters of a word, ligatures, soft hyphens, no-break and zero-width spaces,
  compatibility forms, whitespace, also around punctuation). It is idempotent and is
  never applied to display text: callers ask for it explicitly.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Characters that carry no wording: soft hyphen, zero-width spaces and joiners, word
# joiner, byte-order mark.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS), None)

_FOLD = str.maketrans(
    {
        # quotes
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        # dashes and hyphens
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    }
)  # fmt: skip

# Spacing around punctuation is typesetting: "Assembly. inter alia" and
# "Assembly.inter alia", "“ racist ”" and "“racist”", "Secretary- General" and
# "Secretary-General" differ in form only. (Whitespace is single spaces by then.)
_SPACE_AROUND_PUNCT = re.compile(r" (?=[^\w\s])|(?<=[^\w\s]) ")
# A hyphen between letters is spelling or line-end hyphenation, not wording:
# "co-operation" and "cooperation", "urban-rural" and "urbanrural". Between digits it is
# a range or a number ("articles 1-3", "2-3 months"): wording, kept.
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def display_text(raw: str) -> str:
    """Faithful display text: NFC, whitespace runs collapsed to one space, trimmed."""
    return _collapse_whitespace(unicodedata.normalize("NFC", raw))


def _collapse_whitespace(text: str) -> str:
    """Runs of whitespace (as str.isspace and regex \\s know it) as one space, trimmed."""
    return " ".join(text.split())


def comparison_key(text: str) -> str:
    """The key two texts are compared on; equal keys mean a difference of form only.

    Idempotent: ``comparison_key(comparison_key(s)) == comparison_key(s)``.
    """
    key = _fold_once(text)
    # Removing spaces can bring combining marks together, which Unicode then reorders:
    # fold again until nothing moves (two rounds in practice). A key still in NFKC would
    # not move (the other folds are idempotent), and the check is cheap: most keys stop here.
    if unicodedata.is_normalized("NFKC", key):
        return key
    for _ in range(4):
        again = _fold_once(key)
        if again == key:
            break
        key = again
    return key


def _fold_once(text: str) -> str:
    # Invisible characters go first so that NFKC composes what they separated.
    key = unicodedata.normalize("NFKC", text.translate(_INVISIBLE)).translate(_FOLD)
    key = _collapse_whitespace(key)
    key = _SPACE_AROUND_PUNCT.sub("", key)
    return _WORD_HYPHEN.sub("", key) if "-" in key else key


def comparison_key_of(texts: Sequence[str]) -> str:
    """The comparison key of several texts read in order, such as the clauses of one side
    of a split: whitespace stands between them (so the key is the same as for the texts
    written one per line). ``comparison_key_of([text]) == comparison_key(text)``."""
    return comparison_key(texts[0]) if len(texts) == 1 else comparison_key(" ".join(texts))


_WORDS = re.compile(r"\w+")


def scored_words(key: str) -> list[str]:
    """The words a word-level similarity measures in a comparison key: its runs of word
    characters, casefolded (``"Each State Party"`` -> ``["each", "state", "party"]``).
    ``compare``'s alignment and ``reuse`` measure the same words."""
    return _WORDS.findall(key.casefold())


class WordCodes(dict[str, str]):
    """Words as characters, so that a character-level measure (rapidfuzz's ``fuzz.ratio``,
    an Indel similarity) measures words: each distinct word gets one character, in the
    order the words are first seen. One instance serves all texts compared with each
    other; a word's character means nothing outside it.

    Codes start at ``chr(0)``: rapidfuzz looks characters below 256 up in an array and
    others in a hash map, so texts made mostly of the first 256 words score a third faster.
    """

    def __missing__(self, word: str) -> str:
        code = self[word] = chr(len(self))
        return code

    def encode(self, key: str) -> str:
        """The words (``\\w+``) of a comparison key, casefolded, one character each."""
        return "".join(map(self.__getitem__, scored_words(key)))
