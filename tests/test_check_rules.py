"""Check rules, change ids, excerpts, configuration and baseline files, on hand-built
comparisons and configuration files written by the tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import USER_PREAMBLE

from treatydiff import load
from treatydiff.ci.baseline import BASELINE_SCHEMA, Baseline, load_baseline, render_baseline
from treatydiff.ci.config import CheckSpec, Defaults, find_config, load_config, one_off
from treatydiff.ci.results import CheckResult, RunResult
from treatydiff.ci.rules import change_id, changes_of, counted, excerpt
from treatydiff.engine.compare import compare
from treatydiff.engine.comparison import Alignment, DiffOp
from treatydiff.errors import ConfigError
from treatydiff.model import Clause, Instrument


def _instrument(*texts: str) -> Instrument:
    """Article 1 with one paragraph per text, each on its own source line."""
    paras = tuple(
        Clause(eid=f"art_1__para_{n}", kind="paragraph", num=str(n), text=text, line=10 + n)
        for n, text in enumerate(texts, start=1)
    )
    return Instrument("t", "T", body=(Clause("art_1", "article", num="1", children=paras),))


def _modified(eid: str, *ops: DiffOp, tags: tuple[str, ...], similarity: float) -> Alignment:
    return Alignment((eid,), (eid,), "modified", similarity=similarity, tags=tags, diff=ops)


TYPO = _modified(
    "art_1__para_1",
    DiffOp("equal", "He can ", "He can "),
    DiffOp("replace", "ho ", "no "),
    DiffOp("equal", "longer act.", "longer act."),
    tags=("spelling",),
    similarity=0.97,
)
COMMA = _modified(
    "art_1__para_1",
    DiffOp("equal", "States", "States"),
    DiffOp("insert", "", ","),
    DiffOp("equal", " Parties", " Parties"),
    tags=("punctuation",),
    similarity=0.99,
)
CASE = _modified(
    "art_1__para_1",
    DiffOp("equal", "under ", "under "),
    DiffOp("replace", "Part", "part"),
    DiffOp("equal", " V", " V"),
    tags=("case",),
    similarity=0.99,
)
MODAL = _modified(
    "art_1__para_1",
    DiffOp("equal", "States ", "States "),
    DiffOp("replace", "shall ", "may "),
    DiffOp("equal", "act.", "act."),
    tags=("wording", "modal"),
    similarity=0.8,
)
FORMATTING = Alignment(
    ("art_1__para_1",),
    ("art_1__para_1",),
    "formatting",
    similarity=1.0,
    diff=(DiffOp("equal", '"child"', "\u201cchild\u201d"),),
)
IDENTICAL = Alignment(
    ("art_1__para_1",),
    ("art_1__para_1",),
    "identical",
    similarity=1.0,
    diff=(DiffOp("equal", "A.", "A."),),
)
ADDED = Alignment((), ("art_1__para_2",), "added", diff=(DiffOp("insert", "", "New."),))
REMOVED = Alignment(("art_1__para_2",), (), "removed", diff=(DiffOp("delete", "Old.", ""),))


@pytest.mark.parametrize(
    ("alignment", "any_", "wording", "substantive"),
    [
        (IDENTICAL, (), (), ()),
        (FORMATTING, ("formatting change",), (), ()),
        (COMMA, ("punctuation-only change",), (), ()),
        (CASE, ("letter-case-only change",), (), ()),
        (TYPO, ("spelling-level change",), ("spelling-level change",), ()),
        (MODAL, ("wording change",), ("wording change",), ("wording change",)),
        (ADDED, ("clause added",), ("clause added",), ("clause added",)),
        (REMOVED, ("clause removed",), ("clause removed",), ("clause removed",)),
        (replace(IDENTICAL, moved=True), ("clause moved",), ("clause moved",), ("clause moved",)),
    ],
)
def test_rules(
    alignment: Alignment,
    any_: tuple[str, ...],
    wording: tuple[str, ...],
    substantive: tuple[str, ...],
) -> None:
    assert counted(alignment, "any") == any_
    assert counted(alignment, "wording") == wording
    assert counted(alignment, "substantive") == substantive


def test_a_modified_clause_without_a_kind_tag_counts_as_wording() -> None:
    untagged = replace(MODAL, tags=())
    assert counted(untagged, "substantive") == ("wording change",)


def test_min_similarity_only_adds_failures() -> None:
    assert counted(TYPO, "substantive", min_similarity=0.98) == ("similarity 97.0 % below 98.0 %",)
    assert counted(TYPO, "substantive", min_similarity=0.97) == ()
    assert counted(MODAL, "any", min_similarity=0.5) == ("wording change",)
    assert counted(MODAL, "wording", min_similarity=0.9) == (
        "wording change",
        "similarity 80.0 % below 90.0 %",
    )
    # an added clause has no similarity to judge: it counts as added, once
    assert counted(ADDED, "wording", min_similarity=0.9) == ("clause added",)


def _retyped(alignment: Alignment, *ops: DiffOp) -> Alignment:
    """``alignment`` with other texts: the diff ``ops``, and the keys they derive."""
    return Alignment(
        alignment.left,
        alignment.right,
        alignment.status,
        moved=alignment.moved,
        similarity=alignment.similarity,
        tags=alignment.tags,
        diff=ops,
    )


def test_change_ids_come_from_clause_and_content() -> None:
    assert change_id(TYPO) == change_id(replace(TYPO, similarity=0.5, moved=True))
    # the same edit with other spacing is the same change
    respaced = _retyped(TYPO, TYPO.diff[0], DiffOp("replace", "ho  ", "no\n"), TYPO.diff[2])
    assert change_id(respaced) == change_id(TYPO)
    ids = {
        change_id(alignment)
        for alignment in (
            TYPO,
            MODAL,
            COMMA,
            replace(TYPO, left=("art_2",), right=("art_2",)),
            _retyped(TYPO, TYPO.diff[0], DiffOp("replace", "ho ", "so "), TYPO.diff[2]),
        )
    }
    assert len(ids) == 5
    # the same edit at another place in the clause is another change
    first = _modified(
        "p",
        DiffOp("equal", "He can ", "He can "),
        DiffOp("replace", "ho ", "no "),
        DiffOp("equal", "longer act, he can no longer act.", "longer act, he can no longer act."),
        tags=("spelling",),
        similarity=0.98,
    )
    second = _modified(
        "p",
        DiffOp("equal", "He can no longer act, he can ", "He can no longer act, he can "),
        DiffOp("replace", "ho ", "no "),
        DiffOp("equal", "longer act.", "longer act."),
        tags=("spelling",),
        similarity=0.98,
    )
    assert first.right_texts == second.right_texts
    assert change_id(first) != change_id(second)
    # quotes re-typed elsewhere in the clause leave the id of a change alone
    quoted = _retyped(TYPO, DiffOp("equal", '"He" can ', "\u201cHe\u201d can "), *TYPO.diff[1:])
    plain = _retyped(TYPO, DiffOp("equal", '"He" can ', '"He" can '), *TYPO.diff[1:])
    assert change_id(quoted) == change_id(plain)
    # ... but not the id of a formatting change, which is nothing but such differences
    assert change_id(FORMATTING) != change_id(
        _retyped(FORMATTING, DiffOp("equal", '"child"', "\u00abchild\u00bb"))
    )
    assert change_id(TYPO).startswith("art_1__para_1#")
    assert change_id(REMOVED).startswith("art_1__para_2#")  # the left side, when no right
    split = Alignment(
        ("a",),
        ("b", "c"),
        "formatting",
        diff=(DiffOp("equal", "x. ", "x."), DiffOp("equal", "x.", "x.", 0, 1)),
    )
    assert change_id(split).startswith("b+c#")


def test_change_ids_do_not_depend_on_lines_or_order() -> None:
    spec = CheckSpec(name="t", kind="pair", fail_on="any")
    left = _instrument("Old.", "He can ho longer act.")
    right = _instrument("Old.", "He can no longer act.")
    shifted = Instrument(
        "t",
        "T",
        body=(
            Clause(
                "art_1",
                "article",
                num="1",
                children=tuple(replace(c, line=(c.line or 0) + 40) for c in right.body[0].children),
            ),
        ),
    )
    first = changes_of(compare(left, right), spec, file="f.md")
    again = changes_of(compare(left, shifted), spec, file="f.md")
    assert [c.id for c in first] == [c.id for c in again]
    assert [c.line for c in first] == [12] and [c.line for c in again] == [52]


def test_excerpts() -> None:
    assert excerpt(TYPO) == "He can [-ho-]{+no+} longer act."
    assert excerpt(COMMA) == "States{+,+} Parties"
    assert excerpt(ADDED) == "{+New.+}"
    assert excerpt(REMOVED) == "[-Old.-]"
    assert excerpt(FORMATTING) == '[-"child"-]{+\u201cchild\u201d+}'
    long = "one two three four five six seven eight nine ten "
    context = _modified(
        "p",
        DiffOp("equal", long, long),
        DiffOp("replace", "ho ", "no "),
        DiffOp("equal", long + long, long + long),
        DiffOp("replace", "x", "y"),
        DiffOp("equal", " " + long, " " + long),
        tags=("spelling",),
        similarity=0.9,
    )
    assert excerpt(context) == (
        "… five six seven eight nine ten [-ho-]{+no+} one two three four five six … "
        "five six seven eight nine ten [-x-]{+y+} one two three four five six …"
    )
    huge = replace(ADDED, diff=(DiffOp("insert", "", "word " * 200),))
    assert len(excerpt(huge)) == 400 and excerpt(huge).endswith("…")


def test_removed_clause_points_at_the_line_before_it() -> None:
    left = _instrument("First stays.", "Second goes entirely away now.", "Third stays.")
    right = _instrument("First stays.", "Third stays.")
    (change,) = changes_of(compare(left, right), CheckSpec(name="t", kind="pair"), file="f.md")
    assert change.reasons == ("clause removed",)
    assert change.clause == "article 1, paragraph 2"
    assert change.line == 11  # the line of paragraph 1 on the right


def test_a_changed_title_points_at_the_file_not_at_a_neighbour(tmp_path: Path) -> None:
    """A title has no line of its own: the change is the file's, not the adoption line's."""
    changed = tmp_path / "changed.txt"
    changed.write_text(
        USER_PREAMBLE.read_text(encoding="utf-8").replace("the Rights of", "the Duties of", 1),
        encoding="utf-8",
    )
    result = compare(load(USER_PREAMBLE), load(changed))
    changes = changes_of(result, CheckSpec(name="t", kind="pair"), file="changed.txt")
    title = next(change for change in changes if change.left == ("docTitle",))
    assert title.line is None and title.file == "changed.txt"


# --- configuration ---------------------------------------------------------------------


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_config_file_with_every_kind_of_check(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    _write(tmp_path / "texts", "a.md", "x")
    path = _write(
        tmp_path,
        "treatydiff.toml",
        """
