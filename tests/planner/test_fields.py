"""The table of bounds (planner/fields.py): one range per field, read by the records, the
command line and the forms, with messages that say what is allowed; and the profile's fields
as text (planner/profile_fields.py), read alike by the profile screen and `profile set`."""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legrun.planner import models
from legrun.planner.fields import BOUNDS, Bound, ValidationError, number_text
from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Pin, Profile, Run
from legrun.planner.profile_fields import PROFILE_TEXT, profile_from_text

DAY = date(2026, 11, 24)

# Each record field that a bound limits, and how to build the record with a value in it.
RECORDS: dict[str, Callable[[Any], object]] = {
    "age": lambda v: Profile(age=v),
    "max_hr": lambda v: Profile(max_hr=v),
    "resting_hr": lambda v: Profile(resting_hr=v),
    "runs_per_week": lambda v: Profile(runs_per_week=v),
    "weekly_km": lambda v: Profile(weekly_km=v),
    "weekly_minutes": lambda v: Profile(weekly_minutes=v),
    "long_run_day": lambda v: Profile(long_run_day=v),
    "minutes": lambda v: CrossTraining(date=DAY, minutes=v),
    "rpe": lambda v: LegDay(date=DAY, minutes=60, rpe=v),
    "km": lambda v: Run(date=DAY, minutes=30, km=v),
    "avg_hr": lambda v: Run(date=DAY, minutes=30, km=5.0, avg_hr=v),
    "sets": lambda v: Exercise("squat", v, 5),
    "reps": lambda v: Exercise("squat", 5, v),
    "load_kg": lambda v: Exercise("squat", 5, 5, v),
    "soreness": lambda v: CheckIn(date=DAY, soreness=v),
    **{
        name: (lambda v, name=name: CheckIn(date=DAY, soreness=0, **{name: v}))
        for name in ("quads", "hamstrings", "glutes", "calves", "sleep", "energy")
    },
}


def _inside_and_outside(bound: Bound) -> tuple[list[float], list[float]]:
    """Values at and just inside each end, and just outside them."""
    step = 1 if bound.whole else 0.001
    low_in = bound.low + step if bound.low_exclusive else bound.low
    high_in = bound.high - step if bound.high_exclusive else bound.high
    low_out = bound.low if bound.low_exclusive else bound.low - step
    high_out = bound.high if bound.high_exclusive else bound.high + step
    return [low_in, high_in], [low_out, high_out]


def test_the_table_names_every_field_the_brief_lists() -> None:
    assert set(RECORDS) <= set(BOUNDS)
    assert {"stats_weeks", "season_weeks", "session_id"} <= set(BOUNDS)


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_record_accepts_exactly_what_its_bound_accepts(name: str) -> None:
    bound = BOUNDS[name]
    inside, outside = _inside_and_outside(bound)
    for value in inside:
        bound.check(value)
        RECORDS[name](value)
    for value in outside:
        with pytest.raises(ValidationError) as by_bound:
            bound.check(value)
        with pytest.raises(ValidationError) as by_record:
            RECORDS[name](value)
        # The record says it in the bound's words: it has no range of its own.
        assert str(by_record.value) == str(by_bound.value)
        assert bound.name in str(by_bound.value)
        assert bound.allowed in str(by_bound.value)


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("age", 5, "age must be from 10 to 100, not 5"),
        ("age", 40.5, "age must be a whole number from 10 to 100, not 40.5"),
        ("age", True, "age must be a whole number from 10 to 100, not True"),
        ("rpe", 11, "RPE must be from 1 to 10, not 11"),
        ("calves", 11, "calves soreness must be from 0 to 10, not 11"),
        ("km", -5.0, "km must be more than 0 and less than 400, not -5"),
        ("km", 400, "km must be more than 0 and less than 400, not 400"),
        ("km", "5", "km must be a number, not '5'"),
        ("weekly_km", 0.0, "weekly km must be more than 0 and at most 400, not 0"),
        ("weekly_km", 400.0001, "weekly km must be more than 0 and at most 400, not 400.0001"),
        ("load_kg", 1500.0, "load must be more than 0 and at most 1000 kg, not 1500"),
        ("weekly_minutes", 20, "weekly minutes must be from 30 to 2400, not 20"),
    ],
)
def test_check_says_what_is_allowed(name: str, value: object, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        BOUNDS[name].check(value)
    assert str(refused.value) == message


@pytest.mark.parametrize("name", ["km", "weekly_km", "load_kg"])
@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf])
def test_a_number_that_is_not_finite_is_refused(name: str, value: float) -> None:
    with pytest.raises(ValidationError):
        BOUNDS[name].check(value)
    with pytest.raises(ValidationError):
        BOUNDS[name].parse(str(value))


