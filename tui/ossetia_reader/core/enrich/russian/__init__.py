"""Russian enrichment: the natasha (slovnet) NER model, names in the nominative,
Russian quotes, and one entity across Cyrillic and Latin spellings.

Nothing here is imported before enrichment meets a Russian article: the model
and the morphological dictionaries take about a second and 100 MB to load.
"""
