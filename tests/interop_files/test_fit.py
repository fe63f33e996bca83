"""`import fit FILE...`: a FIT activity's running session becomes a run (distance, timer or
elapsed time, average heart rate); a ride is named and skipped; a broken file refuses the
whole command. The files are written with fit-tool, as a device's SDK writes them."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

from legrun.planner.models import Run
from legrun.storage import Repository
from tests.conftest import assert_refused
from tests.interop_files.conftest import fit_bytes, table_rows


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _runs(path: Path) -> list[Run]:
    with Repository.open(path) as repo:
        return [s for s in repo.sessions() if isinstance(s, Run)]


def test_a_running_session_becomes_a_run(tmp_path: Path, cli, db_path: Path) -> None:
    path = _write(
        tmp_path / "watch.fit",
        fit_bytes(distance_m=10_234.0, elapsed_s=3300.0, timer_s=3180.0, avg_hr=152),
    )
    done = cli("import", "fit", str(path))
    assert (done.returncode, done.stdout, done.stderr) == (0, "imported 1 run\n", "")
    [run] = _runs(db_path)
    # The elapsed time (55 min, pauses included), as DESIGN.md says; not the timer's 53.
    assert (run.date, run.km, run.minutes, run.avg_hr, run.kind) == (
        date(2026, 11, 20),
        10.234,
        55,
        152,
        "easy",
    )


def test_without_an_elapsed_time_the_timer_time_counts(tmp_path: Path, cli, db_path) -> None:
    path = _write(tmp_path / "old.fit", fit_bytes(timer_s=1500.0, elapsed_s=None, avg_hr=None))
    assert cli("import", "fit", str(path)).returncode == 0
    [run] = _runs(db_path)
    assert (run.minutes, run.avg_hr) == (25, None)


def test_a_ride_is_named_and_skipped_and_the_others_import(
    tmp_path: Path, cli, db_path: Path
) -> None:
    first = _write(tmp_path / "run1.fit", fit_bytes())
    ride = _write(tmp_path / "ride.fit", fit_bytes(sport="cycling", distance_m=40_000.0))
    second = _write(
        tmp_path / "run2.fit", fit_bytes(start=datetime(2026, 11, 22, 8, 0, tzinfo=UTC))
    )
    done = cli("import", "fit", str(first), str(ride), str(second))
    assert done.returncode == 0, done.stderr
    assert done.stdout == "imported 2 runs (1 skipped)\n"
    assert done.stderr == f"legrun-tui: {ride}: skipped: no running activity in it (cycling)\n"
    assert [r.date for r in _runs(db_path)] == [date(2026, 11, 20), date(2026, 11, 22)]


def test_a_run_without_distance_is_skipped_with_a_word(tmp_path: Path, cli, db_path) -> None:
    path = _write(tmp_path / "treadmill.fit", fit_bytes(distance_m=None))
    done = cli("import", "fit", str(path))
    assert done.stdout == "imported nothing (1 skipped)\n"
    assert "treadmill.fit: skipped: it has no distance" in done.stderr
    assert _runs(db_path) == []


def test_the_same_activity_twice_or_renamed_is_added_once(
    tmp_path: Path, cli, db_path: Path
) -> None:
    path = _write(tmp_path / "a.fit", fit_bytes())
    copy = tmp_path / "2026-11-20-07-00-00.fit"
    shutil.copy(path, copy)
    assert cli("import", "fit", str(path)).stdout == "imported 1 run\n"
    assert cli("import", "fit", str(copy)).stdout == "imported nothing (1 already there)\n"
    assert len(_runs(db_path)) == 1
    # Another run the same morning (another distance) is another activity.
    other = _write(tmp_path / "b.fit", fit_bytes(distance_m=5000.0))
    assert cli("import", "fit", str(other)).stdout == "imported 1 run\n"


def test_a_broken_file_is_named_and_nothing_is_imported(tmp_path: Path, cli, db_path: Path) -> None:
    good = _write(tmp_path / "good.fit", fit_bytes())
    data = bytearray(fit_bytes(start=datetime(2026, 11, 21, 7, 0, tzinfo=UTC)))
    truncated = _write(tmp_path / "truncated.fit", bytes(data[: len(data) // 2]))
    data[40] ^= 0xFF  # one byte changed: the CRC no longer matches
    flipped = _write(tmp_path / "flipped.fit", bytes(data))
    not_fit = _write(tmp_path / "notes.fit", b"these are not the bytes of a FIT file")
    Repository.open(db_path).close()
    before = table_rows(db_path)
    for bad in (truncated, flipped, not_fit):
        line = assert_refused(cli("import", "fit", str(good), str(bad)), 2, str(bad))
        assert "not a FIT file that can be read" in line
        assert line.endswith("; nothing was imported")
    assert table_rows(db_path) == before
