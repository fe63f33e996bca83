"""What the user's decisions about a planned item mean, as pins to take away and pins to add.

A pin is a decision the planner plans around (models.Pin). Skipping, moving or removing an item
that a pin of the user's put where it is changes that pin rather than stacking another on it:
removing an item the user added takes the addition back; moving a moved item moves it from its
first day, and moving an added one moves the addition; removing a moved item removes it from
both days (a removal at its first day alone would let the planner put it back where it was
moved to).

A skip is the one pin kept beside the pin that placed the item (so that unskipping gives back
exactly what was there), and it goes with the item: a skipped item that is moved is planned on
its new day, one that is removed leaves no skipped copy behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from msgspec import Struct

from legrun.planner.models import Pin


class PinEdit(Struct, frozen=True):
    """Pins to delete (by id) and pins to add, made together."""

    remove: tuple[int, ...] = ()
    add: tuple[Pin, ...] = ()


def own_pin(pins: Sequence[Pin], day: date, kind: str) -> Pin | None:
    """The user's pin that put an item of `kind` on `day` (added, skipped or moved there)."""
    return _placing(pins, day, kind) or _skip(pins, day, kind)


def _placing(pins: Sequence[Pin], day: date, kind: str) -> Pin | None:
    """The user's pin that put an item of `kind` on `day`: an addition there, or a move
    there from another day."""
    for pin in pins:
        placed_here = (pin.action == "add" and pin.date == day) or (
            pin.action == "move" and pin.to_date == day
        )
        if placed_here and pin.kind == kind and pin.id is not None:
            return pin
    return None


def _skip(pins: Sequence[Pin], day: date, kind: str) -> Pin | None:
    """The user's skip of the item of `kind` on `day`."""
    for pin in pins:
        if pin.action == "skip" and pin.date == day and pin.kind == kind and pin.id is not None:
            return pin
    return None


def _ids(*pins: Pin | None) -> tuple[int, ...]:
    return tuple(pin.id for pin in pins if pin is not None and pin.id is not None)


def skipping(
    pins: Sequence[Pin],
    day: date,
    kind: str,
    skipped: bool,
    minutes: int | None = None,
    km: float | None = None,
) -> PinEdit:
    """Skip the planned item of `kind` on `day`, keeping its size (a skipped run stays the run
    it was), or, when it is skipped already by the user, plan it again (whatever pin of the
    user's put it there stays)."""
    skip = _skip(pins, day, kind)
    if skipped:
        return PinEdit(remove=_ids(skip))
    if skip is not None:
        return PinEdit()  # skipped already: a second skip would change nothing
    return PinEdit(add=(Pin(date=day, kind=kind, action="skip", minutes=minutes, km=km),))


def moving(
    pins: Sequence[Pin],
    day: date,
    kind: str,
    to: date,
    minutes: int | None = None,
    km: float | None = None,
) -> PinEdit:
    """Move the planned item of `kind` on `day` to `to`, keeping its size. An item the user
    moved here before is moved from its first day (and back there, the move is undone); one
    the user added is added on `to` instead. A skipped item is planned again on its new day."""
    pin = _placing(pins, day, kind)
    skip = _skip(pins, day, kind)
    if pin is not None and pin.action == "move":
        if to == pin.date:
            return PinEdit(remove=_ids(pin, skip))
        moved = Pin(date=pin.date, kind=kind, action="move", to_date=to, minutes=minutes, km=km)
        return PinEdit(remove=_ids(pin, skip), add=(moved,))
    if pin is not None:  # an addition
        added = Pin(
            date=to,
            kind=kind,
            action="add",
            minutes=pin.minutes if minutes is None else minutes,
            km=pin.km if km is None else km,
        )
        return PinEdit(remove=_ids(pin, skip), add=(added,))
    return PinEdit(
        remove=_ids(skip),
        add=(Pin(date=day, kind=kind, action="move", to_date=to, minutes=minutes, km=km),),
    )


def removing(pins: Sequence[Pin], day: date, kind: str) -> PinEdit:
    """Take the planned item of `kind` off `day` (skipped or not)."""
    pin = _placing(pins, day, kind)
    skip = _skip(pins, day, kind)
    if pin is not None and pin.action == "add":
        return PinEdit(remove=_ids(pin, skip))
    if pin is not None:  # a move
        return PinEdit(
            remove=_ids(pin, skip),
            add=tuple(Pin(date=where, kind=kind, action="remove") for where in (pin.date, day)),
        )
    return PinEdit(remove=_ids(skip), add=(Pin(date=day, kind=kind, action="remove"),))


class MoveTargets(Struct, frozen=True):
    """For each day of the week an item could be moved to: why it cannot go there (`refused`),
    or the rule it would break there, to be said before and after (`warned`)."""

    refused: dict[date, str]
    warned: dict[date, str]


def move_targets(
    days: Sequence[tuple[date, Sequence[tuple[str, str]]]],
    kind: str,
    done: bool,
    today: date,
    unavailable: Sequence[int] = (),
) -> MoveTargets:
    """Where an item of `kind` may go among `days` (each a date and its items as (kind,
    status)). A planned item never goes to a day gone by (it would only show there as not
    done) nor to a day kept free; a logged one never to a day still to come. A run onto a leg
    day or beside another run, or a leg day beside a hard run, may go, with the rule said."""
    from legrun.planner.kinds import KINDS

    refused: dict[date, str] = {}
    warned: dict[date, str] = {}
    is_run = KINDS[kind].is_run
    for day, items in days:
        if done and day > today:
            refused[day] = "a logged session cannot move to a day still to come"
            continue
        if not done and day < today:
            refused[day] = "a day gone by: a planned session moved there would only be missed"
            continue
        if not done and day.weekday() in unavailable:
            refused[day] = "a day you keep free of training (your profile)"
            continue
        kinds = {k for k, status in items if status != "skipped"}
        if is_run and "leg_day" in kinds:
            warned[day] = "a leg day (R-SAME-DAY: keep them 6 h apart)"
        elif is_run and any(KINDS[k].is_run for k in kinds):
            warned[day] = "has a run already"
        elif kind == "leg_day" and any(KINDS[k].is_hard for k in kinds):
            warned[day] = "has a hard run (R-SAME-DAY)"
    return MoveTargets(refused, warned)
