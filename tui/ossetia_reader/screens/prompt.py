"""A one-line question: a path, a URL. Answers the text, or None on Esc."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from ossetia_reader.core.sanitize import safe_line


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line of text."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    DEFAULT_CSS = """
    PromptScreen {
        align: center middle;
    }
    PromptScreen > Vertical {
        width: 80%;
        max-width: 90;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    /* With :focus too: Textual's own Input:focus border outranks a type selector,
       and its two rows in a one-row field left no room for the typed text. */
    PromptScreen Input, PromptScreen Input:focus {
        border: none;
        height: 1;
        background: $boost;
    }
    """

    def __init__(self, question: str, placeholder: str = "", value: str = "") -> None:
        """``placeholder`` is an example, shown grey and never answered; ``value`` is
        the answer already typed (a name to keep or edit)."""
        super().__init__()
        self.question = question
        self.placeholder = placeholder
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(safe_line(self.question)))  # may name a feed: never markup
            yield Input(value=self.value, placeholder=self.placeholder)
            yield Label("Enter to confirm, Esc to cancel", classes="dim")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)
