"""The `--json` documents of the command line, checked against the contract in DESIGN.md
("Command line"): every document the installed `legrun-tui` prints for a database with a
profile, a leg day with exercises, runs, cross-training, a check-in and a goal race, against a
schema written here from the contract's own words (not from the code that prints it).

Key sets are exact where the contract lists an object's keys in full and "at least" where it
gives an example and more besides; types, enums (kind, status, phase, workout type ...) and
the rules the contract states in words (7 days in date order, every planned session has a
why, a recovery run's range is 60-70 % of max HR ...) are checked too.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from legrun.planner.goal import Goal, parse_distance
from legrun.planner.models import CheckIn, CrossTraining, LegDay, Profile, Run, parse_exercise
from legrun.storage import Repository
from tests.conftest import TODAY

# -- a small recursive schema checker ---------------------------------------------------------


class Check:
    """A schema: `errors(value, path)` lists what is wrong with `value`, each with its path."""

    def errors(self, value: Any, path: str) -> list[str]:
        raise NotImplementedError


@dataclass(frozen=True)
class Is(Check):
    """A JSON type. A bool is not a number here, though Python says it is an int."""

    name: str
    kinds: tuple[type, ...]

    def errors(self, value: Any, path: str) -> list[str]:
        if isinstance(value, bool) and bool not in self.kinds:
            return [f"{path}: {self.name} expected, not {value!r}"]
        if not isinstance(value, self.kinds):
            return [f"{path}: {self.name} expected, not {type(value).__name__} {value!r}"]
        return []


STR = Is("a string", (str,))
INT = Is("a whole number", (int,))
NUMBER = Is("a number", (int, float))
BOOL = Is("true or false", (bool,))


@dataclass(frozen=True)
class Maybe(Check):
    """null, or what `inner` says."""

    inner: Check

    def errors(self, value: Any, path: str) -> list[str]:
        return [] if value is None else self.inner.errors(value, path)


@dataclass(frozen=True)
class OneOf(Check):
    """One of a few strings (an enum)."""

    values: tuple[str, ...]

    def errors(self, value: Any, path: str) -> list[str]:
        if value not in self.values:
            return [f"{path}: one of {', '.join(self.values)} expected, not {value!r}"]
        return []


@dataclass(frozen=True)
class Where(Check):
    """What `inner` says, and then `test` holds (`says` names it)."""

    inner: Check
    test: Callable[[Any], bool]
    says: str

    def errors(self, value: Any, path: str) -> list[str]:
        found = self.inner.errors(value, path)
        if not found and not self.test(value):
            found = [f"{path}: {self.says} expected, not {value!r}"]
        return found


@dataclass(frozen=True)
class ListOf(Check):
    item: Check
    length: int | None = None  # exactly this many
    least: int = 0  # at least this many

    def errors(self, value: Any, path: str) -> list[str]:
        if not isinstance(value, list):
            return [f"{path}: a list expected, not {type(value).__name__} {value!r}"]
        found = []
        if self.length is not None and len(value) != self.length:
            found.append(f"{path}: {self.length} entries expected, not {len(value)}")
        if len(value) < self.least:
            found.append(f"{path}: at least {self.least} entries expected, not {len(value)}")
        for index, item in enumerate(value):
            found += self.item.errors(item, f"{path}[{index}]")
        return found


@dataclass(frozen=True)
class Obj(Check):
    """An object with these keys; `exact`: no others (the contract lists them all)."""

    fields: Mapping[str, Check]
    exact: bool = True

    def errors(self, value: Any, path: str) -> list[str]:
        if not isinstance(value, dict):
            return [f"{path}: an object expected, not {type(value).__name__} {value!r}"]
        found = [f"{path}: no {key!r}" for key in self.fields if key not in value]
        if self.exact:
            found += [
                f"{path}: {key!r} is not in the contract" for key in value if key not in self.fields
            ]
        for key, check in self.fields.items():
            if key in value:
                found += check.errors(value[key], f"{path}.{key}")
        return found

    def extended(self, exact: bool | None = None, **more: Check) -> Obj:
        return Obj({**self.fields, **more}, self.exact if exact is None else exact)


def problems(value: Any, schema: Check) -> list[str]:
    return schema.errors(value, "$")


def _iso_date(text: str) -> bool:
    try:
        return date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


# -- the contract, from DESIGN.md -------------------------------------------------------------

DATE = Where(STR, _iso_date, "an ISO date (YYYY-MM-DD)")
WEEKDAY = OneOf(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))
KINDS = (
    "leg_day",
    "recovery_run",
    "easy_run",
    "long_run",
    "quality_run",
    "cross_training",
    "mobility",
    "rest",
    "race",  # the goal race on its day
)
RUNS_WITH_HR = ("recovery_run", "easy_run", "long_run", "quality_run")  # a race goes by effort
STATUSES = ("planned", "done", "skipped")
PHASES_WITHOUT_GOAL = ("start", "return", "build", "maintain")
PHASES_WITH_GOAL = ("base", "build", "peak", "taper", "race", "recovery")
PHASE = OneOf(tuple(dict.fromkeys(PHASES_WITHOUT_GOAL + PHASES_WITH_GOAL)))
RULE = Where(STR, lambda text: text.startswith("R-") and len(text) > 2, "a rule id (R-...)")
WHY = Obj({"rule": RULE, "text": Where(STR, bool, "some words")})
WORKOUT = Obj(
    {
        "type": OneOf(("strides", "tempo", "cruise", "intervals", "hills", "race")),
        "warmup_minutes": INT,
        "main": STR,
        "cooldown_minutes": INT,
        "pace_s_per_km": Maybe(ListOf(NUMBER, length=2)),
    }
)
# Every session of `plan --json`, all its keys: the ten of the example and "workout".
SESSION = Obj(
    {
        "id": Maybe(INT),
        "kind": OneOf(KINDS),
        "status": OneOf(STATUSES),
        "minutes": Maybe(INT),
        "km": Maybe(NUMBER),
        "rpe": Maybe(INT),
        "hr_low": Maybe(INT),
        "hr_high": Maybe(INT),
        "activity": Maybe(STR),
        "why": ListOf(WHY),
        "workout": Maybe(WORKOUT),
    }
)
CHECKLIST_ITEM = Obj({"id": STR, "when": STR, "text": STR, "done": BOOL})
DAY = Obj({"date": DATE, "sessions": ListOf(SESSION), "checklist": ListOf(CHECKLIST_ITEM)})
VOLUME = Obj(
    {"target_km": NUMBER, "baseline_km": Maybe(NUMBER), "cap_km": NUMBER, "planned_km": NUMBER}
)
# "prints one object" with these keys, and "also at the top" more: at least these.
PLAN = Obj(
    {
        "week_start": DATE,
        "max_hr": INT,
        "days": ListOf(DAY, length=7),
        "totals": Obj({"run_km": NUMBER, "run_minutes": INT, "load": INT}, exact=False),
        "warnings": ListOf(WHY),
        "phase": PHASE,
        "easier_week": BOOL,
        "volume": VOLUME,
        "suggestions": ListOf(WHY),
    },
    exact=False,
)
# "a list of sessions with the same fields plus date" (a logged session may say more).
HISTORY = ListOf(SESSION.extended(exact=False, date=DATE))
SORENESS = Where(INT, lambda n: 0 <= n <= 10, "soreness 0-10")
CHECKINS = ListOf(
    Obj(
        {
            "id": INT,
            "date": DATE,
            "soreness": SORENESS,
            "quads": Maybe(SORENESS),
            "hamstrings": Maybe(SORENESS),
            "glutes": Maybe(SORENESS),
            "calves": Maybe(SORENESS),
            "sleep": Maybe(INT),
            "energy": Maybe(INT),
        }
    )
)
# "the profile with max_hr and max_hr_source": the fields `profile set` sets, at least.
PROFILE = Obj(
    {
        "age": INT,
        "max_hr": INT,
        "max_hr_source": OneOf(("measured", "estimated")),
        "resting_hr": Maybe(INT),
        "runs_per_week": INT,
        "weekly_km": NUMBER,
        "long_run_day": WEEKDAY,
        "week_start": OneOf(("mon", "sun")),
        "units": OneOf(("km", "mi")),
        "cross": ListOf(OneOf(("bike", "swim", "yoga", "walk")), least=1),
        "same_day_hard": BOOL,
        "unavailable": ListOf(WEEKDAY),
        "weekly_minutes": Maybe(INT),
    },
    exact=False,
)
STATS = Obj(
    {
        "weeks": ListOf(
            Obj(
                {
                    "week_start": DATE,
                    "run_km": NUMBER,
                    "run_minutes": INT,
                    "load": INT,
                    "leg_days": INT,
                    "cross_minutes": INT,
                }
            )
        ),
        "fitness": NUMBER,
        "fatigue": NUMBER,
        "form": NUMBER,
    }
)
RACE = Obj({"date": DATE, "distance_km": NUMBER, "name": STR})
GOAL = Maybe(RACE.extended(weeks_left=INT))
SEASON = Obj(
    {
        "goal": Maybe(RACE),
        "weeks": ListOf(
            Obj(
                {
                    "week_start": DATE,
                    "phase": PHASE,
                    "easier_week": BOOL,
                    "run_km": NUMBER,
                    "long_run_km": Maybe(NUMBER),
                    "quality": INT,
                    "leg_days": INT,
                    "key_sessions": ListOf(STR),
                }
            ),
            least=1,
        ),
    }
)


# -- the checker can fail -----------------------------------------------------------------------


GOOD_GOAL = {"date": "2027-03-14", "distance_km": 21.0975, "name": "Spring Half", "weeks_left": 15}


def test_the_checker_refuses_a_missing_key_and_a_wrong_type() -> None:
    assert problems(GOOD_GOAL, GOAL) == []
    missing = {k: v for k, v in GOOD_GOAL.items() if k != "weeks_left"}
    assert problems(missing, GOAL) == ["$: no 'weeks_left'"]
    wrong_type = {**GOOD_GOAL, "weeks_left": "15"}
    assert problems(wrong_type, GOAL) == ["$.weeks_left: a whole number expected, not str '15'"]
    assert problems({**GOOD_GOAL, "weeks_left": True}, GOAL) == [
        "$.weeks_left: a whole number expected, not True"
    ]


def test_the_checker_refuses_more_keys_a_bad_enum_and_a_short_week_deep_inside() -> None:
    assert problems({**GOOD_GOAL, "city": "Berlin"}, GOAL) == ["$: 'city' is not in the contract"]
    session = {
        "id": None,
        "kind": "nap",
        "status": "planned",
        "minutes": 30,
        "km": None,
        "rpe": None,
        "hr_low": None,
        "hr_high": None,
        "activity": None,
        "why": [{"rule": "R-REST"}],
        "workout": None,
    }
    day = {"date": "2026-11-23", "sessions": [session], "checklist": []}
    assert problems(day, DAY) == [
        "$.sessions[0].kind: one of " + ", ".join(KINDS) + " expected, not 'nap'",
        "$.sessions[0].why[0]: no 'text'",
    ]
    assert problems([day] * 6, ListOf(DAY, length=7))[0] == "$: 7 entries expected, not 6"
    assert problems("2026-02-30", DATE) == [
        "$: an ISO date (YYYY-MM-DD) expected, not '2026-02-30'"
    ]


# -- the documents of a database with some of everything --------------------------------------

MONDAY = TODAY - timedelta(days=TODAY.weekday())  # 2026-11-23: weeks start on Monday here
RACE_DAY = date(2027, 3, 14)
SESSIONS = (
    LegDay(
        date=date(2026, 11, 23),
        minutes=55,
        rpe=8,
        exercises=(parse_exercise("back squat 5x5@100kg"), parse_exercise("walking lunge 3x12")),
    ),
    Run(date=date(2026, 11, 21), minutes=50, km=8.237, avg_hr=141, kind="easy"),
    Run(date=date(2026, 11, 15), minutes=85, km=14.0, kind="long"),
    Run(date=date(2026, 11, 10), minutes=24, km=5.0, rpe=9, kind="race"),
    CrossTraining(date=date(2026, 11, 19), minutes=30, rpe=3, activity="swim"),
)  # ids 1 to 5, in this order

Documents = Callable[..., Any]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed database with a profile, a leg day with exercises, runs (a race among them),
    cross-training, this morning's check-in and a goal race: made once, copied for each test."""
    path = tmp_path_factory.mktemp("contract") / "filled.db"
    with Repository.open(path) as repo:
        repo.save_profile(
            Profile(
                age=40,
                max_hr=182,
                resting_hr=50,
                runs_per_week=4,
                weekly_km=30.0,
                leg_days_rule="FREQ=WEEKLY;BYDAY=MO,TH",
            )
        )
        assert [repo.add_session(s) for s in SESSIONS] == [1, 2, 3, 4, 5]
        repo.save_checkin(CheckIn(date=TODAY, soreness=3, quads=5, sleep=4))
        repo.save_goal(Goal(date=RACE_DAY, distance_km=parse_distance("half"), name="Spring"))
    assert not Path(f"{path}-wal").exists()  # all of it in the one file
    return path


