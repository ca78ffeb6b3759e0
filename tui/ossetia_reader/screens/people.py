"""The people screen: who the library talks about and who it quotes, as one sortable table.

One row per entity (after the reader's corrections), with its mentions, the
articles naming it and the quotes it spoke, in aligned columns so a glance
down a column compares them. ``1``/``2``/``3`` sort by mentions, articles or
quotes (again to reverse); typing a letter filters; Enter opens the entity
view on top, so Esc comes back here with the filter and place kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.messages import Landing
from ossetia_reader.render import plural, type_label
from ossetia_reader.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader

# Column widths: the type's longest name ("organisation"), then the three counts.
_TYPE_WIDTH = 12
_COUNT_WIDTHS = {"mentions": 9, "articles": 9, "quotes": 7}
_SORTS = tuple(_COUNT_WIDTHS)
_LIMIT = 500


@dataclass(frozen=True, slots=True)
class PersonRow:
    """One table row: an entity with its counts (quotes from the speaker table)."""

    key: str
    name: str
    type: str | None
    mentions: int
    articles: int
    quotes: int
    quoted_in: int  # articles with its quotes

    def summary(self, width: int = 0, no_color: bool = False) -> Text:
        """The status line under the table for this row, in words, on one line of ``width``.

        It is the one place a name cut short in the table reads in full. At 80 columns
        "13 mentions in 6 articles · 10 quotes in 4 articles" after a long name ran off
        the line mid-phrase ("10 quotes in 4"): where the whole line does not fit, the
        quotes' article count goes first, then the end is cut with an ellipsis.
        """
        head = Text.assemble((safe_line(self.name), "bold"), "  ", type_label(self.type, no_color))
        mentions = f"{plural(self.mentions, 'mention')} in {plural(self.articles, 'article')}"
        quotes = plural(self.quotes, "quote")
        for said in (f"{quotes} in {plural(self.quoted_in, 'article')}", quotes):
            parts = [
                part for part, shown in ((mentions, self.mentions), (said, self.quotes)) if shown
            ]
            text = head.copy()
            text.append("  " + " · ".join(parts), "dim")
            if not width or text.cell_len <= width:
                break
        text.no_wrap = True
        text.overflow = "ellipsis"
        if width:
            text.truncate(width, overflow="ellipsis")
        return text


class PeopleScreen(Screen[Landing | None]):
    """Most-mentioned entities and most-quoted speakers in one table, filtered as you type.

    Answers the article (and the place in it) chosen in an entity view opened from here.
    """

    HELP_TITLE = "People"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="people.back"),
        # A priority binding, so Enter in the filter opens the highlighted row too.
        Binding("enter", "open", "Open", id="people.open", priority=True),
        Binding("1", "sort('mentions')", "By mentions", id="people.sort_mentions"),
        Binding("2", "sort('articles')", "By articles", id="people.sort_articles"),
        Binding("3", "sort('quotes')", "By quotes", id="people.sort_quotes"),
        Binding("slash", "filter", "Filter", id="people.filter"),
        # From the table too (where the keys are back from an entity view), and all of it:
        # the Input's own Ctrl+U cleared only what was left of its cursor.
        Binding(
            "ctrl+u",
            "clear_filter",
            "Clear filter",
            show=False,
            priority=True,
            id="people.clear",
        ),
        Binding("question_mark,f1", "help", "Help", id="people.help"),
        Binding("j", "cursor('down')", "Down", show=False, id="people.down"),
        Binding("k", "cursor('up')", "Up", show=False, id="people.up"),
    ]
    FOOTER_KEYS = (
        "people.open",
        "people.back",
        "people.sort_mentions",
        "people.sort_articles",
        "people.sort_quotes",
        "people.filter",
    )

    DEFAULT_CSS = """
    PeopleScreen #people-filter {
        border: none;
        height: 1;
        padding: 0 1;
        background: $boost;
    }
    PeopleScreen DataTable {
        height: 1fr;
        border-top: solid $panel-lighten-2;
    }
    PeopleScreen DataTable:focus {
        border-top: solid $primary;
    }
    /* Underlined, not shaded: under NO_COLOR a shaded header looks like the cursor row. */
    PeopleScreen DataTable > .datatable--header {
        background: $background;
        text-style: bold underline;
    }
    PeopleScreen #people-status {
        height: 1;
        padding: 0 1;
        background: $panel;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PersonRow] = []
        self.sort_by = "mentions"
        self.reverse = False
        self._match = ""
        self._generation = 0
        self._redirecting = False
        self._everyone: list[PersonRow] | None = None  # the unfiltered rows, once counted

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="filter names… (type to filter, 1/2/3 sort)",
            id="people-filter",
            select_on_focus=False,
        )
        yield DataTable(id="people-table", cursor_type="row", zebra_stripes=False)
        yield Static(id="people-status")
        yield KeyBar(id="keys")

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#people-table", DataTable)

    def on_mount(self) -> None:
        self.table.border_title = "People, places, organisations"
        self.table.focus()
        # The counts take a second at 27,000 articles: a blank screen read as "nobody".
        self.query_one("#people-status", Static).update(
            Text("counting names across the library…", "dim")
        )
        self.load("")

    def on_descendant_focus(self, event: object) -> None:
        typing = self.query_one("#people-filter", Input).has_focus
        self._redirecting = False
        self.query_one(KeyBar).show_keys(self.FOOTER_KEYS, ("people.help",), typing=typing)

    def action_help(self) -> None:
        from ossetia_reader.screens.help import HelpScreen

        reader: OssetiaReader = self.app  # type: ignore[assignment]
        self.app.push_screen(HelpScreen.for_screen(self, reader.config.keys))

    # -- loading -----------------------------------------------------------------

    @on(Input.Changed, "#people-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._match = event.value
        self.load(event.value)

    def load(self, match: str, fresh: bool = False) -> None:
        """Read the rows for ``match``; an answer overtaken by a newer filter is dropped.

        The whole table (no filter) is kept: at 25,000 enriched articles it takes 1-4 s
        to count, and Ctrl+U or a backspaced filter brought that wait back each time.
        ``fresh`` counts again (after a correction in an entity view).
        """
        self._generation += 1
        if fresh:
            self._everyone = None
        if not match.strip() and self._everyone is not None:
            self._loaded(self._everyone, self._generation)
            return
        self._read(match, self._generation)

    @work(thread=True, exclusive=True)
    def _read(self, match: str, generation: int) -> None:
        """Read the library-wide counts (corrections applied) off the UI thread."""
        from ossetia_reader.core.enrich.corrected import entity_counts, speaker_counts

        reader: OssetiaReader = self.app  # type: ignore[assignment]
        entities = entity_counts(reader.library, limit=_LIMIT, match=match)
        speakers = {s.canonical: s for s in speaker_counts(reader.library, _LIMIT, match=match)}
        rows = []
        for entity in entities:
            spoke = speakers.pop(entity.canonical, None)
            rows.append(
                PersonRow(
                    entity.canonical,
                    entity.name,
                    entity.type,
                    entity.mentions,
                    entity.articles,
                    spoke.quotes if spoke else 0,
                    spoke.articles if spoke else 0,
                )
            )
        # Speakers the entity list does not name (quoted, never tagged) are people too.
        rows += [
            PersonRow(s.canonical, s.name, None, 0, 0, s.quotes, s.articles)
            for s in speakers.values()
        ]
        if not match.strip():
            self._everyone = rows
        self.app.call_from_thread(self._loaded, rows, generation)

    def _loaded(self, rows: list[PersonRow], generation: int) -> None:
        if generation != self._generation:
            return
        self.rows = rows
        self._fill()

    # -- the table -----------------------------------------------------------------

    def _name_width(self) -> int:
        fixed = _TYPE_WIDTH + sum(_COUNT_WIDTHS.values()) + 2 * (1 + len(_COUNT_WIDTHS)) + 2
        return max(12, min(60, self.size.width - fixed - 2))

    def _fill(self, keep: bool = True) -> None:
        """Show ``rows`` sorted, keeping the highlighted entity (``keep``) when still there."""
        table = self.table
        current = self._current() if keep else None
        table.clear(columns=True)
        width = self._name_width()
        table.add_column("Name", width=width, key="name")
        table.add_column("Type", width=_TYPE_WIDTH, key="type")
        for column, column_width in _COUNT_WIDTHS.items():
            arrow = ("▲" if self.reverse else "▼") if column == self.sort_by else ""
            label = Text(f"{arrow}{column.capitalize()}", justify="right")
            table.add_column(label, width=column_width, key=column)
        ordered = sorted(
            self.rows,
            key=lambda r: (getattr(r, self.sort_by), r.mentions, r.quotes, r.articles),
            reverse=not self.reverse,
        )
        for row in ordered:
            name = Text(safe_line(row.name), style="bold", no_wrap=True, overflow="ellipsis")
            name.truncate(width, overflow="ellipsis")
            table.add_row(
                name,
                type_label(row.type, self.app.no_color),
                *(Text(f"{getattr(row, column):,}", justify="right") for column in _COUNT_WIDTHS),
                key=row.key,
            )
        if not ordered:
            empty = (
                f"Nobody matches “{safe_line(self._match.strip())}”. Esc clears the filter."
                if self._match.strip()
                else "Nobody yet: names appear as articles are enriched."
            )
            self.query_one("#people-status", Static).update(Text(empty, "dim"))
            return
        keys = [row.key for row in ordered]
        table.move_cursor(row=keys.index(current) if current in keys else 0)
        self._show_status()

    def _current(self) -> str | None:
        """The key of the highlighted row, if any."""
        table = self.table
        row = table.cursor_row
        if not 0 <= row < table.row_count:
            return None
        key = table.ordered_rows[row].key.value
        return str(key) if key is not None else None

    def _row(self) -> PersonRow | None:
        key = self._current()
        return next((row for row in self.rows if row.key == key), None)

    @on(DataTable.RowHighlighted)
    def _show_status(self) -> None:
        row = self._row()
        if row is not None:
            status = self.query_one("#people-status", Static)
            status.update(row.summary(status.content_region.width, self.app.no_color))

    @on(DataTable.HeaderSelected)
    def _header_clicked(self, event: DataTable.HeaderSelected) -> None:
        column = str(event.column_key.value)
        if column in _SORTS:
            self.action_sort(column)

    def on_resize(self) -> None:
        if self.rows:
            self._fill()

    # -- actions -------------------------------------------------------------------

    def action_sort(self, column: str) -> None:
        """Sort by ``column``, most first; the same column again reverses."""
        if column not in _SORTS:
            return
        self.reverse = not self.reverse if column == self.sort_by else False
        self.sort_by = column
        self._fill(keep=False)

    def action_cursor(self, direction: str) -> None:
        if direction == "down":
            self.table.action_cursor_down()
        else:
            self.table.action_cursor_up()

    def action_filter(self) -> None:
        self.query_one("#people-filter", Input).focus()

    def action_clear_filter(self) -> None:
        """Ctrl+U: the whole filter goes, the keys stay where they are."""
        self.query_one("#people-filter", Input).value = ""

    def action_back(self) -> None:
        filter_input = self.query_one("#people-filter", Input)
        if filter_input.has_focus and filter_input.value:
            filter_input.value = ""
            return
        self.dismiss(None)

    def action_open(self) -> None:
        row = self._row()
        if row is not None:
            self._open(row)

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()  # a click on a row; Enter is the screen's own binding
        self.action_open()

    def _open(self, row: PersonRow) -> None:
        """The entity view on top of this screen; an article chosen there closes both."""
        from ossetia_reader.screens.entity import EntityScreen

        def done(landing: Landing | None) -> None:
            if landing is not None:
                self.dismiss(landing)
            else:
                self.load(self._match, fresh=True)  # a correction made there shows at once

        self.app.push_screen(EntityScreen(row.name, row.type), done)

    def on_key(self, event: events.Key) -> None:
        """Typing a letter on the table goes to the filter (j/k still move the table)."""
        filter_input = self.query_one("#people-filter", Input)
        character = event.character
        if filter_input.has_focus:
            if event.key == "down":
                event.stop()
                self.table.focus()
            return
        if not character or not character.isprintable():
            return
        # Once a letter went to the filter, what follows (j and k too) goes there until
        # the focus has moved: keys typed fast arrive before it does.
        if not self._redirecting and (not character.isalpha() or character in "jk"):
            return
        event.stop()
        event.prevent_default()
        self._redirecting = True
        filter_input.focus()
        filter_input.insert_text_at_cursor(character)
