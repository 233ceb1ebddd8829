"""A language's words of structure compiled into the patterns the segmenter matches.

The words come from ``treatydiff.lang``; here they become regular expressions that also
match the words as PDF extraction leaves them: typeset with ligatures ("Reaﬃrming"),
and, for a text that holds them, with invisible characters inside ("Recog\u00adnizing").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from treatydiff import lang
from treatydiff.normalize import INVISIBLE_CHARACTERS
from treatydiff.segment.markers import DESIGNATION

# Characters that stand inside a word without changing it: those the comparison key drops.
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
_INSIDE_WORD = f"{_INVISIBLE.pattern}*"

# Each letter group typeset as a ligature, in every way a typesetter may have split it
# ("{}" is where an invisible character may stand).
_LIGATURES = (
    ("ffi", ("\ufb03", "f{}\ufb01", "\ufb00{}i")),
    ("ffl", ("\ufb04", "f{}\ufb02", "\ufb00{}l")),
    ("ff", ("\ufb00",)),
    ("fi", ("\ufb01",)),
    ("fl", ("\ufb02",)),
)


# "1º", "1.º", "1°", "1ª": the ordinal indicator Spanish prints after an article's number.
ORDINAL_INDICATOR = r"(?:\.?[\u00ba\u00b0\u00aa])?"


@dataclass(frozen=True)
class Vocabulary:
    """The patterns of one language.

    ``article`` matches an article heading (groups ``num``, ``caption``, and ``one`` where
    the number is a word, "Article premier", "Artículo segundo", whose number
    ``article_numbers`` gives; an ordinal indicator after digits is no part of the
    number, "Artículo 1º"); ``container``
    a container heading (groups ``word``, ``num``, ``heading``), whose word
    ``container_kind`` maps (lowercased) to a container kind; ``attachment`` the heading
    of an annex, appendix or schedule (groups ``num``, ``heading``); ``preamble_label`` the
    preamble heading; ``recital_break`` the end of a recital where the next one starts
    in the same block; ``opens_recital_within`` a recital whose opener stands after a
    word or two ("Also noting", "Het belang erkennende"), an opener in lowercase or a
    present participle, where the text before it ends as ``recital_end`` ("," or ";",
    perhaps with "and"); ``opens_recital``, ``closing_formula`` and ``starts_testimonium``
    the start of a recital, of the formula closing the preamble, and of the final
    formulas; ``shows_preamble`` words that show a preamble in any letter case: a
    recital's opener, a closing formula, or a formula that opens one ("The States
    Parties", "WE THE PEOPLES"); ``testimonium_inside`` the place inside a
    block where the final formulas start; ``reference_end`` a cross-reference word in small
    letters ending a text ("... of subparagraph"): a designation after it is cited.
    """

    article: re.Pattern[str]
    article_numbers: Mapping[str, str]
    container: re.Pattern[str]
    container_kind: Mapping[str, str]
    attachment: re.Pattern[str]
    preamble_label: re.Pattern[str]
    recital_break: re.Pattern[str]
    opens_recital: re.Pattern[str]
    opens_recital_within: re.Pattern[str]
    recital_end: re.Pattern[str]
    closing_formula: re.Pattern[str]
    shows_preamble: re.Pattern[str]
    starts_testimonium: re.Pattern[str]
    testimonium_inside: re.Pattern[str]
    reference_end: re.Pattern[str]


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a character that may stand inside a word unseen."""
    return _INVISIBLE.search(text) is not None


