"""`o` with a terminal browser ($BROWSER, as many set over SSH): the app lends it the terminal.

Run under the app, a terminal browser drew over the screen and the app read its keys;
now the app suspends (leaves the alternate screen) while the browser runs and comes
back drawn whole. The browser here is a script that shows the address and waits for
Enter, as w3m or lynx would wait for q.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.terminal import TerminalFactory

pytestmark = pytest.mark.e2e


def test_a_terminal_browser_gets_the_terminal_and_gives_it_back(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    tmp_path: Path,
) -> None:
    browser = tmp_path / "textbrowser"
    browser.write_text('#!/bin/sh\nprintf "TEXT BROWSER AT %s\\n" "$1"\nread answer\n')
    browser.chmod(0o755)
    reader = terminal(width=80, height=24, env={**isolated_env, "BROWSER": str(browser)})
    reader.start([str(reader_command), "--library", str(library_dir)])
    flows.launch_shows_seed(reader)
    reader.press("enter")
    reader.wait_for(" READ ")
    reader.press("o")
    shown = reader.wait_for("TEXT BROWSER AT https://www.themoscowtimes.com/", what="the browser")
    assert "READ" not in shown, "the browser has the whole terminal"
    reader.press("enter")
    back = reader.wait_for("back from textbrowser", what="the app drawn again")
    assert "Kremlin Plays Down" in back and "TEXT BROWSER" not in back
    reader.press("q")
    assert reader.exit_status() == 0
