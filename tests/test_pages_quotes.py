"""The fresh-excerpt quote scorer (benchmarks/pages_quotes.py) on a hand-made example.

The figures of issues 10 and 11 rest on this matching: a quote found by its first words
whatever its opening mark, extra predictions costing precision, and speakers compared by
the app's canonical key with a surname alone standing for the full name, never for a
namesake with another first name.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest

from ossetia_reader.core.article import Quote
from tests.conftest import REPO


@pytest.fixture(scope="module")
def pages() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        return importlib.import_module("pages_quotes")
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


def test_surname_alone_matches_the_full_name_but_not_a_namesake(pages: ModuleType) -> None:
    same = pages.same_speaker
    assert same("Dujarric", ["Stéphane Dujarric"])
    assert same("Stephane Dujarric", ["Dujarric"])
    assert same("Volodymyr Zelensky", ["Volodymyr Zelenskyy"])
    assert same("WHO", ["World Health Organization", "WHO"])
    assert not same("Anna Smith", ["John Smith"])
    assert not same(None, ["John Smith"])
    assert not same("the minister", ["John Smith"])


def test_quotes_are_matched_by_their_first_words(pages: ModuleType) -> None:
    article = {
        "id": "en-test",
        "quotes": [
            {"text": "It is a disaster", "speaker": "John Smith", "alternatives": []},
            {"text": "We will not", "speaker": "Mary Jones", "alternatives": []},
            {"text": "Will you run", "speaker": "", "alternatives": []},
            {"text": "Article 5 says", "speaker": None, "alternatives": []},
            {"text": "never found", "speaker": "Nobody Here", "alternatives": []},
        ],
    }
    found = [
        Quote(0, 10, "‘It is a  disaster,’", speaker="Smith"),
        Quote(20, 40, '"We will not back down."', speaker="Anna Jones"),
        Quote(50, 60, "Will you run again?", speaker="the reporter"),
        Quote(70, 80, "“Article 5 says so”", speaker="NATO"),
        Quote(90, 99, "“an extra one”", speaker=None),
    ]
    stats = pages.score_quotes(article, found, False, pages.same_speaker)
    assert (stats["gold"], stats["found"], stats["predicted"], stats["correct"]) == (5, 4, 5, 4)
    # Smith is John Smith; Anna Jones is not Mary Jones; the unnamed source needs no name;
    # the document wording (None) is not scored.
    assert (stats["scored"], stats["right"]) == (3, 2)
