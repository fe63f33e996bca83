"""A form being typed into is kept as a draft, so a dropped connection loses nothing: the
next start opens it again with what was typed; saving or cancelling drops the draft."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from legrun.planner.models import Run
from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.flows import DRAFT
from legrun.tui.screens.checkin_form import CheckInForm
from legrun.tui.screens.leg_day_form import LegDayForm
from legrun.tui.screens.run_form import RunForm
from tests.conftest import TODAY
from tests.tui.support import SIZE


async def test_a_half_typed_run_comes_back_after_the_app_is_gone(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "7", ".", "5", "tab", "4")
        await pilot.pause(0.5)  # kept a moment after the last key
        assert isinstance(app.screen, RunForm)
    # The app ended with the form open (as a hang-up ends it): nothing saved, a draft kept.
    assert repo.sessions() == []
    kept = json.loads(repo.setting(DRAFT) or "{}")
    assert kept["kind"] == "run" and kept["fields"]["km"] == "7.5"

    again = make_app(repo, today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = again.screen
        assert isinstance(form, RunForm)
        assert form.query_one("#f-km", Input).value == "7.5"
        assert form.query_one("#f-minutes", Input).value == "4"
        assert any("last time is back" in str(n.message) for n in again._notifications)
        await pilot.press("end", "5", "ctrl+s")
        await pilot.pause()
    assert [(s.km, s.minutes) for s in repo.sessions()] == [(7.5, 45)]
    assert not repo.setting(DRAFT)  # saved: no draft left


async def test_a_signal_keeps_the_keys_typed_just_before_it(db_path: Path) -> None:
    # A draft is kept 0.3 s after the last key; a hang-up in that moment must not drop the
    # last keys. The app closes its database as it leaves: read the file afresh.
    app = make_app(Repository.open(db_path), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "7", ".", "5")
        await pilot.pause(0.5)
        await pilot.press("tab", "4", "2")  # and at once:
        app._exit_on_signal(signal.SIGHUP)
        await pilot.pause()
    assert app.return_code == 128 + signal.SIGHUP
    with Repository.open(db_path) as repo:
        kept = json.loads(repo.setting(DRAFT) or "{}")
        assert repo.sessions() == []
    assert kept["fields"]["km"] == "7.5" and kept["fields"]["minutes"] == "42"


async def test_a_cancelled_form_leaves_no_draft(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "5")
        await pilot.pause(0.5)
        assert repo.setting(DRAFT)
        await pilot.press("escape")
        await pilot.pause()
    assert not repo.setting(DRAFT)


async def test_a_form_closed_before_its_draft_was_kept_keeps_none(repo: Repository) -> None:
    """Saved within the moment after the last key: the form, taken down a frame later, must
    not write the draft its save has just dropped (the next start would offer it again)."""
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "5", "tab", "3", "0")
        form = app.screen
        assert isinstance(form, RunForm)
        await pilot.press("ctrl+s")  # at once: the draft's moment has not come yet
        form.keep_draft()  # as its timer would, were the form still there when it fires
        await pilot.pause(0.5)
    assert [(s.km, s.minutes) for s in repo.sessions()] == [(5.0, 30)]
    assert not repo.setting(DRAFT)


async def test_a_leg_day_draft_keeps_its_exercises(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "l")
        form = app.screen
        assert isinstance(form, LegDayForm)
        form.query_one("#f-exercise", Input).focus()
        form.query_one("#f-exercise", Input).value = "back squat 5x5@100kg"
        await pilot.press("enter")
        await pilot.pause(0.5)
    again = make_app(repo, today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = again.screen
        assert isinstance(form, LegDayForm)
        assert [e.describe() for e in form.exercises] == ["back squat 5x5@100kg"]


async def test_an_edit_draft_comes_back_as_an_edit_of_the_same_session(repo: Repository) -> None:
    from legrun.tui.flows import open_form

    run_id = repo.add_session(Run(date=TODAY, minutes=30, km=5.0))
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        open_form(app, "run", TODAY, session=repo.session(run_id))
        await pilot.pause()
        app.screen.query_one("#f-km", Input).value = "6"
        await pilot.pause(0.5)
    again = make_app(repo, today=TODAY)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, RunForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert [(s.id, s.km) for s in repo.sessions()] == [(run_id, 6.0)]


async def test_an_unreadable_draft_is_dropped_quietly(repo: Repository) -> None:
    repo.set_setting(DRAFT, "{not json")
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, RunForm)
    assert not repo.setting(DRAFT)


async def _save_refused_then_saved(pilot: Pilot[int], repo: Repository, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    """ctrl+s on the open form with the database refusing (a full disk), then again with it
    taking the save; the draft as it was on disk between the two, as JSON."""
    from legrun.storage import StorageError

    form = type(pilot.app.screen)
    apply = repo.apply

    def refused(change):  # type: ignore[no-untyped-def]
        raise StorageError("the disk is full")

    monkeypatch.setattr(repo, "apply", refused)
    await pilot.press("ctrl+s")
    await pilot.pause()
    assert type(pilot.app.screen) is form  # open again, with what was typed
    kept = repo.setting(DRAFT) or "{}"
    monkeypatch.setattr(repo, "apply", apply)
    await pilot.press("ctrl+s")
    await pilot.pause()
    return kept


async def test_a_refused_save_keeps_the_draft_until_the_form_is_saved(
    repo: Repository, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A save the database refuses (a full disk, a locked file) reopens the form with what
    was typed, and the draft on disk stays: the app may be gone before the next try. Only a
    save that went through drops it."""
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "7", ".", "5", "tab", "4", "5")
        await pilot.pause(0.5)  # the draft is kept
        assert isinstance(app.screen, RunForm)
        kept = await _save_refused_then_saved(pilot, repo, monkeypatch)
    assert json.loads(kept).get("fields", {}).get("km") == "7.5"
    assert [(s.km, s.minutes) for s in repo.sessions()] == [(7.5, 45)]
    assert not repo.setting(DRAFT)


async def test_a_refused_check_in_keeps_its_draft_until_it_is_saved(
    repo: Repository, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """As for the session forms: the check-in's draft went before its save was tried, so a
    refused save (the form open again) had nothing on disk if the app was gone next."""
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("c", "6")
        await pilot.pause(0.5)  # the draft is kept
        assert isinstance(app.screen, CheckInForm)
        kept = await _save_refused_then_saved(pilot, repo, monkeypatch)
    assert json.loads(kept).get("fields", {}).get("soreness") == "6"
    assert [c.soreness for c in repo.checkins()] == [6]
    assert not repo.setting(DRAFT)


async def test_a_save_and_its_draft_going_are_one_commit(repo: Repository) -> None:
    """Never a saved run with its draft still on disk (offered again at the next start), nor
    a draft gone without the run: one transaction holds both (and one commit is one wait
    for the disk, not two)."""
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "r", "5", "tab", "3", "0")
        await pilot.pause(0.5)  # the draft is kept
        assert repo.setting(DRAFT)
        statements: list[str] = []
        repo._db.raw.set_trace_callback(statements.append)
        await pilot.press("ctrl+s")
        await pilot.pause()
        repo._db.raw.set_trace_callback(None)
    assert [(s.km, s.minutes) for s in repo.sessions()] == [(5.0, 30)]
    assert not repo.setting(DRAFT)
    assert [s for s in statements if s.startswith(("BEGIN", "COMMIT"))] == [
        "BEGIN IMMEDIATE",
        "COMMIT",
    ]
