"""The first frame in tmux: every pane already where it stays, with the footer's keys."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.e2e.terminal import TerminalFactory

pytestmark = pytest.mark.e2e

TITLE = "Kremlin Plays Down"


def test_first_frame_holds_every_pane_where_it_stays_120x40(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
) -> None:
    """The first screen showing the newest article (in the list and the reading pane)
    already has the feeds pane left of the list and the footer's keys: the feeds pane
    decided at the first Resize came a frame later and pushed the list 28 columns right.
    The screen is read as often as tmux allows, so a frame shown for a moment is seen;
    a capture taken while a frame is still being written (its last rows still blank:
    Textual writes top to bottom) is not a frame yet."""
    reader = terminal(width=120, height=40, term="xterm-256color", env=isolated_env)
    reader.start([str(reader_command), "--library", str(library_dir)])
    deadline = time.monotonic() + 60
    while True:
        first = reader.screen()
        rows = first.splitlines()
        written = len(rows) >= 40 and rows[39].strip() != ""
        if (first.count(TITLE) >= 2 and written) or time.monotonic() > deadline:
            break
    assert first.count(TITLE) >= 2, reader.dump()
    settled = reader.wait_for("All articles", what="the feeds pane's counts")
    for screen in (first, settled):
        row = next(line for line in screen.splitlines() if f"● {TITLE}" in line)
        assert row.index(f"● {TITLE}") >= 26, screen  # right of the 27-column feeds pane
        assert "? Help" in screen.splitlines()[-1], screen  # the footer
    reader.press("q")
    assert reader.exit_status(timeout=30) == 0
