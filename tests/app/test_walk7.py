"""Session 7's walk through the app as a demanding reader: each test failed before its fix."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, OptionList

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Quote
from ossetia_reader.core.library import Library
from ossetia_reader.screens.choose import ChoiceScreen
from ossetia_reader.screens.entity import EntityScreen
from ossetia_reader.screens.people import PeopleScreen
from tests.app.test_people_ui import build
from tests.conftest import settle


def top(app: OssetiaReader) -> object:
    """The top screen, typed loosely (so checks after an ``isinstance`` stay checks)."""
    return app.screen


@pytest.fixture
def made(tmp_path: Path) -> Library:
    return build(tmp_path / "lib")[0]


async def test_a_correction_in_the_entity_view_moves_no_row_of_its_list(made: Library) -> None:
    """The header gained a line when a correction (type, merge, hide) was noted under the
    name, so every row of the list below moved down one under the reader's eyes; the
    header also grew when the spellings loaded."""
    app = OssetiaReader(made, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = EntityScreen("Brelovsk", "ORG")
        await app.push_screen(screen)
        mentions = screen.query_one("#mentions", OptionList)
        await pilot.pause()
        first = mentions.region.y  # before the profile arrives ("loading…")
        await settle(pilot)
        assert screen.profile is not None and not screen.profile.variants
        assert mentions.region.y == first, "the list moved when the entity loaded"
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        await pilot.press("down", "enter")  # place
        await settle(pilot)
        assert top(app) is screen
        assert "you changed its type" in str(screen.query_one("#entity-header").render())
        assert mentions.region.y == first, "the list moved when the correction was noted"
        await pilot.press("x")  # hide
        await settle(pilot)
        assert mentions.region.y == first
        await pilot.press("u")
        await settle(pilot)
        assert mentions.region.y == first
        # An entity with spellings: the same place for its list.
        other = EntityScreen("Zelensky", "PER")
        await app.push_screen(other)
        await settle(pilot)
        assert other.profile is not None and other.profile.variants
        assert other.query_one("#mentions", OptionList).region.y == first


async def test_ctrl_u_clears_the_people_filter_after_an_entity_view(made: Library) -> None:
    """Back from an entity view the keys are on the table, where Ctrl+U did nothing:
    the filter could be emptied only by going back into it."""
    app = OssetiaReader(made, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        everyone = screen.table.row_count
        await pilot.press(*"brel", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert top(app) is screen and isinstance(app.focused, DataTable)
        filter_input = screen.query_one("#people-filter", Input)
        assert filter_input.value == "brel"
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert filter_input.value == ""
        assert screen.table.row_count == everyone
        assert isinstance(app.focused, DataTable), "the keys stay on the table"
        # In the filter, Ctrl+U empties it wherever the cursor is (readline's is to the left).
        await pilot.press(*"zel", "left", "left")
        await settle(pilot)
        assert filter_input.has_focus and filter_input.cursor_position == 1
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert filter_input.value == ""


async def test_a_library_that_takes_no_writes_still_opens_articles(tmp_path: Path) -> None:
    """A read-only library (read-only media; a full disk fails the same way): opening an
    article marks it read, and that refused write ended the app ("cannot write library
    …"), so nothing could be read at all; a star ended it too."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.screens.main import MainScreen
    from ossetia_reader.widgets.reading_pane import ReadingPane
    from ossetia_reader.widgets.status_bar import StatusBar

    import_bundled(Library(tmp_path / "lib"))
    library = Library(tmp_path / "lib", read_only=True)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.return_code is None, "the app ended"
        pane = main.query_one(ReadingPane)
        assert pane.article is not None and app.focused is pane
        await pilot.press("s")
        await settle(pilot)
        assert app.return_code is None
        toasts = [n.message for n in app._notifications]
        assert len(toasts) == 1 and "read-only" in toasts[0], toasts
        assert "not saved" in str(main.query_one(StatusBar).render())
        await pilot.press("m")  # the same reason again: no second toast
        await settle(pilot)
        assert len(list(app._notifications)) == 1


async def test_h_in_the_text_goes_back_to_the_list(tmp_path: Path) -> None:
    """``l`` opens an article from the list; ``h`` in the text did nothing."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.widgets.article_list import ArticleList
    from ossetia_reader.widgets.reading_pane import ReadingPane

    library = Library(tmp_path / "lib")
    import_bundled(library)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.focused, ArticleList)


async def test_an_article_without_text_says_so(tmp_path: Path) -> None:
    """A title-only record (Meduza's corpus has one; feed items often do) showed an empty
    pane, which reads as "still loading"."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.widgets.reading_pane import ReadingPane

    library = Library(tmp_path / "lib")
    library.add([Article(id="t1", title="Нидерланды обвинили четверых", body="")])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane._rendered is not None
        assert "No text came with this article" in pane._rendered.text.plain


def _transcript(turns: int) -> tuple[str, list[Quote]]:
    """A long article of quoted paragraphs, each with its speaker (a name inserted after it)."""
    paragraphs: list[str] = []
    quotes: list[Quote] = []
    at = 0
    for number in range(turns):
        said = f"“Answer number {number} is about the budget and the roads,”"
        paragraph = f"{said} the minister said in the hall."
        quotes.append(Quote(at, at + len(said), said, f"Minister {number % 7}", "said"))
        paragraphs.append(paragraph)
        at += len(paragraph) + 2
    return "\n\n".join(paragraphs), quotes


def test_a_long_transcript_is_divided_once_not_once_per_speaker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each speaker's line was inserted by slicing the body (``body[previous:at]``), and each
    slice divided the whole body: a 176,000-character Kremlin transcript took 5-7 s to show
    and again at every Tab, with the app frozen."""
    from rich.text import Text

    from ossetia_reader.core.article import Article
    from ossetia_reader.render import render_article

    body, quotes = _transcript(200)
    article = Article(id="t", title="Transcript", body=body, quotes=tuple(quotes))
    calls: list[int] = []
    divide = Text.divide

    def counted(self: Text, offsets: object) -> object:
        calls.append(len(self))
        return divide(self, offsets)  # type: ignore[arg-type]

    monkeypatch.setattr(Text, "divide", counted)
    rendered = render_article(article, width=78)
    whole = [size for size in calls if size >= len(body)]
    assert len(whole) <= 2, f"the whole body was divided {len(whole)} times"
    assert rendered.text.plain.count("— Minister 3") == 29  # every speaker is still there


async def test_tab_draws_the_cursor_without_laying_the_article_out_again(
    tmp_path: Path,
) -> None:
    """Tab re-rendered and re-wrapped the whole article to move the cursor."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.enrich.store import store_enrichment
    from ossetia_reader.widgets.reading_pane import ReadingPane

    body, quotes = _transcript(40)
    library = Library(tmp_path / "lib")
    [added] = library.add([Article(id="t", title="Transcript", body=body)])
    store_enrichment(library, added.key, [], quotes)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert app.focused is pane and pane._rendered is not None
        laid_out = pane._wrapped
        await pilot.press("tab", "tab")
        await pilot.pause()
        assert pane._wrapped is laid_out, "Tab laid the article out again"
        item = pane.current_item
        assert item is not None and item.kind == "quote"
        # The cursor is drawn where the second quote is (reverse video, the focus style).
        line = pane._wrapped.line_of(pane._rendered.position(item.start))
        top = round(pane.scroll_offset.y)
        strip = pane.render_line(line - top)
        drawn = [s for s in strip if s.style and s.style.reverse and "Answer number 1" in s.text]
        assert drawn, [(s.text, s.style) for s in strip]


async def test_a_huge_article_shows_its_beginning_and_says_how_to_read_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 4.7 MB article froze the app for 4-9 s at each open (its layout runs on the UI
    thread). The pane now lays out the first ``SHOWN_CHARS`` and says what is left."""
    from ossetia_reader import render
    from ossetia_reader.core.article import Article
    from ossetia_reader.widgets.reading_pane import ReadingPane

    monkeypatch.setattr(render, "SHOWN_CHARS", 5_000)
    paragraph = "Lorem ipsum dolor sit amet, the minister said in the hall. " * 10
    body = "\n\n".join([paragraph] * 40)  # ~24,000 characters
    library = Library(tmp_path / "lib")
    library.add([Article(id="huge-1", title="Huge", body=body)])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane._rendered is not None
        assert len(pane.article.body) <= 5_000 and pane.article.body.endswith("hall. ")
        left = len(body) - len(pane.article.body)
        assert f"[… {left:,} more characters are not shown here" in pane._rendered.text.plain
        assert "ossetia-reader show huge-1" in pane._rendered.text.plain
        stored = library.get(pane.article.key or 0)
        assert stored is not None and stored.body == body, "the library keeps it whole"


async def test_the_status_line_forgets_the_tab_cursor_once_it_is_gone(tmp_path: Path) -> None:
    """After Tab to a name, Esc and another article, the status line still said
    "ORG Kremlin — Enter: articles mentioning it" (in the list, where Enter opens)."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.widgets.status_bar import StatusBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        status = app.screen.query_one(StatusBar)
        assert "Enter: articles mentioning it" in status.message, status.message
        await pilot.press("escape")
        await pilot.pause()
        assert status.mode == "LIST"
        assert "Enter:" not in status.message, status.message
        # And from one article straight to another (n: the next unread).
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("tab")
        await pilot.pause()
        assert "Enter:" in status.message
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert "Enter:" not in status.message, status.message


def _typed_at_once(app: OssetiaReader, keys: str) -> None:
    """Keys as one terminal read delivers them (fast typing, a paste, keys over SSH): all
    queued before the app handles the first. Pilot's ``press`` waits after each key."""
    from textual import events

    names = {"/": "slash", "\r": "enter", " ": "space", "\x1b": "escape"}
    for character in keys:
        app.post_message(events.Key(names.get(character, character), character))


async def test_keys_typed_at_once_after_slash_go_to_the_search(tmp_path: Path) -> None:
    """ "/putin" typed quickly (one read over SSH): the focus moved to the search bar only
    after the queued keys were handled, so p opened the people screen and "utin" went into
    its filter."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.screens.main import MainScreen
    from ossetia_reader.widgets.article_list import ArticleList
    from ossetia_reader.widgets.reading_pane import ReadingPane
    from ossetia_reader.widgets.search_bar import SearchBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        _typed_at_once(app, "/putin")
        await settle(pilot)
        await pilot.pause(0.1)
        assert isinstance(app.screen, MainScreen), app.screen
        assert app.screen.query_one(SearchBar).value == "putin"
        # Enter and j at once: j scrolls the article just opened, not the list under it.
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.focused, ArticleList)
        top = app.screen.article_list.current_key
        _typed_at_once(app, "\rj")
        await settle(pilot)
        assert isinstance(app.focused, ReadingPane)
        assert app.screen.article_list.current_key == top, "j moved the list"
        _typed_at_once(app, "/putin")
        await settle(pilot)
        await pilot.pause(0.1)
        # Esc (clears the search) and a key at once: the key goes to the list, not the search.
        _typed_at_once(app, "\x1bj")
        await settle(pilot)
        await pilot.pause(0.1)
        assert isinstance(app.focused, ArticleList)
        assert app.screen.query_one(SearchBar).value == "", "j was typed into the search"


async def test_a_failed_feed_says_which_and_why_and_the_no_feeds_hint_goes(
    tmp_path: Path,
) -> None:
    """Subscribing to an address that is not a feed said "0 new, 0 updated from 1 feeds,
    1 failed" (which? why?) while the status line still said "No feeds yet: …"."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.screens.main import NO_FEEDS_HINT
    from ossetia_reader.screens.prompt import PromptScreen
    from ossetia_reader.widgets.status_bar import StatusBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    not_a_feed = tmp_path / "notes.xml"
    not_a_feed.write_text("just some words, no feed here\n")
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        status = app.screen.query_one(StatusBar)
        assert status.message == NO_FEEDS_HINT
        app.action_subscribe()
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        app.screen.query_one(Input).value = str(not_a_feed)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.2)
        await settle(pilot)
        toasts = [n.message for n in app._notifications]
        assert toasts and "from 1 feed;" in toasts[-1], toasts
        assert "1 failed: " in toasts[-1] and len(toasts[-1]) > len("…; 1 failed: x") + 20
        assert status.message != NO_FEEDS_HINT


async def test_the_footer_shows_n_for_the_next_unread_while_reading(tmp_path: Path) -> None:
    """n opens the next unread article (newsboat's key for reading on) but the footer never
    said so while reading: it showed n only for search hits."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.screens.main import MainScreen
    from ossetia_reader.widgets.key_bar import KeyBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        footer = str(main.query_one(KeyBar).render())
        assert "n Next unread" in footer, footer
        first = main.open_key
        await pilot.press("n")
        await settle(pilot)
        assert main.open_key != first
        # With a search's hits, n steps through them, and the footer says that instead.
        await pilot.press("slash", *"peskov", "enter")
        await settle(pilot)
        footer = str(app.screen.query_one(KeyBar).render())
        assert "n Next hit" in footer and "n Next unread" not in footer, footer


async def test_clearing_the_people_filter_does_not_count_the_library_again(
    made: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+U (or backspacing the filter) counted every name again: 1-4 s at 25,000
    enriched articles, each time. After a correction in an entity view it counts again."""
    from ossetia_reader.core.enrich import corrected

    calls: list[str] = []
    counts = corrected.entity_counts

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(str(kwargs.get("match", "")))
        return counts(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(corrected, "entity_counts", counted)
    app = OssetiaReader(made, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        everyone = screen.table.row_count
        await pilot.press(*"brel")
        await settle(pilot)
        assert screen.table.row_count < everyone
        asked = len(calls)
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert screen.table.row_count == everyone
        assert len(calls) == asked, f"counted again: {calls[asked:]}"
        # A correction in an entity view: the whole table is counted afresh.
        await pilot.press(*"head", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("x")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+u")
        await settle(pilot)
        assert "Head of State" not in [
            str(screen.table.get_row_at(i)[0]) for i in range(screen.table.row_count)
        ]


async def test_type_labels_are_readable_under_no_color(
    made: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under NO_COLOR "organisation" in the people table was grey 237 on 235 (its magenta
    turned into a grey of its brightness): all but invisible. Now the text's own grey,
    underlined and bold as in the reading pane."""
    from rich.style import Style
    from rich.text import Text

    monkeypatch.setenv("NO_COLOR", "1")
    app = OssetiaReader(made, enrich=False)
    async with app.run_test(size=(100, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        table = screen.table
        text = table.rich_style.color
        rows = [table.get_row_at(i) for i in range(table.row_count)]
        labels = {str(row[1]): row[1] for row in rows}
        assert "organisation" in labels and "place" in labels, labels
        for name, label in labels.items():
            assert isinstance(label, Text)
            style = label.style if isinstance(label.style, Style) else Style.parse(label.style)
            assert style.color in (None, text), (name, style)
            assert style.bold or style.underline or style.italic or name == "other", name


async def test_adding_articles_says_so_while_it_works_and_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+P → Add articles with 17,000 Reuters articles: seconds with nothing said, then
    "17002 added, 0 updated from 1 files" as news that the first-run hint hid at 80 columns."""
    import json

    from ossetia_reader.core import importer
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.screens.main import NO_FEEDS_HINT
    from ossetia_reader.widgets.status_bar import StatusBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    source = tmp_path / "three.jsonl"
    source.write_text(
        "".join(
            json.dumps({"id": f"x{i}", "title": f"Story {i}", "body": f"Text {i}."}) + "\n"
            for i in range(3)
        )
    )
    seen: list[str] = []
    real = importer.import_paths

    def watched(*args: object, **kwargs: object) -> object:
        seen.append(bar.activity)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importer, "import_paths", watched)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(StatusBar)
        assert bar.message == NO_FEEDS_HINT
        app.import_sources([str(source)])
        await settle(pilot)
        await pilot.pause(0.1)
        assert seen and seen[0].startswith("adding three.jsonl"), seen
        line = bar.render().plain
        assert "3 added, 0 updated from 1 source" in line, line
        assert NO_FEEDS_HINT not in line


async def test_mark_everything_read_asks_first(tmp_path: Path) -> None:
    """M (on the key of m, mark one article) marked the whole library read at once, with no
    way back: a slip of Shift lost every unread mark of a 24,826-article library."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.core.library import ArticleFilter
    from ossetia_reader.widgets.status_bar import StatusBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    unread = library.count(ArticleFilter.UNREAD)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("M")
        await settle(pilot)
        assert library.count(ArticleFilter.UNREAD) == unread > 0
        status = app.screen.query_one(StatusBar)
        assert "M again" in status.message, status.message
        await pilot.press("M")
        await settle(pilot)
        assert library.count(ArticleFilter.UNREAD) == 0
        assert status.message == f"{unread:,} marked read"


async def test_ctrl_s_saves_the_search_under_the_name_shown(tmp_path: Path) -> None:
    """Ctrl+S showed the search as the name, but grey: a placeholder. Enter on it answered
    nothing and the search was silently not saved."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.core.saved import list_saved
    from ossetia_reader.screens.prompt import PromptScreen

    library = Library(tmp_path / "lib")
    import_bundled(library)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"kremlin")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PromptScreen)
        await pilot.press("enter")
        await settle(pilot)
        await pilot.pause(0.1)
        assert [(s.name, s.query) for s in list_saved(library)] == [("kremlin", "kremlin")]


async def test_tag_on_a_source_says_why_it_does_nothing(tmp_path: Path) -> None:
    """t, R or d on a source in the feeds pane rang the bell (silent in most terminals) and
    did nothing: the reader could not tell a refused key from a broken one."""
    from ossetia_reader.core.bundled import import_bundled
    from ossetia_reader.core.feedlist import ViewKind
    from ossetia_reader.widgets.feeds_pane import FeedsPane
    from ossetia_reader.widgets.status_bar import StatusBar

    library = Library(tmp_path / "lib")
    import_bundled(library)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        pane = app.screen.query_one(FeedsPane)
        assert app.focused is pane
        for _ in range(len(pane.entries)):
            view = pane.highlighted_view
            if view is not None and view.kind is ViewKind.SOURCE:
                break
            await pilot.press("j")
        assert pane.highlighted_view is not None
        assert pane.highlighted_view.kind is ViewKind.SOURCE
        await pilot.press("t")
        await pilot.pause()
        message = app.screen.query_one(StatusBar).message
        assert "is a source" in message and "only feeds can be tagged" in message, message


async def test_q_stops_an_import_between_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """q while a 100,000-article file was being added: the app's end waited for the whole
    import (~10 s of blank terminal). The import is now asked to stop between batches."""
    import threading
    import time

    from ossetia_reader.core import importer
    from ossetia_reader.core.bundled import import_bundled

    library = Library(tmp_path / "lib")
    import_bundled(library)
    started = threading.Event()
    waited: list[float] = []

    def slow(*args: object, should_stop: object = None, **kwargs: object) -> list[object]:
        started.set()
        begin = time.monotonic()
        while time.monotonic() - begin < 5:  # batches of a long file
            if callable(should_stop) and should_stop():
                break
            time.sleep(0.01)
        waited.append(time.monotonic() - begin)
        return []

    monkeypatch.setattr(importer, "import_paths", slow)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.import_sources([str(tmp_path / "big.jsonl")])
        for _ in range(200):
            if started.is_set():
                break
            await pilot.pause(0.01)
        asked = time.monotonic()
        await pilot.press("q")
    assert waited and waited[0] < 4, waited
    assert time.monotonic() - asked < 4


async def test_q_stops_an_index_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """q while the search index was being rebuilt (a damaged index at 100,000 articles):
    the app's end waited for the rebuild, a blank terminal for 8.5 s."""
    import threading
    import time

    from ossetia_reader.core import search
    from ossetia_reader.core.bundled import import_bundled

    library = Library(tmp_path / "lib")
    import_bundled(library)
    started = threading.Event()
    took: list[float] = []

    def slow_build(*args: object, progress: object = None, **kwargs: object) -> object:
        started.set()
        begin = time.monotonic()
        try:
            while time.monotonic() - begin < 5:  # 4,000 articles a step
                if callable(progress):
                    progress(4000)
                time.sleep(0.02)
        finally:
            took.append(time.monotonic() - begin)
        raise AssertionError("the build was not stopped")

    monkeypatch.setattr(search, "open_index", slow_build)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(300):
            if started.is_set():
                break
            await pilot.pause(0.01)
        assert started.is_set()
        await pilot.press("q")
    assert took and took[0] < 4, took


def test_titles_are_read_once_while_the_index_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before the index is ready each keystroke is answered from titles, and each read all
    the titles again: 0.34 s a keystroke at 99,113 articles (2.2 s beside a rebuild)."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.search_service import SearchService

    library = Library(tmp_path / "lib")
    library.add([Article(id="a", title="Putin meets Bibilov", body="x")])
    reads: list[int] = []
    titles = library.titles

    def counted() -> object:
        reads.append(1)
        return titles()

    monkeypatch.setattr(library, "titles", counted)
    service = SearchService(library)
    assert service.search("p").keys and service.search("pu").keys
    assert service.search("putin bib").keys and not service.search("peskov").keys
    assert len(reads) == 1, reads
    library.add([Article(id="b", title="Peskov on Putin", body="y")])
    assert len(service.search("peskov").keys) == 1, "a new article is found"
    assert len(reads) == 2
