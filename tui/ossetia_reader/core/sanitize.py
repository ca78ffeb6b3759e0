"""Make untrusted text safe to put in a terminal.

Article text comes from strangers. Rich and Textual pass ESC and other control
characters straight to the terminal, so every string that enters the library is
cleaned here, and widgets clean again at display time (``safe_text`` is
idempotent). Control characters become visible stand-ins rather than vanishing,
so a reader can see that something odd was in the text.
"""

from __future__ import annotations

import re

# C0 controls (minus \n and \t) -> Unicode "control pictures" (U+2400 + code): ESC -> ␛.
_C0 = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_C0[0x7F] = "\u2421"  # ␡
# C1 controls render as their escaped code, e.g. "\x9b" (CSI).
_C1 = {code: f"\\x{code:02x}" for code in range(0x80, 0xA0)}
# Bidi embeddings/overrides/isolates could reorder the UI around the text.
_BIDI = {code: f"<U+{code:04X}>" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# Lone surrogates cannot be encoded for the terminal at all.
_TABLE: dict[int, str] = {**_C0, **_C1, **_BIDI, 0x09: " "}

_SURROGATES = re.compile("[\ud800-\udfff]")
# Runs of invisible characters (zero-width space/joiners, word joiner, BOM, ...).
_INVISIBLE_RUN = re.compile("[\u200b-\u200f\u2060-\u2064\ufeff]{4,}")
# Floods of combining marks ("Zalgo" text) are cut to a few marks per character.
_COMBINING_FLOOD = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]{5,}"
)


def safe_text(text: str) -> str:
    """Return ``text`` with every terminal control made visible and harmless.

    Newlines survive; tabs become spaces; ESC, other C0/C1 controls and bidi
    overrides become printable stand-ins; floods of zero-width or combining
    characters are cut short so they cannot hang layout.
    """
    if not text:
        return ""
    cleaned = text.replace("\r\n", "\n").translate(_TABLE)
    if _SURROGATES.search(cleaned):
        cleaned = _SURROGATES.sub("\ufffd", cleaned)
    if _INVISIBLE_RUN.search(cleaned):
        cleaned = _INVISIBLE_RUN.sub(lambda m: m.group()[:3], cleaned)
    if _COMBINING_FLOOD.search(cleaned):
        cleaned = _COMBINING_FLOOD.sub(lambda m: m.group()[:4], cleaned)
    return cleaned


def safe_line(text: str) -> str:
    """Like ``safe_text`` but for one-line fields (titles, sources): newlines become spaces."""
    return " ".join(safe_text(text).split())
