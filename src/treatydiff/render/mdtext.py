"""Escaping instrument text for Markdown, so treaty words never turn into markup.

Only the characters that can open markup where they stand are escaped, so the escaped
text stays readable: "article 3 (1) (a)." stays as it is, while ``*``, ``_``, `` ` ``,
``[``, ``]``, ``<``, ``>``, ``|``, ``~``, ``$`` and ``\\`` are escaped everywhere, ``&``
where it would start an entity, and ``#``, ``-``, ``+``, ``=``, ``>`` or ``1.`` where they
would open a heading, list, quote or underline at the start of a line; web addresses
are kept from becoming links. The result is
CommonMark and GitHub-flavoured Markdown (tables, strikethrough, math) that renders back
to the same text.
"""

from __future__ import annotations

import re

from treatydiff.normalize import printable

# Characters that open inline markup anywhere: emphasis, code, links and images (``!``
# is inert once ``[`` is escaped), raw HTML and autolinks, table cells, strikethrough,
# math, and the escape character itself.
_INLINE = re.compile(r"([\\`*_\[\]<>|~$])")
# "&amp;", "&#38;": an ampersand that would start a character reference.
_ENTITY = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")
# Openers of block structure at the start of a line, after up to three spaces: headings,
# quotes, bullet and ordered list items, thematic breaks and setext underlines, fences.
_LINE_START = re.compile(r"^( {0,3})(#|>|[-+=]|\d{1,9}(?=[.)]))", re.MULTILINE)
# Four spaces or a tab would open an indented code block; two spaces before a line end
# would make a hard line break.
_INDENT = re.compile(r"^(?: {4,}|\t)", re.MULTILINE)
_TRAILING = re.compile(r"[ \t]+(?=\n)")
# A blank line would end the paragraph (or table cell) the text stands in.
_BLANK_LINES = re.compile(r"\n[ \t]*(?:\n[ \t]*)+")
# Web addresses that GitHub would turn into links: "http://", "www.".
_AUTOLINK = re.compile(r"(?<=\w)(:)(?=//)|\b(?<=www)(\.)")


def escape(text: str, *, at_line_start: bool = True) -> str:
    """``text`` as Markdown that displays exactly ``text``, with no markup.

    ``at_line_start=False`` when the text continues a line that already has content; the
    start of every following line is always treated as a line start.
    """
    # A carriage return ends a line in Markdown as a line feed does: make it one, so that
    # the line-start escapes below see every line. Other control characters are shown as
    # their symbols (``normalize.printable``): a terminal showing the Markdown acts on none.
    out = printable(text.replace("\r\n", "\n").replace("\r", "\n"))
    out = _INLINE.sub(r"\\\1", out)
    # "::" is escaped too ("\::", the same text): a CI log reads a line that begins with
    # "::" as a workflow command, and "[" is escaped above, so "##[" cannot be one either.
    out = _ENTITY.sub(r"\\&", out).replace("::", "\\::")
    out = _AUTOLINK.sub(r"\\\1\2", out)
    out = _TRAILING.sub("", _BLANK_LINES.sub("\n", out))
    if at_line_start:
        return _line_starts(out)
    head, newline, rest = out.partition("\n")
    return head + newline + _line_starts(rest) if newline else head


def _line_starts(text: str) -> str:
    return _LINE_START.sub(_escape_opener, _INDENT.sub("", text))


def _escape_opener(match: re.Match[str]) -> str:
    indent, opener = match.group(1), match.group(2)
    if opener.isdigit():
        # "1." opens an ordered list; escape the delimiter that follows the number.
        return f"{indent}{opener}\\"
    return f"{indent}\\{opener}"


def table_cell(text: str) -> str:
    """``text`` escaped for one cell of a GitHub table: on one line."""
    return escape(" ".join(text.split()), at_line_start=False)
