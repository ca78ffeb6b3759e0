"""A reader's corrections to entities: change a type, merge into another, hide.

Enrichment is redone (``enrich --rebuild``, a better model, a new alias list)
and must never undo what a reader fixed by hand, so corrections are not
written into the extracted spans. They live in their own table, keyed by the
entity's canonical key, and are applied as a layer whenever anything is read:
``Library.get`` hands out corrected articles (so the reading pane's colours,
the info panel, ``show --json``, ``export`` and the search index's
``entity:``/``person:`` fields all see them), and ``corrected`` wraps the
library-wide counts of ``store`` (people screen, entity view, ``entities``,
``quotes``). Removing a correction brings back what enrichment
found, because nothing underneath was changed.

A correction names its entity by the name shown when it was made; its key is
recomputed from that name with the current ``canonical_key``, so corrections
follow improvements to the key function instead of being stranded by them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from ossetia_reader.core.article import Article, Entity, Quote
from ossetia_reader.core.enrich.canonical import canonical_key
from ossetia_reader.core.enrich.identity import preferred_name
from ossetia_reader.core.sanitize import safe_line


class Library(Protocol):
    """What corrections need of ``core.library.Library`` (which reads articles through
    this module, so it is not imported here)."""

    def query(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]: ...

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]: ...


ACTIONS = ("type", "merge", "hide")
TYPES = ("PER", "LOC", "ORG", "MISC")


def entity_key(name: str) -> str:
    """The key corrections are stored and matched under: the library's own identity key
    (``canonical_key`` of the shipped alias list's preferred name), so a correction of
    ``Kiev`` is one of ``Kyiv``, as enrichment makes them one entity."""
    return canonical_key(preferred_name(name))


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown type, merging into itself, a loop)."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One reader's correction of one entity."""

    name: str  # the entity as it was shown when corrected
    action: str  # "type", "merge" or "hide"
    type: str | None = None  # the new type; for a merge, the target's type
    target: str | None = None  # for a merge: the entity it is merged into
    made: str = ""  # ISO time, for the list

    @property
    def key(self) -> str:
        return entity_key(self.name)

    def describe(self) -> str:
        """One line for lists: what was done."""
        if self.action == "type":
            return f"{self.name}: type {self.type}"
        if self.action == "merge":
            return f"{self.name}: merged into {self.target}"
        return f"{self.name}: hidden (not an entity)"


@dataclass(frozen=True, slots=True)
class Resolved:
    """Where an entity ends up after corrections: its key, name and (maybe) type."""

    key: str
    name: str
    type: str | None  # None: keep the type enrichment gave


@dataclass(frozen=True)
class Corrections:
    """Every correction of a library, ready to apply (an empty one changes nothing)."""

    by_key: Mapping[str, Correction] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.by_key)

    def __len__(self) -> int:
        return len(self.by_key)

    def get(self, name: str) -> Correction | None:
        return self.by_key.get(entity_key(name))

    def resolve(self, name: str) -> Resolved | None:
        """Follow merges from ``name`` to the entity it now is; None when hidden."""
        key = entity_key(name)
        shown = name
        merged_type: str | None = None
        seen: set[str] = set()
        while key not in seen:
            seen.add(key)
            correction = self.by_key.get(key)
            if correction is None:
                return Resolved(key, shown, merged_type)
            if correction.action == "hide":
                return None
            if correction.action == "type":
                return Resolved(key, shown, correction.type)
            # A merge: go on to the target (which may itself be corrected).
            shown = correction.target or shown
            merged_type = correction.type or merged_type
            key = entity_key(shown)
        return Resolved(key, shown, merged_type)  # a loop (refused when made): stop

    def members(self, name: str) -> list[str]:
        """Names whose entities now are ``name``'s: itself first, then those merged in."""
        resolved = self.resolve(name)
        final = resolved.key if resolved else entity_key(name)
        found = [name]
        for key, correction in self.by_key.items():
            if correction.action != "merge" or key == entity_key(name):
                continue
            target = self.resolve(correction.name)
            if target is not None and target.key == final:
                found.append(correction.name)
        return found

    # -- applying to spans ---------------------------------------------------------

    def entity(self, entity: Entity) -> Entity | None:
        """The corrected mention, or None when it is hidden."""
        if not self.by_key:
            return entity
        resolved = self.resolve(entity.canonical or entity.text)
        if resolved is None:
            return None
        changed = resolved.key != entity_key(entity.canonical or entity.text)
        canonical = resolved.name if changed else entity.canonical
        type_ = resolved.type or entity.type
        if canonical == entity.canonical and type_ == entity.type:
            return entity
        return replace(entity, canonical=canonical, type=type_)

    def quote(self, quote: Quote) -> Quote:
        """The quote with its speaker corrected (a hidden speaker leaves it unattributed)."""
        if not self.by_key or not quote.speaker:
            return quote
        resolved = self.resolve(quote.speaker)
        if resolved is None:
            return replace(quote, speaker=None)
        if resolved.key == entity_key(quote.speaker):
            return quote
        return replace(quote, speaker=resolved.name)

    def article(self, article: Article) -> Article:
        """``article`` with every correction applied to its entities and speakers."""
        if not self.by_key or not (article.entities or article.quotes):
            return article
        entities = tuple(e for e in map(self.entity, article.entities) if e is not None)
        quotes = tuple(map(self.quote, article.quotes))
        return replace(article, entities=entities, quotes=quotes)


