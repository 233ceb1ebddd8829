"""Escaping instrument text for Markdown, so treaty words never turn into markup."""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~&])")


def escape(text: str) -> str:
    """Backslash-escape every CommonMark punctuation character that can start markup."""
    return _SPECIAL.sub(r"\\\1", text)
