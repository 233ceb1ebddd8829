"""`treatydiff check` in real git repositories made by the tests: a text against its
earlier revisions, the approved-change baseline end to end, and the pre-commit hook.

The text is the user-supplied OPSC preamble (examples/), edited by the tests.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROJECT, USER_PREAMBLE

TEXT = "texts/opsc-preamble.txt"
ENV = {
    key: value
    for key, value in os.environ.items()
    if not key.startswith(("GIT_", "GITHUB_")) and key != "TREATYDIFF_HOME"
} | {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}
ORIGINAL = USER_PREAMBLE.read_text(encoding="utf-8")
# Formatting only: curly apostrophes.
RETYPED = ORIGINAL.replace("child's", "child\u2019s")
# A change of wording in preambular paragraph 3.
REWORDED = RETYPED.replace("Gravely concerned at", "Concerned at")
# Another in preambular paragraph 1.
MODAL = REWORDED.replace("States Parties should undertake", "States Parties shall undertake")


@pytest.fixture(autouse=True, scope="module")
def git_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A home and global git configuration of the tests' own, so that neither the
    machine's settings nor an odd /dev/null can change what git does."""
    home = tmp_path_factory.mktemp("git-home")
    config = home / ".gitconfig"
    config.write_text("[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    ENV["HOME"] = str(home)
    ENV["GIT_CONFIG_GLOBAL"] = str(config)


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=repo, env=ENV, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)}: {done.stderr.strip()}"
    return done.stdout


def commit(repo: Path, text: str, message: str) -> None:
    path = repo / TEXT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def treatydiff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "treatydiff", *args],
        cwd=repo,
        env=ENV,
        capture_output=True,
        text=True,
    )


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """Three commits of one text: adopted (tagged), re-typed quotes, a reworded recital."""
    path = tmp_path / "texts-repo"
    path.mkdir()
    git(path, "init", "-q")
    commit(path, ORIGINAL, "Adopted text")
    git(path, "tag", "adopted")
    commit(path, RETYPED, "Curly apostrophes")
    commit(path, REWORDED, "Recital 3: Concerned")
    return path


