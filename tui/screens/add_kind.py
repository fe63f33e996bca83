"""Choosing which kind of session to log (the `a` key)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legrun.tui.screens.base import LegrunModal

KINDS = (
    ("leg", "l  Leg day"),
    ("run", "r  Run"),
    ("cross", "x  Cross-training"),
    ("last-leg", "p  Leg day like the last one"),
    ("template", "t  Leg day from a template"),
)


class AddKindScreen(LegrunModal[str | None]):
    """Which kind of session to log."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="add.cancel"),
        Binding("l", "choose('leg')", "Leg day", show=False, id="add.leg"),
        Binding("p", "choose('last-leg')", "Like the last leg day", show=False, id="add.last"),
        Binding("t", "choose('template')", "From a template", show=False, id="add.template"),
        Binding("r", "choose('run')", "Run", show=False, id="add.run"),
        Binding("x", "choose('cross')", "Cross-training", show=False, id="add.cross"),
    ]

    def __init__(self, day: date, last_leg: str | None = None) -> None:
        """`last_leg` names the last leg day (`Mon 23 Nov: back squat 5x5@100kg; ...`), or
        None when there is none to start from."""
        super().__init__()
        self.day = day
        self.last_leg = last_leg

    def compose(self) -> ComposeResult:
        with Vertical(classes="form chooser"):
            yield Static(f"Add to {self.day:%a %d %b}", classes="form-title")
            options = []
            for key, label in KINDS:
                if key == "last-leg":
                    if self.last_leg is None:
                        continue
                    label = f"{label} ({self.last_leg})"
                options.append(Option(label, id=key))
            yield OptionList(*options, id="kinds")
            yield Static("l r x p t or enter to choose · esc cancel", classes="form-keys")

    def action_choose(self, kind: str) -> None:
        if kind == "last-leg" and self.last_leg is None:
            self.notify("No leg day logged yet to start from.", timeout=3)
            return
        self.dismiss(kind)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "kinds" and event.option.id is not None:
            self.action_choose(event.option.id)


class TemplateScreen(LegrunModal[int | None]):
    """Which named template to start a leg day from (its index in LEG_TEMPLATES)."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="template.cancel")]

    def compose(self) -> ComposeResult:
        from legrun.planner.templates import LEG_TEMPLATES

        with Vertical(classes="form chooser"):
            yield Static("Start the leg day from", classes="form-title")
            yield OptionList(
                *(
                    Option(f"{t.name}: {t.describe()}", id=str(i))
                    for i, t in enumerate(LEG_TEMPLATES)
                ),
                id="templates",
            )
            yield Static(
                "enter choose (loads are yours to fill in) · esc cancel", classes="form-keys"
            )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(int(event.option.id))
