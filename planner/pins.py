"""What the user's decisions about a planned item mean, as pins to take away and pins to add.

A pin is a decision the planner plans around (models.Pin). Skipping, moving or removing an item
that a pin of the user's put where it is changes that pin rather than stacking another on it:
removing an item the user added takes the addition back; moving a moved item moves it from its
first day; removing a moved item removes it from both days (a removal at its first day alone
would let the planner put it back where it was moved to).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from legrun.planner.models import Pin


@dataclass(frozen=True)
class PinEdit:
    """Pins to delete (by id) and pins to add, made together."""

    remove: tuple[int, ...] = ()
    add: tuple[Pin, ...] = ()


def own_pin(pins: Sequence[Pin], day: date, kind: str) -> Pin | None:
    """The user's pin that put an item of `kind` on `day` (added, skipped or moved there)."""
    for pin in pins:
        placed_here = (pin.action in ("add", "skip") and pin.date == day) or (
            pin.action == "move" and pin.to_date == day
        )
        if placed_here and pin.kind == kind and pin.id is not None:
            return pin
    return None


def skipping(pins: Sequence[Pin], day: date, kind: str, skipped: bool) -> PinEdit:
    """Skip the planned item of `kind` on `day`, or, when it is skipped already by the user,
    plan it again."""
    pin = own_pin(pins, day, kind)
    if skipped:
        if pin is not None and pin.action == "skip" and pin.id is not None:
            return PinEdit(remove=(pin.id,))
        return PinEdit()
    return PinEdit(add=(Pin(date=day, kind=kind, action="skip"),))


def moving(
    pins: Sequence[Pin],
    day: date,
    kind: str,
    to: date,
    minutes: int | None = None,
    km: float | None = None,
) -> PinEdit:
    """Move the planned item of `kind` on `day` to `to`, keeping its size. An item the user
    moved here before is moved from its first day (and back there, the move is undone)."""
    pin = own_pin(pins, day, kind)
    if pin is not None and pin.action == "move" and pin.id is not None:
        if to == pin.date:
            return PinEdit(remove=(pin.id,))
        moved = Pin(date=pin.date, kind=kind, action="move", to_date=to, minutes=minutes, km=km)
        return PinEdit(remove=(pin.id,), add=(moved,))
    return PinEdit(
        add=(Pin(date=day, kind=kind, action="move", to_date=to, minutes=minutes, km=km),)
    )


def removing(pins: Sequence[Pin], day: date, kind: str) -> PinEdit:
    """Take the planned item of `kind` off `day`."""
    pin = own_pin(pins, day, kind)
    if pin is not None and pin.id is not None:
        if pin.action == "add":
            return PinEdit(remove=(pin.id,))
        if pin.action == "move":
            return PinEdit(
                remove=(pin.id,),
                add=tuple(Pin(date=where, kind=kind, action="remove") for where in (pin.date, day)),
            )
    return PinEdit(add=(Pin(date=day, kind=kind, action="remove"),))
