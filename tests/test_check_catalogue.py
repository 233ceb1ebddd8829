"""Catalogue checks: every pair of successive dated versions of an instrument, pulled from
the corpus mirror into a data home made for the tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from treatydiff.ci import output as ci_output
from treatydiff.ci.baseline import approve_all, load_baseline, render_baseline
from treatydiff.ci.config import CheckSpec, Rule
from treatydiff.ci.config import Config as CheckConfig
from treatydiff.ci.results import CheckResult
from treatydiff.ci.run import run_check, run_checks


@pytest.fixture(scope="module")
def pulled(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("check-catalogue") / "home"
    pulling = subprocess.run(
        [sys.executable, "-m", "treatydiff", "corpus", "pull", "cedaw", "crc"]
        + ["palermo-trafficking", "--mirror", str(corpus)],
        capture_output=True,
        text=True,
        env=os.environ | {"TREATYDIFF_HOME": str(home)},
    )
    assert pulling.returncode == 0, pulling.stderr
    return home


@pytest.fixture()
def use_pulled(pulled: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TREATYDIFF_HOME", str(pulled))
    return pulled


def history(instrument: str, rule: Rule, lang: str = "en") -> CheckResult:
    spec = CheckSpec(
        name=instrument, kind="catalogue", instrument=instrument, fail_on=rule, lang=lang
    )
    result = run_check(spec)
    assert result.error is None, result.error
    return result


def test_every_successive_pair_of_dated_versions(use_pulled: Path) -> None:
    result = history("palermo-trafficking", "wording")
    assert [p.label for p in result.pairs] == [
        "palermo-trafficking@2005-08-26 -> palermo-trafficking@2012-10-31",
        "palermo-trafficking@2012-10-31 -> palermo-trafficking@2015-11-27",
    ]
    assert result.outcome == "pass"
    # the OHCHR copies of the CRC are versions too, but not dated snapshots
    crc = history("crc", "wording")
    assert [p.label for p in crc.pairs] == ["crc@2002-11-18 -> crc@2013-04-15"]
    (typo,) = crc.new_changes
    assert typo.clause == "article 43, paragraph 7" and "[-ho-]{+no+}" in typo.excerpt
    assert typo.file is None and typo.line is None  # the text is in the data home
    assert history("crc", "substantive").outcome == "pass"


def test_dutch_cedaw_history_under_substantive(use_pulled: Path) -> None:
    result = history("cedaw", "substantive", lang="nl")
    assert [p.label for p in result.pairs] == [
        "cedaw@1991-08-22 -> cedaw@2013-11-19",
        "cedaw@2013-11-19 -> cedaw@2014-05-27",
        "cedaw@2014-05-27 -> cedaw@2014-06-18",
    ]
    # typo fixes pass; the revision of the translation does not
    assert {c.pair for c in result.new_changes} == {"cedaw@2013-11-19 -> cedaw@2014-05-27"}
    assert len(result.new_changes) == 22
    wording = history("cedaw", "wording", lang="nl")
    # and the typo fix after it ('ambstermijn'); spaces lost or gained before and after
    # it ('voortplantinggeen', 'zo nodig') are spacing-only and pass
    assert len(wording.new_changes) == 22 + 1
    anything = history("cedaw", "any", lang="nl").new_changes
    assert [c.reasons for c in anything].count(("spacing-only change",)) == 2


def test_catalogue_annotations_name_the_pair(use_pulled: Path) -> None:
    run = run_checks(CheckConfig((history("crc", "wording").spec,), None))
    (annotation,) = ci_output.github_annotations(run).splitlines()
    assert annotation.startswith("::error title=treatydiff%3A crc::article 43, paragraph 7: ")
    cedaw = run_checks(CheckConfig((history("cedaw", "substantive", lang="nl").spec,), None))
    first = ci_output.github_annotations(cedaw).splitlines()[0]
    assert first.startswith(
        "::error title=treatydiff%3A cedaw::cedaw@2013-11-19 -> cedaw@2014-05-27: article 5 (a): "
    )


def test_catalogue_baseline(use_pulled: Path, tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    spec = history("cedaw", "substantive", lang="nl").spec
    config = CheckConfig((spec,), path)
    assert run_checks(config).exit_code == 1
    found = run_checks(config)
    path.write_text(render_baseline(found), encoding="utf-8")
    assert approve_all(found).exit_code == 0
    assert len(load_baseline(path).of("cedaw")) == 22
    again = run_checks(config)
    assert again.exit_code == 0 and len(again.checks[0].approved) == 22
