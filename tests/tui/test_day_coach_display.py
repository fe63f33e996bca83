"""The coach's plan on the day screen, at 80x24: each session's workout in full (warm-up, main
set, pace, cool-down), a race day that says so, and `!` for the week's notes. Hand-built plans
(tests/tui/coach_plans.py); the expected rows are written here from those inputs."""

from __future__ import annotations

from msgspec.structs import replace
from textual.widgets import OptionList, Static

from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.week_notes import WeekNotesScreen
from legrun.tui.widgets.hanging_text import HangingText
from legrun.tui.widgets.workout import workout_block
from tests.conftest import TODAY
from tests.tui.coach_plans import TEMPO, coach_week, show_coach_weeks
from tests.tui.support import SIZE


def workout_rows(app: LegrunApp) -> list[str]:
    pane = app.screen.query_one("#day-workout", HangingText)
    if not pane.display:
        return []
    return pane.render().plain.split("\n")


def title(app: LegrunApp) -> str:
    return str(app.screen.query_one("#day-title", Static).content)


def sessions(app: LegrunApp) -> list[str]:
    listed = app.screen.query_one("#day-sessions", OptionList)
    return [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]


async def test_a_tempo_run_shows_warm_up_main_set_pace_and_cool_down(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")  # Wednesday
        assert isinstance(app.screen, DayScreen)
        assert workout_rows(app) == [
            "Workout: Tempo run",
            "  Warm-up    15 min easy",
            "  Main set   3 x 8 min at threshold, 2 min jog",
            "  Pace       5:10-5:20/km",
            "  Cool-down  10 min easy",
        ]
        why = app.screen.query_one("#day-why", HangingText).render().plain
        assert why.startswith("R-QUALITY: Your one quality run this week")


async def test_the_pace_reads_per_mile_for_a_miles_runner(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app, units="mi")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")
        assert "  Pace       8:19-8:35/mi" in workout_rows(app)


async def test_strides_show_their_main_set_only(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"lll", "enter")  # Friday: an easy run with strides
        assert workout_rows(app) == ["Workout: Strides", "  Main set  6 x 20 s strides, walk back"]


async def test_a_race_day_says_so_and_shows_the_race_plan(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"lllll", "enter")  # Sunday 29
        assert title(app) == "Sunday 29 November 2026 · race day"
        assert sessions(app) == ["RC race 10 km 50 min"]
        assert workout_rows(app) == [
            "Race plan",
            "  Warm-up    15 min easy",
            "  Main set   10 km race: even effort, faster in the last 2 km",
            "  Pace       4:55-5:05/km",
            "  Cool-down  10 min easy",
        ]


async def test_a_day_without_a_workout_shows_no_workout_pane(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l", "enter")
        assert workout_rows(app)
        await pilot.press("l")  # Thursday: rest
        assert workout_rows(app) == []
        assert title(app) == "Thursday 26 November 2026"


def test_a_long_main_set_wraps_under_its_own_column() -> None:
    long = replace(
        TEMPO, main="5 x 1 km at 10k effort with 400 m jog recoveries, then 4 x 200 m fast"
    )
    pane = HangingText()
    pane.show(workout_block(long, "km"))
    shown = [text for text, _ in pane.rows(50)]
    assert shown[2] == "  Main set   5 x 1 km at 10k effort with 400 m jog"
    assert shown[3] == "             recoveries, then 4 x 200 m fast"


async def test_bang_on_the_day_shows_the_weeks_notes_and_escape_returns(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    show_coach_weeks(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "exclamation_mark")
        assert isinstance(app.screen, WeekNotesScreen)
        text = " ".join(app.screen.query_one("#notes-text", HangingText).render().plain.split())
        assert "! R-SPIKE" in text and "→ R-SPLIT" in text
        await pilot.press("escape")
        assert isinstance(app.screen, DayScreen)


def test_the_day_plan_used_here_has_a_workout_on_wednesday() -> None:
    # Guards the fixtures: the tests above would pass vacuously on a week without workouts.
    plan = coach_week()
    assert plan.days[2].sessions[0].workout == TEMPO
