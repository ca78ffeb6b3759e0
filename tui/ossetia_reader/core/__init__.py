"""The news itself: articles, formats, the library, enrichment and search.

Nothing under ``core`` imports Textual; the UI reads what this package stores.
"""
