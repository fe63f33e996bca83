"""`legrun-tui goal set|show|clear`: the goal race, its refusals, and what each command says."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from legrun.planner.goal import Goal
from legrun.storage import Repository
from tests.conftest import TODAY, assert_refused, file_state

HALF_KM = 21.0975  # 21.0975 km, the half marathon's official distance
MARATHON_KM = 42.195


def _stored_goal(db_path: Path) -> Goal | None:
    with Repository.open(db_path) as repo:
        return repo.goal()


def _show_json(cli) -> object:
    result = cli("goal", "show", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_a_goal_show_says_there_is_none_and_how_to_set_one(cli) -> None:
    result = cli("goal", "show")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 1
    assert "no goal" in result.stdout
    assert "legrun-tui goal set --date" in result.stdout
    assert "--distance" in result.stdout


def test_without_a_goal_show_json_prints_null(cli) -> None:
    result = cli("goal", "show", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "null"
    assert json.loads(result.stdout) is None


def test_set_show_and_clear_round_trip(cli, db_path: Path) -> None:
    race = date(2027, 3, 14)  # a Sunday, 110 days after TODAY: 15 whole weeks
    result = cli(
        "goal", "set", "--date", "2027-03-14", "--distance", "half", "--name", "Spring Half"
    )
    assert result.returncode == 0, result.stderr
    assert "Spring Half" in result.stdout
    assert "2027-03-14" in result.stdout
    assert _stored_goal(db_path) == Goal(race, HALF_KM, "Spring Half")

    weeks = (race - TODAY).days // 7
    assert weeks == 15
    assert _show_json(cli) == {
        "date": "2027-03-14",
        "distance_km": HALF_KM,
        "name": "Spring Half",
        "weeks_left": weeks,
    }
    shown = cli("goal", "show")
    assert shown.returncode == 0, shown.stderr
    assert "Spring Half" in shown.stdout
    assert "half marathon" in shown.stdout
    assert "2027-03-14" in shown.stdout
    assert f"{weeks} weeks left" in shown.stdout

    cleared = cli("goal", "clear")
    assert cleared.returncode == 0, cleared.stderr
    assert "Spring Half" in cleared.stdout  # says what it removed
    assert "2027-03-14" in cleared.stdout
    assert _stored_goal(db_path) is None
    assert _show_json(cli) is None

    again = cli("goal", "clear")
    assert again.returncode == 0, again.stderr
    assert "no goal" in again.stdout
    assert "Spring Half" not in again.stdout


def test_a_second_goal_replaces_the_first(cli, db_path: Path) -> None:
    assert cli("goal", "set", "--date", "2027-01-10", "--distance", "10k").returncode == 0
    result = cli(
        "goal", "set", "--date", "2027-09-26", "--distance", "marathon", "--name", "Berlin"
    )
    assert result.returncode == 0, result.stderr
    assert _stored_goal(db_path) == Goal(date(2027, 9, 26), MARATHON_KM, "Berlin")
    assert _show_json(cli) == {
        "date": "2027-09-26",
        "distance_km": MARATHON_KM,
        "name": "Berlin",
        "weeks_left": (date(2027, 9, 26) - TODAY).days // 7,
    }


@pytest.mark.parametrize(
    ("given", "km"),
    [
        ("5k", 5.0),
        ("10K", 10.0),
        ("half", HALF_KM),
        ("Marathon", MARATHON_KM),
        ("15", 15.0),
        ("21.1", 21.1),
        ("0.8", 0.8),
    ],
)
def test_each_distance_is_stored_exactly(cli, db_path: Path, given: str, km: float) -> None:
    result = cli("goal", "set", "--date", "2027-02-07", "--distance", given)
    assert result.returncode == 0, result.stderr
    stored = _stored_goal(db_path)
    assert stored == Goal(date(2027, 2, 7), km, "")
    shown = _show_json(cli)
    assert isinstance(shown, dict)
    assert shown["distance_km"] == km
    assert shown["name"] == ""


def test_a_race_exactly_two_weeks_away_is_accepted(cli, db_path: Path) -> None:
    race = TODAY + timedelta(weeks=2)
    result = cli("goal", "set", "--date", race.isoformat(), "--distance", "5k")
    assert result.returncode == 0, result.stderr
    assert _stored_goal(db_path) == Goal(race, 5.0)
    shown = _show_json(cli)
    assert isinstance(shown, dict) and shown["weeks_left"] == 2


def test_a_date_word_is_read_then_refused_for_being_too_close(cli, db_path: Path) -> None:
    # `tomorrow` is a real date, but under 2 weeks away: refused for that reason, not its form.
    assert_refused(cli("goal", "set", "--date", "tomorrow", "--distance", "5k"), 2, "2 weeks")
    assert not db_path.exists()


def test_weeks_left_counts_whole_weeks(cli, db_path: Path) -> None:
    # 20 days away: 2 whole weeks and 6 days.
    race = TODAY + timedelta(days=20)
    assert cli("goal", "set", "--date", race.isoformat(), "--distance", "10k").returncode == 0
    shown = _show_json(cli)
    assert isinstance(shown, dict) and shown["weeks_left"] == 2
    text = cli("goal", "show").stdout
    assert "2 weeks left" in text
    assert "20 days" in text


def test_a_goal_whose_day_has_passed_shows_as_passed(cli, db_path: Path) -> None:
    # A goal set earlier whose race day is now behind us (the CLI cannot set one in the past).
    with Repository.open(db_path) as repo:
        repo.save_goal(Goal(TODAY - timedelta(days=3), 10.0, "Autumn 10K"))
    shown = _show_json(cli)
    assert shown == {
        "date": (TODAY - timedelta(days=3)).isoformat(),
        "distance_km": 10.0,
        "name": "Autumn 10K",
        "weeks_left": 0,
    }
    text = cli("goal", "show").stdout
    assert "Autumn 10K" in text and "passed" in text


def test_goal_text_reads_in_miles_when_the_profile_says_so(cli) -> None:
    assert cli("profile", "set", "--units", "mi").returncode == 0
    assert cli("goal", "set", "--date", "2027-02-07", "--distance", "16.09344").returncode == 0
    text = cli("goal", "show").stdout
    assert "10 mi" in text  # 16.09344 km is 10 miles
    shown = _show_json(cli)
    assert isinstance(shown, dict) and shown["distance_km"] == 16.09344  # JSON stays in km


# (arguments after `goal set`, words the one error line must contain)
REFUSED = {
    "a race yesterday": (["--date", "yesterday", "--distance", "10k"], ["2026-11-23", "past"]),
    "a race last year": (["--date", "2025-11-24", "--distance", "half"], ["2025-11-24", "past"]),
    "a race today": (["--date", "today", "--distance", "5k"], ["2026-11-24", "2 weeks"]),
    "a race 13 days away": (
        ["--date", (TODAY + timedelta(days=13)).isoformat(), "--distance", "half"],
        [(TODAY + timedelta(days=13)).isoformat(), "2 weeks"],
    ),
    "a race over two years away": (
        ["--date", "9999-12-25", "--distance", "5k"],
        ["9999-12-25", "two years"],
    ),
    "a distance of 0": (["--date", "2027-03-14", "--distance", "0"], ["distance", "0"]),
    "a distance of 0 km": (["--date", "2027-03-14", "--distance", "0km"], ["distance"]),
    "a negative distance": (["--date", "2027-03-14", "--distance", "-5"], ["distance", "-5"]),
    "a distance that is no number": (
        ["--date", "2027-03-14", "--distance", "ultra"],
        ["distance", "ultra", "5k", "marathon"],
    ),
    "a distance of nan": (["--date", "2027-03-14", "--distance", "nan"], ["distance"]),
    "a distance over 400 km": (["--date", "2027-03-14", "--distance", "401"], ["400"]),
    "an ambiguous date": (
        ["--date", "03/14/2027", "--distance", "half"],
        ["03/14/2027", "YYYY-MM-DD"],
    ),
    "no such day": (["--date", "2027-02-30", "--distance", "half"], ["2027-02-30"]),
    "a name too long": (
        ["--date", "2027-03-14", "--distance", "half", "--name", "x" * 81],
        ["name", "80"],
    ),
    "no distance": (["--date", "2027-03-14"], ["--distance"]),
    "no date": (["--distance", "half"], ["--date"]),
}


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_refused_goal_creates_no_database(cli, db_path: Path, case: str) -> None:
    args, words = REFUSED[case]
    assert_refused(cli("goal", "set", *args), 2, *words)
    assert not db_path.exists()  # refused before the database was even opened


@pytest.mark.parametrize("case", REFUSED, ids=list(REFUSED))
def test_a_refused_goal_keeps_the_stored_one_byte_for_byte(cli, db_path: Path, case: str) -> None:
    kept = Goal(date(2027, 5, 2), 10.0, "kept")
    with Repository.open(db_path) as repo:
        repo.save_goal(kept)
    before = file_state(db_path)
    args, words = REFUSED[case]
    assert_refused(cli("goal", "set", *args), 2, *words)
    assert file_state(db_path) == before
    assert _stored_goal(db_path) == kept


@pytest.mark.parametrize("args", [["goal"], ["goal", "drop"], ["goal", "show", "--csv"]])
def test_goal_usage_errors_are_one_line(cli, db_path: Path, args: list[str]) -> None:
    assert_refused(cli(*args), 2)
    assert not db_path.exists()
