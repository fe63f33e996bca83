"""Every parser a user's text reaches, fed random and near-valid text (hypothesis).

Each must either return a valid record (its constructor's checks pass, and reading its own
written form back gives the same value where the module promises that) or refuse with its
module's documented error: `ValidationError` (planner), `RecordError` (JSON and CSV files),
`WatchFileError` (GPX and FIT files), `SystemExit(2)` with one `legrun-tui: error:` line (the
command line). Anything else, or a hang, is a bug.

`LEGRUN_RELIABILITY=full` runs five times as many examples.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import os
import string
import time
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from legrun.planner.fields import BOUNDS, Bound, ValidationError
from legrun.planner.goal import DISTANCES, MAX_NAME, Goal, parse_distance
from legrun.planner.models import (
    CROSS_ACTIVITIES,
    LB_TO_KG,
    MUSCLES,
    PIN_ACTIONS,
    PLAN_KINDS,
    PREFERRED_CROSS,
    RUN_KINDS,
    WEEKDAYS,
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Pin,
    Profile,
    Run,
    muscles_for,
    parse_date,
    parse_exercise,
    parse_weekday,
    parse_weekdays,
    switch_text,
)
from legrun.planner.profile_fields import PROFILE_ATTRIBUTE, PROFILE_TEXT
from legrun.planner.recurrence import describe_rule, leg_days_rule
from legrun.planner.templates import LEG_TEMPLATES
from legrun.storage.records import Activity, ImportedActivity, Records
from legrun.tui.cli.arguments import MAX_NOTES, build_parser
from legrun.tui.interop.records import (
    CSV_COLUMNS,
    RecordError,
    csv_text,
    json_text,
    read_csv,
    read_json,
)
from legrun.tui.interop.watch import WatchFileError, WatchFiles, read_watch_files
from tests.conftest import TODAY
from tests.interop_files.conftest import Point, fit_bytes, gpx_text

FULL = os.environ.get("LEGRUN_RELIABILITY", "").strip().lower() == "full"
EXAMPLES = 1000 if FULL else 100  # a thousand in a long run; CI keeps to the suite budget

fuzz = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
few = settings(fuzz, max_examples=max(20, EXAMPLES // 5))  # the slower ones (files, FIT)

WHITESPACE = st.sampled_from(["", " ", "  ", "\t", " \t ", "\n", "\u00a0", "\u3000"])
DIGITS = st.sampled_from(["0", "1", "5", "9", "٣", "１", "00", "10", "-1", "+3"])


def _spaced(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.tuples(WHITESPACE, text, WHITESPACE).map("".join)


def _padded(text: str) -> st.SearchStrategy[str]:
    return _spaced(st.just(text))


def _cases(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from([text, text.upper(), text.title(), text.swapcase()])


# -- dates and weekdays -------------------------------------------------------------------

RELATIVE = {"today": 0, "yesterday": -1, "tomorrow": 1}


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.text(max_size=14))
    if kind == 1:
        return draw(_spaced(st.sampled_from(sorted(RELATIVE)).flatmap(_cases)))
    year = draw(st.integers(0, 10_000))
    month, day = draw(st.integers(0, 13)), draw(st.integers(0, 32))
    sep = draw(st.sampled_from(["-", "-", "-", "/", ".", "", " "]))
    widths = draw(st.sampled_from([(4, 2, 2), (4, 2, 2), (4, 1, 1), (2, 2, 2), (5, 2, 2)]))
    parts = [f"{n:0{w}d}" for n, w in zip((year, month, day), widths, strict=True)]
    if draw(st.booleans()):
        parts = [parts[2], parts[1], parts[0]]  # 24-11-2026
    return draw(_spaced(st.just(sep.join(parts))))


@fuzz
@given(date_texts())
def test_parse_date_reads_a_real_day_or_refuses(text: str) -> None:
    try:
        found = parse_date(text, TODAY)
    except ValidationError:
        return
    assert isinstance(found, date)
    cleaned = text.strip().lower()
    if cleaned in RELATIVE:
        assert found == TODAY + timedelta(days=RELATIVE[cleaned])
    else:
        assert found.isoformat() == cleaned  # nothing guessed: exactly YYYY-MM-DD
    assert parse_date(found.isoformat(), TODAY) == found


@fuzz
@given(st.dates())
def test_every_date_reads_back_from_its_iso_form(day: date) -> None:
    assert parse_date(day.isoformat(), TODAY) == day


FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_WORDS = [*WEEKDAYS, *FULL_NAMES, "none", "mo", "monkey", "m", "sun.", "thur", "", "7"]


@st.composite
def day_texts(draw: st.DrawFn) -> str:
    if draw(st.integers(0, 3)) == 0:
        return draw(st.text(max_size=20))
    words = draw(st.lists(st.sampled_from(DAY_WORDS).flatmap(_cases).flatmap(_padded), max_size=8))
    return draw(st.sampled_from([",", ", ", " ,", ";", " "])).join(words)


@fuzz
@given(day_texts())
def test_parse_weekday_reads_one_day_or_refuses(text: str) -> None:
    try:
        day = parse_weekday(text)
    except ValidationError:
        return
    assert day in range(7)
    assert text.strip().lower() in (WEEKDAYS[day], FULL_NAMES[day])
    assert parse_weekday(WEEKDAYS[day]) == day


@fuzz
@given(day_texts())
def test_parse_weekdays_reads_sorted_unique_days_or_refuses(text: str) -> None:
    try:
        days = parse_weekdays(text)
    except ValidationError:
        return
    assert days == tuple(sorted(set(days)))
    assert all(day in range(7) for day in days)
    assert parse_weekdays(",".join(WEEKDAYS[d] for d in days) or "none") == days


# -- exercises ----------------------------------------------------------------------------

NAMES = ["back squat", "rdl", "walking lunge", "Deadlift", "hip thrust", "calf raise", "x"]
NAMES += ["leg press 2", "step-up", "good morning", "5x5", "squat, paused", "a@b", "nordic curl"]
UNITS_TYPED = ["", "kg", "kgs", "lb", "lbs", "KG", "Lbs", "k", "pounds"]


def _number_texts(whole: bool = True) -> st.SearchStrategy[str]:
    ints = st.integers(0, 2500).map(str)
    if whole:
        return st.one_of(ints, DIGITS)
    decimals = st.tuples(st.integers(0, 2500), st.integers(0, 999)).map(lambda p: f"{p[0]}.{p[1]}")
    return st.one_of(ints, decimals, DIGITS, st.sampled_from(["1e3", ".5", "5.", "0.00001"]))


@st.composite
def exercise_texts(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 4))
    if kind == 0:
        return draw(st.text(max_size=40))
    name = draw(
        st.one_of(st.sampled_from(NAMES), st.text(string.ascii_letters + " -", max_size=12))
    )
    space = WHITESPACE
    if kind in (1, 2):  # NAME SETSxREPS[@LOAD[UNIT]]
        text = name + draw(space) + " " + draw(_number_texts()) + draw(space)
        text += draw(st.sampled_from(["x", "X", "×", "*", "x", "-"])) + draw(space)
        text += draw(_number_texts())
        if draw(st.booleans()):
            text += draw(space) + "@" + draw(space) + draw(_number_texts(whole=False))
            text += draw(space) + draw(st.sampled_from(UNITS_TYPED))
        return text + draw(space)
    # set by set: `back squat 5@100, 5@105, 3@110kg`
    sets = []
    for _ in range(draw(st.integers(1, 8))):
        one = draw(_number_texts()) + draw(space) + "@" + draw(space)
        one += draw(_number_texts(whole=False))
        if draw(st.integers(0, 4)) == 0:
            one += draw(st.sampled_from(UNITS_TYPED))
        sets.append(one)
    joiner = draw(st.sampled_from([", ", ",", " , ", "; "]))
    return f"{name} {joiner.join(sets)}{draw(st.sampled_from(UNITS_TYPED))}"


@fuzz
@given(exercise_texts())
def test_parse_exercise_reads_a_valid_exercise_or_refuses(text: str) -> None:
    try:
        exercise = parse_exercise(text)
    except ValidationError:
        return
    # Exercise() validated itself; what the parser adds on top of it:
    assert exercise.name == " ".join(exercise.name.split()).lower() and exercise.name
    assert exercise.muscles == muscles_for(exercise.name)
    assert exercise.unit in ("kg", "lb")
    if exercise.per_set:
        assert exercise.sets == len(exercise.per_set) >= 2
        heaviest = max((load or 0.0) for _, load in exercise.per_set)
        assert (exercise.load_kg or 0.0) == heaviest


@st.composite
def plain_exercises(draw: st.DrawFn) -> Exercise:
    """Exercises as the parser makes them: a load in pounds (to 0.1 lb) kept exactly in kg, a
    load in kg to the gram, a bodyweight set among loaded ones."""
    words = draw(st.lists(st.text(string.ascii_lowercase, min_size=1, max_size=8), min_size=1))
    name = " ".join(words[:3])
    unit = draw(st.sampled_from(["kg", "lb"]))

    def load() -> float | None:
        if draw(st.integers(0, 5)) == 0:
            return None
        if unit == "lb":
            return draw(st.integers(1, 22_046)) / 10 * LB_TO_KG
        return draw(st.integers(1, 1_000_000)) / 1000

    if draw(st.booleans()):
        count = draw(st.integers(2, 10))
        sets = tuple((draw(st.integers(1, 500)), load()) for _ in range(count))
        top = max(range(count), key=lambda i: (sets[i][1] or 0.0, sets[i][0]))
        loaded = any(kg for _, kg in sets)
        return Exercise(
            name,
            count,
            sets[top][0],
            sets[top][1],
            muscles_for(name),
            sets,
            unit=unit if loaded else "kg",
        )
    weight = load()
    return Exercise(
        name,
        draw(st.integers(1, 50)),
        draw(st.integers(1, 500)),
        weight,
        muscles_for(name),
        unit=unit if weight is not None else "kg",
    )


@fuzz
@given(plain_exercises())
def test_an_exercise_reads_back_from_its_description(exercise: Exercise) -> None:
    assert parse_exercise(exercise.describe()) == exercise


def test_every_template_exercise_reads_back_from_its_description() -> None:
    for template in LEG_TEMPLATES:
        for exercise in template.exercises:
            assert parse_exercise(exercise.describe()) == exercise, template.name


# These read back since 929b6d1 (a bodyweight set was written as bare reps, `front squat 5,
# 5@80, 3@90kg`, which read back as an exercise named `front squat 5,`; a tiny load as 1e-05;
# a load in pounds was shown to the half pound; @0lb kept the unit lb).
@pytest.mark.parametrize(
    "typed",
    [
        "front squat 5@0, 5@80, 3@90kg",
        "squat 5@0, 5@0",
        "squat 3x5@100.3lb",
        "squat 3x5@0lb",
        "deadlift 5@225, 3@245.5lb",
    ],
)
def test_what_an_exercise_describes_can_be_read_back(typed: str) -> None:
    exercise = parse_exercise(typed)
    assert parse_exercise(exercise.describe()) == exercise


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("squat 3x5@0.00001kg", "squat 3x5"),  # below a gram: bodyweight, as it reads back
        ("squat 3x5@100.0004kg", "squat 3x5@100kg"),
        ("dl 3x5@225.04lb", "dl 3x5@225lb"),
        ("dl 5@225.06, 3@245.55lb", "dl 5@225.1, 3@245.6lb"),
    ],
)
def test_a_load_finer_than_it_is_shown_reads_back_the_same(typed: str, shown: str) -> None:
    # Before: the load was kept as typed and shown rounded, so what was shown read back as
    # another load (100.0004 kg as 100 kg, 0.00001 kg as bodyweight).
    exercise = parse_exercise(typed)
    assert exercise.describe() == shown
    assert parse_exercise(shown) == exercise


@pytest.mark.parametrize("sets", [300, 3000, 18_000])  # 18,000: a CSV cell at 128 KB
def test_a_long_line_that_is_not_an_exercise_is_refused_at_once(sets: int) -> None:
    # Before 929b6d1 the set-by-set pattern backtracked cubically: 2,112 characters took 2 s.
    text = "back squat " + "5@100, " * sets + "x"  # a typo at the end
    started = time.perf_counter()
    with pytest.raises(ValidationError):
        parse_exercise(text)
    assert time.perf_counter() - started < 0.2


def test_the_longest_exercise_there_can_be_is_still_read() -> None:
    # The cap on a line's length (before it, 21,000 characters took ~1 s to refuse) leaves
    # room for every set of its own: 50 sets of 500 reps at the heaviest load in pounds.
    name = "single leg romanian deadlift on a deficit with a pause at the bottom"
    text = f"{name} " + ", ".join(["500@2204.6"] * BOUNDS["sets"].high) + "lb"
    exercise = parse_exercise(text)
    assert (exercise.sets, exercise.reps, exercise.unit) == (50, 500, "lb")


# -- numbers, the profile's fields, race distances ----------------------------------------


def number_texts_for(bound: Bound[Any]) -> st.SearchStrategy[str]:
    low, high = float(bound.low), float(min(bound.high, 10**6))
    inside = st.floats(low - 5, high + 5, allow_nan=False)
    return st.one_of(
        st.text(max_size=12),
        st.integers(int(low) - 5, int(high) + 5).map(str),
        inside.map(repr),
        inside.map(lambda v: f"{v:.2f}"),
        st.sampled_from(["nan", "inf", "-inf", "1e400", "1e-400", "1_0", "0x10", "٣", " 7 "]),
        st.sampled_from(["5e-324", "1" * 4400, "", " ", "1.", ".5", "+3", "-0", "none"]),
    ).flatmap(_padded)


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_a_bound_reads_a_number_within_it_or_refuses(name: str) -> None:
    bound = BOUNDS[name]

    @fuzz
    @given(number_texts_for(bound))
    def check(text: str) -> None:
        try:
            value = bound.parse(text)
        except ValidationError:
            return
        assert type(value) is (int if bound.whole else float)
        assert bound.contains(value) and not math.isnan(value)
        bound.check(value)
        assert bound.parse(repr(value)) == value

    check()


def _profile_text(name: str, value: Any) -> str:
    """A profile field's value written as the profile screen shows it."""
    if name in ("long_run_day", "week_start"):
        return WEEKDAYS[value]
    if name == "cross":
        return ",".join(value)
    if name == "leg_days":
        return describe_rule(value)
    if name == "unavailable":
        return ",".join(WEEKDAYS[d] for d in value) or "none"
    if name == "same_day_hard":
        return switch_text(value)
    if name == "weekly_minutes" and value is None:
        return "none"
    return "" if value is None else str(value)


