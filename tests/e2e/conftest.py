"""Fixtures for end-to-end tests: the installed command, isolated dirs, tmux, sshd.

Every test gets its own library directory, HOME and XDG dirs, so nothing reads
or writes the user's real data, and its own tmux server. ``.ci/install-test-deps``
installs tmux and openssh-server; without them the tests skip, saying so.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from tests.e2e.sshd import SshServer, sshd_missing_reason, start_sshd
from tests.e2e.terminal import Terminal, TerminalFactory


@pytest.fixture(scope="session")
def reader_command() -> Path:
    """The installed ``ossetia-reader`` script, by absolute path (SSH has no useful PATH)."""
    beside_python = Path(sys.executable).parent / "ossetia-reader"
    if beside_python.exists():
        return beside_python
    found = shutil.which("ossetia-reader")
    if found is None:
        pytest.skip("ossetia-reader is not installed (pip install -e '.[test]')")
    return Path(found).resolve()


@pytest.fixture(scope="session")
def tmux_available() -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (run .ci/install-test-deps)")


@pytest.fixture
def isolated_env(tmp_path: Path) -> dict[str, str]:
    """HOME, XDG dirs and locale for the program: nothing of the user's is read or written."""
    home = tmp_path / "home"
    env = {
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    # The app's own switches set for the test run (e.g. which entity recogniser) apply too.
    env.update(
        (name, value)
        for name, value in os.environ.items()
        if name.startswith("OSSETIA_READER_") and name != "OSSETIA_READER_LIBRARY"
    )
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        Path(env[name]).mkdir(parents=True, exist_ok=True)
    return env


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    """A fresh library directory (the app imports the bundled articles into it)."""
    return tmp_path / "library"


@pytest.fixture
def terminal(tmp_path: Path, tmux_available: None) -> Iterator[TerminalFactory]:
    """Make tmux terminals for this test; all are killed at the end."""
    made: list[Terminal] = []

    def make(
        *,
        width: int = 80,
        height: int = 24,
        term: str = "xterm-256color",
        env: Mapping[str, str] | None = None,
        options: Mapping[str, str] | None = None,
    ) -> Terminal:
        made_terminal = Terminal(
            tmp_path / f"terminal-{len(made)}",
            width,
            height,
            term,
            dict(env or {}),
            dict(options or {}),
        )
        made.append(made_terminal)
        return made_terminal

    yield make
    for each in made:
        each.close()


@pytest.fixture(scope="session")
def sshd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SshServer]:
    """One loopback sshd for the whole session, stopped by pid at the end."""
    reason = sshd_missing_reason()
    if reason:
        pytest.skip(reason)
    server = start_sshd(tmp_path_factory.mktemp("sshd"))
    yield server
    server.stop()
