"""Spanish: the words of treaties as the United Nations prints them.

Every flag word here means the same in every other language of the registry, or is no
ordinary word there (tests/test_lang.py): "once" (eleven) is left out of the numbers,
being an English number word of another meaning; "un", "uno" and "una" too, being the
indefinite article; "medio" (half, but also "means").
"""

from __future__ import annotations

from treatydiff.lang import Language, ReferenceWords

_UNITS = (
    "cero _ dos tres cuatro cinco seis siete ocho nueve diez _ doce trece catorce quince "
    "dieciséis diecisiete dieciocho diecinueve veinte veintiuno veintidós veintitrés "
    "veinticuatro veinticinco veintiséis veintisiete veintiocho veintinueve"
).split()
_TENS = "treinta cuarenta cincuenta sesenta setenta ochenta noventa".split()
_HUNDREDS = (
    "ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos "
    "ochocientos novecientos"
).split()
# Words that name no single number: counted as themselves.
_OTHER_NUMBERS = (
    "mil millón millones mitad primero primera primer segundo segunda tercero tercera tercer "
    "cuarto cuarta quinto quinta sexto sexta séptimo séptima octavo octava noveno novena "
    "décimo décima"
).split()
_ORDINALS = (
    "primero segundo tercero cuarto quinto sexto séptimo octavo noveno décimo undécimo duodécimo"
).split()
_FEMININE_ORDINALS = (
    "primera segunda tercera cuarta quinta sexta séptima octava novena décima undécima duodécima"
).split()
_TENTHS = (
    "vigésimo trigésimo cuadragésimo quincuagésimo sexagésimo septuagésimo octogésimo nonagésimo"
).split()

