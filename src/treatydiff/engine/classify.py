"""Status and change tags of an alignment.

Status: ``identical`` (same display text), ``formatting`` (same comparison key, which
keeps a hyphen inside a word: ``treatydiff.normalize``), ``modified``, ``added``,
``removed``. (A split or merge whose pieces lie in different articles is also ``moved``:
``treatydiff.engine.compare``.)

Tags of a modified alignment, short and stable (reports and CI rules match on them):

* exactly one kind, the strongest found over its changed runs:
  ``spacing`` (the same letters, words joined or split by a space alone where one side
  is no word of the language: "vijfjaar" -> "vijf jaar", "theassets" -> "the assets", a
  space a source lost or gained; where every word of both sides is a real word the space
  changes a word, "apart" -> "a part", "cannot" -> "can not": wording;
  ``treatydiff.engine.joins``),
  ``punctuation`` (the words are the same, only punctuation differs; a symbol or mark
  that carries meaning is no punctuation: "$" -> "€", ">" -> "<", "&", "§", "and/or",
  the primes of "30′ 15″" are wording, ``_symbols``),
  ``case`` (the words are the same but for letter case, "Part" -> "part", whatever the
  punctuation: a publisher's house style, kept apart from spelling so that a check can
  tell a typeset capital from a changed word),
  ``citation`` (only the numbers of cross-references changed, each to follow the clause
  it cites to its new number: "article 2" -> "article 3" where article 2 became article
  3; ``treatydiff.engine.references``),
  ``spelling`` (a change that cannot change the law: each changed word is letter case
  only or a recognised spelling variant of its counterpart ("organisation" ->
  "organization", ``treatydiff.lang.words``; a capital printed without its accent,
  "Etats" -> "États", unless the accent makes another word: "Él" -> "El"), or one
  edit (insertion, deletion, substitution or swap of adjacent letters) from it where
  exactly one of the two is a word of the language: a typo made
  or repaired, "ho" -> "no", "commited" -> "committed", "Protocl"; or words joined or
  split with at most one such edit, "conf.ict" -> "conflict"; or a hyphen added or
  removed, "co-operation" -> "cooperation", where it tells no two words apart),
  ``wording`` (anything else: a real word put for another however close the letters,
  "not" -> "now", "public" -> "pubic", "in" -> "on", also by an accent, "où" -> "ou",
  "examinará" -> "examinara"; two non-words, as acronyms and names are, "OPAC" ->
  "OPSC", and a word in capitals in a text that is not, "CERD" -> "CED": designations;
  a capitalized word put for a name another language's list holds, "Geneva" ->
  "Genova"; a hyphen that tells two words apart, "re-sign" -> "resign", "co-op" ->
  "coop"; real words joined or split by a space, "a part" -> "apart"; grammatical
  number, "principle" -> "principles"; a changed digit, a changed letter or roman
  numeral of a list item);
* flags a lawyer looks for:
  ``modal`` (shall, may, should, must, shall endeavour, undertake...),
  ``negation`` (not, no, never, neither, nor, without, unless, except...; a word and its
  opposite by a prefix, lawful -> unlawful),
  ``number`` (numbers, number words, ordinals, fractions and percentages, periods and
  ages, months of dates: "three months" -> "six months"; "eighteen" and "18" count as
  the same number; "two" -> "tow" drops one; a figure's sign, "+2" -> "-2", and a
  symbol beside a figure, "$100" -> "€100", "> 5" -> "< 5"),
  ``defined-term`` (the clause defines a term and its wording changed, or the use of a
  defined or quoted term changed),
  ``reference`` (a cross-reference left citing the old number of a renumbered clause;
  raised by ``treatydiff.engine.references``, also on a clause whose words are the same).

Flags and typos. A flag is raised when the words it names appear, disappear or change
between the sides, as the sides read: a wording change is read as written; in a
spelling change a non-word of the older (left) text is read as the word that replaces it,
so that a typo repair that restores a flag word raises nothing ("ho" -> "no"), while a
flag word of the older text turned into a non-word raises its flag ("not" -> "nto",
"two" -> "twoo": the newer text lost it). Spelling variants are one word ("endeavour" ->
"endeavor" raises nothing).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz.distance import OSA

from treatydiff import lang
from treatydiff.engine.comparison import DiffOp, Status, runs
from treatydiff.engine.joins import hyphens_moved, join_kind, joins
from treatydiff.engine.terms import Terms
from treatydiff.lang.words import EVERY_LANGUAGE, Lexicon
from treatydiff.model import DOC_TITLE_EID, HEADING_EID_SUFFIX
from treatydiff.normalize import comparison_key_of, keys_match, spelled_fractions

KIND_TAGS = ("spacing", "punctuation", "case", "citation", "spelling", "wording")
FLAG_TAGS = ("modal", "negation", "number", "defined-term", "reference")
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
# Months as dates print them ("May", never the modal "may"; Dutch "mei").
_MONTHS = frozenset(month for language in _LANGUAGES for month in language.months)
_NEGATION_PREFIXES = tuple(
    sorted({p for language in _LANGUAGES for p in language.negation_prefixes}, key=len)
)
# A single letter or a roman numeral is a label ("(a)", "(iv)"): never a typo of another.
_LABEL = re.compile(r"[^\W\d_]|[ivx]{2,5}", re.IGNORECASE)
# The shortest word an antonym prefix is read on: "in" + "form" is no opposite.
_ANTONYM_BASE = 4


def status(
    left: Sequence[str], right: Sequence[str], *, keys: tuple[str, str] | None = None
) -> Status:
    """Status of a pair of sides, each given as its clauses' texts: identical when the
    texts are the same, formatting when the comparison keys of the sides match
    (``normalize.keys_match``: equal, an optional line-end hyphen read either way); ``keys``
    are those keys (``normalize.comparison_key_of``), when the caller has them."""
    if tuple(left) == tuple(right):
        return "identical"
    left_key, right_key = keys or (comparison_key_of(left), comparison_key_of(right))
    return "formatting" if keys_match(left_key, right_key) else "modified"


def tags(
    diff: Sequence[DiffOp],
    *,
    left: Sequence[str],
    right: Sequence[str],
    ids: Iterable[str],
    terms: Terms,
    lexicon: Lexicon = EVERY_LANGUAGE,
    updated: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
) -> tuple[str, ...]:
    """Tags of a modified alignment: its kind first, then its flags in TAGS order (all
    but ``reference``, which the caller adds).

    ``diff``: the alignment's word diff, whose runs are judged whole (``runs``); ``left``
    and ``right``: the texts of the clauses of each side; ``lexicon``: the words of the
    languages of the texts (default: every known language); ``updated``: the spans
    (start, end) in the left and right text of the cross-references updated to follow a
    renumbering, for a one-to-one alignment: a changed run within one is kind
    ``citation`` and raises no flag."""
    kinds: set[str] = set()
    flags: set[str] = set()
    left_all = "".join(op.left for op in diff)
    right_all = "".join(op.right for op in diff)
    designations = not (_in_capitals(left_all) or _in_capitals(right_all))
    # Titles and captions are set in a house style of capitals ("against" / "Against").
    ids = tuple(ids)
    titles = any(eid == DOC_TITLE_EID or eid.endswith(HEADING_EID_SUFFIX) for eid in ids)
    offsets = (0, 0)
    for run in runs(diff):
        start = offsets
        offsets = (
            offsets[0] + sum(len(op.left) for op in run),
            offsets[1] + sum(len(op.right) for op in run),
        )
        if run[0].op == "equal":
            continue
        if _within(run, start, updated):
            kinds.add("citation")
            continue
        left_run = "".join(op.left for op in run)
        right_run = "".join(op.right for op in run)
        left_run, right_run = _percent(left_run), _percent(right_run)
        left_run, right_run = spelled_fractions(left_run), spelled_fractions(right_run)
        a = _WORDS.findall(left_run)
        b = _WORDS.findall(right_run)
        kind = _run_kind((left_run, right_run), a, b, lexicon, designations=designations)
        if kind == "case" and designations and not titles:
            told = _case_tells_apart(a, b, terms, (left_all, right_all))
            if told is not None:
                kind = "wording"
                flags.update(told)
        kinds.add(kind)
        # Any change to a printed figure ("1-3" -> "13", "1.5" -> "15", "30" -> "3 0",
        # "2nd" -> "3rd") changes a number, whatever else the run reads like; a number
        # word stands for its figure ("18" -> "eighteen" is none), except in a change of
        # spacing alone ("vijfjaar" -> "vijf jaar" joins no figure) or a typo, whose number
        # words _flags judges with the typo read as the word it stands for.
        words = kind not in ("spacing", "spelling")
        if _figures(_around(left_all, start[0], offsets[0]), words=words) != _figures(
            _around(right_all, start[1], offsets[1]), words=words
        ):
            kinds.add("wording")
            flags.add("number")
        if [w.casefold() for w in a] == [w.casefold() for w in b]:
            continue  # letter case alone: "may" -> "May" changes no flag word
        if kind == "spelling" and len(a) == len(b):
            # A non-word of the older text reads as the word that replaces it.
            a = [y if x != y and not lexicon.is_word(x) else x for x, y in zip(a, b, strict=True)]
        elif kind != "wording":
            continue
        flags.update(_flags(a, b, lexicon))
    if kinds:
        symbols = tuple(_symbols(spelled_fractions(_percent(t))) for t in (left_all, right_all))
        if symbols[0] != symbols[1]:
            kinds.add("wording")
            if [s for s in symbols[0] if s[1]] != [s for s in symbols[1] if s[1]]:
                flags.add("number")
    if "wording" in kinds and (
        any(eid in terms.defining for eid in ids) or terms.counts(left) != terms.counts(right)
    ):
        flags.add("defined-term")
    strongest = [k for k in KIND_TAGS if k in kinds][-1:]
    return (*strongest, *(f for f in FLAG_TAGS if f in flags))


def _case_tells_apart(
    a: Sequence[str], b: Sequence[str], terms: Terms, texts: tuple[str, str]
) -> set[str] | None:
    """The flags of a change of letter case that makes other words of ``a`` and ``b``
    (the same words but for case, in a text not in capitals; ``texts``: the whole
    texts of each side), or None where it is a publisher's style ("Part" -> "part"): the
    month of a date and another word ("1 May" -> "1 may": ``number``; "May" alone is as
    often the modal verb opening a sentence); a defined term and the common words
    ("Vessel" -> "vessel", "Vessels" -> "vessels", "Competent Authority" -> "competent
    authority": ``defined-term``); an acronym of two to five capitals and a
    word in small letters ("WHO" -> "who")."""
    flags: set[str] = set()
    told = False
    defined = {term for term in terms.terms if " " not in term}
    # A term of several words whose case changed as a whole ("Competent Authority").
    joined = f" {' '.join(a).casefold()} "
    if any(" " in term and f" {term} " in joined for term in terms.terms):
        told = True
        flags.add("defined-term")
    for x, y in zip(a, b, strict=True):
        if x == y:
            continue
        month = x if x in _MONTHS else y if y in _MONTHS else None
        if month is not None and any(_dated(text, month) for text in texts):
            told = True
            flags.add("number")
        word = x.casefold()
        if word in defined or word.removesuffix("s") in defined:  # "Vessels" of "Vessel"
            told = True
            flags.add("defined-term")
        short, other = (x, y) if x.isupper() else (y, x)
        told = told or (2 <= len(short) <= 5 and short.isupper() and other.islower())
    return flags if told else None


def _dated(text: str, month: str) -> bool:
    """Whether ``month`` stands in ``text`` beside a figure, as in a date ("1 May",
    "May 2020")."""
    return (
        re.search(rf"\d[\s.,]*\b{re.escape(month)}\b|\b{re.escape(month)}\b[\s.,]*\d", text)
        is not None
    )


def _within(
    run: Sequence[DiffOp],
    start: tuple[int, int],
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]],
) -> bool:
    """Whether a changed run that starts at ``start`` (in the left and right text) lies,
    without its trailing spaces, within the left and right span of one of ``spans``."""
    left = "".join(op.left for op in run).rstrip()
    right = "".join(op.right for op in run).rstrip()
    return any(
        a0 <= start[0]
        and start[0] + len(left) <= a1
        and b0 <= start[1]
        and start[1] + len(right) <= b1
        for (a0, a1), (b0, b1) in spans
    )


def _flags(a: Sequence[str], b: Sequence[str], lexicon: Lexicon) -> set[str]:
    """The flags a changed run raises, from the words each side reads."""
    flags: set[str] = set()
    left = [lexicon.canonical(w) for w in a]
    right = [lexicon.canonical(w) for w in b]
    # A word printed as a month ("May") is no modal verb.
    modal_left = [w for w, shown in zip(left, a, strict=True) if shown not in _MONTHS]
    modal_right = [w for w, shown in zip(right, b, strict=True) if shown not in _MONTHS]
    if _counts(modal_left, _MODAL) != _counts(modal_right, _MODAL):
        flags.add("modal")
    if _counts(left, _NEGATION) != _counts(right, _NEGATION) or _antonyms(left, right):
        flags.add("negation")
    if _numbers(a, left) != _numbers(b, right):
        flags.add("number")
    return flags


def _antonyms(left: Sequence[str], right: Sequence[str]) -> bool:
    """Whether a word of one side is a word of the other with a negation prefix
    ("lawful" -> "unlawful", "applicable" -> "inapplicable")."""
    for one, other in ((left, right), (right, left)):
        bases = {w for w in one if len(w) >= _ANTONYM_BASE}
        for word in other:
            if any(word.startswith(p) and word[len(p) :] in bases for p in _NEGATION_PREFIXES):
                return True
    return False


# A printed figure: digits, with the separators a number or a range is printed with
# ("1,000", "1.5", "1-3", "2/3", "3 0" when a space splits one), and its sign where one
# stands right before it, not after a word or figure ("-5 degrees", "+2", "±3"; the
# "-" of "5-10" is a range's).
_FIGURE = re.compile(
    r"(?:(?<![\w.,)\]])[+\-\u2212\u00b1](?=\d))?\d+(?:[ .,:/\-\u2010-\u2015\u2212]\d+)*"
)
# A space or a comma before a group of three digits groups them ("1 000", "1,000" and
# "1000" are one number, SI, French and English style); a point may be a decimal mark
# ("1.000" is another number), and stays.
_GROUP_SPACE = re.compile(r"(?<=\d)[ ,](?=\d{3}(?!\d))")
_DASHES = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"))
# Marks that carry meaning where punctuation carries none, besides Unicode's symbols
# (currencies, relations and operators, degrees: categories Sc, Sm, So): "10 %" and
# "10 ‰", "members & observers", "§ 12", "and/or". A minus sign is a figure's sign.
_MARKS = frozenset("%\u2030\u2031&\u00a7\u00b6#/@\u2032\u2033\u2034")
# Private-use characters too: a symbol font's glyph no table maps (Wingdings' boxes).
_SYMBOL_CATEGORIES = frozenset({"Sc", "Sm", "So", "Co"})
# After a figure, a prime however typed is a unit: minutes, seconds, feet, inches.
_PRIMES = {"'": "\u2032", "\u2019": "\u2032", '"': "\u2033", "\u201d": "\u2033"}
# "10 %", "10 per cent", "10 percent", "10 procent": one way of saying a percentage.
_PERCENT = re.compile(r"\s*%|\bper\s+cent\b|\bprocent\b|\bpourcent\b", re.IGNORECASE)


def _around(text: str, start: int, end: int) -> str:
    """``text[start:end]`` widened to the whole figures it touches ("," of "1,000")."""
    while start > 0 and (text[start - 1].isdigit() or _joins(text, start - 1)):
        start -= 1
    while end < len(text) and (text[end].isdigit() or _joins(text, end)):
        end += 1
    return text[start:end]


def _joins(text: str, at: int) -> bool:
    """Whether ``text[at]`` is a separator with a digit on each side."""
    return (
        0 < at < len(text) - 1
        and text[at] in " .,:/-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
        and text[at - 1].isdigit()
        and text[at + 1].isdigit()
    )


def _symbols(text: str) -> list[tuple[str, bool]]:
    """The symbols and meaningful marks of ``text`` in order (``_MARKS``, categories
    ``_SYMBOL_CATEGORIES``; the minus sign aside), each with whether it touches a
    figure ("$100", "> 5", "12° 30′"): "$" -> "€", ">" -> "<", "30′ 15″" -> "30″ 15′" and
    "&" -> "" change what a text says, which a change of punctuation never does."""
    found = []
    for at, char in enumerate(text):
        after_digit = at > 0 and text[at - 1].isdigit()
        if after_digit and char in _PRIMES:
            char = _PRIMES[char]
        elif char == "\u2212" or (
            char not in _MARKS and unicodedata.category(char) not in _SYMBOL_CATEGORIES
        ):
            continue
        before = text[at - 2 : at].strip()[-1:]
        next_ = text[at + 1 : at + 3].strip()[:1]
        found.append((char, before.isdigit() or next_.isdigit()))
    return found


def _figures(text: str, *, words: bool) -> list[str]:
    """The figures printed in ``text``, dash variants folded ("1–3" is "1-3"), and with
    ``words`` the number words that stand for one ("eighteen" is "18"), in order."""
    found = [
        (m.start(), _GROUP_SPACE.sub("", m.group().translate(_DASHES)))
        for m in _FIGURE.finditer(spelled_fractions(text))
    ]
    for word in _WORDS.finditer(text) if words else ():
        value = _NUMBER_WORDS.get(word.group().casefold())
        if value is not None and value.isdigit():
            found.append((word.start(), value))
    return [figure for _, figure in sorted(found)]


def _percent(text: str) -> str:
    """``text`` with each way of writing "per cent" as the word "percent"."""
    return _PERCENT.sub(" percent", text) if ("%" in text or "cent" in text) else text


def _in_capitals(text: str) -> bool:
    """Whether ``text`` is printed in capitals (more capital letters than small ones):
    a heading in capitals, whose capitalized words are words, not designations."""
    upper = sum(map(str.isupper, text))
    return upper > 0 and upper > sum(map(str.islower, text))


def _run_kind(
    texts: tuple[str, str],
    a: Sequence[str],
    b: Sequence[str],
    lexicon: Lexicon,
    *,
    designations: bool = True,
) -> str:
    """The kind of a changed run, from the text (``texts``) and the words (``a``,
    ``b``) of its two sides; with ``designations``, a word in capitals is a designation
    (``_typo``)."""
    if a == b:
        return hyphens_moved(*texts) or "punctuation"
    if [w.casefold() for w in a] == [w.casefold() for w in b]:
        return "case"
    groups = joins(*texts)
    if groups is not None:
        return join_kind(groups, lexicon)
    digits_a = [w for w in a if w.isdigit()]
    digits_b = [w for w in b if w.isdigit()]
    if digits_a != digits_b:
        # A figure grouped otherwise ("5000" / "5 000"): the same digits, as figures too
        # ("10⁶" / "10⁹" are other digits, though re's figures read "10" in both).
        same_words = [w for w in a if not w.isdigit()] == [w for w in b if not w.isdigit()]
        same_digits = "".join(digits_a) == "".join(digits_b)
        figures = _figures(texts[0], words=False) == _figures(texts[1], words=False)
        if same_words and same_digits and figures:
            return "punctuation"
        return "wording"
    if len(a) == len(b) and all(
        _typo(x, y, lexicon, designations=designations) for x, y in zip(a, b, strict=True)
    ):
        return "spelling"
    # Words joined or split with one edit ("conf.ict" -> "conflict"), where the side of
    # more words holds a non-word or lost a letter where it splits (a letter read as a
    # mark); "a parts" -> "apart" are real words put for another. A word added or
    # dropped whole is never one, however short: "(a) (i)" -> "(a)" moves a
    # cross-reference and "a review" -> "review" changes what is reviewed.
    split, joined = (a, b) if len(a) > len(b) else (b, a)
    if (
        a
        and b
        and len(a) != len(b)
        and (not all(map(lexicon.is_word, split)) or _lost_at_split(split, joined))
        and _typo("".join(a), "".join(b), lexicon, labels=False)
    ):
        return "spelling"
    return "wording"


def _lost_at_split(split: Sequence[str], joined: Sequence[str]) -> bool:
    """Whether the words ``joined`` read as the words ``split`` with one letter put back
    where two of them meet ("conf" "ict" -> "conflict")."""
    whole = "".join(joined).casefold()
    parts = [w.casefold() for w in split]
    for cut in range(1, len(parts)):
        head, tail = "".join(parts[:cut]), "".join(parts[cut:])
        if (
            len(whole) == len(head) + len(tail) + 1
            and whole.startswith(head)
            and whole.endswith(tail)
        ):
            return True
    return False


def _typo(
    a: str, b: str, lexicon: Lexicon, *, labels: bool = True, designations: bool = False
) -> bool:
    """Whether ``b`` for ``a`` cannot change the law: the same word in another case or
    spelling, or a typo: one edit, and exactly one of the two is a word of the language,
    the word the typo stands for (two non-words, as acronyms and names are, "OPAC" /
    "OPSC", are two designations). With ``labels``, a letter or roman numeral put for
    another is never one ("(a)" -> "(b)"); without, the strings are words joined or
    split, where a lone letter is a list marker that one side prints in the text (a
    chapeau merged with its point "(a)"). With ``designations``, a word of two letters
    or more in capitals is a designation, never a typo of another ("CERD" / "CED",
    "UNHCR" / "UNHRC": a word list knows some acronyms and not others)."""
    if a == b:
        return True
    x, y = a.casefold(), b.casefold()
    if x == y or lexicon.canonical(x) == lexicon.canonical(y) or _capital_accents(a, b, lexicon):
        return True
    if labels and (_LABEL.fullmatch(x) or _LABEL.fullmatch(y)):
        return False
    if designations and any(len(w) > 1 and w.isupper() for w in (a, b)):
        return False
    if OSA.distance(x, y) > 1:
        return False
    if _inflected(x, y, lexicon):
        return False
    known = lexicon.is_word(x, rare=True)
    if known == lexicon.is_word(y, rare=True):
        return False
    # A name put for another is no typo, though the language's list lacks one of them:
    # a capitalized string that another language's list holds is a name ("Geneva" /
    # "Genova", Genoa), where "Protocl" is no word of any; an accent alone is no other
    # name ("Comite" / "Comité").
    stray = b if known else a
    return not (
        stray[:1].isupper()
        and EVERY_LANGUAGE.is_word(stray.casefold())
        and "".join(map(_bare, a)) != "".join(map(_bare, b))
    )


def _capital_accents(a: str, b: str, lexicon: Lexicon) -> bool:
    """Whether ``a`` and ``b`` differ only in the accents of capital letters ("Etats" /
    "États", "COMITE" / "Comité"): French and Spanish print capitals with or without
    their accents (the Académie française and the RAE ask for them; many publishers,
    the UN's older prints among them, leave them out), the same word either way. An
    accent on a small letter tells words apart ("ou" / "où", "si" / "sí"), and so does
    one on a capital where the accented word is one of the language's
    ``accented_words`` ("Él" / "El", "Één" / "Een")."""
    accented = _accented_words(lexicon.codes)
    if a.casefold() in accented or b.casefold() in accented:
        return False
    return len(a) == len(b) and all(
        p == q or ((p.isupper() or q.isupper()) and _bare(p) == _bare(q))
        for p, q in zip(a, b, strict=True)
    )


@cache
def _accented_words(codes: tuple[str, ...]) -> frozenset[str]:
    """The ``accented_words`` of the languages ``codes``."""
    return frozenset(w for code in codes for w in lang.get(code).accented_words)


def _bare(letter: str) -> str:
    """A letter casefolded without its diacritics ("É" -> "e")."""
    return unicodedata.normalize("NFD", letter.casefold())[:1]


def _inflected(x: str, y: str, lexicon: Lexicon) -> bool:
    """Whether the two words differ only in their endings: after their longest common
    beginning, each has nothing left or one of a language's ``inflections``; where both
    have an ending, one may begin with the beginning's last letter ("principle" /
    "principles", "criminalized" / "criminalizes": "criminaliz" + "ed" / + "es",
    "endorser" / "endorsee": "endors" + "er" / + "ee"; not "adopted" / "adoptd", nor
    "Committe" / "Committee"). A word list need not hold every form of a word
    ("criminalizes", "endorsee"), so a form it lacks is still no typo of another form."""
    stem = os.path.commonprefix((x, y))
    tails = (x[len(stem) :], y[len(stem) :])
    both = all(tails)
    for code in lexicon.codes:
        endings = lang.get(code).inflections
        if all(
            not tail or tail in endings or (both and stem[-1:] + tail in endings) for tail in tails
        ):
            return True
    return False


def _counts(words: Sequence[str], vocabulary: frozenset[str]) -> Counter[str]:
    return Counter(w for w in words if w in vocabulary)


def _numbers(printed: Sequence[str], words: Sequence[str]) -> Counter[str]:
    """The numbers, periods and months of a side: ``printed``, its words as printed,
    ``words`` the same casefolded (``Lexicon.canonical``)."""
    found: Counter[str] = Counter()
    for shown, word in zip(printed, words, strict=True):
        if shown.isdigit() or word in _NUMBER_WORDS or word in _PERIODS or shown in _MONTHS:
            found[_NUMBER_WORDS.get(word, word)] += 1
    return found
