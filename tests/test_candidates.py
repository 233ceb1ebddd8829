"""Candidate generation for the alignment (engine/candidates.py): the pairs of exhaustive
scoring wherever a side fits in the window, and near-duplicate clauses told apart by
order and neighbours where it does not. Speed is measured in benchmarks/scaling.py."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from rapidfuzz import fuzz

import treatydiff
from treatydiff.engine import candidates
from treatydiff.engine.align import LEAF_FLOOR, align
from treatydiff.engine.blocks import PIECE_FLOOR
from treatydiff.engine.candidates import WINDOW, listed_pairs
from treatydiff.normalize import WordCodes

SENTENCE = (
    "States Parties shall take all appropriate measures to ensure the {word} of the child "
    "and to that end shall cooperate with the competent authorities."
)


def _coded(*instruments: treatydiff.Instrument) -> list[list[str]]:
    codes = WordCodes()
    return [[codes.encode_words(words) for words in inst.leaf_words] for inst in instruments]


def test_a_side_within_the_window_lists_the_pairs_of_exhaustive_scoring(corpus: Path) -> None:
    left = treatydiff.load(corpus / "laws-markdown" / "crc" / "2013-04-15.md")
    right = treatydiff.load(corpus / "raisely-noharm" / "CRC.md")
    assert len(right.leaves) <= WINDOW
    floor = 0.5 * min(LEAF_FLOOR, PIECE_FLOOR)
    left_texts, right_texts = _coded(left, right)
    rows = listed_pairs(left_texts, right_texts, scorer=fuzz.ratio, floor=floor, words=str)
    listed = {
        (i, j): score
        for i, (js, scores) in enumerate(rows)
        for j, score in zip(js, scores, strict=True)
    }
    exhaustive = {
        (i, j): fuzz.ratio(a, b) / 100.0
        for i, a in enumerate(left_texts)
        for j, b in enumerate(right_texts)
        if a and b and fuzz.ratio(a, b) / 100.0 >= floor - 1e-8
    }
    assert listed == exhaustive
    assert len(listed) > 2000  # common words make many weak pairs; all of them are kept


def _near_duplicates(tmp_path: Path, count: int) -> tuple[Path, Path, list[str], list[str]]:
    """``count`` one-sentence articles differing in one word, and an edited copy: three
    clauses reworded, three removed, three inserted."""
    rng = random.Random(7)
    words = sorted({"".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=8)) for _ in range(2000)})
    rng.shuffle(words)
    left = [SENTENCE.format(word=w) for w in words[:count]]
    right = list(left)
    for k in (100, 400, 650):
        right[k] = right[k].replace("competent", "national")
    for k in (600, 300, 50):
        del right[k]
    for k, word in ((10, words[count]), (350, words[count + 1]), (640, words[count + 2])):
        right.insert(k, SENTENCE.format(word=word))
    paths = []
    for name, clauses in (("left", left), ("right", right)):
        path = tmp_path / f"{name}.md"
        body = "".join(f"### Article {n}\n{text}\n\n" for n, text in enumerate(clauses, 1))
        path.write_text(f"# Near duplicates\n\n{body}", encoding="utf-8")
        paths.append(path)
    return paths[0], paths[1], left, right


def test_near_duplicate_clauses_beyond_the_window_pair_with_their_copies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    left_path, right_path, left, right = _near_duplicates(tmp_path, 700)
    assert len(right) > WINDOW  # the blocking is at work, not exhaustive scoring
    old, new = treatydiff.load(left_path), treatydiff.load(right_path)
    matches = align(old, new, threshold=0.5, scorer="token_ratio")
    texts = {
        (old.leaves[m.left[0]].clause.text, new.leaves[m.right[0]].clause.text)
        for m in matches
        if len(m.left) == len(m.right) == 1
    }
    # Every clause kept pairs with its own copy, and every reworded one with its new
    # wording; a removed clause pairs with an inserted one, which differs by one word.
    kept = [text for text in left if text in right]
    assert len(kept) == 694 and {(text, text) for text in kept} <= texts
    reworded = [text for text in left if text.replace("competent", "national") in right]
    assert {(text, text.replace("competent", "national")) for text in reworded} <= texts
    # The same matches as scoring every pair.
    monkeypatch.setattr(candidates, "WINDOW", 10**9)
    monkeypatch.setattr(candidates, "ROW_LIMIT", 10**9)
    assert align(old, new, threshold=0.5, scorer="token_ratio") == matches
