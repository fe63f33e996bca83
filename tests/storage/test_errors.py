"""The error boundary, with real failures rather than mocks: a full database, a read-only
file, a COMMIT that fails, a nested transaction that fails, a closed connection. Each comes out
of the repository as one StorageError that says what happened, the failed write leaves nothing
half-written, and the connection goes on working."""

from __future__ import annotations

import inspect
import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from legrun.planner.goal import Goal
from legrun.planner.models import CheckIn, Exercise, LegDay, Pin, Profile, Run
from legrun.storage import Repository, StorageError
from legrun.storage.changes import AddSession, Change, Tick, Together
from legrun.storage.history import HistoryFilter
from legrun.storage.records import Activity, Records

DAY = date(2026, 11, 16)
LONG_NOTES = "x" * 2000  # about half a page: a few of these fill the room left


def run(notes: str = "", **fields: Any) -> Run:
    return Run(date=DAY, minutes=30, km=5.0, notes=notes, **fields)


def counts(repo: Repository) -> dict[str, int]:
    """Rows in every table the repository writes, read by a connection of its own."""
    assert repo.path is not None
    conn = sqlite3.connect(repo.path)
    try:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sessions", "exercises", "checkins", "pins", "checklist_ticks")
        }
    finally:
        conn.close()


def integrity(repo: Repository) -> str:
    assert repo.path is not None
    conn = sqlite3.connect(repo.path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


# -- a full disk ------------------------------------------------------------------------------


def fill(repo: Repository) -> tuple[int, StorageError]:
    """Let the file grow by a few pages only (SQLite's own limit, `max_page_count`, refuses
    a write past it as SQLITE_FULL, the error a full disk gives), then log runs with long
    notes until one is refused. Returns how many were stored and the refusal."""
    pages = repo._db.raw.execute("PRAGMA page_count").fetchone()[0]
    repo._db.raw.execute(f"PRAGMA max_page_count = {pages + 6}")
    stored = 0
    with pytest.raises(StorageError) as refused:
        for _ in range(100):
            repo.add_session(run(LONG_NOTES))
            stored += 1
    return stored, refused.value


def make_room(repo: Repository) -> None:
    repo._db.raw.execute("PRAGMA max_page_count = 1073741823")


def test_a_full_database_says_the_disk_is_full(repo: Repository) -> None:
    stored, refused = fill(repo)
    assert stored > 0
    assert str(refused) == "the disk is full, so nothing was saved; free some space and try again"
    assert counts(repo)["sessions"] == stored
    assert all(s.notes == LONG_NOTES for s in repo.sessions())
    assert integrity(repo) == "ok"
    assert not repo._db.raw.in_transaction


def test_a_write_refused_by_a_full_database_leaves_nothing_half_written(
    repo: Repository,
) -> None:
    fill(repo)
    pages = repo._db.raw.execute("PRAGMA page_count").fetchone()[0]
    repo._db.raw.execute(f"PRAGMA max_page_count = {pages + 1}")  # room for a small row
    before = counts(repo)
    statements: list[str] = []
    repo._db.raw.set_trace_callback(statements.append)
    # A leg day is a session row and a row per exercise: the session row fits, the exercises
    # do not.
    heavy = LegDay(
        date=DAY,
        minutes=60,
        rpe=8,
        exercises=tuple(Exercise(f"squat {i} " + "y" * 900, 3, 5, 80.0) for i in range(12)),
    )
    with pytest.raises(StorageError, match="disk is full"):
        repo.add_session(heavy)
    assert any(s.startswith("INSERT INTO exercises") for s in statements), "failed too soon"
    statements.clear()
    with pytest.raises(StorageError, match="disk is full"):
        repo.add_sessions([run(), run(), run(LONG_NOTES), run(LONG_NOTES)])
    assert sum(s.startswith("INSERT INTO sessions") for s in statements) >= 3
    repo._db.raw.set_trace_callback(None)
    assert counts(repo) == before
    assert integrity(repo) == "ok"

    make_room(repo)  # space freed: the same connection writes again
    session_id = repo.add_session(heavy)
    assert repo.session(session_id) == LegDay(
        date=DAY, minutes=60, rpe=8, exercises=heavy.exercises, id=session_id
    )


def test_a_change_refused_by_a_full_database_is_rolled_back_whole(repo: Repository) -> None:
    fill(repo)
    pages = repo._db.raw.execute("PRAGMA page_count").fetchone()[0]
    repo._db.raw.execute(f"PRAGMA max_page_count = {pages + 1}")  # room for the tick only
    before = counts(repo)
    statements: list[str] = []
    repo._db.raw.set_trace_callback(statements.append)
    change = Together((Tick(DAY, "mobility", True), AddSession(run(LONG_NOTES * 4))))
    with pytest.raises(StorageError):
        repo.apply(change)
    assert any(s.startswith("INSERT INTO sessions") for s in statements), "failed too soon"
    repo._db.raw.set_trace_callback(None)
    assert counts(repo) == before
    assert repo.ticks(DAY, DAY) == set()
    assert integrity(repo) == "ok"
    assert not repo._db.raw.in_transaction
    make_room(repo)
    repo.apply(change)
    assert repo.ticks(DAY, DAY) == {(DAY, "mobility")}


def test_a_change_refused_by_a_full_database_says_the_disk_is_full(repo: Repository) -> None:
    fill(repo)
    with pytest.raises(StorageError) as refused:
        repo.apply(AddSession(run(LONG_NOTES)))
    assert "disk is full" in str(refused.value)


# -- a read-only file -------------------------------------------------------------------------


def test_a_read_only_file_refuses_writes_and_still_reads(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        repo.add_session(run("before"))
        stored = repo.sessions()
    db_path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # 0o444
    try:
        if os.access(db_path, os.W_OK):
            pytest.skip("running as root: the file stays writable whatever its mode")
        with Repository.open(db_path) as repo:
            assert repo.sessions() == stored
            with pytest.raises(StorageError, match="read-only"):
                repo.add_session(run("after"))
            with pytest.raises(StorageError, match="read-only"):
                repo.apply(Tick(DAY, "mobility", True))
            assert repo.sessions() == stored
            assert repo.ticks(DAY, DAY) == set()
            assert repo.profile().is_default
    finally:
        db_path.chmod(0o644)


def test_the_read_only_second_connection_refuses_writes_and_still_reads(
    repo: Repository,
) -> None:
    """The same refusal on any machine (root included): `reader()` opens the file read-only."""
    repo.add_session(run("before"))
    with repo.reader() as reader:
        with pytest.raises(StorageError) as refused:
            reader.add_session(run("after"))
        assert str(refused.value) == (
            "the database is read-only (check the file's permissions), so nothing was saved"
        )
        with pytest.raises(StorageError, match="read-only"):
            reader.apply(Together((Tick(DAY, "a", True), AddSession(run()))))
        assert [s.notes for s in reader.sessions()] == ["before"]
    assert counts(repo)["sessions"] == 1
    assert counts(repo)["checklist_ticks"] == 0


def test_a_connection_made_query_only_refuses_writes_and_recovers(repo: Repository) -> None:
    repo._db.raw.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageError, match="read-only"):
        repo.save_profile(Profile(age=50))
    with pytest.raises(StorageError, match="read-only"):
        repo.apply(AddSession(run()))
    assert repo.profile().is_default
    assert counts(repo)["sessions"] == 0
    repo._db.raw.execute("PRAGMA query_only = OFF")
    repo.save_profile(Profile(age=50))
    assert repo.profile().age == 50


# -- a COMMIT that fails ----------------------------------------------------------------------


class DanglingExercise:
    """A change whose every statement succeeds and whose COMMIT fails: foreign keys checked
    at COMMIT (`defer_foreign_keys`) find an exercise of a session that does not exist."""

    def __init__(self) -> None:
        self.ran_to_the_end = False

    def apply(self, repo: Repository) -> Change:
        repo.add_session(run("kept only if the commit works"))
        repo._db.execute("PRAGMA defer_foreign_keys = ON")
        repo._db.execute(
            "INSERT INTO exercises (session_id, position, name, sets, reps) "
            "VALUES (999, 0, 'orphan', 3, 5)"
        )
        self.ran_to_the_end = True
        return Together(())


def test_a_failing_commit_is_rolled_back_and_the_connection_goes_on(repo: Repository) -> None:
    repo.add_session(run("first"))
    change = DanglingExercise()
    with pytest.raises(StorageError, match="FOREIGN KEY constraint failed"):
        repo.apply(change)
    assert change.ran_to_the_end, "the failure was not the COMMIT's"
    assert not repo._db.raw.in_transaction
    assert counts(repo) == {
        "sessions": 1,
        "exercises": 0,
        "checkins": 0,
        "pins": 0,
        "checklist_ticks": 0,
    }
    assert [s.notes for s in repo.sessions()] == ["first"]
    # The next write is a transaction of its own, and commits.
    repo.apply(Tick(DAY, "mobility", True))
    assert counts(repo)["checklist_ticks"] == 1
    assert integrity(repo) == "ok"


def test_a_failing_commit_of_a_plain_write_is_rolled_back_too(repo: Repository) -> None:
    with pytest.raises(StorageError, match="FOREIGN KEY"), repo._db.write():
        repo._db.execute("PRAGMA defer_foreign_keys = ON")
        repo._db.execute("INSERT INTO checklist_ticks (date, item) VALUES ('2026-11-16', 'a')")
        repo._db.execute(
            "INSERT INTO exercises (session_id, position, name, sets, reps) "
            "VALUES (5, 0, 'orphan', 3, 5)"
        )
    assert not repo._db.raw.in_transaction
    assert repo.ticks(DAY, DAY) == set()
    repo.set_tick(DAY, "b", True)
    assert repo.ticks(DAY, DAY) == {(DAY, "b")}


# -- nested transactions ----------------------------------------------------------------------


def test_a_failed_nested_write_rolls_back_only_its_own_part(repo: Repository) -> None:
    with repo._db.write():
        repo.set_tick(DAY, "outer before", True)
        with pytest.raises(StorageError, match="NOT NULL"), repo._db.write():
            repo.add_session(run("inner"))  # a savepoint inside the savepoint
            repo.set_tick(DAY, "inner", True)
            repo._db.execute("INSERT INTO sessions (date, type, minutes) VALUES (NULL, 'run', 1)")
        assert repo._db.raw.in_transaction  # the outer transaction goes on
        repo.set_tick(DAY, "outer after", True)
    assert repo.ticks(DAY, DAY) == {(DAY, "outer before"), (DAY, "outer after")}
    assert repo.sessions() == []
    assert not repo._db.raw.in_transaction


def test_a_failure_three_levels_down_keeps_the_two_levels_above(repo: Repository) -> None:
    with repo._db.write():
        repo.set_tick(DAY, "1", True)
        with repo._db.write():
            repo.set_tick(DAY, "2", True)
            with pytest.raises(StorageError, match="exists already"), repo._db.write():
                repo.set_tick(DAY, "3", True)
                repo.add_session(run(id=1))
                repo.add_session(run(id=1))  # refused: the id is taken
            repo.set_tick(DAY, "2 after", True)
    assert {item for _, item in repo.ticks(DAY, DAY)} == {"1", "2", "2 after"}
    assert repo.session_count() == 0


def test_a_failed_outer_write_takes_the_nested_ones_with_it(repo: Repository) -> None:
    with pytest.raises(StorageError, match="stop"), repo._db.write():
        repo.set_tick(DAY, "nested, committed to the savepoint", True)
        repo.add_session(run())
        raise StorageError("stop")
    assert counts(repo) == dict.fromkeys(counts(repo), 0)


# -- no SQLite exception escapes --------------------------------------------------------------


def _in_a_transaction(repo: Repository) -> None:
    with repo.transaction():
        repo.set_tick(DAY, "a", True)


CALLS: dict[str, Callable[[Repository], object]] = {
    "apply": lambda r: r.apply(Tick(DAY, "a", True)),
    "transaction": lambda r: _in_a_transaction(r),
    "data_version": lambda r: r.data_version(),
    "profile": lambda r: r.profile(),
    "save_profile": lambda r: r.save_profile(Profile()),
    "reset_profile": lambda r: r.reset_profile(),
    "add_session": lambda r: r.add_session(run()),
    "add_sessions": lambda r: r.add_sessions([run(), run()]),
    "replace_session": lambda r: r.replace_session(run(id=1)),
    "move_session": lambda r: r.move_session(1, DAY),
    "delete_session": lambda r: r.delete_session(1),
    "session": lambda r: r.session(1),
    "sessions": lambda r: r.sessions(),
    "session_count": lambda r: r.session_count(),
    "run_dates": lambda r: r.run_dates(DAY),
    "exercise_names": lambda r: r.exercise_names(),
    "goal": lambda r: r.goal(),
    "save_goal": lambda r: r.save_goal(Goal(date=DAY, distance_km=10.0)),
    "clear_goal": lambda r: r.clear_goal(),
    "save_checkin": lambda r: r.save_checkin(CheckIn(date=DAY, soreness=3)),
    "delete_checkin": lambda r: r.delete_checkin(DAY),
    "checkin": lambda r: r.checkin(DAY),
    "checkins": lambda r: r.checkins(),
    "add_pin": lambda r: r.add_pin(Pin(date=DAY, kind="easy_run", action="skip")),
    "change_pins": lambda r: r.change_pins([1], [Pin(date=DAY, kind="leg_day", action="add")]),
    "delete_pin": lambda r: r.delete_pin(1),
    "pins": lambda r: r.pins(),
    "set_tick": lambda r: r.set_tick(DAY, "a", True),
    "ticks": lambda r: r.ticks(DAY, DAY),
    "setting": lambda r: r.setting("theme"),
    "set_setting": lambda r: r.set_setting("theme", "nord"),
    "history_page": lambda r: r.history_page(HistoryFilter()),
    "history_count": lambda r: r.history_count(HistoryFilter()),
    "last_leg_day": lambda r: r.last_leg_day(DAY),
    "weekly_totals": lambda r: r.weekly_totals(DAY, DAY, 0),
    "weekly_tonnage": lambda r: r.weekly_tonnage(DAY, DAY, 0),
    "daily_loads": lambda r: r.daily_loads(DAY, DAY),
    "soreness_by_day": lambda r: r.soreness_by_day(DAY, DAY),
    "longest_run": lambda r: r.longest_run(),
    "fastest_run": lambda r: r.fastest_run(),
    "most_weekly_km": lambda r: r.most_weekly_km(0),
    "lift_sets": lambda r: r.lift_sets(),
    "personal_bests": lambda r: r.personal_bests(0),
    "records": lambda r: r.records(),
    "import_records": lambda r: r.import_records(Records(sessions=(run(),))),
    "has_import": lambda r: r.has_import("digest"),
    "import_activities": lambda r: r.import_activities([Activity("digest", "gpx", run())]),
    "backup": lambda r: r.backup(Path(str(r.path)).with_name("copy.db")),
}
# Not on the connection: opening and closing, and the second connection `reader()` opens.
NOT_ON_THE_CONNECTION = {"open", "in_memory", "close", "reader"}


def test_every_public_repository_method_is_driven_below() -> None:
    public = {
        name
        for name, _ in inspect.getmembers(Repository, callable)
        if not name.startswith("_") and name not in NOT_ON_THE_CONNECTION
    }
    assert public == set(CALLS), "add the new method to CALLS"


@pytest.mark.parametrize("name", list(CALLS))
def test_a_closed_connection_gives_a_storage_error_never_sqlites_own(
    repo: Repository, name: str
) -> None:
    repo.add_session(run())
    repo._db.raw.close()
    with pytest.raises(StorageError) as refused:
        CALLS[name](repo)
    assert not isinstance(refused.value, sqlite3.Error)
    assert "closed database" in str(refused.value)


def test_closing_a_repository_twice_is_harmless(repo: Repository) -> None:
    repo._db.raw.close()
    repo.close()
    with pytest.raises(StorageError):
        repo.profile()
