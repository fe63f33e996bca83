"""The goal race in the database: at most one, kept exactly, replaced or cleared on request."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from legrun.planner.goal import DISTANCES, Goal
from legrun.planner.models import Profile, Run
from legrun.storage import Repository


def _goal_rows(path: Path) -> list[tuple[object, ...]]:
    """The goal table as another connection sees it (what was committed)."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id, date, distance_km, name FROM goal").fetchall()
    finally:
        conn.close()


def test_a_new_database_has_no_goal(repo: Repository, db_path: Path) -> None:
    assert repo.goal() is None
    assert _goal_rows(db_path) == []


def test_a_saved_goal_is_committed_and_read_back_exactly(db_path: Path) -> None:
    berlin = Goal(date(2027, 9, 26), DISTANCES["marathon"], "Berlin Marathon")
    with Repository.open(db_path) as repo:
        repo.save_goal(berlin)
        # Committed at once: another connection sees it before this one closes.
        assert _goal_rows(db_path) == [(1, "2027-09-26", 42.195, "Berlin Marathon")]
        assert repo.goal() == berlin
    with Repository.open(db_path) as reopened:
        found = reopened.goal()
    assert found == berlin
    assert found is not None and found.distance_km == 42.195  # to the metre, not rounded


def test_a_goal_without_a_name_and_an_odd_distance(repo: Repository) -> None:
    repo.save_goal(Goal(date(2027, 3, 14), 15.3))
    assert repo.goal() == Goal(date(2027, 3, 14), 15.3, "")


def test_saving_a_second_goal_replaces_the_first(repo: Repository, db_path: Path) -> None:
    repo.save_goal(Goal(date(2027, 3, 14), 10.0, "Spring 10K"))
    repo.save_goal(Goal(date(2027, 5, 2), DISTANCES["half"], "Półmaraton"))
    assert repo.goal() == Goal(date(2027, 5, 2), 21.0975, "Półmaraton")
    assert _goal_rows(db_path) == [(1, "2027-05-02", 21.0975, "Półmaraton")]


def test_clear_goal_returns_what_it_removed_then_none(repo: Repository, db_path: Path) -> None:
    spring = Goal(date(2027, 3, 14), 5.0, "parkrun")
    repo.save_goal(spring)
    assert repo.clear_goal() == spring
    assert repo.goal() is None
    assert _goal_rows(db_path) == []
    assert repo.clear_goal() is None  # nothing left to clear


def test_clearing_the_goal_touches_nothing_else(repo: Repository) -> None:
    repo.save_profile(Profile(age=30, weekly_km=28.0))
    run_id = repo.add_session(Run(date=date(2026, 11, 20), minutes=30, km=5.0))
    repo.save_goal(Goal(date(2027, 3, 14), 10.0))
    repo.clear_goal()
    assert repo.profile() == Profile(age=30, weekly_km=28.0)
    assert [s.id for s in repo.sessions()] == [run_id]