LANGUAGE = Language(
    code="es",
    article_words=("Artículo", "ARTÍCULO", "ARTICULO", "Art."),
    article_one_words=("primero", "Primero", "PRIMERO"),
    container_words={
        "parte": "part",
        "capítulo": "chapter",
        "sección": "section",
        "título": "title",
        "subsección": "subsection",
    },
    preamble_words=("Preámbulo", "PREÁMBULO", "PREAMBULO"),
    attachment_words=("Anexo", "ANEXO", "Apéndice", "APÉNDICE", "APENDICE"),
    recital_openers=(
        "Acogiendo",
        "Advirtiendo",
        "Afirmando",
        "Alarmados",
        "Alentados",
        "Alentando",
        "Animados",
        "Apreciando",
        "Celebrando",
        "Condenando",
        "Conscientes",
        "Consciente",
        "Considerando",
        "Convencidos",
        "Convencida",
        "Decididos",
        "Deplorando",
        "Deseando",
        "Deseosos",
        "Destacando",
        "Determinados",
        "Estimando",
        "Expresando",
        "Gravemente",
        "Guiados",
        "Habiendo",
        "Haciendo",
        "Inquietos",
        "Insistiendo",
        "Inspirada",
        "Inspirados",
        "Observando",
        "Persuadidos",
        "Poniendo",
        "Preocupados",
        "Preocupada",
        "Proclamando",
        "Profundamente",
        "Reafirmando",
        "Reconociendo",
        "Recordando",
        "Reiterando",
        "Resueltos",
        "Señalando",
        "Seriamente",
        "Subrayando",
        "Teniendo",
        "Tomando",
        "Visto",
    ),  # fmt: skip
    participle_endings=("ando", "iendo", "endo"),
    conjunctions=("y", "e", "o", "u"),
    closing_formulas=(
        "Han convenido",
        "HAN CONVENIDO",
        "Han acordado",
        "HAN ACORDADO",
        "Han decidido",
        "Convienen",
        "Acuerdan",
        "adopta la presente",
    ),
    testimonium_openers=(
        "EN FE DE LO CUAL",
        "En fe de lo cual",
        "EN TESTIMONIO DE LO CUAL",
        "En testimonio de lo cual",
        "HECHO EN",
        "HECHO en",
        "Hecho en",
        "El texto que antecede es el texto auténtico",
    ),
    instrument_words=(
        "Convención",
        "Convenio",
        "Protocolo",
        "Acuerdo",
        "Pacto",
        "Carta",
        "Tratado",
        "Estatuto",
        "Resolución",
        "Anexo",
    ),
    act_words=(
        "Decreto",
        "Decreto Legislativo",
        "Decreto Ejecutivo",
        "Acuerdo",
        "Acuerdo Ejecutivo",
        "Ley",
    ),
    body_openers=(
        "Los Estados",
        "La Conferencia General",
        "Los Gobiernos",
        "Las Altas Partes Contratantes",
        "Las Partes Contratantes",
        "Las Partes",
        "Los signatarios",
        "La Asamblea General",
    ),
    sentence_openers=(
        "El",
        "La",
        "Los",
        "Las",
        "Este",
        "Esta",
        "Estos",
        "Estas",
        "Cada",
        "Todo",
        "Toda",
        "Todos",
        "Todas",
        "Un",
        "Una",
        "Ningún",
        "Ninguna",
        "Nada",
        "Cuando",
        "Si",
        "En",
        "Para",
        "Por",
        "Sin",
        "Salvo",
        "No",
        "Su",
        "Sus",
    ),  # fmt: skip
    not_sentence_openers=("La Haya", "No."),
    reference_words=frozenset(
        "punto puntos anexo anexos apéndice capítulo parte sección título regla reglas "
        "resolución decisión volumen página".split()
    ),
    auxiliary_verbs=frozenset("es son era eran será serán está están ha han había habían".split()),
    adoption_words=("Adoptado", "Adoptada", "Aprobado", "Aprobada"),
    entry_into_force_words=("entrada en vigor",),
    months=(
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ),  # fmt: skip
    common_words=frozenset("el la los las del y que por con una para se al es su".split()),
    modal_verbs=frozenset(
        "deberá deberán debe deben debería deberían podrá podrán puede pueden podría podrían "
        "procurará procurarán compromete comprometen".split()
    ),
    negations=frozenset(
        "no ni nunca jamás ningún ninguno ninguna nada nadie sin salvo excepto tampoco".split()
    ),
    number_words={
        **{word: str(value) for value, word in enumerate(_UNITS) if word != "_"},
        **{word: str(10 * tens) for tens, word in enumerate(_TENS, start=3)},
        "cien": "100",
        **{word: str(100 * hundreds) for hundreds, word in enumerate(_HUNDREDS, start=1)},
        **{word: word for word in _OTHER_NUMBERS},
    },
    periods=frozenset("día días semana semanas mes meses año años edad".split()),
    function_words=frozenset("el la los las de del y o a en por con se su al lo".split()),
    short_words=frozenset(
        # The monosyllables told apart by the diacritic accent are two words each (RAE,
        # Ortografía 2010: "si" / "sí", "el" / "él", "mi" / "mí", "se" / "sé").
        "a al de dé el él en es ha he la le lo me mi mí ni no o os se sé si sí su te té tu "
        "tú u un ya y yo".split()
    ),
    negation_prefixes=("no", "in", "im", "i", "des", "anti"),
    inflections=("s", "es"),
    # Spanish writes prefixes joined to their word (Ortografía de la lengua española,
    # RAE, 2010): none tells two words apart.
    hyphen_prefixes=(),
    variant_endings=(),
    accented_words=frozenset(
        # The diacritic accent (RAE, Ortografía de la lengua española, 2010): the
        # monosyllables and the interrogatives it tells apart, accented on capitals too.
        "él tú mí sí sé té dé más aún qué quién cuál cómo dónde cuándo cuánto".split()
    ),
    definitions_captions=("definición", "definiciones", "términos empleados", "terminología"),
    citation_forms={
        "part": ("parte {num}", "pte. {num}"),
        "chapter": ("capítulo {num}", "cap. {num}"),
        "section": ("sección {num}", "secc. {num}"),
        "title": ("título {num}", "tít. {num}"),
        "subsection": ("subsección {num}", "subsecc. {num}"),
        "preface": ("portada", "portada"),
        "preamble": ("preámbulo", "preámbulo"),
        "recital": ("párrafo {num} del preámbulo", "preámb. párr. {num}"),
        "formula": ("fórmula {num}", "fórmula {num}"),
        "conclusions": ("cláusulas finales", "cláusulas finales"),
        "testimonium": ("párrafo {num}", "{num}"),
        "article": ("artículo {num}", "art. {num}"),
        "paragraph": ("párrafo {num}", "({num})"),
        "unnumbered paragraph": ("párrafo sin número {n}", "párr. {n}"),
        "point": ("apartado {num})", "{num})"),
        "indent": ("guion {n}", "guion {n}"),
        "intro": ("encabezamiento", "encabezamiento"),
        "wrapup": ("frase final", "frase final"),
        "heading": ("epígrafe", "epígrafe"),
        "docTitle": ("título", "título"),
        "authorialNote": ("nota {num}", "n. {num}"),
        "attachment": ("anexo {num}", "anexo {num}"),
        "unknown": ("texto no ubicado {n}", "no ubicado {n}"),
    },
    ordinal_words={
        **{word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        **{word: str(value) for value, word in enumerate(_FEMININE_ORDINALS, start=1)},
        **{word: str(10 * tens) for tens, word in enumerate(_TENTHS, start=2)},
        **{word[:-1] + "a": str(10 * tens) for tens, word in enumerate(_TENTHS, start=2)},
        "primer": "1",
        "tercer": "3",
        "centésimo": "100",
        "tercio": "3",
        "tercios": "3",
        "cuartos": "4",
    },
    number_scales={"mil": 1000, "millón": 1000000, "millones": 1000000},
    references=ReferenceWords(
        article=("artículos", "artículo", "art."),
        paragraph=("párrafos", "párrafo", "párr."),
        point=("apartados", "apartado", "incisos", "inciso"),
        ordinals={word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        ranges=("a",),
        lists=("y", "e", "o", "u"),
        of=("de", "del", "de la"),
        this=("el presente", "la presente", "este", "esta"),
    ),
)
