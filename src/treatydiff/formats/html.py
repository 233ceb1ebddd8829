"""Web pages (HTML), saved from a browser or generated, read with lxml's HTML parser.

lxml (libxml2) is used rather than selectolax: it gives each element its source line,
which each block records as its position, and it is already needed for Word files.

* Encoding: from the byte-order mark, else the ``<meta>`` charset (labels as browsers
  read them: "iso-8859-1" is windows-1252), else UTF-8 when the bytes are valid UTF-8,
  else detected (charset-normalizer).
* Blocks and what the markup says of them: ``html_tree``.
* Left out: navigation, controls, consent banners, fallback content, text outside
  ``<main>``, footnote calls, text a tracked change removes (``html_tree``); page
  headers, footers, asides and hidden elements that carry no text of the instrument,
  and copyright notices at the page's edge (``html_furniture``); on a bilingual page,
  the other language. Each left-out text is reported with its reason and line
  (``Document.dropped``, shown by ``show --explain``).
* Bilingual pages: ``lang`` selects the blocks of one language (``html_languages``),
  hidden blocks included (a language switch hides the other).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from dataclasses import replace

import charset_normalizer
import lxml.html
from lxml import etree

from treatydiff.errors import ConfigError, FormatError
from treatydiff.formats.document import Document, Dropped, split
from treatydiff.formats.html_furniture import LINKS, carries_text, is_notice
from treatydiff.formats.html_languages import Marked, in_script_of, select
from treatydiff.formats.html_tree import Context, Read, Walker
from treatydiff.formats.options import ReadOptions, Revisions
from treatydiff.formats.reading import BYTE_ORDER_MARKS

# -- the encoding --------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([-\w.:]+)""", re.IGNORECASE)
# Labels browsers read otherwise than Python (WHATWG Encoding: windows-1252 for Latin-1
# and ASCII; a page declared UTF-16 in its own bytes is not UTF-16).
_BROWSER_LABELS = {
    "iso-8859-1": "windows-1252",
    "iso8859-1": "windows-1252",
    "latin1": "windows-1252",
    "latin-1": "windows-1252",
    "us-ascii": "windows-1252",
    "ascii": "windows-1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}


def encoding_of(data: bytes) -> str:
    """The encoding of the page ``data``: BOM, ``<meta>`` charset, UTF-8, detection.

    Raises FormatError when no encoding fits.
    """
    for bom, name in BYTE_ORDER_MARKS:
        if data.startswith(bom):
            return name
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        label = declared.group(1).decode("ascii", "replace").lower()
        label = _BROWSER_LABELS.get(label, label)
        try:
            return codecs.lookup(label).name
        except LookupError:
            pass  # an unknown label: as if none were declared
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise FormatError("cannot tell the text encoding of this page")
    return best.encoding


def decode(data: bytes) -> str:
    """The text of the page ``data`` in its encoding (undecodable bytes replaced)."""
    return data.decode(encoding_of(data), errors="replace")


# -- the page ------------------------------------------------------------------------


def _parse(data: bytes | str) -> etree._Element:
    text = data if isinstance(data, str) else decode(data)
    if not text.strip():
        raise FormatError("the page is empty")
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        return lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise FormatError(f"not a readable HTML page ({exc})") from None


def _reads(root: etree._Element, view: Revisions) -> list[Read]:
    main = next((e for e in root.iter() if e.tag == "main" or e.get("role") == "main"), None)
    walker = Walker(main, view)
    body = root.find("body")
    walker.walk(body if body is not None else root, Context(lang=(root.get("lang") or "").lower()))
    walker.flush()
    return walker.read


def _judged(reads: list[Read], lang: str) -> list[Read]:
    """``reads`` with each page header, footer, aside and hidden element judged as a
    whole: left out (a header, footer or aside) or hidden when it carries no text of
    the instrument in ``lang`` (``html_furniture.carries_text``), read as text when it
    does."""

    def carrying(group_of: Callable[[Context], int], *, hidden: bool) -> set[int]:
        groups: dict[int, list[tuple[str, float]]] = {}
        for r in reads:
            if r.context.drop is None and group_of(r.context):
                groups.setdefault(group_of(r.context), []).append((r.block.text, r.links))
        return {
            group
            for group, blocks in groups.items()
            if carries_text(blocks, lang=lang, hidden=hidden)
        }

    text_furniture = carrying(lambda c: c.furniture_group if c.furniture else 0, hidden=False)
    text_hidden = carrying(lambda c: c.hidden_group if c.hidden else 0, hidden=True)
    out: list[Read] = []
    for r in reads:
        context = r.context
        if context.drop is None and context.furniture is not None:
            # Kept for the text it carries, page furniture keeps out its links ("Terms of
            # use" under a testimonium).
            if context.furniture_group in text_furniture and r.links < LINKS:
                context = replace(context, furniture=None)
            else:
                context = replace(context, drop=context.furniture)
        if context.drop is None and context.hidden and context.hidden_group in text_hidden:
            context = replace(context, hidden=False)
        out.append(replace(r, context=context))
    return out


def _notices_left_out(reads: list[Read]) -> list[Read]:
    """``reads`` with the copyright notices at the page's edges left out: the first or
    last shown text of the page, alone in its element (the blocks one element holds,
    ``<br>`` breaking them, read together), short and a notice (``is_notice``). A notice
    amid the text, or text that only opens like one, is text."""
    shown = [i for i, r in enumerate(reads) if r.context.drop is None and not r.context.hidden]
    units: list[list[int]] = []
    for i in shown:
        if units and reads[units[-1][-1]].owner == reads[i].owner:
            units[-1].append(i)
        else:
            units.append([i])
    notices: set[int] = set()
    for order in (units, units[::-1]):
        for unit in order:
            if not is_notice(" ".join(reads[i].block.text for i in unit)):
                break
            notices.update(unit)
    return [
        replace(r, context=replace(r.context, drop="boilerplate")) if i in notices else r
        for i, r in enumerate(reads)
    ]


def read(data: bytes | str, *, lang: str = "en", options: ReadOptions | None = None) -> Document:
    """The instruments and left-out text of the page ``data`` (its bytes, or its text
    already decoded), in language ``lang`` where the page holds several; ``options``
    give the encoding and the view of tracked changes (``<del>``, ``<ins>``) read.

    Raises FormatError for a page without readable text in that language.
    """
    options = options or ReadOptions()
    data = data if options.encoding is None else _decoded(data, options.encoding)
    root = _parse(data)
    kept: list[Read] = []
    dropped: list[Dropped] = []
    for item in _notices_left_out(_judged(_reads(root, options.docx_revisions), lang)):
        if item.context.drop is not None:
            dropped.append(Dropped(item.context.drop, item.block.text, item.block.line))
        else:
            kept.append(item)
    marked = [Marked(r.block, r.context.lang, r.context.hidden) for r in kept]
    blocks, other = select(marked, lang)
    title_element = root.find("head/title")
    title = " ".join("".join(title_element.itertext() if title_element is not None else ()).split())
    if not in_script_of(title, lang):
        title = ""  # a title in another script (or in two) is not this language's
    return Document(
        parts=split(blocks, starts=frozenset(), lang=lang),
        dropped=tuple(sorted(dropped + other, key=lambda d: d.line)),
        title=title,
    )


def _decoded(data: bytes | str, encoding: str) -> str:
    """``data`` decoded as ``encoding``, named by the user. Raises ConfigError for an
    unknown encoding."""
    if isinstance(data, str):
        return data
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        raise ConfigError(f"unknown text encoding {encoding!r}") from None
