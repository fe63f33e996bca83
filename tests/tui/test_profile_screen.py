"""The profile (key 4): every field editable by keyboard, ctrl+s saves, the heart-rate zones
follow the fields as they are typed, and the week re-plans from the saved profile."""

from __future__ import annotations

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
        await pilot.press("escape")
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

        await pilot.press("escape")
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
        await pilot.press("escape")
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
