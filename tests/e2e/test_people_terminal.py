"""The people table and the entity view in tmux at 80x24, with 16 colours and with none.

One launch per setting: wait until the seed is enriched, open the people table,
check its columns line up, sort by quotes, filter, open the entity view with
Enter, and come back with Esc.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.terminal import Terminal, TerminalFactory
from tests.e2e.test_terminal import start_reader

pytestmark = pytest.mark.e2e

FOOTER = "1 By mentions"


COUNTS = re.compile(r"\s(\d+)\s+(\d+)\s+(\d+)\s")


def table_rows(screen: str) -> list[str]:
    """The table's data rows on screen (the three counts at the right)."""
    return [line for line in screen.splitlines() if COUNTS.search(line + " ")]


def count_ends(row: str) -> list[int]:
    found = COUNTS.search(row + " ")
    assert found is not None
    return [found.end(group) for group in (1, 2, 3)]


def header_ends(screen: str) -> list[int]:
    row = next(line for line in screen.splitlines() if "Articles" in line and "Name" in line)
    return [row.index(word) + len(word) for word in ("Mentions", "Articles", "Quotes")]


@pytest.mark.parametrize("setting", ["linux", "NO_COLOR"])
def test_people_table_and_entity_view_80x24(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    setting: str,
) -> None:
    reader: Terminal = start_reader(
        terminal, reader_command, library_dir, isolated_env, setting, (80, 24)
    )
    flows.launch_shows_seed(reader)
    reader.wait_for("“quote”", 60, what="the seed enriched (its highlight legend)")
    reader.press("p")
    screen = reader.wait_for(
        lambda s: FOOTER in s and re.search(r"\d mentions? in \d", s) is not None,
        20,
        what="the people table",
    )
    # Aligned columns: on every row each count ends where its header does.
    rows = table_rows(screen)
    assert len(rows) > 5, reader.dump()
    assert all(count_ends(row) == header_ends(screen) for row in rows), reader.dump()

    reader.press("3")  # by quotes: the most quoted first
    screen = reader.wait_for("▼Quotes", what="the table sorted by quotes")
    quotes = [int(COUNTS.findall(row + " ")[-1][2]) for row in table_rows(screen)]
    assert quotes == sorted(quotes, reverse=True) and quotes[0] > 0, reader.dump()

    reader.type("peskov")  # typing filters
    reader.wait_for(
        re.compile(r"Dmitry Peskov\s+person\s+\d+ mentions? in"), what="the filtered row"
    )
    reader.press("enter")  # opens the entity view for the top row
    reader.wait_for(
        lambda s: "Articles mentioning" in s and "Dmitry Peskov" in s and "Merge" in s,
        what="Peskov's entity view",
    )
    reader.press("escape")
    reader.wait_for(re.compile(r"Name\s+Type\s+Mentions"), what="back in the people table")
    reader.press("escape")  # clears the filter
    reader.press("escape")  # back to the reader
    flows.wait_for_mode(reader, "LIST")
    flows.quit_restores_terminal(reader)
