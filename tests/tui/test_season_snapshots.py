"""Snapshots of the season screen (key 5) at 80x24 and 120x40, on the demo data: without a
goal (the next 12 weeks) and with a half marathon on Sunday 7 March 2027 (base to recovery).
Deterministic as tests/tui/test_snapshots.py: the date frozen, the theme fixed, nothing read
from the user's data dir.

Regenerate after a deliberate change with
`uv run pytest tests/tui/test_season_snapshots.py --snapshot-update`, and look at the SVGs."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest
from textual.pilot import Pilot

from legrun.planner.goal import Goal
from legrun.storage import Repository
from legrun.tui.application import make_app
from tests.conftest import TODAY

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
HALF = Goal(date(2027, 3, 7), 21.0975)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing from the developer's environment reaches the picture."""
    folders = {"XDG_DATA_HOME": "data", "XDG_CONFIG_HOME": "config", "HOME": "home"}
    for name, folder in folders.items():
        monkeypatch.setenv(name, str(tmp_path / folder))
    for name in ("LEGRUN_DB", "NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_COLOR_SYSTEM"):
        monkeypatch.delenv(name, raising=False)


def steps(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    async def run(pilot: Pilot) -> None:
        pilot.app.theme = "textual-dark"
        await pilot.press(*keys)
        await pilot.pause()

    return run


@pytest.mark.parametrize("size", SIZES)
def test_season_without_a_goal(snap_compare, demo_repo: Repository, size) -> None:
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("5"))


@pytest.mark.parametrize("size", SIZES)
def test_season_to_a_half_marathon(snap_compare, demo_repo: Repository, size) -> None:
    # The fourth week highlighted: an easier week of the base phase.
    demo_repo.save_goal(HALF)
    app = make_app(demo_repo, today=TODAY, demo=True)
    assert snap_compare(app, terminal_size=size, run_before=steps("5", "j", "j", "j"))
