"""The main screen: search bar, article list, reading pane, status line."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import replace
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input

from ossetia_reader.core.article import Article, ArticleSummary
from ossetia_reader.core.feedlist import ViewKind
from ossetia_reader.core.library import ArticleFilter, LibraryError, LibraryWriteError
from ossetia_reader.messages import (
    EnrichmentProgress,
    EntitiesCorrected,
    IndexLoaded,
    Landing,
    LibraryChanged,
)
from ossetia_reader.render import link_entries, link_url
from ossetia_reader.screens.feeds import FeedsScreen
from ossetia_reader.widgets.article_info import ArticleInfo
from ossetia_reader.widgets.article_list import PAGE, ArticleList
from ossetia_reader.widgets.feeds_pane import FeedsPane
from ossetia_reader.widgets.key_bar import KeyBar
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.search_bar import MAX_QUERY_CHARS, SearchBar
from ossetia_reader.widgets.status_bar import StatusBar

SEARCH_DELAY = 0.12  # seconds of quiet in the search bar before a search runs
READING_MIN_WIDTH = 50
SIDEBAR_MIN_WIDTH = 24
SIDEBAR_WIDE_MAX = 80  # the sidebar's width at most, on terminals wide enough to spare it
INFO_WIDTH = 34
INFO_MIN_WIDTH = 24
EMPTY_LIBRARY = (
    "Your library is empty.\n"
    "Ctrl+P → “Subscribe to a feed…”, or in a shell: ossetia-reader feeds add URL"
)
NO_FEEDS_HINT = "No feeds yet: Ctrl+P → Subscribe to a feed…"
EMPTY_LIBRARY_WELCOME = (
    "Welcome. Your library is empty; to fill it:\n\n"
    "• Ctrl+P → “Subscribe to a feed…” (RSS, Atom or JSON Feed), then r to fetch\n"
    "• Ctrl+P → “Add articles…” for a file, a folder or a web page\n"
    "• in a shell:  ossetia-reader feeds add URL  or  ossetia-reader add PATH\n\n"
    "? lists every key."
)
FILTER_CYCLE = (ArticleFilter.ALL, ArticleFilter.UNREAD, ArticleFilter.STARRED)


class MainScreen(FeedsScreen):
    """Browse the library on the left, read on the right, search on top.

    The feeds pane and its actions come from ``FeedsScreen`` (screens/feeds.py).
    """

    HELP_TITLE = "Anywhere"
    AUTO_FOCUS = "#articles"

    # Descriptions are the footer's short labels; tooltips are the help screen's wording.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search", tooltip="Search the library", id="main.search"),
        Binding("question_mark,f1", "help", "Help", tooltip="This list of keys", id="main.help"),
        Binding("tab", "app.focus_next", "Next pane", show=False, id="main.next_pane"),
        Binding(
            "shift+tab", "app.focus_previous", "Previous pane", show=False, id="main.prev_pane"
        ),
        Binding(
            "escape",
            "back",
            "List",
            tooltip="Back to the list; in the list: clear the search",
            id="main.back",
        ),
        Binding("m", "toggle_read", "Read", tooltip="Mark read / unread", id="main.toggle_read"),
        Binding("s", "toggle_star", "Star", tooltip="Star / unstar", id="main.toggle_star"),
        Binding(
            "M",
            "mark_all_read",
            "All read",
            tooltip="Mark every article read (asks: M again to confirm)",
            id="main.mark_all_read",
        ),
        Binding(
            "v",
            "cycle_filter",
            "Filter",
            tooltip="Show all / unread / starred articles",
            id="main.filter",
        ),
        Binding(
            "z",
            "cycle_grouping",
            "Group",
            tooltip="Group by source / by month / not at all",
            id="main.group",
        ),
        Binding(
            "o",
            "open_url",
            "Open in browser",
            tooltip="Open the article (or the link under the cursor) in a browser",
            id="main.open_url",
        ),
        Binding(
            "y",
            "copy_url",
            "Copy address",
            tooltip="Copy the address of the article (or of the link under the cursor)",
            id="main.copy_url",
        ),
        Binding(
            "f",
            "toggle_sidebar",
            "Full width",
            tooltip="Hide / show the article list",
            id="main.sidebar",
        ),
        Binding(
            "u",
            "links",
            "Links",
            tooltip="Links in the article, numbered: open or copy any of them",
            id="main.links",
        ),
        Binding(
            "i",
            "toggle_info",
            "Info",
            tooltip="Panel: entities and quotes of the article",
            id="main.info",
        ),
        Binding(
            "p",
            "people",
            "People",
            tooltip="People and speakers across the library",
            id="main.people",
        ),
    ]

    # The footer's keys for each pane, most important first (what does not fit is dropped).
    FOOTER_KEYS: ClassVar[dict[str, tuple[str, ...]]] = {
        "LIST": (
            "list.open",
            "main.search",
            "main.filter",
            "main.toggle_star",
            "main.toggle_read",
            "main.info",
            "main.people",
            "main.feeds",
            "app.commands",
            "app.refresh",
            "app.quit",
        ),
        "READ": (
            "main.back",
            "read.page_down",
            "read.next_hit",  # n while a search's hits are shown,
            "main.next_unread",  # else n: newsboat's key for reading on
            "read.next_item",
            "main.links",
            "main.toggle_star",
            "main.info",
            "main.open_url",
            "app.commands",
            "app.quit",
        ),
        "SEARCH": ("search.open", "search.down", "search.earlier", "search.leave", "app.commands"),
        "INFO": ("main.back", "main.info", "main.search", "app.commands", "app.quit"),
        "FEEDS": (
            "feeds.show",
            "main.feeds",
            "feeds.tag",
            "feeds.rename",
            "feeds.remove",
            "main.save_search",
            "app.commands",
            "app.quit",
        ),
    }
    FOOTER_PINNED = ("main.help",)

    def __init__(self) -> None:
        super().__init__()
        self.filter = ArticleFilter.ALL
        self.source: str | None = None
        self.group_by: str | None = None
        self._open_requests = 0
        self._cursor_said = ""  # the status line's words about the Tab cursor, if shown
        self.all_keys: list[int] = []
        self.open_key: int | None = None
        self.query_text = ""
        self._hits_for = ""  # the query whose hits the reading pane shows
        self._search_due = 0.0
        self._search_timer_set = False
        self._found: int | None = None  # how many the shown search found (status line)
        self._titles_only = False  # the shown search was answered before the index loaded
        self._search_said = ""  # what the last search put in the status line
        self._landing: Landing | None = None  # where the article being opened is read from
        self._library_empty = False
        self._no_feeds = False  # checked at start-up: a first run is told how to subscribe
        self._sidebar_hidden = False
        self._first_frame_done = False

    def compose(self) -> ComposeResult:
        yield SearchBar(id="search")
        with Horizontal(id="panes"):
            # In the first frame, empty (its counts come after it): mounted later, it
            # pushed the list 28 columns right under the reader's eyes at 102+ columns.
            pane = FeedsPane(id="feeds")
            pane.display = False  # until the first layout decides (feeds_layout)
            yield pane
            yield ArticleList(self.reader.library, id="articles")
            yield ReadingPane(id="reader")
            yield ArticleInfo(id="info")
        yield StatusBar(id="status")
        yield KeyBar(id="keys")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    @property
    def reading_pane(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def info(self) -> ArticleInfo:
        return self.query_one(ArticleInfo)

    def on_mount(self) -> None:
        history = self.reader.remembered("searches")
        if isinstance(history, list):
            self.query_one(SearchBar).set_history([q for q in history if isinstance(q, str)])
        self.article_list.focus()
        self.reading_pane.max_width = self.reader.reading_width
        self.article_list.opens_into = self.reading_pane  # the keys follow an opened article
        # The panes' widths now, for the first frame: decided at the first Resize, the
        # feeds pane came a frame late at 102+ columns and pushed the list 28 columns right.
        self._apply_layout()
        self._show_mode("LIST")  # the footer in the first frame too (focus arrives after it)
        self._show_first_page()
        if self.reader.ready:  # the app drew a frame before this screen: no Ready to wait for
            self.call_after_refresh(self.after_first_frame)

    def after_first_frame(self) -> None:
        """What the first frame does not show: every key, the counts, the feeds pane.

        Called once the first frame is drawn (the app's ``on_ready``), so none of it
        delays the news on screen. The pane comes first: it notes where this session
        starts (what is "new since last time") before the keys' worker lets the
        background work, and so any refresh, begin.
        """
        if self._first_frame_done:
            return
        self._first_frame_done = True
        # Ready arrives just before the frame is written: one more refresh, then go.
        self.call_after_refresh(self._start_after_first_frame)

    async def _start_after_first_frame(self) -> None:
        await self.mount_feeds_pane()  # composed already: notes where this session starts
        self.load_keys(open_first=True)

    def _show_first_page(self) -> None:
        """The newest screenful and the first article, read here, before the first frame.

        A few milliseconds of SQL even at 100,000 articles; fetched by the worker
        instead, the first frame was drawn with placeholders and drawn again when
        they came (each full frame costs tens of milliseconds of styling and
        rendering). The worker still brings every key, and the counts, after it.
        """
        library = self.reader.library
        try:
            rows = library.newest(PAGE)
            # Coloured by the types stored with it; the library-wide types (one colour
            # per entity, as on open) cost ~40 ms here (a module and a lookup per name),
            # so the keys' worker brings them after the first frame (``_retyped``).
            first = library.get(rows[0].key) if rows else None
        except (LibraryError, sqlite3.DatabaseError):
            return  # the worker meets the damage too, and ends the app saying so
        if not rows:
            return  # an empty library: the worker says what to do
        self.all_keys = [row.key for row in rows]
        self.article_list.set_keys(self.all_keys, rows=rows)
        if first is not None:
            self.open_key = first.key
            self.reading_pane.show(first, [], keep_scroll=False, announce=True)
            self.info.show(first)

    # -- loading ---------------------------------------------------------------

    @work(thread=True, exclusive=True, group="keys")
    def load_keys(self, open_first: bool = False) -> None:
        """Fetch the list's keys (fast even at 100,000 articles) off the UI thread."""
        library = self.reader.library
        feeds = self.reader.feeds
        groups = None
        if self.view.kind is not ViewKind.ALL:  # a feed, saved search or filter
            keys = feeds.keys(self.view, self.filter)
        elif self.group_by is None:
            keys = feeds.visible(library.keys(self.filter, source=self.source))
        else:
            groups = library.grouped_keys(self.group_by, self.filter, source=self.source)
            groups = [(label, feeds.visible(members)) for label, members in groups]
            keys = [key for _, members in groups for key in members]
        # The first screenful and the first article come in the same trip, so the
        # first frame shows news rather than placeholders.
        rows = library.summaries(keys[:PAGE])
        # Opened before the first frame already (``_show_first_page``), unless it is not
        # the newest any more; then with its stored types, now with the library's.
        shown = self.open_key
        first = library.get(keys[0]) if open_first and keys else None
        retype = first is not None and first.key == shown
        if first is not None and first.entities:
            from ossetia_reader.core.enrich.views import with_library_types

            typed = with_library_types(library, first)  # one colour per entity, as on open
            first = None if retype and typed.entities == first.entities else typed
        elif retype:
            first = None  # nothing to colour
        self._library_empty = not keys and library.count() == 0
        if open_first:
            from ossetia_reader.core.subscriptions import list_feeds

            self._no_feeds = not list_feeds(library)
        self.app.call_from_thread(self._keys_loaded, keys, groups, rows, first, open_first, retype)

    def _keys_loaded(
        self,
        keys: list[int],
        groups: list[tuple[str, list[int]]] | None,
        rows: list[ArticleSummary],
        first: Article | None,
        open_first: bool,
        retype: bool = False,
    ) -> None:
        self.all_keys = keys
        if self.query_text:
            return
        article_list = self.article_list
        article_list.loading_message = self._empty_message()
        if self._library_empty:
            self.reading_pane.empty_message = EMPTY_LIBRARY_WELCOME
            self.reading_pane.refresh()
        if open_first and self._no_feeds and not self.status.message:
            self.status.message = NO_FEEDS_HINT
        keep = article_list.current_key or self.open_key
        article_list.set_keys(keys, keep=keep, groups=groups, rows=rows)
        self._show_counts()
        if first is not None and retype:
            self._retyped(first)
            self.call_after_refresh(self.reader.start_background_work)
        elif first is not None:
            self._article_loaded(first, None, [], keep_scroll=False)
        elif open_first:
            self.call_after_refresh(self.reader.start_background_work)

    def _retyped(self, article: Article) -> None:
        """The first article again, its entities now typed library-wide (colours only).

        Shown in place: the same lines at the top of the pane (only colours and the
        legend's words change, never a line's length), no second announcement, and
        not at all if the reader has moved on to another article meanwhile.
        """
        pane = self.reading_pane
        shown = pane.article
        if shown is None or shown.key != article.key or self.open_key != article.key:
            return
        if replace(shown, entities=article.entities) != article or [
            (e.start, e.end, e.canonical) for e in shown.entities
        ] != [(e.start, e.end, e.canonical) for e in article.entities]:
            return  # the pane shows another version (enrichment landed meanwhile)
        pane.show(article, pane.hits, keep_scroll=True, announce=False)
        self.info.show(article)

    def _empty_message(self) -> str:
        """What an empty list says, with what to do next."""
        if self._library_empty:
            return EMPTY_LIBRARY
        if self.view.kind is not ViewKind.ALL:
            return "Nothing in this list yet.\nv: all / unread / starred articles."
        if self.filter is ArticleFilter.STARRED:
            return "No starred articles yet.\nPress s on an article to star it; v shows all."
        if self.filter is ArticleFilter.UNREAD:
            return "Nothing unread.\nv shows all articles; r fetches new ones."
        return "No articles here.\nv: all / unread / starred articles."

    def _show_counts(self) -> None:
        """``14 articles``, or while searching ``1 of 14 articles`` (1 found of them)."""
        which = "" if self.filter is ArticleFilter.ALL else f"{self.filter.value} "
        count = len(self.all_keys)
        found = self._found if self.query_text else None
        if found is not None:
            which = f"{found:,} of {count:,} {which}"
        source = f" from {self.source}" if self.source is not None else ""
        label = self.view_label()
        source += f" in {label}" if label else ""
        plural = "" if count == 1 else "s"
        number = "" if found is not None else f"{count:,} "
        self.status.summary = f"{number}{which}article{plural}{source}{self.hidden_note()}"

    def show_list_summary(self) -> None:
        self._show_counts()

    def open_article(self, key: int, mark_read: bool = True, keep_scroll: bool = False) -> None:
        """Load one article and show it; opening it marks it read."""
        self._open_requests += 1
        self._load_article(key, mark_read, keep_scroll, self._open_requests, self.query_text)

    @work(thread=True, exclusive=True, group="open")
    def _load_article(
        self, key: int, mark_read: bool, keep_scroll: bool, request: int, query: str
    ) -> None:
        article = self.reader.library.get(key)
        if article is None:
            return
        from ossetia_reader.core.enrich.views import with_library_types

        article = with_library_types(self.reader.library, article)  # one colour per entity
        if mark_read:
            try:
                self.reader.library.set_read([key], True)
            except LibraryWriteError as error:  # a full disk: the article opens all the same
                self.reader.cannot_save(error)
        summary = self.reader.library.summary(key)
        hits = self.reader.search.highlight(query, article) if query else []
        self.app.call_from_thread(
            self._article_loaded, article, summary, hits, keep_scroll, request, mark_read, query
        )

    def _article_loaded(
        self,
        article: Article,
        summary: ArticleSummary | None,
        hits: list[tuple[int, int]],
        keep_scroll: bool,
        request: int | None = None,
        announce: bool = True,
        query: str = "",
    ) -> None:
        """Show a loaded article; ``hits`` are those of ``query`` (a search preview's)."""
        if request is not None and request != self._open_requests:
            return  # a later request (a newer copy of the article, say) is on its way
        if article.key != self.open_key:
            self._forget_cursor_notice()
        self.open_key = article.key
        self._hits_for = query
        self.reading_pane.show(article, hits, keep_scroll=keep_scroll, announce=announce)
        landing, self._landing = self._landing, None
        if landing is not None and landing.key == article.key:
            self.reading_pane.land_on(landing)
        self.query_one(ArticleInfo).show(article)
        self.call_after_refresh(self.reader.start_background_work)
        if summary is not None:
            self.article_list.update_row(summary)
            self.refresh_counts()

    # -- events ----------------------------------------------------------------

    @on(ArticleList.Opened)
    def _open_from_list(self, event: ArticleList.Opened) -> None:
        if self.query_text:
            search_bar = self.query_one(SearchBar)
            search_bar.remember(self.query_text)
            self.reader.remember("searches", list(search_bar.history))
        # Opening the article already on screen keeps its place (it only marks it read),
        # unless a search brought it here and its hits need showing.
        same = event.key == self.open_key and not self.query_text
        self.open_article(event.key, keep_scroll=same)
        self.focus_now(self.reading_pane)
        if self.status.message == NO_FEEDS_HINT:
            # Read once it is time to read: kept, at 80 columns it hid "enriching 34/1,971"
            # for the whole session (the status line gives a hint room before news).
            self.status.message = ""

    @on(ArticleList.Highlighted)
    def _preview_result(self, event: ArticleList.Highlighted) -> None:
        """While searching, the reading pane shows the selected result (left unread)."""
        shown = (self.open_key, self._hits_for)
        if self.query_text and shown != (event.key, self.query_text):
            self.open_article(event.key, mark_read=False)

    @on(Input.Changed, "#search")
    def _query_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if self.query_text:
            self._search_soon()
        else:
            self.status.message = ""
            self.load_keys()

    @property
    def startup_pending(self) -> bool:
        """The first frame's follow-up work (every key, the feeds pane) has not started."""
        return not self._first_frame_done

    @property
    def search_pending(self) -> bool:
        """Typed text not yet searched (gathered by the bar, or waiting for a pause)."""
        return self._search_timer_set or self.query_one(SearchBar).has_pending

    def _search_soon(self) -> None:
        """Search for the latest text once typing pauses (``SEARCH_DELAY``).

        One timer at a time, pushed back by each change: a burst of keys (a
        paste arriving as key presses) costs one search, not one per key.
        """
        self._search_due = time.monotonic() + SEARCH_DELAY
        if not self._search_timer_set:
            self._search_timer_set = True
            self.set_timer(SEARCH_DELAY, self._search_when_due)

    def _search_when_due(self) -> None:
        wait = self._search_due - time.monotonic()
        if wait > 0.005:
            self.set_timer(wait, self._search_when_due)
            return
        self._search_timer_set = False
        if self.query_text:
            self.run_search(self.query_text)

    @on(SearchBar.Cut)
    def _query_cut(self, event: SearchBar.Cut) -> None:
        self.status.message = (
            f"search text cut at {MAX_QUERY_CHARS} characters ({event.dropped:,} dropped)"
        )

    @on(Input.Submitted, "#search")
    def _query_submitted(self, event: Input.Submitted) -> None:
        self.article_list.action_open()

    @on(SearchBar.Left)
    @on(SearchBar.ToResults)
    def _search_left(self) -> None:
        self.focus_now(self.article_list)

    @work(thread=True, exclusive=True, group="search")
    def run_search(self, query: str, again: bool = False) -> None:
        """Search off the UI thread; a newer keystroke cancels this one.

        ``again``: the same query asked once more (the index arrived), not typed.
        """
        started = time.perf_counter()
        result = self.reader.search.search(query, allowed=self._allowed_keys())
        result.keys = self.reader.feeds.visible(result.keys)
        elapsed = (time.perf_counter() - started) * 1000
        # Titles and dates of the first page (~1 ms of SQL), drawn until the snippets come.
        drafts = self.reader.library.summaries(result.keys[:PAGE])
        self.app.call_from_thread(self._search_done, query, result, elapsed, drafts, again)

    def _allowed_keys(self) -> set[int] | None:
        narrowed = self.filter is not ArticleFilter.ALL or self.source is not None
        narrowed = narrowed or self.view.kind is not ViewKind.ALL
        return set(self.all_keys) if narrowed else None

    def _search_done(
        self,
        query: str,
        result: object,
        elapsed: float,
        drafts: Sequence[ArticleSummary] = (),
        again: bool = False,
    ) -> None:
        from ossetia_reader.search_service import Found

        if query != self.query_text or not isinstance(result, Found):
            return
        suggestion = (
            f"Did you mean {', '.join(result.suggestions)}?\n" if result.suggestions else ""
        )
        self.article_list.loading_message = (
            f"No matches for “{query}”.\n{suggestion}"
            "Try fewer words, a prefix (refer*) or OR. Esc clears the search."
        )
        self.article_list.set_keys(
            result.keys,
            keep=self.article_list.current_key if again else None,
            source=self.reader.search.with_snippets(query),
            snippets=True,
            drafts=drafts,
        )
        notice = f" — {result.notice}" if result.notice else ""
        if len(self.query_one(SearchBar).value) >= MAX_QUERY_CHARS:
            notice += f" — search text cut at {MAX_QUERY_CHARS} characters"
        # "1 found" beside the list's "14 articles" read as two counts of one thing.
        said = f"found in {elapsed:.0f} ms{notice}"
        # Asked again unseen, it replaces only its own earlier word ("saved search …" stays).
        if not again or self.status.message == self._search_said:
            self.status.message = said
        self._search_said = said
        self._found = result.total
        self._titles_only = result.titles_only
        self._show_counts()

    @on(ReadingPane.Notice)
    def _pane_notice(self, event: ReadingPane.Notice) -> None:
        self.status.message = event.text
        self._cursor_said = event.text if event.about_cursor else ""

    def _forget_cursor_notice(self) -> None:
        """The Tab cursor is gone (the pane lost the keys, another article opened): its
        "ORG Kremlin — Enter: articles mentioning it" stayed, wrong in the list (Enter
        there opens an article) and about a name no longer on screen."""
        if self._cursor_said and self.status.message == self._cursor_said:
            self.status.message = ""
        self._cursor_said = ""

    @on(ReadingPane.ItemChosen)
    def _item_chosen(self, event: ReadingPane.ItemChosen) -> None:
        self.reader.open_item(event.article, event.item)

    def on_descendant_focus(self, event: object) -> None:
        focused = self.focused
        if isinstance(focused, ReadingPane):
            mode = "READ"
        elif isinstance(focused, SearchBar):
            mode = "SEARCH"
        elif isinstance(focused, ArticleInfo):
            mode = "INFO"
        elif isinstance(focused, FeedsPane):
            mode = "FEEDS"
        else:
            mode = "LIST"
        if mode != "READ":
            self._forget_cursor_notice()
        self._show_mode(mode)
        self._apply_layout()

    def _show_mode(self, mode: str) -> None:
        """The status line's mode and the footer's keys for the focused pane."""
        self.status.mode = mode
        self.query_one(KeyBar).show_keys(
            self.FOOTER_KEYS[mode], self.FOOTER_PINNED, typing=mode == "SEARCH"
        )

    def on_library_changed(self, event: LibraryChanged) -> None:
        self.load_keys()
        self.refresh_counts()

    def on_index_loaded(self, event: IndexLoaded) -> None:
        """Saved-search counts and filters need the index: count, and hide, now.

        A search typed while the index loaded was answered from titles only; it is asked
        again now (it used to stay at "0 of 1,532" for a name found only in bodies until
        the reader typed again). Later loads (after enrichment, a correction) leave the
        results alone, so nothing moves under the reader's eyes.
        """
        self.refresh_counts()
        if self.query_text and self._titles_only:
            self._titles_only = False
            self.run_search(self.query_text, again=True)
        if self.reader.feeds.hidden_count() or self.view.kind is not ViewKind.ALL:
            self.load_keys()

    def on_entities_corrected(self, event: EntitiesCorrected) -> None:
        article = self.reading_pane.article
        if article is not None and article.key is not None:
            self.show_article(article.key, mark_read=False, keep_scroll=True)

    def on_enrichment_progress(self, event: EnrichmentProgress) -> None:
        finished = event.done >= event.total
        self.status.activity = "" if finished else f"enriching {event.done:,}/{event.total:,}"
        article = self.reading_pane.article
        if article is not None and article.key is not None and not article.entities:
            self.show_article(article.key, mark_read=False, keep_scroll=True)

    def show_article(
        self,
        key: int,
        mark_read: bool = True,
        keep_scroll: bool = False,
        landing: Landing | None = None,
    ) -> None:
        """Open ``key`` in the reading pane (from another screen, or to refresh it).

        ``landing`` (an article chosen in an entity view) puts the reader on the quote or
        mention chosen there, with the keys in the reading pane: it opened at the top with
        the keys back in the list, as if nothing had been chosen.
        """
        self._landing = landing
        self.open_article(key, mark_read=mark_read, keep_scroll=keep_scroll)
        if landing is not None:
            self.reading_pane.focus()

    # -- layout ------------------------------------------------------------------

    def on_resize(self) -> None:
        self._apply_layout()

    def _apply_layout(self) -> None:
        """Keep the reading pane at least 50 columns; panels give way rather than squeeze it.

        On narrow terminals one pane shows at a time (the focused one). The info
        panel sits right of the text when there is room (the feeds pane, then the
        sidebar's width, give way first); otherwise it takes the sidebar's place
        (the list comes back while it has focus), and below 74 columns the whole width.
        """
        # Before the screen's first layout (its mount) its size is 0: the terminal's then.
        screen_width = self.size.width or self.app.size.width
        width = self.feeds_layout(screen_width)
        feeds = self.feeds_pane
        crowded = width < SIDEBAR_MIN_WIDTH + READING_MIN_WIDTH + INFO_WIDTH
        info_asked = self.info.has_class("-shown")
        if info_asked and feeds is not None and crowded and feeds.display and not feeds.has_focus:
            feeds.display = False  # the feeds pane makes room for the panel asked for last
            width = screen_width
        sidebar = min(max(SIDEBAR_MIN_WIDTH, int(width * 0.36)), 56, width - READING_MIN_WIDTH)
        article_list, reading_pane, info = self.article_list, self.reading_pane, self.info
        narrow = sidebar < SIDEBAR_MIN_WIDTH - 4
        list_focused = isinstance(self.focused, ArticleList)
        if self._sidebar_hidden:
            show_list = list_focused
            show_reader = not show_list
        elif narrow:
            show_list = not isinstance(self.focused, (ReadingPane, ArticleInfo))
            show_reader = not show_list
        else:
            show_list = show_reader = True
        show_info = info.has_class("-shown")
        info_width: int | str = INFO_WIDTH
        if show_info:
            beside = width - READING_MIN_WIDTH - INFO_WIDTH  # room left for the sidebar
            if show_list and show_reader and beside >= SIDEBAR_MIN_WIDTH:
                sidebar = min(sidebar, beside)  # a narrower sidebar is the first to give way
            elif show_reader and not show_list and beside >= 0:
                pass
            elif list_focused:
                show_info = False  # the panel gives way while the list has the keys
            elif width - READING_MIN_WIDTH >= INFO_MIN_WIDTH:
                show_list, show_reader = False, True
                info_width = min(INFO_WIDTH, width - READING_MIN_WIDTH)
            else:
                show_list, show_reader, info_width = False, False, "1fr"
        if show_list and show_reader and not narrow:
            # On a wide terminal the columns the text cannot use (it stops at its reading
            # width) go to the titles: at 200 columns they were cut at 53 beside 30 empty.
            beside_text = width - self.reading_pane.max_width - 4  # margins and scrollbar
            beside_text -= INFO_WIDTH if show_info and isinstance(info_width, int) else 0
            sidebar = max(sidebar, min(beside_text, SIDEBAR_WIDE_MAX))
        article_list.display, reading_pane.display, info.display = (
            show_list,
            show_reader,
            show_info,
        )
        article_list.styles.width = "1fr" if narrow or not show_reader else sidebar
        info.styles.width = info_width
        pane = self.feeds_pane
        if pane is not None and self.pane_replaces_list():
            article_list.display = False  # the pane takes the list's place at 80 columns
            pane.styles.width = sidebar if not narrow else "1fr"
            reading_pane.display = not narrow

    def layout_changed(self) -> None:
        self._apply_layout()

    # -- actions ---------------------------------------------------------------

    def drop_first_run_hint(self) -> None:
        """A feed was subscribed or articles are being added: the hint has done its work."""
        self._no_feeds = False
        if self.status.message == NO_FEEDS_HINT:
            self.status.message = ""

    def focus_now(self, widget: Widget) -> None:
        """Give ``widget`` the keys before the next key is handled.

        ``Widget.focus`` moves the focus after the messages already queued: keys that
        came in the same read as the one that moved it (fast typing, a paste, keys over
        SSH) went to the old pane: "/putin" opened the people screen with p.
        """
        self.set_focus(widget)
        if self.focused is not widget:  # not focusable yet (a layout change on its way)
            widget.focus()

    def action_search(self) -> None:
        self.focus_now(self.query_one(SearchBar))

    def action_back(self) -> None:
        """Esc: from a pane back to the list; in the list, clear the search."""
        if not isinstance(self.focused, ArticleList):
            self.focus_now(self.article_list)
        elif self.query_text:
            self.query_one(SearchBar).value = ""

    def action_help(self) -> None:
        from ossetia_reader.screens.help import HelpScreen

        self.app.push_screen(HelpScreen.for_screen(self, self.reader.config.keys))

    def _target_key(self) -> int | None:
        if isinstance(self.focused, ReadingPane):
            return self.open_key
        return self.article_list.current_key

    def action_toggle_read(self) -> None:
        key = self._target_key()
        summary = self.article_list.row(key) if key is not None else None
        if key is not None and summary is not None:
            self._set_state(key, read=not summary.read)

    def action_toggle_star(self) -> None:
        key = self._target_key()
        summary = self.article_list.row(key) if key is not None else None
        if key is not None and summary is not None:
            self._set_state(key, starred=not summary.starred)

    @work(thread=True, group="state")
    def _set_state(self, key: int, read: bool | None = None, starred: bool | None = None) -> None:
        library = self.reader.library
        if read is not None:
            library.set_read([key], read)
        if starred is not None:
            library.set_starred(key, starred)
        summary = library.summary(key)
        if summary is not None:
            self.app.call_from_thread(self.article_list.update_row, summary)
            self.app.call_from_thread(self.refresh_counts)
            word = (
                "starred"
                if starred
                else "unstarred"
                if starred is not None
                else ("read" if read else "unread")
            )
            self.app.call_from_thread(setattr, self.status, "message", f"marked {word}")

    def action_mark_all_read(self) -> None:
        """M: every article read, once M is pressed again (see ``confirmed``)."""
        if self.confirmed("M", "Mark EVERY article read? It cannot be undone. M again: yes"):
            self._mark_all_read()

    @work(thread=True, group="state")
    def _mark_all_read(self) -> None:
        changed = self.reader.library.mark_all_read()
        self.app.call_from_thread(setattr, self.status, "message", f"{changed:,} marked read")
        self.load_keys()
        self.app.call_from_thread(self.refresh_counts)

    def action_cycle_filter(self) -> None:
        index = FILTER_CYCLE.index(self.filter)
        self.action_filter(FILTER_CYCLE[(index + 1) % len(FILTER_CYCLE)].value)

    def choose_filter(self, which: ArticleFilter, source: str | None) -> None:
        self.filter = which
        self.source = source
        self.article_list.set_keys([])
        self.load_keys()

    def reload_list(self) -> None:
        self.load_keys()

    def current_list_keys(self) -> list[int]:
        return [key for key in self.article_list.keys if key >= 0]

    def cursor_key(self) -> int | None:
        return (
            self.article_list.current_key
            if not isinstance(self.focused, ReadingPane)
            else self.open_key
        )

    def current_query(self) -> str:
        return self.query_text

    def jump_to(self, key: int) -> None:
        """``n``: open the next unread article; what the status line said before is old news."""
        self.status.message = ""
        article_list = self.article_list
        if key in article_list.keys:
            article_list.cursor = article_list.keys.index(key)
        self.open_article(key)

    def action_filter(self, name: str) -> None:
        """Show all, unread or starred articles ("all" also forgets a chosen source)."""
        self.filter = ArticleFilter(name)
        if self.filter is ArticleFilter.ALL:
            self.source = None
            self.view = type(self.view)()
        self.status.message = f"showing {self.filter.value} articles"
        self.article_list.set_keys([])
        self.load_keys()

    def action_cycle_grouping(self) -> None:
        """No groups → by source → by month → no groups."""
        order = [None, "source", "month"]
        self.group_by = order[(order.index(self.group_by) + 1) % len(order)]
        self.status.message = f"grouped by {self.group_by}" if self.group_by else "not grouped"
        self.load_keys()

    def show_source(self, source: str) -> None:
        """List one publisher's articles (within the current all/unread/starred filter)."""
        self.source = source
        self.view = type(self.view)()  # out of a feed or saved search chosen in the pane
        self.status.message = f"showing articles from {source or 'unknown source'}"
        self.article_list.set_keys([])
        self.load_keys()

    def _open_article_url(self, to_open: bool = True) -> str | None:
        """The link under the reading pane's cursor, else the open article's address."""
        pane = self.reading_pane
        article = pane.article
        url = article.url if article else None
        item = pane.current_item if isinstance(self.focused, ReadingPane) else None
        if article is not None and item is not None and item.kind == "link":
            url = link_url(article, item.index)
        if not url:
            self.status.message = "this article has no web address"
            return None
        if to_open and not url.lower().startswith(("http://", "https://")):
            self.status.message = f"not a web address: {url}"
            return None
        return url

    def action_open_url(self) -> None:
        url = self._open_article_url()
        if url:
            self.reader.open_in_browser(url)

    def action_copy_url(self) -> None:
        url = self._open_article_url(to_open=False)
        if url:
            self.app.copy_to_clipboard(url)
            self.status.message = f"copied {url} (OSC 52)"

    def action_links(self) -> None:
        """The numbered link list of the open article."""
        from ossetia_reader.screens.links import LinksScreen

        article = self.reading_pane.article
        if article is None:
            self.status.message = "no article open"
            return

        def done(message: str | None) -> None:
            if message:
                self.status.message = message

        self.app.push_screen(LinksScreen(link_entries(article)), done)

    def action_toggle_info(self) -> None:
        self.info.toggle_class("-shown")
        if self.info.has_class("-shown") and isinstance(self.focused, ArticleList):
            self.focus_now(self.reading_pane)  # the panel is about the open article
        self._apply_layout()

    def action_people(self) -> None:
        self.reader.open_people()

    def action_toggle_sidebar(self) -> None:
        self._sidebar_hidden = not self._sidebar_hidden
        if self._sidebar_hidden:
            self.set_focus(self.reading_pane)  # at once: the list hidden next had the focus
        self._apply_layout()
