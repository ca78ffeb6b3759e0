"""The picker (an entity's new type, a merge target) at 80x24: one line a row, keys in view."""

from __future__ import annotations

from rich.text import Text
from textual.containers import Vertical
from textual.widgets import OptionList

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library
from ossetia_reader.screens.choose import Choices, ChoiceScreen
from tests.conftest import settle

LONG = "Government of the Russian Federation and the Presidential Executive Office"


def many(_: str) -> Choices:
    return [
        (str(n), Text.assemble((f"{LONG} {n}", "bold"), "  organisation", ("  1 mention", "dim")))
        for n in range(30)
    ]


async def test_a_long_list_of_long_names_keeps_one_line_a_row_and_its_keys(
    library: Library,
) -> None:
    """A name too long for the box is cut with an ellipsis, not wrapped onto a second line
    ("organisation  1 / mention"), and "Enter … Esc …" stays on screen when the list is full."""
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chosen: list[str | None] = []
        app.push_screen(ChoiceScreen("Merge X into…", many, filterable=True), chosen.append)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ChoiceScreen)
        options = screen.query_one(OptionList)
        assert options.option_count == 30
        assert options.virtual_size.height == 30, "each row is one line"
        box = screen.query_one(Vertical)
        assert "Esc" in str(box.border_subtitle)
        assert box.region.bottom <= 24 and box.region.height < 24
        await pilot.press("down", "enter")
        await settle(pilot)
        assert chosen == ["1"]
