"""The Textual app: wires the library, search and enrichment into the screens."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import get_current_worker

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import Library
from ossetia_reader.messages import EnrichmentProgress
from ossetia_reader.render import Item
from ossetia_reader.search_service import SearchService


class OssetiaReader(App[None]):
    """A keyboard-first reader for a library of stored news articles."""

    TITLE = "ossetia-reader"
    CSS_PATH = "app.tcss"
    HELP_TITLE = "App"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
    ]

    def __init__(self, library: Library, *, reading_width: int = 88, enrich: bool = True) -> None:
        super().__init__()
        self.library = library
        self.reading_width = reading_width
        self.search = SearchService(library)
        self._enrich = enrich

    def on_mount(self) -> None:
        from ossetia_reader.screens.main import MainScreen

        self.push_screen(MainScreen())
        self.load_index()
        if self._enrich and not self.library.read_only:
            self.enrich_in_background()

    @work(thread=True, exclusive=True, group="index")
    def load_index(self) -> None:
        """Load the search index after the first frame; never blocks the UI."""
        try:
            self.search.load(notify=lambda text: self.call_from_thread(self.notify, text))
        except Exception as error:  # a broken index must never take the app down
            self.call_from_thread(
                self.notify, f"search index unavailable: {error}", severity="warning"
            )

    @work(thread=True, exclusive=True, group="enrich")
    def enrich_in_background(self) -> None:
        """Find entities and quotes in articles not yet enriched, a batch at a time.

        Resumable: every batch is committed, so a quit loses at most one batch.
        """
        from ossetia_reader.core.enrich.pipeline import enrich_pending

        worker = get_current_worker()

        def progress(done: int, total: int) -> None:
            if total:
                self.call_from_thread(self._post_to_screens, EnrichmentProgress(done, total))

        try:
            done = enrich_pending(
                self.library, progress=progress, should_stop=lambda: worker.is_cancelled
            )
            if done and not worker.is_cancelled:
                self.search.load()  # index the names just found (incremental)
        except Exception as error:  # enrichment is an extra; reading goes on
            self.call_from_thread(self.notify, f"enrichment stopped: {error}", severity="warning")

    def _post_to_screens(self, message: EnrichmentProgress) -> None:
        for screen in self.screen_stack:
            screen.post_message(EnrichmentProgress(message.done, message.total))

    def open_item(self, article: Article, item: Item) -> None:
        """Enter on an entity or quote in the reading pane: open its entity view."""
        if item.kind == "entity":
            entity = article.entities[item.index]
            self.open_entity(entity.canonical, entity.type)
            return
        speaker = article.quotes[item.index].speaker
        if speaker:
            self.open_entity(speaker, "PER")
        else:
            self.notify("this quote has no speaker")

    def open_entity(self, name: str, type_: str | None) -> None:
        """Show everything the library holds about ``name``."""
        from ossetia_reader.screens.entity import EntityScreen

        self.push_screen(EntityScreen(name, type_), self._open_key)

    def open_people(self) -> None:
        """The library-wide people and speakers screen."""
        from ossetia_reader.screens.people import PeopleScreen

        def chosen(choice: tuple[str, str | None] | None) -> None:
            if choice is not None:
                self.open_entity(*choice)

        self.push_screen(PeopleScreen(), chosen)

    def _open_key(self, key: int | None) -> None:
        from ossetia_reader.screens.main import MainScreen

        if key is None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                screen.show_article(key)
