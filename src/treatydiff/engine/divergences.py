"""Where the language versions of one treaty diverge, read from their alignment.

Each divergence names its kind, the clauses of the two versions concerned (the pivot
and one other) and a detail a lawyer can check:

* ``number``: a number, date, period, age or amount of one version that the other does
  not state (number words count as numbers: "eighteen" and "achttien" agree);
* ``reference``: the same, where the numbers that differ stand in a citation ("article
  4" / "artículo 5"), once the article numbers are mapped through the alignment;
* ``missing`` / ``extra``: a unit of the pivot that the other version lacks, or one that
  only the other version has (a paragraph, a point, a list item); also the title of a
  container that one version prints as its designation alone ("HOOFDSTUK III" against
  "INTERNATIONAL CO-OPERATION");
* ``structure``: an article whose numbered paragraphs or list items differ in count,
  where no unit is missing: the versions split or join them differently;
* ``length``: a pair of clauses far shorter or longer than the pair's usual ratio (the
  length model of ``engine.lengths``): a likely omission or addition;
* ``meaning`` (semantic extra): a pair whose embeddings are far less alike than the
  pair's clauses usually are.

Few false alarms matter more than a complete list: a bead of segmentation alone (a
recital that one version's layout splits in two) is no divergence, the value one written
as a word is no anchor (``engine.anchors``), and lengths and similarities are judged
against the pair's own usual values, not fixed ones.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from treatydiff import lang
from treatydiff.engine.languages import Alignment, Bead, PairAlignment, Unit
from treatydiff.model import HEADING_KIND

KINDS = ("number", "reference", "missing", "extra", "structure", "length", "meaning")
# A pair of clauses this far from the usual length ratio (standard deviates), and both
# this long at least (characters) on the longer side, is a likely omission.
LENGTH_DEVIATE = 4.5
_LENGTH_FLOOR = 60
_WORD = re.compile(r"\w+")
# A pair whose similarity lies this many robust deviations below the pair's median, and
# below this absolute value, is an outlier of meaning.
MEANING_DEVIATIONS = 5.0
_MEANING_CEILING = 0.5


@dataclass(frozen=True)
class Divergence:
    """One place where two versions differ.

    ``clauses``: language -> eIds of its units concerned (empty for the version that
    lacks the unit); ``article``: the eId of the pivot's article (or top-level clause)
    it sits in; ``label``: where it is, in the pivot's citation ("article 4, paragraph
    3 (c)"); ``detail``: what differs, in a sentence.
    """

    kind: str
    clauses: Mapping[str, tuple[str, ...]]
    article: str
    label: str
    detail: str


def divergences(alignment: Alignment) -> tuple[Divergence, ...]:
    """Every divergence between the pivot and each other version, in the pivot's order
    (the pairs in the order of the versions)."""
    out: list[Divergence] = []
    for pair in alignment.pairs:
        out.extend(_pair_divergences(pair))
    return tuple(out)


def _pair_divergences(pair: PairAlignment) -> list[Divergence]:
    mapping = _article_map(pair)
    out: list[Divergence] = []
    lengths = _length_outliers(pair)
    meanings = _meaning_outliers(pair)
    shifted = _shifted(pair, mapping)
    for bead in pair.beads:
        left = [pair.left.units[i] for i in bead.left]
        right = [pair.right.units[j] for j in bead.right]
        if not right or not left:
            if bead not in shifted:
                out.extend(_unpaired("missing" if left else "extra", pair, left or right))
            continue
        untitled = _untitled(pair, left, right)
        if untitled is not None:
            out.append(untitled)
            continue
        numbers = None if bead in shifted else _numbers(pair, left, right, mapping)
        if numbers is not None:
            out.append(numbers)
        elif bead in lengths and bead not in shifted:
            out.append(_divergence("length", pair, left, right, lengths[bead]))
        if bead in meanings:
            out.append(_divergence("meaning", pair, left, right, meanings[bead]))
    out.extend(_structure(pair, out))
    return sorted(out, key=lambda d: _place(pair, d))


def _shifted(pair: PairAlignment, mapping: Mapping[str, str]) -> set[Bead]:
    """Beads whose boundary one version's layout moved: two neighbours that differ in
    numbers or in length each, and agree once joined ("... del párrafo 8 de la" /
    "resolución II, ..." cut in the wrong place). Their words are all there."""
    out: set[Bead] = set()
    for first, second in zip(pair.beads, pair.beads[1:], strict=False):
        if _cut_off(pair, first, second) or _cut_off(pair, second, first):
            out.update((first, second))
    beads = [b for b in pair.beads if b.left and b.right]
    for first, second in zip(beads, beads[1:], strict=False):
        units = [
            ([pair.left.units[i] for i in b.left], [pair.right.units[j] for j in b.right])
            for b in (first, second)
        ]
        joined = (units[0][0] + units[1][0], units[0][1] + units[1][1])
        apart = all(_numbers(pair, *side, mapping) for side in units)
        if apart and not _numbers(pair, *joined, mapping):
            out.update((first, second))
            continue
        z = [
            pair.model.deviate(*(sum(u.length for u in side) for side in pair_)) for pair_ in units
        ]
        whole = pair.model.deviate(*(sum(u.length for u in side) for side in joined))
        # One far short, its neighbour long on the same side, both right once joined.
        opposite = z[0] * z[1] < 0 and min(map(abs, z)) >= 1.5
        if opposite and max(map(abs, z)) >= 3 and abs(whole) < 2:
            out.update((first, second))
    return out


def _cut_off(pair: PairAlignment, paired: Bead, alone: Bead) -> bool:
    """Whether the unit of ``alone`` (no counterpart) is the rest of a clause of
    ``paired`` that one layout cut in two: the pair is far off the usual ratio on that
    side, and agrees once the unit joins it."""
    if not (paired.left and paired.right) or (alone.left and alone.right):
        return False
    la = sum(pair.left.units[i].length for i in (*paired.left, *alone.left))
    lb = sum(pair.right.units[j].length for j in (*paired.right, *alone.right))
    before = pair.model.deviate(
        sum(pair.left.units[i].length for i in paired.left),
        sum(pair.right.units[j].length for j in paired.right),
    )
    short = before > 3 if alone.left else before < -3
    return short and abs(pair.model.deviate(la, lb)) < 3


def _place(pair: PairAlignment, divergence: Divergence) -> tuple[int, int]:
    """Where a divergence stands: its first pivot unit, else its first other unit's bead."""
    eids = divergence.clauses.get(pair.left.language, ())
    if eids:
        return pair.left.by_eid[eids[0]].index, 0
    other = divergence.clauses.get(pair.right.language, ())
    index = pair.right.by_eid[other[0]].index if other else 0
    for bead in pair.beads:
        if index in bead.right:
            before = max(bead.left, default=-1)
            return before, 1
    return index, 1