def line_of(path: Path, words: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    (number,) = [n for n, line in enumerate(lines, start=1) if words in line]
    return number


def test_file_against_its_previous_revisions(repo: Path) -> None:
    last = treatydiff(repo, "check", TEXT, "--against", "HEAD~1", "--annotations", "github")
    assert last.returncode == 1, last.stderr
    (annotation,) = [line for line in last.stdout.splitlines() if line.startswith("::")]
    line = line_of(repo / TEXT, "Concerned at the significant")
    assert annotation.startswith(
        f"::error file={TEXT},line={line},title=treatydiff%3A {TEXT}::"
        "preambular paragraph 3: wording \u2014 [-Gravely concerned-]{+Concerned+} at the"
    )
    assert f"{TEXT}@HEAD~1 -> {TEXT}: " in last.stdout
    # the commit before only re-typed apostrophes: formatting, which wording lets pass
    quotes = treatydiff(repo, "check", TEXT, "--against", "HEAD~2", "--fail-on", "wording")
    assert quotes.returncode == 1  # HEAD~2 is before both commits: the rewording counts
    git(repo, "checkout", "-q", "HEAD~1")
    retyped = treatydiff(repo, "check", TEXT, "--against", "HEAD~1")
    assert retyped.returncode == 0, retyped.stdout
    assert "13 identical, 1 formatting" in retyped.stdout  # the title and 12 clauses
    strict = treatydiff(repo, "check", TEXT, "--against", "HEAD~1", "--fail-on", "any")
    assert strict.returncode == 1
    assert strict.stdout.count("formatting change") == 1  # the recital with "child's"


def test_uncommitted_edit_against_head(repo: Path) -> None:
    assert treatydiff(repo, "check", TEXT, "--against", "HEAD").returncode == 0
    (repo / TEXT).write_text(MODAL, encoding="utf-8")
    result = treatydiff(repo, "check", TEXT, "--against", "HEAD", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    (check,) = data["checks"]
    (change,) = check["changes"]
    assert change["clause"] == "preambular paragraph 1"
    assert change["tags"] == ["wording", "modal"]
    assert change["line"] == line_of(repo / TEXT, "Considering that, in order further")
    assert result.stderr == "treatydiff: 1 of 1 check failed\n"


def test_revision_trouble_is_exit_2(repo: Path, tmp_path: Path) -> None:
    unknown = treatydiff(repo, "check", TEXT, "--against", "v9")
    assert unknown.returncode == 2
    assert unknown.stderr.splitlines()[-1] == (
        f"treatydiff: error: check '{TEXT}': v9: no such revision in the repository of "
        f"{TEXT} (a CI checkout may need more history, e.g. fetch-depth: 0)"
    )
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "text.txt").write_text(ORIGINAL, encoding="utf-8")
    lone = treatydiff(outside, "check", "text.txt", "--against", "HEAD")
    assert lone.returncode == 2
    assert lone.stderr.endswith("text.txt: not in a git repository\n")
    option = treatydiff(repo, "check", TEXT, "--against", "--output=x")
    assert option.returncode == 2 and "is not a git revision" in option.stderr
    assert not (repo / "x").exists()
    needs_revision = treatydiff(repo, "check", TEXT)
    assert needs_revision.returncode == 2 and "--against REV" in needs_revision.stderr


def test_new_file_has_nothing_to_compare(repo: Path) -> None:
    new = repo / "texts" / "new.txt"
    new.write_text(ORIGINAL, encoding="utf-8")
    result = treatydiff(repo, "check", "texts/new.txt", "--against", "HEAD")
    assert result.returncode == 0, result.stderr
    assert "texts/new.txt@HEAD: no such file there; nothing to compare" in result.stdout


def _configure(repo: Path, text: str) -> None:
    (repo / "treatydiff.toml").write_text(text, encoding="utf-8")


def test_baseline_flow_end_to_end(repo: Path) -> None:
    _configure(repo, f'[[check]]\nname = "preamble"\nfile = "{TEXT}"\nagainst = "adopted"\n')
    baseline = repo / "treatydiff-baseline.json"

    first = treatydiff(repo, "check")
    assert first.returncode == 1
    assert "preambular paragraph 3" in first.stdout and not baseline.exists()

    update = treatydiff(repo, "check", "--update-baseline")
    assert update.returncode == 0, update.stderr
    assert update.stderr == f"treatydiff: {baseline.name}: 1 approved change\n"
    approved = json.loads(baseline.read_text(encoding="utf-8"))
    (entry,) = approved["checks"]["preamble"]
    assert entry["clause"] == "preambular paragraph 3"
    assert entry["change"].startswith("[-Gravely concerned-]{+Concerned+} at the")
    assert entry["id"].startswith("preamble__p_3#")
    bytes_once = baseline.read_bytes()
    assert treatydiff(repo, "check", "--update-baseline").returncode == 0
    assert baseline.read_bytes() == bytes_once  # deterministic
    git(repo, "add", baseline.name, "treatydiff.toml")
    git(repo, "commit", "-q", "-m", "Approve the rewording of recital 3")

    passing = treatydiff(repo, "check")
    assert passing.returncode == 0, passing.stdout
    assert "0 new changes, 1 approved" in passing.stdout

    commit(repo, MODAL, "Recital 1: shall")
    new = treatydiff(repo, "check")
    assert new.returncode == 1
    assert "1 new change, 1 approved" in new.stdout
    assert "preambular paragraph 1" in new.stdout
    assert "preambular paragraph 3" not in new.stdout  # approved: not listed again
    assert "[-should-]{+shall+}" in new.stdout

    assert treatydiff(repo, "check", "--update-baseline").returncode == 0
    ids = [e["id"] for e in json.loads(baseline.read_text(encoding="utf-8"))["checks"]["preamble"]]
    assert [i.split("#")[0] for i in ids] == ["preamble__p_1", "preamble__p_3"]
    assert entry["id"] in ids  # the approval of recital 3 keeps its id

    again = treatydiff(repo, "check")
    assert again.returncode == 0, again.stdout
    assert "0 new changes, 2 approved" in again.stdout

    # Recital 3 restored: its approval is stale, which is reported and does not fail.
    (repo / TEXT).write_text(MODAL.replace("Concerned at", "Gravely concerned at"), "utf-8")
    restored = treatydiff(repo, "check")
    assert restored.returncode == 0
    assert "1 approved change no longer found (--update-baseline drops them)" in restored.stdout


def test_update_baseline_refuses_when_a_check_cannot_run(repo: Path) -> None:
    _configure(
        repo,
        f'[[check]]\nfile = "{TEXT}"\nagainst = "adopted"\n[[check]]\nfile = "texts/missing.txt"\n',
    )
    result = treatydiff(repo, "check", "--update-baseline")
    assert result.returncode == 2
    assert not (repo / "treatydiff-baseline.json").exists()
    assert result.stderr.splitlines()[-2:] == [
        f"treatydiff: error: check 'texts/missing.txt': {repo / 'texts/missing.txt'}: no such file",
        "treatydiff: baseline not updated: a check could not run",
    ]


def test_pre_commit_hook_command(repo: Path) -> None:
    (hook,) = yaml.safe_load((PROJECT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "treatydiff-check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    command = shlex.split(hook["entry"])
    assert command[0] == "treatydiff"
    # pre-commit runs the console script that installing the package provides
    script = Path(sys.executable).parent / "treatydiff"
    argv = [str(script), *command[1:]]

    # The repository's configuration compares with the tag; the hook compares with HEAD.
    _configure(repo, f'[[check]]\nname = "preamble"\nfile = "{TEXT}"\nagainst = "adopted"\n')

    def run_hook() -> subprocess.CompletedProcess[str]:
        return subprocess.run(argv, cwd=repo, env=ENV, capture_output=True, text=True)

    clean = run_hook()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert f"{TEXT}@HEAD -> {TEXT}" in clean.stdout
    (repo / TEXT).write_text(REWORDED.replace("child\u2019s", "child's"), encoding="utf-8")
    git(repo, "add", TEXT)
    assert run_hook().returncode == 0  # quotes re-typed: formatting only
    (repo / TEXT).write_text(MODAL, encoding="utf-8")
    git(repo, "add", TEXT)
    staged = run_hook()
    assert staged.returncode == 1
    assert "preambular paragraph 1" in staged.stdout and "wording change" in staged.stdout
