"""The text of an HTML block of a Markdown source (``formats.markdown``), read with the
standard library's html.parser: apart, so that the parser loads only for a text that has
HTML blocks."""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _HtmlText(HTMLParser):
    """The text of an HTML block, line by line: comments and ``<sup>`` calls dropped,
    raised digits after a digit read as an exponent (``html_furniture.raised_text``)."""

    def __init__(self, line: int) -> None:
        super().__init__(convert_charrefs=True)
        self.first = line
        self.pieces: list[tuple[int, str]] = []
        self.in_sup = 0
        self.raised: list[str] = []
        self.raised_at = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "sup" and not self.in_sup:
            self.raised_at = self.getpos()[0]
        self.in_sup += tag == "sup"
        if tag == "br":
            self.pieces.append((self.getpos()[0], " "))

    def handle_endtag(self, tag: str) -> None:
        if tag == "sup" and self.in_sup == 1:
            from treatydiff.formats.html_furniture import raised_text

            before = "".join(data for _, data in self.pieces[-3:])
            self.pieces.append((self.raised_at, raised_text("".join(self.raised), before)))
            self.raised = []
        self.in_sup = max(self.in_sup - (tag == "sup"), 0)

    def handle_data(self, data: str) -> None:
        if self.in_sup:
            self.raised.append(data)
        else:
            self.pieces.append((self.getpos()[0], data))

    def lines(self) -> list[tuple[int, str]]:
        by_line: dict[int, list[str]] = {}
        for start, data in self.pieces:
            for offset, text in enumerate(data.split("\n")):
                by_line.setdefault(self.first + start - 1 + offset, []).append(text)
        joined = ((number, "".join(texts).strip()) for number, texts in by_line.items())
        return [(number, text) for number, text in joined if text]


def html_lines(content: str, line: int) -> list[tuple[int, str]]:
    """The text lines (source line number, text) of the HTML block ``content`` that
    starts on source line ``line``: comments and ``<sup>`` footnote calls dropped (an
    exponent kept, ``html_furniture.raised_text``), other
    tags dropped and the text between them kept, ``<br>`` read as a space."""
    reader = _HtmlText(line)
    reader.feed(_unclosable_escaped(content))
    reader.close()
    return reader.lines()


# The ends html.parser looks for (as _markupbase spells them): of a comment, of a marked
# section ("<![CDATA[...]]>"), of a Microsoft one ("<![if !vml]>", from Word), and of every
# other markup ("<?...>", "<!...>", tags).
_COMMENT_END = re.compile(r"--\s*>")
_SECTION_END = re.compile(r"]\s*]\s*>")
_MS_SECTION_END = re.compile(r"]\s*>")
_MS_SECTION = re.compile(r"(?:if|else|endif)(?![-_.a-zA-Z0-9])", re.IGNORECASE)
_MARKUP_OPEN = re.compile(r"<(?:!--|!\[)?")


def _unclosable_escaped(content: str) -> str:
    """``content`` with the ``<`` of each comment, marked section or other markup that no
    end follows written ``&lt;``: html.parser reads such markup as text at the end anyway,
    but finds that out by searching to the end of the text for each one (quadratic in
    Python before 3.13.4 and 3.12.11: a line of 8,000 "<!--" took 2.5 s). Markup that has
    an end after it is left alone."""
    if "<!" not in content and content.rfind(">") > content.rfind("<"):
        return content  # every "<" has a ">" after it: the usual case
    last_end = content.rfind(">")
    last_comment_end = _last_start(_COMMENT_END, content)
    last_section_end = _last_start(_SECTION_END, content)
    last_ms_section_end = _last_start(_MS_SECTION_END, content)

    def escaped(opening: re.Match[str]) -> str:
        mark, end = opening.group(), opening.end()
        if mark == "<!--":
            closable = end <= last_comment_end
        elif mark == "<![":
            microsoft = _MS_SECTION.match(content, end) is not None
            closable = end <= (last_ms_section_end if microsoft else last_section_end)
        else:
            closable = end <= last_end
        return mark if closable else "&lt;" + mark[1:]

    return _MARKUP_OPEN.sub(escaped, content)


def _last_start(end: re.Pattern[str], text: str) -> int:
    """Where the last match of ``end`` in ``text`` starts; -1 for none."""
    start = -1
    for match in end.finditer(text):
        start = match.start()
    return start
