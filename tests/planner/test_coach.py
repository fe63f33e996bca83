"""The coach's rules, one behaviour a test: volume across weeks, workouts and paces, readiness,
lighter leg days, same-day hard days, days unavailable, targets in minutes, and R-STABLE."""

from __future__ import annotations

from datetime import date, timedelta

from legrun.planner.load import TrainingHistory
from legrun.planner.models import CheckIn, LegDay, Profile, Run
from legrun.planner.scheduler import plan_week, plan_weeks
from legrun.planner.workouts import Result, latest_result
from tests.planner.builders import (
    MONDAY,
    day,
    describe,
    items,
    make_plan,
    planned,
    rules,
    run,
)

MO_TH = "FREQ=WEEKLY;BYDAY=MO,TH"
RUNS = ("recovery_run", "easy_run", "long_run", "quality_run")


def weeks_of(pattern: list[tuple[int, float, str]], weeks: int, end: date = MONDAY) -> list[Run]:
    """`weeks` weeks of the same runs (weekday, km, kind) before the Monday `end`."""
    found = []
    for w in range(weeks, 0, -1):
        monday = end - timedelta(weeks=w)
        for weekday, km, kind in pattern:
            found.append(run(monday + timedelta(days=weekday), km=km, kind=kind))
    return found


BASE_30 = [(1, 7.0, "easy"), (3, 7.0, "easy"), (4, 5.0, "easy"), (6, 11.0, "long")]  # 30 km


# -- volume across weeks ----------------------------------------------------------------------


def test_a_brand_new_runner_starts_at_60_percent_with_strides_and_no_workout():
    plan = make_plan(Profile(weekly_km=25), [])
    assert plan.phase == "start"
    assert plan.volume is not None and plan.volume.cap_km == 15.0  # 60 % of 25
    assert not planned(plan, "quality_run"), describe(plan)
    strides = [i for i in planned(plan, "easy_run") if i.workout and i.workout.type == "strides"]
    assert len(strides) == 1, describe(plan)
    assert "R-QUALITY" in rules(strides[0])


def test_a_building_week_adds_10_percent_to_last_weeks_plan_when_it_was_done():
    history = weeks_of(BASE_30, 6)
    plan = make_plan(Profile(runs_per_week=4, weekly_km=60), history)
    assert plan.volume is not None
    # 30 km done as planned (the anchor weeks) -> 33 km, within 1.3 x the 30 km baseline.
    assert plan.volume.baseline_km == 30.0
    assert 30.0 < plan.volume.cap_km <= 33.0 + 1e-9, describe(plan)
    assert plan.phase == "build"


def test_volume_never_goes_above_the_target():
    plan = make_plan(Profile(runs_per_week=4, weekly_km=25), weeks_of(BASE_30, 6))
    assert plan.volume is not None and plan.volume.cap_km <= 25.0
    assert plan.phase in ("maintain", "build")


def test_a_spike_week_is_followed_by_an_easier_week_at_the_baseline_that_says_why():
    base = weeks_of([(1, 5.0, "easy"), (3, 5.0, "easy"), (6, 5.0, "long")], 6)  # 15 km
    spike = [run(MONDAY - timedelta(days=2), km=30.0, kind="long")]  # last Saturday: 30 km
    plan = make_plan(Profile(runs_per_week=3, weekly_km=40), base + spike)
    assert plan.easier_week, describe(plan)
    assert plan.volume is not None and plan.volume.cap_km <= 15.0 + 1e-9, describe(plan)
    said = [w for w in plan.warnings if w.rule == "R-EASY-WEEK"]
    assert said and "x your" in said[0].text, describe(plan)


