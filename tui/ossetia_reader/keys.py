"""Key bindings as data: shown by the help screen, the footer, and remappable.

One spelling everywhere: named keys capitalised as on a keyboard (Enter, Esc,
PgDn, Home), arrows as arrows, letters as typed (``G`` is Shift+g).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual.binding import Binding

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "quotation_mark": '"',
    "apostrophe": "'",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "full_stop": ".",
    "comma": ",",
    "backslash": "\\",
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "backspace": "Backspace",
    "delete": "Del",
    "home": "Home",
    "end": "End",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "down": "↓",
    "up": "↑",
    "left": "←",
    "right": "→",
}


def key_name(key: str) -> str:
    """One key as a person reads it: ``"ctrl+f"`` → ``"Ctrl+F"``, ``"pagedown"`` → ``"PgDn"``."""
    key = key.strip()
    *modifiers, base = key.split("+") if key != "plus" else ["plus"]
    name = _KEY_NAMES.get(base)
    if name is None:
        name = base.upper() if modifiers and len(base) == 1 else base
        if len(base) > 1 and base[0] == "f" and base[1:].isdigit():
            name = base.upper()  # f1 → F1
    return "".join(m.capitalize() + "+" for m in modifiers) + name


def split_keys(keys: str) -> list[str]:
    """``"j,down"`` → ``["j", "down"]``."""
    return [key.strip() for key in keys.split(",") if key.strip()]


def display_key(keys: str) -> str:
    """``"j,down"`` → ``"j ↓"``: every key of a binding, as the help screen lists them."""
    from ossetia_reader.core.sanitize import safe_line

    return safe_line(" ".join(key_name(key) for key in split_keys(keys)))


def is_printable(key: str) -> bool:
    """A key that types a character (an input field takes it instead of a binding)."""
    name = key_name(key)
    return len(name) == 1 and key not in {"up", "down", "left", "right"}


def bound_keys(binding: Binding, keymap: Mapping[str, str] | None = None) -> str:
    """The keys of ``binding`` after the user's keymap (config ``[keys]``) is applied."""
    if keymap and binding.id and binding.id in keymap:
        return keymap[binding.id]
    return binding.key


def help_text(binding: Binding) -> str:
    """The help screen's wording: the tooltip when there is one, else the footer label."""
    return binding.tooltip or binding.description


def as_bindings(items: Sequence[object]) -> list[Binding]:
    """``BINDINGS`` entries (``Binding`` or tuples) as ``Binding`` objects."""
    out: list[Binding] = []
    for item in items:
        if isinstance(item, Binding):
            out.append(item)
        elif isinstance(item, tuple):
            out.append(Binding(*item))
    return out


def known_binding_ids() -> frozenset[str]:
    """Every binding id the reader's app, screens and widgets define (what config may remap).

    Found by importing each screen and widget module, so a new binding is
    known as soon as it is written; ``[keys]`` entries outside this set are
    reported rather than silently doing nothing.
    """
    import importlib
    import inspect
    import pkgutil

    from textual.dom import DOMNode

    import ossetia_reader.screens
    import ossetia_reader.widgets

    modules = [importlib.import_module("ossetia_reader.app")]
    for package in (ossetia_reader.screens, ossetia_reader.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            modules.append(importlib.import_module(f"{package.__name__}.{info.name}"))
    ids: set[str] = set()
    for module in modules:
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, DOMNode):
                continue
            for base in cls.__mro__:
                bindings = base.__dict__.get("BINDINGS", [])
                ids.update(b.id for b in as_bindings(bindings) if b.id)
    return frozenset(ids)


def unknown_binding_ids(keys: Mapping[str, str]) -> list[str]:
    """The ``[keys]`` ids in a config that no binding has, sorted."""
    known = known_binding_ids()
    return sorted(binding_id for binding_id in keys if binding_id not in known)
