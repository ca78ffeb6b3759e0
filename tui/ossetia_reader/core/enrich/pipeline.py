"""Enrichment: find an article's entities and quotes, and store them.

The trained model (``model.py``) is used when it loads; otherwise, or when
``OSSETIA_READER_NER=rules``, the rule-based tagger stands in. Either way
the spans are normalised the same way (no leading "the", no possessive
``'s``), short mentions are linked to full names, and quotes are attributed
using those names.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import threading
import time
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from ossetia_reader.core import memory
from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich import identity, rules
from ossetia_reader.core.enrich.canonical import link_mentions
from ossetia_reader.core.enrich.identity import preferred_name
from ossetia_reader.core.enrich.quotes import find_quotes, mend_entities, to_quotes
from ossetia_reader.core.enrich.refine import dateline_state, decide_types, refine_spans

if TYPE_CHECKING:
    from ossetia_reader.core.library import Library

log = logging.getLogger(__name__)

NER_ENV = "OSSETIA_READER_NER"
LABELS = frozenset({"PER", "LOC", "ORG", "MISC"})
# Enough for any real article (a long read is ~100,000 characters).
MAX_CHARS = 1_000_000
# No real name is longer; a longer "entity" is a tagger running away on odd text.
MAX_NAME_CHARS = 200
Span = tuple[int, int, str]

_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:['’][sS]?|[\s,;:!?)\]}\"”»>-])+$")
_MARKUP = re.compile(r"(?:<|&lt;|&gt;).*$", re.DOTALL)
_COMPOUND = re.compile(r"-(?:based|born|led|backed|owned|made|controlled|run|funded)$")
_LEADING = re.compile(r"^(?:[\s(\[{\"“«„'‘<-]|FILE\s+[-–—]\s+)+")  # "FILE - " of a photo caption


class NerModel(Protocol):
    """What the trained model offers (see ``model.py``)."""

    def entities(self, texts: list[str]) -> list[list[tuple[int, int, str]]]: ...


_model_lock = threading.Lock()
_model_state: dict[str, NerModel | None] = {}


def get_model() -> NerModel | None:
    """The trained model, loaded once per process; None when it is not installed."""
    if os.environ.get(NER_ENV, "").strip().lower() == "rules":
        return None
    with _model_lock:
        if "model" not in _model_state:
            _model_state["model"] = _load_model()
        return _model_state["model"]


def _load_model() -> NerModel | None:
    try:
        from ossetia_reader.core.enrich.model import load_model  # type: ignore[import-not-found]

        model: NerModel | None = load_model()
        return model
    except ImportError:
        return None
    except Exception as error:  # a broken model must not stop enrichment
        log.warning("NER model failed to load, using rules: %s", error)
        return None


def backend_name(use_model: bool | None = None) -> str:
    """``"model"`` or ``"rules"``: what ``enrich_article`` would use."""
    return "model" if _choose_model(use_model) is not None else "rules"


def _choose_model(use_model: bool | None) -> NerModel | None:
    if use_model is False:
        return None
    return get_model()


# A feed's HTML quoted as escaped text ("&lt;B&gt;-The Washington Post&lt;/B&gt;").
_ESCAPED_TAG = re.compile(r"&lt;/?[A-Za-z][^<>]*?&gt;?")


def _blank_markup(text: str) -> str:
    """``text`` with a feed's escaped HTML tags blanked out (same length, so offsets hold):
    the tagger read "Post&lt;/B&gt;" as one word and "The Washington" apart from it."""
    if "&lt;" not in text:
        return text
    return _ESCAPED_TAG.sub(lambda m: " " * len(m.group()), text)


def tag_texts(texts: list[str], *, use_model: bool | None = None) -> list[list[Span]]:
    """Raw entity spans for each text, from the model when there is one.

    Only the first ``MAX_CHARS`` of a text are read: a multi-megabyte article
    must not hold the background worker for minutes.
    """
    # The tagger reads a copy with the feeds' quote-mark entities mended (" quot;a historic
    # turning point quot;" as "a historic turning point"): same length, so offsets hold,
    # and no "quot;a" person. The spans index the original text.
    texts = [_blank_markup(mend_entities(text[:MAX_CHARS])[0]) for text in texts]
    model = _choose_model(use_model)
    if model is not None:
        try:
            tagged = model.entities(texts)
            return [_with_listed(text, spans) for text, spans in zip(texts, tagged, strict=True)]
        except Exception as error:  # fall back rather than leave articles unenriched
            log.warning("NER model failed, using rules: %s", error)
    return [_rule_spans(text) for text in texts]


def _with_listed(text: str, spans: list[Span]) -> list[Span]:
    """The model's spans, corrected by the lists: a listed name keeps its listed type, and
    a listed name the model cut in pieces (``Luhansk People`` + ``Republics``) is whole.

    The spans a listed name covers are found by bisection over the sorted spans and
    replaced in one pass: a scan of every span per listed name, and a rebuilt list per
    replacement, kept a megabyte of repeated names "enriching" for minutes."""
    spans = sorted(rules.retype_listed(text, spans))
    listed = [
        (start, end, label)
        for start, end, label in _rule_spans(text)
        if rules.listed_type(text[start:end]) == label
    ]
    starts, reach = _span_index(spans)
    whole: dict[int, tuple[int, Span]] = {}  # first span covered -> (last + 1, listed name)
    taken_to = -1
    for start, end, label in sorted(listed):
        first, last = bisect_left(starts, start), bisect_left(starts, end)
        if (
            last - first > 1
            and start >= taken_to
            and all(span[1] <= end for span in spans[first:last])
            and (first == 0 or reach[first - 1] <= start)  # none overlaps it from before
        ):
            whole[first] = (last, (start, end, label))
            taken_to = end
    if not whole:
        return spans
    result: list[Span] = []
    index = 0
    while index < len(spans):
        if index in whole:
            index, name = whole[index]
            result.append(name)
        else:
            result.append(spans[index])
            index += 1
    return sorted(result)


def _span_index(spans: list[Span]) -> tuple[list[int], list[int]]:
    """The starts of sorted ``spans`` and, at each, the furthest end reached so far."""
    reach: list[int] = []
    for _, end, _ in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    return [span[0] for span in spans], reach


def _rule_spans(text: str) -> list[Span]:
    try:
        return rules.find_entities(text)
    except Exception as error:  # one odd article must not stop the others
        log.warning("rule tagger failed: %s", error)
        return []


_FEED_APOSTROPHE = re.compile(r"\s*#39;")
_FEED_AMPERSAND = re.compile(r"[ \t]+amp;([ \t]*)")  # "Johnson  amp; Johnson", "AT amp;T"


def build_entities(text: str, spans: Sequence[Span]) -> tuple[Entity, ...]:
    """Entities from raw spans: trimmed, cut free of titles and roles, without junk,
    de-overlapped, named by their preferred name, linked to full names and given one
    type per entity (see ``refine`` and ``identity``)."""
    trimmed: list[Span] = []
    for raw_start, raw_end, label in spans:
        if label not in LABELS:
            continue
        start, end = normalise_span(text, raw_start, raw_end)
        if start < end <= start + MAX_NAME_CHARS:
            trimmed.append((start, end, label))
    entities: list[Entity] = []
    last_end = -1
    for start, end, label in refine_spans(text, trimmed):
        start, end = normalise_span(text, start, end)
        if end <= start or start < last_end:
            continue
        surface = text[start:end]
        written = _FEED_APOSTROPHE.sub("'", surface)  # "Sean O #39;Keefe": O'Keefe
        written = _FEED_AMPERSAND.sub(lambda m: " & " if m.group(1) else "&", written)  # AT&T
        name = _singular_demonym(preferred_name(" ".join(written.split())), label)
        name = identity.without_legal_form(name)  # "Microsoft Corp." is "Microsoft"
        entities.append(Entity(start, end, surface, label, name))
        last_end = end
    linked = [
        replace(entity, canonical=preferred_name(entity.canonical))
        for entity in link_mentions(entities, _is_listed, text)
    ]
    return tuple(
        _dateline_states(text, decide_types(text, _place_readings(text, _acronyms(text, linked))))
    )


# The wires' abbreviations of US states and Canadian provinces in datelines ("DEERFIELD,
# ILL., April 8"): AP style, the only place they stand alone for the state.
_STATES = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia (US state)", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nev": "Nevada", "n.h": "New Hampshire",
    "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York State", "n.c": "North Carolina",
    "n.d": "North Dakota", "okla": "Oklahoma", "ore": "Oregon", "pa": "Pennsylvania",
    "r.i": "Rhode Island", "s.c": "South Carolina", "s.d": "South Dakota", "tenn": "Tennessee",
    "tex": "Texas", "vt": "Vermont", "va": "Virginia", "wash": "Washington State",
    "wis": "Wisconsin", "wyo": "Wyoming", "ont": "Ontario", "que": "Quebec",
    "alta": "Alberta", "b.c": "British Columbia", "man": "Manitoba", "sask": "Saskatchewan",
}  # fmt: skip


def _dateline_states(text: str, entities: list[Entity]) -> list[Entity]:
    """``ILL`` of "DEERFIELD, ILL., April 8 -" is Illinois: one row with the state."""
    result = []
    for entity in entities:
        state = _STATES.get(entity.text.lower().rstrip("."))
        if state is not None and dateline_state(text, entity.start, entity.end):
            entity = replace(entity, type="LOC", canonical=state)
        result.append(entity)
    return result


_DEFINED = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)|,\s+([A-Z]{2,6}),")


def _acronyms(text: str, entities: list[Entity]) -> list[Entity]:
    """An abbreviation the article defines ("the International Atomic Energy Agency
    (IAEA)") is that name in every mention of the article: one entity, one row."""
    defined: dict[str, Entity] = {}
    for entity in entities:
        match = _DEFINED.match(text, entity.end)
        if match is None or entity.type == "PER":
            continue
        short = (match.group(1) or match.group(2)).replace(".", "")
        words = [w for w in re.split(r"[\s-]+", entity.text) if w]
        if len(short) >= 2 and short.isupper() and identity.abbreviates(short, words):
            defined.setdefault(short, entity)
    if not defined:
        return entities
    result = []
    for entity in entities:
        full = defined.get(entity.text.replace(".", ""))
        if full is not None and full is not entity and entity.text.replace(".", "").isupper():
            entity = replace(entity, type=full.type, canonical=full.canonical)
        result.append(entity)
    return result


def _place_readings(text: str, entities: list[Entity]) -> list[Entity]:
    """A place name two places share named as the one the article's words point to
    (``Georgia (US state)`` beside Atlanta; see ``identity.place_reading``)."""
    readings: dict[str, str | None] = {}
    result = []
    for entity in entities:
        if entity.canonical not in readings:
            readings[entity.canonical] = identity.place_reading(entity.canonical, text)
        reading = readings[entity.canonical]
        result.append(entity if reading is None else replace(entity, canonical=reading))
    return result


def _singular_demonym(name: str, label: str) -> str:
    """``Ukrainians`` is the nationality ``Ukrainian``: one entity, one row."""
    if label == "MISC" and name.endswith("s") and rules.listed_type(name[:-1]) == "MISC":
        return name[:-1]
    return name


def _is_listed(name: str) -> bool:
    return rules.is_listed(name) or identity.lookup(name) is not None


def normalise_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a span: no leading "the", no possessive ``'s``, no edge punctuation."""
    start, end = max(0, start), min(len(text), end)
    surface = text[start:end]
    if match := _LEADING.match(surface):
        start += match.end()
        surface = surface[match.end() :]
    if (match := _LEADING_THE.match(surface)) and match.end() < len(surface):
        start += match.end()
        surface = surface[match.end() :]
    if match := _MARKUP.search(surface):  # "Post</B></FONT>": markup quoted as text
        end -= len(surface) - match.start()
        surface = surface[: match.start()]
    if (cut := surface.find("]")) > 0 and "[" not in surface[:cut]:
        start += cut + 1  # "[Dean] Headley": an editor's bracket, the tagger's span after "["
        surface = surface[cut + 1 :]
        if match := _LEADING.match(surface):
            start += match.end()
            surface = surface[match.end() :]
        if not surface[:1].isupper():
            return start, start  # "[W]e": a quotation's bracketed letter, no name
    if match := _COMPOUND.search(surface):  # "US-based", "Kremlin-backed": the name alone
        end -= len(surface) - match.start()
        surface = surface[: match.start()]
    if match := _TRAILING.search(surface):
        end -= len(surface) - match.start()
    return start, end


def enrich_text(text: str, spans: Sequence[Span]) -> tuple[tuple[Entity, ...], tuple[Quote, ...]]:
    """Entities and quotes of one body (its first ``MAX_CHARS``), given its raw entity spans."""
    text = text[:MAX_CHARS]
    try:
        entities = build_entities(text, spans)
    except Exception as error:  # hostile text must never stop enrichment
        log.warning("entity linking failed: %s", error)
        entities = ()
    try:
        quotes = to_quotes(text, find_quotes(text, entities))
    except Exception as error:
        log.warning("quote detection failed: %s", error)
        quotes = ()
    return entities, quotes


def enrich_article(
    article: Article, *, use_model: bool | None = None
) -> tuple[tuple[Entity, ...], tuple[Quote, ...]]:
    """Find ``article``'s entities and quotes (offsets into ``article.body``)."""
    return enrich_articles([article], use_model=use_model)[0]


def enrich_articles(
    articles: Sequence[Article], *, use_model: bool | None = None
) -> list[tuple[tuple[Entity, ...], tuple[Quote, ...]]]:
    """Entities and quotes of each article, each by its language's pipeline.

    Russian goes to the Russian pipeline (core/enrich/russian, imported only
    when a Russian article comes: its model takes a second to load);
    Ukrainian gets the people, legal-form organisations and well-known places
    its dictionary finds (core/enrich/russian/ukrainian.py), never the Russian
    or English model's guesses; Belarusian gets nothing; the rest (English,
    unknown) goes to the English tagger.
    """
    from ossetia_reader.core.language import (
        RUSSIAN,
        UKRAINIAN,
        UNKNOWN,
        detect_language,
        is_cyrillic_language,
        mostly_cyrillic,
    )

    results: list[tuple[tuple[Entity, ...], tuple[Quote, ...]] | None] = [None] * len(articles)
    languages = [a.language or detect_language(a.title, a.body) for a in articles]
    russian = [i for i, language in enumerate(languages) if language == RUSSIAN]
    if russian:
        from ossetia_reader.core.enrich.russian.enrich import enrich_russian

        texts = [articles[i].body[:MAX_CHARS] for i in russian]
        for index, found in zip(russian, enrich_russian(texts), strict=True):
            results[index] = found
    ukrainian = [i for i, language in enumerate(languages) if language == UKRAINIAN]
    if ukrainian:
        from ossetia_reader.core.enrich.russian.ukrainian import enrich_ukrainian

        texts = [articles[i].body[:MAX_CHARS] for i in ukrainian]
        for index, found in zip(ukrainian, enrich_ukrainian(texts), strict=True):
            results[index] = found
    other = [
        i
        for i, language in enumerate(languages)
        if not is_cyrillic_language(language)
        and not (language == UNKNOWN and mostly_cyrillic(articles[i].body))
    ]
    if other:
        tagged = tag_texts([articles[i].body for i in other], use_model=use_model)
        for index, spans in zip(other, tagged, strict=True):
            results[index] = enrich_text(articles[index].body, spans)
    return [found if found is not None else ((), ()) for found in results]


def enrich_pending(
    library: Library,
    *,
    batch: int = 64,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    use_model: bool | None = None,
    workers: int = 1,
    should_pause: Callable[[], bool] | None = None,
) -> int:
    """Enrich every article not yet enriched; returns how many were done.

    Each batch is tagged together (the model batches internally) and committed
    in one transaction, so a stop or a crash loses at most the batches in
    flight, and the next call carries on where this one ended.
    ``progress(done, total)`` is called after each batch.

    With ``workers`` > 1, batches are tagged in that many worker processes
    (tagging is CPU-bound Python and spaCy: one core each), niced below the
    caller so the UI stays first; this process reads the batches and writes
    each result in one transaction, in order. While ``should_pause()`` is true
    (the user is typing) no new batch is handed out.
    """
    from ossetia_reader.core.enrich.store import pending_count, pending_keys, store_batch

    library.backfill_languages()  # libraries from before languages: may queue Russian articles
    total = pending_count(library)
    done = 0
    if progress is not None:
        progress(0, total)
    stop = should_stop or (lambda: False)
    busy: set[int] = set()  # keys handed to a worker and not stored yet

    def batches() -> Iterator[list[Article]]:
        last_key = 0
        swept_again = False
        while not stop():
            while should_pause is not None and should_pause() and not stop():
                time.sleep(_PAUSE_POLL)
            found = pending_keys(library, after=last_key, limit=max(1, batch))
            if not found:
                # Articles edited behind us while we ran (their keys are lower): once more.
                if swept_again or last_key == 0 or not pending_keys(library, limit=1):
                    return
                swept_again, last_key = True, 0
                continue
            last_key = found[-1]
            keys = [key for key in found if key not in busy]  # not those still being tagged
            if keys:
                busy.update(keys)
                yield library.articles(keys)

    def store(articles: list[Article], found: list[_Found]) -> None:
        nonlocal done
        results = []
        for article, (entities, quotes) in zip(articles, found, strict=True):
            assert article.key is not None
            results.append((article.key, entities, quotes))
        store_batch(library, results)
        busy.difference_update(key for key, _, _ in results)
        done += len(results)
        if progress is not None:
            progress(done, max(total, done))

    if workers <= 1 or total < 2 * batch:
        for articles in batches():
            store(articles, enrich_articles(articles, use_model=use_model))
        return done
    held: list[int] = []  # Russian and Ukrainian articles: tagged last, by one worker

    def latin_batches() -> Iterator[list[Article]]:
        for articles in batches():
            held.extend(a.key for a in articles if a.key is not None and _needs_cyrillic(a))
            latin = [a for a in articles if not _needs_cyrillic(a)]
            if latin:
                yield latin

    def held_batches() -> Iterator[list[Article]]:
        size = max(1, min(batch, _CYRILLIC_BATCH))
        for start in range(0, len(held), size):
            if stop():
                return
            yield library.articles(held[start : start + size])

    _in_pool(latin_batches(), store, workers, use_model, stop)
    if held and not stop():
        # The Russian tagger and dictionaries take ~120 MB; with the English model
        # beside them in every worker, two workers came to 2 x 500 MB. So they are
        # tagged once the English workers are gone, by fresh workers that load the
        # Russian pipeline alone (~130 MB each, ~225 MB at a batch's peak).
        batches_held = -(-len(held) // max(1, min(batch, _CYRILLIC_BATCH)))
        _in_pool(
            held_batches(),
            store,
            max(1, min(workers, batches_held)),
            use_model,
            stop,
            tasks_per_worker=_CYRILLIC_BATCHES_PER_WORKER,
        )
    busy.clear()
    return done


def _needs_cyrillic(article: Article) -> bool:
    """Whether tagging ``article`` loads the Russian or Ukrainian pipeline."""
    from ossetia_reader.core.language import RUSSIAN, UKRAINIAN, detect_language

    language = article.language or detect_language(article.title, article.body)
    return language in (RUSSIAN, UKRAINIAN)


_Found = tuple[tuple[Entity, ...], tuple[Quote, ...]]
_PAUSE_POLL = 0.1  # seconds between looks at should_pause
_WORKER_NICENESS = 10  # below the UI, which runs at the caller's priority
# A worker is replaced after this many batches: the tagger's memory grows with the
# text it has seen (~400 MB after 1,500 articles, ~520 MB after 4,000), a fresh one
# costs a model load (~1 s). Keeps a 100,000-article run's memory bounded.
_BATCHES_PER_WORKER = 40
# Russian and Ukrainian articles are tagged this many at a time: natasha's tagger holds
# a whole batch's arrays at once (a worker peaked near 500 MB on 60 Meduza articles).
_CYRILLIC_BATCH = 8
# The Russian tagger's memory does not grow with the text it has seen as spaCy's
# vocabulary does, and it takes ~2 s to load: its workers are replaced less often.
_CYRILLIC_BATCHES_PER_WORKER = 200


def _in_pool(
    batches: Iterator[list[Article]],
    store: Callable[[list[Article], list[_Found]], None],
    workers: int,
    use_model: bool | None,
    stop: Callable[[], bool],
    tasks_per_worker: int = _BATCHES_PER_WORKER,
) -> None:
    """Tag ``batches`` in ``workers`` processes, storing results in order as they come.

    At most ``workers + 1`` batches are in flight, so memory stays bounded and
    a stop loses little. Worker processes are started fresh (``spawn``: no
    copy of this process's threads or Textual state) and load the model once.
    """
    import multiprocessing
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")
    _start_resource_tracker()
    flight: deque[tuple[list[Article], Future[list[_Found]]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=context,
        initializer=_worker_start,
        max_tasks_per_child=tasks_per_worker,
    ) as pool:
        try:
            for articles in batches:
                flight.append((articles, pool.submit(_tag_batch, articles, use_model)))
                while len(flight) > workers or (flight and flight[0][1].done()):
                    first, future = flight.popleft()
                    store(first, future.result())
                if stop():
                    break
            while flight and not stop():
                first, future = flight.popleft()
                store(first, future.result())
        finally:
            for _, future in flight:
                future.cancel()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker with a real stderr to hand it.

    Inside the app, Textual has replaced ``sys.stderr`` with an object whose
    ``fileno()`` is no file, and starting the tracker (on the first worker)
    then fails with "bad value(s) in fds_to_keep". It gets /dev/null instead:
    nothing may write to the terminal under the app.
    """
    from multiprocessing import resource_tracker

    try:
        usable = sys.stderr is not None and sys.stderr.fileno() >= 0
    except (AttributeError, OSError, ValueError):
        usable = False
    if usable:
        resource_tracker.ensure_running()
        return
    saved = sys.stderr
    with open(os.devnull, "w") as devnull:
        sys.stderr = devnull
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = saved


def _worker_start() -> None:
    """In each worker process: run below the UI, and end with the process that made it.

    A killed ``enrich`` (or app) must not leave workers behind holding its
    terminal or pipes: Linux is asked to signal the worker when its parent
    dies, and a watch thread checks the parent elsewhere.
    """
    with contextlib.suppress(OSError, AttributeError):
        os.nice(_WORKER_NICENESS)
    # Output of the tagger's libraries must not reach a terminal the app draws on;
    # failures come back to the parent as exceptions.
    with contextlib.suppress(OSError):
        quiet = os.open(os.devnull, os.O_WRONLY)
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        os.close(quiet)
    parent = os.getppid()
    with contextlib.suppress(Exception):
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the parent died before that took effect
            os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _tag_batch(articles: list[Article], use_model: bool | None) -> list[_Found]:
    found = enrich_articles(articles, use_model=use_model)
    memory.give_back()  # a batch's texts and docs: the worker's RSS would only rise
    return found
