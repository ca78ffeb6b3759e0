"""Ukrainian entities by dictionary and news conventions (core/enrich/russian/ukrainian.py),
on real-style Ukrainian news sentences; and Ukrainian never reaches the Russian model."""

from __future__ import annotations

import pytest

from ossetia_reader.core.enrich.russian import ukrainian
from ossetia_reader.core.enrich.russian.ukrainian import enrich_ukrainian, ukrainian_spans

pytestmark = pytest.mark.skipif(
    ukrainian._analyzer() is None, reason="pymorphy3-dicts-uk is a required dependency"
)


def found(text: str) -> list[tuple[str, str, str]]:
    ((entities, quotes),) = enrich_ukrainian([text])
    assert quotes == ()
    return [(e.text, e.type, e.canonical) for e in entities]


def test_people_in_any_case_take_the_full_nominative_name() -> None:
    text = (
        "Президент України Володимир Зеленський провів зустріч із прем’єр-міністром "
        "Денисом Шмигалем. Зеленському доповіли про ситуацію на сході."
    )
    people = [(t, c) for t, kind, c in found(text) if kind == "PER"]
    assert people == [
        ("Володимир Зеленський", "Володимир Зеленський"),
        ("Денисом Шмигалем", "Денис Шмигаль"),
        ("Зеленському", "Володимир Зеленський"),
    ]


def test_feminine_names_keep_their_gender() -> None:
    text = "Юлія Тимошенко заявила, що «Батьківщина» не підтримає закон. Тимошенко наполягає."
    assert ("Тимошенко", "PER", "Юлія Тимошенко") in found(text)
    assert ("Юлія Тимошенко", "PER", "Юлія Тимошенко") in found(text)


def test_registry_style_names_with_patronymics_and_initials() -> None:
    text = "Керівником компанії є Мельник Андрій Володимирович, а засновником — Васильєва Т. І."
    people = {t for t, kind, _ in found(text) if kind == "PER"}
    assert people == {"Мельник Андрій Володимирович", "Васильєва Т. І."}


def test_a_capitalised_common_word_is_not_a_person() -> None:
    text = "Все буде добре. Окружний адмінсуд заборонив будівництво."
    assert [kind for _, kind, _ in found(text)] == []


def test_legal_form_and_guillemets_make_an_organisation() -> None:
    text = "ПАТ «Укртрансгаз» уклало угоду з ТОВ «Укргеоекологія» на 7 млн грн."
    orgs = [t for t, kind, _ in found(text) if kind == "ORG"]
    assert orgs == ["ПАТ «Укртрансгаз»", "ТОВ «Укргеоекологія»"]


def test_places_standing_alone_in_the_nominative() -> None:
    text = "Нараду провели у Києві, а делегація з Харківської області поїхала до Польщі."
    places = [(t, c) for t, kind, c in found(text) if kind == "LOC"]
    assert places == [
        ("Києві", "Київ"),
        ("Харківської області", "Харківська область"),
        ("Польщі", "Польща"),
    ]


def test_places_inside_an_institutions_name_or_guillemets_are_left_inside() -> None:
    text = "Управління ДСНС України отримало позов від фірми «Київ» щодо оренди."
    assert [kind for _, kind, _ in found(text)] == []


def test_hostile_text_never_breaks_it() -> None:
    for text in ("", "\x00\ud800", "Є" * 10_000, "А. Б. В. Г. Д. Е."):
        assert isinstance(ukrainian_spans(text.encode("utf-8", "replace").decode()), list)


def test_ukrainian_names_meet_their_english_spelling() -> None:
    from ossetia_reader.core.enrich.canonical import canonical_key

    text = "Прем’єр-міністр Денис Шмигаль прибув до Києва. Шмигалю доповіли про Харків."
    canonical = {c for _, _, c in found(text)}
    assert canonical == {"Денис Шмигаль", "Київ", "Харків"}
    english = {"Denys Shmyhal", "Kyiv", "Kharkiv"}
    assert {canonical_key(name) for name in canonical} == {canonical_key(n) for n in english}


def test_different_ukrainian_first_names_stay_apart() -> None:
    from ossetia_reader.core.enrich.canonical import canonical_key

    assert canonical_key("Юлія Тимошенко") != canonical_key("Volodymyr Tymoshenko")
