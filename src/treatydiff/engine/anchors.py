"""Language-neutral anchors of a clause: what stays the same in every language version.

A translation changes the words but keeps the numbers (digits, and number words read
as numbers: "eighteen", "achttien", "dieciocho", "dix-huit" are all 18; "one thousand
nine hundred and ninety-four" and "mil neuf cent quatre-vingt-quatorze" are 1994),
the ordinals ("thirtieth", "dertigste", "trentième" are 30), the roman numbers of
citations ("Part XI", "Annex III"), the provisions a clause cites ("article 4" /
"artículo 4"; "paragraph 1" / "het eerste lid") and the acronyms ("UNICEF", "ILO").
These anchors line up clauses the structure leaves open (``engine.languages``) and tell
a number or a reference that differs (``engine.divergences``).

The value one written as a word is no anchor: "een", "un", "una" are also the indefinite
article, which the number lists leave out, so an English "one" would have no counterpart.
Digits and ordinals count always.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from treatydiff import lang
from treatydiff.segment.markers import read_marker

# A number in digits, with its thousands separators ("1,000", "1.000", "250 000" with a
# space or a no-break space) or decimals ("2.5", "2,5"); digits joined by commas alone otherwise are
# a list ("articles 1,11,21").
_DIGITS = re.compile(r"(?<![\w.,])(?:\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:[.,\u00a0\u202f]\d+)*)")
_THOUSANDS = re.compile(r"^\d{1,3}(?:[., \u00a0\u202f]\d{3})+$")
_DECIMAL = re.compile(r"^\d+[.,]\d+$")
_WORD = re.compile(r"[^\W\d_]+(?:[-\u2011][^\W\d_]+)*")
_ROMAN = re.compile(r"(?<![\w-])(?=[IVXLC]{2,}\b)(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\b")
_ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Z0-9]*[A-Z](?:/[A-Z]+)*(?![\w-])")
# The words that may stand between the numbers of one citation ("articles 4 and 5",
# "paragraphs 1 to 7 and 9", "artículos 4 y 5"), besides citation words themselves.
_CITATION_GLUE = frozenset(
    "and or to through et ou à au y o a e u en of tot met van de del des du la le het bis ter "
    "hasta lettre lettres letter onder".split()
)


@dataclass(frozen=True)
class Anchors:
    """The anchors of one clause.

    ``numbers``: the numbers it states, as canonical strings ("18", "1994", "2.5",
    "XI"); ``cited``: the subset that stands in a citation ("article 4",
    "paragraphs 1 to 7"), with the kind of provision cited ("article", "paragraph",
    "point"); ``acronyms``: words in capitals ("UNICEF", "ILO");
    ``spelled``: the numbers written only in words ("eighteen"), never in digits.
    """

    numbers: frozenset[str]
    cited: frozenset[tuple[str, str]]
    acronyms: frozenset[str]
    spelled: frozenset[str] = frozenset()

    @property
    def cited_numbers(self) -> frozenset[str]:
        """The numbers that stand in a citation, whatever they cite."""
        return frozenset(number for number, _ in self.cited)


@dataclass(frozen=True)
class _Token:
    """A word or number of the text: its kind ("word", "number", "roman"), its value,
    and ``before``: the punctuation between it and the token before (spaces and hyphens
    left out)."""

    kind: str
    text: str
    value: str | None = None
    before: str = ""

    @property
    def glued(self) -> bool:
        """No punctuation stands between this token and the one before."""
        return not self.before


@dataclass(frozen=True)
class _Part:
    """A number word's meaning: its value and kind, "card" (a cardinal), "ord" (an
    ordinal, or a fraction's denominator: "thirds"), "scale" ("hundred") or "fraction"
    (a word for one, "tweederde": ``value`` is then the numerator, ``denominator`` set)."""

    value: int
    kind: str
    denominator: int = 0


def _is_fraction(first: _Part, second: _Part) -> bool:
    """Whether a cardinal and an ordinal make a fraction: "two thirds", not "twenty
    first"."""
    return (
        first.kind == "card" and second.kind == "ord" and first.value < 10 < 10 * second.value
    ) and second.value > first.value


@cache
def _vocabulary(code: str) -> tuple[dict[str, _Part], dict[str, str]]:
    """The number words of language ``code`` (cardinals but the word for one,
    ordinals, scales) and its citation words (``Language.references``), each to the
    kind of provision it cites: "article", "paragraph" or "point"."""
    language = lang.get(code)
    parts = {
        word: _Part(int(value), "card")
        for word, value in language.number_words.items()
        if value.isdigit() and value != "1"
    }
    parts.update({w: _Part(int(v), "ord") for w, v in language.ordinal_words.items()})
    parts.update({w: _Part(v, "scale") for w, v in language.number_scales.items()})
    words = language.references
    kinds = (("article", words.article), ("paragraph", words.paragraph), ("point", words.point))
    citing = {
        piece: kind
        for kind, forms in kinds
        for form in forms
        for piece in re.split(r"[\s.\u2011-]+", form.casefold())
        if len(piece) > 2 and piece not in ("sub",)
    }
    return parts, citing


