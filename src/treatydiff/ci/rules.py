"""Which changes a check counts, and how each is named: the rules, stable change ids and
one-line excerpts.

Rules (``fail_on``), on the engine's status and kind tag of each alignment:

* ``any``: every change counts, formatting included (only identical clauses pass);
* ``wording``: formatting, spacing-only (a space lost or gained where one side is no
  word, "theassets" -> "the assets"; "a part" -> "apart" is wording), punctuation-only
  and letter-case-only ("Part" -> "part") changes pass;
* ``substantive``: spelling-level changes (typo fixes, spelling variants, a hyphen added
  or removed that tells no two words apart) and cross-references updated to follow a
  renumbering (kind ``citation``) pass too.

Clauses added, removed or moved count under every rule (also a split or merge whose
pieces lie in different articles: text moved from one provision into another), and so
does a clause whose cross-reference was left pointing at a renumbered clause (the
``reference`` flag);
renumbering alone (the same words under another number) counts under ``any``. A note
(footnote) or a preface line (the adoption or entry-into-force line under the title) that
one source prints and the other does not counts under ``any`` only: it is the apparatus
of an edition (a Treaty Series reference, a publisher's adoption note), not words of a
provision; a changed note or preface line counts as the rule says of its change (a
changed resolution number is wording). Checks only get stricter beside the
rule: ``fail_on_flags`` also counts every change carrying one of these flags (a typo that
turned "not" into a non-word), and ``min_similarity`` every paired clause whose similarity
falls below it, whatever the rule says of its change.

Each counted change has a stable id: the clause it touches (its eIds, right side first)
and a hash of the clause ids and normalized texts of both sides; never a line number or
the order of a run. The baseline (baseline.py) lists the approved ids per check.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection

from treatydiff.ci.config import CheckSpec, Rule
from treatydiff.ci.results import Change
from treatydiff.engine.comparison import Alignment, Comparison
from treatydiff.model import DOC_TITLE_EID, NOTE_EID_INFIX
from treatydiff.normalize import display_text
from treatydiff.render.text import inline_diff
from treatydiff.report.figures import percent
from treatydiff.segment.labels import citation

# Kind tags of a modified alignment each rule lets pass (see classify.py).
_PASSING_KINDS: dict[Rule, frozenset[str]] = {
    "any": frozenset(),
    "wording": frozenset({"spacing", "punctuation", "case"}),
    "substantive": frozenset({"spacing", "punctuation", "case", "citation", "spelling"}),
}
_ID_HASH_LENGTH = 12
_EXCERPT_CONTEXT_WORDS = 6
_EXCERPT_LIMIT = 400
_PREFACE = "preface"  # the eId of the container of the lines under the title


def _apparatus(alignment: Alignment) -> str | None:
    """What an alignment of an edition's apparatus is ("note", "preface line"), or None
    for one of clauses of the text."""
    eids = (*alignment.left, *alignment.right)
    if any(NOTE_EID_INFIX in eid for eid in eids):
        return "note"
    if eids and all(eid.split("__", 1)[0] == _PREFACE for eid in eids):
        return "preface line"
    return None


def counted(
    alignment: Alignment,
    rule: Rule,
    *,
    min_similarity: float | None = None,
    fail_on_flags: Collection[str] = (),
) -> tuple[str, ...]:
    """Why ``alignment`` counts as a change under ``rule``, the flags that fail a check
    (``fail_on_flags``) and the threshold; empty when it does not count."""
    reasons: list[str] = []
    if alignment.status in ("added", "removed"):
        apparatus = _apparatus(alignment)
        if rule == "any" or apparatus is None:
            reasons.append(f"{apparatus or 'clause'} {alignment.status}")
    elif alignment.status == "modified":
        kind = change_kind(alignment)
        if kind not in _PASSING_KINDS[rule]:
            reasons.append(_KIND_WORDS[kind])
    elif alignment.status == "formatting" and rule == "any":
        reasons.append("formatting change")
    if alignment.moved:
        reasons.append("clause moved")
    if alignment.renumbered and rule == "any":
        reasons.append("clause renumbered")
    if "reference" in alignment.tags:
        reasons.append("stale reference")
    flagged = [tag for tag in alignment.tags if tag in fail_on_flags and tag != "reference"]
    if flagged and not reasons:
        reasons.append(f"{' and '.join(flagged)} flag")
    paired = alignment.left and alignment.right
    if paired and min_similarity is not None and alignment.similarity < min_similarity:
        reasons.append(
            f"similarity {percent(alignment.similarity)} below {percent(min_similarity)}"
        )
    return tuple(reasons)


_KIND_WORDS = {
    "spacing": "spacing-only change",
    "punctuation": "punctuation-only change",
    "case": "letter-case-only change",
    "citation": "updated cross-reference",
    "spelling": "spelling-level change",
    "wording": "wording change",
}


def change_kind(alignment: Alignment) -> str:
    """The kind tag of a modified alignment (spacing, punctuation, case, citation,
    spelling, wording); wording when the engine gave none, so that nothing unclassified
    passes."""
    from treatydiff.engine.classify import KIND_TAGS

    return next((tag for tag in alignment.tags if tag in KIND_TAGS), "wording")


def change_id(alignment: Alignment) -> str:
    """A stable id of the change an alignment shows: its clause ids, and a hash of the
    clause ids and texts of both sides, normalized: comparison keys, so that re-typed
    quotes or re-wrapped lines elsewhere leave the id alone while the place of a change in
    its clause is part of it; display texts (whitespace collapsed) for a formatting
    change, which the keys cannot tell apart."""
    if alignment.status == "formatting":
        normalized = [_display(alignment.left_texts), _display(alignment.right_texts)]
    else:
        normalized = list(alignment.keys)
    payload = json.dumps(
        [list(alignment.left), list(alignment.right), normalized],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    digest = hashlib.sha256(payload.encode("utf-8")).hexdigest()[:_ID_HASH_LENGTH]
    return f"{'+'.join(alignment.right or alignment.left)}#{digest}"


def _display(texts: tuple[str, ...]) -> str:
    """The display text of one side: its clauses' texts in order, on one line."""
    return display_text(" ".join(texts))


