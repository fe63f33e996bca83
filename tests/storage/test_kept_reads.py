"""What the planner reads after every save, every run date and a window of months of
sessions, is kept between reads (a pass over ten years of dates costs more than planning a
week): whatever writes the file, this connection's saves, undo, a rolled-back change,
another connection, they must read as the file says."""

from __future__ import annotations

import random
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from msgspec.structs import replace

from legrun.planner.models import AnySession, CrossTraining, Exercise, LegDay, Run
from legrun.storage import Repository, StorageError
from legrun.storage.changes import AddSession, MoveSession, Together

START = date(2026, 1, 5)
END = date(2026, 12, 31)


def _truth(path: Path, end: date = END) -> list[date]:
    """The run dates as a connection of its own reads them from the file."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT DISTINCT date FROM sessions WHERE type = 'run' AND date <= ? ORDER BY date",
            [end.isoformat()],
        ).fetchall()
    return [date.fromisoformat(r[0]) for r in rows]


def _sessions_truth(path: Path, start: date, end: date) -> list[AnySession]:
    """The sessions as a repository of its own (nothing kept yet) reads them from the file."""
    fresh = Repository.open(path)
    try:
        return fresh.sessions(start, end)
    finally:
        fresh.close()


def _session(rnd: random.Random, day: date) -> Run | LegDay | CrossTraining:
    kind = rnd.choice(("run", "run", "leg", "cross"))
    if kind == "run":
        return Run(date=day, km=rnd.choice((5.0, 8.0, 12.0)), minutes=40, rpe=4)
    if kind == "leg":
        squats = Exercise("squat", sets=rnd.randint(2, 5), reps=5, load_kg=60.0)
        return LegDay(date=day, minutes=50, rpe=6, exercises=(squats,))
    return CrossTraining(date=day, activity="bike", minutes=45, rpe=3)


@pytest.mark.parametrize("seed", range(6))
def test_run_dates_and_sessions_read_as_the_file_says_after_any_mix_of_writes(
    db_path: Path, repo: Repository, seed: int
) -> None:
    rnd = random.Random(seed)
    days = [START + timedelta(days=n) for n in range(0, 60, 2)]
    other = Repository.open(db_path)
    try:
        for step in range(120):
            with sqlite3.connect(db_path) as conn:
                ids = [r[0] for r in conn.execute("SELECT id FROM sessions")]
            roll = rnd.random()
            if roll < 0.3 or not ids:
                repo.apply(AddSession(_session(rnd, rnd.choice(days))))
            elif roll < 0.45:
                repo.delete_session(rnd.choice(ids))
            elif roll < 0.6:
                repo.apply(MoveSession(rnd.choice(ids), rnd.choice(days)))
            elif roll < 0.7:
                found = repo.session(rnd.choice(ids))
                assert found is not None
                changed = _session(rnd, found.date)
                repo.replace_session(replace(changed, id=found.id))
            elif roll < 0.8:
                # A change that fails half-way: the first part is rolled back with it.
                gone = max(ids) + 1000
                with pytest.raises(StorageError):
                    repo.apply(
                        Together(
                            (AddSession(_session(rnd, rnd.choice(days))), MoveSession(gone, END))
                        )
                    )
            elif roll < 0.85:
                other.add_session(_session(rnd, rnd.choice(days)))  # another window
            elif roll < 0.9:
                # Rows changed past the session methods (as a bulk import or a fix-up might).
                with repo._db.write():
                    repo._db.execute("UPDATE exercises SET sets = sets + 1 WHERE rowid % 2 = 0")
            else:
                repo.add_sessions([_session(rnd, rnd.choice(days)) for _ in range(3)])
            end = rnd.choice((END, rnd.choice(days)))
            assert repo.run_dates(end) == _truth(db_path, end), f"step {step}"
            # Mostly the same window, as the planner reads after each save; now and then another.
            window = (START, END) if rnd.random() < 0.8 else (START + timedelta(days=20), END)
            assert repo.sessions(*window) == _sessions_truth(db_path, *window), f"step {step}"
    finally:
        other.close()


def test_a_run_moved_off_its_day_leaves_the_day_only_when_no_other_run_is_on_it(
    db_path: Path, repo: Repository
) -> None:
    day, later = date(2026, 3, 2), date(2026, 3, 9)
    first = repo.add_session(Run(date=day, km=5.0, minutes=30))
    repo.add_session(Run(date=day, km=3.0, minutes=20))
    assert repo.run_dates(END) == [day]
    repo.move_session(first, later)
    assert repo.run_dates(END) == [day, later]  # the second run keeps its day
    repo.delete_session(first)
    assert repo.run_dates(END) == [day] == _truth(db_path)


def test_a_write_past_the_session_methods_is_seen_too(db_path: Path, repo: Repository) -> None:
    repo.add_session(Run(date=date(2026, 2, 2), km=5.0, minutes=30))
    assert repo.run_dates(END) == [date(2026, 2, 2)]
    # A write past the repository's session methods (as a bulk import makes): its days too.
    with repo._db.write():
        repo._db.execute("UPDATE sessions SET date = '2026-02-03'")
    assert repo.run_dates(END) == [date(2026, 2, 3)] == _truth(db_path)


def test_dates_read_inside_a_write_that_is_rolled_back_are_not_kept(
    db_path: Path, repo: Repository
) -> None:
    day = date(2026, 4, 6)
    assert repo.run_dates(END) == []
    with pytest.raises(RuntimeError), repo._db.write():
        repo.add_session(Run(date=day, km=5.0, minutes=30))
        assert repo.run_dates(END) == [day]  # the write's own view, not yet committed
        raise RuntimeError("the rest of the change failed")
    assert repo.run_dates(END) == [] == _truth(db_path)


def test_after_a_save_only_the_days_written_are_read_again(db_path: Path, repo: Repository) -> None:
    """The point of keeping them: ten years of dates are not read again after every save,
    nor after the writes that touch no session at all (a draft kept, a tick, a pin)."""
    repo.add_sessions(
        [Run(date=START + timedelta(days=n), km=5.0, minutes=30) for n in range(0, 300, 2)]
    )
    repo.run_dates(END)
    statements: list[str] = []
    repo._db.raw.set_trace_callback(statements.append)
    repo.set_setting("draft", '{"kind": "run"}')
    repo.set_tick(START, "warmup", True)
    repo.add_session(Run(date=date(2026, 12, 1), km=6.0, minutes=35))
    dates = repo.run_dates(END)
    repo._db.raw.set_trace_callback(None)
    assert dates == _truth(db_path)
    reads = [s for s in statements if "SELECT DISTINCT date FROM sessions" in s]
    assert reads == [
        "SELECT DISTINCT date FROM sessions WHERE type = 'run' AND date IN ('2026-12-01') "
        "ORDER BY date"
    ]


def test_a_window_of_sessions_read_again_reads_only_the_days_written(
    db_path: Path, repo: Repository
) -> None:
    repo.add_sessions(
        [LegDay(date=START + timedelta(days=n), minutes=50, rpe=6) for n in range(0, 300, 2)]
    )
    repo.sessions(START, END)
    statements: list[str] = []
    repo._db.raw.set_trace_callback(statements.append)
    repo.set_setting("draft", '{"kind": "leg"}')
    found = repo.sessions(START, END)
    legs = repo.sessions(START, END)[0]
    assert isinstance(legs, LegDay) and legs.id is not None
    changed = LegDay(
        date=legs.date, minutes=70, rpe=8, id=legs.id, exercises=(Exercise("lunge", 3, 8),)
    )
    repo.replace_session(changed)
    statements.clear()
    after = repo.sessions(START, END)
    repo._db.raw.set_trace_callback(None)
    assert after == _sessions_truth(db_path, START, END) and after[0] == changed
    assert len(found) == len(after) == 150
    windows = [s for s in statements if "FROM sessions s WHERE" in s]
    assert len(windows) == 1 and f"s.date IN ('{legs.date.isoformat()}')" in windows[0]
