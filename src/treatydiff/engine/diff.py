"""Word diff of two clause texts: tokens, opcodes, semantic cleanup.

Tokens are words and single punctuation marks, each carrying the whitespace that
follows it, so the tokens of a text concatenate back to exactly that text. Tokens
match on their comparison key without the whitespace: spacing, quote and dash variants
never show as changes, and an ``equal`` op keeps each side's own characters.

The opcodes come from rapidfuzz's Indel distance (a longest common subsequence of
tokens); the cleanup then merges changes separated only by punctuation or by an
equality shorter than the edits on both sides of it, as diff-match-patch's semantic
cleanup does, so that a change reads as whole phrases rather than scattered words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from treatydiff.engine.comparison import DiffOp
from treatydiff.normalize import comparison_key

# A word keeps its inner hyphens, also one left hanging by a line break
# ("co-operation", "Secretary- General"), and invisible characters ("defi<soft
# hyphen>nition"): the comparison key folds them, so the token's key does too.
_TOKEN = re.compile(
    r"\s+|(?:\w+(?:(?:[-\u2010\u2011] ?|[\u00ad\u200b-\u200d\u2060\ufeff])+\w+)*|[^\w\s])\s*"
)
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Token:
    text: str  # the token with its trailing whitespace
    key: str  # what it matches on


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``; their ``text`` parts concatenate to ``text`` exactly."""
    return [Token(t, _key(t.strip())) for t in _TOKEN.findall(text)]


@lru_cache(maxsize=4096)
def _key(core: str) -> str:
    # comparison_key leaves plain ASCII words as they are; most tokens are such words.
    return core if core.isascii() and core.isalnum() else comparison_key(core)


@dataclass
class _Run:
    equal: bool
    left: str
    right: str


def word_diff(left: str, right: str) -> tuple[DiffOp, ...]:
    """Ops whose ``left`` parts concatenate to ``left`` and ``right`` parts to ``right``."""
    if left == right:
        return (DiffOp("equal", left, right),) if left else ()
    a, b = tokenize(left), tokenize(right)
    runs: list[_Run] = []
    for code in Indel.opcodes([t.key for t in a], [t.key for t in b]):
        part = _Run(
            code.tag == "equal",
            "".join(t.text for t in a[code.src_start : code.src_end]),
            "".join(t.text for t in b[code.dest_start : code.dest_end]),
        )
        if runs and not part.equal and not runs[-1].equal:
            runs[-1].left += part.left
            runs[-1].right += part.right
        else:
            runs.append(part)
    return tuple(_op(run) for run in _cleanup(runs))


def _cleanup(runs: list[_Run]) -> list[_Run]:
    """Absorb equalities that split one change into pieces, until none is left."""
    changed = True
    while changed:
        changed = False
        for k in range(1, len(runs) - 1):
            before, middle, after = runs[k - 1], runs[k], runs[k + 1]
            if not middle.equal or before.equal or after.equal:
                continue
            size = len(middle.left)
            if _WORD.search(middle.left) and (
                size > max(len(before.left), len(before.right))
                or size > max(len(after.left), len(after.right))
            ):
                continue
            runs[k - 1 : k + 2] = [
                _Run(
                    False,
                    before.left + middle.left + after.left,
                    before.right + middle.right + after.right,
                )
            ]
            changed = True
            break
    return runs


def _op(run: _Run) -> DiffOp:
    if run.equal:
        return DiffOp("equal", run.left, run.right)
    if not run.right:
        return DiffOp("delete", run.left, "")
    if not run.left:
        return DiffOp("insert", "", run.right)
    return DiffOp("replace", run.left, run.right)
