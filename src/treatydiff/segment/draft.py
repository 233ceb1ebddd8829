"""The clause tree under construction: mutable nodes that the segmenter fills in document
order and :func:`treatydiff.segment.eids.freeze` turns into named ``Clause``s."""

from __future__ import annotations


class Node:
    """A clause being built: its kind (a ``model.ClauseKind``), the number printed in the
    source (None for none), caption or container title, display text, 1-based source
    line, and children in document order; for a container, ``designation`` is its
    heading line as printed ("PART II"), its heading where it has no title of its own.

    ``text`` grows by :meth:`add_text`, block by block; the pieces are joined when the
    text is read, once for any number of additions (joining at each would make a clause
    of many blocks quadratic in its length).
    """

    __slots__ = ("kind", "num", "heading", "line", "children", "designation", "_pieces")

    def __init__(
        self,
        kind: str,
        num: str | None = None,
        heading: str | None = None,
        text: str = "",
        line: int | None = None,
        children: list[Node] | None = None,
        designation: str | None = None,
    ) -> None:
        self.kind = kind
        self.num = num
        self.heading = heading
        self.line = line
        self.children: list[Node] = [] if children is None else children
        self.designation = designation
        self._pieces: list[str] = [text] if text else []

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Node):
            return NotImplemented
        return self._fields() == other._fields()

    __hash__ = None  # type: ignore[assignment]  # mutable, compared by value

    def _fields(self) -> tuple[object, ...]:
        return (
            self.kind, self.num, self.heading, self.text, self.line, self.children,
            self.designation,
        )  # fmt: skip

    def __repr__(self) -> str:
        return (
            f"Node({self.kind!r}, num={self.num!r}, heading={self.heading!r}, "
            f"text={self.text!r}, line={self.line!r}, children={self.children!r})"
        )

    @property
    def text(self) -> str:
        """The clause's words so far, one space apart."""
        if len(self._pieces) > 1:
            self._pieces = [" ".join(self._pieces).strip()]
        return self._pieces[0] if self._pieces else ""

    def add_text(self, text: str, line: int) -> None:
        """Append ``text`` (from source ``line``) to the clause's words, one space apart."""
        if not self._pieces:
            self.line = self.line if self.line is not None else line
        if text.strip():
            self._pieces.append(text if self._pieces else text.strip())

    @property
    def has_content(self) -> bool:
        """Whether the node holds any words: text, children, a heading or a number (a
        "Part 1" with nothing under it before the next heading keeps its number)."""
        return bool(self._pieces or self.children or self.heading or self.num)
