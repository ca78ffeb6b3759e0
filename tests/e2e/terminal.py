"""Drive a real program in a real terminal: tmux, on a private server, at a chosen size.

tmux is the terminal emulator here: it parses everything the program writes, so
the screen it reports (``capture-pane``) is what a user would see, and its pane
flags (alternate screen, mouse modes, title, paste buffers) show which terminal
state the program left behind. Each ``Terminal`` runs its own tmux server
(``-L <unique>``, ``-f /dev/null``) so the user's tmux and config are untouched.

The program runs inside a small ``sh`` wrapper that records its exit status in
a file (tmux does not always record it) and then starts an interactive shell
with a known prompt, like the user's shell getting the terminal back.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# The prompt of the shell that gets the terminal back after the program exits.
SHELL_PROMPT = "e2e-shell$ "

# Key names as tests write them (Textual's names) -> tmux key names. tmux types an
# unknown name letter by letter, so only names listed here are accepted.
TMUX_KEYS: dict[str, str] = {
    "enter": "Enter",
    "escape": "Escape",
    "tab": "Tab",
    "shift+tab": "BTab",
    "backspace": "BSpace",
    "space": "Space",
    "up": "Up",
    "down": "Down",
    "left": "Left",
    "right": "Right",
    "home": "Home",
    "end": "End",
    "pageup": "PageUp",
    "pagedown": "PageDown",
    "slash": "/",
    "question_mark": "?",
    "plus": "+",
    "minus": "-",
    "ctrl+c": "C-c",
    "ctrl+p": "C-p",
    "ctrl+s": "C-s",
}

# Textual reads ESC followed at once by a key as Alt+key; give it time to decide.
ESCAPE_PAUSE = 0.2
# Environment that would change how the program sees the terminal unless a test sets it.
_CLEARED_ENV = ("COLORTERM", "NO_COLOR", "FORCE_COLOR", "TMUX", "TMUX_PANE", "TERM_PROGRAM")
_SGR = re.compile(r"\x1b\[([0-9;:]*)m")
_DEC_MODE = re.compile(r"\x1b\[\?([0-9;]+)([hl])")
# DEC private modes that are on by default: cursor visible (25), autowrap (7).
_DEC_DEFAULTS = {"25": "h", "7": "h"}
_KITTY_PUSH = re.compile(r"\x1b\[>[0-9]*u")
_KITTY_POP = re.compile(r"\x1b\[<[0-9]*u")


class TerminalError(AssertionError):
    """The terminal did not reach the expected state; the message shows the screen."""


@dataclass(frozen=True, slots=True)
class CellStyle:
    """The SGR attributes of one screen cell, as far as the tests care."""

    bold: bool = False
    dim: bool = False
    italic: bool = False
    underline: bool = False
    reverse: bool = False
    fg: str | None = None
    bg: str | None = None

    @property
    def emphasised(self) -> bool:
        """Visible without colour: bold, underline or reverse video."""
        return self.bold or self.underline or self.reverse


def styled_rows(screen: str) -> list[list[tuple[str, CellStyle]]]:
    """Split a ``capture-pane -e`` screen into rows of characters with their attributes.

    tmux emits only attribute *changes*, and they carry over line ends: a row
    may start in reverse video because the row above ended in it. So the
    screen is parsed as one stream, never line by line.
    """
    rows: list[list[tuple[str, CellStyle]]] = [[]]
    style = CellStyle()
    position = 0
    for match in _SGR.finditer(screen):
        _add_text(rows, screen[position : match.start()], style)
        style = _apply_sgr(style, match.group(1))
        position = match.end()
    _add_text(rows, screen[position:], style)
    return rows


def _add_text(rows: list[list[tuple[str, CellStyle]]], text: str, style: CellStyle) -> None:
    for index, part in enumerate(text.split("\n")):
        if index:
            rows.append([])
        rows[-1].extend((char, style) for char in part)


def _apply_sgr(style: CellStyle, params: str) -> CellStyle:
    codes = [code for code in re.split("[;:]", params)] if params else ["0"]
    attrs = {
        "bold": style.bold,
        "dim": style.dim,
        "italic": style.italic,
        "underline": style.underline,
        "reverse": style.reverse,
    }
    fg, bg = style.fg, style.bg
    index = 0
    while index < len(codes):
        code = int(codes[index] or 0)
        if code == 0:
            attrs = dict.fromkeys(attrs, False)
            fg = bg = None
        elif code in (1, 2, 3, 4, 7):
            attrs[{1: "bold", 2: "dim", 3: "italic", 4: "underline", 7: "reverse"}[code]] = True
        elif code == 22:
            attrs["bold"] = attrs["dim"] = False
        elif code in (23, 24, 27):
            attrs[{23: "italic", 24: "underline", 27: "reverse"}[code]] = False
        elif code in (38, 48):
            # 38;5;N or 38;2;R;G;B
            width = 3 if index + 1 < len(codes) and codes[index + 1] == "5" else 5
            colour = ";".join(codes[index + 1 : index + width])
            fg, bg = (colour, bg) if code == 38 else (fg, colour)
            index += width - 1
        elif code == 39:
            fg = None
        elif code == 49:
            bg = None
        elif 30 <= code <= 37 or 90 <= code <= 97:
            fg = str(code)
        elif 40 <= code <= 47 or 100 <= code <= 107:
            bg = str(code)
        index += 1
    return CellStyle(fg=fg, bg=bg, **attrs)


@dataclass
class Terminal:
    """One tmux pane at a fixed size, running one program under a chosen ``TERM``."""

    workdir: Path
    width: int = 80
    height: int = 24
    term: str = "xterm-256color"
    env: Mapping[str, str] = field(default_factory=dict)
    # tmux options set before the program starts, e.g. {"set-clipboard": "on"}.
    options: Mapping[str, str] = field(default_factory=dict)
    socket: str = field(default_factory=lambda: f"e2e-{uuid.uuid4().hex[:12]}")
    _started: bool = field(default=False, init=False)
    _socket_path: str = field(default="", init=False)

    @property
    def status_file(self) -> Path:
        return self.workdir / "exit-status"

    @property
    def output_file(self) -> Path:
        return self.workdir / "output.raw"

    # -- lifecycle -----------------------------------------------------------

    def start(self, argv: Sequence[str], *, shell_after: bool = True) -> None:
        """Run ``argv`` in a new pane; afterwards a shell gets the terminal (if asked)."""
        tmux = shutil.which("tmux")
        if tmux is None:
            raise RuntimeError("tmux is not installed")
        self.workdir.mkdir(parents=True, exist_ok=True)
        wrapper = self.workdir / "run.sh"
        lines = [
            "#!/bin/sh",
            *(f"unset {name}" for name in _CLEARED_ENV if name not in self.env),
            f"export TERM={shlex.quote(self.term)}",
            *(f"export {name}={shlex.quote(value)}" for name, value in self.env.items()),
            '"$@"',
            f"echo $? > {shlex.quote(str(self.status_file))}",
        ]
        if shell_after:
            lines.append(f"PS1={shlex.quote(SHELL_PROMPT)} ENV= exec sh -i")
        wrapper.write_text("\n".join(lines) + "\n")
        command = shlex.join(["sh", str(wrapper), *argv])
        options = {"remain-on-exit": "on", **self.options}
        setup = [
            arg for name, value in options.items() for arg in (";", "set-option", "-g", name, value)
        ]
        self._tmux(
            "start-server",
            *setup,
            ";",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            command,
            # Record every byte the program writes, from the start, for mode checks.
            ";",
            "pipe-pane",
            "-o",
            "-t",
            "e2e",
            f"cat >> {shlex.quote(str(self.output_file))}",
        )
        self._started = True
        self._socket_path = self._tmux("display-message", "-p", "#{socket_path}").stdout.strip()

    def close(self) -> None:
        """Kill this terminal's tmux server (and so the program, if still running)."""
        if self._started:
            self._tmux("kill-server", check=False)
            self._started = False
            # tmux 3.3a leaves the socket file of a killed server behind.
            if self._socket_path:
                Path(self._socket_path).unlink(missing_ok=True)

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------

    def screen(self, *, colours: bool = False) -> str:
        """The visible screen as text, one line per row (with SGR codes if ``colours``)."""
        args = ["capture-pane", "-p", "-t", "e2e"]
        if colours:
            args.append("-e")
        return self._tmux(*args).stdout

    def styled_rows(self) -> list[list[tuple[str, CellStyle]]]:
        """The visible screen as rows of (character, attributes), ``height`` rows."""
        rows = styled_rows(self.screen(colours=True))[: self.height]
        return rows + [[] for _ in range(self.height - len(rows))]

    def rows(self, *, colours: bool = False) -> list[str]:
        """The visible screen, row by row (always ``height`` rows)."""
        rows = self.screen(colours=colours).split("\n")[: self.height]
        return rows + [""] * (self.height - len(rows))

    def flag(self, name: str) -> str:
        """One tmux format value for the pane, e.g. ``alternate_on`` or ``pane_title``."""
        return self._tmux("display-message", "-p", "-t", "e2e", f"#{{{name}}}").stdout.strip()

    def buffers(self) -> list[str]:
        """Names of tmux paste buffers (an OSC 52 clipboard write would add one)."""
        output = self._tmux("list-buffers", "-F", "#{buffer_name}", check=False).stdout
        return [line for line in output.splitlines() if line]

    def output(self) -> str:
        """Everything written to the terminal so far, escape sequences included."""
        if not self.output_file.exists():
            return ""
        return self.output_file.read_bytes().decode("utf-8", "replace")

    def modes_left_on(self) -> list[str]:
        """Terminal modes the output switched away from their defaults and never back.

        Checks DEC private modes (``ESC[?Nh``/``ESC[?Nl``: alternate screen, mouse
        reporting, focus events, bracketed paste, cursor, autowrap, ...) and the
        kitty keyboard protocol's push/pop (``ESC[>Nu``/``ESC[<u``).
        """
        output = self.output()
        last: dict[str, str] = {}
        for numbers, action in _DEC_MODE.findall(output):
            for number in numbers.split(";"):
                last[number] = action
        left = [
            f"?{number}{action}"
            for number, action in last.items()
            if action != _DEC_DEFAULTS.get(number, "l")
        ]
        pushes, pops = len(_KITTY_PUSH.findall(output)), len(_KITTY_POP.findall(output))
        if pushes > pops:
            left.append(f"kitty keyboard pushed {pushes}x, popped {pops}x")
        return left

    def exit_status(self, timeout: float = 10.0) -> int:
        """The program's exit status, once it has exited."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = self.status_file.read_text() if self.status_file.exists() else ""
            if text.strip():
                return int(text)
            time.sleep(0.05)
        raise TerminalError(f"the program did not exit within {timeout}s\n{self.dump()}")

    def _exited(self) -> bool:
        # The wrapper writes the status file when the program ends (a cheap check: no tmux call).
        return self.status_file.exists() and bool(self.status_file.read_text().strip())

    def dump(self) -> str:
        """The screen framed for an assertion message."""
        try:
            screen = self.screen()
        except subprocess.CalledProcessError as error:
            return f"(no screen: {error.stderr.strip()})"
        ruler = "-" * self.width
        return f"screen {self.width}x{self.height} TERM={self.term}:\n{ruler}\n{screen}{ruler}"

    # -- waiting -------------------------------------------------------------

    def wait_for(
        self,
        expected: str | re.Pattern[str] | Callable[[str], bool],
        timeout: float = 15.0,
        *,
        what: str | None = None,
        running: bool = True,
    ) -> str:
        """Poll the screen until ``expected`` shows; return that screen or fail showing it.

        ``expected`` is text to find, a regex to search for, or a predicate on the
        screen. Waiting for new text (not for text to vanish) keeps tests robust.
        With ``running`` (the default) it fails at once if the program has exited.
        """
        if isinstance(expected, str):
            text = expected
            found: Callable[[str], bool] = lambda screen: text in screen  # noqa: E731
        elif isinstance(expected, re.Pattern):
            pattern = expected
            found = lambda screen: pattern.search(screen) is not None  # noqa: E731
        else:
            found = expected
        deadline = time.monotonic() + timeout
        delay = 0.05
        while True:
            screen = self.screen()
            if found(screen):
                return screen
            if time.monotonic() > deadline:
                label = what or (expected if isinstance(expected, str) else repr(expected))
                raise TerminalError(
                    f"timed out after {timeout}s waiting for {label}\n{self.dump()}"
                )
            if running and self._exited():
                raise TerminalError(
                    f"the program exited (status {self.status_file.read_text().strip() or '?'}) "
                    f"while waiting for {what}\n{self.dump()}"
                )
            time.sleep(delay)
            delay = min(delay * 1.5, 0.25)

    def wait_for_prompt(self, timeout: float = 10.0) -> str:
        """Wait until the shell prompt is back after the program exits."""
        return self.wait_for(
            lambda screen: any(
                row.startswith(SHELL_PROMPT.rstrip()) for row in screen.splitlines()
            ),
            timeout,
            what="the shell prompt",
            running=False,
        )

    # -- typing --------------------------------------------------------------

    def press(self, *keys: str) -> None:
        """Press named keys (``enter``, ``shift+tab``, ``j``, ...); see ``TMUX_KEYS``."""
        for key in keys:
            if len(key) == 1:
                self._tmux("send-keys", "-t", "e2e", "-l", key)
            elif key in TMUX_KEYS:
                self._tmux("send-keys", "-t", "e2e", TMUX_KEYS[key])
            else:
                raise KeyError(f"no tmux name for key {key!r}; add it to TMUX_KEYS")
            if key == "escape":
                time.sleep(ESCAPE_PAUSE)

    def type(self, text: str) -> None:
        """Type ``text`` literally (no key-name lookup)."""
        self._tmux("send-keys", "-t", "e2e", "-l", text)

    # -- plumbing ------------------------------------------------------------

    def _tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=check,
            env=_tmux_env(),
            timeout=20,
        )


def _tmux_env() -> dict[str, str]:
    """The tmux client's environment: ours without another tmux's variables."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("TMUX")}
    env.setdefault("TERM", "xterm-256color")
    return env


def find_row(rows: Iterable[str], text: str) -> int:
    """Index of the first row containing ``text`` (plain rows), or -1."""
    for index, row in enumerate(rows):
        if text in row:
            return index
    return -1


TerminalFactory = Callable[..., Terminal]
