"""The feeds pane: All / Unread / Starred, saved searches, feeds by tag, with unread counts.

The pane only shows what it is handed (``show_counts``, computed by the screen in a
worker from ``core.feedlist``) and says what the reader chose (messages up): it
never touches the library itself, so drawing it costs nothing before the first frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ossetia_reader.core.feedlist import Counts, Entry, View, ViewKind
from ossetia_reader.core.sanitize import safe_line

FEEDS_PANE_WIDTH = 28


class FeedsPane(OptionList):
    """Where the article list's articles come from; Enter shows an entry's articles."""

    HELP_TITLE = "Feeds pane"

    BINDINGS: ClassVar[list[BindingType]] = [
        # The arrows, Home and End too (OptionList has them): help lists the keys as the
        # article list's do ("j ↓ Down"), not j and k alone.
        Binding("j,down", "cursor_down", "Down", show=False, id="feeds.down"),
        Binding("k,up", "cursor_up", "Up", show=False, id="feeds.up"),
        Binding("g,home", "first", "First", show=False, id="feeds.first"),
        Binding("G,end", "last", "Last", show=False, id="feeds.last"),
        Binding("enter,l", "select", "Show", tooltip="List this entry's articles", id="feeds.show"),
        Binding(
            "t", "edit('tag')", "Tag", tooltip="Tag the feed (groups the pane)", id="feeds.tag"
        ),
        Binding(
            "R",
            "edit('rename')",
            "Rename",
            tooltip="Rename a feed or saved search",
            id="feeds.rename",
        ),
        Binding(
            "d,delete",
            "edit('remove')",
            "Remove",
            tooltip="Unsubscribe (articles stay), or forget a saved search or filter",
            id="feeds.remove",
        ),
        Binding("escape", "leave", "Back to list", show=False, id="feeds.leave"),
    ]

    DEFAULT_CSS = """
    FeedsPane {
        width: 28;
        height: 1fr;
        border: none;
        border-right: vkey $panel-lighten-2;
        background: $surface;
        padding: 0;
        scrollbar-size-vertical: 1;
    }
    FeedsPane:focus {
        border: none;
        border-right: vkey $primary;
    }
    """

    @dataclass
    class Chosen(Message):
        """Enter on an entry: list its articles."""

        view: View

    @dataclass
    class Edit(Message):
        """Tag, rename or remove the entry (a feed, a saved search)."""

        action: str
        view: View
        label: str

    @dataclass
    class Left(Message):
        """Esc: back to the article list."""

    @dataclass
    class Refused(Message):
        """A key that does not apply to this entry, and why (for the status line)."""

        text: str

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[Entry] = []
        self.current = View()
        self.hidden = 0

    def show_counts(self, counts: Counts, current: View) -> None:
        """Redraw every entry (the highlight stays on the same entry)."""
        highlighted = self.highlighted_view or current
        self.entries = counts.entries
        self.current = current
        self.hidden = counts.hidden
        options: list[Option] = []
        group = ""
        for entry in counts.entries:
            if entry.group != group:
                group = entry.group
                header = Text(f"{safe_line(group)}", style="bold", no_wrap=True)
                options.append(Option(header, id=f"header:{group}", disabled=True))
            options.append(Option(self._prompt(entry), id=entry.view.id))
        self.set_options(options)
        self._highlight(highlighted)

    def _prompt(self, entry: Entry) -> Text:
        width = max(8, (self.size.width or FEEDS_PANE_WIDTH) - 3)
        # Unread articles; where unread means nothing (starred, filters), how many in all.
        shown = entry.unread if entry.unread is not None else entry.total
        count = "…" if entry.total is None else f"{shown:,}" if shown else ""
        mark = "▸" if entry.view == self.current else " "
        room = max(3, width - len(count) - 2)
        label = safe_line(entry.label)
        if len(label) > room:
            label = label[: room - 1] + "…"
        text = Text(no_wrap=True)
        text.append(mark, style="bold")
        text.append(label, style="bold" if entry.unread else "")
        text.append(" " * max(1, width - 1 - len(label) - len(count)))
        text.append(count, style="bold")
        return text

    def _highlight(self, view: View) -> None:
        for index, entry_id in enumerate(self._ids()):
            if entry_id == view.id:
                self.highlighted = index
                return
        self.highlighted = 1 if self.option_count > 1 else None

    def _ids(self) -> list[str]:
        return [self.get_option_at_index(i).id or "" for i in range(self.option_count)]

    @property
    def highlighted_view(self) -> View | None:
        """The entry under the cursor."""
        if self.highlighted is None or not 0 <= self.highlighted < self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        return None if option_id.startswith("header:") else View.from_id(option_id)

    def label_of(self, view: View) -> str:
        """What the pane calls ``view``."""
        for entry in self.entries:
            if entry.view == view:
                return entry.label
        return view.target or view.kind.value

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        view = View.from_id(event.option.id or "")
        self.post_message(self.Chosen(view))

    def on_resize(self) -> None:
        if self.entries:
            self.show_counts(Counts(self.entries, self.hidden), self.current)

    def action_edit(self, action: str) -> None:
        view = self.highlighted_view
        if view is None:
            return
        named = {ViewKind.FEED, ViewKind.SAVED, ViewKind.FILTER}
        editable = {ViewKind.FEED} if action == "tag" else named
        if view.kind not in editable:
            # The bell alone (silent in most terminals) left t/R/d doing nothing on a source.
            self.app.bell()
            what = "a source (named by its articles)" if view.kind is ViewKind.SOURCE else "a list"
            which = "feeds" if action == "tag" else "feeds, saved searches and filters"
            verb = {"tag": "tagged", "rename": "renamed", "remove": "removed"}.get(action, action)
            label = self.label_of(view)
            self.post_message(self.Refused(f"{label} is {what}: only {which} can be {verb}"))
            return
        self.post_message(self.Edit(action, view, self.label_of(view)))

    def action_leave(self) -> None:
        self.post_message(self.Left())
