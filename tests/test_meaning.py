"""Changes that change meaning are never waved through (issue 9): a battery of edits of
our own applied to real clauses of the corpus, renumbering and stale cross-references."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import USER_PREAMBLE

from treatydiff import compare, load
from treatydiff.ci.config import CheckSpec, Rule
from treatydiff.ci.run import run_check
from treatydiff.cli import main

CRC = "laws-markdown/crc/2013-04-15.md"


def _edited(corpus: Path, tmp_path: Path, old: str, new: str) -> tuple[Path, Path]:
    """The CRC's laws-markdown text, and a copy with the first ``old`` made ``new``."""
    source = corpus / CRC
    text = source.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace(old, new, 1), encoding="utf-8")
    return source, edited


def _check(left: Path, right: Path, rule: Rule) -> tuple[str, tuple[tuple[str, ...], ...]]:
    spec = CheckSpec(name="crc", kind="pair", fail_on=rule, left=str(left), right=str(right))
    result = run_check(spec)
    assert result.error is None, result.error
    return result.outcome, tuple(change.tags for change in result.new_changes)


# Edits that change the law: each must fail a substantive check.
MEANING_CHANGES = [
    # drop or add a negation
    ("a child shall not be separated", "a child shall be separated", "negation"),
    ("a child shall not be separated", "a child shall now be separated", "negation"),
    ("who is capable of forming", "who is not capable of forming", "negation"),
    # swap a modal
    ("States Parties shall respect", "States Parties may respect", "modal"),
    ("States Parties shall undertake", "States Parties will undertake", "modal"),
    # change a number or a number word
    ("below the age of eighteen years", "below the age of sixteen years", "number"),
    ("at the end of two years", "at the end of tow years", "number"),
    ("consist of eighteen experts", "consist of 18 experts", None),
    ("consist of eighteen experts", "consist of ten experts", "number"),
    # a real word for another, however close
    ("public order", "pubic order", None),
    ("shall take all appropriate", "shall make all appropriate", None),
    # a plural
    ("with the principles proclaimed", "with the principle proclaimed", None),
]


@pytest.mark.parametrize(("old", "new", "flag"), MEANING_CHANGES)
def test_a_change_of_meaning_fails_a_substantive_check(
    corpus: Path, tmp_path: Path, old: str, new: str, flag: str | None
) -> None:
    left, right = _edited(corpus, tmp_path, old, new)
    outcome, tags = _check(left, right, "substantive")
    assert outcome == "fail", (old, new)
    (changed,) = tags
    assert changed[0] == "wording", changed
    if flag is not None:
        assert flag in changed, changed


# Typos: a word made a non-word. They pass a substantive check and fail a wording one.
TYPOS = [
    ("particularly children", "particularly chlidren"),
    ("referral, investigation", "referral, investigatoin"),
    ("information received", "information recieved"),
    ("who is capable of forming", "who is capable of froming"),
    ("the principles proclaimed", "the principles proclamied"),
]


@pytest.mark.parametrize(("old", "new"), TYPOS)
def test_a_typo_passes_substantive_and_fails_wording(
    corpus: Path, tmp_path: Path, old: str, new: str
) -> None:
    left, right = _edited(corpus, tmp_path, old, new)
    assert _check(left, right, "substantive") == ("pass", ())
    outcome, tags = _check(left, right, "wording")
    assert (outcome, tags) == ("fail", (("spelling",),))


def test_a_flag_word_made_a_typo_fails_substantive(corpus: Path, tmp_path: Path) -> None:
    # "not" -> "nto" is a typo, but the newer text no longer says "not".
    left, right = _edited(corpus, tmp_path, "shall not be separated", "shall nto be separated")
    assert _check(left, right, "substantive") == ("fail", (("spelling", "negation"),))
    passing = CheckSpec(
        name="crc",
        kind="pair",
        fail_on="substantive",
        fail_on_flags=(),
        left=str(left),
        right=str(right),
    )
    assert run_check(passing).outcome == "pass"


