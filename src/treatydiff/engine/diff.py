"""Word diff of clause texts: tokens, opcodes, semantic cleanup; ``word_diff`` for one
clause on each side, ``clause_diff`` for the clauses of a split or merge.

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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import Indel

from treatydiff.engine.comparison import DiffOp
from treatydiff.normalize import RAISED_NUMBER, comparison_key

# A word keeps its inner hyphens, also one left hanging by a line break
# ("co-operation", "Secretary- General"), and invisible characters ("defi<soft
# hyphen>nition"): a word hyphenated or not is one token either way, so that the kind of
# the change ("co-operation" -> "cooperation", "re-sign" -> "resign") is judged on it.
_TOKEN = re.compile(
    rf"\s+|(?:{RAISED_NUMBER}"
    r"|\w+(?:(?:[-\u2010\u2011] ?|[\u00ad\u200b-\u200d\u2060\ufeff])+\w+)*|[^\w\s])\s*"
)
_WORD = re.compile(r"\w")


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark with the whitespace after it, and its match key."""

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
    """A run of equal or changed tokens: left tokens [a0, a1), right tokens [b0, b1)."""

    equal: bool
    left: str
    right: str
    a0: int
    a1: int
    b0: int
    b1: int


def word_diff(left: str, right: str) -> tuple[DiffOp, ...]:
    """Ops whose ``left`` parts concatenate to ``left`` and ``right`` parts to ``right``."""
    if left == right:
        return (DiffOp("equal", left, right),) if left else ()
    return tuple(_op(run) for run in _runs(tokenize(left), tokenize(right)))


def clause_diff(left: Sequence[str], right: Sequence[str]) -> tuple[DiffOp, ...]:
    """The word diff of the clause texts of two sides (a split or merge has several on
    one side): each side's words in order are diffed as one sequence, and every run is
    cut where a clause ends, so that each op lies within one clause of each side (see
    ``DiffOp``). A clause's words never run into the next clause's.

    A changed run that crosses clause ends becomes deletions of its left pieces but the
    last, the last left piece replaced by the first right piece, then insertions of the
    other right pieces: deleted words come before inserted ones, as in the inline view.
    """
    a, a_clause = _clause_tokens(left)
    b, b_clause = _clause_tokens(right)
    ops: list[DiffOp] = []
    for run in _runs(a, b):
        left_pieces = _pieces(a, a_clause, run.a0, run.a1, len(left))
        right_pieces = _pieces(b, b_clause, run.b0, run.b1, len(right))
        if run.equal:
            # Equal runs pair token with token: cut both sides where either clause ends.
            ops.extend(_equal_pieces(run, a, a_clause, b, b_clause))
            continue
        (last_left, last_left_text), (first_right, first_right_text) = (
            left_pieces[-1],
            right_pieces[0],
        )
        for clause, text in left_pieces[:-1]:
            ops.append(DiffOp("delete", text, "", clause, first_right))
        ops.append(_op_of(last_left_text, first_right_text, last_left, first_right))
        for clause, text in right_pieces[1:]:
            ops.append(DiffOp("insert", "", text, last_left, clause))
    return tuple(ops)


def _clause_tokens(texts: Sequence[str]) -> tuple[list[Token], list[int]]:
    """The tokens of each text in turn, and the index of the text each comes from."""
    tokens: list[Token] = []
    clause_of: list[int] = []
    for index, text in enumerate(texts):
        found = tokenize(text)
        tokens += found
        clause_of += [index] * len(found)
    return tokens, clause_of


def _clause_at(clause_of: Sequence[int], position: int, count: int) -> int:
    """The clause of the token at ``position``; past the last token, the last clause."""
    if position < len(clause_of):
        return clause_of[position]
    return max(count - 1, 0)


def _pieces(
    tokens: Sequence[Token], clause_of: Sequence[int], start: int, end: int, count: int
) -> list[tuple[int, str]]:
    """Tokens [start, end) as (clause, text) pieces, one per clause they fall in; an
    empty range is one empty piece, in the clause of the next token."""
    if start == end:
        return [(_clause_at(clause_of, start, count), "")]
    out: list[tuple[int, str]] = []
    for k in range(start, end):
        if out and out[-1][0] == clause_of[k]:
            out[-1] = (clause_of[k], out[-1][1] + tokens[k].text)
        else:
            out.append((clause_of[k], tokens[k].text))
    return out


def _equal_pieces(
    run: _Run,
    a: Sequence[Token],
    a_clause: Sequence[int],
    b: Sequence[Token],
    b_clause: Sequence[int],
) -> list[DiffOp]:
    out: list[DiffOp] = []
    for i, j in zip(range(run.a0, run.a1), range(run.b0, run.b1), strict=True):
        where = (a_clause[i], b_clause[j])
        if out and (out[-1].left_clause, out[-1].right_clause) == where:
            last = out[-1]
            out[-1] = DiffOp("equal", last.left + a[i].text, last.right + b[j].text, *where)
        else:
            out.append(DiffOp("equal", a[i].text, b[j].text, *where))
    return out


def _runs(a: list[Token], b: list[Token]) -> list[_Run]:
    """Equal and changed runs of two token sequences, alternating, after the cleanup."""
    runs: list[_Run] = []
    for code in Indel.opcodes([t.key for t in a], [t.key for t in b]):
        part = _Run(
            code.tag == "equal",
            "".join(t.text for t in a[code.src_start : code.src_end]),
            "".join(t.text for t in b[code.dest_start : code.dest_end]),
            code.src_start,
            code.src_end,
            code.dest_start,
            code.dest_end,
        )
        if runs and not part.equal and not runs[-1].equal:
            runs[-1].left += part.left
            runs[-1].right += part.right
            runs[-1].a1, runs[-1].b1 = part.a1, part.b1
        else:
            runs.append(part)
    return _cleanup(runs)


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
                    before.a0,
                    after.a1,
                    before.b0,
                    after.b1,
                )
            ]
            changed = True
            break
    return runs


def _op(run: _Run) -> DiffOp:
    if run.equal:
        return DiffOp("equal", run.left, run.right)
    return _op_of(run.left, run.right, 0, 0)


def _op_of(left: str, right: str, left_clause: int, right_clause: int) -> DiffOp:
    """The changed op of two texts: a deletion, an insertion or a replacement."""
    if not right:
        return DiffOp("delete", left, "", left_clause, right_clause)
    if not left:
        return DiffOp("insert", "", right, left_clause, right_clause)
    return DiffOp("replace", left, right, left_clause, right_clause)