PROFILE_WORDS = [*DAY_WORDS, *PREFERRED_CROSS, "row", "on", "off", "ON", "km", "mi", "miles"]
PROFILE_WORDS += ["none", "", "35", "200", "60", "45.5", "0", "-1", "2400", "30", "yes"]


@pytest.mark.parametrize("name", list(PROFILE_TEXT))
def test_a_profile_field_reads_a_value_the_profile_takes_or_refuses(name: str) -> None:
    read = PROFILE_TEXT[name]
    words = st.sampled_from(PROFILE_WORDS).flatmap(_cases).flatmap(_padded)
    texts = st.one_of(
        st.text(max_size=20),
        st.lists(words, max_size=7).map(",".join),
        number_texts_for(BOUNDS.get(name, BOUNDS["age"])),
    )

    @fuzz
    @given(texts)
    def check(text: str) -> None:
        try:
            value = read(text)
        except ValidationError:
            return
        Profile().with_changes(**{PROFILE_ATTRIBUTE.get(name, name): value})
        assert read(_profile_text(name, value)) == value

    check()


@fuzz
@given(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from([*DISTANCES, "5K", "Half", "MARATHON", "10 km", "21.1km", "km", "nan"]),
        st.floats(-10, 500).map(lambda km: f"{km:g}{'km' if km > 100 else ''}"),
    ).flatmap(_padded)
)
def test_parse_distance_reads_a_race_distance_or_refuses(text: str) -> None:
    try:
        km = parse_distance(text)
    except ValidationError:
        return
    BOUNDS["race_km"].check(km)
    Goal(date=TODAY + timedelta(weeks=8), distance_km=km)
    assert parse_distance(repr(km)) == km
    assert parse_distance(f"{km!r}km") == km


