"""Properties of the sanitiser that every terminal-safety guarantee rests on."""

from __future__ import annotations

import random
import unicodedata

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ossetia_reader.core.sanitize import safe_line, safe_text

from .conftest import ESCAPE_SEQUENCES, ROBUST, UNICODE_TRICKS, assert_terminal_safe, hostile_text

# The longest run of zero-width characters (combining marks, format characters)
# that may survive: enough for real scripts and emoji tag flags, not a flood.
MAX_ZERO_WIDTH_RUN = 6


def zero_width_runs(text: str) -> list[int]:
    """Lengths of runs of consecutive non-spacing characters (Mn, Me, Cf)."""
    runs = []
    current = 0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            current += 1
        else:
            if current:
                runs.append(current)
            current = 0
    if current:
        runs.append(current)
    return runs


@ROBUST
@given(hostile_text)
@example("\x1b]52;c;cHduZWQ=\x07\x9b2J\u202e\u2066")
def test_safe_text_never_contains_controls(text: str) -> None:
    assert_terminal_safe(safe_text(text))


@ROBUST
@given(hostile_text)
def test_safe_line_is_one_safe_line(text: str) -> None:
    line = safe_line(text)
    assert_terminal_safe(line, one_line=True)
    assert line == line.strip()


@ROBUST
@given(hostile_text)
@example("\r\r\n\n")
@example("\u200b" * 3 + "\u0301" * 3 + "\u200b" * 3)
def test_sanitisers_are_idempotent(text: str) -> None:
    once = safe_text(text)
    assert safe_text(once) == once
    line = safe_line(text)
    assert safe_line(line) == line


@ROBUST
@given(hostile_text)
@example("a\r\nb\rc\n")
def test_safe_text_keeps_every_line_break(text: str) -> None:
    # A "\r\n" pair is one line break; a lone "\r" is shown, not obeyed.
    assert safe_text(text).count("\n") == text.count("\n")


@ROBUST
@given(hostile_text)
def test_zero_width_floods_are_bounded(text: str) -> None:
    assert max(zero_width_runs(safe_text(text)), default=0) <= MAX_ZERO_WIDTH_RUN


@pytest.mark.parametrize(
    "flood",
    [
        "a" + "\u0301" * 500,  # Zalgo
        "\u05d0" + "\u0591" * 500,  # Hebrew accents
        "\u0627" + "\u064b" * 500,  # Arabic harakat
        "x" + "\ufe0f" * 500,  # variation selectors
        "x" + "\U000e0100" * 500,  # supplementary variation selectors
        "\U000e0041" * 500,  # tag characters
        "\u200b\u0301" * 500,  # alternating zero-width and combining
        "\u00ad" * 500,  # soft hyphens
    ],
    ids=["zalgo", "hebrew", "arabic", "vs", "vs-supplement", "tags", "alternating", "shy"],
)
def test_known_floods_are_cut(flood: str) -> None:
    assert len(safe_text(flood)) <= MAX_ZERO_WIDTH_RUN + 1


def test_real_text_is_untouched() -> None:
    samples = [
        "Kremlin Plays Down South Ossetia Leader's Call to Join Russia",
        "Анатолий Бибилов заявил, что Южная Осетия «в ближайшее время» проведёт референдум.",
        "ცხინვალი — სამხრეთ ოსეთი",
        "Tiếng Việt có dấu: Nguyễn Thị Minh Khai",  # stacked Vietnamese marks
        "שָׁלוֹם עֲלֵיכֶם",  # pointed Hebrew
        "👨\u200d👩\u200d👧\u200d👦 🏳\ufe0f\u200d🌈",  # ZWJ emoji sequences
        "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f England",  # tag flag
        "line one\nline two\n\nparagraph",
    ]
    for sample in samples:
        assert safe_text(sample) == sample


@pytest.mark.parametrize("sequence", ESCAPE_SEQUENCES + UNICODE_TRICKS)
def test_every_known_trick_is_made_visible(sequence: str) -> None:
    cleaned = safe_text(f"before{sequence}after")
    assert_terminal_safe(cleaned)
    assert cleaned.startswith("before") and cleaned.endswith("after")
    if "\x1b" in sequence:
        assert "␛" in cleaned  # shown, not dropped


def test_ten_megabytes_complete() -> None:
    # Completion only: speed is reported by scripts/fuzz.py, never asserted here.
    rng = random.Random(7)
    hostile = "".join(rng.choices("abc де\n\x1b[31m\u202e\u0301\u200b\x9b\t\r", k=50_000))
    text = (hostile + "An ordinary paragraph of news text. " * 5_000) * 50  # ~11 MB
    cleaned = safe_text(text)
    assert "\x1b" not in cleaned and "\x9b" not in cleaned and "\u202e" not in cleaned
    assert cleaned.count("\n") == text.count("\n")


@ROBUST
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_ordinary_printable_text_survives(text: str) -> None:
    # Text with no controls, no bidi controls and no zero-width floods is kept as is.
    visible = "".join(
        char
        for char in text
        if unicodedata.category(char) not in ("Cc", "Cf", "Mn", "Me", "Cs", "Zl", "Zp")
    )
    assert safe_text(visible) == visible
