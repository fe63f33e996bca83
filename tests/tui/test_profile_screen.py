"""The profile (key 4): every field editable by keyboard, ctrl+s saves, the heart-rate zones
follow the fields as they are typed, and the week re-plans from the saved profile."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from legrun.planner.models import Profile
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.profile import ProfileScreen
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE, day, kinds, paste


def zones(app: LegrunApp) -> str:
    return str(app.screen.query_one("#profile-zones", Static).content)


def zone_row(app: LegrunApp, label: str) -> str:
    return next(line for line in zones(app).splitlines() if line.strip().startswith(label))


def profile_error(app: LegrunApp) -> str:
    error = app.screen.query_one("#profile-error", Static)
    return str(error.content) if error.has_class("-visible") else ""


async def replace_field(app: LegrunApp, pilot: Pilot, name: str, text: str) -> None:
    target = app.screen.query_one(f"#p-{name}", Input)
    target.focus()
    target.value = ""
    await pilot.pause()
    await paste(pilot, text)


async def test_4_opens_the_profile_ready_to_type_and_escape_goes_back(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert isinstance(app.screen, ProfileScreen)
        assert app.focused is app.screen.query_one("#p-age", Input)
        assert app.screen.query_one("#p-age", Input).value == "35"
        # The defaults' max HR: Tanaka, 208 - 0.7 x 35 = 183.5 -> 184.
        assert "Max HR 184 bpm" in zones(app)
        await pilot.press("escape", "escape")  # out of the field, then back
        assert isinstance(app.screen, WeekScreen)


async def test_1_goes_back_to_the_week_from_the_profile(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        app.set_focus(None)  # keys go to the screen, not into a field
        await pilot.press("1")
        assert isinstance(app.screen, WeekScreen)


async def test_editing_age_updates_the_zones_and_ctrl_s_saves_and_replans(
    repo: Repository,
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "backspace", "backspace", "4", "0")
        # As typed, before saving: 208 - 0.7 x 40 = 180; recovery runs at 60-70 % of it.
        assert "Max HR 180 bpm" in zones(app)
        assert "108-126 bpm" in zone_row(app, "Recovery run")
        assert repo.profile().is_default  # nothing stored yet

        await pilot.press("ctrl+s")
        saved = repo.profile()
        assert saved.age == 40 and not saved.is_default
        assert saved.effective_max_hr == 180

        await pilot.press("escape", "escape")  # out of the field, then back
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.plan is not None and app.screen.plan.max_hr == 180


async def test_a_measured_max_hr_and_resting_hr_show_in_the_zones(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, "max_hr", "190")
        await replace_field(app, pilot, "resting_hr", "50")
        assert "Max HR 190 bpm (measured)" in zones(app)
        row = zone_row(app, "Recovery run")
        assert "114-133 bpm" in row  # 60-70 % of 190
        # Karvonen: (190 - 50) x 60 % + 50 = 134, x 70 % + 50 = 148.
        assert "Karvonen 134-148" in row
        await pilot.press("ctrl+s")
    saved = repo.profile()
    assert (saved.max_hr, saved.resting_hr) == (190, 50)


async def test_leg_days_saved_in_the_profile_appear_in_the_week(repo: Repository) -> None:
    thursday = day(3)
    assert "leg_day" not in kinds(repo, thursday)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, "leg_days", "mon,thu")
        await pilot.press("ctrl+s")
        assert repo.profile().leg_days_rule is not None
        assert "leg_day" in kinds(repo, thursday)
        await pilot.press("escape", "escape")  # out of the field, then back
        week = app.screen
        assert isinstance(week, WeekScreen) and week.plan is not None
        thursday_plan = week.plan.day(thursday)
        assert thursday_plan is not None
        assert "leg_day" in [i.kind for i in thursday_plan.sessions]


async def test_invalid_profile_input_is_shown_inline_and_not_saved(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, "age", "abc")
        assert "age" in profile_error(app)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfileScreen)
        assert repo.profile().is_default

        await replace_field(app, pilot, "age", "40")
        await replace_field(app, pilot, "runs_per_week", "9")
        await pilot.press("ctrl+s")
        assert "runs per week" in profile_error(app)
        assert repo.profile().is_default


async def test_u_undoes_a_profile_change(repo: Repository) -> None:
    repo.save_profile(Profile(age=30))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, "age", "50")
        await pilot.press("ctrl+s")
        assert repo.profile().age == 50
        await pilot.press("escape", "u")
        assert repo.profile().age == 30


async def test_escape_with_unsaved_edits_warns_once_then_discards(app: LegrunApp) -> None:
    from textual.widgets import Input

    from legrun.tui.screens.profile import ProfileScreen

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        field = app.screen.query_one("#p-age", Input)
        field.value = "52"
        await pilot.press("escape")  # out of the field: still on the profile
        assert isinstance(app.screen, ProfileScreen) and app.focused is None
        await pilot.press("escape")
        assert isinstance(app.screen, ProfileScreen)  # warned, still here
        assert app.repository.profile().age == 35
        await pilot.press("escape")
        assert not isinstance(app.screen, ProfileScreen)
        assert app.repository.profile().age == 35 and app.repository.profile().is_default


async def test_undo_of_the_first_save_returns_to_the_defaults(app: LegrunApp) -> None:
    from textual.widgets import Input

    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        app.screen.query_one("#p-age", Input).value = "52"
        await pilot.press("ctrl+s")
        assert app.repository.profile().age == 52
        await pilot.press("escape", "u")  # saved: one escape leaves; u there undoes
        assert app.repository.profile().is_default


# -- same-day hard days, days with no training, a weekly target in minutes ---------------------


def field_value(app: LegrunApp, name: str) -> str:
    return app.screen.query_one(f"#p-{name}", Input).value


def settings_row(app: LegrunApp) -> str:
    return zone_row(app, "Weekly target")


async def test_the_three_settings_show_what_is_stored(repo: Repository) -> None:
    repo.save_profile(Profile(same_day_hard=True, unavailable=(5, 1), weekly_minutes=210))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert field_value(app, "weekly_minutes") == "210"
        assert field_value(app, "unavailable") == "tue,sat"
        assert field_value(app, "same_day_hard") == "on"
        assert "Weekly target 210 min" in settings_row(app)
        assert "same-day hard on" in settings_row(app)


async def test_the_defaults_show_km_every_day_available_and_same_day_hard_off(
    app: LegrunApp,
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert field_value(app, "weekly_minutes") == ""
        assert field_value(app, "unavailable") == "none"
        assert field_value(app, "same_day_hard") == "off"
        assert "Weekly target 20 km" in settings_row(app)
        assert "same-day hard off" in settings_row(app)


async def test_the_three_settings_are_set_by_keyboard_alone_and_saved(repo: Repository) -> None:
    """1.5-5 s: two dozen keys, each through the whole form and its settings line."""
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        # From age: max HR, resting HR, runs a week, weekly km, weekly minutes.
        await pilot.press(*["tab"] * 5)
        assert app.focused is app.screen.query_one("#p-weekly_minutes", Input)
        await pilot.press("1", "9", "5")
        assert "Weekly target 195 min" in settings_row(app)
        # On to long-run day, week starts, units, cross-training, leg days, unavailable.
        await pilot.press(*["tab"] * 6)
        assert app.focused is app.screen.query_one("#p-unavailable", Input)
        await pilot.press(*"sun,wed,sun")  # the focused field's text is replaced
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#p-same_day_hard", Input)
        await pilot.press("o", "n")
        assert "same-day hard on" in settings_row(app)
        assert repo.profile().is_default  # nothing stored before saving
        await pilot.press("ctrl+s")
        assert profile_error(app) == ""
    saved = repo.profile()
    assert (saved.weekly_minutes, saved.unavailable, saved.same_day_hard) == (195, (2, 6), True)
    assert not saved.is_default


async def test_every_field_and_the_settings_line_fit_80x24(app: LegrunApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("4")
        screen = app.screen
        inputs = list(screen.query(Input))
        assert [i.id for i in inputs][-6:] == [
            "p-leg_days",
            "p-unavailable",
            "p-same_day_hard",
            "p-goal_date",
            "p-goal_distance",
            "p-goal_name",
        ]
        for field in inputs:
            assert field.region.height == 1 and field.region.bottom <= 23, field.id
        zones_box = screen.query_one("#profile-zones", Static)
        # The zones and the settings line end above the footer, with nothing scrolled.
        assert zones_box.region.bottom <= 23
        assert settings_row(app).startswith("Weekly target")


@pytest.mark.parametrize(
    "name, text, words",
    [
        ("unavailable", "mon,tue,wed,thu,fri,sat,sun", ["not every day", "at most 5"]),
        ("unavailable", "mon,tue,wed,thu,fri,sat", ["leave 1 day", "at least 2", "at most 5"]),
        ("unavailable", "sat,funday", ["'funday'", "mon, tue"]),
        ("weekly_minutes", "20", ["weekly minutes must be from 30 to 2400, not 20"]),
        ("weekly_minutes", "20", ["from 30 to 2400", "20"]),  # letters are not typed at all
        ("same_day_hard", "maybe", ["same-day hard days must be on or off, not 'maybe'"]),
    ],
)
async def test_a_bad_setting_is_shown_inline_as_the_cli_says_it_and_not_saved(
    repo: Repository, name: str, text: str, words: list[str]
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, name, text)
        shown = profile_error(app)
        for word in words:
            assert word in shown, (word, shown)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, ProfileScreen)
    assert repo.profile().is_default


async def test_emptying_weekly_minutes_plans_by_km_again(repo: Repository) -> None:
    repo.save_profile(Profile(weekly_km=33.0, weekly_minutes=240, unavailable=(4,)))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await replace_field(app, pilot, "weekly_minutes", "")
        assert "Weekly target 33 km" in settings_row(app)
        await replace_field(app, pilot, "unavailable", "none")
        await pilot.press("ctrl+s")
    saved = repo.profile()
    assert (saved.weekly_minutes, saved.weekly_km, saved.unavailable) == (None, 33.0, ())


async def test_number_fields_take_numbers_only_and_escape_frees_the_apps_keys(
    repo: Repository,
) -> None:
    from textual.widgets import Input

    from legrun.tui.screens.week import WeekScreen

    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        age = app.screen.query_one("#p-age", Input)
        assert app.focused is age
        await pilot.press("end", "?", "x", "1")  # in the field: keys type into it, numbers only
        assert age.value == "351"
        assert isinstance(app.screen, ProfileScreen)  # ? and 1 did not leave
        leg_days = app.screen.query_one("#p-leg_days", Input)
        leg_days.focus()
        await pilot.press("end", "1")
        assert leg_days.value.endswith("1")  # a text field takes what is typed
        await pilot.press("escape")  # out of the field: 1 is the week's key again
        assert app.focused is None
        await pilot.press("escape", "escape")  # unsaved edits: warned, then left
        assert isinstance(app.screen, WeekScreen)


async def test_the_cross_training_line_says_what_is_chosen_and_what_else_there_is(
    repo: Repository,
) -> None:
    repo.save_profile(Profile(cross=("bike", "swim")))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        zones = str(app.screen.query_one("#profile-zones").render())
        assert "Cross-training: bike, swim (also: yoga, walk)" in zones
