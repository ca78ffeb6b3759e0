"""The Textual app: wires the library, search, enrichment and feeds into the screens."""

from __future__ import annotations

import gc
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Input
from textual.worker import get_current_worker

from ossetia_reader.commands import ReaderCommands, SourceCommands
from ossetia_reader.core.article import Article
from ossetia_reader.core.config import Config, load_state, save_state
from ossetia_reader.core.feedlist import FeedCounter
from ossetia_reader.core.library import Library, LibraryError, LibraryWriteError
from ossetia_reader.core.sanitize import safe_text
from ossetia_reader.messages import (
    EnrichmentProgress,
    EntitiesCorrected,
    IndexLoaded,
    Landing,
    LibraryChanged,
)
from ossetia_reader.render import Item, plural
from ossetia_reader.search_service import LoadStopped, SearchService

if TYPE_CHECKING:
    from ossetia_reader.core.fetch import FeedResult
    from ossetia_reader.widgets.status_bar import StatusBar

HIGH_CONTRAST = Theme(
    name="high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ff00ff",
    warning="#ffff00",
    error="#ff5555",
    success="#55ff55",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#303030",
    dark=True,
)


_TYPING_PAUSE = 1.0  # seconds after a key press during which enrichment hands out no work


class OssetiaReader(App[None]):
    """A keyboard-first reader for a library of stored news articles."""

    TITLE = "ossetia-reader"
    CSS_PATH = "app.tcss"
    HELP_TITLE = "Anywhere"
    COMMANDS = App.COMMANDS | {ReaderCommands, SourceCommands}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding(
            "r", "refresh_feeds", "Refresh", tooltip="Fetch every subscribed feed", id="app.refresh"
        ),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            tooltip="Commands: subscribe, add files, filters, themes…",
            id="app.commands",
        ),
    ]

    def __init__(
        self,
        library: Library,
        *,
        config: Config | None = None,
        state_path: Path | None = None,
        enrich: bool = True,
    ) -> None:
        super().__init__()
        self.library = library
        self.config = config or Config()
        self.reading_width = self.config.reading_width
        self.state_path = state_path
        self.search = SearchService(library)
        self.feeds = FeedCounter(library, lambda: self.search.index)
        self._enrich = enrich
        self._background_started = False
        self._quitting = False  # set by exit(): background threads stop talking to the screen
        self._seen_version: int | None = None  # the library's data version at the last look
        self._seen_max_key: int | None = None  # and its highest key
        self._last_key = 0.0  # time.monotonic() of the last key: enrichment waits while typing
        self.library_failure: Exception | None = None
        self._write_failures: set[str] = set()  # refused writes already told (cannot_save)
        self.ready = False  # Textual's Ready: the first frame has been drawn
        self.register_theme(HIGH_CONTRAST)

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's palette entries, without "Keys" (its own help panel lists container
        scroll keys; ``?`` is this app's help), "Maximize" and "Screenshot"."""
        for command in super().get_system_commands(screen):
            if command.title in {"Theme", "Quit"}:
                yield command

    def get_default_screen(self) -> Screen[Any]:
        """The main screen is the first on the stack, not pushed over Textual's own.

        Pushed over an empty default screen (as from ``on_mount``) it cost the first
        frame that screen's compose, mount and styling, and a second styling of every
        widget of the main screen when it was resumed.
        """
        from ossetia_reader.screens.main import MainScreen

        self._apply_settings()  # the theme before the screen's styles are worked out
        return MainScreen()

    def on_ready(self) -> None:
        """The first frame is on the terminal: what it did not need starts now."""
        from ossetia_reader.screens.main import MainScreen

        self.ready = True
        if not gc.isenabled():  # turned off for the start-up (cli/start.py)
            gc.freeze()  # what start-up made lives as long as the app: never scanned again
            gc.enable()
        if isinstance(self.screen, MainScreen):
            self.screen.after_first_frame()

    def start_background_work(self) -> None:
        """Load the search index, then enrich new articles, once the first article shows.

        Both are CPU-heavy; started earlier they would slow the first frame, and run
        side by side they would slow each other, so enrichment waits for search.
        """
        if self._background_started:
            return
        self._background_started = True
        self.load_index(then_enrich=self._enrich and not self.library.read_only)
        if self.library.read_only:  # the CLI said so on stderr, under the app's screen
            self.tell("read-only library: nothing you mark is kept")
        self.start_refresh_timer()
        self.start_library_watch()

    def _apply_settings(self) -> None:
        for theme in (self.remembered("theme"), self.config.theme):
            if isinstance(theme, str) and theme in self.available_themes:
                self.theme = theme
                break
            if theme and theme == self.config.theme:
                self.notify(f"unknown theme {theme!r} in the config", severity="warning")
        if self.config.keys:
            self.set_keymap(self.config.keys)
            self.call_after_refresh(self._check_keymap)
        self.theme_changed_signal.subscribe(self, lambda theme: self._remember_theme(theme.name))

    def _check_keymap(self) -> None:
        """Say which ``[keys]`` ids in config.toml match no binding (after the first frame)."""
        from ossetia_reader.keys import unknown_binding_ids

        unknown = unknown_binding_ids(self.config.keys)
        if unknown:
            self.notify(
                f"config.toml [keys]: no binding has the id {', '.join(unknown)} "
                "(ossetia-reader config lists the ids)",
                severity="warning",
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """A toast whose text is shown as text, whoever calls (screens and widgets end here).

        Messages carry names, paths and servers' error text; as markup, ``[/x]``
        in one crashed the app and ``[@click=…]`` made a live link. ``markup``
        is accepted for Textual's callers and ignored.
        """
        super().notify(
            safe_text(message),
            title=safe_text(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    async def on_event(self, event: events.Event) -> None:
        """Typed text goes straight to the focused search bar, in batches.

        Textual looks up bindings through the whole focus chain for every key
        (~0.1-0.3 ms): a 100 KB paste arriving as key presses (no bracketed
        paste) would take half a minute before Esc was seen. Printable keys
        with the search bar focused skip that; the bar gathers them.
        """
        if isinstance(event, events.Key):
            self._last_key = time.monotonic()  # enrichment holds back while the user types
            bar = self.focused
            gather = getattr(bar, "gather", None)
            if gather is not None:
                if event.is_printable and event.character is not None:
                    gather(event.character)
                    return
                bar.apply_pending()  # type: ignore[union-attr]
            elif isinstance(bar, Input):  # any other field: the people filter, prompts
                from ossetia_reader.widgets import gather as fields

                if event.is_printable and event.character is not None:
                    fields.gather(bar, event.character)
                    return
                fields.apply(bar)
        await super().on_event(event)

    def _handle_exception(self, error: Exception) -> None:
        """A damaged library ends the app with one line and the way out, not a traceback.

        The library is opened before the app starts, but damage inside it only
        shows when a page is read (any worker, any time). The caller (``launch``)
        prints ``library_failure`` after the terminal is restored.
        """
        cause = getattr(error, "error", error)  # a worker's error arrives wrapped
        if isinstance(cause, LibraryWriteError):
            # A full disk or a read-only library: what is stored is intact and can still
            # be read. Ending the app here (it did) lost the reader's place for a star.
            self.cannot_save(cause)
            return
        if isinstance(cause, LibraryError | sqlite3.DatabaseError):
            if self.library_failure is None:
                self.library_failure = cause
            self.exit(return_code=1)
            return
        if isinstance(cause, NoMatches) and self.return_code is not None:
            # A worker's result arrived after quit had begun taking the screen down:
            # there is nothing left to show it in, and nothing is lost by dropping it.
            return
        super()._handle_exception(error)

    def cannot_save(self, error: LibraryWriteError) -> None:
        """Say once (per reason) that the library takes no writes; reading goes on.

        Called from any thread. Each open, star or mark would fail the same way, so one
        toast says it, and the status line keeps it in a few words.
        """
        if threading.get_ident() != self._thread_id:
            self.call_from_thread(self.cannot_save, error)
            return
        reason = str(error)
        if reason not in self._write_failures:
            self._write_failures.add(reason)
            self.notify(
                f"{reason}. Reading goes on; marks, stars and corrections are not kept.",
                title="Cannot save",
                severity="error",
                timeout=10,
                markup=False,
            )
        self.say("not saved: the library takes no writes")

    def _remember_theme(self, name: str) -> None:
        self.remember("theme", name)

    def remembered(self, name: str) -> object:
        """A value kept in state.json from an earlier session (None when there is none)."""
        return load_state(self.state_path).get(name) if self.state_path else None

    @work(thread=True, group="state")
    def remember(self, name: str, value: object) -> None:
        """Keep ``value`` for the next session (theme, recent searches)."""
        if self.state_path is None:
            return
        try:
            state = load_state(self.state_path)
            state[name] = value
            save_state(self.state_path, state)
        except OSError as error:
            self.call_from_thread(
                self.notify, f"cannot save {self.state_path}: {error.strerror}", severity="warning"
            )

    # -- background work -------------------------------------------------------

    @work(thread=True, exclusive=True, group="index")
    def load_index(self, then_enrich: bool = False) -> None:
        """Load the search index off the UI thread; then, if asked, start enrichment."""

        def news(text: str) -> None:
            if "could not" in text:  # the next start would rebuild again: worth a look
                self.call_from_thread(self.notify, text, severity="warning")
            else:
                self.call_from_thread(self.tell, text)

        worker = get_current_worker()
        said: list[bool] = []  # whether "indexing N articles…" is in the status line

        def building(done: int) -> None:
            if done:
                said.append(True)
                self.call_from_thread(self._set_activity, f"indexing {done:,} articles…")

        try:
            self.search.load(
                notify=news,
                progress=building,
                should_stop=lambda: self._quitting or worker.is_cancelled,
            )
        except LoadStopped:
            return
        except Exception as error:  # a broken index must never take the app down
            self.call_from_thread(
                self.notify, f"search index unavailable: {error}", severity="warning"
            )
        if said:
            self.call_from_thread(self._set_activity, "")
        self.feeds.refresh_hidden()
        self.call_from_thread(self._post_to_screens, IndexLoaded())
        if then_enrich:
            self.call_from_thread(self.enrich_in_background)

    @work(thread=True, exclusive=True, group="enrich")
    def enrich_in_background(self) -> None:
        """Find entities and quotes in articles not yet enriched, a batch at a time.

        Resumable: every batch is committed, so a quit loses at most one batch.
        """
        from ossetia_reader.core.enrich.pipeline import enrich_pending

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if total and not self._quitting:
                self.call_from_thread(self._post_to_screens, EnrichmentProgress(done, total))

        try:
            done = enrich_pending(
                self.library,
                progress=progress,
                should_stop=lambda: worker.is_cancelled,
                # Both cores, niced worker processes (the model loads there, not here);
                # small batches so a quit waits for little; none while the user types.
                workers=min(2, os.cpu_count() or 1),
                batch=16,
                should_pause=lambda: time.monotonic() - self._last_key < _TYPING_PAUSE,
            )
            if done and not worker.is_cancelled:
                self.search.load()  # index the names just found (incremental)
                self.call_from_thread(self._post_to_screens, IndexLoaded())  # recount
        except Exception as error:  # enrichment is an extra; reading goes on
            if self._quitting or worker.is_cancelled:
                return  # its workers were ended by the quit (see ``exit``): nothing to say
            self.call_from_thread(self.notify, f"enrichment stopped: {error}", severity="warning")

    def exit(self, result: Any = None, return_code: int = 0, message: Any = None) -> None:
        """Quit at once, even while enrichment's worker processes are busy.

        The enrichment thread waits on its current batch, and the app's end waits on the
        thread: with a model still loading (the Russian one takes seconds on a busy
        machine) ``q`` left an empty terminal and no prompt for 3-10 s at 27,000
        articles. The workers only tag (this process stores), so ending them loses at
        most the batch in flight, which the next start tags again.
        """
        self._quitting = True
        if "multiprocessing" in sys.modules:  # never imported: no workers to end
            import multiprocessing

            for child in multiprocessing.active_children():
                child.terminate()
        super().exit(result, return_code, message)

    def entities_corrected(self, name: str) -> None:
        """After a correction in the entity view: every screen redraws its entities, and
        the search index re-reads the articles naming it (for ``entity:``/``person:``)."""
        self._post_to_screens(EntitiesCorrected(name))
        self.load_index()

    def _post_to_screens(
        self, message: EnrichmentProgress | LibraryChanged | IndexLoaded | EntitiesCorrected
    ) -> None:
        for screen in self.screen_stack:
            screen.post_message(replace(message))  # a message instance goes to one target

    def _library_changed(self, added: int, updated: int) -> None:
        """After an import or a refresh: reload lists, enrich and index what is new."""
        self._post_to_screens(LibraryChanged(added, updated))
        if added or updated:
            self.enrich_in_background()

    # -- feeds and imports -------------------------------------------------------

    def action_refresh_feeds(self) -> None:
        self.refresh_feeds(full_text=False)

    def action_refresh_full(self) -> None:
        self.refresh_feeds(full_text=True)

    # How often the open app looks for feeds due a refresh (config refresh_minutes, per feed).
    refresh_check_seconds: float = 60.0

    def start_refresh_timer(self) -> None:
        """Look for due feeds every minute, in the background (never before the first frame)."""
        self.set_interval(self.refresh_check_seconds, self._refresh_if_due, name="auto-refresh")

    @work(thread=True, group="auto-refresh")
    def _refresh_if_due(self) -> None:
        from ossetia_reader.core.subscriptions import due_feeds

        if any(w.group == "fetch" and w.is_running for w in self.workers):
            return
        if self.library.read_only:
            return
        due = due_feeds(self.library, self.config.refresh_minutes)
        if due:
            self.call_from_thread(self.refresh_feeds, False, due, True)

    # How often the open app looks whether another process (``add``, a cron ``fetch``)
    # stored articles: two reads of indexed rows, in a worker.
    watch_seconds: float = 5.0

    def start_library_watch(self) -> None:
        """Look for other writers every few seconds (never before the first frame)."""
        self._notice_other_writers()  # notes where the library stands now
        self.set_interval(self.watch_seconds, self._watch_tick, name="library-watch")

    def _watch_tick(self) -> None:
        """One look at a time, and none while this app writes articles itself (an import
        or a fetch reports, and reloads, on its own: counted here too, it would show twice)."""
        busy = {"watch", "import", "fetch"}
        if any(w.group in busy and w.is_running for w in self.workers):
            return
        self._notice_other_writers()

    def _library_mark(self) -> tuple[int, int] | None:
        """The change counter and highest key, in one tiny query (None if unreadable).

        A locked, vanished or damaged file makes the look fail quietly: it is
        tried again at the next tick, and damage shows (and ends the app with
        its explanation) where the reader actually reads.
        """
        try:
            rows = self.library.query(
                "SELECT (SELECT version FROM change_counter WHERE id = 1),"
                " (SELECT coalesce(max(key), 0) FROM articles)"
            )
            return int(rows[0][0] or 0), int(rows[0][1] or 0)
        except (LibraryError, sqlite3.Error, IndexError, TypeError, ValueError):
            return None

    def note_own_writes(self) -> None:
        """After this app stored articles (in a worker): they are not another process's."""
        mark = self._library_mark()
        if mark is not None:
            self._seen_version, self._seen_max_key = mark

    @work(thread=True, group="watch")
    def _notice_other_writers(self) -> None:
        """Articles another process stored (a cron ``fetch --quiet``) appear by themselves.

        The change counter (kept by triggers, migration 7) is the cheap test; it
        does not move for read/starred/tags, so the reader's own marks never
        reload the list. Only new rows count: enrichment's updates move the
        counter too, and must not reload the list every few seconds.
        """
        mark = self._library_mark()
        if mark is None:
            return
        version, newest = mark
        seen, known = self._seen_version, self._seen_max_key
        self._seen_version, self._seen_max_key = version, newest
        if seen is None or known is None or version == seen or newest <= known:
            return
        try:
            keys = [
                int(row[0])
                for row in self.library.query("SELECT key FROM articles WHERE key > ?", [known])
            ]
            if self.search.index is not None:
                self.search.load()  # catch up, so saved searches count them too
                self.feeds.refresh_hidden()  # and filters hide the new ones they match
            found = self.feeds.new_in_saved(keys) if self.search.index is not None else []
        except (LibraryError, sqlite3.Error):
            return
        if not keys:
            return
        shown = len(self.feeds.visible(keys))  # those of hidden feeds are not news
        news = f"{shown:,} new article{'' if shown == 1 else 's'}"
        if found:
            news += ": " + ", ".join(f"{n} in {name}" for name, n in found[:4])
        if shown:
            self.call_from_thread(self.tell, news)
        self.call_from_thread(self._post_to_screens, LibraryChanged(len(keys), 0))
        if not self.library.read_only and not any(
            w.group == "enrich" and w.is_running for w in self.workers
        ):
            self.call_from_thread(self.enrich_in_background)

    @work(thread=True, exclusive=True, group="fetch")
    def refresh_feeds(
        self, full_text: bool = False, urls: list[str] | None = None, automatic: bool = False
    ) -> None:
        """Fetch every subscribed feed (or ``urls``), showing progress; new articles appear
        at once, the index catches up, and the status line says which saved searches got them.
        """
        from ossetia_reader.core.fetch import FeedProgress, fetch_all
        from ossetia_reader.core.subscriptions import list_feeds

        if not list_feeds(self.library):
            self.call_from_thread(
                self.notify,
                "No feeds yet. Press Ctrl+P and choose “Subscribe to a feed…”, "
                "or run: ossetia-reader feeds add URL",
                title="Nothing to refresh",
                severity="warning",
            )
            return
        worker = get_current_worker()
        finished: set[str] = set()

        def progress(event: FeedProgress) -> None:
            if event.state.finished:
                finished.add(event.url)
            total = len(urls) if urls is not None else len(list_feeds(self.library))
            self.call_from_thread(
                self._set_activity,
                f"refreshing {len(finished)}/{total} feeds: {event.name[:30]}",
            )

        summary = fetch_all(
            self.library,
            full_text=full_text,
            progress=progress,
            should_stop=lambda: worker.is_cancelled,
            urls=urls,
        )
        self.call_from_thread(self._set_activity, "")
        feeds = plural(len(summary.results), "feed")
        report = f"{summary.added} new, {summary.updated} updated from {feeds}"
        self._stored_here(
            summary.added,
            summary.updated,
            summary.keys,
            ("auto-refresh: " if automatic else "") + report,
            _failures(summary.results),
        )

    def tell(self, text: str) -> None:
        """Background news for the status line (a toast is for what needs attention)."""
        for bar in self._status_bars():
            bar.tell(text)

    def _status_bars(self) -> Iterator[StatusBar]:
        """The status line of every screen on the stack (each screen has its own)."""
        from ossetia_reader.widgets.status_bar import StatusBar

        for screen in self.screen_stack:
            yield from screen.query(StatusBar)

    def _set_activity(self, text: str) -> None:
        from ossetia_reader.widgets.status_bar import StatusBar

        for bar in self.screen.query(StatusBar):
            bar.activity = text

    def action_add_articles(self) -> None:
        from ossetia_reader.screens.prompt import PromptScreen

        def chosen(source: str | None) -> None:
            if source:
                self.import_sources([source])

        self.push_screen(
            PromptScreen("Add articles from a file, folder or URL:", "~/news/feed.xml"), chosen
        )

    @work(thread=True, group="import")
    def import_sources(self, sources: list[str]) -> None:
        """Import files, folders or URLs, then say what happened."""
        from ossetia_reader.core.importer import Status, import_paths

        expanded = [str(Path(s).expanduser()) if "://" not in s else s for s in sources]
        # Said while it works (17,000 Reuters articles take seconds), and the first-run
        # hint gives way: at 80 columns it hid both this and the report after it.
        self.call_from_thread(self._hint_done)
        names = ", ".join(Path(s).name or s for s in sources)
        self.call_from_thread(self._set_activity, f"adding {names[:40]}…")
        worker = get_current_worker()
        # q stops it between batches (what is stored stays): the app's end waits for this
        # thread, and a 100,000-article file kept a blank terminal for ~10 s after q.
        reports = import_paths(
            self.library, expanded, should_stop=lambda: self._quitting or worker.is_cancelled
        )
        if self._quitting:
            return
        self.call_from_thread(self._set_activity, "")
        added = sum(r.added for r in reports)
        updated = sum(r.updated for r in reports)
        failed = [r for r in reports if r.status is Status.FAILED]
        files = plural(len(reports), "source")
        self._stored_here(
            added,
            updated,
            [key for r in reports for key in r.keys],
            f"{added:,} added, {updated:,} updated from {files}",
            f"; {len(failed)} failed: {failed[0].reason}" if failed else "",
        )

    def _stored_here(
        self, added: int, updated: int, keys: Sequence[int], report: str, failures: str
    ) -> None:
        """After this app stored articles (an import or a fetch, in its worker).

        The index catches up at once, so saved searches count the new articles
        (the report says which got some) and filters hide what they match; the
        writes are noted as this app's own, so the library watch does not
        announce them a second time; then the screens reload and enrichment
        starts. ``failures`` (empty when none) turns the report into a warning.
        """
        if (added or updated) and self.search.index is not None:
            self.search.load()  # incremental
            self.feeds.refresh_hidden()
            found = self.feeds.new_in_saved(list(keys))
            if found:
                report += ": " + ", ".join(f"{n} in {name}" for name, n in found[:4])
        if failures:
            self.call_from_thread(self.notify, report + failures, severity="warning")
        else:
            self.call_from_thread(self.tell, report)
        self.note_own_writes()
        self.call_from_thread(self._library_changed, added, updated)

    def action_entity_corrections(self) -> None:
        """The reader's entity corrections, newest first; Enter undoes the chosen one."""
        from rich.text import Text

        from ossetia_reader.core.enrich import corrections
        from ossetia_reader.screens.choose import ChoiceScreen

        def listed(_: str) -> list[tuple[str, Text]]:
            return [
                (c.name, Text(safe_text(c.describe()), no_wrap=True, overflow="ellipsis"))
                for c in corrections.listed(self.library)
            ]

        def chosen(name: str | None) -> None:
            if name:
                self.undo_correction(name)

        self.push_screen(
            ChoiceScreen(
                "Your entity corrections (Enter undoes one)",
                listed,
                empty="No corrections yet: make them in an entity view (t, m, x).",
            ),
            chosen,
        )

    @work(thread=True, group="corrections")
    def undo_correction(self, name: str) -> None:
        from ossetia_reader.core.enrich import corrections
        from ossetia_reader.core.library import LibraryError

        try:
            removed = corrections.remove(self.library, name)
        except LibraryError as error:
            self.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        if removed is not None:
            self.call_from_thread(self.notify, f"undone: {removed.describe()}", markup=False)
            self.call_from_thread(self.entities_corrected, name)

    def action_subscribe(self) -> None:
        from ossetia_reader.screens.prompt import PromptScreen

        def chosen(url: str | None) -> None:
            if url:
                self.subscribe(url)

        self.push_screen(PromptScreen("Subscribe to a feed (URL or file):", "https://…"), chosen)

    @work(thread=True, group="import")
    def subscribe(self, url: str) -> None:
        """Add a feed and fetch it straight away."""
        from ossetia_reader.core.subscriptions import SubscriptionError, add_feed

        try:
            feed = add_feed(self.library, url)
        except SubscriptionError as error:
            self.call_from_thread(self.notify, str(error), severity="error")
            return
        self.call_from_thread(self.tell, f"subscribed to {feed.url}")
        self.call_from_thread(self._hint_done)
        self.call_from_thread(self.refresh_feeds)

    def _hint_done(self) -> None:
        """The reader subscribed or is adding articles: the main screen's first-run hint
        ("No feeds yet: …") has done its work and goes."""
        from ossetia_reader.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.drop_first_run_hint()

    # -- navigation ----------------------------------------------------------------

    async def run_command(self, action: str) -> None:
        """Run a command-palette entry: an app action, or one of the main screen's."""
        from ossetia_reader.screens.main import MainScreen

        if action.startswith("app."):
            await self.run_action(action.removeprefix("app."))
            return
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                await self.run_action(action, screen)

    def show_source(self, source: str) -> None:
        """List only the articles of one publisher."""
        from ossetia_reader.screens.main import MainScreen

        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.show_source(source)

    def open_item(self, article: Article, item: Item) -> None:
        """Enter on an entity or quote in the reading pane: open its entity view.

        Enter on a link opens it in the browser (web addresses only).
        """
        if item.kind == "link":
            from ossetia_reader.render import link_url

            url = link_url(article, item.index)
            if url.lower().startswith(("http://", "https://")):
                self.open_in_browser(url)
            else:
                self.say(f"not a web address: {url}")
            return
        if item.kind == "entity":
            entity = article.entities[item.index]
            self.open_entity(entity.canonical, entity.type)
            return
        speaker = article.quotes[item.index].speaker
        if speaker:
            self.open_entity(speaker, "PER")
        else:
            self.tell("this quote has no speaker")

    def open_in_browser(self, url: str) -> None:
        """Open ``url`` in the reader's browser and say in the status line what came of it.

        Over SSH there is mostly no browser: ``webbrowser.open`` returned False and the
        status line said "opening …" for nothing. A terminal browser (``$BROWSER=w3m``,
        lynx) needs the terminal: the app steps aside while it runs, as mutt does for an
        editor; run under the app it drew over the screen and took the app's keys. A
        graphical browser starts from a worker, so a slow start does not hold the keys.
        """
        import webbrowser

        try:
            browser = webbrowser.get()
        except webbrowser.Error:
            self.say("no web browser here: y copies the address (also over SSH)")
            return
        in_terminal = isinstance(browser, webbrowser.GenericBrowser) and not isinstance(
            browser, webbrowser.BackgroundBrowser
        )
        if not in_terminal:
            self._open_in_background(browser, url)
            return
        from textual.app import SuspendNotSupported

        try:
            with self.suspend():
                opened = browser.open(url)
        except SuspendNotSupported:
            self.say("no terminal to lend the browser here: y copies the address")
            return
        name = Path(str(browser.name or "the browser").split()[0]).name
        self.say(f"back from {name}" if opened else f"{name} could not open {url}")

    @work(thread=True, group="browser")
    def _open_in_background(self, browser: Any, url: str) -> None:
        opened = browser.open(url)
        said = f"opened {url}" if opened else f"the browser did not open {url}: y copies it"
        self.call_from_thread(self.say, said)

    def say(self, text: str) -> None:
        """What came of the reader's own action, in the status line of every screen that has one."""
        for bar in self._status_bars():
            bar.message = text

    def open_entity(self, name: str, type_: str | None) -> None:
        """Show everything the library holds about ``name``."""
        from ossetia_reader.screens.entity import EntityScreen

        self.push_screen(EntityScreen(name, type_), self._open_key)

    def open_people(self) -> None:
        """The library-wide people and speakers screen."""
        from ossetia_reader.screens.people import PeopleScreen

        self.push_screen(PeopleScreen(), self._open_key)

    def _open_key(self, landing: Landing | None) -> None:
        from ossetia_reader.screens.main import MainScreen

        if landing is None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.show_article(landing.key, landing=landing)


def _failures(results: Sequence[FeedResult]) -> str:
    """``; 1 failed: Name: why`` for the refresh report (empty when none failed).

    "1 failed" alone left the reader guessing which feed and why (a typo in the
    address, no network, not a feed at all).
    """
    from ossetia_reader.core.fetch import FeedState

    failed = [r for r in results if r.state is FeedState.FAILED]
    if not failed:
        return ""
    first = failed[0]
    why = f": {first.name}: {first.error}" if first.error else f": {first.name}"
    more = f" (and {len(failed) - 1} more: F shows the feeds)" if len(failed) > 1 else ""
    return f"; {len(failed)} failed{why}{more}"
