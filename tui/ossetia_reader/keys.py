"""Key bindings as data: shown by the help screen, the footer, and remappable."""

from __future__ import annotations

from collections.abc import Sequence

from textual.binding import Binding

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "quotation_mark": '"',
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "space": "Space",
    "enter": "Enter",
    "escape": "Esc",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "backslash": "\\",
}


def display_key(keys: str) -> str:
    """``"j,down"`` → ``"j / ↓"``-style text a person can read."""
    shown = []
    for key in keys.split(","):
        key = key.strip()
        name = _KEY_NAMES.get(key)
        if name is None:
            name = {"down": "↓", "up": "↑", "left": "←", "right": "→"}.get(key, key)
            if name.startswith("ctrl+"):
                name = "Ctrl+" + name[5:]
        shown.append(name)
    return " / ".join(shown)


def binding_sections(screen: object) -> list[tuple[str, list[Binding]]]:
    """Bindings of the app, the screen and each widget class on it, by section."""
    from textual.app import App
    from textual.dom import DOMNode

    sections: list[tuple[str, list[Binding]]] = []
    seen_classes: set[type] = set()
    nodes: list[DOMNode] = []
    if isinstance(screen, DOMNode):
        app = screen.app
        nodes = [app, screen, *screen.query("*")]
    for node in nodes:
        cls = type(node)
        if cls in seen_classes or not node.BINDINGS:
            continue
        seen_classes.add(cls)
        bindings = [b for b in _as_bindings(node.BINDINGS) if b.description]
        if isinstance(node, App):
            bindings = [b for b in bindings if b.action not in {"screenshot"}]
        if bindings:
            sections.append((getattr(node, "HELP_TITLE", cls.__name__), bindings))
    return sections


def _as_bindings(items: Sequence[object]) -> list[Binding]:
    out: list[Binding] = []
    for item in items:
        if isinstance(item, Binding):
            out.append(item)
        elif isinstance(item, tuple):
            out.append(Binding(*item))
    return out
