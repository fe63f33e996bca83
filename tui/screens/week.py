"""The week (key 1, the start screen): seven day columns, the selected session with its
workout and reasons, the phase and volume, totals, and the plan's warnings and suggestions."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static

from legrun.planner.plan import WeekPlan
from legrun.planner.units import distance, distance_figure
from legrun.tui.flows import start_add, start_checkin
from legrun.tui.screens.base import LegrunScreen
from legrun.tui.text import item_summary
from legrun.tui.widgets.day_column import DayColumn
from legrun.tui.widgets.goal_countdown import goal_headline
from legrun.tui.widgets.hanging_text import HangingText, Line, cut_line
from legrun.tui.widgets.key_bar import KeyBar
from legrun.tui.widgets.week_summary import coach_line, notes_lines
from legrun.tui.widgets.workout import workout_line


def _week_title(
    plan: WeekPlan, today: date, demo: bool, goal: str | None = None, width: int | None = None
) -> str:
    """`legrun  Week 23 Nov - 29 Nov 2026 · this week`, then the goal race when one is ahead
    (`· Half marathon in 15 weeks`). Too wide for `width`, the app's name gives way first,
    then the goal's words are cut."""
    start, end = plan.days[0].date, plan.days[-1].date
    span = f"{start:%d %b} - {end:%d %b %Y}"
    where = ""
    if start <= today <= end:
        where = " · this week"
    elif end < today:
        weeks = (today - end).days // 7 + 1
        where = f" · {weeks} week{'s' if weeks > 1 else ''} ago"
    else:
        weeks = (start - today).days // 7 + 1
        where = f" · in {weeks} week{'s' if weeks > 1 else ''}"
    week = f"Week {span}{where}"
    tail = "  [demo]" if demo else ""
    title = f"legrun  {week}" + (f" · {goal}" if goal else "") + tail
    if goal is None or width is None or len(title) <= width:
        return title
    title = f"{week} · {goal}{tail}"
    if len(title) <= width:
        return title
    return f"{week} · {cut_line(goal, max(1, width - len(week) - len(tail) - 3))}{tail}"


