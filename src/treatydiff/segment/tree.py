"""Segmentation: from a flat list of text blocks to a clause tree with Akoma Ntoso eIds.

Importers turn their format into ``Block``s (one per paragraph or heading, with the
source line) and strip format debris; the structure of a treaty is recognized here, in
one place, for every text format: preamble (formulas and recitals, also where a source
collapsed them into one paragraph), containers (parts, chapters, sections, titles),
articles and their captions, numbered paragraphs, points nested by marker style,
chapeaux and closing words of lists, and the final formulas.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Literal

from treatydiff.model import Clause
from treatydiff.normalize import INVISIBLE_CHARACTERS, display_text

BlockRole = Literal["text", "heading", "caption"]


@dataclass(frozen=True)
class Block:
    """One paragraph or heading of the source.

    ``spans`` maps character offsets of ``text`` to source lines, for a block joined from
    several lines: ``((0, 12), (80, 13))`` says the text from offset 80 on stands on line
    13. Without spans the whole block stands on ``line``.
    """

    text: str
    line: int
    role: BlockRole = "text"
    spans: tuple[tuple[int, int], ...] = ()

    def line_at(self, offset: int) -> int:
        line = self.line
        for start, span_line in self.spans:
            if start > offset:
                break
            line = span_line
        return line

    def sub(self, start: int, end: int | None = None) -> Block:
        """The part of this block from ``start`` to ``end``, with its own lines."""
        stop = len(self.text) if end is None else end
        spans = tuple(
            (max(offset - start, 0), line)
            for offset, line in self.spans
            if offset < stop and (offset >= start or self.line_at(start) == line)
        )
        return Block(self.text[start:end], self.line_at(start), self.role, spans)


# --- the words of structure, per language ------------------------------------------------

# Words that open a preambular paragraph ("Considering that ...", "Gravely concerned ...").
_EN_OPENERS = (
    "Accepting|Acknowledging|Acting|Affirming|Agreeing|Aiming|Alarmed|Appalled|Appreciating|"
    "Aware|Bearing in mind|Being|Believing|Commending|Committed|Concerned|Condemning|"
    "Confirming|Conscious|Considering|Convinced|Declaring|Deeply|Deploring|Desiring|Desirous|"
    "Determined|Disturbed|Emphasizing|Emphasising|Encouraged|Encouraging|Expressing|Firmly|"
    "Further|Gravely|Guided|Having|Hoping|Inspired|Keen|Mindful|Noting|Observing|Persuaded|"
    "Proclaiming|Reaffirming|Realizing|Realising|Recalling|Recognizing|Recognising|"
    "Reiterating|Resolved|Seriously|Stressing|Taking|Underlining|Urging|Welcoming|Whereas|"
    "Wishing"
)
_NL_OPENERS = (
    "Aangemoedigd|Benadrukkend|Besloten|Bevestigend|Bezorgd|Bijeengeroepen|Daarom|Diep|"
    "Eraan|Erkennend|Erkennende|Erop|Ernstig|Ervan|Evenwel|Gelet|Geleid|Gezien|Herinnerend|"
    "Herinnerende|In aanmerking|In acht|In het besef|In herinnering|Indachtig|Mede|Met nadruk|"
    "Opmerkend|Opnieuw|Overtuigd|Overwegend|Overwegende|Rekening houdend|Ten stelligste|"
    "Tevens|Toejuichend|Uiterst|Van mening|Vastbesloten|Vastgesteld|Vaststellend|Verklarend|"
    "Verlangend|Verontrust|Voorts|Zich"
)


@dataclass(frozen=True)
class _Vocabulary:
    article: re.Pattern[str]
    container: re.Pattern[str]
    container_kind: dict[str, str]
    preamble_label: re.Pattern[str]
    recital_break: re.Pattern[str]
    opens_recital: re.Pattern[str]
    closing_formula: re.Pattern[str]
    starts_testimonium: re.Pattern[str]
    testimonium_inside: re.Pattern[str]


# Characters that stand inside a word without changing it (PDF extraction leaves them:
# "Recog\u00adnizing"): those the comparison key drops.
_INVISIBLE = re.compile(f"[{INVISIBLE_CHARACTERS}]")
_INSIDE_WORD = f"{_INVISIBLE.pattern}*"

# Each letter group typeset as a ligature, in every way a typesetter may have split it
# ("{}" is where an invisible character may stand).
_LIGATURES = (
    ("ffi", ("\ufb03", "f{}\ufb01", "\ufb00{}i")),
    ("ffl", ("\ufb04", "f{}\ufb02", "\ufb00{}l")),
    ("ff", ("\ufb00",)),
    ("fi", ("\ufb01",)),
    ("fl", ("\ufb02",)),
)


def _typeset_tolerant(pattern: str, *, invisible: bool) -> str:
    """``pattern`` (words, spaces and "|") also matching its words typeset with ligatures
    ("Reaﬃrming"), and with ``invisible`` characters inside ("Recog\u00adnizing")."""
    inside = _INSIDE_WORD if invisible else ""
    out, i = "", 0
    while i < len(pattern):
        for letters, ligatures in _LIGATURES:
            if pattern.startswith(letters, i):
                forms = [inside.join(letters), *(f.format(inside) for f in ligatures)]
                out += f"(?:{'|'.join(forms)})"
                i += len(letters)
                break
        else:
            out += pattern[i]
            i += 1
        if inside and i < len(pattern) and pattern[i - 1].isalpha() and pattern[i].isalpha():
            out += inside
    return out


def _vocabulary(
    *,
    article: str,
    containers: dict[str, str],
    preamble: str,
    openers: str,
    closing: str,
    testimonium: str,
    invisible: bool,
) -> _Vocabulary:
    words = "|".join(containers)
    openers = _typeset_tolerant(openers, invisible=invisible)
    closing = _typeset_tolerant(closing, invisible=invisible)
    testimonium = _typeset_tolerant(testimonium, invisible=invisible)
    return _Vocabulary(
        article=re.compile(
            rf"^(?:{article})\s*(?P<num>\d+[a-z]?(?:\s*bis|\s*ter)?|[IVXLC]+)\.?"
            r"(?:\s*[-\u2013\u2014:.]\s*(?P<caption>\S.*))?$"
        ),
        container=re.compile(
            rf"^(?P<word>{words})\s*(?P<num>[IVXLC]+|\d+[A-Z]?)\.?"
            r"(?:\s*[-\u2013\u2014:.]?\s*(?P<heading>\S.*))?$",
            re.IGNORECASE,
        ),
        container_kind=containers,
        preamble_label=re.compile(rf"^(?:{preamble})(?=$|\s|[A-Z])\s*"),
        # A recital ends with "," or ";" (optionally followed by "and"); the next one
        # starts with an opener. Sources glue them ("Convention,Firmly convinced").
        recital_break=re.compile(rf"[,;](?:\s+(?:and|en))?\s*(?=(?:{openers}|{closing})\b)"),
        opens_recital=re.compile(rf"^(?:{openers})\b"),
        closing_formula=re.compile(rf"^(?:{closing})\b"),
        starts_testimonium=re.compile(rf"^(?:{testimonium})\b"),
        testimonium_inside=re.compile(rf"(?<=[.;])\s*(?=(?:{testimonium})\b)"),
    )


# Each language's words; compiled with or without invisible characters by _vocabulary_for.
_VOCABULARIES = {
    "en": partial(
        _vocabulary,
        article=r"Article|ARTICLE|Art\.",
        containers={
            "part": "part",
            "chapter": "chapter",
            "section": "section",
            "title": "title",
            "sub-section": "subsection",
        },
        preamble=r"Preamble|PREAMBLE",
        openers=_EN_OPENERS,
        closing=r"Have agreed|HAVE AGREED|Have decided|Hereby agree|Agree as follows|adopts this",
        testimonium=(
            r"IN WITNESS WHEREOF|In witness whereof|IN WITNESS THEREOF|In witness thereof|"
            r"IN FAITH WHEREOF|In faith whereof|DONE at|Done at|"
            r"The foregoing is the authentic text"
        ),
    ),
    "nl": partial(
        _vocabulary,
        article=r"Artikel|ARTIKEL|Art\.",
        containers={
            "deel": "part",
            "hoofdstuk": "chapter",
            "afdeling": "section",
            "titel": "title",
        },
        preamble=r"Preambule|PREAMBULE",
        openers=_NL_OPENERS,
        closing=r"Zijn het volgende|Zijn overeengekomen|Zij overeengekomen|Zijn als volgt|"
        r"Zijn de volgende|Hebben besloten|Neemt heden|neemt heden",
        testimonium=r"TEN BLIJKE WAARVAN|TEN BLIJKE waarvan|Ten blijke waarvan|GEDAAN te|Gedaan te",
    ),
}

_ROMAN_ONLY = re.compile(r"^(?P<num>[IVXLC]+)\.?$")
_CONTAINER_RANK = {"part": 1, "chapter": 2, "section": 3, "title": 4, "subsection": 5}
_EID_PREFIX = {
    "part": "part",
    "chapter": "chp",
    "section": "sec",
    "title": "title",
    "subsection": "subsec",
}

# --- markers of paragraphs and points ------------------------------------------------

_MARKER = re.compile(
    r"""^(?:
        (?P<num_dot>\d{1,3})\s?\.{1,2}(?!\d)
      | \((?P<num_paren>\d{1,3})\)
      | (?P<num_close>\d{1,3})\)
      | \(\s?(?P<alpha_paren>[a-z]{1,4})\s?\)
      | (?P<alpha_close>[a-z]{1,4})\)
      | (?P<alpha_dot>[a-z]{1,4})\.(?=\s|[A-Z(])
      | (?P<alpha_glued>[a-z])\.(?=[a-z"'\u201c\u2018])(?![a-z]\.) # "g.any", 'a."rights', no "e.g."
      | (?P<dash_indent>[\u2013\u2014\u2022-])(?=\s)
    )\s*""",
    re.VERBOSE,
)
_ROMAN = re.compile(r"^(?=[ivxlc]+$)(c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@dataclass(frozen=True)
class Marker:
    num: str
    style: str  # e.g. "(alpha)", "alpha)", "roman.", "num.": the shape, for nesting
    end: int  # offset where the text after the marker starts


def read_marker(text: str, *, previous_alpha: Iterable[str] = ()) -> Marker | None:
    """The list marker that opens ``text``, if any.

    ``previous_alpha`` holds the last letters used at open alphabetic levels, so that
    "(i)" after "(h)" reads as a letter and "(i)" elsewhere as a roman numeral.
    """
    match = _MARKER.match(text)
    if not match:
        return None
    kind = next(name for name, value in match.groupdict().items() if value is not None)
    num = match[kind]
    shape, _, _ = kind.partition("_")
    bracket = {"dot": "{}.", "glued": "{}.", "paren": "({})", "close": "{})", "indent": "{}"}[
        kind.partition("_")[2]
    ]
    if shape == "alpha":
        is_letter_after = any(
            len(prev) == 1 and len(num) == 1 and ord(num) == ord(prev) + 1
            for prev in previous_alpha
        )
        if _ROMAN.match(num) and not is_letter_after:
            shape = "roman"
        elif len(num) > 1 and not (len(num) == 2 and num[0] == num[1]):
            return None  # "e.g." and other abbreviations, not a marker
    return Marker(num=num, style=bracket.format(shape), end=match.end())


# --- the tree under construction ---------------------------------------------------------


@dataclass
class _Node:
    kind: str
    num: str | None = None
    heading: str | None = None
    text: str = ""
    line: int | None = None
    children: list[_Node] = field(default_factory=list)

    def add_text(self, text: str, line: int) -> None:
        if not self.text:
            self.line = self.line if self.line is not None else line
        self.text = f"{self.text} {text}".strip()


@dataclass
class _Article:
    node: _Node
    paragraph: _Node | None = None
    # open points, outermost first: (marker style, node)
    points: list[tuple[str, _Node]] = field(default_factory=list)

    def holder(self) -> _Node:
        return self.paragraph or self.node


def _clean(text: str) -> str:
    return display_text(text)


@cache
def _vocabulary_for(lang: str, *, invisible: bool) -> _Vocabulary:
    # Compiled on first use: the patterns that allow invisible characters inside every
    # word are large, and only texts that hold such characters need them.
    return _VOCABULARIES.get(lang, _VOCABULARIES["en"])(invisible=invisible)


def segment(blocks: Sequence[Block], *, lang: str = "en") -> tuple[Clause, ...]:
    """Build the clause tree of an instrument body from its blocks, in language ``lang``."""
    invisible = any(_INVISIBLE.search(block.text) for block in blocks)
    return _Segmenter(_vocabulary_for(lang, invisible=invisible)).run(blocks)


class _Segmenter:
    def __init__(self, vocabulary: _Vocabulary) -> None:
        self.words = vocabulary
        self.body: list[_Node] = []
        self.preamble: _Node | None = None
        self.containers: list[_Node] = []  # open containers, outermost first
        self.article: _Article | None = None
        self.conclusions: _Node | None = None
        self.pending_caption_for: _Node | None = None
        self.seen_structure = False

    # -- driving ----------------------------------------------------------------------

    def run(self, blocks: Sequence[Block]) -> tuple[Clause, ...]:
        for block in blocks:
            if not block.text.strip():
                continue
            self.feed(block)
        return tuple(_freeze(node, "", _Counter()) for node in self.body if _has_content(node))

    def feed(self, block: Block) -> None:
        text = block.text.strip()
        if block.role == "caption" and self.pending_caption_for is not None:
            target = self.pending_caption_for
            target.heading = _clean(f"{target.heading or ''} {text}")
            return
        self.pending_caption_for = None
        if self._heading(block, text):
            return
        if block.role in ("heading", "caption"):
            # A heading that is no structure (a stray title line): keep its words.
            self._text(block)
            return
        self._text(block)

    # -- headings ---------------------------------------------------------------------

    def _heading(self, block: Block, text: str) -> bool:
        text = _clean(text)
        if len(text) > 160:
            return False
        article = self.words.article.match(text)
        if article and (block.role == "heading" or len(text) < 60):
            self._open_article(article["num"].replace(" ", ""), article["caption"], block.line)
            return True
        container = self.words.container.match(text)
        if container and (block.role == "heading" or container["num"].isupper() or len(text) < 40):
            kind = self.words.container_kind[container["word"].lower()]
            self._open_container(kind, container["num"], container["heading"], block.line)
            return True
        if block.role == "heading" and _ROMAN_ONLY.match(text):
            self._open_container("section", text.rstrip("."), None, block.line)
            return True
        if self.words.preamble_label.fullmatch(text) and not self.seen_structure:
            self._ensure_preamble(block.line).heading = text
            return True
        return False

    def _open_article(self, num: str, caption: str | None, line: int) -> None:
        self.seen_structure = True
        self.conclusions = None
        node = _Node("article", num=num, heading=caption, line=line)
        parent = self.containers[-1].children if self.containers else self.body
        parent.append(node)
        self.article = _Article(node)
        self.pending_caption_for = node

    def _open_container(self, kind: str, num: str, heading: str | None, line: int) -> None:
        self.seen_structure = True
        self.article = None
        self.conclusions = None
        rank = _CONTAINER_RANK[kind]
        while self.containers and _CONTAINER_RANK[self.containers[-1].kind] >= rank:
            self.containers.pop()
        node = _Node(kind, num=num, heading=heading, line=line)
        parent = self.containers[-1].children if self.containers else self.body
        parent.append(node)
        self.containers.append(node)
        self.pending_caption_for = node

    # -- text -------------------------------------------------------------------------

    def _text(self, block: Block) -> None:
        for part in _split(block, self.words.testimonium_inside):
            if self.conclusions is not None or (
                self.seen_structure and self.words.starts_testimonium.match(part.text.strip())
            ):
                self._conclusion(part)
            elif not self.seen_structure:
                self._preamble_text(part)
            elif self.article is not None:
                self._article_text(self.article, part)
            else:
                # Text directly under a container heading, before any article.
                self._container_text(part)

    def _ensure_preamble(self, line: int) -> _Node:
        if self.preamble is None:
            self.preamble = _Node("preamble", line=line)
            self.body.append(self.preamble)
        return self.preamble

    def _preamble_text(self, block: Block) -> None:
        text = block.text.strip()
        preamble = self._ensure_preamble(block.line)
        label = self.words.preamble_label.match(text)
        if label and not preamble.heading:
            preamble.heading = text[: label.end()].strip()
            block = block.sub(block.text.index(text) + label.end())
        for piece in _split(block, self.words.recital_break):
            words = _clean(piece.text)
            if not words:
                continue
            kind = "recital" if self.words.opens_recital.match(words) else "formula"
            if kind == "formula" and not self.words.closing_formula.match(words):
                last = preamble.children[-1] if preamble.children else None
                if last is not None and last.kind == "recital":
                    # Text that opens no recital continues the one before it.
                    last.add_text(words, piece.line)
                    continue
            preamble.children.append(_Node(kind, text=words, line=piece.line))

    def _container_text(self, block: Block) -> None:
        """Text under a container with no article: an instrument numbered by paragraphs
        (an ILO Recommendation), parsed like the body of an article."""
        if not self.containers:
            self._preamble_text(block)
            return
        self.article = _Article(self.containers[-1])
        self._article_text(self.article, block)

    def _conclusion(self, block: Block) -> None:
        if self.conclusions is None:
            self.conclusions = _Node("conclusions", line=block.line)
            self.body.append(self.conclusions)
            self.article = None
        words = _clean(block.text)
        if words:
            self.conclusions.children.append(_Node("testimonium", text=words, line=block.line))

    def _article_text(self, article: _Article, block: Block) -> None:
        text = block.text.strip()
        offset = block.text.index(text[0])
        open_alpha = [node.num or "" for style, node in article.points if "alpha" in style]
        if article.points and article.points[-1][1].text.endswith(":"):
            open_alpha = []  # a chapeau opens a nested list: "(i)" after "(h) ...:" is roman
        marker = read_marker(text, previous_alpha=open_alpha)
        if marker is None:
            self._unmarked(article, _clean(text), block.line_at(offset))
            return
        line = block.line_at(offset)
        # "3. (a) Each Party ...": a paragraph whose first words open its first point.
        chained = read_marker(text[marker.end :].strip()) is not None
        content = "" if chained else _clean(text[marker.end :])
        self._open_item(article, marker, content, line)
        if chained:
            self._article_text(article, block.sub(offset + marker.end))

    def _open_item(self, article: _Article, marker: Marker, content: str, line: int) -> None:
        if marker.style == "num." and not self._num_dot_is_point(article):
            node = _Node("paragraph", num=marker.num, text=content, line=line)
            article.node.children.append(node)
            article.paragraph = node
            article.points = []
            return
        level = _list_level(article.points, marker)
        if level is not None:
            del article.points[level:]
        parent = article.points[-1][1] if article.points else article.holder()
        if marker.style == "dash":
            node = _Node("indent", text=content, line=line)
        else:
            node = _Node("point", num=marker.num, text=content, line=line)
        parent.children.append(node)
        article.points.append((marker.style, node))

    @staticmethod
    def _num_dot_is_point(article: _Article) -> bool:
        """A "1." inside a list that already uses "1." is a point, not a new paragraph."""
        return any(style == "num." for style, _ in article.points)

    def _unmarked(self, article: _Article, text: str, line: int) -> None:
        holder = article.holder()
        if article.points:
            last = article.points[-1][1]
            if article.paragraph is None and last.text.endswith(".") and _has_numbered(holder):
                pass  # falls through to a new unnumbered paragraph below
            else:
                last_child = holder.children[-1]
                if last_child.kind == "wrapup":
                    last_child.add_text(text, line)
                else:
                    holder.children.append(_Node("wrapup", text=text, line=line))
                article.points = []
                return
            article.points = []
        if article.paragraph is not None:
            article.paragraph.add_text(text, line)
            return
        node = article.node
        if not node.text and not node.children:
            node.add_text(text, line)
        else:
            node.children.append(_Node("paragraph", text=text, line=line))


_FIRST_ITEMS = frozenset({"a", "i", "1", "A", "I"})


def follows(previous: str | None, num: str) -> bool:
    """Whether ``num`` is the item after ``previous`` in a list (b after a, iv after iii)."""
    if previous is None:
        return False
    if previous.isdigit() and num.isdigit():
        return int(num) == int(previous) + 1
    romans = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]
    if previous in romans and num in romans:
        return romans.index(num) == romans.index(previous) + 1
    return len(previous) == len(num) == 1 and ord(num) == ord(previous) + 1


def _list_level(points: list[tuple[str, _Node]], marker: Marker) -> int | None:
    """Index of the open list level ``marker`` continues, or None for a new nested list.

    One marker shape may serve two levels ("a." > "i." > "a." in Dutch texts): a first
    item ("a", "1", "i") under another shape opens a nested list, and a later item
    continues the level whose last item it follows.
    """
    levels = [i for i, (style, _) in enumerate(points) if style == marker.style]
    if not levels:
        return None
    if marker.num in _FIRST_ITEMS and points[-1][0] != marker.style:
        return None
    following = [i for i in levels if follows(points[i][1].num, marker.num)]
    return (following or levels)[-1]


def _has_numbered(node: _Node) -> bool:
    return any(child.kind == "paragraph" and child.num for child in node.children)


def _split(block: Block, breaks: re.Pattern[str]) -> list[Block]:
    """``block`` cut at the end of every match of ``breaks``."""
    starts = [0] + [m.end() for m in breaks.finditer(block.text)]
    ends = starts[1:] + [len(block.text)]
    return [block.sub(s, e) for s, e in zip(starts, ends, strict=True)]


def _has_content(node: _Node) -> bool:
    return bool(node.text or node.children or node.heading or node.num)


class _Counter:
    """Positional numbers for unnumbered clauses, per parent eId and kind."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str], int] = {}
        self.used: set[str] = set()

    def next(self, parent: str, component: str) -> int:
        key = (parent, component)
        self.counts[key] = self.counts.get(key, 0) + 1
        return self.counts[key]

    def unique(self, eid: str) -> str:
        candidate, n = eid, 1
        while candidate in self.used:
            n += 1
            candidate = f"{eid}_{n}"
        self.used.add(candidate)
        return candidate


def _eid_num(num: str) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", num)


def _component(node: _Node, parent_eid: str, counter: _Counter) -> str:
    kind = node.kind
    if kind == "preamble":
        return "preamble"
    if kind == "conclusions":
        return "conclusions"
    if kind == "recital":
        node.num = str(counter.next(parent_eid, "p"))
        return f"p_{node.num}"
    if kind == "formula":
        node.num = str(counter.next(parent_eid, "formula"))
        return f"formula_{node.num}"
    if kind == "testimonium":
        node.num = str(counter.next(parent_eid, "p"))
        return f"p_{node.num}"
    if kind in _EID_PREFIX:
        return f"{_EID_PREFIX[kind]}_{_eid_num(node.num or str(counter.next(parent_eid, kind)))}"
    if kind == "article":
        return f"art_{_eid_num(node.num or '')}"
    if kind == "paragraph":
        if node.num:
            return f"para_{_eid_num(node.num)}"
        return f"p_{counter.next(parent_eid, 'p')}"
    if kind == "point":
        return f"point_{_eid_num(node.num or '')}"
    if kind == "wrapup":
        return "wrapup"
    if kind == "indent":
        return f"indent_{counter.next(parent_eid, 'indent')}"
    raise ValueError(f"unexpected clause kind {kind}")


def _freeze(node: _Node, parent_eid: str, counter: _Counter) -> Clause:
    component = _component(node, parent_eid, counter)
    # Articles take their ids from their own numbers whatever container holds them.
    if node.kind == "article" or not parent_eid:
        eid = counter.unique(component)
    else:
        eid = counter.unique(f"{parent_eid}__{component}")
    children: list[Clause] = []
    has_children = bool(node.children)
    if node.text and has_children:
        unnumbered_paragraphs = [c for c in node.children if c.kind == "paragraph" and not c.num]
        if node.kind == "article" and unnumbered_paragraphs and not node.text.endswith(":"):
            # The article's first block is its first unnumbered paragraph, not a chapeau.
            node.children.insert(0, _Node("paragraph", text=node.text, line=node.line))
        else:
            children.append(Clause(f"{eid}__intro", "intro", text=node.text, line=node.line))
    for child in node.children:
        child_parent = "" if child.kind == "article" else eid
        frozen = _freeze(child, child_parent, counter)
        children.append(frozen)
    own_text = "" if has_children else node.text
    return Clause(
        eid=eid,
        kind=node.kind,
        num=node.num,
        heading=node.heading,
        text=own_text,
        line=node.line,
        children=tuple(children),
    )
