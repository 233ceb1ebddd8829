"""The title block of a plain text: where the body starts after it, the title, and
the adoption and entry-into-force lines as metadata and as the formulas of a preface.
"""

from __future__ import annotations

from collections.abc import Sequence

from treatydiff.formats.un_text_layout import TextLine, Words, words_of
from treatydiff.model import Clause, Metadata
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.eids import child_eid, component
from treatydiff.segment.markers import read_marker


def title_block(title_lines: list[TextLine], words: Words) -> tuple[str, Metadata, Clause | None]:
    """The title, the facts the title block states and its other lines as a preface.

    The adoption line ("Adopted and opened for signature ... resolution 54/263 of 25 May
    2000") and the entry-into-force line are facts of the metadata and words of the
    source: they are also compared, as the formulas of a ``preface`` (Akoma Ntoso's
    block before the preamble), so that a changed resolution number or date is a change.
    """
    title: list[TextLine] = []
    adoption: list[TextLine] = []
    entry: list[TextLine] = []
    target = title
    for line in title_lines:
        if words.adopted.match(line.text):
            target = adoption
        elif words.entry_into_force.match(line.text):
            target = entry
        target.append(line)
    metadata, preface = _preface(adoption, entry, words)
    return display_text(" ".join(line.text for line in title)), metadata, preface


def preface_of(blocks: Sequence[Block], *, lang: str) -> tuple[int, Metadata, Clause | None]:
    """The preface that opens the body of a document read in blocks (a web page, a Word
    file), whose title the format already gave: how many leading blocks it takes, the
    facts they state and the ``preface`` clause, as the title block of a plain text
    gives them (``parse_lines``). A preface is an adoption line, an entry-into-force
    line, or the one then the other, each one block; (0, empty metadata, None) when the
    body opens otherwise."""
    words = words_of(lang)
    adoption: list[TextLine] = []
    entry: list[TextLine] = []
    for block in blocks:
        line = TextLine(block.line, block.text)
        if not adoption and not entry and words.adopted.match(block.text):
            adoption.append(line)
        elif not entry and words.entry_into_force.match(block.text):
            entry.append(line)
        else:
            break
    metadata, preface = _preface(adoption, entry, words)
    return len(adoption) + len(entry), metadata, preface


def _preface(
    adoption: list[TextLine], entry: list[TextLine], words: Words
) -> tuple[Metadata, Clause | None]:
    """The facts of the adoption and entry-into-force lines, and the preface of their
    formulas (None when there are none)."""
    adoption_text = display_text(" ".join(line.text for line in adoption)) or None
    entry_text = display_text(" ".join(line.text for line in entry))
    metadata = Metadata(
        adoption=adoption_text,
        adopted=_iso_date(adoption_text or "", words, last=True),
        entry_into_force=_iso_date(entry_text, words),
    )
    preface_eid = component("preface", None, position=1)
    formulas = [
        Clause(
            child_eid(preface_eid, "formula", component("formula", str(n), position=n)),
            "formula",
            num=str(n),
            text=display_text(" ".join(line.text for line in block)),
            line=block[0].number,
        )
        for n, block in enumerate((b for b in (adoption, entry) if b), start=1)
    ]
    preface = Clause(preface_eid, "preface", children=tuple(formulas)) if formulas else None
    return metadata, preface


def _iso_date(text: str, words: Words, *, last: bool = False) -> str | None:
    dates = words.date.findall(text)
    if not dates:
        return None
    day, month, year = dates[-1] if last else dates[0]
    return f"{year}-{words.months.index(month) + 1:02d}-{int(day):02d}"


def body_start_index(lines: list[TextLine], words: Words) -> int:
    """Index of the line where the body of ``lines`` starts, after the title block; 0
    for a text with no title block.

    The body starts at the words that open one or a recital ("The States Parties",
    "Preamble", "Article 1", "Recognizing"), or before them at a container heading
    ("PART I") or an article heading of any number ("Article 3": an excerpt, whose
    article may itself open with such words) that ends the title block. A title
    block is a few lines of words with no list marker, no sentence's end and no modal or
    auxiliary verb, whose last word is no function word ("... of the" / "Article 3").
    """
    opener = next(
        (
            k
            for k, line in enumerate(lines)
            if words.body_start.match(line.text) or words.recital_start.match(line.text)
        ),
        None,
    )
    for k in range(1, len(lines) if opener is None else opener):
        heading = words.heading.match(lines[k].text)
        if heading is None or heading["attachment"]:
            continue
        return k if _is_title_block(lines[:k], words) else opener or 0
    return opener or 0


# A title block holds at most this many lines: more is text.
_TITLE_LINES = 8


def _is_title_block(lines: list[TextLine], words: Words) -> bool:
    """Whether the lines before a heading may all be a title block (see ``body_start_index``):
    its adoption and entry-into-force lines aside."""
    title = [
        line.text
        for line in lines
        if line.text
        and not words.adopted.match(line.text)
        and not words.entry_into_force.match(line.text)
    ]
    if not title or len(title) > _TITLE_LINES:
        return False
    title_words = " ".join(title).lower().split()
    return (
        not any(read_marker(text) or text.endswith((".", ";", ":", ",")) for text in title)
        and not words.verbs & set(title_words)  # "The Committee shall act in accordance with"
        and title_words[-1] not in words.not_caption_end
        and words.reference_end.search(title[-1]) is None
    )
