"""What skipping, moving and removing a planned item means as pins (planner/pins.py): the
pins the day screen deletes and adds, and, given to the planner, the plan the user meant."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest
from msgspec.structs import replace

from legrun.planner.models import Pin, Profile
from legrun.planner.pins import PinEdit, moving, own_pin, removing, skipping
from legrun.planner.plan import WeekPlan
from tests.planner.builders import MONDAY, day, describe, items, make_plan, steady_runs

HISTORY = steady_runs(MONDAY)
SUNDAY, FRIDAY, SATURDAY = day(6), day(4), day(5)
D0, D1, D2 = day(1), day(2), day(3)  # Tuesday, Wednesday, Thursday


def stored(*pins: Pin) -> list[Pin]:
    """Pins as the repository gives them back: each with its id (1, 2, ... in order)."""
    return [replace(p, id=i + 1) for i, p in enumerate(pins)]


def after(pins: Sequence[Pin], edit: PinEdit) -> list[Pin]:
    """The pins once `edit` is stored: its removals deleted, its additions given new ids."""
    kept = [p for p in pins if p.id not in edit.remove]
    assert len(kept) == len(pins) - len(edit.remove), "the edit removes a pin that is not there"
    next_id = max((p.id or 0 for p in pins), default=0) + 1
    return kept + [replace(p, id=next_id + i) for i, p in enumerate(edit.add)]


def layout(plan: WeekPlan) -> list[tuple[date, list[tuple[str, str]]]]:
    """Each day's items by kind and status: what the week screen shows."""
    return [(d.date, [(i.kind, i.status) for i in d.sessions]) for d in plan.days]


def plan(pins: Sequence[Pin] = ()) -> WeekPlan:
    return make_plan(Profile(), HISTORY, pins=pins)


def where(found: WeekPlan, kind: str, status: str | None = None) -> list[date]:
    """The days holding an item of `kind` (once per item, so a duplicate shows twice)."""
    return [i.date for i in items(found, kind, status=status)]


# -- the edits themselves ---------------------------------------------------------------------


def test_skipping_a_planned_item_adds_a_skip_pin() -> None:
    assert skipping([], D0, "easy_run", skipped=False) == PinEdit(
        add=(Pin(date=D0, kind="easy_run", action="skip"),)
    )


def test_unskipping_takes_the_users_skip_away() -> None:
    pins = stored(Pin(date=D0, kind="easy_run", action="skip"))
    assert skipping(pins, D0, "easy_run", skipped=True) == PinEdit(remove=(1,))


def test_unskipping_an_item_no_pin_of_the_users_skipped_changes_nothing() -> None:
    # (A recurring leg day the planner shows skipped for another reason, say.)
    assert skipping([], D0, "leg_day", skipped=True) == PinEdit()


def test_skipping_an_item_skipped_already_adds_no_second_skip() -> None:
    pins = stored(Pin(date=D0, kind="easy_run", action="skip"))
    assert skipping(pins, D0, "easy_run", skipped=False) == PinEdit()


def test_unskipping_a_moved_item_takes_the_skip_away_and_keeps_the_move() -> None:
    pins = stored(
        Pin(date=D0, kind="easy_run", action="move", to_date=D1),
        Pin(date=D1, kind="easy_run", action="skip"),
    )
    assert skipping(pins, D1, "easy_run", skipped=True) == PinEdit(remove=(2,))


def test_moving_a_planned_item_keeps_its_size() -> None:
    edit = moving([], D0, "easy_run", D1, minutes=40, km=6.5)
    assert edit == PinEdit(
        add=(Pin(date=D0, kind="easy_run", action="move", to_date=D1, minutes=40, km=6.5),)
    )


def test_moving_a_moved_item_moves_it_from_its_first_day() -> None:
    pins = stored(Pin(date=D0, kind="long_run", action="move", to_date=D1))
    edit = moving(pins, D1, "long_run", D2, minutes=60, km=10.0)
    assert edit == PinEdit(
        remove=(1,),
        add=(Pin(date=D0, kind="long_run", action="move", to_date=D2, minutes=60, km=10.0),),
    )


def test_moving_a_moved_item_back_to_its_first_day_takes_the_move_away() -> None:
    pins = stored(Pin(date=D0, kind="long_run", action="move", to_date=D1))
    assert moving(pins, D1, "long_run", D0, minutes=60, km=10.0) == PinEdit(remove=(1,))


