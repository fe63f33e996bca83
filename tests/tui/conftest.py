"""Fixtures of the TUI tests: the app on a real SQLite file in tmp_path, with the date frozen."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from legrun.planner.models import Profile, Run
from legrun.storage import Repository
from legrun.storage.demo import fill_with_demo
from legrun.tui.application import LegrunApp, make_app
from tests.conftest import TODAY
from tests.tui.support import day


@pytest.fixture
def collector_restored() -> Iterator[None]:
    """Python's garbage collector as it was, after a test that starts the app's collector
    (which freezes, and stops the collector's own full passes): else the rest of the worker
    would run without them."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)
    gc.enable()


@pytest.fixture
def app(repo: Repository) -> LegrunApp:
    return make_app(repo, today=TODAY)


@pytest.fixture
def trained_repo(repo: Repository) -> Repository:
    """A runner with a real running base: five runs a week towards 40 km, and last week's
    40 km logged, so that every run the planner places is long enough to stay a run when a
    rule shortens it (a recovery run is at most 60 % of an easy run)."""
    repo.save_profile(Profile(runs_per_week=5, weekly_km=40.0))
    for offset, km, kind in ((-7, 8.0, "easy"), (-5, 10.0, "easy"), (-3, 8.0, "easy")):
        repo.add_session(Run(date=day(offset), km=km, minutes=round(km * 6), kind=kind))
    repo.add_session(Run(date=day(-1), km=14.0, minutes=90, kind="long"))
    return repo


@pytest.fixture
def demo_repo(repo: Repository) -> Repository:
    """The `--demo` data: eight weeks of leg days, runs, cross-training and check-ins ending
    yesterday, filled the way `legrun-tui --demo` fills its throwaway database."""
    fill_with_demo(repo, TODAY)
    return repo
