"""Shared fixtures. Tests read the third-party corpus where it lies, never a copy.

The corpus is ``$TREATYDIFF_CORPUS`` or ``../shared/corpus`` beside the checkout. When it is
missing the tests fail (not skip): CI must never pass without the real data.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# No timed tests: hypothesis's per-example deadline (200 ms) fails a test on a busy
# machine, not on a wrong answer. Speed is measured in benchmarks/. The examples are
# drawn the same way on every run, so that CI passes or fails on the code alone;
# HYPOTHESIS_PROFILE=explore draws new ones (and more) to look for failures.
settings.register_profile("treatydiff", deadline=None, derandomize=True)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "treatydiff"))

PROJECT = Path(__file__).resolve().parent.parent
EXAMPLES = PROJECT / "examples"
USER_PREAMBLE = EXAMPLES / "opsc-preamble-ohchr.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="Rewrite the golden files (tests/golden/, examples/) from the current output.",
    )


@pytest.fixture(scope="session", autouse=True)
def _session_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The whole run, child processes included, keeps its caches and pulls in a data home
    of its own, never the user's: a machine's earlier runs do not change what a test
    sees (the ``home`` fixture gives a test an empty one of its own)."""
    os.environ["TREATYDIFF_HOME"] = str(tmp_path_factory.mktemp("treatydiff-home"))


@pytest.fixture()
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def corpus_root() -> Path:
    root = Path(os.environ.get("TREATYDIFF_CORPUS") or PROJECT.parent / "shared" / "corpus")
    if not (root / "laws-markdown" / "MANIFEST.tsv").is_file():
        pytest.fail(f"treaty corpus not found at {root} (set TREATYDIFF_CORPUS)", pytrace=False)
    return root


@pytest.fixture(scope="session")
def corpus() -> Path:
    return corpus_root()


def reliability_cases() -> Path:
    """The reproducers of hostile and careless input (issue 12): ``$TREATYDIFF_CASES`` or
    ``../shared/cases`` beside the checkout, its ``reliability`` folder. Missing: the tests
    fail, as without the corpus."""
    root = Path(os.environ.get("TREATYDIFF_CASES") or PROJECT.parent / "shared" / "cases")
    folder = root / "reliability"
    if not (folder / "README.txt").is_file():
        pytest.fail(
            f"reliability cases not found at {folder} (set TREATYDIFF_CASES)", pytrace=False
        )
    return folder


@pytest.fixture(scope="session")
def cases() -> Path:
    return reliability_cases()


@pytest.fixture()
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty treatydiff data home for the test."""
    path = tmp_path / "treatydiff-home"
    monkeypatch.setenv("TREATYDIFF_HOME", str(path))
    return path
