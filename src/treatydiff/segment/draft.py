"""The clause tree under construction: mutable nodes that the segmenter fills in document
order and :func:`treatydiff.segment.eids.freeze` turns into named ``Clause``s."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    """A clause being built: its kind (a ``model.ClauseKind``), the number printed in the
    source (None for none), caption or container title, display text, 1-based source
    line, and children in document order."""

    kind: str
    num: str | None = None
    heading: str | None = None
    text: str = ""
    line: int | None = None
    children: list[Node] = field(default_factory=list)

    def add_text(self, text: str, line: int) -> None:
        """Append ``text`` (from source ``line``) to the clause's words, one space apart."""
        if not self.text:
            self.line = self.line if self.line is not None else line
        self.text = f"{self.text} {text}".strip()

    @property
    def has_content(self) -> bool:
        """Whether the node holds any words: text, children, a heading or a number (a
        "Part 1" with nothing under it before the next heading keeps its number)."""
        return bool(self.text or self.children or self.heading or self.num)
