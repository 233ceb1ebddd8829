"""Words that look alike but are other words: a hyphen or a space that joins or splits
words, an acronym one letter apart, an accent on a small letter. Each is wording where
both sides are real words (or designations), and spelling or spacing where one side is
no word of the language (the newcomer report, items 1, 2, 3 and 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from treatydiff.cli import main
from treatydiff.engine.classify import status, tags
from treatydiff.engine.diff import word_diff
from treatydiff.engine.terms import Terms
from treatydiff.lang.words import EVERY_LANGUAGE, Lexicon

NO_TERMS = Terms(frozenset(), frozenset())


def kind(left: str, right: str, lexicon: Lexicon = EVERY_LANGUAGE) -> tuple[str, ...]:
    """The tags of ``left`` -> ``right`` (both ways the same kind), and their status."""
    found = tags(
        word_diff(left, right), left=(left,), right=(right,), ids=(), terms=NO_TERMS,
        lexicon=lexicon,
    )  # fmt: skip
    back = tags(
        word_diff(right, left), left=(right,), right=(left,), ids=(), terms=NO_TERMS,
        lexicon=lexicon,
    )  # fmt: skip
    assert found[:1] == back[:1], (left, right, found, back)
    assert status((left,), (right,)) == "modified"
    return found


@pytest.mark.parametrize(
    ("hyphenated", "joined"),
    [
        ("re-sign", "resign"),
        ("re-serve", "reserve"),
        ("re-present", "represent"),
        ("re-cover", "recover"),
        ("re-form", "reform"),
        ("re-sort", "resort"),
        ("re\u2010sign", "resign"),  # any hyphen code point
        ("un-ionized", "unionized"),  # "un" ends in a consonant: no vowels kept apart
        ("un-lock", "unlock"),
        ("co-op", "coop"),  # a stem that is no word alone: the hyphenated form is one
        ("un-ionised", "unionised"),  # British spelling: neither form is listed as such
    ],
)
def test_a_hyphen_that_tells_two_words_apart_is_wording(hyphenated: str, joined: str) -> None:
    # English rules (``hyphen_prefixes``), read with the English list: every language's
    # lists hold "op" (Dutch), a stem that is a word there.
    english = Lexicon.of(["en"])
    assert (
        kind(f"may {hyphenated} the declaration", f"may {joined} the declaration", english)[0]
        == "wording"
    )


@pytest.mark.parametrize(
    ("hyphenated", "joined"),
    [
        ("co-operation", "cooperation"),
        ("re-enter", "reenter"),  # before a vowel: the hyphen keeps two vowels apart
        ("re-examine", "reexamine"),
        ("co-ordination", "coordination"),
        ("co-opt", "coopt"),
        ("urban-rural", "urbanrural"),
        ("non-governmental", "nongovernmental"),
        ("subst-itution", "substitution"),  # a line-end hyphen kept by an importer
        ("Secretary-General", "SecretaryGeneral"),
    ],
)
def test_a_hyphenation_variant_is_spelling(hyphenated: str, joined: str) -> None:
    assert kind(f"the {hyphenated} of", f"the {joined} of") == ("spelling",)


@pytest.mark.parametrize(
    ("split", "joined"),
    [("a part", "apart"), ("every one", "everyone"), ("can not", "cannot"), ("any one", "anyone")],
)
def test_a_space_between_real_words_is_wording(split: str, joined: str) -> None:
    assert kind(f"it is {split} of", f"it is {joined} of")[0] == "wording"


@pytest.mark.parametrize(
    ("split", "joined", "lexicon"),
    [
        ("the assets", "theassets", EVERY_LANGUAGE),
        ("vijf jaar", "vijfjaar", Lexicon.of(["nl"])),
        ("five years", "fiveyears", Lexicon.of(["en"])),
        ("compe tent", "competent", Lexicon.of(["en"])),
    ],
)
def test_a_space_lost_or_gained_in_a_non_word_is_spacing(
    split: str, joined: str, lexicon: Lexicon
) -> None:
    assert kind(f"within {split} after", f"within {joined} after", lexicon) == ("spacing",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("OPAC", "OPSC"),  # two non-words
        ("CERD", "CED"),  # the list knows "ced", not "cerd"
        ("UNHCR", "UNHRC"),  # nor "unhrc": two bodies
        ("ICJ", "ICC"),
    ],
)
def test_an_acronym_one_letter_apart_is_wording(old: str, new: str) -> None:
    assert kind(f"considered by the {old} and", f"considered by the {new} and") == ("wording",)


def test_two_non_words_are_no_typo_and_capitals_in_a_capital_text_are_words() -> None:
    # "Protocl" -> "Protocoll": neither is a word, so neither is the typo of the other.
    assert kind("the Protocl shall", "the Protocoll shall") == ("wording",)
    # A typo repaired stays spelling: one side is the word it stands for.
    assert kind("the Protocl shall", "the Protocol shall") == ("spelling",)
    # In a heading printed in capitals, a capitalized typo is a typo, not a designation.
    assert kind("FINAL PROVISONS", "FINAL PROVISIONS") == ("spelling",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("the City of Geneva before", "the City of Genova before"),  # Genoa
        ("signed at Paris on", "signed at Parma on"),
        ("the Secretary of State of Austria", "the Secretary of State of Australia"),
    ],
)
def test_a_name_put_for_another_is_wording_though_one_is_no_english_word(
    old: str, new: str
) -> None:
    # "Genova" is no English word, but another language's list holds it: a name, not a
    # typo of "Geneva"; a capitalized typo in no list stays spelling ("Genva").
    english = Lexicon.of(["en"])
    assert kind(old, new, english)[0] == "wording"
    assert kind("the City of Geneva before", "the City of Genva before", english) == ("spelling",)


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("el Comité examinará la cuestión", "el Comité examinara la cuestión", "es"),
        ("Si el Estado lo solicita", "Sí el Estado lo solicita", "es"),
        ("el Estado mas el Comité", "el Estado más el Comité", "es"),
        ("une situation où les", "une situation ou les", "fr"),
        ("le texte signé par", "le texte signe par", "fr"),
        ("il est tenu de le faire", "il est tenu dé le faire", "fr"),
        # An accent that makes another word stays one on a capital (``accented_words``).
        ("Él lo decidirá", "El lo decidirá", "es"),
        ("Sí, el Comité", "Si, el Comité", "es"),
        ("Más de un Estado", "Mas de un Estado", "es"),
        ("Où il réside", "Ou il réside", "fr"),
        ("Één lid wordt benoemd", "Een lid wordt benoemd", "nl"),
        ("Vóór de zitting", "Voor de zitting", "nl"),
    ],
)
def test_an_accent_between_two_real_words_is_wording(old: str, new: str, code: str) -> None:
    # In the language's lexicon and in every language's (a text whose language is not
    # known reads every list).
    for lexicon in (Lexicon.of([code]), EVERY_LANGUAGE):
        assert kind(old, new, lexicon)[0] == "wording", lexicon


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ("les Etats Parties", "les États Parties", "fr"),  # a capital printed bare
        ("LES ETATS PARTIES", "LES ÉTATS PARTIES", "fr"),
        ("sólo el Comité", "solo el Comité", "es"),  # RAE 2010: no accent needed
        ("éste es el Comité", "este es el Comité", "es"),
    ],
)
def test_a_spelling_variant_of_accents_stays_spelling(old: str, new: str, code: str) -> None:
    for lexicon in (Lexicon.of([code]), EVERY_LANGUAGE):
        assert kind(old, new, lexicon) == ("spelling",), lexicon


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [("le Comite examine", "le Comité examine", "fr"), ("el Comite", "el Comité", "es")],
)
def test_an_accent_lost_in_a_word_of_the_text_language_is_spelling(
    old: str, new: str, code: str
) -> None:
    # "comite" is no French or Spanish word (their lists leave out the web's accentless
    # typing), so in the text's language it is a typo; compare reads that language's list.
    assert kind(old, new, Lexicon.of([code])) == ("spelling",)


TITLE = "Convention on Testing\n\nArticle 1\n\n1. "


@pytest.mark.parametrize(
    ("old", "new", "lang"),
    [
        (
            "A member of the Committee may re-sign the declaration at any time.",
            "A member of the Committee may resign the declaration at any time.",
            "en",
        ),
        (
            "Reports shall be considered by the OPAC Committee and the CERD.",
            "Reports shall be considered by the OPSC Committee and the CED.",
            "en",
        ),
        (
            "The Committee shall keep a part of the reports.",
            "The Committee shall keep apart of the reports.",
            "en",
        ),
        (
            "Si el Estado Parte lo solicita, el Comité examinará la cuestión.",
            "Sí el Estado Parte lo solicita, el Comité examinara la cuestión.",
            "es",
        ),
        (
            "Dans une situation où les États Parties le demandent, le Comité se réunit.",
            "Dans une situation ou les États Parties le demandent, le Comité se réunit.",
            "fr",
        ),
    ],
)
def test_the_newcomers_cases_fail_a_substantive_check(
    tmp_path: Path, old: str, new: str, lang: str
) -> None:
    left, right = tmp_path / "a.txt", tmp_path / "b.txt"
    left.write_text(f"{TITLE}{old}\n", encoding="utf-8")
    right.write_text(f"{TITLE}{new}\n", encoding="utf-8")
    runner = CliRunner()
    args = [str(left), str(right), "--lang", lang]
    compared = runner.invoke(main, ["compare", *args])
    assert compared.exit_code == 1, compared.output
    assert "[wording" in compared.output and "100.0 %" not in compared.output
    checked = runner.invoke(main, ["check", *args, "--fail-on", "substantive"])
    assert checked.exit_code == 1, checked.output


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        # A hyphen moved to other words: what the number counts changed.
        ("elected for twenty five-year terms", "elected for twenty-five year terms", "wording"),
        ("a long term-care plan", "a long-term care plan", "wording"),
        # A hyphen added or dropped between two words: a hyphenation variant.
        ("a state-owned company", "a state owned company", "spelling"),
        ("a man eating tiger", "a man-eating tiger", "spelling"),
        # Spaces and commas alone around the same words stay punctuation.
        ("the Committee, and", "the Committee; and", "punctuation"),
    ],
)
def test_a_hyphen_between_the_same_words(left: str, right: str, expected: str) -> None:
    assert kind(left, right)[0] == expected


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("the State's obligations", "the States' obligations"),  # whose obligations
        ("its duty", "it's duty"),  # a contraction
        ("the Party's reports", "the Partys reports"),
        ("the Parties' rights", "the Party's rights"),
    ],
)
def test_an_apostrophe_that_joins_or_splits_words_is_wording(left: str, right: str) -> None:
    assert kind(left, right)[0] == "wording"


@pytest.mark.parametrize(
    ("british", "american"),
    [
        ("harmonised", "harmonized"),
        ("criminalised", "criminalized"),
        ("unionisation", "unionization"),
        ("prioritising", "prioritizing"),
        ("recognises", "recognizes"),
    ],
)
def test_an_ise_spelling_of_an_ize_word_is_spelling(british: str, american: str) -> None:
    # New Hart's Rules: "-ise" and "-ize" spell one word; the word lists hold some
    # British forms ("harmonised") and not others ("criminalised").
    english = Lexicon.of(["en"])
    assert english.is_word(british)
    assert kind(f"shall be {british} by", f"shall be {american} by", english) == ("spelling",)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("criminalized", "criminalizes"),  # "criminalizes" is in no word list
        ("criminalised", "criminalises"),
        ("harmonised", "harmonises"),
        ("agree", "agreed"),
    ],
)
def test_another_form_of_a_word_is_wording_though_the_list_lacks_it(old: str, new: str) -> None:
    english = Lexicon.of(["en"])
    assert kind(f"the State {old} the", f"the State {new} the", english)[0] == "wording"


def test_a_letter_lost_before_an_ending_stays_a_typo() -> None:
    # "adoptd" is no form of "adopt": an ending "d" follows only an "e" ("agreed").
    english = Lexicon.of(["en"])
    assert kind("the text adopted by", "the text adoptd by", english) == ("spelling",)


def test_a_short_stem_keeps_its_ending() -> None:
    # "prised" (forced open) is no spelling of "prized" (valued): the ending rule needs
    # three letters before "-ise".
    english = Lexicon.of(["en"])
    assert english.canonical("prised") == "prised"
    assert english.canonical("criminalised") == "criminalized"


@pytest.mark.parametrize(
    ("old", "new", "number"),
    [
        ("pay $100 each", "pay €100 each", True),  # a currency
        ("is > 5 ppm", "is < 5 ppm", True),  # a relation
        ("is ≥ 5 ppm", "is ≤ 5 ppm", True),
        ("add +2 units", "add -2 units", True),  # a sign
        ("at −5 degrees", "at 5 degrees", True),
        ("at 12° 30′ 15″ N", "at 12° 30″ 15′ N", True),  # minutes and seconds swapped
        ("under § 12 of", "under 12 of", True),
        ("members & observers", "members observers", False),
        ("members and/or observers", "members and or observers", False),
    ],
)
def test_a_symbol_that_carries_meaning_is_no_punctuation(old: str, new: str, number: bool) -> None:
    found = kind(f"the State shall {old} in", f"the State shall {new} in")
    assert found[0] == "wording"
    assert ("number" in found) == number


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("12° 30' 15\" N", "12° 30′ 15″ N"),  # primes however typed
        ("10 % of", "10% of"),
        ("from 5-10 days", "from 5–10 days"),
        ("at −5 degrees", "at -5 degrees"),  # a minus sign however typed
    ],
)
def test_the_same_symbols_typed_otherwise_are_no_change_of_wording(old: str, new: str) -> None:
    left, right = f"the State shall {old} in", f"the State shall {new} in"
    found = tags(
        word_diff(left, right), left=(left,), right=(right,), ids=(), terms=NO_TERMS,
        lexicon=EVERY_LANGUAGE,
    )  # fmt: skip
    assert "wording" not in found and "number" not in found


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("endorser", "endorsee"),  # the one who acts and the one acted on
        ("detainee", "detainer"),
        ("examinee", "examiner"),
        ("consignee", "consigner"),
        ("cession", "session"),  # a rare word and a common one
        ("laches", "latches"),
        ("mandatary", "mandatory"),
        ("tortious", "tortuous"),
        ("immanent", "imminent"),
        ("prescriptive", "proscriptive"),
    ],
)
def test_a_rare_word_or_another_role_one_letter_apart_is_wording(old: str, new: str) -> None:
    english = Lexicon.of(["en"])
    assert kind(f"the {old} of the", f"the {new} of the", english)[0] == "wording"


def test_a_typo_of_a_doubled_letter_stays_spelling() -> None:
    # "ee" is an ending only where both words have one ("employer" / "employee").
    english = Lexicon.of(["en"])
    assert kind("the Committe shall", "the Committee shall", english) == ("spelling",)


@pytest.mark.parametrize(
    ("old", "new", "flags"),
    [
        ("report to the WHO on", "report to the who on", ()),  # an acronym, a word
        ("report on 1 May 2030", "report on 1 may 2030", ("number",)),  # a date's month
        ("the Vessel shall", "the vessel shall", ("defined-term",)),
        ("all Vessels shall", "all vessels shall", ("defined-term",)),
        ("the Competent Authority shall", "the competent authority shall", ("defined-term",)),
    ],
)
def test_a_change_of_case_that_makes_another_word_is_wording(
    old: str, new: str, flags: tuple[str, ...]
) -> None:
    left = f'"Vessel" means any craft. {old} report.'
    right = f'"Vessel" means any craft. {new} report.'
    terms = Terms(frozenset({"vessel", "competent authority"}), frozenset())
    found = tags(word_diff(left, right), left=(left,), right=(right,), ids=(), terms=terms)
    assert found == ("wording", *flags)


def test_a_change_of_case_in_a_publishers_style_stays_case() -> None:
    assert kind("under Part II of", "under part II of") == ("case",)
    assert kind("they May decide", "they may decide") == ("case",)  # no date: the modal
    assert kind("the United Nations", "the united nations") == ("case",)


def test_how_often_is_a_period_and_an_elided_ne_a_negation() -> None:
    assert kind("shall report annually to", "shall report biennially to") == (
        "wording",
        "number",
    )
    assert kind("L'État n'est pas tenu", "L'État est pas tenu") == ("wording", "negation")


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("a fine of 1,000 euros", "a fine of 1 000 euros"),
        ("a fine of 5000 euros", "a fine of 5 000 euros"),
        ("a fine of 1,000 euros", "a fine of 1000 euros"),
        ("½ of the sum and 5000 euros", "1/2 of the sum and 5 000 euros"),
    ],
)
def test_a_number_grouped_or_a_fraction_typed_otherwise_is_no_change_of_wording(
    left: str, right: str
) -> None:
    found = tags(word_diff(left, right), left=(left,), right=(right,), ids=(), terms=NO_TERMS)
    assert "number" not in found and "wording" not in found


def test_a_decimal_point_or_a_whole_number_before_a_fraction_is_a_number() -> None:
    assert "number" in kind("a fine of 1,000 euros", "a fine of 1.000 euros")
    assert "number" in kind("a share of 2½ per", "a share of 21/2 per")


def test_a_raised_sign_put_for_a_plain_one_is_marked_and_a_number_change() -> None:
    # "10⁻³" (a thousandth) and "10−3" (seven): the diff marks them as the key tells them
    # apart, never an equal op in a modified clause.
    left, right = "a dose of 10⁻³ grams", "a dose of 10−3 grams"
    ops = word_diff(left, right)
    assert [(op.left, op.right) for op in ops if op.op != "equal"] == [("10⁻³ ", "10−3 ")]
    assert kind(left, right) == ("wording", "number")


def test_a_private_use_glyph_put_for_another_is_wording() -> None:
    # A symbol font's glyph no table maps (Wingdings' ticked and empty boxes, U+F0FE and
    # U+F0A8 as Word stores them): which box is ticked changes what a State accepts.
    assert kind("\uf0fe accepts the jurisdiction", "\uf0a8 accepts the jurisdiction")[0] == (
        "wording"
    )


def test_another_exponent_is_a_number_change() -> None:
    assert kind("exceed 10\u2076 tonnes", "exceed 10\u2079 tonnes") == ("wording", "number")
