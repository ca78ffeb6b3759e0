"""Nothing moves under the reader's eyes when enrichment lands on the open article.

A speaker's name used to be appended after a quote's last word: when that line was
nearly full, the name wrapped onto a new line and every line below moved down one.
These tests read the pane's visible lines (what the reader sees) before and after
the enrichment is stored and the pane re-shows the article, as the app does.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from ossetia_reader.app import OssetiaReader
from ossetia_reader.core.article import Article, Quote
from ossetia_reader.core.enrich.store import store_enrichment
from ossetia_reader.core.library import Library
from ossetia_reader.widgets.article_info import describe
from ossetia_reader.widgets.reading_pane import ReadingPane
from tests.conftest import plain, settle

QUOTE = "“We will not take any measures before the referendum is held,”"
FILLER = "The committee met again on Thursday to discuss the timetable for the vote. "


def paragraph(n: int) -> str:
    return f"Paragraph {n}. " + FILLER * 2


def body_with_quote(width: int) -> tuple[str, int]:
    """A body whose quoted paragraph's last line is exactly full at ``width``."""
    # Grow the quoted paragraph word by word until its last wrapped line has no room left.
    words = (QUOTE + " the spokesman told reporters on a call.").split()
    tail = "x"
    while True:
        text = " ".join(words) + " " + tail
        last = _last_line(text, width)
        if len(last) >= width - 1:
            break
        tail += "x" if len(tail) < 8 else " x"
    paragraphs = [paragraph(n) for n in range(1, 7)]
    before = "\n\n".join(paragraphs) + "\n\n"
    after = "\n\n" + "\n\n".join(paragraph(n) for n in range(7, 14))
    return before + text + after, len(before)


def _last_line(text: str, width: int) -> str:
    from rich.text import Text

    from ossetia_reader.render import wrap

    return wrap(Text(text), width).lines[-1].plain


def visible(pane: ReadingPane) -> list[str]:
    return [
        "".join(segment.text for segment in pane.render_line(y)).rstrip()
        for y in range(pane.scrollable_content_region.height)
    ]


async def check_still(tmp_path: Path, size: tuple[int, int], scroll: int) -> None:
    library = Library(tmp_path / "library")
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        width = pane.text_width
        body, start = body_with_quote(width)
        article = Article(
            id="still",
            title="A quote that fills its last line",
            body=body,
            date=datetime(2024, 5, 1, tzinfo=UTC),
            source="Test",
        )
        library.add([article])
        app.screen.load_keys()  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert pane.article is not None and pane.article.id == "still"
        assert pane.text_width == width, "the test's body was laid out for this width"
        assert pane._rendered is not None
        quote_line = pane._wrapped.line_of(pane._rendered.position(start))
        pane.scroll_to(y=quote_line - scroll, animate=False, immediate=True)
        await pilot.pause()
        before = visible(pane)
        assert any("the spokesman" in line for line in before), ("the quote is in view", before)

        key = pane.article.key
        assert key is not None
        quote = Quote(start, start + len(QUOTE), QUOTE, "Dmitry Peskov", "told")
        store_enrichment(library, key, [], [quote])
        app.screen.on_enrichment_progress(  # type: ignore[attr-defined]
            type("Progress", (), {"done": 1, "total": 1})()
        )
        await settle(pilot)
        assert pane.article.quotes, "the enrichment reached the pane"
        after = visible(pane)
        assert any("— Dmitry Peskov" in line for line in after), "the speaker is shown"
        for row, (old, new) in enumerate(zip(before, after, strict=True)):
            if old != new:
                assert old == "" and new.strip() == "— Dmitry Peskov", (row, old, new)


async def test_a_speaker_added_after_a_full_line_moves_nothing_80x24(tmp_path: Path) -> None:
    await check_still(tmp_path, (80, 24), scroll=8)


async def test_a_speaker_added_after_a_full_line_moves_nothing_120x40(tmp_path: Path) -> None:
    await check_still(tmp_path, (120, 40), scroll=4)


TRANSCRIPT = (
    "Question: Will the referendum go ahead this summer as planned by the committee? "
    "Vladimir Putin: We have not taken any legal measures and we will not take them now."
)