def test_a_caption_change_fails_wording(tmp_path: Path) -> None:
    left = tmp_path / "left.md"
    right = tmp_path / "right.md"
    left.write_text("# P\n\n## Article 1\n\n### Competent authority\n\nText.\n", encoding="utf-8")
    right.write_text(
        "# P\n\n## Article 1\n\n### Competent national authority\n\nText.\n", encoding="utf-8"
    )
    outcome, tags = _check(left, right, "wording")
    assert (outcome, tags) == ("fail", (("wording",),))


OLD = """# Protocol on Testing

## Article 1

For the purposes of this Protocol, a child means every person under eighteen years.

## Article 2

States Parties shall protect every child as defined in article 1.

## Article 3

1. The Committee shall meet once a year.

2. Reports under paragraph 1 of this article shall be made public.

## Article 4

Reservations to articles 2 and 3 shall not be permitted. Article 2 applies in time of war.
"""


def _renumbered(old: str) -> str:
    """``old`` with an article inserted at the top: every article renumbered; the
    references of article 4 (now 5) updated but the last one, those of article 2 (now 3)
    left as they were."""
    new = old
    for n in (4, 3, 2, 1):
        new = new.replace(f"## Article {n}\n", f"## Article {n + 1}\n")
    new = new.replace(
        "# Protocol on Testing\n",
        "# Protocol on Testing\n\n## Article 1\n\nThis Protocol applies in time of peace.\n",
    )
    return new.replace("articles 2 and 3", "articles 3 and 4")


@pytest.fixture()
def renumbered(tmp_path: Path) -> tuple[Path, Path]:
    left, right = tmp_path / "old.md", tmp_path / "new.md"
    left.write_text(OLD, encoding="utf-8")
    right.write_text(_renumbered(OLD), encoding="utf-8")
    return left, right


def test_an_article_inserted_at_the_top_renumbers_the_rest(renumbered: tuple[Path, Path]) -> None:
    comparison = compare(load(renumbered[0]), load(renumbered[1]))
    by_left = {a.left: a for a in comparison.alignments if a.left}
    assert [a.right for a in comparison.alignments if a.status == "added"] == [("art_1",)]
    # Every clause keeps its words (or has its references updated) under a new number.
    for eid, new in [
        ("art_1", "art_2"),
        ("art_2", "art_3"),
        ("art_3__para_1", "art_4__para_1"),
        ("art_3__para_2", "art_4__para_2"),
        ("art_4", "art_5"),
    ]:
        alignment = by_left[(eid,)]
        assert alignment.right == (new,) and alignment.renumbered, eid
    assert comparison.summary.renumbered == 5
    # A reference left at the old number is flagged; one updated is not, nor one within
    # the article ("paragraph 1 of this article").
    stale = by_left[("art_2",)]
    assert (stale.status, stale.tags) == ("identical", ("reference",))
    assert stale.notes == ("article 1 is now article 2",)
    assert by_left[("art_3__para_2",)].tags == ()
    updated = by_left[("art_4",)]
    # "articles 2 and 3" updated (kind citation), "Article 2" left as it was
    assert updated.tags == ("citation", "reference")
    assert updated.notes == ("article 2 is now article 3",)
    # All updated: kind citation, no flag.
    fixed = _renumbered(OLD).replace("Article 2 applies", "Article 3 applies")
    fixed = fixed.replace("as defined in article 1", "as defined in article 2")
    renumbered[1].write_text(fixed, encoding="utf-8")
    comparison = compare(load(renumbered[0]), load(renumbered[1]))
    tags = {a.left: a.tags for a in comparison.alignments if a.left}
    assert tags[("art_2",)] == ("citation",)
    assert tags[("art_4",)] == ("citation",)
    assert not any("reference" in a.tags for a in comparison.alignments)


