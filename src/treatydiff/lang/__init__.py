"""Languages: every word treatydiff reads a text with, one module per language.

A language module (``treatydiff/lang/nl.py``) holds one :class:`Language`, named
``LANGUAGE``: the words that mark a treaty's structure (article and container words,
preamble openers, closing and final formulas), the words of the UN plain-text layout,
the frequent words that tell a language apart, the words that raise the classification
flags (modal verbs, negations, numbers, periods) and the citation forms of the labels.
Adding a language is adding one module: the registry lists the modules of this package.

Patterns are compiled from these words where they are used (``treatydiff.segment``,
``treatydiff.formats``, ``treatydiff.engine.classify``); words are plain text, never
regular expressions, and match as printed unless a field says otherwise.
"""

from __future__ import annotations

import pkgutil
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import import_module

from treatydiff.errors import LanguageError


@dataclass(frozen=True)
class ReferenceWords:
    """The words of a language's cross-references ("article 3, paragraph 2 (b)",
    "artikel 3, eerste lid, onder b"), for ``treatydiff.engine.references``; all matched
    ignoring case.

    * ``article``, ``paragraph``, ``point``: the words that name an article ("article",
      "articles", "art."), a paragraph ("paragraph", "lid") and a point ("subparagraph",
      "onder"; a point is also a bracketed letter or numeral, "(b)").
    * ``ordinals``: ordinal to number, for paragraphs cited by ordinal ("eerste lid").
    * ``ranges``: words between the ends of a range ("to", "tot en met");
      ``lists``: words between the items of a list ("and", "en").
    * ``of``: the word that ties a citation to what it belongs to ("of", "van");
      ``this``: the words after it that name this very instrument or article ("this",
      "the present"; "dit", "het onderhavige"). "article 1 of the Convention" cites
      another instrument and is left alone.
    """

    article: tuple[str, ...]
    paragraph: tuple[str, ...]
    point: tuple[str, ...]
    ordinals: Mapping[str, str]
    ranges: tuple[str, ...]
    lists: tuple[str, ...]
    of: tuple[str, ...]
    this: tuple[str, ...]


