"""treatydiff: structure-aware comparison of treaty texts."""

from __future__ import annotations

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from treatydiff.engine.compare import compare

__all__ = ["__version__", "compare"]


def __getattr__(name: str) -> object:
    # Lazy, so that `import treatydiff` (and the CLI) does not load the engine.
    if name == "compare":
        from treatydiff.engine.compare import compare

        return compare
    raise AttributeError(f"module 'treatydiff' has no attribute {name!r}")
