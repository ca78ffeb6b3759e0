"""Person names on fresh news excerpts annotated by hand (issues 11 and 10, sessions 5-6).

The excerpts are real news (Russian-language agencies, papers, regional and sports sites,
radio transcripts; from session 6 English wire copy, papers, briefings and releases too)
from stored public web pages, collected under the rules in ``/work/wt/NOTES-split5.md``
and ``NOTES-split6.md``. Every mention of a person's name was marked by hand as a span
into the excerpt, factRuEval-2016 / CoNLL style (``../shared/corpora/factrueval-dev/
README.md``): the name only, without titles or roles; a surname alone and initials with a
surname count; a person inside an organisation's name ("фонд имени Кербера") counts, a
street named after one does not. The page text is third-party and never enters the repo:
the repo keeps the judgements (``benchmarks/judgements/pages-{ru,en}-*.json``: URL, sha1
of the text, the spans and the names), the texts stay outside, joined by URL and sha1.

Each excerpt goes through the app's own enrichment (``enrich_articles``, the entry point
``pages_quotes.py`` uses too). Nothing here is Russian-only: the enrichment picks the
Russian or English pipeline by the text's language, so the same scorer reads either. Its
PER entities are scored against the hand-marked spans: exact spans, micro-averaged
precision, recall and F1. Issue 11's target is PER F1 >= 0.94 on Russian text nobody
tuned on (the held-out half, scored once after the session-5 freeze).

Run: ``python benchmarks/pages_people.py --gold FILE.jsonl [--gold ...] [--errors]``
(excerpts with their text and "people"), or ``--judgements FILE.json --texts FILE.jsonl``.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from pages_quotes import run  # noqa: E402

Excerpt = dict[str, Any]
Span = tuple[int, int]


def gold_spans(excerpt: Excerpt) -> set[Span]:
    """The hand-marked person spans, checked against the text (a stale span is an error)."""
    text = excerpt["text"]
    spans: set[Span] = set()
    for person in excerpt.get("people", []):
        start, end = person["start"], person["end"]
        if text[start:end] != person["text"]:
            raise ValueError(f"{excerpt['id']}: span {start}-{end} is not {person['text']!r}")
        spans.add((start, end))
    return spans


def predicted_spans(excerpts: list[Excerpt]) -> list[set[Span]]:
    """PER spans the app's enrichment finds in each excerpt."""
    from ossetia_reader.core.article import Article
    from ossetia_reader.core.enrich.pipeline import enrich_articles

    articles = [Article(id=e["id"], title="", body=e["text"]) for e in excerpts]
    return [
        {(entity.start, entity.end) for entity in entities if entity.type == "PER"}
        for entities, _ in enrich_articles(articles)
    ]


def span_counts(excerpt: Excerpt, found: set[Span], show: bool = False) -> Counter[str]:
    """Counts for one excerpt (gold, predicted, correct: exact spans); ``show`` prints
    every miss and extra, with the span it crosses when it is a boundary error."""
    wanted = gold_spans(excerpt)
    stats: Counter[str] = Counter(
        excerpts=1, gold=len(wanted), predicted=len(found), correct=len(wanted & found)
    )
    if show and wanted != found:
        text = excerpt["text"]
        print(f"  {excerpt['id']} {excerpt.get('outlet', '')} {excerpt.get('url', '')}")
        for start, end in sorted(wanted - found):
            print(f"    missed {text[start:end]!r} at {start}{_overlap(found, start, end, text)}")
        for start, end in sorted(found - wanted):
            print(f"    extra  {text[start:end]!r} at {start}{_overlap(wanted, start, end, text)}")
    return stats


def f1_line(stats: Counter[str]) -> str:
    precision = stats["correct"] / stats["predicted"] if stats["predicted"] else 0.0
    recall = stats["correct"] / stats["gold"] if stats["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return (
        f"  PER: {stats['excerpts']} excerpts, {stats['gold']} names, {stats['predicted']} found: "
        f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}"
    )


def score(excerpts: list[Excerpt], label: str, show: bool) -> Counter[str]:
    """Print exact-span PER precision/recall/F1 (and, with ``show``, every miss and extra)."""
    print(f"Person names on fresh page excerpts annotated by hand: {label}")
    stats: Counter[str] = Counter()
    for excerpt, found in zip(excerpts, predicted_spans(excerpts), strict=True):
        stats.update(span_counts(excerpt, found, show))
    print(f1_line(stats))
    return stats


def _overlap(spans: set[Span], start: int, end: int, text: str) -> str:
    """', overlaps 'X'' when another span crosses this one (a boundary error, not a miss)."""
    crossing = [f"{text[s:e]!r}" for s, e in sorted(spans) if s < end and start < e]
    return f", overlaps {', '.join(crossing)}" if crossing else ""


def main() -> None:
    run("Person names on fresh page excerpts", score)


if __name__ == "__main__":
    main()
