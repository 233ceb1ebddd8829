"""French: the words of treaties as the United Nations and the Council of Europe print them.

Every flag word here means the same in every other language of the registry, or is no
ordinary word there (tests/test_lang.py), and raises no flag in an English or Dutch text
where it means something else: "an" (year) is left out of the periods, being an English
article; "nul" ("nul ne peut") out of the negations, being a Dutch number; "personne",
being also the noun "person", and "non", which English compounds use
("non-discrimination"); "un" and "une" out of the numbers, being the indefinite article,
and "cent", which English uses in "per cent" (``number_scales`` holds it, for the anchors).
"""

from __future__ import annotations

from treatydiff.lang import Language, ReferenceWords

_UNITS = (
    "zéro _ deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize"
).split()
_TENS = "vingt trente quarante cinquante soixante".split()
# Words that name no single number: counted as themselves.
_OTHER_NUMBERS = (
    "mille million millions demi moitié premier première deuxième second seconde "
    "troisième quatrième cinquième sixième septième huitième neuvième dixième"
).split()
_ORDINALS = (
    "premier deuxième troisième quatrième cinquième sixième septième huitième neuvième "
    "dixième onzième douzième treizième quatorzième quinzième seizième"
).split()
_TENTHS = "vingtième trentième quarantième cinquantième soixantième".split()

