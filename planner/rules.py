"""The rule ids the plan cites (part of the output contract) and what each one says.

The ids and their one-line summaries are the README's "How the planner decides"; a test keeps
the two in step.
"""

from __future__ import annotations

from enum import StrEnum


class RuleId(StrEnum):
    """A coaching rule, by the id the plan shows beside what it placed."""

    REST = "R-REST"
    SAME_DAY = "R-SAME-DAY"
    AFTER_LEG = "R-AFTER-LEG"
    H48 = "R-48H"
    SORENESS = "R-SORENESS"
    CROSS = "R-CROSS"
    SPIKE = "R-SPIKE"
    LONG = "R-LONG"
    HARD_EASY = "R-HARD-EASY"
    MOBILITY = "R-MOBILITY"
    EASY_WEEK = "R-EASY-WEEK"
    QUALITY = "R-QUALITY"
    SPLIT = "R-SPLIT"
    LEG_LIGHT = "R-LEG-LIGHT"
    READINESS = "R-READINESS"
    STABLE = "R-STABLE"
    GOAL = "R-GOAL"
    TAPER = "R-TAPER"


SUMMARIES: dict[RuleId, str] = {
    RuleId.REST: "a full rest day every week",
    RuleId.SAME_DAY: "no run on a leg day (unless you opt in to same-day hard days)",
    RuleId.AFTER_LEG: "the day after a moderate or heavy leg day only a recovery run at "
    "60-70 % of max HR (or an easy spin)",
    RuleId.H48: "no long or quality run within 48 h of a heavy leg day",
    RuleId.SORENESS: "a 7-10 morning means rest and mobility, 4-6 means cross-training; "
    "calves or hamstrings at 6 or more mean no run that day",
    RuleId.CROSS: "a run that cannot be placed safely becomes cross-training of the same "
    "minutes, never dropped without a word",
    RuleId.SPIKE: "the week builds 10 % on last week (a week done as planned is its plan), from "
    "your 4-week baseline and never over 1.3 x it; no run over 110 % of your longest in 30 days",
    RuleId.LONG: "the long run on your long-run day unless that breaks R-48H, growing at most "
    "10 % on your longest of 4 weeks and within its share of the week",
    RuleId.HARD_EASY: "never two hard runs back to back",
    RuleId.MOBILITY: "foam rolling and stretching after leg days",
    RuleId.EASY_WEEK: "every 4th week, and after a spike, an easier week: 20-30 % less running, "
    "lighter leg days",
    RuleId.QUALITY: "about 80 % easy; at most one workout a week with 3 runs or fewer, two with "
    "4 or more, and none in a new runner's first 3 weeks or the first 2 back (strides instead)",
    RuleId.SPLIT: "when the leg days leave no day for a workout, the smallest change that would "
    "make room, as a suggestion",
    RuleId.LEG_LIGHT: "a lighter leg day when legs are sore, in an easier week or after a long "
    "run of 90 min or more",
    RuleId.READINESS: "sleep or energy of 2 or less turns a workout easy and cuts a long run by "
    "about 20 %",
    RuleId.STABLE: "doing what was planned changes nothing else; plans change when you deviate",
    RuleId.GOAL: "with a goal race, base, build, peak, taper, race week and recovery, the long "
    "run growing towards the distance's peak and the lifting folded in",
    RuleId.TAPER: "the taper cuts volume 40-60 % and keeps intensity; the last heavy leg day 7 "
    "days before the race (10 for a marathon), none in the last 4",
}
