"""The search bar: a one-line input with history, focused by ``/``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type to search; Enter opens the top hit, ↓ moves into the results, ↑ recalls searches."""

    HELP_TITLE = "Search bar"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Open top result", id="search.open"),
        Binding(
            "down",
            "down",
            "Results",
            tooltip="Into the results (after ↑: a later search)",
            id="search.down",
        ),
        Binding("up", "history(-1)", "Earlier searches", id="search.earlier"),
        Binding(
            "escape",
            "leave",
            "Clear",
            tooltip="Clear the search, back to the list",
            id="search.leave",
        ),
    ]

    DEFAULT_CSS = """
    SearchBar {
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    SearchBar:focus {
        border: none;
        background: $panel;
    }
    """

    HISTORY_SIZE = 50

    @dataclass
    class Left(Message):
        """Esc: the user is done searching (the query is cleared)."""

    @dataclass
    class ToResults(Message):
        """↓ on the newest query: the user wants to move through the results."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder='/ search: words, "phrases", title:, after:2022-03 …', id=id)
        self.history: list[str] = []
        self._history_index = 0

    def set_history(self, queries: list[str]) -> None:
        """Earlier searches (oldest first), e.g. from the last session."""
        self.history = queries[-self.HISTORY_SIZE :]
        self._history_index = len(self.history)

    def remember(self, query: str) -> None:
        """Keep a query that was used (opened), newest last, without repeats."""
        query = query.strip()
        if not query:
            return
        if query in self.history:
            self.history.remove(query)
        self.history.append(query)
        del self.history[: -self.HISTORY_SIZE]
        self._history_index = len(self.history)

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        self._history_index = max(0, min(len(self.history), self._history_index + step))
        self.value = (
            self.history[self._history_index] if self._history_index < len(self.history) else ""
        )
        self.cursor_position = len(self.value)

    def action_down(self) -> None:
        """A later search while recalling history; otherwise into the results."""
        recalling = self._history_index < len(self.history) and (
            self.value == self.history[self._history_index]
        )
        if recalling:
            self.action_history(1)
        else:
            self.post_message(self.ToResults())

    def action_leave(self) -> None:
        self.value = ""
        self._history_index = len(self.history)
        self.post_message(self.Left())
