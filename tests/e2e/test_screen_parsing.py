"""The harness's reading of ``capture-pane -e`` (no tmux needed)."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.terminal import Terminal, styled_rows


def test_attributes_carry_over_line_ends() -> None:
    # tmux emits only changes: row 2 starts reversed because row 1 ended reversed.
    rows = styled_rows("ab\x1b[7mcd\nef\x1b[0mgh\n")
    assert [char for char, _ in rows[1]] == list("efgh")
    assert [style.reverse for _, style in rows[1]] == [True, True, False, False]
    assert not rows[0][0][1].reverse and rows[0][2][1].reverse


def test_colours_and_resets() -> None:
    (row, *_) = styled_rows("\x1b[1;38;5;214;48;5;234mA\x1b[22;39mB\x1b[49;4mC")
    a, b, c = (style for _, style in row)
    assert (a.bold, a.fg, a.bg) == (True, "5;214", "5;234")
    assert (b.bold, b.fg, b.bg) == (False, None, "5;234")
    assert (c.bg, c.underline, c.emphasised) == (None, True, True)


def test_modes_left_on(tmp_path: Path) -> None:
    terminal = Terminal(tmp_path)
    tmp_path.joinpath("output.raw").write_bytes(
        b"\x1b[?1049h\x1b[?25l\x1b[?1000;1006h\x1b[>1u\x1b[?2004h"
        b"\x1b[?1049l\x1b[?25h\x1b[?1000;1006l\x1b[<u"
    )
    assert terminal.modes_left_on() == ["?2004h"]
    tmp_path.joinpath("output.raw").write_bytes(b"\x1b[?25l\x1b[>1u")
    assert terminal.modes_left_on() == ["?25l", "kitty keyboard pushed 1x, popped 0x"]
