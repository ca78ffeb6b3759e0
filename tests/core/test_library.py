"""The SQLite library: dedupe, updates, state, limits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import ArticleFilter, Library, Outcome


def make(article_id: str, body: str = "Body.", url: str | None = None, day: int = 1) -> Article:
    return Article(
        id=article_id, title=f"Title {article_id}", body=body, url=url, date=dt.date(2022, 3, day)
    )


def test_add_dedupes_by_id_url_and_content(tmp_path: Path) -> None:
    library = Library(tmp_path)
    first = library.add([make("a", url="https://x/1"), make("b")])
    assert [r.outcome for r in first] == [Outcome.ADDED, Outcome.ADDED]
    same_url = Article(id="other-id", title="Title a", body="Body.", url="https://x/1")
    again = library.add([make("a", url="https://x/1"), same_url])
    assert [r.outcome for r in again] == [Outcome.SKIPPED, Outcome.SKIPPED]
    assert again[1].id == "a", "matched by URL: reported under the stored id"
    changed = Article(id="other-id", title="Title a (corrected)", body="Body.", url="https://x/1")
    assert library.add([changed])[0].outcome is Outcome.UPDATED
    same_content = Article(id="c", title="Title b", body="Body.", date=dt.date(2022, 3, 1))
    assert library.add([same_content])[0].outcome is Outcome.SKIPPED
    assert library.count() == 2


def test_update_keeps_read_and_starred_state(tmp_path: Path) -> None:
    library = Library(tmp_path)
    (added,) = library.add([make("a", body="Old text.")])
    library.set_read([added.key])
    library.set_starred(added.key, True)
    (updated,) = library.add([make("a", body="New text.")])
    assert updated.outcome is Outcome.UPDATED and updated.key == added.key
    article = library.get(added.key)
    summary = library.summary(added.key)
    assert article is not None and article.body == "New text."
    assert summary is not None and summary.read and summary.starred


def test_keys_newest_first_and_filters(tmp_path: Path) -> None:
    library = Library(tmp_path)
    results = library.add([make("old", day=1), make("new", day=20), make("mid", day=10)])
    keys = {r.id: r.key for r in results}
    assert library.keys() == [keys["new"], keys["mid"], keys["old"]]
    library.set_read([keys["new"]])
    library.set_starred(keys["old"], True)
    assert library.keys(ArticleFilter.UNREAD) == [keys["mid"], keys["old"]]
    assert library.keys(ArticleFilter.STARRED) == [keys["old"]]
    assert library.mark_all_read() == 2
    assert library.count(ArticleFilter.UNREAD) == 0


def test_state_survives_reopening(tmp_path: Path) -> None:
    library = Library(tmp_path)
    (added,) = library.add([make("a")])
    library.set_starred(added.key, True)
    library.close()
    reopened = Library(tmp_path)
    summary = reopened.summary(added.key)
    assert summary is not None and summary.starred


def test_oversized_article_is_truncated_with_notice(tmp_path: Path) -> None:
    library = Library(tmp_path, max_body_chars=1000)
    body = "\n\n".join(["word " * 40] * 20)
    (added,) = library.add([make("big", body=body)])
    article = library.get(added.key)
    assert article is not None
    kept, notice = article.body.rsplit("\n\n", 1)
    assert len(kept) <= 1000 and body.startswith(kept)
    assert notice == f"[Article truncated: {len(body):,} characters stored as {len(kept):,}.]"


def test_find_by_unique_prefix(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.add([make("2022-alpha"), make("2022-beta", body="Other.")])
    found = library.find("2022-al")
    assert found is not None and found.id == "2022-alpha"
    assert library.find("2022-") is None, "ambiguous prefix"
    assert library.find("100%") is None


def test_grouped_keys(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.add(
        [
            Article(id="a", title="A", body="a", source="Zeta", date=dt.date(2022, 3, 1)),
            Article(id="b", title="B", body="b", source="Alpha", date=dt.date(2022, 4, 2)),
            Article(id="c", title="C", body="c", source="Zeta", date=dt.date(2022, 4, 9)),
            Article(id="d", title="D", body="d", source="Alpha"),
        ]
    )
    by_source = [
        (label, [library.get(k).id for k in keys])  # type: ignore[union-attr]
        for label, keys in library.grouped_keys("source")
    ]
    assert by_source == [("Alpha", ["b", "d"]), ("Zeta", ["c", "a"])]
    by_month = [(label, len(keys)) for label, keys in library.grouped_keys("month")]
    assert by_month == [("2022-04", 2), ("2022-03", 1), ("", 1)]


def test_bulk_import_cache_is_given_back(tmp_path: Path) -> None:
    library = Library(tmp_path / "lib")
    before = library.query("PRAGMA cache_size")[0][0]
    with library.bulk(cache_megabytes=8):
        assert library.query("PRAGMA cache_size")[0][0] == -8 * 1024
    assert library.query("PRAGMA cache_size")[0][0] == before
