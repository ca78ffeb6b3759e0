"""The installed ``ossetia-reader`` in tmux: four terminal settings, two sizes.

Each test is one launch driven through a whole session, because a launch is the
expensive part (~1-4 s, and each key waits for the app's answer; a full flow
took 6-19 s on a 2-core box under load). To stay inside the CI budget:

* the full flow (launch, j/k, Enter, scroll, Tab/Shift-Tab, search, help, quit)
  runs at 80x24, the tightest layout, under every terminal setting;
* at 120x40 every setting runs launch -> open -> help -> quit;
* on the way the colours are checked: the list cursor is found by its reverse
  video (so the selection stays visible with 16 colours or none), the open
  article stays marked by underline, ``TERM=linux`` gets 16 colours only,
  ``NO_COLOR=1`` greys only.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.terminal import Terminal, TerminalFactory

pytestmark = pytest.mark.e2e

# name -> (TERM, extra environment)
SETTINGS: dict[str, tuple[str, dict[str, str]]] = {
    "xterm-256color": ("xterm-256color", {}),
    "screen-256color": ("screen-256color", {}),
    "linux": ("linux", {}),
    "NO_COLOR": ("xterm-256color", {"NO_COLOR": "1"}),
}


def start_reader(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    setting: str,
    size: tuple[int, int],
) -> Terminal:
    term, extra = SETTINGS[setting]
    width, height = size
    started = terminal(width=width, height=height, term=term, env={**isolated_env, **extra})
    started.start([str(reader_command), "--library", str(library_dir)])
    return started


@pytest.mark.parametrize("setting", SETTINGS)
def test_full_flow_80x24(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    setting: str,
) -> None:
    reader = start_reader(terminal, reader_command, library_dir, isolated_env, setting, (80, 24))
    flows.launch_shows_seed(reader)
    flows.check_colours(reader, *SETTINGS[setting])
    flows.move_and_read_seed(reader)
    flows.search_and_open(reader)
    flows.help_screen(reader)
    flows.quit_restores_terminal(reader)


@pytest.mark.parametrize("setting", SETTINGS)
def test_open_help_quit_120x40(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    setting: str,
) -> None:
    reader = start_reader(terminal, reader_command, library_dir, isolated_env, setting, (120, 40))
    flows.launch_shows_seed(reader)
    flows.check_colours(reader, *SETTINGS[setting])
    flows.open_selected(reader)
    flows.help_screen(reader, back_to="READ")
    flows.quit_restores_terminal(reader)
