"""treatydiff: structure-aware comparison of treaty texts.

Read two instruments with ``load``, compare them clause by clause with ``compare``, and
read the result from the ``Comparison``: its alignments (which clauses pair, their
status, their word diff) and its ``summary``. The public names are imported on first
use, so that ``import treatydiff`` (and the command line) stays light: the comparison
engine loads only when it is asked for.

Examples:
    >>> import treatydiff
    >>> old = treatydiff.load("examples/opsc-preamble-ohchr.txt")
    >>> new = treatydiff.load("examples/opsc-preamble-revised.txt")
    >>> comparison = treatydiff.compare(old, new)
    >>> comparison.has_differences
    True
    >>> summary = comparison.summary
    >>> summary.identical, summary.formatting, summary.modified, summary.added, summary.removed
    (11, 1, 3, 2, 1)
    >>> changed = comparison.alignments[4]
    >>> changed.left, changed.status, changed.tags
    (('preamble__p_1',), 'modified', ('wording', 'modal'))
    >>> [(op.left, op.right) for op in changed.diff if op.op != "equal"]
    [('should ', 'shall ')]
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from treatydiff.engine.compare import compare
    from treatydiff.engine.comparison import (
        Alignment,
        CompareOptions,
        Comparison,
        DiffOp,
        Summary,
    )
    from treatydiff.errors import (
        CatalogueError,
        ConfigError,
        FetchError,
        FormatError,
        InputError,
        IntegrityError,
        LanguageError,
        MissingExtraError,
        OutputError,
        TreatydiffError,
        UsageError,
    )
    from treatydiff.formats import load
    from treatydiff.model import Clause, Instrument, Metadata

# public name -> the module that defines it
_LAZY: dict[str, str] = {
    "load": "treatydiff.formats",
    "compare": "treatydiff.engine.compare",
    "Instrument": "treatydiff.model",
    "Clause": "treatydiff.model",
    "Metadata": "treatydiff.model",
    "Comparison": "treatydiff.engine.comparison",
    "Alignment": "treatydiff.engine.comparison",
    "DiffOp": "treatydiff.engine.comparison",
    "Summary": "treatydiff.engine.comparison",
    "CompareOptions": "treatydiff.engine.comparison",
    "TreatydiffError": "treatydiff.errors",
    "InputError": "treatydiff.errors",
    "FormatError": "treatydiff.errors",
    "ConfigError": "treatydiff.errors",
    "OutputError": "treatydiff.errors",
    "CatalogueError": "treatydiff.errors",
    "IntegrityError": "treatydiff.errors",
    "FetchError": "treatydiff.errors",
    "LanguageError": "treatydiff.errors",
    "MissingExtraError": "treatydiff.errors",
    "UsageError": "treatydiff.errors",
}

__all__ = [
    "__version__",
    "load",
    "compare",
    "Instrument",
    "Clause",
    "Metadata",
    "Comparison",
    "Alignment",
    "DiffOp",
    "Summary",
    "CompareOptions",
    "TreatydiffError",
    "InputError",
    "FormatError",
    "ConfigError",
    "OutputError",
    "CatalogueError",
    "IntegrityError",
    "FetchError",
    "LanguageError",
    "MissingExtraError",
    "UsageError",
]


def __getattr__(name: str) -> object:
    # PEP 562: each public name is imported from its module on first access, then kept.
    if name not in _LAZY:
        raise AttributeError(f"module 'treatydiff' has no attribute {name!r}")
    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
