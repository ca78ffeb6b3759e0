"""Write the bundled articles in feeds/ from the ru-ua-press-releases corpus.

The corpus (../shared/corpora/ru-ua-press-releases/, CC BY 4.0: President of
Russia / en.kremlin.ru and President of Ukraine / president.gov.ua) is stored
as JSON Lines; the app ships a dozen items in the seed's stored-article text
format so a first launch shows a real list. Run from the repository root:

    python scripts/bundle_articles.py
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/corpora/ru-ua-press-releases/ru-ua-press-releases.jsonl"
# All older than the seed (31 March 2022), so the seed is the newest article and
# the one a first launch opens.
CHOSEN = [
    "kremlin-67997",  # call with the Prime Minister of Armenia
    "kremlin-67824",  # talks with the President of Azerbaijan announced
    "kremlin-67734",  # talks with President Macron
    "kremlin-67580",  # 100th anniversary of Karachayevo-Circassia (North Caucasus)
    "kremlin-67362",  # call with President Macron
    "kremlin-67205",  # Security Council meeting
    "kremlin-67189",  # call with European Council President Charles Michel
    "president-gov-ua-73049",  # recognition of the "independence" of parts of Donbas
    "president-gov-ua-72097",  # Association Trio joint statement (Georgia, Moldova, Ukraine)
    "president-gov-ua-72093",  # Eastern Partnership Summit
    "president-gov-ua-72053",  # meeting with the President of Azerbaijan
    "president-gov-ua-71545",  # call with the Prime Minister of Georgia
    "president-gov-ua-71277",  # Euronest: Ukraine, Georgia and the EU
]
FOLDERS = {"kremlin": "kremlin", "president-gov-ua": "president-gov-ua"}


def slug(title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-").split("-")
    return "-".join(words[:10])


def main() -> None:
    wanted = set(CHOSEN)
    for line in CORPUS.open(encoding="utf-8"):
        item = json.loads(line)
        if item["id"] not in wanted:
            continue
        date = dt.date.fromisoformat(item["date"][:10])
        folder = ROOT / "feeds" / FOLDERS[item["id"].rsplit("-", 1)[0]]
        folder.mkdir(parents=True, exist_ok=True)
        paragraphs = [p.strip() for p in item["body"].split("\n\n") if p.strip()]
        text = "\n\n".join(
            [
                item["title"],
                date.strftime("%B %-d, %Y"),
                *paragraphs,
                "Original url:",
                f"<{item['url']}>",
            ]
        )
        path = folder / f"{date.isoformat()}-{slug(item['title'])}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
