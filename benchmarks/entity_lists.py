"""List precision: do the library's entity and people lists read as an editor would write them?

Also printed by ``benchmarks/enrichment.py`` (its list section) beside the other figures.

Imports a shared news corpus into a scratch library, enriches it with the
shipped pipeline, and prints the top 100 entities and top 60 people exactly
as ``ossetia-reader entities`` would. Each row is scored against hand
judgements kept in ``benchmarks/judgements/<corpus>.tsv`` (name, type,
verdict, reason): a row is right when it is a real entity, of the right type,
and not a repeat of a higher row. Rows nobody has judged yet are printed with
``?`` and counted apart, never as right.

Which corpus was used to tune the rules and lists matters: see
``judgements/README.md`` for the development and held-out slices (``--lines``).

Run: ``python benchmarks/entity_lists.py [--corpus NAME] [--limit N] [--show-unjudged]``
(``--below``: entity rows 101-200 and people rows 61-120; ``--rows``: entity rows 201-300,
people rows 121-180 and speaker rows 81-120, each judged in its own file)
(``--cache FILE`` keeps the tagger's raw spans between runs while developing;
``--corpus NAME --file F.jsonl`` lists a file kept outside the repo, such as the
session-7 page excerpts, judged in ``judgements/NAME.tsv``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

from ossetia_reader.core.enrich import pipeline  # noqa: E402
from ossetia_reader.core.enrich.canonical import canonical_key  # noqa: E402
from ossetia_reader.core.enrich.store import store_batch  # noqa: E402
from ossetia_reader.core.enrich.views import EntityCount, entity_counts, speaker_counts  # noqa: E402
from ossetia_reader.core.importer import import_paths  # noqa: E402
from ossetia_reader.core.library import Library  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
import speaker_lists  # noqa: E402

CORPORA = next(
    (
        path.resolve()
        for path in (ROOT / ".." / "shared" / "corpora", ROOT / ".." / ".." / "shared" / "corpora")
        if path.is_dir()
    ),
    (ROOT / ".." / "shared" / "corpora").resolve(),
)
JUDGEMENTS = ROOT / "benchmarks" / "judgements"
# How each corpus was used while building the rules and the alias list (see the judgements).
TUNING = {
    "ru-ua-press-releases": "TUNED ON (the rules and lists were built reading it)",
    "bbc-news": "first look unseen (0.89 / 0.883); later rows judged after rules it informed",
    "reuters-21578": "first 4,000: development (first look unseen in session 2)",
    "ag-news-test": "first 3,000: development",
    "reuters-21578@4000-8000": "DEVELOPMENT slice of session 3 (lists helper)",
    "reuters-21578@12000-17176": "held out in session 3 (0.97 / 0.983); development since",
    "ag-news-test@4000-6125": "held out in session 3 (0.95 / 0.967); development since",
    "reuters-21578@8000-12000": "held out in session 4 (0.93 / 0.883 at 2ace56b); "
    "TUNED ON since (lists2 fixed its wrong rows' causes)",
    "ag-news-test@3000-4000": "held out in session 4 (0.97 / 0.967 at 2ace56b); "
    "TUNED ON since (lists2 fixed its wrong rows' causes)",
    "polnear": "DEVELOPMENT from session 4 (first look with main f844feb: 0.92 / 0.933)",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="corpus folder name (repeatable)")
    parser.add_argument("--limit", type=int, default=0, help="first N articles only")
    parser.add_argument("--cache", type=Path, help="pickle of raw tagger spans (development)")
    parser.add_argument("--show-unjudged", action="store_true", help="print unjudged rows as TSV")
    parser.add_argument("--keep", type=Path, help="build the library in this folder and keep it")
    parser.add_argument(
        "--lines",
        help="START:STOP: import only these lines of the corpus file (0-based, STOP excluded; "
        "a slice, see SLICES); judgements then live in <corpus>@<START>-<STOP>.tsv",
    )
    parser.add_argument(
        "--speakers", action="store_true", help="also score the top 40 speakers (--library too)"
    )
    parser.add_argument(
        "--below",
        action="store_true",
        help="also score the rows below the usual lists: entity rows 101-200 (`entities "
        "--limit 200`) and people rows 61-120, against judgements/<label>-rows101-200.tsv",
    )
    parser.add_argument(
        "--rows",
        action="store_true",
        help="also score the deeper band: entity rows 201-300, people rows 121-180 (against "
        "judgements/<label>-rows201-300.tsv) and speaker rows 81-120 (`quotes --limit 120`, "
        "against judgements/speakers-<label>-rows81-120.tsv)",
    )
    parser.add_argument(
        "--library", type=Path, help="score an already enriched library (from --keep) instead"
    )
    parser.add_argument(
        "--file",
        type=Path,
        help="import this JSONL file (the corpus schema: id, title, body, ...) instead of the "
        "corpus folder's; --corpus then only names the lists and their judgements",
    )
    args = parser.parse_args()
    lines = _lines(args.lines) if args.lines else None
    for corpus in args.corpus or ["ru-ua-press-releases", "bbc-news"]:
        label = corpus if lines is None else f"{corpus}@{lines[0]}-{lines[1]}"
        if args.library is not None:  # rescore a kept library (views changed, spans did not)
            library = Library(args.library)
            report(library, label, args.show_unjudged, args.below)
            if args.rows:
                report_deeper(library, label, args.show_unjudged)
            if args.speakers:  # a kept library's speakers too (session 7: page excerpts)
                report_speakers(library, label, args.show_unjudged)
            library.close()
            continue
        keep = args.keep / corpus if args.keep else None
        evaluate(
            corpus, args.limit, args.cache, args.show_unjudged, keep, lines, args.speakers,
            args.below, args.file, args.rows,
        )  # fmt: skip
        print()


def _lines(spec: str) -> tuple[int, int]:
    start, _, stop = spec.partition(":")
    return int(start or 0), int(stop) if stop else 10**9


def evaluate(
    corpus: str,
    limit: int,
    cache: Path | None,
    show_unjudged: bool,
    keep: Path | None = None,
    lines: tuple[int, int] | None = None,
    speakers: bool = False,
    below: bool = False,
    file: Path | None = None,
    rows: bool = False,
) -> None:
    source = file if file is not None else CORPORA / corpus / f"{corpus}.jsonl"
    if corpus == "polnear" and file is None:  # one copy of each article (one per annotator)
        source = CORPORA / corpus / "polnear-train-dev.jsonl"
    if not source.exists():
        print(f"{corpus}: {source} not found, skipped")
        return
    label = corpus if lines is None else f"{corpus}@{lines[0]}-{lines[1]}"
    with tempfile.TemporaryDirectory(prefix="entity-lists-") as folder:
        if keep is not None:
            shutil.rmtree(keep, ignore_errors=True)
        library = Library(keep or Path(folder) / "library")
        if corpus == "polnear" and file is None:
            source = _one_per_article(source, Path(folder) / "polnear-articles.jsonl")
        if lines is not None:  # the slice's lines as a file of their own, imported as `add` does
            part = Path(folder) / f"{corpus}.jsonl"
            with source.open(encoding="utf-8") as whole, part.open("w", encoding="utf-8") as out:
                out.writelines(
                    line for number, line in enumerate(whole) if lines[0] <= number < lines[1]
                )
            source = part
        import_paths(library, [str(source)])  # as `ossetia-reader add` does
        keys = sorted(key for key, _ in library.titles())
        if limit:
            keys = keys[:limit]
        stored = [a for a in (library.get(key) for key in keys) if a is not None]
        started = time.perf_counter()
        raw = _tag([a.body for a in stored], cache.with_suffix(f".{label}.pkl") if cache else None)
        results = []
        for article, spans in zip(stored, raw, strict=True):
            assert article.key is not None
            entities, quotes = pipeline.enrich_text(article.body, spans)
            results.append((article.key, entities, quotes))
        store_batch(library, results)
        seconds = time.perf_counter() - started
        print(f"{label}: {len(stored)} articles, enriched in {seconds:.0f} s")
        report(library, label, show_unjudged, below)
        if rows:
            report_deeper(library, label, show_unjudged)
        if speakers:
            report_speakers(library, label, show_unjudged)
        library.close()


def _one_per_article(source: Path, target: Path) -> Path:
    """PolNeAR's file repeats an article once per annotator: the first copy of each."""
    seen: set[str] = set()
    with source.open(encoding="utf-8") as lines, target.open("w", encoding="utf-8") as out:
        for line in lines:
            record = json.loads(line)
            if record.get("article_id") not in seen:
                seen.add(record.get("article_id"))
                record["id"] = record.get("article_id", record.get("id"))
                out.write(json.dumps(record) + "\n")
    return target


