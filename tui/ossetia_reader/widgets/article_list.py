"""The sidebar: a virtual list of articles that stays smooth at 100,000 rows.

The list holds only article keys. Rows are drawn with the line API and their
summaries fetched a page at a time, in a worker, from the ``RowSource`` the
screen hands in, so neither scrolling nor start-up waits on the library.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import ClassVar, Protocol

from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from ossetia_reader.core.article import ArticleSummary
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.render import fit_snippet, marked_pieces

PAGE = 100
_PIECE = 25  # rows of a page fetched at a time: more than a tall screen shows


def _wrapped_message(message: str, width: int) -> list[str]:
    """An empty list's message, wrapped at words to the list's width (lines kept)."""
    import textwrap

    lines: list[str] = []
    for paragraph in message.split("\n"):
        lines += textwrap.wrap(paragraph, max(8, width)) or [""]
    return lines


class RowSource(Protocol):
    """Where the list gets row contents from (the library, in the app)."""

    def summaries(self, keys: Sequence[int]) -> list[ArticleSummary]: ...


class ArticleList(ScrollView, can_focus=True):
    """Article titles with date and source, newest first (or in search-rank order)."""

    HELP_TITLE = "Article list"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", id="list.cursor_down"),
        Binding("k,up", "cursor_up", "Up", id="list.cursor_up"),
        Binding("g,home", "first", "First", id="list.first"),
        Binding("G,end", "last", "Last", id="list.last"),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", id="list.page_down"),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", id="list.page_up"),
        Binding("enter,l", "open", "Open", tooltip="Read the article", id="list.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-list--cursor",
        "article-list--cursor-blurred",
        "article-list--meta",
        "article-list--unread",
        "article-list--mark",
        "article-list--placeholder",
        "article-list--snippet",
        "article-list--hit",
        "article-list--group",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        scrollbar-size-vertical: 1;
        overflow-x: hidden;  /* rows are cut to the width: a sideways scrollbar only hid a row */
    }
    ArticleList > .article-list--cursor {
        text-style: bold reverse;
    }
    ArticleList > .article-list--cursor-blurred {
        text-style: bold underline;
    }
    ArticleList > .article-list--meta {
        color: $text-muted;
    }
    ArticleList > .article-list--unread {
        text-style: bold;
    }
    ArticleList > .article-list--mark {
        color: $accent;
    }
    ArticleList > .article-list--placeholder {
        color: $text-disabled;
    }
    ArticleList > .article-list--snippet {
        color: $text-muted;
        text-style: italic;
    }
    ArticleList > .article-list--group {
        color: $primary;
        text-style: bold;
    }
    ArticleList > .article-list--hit {
        color: $text-warning;
        text-style: bold underline;
    }
    """

    cursor: reactive[int] = reactive(0, init=False)

    @dataclass
    class Highlighted(Message):
        """The cursor moved to an article."""

        key: int

    @dataclass
    class Opened(Message):
        """The user chose an article to read."""

        key: int

    def __init__(self, source: RowSource, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = self.default_source = source
        self.row_height = 2
        self.keys: list[int] = []
        self._rows: dict[int, ArticleSummary] = {}
        # Rows drawn while their page loads from a new source (see ``set_keys``).
        self._drafts: dict[int, ArticleSummary] = {}
        self._pending: set[int] = set()
        self._generation = 0
        self._headers: dict[int, str] = {}
        self.loading_message = "Loading…"
        # Keys above this arrived since the reader was last open: marked ✚ while unread.
        self.new_after: int | None = None
        # Where the keys go when an article is opened (the screen sets its reading pane):
        # handed over here, before the next key, not when the screen gets ``Opened``;
        # "Enter j" arriving together moved the list instead of the article.
        self.opens_into: Widget | None = None
        self._line_pass: tuple[int, Style] | None = None  # width and base style while drawing

    # -- data ---------------------------------------------------------------

    def set_keys(
        self,
        keys: Sequence[int],
        *,
        keep: int | None = None,
        source: RowSource | None = None,
        snippets: bool = False,
        groups: Sequence[tuple[str, Sequence[int]]] | None = None,
        rows: Sequence[ArticleSummary] = (),
        drafts: Sequence[ArticleSummary] = (),
    ) -> None:
        """Show these articles; keep the cursor on ``keep`` if it is among them.

        ``source`` replaces where rows come from (search results bring their
        snippets); ``snippets`` gives each row a third line for the snippet;
        ``groups`` (instead of ``keys``) shows a header row above each group;
        ``rows`` are summaries already fetched (the first page), drawn at once.
        ``drafts`` are rows to draw until the source's own arrive: a search's
        titles come from the library in a millisecond, its snippets read every
        article's text (a second for 100 Russian articles on a busy machine), and
        until then each keystroke blanked the list to rows of "…". Rows shown
        before that are among the new keys are drafts too, with their old snippet.
        """
        # Where the selected row sits on screen, kept when it stays selected: rows
        # arriving above it (another process's fetch) must not move what is read.
        held = self.current_key if keep is not None and keep == self.current_key else None
        held_at = self.cursor * self.row_height - self.scroll_offset.y
        old_height = self.row_height
        self._headers = {}
        if groups is not None:
            keys = []
            for number, (label, members) in enumerate(groups, start=1):
                self._headers[-number] = f"{label or 'unknown'} · {len(members):,}"
                keys += [-number, *members]
        new_source = source or self.default_source
        wanted = set(keys)
        if new_source is not self.source:
            shown = {
                key: row for key, row in {**self._drafts, **self._rows}.items() if key in wanted
            }
            self._drafts = {row.key: row for row in drafts} | shown
            self._rows.clear()
        else:
            self._drafts = {row.key: row for row in drafts}
        self.source = new_source
        self.row_height = 3 if snippets else 2
        self._generation += 1
        self.keys = list(keys)
        self._pending.clear()
        self.virtual_size = Size(self.size.width, len(self.keys) * self.row_height)
        index = self.keys.index(keep) if keep is not None and keep in self.keys else 0
        index = self._article_index(index, +1)
        self.set_reactive(ArticleList.cursor, index)
        self._rows = {k: v for k, v in self._rows.items() if k in set(self.keys[: PAGE * 4])}
        self._rows.update((row.key, row) for row in rows)
        if held is not None and self.current_key == held and old_height == self.row_height:
            self.scroll_to(y=max(0, index * self.row_height - held_at), animate=False)
        else:
            self.scroll_to(y=max(0, index * self.row_height - self.size.height // 2), animate=False)
        self.refresh()
        if self.current_key is not None:
            self.post_message(self.Highlighted(self.current_key))

    def update_row(self, summary: ArticleSummary) -> None:
        """Redraw one article after its state changed (read, starred).

        A row not loaded yet is left to its page's load, which brings the fresh
        state and, for search results, the snippet this summary lacks.
        """
        shown = self._rows.get(summary.key)
        if shown is None:
            return
        if shown.snippet:
            summary = replace(summary, snippet=shown.snippet, snippet_spans=shown.snippet_spans)
        self._rows[summary.key] = summary
        self.refresh()

    def row(self, key: int) -> ArticleSummary | None:
        """The loaded summary of ``key``, if its page has been fetched."""
        return self._rows.get(key)

    @property
    def current_key(self) -> int | None:
        """The article under the cursor (None on an empty list)."""
        if 0 <= self.cursor < len(self.keys) and self.keys[self.cursor] >= 0:
            return self.keys[self.cursor]
        return None

    def _article_index(self, index: int, step: int) -> int:
        """The nearest row at or after ``index`` (in ``step``'s direction) that is no header."""
        ahead = range(index, len(self.keys) if step > 0 else -1, step)
        behind = range(index, -1 if step > 0 else len(self.keys), -step)
        for candidate in (*ahead, *behind):
            if 0 <= candidate < len(self.keys) and self.keys[candidate] >= 0:
                return int(candidate)
        return max(0, min(index, len(self.keys) - 1))

    def _request_page(self, page: int) -> None:
        self._pending.add(page)
        keys = self.keys[page * PAGE : (page + 1) * PAGE]
        self._load_page(page, self._generation, keys, self.source)

    @work(thread=True, group="rows")
    def _load_page(self, page: int, generation: int, keys: list[int], source: RowSource) -> None:
        """A page in pieces, the first a screenful: a slow source (snippets) shows sooner."""
        for start in range(0, len(keys), _PIECE):
            if generation != self._generation:
                return  # a newer list (the next keystroke's search) made this one moot
            summaries = source.summaries(keys[start : start + _PIECE])
            last = start + _PIECE >= len(keys)
            self.app.call_from_thread(self._page_loaded, page, generation, summaries, last)

    def _page_loaded(
        self, page: int, generation: int, summaries: list[ArticleSummary], last: bool = True
    ) -> None:
        if generation != self._generation:
            return  # the list changed (a new search) while this page was loading
        if last:
            self._pending.discard(page)
        for summary in summaries:
            self._rows[summary.key] = summary
        self.refresh()

    # -- drawing ------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        """Every line of one pass shares the width and base style, looked up once.

        Both walk the styles of the widget and its ancestors; per line they were
        a third of the list's drawing time (the first frame draws it more than once).
        """
        self._line_pass = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._line_pass = None

    @property
    def _list_width(self) -> int:
        return self._line_pass[0] if self._line_pass else self.scrollable_content_region.width

    def render_line(self, y: int) -> Strip:
        scroll_y = self.scroll_offset.y
        line = scroll_y + y
        index, part = divmod(line, self.row_height)
        width, base = self._line_pass or (self.scrollable_content_region.width, self.rich_style)
        if not self.keys:
            lines = _wrapped_message(self.loading_message, width - 2)
            text = " " + lines[line] if line < len(lines) else ""
            style = self.get_component_rich_style("article-list--placeholder")
            return Strip([Segment(text, base + style)]).crop_extend(0, width, base)
        if index >= len(self.keys):
            return Strip.blank(width, base)
        key = self.keys[index]
        if key < 0:
            return self._header_strip(self._headers.get(key, ""), part, width, base)
        summary = self._rows.get(key)
        if summary is None:
            page = index // PAGE
            if page not in self._pending:
                self._request_page(page)
            summary = self._drafts.get(key)
        if summary is None:
            style = self.get_component_rich_style("article-list--placeholder")
            return Strip([Segment("  …"[:width], base + style)]).extend_cell_length(width, base)
        segments = self._row_segments(summary, part, base)
        if index == self.cursor:
            name = "article-list--cursor" if self.has_focus else "article-list--cursor-blurred"
            cursor = self.get_component_rich_style(name)
            segments = [Segment(text, (style or Style()) + cursor) for text, style, _ in segments]
            # simplify: pieces that end up looking alike are one segment, however drawn
            return Strip(segments).crop_extend(0, width, base + cursor).simplify()
        return Strip(segments).crop_extend(0, width, base).simplify()

    def _header_strip(self, label: str, part: int, width: int, base: Style) -> Strip:
        if part != self.row_height - 1:
            return Strip.blank(width, base)
        style = base + self.get_component_rich_style("article-list--group")
        # A long group name gives way to its count ("── President of Ukr… · 6 ─"), which
        # was what the sidebar's width cut off.
        name, dot, count = safe_line(label).rpartition(" · ")
        if not dot:
            name, count = count, ""
        tail = f" · {count} " if count else " "
        room = width - 3 - len(tail)
        if len(name) > room:
            name = name[: max(0, room - 1)] + "…"
        text = f"── {name}{tail}"
        return Strip([Segment(text + "─" * max(0, width - len(text)), style)]).crop(0, width)

    def _row_segments(self, summary: ArticleSummary, part: int, base: Style) -> list[Segment]:
        if part == 0:
            fresh = self.new_after is not None and summary.key > self.new_after
            mark = "★" if summary.starred else ("●" if not summary.read else " ")
            mark = "✚" if fresh and not summary.read and not summary.starred else mark
            mark_style = self.get_component_rich_style("article-list--mark")
            unread = self.get_component_rich_style("article-list--unread")
            title_style = unread if not summary.read else Style()
            width = self._list_width - 2
            title = safe_line(summary.title)
            if len(title) > width:
                title = title[: max(0, width - 1)] + "…"
            return [Segment(mark + " ", base + mark_style), Segment(title, base + title_style)]
        if part == 2:
            return self._snippet_segments(summary, base)
        meta = summary.date.isoformat() if summary.date else "undated"
        if summary.source:
            meta += " · " + safe_line(summary.source)
        width = self._list_width - 2
        if len(meta) > width:
            meta = meta[: max(0, width - 1)] + "…"  # a cut source name says it was cut
        return [Segment("  " + meta, base + self.get_component_rich_style("article-list--meta"))]

    def _snippet_segments(self, summary: ArticleSummary, base: Style) -> list[Segment]:
        style = base + self.get_component_rich_style("article-list--snippet")
        hit = style + self.get_component_rich_style("article-list--hit")
        segments = [Segment("  ", base)]
        width = self._list_width - 2
        text, spans = fit_snippet(summary.snippet, summary.snippet_spans, width)
        for piece, is_hit in marked_pieces(text, spans):
            segments.append(Segment(piece, hit if is_hit else style))
        return segments

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        if self.current_key is not None:
            self.post_message(self.Highlighted(self.current_key))

    def _scroll_cursor_into_view(self) -> None:
        first = (
            self.cursor - 1 if self.cursor > 0 and self.keys[self.cursor - 1] < 0 else self.cursor
        )
        top = first * self.row_height
        height = self.scrollable_content_region.height
        if top < self.scroll_offset.y:
            self.scroll_to(y=top, animate=False)
        elif (self.cursor + 1) * self.row_height > self.scroll_offset.y + height:
            self.scroll_to(y=(self.cursor + 1) * self.row_height - height, animate=False)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.keys) * self.row_height)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    # -- actions ------------------------------------------------------------

    def _move_to(self, index: int) -> None:
        if self.keys:
            step = 1 if index >= self.cursor else -1
            self.cursor = self._article_index(max(0, min(len(self.keys) - 1, index)), step)

    def action_cursor_down(self) -> None:
        self._move_to(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self._move_to(self.cursor - 1)

    def action_first(self) -> None:
        self._move_to(0)

    def action_last(self) -> None:
        self._move_to(len(self.keys) - 1)

    def action_page_down(self) -> None:
        self._move_to(
            self.cursor + max(1, self.scrollable_content_region.height // self.row_height)
        )

    def action_page_up(self) -> None:
        self._move_to(
            self.cursor - max(1, self.scrollable_content_region.height // self.row_height)
        )

    def action_open(self) -> None:
        if self.current_key is not None:
            self.post_message(self.Opened(self.current_key))
            if self.opens_into is not None and self.opens_into.focusable:
                self.screen.set_focus(self.opens_into)

    def on_click(self, event: events.Click) -> None:
        self._move_to((self.scroll_offset.y + event.y) // self.row_height)
        self.action_open()