def test_every_fourth_week_of_a_block_is_easier_with_lighter_leg_days():
    profile = Profile(runs_per_week=3, weekly_km=20, leg_days_rule=MO_TH)
    # The block began 3 weeks before MONDAY (its first run), so MONDAY's week is its 4th.
    history = weeks_of([(1, 4.0, "easy"), (3, 4.0, "easy"), (6, 5.0, "long")], 3)
    plan = make_plan(profile, history)
    assert plan.easier_week, describe(plan)
    legs = planned(plan, "leg_day")
    assert legs and all((i.rpe or 10) <= 6 for i in legs)
    assert all("R-LEG-LIGHT" in rules(i) for i in legs)
    before = make_plan(profile, history[:-3], week_start=MONDAY - timedelta(weeks=1))
    assert not before.easier_week


def test_a_return_after_six_weeks_off_restarts_at_about_half_with_strides():
    history = weeks_of(BASE_30, 6, end=MONDAY - timedelta(weeks=6))
    plan = make_plan(Profile(runs_per_week=4, weekly_km=30), history)
    assert plan.phase == "return"
    assert plan.volume is not None and 0.5 * 30 <= plan.volume.cap_km <= 0.6 * 30 + 1e-9
    assert not planned(plan, "quality_run"), describe(plan)
    texts = " ".join(w.text for i in planned(plan, *RUNS) for w in i.why)
    assert "week without runs" not in texts
    assert "6 weeks without a run" in texts


def test_a_missed_long_run_does_not_cut_the_next_week_below_the_baseline():
    profile = Profile(runs_per_week=4, weekly_km=40)
    history = weeks_of(BASE_30, 5)  # so that the week after is a building week
    done_all = plan_week(profile, history, [], [], MONDAY, MONDAY)
    # The athlete does the week, but not its long run.
    week = [
        Run(date=i.date, minutes=i.minutes or 30, km=i.km or 5, kind="easy", rpe=4, id=900 + n)
        for n, i in enumerate(planned(done_all, *RUNS))
        if i.kind != "long_run"
    ]
    next_monday = MONDAY + timedelta(weeks=1)
    after = plan_week(profile, history + week, [], [], next_monday, next_monday)
    assert after.volume is not None and after.volume.baseline_km is not None
    assert not after.easier_week
    assert after.volume.cap_km >= after.volume.baseline_km, describe(after)


# -- the long run -----------------------------------------------------------------------------


def test_an_established_long_run_is_not_cut_to_its_share():
    marathoner = [(0, 8.0, "easy"), (2, 10.0, "easy"), (3, 8.0, "easy"), (4, 6.0, "easy")]
    history = weeks_of([*marathoner, (6, 21.0, "long")], 8)
    plan = make_plan(Profile(runs_per_week=5, weekly_km=53), history)
    (long_run,) = planned(plan, "long_run")
    assert long_run.km is not None and long_run.km >= 21.0, describe(plan)


def test_a_one_off_long_outing_is_not_an_established_long_run():
    base = weeks_of([(1, 5.0, "easy"), (3, 5.0, "easy"), (6, 6.0, "long")], 6)
    outing = [run(MONDAY - timedelta(days=15), km=20.0, kind="long")]
    plan = make_plan(Profile(runs_per_week=3, weekly_km=30), base + outing)
    for long_run in planned(plan, "long_run"):
        assert plan.volume is not None
        assert (long_run.km or 0) <= 0.40 * plan.volume.cap_km + 0.1, describe(plan)


# -- workouts and paces -----------------------------------------------------------------------


def test_a_quality_run_is_a_workout_with_warm_up_main_set_and_cool_down():
    plan = make_plan(Profile(runs_per_week=4, weekly_km=40), weeks_of(BASE_30, 6))
    quality = planned(plan, "quality_run")
    assert quality, describe(plan)
    for item in quality:
        assert item.workout is not None
        assert item.workout.type in ("tempo", "cruise", "intervals", "hills")
        assert item.workout.warmup_minutes >= 10 and item.workout.cooldown_minutes >= 10
        assert item.workout.main
        assert item.minutes is not None
        assert item.minutes >= item.workout.warmup_minutes + item.workout.cooldown_minutes + 10


