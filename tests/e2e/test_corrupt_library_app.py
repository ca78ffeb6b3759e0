"""The app on a library damaged inside (it opens, then a page read fails).

Before: a full traceback and exit status 0. Now, like the CLI: one line on the
terminal after the app has left the alternate screen, the way out (keep the
file, ``.recover``, start a new library with ``--library``), status 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.terminal import TerminalFactory
from tests.robustness.damage import damage_inside

pytestmark = pytest.mark.e2e


def test_the_app_on_a_damaged_library_says_one_line_and_the_way_out(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
) -> None:
    damage_inside(library_dir)
    reader = terminal(width=200, height=30, env=isolated_env)
    reader.start([str(reader_command), "--library", str(library_dir)])
    assert reader.exit_status(timeout=30) == 1
    screen = reader.wait_for_prompt()
    assert "Traceback" not in screen and "Traceback" not in reader.output()
    lines = [line for line in screen.splitlines() if "ossetia-reader: error:" in line]
    assert len(lines) == 1, screen
    # The terminal wraps the one line; joined, it names the problem and the way out.
    text = "".join(screen.split("\n"))
    assert "malformed" in text and "--library NEW-DIR" in text and ".recover" in text
    assert reader.modes_left_on() == []