def _divergence(
    kind: str, pair: PairAlignment, left: list[Unit], right: list[Unit], detail: str
) -> Divergence:
    clauses = {
        pair.left.language: tuple(u.eid for u in left),
        pair.right.language: tuple(u.eid for u in right),
    }
    anchor = left[0] if left else right[0]
    article = left[0].article if left else _pivot_article(pair, right[0])
    return Divergence(kind, clauses, article, anchor.label, detail)


def _pivot_article(pair: PairAlignment, unit: Unit) -> str:
    """The pivot's article where a unit of the other version stands: that of the pivot
    unit aligned just before it."""
    previous = ""
    for bead in pair.beads:
        if unit.index in bead.right:
            return pair.left.units[bead.left[0]].article if bead.left else previous or unit.article
        if bead.left:
            previous = pair.left.units[bead.left[-1]].article
    return unit.article


def _untitled(pair: PairAlignment, left: list[Unit], right: list[Unit]) -> Divergence | None:
    """``missing`` or ``extra`` where two container headings pair and one version prints
    the designation alone ("HOOFDSTUK III": the container word and its number, which the
    other version's heading leaves to the container) where the other has a title; None
    otherwise."""
    if len(left) != 1 or len(right) != 1 or not left[0].kind == right[0].kind == HEADING_KIND:
        return None
    bare = [_designation_only(unit, version.language) for unit, version in
            ((left[0], pair.left), (right[0], pair.right))]  # fmt: skip
    if bare[0] == bare[1]:
        return None
    lacking, titled = (0, 1) if bare[0] else (1, 0)
    units, versions = (left[0], right[0]), (pair.left, pair.right)
    detail = (
        f"{units[lacking].label} ({versions[lacking].language}) is the designation alone, "
        f"“{units[lacking].text}”: the title “{_quote(units[titled].text)}” "
        f"({versions[titled].language}) has no counterpart"
    )
    return _divergence("missing" if lacking else "extra", pair, left, right, detail)


