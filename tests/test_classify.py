"""Status and change tags of aligned clauses."""

from __future__ import annotations

import pytest

from treatydiff.engine.classify import TAGS, Terms, defined_terms, status, tags
from treatydiff.engine.diff import word_diff
from treatydiff.model import Clause, Instrument

NO_TERMS = Terms(frozenset(), frozenset())


def tag(
    left: str, right: str, terms: Terms = NO_TERMS, ids: tuple[str, ...] = ()
) -> tuple[str, ...]:
    return tags(word_diff(left, right), left=(left,), right=(right,), ids=ids, terms=terms)


def test_status() -> None:
    assert status(("the child",), ("the child",)) == "identical"
    assert status(("the \u201cchild\u201d",), ('the  "child"',)) == "formatting"
    assert status(("Secretary- General",), ("Secretary-General",)) == "formatting"
    assert status(("urbanrural migration",), ("urban-rural migration",)) == "formatting"
    assert status(("the child",), ("the children",)) == "modified"
    # A clause split in two is at least a formatting change, never identical: not even
    # when the one clause holds the line break the two are read with.
    assert status(("The Parties meet. They report.",), ("The Parties meet.", "They report.")) == (
        "formatting"
    )
    assert status(("A.\nB.",), ("A.", "B.")) == "formatting"


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # punctuation only
        ("goods such as assets", "goods, such as assets", ("punctuation",)),
        # the same letters, a space lost or gained
        ("within vijfjaar after", "within vijf jaar after", ("spacing",)),
        ("kept apart from", "kept a part from", ("spacing",)),
        # spelling-level: typo fixes, case, words joined or split
        ("he or she can ho longer perform", "he or she can no longer perform", ("spelling",)),
        ("offences are commited in", "offences are committed in", ("spelling",)),
        ("the present Protocol", "the present protocol", ("spelling",)),
        ("in armed conf.ict", "in armed conflict", ("spelling",)),
        ("in every from of abuse", "in every form of abuse", ("spelling",)),
        # one function word for another is wording, even at edit distance one
        ("the law or the State", "the law of the State", ("wording",)),
        ("whether these offences", "whether such offences", ("wording",)),
        # flags
        (
            "States Parties shall take measures",
            "States Parties may take measures",
            ("wording", "modal"),
        ),
        ("shall take measures", "shall endeavour to take measures", ("wording", "modal")),
        ("shall take measures", "shall not take measures", ("wording", "negation")),
        ("with parental consent", "without parental consent", ("wording", "negation")),
        ("within three months", "within six months", ("wording", "number")),
        ("persons under 15 years", "persons under 18 years", ("wording", "number")),
        ("within two years of", "within two months of", ("wording", "number")),
        ("a board of ten experts", "a board of eighteen experts", ("wording", "number")),
        # "eighteen" and "18" are one number
        ("under eighteen years", "under the age of 18 years", ("wording",)),
        # Dutch words raise the same flags
        ("binnen drie maanden na", "binnen zes maanden na", ("wording", "number")),
        ("jonger dan achttien jaar", "jonger dan 18 jaar", ("wording",)),
        ("de Staten zullen maatregelen", "de Staten kunnen maatregelen", ("wording", "modal")),
        ("een kind dat", "geen kind dat", ("wording", "negation")),
        # "een" is also the indefinite article: no number
        ("een kind", "het kind", ("wording",)),
    ],
)
def test_tags(left: str, right: str, expected: tuple[str, ...]) -> None:
    assert tag(left, right) == expected
    assert set(expected) <= set(TAGS)


def test_a_typo_fix_raises_no_flag() -> None:
    # "ho" -> "no" adds a negation word, but as a typo fix it is spelling only.
    assert tag("can ho longer", "can no longer") == ("spelling",)
    # A changed digit is never a typo.
    assert tag("article 43, paragraph 2", "article 43, paragraph 3") == ("wording", "number")


def test_the_strongest_kind_wins() -> None:
    assert tag("Goods such as the Protocol; and", "Goods, such as this protocol; or") == (
        "wording",
    )
    assert tag("Goods such as the Protocol", "Goods, such as the protocol") == ("spelling",)
    assert tag("Goods such asthe assets", "Goods, such as the assets") == ("punctuation",)


def _instrument(*texts: str) -> Instrument:
    article = Clause(
        "art_2",
        "article",
        num="2",
        children=tuple(
            Clause(f"art_2__point_{c}", "point", num=c, text=t)
            for c, t in zip("abc", texts, strict=False)
        ),
    )
    return Instrument("x", "X", body=(article,))


def test_defined_terms_from_definitions_and_quotes() -> None:
    inst = _instrument(
        "Sale of goods means any transaction whereby goods are transferred for remuneration;",
        'For the purposes of this agreement, a "minor" means a person under eighteen;',
        "Goods carried by means of a vehicle shall be declared;",
    )
    terms = defined_terms(inst)
    assert terms.terms == {"sale of goods", "minor"}
    assert terms.defining == {"art_2__point_a", "art_2__point_b"}


def test_defined_term_flag() -> None:
    terms = Terms(frozenset({"sale of goods"}), frozenset({"art_2__point_a"}))
    # The definition itself changed.
    assert tag("any transfer", "any transfer or lease", terms, ids=("art_2__point_a",)) == (
        "wording",
        "defined-term",
    )
    # The use of the defined term changed elsewhere.
    assert tag("the sale of goods is banned", "the lease is banned", terms) == (
        "wording",
        "defined-term",
    )
    # A clause that neither defines nor uses a term.
    assert tag("the lease is banned", "the lease is prohibited", terms) == ("wording",)
    # A typo fix in a definition raises no flag.
    assert tag("any transfr", "any transfer", terms, ids=("art_2__point_a",)) == ("spelling",)