def excerpt(alignment: Alignment) -> str:
    """The change in a few words, in git's ``[-deleted-]{+inserted+}`` notation
    (``render.text.inline_diff``): the changed runs with a few words of context, or the
    clause text of an added, removed or moved clause, on one line."""
    if alignment.status == "added":
        text = "{+" + _display(alignment.right_texts) + "+}"
    elif alignment.status == "removed":
        text = "[-" + _display(alignment.left_texts) + "-]"
    elif alignment.status == "modified":
        text = display_text(inline_diff(alignment.diff, context=_EXCERPT_CONTEXT_WORDS))
    elif alignment.status == "formatting":
        text = f"[-{_display(alignment.left_texts)}-]{{+{_display(alignment.right_texts)}+}}"
    else:
        text = _display(alignment.right_texts)
    return text if len(text) <= _EXCERPT_LIMIT else text[: _EXCERPT_LIMIT - 1] + "…"


def changes_of(
    comparison: Comparison,
    spec: CheckSpec,
    *,
    pair: str = "",
    file: str | None = None,
    approved: frozenset[str] = frozenset(),
) -> tuple[Change, ...]:
    """The changes ``spec`` counts in ``comparison``, in document order; ``pair`` labels
    the comparison, ``file`` is the local source of its right side."""
    lines = _lines(comparison)
    changes: list[Change] = []
    for index, alignment in enumerate(comparison.alignments):
        reasons = counted(
            alignment,
            spec.fail_on,
            min_similarity=spec.min_similarity,
            fail_on_flags=spec.fail_on_flags,
        )
        if not reasons:
            continue
        side = comparison.right if alignment.right else comparison.left
        identifier = change_id(alignment)
        change = Change(
            id=identifier,
            pair=pair,
            clause=" + ".join(
                citation(side.by_eid[eid].path) for eid in alignment.right or alignment.left
            ),
            left=alignment.left,
            right=alignment.right,
            status=alignment.status,
            moved=alignment.moved,
            tags=alignment.tags,
            similarity=alignment.similarity,
            reasons=reasons,
            excerpt=excerpt(alignment),
            file=file,
            line=lines[index] if file else None,
            approved=identifier in approved,
            renumbered=alignment.renumbered,
            notes=alignment.notes,
        )
        changes.append(change)
    return tuple(changes)


def _lines(comparison: Comparison) -> list[int | None]:
    """The source line of each alignment's first clause on the right side; for a removed
    clause, of the nearest right-side clause before it (after it, at the start). A title
    has no line of its own in every format, and the line of a neighbour would point at
    other words: None (the whole file)."""
    right = comparison.right
    own = [right.by_eid[a.right[0]].clause.line if a.right else None for a in comparison.alignments]
    lines: list[int | None] = []
    previous: int | None = None
    for index, (alignment, line) in enumerate(zip(comparison.alignments, own, strict=True)):
        if line is not None:
            previous = line
            lines.append(line)
        elif DOC_TITLE_EID in (*alignment.left, *alignment.right):
            lines.append(None)
        else:
            following = next((x for x in own[index + 1 :] if x is not None), None)
            lines.append(previous if previous is not None else following)
    return lines
