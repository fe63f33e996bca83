"""Choosing which kind of session to log (the `a` key)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legrun.tui.screens.base import LegrunModal

KINDS = (("leg", "l  Leg day"), ("run", "r  Run"), ("cross", "x  Cross-training"))


class AddKindScreen(LegrunModal[str | None]):
    """Which kind of session to log."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="add.cancel"),
        Binding("l", "dismiss('leg')", "Leg day", show=False, id="add.leg"),
        Binding("r", "dismiss('run')", "Run", show=False, id="add.run"),
        Binding("x", "dismiss('cross')", "Cross-training", show=False, id="add.cross"),
    ]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(classes="form chooser"):
            yield Static(f"Add to {self.day:%a %d %b}", classes="form-title")
            yield OptionList(*(Option(label, id=key) for key, label in KINDS), id="kinds")
            yield Static("l r x or enter to choose · esc cancel", classes="form-keys")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
