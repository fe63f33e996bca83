"""Moving a session never loses it (the picker refuses past days and days kept free, and says
which rule a day breaks), and the words the app says: days capitalised, the runner's units,
which soreness counts."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import OptionList

from legrun.planner.models import CheckIn, LegDay, Profile, Run
from legrun.storage import Repository
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.flows import save_session, start_checkin
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.move import MoveScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE, day, day_plan

SUNDAY = day(6)  # the long run's day; TODAY is the Tuesday of the same week


def toasts(app: LegrunApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def options(app: LegrunApp) -> list[str]:
    days = app.screen.query_one("#days", OptionList)
    return [str(days.get_option_at_index(i).prompt) for i in range(days.option_count)]


async def open_long_run_and_move(pilot, app: LegrunApp) -> None:
    await pilot.press(*["l"] * (SUNDAY - TODAY).days, "enter")
    screen = app.screen
    assert isinstance(screen, DayScreen) and screen.day == SUNDAY
    kinds = [i.kind for i in screen.day_plan.sessions]  # type: ignore[union-attr]
    screen.query_one("#day-sessions", OptionList).highlighted = kinds.index("long_run")
    await pilot.press("m")
    assert isinstance(app.screen, MoveScreen)


async def test_the_picker_starts_after_now_and_refuses_past_days_with_the_reason(
    repo: Repository,
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_long_run_and_move(pilot, app)
        shown = options(app)
        assert "(now)" in shown[6]
        assert "✗ a day gone by" in shown[0]  # Monday: before today
        days = app.screen.query_one("#days", OptionList)
        assert days.highlighted == 1  # today, Tuesday: the first day it may go
        days.highlighted = 0
        await pilot.press("enter")  # a past day: refused, the picker stays
        assert isinstance(app.screen, MoveScreen)
        assert any(t.startswith("Not Mon 23 Nov: a day gone by") for t in toasts(app))
        await pilot.press("escape")
    # Nothing was stored, and the long run is still on Sunday.
    assert repo.pins() == []
    assert [i.kind for i in day_plan(repo, SUNDAY).sessions].count("long_run") == 1


async def test_a_day_kept_free_is_refused(repo: Repository) -> None:
    repo.save_profile(Profile(unavailable=(4,)))  # Fridays free
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_long_run_and_move(pilot, app)
        assert "✗ a day you keep free" in options(app)[4]


async def test_a_move_onto_a_leg_day_is_allowed_with_the_rule_said(repo: Repository) -> None:
    repo.save_profile(Profile(leg_days_rule="FREQ=WEEKLY;BYDAY=TH"))
    thursday = day(3)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_long_run_and_move(pilot, app)
        assert "! a leg day (R-SAME-DAY" in options(app)[3]
        app.screen.query_one("#days", OptionList).highlighted = 3
        await pilot.press("enter")
        await pilot.pause()
        said = toasts(app)
        assert "Moved long run to Thu 26 Nov" in said  # the day's name capitalised
        assert any(t.startswith("R-SAME-DAY: Thu is a leg day") for t in said), said
    moved = [i for i in day_plan(repo, thursday).sessions if i.kind == "long_run"]
    assert len(moved) == 1
    rules = {w.rule for w in moved[0].why}
    assert "R-SAME-DAY" in rules and "R-SPIKE" not in rules
    assert not [i for i in day_plan(repo, SUNDAY).sessions if i.kind == "long_run"]


async def test_a_logged_session_is_never_moved_into_the_future(repo: Repository) -> None:
    repo.add_session(Run(date=TODAY, minutes=30, km=5.0))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "m")
        assert isinstance(app.screen, MoveScreen)
        shown = options(app)
        assert all("still to come" in line for line in shown[2:]), shown
        assert "still to come" not in shown[0]  # yesterday is fine: logged a day late


async def test_a_logged_run_toast_reads_in_the_runners_units(repo: Repository) -> None:
    repo.save_profile(Profile(units="mi"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        save_session(app, Run(date=TODAY, minutes=50, km=8.0467))
        await pilot.pause()
        assert "Logged 5 mi run on Tue 24 Nov" in toasts(app)


async def test_a_check_in_toast_says_which_soreness_counts(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        start_checkin(app, TODAY)
        await pilot.pause()
        form = app.screen
        form.dismiss(CheckIn(date=TODAY, soreness=5, quads=6))  # type: ignore[arg-type]
        await pilot.pause()
        assert any(
            t.startswith("Check-in saved: soreness 5/10, quads 6/10.") for t in toasts(app)
        ), toasts(app)
    assert repo.checkin(TODAY) == CheckIn(date=TODAY, soreness=5, quads=6)


async def test_a_skipped_item_keeps_the_numbers_it_had(repo: Repository) -> None:
    for back in range(3, 28, 3):
        repo.add_session(Run(date=TODAY - timedelta(days=back), minutes=40, km=6.5))
    repo.add_session(LegDay(date=TODAY - timedelta(days=1), minutes=60, rpe=9))
    week = [day_plan(repo, day(i)) for i in range(1, 7)]
    found = next((d, i) for d in week for i in d.sessions if i.is_run and i.status == "planned")
    when, run = found[0].date, found[1]
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*["l"] * (when - TODAY).days, "enter")
        screen = app.screen
        assert isinstance(screen, DayScreen) and screen.day == when
        kinds = [i.kind for i in screen.day_plan.sessions]  # type: ignore[union-attr]
        screen.query_one("#day-sessions", OptionList).highlighted = kinds.index(run.kind)
        await pilot.press("s")
        await pilot.pause()
        assert f"Skipped {run.label.lower()} on {when:%a %d %b}" in toasts(app)
    after = day_plan(repo, when).sessions
    skipped = [i for i in after if i.kind == run.kind]
    assert [(i.status, i.km, i.minutes) for i in skipped] == [("skipped", run.km, run.minutes)]
    assert not [i for i in after if i.kind == "cross_training"]  # no ride in its place
