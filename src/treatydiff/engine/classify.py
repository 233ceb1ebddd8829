"""Status and change tags of an alignment.

Status: ``identical`` (same display text), ``formatting`` (same comparison key),
``modified``, ``added``, ``removed``.

Tags of a modified alignment, short and stable (reports and CI rules match on them):

* exactly one kind, the strongest found over its changed runs:
  ``spacing`` (the same letters, words joined or split by a space alone: "vijfjaar" ->
  "vijf jaar", a space a source lost or gained; kept apart from formatting because a
  space can change a word, "apart" -> "a part"),
  ``punctuation`` (the words are the same, only punctuation differs),
  ``spelling`` (typo-level: each changed word is one edit (insertion, deletion,
  substitution or swap of adjacent letters) from its counterpart, or letter case only,
  e.g. "ho" -> "no", "commited" -> "committed", "from" -> "form", "protocol" ->
  "Protocol"; or words joined or split with at most one such edit, "conf.ict" ->
  "conflict"; never a changed digit, never one function word for another such as
  "or" -> "of"),
  ``wording`` (anything else);
* flags a lawyer looks for, raised by wording changes only (a typo fix raises none):
  ``modal`` (shall, may, should, must, shall endeavour, undertake...),
  ``negation`` (not, no, never, neither, nor, without, unless, except...),
  ``number`` (numbers, number words and periods: "three months" -> "six months", ages,
  digits; "eighteen" and "18" count as the same number),
  ``defined-term`` (the clause defines a term and its wording changed, or the use of a
  defined or quoted term changed).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from rapidfuzz.distance import OSA

from treatydiff import lang
from treatydiff.engine.comparison import DiffOp, Status, runs
from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key_of

KIND_TAGS = ("spacing", "punctuation", "spelling", "wording")
FLAG_TAGS = ("modal", "negation", "number", "defined-term")
TAGS = KIND_TAGS + FLAG_TAGS

_WORDS = re.compile(r"\w+")

# The flags read the words of every known language at once, not those of the instrument's
# language alone: an instrument's language is not always known (a JSON export, an Akoma
# Ntoso file of others), texts quote other languages, and a flag missed costs more than one
# raised too often. A word one language counts for a flag is, in every other language,
# counted for the same flag or no common or function word (tests/test_lang.py).
_LANGUAGES = lang.every()
_MODAL = frozenset().union(*(language.modal_verbs for language in _LANGUAGES))
_NEGATION = frozenset().union(*(language.negations for language in _LANGUAGES))
_NUMBER_WORDS = {
    word: value for language in _LANGUAGES for word, value in language.number_words.items()
}
_PERIODS = frozenset().union(*(language.periods for language in _LANGUAGES))
# Short words that are all real words: one replacing another is a change of wording even
# at edit distance one ("or" -> "of", "an" -> "on").
_FUNCTION_WORDS = (
    frozenset().union(*(language.function_words for language in _LANGUAGES)) | _MODAL | _NEGATION
)


@dataclass(frozen=True)
class Terms:
    """Defined terms of a pair of instruments, and the clauses that define them."""

    terms: frozenset[str]
    defining: frozenset[str]  # eIds of leaf clauses that define a term

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        if not self.terms:
            return None
        # Longest first, so that "child pornography" wins over "child".
        alternatives = sorted(self.terms, key=lambda t: (-len(t), t))
        return re.compile(r"\b(" + "|".join(map(re.escape, alternatives)) + r")\b")


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


def status(
    left: Sequence[str], right: Sequence[str], *, keys: tuple[str, str] | None = None
) -> Status:
    """Status of a pair of sides, each given as its clauses' texts: identical when the
    texts are the same, formatting when the comparison keys of the sides are; ``keys``
    are those keys (``normalize.comparison_key_of``), when the caller has them."""
    if tuple(left) == tuple(right):
        return "identical"
    left_key, right_key = keys or (comparison_key_of(left), comparison_key_of(right))
    return "formatting" if left_key == right_key else "modified"


def tags(
    diff: Sequence[DiffOp],
    *,
    left: Sequence[str],
    right: Sequence[str],
    ids: Iterable[str],
    terms: Terms,
) -> tuple[str, ...]:
    """Tags of a modified alignment: its kind first, then its flags in TAGS order.

    ``diff``: the alignment's word diff, whose runs are judged whole (``runs``); ``left``
    and ``right``: the texts of the clauses of each side."""
    kinds: set[str] = set()
    flags: set[str] = set()
    for run in runs(diff):
        if run[0].op == "equal":
            continue
        a = [w for op in run for w in _WORDS.findall(op.left)]
        b = [w for op in run for w in _WORDS.findall(op.right)]
        kind = _run_kind(a, b)
        kinds.add(kind)
        if kind != "wording":
            continue
        a = [w.casefold() for w in a]
        b = [w.casefold() for w in b]
        if _counts(a, _MODAL) != _counts(b, _MODAL):
            flags.add("modal")
        if _counts(a, _NEGATION) != _counts(b, _NEGATION):
            flags.add("negation")
        if _numbers(a) != _numbers(b):
            flags.add("number")
    if "wording" in kinds and (
        any(eid in terms.defining for eid in ids)
        or _term_counts(left, terms) != _term_counts(right, terms)
    ):
        flags.add("defined-term")
    strongest = [k for k in KIND_TAGS if k in kinds][-1:]
    return (*strongest, *(f for f in FLAG_TAGS if f in flags))


def _run_kind(a: Sequence[str], b: Sequence[str]) -> str:
    """The kind of a changed run, from the words of its two sides."""
    if a == b:
        return "punctuation"
    if "".join(a) == "".join(b):
        return "spacing"
    digits_a = [w for w in a if w.isdigit()]
    digits_b = [w for w in b if w.isdigit()]
    if digits_a != digits_b:
        return "wording"
    if len(a) == len(b) and all(_typo(x, y) for x, y in zip(a, b, strict=True)):
        return "spelling"
    if len(a) != len(b) and _typo("".join(a), "".join(b)):
        return "spelling"  # words joined or split: "urbanrural" -> "urban-rural"
    return "wording"


def _typo(a: str, b: str) -> bool:
    if a == b:
        return True
    if a.casefold() == b.casefold():
        return True
    if a.casefold() in _FUNCTION_WORDS and b.casefold() in _FUNCTION_WORDS:
        return False
    return OSA.distance(a.casefold(), b.casefold()) <= 1


def _counts(words: Sequence[str], vocabulary: frozenset[str]) -> Counter[str]:
    return Counter(w for w in words if w in vocabulary)


def _numbers(words: Sequence[str]) -> Counter[str]:
    return Counter(
        _NUMBER_WORDS.get(w, w) for w in words if w.isdigit() or w in _NUMBER_WORDS or w in _PERIODS
    )


def _term_counts(texts: Sequence[str], terms: Terms) -> Counter[str]:
    """Uses of the defined terms in some clause texts."""
    pattern = terms.pattern
    if pattern is None:
        return Counter()
    return Counter(term for text in texts for term in pattern.findall(text.casefold()))
