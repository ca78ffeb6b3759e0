"""The side panel: who and what the open article mentions, and who says what in it."""

from __future__ import annotations

from collections import Counter

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ossetia_reader.core.article import Article
from ossetia_reader.core.sanitize import safe_line
from ossetia_reader.render import ENTITY_NAMES, ENTITY_TYPES


class ArticleInfo(VerticalScroll, can_focus=True):
    """Entities grouped by type with counts, then the article's quotes by speaker."""

    DEFAULT_CSS = """
    ArticleInfo {
        width: 34;
        border-left: vkey $panel-lighten-2;
        padding: 0 1;
        display: none;
    }
    ArticleInfo.-shown {
        display: block;
    }
    """

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static(id="article-info-body")

    def show(self, article: Article | None) -> None:
        """Describe ``article`` (or nothing)."""
        self.query_one("#article-info-body", Static).update(describe(article))


def describe(article: Article | None) -> Group:
    """The panel's content for ``article``."""
    parts: list[RenderableType] = []
    if article is None:
        return Group(Text("No article open.", style="dim"))
    if not article.entities and not article.quotes:
        return Group(Text("Nothing extracted yet (enrichment runs in the background).", "dim"))
    for entity_type in ENTITY_TYPES:
        counts = Counter(e.canonical for e in article.entities if e.type == entity_type)
        if not counts:
            continue
        parts.append(Text(ENTITY_NAMES[entity_type].capitalize() + "s", style="bold underline"))
        # Counts in a column and long names wrapped under their first letter: cut with "…",
        # "Luhansk People's Republic" and "… Republics" looked like one name twice.
        names = Table.grid()
        names.add_column(no_wrap=True)
        names.add_column(overflow="fold")
        for name, count in counts.most_common():
            names.add_row(f"{count:>3} ", Text(safe_line(name), "bold"))
        parts.append(names)
        parts.append(Text(""))
    if article.quotes:
        parts.append(Text("Quotes", style="bold underline"))
        for quote in article.quotes:
            speaker = Text(safe_line(quote.speaker or "unattributed"), style="bold")
            speaker.no_wrap, speaker.overflow = True, "ellipsis"
            parts.append(speaker)
            # Indented as a block, so a long quote's wrapped lines stay under its first.
            parts.append(Padding(Text(safe_line(quote.text), style="italic"), (0, 0, 0, 2)))
    return Group(*parts)
