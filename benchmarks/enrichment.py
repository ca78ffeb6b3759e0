"""How good and how fast enrichment is: the evaluation of issue 5.

Prints, for whichever tagger the pipeline uses (the trained model when it
loads, else the rules; ``--backend`` forces one):

- CoNLL-2003 ``valid.txt``: precision/recall/F1 per type and overall, exact
  span match on CoNLL tokens (a predicted character span covers the tokens
  it overlaps);
- PolNeAR (train+dev, one annotator per article): direct-quote detection and
  speaker accuracy. A gold quote is an attribution whose content starts with
  a double quote mark. A predicted quote is correct when >= 50% of its
  characters lie inside some gold attribution's content (any attribution: a
  quoted phrase inside reported speech is still a quote); a gold quote is
  found when >= 50% of its content characters are covered by predicted
  quotes (a stricter precision, counting only predictions inside direct-quote
  gold, is printed too). The speaker of a found gold quote (with a source) is right when
  the predicted speaker's mention overlaps the gold source span, or the
  predicted name's last word is in the gold source text;
- the seed article against ``tests/data/seed_gold.json``;
- throughput (words/s over the PolNeAR bodies, tagging + quotes, one
  process) and the tagger's load time (first load in this process);
- speaker-list precision (top 40 speakers of the shared press releases and of
  BBC News, against hand judgements in ``judgements/``) and the share of
  transcript paragraphs attributed to their labelled speaker: see
  ``speaker_lists.py`` (``--no-lists`` skips them: they enrich two corpora).

Run: ``python benchmarks/enrichment.py [--backend auto|rules|model] [--limit N]``.
Research data is read in place from ``../shared/corpora``; nothing is copied.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tui"))

import entity_lists  # noqa: E402
import speaker_lists  # noqa: E402

from ossetia_reader.core.enrich import pipeline, rules  # noqa: E402
from ossetia_reader.core.enrich.canonical import canonical_key  # noqa: E402
from ossetia_reader.core.enrich.quotes import find_quotes  # noqa: E402
from ossetia_reader.core.formats.stored_text import read_stored_text  # noqa: E402

# ../shared beside the clone (CI); a worktree one level deeper finds it one more up.
CORPORA = next(
    (
        path.resolve()
        for path in (ROOT / ".." / "shared" / "corpora", ROOT / ".." / ".." / "shared" / "corpora")
        if path.is_dir()
    ),
    (ROOT / ".." / "shared" / "corpora").resolve(),
)
TYPES = ("PER", "LOC", "ORG", "MISC")
DOUBLE_QUOTES = '“"«„'


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backend", choices=["auto", "rules", "model"], default="auto")
    parser.add_argument("--limit", type=int, default=0, help="PolNeAR articles (0: all)")
    parser.add_argument(
        "--no-lists", action="store_true", help="skip the speaker lists and transcripts"
    )
    parser.add_argument(
        "--russian", action="store_true", help="only the Russian section (benchmarks/russian.py)"
    )
    args = parser.parse_args()
    if args.russian:
        import russian  # the Russian section (issue 11): factRuEval, Meduza quotes, merges

        russian.run_all()
        return
    if args.backend == "rules":
        os.environ[pipeline.NER_ENV] = "rules"
    use_model = None if args.backend == "auto" else args.backend == "model"

    started = time.perf_counter()
    if use_model is False:
        rules.gazetteers()
    else:
        pipeline.get_model()
    load_seconds = time.perf_counter() - started
    backend = pipeline.backend_name(use_model)
    if args.backend == "model" and backend != "model":
        sys.exit("the model is not available (see core/enrich/model.py)")
    print(f"tagger: {backend}  (load {load_seconds:.3f} s, first load in this process)")
    print(f"machine: {os.cpu_count()} cpus; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print()

    conll(use_model)
    print()
    polnear(use_model, args.limit)
    print()
    seed(use_model)
    if not args.no_lists:
        print()
        speaker_lists.speaker_lists(CORPORA, use_model)
        speaker_lists.transcript_attribution(CORPORA, use_model)
        print()
        for name in speaker_lists.LIST_CORPORA:  # the same enriched libraries
            library = speaker_lists.enriched_library(CORPORA, name, use_model)
            if library is not None:
                entity_lists.report(library, name)


# -- CoNLL-2003 --------------------------------------------------------------------------


def read_conll(path: Path) -> list[tuple[str, list[tuple[int, int]], set[tuple[int, int, str]]]]:
    """Documents as (text, token char offsets, gold (first, last, type) token spans)."""
    documents = []
    tokens: list[str] = []
    tags: list[str] = []
    breaks: set[int] = set()

    def flush() -> None:
        if not tokens:
            return
        parts: list[str] = []
        offsets: list[tuple[int, int]] = []
        position = 0
        for index, token in enumerate(tokens):
            if index:
                separator = "\n" if index in breaks else " "
                parts.append(separator)
                position += 1
            offsets.append((position, position + len(token)))
            parts.append(token)
            position += len(token)
        gold: set[tuple[int, int, str]] = set()
        start = None
        for index, tag in enumerate([*tags, "O"]):
            if start is not None and not tag.startswith("I-"):
                gold.add((start, index - 1, tags[start][2:]))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start = index
        documents.append(("".join(parts), offsets, gold))
        tokens.clear()
        tags.clear()
        breaks.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            flush()
            continue
        if not line.strip():
            breaks.add(len(tokens))
            continue
        fields = line.split()
        tokens.append(fields[0])
        tags.append(fields[-1])
    flush()
    return documents


def to_token_spans(
    spans: list[tuple[int, int, str]], offsets: list[tuple[int, int]]
) -> set[tuple[int, int, str]]:
    found = set()
    for start, end, label in spans:
        covered = [i for i, (s, e) in enumerate(offsets) if s < end and e > start]
        if covered:
            found.add((covered[0], covered[-1], label))
    return found


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def conll(use_model: bool | None) -> None:
    path = CORPORA / "conll2003" / "valid.txt"
    if not path.exists():
        print(f"CoNLL-2003: {path} not found, skipped")
        return
    documents = read_conll(path)
    texts = [text for text, _, _ in documents]
    started = time.perf_counter()
    raw = pipeline.tag_texts(texts, use_model=use_model)
    seconds = time.perf_counter() - started
    counts = {t: Counter() for t in TYPES}
    # scripts/train_ner.py chooses its checkpoint on the even documents only, so the odd
    # ones are held out from that choice (the model shipped on 26 Nov was chosen on all
    # of valid, before the split). Both halves are printed (PER and overall F1).
    halves = [{t: Counter() for t in TYPES}, {t: Counter() for t in TYPES}]
    for number, ((text, offsets, gold), spans) in enumerate(zip(documents, raw, strict=True)):
        entities = pipeline.build_entities(text, spans)
        predicted = to_token_spans([(e.start, e.end, e.type) for e in entities], offsets)
        for table in (counts, halves[number % 2]):
            for item in predicted:
                table[item[2]]["tp" if item in gold else "fp"] += 1
            for item in gold - predicted:
                table[item[2]]["fn"] += 1
    words = sum(len(offsets) for _, offsets, _ in documents)
    print(f"CoNLL-2003 valid ({len(documents)} docs, {words:,} tokens; exact span match)")
    print(f"  {'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}")
    total = Counter()
    for t in TYPES:
        c = counts[t]
        total.update(c)
        p, r, f = prf(c["tp"], c["fp"], c["fn"])
        print(f"  {t:<8}{p:8.3f}{r:8.3f}{f:8.3f}{c['tp'] + c['fn']:8d}")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(f"  {'overall':<8}{p:8.3f}{r:8.3f}{f:8.3f}{total['tp'] + total['fn']:8d}")
    for name, table in zip(
        ("even docs (checkpoint choice)", "odd docs (held out from it)"), halves, strict=True
    ):
        half_total = sum((table[t] for t in TYPES), Counter())
        per = prf(table["PER"]["tp"], table["PER"]["fp"], table["PER"]["fn"])[2]
        overall = prf(half_total["tp"], half_total["fp"], half_total["fn"])[2]
        print(f"  {name}: PER F1 {per:.3f}, overall F1 {overall:.3f}")
    print(f"  tagging speed: {words / seconds:,.0f} tokens/s")


# -- PolNeAR -------------------------------------------------------------------------------


def polnear(use_model: bool | None, limit: int) -> None:
    path = CORPORA / "polnear" / "polnear-train-dev.jsonl"
    if not path.exists():
        print(f"PolNeAR: {path} not found, skipped")
        return
    seen: set[str] = set()
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["article_id"] in seen:
            continue  # several annotators: keep the first
        seen.add(record["article_id"])
        articles.append(record)
    if limit:
        articles = articles[:limit]
    bodies = [record["body"] for record in articles]
    started = time.perf_counter()
    raw = pipeline.tag_texts(bodies, use_model=use_model)
    found_all = []
    for body, spans in zip(bodies, raw, strict=True):
        entities = pipeline.build_entities(body, spans)
        found_all.append(find_quotes(body, entities))
    seconds = time.perf_counter() - started
    words = sum(len(body.split()) for body in bodies)

    for compartment in ("train", "dev", "all"):
        stats = Counter()
        for record, found in zip(articles, found_all, strict=True):
            if compartment != "all" and record["compartment"] != compartment:
                continue
            score_article(record, found, stats)
        qp, qr, qf = prf(stats["pred_ok"], stats["pred"] - stats["pred_ok"],
                         stats["gold"] - stats["gold_found"])  # fmt: skip
        speaker = stats["speaker_ok"] / stats["speaker_total"] if stats["speaker_total"] else 0
        label = {"all": "train+dev"}.get(compartment, compartment)
        print(
            f"PolNeAR {label} ({stats['articles']} articles): direct quotes gold {stats['gold']}, "
            f"predicted {stats['pred']}"
        )
        strict = stats["pred_direct_ok"] / stats["pred"] if stats["pred"] else 0.0
        strict_f = 2 * strict * qr / (strict + qr) if strict + qr else 0.0
        print(
            f"  quote P {qp:.3f}  R {qr:.3f}  F1 {qf:.3f}   speaker accuracy {speaker:.3f} "
            f"({stats['speaker_ok']}/{stats['speaker_total']}; unattributed predictions "
            f"{stats['no_speaker']})"
        )
        print(
            f"  stricter: P {strict:.3f} counting only predictions inside direct-quote gold "
            f"(F1 {strict_f:.3f})"
        )
    print(f"  throughput (tagging + quotes): {words / seconds:,.0f} words/s over {words:,} words")


def score_article(record: dict, found: list, stats: Counter) -> None:
    body_length = len(record["body"])
    inside_any = bytearray(body_length)
    for attribution in record["attributions"]:
        for span in attribution["content"]:
            inside_any[span["start"] : span["end"]] = b"\1" * (span["end"] - span["start"])
    inside_direct = bytearray(body_length)
    for attribution in record["attributions"]:
        content = attribution["content"]
        if content and content[0]["text"][:1] in DOUBLE_QUOTES:
            for span in content:
                inside_direct[span["start"] : span["end"]] = b"\1" * (span["end"] - span["start"])
    predicted = bytearray(body_length)
    for quote in found:
        predicted[quote.start : quote.end] = b"\1" * (quote.end - quote.start)
        stats["pred"] += 1
        if sum(inside_any[quote.start : quote.end]) * 2 >= quote.end - quote.start:
            stats["pred_ok"] += 1
        if sum(inside_direct[quote.start : quote.end]) * 2 >= quote.end - quote.start:
            stats["pred_direct_ok"] += 1
    stats["articles"] += 1
    for attribution in record["attributions"]:
        content = attribution["content"]
        if not content or content[0]["text"][:1] not in DOUBLE_QUOTES:
            continue
        stats["gold"] += 1
        size = sum(s["end"] - s["start"] for s in content)
        covered = sum(sum(predicted[s["start"] : s["end"]]) for s in content)
        if covered * 2 < size:
            continue
        stats["gold_found"] += 1
        if not attribution["source"]:
            continue
        best = max(found, key=lambda q: _overlap(q.start, q.end, content))
        stats["speaker_total"] += 1
        if best.speaker is None:
            stats["no_speaker"] += 1
            continue
        sources = attribution["source"]
        overlaps = best.speaker_start is not None and any(
            best.speaker_start < s["end"] and best.speaker_end > s["start"] for s in sources
        )
        last_word = canonical_key(best.speaker).split()[-1:]
        named = bool(last_word) and any(
            last_word[0] in canonical_key(s["text"]).split() for s in sources
        )
        if overlaps or named:
            stats["speaker_ok"] += 1


def _overlap(start: int, end: int, spans: list[dict]) -> int:
    return sum(max(0, min(end, s["end"]) - max(start, s["start"])) for s in spans)


# -- the seed article ------------------------------------------------------------------------


def seed(use_model: bool | None) -> None:
    gold = json.loads((ROOT / "tests" / "data" / "seed_gold.json").read_text(encoding="utf-8"))
    article = read_stored_text(ROOT / gold["article"])
    entities, quotes = pipeline.enrich_article(article, use_model=use_model)
    want = {(e["start"], e["end"], e["type"]) for e in gold["entities"]}
    got = {(e.start, e.end, e.type) for e in entities}
    p, r, f = prf(len(want & got), len(got - want), len(want - got))
    canon_want = {(e["start"], e["end"]): e["canonical"] for e in gold["entities"]}
    canon_ok = sum(canon_want.get((e.start, e.end)) == e.canonical for e in entities)
    print(f"Seed article ({len(want)} gold mentions, {len(gold['quotes'])} quotes)")
    print(f"  entities P {p:.3f}  R {r:.3f}  F1 {f:.3f}; canonical right {canon_ok}/{len(got)}")
    for e in sorted(want - got):
        print(f"    missed {article.body[e[0] : e[1]]!r} {e[2]}")
    for e in sorted(got - want):
        print(f"    extra  {article.body[e[0] : e[1]]!r} {e[2]}")
    gold_quotes = {(q["start"], q["end"]): q for q in gold["quotes"]}
    spans_ok = speakers_ok = cues_ok = 0
    for quote in quotes:
        expected = gold_quotes.get((quote.start, quote.end))
        if expected is None:
            print(f"    extra quote {quote.text!r}")
            continue
        spans_ok += 1
        speakers_ok += expected["speaker"] == quote.speaker
        cues_ok += expected["cue"] == quote.cue
    print(
        f"  quotes: {spans_ok}/{len(gold_quotes)} spans exact ({len(quotes)} found), "
        f"speakers right {speakers_ok}/{len(gold_quotes)}, cues right {cues_ok}/{len(gold_quotes)}"
    )


if __name__ == "__main__":
    main()
