"""Citation labels for people, built from the instrument's own numbers.

UN citation style (default): "article 3, paragraph 1 (a) (i)"; short style on request:
"art. 3(1)(a)(i)". The words are a language's ``citation_forms`` (``treatydiff.lang``);
reports label in English.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from treatydiff import lang
from treatydiff.model import Clause
from treatydiff.segment.eids import number_token

LabelStyle = Literal["un", "short"]

_CONTAINERS = frozenset({"part", "chapter", "section", "title", "subsection"})
# Kinds cited by their word alone when they have no number ("part", "annex"); an
# attachment is cited even where an article stands in the path ("annex, article 1").
_UNNUMBERED_FORMS = _CONTAINERS | {"attachment"}
# Kinds whose number a source prints and a citation names.
_PRINTED = frozenset({"article", "paragraph", "point", "attachment", *_CONTAINERS})


def cited_numbers(path: Sequence[Clause]) -> tuple[tuple[str, str], ...]:
    """The printed numbers a citation of the last clause of ``path`` names, outermost
    first, as (kind, number) with the number as an eId spells it ("3 bis" -> "3bis"):
    article, paragraph and point; an attachment's ("annex II, article 1"); containers only
    where no article stands in the path (articles are cited by their own numbers).
    Positional numbers (recitals, formulas, unnumbered paragraphs) are no printed numbers;
    a caption has its owner's."""
    has_article = any(c.kind == "article" for c in path)
    return tuple(
        (c.kind, number_token(c.num).casefold())
        for c in path
        if c.num and c.kind in _PRINTED and not (c.kind in _CONTAINERS and has_article)
    )


def _ordinal_in_eid(clause: Clause) -> str:
    """The positional number an unnumbered clause carries in its eId (``p_2`` -> ``2``)."""
    return clause.eid.rsplit("_", 1)[-1]


def placed(
    path: Sequence[Clause], label: str, *, style: LabelStyle = "un", language: str = "en"
) -> str:
    """``label`` (a citation of the last clause of ``path``) followed by the parts,
    chapters or sections the clause stands in, in brackets ("article 2 (part II)"), for
    telling apart the two places of a clause moved to another part under the same number;
    ``label`` alone when it stands in none."""
    containers = [clause for clause in path if clause.kind in _CONTAINERS]
    if not containers:
        return label
    return f"{label} ({citation(containers, style=style, language=language)})"


def citation(path: Sequence[Clause], *, style: LabelStyle = "un", language: str = "en") -> str:
    """Label of the last clause of ``path`` (ancestors first, the clause last), in the
    words of ``language``.

    Containers are named only where no article stands in the path (articles are cited
    by their own numbers); an unnumbered subsection (a cross-heading) by its heading,
    'chapter IV, subsection "Composition"'. Raises ValueError for an empty path,
    LanguageError for an unknown language.
    """
    if not path:
        raise ValueError("citation needs at least one clause")
    forms = lang.get(language).citation_forms
    short = style == "short"
    has_article = any(c.kind == "article" for c in path)
    parts: list[str] = []
    for clause in path:
        kind, num = clause.kind, clause.num
        if kind == "paragraph" and not num:
            kind = "unnumbered paragraph"
        if kind not in forms:
            parts.append(f"{kind} {num or ''}".strip())
            continue
        if kind in _CONTAINERS and has_article:
            continue
        un_form, short_form = forms[kind]
        if kind in _UNNUMBERED_FORMS and not num:
            word = un_form.format(num="").strip()
            # Cross-headings ("Composition", "Voting" under chapter IV of the UN Charter)
            # are subsections without numbers, several in one container: their headings
            # tell them apart where the word alone would not.
            if kind == "subsection" and clause.heading:
                word = f'{word} "{clause.heading}"'
            parts.append(word)
            continue
        # An editorial note has no marker: "note", not "note ".
        label = (short_form if short else un_form).format(num=num, n=_ordinal_in_eid(clause))
        label = label.strip()
        if kind == "recital":
            parts[-1:] = [label]  # "preambular paragraph 3", not "preamble, ..."
        else:
            parts.append(label)
    return _join(parts, short=short)


def _join(parts: list[str], *, short: bool) -> str:
    out = ""
    for part in parts:
        if not out:
            out = part
        elif part.startswith("("):
            out += part if short else f" {part}"
        else:
            out += f" {part}" if short else f", {part}"
    return out
