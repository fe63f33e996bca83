"""Builders for the interop tests: a database holding every kind of record, GPX files written
as text, FIT files written with fit-tool (the same encoder a device's SDK follows)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from legrun.planner.goal import Goal
from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Pin, Profile, Run
from legrun.storage import Repository
from legrun.storage.records import Activity

START = datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def fill_everything(repo: Repository) -> None:
    """One of every kind of record, ids with a gap (session 3 and pin 2 deleted), notes with
    commas, quotes, a new line and non-ASCII letters."""
    repo.save_profile(
        Profile(
            age=41,
            max_hr=183,
            resting_hr=51,
            runs_per_week=4,
            weekly_km=34.5,
            long_run_day=5,
            week_start=6,
            units="mi",
            cross=("swim", "walk"),
            leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
            same_day_hard=True,
            unavailable=(2,),
            weekly_minutes=240,
        )
    )
    repo.save_goal(Goal(date=date(2027, 4, 11), distance_km=21.0975, name="Spring half"))
    repo.add_session(
        LegDay(
            date=date(2026, 11, 16),
            minutes=65,
            rpe=8,
            notes='heavy, "grindy"\nsecond line, Ølstykke',
            exercises=(
                Exercise("back squat", 5, 5, 102.5, ("quads", "glutes")),
                Exercise("walking lunge", 3, 12, None, ("quads", "glutes")),
                Exercise("nordic curl", 3, 6, None, ("hamstrings",)),
            ),
        )
    )
    repo.add_session(Run(date=date(2026, 11, 17), minutes=38, km=6.45, avg_hr=131, kind="recovery"))
    deleted = repo.add_session(Run(date=date(2026, 11, 18), minutes=30, km=5.0))
    repo.delete_session(deleted)
    repo.add_session(
        Run(date=date(2026, 11, 21), minutes=22, rpe=9, km=5.0, avg_hr=176, kind="race")
    )
    repo.add_session(CrossTraining(date=date(2026, 11, 19), minutes=40, rpe=3, activity="swim"))
    repo.save_checkin(
        CheckIn(
            date=date(2026, 11, 17),
            soreness=6,
            quads=7,
            hamstrings=5,
            glutes=4,
            calves=2,
            sleep=3,
            energy=2,
        )
    )
    repo.save_checkin(CheckIn(date=date(2026, 11, 20), soreness=1))
    repo.set_tick(date(2026, 11, 16), "warmup", True)
    repo.set_tick(date(2026, 11, 16), "mobility", True)
    repo.add_pin(
        Pin(date=date(2026, 11, 25), kind="easy_run", action="move", to_date=date(2026, 11, 26))
    )
    skipped = repo.add_pin(Pin(date=date(2026, 11, 27), kind="leg_day", action="skip"))
    repo.delete_pin(skipped)
    repo.add_pin(
        Pin(date=date(2026, 11, 28), kind="cross_training", action="add", minutes=45, km=None)
    )
    repo.set_setting("theme", "nord")
    repo.import_activities(
        [
            Activity(
                "a" * 64,
                "gpx: morning.gpx, track 1",
                Run(date=date(2026, 11, 22), minutes=50, km=9.1, avg_hr=140),
            )
        ]
    )


@pytest.fixture
def full_db(tmp_path: Path) -> Path:
    path = tmp_path / "full.db"
    with Repository.open(path) as repo:
        fill_everything(repo)
    return path


def table_rows(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, to show that a refused command wrote nothing."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in tables}
    finally:
        conn.close()


# -- GPX ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Point:
    lat: float
    lon: float
    seconds: float  # after the track's start
    hr: int | None = None


def line_of_points(
    count: int, start_lat: float = 55.0, step_lat: float = 0.001, every: float = 30.0, hr=None
) -> list[Point]:
    """`count` points due north, `step_lat` degrees (~111 m at 0.001) and `every` seconds
    apart; `hr` a function of the point's number, or None for no heart rate."""
    return [
        Point(start_lat + i * step_lat, 12.5, i * every, hr(i) if hr else None)
        for i in range(count)
    ]


