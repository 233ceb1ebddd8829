"""Citations are looked for only in texts that hold an article or paragraph word
(``engine.references._may_cite``): the test must pass every text the citation patterns
match in, whatever its case or script, or a citation would go unread."""

from __future__ import annotations

from pathlib import Path

import pytest

from treatydiff.engine import references
from treatydiff.formats import load_file


def _patterns_match(text: str) -> bool:
    article_first, paragraph_first, _, _ = references._patterns()
    return bool(article_first.search(text) or paragraph_first.search(text))


@pytest.mark.parametrize(
    "text",
    [
        "in accordance with article 2",
        "ARTICLES 12 TO 15",
        "Art. 3, para. 2 (b)",
        "paragraph 1 of this article",
        "overeenkomstig artikel 3, eerste lid, onder b",
        "het tweede lid van dit artikel",
        "conformément à l'alinéa 2 de l'ARTICLE 4",
        "el párrafo 3 del artículo 7",
        # re's IGNORECASE reads these as "i" and "s": so must the test.
        "ART\u0130CLE 3",
        "art\u0131cle 3",
        "PARA\u017f. 2",
        "P\u00c1RRAFO\u017f 2 y 3",
    ],
)
def test_every_text_a_citation_pattern_matches_in_passes_the_test(text: str) -> None:
    assert _patterns_match(text)
    assert references._may_cite(text)
    assert references.citations(text)


def test_a_text_without_article_or_paragraph_words_cites_nothing() -> None:
    text = "States Parties shall respect the rights set forth in the present Convention."
    assert not references._may_cite(text)
    assert references.citations(text) == ()


def test_the_test_passes_every_corpus_clause_the_patterns_match_in(corpus: Path) -> None:
    # Real clauses in English and Dutch: the cheap test leaves none out, and it spares the
    # patterns most of them (the reason it exists).
    files = sorted((corpus / "laws-markdown").glob("*/*.md"))[:8]
    texts = [
        leaf.clause.text
        for path in files
        for code in ("en", "nl")
        for leaf in load_file(path, lang=code).leaves
    ]
    matched = [text for text in texts if _patterns_match(text)]
    assert matched and all(references._may_cite(text) for text in matched)
    assert sum(map(references._may_cite, texts)) < len(texts) / 2