@dataclass(frozen=True)
class Language:
    """The word lists of one language.

    Structure of a treaty (``treatydiff.segment``):

    * ``article_words``: what stands before an article's number, as printed ("Article",
      "ARTICLE", "Art."); ``article_one_words``: what stands for the number of the first
      article where it is written as a word ("Article premier"), as printed.
    * ``container_words``: container word, lowercase, to the container kind of the model
      ("hoofdstuk" -> "chapter"); matched ignoring case.
    * ``preamble_words``: headings of a preamble ("Preamble", "PREAMBLE").
    * ``attachment_words``: what stands before an annex's designation, or alone as its
      heading ("Annex", "APPENDIX", "Schedule"), as printed.
    * ``recital_openers``: words that open a preambular paragraph ("Considering",
      "Bearing in mind").
    * ``participle_endings``: the endings of present participles ("ing", "ende"): a
      paragraph of a preamble whose first words hold one in lowercase, or an opener in
      lowercase, opens a recital ("Also noting", "De noodzaak onderstrepend").
    * ``conjunctions``: words that may follow the "," or ";" ending a recital or a list
      item ("and", "or").
    * ``closing_formulas``: words that open the formula closing a preamble ("Have agreed").
    * ``testimonium_openers``: words that open the final formulas ("IN WITNESS WHEREOF",
      "Done at").
    * ``instrument_words``: words that name a kind of instrument in a title ("Convention",
      "Protocol", "Annex"), matched ignoring case: a title block naming one starts an
      instrument of a document that holds several (``treatydiff.formats.pdf``).
    * ``act_words``: words that name a kind of domestic act, as its designation prints
      them before "No." and its number ("Decreto" of "DECRETO No. 705"): the act of
      approval or ratification a publication prints after a treaty's text. A line that
      holds only such a designation, in capitals, opens a part of its own
      (``treatydiff.formats.pdf``).

    Plain text in the UN layout (``treatydiff.formats.un_text`` and the modules it reads
    with, ``un_text_layout`` above all):

    * ``body_openers``: words that open the body after the title block ("The States",
      "The Parties"); a recital opener or a preamble heading opens it too, for a preamble
      whose recitals follow the title with no formula.
    * ``sentence_openers``: words capitalized only where a sentence starts ("The",
      "Each"), and ``not_sentence_openers``, capitalized phrases starting with one of them
      that start no sentence ("The Hague", "No.").
    * ``reference_words``: words after which a number continues a cross-reference
      ("annex", "rule", "page"), lowercase, beside the citation words of ``references``
      ("article", "paragraph", "subparagraph"): a line that starts "2." after a line
      ending with one goes on with the sentence. No abbreviations: "arts." and "no." end
      sentences as often as they stand before a number.
    * ``auxiliary_verbs``: finite forms of "be" and "have" ("is", "are", "has"; not "be",
      which captions hold: "Consent to be bound"), lowercase: a run
      of lines holding one, or a modal verb, is the first line of a wrapped sentence, no
      caption ("The Secretary-General ... is designated as the depositary of the present"
      / "Convention.").
    * ``adoption_words``, ``entry_into_force_words``: words opening the lines that give
      the adoption and the entry into force (matched ignoring case); ``months``: the
      twelve month names, January first, as dates print them.

    Telling languages apart (``treatydiff.formats.laws_markdown``, ``foreign``):
    ``common_words``, frequent short words, lowercase.

    Classification flags (``treatydiff.engine.classify``; all lowercase, compared with
    casefolded words):

    * ``modal_verbs`` ("shall", "may"), ``negations`` ("not", "unless").
    * ``number_words``: number word to the number it names ("eighteen" -> "18"), so that a
      number written in words or digits counts as the same; words that name no single
      number ("hundred", "first") map to themselves.
    * ``periods``: units of time and age ("months", "years").
    * ``function_words``: short words that are all real words ("or", "of"), never taken
      for a defined term.
    * ``short_words``: every word of one or two letters: a string that short is a word
      only when listed ("no" is, "ho" is not); longer words are judged by the language's
      word list (``treatydiff.lang.words``).
    * ``negation_prefixes``: prefixes that turn a word into its opposite ("un": lawful /
      unlawful).
    * ``inflections``: endings of grammatical number and inflection ("s": principle /
      principles), and of derivations that make another word of a stem ("er" / "ee":
      employer / employee): a word and the same word with one of them, or with another
      of them, are two words, never a typo of each other.
    * ``hyphen_prefixes``: prefixes whose hyphen tells two words apart ("re": re-sign /
      resign, "un": un-ionized / unionized, "co": co-op / coop): written with and without
      the hyphen, the prefix and the word are two words, so that adding or removing that
      hyphen is a change of wording, not of spelling, unless it only keeps two vowels
      apart (re-enter / reenter; ``treatydiff.engine.joins``).
    * ``variant_endings``: pairs of word endings that spell one word two ways (British
      "ise" / American and Oxford "ize": "harmonised" / "harmonized"), the variant
      first, lowercase: a word with the variant ending, a stem of at least three letters
      before it, is the word with the other ending when the language lists that one
      (``treatydiff.lang.words``), which word lists and ``*.variants.txt`` cannot list
      one by one ("unionised", "criminalised").
    * ``accented_words``: words a written accent alone tells from another word of the
      language (Spanish "él" / "el", Dutch "één" / "een"), lowercase: printed on a
      capital without its accent such a word is still the other word ("El lo decidirá"
      is not "Él lo decidirá"), so there the capital's accent is no publisher's choice.
    * ``definitions_captions``: words of the caption of a definitions article ("use of
      terms"), matched ignoring case anywhere in the caption.

    Cross-references in clause texts: ``references`` (see ``ReferenceWords``).

    Language-neutral anchors (``treatydiff.engine.anchors``, which lines up the language
    versions of one treaty; lowercase, compared with casefolded words; the citations
    are read with ``references``):

    * ``ordinal_words``: ordinal to the number it names ("thirtieth" -> "30"), so that
      "the thirtieth day" and "le trentième jour" agree; also the words for a
      fraction's denominator ("thirds" -> "3": "two thirds" and "twee derde" agree).
    * ``number_scales``: the words that multiply the number before them ("hundred" ->
      100, "thousand" -> 1000), so that "one thousand nine hundred and ninety-four" reads
      as 1994.

    Citation labels (``treatydiff.segment.labels``): ``citation_forms`` maps a clause
    kind to its label in the UN style and in the short style, ``{num}`` standing for the
    clause's number and ``{n}`` for its position; the kind ``"unnumbered paragraph"``
    names a paragraph without a number.
    """

    code: str  # ISO 639-1, the module's name
    article_words: tuple[str, ...]
    article_one_words: tuple[str, ...]
    container_words: Mapping[str, str]
    preamble_words: tuple[str, ...]
    attachment_words: tuple[str, ...]
    recital_openers: tuple[str, ...]
    participle_endings: tuple[str, ...]
    conjunctions: tuple[str, ...]
    closing_formulas: tuple[str, ...]
    testimonium_openers: tuple[str, ...]
    instrument_words: tuple[str, ...]
    act_words: tuple[str, ...]
    body_openers: tuple[str, ...]
    sentence_openers: tuple[str, ...]
    not_sentence_openers: tuple[str, ...]
    reference_words: frozenset[str]
    auxiliary_verbs: frozenset[str]
    adoption_words: tuple[str, ...]
    entry_into_force_words: tuple[str, ...]
    months: tuple[str, ...]
    common_words: frozenset[str]
    modal_verbs: frozenset[str]
    negations: frozenset[str]
    number_words: Mapping[str, str]
    periods: frozenset[str]
    function_words: frozenset[str]
    short_words: frozenset[str]
    negation_prefixes: tuple[str, ...]
    inflections: tuple[str, ...]
    hyphen_prefixes: tuple[str, ...]
    variant_endings: tuple[tuple[str, str], ...]
    accented_words: frozenset[str]
    definitions_captions: tuple[str, ...]
    citation_forms: Mapping[str, tuple[str, str]]
    references: ReferenceWords
    ordinal_words: Mapping[str, str]
    number_scales: Mapping[str, int]

    @property
    def cross_reference_words(self) -> frozenset[str]:
        """The words after which a number or a bracketed letter goes on with a
        cross-reference ("... of subparagraph" / "(e), the Committee"), lowercase: the
        citation words and the other reference words, abbreviations ("arts.", "no.")
        aside, which end a sentence as often as they stand before a number ("... in
        cultural life and the arts." / "2. States Parties ...")."""
        cites = self.references
        return frozenset(
            word
            for word in (*self.reference_words, *cites.article, *cites.paragraph, *cites.point)
            if not word.endswith(".")
        )

    @property
    def article_number_words(self) -> dict[str, str]:
        """Article numbers written as words, as printed, to the number: the first
        article's words ("Article premier": "1") and the ordinals the language cites
        with ("Artículo segundo", "ARTÍCULO TERCERO": "2", "3"), in lowercase,
        capitalized and in capitals."""
        found = dict.fromkeys(self.article_one_words, "1")
        for word, value in self.references.ordinals.items():
            for form in (word, word.capitalize(), word.upper()):
                found.setdefault(form, value)
        return found


