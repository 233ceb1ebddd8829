"""WordprocessingML pieces for the Word renderer (``render.docx``): runs, tracked
insertions and deletions, move ranges, paragraph-mark revisions, a word diff of short
texts, and the package written byte for byte the same way every time.

The revision elements follow ECMA-376 Part 1, 17.13.5 (revisions): ``w:ins`` and
``w:del`` around runs (deleted text in ``w:delText``), ``w:moveFrom`` / ``w:moveTo`` inside
``w:moveFromRangeStart`` ... ``w:moveFromRangeEnd`` ranges named alike on both sides, and a
revision in the paragraph mark's run properties (``w:pPr/w:rPr/w:ins``...) for a
paragraph inserted, deleted or moved whole. python-docx writes the package; it has no API
for revisions, so these elements are built with its ``OxmlElement`` (lxml).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from difflib import SequenceMatcher
from typing import Any, Literal

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

RunKind = Literal["equal", "insert", "delete"]
MarkKind = Literal["plain", "ins", "del", "moveFrom", "moveTo"]
# Revision ids start high: python-docx numbers comments from 0, and Word wants every
# annotation id of a document to be its own.
_FIRST_REVISION_ID = 10000
# Characters XML 1.0 cannot hold (C0 controls but tab, line feed, carriage return).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TOKENS = re.compile(r"\s+|\S+")
# The oldest time a zip entry can state (MS-DOS dates start in 1980).
_ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Piece:
    """A run of text and what happened to it: unchanged, inserted or deleted."""

    kind: RunKind
    text: str


@dataclass
class Revisions:
    """Makes revision elements by one author at one time (None: no date is stated),
    each with an id of its own."""

    author: str
    date: datetime | None
    next_id: int = field(default=_FIRST_REVISION_ID)

    def stamp(self, element: Any) -> Any:
        """``element`` with a new id, the author and the date."""
        element.set(qn("w:id"), str(self.next_id))
        self.next_id += 1
        element.set(qn("w:author"), self.author)
        if self.date is not None:
            element.set(qn("w:date"), self.date.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
        return element

    def pieces(self, pieces: Sequence[Piece], props: Any = None) -> list[Any]:
        """Runs for ``pieces``: unchanged ones plain, inserted ones in ``w:ins``,
        deleted ones in ``w:del``; ``props`` (a ``w:rPr``) is copied into each run."""
        out: list[Any] = []
        for piece in merge_pieces(pieces):
            if piece.kind == "equal":
                out.append(run(piece.text, props=props))
            elif piece.kind == "insert":
                out.append(self.wrap("w:ins", [run(piece.text, props=props)]))
            else:
                out.append(self.wrap("w:del", [run(piece.text, deleted=True, props=props)]))
        return out

    def wrap(self, tag: str, runs: Sequence[Any]) -> Any:
        """A revision element ``tag`` (w:ins, w:del, w:moveFrom, w:moveTo) around
        ``runs``."""
        element = self.stamp(OxmlElement(tag))
        for item in runs:
            element.append(item)
        return element

    def mark(self, paragraph: Any, kind: MarkKind) -> None:
        """Record in ``paragraph``'s mark that it was inserted, deleted or moved (its
        end: rejecting an inserted mark joins the paragraph with the next)."""
        if kind == "plain":
            return
        _mark_holder(paragraph).append(self.stamp(OxmlElement(f"w:{kind}")))

    def shift_whole_marks(self, body: Any, whole: Sequence[Any]) -> None:
        """Write the marks of paragraphs inserted, deleted or moved whole (``whole``, each
        of one revision throughout) as Word does when one types them: the mark of the
        paragraph before each run of them takes the run's first revision, each of them
        the next one's, and the last keeps its own paragraph end. The same paragraphs
        are joined and parted, and no program can remove a document's last paragraph
        mark, which is never revised this way; LibreOffice reads this form right (with
        the revision on a whole paragraph's own mark, it joins a paragraph that ends in
        an insertion with the next when rejecting one inserted after it). A move's mark
        becomes an insertion or deletion outside the move."""
        chosen = {id(paragraph) for paragraph in whole}
        paragraphs = body.findall(qn("w:p"))
        index = 1
        while index < len(paragraphs):
            if id(paragraphs[index]) not in chosen or _mark_revision(paragraphs[index - 1]):
                index += 1
                continue
            end = index
            while end + 1 < len(paragraphs) and id(paragraphs[end + 1]) in chosen:
                end += 1
            for at in range(index, end + 1):
                revision = _mark_revision(paragraphs[at])
                if revision is None:
                    continue
                revision.getparent().remove(revision)
                revision.tag = _PLAIN_REVISION.get(revision.tag, revision.tag)
                _mark_holder(paragraphs[at - 1]).append(revision)
            for paragraph in paragraphs[index : end + 1]:
                holder = paragraph.pPr.find(qn("w:rPr")) if paragraph.pPr is not None else None
                if holder is not None and len(holder) == 0:
                    holder.getparent().remove(holder)
            index = end + 1

    def move(self, paragraph: Any, kind: Literal["moveFrom", "moveTo"], name: str,
             runs: Sequence[Any]) -> None:  # fmt: skip
        """Append ``runs`` to ``paragraph`` as the move range ``name`` (the same name on
        both sides of one move)."""
        start = self.stamp(OxmlElement(f"w:{kind}RangeStart"))
        start.set(qn("w:name"), name)
        end = OxmlElement(f"w:{kind}RangeEnd")
        end.set(qn("w:id"), start.get(qn("w:id")))
        paragraph.append(start)
        paragraph.append(self.wrap(f"w:{kind}", runs))
        paragraph.append(end)


_MARK_REVISIONS = tuple(qn(f"w:{kind}") for kind in ("ins", "del", "moveFrom", "moveTo"))
_PLAIN_REVISION = {qn("w:moveTo"): qn("w:ins"), qn("w:moveFrom"): qn("w:del")}


def _mark_holder(paragraph: Any) -> Any:
    """The run properties of ``paragraph``'s mark (``w:pPr/w:rPr``), made when missing."""
    properties = paragraph.get_or_add_pPr()
    holder = properties.find(qn("w:rPr"))
    if holder is None:
        holder = OxmlElement("w:rPr")
        properties.append(holder)  # the mark's run properties come last in w:pPr
    return holder


