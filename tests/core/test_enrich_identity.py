"""One row per real-world entity: aliases, span trimming, junk, one type per entity.

Quick and deterministic: the rule-free parts (refine, identity, store) are fed
spans directly, as a tagger would give them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import build_entities
from ossetia_reader.core.enrich.refine import decide_types, is_junk, refine_spans
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.views import (
    decide_type,
    entity_counts,
    entity_types,
    entity_variants,
    with_library_types,
)
from ossetia_reader.core.library import Library

from .spans import spans_of


def names(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[s:e], label) for s, e, label in spans]


# -- aliases -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variant", "preferred"),
    [
        ("Kiev", "Kyiv"),
        ("Lugansk", "Luhansk"),
        ("Donbass", "Donbas"),
        ("Chernobyl", "Chornobyl"),
        ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
        ("Vladimir Zelenskiy", "Volodymyr Zelenskyy"),
        ("EU", "European Union"),
        ("USA", "United States"),
        ("U.S.", "United States"),
        ("Britain", "United Kingdom"),
        ("UN", "United Nations"),
        ("Russian Federation", "Russia"),
    ],
)
def test_variants_resolve_to_one_preferred_name(variant: str, preferred: str) -> None:
    assert identity.preferred_name(variant) == preferred
    assert variant in identity.listed_variants(preferred)


def test_abbreviations_match_in_capitals_only() -> None:
    assert identity.preferred_name("Us") == "Us"
    assert identity.preferred_name("Who") == "Who"
    assert identity.preferred_name("WHO") == "World Health Organization"


def test_every_alias_line_has_a_type_and_a_source() -> None:
    entries = identity.aliases()
    assert len(entries) > 50
    for entry in entries:
        assert entry.type in {"PER", "LOC", "ORG", "MISC"}, entry
        assert entry.source, entry


# -- span trimming -------------------------------------------------------------------------


def test_a_title_with_its_country_is_cut_from_a_name() -> None:
    text = "President of Ukraine Volodymyr Zelenskyy met them."
    refined = refine_spans(text, spans_of(text, ("Ukraine Volodymyr Zelenskyy", "ORG")))
    assert names(text, refined) == [("Ukraine", "LOC"), ("Volodymyr Zelenskyy", "PER")]


def test_roles_before_a_name_are_cut_and_the_name_is_a_person() -> None:
    text = "Presidential Adviser Vladimir Tolstoy spoke."
    refined = refine_spans(text, spans_of(text, ("Presidential Adviser Vladimir Tolstoy", "ORG")))
    assert names(text, refined) == [("Vladimir Tolstoy", "PER")]


def test_a_split_name_after_a_body_is_made_whole() -> None:
    text = "President of the European Commission Ursula von der Leyen said."
    spans = spans_of(text, ("European Commission Ursula", "ORG"), ("von der Leyen", "PER"))
    assert names(text, refine_spans(text, spans)) == [
        ("European Commission", "ORG"),
        ("Ursula von der Leyen", "PER"),
    ]


def test_a_dangling_of_joins_the_name_it_belongs_to() -> None:
    text = "in the Office of the President of Ukraine today"
    spans = spans_of(text, ("Office of the President of", "ORG"), ("Ukraine", "LOC"))
    assert names(text, refine_spans(text, spans)) == [("Office of the President of Ukraine", "ORG")]
    alone = "the Office of the President of the day"
    trimmed = refine_spans(alone, spans_of(alone, ("Office of the President of", "ORG")))
    assert names(alone, trimmed) == [("Office of the President", "ORG")]


def test_a_trailing_role_is_cut_and_the_body_after_it_kept_whole() -> None:
    text = "appointing General Mykola Zhyrnov Head of the Kyiv City Military Administration."
    spans = spans_of(
        text, ("Mykola Zhyrnov Head", "PER"), ("Kyiv City Military Administration", "ORG")
    )
    assert names(text, refine_spans(text, spans)) == [
        ("Mykola Zhyrnov", "PER"),
        ("Kyiv City Military Administration", "ORG"),
    ]


def test_names_that_merely_start_with_a_title_word_stay_whole() -> None:
    text = "General Motors and the Bank of England and the British Masters."
    spans = spans_of(
        text, ("General Motors", "ORG"), ("Bank of England", "ORG"), ("British Masters", "MISC")
    )
    assert names(text, refine_spans(text, spans)) == names(text, spans)


# -- junk ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Glory to Ukraine!", "Glory"),
        ("Moreover, it is not the result of this.", "Moreover"),
        ("Frankly, I think so.", "Frankly"),
        ("The Head of State said it.", "Head of State"),
        ("the Head said so.", "Head"),
        ("the Adviser said so.", "Adviser"),
        ("the Head of the Office of the President said", "Head of the Office of the President"),
        ("Good evening, great people of our state!", "Good evening"),
        ("Dear friends, we are here.", "Dear friends"),
        ("Today we met. Talks were held today.", "Today"),
    ],
)  # fmt: skip
def test_words_that_name_nothing_are_junk(text: str, surface: str) -> None:
    start = text.index(surface)
    assert is_junk(text, start, start + len(surface))
    assert refine_spans(text, [(start, start + len(surface), "PER")]) == []


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        ("Moscow said no. The Fed cut rates; the cuts fed hopes.", "Fed"),
        ("Kyiv is the capital.", "Kyiv"),
        ("The US said so.", "US"),
        ("Office of the President of Ukraine", "Office of the President of Ukraine"),
        ("the West said", "West"),
    ],
)
def test_names_are_not_junk(text: str, surface: str) -> None:
    start = text.rindex(surface) if surface == "Fed" else text.index(surface)
    assert not is_junk(text, start, start + len(surface))


# -- types --------------------------------------------------------------------------------------


def mention(text: str, surface: str, type_: str, at: int = 0) -> Entity:
    start = text.index(surface, at)
    return Entity(start, start + len(surface), surface, type_, surface)


def test_a_title_makes_a_person_and_in_x_a_place() -> None:
    text = "President Olena Kovalenko visited Hostivka, in Pidhirne and the Sumy region."
    decided = decide_types(
        text,
        [
            mention(text, "Olena Kovalenko", "ORG"),
            mention(text, "Pidhirne", "PER"),
            mention(text, "Sumy", "ORG"),
        ],
    )
    assert [e.type for e in decided] == ["PER", "LOC", "LOC"]


def test_a_titled_person_is_a_person_in_the_whole_article() -> None:
    text = "Olena Kovalenko arrived. Later, Minister Olena Kovalenko spoke."
    decided = decide_types(
        text,
        [mention(text, "Olena Kovalenko", "ORG"), mention(text, "Olena Kovalenko", "PER", 20)],
    )
    assert [e.type for e in decided] == ["PER", "PER"]


def test_listed_names_take_their_listed_type() -> None:
    text = "They met in Bucha; Mariupol held."
    decided = decide_types(text, [mention(text, "Bucha", "PER"), mention(text, "Mariupol", "PER")])
    assert [e.type for e in decided] == ["LOC", "LOC"]


def test_the_library_type_is_the_listed_type_else_the_commonest() -> None:
    assert decide_type("Kyiv", {"ORG": 105, "LOC": 20}) == "LOC"
    assert decide_type("Ivan Cheesemaker", {"ORG": 3, "PER": 5}) == "PER"


def test_build_entities_uses_preferred_names() -> None:
    text = "Kiev and Kyiv; the EU and the European Union."
    spans = spans_of(
        text, ("Kiev", "LOC"), ("Kyiv", "ORG"), ("EU", "ORG"), ("European Union", "ORG")
    )
    entities = build_entities(text, spans)
    assert [e.canonical for e in entities] == ["Kyiv", "Kyiv", "European Union"] * 1 + [
        "European Union"
    ]


# -- the library ----------------------------------------------------------------------------------


def stored(library: Library, body: str, entities: list[Entity]) -> int:
    [added] = library.add([Article(id=str(len(body)) + body[:10], title="t", body=body)])
    assert added.key is not None
    store_enrichment(library, added.key, entities, [])
    return added.key


def entity(surface: str, type_: str, canonical: str | None = None) -> Entity:
    return Entity(0, len(surface), surface, type_, canonical or identity.preferred_name(surface))


def test_one_row_per_entity_with_its_variants(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "one", [entity("Kiev", "LOC"), entity("Kyiv", "ORG"), entity("Kyiv", "ORG")])
    stored(library, "two", [entity("Zelensky", "PER"), entity("Volodymyr Zelenskyy", "ORG")])
    stored(library, "three", [entity("Volodymyr Zelenskyy", "ORG")])
    rows = {row.name: row for row in entity_counts(library)}
    assert (rows["Kyiv"].type, rows["Kyiv"].mentions) == ("LOC", 3)
    assert (rows["Volodymyr Zelenskyy"].type, rows["Volodymyr Zelenskyy"].mentions) == ("PER", 3)
    assert len(rows) == 2
    assert entity_variants(library, "Kyiv") == ["Kiev"]
    assert entity_variants(library, "Volodymyr Zelenskyy") == ["Zelensky"]
    people = entity_counts(library, type="PER")
    assert [row.name for row in people] == ["Volodymyr Zelenskyy"]


def test_re_enrichment_takes_old_variants_away(tmp_path: Path) -> None:
    library = Library(tmp_path)
    key = stored(library, "one", [entity("Kiev", "LOC")])
    store_enrichment(library, key, [entity("Kyiv", "LOC")], [])
    assert entity_variants(library, "Kyiv") == []


def test_a_surname_counts_with_the_one_full_name_but_never_two(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "a", [entity("Ivan Petrenko", "PER"), entity("Petrenko", "ORG", "Petrenko")])
    stored(library, "Mr Petrenko said", [Entity(3, 11, "Petrenko", "PER", "Petrenko")])
    rows = {row.name: row for row in entity_counts(library, type="PER")}
    assert rows["Ivan Petrenko"].mentions == 3
    assert "Petrenko" not in rows
    stored(library, "c", [entity("Maria Petrenko", "PER")])
    rows = {row.name: row for row in entity_counts(library, type="PER")}
    assert rows["Ivan Petrenko"].mentions == 1
    assert "Petrenko" in rows


def test_the_reading_pane_colours_by_the_library_type(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "x", [entity("Olena Kovalenko", "PER")] * 3)
    key = stored(library, "y", [entity("Olena Kovalenko", "ORG")])
    article = library.get(key)
    assert article is not None
    assert entity_types(library, ["Olena Kovalenko"]) == {"olena kovalenko": "PER"}
    assert [e.type for e in with_library_types(library, article).entities] == ["PER"]


def test_a_readers_type_correction_outranks_the_library_type(tmp_path: Path) -> None:
    from ossetia_reader.core.enrich.corrections import set_type

    library = Library(tmp_path)
    stored(library, "x", [entity("Olena Kovalenko", "PER")] * 3)
    key = stored(library, "y", [entity("Olena Kovalenko", "PER")])
    set_type(library, "Olena Kovalenko", "ORG")
    article = library.get(key)
    assert article is not None
    assert [e.type for e in with_library_types(library, article).entities] == ["ORG"]


def test_roman_numerals_keep_wars_and_kings_apart() -> None:
    from ossetia_reader.core.enrich.canonical import canonical_key

    keys = {canonical_key(name) for name in ("World War I", "World War II", "World War III")}
    assert len(keys) == 3
    assert canonical_key("Zelenskyy") == canonical_key("Zelensky")


def test_a_plural_nationality_is_the_nationality() -> None:
    text = "Ukrainians and the Ukrainian army."
    spans = spans_of(text, ("Ukrainians", "MISC"), ("Ukrainian", "MISC"))
    assert [e.canonical for e in build_entities(text, spans)] == ["Ukrainian", "Ukrainian"]


def test_a_descriptor_opening_a_sentence_is_not_part_of_the_name() -> None:
    text = "The console sold well. Rival Sony has said it will launch its own."
    refined = refine_spans(text, spans_of(text, ("Rival Sony", "PER")))
    assert names(text, refined) == [("Sony", "ORG")]


def test_a_club_before_its_player_is_an_organisation() -> None:
    text = "Newcastle striker Craig Bellamy scored."
    decided = decide_types(text, [mention(text, "Newcastle", "LOC")])
    assert [e.type for e in decided] == ["ORG"]


def test_time_zones_and_money_are_tagged_but_not_listed(tmp_path: Path) -> None:
    from ossetia_reader.core.enrich.refine import is_marker

    text = "at 1300 GMT for US$ 5"
    refined = refine_spans(text, spans_of(text, ("GMT", "MISC"), ("US$", "LOC")))
    assert names(text, refined) == [("GMT", "MISC"), ("US$", "MISC")]
    assert is_marker("GMT") and is_marker("US$") and not is_marker("Gazprom")
    library = Library(tmp_path)
    stored(library, "m", [entity("GMT", "MISC"), entity("Gazprom", "ORG")])
    assert [row.name for row in entity_counts(library)] == ["Gazprom"]


def test_a_lone_name_nobody_titles_is_not_a_person(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Petrobras said", [entity("Petrobras", "PER")])
    stored(library, "President Reagan said", [Entity(10, 16, "Reagan", "PER", "Reagan")])
    assert {row.name: row.type for row in entity_counts(library)} == {
        "Petrobras": "ORG",
        "Reagan": "PER",
    }
    assert entity_types(library, ["Petrobras"]) == {"petrobras": "ORG"}


def test_company_cues_make_an_organisation() -> None:
    text = "Tenneco Inc said; shares of Inco rose."
    decided = decide_types(text, [mention(text, "Tenneco", "PER"), mention(text, "Inco", "PER")])
    assert [e.type for e in decided] == ["ORG", "ORG"]


def test_search_fields_find_an_entity_by_any_listed_name(tmp_path: Path) -> None:
    from ossetia_reader.core.search import open_index

    library = Library(tmp_path)
    body = "Talks in Kyiv and with the EU."
    key = stored(
        library,
        body,
        [
            Entity(9, 13, "Kyiv", "LOC", "Kyiv"),
            Entity(27, 29, "EU", "ORG", "European Union"),
        ],
    )
    index = open_index(library)
    for query in ("place:kiev", "entity:kyiv", "org:eu", "org:european"):
        assert list(index.search(query).hits.keys) == [key], query


def test_a_person_after_an_unlisted_body_is_cut_free() -> None:
    text = "Deputy Chairman of the Security Council Dmitry Medvedev said."
    refined = refine_spans(text, spans_of(text, ("Security Council Dmitry Medvedev", "ORG")))
    assert names(text, refined) == [("Security Council", "ORG"), ("Dmitry Medvedev", "PER")]


def test_a_short_body_is_the_articles_one_longer_body() -> None:
    from ossetia_reader.core.enrich.refine import link_institutions

    text = "The Russian Armed Forces moved. The Armed Forces said."
    linked = link_institutions(
        [mention(text, "Russian Armed Forces", "ORG"), mention(text, "Armed Forces", "ORG", 30)]
    )
    assert [e.canonical for e in linked] == ["Russian Armed Forces"] * 2


def test_a_surname_the_tagger_missed_is_the_person_named_in_full() -> None:
    text = "Tiger Woods shot 67. Woods, who turned pro, smiled. Such is golf; Jordan too."
    spans = spans_of(text, ("Tiger Woods", "PER"))
    assert names(text, refine_spans(text, spans)) == [("Tiger Woods", "PER"), ("Woods", "PER")]


def test_a_word_left_out_of_a_listed_name_joins_it() -> None:
    text = "Liberal Democrat Sarah Teather said."
    refined = refine_spans(text, spans_of(text, ("Democrat", "MISC"), ("Sarah Teather", "PER")))
    assert names(text, refined) == [("Liberal Democrat", "ORG"), ("Sarah Teather", "PER")]


# -- across scripts: places and organisations ----------------------------------------------


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Москва", "Moscow"),
        ("Россия", "Russia"),
        ("Украина", "Ukraine"),
        ("Киев", "Kyiv"),
        ("США", "United States"),
        ("ЕС", "European Union"),
        ("Евросоюз", "European Union"),
        ("НАТО", "NATO"),
        ("ООН", "United Nations"),
        ("Кремль", "Kremlin"),
        ("Санкт-Петербург", "St Petersburg"),
        ("Белоруссия", "Belarus"),
        ("Беларусь", "Belarus"),
        ("Крым", "Crimea"),
        ("Донбасс", "Donbas"),
        ("ФСБ", "Federal Security Service"),
        ("Единая Россия", "United Russia"),
    ],
)
def test_a_russian_name_has_the_key_of_the_listed_english_name(russian: str, english: str) -> None:
    assert canonical_key(russian) == canonical_key(english)
    assert identity.listed_type(russian) == identity.listed_type(english) is not None
    assert identity.preferred_name(russian) == russian  # shown as written


def test_a_transliteration_in_english_text_is_not_the_cyrillic_variant() -> None:
    # "Rossiya" in an English article is a TV channel or an airline, not the country.
    assert identity.lookup("Rossiya") is None
    assert canonical_key("Rossiya") != canonical_key("Russia")


def test_moscow_and_moskva_are_one_row_shown_in_the_commoner_script(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "en", [entity("Moscow", "LOC")] * 2)
    stored(library, "ru", [entity("Москва", "LOC")] * 3 + [entity("Москва", "ORG")])
    rows = entity_counts(library)
    assert [(row.name, row.type, row.mentions, row.articles) for row in rows] == [
        ("Москва", "LOC", 6, 2)
    ]


def test_russia_is_never_shown_as_a_transliteration(tmp_path: Path) -> None:
    library = Library(tmp_path)
    # The first article to count the key wrote it in Latin letters: that name must not
    # stand for the many Россия mentions that follow.
    stored(library, "first", [entity("Rossiya", "LOC", "Rossiya")])
    stored(library, "ru one", [entity("Россия", "LOC")] * 5)
    stored(library, "en one", [entity("Russia", "LOC")] * 9)
    shown = {row.name: row.mentions for row in entity_counts(library)}
    assert shown == {"Russia": 14, "Rossiya": 1}
    library2 = Library(tmp_path / "b")
    stored(library2, "en", [entity("Russia", "LOC")])
    stored(library2, "ru", [entity("Россия", "LOC")] * 4)
    assert [row.name for row in entity_counts(library2)] == ["Россия"]


def test_a_russian_surname_the_tagger_typed_per_stays_a_person(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "Стерлигов сказал", [entity("Стерлигов", "PER")] * 3)
    stored(library, "Petrobras said", [entity("Petrobras", "PER")])
    assert {row.name: row.type for row in entity_counts(library)} == {
        "Стерлигов": "PER",
        "Petrobras": "ORG",
    }
    assert entity_types(library, ["Стерлигов"]) == {"sterligov": "PER"}


def test_a_body_named_after_a_place_takes_none_of_its_spellings(tmp_path: Path) -> None:
    library = Library(tmp_path)
    stored(library, "one", [entity("Единой России", "ORG", "Единая Россия")])
    stored(library, "two", [entity("России", "LOC", "Россия"), entity("РФ", "LOC", "Россия")])
    assert entity_variants(library, "Единая Россия") == ["Единой России"]
    stored(library, "three", [entity("Пескова", "PER", "Песков")])
    stored(library, "four", [entity("Дмитрий Песков", "PER")])
    assert "Пескова" in entity_variants(library, "Дмитрий Песков"), "a person's surname alone"
