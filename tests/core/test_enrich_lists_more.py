"""More list precision rules (issue 10, session 4): a body with and without its country,
agreements named after a place, short company names, places two places share. Each
test states the general rule with made-up names and text."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import build_entities
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.views import country_of, entity_counts
from ossetia_reader.core.library import Library

from .enriched import stored
from .spans import spans_of


def entity(surface: str, type_: str) -> Entity:
    return Entity(0, len(surface), surface, type_, identity.preferred_name(surface))


# -- a body with and without its country ------------------------------------------------


def test_a_name_opening_with_a_country_knows_the_country() -> None:
    assert country_of("U.S.") == country_of("US") == country_of("United States")
    assert country_of("British") == "british"
    assert country_of("Treasury") is None and country_of("New") is None


def test_a_body_written_with_and_without_its_country_is_one_row(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(3):  # the bare name in articles that name the country
        stored(library, f"Exchequer {number}", [entity("Exchequer", "ORG"), entity("U.S.", "LOC")])
    stored(library, "Exchequer alone", [entity("Exchequer", "ORG")])
    stored(library, "U.S. Exchequer", [entity("U.S. Exchequer", "ORG")] * 2)
    stored(library, "US Exchequer", [entity("US Exchequer", "ORG")])
    rows = {row.name: row.mentions for row in entity_counts(library) if row.type == "ORG"}
    assert rows == {"Exchequer": 7}


def test_a_bare_body_of_another_country_stays_apart(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(3):  # a British outlet's bare "Exchequer": no US in its articles
        stored(library, f"Exchequer {number}", [entity("Exchequer", "ORG")])
    stored(library, "U.S. Exchequer", [entity("U.S. Exchequer", "ORG")] * 2)
    rows = {row.name for row in entity_counts(library)}
    assert {"Exchequer", "U.S. Exchequer"} <= rows


def test_two_countries_written_with_a_body_keep_it_apart(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for number in range(3):
        stored(library, f"Exchequer {number}", [entity("Exchequer", "ORG"), entity("U.S.", "LOC")])
    stored(library, "U.S. Exchequer", [entity("U.S. Exchequer", "ORG")] * 2)
    stored(library, "French Exchequer", [entity("French Exchequer", "ORG")] * 2)
    rows = {row.name for row in entity_counts(library)}
    assert {"Exchequer", "U.S. Exchequer", "French Exchequer"} <= rows


# -- agreements named after a place -----------------------------------------------------


def test_a_name_used_mostly_before_accord_is_the_agreement() -> None:
    text = "He backed the Belvane accord. The Belvane pact holds, Ames said at the Belvane."
    found = build_entities(
        text,
        spans_of(text, ("Belvane", "PER"), ("Belvane", "ORG"), ("Ames", "PER"), ("Belvane", "PER")),
    )
    assert [(e.text, e.type) for e in found] == [
        ("Belvane", "MISC"),
        ("Belvane", "MISC"),
        ("Ames", "PER"),
        ("Belvane", "MISC"),
    ]


def test_a_party_to_an_accord_keeps_its_type() -> None:
    text = "OPEX said on Monday the OPEX accord stands. Vantor Group said the Vantor deal holds."
    found = build_entities(text, spans_of(text, ("OPEX", "ORG"), ("OPEX", "ORG")))
    assert [e.type for e in found] == ["ORG", "ORG"], "an abbreviation names a party"
    text = "Talks with Ruvia went on. The Ruvia agreement was signed."
    found = build_entities(text, spans_of(text, ("Ruvia", "LOC"), ("Ruvia", "LOC")))
    assert [e.type for e in found] == ["LOC", "LOC"], "used otherwise as often: a party"


# -- a company's short name -------------------------------------------------------------


def test_a_short_name_is_the_one_company_the_article_names_in_full() -> None:
    text = "Korvane Petroleum Ltd rose. Korvane said talks went on. Korvane's debt is big."
    found = build_entities(
        text,
        spans_of(text, ("Korvane Petroleum Ltd", "ORG"), ("Korvane", "PER"), ("Korvane", "MISC")),
    )
    assert [(e.canonical, e.type) for e in found] == [("Korvane Petroleum", "ORG")] * 3


def test_a_short_name_of_two_companies_or_a_place_is_not_linked() -> None:
    text = "Korvane Petroleum Ltd and Korvane Mines Ltd rose. Korvane said no."
    found = build_entities(
        text,
        spans_of(
            text,
            ("Korvane Petroleum Ltd", "ORG"),
            ("Korvane Mines Ltd", "ORG"),
            ("Korvane", "PER"),
        ),
    )
    assert found[-1].canonical == "Korvane"
    text = "Sabran Shipyard Ltd grew in Sabran."
    found = build_entities(text, spans_of(text, ("Sabran Shipyard Ltd", "ORG"), ("Sabran", "LOC")))
    assert (found[-1].canonical, found[-1].type) == ("Sabran", "LOC")


# -- a place name two places share ------------------------------------------------------


def test_a_shared_place_name_is_the_place_the_article_points_to() -> None:
    state = "ATLANTA - Georgia beat Florida on Saturday; Georgia fans cheered."
    country = "TBILISI - Georgia and Russia talked; Georgia wants a deal."
    plain = "Georgia is nice in spring."
    readings = {}
    for text in (state, country, plain):
        [*found] = build_entities(text, spans_of(text, ("Georgia", "LOC")))
        readings[text] = (found[0].canonical, found[0].type)
    assert readings[state] == ("Georgia (US state)", "LOC")
    assert readings[country] == ("Georgia", "LOC")
    assert readings[plain] == ("Georgia", "LOC"), "no evidence: the first reading"
    assert identity.place_reading("Kyiv", state) is None, "not a shared name"


def test_the_two_georgias_are_two_rows(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for text in (
        "ATLANTA - Georgia beat Florida on Saturday.",
        "TBILISI - Georgia and Russia talked.",
    ):
        found = build_entities(text, spans_of(text, ("Georgia", "LOC")))
        [added] = library.add([Article(id=text[:8], title="t", body=text)])
        assert added.key is not None
        store_enrichment(library, added.key, list(found), [])
    assert sorted(row.name for row in entity_counts(library)) == [
        "Georgia",
        "Georgia (US state)",
    ]


# -- surnames and full names ----------------------------------------------------------------


def test_a_surname_is_not_linked_past_a_namesake_the_tagger_typed_otherwise() -> None:
    text = "It was run by Carla Fenwick. Her husband, Frank Fenwick, agreed. Fenwick pushed on."
    found = build_entities(
        text,
        spans_of(text, ("Carla Fenwick", "ORG"), ("Frank Fenwick", "PER"), ("Fenwick", "PER")),
    )
    assert found[-1].canonical == "Fenwick", "two people by that surname: not linked"
    text = "Tom Fenwick spoke. Understated Fenwick is calm. Fenwick pushed on."
    found = build_entities(
        text,
        spans_of(text, ("Tom Fenwick", "PER"), ("Understated Fenwick", "ORG"), ("Fenwick", "PER")),
    )
    assert found[-1].canonical == "Tom Fenwick", "a sentence's first word is no given name"


def test_an_abbreviation_inside_a_persons_name_is_no_surname() -> None:
    text = "The Junge SVP met. The SVP won."
    found = build_entities(text, spans_of(text, ("Junge SVP", "PER"), ("SVP", "ORG")))
    assert (found[-1].canonical, found[-1].type) == ("SVP", "ORG")


def test_a_preposition_opening_a_sentence_is_not_part_of_a_name() -> None:
    text = "Workers left. Outside Varrick's plant, a man waited outside."
    found = build_entities(text, spans_of(text, ("Outside Varrick", "PER")))
    assert [e.text for e in found] == ["Varrick"]


def test_a_generational_suffix_and_a_dropped_middle_name_are_one_person(
    tmp_path: Path,
) -> None:
    def groups(*names: str) -> list[list[str]]:
        return identity.same_person_groups([canonical_key(name) for name in names])

    assert len(groups("Joseph R. Biden Jr.", "Joe Biden")) == 1
    assert groups("Cal Ripken Jr.", "Cal Ripken Sr.", "Cal Ripken") == []
    library = Library(tmp_path)
    stored(library, "Hillary Rodham Clinton", [entity("Hillary Rodham Clinton", "PER")])
    stored(library, "Hillary Clinton", [entity("Hillary Clinton", "PER")] * 2)
    stored(library, "Hillary R. Clinton", [entity("Hillary R. Clinton", "PER")])
    stored(library, "John Paul Jones", [entity("John Paul Jones", "PER")])
    stored(library, "John Jones", [entity("John Jones", "PER")] * 2)
    rows = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert rows == {"Hillary Clinton": 4, "John Jones": 2, "John Paul Jones": 1}


def test_a_partys_nickname_and_plural_are_the_party_and_groups_are_not_organisations() -> None:
    assert identity.preferred_name("GOP") == "Republican Party"
    assert identity.preferred_name("Republicans") == "Republican Party"
    assert identity.preferred_name("ISIS") == "Islamic State"
    text = "Latino voters backed the super PAC."
    found = build_entities(text, spans_of(text, ("Latino", "ORG"), ("PAC", "ORG")))
    assert [(e.text, e.type) for e in found] == [("Latino", "MISC")], "a group; a common noun"


def test_justice_is_a_title_before_a_persons_name_only() -> None:
    text = "Justice Halvorsen died. The Justice Department said so."
    found = build_entities(
        text, spans_of(text, ("Justice Halvorsen", "PER"), ("Justice Department", "ORG"))
    )
    assert [(e.text, e.type) for e in found] == [
        ("Halvorsen", "PER"),
        ("Justice Department", "ORG"),
    ]


# -- products and technology companies ---------------------------------------------------


def test_software_devices_and_medicines_are_products_not_places() -> None:
    text = "Novell bets on Linux. Merck pulled Vioxx. Nokia said phones sold."
    found = build_entities(
        text,
        spans_of(text, ("Novell", "PER"), ("Linux", "LOC"), ("Vioxx", "ORG"), ("Nokia", "LOC")),
    )
    assert [(e.text, e.type) for e in found] == [
        ("Novell", "ORG"),
        ("Linux", "MISC"),
        ("Vioxx", "MISC"),
        ("Nokia", "ORG"),
    ]


def test_a_table_row_heading_with_an_abbreviated_word_is_no_person() -> None:
    text = "Start Stcks    12.3    14.5\nMary Lynn Smith said."
    found = build_entities(text, spans_of(text, ("Start Stcks", "PER"), ("Mary Lynn Smith", "PER")))
    assert [e.text for e in found] == ["Mary Lynn Smith"]


def test_a_greeting_or_sentence_adverb_is_cut_from_a_name_but_an_institution_is_not() -> None:
    text = "Hi Jarrod, thanks. Thankfully Passmore agreed. Union Vastrel rose."
    found = build_entities(
        text,
        spans_of(
            text, ("Hi Jarrod", "PER"), ("Thankfully Passmore", "PER"), ("Union Vastrel", "ORG")
        ),
    )
    assert [e.text for e in found] == ["Jarrod", "Passmore", "Union Vastrel"]


def test_markup_compounds_and_stray_words_are_cut_from_names() -> None:
    text = "The Post</B></FONT> said. A Vantor-based firm. Plus Smith came. St. was cut."
    found = build_entities(
        text,
        spans_of(
            text,
            ("Post</B></FONT>", "ORG"),
            ("Vantor-based", "LOC"),
            ("Plus", "LOC"),
            ("St.", "LOC"),
        ),
    )
    assert [e.text for e in found] == ["Post", "Vantor"]
    text = "It bought <Korvane Holdings> units."
    found = build_entities(text, spans_of(text, ("Korvane Holdings>", "PER")))
    assert [(e.text, e.type) for e in found] == [("Korvane Holdings", "ORG")]


def test_a_legal_form_alone_is_no_entity_and_a_particle_marks_a_person(tmp_path: Path) -> None:
    text = "Shares of Merck  amp; Co. fell."
    found = build_entities(text, spans_of(text, ("Merck", "ORG"), ("Co.", "ORG")))
    assert [e.text for e in found] == ["Merck"]
    library = Library(tmp_path)
    stored(library, "Teun van Dorp one", [entity("Teun van Dorp", "PER")] * 2)
    stored(library, "Teun van Dorp two", [entity("Teun van Dorp", "ORG")])
    assert {row.name: row.type for row in entity_counts(library)} == {"Teun van Dorp": "PER"}


def test_an_abbreviation_the_article_defines_is_the_full_name() -> None:
    text = "The Vantor Energy Agency (VEA) met. Later the VEA said no."
    found = build_entities(
        text,
        spans_of(text, ("Vantor Energy Agency", "ORG"), ("VEA", "ORG"), ("VEA", "PER")),
    )
    assert {(e.canonical, e.type) for e in found} == {("Vantor Energy Agency", "ORG")}
    text = "The Vantor Energy Agency (VXQ) met. Later the VEA said no."
    found = build_entities(text, spans_of(text, ("Vantor Energy Agency", "ORG"), ("VEA", "ORG")))
    assert found[-1].canonical == "VEA", "not its initials: not defined"
    assert identity.preferred_name("AP") == "Associated Press"
    assert identity.preferred_name("America Online") == "AOL"