async def test_transcript_turns_split_above_the_top_line_move_nothing(tmp_path: Path) -> None:
    """Turns that start their own paragraph once tagged add lines above: the top stays."""
    from ossetia_reader.core.enrich.transcripts import CUE

    library = Library(tmp_path / "library")
    body = TRANSCRIPT + "\n\n" + "\n\n".join(paragraph(n) for n in range(1, 12))
    article = Article(id="turns", title="An interview", body=body, source="Test")
    library.add([article])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.key is not None
        pane.scroll_to(y=12, animate=False, immediate=True)
        await pilot.pause()
        before = visible(pane)
        answer = body.index("We have")
        question = body.index("Will the")
        quotes = [
            Quote(question, body.index("?") + 1, "Will the …", None, CUE),
            Quote(answer, len(TRANSCRIPT), "We have …", "Vladimir Putin", CUE),
        ]
        store_enrichment(library, pane.article.key, [], quotes)
        app.screen.on_enrichment_progress(  # type: ignore[attr-defined]
            type("Progress", (), {"done": 1, "total": 1})()
        )
        await settle(pilot)
        assert pane.article.quotes and pane._rendered is not None
        assert "\n\nVladimir Putin:" in pane._rendered.text.plain, "the turn got its paragraph"
        assert visible(pane) == before


def test_wrapped_quotes_in_the_info_panel_keep_their_indent() -> None:
    text = " ".join(["word"] * 40)
    article = Article(
        id="q", title="T", body=text, quotes=(Quote(0, len(text), text, "Dmitry Peskov", "said"),)
    )
    lines = plain(describe(article), width=30).splitlines()
    start = lines.index("Dmitry Peskov")
    quote_lines = [line for line in lines[start + 1 :] if line.strip()]
    assert len(quote_lines) > 3, "the quote wraps"
    assert all(line.startswith("  word") for line in quote_lines), quote_lines


def test_long_names_in_the_info_panel_wrap_under_themselves() -> None:
    """Two long names cut with "…" at the panel's width looked like one name twice."""
    from ossetia_reader.core.article import Entity

    body = "Luhansk People's Republic and Luhansk People's Republics"
    first, second = "Luhansk People's Republic", "Luhansk People's Republics"
    article = Article(
        id="n",
        title="T",
        body=body,
        entities=(
            Entity(0, len(first), first, "LOC", first),
            Entity(body.rindex("Luhansk"), len(body), second, "LOC", second),
        ),
    )
    lines = plain(describe(article), width=20).splitlines()
    names = lines[lines.index("Places") + 1 : lines.index("Places") + 5]
    assert names == [
        "  1 Luhansk People's",
        "    Republic",
        "  1 Luhansk People's",
        "    Republics",
    ]


async def test_the_entity_view_wraps_titles_and_sentences_under_themselves(
    tmp_path: Path,
) -> None:
    """Wrapped titles fell back under the date and wrapped sentences lost their indent."""
    from ossetia_reader.core.article import Entity
    from ossetia_reader.screens.entity import EntityScreen

    library = Library(tmp_path / "library")
    title = "A very long title about the talks " * 3
    sentence = "Ilona Brelovska met the delegation again on Thursday to discuss the vote. " * 2
    library.add([Article(id="e", title=title, body=sentence, date=datetime(2024, 5, 1))])
    (key,) = library.keys()
    name = "Ilona Brelovska"
    store_enrichment(library, key, [Entity(0, len(name), name, "PER", name)], [])
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(EntityScreen(name, "PER"))
        await settle(pilot)
        mentions = app.screen.query_one("#mentions")
        lines = plain(mentions.get_option_at_index(0).prompt, width=60).splitlines()  # type: ignore[attr-defined]
        assert lines[0].startswith("2024-05-01  A very long")
        sentence_at = next(i for i, line in enumerate(lines) if "Ilona" in line)
        assert sentence_at > 1, "the title wraps"
        assert all(line.startswith(" " * 12) for line in lines[1:sentence_at])
        assert len(lines) - sentence_at > 1, "the sentence wraps"
        assert all(line.startswith("  ") for line in lines[sentence_at:])


