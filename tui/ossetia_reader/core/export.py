"""Articles as plain JSON-ready dicts: the export format and ``show --json``."""

from __future__ import annotations

from typing import Any

from ossetia_reader.core.article import Article


def article_to_json(article: Article) -> dict[str, Any]:
    """Every stored field of ``article``; span offsets index into ``body``."""
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat() if article.date else None,
        "source": article.source,
        "url": article.url,
        "feed": article.feed,
        "author": article.author,
        "caption": article.caption,
        "credit": article.credit,
        "language": article.language,
        "body": article.body,
        "links": [{"start": k.start, "end": k.end, "target": k.target} for k in article.links],
        "entities": [
            {
                "start": e.start,
                "end": e.end,
                "text": e.text,
                "type": e.type,
                "canonical": e.canonical,
                **({"local": True} if e.local else {}),
            }
            for e in article.entities
        ],
        "quotes": [
            {"start": q.start, "end": q.end, "text": q.text, "speaker": q.speaker, "cue": q.cue}
            for q in article.quotes
        ],
    }
