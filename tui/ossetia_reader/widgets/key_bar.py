"""The footer: the few keys that matter for the focused pane, in one line that fits.

Textual's ``Footer`` shows every binding marked ``show`` in the focus chain, in
declaration order, and cuts the line where the terminal ends; at 80 columns the
keys a new reader needs most were the ones cut. Here the screen names the keys
for each pane in order of importance; what does not fit is dropped from the end
(it is all in ``?``), and the pinned keys on the right (help, commands) always show.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.widget import Widget

from ossetia_reader.keys import as_bindings, is_printable, key_name, split_keys

GAP = 2


@dataclass(frozen=True)
class KeyHint:
    """One key as the footer shows it, and what to run when it is clicked."""

    key: str
    label: str
    action: str
    node: DOMNode


class KeyBar(Widget):
    """``Enter Open  / Search  v Filter …      Ctrl+P Commands  ? Help``."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--label"}

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        text-style: bold;
    }
    KeyBar > .key-bar--label {
        color: $footer-description-foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.ids: tuple[str, ...] = ()
        self.pinned: tuple[str, ...] = ()
        self.typing = False
        self._spans: list[tuple[int, int, KeyHint]] = []

    def show_keys(self, ids: tuple[str, ...], pinned: tuple[str, ...], typing: bool) -> None:
        """Show the bindings ``ids`` (most important first) and ``pinned`` at the right.

        ``typing``: an input has focus, so keys that type a character are not offered.
        """
        self.ids, self.pinned, self.typing = ids, pinned, typing
        self.refresh()

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.refresh())

    def hints(self, ids: tuple[str, ...]) -> list[KeyHint]:
        """The active bindings with these ids, in this order, each with its first usable key."""
        by_id: dict[str, tuple[Binding, DOMNode, list[str]]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if binding.id is None or not active.enabled:
                continue
            entry = by_id.setdefault(binding.id, (binding, active.node, []))
            entry[2].append(key)
        hints = []
        for binding_id in ids:
            if binding_id not in by_id:
                continue
            binding, node, keys = by_id[binding_id]
            # The order the binding was declared with: the first key listed is the one to teach.
            order = _declared_keys(node, binding_id)
            keys.sort(key=lambda k: order.index(k) if k in order else len(order))
            usable = [k for k in keys if not (self.typing and is_printable(k))]
            if usable:
                hints.append(
                    KeyHint(key_name(usable[0]), binding.description, binding.action, node)
                )
        return hints

    def render(self) -> Text:
        width = self.size.width
        left, right = self.hints(self.ids), self.hints(self.pinned)
        right_width = sum(_width(h) + GAP for h in right)  # with one column at each edge
        while left and 1 + sum(_width(h) + GAP for h in left) + right_width > width:
            left.pop()
        key_style = self.get_component_rich_style("key-bar--key")
        label_style = self.get_component_rich_style("key-bar--label")
        text = Text(no_wrap=True, overflow="crop")
        self._spans = []
        text.append(" ")
        for hint in left:
            self._append(text, hint, key_style, label_style)
        text.append(" " * max(0, width - 1 - text.cell_len - right_width))
        for hint in right:
            self._append(text, hint, key_style, label_style)
        text.rstrip()
        return text

    def _append(self, text: Text, hint: KeyHint, key: Style, label: Style) -> None:
        if self._spans:
            text.append(" " * GAP)
        start = text.cell_len
        text.append(hint.key, key)
        text.append(" " + hint.label, label)
        self._spans.append((start, text.cell_len, hint))

    async def on_click(self, event: events.Click) -> None:
        for start, end, hint in self._spans:
            if start <= event.x < end:
                await self.app.run_action(hint.action, hint.node)
                return


def _declared_keys(node: DOMNode, binding_id: str) -> list[str]:
    for cls in type(node).__mro__:
        for binding in as_bindings(cls.__dict__.get("BINDINGS", [])):
            if binding.id == binding_id:
                return split_keys(binding.key)
    return []


def _width(hint: KeyHint) -> int:
    return Text(f"{hint.key} {hint.label}").cell_len
