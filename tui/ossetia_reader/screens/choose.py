"""Pick one of a list, optionally filtered as you type: an entity's new type, a merge target.

The choices come from ``load(filter_text)``, run in a worker (a merge target
is looked up in the library); the screen answers the chosen id, or None on Esc.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

Choices = list[tuple[str, Text]]  # (id answered, what the row shows)


class ChoiceScreen(ModalScreen[str | None]):
    """A titled list in a box; with ``filterable``, a filter line above it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="choose.cancel"),
    ]

    DEFAULT_CSS = """
    ChoiceScreen {
        align: center middle;
    }
    ChoiceScreen > Vertical {
        width: 80%;
        max-width: 70;
        height: auto;
        max-height: 80%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ChoiceScreen Input, ChoiceScreen Input:focus {
        border: none;
        padding: 0 1;
        height: 1;
        background: $boost;
    }
    ChoiceScreen OptionList, ChoiceScreen OptionList:focus {
        border: none;
        height: auto;
        max-height: 16;
        padding: 0;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(
        self,
        title: str,
        load: Callable[[str], Choices],
        *,
        filterable: bool = False,
        empty: str = "Nothing to choose.",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.loader = load
        self.filterable = filterable
        self.empty = empty
        self._generation = 0

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(self.title_text, style="bold"))
            if self.filterable:
                yield Input(placeholder="type to filter…", id="choose-filter")
            yield OptionList(id="choose-list")

    def on_mount(self) -> None:
        # In the border, where a long list cannot push it off a 24-row screen (as a line
        # under the list, it was cut off whenever the list filled the box).
        self.query_one(Vertical).border_subtitle = "Enter choose · Esc cancel"
        if self.filterable:
            self.query_one("#choose-filter", Input).focus()
        else:
            self.query_one("#choose-list", OptionList).focus()
        self.fill("")

    @on(Input.Changed, "#choose-filter")
    def _filter(self, event: Input.Changed) -> None:
        self.fill(event.value)

    @on(Input.Submitted, "#choose-filter")
    def _take_first(self) -> None:
        """Enter in the filter takes the highlighted (at first the top) row."""
        option_list = self.query_one("#choose-list", OptionList)
        if option_list.highlighted is not None:
            option = option_list.get_option_at_index(option_list.highlighted)
            if not option.disabled:
                self.dismiss(option.id)

    def on_key(self, event: events.Key) -> None:
        """↑/↓ in the filter move the list, so the filter keeps the keyboard."""
        if self.filterable and event.key in ("down", "up"):
            option_list = self.query_one("#choose-list", OptionList)
            if option_list.has_focus:
                return
            event.stop()
            if event.key == "down":
                option_list.action_cursor_down()
            else:
                option_list.action_cursor_up()

    def fill(self, text: str) -> None:
        """Show the choices for ``text``; an answer overtaken by newer typing is dropped."""
        self._generation += 1
        self._read(text, self._generation)

    @work(thread=True, exclusive=True)
    def _read(self, text: str, generation: int) -> None:
        choices = self.loader(text)
        self.app.call_from_thread(self._filled, choices, generation)

    def _filled(self, choices: Choices, generation: int) -> None:
        if generation != self._generation:
            return
        option_list = self.query_one("#choose-list", OptionList)
        option_list.clear_options()
        if not choices:
            option_list.add_option(Option(Text(self.empty, style="dim"), disabled=True))
            return
        option_list.add_options([Option(prompt, id=key) for key, prompt in choices])
        option_list.highlighted = 0

    @on(OptionList.OptionSelected, "#choose-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
