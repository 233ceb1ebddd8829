"""Cross-references: citations inside clause texts, resolved against each side's clause
tree, and checked against the alignment.

A citation ("article 2", "articles 12 to 15", "paragraph 1 of this article", "article 3,
paragraph 2 (b)", "artikel 3, eerste lid, onder b") is read with the words of every known
language (``Language.references``) and resolved to a clause of its own instrument: the
article of that number, its paragraph, its point; a paragraph cited without an article
("paragraph 1 of this article", "paragraph 2 above") is one of the citing clause's own
article. A citation tied to another instrument ("article 1 of the Convention") is left
alone; "of this Protocol", "of the present Convention" keep it here.

For each pair of aligned clauses, the citations of the two sides are paired in order.
When the left citation names clause X and the right one names a clause that is not X's
counterpart (the clause of the right side that most of X's leaves are aligned with), the
reference is stale: the right clause carries the ``reference`` flag, with a note
("article 2 is now article 3"). A citation whose number changed to follow its target is
updated: no change of meaning (``Stale.updated`` gives its spans, which classification
reads as kind ``citation``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import cache

from treatydiff import lang
from treatydiff.engine.comparison import Match
from treatydiff.model import Clause, Instrument, LeafView
from treatydiff.segment.eids import number_token
from treatydiff.segment.labels import citation

_NUM = r"\d{1,4}(?:\s?(?:bis|ter|quater))?"
# A point: "(b)", "(iv)", or with a closing bracket alone, "b)".
_POINT = r"(?:\(|(?<=\s))(?:[a-z]{1,2}|[ivx]{1,5}|\d{1,2})\)"
# The number of each point of a citation: "(b)", or "onder b".
_POINT_NUMBERS = re.compile(r"\(?([^()\s]+)\)|(?<=\s)([a-z]{1,2})\b", re.IGNORECASE)
# Kinds a citation names, outermost first.
_CITED = ("article", "paragraph", "point")


@dataclass(frozen=True)
class Target:
    """What one citation names: an article number (None: the citing clause's own
    article), a paragraph number and point numbers (as eIds spell them)."""

    article: str | None
    paragraph: str | None = None
    points: tuple[str, ...] = ()


@dataclass(frozen=True)
class Citation:
    """A citation in a clause text: its span in the text and what it names."""

    start: int
    end: int
    text: str
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Finding:
    """What the references of one alignment show: the notes of its stale references,
    and the spans (left text, right text) of its updated ones, each as (start, end) in
    the clause's text (one-to-one alignments only)."""

    notes: tuple[str, ...] = ()
    updated: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()


def _alternatives(words: Sequence[str]) -> str:
    # Each word once ("art." is English, French, Spanish and Dutch): a repeated
    # alternative never matches where its first one failed, and re's compiling, which
    # every run pays, grows with the pattern.
    unique = dict.fromkeys(words)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(unique, key=len)[::-1])


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The citation patterns of every known language: article first, paragraph first,
    the words that tie a citation to another instrument, and those that tie it to this
    one ("of this Protocol", "of the present Convention")."""
    words = [language.references for language in lang.every()]
    article = _alternatives([w for r in words for w in r.article])
    paragraph = _alternatives([w for r in words for w in r.paragraph])
    point = _alternatives([w for r in words for w in r.point])
    ordinal = _alternatives([w for r in words for w in r.ordinals])
    joins = _alternatives([w for r in words for w in (*r.ranges, *r.lists)])
    of = _alternatives([w for r in words for w in r.of])
    this = _alternatives([w for r in words for w in r.this])
    one_point = rf"\s*,?\s*(?:(?:{point})\s*)?{_POINT}|\s*,?\s*(?:{point})\s+[a-z]{{1,2}}\b"
    cited_paragraph = (
        rf"(?:(?:{paragraph})\s+(?P<para>{_NUM}(?:\s*(?:,|{joins}|[-\u2013])\s*{_NUM})*)"
        rf"|(?:het\s+)?(?P<ord>{ordinal})\s+(?:{paragraph}))"
    )
    article_first = re.compile(
        rf"(?<!\w)(?:{article})\s+(?P<arts>{_NUM}(?:\s*(?:,|{joins}|[-\u2013])\s*{_NUM})*)"
        rf"(?:\s*,\s*{cited_paragraph})?(?P<points>(?:{one_point})*)",
        re.IGNORECASE,
    )
    paragraph_first = re.compile(
        rf"(?<!\w){cited_paragraph}(?P<points>(?:{one_point})*)"
        rf"(?:\s+(?:{of})\s+(?:(?P<this>{this})\s+(?:{article})|(?:{article})\s+(?P<art>{_NUM})))?",
        re.IGNORECASE,
    )
    elsewhere = re.compile(rf"\s*,?\s*(?:{of})\s+(?!(?:{this})\b)\S", re.IGNORECASE)
    here = re.compile(rf"\s*,?\s*(?:{of})\s+(?:{this})\b", re.IGNORECASE)
    return article_first, paragraph_first, elsewhere, here


def citations(text: str, *, explicit: bool = False) -> tuple[Citation, ...]:
    """The citations of this instrument's clauses in ``text``, in order. With
    ``explicit``, only those that say so ("article 2 of this Protocol"): a preamble cites
    the articles of other instruments ("especially articles 1, 11 and 21 [of the
    Convention]") far more often than its own, which do not exist when it is written."""
    if not _may_cite(text):
        return ()
    article_first, paragraph_first, elsewhere, here = _patterns()
    matches = [*article_first.finditer(text), *paragraph_first.finditer(text)]
    found: list[Citation] = []
    end = 0
    # The longest citation wins where two overlap ("paragraph 2 of article 7").
    for match in sorted(matches, key=lambda m: (m.start(), -m.end())):
        if match.start() < end:
            continue
        end = match.end()
        if elsewhere.match(text, match.end()):
            continue  # "article 1 of the Convention"
        if explicit and not here.match(text, match.end()):
            continue
        targets = _targets(match)
        if targets:
            found.append(Citation(match.start(), match.end(), match.group(0), targets))
    return tuple(sorted(found, key=lambda c: c.start))


