"""`import gpx FILE...`: each track a run (date, km, minutes, average HR), each activity
added once whatever the file is called, a bad file refusing the whole command."""

from __future__ import annotations

import math
import os
import subprocess
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.tui.interop.watch import read_watch_files
from tests.conftest import assert_refused, legrun_command
from tests.interop_files.conftest import gpx_text, line_of_points, table_rows


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _runs(path: Path) -> list[Run]:
    with Repository.open(path) as repo:
        return [s for s in repo.sessions() if isinstance(s, Run)]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_a_track_becomes_a_run_with_its_date_km_minutes_and_heart_rate(
    tmp_path: Path, cli, db_path: Path
) -> None:
    points = line_of_points(41, hr=lambda i: 130 + i)  # 40 steps of 30 s: 20 minutes
    path = _write(tmp_path / "morning.gpx", gpx_text([("Morning Run", "running", points)]))
    done = cli("import", "gpx", str(path))
    assert done.returncode == 0, done.stderr
    assert (done.stdout, done.stderr) == ("imported 1 run\n", "")
    [run] = _runs(db_path)
    expected_km = _haversine_km(points[0].lat, points[0].lon, points[-1].lat, points[-1].lon)
    assert abs(run.km - expected_km) / expected_km < 0.005, (run.km, expected_km)
    assert (run.date, run.minutes, run.avg_hr, run.kind, run.rpe) == (
        date(2026, 11, 20),
        20,
        150,  # the mean of 130..170
        "easy",
        None,
    )
    with Repository.open(db_path) as repo:
        assert repo._db.rows("SELECT session_id, source FROM imports") == [
            (run.id, "gpx: morning.gpx, track 1")
        ]


def test_a_file_without_heart_rate_gives_a_run_without_it(
    tmp_path: Path, cli, db_path: Path
) -> None:
    path = _write(tmp_path / "x.gpx", gpx_text([("", None, line_of_points(11))]))
    assert cli("import", "gpx", str(path)).returncode == 0
    [run] = _runs(db_path)
    assert run.avg_hr is None
    assert run.minutes == 5


def test_the_date_is_the_local_day_of_the_first_point(tmp_path: Path, cli, isolated_env) -> None:
    """A run started at 03:00 UTC on the 20th was run on the evening of the 19th in New York."""
    late = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    path = _write(tmp_path / "late.gpx", gpx_text([("", "running", line_of_points(11))], late))
    dates = {}
    for zone in ("EST5", "UTC0", "JST-9"):
        isolated_env["TZ"] = zone
        db = tmp_path / f"{zone}.db"
        assert cli("import", "gpx", str(path), db=db).returncode == 0
        dates[zone] = _runs(db)[0].date
    assert dates == {
        "EST5": date(2026, 11, 19),
        "UTC0": date(2026, 11, 20),
        "JST-9": date(2026, 11, 20),
    }
    found = read_watch_files([path], "gpx", zone=timezone(timedelta(hours=-8)))
    assert found.activities[0].run.date == date(2026, 11, 19)


def test_two_tracks_give_two_runs(tmp_path: Path, cli, db_path: Path) -> None:
    path = _write(
        tmp_path / "double.gpx",
        gpx_text(
            [
                ("Warm-up", "running", line_of_points(11)),
                ("Race", "running", line_of_points(21, start_lat=56.0, every=15)),
            ]
        ),
    )
    assert cli("import", "gpx", str(path)).stdout == "imported 2 runs\n"
    assert [r.minutes for r in _runs(db_path)] == [5, 5]
    assert len({r.km for r in _runs(db_path)}) == 2


def test_the_same_activity_is_added_once_however_its_file_is_named_or_written(
    tmp_path: Path, cli, db_path: Path
) -> None:
    points = line_of_points(31, hr=lambda i: 140)
    original = _write(tmp_path / "a.gpx", gpx_text([("Run", "running", points)]))
    # A renamed copy, written by another program: other creator, indentation and name.
    copy = _write(
        tmp_path / "renamed copy.gpx",
        gpx_text([("Lunch Run", "running", points)], creator="another app", indent="\t"),
    )
    assert original.read_bytes() != copy.read_bytes()
    assert cli("import", "gpx", str(original)).stdout == "imported 1 run\n"
    assert cli("import", "gpx", str(original)).stdout == "imported nothing (1 already there)\n"
    assert cli("import", "gpx", str(copy)).stdout == "imported nothing (1 already there)\n"
    assert len(_runs(db_path)) == 1
    # Twice in one command: once.
    other = tmp_path / "other.db"
    both = cli("import", "gpx", str(original), str(copy), db=other)
    assert both.stdout == "imported 1 run (1 already there)\n"


def test_an_imported_run_edited_or_deleted_is_not_imported_again(
    tmp_path: Path, cli, db_path: Path
) -> None:
    path = _write(tmp_path / "a.gpx", gpx_text([("", "running", line_of_points(21))]))
    cli("import", "gpx", str(path))
    [run] = _runs(db_path)
    with Repository.open(db_path) as repo:
        repo.replace_session(Run(id=run.id, date=run.date, minutes=run.minutes, km=run.km, rpe=3))
    assert cli("import", "gpx", str(path)).stdout == "imported nothing (1 already there)\n"
    cli("delete", str(run.id))
    assert cli("import", "gpx", str(path)).stdout == "imported nothing (1 already there)\n"
    assert _runs(db_path) == []


