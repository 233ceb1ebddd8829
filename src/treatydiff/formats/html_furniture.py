"""What of a web page is page furniture, and what is text of the instrument however the
page wraps it (``formats.html``).

A page wraps its text in the same elements it uses for its furniture: a saved treaty
page may hold its title and preamble in ``<header>``, its testimonium in ``<footer>``, an
article in a collapsed accordion (``display: none`` until clicked). The rules here keep
such text and leave out menus, banners and notices; when in doubt text is kept, since
text kept in error shows in a comparison and text left out in error does not. Whatever
is left out is reported (``document.Dropped``).

* Visibility: as a desktop browser shows the page (a wide window). A class that hides an
  element on small screens only ("d-none d-md-block" in Bootstrap, "hidden lg:block" in
  Tailwind) hides nothing there; ``aria-hidden`` hides from screen readers, not from the
  eye, and hides nothing; screen-reader-only classes ("sr-only", "visually-hidden") do.
* Treaty text (``carries_text``): a group of blocks (a header, a footer, an aside, a
  hidden element) carries text of the instrument when one of its blocks, mostly not link
  text, opens a structural unit ("Article 3", "Preamble") or is a sentence or a clause of
  one (six words or more ending in ".", ",", ";" or ":"). A menu is links, a banner and a
  brand line are short: they carry none. Hidden text in another language than the one
  read is a language switch's other view, and stays hidden.
* A copyright notice (``is_notice``): "©" or "Copyright" followed by a year or an owner
  ("Copyright (c) 1999 United Nations", "© UN 2024"); "(c)" alone proves nothing (it is
  the third point of a list). ``formats.html`` leaves a notice out only where it stands
  at the page's edge, short and alone in its element.
* Note calls (``sup_reading``): a ``<sup>`` holding a mark (digits, "*", "†") right after
  a word, or linking to a place in the page, is a footnote call and is kept out of the
  words, as the PDF and Word importers keep theirs; digits raised after a digit are an
  exponent and read in superscript ("10<sup>6</sup>" is "10⁶", never "106"); any
  other ``<sup>`` ("1<sup>st</sup>") is words of the sentence, read as they stand.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from treatydiff.formats.document import structure_of
from treatydiff.lang import LANGUAGES, foreign
from treatydiff.lang import get as lang_get
from treatydiff.segment.markers import read_marker

# Classes that hide an element (Bootstrap, Tailwind, HTML5 boilerplate), and those that
# show it only to screen readers.
_HIDDEN_CLASSES = frozenset({"hidden", "d-none", "invisible"})
_SCREEN_READER_CLASSES = frozenset({"sr-only", "visually-hidden", "screen-reader-text"})
# A class that shows an element from some screen width on: Bootstrap "d-md-block",
# Tailwind "lg:block" / "md:flex".
_SHOWN_FROM = re.compile(
    r"^(?:d-(?:sm|md|lg|xl|xxl)-|(?:sm|md|lg|xl|2xl):)"
    r"(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|table-row|"
    r"table-cell|contents|flow-root|list-item|visible)$"
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Consent banners, named so by the page: never text of an instrument.
_CONSENT = re.compile(r"cookie|consent|gdpr", re.IGNORECASE)


def hides(classes: Iterable[str], style: str, *, hidden_attribute: bool) -> bool:
    """Whether an element with ``classes``, ``style`` and (or not) the ``hidden``
    attribute is hidden on a desktop screen."""
    names = set(classes)
    if hidden_attribute or _HIDDEN_STYLE.search(style) or names & _SCREEN_READER_CLASSES:
        return True
    return bool(names & _HIDDEN_CLASSES) and not any(_SHOWN_FROM.match(c) for c in names)


def is_consent_banner(classes: Iterable[str], element_id: str) -> bool:
    """Whether an element's classes or id name it a cookie or consent banner."""
    return any(_CONSENT.search(name) for name in (*classes, element_id))


# A block this much link text (0 to 1) is a link of a menu or a list of links.
LINKS = 0.5
_SENTENCE_WORDS = 6
_SENTENCE_ENDS = (".", ",", ";", ":")


