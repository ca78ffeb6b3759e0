"""The status line: which pane has the keys, and what just happened."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class StatusBar(Widget):
    """``MODE  message  ·  right-hand summary``, one line at the bottom."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $text;
    }
    """

    mode: reactive[str] = reactive("LIST")
    message: reactive[str] = reactive("")
    summary: reactive[str] = reactive("")

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {self.mode} ", "bold reverse")
        text.append(" ")
        text.append(self.message)
        if self.summary:
            room = self.size.width - text.cell_len - len(self.summary) - 1
            text.append(" " * max(1, room))
            text.append(self.summary, "dim")
        return text
