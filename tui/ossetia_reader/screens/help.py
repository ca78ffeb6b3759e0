"""The ``?`` screen: every key binding, generated from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ossetia_reader.keys import binding_sections, display_key

QUERY_HELP = [
    ("peskov kremlin", "both words (AND)"),
    ("peskov OR bibilov", "either word"),
    ("-georgia  NOT georgia", "without the word"),
    ('"south ossetia"', "exact phrase"),
    ("refer*", "prefix (the word being typed is a prefix too)"),
    ("title:referendum  source:moscow", "in one field"),
    ("person:peskov  place:  org:  entity:", "by named entity"),
    ("after:2022-03-01 before:2022-04 date:2022-03", "by date"),
    ("(a OR b) c", "grouping"),
]


class HelpScreen(ModalScreen[None]):
    """Keys by context, and the search syntax."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.dismiss"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 90%;
        max-width: 96;
        height: 90%;
        border: round $primary;
        border-title-style: bold;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.sections = sections

    @classmethod
    def for_screen(cls, screen: object) -> HelpScreen:
        """Build the help for ``screen`` from the bindings of it and its widgets."""
        return cls(binding_sections(screen))

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys — Esc or ? to close"
            scroll.can_focus = True
            yield Static(self._render_keys())

    def _render_keys(self) -> Table:
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column()
        for title, bindings in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            for binding in bindings:
                table.add_row(Text(display_key(binding.key)), Text(binding.description))
            table.add_row("", "")
        table.add_row(Text("Search syntax", style="bold underline"), "")
        for example, meaning in QUERY_HELP:
            table.add_row(Text(example), Text(meaning))
        return table

    def action_scroll(self, direction: str) -> None:
        scroll = self.query_one(VerticalScroll)
        if direction == "down":
            scroll.scroll_down()
        else:
            scroll.scroll_up()