def carries_text(blocks: Sequence[tuple[str, float]], *, lang: str, hidden: bool = False) -> bool:
    """Whether blocks (each its text and the share of it, 0 to 1, that is link text)
    carry text of an instrument in ``lang``: one, mostly not links, opens a structural
    unit, is an instrument's title, a numbered item ("1. Reservations shall be
    permitted.") or a sentence or a clause of one (not a copyright notice). ``hidden``
    blocks whose words read as another known language (``lang.foreign``) carry none:
    they are the other view of a language switch, not a collapsed section."""
    code = lang.partition("-")[0]
    if hidden and code in LANGUAGES:
        words = [w for text, _ in blocks for w in re.findall(r"\w+", text.lower())]
        if foreign(words, code) is not None:
            return False
    for text, links in blocks:
        if links >= LINKS:
            continue
        if structure_of(text, lang=lang) is not None or _names_instrument(text, code):
            return True
        sentence = len(text.split()) >= _SENTENCE_WORDS and text.endswith(_SENTENCE_ENDS)
        item = read_marker(text) is not None and text.endswith(_SENTENCE_ENDS)
        if (sentence or item) and not is_notice(text):
            return True
    return False


# A title is short: "Convention on the Prohibition of ... and on their Destruction".
_TITLE_WORDS = 30


def _names_instrument(text: str, code: str) -> bool:
    """Whether ``text`` is an instrument's title: short, opening with a kind of
    instrument ("Convention on ...", "Optional Protocol to ...": one of the first two
    words is one of the language's ``instrument_words``) and no sentence."""
    if code not in LANGUAGES:
        return False
    words = text.split()
    kinds = {word.casefold() for word in lang_get(code).instrument_words}
    opening = {word.casefold().strip(",.:") for word in words[:2]}
    return len(words) <= _TITLE_WORDS and bool(opening & kinds) and not text.endswith(".")


# "Copyright" or "©", then "©" / "(c)" after the word, then a year or an owner's name.
_YEAR = r"(?:19|20)\d\d\b"
_NOTICE = re.compile(
    rf"^(?:(?i:copyright)\s*(?:\u00a9|\((?i:c)\))\s*(?:{_YEAR}|[A-Z])"
    rf"|(?i:copyright)\s+{_YEAR}|\u00a9\s*(?:{_YEAR}|[A-Z]))"
)
_NOTICE_WORDS = 25


def is_notice(text: str) -> bool:
    """Whether ``text`` is a copyright notice: at most 25 words opening with "©" or
    "Copyright", then a year, or after a sign an owner's name ("© United Nations").
    "Copyright shall subsist ..." and "(c) 1951 Convention ..." are no notices."""
    return len(text.split()) <= _NOTICE_WORDS and _NOTICE.match(text.strip()) is not None


SupReading = Literal["call", "exponent", "text"]
_MARK = re.compile(r"^(?:\d{1,3}|[*\u2020\u2021\u00a7]{1,3})$")
_EXPONENT = re.compile(r"^[-\u2212]?\d{1,3}$")
_SUPERSCRIPT = str.maketrans(
    "0123456789+-\u2212",
    "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079\u207a\u207b\u207b",
)
_SUBSCRIPT = str.maketrans(
    "0123456789+-\u2212",
    "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089\u208a\u208b\u208b",
)


def sup_reading(mark: str, before: str, *, linked: bool) -> SupReading:
    """How to read a ``<sup>`` holding ``mark`` after the text ``before`` it in its block
    (``linked``: the mark links to a place in the page): a note call, an exponent (digits
    after a digit), or text of the sentence ("1<sup>st</sup>", "M<sup>me</sup>")."""
    mark = mark.strip()
    last = before[-1:]
    if _EXPONENT.match(mark) and last.isdigit() and not linked:
        return "exponent"
    if not _MARK.match(mark):
        return "text"
    if linked or (last and (last.isalpha() or last in ".,;:)\u201d\u2019\"'")):
        return "call"
    return "text"


def superscript(digits: str) -> str:
    """``digits`` (and a plus or minus) written in superscript ("-6" is "⁻⁶")."""
    return digits.translate(_SUPERSCRIPT)


def subscript(digits: str) -> str:
    """``digits`` (and a plus or minus) written in subscript ("2" is "₂")."""
    return digits.translate(_SUBSCRIPT)


def raised_text(mark: str, before: str) -> str:
    """What a ``<sup>`` holding ``mark`` after the text ``before`` reads as in a source
    that marks no link (Markdown): nothing for a note call, superscript digits for an
    exponent ("10<sup>6</sup>" is "10⁶"), the mark itself for text (``sup_reading``)."""
    reading = sup_reading(mark, before, linked=False)
    if reading == "call":
        return ""
    return superscript(mark.strip()) if reading == "exponent" else mark
