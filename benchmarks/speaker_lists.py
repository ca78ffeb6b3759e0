"""Speaker-list precision and transcript attribution (issue 10), for ``enrichment.py``.

Two figures, each on whole shared corpora enriched the way ``ossetia-reader add``
and ``enrich`` would (a fresh library, the pipeline's tagger, the store's
speaker totals):

- **speaker-list precision**: the top 40 rows of ``quotes`` (most-quoted
  speakers) of the shared Kremlin/Ukrainian press releases and of the shared
  BBC News corpus, checked against hand judgements kept beside this script
  (``judgements/speakers-<corpus>.tsv``). A row is right when the judgement
  says it is a real person or organisation and its identity (the judgement's
  ``same_as`` column) is not that of a higher row. Rows nobody has judged yet
  are printed and counted apart (not as right).
- **transcript attribution**: in the press releases, paragraphs that open
  with a speaker label ("President of Russia Vladimir Putin: …", "Question:
  …") are found by a deliberately simple pattern written here, apart from
  the product's own detector (see ``gold_turns``); a paragraph (the text up to
  the next label) is attributed when at least 90% of its characters lie in
  quotes whose speaker has the label's surname (for "Question:" and the like:
  in quotes without a speaker, since nobody is named).

The press releases were used while developing the speaker rules; BBC News
was not (it is the held-out corpus: its list was judged once, after the
rules were written).
"""

from __future__ import annotations

import csv
import re
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from ossetia_reader.core.article import Quote
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.pipeline import enrich_pending
from ossetia_reader.core.enrich.views import speaker_counts
from ossetia_reader.core.importer import import_paths
from ossetia_reader.core.library import Library

JUDGEMENTS = Path(__file__).resolve().parent / "judgements"
LIST_CORPORA = {
    "ru-ua-press-releases": "ru-ua-press-releases/ru-ua-press-releases.jsonl",
    "bbc-news": "bbc-news/bbc-news.jsonl",
}
TOP_SPEAKERS = 40
COVERED = 0.9
RIGHT_VERDICTS = {"PER", "ORG"}
GENERIC = {"question", "remark", "answer", "reply", "response", "comment"}
# The gold pattern: a label opens the text, a line, or follows a sentence end; it is a run
# of capitalised words (and "of", "the") ending in a colon and a space.
_GOLD_LABEL = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?…\"”»)*>]\s))"
    r"((?:[A-Z][\w'’.-]*\s(?:(?:of|the|and)\s)*){0,10}[A-Z][\w'’.-]*)"
    r"(?:\s\([^()]{1,30}\))?:\s"
)
_TITLE_START = {
    "president", "prime", "minister", "chairman", "governor", "head", "deputy", "director",
    "ceo", "mayor", "press", "presidential", "foreign", "defence", "general",
}  # fmt: skip
_SECTION_BREAK = re.compile(r"\*\s*\*\s*\*")

_libraries: dict[str, Library] = {}
_tempdir: tempfile.TemporaryDirectory[str] | None = None


def enriched_library(corpora: Path, name: str, use_model: bool | None) -> Library | None:
    """The shared corpus ``name`` imported into a fresh library and enriched (once per run;
    other sections may reuse it)."""
    global _tempdir
    if name in _libraries:
        return _libraries[name]
    path = corpora / LIST_CORPORA[name]
    if not path.exists():
        return None
    if _tempdir is None:
        _tempdir = tempfile.TemporaryDirectory(prefix="enrichment-benchmark-")
    library = Library(Path(_tempdir.name) / name)
    import_paths(library, [str(path)])
    enrich_pending(library, use_model=use_model)
    _libraries[name] = library
    return library


def speaker_lists(corpora: Path, use_model: bool | None) -> None:
    """Print the precision of the top speakers of each list corpus."""
    for name in LIST_CORPORA:
        library = enriched_library(corpora, name, use_model)
        if library is None:
            print(f"Speaker list {name}: corpus not found, skipped")
            continue
        judgements = read_judgements(JUDGEMENTS / f"speakers-{name}.tsv")
        rows = speaker_counts(library, limit=TOP_SPEAKERS)
        right, judged, wrong, unjudged = score_list([row.name for row in rows], judgements)
        held = "development: first look unseen" if name == "bbc-news" else "tuned on"
        precision = right / judged if judged else 0.0
        print(
            f"Speaker list {name} (top {len(rows)}, {held}): precision {precision:.3f} "
            f"({right}/{judged} judged right; {len(unjudged)} not judged)"
        )
        for speaker, reason in wrong:
            print(f"    wrong  {speaker!r}: {reason}")
        for speaker in unjudged:
            print(f"    unjudged {speaker!r}")


def read_judgements(path: Path) -> dict[str, tuple[str, str]]:
    """``canonical_key(name) -> (verdict, same_as)`` from a judgements file."""
    judgements: dict[str, tuple[str, str]] = {}
    if not path.exists():
        return judgements
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(
            (line for line in stream if not line.startswith("#")), delimiter="\t"
        ):
            name = row["name"].strip()
            same_as = (row.get("same_as") or "").strip() or name
            judgements[canonical_key(name)] = (row["verdict"].strip(), canonical_key(same_as))
    return judgements