def test_workouts_progress_from_tempo_to_cruise_to_intervals_over_a_block():
    profile = Profile(runs_per_week=4, weekly_km=40)
    history = weeks_of(BASE_30, 8)
    types = []
    for plan in plan_weeks(profile, history, [], [], MONDAY, MONDAY + timedelta(weeks=3), MONDAY):
        found = [i.workout.type for i in planned(plan, "quality_run") if i.workout]
        types.append((plan.easier_week, found[0] if found else None))
    building = [t for easier, t in types if not easier]
    assert {"tempo", "cruise", "intervals"} <= set(building), types
    assert all(t == "hills" for easier, t in types if easier and t), types


def test_paces_come_from_the_latest_race_by_riegel():
    race = Run(date=MONDAY - timedelta(days=10), minutes=25, km=5.0, kind="race", rpe=9, id=1)
    found = latest_result(TrainingHistory([race]), MONDAY)
    assert found == Result(race.date, 5.0, 25, True)
    # Riegel: T2 = T1 x (D2 / D1) ^ 1.06; 10 km from a 25:00 5K is 52:07.
    assert abs(found.minutes_for(10.0) - 25 * 2**1.06) < 1e-9
    history = weeks_of(BASE_30, 6) + [race]
    plan = make_plan(Profile(runs_per_week=4, weekly_km=40), history)
    paced = [i for i in planned(plan, "quality_run") if i.workout and i.workout.pace_s_per_km]
    assert paced, describe(plan)
    low, high = paced[0].workout.pace_s_per_km  # type: ignore[union-attr]
    five_k = 25 * 60 / 5  # 300 s a km
    assert low <= high
    if paced[0].workout.type in ("tempo", "cruise"):  # type: ignore[union-attr]
        # Threshold: the pace for 15 km to a half marathon, slower than 5K pace.
        assert five_k < low < high < five_k + 40
    else:
        assert abs((low + high) / 2 - five_k) <= 5


def test_without_a_result_workouts_go_by_heart_rate_and_effort():
    plan = make_plan(Profile(runs_per_week=4, weekly_km=40), weeks_of(BASE_30, 6))
    for item in planned(plan, "quality_run"):
        assert item.workout is not None and item.workout.pace_s_per_km is None
        assert item.hr_low is not None and item.hr_high is not None


def test_the_planners_own_workouts_never_set_the_paces():
    # A tempo run logged at the RPE the plan gives workouts (7) is not a result.
    tempo = Run(date=MONDAY - timedelta(days=3), minutes=40, km=8.0, kind="tempo", rpe=7, id=1)
    assert latest_result(TrainingHistory([tempo]), MONDAY) is None
    hard = Run(date=MONDAY - timedelta(days=3), minutes=40, km=8.0, kind="easy", rpe=9, id=2)
    assert latest_result(TrainingHistory([hard]), MONDAY) is not None


# -- lifting and running together -------------------------------------------------------------


def test_mon_thu_leg_days_leave_no_workout_day_and_the_plan_suggests_a_move():
    profile = Profile(runs_per_week=3, weekly_km=30, leg_days_rule=MO_TH)
    plan = make_plan(profile, weeks_of(BASE_30, 6))
    assert not planned(plan, "quality_run")
    assert [w.rule for w in plan.suggestions] == ["R-SPLIT"], describe(plan)
    text = plan.suggestions[0].text
    assert "leg day" in text and ("Tue" in text or "Wed" in text or "Fri" in text), text


def test_same_day_hard_puts_the_workout_on_the_morning_of_a_leg_day():
    profile = Profile(runs_per_week=3, weekly_km=30, leg_days_rule=MO_TH, same_day_hard=True)
    plan = make_plan(profile, weeks_of(BASE_30, 6))
    (quality,) = planned(plan, "quality_run")
    assert quality.date == day(3), describe(plan)  # Thursday, 72 h after Monday's legs
    assert "R-SAME-DAY" in rules(quality)
    assert "6 h" in " ".join(w.text for w in quality.why)
    # The day after still follows R-AFTER-LEG: no hard run on Friday.
    assert not [i for i in planned(plan, "long_run", "quality_run") if i.date == day(4)]
    assert not [w for w in plan.warnings if w.rule == "R-SAME-DAY"], describe(plan)


