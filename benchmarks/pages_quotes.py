"""Quotes and speakers on fresh news excerpts annotated by hand (issues 10 and 11, session 5).

The excerpts are real English and Russian news stories, briefings and press releases from
stored public web pages, split by the rule in ``/work/wt/NOTES-split5.md`` (sha1 of the
URL: first hex digit 0-7 development, 8-f held out) and annotated by hand
(``benchmarks/judgements/pages-quotes-guidelines-en.md``). Their text is third-party and
never enters the repo: the repo keeps only the judgements (URL, sha1 of the text, the
first words of each quote, its speakers), the texts stay outside.

Each excerpt goes through the app's own enrichment (``enrich_articles``, which picks the
English or Russian pipeline by the text's language), and its quotes are matched the way
``benchmarks/russian.py`` matches the Meduza gold (``quote_matching.py``): a predicted
quote is right when it starts with the gold quote's first words. A speaker is right when
its ``canonical_key`` is the gold speaker's or an alternative's, or when one of the two
is a surname alone and the other the full name ending with it; an unnamed source ('')
is right when the program names nobody.

Run: ``python benchmarks/pages_quotes.py --gold FILE.jsonl [--gold ...] [--errors]``
(excerpts with their text), or ``--judgements FILE.json --texts FILE.jsonl`` (the repo's
judgements, texts from outside the repo, joined by URL and checked by sha1).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from quote_matching import print_quote_stats, score_quotes  # noqa: E402

Excerpt = dict[str, Any]


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def same_speaker(speaker: str | None, wanted: Sequence[str]) -> bool:
    """Same ``canonical_key`` as a wanted name, or a surname alone against the full name."""
    from ossetia_reader.core.enrich.canonical import canonical_key

    if not speaker:
        return False
    key = canonical_key(speaker).split()
    for name in wanted:
        other = canonical_key(name).split()
        if not key or not other:
            continue
        if key == other:
            return True
        if (len(key) == 1 and key[0] == other[-1]) or (len(other) == 1 and other[0] == key[-1]):
            return True
    return False


def read_gold(path: Path) -> list[Excerpt]:
    """Annotated excerpts with their text, one JSON object a line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def join_texts(judgements: Path, texts: Path) -> list[Excerpt]:
    """The repo's judgements (no text) joined by URL with texts kept outside the repo;
    an excerpt whose text is missing or differs from the judged one (sha1) is left out."""
    data = json.loads(judgements.read_text(encoding="utf-8"))
    rows = data["excerpts"] if isinstance(data, dict) else data
    by_url = {item["url"]: item["text"] for item in read_gold(texts)}
    joined: list[Excerpt] = []
    missing = 0
    for row in rows:
        text = by_url.get(row["url"])
        if text is None or text_sha1(text) != row["sha1"]:
            missing += 1
            continue
        joined.append({**row, "text": text})
    if missing:
        print(f"  ({missing} judged excerpts left out: no text with that URL and sha1)")
    return joined


def score(excerpts: list[Excerpt], label: str, show: bool) -> None:
    """Enrich every excerpt and print the quote figures per language and overall."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.enrich.pipeline import enrich_articles
    from ossetia_reader.core.language import detect_language

    articles = [Article(id=e["id"], title="", body=e["text"]) for e in excerpts]
    results = enrich_articles(articles)
    print(f"Quotes on fresh page excerpts annotated by hand: {label}")
    per_language: dict[str, Counter[str]] = {}
    for excerpt, (_, quotes) in zip(excerpts, results, strict=True):
        language = detect_language("", excerpt["text"])
        shown = io.StringIO()
        with contextlib.redirect_stdout(shown):
            stats = score_quotes(excerpt, quotes, show, same_speaker)
        if shown.getvalue():
            print(f"  {excerpt['id']} {excerpt.get('outlet', '')} {excerpt.get('url', '')}")
            print(shown.getvalue(), end="")
        stats["articles"] += 1
        per_language.setdefault(language, Counter()).update(stats)
    total: Counter[str] = Counter()
    for language, stats in sorted(per_language.items()):
        if len(per_language) > 1:
            print_quote_stats(f"language {language}", stats)
        total.update(stats)
    print_quote_stats("all", total)


def run(what: str, score: Callable[[list[Excerpt], str, bool], object]) -> None:
    """The command line both page scorers share: ``--gold`` files (text inside) or the
    repo's ``--judgements`` joined with ``--texts`` kept outside; one line when absent."""
    parser = argparse.ArgumentParser(description=f"{what}: score the app on them.")
    parser.add_argument("--gold", type=Path, action="append", default=[], help="excerpts + gold")
    parser.add_argument("--judgements", type=Path, help="repo judgements (no text), JSON")
    parser.add_argument("--texts", type=Path, help="the judged excerpts' texts, JSONL")
    parser.add_argument("--errors", action="store_true", help="list every mistake")
    args = parser.parse_args()
    if not args.gold and not (args.judgements and args.texts):
        parser.error("give --gold FILE.jsonl, or --judgements FILE.json --texts FILE.jsonl")
    for path in args.gold:
        if not path.is_file():
            print(f"{what}: {path} not found, skipped")
            continue
        score(read_gold(path), str(path), args.errors)
    if args.judgements and args.texts:
        absent = [p for p in (args.judgements, args.texts) if not p.is_file()]
        if absent:
            print(f"{what}: {absent[0]} not found, skipped")
            return
        excerpts = join_texts(args.judgements, args.texts)
        score(excerpts, f"{args.judgements.name} + {args.texts}", args.errors)


def main() -> None:
    run("Quotes on fresh page excerpts", score)


if __name__ == "__main__":
    main()
