"""Under NO_COLOR names, quotes and speakers are as bright as the text, told apart by style.

Textual turns colours into greys of their brightness: the type colours came out darker
than the body (ORG 243, PER 246 on 233 against 253), so the names receded.
"""

from __future__ import annotations

import pytest

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.library import Library
from ossetia_reader.render import ENTITY_TYPES
from ossetia_reader.widgets.reading_pane import ReadingPane
from tests.conftest import settle


@pytest.mark.parametrize("no_color", [True, False], ids=["NO_COLOR", "colour"])
async def test_highlights_keep_the_texts_grey_under_no_color(
    library: Library, monkeypatch: pytest.MonkeyPatch, no_color: bool
) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        text = pane.rich_style.color
        names = [f"reading-pane--{kind.lower()}" for kind in ENTITY_TYPES]
        styles = {
            name: pane.get_component_rich_style(name)
            for name in [*names, "reading-pane--quote", "reading-pane--speaker"]
        }
        if no_color:
            assert all(style.color == text for style in styles.values()), styles
            marks = [(s.bold, s.underline, s.italic) for n, s in styles.items() if n in names]
            assert len(set(marks)) == len(marks), "each type has its own bold/underline/italic"
        else:
            assert all(style.color != text for style in styles.values()), "coloured by type"
