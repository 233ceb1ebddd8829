"""A language's words of structure compiled into the patterns the segmenter matches.

The words come from ``treatydiff.lang``; here they become regular expressions that also
match the words as PDF extraction leaves them: typeset with ligatures ("Reaﬃrming"),
and, for a text that holds them, with invisible characters inside ("Recog\u00adnizing").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from treatydiff import lang
from treatydiff.normalize import INVISIBLE_CHARACTERS

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


@dataclass(frozen=True)
class Vocabulary:
    """The patterns of one language.

    ``article`` matches an article heading (groups ``num``, ``caption``); ``container``
    a container heading (groups ``word``, ``num``, ``heading``), whose word
    ``container_kind`` maps (lowercased) to a container kind; ``preamble_label`` the
    preamble heading; ``recital_break`` the end of a recital where the next one starts
    in the same block; ``opens_recital``, ``closing_formula`` and ``starts_testimonium``
    the start of a recital, of the formula closing the preamble, and of the final
    formulas; ``testimonium_inside`` the place inside a block where the final formulas
    start.
    """

    article: re.Pattern[str]
    container: re.Pattern[str]
    container_kind: Mapping[str, str]
    preamble_label: re.Pattern[str]
    recital_break: re.Pattern[str]
    opens_recital: re.Pattern[str]
    closing_formula: re.Pattern[str]
    starts_testimonium: re.Pattern[str]
    testimonium_inside: re.Pattern[str]


def has_invisible(text: str) -> bool:
    """Whether ``text`` holds a character that may stand inside a word unseen."""
    return _INVISIBLE.search(text) is not None


def alternatives(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words`` as printed."""
    return "|".join(map(re.escape, words))


@cache
def vocabulary(code: str, *, invisible: bool) -> Vocabulary:
    """The patterns of language ``code``; with ``invisible``, they allow invisible
    characters inside every word.

    Compiled on first use: the patterns that allow invisible characters are large (about
    200 ms to compile), and only texts that hold such characters need them. Raises
    LanguageError for an unknown code.
    """
    language = lang.get(code)
    openers = _typeset_tolerant(alternatives(language.recital_openers), invisible=invisible)
    closing = _typeset_tolerant(alternatives(language.closing_formulas), invisible=invisible)
    testimonium = _typeset_tolerant(alternatives(language.testimonium_openers), invisible=invisible)
    conjunctions = alternatives(language.conjunctions)
    return Vocabulary(
        article=re.compile(
            rf"^(?:{alternatives(language.article_words)})\s*"
            r"(?P<num>\d+[a-z]?(?:\s*bis|\s*ter)?|[IVXLC]+)\.?"
            r"(?:\s*[-\u2013\u2014:.]\s*(?P<caption>\S.*))?$"
        ),
        container=re.compile(
            rf"^(?P<word>{alternatives(language.container_words)})\s*(?P<num>[IVXLC]+|\d+[A-Z]?)\.?"
            r"(?:\s*[-\u2013\u2014:.]?\s*(?P<heading>\S.*))?$",
            re.IGNORECASE,
        ),
        container_kind=language.container_words,
        preamble_label=re.compile(
            rf"^(?:{alternatives(language.preamble_words)})(?=$|\s|[A-Z])\s*"
        ),
        # A recital ends with "," or ";" (optionally followed by "and"); the next one
        # starts with an opener. Sources glue them ("Convention,Firmly convinced").
        recital_break=re.compile(
            rf"[,;](?:\s+(?:{conjunctions}))?\s*(?=(?:{openers}|{closing})\b)"
        ),
        opens_recital=re.compile(rf"^(?:{openers})\b"),
        closing_formula=re.compile(rf"^(?:{closing})\b"),
        starts_testimonium=re.compile(rf"^(?:{testimonium})\b"),
        testimonium_inside=re.compile(rf"(?<=[.;])\s*(?=(?:{testimonium})\b)"),
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