def test_moving_an_added_item_moves_the_addition() -> None:
    pins = stored(Pin(date=D0, kind="easy_run", action="add", minutes=45, km=7.0))
    assert moving(pins, D0, "easy_run", D2, minutes=45, km=7.0) == PinEdit(
        remove=(1,), add=(Pin(date=D2, kind="easy_run", action="add", minutes=45, km=7.0),)
    )


def test_moving_a_skipped_item_plans_it_on_its_new_day() -> None:
    pins = stored(Pin(date=D0, kind="easy_run", action="skip"))
    assert moving(pins, D0, "easy_run", D1, minutes=40, km=6.5) == PinEdit(
        remove=(1,),
        add=(Pin(date=D0, kind="easy_run", action="move", to_date=D1, minutes=40, km=6.5),),
    )


def test_removing_a_planned_item_adds_a_removal() -> None:
    assert removing([], D0, "quality_run") == PinEdit(
        add=(Pin(date=D0, kind="quality_run", action="remove"),)
    )


def test_removing_an_added_item_takes_the_addition_away() -> None:
    pins = stored(Pin(date=D0, kind="easy_run", action="add", km=7.0))
    assert removing(pins, D0, "easy_run") == PinEdit(remove=(1,))


def test_removing_a_moved_item_removes_it_from_both_days() -> None:
    pins = stored(Pin(date=D0, kind="quality_run", action="move", to_date=D1))
    assert removing(pins, D1, "quality_run") == PinEdit(
        remove=(1,),
        add=(
            Pin(date=D0, kind="quality_run", action="remove"),
            Pin(date=D1, kind="quality_run", action="remove"),
        ),
    )


def test_removing_a_skipped_item_takes_the_skip_away_too() -> None:
    pins = stored(Pin(date=D0, kind="easy_run", action="skip"))
    assert removing(pins, D0, "easy_run") == PinEdit(
        remove=(1,), add=(Pin(date=D0, kind="easy_run", action="remove"),)
    )


def test_removing_a_skipped_addition_takes_both_pins_away() -> None:
    pins = stored(
        Pin(date=D0, kind="easy_run", action="add", km=7.0),
        Pin(date=D0, kind="easy_run", action="skip"),
    )
    edit = removing(pins, D0, "easy_run")
    assert sorted(edit.remove) == [1, 2] and edit.add == ()


OTHERS = [
    Pin(date=D0, kind="cross_training", action="add"),  # another kind, same day
    Pin(date=D1, kind="easy_run", action="add"),  # same kind, another day
    Pin(date=D1, kind="easy_run", action="skip"),
    Pin(date=D0, kind="easy_run", action="move", to_date=D2),  # moved away from the day
    Pin(date=D2, kind="easy_run", action="move", to_date=D1),  # moved to another day
    Pin(date=D0, kind="easy_run", action="remove"),  # not something that puts it there
]


@pytest.mark.parametrize("other", OTHERS, ids=lambda p: f"{p.kind}-{p.action}-{p.date:%a}")
def test_pins_of_another_kind_or_day_are_ignored(other: Pin) -> None:
    pins = stored(other)
    assert own_pin(pins, D0, "easy_run") is None
    assert skipping(pins, D0, "easy_run", False) == skipping([], D0, "easy_run", False)
    assert skipping(pins, D0, "easy_run", True) == PinEdit()
    assert moving(pins, D0, "easy_run", SATURDAY, 40, 6.0) == moving(
        [], D0, "easy_run", SATURDAY, 40, 6.0
    )
    assert removing(pins, D0, "easy_run") == removing([], D0, "easy_run")


def test_a_pin_not_stored_yet_has_no_id_and_is_not_taken_as_the_users() -> None:
    unsaved = [Pin(date=D0, kind="easy_run", action="add")]
    assert own_pin(unsaved, D0, "easy_run") is None
    assert removing(unsaved, D0, "easy_run") == removing([], D0, "easy_run")


# -- with the planner: the plan the user meant ------------------------------------------------


def test_the_week_has_a_long_run_on_sunday_and_an_easy_run_on_wednesday() -> None:
    # What the tests below start from (the default profile, three runs a week).
    base = plan()
    assert where(base, "long_run") == [SUNDAY], describe(base)
    assert where(base, "easy_run") == [D1], describe(base)