# -- records in and out: JSON and CSV -----------------------------------------------------


def _in(bound: Bound[Any]) -> st.SearchStrategy[Any]:
    if bound.whole:
        return st.integers(bound.low, min(bound.high, 10**9))
    return st.floats(
        bound.low,
        bound.high,
        exclude_min=bound.low_exclusive,
        exclude_max=bound.high_exclusive,
        allow_nan=False,
    )


DAYS = st.dates(date(2020, 1, 1), date(2030, 12, 31))
TEXT = st.text(max_size=30)
IDS = st.integers(1, 2**40)


def _optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


@st.composite
def exercises(draw: st.DrawFn) -> Exercise:
    per_set: tuple[tuple[int, float | None], ...] = ()
    if draw(st.booleans()):
        per_set = tuple(
            draw(
                st.lists(
                    st.tuples(_in(BOUNDS["reps"]), _optional(_in(BOUNDS["load_kg"]))), max_size=6
                )
            )
        )
    return Exercise(
        name=draw(TEXT.filter(str.strip)),
        sets=len(per_set) or draw(_in(BOUNDS["sets"])),
        reps=draw(_in(BOUNDS["reps"])),
        load_kg=draw(_optional(_in(BOUNDS["load_kg"]))),
        muscles=tuple(draw(st.lists(st.sampled_from(MUSCLES), unique=True))),
        per_set=per_set,
        unit=draw(st.sampled_from(["kg", "lb"])),
    )