fail_on = "substantive"
lang = "nl"

[[check]]
name = "two files"
left = "texts/a.md"
right = "texts/b.md"
min_similarity = 0.9
threshold = 0.6

[[check]]
file = "texts/a.md"
against = "v1.0"
fail_on = "any"

[[check]]
instrument = "cedaw"
lang = "en"

[[check]]
name = "catalogue refs"
left = "crc@2002-11-18"
right = "crc"
""",
    )
    config = load_config(path)
    pair, git, catalogue, refs = config.checks
    assert config.baseline == tmp_path / "treatydiff-baseline.json"
    assert (pair.name, pair.kind, pair.fail_on, pair.lang) == (
        "two files",
        "pair",
        "substantive",
        "nl",
    )
    assert (pair.left, pair.right) == (str(tmp_path / "texts/a.md"), str(tmp_path / "texts/b.md"))
    assert (pair.min_similarity, pair.threshold) == (0.9, 0.6)
    assert (git.name, git.kind, git.file, git.against, git.fail_on) == (
        "texts/a.md",
        "git",
        tmp_path / "texts/a.md",
        "v1.0",
        "any",
    )
    assert (catalogue.name, catalogue.instrument, catalogue.lang) == ("cedaw", "cedaw", "en")
    assert (refs.left, refs.right) == ("crc@2002-11-18", "crc")


def test_command_line_defaults_and_against(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "treatydiff.toml",
        'baseline = "approved.json"\n'
        '[[check]]\nfile = "a.md"\n'
        '[[check]]\nfile = "b.md"\nagainst = "HEAD~3"\nfail_on = "any"\nmin_similarity = 0.2\n',
    )
    config = load_config(
        path, Defaults(fail_on="substantive", lang="nl", against="main", min_similarity=0.7)
    )
    a, b = config.checks
    assert config.baseline == tmp_path / "approved.json"
    assert (a.fail_on, a.lang, a.against, a.min_similarity) == ("substantive", "nl", "main", 0.7)
    assert (b.fail_on, b.against, b.min_similarity) == ("any", "main", 0.2)
    plain = load_config(path).checks
    assert [c.against for c in plain] == ["HEAD", "HEAD~3"]
    assert [c.fail_on for c in plain] == ["wording", "any"]


def test_pyproject_table(tmp_path: Path) -> None:
    _write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(ConfigError, match=r"no treatydiff.toml in .* no \[tool.treatydiff\]"):
        find_config(tmp_path)
    with pytest.raises(ConfigError, match=r"pyproject.toml: no \[tool.treatydiff\] table"):
        load_config(tmp_path / "pyproject.toml")
    path = _write(
        tmp_path,
        "pyproject.toml",
        '[project]\nname = "x"\n[tool.treatydiff]\nfail_on = "any"\n'
        '[[tool.treatydiff.check]]\nleft = "a"\nright = "b"\n',
    )
    assert find_config(tmp_path) == path
    (check,) = load_config(path).checks
    assert (check.name, check.fail_on) == ("a -> b", "any")
    # treatydiff.toml wins over pyproject.toml
    own = _write(tmp_path, "treatydiff.toml", '[[check]]\ninstrument = "crc"\n')
    assert find_config(tmp_path) == own


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("fail_on = 'words'\n", "fail_on: 'words' is not one of any, wording, substantive"),
        ("", "no checks; add [[check]] tables"),
        ("[[check]]\nleft = 'a'\n", "check[0].right: a check of two texts needs left and right"),
        ("[[check]]\nleft = 'a'\nright = 'b'\nfile = 'c'\n", "check[0]: give either left"),
        ("[[check]]\nname = 'x'\n", "check[0]: give either left and right, or file"),
        ("[[check]]\ninstrument = 'crc'\nagainst = 'HEAD'\n", "check[0].against: goes with file"),
        ("[[check]]\nfile = 'a'\nagainst = '--output=x'\n", "is not a git revision"),
        ("[[check]]\ninstrument = 'crc'\nmin_similarity = 2\n", "2 is not between 0 and 1"),
        ("[[check]]\ninstrument = 'crc'\nmin_similarity = true\n", "expected a number"),
        ("[[check]]\ninstrument = 'crc'\nlang = 'de'\n", "lang: 'de' is not one of en, es, fr, nl"),
        (
            "[[check]]\ninstrument = 'crc'\nfail-on = 'any'\n",
            "check[0].fail-on: unknown key; known: against,",
        ),
        ("[[check]]\ninstrument = 'crc'\n[[check]]\ninstrument = 'crc'\n", "two checks are named"),
        ("check = 'crc'\n", "check: expected an array of tables"),
        ("[[check]\n", "not valid TOML"),
    ],
)
def test_config_errors_name_file_and_setting(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, "treatydiff.toml", text)
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file"):
        load_config(tmp_path / "treatydiff.toml")


def test_one_off_checks() -> None:
    (pair,) = one_off("a.md", "b.md", Defaults(fail_on="any", lang="nl")).checks
    assert (pair.name, pair.kind, pair.fail_on, pair.lang) == ("a.md -> b.md", "pair", "any", "nl")
    (git,) = one_off("a.md", None, Defaults(against="HEAD~1")).checks
    assert (git.kind, git.file, git.against, git.fail_on) == (
        "git",
        Path("a.md"),
        "HEAD~1",
        "wording",
    )
    with pytest.raises(ConfigError, match="--against"):
        one_off("a.md", None, Defaults(against="-p"))


# --- baseline files --------------------------------------------------------------------


def test_baseline_round_trip(tmp_path: Path) -> None:
    spec = CheckSpec(name="crc", kind="pair")
    left = _instrument("He can ho longer act.", "Old clause here.")
    right = _instrument("He can no longer act.")
    result = RunResult((CheckResult(spec, changes=changes_of(compare(left, right), spec)),))
    text = render_baseline(result)
    assert text == render_baseline(result)  # deterministic
    data = json.loads(text)
    assert data["schema"] == BASELINE_SCHEMA
    entries = data["checks"]["crc"]
    assert [e["clause"] for e in entries] == ["article 1, paragraph 1", "article 1, paragraph 2"]
    assert entries[0]["change"] == "He can [-ho-]{+no+} longer act."
    assert entries[1]["reasons"] == ["clause removed"]
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    assert load_baseline(path).of("crc") == {c.id for c in result.checks[0].changes}
    assert load_baseline(path).of("other") == frozenset()
    assert load_baseline(tmp_path / "missing.json") == Baseline()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not a readable baseline"),
        ("[]", "not a treatydiff baseline"),
        ('{"schema": "treatydiff.baseline/0", "checks": {}}', "not a treatydiff baseline"),
        (f'{{"schema": "{BASELINE_SCHEMA}", "checks": []}}', "checks: expected an object"),
        (f'{{"schema": "{BASELINE_SCHEMA}", "checks": {{"a": [{{}}]}}}}', "checks.a: expected"),
    ],
)
def test_bad_baseline_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_baseline(path)


def test_approved_changes() -> None:
    spec = CheckSpec(name="t", kind="pair")
    comparison = compare(_instrument("He can ho longer act."), _instrument("He can no longer act."))
    (change,) = changes_of(comparison, spec)
    assert change.file is None and change.line is None and not change.approved
    (approved,) = changes_of(comparison, spec, approved=frozenset({change.id, "art_9#0"}))
    assert approved.approved and approved.id == change.id
