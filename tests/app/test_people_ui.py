"""The people table, the entity view with its spellings, and corrections made from it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import DataTable, Input, OptionList, Static

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich import corrected, corrections
from ossetia_reader.core.enrich.pipeline import enrich_pending
from ossetia_reader.core.enrich.store import reset_enrichment, store_enrichment
from ossetia_reader.core.importer import export_records, import_paths
from ossetia_reader.core.library import Library
from ossetia_reader.screens.choose import ChoiceScreen
from ossetia_reader.screens.entity import EntityScreen
from ossetia_reader.screens.help import HelpScreen
from ossetia_reader.screens.main import MainScreen
from ossetia_reader.screens.people import PeopleScreen
from ossetia_reader.widgets.article_info import describe
from tests.conftest import plain, settle

BODIES = [
    "Volodymyr Zelenskyy spoke in Brelovsk. “We hold,” Zelenskyy said. Glory to Brelovsk!",
    "Зеленский приехал в Brelowsk. Zelensky met the mayor of Brelowsk.",
    "Zelensky and the Head of State visited Brelovsk. “Never,” the Head of State said.",
]


def span(body: str, text: str, type_: str, nth: int = 0, canonical: str | None = None) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return Entity(start, start + len(text), text, type_, canonical or text)


def said(body: str, text: str, speaker: str) -> Quote:
    start = body.index(text)
    return Quote(start, start + len(text), text, speaker, "said")


def build(directory: Path) -> tuple[Library, list[int]]:
    """Three articles with hand-made spans: a person in three spellings, a town in two,
    a role tagged as a person, and a town the tagger typed as an organisation."""
    library = Library(directory)
    added = library.add(
        [
            Article(id=f"a{i}", title=f"Article {i}", body=body, date=dt.date(2022, 3, i + 1))
            for i, body in enumerate(BODIES)
        ]
    )
    keys = [a.key for a in added]
    one, two, three = BODIES
    store_enrichment(
        library,
        keys[0],
        [
            span(one, "Volodymyr Zelenskyy", "PER"),
            span(one, "Brelovsk", "ORG"),
            span(one, "Zelenskyy", "PER", canonical="Volodymyr Zelenskyy"),
            span(one, "Glory", "PER"),
            span(one, "Brelovsk", "ORG", nth=1),
        ],
        [said(one, "“We hold,”", "Volodymyr Zelenskyy")],
    )
    store_enrichment(
        library,
        keys[1],
        [
            span(two, "Зеленский", "PER"),
            span(two, "Brelowsk", "LOC"),
            span(two, "Zelensky", "PER"),
            span(two, "Brelowsk", "LOC", nth=1),
        ],
        [],
    )
    store_enrichment(
        library,
        keys[2],
        [
            span(three, "Zelensky", "PER"),
            span(three, "Head of State", "PER"),
            span(three, "Brelovsk", "ORG"),
            span(three, "Head of State", "PER", nth=1),
        ],
        [said(three, "“Never,”", "Head of State")],
    )
    return library, keys


@pytest.fixture
def made(tmp_path: Path) -> tuple[Library, list[int]]:
    return build(tmp_path / "lib")


def current(app: OssetiaReader) -> object:
    """The top screen, typed loosely (so checks after an ``isinstance`` stay checks)."""
    return app.screen


def table_rows(screen: PeopleScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def status(screen: PeopleScreen | EntityScreen, selector: str) -> str:
    rendered = screen.query_one(selector, Static).render()
    return rendered.plain if isinstance(rendered, Text) else str(rendered)


async def open_people(pilot, app: OssetiaReader) -> PeopleScreen:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("p")
    await settle(pilot)
    assert isinstance(app.screen, PeopleScreen)
    return app.screen


async def test_table_sorts_filters_and_opens(made: tuple[Library, list[int]]) -> None:
    library, _ = made
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_people(pilot, app)
        rows = table_rows(screen)
        assert rows[0][:2] == ["Volodymyr Zelenskyy", "person"]
        mentions = [int(r[2]) for r in rows]
        assert mentions == sorted(mentions, reverse=True), "most mentioned first"
        await pilot.press("3")  # by quotes
        quotes = [int(r[4]) for r in table_rows(screen)]
        assert quotes == sorted(quotes, reverse=True) and quotes[0] == 1
        await pilot.press("3")  # again: fewest first
        assert [int(r[4]) for r in table_rows(screen)] == sorted(quotes)
        await pilot.press("2")  # by articles
        articles = [int(r[3]) for r in table_rows(screen)]
        assert articles == sorted(articles, reverse=True)
        assert table_rows(screen)[0][0] == "Volodymyr Zelenskyy"
        # Singular and plural in words, under the table.
        assert status(screen, "#people-status").endswith(
            "5 mentions in 3 articles · 1 quote in 1 article"
        )
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press(*"brel")  # typing on the table filters
        await settle(pilot)
        assert screen.query_one(Input).value == "brel"
        assert {r[0] for r in table_rows(screen)} == {"Brelovsk", "Brelowsk"}
        await pilot.press("down")  # from the filter into the table
        assert isinstance(app.focused, DataTable)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert current(app) is screen and screen.query_one(Input).value == "brel", "filter kept"
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("enter")  # the newest article mentioning the town
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)


async def test_entity_view_shows_variants_and_the_main_script(
    made: tuple[Library, list[int]],
) -> None:
    library, keys = made
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_entity("Зеленский", "PER")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        header = status(screen, "#entity-header")
        first, second = header.splitlines()[:2]
        assert first.startswith("Volodymyr Zelenskyy  person  3 articles · 1 quote")
        assert second.startswith("also written: ")
        variants = set(second.removeprefix("also written: ").split(", "))
        assert variants == {"Zelensky", "Zelenskyy", "Зеленский"}
        mentions = screen.query_one("#mentions", OptionList)
        assert [mentions.get_option_at_index(i).id for i in range(3)] == [
            f"m{key}" for key in reversed(keys)
        ], "newest first"
        assert "Zelensky and the Head of State visited Brelovsk." in plain(
            mentions.get_option_at_index(0).prompt
        )


def info_section(article: Article, heading: str) -> str:
    """The info panel's lines under ``heading``, up to the next blank line."""
    lines = plain(describe(article)).splitlines()
    if heading not in lines:
        return ""
    rest = lines[lines.index(heading) + 1 :]
    return "\n".join(rest[: rest.index("")] if "" in rest else rest)


