"""List markers: the numbers and letters that open paragraphs and points ("1.", "(a)",
"a)", "(iv)", "-"), their shapes, and the order of the items of a list.

Language-neutral: treaties in every language the project reads number their lists so.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_MARKER = re.compile(
    r"""^(?:
        (?P<num_dot>\d{1,3})\s?\.{1,2}(?!\d)
      | \((?P<num_paren>\d{1,3})\)
      | (?P<num_close>\d{1,3})\)
      | \(\s?(?P<alpha_paren>[a-z]{1,4})\s?\)
      | (?P<alpha_close>[a-z]{1,4})\)
      | (?P<alpha_dot>[a-z]{1,4})\.(?=\s|[A-Z(])
      | (?P<alpha_glued>[a-z])\.(?=[a-z"'\u201c\u2018])(?![a-z]\.) # "g.any", 'a."rights', no "e.g."
      | (?P<dash_indent>[\u2013\u2014\u2022-])(?=\s)
    )\s*""",
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
    num = match[kind]
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
    """Whether ``num`` is the item after ``previous`` in a list (b after a, iv after iii)."""
    if previous is None:
        return False
    if previous.isdigit() and num.isdigit():
        return int(num) == int(previous) + 1
    if previous in _ROMANS and num in _ROMANS:
        return _ROMANS.index(num) == _ROMANS.index(previous) + 1
    return len(previous) == len(num) == 1 and ord(num) == ord(previous) + 1


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
