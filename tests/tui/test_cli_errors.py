"""Bad input gets one clear line and changes nothing; files that are not ours are left alone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from legrun.storage import Repository
from legrun.storage import database as database_module
from legrun.storage.schema import MIGRATIONS
from legrun.tui import cli as cli_module
from tests.conftest import assert_refused, file_state

# (arguments, words the one error line must contain: what is wrong and what is allowed)
INVALID = {
    "no 30th of February": (
        ["log", "leg", "--date", "2026-02-30", "--rpe", "8"],
        ["2026-02-30", "no such day", "YYYY-MM-DD"],
    ),
    "a slashed date is ambiguous": (
        ["log", "run", "--date", "01/02/2026", "--km", "5", "--minutes", "30"],
        ["01/02/2026", "YYYY-MM-DD", "today", "yesterday", "tomorrow"],
    ),
    "a date without zero padding": (
        ["checkin", "--date", "2026-1-5", "--soreness", "3"],
        ["2026-1-5", "YYYY-MM-DD"],
    ),
    "rpe eleven": (
        ["log", "leg", "--date", "today", "--rpe", "11"],
        ["RPE", "1 to 10", "11"],
    ),
    "rpe zero on a run": (
        ["log", "run", "--date", "today", "--km", "5", "--minutes", "30", "--rpe", "0"],
        ["RPE", "1 to 10"],
    ),
    "negative km": (
        ["log", "run", "--date", "today", "--km", "-5", "--minutes", "30"],
        ["km", "more than 0", "-5"],
    ),
    "km that is not a number": (
        ["log", "run", "--date", "today", "--km", "five", "--minutes", "30"],
        ["km must be a number", "five"],
    ),
    "km that is nan": (
        ["log", "run", "--date", "today", "--km", "nan", "--minutes", "30"],
        ["km", "more than 0"],
    ),
    "zero minutes": (
        ["log", "run", "--date", "today", "--km", "5", "--minutes", "0"],
        ["minutes", "1 to 1440", "0"],
    ),
    "fractional minutes": (
        ["log", "cross", "--date", "today", "--activity", "bike", "--minutes", "20.5"],
        ["minutes", "whole number", "20.5"],
    ),
    "soreness twelve": (
        ["checkin", "--date", "today", "--soreness", "12"],
        ["soreness", "0 to 10", "12"],
    ),
    "sleep six": (
        ["checkin", "--date", "today", "--soreness", "2", "--sleep", "6"],
        ["sleep", "1 to 5", "6"],
    ),
    "an unknown activity": (
        ["log", "cross", "--date", "today", "--activity", "rowing", "--minutes", "30"],
        ["rowing", "bike", "swim", "yoga", "walk", "other"],
    ),
    "an unknown run kind": (
        ["log", "run", "--date", "today", "--km", "5", "--minutes", "30", "--kind", "sprint"],
        ["sprint", "recovery", "easy", "long", "tempo", "intervals"],
    ),
    "an unreadable exercise": (
        ["log", "leg", "--date", "today", "--rpe", "8", "--exercise", "squats, lots"],
        ["squats, lots", "SETSxREPS", "back squat 5x5@100kg"],
    ),
    "an exercise with zero sets": (
        ["log", "leg", "--date", "today", "--rpe", "8", "--exercise", "squat 0x5@100kg"],
        ["sets", "1 to 50", "0"],
    ),
    "a leg day without rpe": (
        ["log", "leg", "--date", "today"],
        ["--rpe", "required"],
    ),
    "notes longer than 2000 characters": (
        ["log", "leg", "--date", "today", "--rpe", "5", "--notes", "x" * 2001],
        ["notes", "2000"],
    ),
    "an age of five": (
        ["profile", "set", "--age", "5"],
        ["age", "10 to 100", "5"],
    ),
    "a weekday that is not one": (
        ["profile", "set", "--long-run-day", "funday"],
        ["funday", "mon", "sun"],
    ),
    "a word that merely starts like a weekday": (
        ["profile", "set", "--leg-days", "mon,thumb"],
        ["thumb", "mon", "thu"],
    ),
    "a week starting on wednesday": (
        ["profile", "set", "--week-start", "wed"],
        ["wed", "mon or sun"],
    ),
    "zero weekly km": (
        ["profile", "set", "--weekly-km", "0"],
        ["weekly km", "more than 0", "400"],
    ),
    "an unknown cross-training": (
        ["profile", "set", "--cross", "bike,rowing"],
        ["rowing", "bike", "swim", "yoga", "walk"],
    ),
    "profile set with nothing to set": (
        ["profile", "set"],
        ["at least one"],
    ),
    "a resting HR above the max HR": (
        ["profile", "set", "--max-hr", "110", "--resting-hr", "115"],
        ["resting HR must be below max HR", "115", "110"],
    ),
    "history from after to": (
        ["history", "--from", "2026-12-01", "--to", "2026-11-01"],
        ["--from", "--to", "2026-12-01", "2026-11-01"],
    ),
    "delete with a word for an id": (
        ["delete", "last"],
        ["session id", "last"],
    ),
    "an unknown command": (
        ["lift", "--date", "today"],
        ["invalid choice", "lift"],
    ),
}


@pytest.mark.parametrize("args, words", INVALID.values(), ids=INVALID.keys())
def test_invalid_input_is_refused_in_one_line_and_creates_no_database(
    cli, db_path: Path, args: list[str], words: list[str]
) -> None:
    result = cli(*args)
    assert_refused(result, 2, *words)
    assert not db_path.exists()
    assert file_state(db_path) == (None, [])


@pytest.mark.parametrize(
    "args",
    [
        ["log", "leg", "--date", "today", "--rpe", "11"],
        ["log", "leg", "--date", "2026-02-30", "--rpe", "8"],
        ["log", "run", "--date", "today", "--km", "-5", "--minutes", "30"],
        ["checkin", "--date", "today", "--soreness", "12"],
        ["profile", "set", "--age", "5"],
    ],
    ids=["rpe 11", "30 February", "negative km", "soreness 12", "age 5"],
)
def test_invalid_input_leaves_an_existing_database_byte_for_byte(
    cli, seeded_db: Path, args: list[str]
) -> None:
    before = file_state(seeded_db)
    assert_refused(cli(*args), 2)
    assert file_state(seeded_db) == before


def test_a_resting_hr_at_the_stored_max_hr_is_refused_and_nothing_is_written(
    cli, seeded_db: Path
) -> None:
    assert cli("profile", "set", "--max-hr", "120").returncode == 0
    before = file_state(seeded_db)
    assert_refused(cli("profile", "set", "--resting-hr", "120"), 2, "resting HR", "max HR")
    assert file_state(seeded_db) == before


def test_rpe_eleven_is_refused_and_nothing_is_written(cli, seeded_db: Path) -> None:
    with Repository.open(seeded_db) as repo:
        before = repo.sessions()
    assert_refused(cli("log", "leg", "--date", "today", "--rpe", "11"), 2, "RPE")
    with Repository.open(seeded_db) as repo:
        assert repo.sessions() == before


def test_deleting_an_unknown_id_fails_and_changes_nothing(cli, seeded_db: Path) -> None:
    before = file_state(seeded_db)
    # A missing id is the input refused (exit 2, as DESIGN.md says of input), not the database.
    assert_refused(cli("delete", "99"), 2, "99")
    assert file_state(seeded_db) == before


def test_deleting_a_session_removes_only_it(cli, seeded_db: Path) -> None:
    result = cli("delete", "2")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("deleted #2 2026-11-18")
    with Repository.open(seeded_db) as repo:
        assert [s.id for s in repo.sessions()] == [1, 3]


def _other_apps_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('beach.jpg')")
    conn.commit()
    conn.close()


def _text_file(path: Path) -> None:
    path.write_text("this is my training diary, in plain text\n" * 50)


def _truncated_legrun_copy(path: Path) -> None:
    original = path.with_name("original.db")
    with Repository.open(original) as repo:
        repo._db.raw.execute("VACUUM")
    path.write_bytes(original.read_bytes()[:6000])
    original.unlink()


def _newer_legrun_db(path: Path) -> None:
    Repository.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()


NOT_OURS = {
    "another app's SQLite": (_other_apps_sqlite, "another program"),
    "a text file": (_text_file, "not an SQLite file"),
    "a truncated copy of a legrun db": (_truncated_legrun_copy, "truncated"),
    "a legrun db from a newer schema": (_newer_legrun_db, "newer legrun-tui"),
}


@pytest.mark.parametrize("make, says", NOT_OURS.values(), ids=NOT_OURS.keys())
@pytest.mark.parametrize(
    "args",
    [["history", "--json"], ["log", "run", "--date", "today", "--km", "5", "--minutes", "30"]],
    ids=["read", "write"],
)
def test_a_file_that_is_not_a_legrun_database_is_refused_and_left_as_it_was(
    cli, tmp_path: Path, make, says: str, args: list[str]
) -> None:
    path = tmp_path / "not-legrun.db"
    make(path)
    before = file_state(path)
    assert_refused(cli(*args, db=path), 1, says)
    assert file_state(path) == before  # same bytes, no -wal or -shm beside it


def test_a_folder_given_as_the_database_is_refused(cli, tmp_path: Path) -> None:
    assert_refused(cli("history", db=tmp_path), 1, "folder")


def test_a_bad_pinned_today_is_refused(cli, isolated_env: dict[str, str], db_path: Path) -> None:
    isolated_env["LEGRUN_TODAY"] = "next tuesday"
    assert_refused(cli("history"), 2, "LEGRUN_TODAY", "ISO date")
    assert not db_path.exists()


# In-process: the same `main()` the installed command runs, with what a subprocess cannot set.


def test_a_database_locked_past_the_timeout_fails_with_exit_1_and_one_line(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEGRUN_TODAY", "2026-11-24")
    monkeypatch.setattr(database_module, "BUSY_TIMEOUT_MS", 150)
    holder = sqlite3.connect(seeded_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = cli_module.main(
            [
                "--db",
                str(seeded_db),
                "log",
                "run",
                "--date",
                "today",
                "--km",
                "5",
                "--minutes",
                "30",
            ]
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    captured = capsys.readouterr()
    assert code == 1
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert captured.err.startswith("legrun-tui: error: the database is busy")
    with Repository.open(seeded_db) as repo:
        assert repo.session_count() == 3


def test_an_sqlite_failure_at_run_time_is_one_line_not_a_traceback(
    seeded_db: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """SQLite errors a user can cause but a test cannot easily (a full disk, a read-only
    file) end the same way: exit 1, one line, nothing saved. A trigger in the file makes the
    real SQLite refuse the insert with the full-disk message, through the real storage."""
    with sqlite3.connect(seeded_db) as raw:
        raw.execute(
            "CREATE TRIGGER full BEFORE INSERT ON sessions "
            "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END"
        )
        before = raw.execute("SELECT count(*) FROM sessions").fetchone()[0]
    raw.close()
    monkeypatch.setenv("LEGRUN_TODAY", "2026-11-24")
    code = cli_module.main(
        ["--db", str(seeded_db), "log", "run", "--date", "today", "--km", "5", "--minutes", "30"]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err == (
        "legrun-tui: error: the disk is full, so nothing was saved; free some space and try again\n"
    )
    with sqlite3.connect(seeded_db) as raw:
        assert raw.execute("SELECT count(*) FROM sessions").fetchone()[0] == before
    raw.close()


@pytest.mark.parametrize("week", ["9999-12-31", "0001-01-08"])
def test_planning_at_the_ends_of_the_calendar_is_one_line_not_a_traceback(cli, week) -> None:
    assert_refused(cli("plan", "--week", week), 2, "calendar")


# -- the command line as the README writes it ---------------------------------------------------


def test_db_may_come_after_the_command(cli, tmp_path: Path) -> None:
    db = tmp_path / "after.db"
    result = cli(
        "log",
        "run",
        "--db",
        str(db),
        "--date",
        "2026-11-24",
        "--km",
        "5",
        "--minutes",
        "30",
        db=None,
    )
    assert result.returncode == 0, result.stderr
    with Repository.open(db) as repo:
        assert [s.date.isoformat() for s in repo.sessions()] == ["2026-11-24"]
    shown = cli("history", "--json", "--db", str(db), db=None)
    assert shown.returncode == 0 and '"2026-11-24"' in shown.stdout


def test_db_in_a_folder_that_does_not_exist_is_refused_and_nothing_is_made(
    cli, tmp_path: Path
) -> None:
    missing = tmp_path / "no" / "such" / "folder" / "x.db"
    result = cli("log", "run", "--date", "today", "--km", "5", "--minutes", "30", db=str(missing))
    assert_refused(result, 2, "does not exist")
    assert not (tmp_path / "no").exists()


@pytest.mark.parametrize(
    "args",
    [
        ["plan"],
        ["plan", "--json"],
        ["history"],
        ["today"],
        ["stats", "--json"],
        ["season"],
        ["profile", "show"],
        ["goal", "show"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_command_that_only_reads_makes_no_database(cli, tmp_path: Path, args) -> None:
    db = tmp_path / "never.db"
    result = cli(*args, db=str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout  # it answered, from the defaults
    assert list(tmp_path.iterdir()) == []


def test_demo_with_db_is_refused(cli, tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    assert_refused(cli("--demo", "plan", db=str(db)), 2, "--demo")
    assert not db.exists()


def test_a_refused_export_creates_no_database(cli, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    result = cli("export", "ics", str(tmp_path / "no" / "plan.ics"), db=str(db))
    assert result.returncode == 2, result.stderr
    assert not db.exists()
    exported = cli("export", "ics", str(tmp_path / "plan.ics"), db=str(db))
    assert exported.returncode == 0, exported.stderr
    assert (tmp_path / "plan.ics").exists() and not db.exists()  # the plan of the defaults


def test_a_backup_of_no_database_is_refused_and_makes_none(cli, tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    assert_refused(cli("backup", str(tmp_path / "copy.db"), db=str(db)), 2, "no database")
    assert list(tmp_path.iterdir()) == []
