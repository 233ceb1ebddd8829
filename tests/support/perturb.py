"""Synthetic perturbations of real instruments, with known ground truth.

``generate(instrument, kind, seed)`` edits an instrument and returns an ``evaluate.Case``:
the original on the left, the edited version on the right, and the alignments a correct
engine finds between them. Same instrument, kind and seed: same case, on every machine
(the random generator is seeded from a string, which does not depend on hash seeds).

Kinds:

* ``renumber``: articles from some point on get new numbers (and so new eIds), and the
  paragraphs of one or two articles are numbered anew; no text changes.
* ``insert`` / ``delete``: articles and recitals added (taken from *donor* instruments,
  and only where no clause of the target resembles them) or removed; the following
  articles and recitals are numbered by position again, as a real revision does.
* ``move``: one article and one recital moved at least two places away; numbering by
  position again. Only the moved clauses are expected to carry the ``moved`` flag, so a
  move is drawn only where that is the one smallest explanation (the article jumps over
  more leaf clauses than it holds).
* ``split`` / ``merge``: a paragraph cut in two at a sentence boundary, or two adjacent
  paragraphs joined; the paragraphs after them are numbered anew.
* ``words``: one to three leaf clauses get one edit each: a word substituted, inserted
  or deleted, "shall" turned into "may" or "should", a number changed, two letters of a
  word swapped (a typo), a comma turned into a semicolon or dropped. The last four must
  raise the tags ``modal``, ``number``, ``spelling``, ``punctuation``.
* ``mixed``: a revision doing several of the above at once: three of delete, insert,
  move, split and merge, then word edits.
* ``retypeset``: the instrument printed as plain text in the UN/OHCHR layout, damaged as a
  PDF extraction damages it (re-wrapping, end-of-line hyphenation, running headers,
  footers and page numbers inside paragraphs, ligatures, soft hyphens, curly quotes), and
  imported again with the ``un-text`` importer. Every leaf must pair with the leaf of the
  same eId, as ``identical`` or ``formatting``: re-typesetting changes no wording.

Ground truth follows the issue's definitions of the statuses, on the joined texts of an
alignment's sides: a split or merged paragraph keeps all its words, so it is
``formatting`` (same comparison key, not the same display text); its change of structure
shows in the shape of the alignment (one clause against two). Renumbered and moved
clauses whose text is unchanged are ``identical``: numbers are not wording.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import accumulate

from support.evaluate import Case, Expected, body_leaves
from treatydiff import lang
from treatydiff.engine.comparison import Status
from treatydiff.errors import InputError
from treatydiff.model import Clause, Instrument
from treatydiff.normalize import comparison_key
from treatydiff.segment.eids import component

KINDS: tuple[str, ...] = (
    "renumber",
    "insert",
    "delete",
    "move",
    "split",
    "merge",
    "words",
    "mixed",
    "retypeset",
)


class ReimportError(ValueError):
    """The un-text importer did not give back the clause tree of a re-typeset text."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


# --- a mutable copy of the clause tree, remembering where each leaf came from ---------------


@dataclass
class _Node:
    kind: str
    num: str | None
    heading: str | None
    text: str
    line: int | None
    # The eId component relative to the parent's eId ("para_2"), or the whole eId where
    # the eId does not extend the parent's (articles, top-level clauses).
    local: str
    absolute: bool
    children: list[_Node] = field(default_factory=list)
    origin: tuple[str, ...] = ()  # left leaf eIds this leaf is made from; () when new
    status: Status = "identical"
    moved: bool = False
    flags: tuple[str, ...] = ()  # tags the engine must raise (see evaluate.Expected)

    def walk(self) -> Iterator[_Node]:
        yield self
        for child in self.children:
            yield from child.walk()

    def leaves(self) -> Iterator[_Node]:
        return (node for node in self.walk() if not node.children)


def _thaw(clause: Clause, parent_eid: str, *, original: bool) -> _Node:
    prefix = f"{parent_eid}__"
    absolute = not (parent_eid and clause.eid.startswith(prefix))
    node = _Node(
        kind=clause.kind,
        num=clause.num,
        heading=clause.heading,
        text=clause.text,
        line=clause.line,
        local=clause.eid if absolute else clause.eid[len(prefix) :],
        absolute=absolute,
        children=[_thaw(child, clause.eid, original=original) for child in clause.children],
        origin=(clause.eid,) if original and clause.is_leaf else (),
        status="identical" if original else "added",
    )
    return node


