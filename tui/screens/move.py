"""Choosing the day to move a session to: every day of its week is shown, each with what
stands in the way (a past day, a day kept free, a leg day), so the choice is made knowingly."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legrun.tui.screens.base import LegrunModal


class MoveScreen(LegrunModal[date | None]):
    """The week's days: `refused` ones (past, kept free) say why and cannot be chosen;
    `warned` ones (a leg day, a sore day) can, with the warning in view."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="move.cancel")]

    def __init__(
        self,
        what: str,
        current: date,
        week_start: date,
        refused: Mapping[date, str] | None = None,
        warned: Mapping[date, str] | None = None,
    ) -> None:
        super().__init__()
        self.what = what
        self.current = current
        self.days = [week_start + timedelta(days=i) for i in range(7)]
        self.refused = dict(refused or {})
        self.refused.setdefault(current, f"the {what} is on this day now")
        self.warned = dict(warned or {})

    def _label(self, day: date) -> str:
        label = f"{day:%a %d %b}"
        if day == self.current:
            return f"{label}  (now)"
        if day in self.refused:
            return f"{label}  ✗ {self.refused[day]}"
        if day in self.warned:
            return f"{label}  ! {self.warned[day]}"
        return label

    def compose(self) -> ComposeResult:
        with Vertical(classes="form chooser"):
            yield Static(f"Move {self.what} to", classes="form-title")
            yield OptionList(
                *(Option(self._label(d), id=d.isoformat()) for d in self.days), id="days"
            )
            yield Static(
                "enter choose · ✗ cannot go there · ! a rule says no · esc cancel",
                classes="form-keys",
            )

    def on_mount(self) -> None:
        # Start on the first day it may go to after where it is now (else the first at all).
        free = [d for d in self.days if d not in self.refused]
        later = [d for d in free if d > self.current]
        start = (later or free or [self.current])[0]
        days = self.query_one("#days", OptionList)
        days.highlighted = self.days.index(start)
        days.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        day = date.fromisoformat(event.option.id)
        if day in self.refused:
            self.notify(f"Not {day:%a %d %b}: {self.refused[day]}.", severity="warning", timeout=4)
            return
        self.dismiss(day)
