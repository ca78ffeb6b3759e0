"""A surname or first name alone, written in two scripts, is one person only with the
evidence a full name needs (core/enrich/namesakes.py): ``Сердюков`` in a Russian article
and ``Serdyukov`` in an English one may be two men. Constructed sentences."""

from __future__ import annotations

from pathlib import Path

from ossetia_reader.core.article import Article, Entity
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.enrich.views import entity_counts
from ossetia_reader.core.library import Library


def _store(library: Library, body: str, names: dict[str, tuple[str, str]]) -> None:
    (article,) = library.add([Article(id=f"a{len(body)}-{hash(body)}", title="t", body=body)])
    assert article.key is not None
    entities = []
    for text, (kind, canonical) in names.items():
        at = body.index(text)
        entities.append(Entity(at, at + len(text), text, kind, canonical))
    store_enrichment(library, article.key, sorted(entities, key=lambda e: e.start), [])


def test_a_lone_surname_in_two_scripts_without_evidence_is_two_rows(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    _store(
        library,
        "На форуме вспомнили, как Сердюков реформировал армию в Петербурге.",
        {"Сердюков": ("PER", "Сердюков"), "Петербурге": ("LOC", "Петербург")},
    )
    _store(
        library,
        "Colonel General Serdyukov inspected the troops near Pskov.",
        {"Serdyukov": ("PER", "Serdyukov"), "Pskov": ("LOC", "Pskov")},
    )
    for i in range(40):
        _store(library, f"Moscow said item {i}.", {"Moscow": ("LOC", "Moscow")})
    people = {row.name: row.articles for row in entity_counts(library, "PER")}
    assert people.get("Сердюков") == 1 and people.get("Serdyukov") == 1


def test_a_lone_surname_with_shared_context_is_one_row(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    _store(
        library,
        "Обама встретился в Берлине с Ангелой Меркель.",
        {
            "Обама": ("PER", "Обама"),
            "Берлине": ("LOC", "Берлин"),
            "Ангелой Меркель": ("PER", "Ангела Меркель"),
        },
    )
    _store(
        library,
        "Obama met Angela Merkel in Berlin.",
        {
            "Obama": ("PER", "Obama"),
            "Berlin": ("LOC", "Berlin"),
            "Angela Merkel": ("PER", "Angela Merkel"),
        },
    )
    for i in range(40):
        _store(library, f"Moscow said item {i}.", {"Moscow": ("LOC", "Moscow")})
    rows = [row for row in entity_counts(library, "PER") if row.name in ("Обама", "Obama")]
    assert len(rows) == 1 and rows[0].articles == 2
