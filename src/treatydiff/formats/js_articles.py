"""Article data in JavaScript: a web page's script that holds a treaty's articles as an
object literal (the Spanish CRC of procosi.github.io, ``articulos.js``)::

    articles = {
      1: {t: 'Artículo 1', s: "a summary", c: [{prefix: 'none', text: '...'}, ...]},
      ...
    };

``t`` is the article's heading, ``c`` its paragraphs in order, each with its ``prefix``:
a paragraph number ("1"), a list letter or roman number ("a", "iv"), or ``none`` for an
unnumbered paragraph. The object literal is read with chompjs (a JavaScript object parser:
single-quoted strings, bare keys, trailing commas), never evaluated; the page's own code
after it is ignored.

``s`` is the site author's summary of the article, not words of the treaty: it is left
out of the clauses and recorded as dropped editorial text (``document.Dropped``), so that
no compared unit holds it and none of its words goes missing unsaid. The prefixes become
the list markers the segmenter reads ("1.", "a)", "iv)"), as for a Word list.
"""

from __future__ import annotations

import re
from typing import Any

from treatydiff.errors import FormatError
from treatydiff.formats.document import Document, Dropped, split
from treatydiff.formats.options import ReadOptions
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block

# What tells this format: an assignment of an object literal to ``articles`` whose
# entries have a heading ``t`` and paragraphs ``c``. Only spaces and tabs before it on its
# line: ``\s*`` there would run from every line start over all the blank lines that
# follow (quadratic in a text of empty lines).
_START = re.compile(r"^[ \t]*(?:(?:var|let|const)\s+)?articles\s*=\s*\{", re.MULTILINE)
_SHAPE = re.compile(r"\bt\s*:\s*['\"].*?\bc\s*:\s*\[", re.DOTALL)


def looks_like(text: str) -> bool:
    """Whether ``text`` is article data in this JavaScript shape."""
    start = _START.search(text)
    return start is not None and _SHAPE.search(text, start.end(), start.end() + 4000) is not None


class _Locator:
    """Source lines of string values, found in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.line = 1  # the line of ``cursor``: lines are counted once, from there on

    def line_of(self, value: str) -> int:
        position = self.text.find(value, self.cursor)
        if position < 0:
            return 0
        line = self.line + self.text.count("\n", self.cursor, position)
        self.cursor = position + len(value)
        self.line = line + value.count("\n")
        return line


def read(data: bytes | str, *, lang: str = "es", options: ReadOptions | None = None) -> Document:
    """The instrument of the script ``data`` (its bytes, or its text), in language
    ``lang`` (the script does not say it).

    Raises FormatError for a script without the ``articles`` object or with a malformed
    entry, MissingExtraError's cause (ModuleNotFoundError for chompjs) without the
    documents extra.
    """
    del options  # no setting applies to script data
    import chompjs

    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    start = _START.search(text)
    if start is None:
        raise FormatError("no 'articles = {...}' object in this script")
    try:
        articles: Any = chompjs.parse_js_object(text[start.end() - 1 :])
    except ValueError as exc:
        raise FormatError(f"the articles object is no JavaScript object literal: {exc}") from None
    if not isinstance(articles, dict) or not articles:
        raise FormatError("the articles object holds no article")
    locate = _Locator(text)
    blocks: list[Block] = []
    dropped: list[Dropped] = []
    for key, article in articles.items():
        heading, summary, paragraphs = _article(key, article)
        blocks.append(Block(heading, locate.line_of(heading), "heading"))
        if summary:
            dropped.append(Dropped("editorial", summary, locate.line_of(summary)))
        for prefix, words in paragraphs:
            line = locate.line_of(words)
            blocks.append(Block(f"{_marker(prefix)}{display_text(words)}", line))
    return Document(parts=split(blocks, starts=frozenset(), lang=lang), dropped=tuple(dropped))


def _article(key: str, article: Any) -> tuple[str, str, list[tuple[str, str]]]:
    """The heading, summary and paragraphs (prefix, text) of one entry."""
    if not isinstance(article, dict):
        raise FormatError(f"article {key}: not an object")
    heading, summary, paragraphs = article.get("t"), article.get("s", ""), article.get("c")
    if not isinstance(heading, str) or not heading.strip() or not isinstance(paragraphs, list):
        raise FormatError(f"article {key}: no heading 't' or no paragraph list 'c'")
    out: list[tuple[str, str]] = []
    for paragraph in paragraphs:
        if not isinstance(paragraph, dict) or not isinstance(paragraph.get("text"), str):
            raise FormatError(f"article {key}: a paragraph without its text")
        if paragraph["text"].strip():
            out.append((str(paragraph.get("prefix") or "none"), paragraph["text"]))
    return heading.strip(), summary if isinstance(summary, str) else "", out


def _marker(prefix: str) -> str:
    """The list marker a prefix stands for: "1." for a number, "a)" for a letter or
    roman number (the Spanish UN style), nothing for ``none``."""
    prefix = prefix.strip()
    if prefix in ("", "none"):
        return ""
    return f"{prefix}. " if prefix.isdigit() else f"{prefix}) "