def test_leg_day_goes_lighter_on_a_sore_morning_and_says_which_muscles():
    profile = Profile(runs_per_week=3, weekly_km=30, leg_days_rule=MO_TH)
    checkin = CheckIn(date=day(3), soreness=5, quads=8)
    plan = make_plan(profile, weeks_of(BASE_30, 6), checkins=[checkin], today=day(3))
    (thursday,) = [i for i in planned(plan, "leg_day") if i.date == day(3)]
    assert (thursday.rpe or 10) <= 6
    light = [w for w in thursday.why if w.rule == "R-LEG-LIGHT"]
    assert light and "quads 8/10" in light[0].text, describe(plan)


def test_leg_day_goes_lighter_the_day_after_a_long_run_of_90_minutes():
    profile = Profile(runs_per_week=3, weekly_km=30, leg_days_rule="FREQ=WEEKLY;BYDAY=MO")
    long_run = Run(date=MONDAY - timedelta(days=1), minutes=100, km=16.0, kind="long", id=5)
    plan = make_plan(profile, [*weeks_of(BASE_30, 6), long_run])
    (monday,) = [i for i in planned(plan, "leg_day") if i.date == MONDAY]
    assert "R-LEG-LIGHT" in rules(monday) and (monday.rpe or 10) <= 6


# -- readiness --------------------------------------------------------------------------------


def test_a_tired_morning_turns_the_days_workout_easy_and_quotes_the_numbers():
    profile = Profile(runs_per_week=4, weekly_km=40)
    history = weeks_of(BASE_30, 6)
    base = make_plan(profile, history)
    quality = planned(base, "quality_run")[0]
    tired = CheckIn(date=quality.date, soreness=1, sleep=2, energy=2)
    plan = make_plan(profile, history, checkins=[tired], today=quality.date)
    on_the_day = [i for i in planned(plan, *RUNS) if i.date == quality.date]
    assert all(i.kind != "quality_run" for i in on_the_day), describe(plan)
    moved = planned(plan, "quality_run")
    assert all(i.date != quality.date for i in moved)


def test_a_tired_morning_cuts_the_long_run_by_about_a_fifth():
    profile = Profile(runs_per_week=4, weekly_km=40)
    history = weeks_of(BASE_30, 6)
    sunday = day(6)
    fresh = make_plan(profile, history, today=sunday)
    tired = make_plan(
        profile, history, checkins=[CheckIn(date=sunday, soreness=0, sleep=2)], today=sunday
    )
    (long_fresh,) = planned(fresh, "long_run")
    (long_tired,) = planned(tired, "long_run")
    assert abs((long_tired.km or 0) - 0.8 * (long_fresh.km or 0)) <= 0.2, describe(tired)
    said = [w for w in long_tired.why if w.rule == "R-READINESS"]
    assert said and "sleep 2/5" in said[0].text.lower()


def test_sore_calves_mean_no_run_that_day_and_the_words_name_them():
    profile = Profile(runs_per_week=4, weekly_km=40, cross=("bike", "swim"))
    history = weeks_of(BASE_30, 6)
    base = make_plan(profile, history)
    run_day = planned(base, "easy_run")[0].date
    sore = CheckIn(date=run_day, soreness=2, calves=6)
    plan = make_plan(profile, history, checkins=[sore], today=run_day)
    that_day = [i for i in items(plan) if i.date == run_day and i.status == "planned"]
    assert not [i for i in that_day if i.is_run], describe(plan)
    texts = " ".join(w.text for i in that_day for w in i.why) + " ".join(
        w.text for w in plan.warnings
    )
    assert "calves 6/10" in texts, describe(plan)
    cross = [i for i in that_day if i.kind == "cross_training"]
    assert all(i.activity == "swim" for i in cross)  # spares the calves


