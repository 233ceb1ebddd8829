"""Alignment on instruments built in the test: renumbering, moves, splits, merges, unrelated
clauses, document order, and the coverage and identity properties."""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff import compare
from treatydiff.engine.comparison import Comparison
from treatydiff.model import Clause, Instrument

# Invented clauses (not treaty text), long enough to carry meaning, on distinct subjects.
TEXTS = {
    "report": (
        "Each member shall send a report on the measures it has taken to the board within "
        "two years after joining, and every five years thereafter."
    ),
    "signature": "This agreement is open for signature by any member of the association.",
    "ratify": (
        "This agreement is subject to ratification; instruments of ratification shall be "
        "deposited with the secretary of the association."
    ),
    "force": (
        "This agreement shall enter into force three months after the deposit of the tenth "
        "instrument of ratification."
    ),
    "denounce": (
        "Any member may denounce this agreement by written notice to the secretary; the "
        "denunciation takes effect one year after the notice is received."
    ),
    "languages": (
        "The original of this agreement, of which the English and French texts are equally "
        "authentic, shall be kept in the archives of the association."
    ),
    "fishing": (
        "Members shall protect river fish stocks by limiting nets, closing spawning grounds "
        "during spring, and licensing boats that fish commercially."
    ),
    "courts": (
        "A person accused of an offence under this agreement is entitled to a fair trial "
        "before an independent court and to the assistance of a lawyer."
    ),
    "data": (
        "Personal data gathered under this agreement may only be used for the purpose for "
        "which it was gathered and must be deleted after ten years."
    ),
    "amend": (
        "Any member may propose an amendment, which the secretary shall circulate to all "
        "members for comment before the next general meeting votes on it."
    ),
}


def article(num: str, *paragraphs: str) -> Clause:
    eid = f"art_{num}"
    if len(paragraphs) == 1:
        return Clause(eid, "article", num=num, text=paragraphs[0])
    children = tuple(
        Clause(f"{eid}__para_{k}", "paragraph", num=str(k), text=text)
        for k, text in enumerate(paragraphs, start=1)
    )
    return Clause(eid, "article", num=num, children=children)


def instrument(name: str, *articles: Clause, recitals: Sequence[str] = ()) -> Instrument:
    body: tuple[Clause, ...] = articles
    if recitals:
        preamble = Clause(
            "preamble",
            "preamble",
            children=tuple(
                Clause(f"preamble__p_{k}", "recital", num=str(k), text=text)
                for k, text in enumerate(recitals, start=1)
            ),
        )
        body = (preamble, *articles)
    return Instrument(name, "", body=body)  # untitled: these tests align the body


def numbered(name: str, keys: Sequence[str]) -> Instrument:
    return instrument(name, *(article(str(k), TEXTS[key]) for k, key in enumerate(keys, 1)))


def pairs(comparison: Comparison) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(a.left, a.right) for a in comparison.alignments]


def assert_covers(comparison: Comparison) -> None:
    for side in ("left", "right"):
        instrument = getattr(comparison, side)
        ids = [eid for a in comparison.alignments for eid in getattr(a, side)]
        assert sorted(ids) == sorted(leaf.clause.eid for leaf in instrument.leaves)
        assert len(ids) == len(set(ids))


def test_renumbered_articles_pair_by_content() -> None:
    left = numbered("old", ["report", "signature", "ratify", "force"])
    right = numbered("new", ["fishing", "report", "signature", "ratify", "force"])
    result = compare(left, right)
    assert pairs(result) == [
        ((), ("art_1",)),
        (("art_1",), ("art_2",)),
        (("art_2",), ("art_3",)),
        (("art_3",), ("art_4",)),
        (("art_4",), ("art_5",)),
    ]
    assert [a.status for a in result.alignments] == ["added"] + ["identical"] * 4
    assert not any(a.moved for a in result.alignments)


def test_unrelated_clauses_stay_unpaired() -> None:
    left = numbered("old", ["report", "courts", "force"])
    right = numbered("new", ["report", "fishing", "force"])
    result = compare(left, right)
    assert pairs(result) == [
        (("art_1",), ("art_1",)),
        (("art_2",), ()),
        ((), ("art_2",)),
        (("art_3",), ("art_3",)),
    ]
    assert [a.status for a in result.alignments] == ["identical", "removed", "added", "identical"]


def test_moved_article_is_flagged_not_removed_and_added() -> None:
    left = numbered("old", ["report", "fishing", "signature", "ratify", "force", "denounce"])
    right = numbered("new", ["report", "signature", "ratify", "force", "fishing", "denounce"])
    result = compare(left, right)
    moved = [a for a in result.alignments if a.moved]
    assert [(a.left, a.right, a.status) for a in moved] == [(("art_2",), ("art_5",), "identical")]
    assert sum(a.status == "identical" for a in result.alignments) == 6
    # Document order follows the right side.
    assert [a.right for a in result.alignments] == [(f"art_{k}",) for k in range(1, 7)]
    assert result.has_differences


