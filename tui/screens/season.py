"""The season (key 5): one row a week from this one to the goal race and the recovery week
after it (or the next 12 weeks without a goal), with its phase, running as a bar, long run,
workouts and leg days; enter opens the highlighted week on the week screen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.timer import Timer

from legrun.planner.plan import WeekPlan
from legrun.planner.season import SeasonWeek
from legrun.planner.units import distance
from legrun.storage import StorageError
from legrun.storage.plans import Season, load_season
from legrun.tui.screens.base import LegrunScreen
from legrun.tui.widgets.goal_countdown import goal_headline, goal_summary, no_goal_text
from legrun.tui.widgets.hanging_text import HangingText, Line, cut_line
from legrun.tui.widgets.key_bar import KeyBar
from legrun.tui.widgets.record_table import RecordTable
from legrun.tui.widgets.season_table import (
    BAR,
    EASIER_BAR,
    RACE_BAR,
    SeasonTable,
    phase_name,
)


def legend(units: str, race: bool = False) -> str:
    """What the bar's characters mean (never colour alone)."""
    marks = [f"{BAR} run {units}, scaled to the biggest week", f"{EASIER_BAR} easier week"]
    if race:
        marks.append(f"{RACE_BAR} race")
    return " · ".join([*marks, "Q workouts"])


def season_title(season: Season, today: date, demo: bool = False, width: int | None = None) -> str:
    """`legrun  Season 23 Nov 2026 - 14 Mar 2027 · Half marathon in 14 weeks`. Too wide for
    `width`, the dates give way first (the rows have them), then the app's name."""
    span = ""
    if season.weeks:
        first = season.weeks[0].week_start
        last = season.weeks[-1].week_start + timedelta(days=6)
        span = f" {first:%d %b %Y} - {last:%d %b %Y}"
    count = len(season.weeks)
    about = goal_headline(season.goal, today) or f"the next {count} week{'s' * (count != 1)}"
    tail = "  [demo]" if demo else ""
    candidates = [f"legrun  Season{span} · {about}", f"legrun  Season · {about}", about]
    if width is None:
        return candidates[0] + tail
    for title in candidates:
        if len(title + tail) <= width:
            return title + tail
    return cut_line(about, max(1, width - len(tail))) + tail


def week_lines(week: SeasonWeek, units: str, today: date) -> list[Line]:
    """The highlighted week in words: its dates, phase and volume, then its key sessions."""
    end = week.week_start + timedelta(days=6)
    words = [f"{week.week_start:%d %b} - {end:%d %b %Y}"]
    if week.week_start <= today <= end:
        words.append("this week")
    words.append(f"{phase_name(week.phase)} phase" + (", easier week" if week.easier_week else ""))
    words.append(f"{distance(week.run_km, units)} running")
    key = "; ".join(week.key_sessions) or "no long run or workout"
    return [Line(" · ".join(words), style="bold"), Line(f"Key sessions: {key}")]


def race_km(plans: Sequence[WeekPlan]) -> dict[date, float]:
    """The km of the race in each week that has one (by the week's start)."""
    found: dict[date, float] = {}
    for plan in plans:
        km = sum(
            item.km or 0.0
            for day in plan.days
            for item in day.sessions
            if item.kind == "race" and item.status != "skipped"
        )
        if km:
            found[plan.week_start] = km
    return found


