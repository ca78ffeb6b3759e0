"""The status line: which pane has the keys, what just happened, and background news.

Background work (the search index, enrichment, feed fetches) reports here rather
than in toasts: a toast covers part of the screen just as the reader starts, and
news that needs no answer should not ask for attention. Its parts carry source
and feed names and search notices: each is shown as plain ``Text`` after
``safe_line``, so neither markup nor escapes act.
"""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from ossetia_reader.core.sanitize import safe_line

NEWS_SECONDS = 6.0


class StatusBar(Widget):
    """``MODE  message  ·  activity  news  summary``, one line at the bottom."""

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
    news: reactive[str] = reactive("")

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._news_timer: Timer | None = None

    def tell(self, text: str, seconds: float = NEWS_SECONDS) -> None:
        """Show background news for a few seconds, left of the article count."""
        self.news = text
        if self._news_timer is not None:
            self._news_timer.stop()
        self._news_timer = self.set_timer(seconds, self._forget_news)

    def _forget_news(self) -> None:
        self.news = ""

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f" {safe_line(self.mode)} ", "bold reverse")
        text.append(" ")
        message = Text(safe_line(self.message), no_wrap=True, overflow="ellipsis")
        # What the reader just did (or a hint) matters more than background news: when
        # the line is short, passing news and then the activity give way before it is cut.
        parts = [safe_line(part) for part in (self.activity, self.news, self.summary) if part]
        while len(parts) > 1 and text.cell_len + message.cell_len + _width(parts) + 2 > (
            self.size.width
        ):
            parts.pop(-2)
        right = "  ".join(parts)
        room = self.size.width - text.cell_len - (len(right) + 2 if right else 0)
        message.truncate(max(0, room), overflow="ellipsis")
        text.append_text(message)
        if right:
            text.append(" " * max(1, self.size.width - text.cell_len - len(right) - 1))
            text.append(right, "dim")
        return text


def _width(parts: list[str]) -> int:
    return len("  ".join(parts))