def _freeze(node: _Node, parent_eid: str) -> Clause:
    eid = node.local if node.absolute else f"{parent_eid}__{node.local}"
    return Clause(
        eid=eid,
        kind=node.kind,
        num=node.num,
        heading=node.heading,
        text=node.text if not node.children else "",
        line=node.line,
        children=tuple(_freeze(child, eid) for child in node.children),
    )


def _walk(roots: list[_Node]) -> Iterator[_Node]:
    for root in roots:
        yield from root.walk()


def _set_number(node: _Node, number: int) -> None:
    """Give ``node`` a new number, in its ``num`` and in its eId component (named as the
    segmenter names it)."""
    if not re.search(r"_\d+$", node.local):
        raise InputError(f"clause {node.local} has no numbered eId to renumber")
    if node.num is not None:
        node.num = re.sub(r"\d+", str(number), node.num, count=1)
    node.local = component(node.kind, node.num, position=number)


def _int_num(node: _Node) -> int | None:
    return int(node.num) if node.num is not None and node.num.isdigit() else None


def _articles(roots: list[_Node]) -> list[tuple[list[_Node], _Node]]:
    """Every article with the list that holds it, in document order."""
    found: list[tuple[list[_Node], _Node]] = []

    def visit(siblings: list[_Node]) -> None:
        for node in siblings:
            if node.kind == "article":
                found.append((siblings, node))
            elif node.kind not in ("preamble", "conclusions"):
                visit(node.children)

    visit(roots)
    return found


def _check_articles(roots: list[_Node]) -> list[tuple[list[_Node], _Node]]:
    articles = _articles(roots)
    numbers = [_int_num(node) for _, node in articles]
    first = numbers[0] if numbers else None
    if first is None or numbers != list(range(first, first + len(numbers))):
        raise InputError("articles are not numbered 1, 2, 3 ...: cannot renumber them")
    return articles


def _number_articles(roots: list[_Node], first: int) -> None:
    for number, (_, node) in enumerate(_articles(roots), start=first):
        _set_number(node, number)


def _preamble(roots: list[_Node]) -> _Node | None:
    return next((node for node in roots if node.kind == "preamble"), None)


def _recitals(roots: list[_Node]) -> list[_Node]:
    preamble = _preamble(roots)
    return [c for c in preamble.children if c.kind == "recital"] if preamble else []


def _number_recitals(roots: list[_Node]) -> None:
    for number, node in enumerate(_recitals(roots), start=1):
        _set_number(node, number)


def _number_paragraphs(article: _Node) -> None:
    numbered = [c for c in article.children if c.kind == "paragraph" and c.num is not None]
    unnumbered = [c for c in article.children if c.kind == "paragraph" and c.num is None]
    first = _int_num(numbered[0]) if numbered else None
    for number, node in enumerate(numbered, start=first or 1):
        _set_number(node, number)
    for number, node in enumerate(unnumbered, start=1):
        _set_number(node, number)


def _original_leaves(node: _Node) -> int:
    """Leaves of ``node`` that pair with the left side (new ones pair with nothing)."""
    return sum(1 for leaf in node.leaves() if leaf.origin)


def _words(text: str) -> int:
    return len(text.split())


# --- the perturbations --------------------------------------------------------------------


@dataclass
class _Edit:
    """Working state of one perturbation."""

    rng: random.Random
    original: Instrument
    roots: list[_Node]
    donors: Sequence[Instrument]
    notes: list[str] = field(default_factory=list)


