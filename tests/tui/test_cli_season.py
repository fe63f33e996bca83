"""`legrun-tui season`: the weeks ahead, one row each, every row's figures those `plan --week`
gives for that week; to the goal race (and the recovery week after it), else `--weeks` weeks."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import date, timedelta
from itertools import takewhile
from pathlib import Path

import pytest

from legrun.planner.goal import Goal
from legrun.planner.models import Exercise, LegDay, Profile, Run
from legrun.planner.season import SeasonWeek
from legrun.planner.units import KM_PER_MILE
from legrun.storage import Repository
from legrun.storage.demo import fill_with_demo
from legrun.tui.cli import main
from legrun.tui.cli.pages import season_text
from tests.conftest import TODAY, assert_refused

MONDAY = TODAY - timedelta(days=TODAY.weekday())  # 2026-11-23, the start of TODAY's week
HALF_KM = 21.0975
ROW_KEYS = {
    "week_start",
    "phase",
    "easier_week",
    "run_km",
    "long_run_km",
    "quality",
    "leg_days",
    "key_sessions",
}

Run_ = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run_:
    """`legrun-tui --db <tmp db> ARGS...` in this process (fast enough to call `plan --week`
    for every week of a season); returns (exit code, stdout, stderr)."""
    monkeypatch.setenv("LEGRUN_TODAY", TODAY.isoformat())
    monkeypatch.delenv("LEGRUN_DB", raising=False)

    def go(*args: str) -> tuple[int, str, str]:
        code = main(["--db", str(db_path), *args])
        out, err = capsys.readouterr()
        return code, out, err

    return go


def _json(run: Run_, *args: str) -> object:
    code, out, err = run(*args)
    assert code == 0, err
    return json.loads(out)


def _weeks_from(first: date, last: date) -> list[str]:
    """Every week start from `first` to `last`, inclusive."""
    assert (last - first).days % 7 == 0
    return [(first + timedelta(weeks=i)).isoformat() for i in range((last - first).days // 7 + 1)]


# -- who is training: the brief's lifter, a runner with a base, and the demo's eight weeks ---


def _lifter(repo: Repository) -> None:
    """Legs on Monday and Thursday, 25 km a week, nothing logged yet."""
    repo.save_profile(Profile(weekly_km=25.0, leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH"))


def _trained(repo: Repository) -> None:
    """Five weeks of 4 runs towards 40 km, a long run on Sundays, legs on Mondays; a run today."""
    repo.save_profile(
        Profile(runs_per_week=4, weekly_km=40.0, leg_days_rule="FREQ=WEEKLY;BYDAY=MO")
    )
    for week in range(5, 0, -1):
        start = MONDAY - timedelta(weeks=week)
        repo.add_session(
            LegDay(
                date=start,
                minutes=60,
                rpe=8,
                exercises=(Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),),
            )
        )
        for offset, km, kind in ((1, 6.0, "recovery"), (3, 8.0, "tempo"), (4, 7.0, "easy")):
            repo.add_session(
                Run(date=start + timedelta(days=offset), km=km, minutes=round(km * 6), kind=kind)
            )
        repo.add_session(Run(date=start + timedelta(days=6), km=14.0, minutes=84, kind="long"))
    # Today's long run, logged to the metre: this week's long run is no round number.
    repo.add_session(Run(date=TODAY, km=16.437, minutes=100, kind="long"))


def _demo(repo: Repository) -> None:
    fill_with_demo(repo, TODAY)


ATHLETES = {"lifter": _lifter, "trained": _trained, "demo": _demo}

# Goals: none, a half marathon 15 weeks out (on a Tuesday), a 10K 3 weeks out (on a Sunday).
HALF_IN_15 = Goal(TODAY + timedelta(weeks=15), HALF_KM, "")
TEN_K_IN_3 = Goal(date(2026, 12, 13), 10.0, "Winter 10K")
GOALS = {"no goal": None, "half in 15 weeks": HALF_IN_15, "10K in 3 weeks": TEN_K_IN_3}


@pytest.fixture(params=list(ATHLETES))
def athlete(request: pytest.FixtureRequest, db_path: Path) -> str:
    with Repository.open(db_path) as repo:
        ATHLETES[request.param](repo)
    return request.param


def _set_goal(db_path: Path, goal: Goal | None) -> None:
    if goal is not None:
        with Repository.open(db_path) as repo:
            repo.save_goal(goal)


# -- the rows: which weeks ---------------------------------------------------------------------


def test_weeks_3_without_a_goal_gives_this_week_and_the_next_two(cli) -> None:
    result = cli("season", "--weeks", "3", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"goal", "weeks"}
    assert data["goal"] is None
    assert [w["week_start"] for w in data["weeks"]] == ["2026-11-23", "2026-11-30", "2026-12-07"]
    for row in data["weeks"]:
        assert set(row) == ROW_KEYS


def test_without_weeks_it_is_twelve_weeks(run: Run_) -> None:
    data = _json(run, "season", "--json")
    assert isinstance(data, dict)
    assert [w["week_start"] for w in data["weeks"]] == _weeks_from(
        MONDAY, MONDAY + timedelta(weeks=11)
    )


def test_weeks_1_and_52_are_the_limits(run: Run_) -> None:
    one = _json(run, "season", "--weeks", "1", "--json")
    assert isinstance(one, dict) and [w["week_start"] for w in one["weeks"]] == ["2026-11-23"]
    year = _json(run, "season", "--weeks", "52", "--json")
    assert isinstance(year, dict)
    assert [w["week_start"] for w in year["weeks"]] == _weeks_from(
        MONDAY, MONDAY + timedelta(weeks=51)
    )


def test_weeks_that_start_on_sunday(run: Run_) -> None:
    assert run("profile", "set", "--week-start", "sun")[0] == 0
    data = _json(run, "season", "--weeks", "2", "--json")
    assert isinstance(data, dict)
    assert [w["week_start"] for w in data["weeks"]] == ["2026-11-22", "2026-11-29"]


@pytest.mark.parametrize(
    ("weeks", "words"),
    [("0", ["weeks", "1 to 52", "0"]), ("53", ["weeks", "1 to 52", "53"]),
     ("-2", ["weeks"]), ("two", ["weeks", "whole number", "two"]), ("1.5", ["weeks", "1.5"])],
)  # fmt: skip
def test_weeks_outside_1_to_52_are_refused(
    cli, db_path: Path, weeks: str, words: list[str]
) -> None:
    assert_refused(cli("season", "--weeks", weeks), 2, *words)
    assert not db_path.exists()


def test_with_a_goal_the_rows_run_to_race_week_and_the_recovery_week_after(
    run: Run_, db_path: Path
) -> None:
    _set_goal(db_path, HALF_IN_15)
    # The race is on Tuesday 2027-03-09, in the week of Monday 2027-03-08, 15 weeks after this
    # one (Monday 2026-11-23): 16 weeks to the race and one of recovery after it.
    race_week = HALF_IN_15.date - timedelta(days=HALF_IN_15.date.weekday())
    assert race_week == MONDAY + timedelta(weeks=15)
    data = _json(run, "season", "--json")
    assert isinstance(data, dict)
    assert data["goal"] == {"date": "2027-03-09", "distance_km": HALF_KM, "name": ""}
    starts = [w["week_start"] for w in data["weeks"]]
    assert starts == _weeks_from(MONDAY, race_week + timedelta(weeks=1))
    assert len(starts) == 17
    # --weeks is for a season without a goal: the goal decides where this one ends.
    short = _json(run, "season", "--weeks", "3", "--json")
    assert isinstance(short, dict) and [w["week_start"] for w in short["weeks"]] == starts


def test_with_a_goal_and_sunday_weeks(run: Run_, db_path: Path) -> None:
    assert run("profile", "set", "--week-start", "sun")[0] == 0
    _set_goal(db_path, TEN_K_IN_3)  # Sunday 2026-12-13 starts its own week
    data = _json(run, "season", "--json")
    assert isinstance(data, dict)
    assert data["goal"] == {"date": "2026-12-13", "distance_km": 10.0, "name": "Winter 10K"}
    assert [w["week_start"] for w in data["weeks"]] == [
        "2026-11-22",
        "2026-11-29",
        "2026-12-06",
        "2026-12-13",  # race week
        "2026-12-20",  # recovery
    ]


def test_a_goal_whose_day_has_passed_leaves_the_season_at_weeks(run: Run_, db_path: Path) -> None:
    _set_goal(db_path, Goal(TODAY - timedelta(days=2), 5.0, "done"))
    data = _json(run, "season", "--weeks", "4", "--json")
    assert isinstance(data, dict)
    assert [w["week_start"] for w in data["weeks"]] == _weeks_from(
        MONDAY, MONDAY + timedelta(weeks=3)
    )
    code, out, _ = run("season", "--weeks", "4")
    assert code == 0 and "passed" in out.splitlines()[0]


# -- the figures: each row is what `plan --week` gives for its week -----------------------------


@pytest.mark.parametrize("goal", GOALS, ids=list(GOALS))
def test_every_row_is_the_plan_of_its_week(
    run: Run_, db_path: Path, athlete: str, goal: str
) -> None:
    _set_goal(db_path, GOALS[goal])
    data = _json(run, "season", "--weeks", "6", "--json")
    assert isinstance(data, dict)
    assert data["weeks"], "a season has at least this week"
    for row in data["weeks"]:
        assert set(row) == ROW_KEYS
        plan = _json(run, "plan", "--week", row["week_start"], "--json")
        assert isinstance(plan, dict)
        assert plan["week_start"] == row["week_start"]
        where = (athlete, goal, row["week_start"])
        # The contract: the same figures, to the metre (JSON numbers are the stored values).
        assert row["run_km"] == plan["totals"]["run_km"], where
        assert row["phase"] == plan["phase"], where
        assert row["easier_week"] is plan["easier_week"], where
        # The rest, counted from the plan's sessions (skipped ones are not part of the week).
        sessions = [s for d in plan["days"] for s in d["sessions"] if s["status"] != "skipped"]
        longs = [s["km"] or 0.0 for s in sessions if s["kind"] == "long_run"]
        assert row["long_run_km"] == (max(longs) if longs else None), where
        assert row["quality"] == sum(s["kind"] == "quality_run" for s in sessions), where
        assert row["leg_days"] == sum(s["kind"] == "leg_day" for s in sessions), where
        keys = [s for s in sessions if s["kind"] in ("long_run", "race")] + [
            s for s in sessions if s["kind"] == "quality_run" and s["workout"] is not None
        ]
        assert len(row["key_sessions"]) == len(keys), where
        assert all(isinstance(text, str) and text for text in row["key_sessions"]), where
        assert isinstance(row["quality"], int) and isinstance(row["leg_days"], int)


def test_the_lifters_season_has_their_leg_days_in_it(run: Run_, db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        _lifter(repo)
    data = _json(run, "season", "--weeks", "4", "--json")
    assert isinstance(data, dict)
    # Monday and Thursday every week; this week's Monday (yesterday) was not logged as done,
    # so only weeks after this one are sure to hold both.
    assert [w["leg_days"] for w in data["weeks"][1:]] == [2, 2, 2]
    # A long run every week, on the default long-run day (Sunday).
    for row in data["weeks"]:
        assert row["long_run_km"] is not None and row["long_run_km"] > 0
        assert any(text.startswith("Sun long run") for text in row["key_sessions"])


# -- the text ------------------------------------------------------------------------------------

ROW = re.compile(
    r"^(?P<week>\d{4}-\d\d-\d\d)  (?P<phase>[a-z]+)(?P<easier> easier)?\s+(?P<run>\d+\.\d)"
    r"\s+(?P<long>\d+\.\d|-)\s+(?P<q>\d+)\s+(?P<legs>\d+)(?:  (?P<key>.*))?$"
)


def _rows(text: str) -> dict[str, re.Match[str]]:
    return {m["week"]: m for line in text.splitlines() if (m := ROW.match(line))}


def _shown(km: float | None, units: str) -> str:
    if km is None:
        return "-"
    return f"{round(km / KM_PER_MILE if units == 'mi' else km, 1):.1f}"


@pytest.mark.parametrize("units", ["km", "mi"])
@pytest.mark.parametrize("goal", GOALS, ids=list(GOALS))
def test_the_text_has_one_row_a_week_with_its_figures_in_80_columns(
    run: Run_, db_path: Path, athlete: str, goal: str, units: str
) -> None:
    assert run("profile", "set", "--units", units)[0] == 0
    _set_goal(db_path, GOALS[goal])
    data = _json(run, "season", "--weeks", "5", "--json")
    assert isinstance(data, dict)
    code, text, err = run("season", "--weeks", "5")
    assert code == 0, err
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines), [line for line in lines if len(line) > 80]
    assert f"run {units}" in text
    rows = _rows(text)
    assert list(rows) == [w["week_start"] for w in data["weeks"]]
    for week in data["weeks"]:
        row = rows[week["week_start"]]
        assert row["phase"] == week["phase"]
        assert bool(row["easier"]) is week["easier_week"]
        assert row["run"] == _shown(week["run_km"], units)
        assert row["long"] == _shown(week["long_run_km"], units)
        assert int(row["q"]) == week["quality"]
        assert int(row["legs"]) == week["leg_days"]
    # Every key session is there, wrapped or not. The JSON gives its distances in km; the
    # text in the profile's units, so in miles only its words (less the distance) match.
    flat = " ".join(text.split())
    for week in data["weeks"]:
        for key in week["key_sessions"]:
            assert not re.search(r"\d mi\b", key), key
            words = " ".join(key.split())
            if units == "mi":
                words = re.sub(r" \d+(\.\d+)? km", "", words)
                assert re.search(r"\d mi\b", flat)
            assert all(part in flat for part in words.split(": ")), (words, flat)


def test_the_text_puts_the_goal_and_the_weeks_left_on_top(run: Run_, db_path: Path) -> None:
    _set_goal(db_path, Goal(date(2027, 3, 14), HALF_KM, "Spring Half"))
    code, text, err = run("season")
    assert code == 0, err
    top = text.splitlines()[0]
    assert "Spring Half" in top
    assert "half marathon" in top
    assert "2027-03-14" in top
    weeks = (date(2027, 3, 14) - TODAY).days // 7  # 110 days: 15 whole weeks
    assert f"{weeks} weeks left" in top


def test_the_text_without_a_goal_says_how_to_set_one(run: Run_) -> None:
    code, text, err = run("season", "--weeks", "2")
    assert code == 0, err
    assert "No goal race" in text.splitlines()[0]
    assert "goal set" in text
    assert len(_rows(text)) == 2


def test_long_key_sessions_wrap_under_their_column_and_lose_no_word() -> None:
    long_key = (
        "Tue cruise: 4 x 8 min at threshold with 2 min easy jogs between",
        "Thu intervals: 6 x 3 min at about 5K effort, 2 min jog",
        "Sun long run 18.5 km",
    )
    weeks = [
        SeasonWeek(MONDAY, "build", True, 41.25, 18.5, 2, 1, long_key),
        SeasonWeek(MONDAY + timedelta(weeks=1), "recovery", False, 12.0, None, 0, 0, ()),
    ]
    text = season_text(None, weeks, TODAY, "km")
    lines = text.splitlines()
    assert all(len(line) <= 80 for line in lines)
    first = next(i for i, line in enumerate(lines) if line.startswith(MONDAY.isoformat()))
    column = lines[first].index("Tue cruise")
    more = list(takewhile(lambda line: line[:column].strip() == "", lines[first + 1 :]))
    more = more[: next((i for i, line in enumerate(more) if not line.strip()), len(more))]
    # Each key session starts a line of its own under the column; a long one wraps, indented.
    starts = [lines[first][column:], *(line[column:] for line in more if line[column] != " ")]
    assert len(starts) == len(long_key)
    for start, key in zip(starts, long_key, strict=True):
        assert start.split()[:2] == key.split()[:2]
    assert any(line[column : column + 2] == "  " for line in more), "nothing needed wrapping"
    shown = " ".join([lines[first][column:], *(line[column:] for line in more)])
    assert shown.split() == " ".join(long_key).split()  # no word lost or cut
    second = _rows(text)[(MONDAY + timedelta(weeks=1)).isoformat()]
    assert (second["phase"], second["easier"], second["run"], second["long"]) == (
        "recovery",
        None,
        "12.0",
        "-",
    )
    assert _rows(text)[MONDAY.isoformat()]["easier"] == " easier"


# -- the command line stays light -------------------------------------------------------------


def test_goal_and_season_do_not_load_textual(tmp_path: Path, isolated_env: dict[str, str]) -> None:
    db = tmp_path / "purity.db"
    commands = [
        ["goal", "set", "--date", "2027-03-09", "--distance", "half"],
        ["goal", "show"],
        ["goal", "show", "--json"],
        ["season", "--json"],
        ["season"],
        ["goal", "clear"],
    ]
    probe = textwrap.dedent(
        f"""
        import contextlib, io, json, sys
        from legrun.tui.cli import main
        for args in {commands!r}:
            with contextlib.redirect_stdout(io.StringIO()):
                assert main(["--db", {str(db)!r}, *args]) == 0, args
        print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=isolated_env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stdout.splitlines()[-1])
    assert "legrun" in loaded
    assert "textual" not in loaded
    assert "rich" not in loaded
