"""The search bar: a one-line input with history, focused by ``/``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Type to search; Up/Down recall earlier searches; Enter opens the top hit."""

    HELP_TITLE = "Search bar"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history(-1)", "Earlier search", show=False, id="search.earlier"),
        Binding("down", "history(1)", "Later search", show=False, id="search.later"),
        Binding("escape", "leave", "Back to list", id="search.leave"),
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

    def action_leave(self) -> None:
        self.value = ""
        self._history_index = len(self.history)
        self.post_message(self.Left())