# -- days unavailable and minutes -------------------------------------------------------------


def test_days_unavailable_get_nothing_and_count_as_rest():
    profile = Profile(runs_per_week=4, weekly_km=30, unavailable=(1, 2))
    plan = make_plan(profile, weeks_of(BASE_30, 6))
    for offset in (1, 2):
        found = plan.day(day(offset))
        assert found is not None
        assert all(i.kind == "rest" for i in found.sessions), describe(plan)


def test_a_target_in_minutes_becomes_km_at_the_runners_easy_pace():
    history = weeks_of(BASE_30, 6)  # easy runs at 6:00 a km (the builders' pace)
    plan = make_plan(Profile(runs_per_week=4, weekly_km=99, weekly_minutes=150), history)
    assert plan.volume is not None and plan.volume.target_km == 25.0  # 150 min / 6 min a km
    assert plan.volume.cap_km <= 25.0


# -- R-STABLE ---------------------------------------------------------------------------------


def _do(plan, when: date, start_id: int) -> list:
    done = []
    for n, item in enumerate(i for i in planned(plan) if i.date == when):
        if item.is_run:
            kind = {"recovery_run": "recovery", "easy_run": "easy", "long_run": "long"}.get(
                item.kind, "tempo"
            )
            done.append(
                Run(
                    date=when,
                    minutes=item.minutes or 30,
                    km=item.km or 5,
                    kind=kind,
                    rpe=item.rpe,
                    id=start_id + n,
                )
            )
        elif item.kind == "leg_day":
            done.append(LegDay(date=when, minutes=60, rpe=item.rpe or 8, id=start_id + n))
    return done


def _promised(plan, after: date) -> list[tuple]:
    return [(i.date, i.kind, i.km) for i in planned(plan) if i.date > after]


def test_doing_what_was_planned_changes_nothing_ahead_this_week_or_next():
    profile = Profile(runs_per_week=4, weekly_km=40, leg_days_rule=MO_TH)
    history = weeks_of(BASE_30, 6)
    next_monday = MONDAY + timedelta(weeks=1)
    first = plan_week(profile, history, [], [], MONDAY, MONDAY)
    next_week = plan_week(profile, history, [], [], next_monday, MONDAY)
    for offset in range(7):
        today = day(offset)
        plan = plan_week(profile, history, [], [], MONDAY, today)
        assert _promised(plan, today) == _promised(first, today), describe(plan)
        history = history + _do(plan, today, 1000 + 10 * offset)
    again = plan_week(profile, history, [], [], next_monday, next_monday)
    assert _promised(again, next_monday - timedelta(days=1)) == _promised(
        next_week, next_monday - timedelta(days=1)
    )
    assert again.volume == next_week.volume


def test_a_missed_run_stays_on_its_day_as_skipped_and_is_not_made_up():
    profile = Profile(runs_per_week=4, weekly_km=40)
    history = weeks_of(BASE_30, 6)
    first = make_plan(profile, history)
    missed = min(planned(first, *RUNS), key=lambda i: i.date)
    later = missed.date + timedelta(days=1)
    plan = make_plan(profile, history, today=later)
    that_day = plan.day(missed.date)
    assert that_day is not None
    shown = [(i.kind, i.status) for i in that_day.sessions if i.is_run]
    assert shown == [(missed.kind, "skipped")], describe(plan)
    assert that_day.sessions[0].why[0].rule == "R-STABLE"
    # No catch-up: the runs ahead hold no more than the first plan gave them.
    ahead = sum(i.km or 0 for i in planned(plan, *RUNS))
    first_ahead = sum(i.km or 0 for i in planned(first, *RUNS) if i.date >= later)
    assert ahead <= first_ahead + 0.2, describe(plan)
