"""The comparison engine: align, diff and classify two instruments."""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff import lang
from treatydiff.engine import references
from treatydiff.engine.align import align
from treatydiff.engine.classify import status, tags
from treatydiff.engine.comparison import Alignment, CompareOptions, Comparison, DiffOp, Match
from treatydiff.engine.diff import clause_diff, word_diff
from treatydiff.engine.scoring import SCORERS
from treatydiff.engine.terms import Terms, defined_terms
from treatydiff.errors import ConfigError, InputError
from treatydiff.lang.words import Lexicon
from treatydiff.model import HEADING_KIND, Clause, Instrument
from treatydiff.normalize import comparison_key_of, keys_match
from treatydiff.segment.labels import cited_numbers


def compare(
    left: Instrument,
    right: Instrument,
    *,
    threshold: float | None = None,
    scorer: str | None = None,
    options: CompareOptions | None = None,
    semantic: bool | None = None,
) -> Comparison:
    """Compare two instruments clause by clause.

    Clauses pair by their content, not their numbers: renumbered, moved, split and merged
    clauses still pair, and clauses with nothing alike stay added and removed. Each pair
    is diffed word by word and its change classified (see ``Alignment``).

    Args:
        left: The older (or reference) instrument, from ``treatydiff.load``.
        right: The newer (or other) instrument.
        threshold: The least pairing score (0..1) for two clauses; None takes the
            options' (default 0.5, calibrated on the synthetic suite).
        scorer: The word similarity the pairing uses, a key of
            ``treatydiff.engine.scoring.SCORERS``; None takes the options'.
        options: The engine's options (default ``CompareOptions()``); ``threshold``,
            ``scorer`` and ``semantic`` override its fields.
        semantic: Also pair clauses rewritten in place on their meaning (sentence
            embeddings; ``CompareOptions.semantic``); None takes the options' (off).

    Returns:
        The comparison: every leaf clause of both sides in exactly one alignment, the
        alignments in document order (see ``treatydiff.engine.align.document_order``).

    Raises:
        InputError: ``left`` or ``right`` is not an ``Instrument``.
        ConfigError: ``threshold`` is not a number from 0 to 1, ``scorer`` is unknown,
            or ``semantic`` is no bool.
        MissingExtraError: ``semantic`` is on and the semantic extra is not installed.

    Examples:
        >>> import treatydiff
        >>> old = treatydiff.load("examples/opsc-preamble-ohchr.txt")
        >>> new = treatydiff.load("examples/opsc-preamble-revised.txt")
        >>> comparison = treatydiff.compare(old, new)
        >>> comparison.has_differences
        True
        >>> changed = [a for a in comparison.alignments if a.status == "modified"]
        >>> for a in changed:
        ...     print(a.left, a.tags)
        ('preamble__p_1',) ('wording', 'modal')
        ('preamble__p_6',) ('wording', 'number')
        ('preamble__p_7',) ('spelling',)
        >>> treatydiff.compare(old, new, threshold=1.5)
        Traceback (most recent call last):
        ...
        treatydiff.errors.ConfigError: threshold must be a number between 0 and 1, not 1.5
    """
    chosen = _options(left, right, threshold, scorer, options, semantic)
    if chosen.semantic:
        from treatydiff.engine.semantic import encoder

        encoder()  # a missing extra shows at once, whatever the texts
    matches = align(
        left, right, threshold=chosen.threshold, scorer=chosen.scorer, semantic=chosen.semantic
    )
    terms = defined_terms(left, right)
    lexicon = Lexicon.of((_language(left), _language(right)))
    partners = references.counterparts(left, right, matches)
    trees = references.trees(left, right)
    containers = _container_counterparts(left, right, matches)
    alignments = tuple(
        _alignment(
            left,
            right,
            match,
            terms,
            lexicon,
            references.check(left, right, match, partners, trees),
            containers,
        )
        for match in matches
    )
    return Comparison(left=left, right=right, alignments=alignments, options=chosen)