EMPTY = Corrections()


# -- storing ---------------------------------------------------------------------


def load(library: Library) -> Corrections:
    """The library's corrections."""
    rows = library.query("SELECT name, action, type, target, made FROM corrections")
    if not rows:
        return EMPTY
    found: dict[str, Correction] = {}
    for name, action, type_, target, made in rows:
        correction = Correction(str(name), str(action), type_, target, str(made))
        if correction.key and action in ACTIONS:
            found[correction.key] = correction
    return Corrections(found)


def listed(library: Library) -> list[Correction]:
    """Every correction, newest first."""
    return sorted(load(library).by_key.values(), key=lambda c: (c.made, c.name), reverse=True)


def set_type(library: Library, name: str, type_: str) -> Correction:
    """Say that ``name`` is a ``type_`` (PER, LOC, ORG, MISC) everywhere."""
    wanted = type_.upper()
    if wanted not in TYPES:
        raise CorrectionError(f"unknown type {type_!r} (one of {', '.join(TYPES)})")
    return _save(library, Correction(name, "type", type=wanted))


def merge(library: Library, name: str, target: str, target_type: str | None = None) -> Correction:
    """Say that ``name`` is the same entity as ``target`` (shown as ``target``).

    ``target_type`` is the target's type, so the merged mentions are coloured
    as the target is; by default the type the library mostly gives it.
    """
    corrections = load(library)
    if entity_key(target) == entity_key(name) or not entity_key(target):
        raise CorrectionError(f"cannot merge {name!r} into itself")
    final = corrections.resolve(target)
    if final is None:
        raise CorrectionError(f"{target!r} is hidden; show it again before merging into it")
    if final.key == entity_key(name):
        raise CorrectionError(f"{target!r} is already merged into {name!r}")
    type_ = target_type or final.type or _library_type(library, final.key)
    return _save(library, Correction(name, "merge", type=type_, target=final.name))


def hide(library: Library, name: str) -> Correction:
    """Say that ``name`` is not an entity: its mentions and speaker labels go."""
    return _save(library, Correction(name, "hide"))


def remove(library: Library, name: str) -> Correction | None:
    """Undo the correction of ``name`` (any spelling); the removed one, if any."""
    found = load(library).get(name)
    if found is None:
        return None
    with library.transaction() as db:
        db.execute("DELETE FROM corrections WHERE key = ?", [found.key])
        _log(db, [found.key, *_keys_of(found)])
    return found


