"""Weekly sums from SQL match sums computed by hand on a known history."""

from __future__ import annotations

from datetime import date

import pytest

from legrun.planner.models import CheckIn, CrossTraining, Exercise, LegDay, Run
from legrun.planner.trends import WeekTotals, best_lifts, fill_weeks
from legrun.storage import Repository

MON_16 = date(2026, 11, 16)
MON_23 = date(2026, 11, 23)


@pytest.fixture
def known(repo: Repository) -> Repository:
    repo.add_sessions(
        [
            LegDay(
                date=MON_16,
                minutes=60,
                rpe=8,
                exercises=(
                    Exercise("back squat", 5, 5, 100.0, ("quads", "glutes")),
                    Exercise("walking lunge", 3, 12, None, ("quads", "glutes")),
                ),
            ),
            Run(date=date(2026, 11, 18), minutes=60, rpe=4, km=10.0),
            CrossTraining(date=date(2026, 11, 19), minutes=30, rpe=3, activity="bike"),
            Run(date=date(2026, 11, 22), minutes=33, km=5.5),  # no RPE: counts as 5
            Run(date=MON_23, minutes=48, rpe=5, km=8.0, kind="long"),
        ]
    )
    return repo


def test_weekly_totals_match_hand_sums_for_monday_weeks(known: Repository) -> None:
    totals = known.weekly_totals(date(2026, 11, 1), date(2026, 11, 29), 0)
    assert totals == [
        WeekTotals(
            week_start=MON_16,
            run_km=15.5,
            run_minutes=93,
            load=480 + 240 + 90 + 165,
            leg_days=1,
            cross_minutes=30,
            leg_load=480,
            run_load=240 + 165,
            cross_load=90,
            tonnage_kg=5 * 5 * 100.0,
        ),
        WeekTotals(week_start=MON_23, run_km=8.0, run_minutes=48, load=240, run_load=240),
    ]


def test_sunday_weeks_move_sunday_into_the_next_week(known: Repository) -> None:
    totals = known.weekly_totals(date(2026, 11, 1), date(2026, 11, 29), 6)
    by_week = {t.week_start: t for t in totals}
    assert set(by_week) == {date(2026, 11, 15), date(2026, 11, 22)}
    assert by_week[date(2026, 11, 15)].run_km == 10.0
    assert by_week[date(2026, 11, 22)].run_km == 13.5
    assert by_week[date(2026, 11, 22)].run_minutes == 33 + 48


def test_weeks_outside_the_range_are_left_out_and_gaps_filled_with_zeros(
    known: Repository,
) -> None:
    totals = known.weekly_totals(MON_23, date(2026, 11, 29), 0)
    assert [t.week_start for t in totals] == [MON_23]
    filled = fill_weeks(totals, date(2026, 11, 9), 3)
    assert [t.week_start for t in filled] == [date(2026, 11, 9), MON_16, MON_23]
    assert filled[0] == WeekTotals(date(2026, 11, 9))
    assert filled[1].run_km == 0.0  # not in the queried range
    assert filled[2].run_km == 8.0


def test_daily_loads_and_soreness(known: Repository) -> None:
    known.save_checkin(CheckIn(date=date(2026, 11, 17), soreness=3, quads=7))
    loads = known.daily_loads(MON_16, date(2026, 11, 22))
    assert loads == {
        MON_16: 480,
        date(2026, 11, 18): 240,
        date(2026, 11, 19): 90,
        date(2026, 11, 22): 165,
    }
    assert known.soreness_by_day(MON_16, MON_23) == {date(2026, 11, 17): 7}


def test_personal_bests(known: Repository) -> None:
    known.add_session(
        LegDay(
            date=MON_23,
            minutes=50,
            rpe=9,
            exercises=(Exercise("back squat", 3, 3, 120.0), Exercise("back squat", 1, 1, 125.0)),
        )
    )
    longest = known.longest_run()
    assert longest is not None and (longest.km, longest.day) == (10.0, date(2026, 11, 18))
    fastest = known.fastest_run()
    # 10 km in 60 min, 5.5 km in 33 and 8 km in 48 are all 6:00/km: the earliest one wins.
    assert fastest is not None and fastest.day == date(2026, 11, 18)
    assert known.most_weekly_km(0) == (MON_16, 15.5)
    lifts = {b.name: b for b in best_lifts(known.lift_sets())}
    # Epley: 120 x (1 + 3/30) = 132 beats 125 x 1 = 125 and 100 x (1 + 5/30) = 116.7.
    assert lifts["back squat"].one_rm_kg == 132.0
    assert (lifts["back squat"].reps, lifts["back squat"].load_kg) == (3, 120.0)
    assert "walking lunge" not in lifts  # bodyweight: no 1RM


def test_fastest_run_ignores_runs_shorter_than_5_km(repo: Repository) -> None:
    repo.add_sessions(
        [
            Run(date=MON_16, minutes=16, km=4.0),  # 4:00/km but too short
            Run(date=MON_23, minutes=30, km=6.0),  # 5:00/km
        ]
    )
    fastest = repo.fastest_run()
    assert fastest is not None and fastest.km == 6.0