def test_a_malformed_file_is_named_and_nothing_of_the_command_is_imported(
    tmp_path: Path, cli, db_path: Path
) -> None:
    good = [
        _write(tmp_path / f"good{i}.gpx", gpx_text([("", "running", line_of_points(11 + i))]))
        for i in range(3)
    ]
    broken = _write(tmp_path / "broken.gpx", gpx_text([("", "running", line_of_points(5))])[:300])
    Repository.open(db_path).close()
    before = table_rows(db_path)
    line = assert_refused(
        cli("import", "gpx", *map(str, good[:2]), str(broken), str(good[2])), 2, str(broken)
    )
    assert "not a GPX file that can be read" in line
    assert line.endswith("nothing was imported")
    assert table_rows(db_path) == before


def test_a_track_without_times_is_refused_naming_the_track(tmp_path: Path, cli) -> None:
    path = _write(
        tmp_path / "route.gpx",
        gpx_text(
            [
                ("", "running", line_of_points(5)),
                ("Planned", "running", line_of_points(5)),
            ],
            start=None,
        ),
    )
    assert_refused(
        cli("import", "gpx", str(path)),
        2,
        f"{path}: track 1: its points have no times",
    )


def test_files_that_are_no_runs_are_refused_or_skipped_with_a_word(
    tmp_path: Path, cli, db_path: Path
) -> None:
    empty = _write(tmp_path / "empty.gpx", gpx_text([]))
    assert_refused(cli("import", "gpx", str(empty)), 2, "empty.gpx: holds no track")
    ride = _write(
        tmp_path / "ride.gpx",
        gpx_text([("Ride", "cycling", line_of_points(11)), ("Run", "running", line_of_points(11))]),
    )
    done = cli("import", "gpx", str(ride))
    assert done.returncode == 0
    assert done.stdout == "imported 1 run (1 skipped)\n"
    assert done.stderr == f"legrun-tui: {ride}: track 1 (Ride): skipped: not a run (cycling)\n"
    assert len(_runs(db_path)) == 1
    text = _write(tmp_path / "notes.gpx", "just some text, not XML")
    assert_refused(cli("import", "gpx", str(text)), 2, "notes.gpx: not a GPX file")
    assert_refused(cli("import", "gpx", str(tmp_path)), 2, "is a folder")
    assert_refused(cli("import", "gpx", str(tmp_path / "gone.gpx")), 2, "cannot read")


def _files(tmp_path: Path, count: int) -> list[str]:
    return [
        str(
            _write(
                tmp_path / f"run{i:02d}.gpx",
                gpx_text([("", "running", line_of_points(11, start_lat=50.0 + i))]),
            )
        )
        for i in range(count)
    ]


def test_many_files_show_progress_on_a_terminal(tmp_path: Path, isolated_env, db_path) -> None:
    files = _files(tmp_path, 6)
    master, slave = os.openpty()
    try:
        result = subprocess.run(
            [*legrun_command(), "--db", str(db_path), "import", "gpx", *files],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=slave,
            env=isolated_env,
            text=True,
            timeout=60,
        )
        os.close(slave)
        shown = b""
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(master)
    assert result.returncode == 0
    assert result.stdout == "imported 6 runs\n"
    text = shown.decode()
    assert "reading 1/6 files" in text and "reading 6/6 files [####################]" in text
    assert "run05.gpx" in text
    assert text.endswith("\r")  # the line is cleared at the end, the prompt comes back clean


def test_many_files_show_nothing_noisy_when_stderr_is_not_a_terminal(tmp_path: Path, cli) -> None:
    done = cli("import", "gpx", *_files(tmp_path, 6))
    assert (done.returncode, done.stdout, done.stderr) == (0, "imported 6 runs\n", "")


def test_the_minutes_are_the_elapsed_time_across_segments(tmp_path: Path, cli, db_path) -> None:
    """Two segments of 10 minutes with a 5-minute stop between them: 25 minutes, as the
    watch's elapsed time counts them."""

    def segment(first_minute: int, lat: float) -> str:
        return "".join(
            f'<trkpt lat="{lat + i * 0.001:.4f}" lon="12.5">'
            f"<time>2026-11-20T07:{first_minute + i:02d}:00Z</time></trkpt>"
            for i in range(11)
        )

    path = _write(
        tmp_path / "paused.gpx",
        '<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><trkseg>{segment(0, 55.0)}</trkseg><trkseg>{segment(15, 55.01)}</trkseg></trk>"
        "</gpx>",
    )
    assert cli("import", "gpx", str(path)).stdout == "imported 1 run\n"
    [run] = _runs(db_path)
    assert run.minutes == 25
    assert 2.1 < run.km < 2.35  # 20 steps of ~111 m


def test_a_caller_is_told_of_each_file_read(tmp_path: Path) -> None:
    """What the app's progress bar follows (`on_file(done, total)`)."""
    seen: list[tuple[int, int]] = []
    found = read_watch_files(
        [Path(p) for p in _files(tmp_path, 3)], "gpx", on_file=lambda *step: seen.append(step)
    )
    assert seen == [(1, 3), (2, 3), (3, 3)]
    assert len(found.activities) == 3