def gpx_text(
    tracks: Sequence[tuple[str, str | None, Sequence[Point]]],
    start: datetime | None = START,
    creator: str = "legrun tests",
    indent: str = "  ",
) -> str:
    """A GPX 1.1 file with Garmin's TrackPointExtension; each track (name, type, points).
    `start` None writes points without times."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<gpx version="1.1" creator="{creator}" xmlns="http://www.topografix.com/GPX/1/1"'
        ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">',
    ]
    for name, kind, points in tracks:
        lines.append(f"{indent}<trk>")
        if name:
            lines.append(f"{indent * 2}<name>{name}</name>")
        if kind:
            lines.append(f"{indent * 2}<type>{kind}</type>")
        lines.append(f"{indent * 2}<trkseg>")
        for p in points:
            lines.append(f'{indent * 3}<trkpt lat="{p.lat:.7f}" lon="{p.lon:.7f}">')
            lines.append(f"{indent * 4}<ele>12.0</ele>")
            if start is not None:
                moment = (start + timedelta(seconds=p.seconds)).strftime("%Y-%m-%dT%H:%M:%SZ")
                lines.append(f"{indent * 4}<time>{moment}</time>")
            if p.hr is not None:
                lines.append(
                    f"{indent * 4}<extensions><gpxtpx:TrackPointExtension>"
                    f"<gpxtpx:hr>{p.hr}</gpxtpx:hr>"
                    "</gpxtpx:TrackPointExtension></extensions>"
                )
            lines.append(f"{indent * 3}</trkpt>")
        lines.append(f"{indent * 2}</trkseg>")
        lines.append(f"{indent}</trk>")
    lines.append("</gpx>")
    return "\n".join(lines) + "\n"


# -- FIT ---------------------------------------------------------------------------------------


def fit_bytes(
    sport: str = "running",
    start: datetime = START,
    distance_m: float | None = 8200.0,
    elapsed_s: float | None = 2950.0,
    timer_s: float | None = 2900.0,
    avg_hr: int | None = 141,
    records: int = 5,
    serial: int = 1234,
) -> bytes:
    """A FIT activity file with one session (and a few records), as a watch writes it."""
    from fit_tool.fit_file_builder import FitFileBuilder
    from fit_tool.profile.messages.activity_message import ActivityMessage
    from fit_tool.profile.messages.file_id_message import FileIdMessage
    from fit_tool.profile.messages.record_message import RecordMessage
    from fit_tool.profile.messages.session_message import SessionMessage
    from fit_tool.profile.profile_type import FileType, Manufacturer, Sport

    millis = round(start.timestamp() * 1000)
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.GARMIN.value
    file_id.product = 0
    file_id.time_created = millis
    file_id.serial_number = serial
    builder.add(file_id)
    for i in range(records):
        record = RecordMessage()
        record.timestamp = millis + i * 60_000
        record.distance = i * 200.0
        if avg_hr is not None:
            record.heart_rate = avg_hr
        builder.add(record)
    session = SessionMessage()
    session.timestamp = millis + int((elapsed_s or 60) * 1000)
    session.start_time = millis
    session.sport = {"running": Sport.RUNNING, "cycling": Sport.CYCLING}[sport]
    if distance_m is not None:
        session.total_distance = distance_m
    if elapsed_s is not None:
        session.total_elapsed_time = elapsed_s
    if timer_s is not None:
        session.total_timer_time = timer_s
    if avg_hr is not None:
        session.avg_heart_rate = avg_hr
    builder.add(session)
    activity = ActivityMessage()
    activity.timestamp = millis + int((elapsed_s or 60) * 1000)
    activity.num_sessions = 1
    builder.add(activity)
    return bytes(builder.build().to_bytes())
