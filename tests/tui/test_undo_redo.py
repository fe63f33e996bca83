"""Undo (u) and redo (U) in the app, by keyboard at 80x24 on a real SQLite file: every kind of
save the day screen makes is taken back and made again, with what it was said in the toast; a
new save clears what could be redone; a save the database refuses says so once and leaves
nothing to undo."""

from __future__ import annotations

from datetime import date

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from legrun.planner.models import CrossTraining, Run
from legrun.storage import Repository, StorageError
from legrun.tui.application import LegrunApp, make_app
from legrun.tui.screens.day import DayScreen
from legrun.tui.screens.run_form import RunForm
from legrun.tui.screens.week import WeekScreen
from legrun.tui.widgets.checklist import Checklist
from tests.conftest import TODAY
from tests.tui.support import SIZE, choose_day, day, day_plan, kinds, open_today

WEDNESDAY = day(2)


def messages(app: LegrunApp) -> list[str]:
    """Every toast shown so far, oldest first."""
    return [str(n.message) for n in app._notifications]


def last_message(app: LegrunApp) -> str:
    shown = messages(app)
    assert shown, "no toast was shown"
    return shown[-1]


def status(repo: Repository, when: date, kind: str) -> list[str]:
    return [i.status for i in day_plan(repo, when).sessions if i.kind == kind]


def prompts(checklist: Checklist) -> list[str]:
    return [str(checklist.get_option_at_index(i).prompt) for i in range(checklist.option_count)]


def fill_the_database(repo: Repository) -> None:
    """Leave the file no room to grow, so that a write needing one page more is refused the
    way SQLite refuses it on a full disk (SQLITE_FULL, here from `max_page_count`). Swims of
    the year 2000 fill it, rows ever smaller until even a small one no longer fits: this
    week's plan does not look back that far."""
    raw = repo._db.raw
    raw.execute(f"PRAGMA max_page_count = {raw.execute('PRAGMA page_count').fetchone()[0] + 4}")
    for size in (3000, 1000, 300, 100, 30, 10, 0):
        for _ in range(400):
            swim = CrossTraining(
                date=date(2000, 1, 1), minutes=1, activity="swim", notes="x" * size
            )
            try:
                repo.add_session(swim)
            except StorageError as exc:
                assert "disk is full" in str(exc)
                break
        else:
            raise AssertionError("the database never filled up")


async def log_a_run(pilot: Pilot) -> None:
    """From the week: a, r, 5 km in 30 minutes, saved."""
    await pilot.press("a", "r", "5", "tab", "3", "0", "enter")


# -- each kind of save, undone and redone -----------------------------------------------------


async def test_a_tick_is_undone_by_u_and_made_again_by_shift_u(repo: Repository) -> None:
    checklist = day_plan(repo, TODAY).checklist
    assert checklist, "a run day has a checklist"
    first = checklist[0]
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("tab")
        widget = app.focused
        assert isinstance(widget, Checklist)
        await pilot.press("space")
        assert repo.ticks(TODAY, TODAY) == {(TODAY, first.id)}

        await pilot.press("u")
        assert repo.ticks(TODAY, TODAY) == set()
        assert last_message(app) == f"Undone: tick of {first.text!r} on Tue 24 Nov"
        assert widget.ticked == []
        assert prompts(widget)[0].startswith("[ ] ")

        await pilot.press("U")
        assert repo.ticks(TODAY, TODAY) == {(TODAY, first.id)}
        assert last_message(app) == f"Redone: tick of {first.text!r} on Tue 24 Nov"
        assert widget.ticked == [first.id]
        assert prompts(widget)[0].startswith("[x] ")
        assert app.redo_stack == [] and len(app.undo_stack) == 1


