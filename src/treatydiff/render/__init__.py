"""Stage 8, render: report models and comparisons as text, JSON, HTML and Markdown.

Every renderer returns a string; writing it is the caller's job (the CLI).
"""