def _language(instrument: Instrument) -> str | None:
    """The language of ``instrument``: its metadata's, else the one its words tell
    (``lang.guess_text``), else None. The lexicon of a comparison reads the words of its
    texts' languages only: a word of another language's list makes no typo of this
    language a word ("nto" for "not" is a Spanish token of the web)."""
    if instrument.metadata.language:
        return instrument.metadata.language
    return lang.guess_text(leaf.clause.text for leaf in instrument.leaves)


def _options(
    left: Instrument,
    right: Instrument,
    threshold: float | None,
    scorer: str | None,
    options: CompareOptions | None,
    semantic: bool | None,
) -> CompareOptions:
    """The options of a comparison, checked (see ``compare``)."""
    for side, given in (("left", left), ("right", right)):
        if not isinstance(given, Instrument):
            raise InputError(
                f"compare: {side} is a {type(given).__name__}, not an Instrument "
                "(read a file with treatydiff.load)"
            )
    base = options or CompareOptions()
    chosen = CompareOptions(
        threshold=base.threshold if threshold is None else threshold,
        scorer=base.scorer if scorer is None else scorer,
        semantic=base.semantic if semantic is None else semantic,
    )
    if (
        isinstance(chosen.threshold, bool)
        or not isinstance(chosen.threshold, int | float)
        or not 0.0 <= chosen.threshold <= 1.0
    ):
        raise ConfigError(f"threshold must be a number between 0 and 1, not {chosen.threshold!r}")
    if not isinstance(chosen.scorer, str) or chosen.scorer not in SCORERS:
        raise ConfigError(f"unknown scorer {chosen.scorer!r}; known: {', '.join(SCORERS)}")
    if not isinstance(chosen.semantic, bool):
        raise ConfigError(f"semantic must be True or False, not {chosen.semantic!r}")
    return chosen


# The highest similarity of two texts whose keys differ: below 1.0, so that only texts
# the same in wording read as 100 %.
_BELOW_EQUAL = 0.9999


def similarity(left_key: str, right_key: str) -> float:
    """Similarity of two texts as reported, from their comparison keys: the
    character-level Indel similarity (0..1) of the keys with letter case folded, so that
    a title set in capitals is not "20 % similar" to the same title in lower case; 1.0
    exactly when the keys match (``normalize.keys_match``), at most 0.9999 otherwise."""
    from rapidfuzz.distance import Indel

    if keys_match(left_key, right_key):
        return 1.0
    folded = Indel.normalized_similarity(left_key.casefold(), right_key.casefold())
    return min(float(folded), _BELOW_EQUAL)


def _alignment(
    left: Instrument,
    right: Instrument,
    match: Match,
    terms: Terms,
    lexicon: Lexicon,
    found: references.Finding,
    containers: dict[str, str],
) -> Alignment:
    left_ids = tuple(left.leaves[i].clause.eid for i in match.left)
    right_ids = tuple(right.leaves[j].clause.eid for j in match.right)
    left_texts = tuple(left.leaves[i].clause.text for i in match.left)
    right_texts = tuple(right.leaves[j].clause.text for j in match.right)
    keys = (_side_key(left, match.left), _side_key(right, match.right))
    if not match.right:
        diff = tuple(DiffOp("delete", text, "", k) for k, text in enumerate(left_texts))
        return Alignment(left_ids, (), "removed", diff=diff, keys=keys)
    if not match.left:
        diff = tuple(DiffOp("insert", "", text, 0, k) for k, text in enumerate(right_texts))
        return Alignment((), right_ids, "added", diff=diff, keys=keys)
    pair_status = status(left_texts, right_texts, keys=keys)
    one_to_one = len(left_texts) == len(right_texts) == 1
    pair_tags: tuple[str, ...] = ()
    if pair_status == "modified":
        if one_to_one:
            diff = word_diff(left_texts[0], right_texts[0])
        else:
            diff = clause_diff(left_texts, right_texts)
        pair_tags = tags(
            diff,
            left=left_texts,
            right=right_texts,
            ids=(*left_ids, *right_ids),
            terms=terms,
            lexicon=lexicon,
            updated=found.updated,
        )
    elif one_to_one:
        # Same wording: one equal run that keeps each side's own characters.
        diff = (DiffOp("equal", left_texts[0], right_texts[0]),)
    else:
        # Same wording, cut where the clauses end; where the words of the two sides
        # differ in form only, the op is still an equal one.
        diff = tuple(
            DiffOp("equal", op.left, op.right, op.left_clause, op.right_clause)
            for op in clause_diff(left_texts, right_texts)
        )
    first = left.leaves[match.left[0]].path, right.leaves[match.right[0]].path
    renumbered = cited_numbers(first[0]) != cited_numbers(first[1])
    if found.notes:
        pair_tags = (*pair_tags, "reference")
    return Alignment(
        left_ids,
        right_ids,
        pair_status,
        moved=(
            match.moved
            or _changed_container(*first, containers)
            or _across(left, match.left)
            or _across(right, match.right)
        ),
        renumbered=renumbered,
        similarity=similarity(*keys),
        tags=pair_tags,
        diff=diff,
        keys=keys,
        notes=found.notes,
        paired_by=match.reason,
    )


