"""The passes after the content alignment, on instruments built in the test: clauses
rewritten in place (structure), short clauses with a typo, splits whose pieces lie apart,
recitals become articles (moves), and the reason of each pairing in the JSON."""

from __future__ import annotations

import json

import jsonschema

from treatydiff import compare
from treatydiff.engine.comparison import Alignment, Comparison
from treatydiff.model import Clause, Instrument
from treatydiff.render.json import render_json, schema


def paragraphs(eid: str, texts: list[str]) -> tuple[Clause, ...]:
    return tuple(
        Clause(f"{eid}__para_{k}", "paragraph", num=str(k), text=text)
        for k, text in enumerate(texts, start=1)
    )


def article(num: str, *children: Clause | str) -> Clause:
    eid = f"art_{num}"
    if len(children) == 1 and isinstance(children[0], str):
        return Clause(eid, "article", num=num, text=children[0])
    texts = [c for c in children if isinstance(c, str)]
    nodes = [c for c in children if isinstance(c, Clause)]
    return Clause(eid, "article", num=num, children=(*paragraphs(eid, texts), *nodes))


def instrument(name: str, *articles: Clause, recitals: tuple[str, ...] = ()) -> Instrument:
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
    return Instrument(name, "", body=body)


def holding(comparison: Comparison, side: str, eid: str) -> Alignment:
    return next(a for a in comparison.alignments if eid in getattr(a, side))


# Invented clauses (not treaty text).
LICENCE = (
    "Each member shall license the boats that fish commercially in shared rivers and "
    "shall publish the list of licensed boats every year."
)
REPORT = (
    "Each member shall send the board a report on the measures it has taken within two "
    "years after joining, and every five years thereafter."
)
DENOUNCE = (
    "Any member may denounce this agreement by written notice to the secretary; the "
    "denunciation takes effect one year after the notice is received."
)
# The same rule as DUTY_OLD, its conditions reworded: 43 % of the words in common.
DUTY_OLD = (
    "Boats registered in one member may fish in the waters of the other member only "
    "during the summer season and only with nets of the approved mesh."
)
DUTY_NEW = (
    "A boat of one member that holds a valid licence may fish in the waters of any other "
    "member from June to August, using approved nets alone."
)
UNRELATED = (
    "A person accused of an offence under this agreement is entitled to a fair trial "
    "before an independent court and to the assistance of a lawyer."
)


RECALLING = (
    "Recalling the river commission that the members set up in their earlier exchange of "
    "letters on shared waters,"
)
MINDFUL = (
    "Mindful that the stocks of salmon and trout in the shared rivers have fallen sharply "
    "over the last ten years,"
)


def test_a_recital_rewritten_in_place_pairs_by_structure() -> None:
    # A recital is a unit of its own: no article lends it evidence, and its words alone
    # (0.41 in common) are below the threshold; its neighbours pair.
    left = instrument("old", article("1", DENOUNCE), recitals=(RECALLING, DUTY_OLD, MINDFUL))
    right = instrument("new", article("1", DENOUNCE), recitals=(RECALLING, DUTY_NEW, MINDFUL))
    result = compare(left, right)
    rewritten = holding(result, "left", "preamble__p_2")
    assert rewritten.right == ("preamble__p_2",)
    assert rewritten.status == "modified"
    assert rewritten.paired_by == "structure"
    assert not rewritten.moved
    # The clauses whose words pair them say so.
    assert holding(result, "left", "preamble__p_1").paired_by == "content"
    assert holding(result, "left", "art_1").paired_by == "content"


def test_an_unrelated_recital_in_the_same_place_stays_unpaired() -> None:
    left = instrument("old", article("1", DENOUNCE), recitals=(RECALLING, DUTY_OLD, MINDFUL))
    right = instrument("new", article("1", DENOUNCE), recitals=(RECALLING, UNRELATED, MINDFUL))
    result = compare(left, right)
    assert holding(result, "left", "preamble__p_2").status == "removed"
    assert holding(result, "right", "preamble__p_2").status == "added"
    assert holding(result, "left", "preamble__p_2").paired_by is None