def _session_fields(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "date": draw(DAYS),
        "minutes": draw(_in(BOUNDS["minutes"])),
        "rpe": draw(_optional(_in(BOUNDS["rpe"]))),
        "notes": draw(TEXT),
        "id": draw(_optional(IDS)),
    }


@st.composite
def sessions(draw: st.DrawFn, exercise: st.SearchStrategy[Exercise] | None = None) -> Any:
    exercise = exercises() if exercise is None else exercise
    fields = _session_fields(draw)
    kind = draw(st.sampled_from(["leg", "run", "cross"]))
    if kind == "leg":
        fields["rpe"] = fields["rpe"] or draw(_in(BOUNDS["rpe"]))
        return LegDay(**fields, exercises=tuple(draw(st.lists(exercise, max_size=4))))
    if kind == "run":
        return Run(
            **fields,
            km=draw(_in(BOUNDS["km"])),
            avg_hr=draw(_optional(_in(BOUNDS["avg_hr"]))),
            kind=draw(st.sampled_from(RUN_KINDS)),
        )
    return CrossTraining(**fields, activity=draw(st.sampled_from(CROSS_ACTIVITIES)))


def _unique_ids(items: list[Any]) -> list[Any]:
    seen: set[int] = set()
    kept = []
    for item in items:
        if item.id is None or item.id not in seen:
            kept.append(item)
            seen.add(item.id)
    return kept


