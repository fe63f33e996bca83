"""History (key 2): newest first, filter by kind and dates, search, edit, delete with undo,
and rows loaded a page at a time."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import Input

from legrun.planner.models import CrossTraining, Exercise, LegDay, Run
from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.screens.history import PAGE, HistoryScreen
from legrun.tui.screens.run_form import RunForm
from legrun.tui.widgets.record_table import RecordTable
from tests.conftest import TODAY
from tests.tui.support import drawn, settle

SIZE = (80, 24)


def _fill(repo: Repository) -> None:
    repo.add_sessions(
        [
            LegDay(
                date=date(2026, 11, 2),
                minutes=60,
                rpe=8,
                exercises=(Exercise("back squat", 5, 5, 100.0),),
            ),
            Run(date=date(2026, 11, 4), minutes=40, km=7.0, notes="hilly loop"),
            CrossTraining(date=date(2026, 11, 5), minutes=30, activity="swim"),
            LegDay(
                date=date(2026, 11, 9),
                minutes=50,
                rpe=7,
                exercises=(Exercise("hip thrust", 3, 10, 80.0),),
                notes="short on time",
            ),
            Run(date=date(2026, 11, 11), minutes=30, km=5.0),
        ]
    )


def _dates(screen: HistoryScreen) -> list[date]:
    return [s.date for s in screen.loaded]


async def test_history_lists_newest_first_and_filters_by_kind(repo: Repository) -> None:
    _fill(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert _dates(screen) == sorted(_dates(screen), reverse=True)
        assert len(screen.loaded) == 5
        assert screen.query_one(RecordTable).row_count == 5
        await pilot.press("f")  # leg days
        assert {type(s) for s in screen.loaded} == {LegDay}
        await pilot.press("f")  # runs
        assert [s.date for s in screen.loaded] == [date(2026, 11, 11), date(2026, 11, 4)]
        await pilot.press("f", "f")  # cross, then check-ins (none here)
        assert screen.loaded == []
        await pilot.press("f")  # all again
        assert len(screen.loaded) == 5


async def test_search_finds_notes_and_exercise_names(repo: Repository) -> None:
    _fill(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"SQUAT", "enter")
        assert [s.date for s in screen.loaded] == [date(2026, 11, 2)]
        await pilot.press(
            "slash", *"hilly", "enter"
        )  # the old search is selected: typing replaces it
        assert [s.date for s in screen.loaded] == [date(2026, 11, 4)]
        await pilot.press("slash")
        app.focused.value = ""  # type: ignore[union-attr]
        await pilot.press("enter")
        assert len(screen.loaded) == 5


async def test_date_range_filter_and_bad_range_changes_nothing(repo: Repository) -> None:
    _fill(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "r", *"2026-11-04..2026-11-09", "enter")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert _dates(screen) == [date(2026, 11, 9), date(2026, 11, 5), date(2026, 11, 4)]
        await pilot.press("r")
        app.focused.value = "2026-11-09..2026-11-04"  # type: ignore[union-attr]
        await pilot.press("enter")
        assert len(screen.loaded) == 3  # refused: the filter stayed as it was


async def test_edit_a_row_and_save(repo: Repository) -> None:
    _fill(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "enter")  # the newest: the 5 km run of 11 Nov
        assert isinstance(app.screen, RunForm)
        app.screen.query_one("#f-minutes", Input).value = "27"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    edited = [s for s in repo.sessions() if s.date == date(2026, 11, 11)]
    assert len(edited) == 1 and edited[0].minutes == 27 and isinstance(edited[0], Run)
    assert repo.session_count() == 5


async def test_delete_and_undo_restore_the_same_session(repo: Repository) -> None:
    _fill(repo)
    before = repo.sessions()
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "down", "x")  # the second newest: the 9 Nov leg day
        await pilot.pause()
        assert [s.date for s in repo.sessions()] == [
            date(2026, 11, 2),
            date(2026, 11, 4),
            date(2026, 11, 5),
            date(2026, 11, 11),
        ]
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert len(screen.loaded) == 4
        await pilot.press("u")
        await pilot.pause()
        assert len(screen.loaded) == 5
    assert repo.sessions() == before  # same ids, exercises and notes


async def test_rows_are_loaded_a_page_at_a_time(repo: Repository) -> None:
    start = date(2020, 1, 1)
    repo.add_sessions(
        [Run(date=start + timedelta(days=i), minutes=30, km=5.0) for i in range(PAGE * 3 + 7)]
    )
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert len(screen.loaded) == PAGE  # not all 307
        assert screen.total == PAGE * 3 + 7
        # Reaching the end of a page fetches the next one, and so on to the oldest.
        for _ in range(4):
            await pilot.press("ctrl+end")
            await settle(pilot)  # the next page is read by a worker
        assert len(screen.loaded) == PAGE * 3 + 7
        assert screen.loaded[-1].date == start
        assert len({s.id for s in screen.loaded}) == PAGE * 3 + 7


# -- nothing cut, escape does what the prompt says, End keeps the columns ----------------------

LONG_DAY = LegDay(
    date=date(2026, 11, 10),
    minutes=75,
    rpe=8,
    exercises=(
        Exercise("back squat", 5, 5, 100.0),
        Exercise("bulgarian split squat", 3, 8, 24.0),
        Exercise("romanian deadlift", 3, 8, 70.0),
    ),
    notes="felt strong, last set a grinder",
)


def _detail(screen: HistoryScreen) -> str:
    from legrun.tui.widgets.hanging_text import HangingText

    return str(screen.query_one("#history-detail", HangingText).content)


async def test_the_selected_rows_whole_text_is_shown_under_the_table(repo: Repository) -> None:
    _fill(repo)
    repo.add_session(LONG_DAY)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await pilot.press("down")  # the 10 Nov leg day (the 11 Nov run is newest)
        detail = _detail(screen)
        assert "Tue 10 Nov 2026" in detail
        for part in (
            "back squat 5x5@100kg",
            "bulgarian split squat 3x8@24kg",
            "romanian deadlift 3x8@70kg",
            "felt strong, last set a grinder",
        ):
            assert part in detail, detail
        # And on the screen itself, not only in the widget's text: nothing of it is cut.
        shown = drawn(screen.query_one("#history-detail"))
        assert "felt strong" in shown or "grinder" in shown


async def test_escape_clears_a_search_as_its_prompt_says(repo: Repository) -> None:
    _fill(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "slash", *"squat", "enter")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert len(screen.loaded) == 1
        await pilot.press("escape")  # the search applied: escape clears it first
        assert screen.filter.search == "" and len(screen.loaded) == 5
        assert app.screen is screen
        await pilot.press("slash", *"hilly", "escape")  # typed, then escape in the box
        assert screen.filter.search == "" and len(screen.loaded) == 5
        assert not screen.query_one("#history-search", Input).display
        await pilot.press("escape")
        assert not isinstance(app.screen, HistoryScreen)


async def test_end_goes_to_the_oldest_row_with_the_date_column_in_view(repo: Repository) -> None:
    _fill(repo)
    repo.add_session(LONG_DAY)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "end")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one(RecordTable)
        assert table.cursor_row == len(screen.loaded) - 1
        assert screen.loaded[table.cursor_row].date == date(2026, 11, 2)
        assert table.scroll_x == 0
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_check_ins_are_listed_edited_and_deleted_in_history(repo: Repository) -> None:
    from legrun.planner.models import CheckIn
    from legrun.tui.screens.checkin_form import CheckInForm

    _fill(repo)
    repo.save_checkin(CheckIn(date=date(2026, 11, 9), soreness=4, quads=6, sleep=3))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        assert screen.total == 6
        kinds = [type(r).__name__ for r in screen.loaded]
        # Newest first: the 9 Nov leg day, then that morning's check-in.
        assert kinds == ["Run", "LegDay", "CheckIn", "CrossTraining", "Run", "LegDay"]
        await pilot.press("f", "f", "f", "f")  # leg days, runs, cross, check-ins
        assert [type(r).__name__ for r in screen.loaded] == ["CheckIn"]
        assert "C Check-in" in str(screen.query_one(RecordTable).get_row_at(0)[1])
        assert "quads 6/10" in _detail(screen) and "sleep 3/5" in _detail(screen)
        await pilot.press("enter")  # edit: the check-in form, filled in
        form = app.screen
        assert isinstance(form, CheckInForm)
        assert form.query_one("#f-soreness", Input).value == "4"
        form.query_one("#f-soreness", Input).value = "2"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert repo.checkin(date(2026, 11, 9)).soreness == 2  # type: ignore[union-attr]
        await pilot.press("x")  # delete it, and undo
        await pilot.pause()
        assert repo.checkin(date(2026, 11, 9)) is None
        assert screen.loaded == []
        await pilot.press("u")
        await pilot.pause()
        assert repo.checkin(date(2026, 11, 9)) is not None
