"""Damage in a PDF's text layer (OCR'd or retyped prints), repaired where certain.

* "1 . Each State Party": a space inside the paragraph number at the start of a line.
  No treaty writes a number, a space and a full stop there; it is "1.".
* "paragraph I of the present article": the capital I read for the digit 1 after
  "paragraph", "paragraphs" (also hyphenated across a line) or "article", in a document
  whose paragraphs and articles are numbered in Arabic figures (it has "1." paragraphs
  and no "I." one, and no "Article I"): there "paragraph I" can only be "paragraph 1".
* "... a contractual obligation. Article" / "12": a heading that the text layer ran on
  from the end of the paragraph before it, its number alone on the next line. Where the
  number is the next in sequence after the last "Article N" heading it is that heading.
* "l. States Parties shall ..." followed, with no heading between, by "2." as the next
  numbered paragraph: the letter l or the capital I read for the digit 1 of a paragraph
  number. A list of letters or Roman numbers goes on with "m." or "II.", not "2.".
* A capital I standing alone after a modal or "to" ("shall I take effect") is no word of
  a treaty, but what it stood for is not certain: it is reported, not changed.

Each repair and each suspect is returned with its page and the text before and after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from treatydiff.formats.pdf.layout import Line

_SPLIT_NUMBER = re.compile(r"^(\d{1,3}) \.(?=\s)")
_ROMAN_ONE = re.compile(r"\b((?:paragraphs?|article) )I\b(?![.\w])")
_STRAY_I = re.compile(r"\b(?:shall|may|will|should|must|not|to) I [a-z]{2,}\b")
_RUN_ON_ROMAN_ONE = re.compile(r"^(graphs? )I\b(?![.\w])")  # "para-" / "graph I"
_ARABIC_PARAGRAPH = re.compile(r"^\d{1,3}\s?\.\s")
_ROMAN_PARAGRAPH = re.compile(r"^(?:I\.\s|Article I\b)")
_ARTICLE = re.compile(r"^Article (\d+)$")
_DAMAGED_ONE = re.compile(r"^[lI]\.(?=\s)")
_PARAGRAPH_NUMBER = re.compile(r"^(\d{1,3})\.\s")
_HEADING = re.compile(r"^(?:Article|ARTICLE|Annex|ANNEX)\b")
_RUN_ON = re.compile(r"(?<=[.;:]) Article$")


@dataclass(frozen=True)
class Repair:
    """A change made to the text layer (``after`` differs from ``before``), or a suspect
    passage left as it stands (``after`` equals ``before``)."""

    page: int
    before: str
    after: str

    @property
    def repaired(self) -> bool:
        return self.before != self.after


def repair(lines: list[Line]) -> tuple[list[Line], list[Repair]]:
    """``lines`` with the certain damage repaired; the repairs and the suspects found."""
    arabic = any(_ARABIC_PARAGRAPH.match(line.text) for line in lines) and not any(
        _ROMAN_PARAGRAPH.match(line.text) for line in lines
    )
    lines, found = _run_on_headings(lines)
    out: list[Line] = []
    for k, line in enumerate(lines):
        text = _SPLIT_NUMBER.sub(r"\1.", line.text)
        if _DAMAGED_ONE.match(text) and _next_paragraph_number(lines, k + 1) == "2":
            text = _DAMAGED_ONE.sub("1.", text)
        if arabic:
            text = _ROMAN_ONE.sub(r"\g<1>1", text)
            # PDFium gives a hyphen that breaks a word at a line end as a soft hyphen.
            if out and out[-1].text.endswith(("para-", "para\u00ad")):
                text = _RUN_ON_ROMAN_ONE.sub(r"\g<1>1", text)
        if text != line.text:
            found.append(Repair(line.page, line.text, text))
            line = replace(line, text=text)
        found.extend(Repair(line.page, line.text, line.text) for _ in _STRAY_I.finditer(text))
        out.append(line)
    return out, found


def _next_paragraph_number(lines: list[Line], start: int) -> str | None:
    """The number of the first numbered paragraph ("2. ...") from ``start`` on, before
    any heading or other damaged-one line; None if there is none."""
    for line in lines[start:]:
        text = _SPLIT_NUMBER.sub(r"\1.", line.text)
        if _HEADING.match(text) or _DAMAGED_ONE.match(text):
            return None
        number = _PARAGRAPH_NUMBER.match(text)
        if number:
            return number[1]
    return None


def _run_on_headings(lines: list[Line]) -> tuple[list[Line], list[Repair]]:
    """Article headings run on into the paragraph before them, set apart again."""
    out = list(lines)
    found: list[Repair] = []
    last = 0
    for k, line in enumerate(out):
        heading = _ARTICLE.match(line.text)
        if heading:
            last = int(heading[1])
            continue
        after = out[k + 1] if k + 1 < len(out) else None
        if after is None or not _RUN_ON.search(line.text) or after.text != str(last + 1):
            continue
        before = f"{line.text} / {after.text}"
        out[k] = replace(line, text=line.text[: -len(" Article")])
        out[k + 1] = replace(after, text=f"Article {after.text}")
        found.append(Repair(line.page, before, f"{out[k].text} / {out[k + 1].text}"))
    return out, found
