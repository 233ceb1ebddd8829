"""Shapes of pathological input: texts of a size n (a count of repeated units) that made
an importer quadratic (issue 12: one 80 kB word took 75 s, one 333 kB paragraph 83 s,
3,000 list points over 120 s, a 60 kB line of ``*a `` 15 s), and the reproducers of
``../shared/cases/reliability`` grown from their own content.

Shared by the tests (which import each shape and check the answer, never the time) and by
``benchmarks/large_inputs.py`` (which measures how the import time grows with n).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

# The text of a shape at size n and its format (None: detected).
Shape = Callable[[int], tuple[str, str | None]]

PROJECT = Path(__file__).resolve().parent.parent.parent
CASES = (
    Path(os.environ.get("TREATYDIFF_CASES") or PROJECT.parent / "shared" / "cases") / "reliability"
)


def _un(body: str) -> str:
    return f"TREATY ON TESTING\n\nArticle 1\n\n{body}\n"


def _laws(body: str) -> str:
    return f"##Verdrag\n\n####Treaty of the States\n\n###Article 1\n\nThe States shall {body}\n"


def _json(paragraphs: list[dict[str, object]]) -> str:
    articles = [{"number": "1", "paragraphs": paragraphs}]
    return json.dumps({"name_full": "T", "articles": articles})


SHAPES: dict[str, Shape] = {
    "un-text one long word": lambda n: (_un("a" * 40 * n), None),
    "un-text one long word hyphenated at a line end": lambda n: (
        _un("a" * 40 * n + "1-\nbb and more"),
        None,
    ),
    "un-text one paragraph of many lines": lambda n: (
        _un("\n".join(f"words of line {i} and" for i in range(n))),
        None,
    ),
    "un-text list points": lambda n: (
        _un("\n".join(f"({chr(97 + i % 26)}) item {i};" for i in range(n))),
        None,
    ),
    "un-text numbered items past 999": lambda n: (
        _un("\n".join(f"{i + 1}. item {i};" for i in range(n))),
        None,
    ),
    "un-text indents": lambda n: (_un("\n".join(f"- item {i};" for i in range(n))), None),
    "un-text blocks of one paragraph": lambda n: (
        _un("1. It reads:\n\n" + "\n\n".join(f"more words {i}" for i in range(n))),
        None,
    ),
    "un-text recitals in one block": lambda n: (
        "TREATY\n\nThe States Parties,\n\n"
        + " ".join("Considering the matter," for _ in range(n))
        + "\n\nHave agreed as follows:\n\nArticle 1\n\nText.\n",
        None,
    ),
    "un-text a recital of many blocks": lambda n: (
        "TREATY\n\nThe States Parties,\n\nConsidering that,\n\n"
        + "\n\n".join(f"text {i} goes on" for i in range(n))
        + "\n\nArticle 1\n\nText.\n",
        None,
    ),
    "un-text articles of one number": lambda n: (
        "TREATY\n\n" + "\n\n".join(f"Article 1\n\nText {i}." for i in range(n)) + "\n",
        None,
    ),
    "un-text a run of spaces": lambda n: (_un("a" + " " * 40 * n + "b"), None),
    "un-text page numbers and form feeds": lambda n: (
        _un("\n".join(f"text line {i}\n\n{i}\n\f" for i in range(n))),
        None,
    ),
    "markdown emphasis marks": lambda n: ("# T\n\n### Article 1\n\n" + "*a " * 10 * n, None),
    "markdown brackets": lambda n: ("# T\n\n### Article 1\n\n" + "[a" * 10 * n, None),
    # html.parser, which reads a Markdown HTML block, looked for the end of each unclosed
    # comment or section to the end of the text (found by the fuzz test).
    "markdown unclosed HTML comments": lambda n: (
        "# T\n\n### Article 1\n\nText.\n\n" + "<!--num: ]]>&amp;[>" * 5 * n,
        None,
    ),
    "markdown unclosed HTML sections": lambda n: (
        "# T\n\n### Article 1\n\nText.\n\n" + "<![CDATA[x]> <![if x> <?x <!x </x" * 2 * n,
        None,
    ),
    "markdown one paragraph of many lines": lambda n: (
        "# T\n\n### Article 1\n\n" + "\n".join(f"words of line {i}" for i in range(n)),
        None,
    ),
    "laws-markdown emphasis marks": lambda n: (_laws("*a " * 10 * n), None),
    "laws-markdown underscores": lambda n: (_laws("_a " * 10 * n), None),
    "laws-markdown brackets": lambda n: (_laws("[a" * 10 * n), None),
    "laws-markdown link tails": lambda n: (_laws("[a](b [c] " * 5 * n), None),
    "laws-markdown tags and footnote calls": lambda n: (
        _laws("<a" * 5 * n + "<sup>" * 5 * n),
        None,
    ),
    "laws-markdown a heading of spaced words": lambda n: (
        "##Verdrag\n\n####Treaty of the States\n\n### a"
        + (" " * 40 + "b") * n
        + "\n\nThe States of the Parties shall act.\n",
        None,
    ),
    # js-articles detection ran "^\s*" from every line start over the blank lines after
    # it (found by the fuzz test after the merge of issue 15).
    "a text of blank lines": lambda n: ("\n" * 40 * n, None),
    "js-articles articles": lambda n: (
        "var articles = {\n"
        + "".join(
            f"  {i}: {{t: 'Art\u00edculo {i}', s: 'resumen', "
            f"c: [{{prefix: 'none', text: 'Los Estados Partes {i} adoptar\u00e1n medidas.'}}]}},\n"
            for i in range(1, n + 1)
        )
        + "};\n",
        None,
    ),
    "json-articles paragraphs": lambda n: (
        _json([{"num": None, "text": f"text {i} of the article"} for i in range(n)]),
        None,
    ),
    "json-articles escapes json.dumps does not write": lambda n: (
        _json([{"num": "1", "text": f"t\u00e9xt {i}"} for i in range(n)]).replace(
            "\\u00e9", "\\u00E9"
        ),
        None,
    ),
}


def _reproducer(name: str) -> str:
    return (CASES / name).read_text(encoding="utf-8")


def _longword(n: int) -> tuple[str, str | None]:
    """longword20000.txt with its word of 20,000 letters made n * 40 letters long."""
    text = _reproducer("longword20000.txt")
    word = max(text.split(), key=len)
    return text.replace(word, word[0] * 40 * n), None


def _one_paragraph(n: int) -> tuple[str, str | None]:
    """one-paragraph-2000-lines.txt with its paragraph cut or repeated to n lines."""
    head, _, body = _reproducer("one-paragraph-2000-lines.txt").partition("Article 1\n\n")
    lines = body.strip().split("\n")
    grown = (lines * (n // len(lines) + 1))[:n]
    return head + "Article 1\n\n" + "\n".join(grown) + "\n", None


def _emphasis(n: int) -> tuple[str, str | None]:
    """md-emphasis-60k.md with its line of "*a " made n * 10 marks long, read as Markdown
    and, with the laws-markdown importer, as that dialect's emphasis patterns read it."""
    text = _reproducer("md-emphasis-60k.md")
    line = max(text.split("\n"), key=len)
    return text.replace(line, "*a " * 10 * n), None


def _laws_emphasis(n: int) -> tuple[str, str | None]:
    text, _ = _emphasis(n)
    return text.replace("# T", "##Verdrag\n\n####Treaty of the States shall"), "laws-markdown"


REPRODUCERS: dict[str, Shape] = {
    "longword20000.txt": _longword,
    "one-paragraph-2000-lines.txt": _one_paragraph,
    "md-emphasis-60k.md": _emphasis,
    "md-emphasis-60k.md as laws-markdown": _laws_emphasis,
}
