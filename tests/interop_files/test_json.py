"""`export json PATH` / `import json PATH`: every record out and back in, merged without
duplicates, refused whole (naming the file and the record) when anything in it is wrong."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from msgspec.structs import replace

from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Pin, Profile, Run
from legrun.storage import Repository, StorageError
from legrun.storage.records import Records
from legrun.tui.interop.records import RecordError, read_json
from tests.conftest import assert_refused, legrun_command
from tests.interop_files.conftest import fill_everything, table_rows


def _document(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _records(path: Path) -> Records:
    with Repository.open(path) as repo:
        return repo.records()


def _big_document(count: int, bad_last: dict[str, Any] | None = None) -> dict[str, Any]:
    """`count` sessions of every type over the years (leg days with two exercises)."""
    first = date(2010, 1, 1)
    sessions: list[dict[str, Any]] = []
    for i in range(count):
        day = (first + timedelta(days=i // 3)).isoformat()
        common = {"id": i + 1, "date": day, "minutes": 20 + i % 90, "rpe": 1 + i % 10}
        if i % 3 == 0:
            sessions.append(
                {
                    **common,
                    "type": "leg",
                    "notes": f"leg day {i}",
                    "exercises": [
                        {"name": "back squat", "sets": 5, "reps": 5, "load_kg": 60.0 + i % 40},
                        {"name": "rdl", "sets": 3, "reps": 8, "muscles": ["hamstrings"]},
                    ],
                }
            )
        elif i % 3 == 1:
            sessions.append(
                {**common, "type": "run", "km": 3.0 + (i % 170) / 10, "avg_hr": 120 + i % 50}
            )
        else:
            sessions.append({**common, "type": "cross", "activity": "bike"})
    if bad_last is not None:
        sessions[-1] = {**sessions[-1], **bad_last}
    return {"format": "legrun-tui", "version": 1, "sessions": sessions}


# -- out and back in ---------------------------------------------------------------------------


def test_export_then_import_into_an_empty_database_reproduces_every_record(
    full_db: Path, tmp_path: Path, cli
) -> None:
    exported = tmp_path / "everything.json"
    done = cli("export", "json", str(exported), db=full_db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("exported 5 sessions, 2 check-ins, 2 checklist ticks")

    empty = tmp_path / "empty.db"
    loaded = cli("import", "json", str(exported), db=empty)
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout == (
        "imported 5 sessions, 2 check-ins, 2 checklist ticks, 2 plan edits, 1 setting, "
        "the profile, the goal race\n"
    )
    assert _records(empty) == _records(full_db)
    # Ids kept: sessions 1, 2, 4, 5, 6 (3 was deleted) and pins 1 and 3.
    assert [s.id for s in _records(empty).sessions] == [1, 2, 5, 4, 6]
    assert [p.id for p in _records(empty).pins] == [1, 3]
    again = tmp_path / "again.json"
    assert cli("export", "json", str(again), db=empty).returncode == 0
    assert again.read_text(encoding="utf-8") == exported.read_text(encoding="utf-8")


def test_the_document_carries_its_format_version_and_every_kind(full_db: Path, tmp_path: Path, cli):
    out = tmp_path / "x.json"
    cli("export", "json", str(out), db=full_db)
    document = _document(out)
    assert (document["format"], document["version"]) == ("legrun-tui", 1)
    assert document["exported_on"] == "2026-11-24"
    assert document["profile"]["long_run_day"] == "sat"
    assert document["profile"]["unavailable"] == ["wed"]
    assert document["goal"] == {"date": "2027-04-11", "distance_km": 21.0975, "name": "Spring half"}
    leg = document["sessions"][0]
    assert leg["type"] == "leg" and leg["km"] is None
    assert leg["exercises"][0] == {
        "name": "back squat",
        "sets": 5,
        "reps": 5,
        "load_kg": 102.5,
        "muscles": ["quads", "glutes"],
        "per_set": [],  # sets alike
        "unit": "kg",
    }
    assert document["ticks"] == [
        {"date": "2026-11-16", "item": "mobility"},
        {"date": "2026-11-16", "item": "warmup"},
    ]
    assert document["settings"] == {"theme": "nord"}
    assert document["imports"] == [
        {"digest": "a" * 64, "session_id": 6, "source": "gpx: morning.gpx, track 1"}
    ]
    # One record a line: two exports compare line by line.
    assert len(out.read_text().splitlines()) == 30


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    full_db: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "x.json"
    cli("export", "json", str(out), db=full_db)
    before = table_rows(full_db)
    again = cli("import", "json", str(out), db=full_db)
    assert again.returncode == 0, again.stderr
    assert again.stdout == "imported nothing (14 already there)\n"
    assert table_rows(full_db) == before


def test_merging_into_a_database_of_its_own_keeps_both_and_duplicates_nothing(
    full_db: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "x.json"
    cli("export", "json", str(out), db=full_db)
    other = tmp_path / "other.db"
    with Repository.open(other) as repo:
        repo.save_profile(Profile(age=30))
        # Ids 1 and 2 taken by sessions of its own; a check-in on a day the file has too.
        repo.add_session(Run(date=date(2026, 10, 1), minutes=30, km=5.0))
        repo.add_session(CrossTraining(date=date(2026, 10, 2), minutes=20, activity="yoga"))
        repo.save_checkin(CheckIn(date=date(2026, 11, 17), soreness=2))
        repo.set_setting("theme", "textual-dark")
    merged = cli("import", "json", str(out), db=other)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout == (
        "imported 5 sessions, 1 check-in, 2 checklist ticks, 2 plan edits, the goal race "
        "(kept your own 1 check-in, 1 setting and the profile, which the file has otherwise)\n"
    )
    with Repository.open(other) as repo:
        assert repo.profile().age == 30
        assert repo.setting("theme") == "textual-dark"
        assert repo.checkin(date(2026, 11, 17)) == CheckIn(date=date(2026, 11, 17), soreness=2)
        sessions = repo.sessions()
        assert len(sessions) == 7
        by_notes = {s.notes: s for s in sessions}
        # The leg day's id 1 was taken here: it got a new one; ids 4, 5, 6 were free.
        leg = next(s for s in sessions if isinstance(s, LegDay))
        assert leg.id not in (1, 2) and leg.notes.startswith("heavy")
        assert sorted(s.id for s in sessions if s.id is not None and s.id > 2)[:3] == [4, 5, 6]
        assert by_notes[""] is not None
        # The activity digest follows its run to its id here.
        assert repo.has_import("a" * 64)
    # Again: every record of the file is found, by its content where its id was taken.
    again = cli("import", "json", str(out), db=other)
    assert again.stdout.startswith("imported nothing ("), again.stdout
    with Repository.open(other) as repo:
        assert len(repo.sessions()) == 7


def test_the_file_profile_and_goal_are_taken_only_when_the_database_has_none(
    full_db: Path, tmp_path: Path, cli
) -> None:
    out = tmp_path / "x.json"
    cli("export", "json", str(out), db=full_db)
    fresh = tmp_path / "fresh.db"
    with Repository.open(fresh) as repo:
        repo.add_session(Run(date=date(2026, 1, 1), minutes=30, km=5.0))
    cli("import", "json", str(out), db=fresh)
    with Repository.open(fresh) as repo, Repository.open(full_db) as source:
        assert repo.profile() == source.profile()
        assert not repo.profile().is_default
        assert repo.goal() == source.goal()


def test_a_file_without_a_profile_leaves_the_database_on_its_own(tmp_path: Path, cli) -> None:
    source = tmp_path / "source.db"
    with Repository.open(source) as repo:
        repo.add_session(Run(date=date(2026, 1, 1), minutes=30, km=5.0))
    out = tmp_path / "x.json"
    cli("export", "json", str(out), db=source)
    assert _document(out)["profile"] is None
    target = tmp_path / "target.db"
    with Repository.open(target) as repo:
        repo.save_profile(Profile(age=60))
    cli("import", "json", str(out), db=target)
    with Repository.open(target) as repo:
        assert repo.profile().age == 60


def test_equal_sessions_in_the_file_are_two_records_not_one(tmp_path: Path, cli, db_path) -> None:
    twin = {"type": "cross", "date": "2026-11-20", "minutes": 30, "activity": "bike"}
    document = {
        "format": "legrun-tui",
        "version": 1,
        "sessions": [{**twin, "id": 1}, {**twin, "id": 2}, twin],
    }
    path = tmp_path / "twins.json"
    path.write_text(json.dumps(document))
    assert cli("import", "json", str(path)).stdout == "imported 3 sessions\n"
    assert cli("import", "json", str(path)).stdout == "imported nothing (3 already there)\n"
    with Repository.open(db_path) as repo:
        assert [s.id for s in repo.sessions()] == [1, 2, 3]


def test_an_id_this_database_handed_out_before_is_not_given_again(
    tmp_path: Path, cli, db_path: Path
) -> None:
    with Repository.open(db_path) as repo:
        repo.add_session(Run(date=date(2026, 11, 1), minutes=30, km=5.0))
        gone = repo.add_session(Run(date=date(2026, 11, 2), minutes=30, km=5.0))
        repo.delete_session(gone)
    path = tmp_path / "x.json"
    path.write_text(
        json.dumps(
            {
                "format": "legrun-tui",
                "version": 1,
                "sessions": [
                    {"id": 2, "type": "run", "date": "2026-11-09", "minutes": 45, "km": 9.0},
                    {"id": 9, "type": "run", "date": "2026-11-10", "minutes": 45, "km": 9.0},
                ],
            }
        )
    )
    assert cli("import", "json", str(path)).returncode == 0
    with Repository.open(db_path) as repo:
        # 2 belonged to a deleted session: a script holding it must not reach another one.
        assert [(s.id, s.date.day) for s in repo.sessions()] == [(1, 1), (10, 9), (9, 10)]


# -- refused files -----------------------------------------------------------------------------


def test_a_newer_format_version_is_refused_naming_it(tmp_path: Path, full_db: Path, cli) -> None:
    path = tmp_path / "future.json"
    path.write_text(json.dumps({"format": "legrun-tui", "version": 2, "sessions": [], "new": 1}))
    before = table_rows(full_db)
    line = assert_refused(cli("import", "json", str(path), db=full_db), 2, str(path))
    assert "format version 2 is newer than this legrun-tui reads (up to 1)" in line
    assert table_rows(full_db) == before


SESSION = {"id": 1, "type": "run", "date": "2026-11-20", "minutes": 40, "km": 8.0}


@pytest.mark.parametrize(
    "change, where, words",
    [
        ({"km": -3}, "sessions[12].km", "km must be more than 0 and less than 400, not -3"),
        ({"km": "8"}, "sessions[12].km", "km must be a number"),
        ({"minutes": 40.5}, "sessions[12].minutes", "whole number"),
        ({"date": "20/11/2026"}, "sessions[12].date", "YYYY-MM-DD"),
        ({"date": "2026-02-30"}, "sessions[12].date", "no such day"),
        ({"type": "swim"}, "sessions[12].type", "type must be one of leg, run, cross"),
        ({"activity": "bike"}, "sessions[12].activity", "a run has no activity"),
        ({"run_kind": "jog"}, "sessions[12].run_kind", "unknown run kind 'jog'"),
        ({"pace": 5}, "sessions[12]", "unknown field 'pace'"),
        ({"id": 3}, "sessions[12].id", "session id 3 is given twice (sessions[2].id has it too)"),
        ({"type": "leg", "km": None}, "sessions[12].rpe", "a leg day needs its RPE"),
        (
            {"type": "leg", "km": None, "rpe": 8, "exercises": [{"name": "squat", "sets": 0}]},
            "sessions[12].exercises[0].sets",
            "sets must be",
        ),
    ],
)
def test_a_bad_record_is_named_with_its_field_and_nothing_is_imported(
    tmp_path: Path, cli, db_path: Path, change: dict[str, Any], where: str, words: str
) -> None:
    sessions = [{**SESSION, "id": i + 1, "date": f"2026-10-{i + 1:02d}"} for i in range(20)]
    sessions[12] = {**sessions[12], **change}
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"format": "legrun-tui", "version": 1, "sessions": sessions}))
    Repository.open(db_path).close()
    before = table_rows(db_path)
    line = assert_refused(cli("import", "json", str(path)), 2)
    assert line.startswith(f"legrun-tui: error: {path}: {where}: "), line
    assert words in line
    assert table_rows(db_path) == before


@pytest.mark.parametrize(
    "text, words",
    [
        ('{"format": "legrun-tui",\n "version": 1,\n "sessions": [}', "line 3, column 15"),
        ('{"sessions": []}', 'not a legrun-tui export (it has no "format": "legrun-tui"'),
        ('{"format": "legrun-tui", "version": "1"}', "version: the format version must be"),
        ('{"format": "legrun-tui", "version": 1, "sessions": {}}', "sessions: must be a list"),
        (
            '{"format": "legrun-tui", "version": 1, "checkins": '
            '[{"date": "2026-11-01", "soreness": 11}]}',
            "checkins[0].soreness: soreness must be from 0 to 10, not 11",
        ),
        (
            '{"format": "legrun-tui", "version": 1, "profile": {"age": 35, '
            '"long_run_day": "sunday", "week_start": "tue"}}',
            "profile: week start must be mon or sun",
        ),
        (
            '{"format": "legrun-tui", "version": 1, "pins": [{"date": "2026-11-01", '
            '"kind": "easy_run", "action": "move"}]}',
            "pins[0].to_date: a move needs the day it moves to",
        ),
        ('{"format": "legrun-tui", "version": 1, "km": NaN}', "NaN is not a number JSON allows"),
    ],
)
def test_a_file_that_is_not_a_good_export_is_refused_whole(
    tmp_path: Path, text: str, words: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(text)
    with pytest.raises(RecordError) as refused:
        read_json(path)
    assert str(refused.value).startswith(f"{path}: ")
    assert words in str(refused.value)


def test_a_missing_file_and_a_binary_one_are_refused_in_one_line(tmp_path: Path, cli) -> None:
    assert_refused(cli("import", "json", str(tmp_path / "nope.json")), 2, "cannot read", "nope")
    binary = tmp_path / "x.json"
    binary.write_bytes(b"\xff\xfe\x00junk")
    assert_refused(cli("import", "json", str(binary)), 2, "not UTF-8 text")


def test_a_bad_record_at_the_end_of_a_big_file_imports_nothing(
    tmp_path: Path, cli, db_path: Path
) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_big_document(5000, bad_last={"avg_hr": 400})))
    with Repository.open(db_path) as repo:
        repo.add_session(Run(date=date(2026, 1, 1), minutes=30, km=5.0))
    before = table_rows(db_path)
    line = assert_refused(cli("import", "json", str(path)), 2, "sessions[4999].avg_hr")
    assert "average HR must be from 30 to 250, not 400" in line
    assert table_rows(db_path) == before


def test_a_full_disk_part_way_through_leaves_the_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_big_document(3000)))
    records = read_json(path)
    with Repository.open(tmp_path / "full.db") as repo:
        repo.add_session(Run(date=date(2026, 1, 1), minutes=30, km=5.0))
        pages = repo._db.raw.execute("PRAGMA page_count").fetchone()[0]
        repo._db.raw.execute(f"PRAGMA max_page_count = {pages + 20}")
        with pytest.raises(StorageError, match="disk is full"):
            repo.import_records(records)
        assert repo.session_count() == 1
        assert not repo._db.raw.in_transaction
        repo._db.raw.execute("PRAGMA max_page_count = 1073741823")
        assert repo.import_records(records)["sessions"].added == 3000


def test_a_killed_import_leaves_all_or_nothing(tmp_path: Path, isolated_env) -> None:
    """SIGKILL once the import has written 64 KiB of its transaction's pages (the -wal file
    grows before the COMMIT when the cache spills): the next open finds nothing of it.
    4-8 s: three imports of twenty thousand sessions, each killed part-way."""
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_big_document(20_000)))
    outcomes = []
    for attempt in range(3):
        db = tmp_path / f"killed-{attempt}.db"
        Repository.open(db).close()
        wal = Path(f"{db}-wal")
        process = subprocess.Popen(
            [*legrun_command(), "--db", str(db), "import", "json", str(path)],
            env=isolated_env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while process.poll() is None and time.monotonic() < deadline:
            if wal.exists() and wal.stat().st_size > 64 * 1024:
                break
            time.sleep(0.001)
        process.send_signal(signal.SIGKILL)
        process.wait()
        with Repository.open(db) as repo:
            count = repo.session_count()
            assert count in (0, 20_000), count
            assert repo._db.value("PRAGMA integrity_check") == "ok"
        outcomes.append(count)
    assert 0 in outcomes, outcomes  # killed part-way through, at least once


def test_twenty_thousand_sessions_import_and_export_in_seconds(
    tmp_path: Path, cli, db_path: Path
) -> None:
    """About 5 s: twenty thousand sessions imported, then exported, by the installed
    command (the time the test bounds is the point of it)."""
    path = tmp_path / "big.json"
    path.write_text(json.dumps(_big_document(20_000)))
    started = time.perf_counter()
    done = cli("import", "json", str(path), timeout=120)
    took = time.perf_counter() - started
    assert done.returncode == 0, done.stderr
    assert done.stdout == "imported 20000 sessions\n"
    print(f"\nimport json of 20,000 sessions: {took:.2f} s")
    assert took < 60, took
    with Repository.open(db_path) as repo:
        assert repo.session_count() == 20_000
        first = repo.session(1)
        assert isinstance(first, LegDay)
        assert first.exercises[1] == Exercise("rdl", 3, 8, None, ("hamstrings",))
    out = tmp_path / "out.json"
    started = time.perf_counter()
    assert cli("export", "json", str(out), timeout=120).returncode == 0
    print(f"export json of 20,000 sessions: {time.perf_counter() - started:.2f} s")
    assert len(_document(out)["sessions"]) == 20_000
    assert cli("import", "json", str(out)).stdout == "imported nothing (20000 already there)\n"


# -- where an export goes ----------------------------------------------------------------------


def test_export_refuses_a_missing_folder_and_the_database_itself(
    tmp_path: Path, full_db: Path, cli
) -> None:
    assert_refused(
        cli("export", "json", str(tmp_path / "no" / "x.json"), db=full_db), 2, "does not exist"
    )
    before = full_db.read_bytes()
    assert_refused(cli("export", "json", str(full_db), db=full_db), 2, "the database itself")
    assert_refused(cli("export", "csv", str(tmp_path), db=full_db), 2, "is a folder")
    assert full_db.read_bytes() == before


def test_an_export_replaces_an_earlier_one_whole(tmp_path: Path, full_db: Path, cli) -> None:
    out = tmp_path / "x.json"
    out.write_text("an earlier export, much longer than nothing " * 10_000)
    assert cli("export", "json", str(out), db=full_db).returncode == 0
    assert _document(out)["format"] == "legrun-tui"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_import_and_export_in_process_round_trip_every_kind(tmp_path: Path) -> None:
    """The same without a subprocess: `records()` in, `import_records` out, equal."""
    from legrun.tui.interop.records import json_text

    with Repository.open(tmp_path / "a.db") as source:
        fill_everything(source)
        records = source.records()
    path = tmp_path / "x.json"
    path.write_text(json_text(records, date(2026, 11, 24)))
    read = read_json(path)
    assert read == records
    with Repository.open(tmp_path / "b.db") as target:
        counts = target.import_records(read)
        assert counts["sessions"].added == 5 and counts["pins"].added == 2
        assert target.records() == records
        moved = next(p for p in target.pins() if p.action == "move")
        assert moved == Pin(
            id=1,
            date=date(2026, 11, 25),
            kind="easy_run",
            action="move",
            to_date=date(2026, 11, 26),
        )
        race = next(s for s in target.sessions() if isinstance(s, Run) and s.kind == "race")
        assert replace(race, id=None) == Run(
            date=date(2026, 11, 21), minutes=22, rpe=9, km=5.0, avg_hr=176, kind="race"
        )


def test_sets_of_their_own_and_pounds_survive_export_and_import(cli, tmp_path: Path) -> None:
    source, target = tmp_path / "a.db", tmp_path / "b.db"
    logged = cli(
        "log", "leg", "--date", "2026-11-23", "--rpe", "8",
        "--exercise", "back squat 5@100, 5@105, 3@110kg", "--exercise", "deadlift 3x5@225lb",
        db=source,
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    exported = tmp_path / "all.json"
    assert cli("export", "json", str(exported), db=source).returncode == 0
    assert cli("import", "json", str(exported), db=target).returncode == 0
    shown = cli("history", db=target).stdout
    assert "back squat 5@100, 5@105, 3@110kg" in shown and "deadlift 3x5@225lb" in shown