def report_speakers(library: Library, label: str, show_unjudged: bool = False) -> None:
    """Score the top 40 speakers (``quotes --limit 40``) against
    ``judgements/speakers-<label>.tsv`` (the format ``speaker_lists`` reads)."""
    rows = speaker_counts(library, limit=speaker_lists.TOP_SPEAKERS)
    judgements = speaker_lists.read_judgements(JUDGEMENTS / f"speakers-{label}.tsv")
    right, judged, wrong, unjudged = speaker_lists.score_list([r.name for r in rows], judgements)
    precision = right / judged if judged else 0.0
    print(
        f"  top {len(rows)} speakers: precision {precision:.3f} ({right}/{judged} judged right"
        + (f"; {len(unjudged)} rows not judged" if unjudged else "")
        + ")"
    )
    for speaker, reason in wrong:
        print(f"    {speaker} ({reason})")
    if show_unjudged:
        for speaker in unjudged:
            print(f"{speaker}\t?\t\t")


def report(library: Library, corpus: str, show_unjudged: bool = False, below: bool = False) -> None:
    """Score the entity and people lists of an enriched ``library`` of ``corpus``; with
    ``below``, also the rows under them (entities 101-200, people 61-120), which the
    hidden check may read and which are judged in their own file."""
    judged = _judgements(corpus)
    print(f"Entity lists {corpus}: {TUNING.get(corpus, 'unseen while tuning')}")
    for title, rows in (
        ("top 100 entities", entity_counts(library, limit=100)),
        ("top 60 people", entity_counts(library, type="PER", limit=60)),
    ):
        _score(title, rows, judged, show_unjudged)
    if below:
        deeper = _judgements(f"{corpus}-rows101-200")
        for title, rows, first in (
            ("entity rows 101-200", entity_counts(library, limit=200)[100:], 101),
            ("people rows 61-120", entity_counts(library, type="PER", limit=120)[60:], 61),
        ):
            _score(title, rows, deeper, show_unjudged, first)


