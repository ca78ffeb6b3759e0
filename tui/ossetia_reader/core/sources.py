"""Name the publisher of an article from its URL."""

from __future__ import annotations

from urllib.parse import urlsplit

from ossetia_reader.core.sanitize import safe_line

_KNOWN = {
    "themoscowtimes.com": "The Moscow Times",
    "kremlin.ru": "President of Russia",
    "president.gov.ua": "President of Ukraine",
    "meduza.io": "Meduza",
    "reuters.com": "Reuters",
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "civil.ge": "Civil Georgia",
    "tass.com": "TASS",
    "rferl.org": "RFE/RL",
}


def source_for_url(url: str | None) -> str:
    """Return a readable publisher name for ``url`` ("" when there is none)."""
    if not url:
        return ""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    labels = host.split(".")
    for size in range(len(labels), 1, -1):
        name = _KNOWN.get(".".join(labels[-size:]))
        if name:
            return name
    if labels and labels[0] == "www":
        labels = labels[1:]
    return safe_line(".".join(labels))
