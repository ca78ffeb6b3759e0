"""In tmux: ``ossetia-reader add`` run beside the open app shows up in it by itself."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.terminal import TerminalFactory

pytestmark = pytest.mark.e2e


def test_an_article_added_from_another_shell_appears_in_the_open_app(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    tmp_path: Path,
) -> None:
    reader = terminal(width=120, height=30, term="xterm-256color", env=isolated_env)
    reader.start([str(reader_command), "--library", str(library_dir)])
    flows.launch_shows_seed(reader)
    reader.press("j", "j")  # the reader is somewhere in the list, not at the top
    source = tmp_path / "elsewhere.md"
    source.write_text(
        "# Zhvaniavillage bulletin arrives\n\nA body from another shell, long enough.\n"
    )
    # As from another shell: the test's environment (its PYTHONPATH), the app's HOME.
    env = {k: v for k, v in os.environ.items() if k != "OSSETIA_READER_LIBRARY"} | isolated_env
    added = subprocess.run(
        [str(reader_command), "--library", str(library_dir), "add", str(source)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    screen = reader.wait_for("1 new article", timeout=20, what="the status line's news")
    flows.wait_for_mode(reader, "LIST")
    reader.press("G")  # undated: listed after every dated article
    screen = reader.wait_for("Zhvaniavillage", timeout=10, what="the added article in the list")
    assert "Zhvaniavillage" in screen
    flows.quit_restores_terminal(reader)
