"""Which strings are words of a language, and which words are spellings of one another.

A typo ("Protocl", "recieved") is a string that is no word of the language; "pubic" for
"public" is a real word put for another, however close the letters. The word lists in
this folder say which strings are words; ``tools/build_wordlists.py`` builds them and
states their sources (wordfreq's frequency lists, the legal register of a treaty corpus,
codespell's misspellings; see NOTICE, CC BY-SA). English, Spanish, French and Dutch have
one: a word a language has no list for would be no word wherever another language's list
is read (a comparison whose language is not known reads them all), and every change of
one letter in it a typo ("examinará" -> "examinara", future to subjunctive).

Why a list and not a frequency alone: "ho" (Zipf 4.22) is frequent on the web but no
English word, "pubic" (3.07) is a word and "commited" (2.59) is not. So:

* one- and two-letter strings are words only when the language lists them
  (``Language.short_words``);
* longer ones when the language's list holds them (its frequent words and the rare
  words treaties use: "depositary", "refoulement"), or, where a typo is judged, its list
  of rare words (English: "cession", "tortious", "mandatary", read only for a string the
  first list lacks, so that a one-letter change between a rare word and a common one is
  no typo; ``Lexicon.is_word``), never its common misspellings;
* a language without a list judges every string of three letters or more a word
  (nothing is taken for a typo), and says nothing where another language of the lexicon
  has a list.

The lists are read only when a word is judged (a comparison whose changes are all whole
words never reads them), each only when the languages before it do not know the word
(an English word never reads the others): about 2 to 5 ms each. A comparison reads the
lists of its texts' languages (``treatydiff.engine.compare``), all of them only where
the language of a text is not known.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from treatydiff import lang

# The lists lie beside this module, as the data folders of ``treatydiff.resources`` do
# (importlib.resources would cost a comparison about 9 ms of imports).
_HERE = Path(__file__).parent


def _list_path(code: str, tier: str = "") -> Path:
    return _HERE / (f"{code}.{tier}.words.gz" if tier else f"{code}.words.gz")


@cache
def _has_list(code: str, tier: str = "") -> bool:
    """Whether the language ``code`` has a word list (``tier`` "rare": a list of rare
    words)."""
    return _list_path(code, tier).is_file()


@cache
def _word_text(code: str, tier: str = "") -> str:
    """A word list of a language that has it (``_has_list``) as one string, a word a
    line, wrapped in line breaks."""
    return "\n" + gzip.decompress(_list_path(code, tier).read_bytes()).decode("utf-8")


@cache
def _variants(code: str) -> dict[str, str]:
    """Spelling variants of a language: each listed spelling to the one it stands for
    (British to American: "organisation" -> "organization")."""
    path = _HERE / f"{code}.variants.txt"
    if not path.is_file():
        return {}
    pairs = (line.split(" ", 1) for line in path.read_text(encoding="utf-8").splitlines())
    return {one: other for one, other in pairs}


@dataclass(frozen=True)
class Lexicon:
    """The words of the languages a comparison reads: a string is a word when any of
    them says so (a text may quote another language, and a word taken for a typo costs
    more than a typo taken for a word).

    Attributes:
        codes: ISO 639-1 codes of the languages, in ``lang.LANGUAGES``.
    """

    codes: tuple[str, ...] = lang.LANGUAGES

    @classmethod
    def of(cls, codes: Iterable[str | None]) -> Lexicon:
        """The lexicon of the languages ``codes`` names; every known language when one
        of them is unknown or None (the language of a text is not always stated)."""
        wanted = set(codes)
        if not wanted or not wanted <= set(lang.LANGUAGES):
            return EVERY_LANGUAGE
        return cls(tuple(code for code in lang.LANGUAGES if code in wanted))

    def is_word(self, word: str, *, rare: bool = False) -> bool:
        """Whether ``word`` (any case) is a word of one of the languages; with ``rare``,
        their lists of rare words count too ("cession", "laches"): the typo test reads
        them, where a rare word one letter from a common one is no typo. Elsewhere (words
        joined, hyphens) they do not: wordfreq's rare strings hold glued words of the web
        ("ofthis")."""
        return _is_word(word.casefold(), self.codes, rare)

    def canonical(self, word: str) -> str:
        """``word`` casefolded, in the spelling its variants share ("organisation" ->
        "organization", "favour" -> "favor"); the word itself when it has none."""
        folded = word.casefold()
        for code in self.codes:
            folded = _variants(code).get(folded, folded)
            if _has_list(code):
                folded = _ending_variant(folded, code) or folded
        return folded

    def hyphen_tells_apart(self, prefix: str, stem: str) -> bool:
        """Whether the hyphen of ``prefix``-``stem`` tells two words apart ("re-sign" /
        "resign", "un-ionized" / "unionized", "co-op" / "coop"): the prefix is one of a
        language's ``hyphen_prefixes``, the joined form is a word, and the stem is either
        no word alone (the hyphenated form is a word of its own) or a word the hyphen does
        more than keep two vowels apart from the prefix ("re-enter" / "reenter" is one
        word). Source: the Chicago Manual of Style, 17th ed., 7.89 (see
        ``treatydiff.lang.en``)."""
        prefix, stem = prefix.casefold(), stem.casefold()
        if prefix not in _hyphen_prefixes(self.codes) or not self.is_word(prefix + stem):
            return False
        if not self.is_word(stem):
            return True
        return not (prefix[-1:] in _VOWELS and stem[:1] in _VOWELS)


_VOWELS = frozenset("aeiouyàáâäèéêëìíîïòóôöùúûü")


@cache
def _hyphen_prefixes(codes: tuple[str, ...]) -> frozenset[str]:
    """The ``hyphen_prefixes`` of the languages ``codes``."""
    return frozenset(p for code in codes for p in lang.get(code).hyphen_prefixes)


EVERY_LANGUAGE = Lexicon()


@cache
def _is_word(folded: str, codes: tuple[str, ...], rare: bool = False) -> bool:
    # A language without a list says nothing where another language of the lexicon has
    # one: its short words would make typos of the others words ("at" / "ta"), its
    # silence every string a word.
    listed = tuple(code for code in codes if _has_list(code))
    if not listed:
        return len(folded) > 2 or any(folded in lang.get(c).short_words for c in codes)
    for code in listed:  # a list is read only when the languages before it say no
        if len(folded) <= 2:
            if folded in lang.get(code).short_words:
                return True
        elif f"\n{folded}\n" in _word_text(code) or _ending_variant(folded, code):
            return True
    # The rare words last: most strings judged are common words or typos of them.
    return rare and any(
        _has_list(c, "rare") and f"\n{folded}\n" in _word_text(c, "rare") for c in listed
    )


# Before a shorter stem the other ending makes another word as often as not ("prise" /
# "prize", "seise" / "seize").
_MIN_STEM = 3


@cache
def _ending_variant(folded: str, code: str) -> str | None:
    """``folded`` with the other ending of one of the ``variant_endings`` of the language
    ``code`` ("unionised" -> "unionized") when its word list holds that spelling; None
    when no ending applies or the list lacks it."""
    for variant, standard in lang.get(code).variant_endings:
        if folded.endswith(variant) and len(folded) - len(variant) >= _MIN_STEM:
            other = folded[: -len(variant)] + standard
            return other if f"\n{other}\n" in _word_text(code) else None
    return None
