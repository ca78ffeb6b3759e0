"""The entity view: one entity across the library, and the reader's corrections of it.

Opened with Enter on an entity or a quote in the reading pane, or from the
people screen. The top names the entity as most of its mentions write it,
with its other spellings ("also written: …") and any correction the reader
made; below, the articles mentioning it (newest first, with the sentence) and
its quotes. Enter on a row answers with that article's key; the main screen
then opens it.

``t`` changes the type, ``m`` merges it into another entity, ``x`` hides it as
not-an-entity and ``u`` undoes. Corrections are stored in the library and
apply at once everywhere (see ``core/enrich/corrections.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.messages import Landing
from ossetia_reader.render import ENTITY_NAMES, ENTITY_TYPES, plural, type_label
from ossetia_reader.widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ossetia_reader.app import OssetiaReader
    from ossetia_reader.core.enrich.corrected import EntityProfile
    from ossetia_reader.screens.choose import Choices

# The view lists the library's articles under a name; the names it never lists are
# the ones enrichment keeps inside their article (store.py): a Russian first name
# alone, each article's another person, and money or time-zone marks.
_NOT_FOLLOWED = (
    "No article is listed under this name: a first name alone (each article's "
    "is another person) or a mark like US$ is kept within its own article."
)
_VARIANTS_SHOWN = 8


class EntityScreen(Screen[Landing | None]):
    """Articles that mention one entity, newest first, then the quotes it spoke."""

    HELP_TITLE = "Entity view"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "dismiss(None)", "Back", id="entity.back"),
        # Short labels: at 80 columns the footer has room for all seven keys only so.
        Binding(
            "enter",
            "open",
            "Open",
            tooltip="Open the article of the highlighted row, at that sentence or quote",
            id="entity.open",
            priority=True,
        ),
        Binding("t", "change_type", "Type", id="entity.type"),
        Binding(
            "m",
            "merge",
            "Merge",
            tooltip="Merge into another entity (chosen from a list)",
            id="entity.merge",
        ),
        Binding("x", "hide", "Hide", id="entity.hide"),
        Binding("u", "undo", "Undo", id="entity.undo"),
        Binding("question_mark,f1", "help", "Help", id="entity.help"),
        Binding("j", "cursor_down", "Down", show=False, id="entity.down"),
        Binding("k", "cursor_up", "Up", show=False, id="entity.up"),
        Binding(
            "tab,shift+tab",
            "other_list",
            "Quotes",
            tooltip="Between the articles and the quotes (j/k also run on from one to the other)",
            id="entity.switch",
            priority=True,
        ),
    ]
    FOOTER_KEYS = (
        "entity.open",
        "entity.back",
        "entity.switch",
        "entity.type",
        "entity.merge",
        "entity.hide",
        "entity.undo",
    )

    DEFAULT_CSS = """
    /* One line each (name, spellings, corrections): wrapped, "… and 1 / more" took a line.
       Three lines from the first frame, whether or not there are spellings or a correction:
       a line gained when the spellings loaded or a correction was noted moved every row of
       the list below under the reader's eyes. */
    EntityScreen #entity-header {
        height: 3;
        padding: 0 1;
        background: $panel;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    EntityScreen > Vertical {
        height: 1fr;
    }
    EntityScreen OptionList {
        height: 1fr;
        max-height: 100%;
        border: none;
        border-top: solid $panel-lighten-2;
        border-title-color: $text;
    }
    EntityScreen #quotes {
        height: auto;
        max-height: 50%;
    }
    EntityScreen OptionList:focus {
        border: none;
        border-top: solid $primary;
    }
    """

    def __init__(self, name: str, type_: str | None) -> None:
        super().__init__()
        self.entity_name = name
        self.entity_type = type_
        self.profile: EntityProfile | None = None
        self._landings: dict[str, Landing] = {}  # option id -> where its article opens
        # What the last undo did, in words, shown in the header until the next correction.
        self._undone = ""
        self._detail = "loading…"  # the counts in the header's first line

    @property
    def reader(self) -> OssetiaReader:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        yield Static(self._header(), id="entity-header")
        with Vertical():
            yield OptionList(id="mentions")
            yield OptionList(id="quotes")
        yield KeyBar(id="keys")

    def _header(self, detail: str = "loading…") -> Text:
        """Name, type and counts; the other spellings; the reader's correction, if any."""
        profile = self.profile
        text = Text(no_wrap=True, overflow="ellipsis")
        name = Text(safe_line(profile.name if profile else self.entity_name), "bold")
        kind = profile.type if profile else self.entity_type
        tail = Text()
        if kind:
            tail.append("  ")
            tail.append_text(type_label(kind, self.app.no_color))
        tail.append(f"  {detail}", "dim")
        if self.is_mounted:  # a long name gives way to its type and counts, not they to it
            name.truncate(max(12, self._header_width() - tail.cell_len), overflow="ellipsis")
        text.append_text(name)
        text.append_text(tail)
        if profile is None:
            return text
        if profile.variants:
            text.append("\nalso written: ", "dim")
            text.append(_fitted(profile.variants, self._header_width() - len("also written: ")))
        else:
            text.append("\nno other spelling", "dim")
        correction = profile.correction
        notes = []
        if correction is not None and correction.action == "hide":
            notes.append("hidden as not an entity (u: show it again)")
        elif correction is not None and correction.action == "type":
            kind_name = ENTITY_NAMES.get(correction.type or "", "?")
            notes.append(f"you changed its type to {kind_name} everywhere (u: undo)")
        if profile.merged:
            merged = ", ".join(safe_line(m) for m in profile.merged)
            into = safe_line(profile.head or profile.name)
            notes.append(f"you merged {merged} into {into} (u: undo the last)")
        if self._undone:
            notes.insert(0, self._undone)
        if notes:  # the third line, kept for it (see DEFAULT_CSS)
            text.append("\n" + "; ".join(notes), "italic")
        return text

    def _header_width(self) -> int:
        """Columns of the header's text (before the first layout: the screen's, less padding)."""
        width = self.query_one("#entity-header", Static).content_region.width
        return width or self.app.size.width - 2

    def on_resize(self) -> None:
        if self.profile is not None:
            self.query_one("#entity-header", Static).update(self._header(self._detail))

    def on_mount(self) -> None:
        self.query_one("#mentions", OptionList).border_title = "Articles mentioning"
        self.query_one("#quotes", OptionList).border_title = "Quotes"
        self.query_one("#mentions", OptionList).focus()
        self.query_one(KeyBar).show_keys(self.FOOTER_KEYS, ("entity.help",), typing=False)
        self.load()

    def action_help(self) -> None:
        from ossetia_reader.screens.help import HelpScreen

        self.app.push_screen(HelpScreen.for_screen(self, self.reader.config.keys))

    def action_open(self) -> None:
        """Enter: the article of the highlighted row (OptionList answers this itself)."""
        if option_list := self._focused_list():
            option_list.action_select()

    @work(thread=True, exclusive=True, group="entity-load")
    def load(self) -> None:
        """Query the library's mention and quote tables off the UI thread."""
        from ossetia_reader.core.enrich.corrected import articles_mentioning, profile, quotes_by

        library = self.reader.library
        found = profile(library, self.entity_name, self.entity_type)
        mentions = articles_mentioning(library, self.entity_name)
        quotes = quotes_by(library, self.entity_name)
        keys = [key for key, _ in mentions] + [q.key for q in quotes]
        titles = {s.key: s for s in library.summaries(list(dict.fromkeys(keys)))}
        landings: dict[str, Landing] = {}
        mention_options = []
        for key, sentence in mentions:
            summary = titles.get(key)
            if summary is None:
                continue
            date = summary.date.isoformat() if summary.date else "undated"
            heading = Table.grid()  # a long title wraps under itself, not under the date
            heading.add_column(width=len(date) + 2, no_wrap=True)
            heading.add_column(overflow="fold")
            heading.add_row(Text(date, "dim"), Text(safe_line(summary.title), "bold"))
            prompt = Group(heading, _indented(Text(safe_line(sentence))))
            mention_options.append(Option(prompt, id=f"m{key}"))
            landings[f"m{key}"] = Landing(key, "entity", sentence=sentence, name=found.name)
        quote_options = []
        for index, quote in enumerate(quotes):
            summary = titles.get(quote.key)
            source = Text(f"{safe_line(quote.cue or 'said')} — ", "dim")
            source.append(safe_line(summary.title) if summary else "", "dim")
            prompt = Group(Text(safe_line(quote.text), "italic"), _indented(source))
            quote_options.append(Option(prompt, id=f"q{index}:{quote.key}"))
            landings[f"q{index}:{quote.key}"] = Landing(quote.key, "quote", start=quote.start)
        # The whole library's counts (the lists hold the newest 500 of each).
        articles = plural(max(found.articles, len(mention_options)), "article")
        said = plural(max(found.quotes, len(quote_options)), "quote")
        detail = f"{articles} · {said}"
        self.app.call_from_thread(
            self._loaded, found, mention_options, quote_options, detail, landings
        )

    def _loaded(
        self,
        found: EntityProfile,
        mentions: list[Option],
        quotes: list[Option],
        detail: str,
        landings: dict[str, Landing],
    ) -> None:
        self.profile = found
        self._landings = landings
        self._detail = detail
        self.query_one("#entity-header", Static).update(self._header(detail))
        mention_list = self.query_one("#mentions", OptionList)
        quote_list = self.query_one("#quotes", OptionList)
        keep = mention_list.highlighted
        mention_list.clear_options()
        quote_list.clear_options()
        mention_list.add_options(mentions or [Option(_NOT_FOLLOWED, disabled=True)])
        quote_list.add_options(quotes or [Option("No quotes by this name.", disabled=True)])
        mention_list.highlighted = min(keep or 0, len(mentions) - 1) if mentions else None
        if not mentions and quotes:
            quote_list.focus()
            quote_list.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        landing = self._landings.get(event.option.id or "")  # every article's row has one
        if landing is not None:
            self.dismiss(landing)

    def _focused_list(self) -> OptionList | None:
        return self.focused if isinstance(self.focused, OptionList) else None

    def action_cursor_down(self) -> None:
        """j: down the articles, then on into the quotes (one list to the eye).

        The quotes were reachable only with Tab, which the footer did not show: j at
        the last article stopped there and the quotes below seemed out of reach.
        """
        option_list = self._focused_list()
        if option_list is None:
            return
        last = option_list.option_count - 1
        at_end = option_list.id == "mentions" and option_list.highlighted in (last, None)
        if not (at_end and self._move_to("#quotes", 0)):
            option_list.action_cursor_down()

    def action_cursor_up(self) -> None:
        """k: up the quotes, then back into the articles at their last row."""
        option_list = self._focused_list()
        if option_list is None:
            return
        at_top = option_list.id == "quotes" and option_list.highlighted in (0, None)
        last = self.query_one("#mentions", OptionList).option_count - 1
        if not (at_top and self._move_to("#mentions", last)):
            option_list.action_cursor_up()

    def action_other_list(self) -> None:
        """Tab: the other list (articles ↔ quotes), when it has something to choose."""
        option_list = self._focused_list()
        other = "#quotes" if option_list is None or option_list.id == "mentions" else "#mentions"
        target = self.query_one(other, OptionList)
        self._move_to(other, target.highlighted or 0)

    def _move_to(self, selector: str, index: int) -> bool:
        """Focus the list ``selector`` at ``index`` if that row can be chosen."""
        target = self.query_one(selector, OptionList)
        if not 0 <= index < target.option_count or target.get_option_at_index(index).disabled:
            return False
        target.focus()
        target.highlighted = index
        return True

    # -- corrections ------------------------------------------------------------------

    @property
    def shown_name(self) -> str:
        """The entity as this view shows it (what a correction made here names)."""
        return self.profile.name if self.profile else self.entity_name

    def action_change_type(self) -> None:
        from ossetia_reader.screens.choose import ChoiceScreen

        current = self.profile.type if self.profile else self.entity_type

        no_color = self.app.no_color

        def types(_: str) -> Choices:
            return [
                (
                    t,
                    Text.assemble(
                        type_label(t, no_color), ("  (now)" if t == current else "", "dim")
                    ),
                )
                for t in ENTITY_TYPES
            ]

        def chosen(type_: str | None) -> None:
            if type_ and type_ != current:
                self.correct("type", type_)

        self.app.push_screen(ChoiceScreen(f"{self.shown_name} is a…", types), chosen)

    def action_merge(self) -> None:
        from ossetia_reader.core.enrich.canonical import canonical_key
        from ossetia_reader.core.enrich.corrected import entity_counts
        from ossetia_reader.screens.choose import ChoiceScreen

        library = self.reader.library
        own = canonical_key(self.shown_name)

        def targets(text: str) -> Choices:
            rows = entity_counts(library, limit=40, match=text)
            return [
                (
                    f"{row.type}\t{row.name}",
                    Text.assemble(
                        (safe_line(row.name), "bold"),
                        "  ",
                        type_label(row.type, self.app.no_color),
                        (f"  {plural(row.mentions, 'mention')}", "dim"),
                        no_wrap=True,
                        overflow="ellipsis",
                    ),
                )
                for row in rows
                if row.canonical != own
            ][:30]

        def chosen(choice: str | None) -> None:
            if choice and "\t" in choice:
                type_, name = choice.split("\t", 1)
                self.correct("merge", name, type_)

        self.app.push_screen(
            ChoiceScreen(
                f"Merge {self.shown_name} into…",
                targets,
                filterable=True,
                empty="No other entity matches.",
            ),
            chosen,
        )

    def action_hide(self) -> None:
        profile = self.profile
        if profile and profile.correction and profile.correction.action == "hide":
            self.correct("undo")
        else:
            self.correct("hide")

    def action_undo(self) -> None:
        self.correct("undo")

    @work(thread=True, exclusive=True, group="entity-correct")
    def correct(self, action: str, value: str = "", target_type: str | None = None) -> None:
        """Store one correction (or undo one), then show its effect everywhere."""
        from ossetia_reader.core.enrich import corrections
        from ossetia_reader.core.library import LibraryError

        library = self.reader.library
        name = self.shown_name
        undone = ""
        try:
            if action == "type":
                corrections.set_type(library, name, value)
            elif action == "merge":
                corrections.merge(library, name, value, target_type)
                self.entity_name, self.entity_type = value, target_type
            elif action == "hide":
                corrections.hide(library, name)
            else:
                undone = self._undo(name)
        except (corrections.CorrectionError, LibraryError) as error:
            self.app.call_from_thread(self.notify, str(error), severity="error", markup=False)
            return
        self.app.call_from_thread(self._corrected, name, undone)

    def _undo(self, name: str) -> str:
        """Undo this entity's own correction, else the last merge into it."""
        from ossetia_reader.core.enrich import corrections

        removed = corrections.remove(self.reader.library, name)
        if removed is None and self.profile and self.profile.merged:
            merged = corrections.load(self.reader.library)
            last = max(
                (merged.get(m) for m in self.profile.merged),
                key=lambda c: c.made if c else "",
            )
            if last is not None:
                removed = corrections.remove(self.reader.library, last.name)
        if removed is None:
            return "nothing to undo here"
        if removed.action == "type":
            return f"undone: {removed.name} has the type enrichment found again"
        if removed.action == "merge":
            return f"undone: {removed.name} is apart from {removed.target} again"
        return f"undone: {removed.name} is shown as an entity again"

    def _corrected(self, name: str, undone: str) -> None:
        """Say what changed in the header (a toast here covered the text for seconds,
        and again the reading pane after Esc); the note stays until the next correction."""
        self._undone = safe_line(undone)
        self.reader.entities_corrected(name)
        self.load()


def _fitted(variants: Sequence[str], width: int) -> str:
    """As many spellings as fit ``width`` (at most ``_VARIANTS_SHOWN``), then "and N more"."""
    names = [safe_line(v) for v in variants]
    for count in range(min(len(names), _VARIANTS_SHOWN), 0, -1):
        more = len(names) - count
        line = ", ".join(names[:count]) + (f" and {more} more" if more else "")
        if cell_len(line) <= width or count == 1:
            return line
    return ""


def _indented(text: Text) -> Padding:
    """Two columns in as a block, so wrapped lines keep the indent of the first."""
    return Padding(text, (0, 0, 0, 2))
