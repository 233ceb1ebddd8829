"""Citation labels for people, built from the instrument's own numbers.

UN citation style (default): "article 3, paragraph 1 (a) (i)"; short style on request:
"art. 3(1)(a)(i)".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from treatydiff.model import Clause

LabelStyle = Literal["un", "short"]

_CONTAINER_WORDS = {
    "part": "part",
    "chapter": "chapter",
    "section": "section",
    "title": "title",
    "subsection": "subsection",
}


def _ordinal_in_eid(clause: Clause) -> str:
    """The positional number an unnumbered clause carries in its eId (``p_2`` -> ``2``)."""
    return clause.eid.rsplit("_", 1)[-1]


def citation(path: Sequence[Clause], *, style: LabelStyle = "un") -> str:
    """Label of the last clause of ``path`` (ancestors first, the clause last)."""
    if not path:
        raise ValueError("citation needs at least one clause")
    short = style == "short"
    has_article = any(c.kind == "article" for c in path)
    parts: list[str] = []
    for clause in path:
        kind, num = clause.kind, clause.num
        if kind in _CONTAINER_WORDS:
            if not has_article:
                word = _CONTAINER_WORDS[kind]
                if short and num:
                    parts.append(f"{word[:4]}. {num}")
                else:
                    parts.append(f"{word} {num or ''}".strip())
        elif kind == "preamble":
            parts.append("preamble")
        elif kind == "recital":
            parts[-1:] = [f"preamble para. {num}" if short else f"preambular paragraph {num}"]
        elif kind == "formula":
            parts.append(f"formula {num}" if short else f"formula {num}")
        elif kind == "conclusions":
            parts.append("final formulas")
        elif kind == "testimonium":
            parts.append(f"{num}" if short else f"paragraph {num}")
        elif kind == "article":
            parts.append(f"art. {num}" if short else f"article {num}")
        elif kind == "paragraph":
            if num:
                parts.append(f"({num})" if short else f"paragraph {num}")
            else:
                ordinal = _ordinal_in_eid(clause)
                parts.append(f"para. {ordinal}" if short else f"unnumbered paragraph {ordinal}")
        elif kind == "point":
            parts.append(f"({num})")
        elif kind == "indent":
            parts.append(f"indent {_ordinal_in_eid(clause)}")
        elif kind == "intro":
            parts.append("chapeau")
        elif kind == "wrapup":
            parts.append("closing words")
        else:
            parts.append(f"{kind} {num or ''}".strip())
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
