"""The shipped spaCy entity tagger: loads, tags news text, never raises on hostile input."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from ossetia_reader.core.enrich import model as ner_model
from ossetia_reader.core.enrich.model import MODEL_DIR, NerModel, load_from, load_model

LABELS = {"PER", "LOC", "ORG", "MISC"}


@pytest.fixture(scope="module")
def ner() -> NerModel:
    loaded = load_from(MODEL_DIR)
    assert loaded is not None, f"the shipped model at {MODEL_DIR} did not load"
    return loaded


def tagged(text: str, spans: list[tuple[int, int, str]]) -> set[tuple[str, str]]:
    return {(text[start:end], label) for start, end, label in spans}


def assert_valid(text: str, spans: list[tuple[int, int, str]]) -> None:
    for start, end, label in spans:
        assert 0 <= start < end <= len(text)
        assert label in LABELS
        assert not text[start:end].lower().startswith("the ")
        assert not text[start:end].endswith(("'s", "’s"))


def test_tags_people_and_places(ner: NerModel) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov said Russia would respond to the decision "
        "announced in Tskhinvali by the European Union on Monday."
    )
    [spans] = ner.entities([text])
    found = tagged(text, spans)
    assert ("Dmitry Peskov", "PER") in found
    assert ("Russia", "LOC") in found
    assert_valid(text, spans)


def test_batches_keep_texts_apart(ner: NerModel) -> None:
    texts = ["Angela Merkel arrived in Paris.", "", "Nothing to see here.", "Vladimir Putin spoke."]
    results = ner.entities(texts)
    assert len(results) == len(texts)
    assert results[1] == []
    assert ("Angela Merkel", "PER") in tagged(texts[0], results[0])
    assert ("Vladimir Putin", "PER") in tagged(texts[3], results[3])
    for text, spans in zip(texts, results, strict=True):
        assert_valid(text, spans)


def test_empty_input(ner: NerModel) -> None:
    assert ner.entities([]) == []
    assert ner.entities(["", " ", "\n\n"]) == [[], [], []]


def test_hostile_text_does_not_raise(ner: NerModel) -> None:
    texts = [
        "\x1b[31mBoris Johnson\x07 met\x00 Angela Merkel\ud800 in \x1b]8;;x\x1b\\Berlin\r\n",
        "[bold]Moscow[/bold] " + "x" * 100_000 + " Putin",
        "Tbilisi " * 12_500,  # a 100,000-character line of words
    ]
    for text, spans in zip(texts, ner.entities(texts), strict=True):
        assert_valid(text, spans)


def test_offsets_survive_chunking(ner: NerModel) -> None:
    # Longer than one piece, so the sentence is tagged in a later chunk.
    text = "a" * 150_000 + " Kremlin spokesman Dmitry Peskov said Russia would respond."
    [spans] = ner.entities([text])
    assert ("Dmitry Peskov", "PER") in tagged(text, spans)
    assert_valid(text, spans)


def test_batches_are_bounded_in_texts_and_characters() -> None:
    """spaCy's memory follows a batch's characters: four 100,000-character articles in one
    batch took a worker to 1.3 GB. A batch is cut at the count or the character budget."""
    budget = ner_model._BATCH_CHARS
    pieces = ["a" * (budget // 4)] * 9 + ["b" * (budget + 5)] + ["c"] * 5
    groups = list(ner_model._batches(pieces, 3))
    assert [piece for group in groups for piece in group] == pieces  # every piece, in order
    assert all(len(group) <= 3 for group in groups)
    assert all(sum(map(len, group)) <= budget or len(group) == 1 for group in groups)
    assert ["b" * (budget + 5)] in groups  # a piece over the budget goes alone
    assert list(ner_model._batches([], 3)) == []


def test_trim_leaves_the_and_possessive_outside() -> None:
    text = "the Kremlin's line"
    assert ner_model._trim(text, 0, len("the Kremlin's")) == (4, 11)
    assert ner_model._trim("The ", 0, 3) == (0, 3)  # "The" alone is a name here, not an article
    assert ner_model._trim("the 's", 0, 6) is None


def test_load_model_caches_and_honours_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OSSETIA_READER_NER", "rules")
    assert load_model() is None
    monkeypatch.delenv("OSSETIA_READER_NER")
    first = load_model()
    assert first is not None
    assert load_model() is first