def test_renumbering_in_every_format_and_check(renumbered: tuple[Path, Path]) -> None:
    left, right = map(str, renumbered)
    run = [sys.executable, "-m", "treatydiff"]
    text = subprocess.run([*run, "compare", left, right], capture_output=True, text=True)
    assert "identical, renumbered: article 1 -> article 2" in text.stdout
    assert "reference: article 1 is now article 2" in text.stdout
    data = json.loads(
        subprocess.run(
            [*run, "compare", left, right, "--format", "json"], capture_output=True, text=True
        ).stdout
    )
    first = next(a for a in data["alignments"] if a["left"] == ["art_1"])
    assert first["renumbered"] == {"left": "article 1", "right": "article 2"}
    assert data["summary"]["renumbered"] == 5
    markdown = subprocess.run(
        [*run, "compare", left, right, "--format", "md"], capture_output=True, text=True
    ).stdout
    assert "**article 1** → article 2: identical, renumbered" in markdown
    assert "Stale reference: article 1 is now article 2" in markdown
    html = subprocess.run(
        [*run, "compare", left, right, "--format", "html"], capture_output=True, text=True
    ).stdout
    assert "identical, renumbered" in html and "Stale reference: article 1 is now" in html
    # Renumbering alone counts under "any"; a stale reference under "substantive" too
    # (and the added article under every rule).
    for rule, failing in (("any", 6), ("wording", 3), ("substantive", 3)):
        spec = CheckSpec(name="r", kind="pair", fail_on=rule, left=left, right=right)
        result = run_check(spec)
        assert len(result.new_changes) == failing, (rule, [c.what for c in result.new_changes])
    checked = subprocess.run(
        [*run, "check", left, right, "--fail-on", "substantive"], capture_output=True, text=True
    )
    assert checked.returncode == 1
    assert ": identical, reference, renumbered (stale reference)" in checked.stdout
    assert "stale reference: article 1 is now article 2" in checked.stdout


def test_a_preamble_cites_other_instruments_unless_it_says_otherwise() -> None:
    """The OPSC preamble cites the Convention's articles ("especially articles 1, 11,
    21, ..."): swapping the Protocol's own articles 1 and 2 leaves those citations alone
    (the newcomer trial saw "stale reference: article 1 is now article 2" fail CI)."""
    from conftest import USER_PREAMBLE

    preamble = USER_PREAMBLE.read_text(encoding="utf-8") + "\nHave agreed as follows:\n"
    first = "Article {}\n\nStates Parties shall prohibit the sale of children.\n"
    second = "Article {}\n\nThe States Parties to the present Protocol shall report.\n"
    recital = "\nRecalling article 2 of this Protocol and articles 1 and 11 of the Convention,\n"
    left = preamble.replace("Have agreed", recital.strip() + "\n\nHave agreed")
    before = left + "\n" + first.format(1) + "\n" + second.format(2)
    after = left + "\n" + second.format(1) + "\n" + first.format(2)
    comparison = compare(
        load(before.encode(), format="un-text"), load(after.encode(), format="un-text")
    )
    notes = {a.left[0]: a.notes for a in comparison.alignments if a.notes}
    # Only the citation that names this Protocol follows its article: "article 2 of this
    # Protocol" now cites article 1.
    assert list(notes) == [f"preamble__p_{13}"]
    assert notes["preamble__p_13"] == ("article 2 is now article 1",)
    opsc = [a for a in comparison.alignments if a.left and a.left[0] == "preamble__p_1"]
    assert opsc and not opsc[0].notes and "reference" not in opsc[0].tags


def test_the_lines_under_the_title_are_compared_as_the_preface(tmp_path: Path) -> None:
    """The adoption and entry-into-force lines are compared: a changed resolution number
    or date fails a wording check; a print without them (the Treaty Series text, a web
    page) is reported but fails only fail_on = any, like a footnote one edition prints."""
    text = USER_PREAMBLE.read_text(encoding="utf-8")
    changed = tmp_path / "changed.txt"
    changed.write_text(text.replace("54/263", "54/236"), encoding="utf-8")
    bare = tmp_path / "bare.txt"
    lines = text.split("\n")
    bare.write_text(
        "\n".join(
            line
            for line in lines
            if not line.startswith(("Adopted", "Assembly resolution", "entry into force"))
        ),
        encoding="utf-8",
    )
    runner = CliRunner()

    def check(right: Path, rule: str) -> Result:
        return runner.invoke(main, ["check", str(USER_PREAMBLE), str(right), "--fail-on", rule])

    assert check(changed, "wording").exit_code == 1
    assert "preface, formula 1" in check(changed, "substantive").output  # a number changed
    assert check(bare, "substantive").exit_code == 0
    assert check(bare, "wording").exit_code == 0
    strict = check(bare, "any")
    assert strict.exit_code == 1 and "preface line removed" in strict.output
