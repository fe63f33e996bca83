"""`legrun-tui log leg|run|cross` prints the new id; `history --json` gives the sessions back."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import assert_refused, file_state

# The fields every session has in `plan --json` (DESIGN.md), plus `date` for history.
SESSION_FIELDS = {
    "id",
    "date",
    "kind",
    "status",
    "minutes",
    "km",
    "rpe",
    "hr_low",
    "hr_high",
    "activity",
    "why",
}


def _history(cli, *args: str) -> list[dict]:
    result = cli("history", "--json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_logging_three_kinds_prints_their_ids_and_history_returns_them(cli) -> None:
    leg = cli(
        "log", "leg", "--date", "2026-11-23", "--rpe", "8", "--minutes", "65",
        "--exercise", "back squat 5x5@100kg",
        "--exercise", "rdl 3x8@60",
        "--exercise", "walking lunge 3x12",
        "--exercise", "deadlift 3x5@225lb",
        "--notes", "  heavy day  ",
    )  # fmt: skip
    run = cli(
        "log", "run", "--date", "2026-11-24", "--km", "8.2", "--minutes", "49",
        "--avg-hr", "141", "--kind", "recovery", "--rpe", "3",
    )  # fmt: skip
    cross = cli("log", "cross", "--date", "2026-11-25", "--activity", "swim", "--minutes", "30")
    assert [r.returncode for r in (leg, run, cross)] == [0, 0, 0]
    assert [r.stdout for r in (leg, run, cross)] == ["1\n", "2\n", "3\n"]
    assert [r.stderr for r in (leg, run, cross)] == ["", "", ""]

    sessions = _history(cli)
    assert [s["id"] for s in sessions] == [1, 2, 3]
    for session in sessions:
        assert session.keys() >= SESSION_FIELDS
        assert session["status"] == "done"

    leg_day, recovery, swim = sessions
    assert {k: leg_day[k] for k in ("date", "kind", "minutes", "km", "rpe", "activity")} == {
        "date": "2026-11-23",
        "kind": "leg_day",
        "minutes": 65,
        "km": None,
        "rpe": 8,
        "activity": None,
    }
    assert leg_day["notes"] == "heavy day"
    assert [
        (e["name"], e["sets"], e["reps"], e["load_kg"], e["muscles"]) for e in leg_day["exercises"]
    ] == [
        ("back squat", 5, 5, 100.0, ["quads", "glutes"]),
        ("rdl", 3, 8, 60.0, ["hamstrings", "glutes"]),  # no unit: kg
        ("walking lunge", 3, 12, None, ["quads", "glutes"]),  # no load: bodyweight
        # 225 lb x 0.45359237 kg/lb, kept whole, so that it is shown as 225 lb again
        ("deadlift", 3, 5, 225 * 0.45359237, ["hamstrings", "glutes"]),
    ]
    assert {k: recovery[k] for k in ("date", "kind", "minutes", "km", "rpe", "activity")} == {
        "date": "2026-11-24",
        "kind": "recovery_run",
        "minutes": 49,
        "km": 8.2,
        "rpe": 3,
        "activity": None,
    }
    assert recovery["avg_hr"] == 141
    assert {k: swim[k] for k in ("date", "kind", "minutes", "km", "rpe", "activity")} == {
        "date": "2026-11-25",
        "kind": "cross_training",
        "minutes": 30,
        "km": None,
        "rpe": None,
        "activity": "swim",
    }


def test_a_leg_day_without_minutes_counts_an_hour(cli) -> None:
    assert cli("log", "leg", "--date", "today", "--rpe", "7").returncode == 0
    assert _history(cli)[0]["minutes"] == 60


def test_each_run_kind_shows_as_its_plan_kind_and_the_default_is_easy(cli) -> None:
    for kind in ("recovery", "easy", "long", "tempo", "intervals", "race", None):
        extra = ("--kind", kind) if kind else ()
        logged = cli("log", "run", "--date", "today", "--km", "5", "--minutes", "30", *extra)
        assert logged.returncode == 0, logged.stderr
    assert [(s["kind"], s["run_kind"]) for s in _history(cli)] == [
        ("recovery_run", "recovery"),
        ("easy_run", "easy"),
        ("long_run", "long"),
        ("quality_run", "tempo"),
        ("quality_run", "intervals"),
        ("race", "race"),
        ("easy_run", "easy"),
    ]


def test_a_race_result_is_logged_with_its_time_and_effort(cli) -> None:
    logged = cli(
        "log", "run", "--date", "2026-11-22", "--km", "21.0975", "--minutes", "104",
        "--rpe", "9", "--avg-hr", "168", "--kind", "race", "--notes", "city half",
    )  # fmt: skip
    assert (logged.returncode, logged.stdout, logged.stderr) == (0, "1\n", "")
    (race,) = _history(cli)
    assert {k: race[k] for k in ("date", "kind", "run_kind", "km", "minutes", "rpe")} == {
        "date": "2026-11-22",
        "kind": "race",
        "run_kind": "race",
        "km": 21.0975,
        "minutes": 104,
        "rpe": 9,
    }
    assert "race" in cli("history").stdout.splitlines()[1]


def test_an_unknown_run_kind_is_refused_naming_race_among_the_kinds(cli, db_path: Path) -> None:
    result = cli(
        "log", "run", "--date", "today", "--km", "5", "--minutes", "30", "--kind", "racing"
    )
    assert_refused(result, 2, "'racing'", "race", "intervals")
    assert file_state(db_path) == (None, [])


def test_relative_dates_count_from_today(cli) -> None:
    # The cli fixture pins today to Tuesday 2026-11-24.
    for word in ("today", "yesterday", "tomorrow", "TOMORROW"):
        logged = cli("log", "cross", "--date", word, "--activity", "walk", "--minutes", "20")
        assert logged.returncode == 0, logged.stderr
    assert [(s["id"], s["date"]) for s in _history(cli)] == [
        (2, "2026-11-23"),
        (1, "2026-11-24"),
        (3, "2026-11-25"),
        (4, "2026-11-25"),
    ]


def test_any_real_date_is_accepted_past_or_future(cli) -> None:
    for day in ("1999-12-31", "2031-02-28", "2028-02-29"):
        logged = cli("log", "run", "--date", day, "--km", "5", "--minutes", "30")
        assert logged.returncode == 0, logged.stderr
    assert [s["date"] for s in _history(cli)] == ["1999-12-31", "2028-02-29", "2031-02-28"]


def test_the_plain_history_lists_what_was_logged(cli) -> None:
    cli("log", "run", "--date", "2026-11-20", "--km", "10", "--minutes", "50", "--rpe", "5")
    cli("log", "leg", "--date", "2026-11-21", "--rpe", "8", "--exercise", "back squat 5x5@100kg")
    result = cli("history")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 3  # a header and one line a session
    assert lines[1].split()[:5] == ["1", "2026-11-20", "easy", "run", "50"]
    assert "5:00" in lines[1]  # 50 min over 10 km
    assert "back squat 5x5@100kg" in lines[2]
    assert all(line == line.rstrip() for line in lines)


def test_history_of_an_empty_database_says_so(cli) -> None:
    result = cli("history")
    assert result.returncode == 0
    assert "no sessions" in result.stdout
    assert _history(cli) == []
