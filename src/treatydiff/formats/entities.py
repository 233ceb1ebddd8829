"""Character references (HTML entities) in the text of a format that writes them.

Only a well-formed reference is one: ``&name;`` for a name HTML5 defines, ``&#8805;`` or
``&#x2265;``, each closed by its semicolon, as XML and CommonMark require. HTML's
leniency that ``html.unescape`` follows (a few old names read without the semicolon, and
as the start of a longer word: "&notice" as "¬ice", "&sect 3" as "§ 3", "&copy" as "©")
is for browsers repairing pages; in the text of an instrument it would invent a
character where the source has words.
"""

from __future__ import annotations

import re

_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """``text`` with each well-formed character reference replaced by its characters; a
    name HTML5 does not define and any ``&`` not opening a reference stay as they are.
    A numeric reference to no character reads as ``html.unescape`` reads it (U+FFFD for
    a surrogate or one past U+10FFFF)."""
    if "&" not in text:
        return text
    return _REFERENCE.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    # Imported on first use: most texts hold no reference.
    import html
    from html.entities import html5

    reference = match.group()
    if reference[1] == "#":
        return html.unescape(reference)
    return html5.get(reference[1:], reference)
