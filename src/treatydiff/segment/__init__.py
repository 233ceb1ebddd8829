"""Stage 3, segment: from source blocks to a clause tree with Akoma Ntoso eIds.

Importers (``treatydiff.formats``) hand this stage a flat list of blocks; it recognizes the
structure of a treaty (preamble, containers, articles, paragraphs, points, final clauses)
with the vocabulary of the text's language (``treatydiff.lang``) and names every clause.
"""