def _designation_only(unit: Unit, language: str) -> bool:
    """Whether a heading's words are its container's word and number alone ("HOOFDSTUK
    III" for ``chp_III__heading``)."""
    owner = unit.eid.removesuffix(f"__{HEADING_KIND}").rsplit("__", 1)[-1]
    number = owner.partition("_")[2].casefold()
    words = set(lang.get(language).container_words)
    found = _WORD.findall(unit.text.casefold())
    return bool(number) and found[-1:] == [number] and all(w in words for w in found[:-1])


def _unpaired(kind: str, pair: PairAlignment, units: list[Unit]) -> list[Divergence]:
    language = pair.left.language if kind == "missing" else pair.right.language
    other = pair.right.language if kind == "missing" else pair.left.language
    out = []
    for unit in units:
        if not unit.text.strip():
            continue
        quoted = f"\u201c{_quote(unit.text)}\u201d"
        detail = f"{unit.label} ({language}) has no counterpart in {other}: {quoted}"
        if kind == "missing":
            out.append(_divergence(kind, pair, [unit], [], detail))
        else:
            out.append(_divergence(kind, pair, [], [unit], detail))
    return out


def _quote(text: str, size: int = 80) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "\u2026"


def _article_map(pair: PairAlignment) -> dict[str, str]:
    """Article numbers of the pivot to those of the other version, where the aligned
    articles are numbered differently (a cited "article 4" is then "article 5")."""
    mapping: dict[str, str] = {}
    for bead in pair.beads:
        for i in bead.left:
            for j in bead.right:
                a, b = pair.left.units[i].article, pair.right.units[j].article
                if a.startswith("art_") and b.startswith("art_") and a != b:
                    mapping.setdefault(a[4:], b[4:])
    return mapping


def _numbers(
    pair: PairAlignment, left: list[Unit], right: list[Unit], mapping: Mapping[str, str]
) -> Divergence | None:
    """A ``number`` or ``reference`` divergence where the two sides state different
    numbers; None where they agree.

    A number one side states and the other does not, while the other states no number
    of its own instead, counts only when it is written in digits: a translator may
    render "the primary consideration" as "de eerste overweging", never "1994" as
    nothing. Where both sides state a number the other does not, it counts always.
    """
    numbers_a = frozenset().union(*(u.anchors.numbers for u in left))
    numbers_b = frozenset().union(*(u.anchors.numbers for u in right))
    cited_a = frozenset().union(*(u.anchors.cited for u in left))
    cited_b = frozenset().union(*(u.anchors.cited for u in right))
    spelled = frozenset().union(*(u.anchors.spelled for u in (*left, *right)))
    mapped = {mapping.get(n, n) if (n, "article") in cited_a else n for n in numbers_a}
    only_a, only_b = _unshared(mapped, numbers_b)
    if not only_a and not only_b:
        return None
    if not (only_a and only_b) and all(n in spelled for n in (*only_a, *only_b)):
        return None
    cited = {n for n, _ in cited_a} | {mapping.get(n, n) for n, k in cited_a if k == "article"}
    cited |= {n for n, _ in cited_b}
    kind = "reference" if all(n in cited for n in (*only_a, *only_b)) else "number"
    what = "cites" if kind == "reference" else "states"
    parts = []
    if only_a:
        parts.append(f"{pair.left.language} {what} {', '.join(only_a)}")
    if only_b:
        parts.append(f"{pair.right.language} {what} {', '.join(only_b)}")
    if len(parts) == 1:
        parts[0] += f", which {pair.right.language if only_a else pair.left.language} does not"
    return _divergence(kind, pair, left, right, "; ".join(parts))


def _unshared(a: frozenset[str] | set[str], b: frozenset[str]) -> tuple[list[str], list[str]]:
    """The numbers of ``a`` not in ``b`` and of ``b`` not in ``a``, in order; a decimal
    whose parts the other side states apart is no difference ("article 8.4" /
    "artikel 8, vierde lid")."""
    only_a, only_b = set(a - b), set(b - a)
    for one, other, all_other in ((only_a, only_b, b), (only_b, only_a, a)):
        for number in sorted(one):
            pieces = number.split(".")
            if len(pieces) == 2 and all(p in all_other for p in pieces):
                one.discard(number)
                other.difference_update(pieces)
    return sorted(only_a, key=_order), sorted(only_b, key=_order)


