"""Adding things: choose a kind, fill its form, save, re-plan; every save can be undone."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legrun.planner.kinds import run_kind_for
from legrun.planner.models import AnySession, CheckIn, CrossTraining, LegDay, Run
from legrun.planner.plan import PlanItem
from legrun.storage import StorageError

if TYPE_CHECKING:
    from legrun.tui.application import LegrunApp

KINDS = (("leg", "l  Leg day"), ("run", "r  Run"), ("cross", "x  Cross-training"))


class AddKindScreen(ModalScreen[str | None]):
    """Which kind of session to log."""

    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="add.cancel"),
        Binding("l", "dismiss('leg')", "Leg day", show=False, id="add.leg"),
        Binding("r", "dismiss('run')", "Run", show=False, id="add.run"),
        Binding("x", "dismiss('cross')", "Cross-training", show=False, id="add.cross"),
    ]

    def __init__(self, day: date) -> None:
        super().__init__()
        self.day = day

    def compose(self) -> ComposeResult:
        with Vertical(classes="form chooser"):
            yield Static(f"Add to {self.day:%a %d %b}", classes="form-title")
            yield OptionList(*(Option(label, id=key) for key, label in KINDS), id="kinds")
            yield Static("l r x or enter to choose · esc cancel", classes="form-keys")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)


def save_session(
    app: LegrunApp, session: AnySession | None, replaces: AnySession | None = None
) -> None:
    """Store a session from a form (or an edit of one), re-plan, and offer undo."""
    if session is None:
        return
    repo = app.repository
    try:
        if replaces is not None and replaces.id is not None:
            from dataclasses import replace

            edited = replace(session, id=replaces.id)
            repo.replace_session(edited)
            app.push_undo(f"edit of {describe(replaces)}", lambda: repo.replace_session(replaces))
            message = f"Saved {describe(edited)}"
        else:
            new_id = repo.add_session(session)
            app.push_undo(f"logging {describe(session)}", lambda: repo.delete_session(new_id))
            message = f"Logged {describe(session)}"
    except StorageError as exc:
        app.notify(f"Not saved: {exc}", severity="error")
        return
    app.data_changed()
    app.notify(message, timeout=3)


def delete_logged(app: LegrunApp, session_id: int, what: str) -> None:
    """Delete a logged session, re-plan, and offer undo (which restores it, id and all)."""
    repo = app.repository
    try:
        deleted = repo.delete_session(session_id)
    except StorageError as exc:
        app.notify(f"Not deleted: {exc}", severity="error")
        return
    if deleted is not None:
        app.push_undo(f"delete of {what}", lambda: repo.add_session(deleted))
    app.data_changed()
    app.notify(f"Deleted {what} (u undoes)", timeout=3)


def describe(session: AnySession) -> str:
    if isinstance(session, LegDay):
        what = "leg day"
    elif isinstance(session, Run):
        what = f"{session.km:g} km run"
    else:
        what = session.activity
    return f"{what} on {session.date:%a %d %b}"


def open_form(
    app: LegrunApp,
    kind: str,
    day: date,
    item: PlanItem | None = None,
    session: AnySession | None = None,
) -> None:
    """Open the form for `kind`, prefilled from a planned item or an existing session."""
    from legrun.tui.screens.cross_form import CrossForm
    from legrun.tui.screens.leg_day_form import LegDayForm
    from legrun.tui.screens.run_form import RunForm

    def done(result: AnySession | None) -> None:
        save_session(app, result, replaces=session)

    if kind == "leg":
        app.push_screen(
            LegDayForm(
                app.today,
                day,
                app.repository.exercise_names(),
                minutes=(item.minutes if item and item.minutes else 60),
                session=session if isinstance(session, LegDay) else None,
            ),
            done,
        )
    elif kind == "run":
        run_kind = run_kind_for(
            item.kind if item else "", item.workout.type if item and item.workout else None
        )
        app.push_screen(
            RunForm(
                app.today,
                day,
                km=item.km if item else None,
                minutes=item.minutes if item else None,
                kind=run_kind,
                session=session if isinstance(session, Run) else None,
            ),
            done,
        )
    else:
        app.push_screen(
            CrossForm(
                app.today,
                day,
                activity=(item.activity if item and item.activity else "bike"),
                minutes=item.minutes if item else None,
                session=session if isinstance(session, CrossTraining) else None,
            ),
            done,
        )


def start_add(app: LegrunApp, day: date) -> None:
    def chosen(kind: str | None) -> None:
        if kind:
            open_form(app, kind, day)

    app.push_screen(AddKindScreen(day), chosen)


def start_checkin(app: LegrunApp, day: date) -> None:
    from legrun.tui.screens.checkin_form import CheckInForm

    repo = app.repository
    existing = repo.checkins(day, day)
    previous = existing[0] if existing else None

    def done(result: CheckIn | None) -> None:
        if result is None:
            return
        before = repo.checkins(result.date, result.date)
        try:
            repo.save_checkin(result)
        except StorageError as exc:
            app.notify(f"Not saved: {exc}", severity="error")
            return

        def undo() -> None:
            if before:
                repo.save_checkin(before[0])
            else:
                repo.delete_checkin(result.date)

        app.push_undo(f"check-in of {result.date:%a %d %b}", undo)
        app.data_changed()
        app.notify(
            f"Check-in saved: soreness {result.overall}/10. The week is re-planned.", timeout=4
        )

    app.push_screen(CheckInForm(app.today, day, previous), done)