@cache
def _cue_words() -> tuple[str, ...]:
    """The article and paragraph words of every known language, lowercase, each to its
    first space: every citation holds one of them."""
    words = {
        word.split()[0].lower()
        for language in lang.every()
        for word in (*language.references.article, *language.references.paragraph)
    }
    return tuple(sorted(words))


def _may_cite(text: str) -> bool:
    """Whether ``text`` holds an article or paragraph word in any case, as the citation
    patterns read case: a plain substring test that passes every text the patterns can
    match in, far cheaper than running them (a search ignoring case tries every position
    of the text; most clauses cite nothing)."""
    if text.isascii():
        folded = text.lower()
    else:
        # Besides simple lowercase, re's IGNORECASE takes the dotted capital I, the
        # dotless i and the long s for "i" and "s".
        folded = text.replace("\u0130", "i").lower().replace("\u0131", "i").replace("\u017f", "s")
    return any(word in folded for word in _cue_words())


def _targets(match: re.Match[str]) -> tuple[Target, ...]:
    groups = match.groupdict()
    points = tuple(
        number_token(bracketed or bare).casefold()
        for bracketed, bare in _POINT_NUMBERS.findall(groups["points"] or "")
    )
    paragraphs: list[str | None] = [None]
    if groups.get("ord"):
        paragraphs = [_ordinals()[re.sub(r"\s+", " ", groups["ord"]).casefold()]]
    elif groups.get("para"):
        paragraphs = list(_numbers(groups["para"]))
    if groups.get("arts") is not None:
        articles: list[str | None] = list(_numbers(groups["arts"]))
    else:
        articles = [groups.get("art") and number_token(groups["art"]).casefold()]
    if len(articles) > 1 and (len(paragraphs) > 1 or paragraphs[0] or points):
        return ()  # "articles 2 and 3, paragraph 1": not read
    return tuple(
        Target(a, p, points if len(paragraphs) == 1 else ()) for a in articles for p in paragraphs
    )


@cache
def _ordinals() -> dict[str, str]:
    return {w: n for language in lang.every() for w, n in language.references.ordinals.items()}


def _numbers(listed: str) -> tuple[str, ...]:
    """The numbers of a list or range: "12 to 15" -> 12, 13, 14, 15; "2 and 3" -> 2, 3."""
    numbers = re.findall(_NUM, listed)
    out: list[str] = []
    for k, number in enumerate(numbers):
        between = listed.split(numbers[k - 1], 1)[-1].split(number, 1)[0] if k else ""
        ranged = k and re.search(r"[-\u2013]|to|tot|through|t/m", between, re.IGNORECASE)
        low, high = (out[-1] if out else ""), number_token(number)
        if ranged and low.isdigit() and high.isdigit() and 0 < int(high) - int(low) <= 100:
            out.extend(str(n) for n in range(int(low) + 1, int(high) + 1))
        else:
            out.append(number_token(number).casefold())
    return tuple(out)


# --- resolving ---------------------------------------------------------------------------


class _Tree:
    """The clauses of one instrument a citation can name."""

    def __init__(self, instrument: Instrument) -> None:
        self.instrument = instrument
        self.articles: dict[str, Clause] = {}
        for clause in instrument.walk():
            if clause.kind == "article" and clause.num:
                self.articles.setdefault(number_token(clause.num).casefold(), clause)

    def resolve(self, target: Target, own: Clause | None) -> str | None:
        """The eId of the clause ``target`` names, from a clause in article ``own``."""
        article = own if target.article is None else self.articles.get(target.article)
        if article is None:
            return None
        found = article
        if target.paragraph is not None:
            found_paragraph = _child(found, "paragraph", target.paragraph)
            if found_paragraph is None:
                return None
            found = found_paragraph
        for point in target.points:
            found_point = _child(found, "point", point)
            if found_point is None:
                return None
            found = found_point
        return found.eid


