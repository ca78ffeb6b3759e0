"""Library-wide entity types looked up in batches give what one name at a time gives.

The search index types every mention by its entity's library-wide type
(``store.library_typed``), so the lookups behind ``entity_types`` are batched
(one query per few hundred names). Each batched lookup is compared here with the
straightforward per-name query it replaces, and ``entity_types``/``library_typed``
of many names at once with the same calls made one name (one article) at a time,
on a library built from real news enriched by the rule-based tagger plus a few
made-up rows that reach every branch of the company rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich import identity
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import enrich_pending
from ossetia_reader.core.enrich.rules import listed_type
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.views import (
    _first_variants,
    _one_row,
    _open_organisations,
    _places,
    _typed_rows,
    entity_types,
    library_typed,
    with_library_types,
)
from ossetia_reader.core.importer import import_paths
from ossetia_reader.core.library import Library

REPO = Path(__file__).resolve().parents[2]
# ../shared beside the clone (CI); a worktree one level deeper finds it one more up.
CORPORA = (
    next(
        (p for p in (REPO.parent / "shared", REPO.parent.parent / "shared") if p.is_dir()),
        REPO.parent / "shared",
    )
    / "corpora"
)
SLICES = (
    (CORPORA / "ru-ua-press-releases" / "ru-ua-press-releases.jsonl", 60),
    (CORPORA / "reuters-21578" / "reuters-21578.jsonl", 160),
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not all(path.is_file() for path, _ in SLICES), reason="../shared/corpora is absent"
    ),
]


def _made_up(library: Library) -> None:
    """Rows for the company rule's rarer branches: a legal form among more than 20
    spellings, a name opening an organisation's, a place and a plural."""

    def stored(body: str, entities: list[Entity]) -> None:
        [added] = library.add([Article(id=f"made-{hash(body)}", title="t", body=body)])
        assert added.key is not None
        store_enrichment(library, added.key, entities, [])

    def named(text: str, type_: str, canonical: str) -> Entity:
        return Entity(0, len(text), text, type_, canonical)

    # 25 spellings of one key (case variants sort before/after each other): only the
    # first 20 in key order are read, as one name at a time reads them.
    spellings = [f"Halford {'Capel'[:n]}{'CAPEL'[n:]}" for n in range(5)]
    spellings += [f"Halford Capel{suffix}" for suffix in "abcdefghijklmnopqrst"]
    stored("x", [named(s, "PER", "Halford Capel") for s in spellings])
    stored("Halford Capel and Co", [named("Halford Capel and Co", "PER", "Halford Capel")])
    stored(
        "Dorsey Burnham Lambert", [named("Dorsey Burnham Lambert", "ORG", "Dorsey Burnham Lambert")]
    )
    stored("Dorsey Burnham", [named("Dorsey Burnham", "PER", "Dorsey Burnham")])
    stored("Cleveland Browns", [named("Cleveland Browns", "PER", "Cleveland Browns")])
    stored("Wexford Rovers", [named("Wexford Rovers", "PER", "Wexford Rovers")])
    stored("Wexford", [named("Wexford", "LOC", "Wexford")])
    stored("Quillan Pikes", [named("Quillan Pikes", "PER", "Quillan Pikes")])


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    where = tmp_path_factory.mktemp("typed")
    library = Library(where / "library")
    for path, count in SLICES:
        part = where / path.name
        with path.open(encoding="utf-8") as source:
            part.write_text("".join(islice(source, count)), encoding="utf-8")
        import_paths(library, [str(part)])
    enrich_pending(library, use_model=False)
    _made_up(library)
    yield library
    library.close()


def _keys(library: Library) -> list[str]:
    return [str(row[0]) for row in library.query("SELECT DISTINCT canonical FROM entity_totals")]


def _articles(library: Library) -> list[Article]:
    keys = [int(row[0]) for row in library.query("SELECT key FROM articles ORDER BY key")]
    return library.articles(keys)


def test_the_library_is_realistic(library: Library) -> None:
    assert len(_keys(library)) > 1_000
    assert len(_articles(library)) > 200


def test_first_spellings_read_at_once_are_those_read_one_key_at_a_time(
    library: Library,
) -> None:
    keys = _keys(library)
    each = {
        key: [
            (str(variant), int(mentions))
            for variant, mentions in library.query(
                "SELECT variant, mentions FROM entity_variants WHERE canonical = ? LIMIT 20",
                [key],
            )
        ]
        for key in keys
    }
    assert _first_variants(library, keys) == {key: rows for key, rows in each.items() if rows}
    assert len(each[canonical_key("Halford Capel")]) == 20  # the limit is reached


def test_names_opening_an_organisation_read_at_once_are_those_read_one_at_a_time(
    library: Library,
) -> None:
    keys = _keys(library)
    each = {
        key
        for key in keys
        if library.query(
            "SELECT 1 FROM entity_totals WHERE canonical > ? AND canonical < ? "
            "AND type = 'ORG' LIMIT 1",
            [key + " ", key + " \uffff"],
        )
    }
    assert _open_organisations(library, keys) == each
    assert canonical_key("Dorsey Burnham") in each


def test_places_read_at_once_are_those_read_one_at_a_time(library: Library) -> None:
    def is_place(name: str) -> bool:
        listed = identity.listed_type(name) or listed_type(name)
        if listed is not None:
            return listed == "LOC"
        folded = canonical_key(name)
        rows = _typed_rows(library, [folded]).get(folded)
        return rows is not None and _one_row(folded, rows).type in ("LOC", "ORG")

    names = sorted(
        {
            str(row[0]).split()[0]
            for row in library.query("SELECT name FROM entity_totals")
            if str(row[0]).split()
        }
        | {"Wexford", "Quillan", "Cleveland"}
    )
    assert _places(library, names) == {name: is_place(name) for name in names}


def test_entity_types_of_many_names_are_each_names_own(library: Library) -> None:
    names = [str(row[0]) for row in library.query("SELECT DISTINCT name FROM mentions")]
    together = entity_types(library, names)
    one_by_one: dict[str, str] = {}
    for name in names:
        one_by_one.update(entity_types(library, [name]))
    assert together == one_by_one
    assert together[canonical_key("Dorsey Burnham")] == "ORG"
    assert together[canonical_key("Halford Capel")] == "ORG"
    assert len(set(together.values())) >= 4  # PER, LOC, ORG, MISC all decided somewhere


def test_library_typed_articles_are_each_articles_own(library: Library) -> None:
    articles = _articles(library)
    together = list(library_typed(library, articles, batch=37))
    assert together == [with_library_types(library, article) for article in articles]
    assert together != articles  # some mention is typed otherwise across the library