def test_split_and_merge() -> None:
    first, second = TEXTS["denounce"].split("; ")
    left = instrument(
        "old",
        article("1", TEXTS["report"]),
        article("2", TEXTS["denounce"]),
        article("3", TEXTS["force"]),
    )
    right = instrument(
        "new",
        article("1", TEXTS["report"]),
        article("2", first + ".", second[0].upper() + second[1:]),
        article("3", TEXTS["force"]),
    )
    split = compare(left, right)
    assert (("art_2",), ("art_2__para_1", "art_2__para_2")) in pairs(split)
    assert len(split.alignments) == 3
    merged = compare(right, left)
    assert (("art_2__para_1", "art_2__para_2"), ("art_2",)) in pairs(merged)
    (alignment,) = [a for a in merged.alignments if len(a.left) == 2]
    assert alignment.is_merge and alignment.status == "modified"
    assert alignment.left_texts == (f"{first}.", f"{second[0].upper()}{second[1:]}")
    # One op per clause piece: each op lies within one clause of each side.
    assert {op.left_clause for op in alignment.diff} == {0, 1}
    assert {op.right_clause for op in alignment.diff} == {0}


def test_different_numbering_pairs_paragraph_by_paragraph() -> None:
    """Final clauses numbered 12-14 on one side and 8-10 on the other."""
    left = instrument(
        "a",
        *(article(str(k), TEXTS["fishing"] + f" Rule {k}.") for k in range(1, 12)),
        article("12", TEXTS["report"], TEXTS["amend"]),
        article("13", TEXTS["signature"], TEXTS["ratify"]),
        article("14", TEXTS["force"], TEXTS["languages"]),
    )
    right = instrument(
        "b",
        *(article(str(k), TEXTS["courts"] + f" Rule {k}.") for k in range(1, 8)),
        article("8", TEXTS["report"], TEXTS["amend"]),
        article("9", TEXTS["signature"], TEXTS["ratify"].replace("secretary", "director")),
        article("10", TEXTS["force"], TEXTS["languages"]),
    )
    result = compare(left, right)
    paired = [p for p in pairs(result) if p[0] and p[1]]
    assert paired == [
        ((f"art_{a}__para_{p}",), (f"art_{b}__para_{p}",))
        for a, b in ((12, 8), (13, 9), (14, 10))
        for p in (1, 2)
    ]


def test_removed_clause_follows_its_predecessors_partner() -> None:
    left = numbered("old", ["report", "signature", "courts", "ratify"])
    right = numbered("new", ["report", "signature", "ratify", "fishing"])
    result = compare(left, right)
    assert pairs(result) == [
        (("art_1",), ("art_1",)),
        (("art_2",), ("art_2",)),
        (("art_3",), ()),
        (("art_4",), ("art_3",)),
        ((), ("art_4",)),
    ]


def test_threshold_decides_what_pairs() -> None:
    left = numbered("old", ["report"])
    right = instrument("new", article("1", TEXTS["report"].replace("two years", "a year") + " x"))
    assert pairs(compare(left, right)) == [(("art_1",), ("art_1",))]
    assert pairs(compare(left, right, threshold=1.0)) == [(("art_1",), ()), ((), ("art_1",))]


def test_empty_instruments() -> None:
    left = numbered("old", ["report"])
    empty = Instrument("empty", "")
    assert pairs(compare(left, empty)) == [(("art_1",), ())]
    assert pairs(compare(empty, left)) == [((), ("art_1",))]
    assert compare(empty, empty).alignments == ()


# --- properties ----------------------------------------------------------------------------

keys = st.lists(st.sampled_from(sorted(TEXTS)), min_size=0, max_size=8)


@settings(max_examples=60, deadline=None)
@given(keys)
def test_an_instrument_compared_with_itself_has_no_difference(chosen: list[str]) -> None:
    inst = numbered("same", chosen)
    result = compare(inst, inst)
    assert not result.has_differences
    assert all(a.status == "identical" and a.left == a.right for a in result.alignments)
    assert len(result.alignments) == len(inst.leaves)


@settings(max_examples=60, deadline=None)
@given(keys, keys, st.sampled_from([0.3, 0.5, 0.8]))
def test_every_leaf_in_exactly_one_alignment(a: list[str], b: list[str], t: float) -> None:
    result = compare(numbered("a", a), numbered("b", b), threshold=t)
    assert_covers(result)
    for alignment in result.alignments:
        assert alignment.left or alignment.right
        texts = tuple(result.left.by_eid[e].clause.text for e in alignment.left)
        assert alignment.left_texts == texts
        texts = tuple(result.right.by_eid[e].clause.text for e in alignment.right)
        assert alignment.right_texts == texts
    assert compare(numbered("a", a), numbered("b", b), threshold=t) == result
    # Document order: the right side's order, whatever moved.
    order = [
        result.right.leaves.index(result.right.by_eid[e])
        for a in result.alignments
        for e in a.right
    ]
    assert order == sorted(order)


def test_bad_options_are_config_errors() -> None:
    import pytest

    from treatydiff.errors import ConfigError

    inst = numbered("a", ["report"])
    with pytest.raises(ConfigError, match="threshold"):
        compare(inst, inst, threshold=1.5)
    with pytest.raises(ConfigError, match="scorer"):
        compare(inst, inst, scorer="nonsense")
