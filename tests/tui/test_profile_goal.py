"""The goal race in the profile (key 4): a date, a distance and a name on one row after the
profile's fields, prefilled from the stored goal, saved with the profile by ctrl+s, refused as
`goal set` refuses it, and cleared by emptying its three fields. TODAY is Tue 2026-11-24."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from legrun.planner.goal import Goal
from legrun.planner.models import Profile
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.profile import ProfileScreen
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE, paste

HALF_KM = 21.0975
FIFTEEN_WEEKS = date(2027, 3, 9)  # a Tuesday, as TODAY is
GOAL_FIELDS = ("p-goal_date", "p-goal_distance", "p-goal_name")


def field(app: LegrunApp, name: str) -> Input:
    return app.screen.query_one(f"#p-{name}", Input)


def goal_values(app: LegrunApp) -> tuple[str, str, str]:
    date_text, distance, name = (
        field(app, n).value for n in ("goal_date", "goal_distance", "goal_name")
    )
    return date_text, distance, name


def profile_error(app: LegrunApp) -> str:
    error = app.screen.query_one("#profile-error", Static)
    return str(error.content) if error.has_class("-visible") else ""


async def replace_field(app: LegrunApp, pilot: Pilot, name: str, text: str) -> None:
    target = field(app, name)
    target.focus()
    target.value = ""
    await pilot.pause()
    if text:
        await paste(pilot, text)


async def fill_goal(app: LegrunApp, pilot: Pilot, when: str, distance: str, name: str) -> None:
    await replace_field(app, pilot, "goal_date", when)
    await replace_field(app, pilot, "goal_distance", distance)
    await replace_field(app, pilot, "goal_name", name)


async def test_a_half_15_weeks_out_typed_by_keyboard_is_saved_and_the_week_shows_it(
    repo: Repository,
) -> None:
    assert TODAY + timedelta(weeks=15) == FIFTEEN_WEEKS
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        # The goal race comes after the profile's 13 fields in the tab order.
        await pilot.press(*["tab"] * 13)
        assert app.focused is field(app, "goal_date")
        await paste(pilot, "2027-03-09")
        await pilot.press("tab")
        assert app.focused is field(app, "goal_distance")
        await pilot.press(*"half")
        await pilot.press("tab")
        assert app.focused is field(app, "goal_name")
        await paste(pilot, "Spring Half")
        assert profile_error(app) == ""
        assert repo.goal() is None  # nothing stored before saving
        await pilot.press("ctrl+s")
        assert profile_error(app) == ""
        assert repo.goal() == Goal(date=FIFTEEN_WEEKS, distance_km=HALF_KM, name="Spring Half")
        assert not repo.profile().is_default  # the profile is saved with it
        # The plans refreshed: the week's title counts down to the new race.
        await pilot.press("escape", "escape")  # out of the field, then back
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.goal_words == "Spring Half in 15 weeks"


async def test_a_goal_without_a_name_and_a_distance_in_km(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, "2027-01-10", "15", "")
        await pilot.press("ctrl+s")
        assert profile_error(app) == ""
    assert repo.goal() == Goal(date=date(2027, 1, 10), distance_km=15.0, name="")


@pytest.mark.parametrize(
    "when, words",
    [
        ("2026-11-20", "the race date 2026-11-20 is in the past"),
        ("2026-12-07", "the race on 2026-12-07 is less than 2 weeks away"),
        ("tomorrow", "the race on 2026-11-25 is less than 2 weeks away"),
        ("12/03/2027", "invalid date '12/03/2027'"),
    ],
)
async def test_a_past_or_too_close_date_is_shown_and_nothing_is_stored(
    repo: Repository, when: str, words: str
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, "age", "41")  # a valid profile change, not saved either
        await fill_goal(app, pilot, when, "half", "")
        assert words in profile_error(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfileScreen)
        assert words in profile_error(app)
    assert repo.goal() is None
    assert repo.profile().is_default


async def test_a_bad_distance_is_the_planners_message(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, "2027-03-09", "ultra", "")
        assert "invalid distance 'ultra': use 5k, 10k, half, marathon" in profile_error(app)
        await pilot.press("ctrl+s")
    assert repo.goal() is None


@pytest.mark.parametrize(
    "when, distance, name, missing",
    [
        ("2027-03-09", "", "", "needs a distance"),
        ("", "marathon", "", "needs a date"),
        ("", "", "Spring Half", "needs a date and a distance"),
    ],
)
async def test_half_a_goal_says_what_is_missing_and_is_not_saved(
    repo: Repository, when: str, distance: str, name: str, missing: str
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, when, distance, name)
        assert missing in profile_error(app)
        await pilot.press("ctrl+s")
        assert missing in profile_error(app)
    assert repo.goal() is None
    assert repo.profile().is_default


async def test_a_profile_error_is_shown_first_and_neither_is_saved(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, "2027-03-09", "half", "")
        await replace_field(app, pilot, "runs_per_week", "9")
        await pilot.press("ctrl+s")
        assert "runs per week" in profile_error(app)
    assert repo.goal() is None
    assert repo.profile().is_default


async def test_the_fields_are_prefilled_from_a_saved_goal(repo: Repository) -> None:
    repo.save_goal(Goal(date=FIFTEEN_WEEKS, distance_km=HALF_KM, name="Spring Half"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert goal_values(app) == ("2027-03-09", "half", "Spring Half")
        assert profile_error(app) == ""


async def test_a_distance_that_is_not_named_is_prefilled_in_km(repo: Repository) -> None:
    repo.save_goal(Goal(date=date(2027, 2, 14), distance_km=15.5))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert goal_values(app) == ("2027-02-14", "15.5", "")


async def test_no_goal_leaves_the_three_fields_empty(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert goal_values(app) == ("", "", "")
        await pilot.press("ctrl+s")
        assert app.repository.goal() is None


async def test_emptying_the_three_fields_clears_the_goal(repo: Repository) -> None:
    repo.save_goal(Goal(date=FIFTEEN_WEEKS, distance_km=HALF_KM, name="Spring Half"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, "", "", "")
        assert profile_error(app) == ""
        await pilot.press("ctrl+s")
        assert repo.goal() is None
        await pilot.press("escape", "escape")  # out of the field, then back
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.goal_words is None


async def test_changing_the_goal_replaces_it_and_u_brings_the_old_one_back(
    repo: Repository,
) -> None:
    old = Goal(date=FIFTEEN_WEEKS, distance_km=HALF_KM, name="Spring Half")
    repo.save_goal(old)
    repo.save_profile(Profile(age=30))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, "2027-04-25", "marathon", "")
        await pilot.press("ctrl+s")
        assert repo.goal() == Goal(date=date(2027, 4, 25), distance_km=42.195)
        await pilot.press("escape", "u")
        assert repo.goal() == old
        assert repo.profile().age == 30


async def test_a_stored_goal_in_race_week_does_not_block_saving_the_profile(
    repo: Repository,
) -> None:
    """The date rule is `goal set`'s, for a new race: the one already stored, now 5 days away,
    stays as it is when only the profile changes."""
    close = Goal(date=TODAY + timedelta(days=5), distance_km=10.0, name="Autumn 10K")
    repo.save_goal(close)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert profile_error(app) == ""
        await replace_field(app, pilot, "age", "44")
        await pilot.press("ctrl+s")
        assert profile_error(app) == ""
    assert repo.profile().age == 44
    assert repo.goal() == close


async def test_an_unsaved_goal_edit_warns_on_escape(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await fill_goal(app, pilot, "2027-03-09", "half", "")
        await pilot.press("escape", "escape")  # out of the field, then warned: still here
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, ProfileScreen)
    assert repo.goal() is None


async def test_the_goal_row_fits_80x24_below_the_profile_and_above_the_zones(
    app: LegrunApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        screen = app.screen
        same_day = field(app, "same_day_hard").region
        inputs = [screen.query_one(f"#{name}", Input) for name in GOAL_FIELDS]
        for box in inputs:
            assert box.region.height == 1 and box.region.y == same_day.y + 1, box.id
            assert box.region.width >= 10 and box.region.right <= 80, box.id
        assert inputs[0].region.right <= inputs[1].region.x
        assert inputs[1].region.right <= inputs[2].region.x
        zones = screen.query_one("#profile-zones", Static).region
        assert zones.y > same_day.y + 1 and zones.bottom <= 23
