"""Moving data in and out from the app: the command palette's entries open a path field and
do the work off the UI thread with a progress bar; a bad path is said and nothing is done."""

from __future__ import annotations

from pathlib import Path

from icalendar import Calendar
from textual.command import CommandPalette
from textual.widgets import ProgressBar

from legrun.storage import Repository
from legrun.tui.application import make_app
from legrun.tui.interop.actions import ACTIONS
from legrun.tui.screens.transfer import TransferScreen
from legrun.tui.widgets.field_input import FieldInput
from tests.conftest import TODAY
from tests.tui.support import SIZE, paste, settle


def action(key: str):
    return next(a for a in ACTIONS if a.key == key)


async def test_the_palette_offers_the_exports_imports_and_backup(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await paste(pilot, "calendar file")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TransferScreen)
        assert app.screen.action.key == "export-ics"


async def test_export_ics_from_the_app_writes_the_file(repo: Repository, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(TransferScreen(action("export-ics")))
        await pilot.pause()
        field = app.screen.query_one("#transfer-path", FieldInput)
        field.value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, TransferScreen)
        said = [str(n.message) for n in app._notifications]
        assert any(f"written to {target}" in m for m in said), said
    events = Calendar.from_ical(target.read_bytes()).events
    assert events and all(str(e["UID"]).endswith("@legrun-tui") for e in events)


async def test_a_path_in_a_missing_folder_is_said_and_the_screen_stays(
    repo: Repository, tmp_path: Path
) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(TransferScreen(action("export-ics")))
        await pilot.pause()
        app.screen.query_one("#transfer-path", FieldInput).value = str(tmp_path / "no" / "x.ics")
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TransferScreen)
        assert "does not exist" in str(screen.query_one("#form-error").render())
        assert screen.query_one("#transfer-progress", ProgressBar).progress < 2
    assert not (tmp_path / "no").exists()
