"""The repository: planner records in, the same records out, every write all or nothing."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Pin, Profile, Run
from legrun.storage import Repository, StorageError

SQUAT = Exercise("back squat", 5, 5, 100.0, ("quads", "glutes"))
LUNGE = Exercise("walking lunge", 3, 12, None, ("quads", "glutes"))
RDL = Exercise("rdl", 3, 8, 60.0, ("hamstrings", "glutes"))


def test_a_database_with_no_profile_gives_the_defaults(repo: Repository) -> None:
    profile = repo.profile()
    assert profile.is_default
    assert (profile.age, profile.max_hr, profile.effective_max_hr) == (35, None, 184)
    assert (profile.runs_per_week, profile.weekly_km) == (3, 20.0)
    assert (profile.long_run_day, profile.week_start, profile.units) == (6, 0, "km")
    assert profile.cross == ("bike", "swim", "yoga")


def test_a_saved_profile_comes_back_field_for_field(db_path: Path) -> None:
    saved = Profile(
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
    )
    with Repository.open(db_path) as repo:
        repo.save_profile(saved)
    with Repository.open(db_path) as repo:
        loaded = repo.profile()
    assert loaded == saved
    assert not loaded.is_default
    assert loaded.cross == ("walk", "swim")


def test_each_kind_of_session_comes_back_as_it_was_logged(db_path: Path) -> None:
    logged = [
        LegDay(date=date(2026, 11, 2), minutes=70, rpe=9, notes="new PR", exercises=(SQUAT, RDL)),
        Run(date=date(2026, 11, 3), minutes=35, rpe=3, km=6.2, avg_hr=131, kind="recovery"),
        CrossTraining(date=date(2026, 11, 4), minutes=45, activity="yoga"),
        LegDay(date=date(2026, 11, 5), minutes=40, rpe=6),
    ]
    with Repository.open(db_path) as repo:
        ids = [repo.add_session(s) for s in logged]
    assert ids == [1, 2, 3, 4]
    with Repository.open(db_path) as repo:
        loaded = repo.sessions()
    assert loaded == [
        LegDay(
            id=1, date=date(2026, 11, 2), minutes=70, rpe=9, notes="new PR", exercises=(SQUAT, RDL)
        ),
        Run(id=2, date=date(2026, 11, 3), minutes=35, rpe=3, km=6.2, avg_hr=131, kind="recovery"),
        CrossTraining(id=3, date=date(2026, 11, 4), minutes=45, activity="yoga"),
        LegDay(id=4, date=date(2026, 11, 5), minutes=40, rpe=6),
    ]
    assert loaded[0].exercises[1].load_kg == 60.0
    assert loaded[2].rpe is None


def test_sessions_are_listed_oldest_first_then_in_the_order_logged(repo: Repository) -> None:
    days = [date(2026, 11, 20), date(2026, 11, 2), date(2026, 11, 20), date(2026, 11, 9)]
    for day in days:
        repo.add_session(Run(date=day, minutes=30, km=5.0))
    assert [(s.date.day, s.id) for s in repo.sessions()] == [(2, 2), (9, 4), (20, 1), (20, 3)]


@pytest.mark.parametrize(
    "start, end, expected_days",
    [
        (None, None, [1, 10, 11, 20, 30]),
        (date(2026, 11, 10), None, [10, 11, 20, 30]),
        (None, date(2026, 11, 11), [1, 10, 11]),
        (date(2026, 11, 10), date(2026, 11, 20), [10, 11, 20]),
        (date(2026, 11, 12), date(2026, 11, 19), []),
        (date(2026, 11, 30), date(2026, 11, 30), [30]),
    ],
)
def test_sessions_between_two_dates_include_both_ends(
    repo: Repository, start: date | None, end: date | None, expected_days: list[int]
) -> None:
    for day in (30, 1, 20, 11, 10):
        repo.add_session(CrossTraining(date=date(2026, 11, day), minutes=20, activity="walk"))
    assert [s.date.day for s in repo.sessions(start, end)] == expected_days


def test_exercises_of_many_leg_days_stay_with_their_own_day(repo: Repository) -> None:
    """Past 500 leg days the repository reads exercises another way; both ways must agree."""
    start = date(2024, 1, 1)
    days = [
        LegDay(
            date=start + timedelta(days=i),
            minutes=50,
            rpe=7,
            exercises=(Exercise(f"squat {i}", 3, 5, float(i + 1), ("quads", "glutes")), LUNGE),
        )
        for i in range(520)
    ]
    repo.add_sessions(days)
    loaded = repo.sessions()
    assert len(loaded) == 520
    assert all(isinstance(s, LegDay) for s in loaded)
    for i, session in enumerate(loaded):
        assert session.exercises[0].name == f"squat {i}"
        assert session.exercises[0].load_kg == float(i + 1)
        assert session.exercises[1] == LUNGE
    few = repo.sessions(start, start + timedelta(days=2))
    assert [s.exercises[0].name for s in few] == ["squat 0", "squat 1", "squat 2"]


def test_add_sessions_is_all_or_nothing(repo: Repository) -> None:
    repo.add_session(Run(id=5, date=date(2026, 11, 1), minutes=30, km=5.0))
    batch = [
        LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT,)),
        Run(id=5, date=date(2026, 11, 3), minutes=30, km=5.0),  # the id is taken
    ]
    with pytest.raises(StorageError, match="session 5 exists already"):
        repo.add_sessions(batch)
    assert [s.id for s in repo.sessions()] == [5]
    assert repo._db.raw.execute("SELECT count(*) FROM exercises").fetchone()[0] == 0
    # The connection is usable afterwards: the failed transaction was rolled back.
    assert repo.add_session(Run(date=date(2026, 11, 4), minutes=20, km=3.0)) == 6


def test_deleting_a_leg_day_returns_it_and_removes_its_exercises(repo: Repository) -> None:
    leg_id = repo.add_session(LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT,)))
    run_id = repo.add_session(Run(date=date(2026, 11, 3), minutes=30, km=5.0))
    deleted = repo.delete_session(leg_id)
    assert deleted == LegDay(
        id=leg_id, date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT,)
    )
    assert [s.id for s in repo.sessions()] == [run_id]
    assert repo._db.raw.execute("SELECT count(*) FROM exercises").fetchone()[0] == 0
    assert repo.session(leg_id) is None


def test_deleting_an_unknown_id_returns_none_and_deletes_nothing(repo: Repository) -> None:
    repo.add_session(Run(date=date(2026, 11, 3), minutes=30, km=5.0))
    assert repo.delete_session(99) is None
    assert repo.session_count() == 1


def test_a_deleted_session_can_be_put_back_with_its_id(repo: Repository) -> None:
    first = repo.add_session(LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(RDL,)))
    repo.add_session(Run(date=date(2026, 11, 3), minutes=30, km=5.0))
    deleted = repo.delete_session(first)
    assert deleted is not None
    assert repo.add_session(deleted) == first
    assert repo.session(first) == deleted


def test_replacing_a_session_keeps_its_id(repo: Repository) -> None:
    sid = repo.add_session(LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT,)))
    edited = LegDay(id=sid, date=date(2026, 11, 3), minutes=45, rpe=6, exercises=(LUNGE, RDL))
    repo.replace_session(edited)
    assert repo.sessions() == [edited]
    assert repo._db.raw.execute("SELECT count(*) FROM exercises").fetchone()[0] == 2


def test_a_session_read_again_shows_every_change_whoever_made_it(db_path: Path) -> None:
    """Sessions read again (the planner's window after every save) are made once for the
    same rows: a change here, or by another connection to the file, is read as it now is."""
    here = Repository.open(db_path)
    other = Repository.open(db_path)
    try:
        sid = here.add_session(
            LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT,))
        )
        run_id = here.add_session(Run(date=date(2026, 11, 3), minutes=30, rpe=4, km=5.0))
        first = here.sessions()
        assert here.sessions() == first
        # Another connection changes only an exercise's load, then only a run's minutes.
        other._db.raw.execute("UPDATE exercises SET load_kg = 105 WHERE session_id = ?", [sid])
        other._db.raw.execute("UPDATE sessions SET minutes = 31 WHERE id = ?", [run_id])
        other._db.raw.commit()
        leg_day, run = here.sessions()
        assert isinstance(leg_day, LegDay) and isinstance(run, Run)
        assert leg_day.exercises[0].load_kg == 105.0
        assert run.minutes == 31
        # This connection edits the leg day's exercises: the new ones are read.
        here.replace_session(
            LegDay(id=sid, date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(LUNGE, RDL))
        )
        assert [e.name for e in here.sessions()[0].exercises] == ["walking lunge", "rdl"]
        assert [e.name for e in other.sessions()[0].exercises] == ["walking lunge", "rdl"]
    finally:
        here.close()
        other.close()


def test_a_second_checkin_on_the_same_date_replaces_the_first(repo: Repository) -> None:
    repo.save_checkin(CheckIn(date=date(2026, 11, 24), soreness=7, quads=8, sleep=2))
    repo.save_checkin(CheckIn(date=date(2026, 11, 24), soreness=3))
    repo.save_checkin(CheckIn(date=date(2026, 11, 23), soreness=5))
    assert repo.checkins() == [
        CheckIn(date=date(2026, 11, 23), soreness=5),
        CheckIn(date=date(2026, 11, 24), soreness=3),
    ]
    assert repo.checkins(date(2026, 11, 24), None) == [CheckIn(date=date(2026, 11, 24), soreness=3)]


def test_deleting_a_checkin_returns_it(repo: Repository) -> None:
    repo.save_checkin(CheckIn(date=date(2026, 11, 24), soreness=4, calves=6))
    assert repo.delete_checkin(date(2026, 11, 24)) == CheckIn(
        date=date(2026, 11, 24), soreness=4, calves=6
    )
    assert repo.checkins() == []
    assert repo.delete_checkin(date(2026, 11, 24)) is None


def test_pins_are_found_by_their_date_or_the_day_they_move_to(repo: Repository) -> None:
    moved = Pin(date=date(2026, 11, 20), kind="long_run", action="move", to_date=date(2026, 11, 29))
    added = Pin(date=date(2026, 11, 25), kind="easy_run", action="add", minutes=40, km=7.0)
    moved_id = repo.add_pin(moved)
    added_id = repo.add_pin(added)
    week = repo.pins(date(2026, 11, 23), date(2026, 11, 29))
    assert [p.id for p in week] == [moved_id, added_id]
    assert week[1].km == 7.0
    assert repo.pins(date(2026, 11, 30), date(2026, 12, 6)) == []
    assert repo.delete_pin(moved_id) is not None
    assert [p.id for p in repo.pins()] == [added_id]


def test_checklist_ticks_set_and_clear(repo: Repository) -> None:
    repo.set_tick(date(2026, 11, 24), "warmup", True)
    repo.set_tick(date(2026, 11, 24), "warmup", True)
    repo.set_tick(date(2026, 11, 25), "protein", True)
    assert repo.ticks(date(2026, 11, 24), date(2026, 11, 24)) == {(date(2026, 11, 24), "warmup")}
    repo.set_tick(date(2026, 11, 24), "warmup", False)
    assert repo.ticks(date(2026, 11, 23), date(2026, 11, 29)) == {(date(2026, 11, 25), "protein")}


def test_settings_default_and_overwrite(repo: Repository) -> None:
    assert repo.setting("theme", "dark") == "dark"
    repo.set_setting("theme", "light")
    repo.set_setting("theme", "nord")
    assert repo.setting("theme") == "nord"


def test_exercise_names_are_listed_most_used_first(repo: Repository) -> None:
    repo.add_session(LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT, RDL)))
    repo.add_session(LegDay(date=date(2026, 11, 5), minutes=60, rpe=8, exercises=(RDL, LUNGE)))
    assert repo.exercise_names() == ["rdl", "back squat", "walking lunge"]


def test_a_write_that_fails_half_way_leaves_no_trace(repo: Repository) -> None:
    """Every write is one transaction: a failure after the session row rolls it back, and
    comes out of storage as a StorageError (never SQLite's own exception)."""
    repo._db.raw.execute(
        "CREATE TRIGGER no_deadlifts BEFORE INSERT ON exercises WHEN NEW.name = 'deadlift' "
        "BEGIN SELECT RAISE(ABORT, 'no deadlifts'); END"
    )
    deadlift = Exercise("deadlift", 3, 5, 140.0, ("hamstrings", "glutes"))
    with pytest.raises(StorageError, match="no deadlifts"):
        repo.add_session(
            LegDay(date=date(2026, 11, 2), minutes=60, rpe=8, exercises=(SQUAT, deadlift))
        )
    assert repo.session_count() == 0
    assert repo._db.raw.execute("SELECT count(*) FROM exercises").fetchone()[0] == 0


def test_change_pins_is_all_or_nothing(repo: Repository) -> None:
    from datetime import date

    from legrun.planner.models import Pin

    day = date(2026, 11, 25)
    kept = repo.add_pin(Pin(date=day, kind="easy_run", action="skip"))
    removed, new = repo.change_pins(
        remove=[kept], add=[Pin(date=day, kind="easy_run", action="remove")]
    )
    assert [(p.id, p.action) for p in removed] == [(kept, "skip")]  # what undo needs back
    assert [(p.id, p.action) for p in repo.pins(day, day)] == [(new[0], "remove")]
    # A pin that breaks a constraint rolls back the removal made in the same call.

    import pytest

    with pytest.raises(StorageError):
        repo.change_pins(
            remove=[new[0]],
            add=[
                Pin(date=day, kind="rest", action="add", id=new[0]),
                Pin(date=day, kind="rest", action="add", id=new[0]),
            ],
        )
    assert [(p.id, p.action) for p in repo.pins(day, day)] == [(new[0], "remove")]


def test_ids_are_never_reused_after_a_delete(repo: Repository) -> None:
    first = repo.add_session(Run(date=date(2026, 11, 1), minutes=30, km=5.0))
    second = repo.add_session(Run(date=date(2026, 11, 2), minutes=30, km=5.0))
    repo.delete_session(second)
    third = repo.add_session(Run(date=date(2026, 11, 3), minutes=30, km=5.0))
    assert third not in (first, second)
    from legrun.planner.models import Pin

    pin = repo.add_pin(Pin(date=date(2026, 11, 4), kind="easy_run", action="skip"))
    repo.delete_pin(pin)
    assert repo.add_pin(Pin(date=date(2026, 11, 4), kind="easy_run", action="skip")) != pin
