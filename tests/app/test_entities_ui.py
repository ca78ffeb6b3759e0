"""Entities and quotes in the reading pane, the entity view and the people screen."""

from __future__ import annotations

import re

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library
from ossetia_reader.screens.entity import EntityScreen
from ossetia_reader.screens.main import MainScreen
from ossetia_reader.screens.people import PeopleScreen
from ossetia_reader.widgets.article_info import ArticleInfo
from ossetia_reader.widgets.article_list import ArticleList
from ossetia_reader.widgets.reading_pane import ReadingPane
from tests.conftest import SEED_TITLE, plain, settle


async def open_seed(pilot: Pilot[None], library: Library) -> ReadingPane:
    await settle(pilot)
    article_list = pilot.app.screen.query_one(ArticleList)
    titles = [s.title for s in library.summaries(article_list.keys)]
    for _ in range(titles.index(SEED_TITLE)):
        await pilot.press("j")
    await pilot.press("enter")
    await settle(pilot)
    pane = pilot.app.screen.query_one(ReadingPane)
    assert pane.article is not None and pane.article.title == SEED_TITLE
    return pane


def pane_text(pane: ReadingPane) -> str:
    """The article as laid out in the pane, before wrapping."""
    assert pane._rendered is not None
    return pane._rendered.text.plain


