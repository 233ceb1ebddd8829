"""Word diff: exact reconstruction, optimality against difflib, readable changes."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings
from hypothesis import strategies as st

from treatydiff.engine.diff import tokenize, word_diff

WORDS = ["the", "State", "Party", "shall", "may", "not", "child", "children", "of", "in"]
PUNCT = [",", ";", ".", "(a)", "“", "”", "-"]

texts = st.lists(st.sampled_from(WORDS + PUNCT), max_size=30).map(" ".join)
free_texts = st.text(alphabet=st.sampled_from(list("ab ,.;-\u00a0\u2019\u201c\nXé")), max_size=40)


@given(free_texts)
def test_tokens_concatenate_to_the_text(text: str) -> None:
    assert "".join(t.text for t in tokenize(text)) == text


@settings(max_examples=300)
@given(texts, texts)
def test_ops_rebuild_both_texts(left: str, right: str) -> None:
    ops = word_diff(left, right)
    assert "".join(op.left for op in ops) == left
    assert "".join(op.right for op in ops) == right
    for op in ops:
        assert op.op in ("equal", "insert", "delete", "replace")
        assert (op.op == "insert") == (not op.left and bool(op.right))
        assert (op.op == "delete") == (bool(op.left) and not op.right)
    # Changes are whole runs: no two changes in a row.
    kinds = [op.op == "equal" for op in ops]
    assert all(a or b for a, b in zip(kinds, kinds[1:], strict=False))


@settings(max_examples=300)
@given(free_texts, free_texts)
def test_ops_rebuild_arbitrary_texts(left: str, right: str) -> None:
    ops = word_diff(left, right)
    assert "".join(op.left for op in ops) == left
    assert "".join(op.right for op in ops) == right


@settings(max_examples=300)
@given(texts, texts)
def test_keeps_at_least_as_many_words_as_difflib(left: str, right: str) -> None:
    """word_diff's opcodes come from a longest common subsequence of tokens, so it never
    keeps fewer tokens in common than difflib's matching blocks (the reference). The
    semantic cleanup may fold a short common run into a change; such a run stays a common
    subsequence of the change's two sides, so it is counted there."""
    from rapidfuzz.distance import LCSseq

    def keys(text: str) -> list[str]:
        return [t.key for t in tokenize(text)]

    reference = SequenceMatcher(None, keys(left), keys(right), autojunk=False)
    difflib_common = sum(block.size for block in reference.get_matching_blocks())
    ours = 0
    for op in word_diff(left, right):
        if op.op == "equal":
            assert keys(op.left) == keys(op.right)
            ours += len(keys(op.left))
        else:
            ours += LCSseq.similarity(keys(op.left), keys(op.right))
    assert ours >= difflib_common


def test_identical_texts_are_one_equal_op() -> None:
    text = "Each State Party shall ensure that, as a minimum, the following acts are covered:"
    assert [op.op for op in word_diff(text, text)] == ["equal"]


def test_changes_read_as_whole_words() -> None:
    ops = word_diff("whether these offences are committed", "whether such offences are committed")
    assert [(op.op, op.left, op.right) for op in ops] == [
        ("equal", "whether ", "whether "),
        ("replace", "these ", "such "),
        ("equal", "offences are committed", "offences are committed"),
    ]


def test_a_phrase_replaced_reads_as_one_change() -> None:
    ops = word_diff(
        "Subject to the provisions of a State Party's national law, the same applies",
        "Subject to the provisions of the national law of a State Party, the same applies",
    )
    changes = [(op.left, op.right) for op in ops if op.op != "equal"]
    assert changes == [("a State Party's national law", "the national law of a State Party")]


def test_punctuation_between_changes_is_absorbed() -> None:
    ops = word_diff("cat, dog and more", "bird, fish and more")
    assert [(op.op, op.left, op.right) for op in ops][0] == ("replace", "cat, dog ", "bird, fish ")


def test_spacing_quotes_and_dashes_are_not_changes() -> None:
    left = "the  \u201cchild\u201d \u2013 Secretary- General"
    right = 'the "child" - Secretary-General'
    ops = word_diff(left, right)
    assert [op.op for op in ops] == ["equal"]
    assert (ops[0].left, ops[0].right) == (left, right)


def test_insert_and_delete() -> None:
    ops = word_diff("the Protocol", "the present Protocol")
    assert [(op.op, op.right) for op in ops if op.op != "equal"] == [("insert", "present ")]
    ops = word_diff("the Secretary-General of the United Nations.", "the Secretary-General.")
    assert [(op.op, op.left) for op in ops if op.op != "equal"] == [
        ("delete", "of the United Nations")
    ]