def anchors(text: str, *, language: str) -> Anchors:
    """The anchors of a clause's ``text`` in ``language`` (an ISO 639-1 code of
    ``treatydiff.lang``); a list marker opening the text ("1.", "(a)") is no anchor.

    Raises LanguageError for an unknown language.
    """
    marker = read_marker(text)
    if marker is not None:
        text = text[marker.end :]
    tokens = _tokens(text, language)
    numbers = {token.value for token in tokens if token.value is not None}
    spelled = numbers - {t.value for t in tokens if t.value is not None and t.text}
    acronyms = {m.group() for m in _ACRONYM.finditer(text) if not _ROMAN.fullmatch(m.group())}
    if text.isupper():
        acronyms = set()  # a heading in capitals: its words are no acronyms
    return Anchors(
        frozenset(numbers),
        frozenset(_cited(tokens, language)),
        frozenset(acronyms),
        frozenset(spelled),
    )


def _tokens(text: str, language: str) -> list[_Token]:
    """The words and numbers of ``text``, runs of number words read as one number."""
    parts, _ = _vocabulary(language)
    found: list[tuple[int, int, _Token]] = []
    for match in _DIGITS.finditer(text):
        for value in _digits(match.group()):
            found.append((match.start(), match.end(), _Token("number", match.group(), value)))
    for match in _ROMAN.finditer(text):
        if match.group():
            found.append(
                (match.start(), match.end(), _Token("roman", match.group(), match.group()))
            )
    for match in _WORD.finditer(text):
        word = match.group()
        if _ROMAN.fullmatch(word):
            continue
        if (
            len(pieces := re.split(r"[-\u2011]", word)) > 1
            and _word_part(word.lower(), parts) is None
        ):
            # A compound that is no number word: its pieces are words ("seven-day-a-week").
            offset = match.start()
            for piece in pieces:
                found.append((offset, offset + len(piece), _Token("word", piece)))
                offset += len(piece) + 1
            continue
        found.append((match.start(), match.end(), _Token("word", word)))
    found.sort(key=lambda item: item[0])
    tokens: list[_Token] = []
    end = 0
    for start, stop, token in found:
        before = re.sub(r"[\s\u00a0\u2011-]", "", text[end:start])
        tokens.append(_Token(token.kind, token.text, token.value, before))
        end = stop
    return _read_number_words(tokens, parts)


def _digits(text: str) -> list[str]:
    """The numbers a run of digits states, in canonical form: separators of thousands
    dropped ("1,000" -> "1000"), a decimal comma made a point ("2,5" -> "2.5"); digits
    joined otherwise are a list ("1,11,21" -> "1", "11", "21")."""
    if _THOUSANDS.match(text):
        return [re.sub(r"[., \u00a0\u202f]", "", text)]
    if _DECIMAL.match(text):
        return [text.replace(",", ".")]
    return [str(int(number)) for number in re.split(r"[.,\u00a0\u202f]", text)]


def _read_number_words(tokens: list[_Token], parts: dict[str, _Part]) -> list[_Token]:
    """``tokens`` with each run of number words made one number token: "twenty-five",
    "mil novecientos noventa y cuatro", "two thirds" (a fraction, "2/3"). A run follows
    the grammar of numbers: a smaller number after a round one ("ninety four", "treinta
    y cinco", a conjunction between them belonging to the run), anything after a scale
    ("thousand nine"), a scale after anything ("two hundred"); an ordinal ends a run, so
    that "the first and second" are two numbers."""
    out: list[_Token] = []
    run: list[_Part] = []
    before = ""  # the punctuation before the run

    def close() -> None:
        if run:
            out.append(_Token("number", "", _evaluate(run), before))
            run.clear()

    for k, token in enumerate(tokens):
        part = _word_part(token.text.lower(), parts) if token.kind == "word" else None
        if part is not None:
            if not (run and token.glued and _continues(run, part)):
                close()
                before = token.before
            run.append(part)
            continue
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        joins = (
            run
            and token.text.lower() in {"and", "en", "et", "y", "e"}
            and token.glued
            and following is not None
            and following.glued
            and (next_part := _word_part(following.text.lower(), parts)) is not None
            and _continues(run, next_part)
        )
        if not joins:
            close()
            out.append(token)
    close()
    return out


