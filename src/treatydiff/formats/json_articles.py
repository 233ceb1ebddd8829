"""JSON article exports: ``{"name_full", "year", "articles": [{"number", "paragraphs":
[{"num", "text"}]}]}`` (treaty bundles parsed from OHCHR web pages).

Articles and numbered paragraphs come from the JSON structure, in any language: an
article's ``number`` and a paragraph's ``num`` are used as given, never written out as
"Article 3" or "1." and read back. The text of a paragraph is read by the segmenter like
the text of an article in any other format: list markers ("(a) Sale of children ..."),
also at the start of a numbered paragraph, open points; an unnumbered paragraph after a
list closes it; final formulas ("In witness thereof ...") leave the last article. The
export does not say its language: the final formulas are recognized in the words of every
language ``treatydiff.lang`` knows, so that the clauses are the same whatever language is
asked for, and the requested language is the one the metadata records. Empty and
``&nbsp;`` paragraphs are web debris and dropped. There is no preamble in this format.
"""

from __future__ import annotations

import html
import json
from typing import Any

from treatydiff.errors import FormatError
from treatydiff.lang import LANGUAGES
from treatydiff.model import Instrument, Metadata
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.tree import Segmenter
from treatydiff.segment.vocabulary import has_invisible


class _Locator:
    """Source lines of JSON string values, found in document order.

    Linear in the size of the text: lines are counted from the last value found, and a
    value is looked for in a window after it (a value written with other escapes than
    json.dumps writes is not found, and a search to the end for each would be quadratic).
    """

    _WINDOW = 1 << 16  # characters past the last value found, beyond the value's length

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0
        self.line = 1  # the line of ``cursor``

    def line_of(self, value: str) -> int | None:
        for encoded in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
            end = self.cursor + 4 * len(encoded) + self._WINDOW
            position = self.text.find(encoded, self.cursor, end)
            if position >= 0:
                self.line += self.text.count("\n", self.cursor, position)
                self.cursor = position + len(encoded)  # no line break: JSON escapes them
                return self.line
        return None


def _field(obj: dict[str, Any], name: str, kind: type) -> Any:
    value = obj.get(name)
    if not isinstance(value, kind):
        raise FormatError(f"field {name!r} is missing or not a {kind.__name__}")
    return value


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    """Importer entry point: the instrument of a JSON article export, whose text is in
    language ``lang`` (any ISO 639-1 code: it is only recorded).

    Raises FormatError for invalid JSON or a missing or malformed field.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise FormatError("JSON article export must be an object")
    if part != 1:
        raise FormatError("a JSON article export holds one instrument")
    articles = _articles(_field(data, "articles", list), _Locator(text))
    segmenter = Segmenter(
        LANGUAGES,
        invisible=any(has_invisible(block.text) for _, _, body in articles for _, block in body),
    )
    for number, line, body in articles:
        segmenter.open_article(number, None, line)
        for num, block in body:
            segmenter.text(block, paragraph=num)
    title = display_text(str(data.get("name_full") or data.get("abbr") or ""))
    year = data.get("year")
    metadata = Metadata(adoption=str(year) if year else None, language=lang)
    return Instrument(id="", title=title, metadata=metadata, body=segmenter.clauses())


# An article: its number, its line, and its paragraphs (number or None, text).
_Article = tuple[str, int, list[tuple[str | None, Block]]]


def _articles(articles: list[Any], locate: _Locator) -> list[_Article]:
    out: list[_Article] = []
    for article in articles:
        if not isinstance(article, dict):
            raise FormatError("each entry of 'articles' must be an object")
        number = str(article.get("number", "")).strip()
        if not number:
            raise FormatError("an article without a number")
        body: list[tuple[str | None, Block]] = []
        for paragraph in _field(article, "paragraphs", list):
            if not isinstance(paragraph, dict):
                raise FormatError(f"article {number}: each paragraph must be an object")
            raw = str(paragraph.get("text") or "")
            words = display_text(html.unescape(raw))
            if words:
                num = str(paragraph.get("num") or "").strip() or None
                body.append((num, Block(words, locate.line_of(raw) or 0)))
        # The article stands where its first located paragraph does.
        out.append((number, next((b.line for _, b in body if b.line), 0), body))
    return out
