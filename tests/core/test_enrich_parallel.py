"""Enrichment in two worker processes stores what one process stores."""

from __future__ import annotations

from pathlib import Path

import pytest

from ossetia_reader.core.bundled import import_bundled
from ossetia_reader.core.enrich.pipeline import enrich_pending
from ossetia_reader.core.enrich.store import pending_count
from ossetia_reader.core.library import Library


def stored(library: Library) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    mentions = library.query(
        "SELECT a.id, m.canonical, m.type, m.count, m.first FROM mentions m "
        "JOIN articles a ON a.key = m.key ORDER BY 1, 2, 3"
    )
    quoted = library.query(
        "SELECT a.id, q.speaker_canonical, q.start, q.end FROM quoted q "
        "JOIN articles a ON a.key = q.key ORDER BY 1, 3"
    )
    return mentions, quoted


def bundled(path: Path) -> Library:
    library = Library(path)
    import_bundled(library)
    return library


@pytest.mark.slow
def test_two_worker_processes_store_the_same_as_one(tmp_path: Path) -> None:
    one = bundled(tmp_path / "one")
    two = bundled(tmp_path / "two")
    total = pending_count(one)
    assert enrich_pending(one, use_model=False) == total
    seen: list[int] = []
    done = enrich_pending(
        two, use_model=False, workers=2, batch=2, progress=lambda d, t: seen.append(d)
    )
    assert done == total == seen[-1]
    assert seen == sorted(seen)  # stored in order, each batch once
    assert pending_count(two) == 0
    assert stored(two) == stored(one)
    assert stored(one)[0], "the bundle has entities to compare"


@pytest.mark.slow
def test_a_stop_keeps_what_was_stored_and_leaves_the_rest_pending(tmp_path: Path) -> None:
    library = bundled(tmp_path / "lib")
    total = pending_count(library)
    progressed: list[int] = []
    done = enrich_pending(
        library,
        use_model=False,
        workers=2,
        batch=2,
        progress=lambda d, t: progressed.append(d),
        should_stop=lambda: len(progressed) > 1,  # after the first stored batch
    )
    assert 0 < done < total
    assert pending_count(library) == total - done
    assert enrich_pending(library, use_model=False) == total - done


def test_pausing_holds_batches_back_until_the_user_stops_typing(tmp_path: Path) -> None:
    library = bundled(tmp_path / "lib")
    total = pending_count(library)
    asked = []

    def typing() -> bool:
        asked.append(1)
        return len(asked) < 4  # typing for the first three looks

    done = enrich_pending(library, use_model=False, batch=4, should_pause=typing)
    assert done == total
    assert len(asked) >= 4


RUSSIAN = (
    "Президент России Владимир Путин провёл в Кремле встречу с губернатором Москвы. "
    "«Мы обсудили развитие города», — сказал Сергей Собянин журналистам после встречи.",
    "Министр иностранных дел Сергей Лавров прилетел в Женеву. По словам Лаврова, "
    "переговоры с представителями США продлятся два дня.",
)


@pytest.mark.slow
def test_russian_articles_are_tagged_last_by_two_fresh_workers_with_the_same_results(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Russian tagger loads in workers of its own, after the English ones are gone
    (both models in each worker came to 2 x 500 MB), and both cores tag Russian."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.enrich import pipeline
    from ossetia_reader.core.enrich.store import pending_keys

    articles = [
        Article(id=f"ru-{n}-{m}", title=f"Новости {n}-{m}", body=f"{body} Выпуск {n}.")
        for n in range(3)
        for m, body in enumerate(RUSSIAN)
    ]
    libraries = []
    for name in ("one", "two"):
        library = Library(tmp_path / name)
        library.add(articles)
        import_bundled(library)
        libraries.append(library)
    one, two = libraries
    russian = {key for (key,) in two.query("SELECT key FROM articles WHERE language = 'ru'")}
    assert len(russian) == 6
    total = pending_count(two)
    assert enrich_pending(one, use_model=False) == total
    still_pending: list[set[int]] = []
    pools: list[int] = []
    in_pool = pipeline._in_pool

    def counted(*args: object, **kwargs: object) -> None:
        pools.append(int(args[2]))  # type: ignore[call-overload]
        in_pool(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_in_pool", counted)

    def progress(done: int, _total: int) -> None:
        still_pending.append(set(pending_keys(two, limit=1000)))

    assert enrich_pending(two, use_model=False, workers=2, batch=2, progress=progress) == total
    # While any other article was pending, every Russian one was too; then two workers.
    assert all(russian <= pending for pending in still_pending if pending - russian)
    assert pools == [2, 2]
    assert pending_count(two) == 0
    assert stored(two) == stored(one)
    assert any(key in russian for key, *_ in two.query("SELECT key FROM mentions")), "tagged"
