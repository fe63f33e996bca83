"""Schema changes: ordered migrations, a backup before migrating, never backwards, and a
database saved by each earlier release (schemas 1, 3 and 4) opens with nothing lost."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from legrun.planner.goal import Goal
from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Pin, Profile, Run
from legrun.storage import Repository, StorageError
from legrun.storage.database import open_database
from legrun.storage.records import Activity
from legrun.storage.schema import MIGRATIONS

DATA = Path(__file__).parent / "data"


def _rows(
    conn: sqlite3.Connection, table: str, columns: str | None = None
) -> tuple[str, list[tuple[object, ...]]]:
    """A table's rows in the columns it had (`columns`, else all it has now): what a later
    schema adds beside them (a new column) is not a change to the rows kept."""
    if columns is None:
        columns = ", ".join(c[1] for c in conn.execute(f"PRAGMA table_info({table})"))
    return columns, conn.execute(f"SELECT {columns} FROM {table} ORDER BY 1, 2").fetchall()


def _user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _tables(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()


def _recording(name: str, ran: list[str]):
    def migrate(db: sqlite_utils.Database) -> None:
        ran.append(name)
        db[name].create({"id": int}, pk="id")

    return migrate


def test_migrations_run_once_each_in_order(db_path: Path) -> None:
    ran: list[str] = []
    steps = [_recording(n, ran) for n in ("first", "second", "third")]
    open_database(db_path, steps).close()
    assert ran == ["first", "second", "third"]
    assert _user_version(db_path) == 3
    open_database(db_path, steps).close()
    assert ran == ["first", "second", "third"]


def test_a_new_migration_backs_up_the_older_database_first(db_path: Path) -> None:
    ran: list[str] = []
    old = [_recording("first", ran), _recording("second", ran)]
    db = open_database(db_path, old)
    db.execute("INSERT INTO first (id) VALUES (7)")
    db.commit()
    db.close()

    open_database(db_path, [*old, _recording("third", ran)]).close()

    assert ran == ["first", "second", "third"]
    backup = db_path.with_name("legrun.db.schema2.bak")
    assert backup.is_file()
    assert _user_version(backup) == 2
    assert _tables(backup) == {"first", "second"}
    assert _user_version(db_path) == 3
    assert _tables(db_path) == {"first", "second", "third"}
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT id FROM first").fetchall() == [(7,)]
    conn.close()


def test_a_failing_migration_changes_nothing_and_says_so(db_path: Path) -> None:
    ran: list[str] = []
    first = _recording("first", ran)
    open_database(db_path, [first]).close()

    def broken(db: sqlite_utils.Database) -> None:
        db["half_done"].create({"id": int}, pk="id")
        db.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(StorageError, match="could not upgrade .* to schema 2"):
        open_database(db_path, [first, broken])
    assert _user_version(db_path) == 1
    assert _tables(db_path) == {"first"}
    assert sorted(p.name for p in db_path.parent.iterdir()) == [
        "legrun.db",
        "legrun.db.schema1.bak",
    ]


def test_a_database_newer_than_the_migrations_is_not_migrated_backwards(db_path: Path) -> None:
    ran: list[str] = []
    steps = [_recording(n, ran) for n in ("first", "second")]
    open_database(db_path, steps).close()
    with pytest.raises(StorageError, match=r"schema 2; this one knows up to 1"):
        open_database(db_path, steps[:1])
    assert _user_version(db_path) == 2
    assert _tables(db_path) == {"first", "second"}


def test_the_real_schema_is_at_the_number_of_migrations(repo: Repository) -> None:
    assert repo._db.raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    tables = {
        r[0] for r in repo._db.raw.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }
    assert {"profile", "sessions", "exercises", "checkins", "pins", "checklist_ticks"} <= tables


def test_a_database_saved_by_the_first_release_opens_with_nothing_lost(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.executescript((DATA / "legrun-schema1.sql").read_text())
    conn.close()
    assert _user_version(db_path) == 1

    with Repository.open(db_path) as repo:
        assert repo.profile() == Profile(
            age=42,
            max_hr=181,
            resting_hr=52,
            runs_per_week=4,
            weekly_km=32.5,
            long_run_day=5,
            week_start=6,
            units="mi",
            cross=("swim", "walk"),
            leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
        )
        assert repo.sessions() == [
            LegDay(
                id=1,
                date=date(2026, 3, 2),
                minutes=65,
                rpe=8,
                notes="felt strong",
                exercises=(
                    Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),
                    Exercise("walking lunge", 3, 12, None, ("quads", "glutes")),
                    Exercise("deadlift", 3, 5, 102.1, ("hamstrings", "glutes")),
                ),
            ),
            Run(
                id=2, date=date(2026, 3, 3), minutes=42, rpe=3, km=7.4, avg_hr=128, kind="recovery"
            ),
            CrossTraining(id=3, date=date(2026, 3, 4), minutes=30, activity="swim"),
            Run(
                id=4, date=date(2026, 3, 8), minutes=95, rpe=6, km=16.0, kind="long", notes="hilly"
            ),
        ]
        assert repo.checkins() == [
            CheckIn(
                date=date(2026, 3, 3),
                soreness=6,
                quads=7,
                hamstrings=5,
                glutes=4,
                calves=2,
                sleep=3,
                energy=2,
            )
        ]
        assert repo.pins() == [
            Pin(
                id=1,
                date=date(2026, 3, 10),
                kind="easy_run",
                action="move",
                to_date=date(2026, 3, 11),
            )
        ]
        assert repo.ticks(date(2026, 3, 2), date(2026, 3, 8)) == {(date(2026, 3, 2), "warmup")}
        assert repo.setting("theme") == "textual-light"
    assert _user_version(db_path) == len(MIGRATIONS)
    # A backup is taken exactly when there was something to migrate.
    assert db_path.with_name("legrun.db.schema1.bak").exists() == (len(MIGRATIONS) > 1)


def test_the_first_migration_still_creates_the_released_schema_1(tmp_path: Path) -> None:
    """Released migrations are never edited: schema 1 made today is the saved one, table by
    table and index by index."""

    def schema(path: Path) -> list[tuple[str, str]]:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
            ).fetchall()
        finally:
            conn.close()
        return [(name, " ".join(sql.split())) for name, sql in rows]

    saved = tmp_path / "saved.db"
    conn = sqlite3.connect(saved)
    conn.executescript((DATA / "legrun-schema1.sql").read_text())
    conn.close()
    made = tmp_path / "made.db"
    open_database(made, MIGRATIONS[:1]).close()
    assert schema(made) == schema(saved)


def _schema_of(path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    finally:
        conn.close()
    return [(name, " ".join(sql.split())) for name, sql in rows]


def _load(path: Path, fixture: str) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((DATA / fixture).read_text())
    conn.close()


def test_migrations_up_to_3_still_create_the_released_schema_3(tmp_path: Path) -> None:
    """The saved schema-3 database is what migrations 1-3 make today, table by table."""
    saved = tmp_path / "saved.db"
    _load(saved, "legrun-schema3.sql")
    made = tmp_path / "made.db"
    open_database(made, MIGRATIONS[:3]).close()
    assert _user_version(saved) == _user_version(made) == 3
    assert _schema_of(made) == _schema_of(saved)


def test_a_schema_3_database_opens_with_nothing_lost_and_the_new_settings_off(
    db_path: Path,
) -> None:
    _load(db_path, "legrun-schema3.sql")
    assert _user_version(db_path) == 3
    before = sqlite3.connect(db_path)
    rows_before = {
        table: _rows(before, table)
        for table in ("sessions", "exercises", "checkins", "pins", "checklist_ticks", "settings")
    }
    before.close()

    with Repository.open(db_path) as repo:
        profile = repo.profile()
        assert profile == Profile(
            age=38,
            max_hr=186,
            resting_hr=55,
            runs_per_week=5,
            weekly_km=41.5,
            long_run_day=5,
            week_start=6,
            units="mi",
            cross=("bike", "walk"),
            leg_days_rule="FREQ=WEEKLY;BYDAY=TU,FR",
        )
        assert not profile.is_default
        # The new settings start as the planner behaved before they existed.
        assert profile.same_day_hard is False
        assert profile.unavailable == ()
        assert profile.weekly_minutes is None
        assert repo.sessions() == [
            LegDay(
                id=1,
                date=date(2026, 9, 1),
                minutes=70,
                rpe=9,
                notes="heavy",
                exercises=(
                    Exercise("back squat", 5, 5, 110.0, ("quads", "glutes")),
                    Exercise("nordic curl", 3, 6, None, ("hamstrings",)),
                ),
            ),
            Run(
                id=2, date=date(2026, 9, 2), minutes=40, rpe=3, km=6.8, avg_hr=131, kind="recovery"
            ),
            Run(
                id=3,
                date=date(2026, 9, 3),
                minutes=50,
                rpe=7,
                km=10.0,
                kind="tempo",
                notes="2x15 min",
            ),
            Run(id=5, date=date(2026, 9, 6), minutes=110, rpe=6, km=19.3, avg_hr=142, kind="long"),
            CrossTraining(id=6, date=date(2026, 9, 7), minutes=45, rpe=2, activity="yoga"),
        ]
        assert repo.checkins() == [
            CheckIn(
                date=date(2026, 9, 2),
                soreness=5,
                quads=7,
                hamstrings=6,
                glutes=3,
                calves=1,
                sleep=4,
                energy=3,
            )
        ]
        assert repo.pins() == [
            Pin(
                id=1,
                date=date(2026, 9, 9),
                kind="easy_run",
                action="move",
                to_date=date(2026, 9, 10),
            ),
            Pin(id=3, date=date(2026, 9, 12), kind="cross_training", action="add", minutes=40),
        ]
        assert repo.ticks(date(2026, 9, 1), date(2026, 9, 1)) == {
            (date(2026, 9, 1), "warmup"),
            (date(2026, 9, 1), "fuel"),
        }
        assert repo.setting("theme") == "textual-dark"
        rows_after = {
            table: _rows(repo._db.raw, table, rows_before[table][0]) for table in rows_before
        }
        assert rows_after == rows_before  # every row of every table, byte for byte
        # Ids deleted before the upgrade stay used: session 7 and pin 2 never come back.
        assert repo.add_session(Run(date=date(2026, 9, 9), minutes=30, km=5.0)) == 8
        assert repo.add_pin(Pin(date=date(2026, 9, 13), kind="rest", action="skip")) == 4
        assert repo.goal() is None  # schema 5's goal table starts empty
    assert _user_version(db_path) == len(MIGRATIONS) == 7
    backup = db_path.with_name("legrun.db.schema3.bak")
    assert _user_version(backup) == 3
    assert "same_day_hard" not in dict(_schema_of(backup))["profile"]


def test_schema_4_adds_the_three_profile_columns_with_safe_defaults(db_path: Path) -> None:
    _load(db_path, "legrun-schema3.sql")
    Repository.open(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        columns = {
            row[1]: (row[2], row[3], row[4])  # type, not null, default
            for row in conn.execute("PRAGMA table_info(profile)")
        }
        stored = conn.execute(
            "SELECT same_day_hard, unavailable, weekly_minutes FROM profile"
        ).fetchall()
    finally:
        conn.close()
    assert columns["same_day_hard"] == ("INTEGER", 1, "0")
    assert columns["unavailable"] == ("TEXT", 1, "''")
    assert columns["weekly_minutes"] == ("INTEGER", 0, None)
    assert stored == [(0, "", None)]


def test_a_schema_3_database_without_a_profile_still_gives_the_defaults(db_path: Path) -> None:
    _load(db_path, "legrun-schema3.sql")
    conn = sqlite3.connect(db_path)
    conn.execute("DELETE FROM profile")
    conn.commit()
    conn.close()
    with Repository.open(db_path) as repo:
        profile = repo.profile()
    assert profile.is_default
    assert (profile.same_day_hard, profile.unavailable, profile.weekly_minutes) == (
        False,
        (),
        None,
    )


def test_migrations_up_to_4_still_create_the_released_schema_4(tmp_path: Path) -> None:
    """The saved schema-4 database is what migrations 1-4 make today, table by table."""
    saved = tmp_path / "saved.db"
    _load(saved, "legrun-schema4.sql")
    made = tmp_path / "made.db"
    open_database(made, MIGRATIONS[:4]).close()
    assert _user_version(saved) == _user_version(made) == 4
    assert _schema_of(made) == _schema_of(saved)


def _schema_of_fixture(folder: Path, fixture: str) -> list[tuple[str, str]]:
    path = folder / f"fixture-{fixture}.db"
    _load(path, fixture)
    return _schema_of(path)


_SCHEMA_4_TABLES = ("profile", "sessions", "exercises", "checkins", "pins", "checklist_ticks")


def test_a_schema_4_database_opens_with_nothing_lost_and_no_goal(db_path: Path) -> None:
    _load(db_path, "legrun-schema4.sql")
    assert _user_version(db_path) == 4
    assert "goal" not in _tables(db_path)
    before = sqlite3.connect(db_path)
    rows_before = {
        table: _rows(before, table) for table in (*_SCHEMA_4_TABLES, "settings", "sqlite_sequence")
    }
    before.close()

    with Repository.open(db_path) as repo:
        assert repo.profile() == Profile(
            age=29,
            max_hr=None,
            resting_hr=58,
            runs_per_week=4,
            weekly_km=33.0,
            long_run_day=6,
            week_start=0,
            units="km",
            cross=("swim", "yoga"),
            leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
            same_day_hard=True,
            unavailable=(2,),
            weekly_minutes=210,
        )
        assert repo.sessions() == [
            LegDay(
                id=1,
                date=date(2026, 10, 5),
                minutes=60,
                rpe=8,
                notes="squats felt heavy",
                exercises=(
                    Exercise("back squat", 5, 5, 95.0, ("quads", "glutes")),
                    Exercise("romanian deadlift", 3, 8, 70.0, ("hamstrings", "glutes")),
                ),
            ),
            Run(
                id=2, date=date(2026, 10, 6), minutes=35, rpe=3, km=5.9, avg_hr=129, kind="recovery"
            ),
            Run(
                id=3,
                date=date(2026, 10, 8),
                minutes=22,
                rpe=9,
                km=5.0,
                avg_hr=176,
                kind="race",
                notes="parkrun PB",
            ),
            CrossTraining(id=4, date=date(2026, 10, 9), minutes=30, rpe=3, activity="swim"),
        ]
        assert repo.checkins() == [
            CheckIn(
                date=date(2026, 10, 6),
                soreness=4,
                quads=6,
                hamstrings=3,
                glutes=2,
                calves=1,
                sleep=5,
                energy=4,
            ),
            CheckIn(date=date(2026, 10, 12), soreness=2, sleep=3),
        ]
        assert repo.pins() == [
            Pin(id=1, date=date(2026, 10, 14), kind="easy_run", action="skip"),
        ]
        assert repo.ticks(date(2026, 10, 5), date(2026, 10, 11)) == {(date(2026, 10, 5), "warmup")}
        assert repo.setting("theme") == "nord"
        # No goal race: a database from before goals plans as it did.
        assert repo.goal() is None
        assert repo._db.raw.execute("SELECT COUNT(*) FROM goal").fetchone() == (0,)
        rows_after = {
            table: _rows(repo._db.raw, table, rows_before[table][0]) for table in rows_before
        }
        assert rows_after == rows_before  # every row of every table, byte for byte
        # Ids deleted before the upgrade stay used: session 5 and pin 2 never come back.
        assert repo.add_session(Run(date=date(2026, 10, 13), minutes=30, km=5.0)) == 6
        assert repo.add_pin(Pin(date=date(2026, 10, 15), kind="rest", action="skip")) == 3
    assert _user_version(db_path) == len(MIGRATIONS)
    backup = db_path.with_name("legrun.db.schema4.bak")
    assert _user_version(backup) == 4
    assert "goal" not in _tables(backup)
    assert _schema_of(backup) == _schema_of_fixture(db_path.parent, "legrun-schema4.sql")


def test_schema_5_adds_an_empty_goal_table_that_holds_one_race(db_path: Path) -> None:
    _load(db_path, "legrun-schema4.sql")
    Repository.open(db_path).close()
    conn = sqlite3.connect(db_path)
    try:
        columns = {
            row[1]: (row[2], row[3], row[4])  # type, not null, default
            for row in conn.execute("PRAGMA table_info(goal)")
        }
        assert conn.execute("SELECT * FROM goal").fetchall() == []
        # At most one goal: the table refuses a second row.
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO goal (id, date, distance_km) VALUES (2, '2027-04-11', 10)")
    finally:
        conn.close()
    assert columns == {
        "id": ("INTEGER", 0, None),
        "date": ("TEXT", 1, None),
        "distance_km": ("FLOAT", 1, None),
        "name": ("TEXT", 1, "''"),
    }


def test_migrations_up_to_5_still_create_the_released_schema_5(tmp_path: Path) -> None:
    """The saved schema-5 database is what migrations 1-5 make today, table by table."""
    saved = tmp_path / "saved.db"
    _load(saved, "legrun-schema5.sql")
    made = tmp_path / "made.db"
    open_database(made, MIGRATIONS[:5]).close()
    assert _user_version(saved) == _user_version(made) == 5
    assert _schema_of(made) == _schema_of(saved)


_SCHEMA_5_TABLES = (*_SCHEMA_4_TABLES, "goal", "settings", "sqlite_sequence")


def test_a_schema_5_database_opens_with_nothing_lost_and_nothing_imported(
    db_path: Path,
) -> None:
    _load(db_path, "legrun-schema5.sql")
    assert _user_version(db_path) == 5
    assert "imports" not in _tables(db_path)
    before = sqlite3.connect(db_path)
    rows_before = {table: _rows(before, table) for table in _SCHEMA_5_TABLES}
    before.close()

    with Repository.open(db_path) as repo:
        assert repo.profile() == Profile(
            age=44,
            max_hr=178,
            resting_hr=50,
            runs_per_week=4,
            weekly_km=36.0,
            long_run_day=5,
            week_start=0,
            units="km",
            cross=("bike", "swim"),
            leg_days_rule="FREQ=WEEKLY;BYDAY=TU",
            unavailable=(4,),
        )
        assert repo.goal() == Goal(date=date(2027, 3, 21), distance_km=10.0, name="City 10K")
        assert repo.sessions() == [
            LegDay(
                id=1,
                date=date(2026, 11, 2),
                minutes=55,
                rpe=7,
                notes="box squats",
                exercises=(
                    Exercise("box squat", 5, 3, 90.0, ("quads", "glutes")),
                    Exercise("calf raise", 3, 15, None, ("calves",)),
                ),
            ),
            Run(id=2, date=date(2026, 11, 3), minutes=41, rpe=4, km=7.25, avg_hr=133, kind="easy"),
            Run(
                id=4,
                date=date(2026, 11, 8),
                minutes=104,
                rpe=6,
                km=18.4,
                avg_hr=145,
                kind="long",
                notes="windy",
            ),
            CrossTraining(id=5, date=date(2026, 11, 9), minutes=35, rpe=2, activity="bike"),
        ]
        assert repo.checkins() == [
            CheckIn(date=date(2026, 11, 3), soreness=3, quads=5, hamstrings=2, sleep=4, energy=4)
        ]
        assert repo.pins() == [
            Pin(
                id=2,
                date=date(2026, 11, 11),
                kind="long_run",
                action="move",
                to_date=date(2026, 11, 12),
            )
        ]
        assert repo.ticks(date(2026, 11, 2), date(2026, 11, 2)) == {(date(2026, 11, 2), "mobility")}
        assert repo.setting("theme") == "gruvbox"
        # Nothing was imported from a watch before schema 6: every activity is new.
        assert repo._db.raw.execute("SELECT COUNT(*) FROM imports").fetchone() == (0,)
        assert not repo.has_import("0" * 64)
        rows_after = {
            table: _rows(repo._db.raw, table, rows_before[table][0]) for table in rows_before
        }
        assert rows_after == rows_before  # every row of every table, byte for byte
        # An export of the upgraded database reads every record of the old one.
        records = repo.records()
        assert len(records.sessions) == 4 and records.goal is not None
        # Ids deleted before the upgrade stay used: session 6 and pin 3 never come back.
        assert repo.add_session(Run(date=date(2026, 11, 10), minutes=30, km=5.0)) == 7
        assert repo.add_pin(Pin(date=date(2026, 11, 13), kind="rest", action="skip")) == 4
    assert _user_version(db_path) == len(MIGRATIONS) == 7
    backup = db_path.with_name("legrun.db.schema5.bak")
    assert _user_version(backup) == 5
    assert "imports" not in _tables(backup)
    assert _schema_of(backup) == _schema_of_fixture(db_path.parent, "legrun-schema5.sql")


def test_schema_6_adds_an_imports_table_keyed_by_digest(db_path: Path) -> None:
    _load(db_path, "legrun-schema5.sql")
    with Repository.open(db_path) as repo:
        run = Run(date=date(2026, 11, 14), minutes=50, km=10.0, avg_hr=150)
        assert repo.import_activities([Activity("d" * 64, "fit: a.fit, session 1", run)]) == [7]
        assert repo.import_activities([Activity("d" * 64, "fit: b.fit, session 1", run)]) == [None]
        assert repo.has_import("d" * 64)
        assert repo.session_count() == 5
    conn = sqlite3.connect(db_path)
    try:
        columns = {
            row[1]: (row[2], row[3], row[4], row[5])  # type, not null, default, primary key
            for row in conn.execute("PRAGMA table_info(imports)")
        }
        assert conn.execute("SELECT * FROM imports").fetchall() == [
            ("d" * 64, 7, "fit: a.fit, session 1")
        ]
        # One row a digest: the table refuses a second.
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("INSERT INTO imports (digest, session_id) VALUES (?, 1)", ["d" * 64])
        # No foreign key: deleting the run keeps its activity known (it stays deleted).
        conn.execute("DELETE FROM sessions WHERE id = 7")
        assert conn.execute("SELECT COUNT(*) FROM imports").fetchone() == (1,)
    finally:
        conn.close()
    assert columns == {
        "digest": ("TEXT", 0, None, 1),
        "session_id": ("INTEGER", 0, None, 0),
        "source": ("TEXT", 1, "''", 0),
    }


def test_a_schema_6_database_opens_with_nothing_lost_and_its_sets_alike(db_path: Path) -> None:
    """Schema 7 gives an exercise its sets one by one and the unit its load was typed in;
    the exercises stored before keep every figure, their sets alike and their loads in kg."""
    _load(db_path, "legrun-schema6.sql")
    assert _user_version(db_path) == 6
    before = sqlite3.connect(db_path)
    rows_before = {table: _rows(before, table) for table in (*_SCHEMA_5_TABLES, "imports")}
    old_exercises = before.execute("SELECT * FROM exercises ORDER BY id").fetchall()
    before.close()
    with Repository.open(db_path) as repo:
        after = {table: _rows(repo._db.raw, table, rows_before[table][0]) for table in rows_before}
        assert after == rows_before
        legs = [s for s in repo.sessions() if isinstance(s, LegDay)]
        exercises = [e for s in legs for e in s.exercises]
        assert [(e.name, e.sets, e.reps, e.load_kg) for e in exercises] == [
            (row[3], row[4], row[5], row[6]) for row in old_exercises
        ]
        assert all(e.per_set == () and e.unit == "kg" for e in exercises)
        assert repo.has_import("gpx:3f2a9c")
    assert _user_version(db_path) == len(MIGRATIONS) == 7


def test_sets_of_their_own_and_a_load_in_pounds_are_kept(repo: Repository) -> None:
    from legrun.planner.models import parse_exercise

    pyramid = parse_exercise("back squat 5@100, 5@105, 3@110kg")
    pounds = parse_exercise("deadlift 3x5@225lb")
    day = LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(pyramid, pounds))
    repo.add_session(day)
    (stored,) = repo.sessions()
    assert isinstance(stored, LegDay)
    assert stored.exercises == (pyramid, pounds)
    assert [e.describe() for e in stored.exercises] == [
        "back squat 5@100, 5@105, 3@110kg",
        "deadlift 3x5@225lb",
    ]
    assert stored.tonnage_kg == 5 * 100 + 5 * 105 + 3 * 110 + 3 * 5 * pounds.load_kg  # type: ignore[operator]