class SeasonScreen(LegrunScreen[None]):
    BINDINGS = [
        Binding("escape", "back", "Back", id="season.back"),
    ]

    # A save while the season is kept behind another screen plans it again off the UI thread
    # this long after the last one: past the frame that shows the save, and once for a burst
    # (a save and its undo). Planning the season on the key that shows it took 50-150 ms.
    PLAN_BEHIND_AFTER = 0.3

    class Planned(Message):
        """The season a worker planned for the `changes`-th change of the plan."""

        def __init__(self, season: Season, units: str, changes: int, today: date) -> None:
            super().__init__()
            self.season = season
            self.units = units
            self.changes = changes
            self.today = today

    def __init__(self) -> None:
        super().__init__()
        self.season: Season | None = None
        self.units = "km"
        self._width = 0  # the width the table was laid out for
        self._changes = 0  # changes of the plan made while hidden
        self._wanted: int | None = None  # the change a season planned behind is wanted for
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield HangingText(id="season-title", wrap=False)
        yield HangingText(id="season-goal")
        yield SeasonTable(id="season-table")
        yield HangingText(id="season-week", more="… enter opens the week: all of it")
        yield HangingText(id="season-legend", wrap=False)
        yield KeyBar(palette=True)

    def on_mount(self) -> None:
        self.follow_plan(self.reload, behind=self._plan_later)
        self.reload()
        self.query_one(SeasonTable).focus()

    # -- loading: on mount and when something was saved, never on a key that only moves ------

    def _plan_later(self) -> None:
        """A change while hidden: plan the season behind, and show it as it comes, so that
        showing the screen again is a switch (shown before that, it is planned on the key)."""
        self._changes += 1
        self._wanted = self._changes
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(self.PLAN_BEHIND_AFTER, self._plan_behind)

    def _plan_behind(self) -> None:
        self._timer = None
        if self._wanted is not None:
            self._plan(self._wanted, self.app.today)

    @work(thread=True, exclusive=True, group="season", exit_on_error=False)
    def _plan(self, changes: int, today: date) -> None:
        try:
            with self.app.repository.reader() as repo:
                season = load_season(repo, today)
                units = repo.profile().units
        except StorageError:
            return  # (planned when shown, then, on the key, which says what is wrong)
        self.post_message(self.Planned(season, units, changes, today))

    def on_season_screen_planned(self, message: Planned) -> None:
        if message.changes == self._wanted and message.today == self.app.today:
            self._wanted, self._stale = None, None
            self._show(message.season, message.units)

    def reload(self, _: object = None) -> None:
        # Read now: a season still being planned behind is too late.
        self._wanted = None
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        app = self.app
        self._show(load_season(app.repository, app.today), app.repository.profile().units)

    def _show(self, season: Season, units: str) -> None:
        self.season = season
        self.units = units
        today = self.app.today
        goal = season.goal
        if goal is not None and goal.date >= today:
            text = goal_summary(goal, today, self.units)
        else:
            text = no_goal_text(goal, len(season.weeks))
        self.query_one("#season-goal", HangingText).show([text], layout=True)
        self._fill()

    def _fill(self) -> None:
        assert self.season is not None
        app = self.app
        self._width = width = app.size.width
        title = season_title(self.season, app.today, app.demo, width - 2)  # less the padding
        self.query_one("#season-title", HangingText).show([title])
        races = race_km(self.season.plans)
        self.query_one(SeasonTable).show(self.season.weeks, self.units, width, races)
        self.query_one("#season-legend", HangingText).show([legend(self.units, bool(races))])
        self._show_week()

    def on_resize(self, event: events.Resize) -> None:
        # The bar and the key sessions column take the width there is.
        if self.season is not None and event.size.width != self._width:
            self._fill()

    def _show_week(self) -> None:
        week = self.query_one(SeasonTable).highlighted
        pane = self.query_one("#season-week", HangingText)
        if week is None:
            pane.show(["No weeks to show."])
            return
        pane.show(week_lines(week, self.units, self.app.today))

    def on_record_table_row_highlighted(self, event: RecordTable.RowHighlighted) -> None:
        self._show_week()

    # -- actions ------------------------------------------------------------------------------

    def on_record_table_row_selected(self, event: RecordTable.RowSelected) -> None:
        event.stop()
        week = self.query_one(SeasonTable).highlighted
        if week is not None:
            self.open_week(week.week_start)

    def open_week(self, week_start: date) -> None:
        """Back to the week screen, showing the week from `week_start` (today selected when
        it is this week, else its first day)."""
        from legrun.tui.screens.week import WeekScreen

        app = self.app
        app.action_show_week()
        week = next(s for s in reversed(app.screen_stack) if isinstance(s, WeekScreen))
        today = app.today
        day = today if week_start <= today < week_start + timedelta(days=7) else week_start
        week.shown_day = day
        week.selected = (day - week_start).days
        week.cursor = 0
        week.refresh_plan()

    def action_back(self) -> None:
        self.app.action_show_week()
