"""What a new user meets first: a footer that fits, help, a screen that holds still."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article, Entity, Link
from ossetia_reader.core.library import Library
from ossetia_reader.render import fit_snippet, render_article, wrap
from ossetia_reader.screens.help import HelpScreen
from ossetia_reader.screens.links import LinksScreen
from ossetia_reader.widgets.article_info import ArticleInfo
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.key_bar import KeyBar
from ossetia_reader.widgets.reading_pane import ReadingPane
from ossetia_reader.widgets.search_bar import SearchBar
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle


def footer(app: OssetiaReader) -> str:
    return app.screen.query_one(KeyBar).render().plain


@pytest.mark.parametrize("width", [80, 120])
async def test_footer_fits_and_names_the_keys_of_the_focused_pane(
    library: Library, width: int
) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(width, 24)) as pilot:
        await settle(pilot)
        shown = footer(app)
        assert len(shown) <= width and shown.rstrip().endswith("? Help")
        assert "Enter Open" in shown and "/ Search" in shown and "v Filter" in shown
        await pilot.press("enter")
        await settle(pilot)
        shown = footer(app)
        assert isinstance(app.focused, ReadingPane)
        assert len(shown) <= width and "Esc List" in shown and "Space Page" in shown
        assert "Next hit" not in shown, "n is offered only when there are search hits"
        await pilot.press("slash")
        shown = footer(app)
        assert len(shown) <= width
        assert "Enter Open top result" in shown and "↓ Results" in shown
        assert "? Help" not in shown and "F1 Help" in shown, "? types a character here"


async def test_footer_follows_the_keymap(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 24)) as pilot:
        app.set_keymap({"main.search": "ctrl+k"})
        await settle(pilot)
        assert "Ctrl+K Search" in footer(app)


async def test_down_from_the_search_bar_moves_into_the_results(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ossetia")
        await settle(pilot)
        await pilot.press("down")
        assert isinstance(app.focused, ArticleList)
        await pilot.press("escape")  # in the list: clears the search
        await settle(pilot)
        assert len(app.screen.query_one(ArticleList).keys) == library.count()


async def test_help_is_a_cheat_sheet_of_this_apps_keys(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        titles = [title for title, _ in help_screen.sections]
        assert titles == ["Anywhere", "Search bar", "Feeds pane", "Article list", "Reading pane"]
        anywhere = {line.keys: line.text for line in help_screen.sections[0][1]}
        assert anywhere["Tab"] == "Next pane" and anywhere["Shift+Tab"] == "Previous pane"
        assert "Ctrl+P" in anywhere and "? F1" in anywhere
        keys = {line.keys for _, lines in help_screen.sections for line in lines}
        assert "g Home" in keys and "Space PgDn Ctrl+F" in keys
        scroll = help_screen.query_one("VerticalScroll")
        await pilot.press("G")
        await pilot.pause()
        assert scroll.scroll_offset.y == scroll.max_scroll_y > 0
        await pilot.press("g")
        await pilot.pause()
        assert scroll.scroll_offset.y == 0
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_background_news_goes_to_the_status_line_not_a_toast(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert list(app._notifications) == []
        assert "search index built (14 articles)" in app.screen.query_one(StatusBar).news


def test_the_legend_line_is_kept_before_enrichment() -> None:
    body = "Dmitry Peskov spoke in Moscow.\n\nSecond paragraph."
    plain = Article(id="a", title="T", body=body, url="https://example.org/a")
    enriched = Article(
        id="a",
        title="T",
        body=body,
        url="https://example.org/a",
        entities=(Entity(0, 13, "Dmitry Peskov", "PER", "Dmitry Peskov"),),
    )
    before = render_article(plain, reserve_legend=True)
    after = render_article(enriched, reserve_legend=True)
    assert "person" in after.text.plain and "person" not in before.text.plain
    lines_before = wrap(before.text, 60)
    lines_after = wrap(after.text, 60)
    assert lines_before.line_of(before.position(0)) == lines_after.line_of(after.position(0))


async def test_enrichment_does_not_move_the_text(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and not pane.article.entities
        first = pane.article.body.split()[0]

        def body_line() -> int:
            assert pane._rendered is not None
            return pane._wrapped.line_of(pane._rendered.position(0))

        before = body_line()
        assert pane._wrapped.lines[before].plain.lstrip().startswith(first)
        app.enrich_in_background()
        await settle(pilot)
        assert pane.article is not None and pane.article.entities, "enrichment ran"
        assert body_line() == before


SNIPPET = (
    "…had said that he would begin the legal process for the self-proclaimed state, said "
    "South Ossetian president Anatoly Bibilov on Wednesday in a statement to the press."
)


@pytest.mark.parametrize("width", [12, 20, 38, 60])
def test_a_snippet_keeps_its_first_hit_whole_within_the_row(width: int) -> None:
    start = SNIPPET.index("Bibilov")
    text, spans = fit_snippet(SNIPPET, [(start, start + 7)], width)
    assert len(text) <= width
    assert [text[s:e] for s, e in spans] == ["Bibilov"]
    assert text.startswith("…")


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.text("abcdé", min_size=1, max_size=12), min_size=1, max_size=40),
    pick=st.integers(min_value=0),
    width=st.integers(min_value=1, max_value=80),
)
def test_fitted_snippets_fit_and_keep_short_hits_whole(
    words: list[str], pick: int, width: int
) -> None:
    text = " ".join(words)
    index = pick % len(words)
    start = len(" ".join(words[:index])) + (1 if index else 0)
    hit = (start, start + len(words[index]))
    fitted, spans = fit_snippet(text, [hit], width)
    assert len(fitted) <= width
    if len(words[index]) <= width - 2:
        assert [fitted[s:e] for s, e in spans] == [words[index]]


async def test_the_selected_result_is_previewed_and_left_unread(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ossetia")
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        pane = app.screen.query_one(ReadingPane)
        assert isinstance(app.focused, SearchBar)
        assert pane.article is not None and pane.article.key == article_list.keys[0]
        assert pane.hits, "the preview highlights the hits"
        await pilot.press("down", "j")
        await settle(pilot)
        second = article_list.keys[1]
        assert pane.article is not None and pane.article.key == second
        summary = library.summary(second)
        assert summary is not None and not summary.read, "a preview does not mark read"


@pytest.mark.parametrize("size", [(80, 24), (100, 30), (120, 40), (70, 24), (200, 50)])
async def test_the_info_panel_never_squeezes_the_text(
    library: Library, size: tuple[int, int]
) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("enter", "i")
        await pilot.pause()
        info = app.screen.query_one(ArticleInfo)
        pane = app.screen.query_one(ReadingPane)
        article_list = app.screen.query_one(ArticleList)
        assert info.display
        if size[0] >= 74:
            assert pane.display and pane.size.width >= 50
        else:
            assert not pane.display, "too narrow for both: the panel takes the width"
        assert article_list.display == (size[0] >= 108)
        await pilot.press("escape")  # back to the list: the panel gives way
        await pilot.pause()
        assert article_list.display and isinstance(app.focused, ArticleList)
        assert not pane.display or pane.size.width >= 50


async def test_a_cut_source_name_ends_with_an_ellipsis(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        article_list = app.screen.query_one(ArticleList)
        width = article_list.scrollable_content_region.width
        metas = [article_list.render_line(y).text for y in range(1, 20, 2)]
        cut = [meta.rstrip() for meta in metas if "President" in meta]
        assert cut and all(m.endswith("…") and len(m) <= width for m in cut), cut


class FakeBrowser:
    """Stands for a graphical browser (``webbrowser.get()``'s answer): records what it opens."""

    name = "fake"

    def __init__(self) -> None:
        self.opened: list[str] = []

    def open(self, url: str, new: int = 0, autoraise: bool = True) -> bool:
        self.opened.append(url)
        return True


def a_browser(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    browser = FakeBrowser()
    monkeypatch.setattr("webbrowser.get", lambda using=None: browser)
    return browser.opened


async def test_without_a_browser_o_says_so_and_how_to_copy(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Over SSH there is mostly no browser: "opening …" was said for nothing."""
    import webbrowser

    def none(using: str | None = None) -> webbrowser.BaseBrowser:
        raise webbrowser.Error("could not locate runnable browser")

    monkeypatch.setattr("webbrowser.get", none)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "o")
        await settle(pilot)
        message = app.screen.query_one(StatusBar).message
        assert "no web browser here" in message and "y copies" in message


async def test_the_link_list_opens_and_copies_any_link(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = a_browser(monkeypatch)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.links, "the seed has a link"
        await pilot.press("enter", "u")
        await pilot.pause()
        links = app.screen
        assert isinstance(links, LinksScreen)
        assert [e.label for e in links.entries][:2] == [
            "This article",
            "South Ossetia Leader Wants Public Debate on Joining Russia",
        ]
        copied: list[str] = []
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await pilot.press("2", "y")
        await pilot.pause()
        assert not isinstance(app.screen, LinksScreen)
        assert copied and copied[0].startswith("https://www.themoscowtimes.com/")
        assert "copied" in app.screen.query_one(StatusBar).message
        await pilot.press("u", "1", "enter")
        await settle(pilot)
        assert opened == [pane.article.url]
        assert app.screen.query_one(StatusBar).message == f"opened {pane.article.url}"


async def test_o_and_y_act_on_the_link_under_the_cursor(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = a_browser(monkeypatch)
    library = Library(tmp_path / "links")
    body = "See the related story and the bad one."
    library.add(
        [
            Article(
                id="l",
                title="Links",
                body=body,
                url="https://example.org/news/a",
                links=(Link(8, 21, "/news/related"), Link(30, 37, "javascript:alert(1)")),
            )
        ]
    )
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter", "tab")
        pane = app.screen.query_one(ReadingPane)
        item = pane.current_item
        assert item is not None and item.kind == "link"
        await pilot.press("o")
        await settle(pilot)
        assert opened == ["https://example.org/news/related"], "relative target made absolute"
        copied: list[str] = []
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        await pilot.press("tab", "y", "o")
        assert copied == ["javascript:alert(1)"]
        assert opened == ["https://example.org/news/related"], "only web addresses open"
        assert "not a web address" in app.screen.query_one(StatusBar).message


def list_text(app: OssetiaReader) -> str:
    article_list = app.screen.query_one(ArticleList)
    return " ".join(article_list.render_line(y).text.strip() for y in range(6))


async def test_empty_states_say_what_to_do_next(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "No feeds yet" in app.screen.query_one(StatusBar).message
        await pilot.press("v", "v")  # all → unread → starred: nothing starred yet
        await settle(pilot)
        assert "No starred articles yet" in list_text(app) and "Press s" in list_text(app)
        await pilot.press("v", "slash", *"xqzwv")
        await settle(pilot)
        assert "No matches for “xqzwv”" in list_text(app) and "Esc clears" in list_text(app)


async def test_an_empty_library_says_how_to_fill_it(tmp_path: Path) -> None:
    app = OssetiaReader(Library(tmp_path / "empty"), enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Your library is empty" in list_text(app)
        pane = app.screen.query_one(ReadingPane)
        shown = " ".join(pane.render_line(y).text.strip() for y in range(12))
        assert "Subscribe to a feed" in shown and "ossetia-reader feeds add URL" in shown


async def test_the_palette_offers_the_apps_commands_not_textuals_key_panel(
    library: Library,
) -> None:
    from textual.command import CommandList, CommandPalette

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"links")
        await pilot.pause(0.5)
        titles = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert any("Links in this article" in title for title in titles), titles
        await pilot.press("ctrl+a", "backspace", *"keys")
        await pilot.pause(0.5)
        titles = [str(option.prompt) for option in app.screen.query_one(CommandList).options]
        assert not any(title.startswith("Keys") for title in titles), titles


async def test_n_without_hits_goes_to_the_next_unread(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and not pane.hits
        first = pane.article.key
        await pilot.press("n")
        await settle(pilot)
        assert pane.article is not None and pane.article.key != first
