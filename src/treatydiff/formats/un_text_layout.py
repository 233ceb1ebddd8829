"""What the readers of the UN/OHCHR plain-text layout share: a line of the text
(``TextLine``) and one language's patterns for the layout (``Words``, from
``treatydiff.lang``), with the patterns other formats borrow (``body_start``,
``ends_clause``, ``reference_end``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from treatydiff import lang
from treatydiff.lang.words import Lexicon
from treatydiff.segment.blocks import BlockRole
from treatydiff.segment.markers import DESIGNATION
from treatydiff.segment.vocabulary import ORDINAL_INDICATOR, alternatives


@dataclass(frozen=True)
class Words:
    """The patterns of one language for this layout (from ``treatydiff.lang``)."""

    # An article number written as a word, as printed, to the number ("segundo": "2").
    article_numbers: Mapping[str, str]

    heading: re.Pattern[str]  # a heading line; group "article" or "attachment" set for one
    # The first line after the title block: the words that open an instrument's body,
    # else (a preamble with no formula) a recital's opening words.
    body_start: re.Pattern[str]
    recital_start: re.Pattern[str]
    adopted: re.Pattern[str]
    entry_into_force: re.Pattern[str]
    date: re.Pattern[str]  # "20 November 1989": groups day, month, year
    months: tuple[str, ...]
    # A list item ends with "." or ";" or ":", or with "; or", "; and"; only then may a
    # marker at the start of the next line open a new item rather than continue the sentence.
    ends_clause: re.Pattern[str]
    # Words capitalized only where a sentence starts ("The Hague", "No. 182" aside): the
    # language's sentence openers and any capitalized function word ("At the request").
    sentence_start: re.Pattern[str]
    # A cross-reference word at the end of a text ("... referred to in article").
    reference_end: re.Pattern[str]
    # Words that cannot end a caption: function words, conjunctions; and verbs no
    # caption holds, modal and auxiliary ("Each Party shall notify the" is a wrapped
    # sentence).
    not_caption_end: frozenset[str]
    verbs: frozenset[str]
    # The language's word list: a line-end hyphen inside a word the document never
    # prints whole ("subst-" / "itution") is undone when the list knows the whole word.
    lexicon: Lexicon


@cache
def words_of(code: str) -> Words:
    """The patterns of language ``code`` (cached: built once a language)."""
    language = lang.get(code)
    article = alternatives(language.article_words)
    containers = alternatives(
        form for word in language.container_words for form in (word.upper(), word.capitalize())
    )
    preamble = alternatives(language.preamble_words)
    attachment = alternatives(language.attachment_words)
    # The words that open a body, as printed or set in capitals ("THE STATES PARTIES").
    body_openers = (*language.body_openers, *(o.upper() for o in language.body_openers))
    not_openers = alternatives(language.not_sentence_openers)
    openers = {*language.sentence_openers, *(w.capitalize() for w in language.function_words)}
    # The first article's number, in digits or as a word ("Article premier": group "one").
    ones = ("1", *language.article_one_words)
    first = alternatives(f"{word} {one}" for word in language.article_words for one in ones)
    one = alternatives(language.article_number_words)
    number = rf"{DESIGNATION}|(?P<one>{one})" if one else DESIGNATION
    return Words(
        article_numbers=language.article_number_words,
        heading=re.compile(
            rf"^(?:(?P<article>{article})\s*(?P<num>{number}){ORDINAL_INDICATOR}\.?"
            rf"|(?:{containers})\s+(?:[IVXLC]+|\d+[A-Z]?)\.?"
            rf"|(?P<attachment>{attachment})(?:\s+{DESIGNATION})?\.?|{preamble})$"
        ),
        body_start=re.compile(
            rf"^(?:(?:{alternatives(body_openers)})\b|(?:{preamble})\b"
            rf"|(?:{first}){ORDINAL_INDICATOR}(?!\w))"
        ),
        recital_start=re.compile(rf"^(?:{alternatives(language.recital_openers)})\b"),
        adopted=re.compile(rf"^(?:{alternatives(language.adoption_words)})\b", re.IGNORECASE),
        entry_into_force=re.compile(
            rf"^(?:{alternatives(language.entry_into_force_words)})\b", re.IGNORECASE
        ),
        # "20 November 1989"; Spanish joins the parts with "de" ("12 de febrero de 2002").
        date=re.compile(
            rf"\b(\d{{1,2}})\s+(?:de\s+)?({alternatives(language.months)})\s+(?:de\s+)?(\d{{4}})\b"
        ),
        months=language.months,
        ends_clause=re.compile(
            rf"(?:[.:;]|[;,]\s+(?:{alternatives(language.conjunctions)})|\s[-\u2013\u2014])$"
        ),
        sentence_start=re.compile(
            (rf"^(?!{not_openers})" if not_openers else "^")
            + rf"(?:{alternatives(sorted(openers))})\b"
        ),
        reference_end=re.compile(
            rf"(?:^|\s)(?:{alternatives(sorted(language.cross_reference_words))})$",
            re.IGNORECASE,
        ),
        not_caption_end=language.function_words | set(language.conjunctions),
        verbs=language.modal_verbs | language.auxiliary_verbs,
        lexicon=Lexicon.of([code]),
    )


@dataclass(frozen=True)
class TextLine:
    """One line of the text: its 1-based source line number and its stripped text.

    An importer that knows more than the words (the PDF importer sees fonts and
    positions) may set ``role`` to say the line is a heading or caption.
    """

    number: int
    text: str  # stripped; empty for a blank line
    role: BlockRole | None = None


def body_start(lang: str = "en") -> re.Pattern[str]:
    """The pattern of the words that open the body of an instrument in ``lang``, after
    its title block ("The States Parties", "Preamble", "Article 1"); a recital's opening
    words ("Recognizing") are none: they open the body only of a text that has no such
    words (``parse_lines``)."""
    return words_of(lang).body_start


def ends_clause(lang: str = "en") -> re.Pattern[str]:
    """The pattern of the end of a sentence or list item in ``lang`` (".", ":", ";",
    "; and", "; or"): a list marker at the start of the next line may open an item."""
    return words_of(lang).ends_clause


def reference_end(lang: str = "en") -> re.Pattern[str]:
    """The pattern of a cross-reference word that ends a text in ``lang`` ("... of
    subparagraph"): the number after it goes on with the sentence, opens no item."""
    return words_of(lang).reference_end