def points(eid: str, *texts: str) -> Clause:
    intro = Clause(f"{eid}__intro", "intro", text="The following places are closed to fishing:")
    items = tuple(
        Clause(f"{eid}__point_{chr(97 + k)}", "point", num=chr(97 + k), text=text)
        for k, text in enumerate(texts)
    )
    return Clause(eid, "paragraph", num="2", children=(intro, *items))


def test_a_short_point_with_a_one_letter_typo_pairs_in_its_article() -> None:
    left = instrument(
        "old",
        article("1", LICENCE, points("art_1__para_2", "spawning grounds;", "acommodation;")),
    )
    right = instrument(
        "new",
        article("1", LICENCE, points("art_1__para_2", "spawning grounds;", "accommodation;")),
    )
    result = compare(left, right)
    typo = holding(result, "left", "art_1__para_2__point_b")
    assert typo.right == ("art_1__para_2__point_b",)
    assert typo.status == "modified"
    assert typo.paired_by == "structure"
    assert "spelling" in typo.tags


def test_short_points_that_differ_in_more_than_a_typo_stay_apart() -> None:
    left = instrument("old", article("1", LICENCE, points("art_1__para_2", "harbours;")))
    right = instrument("new", article("1", LICENCE, points("art_1__para_2", "estuaries;")))
    result = compare(left, right)
    assert holding(result, "left", "art_1__para_2__point_a").status == "removed"


FIRST_HALF = "Each member shall keep a register of the boats it has licensed to fish."
SECOND_HALF = "The register shall be open to inspection by the secretary at any time."


def test_a_split_whose_pieces_lie_apart_is_one_alignment() -> None:
    left = instrument("old", article("1", f"{FIRST_HALF} {SECOND_HALF}", REPORT, DENOUNCE))
    right = instrument("new", article("1", FIRST_HALF, REPORT, SECOND_HALF, DENOUNCE))
    result = compare(left, right)
    split = holding(result, "left", "art_1__para_1")
    assert split.right == ("art_1__para_1", "art_1__para_3")
    assert split.is_split
    assert split.status == "formatting"  # the same words, cut in two
    assert holding(result, "left", "art_1__para_2").right == ("art_1__para_2",)
    # Each part of the diff names the clause it belongs to.
    assert {op.right_clause for op in split.diff} == {0, 1}
    assert split.right_texts == (FIRST_HALF, SECOND_HALF)


RECITAL = (
    "Considering that members should protect river fish stocks without discrimination "
    "between the boats of either member, whatever their flag or home port,"
)
# Reworded: 58 % of the words in common, below the content alignment's bar for a move
# once the rest of its article (other words) is weighed in.
RULE = (
    "Each member shall protect the fish stocks of shared rivers without discrimination "
    "between boats, whatever their flag or their home port may be."
)


def test_a_recital_become_an_article_is_a_move() -> None:
    left = instrument("old", article("1", LICENCE, REPORT), recitals=(RECITAL, UNRELATED))
    right = instrument("new", article("1", LICENCE, RULE, REPORT), recitals=(UNRELATED,))
    result = compare(left, right)
    moved = holding(result, "left", "preamble__p_1")
    assert moved.right == ("art_1__para_2",)
    assert moved.moved
    assert moved.paired_by == "move"
    assert moved.status == "modified"


def test_the_json_says_why_clauses_were_paired() -> None:
    left = instrument(
        "old", article("1", LICENCE, REPORT), recitals=(RECITAL, RECALLING, DUTY_OLD, MINDFUL)
    )
    right = instrument(
        "new", article("1", LICENCE, RULE, REPORT), recitals=(RECALLING, DUTY_NEW, MINDFUL)
    )
    data = json.loads(render_json(compare(left, right)))
    jsonschema.Draft202012Validator(schema()).validate(data)
    reasons = {tuple(a["left"]): a["paired_by"] for a in data["alignments"]}
    assert reasons[("art_1__para_1",)] == "content"
    assert reasons[("preamble__p_3",)] == "structure"
    assert reasons[("preamble__p_1",)] == "move"
    assert all(a["paired_by"] is None for a in data["alignments"] if not a["right"])
