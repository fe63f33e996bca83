"""What the add, edit and check-in keys start: a form, prefilled from the plan or the stored
record, whose result is saved through `LegrunApp.change` (so it can be undone)."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from msgspec.structs import replace

from legrun.planner.kinds import KINDS, run_kind_for
from legrun.planner.models import AnySession, CheckIn, CrossTraining, Exercise, LegDay, Run
from legrun.planner.plan import PlanItem, plan_kind_of
from legrun.storage import StorageError
from legrun.storage.changes import DeleteSession, SaveCheckIn, saving
from legrun.tui.text import session_details, session_words, soreness_words

if TYPE_CHECKING:
    from legrun.tui.application import LegrunApp
    from legrun.tui.screens.form import FormScreen


def save_session(app: LegrunApp, session: AnySession, replaces: AnySession | None = None) -> None:
    """Store a session from a form (or an edit of one), re-plan, and offer undo; the form's
    draft goes in the same transaction. Refused (a full disk, a locked file), the form opens
    again with what was typed and its draft stays; an edit of a session deleted meanwhile in
    another window is offered as a new entry."""
    units = app.repository.profile().units
    if replaces is not None and replaces.id is not None:
        saved = app.change(
            saving(session, replaces),
            f"edit of {session_words(replaces, units)}",
            f"Saved {session_words(session, units)}",
            clearing=DRAFT,
        )
    else:
        words = session_words(session, units)
        saved = app.change(saving(session), f"logging {words}", f"Logged {words}", clearing=DRAFT)
    if saved:
        return
    gone = replaces is not None and replaces.id is not None and _gone(app, replaces.id)
    if gone:
        app.notify(
            "It was deleted in another window: save it again to log it as a new entry.",
            severity="warning",
            timeout=8,
        )
        replaces = None
    keep = replace(session, id=replaces.id if replaces is not None else None)
    kind = KINDS[plan_kind_of(keep)].logged_as or "cross"
    open_form(app, kind, keep.date, session=keep, draft=replaces is None)


def _gone(app: LegrunApp, session_id: int) -> bool:
    try:
        return app.repository.session(session_id) is None
    except StorageError:
        return False


def delete_logged(app: LegrunApp, session_id: int, what: str) -> None:
    """Delete a logged session, re-plan, and offer undo (which restores it, id and all)."""
    app.change(DeleteSession(session_id), f"delete of {what}", f"Deleted {what} (u undoes)")


def open_form(
    app: LegrunApp,
    kind: str,
    day: date,
    item: PlanItem | None = None,
    session: AnySession | None = None,
    draft: bool = False,
    restore: dict[str, Any] | None = None,
) -> None:
    """Open the form for `kind`, prefilled from a planned item or an existing session (or,
    with `draft`, from what was typed before and is to be saved as a new entry)."""
    from legrun.tui.screens.cross_form import CrossForm
    from legrun.tui.screens.leg_day_form import LegDayForm
    from legrun.tui.screens.run_form import RunForm

    def done(result: AnySession | None) -> None:
        # The draft goes once the form is cancelled or saved (with the save, in one commit),
        # not before: a refused save opens the form again, and what was typed stays on disk.
        if result is None:
            drop_draft(app)
        else:
            save_session(app, result, replaces=None if draft else session)

    edit = session.id if session is not None and not draft else None

    if kind == "leg":
        form: FormScreen[Any] = LegDayForm(
            app.today,
            day,
            app.repository.exercise_names(),
            minutes=(item.minutes if item and item.minutes else 60),
            session=session if isinstance(session, LegDay) else None,
        )
    elif kind == "run":
        run_kind = run_kind_for(
            item.kind if item else "", item.workout.type if item and item.workout else None
        )
        form = RunForm(
            app.today,
            day,
            km=item.km if item else None,
            minutes=item.minutes if item else None,
            kind=run_kind,
            session=session if isinstance(session, Run) else None,
        )
    else:
        form = CrossForm(
            app.today,
            day,
            activity=(item.activity if item and item.activity else "bike"),
            minutes=item.minutes if item else None,
            session=session if isinstance(session, CrossTraining) else None,
        )
    keep_drafts(app, form, kind, day, edit, restore)
    app.push_screen(form, done)


def start_add(app: LegrunApp, day: date) -> None:
    """The add chooser: a leg day (blank, like the last one, or from a template), a run or
    cross-training, each opening its form."""
    from legrun.tui.screens.add_kind import AddKindScreen

    last = app.repository.last_leg_day(day)

    def chosen(kind: str | None) -> None:
        if kind == "last-leg" and last is not None:
            start_leg_day(app, day, last.exercises, last.minutes, last.rpe, "like the last one")
        elif kind == "template":
            choose_template(app, day)
        elif kind:
            open_form(app, kind, day)

    words = None if last is None else f"{last.date:%a %d %b}: {session_details(last)}"
    app.push_screen(AddKindScreen(day, words), chosen)


def choose_template(app: LegrunApp, day: date) -> None:
    from legrun.planner.templates import LEG_TEMPLATES
    from legrun.tui.screens.add_kind import TemplateScreen

    def chosen(index: int | None) -> None:
        if index is not None:
            template = LEG_TEMPLATES[index]
            start_leg_day(app, day, template.exercises, template.minutes, None, template.name)

    app.push_screen(TemplateScreen(), chosen)


def start_leg_day(
    app: LegrunApp,
    day: date,
    exercises: Sequence[Exercise],
    minutes: int,
    rpe: int | None,
    start: str,
) -> None:
    """The leg-day form on `day`, filled in from a template or the last leg day."""
    from legrun.tui.screens.leg_day_form import LegDayForm

    def done(result: AnySession | None) -> None:
        if result is None:  # (a save drops the draft with it; a refused one keeps it)
            drop_draft(app)
        else:
            save_session(app, result)

    form = LegDayForm(
        app.today,
        day,
        app.repository.exercise_names(),
        minutes=minutes,
        rpe=rpe,
        exercises=exercises,
        title=f"Log a leg day: {start}",
    )
    keep_drafts(app, form, "leg", day, None, None)
    app.push_screen(form, done)


def start_checkin(app: LegrunApp, day: date, restore: dict[str, Any] | None = None) -> None:
    from legrun.tui.screens.checkin_form import CheckInForm

    def done(result: CheckIn | None) -> None:
        if result is None:
            drop_draft(app)
            return
        # The draft goes with the save, in one commit; a refused save keeps it on disk.
        if app.change(SaveCheckIn(result), f"check-in of {result.date:%a %d %b}", clearing=DRAFT):
            app.notify(
                f"Check-in saved: {soreness_words(result)}. The week is re-planned.",
                timeout=4,
            )
            return
        # Refused (a full disk, a locked file): the form again, with what was typed.
        again = CheckInForm(app.today, result.date, result)
        keep_drafts(app, again, "checkin", result.date, None, None)
        app.push_screen(again, done)

    form = CheckInForm(app.today, day, app.repository.checkin(day))
    keep_drafts(app, form, "checkin", day, None, restore)
    app.push_screen(form, done)


# -- drafts: what a form holds, kept as it is typed, so a dropped connection loses nothing --

DRAFT = "form-draft"  # the setting that holds it (JSON), empty when there is none


def keep_drafts(
    app: LegrunApp,
    form: FormScreen[Any],
    kind: str,
    day: date,
    edit: int | None,
    restore: dict[str, Any] | None,
) -> None:
    """Have `form` keep what is typed into it as the app's draft (and start from `restore`)."""

    def keep(held: dict[str, Any]) -> None:
        draft = {"kind": kind, "day": day.isoformat(), "edit": edit, **held}
        with contextlib.suppress(StorageError):
            app.repository.set_setting(DRAFT, json.dumps(draft))

    form.on_draft = keep
    form.restore = restore


def drop_draft(app: LegrunApp) -> None:
    with contextlib.suppress(StorageError):
        if app.repository.setting(DRAFT):
            app.repository.set_setting(DRAFT, "")


def offer_draft(app: LegrunApp) -> bool:
    """A form left unsaved last time (the connection dropped, the terminal closed) opens again
    with what was typed in it. Whether there was one."""
    try:
        text = app.repository.setting(DRAFT)
        if not text:
            return False
        draft = json.loads(text)
        kind, day = str(draft["kind"]), date.fromisoformat(draft["day"])
        session = app.repository.session(int(draft["edit"])) if draft.get("edit") else None
    except (StorageError, ValueError, KeyError, TypeError, AttributeError):
        drop_draft(app)  # unreadable: nothing to offer
        return False
    if kind == "checkin":
        start_checkin(app, day, restore=draft)
    elif kind in ("leg", "run", "cross"):
        open_form(app, kind, day, session=session, restore=draft)
    else:
        drop_draft(app)
        return False
    app.notify("What you were typing last time is back: ctrl+s saves it, esc drops it.", timeout=8)
    return True
