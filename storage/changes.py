"""Changes to what is stored, as values that can be made, taken back and made again.

Each change is a small frozen record of what the user did (log a session, tick an item, move a
planned run). `Repository.apply(change)` makes it in one write transaction and returns the
change that takes it back; applying that returns the change once more. The app keeps these
on its undo and redo stacks, so `u` and `U` work the same way for everything that is saved.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

from msgspec import Struct
from msgspec.structs import replace

from legrun.planner.goal import Goal
from legrun.planner.models import AnySession, CheckIn, Pin, Profile
from legrun.storage.database import StorageError

if TYPE_CHECKING:
    from legrun.storage.repository import Repository


class Change(Protocol):
    def apply(self, repo: Repository) -> Change:
        """Make the change (inside the transaction `Repository.apply` opened); return its
        inverse."""
        ...


class AddSession(Struct, frozen=True):
    session: AnySession

    def apply(self, repo: Repository) -> Change:
        return DeleteSession(repo.add_session(self.session))


class DeleteSession(Struct, frozen=True):
    session_id: int

    def apply(self, repo: Repository) -> Change:
        deleted = repo.delete_session(self.session_id)
        if deleted is None:
            raise StorageError(f"session {self.session_id} is no longer there (deleted elsewhere?)")
        return AddSession(deleted)  # with its id, so a redo deletes the same session


class ReplaceSession(Struct, frozen=True):
    """An edit of a logged session (same id)."""

    session: AnySession

    def apply(self, repo: Repository) -> Change:
        return ReplaceSession(repo.replace_session(self.session))


class MoveSession(Struct, frozen=True):
    session_id: int
    to: date

    def apply(self, repo: Repository) -> Change:
        before = repo.move_session(self.session_id, self.to)
        return MoveSession(self.session_id, before.date)


class SaveCheckIn(Struct, frozen=True):
    checkin: CheckIn

    def apply(self, repo: Repository) -> Change:
        before = repo.save_checkin(self.checkin)
        return DeleteCheckIn(self.checkin.date) if before is None else SaveCheckIn(before)


class DeleteCheckIn(Struct, frozen=True):
    day: date

    def apply(self, repo: Repository) -> Change:
        before = repo.delete_checkin(self.day)
        return Together(()) if before is None else SaveCheckIn(before)


class Tick(Struct, frozen=True):
    """Tick (or untick) one item of a day's checklist."""

    day: date
    item: str
    done: bool

    def apply(self, repo: Repository) -> Change:
        before = repo.set_tick(self.day, self.item, self.done)
        return Tick(self.day, self.item, before)


class ChangePins(Struct, frozen=True):
    """Take some of the user's decisions about the plan away and make others."""

    remove: tuple[int, ...] = ()
    add: tuple[Pin, ...] = ()

    def apply(self, repo: Repository) -> Change:
        removed, added = repo.change_pins(self.remove, self.add)
        if len(removed) < len(self.remove):
            raise StorageError("that change to the plan is no longer there (changed elsewhere?)")
        # The new pins are taken back by their ids; the removed ones come back with theirs.
        return ChangePins(remove=tuple(added), add=tuple(removed))


class SaveProfile(Struct, frozen=True):
    """Store a profile; None goes back to the defaults."""

    profile: Profile | None

    def apply(self, repo: Repository) -> Change:
        before = repo.reset_profile() if self.profile is None else repo.save_profile(self.profile)
        return SaveProfile(None if before.is_default else before)


class SaveGoal(Struct, frozen=True):
    """Set the goal race; None clears it."""

    goal: Goal | None

    def apply(self, repo: Repository) -> Change:
        before = repo.clear_goal() if self.goal is None else repo.save_goal(self.goal)
        return SaveGoal(before)


class Together(Struct, frozen=True):
    """Several changes as one: all of them are made, or none."""

    changes: tuple[Change, ...]

    def apply(self, repo: Repository) -> Change:
        inverses = [change.apply(repo) for change in self.changes]
        return Together(tuple(reversed(inverses)))


def saving(session: AnySession, replaces: AnySession | None = None) -> Change:
    """The change that stores a session from a form: an edit of `replaces` when it is a stored
    session, else a new one."""
    if replaces is not None and replaces.id is not None:
        return ReplaceSession(replace(session, id=replaces.id))
    return AddSession(session)
