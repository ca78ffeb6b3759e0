"""Make untrusted text safe to put in a terminal.

Article text comes from strangers. Rich and Textual pass ESC and other control
characters straight to the terminal, so every string that enters the library is
cleaned here, and widgets clean again at display time (``safe_text`` is
idempotent). Control characters become visible stand-ins rather than vanishing,
so a reader can see that something odd was in the text.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls (minus \n and \t) -> Unicode "control pictures" (U+2400 + code): ESC -> ␛.
_C0 = {code: chr(0x2400 + code) for code in range(0x20) if code not in (0x09, 0x0A)}
_C0[0x7F] = "\u2421"  # ␡
# C1 controls render as their escaped code, e.g. "\x9b" (CSI).
_C1 = {code: f"\\x{code:02x}" for code in range(0x80, 0xA0)}
# Bidi embeddings/overrides/isolates could reorder the UI around the text.
_BIDI = {code: f"<U+{code:04X}>" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
# Lone surrogates cannot be encoded for the terminal at all.
_TABLE: dict[int, str] = {**_C0, **_C1, **_BIDI, 0x09: " "}

# Anything ``_TABLE`` rewrites; clean text (the common case) skips the slow translate.
_UNSAFE = re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(_TABLE)) + "\r]")
_SURROGATES = re.compile("[\ud800-\udfff]")
# Most zero-width characters (combining marks, format characters) kept in a row:
# enough for real scripts and emoji tag flags, too few to flood layout (Zalgo).
MAX_ZERO_WIDTH_RUN = 6


def safe_text(text: str) -> str:
    """Return ``text`` with every terminal control made visible and harmless.

    Newlines survive; tabs become spaces; ESC, other C0/C1 controls and bidi
    overrides become printable stand-ins; floods of zero-width or combining
    characters are cut short so they cannot hang layout.
    """
    if not text:
        return ""
    if text.isascii():
        # ASCII (most news) holds no C1, bidi, surrogate or zero-width character:
        # one search for C0 controls is all it needs (~15 us an article less).
        if _UNSAFE.search(text):
            return text.replace("\r\n", "\n").translate(_TABLE)
        return text
    cleaned = text
    if _UNSAFE.search(cleaned):
        cleaned = cleaned.replace("\r\n", "\n").translate(_TABLE)
    if _SURROGATES.search(cleaned):
        cleaned = _SURROGATES.sub("\ufffd", cleaned)
    return _cut_zero_width_floods(cleaned)


def safe_line(text: str) -> str:
    """Like ``safe_text`` but for one-line fields (titles, sources): newlines become spaces."""
    return " ".join(safe_text(text).split())


# Zero-width characters of the Basic Multilingual Plane: every combining mark and
# format character (Unicode categories Mn, Me, Cf; unassigned code points between
# them included), minus the bidi controls ``_TABLE`` replaces. Generated from
# unicodedata 14.0: scanning the code points at import would cost ~25 ms per start.
_ZERO_WIDTH_BMP = (
    "\u00ad\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0600-\u0605\u0610-\u061a\u061c\u064b-\u065f\u0670\u06d6-\u06dd\u06df-\u06e4"
    "\u06e7-\u06e8\u06ea-\u06ed\u070f\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd"
    "\u0816-\u0819\u081b-\u0823\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0890-\u089f"
    "\u08ca-\u0902\u093a\u093c\u0941-\u0948\u094d\u0951-\u0957\u0962-\u0963\u0981\u09bc"
    "\u09c1-\u09c4\u09cd\u09e2-\u09e3\u09fe-\u0a02\u0a3c\u0a41-\u0a51\u0a70-\u0a71\u0a75"
    "\u0a81-\u0a82\u0abc\u0ac1-\u0ac8\u0acd\u0ae2-\u0ae3\u0afa-\u0b01\u0b3c\u0b3f"
    "\u0b41-\u0b44\u0b4d-\u0b56\u0b62-\u0b63\u0b82\u0bc0\u0bcd\u0c00\u0c04\u0c3c\u0c3e-\u0c40"
    "\u0c46-\u0c56\u0c62-\u0c63\u0c81\u0cbc\u0cbf\u0cc6\u0ccc-\u0ccd\u0ce2-\u0ce3"
    "\u0d00-\u0d01\u0d3b-\u0d3c\u0d41-\u0d44\u0d4d\u0d62-\u0d63\u0d81\u0dca\u0dd2-\u0dd6"
    "\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd\u0f18-\u0f19\u0f35"
    "\u0f37\u0f39\u0f71-\u0f7e\u0f80-\u0f84\u0f86-\u0f87\u0f8d-\u0fbc\u0fc6\u102d-\u1030"
    "\u1032-\u1037\u1039-\u103a\u103d-\u103e\u1058-\u1059\u105e-\u1060\u1071-\u1074\u1082"
    "\u1085-\u1086\u108d\u109d\u135d-\u135f\u1712-\u1714\u1732-\u1733\u1752-\u1753"
    "\u1772-\u1773\u17b4-\u17b5\u17b7-\u17bd\u17c6\u17c9-\u17d3\u17dd\u180b-\u180f"
    "\u1885-\u1886\u18a9\u1920-\u1922\u1927-\u1928\u1932\u1939-\u193b\u1a17-\u1a18\u1a1b"
    "\u1a56\u1a58-\u1a60\u1a62\u1a65-\u1a6c\u1a73-\u1a7f\u1ab0-\u1b03\u1b34\u1b36-\u1b3a"
    "\u1b3c\u1b42\u1b6b-\u1b73\u1b80-\u1b81\u1ba2-\u1ba5\u1ba8-\u1ba9\u1bab-\u1bad\u1be6"
    "\u1be8-\u1be9\u1bed\u1bef-\u1bf1\u1c2c-\u1c33\u1c36-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce0"
    "\u1ce2-\u1ce8\u1ced\u1cf4\u1cf8-\u1cf9\u1dc0-\u1dff\u200b-\u200f\u2060-\u2064"
    "\u206a-\u206f\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302d\u3099-\u309a"
    "\ua66f-\ua672\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua825-\ua826"
    "\ua82c\ua8c4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua951\ua980-\ua982\ua9b3"
    "\ua9b6-\ua9b9\ua9bc-\ua9bd\ua9e5\uaa29-\uaa2e\uaa31-\uaa32\uaa35-\uaa36\uaa43\uaa4c"
    "\uaa7c\uaab0\uaab2-\uaab4\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaec-\uaaed\uaaf6\uabe5\uabe8"
    "\uabed\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f\ufeff\ufff9-\ufffb"
)
_ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})
_BMP_FLOOD = re.compile(f"[{_ZERO_WIDTH_BMP}]{{{MAX_ZERO_WIDTH_RUN + 1},}}")
# Astral zero-width characters (historic-script marks, musical marks, tags,
# variation selectors) live in these blocks; emoji do not. ``re`` tests astral
# ranges one by one, so runs touching these blocks are checked in Python instead.
_ASTRAL_MARK_BLOCKS = "\U00010000-\U0001e9ff\U000e0000-\U000e01ef"
_ASTRAL_MARK = re.compile(f"[{_ASTRAL_MARK_BLOCKS}]")
_MAYBE_FLOOD = re.compile(
    f"(?:[{_ZERO_WIDTH_BMP}]|[{_ASTRAL_MARK_BLOCKS}]){{{MAX_ZERO_WIDTH_RUN + 1},}}"
)


def _cut_zero_width_floods(text: str) -> str:
    """Keep at most ``MAX_ZERO_WIDTH_RUN`` zero-width characters in a row."""
    if _BMP_FLOOD.search(text):
        text = _BMP_FLOOD.sub(lambda m: m.group()[:MAX_ZERO_WIDTH_RUN], text)
    if _ASTRAL_MARK.search(text):
        text = _MAYBE_FLOOD.sub(lambda m: _cut_run(m.group()), text)
    return text


def _cut_run(candidates: str) -> str:
    kept: list[str] = []
    run = 0
    for char in candidates:
        run = run + 1 if unicodedata.category(char) in _ZERO_WIDTH_CATEGORIES else 0
        if run <= MAX_ZERO_WIDTH_RUN:
            kept.append(char)
    return "".join(kept)