@pytest.mark.parametrize(
    "name, text, value",
    [("age", " 42 ", 42), ("km", "7.5", 7.5), ("km", " 10 ", 10.0), ("weekly_km", "25", 25.0)],
)
def test_parse_reads_text_and_strips_it(name: str, text: str, value: float) -> None:
    parsed = BOUNDS[name].parse(text)
    assert parsed == value
    assert type(parsed) is (int if BOUNDS[name].whole else float)


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("minutes", "20.5", "minutes must be a whole number from 1 to 1440, not '20.5'"),
        ("age", "abc", "age must be a whole number from 10 to 100, not 'abc'"),
        ("age", "", "age must be a whole number from 10 to 100, not ''"),
        ("age", "5", "age must be from 10 to 100, not 5"),
        ("km", "five", "km must be a number, not 'five'"),
        ("weekly_km", "lots", "weekly km must be a number, not 'lots'"),
    ],
)
def test_parse_refuses_text_in_the_command_lines_words(name: str, text: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        BOUNDS[name].parse(text)
    assert str(refused.value) == message


def test_an_alternative_word_is_named_in_the_message() -> None:
    with pytest.raises(ValidationError) as refused:
        BOUNDS["weekly_minutes"].parse("lots", alternative="none")
    assert str(refused.value) == (
        "weekly minutes must be a whole number from 30 to 2400 (or none), not 'lots'"
    )
    assert models.parse_weekly_minutes("none") is None
    with pytest.raises(ValidationError, match=r"\(or none\), not 'lots'"):
        models.parse_weekly_minutes("lots")


def test_parse_optional_takes_empty_text_as_not_given() -> None:
    assert BOUNDS["max_hr"].parse_optional("  ") is None
    assert BOUNDS["max_hr"].parse_optional("181") == 181
    with pytest.raises(ValidationError):
        BOUNDS["max_hr"].parse_optional("99")


@given(st.sampled_from(sorted(BOUNDS)), st.data())
def test_every_value_inside_a_bound_survives_text(name: str, data: st.DataObject) -> None:
    bound = BOUNDS[name]
    if bound.whole:
        value: float = data.draw(st.integers(bound.low, bound.high))
    else:
        value = data.draw(
            st.floats(
                bound.low,
                bound.high,
                exclude_min=bound.low_exclusive,
                exclude_max=bound.high_exclusive,
            )
        )
    assert bound.parse(repr(value)) == value
    assert bound.parse(number_text(value)) == value


def test_whole_numbers_are_the_bounds_with_int_ends() -> None:
    not_whole = {name for name, b in BOUNDS.items() if not b.whole}
    assert not_whole == {"km", "weekly_km", "load_kg", "race_km"}
    with pytest.raises(TypeError):
        Bound("mixed", 0, 1.0)


def test_the_words_for_labels_and_messages() -> None:
    assert BOUNDS["rpe"].span == "1-10"
    assert BOUNDS["age"].allowed == "from 10 to 100"
    assert BOUNDS["km"].allowed == "more than 0 and less than 400"
    assert BOUNDS["load_kg"].allowed == "more than 0 and at most 1000 kg"


def test_models_raise_the_one_validation_error() -> None:
    assert models.ValidationError is ValidationError
    with pytest.raises(models.ValidationError):
        Pin(date=DAY, kind="easy_run", action="add", km=0.0)


# -- the profile's fields as text (planner/profile_fields.py) ---------------------------------

PROFILE_TEXTS = {
    "age": "34",
    "max_hr": "",
    "resting_hr": " 52 ",
    "runs_per_week": "4",
    "weekly_km": "32.5",
    "weekly_minutes": "",
    "long_run_day": "Sat",
    "week_start": "sun",
    "units": "MI",
    "cross": "swim, bike,swim",
    "leg_days": "mon,thu",
    "unavailable": "fri",
    "same_day_hard": "on",
}


def test_a_profile_is_read_from_the_text_of_every_field() -> None:
    assert list(PROFILE_TEXT) == list(PROFILE_TEXTS)
    assert profile_from_text(PROFILE_TEXTS) == Profile(
        age=34,
        max_hr=None,  # empty: estimated from the age
        resting_hr=52,
        runs_per_week=4,
        weekly_km=32.5,
        weekly_minutes=None,
        long_run_day=5,
        week_start=6,
        units="mi",
        cross=("swim", "bike"),  # each once, in the order given
        leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
        unavailable=(4,),
        same_day_hard=True,
    )


@pytest.mark.parametrize(
    "name, text, message",
    [
        ("age", "", "age must be a whole number from 10 to 100, not ''"),
        ("age", "abc", "age must be a whole number from 10 to 100, not 'abc'"),
        ("runs_per_week", "9", "runs per week must be from 2 to 6, not 9"),
        ("max_hr", "90", "max HR must be from 100 to 250, not 90"),
        ("weekly_km", "0", "weekly km must be more than 0 and at most 400, not 0"),
        ("week_start", "wed", "a week starts on mon or sun, not 'wed'"),
        ("units", "miles", "units must be km or mi, not 'miles'"),
        ("cross", "bike,rowing", "unknown cross-training 'rowing': use bike, swim, yoga, walk"),
        ("cross", " , ", "name at least one cross-training activity: bike, swim, yoga, walk"),
        (
            "leg_days",
            "mon,thumb",
            "invalid day 'thumb': use one of mon, tue, wed, thu, fri, sat, sun",
        ),
        ("same_day_hard", "maybe", "same-day hard days must be on or off, not 'maybe'"),
    ],
)
def test_a_profile_field_that_cannot_be_read_says_what_is_allowed(
    name: str, text: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        PROFILE_TEXT[name](text)
    assert str(refused.value) == message
    with pytest.raises(ValidationError) as whole:
        profile_from_text({**PROFILE_TEXTS, name: text})
    assert str(whole.value) == message


def test_what_spans_fields_is_the_profiles_own_check() -> None:
    with pytest.raises(ValidationError, match="resting HR must be below max HR"):
        profile_from_text({**PROFILE_TEXTS, "max_hr": "120", "resting_hr": "120"})
