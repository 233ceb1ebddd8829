"""Dutch: the words of treaties as the Dutch Treaty Series (Tractatenblad) prints them."""

from __future__ import annotations

from treatydiff.lang import Language

# "een" is also the indefinite article ("een kind"): only the stressed "één" names a number.
_UNITS = (
    "nul één twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien "
    "vijftien zestien zeventien achttien negentien twintig"
).split()
_TENS = "dertig veertig vijftig zestig zeventig tachtig negentig".split()
# Words that name no single number: counted as themselves.
_OTHER_NUMBERS = (
    "honderd duizend miljoen half helft tweemaal eenmaal eerste tweede derde vierde vijfde "
    "zesde zevende achtste negende tiende"
).split()

LANGUAGE = Language(
    code="nl",
    article_words=("Artikel", "ARTIKEL", "Art."),
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
        "Verklarend",
        "Verlangend",
        "Verontrust",
        "Voorts",
        "Zich",
    ),  # fmt: skip
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
        "artikel artikelen art. lid leden onderdeel onderdelen punt punten bijlage aanhangsel "
        "hoofdstuk deel afdeling "
        "regel resolutie besluit nr. blz.".split()
    ),
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
    periods=frozenset("dag dagen week weken maand maanden jaar jaren leeftijd".split()),
    function_words=frozenset("de het een van op in te en of om aan als is dat die bij uit".split()),
    definitions_captions=("begripsomschrijving",),
    citation_forms={
        "part": ("deel {num}", "dl. {num}"),
        "chapter": ("hoofdstuk {num}", "hfdst. {num}"),
        "section": ("afdeling {num}", "afd. {num}"),
        "title": ("titel {num}", "tit. {num}"),
        "subsection": ("onderafdeling {num}", "onderafd. {num}"),
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
)
