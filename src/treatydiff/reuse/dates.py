"""The date an instrument was adopted, as its own English text states it.

Three forms are read:

* the testimonium: "DONE at Geneva this twenty-eighth day of July one thousand nine
  hundred and fifty-one", "Done at Rome on 4 November 1950", "DONE at Banjul on July
  16th, 1993", "DONE in duplicate at Tokyo, this fifth day of November, 1996";
* the ILO preamble: "adopts this twenty-sixth day of June of the year one thousand nine
  hundred and seventy-three the following Convention";
* the UN covenants' testimonium: "have signed the present Covenant, opened for signature
  at New York, on the nineteenth day of December, one thousand nine hundred and
  sixty-six".

A testimonium is read where a sentence starts: a date inside a sentence ("the
Convention, done at Rome on 4 November 1950,") names another instrument. Of several
testimonia (an annex, an appended protocol) the last one of the body counts, since final
formulas close the text. English only: another language states no date here (None).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from treatydiff import lang
from treatydiff.segment.vocabulary import alternatives

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_ORDINAL_UNITS = (
    "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
    "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
).split()
_NUMBER_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_UNITS)},
    **{word: 10 * tens for tens, word in enumerate(_TENS, start=2)},
    **{word: value for value, word in enumerate(_ORDINAL_UNITS)},
    **{word[:-1] + "ieth": 10 * tens for tens, word in enumerate(_TENS, start=2)},
}
_MONTHS = tuple(month.lower() for month in lang.get("en").months)
_MONTH = alternatives(_MONTHS)
_WORD = rf"(?:{alternatives(_NUMBER_WORDS)})\b"
_YEAR_WORD = rf"(?:{_WORD}|thousand\b|hundred\b)"
# A day: "4", "4th", "twenty-eighth" (hyphens are spaces by then).
_DAY = rf"(?P<day>\d{{1,2}}|{_WORD}(?: {_WORD})?)"
# A year: "1950" or words, "one thousand nine hundred and fifty one".
_YEAR = rf"(?P<year>\d{{4}}|{_YEAR_WORD}(?: (?:and )?{_YEAR_WORD}){{1,6}})"
_DATES = (
    # "this 4th day of November 1950", "on the 31st day of May in the year 2001",
    # "this twenty-sixth day of June of the year one thousand ...", "on 4 November 1950"
    re.compile(
        rf"\b{_DAY} (?:day )?(?:of )?(?:the month of )?(?P<month>{_MONTH})"
        rf"(?: (?:of )?(?:in )?(?:the year ))?(?: )?{_YEAR}"
    ),
    # "on July 16th 1993", "on Wednesday April 6 1994"
    re.compile(rf"\b(?P<month>{_MONTH}) {_DAY} {_YEAR}"),
)
# Where a testimonium starts (a sentence), the ILO adoption formula (after the
# preamble's commas), or the UN covenants' "opened for signature" in their testimonium.
_OPENERS = re.compile(
    r"(?:(?:^|[.;:] )done (?:at|in)|\badopts this|\bopened for signature (?:at|in))\b"
)
_ORDINAL_SUFFIX = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_MARKUP = re.compile(r"</?sup>")
_OPENER_WORDS = ("done", "adopts", "opened")
# How far after the opener the date may stand ("DONE in two original copies at
# Ljubljana on this 22nd day of March 2000").
_WINDOW = 160


def adoption_date(texts: Iterable[str]) -> str | None:
    """The ISO date (``"1951-07-28"``) stated by the last testimonium or ILO adoption
    formula among ``texts`` (clause texts in document order), or None when none states a
    date that exists."""
    found: str | None = None
    for text in texts:
        for date in _dates_in(text):
            found = date
    return found


def _dates_in(text: str) -> Iterable[str]:
    lowered = text.lower()
    if not any(word in lowered for word in _OPENER_WORDS):
        return  # most clauses: no need to normalize them
    plain = _plain(text)
    for opener in _OPENERS.finditer(plain):
        window = plain[opener.end() : opener.end() + _WINDOW]
        date = _first_date(window)
        if date is not None:
            yield date


def _plain(text: str) -> str:
    """Lowercase words and digits separated by single spaces: "Twenty-Eighth" ->
    "twenty eighth", "11<sup>th</sup>" -> "11", "July 16th, 1993" -> "july 16 1993";
    a hyphen is any hyphen or dash code point."""
    text = _MARKUP.sub("", text.lower())
    # Every hyphen and dash code point: "twenty\u2011sixth" (a no-break hyphen) is two words.
    text = re.sub(r"[-,\u2010-\u2015\u2212]", " ", text)
    text = _ORDINAL_SUFFIX.sub("", text)
    return " ".join(text.split())


def _first_date(window: str) -> str | None:
    starts = []
    for pattern in _DATES:
        match = pattern.search(window)
        if match is not None:
            starts.append((match.start(), match))
    for _, match in sorted(starts, key=lambda found: found[0]):
        day = _number(match["day"])
        year = _year(match["year"])
        month = _MONTHS.index(match["month"]) + 1
        if day is not None and year is not None and _exists(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _number(text: str) -> int | None:
    """1 to 31 from digits or words ("28", "twenty eighth")."""
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        if word not in _NUMBER_WORDS:
            return None
        total += _NUMBER_WORDS[word]
    return total


def _year(text: str) -> int | None:
    """A year from digits or words: "one thousand nine hundred and fifty one", "nineteen
    hundred and seventy nine", "two thousand and one"."""
    if text.isdigit():
        return int(text)
    total = group = 0
    for word in text.split():
        if word == "thousand":
            total, group = total + max(group, 1) * 1000, 0
        elif word == "hundred":
            group = max(group, 1) * 100
        elif word != "and":
            group += _NUMBER_WORDS[word]
    year = total + group
    return year if 1000 <= year <= 2999 else None


def _exists(year: int, month: int, day: int) -> bool:
    import calendar

    return 1 <= day <= calendar.monthrange(year, month)[1]
