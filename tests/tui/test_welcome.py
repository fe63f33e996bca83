"""A new user's first minutes: a new database opens a short welcome form (everything has its
default, everything skippable) instead of a first week planned on someone else's numbers."""

from __future__ import annotations

from textual.widgets import Input

from legrun.planner.models import Profile, Run
from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.screens.week import WeekScreen
from legrun.tui.screens.welcome import WelcomeScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE


def field(app, name: str) -> Input:
    return app.screen.query_one(f"#f-{name}", Input)


async def test_a_new_database_opens_the_welcome_and_saves_what_is_typed(repo: Repository) -> None:
    app = make_app(repo, today=TODAY, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert app.focused is field(app, "age")
        for name, text in (
            ("age", "41"),
            ("runs_per_week", "4"),
            ("weekly_km", "30"),
            ("leg_days", "tue,fri"),
            ("long_run_day", "sat"),
        ):
            field(app, name).value = text
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        week = app.screen
        assert week.plan is not None and week.plan.max_hr == 179  # 208 - 0.7 x 41
    profile = repo.profile()
    assert (profile.age, profile.runs_per_week, profile.weekly_km) == (41, 4, 30.0)
    assert profile.leg_days_rule == "FREQ=WEEKLY;BYDAY=TU,FR" and profile.long_run_day == 5
    assert not profile.is_default


async def test_escape_keeps_the_defaults_and_it_is_not_asked_again(repo: Repository) -> None:
    app = make_app(repo, today=TODAY, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert any("4 opens the profile" in str(n.message) for n in app._notifications)
    assert repo.profile().is_default
    again = make_app(repo, today=TODAY, welcome=True)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, WeekScreen)


async def test_a_bad_number_is_said_in_the_form_and_nothing_is_saved(repo: Repository) -> None:
    app = make_app(repo, today=TODAY, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field(app, "age").value = "7"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "age must be from 10 to 100" in str(app.screen.query_one("#form-error").render())
    assert repo.profile().is_default


async def test_someone_with_history_or_a_profile_is_not_welcomed(repo: Repository) -> None:
    repo.add_session(Run(date=TODAY, minutes=30, km=5.0))
    app = make_app(repo, today=TODAY, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)


async def test_a_saved_profile_is_not_welcomed(repo: Repository) -> None:
    repo.save_profile(Profile(age=50))
    app = make_app(repo, today=TODAY, welcome=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)


async def test_the_week_under_the_opaque_welcome_never_repaints_it(repo: Repository) -> None:
    """The welcome hides the week whole: a change of the week underneath (its first layout
    at start-up) must not draw the welcome again, which cost a second full frame. Under a
    form, which lets the week show through, the week's changes are still drawn."""
    app = make_app(repo, today=TODAY, welcome=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        week = app.screen_stack[0]
        frames: list[object] = []
        display = app._display

        def counting(screen, *args, **kwargs):  # type: ignore[no-untyped-def]
            frames.append(screen)
            return display(screen, *args, **kwargs)

        app._display = counting  # type: ignore[method-assign]
        week.query_one("#week-title").refresh()
        await pilot.pause(0.1)
        assert frames == []
        await pilot.press("escape")  # the defaults kept: the week
        await pilot.press("a", "r")  # a form over it
        await pilot.pause(0.1)
        frames.clear()
        week.query_one("#week-title").refresh()
        await pilot.pause(0.1)
        assert frames != []