async def pick(pilot, app: OssetiaReader, *keys: str) -> None:  # type: ignore[no-untyped-def]
    await settle(pilot)
    assert isinstance(app.screen, ChoiceScreen)
    await pilot.press(*keys)
    await settle(pilot)


async def test_corrections_apply_everywhere_at_once(made: tuple[Library, list[int]]) -> None:
    library, keys = made
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        main.show_article(keys[0])
        await settle(pilot)
        assert main.reading_pane.article is not None
        assert {e.type for e in main.reading_pane.article.entities if e.text == "Brelovsk"} == {
            "ORG"
        }
        assert "Brelovsk" in info_section(main.reading_pane.article, "Organisations")

        people = await open_people(pilot, app)
        # Type: Brelovsk is a place.
        await pilot.press(*"brelov", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, EntityScreen)
        await pilot.press("t")
        await pick(pilot, app, "down", "enter")  # person, place: place
        assert "you changed its type to place" in status(app.screen, "#entity-header")
        # Merge: Brelowsk is the same town.
        await pilot.press("escape")
        await settle(pilot)
        assert [r[:2] for r in table_rows(people)] == [["Brelovsk", "place"]]
        people.query_one(Input).value = ""
        await settle(pilot)
        await pilot.press(*"brelow", "down", "enter")
        await settle(pilot)
        await pilot.press("m")
        await pick(pilot, app, *"brelovsk", "enter")
        entity = app.screen
        assert isinstance(entity, EntityScreen)
        assert entity.entity_name == "Brelovsk", "the view follows the merge"
        header = status(entity, "#entity-header")
        assert header.startswith("Brelovsk  place  3 articles")
        assert "also written: Brelowsk" in header and "you merged Brelowsk into Brelovsk" in header
        # Hide: the Head of State is not an entity (and not a speaker).
        app.open_entity("Head of State", "PER")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert "hidden as not an entity" in status(app.screen, "#entity-header")
        for _ in range(2):  # the two entity views
            await pilot.press("escape")
            await settle(pilot)
        assert current(app) is people
        people.query_one(Input).value = ""
        await settle(pilot)
        names = {r[0]: r[1] for r in table_rows(people)}
        assert names["Brelovsk"] == "place" and "Brelowsk" not in names
        assert "Head of State" not in names
        await pilot.press("escape")
        await settle(pilot)

        # The reading pane and the info panel took the corrections at once.
        assert current(app) is main and main.reading_pane.article is not None
        article = main.reading_pane.article
        assert {e.type for e in article.entities if e.text == "Brelovsk"} == {"LOC"}
        assert "Brelovsk" in info_section(article, "Places")
        assert "Brelovsk" not in info_section(article, "Organisations")
        # The CLI's views and the search fields too.
        assert {r.name: r.type for r in corrected.entity_counts(library)}["Brelovsk"] == "LOC"
        assert "Head of State" not in [s.name for s in corrected.speaker_counts(library)]
        assert sorted(app.search.search("place:brelovsk").keys) == keys
        assert app.search.search('person:"head of state"').keys == []
        main.show_article(keys[2])
        await settle(pilot)
        assert main.reading_pane.article is not None
        assert main.reading_pane.article.quotes[0].speaker is None

        # Undo from the view brings back what enrichment found.
        app.open_entity("Head of State", "PER")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert "hidden" not in status(app.screen, "#entity-header")
        assert "Head of State" in [s.name for s in corrected.speaker_counts(library)]
        # Said in the header, in words; no toast over the text (nor over the pane after Esc).
        assert "undone: Head of State is shown as an entity again" in status(
            app.screen, "#entity-header"
        )
        assert list(app._notifications) == []
        await pilot.press("u")
        await settle(pilot)
        assert "nothing to undo here" in status(app.screen, "#entity-header")


