"""Text joined or split across provisions is moved text (the newcomer report, item 3):
a split or merge whose pieces lie in different articles, or in different top-level
containers, is a move that every check counts; one within an article stays formatting."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from treatydiff import compare, load
from treatydiff.cli import main

TITLE = "Convention on Testing\n\n"
ARTICLES = (
    "Article 1\n\n1. The Committee shall meet once a year.\n\n"
    "2. No reservation may be made to this article.\n\n"
    "Article 2\n\n1. Each State Party shall submit a report.\n\n"
    "2. Each State Party shall designate an authority.\n"
)
# Article 1, paragraph 2 read into article 2, paragraph 1: the same words.
ACROSS = (
    "Article 1\n\nThe Committee shall meet once a year.\n\n"
    "Article 2\n\n1. No reservation may be made to this article. Each State Party shall "
    "submit a report.\n\n2. Each State Party shall designate an authority.\n"
)
# The two paragraphs of article 1 read as one: a re-typeset snapshot.
WITHIN = (
    "Article 1\n\nThe Committee shall meet once a year. No reservation may be made to this "
    "article.\n\nArticle 2\n\n1. Each State Party shall submit a report.\n\n"
    "2. Each State Party shall designate an authority.\n"
)
PREAMBLE = "Preamble\n\nThe States Parties to this Convention,\n\nHave agreed as follows:\n\n"
# The closing formula of the preamble read into article 1, paragraph 1.
INTO_ARTICLE = (
    "Preamble\n\nThe States Parties to this Convention,\n\n"
    "Article 1\n\n1. Have agreed as follows: The Committee shall meet once a year.\n\n"
    "2. No reservation may be made to this article.\n\n"
    "Article 2\n\n1. Each State Party shall submit a report.\n\n"
    "2. Each State Party shall designate an authority.\n"
)


def _files(tmp_path: Path, left: str, right: str) -> tuple[Path, Path]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(TITLE + left, encoding="utf-8")
    b.write_text(TITLE + right, encoding="utf-8")
    return a, b


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (ARTICLES, ACROSS),  # merged across articles
        (ACROSS, ARTICLES),  # split across articles
        (PREAMBLE + ARTICLES, INTO_ARTICLE),  # merged across top-level containers
    ],
)
def test_a_join_or_split_across_provisions_is_moved_and_fails_every_check(
    tmp_path: Path, left: str, right: str
) -> None:
    a, b = _files(tmp_path, left, right)
    comparison = compare(load(a), load(b))
    joined = [x for x in comparison.alignments if len(x.left) + len(x.right) > 2]
    assert joined and all(x.moved for x in joined), joined
    assert comparison.summary.moved >= 1
    for rule in ("wording", "substantive", "any"):
        checked = CliRunner().invoke(main, ["check", str(a), str(b), "--fail-on", rule])
        assert checked.exit_code == 1, (rule, checked.output)
        assert "moved" in checked.output


def test_a_join_within_an_article_stays_formatting(tmp_path: Path) -> None:
    a, b = _files(tmp_path, ARTICLES, WITHIN)
    comparison = compare(load(a), load(b))
    (merged,) = [x for x in comparison.alignments if len(x.left) == 2]
    assert (merged.status, merged.moved) == ("formatting", False)
    checked = CliRunner().invoke(main, ["check", str(a), str(b)])
    assert checked.exit_code == 0, checked.output
