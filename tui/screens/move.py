"""Choosing the day to move a planned session to."""

from __future__ import annotations

from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option


class MoveScreen(ModalScreen[date | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="move.cancel")]

    def __init__(self, what: str, current: date, week_start: date) -> None:
        super().__init__()
        self.what = what
        self.current = current
        self.week_start = week_start

    def compose(self) -> ComposeResult:
        days = [self.week_start + timedelta(days=i) for i in range(7)]
        with Vertical(classes="form chooser"):
            yield Static(f"Move {self.what} to", classes="form-title")
            yield OptionList(
                *(
                    Option(
                        f"{d:%a %d %b}" + ("  (now)" if d == self.current else ""),
                        id=d.isoformat(),
                        disabled=d == self.current,
                    )
                    for d in days
                ),
                id="days",
            )
            yield Static("enter choose · esc cancel", classes="form-keys")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(date.fromisoformat(event.option.id))
