"""`legrun-tui stats`: weekly totals (oldest first) and today's fitness, as the contract says."""

from __future__ import annotations

import json
import math

from tests.conftest import assert_refused


def _log(cli, *args: str) -> None:
    result = cli("log", *args)
    assert result.returncode == 0, result.stderr


def test_stats_json_sums_each_week_by_hand(cli) -> None:
    # TODAY is Tuesday 2026-11-24; weeks start on Monday by default.
    _log(cli, "leg", "--date", "2026-11-09", "--rpe", "8", "--minutes", "60")
    _log(cli, "run", "--date", "2026-11-11", "--km", "10", "--minutes", "60", "--rpe", "4")
    _log(
        cli, "cross", "--date", "2026-11-12", "--activity", "bike", "--minutes", "30", "--rpe", "3"
    )
    _log(cli, "run", "--date", "2026-11-15", "--km", "5.5", "--minutes", "33")  # RPE unknown: 5
    _log(cli, "run", "--date", "2026-11-23", "--km", "8", "--minutes", "48", "--rpe", "5")
    _log(cli, "leg", "--date", "2026-11-23", "--rpe", "6", "--minutes", "45")
    result = cli("stats", "--weeks", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"weeks", "fitness", "fatigue", "form"}
    assert data["weeks"] == [
        {
            "week_start": "2026-11-09",
            "run_km": 15.5,
            "run_minutes": 93,
            "load": 480 + 240 + 90 + 165,
            "leg_days": 1,
            "cross_minutes": 30,
        },
        {
            "week_start": "2026-11-16",
            "run_km": 0.0,
            "run_minutes": 0,
            "load": 0,
            "leg_days": 0,
            "cross_minutes": 0,
        },
        {
            "week_start": "2026-11-23",
            "run_km": 8.0,
            "run_minutes": 48,
            "load": 240 + 270,
            "leg_days": 1,
            "cross_minutes": 0,
        },
    ]
    # Fitness and fatigue by their definitions: daily EWMA with time constants 42 and 7 days.
    loads = {
        "2026-11-09": 480,
        "2026-11-11": 240,
        "2026-11-12": 90,
        "2026-11-15": 165,
        "2026-11-23": 510,
    }
    fitness = fatigue = 0.0
    from datetime import date, timedelta

    day = date(2026, 11, 1)
    while day <= date(2026, 11, 24):
        load = loads.get(day.isoformat(), 0)
        fitness += (load - fitness) * (1 - math.exp(-1 / 42))
        fatigue += (load - fatigue) * (1 - math.exp(-1 / 7))
        day += timedelta(days=1)
    assert data["fitness"] == round(fitness, 1)
    assert data["fatigue"] == round(fatigue, 1)
    assert math.isclose(data["form"], fitness - fatigue, abs_tol=0.11)


def test_stats_default_is_twelve_weeks_and_sunday_weeks_follow_the_profile(cli) -> None:
    result = cli("stats", "--json")
    weeks = json.loads(result.stdout)["weeks"]
    assert len(weeks) == 12
    assert weeks[-1]["week_start"] == "2026-11-23"
    assert weeks[0]["week_start"] == "2026-09-07"
    assert cli("profile", "set", "--week-start", "sun").returncode == 0
    weeks = json.loads(cli("stats", "--weeks", "1", "--json").stdout)["weeks"]
    assert weeks == [
        {
            "week_start": "2026-11-22",
            "run_km": 0.0,
            "run_minutes": 0,
            "load": 0,
            "leg_days": 0,
            "cross_minutes": 0,
        }
    ]


def test_stats_text_and_bad_weeks(cli) -> None:
    _log(cli, "run", "--date", "2026-11-23", "--km", "8", "--minutes", "48", "--rpe", "5")
    text = cli("stats", "--weeks", "2").stdout
    assert "2026-11-23     8.0       48   240" in text
    assert "fitness" in text.splitlines()[-1]
    assert_refused(cli("stats", "--weeks", "0"), 2, "weeks")


def test_a_command_leaves_the_database_folder_and_its_other_files_alone(cli, db_path) -> None:
    # --demo throws its own temporary folder away; a real --db folder must never be touched.
    neighbour = db_path.parent / "notes.txt"
    neighbour.write_text("keep me")
    assert cli("stats", "--weeks", "1").returncode == 0
    assert cli("log", "run", "--date", "today", "--km", "5", "--minutes", "30").returncode == 0
    assert neighbour.read_text() == "keep me"
    assert db_path.exists()


def test_demo_throws_its_database_away(cli, isolated_env, tmp_path) -> None:
    import os

    isolated_env["TMPDIR"] = str(tmp_path / "tmp")
    os.mkdir(tmp_path / "tmp")
    result = cli("--demo", "stats", "--weeks", "1", "--json", db=None)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["weeks"][0]["leg_days"] == 1  # the demo's Monday leg day
    assert list((tmp_path / "tmp").iterdir()) == []
