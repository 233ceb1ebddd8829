"""treatydiff: structure-aware comparison of treaty texts."""

from __future__ import annotations

__version__ = "0.1.0"
