"""Enrichment: the people, places and organisations an article names, and who it quotes.

``pipeline`` runs the extraction (``model`` when the trained tagger is
installed, ``rules`` otherwise; ``quotes`` and ``canonical`` on top) and
``store`` keeps the results and library-wide counts. Nothing here imports
Textual; the UI only reads stored spans.
"""
