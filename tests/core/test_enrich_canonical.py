"""Canonical names: folding across spellings and linking within an article."""

from __future__ import annotations

import pytest

from ossetia_reader.core.article import Entity
from ossetia_reader.core.enrich.canonical import canonical_key, link_mentions


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kokoïty", "Kokoity"),
        ("Кокойты", "Kokoity"),
        ("Бибилов", "Bibilov"),
        ("БИБИЛОВ", "bibilov"),
        ("Дмитрий Песков", "Dmitry Peskov"),
        ("Dmitriy Peskov", "Dmitry Peskov"),
        ("Цхинвали", "Tskhinvali"),
        ("ცხინვალი", "Tskhinvali"),
        ("Зеленський", "Zelenskyy"),
        ("Luhansk People’s Republic", "Luhansk People's Republic"),
    ],
)
def test_spellings_fold_to_one_key(one: str, other: str) -> None:
    assert canonical_key(one) == canonical_key(other)


def test_different_names_stay_apart() -> None:
    assert canonical_key("Bibilov") != canonical_key("Gagloev")
    assert canonical_key("South Ossetia") != canonical_key("North Ossetia")


def entity(text: str, type_: str, start: int = 0) -> Entity:
    return Entity(start, start + len(text), text, type_, text)


def test_surname_links_to_the_full_name_and_takes_its_type() -> None:
    linked = link_mentions(
        [entity("Anatoly Bibilov", "PER"), entity("Bibilov", "PER"), entity("Bibilov", "ORG")]
    )
    assert [(e.type, e.canonical) for e in linked] == [("PER", "Anatoly Bibilov")] * 3


def test_two_people_sharing_a_surname_are_not_guessed() -> None:
    linked = link_mentions(
        [entity("Ivan Petrov", "PER"), entity("Maria Petrov", "PER"), entity("Petrov", "PER")]
    )
    assert linked[2].canonical == "Petrov"


def test_a_listed_place_keeps_its_type_beside_a_person_of_that_name() -> None:
    linked = link_mentions(
        [entity("Michael Jordan", "PER"), entity("Jordan", "LOC")],
        listed=lambda name: name == "Jordan",
    )
    assert (linked[1].type, linked[1].canonical) == ("LOC", "Jordan")
