"""The link list (``u``): every address in the open article, numbered, to open or copy.

Links inside an article ("Related article: …", links in feed items) have no
other way to be reached from the keyboard; as in newsboat's URL view, a number
picks one, Enter or ``o`` opens it in the browser and ``y`` copies it (OSC 52,
so it works over SSH too).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ossetia_reader.render import LinkEntry, middle_cut
from ossetia_reader.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader


class Address:
    """An address on one line, cut in the middle to the width it is given.

    Links to one site share their beginning; cut at the end, two of them looked the same.
    """

    def __init__(self, url: str, style: str) -> None:
        self.url = url
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield Text("   " + middle_cut(self.url, options.max_width - 3), self.style, no_wrap=True)


class LinksScreen(ModalScreen[str | None]):
    """A numbered list of the article's links; answers what it did, for the status line."""

    HELP_TITLE = "Link list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,o", "open", "Open", tooltip="Open the link in a browser", id="links.open"),
        Binding("y", "copy", "Copy", tooltip="Copy the address (OSC 52)", id="links.copy"),
        Binding("j", "cursor('down')", "Down", show=False, id="links.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="links.up"),
        Binding("escape,q,u", "dismiss(None)", "Close", id="links.close"),
        *(
            Binding(str(n), f"pick({n})", f"Link {n}", show=False, id=f"links.pick{n}")
            for n in range(1, 10)
        ),
    ]

    DEFAULT_CSS = """
    LinksScreen {
        align: center middle;
    }
    LinksScreen > Vertical {
        width: 100%;
        max-width: 110;
        height: auto;
        max-height: 90%;
        border: round $primary;
        border-title-style: bold;
        background: $surface;
    }
    LinksScreen OptionList, LinksScreen OptionList:focus {
        height: auto;
        max-height: 20;
        border: none;
        padding: 0;
        background: $surface;
    }
    LinksScreen KeyBar {
        dock: bottom;
    }
    LinksScreen #links-empty {
        padding: 1 2;
        color: $text-muted;
    }
    """

    def __init__(self, entries: list[LinkEntry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = f"Links ({len(self.entries)})"
            if self.entries:
                yield OptionList(*self._options(), id="links")
            else:
                yield Static("This article has no links.  Esc: back", id="links-empty")
        yield KeyBar(id="keys")

    def on_mount(self) -> None:
        self.query_one(KeyBar).show_keys(
            ("links.open", "links.copy", "links.close"), (), typing=False
        )

    def _options(self) -> list[Option]:
        options = []
        for number, entry in enumerate(self.entries, start=1):
            label = Text(no_wrap=True, overflow="ellipsis")
            label.append(f"{number:>2} ", "bold")
            label.append(entry.label)
            url = Address(entry.url, "dim" if entry.openable else "dim italic")
            options.append(Option(Group(label, url)))
        return options

    @property
    def chosen(self) -> LinkEntry | None:
        """The entry under the cursor."""
        if not self.entries:
            return None
        index = self.query_one(OptionList).highlighted
        return self.entries[index] if index is not None else None

    def action_cursor(self, direction: str) -> None:
        options = self.query_one(OptionList)
        if direction == "down":
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_pick(self, number: int) -> None:
        if 1 <= number <= len(self.entries):
            self.query_one(OptionList).highlighted = number - 1

    @on(OptionList.OptionSelected)
    def _selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        entry = self.chosen
        if entry is None:
            return
        if not entry.openable:
            self.notify(f"not a web address: {entry.url}", severity="warning")
            return
        self.dismiss(None)
        cast("OssetiaReader", self.app).open_in_browser(entry.url)

    def action_copy(self) -> None:
        entry = self.chosen
        if entry is not None:
            self.app.copy_to_clipboard(entry.url)
            self.dismiss(f"copied {entry.url} (OSC 52)")
