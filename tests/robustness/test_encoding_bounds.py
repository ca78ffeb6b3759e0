"""Decoding a large file of unknown encoding costs memory in proportion to the text."""

from __future__ import annotations

import tracemalloc

from ossetia_reader.core.formats.encoding import decode_bytes


def test_legacy_bytes_decode_with_bounded_memory() -> None:
    # 1 MB of mostly high bytes: listing them one Python int pointer each used ~10x the input.
    data = bytes([0xC1, 0xE0, 0x20, 0x81]) * 250_000
    tracemalloc.start()
    try:
        text, encoding = decode_bytes(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert encoding == "cp1252"
    assert len(text) == len(data)
    assert peak < 6 * len(data), f"peak {peak / 1e6:.1f} MB for {len(data) / 1e6:.1f} MB"


def test_cyrillic_and_latin_guesses_still_hold() -> None:
    russian = "Южная Осетия провела референдум о вхождении в состав России."
    assert decode_bytes(russian.encode("cp1251")) == (russian, "cp1251")
    french = "Le président a déclaré à la presse: « déjà vu »."
    assert decode_bytes(french.encode("latin-1")) == (french, "cp1252")


def test_russian_with_much_ascii_is_still_cp1251() -> None:
    # Mostly ASCII (URLs, dates, Latin names): the share of Cyrillic among the *high*
    # bytes decides, not among all bytes.
    text = (
        "Путин и NATO: 2022-03-31, president.gov.ua, "
        "https://kremlin.ru/events/president/news/68000 — заявление"
    )
    assert decode_bytes(text.encode("cp1251")) == (text, "cp1251")
