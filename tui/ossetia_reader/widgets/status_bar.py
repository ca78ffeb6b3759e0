"""The status line: which pane has the keys, and what just happened.

Its parts carry source and feed names and search notices: each is shown as
plain ``Text`` after ``safe_line``, so neither markup nor escapes act.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from ossetia_reader.core.sanitize import safe_line


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
    activity: reactive[str] = reactive("")

    def render(self) -> Text:
        right = "  ".join(safe_line(part) for part in (self.activity, self.summary) if part)
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {safe_line(self.mode)} ", "bold reverse")
        text.append(" ")
        room = self.size.width - text.cell_len - (len(right) + 2 if right else 0)
        message = Text(safe_line(self.message), no_wrap=True, overflow="ellipsis")
        message.truncate(max(0, room), overflow="ellipsis")
        text.append_text(message)
        if right:
            text.append(" " * max(1, self.size.width - text.cell_len - len(right) - 1))
            text.append(right, "dim")
        return text