def alternatives(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` as printed, where one space may be
    any run of whitespace (two spaces, a tab, a no-break space: as extraction leaves it)."""
    return "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in words)


@cache
def vocabulary(codes: tuple[str, ...], *, invisible: bool) -> Vocabulary:
    """The patterns of the languages ``codes`` (one, or several read at once: any of
    their words marks structure); with ``invisible``, they allow invisible characters
    inside every word.

    Compiled on first use: the patterns that allow invisible characters are large (about
    200 ms to compile), and only texts that hold such characters need them. Raises
    LanguageError for an unknown code.
    """
    languages = [lang.get(code) for code in codes]

    def words(of: Callable[[lang.Language], Iterable[str]]) -> str:
        return alternatives(dict.fromkeys(word for one in languages for word in of(one)))

    def tolerant(of: Callable[[lang.Language], Iterable[str]]) -> str:
        return _typeset_tolerant(words(of), invisible=invisible)

    openers = tolerant(lambda one: one.recital_openers)
    lowered = tolerant(lambda one: (opener.lower() for opener in one.recital_openers))
    endings = words(lambda one: one.participle_endings)
    participle = rf"[^\W\d_A-Z]+(?:{endings})" if endings else "(?!)"
    closing = tolerant(lambda one: one.closing_formulas)
    testimonium = tolerant(lambda one: one.testimonium_openers)
    preamble = words(lambda one: one.preamble_words)
    conjunctions = words(lambda one: one.conjunctions)
    container_kind = {word: kind for one in languages for word, kind in one.container_words.items()}
    # "Article premier", "Artículo segundo": the number written as a word (group "one").
    first = words(lambda one: one.article_number_words)
    number = DESIGNATION + (rf"|(?P<one>{first})\b" if first else "")
    return Vocabulary(
        article=re.compile(
            rf"^(?:{words(lambda one: one.article_words)})\s*(?P<num>{number})"
            rf"{ORDINAL_INDICATOR}\.?"
            r"(?:\s*[-\u2013\u2014:.]\s*(?P<caption>\S.*))?$"
        ),
        article_numbers={
            word: value
            for one in reversed(languages)
            for word, value in one.article_number_words.items()
        },
        container=re.compile(
            rf"^(?P<word>{alternatives(container_kind)})\s*(?P<num>[IVXLC]+|\d+[A-Z]?)\.?"
            r"(?:\s*[-\u2013\u2014:.]?\s*(?P<heading>\S.*))?$",
            re.IGNORECASE,
        ),
        container_kind=container_kind,
        attachment=re.compile(
            rf"^(?:{words(lambda one: one.attachment_words)})(?:\s+(?P<num>{DESIGNATION}))?\.?"
            r"(?:\s*[-\u2013\u2014:.]\s*(?P<heading>\S.*))?$"
        ),
        preamble_label=re.compile(rf"^(?:{preamble})(?=$|\s|[A-Z])\s*"),
        # A recital ends with "," or ";" (optionally followed by "and"); the next one
        # starts with an opener. Sources glue them ("Convention,Firmly convinced").
        recital_break=re.compile(
            rf"[,;](?:\s+(?:{conjunctions}))?\s*(?=(?:{openers}|{closing})\b)"
        ),
        opens_recital=re.compile(rf"^(?:{openers})\b"),
        recital_end=re.compile(rf"[,;](?:\s+(?:{conjunctions}))?$"),
        opens_recital_within=re.compile(
            rf"^[^\W\d_]\S*(?:\s+\S+){{0,2}}?\s+(?:{lowered}|{participle})(?=[\s,])"
        ),
        closing_formula=re.compile(rf"^(?:{closing})\b"),
        shows_preamble=re.compile(
            rf"^(?:{openers}|{closing}|{tolerant(lambda one: one.body_openers)})\b", re.I
        ),
        starts_testimonium=re.compile(rf"^(?:{testimonium})\b"),
        testimonium_inside=re.compile(rf"(?<=[.;])\s*(?=(?:{testimonium})\b)"),
        reference_end=re.compile(
            rf"(?:^|\s)(?:{words(lambda one: sorted(one.cross_reference_words))})$"
        ),
    )


def _typeset_tolerant(pattern: str, *, invisible: bool) -> str:
    """``pattern`` (escaped words and "|") also matching its words typeset with ligatures
    ("Reaﬃrming"), and with ``invisible`` characters inside ("Recog\u00adnizing")."""
    inside = _INSIDE_WORD if invisible else ""
    out, i = "", 0
    while i < len(pattern):
        for letters, ligatures in _LIGATURES:
            if pattern.startswith(letters, i):
                forms = [inside.join(letters), *(f.format(inside) for f in ligatures)]
                out += f"(?:{'|'.join(forms)})"
                i += len(letters)
                break
        else:
            out += pattern[i]
            i += 1
        if inside and i < len(pattern) and pattern[i - 1].isalpha() and pattern[i].isalpha():
            out += inside
    return out
