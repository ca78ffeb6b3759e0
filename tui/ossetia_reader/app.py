"""The Textual app: wires the library and search into the main screen."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import Library
from ossetia_reader.render import Item
from ossetia_reader.search_service import SearchService


class OssetiaReader(App[None]):
    """A keyboard-first reader for a library of stored news articles."""

    TITLE = "ossetia-reader"
    CSS_PATH = "app.tcss"
    HELP_TITLE = "App"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("ctrl+p", "command_palette", "Commands", show=False, id="app.commands"),
    ]

    def __init__(self, library: Library, *, reading_width: int = 88) -> None:
        super().__init__()
        self.library = library
        self.reading_width = reading_width
        self.search = SearchService(library)

    def on_mount(self) -> None:
        from ossetia_reader.screens.main import MainScreen

        self.push_screen(MainScreen())
        self.load_index()

    @work(thread=True, exclusive=True, group="index")
    def load_index(self) -> None:
        """Load the search index after the first frame; never blocks the UI."""
        try:
            self.search.load(notify=lambda text: self.call_from_thread(self.notify, text))
        except ImportError:
            return
        except Exception as error:
            self.call_from_thread(
                self.notify, f"search index unavailable: {error}", severity="warning"
            )

    def open_item(self, article: Article, item: Item) -> None:
        """Enter on an entity or quote in the reading pane."""
        if item.kind == "entity":
            name = article.entities[item.index].canonical
        else:
            name = article.quotes[item.index].speaker or "unattributed"
        self.notify(f"{name}: entity view not available yet")
