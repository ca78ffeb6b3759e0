"""The reading pane: one article, wrapped to a comfortable width, with highlights.

It is a line-API widget: the article is laid out once per width and only the
visible lines are drawn, so a transcript of 170,000 characters scrolls as
smoothly as a short report, and a search hit or entity can be scrolled to by
its exact line.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from ossetia_reader.core.article import Article
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.messages import Landing
from ossetia_reader.render import (
    ENTITY_TYPES,
    ArticleStyles,
    Item,
    RenderedArticle,
    WrappedText,
    article_items,
    link_url,
    render_article,
    shown_part,
    wrap,
)

MIN_WIDTH = 30
MAX_WIDTH = 200


class ReadingPane(ScrollView, can_focus=True):
    """Shows the open article; Tab walks its entities and quotes."""

    HELP_TITLE = "Reading pane"

    BINDINGS: ClassVar[list[BindingType]] = [
        # h as the list's l opens (vi, lazygit): a key that did nothing in the text.
        Binding("h", "screen.back", "List", tooltip="Back to the list (as Esc)", id="read.back"),
        Binding("j,down", "scroll_down", "Down", tooltip="Scroll down", id="read.scroll_down"),
        Binding("k,up", "scroll_up", "Up", tooltip="Scroll up", id="read.scroll_up"),
        Binding(
            "space,pagedown,ctrl+f", "page_down", "Page", tooltip="Page down", id="read.page_down"
        ),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", id="read.page_up"),
        Binding("g,home", "scroll_home", "Top", id="read.scroll_home"),
        Binding("G,end", "scroll_end", "Bottom", id="read.scroll_end"),
        Binding(
            "n",
            "next_hit",
            "Next hit",
            tooltip="Next search hit (without hits: the next unread article)",
            id="read.next_hit",
        ),
        Binding(
            "N",
            "previous_hit",
            "Previous hit",
            tooltip="Previous search hit",
            id="read.previous_hit",
        ),
        Binding(
            "tab",
            "next_item",
            "Next name",
            tooltip="Next entity, quote or link (after the last one: the next pane)",
            id="read.next_item",
        ),
        Binding(
            "shift+tab",
            "previous_item",
            "Previous name",
            tooltip="Previous entity, quote or link",
            id="read.previous_item",
        ),
        Binding(
            "enter",
            "open_item",
            "Open name",
            tooltip="Open the entity, speaker or link under the cursor",
            id="read.open_item",
        ),
        Binding(
            "e",
            "toggle_entities",
            "Entity colours",
            tooltip="Entity colours on / off",
            id="read.entities",
        ),
        Binding(
            "quotation_mark",
            "toggle_quotes",
            "Quote colours",
            tooltip="Quote colours on / off",
            id="read.quotes",
        ),
        Binding("plus,equals_sign", "wider", "Wider", tooltip="Wider text", id="read.wider"),
        Binding("minus", "narrower", "Narrower", tooltip="Narrower text", id="read.narrower"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "reading-pane--title",
        "reading-pane--meta",
        "reading-pane--caption",
        "reading-pane--link",
        "reading-pane--quote",
        "reading-pane--speaker",
        "reading-pane--hit",
        "reading-pane--focus",
        *(f"reading-pane--{kind.lower()}" for kind in ENTITY_TYPES),
    }

    show_entities: reactive[bool] = reactive(True, init=False)
    show_quotes: reactive[bool] = reactive(True, init=False)
    max_width: reactive[int] = reactive(88, init=False)

    @dataclass
    class ItemChosen(Message):
        """Enter on an entity or quote: the screen opens its view."""

        article: Article
        item: Item

    @dataclass
    class Notice(Message):
        """Something to say in the status bar."""

        text: str
        # What the Tab cursor is on ("PER Peskov — Enter: …"): true only while it is there.
        about_cursor: bool = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.hits: list[tuple[int, int]] = []
        self.hit_index = -1
        self.items: list[Item] = []
        self.item_index = -1
        self._landed = False  # land_on chose an item before the pane had the keys
        self._left_out = 0  # characters of a huge body not laid out (render.shown_part)
        self._rendered: RenderedArticle | None = None
        self._wrapped = WrappedText([], [])
        self._layout_width = 0
        self._line_pass: tuple[int, Style] | None = None  # width and base style while drawing
        # What an empty pane says; the screen tells a first run how to fill the library.
        self.empty_message = "No article open. Choose one in the list and press Enter."

    # -- content ------------------------------------------------------------

    def show(
        self,
        article: Article | None,
        hits: Sequence[tuple[int, int]] = (),
        *,
        keep_scroll: bool = False,
        announce: bool = True,
    ) -> None:
        """Display ``article`` with search ``hits`` (body offsets) highlighted.

        With hits, the pane scrolls to the first; ``announce`` also says "hit 1 of N"
        (a preview while searching leaves the status line to the search summary).
        ``keep_scroll`` on the article already shown (enrichment landing, a correction)
        keeps the line at the top of the pane where it is, even if lines above it changed.
        """
        same = keep_scroll and self._same(article)
        anchor = self._top_anchor() if same else None
        hits = sorted(hits)
        self._left_out = 0
        if article is not None:
            article, self._left_out = shown_part(article)
            hits = [hit for hit in hits if hit[1] <= len(article.body)]
        # The same article again (enrichment landed, a correction): the reader's place
        # stays, and so do the hit n/N reached and the name Tab reached. Stepping to the
        # first hit here pulled a search result back to its top at every enrichment batch.
        # (Compared after the cut, as self.hits was: a huge article's hits past it differ.)
        hit_index = self.hit_index if same and hits == self.hits else -1
        item = self.current_item if same else None
        self.article = article
        self.hits = hits
        self.hit_index = hit_index
        self.items = self._items()
        self.item_index = next(
            (
                index
                for index, new in enumerate(self.items)
                if item is not None and (new.kind, new.start) == (item.kind, item.start)
            ),
            -1,
        )
        self._relayout()
        self.refresh_bindings()  # n/N are offered only when there are hits
        if not keep_scroll:
            self.scroll_to(y=0, animate=False)
        elif anchor is not None:
            self._restore_anchor(anchor)
        if self.hits and self.hit_index == -1:
            self._step_hit(+1, announce=announce)

    def _same(self, article: Article | None) -> bool:
        shown = self.article
        return shown is not None and article is not None and shown.id == article.id

    def _top_anchor(self) -> tuple[int, int] | None:
        """(body offset at the top line's start, rows from that line) or None in the header."""
        if self._rendered is None or not self._wrapped.lines:
            return None
        top = min(round(self.scroll_offset.y), len(self._wrapped.lines) - 1)
        offset = self._rendered.body_offset(self._wrapped.starts[top])
        if offset is None:
            return None
        line = self._wrapped.line_of(self._rendered.position(offset))
        return offset, top - line

    def _restore_anchor(self, anchor: tuple[int, int]) -> None:
        """Scroll so the body text that was at the top is at the top again."""
        if self._rendered is None:
            return
        offset, rows = anchor
        line = self._wrapped.line_of(self._rendered.position(offset)) + rows
        self.scroll_to(y=line, animate=False, force=True)

    def _items(self) -> list[Item]:
        if self.article is None:
            return []
        return article_items(self.article, entities=self.show_entities, quotes=self.show_quotes)

    def _styles(self) -> ArticleStyles:
        style = self.get_component_rich_style
        return ArticleStyles(
            title=style("reading-pane--title"),
            meta=style("reading-pane--meta"),
            caption=style("reading-pane--caption"),
            link=style("reading-pane--link"),
            quote=style("reading-pane--quote"),
            speaker=style("reading-pane--speaker"),
            hit=style("reading-pane--hit"),
            entity={kind: style(f"reading-pane--{kind.lower()}") for kind in ENTITY_TYPES},
        )

    @property
    def text_width(self) -> int:
        """The wrap width: the pane's width, capped by ``max_width`` for comfort."""
        # Reserve the scrollbar's columns whether or not it shows yet, plus one column of margin.
        room = self.size.width - self.styles.scrollbar_size_vertical - 2
        return max(10, min(room, self.max_width))

    def _relayout(self) -> None:
        if self.article is None or self.size.width == 0:
            # Before the first layout the resize that follows lays the article out at its
            # real width: laid out here too (and wrapped at the 10-column minimum, once),
            # it cost the first frame ~10 ms for nothing.
            self._rendered = None
            self._wrapped = WrappedText([], [])
        else:
            # The Tab cursor is drawn over the laid-out lines (render_line), not laid out:
            # each Tab re-rendered and re-wrapped the whole article (0.3 s a press for a
            # 176,000-character Kremlin transcript on a busy machine).
            self._rendered = render_article(
                self.article,
                self._styles(),
                entities=self.show_entities,
                quotes=self.show_quotes,
                hits=self.hits,
                reserve_legend=True,
                width=self.text_width,
            )
            if self._left_out:
                self._rendered.text.append(
                    f"\n\n[… {self._left_out:,} more characters are not shown here: "
                    f"ossetia-reader show {safe_line(self.article.id)} prints the whole article]",
                    self.get_component_rich_style("reading-pane--meta"),
                )
            self._wrapped = wrap(self._rendered.text, self.text_width)
        self._layout_width = self.size.width
        self.virtual_size = Size(self.text_width, len(self._wrapped.lines))
        self.refresh()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        """The pane's first width: the article shown before it is laid out at once.

        Textual sets a widget's size during the screen's layout and draws the screen
        before the Resize event is handled: laid out only there, the first frame was
        written without the article and the article a frame later (~10 ms).
        """
        resized = super()._size_updated(size, virtual_size, container_size, layout)
        if self.article is not None and self._layout_width == 0 and self.size.width:
            self._relayout()
        return resized

    def on_resize(self, event: events.Resize) -> None:
        if self.size.width != self._layout_width:
            self._relayout_anchored()

    def _relayout_anchored(self) -> None:
        """Lay out again (new width, highlights toggled) keeping the top line's text on top.

        Opening the info panel or pressing ``+`` rewraps every line; without the anchor the
        pane kept its line number and showed another part of the article.
        """
        anchor = self._top_anchor() if self.scroll_offset.y > 0 else None
        self._relayout()
        if anchor is not None:
            self._restore_anchor(anchor)

    def render_lines(self, crop: Region) -> list[Strip]:
        """Every line of one pass shares the width and base style, looked up once.

        ``rich_style`` walks the styles of the pane and all its ancestors on every
        call: looked up per line it was half the pane's drawing time, and the first
        frame draws the pane more than once (as in the article list).
        """
        self._line_pass = (self.scrollable_content_region.width, self.rich_style)
        try:
            return super().render_lines(crop)
        finally:
            self._line_pass = None

    def render_line(self, y: int) -> Strip:
        width, base = self._line_pass or (self.scrollable_content_region.width, self.rich_style)
        index = self.scroll_offset.y + y
        if self.article is None:
            lines = self._empty_lines()
            if not 1 <= y <= len(lines):
                return Strip.blank(width, base)
            segments = [Segment(" "), *lines[y - 1].render(self.app.console)]
            return Strip(segments).apply_style(base).crop_extend(0, width, base).simplify()
        if index >= len(self._wrapped.lines):
            return Strip.blank(width, base)
        line = self._with_cursor(index, self._wrapped.lines[index])
        segments = [Segment(" "), *list(line.render(self.app.console))]
        return Strip(segments).apply_style(base).crop_extend(0, width, base).simplify()

    def _with_cursor(self, index: int, line: Text) -> Text:
        """Line ``index`` with the Tab cursor's item (the focus style) drawn over it."""
        if self._rendered is None or not 0 <= self.item_index < len(self.items):
            return line
        item = self.items[self.item_index]
        first = self._wrapped.starts[index]
        last = first + len(line.plain)
        spans = [
            (max(a, first) - first, min(b, last) - first)
            for a, b in self._rendered.spans_of(item.start, item.end)
            if a < last and b > first
        ]
        if not spans:
            return line
        line = line.copy()
        focus = self.get_component_rich_style("reading-pane--focus")
        for a, b in spans:
            line.stylize(focus, a, b)
        return line

    def _empty_lines(self) -> list[Text]:
        """The empty pane's message, wrapped; a "• " item's lines stay under its first word."""
        style = self.get_component_rich_style("reading-pane--meta")
        lines: list[Text] = []
        for paragraph in self.empty_message.split("\n"):
            bullet = "• " if paragraph.startswith("• ") else ""
            text = Text(paragraph.removeprefix(bullet), style)
            wrapped = wrap(text, self.text_width - len(bullet)).lines
            for number, line in enumerate(wrapped):
                lead = bullet if number == 0 else " " * len(bullet)
                lines.append(Text(lead, style) + line)
        return lines

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without search hits n/N are not this pane's: n is the screen's "next unread"
        then, and the footer shows it as such (it showed nothing for n while reading)."""
        return bool(self.hits) or action not in {"next_hit", "previous_hit"}

    # -- moving around --------------------------------------------------------

    def _scroll_to_body_offset(self, offset: int) -> None:
        """Bring the line holding ``offset`` into view, a third down, only if it is not in view.

        Tab from one name to the next on the same screen used to scroll every time (the
        target went to a third of the height), so the text jumped under the reader's eyes
        at each press; now the text moves only when the target is off the screen (or on
        its last row, where the rest of a quote would be hidden).
        """
        if self._rendered is None:
            return
        line = self._wrapped.line_of(self._rendered.position(offset))
        height = self.scrollable_content_region.height
        top = round(self.scroll_offset.y)
        if top <= line < top + max(1, height - 1):
            return
        self.scroll_to(y=max(0, line - height // 3), animate=False)

    def action_next_hit(self) -> None:
        self._step_hit(+1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int, announce: bool = True) -> None:
        if not self.hits:
            self.post_message(self.Notice("no search hits in this article"))
            return
        self.hit_index = (self.hit_index + step) % len(self.hits)
        self._scroll_to_body_offset(self.hits[self.hit_index][0])
        if announce:
            self.post_message(self.Notice(f"hit {self.hit_index + 1} of {len(self.hits)}"))

    def action_next_item(self) -> None:
        self._step_item(+1)

    def action_previous_item(self) -> None:
        self._step_item(-1)

    def _step_item(self, step: int) -> None:
        """Move the item cursor; past either end, focus leaves the pane as Tab usually does."""
        target = self.item_index + step
        if not self.items or not 0 <= target < len(self.items):
            self.item_index = -1
            self.refresh()
            if step > 0:
                self.screen.focus_next()
            else:
                self.screen.focus_previous()
            return
        self._choose_item(target)

    def _choose_item(self, index: int) -> None:
        """Put the Tab cursor on item ``index``, bring it into view and say what it is."""
        self.item_index = index
        self.refresh()  # the cursor is drawn, not laid out (see _with_cursor)
        item = self.items[index]
        self._scroll_to_body_offset(item.start)
        self.post_message(self.Notice(self._describe(item), about_cursor=True))

    def land_on(self, landing: Landing) -> None:
        """Put the Tab cursor on the quote or mention an entity view chose, in view."""
        article = self.article
        if article is None or not landing.kind:
            return
        start, end = landing.start, landing.start + 1
        if landing.kind == "entity":
            start = article.body.find(landing.sentence) if landing.sentence else -1
            start, end = (start, start + len(landing.sentence)) if start >= 0 else (0, 0)
        inside = [
            index
            for index, item in enumerate(self.items)
            if item.kind == landing.kind and (not end or start <= item.start < end)
        ]
        named = [
            index
            for index in inside
            if landing.kind != "entity"
            or article.entities[self.items[index].index].canonical.casefold()
            == landing.name.casefold()
        ]
        chosen = (named or inside or [-1])[0]
        if chosen < 0:
            self._scroll_to_body_offset(start)
            return
        self._landed = not self.has_focus
        self._choose_item(chosen)

    @property
    def current_item(self) -> Item | None:
        """The entity, quote or link under the Tab cursor, if any."""
        return self.items[self.item_index] if 0 <= self.item_index < len(self.items) else None

    def _describe(self, item: Item) -> str:
        assert self.article is not None
        if item.kind == "link":
            return f"link to {link_url(self.article, item.index)} — o: open, y: copy"
        if item.kind == "entity":
            entity = self.article.entities[item.index]
            return f"{entity.type} {entity.canonical} — Enter: articles mentioning it"
        quote = self.article.quotes[item.index]
        speaker = quote.speaker or "unattributed"
        return f"quote by {speaker} — Enter: all quotes by this speaker"

    def action_open_item(self) -> None:
        if self.article is not None and 0 <= self.item_index < len(self.items):
            self.post_message(self.ItemChosen(self.article, self.items[self.item_index]))

    def action_toggle_entities(self) -> None:
        self.show_entities = not self.show_entities

    def action_toggle_quotes(self) -> None:
        self.show_quotes = not self.show_quotes

    def watch_show_entities(self, value: bool) -> None:
        self._toggled("entities", value)

    def watch_show_quotes(self, value: bool) -> None:
        self._toggled("quotes", value)

    def _toggled(self, what: str, value: bool) -> None:
        self.items = self._items()
        self.item_index = -1
        self._relayout_anchored()
        self.post_message(self.Notice(f"{what} highlighting {'on' if value else 'off'}"))

    def action_wider(self) -> None:
        self.max_width = min(MAX_WIDTH, self.max_width + 4)

    def action_narrower(self) -> None:
        self.max_width = max(MIN_WIDTH, self.max_width - 4)

    def watch_max_width(self, value: int) -> None:
        self._relayout_anchored()
        self.post_message(self.Notice(f"text width {value} columns"))

    def on_focus(self) -> None:
        if self._landed:  # the name an entity view chose stays chosen as the keys come here
            self._landed = False
            return
        self.item_index = -1

    def on_blur(self) -> None:
        if self.item_index != -1:
            self.item_index = -1
            self.refresh()
