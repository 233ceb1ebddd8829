"""Segmentation: from a flat list of text blocks to a clause tree with Akoma Ntoso eIds.

Importers turn their format into ``Block``s (one per paragraph or heading, with the
source line) and strip format debris; the structure of a treaty is recognized here, in
one place, for every text format: preamble (formulas and recitals, also where a source
collapsed them into one paragraph), containers (parts, chapters, sections, titles),
articles and their captions, numbered paragraphs, points nested by marker style,
chapeaux and closing words of lists, and the final formulas. Importers of structured
formats open articles and paragraphs from their own structure and hand the segmenter
only the text inside them.

The words come from the text's language (``treatydiff.lang``, compiled in
``segment.vocabulary``), the list markers from ``segment.markers``, the names from
``segment.eids``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from treatydiff.model import Clause
from treatydiff.normalize import display_text
from treatydiff.segment.blocks import Block
from treatydiff.segment.draft import Node
from treatydiff.segment.eids import freeze
from treatydiff.segment.markers import Marker, follows, list_level, read_marker
from treatydiff.segment.vocabulary import has_invisible, vocabulary

_ROMAN_ONLY = re.compile(r"^(?P<num>[IVXLC]+)\.?$")
# Where a recital may start inside a line: after a ";".
_AFTER_SEMICOLON = re.compile(r";\s+")
# An attachment (annex) closes every container: it stands at the top of the body.
_CONTAINER_RANK = {
    "attachment": 0, "part": 1, "chapter": 2, "section": 3, "title": 4, "subsection": 5
}  # fmt: skip


def segment(blocks: Sequence[Block], *, lang: str = "en") -> tuple[Clause, ...]:
    """Build the clause tree of an instrument body from its blocks, in language ``lang``.

    Raises LanguageError for a language ``treatydiff.lang`` does not know.
    """
    segmenter = Segmenter((lang,), invisible=any(has_invisible(block.text) for block in blocks))
    for block in blocks:
        segmenter.feed(block)
    return segmenter.clauses()


@dataclass
class _Article:
    """An article (or a container numbered by paragraphs) being filled."""

    node: Node
    paragraph: Node | None = None
    # open points, outermost first: (marker style, node)
    points: list[tuple[str, Node]] = field(default_factory=list)

    def holder(self) -> Node:
        return self.paragraph or self.node


class Segmenter:
    """The structure of one instrument body, built block by block.

    Text formats :meth:`feed` their blocks; structured formats call :meth:`open_article`
    and :meth:`text` (with the paragraph's number where the source gives one) and take
    the result from :meth:`clauses`. ``langs`` are the codes of the languages whose
    words mark structure: the text's language, or several where a format does not know
    it; ``invisible`` says that the text holds invisible characters inside words (see
    ``segment.vocabulary.has_invisible``). Raises LanguageError for an unknown language.
    """

    def __init__(self, langs: tuple[str, ...] = ("en",), *, invisible: bool = False) -> None:
        self.words = vocabulary(langs, invisible=invisible)
        self.body: list[Node] = []
        self.preamble: Node | None = None
        self.containers: list[Node] = []  # open containers, outermost first
        self.article: _Article | None = None
        self.conclusions: Node | None = None
        self.pending_caption_for: Node | None = None
        self.seen_structure = False

    def clauses(self) -> tuple[Clause, ...]:
        """The clauses built so far, named (the top level of the body).

        Text before the first heading is a preamble only where something says so: a
        preamble heading, a recital, or the formula that opens or closes a preamble.
        Other text there (an excerpt that opens inside an article, "2. This article is
        without prejudice ...") is read as paragraphs at the top of the body, as Akoma
        Ntoso's body holds them, numbered where the text numbers them; no preamble is
        invented for it."""
        if self.preamble is not None and not self._is_preamble(self.preamble):
            at = self.body.index(self.preamble)
            self.body[at : at + 1] = self._as_paragraphs(self.preamble.children)
            self.preamble = None
        return freeze(self.body)

    def _is_preamble(self, preamble: Node) -> bool:
        """Whether the text read as ``preamble`` shows a preamble (see ``clauses``)."""
        return preamble.heading is not None or any(
            child.kind != "formula" or self.words.shows_preamble.match(child.text) is not None
            for child in preamble.children
        )

    def _as_paragraphs(self, formulas: Sequence[Node]) -> list[Node]:
        """The words of ``formulas`` read as the paragraphs and points of an article
        with no heading: the nodes to stand at the top of the body."""
        holder = Node("body")
        article = _Article(holder)
        for formula in formulas:
            self._article_text(article, Block(formula.text, formula.line or 0))
        # The first unnumbered words are the text of the holder itself, as an article's.
        first = [Node("paragraph", text=holder.text, line=holder.line)] if holder.text else []
        return [*first, *holder.children]

    def feed(self, block: Block) -> None:
        """Take the next block of a text format: a heading, caption or text."""
        text = block.text.strip()
        if not text:
            return
        if block.role == "caption" and self.pending_caption_for is not None:
            target = self.pending_caption_for
            target.heading = display_text(f"{target.heading or ''} {text}")
            return
        self.pending_caption_for = None
        # A heading that is no structure (a stray title line) keeps its words as text.
        if not self._heading(block, text):
            self.text(block)

    # -- headings ---------------------------------------------------------------------

    def _heading(self, block: Block, text: str) -> bool:
        text = display_text(text)
        if len(text) > 160:
            return False
        article = self.words.article.match(text)
        if article and (block.role == "heading" or len(text) < 60):
            word = article.groupdict().get("one")
            num = self.words.article_numbers[word] if word else " ".join(article["num"].split())
            self.open_article(num, article["caption"], block.line)
            return True
        attachment = self.words.attachment.match(text)
        if attachment and (block.role == "heading" or len(text) < 60):
            designation = " ".join(attachment["num"].split()) if attachment["num"] else None
            self._open_container("attachment", designation, attachment["heading"], block.line)
            return True
        container = self.words.container.match(text)
        if container and (block.role == "heading" or container["num"].isupper() or len(text) < 40):
            kind = self.words.container_kind[container["word"].lower()]
            self._open_container(kind, container["num"], container["heading"], block.line)
            self.containers[-1].designation = text
            return True
        if block.role == "crossheading":
            # An unnumbered division of the container it stands in: the articles after it
            # are its own until the next one (Akoma Ntoso's hcontainer with a heading).
            self._open_container("subsection", None, text, block.line)
            return True
        if block.role == "heading" and _ROMAN_ONLY.match(text):
            self._open_container("section", text.rstrip("."), None, block.line)
            self.containers[-1].designation = text
            return True
        if self.words.preamble_label.fullmatch(text) and not self.seen_structure:
            preamble = self._ensure_preamble(block.line)
            if preamble.heading is None:
                preamble.heading = text
            else:  # a second preamble heading: kept as what it is, never overwritten
                preamble.children.append(Node("unknown", text=text, line=block.line))
            return True
        return False

    def open_article(self, num: str, caption: str | None, line: int) -> None:
        """Open article ``num`` (as printed: "3", "5bis") with its caption, if any, at
        source ``line``, in the innermost open container."""
        self.seen_structure = True
        self.conclusions = None
        node = Node("article", num=num, heading=caption, line=line)
        parent = self.containers[-1].children if self.containers else self.body
        parent.append(node)
        self.article = _Article(node)
        self.pending_caption_for = node

    def _open_container(self, kind: str, num: str | None, heading: str | None, line: int) -> None:
        self.seen_structure = True
        self.article = None
        self.conclusions = None
        rank = _CONTAINER_RANK[kind]
        while self.containers and _CONTAINER_RANK[self.containers[-1].kind] >= rank:
            self.containers.pop()
        node = Node(kind, num=num, heading=heading, line=line)
        parent = self.containers[-1].children if self.containers else self.body
        parent.append(node)
        self.containers.append(node)
        self.pending_caption_for = node

    # -- text -------------------------------------------------------------------------

    def text(self, block: Block, *, paragraph: str | None = None) -> None:
        """Take a block of text: preamble, article or final formulas, read for list
        markers and recital openers. ``paragraph`` is the number of the paragraph of the
        current article that the block is, where the source's structure gives it; the
        block's own words may then open its first point ("(a) ...")."""
        for part in block.split(self.words.testimonium_inside):
            # A paragraph the source numbers is no final formula; what follows it may be.
            if self.conclusions is not None or (
                self.seen_structure
                and paragraph is None
                and self.words.starts_testimonium.match(part.text.strip())
            ):
                self._conclusion(part)
            elif not self.seen_structure:
                self._preamble_text(part)
            elif self.article is not None:
                self._article_text(self.article, part, paragraph)
            else:
                # Text directly under a container heading, before any article.
                self._container_text(part)
            paragraph = None

    def _ensure_preamble(self, line: int) -> Node:
        if self.preamble is None:
            self.preamble = Node("preamble", line=line)
            self.body.append(self.preamble)
        return self.preamble

    def _preamble_text(self, block: Block) -> None:
        text = block.text.strip()
        preamble = self._ensure_preamble(block.line)
        label = self.words.preamble_label.match(text)
        if label and not preamble.heading:
            preamble.heading = text[: label.end()].strip()
            block = block.sub(block.text.index(text) + label.end())
        # A source line after a recital's "," or ";", or words after a ";" inside a line
        # (a preamble printed as one paragraph), whose first words hold a recital's opener
        # ("Also noting", "Het belang erkennende") open one too.
        inside = [m.end() for m in _AFTER_SEMICOLON.finditer(block.text)]
        starts = [
            k for k in (*block.line_starts(), *inside) if self._opens_recital_at(block.text, k)
        ]
        for piece in block.split(self.words.recital_break, also=starts):
            words = display_text(piece.text)
            if not words:
                continue
            kind = "recital" if self._opens_recital(words, preamble) else "formula"
            if kind == "formula" and not self.words.closing_formula.match(words):
                last = preamble.children[-1] if preamble.children else None
                if last is not None and last.kind == "recital":
                    # Text that opens no recital continues the one before it.
                    last.add_text(words, piece.line)
                    continue
            preamble.children.append(Node(kind, text=words, line=piece.line))

    def _opens_recital(self, words: str, preamble: Node) -> bool:
        """Whether the preamble paragraph ``words`` opens a recital: by its opener, or,
        after the opening formula, by an opener or a participle in its first words."""
        if self.words.opens_recital.match(words):
            return True
        if not preamble.children or self.words.closing_formula.match(words):
            return False
        return words[:1].isupper() and self.words.opens_recital_within.match(words) is not None

    def _opens_recital_at(self, text: str, offset: int) -> bool:
        """Whether the line starting at ``offset`` of ``text`` opens a recital after the
        end of one (a "," or ";", perhaps with "and")."""
        before = self.words.recital_end.search(text[:offset].rstrip())
        rest = display_text(text[offset:])
        return (
            before is not None
            and rest[:1].isupper()
            and self.words.opens_recital_within.match(rest) is not None
        )

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
            self.conclusions = Node("conclusions", line=block.line)
            self.body.append(self.conclusions)
            self.article = None
        words = display_text(block.text)
        if words:
            self.conclusions.children.append(Node("testimonium", text=words, line=block.line))

    def _article_text(self, article: _Article, block: Block, paragraph: str | None = None) -> None:
        text = block.text.strip()
        offset = block.text.index(text[0])
        line = block.line_at(offset)
        if paragraph is not None:
            marker = read_marker(text)
            self._open_paragraph(article, paragraph, "" if marker else display_text(text), line)
            if marker:  # "(a) ...": the paragraph's words open its first point
                self._article_text(article, block.sub(offset))
            return
        last = _last_words(article.node)
        if not block.listed and _CITED.match(text) and self.words.reference_end.search(last.text):
            # "... of subparagraph" / "(e), the Committee shall ...": the designation is
            # cited, and the words go on with the sentence it stands in.
            last.add_text(display_text(text), line)
            return
        open_alpha = [node.num or "" for style, node in article.points if "alpha" in style]
        if article.points and article.points[-1][1].text.endswith(":"):
            open_alpha = []  # a chapeau opens a nested list: "(i)" after "(h) ...:" is roman
        marker = read_marker(text, previous_alpha=open_alpha)
        if marker is None:
            self._unmarked(article, display_text(text), line)
            return
        # "3. (a) Each Party ...": a paragraph whose first words open its first point.
        chained = read_marker(text[marker.end :].strip()) is not None
        run_on = None if chained else _run_on(text, marker)
        content = "" if chained else display_text(text[marker.end : run_on])
        self._open_item(article, marker, content, line)
        if chained:
            self._article_text(article, block.sub(offset + marker.end))
        elif run_on is not None:
            self._article_text(article, block.sub(offset + run_on))

    def _open_item(self, article: _Article, marker: Marker, content: str, line: int) -> None:
        # A "1." inside a list that already uses "1." is a point, not a new paragraph.
        if marker.style == "num." and not any(style == "num." for style, _ in article.points):
            self._open_paragraph(article, marker.num, content, line)
            return
        level = list_level([(style, node.num) for style, node in article.points], marker)
        if level is not None:
            del article.points[level:]
        parent = article.points[-1][1] if article.points else article.holder()
        if marker.style == "dash":
            node = Node("indent", text=content, line=line)
        else:
            node = Node("point", num=marker.num, text=content, line=line)
        parent.children.append(node)
        article.points.append((marker.style, node))

    @staticmethod
    def _open_paragraph(article: _Article, num: str, content: str, line: int) -> None:
        node = Node("paragraph", num=num, text=content, line=line)
        article.node.children.append(node)
        article.paragraph = node
        article.points = []

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
                    holder.children.append(Node("wrapup", text=text, line=line))
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
            node.children.append(Node("paragraph", text=text, line=line))


# A designation at the start of a text: "(e)", "2".
_CITED = re.compile(r"^(?:\(\w{1,4}\)|\d)")


def _last_words(node: Node) -> Node:
    """The clause under ``node`` that took the last words: its last descendant."""
    while node.children:
        node = node.children[-1]
    return node


def _run_on(text: str, marker: Marker) -> int | None:
    """Where in ``text``, an item opened by ``marker``, the next item of its list starts
    run on after a ";" ("(d) ... under this article; (e) Subject to ..."): a marker of
    the same shape, numbered next, before a capital letter; None where none does."""
    for match in _AFTER_SEMICOLON.finditer(text, marker.end):
        rest = text[match.end() :]
        after = read_marker(rest, previous_alpha=(marker.num,))
        if (
            after is not None
            and after.style == marker.style
            and follows(marker.num, after.num)
            and rest[after.end : after.end + 1].isupper()
        ):
            return match.end()
    return None


def _has_numbered(node: Node) -> bool:
    return any(child.kind == "paragraph" and child.num for child in node.children)
