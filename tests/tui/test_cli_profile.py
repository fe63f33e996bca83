"""`legrun-tui profile show|set`: the defaults every command honours, and a round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from legrun.planner.models import tanaka_max_hr
from legrun.storage import Repository

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
        "is_default": False,
    }
    with Repository.open(db_path) as repo:
        assert repo.profile().leg_days_rule == "FREQ=WEEKLY;BYDAY=MO,TH"


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
