"""Heading and caption lines of a plain text: which lines are article and container
headings ("Article 12", "PART II"), and which caption the heading above them ("Use of
terms"), told apart from a sentence's wrapped lines.
"""

from __future__ import annotations

from treatydiff.formats.un_text_layout import TextLine, Words
from treatydiff.model import Guess
from treatydiff.segment.markers import comes_after, follows, read_marker

# The designations of a first article: "Article 1", "Article I", "Article A".
_FIRST_DESIGNATIONS = frozenset({"1", "I", "A"})


def heading_lines(lines: list[TextLine], words: Words, guesses: list[Guess]) -> set[int]:
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
        after = _next_text_line(lines, i + 1)
        following = lines[after].text if after < len(lines) else ""
        opens = not following or following[:1].isupper() or read_marker(following) is not None
        if not match["article"]:
            # A container word in capitals alone on its line ("CHAPTER I") is a heading
            # even after a sentence the source left open, and so is an annex's word with a
            # caption or text opening under it (after a signature: "John Doe" / "Annex" /
            # "List of substances"); "... listed in the" / "Annex" / "to this ..." is not.
            if (
                after_sentence
                or line.text.split()[0].isupper()
                or (match["attachment"] and following and opens)
            ):
                headings.add(i)
                if match["attachment"]:
                    last = None  # an annexed statute numbers its articles afresh
                    seen.clear()
            continue
        word = match.groupdict().get("one")
        num = words.article_numbers[word] if word else " ".join(match["num"].split())
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


def caption_lines(lines: list[TextLine], headings: set[int], words: Words) -> set[int]:
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
