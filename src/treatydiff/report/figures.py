"""Similarity as every format shows it: one figure, computed once, rounded one way.

A similarity (0..1) is carried to four decimals (``exact``: the number JSON writes) and
shown as a percentage with one decimal, cut down from that number, never rounded up
(``shown``: "97.9"), so that text, HTML, Markdown, Word and PDF print the same figure,
a reader can derive it from the JSON (``floor(value * 1000) / 10``), and "100.0 %" is
read only when every clause's comparison key equals its counterpart's. It measures words,
not order: moved or renumbered clauses whose words are kept count as equal, and the
status counts report the move.
"""

from __future__ import annotations

import math

DIGITS = 4  # decimals of the similarity JSON carries


def exact(similarity: float) -> float:
    """The similarity as JSON carries it: rounded to ``DIGITS`` decimals."""
    return round(similarity, DIGITS)


def shown(similarity: float) -> str:
    """The similarity as a percentage with one decimal, floored from ``exact``: "97.9";
    "100.0" only for a similarity of 1 (a value that rounds up to 1 shows "99.9")."""
    # With room for float error (0.58 * 1000 = 579.99...).
    tenths = math.floor(exact(similarity) * 1000 + 1e-6)
    if similarity < 1.0:
        tenths = min(tenths, 999)
    return f"{tenths / 10:.1f}"


def percent(similarity: float) -> str:
    """The similarity as reports write it: "97.9 %"."""
    return f"{shown(similarity)} %"
