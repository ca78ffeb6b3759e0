"""Fixtures of the core tests."""

from __future__ import annotations

import pytest

from ossetia_reader.core.enrich.russian.ner import load_russian_ner
from tests.core.russian_quotes_support import Enrich


@pytest.fixture(scope="module")
def enrich() -> Enrich:
    """The real Russian pipeline (natasha, pymorphy3), as the reader runs it."""
    if load_russian_ner() is None:  # a required dependency: this should never skip
        pytest.skip("natasha's model is not installed")
    from ossetia_reader.core.enrich.russian.enrich import enrich_russian

    return enrich_russian