def corrected_view(library: Library) -> dict[str, str]:
    return {r.name: r.type for r in corrected.entity_counts(library, limit=500)}


async def test_corrections_made_in_the_app_survive_rebuild_and_export(
    made: tuple[Library, list[int]], tmp_path: Path
) -> None:
    library, _ = made
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.open_entity("Brelovsk", "ORG")
        await settle(pilot)
        await pilot.press("t")
        await pick(pilot, app, "down", "enter")  # a place
        app.open_entity("Brelowsk", "LOC")
        await settle(pilot)
        await pilot.press("m")
        await pick(pilot, app, *"brelovsk", "enter")
        app.open_entity("Glory", "PER")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
    made_here = sorted(c.describe() for c in corrections.listed(library))
    assert made_here == [
        "Brelovsk: type LOC",
        "Brelowsk: merged into Brelovsk",
        "Glory: hidden (not an entity)",
    ]
    expected = {"Volodymyr Zelenskyy": "PER", "Brelovsk": "LOC", "Head of State": "PER"}
    assert corrected_view(library) == expected

    # Re-enrichment with the real pipeline replaces every span; the corrections stay.
    reset_enrichment(library)
    enrich_pending(library, use_model=False)
    assert sorted(c.describe() for c in corrections.listed(library)) == made_here
    found = corrected_view(library)
    assert "Glory" not in found and "Brelowsk" not in found
    assert found.get("Brelovsk", "LOC") == "LOC"

    # Export, then add into a new library: the corrections come along and apply to
    # enrichment done there (here: the same hand-made spans, stored afresh).
    path = tmp_path / "out.jsonl"
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in export_records(library)),
        encoding="utf-8",
    )
    fresh, keys = build(tmp_path / "fresh")
    import_paths(fresh, [str(path)])
    assert sorted(c.describe() for c in corrections.listed(fresh)) == made_here
    assert corrected_view(fresh) == expected
    article = fresh.get(keys[1])
    assert article is not None
    assert {e.canonical for e in article.entities if e.type == "LOC"} == {"Brelovsk"}


async def test_palette_lists_corrections_and_undoes_one(made: tuple[Library, list[int]]) -> None:
    library, _ = made
    corrections.hide(library, "Glory")
    corrections.set_type(library, "Brelovsk", "LOC")
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        app.action_entity_corrections()
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        listed = app.screen.query_one(OptionList)
        shown = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        assert sorted(shown) == ["Brelovsk: type LOC", "Glory: hidden (not an entity)"]
        target = shown.index("Glory: hidden (not an entity)")
        for _ in range(target):
            await pilot.press("down")
        await pilot.press("enter")
        await settle(pilot)
    assert [c.describe() for c in corrections.listed(library)] == ["Brelovsk: type LOC"]
    assert "Glory" in {r.name for r in corrected.entity_counts(library)}


def test_the_status_line_of_a_row_fits_one_line_of_80_columns() -> None:
    """A long name and many quotes: the quotes' article count goes before the end is cut."""
    from ossetia_reader.screens.people import PersonRow

    short = PersonRow("k", "Volodymyr Zelenskyy", "PER", 13, 6, 10, 4)
    assert plain(short.summary(100)).endswith("13 mentions in 6 articles · 10 quotes in 4 articles")
    assert plain(short.summary(78)).endswith("13 mentions in 6 articles · 10 quotes")
    long = PersonRow("k", "Sergei Viktorovich Lavrov", "PER", 130, 60, 100, 41)
    line = plain(long.summary(78))
    assert "\n" not in line and len(line) <= 78, line
    assert line.endswith("130 mentions in 60 articles · 100 quotes"), line
    longer = PersonRow(
        "k", "Межобластное научно-реставрационное художественное управление", "ORG", 3, 2, 0, 0
    )
    line = plain(longer.summary(78))
    assert "\n" not in line and len(line) <= 78 and line.endswith("…"), line


async def test_the_people_screen_says_it_is_counting_until_the_rows_come(
    made: tuple[Library, list[int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 27,000 articles the counts take about a second; the screen was blank meanwhile."""
    import threading

    release = threading.Event()
    original = corrected.entity_counts

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return original(*args, **kwargs)

    monkeypatch.setattr(corrected, "entity_counts", slow)
    library, _ = made
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        for _ in range(20):
            await pilot.pause(0.05)
            if isinstance(app.screen, PeopleScreen):
                break
        assert isinstance(app.screen, PeopleScreen)
        await pilot.pause(0.1)
        assert "counting names" in status(app.screen, "#people-status")
        release.set()
        await settle(pilot)
        assert "counting" not in status(app.screen, "#people-status")
        assert app.screen.query_one(DataTable).row_count > 0