@st.composite
def profiles(draw: st.DrawFn) -> Profile:
    max_hr = draw(_optional(_in(BOUNDS["max_hr"])))
    resting = draw(_optional(_in(BOUNDS["resting_hr"])))
    if max_hr is not None and resting is not None:
        assume(resting < max_hr)
    leg_days = tuple(draw(st.lists(st.integers(0, 6), unique=True, max_size=4)))
    return Profile(
        age=draw(_in(BOUNDS["age"])),
        max_hr=max_hr,
        resting_hr=resting,
        runs_per_week=draw(_in(BOUNDS["runs_per_week"])),
        weekly_km=draw(_in(BOUNDS["weekly_km"])),
        long_run_day=draw(st.integers(0, 6)),
        week_start=draw(st.sampled_from([0, 6])),
        units=draw(st.sampled_from(["km", "mi"])),
        cross=tuple(draw(st.lists(st.sampled_from(PREFERRED_CROSS), min_size=1, unique=True))),
        leg_days_rule=leg_days_rule(leg_days),
        same_day_hard=draw(st.booleans()),
        unavailable=tuple(draw(st.lists(st.integers(0, 6), unique=True, max_size=5))),
        weekly_minutes=draw(_optional(_in(BOUNDS["weekly_minutes"]))),
    )


@st.composite
def pins(draw: st.DrawFn) -> Pin:
    action = draw(st.sampled_from(PIN_ACTIONS))
    return Pin(
        date=draw(DAYS),
        kind=draw(st.sampled_from(PLAN_KINDS)),
        action=action,
        to_date=draw(DAYS) if action == "move" else draw(_optional(DAYS)),
        minutes=draw(_optional(_in(BOUNDS["minutes"]))),
        km=draw(_optional(_in(BOUNDS["km"]))),
        id=draw(_optional(IDS)),
    )


@st.composite
def checkins(draw: st.DrawFn) -> CheckIn:
    optional = {n: draw(_optional(_in(BOUNDS[n]))) for n in (*MUSCLES, "sleep", "energy")}
    return CheckIn(date=draw(DAYS), soreness=draw(_in(BOUNDS["soreness"])), **optional)


@st.composite
def records(draw: st.DrawFn) -> Records:
    return Records(
        profile=draw(_optional(profiles())),
        goal=draw(
            _optional(
                st.builds(
                    Goal,
                    date=DAYS,
                    distance_km=_in(BOUNDS["race_km"]),
                    name=st.text(max_size=MAX_NAME),
                )
            )
        ),
        sessions=tuple(_unique_ids(draw(st.lists(sessions(), max_size=6)))),
        checkins=tuple(draw(st.lists(checkins(), max_size=4, unique_by=lambda c: c.date))),
        ticks=tuple(draw(st.lists(st.tuples(DAYS, TEXT.filter(bool)), max_size=3))),
        pins=tuple(_unique_ids(draw(st.lists(pins(), max_size=4)))),
        settings=tuple(draw(st.dictionaries(TEXT, TEXT, max_size=3)).items()),
        imports=tuple(
            draw(
                st.lists(
                    st.builds(ImportedActivity, TEXT.filter(bool), _optional(IDS), TEXT), max_size=2
                )
            )
        ),
    )


def _every_record_is_valid(found: Records) -> None:
    """A reader's records are the planner's own (each checked itself on construction)."""
    assert found.profile is None or isinstance(found.profile, Profile)
    assert found.goal is None or isinstance(found.goal, Goal)
    assert all(isinstance(s, (LegDay, Run, CrossTraining)) for s in found.sessions)
    assert all(isinstance(c, CheckIn) for c in found.checkins)
    assert all(isinstance(p, Pin) for p in found.pins)
    assert all(isinstance(d, date) and isinstance(i, str) and i for d, i in found.ticks)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in found.settings)
    assert all(isinstance(i, ImportedActivity) for i in found.imports)
    ids = [s.id for s in found.sessions if s.id is not None]
    assert len(ids) == len(set(ids))
    assert len({c.date for c in found.checkins}) == len(found.checkins)


@fuzz
@given(records())
def test_json_export_reads_back_exactly(tmp_path: Path, written: Records) -> None:
    """5-6 s on 2 cores: each of 200 examples writes and reads a whole random history."""
    path = tmp_path / "export.json"
    path.write_text(json_text(written, TODAY), encoding="utf-8")
    assert read_json(path) == written


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def mutated_documents(draw: st.DrawFn) -> Any:
    """An export with a few of its values replaced, removed, or added where they do not go."""
    document = json.loads(json_text(draw(records()), TODAY))
    for _ in range(draw(st.integers(1, 4))):
        node, keys = document, []
        while isinstance(node, (dict, list)) and node and draw(st.integers(0, 3)):
            key = draw(
                st.sampled_from(sorted(node) if isinstance(node, dict) else range(len(node)))
            )
            keys.append(key)
            node = node[key]
        if not keys:
            continue
        parent = document
        for key in keys[:-1]:
            parent = parent[key]
        how = draw(st.integers(0, 3))
        if how == 0 and isinstance(parent, dict):
            del parent[keys[-1]]
        elif how == 1 and isinstance(parent, dict):
            parent[draw(TEXT)] = draw(JSON_VALUES)
        else:
            parent[keys[-1]] = draw(JSON_VALUES)
    return document


