"""Decode bytes of unknown encoding without ever failing."""

from __future__ import annotations

import codecs

_ASCII = bytes(range(0x80))
_CYRILLIC_LETTERS = bytes(range(0xC0, 0x100))  # А..я in Windows-1251 (and in KOI8-R)
_FIRST_HALF = bytes(range(0xC0, 0xE0))  # А..Я in Windows-1251, а..я in KOI8-R


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``data``.

    UTF-8 (with or without BOM) and UTF-16 with a BOM are taken as they are.
    Anything else is legacy 8-bit text: Russian when most high bytes fall in the
    Cyrillic letter range, else Windows-1252, with undecodable bytes replaced. Russian
    is KOI8-R when most of its letters fall in the half that is capitals in
    Windows-1251 (both put the alphabet at 0xC0-0xFF, in opposite cases, and
    running text is mostly lower case), else Windows-1251.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Counted with C-speed deletes: a list of the high bytes cost 8 bytes per byte of input.
    high = len(data.translate(None, _ASCII))  # the bytes left once ASCII is deleted
    cyrillic = len(data) - len(data.translate(None, _CYRILLIC_LETTERS))
    if high and cyrillic / high > 0.6 and _looks_russian(data):
        first_half = len(data) - len(data.translate(None, _FIRST_HALF))
        if first_half > cyrillic - first_half:
            return data.decode("koi8_r", errors="replace"), "koi8-r"
        return data.decode("cp1251", errors="replace"), "cp1251"
    return data.decode("cp1252", errors="replace"), "cp1252"


def _looks_russian(data: bytes) -> bool:
    """Words of several high bytes in a row are Cyrillic; Latin-1 text has lone accents."""
    runs = 0
    current = 0
    for b in data[:65536]:
        if b >= 0xC0:
            current += 1
            if current == 3:
                runs += 1
        else:
            current = 0
    return runs >= 2
