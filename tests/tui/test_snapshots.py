"""Snapshots of the real app at 80x24 and 120x40: the week on the demo data, a day, the leg-day
form with two exercises, help and the profile. Deterministic: the date is frozen, text cursors
do not blink, the theme is fixed and nothing is read from the user's data dir.

Regenerate after a deliberate change with
`uv run pytest tests/tui/test_snapshots.py --snapshot-update`, and look at the SVGs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from legrun.storage import Repository
from legrun.tui.application import make_app
from tests.conftest import TODAY
from tests.tui.support import no_blink, paste

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing from the developer's environment reaches the picture."""
    folders = {"XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "config", "HOME": "home"}
    for name, folder in folders.items():
        monkeypatch.setenv(name, str(tmp_path / folder))
    for name in ("LEGRUN_DB", "NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(name, raising=False)


def steps(*keys: str, text: tuple[str, ...] = ()) -> Callable[[Pilot], Awaitable[None]]:
    """Press `keys`, paste each of `text` followed by enter, then stop the cursors blinking."""

    async def run(pilot: Pilot) -> None:
        pilot.app.theme = "textual-dark"
        await pilot.press(*keys)
        for line in text:
            await paste(pilot, line)
            await pilot.press("enter")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        no_blink(pilot.app)  # type: ignore[arg-type]

    return run


@pytest.mark.parametrize("size", SIZES)
def test_week_with_demo_data(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps())


@pytest.mark.parametrize("size", SIZES)
def test_day_detail(snap_compare, demo_repo: Repository, size) -> None:
    # Yesterday, Monday: a logged leg day with its exercises and its after-care checklist.
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("h", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_leg_day_form_with_two_exercises(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    fill = steps("a", "l", "8", "tab", text=("back squat 5x5@100kg", "romanian deadlift 3x8@80kg"))
    assert snap_compare(app, terminal_size=size, run_before=fill)


@pytest.mark.parametrize("size", SIZES)
def test_help(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("question_mark"))


@pytest.mark.parametrize("size", SIZES)
def test_profile(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("4"))


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("2"))


@pytest.mark.parametrize("size", SIZES)
def test_trends_volume(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("3"))


@pytest.mark.parametrize("size", SIZES)
def test_trends_recovery_and_bests(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("3", "h"))


def test_welcome_on_a_new_database(snap_compare, repo: Repository) -> None:
    app = make_app(repo, today=TODAY, welcome=True)
    assert snap_compare(app, terminal_size=(80, 24), run_before=steps())
