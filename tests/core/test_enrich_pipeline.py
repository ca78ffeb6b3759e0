"""How the pipeline chooses between the trained model and the rules."""

from __future__ import annotations

import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.enrich import pipeline, rules


class FakeModel:
    """Stands in for the spaCy tagger: fixed spans, in the model's own conventions."""

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.batches: list[list[str]] = []

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        self.batches.append(texts)
        if self.fail:
            raise RuntimeError("model broke")
        # "the Kremlin's" with article and possessive, and Kyiv mistyped as a person.
        return [[(0, 13, "ORG"), (22, 26, "PER")] for _ in texts]


BODY = "the Kremlin's view of Kyiv is known."


def use(monkeypatch: pytest.MonkeyPatch, model: FakeModel | None) -> None:
    monkeypatch.delenv(pipeline.NER_ENV, raising=False)
    monkeypatch.setattr(pipeline, "_model_state", {"model": model})


def test_the_model_is_used_when_it_loads(monkeypatch: pytest.MonkeyPatch) -> None:
    model = FakeModel()
    use(monkeypatch, model)
    assert pipeline.backend_name() == "model"
    entities, _ = pipeline.enrich_article(Article(id="a", title="t", body=BODY))
    assert [(e.text, e.type) for e in entities] == [("Kremlin", "ORG"), ("Kyiv", "LOC")]
    assert model.batches == [[BODY]]


def test_rules_when_asked_forced_or_the_model_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    use(monkeypatch, FakeModel(fail=True))
    entities, _ = pipeline.enrich_article(Article(id="a", title="t", body=BODY))
    assert [(e.text, e.type) for e in entities] == [("Kremlin", "ORG"), ("Kyiv", "LOC")]
    use(monkeypatch, None)
    assert pipeline.backend_name() == "rules"
    use(monkeypatch, FakeModel())
    assert pipeline.backend_name(use_model=False) == "rules"
    monkeypatch.setenv(pipeline.NER_ENV, "rules")
    assert pipeline.backend_name() == "rules"


def test_a_failing_tagger_leaves_the_article_enriched_and_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(text: str) -> list[tuple[int, int, str]]:
        raise ValueError("bug")

    use(monkeypatch, None)
    monkeypatch.setattr(rules, "find_entities", broken)
    entities, quotes = pipeline.enrich_article(Article(id="a", title="t", body=BODY))
    assert entities == ()
    assert quotes == ()


def test_only_the_start_of_a_huge_body_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "MAX_CHARS", 60)
    body = "“Yes,” said Anatoly Bibilov in Moscow. " + "Dmitry Peskov spoke. " * 20
    entities, quotes = pipeline.enrich_article(
        Article(id="a", title="t", body=body), use_model=False
    )
    assert all(entity.end <= 60 for entity in entities)
    assert [e.text for e in entities] == ["Anatoly Bibilov", "Moscow", "Dmitry Peskov"]
    assert [q.speaker for q in quotes] == ["Anatoly Bibilov"]


class SplittingModel:
    """Cuts a listed name in two and calls a listed organisation a place."""

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]:
        return [[(0, 7, "LOC"), (12, 26, "PER"), (29, 37, "PER")] for _ in texts]


def test_listed_names_correct_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    body = "Kremlin and Luhansk People's Republic"
    monkeypatch.delenv(pipeline.NER_ENV, raising=False)
    monkeypatch.setattr(pipeline, "_model_state", {"model": SplittingModel()})
    entities, _ = pipeline.enrich_article(Article(id="a", title="t", body=body))
    assert [(e.text, e.type) for e in entities] == [
        ("Kremlin", "ORG"),
        ("Luhansk People's Republic", "LOC"),
    ]
