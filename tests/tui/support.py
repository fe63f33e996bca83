"""Readers of the plan and the screens that the TUI tests share."""

from __future__ import annotations

from datetime import date, timedelta

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input

from legrun.planner.plan import RUN_PLAN_KINDS, DayPlan, PlanItem, WeekPlan
from legrun.storage import Repository
from legrun.storage.plans import load_week_plan
from legrun.tui.application import LegrunApp
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
