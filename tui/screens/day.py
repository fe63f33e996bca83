"""Day detail (enter on a day): each session's workout and why, the day's checklist, and
actions on them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from legrun.planner.models import Pin
from legrun.planner.plan import RUN_PLAN_KINDS, DayPlan, PlanItem, WeekPlan
from legrun.storage import StorageError
from legrun.tui.output import item_summary
from legrun.tui.widgets.checklist import Checklist
from legrun.tui.widgets.hanging_text import HangingText, Line
from legrun.tui.widgets.workout import workout_block

if TYPE_CHECKING:
    from legrun.tui.application import LegrunApp

_FORM_KIND = {"leg_day": "leg", "cross_training": "cross", **dict.fromkeys(RUN_PLAN_KINDS, "run")}


class DayScreen(Screen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="day.back"),
        Binding("d", "mark_done", "Done/edit", id="day.done"),
        Binding("s", "skip", "Skip", id="day.skip"),
        Binding("m", "move", "Move", id="day.move"),
        Binding("x", "delete", "Delete", id="day.delete"),
        Binding("a", "add", "Add", show=False, id="day.add"),
        Binding(
            "exclamation_mark",
            "notes",
            "Warnings",
            key_display="!",
            id="day.notes",
            tooltip="The week's warnings and suggestions in full",
        ),
        # Priority: the focused lists would otherwise claim left and right (to scroll sideways).
        Binding(
            "left,h", "other_day(-1)", "Previous day", show=False, priority=True, id="day.left"
        ),
        Binding("right,l", "other_day(1)", "Next day", show=False, priority=True, id="day.right"),
    ]

    def __init__(self, day: date, cursor: int = 0) -> None:
        super().__init__()
        self.day = day
        self.start_cursor = cursor
        self.plan: WeekPlan | None = None
        self.day_plan: DayPlan | None = None

    @property
    def legrun(self) -> LegrunApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        with Vertical(id="day-body"):
            yield Static(id="day-title", markup=False)
            yield OptionList(id="day-sessions", compact=True)
            yield HangingText(id="day-workout")
            yield HangingText(id="day-why", more="… (more than fits: a taller terminal shows it)")
            yield Static("Checklist (space ticks)", classes="section-title")
            yield Checklist(id="day-checklist")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.legrun.plan_listeners.append(self.refresh_day)
        self.refresh_day()
        sessions = self.query_one("#day-sessions", OptionList)
        if self.day_plan and self.day_plan.sessions:
            sessions.highlighted = min(self.start_cursor, len(self.day_plan.sessions) - 1)
        sessions.focus()

    def on_unmount(self) -> None:
        if self.refresh_day in self.legrun.plan_listeners:
            self.legrun.plan_listeners.remove(self.refresh_day)

    # -- updating in place --------------------------------------------------------------------

    def refresh_day(self) -> None:
        self.plan = self.legrun.plan_for(self.day)
        self.day_plan = self.plan.day(self.day)
        assert self.day_plan is not None
        today = self.legrun.today
        suffix = " · today" if self.day == today else ""
        if any(item.kind == "race" for item in self.day_plan.sessions):
            suffix += " · race day"
        self.query_one("#day-title", Static).update(f"{self.day:%A %d %B %Y}{suffix}")
        sessions = self.query_one("#day-sessions", OptionList)
        keep = sessions.highlighted
        sessions.clear_options()
        sessions.add_options(
            [
                Option(Content(item_summary(item, self.plan.units)))
                for item in self.day_plan.sessions
            ]
            or [Option("nothing here: a to add", disabled=True)]
        )
        if self.day_plan.sessions:
            sessions.highlighted = min(keep or 0, len(self.day_plan.sessions) - 1)
        self.query_one("#day-checklist", Checklist).show(self.day_plan.checklist)
        self._show_why()

    def _highlighted_item(self) -> PlanItem | None:
        if self.day_plan is None or not self.day_plan.sessions:
            return None
        index = self.query_one("#day-sessions", OptionList).highlighted
        if index is None:
            return None
        return self.day_plan.sessions[min(index, len(self.day_plan.sessions) - 1)]

    def _show_why(self) -> None:
        item = self._highlighted_item()
        workout = self.query_one("#day-workout", HangingText)
        why = self.query_one("#day-why", HangingText)
        if item is not None and item.workout is not None:
            assert self.plan is not None
            workout.show(workout_block(item.workout, self.plan.units), layout=True)
        else:
            workout.show([], layout=True)
        workout.display = item is not None and item.workout is not None
        if item is None:
            why.show([], layout=True)
            return
        lines = [Line(f"{w.rule}: {w.text}") for w in item.why]
        if item.status == "done" and item.session is not None and item.session.notes:
            lines.append(Line(f"Notes: {item.session.notes}"))
        exercises = getattr(item.session, "exercises", ())
        if exercises:
            lines.append(Line("Exercises: " + "; ".join(e.describe() for e in exercises)))
        if not lines:
            lines.append(Line("Logged by you."))
        why.show(lines, layout=True)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_why()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "day-sessions":
            self.action_mark_done()

    def on_checklist_toggled(self, event: Checklist.Toggled) -> None:
        try:
            self.legrun.repository.set_tick(self.day, event.item_id, event.done)
        except StorageError as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.legrun.forget_plans()  # the ticks are part of the plan the screens are given

    # -- actions ------------------------------------------------------------------------------

    def action_other_day(self, step: int) -> None:
        if not self.legrun.within_plan(self.day + timedelta(days=step)):
            return
        self.day += timedelta(days=step)
        self.refresh_day()

    def action_add(self) -> None:
        from legrun.tui.screens.add import start_add

        start_add(self.legrun, self.day)

    def action_notes(self) -> None:
        from legrun.tui.screens.week_notes import WeekNotesScreen

        if self.plan is not None:
            self.app.push_screen(WeekNotesScreen(self.plan))

    def action_mark_done(self) -> None:
        from legrun.tui.screens.add import open_form

        item = self._highlighted_item()
        if item is None or item.kind in ("rest", "mobility"):
            if item is not None and item.kind == "mobility":
                self.notify("Mobility is not logged as a session: tick it in the checklist.")
            return
        kind = _FORM_KIND[item.kind]
        if item.status == "done":
            open_form(self.legrun, kind, self.day, session=item.session)
        else:
            open_form(self.legrun, kind, self.day, item=item)

    def _pin(self, pin: Pin, description: str) -> None:
        repo = self.legrun.repository
        try:
            pin_id = repo.add_pin(pin)
        except StorageError as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.legrun.push_undo(description, lambda: repo.delete_pin(pin_id))
        self.legrun.data_changed()
        self.notify(description.capitalize(), timeout=3)

    def _own_pin(self, item: PlanItem) -> Pin | None:
        """The user's pin that placed or skipped this item, if any."""
        for pin in self.legrun.repository.pins(self.day, self.day):
            placed_here = (pin.action in ("add", "skip") and pin.date == self.day) or (
                pin.action == "move" and pin.to_date == self.day
            )
            if placed_here and pin.kind == item.kind:
                return pin
        return None

    def action_skip(self) -> None:
        item = self._highlighted_item()
        if item is None or item.kind == "rest":
            return
        if item.status == "done":
            self.notify("This was logged as done; delete it with x instead.")
            return
        if item.status == "skipped":
            pin = self._own_pin(item)
            if pin is not None and pin.id is not None and pin.action == "skip":
                self._delete_pin(pin, f"unskip {item.label.lower()}")
            return
        self._pin(
            Pin(date=self.day, kind=item.kind, action="skip"),
            f"skipped {item.label.lower()} on {self.day:%a %d %b}",
        )

    def action_move(self) -> None:
        from legrun.tui.screens.move import MoveScreen

        item = self._highlighted_item()
        if item is None or item.kind == "rest" or self.plan is None:
            return

        def chosen(target: date | None) -> None:
            if target is None or target == self.day:
                return
            if item.status == "done" and item.session is not None:
                repo = self.legrun.repository
                original = item.session
                try:
                    repo.replace_session(replace(original, date=target))
                except StorageError as exc:
                    self.notify(f"Not saved: {exc}", severity="error")
                    return
                self.legrun.push_undo(
                    f"move of {item.label.lower()}", lambda: repo.replace_session(original)
                )
                self.legrun.data_changed()
                return
            self._pin(
                Pin(
                    date=self.day,
                    kind=item.kind,
                    action="move",
                    to_date=target,
                    minutes=item.minutes,
                    km=item.km,
                ),
                f"moved {item.label.lower()} to {target:%a %d %b}",
            )

        self.app.push_screen(MoveScreen(item.label.lower(), self.day, self.plan.week_start), chosen)

    def action_delete(self) -> None:
        item = self._highlighted_item()
        if item is None or item.kind == "rest":
            return
        repo = self.legrun.repository
        if item.status == "done" and item.id is not None:
            from legrun.tui.screens.add import delete_logged

            delete_logged(self.legrun, item.id, item.label.lower())
            return
        pin = self._own_pin(item)
        if pin is not None and pin.id is not None and pin.action == "add":
            self._delete_pin(pin, f"removed {item.label.lower()}")
            return
        if pin is not None and pin.id is not None and pin.action == "move":
            # A moved item is gone from both days: the move becomes a removal at its origin and
            # here (a removal at the origin alone lets the planner put the item back here).
            moved = pin
            try:
                removals = repo.change_pins(
                    remove=[moved.id],  # type: ignore[list-item]
                    add=[
                        Pin(date=where, kind=moved.kind, action="remove")
                        for where in (moved.date, self.day)
                    ],
                )
            except StorageError as exc:
                self.notify(f"Not saved: {exc}", severity="error")
                return

            def undo() -> None:
                repo.change_pins(remove=removals, add=[moved])

            self.legrun.push_undo(f"removal of {item.label.lower()}", undo)
            self.legrun.data_changed()
            self.notify(f"Removed {item.label.lower()} (u undoes)", timeout=3)
            return
        self._pin(
            Pin(date=self.day, kind=item.kind, action="remove"),
            f"removed {item.label.lower()} from {self.day:%a %d %b}",
        )

    def _delete_pin(self, pin: Pin, description: str) -> None:
        repo = self.legrun.repository
        assert pin.id is not None
        try:
            repo.delete_pin(pin.id)
        except StorageError as exc:
            self.notify(f"Not saved: {exc}", severity="error")
            return
        self.legrun.push_undo(description, lambda: repo.add_pin(pin))
        self.legrun.data_changed()
        self.notify(f"{description.capitalize()} (u undoes)", timeout=3)
