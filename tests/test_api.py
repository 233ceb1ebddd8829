"""The library API at the top of the package: ``treatydiff.load``, ``treatydiff.compare``,
the model and error classes; their documentation and its examples."""

from __future__ import annotations

import dataclasses
import doctest
import importlib
import inspect
import io
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import EXAMPLES, PROJECT, USER_PREAMBLE

import treatydiff
from treatydiff.errors import ConfigError, FormatError, InputError, TreatydiffError

REVISED = EXAMPLES / "opsc-preamble-revised.txt"

# The modules whose docstrings document the public API; their examples must run.
DOCUMENTED = (
    "treatydiff",
    "treatydiff.errors",
    "treatydiff.formats",
    "treatydiff.model",
    "treatydiff.engine.comparison",
    "treatydiff.engine.compare",
)
MODEL_CLASSES = ("Instrument", "Clause", "Metadata", "Comparison", "Alignment", "DiffOp")
MODEL_CLASSES += ("Summary", "CompareOptions")


def test_every_public_name_resolves_and_is_listed() -> None:
    names = [name for name in treatydiff.__all__ if name != "__version__"]
    assert {"load", "compare", *MODEL_CLASSES, "TreatydiffError"} <= set(names)
    for name in names:
        value = getattr(treatydiff, name)
        assert value.__name__ == name
        assert name in dir(treatydiff)
    # Every error class of the hierarchy is exported.
    errors = importlib.import_module("treatydiff.errors")
    hierarchy = {
        name
        for name, value in vars(errors).items()
        if isinstance(value, type) and issubclass(value, TreatydiffError)
    }
    assert hierarchy <= set(names)
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        treatydiff.nothing  # noqa: B018


@pytest.mark.parametrize("name", [n for n in treatydiff.__all__ if n != "__version__"])
def test_every_public_name_has_reference_documentation(name: str) -> None:
    doc = getattr(treatydiff, name).__doc__ or ""
    assert len(doc.split()) >= 8, f"{name} has no real docstring"
    if not name.endswith("Error") or name == "TreatydiffError":
        assert ">>> " in doc, f"{name} has no example"


@pytest.mark.parametrize("name", MODEL_CLASSES)
def test_model_classes_describe_every_field(name: str) -> None:
    cls = getattr(treatydiff, name)
    doc = cls.__doc__ or ""
    missing = [f.name for f in dataclasses.fields(cls) if f"\n        {f.name}: " not in doc]
    assert not missing, f"{name} does not describe {missing}"


def test_load_and_compare_read_as_reference_in_help() -> None:
    for function in (treatydiff.load, treatydiff.compare):
        text = _help(function)
        for section in ("Args:", "Returns:", "Raises:", "Examples:"):
            assert section in text
        for parameter in inspect.signature(function).parameters:
            assert f"{parameter}:" in text


def _help(value: object) -> str:
    import pydoc

    return pydoc.render_doc(value, renderer=pydoc.plaintext)