LANGUAGE = Language(
    code="fr",
    article_words=("Article", "ARTICLE", "Art."),
    article_one_words=("premier", "Premier", "PREMIER", "1er"),
    container_words={
        "partie": "part",
        "chapitre": "chapter",
        "section": "section",
        "titre": "title",
        "sous-section": "subsection",
    },
    preamble_words=("Préambule", "PRÉAMBULE", "PREAMBULE"),
    attachment_words=("Annexe", "ANNEXE", "Appendice", "APPENDICE"),
    recital_openers=(
        "Accueillant",
        "Affirmant",
        "Alarmés",
        "Animés",
        "Animée",
        "Appréciant",
        "Attendu",
        "Ayant",
        "Compte tenu",
        "Condamnant",
        "Conscients",
        "Conscient",
        "Consciente",
        "Considérant",
        "Constatant",
        "Convaincus",
        "Convaincu",
        "Convaincue",
        "Décidés",
        "Déplorant",
        "Désireux",
        "Désirant",
        "Déterminés",
        "Encouragés",
        "Encourageant",
        "Estimant",
        "Exprimant",
        "Gardant",
        "Gravement",
        "Guidés",
        "Inquiets",
        "Insistant",
        "Mettant",
        "Notant",
        "Observant",
        "Persuadés",
        "Préoccupés",
        "Prenant",
        "Proclamant",
        "Profondément",
        "Rappelant",
        "Réaffirmant",
        "Reconnaissant",
        "Réitérant",
        "Résolus",
        "Sachant",
        "Saluant",
        "Se félicitant",
        "Soucieux",
        "Soulignant",
        "Souhaitant",
        "Tenant",
        "Vivement",
        "Vu",
    ),  # fmt: skip
    participle_endings=("ant", "ants"),
    conjunctions=("et", "ou"),
    closing_formulas=(
        "Sont convenus",
        "Sont convenues",
        "SONT CONVENUS",
        "Ont décidé",
        "Ont résolu",
        "Conviennent",
        "adopte la présente",
    ),
    testimonium_openers=(
        "EN FOI DE QUOI",
        "En foi de quoi",
        "FAIT À",
        "FAIT à",
        "FAIT A",
        "Fait à",
        "Le texte qui précède est le texte authentique",
    ),
    instrument_words=(
        "Convention",
        "Protocole",
        "Accord",
        "Pacte",
        "Charte",
        "Traité",
        "Statut",
        "Résolution",
        "Annexe",
    ),
    act_words=("Décret", "Loi", "Arrêté", "Ordonnance"),
    body_openers=(
        "Les États",
        "Les Etats",
        "La Conférence générale",
        "Les Gouvernements",
        "Les Hautes Parties contractantes",
        "Les Parties contractantes",
        "Les Parties",
        "Les signataires",
        "L'Assemblée générale",
        "L\u2019Assemblée générale",
    ),
    sentence_openers=(
        "Le",
        "La",
        "Les",
        "L'",
        "L\u2019",
        "Ce",
        "Cette",
        "Ces",
        "Chaque",
        "Tout",
        "Toute",
        "Tous",
        "Toutes",
        "Un",
        "Une",
        "Aucun",
        "Aucune",
        "Rien",
        "Lorsque",
        "Si",
        "Dans",
        "En",
        "Pour",
        "Sous",
        "Nonobstant",
        "Sans",
        "Sauf",
        "Il",
        "Elle",
        "Ils",
        "Son",
        "Sa",
        "Ses",
    ),  # fmt: skip
    not_sentence_openers=("La Haye",),
    reference_words=frozenset(
        "point points annexe annexes appendice chapitre partie section titre règle règles "
        "résolution décision n° volume page".split()
    ),
    # "a" (has) left out: without its accent, "à" (to) prints as it in capitals.
    auxiliary_verbs=frozenset("est sont était étaient sera seront ont avait avaient".split()),
    adoption_words=("Adopté", "Adoptée", "Adoptés"),
    entry_into_force_words=("entrée en vigueur",),
    months=(
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),  # fmt: skip
    common_words=frozenset(
        "le la les des du et à une est que pour dans par sur au aux qui".split()
    ),
    modal_verbs=frozenset(
        "doit doivent devra devront devrait devraient peut peuvent pourra pourront pourrait "
        "pourraient engagent efforce efforcent".split()
    ),
    # "n" is "ne" elided before a vowel ("n'est pas").
    negations=frozenset("ne n pas ni jamais aucun aucune rien sans sauf nullement".split()),
    number_words={
        **{word: str(value) for value, word in enumerate(_UNITS) if word != "_"},
        **{word: str(10 * tens) for tens, word in enumerate(_TENS, start=2)},
        "quatre-vingt": "80",
        "quatre-vingts": "80",
        **{word: word for word in _OTHER_NUMBERS},
    },
    periods=frozenset("jour jours semaine semaines mois ans année années âge".split()),
    function_words=frozenset("le la les de des du et ou à au aux en par pour sur que qui".split()),
    short_words=frozenset(
        "a à au ça ce ci de dé du dû en et il la là le ma me ne ni on or ou où sa se si son su "
        "ta te tu un vu y".split()
    ),
    negation_prefixes=("non", "in", "im", "il", "ir", "dés", "dé"),
    inflections=("s", "x", "e", "es"),
    # French writes "re-" and "ré-" joined (Rectifications de l'orthographe, 1990):
    # none tells two words apart.
    hyphen_prefixes=(),
    variant_endings=(),
    accented_words=frozenset(
        # Words an accent tells from another (où / ou, là / la, dû / du). "À" is left
        # out: French prints "A" for "À" at the head of a sentence by long custom, and a
        # capital "A" that opens a sentence is almost never the verb.
        "où là dû çà".split()
    ),
    definitions_captions=(
        "définition",
        "emploi des termes",
        "expressions employées",
        "terminologie",
    ),
    citation_forms={
        "part": ("partie {num}", "part. {num}"),
        "chapter": ("chapitre {num}", "chap. {num}"),
        "section": ("section {num}", "sect. {num}"),
        "title": ("titre {num}", "tit. {num}"),
        "subsection": ("sous-section {num}", "s.-sect. {num}"),
        "preface": ("page de titre", "page de titre"),
        "preamble": ("préambule", "préambule"),
        "recital": ("alinéa {num} du préambule", "préamb. al. {num}"),
        "formula": ("formule {num}", "formule {num}"),
        "conclusions": ("formules finales", "formules finales"),
        "testimonium": ("paragraphe {num}", "{num}"),
        "article": ("article {num}", "art. {num}"),
        "paragraph": ("paragraphe {num}", "({num})"),
        "unnumbered paragraph": ("alinéa non numéroté {n}", "al. {n}"),
        "point": ("alinéa {num})", "{num})"),
        "indent": ("tiret {n}", "tiret {n}"),
        "intro": ("chapeau", "chapeau"),
        "wrapup": ("phrase finale", "phrase finale"),
        "heading": ("intitulé", "intitulé"),
        "docTitle": ("titre", "titre"),
        "authorialNote": ("note {num}", "n. {num}"),
        "attachment": ("annexe {num}", "ann. {num}"),
        "unknown": ("texte non placé {n}", "non placé {n}"),
    },
    ordinal_words={
        **{word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        **{word: str(10 * tens) for tens, word in enumerate(_TENTHS, start=2)},
        "première": "1",
        "second": "2",
        "seconde": "2",
        "quatre-vingtième": "80",
        "centième": "100",
        "tiers": "3",
        "quart": "4",
        "quarts": "4",
    },
    number_scales={"cent": 100, "cents": 100, "mille": 1000, "mil": 1000, "million": 1000000},
    references=ReferenceWords(
        article=("articles", "article", "art."),
        paragraph=("paragraphes", "paragraphe", "alinéas", "alinéa"),
        point=("lettres", "lettre", "sous-alinéas", "sous-alinéa"),
        ordinals={word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        ranges=("à",),
        lists=("et", "ou"),
        of=("de", "du", "de la"),
        this=("le présent", "la présente", "ce", "cet", "cette"),
    ),
)
