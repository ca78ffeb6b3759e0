"""The search bar: a one-line input with history, focused by ``/``.

A paste sent without bracketed paste (tmux ``paste-buffer``, many terminals)
arrives as one key press per character. The bar gathers printable keys and
inserts them in one go once the keys already queued are read, and keeps at
most ``MAX_QUERY_CHARS`` (saying so with ``Cut``): a 100 KB paste is a few
edits, not 100,000, and Esc after it is answered at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

MAX_QUERY_CHARS = 500
GATHER_SECONDS = 0.03  # typed text is inserted in batches at most this late


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

    @dataclass
    class Cut(Message):
        """Text went past ``MAX_QUERY_CHARS``; ``dropped`` characters were not kept."""

        dropped: int

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            placeholder='/ search: words, "phrases", title:, after:2022-03 …',
            id=id,
            max_length=MAX_QUERY_CHARS,
        )
        self.history: list[str] = []
        self._history_index = 0
        self._pending: list[str] = []

    async def _on_key(self, event: events.Key) -> None:
        """Gather printable keys; any other key first applies what was gathered."""
        if event.is_printable and event.character is not None:
            event.stop()
            event.prevent_default()  # Input's own handler would insert it alone
            self.gather(event.character)
            return
        self._insert_pending()

    def gather(self, character: str) -> None:
        """Take one typed character; it is inserted with the others a moment later.

        The app hands printable keys straight here while the bar has focus
        (``OssetiaReader.on_event``), skipping the binding lookups each key
        would cost; any other key applies what was gathered first, so the
        order of edits is kept.
        """
        if not self._pending:
            self.set_timer(GATHER_SECONDS, self._insert_pending)
        self._pending.append(character)

    @property
    def has_pending(self) -> bool:
        """Whether typed characters wait to be inserted."""
        return bool(self._pending)

    def apply_pending(self) -> None:
        """Insert what was gathered now (before a key that is not text is handled)."""
        self._insert_pending()

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        self._insert_pending()
        if event.text:
            self._insert(event.text.splitlines()[0] if event.text.strip() else "")

    def _insert_pending(self) -> None:
        if self._pending:
            text = "".join(self._pending)
            self._pending.clear()
            self._insert(text)

    def _insert(self, text: str) -> None:
        """Insert at the cursor (over a selection) whatever fits; say what did not."""
        start, end = sorted(self.selection)
        room = MAX_QUERY_CHARS - (len(self.value) - (end - start))
        if len(text) > room:
            self.post_message(self.Cut(len(text) - max(0, room)))
            text = text[: max(0, room)]
        if text:
            self.replace(text, start, end)

    def restricted(self) -> None:
        """No bell per refused key (a long paste would ring thousands of times)."""

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
        self._pending.clear()
        self.value = ""
        self._history_index = len(self.history)
        self.post_message(self.Left())
