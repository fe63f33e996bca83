"""`legrun-tui profile show|set`: the defaults every command honours, and a round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legrun.planner.models import tanaka_max_hr
from legrun.storage import Repository
from tests.conftest import assert_refused, file_state

DEFAULTS = {
    "age": 35,
    "max_hr": 184,  # 208 - 0.7 x 35 = 183.5, rounded up
    "max_hr_source": "estimated",
    "runs_per_week": 3,
    "weekly_km": 20.0,
    "long_run_day": "sun",
    "week_start": "mon",
    "units": "km",
    "cross": ["bike", "swim", "yoga"],
}


def _show(cli) -> dict:
    result = cli("profile", "show", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_new_database_shows_the_default_profile(cli) -> None:
    shown = _show(cli)
    assert {k: shown[k] for k in DEFAULTS} == DEFAULTS
    assert shown["resting_hr"] is None
    assert shown["leg_days"] == []
    assert (shown["same_day_hard"], shown["unavailable"], shown["weekly_minutes"]) == (
        False,
        [],
        None,
    )


def test_the_plain_profile_shows_the_defaults_and_invites_your_own(cli) -> None:
    result = cli("profile", "show")
    assert result.returncode == 0
    assert "184 bpm (estimated" in result.stdout
    assert "profile set" in result.stdout


def test_profile_set_round_trips_every_field(cli, db_path: Path) -> None:
    result = cli(
        "profile", "set", "--age", "42", "--max-hr", "181", "--resting-hr", "52",
        "--runs-per-week", "4", "--weekly-km", "32.5", "--long-run-day", "sat",
        "--week-start", "sun", "--units", "mi", "--cross", "swim,walk", "--leg-days", "mon,thu",
        "--same-day-hard", "on", "--unavailable", "sat,wed",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "181 bpm (measured)" in result.stdout
    shown = _show(cli)
    assert {k: v for k, v in shown.items() if k != "leg_days_rule"} == {
        "age": 42,
        "max_hr": 181,
        "max_hr_source": "measured",
        "resting_hr": 52,
        "runs_per_week": 4,
        "weekly_km": 32.5,
        "long_run_day": "sat",
        "week_start": "sun",
        "units": "mi",
        "cross": ["swim", "walk"],
        "leg_days": ["mon", "thu"],
        "same_day_hard": True,
        "unavailable": ["wed", "sat"],
        "weekly_minutes": None,
        "is_default": False,
    }
    with Repository.open(db_path) as repo:
        assert repo.profile().leg_days_rule == "FREQ=WEEKLY;BYDAY=MO,TH"
    assert cli("profile", "set", "--weekly-minutes", "240").returncode == 0
    shown = _show(cli)
    assert (shown["weekly_minutes"], shown["weekly_km"]) == (240, 32.5)


def test_profile_set_changes_only_the_fields_given(cli) -> None:
    assert (
        cli("profile", "set", "--runs-per-week", "5", "--leg-days", "thursday,Mon").returncode == 0
    )
    assert cli("profile", "set", "--weekly-km", "25").returncode == 0
    shown = _show(cli)
    assert (shown["runs_per_week"], shown["weekly_km"], shown["age"]) == (5, 25.0, 35)
    assert shown["leg_days"] == ["mon", "thu"]
    assert cli("profile", "set", "--leg-days", "none").returncode == 0
    assert _show(cli)["leg_days"] == []


@pytest.mark.parametrize("age, expected", [(35, 184), (20, 194), (45, 177), (50, 173), (60, 166)])
def test_tanaka_estimates_max_hr_from_age(age: int, expected: int) -> None:
    # 208 - 0.7 x age, to the nearest beat (halves up): 45 -> 176.5 -> 177.
    assert tanaka_max_hr(age) == expected


def test_changing_age_changes_the_estimated_max_hr_shown(cli) -> None:
    assert cli("profile", "set", "--age", "50").returncode == 0
    shown = _show(cli)
    assert (shown["max_hr"], shown["max_hr_source"]) == (173, "estimated")


def test_miles_show_in_plan_and_history_while_json_stays_in_km(cli) -> None:
    import json

    assert cli("profile", "set", "--units", "mi").returncode == 0
    assert (
        cli("log", "run", "--date", "yesterday", "--km", "16.09344", "--minutes", "90").returncode
        == 0
    )
    history = cli("history").stdout
    assert "mi" in history.splitlines()[0] and " 10 " in history.splitlines()[1]
    assert "9:00" in history  # 90 min over 10 miles
    data = json.loads(cli("history", "--json").stdout)
    assert data[0]["km"] == 16.09344
    text = cli("plan").stdout
    assert " mi" in text and " km " not in text.replace("km/", "")
    assert "weekly target   12.4 mi" in cli("profile", "show").stdout  # 20 km


# -- same-day hard days, days with no training, a weekly target in minutes ---------------------


def test_the_three_training_settings_show_in_the_plain_profile(cli) -> None:
    plain = cli("profile", "show").stdout
    assert "unavailable     none" in plain
    assert "same-day hard   off" in plain
    assert "weekly target   20 km" in plain
    result = cli(
        "profile", "set", "--same-day-hard", "on", "--unavailable", "Sunday,tue,sun",
        "--weekly-minutes", "200",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for shown in (result.stdout, cli("profile", "show").stdout):
        assert "weekly target   200 min" in shown
        assert "unavailable     tue,sun" in shown
        assert "same-day hard   on" in shown
        assert " km" not in shown.split("weekly target")[1].splitlines()[0]


def test_same_day_hard_turns_on_and_off(cli) -> None:
    assert cli("profile", "set", "--same-day-hard", "ON").returncode == 0
    assert _show(cli)["same_day_hard"] is True
    assert cli("profile", "set", "--same-day-hard", "off").returncode == 0
    assert _show(cli)["same_day_hard"] is False


def test_unavailable_days_are_sorted_once_each_and_none_clears_them(cli, db_path: Path) -> None:
    assert cli("profile", "set", "--unavailable", "sat,mon,sat,friday").returncode == 0
    assert _show(cli)["unavailable"] == ["mon", "fri", "sat"]
    with Repository.open(db_path) as repo:
        assert repo.profile().unavailable == (0, 4, 5)
    # Five days away still leaves two to train on.
    assert cli("profile", "set", "--unavailable", "mon,tue,wed,thu,fri").returncode == 0
    assert _show(cli)["unavailable"] == ["mon", "tue", "wed", "thu", "fri"]
    assert cli("profile", "set", "--unavailable", "none").returncode == 0
    assert _show(cli)["unavailable"] == []


def test_weekly_minutes_take_over_and_none_goes_back_to_km(cli) -> None:
    assert cli("profile", "set", "--weekly-km", "32").returncode == 0
    assert cli("profile", "set", "--weekly-minutes", "180").returncode == 0
    shown = _show(cli)
    assert (shown["weekly_minutes"], shown["weekly_km"]) == (180, 32.0)
    assert cli("profile", "set", "--weekly-minutes", "none").returncode == 0
    shown = _show(cli)
    assert (shown["weekly_minutes"], shown["weekly_km"]) == (None, 32.0)
    for edge in ("30", "2400"):
        assert cli("profile", "set", "--weekly-minutes", edge).returncode == 0
        assert _show(cli)["weekly_minutes"] == int(edge)


def test_setting_weekly_km_alone_clears_weekly_minutes(cli) -> None:
    assert cli("profile", "set", "--weekly-minutes", "200").returncode == 0
    # Another field alone leaves the minutes as they are.
    assert cli("profile", "set", "--age", "40").returncode == 0
    assert _show(cli)["weekly_minutes"] == 200
    result = cli("profile", "set", "--weekly-km", "28")
    assert result.returncode == 0, result.stderr
    assert "weekly target   28 km" in result.stdout
    shown = _show(cli)
    assert (shown["weekly_minutes"], shown["weekly_km"], shown["age"]) == (None, 28.0, 40)


def test_weekly_km_and_weekly_minutes_together_are_refused_and_change_nothing(
    cli, seeded_db: Path
) -> None:
    assert cli("profile", "set", "--weekly-minutes", "200").returncode == 0
    before = file_state(seeded_db)
    for minutes in ("250", "none"):
        result = cli("profile", "set", "--weekly-km", "30", "--weekly-minutes", minutes)
        assert_refused(result, 2, "--weekly-km", "--weekly-minutes", "not both")
    assert file_state(seeded_db) == before
    shown = _show(cli)
    assert (shown["weekly_minutes"], shown["weekly_km"]) == (200, 30.0)


# (arguments, words the one error line must contain: what is wrong and what is allowed)
REFUSED = {
    "all seven days away": (
        ["--unavailable", "mon,tue,wed,thu,fri,sat,sun"],
        ["--unavailable", "not every day", "at least 2", "at most 5"],
    ),
    "one day left": (
        ["--unavailable", "mon,tue,wed,thu,fri,sat"],
        ["--unavailable", "leave 1 day", "at least 2", "at most 5"],
    ),
    "an unknown day": (["--unavailable", "funday"], ["'funday'", "mon, tue"]),
    "a day and a typo": (["--unavailable", "sat,sunn"], ["'sunn'", "mon, tue"]),
    "same-day hard yes": (["--same-day-hard", "yes"], ["--same-day-hard", "on or off", "'yes'"]),
    "same-day hard empty": (["--same-day-hard", ""], ["on or off"]),
    "too few minutes": (["--weekly-minutes", "29"], ["weekly minutes", "30 to 2400", "29"]),
    "too many minutes": (["--weekly-minutes", "2401"], ["weekly minutes", "30 to 2400"]),
    "minutes as a word": (["--weekly-minutes", "lots"], ["whole number", "30 to 2400", "'lots'"]),
    "fractional minutes": (["--weekly-minutes", "90.5"], ["whole number", "'90.5'"]),
    "both targets": (
        ["--weekly-km", "30", "--weekly-minutes", "200"],
        ["--weekly-km", "--weekly-minutes", "not both"],
    ),
}


@pytest.mark.parametrize("args, words", REFUSED.values(), ids=REFUSED.keys())
def test_a_bad_training_setting_is_refused_before_the_database_is_created(
    cli, db_path: Path, args: list[str], words: list[str]
) -> None:
    assert_refused(cli("profile", "set", *args), 2, *words)
    assert file_state(db_path) == (None, [])


@pytest.mark.parametrize("args, words", REFUSED.values(), ids=REFUSED.keys())
def test_a_bad_training_setting_changes_nothing_stored(
    cli, seeded_db: Path, args: list[str], words: list[str]
) -> None:
    with Repository.open(seeded_db) as repo:
        profile_before = repo.profile()
    before = file_state(seeded_db)
    assert_refused(cli("profile", "set", "--age", "50", *args), 2, *words)
    assert file_state(seeded_db) == before
    with Repository.open(seeded_db) as repo:
        assert repo.profile() == profile_before
