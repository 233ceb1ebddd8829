"""The languages of a web page: which blocks a bilingual page holds in which language.

A page holds several languages when its blocks are in more than one script (Han, Latin,
Cyrillic, Arabic), or carry more than one ``lang`` attribute. A block's language is its
``lang`` attribute where that agrees with its script, else its script. A short label in
both scripts ("序言 Preamble", "第二條 Art. 二") keeps the words of the chosen script
where they head the text; a number in Han numerals after a Latin word is read as a number
("Art. 二" is "Art. 2"), so that the English view keeps its article numbers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from treatydiff.errors import FormatError
from treatydiff.formats.document import Dropped, structure_of
from treatydiff.segment.blocks import Block


@dataclass(frozen=True)
class Marked:
    """A block of a page with the language its markup declares ("" for none) and
    whether the page hides it."""

    block: Block
    lang: str
    hidden: bool


def _script(char: str) -> str | None:
    """The script of a letter: "Hani", "Latn", "Cyrl", "Arab", "other"; None for a
    character that is no letter."""
    if not char.isalpha():
        return None
    code = ord(char)
    if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
        return "Hani"
    if code >= 0x20000 and unicodedata.name(char, "").startswith("CJK"):
        return "Hani"
    if code < 0x250 or 0x1E00 <= code <= 0x1EFF:
        return "Latn"
    if 0x400 <= code <= 0x4FF:
        return "Cyrl"
    if 0x600 <= code <= 0x6FF:
        return "Arab"
    return "other"


_SCRIPT_OF_LANGUAGE = {"zh": "Hani", "ru": "Cyrl", "uk": "Cyrl", "ar": "Arab"}


def _language_script(lang: str) -> str:
    return _SCRIPT_OF_LANGUAGE.get(lang.partition("-")[0], "Latn")


def _scripts(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for char in text:
        script = _script(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    return counts


def in_script_of(text: str, lang: str) -> bool:
    """Whether every letter of ``text`` is in the script of language ``lang``."""
    return not _scripts(text).keys() - {_language_script(lang)}


def _main_script(text: str) -> str | None:
    counts = _scripts(text)
    return max(counts, key=lambda s: counts[s]) if counts else None


def _language(marked: Marked) -> str | None:
    """The language of a block: its ``lang`` attribute where that agrees with its
    script, else its script's name (None for a block without letters)."""
    script = _main_script(marked.block.text)
    if script is None:
        return None
    declared = marked.lang.partition("-")[0]
    if declared and _language_script(declared) == script:
        return declared
    return script


_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
               "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
_HAN_UNITS = {"十": 10, "百": 100, "千": 1000}
_HAN_NUMBER = re.compile(f"^[{''.join(_HAN_DIGITS)}{''.join(_HAN_UNITS)}]+$")


def han_number(text: str) -> int | None:
    """The value of a number in Han numerals ("五十三" is 53), or None."""
    if not _HAN_NUMBER.match(text):
        return None
    total, digit = 0, 0
    for char in text:
        if char in _HAN_DIGITS:
            digit = _HAN_DIGITS[char]
        else:
            total += (digit or 1) * _HAN_UNITS[char]
            digit = 0
    return total + digit


def _in_script(block: Block, script: str) -> tuple[Block | None, str]:
    """The words of a short label in two scripts that belong to ``script`` (numbers in
    Han numerals after a Latin word read as numbers), and the words left out (the
    numerals read so among them); None for a label with no word of ``script``."""
    kept: list[str] = []
    left: list[str] = []
    previous: str | None = None
    for word in block.text.split(" "):
        own = _main_script(word)
        number = han_number(word) if own == "Hani" else None
        if number is not None and previous == "Latn":
            own = "Latn"
            if script == "Latn":
                left.append(word)
                word = str(number)
        (kept if own is None or own == script else left).append(word)
        previous = own or previous
    text = " ".join(kept)
    if not _scripts(text):
        return None, block.text
    return Block(text, block.line, block.role), " ".join(left)


_LABEL_LENGTH = 80


def select(reads: Sequence[Marked], lang: str) -> tuple[list[Block], list[Dropped]]:
    """The blocks of the language ``lang`` and the others, dropped with their reason.

    A page holds several languages when its blocks are in more than one script, or carry
    more than one ``lang``; a page in one language is read whole, its hidden text left
    out. Raises FormatError when a page in several languages holds none in ``lang``.
    """
    present = {language for read in reads if (language := _language(read)) is not None}
    declared = {x for x in present if not _is_script(x)}
    scripts = {x if _is_script(x) else _language_script(x) for x in present}
    several = len(scripts) > 1 or len(declared) > 1
    wanted = lang.partition("-")[0]
    wanted_script = _language_script(wanted)
    chosen: list[Block] = []
    dropped: list[Dropped] = []
    for read in reads:
        block = read.block
        if not several:
            if read.hidden:
                dropped.append(Dropped("hidden", block.text, block.line))
            else:
                chosen.append(block)
            continue
        if len(_scripts(block.text)) > 1 and len(block.text) <= _LABEL_LENGTH:
            own, left = _in_script(block, wanted_script)
            if own is not None and _labels_structure(own, lang):
                chosen.append(own)
            elif own is not None:
                dropped.append(Dropped("boilerplate", own.text, block.line))
            if left:
                dropped.append(Dropped("other language", left, block.line))
            continue
        language = _language(read)
        if language in (None, wanted, wanted_script):
            chosen.append(block)
        else:
            dropped.append(Dropped("other language", block.text, block.line))
    if several and not any(_scripts(b.text) for b in chosen):
        raise FormatError(f"no {lang} text in this page; it holds {', '.join(sorted(present))}")
    return chosen, dropped


def _labels_structure(label: Block, lang: str) -> bool:
    """Whether a label in two scripts heads the text (a heading, or a structural unit
    such as "Art. 2"); any other ("54 條條文 Articles") is page furniture."""
    return label.role == "heading" or structure_of(label.text, lang=lang) is not None


def _is_script(language: str) -> bool:
    """Whether a block language is a script name ("Latn": a language the page does not
    declare) rather than a language code ("en")."""
    return language[:1].isupper()
