"""The people screen: who the library talks about most, and who it quotes most."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList
from textual.widgets.option_list import Option

from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.render import ENTITY_NAMES

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader


class PeopleScreen(Screen[tuple[str, str | None] | None]):
    """Most-mentioned entities and most-quoted speakers, filtered as you type."""

    HELP_TITLE = "People"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Back", id="people.back"),
    ]

    DEFAULT_CSS = """
    PeopleScreen Input {
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    PeopleScreen OptionList {
        width: 1fr;
        height: 1fr;
        border: none;
        border-top: solid $panel-lighten-2;
    }
    PeopleScreen OptionList:focus {
        border: none;
        border-top: solid $primary;
    }
    """

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter names…", id="people-filter")
        with Horizontal():
            yield OptionList(id="entities")
            yield OptionList(id="speakers")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#entities", OptionList).border_title = "Most mentioned"
        self.query_one("#speakers", OptionList).border_title = "Most quoted"
        self.query_one("#entities", OptionList).focus()
        self.load("")

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.load(event.value)

    @on(Input.Submitted, "#people-filter")
    def _to_list(self) -> None:
        self.query_one("#entities", OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        """Typing a letter on a list goes to the filter (j/k still move the list)."""
        filter_input = self.query_one("#people-filter", Input)
        character = event.character
        if filter_input.has_focus or not character or not character.isalpha() or character in "jk":
            return
        event.stop()
        filter_input.focus()
        filter_input.insert_text_at_cursor(character)

    @work(thread=True, exclusive=True)
    def load(self, match: str) -> None:
        """Read the library-wide counts off the UI thread."""
        from ossetia_reader.core.enrich.store import entity_counts, speaker_counts

        reader: OssetiaReader = self.app  # type: ignore[assignment]
        entities = entity_counts(reader.library, limit=200, match=match)
        speakers = speaker_counts(reader.library, limit=200, match=match)
        entity_options = [
            Option(
                Text.assemble(
                    (safe_line(e.name), "bold"),
                    f"  {ENTITY_NAMES.get(e.type, e.type)}",
                    (f"  {e.mentions} mentions in {e.articles} articles", "dim"),
                ),
                id=f"e\t{e.type}\t{e.name}",
            )
            for e in entities
        ]
        speaker_options = [
            Option(
                Text.assemble(
                    (safe_line(s.name), "bold"),
                    (f"  {s.quotes} quotes in {s.articles} articles", "dim"),
                ),
                id=f"s\tPER\t{s.name}",
            )
            for s in speakers
        ]
        self.app.call_from_thread(self._loaded, entity_options, speaker_options)

    def _loaded(self, entities: list[Option], speakers: list[Option]) -> None:
        for list_id, options in (("#entities", entities), ("#speakers", speakers)):
            option_list = self.query_one(list_id, OptionList)
            option_list.clear_options()
            option_list.add_options(options or [Option("Nobody yet.", disabled=True)])
            option_list.highlighted = 0 if options else None

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        parts = (event.option.id or "").split("\t")
        if len(parts) == 3:
            self.dismiss((parts[2], parts[1]))
