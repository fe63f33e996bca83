"""An app left open (over SSH, in tmux) keeps up with the world: what another session saves
shows within about a second, and past midnight the plan is that of the new day."""

from __future__ import annotations

from datetime import date, timedelta

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE


async def test_what_another_session_saves_shows_within_a_second(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen
        assert isinstance(week, WeekScreen) and week.plan is not None
        assert week.plan.totals.run_km_done == 0
        with Repository.open(repo.path) as other:  # a second terminal
            other.add_session(Run(date=TODAY, minutes=30, km=5.0))
        await pilot.pause(1.5)  # no key pressed
        assert week.plan.totals.run_km_done == 5.0


async def test_past_midnight_the_app_plans_as_of_the_new_day(repo: Repository) -> None:
    now = [TODAY]
    app = make_app(repo, today=TODAY, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen
        assert isinstance(week, WeekScreen)
        tuesday = week.query_one("#day-1")
        assert "•" in str(tuesday.render_lines(tuesday.region.reset_offset)[0])  # today's mark
        now[0] = TODAY + timedelta(days=1)  # midnight passes
        await pilot.pause(1.5)
        assert app.today == date(2026, 11, 25)
        wednesday = week.query_one("#day-2")
        assert "•" in str(wednesday.render_lines(wednesday.region.reset_offset)[0])
        assert "•" not in str(tuesday.render_lines(tuesday.region.reset_offset)[0])


async def test_a_pinned_date_stays_put(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)  # tests and $LEGRUN_TODAY pin the date
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(1.2)
        assert app.today == TODAY
