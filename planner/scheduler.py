"""`plan_week`: one week of the plan, as the multi-week engine lays it out.

The planner lives in modules a newcomer can find by their names:
`volume` (how much a week holds, across weeks), `placement` (the week laid out: what is fixed,
then the runs placed and sized), `safety` (the table of rules that keep runs off days),
`workouts` (quality runs and paces), `adjustments` (check-ins, lighter leg days, finishing
touches), `split` (R-SPLIT suggestions), `engine` (the weeks in order, each a promise), and
`kinds` and `rules` (the tables of plan kinds and rule ids).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from legrun.planner.engine import plan_weeks
from legrun.planner.load import TrainingHistory
from legrun.planner.models import AnySession, CheckIn, Pin, Profile
from legrun.planner.placement import RECOVERY_SHARE
from legrun.planner.plan import WeekPlan
from legrun.planner.volume import NEW_RUNNER_LONGEST_KM
from legrun.planner.week_state import week_start_for

__all__ = ["NEW_RUNNER_LONGEST_KM", "RECOVERY_SHARE", "plan_week", "plan_weeks", "week_start_for"]


def plan_week(
    profile: Profile,
    history: TrainingHistory | Iterable[AnySession],
    checkins: Sequence[CheckIn],
    pins: Sequence[Pin],
    week_start: date,
    today: date,
    ticks: frozenset[tuple[date, str]] | set[tuple[date, str]] = frozenset(),
) -> WeekPlan:
    """Plan the seven days from `week_start`, given everything logged and decided so far.

    Deterministic: the same input gives the same plan. The weeks before it are planned first
    (from two weeks before the current one), each from the one before it as planned; days
    before `today` show what was logged and what had been planned. Pass a `TrainingHistory`
    to reuse its date index across calls (cheap for years of history).
    """
    (plan,) = plan_weeks(profile, history, checkins, pins, week_start, week_start, today, ticks)
    return plan
