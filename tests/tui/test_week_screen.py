"""The week screen (key 1, the start screen): weeks with [ ] t, days with arrows and h j k l,
enter to open a day, and the columns updated in place rather than rebuilt."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Static

from legrun.planner.models import LegDay
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.week import WeekScreen
from legrun.tui.widgets.day_column import DayColumn
from legrun.tui.widgets.hanging_text import HangingText
from tests.conftest import TODAY
from tests.tui.support import SIZE, day, day_plan


def title(app: LegrunApp) -> str:
    return str(app.screen.query_one("#week-title", Static).content)


def detail(app: LegrunApp) -> str:
    return str(app.screen.query_one("#week-detail", HangingText).content)


def columns(app: LegrunApp) -> list[DayColumn]:
    return list(app.screen.query(DayColumn))


def selected_columns(app: LegrunApp) -> list[int]:
    return [i for i, c in enumerate(columns(app)) if c.has_class("-selected")]


def column_text(column: DayColumn) -> str:
    return column.render().plain


def week_screen(app: LegrunApp) -> WeekScreen:
    assert isinstance(app.screen, WeekScreen), app.screen
    return app.screen


async def test_opens_on_this_week_with_today_selected(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE):
        screen = week_screen(app)
        assert "23 Nov - 29 Nov 2026" in title(app)
        assert "this week" in title(app)
        assert screen.selected_date == date(2026, 11, 24)
        assert selected_columns(app) == [1]
        assert [c.day.date for c in columns(app) if c.day] == [day(i) for i in range(7)]
        assert column_text(columns(app)[1]).startswith("Tue 24")


async def test_right_bracket_shows_the_next_week(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket")
        screen = week_screen(app)
        assert screen.plan is not None and screen.plan.week_start == date(2026, 11, 30)
        assert "30 Nov - 06 Dec 2026" in title(app)
        assert "in 1 week" in title(app)
        assert columns(app)[0].day.date == date(2026, 11, 30)
        # The same weekday stays selected: Tuesday of the next week.
        assert screen.selected_date == date(2026, 12, 1)
        await pilot.press("right_square_bracket")
        assert "07 Dec - 13 Dec 2026" in title(app) and "in 2 weeks" in title(app)


async def test_left_bracket_shows_the_previous_week(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left_square_bracket")
        screen = week_screen(app)
        assert screen.plan is not None and screen.plan.week_start == date(2026, 11, 16)
        assert "16 Nov - 22 Nov 2026" in title(app)
        assert "1 week ago" in title(app)
        assert screen.selected_date == date(2026, 11, 17)


async def test_t_comes_back_to_this_week_and_today(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket", "l", "l", "t")
        screen = week_screen(app)
        assert screen.plan is not None and screen.plan.week_start == date(2026, 11, 23)
        assert screen.selected_date == TODAY
        assert selected_columns(app) == [1]
        assert "this week" in title(app)


async def test_l_and_right_select_the_next_day_h_and_left_the_previous(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = week_screen(app)
        await pilot.press("l")
        assert screen.selected_date == date(2026, 11, 25)
        assert selected_columns(app) == [2]
        await pilot.press("right")
        assert screen.selected_date == date(2026, 11, 26)
        assert selected_columns(app) == [3]
        assert detail(app).startswith("Thu 26 Nov")
        await pilot.press("h")
        assert screen.selected_date == date(2026, 11, 25)
        await pilot.press("left")
        assert screen.selected_date == date(2026, 11, 24)
        assert selected_columns(app) == [1]


async def test_moving_left_from_monday_enters_the_previous_week(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = week_screen(app)
        await pilot.press("h")  # Monday 23
        assert screen.selected_date == date(2026, 11, 23)
        await pilot.press("left")
        assert screen.selected_date == date(2026, 11, 22)  # Sunday of the week before
        assert screen.plan is not None and screen.plan.week_start == date(2026, 11, 16)
        assert selected_columns(app) == [6]
        assert "16 Nov - 22 Nov 2026" in title(app)


async def test_moving_right_from_sunday_enters_the_next_week(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = week_screen(app)
        await pilot.press(*"lllll")  # Tuesday -> Sunday 29
        assert screen.selected_date == date(2026, 11, 29)
        await pilot.press("l")
        assert screen.selected_date == date(2026, 11, 30)
        assert screen.plan is not None and screen.plan.week_start == date(2026, 11, 30)
        assert selected_columns(app) == [0]
        await pilot.press("left")  # and back across the edge
        assert screen.selected_date == date(2026, 11, 29)
        assert "23 Nov - 29 Nov 2026" in title(app)


async def test_j_and_k_move_the_cursor_through_the_days_sessions(repo: Repository) -> None:
    repo.add_session(LegDay(date=TODAY, minutes=60, rpe=8))
    items = day_plan(repo, TODAY).sessions
    # A leg day brings its after-care (R-MOBILITY): at least two items today.
    assert len(items) >= 2
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        screen = week_screen(app)
        today_column = columns(app)[1]
        assert screen.cursor == 0 and today_column.cursor == 0
        assert items[0].label.lower() in detail(app)
        await pilot.press("j")
        assert screen.cursor == 1 and today_column.cursor == 1
        assert items[1].label.lower() in detail(app).splitlines()[0]
        assert all(c.cursor == -1 for c in columns(app) if c is not today_column)
        for _ in range(len(items) - 1):
            await pilot.press("down")
        assert screen.cursor == 0  # past the last session it wraps to the first
        await pilot.press("k")
        assert screen.cursor == len(items) - 1
        await pilot.press("up")
        assert screen.cursor == len(items) - 2


async def test_moving_to_another_day_resets_the_cursor(repo: Repository) -> None:
    repo.add_session(LegDay(date=TODAY, minutes=60, rpe=8))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "l")
        screen = week_screen(app)
        assert screen.cursor == 0
        assert columns(app)[1].cursor == -1 and columns(app)[2].cursor == 0


async def test_enter_opens_the_selected_day(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "l", "enter")
        assert isinstance(app.screen, DayScreen)
        assert app.screen.day == date(2026, 11, 26)
        day_title = str(app.screen.query_one("#day-title", Static).content)
        assert day_title.startswith("Thursday 26 November 2026")


async def test_enter_on_another_week_opens_that_weeks_day(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "enter")
        assert isinstance(app.screen, DayScreen)
        assert app.screen.day == date(2026, 12, 1)


async def test_next_week_updates_the_same_day_columns_in_place(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        before = columns(app)
        grid_before = list(app.screen.query_one("#week-grid").children)
        await pilot.press("right_square_bracket")
        after = columns(app)
        assert len(after) == 7
        assert all(a is b for a, b in zip(before, after, strict=True))
        assert list(app.screen.query_one("#week-grid").children) == grid_before
        next_monday = date(2026, 11, 30)
        assert [c.day.date for c in after if c.day] == [
            next_monday + timedelta(days=i) for i in range(7)
        ]


async def test_the_theme_choice_is_remembered(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme != "nord"
        app.theme = "nord"
        await pilot.pause()
    assert repo.setting("theme") == "nord"
    again = make_app(repo, today=TODAY)
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_undo_with_nothing_to_undo_says_so_and_changes_nothing(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("u")
        await pilot.pause()
        assert [n.message for n in app._notifications] == ["Nothing to undo."]
        assert app.repository.session_count() == 0


async def test_the_selected_date_stays_when_the_week_start_changes(app: LegrunApp) -> None:
    from legrun.planner.models import Profile
    from legrun.tui.screens.week import WeekScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        assert screen.selected_date == TODAY  # Tuesday, the 2nd column of a Monday week
        app.repository.save_profile(Profile(week_start=6))
        app.data_changed()
        assert screen.plan is not None and screen.plan.week_start.weekday() == 6
        assert screen.selected_date == TODAY  # now the 3rd column
        assert screen.selected == 2


async def test_a_miles_runner_reads_miles_on_the_week(trained_repo) -> None:

    from legrun.planner.models import Profile

    trained_repo.save_profile(Profile(runs_per_week=5, weekly_km=40.0, units="mi"))
    app = make_app(trained_repo, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        totals = str(app.screen.query_one("#week-totals", HangingText).render())
        assert " mi " in totals and "km" not in totals
        columns = "".join(str(c.render()) for c in app.screen.query(DayColumn))
        import re

        assert re.search(r"\d(\.\d)?m ", columns), columns  # e.g. "2.7m 26'"
        assert not re.search(r"\d(\.\d)?k(m)? ", columns), columns
