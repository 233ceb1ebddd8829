"""Dutch: the words of treaties as the Dutch Treaty Series (Tractatenblad) prints them."""

from __future__ import annotations

from treatydiff.lang import Language, ReferenceWords

# "een" is also the indefinite article ("een kind"): only the stressed "één" names a number.
_UNITS = (
    "nul één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
    "vijftien zestien zeventien achttien negentien twintig"
).split()
_TENS = "dertig veertig vijftig zestig zeventig tachtig negentig".split()
# Words that name no single number: counted as themselves.
_ORDINALS = (
    "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde "
    "dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende twintigste"
).split()
_OTHER_NUMBERS = (
    "honderd duizend miljoen miljard half helft kwart procent tweemaal eenmaal driemaal "
    "dubbel eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde "
    "twaalfde dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende "
    "twintigste dertigste honderdste"
).split()

# Tens as ordinals, from the thirtieth (the twentieth ends ``_ORDINALS``).
_TENTHS = "dertigste veertigste vijftigste zestigste zeventigste tachtigste negentigste".split()

LANGUAGE = Language(
    code="nl",
    article_words=("Artikel", "ARTIKEL", "Art."),
    article_one_words=(),
    container_words={
        "deel": "part",
        "hoofdstuk": "chapter",
        "afdeling": "section",
        "titel": "title",
    },
    preamble_words=("Preambule", "PREAMBULE"),
    attachment_words=("Bijlage", "BIJLAGE", "Aanhangsel", "AANHANGSEL"),
    recital_openers=(
        "Aangemoedigd",
        "Benadrukkend",
        "Besloten",
        "Bevestigend",
        "Bevreesd",
        "Bewust",
        "Bezorgd",
        "Bijeengeroepen",
        "Daarom",
        "Diep",
        "Eraan",
        "Erkennend",
        "Erkennende",
        "Erop",
        "Ernstig",
        "Ervan",
        "Evenwel",
        "Gealarmeerd",
        "Gelet",
        "Geleid",
        "Gezien",
        "Herinnerend",
        "Herinnerende",
        "In aanmerking",
        "In acht",
        "In het besef",
        "In herinnering",
        "Indachtig",
        "Mede",
        "Met nadruk",
        "Opmerkend",
        "Opnieuw",
        "Overtuigd",
        "Overwegend",
        "Overwegende",
        "Rekening houdend",
        "Ten stelligste",
        "Tevens",
        "Toejuichend",
        "Uiterst",
        "Van mening",
        "Vastbesloten",
        "Vastgesteld",
        "Vaststellend",
        "Verheugd",
        "Verklarend",
        "Verlangend",
        "Verontrust",
        "Voorts",
        "Zich",
    ),  # fmt: skip
    participle_endings=("ende", "end"),
    conjunctions=("en", "of"),
    closing_formulas=(
        "Zijn het volgende",
        "Zijn overeengekomen",
        "Zij overeengekomen",
        "Zijn als volgt",
        "Zijn de volgende",
        "Hebben besloten",
        "Neemt heden",
        "neemt heden",
    ),
    testimonium_openers=(
        "TEN BLIJKE WAARVAN",
        "TEN BLIJKE waarvan",
        "Ten blijke waarvan",
        "GEDAAN te",
        "Gedaan te",
    ),
    instrument_words=(
        "Verdrag",
        "Protocol",
        "Overeenkomst",
        "Akkoord",
        "Handvest",
        "Statuut",
        "Resolutie",
        "Bijlage",
    ),
    act_words=("Wet", "Besluit", "Koninklijk Besluit"),
    body_openers=(
        "De Staten",
        "De Lidstaten",
        "De lidstaten",
        "De Algemene Conferentie",
        "De Regeringen",
        "De Hoge Verdragsluitende Partijen",
        "De Verdragsluitende Partijen",
        "De Verdragsluitende Staten",
        "De Partijen",
        "De ondertekenende Staten",
        "De ondertekenende Regeringen",
        "De ondertekenaars",
    ),
    sentence_openers=(
        "De",
        "Het",
        "Deze",
        "Dit",
        "Elke",
        "Iedere",
        "Ieder",
        "Alle",
        "Een",
        "Geen",
        "Niets",
        "Indien",
        "Wanneer",
        "Waar",
        "Als",
        "In",
        "Voor",
        "Zulke",
        "Onverminderd",
        "Behoudens",
        "Zonder",
        "Tenzij",
        "Bij",
        "Hij",
        "Zij",
        "Zijn",
        "Haar",
    ),  # fmt: skip
    not_sentence_openers=("De Haag", "Het Haagse"),
    reference_words=frozenset(
        "onderdeel onderdelen punt punten bijlage aanhangsel hoofdstuk deel afdeling regel "
        "resolutie besluit".split()
    ),
    auxiliary_verbs=frozenset("is was waren wordt worden werd werden heeft hebben".split()),
    adoption_words=("Aangenomen", "Vastgesteld"),
    entry_into_force_words=("inwerkingtreding", "in werking getreden"),
    months=(
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ),  # fmt: skip
    common_words=frozenset(
        "de het een van en in is dat op te voor met zijn worden door bij".split()
    ),
    modal_verbs=frozenset(
        "zal zullen zou zouden moet moeten mag mogen kan kunnen dient dienen tracht trachten "
        "verbindt verbinden".split()
    ),
    negations=frozenset("niet geen nooit noch niets niemand zonder tenzij behalve".split()),
    number_words={
        **{word: str(value) for value, word in enumerate(_UNITS)},
        **{word: str(10 * tens) for tens, word in enumerate(_TENS, start=3)},
        **{word: word for word in _OTHER_NUMBERS},
    },
    periods=frozenset(
        "uur uren dag dagen week weken maand maanden jaar jaren decennium leeftijd".split()
    ),
    function_words=frozenset("de het een van op in te en of om aan als is dat die bij uit".split()),
    short_words=frozenset(
        "u af al de en er ga ik in is ja je me na nu of om op te uw we ze zo".split()
    ),
    negation_prefixes=("niet", "on"),
    inflections=("s", "'s", "e", "en", "n"),
    # Dutch joins its prefixes to the word without a hyphen (Woordenlijst Nederlandse
    # Taal, Leidraad): none tells two words apart.
    hyphen_prefixes=(),
    variant_endings=(),
    accented_words=frozenset(
        # Accents of stress that make another word (Woordenlijst Nederlandse Taal,
        # Leidraad): één / een ("one" / "a"), vóór / voor ("before" / "for").
        "één vóór".split()
    ),
    definitions_captions=("begripsomschrijving",),
    citation_forms={
        "part": ("deel {num}", "dl. {num}"),
        "chapter": ("hoofdstuk {num}", "hfdst. {num}"),
        "section": ("afdeling {num}", "afd. {num}"),
        "title": ("titel {num}", "tit. {num}"),
        "subsection": ("onderafdeling {num}", "onderafd. {num}"),
        "preface": ("titelblad", "titelblad"),
        "preamble": ("preambule", "preambule"),
        "recital": ("overweging {num} van de preambule", "pream. overw. {num}"),
        "formula": ("formule {num}", "formule {num}"),
        "conclusions": ("slotformules", "slotformules"),
        "testimonium": ("alinea {num}", "{num}"),
        "article": ("artikel {num}", "art. {num}"),
        "paragraph": ("lid {num}", "({num})"),
        "unnumbered paragraph": ("ongenummerde alinea {n}", "al. {n}"),
        "point": ("onder {num}", "({num})"),
        "indent": ("streepje {n}", "streepje {n}"),
        "intro": ("aanhef", "aanhef"),
        "wrapup": ("slotzin", "slotzin"),
        "heading": ("opschrift", "opschrift"),
        "docTitle": ("titel", "titel"),
        "authorialNote": ("noot {num}", "nt. {num}"),
        "attachment": ("bijlage {num}", "bijl. {num}"),
        "unknown": ("ongeplaatste tekst {n}", "ongeplaatst {n}"),
    },
    ordinal_words={
        **{word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        **{word: str(10 * tens) for tens, word in enumerate(_TENTHS, start=3)},
        "honderdste": "100",
    },
    number_scales={"honderd": 100, "duizend": 1000, "miljoen": 1000000},
    references=ReferenceWords(
        article=("artikelen", "artikel", "art."),
        paragraph=("leden", "lid"),
        point=("onder",),
        ordinals={word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        ranges=("tot en met", "t/m", "tot"),
        lists=("en", "of"),
        of=("van",),
        this=("dit", "deze", "het onderhavige", "de onderhavige"),
    ),
)
