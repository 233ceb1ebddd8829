"""Plain text in the UN/OHCHR layout, typed or extracted from a PDF.

Hard-wrapped lines are joined into paragraphs. A paragraph starts at a blank line, at a
heading ("Article 3", "PART II"), or at a list marker ("1.", "(a)", "a)", "(i)", "a.") that
follows the end of a sentence or clause; the preamble's recitals are told apart by their
opening words in the segmenter. End-of-line hyphenation is undone where the document
itself shows the unhyphenated word, or the language's word list knows it and not both of
its pieces, and kept otherwise (real hyphens survive: "re-" / "sign"). Running headers,
footers and page numbers are dropped, also where they interrupt a paragraph (with the
blank lines around them where the paragraph goes on after them). The title block and the
"Adopted ..." and "entry into force ..." lines become metadata.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from treatydiff import lang
from treatydiff.errors import FormatError
from treatydiff.formats import footnotes
from treatydiff.lang.words import Lexicon
from treatydiff.model import Clause, Guess, Instrument, Metadata, Note
from treatydiff.normalize import OPTIONAL_HYPHEN, display_text
from treatydiff.segment.blocks import Block, BlockRole
from treatydiff.segment.eids import child_eid, component
from treatydiff.segment.markers import (
    DESIGNATION,
    comes_after,
    follows,
    is_first_item,
    list_level,
    read_marker,
)
from treatydiff.segment.notes import attach
from treatydiff.segment.tree import segment
from treatydiff.segment.vocabulary import ORDINAL_INDICATOR, alternatives

_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014\s]*(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?[-\u2013\u2014\s]*$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTERS_BACKWARDS = re.compile(r"[^\W\d_]+")  # matched on reversed text, at its start
# How much of the end of a paragraph ``ends_clause`` looks at: a search over the whole
# paragraph for each of its lines would be quadratic.
_CLAUSE_END_WINDOW = 1000
# Page furniture that may stand at one page break only: a UN document symbol
# ("A/CONF.999/12", "CRC/C/GC/12", "E/CN.4/2000/L.1", "A/RES/48/263"), and the
# volume and registration lines of the Treaty Series ("United Nations — Treaty Series
# • Nations Unies — Recueil des Traités 2171", "Vol. 2171, I-27531").
_DOCUMENT_SYMBOL = re.compile(r"^[A-Z]{1,8}(?:/[A-Z0-9][A-Za-z0-9.\-]*){1,6}$")
_ONE_OFF_FURNITURE = re.compile(
    rf"{_DOCUMENT_SYMBOL.pattern}"
    r"|^(?i:.{0,80}\b(?:treaty\s+series|recueil\s+des\s+trait\S*)\b.{0,80}\d)$"
    r"|^(?i:vol(?:ume|\.)?\s*\d+(?:\s*,\s*[I1]\s*-\s*\d+)?)$"
)


# The designations of a first article: "Article 1", "Article I", "Article A".
_FIRST_DESIGNATIONS = frozenset({"1", "I", "A"})


@dataclass(frozen=True)
class _Words:
    """The patterns of one language for this layout (from ``treatydiff.lang``)."""

    # An article number written as a word, as printed, to the number ("segundo": "2").
    article_numbers: Mapping[str, str]

    heading: re.Pattern[str]  # a heading line; group "article" or "attachment" set for one
    # The first line after the title block: the words that open an instrument's body,
    # else (a preamble with no formula) a recital's opening words.
    body_start: re.Pattern[str]
    recital_start: re.Pattern[str]
    adopted: re.Pattern[str]
    entry_into_force: re.Pattern[str]
    date: re.Pattern[str]  # "20 November 1989": groups day, month, year
    months: tuple[str, ...]
    # A list item ends with "." or ";" or ":", or with "; or", "; and"; only then may a
    # marker at the start of the next line open a new item rather than continue the sentence.
    ends_clause: re.Pattern[str]
    # Words capitalized only where a sentence starts ("The Hague", "No. 182" aside): the
    # language's sentence openers and any capitalized function word ("At the request").
    sentence_start: re.Pattern[str]
    # A cross-reference word at the end of a text ("... referred to in article").
    reference_end: re.Pattern[str]
    # Words that cannot end a caption: function words, conjunctions; and verbs no
    # caption holds, modal and auxiliary ("Each Party shall notify the" is a wrapped
    # sentence).
    not_caption_end: frozenset[str]
    verbs: frozenset[str]
    # The language's word list: a line-end hyphen inside a word the document never
    # prints whole ("subst-" / "itution") is undone when the list knows the whole word.
    lexicon: Lexicon


@cache
def _words(code: str) -> _Words:
    language = lang.get(code)
    article = alternatives(language.article_words)
    containers = alternatives(
        form for word in language.container_words for form in (word.upper(), word.capitalize())
    )
    preamble = alternatives(language.preamble_words)
    attachment = alternatives(language.attachment_words)
    not_openers = alternatives(language.not_sentence_openers)
    openers = {*language.sentence_openers, *(w.capitalize() for w in language.function_words)}
    # The first article's number, in digits or as a word ("Article premier": group "one").
    ones = ("1", *language.article_one_words)
    first = alternatives(f"{word} {one}" for word in language.article_words for one in ones)
    one = alternatives(language.article_number_words)
    number = rf"{DESIGNATION}|(?P<one>{one})" if one else DESIGNATION
    return _Words(
        article_numbers=language.article_number_words,
        heading=re.compile(
            rf"^(?:(?P<article>{article})\s*(?P<num>{number}){ORDINAL_INDICATOR}\.?"
            rf"|(?:{containers})\s+(?:[IVXLC]+|\d+[A-Z]?)\.?"
            rf"|(?P<attachment>{attachment})(?:\s+{DESIGNATION})?\.?|{preamble})$"
        ),
        body_start=re.compile(
            rf"^(?:(?:{alternatives(language.body_openers)})\b|(?:{preamble})\b"
            rf"|(?:{first}){ORDINAL_INDICATOR}(?!\w))"
        ),
        recital_start=re.compile(rf"^(?:{alternatives(language.recital_openers)})\b"),
        adopted=re.compile(rf"^(?:{alternatives(language.adoption_words)})\b", re.IGNORECASE),
        entry_into_force=re.compile(
            rf"^(?:{alternatives(language.entry_into_force_words)})\b", re.IGNORECASE
        ),
        # "20 November 1989"; Spanish joins the parts with "de" ("12 de febrero de 2002").
        date=re.compile(
            rf"\b(\d{{1,2}})\s+(?:de\s+)?({alternatives(language.months)})\s+(?:de\s+)?(\d{{4}})\b"
        ),
        months=language.months,
        ends_clause=re.compile(
            rf"(?:[.:;]|[;,]\s+(?:{alternatives(language.conjunctions)})|\s[-\u2013\u2014])$"
        ),
        sentence_start=re.compile(
            (rf"^(?!{not_openers})" if not_openers else "^")
            + rf"(?:{alternatives(sorted(openers))})\b"
        ),
        reference_end=re.compile(
            rf"(?:^|\s)(?:{alternatives(sorted(language.cross_reference_words))})$",
            re.IGNORECASE,
        ),
        not_caption_end=language.function_words | set(language.conjunctions),
        verbs=language.modal_verbs | language.auxiliary_verbs,
        lexicon=Lexicon.of([code]),
    )


@dataclass(frozen=True)
class TextLine:
    """One line of the text: its 1-based source line number and its stripped text.

    An importer that knows more than the words (the PDF importer sees fonts and
    positions) may set ``role`` to say the line is a heading or caption.
    """

    number: int
    text: str  # stripped; empty for a blank line
    role: BlockRole | None = None


def _noise_lines(lines: list[str], words: _Words) -> set[int]:
    """Indexes of page numbers and of running headers and footers.

    A running header or footer is a line standing next to a page break (a form feed or
    a page number) whose text, digits aside, recurs next to at least half the page
    breaks: a short line of text can recur next to a few of them ("Convention."). A
    line that ends the sentence the line before it left open is text.
    """
    noise = {i for i, line in enumerate(lines) if _PAGE_NUMBER.match(line.strip())}
    breaks = _page_breaks(sorted(noise | {i for i, line in enumerate(lines) if "\f" in line}))
    seen: dict[str, set[int]] = {}  # the text of a candidate line: the breaks it stands at
    at: dict[int, str] = {}
    for n, (first, last) in enumerate(breaks):
        for i in range(max(first - 2, 0), min(last + 3, len(lines))):
            text = lines[i].replace("\f", "").strip()
            if i in noise or not text or len(text) > 120:
                continue
            if words.heading.match(text) or read_marker(text) or _ends_open_sentence(lines, i):
                continue
            at[i] = re.sub(r"\d+", "#", text)
            seen.setdefault(at[i], set()).add(n)
    running = {text for text, near in seen.items() if len(near) >= max(2, len(breaks) / 2)}
    one_off = {i for i in at if _ONE_OFF_FURNITURE.match(lines[i].replace("\f", "").strip())}
    return (
        noise
        | one_off
        | _interrupting_symbols(lines)
        | {i for i, text in at.items() if text in running}
    )


def _interrupting_symbols(lines: list[str]) -> set[int]:
    """Indexes of document symbols standing alone inside a sentence, away from any page
    break that tells: the line before ends no sentence, the line after goes on with a
    small letter ("... into coastal" / "A/CONF.999/12" / "waters;")."""
    out: set[int] = set()
    for i in range(1, len(lines) - 1):
        if not _DOCUMENT_SYMBOL.match(lines[i].strip()):
            continue
        before, after = lines[i - 1].strip(), lines[i + 1].strip()
        if before and not before.endswith((".", ";", ":")) and after[:1].islower():
            out.add(i)
    return out


def _page_breaks(lines: list[int]) -> list[tuple[int, int]]:
    """The page breaks, as (first, last) line indexes: break lines ``lines`` (sorted)
    that stand within three lines of each other make one break."""
    breaks: list[tuple[int, int]] = []
    for i in lines:
        if breaks and i - breaks[-1][1] <= 3:
            breaks[-1] = (breaks[-1][0], i)
        else:
            breaks.append((i, i))
    return breaks


def _ends_open_sentence(lines: list[str], i: int) -> bool:
    """Whether line ``i`` closes a sentence that the line before it left open
    ("... established in accordance with this" / "Convention.")."""
    before = lines[i - 1].strip() if i else ""
    stops = (".", ",", ";", ":")
    return (
        lines[i].rstrip().endswith(stops)
        and bool(before)
        and not before.endswith(stops)
        and not _PAGE_NUMBER.match(before)
    )


def _blank_lines_inside_paragraphs(lines: list[str], noise: set[int], words: _Words) -> set[int]:
    """Indexes of the blank lines around page breaks that do not end a paragraph.

    In a document with blank lines around its page breaks alone, they are page furniture
    like the headers and footers they surround. Elsewhere they stand inside a paragraph
    where the text before the break ends no sentence or clause or the text after starts
    with a small letter ("..., or" / "of public health"), and the text after opens no
    heading or list item (a number after a cross-reference word opens none).
    """
    gaps = _gaps(lines, noise)
    at_breaks = [(start, end) for start, end in gaps if not noise.isdisjoint(range(start, end))]
    furniture_only = len(at_breaks) == len(gaps)
    inside: set[int] = set()
    for start, end in at_breaks:
        before, after = lines[start - 1].strip(), lines[end].strip()
        # A number after a cross-reference word ("paragraph" / page break / "1.f.") goes
        # on with the sentence, as it does inside a page.
        reference = words.reference_end.search(before) is not None
        opens_unit = words.heading.match(after) or (read_marker(after) and not reference)
        goes_on = not words.ends_clause.search(before) or after[:1].islower()
        if furniture_only or (goes_on and not opens_unit):
            inside.update(k for k in range(start, end) if k not in noise)
    return inside


def _gaps(lines: list[str], noise: set[int]) -> list[tuple[int, int]]:
    """Runs of blank and noise lines between two lines of text, as (start, end) indexes."""
    text = [i for i, line in enumerate(lines) if i not in noise and line.strip()]
    return [(a + 1, b) for a, b in pairwise(text) if b > a + 1]


def _vocabulary(lines: list[TextLine]) -> tuple[set[str], set[str]]:
    """Words of the document, and its hyphenated compounds, both lowercased."""
    words: set[str] = set()
    compounds: set[str] = set()
    for line in lines:
        for match in _WORD.finditer(line.text):
            word = match.group().lower()
            if "-" in word:
                compounds.add(word)
                words.update(word.split("-"))
            else:
                words.add(word)
    return words, compounds


def _joint(
    pieces: list[str],
    right: TextLine,
    words: set[str],
    compounds: set[str],
    lexicon: Lexicon,
    guesses: list[Guess],
) -> str:
    """What joins the next wrapped line ``right`` to a paragraph so far (its lines
    ``pieces``): a space, or nothing where end-of-line hyphenation is undone for certain,
    in which case the hyphen ending the last piece is dropped from it.

    Certain: the document prints the whole word elsewhere and never the hyphenated
    compound; or the language's word list (``lexicon``) knows the whole word and not both
    pieces ("mili-" / "tary", "subst-" / "itution") and the hyphen tells no two words
    apart. Two words on either side of the
    hyphen ("re-" / "sign", "non-" / "governmental") keep it: the compound may be meant.
    Kept where the document prints the compound elsewhere; kept as printed, and added to
    ``guesses``, where the hyphen tells two words apart (``Lexicon.hyphen_tells_apart``:
    "re-" / "sign" may be "resign" or "re-sign"; a comparison then shows the change
    against either, never hides it); otherwise kept as an optional hyphen
    (``normalize.OPTIONAL_HYPHEN``), the word read the same with or without it ("socio-"
    / "economic"), since the comparison key keeps every other hyphen inside a word.

    Linear in the hyphenated word, never in the paragraph: the letters before the hyphen
    are read backwards from the end.
    """
    left = pieces[-1]
    if left.endswith("\u00ad"):
        return ""
    if not (left.endswith("-") and right.text[:1].islower()):
        return " "
    head = _letters_before_hyphen(pieces)
    if not head:
        return " "
    tail_match = _WORD.match(right.text)
    tail = tail_match.group().split("-")[0] if tail_match else ""
    whole = (head + tail).lower()
    if f"{head}-{tail}".lower() in compounds:
        return ""
    if whole in words:
        pieces[-1] = left[:-1]
    elif lexicon.hyphen_tells_apart(head, tail):
        guesses.append(
            Guess(
                "hyphen",
                right.number,
                f"{head}- / {tail}",
                f'the hyphen ending the line before kept: read as "{head}-{tail}", which may'
                f' be "{head}{tail}"',
            )
        )
    elif lexicon.is_word(whole) and not (lexicon.is_word(head) and lexicon.is_word(tail)):
        pieces[-1] = left[:-1]
    else:
        pieces[-1] = left[:-1] + OPTIONAL_HYPHEN
    return ""


def _letters_before_hyphen(pieces: list[str]) -> str:
    """The letters that end the paragraph ``pieces`` before its final hyphen, across
    pieces joined without a space ("interna" of "... inter", "", "na-")."""
    backwards: list[str] = []
    for index in range(len(pieces) - 1, -1, -1):
        text = pieces[index][:-1] if index == len(pieces) - 1 else pieces[index]
        letters = _LETTERS_BACKWARDS.match(text[::-1])
        run = letters.group() if letters else ""
        backwards.append(run)
        if len(run) < len(text):
            break
    return "".join(backwards)[::-1]


def _title_block(title_lines: list[TextLine], words: _Words) -> tuple[str, Metadata, Clause | None]:
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
    words = _words(lang)
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
    adoption: list[TextLine], entry: list[TextLine], words: _Words
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


def _iso_date(text: str, words: _Words, *, last: bool = False) -> str | None:
    dates = words.date.findall(text)
    if not dates:
        return None
    day, month, year = dates[-1] if last else dates[0]
    return f"{year}-{words.months.index(month) + 1:02d}-{int(day):02d}"


def _heading_lines(lines: list[TextLine], words: _Words, guesses: list[Guess]) -> set[int]:
    """Indexes of the heading lines ("Article 12", "PART II"); the article headings read
    on weak evidence, and those read as text, are added to ``guesses``.

    A wrapped sentence can put "Article 20." alone on a line: a heading is the next
    article in sequence, or a line that follows the end of a sentence. An article whose
    number comes before the last one's ("Article 2" after "Article 3": the source swapped
    them) is one where it follows the end of a sentence and a sentence or a list starts
    after it, and its number was not used yet.
    """
    headings: set[int] = set()
    last: str | None = None  # the designation of the last article heading
    seen: set[str] = set()  # the designations of the articles read so far
    for i, line in enumerate(lines):
        match = words.heading.match(line.text)
        if not match:
            continue
        previous = lines[i - 1].text if i else ""
        after_sentence = (
            not previous
            or previous.endswith((".", ":", ";"))
            or previous.isupper()
            or i - 1 in headings
        )
        if not match["article"]:
            # A container word in capitals alone on its line ("CHAPTER I") is a heading
            # even after a sentence the source left open.
            if after_sentence or line.text.split()[0].isupper():
                headings.add(i)
                if match["attachment"]:
                    last = None  # an annexed statute numbers its articles afresh
                    seen.clear()
            continue
        word = match.groupdict().get("one")
        num = words.article_numbers[word] if word else " ".join(match["num"].split())
        after = _next_text_line(lines, i + 1)
        following = lines[after].text if after < len(lines) else ""
        opens = not following or following[:1].isupper() or read_marker(following) is not None
        out_of_order = False
        if last is None:
            in_order = num in _FIRST_DESIGNATIONS or after_sentence
        else:
            # Later, or of an order not known ("A bis" after "XIV").
            later = num != last and not comes_after(num, last)
            in_order = follows(last, num) or (after_sentence and later)
            out_of_order = not in_order and after_sentence and opens and num not in seen
        if out_of_order:
            detail = f"read as article {num} though it comes after article {last}"
            guesses.append(Guess("number mid-line", line.number, line.text, detail))
        if in_order or out_of_order:
            headings.add(i)
            last = num
            seen.add(num)
        else:
            detail = "read as words of the sentence before it, not as an article heading"
            guesses.append(Guess("number mid-line", line.number, line.text, detail))
    return headings


_CAPTION_LENGTH = 240
_WORD_EDGES = ",;:.!?()\"'’“”"


def _caption_lines(lines: list[TextLine], headings: set[int], words: _Words) -> set[int]:
    """Indexes of the lines that caption a heading ("Article 2" / "Use of terms").

    A caption follows a heading, ends without punctuation, and is followed by a blank
    line, a list marker, or a word capitalized only where a sentence starts ("This"), or
    ends before the width of the text (a body line wraps where the next word no longer
    fits: "Each Party shall notify the" / "Secretary-General" in a 42-column text) and is
    followed by a capital letter. It holds no modal or auxiliary verb ("shall", "is") and
    ends with no function word. A caption may wrap (twice, more in a narrow column). Blank
    lines may stand before it, not inside.
    """
    lengths = sorted(len(line.text) for line in lines if line.text)
    # The width the text is wrapped at: nine lines in ten end before it.
    width = lengths[int(len(lengths) * 0.9)] if lengths else 80
    # A caption of up to about 240 characters: three lines, more in a narrow column.
    most = max(3, _CAPTION_LENGTH // max(width, 1))
    captions: set[int] = set()
    for i in sorted(headings):
        first = _next_text_line(lines, i + 1)
        for size in range(1, most + 1):
            run = lines[first : first + size]
            after = _next_text_line(lines, first + size)
            if len(run) < size or after == len(lines) or not all(r.text for r in run):
                break
            if any(k in headings or read_marker(r.text) for k, r in enumerate(run, first)):
                break
            if sum(len(r.text) + 1 for r in run) > _CAPTION_LENGTH:
                break  # a paragraph, not a caption
            last_line = run[-1].text
            if (
                last_line.endswith((".", ";", ":", "\u2013", "\u2014"))
                or last_line.endswith("-")
                and not last_line[-2:-1].isalpha()
            ):
                break  # a sentence, or a chapeau ending with a dash before its list
            if run[-1].text.endswith(","):
                continue  # a caption may wrap after a comma, but does not end with one
            run_words = " ".join(r.text for r in run).lower().split()
            # "shall," is the modal still: a comma after it is no caption's word end.
            if words.verbs & {word.strip(_WORD_EDGES) for word in run_words}:
                break  # the first line of a wrapped sentence, not a caption
            if run_words[-1] in words.not_caption_end:
                continue  # a caption may wrap after "and", but does not end with it
            next_text = lines[after].text
            if next_text[:1].islower() and read_marker(next_text) is None:
                continue  # the next line goes on with the sentence of this one
            own_block = after > first + size  # a blank line follows
            before_structure = read_marker(next_text) is not None or after in headings
            opens_sentence = words.sentence_start.match(next_text) is not None
            # The line ended because the next word did not fit: a wrap, no caption's end.
            full = len(run[-1].text) + 1 + len(next_text.split()[0]) > width
            if full and not (own_block or before_structure or opens_sentence):
                continue
            short = next_text[:1].isupper()
            upper = all(r.text.isupper() for r in run)
            if own_block or before_structure or short or opens_sentence or upper:
                captions.update(range(first, first + size))
                break
    return captions


def _next_text_line(lines: list[TextLine], start: int) -> int:
    """Index of the first line from ``start`` on that is not blank; len(lines) if none."""
    return next((k for k in range(start, len(lines)) if lines[k].text), len(lines))


def _paragraphs(lines: list[TextLine], language: _Words, guesses: list[Guess]) -> list[Block]:
    """The blocks of the body ``lines``; the guesses made on weak evidence are added to
    ``guesses``."""
    words, compounds = _vocabulary(lines)
    headings = _heading_lines(lines, language, guesses) | {
        i for i, ln in enumerate(lines) if ln.role == "heading"
    }
    captions = _caption_lines(lines, headings, language) | {
        i for i, ln in enumerate(lines) if ln.role == "caption"
    }
    guesses += [
        Guess("caption", lines[i].number, lines[i].text, "read as the caption of the heading above")
        for i in sorted(captions)
    ]
    blocks: list[Block] = []
    pieces: list[str] = []  # the lines of the paragraph being read, hyphens undone
    spans: list[tuple[int, int]] = []
    length = 0  # of the paragraph so far, joined
    role: BlockRole = "text"
    previous: TextLine | None = None
    # The open list levels, outermost first, as (marker shape, last item number): one
    # shape may serve two levels ("(a)" > "(i)" > "(a)"), and an item after an inner list
    # ends ("(b)" after "(ii)") goes on with the outer level whose last item it follows.
    levels: list[tuple[str, str | None]] = []

    def flush() -> None:
        nonlocal pieces, spans, length
        if pieces:
            blocks.append(Block("".join(pieces), spans[0][1], role, tuple(spans)))
        pieces, spans, length = [], [], 0

    def paragraph_end() -> str:
        """The end of the paragraph so far (not only its last line: "and" may stand alone
        on a line), as much as ``ends_clause`` and ``reference_end`` look at."""
        tail: list[str] = []
        size = 0
        for piece in reversed(pieces):
            tail.append(piece)
            size += len(piece)
            if size >= _CLAUSE_END_WINDOW:
                break
        return "".join(reversed(tail))

    for index, line in enumerate(lines):
        if not line.text:
            flush()
            previous = None
            continue
        line_role: BlockRole = "text"
        if index in headings:
            line_role = "heading"
        elif index in captions:
            line_role = "caption"
        # "(c)" after "(b)" is a letter, not the Roman hundred; after a chapeau ("(h) ...:")
        # "(i)" opens a nested list of Roman numerals.
        chapeau = bool(pieces) and pieces[-1].endswith(":")
        open_alpha = [] if chapeau else [num or "" for style, num in levels if "alpha" in style]
        marker = read_marker(line.text, previous_alpha=open_alpha)
        if line_role == "heading":
            levels.clear()
        starts_new = previous is None or line_role != role or line_role == "heading"
        if marker is not None and not starts_new:
            text = paragraph_end()
            ends = language.ends_clause.search(text) is not None
            # "2." after "1." opens an item even where the source lost a full stop ...
            level = list_level(levels, marker)
            last = levels[level][1] if level is not None else None
            in_sequence = follows(last, marker.num)
            # ... but not where it goes on with a cross-reference ("in article" / "2."),
            # nor, for an item that opens no list, where no earlier item of its list
            # stands before it ("... these factors, or" / "(ii) a group", its "(i)"
            # inside a line).
            reference = language.reference_end.search(text) is not None
            plausible = (
                in_sequence
                or marker.style == "dash"  # indents carry no number to check
                or is_first_item(marker.num)
                or (last is not None and comes_after(last, marker.num))
                # "ii." after "(i)": the source changed the shape of its markers
                or any(follows(num, marker.num) for _, num in levels)
            )
            # A bracketed first item opens a list even after a chapeau that lost its colon
            # ("... unless the new Convention otherwise provides" / "(a) the ..."), not
            # after a comma, where a list runs inside the sentence (", (i) persons").
            open_end = text[-1:].isalpha() or text.endswith(("-", "\u2013", "\u2014"))
            opens_list = is_first_item(marker.num) and marker.style.endswith(")") and open_end
            starts_new = not reference and plausible and (ends or in_sequence or opens_list)
            if not starts_new:
                detail = f"read as words of the sentence before it, not as item {marker.num}"
                guesses.append(Guess("number mid-line", line.number, line.text, detail))
            elif not ends:
                detail = (
                    f"read as item {marker.num} after item {last}, though the line "
                    "before ends no sentence"
                )
                guesses.append(Guess("number mid-line", line.number, line.text, detail))
        if starts_new and marker is not None:
            level = list_level(levels, marker)
            del levels[len(levels) if level is None else level :]
            levels.append((marker.style, marker.num))
        if starts_new:
            flush()
            pieces, spans, role, length = [line.text], [(0, line.number)], line_role, len(line.text)
        else:
            before = len(pieces[-1])
            joint = _joint(pieces, line, words, compounds, language.lexicon, guesses)
            length += len(pieces[-1]) - before + len(joint)
            spans.append((length, line.number))
            pieces += [joint, line.text]
            length += len(line.text)
        previous = line
    flush()
    return blocks


def parse(text: str, *, lang: str = "en", part: int = 1) -> Instrument:
    if part != 1:
        raise FormatError(
            f"a plain text holds one instrument; there is no part {part}, only part 1"
        )
    words = _words(lang)
    notes = footnotes.find(text.split("\n"))
    raw_lines = notes.lines
    furniture = _noise_lines(raw_lines, words)
    noise = furniture | notes.note_lines
    noise |= _blank_lines_inside_paragraphs(raw_lines, noise, words)
    guesses = [*notes.guesses]
    guesses += [
        Guess(
            "header dropped",
            i + 1,
            raw_lines[i].replace("\f", "").strip(),
            "read as page furniture",
        )
        for i in sorted(furniture)
        if raw_lines[i].strip()
    ]
    lines = [
        TextLine(i + 1, raw.replace("\f", "").strip())
        for i, raw in enumerate(raw_lines)
        if i not in noise
    ]
    return parse_lines(lines, lang=lang, guesses=guesses, cited=notes.cited)


def body_start(lang: str = "en") -> re.Pattern[str]:
    """The pattern of the words that open the body of an instrument in ``lang``, after
    its title block ("The States Parties", "Preamble", "Article 1"); a recital's opening
    words ("Recognizing") are none: they open the body only of a text that has no such
    words (``parse_lines``)."""
    return _words(lang).body_start


def _body_start(lines: list[TextLine], words: _Words) -> int:
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


def _is_title_block(lines: list[TextLine], words: _Words) -> bool:
    """Whether the lines before a heading may all be a title block (see ``_body_start``):
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