async def test_seed_shows_quotes_with_speakers_and_entities(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_seed(pilot, library)
        assert pane.article is not None
        speakers = {q.speaker for q in pane.article.quotes}
        assert {"Dmitry Peskov", "Anatoly Bibilov", "Ruslan Totrov"} <= speakers
        text = pane_text(pane)
        # Each speaker on the line after the quote's paragraph (its blank line), right-aligned.
        assert re.search(r"respect\.”\n +— Dmitry Peskov\n", text)
        assert re.search(r"said Bibilov\.\n +— Anatoly Bibilov\n", text)
        types = {e.canonical: e.type for e in pane.article.entities}
        assert types["Dmitry Peskov"] == "PER" and types["South Ossetia"] == "LOC"


async def test_toggles_remove_highlights_and_attributions(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_seed(pilot, library)
        with_items = len(pane.items)
        await pilot.press("quotation_mark")
        assert not pane.show_quotes
        assert "— Dmitry Peskov" not in pane_text(pane)
        assert all(item.kind in ("entity", "link") for item in pane.items)  # links stay
        await pilot.press("e")
        assert not pane.show_entities and all(item.kind == "link" for item in pane.items)
        await pilot.press("e", "quotation_mark")
        assert len(pane.items) == with_items


async def test_tab_to_peskov_and_enter_opens_entity_view(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_seed(pilot, library)
        assert pane.article is not None
        target = next(
            i
            for i, item in enumerate(pane.items)
            if item.kind == "entity"
            and pane.article.entities[item.index].canonical == "Dmitry Peskov"
        )
        for _ in range(target + 1):
            await pilot.press("tab")
        assert isinstance(app.focused, ReadingPane) and pane.item_index == target
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen) and screen.entity_name == "Dmitry Peskov"
        mentions = screen.query_one("#mentions", OptionList)
        quotes = screen.query_one("#quotes", OptionList)
        assert mentions.option_count == 1 and quotes.option_count == 2
        assert "We have not taken legal" in plain(quotes.get_option_at_index(0).prompt)
        await pilot.press("enter")  # open the mentioning article
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert pane.article is not None and pane.article.title == SEED_TITLE


async def test_tab_past_last_item_leaves_the_pane(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_seed(pilot, library)
        for _ in range(len(pane.items)):
            await pilot.press("tab")
        assert isinstance(app.focused, ReadingPane)
        await pilot.press("tab")
        assert not isinstance(app.focused, ReadingPane)


async def test_info_panel_and_people_screen(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(140, 40)) as pilot:
        await open_seed(pilot, library)
        info = app.screen.query_one(ArticleInfo)
        assert not info.display
        await pilot.press("i")
        assert info.display
        shown = str(info.query_one("#article-info-body").render())
        assert "Dmitry Peskov" in shown or info.region.width > 0
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press(*"peskov")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[0]) == "Dmitry Peskov"
        await pilot.press("down")
        assert app.focused is table
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen) and app.screen.entity_name == "Dmitry Peskov"


async def test_legend_names_the_highlight_styles(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(120, 40)) as pilot:
        pane = await open_seed(pilot, library)
        legend = pane_text(pane).splitlines()[3]
        assert legend == "person place org other “quote” — speaker"
        await pilot.press("e")
        assert pane_text(pane).splitlines()[3] == "“quote” — speaker"


async def test_a_first_name_kept_in_its_article_says_why_no_article_is_listed(
    library: Library,
) -> None:
    """A Russian first name alone is no library-wide person (each article's «Елена» is
    another woman), so its entity view lists no article: it says why, not "none"."""
    from ossetia_reader.core.article import Entity
    from tests.core.enriched import stored

    body = "Елена рассказала «Медузе», что уезжает. Елена живет в Москве."
    stored(
        library,
        body,
        # The Russian pipeline marks such a name article-only (Entity.local, 1958d06).
        [
            Entity(0, 5, "Елена", "PER", "Елена", local=True),
            Entity(40, 45, "Елена", "PER", "Елена", local=True),
        ],
    )
    app = OssetiaReader(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await app.push_screen(EntityScreen("Елена", "PER"))
        await settle(pilot)
        mentions = app.screen.query_one("#mentions", OptionList)
        assert mentions.option_count == 1
        assert "first name alone" in plain(mentions.get_option_at_index(0).prompt)


async def test_many_spellings_keep_the_entity_views_header_to_a_line_each(
    library: Library,
) -> None:
    """At 80 columns "also written: …" shows the spellings that fit, then "and N more",
    on its one line; it wrapped, leaving "more" alone on a third line."""
    from ossetia_reader.core.article import Entity
    from tests.core.enriched import stored

    spellings = ["Brelovsk", "Brelowsk", "Brelovsk-on-Sea", "Brelovskiy", "Brjelovsk"]
    spellings += ["Town of Brelovsk", "Brelovsk City", "Брелoвск", "Брелёвск", "Брелофск"]
    for number, spelling in enumerate(spellings):
        body = f"Report {number}: {spelling} held a vote."
        start = body.index(spelling)
        stored(library, body, [Entity(start, start + len(spelling), spelling, "LOC", "Brelovsk")])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(EntityScreen("Brelovsk", "LOC"))
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen) and screen.profile is not None
        variants = screen.profile.variants
        assert len(variants) >= 6, variants
        header = screen.query_one("#entity-header", Static)
        assert header.size.height == 3, "name, spellings, corrections: a line each"
        line = str(header.render()).splitlines()[1]
        assert line.startswith("also written: ") and "more" in line and len(line) <= 78, line
    from ossetia_reader.screens.entity import _fitted

    assert _fitted(["A", "B"], 40) == "A, B"
    assert _fitted(["Alpha", "Beta", "Gamma"], 17) == "Alpha and 2 more"


async def test_a_long_name_gives_way_to_its_type_and_counts_at_80_columns(
    library: Library,
) -> None:
    from ossetia_reader.core.article import Entity
    from tests.core.enriched import stored

    name = "Межобластное научно-реставрационное художественное управление Министерства"
    body = f"{name} открыло выставку."
    stored(library, body, [Entity(0, len(name), name, "ORG", name)])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(EntityScreen(name, "ORG"))
        await settle(pilot)
        header = app.screen.query_one("#entity-header", Static)
        first = str(header.render()).splitlines()[0]
        assert first.endswith("1 article · 0 quotes") and "…" in first, first
        assert header.size.height == 3


async def test_a_quote_chosen_in_the_entity_view_opens_at_that_quote(library: Library) -> None:
    """Enter on a quote (or a mention) opened its article at the top, with the keys back
    in the list: the reader lands on it now, in the reading pane."""
    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press(*"peskov")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        quotes = screen.query_one("#quotes", OptionList)
        quotes.focus()
        quotes.highlighted = 1  # the second quote
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        pane = app.screen.query_one(ReadingPane)
        assert app.focused is pane
        item = pane.current_item
        assert item is not None and item.kind == "quote" and pane.article is not None
        quote = pane.article.quotes[item.index]
        assert quote.speaker == "Dmitry Peskov" and "This concerns" in quote.text
        assert pane._rendered is not None
        line = pane._wrapped.line_of(pane._rendered.position(item.start))
        top = round(pane.scroll_offset.y)
        assert top <= line < top + pane.scrollable_content_region.height


async def test_a_mention_chosen_in_the_entity_view_opens_on_that_name(library: Library) -> None:
    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_entity("Dmitry Peskov", "PER")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("enter")  # the mention, highlighted first
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        item = pane.current_item
        assert app.focused is pane and item is not None and item.kind == "entity"
        assert pane.article is not None
        assert pane.article.entities[item.index].canonical == "Dmitry Peskov"


async def test_j_runs_on_from_the_articles_into_the_quotes_and_tab_is_shown(
    library: Library,
) -> None:
    """The quotes were reachable only with Tab, which the footer did not show."""
    from ossetia_reader.widgets.key_bar import KeyBar

    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.open_entity("Dmitry Peskov", "PER")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        mentions = screen.query_one("#mentions", OptionList)
        quotes = screen.query_one("#quotes", OptionList)
        assert app.focused is mentions and mentions.option_count == 1
        await pilot.press("j")
        assert app.focused is quotes and quotes.highlighted == 0
        await pilot.press("j")
        assert quotes.highlighted == 1
        await pilot.press("k", "k")
        assert app.focused is mentions and mentions.highlighted == 0
        await pilot.press("tab")
        assert app.focused is quotes
        await pilot.press("tab")
        assert app.focused is mentions
        footer = str(screen.query_one(KeyBar).render())
        assert "Tab Quotes" in footer and "u Undo" in footer, footer
