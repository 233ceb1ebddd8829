"""Build the word lists of ``treatydiff.lang`` (``src/treatydiff/lang/words/``): which
words of a language are words, so that the classifier can tell a typo ("Protocl",
"recieved") from a real word put for another ("public" -> "pubic").

    pip install wordfreq==3.1.1 codespell==2.4.3
    python tools/build_wordlists.py [--corpus ../shared/corpus-scale/laws-markdown-all]

Sources (see ``src/treatydiff/lang/words/NOTICE``):

* wordfreq 3.1.1 (data CC BY-SA 4.0), "large" lists: every word of letters only, three
  letters or more, with a Zipf frequency of at least ``ZIPF`` (English 2.5: the common
  misspellings "commited" 2.59 and "recieved" 2.75 sit just above, and are taken out
  below; Dutch 2.0: Dutch writes compounds as one word, so its words are rarer; French
  and Spanish 2.0: their verbs have many forms, each rarer, "examinara" 2.29).
  French and Spanish web text often drops accents: a word without diacritics whose
  accented spelling is ten times as frequent (1 Zipf) is that word typed without its
  accents ("comite" 2.95, "comité" 4.71), not a word; one that is a word of its own
  stays ("examinara" 2.29 / "examinará" 2.61, "mas" / "más", "si" / "sí").
* English rare words (``en.rare.words.gz``): the words of wordfreq's English list with a
  Zipf frequency from ``RARE_ZIPF`` (1.0) up to the floor above and at least
  ``RARE_LENGTH`` (6) letters, less codespell's
  misspellings and the words of ``en.words.gz``: rare words that a one-letter change
  turns into a common one ("cession" / "session", "tortious" / "tortuous", "mandatary" /
  "mandatory") are words, so that such a change reads as wording, not as a typo. A
  second list, read only for a string the first lacks: a comparison whose words are all
  common never reads it.
* The legal register (English and Dutch, the languages of the corpus's texts): every
  word, three letters or more, that at least ``DOCUMENTS`` treaties of the Dutch Treaty
  Series mirror (``laws-markdown-all``, 1,605 treaties with an English text) use and
  wordfreq knows in that language (Zipf at least 1.0): "depositary" (2.4), "abrogate"
  (2.08), "refoulement" (1.62), "mutatis" (1.47). Only words are kept, never a passage;
  a typo of one treaty is not used by several.
* codespell 2.4.3 (dictionaries CC BY-SA 3.0, derived from English Wikipedia's list of
  common misspellings): its misspellings (``dictionary.txt``) are taken out of the
  English list, and its British to American spellings (``dictionary_en-GB_to_en-US.txt``)
  with a few of our own (``VARIANTS``) and the British doubled l of words wordfreq knows
  in both spellings ("counselling" / "counseling") give ``en.variants.txt``.

* Spanish spelling variants (``es.variants.txt``): the words whose diacritic accent the
  RAE's Ortografía de la lengua española (2010) no longer requires, the adverb "sólo"
  and the demonstrative pronouns ("éste" / "este"), ``VARIANTS_ES``.
* Dutch spelling variants (``nl.variants.txt``): words the Woordenlijst Nederlandse Taal
  of 1995 writes as two ("zonodig" / "zo nodig"), ``VARIANTS_NL``.

The lists are sorted, one word a line, casefolded; ``*.words.gz`` are gzip files.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
import unicodedata
from collections import Counter
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
OUT = PROJECT / "src" / "treatydiff" / "lang" / "words"
ZIPF = {"en": 2.5, "es": 2.0, "fr": 2.0, "nl": 2.0}
REGISTER = ("en", "nl")
ACCENTED = ("es", "fr")
REGISTER_ZIPF = 1.0
RARE_ZIPF = {"en": 1.0}
# Rare strings shorter than this are web tokens and typos as often as words ("nto",
# "compe"): 10,081 random one-letter edits of treaty words make 244 words of the common
# list, 542 with every rare word, 301 with the rare words of six letters or more (266
# with seven, which would leave out "laches" and "bailee").
RARE_LENGTH = 6
DOCUMENTS = 3
_LETTERS = re.compile(r"[^\W\d_]{3,}")
_DOUBLED_L = re.compile(r"([a-z]+[aeiou]l)l(ed|ing|er|ers|or|ors)")
# British spellings codespell's list lacks, with their American ones.
VARIANTS = {
    "offence": "offense",
    "offences": "offenses",
    "travelled": "traveled",
    "travelling": "traveling",
    "traveller": "traveler",
    "travellers": "travelers",
    "ageing": "aging",
    "fulfil": "fulfill",
    "fulfils": "fulfills",
    "fulfilment": "fulfillment",
    "enrol": "enroll",
    "enrols": "enrolls",
    "enrolment": "enrollment",
    "instalment": "installment",
    "instalments": "installments",
    "judgement": "judgment",
    "judgements": "judgments",
    "programme": "program",
    "programmes": "programs",
}


VARIANTS_ES = {
    "sólo": "solo",
    "éste": "este",
    "ésta": "esta",
    "éstos": "estos",
    "éstas": "estas",
    "ése": "ese",
    "ésa": "esa",
    "ésos": "esos",
    "ésas": "esas",
    "aquél": "aquel",
    "aquélla": "aquella",
    "aquéllos": "aquellos",
    "aquéllas": "aquellas",
}


VARIANTS_NL = {"zonodig": "zo nodig", "zomogelijk": "zo mogelijk"}


def _zipf(frequency: float) -> float:
    return math.log10(frequency) + 9


def _bare(word: str) -> str:
    """``word`` without its diacritics ("comité" -> "comite")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def _write(path: Path, words: set[str]) -> None:
    """``words`` sorted, one a line, gzipped with no time stamp (the same bytes each run)."""
    text = "".join(f"{w}\n" for w in sorted(words))
    with gzip.GzipFile(path, "wb", mtime=0) as out:
        out.write(text.encode("utf-8"))