@fuzz
@given(mutated_documents())
def test_json_import_of_a_changed_export_reads_valid_records_or_refuses(
    tmp_path: Path, document: Any
) -> None:
    """5-7 s on 2 cores: each example builds a random history's export, changes it, and
    reads it through the whole importer."""
    path = tmp_path / "changed.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    try:
        found = read_json(path)
    except RecordError as exc:
        assert str(exc).startswith(f"{path}: ")
        return
    _every_record_is_valid(found)
    again = tmp_path / "again.json"
    again.write_text(json_text(found, TODAY), encoding="utf-8")
    assert read_json(again) == found


@st.composite
def damaged_bytes(draw: st.DrawFn, valid: bytes) -> bytes:
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 5))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        how = draw(st.integers(0, 2))
        if how == 0:
            del data[at : at + draw(st.integers(1, 20))]
        elif how == 1:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        else:
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


@fuzz
@given(st.data())
def test_json_import_of_damaged_bytes_reads_valid_records_or_refuses(
    tmp_path: Path, data: st.DataObject
) -> None:
    """4-7 s on 2 cores: each example exports a random history, damages its bytes, and
    reads them through the whole importer."""
    valid = json_text(data.draw(records()), TODAY).encode()
    raw = data.draw(st.one_of(damaged_bytes(valid), st.binary(max_size=200)))
    path = tmp_path / "damaged.json"
    path.write_bytes(raw)
    with contextlib.suppress(RecordError):
        _every_record_is_valid(read_json(path))


CSV_NAMES = st.lists(
    st.text(string.ascii_lowercase, min_size=1, max_size=8), min_size=1, max_size=3
)


@st.composite
def csv_exercises(draw: st.DrawFn) -> Exercise:
    """A leg day's exercise as a CSV row holds one: as `log leg` reads it, a load in kg."""
    name = " ".join(draw(CSV_NAMES))
    load = draw(st.one_of(st.just(""), st.integers(1, 10_000).map(lambda n: f"@{n / 10:g}kg")))
    text = f"{name} {draw(_in(BOUNDS['sets']))}x{draw(_in(BOUNDS['reps']))}{load}"
    return parse_exercise(text)


@fuzz
@given(st.lists(sessions(csv_exercises()), max_size=6).map(_unique_ids))
def test_csv_export_reads_back_exactly(tmp_path: Path, written: list[Any]) -> None:
    path = tmp_path / "sessions.csv"
    path.write_text(csv_text(written), encoding="utf-8", newline="")
    assert read_csv(path) == tuple(written)


def test_an_exercise_named_with_the_separator_of_exercises_is_refused() -> None:
    # Before: 'a;b 3x5' was read as one exercise, which export csv wrote into a cell that
    # import csv splits on ';': the file the app wrote was refused by the app.
    with pytest.raises(ValidationError, match="';' separates exercises"):
        parse_exercise("a;b 3x5")


@pytest.mark.parametrize(
    "session",
    [
        LegDay(date=TODAY, minutes=60, rpe=8, exercises=(parse_exercise("squat 5@80, 3@90kg"),)),
        LegDay(date=TODAY, minutes=60, rpe=8, exercises=(parse_exercise("deadlift 3x5@225lb"),)),
        # Before: the writer left a note's lone carriage return unquoted, and the reader
        # took it for the end of the row, so import csv refused what export csv wrote.
        Run(date=TODAY, minutes=30, km=5.0, notes="first line\rsecond"),
        Run(date=TODAY, minutes=30, km=5.0, notes="a\r\nb\nc\r"),
    ],
    ids=["per-set", "lb", "carriage-return", "line-ends"],
)
def test_csv_export_keeps_what_the_session_says(tmp_path: Path, session: Any) -> None:
    path = tmp_path / "sessions.csv"
    path.write_text(csv_text([session]), encoding="utf-8", newline="")
    assert read_csv(path) == (session,)


CSV_CELLS = st.one_of(
    TEXT,
    st.sampled_from(["2026-11-24", "2026-02-30", "run", "leg", "CROSS", "swim", "easy", "tempo"]),
    st.sampled_from(["5", "0", "400", "8.2", "-1", "1e3", "squat 5x5@100kg", "rdl 3x8@60; x 2"]),
    st.sampled_from(['"quoted, cell"', '"open', "a\nb", "a\rb", "\x00", "\ufeff"]),
)


@st.composite
def csv_files(draw: st.DrawFn) -> str:
    header = draw(
        st.one_of(
            st.permutations(list(CSV_COLUMNS)),
            st.lists(st.sampled_from([*CSV_COLUMNS, "pace", "Date", " km "]), max_size=12),
        )
    )
    rows = [",".join(header)]
    for _ in range(draw(st.integers(0, 5))):
        width = draw(st.sampled_from([len(header), len(header), len(header) + 1, 2]))
        rows.append(",".join(draw(st.lists(CSV_CELLS, min_size=width, max_size=width))))
    return draw(st.sampled_from(["\n", "\r\n", "\r"])).join(rows)