@pytest.mark.parametrize("module", DOCUMENTED)
def test_documentation_examples_run(module: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The examples name the files of examples/ as a user in the project folder would.
    monkeypatch.chdir(PROJECT)
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    tests = finder.find(importlib.import_module(module))
    for test in tests:
        runner.run(test, out=sys.stderr.write)
    results = runner.summarize(verbose=False)
    assert results.attempted > 0, f"{module} has no examples"
    assert results.failed == 0


def test_load_takes_a_path_a_str_bytes_and_file_objects() -> None:
    by_path = treatydiff.load(USER_PREAMBLE)
    assert by_path.id == "opsc-preamble-ohchr"
    assert by_path.metadata.source == str(USER_PREAMBLE)
    assert treatydiff.load(str(USER_PREAMBLE)) == by_path
    data = USER_PREAMBLE.read_bytes()
    from_bytes = treatydiff.load(data)
    assert (from_bytes.id, from_bytes.metadata.source) == ("bytes", "<bytes>")
    assert from_bytes.body == by_path.body
    assert from_bytes.metadata.sha256 == by_path.metadata.sha256
    with USER_PREAMBLE.open("rb") as binary:
        assert treatydiff.load(binary) == by_path
    with USER_PREAMBLE.open(encoding="utf-8") as text:
        assert treatydiff.load(text) == by_path
    stream = treatydiff.load(io.StringIO(data.decode("utf-8")))
    assert (stream.id, stream.metadata.source) == ("stream", "<stream>")
    assert stream.body == by_path.body


def test_load_forces_a_format_a_language_and_a_part(corpus: Path) -> None:
    iccpr = corpus / "laws-markdown" / "iccpr" / "2014-03-24.md"
    protocol = treatydiff.load(iccpr, part=2)
    assert protocol.title != treatydiff.load(iccpr).title
    assert "Optional Protocol" in protocol.title
    dutch = treatydiff.load(iccpr, lang="nl", format="laws-markdown")
    assert dutch.metadata.format == "laws-markdown"
    assert dutch.leaves[0].clause.text != treatydiff.load(iccpr).leaves[0].clause.text


@pytest.mark.parametrize(
    ("source", "options", "error", "message"),
    [
        (PROJECT / "no-such-treaty.txt", {}, InputError, "no-such-treaty.txt: no such file"),
        (EXAMPLES, {}, InputError, "is a directory"),
        (b"", {}, InputError, "<bytes>: file is empty"),
        (b"\x00\x01binary", {}, InputError, "binary file"),
        (b"\xff\xfeArticle 1", {}, InputError, "not utf-16 text"),
        (b"caf\xe9 Article 1", {}, InputError, "not UTF-8 text (byte 3), and its encoding"),
        (42, {}, InputError, "cannot read a int: give a path, bytes or a file object"),
        (USER_PREAMBLE, {"format": "rtf"}, FormatError, "unknown input format 'rtf'"),
        (USER_PREAMBLE, {"format": "pdf"}, FormatError, "not a PDF PDFium can read"),
        (USER_PREAMBLE, {"format": "akn"}, FormatError, "not well-formed XML"),
        (b"{}", {}, FormatError, 'without an "articles" list'),
        (USER_PREAMBLE, {"part": 0}, ConfigError, "part must be a whole number from 1 up"),
        (USER_PREAMBLE, {"part": "2"}, ConfigError, "not '2'"),
    ],
)
def test_load_refuses_bad_input_with_project_errors(
    source: object, options: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        treatydiff.load(source, **options)  # type: ignore[arg-type]


def test_compare_refuses_what_is_not_an_instrument_or_an_option() -> None:
    preamble = treatydiff.load(USER_PREAMBLE)
    with pytest.raises(InputError, match="left is a str, not an Instrument"):
        treatydiff.compare(str(USER_PREAMBLE), preamble)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="threshold must be a number between 0 and 1"):
        treatydiff.compare(preamble, preamble, threshold="0.5")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="unknown scorer"):
        treatydiff.compare(preamble, preamble, scorer=["ratio"])  # type: ignore[arg-type]


def test_compare_from_the_top_level_is_the_engine() -> None:
    comparison = treatydiff.compare(treatydiff.load(USER_PREAMBLE), treatydiff.load(REVISED))
    assert isinstance(comparison, treatydiff.Comparison)
    # The title, the preface's adoption and entry-into-force lines and 13 preamble
    # clauses on the left; 14 preamble clauses on the right.
    assert comparison.summary.left_clauses == 16
    assert comparison.summary.right_clauses == 17
    assert all(isinstance(a, treatydiff.Alignment) for a in comparison.alignments)


def test_the_readme_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python API\n", 1)[1].split("\n## ", 1)[0]
    # The indented code block: from its first line to the first prose line after it.
    lines = section.strip("\n").splitlines()
    end = next(i for i, line in enumerate(lines) if line and not line.startswith(" "))
    block = "\n".join(lines[:end])
    assert block.startswith("    import treatydiff\n")
    monkeypatch.chdir(PROJECT)
    namespace: dict[str, object] = {}
    exec(textwrap.dedent(block), namespace)
    comparison = namespace["comparison"]
    assert isinstance(comparison, treatydiff.Comparison)
    assert comparison.summary.modified == 3  # as the README's comment says
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "('docTitle',) ('docTitle',) identical ()"
    assert printed[4] == "('preamble__p_1',) ('preamble__p_1',) modified ('wording', 'modal')"
