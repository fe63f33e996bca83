"""The screens that show what is stored (day, history, trends, season) are built once and
kept: shown again, they are the same screen, updated in place, never a stale one."""

from __future__ import annotations

from msgspec.structs import replace
from textual.widgets import OptionList, Static

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.storage.changes import AddSession, SaveProfile
from legrun.tui.application import make_app
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.history import HistoryScreen
from legrun.tui.screens.profile import ProfileScreen
from legrun.tui.screens.season import SeasonScreen
from legrun.tui.screens.trends import TrendsScreen
from legrun.tui.screens.week import WeekScreen
from legrun.tui.widgets.checklist import Checklist
from legrun.tui.widgets.record_table import RecordTable
from tests.conftest import TODAY
from tests.tui.support import SIZE, day, drawn, settle


async def test_the_day_screen_is_kept_and_shows_the_day_asked_for(demo_repo: Repository) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        first = app.screen
        assert isinstance(first, DayScreen) and first.day == TODAY
        await pilot.press("down")  # into the checklist: the focus leaves the sessions
        await pilot.press("escape")
        await pilot.press("right", "right")  # Thursday
        week = app.screen
        assert isinstance(week, WeekScreen)
        week.cursor = 0
        await pilot.press("enter")
        shown = app.screen
        assert shown is first
        assert shown.day == day(3)
        title = str(shown.query_one("#day-title", Static).render())
        assert title.startswith("Thursday 26 November 2026")
        sessions = shown.query_one("#day-sessions", OptionList)
        assert shown.focused is sessions
        assert sessions.highlighted == (0 if shown.day_plan and shown.day_plan.sessions else None)


async def test_a_kept_history_keeps_its_filter_and_shows_what_was_saved_meanwhile(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "f", "f")  # leg days, then runs
        history = app.screen
        assert isinstance(history, HistoryScreen)
        runs_before = history.total
        await pilot.press("1")
        app.change(AddSession(Run(date=TODAY, km=6.0, minutes=36)), "logging a run")
        await pilot.press("2")
        assert app.screen is history
        assert history.filter.kind == "run"
        assert history.total == runs_before + 1
        assert history.loaded[0].date == TODAY


async def test_a_kept_history_names_its_distance_column_in_the_profiles_units(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        table = app.screen.query_one(RecordTable)
        assert table.labels[3] == "Km"
        await pilot.press("1")
        profile = demo_repo.profile()
        app.change(SaveProfile(replace(profile, units="mi")), "units")
        await pilot.press("2")
        table = app.screen.query_one(RecordTable)
        assert table.labels[3] == "Mi"


async def test_a_theme_chosen_while_a_kept_screen_was_hidden_restyles_it(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        table = app.screen.query_one(RecordTable)
        dark = table.rich_style
        await pilot.press("1")
        app.theme = "textual-light"
        await pilot.press("2")
        await settle(pilot)
        assert table.rich_style != dark


async def test_a_kept_season_is_laid_out_again_for_a_terminal_resized_meanwhile(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        season = app.screen
        assert isinstance(season, SeasonScreen)
        await pilot.press("1")
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        await pilot.press("5")
        assert app.screen is season
        assert season._width == 120


async def test_trends_is_kept_with_its_tab_and_the_profile_form_opens_afresh(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        trends = app.screen
        assert isinstance(trends, TrendsScreen)
        await pilot.press("1", "3")
        assert app.screen is trends
        await pilot.press("1", "4")
        profile = app.screen
        assert isinstance(profile, ProfileScreen)
        await pilot.press("escape", "escape")  # out of the field, then out of the screen
        assert isinstance(app.screen, WeekScreen)
        await pilot.press("4")
        assert isinstance(app.screen, ProfileScreen) and app.screen is not profile


async def test_a_kept_day_starts_its_checklist_at_the_first_item(demo_repo: Repository) -> None:
    # Space ticks the checklist's highlighted item from the sessions list: on another day it
    # must be that day's first item, not the row left highlighted on the day before.
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left", "enter")  # Monday: a leg day, with a checklist
        shown = app.screen
        assert isinstance(shown, DayScreen) and shown.day_plan is not None
        await pilot.press(*["down"] * (len(shown.day_plan.sessions) + 2))
        assert shown.query_one(Checklist).highlighted == 2
        await pilot.press("escape", "right", "right", "enter")
        assert app.screen is shown and shown.day == day(2)
        assert shown.query_one(Checklist).option_count > 2
        assert shown.query_one(Checklist).highlighted == 0


async def test_a_kept_day_is_laid_out_for_a_terminal_resized_while_it_was_hidden(
    demo_repo: Repository,
) -> None:
    async def checklist(keys: tuple[str, ...], resize_first: bool) -> str:
        app = make_app(demo_repo, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            if not resize_first:
                await pilot.press("enter", "escape")  # built (and kept) at 80 columns
            await pilot.resize_terminal(60, 24)
            await settle(pilot)
            await pilot.press(*keys)
            await settle(pilot)
            return drawn(app.screen.query_one(Checklist))

    kept = await checklist(("right", "enter"), resize_first=False)
    fresh = await checklist(("right", "enter"), resize_first=True)
    assert kept == fresh
