"""A 100 KB paste into the search bar without bracketed paste (tmux ``paste-buffer``).

It arrives as 100,000 key presses. Each used to start a search of an ever
longer query: minutes at 100% CPU, ~800 MB, and Esc did nothing. Now the bar
takes what fits (a notice says the rest was cut), searches only the latest
text, and Esc after the paste is answered within seconds.
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.e2e import flows
from tests.e2e.terminal import TerminalFactory

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PASTE_BYTES = 100_000
BOUND = 25.0  # seconds from the paste to the list being back after Esc


def test_a_huge_unbracketed_paste_never_blocks_the_keys(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
    tmp_path: Path,
) -> None:
    words = ["ossetia", "russia", "referendum", "tskhinvali", "kremlin", "vote", "people"]
    rng = random.Random(12)
    text = ""
    while len(text) < PASTE_BYTES:
        text += rng.choice(words) + " "
    paste = tmp_path / "paste.txt"
    paste.write_text(text[:PASTE_BYTES])
    reader = terminal(width=120, height=30, env=isolated_env)
    reader.start([str(reader_command), "--library", str(library_dir)])
    reader.wait_for(flows.SEED_START, 30, what="the seed title")
    flows.wait_for_mode(reader, "LIST")
    reader.press("slash")
    flows.wait_for_mode(reader, "SEARCH")
    reader._tmux("load-buffer", "-b", "huge", str(paste))
    started = time.monotonic()
    reader._tmux("paste-buffer", "-b", "huge", "-t", "e2e")  # no -p: no bracketed paste
    reader.wait_for("cut at", BOUND, what="the notice that the query was cut")
    reader.press("escape")
    flows.wait_for_mode(reader, "LIST", timeout=BOUND)
    elapsed = time.monotonic() - started
    assert elapsed < BOUND, f"{elapsed:.1f} s from the paste to Esc answered"
    reader.press("q")
    assert reader.exit_status() == 0
