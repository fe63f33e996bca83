"""The week screen pages ahead to the end of the plan (two years), and says so there."""

from __future__ import annotations

from datetime import timedelta

from legrun.planner.goal import MAX_WEEKS_AHEAD
from legrun.planner.week_state import week_start_for
from legrun.tui.application import LegrunApp
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY
from tests.tui.support import SIZE

LAST = week_start_for(TODAY, 0) + timedelta(weeks=MAX_WEEKS_AHEAD)


async def test_next_week_stops_at_the_end_of_the_plan_and_says_why(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        screen._go(LAST)  # the last week the plan reaches (paging there takes 104 presses)
        await pilot.pause()
        assert screen.plan is not None and screen.plan.week_start == LAST
        await pilot.press("right_square_bracket")
        assert screen.plan.week_start == LAST
        assert any("104 weeks ahead" in str(n.message) for n in app._notifications)
        await pilot.press("left_square_bracket")
        assert screen.plan.week_start == LAST - timedelta(weeks=1)
