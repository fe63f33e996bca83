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


async def run_action(app, pilot, key: str, text: str) -> None:
    app.push_screen(TransferScreen(action(key)))
    await pilot.pause()
    app.screen.query_one("#transfer-path", FieldInput).value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_export_then_import_everything_and_a_backup_from_the_app(
    demo_repo: Repository, repo: Repository, tmp_path: Path
) -> None:
    exported = tmp_path / "all.json"
    app = make_app(demo_repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await run_action(app, pilot, "export-json", str(exported))
        await run_action(app, pilot, "backup", str(tmp_path / "copy.db"))
        said = [str(n.message) for n in app._notifications]
        assert any("Backed up to" in m for m in said), said
    assert exported.exists() and (tmp_path / "copy.db").exists()
    with Repository.open(tmp_path / "copy.db") as copy:
        assert copy.session_count() == demo_repo.session_count()
    fresh = make_app(repo, today=TODAY)
    async with fresh.run_test(size=SIZE) as pilot:
        await run_action(fresh, pilot, "import-json", str(exported))
        said = [str(n.message) for n in fresh._notifications]
        assert any(m.startswith("Imported") for m in said), said
        week = fresh.screen
        assert getattr(week, "plan", None) is not None
    assert repo.session_count() == demo_repo.session_count()


async def test_gpx_files_from_the_app_with_progress(repo: Repository, tmp_path: Path) -> None:
    track = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>
<trkpt lat="52.0" lon="13.0"><time>2026-11-22T08:00:00Z</time></trkpt>
<trkpt lat="52.01" lon="13.0"><time>2026-11-22T08:06:00Z</time></trkpt>
<trkpt lat="52.02" lon="13.0"><time>2026-11-22T08:12:00Z</time></trkpt>
</trkseg></trk></gpx>"""
    first, second = tmp_path / "a.gpx", tmp_path / "b-copy.gpx"
    first.write_text(track)
    second.write_text(track)  # the same activity under another name: added once
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await run_action(app, pilot, "import-gpx", f"{first} {second}")
        said = [str(n.message) for n in app._notifications]
        assert any(m.startswith("Imported 1 run (1 already there)") for m in said), said
    (run,) = repo.sessions()
    assert round(run.km, 1) == 2.2 and run.minutes == 12  # type: ignore[union-attr]
