"""The stored-article parser takes any text or bytes and returns a terminal-safe article."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from ossetia_reader.core.formats.encoding import decode_bytes
from ossetia_reader.core.formats.stored_text import parse_stored_text, read_stored_text

from .conftest import ROBUST, article_fields_safe, assert_terminal_safe, hostile_piece, hostile_text

# Pieces that steer the parser into each of its branches.
STRUCTURE = [
    "March 31, 2022",
    "31 March 2022",
    "2022-03-31",
    "Photo caption. **Credit**",
    "**",
    "[link](#)",
    "[x](javascript:alert(1))",
    "[](",
    "Original url:",
    "url: <https://www.themoscowtimes.com/2022/03/31/a>",
    "<https://evil.example/\x1b]2;x\x07>",
    "Related article: [..](#)",
]
blocks = st.lists(
    st.one_of(st.sampled_from(STRUCTURE), hostile_text, hostile_piece), max_size=12
).map("\n\n".join)


def check_article(text: str, article_id: str) -> None:
    article = parse_stored_text(text, article_id)
    article_fields_safe(article)
    assert article.title, "an article always has a title"
    for link in article.links:
        assert 0 <= link.start < link.end <= len(article.body)
        assert "[" not in article.body[link.start : link.end], "offsets point at the link text"


@ROBUST
@given(blocks, st.text(max_size=30))
@example("Title\n\nMarch 31, 2022\n\n[bold]x[/bold] [@click=app.quit]y[/]", "id")
@example("", "\x1b]2;pwned\x07")
@example("x" * 600, "\x1b[2J\u202e")
def test_any_text_parses_to_a_safe_article(text: str, article_id: str) -> None:
    check_article(text, article_id)


@ROBUST
@given(st.binary(max_size=2000))
@example(b"\xff\xfe" + "\x1b]52;c;eA==\x07".encode("utf-16-le"))
@example(b"\xef\xbb\xbf\x1b[31mred")
@example("Заголовок\n\n31 марта\n\nтекст".encode("cp1251"))
def test_any_bytes_decode_and_parse(data: bytes) -> None:
    text, encoding = decode_bytes(data)
    assert encoding in ("utf-8", "utf-8-sig", "utf-16", "cp1251", "cp1252")
    check_article(text, "bytes")


def test_hostile_file_name_does_not_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "\x1b]2;pwned\x07.txt"
    path.write_bytes(b"")
    article = read_stored_text(path)
    article_fields_safe(article)


def test_markup_is_kept_literally() -> None:
    text = (
        "[bold]Title[/bold]\n\nMarch 31, 2022\n\n"
        "[link=https://evil.example]x[/link] [@click=app.quit]q[/]"
    )
    article = parse_stored_text(text, "id")
    assert article.title == "[bold]Title[/bold]"
    assert "[link=https://evil.example]x[/link]" in article.body
    assert "[@click=app.quit]q[/]" in article.body


@pytest.mark.parametrize(
    "paragraph",
    [
        "a" + " " * 200_000 + "b",  # spaces with no credit marker
        "a" + " \t" * 100_000 + "**",
        "**" + "x " * 100_000,
    ],
    ids=["spaces", "tabs-then-stars", "open-credit"],
)
def test_long_first_paragraph_parses_in_linear_time(paragraph: str) -> None:
    # Completes only if the caption/credit regex does not backtrack quadratically
    # (before the fix, 200,000 spaces took minutes); no time is asserted.
    article = parse_stored_text(f"Title\n\nMarch 31, 2022\n\n{paragraph}\n\nlast", "id")
    assert article.caption is None
    assert_terminal_safe(article.body)


def test_many_links_parse_in_linear_time() -> None:
    # 100,000 links in one paragraph: summing rendered lengths per link was quadratic.
    article = parse_stored_text("Title\n\nfirst\n\n" + "[ab](#) x " * 100_000, "id")
    assert len(article.links) == 100_000
    assert {article.body[link.start : link.end] for link in article.links} == {"ab"}


def test_huge_single_line_title_falls_back_to_the_id() -> None:
    article = parse_stored_text("T" * 5000 + "\n\nbody", "the-id")
    assert article.title == "the-id"
    assert "first line is too long to be a title" in article.warnings
