"""The library: every stored article with its read/starred state, in SQLite.

One file (``library.sqlite3``) in the library directory, in WAL mode so the
app can read while ``ossetia-reader fetch`` writes from another process. Every
change is one transaction: a crash leaves the previous state readable.

Articles are addressed two ways: ``id`` (a stable string, e.g. the stored
file's name or a feed item's GUID hash) for people and exports, and ``key``
(the SQLite rowid) for the UI's virtual lists and the search index.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ossetia_reader.core.article import Article, ArticleSummary, Entity, Link, Quote
from ossetia_reader.core.language import detect_language, is_cyrillic_language
from ossetia_reader.core.sanitize import safe_text

if TYPE_CHECKING:
    from ossetia_reader.core.enrich.corrections import Corrections

DATABASE_NAME = "library.sqlite3"
# Articles longer than this (in characters) are stored truncated, with a notice:
# nobody reads 10 MB in a terminal, and a widget must never be handed that much.
MAX_BODY_CHARS = 10_000_000
# Titles, sources, URLs and other one-line fields are cut to this many characters.
MAX_LINE_CHARS = 1_000
SCHEMA_VERSION = 14

_MIGRATIONS: dict[int, str] = {
    1: """
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        last_fetch TEXT,
        last_status TEXT,
        last_error TEXT
    );
    CREATE TABLE articles (
        key INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        feed TEXT,
        url TEXT,
        title TEXT NOT NULL,
        author TEXT,
        date TEXT,
        source TEXT NOT NULL DEFAULT '',
        caption TEXT,
        credit TEXT,
        body TEXT NOT NULL,
        links TEXT NOT NULL DEFAULT '[]',
        content_hash TEXT NOT NULL,
        added_at TEXT NOT NULL,
        entities TEXT,
        quotes TEXT,
        enriched INTEGER NOT NULL DEFAULT 0,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        tags TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX articles_newest ON articles (date DESC, key DESC);
    CREATE INDEX articles_url ON articles (url) WHERE url IS NOT NULL;
    CREATE INDEX articles_hash ON articles (content_hash);
    """,
    # Enrichment's own tables (written by core/enrich/store.py): per-article rows,
    # plus running totals so "most mentioned" is an index scan at 100k articles.
    2: """
    CREATE TABLE mentions (
        key INTEGER NOT NULL,
        canonical TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        count INTEGER NOT NULL,
        first INTEGER NOT NULL,
        date TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (canonical, type, key)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_article ON mentions (key);
    CREATE INDEX mentions_newest ON mentions (canonical, date DESC, key DESC);
    CREATE TABLE quoted (
        key INTEGER NOT NULL,
        speaker_canonical TEXT NOT NULL,
        speaker TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        cue TEXT,
        date TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX quoted_speaker ON quoted (speaker_canonical, date DESC, key DESC);
    CREATE INDEX quoted_article ON quoted (key);
    CREATE TABLE entity_totals (
        canonical TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        articles INTEGER NOT NULL,
        mentions INTEGER NOT NULL,
        last_word TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (canonical, type)
    ) WITHOUT ROWID;
    CREATE INDEX entity_totals_mentions ON entity_totals (mentions DESC);
    CREATE INDEX entity_totals_type ON entity_totals (type, mentions DESC);
    CREATE INDEX entity_totals_last_word ON entity_totals (type, last_word);
    CREATE TABLE speaker_totals (
        canonical TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        articles INTEGER NOT NULL,
        quotes INTEGER NOT NULL
    ) WITHOUT ROWID;
    CREATE INDEX speaker_totals_quotes ON speaker_totals (quotes DESC);
    CREATE INDEX articles_pending ON articles (key) WHERE enriched = 0;
    UPDATE articles SET enriched = 0;
    """,
    # Newest first with undated articles last, as _NEWEST_FIRST sorts: an index on
    # exactly those expressions makes the sidebar's key list an index walk.
    3: """
    DROP INDEX articles_newest;
    CREATE INDEX articles_newest ON articles (date IS NULL, date DESC, key DESC);
    CREATE INDEX articles_by_source ON articles (source, date IS NULL, date DESC, key DESC);
    """,
    # The language of each article (core/language.py), set as it is stored. Rows
    # from older libraries stay NULL until the enrichment worker backfills them
    # (backfill_languages): detecting 100k languages must not delay a launch.
    4: """
    ALTER TABLE articles ADD COLUMN language TEXT;
    CREATE INDEX articles_no_language ON articles (key) WHERE language IS NULL;
    """,
    # The feeds pane (core/feedlist.py): saved searches and ignore rules (filters) are
    # named queries kept in the library so an export carries them; feeds get tags and
    # their own refresh interval. The covering index makes every feed's and source's
    # unread count one index scan; the partial ones make the unread and starred key
    # sets index walks at 100,000 articles.
    5: """
    CREATE TABLE saved_searches (
        kind TEXT NOT NULL DEFAULT 'search',
        name TEXT NOT NULL,
        query TEXT NOT NULL,
        sort TEXT NOT NULL DEFAULT 'newest',
        created TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (kind, name)
    );
    ALTER TABLE feeds ADD COLUMN tags TEXT NOT NULL DEFAULT '';
    ALTER TABLE feeds ADD COLUMN refresh_minutes INTEGER;
    CREATE INDEX articles_feed_counts ON articles (feed, source, read);
    CREATE INDEX articles_unread ON articles (key) WHERE read = 0;
    CREATE INDEX articles_starred ON articles (key) WHERE starred = 1;
    """,
    # A reader's corrections of entities (core/enrich/corrections.py): kept apart from
    # the extracted spans so re-enrichment never undoes them; the log tells the search
    # index which entities' articles to index again.
    6: """
    CREATE TABLE IF NOT EXISTS corrections (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        action TEXT NOT NULL,
        type TEXT,
        target TEXT,
        made TEXT NOT NULL DEFAULT ''
    ) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS correction_log (
        version INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL
    );
    """,
    # A change counter, so the search index can tell whether it is current by
    # comparing one number (not by scanning 100,000 rows), and find what changed
    # since through an index. Triggers keep it right whoever writes: the
    # library, enrichment, or another process. Only changes to what the index
    # reads count (text, source, date, entities, quotes), not read/starred/tags.
    7: """
    CREATE TABLE change_counter (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        version INTEGER NOT NULL
    );
    INSERT INTO change_counter (id, version) VALUES (1, 0);
    ALTER TABLE articles ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX articles_version ON articles (version);
    CREATE TRIGGER articles_version_insert AFTER INSERT ON articles
    BEGIN
        UPDATE change_counter SET version = version + 1 WHERE id = 1;
        UPDATE articles SET version = (SELECT version FROM change_counter WHERE id = 1)
        WHERE key = NEW.key;
    END;
    CREATE TRIGGER articles_version_update
    AFTER UPDATE OF content_hash, source, date, entities, quotes ON articles
    WHEN NEW.content_hash IS NOT OLD.content_hash OR NEW.source IS NOT OLD.source
        OR NEW.date IS NOT OLD.date OR NEW.entities IS NOT OLD.entities
        OR NEW.quotes IS NOT OLD.quotes
    BEGIN
        UPDATE change_counter SET version = version + 1 WHERE id = 1;
        UPDATE articles SET version = (SELECT version FROM change_counter WHERE id = 1)
        WHERE key = NEW.key;
    END;
    CREATE TRIGGER articles_version_delete AFTER DELETE ON articles
    BEGIN
        UPDATE change_counter SET version = version + 1 WHERE id = 1;
    END;
    """,
    # How each entity is written (core/enrich/store.py): "also written: Kiev, Kyiv".
    # Filled as articles are enriched; `enrich --rebuild` fills it for older articles
    # (and resolves their names through the alias list).
    8: """
    CREATE TABLE IF NOT EXISTS entity_variants (
        canonical TEXT NOT NULL,
        variant TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (canonical, variant)
    ) WITHOUT ROWID;
    """,
    # Entity keys now fold English-only spellings of Russian names (Alexei/Алексей,
    # Yeltsin/Ельцин: core/enrich/russian/crossscript.py): articles that may hold such
    # a name are enriched again in the background, so their counts move to the new key.
    9: """
    UPDATE articles SET enriched = 0 WHERE enriched = 1 AND (
        entities LIKE '%x%' OR entities LIKE '%ye%' OR entities LIKE '%yo%'
        OR quotes LIKE '%x%' OR quotes LIKE '%ye%' OR quotes LIKE '%yo%');
    """,
    # Mentions a title or role marks as a person's ("President Reagan"), per article and
    # entity (core/enrich/store.py): a lone name nobody ever titles is not listed as a
    # person ("Petrobras", "Reuter"). Filled as articles are enriched.
    10: """
    CREATE TABLE IF NOT EXISTS person_cues (
        key INTEGER NOT NULL,
        canonical TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (canonical, key)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS person_cues_article ON person_cues (key);
    """,
    # Every feed's and source's article and unread counts, kept by triggers whoever
    # writes (the app, a cron fetch): the feeds pane reads ~50 rows instead of
    # scanning 100,000 (63 ms on the covering index of step 5, which this replaces).
    # Written to run again harmlessly (tests and tools that rewind user_version do).
    11: """
    CREATE TABLE IF NOT EXISTS feed_counts (
        feed TEXT NOT NULL,
        source TEXT NOT NULL,
        total INTEGER NOT NULL,
        unread INTEGER NOT NULL,
        PRIMARY KEY (feed, source)
    ) WITHOUT ROWID;
    DELETE FROM feed_counts;
    INSERT INTO feed_counts (feed, source, total, unread)
    SELECT coalesce(feed, ''), source, count(*), sum(read = 0) FROM articles GROUP BY 1, 2;
    DROP INDEX IF EXISTS articles_feed_counts;
    CREATE TRIGGER IF NOT EXISTS feed_counts_insert AFTER INSERT ON articles
    BEGIN
        INSERT INTO feed_counts (feed, source, total, unread)
        VALUES (coalesce(NEW.feed, ''), NEW.source, 1, NEW.read = 0)
        ON CONFLICT (feed, source) DO UPDATE
        SET total = total + 1, unread = unread + excluded.unread;
    END;
    CREATE TRIGGER IF NOT EXISTS feed_counts_delete AFTER DELETE ON articles
    BEGIN
        UPDATE feed_counts SET total = total - 1, unread = unread - (OLD.read = 0)
        WHERE feed = coalesce(OLD.feed, '') AND source = OLD.source;
    END;
    CREATE TRIGGER IF NOT EXISTS feed_counts_update AFTER UPDATE OF read, feed, source ON articles
    WHEN NEW.read IS NOT OLD.read OR NEW.feed IS NOT OLD.feed OR NEW.source IS NOT OLD.source
    BEGIN
        UPDATE feed_counts SET total = total - 1, unread = unread - (OLD.read = 0)
        WHERE feed = coalesce(OLD.feed, '') AND source = OLD.source;
        INSERT INTO feed_counts (feed, source, total, unread)
        VALUES (coalesce(NEW.feed, ''), NEW.source, 1, NEW.read = 0)
        ON CONFLICT (feed, source) DO UPDATE
        SET total = total + 1, unread = unread + excluded.unread;
    END;
    """,
    # Cyrillic names on the shipped alias list now have the key of its preferred name
    # (Москва is Moscow, США the United States: core/enrich/canonical.py): Russian
    # articles are enriched again in the background, so their counts move to that key.
    12: """
    UPDATE articles SET enriched = 0 WHERE enriched = 1 AND language = 'ru';
    """,
    # The two insert triggers (steps 7 and 11) skip rows inserted with a version of
    # their own: ``Library.add`` numbers its rows and adds the change counter and the
    # feed counts once per transaction, which is what the triggers did row by row
    # (~15 us of every insert: the version trigger rewrote the row it had just
    # written). Any other writer inserts with version 0 and gets the triggers.
    13: """
    DROP TRIGGER IF EXISTS articles_version_insert;
    CREATE TRIGGER articles_version_insert AFTER INSERT ON articles WHEN NEW.version = 0
    BEGIN
        UPDATE change_counter SET version = version + 1 WHERE id = 1;
        UPDATE articles SET version = (SELECT version FROM change_counter WHERE id = 1)
        WHERE key = NEW.key;
    END;
    DROP TRIGGER IF EXISTS feed_counts_insert;
    CREATE TRIGGER feed_counts_insert AFTER INSERT ON articles WHEN NEW.version = 0
    BEGIN
        INSERT INTO feed_counts (feed, source, total, unread)
        VALUES (coalesce(NEW.feed, ''), NEW.source, 1, NEW.read = 0)
        ON CONFLICT (feed, source) DO UPDATE
        SET total = total + 1, unread = unread + excluded.unread;
    END;
    """,
    # Russian entities carry ``local`` now (a first name alone, decided by the Russian
    # pipeline, so storing loads no morphology): Russian articles are tagged again, which
    # writes the flag into their stored spans (their library-wide counts were already
    # right) and brings session 6's span rules. (An older reader refuses the library
    # rather than misreading the six-field spans.)
    14: """
    UPDATE articles SET enriched = 0 WHERE enriched = 1 AND language = 'ru';
    """,
}

_SUMMARY_COLUMNS = "key, id, title, date, source, url, read, starred"
_ARTICLE_COLUMNS = (
    "key, id, feed, url, title, author, date, source, caption, credit, body, links, "
    "entities, quotes, language"
)
_NEWEST_FIRST = "ORDER BY date IS NULL, date DESC, key DESC"


# sqlite3 raises UnicodeDecodeError when a damaged file's error text is not UTF-8.
_SQLITE_FAILURES = (sqlite3.Error, UnicodeDecodeError)


class LibraryError(Exception):
    """The library cannot be opened or written; the message is one line for the user."""


class LibraryWriteError(LibraryError):
    """A write was refused (a full disk, a read-only mount or library): what was stored stays.

    Apart from damage, so the app can keep the reader reading (a mark or a star is not
    kept) where damage ends it with the way out.
    """


class Outcome(Enum):
    """What adding one article did."""

    ADDED = "added"
    UPDATED = "updated"
    SKIPPED = "skipped"


class ArticleFilter(Enum):
    """Which articles the sidebar lists."""

    ALL = "all"
    UNREAD = "unread"
    STARRED = "starred"


@dataclass(frozen=True, slots=True)
class Added:
    """The result of storing one article."""

    key: int
    id: str
    outcome: Outcome
    # The article as stored (sanitised, cut to size, with its key), when it was
    # added or updated: an import indexes it without reading it back.
    stored: Article | None = field(default=None, compare=False, repr=False)
    # ``content_hash`` of ``stored``: the index keeps its start, and need not hash again.
    content_hash: str = field(default="", compare=False, repr=False)


def content_hash(article: Article) -> str:
    """A digest of what makes two copies of an article the same story."""
    digest = hashlib.sha256()
    for part in (article.title, article.body, article.caption or "", article.credit or ""):
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


# ASCII ``safe_text`` keeps as it is: printable characters and the newline (it
# rewrites other C0 controls and DEL); one-line fields must not hold the newline
# either. Deleting these bytes leaves nothing of clean text (a third of a regex's time).
_ASCII_LINE_SAFE = bytes(range(0x20, 0x7F))
_ASCII_BODY_SAFE = _ASCII_LINE_SAFE + b"\n"
_ARTICLE_SLOTS = Article.__slots__


def _copy(article: Article) -> Article:
    """A shallow copy of ``article`` (``dataclasses.replace`` costs 2.5x as much:
    it runs ``__init__`` with every field as a keyword)."""
    copied = object.__new__(Article)
    for name in _ARTICLE_SLOTS:
        setattr(copied, name, getattr(article, name))
    return copied


def terminal_safe(article: Article) -> Article:
    """``article`` with every text field sanitised and one-line fields kept to one line.

    Parsers sanitise already; doing it again here (cheap on clean text) means no
    import path can ever store a control sequence, and no title can be megabytes.
    """

    lines = (
        article.id,
        article.title,
        article.source,
        article.url,
        article.author,
        article.feed,
        article.caption,
        article.credit,
    )
    present = [text for text in lines if text]
    joined = "".join(present)
    if (
        joined.isascii()
        and article.body.isascii()
        and not joined.encode("ascii").translate(None, _ASCII_LINE_SAFE)
        and not article.body.encode("ascii").translate(None, _ASCII_BODY_SAFE)
        and all(len(text) <= MAX_LINE_CHARS for text in present)
    ):
        # Clean ASCII (most imported news): nothing below would change a character.
        return _copy(article)

    def line(text: str | None) -> str | None:
        if text is None:
            return None
        return safe_text(text[: MAX_LINE_CHARS * 2]).replace("\n", " ")[:MAX_LINE_CHARS]

    return replace(
        article,
        id=line(article.id) or "",
        title=line(article.title) or "",
        body=safe_text(article.body),
        source=line(article.source) or "",
        url=line(article.url),
        author=line(article.author),
        feed=line(article.feed),
        caption=line(article.caption),
        credit=line(article.credit),
    )


def truncated(article: Article, limit: int) -> Article:
    """A copy of ``article`` cut to ``limit`` characters of body, saying so at the end."""
    size = len(article.body)
    cut = article.body.rfind("\n\n", 0, limit)
    body = article.body[: cut if cut > limit // 2 else limit]
    notice = f"[Article truncated: {size:,} characters stored as {len(body):,}.]"
    return replace(
        article,
        body=f"{body}\n\n{notice}",
        links=tuple(link for link in article.links if link.end <= len(body)),
        entities=tuple(e for e in article.entities if e.end <= len(body)),
        quotes=tuple(q for q in article.quotes if q.end <= len(body)),
        warnings=(*article.warnings, notice),
    )


class Library:
    """Stored articles and their state. Safe to use from several threads."""

    def __init__(
        self, directory: Path, *, read_only: bool = False, max_body_chars: int = MAX_BODY_CHARS
    ) -> None:
        self.directory = directory
        self.max_body_chars = max_body_chars
        self.path = directory / DATABASE_NAME
        self.read_only = read_only
        self._local = threading.local()
        self._write_lock = threading.Lock()
        if not read_only:
            try:
                directory.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(
                    f"cannot create library at {directory}: {error.strerror}"
                ) from None
        self._migrate()

    # -- connections ---------------------------------------------------------

    @property
    def _db(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            connection = self._connect()
            self._local.connection = connection
        return connection

    def _connect(self) -> sqlite3.Connection:
        try:
            if self.read_only:
                connection = self._connect_read_only()
            else:
                connection = sqlite3.connect(self.path, timeout=10, check_same_thread=False)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA busy_timeout=10000")
            connection.execute("PRAGMA foreign_keys=ON")
        except _SQLITE_FAILURES as error:
            raise LibraryError(f"cannot open library {self.path}: {error}") from None
        return connection

    def _connect_read_only(self) -> sqlite3.Connection:
        """Open without writing anything, even on read-only media.

        A WAL database needs its ``-shm`` file; where that cannot be created
        (a read-only mount), ``immutable=1`` reads the file as it is.
        """
        if not self.path.exists():
            raise LibraryError(f"no library at {self.directory}")
        uri = self.path.as_uri()
        connection = sqlite3.connect(
            f"{uri}?mode=ro", uri=True, timeout=10, check_same_thread=False
        )
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:
            connection.close()
            connection = sqlite3.connect(
                f"{uri}?mode=ro&immutable=1", uri=True, timeout=10, check_same_thread=False
            )
        return connection

    def close(self) -> None:
        """Close this thread's connection (others close when their threads end)."""
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    def _migrate(self) -> None:
        try:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LibraryError(
                    f"library {self.path} was written by a newer ossetia-reader "
                    f"(schema {version} > {SCHEMA_VERSION})"
                )
            if version == SCHEMA_VERSION:
                return
            if self.read_only:
                raise LibraryError(f"library {self.path} needs an upgrade but is read-only")
            with self._write_lock, self._db as db:
                for step in range(version + 1, SCHEMA_VERSION + 1):
                    for statement in _statements(_MIGRATIONS[step]):
                        db.execute(statement)
                db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except _SQLITE_FAILURES as error:
            raise LibraryError(f"library {self.path} is unreadable: {error}") from None

    # -- reading -------------------------------------------------------------

    def count(self, which: ArticleFilter = ArticleFilter.ALL, source: str | None = None) -> int:
        """How many articles ``which`` selects (optionally from one source only)."""
        where, params = _where(which, source)
        return int(self.query(f"SELECT count(*) FROM articles {where}", params)[0][0])

    def keys(
        self, which: ArticleFilter = ArticleFilter.ALL, source: str | None = None
    ) -> list[int]:
        """Keys of the selected articles, newest first: cheap even at 100,000 rows."""
        where, params = _where(which, source)
        rows = self.query(f"SELECT key FROM articles {where} {_NEWEST_FIRST}", params)
        return [row[0] for row in rows]

    def titles(self) -> list[tuple[int, str]]:
        """Every key with its title, newest first (a quick scan while the index loads)."""
        rows = self.query(f"SELECT key, title FROM articles {_NEWEST_FIRST}")
        return [(int(key), str(title)) for key, title in rows]

    def grouped_keys(
        self, by: str, which: ArticleFilter = ArticleFilter.ALL, source: str | None = None
    ) -> list[tuple[str, list[int]]]:
        """Keys grouped by ``"source"`` (alphabetical) or ``"month"`` (newest first),
        newest first within each group."""
        if by not in ("source", "month"):
            raise ValueError(f"cannot group by {by!r}")
        where, params = _where(which, source)
        group = "source" if by == "source" else "coalesce(substr(date, 1, 7), '')"
        order = "g" if by == "source" else "g = '', g DESC"
        rows = self.query(
            f"SELECT {group} AS g, key FROM articles {where} "
            f"ORDER BY {order}, date IS NULL, date DESC, key DESC",
            params,
        )
        groups: list[tuple[str, list[int]]] = []
        for label, key in rows:
            if not groups or groups[-1][0] != label:
                groups.append((label, []))
            groups[-1][1].append(key)
        return groups

    def sources(self) -> list[tuple[str, int]]:
        """Every source with its article count, largest first."""
        rows = self.query(
            "SELECT source, count(*) FROM articles GROUP BY source ORDER BY count(*) DESC, source"
        )
        return [(str(source), int(count)) for source, count in rows]  # type: ignore[call-overload]

    def summaries(self, keys: Sequence[int]) -> list[ArticleSummary]:
        """Sidebar rows for ``keys``, in the order given (missing keys are left out)."""
        if not keys:
            return []
        found: dict[int, ArticleSummary] = {}
        for chunk_start in range(0, len(keys), 500):
            chunk = list(keys[chunk_start : chunk_start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.query(
                f"SELECT {_SUMMARY_COLUMNS} FROM articles WHERE key IN ({marks})", chunk
            ):
                found[row[0]] = _summary(row)
        return [found[key] for key in keys if key in found]

    def newest(self, limit: int = 100) -> list[ArticleSummary]:
        """The newest ``limit`` articles."""
        rows = self.query(
            f"SELECT {_SUMMARY_COLUMNS} FROM articles {_NEWEST_FIRST} LIMIT ?", [limit]
        )
        return [_summary(row) for row in rows]

    def get(self, key: int) -> Article | None:
        """The whole article stored under ``key``."""
        rows = self.query(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE key = ?", [key])
        if not rows:
            return None
        article = _article(rows[0])
        if not (article.entities or article.quotes) or not self.query(
            "SELECT 1 FROM corrections LIMIT 1"
        ):
            return article  # nothing to correct: the corrections module is not even imported
        return self.corrections().article(article)

    def articles(self, keys: Sequence[int]) -> list[Article]:
        """The whole articles under ``keys`` (one query per 500), in the order given."""
        found: dict[int, Article] = {}
        # Like ``get``: without any correction the corrections module (and the alias
        # list it imports, ~6 ms of a one-shot ``search``) is not even imported.
        corrections = (
            self.corrections() if self.query("SELECT 1 FROM corrections LIMIT 1") else None
        )
        for start in range(0, len(keys), 500):
            chunk = list(keys[start : start + 500])
            marks = ",".join("?" * len(chunk))
            for row in self.query(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE key IN ({marks})", chunk
            ):
                article = _article(row)
                if corrections is not None:
                    article = corrections.article(article)
                found[article.key or 0] = article
        return [found[key] for key in keys if key in found]

    def find(self, article_id: str) -> Article | None:
        """The article with this id, or with the only id starting with it."""
        rows = self.query(f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", [article_id])
        if not rows and article_id:
            escaped = article_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            rows = self.query(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                [escaped + "%"],
            )
            if len(rows) != 1:
                return None
        return self.corrections().article(_article(rows[0])) if rows else None

    def summary(self, key: int) -> ArticleSummary | None:
        """One sidebar row."""
        found = self.summaries([key])
        return found[0] if found else None

    def iter_articles(self, batch: int = 1000, *, corrected: bool = True) -> Iterator[Article]:
        """Every article, oldest key first, read in batches to bound memory.

        ``corrected=False`` gives the spans as enrichment stored them, without the
        reader's entity corrections (an export carries those apart, undoable).
        """
        last = 0
        while True:
            rows = self.query(
                f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE key > ? ORDER BY key LIMIT ?",
                [last, batch],
            )
            if not rows:
                return
            corrections = self.corrections() if corrected else None
            for row in rows:
                article = _article(row)
                yield corrections.article(article) if corrections is not None else article
            last = rows[-1][0]

    def corrections(self) -> Corrections:
        """The reader's entity corrections, which every article read here comes with."""
        from ossetia_reader.core.enrich.corrections import load

        return load(self)

    def max_key(self) -> int:
        """The highest key stored (0 for an empty library): tells the index what it missed."""
        return int(self.query("SELECT coalesce(max(key), 0) FROM articles")[0][0])

    def data_version(self) -> int:
        """A number that grows whenever an article's indexed content changes (or one goes).

        Kept by triggers (migration 7); each changed article also records it in
        its ``version`` column, so ``changed_since`` is an index range scan.
        """
        return int(self.query("SELECT version FROM change_counter WHERE id = 1")[0][0])

    def changed_since(self, version: int) -> list[int]:
        """Keys of articles added or whose indexed content changed after ``version``."""
        # Sorted here: with ``ORDER BY key`` SQLite walks every row in key order
        # (39 ms at 100,000 articles) instead of the ``version`` index's range.
        rows = self.query("SELECT key FROM articles WHERE version > ?", [version])
        return sorted(int(row[0]) for row in rows)

    def get_meta(self, name: str) -> str | None:
        """A value stored beside the articles (e.g. which bundle was imported)."""
        rows = self.query("SELECT value FROM meta WHERE key = ?", [name])
        return str(rows[0][0]) if rows else None

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        """Run one read query on this thread's connection (for core modules with own tables)."""
        try:
            return self._db.execute(sql, params).fetchall()  # type: ignore[no-any-return]
        except _SQLITE_FAILURES as error:
            raise LibraryError(f"library {self.path} is unreadable: {error}") from None

    # -- writing -------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> list[Added]:
        """Store articles in one transaction: new ones added, changed ones updated.

        An article already stored (same id, else same URL, else same content)
        is updated when its content changed and skipped otherwise; read and
        starred state always survive.
        """
        results: list[Added] = []
        now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self.transaction() as db:
            inserted = _Inserted(db)
            for article in articles:
                results.append(self._add_one(db, article, now, inserted))
            inserted.flush()
        return results

    def _add_one(
        self, db: sqlite3.Connection, article: Article, now: str, inserted: _Inserted
    ) -> Added:
        article = terminal_safe(article)
        if len(article.body) > self.max_body_chars:
            article = truncated(article, self.max_body_chars)
        digest = content_hash(article)
        row = db.execute(
            "SELECT key, content_hash FROM articles WHERE id = ?", [article.id]
        ).fetchone()
        if row is None and article.url:
            row = db.execute(
                "SELECT key, content_hash FROM articles WHERE url = ? LIMIT 1", [article.url]
            ).fetchone()
        if row is None:
            row = db.execute(
                "SELECT key, content_hash FROM articles WHERE content_hash = ? LIMIT 1", [digest]
            ).fetchone()
        values = _row_values(article, digest)
        if row is None:
            cursor = db.execute(
                "INSERT INTO articles (id, feed, url, title, author, date, source, caption, "
                "credit, body, links, content_hash, entities, quotes, enriched, language, "
                "added_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [article.id, *values, now, inserted.next_version()],
            )
            inserted.count_feed(article.feed, article.source)
            assert cursor.lastrowid is not None
            article.key, article.language = cursor.lastrowid, str(values[-1])  # our own copy
            return Added(cursor.lastrowid, article.id, Outcome.ADDED, article, digest)
        key, stored_hash = row
        stored_id = db.execute("SELECT id FROM articles WHERE key = ?", [key]).fetchone()[0]
        if stored_hash == digest:
            return Added(key, stored_id, Outcome.SKIPPED)
        inserted.flush()  # the update trigger numbers this change after the inserts before it
        db.execute(
            "UPDATE articles SET feed = ?, url = ?, title = ?, author = ?, date = ?, source = ?, "
            "caption = ?, credit = ?, body = ?, links = ?, content_hash = ?, entities = ?, "
            "quotes = ?, enriched = ?, language = ? WHERE key = ?",
            [*values, key],
        )
        article.key, article.language = key, str(values[-1])
        return Added(key, stored_id, Outcome.UPDATED, article, digest)

    @contextmanager
    def bulk(self, cache_megabytes: int = 32) -> Iterator[None]:
        """A bigger page cache on this thread's connection while a large import runs.

        SQLite's default 2 MB cannot hold the ten indexes of a 100,000-article
        table: every insert then re-reads index pages from the OS (about a
        third of an import's system time). The cache goes back afterwards, so
        a long-running app does not keep the pages.
        """
        db = self._db
        before = db.execute("PRAGMA cache_size").fetchone()[0]
        db.execute(f"PRAGMA cache_size=-{int(cache_megabytes) * 1024}")
        try:
            yield
        finally:
            db.execute(f"PRAGMA cache_size={int(before)}")

    def set_read(self, keys: Iterable[int], read: bool = True) -> None:
        """Mark articles read or unread."""
        with self.transaction() as db:
            db.executemany(
                "UPDATE articles SET read = ? WHERE key = ?", [(int(read), k) for k in keys]
            )

    def mark_all_read(self) -> int:
        """Mark every article read; returns how many changed."""
        with self.transaction() as db:
            return db.execute("UPDATE articles SET read = 1 WHERE read = 0").rowcount

    def set_starred(self, key: int, starred: bool) -> None:
        """Star or unstar one article."""
        with self.transaction() as db:
            db.execute("UPDATE articles SET starred = ? WHERE key = ?", [int(starred), key])

    def backfill_languages(self, batch: int = 500) -> int:
        """Store the language of articles from before languages were stored; returns how many.

        Run by the enrichment worker, never at start-up. A Cyrillic article
        enriched back then went through the English tagger, so it is queued
        for enrichment again, now with its own language's pipeline.
        """
        if self.read_only:
            return 0
        done = 0
        while True:
            rows = self.query(
                "SELECT key, title, substr(body, 1, 4000) FROM articles "
                "WHERE language IS NULL ORDER BY key LIMIT ?",
                [batch],
            )
            if not rows:
                return done
            found = [(detect_language(title, body), key) for key, title, body in rows]
            with self.transaction() as db:
                db.executemany(
                    "UPDATE articles SET language = ? WHERE key = ? AND language IS NULL", found
                )
                db.executemany(
                    "UPDATE articles SET enriched = 0 WHERE key = ?",
                    [(key,) for language, key in found if is_cyrillic_language(language)],
                )
            done += len(rows)

    def set_meta(self, name: str, value: str) -> None:
        """Store a value beside the articles."""
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", [name, value])

    def transaction(self) -> _Transaction:
        """``with library.transaction() as db:`` — one atomic write, serialised across threads."""
        if self.read_only:
            raise LibraryWriteError(f"library {self.path} is open read-only")
        return _Transaction(self)


class _Inserted:
    """What the insert triggers did per row (migrations 7, 11), done once per transaction.

    Each inserted row gets the next data version as the version trigger would
    have given it; the change counter and the feed counts are written by
    ``flush``: before any other statement that may read or move them (an
    update's trigger numbers its change from the counter) and at the end.
    """

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._written: int | None = None  # the change counter as stored
        self._version = 0  # the last version given out
        self._feeds: dict[tuple[str, str], int] = {}

    def next_version(self) -> int:
        if self._written is None:
            row = self._db.execute("SELECT version FROM change_counter WHERE id = 1").fetchone()
            self._written = self._version = int(row[0])
        self._version += 1
        return self._version

    def count_feed(self, feed: str | None, source: str) -> None:
        place = (feed or "", source)
        self._feeds[place] = self._feeds.get(place, 0) + 1

    def flush(self) -> None:
        if self._written is not None and self._version != self._written:
            self._db.execute("UPDATE change_counter SET version = ? WHERE id = 1", [self._version])
        self._written = None  # what follows (an update's trigger) may move it: read it again
        if self._feeds:
            # New rows are unread: each adds one to its feed's total and unread count.
            self._db.executemany(
                "INSERT INTO feed_counts (feed, source, total, unread) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (feed, source) DO UPDATE "
                "SET total = total + excluded.total, unread = unread + excluded.unread",
                [(feed, source, n, n) for (feed, source), n in self._feeds.items()],
            )
            self._feeds.clear()


class _Transaction:
    """One write transaction, serialised across this process's threads."""

    def __init__(self, library: Library) -> None:
        self._library = library

    def __enter__(self) -> sqlite3.Connection:
        self._library._write_lock.acquire()
        try:
            db = self._library._db
            db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            self._library._write_lock.release()
            raise LibraryWriteError(f"cannot write library {self._library.path}: {error}") from None
        return db

    def __exit__(self, kind: object, error: object, traceback: object) -> None:
        db = self._library._db
        try:
            if kind is None:
                db.execute("COMMIT")
            else:
                db.execute("ROLLBACK")
        except sqlite3.Error as commit_error:
            db.execute("ROLLBACK") if db.in_transaction else None
            raise LibraryWriteError(
                f"cannot write library {self._library.path}: {commit_error}"
            ) from None
        finally:
            self._library._write_lock.release()
        if isinstance(error, sqlite3.Error):
            raise LibraryWriteError(f"cannot write library {self._library.path}: {error}") from None


def _statements(script: str) -> Iterator[str]:
    """The statements of a migration (a trigger's body holds ``;`` of its own)."""
    pending = ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


def _where(which: ArticleFilter, source: str | None) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if which is ArticleFilter.UNREAD:
        clauses.append("read = 0")
    elif which is ArticleFilter.STARRED:
        clauses.append("starred = 1")
    if source is not None:
        clauses.append("source = ?")
        params.append(source)
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def _row_values(article: Article, digest: str) -> list[object]:
    enriched = int(bool(article.entities or article.quotes))
    return [
        article.feed,
        article.url,
        article.title,
        article.author,
        article.date.isoformat() if article.date else None,
        article.source,
        article.caption,
        article.credit,
        article.body,
        json.dumps([[link.start, link.end, link.target] for link in article.links])
        if article.links
        else "[]",
        digest,
        _dump_entities(article.entities) if enriched else None,
        _dump_quotes(article.quotes) if enriched else None,
        enriched,
        detect_language(article.title, article.body),
    ]


def _dump_entities(entities: Sequence[Entity]) -> str:
    return json.dumps([[e.start, e.end, e.text, e.type, e.canonical] for e in entities])


def _dump_quotes(quotes: Sequence[Quote]) -> str:
    return json.dumps([[q.start, q.end, q.text, q.speaker, q.cue] for q in quotes])


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _summary(row: tuple[object, ...]) -> ArticleSummary:
    key, article_id, title, date, source, url, read, starred = row
    return ArticleSummary(
        key=int(key),  # type: ignore[call-overload]
        id=str(article_id),
        title=str(title),
        date=_parse_date(date),
        source=str(source or ""),
        url=url if isinstance(url, str) else None,
        read=bool(read),
        starred=bool(starred),
    )


def _article(row: tuple[object, ...]) -> Article:
    (key, article_id, feed, url, title, author, date, source, caption, credit, body, links,
     entities, quotes, language) = row  # fmt: skip
    return Article(
        key=int(key),  # type: ignore[call-overload]
        id=str(article_id),
        title=str(title),
        body=str(body),
        date=_parse_date(date),
        source=str(source or ""),
        url=url if isinstance(url, str) else None,
        author=author if isinstance(author, str) else None,
        feed=feed if isinstance(feed, str) else None,
        caption=caption if isinstance(caption, str) else None,
        credit=credit if isinstance(credit, str) else None,
        links=tuple(Link(*item) for item in json.loads(str(links or "[]"))),
        entities=tuple(Entity(*item) for item in json.loads(str(entities or "[]"))),
        quotes=tuple(Quote(*item) for item in json.loads(str(quotes or "[]"))),
        # Not backfilled yet (a library from before languages): decide now, it is cheap.
        language=language if isinstance(language, str) else detect_language(str(title), str(body)),
    )
