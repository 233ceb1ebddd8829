"""Check output for people and CI: text, GitHub annotations, Markdown job summary, JUnit
XML, JSON; the `check` command's options and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from conftest import EXAMPLES, PROJECT, USER_PREAMBLE

import treatydiff
from treatydiff.ci import output as ci_output
from treatydiff.ci.config import RULES, CheckSpec, load_config
from treatydiff.ci.results import Change, CheckResult, PairResult, RunResult
from treatydiff.ci.rules import excerpt
from treatydiff.ci.run import run_check
from treatydiff.engine.comparison import Summary

EDITED = USER_PREAMBLE.read_text(encoding="utf-8").replace("Gravely concerned", "Concerned")


def _real_excerpt() -> str:
    """The excerpt the checks make of a changed clause, from a real comparison: one line,
    with characters that the outputs must escape (``%`` for annotations, ``|`` and
    brackets for Markdown tables)."""
    article = b"# P\n\n## Article 1\n\nWe are 100% sure of the next | line.\n"
    comparison = treatydiff.compare(
        treatydiff.load(article), treatydiff.load(article.replace(b"sure", b"certain"))
    )
    (alignment,) = [a for a in comparison.alignments if a.status == "modified"]
    return excerpt(alignment)


EXCERPT = _real_excerpt()


def test_the_excerpt_is_one_line_in_git_word_diff_notation() -> None:
    assert EXCERPT == "We are 100% [-sure-]{+certain+} of the next | line."


def _summary(**counts: int) -> Summary:
    fields = dict.fromkeys(
        ("identical", "formatting", "modified", "added", "removed", "moved", "splits", "merges"),
        0,
    )
    fields |= counts
    return Summary(**fields, left_clauses=3, right_clauses=3, similarity=0.9, tags=())


def _change(n: int, *, file: str | None = "texts/a,b:c.md", approved: bool = False) -> Change:
    return Change(
        id=f"art_{n}#{n:012x}",
        pair="old -> new",
        clause=f"article {n}",
        left=(f"art_{n}",),
        right=(f"art_{n}",),
        status="modified",
        moved=False,
        tags=("wording",),
        similarity=0.9,
        reasons=("wording change",),
        excerpt=EXCERPT,
        file=file,
        line=10 + n,
        approved=approved,
    )


def _result(changes: int, *, file: str | None = "texts/a,b:c.md") -> RunResult:
    failing = CheckResult(
        CheckSpec(name="texts: a|b", kind="pair"),
        pairs=(PairResult("old", "new", _summary(identical=2, modified=changes)),),
        changes=(
            *(_change(n, file=file) for n in range(1, changes + 1)),
            _change(99, approved=True),
        ),
    )
    passing = CheckResult(
        CheckSpec(name="quiet", kind="git", fail_on="substantive", min_similarity=0.5),
        pairs=(PairResult("q@HEAD", "q", None, "q@HEAD: no such file there; nothing to compare"),),
        stale=("art_7#000000000007",),
    )
    broken = CheckResult(CheckSpec(name="broken", kind="catalogue"), error="crc: not pulled")
    return RunResult((failing, passing, broken))


def test_text_summary() -> None:
    text = ci_output.render_text(_result(2))
    assert text.splitlines() == [
        "FAIL texts: a|b (fail_on = wording)",
        "    old -> new: 2 identical, 2 modified",
        "    2 new changes, 1 approved",
        "  - article 1 (texts/a,b:c.md:11): wording (wording change)",
        "      > We are 100% [-sure-]{+certain+} of the next | line.",
        "      id art_1#000000000001",
        "  - article 2 (texts/a,b:c.md:12): wording (wording change)",
        "      > We are 100% [-sure-]{+certain+} of the next | line.",
        "      id art_2#000000000002",
        "",
        "PASS quiet (fail_on = substantive, min_similarity = 0.5)",
        "    q@HEAD -> q: q@HEAD: no such file there; nothing to compare",
        "    0 new changes, 0 approved",
        "    1 approved change no longer found (--update-baseline drops them)",
        "",
        "ERROR broken (fail_on = wording)",
        "    error: crc: not pulled",
        "",
        "treatydiff: 1 of 3 checks failed; 1 of 3 checks could not run",
    ]
    assert ci_output.render_text(_result(2)) == text


def test_github_annotations_escape_and_point_at_lines() -> None:
    lines = ci_output.github_annotations(_result(2)).splitlines()
    assert lines == [
        "::error file=texts/a%2Cb%3Ac.md,line=11,title=treatydiff%3A texts%3A a|b::"
        "article 1: wording \u2014 We are 100%25 [-sure-]{+certain+} of the next | line. "
        "(wording change; id art_1#000000000001)",
        "::error file=texts/a%2Cb%3Ac.md,line=12,title=treatydiff%3A texts%3A a|b::"
        "article 2: wording \u2014 We are 100%25 [-sure-]{+certain+} of the next | line. "
        "(wording change; id art_2#000000000002)",
        "::error title=treatydiff%3A broken::crc: not pulled",
    ]


def test_annotations_escape_line_breaks_of_any_message() -> None:
    # An error's message is an exception's text, which may hold anything.
    broken = CheckResult(CheckSpec(name="x", kind="catalogue"), error="one\r\ntwo\nthree")
    assert ci_output.github_annotations(RunResult((broken,))) == (
        "::error title=treatydiff%3A x::one%0D%0Atwo%0Athree\n"
    )


def test_annotations_without_a_local_file_have_no_position() -> None:
    (line, _) = ci_output.github_annotations(_result(1, file=None)).splitlines()
    assert line.startswith("::error title=treatydiff%3A texts%3A a|b::article 1: ")


def test_annotations_are_capped_with_a_count_of_what_was_cut() -> None:
    lines = ci_output.github_annotations(_result(14)).splitlines()
    assert len(lines) == ci_output.ANNOTATION_LIMIT + 1
    assert all(line.startswith("::error ") for line in lines[:-1])
    # 14 changes and one check that could not run: 15 errors, 10 shown
    assert lines[-1] == (
        "::notice title=treatydiff::5 more errors not annotated; see the log or the job summary"
    )
    assert ci_output.github_annotations(_result(10), limit=11).count("::notice") == 0


def test_markdown_summary() -> None:
    markdown = ci_output.render_markdown(_result(3), limit=2)
    lines = markdown.splitlines()
    assert lines[:9] == [
        "## treatydiff check",
        "",
        "1 of 3 checks failed; 1 of 3 checks could not run",
        "",
        "| Check | Rule | Result | Compared | New changes | Approved |",
        "| --- | --- | --- | --- | ---: | ---: |",
        "| texts: a\\|b | wording | fail | old -\\> new: 2 identical, 3 modified | 3 | 1 |",
        "| quiet | substantive | pass | q@HEAD -\\> q: q@HEAD: no such file there; nothing to "
        "compare | 0 | 0 |",
        "| broken | wording | error | crc: not pulled | 0 | 0 |",
    ]
    assert lines[9:] == [
        "",
        "### texts: a\\|b",
        "",
        "| Clause | Change | Why | Excerpt | Id |",
        "| --- | --- | --- | --- | --- |",
        "| article 1 | wording | wording change | We are 100% \\[-sure-\\]{+certain+} of the "
        "next \\| line. | "
        "`art_1#000000000001` |",
        "| article 2 | wording | wording change | We are 100% \\[-sure-\\]{+certain+} of the "
        "next \\| "
        "line. | "
        "`art_2#000000000002` |",
        "",
        "and 1 more; see the log",
    ]


def test_junit_has_one_test_case_per_check() -> None:
    xml = ci_output.render_junit(_result(2))
    assert xml == ci_output.render_junit(_result(2))
    assert xml.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')
    root = ET.fromstring(xml.encode("utf-8"))
    (suite,) = root
    assert (root.tag, suite.tag) == ("testsuites", "testsuite")
    for element in (root, suite):
        assert {k: element.get(k) for k in ("tests", "failures", "errors")} == {
            "tests": "3",
            "failures": "1",
            "errors": "1",
        }
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == ["texts: a|b", "quiet", "broken"]
    failure = cases[0].find("failure")
    assert failure is not None
    assert failure.get("message") == "2 new changes (fail_on = wording)"
    assert "article 2 (texts/a,b:c.md:12): wording (wording change)" in (failure.text or "")
    assert cases[1].find("failure") is None and cases[1].find("error") is None
    error = cases[2].find("error")
    assert error is not None and error.get("message") == "crc: not pulled"


def test_json_report() -> None:
    data = json.loads(ci_output.render_json(_result(1)))
    assert data["schema"] == "treatydiff.check/1" and data["exit_code"] == 2
    failing, passing, broken = data["checks"]
    assert [c["outcome"] for c in data["checks"]] == ["fail", "pass", "error"]
    assert [c["approved"] for c in failing["changes"]] == [False, True]
    assert failing["pairs"][0]["summary"]["modified"] == 1
    assert passing["pairs"][0]["summary"] is None and passing["stale"] == ["art_7#000000000007"]
    assert passing["min_similarity"] == 0.5 and passing["fail_on"] == "substantive"
    assert broken["error"] == "crc: not pulled"


# --- the command -----------------------------------------------------------------------


def check(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", "check", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment | (env or {}),
    )


@pytest.fixture()
def edited(tmp_path: Path) -> Path:
    path = tmp_path / "edited.txt"
    path.write_text(EDITED, encoding="utf-8")
    return path


def test_rules_on_the_command_line(edited: Path) -> None:
    for rule in RULES:
        result = check(str(USER_PREAMBLE), str(edited), "--fail-on", rule)
        assert result.returncode == 1, (rule, result.stdout)
        assert "preambular paragraph 3" in result.stdout
    same = check(str(USER_PREAMBLE), str(USER_PREAMBLE), "--fail-on", "any")
    assert same.returncode == 0 and same.stderr == ""


def test_min_similarity_on_the_command_line(tmp_path: Path) -> None:
    typo = tmp_path / "typo.txt"
    typo.write_text(EDITED.replace("Concerned at", "Concerned ta"), encoding="utf-8")
    substantive = check(str(edited_copy(tmp_path)), str(typo), "--fail-on", "substantive")
    assert substantive.returncode == 0, substantive.stdout
    strict = check(
        str(edited_copy(tmp_path)), str(typo), "--fail-on", "substantive", "--min-similarity", "1"
    )
    assert strict.returncode == 1
    assert "similarity 99.3 % below 100.0 %" in strict.stdout


def edited_copy(tmp_path: Path) -> Path:
    path = tmp_path / "base.txt"
    path.write_text(EDITED, encoding="utf-8")
    return path


def test_ci_outputs_together(edited: Path, tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    junit = tmp_path / "reports" / "junit.xml"
    report = tmp_path / "report.json"
    result = check(
        str(USER_PREAMBLE),
        str(edited),
        "--annotations",
        "github",
        "--junit",
        str(junit),
        "--format",
        "json",
        "-o",
        str(report),
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=")
    assert result.stdout.count("\n") == 1
    assert result.stderr == "treatydiff: 1 of 1 check failed\n"
    assert json.loads(report.read_text(encoding="utf-8"))["exit_code"] == 1
    assert ET.parse(junit).getroot().get("failures") == "1"
    appended = summary.read_text(encoding="utf-8")
    assert appended.startswith("earlier step\n## treatydiff check\n")
    assert "preambular paragraph 3" in appended


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("a", "b", "c"), "give LEFT RIGHT, or one FILE with --against REV"),
        (("a", "b", "--config", "t.toml"), "give --config or LEFT RIGHT, not both"),
        (("a", "b", "--update-baseline"), "needs --baseline"),
        (("a",), "add --against REV"),
    ],
)
def test_usage_errors_are_exit_2(args: tuple[str, ...], message: str) -> None:
    result = check(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_trouble_is_exit_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "treatydiff.toml").write_text("[[check]]\nleft = 'a'\n", encoding="utf-8")
    bad = check(cwd=tmp_path)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr == (
        f"treatydiff: error: {tmp_path / 'treatydiff.toml'}: check[0].right: "
        "a check of two texts needs left and right\n"
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    missing = check(cwd=empty)
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1
    assert "no treatydiff.toml" in missing.stderr
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    undecodable = check(str(USER_PREAMBLE), str(binary))
    assert undecodable.returncode == 2
    assert undecodable.stderr == (
        f"treatydiff: error: check '{USER_PREAMBLE} -> {binary}': "
        f"{binary}: binary file, not a text\n"
    )
    assert "Traceback" not in bad.stderr + missing.stderr + undecodable.stderr


def test_a_bad_fail_on_names_the_key_and_the_allowed_values(tmp_path: Path) -> None:
    own = tmp_path / "treatydiff.toml"
    own.write_text("[[check]]\ninstrument = 'crc'\nfail_on = 'everything'\n", encoding="utf-8")
    result = check(cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == (
        f"treatydiff: error: {own}: check[0].fail_on: "
        "'everything' is not one of any, wording, substantive\n"
    )
    own.unlink()
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        "[tool.treatydiff]\nfail_on = 'everything'\n[[tool.treatydiff.check]]\nfile = 'a'\n",
        encoding="utf-8",
    )
    result = check(cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"treatydiff: error: {pyproject}: tool.treatydiff.fail_on: "
        "'everything' is not one of any, wording, substantive\n"
    )


def test_bad_baseline_is_exit_2(edited: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    baseline.write_text("{}", encoding="utf-8")
    result = check(str(USER_PREAMBLE), str(edited), "--baseline", str(baseline))
    assert result.returncode == 2
    assert result.stderr == (
        f"treatydiff: error: {baseline}: not a treatydiff baseline "
        "(schema 'treatydiff.baseline/1')\n"
    )


def test_one_off_baseline(edited: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "approved.json"
    args = (str(USER_PREAMBLE), str(edited), "--baseline", str(baseline))
    assert check(*args).returncode == 1
    assert check(*args, "--update-baseline").returncode == 0
    assert check(*args).returncode == 0


def test_catalogue_check_trouble(home: Path, tmp_path: Path) -> None:
    config = tmp_path / "treatydiff.toml"
    config.write_text(
        '[[check]]\ninstrument = "cedaw"\nlang = "nl"\n'
        '[[check]]\ninstrument = "coe-adoption-revised-2008"\n'
        '[[check]]\ninstrument = "cedaww"\n',
        encoding="utf-8",
    )
    result = check("--config", str(config), env={"TREATYDIFF_HOME": str(home)})
    assert result.returncode == 2
    errors = result.stderr.splitlines()
    assert errors[0] == (
        f"treatydiff: error: check 'cedaw': cedaw@1991-08-22 is not pulled into {home}; "
        "run: treatydiff corpus pull cedaw@1991-08-22"
    )
    assert errors[1] == (
        "treatydiff: error: check 'coe-adoption-revised-2008': coe-adoption-revised-2008 has "
        "fewer than two dated versions with 'en' text to compare"
    )
    assert errors[2].startswith("treatydiff: error: check 'cedaww': unknown instrument 'cedaww'")


def test_sample_configuration() -> None:
    config = load_config(EXAMPLES / "ci" / "treatydiff.toml")
    assert [(c.name, c.kind) for c in config.checks] == [
        ("OPSC preamble: revised draft", "pair"),
        ("OPSC preamble: last commit", "git"),
    ]
    assert config.baseline == EXAMPLES / "ci" / "treatydiff-baseline.json"
    revised = run_check(config.checks[0])
    assert revised.outcome == "fail"
    assert [c.clause for c in revised.new_changes] == [
        "preambular paragraph 1",  # should -> shall
        "preambular paragraph 4",  # removed
        "preambular paragraph 5",  # added
        "preambular paragraph 6",  # "and 2000" added
        "preambular paragraph 12",  # moved
        "preamble, formula 2",  # added
    ]


def test_ci_examples_run_the_check_command() -> None:
    github = yaml.safe_load((EXAMPLES / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["treatydiff"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0  # file checks read earlier revisions
    (run,) = [step["run"] for step in steps if "treatydiff check" in step.get("run", "")]
    assert "--annotations github" in run and "--junit treatydiff-junit.xml" in run
    assert '${BASE:+--against "$BASE"}' in run
    gitlab = yaml.safe_load((EXAMPLES / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = gitlab["treatydiff"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["reports"]["junit"] == "treatydiff-junit.xml"
    assert any(line.startswith("treatydiff check ") for line in job["script"])
    consumer = yaml.safe_load((EXAMPLES / "ci" / "pre-commit-config.yaml").read_text("utf-8"))
    (hook,) = consumer["repos"][0]["hooks"]
    (defined,) = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert hook["id"] == defined["id"]


@pytest.mark.parametrize("option", ["--junit", "-o"])
def test_an_output_onto_an_input_is_refused_before_any_report(tmp_path: Path, option: str) -> None:
    left = tmp_path / "left.txt"
    right = tmp_path / "right.txt"
    left.write_text(USER_PREAMBLE.read_text(encoding="utf-8"), encoding="utf-8")
    right.write_text(EDITED, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "treatydiff", "check", str(left), str(right), option, str(left)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert (
        done.stderr == f"treatydiff: error: {left}: is an input of this command; not overwritten\n"
    )
    assert left.read_text(encoding="utf-8") == USER_PREAMBLE.read_text(encoding="utf-8")
