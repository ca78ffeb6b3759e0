"""The feeds pane in tmux at 80x24: save a search, open the pane in the list's place, show it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.terminal import TerminalFactory

pytestmark = pytest.mark.e2e


def test_save_a_search_and_open_it_from_the_feeds_pane_80x24(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
) -> None:
    reader = terminal(width=80, height=24, term="xterm-256color", env=isolated_env)
    reader.start([str(reader_command), "--library", str(library_dir)])
    flows.launch_shows_seed(reader)
    reader.press("slash")
    flows.wait_for_mode(reader, "SEARCH")
    reader.type("peskov")
    reader.wait_for("found in", what="search results")
    reader.press("ctrl+s")
    reader.wait_for("Save the search", what="the name prompt")
    reader.type("Peskov watch")
    reader.press("enter")
    reader.wait_for("saved search 'Peskov watch'", what="the saved message")
    reader.press("escape")
    flows.wait_for_mode(reader, "LIST")
    reader.press("F")  # at 80 columns the pane takes the list's place
    screen = reader.wait_for("Saved searches", what="the feeds pane")
    flows.wait_for_mode(reader, "FEEDS")
    assert "Peskov watch" in screen
    reader.press("home", "j", "j", "j", "enter")  # All, Unread, Starred, then the saved search
    reader.wait_for("in Peskov watch", what="the saved search's articles")
    flows.wait_for_mode(reader, "LIST")
    flows.quit_restores_terminal(reader)
