"""Normalization, in one place and at two levels.

* ``display_text`` keeps the source's words, punctuation and capitalization: Unicode NFC
  and collapsed whitespace, nothing else. Repairs of certain damage (end-of-line
  hyphenation, glued markers) happen in the importers and segmenter, where the damage
  can be recognized.
* ``comparison_key`` folds what is not wording (quote variants, the dash and hyphen code
  points to one hyphen-minus, ligatures, soft hyphens, no-break and zero-width spaces,
  compatibility forms, whitespace, also around punctuation). It is idempotent and is
  never applied to display text: callers ask for it explicitly. A hyphen inside a word
  stays: "re-sign" and "resign" are two words, and "co-operation" / "cooperation" a
  spelling variant that ``treatydiff.engine.classify`` names, never a difference of form.
  An optional hyphen (``OPTIONAL_HYPHEN``) stays too; ``keys_match`` reads it as a hyphen
  or none. A superscript, subscript or fraction after a digit stays apart from that
  digit ("10\u2076" is not "106"), which the compatibility fold would join.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

# Characters that carry no wording: soft hyphen, zero-width spaces and joiners, word
# joiner, byte-order mark.
INVISIBLE_CHARACTERS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE_CHARACTERS), None)

# A hyphen printed at a line end that an importer cannot tell from the word's own hyphen
# (the document shows the word neither hyphenated nor joined: "subst-" / "itution" or
# "socio-" / "economic"): a hyphen followed by a soft hyphen (U+00AD), which marks the
# place a line broke. The word reads the same with or without it (``keys_match``).
OPTIONAL_HYPHEN = "-\u00ad"
# Kept through the folds under a private-use character, which no source text holds here.
_OPTIONAL_KEPT = "\ue000"

_FOLD = str.maketrans(
    {
        # quotes
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u0060": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"',
        # dashes and hyphens
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
        "\u2015": "-", "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
        # the fraction slash NFKC writes "½" with: "½" and "1/2" are one fraction
        "\u2044": "/",
    }
)  # fmt: skip

# A superscript or subscript (digits, signs, brackets) or a vulgar fraction right after a
# digit is part of the number, which NFKC would fold into it: "10⁶" (a million) is
# not "106", "article 3¹" not "article 31", "1½" not "11⁄2". Before NFKC,
# such a raised run is written "^" and a lowered one "_" before its folded digits ("10^6",
# as a PDF prints an exponent, ``treatydiff.formats.pdf.layout``), and a space goes
# before such a fraction ("1 1⁄2", as "1 ½" is typeset). Elsewhere the fold
# stands: "km²" and "km2", "CO₂" and "CO2" differ in typesetting only.
_SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074-\u207e"
_SUBSCRIPTS = "\u2080-\u208e"
# A number with the raised or lowered run after it, as one word of a diff (``engine.diff``):
# its key ("10^-3") then differs from "10-3" where the whole text's does.
RAISED_NUMBER = rf"\d+[{_SUPERSCRIPTS}{_SUBSCRIPTS}]+"
_FRACTIONS = "\u00bc-\u00be\u2150-\u215f\u2189"
_RAISED_AFTER_DIGIT = re.compile(rf"(?<=\d)(?:([{_SUPERSCRIPTS}]+)|([{_SUBSCRIPTS}]+))")
_FRACTION_AFTER_DIGIT = re.compile(rf"(?<=\d)(?=[{_FRACTIONS}])")
_FRACTION = re.compile(rf"[{_FRACTIONS}]")

# Spacing around punctuation is typesetting: "Assembly. inter alia" and
# "Assembly.inter alia", "“ racist ”" and "“racist”", "Secretary- General" and
# "Secretary-General" differ in form only. (Whitespace is single spaces by then.)
_SPACE_AROUND_PUNCT = re.compile(r" (?=[^\w\s])|(?<=[^\w\s]) ")
# A hyphen between letters, for the similarity of words only (``scored_words``): "co-
# operation" and "cooperation" score as the same word, so that a hyphen added or removed
# moves no alignment; the key keeps it (see the module docstring).
_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def display_text(raw: str) -> str:
    """Faithful display text: NFC, whitespace runs collapsed to one space, trimmed."""
    return _collapse_whitespace(unicodedata.normalize("NFC", raw))


def _collapse_whitespace(text: str) -> str:
    """Runs of whitespace (as str.isspace and regex \\s know it) as one space, trimmed."""
    return " ".join(text.split())


def comparison_key(text: str) -> str:
    """The key two texts are compared on; equal keys mean a difference of form only.

    Idempotent: ``comparison_key(comparison_key(s)) == comparison_key(s)``.
    """
    key = _fold_once(text)
    # Removing spaces can bring combining marks together, which Unicode then reorders:
    # fold again until nothing moves (two rounds in practice). A key still in NFKC would
    # not move (the other folds are idempotent), and the check is cheap: most keys stop here.
    if unicodedata.is_normalized("NFKC", key):
        return key
    for _ in range(4):
        again = _fold_once(key)
        if again == key:
            break
        key = again
    return key


def _fold_once(text: str) -> str:
    optional = OPTIONAL_HYPHEN in text
    if optional:
        text = text.replace(OPTIONAL_HYPHEN, _OPTIONAL_KEPT)
    # Invisible characters go first so that NFKC composes what they separated.
    key = _digits_apart(text.translate(_INVISIBLE))
    key = unicodedata.normalize("NFKC", key).translate(_FOLD)
    key = _collapse_whitespace(key)
    key = _SPACE_AROUND_PUNCT.sub("", key)
    return key.replace(_OPTIONAL_KEPT, OPTIONAL_HYPHEN) if optional else key


def _digits_apart(text: str) -> str:
    """``text`` with each superscript, subscript or fraction after a digit kept apart
    from the digits before it, which NFKC would join it to (see ``_SUPERSCRIPTS``)."""
    if text.isascii():
        return text
    text = _RAISED_AFTER_DIGIT.sub(
        lambda m: f"^{m.group(1)}" if m.group(1) else f"_{m.group(2)}", text
    )
    return _FRACTION_AFTER_DIGIT.sub(" ", text)


def spelled_fractions(text: str) -> str:
    """``text`` with each vulgar fraction as its figures, apart from a whole number
    before it, as the key reads them ("½" is " 1/2", "2½" is "2 1/2", never "21/2")."""
    if text.isascii():
        return text
    return _FRACTION.sub(
        lambda m: " " + unicodedata.normalize("NFKC", m.group()).translate(_FOLD), text
    )


def keys_match(left_key: str, right_key: str) -> bool:
    """Whether two comparison keys are the same wording: equal, or equal once each
    optional hyphen (``OPTIONAL_HYPHEN``) of one is read as a hyphen or as none, so that
    a word an importer left hyphenated at a line end matches the word printed whole or
    with its own hyphen ("subst-\u00aditution" matches "substitution", "socio-\u00adeconomic"
    "socio-economic")."""
    if left_key == right_key:
        return True
    if OPTIONAL_HYPHEN not in left_key and OPTIONAL_HYPHEN not in right_key:
        return False
    for one, other in ((left_key, right_key), (right_key, left_key)):
        if OPTIONAL_HYPHEN not in one:
            continue
        pattern = _optional_pattern(one)
        if any(pattern.fullmatch(other.replace(OPTIONAL_HYPHEN, hyphen)) for hyphen in ("-", "")):
            return True
    return False


def _optional_pattern(key: str) -> re.Pattern[str]:
    """``key`` as a pattern in which each optional hyphen may be there or not."""
    return re.compile("-?".join(map(re.escape, key.split(OPTIONAL_HYPHEN))))


def comparison_key_of(texts: Sequence[str]) -> str:
    """The comparison key of several texts read in order, such as the clauses of one side
    of a split: whitespace stands between them (so the key is the same as for the texts
    written one per line). ``comparison_key_of([text]) == comparison_key(text)``."""
    return comparison_key(texts[0]) if len(texts) == 1 else comparison_key(" ".join(texts))


# Half of a UTF-16 surrogate pair standing alone: no character, and no UTF-8 encodes it.
# Only an escape in a JSON string (``"\\ud800"``) can bring one into a text.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")

_WORDS = re.compile(r"\w+")


def scored_words(key: str) -> list[str]:
    """The words a word-level similarity measures in a comparison key: its runs of word
    characters, casefolded (``"Each State Party"`` -> ``["each", "state", "party"]``).
    ``compare``'s alignment and ``reuse`` measure the same words. A hyphen between
    letters joins its parts into one word (``"co-operation"`` -> ``["cooperation"]``):
    a hyphenation variant is spelling, scored as the same word, and so is a word with an
    optional hyphen (``OPTIONAL_HYPHEN``)."""
    if "-" in key:
        key = _WORD_HYPHEN.sub("", key.replace(OPTIONAL_HYPHEN, "-"))
    return _WORDS.findall(key.casefold())


class WordCodes(dict[str, str]):
    """Words as characters, so that a character-level measure (rapidfuzz's ``fuzz.ratio``,
    an Indel similarity) measures words: each distinct word gets one character, in the
    order the words are first seen. One instance serves all texts compared with each
    other; a word's character means nothing outside it.

    Codes start at ``chr(0)``: rapidfuzz looks characters below 256 up in an array and
    others in a hash map, so texts made mostly of the first 256 words score a third faster.
    """

    def __missing__(self, word: str) -> str:
        code = self[word] = chr(len(self))
        return code

    def encode(self, key: str) -> str:
        """The words (``\\w+``) of a comparison key, casefolded, one character each."""
        return self.encode_words(scored_words(key))

    def encode_words(self, words: Sequence[str]) -> str:
        """Words (as ``scored_words`` gives them), one character each."""
        return "".join(map(self.__getitem__, words))


# --- text for terminals and logs ------------------------------------------------------

# C0 controls but tab and line feed, DEL, and the C1 controls: a terminal acts on them
# (ESC starts the sequences that move the cursor, clear the screen or set the title; a
# C1 CSI does the same on some terminals) instead of showing them.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_CONTROL_PICTURES = {
    **{chr(code): chr(0x2400 + code) for code in range(0x20)},  # U+2400 CONTROL PICTURES
    "\x7f": "\u2421",
}


def printable(text: str) -> str:
    """``text`` as a terminal or a log shows it faithfully: each control character other
    than tab and line feed replaced by a visible symbol, the Unicode control picture of a
    C0 control or DEL (ESC as ``␛``, NUL as ``␀``), U+FFFD for a C1 control. Other
    characters are kept."""
    if _CONTROLS.search(text) is None:
        return text
    return _CONTROLS.sub(lambda match: _CONTROL_PICTURES.get(match.group(), "\ufffd"), text)


def log_line(text: str) -> str:
    """``text`` as one line of a terminal or a CI log that no CI system reads as a command:
    line breaks as spaces, ``printable``, and neither form of a GitHub Actions workflow
    command, which the runner reads in any line of a step's output: ``##[`` anywhere is
    written ``##%5B`` (the runner's own escape of "]" is ``%5D``), and a line beginning
    with ``::`` (after spaces) has its first colon written ``%3A``."""
    line = printable(" ".join(text.splitlines())).replace("##[", "##%5B")
    start = len(line) - len(line.lstrip())
    if line.startswith("::", start):
        line = f"{line[:start]}%3A{line[start + 1 :]}"
    return line


def log_text(text: str) -> str:
    """Text of several lines with each line a ``log_line``: what the text renderings
    print, so that neither a terminal nor a CI log acts on a clause's characters."""
    return "\n".join(log_line(line) for line in text.split("\n"))