def test_skip_then_unskip_gives_the_plan_back() -> None:
    base = plan()
    skipped = after([], skipping([], D1, "easy_run", False))
    shown = plan(skipped)
    assert where(shown, "easy_run") == [D1] and where(shown, "easy_run", "skipped") == [D1]
    unskipped = after(skipped, skipping(skipped, D1, "easy_run", True))
    assert unskipped == []
    assert layout(plan(unskipped)) == layout(base)


def test_a_moved_run_sits_on_its_new_day_only() -> None:
    pins = after([], moving([], D1, "easy_run", D2, 40, 6.9))
    shown = plan(pins)
    assert where(shown, "easy_run") == [D2], describe(shown)
    assert [i.km for i in items(shown, "easy_run")] == [6.9]


def test_a_long_run_moved_twice_sits_on_the_last_day_chosen_once() -> None:
    first = after([], moving([], SUNDAY, "long_run", FRIDAY, 60, 8.0))
    assert where(plan(first), "long_run") == [FRIDAY]
    second = after(first, moving(first, FRIDAY, "long_run", SATURDAY, 60, 8.0))
    shown = plan(second)
    assert where(shown, "long_run") == [SATURDAY], describe(shown)
    assert len(second) == 1 and second[0].date == SUNDAY  # moved from its first day
    assert not [w for w in shown.warnings if w.rule == "R-HARD-EASY"], describe(shown)


def test_a_run_moved_back_to_its_first_day_is_planned_as_before() -> None:
    first = after([], moving([], SUNDAY, "long_run", FRIDAY, 60, 8.0))
    back = after(first, moving(first, FRIDAY, "long_run", SUNDAY, 60, 8.0))
    assert back == []
    assert layout(plan(back)) == layout(plan())


def test_a_removed_moved_run_is_on_neither_day() -> None:
    moved = after([], moving([], D1, "easy_run", D2, 40, 6.9))
    removed = after(moved, removing(moved, D2, "easy_run"))
    shown = plan(removed)
    assert not {D1, D2} & {i.date for i in items(shown) if i.is_run}, describe(shown)


def test_a_removed_addition_gives_the_plan_back() -> None:
    added = stored(Pin(date=D0, kind="easy_run", action="add", km=7.0))
    assert where(plan(added), "easy_run").count(D0) == 1
    removed = after(added, removing(added, D0, "easy_run"))
    assert layout(plan(removed)) == layout(plan())


def test_an_added_run_moved_sits_on_its_new_day_once() -> None:
    added = stored(Pin(date=D0, kind="easy_run", action="add", minutes=42, km=7.0))
    moved = after(added, moving(added, D0, "easy_run", D2, 42, 7.0))
    shown = plan(moved)
    assert D0 not in where(shown, "easy_run"), describe(shown)
    assert [(i.date, i.km) for i in items(shown, "easy_run") if i.pinned] == [(D2, 7.0)]


def test_a_removed_skipped_run_is_gone_from_its_day() -> None:
    skipped = after([], skipping([], D1, "easy_run", False))
    removed = after(skipped, removing(skipped, D1, "easy_run"))
    shown = plan(removed)
    assert D1 not in {i.date for i in items(shown) if i.is_run}, describe(shown)


def test_a_skipped_run_moved_is_planned_on_its_new_day_only() -> None:
    skipped = after([], skipping([], D1, "easy_run", False))
    moved = after(skipped, moving(skipped, D1, "easy_run", D2, 40, 6.9))
    shown = plan(moved)
    assert where(shown, "easy_run") == [D2], describe(shown)
    assert where(shown, "easy_run", "planned") == [D2]


def test_a_moved_run_skipped_then_unskipped_is_planned_on_its_new_day_again() -> None:
    moved = after([], moving([], SUNDAY, "long_run", FRIDAY, 60, 8.0))
    skipped = after(moved, skipping(moved, FRIDAY, "long_run", False))
    unskipped = after(skipped, skipping(skipped, FRIDAY, "long_run", True))
    assert unskipped == moved
    assert layout(plan(unskipped)) == layout(plan(moved))


def test_a_moved_run_skipped_shows_once_as_skipped() -> None:
    moved = after([], moving([], SUNDAY, "long_run", FRIDAY, 60, 8.0))
    skipped = after(moved, skipping(moved, FRIDAY, "long_run", False))
    shown = plan(skipped)
    assert [(i.date, i.status) for i in items(shown, "long_run")] == [(FRIDAY, "skipped")], (
        describe(shown)
    )
