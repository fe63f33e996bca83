"""Trends (key 3): charts for the chosen range, recovery gauges and personal bests."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import ProgressBar, Static, TabbedContent

from legrun.planner.models import Exercise, LegDay, Run
from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.screens.trends import TrendsScreen
from tests.conftest import TODAY
from tests.tui.support import drawn, settle

SIZE = (80, 24)


async def test_trends_opens_on_volume_and_cycles_ranges_and_charts(repo: Repository) -> None:
    repo.add_session(Run(date=TODAY - timedelta(days=8), minutes=60, km=10.0))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        title = screen.query_one("#trends-title", Static)
        assert "last 12 weeks" in str(title.render())
        note = str(screen.query_one("#note-volume", Static).render())
        assert "Last full week 10 km in 60 min" in note
        await pilot.press("w")
        assert screen.weeks == 26 and "last 26 weeks" in str(title.render())
        await pilot.press("w", "w")
        assert screen.weeks == 12
        tabs = screen.query_one(TabbedContent)
        assert tabs.active == "tab-volume"
        await pilot.press("l")
        assert tabs.active == "tab-load"
        await pilot.press("h", "h")
        assert tabs.active == "tab-recovery"


async def test_recovery_gauges_and_bests_follow_what_was_logged(repo: Repository) -> None:
    repo.add_session(
        LegDay(
            date=TODAY,
            minutes=60,
            rpe=9,
            exercises=(Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),),
        )
    )
    repo.add_session(Run(date=TODAY - timedelta(days=20), minutes=66, km=12.0))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "h")  # the last tab: recovery and bests
        await settle(pilot)
        screen = app.screen
        # A heavy squat day today: quads and glutes at 0 %, hamstrings untouched.
        assert screen.query_one("#gauge-quads", ProgressBar).progress == 0
        assert screen.query_one("#gauge-glutes", ProgressBar).progress == 0
        assert screen.query_one("#gauge-hamstrings", ProgressBar).progress == 100
        bests = str(screen.query_one("#bests", Static).render())
        assert "Longest run       12 km" in bests
        assert "~116.7 kg 1RM" in bests  # Epley: 100 x (1 + 5/30)
        # Logging from the trends screen's data flow re-draws it in place.
        repo.add_session(Run(date=TODAY - timedelta(days=3), minutes=80, km=15.0))
        app.data_changed()
        await settle(pilot)
        assert "Longest run       15 km" in str(screen.query_one("#bests", Static).render())


def _drawn(screen: TrendsScreen, selector: str) -> str:
    return drawn(screen.query_one(selector))


async def test_without_colour_each_load_series_and_fitness_line_has_its_own_glyph(
    repo: Repository,
) -> None:
    from legrun.planner.models import CrossTraining

    for back in (3, 10, 17):
        day = TODAY - timedelta(days=back)
        repo.add_session(LegDay(date=day, minutes=60, rpe=8))
        repo.add_session(Run(date=day + timedelta(days=1), minutes=50, km=9.0, rpe=5))
        repo.add_session(CrossTraining(date=day + timedelta(days=2), minutes=90, rpe=4))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3", "l")  # the load chart
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        load = _drawn(screen, "#plot-load")
        for glyph in ("█", "▒", "░"):  # legs, runs, cross
            assert glyph in load, load
        await pilot.press("l")  # fitness
        await settle(pilot)
        fitness = _drawn(screen, "#plot-fitness")
        assert "•" in fitness and "x" in fitness


async def test_a_new_users_volume_chart_says_no_runs_yet(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        note = str(screen.query_one("#note-volume", Static).render())
        assert note.startswith("No runs yet in these 12 weeks")
        assert "-1" not in _drawn(screen, "#plot-volume")


async def test_the_52_week_window_names_its_years(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "w", "w")
        title = str(app.screen.query_one("#trends-title", Static).render())
        assert "last 52 weeks" in title
        assert f"{TODAY.year - 1}" in title and f"{TODAY.year}" in title
