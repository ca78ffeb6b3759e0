"""Huge input into the search bar: coalesced, capped with a notice, and Esc still works."""

from __future__ import annotations

import time

from textual import events

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.search_bar import MAX_QUERY_CHARS, SearchBar
from ossetia_reader.widgets.status_bar import StatusBar
from tests.conftest import settle

TEXT = ("ossetia referendum kremlin " * 4000)[:100_000]


async def test_keys_of_an_unbracketed_paste_are_one_search_and_esc_answers(
    library: Library,
) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        searches: list[str] = []
        search = app.search.search

        def counting(query: str, **kwargs: object) -> object:
            searches.append(query)
            return search(query, **kwargs)  # type: ignore[arg-type]

        app.search.search = counting  # type: ignore[assignment,method-assign]
        await pilot.press("slash")
        started = time.monotonic()
        for character in TEXT[:20_000]:  # as a terminal delivers a paste: one key each
            app.post_message(events.Key(character, character))
        app.post_message(events.Key("escape", None))
        bar = app.screen.query_one(SearchBar)
        for _ in range(400):
            await pilot.pause(0.05)
            if app.screen.query_one(StatusBar).mode == "LIST":
                break
        elapsed = time.monotonic() - started
        assert app.screen.query_one(StatusBar).mode == "LIST", "Esc was answered"
        assert bar.value == "" and elapsed < 15
        assert len(searches) <= 3, f"{len(searches)} searches for one paste"
        assert all(len(query) <= MAX_QUERY_CHARS for query in searches)


async def test_a_long_query_is_cut_with_a_notice(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        app.post_message(events.Paste(TEXT))  # bracketed paste: one event
        await settle(pilot)
        bar = app.screen.query_one(SearchBar)
        assert len(bar.value) == MAX_QUERY_CHARS
        message = app.screen.query_one(StatusBar).message
        assert f"cut at {MAX_QUERY_CHARS}" in message
        for character in "abc":  # more typing at the cap: refused, noticed, no bell
            app.post_message(events.Key(character, character))
        await settle(pilot)
        assert len(bar.value) == MAX_QUERY_CHARS
        assert f"cut at {MAX_QUERY_CHARS}" in app.screen.query_one(StatusBar).message


async def test_typing_then_editing_keeps_the_order(library: Library) -> None:
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ossetiax", "backspace", "left", "left", "delete", "A")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "ossetAa"


async def test_a_flood_of_keys_into_the_people_filter_is_batched(library: Library) -> None:
    """Any input field, not only the search bar: the people filter ran a query per key."""
    from textual.widgets import Input

    from ossetia_reader.screens.people import PeopleScreen

    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        loads: list[str] = []
        load = screen.load

        def counting(match: str, fresh: bool = False) -> None:
            loads.append(match)
            load(match, fresh)

        screen.load = counting  # type: ignore[method-assign]
        field = screen.query_one(Input)
        for _ in range(20):  # the screen settles its own focus first
            app.set_focus(field)
            await pilot.pause(0.05)
            if app.focused is field:
                break
        assert app.focused is field
        text = ("putin " * 2000)[:10_000]
        started = time.monotonic()
        for character in text:
            app.post_message(events.Key(character, character))
        for _ in range(300):  # the keys are queued: wait until they are all in
            await pilot.pause(0.05)
            if field.value == text:
                break
        await settle(pilot)
        elapsed = time.monotonic() - started
        assert field.value == text
        assert len(loads) < 100, f"{len(loads)} filter queries for one paste"
        assert elapsed < 15