async def test_an_untick_on_the_demo_data_is_undone_and_redone(demo_repo: Repository) -> None:
    monday = day(0)  # yesterday, the demo's logged leg day
    first = day_plan(demo_repo, monday).checklist[0]
    demo_repo.set_tick(monday, first.id, True)
    app = make_app(demo_repo, today=TODAY, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_today(pilot)
        await pilot.press("h")
        assert screen.day == monday
        await pilot.press("tab", "space")
        assert demo_repo.ticks(monday, monday) == set()
        await pilot.press("u")
        assert demo_repo.ticks(monday, monday) == {(monday, first.id)}
        assert last_message(app) == f"Undone: untick of {first.text!r} on Mon 23 Nov"
        await pilot.press("U")
        assert demo_repo.ticks(monday, monday) == set()
        assert last_message(app) == f"Redone: untick of {first.text!r} on Mon 23 Nov"


async def test_a_run_logged_through_the_form_is_undone_and_comes_back_with_its_id(
    app: LegrunApp,
) -> None:
    repo = app.repository
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r")
        assert isinstance(app.screen, RunForm)
        await pilot.press("5", "tab", "3", "0", "enter")
        assert isinstance(app.screen, WeekScreen)
        [logged] = repo.sessions()
        assert isinstance(logged, Run) and logged.id is not None

        await pilot.press("u")
        assert repo.sessions() == []
        assert last_message(app) == "Undone: logging 5 km run on Tue 24 Nov"
        assert app.screen.plan is not None
        assert all(i.status != "done" for i in app.screen.plan.days[1].sessions)

        await pilot.press("U")
        assert repo.sessions() == [logged]  # the same run, under the same id
        assert last_message(app) == "Redone: logging 5 km run on Tue 24 Nov"
        assert "done" in [i.status for i in app.screen.plan.days[1].sessions]


async def test_a_skip_is_undone_and_redone(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("s")
        [skip] = repo.pins(TODAY, TODAY)
        assert (skip.kind, skip.action) == ("easy_run", "skip")
        assert status(repo, TODAY, "easy_run") == ["skipped"]

        await pilot.press("u")
        assert repo.pins(TODAY, TODAY) == []
        assert status(repo, TODAY, "easy_run") == ["planned"]
        assert last_message(app) == "Undone: skip of easy run on Tue 24 Nov"

        await pilot.press("U")
        assert repo.pins(TODAY, TODAY) == [skip]
        assert status(repo, TODAY, "easy_run") == ["skipped"]
        assert last_message(app) == "Redone: skip of easy run on Tue 24 Nov"
        screen = app.screen
        assert isinstance(screen, DayScreen) and screen.day_plan is not None
        assert [i.status for i in screen.day_plan.sessions if i.kind == "easy_run"] == ["skipped"]


async def test_a_move_is_undone_and_redone(repo: Repository) -> None:
    assert "easy_run" in kinds(repo, TODAY) and "easy_run" not in kinds(repo, WEDNESDAY)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("m")
        await choose_day(pilot, WEDNESDAY)
        [move] = repo.pins(TODAY, WEDNESDAY)
        assert (move.action, move.to_date) == ("move", WEDNESDAY)
        assert "easy_run" in kinds(repo, WEDNESDAY)

        await pilot.press("u")
        assert repo.pins(TODAY, WEDNESDAY) == []
        assert "easy_run" in kinds(repo, TODAY) and "easy_run" not in kinds(repo, WEDNESDAY)
        assert last_message(app) == "Undone: move of easy run"

        await pilot.press("U")
        assert repo.pins(TODAY, WEDNESDAY) == [move]
        assert "easy_run" in kinds(repo, WEDNESDAY) and "easy_run" not in kinds(repo, TODAY)
        assert last_message(app) == "Redone: move of easy run"


async def test_a_move_of_a_moved_item_undone_puts_the_first_move_back(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("m")
        await choose_day(pilot, WEDNESDAY)
        [first] = repo.pins()
        await pilot.press("l")  # to Wednesday, where it is now
        screen = app.screen
        assert isinstance(screen, DayScreen) and screen.day == WEDNESDAY
        assert screen.day_plan is not None
        index = [i.kind for i in screen.day_plan.sessions].index("easy_run")
        screen.query_one("#day-sessions", OptionList).highlighted = index
        await pilot.press("m")
        await choose_day(pilot, day(3))
        assert [(p.date, p.to_date) for p in repo.pins()] == [(TODAY, day(3))]

        await pilot.press("u")
        assert repo.pins() == [first]
        await pilot.press("u")
        assert repo.pins() == []
        await pilot.press("U", "U")
        assert [(p.date, p.to_date) for p in repo.pins()] == [(TODAY, day(3))]
        assert "easy_run" in kinds(repo, day(3))


async def test_a_removal_is_undone_and_redone(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("x")
        [removal] = repo.pins(TODAY, TODAY)
        assert removal.action == "remove"
        assert "easy_run" not in kinds(repo, TODAY)

        await pilot.press("u")
        assert repo.pins(TODAY, TODAY) == []
        assert "easy_run" in kinds(repo, TODAY)
        assert last_message(app) == "Undone: removal of easy run"

        await pilot.press("U")
        assert repo.pins(TODAY, TODAY) == [removal]
        assert "easy_run" not in kinds(repo, TODAY)
        assert last_message(app) == "Redone: removal of easy run"


async def test_a_deleted_logged_run_is_undone_with_its_id_and_redone(repo: Repository) -> None:
    run_id = repo.add_session(Run(date=TODAY, km=6.0, minutes=40, notes="windy"))
    logged = repo.session(run_id)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("x")
        assert repo.session(run_id) is None
        await pilot.press("u")
        assert repo.session(run_id) == logged
        assert last_message(app) == "Undone: delete of easy run"
        await pilot.press("U")
        assert repo.session(run_id) is None
        assert repo.session_count() == 0
        assert last_message(app) == "Redone: delete of easy run"


# -- the stacks -------------------------------------------------------------------------------


async def test_a_new_change_after_an_undo_leaves_nothing_to_redo(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("s")
        await pilot.press("u")
        assert len(app.redo_stack) == 1
        await pilot.press("x")  # a new change: the skip can no longer be redone
        assert app.redo_stack == []
        pins_now = repo.pins()
        assert [p.action for p in pins_now] == ["remove"]

        await pilot.press("U")
        assert last_message(app) == "Nothing to redo."
        assert repo.pins() == pins_now


async def test_redo_with_nothing_undone_says_so(app: LegrunApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("U")
        assert messages(app) == ["Nothing to redo."]
        assert app.undo_stack == [] and app.redo_stack == []


async def test_several_changes_are_undone_last_first_and_redone_in_order(
    repo: Repository,
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        await pilot.press("tab", "space", "down", "space")
        assert len(repo.ticks(TODAY, TODAY)) == 2
        await pilot.press("shift+tab")
        assert isinstance(app.focused, OptionList)
        screen = app.screen
        assert isinstance(screen, DayScreen) and screen.day_plan is not None
        index = [i.kind for i in screen.day_plan.sessions].index("easy_run")
        screen.query_one("#day-sessions", OptionList).highlighted = index
        await pilot.press("s")
        assert len(app.undo_stack) == 3

        await pilot.press("u")
        assert repo.pins() == [] and len(repo.ticks(TODAY, TODAY)) == 2
        await pilot.press("u", "u")
        assert repo.ticks(TODAY, TODAY) == set()
        await pilot.press("u")
        assert last_message(app) == "Nothing to undo."
        await pilot.press("U")
        assert len(repo.ticks(TODAY, TODAY)) == 1 and repo.pins() == []
        await pilot.press("U", "U")
        assert len(repo.ticks(TODAY, TODAY)) == 2 and [p.action for p in repo.pins()] == ["skip"]
        assert [m.split(":")[0] for m in messages(app)].count("Redone") == 3


# -- saves the database refuses ---------------------------------------------------------------


async def test_deleting_a_run_deleted_in_another_window_is_refused_once(
    repo: Repository,
) -> None:
    assert repo.path is not None
    run_id = repo.add_session(Run(date=TODAY, km=6.0, minutes=40))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        with Repository.open(repo.path) as elsewhere:
            assert elsewhere.delete_session(run_id) is not None
        await pilot.press("x")
        refused = [m for m in messages(app) if m.startswith("Not saved:")]
        assert refused == [f"Not saved: session {run_id} is no longer there (deleted elsewhere?)"]
        assert app.undo_stack == []
        assert repo.session_count() == 0
        assert isinstance(app.screen, DayScreen)  # no traceback: the app goes on
        await pilot.press("u")
        assert last_message(app) == "Nothing to undo."


async def test_editing_a_run_deleted_in_another_window_does_not_bring_it_back(
    repo: Repository,
) -> None:
    assert repo.path is not None
    run_id = repo.add_session(Run(date=TODAY, km=6.0, minutes=40))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("d")
        assert isinstance(app.screen, RunForm)
        with Repository.open(repo.path) as elsewhere:
            elsewhere.delete_session(run_id)
        app.screen.query_one("#f-km", Input).value = "7.5"
        await pilot.press("ctrl+s")
        refused = [m for m in messages(app) if m.startswith("Not saved:")]
        assert len(refused) == 1 and f"session {run_id} is no longer there" in refused[0]
        assert app.undo_stack == []
        assert repo.sessions() == []


async def test_a_tick_the_database_refuses_is_said_once_and_not_undoable(
    repo: Repository,
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        repo._db.raw.execute("PRAGMA query_only = ON")  # the connection may no longer write
        await pilot.press("tab", "space")
        refused = [m for m in messages(app) if m.startswith("Not saved:")]
        assert refused == [
            "Not saved: the database is read-only (check the file's permissions), "
            "so nothing was saved"
        ]
        assert app.undo_stack == [] and app.redo_stack == []
        assert repo.ticks(TODAY, TODAY) == set()
        assert isinstance(app.screen, DayScreen)  # no traceback: the app goes on
        await pilot.press("u")
        assert last_message(app) == "Nothing to undo."


async def test_a_run_logged_on_a_full_disk_is_refused_once_and_not_undoable(
    repo: Repository,
) -> None:
    fill_the_database(repo)
    before = repo.session_count()
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await log_a_run(pilot)
        refused = [m for m in messages(app) if m.startswith("Not saved:")]
        assert len(refused) == 1, messages(app)
        assert app.undo_stack == [] and app.redo_stack == []
        assert repo.session_count() == before
        assert repo.sessions(TODAY, TODAY) == []
        await pilot.press("escape")  # the form came back with what was typed: leave it
        await pilot.press("u")
        assert last_message(app) == "Nothing to undo."

        repo._db.raw.execute("PRAGMA max_page_count = 1073741823")  # space freed
        await log_a_run(pilot)
        assert [(s.km, s.minutes) for s in repo.sessions(TODAY, TODAY)] == [(5.0, 30)]
        assert len(app.undo_stack) == 1


async def test_a_run_logged_on_a_full_disk_says_the_disk_is_full(repo: Repository) -> None:
    fill_the_database(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await log_a_run(pilot)
        refused = [m for m in messages(app) if m.startswith("Not saved:")]
        assert refused == [
            "Not saved: the disk is full, so nothing was saved; free some space and try again"
        ]


async def test_an_undo_the_database_refuses_stays_on_the_stack(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot, "easy_run")
        await pilot.press("x")
        [removal] = repo.pins()
        repo._db.raw.execute("PRAGMA query_only = ON")  # the connection may no longer write
        await pilot.press("u")
        assert last_message(app) == (
            "Could not undo the removal of easy run: the database is read-only (check the "
            "file's permissions), so nothing was saved"
        )
        assert len(app.undo_stack) == 1 and app.redo_stack == []
        assert repo.pins() == [removal]

        repo._db.raw.execute("PRAGMA query_only = OFF")
        await pilot.press("u")
        assert last_message(app) == "Undone: removal of easy run"
        assert repo.pins() == []


async def test_a_refused_tick_shows_the_item_unticked(repo: Repository) -> None:
    """What the checklist shows is what is stored: a tick that was not saved is not drawn."""
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_today(pilot)
        repo._db.raw.execute("PRAGMA query_only = ON")
        await pilot.press("tab", "space")
        widget = app.focused
        assert isinstance(widget, Checklist)
        assert repo.ticks(TODAY, TODAY) == set()
        assert prompts(widget)[0].startswith("[ ] ")
        assert widget.ticked == []


# -- a refused save keeps what was typed ------------------------------------------------------


async def test_a_refused_log_opens_the_form_again_with_what_was_typed(repo: Repository) -> None:
    from legrun.tui.screens.run_form import RunForm

    fill_the_database(repo)
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await log_a_run(pilot)
        await pilot.pause()
        form = app.screen
        assert isinstance(form, RunForm)  # back, with the numbers typed
        assert form.query_one("#f-km", Input).value == "5"
        assert form.query_one("#f-minutes", Input).value == "30"
        repo._db.raw.execute("PRAGMA max_page_count = 1073741823")  # space freed
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(s.km, s.minutes) for s in repo.sessions(TODAY, TODAY)] == [(5.0, 30)]


async def test_an_edit_of_a_session_deleted_elsewhere_is_offered_as_a_new_entry(
    repo: Repository,
) -> None:
    from legrun.tui.flows import open_form
    from legrun.tui.screens.run_form import RunForm

    run_id = repo.add_session(Run(date=TODAY, minutes=30, km=5.0))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        (stored,) = repo.sessions()
        open_form(app, "run", TODAY, session=stored)
        await pilot.pause()
        with Repository.open(repo.path) as other:  # another window deletes it meanwhile
            other.delete_session(run_id)
        app.screen.query_one("#f-km", Input).value = "6"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("deleted in another window" in m for m in messages(app))
        assert isinstance(app.screen, RunForm)
        assert app.screen.query_one("#f-km", Input).value == "6"
        await pilot.press("ctrl+s")  # save it again: a new entry
        await pilot.pause()
    (logged,) = repo.sessions()
    assert (logged.km, logged.id != run_id) == (6.0, True)  # type: ignore[union-attr]