def _continues(run: list[_Part], part: _Part) -> bool:
    """Whether ``part`` goes on with the number ``run`` names."""
    last = run[-1]
    if last.kind == "ord":
        return False
    if part.kind == "scale" or last.kind == "scale":
        return True
    if len(run) == 1 and _is_fraction(last, part):
        return True
    round_ten = last.value >= 20 and last.value % 10 == 0 and part.value < 10
    round_hundred = last.value >= 100 and last.value % 100 == 0 and part.value < 100
    return round_ten or round_hundred


def _word_part(word: str, parts: dict[str, _Part]) -> _Part | None:
    """The meaning of one number word, also one written in pieces ("quatre-vingt-dix",
    "twenty-first", "vijfentwintig", "tweederde"); None for a word that names none."""
    if word in parts:
        return parts[word]
    pieces = re.split(r"[-\u2011]", word)
    found = _pieces(pieces, parts) if len(pieces) > 1 else _compound(word, parts)
    if not found or any(p.kind == "ord" for p in found[:-1]):
        return None
    if len(found) == 2 and _is_fraction(*found):
        return _Part(found[0].value, "fraction", found[1].value)
    return _Part(int(_evaluate(found)), "ord" if found[-1].kind == "ord" else "card")


def _pieces(pieces: list[str], parts: dict[str, _Part]) -> list[_Part] | None:
    """The parts of a hyphenated number word, the longest known compound first
    ("quatre-vingt-dix" -> quatre-vingt, dix); None when a piece names no number."""
    out: list[_Part] = []
    k = 0
    while k < len(pieces):
        for end in range(len(pieces), k, -1):
            joined = "-".join(pieces[k:end])
            if joined in parts:
                out.append(parts[joined])
                k = end
                break
        else:
            if pieces[k] in ("et", "y", "e"):  # "vingt-et-un"
                k += 1
                continue
            part = _word_part(pieces[k], parts)  # "negentienhonderd-drieënnegentig"
            if part is None or part.kind == "fraction":
                return None
            out.append(part)
            k += 1
    return out


def _compound(word: str, parts: dict[str, _Part]) -> list[_Part] | None:
    """A number word written as one ("vijfentwintig", "tweehonderd", "tweederde"), split
    into known number words; None when it is none. Words joined by "en" add up
    ("vijfendertigste" is the 35th): they come back as one part."""
    if len(word) < 6:
        return None
    for cut in range(3, len(word) - 2):
        head, tail = word[:cut], word[cut:]
        if head not in parts:
            continue
        if tail in parts:
            return [parts[head], parts[tail]]
        if tail.startswith(("en", "\u00ebn")) and tail[2:] in parts:  # "drieënzeventig"
            second = parts[tail[2:]]
            return [_Part(parts[head].value + second.value, second.kind)]
        deeper = _compound(tail, parts)
        if deeper is not None:
            return [parts[head], *deeper]
    return None


def _evaluate(run: list[_Part]) -> str:
    """The number a run of parts names: "one thousand nine hundred ninety four" -> 1994;
    a fraction "two thirds" -> "2/3"."""
    if len(run) == 1 and run[0].kind == "fraction":
        return f"{run[0].value}/{run[0].denominator}"
    if len(run) == 2 and _is_fraction(*run):
        return f"{run[0].value}/{run[1].value}"
    total, current = 0, 0
    for part in run:
        if part.kind != "scale":
            current += part.value
            continue
        current = max(current, 1) * part.value
        if part.value >= 1000:
            total += current
            current = 0
    return str(total + current)


def _cited(tokens: list[_Token], language: str) -> set[tuple[str, str]]:
    """The numbers of ``tokens`` that stand in a citation, with the kind of provision:
    a number after a citation word, and the numbers that continue its list ("articles
    4 and 5", "del párrafo 1 del artículo 305")."""
    _, words = _vocabulary(language)
    out: set[tuple[str, str]] = set()
    kind: str | None = None
    gap = 0
    for token in tokens:
        lowered = token.text.lower()
        if any(stop in token.before for stop in ".;:"):
            kind = None  # a citation's list ends with its sentence ("articles 1, 11 and 21.")
        if token.kind == "word" and lowered in words:
            kind, gap = words[lowered], 0
            continue
        if kind is None:
            continue
        if token.value is not None:
            out.add((token.value, kind))
            gap = 0
        elif token.kind == "word" and (lowered in _CITATION_GLUE or len(lowered) == 1):
            gap += 1
            if gap > 3:
                kind = None
        else:
            kind = None
    return out