@fuzz
@given(st.one_of(csv_files(), st.text(max_size=80)))
def test_csv_import_reads_valid_sessions_or_refuses(tmp_path: Path, text: str) -> None:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8", newline="")
    try:
        found = read_csv(path)
    except RecordError as exc:
        assert str(exc).startswith(f"{path}: ")
        return
    assert all(isinstance(s, (LegDay, Run, CrossTraining)) for s in found)
    ids = [s.id for s in found if s.id is not None]
    assert len(ids) == len(set(ids))


@fuzz
@given(st.binary(max_size=300))
def test_csv_import_of_random_bytes_reads_valid_sessions_or_refuses(
    tmp_path: Path, raw: bytes
) -> None:
    path = tmp_path / "bytes.csv"
    path.write_bytes(raw)
    with contextlib.suppress(RecordError):
        assert all(isinstance(s, (LegDay, Run, CrossTraining)) for s in read_csv(path))


# -- watch files: GPX and FIT -------------------------------------------------------------

ZONES = st.sampled_from([UTC, timezone(timedelta(hours=-5)), timezone(timedelta(hours=13))])


def _read_watch(path: Path, kind: str, zone: Any) -> WatchFiles | None:
    try:
        found = read_watch_files([path], kind, zone=zone)
    except WatchFileError as exc:
        assert str(path) in str(exc)
        return None
    for activity in found.activities:
        assert isinstance(activity, Activity) and isinstance(activity.run, Run)
        assert len(activity.digest) == 64 and int(activity.digest, 16) >= 0
        BOUNDS["km"].check(activity.run.km)
        BOUNDS["minutes"].check(activity.run.minutes)
    assert all(isinstance(note, str) and str(path) in note for note in found.skipped)
    return found


@st.composite
def gpx_files(draw: st.DrawFn) -> str:
    tracks = []
    for _ in range(draw(st.integers(0, 3))):
        points = [
            Point(
                draw(st.floats(-90, 90)),
                draw(st.floats(-180, 180)),
                draw(st.floats(-100, 200_000)),
                draw(_optional(st.integers(-10, 400))),
            )
            for _ in range(draw(st.integers(0, 6)))
        ]
        kind = draw(st.sampled_from([None, "running", "cycling", "9", "Run", "trail_running"]))
        tracks.append((draw(st.sampled_from(["", "Morning run", "<&>"])), kind, points))
    start = draw(
        st.one_of(
            st.none(),
            st.datetimes(datetime(1980, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC)),
        )
    )
    return gpx_text(tracks, start=start)


@few
@given(
    st.one_of(
        gpx_files(),
        gpx_files().flatmap(lambda t: damaged_bytes(t.encode())),
        st.binary(max_size=200),
    ),
    ZONES,
)
def test_gpx_import_reads_valid_runs_or_refuses(tmp_path: Path, content: Any, zone: Any) -> None:
    path = tmp_path / "track.gpx"
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    _read_watch(path, "gpx", zone)


@pytest.mark.parametrize(
    ("day", "hours"),
    [("0001-01-01T00", -5), ("9999-12-31T23", 5)],
    ids=["year-one-behind-utc", "year-9999-ahead-of-utc"],
)
def test_a_gpx_track_dated_at_the_edge_of_the_calendar_is_refused(
    tmp_path: Path, day: str, hours: int
) -> None:
    # Before: moving the time into the zone raised OverflowError through read_watch_files.
    path = tmp_path / "edge.gpx"
    points = "".join(
        f'<trkpt lat="{lat}" lon="12.5"><time>{day}:{minute}:00Z</time></trkpt>'
        for lat, minute in (("55.0", "00"), ("55.01", "10"))
    )
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="t" '
        f'xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>{points}</trkseg></trk></gpx>'
    )
    with pytest.raises(WatchFileError, match="edge of the calendar"):
        read_watch_files([path], "gpx", zone=timezone(timedelta(hours=hours)))


@st.composite
def fit_files(draw: st.DrawFn) -> bytes:
    return fit_bytes(
        sport=draw(st.sampled_from(["running", "cycling"])),
        start=draw(
            st.datetimes(datetime(1990, 1, 1), datetime(2100, 1, 1), timezones=st.just(UTC))
        ),
        distance_m=draw(_optional(st.floats(0, 500_000))),
        elapsed_s=draw(_optional(st.floats(0, 200_000))),
        timer_s=draw(_optional(st.floats(0, 200_000))),
        avg_hr=draw(_optional(st.integers(0, 255))),
        records=draw(st.integers(0, 3)),
    )


@few
@given(st.one_of(fit_files(), fit_files().flatmap(damaged_bytes), st.binary(max_size=200)), ZONES)
def test_fit_import_reads_valid_runs_or_refuses(tmp_path: Path, content: bytes, zone: Any) -> None:
    path = tmp_path / "activity.fit"
    path.write_bytes(content)
    _read_watch(path, "fit", zone)


# -- the command line's arguments ---------------------------------------------------------