class WeekScreen(LegrunScreen[None]):
    BINDINGS = [
        Binding(
            "left_square_bracket", "previous_week", "Prev week", key_display="[", id="week.previous"
        ),
        Binding("right_square_bracket", "next_week", "Next week", key_display="]", id="week.next"),
        Binding("t", "this_week", "This week", show=False, id="week.today"),
        Binding("left,h", "move_day(-1)", "Previous day", show=False, id="week.left"),
        Binding("right,l", "move_day(1)", "Next day", show=False, id="week.right"),
        Binding("up,k", "move_session(-1)", "Previous session", show=False, id="week.up"),
        Binding("down,j", "move_session(1)", "Next session", show=False, id="week.down"),
        Binding("enter", "open_day", "Open", id="week.open"),
        Binding("a", "add", "Add", id="week.add"),
        Binding("c", "checkin", "Check-in", id="week.checkin"),
        Binding(
            "exclamation_mark",
            "notes",
            "Warnings",
            key_display="!",
            id="week.notes",
            tooltip="The week's warnings and suggestions in full",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        # A date inside the week shown (not named `anchor`: that is a Widget method).
        self.shown_day: date | None = None
        self.selected = 0
        self.cursor = 0
        self.plan: WeekPlan | None = None
        self.goal_words: str | None = None  # the goal race in the title, read with the plan

    def compose(self) -> ComposeResult:
        yield Static(id="week-title", markup=False)
        with Horizontal(id="week-grid"):
            for i in range(7):
                yield DayColumn(id=f"day-{i}", classes="day-column")
        yield HangingText(id="week-detail", more="… enter opens the day: all of it")
        yield HangingText(id="week-totals", wrap=False)
        yield HangingText(id="week-warnings", wrap=False, more="… more: press ! for all")
        yield KeyBar()

    def on_mount(self) -> None:
        today = self.app.today
        self.shown_day = today
        self.refresh_plan()
        if self.plan is not None:
            self.selected = (today - self.plan.week_start).days
        self.follow_plan(self.refresh_plan)
        self._update_selection()

    # -- updating in place --------------------------------------------------------------------

    def refresh_plan(self, _: object = None) -> None:
        app = self.app
        assert self.shown_day is not None
        selected = self.plan.days[self.selected].date if self.plan is not None else None
        self.plan = plan = app.plan_for(self.shown_day)
        if selected is not None and plan.day(selected) is not None:
            # The same date stays selected when the week's first day changes (profile edit).
            self.selected = (selected - plan.week_start).days
        today = app.today
        for i, column in enumerate(self.query(DayColumn)):
            column.today = today
            column.units = plan.units
            column.day = plan.days[i]
        self.goal_words = goal_headline(app.repository.goal(), today)
        self._show_title()
        t = plan.totals
        runs = (
            f"Runs {distance_figure(t.run_km_done, plan.units)}/{distance(t.run_km, plan.units)}"
            f" · {t.run_minutes_done}/{t.run_minutes} min"
            f" · load {t.load_done}/{t.load} · form {plan.state.form:+.0f}"
        )
        self.query_one("#week-totals", HangingText).show([coach_line(plan), runs])
        warnings = self.query_one("#week-warnings", HangingText)
        warnings.show(notes_lines(plan))
        warnings.set_class(bool(plan.warnings), "-has-warnings")
        self._update_selection()

    def _show_title(self) -> None:
        if self.plan is None:
            return
        app = self.app
        title = _week_title(
            self.plan,
            app.today,
            app.demo,
            self.goal_words,
            width=app.size.width - 2,  # the title's padding
        )
        self._show("#week-title", title)

    def on_resize(self, event: events.Resize) -> None:
        self._show_title()  # a narrower title may need to cut the goal's words

    def _show(self, selector: str, text: str) -> None:
        """Put `text` in a pane under the grid, repainting it only if it changed. The panes
        have fixed heights (legrun.tcss), so no layout pass is needed (a key press then costs
        a repaint of what changed, not a reflow of the screen)."""
        pane = self.query_one(selector, Static)
        if str(pane.content) != text:
            pane.update(text, layout=False)

    def _update_selection(self) -> None:
        if self.plan is None:
            return
        sessions = self.plan.days[self.selected].sessions
        self.cursor = max(0, min(self.cursor, len(sessions) - 1))
        for i, column in enumerate(self.query(DayColumn)):
            column.selected = i == self.selected
            column.cursor = self.cursor if i == self.selected else -1
        self._show_detail()

    def _show_detail(self) -> None:
        """The selected session, its workout and why it is there, under the grid."""
        assert self.plan is not None
        day = self.plan.days[self.selected]
        pane = self.query_one("#week-detail", HangingText)
        if not day.sessions:
            pane.show([f"{day.date:%a %d %b}: nothing logged. a adds a session."])
            return
        item = day.sessions[self.cursor]
        lines = [Line(f"{day.date:%a %d %b}  {item_summary(item, self.plan.units)}")]
        workout = workout_line(item, self.plan.units)
        if workout is not None:
            lines.append(Line(f"  {workout}", style="bold"))
        lines += [Line(f"  {w.rule}: {w.text}") for w in item.why]
        if item.status == "done" and not item.why:
            lines.append(Line("  Logged by you. enter opens the day: checklist, edit, delete."))
        pane.show(lines)

    @property
    def selected_date(self) -> date:
        assert self.plan is not None
        return self.plan.days[self.selected].date

    # -- actions ------------------------------------------------------------------------------

    def _go(self, day: date) -> None:
        if not self.app.within_plan(day):
            return
        self.shown_day = day
        self.refresh_plan()

    def action_previous_week(self) -> None:
        assert self.shown_day is not None
        self._go(self.shown_day - timedelta(days=7))

    def action_next_week(self) -> None:
        assert self.shown_day is not None
        self._go(self.shown_day + timedelta(days=7))

    def action_this_week(self) -> None:
        today: date = self.app.today
        self._go(today)
        assert self.plan is not None
        self.selected = (today - self.plan.week_start).days
        self.cursor = 0
        self._update_selection()

    def action_move_day(self, step: int) -> None:
        target = self.selected + step
        self.cursor = 0
        if 0 <= target < 7:
            self.selected = target
            self._update_selection()
            return
        # Past the edge: carry on into the neighbouring week.
        assert self.shown_day is not None
        self.selected = target % 7
        self._go(self.shown_day + timedelta(days=7 if step > 0 else -7))

    def action_move_session(self, step: int) -> None:
        if self.plan is None:
            return
        count = len(self.plan.days[self.selected].sessions)
        if count:
            self.cursor = (self.cursor + step) % count
            self._update_selection()

    def action_open_day(self) -> None:
        self.app.open_day(self.selected_date, cursor=self.cursor)

    def action_add(self) -> None:
        start_add(self.app, self.selected_date)

    def action_notes(self) -> None:
        from legrun.tui.screens.week_notes import WeekNotesScreen

        if self.plan is not None:
            self.app.push_screen(WeekNotesScreen(self.plan))

    def action_checkin(self) -> None:
        start_checkin(self.app, self.app.today)
