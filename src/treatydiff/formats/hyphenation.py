"""Joining the hard-wrapped lines of a paragraph: a space, or end-of-line hyphenation
undone where the document itself or the language's word list shows the whole word.
"""

from __future__ import annotations

import re

from treatydiff.formats.un_text_layout import TextLine
from treatydiff.lang.words import Lexicon
from treatydiff.model import Guess
from treatydiff.normalize import OPTIONAL_HYPHEN

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS_BACKWARDS = re.compile(r"[^\W\d_]+")  # matched on reversed text, at its start


def vocabulary(lines: list[TextLine]) -> tuple[set[str], set[str]]:
    """Words of the document, and its hyphenated compounds, both lowercased."""
    words: set[str] = set()
    compounds: set[str] = set()
    for line in lines:
        for match in _WORD.finditer(line.text):
            word = match.group().lower()
            if "-" in word:
                compounds.add(word)
                words.update(word.split("-"))
            else:
                words.add(word)
    return words, compounds


def joint(
    pieces: list[str],
    right: TextLine,
    words: set[str],
    compounds: set[str],
    lexicon: Lexicon,
    guesses: list[Guess],
) -> str:
    """What joins the next wrapped line ``right`` to a paragraph so far (its lines
    ``pieces``): a space, or nothing where end-of-line hyphenation is undone for certain,
    in which case the hyphen ending the last piece is dropped from it.

    Certain: the document prints the whole word elsewhere and never the hyphenated
    compound; or the language's word list (``lexicon``) knows the whole word and not both
    pieces ("mili-" / "tary", "subst-" / "itution") and the hyphen tells no two words
    apart. Two words on either side of the
    hyphen ("re-" / "sign", "non-" / "governmental") keep it: the compound may be meant.
    Kept where the document prints the compound elsewhere; kept as printed, and added to
    ``guesses``, where the hyphen tells two words apart (``Lexicon.hyphen_tells_apart``:
    "re-" / "sign" may be "resign" or "re-sign"; a comparison then shows the change
    against either, never hides it); otherwise kept as an optional hyphen
    (``normalize.OPTIONAL_HYPHEN``), the word read the same with or without it ("socio-"
    / "economic"), since the comparison key keeps every other hyphen inside a word.

    Linear in the hyphenated word, never in the paragraph: the letters before the hyphen
    are read backwards from the end.
    """
    left = pieces[-1]
    if left.endswith("\u00ad"):
        return ""
    if not (left.endswith("-") and right.text[:1].islower()):
        return " "
    head = _letters_before_hyphen(pieces)
    if not head:
        return " "
    tail_match = _WORD.match(right.text)
    tail = tail_match.group().split("-")[0] if tail_match else ""
    whole = (head + tail).lower()
    if f"{head}-{tail}".lower() in compounds:
        return ""
    if whole in words:
        pieces[-1] = left[:-1]
    elif lexicon.hyphen_tells_apart(head, tail):
        guesses.append(
            Guess(
                "hyphen",
                right.number,
                f"{head}- / {tail}",
                f'the hyphen ending the line before kept: read as "{head}-{tail}", which may'
                f' be "{head}{tail}"',
            )
        )
    elif lexicon.is_word(whole) and not (lexicon.is_word(head) and lexicon.is_word(tail)):
        pieces[-1] = left[:-1]
    else:
        pieces[-1] = left[:-1] + OPTIONAL_HYPHEN
    return ""


def _letters_before_hyphen(pieces: list[str]) -> str:
    """The letters that end the paragraph ``pieces`` before its final hyphen, across
    pieces joined without a space ("interna" of "... inter", "", "na-")."""
    backwards: list[str] = []
    for index in range(len(pieces) - 1, -1, -1):
        text = pieces[index][:-1] if index == len(pieces) - 1 else pieces[index]
        letters = _LETTERS_BACKWARDS.match(text[::-1])
        run = letters.group() if letters else ""
        backwards.append(run)
        if len(run) < len(text):
            break
    return "".join(backwards)[::-1]
