"""Error classes found on AG News feed items (issue 10): a surname whose one
prominent full name has a namesake named once, markup and stock-quote links
quoted as text."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.refine import is_junk
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.views import entity_counts
from ossetia_reader.core.library import Library


def stored(library: Library, body: str, entities: list[Entity]) -> None:
    [added] = library.add([Article(id=body, title="t", body=body)])
    assert added.key is not None
    store_enrichment(library, added.key, entities, [])


def entity(surface: str, type_: str = "PER") -> Entity:
    return Entity(0, len(surface), surface, type_, identity.preferred_name(surface))


def test_a_surname_is_the_prominent_person_when_a_namesake_appears_once(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for n in range(5):
        stored(library, f"full {n}", [entity("Ivan Petrenko")])
    stored(library, "namesake", [entity("Maria Petrenko")] * 3)
    for n in range(4):
        stored(library, f"alone {n}", [entity("Petrenko")])
    rows = {row.name: row.mentions for row in entity_counts(library, type="PER")}
    assert rows["Ivan Petrenko"] == 9
    assert "Petrenko" not in rows
    assert rows["Maria Petrenko"] == 3


def test_two_namesakes_in_several_articles_are_still_not_guessed(tmp_path: Path) -> None:
    library = Library(tmp_path)
    for n in range(5):
        stored(library, f"full {n}", [entity("Ivan Petrenko")])
    for n in range(2):
        stored(library, f"namesake {n}", [entity("Maria Petrenko")])
    stored(library, "alone", [entity("Petrenko")])
    rows = {row.name: row.mentions for row in entity_counts(library)}
    assert rows["Ivan Petrenko"] == 5, "not merged into either"
    # Nor listed as a row of its own: it would stand for two people (issue 10, lists).
    assert "Petrenko" not in rows


def test_names_inside_markup_quoted_as_text_are_junk() -> None:
    text = 'Bills rise. &lt;FONT face="verdana,MS Sans Serif,arial"&gt; Bill Gates said <b>so</b>.'
    at = text.index("Sans Serif")
    assert is_junk(text, at, at + len("Sans Serif"))
    at = text.index("Bill Gates")
    assert not is_junk(text, at, at + len("Bill Gates"))


def test_stock_quote_links_are_junk() -> None:
    text = "Johnson (JNJ.N: Quote, Profile, Research) is in talks with Pfizer (PFE.N)."
    at = text.index("Profile")
    assert is_junk(text, at, at + len("Profile"))
    at = text.index("Pfizer")
    assert not is_junk(text, at, at + len("Pfizer"))
