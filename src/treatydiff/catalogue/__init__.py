"""The catalogue of instruments: entries pinned in ``instruments/``, the data home where
pulled sources are stored, pulling them, and resolving a REF to an instrument."""
