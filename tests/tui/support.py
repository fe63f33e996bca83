"""Readers of the plan and the screens that the TUI tests share."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input, OptionList

from legrun.planner.plan import RUN_PLAN_KINDS, DayPlan, PlanItem, WeekPlan
from legrun.storage import Repository
from legrun.storage.plans import load_week_plan
from legrun.tui.application import LegrunApp
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.move import MoveScreen
from tests.conftest import TODAY

MONDAY = TODAY - timedelta(days=TODAY.weekday())  # 2026-11-23, the start of TODAY's week
SIZE = (80, 24)


def day(offset: int) -> date:
    """A day of TODAY's week: 0 is Monday 23 Nov, 1 is Tuesday 24 Nov (today)."""
    return MONDAY + timedelta(days=offset)


def week_plan(repo: Repository, when: date = TODAY) -> WeekPlan:
    """The plan as the app would compute it, straight from the database."""
    return load_week_plan(repo, when, TODAY)


def day_plan(repo: Repository, when: date) -> DayPlan:
    found = week_plan(repo, when).day(when)
    assert found is not None
    return found


def kinds(repo: Repository, when: date) -> list[str]:
    return [item.kind for item in day_plan(repo, when).sessions]


def runs(repo: Repository, when: date) -> list[PlanItem]:
    return [i for i in day_plan(repo, when).sessions if i.kind in RUN_PLAN_KINDS]


def no_blink(app: LegrunApp) -> None:
    """Stop every text cursor blinking (a blink makes two screenshots of one state differ)."""
    for screen in app.screen_stack:
        for field in screen.query(Input):
            field.cursor_blink = False


async def paste(pilot: Pilot, text: str) -> None:
    """Paste `text` into the focused field, as a terminal's bracketed paste delivers it (one
    event instead of a key press per character keeps the suite fast)."""
    focused = pilot.app.focused
    assert focused is not None, "nothing has focus to paste into"
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def settle(pilot: Pilot[object]) -> None:
    """Let the app's workers (reads off the UI thread) finish and their messages be handled."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def open_today(pilot: Pilot[object], kind: str | None = None) -> DayScreen:
    """Enter today's detail from the week and highlight its first item of `kind`."""
    await pilot.press("enter")
    screen = pilot.app.screen
    assert isinstance(screen, DayScreen), screen
    if kind is not None:
        assert screen.day_plan is not None
        index = [i.kind for i in screen.day_plan.sessions].index(kind)
        screen.query_one("#day-sessions", OptionList).highlighted = index
        await pilot.pause()
    return screen


async def choose_day(pilot: Pilot[object], target: date) -> None:
    """In the move chooser, walk down to `target` by keyboard and choose it."""
    assert isinstance(pilot.app.screen, MoveScreen)
    days = pilot.app.screen.query_one("#days", OptionList)
    for _ in range(8):
        highlighted = days.highlighted
        if highlighted is not None and days.get_option_at_index(highlighted).id == str(target):
            break
        await pilot.press("down")
    await pilot.press("enter")


def drawn(widget: Widget) -> str:
    """What a widget draws on the screen now, as text (cut where the screen cuts it)."""
    lines = widget.render_lines(widget.region.reset_offset)
    return "\n".join("".join(segment.text for segment in line) for line in lines)
