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
``&nbsp;`` paragraphs are web debris and dropped. Character references are read where
well formed (``formats.entities``).

The OHCHR exports hold no preamble and no article captions; an export that has them
gives them as ``"preamble"`` (a text, or a list of texts: its recitals and formulas, read
as a text format's lines before the first article are) and an article's ``"title"`` (its
caption). A field holding text that the format does not know is refused (FormatError
naming it), never left out unseen.
"""

from __future__ import annotations

import json
from typing import Any

from treatydiff.errors import FormatError
from treatydiff.formats.entities import unescape_entities
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
    _refuse_unknown(data, _EXPORT_FIELDS, "the export")
    locate = _Locator(text)
    preamble = [block for raw in _texts(data, "preamble") if (block := _block(raw, locate))]
    articles = _articles(_field(data, "articles", list), locate)
    texts = [*preamble, *(block for *_, body in articles for _, block in body)]
    segmenter = Segmenter(LANGUAGES, invisible=any(has_invisible(b.text) for b in texts))
    for block in preamble:
        segmenter.text(block)
    for number, caption, line, body in articles:
        segmenter.open_article(number, caption, line)
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


# The fields each object of an export may hold: those of the OHCHR exports (metadata
# aside from the title: "abbr", "term", "committee_codes", "source_file") and the
# preamble and captions an export may add.
_EXPORT_FIELDS = frozenset(
    {"name_full", "abbr", "term", "committee_codes", "year", "source_file", "articles"}
    | {"preamble"}
)
_ARTICLE_FIELDS = frozenset({"number", "paragraphs", "title"})
_PARAGRAPH_FIELDS = frozenset({"num", "text"})

# An article: its number, caption, line, and its paragraphs (number or None, text).
_Article = tuple[str, str | None, int, list[tuple[str | None, Block]]]


def _articles(articles: list[Any], locate: _Locator) -> list[_Article]:
    out: list[_Article] = []
    for article in articles:
        if not isinstance(article, dict):
            raise FormatError("each entry of 'articles' must be an object")
        number = (_scalar(article, "number", "an article") or "").strip()
        if not number:
            raise FormatError("an article without a number")
        where = f"article {number}"
        _refuse_unknown(article, _ARTICLE_FIELDS, where)
        title = _scalar(article, "title", where, numbers=False)
        caption = display_text(unescape_entities(title or "")) or None
        if title:
            locate.line_of(title)  # the values after it are looked for after it
        body: list[tuple[str | None, Block]] = []
        for paragraph in _field(article, "paragraphs", list):
            if not isinstance(paragraph, dict):
                raise FormatError(f"{where}: each paragraph must be an object")
            _refuse_unknown(paragraph, _PARAGRAPH_FIELDS, f"{where}, a paragraph")
            block = _block(_scalar(paragraph, "text", where, numbers=False) or "", locate)
            if block:
                num = (_scalar(paragraph, "num", where) or "").strip() or None
                body.append((num, block))
        # The article stands where its first located paragraph does.
        out.append((number, caption, next((b.line for _, b in body if b.line), 0), body))
    return out


def _block(raw: str, locate: _Locator) -> Block | None:
    """The block of the text ``raw`` at its source line; None for a text of no words."""
    words = display_text(unescape_entities(raw))
    return Block(words, locate.line_of(raw) or 0) if words else None


def _texts(obj: dict[str, Any], name: str) -> list[str]:
    """The texts of field ``name``: a string, a list of strings, or none (absent or
    null); FormatError for anything else."""
    value = obj.get(name)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    raise FormatError(f"field {name!r} must be a string or a list of strings")


def _refuse_unknown(obj: dict[str, Any], known: frozenset[str], where: str) -> None:
    """FormatError when ``obj`` has a field outside ``known`` holding text (a string, or
    one inside a list or object): that text would be left out of the comparison."""
    for name, value in obj.items():
        if name not in known and _holds_text(value):
            raise FormatError(
                f"{where}: field {name!r} holds text this format does not read "
                f"(it reads {', '.join(sorted(known))}); it would be left out of the comparison"
            )


def _holds_text(value: Any) -> bool:
    """Whether ``value`` is or holds a string with a letter or a digit in it."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str) and any(c.isalnum() for c in item):
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False
