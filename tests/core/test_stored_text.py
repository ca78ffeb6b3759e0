"""The stored-article format, on the seed exactly as received and on odd files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ossetia_reader.core.formats.stored_text import parse_stored_text, read_stored_text
from tests.conftest import SEED, SEED_TITLE


def test_seed_fields() -> None:
    article = read_stored_text(SEED)
    assert article.id == SEED.stem
    assert article.title == SEED_TITLE
    assert article.date == dt.date(2022, 3, 31)
    assert article.source == "The Moscow Times"
    assert article.url == (
        "https://www.themoscowtimes.com/2022/03/31/"
        "kremlin-plays-down-south-ossetia-leaders-call-to-join-russia-a77164"
    )
    assert article.caption == (
        "Russia's President Vladimir Putin and South Ossetia's President Anatoly Bibilov."
    )
    assert article.credit == (
        "Alexei Nikolsky / Russian Presidential Press and Information Office / TASS"
    )
    assert article.warnings == ()


def test_seed_body_paragraphs_and_link() -> None:
    article = read_stored_text(SEED)
    paragraphs = article.paragraphs
    assert len(paragraphs) == 15
    assert paragraphs[0].startswith("The Kremlin has played down a suggestion")
    assert paragraphs[-1].startswith("South Ossetian forces have taken part")
    assert "Original url" not in article.body and "**" not in article.body
    (link,) = article.links
    assert article.body[link.start : link.end] == (
        "South Ossetia Leader Wants Public Debate on Joining Russia"
    )
    assert link.target == "#"
    assert "Related article: South Ossetia Leader Wants" in article.body
    assert "[" not in article.body


def test_seed_bytes_unchanged_in_feeds() -> None:
    shared_seed = SEED.parents[2].parent / "shared/seed/000_8ec7a92b2d581c63.txt"
    if shared_seed.exists():
        assert SEED.read_bytes() == shared_seed.read_bytes()


def test_missing_date_and_title_fall_back_with_warnings() -> None:
    article = parse_stored_text("Just a title\n\nA body paragraph.", "some-file")
    assert article.title == "Just a title"
    assert article.date is None
    assert article.body == "A body paragraph."
    assert "no date line" in article.warnings

    empty = parse_stored_text("\n\n  \n", "empty-file")
    assert empty.title == "empty-file" and empty.body == ""
    assert empty.warnings == ("empty file",)


def test_escape_sequences_and_markup_are_inert(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_bytes(
        b"Title \x1b]2;PWNED\x07 [bold]x[/bold]\n\nMarch 1, 2022\n\n"
        b"Body \x1b[2J with [link=file:///etc/passwd]click[/link] \x9b and \xe2\x80\xae."
    )
    article = read_stored_text(path)
    for text in (article.title, article.body):
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "␛]2;PWNED␇" in article.title
    assert "[bold]x[/bold]" in article.title
    assert "[link=file:///etc/passwd]click[/link]" in article.body


def test_windows_1251_file_decodes(tmp_path: Path) -> None:
    path = tmp_path / "ru.txt"
    path.write_bytes("Бибилов и Цхинвали\n\nMarch 1, 2022\n\nТекст статьи.".encode("cp1251"))
    article = read_stored_text(path)
    assert article.title == "Бибилов и Цхинвали"
    assert "decoded as cp1251" in article.warnings
