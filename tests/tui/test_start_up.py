"""What the start-up does for speed, checked where a figure cannot be: the collector is off
while the app starts and on again after its one pass, and the week is the bottom screen."""

from __future__ import annotations

import gc
import weakref
from datetime import date
from pathlib import Path

import pytest

from legrun.storage import Repository
from legrun.tui import application
from legrun.tui.application import make_app
from legrun.tui.cli import main
from legrun.tui.collector import IdleCollector
from legrun.tui.screens.week import WeekScreen
from tests.conftest import TODAY


def test_the_app_starts_with_the_collector_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    seen: list[bool] = []

    def run_app(repo: Repository, today: date, **_: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(application, "run_app", run_app)
    assert main(["--db", str(tmp_path / "legrun.db")]) == 0
    assert seen == [False]


def test_the_start_up_pass_frees_cycles_freezes_the_rest_and_turns_the_collector_on(
    collector_restored: None,
) -> None:
    gc.disable()
    frozen = gc.get_freeze_count()

    class Cycle:
        def __init__(self) -> None:
            self.me = self

    garbage = weakref.ref(Cycle())  # only the collector can free it
    assert garbage() is not None
    IdleCollector().start()  # what the app does a second after its first frame
    assert gc.isenabled()
    assert gc.get_freeze_count() > frozen
    assert garbage() is None  # freed, not frozen


async def test_the_week_is_the_bottom_of_the_screen_stack(repo: Repository) -> None:
    app = make_app(repo, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        assert [type(s) for s in app.screen_stack] == [WeekScreen]
        await pilot.press("2", "1")  # and the numbered screens come back to it
        assert [type(s) for s in app.screen_stack] == [WeekScreen]


def test_the_collector_is_on_again_when_the_app_fails_to_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, collector_restored: None
) -> None:
    def run_app(repo: Repository, today: date, **_: object) -> int:
        assert not gc.isenabled()
        raise KeyboardInterrupt  # ctrl+c during Textual's import, or the app's start

    monkeypatch.setattr(application, "run_app", run_app)
    assert main(["--db", str(tmp_path / "legrun.db")]) == 130
    assert gc.isenabled()


def test_the_collector_is_on_again_when_the_database_cannot_be_opened(
    tmp_path: Path, collector_restored: None
) -> None:
    assert main(["--db", str(tmp_path)]) == 1  # a folder, not a database
    assert gc.isenabled()


def test_the_app_runs_with_a_short_switch_interval_and_gives_the_old_one_back(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual's output and input threads wait for the interpreter lock while the event loop
    works: the app runs with a short switch interval (a figure only a benchmark can show),
    and leaves the process as it found it, even when the run fails."""
    import sys

    seen: list[float] = []

    def run(self: application.LegrunApp) -> None:
        seen.append(sys.getswitchinterval())
        raise RuntimeError("the terminal went away")

    monkeypatch.setattr(application.LegrunApp, "run", run)
    # (Nor what run_app changes in Textual for a real terminal, in the tests' process.)
    monkeypatch.setattr("legrun.tui.escdelay.lengthen_escape_delay", lambda: 0.0)
    monkeypatch.setattr("legrun.tui.foreign_bytes.replace_foreign_bytes", lambda: None)
    before = sys.getswitchinterval()
    with pytest.raises(RuntimeError):
        application.run_app(repo, TODAY)
    assert seen == [pytest.approx(0.0005)]
    assert sys.getswitchinterval() == before
