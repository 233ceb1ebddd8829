"""Clause reuse across a treaty collection: which instruments share which clauses.

The stages, each a module:

* ``collection``: the sources under the PATHs given, read through the ``cache`` (by
  content) or by ``read`` tasks: import, segmentation, the words of each clause;
* ``join``: the exact similarity join that finds every pair of clauses at least
  ``min_similarity`` similar without comparing all pairs, in ``verify`` tasks;
* ``execute``: where the tasks run (this process, Dask's local schedulers, a Dask
  distributed cluster);
* ``search``: the search itself, and the query of one clause;
* ``report``: instrument pairs, families and the lineage of each shared clause
  (``dates``: the adoption date a text states);
* ``render``: JSON Lines, JSON, HTML and Markdown.

The package sits above ``formats`` and ``engine`` (it reads sources, and measures
similarity as ``compare`` does) and beside ``ci`` and ``site``.
"""
