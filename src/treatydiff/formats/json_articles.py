"""JSON article exports: ``{"name_full", "year", "articles": [{"number", "paragraphs":
[{"num", "text"}]}]}`` (treaty bundles parsed from OHCHR web pages).

Markers inside the text ("(a) Sale of children ...") are parsed by the segmenter; a
paragraph's own ``num`` becomes its "1." marker. Empty and ``&nbsp;`` paragraphs are web
debris and dropped. There is no preamble in this format.
"""

from __future__ import annotations

import html
import json
from typing import Any

from treatydiff.errors import FormatError
from treatydiff.model import Instrument, Metadata
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.tree import segment


class _Locator:
    """Source lines of JSON string values, found in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.cursor = 0

    def line_of(self, value: str) -> int | None:
        for encoded in (json.dumps(value, ensure_ascii=False), json.dumps(value)):
            position = self.text.find(encoded, self.cursor)
            if position >= 0:
                self.cursor = position + len(encoded)
                return self.text.count("\n", 0, position) + 1
        return None


def _field(obj: dict[str, Any], name: str, kind: type) -> Any:
    value = obj.get(name)
    if not isinstance(value, kind):
        raise FormatError(f"field {name!r} is missing or not a {kind.__name__}")
    return value


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    if not isinstance(data, dict):
        raise FormatError("JSON article export must be an object")
    if part != 1:
        raise FormatError("a JSON article export holds one instrument")
    articles = _field(data, "articles", list)
    locate = _Locator(text)
    blocks: list[Block] = []
    for article in articles:
        if not isinstance(article, dict):
            raise FormatError("each entry of 'articles' must be an object")
        number = str(article.get("number", "")).strip()
        if not number:
            raise FormatError("an article without a number")
        first = None
        paragraphs = _field(article, "paragraphs", list)
        body: list[Block] = []
        for paragraph in paragraphs:
            if not isinstance(paragraph, dict):
                raise FormatError(f"article {number}: each paragraph must be an object")
            raw = str(paragraph.get("text") or "")
            words = display_text(html.unescape(raw))
            if not words:
                continue
            line = locate.line_of(raw) or 0
            first = first or line
            num = paragraph.get("num")
            body.append(Block(f"{num}. {words}" if num else words, line))
        blocks.append(Block(f"Article {number}", first or 0, "heading"))
        blocks.extend(body)
    title = display_text(str(data.get("name_full") or data.get("abbr") or ""))
    year = data.get("year")
    metadata = Metadata(adoption=str(year) if year else None, language="en")
    return Instrument(id="", title=title, metadata=metadata, body=segment(blocks, lang=lang))
