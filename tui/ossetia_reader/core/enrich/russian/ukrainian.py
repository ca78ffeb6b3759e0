"""Ukrainian entities from the dictionary and a few news conventions, not a model.

natasha's model reads Russian only: on Ukrainian news (NER-UK 2.0, the
"Наші гроші" development texts) it finds PER/LOC/ORG with F1 about 0.40 and
person precision 0.43 — worse than nothing in a reader. No Ukrainian NER
model ships on PyPI. So Ukrainian articles get the entities that can be
found reliably without one (``benchmarks/russian.py`` measures them):

- **people**: runs of capitalised words the Ukrainian pymorphy3 dictionary
  (``pymorphy3-dicts-uk``) reads as a first name, patronymic or surname
  (``Юлія Тимошенко``, ``Мельник Андрій Володимирович``, ``Янукович В. Ф.``),
  and later mentions of the same surname in any case (``Рубана``);
- **organisations**: a legal form and a name in guillemets (``ТОВ «Провін»``,
  ``ПАТ «Укртрансгаз»``), the form included as Ukrainian registers write it;
- **places**: the oblasts (``Київської області``), names after ``м.``/``місто``/
  ``село``, and a short list of the places Ukrainian news names most
  (countries around, oblast centres), in any case.

Everything else (most organisations, small places) is left out rather than
guessed. Names are kept as written: the canonical name of a person is put in
the nominative with the same dictionary when it can be.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from ossetia_reader.core.article import Entity, Quote

log = logging.getLogger(__name__)

Span = tuple[int, int, str]
Enriched = tuple[tuple[Entity, ...], tuple[Quote, ...]]

_UPPER = "А-ЯЄІЇҐ"
_LOWER = "а-яєіїґ'’ʼ"
_CAP = rf"(?:[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}]?[{_LOWER}]+)?|[{_UPPER}]\.)"
# A run of capitalised words (or initials), not inside guillemets or another word.
_RUN = re.compile(rf"(?<![\w«„\"]){_CAP}(?:[ \u00a0]+{_CAP})*(?![\w»“\"])")
_ONE = re.compile(rf"(?<![\w«„\"-]){_CAP}(?![\w»“\"-])")
_INITIAL = re.compile(rf"^[{_UPPER}]\.$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:]\s+|\n\s*)[«„\"—–-]?\s*$")
# Adjectival surnames (Брицький, Хмельницька) the dictionary lists as adjectives.
_ADJECTIVE_SURNAME = re.compile(r"(?:ськ|цьк|зьк)(?:ий|ого|ому|им|ім|ій|а|ої|у|ою)$")

_LEGAL_FORMS = "ТОВ|ПАТ|ПрАТ|ПП|ДП|КП|ТзОВ|ВАТ|ЗАТ|АТ|ГО|БФ|КНП|НАК|ДАК|ТДВ|СП|ФГ|ОСББ"
_ORGANISATION = re.compile(rf"(?<![\w«])(?:{_LEGAL_FORMS})[ \u00a0]+«[^«»\n]{{1,80}}»")
_OBLAST = re.compile(
    r"(?<![\w-])[А-ЯЄІЇҐ][\w'’-]*(?:ськ|цьк|зьк)(?:а|ої|ій|у|ою)[ \u00a0]+"
    r"(?:область|області|областю|обл\b\.?)"
)
_SETTLEMENT = re.compile(
    rf"(?<![\w])(?:м\.|с\.|смт|місто|міста|місті|містом|село|села|селі|селом)[ \u00a0]*"
    rf"({_CAP})"
)
# The places Ukrainian news names most (countries around, oblast centres), in the
# nominative; ``=`` adds the stem of a form whose vowel changes (Київ, Києва).
# Ambiguous names (Хмельницький, Кропивницький are surnames too) are left out.
_PLACE_LIST = (
    "Україна Київ=Києв Харків=Харков Одеса Дніпро Львів=Львов Запоріжжя Миколаїв=Миколаєв "
    "Маріуполь Луганськ Донецьк Вінниця Херсон Полтава Чернігів=Чернігов Черкаси=Черкас "
    "Житомир Суми=Сум Чернівці=Чернівц Рівне Тернопіль=Тернопол Луцьк Ужгород "
    "Івано-Франківськ Кіровоград Краматорськ Слов'янськ Севастополь Сімферополь Мелітополь "
    "Бердянськ Ірпінь=Ірпен Буча Крим Донбас Росія Білорусь Польща Німеччина Франція Молдова "
    "Грузія Кіпр Канада Туреччина Китай Литва Латвія Естонія Угорщина Румунія Словаччина "
    "Чехія Італія Іспанія Австрія Ізраїль Японія Казахстан Азербайджан Вірменія Європа Москва "
    "Варшава Мінськ Брюссель Вашингтон Лондон Париж Берлін США ДНР ЛНР ОАЕ"
)


def _place_stems() -> dict[str, str]:
    """Stem → nominative for every listed place (Одеса → Одес, Тернопіль → Тернопол)."""
    stems: dict[str, str] = {}
    for entry in _PLACE_LIST.split(" "):
        name, _, other = entry.partition("=")
        stem = name[:-1] if name[-1] in "аяоеьі" and not name.isupper() else name
        stems[stem] = name
        if other:
            stems[other] = name
    return stems


_PLACE_STEMS = _place_stems()
_PLACE = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(stem) for stem in sorted(_PLACE_STEMS, key=len, reverse=True))
    + r")(?:|а|и|і|ї|у|ю|я|е|є|о|ом|ем|єм|ою|ею|єю|ові|еві|ям|ах|ях|ів|ем)(?![\w-])"
)
_ENDING_LIST = "ові еві ий ого ому ими ій ої ою ею єю ом ем ів ям ам ах ях им их а я у ю і ї е и"
_STEM_ENDINGS = tuple(
    sorted(
        _ENDING_LIST.split(" "),
        key=len,
        reverse=True,
    )
)

_lock = threading.Lock()
_analyzers: list[Any] = []


def _analyzer() -> Any:
    """The Ukrainian dictionary, loaded once; None (logged) when not installed."""
    with _lock:
        if not _analyzers:
            try:
                import pymorphy3

                _analyzers.append(pymorphy3.MorphAnalyzer(lang="uk"))
            except Exception as error:  # a missing dictionary must not stop enrichment
                log.warning("Ukrainian dictionary unavailable (%s): no Ukrainian people", error)
                _analyzers.append(None)
        return _analyzers[0]


def enrich_ukrainian(texts: Sequence[str]) -> list[Enriched]:
    """Entities of each Ukrainian text (no quotes yet). Never raises."""
    results: list[Enriched] = []
    for text in texts:
        try:
            results.append((_entities(text, ukrainian_spans(text)), ()))
        except Exception as error:  # hostile text must never stop enrichment
            log.warning("Ukrainian entities failed: %s", error)
            results.append(((), ()))
    return results


def ukrainian_spans(text: str) -> list[Span]:
    """PER, LOC and ORG spans in a Ukrainian text, as described in the module docstring."""
    spans = _organisations(text) + _places(text)
    spans += _people(text, [(start, end) for start, end, _ in spans])
    return sorted(set(spans))


def _organisations(text: str) -> list[Span]:
    return [(m.start(), m.end(), "ORG") for m in _ORGANISATION.finditer(text)]


def _places(text: str) -> list[Span]:
    """Places standing on their own: after a preposition (``у Києві``, ``з України``),
    at the start of a sentence or in a list. A place right after a noun
    (``ДСНС України``, ``суду Луганської області``, ``Кодексу України``) is part of
    the name of an institution, a court or a law, and is left inside it."""
    found = [(m.start(), m.end(), "LOC") for m in _OBLAST.finditer(text)]
    found += [(m.start(1), m.end(1), "LOC") for m in _SETTLEMENT.finditer(text)]
    taken = [(start, end) for start, end, _ in found]
    for match in _PLACE.finditer(text):
        if not _overlaps(match.start(), match.end(), taken):
            found.append((match.start(), match.end(), "LOC"))
    return [span for span in found if _stands_alone(text, span[0])]


_PREPOSITION = re.compile(
    r"(?i)(?:^|[\s(])(?:в|у|до|з|із|зі|на|по|від|через|для|між|біля|під|над|за|про|"
    r"поблизу|навколо|серед|щодо|після|перед|та|і|й|або|чи)[ \u00a0]+$"
)
_SETTLEMENT_WORD = re.compile(
    r"(?:м\.|с\.|смт|місто|міста|місті|містом|село|села|селі|селом)[ \u00a0]*$"
)


def _stands_alone(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start]
    line = text[text.rfind("\n", 0, start) + 1 : start]
    if line.count("«") > line.count("»") or before.endswith("«"):
        return False  # inside a name in guillemets: фірма «Київ», «Наші гроші. Львів»
    if settlement := _SETTLEMENT_WORD.search(before):
        at = start - len(settlement.group())
        before = text[max(0, at - 30) : at]
    stripped = before.rstrip(" \u00a0")
    if not stripped or stripped[-1] in '.!?…\n,;:–—-«("':
        return True
    return _PREPOSITION.search(before) is not None


def _people(text: str, taken: list[tuple[int, int]]) -> list[Span]:
    if _analyzer() is None:
        return []
    found: list[Span] = []
    for run in _RUN.finditer(text):
        if _overlaps(run.start(), run.end(), taken):
            continue
        words = [(m.group(), run.start() + m.start()) for m in re.finditer(r"\S+", run.group())]
        opens = _SENTENCE_START.search(text, max(0, run.start() - 8), run.start()) is not None
        for part, first in _name_parts(words, opens):
            start = part[0][1]
            end = part[-1][1] + len(part[-1][0])
            kinds = [_kind(word) for word, _ in part]
            if _is_person(kinds, opens and first):
                found.append((start, end, "PER"))
    return found + _surnames_again(text, found, taken)


def _name_parts(
    words: list[tuple[str, int]], opens: bool
) -> list[tuple[list[tuple[str, int]], bool]]:
    """The run cut at common words (``Києва Олег Голяшкін`` → ``Олег Голяшкін``); a
    common word right after a first name stays (``Юрій Байрактар``). Each part with
    whether it opens the sentence."""
    parts: list[tuple[list[tuple[str, int]], bool]] = []
    current: list[tuple[str, int]] = []
    current_first = True
    for index, (word, at) in enumerate(words):
        kind = _kind(word)
        after_name = bool(current) and _kind(current[-1][0]) == "name"
        if kind == "common" and not after_name:
            if current:
                parts.append((current, current_first and opens))
            current, current_first = [], False
            continue
        if not current:
            current_first = index == 0
        current.append((word, at))
    if current:
        parts.append((current, current_first and opens))
    return parts


def _is_person(kinds: list[str], sentence_start: bool) -> bool:
    if all(kind == "initial" for kind in kinds) or len(kinds) > 4:
        return False
    if len(kinds) >= 2:
        named = "name" in kinds or "patronymic" in kinds
        surnames = {"surname", "surname-only", "adjective-surname", "unknown"}
        initials = "initial" in kinds and any(kind in surnames for kind in kinds)
        return named or initials
    return kinds == ["surname-only"] and not sentence_start


@lru_cache(maxsize=65536)
def _kind(word: str) -> str:
    """What the dictionary makes of a capitalised word: name, patronymic, surname,
    surname-only (no other reading), adjective surname, common, initial or unknown."""
    if _INITIAL.match(word):
        return "initial"
    morph = _analyzer()
    lowered = _dictionary_form(word)
    parses = morph.parse(lowered)
    if any("Name" in p.tag for p in parses) or any(_lexeme_is_name(p) for p in parses):
        return "name"
    if any("Patr" in p.tag for p in parses):
        return "patronymic"
    if any("Surn" in p.tag for p in parses):
        only = all("Surn" in p.tag for p in parses)
        return "surname-only" if only else "surname"
    if not morph.word_is_known(lowered):
        return "unknown"
    if _ADJECTIVE_SURNAME.search(lowered):
        return "adjective-surname"
    return "common"


def _lexeme_is_name(parse: Any) -> bool:
    """The dictionary tags ``Володимир`` (nominative) without Name but its other
    forms with it: a living noun whose genitive is a first name is one."""
    if parse.tag.POS != "NOUN" or "anim" not in parse.tag:
        return False
    form = parse.inflect({"gent"})
    return form is not None and "Name" in form.tag


def _surnames_again(text: str, people: list[Span], taken: list[tuple[int, int]]) -> list[Span]:
    """Later (or earlier) mentions of a surname found in a full name, in any case."""
    names = [text[start:end] for start, end, _ in people]
    keys = {_stem(name.split()[-1]) for name in names if " " in name}
    keys.discard("")
    occupied = taken + [(start, end) for start, end, _ in people]
    added: list[Span] = []
    for match in _ONE.finditer(text):
        start, end = match.span()
        if _stem(match.group()) not in keys or _overlaps(start, end, occupied):
            continue
        before = text[max(0, start - 40) : start]
        if re.search(rf"[{_UPPER}][\w'’-]*[ \u00a0]$", before) or re.match(
            rf"[ \u00a0][{_UPPER}]", text[end : end + 2]
        ):
            continue  # part of a longer capitalised run: not a lone surname
        added.append((start, end, "PER"))
    return added


def _stem(word: str) -> str:
    lowered = _dictionary_form(word)
    for ending in _STEM_ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= 3:
            return lowered[: -len(ending)]
    return lowered if len(lowered) >= 3 else ""


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _entities(text: str, spans: list[Span]) -> tuple[Entity, ...]:
    """Entities from spans; a person's canonical name is the nominative of a full
    name, and a lone surname takes the one full name the article gives it."""
    entities: list[Entity] = []
    for start, end, label in spans:
        surface = text[start:end]
        canonical = surface
        if label == "PER":
            canonical = _person_nominative(surface)
        elif label == "LOC":
            canonical = _place_nominative(surface)
        entities.append(Entity(start, end, surface, label, canonical))
    full: dict[str, set[str]] = {}
    for entity in entities:
        words = entity.canonical.split()
        if entity.type == "PER" and len(words) > 1:
            full.setdefault(_stem(words[-1]), set()).add(entity.canonical)
    linked = []
    for entity in entities:
        if entity.type == "PER" and " " not in entity.canonical:
            options = full.get(_stem(entity.text), set())
            if len(options) == 1:
                entity = Entity(
                    entity.start, entity.end, entity.text, entity.type, next(iter(options))
                )
        linked.append(entity)
    return tuple(linked)


def _person_nominative(name: str) -> str:
    """``Юлії Тимошенко`` → ``Юлія Тимошенко`` where the dictionary knows each word's
    nominative as a name; anything it cannot read is kept as written."""
    morph = _analyzer()
    if morph is None:
        return name
    words = name.split()
    result = []
    for word in words:
        parses = [p for p in morph.parse(_dictionary_form(word)) if _is_name_parse(p)]
        # A word that reads as a nominative name already stays (Юлія, not Юлій).
        nominative = any(p.tag.case == "nomn" for p in parses)
        form = parses[0].inflect({"nomn"}) if parses and not nominative else None
        if form is None or _INITIAL.match(word):
            result.append(word)
        else:
            result.append("-".join(part.capitalize() for part in form.word.split("-")))
    return " ".join(result)


def _is_name_parse(parse: Any) -> bool:
    return any(tag in parse.tag for tag in ("Name", "Surn", "Patr"))


def _place_nominative(name: str) -> str:
    """``Києві`` → ``Київ``, ``Харківській області`` → ``Харківська область``."""
    if match := _PLACE.fullmatch(name):
        return _PLACE_STEMS[match.group(1)]
    words = name.split()
    morph = _analyzer()
    if morph is None or len(words) != 2 or not _OBLAST.fullmatch(name):
        return name
    adjectives = [p for p in morph.parse(_dictionary_form(words[0])) if p.tag.POS == "ADJF"]
    form = adjectives[0].inflect({"nomn", "femn"}) if adjectives else None
    if form is None:
        return name
    return f"{form.word[:1].upper()}{form.word[1:]} область"


def _dictionary_form(word: str) -> str:
    """Lower case with the dictionary's apostrophe: Ukrainian writes ``’`` or ``ʼ``
    (``Прем’єр``), the dictionary ``'``; unnormalised, a common word is an unknown one
    and may be guessed a surname."""
    return word.lower().replace("’", "'").replace("ʼ", "'")