def _renumber(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    articles = _check_articles(roots)
    if len(articles) < 2:
        raise InputError("renumbering needs at least two articles")
    start = rng.randrange(len(articles))
    shift = rng.choice((1, 2, 3, 10))
    for _, node in articles[start:]:
        old = node.num
        _set_number(node, (_int_num(node) or 0) + shift)
        edit.notes.append(f"article {old} renumbered {node.num}")
    with_paragraphs = [
        node
        for _, node in articles
        if sum(1 for c in node.children if c.kind == "paragraph" and c.num) >= 2
    ]
    for article in rng.sample(with_paragraphs, min(2, len(with_paragraphs))):
        for child in article.children:
            number = _int_num(child) if child.kind == "paragraph" else None
            if number is not None:
                _set_number(child, number + 1)
        edit.notes.append(f"paragraphs of article {article.num} numbered from 2")


# Donor texts recur from case to case: fold each once.
_key = cache(comparison_key)


def _novel(candidates: list[Clause], original: Instrument, limit: int) -> list[Clause]:
    """The candidates none of whose leaves resembles a leaf of the original instrument
    (fuzz.ratio below 60, also against clauses deleted since): an inserted clause must
    be new beyond doubt."""
    from rapidfuzz import fuzz, process

    usable = []
    for candidate in candidates:
        keys = [_key(c.text) for c in candidate.walk() if c.is_leaf]
        if 1 <= len(keys) <= limit and all(_words(k) >= 4 for k in keys):
            usable.append((candidate, keys))
    if not usable:
        return []
    target_keys = [_key(leaf.clause.text) for leaf in body_leaves(original)]
    all_keys = [key for _, keys in usable for key in keys]
    best = process.cdist(all_keys, target_keys, scorer=fuzz.ratio).max(axis=1)
    novel: list[Clause] = []
    row = 0
    for candidate, keys in usable:
        if float(best[row : row + len(keys)].max()) < 60:
            novel.append(candidate)
        row += len(keys)
    return novel


def _donor_clauses(edit: _Edit, kind: str) -> list[Clause]:
    return [clause for donor in edit.donors for clause in donor.walk() if clause.kind == kind]


def _insert(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    articles = _check_articles(roots)
    first = _int_num(articles[0][1]) or 1
    donors = _novel(_donor_clauses(edit, "article"), edit.original, limit=6)
    if not donors:
        raise InputError("no donor article to insert: give donor instruments")
    captions = any(node.heading for _, node in articles)
    for donor in rng.sample(donors, min(len(donors), rng.randint(1, 2))):
        node = _thaw(donor, "", original=False)
        node.heading = node.heading if captions else None
        articles = _articles(roots)
        position = rng.randrange(len(articles) + 1)
        siblings, anchor = articles[min(position, len(articles) - 1)]
        index = siblings.index(anchor) + (1 if position == len(articles) else 0)
        siblings.insert(index, node)
        edit.notes.append(f"article inserted at position {position + 1} (donor {donor.eid})")
    _number_articles(roots, first)

    preamble = _preamble(roots)
    recitals = _recitals(roots)
    donor_recitals = _novel(_donor_clauses(edit, "recital"), edit.original, limit=1)
    if preamble is None or not recitals or not donor_recitals:
        return
    for donor in rng.sample(donor_recitals, min(len(donor_recitals), rng.randint(1, 2))):
        node = _thaw(donor, "preamble", original=False)
        recitals = _recitals(roots)
        position = rng.randrange(len(recitals) + 1)
        anchor = recitals[min(position, len(recitals) - 1)]
        index = preamble.children.index(anchor) + (1 if position == len(recitals) else 0)
        preamble.children.insert(index, node)
        edit.notes.append(f"recital inserted at position {position + 1} (donor {donor.eid})")
    _number_recitals(roots)


def _delete(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    articles = _check_articles(roots)
    first = _int_num(articles[0][1]) or 1
    # An article that is alone in its container stays: an empty container would become
    # a leaf.
    deletable = [(s, n) for s, n in articles if len(s) > 1 or s is roots]
    if len(articles) < 4 or not deletable:
        raise InputError("too few articles to delete one")
    for siblings, node in rng.sample(deletable, min(len(deletable), rng.randint(1, 2))):
        if len(siblings) > 1 or siblings is roots:
            siblings.remove(node)
            edit.notes.append(f"article {node.num} deleted")
    _number_articles(roots, first)
    recitals = _recitals(roots)
    preamble = _preamble(roots)
    if preamble is None or len(recitals) < 3:
        return
    for node in rng.sample(recitals, rng.randint(1, 2)):
        preamble.children.remove(node)
        edit.notes.append(f"recital {node.num} deleted")
    _number_recitals(roots)


def _mark_moved(node: _Node) -> None:
    for leaf in node.leaves():
        leaf.moved = True


def _moves(items: list[_Node]) -> list[tuple[int, int]]:
    """Moves (from index, to index) of one item among ``items`` that have one smallest
    explanation: the item passes at least two others, holding more leaves that pair with
    the left side than it holds itself. Otherwise the items it passed could as well be
    the moved ones."""
    weights = [_original_leaves(n) for n in items]
    leaves_before = list(accumulate(weights, initial=0))
    originals_before = list(accumulate((w > 0 for w in weights), initial=0))
    moves: list[tuple[int, int]] = []
    for i in range(len(items)):
        for j in range(len(items)):
            start, stop = (j, i) if j < i else (i + 1, j + 1)
            originals = originals_before[stop] - originals_before[start]
            if originals >= 2 and leaves_before[stop] - leaves_before[start] > weights[i]:
                moves.append((i, j))
    return moves


def _move(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    articles = _check_articles(roots)
    first = _int_num(articles[0][1]) or 1
    # An article alone in its container stays: an empty container would become a leaf.
    movable = {id(n) for s, n in articles if len(s) > 1 or s is roots}
    article_moves = [
        (i, j)
        for i, j in _moves([n for _, n in articles])
        if id(articles[i][1]) in movable and _original_leaves(articles[i][1])
    ]
    recitals = _recitals(roots)
    recital_moves = [(i, j) for i, j in _moves(recitals) if recitals[i].origin]
    if not article_moves and not recital_moves:
        raise InputError("nothing can be moved unambiguously")
    if article_moves:
        i, j = rng.choice(article_moves)
        siblings, node = articles[i]
        anchor = articles[j][1]
        siblings.remove(node)
        target = next(s for s, n in _articles(roots) if n is anchor)
        target.insert(target.index(anchor) + (1 if j > i else 0), node)
        _mark_moved(node)
        edit.notes.append(f"article {node.num} moved to the place of article {anchor.num}")
        _number_articles(roots, first)
    preamble = _preamble(roots)
    if preamble is None or not recital_moves:
        return
    i, j = rng.choice(recital_moves)
    node, anchor = recitals[i], recitals[j]
    preamble.children.remove(node)
    preamble.children.insert(preamble.children.index(anchor) + (1 if j > i else 0), node)
    _mark_moved(node)
    edit.notes.append(f"recital {node.num} moved to the place of recital {anchor.num}")
    _number_recitals(roots)


# A sentence ends after a word of two lower-case letters or more ("No. 182" does not end
# one) and the next starts with a capital.
_SENTENCE_END = re.compile(r"(?<=[a-z]{2}[.])\s+(?=[A-Z])")


def _split_points(text: str) -> list[int]:
    return [
        m.start()
        for m in _SENTENCE_END.finditer(text)
        if _words(text[: m.start()]) >= 6 and _words(text[m.end() :]) >= 6
    ]


def _split(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    holders = {id(c): a for _, a in _articles(roots) for c in a.children}
    candidates = [
        node
        for node in _walk(roots)
        if not node.children
        and node.status == "identical"  # untouched: a split of a merge is no alignment
        and _split_points(node.text)
        and (
            (node.kind == "paragraph" and _int_num(node) is not None and id(node) in holders)
            or node.kind == "article"
        )
    ]
    if not candidates:
        raise InputError("no paragraph of two sentences to split")
    for node in rng.sample(candidates, min(len(candidates), rng.randint(1, 2))):
        cut = rng.choice(_split_points(node.text))
        origin = node.origin
        head, tail = node.text[:cut].strip(), node.text[cut:].strip()
        if node.kind == "article":
            # An article of one paragraph becomes an article of two unnumbered ones.
            node.children = [
                _Node("paragraph", None, None, part, node.line, "p_1", False, [], origin)
                for part in (head, tail)
            ]
            node.text, node.origin = "", ()
            article = node
            edit.notes.append(f"article {node.num} split into two paragraphs")
        else:
            article = holders[id(node)]
            node.text = head
            article.children.insert(article.children.index(node) + 1, replace(node, text=tail))
            edit.notes.append(f"paragraph {node.num} of article {article.num} split in two")
        for child in article.children:
            if child.origin == origin:
                child.status = "formatting"
        _number_paragraphs(article)


def _merge(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    candidates: list[tuple[_Node, int]] = []
    for _, article in _articles(roots):
        children = article.children
        for k in range(len(children) - 1):
            a, b = children[k], children[k + 1]
            if all(
                n.kind == "paragraph"
                and _int_num(n) is not None
                and not n.children
                and n.status == "identical"
                for n in (a, b)
            ):
                candidates.append((article, k))
    if not candidates:
        raise InputError("no two adjacent numbered paragraphs to merge")
    article, k = rng.choice(candidates)
    a, b = article.children[k], article.children[k + 1]
    a.text = f"{a.text} {b.text}"
    a.origin = a.origin + b.origin
    a.status = "formatting"
    article.children.remove(b)
    edit.notes.append(f"paragraphs {a.num} and {b.num} of article {article.num} merged")
    if len(article.children) == 1:
        # One paragraph left: an article of one paragraph carries no number.
        only = article.children[0]
        article.text, article.origin, article.status = only.text, only.origin, only.status
        article.children = []
    else:
        _number_paragraphs(article)


_NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve fifteen eighteen "
    "twenty thirty sixty ninety"
).split()
_MODAL = re.compile(r"\bshall\b")
_DIGITS = re.compile(r"\b\d+\b")
_NUMBER_WORD = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\b")
_TOKEN_CORE = re.compile(r"^[A-Za-z]+$")


def _word_edit(
    rng: random.Random, text: str, vocabulary: list[str]
) -> tuple[str, str, tuple[str, ...]]:
    """``text`` with one word edit, a note saying which, and the tag it must raise."""
    tokens = text.split()
    applicable = ["substitute", "insert", "delete", "typo"]
    commas = [m.start() for m in re.finditer(r",(?= )", text)]
    if commas:
        applicable.append("punctuation")
    if _MODAL.search(text):
        applicable += ["modal", "modal"]
    if _DIGITS.search(text) or _NUMBER_WORD.search(text):
        applicable += ["number", "number"]
    how = rng.choice(applicable)
    if how == "modal":
        modal = rng.choice(("may", "should"))
        matches = list(_MODAL.finditer(text))
        m = rng.choice(matches)
        return f"{text[: m.start()]}{modal}{text[m.end() :]}", f"shall -> {modal}", ("modal",)
    if how == "number":
        matches = list(_DIGITS.finditer(text)) + list(_NUMBER_WORD.finditer(text))
        m = rng.choice(matches)
        old = m.group()
        if old.isdigit():
            new = str(int(old) + rng.randint(1, 9))
        else:
            new = rng.choice([w for w in _NUMBER_WORDS if w != old])
        return f"{text[: m.start()]}{new}{text[m.end() :]}", f"{old} -> {new}", ("number",)
    if how == "punctuation":
        k = rng.choice(commas)
        mark = rng.choice((";", ""))
        return f"{text[:k]}{mark}{text[k + 1 :]}", f"comma -> {mark!r}", ("punctuation",)
    inner = range(1, len(tokens) - 1)
    if how == "insert":
        k = rng.choice(inner)
        word = rng.choice(vocabulary)
        return " ".join([*tokens[:k], word, *tokens[k:]]), f"inserted {word!r}", ()
    shortest = {"delete": 3, "substitute": 4, "typo": 5}[how]
    plain = [k for k in inner if _TOKEN_CORE.match(tokens[k]) and len(tokens[k]) >= shortest]
    if not plain:
        return text, "nothing", ()
    k = rng.choice(plain)
    if how == "typo":
        # Two adjacent letters swapped: one edit from the word, a spelling-level change.
        word = tokens[k]
        p = rng.choice([p for p in range(1, len(word) - 1) if word[p] != word[p + 1]] or [1])
        typo = f"{word[:p]}{word[p + 1]}{word[p]}{word[p + 2 :]}"
        return (
            " ".join([*tokens[:k], typo, *tokens[k + 1 :]]),
            f"{word!r} -> {typo!r}",
            ("spelling",),
        )
    if how == "delete":
        return " ".join([*tokens[:k], *tokens[k + 1 :]]), f"deleted {tokens[k]!r}", ()
    old = tokens[k]
    new = rng.choice([w for w in vocabulary if w.lower() != old.lower()])
    new = new.capitalize() if old[0].isupper() else new
    return " ".join([*tokens[:k], new, *tokens[k + 1 :]]), f"{old!r} -> {new!r}", ()


def _words_edit(edit: _Edit) -> None:
    rng, roots = edit.rng, edit.roots
    leaves = [n for n in _walk(roots) if not n.children and n.origin and _words(n.text) >= 8]
    if not leaves:
        raise InputError("no clause of eight words or more to edit")
    vocabulary = sorted(
        {w.lower() for n in leaves for w in n.text.split() if _TOKEN_CORE.match(w) and len(w) > 3}
        - {"shall", "should"}
    )
    for node in rng.sample(leaves, min(len(leaves), rng.randint(1, 3))):
        for _ in range(20):
            text, what, flags = _word_edit(rng, node.text, vocabulary)
            if comparison_key(text) != comparison_key(node.text):
                break
        else:
            raise InputError(f"could not edit {node.local}")
        node.text, node.status, node.flags = text, "modified", flags
        edit.notes.append(f"{node.origin[0]}: {what}")


def _mixed(edit: _Edit) -> None:
    """A revision: three of delete, insert, move, split and merge, in that order, then
    word edits."""
    structural = (_delete, _insert, _move, _split, _merge)
    chosen = set(edit.rng.sample(range(len(structural)), 3))
    for k, operation in enumerate(structural):
        if k in chosen:
            operation(edit)
    _words_edit(edit)


_OPERATIONS = {
    "renumber": _renumber,
    "insert": _insert,
    "delete": _delete,
    "move": _move,
    "split": _split,
    "merge": _merge,
    "words": _words_edit,
    "mixed": _mixed,
}


# --- ground truth ---------------------------------------------------------------------


def _truth(left: Instrument, right: Instrument, nodes: list[_Node]) -> tuple[Expected, ...]:
    """Expected alignments from the origins of the right leaves: clauses linked through
    origins form one alignment (one-to-one, split or merge)."""
    right_eids = [leaf.clause.eid for leaf in body_leaves(right)]
    # Union-find over left eIds, keyed by the first left eId of each group.
    group: dict[str, str] = {}

    def find(eid: str) -> str:
        while group.get(eid, eid) != eid:
            eid = group[eid]
        return eid

    for node in nodes:
        for eid in node.origin[1:]:
            group[find(eid)] = find(node.origin[0])
    members: dict[str, tuple[list[str], list[str], list[_Node]]] = {}
    order = {leaf.clause.eid: k for k, leaf in enumerate(body_leaves(left))}
    for eid in order:
        members.setdefault(find(eid), ([], [], []))[0].append(eid)
    expected: list[Expected] = []
    for eid, node in zip(right_eids, nodes, strict=True):
        if not node.origin:
            expected.append(Expected((), (eid,), ("added",)))
            continue
        _, rights, sources = members[find(node.origin[0])]
        rights.append(eid)
        sources.append(node)
    for lefts, rights, sources in members.values():
        if not rights:
            expected.append(Expected(tuple(lefts), (), ("removed",)))
            continue
        statuses = {n.status for n in sources}
        status = next(s for s in ("modified", "formatting", "identical") if s in statuses)
        moved = any(n.moved for n in sources)
        flags = tuple(sorted({f for n in sources for f in n.flags}))
        expected.append(Expected(tuple(lefts), tuple(rights), (status,), moved, flags))
    return tuple(expected)


# --- re-typesetting -------------------------------------------------------------------

_ENGLISH = lang.get("en")
# Container kind -> its heading word as UN texts print it ("SUB-SECTION").
_CONTAINER_WORDS = {kind: word.upper() for word, kind in _ENGLISH.container_words.items()}


def _markers(points: list[Clause], depth: int) -> list[str]:
    """Printed markers of one list of points at nesting ``depth`` (1 = outermost), one
    shape per depth as UN texts have them: (a) or (i) or (1) outermost, then (i), then a."""
    if not points:
        return []
    first = points[0].num or ""
    if first.isdigit():
        shape = "({})" if depth == 1 else "{})"
    elif depth <= 2 and (depth == 1 or first == "i"):
        shape = "({})"
    else:
        shape = "{}."
    return [shape.format(p.num or "") for p in points]


@dataclass(frozen=True)
class _Piece:
    """A paragraph of the printed page; ``plain`` ones (title, headings, captions) are
    wrapped but never hyphenated."""

    text: str
    plain: bool = False


def _layout(instrument: Instrument) -> list[_Piece]:
    pieces = [_Piece(instrument.title, plain=True)]
    if instrument.metadata.adoption:
        pieces.append(_Piece(instrument.metadata.adoption, plain=True))

    def visit(clause: Clause, prefix: str, depth: int) -> None:
        """``depth`` counts the lists ``clause`` stands in."""
        kind = clause.kind
        # A container printed without a title has its heading line ("PART I") as heading.
        designation = bool(clause.heading) and clause.heading.split()[-1] == clause.num
        if kind in _CONTAINER_WORDS:
            line = clause.heading if designation else f"{_CONTAINER_WORDS[kind]} {clause.num}"
            pieces.append(_Piece(line or "", plain=True))
        elif kind == "article":
            pieces.append(_Piece(f"{_ENGLISH.article_words[0]} {clause.num}", plain=True))
        if (
            kind in (*_CONTAINER_WORDS, "article", "preamble")
            and clause.heading
            and not designation
        ):
            pieces.append(_Piece(clause.heading, plain=True))
        if kind == "paragraph" and clause.num:
            prefix = f"{clause.num}. "
        if clause.is_leaf:
            pieces.append(_Piece(prefix + clause.text))
            return
        children = list(clause.children)
        if prefix:
            # A chapeau follows the marker of its paragraph or point on the same line.
            intro = children.pop(0) if children[0].kind == "intro" else None
            pieces.append(_Piece(prefix + (intro.text if intro else "")))
        points = [c for c in children if c.kind == "point"]
        markers = dict(zip(map(id, points), _markers(points, depth + 1), strict=True))
        for child in children:
            if id(child) in markers:
                visit(child, f"{markers[id(child)]} ", depth + 1)
            elif child.kind == "indent":
                visit(child, "\u2013 ", depth)
            else:
                visit(child, "", depth)

    for clause in instrument.body:
        visit(clause, "", 0)
    return pieces


_LONG_WORD = re.compile(r"^([A-Za-z]{8,})([^A-Za-z]*)$")


@dataclass(frozen=True)
class Damage:
    """How a re-typeset text is printed and damaged. The defaults print a clean text:
    wrapped at ``width``, one page, nothing else."""

    width: int = 100
    hyphenate: float = 0.0  # share of long words at a line end that get hyphenated
    soft_line_end: float = 0.0  # share of those hyphenations printed as a soft hyphen
    soft_inside: float = 0.0  # share of long words with a soft hyphen inside
    ligatures: bool = False  # fi, fl -> U+FB01, U+FB02
    curly: bool = False  # straight quotes and apostrophes -> curly ones
    page_lines: int = 0  # lines of text per page; 0: no page breaks
    header: str = ""  # running header from the second page on
    footer: str = "{n}"  # page footer, with {n} and {total}
    form_feed: bool = False  # a form feed before each running header
    blank_around_breaks: bool = False  # blank lines around footers and headers
    blank_between_paragraphs: bool = False


def _hyphen_cut(rng: random.Random, word: str, room: int) -> int | None:
    """Where to hyphenate a long ``word`` so that its head and the hyphen fit in
    ``room``, leaving three letters or more on each side; None where it cannot."""
    match = _LONG_WORD.match(word)
    if not match:
        return None
    last = min(len(match.group(1)) - 3, room - 1)
    return rng.randint(3, last) if last >= 3 else None


def _wrap(rng: random.Random, text: str, damage: Damage) -> list[str]:
    """Lines of one paragraph, greedy at ``damage.width``, breaking long words with an
    end-of-line hyphen (or a soft hyphen) and compounds after their own hyphen."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        if rng.random() < damage.soft_inside:
            cut = _hyphen_cut(rng, word, len(word))
            word = word if cut is None else f"{word[:cut]}\u00ad{word[cut:]}"
        while True:
            candidate = f"{line} {word}" if line else word
            if len(candidate) <= damage.width or not line:
                line = candidate
                break
            room = damage.width - len(line) - 1
            compound = word.rfind("-", 0, max(room, 0))
            if compound >= 3 and _TOKEN_CORE.match(word[:compound]):
                lines.append(f"{line} {word[: compound + 1]}")
                word = word[compound + 1 :]
                line = ""
                continue
            cut = None if "\u00ad" in word else _hyphen_cut(rng, word, room)
            if cut is not None and rng.random() < damage.hyphenate:
                mark = "\u00ad" if rng.random() < damage.soft_line_end else "-"
                lines.append(f"{line} {word[:cut]}{mark}")
                word = word[cut:]
                line = ""
                continue
            lines.append(line)
            line = ""
    if line:
        lines.append(line)
    return lines


_LIGATURES = re.compile(r"f[il]")
_DOUBLE_QUOTED = re.compile(r'"([^"\n]*)"')


def _typography(text: str, damage: Damage) -> str:
    if damage.ligatures:
        text = _LIGATURES.sub(lambda m: "\ufb01" if m.group() == "fi" else "\ufb02", text)
    if damage.curly:
        text = _DOUBLE_QUOTED.sub("\u201c\\1\u201d", text).replace("'", "\u2019")
    return text


def random_damage(rng: random.Random, instrument: Instrument, lines: int) -> Damage:
    """Damage of every kind at random strengths, for a text of about ``lines`` lines."""
    short = " ".join(instrument.title.split()[:6])
    symbol = f"A/RES/{rng.randint(40, 70)}/{rng.randint(100, 300)}"
    return Damage(
        width=rng.randint(80, 115),
        hyphenate=rng.uniform(0.3, 0.9),
        soft_line_end=rng.choice((0.0, 0.3)),
        soft_inside=rng.choice((0.0, 0.02)),
        ligatures=rng.random() < 0.7,
        curly=rng.random() < 0.7,
        # At least three pages, so that a running header recurs and can be recognized.
        page_lines=max(8, min(rng.randint(40, 60), lines // 3)),
        header=rng.choice((short, symbol, short.upper())),
        footer=rng.choice(("{n}", "- {n} -", "Page {n} of {total}", "{n}/{total}")),
        form_feed=rng.random() < 0.5,
        blank_around_breaks=rng.random() < 0.3,
        blank_between_paragraphs=rng.random() < 0.3,
    )


def retypeset_text(instrument: Instrument, seed: int, damage: Damage | None = None) -> str:
    """``instrument`` printed in the UN/OHCHR plain-text layout and damaged as a PDF
    extraction damages it: by ``damage``, or at random (``random_damage``).
    Deterministic for a given instrument id, seed and damage."""
    rng = random.Random(f"{instrument.id}/retypeset-text/{seed}")
    pieces = _layout(instrument)
    if damage is None:
        lines = sum(len(p.text) for p in pieces) // 95 + len(pieces)
        damage = random_damage(rng, instrument, lines)
    body: list[str] = []
    plain = replace(damage, hyphenate=0.0, soft_inside=0.0)
    for k, piece in enumerate(pieces):
        if damage.blank_between_paragraphs and k:
            body.append("")
        body += _wrap(rng, piece.text, plain if piece.plain else damage)
    size = damage.page_lines or len(body)
    pages = [body[i : i + size] for i in range(0, len(body), size)]
    out: list[str] = []
    for n, page in enumerate(pages, start=1):
        top = len(out)
        if n > 1 and damage.header:
            out.append(damage.header)
            if damage.blank_around_breaks:
                out.append("")
        out += page
        if n > 1 and damage.form_feed:
            out[top] = "\f" + out[top]
        if damage.page_lines:
            if damage.blank_around_breaks:
                out.append("")
            out.append(damage.footer.format(n=n, total=len(pages)))
    return _typography("\n".join(out), damage) + "\n"


def retypeset(instrument: Instrument, seed: int, damage: Damage | None = None) -> Case:
    """A ``retypeset`` case: ``instrument`` against the un-text import of
    ``retypeset_text(instrument, seed, damage)``. Raises ReimportError when that import
    does not give back the same leaf clauses."""
    from treatydiff.formats import parse

    name = f"{instrument.id}/retypeset/{seed}"
    text = retypeset_text(instrument, seed, damage)
    right = parse(text, fmt="un-text")
    right = replace(right, id=f"{instrument.id}+retypeset{seed}")
    left_eids = [leaf.clause.eid for leaf in instrument.leaves]
    right_eids = [leaf.clause.eid for leaf in right.leaves]
    if left_eids != right_eids:
        lost = [e for e in left_eids if e not in set(right_eids)]
        new = [e for e in right_eids if e not in set(left_eids)]
        raise ReimportError(
            f"{name}: the un-text import of the re-typeset text has other clauses "
            f"(lost {lost[:6]}, new {new[:6]}{', reordered' if not lost and not new else ''})",
            text,
        )
    expected = tuple(
        Expected((leaf.clause.eid,), (leaf.clause.eid,), ("identical", "formatting"))
        for leaf in body_leaves(instrument)
    )
    return Case(name, "retypeset", instrument, right, expected, ("re-typeset as UN text",))


# --- entry points ----------------------------------------------------------------------


def generate(
    instrument: Instrument, kind: str, seed: int, *, donors: Sequence[Instrument] = ()
) -> Case:
    """One synthetic case of ``kind`` made from ``instrument``.

    ``donors`` supply the articles and recitals that ``insert`` adds. Raises InputError
    when the instrument does not lend itself to the kind, ReimportError when a
    re-typeset text does not import back to the same clauses.
    """
    name = f"{instrument.id}/{kind}/{seed}"
    if kind == "retypeset":
        return retypeset(instrument, seed)
    if kind not in _OPERATIONS:
        raise InputError(f"unknown perturbation {kind!r}; known: {', '.join(KINDS)}")
    rng = random.Random(name)
    roots = [_thaw(clause, "", original=True) for clause in instrument.body]
    edit = _Edit(rng, instrument, roots, donors)
    _OPERATIONS[kind](edit)
    body = tuple(_freeze(node, "") for node in roots)
    right = Instrument(
        id=f"{instrument.id}+{kind}{seed}",
        title=instrument.title,
        metadata=replace(instrument.metadata, source=None, sha256=None, version=name),
        body=body,
    )
    nodes = [node for node in _walk(roots) if not node.children]
    return Case(name, kind, instrument, right, _truth(instrument, right, nodes), tuple(edit.notes))


def suite(
    instruments: Sequence[Instrument],
    *,
    per_kind: int,
    kinds: Sequence[str] = KINDS,
    seed: int = 0,
) -> list[Case]:
    """``per_kind`` cases of every kind for every instrument; the other instruments are
    the donors of inserted clauses."""
    cases: list[Case] = []
    for instrument in instruments:
        donors = [d for d in instruments if d.id != instrument.id]
        for kind in kinds:
            for k in range(per_kind):
                cases.append(generate(instrument, kind, seed + k, donors=donors))
    return cases