async def test_tab_moves_the_text_only_to_reach_a_name_out_of_view(library: Library) -> None:
    """Tab from name to name on one screen leaves the text still; off-screen names scroll in.

    Every Tab used to scroll the pane so the name sat a third of the way down, so the
    text jumped at each press even when the next name was already in view.
    """
    from tests.app.test_entities_ui import open_seed

    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_seed(pilot, library)
        assert pane._rendered is not None and len(pane.items) > 5
        height = pane.scrollable_content_region.height
        stayed = scrolled = 0
        for item in pane.items:
            top = round(pane.scroll_offset.y)
            line = pane._wrapped.line_of(pane._rendered.position(item.start))
            in_view = top <= line < top + height - 1
            await pilot.press("tab")
            await pilot.pause()
            new_top = round(pane.scroll_offset.y)
            assert new_top <= line < new_top + height, "the name Tab reached is in view"
            if in_view:
                assert new_top == top, ("a name already in view moved the text", line, top)
                stayed += 1
            else:
                scrolled += 1
        assert stayed and scrolled, "the seed has names in view and below it at 80x24"


async def test_enrichment_landing_leaves_a_search_result_where_the_reader_scrolled(
    tmp_path: Path,
) -> None:
    """A result opened from a search, scrolled past its first hit: enrichment landing
    re-shows it in place. It used to step back to hit 1 at every enrichment batch, so in
    a library being enriched the reader could not scroll away from the first hit."""
    from ossetia_reader.widgets.search_bar import SearchBar

    library = Library(tmp_path / "library")
    app = OssetiaReader(library, enrich=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        body = "\n\n".join(
            paragraph(n) + (" The referendum was discussed." if n in (1, 9) else "")
            for n in range(14)
        )
        article = Article(
            id="hits",
            title="A long report on a referendum",
            body=body,
            date=datetime(2024, 5, 1, tzinfo=UTC),
            source="Test",
        )
        library.add([article])
        app.screen.load_keys()  # type: ignore[attr-defined]
        app.search.load()
        await settle(pilot)
        app.screen.query_one(SearchBar).value = "referendum"
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        pane = app.screen.query_one(ReadingPane)
        assert pane.article is not None and pane.article.id == "hits" and len(pane.hits) >= 2
        await pilot.press("n")  # the second hit, further down
        await pilot.press("j", "j")
        await pilot.pause()
        top, hit_index = pane.scroll_offset.y, pane.hit_index
        assert top > 0 and hit_index == 1
        before = visible(pane)
        key = pane.article.key
        assert key is not None
        store_enrichment(library, key, [], [])
        app.screen.on_enrichment_progress(  # type: ignore[attr-defined]
            type("Progress", (), {"done": 16, "total": 27_000})()
        )
        await settle(pilot)
        assert pane.scroll_offset.y == top and pane.hit_index == hit_index
        assert visible(pane) == before


async def test_the_name_tab_reached_stays_reached_when_the_article_is_shown_again(
    library: Library,
) -> None:
    """A correction (or enrichment) re-shows the open article: the Tab cursor stays on its
    name instead of going back to before the first one."""
    from tests.app.test_entities_ui import open_seed

    app = OssetiaReader(library)
    async with app.run_test(size=(80, 24)) as pilot:
        pane = await open_seed(pilot, library)
        await pilot.press("tab", "tab", "tab")
        reached = pane.current_item
        assert reached is not None and pane.item_index == 2
        assert pane.article is not None and pane.article.key is not None
        app.screen.show_article(  # type: ignore[attr-defined]
            pane.article.key, mark_read=False, keep_scroll=True
        )
        await settle(pilot)
        assert pane.current_item == reached
        await pilot.press("tab")
        assert pane.item_index == 3


def test_the_legend_keeps_to_one_line_in_a_narrow_pane() -> None:
    """At 40 columns the legend wrapped onto a second line, so the text moved when it came."""
    from ossetia_reader.core.article import Entity
    from ossetia_reader.render import render_article, wrap

    body = "Anna Petrova of Acme met Europeans in Paris. “We agree,” she said."
    entities = [
        Entity(0, 11, "Anna Petrova", "PER", "Anna Petrova"),
        Entity(15, 19, "Acme", "ORG", "Acme"),
        Entity(24, 33, "Europeans", "MISC", "Europeans"),
        Entity(37, 42, "Paris", "LOC", "Paris"),
    ]
    quote = Quote(44, 55, "“We agree,”", "Anna Petrova", "said")
    article = Article(id="l", title="T", body=body, entities=tuple(entities), quotes=(quote,))
    for width in (35, 60):
        lines = [
            line.plain for line in wrap(render_article(article, width=width).text, width).lines
        ]
        legend = next(line for line in lines if line.startswith("person"))
        assert lines[lines.index(legend) + 1] == "", (width, lines[:5])
        assert ("— speaker" in legend) == (width == 60)
