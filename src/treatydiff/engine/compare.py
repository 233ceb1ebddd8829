"""The comparison engine: align, diff and classify two instruments."""

from __future__ import annotations

from treatydiff.engine.align import SCORERS, Match, align
from treatydiff.engine.classify import Terms, defined_terms, status, tags
from treatydiff.engine.comparison import (
    CLAUSE_SEPARATOR,
    Alignment,
    CompareOptions,
    Comparison,
    DiffOp,
)
from treatydiff.engine.diff import word_diff
from treatydiff.errors import ConfigError
from treatydiff.model import Instrument
from treatydiff.normalize import comparison_key


def compare(
    left: Instrument,
    right: Instrument,
    *,
    threshold: float | None = None,
    scorer: str | None = None,
    options: CompareOptions | None = None,
) -> Comparison:
    """Compare two instruments clause by clause.

    Every leaf clause of both sides lands in exactly one alignment; alignments come in
    document order (see ``align.document_order``). ``threshold`` and ``scorer`` override
    the fields of ``options`` (defaults: ``CompareOptions()``); a threshold outside
    [0, 1] or an unknown scorer raises ConfigError.
    """
    base = options or CompareOptions()
    chosen = CompareOptions(
        threshold=base.threshold if threshold is None else threshold,
        scorer=base.scorer if scorer is None else scorer,
    )
    if not 0.0 <= chosen.threshold <= 1.0:
        raise ConfigError(f"threshold must be between 0 and 1, not {chosen.threshold}")
    if chosen.scorer not in SCORERS:
        raise ConfigError(f"unknown scorer {chosen.scorer!r}; known: {', '.join(SCORERS)}")
    keys = (
        [comparison_key(leaf.clause.text) for leaf in left.leaves],
        [comparison_key(leaf.clause.text) for leaf in right.leaves],
    )
    matches = align(left, right, threshold=chosen.threshold, scorer=chosen.scorer, keys=keys)
    terms = defined_terms(left, right)
    alignments = tuple(_alignment(left, right, match, keys, terms) for match in matches)
    return Comparison(left=left, right=right, alignments=alignments, options=chosen)


def similarity(left_key: str, right_key: str) -> float:
    """Similarity of two texts as reported, from their comparison keys: character-level
    Indel similarity (1.0 exactly when the keys are equal)."""
    from rapidfuzz.distance import Indel

    return float(Indel.normalized_similarity(left_key, right_key))


def _alignment(
    left: Instrument,
    right: Instrument,
    match: Match,
    keys: tuple[list[str], list[str]],
    terms: Terms,
) -> Alignment:
    left_ids = tuple(left.leaves[i].clause.eid for i in match.left)
    right_ids = tuple(right.leaves[j].clause.eid for j in match.right)
    left_text = CLAUSE_SEPARATOR.join(left.leaves[i].clause.text for i in match.left)
    right_text = CLAUSE_SEPARATOR.join(right.leaves[j].clause.text for j in match.right)
    if not match.right:
        return Alignment(left_ids, (), "removed", diff=(DiffOp("delete", left_text, ""),))
    if not match.left:
        return Alignment((), right_ids, "added", diff=(DiffOp("insert", "", right_text),))
    left_key = keys[0][match.left[0]] if len(match.left) == 1 else comparison_key(left_text)
    right_key = keys[1][match.right[0]] if len(match.right) == 1 else comparison_key(right_text)
    pair_status = status(left_text, right_text, keys=(left_key, right_key))
    pair_tags: tuple[str, ...] = ()
    if pair_status == "modified":
        diff = word_diff(left_text, right_text)
        pair_tags = tags(
            diff, left=left_text, right=right_text, ids=(*left_ids, *right_ids), terms=terms
        )
    else:
        # Same wording: one equal run that keeps each side's own characters.
        diff = (DiffOp("equal", left_text, right_text),)
    return Alignment(
        left_ids,
        right_ids,
        pair_status,
        moved=match.moved,
        similarity=similarity(left_key, right_key),
        tags=pair_tags,
        diff=diff,
    )
