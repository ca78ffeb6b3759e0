"""The ``?`` screen: a cheat sheet generated from the bindings themselves.

Only this app's own bindings are listed (Textual's built-in scrolling keys of
containers are not what a reader looks for), section by section in the order
a reader meets them, each key spelled the same way as in the footer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from ossetia_reader.keys import as_bindings, bound_keys, display_key, help_text

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

PACKAGE = "ossetia_reader"


@dataclass(frozen=True)
class KeyLine:
    """One line of the cheat sheet: keys as shown, and what they do."""

    keys: str
    text: str


def binding_sections(
    screen: DOMNode, keymap: Mapping[str, str] | None = None
) -> list[tuple[str, list[KeyLine]]]:
    """The app's own bindings on ``screen``, by section (app and screen share "Anywhere").

    A class's section holds only the bindings it declares itself, so bindings a
    widget inherits from Textual (a container's scroll keys) stay out.
    """
    sections: dict[str, list[KeyLine]] = {}
    seen: set[type] = set()
    nodes: list[DOMNode] = [screen, screen.app, *screen.query("*")]
    for node in nodes:
        for cls in type(node).__mro__:
            if cls in seen or not cls.__module__.startswith(PACKAGE):
                continue
            seen.add(cls)
            declared = as_bindings(cls.__dict__.get("BINDINGS", []))
            lines = [
                KeyLine(display_key(bound_keys(b, keymap)), help_text(b))
                for b in declared
                if b.description and not b.system
            ]
            if lines:
                title = str(cls.__dict__.get("HELP_TITLE", "Anywhere"))
                sections.setdefault(title, []).extend(lines)
    return list(sections.items())


class HelpScreen(ModalScreen[None]):
    """Keys by context, and the search syntax."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.dismiss"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False, id="help.down"),
        Binding("k,up", "scroll('up')", "Scroll up", show=False, id="help.up"),
        Binding("space,pagedown", "scroll('page_down')", "Page down", id="help.page_down"),
        Binding("b,pageup", "scroll('page_up')", "Page up", id="help.page_up"),
        Binding("g,home", "scroll('home')", "Top", id="help.top"),
        Binding("G,end", "scroll('end')", "Bottom", id="help.bottom"),
    ]

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
    }
    HelpScreen > VerticalScroll {
        width: 100%;
        max-width: 100;
        height: 100%;
        max-height: 48;
        border: round $primary;
        border-title-style: bold;
        border-subtitle-style: none;
        background: $surface;
        padding: 0 1;
    }
    """

    def __init__(self, sections: list[tuple[str, list[KeyLine]]]) -> None:
        super().__init__()
        self.sections = sections

    @classmethod
    def for_screen(cls, screen: DOMNode, keymap: Mapping[str, str] | None = None) -> HelpScreen:
        """Build the help for ``screen`` from the bindings of it and its widgets."""
        return cls(binding_sections(screen, keymap))

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Esc close · j/k scroll · g top"
            scroll.can_focus = True
            yield Static(self._render_keys())

    def _render_keys(self) -> RenderableType:
        """One grid for every section, so the key column lines up all the way down."""
        table = Table.grid(padding=(0, 2), pad_edge=False)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for title, lines in self.sections:
            table.add_row(Text(title, style="bold underline"), "")
            for line in lines:
                table.add_row(Text(line.keys, style="bold"), Text(line.text))
            table.add_row("", "")
        syntax = Table.grid(padding=(0, 2), pad_edge=False)
        syntax.add_column(no_wrap=True)
        syntax.add_column(ratio=1)
        syntax.add_row(Text("Search syntax", style="bold underline"), "")
        for example, meaning in QUERY_HELP:
            syntax.add_row(Text(example, style="italic"), Text(meaning))
        return Group(table, syntax)

    def action_scroll(self, where: str) -> None:
        scroll = self.query_one(VerticalScroll)
        moves = {
            "down": scroll.scroll_down,
            "up": scroll.scroll_up,
            "page_down": scroll.scroll_page_down,
            "page_up": scroll.scroll_page_up,
        }
        if where == "home":
            scroll.scroll_home(animate=False)
        elif where == "end":
            scroll.scroll_end(animate=False)
        else:
            moves[where](animate=False)
