"""Checks over the real snapshot histories in ../shared/corpus/laws-markdown.

Which successive snapshots differ only by links and whitespace was established from the
files themselves (Markdown links replaced by their text and all whitespace removed, the
two snapshots are equal) and matches the notes of MANIFEST.tsv; the other expectations
come from reading the engine's word diffs of each pair.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from treatydiff.ci.config import CheckSpec, Rule
from treatydiff.ci.results import CheckResult
from treatydiff.ci.run import run_check

LAWS = "laws-markdown"

# Successive snapshots whose whole files (English and Dutch) differ only by inserted or
# removed links and by whitespace.
LINKS_AND_WHITESPACE = [
    ("budapest-xenophobia-protocol", "2010-11-01", "2012-11-15"),
    ("cat", "1989-01-20", "2013-04-15"),
    ("cedaw", "1991-08-22", "2013-11-19"),
    ("hcch-1980-abduction", "1990-09-01", "2013-04-08"),
    ("hcch-1993-adoption", "1998-10-01", "2012-08-21"),
    ("hcch-1996-protection", "2011-05-01", "2011-09-27"),
    ("lanzarote", "2010-07-01", "2013-06-12"),
    ("opac", "2009-10-24", "2013-09-12"),
    ("opsc", "2005-09-23", "2012-10-31"),
    ("palermo-trafficking", "2005-08-26", "2012-10-31"),
    ("palermo-trafficking", "2012-10-31", "2015-11-27"),
]
# The English text of the Budapest Convention too; its Dutch text gained a translator's
# note.
ENGLISH_LINKS_AND_WHITESPACE = [("budapest-cybercrime", "2007-03-01", "2012-10-24")]


def check_pair(
    corpus: Path, instrument: str, old: str, new: str, rule: Rule, *, lang: str = "en"
) -> CheckResult:
    folder = corpus / LAWS / instrument
    spec = CheckSpec(
        name=f"{instrument} {old} {new}",
        kind="pair",
        fail_on=rule,
        lang=lang,
        left=str(folder / f"{old}.md"),
        right=str(folder / f"{new}.md"),
    )
    result = run_check(spec)
    assert result.error is None, result.error
    return result


def _links_and_whitespace_cases() -> list[object]:
    cases: list[object] = []
    for lang, pairs in (
        ("en", LINKS_AND_WHITESPACE + ENGLISH_LINKS_AND_WHITESPACE),
        ("nl", LINKS_AND_WHITESPACE),
    ):
        for instrument, old, new in pairs:
            cases.append(
                pytest.param(instrument, old, new, lang, id=f"{instrument}-{old}-{new}-{lang}")
            )
    return cases


@pytest.mark.parametrize(("instrument", "old", "new", "lang"), _links_and_whitespace_cases())
def test_links_and_whitespace_pass_under_wording(
    corpus: Path, instrument: str, old: str, new: str, lang: str
) -> None:
    result = check_pair(corpus, instrument, old, new, "wording", lang=lang)
    assert result.outcome == "pass", [(c.clause, c.excerpt) for c in result.changes]
    assert result.changes == ()


_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()]|\([^()]*\))*\)")


def _without_links_and_whitespace(path: Path) -> str:
    return re.sub(r"\s+", "", _LINK.sub(r"\1", path.read_text(encoding="utf-8")))


def test_the_links_and_whitespace_pairs_are_the_ones_the_files_show(corpus: Path) -> None:
    found = []
    for folder in sorted(p for p in (corpus / LAWS).iterdir() if p.is_dir()):
        snapshots = sorted(folder.glob("*.md"))
        for old, new in zip(snapshots, snapshots[1:], strict=False):
            if _without_links_and_whitespace(old) == _without_links_and_whitespace(new):
                found.append((folder.name, old.stem, new.stem))
    assert found == LINKS_AND_WHITESPACE


@pytest.mark.parametrize("rule", ["any", "wording"])
def test_crc_typo_fix_fails_under_any_and_wording(corpus: Path, rule: Rule) -> None:
    result = check_pair(corpus, "crc", "2002-11-18", "2013-04-15", rule)
    assert result.outcome == "fail"
    (change,) = result.new_changes
    assert change.clause == "article 43, paragraph 7"
    assert change.reasons == ("spelling-level change",)
    assert "[-ho-]{+no+}" in change.excerpt
    assert change.id.startswith("art_43__para_7#")
    assert change.file is not None and change.file.endswith("crc/2013-04-15.md")
    source = Path(change.file).read_text(encoding="utf-8").splitlines()
    assert change.line is not None and "can no longer" in source[change.line - 1]


def test_crc_typo_fix_passes_under_substantive(corpus: Path) -> None:
    result = check_pair(corpus, "crc", "2002-11-18", "2013-04-15", "substantive")
    assert result.outcome == "pass" and result.changes == ()
    (pair,) = result.pairs
    assert pair.summary is not None and pair.summary.modified == 1


@pytest.mark.parametrize("rule", ["any", "wording"])
def test_ilo_c182_ocr_repairs_fail_under_any_and_wording(corpus: Path, rule: Rule) -> None:
    result = check_pair(corpus, "ilo-c182", "2003-02-14", "2012-09-03", rule)
    assert result.outcome == "fail"
    repairs = [c for c in result.new_changes if "spelling-level change" in c.reasons]
    (repair,) = repairs
    assert repair.clause == "article 3 (a)"
    assert "[-conf.ict-]{+conflict+}" in repair.excerpt
    # under "any" the re-typed quotes of article 3 count too, as formatting
    others = [c.reasons for c in result.new_changes if c is not repair]
    assert others == ([("formatting change",)] if rule == "any" else [])


def test_ilo_c182_ocr_repairs_pass_under_substantive(corpus: Path) -> None:
    for lang in ("en", "nl"):  # the Dutch text has its own OCR repairs ('conf.icten', 'af.oop')
        result = check_pair(
            corpus, "ilo-c182", "2003-02-14", "2012-09-03", "substantive", lang=lang
        )
        assert result.outcome == "pass", (lang, result.changes)
        (pair,) = result.pairs
        assert pair.summary is not None and pair.summary.modified >= 1


# The revision of the Dutch translation of the CEDAW: 'de Commissie' -> 'het Comité'
# throughout articles 17 to 22, 'rechtsbevoegdheid' -> 'handelingsbekwaamheid' (art. 15),
# and a few more; one comma dropped (art. 23 (b)).
CEDAW_NL_REVISED = {
    "art_5__point_a", "art_10__point_a", "art_15__para_2", "art_15__para_3",
    "art_17__para_1", "art_17__para_2", "art_17__para_4", "art_17__para_5",
    "art_17__para_6", "art_17__para_7", "art_17__para_8", "art_17__para_9",
    "art_18__para_1__intro", "art_18__para_1__point_b", "art_19__para_1", "art_19__para_2",
    "art_20__para_1", "art_20__para_2", "art_21__para_1", "art_21__para_2", "art_22",
    "art_26__para_1",
}  # fmt: skip


def test_cedaw_dutch_revision_fails_under_wording(corpus: Path) -> None:
    # The snapshot of 2014-05-27 is the revision (MANIFEST.tsv: "NL translation revised
    # ...; EN unchanged"); 2013-11-19 is the one before it.
    result = check_pair(corpus, "cedaw", "2013-11-19", "2014-05-27", "wording", lang="nl")
    assert result.outcome == "fail"
    assert {c.right for c in result.new_changes} == {(eid,) for eid in CEDAW_NL_REVISED}
    assert all(c.reasons == ("wording change",) for c in result.new_changes)
    english = check_pair(corpus, "cedaw", "2013-11-19", "2014-05-27", "any", lang="en")
    assert english.outcome == "pass"  # the English text did not change


def test_cedaw_typo_fixes_after_the_revision(corpus: Path) -> None:
    # 2014-06-18 fixes typos in both texts: 'appropiate', 'exployment'; 'ambstermijn',
    # and a space in 'zonodig' (art. 12 (2)), which only "any" counts.
    english = check_pair(corpus, "cedaw", "2014-05-27", "2014-06-18", "wording")
    assert [c.reasons for c in english.new_changes] == [("spelling-level change",)] * 2
    dutch = check_pair(corpus, "cedaw", "2014-05-27", "2014-06-18", "any", lang="nl")
    assert [(c.clause, c.reasons) for c in dutch.new_changes] == [
        ("article 12, paragraph 2", ("spacing-only change",)),
        ("article 17, paragraph 6", ("spelling-level change",)),
    ]
    assert "[-zonodig-]{+zo nodig+}" in dutch.new_changes[0].excerpt
    dutch = check_pair(corpus, "cedaw", "2014-05-27", "2014-06-18", "wording", lang="nl")
    assert [c.clause for c in dutch.new_changes] == ["article 17, paragraph 6"]
    for lang in ("en", "nl"):
        substantive = check_pair(
            corpus, "cedaw", "2014-05-27", "2014-06-18", "substantive", lang=lang
        )
        assert substantive.outcome == "pass"


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", "check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
    )


def test_cedaw_dutch_revision_on_the_command_line(corpus: Path) -> None:
    folder = corpus / LAWS / "cedaw"
    old, new = str(folder / "2013-11-19.md"), str(folder / "2014-05-27.md")
    dutch = _cli(old, new, "--fail-on", "wording", "--lang", "nl")
    assert dutch.returncode == 1, dutch.stderr
    assert dutch.stderr == ""
    assert "22 new changes, 0 approved" in dutch.stdout
    assert "[-rechtsbevoegdheid-]{+handelingsbekwaamheid+}" in dutch.stdout
    assert dutch.stdout.endswith("treatydiff: 1 of 1 check failed\n")
    english = _cli(old, new, "--fail-on", "wording")
    assert english.returncode == 0, english.stdout
    assert english.stdout.endswith("treatydiff: 1 check passed\n")
