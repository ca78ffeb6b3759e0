"""The entity view: every article mentioning someone (or something), and their quotes.

Opened with Enter on an entity or a quote in the reading pane, or from the
people screen. Enter on a row answers with that article's key; the main
screen then opens it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.render import ENTITY_NAMES

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader


class EntityScreen(Screen[int | None]):
    """Articles that mention one entity, newest first, then the quotes it spoke."""

    HELP_TITLE = "Entity view"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Back", id="entity.back"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    DEFAULT_CSS = """
    EntityScreen #entity-header {
        height: auto;
        padding: 0 1;
        background: $panel;
    }
    EntityScreen > Vertical {
        height: 1fr;
    }
    EntityScreen OptionList {
        height: 1fr;
        max-height: 100%;
        border: none;
        border-top: solid $panel-lighten-2;
        border-title-color: $text;
    }
    EntityScreen OptionList:focus {
        border: none;
        border-top: solid $primary;
    }
    """

    def __init__(self, name: str, type_: str | None) -> None:
        super().__init__()
        self.entity_name = name
        self.entity_type = type_

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="entity-header")
        with Vertical():
            yield OptionList(id="mentions")
            yield OptionList(id="quotes")
        yield Footer()

    def _header(self, detail: str = "loading…") -> Text:
        text = Text()
        text.append(safe_line(self.entity_name), "bold")
        if self.entity_type:
            text.append(f"  {ENTITY_NAMES.get(self.entity_type, self.entity_type)}", "italic")
        text.append(f"  {detail}", "dim")
        return text

    def on_mount(self) -> None:
        self.query_one("#mentions", OptionList).border_title = "Articles mentioning"
        self.query_one("#quotes", OptionList).border_title = "Quotes"
        self.query_one("#mentions", OptionList).focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        """Query the library's mention and quote tables off the UI thread."""
        from ossetia_reader.core.enrich.store import articles_mentioning, quotes_by

        reader: OssetiaReader = self.app  # type: ignore[assignment]
        library = reader.library
        mentions = articles_mentioning(library, self.entity_name)
        quotes = quotes_by(library, self.entity_name)
        keys = [key for key, _ in mentions] + [q.key for q in quotes]
        titles = {s.key: s for s in library.summaries(list(dict.fromkeys(keys)))}
        mention_options = []
        for key, sentence in mentions:
            summary = titles.get(key)
            if summary is None:
                continue
            prompt = Text()
            prompt.append(summary.date.isoformat() if summary.date else "undated", "dim")
            prompt.append("  ")
            prompt.append(safe_line(summary.title), "bold")
            prompt.append("\n  ")
            prompt.append(safe_line(sentence))
            mention_options.append(Option(prompt, id=f"m{key}"))
        quote_options = []
        for index, quote in enumerate(quotes):
            summary = titles.get(quote.key)
            prompt = Text()
            prompt.append(safe_line(quote.text), "italic")
            prompt.append(f"\n  {quote.cue or 'said'} — ", "dim")
            prompt.append(safe_line(summary.title) if summary else "", "dim")
            quote_options.append(Option(prompt, id=f"q{index}:{quote.key}"))
        detail = f"{len(mention_options)} articles · {len(quote_options)} quotes"
        self.app.call_from_thread(self._loaded, mention_options, quote_options, detail)

    def _loaded(self, mentions: list[Option], quotes: list[Option], detail: str) -> None:
        self.query_one("#entity-header", Static).update(self._header(detail))
        mention_list = self.query_one("#mentions", OptionList)
        quote_list = self.query_one("#quotes", OptionList)
        mention_list.add_options(mentions or [Option("No articles mention this.", disabled=True)])
        quote_list.add_options(quotes or [Option("No quotes by this name.", disabled=True)])
        mention_list.highlighted = 0 if mentions else None
        if not mentions and quotes:
            quote_list.focus()
            quote_list.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        key = option_id.rsplit(":", 1)[-1].lstrip("m")
        if key.isdigit():
            self.dismiss(int(key))

    def _focused_list(self) -> OptionList | None:
        return self.focused if isinstance(self.focused, OptionList) else None

    def action_cursor_down(self) -> None:
        if option_list := self._focused_list():
            option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        if option_list := self._focused_list():
            option_list.action_cursor_up()