def _across(instrument: Instrument, leaves: tuple[int, ...]) -> bool:
    """Whether some leaves of ``instrument``, one side of a split or merge, lie in more
    than one provision (``_provision``): text moved from one article into another
    ("paragraph 2 of article 1" read into "article 2, paragraph 1" changes what "this
    article" means), a move whatever the words, never a change of typesetting."""
    return len({_provision(instrument, k) for k in leaves}) > 1


def _provision(instrument: Instrument, leaf: int) -> str:
    """The eId of the provision leaf ``leaf`` belongs to: its article, else its
    top-level container (the preamble, an annex), else "" (a clause at the top of the
    body)."""
    ancestors = instrument.leaves[leaf].ancestors
    article = next((c for c in reversed(ancestors) if c.kind == "article"), None)
    return (article or ancestors[0]).eid if ancestors else ""


def _side_key(instrument: Instrument, leaves: tuple[int, ...]) -> str:
    """The comparison key of some leaves of ``instrument`` read in order."""
    if len(leaves) == 1:
        return instrument.leaf_keys[leaves[0]]
    return comparison_key_of([instrument.leaves[k].clause.text for k in leaves])


# The containers an article stands in: a move between them is a move (see
# ``_changed_container``). Attachments are cited with their articles: a move into an
# annex is a renumbering.
_CONTAINERS = frozenset({"part", "chapter", "section", "title", "subsection"})


def _container_counterparts(
    left: Instrument, right: Instrument, matches: Sequence[Match]
) -> dict[str, str]:
    """The containers (parts, chapters...) that correspond, as left eId -> right eId: the
    owners of the container headings the alignment pairs (``engine.align`` pairs them
    through the clauses inside them, then by their words)."""
    out: dict[str, str] = {}
    for match in matches:
        if len(match.left) != 1 or len(match.right) != 1:
            continue
        units = left.leaves[match.left[0]], right.leaves[match.right[0]]
        if all(unit.clause.kind == HEADING_KIND for unit in units):
            owners = units[0].ancestors[-1], units[1].ancestors[-1]
            if all(owner.kind in _CONTAINERS for owner in owners):
                out[owners[0].eid] = owners[1].eid
    return out


def _changed_container(
    left_path: Sequence[Clause], right_path: Sequence[Clause], containers: dict[str, str]
) -> bool:
    """Whether paired clauses (their paths, ancestors first) stand in containers that do
    not correspond (``containers``, left eId -> right eId): article 2 moved from Part I
    to Part II, or left in a part whose heading line was deleted. A side with no
    container says nothing: its text prints no parts."""
    left_in = [c.eid for c in left_path if c.kind in _CONTAINERS]
    right_in = [c.eid for c in right_path if c.kind in _CONTAINERS]
    if not left_in or not right_in:
        return False
    back = {b: a for a, b in containers.items()}
    return any(containers[a] not in right_in for a in left_in if a in containers) or any(
        back[b] not in left_in for b in right_in if b in back
    )
