"""What a new user's walk through the app at 80x24 and 120x40 found, each kept fixed."""

from __future__ import annotations

import pytest
from rich.style import Style

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.article_list import ArticleList
from tests.conftest import settle

SIZES = [(80, 24), (120, 40)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_the_list_has_no_sideways_scrollbar(library: Library, size: tuple[int, int]) -> None:
    """At 80x24 a one-column-too-wide virtual size showed a horizontal scrollbar over a row."""
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        assert not article_list.show_horizontal_scrollbar
        await pilot.press("enter", "escape", "f", "f")  # open, back, hide and show the list
        await settle(pilot)
        assert not article_list.show_horizontal_scrollbar


async def test_a_hint_in_the_status_line_is_not_cut_for_background_news(
    library: Library,
) -> None:
    """At 80 columns the first-run hint was cut to "No feeds …" by enrichment and index news."""
    from ossetia_reader.screens.main import NO_FEEDS_HINT
    from ossetia_reader.widgets.status_bar import StatusBar

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(StatusBar)
        bar.message = NO_FEEDS_HINT
        bar.activity = "enriching 0/14"
        bar.news = "search index built (14 articles)"
        await pilot.pause()
        line = bar.render().plain
        assert NO_FEEDS_HINT in line and line.rstrip().endswith("14 articles")
        assert len(line) <= 80
        bar.message = "copied"  # room again: the news comes back
        await pilot.pause()
        assert "search index built" in bar.render().plain


def top_line(app: OssetiaReader) -> str:
    from ossetia_reader.widgets.reading_pane import ReadingPane

    pane = app.screen.query_one(ReadingPane)
    return "".join(segment.text for segment in pane.render_line(0)).strip()


@pytest.mark.parametrize("keys", [("i",), ("plus", "plus"), ("quotation_mark",)])
async def test_rewrapping_keeps_the_line_being_read_on_top(
    library: Library, keys: tuple[str, ...]
) -> None:
    """`i`, `+`/`-` and the colour toggles rewrap the text: the top line's words stay on top."""
    from ossetia_reader.widgets.reading_pane import ReadingPane

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        pane.scroll_to(y=14, animate=False, immediate=True)
        await pilot.pause()
        before = top_line(app)
        assert before and pane.scroll_offset.y == 14
        for key in keys:
            await pilot.press(key)
        await settle(pilot)
        second = "".join(s.text for s in pane.render_line(1)).strip()
        assert before[:12] in top_line(app) + " " + second, (before, top_line(app))


def test_addresses_are_cut_in_the_middle() -> None:
    from ossetia_reader.render import middle_cut
    from ossetia_reader.screens.links import Address
    from tests.conftest import plain

    first = "https://www.example.com/2022/03/31/a-long-path-to-an-article-about-talks-a77164"
    second = first.replace("a77164", "a77051")
    assert middle_cut(first, 30) != middle_cut(second, 30)
    assert len(middle_cut(first, 30)) == 30 and middle_cut(first, 30).endswith("a77164")
    assert middle_cut("short", 30) == "short"
    assert plain(Address(first, "dim"), width=40) == "   " + middle_cut(first, 37)


async def test_the_address_under_the_title_takes_one_line(library: Library) -> None:
    """At 80 columns the seed's address was folded over three lines above the text."""
    from ossetia_reader.widgets.reading_pane import ReadingPane

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.url
        lines = ["".join(s.text for s in pane.render_line(y)).strip() for y in range(6)]
        (shown,) = [line for line in lines if line.startswith("https://")]
        assert "…" in shown and shown.endswith(pane.article.url[-10:])
        assert not any(line.startswith(pane.article.url[50:60]) for line in lines)


async def test_the_welcome_lists_steps_with_hanging_indents(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The empty library's steps wrapped back to the bullet's column at 80x24."""
    from ossetia_reader.widgets.reading_pane import ReadingPane

    app = OssetiaReader(Library(tmp_path / "empty"), enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        lines = ["".join(s.text for s in pane.render_line(y)).rstrip() for y in range(16)]
        bullets = [i for i, line in enumerate(lines) if line.startswith(" • ")]
        assert len(bullets) >= 3
        for i in bullets:
            following = lines[i + 1]
            if following and not following.startswith(" • "):
                assert following.startswith("   ") and not following.startswith("    "), lines


async def test_what_is_typed_in_a_prompt_can_be_seen(library: Library) -> None:
    """The subscribe prompt's field drew a two-row border in one row: typing was invisible."""
    from textual.widgets import Input

    from ossetia_reader.screens.prompt import PromptScreen

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(PromptScreen("Subscribe to a feed (URL or file):"))
        await pilot.pause()
        await pilot.press(*"https://example.org/feed")
        await pilot.pause()
        field = app.screen.query_one(Input)
        assert field.has_focus and field.content_region.height == 1
        shown = "".join(s.text for s in field.render_line(0))
        assert "https://example.org/feed" in shown


async def test_hiding_the_feeds_pane_leaves_the_keys_where_they_belong(library: Library) -> None:
    """F in the feeds pane sent the focus to the search bar (the next keys typed a search);
    F while reading moved it to the list."""
    from ossetia_reader.widgets.feeds_pane import FeedsPane
    from ossetia_reader.widgets.reading_pane import ReadingPane

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("shift+tab")
        await settle(pilot)
        assert isinstance(app.focused, FeedsPane)
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.focused, ArticleList) and app.focused.display
        await pilot.press("F")  # the pane back, with the keys
        await settle(pilot)
        assert isinstance(app.focused, FeedsPane)
        await pilot.press("escape", "enter")  # to the list, then read
        await settle(pilot)
        assert isinstance(app.focused, ReadingPane)
        assert app.screen.query_one(FeedsPane).display
        await pilot.press("F")
        await settle(pilot)
        assert isinstance(app.focused, ReadingPane)


async def test_help_names_the_feeds_panes_keys_like_the_lists(library: Library) -> None:
    """The feeds pane's section said "j Down", the list's "j ↓ Down"; g/G did nothing there."""
    from ossetia_reader.screens.help import binding_sections
    from ossetia_reader.widgets.feeds_pane import FeedsPane

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        sections = dict(binding_sections(app.screen))
        feeds = {line.keys: line.text for line in sections["Feeds pane"]}
        articles = {line.keys: line.text for line in sections["Article list"]}
        for keys in ("j ↓", "k ↑", "g Home", "G End"):
            assert keys in feeds and keys in articles
        await pilot.press("shift+tab")
        await settle(pilot)
        pane = app.screen.query_one(FeedsPane)
        assert app.focused is pane
        await pilot.press("G")
        assert pane.highlighted == pane.option_count - 1
        await pilot.press("g")
        assert pane.highlighted == 0


async def test_an_empty_people_filter_says_how_to_clear_it(library: Library) -> None:
    """ "Nobody matches this filter." left a new user to guess the way back."""
    from textual.widgets import DataTable, Input, Static

    from ossetia_reader.core.article import Entity
    from ossetia_reader.core.enrich.store import store_enrichment
    from ossetia_reader.screens.people import PeopleScreen

    key = library.keys()[0]
    store_enrichment(library, key, [Entity(0, 4, "Anna", "PER", "Anna Brelova")], [])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press(*"zzz")
        await settle(pilot)
        status = str(app.screen.query_one("#people-status", Static).render())
        assert "“zzz”" in status and "Esc clears the filter" in status
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen), "Esc cleared the filter first"
        assert app.screen.query_one("#people-filter", Input).value == ""
        assert app.screen.query_one(DataTable).row_count >= 1


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_group_headers_keep_their_count(library: Library, size: tuple[int, int]) -> None:
    """Grouped by source at 80 columns, "── President of Ukraine · " lost its count."""
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        width = article_list.scrollable_content_region.width
        headers = [
            article_list._header_strip(label, article_list.row_height - 1, width, Style())
            for label in article_list._headers.values()
        ]
        assert headers
        for label, strip in zip(article_list._headers.values(), headers, strict=True):
            shown = "".join(segment.text for segment in strip)
            assert len(shown) == width
            assert f"· {label.rpartition(' · ')[2]} " in shown, shown


