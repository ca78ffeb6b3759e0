"""Command palette entries: every action of the reader, by name.

Hit titles include publishers' names, which come from outside. Textual parses
a hit's string (and ``Matcher.highlight``'s) as markup, so ``[/x]`` in a name
crashed the palette and ``[@click=app.quit]`` was obeyed; every hit here is
built as ``Content`` from plain text instead (``plain_hit``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from ossetia_reader.core.sanitize import safe_line

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader

# (title, help, action on the main screen or "app.…")
COMMANDS: list[tuple[str, str, str]] = [
    ("Search", "Focus the search bar (/)", "search"),
    ("Refresh feeds", "Fetch every subscribed feed now (r)", "app.refresh_feeds"),
    ("Refresh feeds with full text", "Fetch feeds and each new item's page", "app.refresh_full"),
    ("Add articles…", "Import a file, folder or URL into the library", "app.add_articles"),
    ("Subscribe to a feed…", "Add an RSS, Atom or JSON Feed URL", "app.subscribe"),
    ("Mark all read", "Mark every article read (M)", "mark_all_read"),
    ("Show all articles", "List every article", "filter('all')"),
    ("Show unread articles", "List only unread articles", "filter('unread')"),
    ("Show starred articles", "List only starred articles", "filter('starred')"),
    ("People and speakers", "Most-mentioned entities and most-quoted speakers (p)", "people"),
    (
        "Entity corrections…",
        "Your type changes, merges and hidden names; Enter undoes one",
        "app.entity_corrections",
    ),
    ("Toggle entities panel", "The open article's entities and quotes (i)", "toggle_info"),
    ("Toggle full-width reading", "Hide or show the sidebar (f)", "toggle_sidebar"),
    ("Open article in browser", "Open the article's web address (o)", "open_url"),
    ("Copy article address", "Copy the URL through the terminal (y)", "copy_url"),
    ("Links in this article…", "Numbered list: open or copy any link (u)", "links"),
    (
        "Toggle feeds pane",
        "Feeds, saved searches and filters with unread counts (F)",
        "toggle_feeds",
    ),
    ("Save this search…", "Keep the search bar's query as a live feed (Ctrl+S)", "save_search"),
    ("Hide articles matching…", "Add a filter: its matches are hidden everywhere", "add_filter"),
    (
        "Show hidden articles / hide them",
        "What filters hide, shown or hidden again (H)",
        "toggle_hidden",
    ),
    ("Next unread article", "Open the next unread article of this list (n)", "next_unread"),
    ("Mark this list read", "Every article of this feed or list (A)", "mark_feed_read"),
    ("Saved search: newest / best first", "Switch the order of a saved search (O)", "toggle_order"),
    ("Help", "Every key binding (?)", "help"),
]


def plain_hit(matcher: Matcher, title: str) -> Content:
    """``title`` as text (never markup), with the letters the query matched highlighted."""
    title = safe_line(title)
    content = Content(title)
    score, offsets = matcher.fuzzy_search.match(matcher.query, title)
    if score:
        for offset in offsets:
            if not title[offset].isspace():
                content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def plain_help(text: str) -> str:
    """Help lines are parsed as markup by the palette: escape them."""
    return escape(safe_line(text))


class ReaderCommands(Provider):
    """The reader's own commands, beside Textual's (themes, quit, screenshot)."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app: OssetiaReader = self.app  # type: ignore[assignment]
        return [
            (title, help_text, partial(app.run_command, action))
            for title, help_text, action in COMMANDS
        ]

    async def discover(self) -> Hits:
        for title, help_text, callback in self._commands():
            yield DiscoveryHit(Content(title), callback, text=title, help=plain_help(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score,
                    plain_hit(matcher, title),
                    callback,
                    text=title,
                    help=plain_help(help_text),
                )


class SourceCommands(Provider):
    """ "Show source: …" for every publisher in the library."""

    async def startup(self) -> None:
        app: OssetiaReader = self.app  # type: ignore[assignment]
        worker = app.run_worker(app.library.sources, thread=True)
        self._sources = await worker.wait()

    def _commands(self) -> list[tuple[str, Callable[[], object]]]:
        app: OssetiaReader = self.app  # type: ignore[assignment]
        return [
            (f"Show source: {name or 'unknown'}", partial(app.show_source, name))
            for name, _count in self._sources
        ]

    async def discover(self) -> Hits:
        for title, callback in self._commands():
            yield DiscoveryHit(
                Content(safe_line(title)),
                callback,
                text=safe_line(title),
                help="List only this publisher's articles",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, plain_hit(matcher, title), callback, text=safe_line(title))
