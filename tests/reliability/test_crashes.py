"""kill -9 at random moments: during a stream of saves, an `import json` of a big file and a
migration. After each kill the file passes `PRAGMA integrity_check`, keeps every save the
killed process reported, and holds an import whole or not at all and a migration at a schema
that one of the releases wrote, with every row."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import textwrap
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest

from legrun.planner.models import CheckIn, Exercise, LegDay, Run
from legrun.storage import Repository
from legrun.storage.database import open_database
from legrun.storage.schema import MIGRATIONS
from tests.conftest import legrun_command
from tests.reliability.conftest import (
    connected,
    count,
    integrity,
    kill_hard,
    python_command,
    report,
    rows_in,
    tables,
    user_version,
    wait_until,
)

KILLS = count(10, 50)
DATA = Path(__file__).parents[1] / "storage" / "data"

# -- (a) a stream of saves --------------------------------------------------------------------

# `legrun-tui log run|leg ...` as its `main` runs it, one save after another without end, each
# opening and checking the file as the command does; its id printed as soon as it is saved.
SAVE_STREAM = textwrap.dedent(
    """
    import sys
    from legrun.tui.cli import main

    db, tag = sys.argv[1], sys.argv[2]
    i = 0
    while True:
        if i % 2:  # a leg day: the session and its exercises, rows of two tables
            what = ["leg", "--rpe", "7", "--exercise", "back squat 5x5@100kg",
                    "--exercise", "rdl 3x8@60kg"]
        else:
            what = ["run", "--km", "5", "--minutes", "30"]
        code = main(["--db", db, "log", *what, "--date", "2026-11-24", "--notes", f"{tag}-{i}"])
        if code:
            print(f"exit {code} on save {i}", file=sys.stderr)
        i += 1
    """
)


def _reported(path: Path) -> list[int]:
    """The ids a killed process printed in full (a line cut short by the kill was not)."""
    text = path.read_text()
    return [int(line) for line in text.split("\n")[:-1]]


def test_a_stream_of_saves_killed_at_random_keeps_every_reported_save(
    tmp_path: Path, isolated_env: dict[str, str], rng: random.Random
) -> None:
    db = tmp_path / "legrun.db"
    Repository.open(db).close()
    kept: dict[int, str] = {}  # id -> notes, of every save a killed process reported
    unreported = 0
    with Repository.open(db) as app:  # an app is open on the file all along
        for kill in range(KILLS):
            out, err = tmp_path / f"out-{kill}", tmp_path / f"err-{kill}"
            with out.open("w") as stdout, err.open("w") as stderr:
                stream = subprocess.Popen(
                    python_command(SAVE_STREAM, str(db), f"k{kill}"),
                    stdout=stdout,
                    stderr=stderr,
                    env=isolated_env,
                    text=True,
                )
                try:
                    wait_until(lambda out=out: b"\n" in out.read_bytes(), "the first save")
                    time.sleep(rng.uniform(0.0, 0.25))
                finally:
                    kill_hard(stream)
            assert stream.returncode == -signal.SIGKILL
            assert err.read_text() == "", err.read_text()

            assert integrity(db) == "ok", f"after kill {kill}"
            ids = _reported(out)
            kept.update({i: f"k{kill}-{n}" for n, i in enumerate(ids)})
            stored = {s.id: s.notes for s in app.sessions()}
            assert {i: stored.get(i) for i in kept} == kept, f"lost a reported save, kill {kill}"
            this_one = sorted(i for i, notes in stored.items() if notes.startswith(f"k{kill}-"))
            # At most the save being made at the kill is there unreported, and whole.
            assert this_one[: len(ids)] == ids and len(this_one) - len(ids) in (0, 1)
            if len(this_one) > len(ids):
                unreported += 1
                assert stored[this_one[-1]] == f"k{kill}-{len(ids)}"
            assert len(stored) == len(kept) + unreported
            # A leg day is there with both its exercises, or not at all.
            legs = [s for s in app.sessions() if isinstance(s, LegDay)]
            assert all(len(s.exercises) == 2 for s in legs), f"kill {kill}"
            with connected(db) as conn:
                orphans = conn.execute(
                    "SELECT count(*) FROM exercises WHERE session_id NOT IN "
                    "(SELECT id FROM sessions)"
                ).fetchone()[0]
            assert orphans == 0, f"kill {kill}: exercises of no session"
    with Repository.open(db) as repo:  # and a new connection opens it as it was
        stored = {s.id: s.notes for s in repo.sessions()}
    assert {i: stored.get(i) for i in kept} == kept
    assert len(stored) == len(kept) + unreported
    report(
        "kill -9 during saves",
        kills=KILLS,
        saves_reported=len(kept),
        saved_unreported=unreported,
        lost=0,
    )


# -- (b) import json of a big file -------------------------------------------------------------


def _big_history(path: Path, sessions: int) -> None:
    """Years of training: leg days with exercises, runs and a check-in a week."""
    first = date(2000, 1, 3)
    with Repository.open(path) as repo:
        made = []
        for n in range(sessions):
            day = first + timedelta(days=n // 2)
            if n % 3 == 0:
                made.append(
                    LegDay(
                        date=day,
                        minutes=60,
                        rpe=7 + n % 3,
                        notes=f"leg day {n}",
                        exercises=(
                            Exercise("back squat", 5, 5, 100.0 + n % 20, ("quads", "glutes")),
                            Exercise("rdl", 3, 8, 60.0, ("hamstrings",)),
                        ),
                    )
                )
            else:
                made.append(Run(date=day, minutes=30 + n % 50, km=5.0 + n % 11, notes=f"run {n}"))
        repo.add_sessions(made)
        for week in range(sessions // 14):
            repo.save_checkin(CheckIn(date=first + timedelta(weeks=week), soreness=week % 10))


def _counts(path: Path) -> tuple[int, int, int]:
    with connected(path) as conn:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sessions", "exercises", "checkins")
        )


# When the kills come: anywhere from the start, in the second half of the run, or once the
# commit has begun writing (a large transaction reaches the WAL only as it commits).
MOMENTS = ("anywhere", "late", "while it commits")


def test_an_import_killed_at_random_is_all_or_nothing(
    tmp_path: Path, isolated_env: dict[str, str], rng: random.Random, cli
) -> None:
    """8-10 s alone on 2 cores (up to 18 s beside the rest of the suite): an export of
    thousands of sessions, then each kill starts the installed command importing it and kills
    it at a random moment."""
    source, document = tmp_path / "source.db", tmp_path / "big.json"
    _big_history(source, count(8_000, 30_000))
    exported = cli("export", "json", str(document), db=source)
    assert exported.returncode == 0, exported.stderr

    base = tmp_path / "base.db"  # a user's own database, with a few records of its own
    with Repository.open(base) as repo:
        repo.add_session(Run(date=date(2026, 11, 20), minutes=25, km=4.0, notes="mine"))
        repo.add_session(LegDay(date=date(2026, 11, 21), minutes=50, rpe=8, notes="mine too"))
        repo.save_checkin(CheckIn(date=date(2026, 11, 22), soreness=3))
    before = _counts(base)
    own = rows_in(base, "sessions", ["id", "date", "notes"])

    def import_into(target: Path) -> subprocess.Popen[str]:
        shutil.copy(base, target)
        return subprocess.Popen(
            [*legrun_command(), "--db", str(target), "import", "json", str(document)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=isolated_env,
            text=True,
        )

    def writing(wal: Path, process: subprocess.Popen[str]) -> bool:
        """The commit has begun: the WAL is being written (or the process has ended)."""
        return (wal.exists() and wal.stat().st_size > 0) or process.poll() is not None

    took = commit = float("inf")
    for run in range(2):  # the second run's times: the first also compiles the modules
        reference = tmp_path / f"reference-{run}.db"
        started = time.monotonic()
        whole = import_into(reference)
        wal = reference.with_name(f"{reference.name}-wal")
        wait_until(lambda wal=wal, p=whole: writing(wal, p), "the commit", timeout=60)
        committing = time.monotonic()
        assert whole.wait(timeout=60) == 0, whole.stderr.read() if whole.stderr else ""
        took = min(took, time.monotonic() - started)
        commit = min(commit, time.monotonic() - committing)  # writing the WAL, and exiting
    after = _counts(reference)
    assert after[0] - before[0] >= 5_000  # thousands of sessions, all in one transaction

    outcomes: Counter[str] = Counter()
    for kill in range(KILLS):
        target = tmp_path / f"target-{kill}.db"
        importing = import_into(target)
        moment = MOMENTS[kill % len(MOMENTS)]
        if moment == "while it commits":  # the WAL is being written: the commit itself
            wal = target.with_name(f"{target.name}-wal")
            wait_until(lambda wal=wal, p=importing: writing(wal, p), "the commit", timeout=60)
            time.sleep(rng.uniform(0, 1.0) * commit)
        elif moment == "late":  # reading the file, checking it, the transaction
            time.sleep(rng.uniform(0.5, 1.0) * took)
        else:
            time.sleep(rng.uniform(0, 1.0) * took)
        finished = importing.poll() is not None
        kill_hard(importing)
        assert integrity(target) == "ok", f"kill {kill}"
        found = _counts(target)
        assert found in (before, after), f"kill {kill}: {found}, not {before} or {after}"
        assert set(own) <= set(rows_in(target, "sessions", ["id", "date", "notes"]))
        outcomes["ended before the kill" if finished else f"{found == after}"] += 1
        outcomes[moment] += 1
        if kill < KILLS - 1:
            for side in target.parent.glob(f"{target.name}*"):
                side.unlink()
    # The file the last kill left imports the whole document when the import is run again.
    again = cli("import", "json", str(document), db=target)
    assert again.returncode == 0, again.stderr
    assert _counts(target) == after
    report(
        "kill -9 during import json",
        kills=KILLS,
        sessions=after[0] - before[0],
        import_seconds=f"{took:.2f}",
        commit_seconds=f"{commit:.3f}",
        nothing_imported=outcomes["False"],
        all_imported=outcomes["True"],
        finished_first=outcomes["ended before the kill"],
        moments={m: outcomes[m] for m in MOMENTS},
        partial=0,
    )


# -- (c) a migration ---------------------------------------------------------------------------

MIGRATION_ROWS = count(25_000, 100_000)


def _old_database(path: Path, rows: int) -> None:
    """The schema-1 fixture (the first release's file) with years of history added the way
    that release stored it, so that the migration takes long enough to be cut."""
    with connected(path) as conn:
        conn.executescript((DATA / "legrun-schema1.sql").read_text())
        conn.executemany(
            "INSERT INTO sessions (date, type, minutes, rpe, km, avg_hr, run_kind, notes) "
            "VALUES (?, 'run', ?, ?, ?, ?, 'easy', ?)",
            (
                (
                    (date(2001, 1, 1) + timedelta(days=n // 3)).isoformat(),
                    30 + n % 60,
                    1 + n % 10,
                    5.0 + n % 7,
                    120 + n % 40,
                    f"old run {n}",
                )
                for n in range(rows)
            ),
        )
        conn.executemany(
            "INSERT INTO exercises (session_id, position, name, sets, reps, load_kg, muscles) "
            "VALUES (1, ?, ?, 3, ?, ?, 'quads')",
            ((10 + n, f"lift {n % 40}", 5 + n % 5, 40.0 + n % 60) for n in range(rows // 2)),
        )
        conn.commit()


def _schema(path: Path) -> list[tuple[str, str]]:
    with connected(path) as conn:
        found = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()
    return [(name, " ".join(sql.split())) for name, sql in found]


def _released_schema(folder: Path, version: int) -> list[tuple[str, str]]:
    """The schema that migrations 1..version make (what the release at `version` wrote)."""
    path = folder / f"schema-{version}.db"
    if not path.exists():
        open_database(path, MIGRATIONS[:version]).close()
    return _schema(path)


def test_a_migration_killed_at_random_leaves_a_released_schema_with_every_row(
    tmp_path: Path, isolated_env: dict[str, str], rng: random.Random
) -> None:
    """10 s alone on 2 cores, up to 25 s beside the rest of the suite: each kill starts the
    installed command on a copy of a schema-1 database big enough for the migration to be
    caught at work (its rows), then checks every row."""
    base = tmp_path / "old.db"
    _old_database(base, MIGRATION_ROWS)
    with connected(base) as conn:
        old = {
            table: [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            for table in tables(conn)
        }
    old_rows = {table: rows_in(base, table, names) for table, names in old.items()}
    work = tmp_path / "work"

    def migrate(path: Path) -> subprocess.Popen[str]:
        # `plan` only reads, but opening an older file upgrades it first.
        return subprocess.Popen(
            [*legrun_command(), "--db", str(path), "plan"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env=isolated_env,
            text=True,
        )

    def fresh_copy() -> Path:
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        shutil.copy(base, work / "legrun.db")
        return work / "legrun.db"

    def timeline() -> tuple[float, float]:
        """When the backup appears and when the process ends, from its start."""
        db = fresh_copy()
        backup = db.with_name("legrun.db.schema1.bak")
        started = time.monotonic()
        whole = migrate(db)
        wait_until(lambda: backup.exists() or whole.poll() is not None, "the backup")
        backed_up = time.monotonic() - started
        assert whole.wait(timeout=60) == 0
        return backed_up, time.monotonic() - started

    timeline()  # the first run also compiles the modules
    backed_up, ended = timeline()
    took = ended - backed_up  # the backup, the seven migrations, the plan

    versions: Counter[int] = Counter()
    broken_backups = 0
    for kill in range(KILLS):
        db = fresh_copy()
        migrating = migrate(db)
        # A random moment of the upgrade: from the backup's start to the end of the process.
        wait_until(lambda db=db: db.with_name("legrun.db.schema1.bak").exists(), "the backup")
        time.sleep(rng.uniform(0, took))
        kill_hard(migrating)

        assert integrity(db) == "ok", f"kill {kill}"
        version = user_version(db)
        versions[version] += 1
        # Each migration is one transaction: the file is at the schema of one release (the
        # old one, the new one, or one between), never half-way through a migration.
        assert 1 <= version <= len(MIGRATIONS)
        assert _schema(db) == _released_schema(tmp_path, version), f"kill {kill}: {version}"
        for table, names in old.items():
            assert rows_in(db, table, names) == old_rows[table], f"kill {kill}: {table}"
        backup = db.with_name("legrun.db.schema1.bak")
        if backup.exists():
            try:
                whole_backup = integrity(backup) == "ok" and all(
                    rows_in(backup, t, n) == old_rows[t] for t, n in old.items()
                )
            except sqlite3.DatabaseError:
                whole_backup = False
            broken_backups += not whole_backup  # see the test below

        # Opening it again finishes the upgrade, with every row.
        finishing = migrate(db)
        assert finishing.wait(timeout=60) == 0, finishing.stderr.read() if finishing.stderr else ""
        assert user_version(db) == len(MIGRATIONS)
        for table, names in old.items():
            assert rows_in(db, table, names) == old_rows[table], f"kill {kill}, reopened: {table}"
    report(
        "kill -9 during a migration",
        kills=KILLS,
        rows=MIGRATION_ROWS,
        migration_seconds=f"{took:.2f}",
        left_at_schema=dict(sorted(versions.items())),
        backups_cut_short=broken_backups,
        rows_lost=0,
    )


def test_a_backup_cut_short_by_a_kill_is_taken_again_whole(
    tmp_path: Path, isolated_env: dict[str, str]
) -> None:
    """A kill while the backup before an upgrade is being written (whatever file it is
    written to first): no broken file stands as the backup, and the next start takes a whole
    one and leaves nothing else behind."""
    base = tmp_path / "old.db"
    _old_database(base, 60_000)  # a backup that takes a while to write
    with connected(base) as conn:
        old = {
            table: [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
            for table in tables(conn)
        }
    old_rows = {table: rows_in(base, table, names) for table, names in old.items()}
    db = tmp_path / "work" / "legrun.db"
    backup = db.with_name("legrun.db.schema1.bak")
    command = [*legrun_command(), "--db", str(db), "plan"]

    def backing_up() -> list[Path]:
        return [p for p in db.parent.iterdir() if "bak" in p.name]

    for _attempt in range(5):  # kill the first upgrade while its backup is being written
        shutil.rmtree(db.parent, ignore_errors=True)
        db.parent.mkdir()
        shutil.copy(base, db)
        upgrading = subprocess.Popen(command, stdout=subprocess.DEVNULL, env=isolated_env)
        try:
            wait_until(lambda up=upgrading: bool(backing_up()) or up.poll() is not None, "it")
        finally:
            kill_hard(upgrading)
        begun = backing_up()
        if (
            begun
            and user_version(db) == 1
            and sum(p.stat().st_size for p in begun) < (base.stat().st_size // 2)
        ):
            break  # killed with the backup begun and far from whole
    else:
        pytest.skip("the kill never came while the backup was being written")

    if backup.exists():  # whatever stands as the backup after the kill is whole
        assert integrity(backup) == "ok" and user_version(backup) == 1
    finished = subprocess.run(command, capture_output=True, text=True, env=isolated_env)
    assert finished.returncode == 0, finished.stderr
    assert user_version(db) == len(MIGRATIONS)
    # The backup taken "before migrating" is the old database, whole, and nothing else is left.
    assert sorted(p.name for p in db.parent.iterdir()) == ["legrun.db", backup.name]
    assert integrity(backup) == "ok"
    assert user_version(backup) == 1
    for table, names in old.items():
        assert rows_in(backup, table, names) == old_rows[table], table
