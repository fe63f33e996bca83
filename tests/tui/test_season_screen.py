"""The season (key 5): a row a week from load_season, a bar that reads without colour, up/down
and j/k move, enter opens the week on the week screen, escape and 1 go back; the goal race in
the season's title and in the week's header."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

import pytest
from msgspec.structs import replace
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widgets import Static

from legrun.planner.goal import Goal, countdown
from legrun.planner.models import Profile, Run
from legrun.planner.season import SeasonWeek
from legrun.planner.units import distance
from legrun.storage import Repository
from legrun.storage import plans as planning
from legrun.storage.plans import Season, load_season
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens import season as season_module
from legrun.tui.screens.help import HelpScreen
from legrun.tui.screens.season import SeasonScreen
from legrun.tui.screens.week import WeekScreen, _week_title
from legrun.tui.widgets.goal_countdown import goal_headline
from legrun.tui.widgets.hanging_text import HangingText
from legrun.tui.widgets.season_table import MARK, SeasonTable, volume_bar
from tests.conftest import TODAY
from tests.tui.support import MONDAY, SIZE, week_plan

HALF_KM = 21.0975
HALF = Goal(date(2027, 3, 7), HALF_KM)  # a Sunday, 103 days (14 weeks) after TODAY
COLUMNS = ("mark", "week", "phase", "easier", "run", "bar", "long", "quality", "legs")


def season_screen(app: LegrunApp) -> SeasonScreen:
    assert isinstance(app.screen, SeasonScreen), app.screen
    return app.screen


def table(app: LegrunApp) -> SeasonTable:
    return season_screen(app).query_one(SeasonTable)


def rows(app: LegrunApp) -> list[dict[str, str]]:
    """Each row of the season's table as {column: text}."""
    found = []
    grid = table(app)
    for i in range(grid.row_count):
        cells = [str(cell) for cell in grid.get_row_at(i)]
        found.append(dict(zip(COLUMNS, cells, strict=False)))
    return found


def text_of(app: LegrunApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static | HangingText).content)


def week_title(app: LegrunApp) -> str:
    return text_of(app, "#week-title")


def week_screen(app: LegrunApp) -> WeekScreen:
    assert isinstance(app.screen, WeekScreen), app.screen
    return app.screen


# -- opening, rows, moving --------------------------------------------------------------------


async def test_5_opens_the_season_with_a_row_for_each_of_load_seasons_weeks(
    demo_repo: Repository,
) -> None:
    app = make_app(demo_repo, today=TODAY)
    expected = load_season(demo_repo, TODAY).weeks
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        season_screen(app)
        shown = rows(app)
        assert len(shown) == len(expected) == 12
        assert [r["week"] for r in shown] == [f"{w.week_start:%d %b}" for w in expected]
        assert [r["run"] for r in shown] == [distance(w.run_km, "km") for w in expected]
        assert [r["phase"] for r in shown] == [w.phase.capitalize() for w in expected]
        assert [r["easier"] == "easier" for r in shown] == [w.easier_week for w in expected]
        assert [r["legs"] for r in shown] == [str(w.leg_days) for w in expected]
        assert shown[0]["week"] == "23 Nov"
        assert "the next 12 weeks" in text_of(app, "#season-title")
        assert text_of(app, "#season-goal") == (
            "No goal race: the next 12 weeks. Set one with `legrun-tui goal set ...`"
        )


async def test_down_and_enter_open_that_week_on_the_week_screen(demo_repo: Repository) -> None:
    app = make_app(demo_repo, today=TODAY)
    second = load_season(demo_repo, TODAY).weeks[1].week_start
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "down", "enter")
        await pilot.pause()
        week = week_screen(app)
        assert week.plan is not None and week.plan.week_start == second == date(2026, 11, 30)
        assert week.selected_date == second  # a week ahead opens on its first day
        assert "30 Nov - 06 Dec 2026 · in 1 week" in week_title(app)
        assert len(app.screen_stack) == 1  # the season was left, not stacked under the week


async def test_j_and_k_move_the_highlight_and_its_mark(demo_repo: Repository) -> None:
    app = make_app(demo_repo, today=TODAY)
    weeks = load_season(demo_repo, TODAY).weeks
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert [r["mark"] for r in rows(app)][:3] == [MARK, "", ""]
        await pilot.press("j", "j", "j", "k")
        await pilot.pause()
        assert table(app).highlighted == weeks[2]
        marks = [r["mark"] for r in rows(app)]
        assert marks.index(MARK) == 2 and marks.count(MARK) == 1
        pane = text_of(app, "#season-week")
        assert pane.startswith(f"{weeks[2].week_start:%d %b} - ")
        assert "; ".join(weeks[2].key_sessions) in pane
        await pilot.press("up", "enter")
        await pilot.pause()
        assert week_screen(app).plan.week_start == weeks[1].week_start  # type: ignore[union-attr]


