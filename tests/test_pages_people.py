"""The fresh-excerpt person-name scorer (benchmarks/pages_people.py) on a hand-made example.

Issue 11's PER figure on fresh Russian news rests on this: exact spans only (a name cut
short or run on into the next word is both a miss and an extra), and a judged span that
no longer matches its text is an error, never silently scored.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType

import pytest

from tests.conftest import REPO

TEXT = "Глава ведомства Иван Петров встретился с Петровым-младшим и А.Б. Сидоровой."


@pytest.fixture(scope="module")
def pages() -> ModuleType:
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        return importlib.import_module("pages_people")
    finally:
        sys.path.remove(str(REPO / "benchmarks"))


def span(name: str) -> dict[str, object]:
    start = TEXT.index(name)
    return {"start": start, "end": start + len(name), "text": name}


def test_exact_spans_only(pages: ModuleType) -> None:
    excerpt = {
        "id": "ru-test",
        "text": TEXT,
        "people": [span("Иван Петров"), span("А.Б. Сидоровой")],
    }
    found = {
        (TEXT.index("Иван Петров"), TEXT.index("Иван Петров") + len("Иван Петров")),
        (TEXT.index("Сидоровой"), TEXT.index("Сидоровой") + len("Сидоровой")),  # initials lost
        (TEXT.index("Петровым"), TEXT.index("Петровым") + len("Петровым")),  # not marked
    }
    stats = pages.span_counts(excerpt, found)
    assert (stats["gold"], stats["predicted"], stats["correct"]) == (2, 3, 1)
    assert "P 0.333  R 0.500  F1 0.400" in pages.f1_line(stats)


def test_a_stale_span_is_an_error(pages: ModuleType) -> None:
    wrong = {"start": 0, "end": 5, "text": "Иван"}
    with pytest.raises(ValueError):
        pages.gold_spans({"id": "ru-test", "text": TEXT, "people": [wrong]})


ENGLISH = "Prime Minister Jane Holloway met Tomas Berg in Oslo. Holloway said little."


def test_english_text_is_scored_too(pages: ModuleType) -> None:
    """The scorer is not Russian-only: an English excerpt goes through the English
    pipeline and its PER spans are offsets into the same text (made-up names)."""
    found = pages.predicted_spans([{"id": "en-test", "text": ENGLISH}])[0]
    assert found, "no PER span found in English text"
    for start, end in found:
        assert ENGLISH[start:end].strip() == ENGLISH[start:end] and ENGLISH[start].isupper()
    wanted = [
        {"start": ENGLISH.index(n), "end": ENGLISH.index(n) + len(n), "text": n}
        for n in ("Jane Holloway", "Tomas Berg")
    ]
    stats = pages.span_counts({"id": "en-test", "text": ENGLISH, "people": wanted}, found)
    assert (stats["gold"], stats["correct"]) == (2, 2)
