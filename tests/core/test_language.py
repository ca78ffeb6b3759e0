"""Language detection (core/language.py) and its storage in the library."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.export import article_to_json
from ossetia_reader.core.language import detect_language
from ossetia_reader.core.library import Library

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Пресс-секретарь Кремля Дмитрий Песков заявил журналистам, что Киев не готов.", "ru"),
        ("Президент України Володимир Зеленський заявив, що Київ готовий до переговорів.", "uk"),
        ("Прэзідэнт Беларусі Аляксандр Лукашэнка сустрэўся з дэлегацыяй.", "be"),
        ("The Kremlin said on Monday that talks with Kyiv had not started.", "en"),
        # Russian text quoting Ukrainian place names is still Russian.
        (
            "Зеленский заявил, что Київ и Харків не сдадутся. Он также сказал, что помощь идёт.",
            "ru",
        ),
        # Ukrainian text naming Russian officials is still Ukrainian.
        ("Речник Кремля Пєсков заявив, що Росія не визнає «ДНР» і «ЛНР» частиною України.", "uk"),
        (
            "Der Präsident hat am Montag in Berlin eine Rede gehalten und die Lage erklärt.",
            "unknown",
        ),
        ("Hello", "unknown"),
        ("", "unknown"),
        ("Путин Путин Путин Путин Путин Путин", "unknown"),
        ("12345 !!! ??? 2022-03-01", "unknown"),
    ],
)
def test_detects_language_from_text(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_title_and_body_count_together() -> None:
    assert detect_language("Песков", "заявил, что переговоры продолжатся") == "ru"
    assert detect_language(None, "Зеленський заявив, що переговори тривають") == "uk"


@pytest.mark.parametrize(
    ("corpus", "language", "share"),
    [
        ("meduza-golunov-ru/meduza-golunov-ru.jsonl", "ru", 0.98),
        ("factrueval-dev/factrueval-dev.jsonl", "ru", 0.98),
        ("ru-ua-press-releases/ru-ua-press-releases.jsonl", "en", 0.98),
        ("bbc-news/bbc-news.jsonl", "en", 0.98),
    ],
)
def test_real_corpora(corpus: str, language: str, share: float) -> None:
    path = CORPORA / corpus
    if not path.is_file():
        pytest.skip(f"{path} is not available")
    found = [
        detect_language(item["title"], item["body"])
        for item in map(json.loads, path.read_text(encoding="utf-8").splitlines()[:400])
    ]
    assert found.count(language) >= share * len(found)
    assert not {"ru", "uk", "be"} & set(found) if language == "en" else "en" not in found


def test_library_stores_language_and_export_shows_it(tmp_path: Path) -> None:
    library = Library(tmp_path)
    ru = Article(id="ru", title="Песков", body="Дмитрий Песков заявил, что Кремль не готов.")
    uk = Article(id="uk", title="Зеленський", body="Президент заявив, що Київ готовий.")
    keys = {added.id: added.key for added in library.add([ru, uk])}
    stored = library.query("SELECT id, language FROM articles ORDER BY id")
    assert stored == [("ru", "ru"), ("uk", "uk")]
    article = library.get(keys["ru"])
    assert article is not None and article.language == "ru"
    assert article_to_json(article)["language"] == "ru"
    # An update decides again from the new text.
    library.add([Article(id="ru", title="Kremlin", body="The Kremlin said it was not ready.")])
    assert library.query("SELECT language FROM articles WHERE id = 'ru'") == [("en",)]


def test_old_library_is_backfilled_and_russian_requeued(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.add(
        [
            Article(id="ru", title="Песков", body="Дмитрий Песков заявил, что Кремль не готов."),
            Article(id="en", title="Kremlin", body="The Kremlin said that it was not ready."),
        ]
    )
    library.close()
    # As a library written before languages were stored (schema 3), all enriched.
    with sqlite3.connect(tmp_path / "library.sqlite3") as db:
        for trigger in ("insert", "update", "delete"):  # and before the change counter (7)
            db.execute(f"DROP TRIGGER articles_version_{trigger}")
        db.execute("DROP TRIGGER feed_counts_insert")  # step 11's; reads the version since 13
        db.execute("DROP INDEX articles_version")
        db.execute("DROP TABLE change_counter")
        db.execute("ALTER TABLE articles DROP COLUMN version")
        db.execute("DROP INDEX articles_no_language")
        db.execute("ALTER TABLE articles DROP COLUMN language")
        db.execute("UPDATE articles SET enriched = 1")
        # ... and without schemas 5 and 11 (the feeds pane's tables), which come after.
        for statement in (
            "DROP TRIGGER feed_counts_update",
            "DROP TRIGGER feed_counts_delete",
            "DROP TABLE feed_counts",
            "DROP TABLE saved_searches",
            "DROP INDEX articles_unread",
            "DROP INDEX articles_starred",
            "ALTER TABLE feeds DROP COLUMN tags",
            "ALTER TABLE feeds DROP COLUMN refresh_minutes",
        ):
            db.execute(statement)
        db.execute("PRAGMA user_version = 3")
    library = Library(tmp_path)
    article = library.find("ru")
    assert article is not None and article.language == "ru", "decided on read while NULL"
    assert library.backfill_languages() == 2
    assert library.backfill_languages() == 0
    rows = library.query("SELECT id, language, enriched FROM articles ORDER BY id")
    assert rows == [("en", "en", 1), ("ru", "ru", 0)]
