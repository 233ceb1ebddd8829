"""English: the words of treaties in the UN, Council of Europe and Hague Conference styles."""

from __future__ import annotations

from treatydiff.lang import Language, ReferenceWords

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
).split()
_TENS = "thirty forty fifty sixty seventy eighty ninety".split()
# Words that name no single number: counted as themselves.
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_OTHER_NUMBERS = (
    "hundred thousand million billion half halves quarter quarters thirds twice once thrice "
    "double triple percent cent first second third fourth fifth sixth seventh eighth ninth "
    "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
    "nineteenth twentieth thirtieth fortieth fiftieth hundredth"
).split()

# Tens as ordinals, from the thirtieth (the twentieth ends ``_ORDINALS``).
_TENTHS = "thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split()

LANGUAGE = Language(
    code="en",
    article_words=("Article", "ARTICLE", "Art."),
    article_one_words=(),
    container_words={
        "part": "part",
        "chapter": "chapter",
        "section": "section",
        "title": "title",
        "sub-section": "subsection",
    },
    preamble_words=("Preamble", "PREAMBLE"),
    attachment_words=(
        "Annex",
        "ANNEX",
        "Appendix",
        "APPENDIX",
        "Schedule",
        "SCHEDULE",
        "Attachment",
        "ATTACHMENT",
    ),  # fmt: skip
    recital_openers=(
        "Accepting",
        "Acknowledging",
        "Acting",
        "Affirming",
        "Agreeing",
        "Aiming",
        "Alarmed",
        "Also",
        "Appalled",
        "Appreciating",
        "Aware",
        "Bearing in mind",
        "Being",
        "Believing",
        "Commending",
        "Committed",
        "Concerned",
        "Condemning",
        "Confirming",
        "Conscious",
        "Considering",
        "Convinced",
        "Declaring",
        "Deeply",
        "Deploring",
        "Desiring",
        "Desirous",
        "Determined",
        "Disturbed",
        "Emphasizing",
        "Emphasising",
        "Encouraged",
        "Encouraging",
        "Expressing",
        "Firmly",
        "Further",
        "Gravely",
        "Guided",
        "Having",
        "Hoping",
        "Inspired",
        "Keen",
        "Mindful",
        "Noting",
        "Observing",
        "Persuaded",
        "Proclaiming",
        "Reaffirming",
        "Realizing",
        "Realising",
        "Recalling",
        "Recognizing",
        "Recognising",
        "Reiterating",
        "Resolved",
        "Seriously",
        "Stressing",
        "Taking",
        "Underlining",
        "Urging",
        "Welcoming",
        "Whereas",
        "Wishing",
    ),  # fmt: skip
    participle_endings=("ing",),
    conjunctions=("and", "or"),
    closing_formulas=(
        "Have agreed",
        "HAVE AGREED",
        "Have decided",
        "Hereby agree",
        "Agree as follows",
        "adopts this",
    ),
    testimonium_openers=(
        "IN WITNESS WHEREOF",
        "In witness whereof",
        "IN WITNESS THEREOF",
        "In witness thereof",
        "IN FAITH WHEREOF",
        "In faith whereof",
        "DONE at",
        "Done at",
        "The foregoing is the authentic text",
    ),
    instrument_words=(
        "Convention",
        "Protocol",
        "Agreement",
        "Covenant",
        "Charter",
        "Treaty",
        "Statute",
        "Resolution",
        "Annex",
    ),
    act_words=("Act", "Decree", "Law", "Order", "Ordinance"),
    body_openers=(
        "The States",
        "The Member States",
        "The member States",
        "The General Conference",
        "The Governments",
        "The High Contracting Parties",
        "The Contracting Parties",
        "The Contracting States",
        "The Parties",
        "The signatory States",
        "The signatory Governments",
        "The signatories",
    ),
    sentence_openers=(
        "The",
        "This",
        "These",
        "Each",
        "Every",
        "Any",
        "All",
        "A",
        "An",
        "No",
        "Nothing",
        "Where",
        "When",
        "If",
        "In",
        "For",
        "Such",
        "Subject",
        "Notwithstanding",
        "Without",
        "Unless",
        "Upon",
        "It",
        "Its",
    ),  # fmt: skip
    not_sentence_openers=("The Hague", "No."),
    reference_words=frozenset(
        "item items point points annex annexes appendix schedule chapter part section rule "
        "rules resolution decision volume page".split()
    ),
    auxiliary_verbs=frozenset("is are was were has have had".split()),
    adoption_words=("Adopted",),
    entry_into_force_words=("entry into force",),
    months=(
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),  # fmt: skip
    common_words=frozenset("the of and to in a is that for on by with be as shall".split()),
    modal_verbs=frozenset(
        "shall should may might must will would can could cannot endeavour endeavours endeavor "
        "endeavors undertake undertakes".split()
    ),
    negations=frozenset(
        "not no non never neither nor none nothing nobody without unless except".split()
    ),
    number_words={
        **{word: str(value) for value, word in enumerate(_UNITS)},
        **{word: str(10 * tens) for tens, word in enumerate(_TENS, start=3)},
        **{word: word for word in _OTHER_NUMBERS},
    },
    periods=frozenset(
        "hour hours day days week weeks month months year years decade decades "
        # how often: "annually" -> "biennially" changes a period as "two years" does
        "daily weekly monthly quarterly yearly annual annually biennial biennially "
        "triennial triennially".split()
    ),
    function_words=frozenset(
        "a an the of or on in into to at by as is it its be are was no not nor and for from "
        "if so do he she we us our his her him they them this that these those any all each".split()
    ),
    short_words=frozenset(
        "a i ad ah am an as at be by do eh go he hi id if in is it me my no of oh ok on or ox "
        "re so to up us we ye".split()
    ),
    negation_prefixes=("non", "un", "in", "im", "il", "ir"),
    # Number and tense, and the one who acts and the one acted on ("employer" /
    # "employee", "lessor" / "lessee"): another word, never a typo of it.
    inflections=("s", "es", "ed", "er", "or", "ee"),
    # The Chicago Manual of Style (17th ed., 7.89, hyphenation guide, "re", "un", "co")
    # and New Hart's Rules (hyphens after prefixes): these take a hyphen to tell the word
    # apart from another, re-cover / recover, re-sign / resign, un-ionized / unionized,
    # co-op / coop; after "re" and "co" before a vowel the hyphen only keeps two vowels
    # apart (re-enter / reenter, co-operation / cooperation), a spelling.
    hyphen_prefixes=("re", "un", "co"),
    # New Hart's Rules (3.2, "-ise or -ize?"): the verb ending and its derivatives are
    # spelled either way; "-yse" (analyse) is listed in en.variants.txt word by word.
    variant_endings=tuple(
        (f"is{end}", f"iz{end}")
        for end in ("e", "ed", "es", "ing", "er", "ers", "ation", "ations", "able")
    ),
    accented_words=frozenset(),
    definitions_captions=("definition", "use of terms"),
    citation_forms={
        "part": ("part {num}", "part. {num}"),
        "chapter": ("chapter {num}", "chap. {num}"),
        "section": ("section {num}", "sect. {num}"),
        "title": ("title {num}", "titl. {num}"),
        "subsection": ("subsection {num}", "subs. {num}"),
        "preface": ("preface", "preface"),
        "preamble": ("preamble", "preamble"),
        "recital": ("preambular paragraph {num}", "preamble para. {num}"),
        "formula": ("formula {num}", "formula {num}"),
        "conclusions": ("final formulas", "final formulas"),
        "testimonium": ("paragraph {num}", "{num}"),
        "article": ("article {num}", "art. {num}"),
        "paragraph": ("paragraph {num}", "({num})"),
        "unnumbered paragraph": ("unnumbered paragraph {n}", "para. {n}"),
        "point": ("({num})", "({num})"),
        "indent": ("indent {n}", "indent {n}"),
        "intro": ("chapeau", "chapeau"),
        "wrapup": ("closing words", "closing words"),
        "heading": ("heading", "heading"),
        "docTitle": ("title", "title"),
        "authorialNote": ("note {num}", "n. {num}"),
        "attachment": ("annex {num}", "annex {num}"),
        "unknown": ("unplaced text {n}", "unplaced {n}"),
    },
    ordinal_words={
        **{word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        **{word: str(10 * tens) for tens, word in enumerate(_TENTHS, start=3)},
        "hundredth": "100",
        "thirds": "3",
        "fourths": "4",
        "quarters": "4",
        "fifths": "5",
    },
    number_scales={"hundred": 100, "thousand": 1000, "million": 1000000},
    references=ReferenceWords(
        article=("articles", "article", "arts.", "art."),
        paragraph=("paragraphs", "paragraph", "paras.", "para."),
        point=("subparagraphs", "subparagraph", "sub-paragraphs", "sub-paragraph"),
        ordinals={word: str(value) for value, word in enumerate(_ORDINALS, start=1)},
        ranges=("to", "through"),
        lists=("and", "or"),
        of=("of",),
        this=("this", "the present", "these"),
    ),
)
