"""Hand-built comparisons for the report tests: synthetic instruments (invented wording,
no corpus text) and alignments written out, so report tests do not depend on the engine.

The "draft" and "final" instruments show every kind of row: identical, formatting,
modified with tags, added, removed, moved, a split; the "hostile" instrument holds text
that would be markup if it were not escaped.
"""

from __future__ import annotations

from treatydiff.engine.comparison import Alignment, Comparison, DiffOp
from treatydiff.model import Clause, Instrument, Metadata


def _para(article: int, n: int, text: str) -> Clause:
    return Clause(f"art_{article}__para_{n}", "paragraph", num=str(n), text=text)


def _article(n: int, heading: str | None, *paras: Clause) -> Clause:
    return Clause(f"art_{n}", "article", num=str(n), heading=heading, children=paras)


PREAMBLE_DRAFT = Clause(
    "preamble",
    "preamble",
    children=(
        Clause("preamble__formula_1", "formula", num="1", text="The Parties to this Accord,"),
        Clause(
            "preamble__p_1", "recital", num="1", text='Recalling the "common" river they share,'
        ),
        Clause("preamble__p_2", "recital", num="2", text="Wishing to keep its water clean,"),
    ),
)

DRAFT = Instrument(
    id="accord-draft",
    title="Accord on the Shared River (draft)",
    metadata=Metadata(version="draft", source="synthetic/draft.txt", sha256="0" * 64),
    body=(
        PREAMBLE_DRAFT,
        _article(
            1,
            "Purpose",
            _para(1, 1, "The Parties should protect the river."),
            _para(1, 2, "Each Party shall report every three years."),
            _para(1, 3, "Fishing is allowed in spring and in autumn."),
        ),
        _article(
            2,
            "Boats",
            _para(2, 1, "Boats may use the river by day."),
            _para(2, 2, "Boats shall carry a light."),
            _para(2, 3, "Boats shall keep to the right."),
            _para(2, 4, "Each boat bears a number."),
        ),
        _article(
            3,
            "Meetings",
            _para(3, 1, "The Parties meet each year."),
            _para(3, 2, "The Parties may invite observers."),
        ),
    ),
)

FINAL = Instrument(
    id="accord-final",
    title="Accord on the Shared River",
    metadata=Metadata(version="final", source="synthetic/final.txt", sha256="f" * 64),
    body=(
        Clause(
            "preamble",
            "preamble",
            children=(
                Clause(
                    "preamble__formula_1", "formula", num="1", text="The Parties to this Accord,"
                ),
                Clause(
                    "preamble__p_1",
                    "recital",
                    num="1",
                    text="Recalling the \u201ccommon\u201d river they share,",
                ),
                Clause(
                    "preamble__p_2", "recital", num="2", text="Wishing to keep its water clean,"
                ),
            ),
        ),
        _article(
            1,
            "Purpose",
            _para(1, 1, "The Parties shall protect the river."),
            _para(1, 2, "Each Party shall report every five years."),
            _para(1, 3, "Fishing is allowed in spring."),
            _para(1, 4, "Fishing is allowed in autumn."),
        ),
        _article(
            2,
            "Boats",
            _para(2, 1, "Boats shall carry a light."),
            _para(2, 2, "Boats shall keep to the right."),
            _para(2, 3, "Each boat bears a number."),
            _para(2, 4, "Boats may use the river by day."),
            _para(2, 5, "Boats shall not use the river at night."),
        ),
        _article(
            3,
            "Meetings of the Parties",
            _para(3, 1, "The Parties meet each year."),
            _para(3, 2, "The Parties\u2019 secretariat keeps the records."),
        ),
    ),
)


def _same(eid: str, text: str, right: str | None = None) -> Alignment:
    return Alignment(
        (eid,), (right or eid,), "identical", similarity=1.0, diff=(DiffOp("equal", text, text),)
    )


