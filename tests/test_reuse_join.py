"""The similarity join of `treatydiff reuse` finds exactly the pairs a brute-force search
finds, and the lineage and adoption dates it reports follow the texts."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from treatydiff.reuse.dates import adoption_date
from treatydiff.reuse.execute import Runner
from treatydiff.reuse.join import Encoder, build_table, spans, verify
from treatydiff.reuse.report import aggregate, lineage_key
from treatydiff.reuse.search import Options, search


def _sequences(corpus: Path) -> list[list[str]]:
    """The distinct word sequences of 8+ words of four related instruments."""
    from treatydiff import load
    from treatydiff.normalize import comparison_key, scored_words

    seen: dict[str, list[str]] = {}
    for work in (
        "opsc/2012-10-31.md",
        "opac/2013-09-12.md",
        "op-cedaw/2013-04-15.md",
        "crc/2013-04-15.md",
    ):
        for leaf in load(corpus / "laws-markdown" / work).leaves:
            words = scored_words(comparison_key(leaf.clause.text))
            if len(words) >= 8:
                seen.setdefault(" ".join(words), words)
    return list(seen.values())


def _brute_force(sequences: list[list[str]], threshold: float) -> set[tuple[int, int]]:
    encode = Encoder()
    texts = [encode(words) for words in sequences]
    return {
        (i, j)
        for i, j in itertools.combinations(range(len(texts)), 2)
        if fuzz.ratio(texts[i], texts[j]) / 100.0 >= threshold
    }


@pytest.mark.parametrize("threshold", [0.5, 0.7, 0.8, 0.9, 1.0])
def test_the_join_finds_exactly_the_pairs_of_brute_force(corpus: Path, threshold: float) -> None:
    sequences = _sequences(corpus)
    assert len(sequences) > 300
    table, position = build_table(sequences, threshold, 8)
    text_at = {p: i for i, p in enumerate(position)}
    found = set()
    for span in spans(len(sequences), 7):
        for p, q, similarity in verify(table, span):
            assert similarity >= threshold
            found.add(tuple(sorted((text_at[p], text_at[q]))))
    expected = _brute_force(sequences, threshold)
    assert found == expected
    if threshold <= 0.8:
        assert len(expected) > 10


def test_the_join_is_exact_on_edited_copies() -> None:
    # Random clauses and copies with words replaced, inserted and dropped: every pair at
    # the threshold, and only those, whatever the edits.
    rng = random.Random(14)
    vocabulary = [f"w{n}" for n in range(60)] + ["the", "of", "shall", "state"] * 10
    sequences = []
    for _ in range(120):
        words = [rng.choice(vocabulary) for _ in range(rng.randint(8, 40))]
        sequences.append(words)
        for _ in range(3):
            copy = list(words)
            for _ in range(rng.randint(0, len(copy) // 3)):
                k, edit = rng.randrange(len(copy)), rng.randrange(3)
                if edit == 0:
                    copy[k] = rng.choice(vocabulary)
                elif edit == 1:
                    copy.insert(k, "x")
                else:
                    del copy[k]
            if len(copy) >= 8:
                sequences.append(copy)
    distinct = list({" ".join(s): s for s in sequences}.values())
    for threshold in (0.6, 0.75, 0.85):
        table, position = build_table(distinct, threshold, 8)
        text_at = {p: i for i, p in enumerate(position)}
        found = {
            tuple(sorted((text_at[p], text_at[q]))) for p, q, _ in verify(table, (0, len(distinct)))
        }
        assert found == _brute_force(distinct, threshold)


def test_spans_cover_every_position_once() -> None:
    for size, parts in [(0, 4), (1, 4), (10, 3), (1000, 8), (5, 50)]:
        covered = [q for span in spans(size, parts) for q in range(*span)]
        assert covered == list(range(size))


def test_a_lineage_starts_with_the_earliest_dated_instrument(corpus: Path) -> None:
    reuse = search([str(corpus / "laws-markdown")], Options(), runner=Runner(), cache=None)
    aggregates = aggregate(reuse)
    for shared in aggregates.shared_clauses:
        keys = [lineage_key(reuse, reuse.clauses[c.clause].member) for c in shared.carriers]
        assert keys == sorted(keys)
        assert shared.carriers[0].similarity == 1.0
    # The ICCPR's committee clauses (1966) come before the CAT's copies of them (1984).
    committee = [
        shared
        for shared in aggregates.shared_clauses
        if {reuse.collection.members[reuse.clauses[c.clause].member].work for c in shared.carriers}
        == {"iccpr", "cat"}
    ]
    assert committee
    for shared in committee:
        first = reuse.collection.members[reuse.clauses[shared.carriers[0].clause].member]
        assert first.work == "iccpr"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "DONE at Geneva this twenty-eighth day of July one thousand nine hundred and "
            "fifty-one in a single copy",
            "1951-07-28",
        ),
        ("Done at Rome this 4th day of November 1950 in English and French", "1950-11-04"),
        (
            "DONE at Geneva this twelfth day of April nineteen hundred and seventy-nine",
            "1979-04-12",
        ),
        ("DONE at Banjul on July 16th, 1993, in duplicate", "1993-07-16"),
        ("DONE at Manila on the 31st day of May in the year 2001", "2001-05-31"),
        (
            "DONE in duplicate at Zagreb, on this 11<sup>th</sup> day of September, 1998",
            "1998-09-11",
        ),
        ("DONE in Panama City on the 14th day of the month of February 2004", "2004-02-14"),
        (
            "IN WITNESS WHEREOF the undersigned have signed. Done at Strasbourg, the 18th "
            "day of October 1961",
            "1961-10-18",
        ),
        (
            "The General Conference, Having been convened at Geneva, adopts this twenty-sixth "
            "day of June of the year one thousand nine hundred and seventy-three the "
            "following Convention",
            "1973-06-26",
        ),
        (
            "have signed the present Covenant, opened for signature at New York, on the "
            "nineteenth day of December, one thousand nine hundred and sixty-six.",
            "1966-12-19",
        ),
        # No-break hyphens (U+2011), as the Australian act's Word file prints the Charter's.
        (
            "DONE at the city of San Francisco the twenty\u2011sixth day of June, one "
            "thousand nine hundred and forty\u2011five.",
            "1945-06-26",
        ),
        # A treaty named inside a sentence is another instrument; no 31 February.
        ("Having regard to the Convention, done at Rome on 4 November 1950, and", None),
        ("DONE at Geneva on 31 February 1990", None),
        ("DONE at Washington, D", None),
    ],
)
def test_adoption_dates_are_read_from_the_testimonium(text: str, date: str | None) -> None:
    assert adoption_date([text]) == date


def test_the_last_testimonium_counts() -> None:
    texts = ["Done at Paris on 20 March 1952.", "The annex.", "Done at Rome on 4 November 1950."]
    assert adoption_date(texts) == "1950-11-04"
