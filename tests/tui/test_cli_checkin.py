"""`legrun-tui checkin`: one morning check-in a day; a second one replaces the first."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from legrun.planner.models import CheckIn
from legrun.storage import Repository


def test_a_checkin_is_saved_with_every_figure(cli, db_path: Path) -> None:
    result = cli(
        "checkin", "--date", "today", "--soreness", "4", "--quads", "7", "--hamstrings", "5",
        "--glutes", "3", "--calves", "1", "--sleep", "2", "--energy", "4",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2026-11-24" in result.stdout
    assert "7/10" in result.stdout  # the worst of overall and every muscle
    with Repository.open(db_path) as repo:
        assert repo.checkins() == [
            CheckIn(
                date=date(2026, 11, 24),
                soreness=4,
                quads=7,
                hamstrings=5,
                glutes=3,
                calves=1,
                sleep=2,
                energy=4,
            )
        ]


def test_a_second_checkin_on_the_same_date_replaces_the_first(cli, db_path: Path) -> None:
    assert cli("checkin", "--date", "2026-11-24", "--soreness", "8", "--quads", "9").returncode == 0
    assert cli("checkin", "--date", "yesterday", "--soreness", "1").returncode == 0
    assert cli("checkin", "--date", "today", "--soreness", "2").returncode == 0
    with Repository.open(db_path) as repo:
        assert repo.checkins() == [
            CheckIn(date=date(2026, 11, 23), soreness=1),
            CheckIn(date=date(2026, 11, 24), soreness=2),  # quads 9 went with the first
        ]


def test_the_saved_line_says_which_soreness_counts(cli) -> None:
    result = cli("checkin", "--date", "today", "--soreness", "5", "--quads", "6")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "check-in saved for 2026-11-24 (soreness 5/10, quads 6/10)\n"


def test_checkins_lists_them_oldest_first_within_the_dates(cli) -> None:
    for day, sore in (("2026-11-20", "2"), ("2026-11-22", "6"), ("2026-11-24", "3")):
        assert cli("checkin", "--date", day, "--soreness", sore, "--sleep", "4").returncode == 0
    listed = cli("checkins", "--from", "2026-11-21")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines() == [
        "2026-11-22  soreness 6/10 · sleep 4/5",
        "2026-11-24  soreness 3/10 · sleep 4/5",
    ]
    refused = cli("checkins", "--from", "2026-11-24", "--to", "2026-11-20")
    assert refused.returncode == 2 and "--from" in refused.stderr
