"""The profile's training settings in storage: same-day hard days, days with no training, and a
weekly target in minutes, each saved and read back as given; a race result keeps its kind."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import Profile, Run, ValidationError
from legrun.storage import Repository


def test_the_three_settings_come_back_as_saved(db_path: Path) -> None:
    saved = Profile(age=31, same_day_hard=True, unavailable=(2, 5), weekly_minutes=240)
    with Repository.open(db_path) as repo:
        repo.save_profile(saved)
    with Repository.open(db_path) as repo:
        loaded = repo.profile()
    assert loaded == saved
    assert (loaded.same_day_hard, loaded.unavailable, loaded.weekly_minutes) == (
        True,
        (2, 5),
        240,
    )


def test_unavailable_days_are_stored_sorted_and_once_each_by_name(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        repo.save_profile(Profile(unavailable=(6, 1, 6, 1)))
        raw = repo._db.raw.execute("SELECT unavailable FROM profile").fetchone()[0]
        assert repo.profile().unavailable == (1, 6)
    assert raw == "tue,sun"


def test_turning_the_settings_back_off_stores_the_defaults(repo: Repository) -> None:
    repo.save_profile(Profile(same_day_hard=True, unavailable=(0,), weekly_minutes=300))
    turned_off = repo.profile().with_changes(
        same_day_hard=False, unavailable=(), weekly_minutes=None
    )
    repo.save_profile(turned_off)
    stored = repo._db.raw.execute(
        "SELECT same_day_hard, unavailable, weekly_minutes FROM profile"
    ).fetchall()
    assert stored == [(0, "", None)]
    assert repo.profile() == Profile()


def test_a_race_result_keeps_its_kind(repo: Repository) -> None:
    race_id = repo.add_session(
        Run(date=date(2026, 10, 4), minutes=44, rpe=9, km=10.0, avg_hr=171, kind="race")
    )
    assert repo.session(race_id) == Run(
        id=race_id, date=date(2026, 10, 4), minutes=44, rpe=9, km=10.0, avg_hr=171, kind="race"
    )
    assert repo._db.raw.execute("SELECT run_kind FROM sessions").fetchall() == [("race",)]


@pytest.mark.parametrize(
    "changes, words",
    [
        ({"unavailable": (0, 1, 2, 3, 4, 5, 6)}, ["at least 2", "at most 5"]),
        ({"unavailable": (0, 1, 2, 3, 4, 6)}, ["leave 1 day", "at least 2", "at most 5"]),
        ({"unavailable": (7,)}, ["0 (mon) to 6 (sun)"]),
        ({"weekly_minutes": 29}, ["weekly minutes", "30 to 2400"]),
        ({"weekly_minutes": 2401}, ["weekly minutes", "30 to 2400"]),
        ({"same_day_hard": "yes"}, ["on or off"]),
    ],
)
def test_a_profile_outside_what_is_allowed_is_refused_and_not_stored(
    repo: Repository, changes: dict[str, object], words: list[str]
) -> None:
    with pytest.raises(ValidationError) as refused:
        repo.save_profile(Profile().with_changes(**changes))
    for word in words:
        assert word in str(refused.value)
    assert repo.profile().is_default


def test_five_unavailable_days_are_allowed(repo: Repository) -> None:
    repo.save_profile(Profile(unavailable=(0, 1, 2, 3, 4)))
    assert repo.profile().unavailable == (0, 1, 2, 3, 4)


def test_a_hand_edited_unknown_day_is_reported_not_guessed(db_path: Path) -> None:
    with Repository.open(db_path) as repo:
        repo.save_profile(Profile())
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE profile SET unavailable = 'tue,funday'")
    conn.commit()
    conn.close()
    with Repository.open(db_path) as repo, pytest.raises(ValidationError, match="funday"):
        repo.profile()
