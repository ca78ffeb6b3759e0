"""Issue 7, end to end: an article carrying terminal escapes never controls the terminal.

The article is stored raw through the library API (as if a parser had let the
escapes through), so this checks the app's own display-time sanitising. tmux
is told to accept OSC 52 clipboard writes into its paste buffers
(``set-clipboard on``); the test ends with a positive control, the same kinds of
sequences printed by the shell, to prove both probes would have caught a leak.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ossetia_reader.core.article import Article
from ossetia_reader.core.library import Library
from tests.e2e import flows
from tests.e2e.terminal import TerminalFactory

pytestmark = pytest.mark.e2e

OSC_TITLE = "\x1b]2;PWNED\x07"
OSC_CLIPBOARD = "\x1b]52;c;UFdORUQ=\x07"  # base64("PWNED")
HOSTILE_TITLE = f"Hostile {OSC_TITLE}title{OSC_CLIPBOARD} here"
HOSTILE_BODY = (
    f"Body starts {OSC_TITLE.replace('PWNED', 'PWNED-BODY')} then a clipboard write "
    f"{OSC_CLIPBOARD.replace('UFdORUQ=', 'Qk9EWQ==')} and a screen clear \x1b[2J\x1b[31mred.\n\n"
    "Second paragraph, plain."
)
# What the screen shows instead: ESC and BEL as their visible stand-ins.
VISIBLE_TITLE_ESCAPE = "␛]2;PWNED␇"
VISIBLE_BODY_ESCAPE = "␛]2;PWNED-BODY␇"


def test_osc_title_and_clipboard_writes_do_not_reach_the_terminal(
    terminal: TerminalFactory,
    reader_command: Path,
    library_dir: Path,
    isolated_env: dict[str, str],
) -> None:
    library = Library(library_dir)
    library.add(
        [
            Article(
                id="hostile-osc",
                title=HOSTILE_TITLE,
                body=HOSTILE_BODY,
                date=dt.date(2030, 1, 1),  # newest, so it is listed first
                source="Hostile Source",
            )
        ]
    )
    library.close()

    reader = terminal(width=120, height=40, env=isolated_env, options={"set-clipboard": "on"})
    reader.start([str(reader_command), "--library", str(library_dir)])
    title_before = reader.flag("pane_title")
    reader.wait_for(VISIBLE_TITLE_ESCAPE, 30, what="the hostile title with ␛ shown")
    flows.wait_for_mode(reader, "LIST")
    reader.press("enter")
    flows.wait_for_mode(reader, "READ")
    reader.wait_for(VISIBLE_BODY_ESCAPE, what="the hostile body with ␛ shown")

    assert "PWNED" not in reader.flag("pane_title")
    assert reader.flag("pane_title") == title_before
    assert reader.buffers() == [], "an OSC 52 clipboard write reached tmux"

    flows.quit_restores_terminal(reader)
    assert "PWNED" not in reader.flag("pane_title")
    assert reader.buffers() == []
    # Nor did the bytes the app wrote contain any title or clipboard sequence at all.
    written = reader.output()
    assert VISIBLE_TITLE_ESCAPE in written  # shown as text...
    assert not re.search(r"\x1b\]2;[^\x07\x1b]*PWNED", written)  # ...never as a sequence
    assert "\x1b]52;" not in written

    # Positive control: the same sequences from the shell do take effect.
    reader.type(r"printf '\033]2;CONTROL\007\033]52;c;Q09OVFJPTA==\007'; echo control-$((6*7))")
    reader.press("enter")
    reader.wait_for("control-42", what="the control sequences to be printed", running=False)
    reader.wait_for(
        lambda _: reader.flag("pane_title") == "CONTROL", 5, what="OSC 2 to apply", running=False
    )
    assert len(reader.buffers()) == 1, "tmux did not take the control OSC 52 write"
