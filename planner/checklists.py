"""Checklists: warm-up, fuel and after-care for each day, built from its sessions.

Item ids are stable (`warmup`, `protein`, ...) so a tick stored for a day stays attached to the
same advice when the plan around it changes.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date

from legrun.planner.plan import RUN_PLAN_KINDS, ChecklistItem, PlanItem

# id -> (when, text). The order here is the order shown.
ITEMS: dict[str, tuple[str, str]] = {
    "fluids": (
        "before",
        "Drink well ahead (about 5-7 mL per kg some 4 h before), then sips in the last hour",
    ),
    "carbs": ("before", "Small carb snack 1-3 h before: a banana, toast or oatmeal"),
    "warmup": (
        "before",
        "Dynamic warm-up, 5-10 min: leg swings, walking lunges, bodyweight "
        "squats, butt kicks, high knees",
    ),
    "leg_warmup": ("before", "Warm up with light sets of the first lift before the work sets"),
    "form": (
        "during",
        "Conversational effort; land mid-foot under the hips with short quick "
        "steps, tall posture, arms bent close to your sides",
    ),
    "pain": ("during", "Slow down or stop if a pain is sharp rather than a dull ache"),
    "cooldown": ("after", "Cool down with 5-10 min of walking"),
    "stretch": (
        "after",
        "Static stretches for quads, hamstrings, glutes and calves, each held 20-30 s, 2-4 times",
    ),
    "protein": ("after", "20-40 g of protein with carbs soon after (within about 30 min)"),
    "rehydrate": ("after", "Rehydrate; add electrolytes if you sweated heavily"),
    "foam_roll": ("after", "Foam roll the sore spots, 5-10 min"),
    "cold_water": (
        "after",
        "A cold-water soak is fine after a hard run (not right after "
        "lifting: it blunts strength gains)",
    ),
    "checkin_tomorrow": ("after", "Do the soreness check-in tomorrow morning"),
    "race_fuel": (
        "before",
        "Race breakfast 3-4 h before, the carbs you trained with; nothing new on race day",
    ),
    "race_warmup": (
        "before",
        "Warm up 10-15 min easy with 4 strides, finishing 10 min before the start",
    ),
    "race_pacing": (
        "during",
        "Start at your planned pace, not faster; even effort, and push only in the last part",
    ),
    "mobility": ("during", "Easy mobility: foam rolling and gentle stretching, no training load"),
}

_RUN = (
    "fluids",
    "carbs",
    "warmup",
    "form",
    "pain",
    "cooldown",
    "stretch",
    "protein",
    "rehydrate",
    "foam_roll",
)
_HARD_RUN = _RUN + ("cold_water",)
_LEG_DAY = (
    "fluids",
    "carbs",
    "leg_warmup",
    "pain",
    "stretch",
    "protein",
    "rehydrate",
    "foam_roll",
    "checkin_tomorrow",
)
_RACE = (
    "fluids",
    "race_fuel",
    "race_warmup",
    "race_pacing",
    "pain",
    "cooldown",
    "protein",
    "rehydrate",
    "checkin_tomorrow",
)
_CROSS = ("fluids", "warmup", "pain", "stretch", "rehydrate")
_MOBILITY = ("mobility",)
_WHEN = ("before", "during", "after")


def session_checklist(item: PlanItem) -> tuple[str, ...]:
    """The checklist ids a session calls for: before, during and after."""
    if item.kind == "race":
        return _RACE
    if item.is_hard:
        return _HARD_RUN
    if item.kind in RUN_PLAN_KINDS:
        return _RUN
    if item.kind == "leg_day":
        return _LEG_DAY
    if item.kind == "cross_training":
        return _CROSS
    if item.kind == "mobility":
        return _MOBILITY
    return ()


def day_checklist(
    day: date, items: Iterable[PlanItem], ticks: frozenset[tuple[date, str]] | set[tuple[date, str]]
) -> tuple[ChecklistItem, ...]:
    """One checklist for the day: the union of what its sessions call for, in a fixed order."""
    wanted: set[str] = set()
    for item in items:
        if item.status != "skipped":
            wanted.update(session_checklist(item))
    keys = _ordered(frozenset(wanted))
    done = frozenset(key for key in keys if (day, key) in ticks) if ticks else frozenset()
    return _checklist(keys, done)


@functools.lru_cache(maxsize=64)
def _ordered(wanted: frozenset[str]) -> tuple[str, ...]:
    return tuple(
        sorted((key for key in ITEMS if key in wanted), key=lambda key: _WHEN.index(ITEMS[key][0]))
    )


@functools.lru_cache(maxsize=256)
def _checklist(keys: tuple[str, ...], done: frozenset[str]) -> tuple[ChecklistItem, ...]:
    # The same few checklists recur on every day of every week planned: made once each (their
    # items are frozen, so days may share them).
    return tuple(
        ChecklistItem(id=key, when=ITEMS[key][0], text=ITEMS[key][1], done=key in done)
        for key in keys
    )