ALIGNMENTS = (
    Alignment(
        ("docTitle",),
        ("docTitle",),
        "modified",
        similarity=0.87,
        tags=("wording",),
        diff=(
            DiffOp("equal", "Accord on the Shared River", "Accord on the Shared River"),
            DiffOp("delete", " (draft)", ""),
        ),
    ),
    _same("preamble__formula_1", "The Parties to this Accord,"),
    Alignment(
        ("preamble__p_1",),
        ("preamble__p_1",),
        "formatting",
        similarity=1.0,
        diff=(
            DiffOp(
                "equal",
                'Recalling the "common" river they share,',
                "Recalling the \u201ccommon\u201d river they share,",
            ),
        ),
    ),
    _same("preamble__p_2", "Wishing to keep its water clean,"),
    _same("art_1__heading", "Purpose"),
    Alignment(
        ("art_1__para_1",),
        ("art_1__para_1",),
        "modified",
        similarity=0.91,
        tags=("wording", "modal"),
        diff=(
            DiffOp("equal", "The Parties ", "The Parties "),
            DiffOp("replace", "should", "shall"),
            DiffOp("equal", " protect the river.", " protect the river."),
        ),
    ),
    Alignment(
        ("art_1__para_2",),
        ("art_1__para_2",),
        "modified",
        similarity=0.93,
        tags=("wording", "number"),
        diff=(
            DiffOp("equal", "Each Party shall report every ", "Each Party shall report every "),
            DiffOp("replace", "three", "five"),
            DiffOp("equal", " years.", " years."),
        ),
    ),
    Alignment(
        ("art_1__para_3",),
        ("art_1__para_3", "art_1__para_4"),
        "modified",
        similarity=0.88,
        tags=("wording",),
        diff=(
            DiffOp("equal", "Fishing is allowed in spring", "Fishing is allowed in spring"),
            DiffOp("replace", " and in", "."),
            DiffOp("insert", "", "Fishing is allowed in", 0, 1),
            DiffOp("equal", " autumn.", " autumn.", 0, 1),
        ),
    ),
    _same("art_2__heading", "Boats"),
    _same("art_2__para_2", "Boats shall carry a light.", "art_2__para_1"),
    _same("art_2__para_3", "Boats shall keep to the right.", "art_2__para_2"),
    _same("art_2__para_4", "Each boat bears a number.", "art_2__para_3"),
    Alignment(
        ("art_2__para_1",),
        ("art_2__para_4",),
        "identical",
        moved=True,
        similarity=1.0,
        diff=(
            DiffOp("equal", "Boats may use the river by day.", "Boats may use the river by day."),
        ),
    ),
    Alignment(
        (),
        ("art_2__para_5",),
        "added",
        diff=(DiffOp("insert", "", "Boats shall not use the river at night."),),
    ),
    Alignment(
        ("art_3__heading",),
        ("art_3__heading",),
        "modified",
        similarity=0.53,
        tags=("wording",),
        diff=(DiffOp("equal", "Meetings", "Meetings"), DiffOp("insert", "", " of the Parties")),
    ),
    _same("art_3__para_1", "The Parties meet each year."),
    Alignment(
        ("art_3__para_2",),
        (),
        "removed",
        diff=(DiffOp("delete", "The Parties may invite observers.", ""),),
    ),
    Alignment(
        (),
        ("art_3__para_2",),
        "added",
        diff=(DiffOp("insert", "", "The Parties\u2019 secretariat keeps the records."),),
    ),
)

SAMPLE = Comparison(left=DRAFT, right=FINAL, alignments=ALIGNMENTS)

# Text that must stay text: HTML, attribute breakers, script URLs, Markdown and Jinja syntax.
HOSTILE_TEXTS = (
    '<script>alert("x")</script> shall apply.',
    "Parties \" onmouseover=\"alert(1)\" x=' and ' onfocus='alert(2)",
    'See javascript:alert(3) and <a href="javascript:alert(4)">this</a>.',
    "</textarea></style></script><img src=x onerror=alert(5)>",
    "{{ 7 * 7 }} {% raw %} *bold* _em_ `code` [link](javascript:alert(6)) | cell |",
    "# Not a heading &amp; &#60;b&#62; ~~not struck~~ $x$ www.example.org",
    "1. Not a list item; > not a quote; - not a bullet; <!-- not a comment -->",
    "- Not a bullet either \\ ***",
)


# A clause number that breaks out of an attribute, as labels and headings carry it.
HOSTILE_NUM = '1" autofocus onfocus="alert(9)'


def hostile_pair() -> Comparison:
    """A comparison whose every clause text, label and title is hostile."""
    hostile_title = '<b onclick="alert(7)">Hostile</b> & "Title" *x*'
    left_clauses = tuple(
        Clause(f"art_{n}", "article", num=str(n), text=text)
        for n, text in enumerate(HOSTILE_TEXTS, start=1)
    ) + (Clause("art_x", "article", num=HOSTILE_NUM, heading=HOSTILE_NUM, text="Plain."),)
    right_clauses = tuple(
        Clause(f"art_{n}", "article", num=str(n), text=text + " <i>added</i>")
        for n, text in enumerate(HOSTILE_TEXTS, start=1)
    )
    left = Instrument(
        id='hostile"<left>',
        title=hostile_title,
        metadata=Metadata(source="javascript:alert(8)", sha256="<sha>"),
        body=left_clauses,
    )
    right = Instrument(id="hostile-right", title=hostile_title + " 2", body=right_clauses)
    alignments = (
        Alignment(
            ("docTitle",),
            ("docTitle",),
            "modified",
            similarity=0.97,
            tags=("wording",),
            diff=(DiffOp("equal", hostile_title, hostile_title), DiffOp("insert", "", " 2")),
        ),
        Alignment(("art_x__heading",), (), "removed", diff=(DiffOp("delete", HOSTILE_NUM, ""),)),
        Alignment(("art_x",), (), "removed", diff=(DiffOp("delete", "Plain.", ""),)),
    ) + tuple(
        Alignment(
            (f"art_{n}",),
            (f"art_{n}",),
            "modified",
            similarity=0.9,
            tags=("wording",),
            diff=(DiffOp("equal", text, text), DiffOp("insert", "", " <i>added</i>")),
        )
        for n, text in enumerate(HOSTILE_TEXTS, start=1)
    )
    return Comparison(left=left, right=right, alignments=alignments)
