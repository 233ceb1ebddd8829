"""Stages 4 to 6, the comparison engine: align clauses, diff their words, classify changes.

``compare`` (in ``treatydiff.engine.compare``) runs the three stages and returns the
comparison model of ``treatydiff.engine.comparison``, which reports and checks read.
"""
