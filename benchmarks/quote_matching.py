"""How a hand-annotated quote is matched to the program's quotes, shared by the quote scorers.

Moved here from ``benchmarks/russian.py`` (its Meduza/factRuEval quote scoring, session 3)
so that ``benchmarks/pages_quotes.py`` (fresh English and Russian page excerpts, session 5)
scores with the same matching instead of a copy of it. The only thing the two differ in is
what counts as the same speaker, so that is a parameter: ``russian.py`` keeps its exact
name (ё folded), ``pages_quotes.py`` compares the app's ``canonical_key``.

An annotated article is ``{"id", "quotes": [{"text": first words, "speaker": name | "" |
None, "alternatives": [...]}]}``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol


class FoundQuote(Protocol):
    """What the scorer reads of a program quote (``core.article.Quote``)."""

    @property
    def text(self) -> str: ...

    @property
    def speaker(self) -> str | None: ...


# The opening marks a predicted quote's text may start with; the gold keeps the words after it.
OPENING_MARKS = "«„\"“‘' "

SameSpeaker = Callable[[str | None, Sequence[str]], bool]


def fold(name: str | None) -> str | None:
    """ё is optional in Russian writing: Цивилёв is Цивилев (the Meduza guidelines say so)."""
    return name.replace("ё", "е").replace("Ё", "Е") if name else name


def same_name(speaker: str | None, wanted: Sequence[str]) -> bool:
    """The speaker is one of the wanted names, spelt the same (ё folded)."""
    return fold(speaker) in {fold(name) for name in wanted}


def score_quotes(
    article: dict[str, Any],
    quotes: Iterable[FoundQuote],
    show: bool,
    same_speaker: SameSpeaker = same_name,
) -> Counter[str]:
    """Counts for one article: gold quotes found, predictions matched, speakers right."""
    stats: Counter[str] = Counter()
    found = [(" ".join(q.text.split()), q.speaker) for q in quotes]
    matched: set[int] = set()
    for item in article["quotes"]:
        stats["gold"] += 1
        # A predicted quote matches when it starts where the gold quote starts (its
        # first words, after the opening mark): a span swallowing several quotes finds
        # only the first.
        first = " ".join(item["text"].split())
        hits = [
            i for i, (text, _) in enumerate(found) if text.lstrip(OPENING_MARKS).startswith(first)
        ]
        if not hits:
            if show:
                print(f"    missed {article['id'].rsplit('-', 1)[-1]} {item['text']!r}")
            continue
        stats["found"] += 1
        matched.update(hits)
        if item["speaker"] is None:
            continue
        stats["scored"] += 1
        speaker = found[hits[0]][1]
        wanted = [item["speaker"], *item.get("alternatives", [])]
        # An unnamed source ('') is right when the program names nobody either: no
        # speaker, or a lower-case phrase ("a spokesman", "officials").
        unnamed_ok = "" in wanted and (speaker is None or not speaker[:1].isupper())
        right = unnamed_ok or same_speaker(speaker, [name for name in wanted if name])
        stats["right"] += right
        if show and not right:
            where = article["id"][-10:]
            print(f"    speaker {where} {speaker!r} for {item['text']!r}, want {wanted}")
    stats["predicted"] += len(found)
    stats["correct"] += len(matched)
    if show:
        for i, (text, speaker) in enumerate(found):
            if i not in matched:
                print(f"    extra {article['id'].rsplit('-', 1)[-1]} {text[:70]!r} ({speaker})")
    return stats


def print_quote_stats(label: str, stats: Counter[str]) -> None:
    precision = stats["correct"] / stats["predicted"] if stats["predicted"] else 0.0
    recall = stats["found"] / stats["gold"] if stats["gold"] else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    accuracy = stats["right"] / stats["scored"] if stats["scored"] else 0.0
    print(
        f"  {label}: {stats['articles']} articles, {stats['gold']} quotes: "
        f"P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  "
        f"speaker accuracy {accuracy:.3f} ({stats['right']}/{stats['scored']})"
    )
