"""The library's insert path: shortcuts that must give what the slow path gave.

``terminal_safe`` skips the sanitiser on clean ASCII articles, and
``Library.add`` does the insert triggers' work (data versions, feed counts)
once per transaction. Both are checked against the full path: the sanitiser
run on every field, and the per-row triggers of migrations 7 and 11.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ossetia_reader.core import library as library_module
from ossetia_reader.core.article import Article
from ossetia_reader.core.library import MAX_LINE_CHARS, Library, Outcome, terminal_safe
from ossetia_reader.core.sanitize import safe_text

# Control characters, newlines, tabs, DEL, a C1 control, a bidi override, plain letters.
_CHARS = st.sampled_from(["a", "b", " ", "\n", "\r", "\t", "\x1b", "\x00", "\x7f", "é", "\x9b"])
_TEXT = st.one_of(st.text(_CHARS, max_size=30), st.text(st.sampled_from("ab \n"), max_size=30))


def _slow(article: Article) -> Article:
    """``terminal_safe`` as it was: every field through the sanitiser."""

    def line(text: str | None) -> str | None:
        if text is None:
            return None
        return safe_text(text[: MAX_LINE_CHARS * 2]).replace("\n", " ")[:MAX_LINE_CHARS]

    return Article(
        id=line(article.id) or "",
        title=line(article.title) or "",
        body=safe_text(article.body),
        date=article.date,
        source=line(article.source) or "",
        url=line(article.url),
        author=line(article.author),
        feed=line(article.feed),
        caption=line(article.caption),
        credit=line(article.credit),
    )


@settings(max_examples=300, deadline=None)
@given(
    title=_TEXT,
    body=_TEXT,
    source=_TEXT,
    url=st.one_of(st.none(), _TEXT),
    author=st.one_of(st.none(), _TEXT),
    long=st.sampled_from([0, MAX_LINE_CHARS - 1, MAX_LINE_CHARS, MAX_LINE_CHARS + 1]),
)
def test_terminal_safe_gives_what_sanitising_every_field_gives(
    title: str, body: str, source: str, url: str | None, author: str | None, long: int
) -> None:
    article = Article(
        id="x" * long or "id",
        title=title,
        body=body,
        source=source,
        url=url,
        author=author,
        date=dt.date(2024, 1, 2),
    )
    safe = terminal_safe(article)
    assert safe == _slow(article)
    assert safe is not article, "the library sets key and language on its own copy"


def test_a_clean_ascii_article_is_copied_not_changed() -> None:
    article = Article(id="a", title="Oil prices", body="Crude rose.\n\nMore.", source="Reuters")
    safe = terminal_safe(article)
    safe.key = 5
    assert article.key is None and safe == Article(
        id="a", title="Oil prices", body="Crude rose.\n\nMore.", source="Reuters", key=5
    )


# -- data versions and feed counts ------------------------------------------------------------

_TRIGGERS_BEFORE_13 = """
DROP TRIGGER articles_version_insert;
CREATE TRIGGER articles_version_insert AFTER INSERT ON articles
BEGIN
    UPDATE change_counter SET version = version + 1 WHERE id = 1;
    UPDATE articles SET version = (SELECT version FROM change_counter WHERE id = 1)
    WHERE key = NEW.key;
END;
DROP TRIGGER feed_counts_insert;
CREATE TRIGGER feed_counts_insert AFTER INSERT ON articles
BEGIN
    INSERT INTO feed_counts (feed, source, total, unread)
    VALUES (coalesce(NEW.feed, ''), NEW.source, 1, NEW.read = 0)
    ON CONFLICT (feed, source) DO UPDATE
    SET total = total + 1, unread = unread + excluded.unread;
END;
"""


def _item(n: int, body: str = "", feed: str | None = None, source: str = "") -> Article:
    return Article(
        id=f"a{n}",
        title=f"Title {n}",
        body=body or f"Body {n}.",
        feed=feed,
        source=source or f"source-{n % 3}",
        url=f"https://example.org/{n}",
    )


def _batches() -> list[list[Article]]:
    """New articles in three feeds and sources, duplicates, updates within and across
    batches, unchanged copies: every outcome, interleaved."""
    return [
        [_item(n, feed=f"feed-{n % 2}" if n % 4 else None) for n in range(1, 12)],
        [
            _item(20),
            _item(3, body="Body 3, corrected."),  # update between inserts
            _item(21, feed="feed-1"),
            _item(20, body="Body 20, corrected."),  # an update of this batch's insert
            _item(5),  # unchanged
            _item(22, source="new source"),
            _item(4, body="Body 4 again.", source="moved"),  # update moving its source
            _item(23),
        ],
        [_item(n) for n in range(30, 35)],
    ]


def _state(directory: Path) -> tuple[object, ...]:
    with sqlite3.connect(directory / "library.sqlite3") as db:
        return (
            db.execute("SELECT key, id, version FROM articles ORDER BY key").fetchall(),
            db.execute("SELECT version FROM change_counter").fetchall(),
            db.execute("SELECT * FROM feed_counts ORDER BY feed, source").fetchall(),
        )


def test_add_numbers_rows_and_counts_feeds_as_the_row_triggers_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    new = Library(tmp_path / "new")
    outcomes = [[a.outcome for a in new.add(batch)] for batch in _batches()]
    assert Outcome.UPDATED in outcomes[1] and Outcome.SKIPPED in outcomes[1]

    old = Library(tmp_path / "old")
    with sqlite3.connect(old.path) as db:
        db.executescript(_TRIGGERS_BEFORE_13)
    # The old insert: version 0, the triggers do the rest.
    monkeypatch.setattr(library_module._Inserted, "next_version", lambda self: 0)
    monkeypatch.setattr(library_module._Inserted, "count_feed", lambda self, feed, source: None)
    old_outcomes = [[a.outcome for a in old.add(batch)] for batch in _batches()]

    assert outcomes == old_outcomes
    assert _state(tmp_path / "new") == _state(tmp_path / "old")
    rows, counter, feeds = _state(tmp_path / "new")
    assert counter == [(max(version for _, _, version in rows),)]  # type: ignore[attr-defined]
    with sqlite3.connect(new.path) as db:
        recount = db.execute(
            "SELECT coalesce(feed, ''), source, count(*), sum(read = 0) FROM articles "
            "GROUP BY 1, 2 ORDER BY 1, 2"
        ).fetchall()
    assert feeds == recount


def test_an_insert_by_another_writer_still_gets_the_triggers(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.add([_item(1, feed="f")])
    before = library.data_version()
    with sqlite3.connect(library.path) as db:
        db.execute(
            "INSERT INTO articles (id, feed, title, body, source, content_hash, added_at) "
            "VALUES ('other', 'f', 'T', 'B', 'source-1', 'h', 'now')"
        )
    assert library.data_version() == before + 1
    assert library.changed_since(before) == [2]
    assert library.query("SELECT total, unread FROM feed_counts WHERE feed = 'f'") == [(2, 2)]


def test_a_failed_batch_leaves_counter_and_counts_as_they_were(tmp_path: Path) -> None:
    library = Library(tmp_path)
    library.add([_item(1)])
    before = _state(tmp_path)

    def articles() -> Iterator[Article]:
        yield _item(2, feed="f")
        yield _item(3)
        raise RuntimeError("a parser bug half-way through a batch")

    with pytest.raises(RuntimeError):
        library.add(articles())
    assert _state(tmp_path) == before
