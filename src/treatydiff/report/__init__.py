"""Stage 7, report models: what a rendered report shows, built from a comparison.

Pure data (frozen dataclasses); no template engine, no I/O. ``treatydiff.render`` turns
them into text, JSON, HTML and Markdown.
"""