PARSER = build_parser(TODAY)
VALUES = st.one_of(
    st.text(max_size=12),
    date_texts(),
    exercise_texts(),
    day_texts(),
    st.sampled_from(["5", "0", "42", "8.2", "400", "none", "on", "half", "easy", "bike", "-3"]),
)
OPTIONS: dict[tuple[str, ...], list[str]] = {
    ("profile", "set"): [
        "--age",
        "--max-hr",
        "--resting-hr",
        "--runs-per-week",
        "--weekly-km",
        "--weekly-minutes",
        "--long-run-day",
        "--week-start",
        "--units",
        "--cross",
        "--leg-days",
        "--same-day-hard",
        "--unavailable",
    ],
    ("log", "leg"): ["--date", "--rpe", "--minutes", "--exercise", "--exercise", "--notes"],
    ("log", "run"): ["--date", "--km", "--minutes", "--rpe", "--avg-hr", "--kind", "--notes"],
    ("log", "cross"): ["--date", "--activity", "--minutes", "--rpe", "--notes"],
    ("checkin",): ["--date", "--soreness", *(f"--{m}" for m in MUSCLES), "--sleep", "--energy"],
    ("plan",): ["--week", "--json"],
    ("stats",): ["--weeks", "--json"],
    ("season",): ["--weeks", "--json"],
    ("history",): ["--from", "--to", "--json"],
    ("checkins",): ["--from", "--to"],
    ("goal", "set"): ["--date", "--distance", "--name"],
    ("delete",): [],
    ("export", "ics"): ["--weeks"],
    ("sync", "caldav"): ["--user", "--weeks"],
}
FLAGS = {"--json"}
# Where each parsed value must lie (the attribute's name in the namespace).
ATTRIBUTE_BOUNDS = {
    "age": "age", "max_hr": "max_hr", "resting_hr": "resting_hr", "rpe": "rpe",
    "runs_per_week": "runs_per_week", "weekly_km": "weekly_km", "minutes": "minutes",
    "km": "km", "avg_hr": "avg_hr", "soreness": "soreness", "sleep": "sleep",
    "energy": "energy", "id": "session_id", **{m: m for m in MUSCLES},
}  # fmt: skip


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    if draw(st.integers(0, 5)) == 0:
        return draw(
            st.lists(
                st.one_of(
                    VALUES,
                    st.sampled_from(sorted({*sum(OPTIONS.values(), []), "log", "run", "--db"})),
                ),
                max_size=8,
            )
        )
    command = draw(st.sampled_from(sorted(OPTIONS)))
    argv = list(command)
    if command == ("delete",):
        argv.append(draw(VALUES))
    if command == ("export", "ics"):
        argv.append(draw(st.sampled_from(["plan.ics", ""])))
    if command == ("sync", "caldav"):
        argv.append(draw(st.sampled_from(["https://example.org/cal/", "x"])))
    options = OPTIONS[command]
    for option in draw(st.lists(st.sampled_from(options), max_size=6)) if options else []:
        argv.append(option)
        if option not in FLAGS:
            argv.append(draw(VALUES))
    if draw(st.integers(0, 4)) == 0:
        argv[draw(st.integers(0, len(argv))) :] = ["--db", draw(VALUES)]
    return argv


def _asks_for_help(argv: list[str]) -> bool:
    return any(t.startswith("-") and t.lstrip("-")[:1] in ("h", "v") for t in argv)


@fuzz
@given(command_lines())
def test_the_command_line_reads_valid_values_or_exits_2_in_one_line(argv: list[str]) -> None:
    assume(not _asks_for_help(argv))
    stderr, stdout = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(stdout):
            args = PARSER.parse_args(argv)
    except SystemExit as exc:
        assert exc.code == 2, (argv, exc.code, stderr.getvalue())
        lines = stderr.getvalue().splitlines()
        assert len(lines) == 1 and lines[0].startswith("legrun-tui: error: "), lines
        return
    for name, value in vars(args).items():
        if name in ATTRIBUTE_BOUNDS and isinstance(value, (int, float)):
            BOUNDS[ATTRIBUTE_BOUNDS[name]].check(value)
        if name in ("date", "week", "start", "end"):
            assert value is None or isinstance(value, date)
        if name == "exercise":
            assert all(isinstance(e, Exercise) for e in value)
        if name == "notes":
            assert len(value) <= MAX_NOTES
        if name == "distance":
            BOUNDS["race_km"].check(value)


@pytest.mark.parametrize(
    "argv",
    [
        ["log", "run", "--date", "today", "--km", "5", "--minutes", "30", "--notes", "\udcf8"],
        ["log", "leg", "--date", "today", "--rpe", "5", "--exercise", "squat\udcf8 3x5"],
        ["goal", "set", "--date", "2027-04-11", "--distance", "half", "--name", "\udcf8"],
    ],
    ids=["notes", "exercise", "race-name"],
)
def test_text_that_cannot_be_stored_is_refused_on_the_command_line(argv: list[str]) -> None:
    with contextlib.redirect_stderr(io.StringIO()), pytest.raises(SystemExit) as exited:
        PARSER.parse_args(argv)
    assert exited.value.code == 2
