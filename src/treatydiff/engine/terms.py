"""Defined terms: which clauses define a term, and where the terms are used.

A clause defines a term when it opens "Sale of children means ..." (after a list marker
and an optional "For the purposes of ..." phrase) or holds 'the term "child
pornography" shall include ...'; a quoted term anywhere counts as a term, and every
clause of a definitions article (its caption one of a language's
``definitions_captions``: "Use of terms") as defining. The ``defined-term`` flag of
``treatydiff.engine.classify`` is raised when a defining clause's wording changes or the
uses of a term in a clause change.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from treatydiff import lang
from treatydiff.model import Instrument

_LANGUAGES = lang.every()
# Short words that are never a defined term: function words, modal verbs and negations.
_FUNCTION_WORDS = frozenset().union(
    *(
        language.function_words | language.modal_verbs | language.negations
        for language in _LANGUAGES
    )
)


@dataclass(frozen=True)
class Terms:
    """Defined terms of a pair of instruments, and the clauses that define them.

    Attributes:
        terms: The terms, casefolded ("sale of children").
        defining: eIds of the leaf clauses that define a term.
    """

    terms: frozenset[str]
    defining: frozenset[str]

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.terms:
            return None
        # Longest first, so that "child pornography" wins over "child".
        alternatives = sorted(self.terms, key=lambda t: (-len(t), t))
        return re.compile(r"\b(" + "|".join(map(re.escape, alternatives)) + r")\b")

    def counts(self, texts: Sequence[str]) -> Counter[str]:
        """Uses of the terms in some clause texts, by term."""
        pattern = self.pattern
        if pattern is None:
            return Counter()
        return Counter(term for text in texts for term in pattern.findall(text.casefold()))


# Quotes around a term: straight, curly, guillemets, or doubled single marks (``term").
_DOUBLE_QUOTES = '"\u201c\u201d\u201e\u00ab\u00bb'
_QUOTE_MARKS = (*_DOUBLE_QUOTES, "''", "``", "\u2018\u2018", "\u2019\u2019")
_QUOTE = f"(?:{'|'.join(map(re.escape, _QUOTE_MARKS))})"
# A quoted term: a word character, then up to 59 characters that are no double quote.
_TERM = rf"\w[^{_DOUBLE_QUOTES}]{{1,59}}?"
_QUOTED = re.compile(rf"(?<!\w){_QUOTE}({_TERM}){_QUOTE}")
# "Sale of children means ...", "For the purposes of the present Convention, a child means
# ...": a short term at the start of the clause (after its list marker and an optional
# "For the purposes of ..." phrase) followed by "means".
_MEANS = re.compile(
    r"^(?:\(?[a-z0-9]{1,4}[.)]\s*)?(?:for the purposes? of [^,]{1,80},\s*)?"
    rf"(?:the terms?\s+|an?\s+|the\s+)?{_QUOTE}?(?P<term>\w[\w'-]*(?:\s[\w'-]+){{0,5}}?)"
    rf"{_QUOTE}?\s*(?:shall\s+)?means?\b(?!\s+of\b)",
    re.IGNORECASE,
)
# 'the term "child pornography" shall include ...', anywhere in the clause.
_TERM_IS = re.compile(
    rf"\bthe term\s+{_QUOTE}(?P<term>{_TERM}){_QUOTE}"
    r"\s*(?:shall\s+)?(?:means?|includes?)\b",
    re.IGNORECASE,
)
# Captions of definitions articles, in every known language.
_DEFINITIONS_CAPTION = re.compile(
    "|".join(
        re.escape(words) for language in _LANGUAGES for words in language.definitions_captions
    ),
    re.IGNORECASE,
)


def defined_term(text: str) -> str | None:
    """The term a clause defines ("Sale of children means ...", 'the term "child
    pornography" shall include ...'), casefolded; None when it defines none."""
    # Why the checks: most clauses hold neither word, and a substring test is much
    # cheaper than the patterns (no other character matches these letters ignoring case).
    lowered = text.lower()
    match = _MEANS.match(text) if "mean" in lowered else None
    if match is None and "the term" in lowered:
        match = _TERM_IS.search(text)
    term = match.group("term").strip().casefold() if match else ""
    return term if term and term not in _FUNCTION_WORDS else None


def _may_quote(text: str) -> bool:
    """Whether ``text`` holds a mark that ``_QUOTE`` matches (a cheap test before
    ``_QUOTED``, which most clauses do not match)."""
    return any(mark in text for mark in _QUOTE_MARKS)


def defined_terms(*instruments: Instrument) -> Terms:
    """The terms the clauses of ``instruments`` define ("X means", 'the term "X"') or
    quote, and the leaf clauses that define one or sit in a definitions article (its
    caption one of the languages' ``definitions_captions``)."""
    terms: set[str] = set()
    defining: set[str] = set()
    for instrument in instruments:
        for leaf in instrument.leaves:
            key = leaf.clause.text
            if _may_quote(key):
                terms.update(m.group(1).strip().casefold() for m in _QUOTED.finditer(key))
            term = defined_term(key)
            if term:
                terms.add(term)
                defining.add(leaf.clause.eid)
            elif any(
                c.kind == "article" and c.heading and _DEFINITIONS_CAPTION.search(c.heading)
                for c in leaf.ancestors
            ):
                defining.add(leaf.clause.eid)
    return Terms(frozenset(t for t in terms if t not in _FUNCTION_WORDS), frozenset(defining))
