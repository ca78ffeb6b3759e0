"""The installed ``ossetia-reader`` over a real SSH connection on loopback, in tmux.

A session-wide sshd (see ``sshd.py``) listens on 127.0.0.1 only; ``ssh -tt``
runs the installed command by absolute path inside a tmux pane, so every byte
the app writes crosses the SSH channel before tmux draws it.

Two combinations, chosen to cover what SSH changes rather than repeat the tmux
matrix: 80x24 with ``TERM=xterm-256color`` (what most SSH users get: ssh
forwards TERM but not COLORTERM), and 120x40 with ``TERM=linux`` plus
``NO_COLOR=1`` sent by ``SendEnv`` (proves TERM and NO_COLOR both reach the
remote app: 16 colours, greys only). Both run the full flow and the
restored-terminal checks on the local pane.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.sshd import SshServer
from tests.e2e.terminal import TerminalFactory

pytestmark = pytest.mark.e2e

COMBINATIONS = {
    "80x24-xterm-256color": ((80, 24), "xterm-256color", {}),
    "120x40-linux-NO_COLOR": ((120, 40), "linux", {"NO_COLOR": "1"}),
}


@pytest.mark.parametrize("combination", COMBINATIONS)
def test_full_flow_over_ssh(
    terminal: TerminalFactory,
    sshd: SshServer,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    combination: str,
) -> None:
    (width, height), term, extra = COMBINATIONS[combination]
    local = terminal(width=width, height=height, term=term, env={**isolated_env, **extra})
    local.start(
        sshd.ssh_argv([str(reader_command), "--library", str(library_dir)], remote_env=isolated_env)
    )
    flows.launch_shows_seed(local, timeout=45)
    flows.check_colours(local, term, extra)
    flows.move_and_read_seed(local)
    flows.search_and_open(local)
    flows.help_screen(local)
    flows.quit_restores_terminal(local)
