"""Entity spans written by hand for tests: name the surfaces, not their offsets."""

from __future__ import annotations


def spans_of(text: str, *marked: tuple[str, str]) -> list[tuple[int, int, str]]:
    """Spans for the given (surface, label) pairs, found left to right in ``text``."""
    found, at = [], 0
    for surface, label in marked:
        start = text.index(surface, at)
        found.append((start, start + len(surface), label))
        at = start + len(surface)
    return found


def people(text: str, *names: str) -> list[tuple[int, int, str]]:
    """A PER span for each name, at its first occurrence after the previous one."""
    return spans_of(text, *((name, "PER") for name in names))


def surfaces(text: str, spans: list[tuple[int, int, str]]) -> list[str]:
    return [text[start:end] for start, end, _ in spans]
