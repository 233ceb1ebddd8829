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


def _scalar(obj: dict[str, Any], name: str, where: str, *, numbers: bool = True) -> str | None:
    """The value of ``name`` as text: a string, a whole number (when ``numbers``) or null;
    FormatError for anything else (a list, an object, a fraction, true)."""
    value = obj.get(name)
    if value is None or isinstance(value, str):
        return value
    if numbers and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    kind = "a string or a whole number" if numbers else "a string"
    raise FormatError(f"{where}: field {name!r} must be {kind}, not {_json_kind(value)}")


def _json_kind(value: object) -> str:
    names = {bool: "true or false", list: "a list", dict: "an object", float: "a fraction"}
    return next((name for kind, name in names.items() if isinstance(value, kind)), "a number")


# Limits of what a JSON article export can hold: the structure is four levels deep, and
# numbers are article and paragraph numbers and years.
MAX_DEPTH = 16
MAX_NUMBER_LENGTH = 32


def _loads(text: str) -> Any:
    """The JSON value of ``text``; FormatError for invalid JSON, NaN and infinities (not
    JSON, though Python's json reads them), numbers longer than MAX_NUMBER_LENGTH
    characters and nesting deeper than MAX_DEPTH."""
    try:
        data = json.loads(
            text, parse_constant=_no_constant, parse_int=_number(int), parse_float=_number(float)
        )
    except json.JSONDecodeError as exc:
        raise FormatError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise FormatError(f"JSON nested more than {MAX_DEPTH} levels deep") from None
    except ValueError as exc:  # from the hooks below
        raise FormatError(f"invalid JSON: {exc}") from None
    _check_depth(data)
    return data


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _number(kind: type[int] | type[float]) -> Any:
    def read(digits: str) -> int | float:
        if len(digits) > MAX_NUMBER_LENGTH:
            raise ValueError(f"a number of {len(digits)} characters (at most {MAX_NUMBER_LENGTH})")
        value = kind(digits)
        if value in (float("inf"), float("-inf")):
            raise ValueError(f"{digits} is out of range")
        return value

    return read


def _check_depth(data: Any) -> None:
    """Walk ``data`` (without recursion) for MAX_DEPTH."""
    stack: list[tuple[Any, int]] = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise FormatError(f"JSON nested more than {MAX_DEPTH} levels deep")
        if isinstance(value, dict):
            stack.extend((item, depth + 1) for item in value.values())
        elif isinstance(value, list):
            stack.extend((item, depth + 1) for item in value)


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    """Importer entry point: the instrument of a JSON article export, whose text is in
    language ``lang`` (any ISO 639-1 code: it is only recorded).

    Raises FormatError for invalid JSON or a missing or malformed field.
    """
    data = _loads(text)
    if not isinstance(data, dict):
        raise FormatError("JSON article export must be an object")
    if part != 1:
        raise FormatError(
            f"a JSON article export holds one instrument; there is no part {part}, only part 1"
        )
    articles = _articles(_field(data, "articles", list), _Locator(text))
    segmenter = Segmenter(
        LANGUAGES,
        invisible=any(has_invisible(block.text) for _, _, body in articles for _, block in body),
    )
    for number, line, body in articles:
        segmenter.open_article(number, None, line)
        for num, block in body:
            segmenter.text(block, paragraph=num)
    title = display_text(
        _scalar(data, "name_full", "export", numbers=False)
        or _scalar(data, "abbr", "export", numbers=False)
        or ""
    )
    year = _scalar(data, "year", "export")
    metadata = Metadata(adoption=str(year) if year else None, language=lang)
    return Instrument(id="", title=title, metadata=metadata, body=segmenter.clauses())


# An article: its number, its line, and its paragraphs (number or None, text).
_Article = tuple[str, int, list[tuple[str | None, Block]]]


def _articles(articles: list[Any], locate: _Locator) -> list[_Article]:
    out: list[_Article] = []
    for article in articles:
        if not isinstance(article, dict):
            raise FormatError("each entry of 'articles' must be an object")
        number = (_scalar(article, "number", "an article") or "").strip()
        if not number:
            raise FormatError("an article without a number")
        body: list[tuple[str | None, Block]] = []
        for paragraph in _field(article, "paragraphs", list):
            if not isinstance(paragraph, dict):
                raise FormatError(f"article {number}: each paragraph must be an object")
            where = f"article {number}"
            raw = _scalar(paragraph, "text", where, numbers=False) or ""
            words = display_text(html.unescape(raw))
            if words:
                num = (_scalar(paragraph, "num", where) or "").strip() or None
                body.append((num, Block(words, locate.line_of(raw) or 0)))
        # The article stands where its first located paragraph does.
        out.append((number, next((b.line for _, b in body if b.line), 0), body))
    return out
