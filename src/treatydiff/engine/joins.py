"""Words joined or split: the kind of a changed run whose two sides hold the same letters.

A run such as "a part" -> "apart", "vijf jaar" -> "vijfjaar" or "re-sign" -> "resign"
changes no letter, only what stands between them. Whether the words changed depends on
what the pieces are:

* joined or split by a space (or another mark that is no hyphen): ``spacing`` when one
  side is no word of the language, a space a source lost or gained ("theassets" / "the
  assets", "vijfjaar" / "vijf jaar"); ``wording`` when every word of both sides is a real
  word ("a part" / "apart", "every one" / "everyone", "can not" / "cannot"). A number
  word and the period it counts are two words in every known language ("five years",
  "vijf jaar"): run together, they are no word, whatever a word list says (the Dutch list
  holds "vijfjaar", a space lost in enough treaties to enter its legal register); and so
  is a spelling variant that a space tells apart ("zonodig" / "zo nodig");
* joined or split at an apostrophe: ``wording``, a possessive or a contraction ("State's"
  / "States'", "its" / "it's");
* joined or split at a hyphen: ``spelling``, a hyphenation variant ("co-operation" /
  "cooperation", "urban-rural" / "urbanrural"), except where the hyphen tells two words
  apart: a prefix of the language's ``hyphen_prefixes``, the joined form a real word,
  and either a stem that is no word alone ("co-op" / "coop") or a real stem the hyphen
  does more than keep two vowels apart at ("re-sign" / "resign", "un-ionized" /
  "unionized"): ``wording``. Where a prefix ending in a vowel meets a stem opening with
  one, the hyphen only keeps the two apart ("re-enter" / "reenter"), a spelling (see
  ``treatydiff.lang.en``).

Which strings are words: ``treatydiff.lang.words.Lexicon``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from treatydiff import lang
from treatydiff.lang.words import Lexicon

_WORDS = re.compile(r"\w+")
# The hyphen and dash code points (``normalize`` folds them to "-" in the key).
_HYPHENS = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_APOSTROPHES = frozenset("'\u2019\u02bc\u2032`")


@dataclass(frozen=True)
class Join:
    """Words of one side that stand for words of the other with the same letters.

    Attributes:
        left, right: the words of each side, as printed.
        hyphenated: whether a hyphen (or dash) stands between two words of a side.
        apostrophe: whether an apostrophe stands between two words of a side ("State's"
            / "States'", "its" / "it's"): a possessive or a contraction, never a space.
    """

    left: tuple[str, ...]
    right: tuple[str, ...]
    hyphenated: bool
    apostrophe: bool = False


def joins(left: str, right: str) -> list[Join] | None:
    """The words of two texts grouped where one side joins or splits the other's ("a
    part" / "apart": one group; a word alike on both sides is a group of its own), or
    None when the texts' letters, casefolded, differ."""
    a = list(_WORDS.finditer(left))
    b = list(_WORDS.finditer(right))
    if "".join(m.group() for m in a).casefold() != "".join(m.group() for m in b).casefold():
        return None
    groups: list[Join] = []
    i = j = 0
    while i < len(a):
        i0, j0 = i, j
        x, y = a[i].group().casefold(), b[j].group().casefold()
        i, j = i + 1, j + 1
        # Both strings read the same letters from the same place: the shorter one grows
        # until they meet.
        while x != y:
            if len(x) < len(y):
                x, i = x + a[i].group().casefold(), i + 1
            else:
                y, j = y + b[j].group().casefold(), j + 1
        groups.append(
            Join(
                tuple(m.group() for m in a[i0:i]),
                tuple(m.group() for m in b[j0:j]),
                _hyphenated(left, a[i0:i]) or _hyphenated(right, b[j0:j]),
                _between(left, a[i0:i], _APOSTROPHES) or _between(right, b[j0:j], _APOSTROPHES),
            )
        )
    return groups


def _hyphenated(text: str, words: Sequence[re.Match[str]]) -> bool:
    """Whether a hyphen stands between two of ``words`` (matches in ``text``)."""
    return _between(text, words, _HYPHENS)


def _between(text: str, words: Sequence[re.Match[str]], marks: frozenset[str]) -> bool:
    """Whether one of ``marks`` stands between two of ``words`` (matches in ``text``)."""
    return any(
        not marks.isdisjoint(text[one.end() : other.start()])
        for one, other in zip(words, words[1:], strict=False)
    )


def hyphens_moved(left: str, right: str) -> str | None:
    """For two texts of the same words that differ only between them: ``wording`` when a
    hyphen stands between other words on each side ("twenty five-year" / "twenty-five
    year": what the number counts changed), ``spelling`` when one side adds or drops
    hyphens alone ("state-owned" / "state owned", a hyphenation variant), None when the
    hyphens stand alike (the change is punctuation)."""
    a = list(_WORDS.finditer(left))
    b = list(_WORDS.finditer(right))
    gaps_a = [_between(left, pair, _HYPHENS) for pair in zip(a, a[1:], strict=False)]
    gaps_b = [_between(right, pair, _HYPHENS) for pair in zip(b, b[1:], strict=False)]
    if gaps_a == gaps_b:
        return None
    gained = any(y and not x for x, y in zip(gaps_a, gaps_b, strict=True))
    lost = any(x and not y for x, y in zip(gaps_a, gaps_b, strict=True))
    return "wording" if gained and lost else "spelling"


def join_kind(groups: Sequence[Join], lexicon: Lexicon) -> str:
    """The kind of a run whose words are ``groups`` (``joins``): ``wording`` when a
    group changes a word, else ``spelling`` when a hyphen joins or splits one, else
    ``spacing`` (see the module docstring)."""
    kinds = {_kind(group, lexicon) for group in groups if len(group.left) + len(group.right) > 2}
    return next((k for k in ("wording", "spelling") if k in kinds), "spacing")


def _kind(group: Join, lexicon: Lexicon) -> str:
    if group.apostrophe:
        return "wording"
    if group.hyphenated:
        return "wording" if _tells_apart(group, lexicon) else "spelling"
    words = (*group.left, *group.right)
    if any(_counted_period(w) for w in words) or _variant(group, lexicon):
        return "spacing"
    return "wording" if all(map(lexicon.is_word, words)) else "spacing"


def _variant(group: Join, lexicon: Lexicon) -> bool:
    """Whether one side of ``group`` is a spelling of the other that a space tells
    apart ("zonodig" / "zo nodig", ``treatydiff.lang.words``)."""
    left = " ".join(group.left).casefold()
    right = " ".join(group.right).casefold()
    return lexicon.canonical(left) == right or lexicon.canonical(right) == left


def _counted_period(word: str) -> bool:
    """Whether ``word`` is a number word run into the period it counts ("vijfjaar")."""
    folded = word.casefold()
    return any(
        folded.startswith(number) and folded[len(number) :] in language.periods
        for language in lang.every()
        for number in language.number_words
    )


def _tells_apart(group: Join, lexicon: Lexicon) -> bool:
    """Whether the hyphen of ``group`` tells two words apart ("re-sign" / "resign")."""
    parts, joined = (group.left, group.right) if len(group.left) > 1 else (group.right, group.left)
    if len(joined) != 1 or len(parts) < 2:
        return False
    return lexicon.hyphen_tells_apart(parts[0], "".join(parts[1:]))