def _child(parent: Clause, kind: str, num: str) -> Clause | None:
    """The first clause of ``kind`` numbered ``num`` inside ``parent``."""
    for clause in parent.walk():
        if (
            clause is not parent
            and clause.kind == kind
            and clause.num
            and number_token(clause.num).casefold() == num
        ):
            return clause
    return None


def _article_of(leaf: LeafView) -> Clause | None:
    return next((c for c in reversed(leaf.path) if c.kind == "article"), None)


def counterparts(left: Instrument, right: Instrument, matches: Sequence[Match]) -> dict[str, str]:
    """Each cited clause of the left side (article, paragraph, point) and each leaf, to
    its counterpart on the right: for a leaf the first right leaf it is aligned with; for
    a clause the clause of the same kind that holds most of the counterparts of its
    leaves."""
    votes: dict[str, Counter[str]] = {}
    out: dict[str, str] = {}
    for match in matches:
        if not match.left or not match.right:
            continue
        partners = [right.leaves[j] for j in match.right]
        for i in match.left:
            leaf = left.leaves[i]
            out.setdefault(leaf.clause.eid, partners[0].clause.eid)
            for clause in leaf.path:
                if clause.kind not in _CITED:
                    continue
                for partner in partners:
                    same = next((c for c in reversed(partner.path) if c.kind == clause.kind), None)
                    if same is not None:
                        votes.setdefault(clause.eid, Counter())[same.eid] += 1
    for eid, counter in votes.items():
        out[eid] = max(counter.items(), key=lambda item: (item[1], item[0]))[0]
    return out


def check(
    left: Instrument,
    right: Instrument,
    match: Match,
    partners: dict[str, str],
    trees: tuple[_Tree, _Tree],
) -> Finding:
    """The stale and updated references of one alignment (``match``), against the
    counterparts of the whole comparison (``partners``, from ``counterparts``)."""
    if not match.left or not match.right:
        return Finding()
    left_cited = _cited(left, match.left)
    if not left_cited:
        return Finding()
    right_cited = _cited(right, match.right)
    notes: list[str] = []
    updated: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for (one, own_left), (other, own_right) in _paired(left_cited, right_cited):
        if len(one.targets) != len(other.targets):
            continue
        settled = True
        for a, b in zip(one.targets, other.targets, strict=True):
            named = trees[0].resolve(a, own_left)
            if named is None:
                settled = False
                continue
            expected = partners.get(named)
            found = trees[1].resolve(b, own_right)
            if found == expected or _nested(right, found, expected):
                continue
            settled = False
            was = citation(left.by_eid[named].path)
            if expected is None:
                notes.append(f"{was} has no counterpart; the reference cites {other.text}")
            else:
                notes.append(f"{was} is now {citation(right.by_eid[expected].path)}")
        if settled and one.targets != other.targets:
            updated.append(((one.start, one.end), (other.start, other.end)))
    one_to_one = len(match.left) == len(match.right) == 1
    return Finding(tuple(dict.fromkeys(notes)), tuple(updated) if one_to_one else ())


def _cited(instrument: Instrument, indices: Sequence[int]) -> list[tuple[Citation, Clause | None]]:
    """The citations of some leaves of ``instrument``, each with its leaf's article."""
    cited = []
    for index in indices:
        leaf = instrument.leaves[index]
        in_preamble = any(c.kind == "preamble" for c in leaf.ancestors)
        texts = citations(leaf.clause.text, explicit=in_preamble)
        cited += [(c, _article_of(leaf)) for c in texts]
    return cited


def _nested(instrument: Instrument, one: str | None, other: str | None) -> bool:
    """Whether one of two clauses holds the other: a citation made more or less precise
    ("paragraph 1" -> "paragraph 1 (b)") still names the same place, and its changed
    words show in the diff."""
    if one is None or other is None:
        return False
    paths = instrument.by_eid
    return any(c.eid == other for c in paths[one].path) or any(
        c.eid == one for c in paths[other].path
    )


def _paired(
    left: Sequence[tuple[Citation, Clause | None]], right: Sequence[tuple[Citation, Clause | None]]
) -> list[tuple[tuple[Citation, Clause | None], tuple[Citation, Clause | None]]]:
    """Citations of the two sides paired in order: all of them when both sides have as
    many, else those the two texts share and those replaced one for one."""
    if len(left) == len(right):
        return list(zip(left, right, strict=True))
    matcher = SequenceMatcher(
        None, [c.text.casefold() for c, _ in left], [c.text.casefold() for c, _ in right]
    )
    out = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            out += list(zip(left[i1:i2], right[j1:j2], strict=True))
    return out


def trees(left: Instrument, right: Instrument) -> tuple[_Tree, _Tree]:
    """The citable clauses of both sides."""
    return _Tree(left), _Tree(right)
