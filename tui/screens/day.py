"""Day detail (enter on a day): each session's workout and why, the day's checklist, and
actions on them."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legrun.planner.kinds import KINDS
from legrun.planner.models import Pin
from legrun.planner.pins import PinEdit, move_targets, moving, removing, skipping
from legrun.planner.plan import DayPlan, PlanItem, WeekPlan
from legrun.storage.changes import ChangePins, MoveSession, Tick
from legrun.tui.flows import delete_logged, open_form, start_add
from legrun.tui.screens.base import LegrunScreen
from legrun.tui.text import item_summary
from legrun.tui.widgets.checklist import Checklist
from legrun.tui.widgets.hanging_text import HangingText, Line
from legrun.tui.widgets.key_bar import KeyBar
from legrun.tui.widgets.workout import workout_block


class DayScreen(LegrunScreen[None]):
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
        # Space ticks wherever the focus is (the sessions list opens focused), and up/down run
        # through the sessions and on into the checklist as one list.
        Binding(
            "space", "tick", "Tick the checklist item", show=False, priority=True, id="day.tick"
        ),
        Binding("down,j", "step(1)", "Next line", show=False, priority=True, id="day.down"),
        Binding("up,k", "step(-1)", "Previous line", show=False, priority=True, id="day.up"),
    ]

    def __init__(self) -> None:
        super().__init__()
        # The app keeps one day screen (`LegrunApp.open_day`), told which day before it shows.
        self.day = date.min
        self.start_cursor = 0
        self.plan: WeekPlan | None = None
        self.day_plan: DayPlan | None = None
        self._filled_width = 0  # the width the lists were last filled at

    def compose(self) -> ComposeResult:
        with Vertical(id="day-body"):
            yield Static(id="day-title", markup=False)
            yield OptionList(id="day-sessions", compact=True)
            yield HangingText(id="day-workout")
            yield HangingText(id="day-why", more="… (more than fits: a taller terminal shows it)")
            yield Static("Checklist (↓ to reach it, space ticks)", classes="section-title")
            yield Checklist(id="day-checklist")
        yield KeyBar()

    def on_mount(self) -> None:
        self.follow_plan(self.refresh_day)
        self._start()

    def show_day(self, day: date, cursor: int = 0) -> None:
        """Show `day`, with its `cursor`-th session selected and the sessions focused: the
        screen is updated in place before it is shown again, so its first frame is right."""
        self.day, self.start_cursor = day, cursor
        if self.is_mounted:
            self._stale = None  # read now, whatever changed while it was hidden
            self._start()

    def _start(self) -> None:
        sessions = self.query_one("#day-sessions", OptionList)
        sessions.highlighted = None
        # The checklist too starts at its first item: space ticks it from the sessions.
        self.query_one("#day-checklist", Checklist).highlighted = None
        self.refresh_day()
        if self.day_plan and self.day_plan.sessions:
            sessions.highlighted = min(self.start_cursor, len(self.day_plan.sessions) - 1)
        sessions.focus()

    def on_resize(self, event: events.Resize) -> None:
        # The lists wrap their long lines to the width they had when filled. This screen is
        # kept while others are shown (and filled again before it is shown), so a terminal
        # resized meanwhile leaves them filled for the old width: fill them again once the
        # new layout is in place.
        self.call_after_refresh(self._refill_if_width_changed)

    def _refill_if_width_changed(self) -> None:
        if self.day_plan is not None and self._list_width() != self._filled_width:
            self.refresh_day()

    def _list_width(self) -> int:
        return self.query_one("#day-checklist", Checklist).content_size.width

    # -- updating in place --------------------------------------------------------------------

    def refresh_day(self, _: object = None) -> None:
        self._filled_width = self._list_width()
        self.plan = self.app.plan_for(self.day)
        self.day_plan = self.plan.day(self.day)
        assert self.day_plan is not None
        today = self.app.today
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
        verb = "tick" if event.done else "untick"
        saved = self.app.change(
            Tick(self.day, event.item_id, event.done),
            f"{verb} of {event.text!r} on {self.day:%a %d %b}",
        )
        if not saved:
            self.refresh_day()  # the list drew the tick already: show what is stored

    # -- actions ------------------------------------------------------------------------------

    def action_tick(self) -> None:
        self.query_one("#day-checklist", Checklist).action_tick()

    def action_step(self, step: int) -> None:
        """Down from the last session goes into the checklist, up from its first item back to
        the sessions: the day reads as one list."""
        sessions = self.query_one("#day-sessions", OptionList)
        checklist = self.query_one("#day-checklist", Checklist)
        if checklist.has_focus:
            if step < 0 and not checklist.highlighted:
                sessions.focus()
            elif step < 0:
                checklist.action_cursor_up()
            else:
                checklist.action_cursor_down()
            return
        last = sessions.option_count - 1
        at_end = sessions.highlighted is None or sessions.highlighted >= last
        if step > 0 and at_end and checklist.option_count:
            checklist.focus()
            checklist.highlighted = 0
        elif step > 0:
            sessions.action_cursor_down()
        else:
            sessions.action_cursor_up()

    def action_other_day(self, step: int) -> None:
        if not self.app.within_plan(self.day + timedelta(days=step)):
            return
        self.day += timedelta(days=step)
        self.refresh_day()

    def action_add(self) -> None:
        start_add(self.app, self.day)

    def action_notes(self) -> None:
        from legrun.tui.screens.week_notes import WeekNotesScreen

        if self.plan is not None:
            self.app.push_screen(WeekNotesScreen(self.plan))

    def action_mark_done(self) -> None:
        item = self._highlighted_item()
        kind = KINDS[item.kind].logged_as if item is not None else None
        if item is None or kind is None:
            if item is not None and item.kind == "mobility":
                self.notify("Mobility is not logged as a session: tick it in the checklist.")
            return
        if item.status == "done":
            open_form(self.app, kind, self.day, session=item.session)
        else:
            open_form(self.app, kind, self.day, item=item)

    def _edit_pins(self, edit: PinEdit, what: str, done: str) -> bool:
        if not (edit.remove or edit.add):
            return False
        return self.app.change(ChangePins(edit.remove, edit.add), what, done)

    def _pins(self) -> list[Pin]:
        """The pins touching this day."""
        return self.app.repository.pins(self.day, self.day)

    def action_skip(self) -> None:
        item = self._highlighted_item()
        if item is None or item.kind == "rest":
            return
        if item.status == "done":
            self.notify("This was logged as done; delete it with x instead.")
            return
        label = item.label.lower()
        skipped = item.status == "skipped"
        what = f"unskip of {label}" if skipped else f"skip of {label} on {self.day:%a %d %b}"
        done = f"Planned {label} again" if skipped else f"Skipped {label} on {self.day:%a %d %b}"
        edit = skipping(self._pins(), self.day, item.kind, skipped, item.minutes, item.km)
        self._edit_pins(edit, what, done)

    def action_move(self) -> None:
        from legrun.tui.screens.move import MoveScreen

        item = self._highlighted_item()
        if item is None or item.kind == "rest" or self.plan is None:
            return
        label = item.label.lower()

        def chosen(target: date | None) -> None:
            if target is None or target == self.day:
                return
            what, done = f"move of {label}", f"Moved {label} to {target:%a %d %b}"
            if item.status == "done" and item.id is not None:
                self.app.change(MoveSession(item.id, target), what, done)
                return
            edit = moving(self._pins(), self.day, item.kind, target, item.minutes, item.km)
            if self._edit_pins(edit, what, done):
                self._say_what_it_breaks(item.kind, target)

        targets = move_targets(
            [(d.date, [(i.kind, i.status) for i in d.sessions]) for d in self.plan.days],
            item.kind,
            done=item.status == "done",
            today=self.app.today,
            unavailable=self.app.repository.profile().unavailable,
        )
        self.app.push_screen(
            MoveScreen(label, self.day, self.plan.week_start, targets.refused, targets.warned),
            chosen,
        )

    def _say_what_it_breaks(self, kind: str, day: date) -> None:
        """After a move: the rules the item breaks on its new day, from the new plan."""
        found = self.app.plan_for(day).day(day)
        moved = [i for i in (found.sessions if found else ()) if i.kind == kind and i.pinned]
        broken = [w for i in moved for w in i.why[1:]]
        if broken:
            self.notify(f"{broken[0].rule}: {broken[0].text}", severity="warning", timeout=8)

    def action_delete(self) -> None:
        item = self._highlighted_item()
        if item is None or item.kind == "rest":
            return
        label = item.label.lower()
        if item.status == "done" and item.id is not None:
            delete_logged(self.app, item.id, label)
            return
        self._edit_pins(
            removing(self._pins(), self.day, item.kind),
            f"removal of {label}",
            f"Removed {label} from {self.day:%a %d %b} (u undoes)",
        )
