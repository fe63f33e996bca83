"""`legrun-tui history`: everything oldest first, or the sessions between two dates."""

from __future__ import annotations

import json
import subprocess
from datetime import date
from pathlib import Path

import pytest

from legrun.planner.models import CrossTraining, Run
from legrun.storage import Repository
from tests.conftest import legrun_command


@pytest.fixture
def november(db_path: Path) -> Path:
    """Sessions logged out of date order: ids 1..5 on the 20th, 2nd, 24th, 10th and 20th."""
    with Repository.open(db_path) as repo:
        for day in (20, 2, 24, 10):
            repo.add_session(Run(date=date(2026, 11, day), minutes=30, km=5.0))
        repo.add_session(CrossTraining(date=date(2026, 11, 20), minutes=40, activity="bike"))
    return db_path


def _history(cli, *args: str) -> list[tuple[int, str]]:
    result = cli("history", "--json", *args)
    assert result.returncode == 0, result.stderr
    return [(s["id"], s["date"]) for s in json.loads(result.stdout)]


def test_history_lists_everything_oldest_first(cli, november: Path) -> None:
    assert _history(cli) == [
        (2, "2026-11-02"),
        (4, "2026-11-10"),
        (1, "2026-11-20"),
        (5, "2026-11-20"),
        (3, "2026-11-24"),
    ]


def test_history_from_a_date_includes_that_date(cli, november: Path) -> None:
    assert _history(cli, "--from", "2026-11-10") == [
        (4, "2026-11-10"),
        (1, "2026-11-20"),
        (5, "2026-11-20"),
        (3, "2026-11-24"),
    ]


def test_history_to_a_date_includes_that_date(cli, november: Path) -> None:
    assert _history(cli, "--to", "2026-11-20") == [
        (2, "2026-11-02"),
        (4, "2026-11-10"),
        (1, "2026-11-20"),
        (5, "2026-11-20"),
    ]


def test_history_between_two_dates_and_relative_words(cli, november: Path) -> None:
    # today is 2026-11-24, so yesterday is the 23rd
    assert _history(cli, "--from", "2026-11-03", "--to", "yesterday") == [
        (4, "2026-11-10"),
        (1, "2026-11-20"),
        (5, "2026-11-20"),
    ]
    assert _history(cli, "--from", "today", "--to", "today") == [(3, "2026-11-24")]
    assert _history(cli, "--from", "2026-11-11", "--to", "2026-11-19") == []


def test_a_reader_that_stops_early_gets_no_traceback(
    db_path: Path, isolated_env: dict[str, str]
) -> None:
    """`legrun-tui history --json | head -3` must end quietly when `head` closes the pipe."""
    with Repository.open(db_path) as repo:
        repo.add_sessions(
            [Run(date=date(2026, 1, 1), minutes=30, km=5.0, notes="x" * 200)] * 600
        )  # far more than a pipe's buffer of output
    process = subprocess.Popen(
        [*legrun_command(), "--db", str(db_path), "history", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=isolated_env,
    )
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline() == b"[\n"
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=30) == 0
    assert error == ""
