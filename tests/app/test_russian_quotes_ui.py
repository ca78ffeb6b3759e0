"""A Russian article in the reading pane: its quotes set apart with the nominative speaker.

The article goes through the real Russian pipeline (natasha, pymorphy3, the Russian quote
rules) before the app starts, then the pane shows it as a reader sees it: each quote's
paragraph followed by ``— Дмитрий Песков`` (not ``Пескова``), right-aligned.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article
from ossetia_reader.core.enrich.pipeline import enrich_pending
from ossetia_reader.core.enrich.russian.ner import load_russian_ner
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.reading_pane import ReadingPane
from tests.app.test_entities_ui import pane_text
from tests.conftest import settle

BODY = (
    "Пресс-секретарь президента России Дмитрий Песков прокомментировал заявление "
    "руководства Южной Осетии о референдуме.\n\n"
    "«Мы с уважением относимся к мнению жителей республики», — сказал собеседник "
    "агентства в Кремле.\n\n"
    "По словам Дмитрия Пескова, «никаких юридических решений пока не принято».\n\n"
    "«Это не тема администрации президента», — подчеркнул Песков."
)


@pytest.fixture
def russian_library(tmp_path: Path) -> Library:
    if load_russian_ner() is None:  # a required dependency: this should never skip
        pytest.skip("natasha's model is not installed")
    library = Library(tmp_path / "library")
    library.add(
        [
            Article(
                id="ru-peskov",
                title="Песков прокомментировал заявление о референдуме",
                body=BODY,
                date=dt.date(2031, 1, 1),
                source="Meduza",
            )
        ]
    )
    assert enrich_pending(library) == 1
    return library


async def test_russian_quotes_show_the_nominative_speaker(russian_library: Library) -> None:
    app = OssetiaReader(russian_library)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = pilot.app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.language == "ru"
        speakers = [q.speaker for q in pane.article.quotes]
        assert speakers[-2:] == ["Дмитрий Песков", "Дмитрий Песков"]
        text = pane_text(pane)
        # The speaker on its own line after the quote's paragraph, right-aligned, named in
        # the nominative although the text says "Дмитрия Пескова" and "Песков".
        assert re.search(r"принято»\.\n +— Дмитрий Песков\n", text), text
        assert re.search(r"подчеркнул Песков\.\n +— Дмитрий Песков(\n|$)", text), text
        assert "— Дмитрия Пескова" not in text and "— Песков\n" not in text
        # An unnamed source keeps the article's own words, in lower case.
        assert re.search(r"в Кремле\.\n +— собеседник агентства", text), text