def _documents(cli: Callable[..., subprocess.CompletedProcess[str]]) -> Documents:
    def document(*args: str) -> Any:
        """What the installed `legrun-tui --db DB ARGS --json` prints, read as JSON."""
        result = cli(*args, "--json")
        assert result.returncode == 0, (args, result.stderr)
        assert result.stderr == ""
        return json.loads(result.stdout)

    return document


@pytest.fixture
def legrun(filled: Path, db_path: Path, cli: Callable[..., Any]) -> Documents:
    shutil.copyfile(filled, db_path)
    return _documents(cli)


@pytest.fixture
def fresh(cli: Callable[..., Any]) -> Documents:
    """A database with nothing set: no profile, no goal race (the first command makes it)."""
    return _documents(cli)


def assert_fits(document: Any, schema: Check) -> None:
    found = problems(document, schema)
    assert found == [], "\n".join(found)


def _sessions(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [session for day in plan["days"] for session in day["sessions"]]


def _check_plan(plan: dict[str, Any], max_hr: int) -> None:
    """The plan's schema and what the contract says of it in words."""
    assert_fits(plan, PLAN)
    start = date.fromisoformat(plan["week_start"])
    assert start.weekday() == 0  # the profile's week start: Monday
    assert [day["date"] for day in plan["days"]] == [
        (start + timedelta(days=n)).isoformat() for n in range(7)
    ]
    assert plan["max_hr"] == max_hr
    for session in _sessions(plan):
        if session["status"] == "planned":
            assert session["why"], session
        if session["kind"] in RUNS_WITH_HR and session["status"] == "planned":
            low, high = session["hr_low"], session["hr_high"]
            assert isinstance(low, int) and isinstance(high, int), session
            assert 0.5 * max_hr <= low <= high <= max_hr, session
        if session["kind"] == "recovery_run" and session["status"] == "planned":
            assert 0.6 * max_hr <= session["hr_low"] < session["hr_high"] <= 0.7 * max_hr
        if session["kind"] in ("quality_run", "race") and session["status"] == "planned":
            assert session["workout"] is not None, session


def test_plan_json_fits_the_contract(legrun: Documents) -> None:
    plan = legrun("plan")
    _check_plan(plan, max_hr=182)
    assert plan["week_start"] == MONDAY.isoformat()
    assert plan["phase"] in PHASES_WITH_GOAL  # a goal race is set
    # The same document with a key gone deep inside, or a number given as text, fails.
    broken = copy.deepcopy(plan)
    del broken["days"][6]["sessions"][0]["why"]
    broken["volume"]["cap_km"] = "9 km"
    assert problems(broken, PLAN) == [
        "$.days[6].sessions[0]: no 'why'",
        "$.volume.cap_km: a number expected, not str '9 km'",
    ]
    # The logged leg day is there as done, with its stored figures.
    (leg_day,) = [s for s in plan["days"][0]["sessions"] if s["kind"] == "leg_day"]
    assert {k: leg_day[k] for k in ("id", "status", "minutes", "rpe", "km")} == {
        "id": 1,
        "status": "done",
        "minutes": 55,
        "rpe": 8,
        "km": None,
    }


def test_every_week_of_the_season_is_planned_as_the_contract_says(legrun: Documents) -> None:
    """2-4 s: the installed command, once for the season and once for each of its weeks."""
    kinds: set[str] = set()
    plans = {}
    for row in legrun("season")["weeks"]:
        plan = plans[row["week_start"]] = legrun("plan", "--week", row["week_start"])
        _check_plan(plan, max_hr=182)
        assert plan["week_start"] == row["week_start"]
        assert (plan["phase"], plan["easier_week"]) == (row["phase"], row["easier_week"])
        assert plan["phase"] in PHASES_WITH_GOAL
        kinds |= {s["kind"] for s in _sessions(plan) if s["status"] == "planned"}
    # The weeks held what the checks above are about: a recovery run's HR range, the race.
    assert {"recovery_run", "race", "leg_day", "long_run"} <= kinds
    race_week = plans[(RACE_DAY - timedelta(days=RACE_DAY.weekday())).isoformat()]
    (race,) = [s for s in _sessions(race_week) if s["kind"] == "race"]
    assert race["workout"]["type"] == "race"
    assert race["km"] == 21.0975  # the distance as stored, not as shown


def test_history_json_fits_the_contract(legrun: Documents) -> None:
    history = legrun("history")
    assert_fits(history, HISTORY)
    assert [s["id"] for s in history] == [4, 3, 5, 2, 1]  # every session, oldest first
    assert [s["date"] for s in history] == sorted(s["date"] for s in history)
    assert {s["status"] for s in history} == {"done"}
    assert {s["kind"] for s in history} == {
        "leg_day",
        "easy_run",
        "long_run",
        "race",
        "cross_training",
    }
    (easy,) = [s for s in history if s["kind"] == "easy_run"]
    assert easy["km"] == 8.237  # the stored value, to the metre


def test_checkins_json_fits_the_contract(legrun: Documents, cli: Callable[..., Any]) -> None:
    if cli("checkins", "--help").returncode != 0:
        pytest.skip("`checkins` (DESIGN.md) is not a command of legrun-tui yet")
    checkins = legrun("checkins")
    assert_fits(checkins, CHECKINS)
    assert [(c["date"], c["soreness"], c["quads"], c["sleep"]) for c in checkins] == [
        (TODAY.isoformat(), 3, 5, 4)
    ]


def test_profile_show_json_fits_the_contract(legrun: Documents) -> None:
    profile = legrun("profile", "show")
    assert_fits(profile, PROFILE)
    assert (profile["age"], profile["max_hr"], profile["max_hr_source"]) == (40, 182, "measured")
    assert (profile["resting_hr"], profile["runs_per_week"], profile["weekly_km"]) == (50, 4, 30)


def test_stats_json_fits_the_contract(legrun: Documents) -> None:
    stats = legrun("stats", "--weeks", "4")
    assert_fits(stats, STATS)
    starts = [date.fromisoformat(w["week_start"]) for w in stats["weeks"]]
    assert starts == [MONDAY - timedelta(weeks=n) for n in (3, 2, 1, 0)]  # oldest week first
    assert [w["leg_days"] for w in stats["weeks"]] == [0, 0, 0, 1]
    assert [w["cross_minutes"] for w in stats["weeks"]] == [0, 0, 30, 0]


def test_stats_json_gives_a_weeks_km_to_the_metre(legrun: Documents) -> None:
    weeks = legrun("stats", "--weeks", "4")["weeks"]
    assert weeks[2]["run_km"] == 8.237  # the week of 2026-11-16: one run of 8.237 km


def test_goal_show_json_fits_the_contract(legrun: Documents) -> None:
    goal = legrun("goal", "show")
    assert_fits(goal, GOAL)
    assert goal == {
        "date": RACE_DAY.isoformat(),
        "distance_km": 21.0975,
        "name": "Spring",
        "weeks_left": goal["weeks_left"],
    }
    assert goal["weeks_left"] > 0  # the race is 110 days away


def test_season_json_fits_the_contract(legrun: Documents) -> None:
    season = legrun("season")
    assert_fits(season, SEASON)
    assert season["goal"] == {
        "date": RACE_DAY.isoformat(),
        "distance_km": 21.0975,
        "name": "Spring",
    }
    starts = [date.fromisoformat(w["week_start"]) for w in season["weeks"]]
    assert starts == [MONDAY + timedelta(weeks=n) for n in range(len(starts))]  # from this week
    assert {w["phase"] for w in season["weeks"]} <= set(PHASES_WITH_GOAL)
    assert RACE_DAY - timedelta(days=RACE_DAY.weekday()) in starts


def test_without_a_profile_or_a_goal_the_documents_say_so(fresh: Documents) -> None:
    profile = fresh("profile", "show")
    assert_fits(profile, PROFILE)
    # DESIGN.md: the defaults every command honours and shows.
    assert {k: profile[k] for k in PROFILE.fields} == {
        "age": 35,
        "max_hr": 184,
        "max_hr_source": "estimated",
        "resting_hr": None,
        "runs_per_week": 3,
        "weekly_km": 20,
        "long_run_day": "sun",
        "week_start": "mon",
        "units": "km",
        "cross": ["bike", "swim", "yoga"],
        "same_day_hard": False,
        "unavailable": [],
        "weekly_minutes": None,
    }
    assert fresh("goal", "show") is None
    season = fresh("season", "--weeks", "3")
    assert_fits(season, SEASON)
    assert season["goal"] is None
    assert [w["week_start"] for w in season["weeks"]] == [
        (MONDAY + timedelta(weeks=n)).isoformat() for n in range(3)
    ]
    assert {w["phase"] for w in season["weeks"]} <= set(PHASES_WITHOUT_GOAL)
    plan = fresh("plan")
    _check_plan(plan, max_hr=184)
    assert plan["phase"] in PHASES_WITHOUT_GOAL
    assert plan["volume"]["baseline_km"] is None  # no 4 weeks of history
    assert_fits(fresh("history"), HISTORY)
    assert fresh("history") == []
    assert_fits(fresh("stats"), STATS)


def test_every_document_is_printed_as_python_json_indents_it(
    filled: Path, db_path: Path, cli: Callable[..., subprocess.CompletedProcess[str]]
) -> None:
    """The text, not only the values: two spaces an indent, `": "` between key and value,
    `[]` and `{}` for empty ones, text beyond ASCII as it is, and numbers as Python writes
    them, whatever encoder the command uses."""
    shutil.copyfile(filled, db_path)
    logged = cli(
        "log", "run", "--date", TODAY.isoformat(), "--km", "0.001", "--minutes", "1",
        "--notes", 'Åre — "loop" ☀\ttab\\slash',
    )  # fmt: skip
    assert logged.returncode == 0, logged.stderr
    commands = [
        ("plan",),
        ("season",),
        ("history",),
        ("checkins",),
        ("profile", "show"),
        ("stats",),
        ("goal", "show"),
    ]
    for args in commands:
        result = cli(*args, "--json")
        assert result.returncode == 0, (args, result.stderr)
        expected = json.dumps(json.loads(result.stdout), indent=2, ensure_ascii=False) + "\n"
        assert result.stdout == expected, args
    history = cli("history", "--json").stdout
    assert '"notes": "Åre — \\"loop\\" ☀\\ttab\\\\slash"' in history
    assert '"km": 0.001' in history
