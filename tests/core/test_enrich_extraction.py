"""Entity and quote extraction (rule-based tagger: fast and always available)."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich.pipeline import enrich_article, enrich_text, normalise_span
from ossetia_reader.core.enrich.rules import find_entities
from ossetia_reader.core.formats.stored_text import read_stored_text
from tests.conftest import REPO, SEED

GOLD = json.loads((REPO / "tests/data/seed_gold.json").read_text(encoding="utf-8"))


def enrich(body: str) -> tuple[list[Entity], list[Quote]]:
    entities, quotes = enrich_article(Article(id="t", title="t", body=body), use_model=False)
    return list(entities), list(quotes)


def test_seed_quotes_have_their_speakers_and_cues() -> None:
    article = read_stored_text(SEED)
    _, quotes = enrich_article(article, use_model=False)
    found = [(q.start, q.end, q.text, q.speaker, q.cue) for q in quotes]
    expected = [(q["start"], q["end"], q["text"], q["speaker"], q["cue"]) for q in GOLD["quotes"]]
    assert found == expected
    assert [q.speaker for q in quotes] == [
        "Dmitry Peskov",
        "Dmitry Peskov",
        "Anatoly Bibilov",
        "Eduard Kokoity",
        "Ruslan Totrov",
    ]


def test_seed_key_entities_have_their_types_and_full_names() -> None:
    article = read_stored_text(SEED)
    entities, _ = enrich_article(article, use_model=False)
    for entity in entities:
        assert article.body[entity.start : entity.end] == entity.text
    typed = {(e.text, e.type) for e in entities}
    for name, type_ in [
        ("Dmitry Peskov", "PER"),
        ("Anatoly Bibilov", "PER"),
        ("Leonid Pasechnik", "PER"),
        ("Eduard Kokoity", "PER"),
        ("Ruslan Totrov", "PER"),
        ("South Ossetia", "LOC"),
        ("North Ossetia", "LOC"),
        ("Georgia", "LOC"),
        ("Moscow", "LOC"),
        ("Kremlin", "ORG"),
        ("Osnova", "ORG"),
        ("South Ossetian", "MISC"),
    ]:
        assert (name, type_) in typed, name
    short = [e for e in entities if e.text == "Bibilov"]
    assert len(short) == 4
    assert {(e.type, e.canonical) for e in short} == {("PER", "Anatoly Bibilov")}
    assert not any(e.text.startswith(("The ", "the ")) or e.text.endswith("'s") for e in entities)


def test_seed_entities_against_the_gold_file() -> None:
    article = read_stored_text(SEED)
    entities, _ = enrich_article(article, use_model=False)
    want = {(e["start"], e["end"], e["type"]) for e in GOLD["entities"]}
    got = {(e.start, e.end, e.type) for e in entities}
    true = len(want & got)
    f1 = 2 * true / (len(want) + len(got))
    assert f1 >= 0.95, (sorted(want - got), sorted(got - want))


def test_guillemets_and_low_high_quotes() -> None:
    body = (
        "«Мы не принимали никаких мер», — сказал Дмитрий Песков.\n\n"
        "„Das ist «gut»“, sagte er.\n\n"
        "«Outer «inner» rest,» said John Smith."
    )
    _, quotes = enrich(body)
    texts = [q.text for q in quotes]
    assert texts == [
        "«Мы не принимали никаких мер»",
        "„Das ist «gut»“",
        "«Outer «inner» rest,»",
    ]
    assert (quotes[0].speaker, quotes[0].cue) == ("Дмитрий Песков", "сказал")
    assert quotes[2].speaker == "John Smith"
    assert quotes[2].cue == "said"


def test_a_quote_running_over_paragraphs_is_one_quote() -> None:
    body = (
        "Officials met on Monday.\n\n"
        "“The first part goes on.\n\n"
        "“And the second part ends here,” said Maria Petrova, the mayor.\n\n"
        "Nothing else was said."
    )
    _, quotes = enrich(body)
    assert len(quotes) == 1
    quote = quotes[0]
    assert quote.text.startswith("“The first part") and quote.text.endswith("ends here,”")
    assert "\n\n" in quote.text
    assert quote.speaker == "Maria Petrova"


def test_pronoun_continuation_and_according_to() -> None:
    body = (
        "“We will see,” said Anatoly Bibilov. “It is our goal,” he added.\n\n"
        "The vote is “a formality,” according to Dmitry Peskov."
    )
    _, quotes = enrich(body)
    assert [(q.speaker, q.cue) for q in quotes] == [
        ("Anatoly Bibilov", "said"),
        ("Anatoly Bibilov", "added"),
        ("Dmitry Peskov", "according to"),
    ]


def test_short_mention_after_the_full_name_is_the_same_speaker() -> None:
    body = "Anatoly Bibilov spoke on Monday.\n\n“I believe it,” said Bibilov."
    entities, quotes = enrich(body)
    assert quotes[0].speaker == "Anatoly Bibilov"
    assert [e.canonical for e in entities if e.text == "Bibilov"] == ["Anatoly Bibilov"]


def test_unattributed_quote_has_no_speaker() -> None:
    _, quotes = enrich("A sign read “No entry to the building after dark.”")
    assert [(q.text, q.speaker) for q in quotes] == [
        ("“No entry to the building after dark.”", None)
    ]


def test_scare_quotes_and_titles_are_not_speech() -> None:
    _, quotes = enrich('The so-called "referendum" was held in a "state" nobody recognises.')
    assert quotes == []
    _, quotes = enrich("«Медуза» направила запрос. “Saturday Night Live” aired on Sunday.")
    assert quotes == []


def test_no_quotes() -> None:
    entities, quotes = enrich("Russia recognised South Ossetia in 2008 after a war with Georgia.")
    assert quotes == []
    assert [(e.text, e.type) for e in entities] == [
        ("Russia", "LOC"),
        ("South Ossetia", "LOC"),
        ("Georgia", "LOC"),
    ]


def test_unbalanced_quote_marks_never_raise() -> None:
    for body in [
        '"',
        "“",
        "»«",
        'He said "never.\n\nThen "again',
        "“Open at the start of a paragraph that never closes\n\nNext paragraph.",
        '""""""',
        "«««»",
        '„“”"«»',
        "said said said “",
        "\n\n\n“\n\n”",
    ]:
        _, quotes = enrich(body)
        for quote in quotes:
            assert 0 <= quote.start < quote.end <= len(body)
            assert body[quote.start : quote.end] == quote.text


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab AB.,:\n\"“”«»„'’", "said", "Peskov", "the", " he ", "Kremlin"]),
        max_size=60,
    ).map("".join)
)
def test_any_text_gives_spans_inside_the_body(body: str) -> None:
    entities, quotes = enrich_text(body, find_entities(body))
    last = 0
    for entity in entities:
        assert last <= entity.start < entity.end <= len(body)
        assert body[entity.start : entity.end] == entity.text
        last = entity.end
    last = 0
    for quote in quotes:
        assert last <= quote.start < quote.end <= len(body)
        last = quote.end


def test_possessive_and_leading_the_stay_outside_spans() -> None:
    body = "The Kremlin's answer came from the Kremlin’s press office."
    assert normalise_span(body, 0, 13) == (4, 11)
    entities, _ = enrich(body)
    assert [(e.text, e.type) for e in entities] == [("Kremlin", "ORG"), ("Kremlin", "ORG")]


def test_headline_case_lines_only_take_known_names() -> None:
    entities, _ = enrich(
        "Related article: South Ossetia Leader Wants Public Debate on Joining Russia"
    )
    assert [e.text for e in entities] == ["South Ossetia", "Russia"]


def test_titles_are_not_part_of_names() -> None:
    entities, _ = enrich("Russia's President Vladimir Putin met Foreign Minister Sergei Lavrov.")
    names = [(e.text, e.type) for e in entities]
    assert ("Vladimir Putin", "PER") in names
    assert ("Sergei Lavrov", "PER") in names


def test_a_run_of_capitals_too_long_for_a_name_is_not_one_entity() -> None:
    body = "He met " + " ".join(["Abc"] * 300) + " in Moscow."
    entities, _ = enrich(body)
    assert [(e.text, e.type) for e in entities] == [("Moscow", "LOC")]