async def test_the_first_run_hint_gives_way_once_an_article_is_opened(library: Library) -> None:
    """Kept for the session, at 80 columns it hid enrichment's progress the whole time."""
    from ossetia_reader.screens.main import NO_FEEDS_HINT
    from ossetia_reader.widgets.status_bar import StatusBar

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(StatusBar)
        assert bar.message == NO_FEEDS_HINT
        bar.activity = "enriching 34/1,971"
        await pilot.press("enter")
        await settle(pilot)
        assert bar.message != NO_FEEDS_HINT
        assert "enriching 34/1,971" in bar.render().plain


@pytest.mark.parametrize("size", [(200, 50), (120, 40)], ids=["200x50", "120x40"])
async def test_a_wide_terminal_gives_the_titles_what_the_text_cannot_use(
    library: Library, size: tuple[int, int]
) -> None:
    """At 200 columns titles were cut at 53 columns beside 30 empty ones right of the text."""
    from ossetia_reader.widgets.reading_pane import ReadingPane

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        pane = app.screen.query_one(ReadingPane)
        if size[0] == 200:
            assert pane.text_width == pane.max_width, "the text keeps its full reading width"
            assert article_list.size.width >= 75
            assert pane.size.width - pane.text_width <= 8, "no band of empty columns"
            await pilot.press("enter", "i")  # the info panel beside: the titles give way
            await settle(pilot)
            assert article_list.size.width <= 56 and pane.text_width >= 75
        else:
            assert article_list.size.width <= 56, "as before where there is nothing to spare"
