"""What a user does with the reader, step by step, checked on the real screen.

Shared by the tmux tests and the SSH tests: a flow only needs a ``Terminal``
where ``ossetia-reader`` has just been started on a fresh library (which holds
the bundled articles, the seed among them). Every step waits for something
only the new state shows (the mode in the status line, a word of the article),
never for a fixed time.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from tests.e2e.terminal import CellStyle, Terminal, TerminalError

SEED_TITLE = "Kremlin Plays Down South Ossetia Leader's Call to Join Russia"
SEED_START = "Kremlin Plays Down"
# Words near the top of the seed's body and in its caption credit: on screen only when it is open.
SEED_OPEN_WORD = "Nikolsky"
# A search whose top hit is another bundled article, and a word of that article. Opened
# from a search, the article scrolls to its first hit and the status line counts the hits.
SEARCH_QUERY = "circassia"
SEARCH_OPEN_WORD = "Putin sent greetings"
SEARCH_OPENED = re.compile(r"\bhit 1 of \d+")
# Pane modes that must never linger after the program exits.
TERMINAL_MODES = (
    "alternate_on",
    "mouse_any_flag",
    "mouse_all_flag",
    "mouse_button_flag",
    "mouse_standard_flag",
    "mouse_sgr_flag",
    "mouse_utf8_flag",
    "keypad_flag",
    "keypad_cursor_flag",
    "origin_flag",
    "insert_flag",
)
# Grey entries of the xterm 256-colour palette (the cube's diagonal and the grey ramp),
# and the 16-colour codes for black, white and the greys.
_GREY_256 = {
    "0",
    "7",
    "8",
    "15",
    "16",
    "59",
    "102",
    "145",
    "188",
    "231",
    *map(str, range(232, 256)),
}
_GREY_16 = {"30", "37", "90", "97", "40", "47", "100", "107"}
# Terminal types that offer 16 colours (as Textual/Rich see them).
SIXTEEN_COLOUR_TERMS = ("linux", "xterm", "screen", "vt100")
_BLOCKS = set("▁▂▃▄▅▆▇█▔▏▕▎▍▌▋▊▉ ")


def mode_shown(mode: str) -> re.Pattern[str]:
    """The status line names the focused pane: LIST, READ or SEARCH."""
    return re.compile(rf"^\s*{mode}\b", re.MULTILINE)


def wait_for_mode(terminal: Terminal, mode: str, timeout: float = 10.0) -> str:
    return terminal.wait_for(mode_shown(mode), timeout, what=f"status line {mode}")


def check_colours(terminal: Terminal, term: str, env: Mapping[str, str]) -> None:
    """The colours on screen are the ones the terminal setting allows."""
    colours = {
        colour
        for row in terminal.styled_rows()
        for _, style in row
        for colour in (style.fg, style.bg)
        if colour is not None
    }
    if term in SIXTEEN_COLOUR_TERMS:
        extended = sorted(c for c in colours if ";" in c)
        assert not extended, f"TERM={term} got 256/true colours: {extended}"
    if env.get("NO_COLOR"):
        tinted = sorted(c for c in colours if not _is_grey(c))
        assert not tinted, f"NO_COLOR=1 got colours: {tinted}"


def _is_grey(colour: str) -> bool:
    parts = colour.split(";")
    if len(parts) == 1:
        return parts[0] in _GREY_16
    if parts[0] == "5":
        return parts[1] in _GREY_256
    return len(set(parts[1:4])) == 1


# -- the sidebar cursor, read from the colours -------------------------------------


def cursor_row(terminal: Terminal) -> tuple[int, str] | None:
    """(row, text) of the list cursor: the first run of a row drawn in reverse video.

    Reverse video (not only a colour) is what keeps the selection visible with
    16 colours or none, so finding the cursor this way is itself the check. The
    run starts at column 0, or after the feeds pane when the terminal is wide
    enough to show it.
    """
    found = cursor_cells(terminal)
    return None if found is None else (found[0], found[2])


def cursor_cells(terminal: Terminal) -> tuple[int, int, str] | None:
    """(row, first column, text) of the list cursor, as :func:`cursor_row` finds it."""
    rows = terminal.styled_rows()
    for index, cells in enumerate(rows[1 : terminal.height - 2], start=1):
        start = None
        for column, (_, style) in enumerate([*cells, (" ", CellStyle())]):
            if style.reverse and start is None:
                start = column
            elif not style.reverse and start is not None:
                text = "".join(char for char, _ in cells[start:column]).strip()
                if sum(char.isalnum() for char in text) >= 3 and not set(text) <= _BLOCKS:
                    return index, start, text
                start = None
    return None


def wait_for_cursor(
    terminal: Terminal, moved_from: int | None = None, timeout: float = 10.0
) -> tuple[int, str]:
    """Wait until the cursor is drawn (and, with ``moved_from``, on another row)."""
    found: list[tuple[int, str]] = []

    def ready(_: str) -> bool:
        cursor = cursor_row(terminal)
        if cursor is None or cursor[0] == moved_from:
            return False
        found.append(cursor)
        return True

    terminal.wait_for(ready, timeout, what="the list cursor in reverse video")
    return found[-1]


# -- the reading pane --------------------------------------------------------------


def reading_column(terminal: Terminal, anchor: str) -> tuple[int, int]:
    """(row, column) of ``anchor`` in the reading pane: its rightmost place on screen.

    The sidebar shows the same title at the left edge, so the rightmost copy is
    the reading pane's.
    """
    best = (-1, -1)
    for index, row in enumerate(terminal.rows()):
        column = row.rfind(anchor)
        if column > best[1]:
            best = (index, column)
    if best[1] < 0:
        raise TerminalError(f"{anchor!r} is not on the screen\n{terminal.dump()}")
    return best


def _pane_text(terminal: Terminal, column: int) -> list[str]:
    """The reading pane's rows (above the status line), without its scrollbar."""
    width = terminal.width
    return [row.ljust(width)[column : width - 3] for row in terminal.rows()[: terminal.height - 2]]