def _mark_revision(paragraph: Any) -> Any:
    """The revision of ``paragraph``'s mark, or None."""
    properties = paragraph.pPr
    holder = None if properties is None else properties.find(qn("w:rPr"))
    if holder is None:
        return None
    return next((child for child in holder if child.tag in _MARK_REVISIONS), None)


def run(text: str, *, deleted: bool = False, props: Any = None) -> Any:
    """A ``w:r`` holding ``text`` (``w:delText`` when ``deleted``), spaces kept."""
    element = OxmlElement("w:r")
    if props is not None:
        element.append(_copy(props))
    content = OxmlElement("w:delText" if deleted else "w:t")
    content.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    content.text = xml_text(text)
    element.append(content)
    return element


def run_properties(*, bold: bool = False, strike: bool = False, underline: bool = False,
                   color: str | None = None) -> Any:  # fmt: skip
    """A ``w:rPr`` with the formatting given, in the schema's order."""
    props = OxmlElement("w:rPr")
    if bold:
        props.append(OxmlElement("w:b"))
    if strike:
        props.append(OxmlElement("w:strike"))
    if color is not None:
        colour = OxmlElement("w:color")
        colour.set(qn("w:val"), color)
        props.append(colour)
    if underline:
        line = OxmlElement("w:u")
        line.set(qn("w:val"), "single")
        props.append(line)
    return props


def _copy(element: Any) -> Any:
    from copy import deepcopy

    return deepcopy(element)


def xml_text(text: str) -> str:
    """``text`` without the characters XML cannot hold."""
    return _NOT_XML.sub("", text)


def merge_pieces(pieces: Sequence[Piece]) -> list[Piece]:
    """Adjacent pieces of one kind joined, empty ones dropped."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        if out and out[-1].kind == piece.kind:
            out[-1] = Piece(piece.kind, out[-1].text + piece.text)
        else:
            out.append(piece)
    return out


def changed(left: str, right: str) -> list[Piece]:
    """``left`` replaced by ``right``, with the words and spaces both share at the start
    and at the end left unchanged: "States " / "State " gives a deleted "States" and an
    inserted "State" before an unchanged space."""
    if left == right:
        return [Piece("equal", right)]
    a, b = _TOKENS.findall(left), _TOKENS.findall(right)
    head = 0
    while head < min(len(a), len(b)) and a[head] == b[head]:
        head += 1
    tail = 0
    while tail < min(len(a), len(b)) - head and a[-1 - tail] == b[-1 - tail]:
        tail += 1
    return [
        Piece("equal", "".join(a[:head])),
        Piece("delete", "".join(a[head : len(a) - tail])),
        Piece("insert", "".join(b[head : len(b) - tail])),
        Piece("equal", "".join(a[len(a) - tail :])),
    ]


def word_diff(left: str, right: str) -> list[Piece]:
    """A word diff of two short texts (titles, headings): unchanged, deleted and inserted
    words, in reading order (difflib's matching blocks of words and spaces)."""
    a, b = _TOKENS.findall(left), _TOKENS.findall(right)
    out: list[Piece] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(Piece("equal", "".join(b[j1:j2])))
        else:
            out.append(Piece("delete", "".join(a[i1:i2])))
            out.append(Piece("insert", "".join(b[j1:j2])))
    return merge_pieces(out)


def deterministic_package(data: bytes, when: datetime | None) -> bytes:
    """The zip package ``data`` written again so that the same document gives the same
    bytes: members in a fixed order (``[Content_Types].xml`` first, as readers expect,
    then ``_rels/.rels``, then the others by name), each stamped ``when`` (None: 1980-01-01,
    the zip format's first day), deflated, with fixed attributes."""
    stamp = _ZIP_EPOCH if when is None else max(_ZIP_EPOCH, when.astimezone(UTC).timetuple()[:6])
    source = zipfile.ZipFile(io.BytesIO(data))
    first = ["[Content_Types].xml", "_rels/.rels"]
    names = [n for n in first if n in source.namelist()]
    names += sorted(n for n in source.namelist() if n not in first)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever system writes it
            info.external_attr = 0o644 << 16
            package.writestr(info, source.read(name))
    return out.getvalue()
