"""The main screen's feeds behaviour: the feeds pane, saved searches, filters, unread jumps.

``MainScreen`` inherits this so that screens/main.py (shared with other work on the
first frame, the footer and narrow terminals) keeps only small hooks: the pane is
mounted after the first frame, its counts come from a worker, and everything here
talks to the library through ``core.feedlist`` / ``core.saved`` off the UI thread.
"""

from __future__ import annotations

import time
from contextlib import suppress
from typing import TYPE_CHECKING, ClassVar, cast

from textual import on, work
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.screen import Screen

from ossetia_reader.core.feedlist import Counts, View, ViewKind
from ossetia_reader.core.library import ArticleFilter
from ossetia_reader.widgets.feeds_pane import FEEDS_PANE_WIDTH, FeedsPane

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader
    from ossetia_reader.widgets.status_bar import StatusBar

# Wide enough for the pane beside a 24-column list and a 50-column reading pane.
FEEDS_BESIDE_MIN_WIDTH = FEEDS_PANE_WIDTH + 24 + 50


class FeedsScreen(Screen[None]):
    """Feeds-pane state and actions, shared by the main screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "F",
            "toggle_feeds",
            "Feeds",
            tooltip="Feeds pane: all, unread, starred, saved searches, feeds (on/off)",
            id="main.feeds",
        ),
        Binding(
            "ctrl+s",
            "save_search",
            "Save search",
            show=False,
            tooltip="Save the current search as a live feed in the feeds pane",
            id="main.save_search",
        ),
        Binding(
            "n,ctrl+n",
            "next_unread",
            "Next unread",
            show=False,
            tooltip="Open the next unread article of this list (Ctrl+N while reading)",
            id="main.next_unread",
        ),
        Binding(
            "A",
            "mark_feed_read",
            "Mark list read",
            show=False,
            tooltip="Mark every article of this feed or list read (asks: A again)",
            id="main.mark_feed_read",
        ),
        Binding(
            "H",
            "toggle_hidden",
            "Show hidden",
            show=False,
            tooltip="Show / hide again the articles that filters hide",
            id="main.hidden",
        ),
        Binding(
            "O",
            "toggle_order",
            "Newest/rank",
            show=False,
            tooltip="A saved search: newest first / best match first",
            id="main.order",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.view = View()
        self.feeds_pane_on: bool | None = None  # None: decided by the width at first layout
        self.last_counts = Counts([])
        self._session_started_once = False
        self._asked: tuple[str, float] = ("", 0.0)  # a question awaiting its key again

    # -- hooks the main screen provides ----------------------------------------------

    @property
    def reader(self) -> OssetiaReader:
        # A cast, not an import: the app module imports this screen, and the
        # screen only ever runs inside that app.
        return cast("OssetiaReader", self.app)

    @property
    def status(self) -> StatusBar:
        from ossetia_reader.widgets.status_bar import StatusBar

        return self.query_one(StatusBar)

    def reload_list(self) -> None:
        """Load the article list again (the main screen's ``load_keys``)."""
        raise NotImplementedError

    def current_list_keys(self) -> list[int]:
        """Keys the article list shows now, in order (no group headers)."""
        raise NotImplementedError

    def cursor_key(self) -> int | None:
        """The key under the article list's cursor."""
        raise NotImplementedError

    def jump_to(self, key: int) -> None:
        """Move the list's cursor to ``key`` and open it."""
        raise NotImplementedError

    def current_query(self) -> str:
        """What the search bar holds."""
        raise NotImplementedError

    def choose_filter(self, which: ArticleFilter, source: str | None) -> None:
        """Set the all/unread/starred filter and the source (main screen state)."""
        raise NotImplementedError

    # -- the pane ----------------------------------------------------------------------

    @property
    def feeds_pane(self) -> FeedsPane | None:
        """The pane, once mounted (after the first frame)."""
        try:
            return self.query_one(FeedsPane)
        except NoMatches:
            return None

    async def mount_feeds_pane(self) -> None:
        """Add the pane after the first frame (unless composed), then count in a worker."""
        if self._session_started_once:
            return
        self._session_started_once = True
        if self.feeds_pane is not None:
            self.layout_changed()
            self._start_session()
            return
        pane = FeedsPane(id="feeds")
        pane.display = False
        await self.query_one("#panes").mount(pane, before="#articles")
        self.layout_changed()
        self._start_session()

    @work(thread=True, group="feed-counts")
    def _start_session(self) -> None:
        """Mark what arrived since the reader was last open, then count everything."""
        try:
            new = self.reader.feeds.start_session()
        except Exception:  # a library that cannot be written still counts
            new = 0
        self.app.call_from_thread(self._session_started, new, self.reader.feeds.new_after)

    def _session_started(self, new: int, new_after: int | None) -> None:
        from ossetia_reader.widgets.article_list import ArticleList

        article_list = self.query_one(ArticleList)
        article_list.new_after = new_after
        article_list.refresh()
        if new:
            self.reader.tell(f"{new:,} new since last time (✚)")
        self.refresh_counts()

    def layout_changed(self) -> None:
        """Re-run the screen's layout (the main screen's ``_apply_layout``)."""

    def feeds_layout(self, width: int) -> int:
        """Show or hide the pane for ``width`` columns; return the columns left for the rest.

        Wide terminals get the pane beside the list (on by default). Narrower ones show
        it only while it has the focus, in the article list's place, so the reading
        pane keeps its 50 columns.
        """
        pane = self.feeds_pane
        if pane is None:
            return width
        if self.feeds_pane_on is None:
            self.feeds_pane_on = width >= FEEDS_BESIDE_MIN_WIDTH
        beside = self.feeds_pane_on and width >= FEEDS_BESIDE_MIN_WIDTH
        # ``focused``, not ``has_focus``: the latter changes only when the Focus event
        # arrives, so a layout right after ``set_focus`` saw the pane as still focused,
        # hid the list that had just been given the focus, and Textual then moved it
        # on to the search bar.
        pane.display = beside or self.focused is pane
        if beside:
            pane.styles.width = FEEDS_PANE_WIDTH
            return width - FEEDS_PANE_WIDTH
        return width

    def pane_replaces_list(self) -> bool:
        """True when the pane has the focus on a terminal too narrow for it beside the list."""
        pane = self.feeds_pane
        return (
            pane is not None
            and self.focused is pane
            and not (self.feeds_pane_on and self.size.width >= FEEDS_BESIDE_MIN_WIDTH)
        )

    def action_toggle_feeds(self) -> None:
        pane = self.feeds_pane
        if pane is None:
            return
        if self.size.width >= FEEDS_BESIDE_MIN_WIDTH:
            self.feeds_pane_on = not (self.feeds_pane_on and pane.display)
            if self.feeds_pane_on:
                pane.display = True
                pane.focus()
            elif self.focused is pane:
                self.focus_list()  # hidden from elsewhere (the reading pane), focus stays there
        elif self.focused is pane:
            self.focus_list()
        else:
            pane.display = True
            pane.focus()
        self.layout_changed()

    def focus_list(self) -> None:
        """Give the article list the keys.

        At once (``set_focus``), not after the next refresh (``focus``): the pane that
        had focus is hidden right after this, and Textual would hand its focus to the
        first focusable widget, the search bar, where the next keys typed a search.
        """
        self.set_focus(self.query_one("#articles"))

    @work(thread=True, exclusive=True, group="feed-counts")
    def refresh_counts(self) -> None:
        """Count every entry of the pane off the UI thread (a few ms to ~100 ms at 100k)."""
        try:
            counts = self.reader.feeds.counts()
        except Exception as error:  # a count must never take the screen down
            self.app.call_from_thread(setattr, self.status, "message", f"counts: {error}")
            return
        self.app.call_from_thread(self._counts_ready, counts)
        with suppress(Exception):  # a cache is an extra
            self.reader.feeds.save_cache()  # for the next launch; after the pane is drawn

    def _counts_ready(self, counts: Counts) -> None:
        self.last_counts = counts
        pane = self.feeds_pane
        if pane is not None:
            pane.show_counts(counts, self.view)
        self.show_list_summary()

    def show_list_summary(self) -> None:
        """The status line's right-hand side (the main screen adds its own part)."""

    def hidden_note(self) -> str:
        """`` · 12 hidden`` for the status line (or that hidden articles are shown)."""
        hidden = self.reader.feeds.hidden_count()
        if not hidden:
            return ""
        if self.reader.feeds.show_hidden:
            return f" · {hidden:,} hidden shown (H)"
        return f" · {hidden:,} hidden (H shows)"

    def view_label(self) -> str:
        """What the current view is called (for the status line)."""
        pane = self.feeds_pane
        if self.view.kind in (ViewKind.ALL, ViewKind.UNREAD, ViewKind.STARRED):
            return ""
        if self.view.kind is ViewKind.NEW:
            return "new since last time"
        return pane.label_of(self.view) if pane is not None else self.view.target

    @on(FeedsPane.Chosen)
    def _feed_chosen(self, event: FeedsPane.Chosen) -> None:
        self.show_view(event.view)
        self.focus_list()

    @on(FeedsPane.Refused)
    def _refused(self, event: FeedsPane.Refused) -> None:
        self.status.message = event.text

    @on(FeedsPane.Left)
    def _feeds_left(self) -> None:
        self.focus_list()

    def show_view(self, view: View) -> None:
        """List ``view``'s articles (All/Unread/Starred set the filter, as ``v`` does)."""
        if view.kind in (ViewKind.ALL, ViewKind.UNREAD, ViewKind.STARRED):
            self.view = View()
            self.choose_filter(ArticleFilter(view.kind.value), None)
        elif view.kind is ViewKind.SOURCE:
            self.view = View()
            self.choose_filter(ArticleFilter.ALL, view.target)
        else:
            self.view = view
            self.choose_filter(ArticleFilter.ALL, None)
        pane = self.feeds_pane
        if pane is not None and self.last_counts.entries:
            pane.show_counts(self.last_counts, view)

    # -- saved searches, filters -----------------------------------------------------

    def action_save_search(self) -> None:
        """Save what the search bar holds under a name (asked for)."""
        from ossetia_reader.screens.prompt import PromptScreen

        query = self.current_query()
        if not query:
            self.status.message = "type a search first (/), then save it with Ctrl+S"
            return

        def named(name: str | None) -> None:
            if name:
                self._save(name, query, "search")

        # The name typed in already: as a grey placeholder it looked typed, and Enter
        # on it answered nothing, so the search was silently not saved.
        prompt = PromptScreen(f"Save the search {query!r} as:", value=query[:40])
        self.app.push_screen(prompt, named)

    def action_add_filter(self) -> None:
        """Hide every article matching a query (the current search, unless another is typed)."""
        from ossetia_reader.screens.prompt import PromptScreen

        query = self.current_query()

        def chosen(text: str | None) -> None:
            text = text or query
            if text:
                self._save(text[:40], text, "filter")

        question = "Hide articles matching (a query, e.g. source:Sponsored):"
        self.app.push_screen(PromptScreen(question, query or "title:horoscope"), chosen)

    @work(thread=True, group="feeds-edit")
    def _save(self, name: str, query: str, kind: str) -> None:
        from ossetia_reader.core.saved import Kind, SavedError, save

        try:
            saved = save(self.reader.library, name, query, Kind(kind))
        except SavedError as error:
            self.app.call_from_thread(setattr, self.status, "message", str(error))
            return
        if saved.kind is Kind.FILTER:
            hidden = self.reader.feeds.refresh_hidden().size
            text = f"filter {saved.name!r} added: {hidden:,} articles hidden"
            self.app.call_from_thread(self.reload_list)
        else:
            text = f"saved search {saved.name!r} added to the feeds pane"
        self.app.call_from_thread(setattr, self.status, "message", text)
        self.app.call_from_thread(self.refresh_counts)

    def action_toggle_hidden(self) -> None:
        feeds = self.reader.feeds
        feeds.show_hidden = not feeds.show_hidden
        count = feeds.hidden_count()
        self.status.message = (
            f"showing {count:,} hidden articles"
            if feeds.show_hidden
            else "hiding filtered articles"
        )
        self.reload_list()
        self.refresh_counts()

    @work(thread=True, group="feeds-edit")
    def action_toggle_order(self) -> None:
        from ossetia_reader.core.saved import Order, get_saved, set_order

        if self.view.kind is not ViewKind.SAVED:
            self.app.call_from_thread(
                setattr, self.status, "message", "newest/rank order is for saved searches"
            )
            return
        saved = get_saved(self.reader.library, self.view.target)
        if saved is None:
            return
        order = Order.RANK if saved.order is Order.NEWEST else Order.NEWEST
        set_order(self.reader.library, saved.name, order)
        word = "best match first" if order is Order.RANK else "newest first"
        self.app.call_from_thread(setattr, self.status, "message", f"{saved.name}: {word}")
        self.app.call_from_thread(self.reload_list)

    # -- editing from the pane -----------------------------------------------------------

    @on(FeedsPane.Edit)
    def _edit(self, event: FeedsPane.Edit) -> None:
        from ossetia_reader.screens.prompt import PromptScreen

        view, label = event.view, event.label
        if event.action == "remove":
            self._remove(view, label)
            return
        if event.action == "tag":
            question = f"Tags for {label} (comma-separated; empty to untag):"
        else:
            question = f"New name for {label}:"

        def answered(text: str | None) -> None:
            if text is not None or event.action == "tag":
                self._apply_edit(event.action, view, text or "")

        # A new name starts from the old one (as a placeholder, Enter kept it unchanged).
        value = label if event.action == "rename" else ""
        self.app.push_screen(PromptScreen(question, label, value=value), answered)

    @work(thread=True, group="feeds-edit")
    def _apply_edit(self, action: str, view: View, text: str) -> None:
        from ossetia_reader.core.saved import Kind, SavedError, get_saved, remove_saved, save
        from ossetia_reader.core.subscriptions import SubscriptionError, rename_feed, tag_feed

        library = self.reader.library
        try:
            if action == "tag":
                feed = tag_feed(library, view.target, [t for t in text.split(",")])
                message = f"{feed.name}: {', '.join(feed.tags) or 'no tags'}"
            elif view.kind is ViewKind.FEED:
                feed = rename_feed(library, view.target, text)
                message = f"renamed to {feed.name}"
            else:
                kind = Kind.FILTER if view.kind is ViewKind.FILTER else Kind.SEARCH
                saved = get_saved(library, view.target, kind)
                if saved is None:
                    return
                renamed = save(library, text, saved.query, saved.kind, saved.order)
                if renamed.name != saved.name:
                    remove_saved(library, saved.name, saved.kind)
                if self.view == view:
                    self.view = View(view.kind, renamed.name)
                message = f"renamed to {renamed.name}"
        except (SubscriptionError, SavedError) as error:
            message = str(error)
        self.app.call_from_thread(setattr, self.status, "message", message)
        self.app.call_from_thread(self.refresh_counts)

    @work(thread=True, group="feeds-edit")
    def _remove(self, view: View, label: str) -> None:
        from ossetia_reader.core.saved import Kind, remove_saved
        from ossetia_reader.core.subscriptions import remove_feed

        library = self.reader.library
        if view.kind is ViewKind.FEED:
            remove_feed(library, view.target)
            message = f"unsubscribed from {label} (its articles stay)"
        elif view.kind is ViewKind.FILTER:
            remove_saved(library, view.target, Kind.FILTER)
            self.reader.feeds.refresh_hidden()
            message = f"filter {label} removed"
        else:
            remove_saved(library, view.target)
            message = f"saved search {label} removed"
        if self.view == view:
            self.view = View()
        self.app.call_from_thread(setattr, self.status, "message", message)
        self.app.call_from_thread(self.reload_list)
        self.app.call_from_thread(self.refresh_counts)

    # -- unread -----------------------------------------------------------------------------

    def action_next_unread(self) -> None:
        """Open the next unread article of the current list (newsboat's ``n``)."""
        self._find_next_unread(self.current_list_keys(), self.cursor_key())

    @work(thread=True, exclusive=True, group="next-unread")
    def _find_next_unread(self, keys: list[int], current: int | None) -> None:
        start = keys.index(current) + 1 if current in keys else 0
        order = keys[start:] + keys[:start]
        library = self.reader.library
        for begin in range(0, len(order), 500):
            chunk = order[begin : begin + 500]
            marks = ",".join("?" * len(chunk))
            unread = {
                int(row[0])
                for row in library.query(
                    f"SELECT key FROM articles WHERE read = 0 AND key IN ({marks})", chunk
                )
            }
            for key in chunk:
                if key in unread:
                    self.app.call_from_thread(self.jump_to, key)
                    return
        self.app.call_from_thread(
            setattr, self.status, "message", "no unread articles here (A marked them read?)"
        )

    # A second press within this many seconds answers "yes" to a question like "mark all read?".
    CONFIRM_SECONDS = 5.0

    def confirmed(self, action: str, question: str) -> bool:
        """True when ``action`` is asked for again within ``CONFIRM_SECONDS``; else ask.

        M and A cannot be undone, and M sits on the key of m (one article): a slip of
        Shift marked 24,826 articles read for good. newsboat asks before both, too.
        """
        asked, when = self._asked
        if asked == action and time.monotonic() - when < self.CONFIRM_SECONDS:
            self._asked = ("", 0.0)
            return True
        self._asked = (action, time.monotonic())
        self.status.message = question
        return False

    def action_mark_feed_read(self) -> None:
        """Mark every article of the current list read (A again to confirm)."""
        keys = self.current_list_keys()
        where = self.view_label() or "this list"
        if self.confirmed("A", f"Mark the {len(keys):,} articles in {where} read? A again: yes"):
            self._mark_read(keys)

    @work(thread=True, group="state")
    def _mark_read(self, keys: list[int]) -> None:
        self.reader.library.set_read(keys, True)
        where = self.view_label() or "this list"
        self.app.call_from_thread(
            setattr, self.status, "message", f"{len(keys):,} articles in {where} marked read"
        )
        self.app.call_from_thread(self.reload_list)
        self.app.call_from_thread(self.refresh_counts)