def restore(library: Library, corrections: Iterable[Correction]) -> int:
    """Store corrections read from an export (newer ones replace older ones); how many."""
    kept = [
        c
        for c in corrections
        if c.key
        and c.action in ACTIONS
        and (c.action != "type" or c.type in TYPES)
        and (c.action != "merge" or (c.target and entity_key(c.target) != c.key))
    ]
    if kept:
        with library.transaction() as db:
            for correction in kept:
                _write(db, correction)
    return len(kept)


RECORD = "ossetia-reader/correction"


def to_json(correction: Correction) -> dict[str, str | None]:
    """A correction as ``corrections list --json`` prints it."""
    return {
        "name": correction.name,
        "action": correction.action,
        "type": correction.type,
        "target": correction.target,
        "made": correction.made,
    }


def to_record(correction: Correction) -> dict[str, object]:
    """The JSON Lines record ``export`` writes for a correction (``add`` reads it back)."""
    return {"record": RECORD, **to_json(correction)}


def from_record(value: object) -> Correction | None:
    """The correction an export record holds; None for any other or a malformed one."""
    if not isinstance(value, dict) or value.get("record") != RECORD:
        return None
    name, action = value.get("name"), value.get("action")
    type_, target, made = value.get("type"), value.get("target"), value.get("made")
    if not isinstance(name, str) or action not in ACTIONS:
        return None
    return Correction(
        safe_line(" ".join(name.split()))[:1000],
        str(action),
        type=type_.upper() if isinstance(type_, str) else None,
        target=safe_line(" ".join(target.split()))[:1000] if isinstance(target, str) else None,
        made=safe_line(made)[:40] if isinstance(made, str) else "",
    )


def version(library: Library) -> int:
    """A number that grows with every change of corrections (the search index follows it)."""
    return int(library.query("SELECT coalesce(max(version), 0) FROM correction_log")[0][0])


def affected_articles(library: Library, since: int) -> list[int]:
    """Articles whose corrected spans may have changed since log ``version`` ``since``."""
    keys = [
        str(row[0])
        for row in library.query(
            "SELECT DISTINCT key FROM correction_log WHERE version > ?", [since]
        )
    ]
    found: set[int] = set()
    for start in range(0, len(keys), 300):
        chunk = keys[start : start + 300]
        marks = ",".join("?" * len(chunk))
        for (key,) in library.query(
            f"SELECT key FROM mentions WHERE canonical IN ({marks}) UNION "
            f"SELECT key FROM quoted WHERE speaker_canonical IN ({marks})",
            [*chunk, *chunk],
        ):
            found.add(int(key))
    return sorted(found)


def _save(library: Library, correction: Correction) -> Correction:
    if not correction.key:
        raise CorrectionError("nothing to correct: the name is empty")
    made = replace(correction, made=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    with library.transaction() as db:
        _write(db, made)
    return made


def _write(db: sqlite3.Connection, correction: Correction) -> None:
    old = db.execute("SELECT target FROM corrections WHERE key = ?", [correction.key]).fetchone()
    db.execute(
        "INSERT OR REPLACE INTO corrections (key, name, action, type, target, made) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            correction.key,
            correction.name,
            correction.action,
            correction.type,
            correction.target,
            correction.made,
        ],
    )
    old_target = [entity_key(str(old[0]))] if old and old[0] else []
    _log(db, [correction.key, *_keys_of(correction), *old_target])


def _keys_of(correction: Correction) -> list[str]:
    return [entity_key(correction.target)] if correction.target else []


def _log(db: sqlite3.Connection, keys: Sequence[str]) -> None:
    db.executemany("INSERT INTO correction_log (key) VALUES (?)", [(k,) for k in keys if k])


def _library_type(library: Library, key: str) -> str | None:
    rows = library.query(
        "SELECT type FROM entity_totals WHERE canonical = ? ORDER BY mentions DESC LIMIT 1", [key]
    )
    return str(rows[0][0]) if rows else None
