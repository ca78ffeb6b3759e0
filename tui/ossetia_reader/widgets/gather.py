"""Typed text into any input field, in batches: a paste sent as key presses stays cheap.

Without bracketed paste, a 100 KB paste is 100,000 key presses. Each one
inserted alone runs the field's change handlers (a filter query, a table
rebuild): the people filter took over a minute per 5,000 characters. The app
hands printable keys for a focused ``Input`` here; they are inserted together
a moment later (``GATHER_SECONDS``), or at once before any other key, so the
order of edits is kept. (The search bar does the same with its own length
cap and notice.)
"""

from __future__ import annotations

from functools import partial
from weakref import WeakKeyDictionary

from textual.widgets import Input

GATHER_SECONDS = 0.03
_pending: WeakKeyDictionary[Input, list[str]] = WeakKeyDictionary()


def gather(field: Input, character: str) -> None:
    """Take one typed character for ``field``."""
    waiting = _pending.setdefault(field, [])
    if not waiting:
        field.set_timer(GATHER_SECONDS, partial(apply, field))
    waiting.append(character)


def apply(field: Input) -> None:
    """Insert what was gathered for ``field`` (over its selection), as much as fits."""
    text = "".join(_pending.pop(field, []))
    if not text:
        return
    start, end = sorted(field.selection)
    if field.max_length:
        text = text[: max(0, field.max_length - (len(field.value) - (end - start)))]
    if text:
        field.replace(text, start, end)


def pending() -> bool:
    """Whether any field has typed text not yet inserted."""
    return any(_pending.values())