def report_deeper(library: Library, label: str, show_unjudged: bool = False) -> None:
    """Score the band under ``--below`` and ``--speakers``: entity rows 201-300, people rows
    121-180 (``judgements/<label>-rows201-300.tsv``) and speaker rows 81-120
    (``judgements/speakers-<label>-rows81-120.tsv``). Kept apart so a held-out band can be
    printed once without printing, or judging again, the rows above it."""
    print(f"Deeper rows {label}: {TUNING.get(label, 'unseen while tuning')}")
    deeper = _judgements(f"{label}-rows201-300")
    for title, rows, first in (
        ("entity rows 201-300", entity_counts(library, limit=300)[200:], 201),
        ("people rows 121-180", entity_counts(library, type="PER", limit=180)[120:], 121),
    ):
        _score(title, rows, deeper, show_unjudged, first)
    counted = speaker_counts(library, limit=120)
    speakers = [row.name for row in counted]
    judgements = speaker_lists.read_judgements(JUDGEMENTS / f"speakers-{label}-rows81-120.tsv")
    # A row repeats a higher one when its identity (same_as) is a row 1-80's key.
    higher = {canonical_key(name) for name in speakers[:80]}
    right = judged = 0
    wrong: list[str] = []
    unjudged: list[str] = []
    for rank, row in enumerate(counted[80:], 81):
        name = row.name
        judgement = judgements.get(canonical_key(name))
        if judgement is None:
            unjudged.append(f"{name}\t?\t\trow {rank}; {row.quotes} quotes, {row.articles} art.")
            continue
        judged += 1
        verdict, identity = judgement
        if verdict not in speaker_lists.RIGHT_VERDICTS:
            wrong.append(f"    {rank:3d}. {name} (not a person or organisation: {verdict})")
        elif identity in higher:
            wrong.append(f"    {rank:3d}. {name} (repeats a higher row)")
        else:
            right += 1
        higher.add(identity)
    precision = right / judged if judged else 0.0
    missing = f"; {len(unjudged)} rows not judged" if unjudged else ""
    if len(speakers) <= 80:  # a small library (AG News slices): nothing below row 80
        print(f"  speaker rows 81-120: none ({len(speakers)} speakers in all)")
        return
    print(
        f"  speaker rows 81-{len(speakers)}: precision {precision:.3f} "
        f"({right}/{judged} judged right{missing})"
    )
    for line in wrong:
        print(line)
    if show_unjudged:
        for line in unjudged:
            print(line)


def _tag(texts: list[str], cache: Path | None) -> list[list[tuple[int, int, str]]]:
    if cache is not None and cache.exists():
        cached: list[list[tuple[int, int, str]]] = pickle.loads(cache.read_bytes())
        if len(cached) == len(texts):
            return cached
    raw = pipeline.tag_texts(texts)
    if cache is not None:
        cache.write_bytes(pickle.dumps(raw))
    return raw


def _judgements(corpus: str) -> dict[tuple[str, str], tuple[str, str]]:
    path = JUDGEMENTS / f"{corpus}.tsv"
    found: dict[tuple[str, str], tuple[str, str]] = {}
    if not path.exists():
        return found
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, type_, verdict, *reason = line.split("\t")
        found[name, type_] = (verdict, reason[0] if reason else "")
    return found


def _score(
    title: str,
    rows: list[EntityCount],
    judged: dict[tuple[str, str], tuple[str, str]],
    show_unjudged: bool,
    first: int = 1,
) -> None:
    right = wrong = 0
    unjudged: list[EntityCount] = []
    mistakes: list[str] = []
    for rank, row in enumerate(rows, first):
        verdict = judged.get((row.name, row.type))
        if verdict is None:
            unjudged.append(row)
        elif verdict[0] == "ok":
            right += 1
        else:
            wrong += 1
            mistakes.append(f"    {rank:3d}. {row.name} {row.type} ({verdict[0]}: {verdict[1]})")
    total = right + wrong
    precision = right / total if total else 0.0
    print(
        f"  {title}: precision {precision:.3f} ({right}/{total} judged right"
        + (f"; {len(unjudged)} rows not judged" if unjudged else "")
        + ")"
    )
    for line in mistakes:
        print(line)
    if show_unjudged:
        for row in unjudged:
            print(f"{row.name}\t{row.type}\t?\t{row.mentions} mentions")


if __name__ == "__main__":
    main()