# The modules of this package, each holding one language (no import needed to list them).
LANGUAGES: tuple[str, ...] = tuple(
    sorted(
        module.name
        for module in pkgutil.iter_modules(__path__)
        if not module.ispkg and not module.name.startswith("_")
    )
)


@cache
def get(code: str) -> Language:
    """The language of ISO 639-1 ``code`` ("en", "nl").

    Raises LanguageError for a code that is not in ``LANGUAGES``.
    """
    if code not in LANGUAGES:
        raise LanguageError(f"unknown language {code!r}; known: {', '.join(LANGUAGES)}")
    language = import_module(f"{__name__}.{code}").LANGUAGE
    if not isinstance(language, Language) or language.code != code:
        raise LanguageError(f"treatydiff.lang.{code} holds no LANGUAGE with code {code!r}")
    return language


def every() -> tuple[Language, ...]:
    """Every known language, in ``LANGUAGES`` order."""
    return tuple(get(code) for code in LANGUAGES)


def common_word_scores(words: Iterable[str]) -> dict[str, int]:
    """How many of lowercase ``words`` are each known language's ``common_words``, by
    code in ``LANGUAGES`` order: what ``foreign`` and ``guess`` read a text's language
    from."""
    counts = Counter(words)
    return {one.code: sum(counts[w] for w in one.common_words) for one in every()}


def foreign(words: Iterable[str], code: str) -> str | None:
    """The other known language that lowercase ``words`` read as, or None: the one whose
    common words (``Language.common_words``) outnumber those of ``code`` most (the first
    of ``LANGUAGES`` on a tie). A weak test on its own (an English line naming a "door"
    scores as Dutch); a caller that acts on it for more than a flag adds a stronger one."""
    scores = common_word_scores(words)
    best, score = None, scores[code]
    for other, theirs in scores.items():
        if other != code and theirs > score:
            best, score = other, theirs
    return best


def guess(words: Iterable[str]) -> str | None:
    """The code of the language whose ``common_words`` are the most of ``words``
    (lowercase words, as a text prints them), or None when no language's are any or
    two languages' are as many."""
    ranked = sorted(((n, code) for code, n in common_word_scores(words).items()), reverse=True)
    (best, code), (second, _) = ranked[0], ranked[1]
    return code if best > second else None


# Enough words of a text to tell its language (its common words are a third of a text).
_GUESS_WORDS = 2000
_LOWER_WORDS = re.compile(r"[^\W\d_]+")


def guess_text(texts: Iterable[str]) -> str | None:
    """``guess`` on the words of ``texts`` (any case), read in order until about 2,000
    words are read."""
    words: list[str] = []
    for text in texts:
        words += _LOWER_WORDS.findall(text.lower())
        if len(words) >= _GUESS_WORDS:
            break
    return guess(words)