def ends_clause(lang: str = "en") -> re.Pattern[str]:
    """The pattern of the end of a sentence or list item in ``lang`` (".", ":", ";",
    "; and", "; or"): a list marker at the start of the next line may open an item."""
    return _words(lang).ends_clause


def reference_end(lang: str = "en") -> re.Pattern[str]:
    """The pattern of a cross-reference word that ends a text in ``lang`` ("... of
    subparagraph"): the number after it goes on with the sentence, opens no item."""
    return _words(lang).reference_end


def parse_lines(
    lines: list[TextLine],
    *,
    lang: str = "en",
    start: int | None = None,
    guesses: Sequence[Guess] = (),
    cited: Sequence[tuple[int, Note]] = (),
) -> Instrument:
    """The instrument in ``lines`` (page furniture already dropped): the title block, then
    the body from line index ``start`` (where the opening words stand when None).

    ``guesses`` are those made before (a dropped header, a footnote read), ``cited`` the
    footnotes read at page feet with the lines citing them; the instrument carries the
    guesses with those of the segmentation, in source order."""
    words = _words(lang)
    if start is None:
        start = _body_start(lines, words)
    title_lines = [line for line in lines[:start] if line.text]
    title, metadata, preface = _title_block(title_lines, words)
    found = list(guesses)
    blocks = _paragraphs(lines[start:], words, found)
    body = attach(segment(blocks, lang=lang), cited)
    found.sort(key=lambda guess: guess.line or 0)
    return Instrument(
        id="",
        title=title,
        metadata=metadata,
        body=(preface, *body) if preface else body,
        guesses=tuple(found),
    )