async def test_enter_on_this_week_keeps_today_selected(demo_repo: Repository) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "right_square_bracket", "5", "enter")
        await pilot.pause()
        week = week_screen(app)
        assert week.plan is not None and week.plan.week_start == MONDAY
        assert week.selected_date == TODAY


@pytest.mark.parametrize("key", ["escape", "1"])
async def test_escape_and_1_go_back_to_the_week(app: LegrunApp, key: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_square_bracket", "5")
        season_screen(app)
        await pilot.press(key)
        await pilot.pause()
        week = week_screen(app)
        assert week.plan is not None and week.plan.week_start == MONDAY + timedelta(weeks=1)
        assert len(app.screen_stack) == 1


async def test_5_on_the_season_stays_there(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "j", "5")
        assert table(app).cursor_row == 1
        assert len(app.screen_stack) == 2  # the week, the season


async def test_a_long_season_scrolls_to_the_highlighted_week_at_80x24(repo: Repository) -> None:
    """1.5-5 s: thirty weeks planned to the race, then a key for each week of the table."""
    repo.save_goal(Goal(TODAY + timedelta(weeks=30), 42.195, "Far Marathon"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        grid = table(app)
        count = grid.row_count
        assert count > grid.size.height  # more weeks than rows
        await pilot.press(*["j"] * (count - 1))
        await pilot.pause()
        assert grid.cursor_row == count - 1
        assert grid.scroll_y > 0
        # The last week is inside the window: rows from the top, less the header row.
        visible = grid.size.height - 1
        assert count - 1 - grid.scroll_y < visible
        await pilot.press("home")
        await pilot.pause()
        assert grid.cursor_row == 0 and grid.scroll_y == 0
        await pilot.press("end")
        await pilot.pause()
        assert grid.cursor_row == count - 1 and grid.scroll_y > 0


# -- loading: once, and again when something was saved --------------------------------------


async def test_moving_never_plans_the_season_again_but_a_save_does(
    demo_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[date] = []

    def counted(repo: Repository, today: date, weeks: int = 12) -> Season:
        calls.append(today)
        return planning.load_season(repo, today, weeks)

    monkeypatch.setattr(season_module, "load_season", counted)
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "5", "j", "j", "down", "k", "up")
        await pilot.pause()
        assert len(calls) == 1
        demo_repo.save_profile(Profile(units="mi"))
        app.data_changed()  # what every save does
        await pilot.pause()
        assert len(calls) == 2
        first = load_season(demo_repo, TODAY).weeks[0]
        assert rows(app)[0]["run"] == distance(first.run_km, "mi")
        assert rows(app)[0]["run"].endswith(" mi")
        assert "run mi" in text_of(app, "#season-legend")


async def test_a_save_keeps_the_highlighted_week(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "j", "j")
        app.data_changed()
        await pilot.pause()
        assert table(app).cursor_row == 2
        assert [r["mark"] for r in rows(app)].index(MARK) == 2


async def test_leaving_the_season_stops_its_refreshes(
    app: LegrunApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[date] = []

    def counted(repo: Repository, today: date, weeks: int = 12) -> Season:
        calls.append(today)
        return planning.load_season(repo, today, weeks)

    monkeypatch.setattr(season_module, "load_season", counted)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        app.data_changed()
        await pilot.pause()
        assert len(calls) == 2  # shown, then a save re-planned it
        await pilot.press("escape")
        await pilot.pause()
        app.data_changed()
        await pilot.pause()
        assert len(calls) == 2  # gone: a save does not plan it with the save


def _planning_threads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each season is planned from now on: 'ui' (the app's thread) or 'worker'."""
    where: list[str] = []

    def counted(repo: Repository, today: date, weeks: int = 12) -> Season:
        ui = threading.current_thread() is threading.main_thread()
        where.append("ui" if ui else "worker")
        return planning.load_season(repo, today, weeks)

    monkeypatch.setattr(season_module, "load_season", counted)
    return where


async def _behind_planned(pilot: Pilot[None]) -> None:
    await pilot.pause(SeasonScreen.PLAN_BEHIND_AFTER + 0.1)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_saves_behind_the_season_plan_it_once_off_the_ui_thread_before_it_shows(
    demo_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = _planning_threads(monkeypatch)
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "j", "1")
        assert where == ["ui"]  # first shown: planned on the key
        # A burst of changes behind it (a save and its undo, say): one planning after them.
        demo_repo.save_profile(Profile(units="mi"))
        app.data_changed()
        demo_repo.add_session(Run(date=TODAY, km=9.0, minutes=50))
        app.data_changed()
        assert where == ["ui"]  # nothing with the saves themselves
        await _behind_planned(pilot)
        assert where == ["ui", "worker"]
        behind = app.get_screen("SeasonScreen")
        assert isinstance(behind, SeasonScreen)
        assert behind.season == load_season(demo_repo, TODAY)  # shown on it already
        await pilot.press("5")
        assert where == ["ui", "worker"]  # shown again: nothing planned on the key
        assert season_screen(app).season == load_season(demo_repo, TODAY)
        assert rows(app)[0]["run"] == distance(load_season(demo_repo, TODAY).weeks[0].run_km, "mi")
        assert table(app).cursor_row == 1  # where it was left


async def test_the_season_shown_before_the_worker_is_done_is_planned_on_the_key(
    demo_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    where = _planning_threads(monkeypatch)
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "1")
        demo_repo.add_session(Run(date=TODAY, km=9.0, minutes=50))
        app.data_changed()
        await pilot.press("5")  # at once, before the season behind was planned
        assert where == ["ui", "ui"]
        assert season_screen(app).season == load_season(demo_repo, TODAY)
        await _behind_planned(pilot)
        assert where == ["ui", "ui"]  # and not planned behind it after all


async def test_a_season_planned_for_an_earlier_change_is_not_shown(
    demo_repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "1")
        screen = app.get_screen("SeasonScreen")
        assert isinstance(screen, SeasonScreen)
        before = load_season(demo_repo, TODAY)
        app.data_changed()
        demo_repo.add_session(Run(date=TODAY, km=9.0, minutes=50))
        app.data_changed()
        # What a worker started after the first change says when it ends after the second.
        screen.post_message(SeasonScreen.Planned(before, "km", 1, TODAY))
        await pilot.pause()
        where = _planning_threads(monkeypatch)
        await pilot.press("5")
        assert where == ["ui"]  # planned afresh on the key
        assert screen.season == load_season(demo_repo, TODAY) != before


# -- the goal ---------------------------------------------------------------------------------


async def test_a_goal_shows_in_the_week_header_and_the_season_title(repo: Repository) -> None:
    repo.save_goal(HALF)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert week_title(app) == (
            "legrun  Week 23 Nov - 29 Nov 2026 · this week · Half marathon in 14 weeks"
        )
        await pilot.press("right_square_bracket")
        assert week_title(app).endswith("· in 1 week · Half marathon in 14 weeks")
        await pilot.press("5")
        await pilot.pause()
        assert text_of(app, "#season-title") == (
            "legrun  Season 23 Nov 2026 - 14 Mar 2027 · Half marathon in 14 weeks"
        )
        assert text_of(app, "#season-goal") == (
            "Goal: half marathon (21.1 km) on Sun 07 Mar 2027 · 14 weeks left (103 days)"
        )
        shown = rows(app)
        # This week to race week, and the recovery week after it.
        assert shown[0]["week"] == "23 Nov" and shown[-1]["week"] == "08 Mar"
        assert [r["week"] for r in shown] == [
            f"{w.week_start:%d %b}" for w in load_season(repo, TODAY).weeks
        ]
        assert shown[-2]["phase"] == "Race" and shown[-1]["phase"] == "Recovery"


async def test_no_goal_leaves_the_week_header_as_it_was(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE):
        assert week_title(app) == "legrun  Week 23 Nov - 29 Nov 2026 · this week"


async def test_a_goal_that_has_passed_is_not_in_the_header(repo: Repository) -> None:
    repo.save_goal(Goal(TODAY - timedelta(days=3), 10.0, "Autumn 10K"))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        assert week_title(app) == "legrun  Week 23 Nov - 29 Nov 2026 · this week"
        await pilot.press("5")
        await pilot.pause()
        assert len(rows(app)) == 12
        assert text_of(app, "#season-goal").startswith("The race on 21 Nov 2026 has passed")


async def test_a_long_goal_name_fits_the_80_column_header_with_demo(repo: Repository) -> None:
    repo.save_goal(Goal(date(2027, 3, 7), HALF_KM, "The Very Long Name Of A Spring Half Marathon"))
    app = make_app(repo, today=TODAY, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        title = week_title(app)
        assert len(title) <= SIZE[0] - 2, title
        assert title.startswith("Week 23 Nov - 29 Nov 2026 · this week · The Very Long")
        assert title.endswith("…  [demo]")
        await pilot.press("5")
        await pilot.pause()
        title = text_of(app, "#season-title")
        assert len(title) <= SIZE[0] - 2 and title.endswith("  [demo]"), title
        assert "The Very Long" in title


async def test_the_week_header_makes_room_for_the_goal_when_the_terminal_widens(
    repo: Repository,
) -> None:
    repo.save_goal(Goal(date(2027, 3, 7), HALF_KM, "Spring Half Marathon Of The North"))
    app = make_app(repo, today=TODAY, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        assert "…" in week_title(app)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert week_title(app) == (
            "legrun  Week 23 Nov - 29 Nov 2026 · this week · "
            "Spring Half Marathon Of The North in 14 weeks  [demo]"
        )


# -- the shape of a season, on hand-built seasons (every phase, whatever the planner says) ----


def _week(n: int, phase: str, km: float, easier: bool = False) -> SeasonWeek:
    return SeasonWeek(
        week_start=MONDAY + timedelta(weeks=n),
        phase=phase,
        easier_week=easier,
        run_km=km,
        long_run_km=None if phase in ("race", "recovery") else round(km * 0.3, 1),
        quality=1 if phase in ("build", "peak") else 0,
        leg_days=1 if phase == "peak" else 2,
        key_sessions=(f"Sun long run {round(km * 0.3, 1):g} km",),
    )


HAND_BUILT = [
    _week(0, "base", 20.0),
    _week(1, "build", 30.0),
    _week(2, "build", 22.5, easier=True),
    _week(3, "peak", 40.0),
    _week(4, "taper", 24.0),
    _week(5, "race", 30.0),
    _week(6, "recovery", 10.0),
]


@pytest.fixture
def hand_built(monkeypatch: pytest.MonkeyPatch) -> list[SeasonWeek]:
    def season(repo: Repository, today: date, weeks: int = 12) -> Season:
        return Season(HALF, [], HAND_BUILT)

    monkeypatch.setattr(season_module, "load_season", season)
    return HAND_BUILT


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_phase_is_named_and_the_bars_scale_to_the_biggest_week(
    repo: Repository, hand_built: list[SeasonWeek], size: tuple[int, int]
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=size) as pilot:
        await pilot.press("5")
        await pilot.pause()
        shown = rows(app)
        assert [r["phase"] for r in shown] == [
            "Base",
            "Build",
            "Build",
            "Peak",
            "Taper",
            "Race",
            "Recovery",
        ]
        width = table(app).bar_width
        assert width >= 16
        bars = [r["bar"] for r in shown]
        assert bars[3] == "#" * width  # the biggest week (40 km) fills the column
        assert bars[0] == "#" * round(width / 2)  # 20 km: half of it
        assert bars[2] == "=" * round(width * 22.5 / 40)  # an easier week in `=`
        assert [r["easier"] for r in shown] == ["", "", "easier", "", "", "", ""]
        assert [r["long"] for r in shown][-2:] == ["-", "-"]
        assert [r["quality"] for r in shown] == ["0", "1", "1", "1", "0", "0", "0"]


async def test_wide_terminals_list_the_key_sessions_in_the_rows(
    repo: Repository, hand_built: list[SeasonWeek]
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("5")
        await pilot.pause()
        grid = table(app)
        assert grid.key_width > 0
        assert str(grid.get_row_at(0)[-1]) == "Sun long run 6 km"
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert grid.key_width == 0 and len(grid.get_row_at(0)) == len(COLUMNS)


def test_volume_bar_shows_the_race_in_stars_and_any_running_in_one_cell_at_least() -> None:
    assert volume_bar(40.0, 40.0, 20) == "#" * 20
    assert volume_bar(10.0, 40.0, 20) == "#" * 5
    assert volume_bar(10.0, 40.0, 20, easier=True) == "=" * 5
    assert volume_bar(40.0, 40.0, 20, race_km=21.1) == "#" * 9 + "*" * 11
    assert volume_bar(0.1, 40.0, 20) == "#"
    assert volume_bar(0.0, 40.0, 20) == ""
    assert volume_bar(5.0, 0.0, 20) == ""


# -- help -------------------------------------------------------------------------------------


async def test_help_on_the_season_lists_its_keys_and_the_week_lists_5(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app, "#help-keys")
        assert "5  Season" in keys
        await pilot.press("escape", "5", "question_mark")
        keys = text_of(app, "#help-keys")
        for words in (
            "up, k  Previous week",
            "down, j  Next week",
            "enter  Open week",
            "home, ctrl+home  First week",
            "end, ctrl+end  Last week",
            "esc  Back",
            "5  Season",
        ):
            assert words in keys, keys
        assert "Cursor left" not in keys  # a row cursor has no columns to move across


# -- the words --------------------------------------------------------------------------------


def test_goal_headline_counts_whole_weeks_then_days() -> None:
    assert goal_headline(HALF, TODAY) == "Half marathon in 14 weeks"
    assert goal_headline(Goal(TODAY + timedelta(days=10), 5.0), TODAY) == "5K in 1 week"
    assert goal_headline(Goal(TODAY + timedelta(days=3), 10.0, "Parkrun"), TODAY) == (
        "Parkrun in 3 days"
    )
    assert goal_headline(Goal(TODAY, 42.195), TODAY) == "Marathon today"
    assert goal_headline(Goal(TODAY - timedelta(days=1), 42.195), TODAY) is None
    assert goal_headline(None, TODAY) is None
    assert countdown(HALF.date, TODAY) == "14 weeks left (103 days)"
    assert countdown(TODAY + timedelta(days=1), TODAY) == ("race week: 1 day left")


def test_week_title_gives_way_to_the_goal_only_when_it_must(repo: Repository) -> None:
    plan = week_plan(repo)
    plain = "legrun  Week 23 Nov - 29 Nov 2026 · this week"
    assert _week_title(plan, TODAY, False) == plain
    assert _week_title(plan, TODAY, False, None, width=20) == plain  # no goal: as it always was
    goal = "Half marathon in 14 weeks"
    assert _week_title(plan, TODAY, True, goal, width=118) == f"{plain} · {goal}  [demo]"
    assert _week_title(plan, TODAY, True, goal, width=78) == (
        f"Week 23 Nov - 29 Nov 2026 · this week · {goal}  [demo]"
    )
    cut = _week_title(plan, TODAY, True, goal, width=60)
    assert len(cut) == 60 and cut.endswith("…  [demo]")


async def test_the_same_weeks_shown_again_leave_the_table_as_it_was(
    demo_repo: Repository,
) -> None:
    # A season that came back the same (a save and its undo) is not filled again.
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "j")
        grid = table(app)
        fills: list[int] = []
        add_rows = grid.add_rows

        def counted(rows: Iterable[Sequence[object]]) -> None:
            fills.append(grid.row_count)
            add_rows(rows)

        grid.add_rows = counted  # type: ignore[method-assign]
        app.data_changed()  # nothing changed in the database
        await pilot.pause()
        assert fills == []
        assert table(app).cursor_row == 1
        # A run logged today changes what was done, not the weeks the season plans.
        demo_repo.add_session(Run(date=TODAY, km=9.0, minutes=50))
        app.data_changed()
        await pilot.pause()
        assert fills == []
        demo_repo.save_profile(replace(demo_repo.profile(), weekly_km=45.0))
        app.data_changed()
        await pilot.pause()
        assert len(fills) == 1
        assert rows(app)[0]["run"] == distance(load_season(demo_repo, TODAY).weeks[0].run_km, "km")
        assert table(app).cursor_row == 1


async def test_j_and_k_draw_only_the_rows_the_mark_left_and_reached(
    demo_repo: Repository,
) -> None:
    # As a DataTable, moving the `>` changed a cell, and any change drew every cell in view.
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        grid = table(app)
        drawn: list[int] = []
        render_line = grid.render_line

        def counted(y: int) -> Strip:
            drawn.append(y)
            return render_line(y)

        grid.render_line = counted  # type: ignore[method-assign]
        for key, row in (("j", 1), ("j", 2), ("k", 1)):
            drawn.clear()
            await pilot.press(key)
            await pilot.pause()
            assert table(app).cursor_row == row
            left = row - 1 if key == "j" else row + 1
            assert sorted(set(drawn)) == sorted({left + 1, row + 1}), drawn  # (y 0: the header)
            assert rows(app)[row]["mark"] == MARK
