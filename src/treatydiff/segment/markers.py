"""List markers and designations: the numbers and letters that open paragraphs and points
("1.", "(a)", "a)", "(iv)", "-", "1a.", "2 bis."), their shapes, the order of the items of
a list, and the designations of articles and containers ("3", "3 bis", "4A", "IV", "A",
"AA", "A bis").

Language-neutral: treaties in every language the project reads number their lists so,
and insert provisions with the Latin ordinals (bis, ter, quater ...) or a letter after the
number ("3 bis", "4A"), as the UN, the Council of Europe and national legislators do.
Numbers have any length: an article may have a thousand paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# The Latin ordinals that number inserted provisions, in order ("3 bis" after 3, "3 ter"
# after "3 bis"); "nonies" and "novies" are both in use.
LATIN_ORDINALS: tuple[str, ...] = (
    "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "nonies",
    "decies", "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies",
    "sexdecies", "septdecies", "octodecies", "novodecies", "vicies",
)  # fmt: skip
# Longest first, so that "quater" is not read as "ter" nor "quaterdecies" as "quater".
_SUFFIX = "|".join(sorted(LATIN_ORDINALS, key=len, reverse=True))
_SPACE = r"[^\S\n]"  # whitespace within a line, no-break spaces and tabs included
# A number with an inserted provision's letter or Latin ordinal: "12", "4A", "1a", "3 bis".
NUMBER = rf"\d+(?:[A-Za-z](?![A-Za-z])|{_SPACE}?(?:{_SUFFIX})\b)?"
# An article's or container's designation: a number, a Roman numeral or one or two capital
# letters ("Article A" ... "Article O", "Article AA"), each with an optional Latin ordinal.
DESIGNATION = (
    rf"(?:\d+(?:{_SPACE}?[A-Za-z](?![A-Za-z]))?|[IVXLCDM]+|[A-Z]{{1,2}})"
    rf"(?:{_SPACE}*(?:{_SUFFIX})\b)?"
)

_MARKER = re.compile(
    rf"""^(?:
        (?P<num_dot>{NUMBER})\s?\.{{1,2}}(?!\d)
      | \((?P<num_paren>{NUMBER})\)
      | (?P<num_close>{NUMBER})\)
      | \(\s?(?P<alpha_paren>[a-z]{{1,4}})\s?\)
      | (?P<alpha_close>[a-z]{{1,4}})\)
      | (?P<alpha_dot>[a-z]{{1,4}})\.(?=\s|[A-Z(])
      | (?P<alpha_glued>[a-z])\.(?=[a-z"'\u201c\u2018])(?![a-z]\.) # "g.any", 'a."rights', no "e.g."
      | (?P<dash_indent>[\u2013\u2014\u2022-])(?=\s)
    )(?![,;])\s*""",  # "(e), the Committee": a cited item, wrapped to a line start
    re.VERBOSE,
)
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
# Numbers that open a list.
_FIRST_ITEMS = frozenset({"a", "i", "1", "A", "I"})


@dataclass(frozen=True)
class Marker:
    """A list marker at the start of a text.

    ``num`` is the item's number without brackets ("a", "iv", "3"); ``style`` its shape,
    which tells list levels apart: "(alpha)", "alpha)", "alpha.", "(roman)", "num.",
    "(num)", "num)", "dash"; ``end`` the offset where the text after the marker starts.
    """

    num: str
    style: str
    end: int


def read_marker(text: str, *, previous_alpha: Iterable[str] = ()) -> Marker | None:
    """The list marker that opens ``text``, if any.

    ``previous_alpha`` holds the last letters used at open alphabetic levels, so that
    "(i)" after "(h)" reads as a letter and "(i)" elsewhere as a roman numeral.
    Abbreviations ("e.g.") are no marker.
    """
    match = _MARKER.match(text)
    if not match:
        return None
    kind = next(name for name, value in match.groupdict().items() if value is not None)
    num = " ".join(match[kind].split())
    shape, _, _ = kind.partition("_")
    bracket = {"dot": "{}.", "glued": "{}.", "paren": "({})", "close": "{})", "indent": "{}"}[
        kind.partition("_")[2]
    ]
    if shape == "alpha":
        is_letter_after = any(
            len(prev) == 1 and len(num) == 1 and ord(num) == ord(prev) + 1
            for prev in previous_alpha
        )
        if _ROMAN.match(num) and not is_letter_after:
            shape = "roman"
        elif len(num) > 1 and not (len(num) == 2 and num[0] == num[1]):
            return None  # "e.g." and other abbreviations, not a marker
    return Marker(num=num, style=bracket.format(shape), end=match.end())


def follows(previous: str | None, num: str) -> bool:
    """Whether ``num`` is the item after ``previous`` in a list (b after a, iv after iii,
    3 after 2, and an inserted item after the one it is inserted after: 2a or 2 bis after
    2, 2b after 2a, 2 ter after 2 bis, 3 after 2 bis)."""
    if previous is None:
        return False
    before, after = designation_key(previous), designation_key(num)
    if before is not None and after is not None:
        if after[0] == before[0] + 1:
            return after[1] == 0
        return after[0] == before[0] and after[1] == before[1] + 1
    romans = previous.lower(), num.lower()
    if all(r in _ROMANS for r in romans) and num.isupper() == previous.isupper():
        return _ROMANS.index(romans[1]) == _ROMANS.index(romans[0]) + 1
    return len(previous) == len(num) == 1 and ord(num) == ord(previous) + 1


def comes_after(previous: str, num: str) -> bool:
    """Whether ``num`` comes somewhere after ``previous`` in a list (d after a, 5 after 3,
    iv after ii), not only right after it."""
    before, after = designation_key(previous), designation_key(num)
    if before is not None and after is not None:
        return after > before
    romans = previous.lower(), num.lower()
    if all(r in _ROMANS for r in romans):
        return _ROMANS.index(romans[1]) > _ROMANS.index(romans[0])
    return len(previous) == len(num) == 1 and num > previous


def is_first_item(num: str) -> bool:
    """Whether ``num`` opens a list ("a", "i", "1", "A", "I")."""
    return num in _FIRST_ITEMS


def list_level(levels: Sequence[tuple[str, str | None]], marker: Marker) -> int | None:
    """Index of the open list level ``marker`` continues, or None for a new nested list.

    ``levels`` are the open levels, outermost first, each as (marker style, number of its
    last item). One marker shape may serve two levels ("a." > "i." > "a." in Dutch
    texts): a first item ("a", "1", "i") under another shape opens a nested list, and a
    later item continues the level whose last item it follows.
    """
    same_style = [i for i, (style, _) in enumerate(levels) if style == marker.style]
    if not same_style:
        return None
    if marker.num in _FIRST_ITEMS and levels[-1][0] != marker.style:
        return None
    following = [i for i in same_style if follows(levels[i][1], marker.num)]
    return (following or same_style)[-1]


_DESIGNATION_NUMBER = re.compile(rf"^(\d+)(?:{_SPACE}*([A-Za-z]|{_SUFFIX}))?$")


def designation_key(num: str) -> tuple[int, int] | None:
    """The order of a numbered designation: (number, place of its insertion suffix), 0 for
    none ("3" -> (3, 0), "3a" and "3 bis" -> (3, 1), "3 ter" -> (3, 2)); None for a
    designation that is not a number ("IV", "A")."""
    match = _DESIGNATION_NUMBER.match(num)
    if match is None:
        return None
    number, suffix = match.groups()
    if suffix is None:
        return int(number), 0
    if len(suffix) == 1:
        return int(number), ord(suffix.lower()) - ord("a") + 1
    ordinal = LATIN_ORDINALS.index(suffix)
    # "novies" and "nonies" name the same place.
    return int(number), ordinal + 1 - (ordinal > LATIN_ORDINALS.index("novies"))
