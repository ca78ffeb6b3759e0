"""Enrichment stored in the library, and the library-wide views over it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ossetia_reader.core.article import Article
from ossetia_reader.core.enrich.pipeline import enrich_article, enrich_pending
from ossetia_reader.core.enrich.store import pending_count, pending_keys, store_enrichment
from ossetia_reader.core.enrich.views import (
    articles_mentioning,
    entity_counts,
    quotes_by,
    speaker_counts,
)
from ossetia_reader.core.formats.stored_text import read_stored_text
from ossetia_reader.core.library import Library
from tests.conftest import SEED


def seed_library(tmp_path: Path) -> tuple[Library, int]:
    library = Library(tmp_path)
    [added] = library.add([read_stored_text(SEED)])
    return library, added.key


def test_round_trip_through_the_library(tmp_path: Path) -> None:
    library, key = seed_library(tmp_path)
    assert pending_count(library) == 1
    seen: list[tuple[int, int]] = []
    assert enrich_pending(library, use_model=False, progress=lambda d, t: seen.append((d, t))) == 1
    assert seen[-1] == (1, 1)
    assert pending_count(library) == 0
    stored = library.get(key)
    assert stored is not None
    entities, quotes = enrich_article(read_stored_text(SEED), use_model=False)
    assert stored.entities == entities
    assert stored.quotes == quotes

    people = entity_counts(library, type="PER")
    assert people[0].name == "Anatoly Bibilov"
    assert (people[0].mentions, people[0].articles) == (5, 1)
    places = {row.name: row.mentions for row in entity_counts(library, type="LOC")}
    assert places["Russia"] == sum(e.text == "Russia" for e in entities)
    assert "South Ossetia" in [row.name for row in entity_counts(library, match="осетия")]
    assert {row.name for row in entity_counts(library, match="ossetia")} >= {
        "South Ossetia",
        "North Ossetia",
    }

    speakers = {row.name: (row.quotes, row.articles) for row in speaker_counts(library)}
    assert speakers["Dmitry Peskov"] == (2, 1)
    assert speakers["Anatoly Bibilov"] == (1, 1)


def test_entity_and_speaker_views_fold_spellings(tmp_path: Path) -> None:
    library, key = seed_library(tmp_path)
    enrich_pending(library, use_model=False)
    [(found_key, sentence)] = articles_mentioning(library, "Дмитрий Песков")
    assert found_key == key
    assert "Kremlin spokesman Dmitry Peskov told journalists Thursday." in sentence
    assert articles_mentioning(library, "Peskov") == articles_mentioning(library, "dmitry peskov")
    records = quotes_by(library, "Песков")
    assert [r.text[:12] for r in records] == ["“We have not", "“This concer"]
    assert {r.speaker for r in records} == {"Dmitry Peskov"}
    assert quotes_by(library, "Nobody At All") == []


def test_storing_again_replaces_counts(tmp_path: Path) -> None:
    library, key = seed_library(tmp_path)
    entities, quotes = enrich_article(read_stored_text(SEED), use_model=False)
    store_enrichment(library, key, entities, quotes)
    store_enrichment(library, key, entities, quotes)
    [peskov] = [row for row in speaker_counts(library) if row.name == "Dmitry Peskov"]
    assert (peskov.quotes, peskov.articles) == (2, 1)
    store_enrichment(library, key, entities[:1], ())
    assert speaker_counts(library) == []
    assert [(row.name, row.mentions) for row in entity_counts(library)] == [("Kremlin", 1)]


def test_enrichment_resumes_after_a_stop(library: Library) -> None:
    total = pending_count(library)
    assert total > 3
    calls = iter([False, True])
    done = enrich_pending(library, batch=2, use_model=False, should_stop=lambda: next(calls))
    assert done == 2
    assert pending_count(library) == total - 2
    assert enrich_pending(library, use_model=False) == total - 2
    assert pending_count(library) == 0


def test_a_surname_alone_in_another_article_is_the_same_person(tmp_path: Path) -> None:
    library, seed_key = seed_library(tmp_path)
    [other] = library.add(
        [
            Article(
                id="later",
                title="Later",
                body="“Nothing has changed,” Peskov told reporters on Friday.",
                date=dt.date(2022, 4, 1),
            )
        ]
    )
    enrich_pending(library, use_model=False)
    mentioning = articles_mentioning(library, "Dmitry Peskov")
    assert [key for key, _ in mentioning] == [other.key, seed_key], "newest first"
    assert mentioning[0][1] == "“Nothing has changed,” Peskov told reporters on Friday."
    assert [r.key for r in quotes_by(library, "Дмитрий Песков")] == [other.key, seed_key, seed_key]
    assert [r.key for r in quotes_by(library, "Peskov")] == [other.key, seed_key, seed_key]

    [namesake] = library.add([Article(id="n", title="N", body="Ivan Peskov, a farmer, spoke.")])
    enrich_pending(library, use_model=False)
    assert [key for key, _ in articles_mentioning(library, "Dmitry Peskov")] == [seed_key]
    assert namesake.key not in [key for key, _ in articles_mentioning(library, "Dmitry Peskov")]


def test_an_edited_article_leaves_the_views_until_enriched_again(tmp_path: Path) -> None:
    library, key = seed_library(tmp_path)
    enrich_pending(library, use_model=False)
    assert [k for k, _ in articles_mentioning(library, "Ruslan Totrov")] == [key]
    edited = read_stored_text(SEED)
    edited.body = edited.body.replace("Ruslan Totrov", "Alan Dzhioev")
    library.add([edited])
    assert pending_count(library) == 1
    assert articles_mentioning(library, "Ruslan Totrov") == []
    assert quotes_by(library, "Dmitry Peskov") == []
    enrich_pending(library, use_model=False)
    assert articles_mentioning(library, "Ruslan Totrov") == []
    assert [k for k, _ in articles_mentioning(library, "Alan Dzhioev")] == [key]
    speakers = {row.name for row in speaker_counts(library)}
    assert "Alan Dzhioev" in speakers and "Ruslan Totrov" not in speakers


def test_an_article_edited_during_enrichment_is_done_before_it_returns(library: Library) -> None:
    first = library.get(pending_keys(library, limit=1)[0])
    assert first is not None

    def edit_behind(done: int, total: int) -> None:
        if done == 4:
            assert first is not None
            first.body += "\n\nA correction was added."
            library.add([first])

    enrich_pending(library, batch=2, use_model=False, progress=edit_behind)
    assert pending_count(library) == 0


def test_people_named_by_surname_alone_count_with_their_full_name(tmp_path: Path) -> None:
    library, _ = seed_library(tmp_path)
    library.add(
        [
            Article(id="b", title="B", body="Later, Bibilov met voters. Bibilov smiled."),
            Article(id="c", title="C", body="Mr. Gagloev won the vote."),
        ]
    )
    enrich_pending(library, use_model=False)
    people = {row.name: (row.mentions, row.articles) for row in entity_counts(library, "PER")}
    assert people["Anatoly Bibilov"] == (7, 2)
    assert "Bibilov" not in people
    assert people["Gagloev"] == (1, 1), "no full name known: stays as written"
