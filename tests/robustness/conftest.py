"""Shared pieces for the hostile-input and failure tests.

The hypothesis strategies here produce text that a stranger could put in an
article: terminal escape sequences, C0/C1 controls, bidi overrides, zero-width
and combining floods, surrogates and Rich markup, mixed with ordinary words.
``assert_terminal_safe`` is the one definition of "safe" every test checks.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[2]
CORPORA = (REPO / ".." / "shared" / "corpora").resolve()

# Small by default so the whole robustness set stays well under CI's budget;
# scripts/fuzz.py runs the same tests with FUZZ_EXAMPLES set, round after round.
FUZZ_EXAMPLES = os.environ.get("OSSETIA_READER_FUZZ_EXAMPLES")
settings.register_profile(
    "robustness",
    max_examples=int(FUZZ_EXAMPLES or 40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None if FUZZ_EXAMPLES else settings.get_profile("default").database,
)
ROBUST = settings.get_profile("robustness")

# What must never reach the terminal: every C0 control but "\n", DEL, every C1
# control, bidi embeddings/overrides/isolates, and lone surrogates.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")

ESCAPE_SEQUENCES = [
    "\x1b[31m",  # SGR colour
    "\x1b[2J",  # clear screen
    "\x1b[H",  # cursor home
    "\x1b]2;pwned\x07",  # OSC 2 window title, BEL-terminated
    "\x1b]0;pwned\x1b\\",  # OSC 0, ST-terminated
    "\x1b]52;c;cHduZWQ=\x07",  # OSC 52 clipboard write
    "\x1b]8;;file:///etc/passwd\x1b\\click\x1b]8;;\x1b\\",  # OSC 8 hyperlink
    "\x1bP+q544e\x1b\\",  # DCS request
    "\x9b31m",  # 8-bit CSI
    "\x9d2;pwned\x9c",  # 8-bit OSC
    "\x1b[6n",  # cursor position report request
    "\x08\x08\x08",  # backspaces
    "\r",  # carriage return over the line
    "\x07",  # BEL
]
MARKUP = [
    "[bold]",
    "[/bold]",
    "[link=https://evil.example]x[/link]",
    "[@click=app.quit]press[/]",
    "[@click=app.bell]",
    "[red on white]",
    ":warning:",
    "[b][i]",
    "\\[escaped]",
]
UNICODE_TRICKS = [
    "\u202e",  # right-to-left override
    "\u202d",
    "\u2066",  # isolates
    "\u2067",
    "\u2068",
    "\u2069",
    "\u202a",
    "\u200b" * 50,  # zero-width space flood
    "\u200d" * 50,
    "\ufeff",
    "a" + "\u0301" * 60,  # Zalgo
    "\u05d0" + "\u0591" * 40,  # Hebrew cantillation flood
    "x" + "\ufe0f" * 40,  # variation selector flood
    "\U000e0041" * 30,  # tag characters (invisible "ASCII smuggling")
    "\u200b\u0301" * 30,  # alternating zero-width and combining
    "\ud800",  # lone surrogate
    "\u2028",
    "\u0085",
    "\r\n",
    "\t",
]
WORDS = ["Tskhinvali", "Бибилов", "Kokoïty", "ცხინვალი", "Peskov", "2022", " ", "\n", "\n\n", "."]

hostile_piece = st.one_of(
    st.sampled_from(ESCAPE_SEQUENCES + MARKUP + UNICODE_TRICKS + WORDS),
    st.text(max_size=20),
    st.text(
        alphabet=st.characters(
            codec=None, categories=["Cc", "Cf", "Mn", "Me", "Zl", "Zp", "Cs", "Co"]
        ),
        max_size=20,
    ),
)
hostile_text = st.lists(hostile_piece, max_size=30).map("".join)


def assert_terminal_safe(text: str, *, one_line: bool = False) -> None:
    """Fail with the offending character when ``text`` could drive a terminal."""
    found = FORBIDDEN.search(text)
    assert found is None, f"unsafe {found.group()!r} at {found.start()} in {text[:200]!r}"
    if one_line:
        assert "\n" not in text, f"newline in one-line field {text[:200]!r}"


def article_fields_safe(article: object) -> None:
    """Every text field of an ``Article`` is terminal-safe (id, title and source on one line)."""
    for name in ("id", "title", "source"):
        assert_terminal_safe(getattr(article, name), one_line=True)
    for name in ("url", "author", "feed", "caption", "credit"):
        value = getattr(article, name)
        if value is not None:
            assert_terminal_safe(value, one_line=True)
    assert_terminal_safe(article.body)  # type: ignore[attr-defined]
    for link in article.links:  # type: ignore[attr-defined]
        assert_terminal_safe(link.target, one_line=True)
    for entity in getattr(article, "entities", ()):
        assert_terminal_safe(entity.text)
        assert_terminal_safe(entity.canonical)
    for quote in getattr(article, "quotes", ()):
        assert_terminal_safe(quote.text)
        for extra in (quote.speaker, quote.cue):
            if extra is not None:
                assert_terminal_safe(extra)


def run_cli(
    args: Sequence[str], *, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m ossetia_reader`` as a user would, capturing raw bytes."""
    environment = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", **(env or {})}
    environment["PYTHONPATH"] = str(REPO / "tui")
    return subprocess.run(
        [sys.executable, "-m", "ossetia_reader", *args],
        capture_output=True,
        env=environment,
        timeout=timeout,
        check=False,
    )


def run_cli_tty(args: Sequence[str], *, columns: int = 160, timeout: float = 60) -> bytes:
    """Run ``python -m ossetia_reader`` with stdout on a pseudo-terminal; returns what it wrote."""
    import pty
    import select

    environment = {**os.environ, "COLUMNS": str(columns), "LINES": "50", "TERM": "xterm-256color"}
    environment["PYTHONPATH"] = str(REPO / "tui")
    environment.pop("NO_COLOR", None)
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "ossetia_reader", *args],
        stdin=subprocess.DEVNULL,
        stdout=terminal,
        stderr=subprocess.PIPE,
        env=environment,
    )
    os.close(terminal)
    chunks: list[bytes] = []
    while True:
        ready, _, _ = select.select([controller], [], [], timeout)
        if not ready:
            process.kill()
            break
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(controller)
    stderr = process.communicate(timeout=timeout)[1]
    assert process.returncode == 0, stderr.decode("utf-8", "replace")
    return b"".join(chunks)


def one_line_error(result: subprocess.CompletedProcess[bytes]) -> str:
    """The single stderr line of a failed command; fails on a traceback or several lines."""
    stderr = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 1, (result.returncode, stderr)
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.fixture
def corpora() -> Path:
    """The shared corpora directory, or skip when this checkout has none beside it."""
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not present")
    return CORPORA