def scroll_reading_pane(terminal: Terminal, key: str, top: int, column: int) -> None:
    """Press ``key`` once and wait until the pane's text moved by one line (j: up, k: down)."""
    before = _pane_text(terminal, column)
    shift = 1 if key in ("j", "down") else -1
    terminal.press(key)

    def moved(_: str) -> bool:
        now = _pane_text(terminal, column)
        # Only the upper half: notifications (toasts) cover the bottom right.
        rows = range(max(top, top - shift), top + terminal.height // 2 - 2)
        return now != before and all(now[row] == before[row + shift] for row in rows)

    terminal.wait_for(moved, 10, what=f"the reading pane to scroll one line with {key!r}")


# -- flows ---------------------------------------------------------------------------


def launch_shows_seed(terminal: Terminal, timeout: float = 30.0) -> None:
    """At start: the list (newest first) holds the seed, the mode is LIST."""
    terminal.wait_for(SEED_START, timeout, what="the seed title")
    wait_for_mode(terminal, "LIST")
    wait_for_cursor(terminal)


def move_and_read_seed(terminal: Terminal) -> None:
    """j/k move the cursor; j to the seed, Enter opens it (READ); j/k scroll; Tab/Shift-Tab."""
    row, first = wait_for_cursor(terminal)
    terminal.press("j")
    row_after_j, second = wait_for_cursor(terminal, moved_from=row)
    assert row_after_j > row and second != first, (first, second)
    terminal.press("k")
    row_after_k, again = wait_for_cursor(terminal, moved_from=row_after_j)
    assert (row_after_k, again) == (row, first)

    text, row = again, row_after_k
    for _ in range(40):
        if text.lstrip("●★ ").startswith(SEED_START[:12]):
            break
        terminal.press("j")
        row, text = wait_for_cursor(terminal, moved_from=row)
    else:
        raise TerminalError(f"j never reached the seed\n{terminal.dump()}")

    open_selected(terminal)
    terminal.wait_for(SEED_OPEN_WORD, what="the seed's caption in the reading pane")
    # Enrichment runs in the background and redraws the open article once with its
    # highlights (the legend line appears); scroll only after that, or the lines move twice.
    terminal.wait_for("“quote”", 30, what="the seed's entity and quote legend")
    top, column = reading_column(terminal, SEED_START)
    scroll_reading_pane(terminal, "j", top, column)
    scroll_reading_pane(terminal, "k", top, column)

    terminal.press("shift+tab")
    wait_for_mode(terminal, "LIST")
    wait_for_cursor(terminal)
    terminal.press("tab")
    wait_for_mode(terminal, "READ")


def open_selected(terminal: Terminal) -> None:
    """Enter opens the article under the cursor; the list still marks it without colour."""
    wait_for_cursor(terminal)
    found = cursor_cells(terminal)
    assert found is not None
    row, column, text = found
    terminal.press("enter")
    wait_for_mode(terminal, "READ")

    def marked(_: str) -> bool:
        cells = terminal.styled_rows()[row][column : column + len(text)]
        styles = [style for char, style in cells if char.strip()]
        return bool(styles) and all(style.underline or style.reverse for style in styles)

    terminal.wait_for(marked, 10, what="the open article marked (underline) in the list")


def search_and_open(terminal: Terminal) -> None:
    """``/`` focuses search, typing filters live, Enter opens the top hit; Esc goes back."""
    terminal.press("slash")
    wait_for_mode(terminal, "SEARCH")
    terminal.type(SEARCH_QUERY)
    terminal.wait_for(
        re.compile(r"\b\d[\d,]* of [\d,]+ articles?\b"), what="the live search result count"
    )
    terminal.press("enter")
    wait_for_mode(terminal, "READ")
    terminal.wait_for(
        lambda screen: SEARCH_OPEN_WORD in screen and SEARCH_OPENED.search(screen) is not None,
        what=f"the top hit opened at its first hit ({SEARCH_OPENED.pattern!r} in the status)",
    )

    terminal.press("slash")
    wait_for_mode(terminal, "SEARCH")
    terminal.type("zzzz")
    terminal.wait_for("zzzz", what="the typed query")
    terminal.press("escape")
    wait_for_mode(terminal, "LIST")


def help_screen(terminal: Terminal, back_to: str = "LIST") -> None:
    """``?`` opens the help (titled Keys); Esc closes it, back where the user was."""
    terminal.press("question_mark")
    terminal.wait_for("Keys", what="the help screen")
    terminal.press("escape")
    terminal.wait_for(
        lambda screen: "Keys" not in screen and mode_shown(back_to).search(screen) is not None,
        what=f"the help screen to close, back in {back_to}",
    )


def quit_restores_terminal(terminal: Terminal) -> None:
    """``q`` quits with status 0; the shell gets a normal terminal back."""
    terminal.press("q")
    terminal.wait_for_prompt()
    assert terminal.exit_status() == 0, terminal.dump()
    left_on = {name: terminal.flag(name) for name in TERMINAL_MODES}
    assert set(left_on.values()) == {"0"}, f"modes left on after exit: {left_on}"
    assert terminal.flag("cursor_flag") == "1", "the cursor was left hidden"
    # tmux has no flag for bracketed paste, focus events or the kitty keyboard: read the bytes.
    assert terminal.modes_left_on() == [], "the program left terminal modes on"
    # Echo and line editing work again: the shell reads and answers a typed line.
    terminal.type("echo restored-$((40+2))")
    terminal.press("enter")
    terminal.wait_for("restored-42", what="the shell to run a typed command", running=False)


def full_flow(terminal: Terminal) -> None:
    """Everything a first session does, in order."""
    launch_shows_seed(terminal)
    move_and_read_seed(terminal)
    search_and_open(terminal)
    help_screen(terminal)
    quit_restores_terminal(terminal)
