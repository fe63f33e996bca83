"""Changes (storage/changes.py): each one made, taken back and made again through
`Repository.apply`, on a real SQLite file. After an undo the database is what it was before,
row for row; after a redo it is what the first apply made, ids and all. A change whose target
another connection took away is refused and changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from legrun.planner.goal import Goal
from legrun.planner.models import (
    AnySession,
    CheckIn,
    CrossTraining,
    Exercise,
    LegDay,
    Pin,
    Profile,
    Run,
)
from legrun.storage import Repository, StorageError
from legrun.storage.changes import (
    AddSession,
    Change,
    ChangePins,
    DeleteCheckIn,
    DeleteSession,
    MoveSession,
    ReplaceSession,
    SaveCheckIn,
    SaveGoal,
    SaveProfile,
    Tick,
    Together,
    saving,
)

DAY = date(2026, 11, 16)  # a Monday
SQUAT = Exercise("back squat", 5, 5, 100.0, ("quads", "glutes"))
RDL = Exercise("rdl", 3, 8, 60.0, ("hamstrings", "glutes"))
LUNGE = Exercise("walking lunge", 3, 12, None, ("quads",))
PROFILE = Profile(age=40, runs_per_week=4, weekly_km=30.0)
OTHER_PROFILE = Profile(
    age=29,
    max_hr=195,
    resting_hr=48,
    runs_per_week=5,
    weekly_km=42.5,
    long_run_day=5,
    week_start=6,
    units="mi",
    cross=("walk", "swim"),
    leg_days_rule="FREQ=WEEKLY;BYDAY=TU,FR",
    same_day_hard=True,
    unavailable=(2,),
    weekly_minutes=240,
)
GOAL = Goal(date=date(2027, 4, 25), distance_km=42.195, name="London")

Dump = dict[str, list[tuple[Any, ...]]]


def dump(path: Path) -> Dump:
    """Every row of every table of the file, read by a connection of its own (so what was
    committed, not what the repository's connection believes). Left out: `sqlite_sequence`
    (ids are never reused, so an undone addition rightly leaves the counter where it was) and
    the exercises' own row ids, which no one sees and a leg day brought back renumbers."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        found: Dump = {}
        for table in tables:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            if table == "exercises":
                columns.remove("id")
            rows = conn.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            found[table] = sorted(rows, key=repr)
        return found
    finally:
        conn.close()


def records(repo: Repository) -> tuple[Any, ...]:
    """What the repository gives back of everything a change can touch."""
    return (
        repo.profile(),
        repo.profile().is_default,
        repo.sessions(),
        repo.checkins(),
        repo.pins(),
        repo.ticks(date(2000, 1, 1), date(2100, 1, 1)),
        repo.goal(),
    )


@pytest.fixture
def seeded(repo: Repository) -> Repository:
    """A history: a profile, a leg day (id 1), a run (id 2), a cross-training session (id 3),
    a check-in, a moved run (pin 1), a tick and a goal race."""
    repo.save_profile(PROFILE)
    repo.add_session(LegDay(date=DAY, minutes=55, rpe=8, notes="heavy", exercises=(SQUAT, RDL)))
    repo.add_session(Run(date=DAY + timedelta(days=1), minutes=40, km=7.0, avg_hr=140))
    repo.add_session(CrossTraining(date=DAY + timedelta(days=2), minutes=30, activity="swim"))
    repo.save_checkin(CheckIn(date=DAY, soreness=6, quads=7, sleep=3))
    repo.add_pin(
        Pin(date=DAY + timedelta(days=3), kind="easy_run", action="move", to_date=DAY, km=6.0)
    )
    repo.set_tick(DAY, "mobility", True)
    repo.save_goal(GOAL)
    return repo


def session(repo: Repository, session_id: int) -> AnySession:
    found = repo.session(session_id)
    assert found is not None
    return found


# Each change, built against the seeded history (ids 1 leg day, 2 run, 3 cross, pin 1).
CHANGES: dict[str, Callable[[Repository], Change]] = {
    "add a run": lambda r: AddSession(Run(date=DAY, minutes=30, km=5.0, kind="tempo")),
    "add a leg day": lambda r: AddSession(
        LegDay(date=DAY + timedelta(days=4), minutes=45, rpe=7, exercises=(LUNGE, SQUAT))
    ),
    "delete a leg day": lambda r: DeleteSession(1),
    "delete a run": lambda r: DeleteSession(2),
    "edit a run": lambda r: ReplaceSession(
        Run(date=DAY + timedelta(days=1), minutes=45, km=8.0, kind="long", notes="hilly", id=2)
    ),
    "edit a leg day": lambda r: ReplaceSession(
        LegDay(date=DAY, minutes=60, rpe=9, exercises=(LUNGE,), id=1)
    ),
    "edit through saving()": lambda r: saving(
        CrossTraining(date=DAY, minutes=20, activity="yoga"), replaces=session(r, 3)
    ),
    "move a session": lambda r: MoveSession(1, DAY + timedelta(days=5)),
    "new check-in": lambda r: SaveCheckIn(CheckIn(date=DAY + timedelta(days=1), soreness=2)),
    "check-in over another": lambda r: SaveCheckIn(CheckIn(date=DAY, soreness=1, energy=5)),
    "delete a check-in": lambda r: DeleteCheckIn(DAY),
    "tick": lambda r: Tick(DAY, "warm-up", True),
    "untick": lambda r: Tick(DAY, "mobility", False),
    "add pins": lambda r: ChangePins(
        add=(
            Pin(date=DAY + timedelta(days=6), kind="long_run", action="skip"),
            Pin(date=DAY + timedelta(days=5), kind="leg_day", action="add", minutes=50),
        )
    ),
    "swap pins": lambda r: ChangePins(
        remove=(1,),
        add=(Pin(date=DAY + timedelta(days=3), kind="easy_run", action="remove"),),
    ),
    "save a profile": lambda r: SaveProfile(OTHER_PROFILE),
    "reset the profile": lambda r: SaveProfile(None),
    "set a goal": lambda r: SaveGoal(Goal(date=date(2027, 3, 14), distance_km=21.0975)),
    "clear the goal": lambda r: SaveGoal(None),
    "together": lambda r: Together(
        (
            DeleteSession(2),
            AddSession(Run(date=DAY, minutes=20, km=3.0)),
            Tick(DAY, "mobility", False),
            ChangePins(remove=(1,)),
        )
    ),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_apply_undo_redo_undo(seeded: Repository, name: str) -> None:
    repo = seeded
    assert repo.path is not None
    before, before_records = dump(repo.path), records(repo)

    undo = repo.apply(CHANGES[name](repo))
    made, made_records = dump(repo.path), records(repo)
    assert made != before, "the change changed nothing"

    redo = repo.apply(undo)
    assert dump(repo.path) == before
    assert records(repo) == before_records

    undo_again = repo.apply(redo)
    assert dump(repo.path) == made
    assert records(repo) == made_records

    repo.apply(undo_again)
    assert dump(repo.path) == before
    assert records(repo) == before_records


def test_a_deleted_session_comes_back_with_its_id_and_exercises(seeded: Repository) -> None:
    leg_day = session(seeded, 1)
    undo = seeded.apply(DeleteSession(1))
    assert seeded.session(1) is None
    assert seeded._db.value("SELECT count(*) FROM exercises WHERE session_id = 1") == 0
    assert undo == AddSession(leg_day)
    seeded.apply(undo)
    assert seeded.session(1) == leg_day
    assert isinstance(leg_day, LegDay) and leg_day.exercises == (SQUAT, RDL)


def test_an_added_session_redone_keeps_its_id_and_ids_are_not_reused(
    seeded: Repository,
) -> None:
    undo = seeded.apply(AddSession(Run(date=DAY, minutes=30, km=5.0)))
    assert undo == DeleteSession(4)
    redo = seeded.apply(undo)
    assert seeded.session(4) is None
    seeded.apply(redo)
    assert session(seeded, 4) == Run(date=DAY, minutes=30, km=5.0, id=4)
    # A new session after undoing and redoing gets an id of its own.
    assert seeded.add_session(Run(date=DAY, minutes=10, km=2.0)) == 5


def test_redone_pins_keep_their_ids(seeded: Repository) -> None:
    undo = seeded.apply(
        ChangePins(remove=(1,), add=(Pin(date=DAY, kind="easy_run", action="skip"),))
    )
    assert undo == ChangePins(
        remove=(2,),
        add=(
            Pin(
                date=DAY + timedelta(days=3),
                kind="easy_run",
                action="move",
                to_date=DAY,
                km=6.0,
                id=1,
            ),
        ),
    )
    redo = seeded.apply(undo)
    assert [p.id for p in seeded.pins()] == [1]
    seeded.apply(redo)
    assert [(p.id, p.action) for p in seeded.pins()] == [(2, "skip")]


def test_the_first_profile_undone_leaves_the_defaults(repo: Repository) -> None:
    assert repo.path is not None
    before = dump(repo.path)
    undo = repo.apply(SaveProfile(PROFILE))
    assert undo == SaveProfile(None)
    assert repo.profile() == PROFILE and not repo.profile().is_default
    redo = repo.apply(undo)
    assert repo.profile().is_default
    assert dump(repo.path) == before
    assert redo == SaveProfile(PROFILE)


def test_deleting_a_check_in_that_is_not_there_changes_nothing(seeded: Repository) -> None:
    assert seeded.path is not None
    before = dump(seeded.path)
    undo = seeded.apply(DeleteCheckIn(DAY + timedelta(days=9)))
    assert dump(seeded.path) == before
    seeded.apply(seeded.apply(undo))
    assert dump(seeded.path) == before


def test_ticking_an_item_ticked_already_is_undone_as_still_ticked(seeded: Repository) -> None:
    undo = seeded.apply(Tick(DAY, "mobility", True))
    assert undo == Tick(DAY, "mobility", True)
    seeded.apply(undo)
    assert seeded.ticks(DAY, DAY) == {(DAY, "mobility")}


def test_together_is_undone_in_reverse_order(repo: Repository) -> None:
    # The second check-in replaces the first: undoing them in the order made would leave
    # the first one behind.
    first, second = CheckIn(date=DAY, soreness=3), CheckIn(date=DAY, soreness=8)
    undo = repo.apply(Together((SaveCheckIn(first), SaveCheckIn(second))))
    assert repo.checkin(DAY) == second
    redo = repo.apply(undo)
    assert repo.checkins() == []
    repo.apply(redo)
    assert repo.checkin(DAY) == second


def test_together_is_all_or_nothing(seeded: Repository) -> None:
    assert seeded.path is not None
    before = dump(seeded.path)
    change = Together(
        (
            AddSession(Run(date=DAY, minutes=30, km=5.0)),
            Tick(DAY, "warm-up", True),
            DeleteSession(99),  # not there: the whole change is refused
        )
    )
    with pytest.raises(StorageError, match="session 99 is no longer there"):
        seeded.apply(change)
    assert dump(seeded.path) == before
    assert seeded.session_count() == 3
    assert not seeded._db.raw.in_transaction
    # The connection goes on working, and the next id was not used up by the failed add.
    assert seeded.apply(AddSession(Run(date=DAY, minutes=30, km=5.0))) == DeleteSession(4)


def test_a_failed_part_of_a_nested_together_undoes_the_whole(seeded: Repository) -> None:
    assert seeded.path is not None
    before = dump(seeded.path)
    change = Together(
        (
            Together((SaveGoal(None), DeleteSession(1))),
            Together((SaveProfile(None), MoveSession(99, DAY))),
        )
    )
    with pytest.raises(StorageError, match="99"):
        seeded.apply(change)
    assert dump(seeded.path) == before


# -- a target another connection took away -----------------------------------------------------


@pytest.fixture
def other(seeded: Repository) -> Iterator[Repository]:
    """A second repository on the same file: another terminal, a script."""
    assert seeded.path is not None
    with Repository.open(seeded.path) as second:
        yield second


GONE: dict[str, Callable[[], Change]] = {
    "delete": lambda: DeleteSession(2),
    "edit": lambda: ReplaceSession(Run(date=DAY, minutes=50, km=9.0, id=2)),
    "move": lambda: MoveSession(2, DAY + timedelta(days=6)),
    "delete within together": lambda: Together((Tick(DAY, "a", True), DeleteSession(2))),
}


@pytest.mark.parametrize("name", list(GONE))
def test_a_session_deleted_elsewhere_is_refused_and_nothing_changes(
    seeded: Repository, other: Repository, name: str
) -> None:
    assert seeded.path is not None
    assert other.delete_session(2) is not None
    before = dump(seeded.path)
    with pytest.raises(StorageError, match="session 2 is no longer there"):
        seeded.apply(GONE[name]())
    assert dump(seeded.path) == before
    assert seeded.session(2) is None  # an edit did not bring it back under its old id


def test_a_pin_deleted_elsewhere_is_refused_and_nothing_changes(
    seeded: Repository, other: Repository
) -> None:
    assert seeded.path is not None
    assert other.delete_pin(1) is not None
    before = dump(seeded.path)
    change = ChangePins(
        remove=(1,), add=(Pin(date=DAY + timedelta(days=3), kind="easy_run", action="remove"),)
    )
    with pytest.raises(StorageError, match="no longer there"):
        seeded.apply(change)
    assert dump(seeded.path) == before
    assert seeded.pins() == []


def test_an_undo_whose_session_was_deleted_elsewhere_is_refused(
    seeded: Repository, other: Repository
) -> None:
    assert seeded.path is not None
    undo = seeded.apply(MoveSession(2, DAY + timedelta(days=6)))
    other.delete_session(2)
    before = dump(seeded.path)
    with pytest.raises(StorageError):
        seeded.apply(undo)
    assert dump(seeded.path) == before


def test_a_redo_of_a_deleted_session_readded_elsewhere_is_refused(
    seeded: Repository, other: Repository
) -> None:
    """Undoing a delete puts the session back under its id; if that id is taken again (a
    restore elsewhere) the undo is refused, never overwriting it."""
    assert seeded.path is not None
    leg_day = session(seeded, 1)
    undo = seeded.apply(DeleteSession(1))
    other.add_session(leg_day)  # with its id
    before = dump(seeded.path)
    with pytest.raises(StorageError, match="exists already"):
        seeded.apply(undo)
    assert dump(seeded.path) == before


# -- random histories of changes, all undone ---------------------------------------------------

DAYS = st.integers(0, 9).map(lambda n: DAY + timedelta(days=n))
NOTES = st.sampled_from(["", "windy", "new PR", "é ✓"])
EXERCISES = st.lists(st.sampled_from([SQUAT, RDL, LUNGE]), max_size=3).map(tuple)
RUNS = st.builds(
    Run,
    date=DAYS,
    minutes=st.integers(1, 240),
    rpe=st.none() | st.integers(1, 10),
    notes=NOTES,
    km=st.sampled_from([0.5, 5.0, 12.3, 42.2]),
    avg_hr=st.none() | st.integers(100, 190),
    kind=st.sampled_from(["easy", "long", "tempo", "race"]),
)
LEG_DAYS = st.builds(
    LegDay,
    date=DAYS,
    minutes=st.integers(1, 120),
    rpe=st.integers(1, 10),
    notes=NOTES,
    exercises=EXERCISES,
)
CROSS = st.builds(
    CrossTraining,
    date=DAYS,
    minutes=st.integers(1, 120),
    activity=st.sampled_from(["bike", "swim", "other"]),
)
SESSIONS = st.one_of(RUNS, LEG_DAYS, CROSS)
CHECKINS = st.builds(
    CheckIn,
    date=DAYS,
    soreness=st.integers(0, 10),
    quads=st.none() | st.integers(0, 10),
    sleep=st.none() | st.integers(1, 5),
)
PINS = st.one_of(
    st.builds(
        Pin,
        date=DAYS,
        kind=st.sampled_from(["easy_run", "long_run", "leg_day"]),
        action=st.sampled_from(["add", "remove", "skip"]),
        minutes=st.none() | st.integers(20, 90),
        km=st.none() | st.sampled_from([4.0, 8.5]),
    ),
    st.builds(Pin, date=DAYS, kind=st.just("quality_run"), action=st.just("move"), to_date=DAYS),
)
PROFILES = (
    st.none()
    | st.sampled_from([PROFILE, OTHER_PROFILE])
    | st.builds(Profile, age=st.integers(10, 100), weekly_km=st.sampled_from([5.0, 20.0, 80.5]))
)
GOALS = st.none() | st.builds(
    Goal, date=DAYS, distance_km=st.sampled_from([5.0, 21.0975]), name=st.sampled_from(["", "X"])
)
MISSING_ID = 999


@st.composite
def changes(draw: st.DrawFn, repo: Repository, depth: int = 0) -> Change:
    """One change that may be refused (a missing id), drawn against what is stored now."""
    session_ids = [s.id for s in repo.sessions() if s.id is not None] + [MISSING_ID]
    pin_ids = [p.id for p in repo.pins() if p.id is not None]
    kinds = [
        "add",
        "delete",
        "replace",
        "move",
        "checkin",
        "uncheckin",
        "tick",
        "pins",
        "profile",
        "goal",
    ]
    if depth == 0:
        kinds.append("together")
    kind = draw(st.sampled_from(kinds))
    if kind == "add":
        return AddSession(draw(SESSIONS))
    if kind == "delete":
        return DeleteSession(draw(st.sampled_from(session_ids)))
    if kind == "replace":
        edited = draw(SESSIONS)
        return ReplaceSession(_with_id(edited, draw(st.sampled_from(session_ids))))
    if kind == "move":
        return MoveSession(draw(st.sampled_from(session_ids)), draw(DAYS))
    if kind == "checkin":
        return SaveCheckIn(draw(CHECKINS))
    if kind == "uncheckin":
        return DeleteCheckIn(draw(DAYS))
    if kind == "tick":
        return Tick(draw(DAYS), draw(st.sampled_from(["mobility", "warm-up"])), draw(st.booleans()))
    if kind == "pins":
        removed = draw(st.lists(st.sampled_from([*pin_ids, MISSING_ID]), unique=True, max_size=2))
        return ChangePins(remove=tuple(removed), add=tuple(draw(st.lists(PINS, max_size=2))))
    if kind == "profile":
        return SaveProfile(draw(PROFILES))
    if kind == "goal":
        return SaveGoal(draw(GOALS))
    parts = draw(st.lists(changes(repo, depth + 1), min_size=1, max_size=3))
    return Together(tuple(parts))


def _with_id(found: AnySession, session_id: int) -> AnySession:
    return replace(found, id=session_id)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new, empty, migrated database file, copied for each example."""
    path = tmp_path_factory.mktemp("template") / "legrun.db"
    with Repository.open(path) as repo:
        repo.add_session(LegDay(date=DAY, minutes=50, rpe=7, exercises=(SQUAT,)))
        repo.add_session(Run(date=DAY, minutes=30, km=5.0))
        repo.save_checkin(CheckIn(date=DAY, soreness=4))
        repo.add_pin(Pin(date=DAY, kind="easy_run", action="skip"))
        repo.set_tick(DAY, "mobility", True)
    return path


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_random_changes_undone_in_reverse_give_back_the_first_database(
    template: Path, data: st.DataObject
) -> None:
    """2-5 s: each of 80 examples copies a database, makes up to eight random changes on
    it, undoes and redoes them all, and compares every table after each step."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "legrun.db"
        shutil.copy(template, path)
        with Repository.open(path) as repo:
            first = dump(path)
            undos: list[Change] = []
            for _ in range(data.draw(st.integers(1, 8), label="changes")):
                change = data.draw(changes(repo), label="change")
                before = dump(path)
                try:
                    undos.append(repo.apply(change))
                except StorageError:
                    assert dump(path) == before, "a refused change left something behind"
            last = dump(path)

            redos = [repo.apply(undo) for undo in reversed(undos)]
            assert dump(path) == first

            for redo in reversed(redos):
                repo.apply(redo)
            assert dump(path) == last
            assert repo._db.value("PRAGMA integrity_check") == "ok"