def build(corpus: Path) -> None:
    import codespell_lib
    import wordfreq

    data = Path(codespell_lib.__file__).parent / "data"
    misspellings = {
        line.split("->", 1)[0].casefold()
        for line in (data / "dictionary.txt").read_text(encoding="utf-8").splitlines()
        if "->" in line
    }
    documents: Counter[str] = Counter()
    for path in sorted(corpus.glob("*.md")):
        text = path.read_text(encoding="utf-8", errors="replace")
        documents.update({w.casefold() for w in _LETTERS.findall(text)})
    OUT.mkdir(parents=True, exist_ok=True)
    for code, floor in ZIPF.items():
        frequencies = wordfreq.get_frequency_dict(code, wordlist="large")
        words = {w for w, f in frequencies.items() if _LETTERS.fullmatch(w) and _zipf(f) >= floor}
        if code in ACCENTED:
            accented: dict[str, float] = {}
            for w in words:
                if _bare(w) != w:
                    accented[_bare(w)] = max(accented.get(_bare(w), 0.0), _zipf(frequencies[w]))
            words = {w for w in words if _zipf(frequencies[w]) + 1.0 > accented.get(w, 0.0)}
        if code in REGISTER:
            words |= {
                w
                for w, count in documents.items()
                if count >= DOCUMENTS
                and wordfreq.zipf_frequency(w, code, wordlist="large") >= REGISTER_ZIPF
            }
        if code == "en":
            words -= misspellings
        _write(OUT / f"{code}.words.gz", words)
        print(code, len(words), "words")
        if code in RARE_ZIPF:
            rare = {
                w
                for w, f in frequencies.items()
                if _LETTERS.fullmatch(w) and len(w) >= RARE_LENGTH and _zipf(f) >= RARE_ZIPF[code]
            }
            rare -= words | misspellings
            _write(OUT / f"{code}.rare.words.gz", rare)
            print(code, len(rare), "rare words")
    variants: dict[str, str] = {}
    for line in (data / "dictionary_en-GB_to_en-US.txt").read_text(encoding="utf-8").splitlines():
        british, _, american = line.partition("->")
        if american and "," not in american:
            variants[british.strip().casefold()] = american.strip().casefold()
    variants.update(VARIANTS)
    # British doubling of a final l before an ending ("counselling" -> "counseling"), where
    # wordfreq knows both and the stem has five letters or more ("filling" / "filing" are
    # two words, "fil" is too short).
    english = wordfreq.get_frequency_dict("en", wordlist="large")
    for word in english:
        match = _DOUBLED_L.fullmatch(word)
        if match and len(match[1]) >= 5 and match[1] + match[2] in english:
            variants.setdefault(word, match[1] + match[2])
    (OUT / "en.variants.txt").write_text(
        "".join(f"{b} {a}\n" for b, a in sorted(variants.items())), encoding="utf-8"
    )
    print("en", len(variants), "spelling variants")
    for code, listed in (("es", VARIANTS_ES), ("nl", VARIANTS_NL)):
        (OUT / f"{code}.variants.txt").write_text(
            "".join(f"{b} {a}\n" for b, a in sorted(listed.items())), encoding="utf-8"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus",
        type=Path,
        default=PROJECT.parent / "shared" / "corpus-scale" / "laws-markdown-all",
    )
    build(parser.parse_args().corpus)


if __name__ == "__main__":
    main()
