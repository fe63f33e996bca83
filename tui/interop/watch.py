"""Runs from watch files: `import gpx FILE...` (gpxpy) and `import fit FILE...` (fitdecode).

- GPX: each track is a run: its date is the day of its first timed point in the local time
  zone of the computer importing it (`$TZ` honoured; a time written without a zone is taken
  as local already), km its length over the ground (2D, as watches measure it), minutes the
  time from its first timed point to its last (elapsed, pauses included), average HR the
  mean of Garmin's TrackPointExtension `hr` on its points when the file carries it.
- FIT: each running session of an activity file is a run: the date of its start time (local,
  as for GPX), km its total distance, minutes its elapsed time (as DESIGN.md says; its timer
  time when a file has no elapsed time), its average heart rate.

Each activity is known by a digest of its content (a GPX track's timed positions; a FIT
session's start, sport, distance and times), not by the file's name or bytes, so a renamed
or re-exported copy is the same activity. A file that cannot be read, or a track without
times, is an error that names the file and what is wrong (and the command imports nothing);
a file or track that holds no run (a ride, a treadmill run without distance) is skipped
with a note saying why.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any, TextIO

from msgspec import Struct, field

from legrun.planner.fields import BOUNDS
from legrun.planner.models import Run
from legrun.storage.records import Activity

KINDS = ("gpx", "fit")


class WatchFileError(Exception):
    """A file that cannot be imported; the message names the file and what is wrong."""


class WatchFiles(Struct):
    """What a set of files holds: the runs, and a note for each file or track skipped."""

    activities: list[Activity] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class Progress:
    """`reading 12/120 files: morning.gpx` on one line of a terminal, redrawn in place and
    cleared at the end; nothing at all when the stream is not a terminal (a pipe, a log) or
    there is a single file."""

    def __init__(self, stream: TextIO | None, total: int) -> None:
        self.total = total
        self.stream = stream if stream is not None and _is_terminal(stream) else None
        self.stream = self.stream if total > 1 else None
        self._width = 0

    def show(self, done: int, name: str) -> None:
        if self.stream is None:
            return
        bar_width = 20
        filled = bar_width * done // self.total
        line = f"reading {done}/{self.total} files [{'#' * filled}{'.' * (bar_width - filled)}]"
        line = f"{line} {name}"[:79]
        self.stream.write("\r" + line.ljust(self._width))
        self.stream.flush()
        self._width = len(line)

    def close(self) -> None:
        if self.stream is not None and self._width:
            self.stream.write("\r" + " " * self._width + "\r")
            self.stream.flush()


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def read_watch_files(
    paths: Sequence[Path],
    kind: str,
    *,
    zone: tzinfo | None = None,
    progress: TextIO | None = None,
    on_file: Callable[[int, int], None] | None = None,
) -> WatchFiles:
    """Read every file (`kind` gpx or fit) before anything is stored; raises
    `WatchFileError` at the first that cannot be read. `zone` is the time zone that dates a
    run (None: this computer's); `progress` a stream to draw a progress line on (when it is
    a terminal); `on_file(done, total)` is called after each file (the app's progress bar)."""
    reader = _read_gpx if kind == "gpx" else _read_fit
    found = WatchFiles()
    shown = Progress(progress, len(paths))
    try:
        for done, path in enumerate(paths, start=1):
            shown.show(done, path.name)
            reader(path, _data(path), zone, found)
            if on_file is not None:
                on_file(done, len(paths))
    finally:
        shown.close()
    return found


def _data(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except IsADirectoryError:
        raise WatchFileError(
            f"{path} is a folder: give the files in it (e.g. {path}/*.{path.suffix or 'gpx'})"
        ) from None
    except OSError as exc:
        raise WatchFileError(f"cannot read {path}: {exc.strerror or exc}") from None


def _local_day(moment: datetime, zone: tzinfo | None, where: str) -> datetime:
    if moment.tzinfo is None:
        return moment  # written without a zone: local already
    try:
        return moment.astimezone(zone)
    except OverflowError:  # year 1 moved behind UTC, or 9999 ahead of it
        raise _off_the_calendar(moment, where) from None


def _utc_text(moment: datetime | None, where: str) -> str:
    if moment is None:
        return ""
    if moment.tzinfo is None:
        return moment.isoformat()
    try:
        return moment.astimezone(UTC).isoformat()
    except OverflowError:
        raise _off_the_calendar(moment, where) from None


def _off_the_calendar(moment: datetime, where: str) -> WatchFileError:
    return WatchFileError(
        f"{where}: its time {moment.isoformat()} is at the edge of the calendar "
        "(a watch whose clock was never set?)"
    )


def _minutes(seconds: float, where: str) -> int:
    minutes = max(1, round(seconds / 60))
    bound = BOUNDS["minutes"]
    if not bound.contains(minutes):
        raise WatchFileError(
            f"{where}: lasts {seconds / 3600:.1f} h; a session is at most {bound.high // 60} h"
        )
    return minutes


def _km(metres: float, where: str) -> float:
    km = round(metres / 1000, 3)  # to the metre, as a logged run is kept
    if not BOUNDS["km"].contains(km):
        raise WatchFileError(f"{where}: {km:g} km is not a run ({BOUNDS['km'].allowed} km)")
    return km


def _heart_rate(values: Sequence[float]) -> int | None:
    bound = BOUNDS["avg_hr"]
    usable = [v for v in values if bound.contains(v)]  # a dropped strap reads 0
    if not usable:
        return None
    return round(sum(usable) / len(usable))


# -- GPX ------------------------------------------------------------------------------------


def _read_gpx(path: Path, data: bytes, zone: tzinfo | None, found: WatchFiles) -> None:
    import gpxpy

    try:
        gpx = gpxpy.parse(data)
    except UnicodeDecodeError:
        raise WatchFileError(f"{path}: not a GPX file (not UTF-8 text)") from None
    except Exception as exc:  # gpxpy's GPXException, and the XML parser's own failures
        raise WatchFileError(
            f"{path}: not a GPX file that can be read ({_one_line(exc)})"
        ) from None
    if not gpx.tracks:
        raise WatchFileError(
            f"{path}: holds no track (a GPX of a recorded activity has a <trk>; "
            "routes and waypoints are not runs)"
        )
    for number, track in enumerate(gpx.tracks, start=1):
        named = f" ({track.name})" if track.name else ""
        where = f"{path}: track {number}{named}"
        activity = _gpx_activity(track, where, zone, f"gpx: {path.name}, track {number}")
        if isinstance(activity, str):
            found.skipped.append(f"{where}: {activity}")
        else:
            found.activities.append(activity)


def _gpx_activity(track: Any, where: str, zone: tzinfo | None, source: str) -> Activity | str:
    """The track's run, or why it is skipped."""
    sport = (track.type or "").strip().lower()
    if sport and "run" not in sport and not sport.isdigit():
        return f"skipped: not a run ({sport})"
    points = [point for segment in track.segments for point in segment.points]
    if not points:
        return "skipped: it has no points"
    timed = [point for point in points if point.time is not None]
    if not timed:
        raise WatchFileError(
            f"{where}: its points have no times, so its date and duration are unknown "
            "(a planned route rather than a recorded run?)"
        )
    times = [point.time for point in timed]
    try:
        seconds = (max(times) - min(times)).total_seconds()
    except TypeError:
        raise WatchFileError(f"{where}: mixes times with and without a time zone") from None
    if seconds <= 0:
        raise WatchFileError(f"{where}: its points all have the same time, so it has no duration")
    metres = track.length_2d() or 0.0
    if metres <= 0:
        return "skipped: it has no distance (a treadmill run? log it with 'log run')"
    digest = hashlib.sha256(
        "\n".join(
            ["gpx-track"]
            + [f"{_utc_text(p.time, where)}|{p.latitude:.6f}|{p.longitude:.6f}" for p in points]
        ).encode()
    ).hexdigest()
    run = Run(
        date=_local_day(timed[0].time, zone, where).date(),
        minutes=_minutes(seconds, where),
        km=_km(metres, where),
        avg_hr=_heart_rate([hr for p in points for hr in _gpx_heart_rates(p)]),
        kind="easy",
    )
    return Activity(digest=digest, source=source, run=run)


def _gpx_heart_rates(point: Any) -> list[float]:
    """The `hr` of a point's TrackPointExtension (Garmin's v1 or v2, any prefix)."""
    rates = []
    for extension in point.extensions or ():
        for element in extension.iter():
            tag = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
            if tag.lower() == "hr" and element.text:
                try:
                    rates.append(float(element.text))
                except ValueError:
                    continue
    return rates


# -- FIT ------------------------------------------------------------------------------------

_RUNNING = ("running", 1)  # the FIT profile's sport, by name or number


def _read_fit(path: Path, data: bytes, zone: tzinfo | None, found: WatchFiles) -> None:
    import fitdecode

    sessions: list[Any] = []
    file_type: Any = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with fitdecode.FitReader(
                data,
                check_crc=fitdecode.CrcCheck.RAISE,
                error_handling=fitdecode.ErrorHandling.IGNORE,
            ) as reader:
                for frame in reader:
                    if not isinstance(frame, fitdecode.FitDataMessage):
                        continue
                    if frame.name == "file_id":
                        file_type = frame.get_value("type", fallback=None)
                    elif frame.name == "session":
                        sessions.append(frame)
    except Exception as exc:  # fitdecode's FitError, and the decoder's own failures
        raise WatchFileError(
            f"{path}: not a FIT file that can be read ({_one_line(exc)})"
        ) from None
    if file_type is not None and file_type != "activity" and file_type != 4:
        found.skipped.append(f"{path}: skipped: not an activity file ({file_type})")
        return
    if not sessions:
        found.skipped.append(f"{path}: skipped: it holds no activity session")
        return
    runs = [s for s in sessions if s.get_value("sport", fallback=None) in _RUNNING]
    if not runs:
        sports = ", ".join(
            sorted({str(s.get_value("sport", fallback="unknown")) for s in sessions})
        )
        found.skipped.append(f"{path}: skipped: no running activity in it ({sports})")
        return
    for number, session in enumerate(runs, start=1):
        where = f"{path}: session {number}" if len(runs) > 1 else str(path)
        activity = _fit_activity(session, where, zone, f"fit: {path.name}, session {number}")
        if isinstance(activity, str):
            found.skipped.append(f"{where}: {activity}")
        else:
            found.activities.append(activity)


def _fit_activity(session: Any, where: str, zone: tzinfo | None, source: str) -> Activity | str:
    def value(name: str) -> Any:
        return session.get_value(name, fallback=None)

    start = value("start_time") or value("timestamp")
    if not isinstance(start, datetime):
        raise WatchFileError(f"{where}: its session has no start time, so its date is unknown")
    seconds = value("total_elapsed_time") or value("total_timer_time")
    if not isinstance(seconds, (int, float)) or seconds <= 0:
        raise WatchFileError(f"{where}: its session has no duration")
    metres = value("total_distance")
    if not isinstance(metres, (int, float)) or metres <= 0:
        return "skipped: it has no distance (a treadmill run? log it with 'log run')"
    heart = value("avg_heart_rate")
    digest = hashlib.sha256(
        "|".join(
            [
                "fit-session",
                _utc_text(start, where),
                str(value("sport")),
                f"{float(metres):.2f}",
                f"{float(value('total_elapsed_time') or 0):.3f}",
                f"{float(value('total_timer_time') or 0):.3f}",
            ]
        ).encode()
    ).hexdigest()
    run = Run(
        date=_local_day(start, zone, where).date(),
        minutes=_minutes(float(seconds), where),
        km=_km(float(metres), where),
        avg_hr=_heart_rate([float(heart)]) if isinstance(heart, (int, float)) else None,
        kind="easy",
    )
    return Activity(digest=digest, source=source, run=run)


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
