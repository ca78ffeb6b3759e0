"""Entity and quote extraction on hostile text: spans stay inside the body, nothing raises."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

from ossetia_reader.core.article import Article
from ossetia_reader.core.enrich.pipeline import enrich_article
from ossetia_reader.core.sanitize import safe_text

from .conftest import ROBUST, assert_terminal_safe, hostile_text

SPEECH = [
    '"We will never agree," said Dmitry Peskov.',
    "«Это провокация», — заявил Анатолий Бибилов.",
    "Peskov said:",
    "“",
    "”",
    '"',
    "«",
    "»",
    "President Vladimir Putin",
    "the Kremlin",
    "South Ossetia",
    "Mr.",
    "'s",
    " told reporters ",
]
article_text = st.lists(st.one_of(st.sampled_from(SPEECH), hostile_text), max_size=25).map("".join)


@ROBUST
@given(article_text)
@example('"' * 500 + "said Peskov")
@example("«" * 300 + "»" * 300)
def test_rules_enrichment_spans_point_into_the_body(text: str) -> None:
    body = safe_text(text)  # bodies are stored clean
    entities, quotes = enrich_article(Article(id="x", title="t", body=body), use_model=False)
    for entity in entities:
        assert 0 <= entity.start < entity.end <= len(body)
        assert body[entity.start : entity.end] == entity.text
        assert_terminal_safe(entity.canonical)
    for quote in quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
        assert_terminal_safe(quote.text)
        if quote.speaker is not None:
            assert_terminal_safe(quote.speaker)
