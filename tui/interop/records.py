"""Every record as JSON (`export json` / `import json`) and sessions as CSV (`export csv` /
`import csv`).

The JSON document (a lossless backup; `import json` merges it as `storage.exchange` says)::

    {"format": "legrun-tui", "version": 1, "exported_on": "2026-11-24",
     "profile": {...} | null, "goal": {"date", "distance_km", "name"} | null,
     "sessions": [{"id", "date", "type": "leg|run|cross", "minutes", "rpe", "km", "avg_hr",
                   "run_kind", "activity", "notes",
                   "exercises": [{"name", "sets", "reps", "load_kg", "muscles": [...],
                                  "per_set": [[reps, load_kg], ...], "unit": "kg|lb"}]}],
     "checkins": [{"date", "soreness", "quads", "hamstrings", "glutes", "calves", "sleep",
                   "energy"}],
     "ticks": [{"date", "item"}],
     "pins": [{"id", "date", "kind", "action", "to_date", "minutes", "km"}],
     "settings": {"key": "value"},
     "imports": [{"digest", "session_id", "source"}]}

A field that does not apply to a session's type is null (a leg day's `km`). Reading is
strict: an unknown key, a value of the wrong type or out of range, a version newer than
`VERSION` is refused with the file and the record named (`x.json: sessions[12].km: ...`).

The CSV file has one session a row under the header `CSV_COLUMNS` (`id` may be empty for a
new session; only `date`, `type` and `minutes` must be there, in any order). Exercises are
written as the command line takes them, `back squat 5x5@100kg; rdl 3x8@60kg`, and their
muscle groups are read from their names as the command line reads them. Rows are numbered as
a spreadsheet numbers them: the header is row 1.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

from msgspec import Struct

from legrun.planner.fields import BOUNDS, Bound, ValidationError
from legrun.planner.goal import MAX_NAME, Goal
from legrun.planner.models import (
    CROSS_ACTIVITIES,
    MUSCLES,
    PIN_ACTIONS,
    PLAN_KINDS,
    RUN_KINDS,
    UNITS,
    WEEKDAYS,
    AnySession,
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Pin,
    Profile,
    Run,
    parse_exercise,
    parse_weekday,
)
from legrun.planner.recurrence import rule_weekdays
from legrun.storage.records import ImportedActivity, Records

FORMAT = "legrun-tui"
VERSION = 1
CSV_COLUMNS = (
    "id",
    "date",
    "type",
    "minutes",
    "rpe",
    "km",
    "avg_hr",
    "run_kind",
    "activity",
    "notes",
    "exercises",
)
CSV_REQUIRED = ("date", "type", "minutes")
SESSION_TYPES = ("leg", "run", "cross")
_ID = Bound("an id", 1, 2**62)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


class RecordError(Exception):
    """A file that cannot be read in; the message names the file and the record or row."""


# -- writing ----------------------------------------------------------------------------------


def json_text(records: Records, exported_on: date) -> str:
    """The JSON document: one record a line, so that two exports compare line by line."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "exported_on": exported_on.isoformat(),
        "profile": _profile_json(records.profile) if records.profile is not None else None,
        "goal": _goal_json(records.goal) if records.goal is not None else None,
        "sessions": [session_json(s) for s in records.sessions],
        "checkins": [_checkin_json(c) for c in records.checkins],
        "ticks": [{"date": day.isoformat(), "item": item} for day, item in records.ticks],
        "pins": [_pin_json(p) for p in records.pins],
        "settings": dict(records.settings),
        "imports": [
            {"digest": i.digest, "session_id": i.session_id, "source": i.source}
            for i in records.imports
        ],
    }
    parts = []
    for key, value in document.items():
        if isinstance(value, list) and value:
            lines = ",\n".join(f"    {_compact(item)}" for item in value)
            shown = f"[\n{lines}\n  ]"
        else:
            shown = _compact(value)
        parts.append(f"  {json.dumps(key)}: {shown}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _compact(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def session_json(session: AnySession) -> dict[str, Any]:
    run = session if isinstance(session, Run) else None
    return {
        "id": session.id,
        "date": session.date.isoformat(),
        "type": _session_type(session),
        "minutes": session.minutes,
        "rpe": session.rpe,
        "km": run.km if run else None,
        "avg_hr": run.avg_hr if run else None,
        "run_kind": run.kind if run else None,
        "activity": session.activity if isinstance(session, CrossTraining) else None,
        "notes": session.notes,
        "exercises": [
            {
                "name": e.name,
                "sets": e.sets,
                "reps": e.reps,
                "load_kg": e.load_kg,
                "muscles": list(e.muscles),
                "per_set": [[reps, load] for reps, load in e.per_set],
                "unit": e.unit,
            }
            for e in (session.exercises if isinstance(session, LegDay) else ())
        ],
    }


def _session_type(session: AnySession) -> str:
    if isinstance(session, LegDay):
        return "leg"
    return "run" if isinstance(session, Run) else "cross"


def _profile_json(profile: Profile) -> dict[str, Any]:
    return {
        "age": profile.age,
        "max_hr": profile.max_hr,
        "resting_hr": profile.resting_hr,
        "runs_per_week": profile.runs_per_week,
        "weekly_km": profile.weekly_km,
        "weekly_minutes": profile.weekly_minutes,
        "long_run_day": WEEKDAYS[profile.long_run_day],
        "week_start": WEEKDAYS[profile.week_start],
        "units": profile.units,
        "cross": list(profile.cross),
        "leg_days_rule": profile.leg_days_rule,
        "same_day_hard": profile.same_day_hard,
        "unavailable": [WEEKDAYS[d] for d in profile.unavailable],
    }


def _goal_json(goal: Goal) -> dict[str, Any]:
    return {"date": goal.date.isoformat(), "distance_km": goal.distance_km, "name": goal.name}


def _checkin_json(checkin: CheckIn) -> dict[str, Any]:
    return {
        "date": checkin.date.isoformat(),
        "soreness": checkin.soreness,
        **{name: getattr(checkin, name) for name in (*MUSCLES, "sleep", "energy")},
    }


def _pin_json(pin: Pin) -> dict[str, Any]:
    return {
        "id": pin.id,
        "date": pin.date.isoformat(),
        "kind": pin.kind,
        "action": pin.action,
        "to_date": pin.to_date.isoformat() if pin.to_date else None,
        "minutes": pin.minutes,
        "km": pin.km,
    }


def number_text(value: float | None) -> str:
    """A number as few characters as read back exactly: `8.2`, `5` (not `5.0`), empty for
    None."""
    if value is None:
        return ""
    shown = repr(value)
    return shown[:-2] if shown.endswith(".0") else shown


def exercises_text(exercises: Iterable[Exercise]) -> str:
    """`back squat 5x5@100kg; deadlift 3x5@225lb; front squat 5@80, 3@90kg; walking lunge
    3x12`: what `log leg --exercise` takes, each as it describes itself (sets of their own
    and the unit typed kept)."""
    return "; ".join(e.describe() for e in exercises)


def csv_text(sessions: Iterable[AnySession]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # The writer quotes a cell with a newline in it but not one with a lone carriage return
    # (not in its line terminator), which a reader then takes for the end of the row.
    quoting = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for s in sessions:
        run = s if isinstance(s, Run) else None
        row = [
            s.id if s.id is not None else "",
            s.date.isoformat(),
            _session_type(s),
            s.minutes,
            s.rpe if s.rpe is not None else "",
            number_text(run.km) if run else "",
            run.avg_hr if run and run.avg_hr is not None else "",
            run.kind if run else "",
            s.activity if isinstance(s, CrossTraining) else "",
            s.notes,
            exercises_text(s.exercises) if isinstance(s, LegDay) else "",
        ]
        (quoting if "\r" in s.notes else writer).writerow(row)
    return buffer.getvalue()


# -- reading: what every record has in common --------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        raise RecordError(f"{path} is a folder, not a file") from None
    except OSError as exc:
        raise RecordError(f"cannot read {path}: {exc.strerror or exc}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(
            f"{path}: not UTF-8 text (byte {exc.start + 1} cannot be read); "
            "save it as UTF-8 and try again"
        ) from None


class _Place(Struct, frozen=True):
    """Where a value is, for the message: `x.json: sessions[12].km` or `x.csv: row 7,
    column km`."""

    file: Path
    where: str
    joiner: str = "."  # between the record and a field: `.` in JSON, `, column ` in CSV

    def at(self, name: str) -> _Place:
        return _Place(self.file, f"{self.where}{self.joiner}{name}", self.joiner)

    def fail(self, message: str) -> NoReturn:
        raise RecordError(f"{self.file}: {self.where}: {message}")


def _iso_date(text: str, place: _Place) -> date:
    if not _ISO_DATE.fullmatch(text):
        place.fail(f"a date must be written YYYY-MM-DD (e.g. 2026-11-23), not {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        place.fail(f"there is no such day as {text}")


def _checked(bound: Bound[Any], value: object, place: _Place) -> Any:
    """`value` if it is a number within `bound` (a whole number where the bound is whole);
    a float where the bound takes any number."""
    try:
        bound.check(value)
    except ValidationError as exc:
        place.fail(str(exc))
    if not bound.whole and isinstance(value, int):
        return float(value)
    return value


def _choice(value: object, allowed: Sequence[str], what: str, place: _Place) -> str:
    if not isinstance(value, str) or value not in allowed:
        place.fail(f"{what} must be one of {', '.join(allowed)}, not {_shown(value)}")
    return value


def _shown(value: object) -> str:
    return json.dumps(value) if isinstance(value, (str, int, float, bool, type(None))) else "that"


class _SessionFields(Struct, frozen=True):
    """A session's values, each read and of the right type, before the session is built."""

    id: int | None
    date: date
    type: str
    minutes: int
    rpe: int | None
    km: float | None
    avg_hr: int | None
    run_kind: str | None
    activity: str | None
    notes: str
    exercises: tuple[Exercise, ...]


_NOT_FOR = {
    "leg": ("km", "avg_hr", "run_kind", "activity"),
    "run": ("activity", "exercises"),
    "cross": ("km", "avg_hr", "run_kind", "exercises"),
}
_TYPE_NAMES = {"leg": "a leg day", "run": "a run", "cross": "cross-training"}


def _build_session(f: _SessionFields, place: _Place, empty: str) -> AnySession:
    """The session of `f`'s type, refusing a field that does not belong to it (`empty` says
    how to leave a field out: `null` in JSON, an empty cell in CSV)."""
    for name in _NOT_FOR[f.type]:
        if getattr(f, name):
            place.at(name).fail(f"{_TYPE_NAMES[f.type]} has no {name} ({empty})")
    every: dict[str, Any] = {
        "id": f.id,
        "date": f.date,
        "minutes": f.minutes,
        "rpe": f.rpe,
        "notes": f.notes,
    }
    try:
        if f.type == "leg":
            if f.rpe is None:
                place.at("rpe").fail(f"a leg day needs its RPE ({BOUNDS['rpe'].span})")
            return LegDay(**every, exercises=f.exercises)
        if f.type == "run":
            if f.km is None:
                place.at("km").fail("a run needs its km")
            kind = f.run_kind or "easy"
            if kind not in RUN_KINDS:
                place.at("run_kind").fail(f"unknown run kind {kind!r}: use {', '.join(RUN_KINDS)}")
            return Run(**every, km=f.km, avg_hr=f.avg_hr, kind=kind)
        if f.activity is None:
            place.at("activity").fail(
                f"cross-training needs its activity: {', '.join(CROSS_ACTIVITIES)}"
            )
        if f.activity not in CROSS_ACTIVITIES:
            place.at("activity").fail(
                f"unknown activity {f.activity!r}: use {', '.join(CROSS_ACTIVITIES)}"
            )
        return CrossTraining(**every, activity=f.activity)
    except ValidationError as exc:
        place.fail(str(exc))


def _no_duplicate_ids(items: Sequence[tuple[int | None, _Place]], what: str) -> None:
    seen: dict[int, _Place] = {}
    for item_id, place in items:
        if item_id is None:
            continue
        if item_id in seen:
            place.fail(f"{what} {item_id} is given twice ({seen[item_id].where} has it too)")
        seen[item_id] = place


# -- reading JSON -----------------------------------------------------------------------------

_TOP = (
    "format",
    "version",
    "exported_on",
    "profile",
    "goal",
    "sessions",
    "checkins",
    "ticks",
    "pins",
    "settings",
    "imports",
)
_SESSION_KEYS = CSV_COLUMNS  # the same names in both
_EXERCISE_KEYS = ("name", "sets", "reps", "load_kg", "muscles", "per_set", "unit")
_PROFILE_KEYS = (
    "age",
    "max_hr",
    "resting_hr",
    "runs_per_week",
    "weekly_km",
    "weekly_minutes",
    "long_run_day",
    "week_start",
    "units",
    "cross",
    "leg_days_rule",
    "same_day_hard",
    "unavailable",
)
_CHECKIN_KEYS = ("date", "soreness", *MUSCLES, "sleep", "energy")
_PIN_KEYS = ("id", "date", "kind", "action", "to_date", "minutes", "km")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a number JSON allows")


def read_json(path: Path) -> Records:
    """Every record of an `export json` file, each checked; a `RecordError` names the file
    and the record of the first problem."""
    text = _read_text(path)
    try:
        document = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise RecordError(
            f"{path}: line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg})"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise RecordError(f"{path}: not valid JSON ({exc})") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RecordError(
            f'{path}: not a legrun-tui export (it has no "format": "{FORMAT}"; '
            "export json writes one)"
        )
    top = _Place(path, "version")
    version = document.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        top.fail(f"the format version must be a whole number from 1, not {_shown(version)}")
    if version > VERSION:
        raise RecordError(
            f"{path}: format version {version} is newer than this legrun-tui reads (up to "
            f"{VERSION}); upgrade legrun-tui to import it"
        )
    _known_keys(document, _TOP, _Place(path, "the document"))
    profile = document.get("profile")
    goal = document.get("goal")
    sessions = _list(document, "sessions", path)
    session_places = [_Place(path, f"sessions[{i}]") for i in range(len(sessions))]
    read_sessions = tuple(
        _json_session(item, place) for item, place in zip(sessions, session_places, strict=True)
    )
    _no_duplicate_ids(
        [(s.id, p.at("id")) for s, p in zip(read_sessions, session_places, strict=True)],
        "session id",
    )
    pins = _list(document, "pins", path)
    pin_places = [_Place(path, f"pins[{i}]") for i in range(len(pins))]
    read_pins = tuple(_json_pin(item, place) for item, place in zip(pins, pin_places, strict=True))
    _no_duplicate_ids(
        [(p.id, place.at("id")) for p, place in zip(read_pins, pin_places, strict=True)], "pin id"
    )
    checkins = tuple(
        _json_checkin(item, _Place(path, f"checkins[{i}]"))
        for i, item in enumerate(_list(document, "checkins", path))
    )
    seen_days: dict[date, int] = {}
    for i, checkin in enumerate(checkins):
        if checkin.date in seen_days:
            _Place(path, f"checkins[{i}]").at("date").fail(
                f"a second check-in on {checkin.date} (checkins[{seen_days[checkin.date]}] "
                "is on that day too)"
            )
        seen_days[checkin.date] = i
    return Records(
        profile=None if profile is None else _json_profile(profile, _Place(path, "profile")),
        goal=None if goal is None else _json_goal(goal, _Place(path, "goal")),
        sessions=read_sessions,
        checkins=checkins,
        ticks=tuple(
            _json_tick(item, _Place(path, f"ticks[{i}]"))
            for i, item in enumerate(_list(document, "ticks", path))
        ),
        pins=read_pins,
        settings=_json_settings(document.get("settings", {}), _Place(path, "settings")),
        imports=tuple(
            _json_import(item, _Place(path, f"imports[{i}]"))
            for i, item in enumerate(_list(document, "imports", path))
        ),
    )


def _list(document: Mapping[str, Any], key: str, path: Path) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        _Place(path, key).fail(f"must be a list, not {_shown(value)}")
    return value


def _known_keys(value: object, allowed: Sequence[str], place: _Place) -> dict[str, Any]:
    if not isinstance(value, dict):
        place.fail(f"must be an object {{...}}, not {_shown(value)}")
    for key in value:
        if key not in allowed:
            place.fail(f"unknown field {key!r} (the fields are {', '.join(allowed)})")
    return value


def _int(obj: Mapping[str, Any], key: str, bound: Bound[Any], place: _Place) -> Any:
    """A required number within its bound."""
    if obj.get(key) is None:
        place.at(key).fail(f"{bound.name} is missing")
    return _checked(bound, obj[key], place.at(key))


def _optional(obj: Mapping[str, Any], key: str, bound: Bound[Any], place: _Place) -> Any:
    value = obj.get(key)
    return None if value is None else _checked(bound, value, place.at(key))


def _string(obj: Mapping[str, Any], key: str, place: _Place, default: str | None = None) -> Any:
    """Text, or `default` when the field is null or left out."""
    value = obj.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        place.at(key).fail(f"must be text, not {_shown(value)}")
    return value


def _date_field(obj: Mapping[str, Any], key: str, place: _Place) -> date:
    value = obj.get(key)
    if not isinstance(value, str):
        place.at(key).fail(f"a date (YYYY-MM-DD) is needed, not {_shown(value)}")
    return _iso_date(value, place.at(key))


def _json_session(item: object, place: _Place) -> AnySession:
    obj = _known_keys(item, _SESSION_KEYS, place)
    kind = _choice(obj.get("type"), SESSION_TYPES, "type", place.at("type"))
    exercises = obj.get("exercises") or []
    if not isinstance(exercises, list):
        place.at("exercises").fail(f"must be a list, not {_shown(exercises)}")
    fields = _SessionFields(
        id=_optional(obj, "id", _ID, place),
        date=_date_field(obj, "date", place),
        type=kind,
        minutes=_int(obj, "minutes", BOUNDS["minutes"], place),
        rpe=_optional(obj, "rpe", BOUNDS["rpe"], place),
        km=_optional(obj, "km", BOUNDS["km"], place),
        avg_hr=_optional(obj, "avg_hr", BOUNDS["avg_hr"], place),
        run_kind=_string(obj, "run_kind", place),
        activity=_string(obj, "activity", place),
        notes=_string(obj, "notes", place, default=""),
        exercises=tuple(
            _json_exercise(e, place.at(f"exercises[{i}]")) for i, e in enumerate(exercises)
        ),
    )
    return _build_session(fields, place, "null or left out")


def _json_exercise(item: object, place: _Place) -> Exercise:
    obj = _known_keys(item, _EXERCISE_KEYS, place)
    name = _string(obj, "name", place)
    if not name or not name.strip():
        place.at("name").fail("an exercise needs a name")
    muscles = obj.get("muscles") or []
    if not isinstance(muscles, list):
        place.at("muscles").fail(f"must be a list of {', '.join(MUSCLES)}")
    for muscle in muscles:
        _choice(muscle, MUSCLES, "a muscle group", place.at("muscles"))
    per_set = obj.get("per_set") or []
    sets: list[tuple[int, float | None]] = []
    if not isinstance(per_set, list):
        place.at("per_set").fail("must be a list of [reps, load_kg] pairs")
    for i, pair in enumerate(per_set):
        at = place.at("per_set").at(str(i))
        if not isinstance(pair, list) or len(pair) != 2:
            at.fail("must be a pair [reps, load_kg]")
        reps = _checked(BOUNDS["reps"], pair[0], at)
        load = None if pair[1] is None else _checked(BOUNDS["load_kg"], pair[1], at)
        sets.append((reps, load))
    unit = _choice(obj.get("unit", "kg"), ("kg", "lb"), "a load unit", place.at("unit"))
    try:
        return Exercise(
            name=name,
            sets=_int(obj, "sets", BOUNDS["sets"], place),
            reps=_int(obj, "reps", BOUNDS["reps"], place),
            load_kg=_optional(obj, "load_kg", BOUNDS["load_kg"], place),
            muscles=tuple(muscles),
            per_set=tuple(sets),
            unit=unit,
        )
    except ValidationError as exc:
        place.fail(str(exc))


def _weekday_name(value: object, place: _Place) -> int:
    if not isinstance(value, str):
        place.fail(f"a day ({', '.join(WEEKDAYS)}) is needed, not {_shown(value)}")
    try:
        return parse_weekday(value)
    except ValidationError as exc:
        place.fail(str(exc))


def _names(value: object, place: _Place) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        place.fail(f"must be a list of names, not {_shown(value)}")
    return value


def _json_profile(item: object, place: _Place) -> Profile:
    obj = _known_keys(item, _PROFILE_KEYS, place)
    defaults = Profile()
    values: dict[str, Any] = {}
    for key in ("age", "runs_per_week", "weekly_km"):
        if key in obj:
            values[key] = _int(obj, key, BOUNDS[key], place)
    for key in ("max_hr", "resting_hr", "weekly_minutes"):
        values[key] = _optional(obj, key, BOUNDS[key], place)
    if "long_run_day" in obj:
        values["long_run_day"] = _weekday_name(obj["long_run_day"], place.at("long_run_day"))
    if "week_start" in obj:
        values["week_start"] = _weekday_name(obj["week_start"], place.at("week_start"))
    if "units" in obj:
        values["units"] = _choice(obj["units"], UNITS, "units", place.at("units"))
    if "cross" in obj:
        values["cross"] = tuple(_names(obj["cross"], place.at("cross")))
    if "unavailable" in obj:
        unavailable = _names(obj["unavailable"], place.at("unavailable"))
        values["unavailable"] = tuple(
            _weekday_name(day, place.at("unavailable")) for day in unavailable
        )
    if "same_day_hard" in obj:
        if not isinstance(obj["same_day_hard"], bool):
            place.at("same_day_hard").fail("must be true or false")
        values["same_day_hard"] = obj["same_day_hard"]
    rule = _string(obj, "leg_days_rule", place)
    if rule is not None:
        try:
            rule_weekdays(rule)
        except ValidationError as exc:
            place.at("leg_days_rule").fail(str(exc))
    values["leg_days_rule"] = rule or None
    try:
        return defaults.with_changes(**values)
    except ValidationError as exc:
        place.fail(str(exc))


def _json_goal(item: object, place: _Place) -> Goal:
    obj = _known_keys(item, ("date", "distance_km", "name"), place)
    name = _string(obj, "name", place, default="")
    if len(name) > MAX_NAME:
        place.at("name").fail(f"a race name is at most {MAX_NAME} characters")
    try:
        return Goal(
            date=_date_field(obj, "date", place),
            distance_km=_int(obj, "distance_km", BOUNDS["race_km"], place),
            name=name,
        )
    except ValidationError as exc:
        place.fail(str(exc))


def _json_checkin(item: object, place: _Place) -> CheckIn:
    obj = _known_keys(item, _CHECKIN_KEYS, place)
    return CheckIn(
        date=_date_field(obj, "date", place),
        soreness=_int(obj, "soreness", BOUNDS["soreness"], place),
        **{name: _optional(obj, name, BOUNDS[name], place) for name in _CHECKIN_KEYS[2:]},
    )


def _json_tick(item: object, place: _Place) -> tuple[date, str]:
    obj = _known_keys(item, ("date", "item"), place)
    name = _string(obj, "item", place)
    if not name:
        place.at("item").fail("a checklist item needs its name")
    return _date_field(obj, "date", place), name


def _json_pin(item: object, place: _Place) -> Pin:
    obj = _known_keys(item, _PIN_KEYS, place)
    action = _choice(obj.get("action"), PIN_ACTIONS, "action", place.at("action"))
    to_date = None if obj.get("to_date") is None else _date_field(obj, "to_date", place)
    if action == "move" and to_date is None:
        place.at("to_date").fail("a move needs the day it moves to")
    try:
        return Pin(
            id=_optional(obj, "id", _ID, place),
            date=_date_field(obj, "date", place),
            kind=_choice(obj.get("kind"), PLAN_KINDS, "kind", place.at("kind")),
            action=action,
            to_date=to_date,
            minutes=_optional(obj, "minutes", BOUNDS["minutes"], place),
            km=_optional(obj, "km", BOUNDS["km"], place),
        )
    except ValidationError as exc:
        place.fail(str(exc))


def _json_settings(value: object, place: _Place) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        place.fail(f"must be an object of names and values, not {_shown(value)}")
    for key, text in value.items():
        if not isinstance(text, str):
            place.at(key).fail(f"a setting's value must be text, not {_shown(text)}")
    return tuple(value.items())


def _json_import(item: object, place: _Place) -> ImportedActivity:
    obj = _known_keys(item, ("digest", "session_id", "source"), place)
    digest = _string(obj, "digest", place)
    if not digest:
        place.at("digest").fail("the digest is missing")
    return ImportedActivity(
        digest=digest,
        session_id=_optional(obj, "session_id", _ID, place),
        source=_string(obj, "source", place, default=""),
    )


# -- reading CSV ------------------------------------------------------------------------------


def read_csv(path: Path) -> tuple[AnySession, ...]:
    """The sessions of a CSV file with `CSV_COLUMNS`' header (see the module's docstring);
    a `RecordError` names the file, the row and the column of the first problem."""
    text = _read_text(path)
    rows = csv.reader(io.StringIO(text, newline=""), strict=True)
    number = 0
    try:
        header: list[str] | None = None
        sessions: list[AnySession] = []
        places: list[_Place] = []
        for number, row in enumerate(rows, start=1):
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _csv_header(row, _Place(path, f"row {number}"))
                continue
            place = _Place(path, f"row {number}", ", column ")
            if len(row) != len(header):
                place.fail(
                    f"{len(row)} fields where the header has {len(header)} "
                    "(a comma in a note needs the note in double quotes)"
                )
            sessions.append(_csv_session(dict(zip(header, row, strict=True)), place))
            places.append(place)
    except csv.Error as exc:
        raise RecordError(f"{path}: row {number + 1}: {exc}") from None
    if header is None:
        raise RecordError(
            f"{path}: empty: the first row must be the header, {','.join(CSV_COLUMNS)}"
        )
    _no_duplicate_ids(
        [(s.id, p.at("id")) for s, p in zip(sessions, places, strict=True)], "session id"
    )
    return tuple(sessions)


def _csv_header(row: list[str], place: _Place) -> list[str]:
    header = [cell.strip().lower() for cell in row]
    if len(header) == 1 and ";" in header[0]:
        place.fail("the columns must be separated by commas, not semicolons")
    for name in header:
        if name not in CSV_COLUMNS:
            place.fail(f"unknown column {name!r} (the columns are {','.join(CSV_COLUMNS)})")
        if header.count(name) > 1:
            place.fail(f"the column {name} is there twice")
    missing = [name for name in CSV_REQUIRED if name not in header]
    if missing:
        place.fail(
            f"the header has no {', '.join(missing)} column (the columns are "
            f"{','.join(CSV_COLUMNS)}; date, type and minutes are needed)"
        )
    return header


def _cell(row: Mapping[str, str], name: str, read: Callable[[str], Any], place: _Place) -> Any:
    """A cell read by `read`, None when it is empty or its column is not there."""
    text = row.get(name, "").strip()
    if not text:
        return None
    try:
        return read(text)
    except ValidationError as exc:
        place.at(name).fail(str(exc))


def _csv_session(row: Mapping[str, str], place: _Place) -> AnySession:
    for name in CSV_REQUIRED:
        if not row[name].strip():
            place.at(name).fail(f"the {name} is missing")
    kind = row["type"].strip().lower()
    if kind not in SESSION_TYPES:
        place.at("type").fail(f"type must be one of {', '.join(SESSION_TYPES)}, not {kind!r}")
    exercises = row.get("exercises", "")
    fields = _SessionFields(
        id=_cell(row, "id", _ID.parse, place),
        date=_iso_date(row["date"].strip(), place.at("date")),
        type=kind,
        minutes=_cell(row, "minutes", BOUNDS["minutes"].parse, place),
        rpe=_cell(row, "rpe", BOUNDS["rpe"].parse, place),
        km=_cell(row, "km", BOUNDS["km"].parse, place),
        avg_hr=_cell(row, "avg_hr", BOUNDS["avg_hr"].parse, place),
        run_kind=_cell(row, "run_kind", str.lower, place),
        activity=_cell(row, "activity", str.lower, place),
        notes=row.get("notes", ""),  # as it is: a note is the user's own words
        exercises=tuple(
            _cell({"exercises": part}, "exercises", parse_exercise, place)
            for part in exercises.split(";")
            if part.strip()
        ),
    )
    return _build_session(fields, place, "leave it empty")