def _order(number: str) -> tuple[int, float, str]:
    try:
        return 0, float(number), number
    except ValueError:
        return 1, 0.0, number


def _length_outliers(pair: PairAlignment) -> dict[Bead, str]:
    """One-to-one beads whose lengths lie far off the pair's usual ratio."""
    out: dict[Bead, str] = {}
    for bead in pair.beads:
        if len(bead.left) != 1 or len(bead.right) != 1:
            continue
        a, b = pair.left.units[bead.left[0]], pair.right.units[bead.right[0]]
        if a.unit_class != "body" or max(a.length, b.length) < _LENGTH_FLOOR:
            continue
        z = pair.model.deviate(a.length, b.length)
        if abs(z) >= LENGTH_DEVIATE:
            ratio = b.length / (pair.model.c * a.length) if a.length else float("inf")
            shorter = pair.right.language if z < 0 else pair.left.language
            out[bead] = (
                f"{b.length} characters in {pair.right.language} for {a.length} in "
                f"{pair.left.language}: {ratio:.0%} of the usual ratio "
                f"(z = {z:+.1f}); {shorter} may leave words out"
            )
    return out


def _meaning_outliers(pair: PairAlignment) -> dict[Bead, str]:
    """One-to-one beads whose embeddings are far less alike than the pair's usual."""
    scored = [b for b in pair.beads if b.similarity is not None and b.left and b.right]
    values = [b.similarity for b in scored if b.similarity is not None]
    if len(values) < 10:
        return {}
    median = statistics.median(values)
    spread = statistics.median(abs(v - median) for v in values) * 1.4826 or 0.05
    out: dict[Bead, str] = {}
    for bead in scored:
        similarity = bead.similarity or 0.0
        deviations = (median - similarity) / spread
        if deviations >= MEANING_DEVIATIONS and similarity < _MEANING_CEILING:
            out[bead] = (
                f"embedding similarity {similarity:.2f}, against {median:.2f} usual for "
                f"this pair ({deviations:.1f} deviations below)"
            )
    return out


def _structure(pair: PairAlignment, found: Iterable[Divergence]) -> list[Divergence]:
    """Articles whose numbered paragraphs or list items differ in count while no unit
    of them is missing or extra."""
    explained = {d.article for d in found if d.kind in ("missing", "extra")}
    counts_a, counts_b = _counts(pair.left.units), _counts(pair.right.units)
    mapping = _article_map(pair)
    out: list[Divergence] = []
    for article, lists in counts_a.items():
        other = counts_b.get(f"art_{mapping.get(article[4:], article[4:])}")
        if other is None or other == lists or article in explained:
            continue
        parts = [
            f"{_list_name(holder)}: {lists[holder]} in {pair.left.language}, "
            f"{other[holder]} in {pair.right.language}"
            for holder in sorted(set(lists) | set(other))
            if lists[holder] != other[holder]
        ]
        units_a = [u for u in pair.left.units if u.article == article and u.unit_class == "body"]
        units_b = [u for u in pair.right.units if u.article == article and u.unit_class == "body"]
        clauses = {
            pair.left.language: tuple(u.eid for u in units_a),
            pair.right.language: tuple(u.eid for u in units_b),
        }
        label = units_a[0].label.split(",")[0] if units_a else article
        detail = "numbered items differ in count: " + "; ".join(parts)
        out.append(Divergence("structure", clauses, article, label, detail))
    return out


def _counts(units: Iterable[Unit]) -> dict[str, Counter[str]]:
    """Per article: the number of numbered items (paragraphs, points) of each list, a
    list named by the eId path of the clause that holds it within the article ("" for
    the article's own paragraphs)."""
    items: dict[str, set[tuple[str, str]]] = {}
    for unit in units:
        if not unit.article.startswith("art_") or unit.unit_class != "body":
            continue
        parts = unit.eid.split("__")
        found = items.setdefault(unit.article, set())
        for depth in range(1, len(parts)):
            if parts[depth].startswith(("para_", "point_")):
                found.add(("__".join(parts[1:depth]), "__".join(parts[1 : depth + 1])))
    return {article: Counter(holder for holder, _ in found) for article, found in items.items()}


def _list_name(holder: str) -> str:
    """A list named for people: "items of the article", "items of para_3"."""
    return f"items of {holder}" if holder else "items of the article"