def score_list(
    names: list[str], judgements: dict[str, tuple[str, str]]
) -> tuple[int, int, list[tuple[str, str]], list[str]]:
    """(right, judged, wrong rows with why, unjudged rows) of a ranked list."""
    seen: set[str] = set()
    right = judged = 0
    wrong: list[tuple[str, str]] = []
    unjudged: list[str] = []
    for name in names:
        judgement = judgements.get(canonical_key(name))
        if judgement is None:
            unjudged.append(name)
            continue
        judged += 1
        verdict, identity = judgement
        if verdict not in RIGHT_VERDICTS:
            wrong.append((name, f"not a person or organisation ({verdict})"))
        elif identity in seen:
            wrong.append((name, "repeats a higher row"))
        else:
            right += 1
        seen.add(identity)
    return right, judged, wrong, unjudged


# -- transcripts -----------------------------------------------------------------------


def transcript_attribution(corpora: Path, use_model: bool | None) -> None:
    """Print the share of labelled transcript paragraphs attributed to their speaker."""
    library = enriched_library(corpora, "ru-ua-press-releases", use_model)
    if library is None:
        print("Transcripts: press releases not found, skipped")
        return
    counts: Counter[str] = Counter()
    for article in library.iter_articles():
        for start, end, surname in gold_turns(article.body):
            kind = "generic" if surname is None else "named"
            counts[kind] += 1
            if _covered(article.quotes, start, end, surname):
                counts[f"{kind} ok"] += 1
    named, generic = counts["named"], counts["generic"]
    total = named + generic
    share = (counts["named ok"] + counts["generic ok"]) / total if total else 0.0
    print(
        f"Transcripts (press releases, used in development): {share:.3f} of {total} labelled "
        f"paragraphs attributed to their label's speaker"
    )
    if named:
        print(f"  named labels: {counts['named ok'] / named:.3f} ({counts['named ok']}/{named})")
    if generic:
        print(
            f"  Question:/Remark: labels, kept without a speaker: "
            f"{counts['generic ok'] / generic:.3f} ({counts['generic ok']}/{generic})"
        )


def gold_turns(body: str) -> Iterator[tuple[int, int, str | None]]:
    """``(start, end, surname)`` of each labelled paragraph: ``surname`` folded, or None
    for "Question:" and the like.

    A label counts when it is generic, or names someone labelled at least twice in the
    article (a dialogue), or starts with a title ("President of Russia Vladimir Putin:");
    once an article has such a label, any two or three capitalised words do too
    ("Dmitry Peskov:" said once in a press conference).
    """
    matches = list(_GOLD_LABEL.finditer(body))
    tails = Counter(_last_two(m.group(1)) for m in matches)

    def confirmed(words: list[str]) -> bool:
        return len(words) >= 2 and (
            tails[_last_two(" ".join(words))] >= 2
            or (len(words) >= 3 and words[0].lower() in _TITLE_START)
        )

    dialogue = any(confirmed(m.group(1).split()) for m in matches)
    labels: list[tuple[int, int, str | None]] = []
    for match in matches:
        label = match.group(1)
        words = label.split()
        first = words[0].lower()
        if first in GENERIC and len(words) == 1:
            labels.append((match.start(), match.end(), None))
        elif confirmed(words) or (
            dialogue and 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
        ):
            # The Kremlin pages' hover card repeats the name ("… Sergei Lavrov Lavrov
            # SergeiForeign Minister of Russia:"): the surname is the word said twice in a row.
            repeated = [w for i, w in enumerate(words[1:]) if w == words[i]]
            surname = repeated[0] if repeated else words[-1]
            labels.append((match.start(), match.end(), canonical_key(surname)))
    if not any(surname for _, _, surname in labels):
        return
    for index, (_, speech, surname) in enumerate(labels):
        end = labels[index + 1][0] if index + 1 < len(labels) else len(body)
        section = _SECTION_BREAK.search(body, speech, end)
        if section is not None:
            end = section.start()
        while end > speech and body[end - 1].isspace():
            end -= 1
        if end > speech:
            yield speech, end, surname


def _last_two(label: str) -> str:
    return " ".join(label.split()[-2:])


def _covered(quotes: Sequence[Quote], start: int, end: int, surname: str | None) -> bool:
    covered = bytearray(end - start)
    for quote in quotes:
        if quote.end <= start or quote.start >= end:
            continue
        if surname is None:
            if quote.speaker is not None:
                continue
        elif quote.speaker is None or not set(surname.split()) <= set(
            canonical_key(quote.speaker).split()
        ):
            continue
        lower, upper = max(start, quote.start) - start, min(end, quote.end) - start
        covered[lower:upper] = b"\1" * (upper - lower)
    return sum(covered) >= COVERED * (end - start)
