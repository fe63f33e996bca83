"""Shared fixtures: real SQLite files in tmp_path, the installed command as a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from legrun.storage import Repository

TODAY = date(2026, 11, 24)  # a Tuesday; every test runs on this frozen date


def legrun_command() -> list[str]:
    """The installed console script (what a user runs), from this environment."""
    found = shutil.which("legrun-tui", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the legrun-tui console script is not installed in this environment")
    return [found]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "legrun.db"


@pytest.fixture
def repo(db_path: Path) -> Iterator[Repository]:
    repository = Repository.open(db_path)
    try:
        yield repository
    finally:
        repository.close()


@pytest.fixture
def isolated_env(tmp_path: Path) -> dict[str, str]:
    """An environment whose data dir, config and clock belong to the test."""
    env = dict(os.environ)
    env.update(
        LEGRUN_TODAY=TODAY.isoformat(),
        XDG_DATA_HOME=str(tmp_path / "xdg-data"),
        XDG_CONFIG_HOME=str(tmp_path / "xdg-config"),
        HOME=str(tmp_path / "home"),
        NO_COLOR="1",
    )
    env.pop("LEGRUN_DB", None)
    return env


@pytest.fixture
def cli(db_path: Path, isolated_env: dict[str, str]):
    """Run the installed `legrun-tui --db <tmp db> ARGS...`; returns the CompletedProcess."""

    def run(
        *args: str, db: Path | None = db_path, timeout: float = 60
    ) -> subprocess.CompletedProcess[str]:
        command = legrun_command()
        if db is not None:
            command += ["--db", str(db)]
        return subprocess.run(
            command + list(args),
            capture_output=True,
            text=True,
            env=isolated_env,
            timeout=timeout,
        )

    return run
